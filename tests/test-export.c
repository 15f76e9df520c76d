/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-export-index.h"
#include "lode-import.h"
#include "lode-portfolio-io.h"
#include "lode-spreadsheet.h"
#include "lode-test.h"

/* Export of the records as Lode's CSV and of the portfolio as a workbook:
 * the text of the CSV to the byte, what the filters of the Exports page
 * let through, quoting, atomic replacement, and lode-cli export. The
 * workbook's cells are read back with openpyxl in test-xlsx.py. */

#define HEADER LODE_SPREADSHEET_CSV_HEADER "\n"

/* Portfolios made here */

static void
add_mineral (LodePortfolio *portfolio,
             const char    *id,
             const char    *name)
{
  g_autoptr(LodeMineral) mineral = lode_mineral_new (id, name, LODE_MINERAL_GROUP_BASE_METAL);

  g_list_store_append (lode_portfolio_get_minerals (portfolio), mineral);
}

static void
add_record (LodePortfolio *portfolio,
            const char    *mineral,
            int            year,
            int            month,
            const char    *destination,
            const char    *hs_code,
            LodeStage      stage,
            double         quantity,
            LodeUnit       unit,
            LodeMoney      value,
            const char    *source)
{
  LodeExportRow row = {
    .mineral = mineral, .year = year, .month = month, .destination = destination,
    .hs_code = hs_code, .stage = stage, .quantity = quantity, .unit = unit,
    .value = value, .source = source,
  };

  lode_export_table_append (lode_portfolio_get_exports (portfolio), &row);
}

/* Copper and gold to China and the Emirates over four years, monthly and
 * yearly, with and without quantities. */
static LodePortfolio *
trade_portfolio_new (void)
{
  LodePortfolio *portfolio = lode_portfolio_new ("Trade");
  g_autoptr(LodeSource) source = lode_source_new ("gacc-2025", "China customs statistics");

  g_list_store_append (lode_portfolio_get_sources (portfolio), source);
  add_mineral (portfolio, "copper", "Copper");
  add_mineral (portfolio, "gold", "Gold");

  add_record (portfolio, "copper", 2019, 0, "CN", "7403", LODE_STAGE_REFINED, 1200.5, LODE_UNIT_T, 99999999, "gacc-2025");
  add_record (portfolio, "copper", 2020, 3, "CN", "7403", LODE_STAGE_REFINED, 0.1, LODE_UNIT_KT, 114000000025, "gacc-2025");
  add_record (portfolio, "gold", 2020, 0, "AE", "7108", LODE_STAGE_REFINED, LODE_QUANTITY_UNSET, LODE_UNIT_NONE, 1, NULL);
  add_record (portfolio, "copper", 2021, 0, "AE", "2603", LODE_STAGE_CONCENTRATE, 3, LODE_UNIT_MT, 29000, NULL);
  add_record (portfolio, "copper", 2022, 12, "CN", "2603", LODE_STAGE_CONCENTRATE, LODE_QUANTITY_UNSET, LODE_UNIT_NONE, 1416000000, "gacc-2025");
  add_record (portfolio, "copper", 2023, 0, NULL, NULL, LODE_STAGE_UNKNOWN, LODE_QUANTITY_UNSET, LODE_UNIT_NONE, 0, NULL);
  add_record (portfolio, "copper", 2024, 1, "CN", "74", LODE_STAGE_PRODUCT, 12.25, LODE_UNIT_KG, 7000000000000000, "gacc-2025");

  return portfolio;
}

static char *
spreadsheet_csv (LodePortfolio   *portfolio,
                 LodeExportIndex *shown)
{
  g_autoptr(LodeSpreadsheet) spreadsheet = lode_spreadsheet_new (portfolio, shown);
  g_autoptr(GBytes) bytes = lode_spreadsheet_to_csv (spreadsheet);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (strlen (data != NULL ? data : ""), ==, length);
  return g_strndup (data, length);
}

/* Every record, in the order of the file: each value as the contract
 * says, money to the cent (70 trillion dollars and one cent alike). */
