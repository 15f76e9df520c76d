/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* A hostile file opened in the window: an error dialog says where, and the
 * portfolio on screen, its title and its file stay as they were. */

/* Whether the window @data is no longer loading and has a dialog over it. */
static gboolean
has_error_dialog (gpointer data)
{
  return !lode_window_get_busy (data)
         && lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (data)) != NULL;
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
  g_assert_true (lode_test_poll (has_error_dialog, window, 30));
  dialog = lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));

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
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/window-hostile/open-deep-nesting", test_open_deep_nesting);

  return lode_test_run ();
}
