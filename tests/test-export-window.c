/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-exports-page.h"
#include "lode-import.h"
#include "lode-portfolio-io.h"
#include "lode-spreadsheet-export.h"
#include "lode-test-ui.h"

/* Export from the window: the records as the Exports page shows them,
 * the whole portfolio as a workbook, the toast that says so and the
 * dialog that says why not. The file chooser is the desktop's and is
 * left out: the tests start where a file has been chosen. */

typedef struct
{
  char  *path;
  gsize  min_length;
} FileWait;

static gboolean
file_is_written (gpointer data)
{
  FileWait *wait = data;
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (wait->path, &contents, &length, NULL) && length >= wait->min_length;
}

static void
wait_for_file (const char *path,
               gsize       min_length)
{
  FileWait wait = { (char *) path, min_length };

  g_assert_true (lode_test_poll (file_is_written, &wait, 30));
}

static gboolean
index_is_idle (gpointer data)
{
  return !lode_export_index_get_busy (data);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("lode-export-window-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} FindLabel;

static gboolean
has_label (gpointer data)
{
  FindLabel *find = data;

  return lode_test_find_widget (find->root, GTK_TYPE_LABEL, find->text) != NULL;
}

/* The records shown after a search and a filter, in the page's order; the
 * toast counts them. */
static void
test_records_as_shown (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  LodeExportIndex *index = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "index");
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *path = g_build_filename (folder, "copper.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeSpreadsheet) expected_sheet = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *toast = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_shown;

  adw_view_stack_set_visible_child_name (stack, "exports");
  lode_exports_page_show_filtered (page, "copper", NULL, NULL, 0);
  g_assert_true (lode_test_poll (index_is_idle, index, 30));
  lode_test_settle ();

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (index));
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <, lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)));
  g_assert_true (gtk_widget_get_sensitive (lode_test_find_widget (page, GTK_TYPE_BUTTON,
                                                                 "Export Records as CSV… (Ctrl+E)")));

  expected_sheet = lode_spreadsheet_new (portfolio, index);
  expected = lode_spreadsheet_to_csv (expected_sheet);
  lode_spreadsheet_export_to_file (page, portfolio, index, LODE_SPREADSHEET_FORMAT_CSV, file);
  wait_for_file (path, g_bytes_get_size (expected));

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, g_bytes_get_data (expected, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_shown + 2);
  g_assert_cmpstr (lines[0], ==, LODE_SPREADSHEET_CSV_HEADER);
  for (guint i = 1; i <= n_shown; i++)
    g_assert_true (g_str_has_prefix (lines[i], "copper,"));

  toast = g_strdup_printf (n_shown == 1 ? "Exported %u record to “copper.csv”"
                                        : "Exported %u records to “copper.csv”", n_shown);
  {
    FindLabel find = { GTK_WIDGET (window), toast };

    g_assert_true (lode_test_poll (has_label, &find, 30));
  }

  lode_test_remove_tree (folder);
  lode_test_destroy_window (window);
}

/* The window's CSV carries the period kind and the amount as entered,
 * and the window's import reads them back: the records come back the
 * same into an empty portfolio. */