static void
test_csv_all (void)
{
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  g_autofree char *csv = spreadsheet_csv (portfolio, NULL);

  g_assert_cmpstr (csv, ==,
                   HEADER
                   "copper,2019,,CN,7403,refined,1200.5,t,999999.99,gacc-2025,,,\n"
                   "copper,2020,3,CN,7403,refined,0.1,kt,1140000000.25,gacc-2025,,,\n"
                   "gold,2020,,AE,7108,refined,,,0.01,,,,\n"
                   "copper,2021,,AE,2603,concentrate,3,Mt,290.00,,,,\n"
                   "copper,2022,12,CN,2603,concentrate,,,14160000.00,gacc-2025,,,\n"
                   "copper,2023,,,,,,,0.00,,,,\n"
                   "copper,2024,1,CN,74,product,12.25,kg,70000000000000.00,gacc-2025,,,\n");
}

/* The records as the Exports page shows them: its filter, its sort. */
static void
test_csv_filtered (void)
{
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  g_autoptr(LodeExportIndex) index = lode_export_index_new (lode_portfolio_get_exports (portfolio));
  g_autofree char *csv = NULL;
  g_autofree char *by_value = NULL;
  g_autofree char *none = NULL;

  lode_export_index_set_filter (index, "copper", 2020, 2023, "CN", LODE_EXPORT_STAGE_ANY, NULL);
  csv = spreadsheet_csv (portfolio, index);
  g_assert_cmpstr (csv, ==,
                   HEADER
                   "copper,2020,3,CN,7403,refined,0.1,kt,1140000000.25,gacc-2025,,,\n"
                   "copper,2022,12,CN,2603,concentrate,,,14160000.00,gacc-2025,,,\n");

  /* Search and sort, as typed and clicked on the page. */
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, "2603");
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, TRUE);
  by_value = spreadsheet_csv (portfolio, index);
  g_assert_cmpstr (by_value, ==,
                   HEADER
                   "copper,2022,12,CN,2603,concentrate,,,14160000.00,gacc-2025,,,\n"
                   "copper,2021,,AE,2603,concentrate,3,Mt,290.00,,,,\n");

  /* Nothing shown: the header alone, which still reads back. */
  lode_export_index_set_filter (index, "gold", 2023, 2024, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  none = spreadsheet_csv (portfolio, index);
  g_assert_cmpstr (none, ==, HEADER);
}

/* Cells that hold a comma, a quote, a line end or an outer space are
 * quoted, quotes doubled; others are not. The table stores what it is
 * given, so ids that the file would refuse can still reach a writer. */
static void
test_csv_quoting (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Awkward");
  g_autofree char *csv = NULL;

  add_record (portfolio, "copper, refined", 2025, 0, "CN", "7403", LODE_STAGE_REFINED,
              LODE_QUANTITY_UNSET, LODE_UNIT_NONE, 12345, "say \"gacc\"");
  add_record (portfolio, "gold", 2025, 7, NULL, NULL, LODE_STAGE_UNKNOWN,
              LODE_QUANTITY_UNSET, LODE_UNIT_NONE, 100, "line\nbreak");
  add_record (portfolio, " padded", 2025, 0, NULL, NULL, LODE_STAGE_UNKNOWN,
              LODE_QUANTITY_UNSET, LODE_UNIT_NONE, 5, "تجارت-۲۰۲۵");

  csv = spreadsheet_csv (portfolio, NULL);
  g_assert_cmpstr (csv, ==,
                   HEADER
                   "\"copper, refined\",2025,,CN,7403,refined,,,123.45,\"say \"\"gacc\"\"\",,,\n"
                   "gold,2025,7,,,,,,1.00,\"line\nbreak\",,,\n"
                   "\" padded\",2025,,,,,,,0.05,تجارت-۲۰۲۵,,,\n");
}

