/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "lode-application.h"
#include "lode-portfolio-io.h"
#include "lode-window.h"

/* A hostile file opened in the window: an error dialog says where, and the
 * portfolio on screen, its title and its file stay as they were. */

static gboolean
deadline_passed (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until the window has a dialog over it and is no
 * longer loading, or 30 seconds pass. */
static AdwMessageDialog *
wait_for_error_dialog (LodeWindow *window)
{
  gboolean late = FALSE;
  guint deadline = g_timeout_add_seconds (30, deadline_passed, &late);

  while (!late)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !lode_window_get_busy (window); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel)
              && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
            {
              g_source_remove (deadline);
              return ADW_MESSAGE_DIALOG (toplevel);
            }
        }
      g_main_context_iteration (NULL, TRUE);
    }

  return NULL;
}

static void
test_open_deep_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-test-window-hostile-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *title_before = NULL;
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(GString) text = g_string_new ("{\"format\":\"lode-portfolio\",\"version\":1,\n\"x\":");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes_before = NULL;
  g_autoptr(GBytes) bytes_after = NULL;
  LodeWindow *window;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  /* 100,000 levels inside a member Lode does not know. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  path = g_build_filename (dir, "hostile.json", NULL);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  file = g_file_new_for_path (path);

  window = lode_window_new (GTK_APPLICATION (g_application_get_default ()));
  lode_window_set_portfolio (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  title_before = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  bytes_before = lode_portfolio_to_bytes (sample);

  lode_window_open_file (window, file);
  dialog = wait_for_error_dialog (window);
  g_assert_nonnull (dialog);

  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "hostile.json"));
  /* The root is level 1, "x" holds level 2: level 65 is its 64th bracket. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Line 2, column 68: nesting deeper than 64 levels"));
  g_assert_true (lode_window_get_portfolio (window) == sample);
  g_assert_null (lode_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_before);
  bytes_after = lode_portfolio_to_bytes (sample);
  g_assert_true (g_bytes_equal (bytes_before, bytes_after));
  g_assert_false (lode_portfolio_get_modified (sample));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LodeApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  application = lode_application_new ();
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (application));

  g_test_add_func ("/lode/window-hostile/open-deep-nesting", test_open_deep_nesting);

  status = g_test_run ();

  g_application_release (G_APPLICATION (application));

  return status;
}