static void
test_periods_round_trip (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = NULL;
  LodePortfolio *portfolio;
  LodeExportTable *table;
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *path = g_build_filename (folder, "periods.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodePortfolio) empty = lode_portfolio_new ("Empty");
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  LodeImportOptions options;
  LodeExportTable *imported;
  LodeExportRow fiscal = {
    .mineral = "copper", .year = 2024, .destination = "CN", .stage = LODE_STAGE_UNKNOWN,
    .quantity = LODE_QUANTITY_UNSET, .unit = LODE_UNIT_NONE, .value = 250000,
    .period = LODE_PERIOD_KIND_FISCAL_YEAR, .original_currency = "PKR", .original_amount = 69625000,
  };

  lode_portfolio_set_fiscal_year_start (sample, 7);
  lode_export_table_append (lode_portfolio_get_exports (sample), &fiscal);
  window = lode_test_window_new (sample);
  portfolio = lode_window_get_portfolio (window);
  table = lode_portfolio_get_exports (portfolio);

  lode_spreadsheet_export_to_file (GTK_WIDGET (window), portfolio, NULL, LODE_SPREADSHEET_FORMAT_CSV, file);
  wait_for_file (path, 1);
  {
    FindLabel find = { GTK_WIDGET (window), NULL };
    g_autofree char *toast = g_strdup_printf ("Exported %u records to “periods.csv”",
                                              lode_export_table_get_n_rows (table));

    find.text = toast;
    g_assert_true (lode_test_poll (has_label, &find, 30));
  }
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\ncopper,2024,,CN,,,,,2500.00,,fiscal_year,696250.00,PKR\n"));

  lode_import_options_init (&options);
  plan = lode_import_plan_new (empty, file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_LODE);
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, 0);
  g_assert_true (lode_import_plan_apply (plan, empty, &error));
  g_assert_no_error (error);

  imported = lode_portfolio_get_exports (empty);
  g_assert_cmpuint (lode_export_table_get_n_rows (imported), ==, lode_export_table_get_n_rows (table));
  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow a, b;

      lode_export_table_get_row (table, i, &a);
      lode_export_table_get_row (imported, i, &b);
      g_assert_cmpstr (a.mineral, ==, b.mineral);
      g_assert_cmpint (a.year, ==, b.year);
      g_assert_cmpint (a.month, ==, b.month);
      g_assert_cmpint (a.value, ==, b.value);
      g_assert_cmpint (a.period, ==, b.period);
      g_assert_cmpstr (a.original_currency, ==, b.original_currency);
      if (a.original_currency != NULL)
        g_assert_cmpint (a.original_amount, ==, b.original_amount);
    }

  lode_test_remove_tree (folder);
  lode_test_destroy_window (window);
}

/* A file that cannot be written: a dialog says why, naming it. */
static void
test_failure (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *path = g_build_filename (folder, "missing", "book.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  lode_spreadsheet_export_to_file (GTK_WIDGET (window), lode_window_get_portfolio (window), NULL,
                                   LODE_SPREADSHEET_FORMAT_XLSX, file);
  dialog = lode_test_wait_for_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Workbook");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  lode_test_respond (dialog, "close");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  lode_test_remove_tree (folder);
  lode_test_destroy_window (window);
}

/* The whole portfolio, whatever the Exports page shows. */
static void
test_workbook (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *path = g_build_filename (folder, "sample.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  FindLabel find = { GTK_WIDGET (window), "Exported the workbook “sample.xlsx”" };
  gsize length;

  lode_exports_page_show_filtered (page, "copper", NULL, NULL, 0);

  lode_spreadsheet_export_to_file (GTK_WIDGET (window), lode_window_get_portfolio (window), NULL,
                                   LODE_SPREADSHEET_FORMAT_XLSX, file);
  g_assert_true (lode_test_poll (has_label, &find, 30));
  g_file_get_contents (path, &contents, &length, NULL);
  g_assert_cmpuint (length, >, 4000);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);

  lode_test_remove_tree (folder);
  lode_test_destroy_window (window);
}

/* Without a portfolio there is nothing to export. */
static void
test_actions (void)
{
  LodeWindow *window = lode_test_window_new (NULL);
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  GtkWidget *button;

  button = lode_test_find_widget (page, GTK_TYPE_BUTTON, "Export Records as CSV… (Ctrl+E)");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));

  lode_window_set_portfolio (window, sample);
  lode_test_settle ();
  g_assert_true (gtk_widget_get_sensitive (button));

  lode_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/export-window/records-as-shown", test_records_as_shown);
  g_test_add_func ("/lode/export-window/workbook", test_workbook);
  g_test_add_func ("/lode/export-window/failure", test_failure);
  g_test_add_func ("/lode/export-window/periods-round-trip", test_periods_round_trip);
  g_test_add_func ("/lode/export-window/actions", test_actions);

  return lode_test_run ();
}