/* Quantities in the shortest text that reads back as the same double. */
static void
test_csv_quantities (void)
{
  static const double quantities[] = { 0.1, 1.0 / 3.0, 0.12345678901234567, 1e21, 5e-324, 1234567.125 };
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Quantities");
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (quantities); i++)
    add_record (portfolio, "copper", 2025, 0, NULL, NULL, LODE_STAGE_UNKNOWN,
                quantities[i], LODE_UNIT_T, 100, NULL);

  csv = spreadsheet_csv (portfolio, NULL);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (quantities) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (quantities); i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 13);
      g_assert_true (g_ascii_strtod (cells[6], NULL) == quantities[i]);
      g_assert_null (strchr (cells[6], ' '));
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (quantities) + 1], ==, "");
}

/* The spreadsheet is what the portfolio held when it was taken: a worker
 * writes it while the table goes on changing. */
static gpointer
write_in_thread (gpointer data)
{
  return g_bytes_unref_to_data (lode_spreadsheet_to_csv (data), &(gsize) { 0 });
}

static void
test_csv_snapshot (void)
{
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autofree char *before = spreadsheet_csv (portfolio, NULL);
  g_autofree char *written = NULL;
  g_autofree char *after = NULL;
  LodeSpreadsheet *spreadsheet;
  GThread *thread;

  spreadsheet = lode_spreadsheet_new (portfolio, NULL);
  lode_export_table_remove (table, 0, 3);
  add_record (portfolio, "gold", 2030, 0, NULL, NULL, LODE_STAGE_UNKNOWN,
              LODE_QUANTITY_UNSET, LODE_UNIT_NONE, 1, NULL);

  thread = g_thread_new ("export", write_in_thread, spreadsheet);
  written = g_thread_join (thread);
  g_assert_cmpstr (written, ==, before);
  g_assert_cmpuint (lode_spreadsheet_get_n_records (spreadsheet), ==, 7);
  lode_spreadsheet_free (spreadsheet);

  after = spreadsheet_csv (portfolio, NULL);
  g_assert_true (g_str_has_suffix (after, "gold,2030,,,,,,,0.01,,,,\n"));
  g_assert_true (strstr (after, "2019") == NULL);
}

static void
test_format_for_name (void)
{
  g_assert_cmpint (lode_spreadsheet_format_for_name ("a.csv"), ==, LODE_SPREADSHEET_FORMAT_CSV);
  g_assert_cmpint (lode_spreadsheet_format_for_name ("/x.y/A.CSV"), ==, LODE_SPREADSHEET_FORMAT_CSV);
  g_assert_cmpint (lode_spreadsheet_format_for_name ("book.xlsx"), ==, LODE_SPREADSHEET_FORMAT_XLSX);
  g_assert_cmpint (lode_spreadsheet_format_for_name ("book.xls"), ==, LODE_SPREADSHEET_FORMAT_NONE);
  g_assert_cmpint (lode_spreadsheet_format_for_name ("csv"), ==, LODE_SPREADSHEET_FORMAT_NONE);
  g_assert_cmpint (lode_spreadsheet_format_for_name ("a.csv.json"), ==, LODE_SPREADSHEET_FORMAT_NONE);
}

