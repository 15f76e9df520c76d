/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lode-application.h"
#include "lode-export-index.h"
#include "lode-exports-page.h"
#include "lode-history.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* Opening a large file in the window: the portfolio open stays until the
 * new one is ready, a bar shows the progress, Cancel leaves everything as
 * it was. */

#define N_RECORDS 200000

static const char * const minerals[] = { "copper", "chromite", "coal", "gold" };
static const char * const destinations[] = { "CN", "AE", "US", "DE" };

/* A real file of @n_records export records, written by the core. */
static char *
write_large_portfolio (const char *dir,
                       guint       n_records)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Large");
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  char *path = g_build_filename (dir, "large.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = lode_mineral_new (minerals[i], minerals[i],
                                                         LODE_MINERAL_GROUP_OTHER);

      g_list_store_append (lode_portfolio_get_minerals (portfolio), mineral);
    }

  lode_export_table_reserve (table, n_records);
  for (guint i = 0; i < n_records; i++)
    {
      LodeExportRow row = {
        .mineral = minerals[i % G_N_ELEMENTS (minerals)],
        .year = g_rand_int_range (rand, 2005, 2025),
        .month = g_rand_int_range (rand, 1, 13),
        .destination = destinations[g_rand_int_range (rand, 0, G_N_ELEMENTS (destinations))],
        .quantity = LODE_QUANTITY_UNSET,
        .value = g_rand_int_range (rand, 0, 1000000000),
      };

      lode_export_table_append_silent (table, &row);
    }
  lode_export_table_announce (table, 0, 0, n_records);

  file = g_file_new_for_path (path);
  g_assert_true (lode_portfolio_save_file (portfolio, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static gboolean
exports_counted (gpointer data)
{
  LodeWindow *window = data;
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  LodeExportIndex *index = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "index");

  return !lode_window_get_busy (window) && !lode_export_index_get_busy (index);
}

static void
test_open_cancel_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-test-window-load-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *title_before = NULL;
  g_autofree char *pipe_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) pipe_file = NULL;
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window;
  int writer;
  GtkRevealer *load_bar;
  GtkProgressBar *progress;
  GtkStack *main_stack;
  GtkLabel *totals;
  AdwComboRow *destination_filter;
  LodePortfolio *opened;
  gpointer page;

  g_assert_no_error (error);
  path = write_large_portfolio (dir, N_RECORDS);
  file = g_file_new_for_path (path);

  window = lode_test_window_new (sample);
  load_bar = lode_test_template_child (window, LODE_TYPE_WINDOW, "load_bar");
  progress = lode_test_template_child (window, LODE_TYPE_WINDOW, "load_progress");
  main_stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "main_stack");
  title_before = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_false (gtk_revealer_get_reveal_child (load_bar));

  /* While it loads, the bar shows and the sample stays, with its pages.
   * The first load reads a named pipe nobody writes to, so that it is
   * still under way however slow the test runs. */
  pipe_path = g_build_filename (dir, "slow.json", NULL);
  g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
  pipe_file = g_file_new_for_path (pipe_path);
  lode_window_open_file (window, pipe_file);
  g_assert_true (lode_window_get_busy (window));
  lode_test_settle ();
  g_assert_true (gtk_revealer_get_reveal_child (load_bar));
  g_assert_true (lode_test_wait_for (lode_test_is_mapped, progress));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "portfolio");
  g_assert_true (lode_window_get_portfolio (window) == sample);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_before);

  /* Cancel: nothing changed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL);
  g_assert_false (lode_window_get_busy (window));
  g_assert_false (gtk_revealer_get_reveal_child (load_bar));
  g_assert_true (lode_window_get_portfolio (window) == sample);
  g_assert_null (lode_window_get_file (window));
  g_assert_false (lode_portfolio_get_modified (sample));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_before);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "portfolio");
  /* The abandoned load ends once the pipe has had a writer. */
  writer = open (pipe_path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (writer >= 0)
    close (writer);
  lode_test_settle ();
  g_assert_true (lode_window_get_portfolio (window) == sample);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title_before);

  /* Open again and let it finish. */
  lode_window_open_file (window, file);
  g_assert_true (lode_window_get_busy (window));
  g_assert_true (lode_test_poll (exports_counted, window, 120));
  opened = lode_window_get_portfolio (window);
  g_assert_true (opened != sample);
  g_assert_true (g_file_equal (lode_window_get_file (window), file));
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (opened)), ==, N_RECORDS);
  g_assert_false (gtk_revealer_get_reveal_child (load_bar));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "large.json – Lode");

  /* The totals line groups the digits of the count. */
  page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  totals = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "totals_label");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (totals), "200,000 records · total "));

  /* The destinations of the records are listed once the filters show. */
  destination_filter = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "destination_filter");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (destination_filter)), ==, 1);
  gtk_menu_button_popup (lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "filters_button"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (destination_filter)), ==,
                    1 + G_N_ELEMENTS (destinations));

  gtk_window_destroy (GTK_WINDOW (window));
  lode_test_remove_tree (dir);
}

static gboolean
has_dialog (gpointer data)
{
  return lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (data)) != NULL;
}

/* Edits made while a file loads are not dropped when it is ready: the
 * window asks first, and keeps them until answered. */
static void
test_edit_while_loading (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-test-window-load-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  GValue title = G_VALUE_INIT;
  LodeWindow *window;
  GtkWindow *dialog;

  g_assert_no_error (error);
  path = write_large_portfolio (dir, N_RECORDS / 4);
  file = g_file_new_for_path (path);
  window = lode_test_window_new (sample);

  lode_window_open_file (window, file);
  g_assert_true (lode_window_get_busy (window));

  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "Edited while loading");
  lode_history_set_property (lode_portfolio_get_history (sample), "Rename Portfolio",
                             G_OBJECT (sample), "title", &title);
  g_value_unset (&title);
  g_assert_true (lode_portfolio_get_modified (sample));

  g_assert_true (lode_test_poll (has_dialog, window, 120));
  g_assert_true (lode_window_get_portfolio (window) == sample);
  g_assert_cmpstr (lode_portfolio_get_title (sample), ==, "Edited while loading");
  g_assert_true (lode_portfolio_get_modified (sample));

  dialog = lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  gtk_window_destroy (dialog);
  lode_portfolio_set_modified (sample, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  lode_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/window/load/open-cancel-open", test_open_cancel_open);
  g_test_add_func ("/lode/window/load/edit-while-loading", test_edit_while_loading);

  return lode_test_run ();
}