/* Files */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("lode-export-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Both formats replace a file that is there, leave nothing else in its
 * folder, and a CSV file holds what lode_spreadsheet_to_csv() gives. */
static void
test_write_files (void)
{
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *csv_path = g_build_filename (folder, "records.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (folder, "portfolio.xlsx", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx_path);
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(LodeSpreadsheet) spreadsheet = lode_spreadsheet_new (portfolio, NULL);
  g_autoptr(GBytes) expected = lode_spreadsheet_to_csv (spreadsheet);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_set_contents (csv_path, "old", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (xlsx_path, "old", -1, &error);
  g_assert_no_error (error);

  g_assert_true (lode_spreadsheet_write_file (spreadsheet, csv_file, LODE_SPREADSHEET_FORMAT_CSV, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_clear_pointer (&contents, g_free);

  g_assert_true (lode_spreadsheet_write_file (spreadsheet, xlsx_file, LODE_SPREADSHEET_FORMAT_XLSX, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (xlsx_path, &contents, &length, &error);
  g_assert_no_error (error);
  /* A zip archive, as every .xlsx is. */
  g_assert_cmpuint (length, >, 4000);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);

  g_assert_cmpuint (count_entries (folder), ==, 2);
  lode_test_remove_tree (folder);
}

/* A folder that cannot be written: the error names the file, the old file
 * keeps its bytes, nothing is left behind. */
static void
test_write_fails (void)
{
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *sub = g_build_filename (folder, "read-only", NULL);
  g_autofree char *path = g_build_filename (sub, "records.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(LodeSpreadsheet) spreadsheet = lode_spreadsheet_new (portfolio, NULL);
  LodeSpreadsheetFormat formats[] = { LODE_SPREADSHEET_FORMAT_CSV, LODE_SPREADSHEET_FORMAT_XLSX };

  if (geteuid () == 0)
    {
      /* Permissions bind no one as root: a missing folder fails alike. */
      g_clear_pointer (&path, g_free);
      path = g_build_filename (sub, "missing", "records.csv", NULL);
      g_clear_object (&file);
      file = g_file_new_for_path (path);
    }

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  if (geteuid () != 0)
    {
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, "old", -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lode_spreadsheet_write_file (spreadsheet, file, formats[i], NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
      if (geteuid () != 0)
        {
          g_autofree char *contents = NULL;

          g_file_get_contents (path, &contents, NULL, NULL);
          g_assert_cmpstr (contents, ==, "old");
          g_assert_cmpuint (count_entries (sub), ==, 1);
        }
    }

  g_chmod (sub, 0755);
  lode_test_remove_tree (folder);
}

/* A write cancelled before it starts keeps the old file. */
static void
test_write_cancelled (void)
{
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *path = g_build_filename (folder, "portfolio.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(LodeSpreadsheet) spreadsheet = lode_spreadsheet_new (portfolio, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LodeSpreadsheetFormat formats[] = { LODE_SPREADSHEET_FORMAT_CSV, LODE_SPREADSHEET_FORMAT_XLSX };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *contents = NULL;

      g_assert_false (lode_spreadsheet_write_file (spreadsheet, file, formats[i], cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_file_get_contents (path, &contents, NULL, NULL);
      g_assert_cmpstr (contents, ==, "old");
      g_assert_cmpuint (count_entries (folder), ==, 1);
    }

  lode_test_remove_tree (folder);
}

/* Progress: from 0 to the end, never back, about a hundred times; a
 * cancel while a workbook is written keeps the old file. */
typedef struct
{
  guint64       last;
  guint64       total;
  guint         calls;
  gboolean      monotonic;
  GCancellable *cancel_at_first_step;
} ProgressLog;

static void
log_progress (guint64  done,
              guint64  total,
              gpointer user_data)
{
  ProgressLog *log = user_data;

  log->monotonic &= done >= log->last && done <= total;
  log->last = done;
  log->total = total;
  log->calls++;
  if (done > 0 && log->cancel_at_first_step != NULL)
    g_cancellable_cancel (log->cancel_at_first_step);
}

static LodePortfolio *
large_portfolio_new (guint n_records)
{
  LodePortfolio *portfolio = lode_portfolio_new ("Large");

  add_mineral (portfolio, "copper", "Copper");
  for (guint i = 0; i < n_records; i++)
    add_record (portfolio, "copper", 1900 + i % 300, i % 13, "CN", "7403", LODE_STAGE_REFINED,
                i, LODE_UNIT_T, i * 101, NULL);

  return portfolio;
}

static void
test_write_progress (void)
{
  g_autofree char *folder = make_tmp_dir ();
  g_autoptr(LodePortfolio) portfolio = large_portfolio_new (20000);
  LodeSpreadsheetFormat formats[] = { LODE_SPREADSHEET_FORMAT_CSV, LODE_SPREADSHEET_FORMAT_XLSX };
  const char *names[] = { "records.csv", "portfolio.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(LodeSpreadsheet) spreadsheet = lode_spreadsheet_new (portfolio, NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      ProgressLog log = { .monotonic = TRUE };

      lode_spreadsheet_set_progress (spreadsheet, log_progress, &log);
      g_assert_true (lode_spreadsheet_write_file (spreadsheet, file, formats[i], NULL, &error));
      g_assert_no_error (error);
      g_assert_true (log.monotonic);
      /* A CSV reports a piece of 4 MB at a time, a workbook every 4096 rows. */
      g_assert_cmpuint (log.calls, >=, formats[i] == LODE_SPREADSHEET_FORMAT_CSV ? 2 : 5);
      g_assert_cmpuint (log.calls, <=, 110);
      g_assert_cmpuint (log.last, ==, log.total);
      g_assert_cmpuint (log.total, >=, 20000);

      /* A workbook cancelled on its way keeps the file that was there. */
      if (formats[i] == LODE_SPREADSHEET_FORMAT_XLSX)
        {
          g_file_set_contents (path, "old", -1, &error);
          g_assert_no_error (error);
          log = (ProgressLog) { .monotonic = TRUE, .cancel_at_first_step = cancellable };
          g_assert_false (lode_spreadsheet_write_file (spreadsheet, file, formats[i], cancellable, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpuint (log.last, <, log.total);
          g_file_get_contents (path, &contents, NULL, NULL);
          g_assert_cmpstr (contents, ==, "old");
        }
    }

  g_assert_cmpuint (count_entries (folder), ==, 2);
  lode_test_remove_tree (folder);
}

/* Read back: the CSV of the records shown, imported through Lode's own
 * layout, gives the same records. */

/* The records at @positions of @expected, and the rows of @actual, are
 * the same; a record cites its own source when @keep_sources and it has
 * one, else @file_source, the source made for the imported file. */
static void
assert_same_records (LodeExportTable *expected,
                     GArray          *positions,
                     LodeExportTable *actual,
                     gboolean         keep_sources,
                     const char      *file_source)
{
  g_assert_cmpuint (lode_export_table_get_n_rows (actual), ==, positions->len);

  for (guint i = 0; i < positions->len; i++)
    {
      LodeExportRow a, b;

      lode_export_table_get_row (expected, g_array_index (positions, guint, i), &a);
      lode_export_table_get_row (actual, i, &b);
      g_assert_cmpstr (a.mineral, ==, b.mineral);
      g_assert_cmpint (a.year, ==, b.year);
      g_assert_cmpint (a.month, ==, b.month);
      g_assert_cmpstr (a.destination, ==, b.destination);
      g_assert_cmpstr (a.hs_code, ==, b.hs_code);
      g_assert_cmpint (a.stage, ==, b.stage);
      g_assert_true (a.quantity == b.quantity);
      g_assert_cmpint (a.unit, ==, b.unit);
      g_assert_cmpint (a.value, ==, b.value);
      g_assert_cmpstr (b.source, ==, keep_sources && a.source != NULL ? a.source : file_source);
      g_assert_cmpint (a.period, ==, b.period);
      g_assert_cmpstr (a.original_currency, ==, b.original_currency);
      if (a.original_currency != NULL)
        g_assert_cmpint (a.original_amount, ==, b.original_amount);
    }
}

static LodeExportTable *
import_csv (LodePortfolio *into,
            const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LodeImportOptions options;

  lode_import_options_init (&options);
  plan = lode_import_plan_new (into, file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_LODE);
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, 0);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 0);
  g_assert_true (lode_import_plan_apply (plan, into, &error));
  g_assert_no_error (error);

  return lode_portfolio_get_exports (into);
}

static void
test_read_back (void)
{
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(LodeExportIndex) index = lode_export_index_new (table);
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *path = g_build_filename (folder, "copper-china.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeSpreadsheet) spreadsheet = NULL;
  g_autoptr(LodePortfolio) empty = lode_portfolio_new ("Empty");
  g_autoptr(LodePortfolio) with_sources = lode_portfolio_new ("Sources");
  g_autoptr(LodeSource) source = lode_source_new ("gacc-2025", "China customs statistics");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  LodeExportTable *imported;
  LodeExportRow row;

  /* What the page shows: copper, by value, largest first. */
  lode_export_index_set_filter (index, "copper", 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (index)); i++)
    {
      guint position = lode_export_index_get_row_position (index, i);

      g_array_append_val (positions, position);
    }
  g_assert_cmpuint (positions->len, ==, 6);

  spreadsheet = lode_spreadsheet_new (portfolio, index);
  g_assert_true (lode_spreadsheet_write_file (spreadsheet, file, LODE_SPREADSHEET_FORMAT_CSV, NULL, &error));
  g_assert_no_error (error);

  /* Into an empty portfolio: the minerals are made, and the records cite
   * the source made for the file, as every import's records do. */
  imported = import_csv (empty, path);
  lode_export_table_get_row (imported, 0, &row);
  g_assert_nonnull (row.source);
  g_assert_cmpstr (row.source, !=, "gacc-2025");
  g_assert_nonnull (lode_portfolio_find_source (empty, row.source));
  g_assert_nonnull (lode_portfolio_find_mineral (empty, "copper"));
  assert_same_records (table, positions, imported, FALSE, row.source);

  /* Into a portfolio that has the source: records keep it. */
  g_list_store_append (lode_portfolio_get_sources (with_sources), source);
  add_mineral (with_sources, "copper", "Copper");
  imported = import_csv (with_sources, path);
  lode_export_table_get_row (imported, 5, &row);
  g_assert_cmpstr (row.source, !=, "gacc-2025");
  assert_same_records (table, positions, imported, TRUE, row.source);

  lode_test_remove_tree (folder);
}

/* lode-cli export */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static const char *
cli_path (void)
{
  const char *env = g_getenv ("LODE_CLI");

  g_assert_nonnull (env);
  return env;
}

G_GNUC_NULL_TERMINATED static void
run_cli (CliRun *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (char *) cli_path ());
  g_ptr_array_add (argv, (char *) "export");
  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static char *
save_portfolio (LodePortfolio *portfolio,
                const char    *folder)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "trade.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (lode_portfolio_save_file (portfolio, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* The period kind and the amount as entered in another currency go out
 * in their own columns, empty where absent, and come back: a portfolio
 * saved to a file, exported by lode-cli, imported into an empty one. */
static void
test_read_back_periods (void)
{
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *saved = NULL;
  g_autofree char *path = g_build_filename (folder, "periods.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(LodePortfolio) empty = lode_portfolio_new ("Empty");
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0, };
  LodeExportTable *imported;
  LodeExportRow row = {
    .mineral = "copper", .year = 2024, .destination = "CN", .stage = LODE_STAGE_UNKNOWN,
    .quantity = LODE_QUANTITY_UNSET, .unit = LODE_UNIT_NONE, .value = 123456,
    .period = LODE_PERIOD_KIND_FISCAL_YEAR, .original_currency = "PKR", .original_amount = 34500001,
  };

  lode_portfolio_set_fiscal_year_start (portfolio, 7);
  lode_export_table_append (table, &row);
  row = (LodeExportRow) {
    .mineral = "gold", .year = 2023, .stage = LODE_STAGE_UNKNOWN, .quantity = LODE_QUANTITY_UNSET,
    .unit = LODE_UNIT_NONE, .value = 99, .period = LODE_PERIOD_KIND_CALENDAR_YEAR,
  };
  lode_export_table_append (table, &row);
  row = (LodeExportRow) {
    .mineral = "gold", .year = 2025, .month = 2, .stage = LODE_STAGE_UNKNOWN, .quantity = LODE_QUANTITY_UNSET,
    .unit = LODE_UNIT_NONE, .value = 700, .original_currency = "CNY", .original_amount = 5000,
  };
  lode_export_table_append (table, &row);
  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    g_array_append_val (positions, i);

  saved = save_portfolio (portfolio, folder);
  run_cli (&run, saved, "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, HEADER));
  g_assert_nonnull (strstr (csv, "\ncopper,2024,,CN,,,,,1234.56,,fiscal_year,345000.01,PKR\n"));
  g_assert_nonnull (strstr (csv, "\ngold,2023,,,,,,,0.99,,calendar_year,,\n"));
  g_assert_nonnull (strstr (csv, "\ngold,2025,2,,,,,,7.00,,,50.00,CNY\n"));

  imported = import_csv (empty, path);
  lode_export_table_get_row (imported, 0, &row);
  assert_same_records (table, positions, imported, FALSE, row.source);

  lode_test_remove_tree (folder);
}

/* Cells of those columns that no record can hold skip their row, saying
 * why; a file of the first ten columns reads as before. */
static void
test_read_back_bad_periods (void)
{
  g_autofree char *folder = make_tmp_dir ();
  g_autofree char *path = g_build_filename (folder, "bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodePortfolio) into = lode_portfolio_new ("Into");
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LodeImportOptions options;
  static const char *const reasons[] = {
    "The period is neither calendar_year nor fiscal_year",
    "A record of one month with a period of a year",
    "An original amount without its currency, or a currency without an amount",
    "An original amount without its currency, or a currency without an amount",
    "The original amount is not an amount with at most two decimals",
    "The original currency is not an ISO 4217 code such as PKR",
  };

  g_assert_true (g_file_set_contents (path,
                                      HEADER
                                      "copper,2024,,,,,,,1.00,,quarter,,\n"
                                      "copper,2024,3,,,,,,1.00,,fiscal_year,,\n"
                                      "copper,2024,,,,,,,1.00,,,5.00,\n"
                                      "copper,2024,,,,,,,1.00,,,,PKR\n"
                                      "copper,2024,,,,,,,1.00,,,5.001,PKR\n"
                                      "copper,2024,,,,,,,1.00,,,5.00,rupees\n"
                                      "copper,2024,,,,,,,1.00,,fiscal_year,5.00,PKR\n", -1, &error));
  g_assert_no_error (error);

  lode_import_options_init (&options);
  plan = lode_import_plan_new (into, file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_LODE);
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, G_N_ELEMENTS (reasons));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      guint64 line;
      const char *reason;

      lode_import_plan_get_skipped (plan, i, &line, &reason);
      g_assert_cmpuint (line, ==, i + 2);
      g_assert_cmpstr (reason, ==, reasons[i]);
    }
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (plan)), ==, 1);

  /* A header naming one of the pair without the other is refused. */
  g_clear_object (&plan);
  g_assert_true (g_file_set_contents (path,
                                      "mineral,year,month,destination,hs_code,stage,quantity,unit,value_usd,source,"
                                      "original_amount\ncopper,2024,,,,,,,1.00,,5.00\n", -1, &error));
  plan = lode_import_plan_new (into, file, &options, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "bad.csv:1: A column original_amount needs a column original_currency"));

  lode_test_remove_tree (folder);
}

static void
test_cli_csv (void)
{
  g_autofree char *folder = make_tmp_dir ();
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  g_autofree char *input = save_portfolio (portfolio, folder);
  g_autofree char *output = g_build_filename (folder, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) piped = { 0 };
  g_auto(CliRun) year = { 0 };

  run_cli (&run, input, "--output", output, "--mineral", "copper", "--destination", "CN",
           "--years", "2020-2023", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_file_get_contents (output, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==,
                   HEADER
                   "copper,2020,3,CN,7403,refined,0.1,kt,1140000000.25,gacc-2025,,,\n"
                   "copper,2022,12,CN,2603,concentrate,,,14160000.00,gacc-2025,,,\n");

  /* "-" is standard output; no filter is every record. */
  run_cli (&piped, input, "-o", "-", NULL);
  g_assert_cmpint (piped.status, ==, 0);
  g_assert_true (g_str_has_prefix (piped.out, HEADER "copper,2019,,CN,7403,refined,1200.5,t,999999.99,gacc-2025,,,\n"));
  g_assert_true (g_str_has_suffix (piped.out, "copper,2024,1,CN,74,product,12.25,kg,70000000000000.00,gacc-2025,,,\n"));

  /* One year alone. */
  run_cli (&year, input, "-o", "-", "--years", "2020", NULL);
  g_assert_cmpint (year.status, ==, 0);
  g_assert_cmpstr (year.out, ==,
                   HEADER
                   "copper,2020,3,CN,7403,refined,0.1,kt,1140000000.25,gacc-2025,,,\n"
                   "gold,2020,,AE,7108,refined,,,0.01,,,,\n");

  lode_test_remove_tree (folder);
}

static void
test_cli_xlsx (void)
{
  g_autofree char *folder = make_tmp_dir ();
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  g_autofree char *input = save_portfolio (portfolio, folder);
  g_autofree char *output = g_build_filename (folder, "Out.XLSX", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  gsize length;

  run_cli (&run, input, "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_file_get_contents (output, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  g_assert_cmpuint (count_entries (folder), ==, 2);

  lode_test_remove_tree (folder);
}

/* Wrong usage is 2, with the reason and where to look; a file that does
 * not load, a mineral it lacks or an output that cannot be written, 1. */
static void
test_cli_errors (void)
{
  static const char *const usage[][8] = {
    { "--output", "out.json", NULL },
    { "--output", "out", NULL },
    { "--destination", "CN", NULL },
    { "--output", "out.csv", "--destination", "cn", NULL },
    { "--output", "out.csv", "--destination", "CHN", NULL },
    { "--output", "out.csv", "--years", "2025-2020", NULL },
    { "--output", "out.csv", "--years", "1799-2020", NULL },
    { "--output", "out.csv", "--years", "twenty", NULL },
    { "--output", "out.csv", "--years", "2020-2021-2022", NULL },
    { "--output", "out.csv", "--no-such-option", NULL },
  };
  g_autofree char *folder = make_tmp_dir ();
  g_autoptr(LodePortfolio) portfolio = trade_portfolio_new ();
  g_autofree char *input = save_portfolio (portfolio, folder);
  g_autofree char *broken = g_build_filename (folder, "broken.json", NULL);
  g_autofree char *output = g_build_filename (folder, "out.csv", NULL);
  g_autofree char *unwritable = g_build_filename (folder, "missing", "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(CliRun) run = { 0 };
      const char *const *a = usage[i];

      run_cli (&run, input, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "lode-cli export: "));
      g_assert_nonnull (strstr (run.err, "Try 'lode-cli export --help'."));
    }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, input, "--output", output, "--mineral", "silver", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "silver"));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(CliRun) run = { 0 };

    g_file_set_contents (broken, "{\"format\": \"lode-portfolio\",", -1, &error);
    g_assert_no_error (error);
    run_cli (&run, broken, "--output", output, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, broken));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, input, "--output", unwritable, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, unwritable));
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "lode-cli export"));
    g_assert_nonnull (strstr (run.out, "--years"));
    g_assert_nonnull (strstr (run.out, "Exit status"));
  }

  lode_test_remove_tree (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/export/format-for-name", test_format_for_name);
  g_test_add_func ("/lode/export/csv/all", test_csv_all);
  g_test_add_func ("/lode/export/csv/filtered", test_csv_filtered);
  g_test_add_func ("/lode/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/lode/export/csv/quantities", test_csv_quantities);
  g_test_add_func ("/lode/export/csv/snapshot", test_csv_snapshot);
  g_test_add_func ("/lode/export/write/files", test_write_files);
  g_test_add_func ("/lode/export/write/fails", test_write_fails);
  g_test_add_func ("/lode/export/write/cancelled", test_write_cancelled);
  g_test_add_func ("/lode/export/write/progress", test_write_progress);
  g_test_add_func ("/lode/export/read-back", test_read_back);
  g_test_add_func ("/lode/export/read-back/periods", test_read_back_periods);
  g_test_add_func ("/lode/export/read-back/bad-periods", test_read_back_bad_periods);
  g_test_add_func ("/lode/export/cli/csv", test_cli_csv);
  g_test_add_func ("/lode/export/cli/xlsx", test_cli_xlsx);
  g_test_add_func ("/lode/export/cli/errors", test_cli_errors);

  return g_test_run ();
}
