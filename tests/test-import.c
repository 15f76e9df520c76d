/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-countries.h"
#include "lode-hs-commodities.h"
#include "lode-import-private.h"
#include "lode-portfolio-io.h"
#include "lode-spreadsheet.h"
#include "lode-test.h"

/* Importing trade statistics: the fixtures under fixtures/import/ are
 * modelled on real downloads (Comtrade Plus annual and monthly, legacy
 * Comtrade, a hand-made file, Lode's own CSV), each with rows that must be
 * skipped; the totals below are worked out by hand from the files. */

#define ANNUAL_TOTAL   G_GINT64_CONSTANT (77034275983)  /* $770,342,759.83 in 12 records */
#define MONTHLY_TOTAL  G_GINT64_CONSTANT (300530080)    /* $3,005,300.80 in 4 records */
#define LEGACY_TOTAL   G_GINT64_CONSTANT (36526643326)  /* $365,266,433.26 in 6 records */
#define MAPPED_TOTAL   G_GINT64_CONSTANT (156456812)    /* $1,564,568.12 in 4 records */
#define LODE_TOTAL     G_GINT64_CONSTANT (115667000075) /* $1,156,670,000.75 in 6 records */

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);

  return g_file_new_for_path (path);
}

static LodeImportPlan *
plan_for (LodePortfolio           *portfolio,
          const char              *name,
          const LodeImportOptions *options)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GError) error = NULL;
  LodeImportPlan *plan;

  plan = lode_import_plan_new (portfolio, file, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static LodePortfolio *
new_portfolio (void)
{
  LodePortfolio *portfolio = lode_portfolio_new ("Imports");

  lode_portfolio_set_country (portfolio, "PK");
  lode_portfolio_set_modified (portfolio, FALSE);
  return portfolio;
}

/* The reason the row of @line was skipped for, or NULL. */
static const char *
skipped_reason (LodeImportPlan *plan,
                guint64         line)
{
  for (guint i = 0; i < lode_import_plan_get_n_skipped (plan); i++)
    {
      const char *reason;
      guint64 skipped_line;

      lode_import_plan_get_skipped (plan, i, &skipped_line, &reason);
      if (skipped_line == line)
        return reason;
    }

  return NULL;
}

static void
assert_skipped (LodeImportPlan *plan,
                guint64         line,
                const char     *words)
{
  const char *reason = skipped_reason (plan, line);

  if (reason == NULL || strstr (reason, words) == NULL)
    g_error ("line %" G_GUINT64_FORMAT ": expected a reason with “%s”, got “%s”",
             line, words, reason != NULL ? reason : "(not skipped)");
}

static gboolean
has_note (LodeImportPlan *plan,
          const char     *words)
{
  const char * const *notes = lode_import_plan_get_notes (plan);

  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], words) != NULL)
      return TRUE;

  return FALSE;
}

/* The first row of @table with @hs_code and @destination. */
static gboolean
find_row (LodeExportTable *table,
          const char      *hs_code,
          const char      *destination,
          LodeExportRow   *row)
{
  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      lode_export_table_get_row (table, i, row);
      if (g_strcmp0 (row->hs_code, hs_code) == 0 && g_strcmp0 (row->destination, destination) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
count_items_of_type (GListModel *items,
                     GType       type)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      n += G_TYPE_CHECK_INSTANCE_TYPE (item, type);
    }

  return n;
}

static void
test_comtrade_annual (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "comtrade-plus-annual.csv", NULL);
  LodeExportTable *exports = lode_import_plan_get_exports (plan);
  LodeExportRow row;

  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_COMTRADE);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, 12);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, ANNUAL_TOTAL);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 0);

  /* Every row not imported is skipped with its line and why. */
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, 10);
  assert_skipped (plan, 3, "World");
  assert_skipped (plan, 10, "all commodities");
  assert_skipped (plan, 11, "chapter");
  assert_skipped (plan, 12, "Imports");
  assert_skipped (plan, 13, "Re-exports");
  assert_skipped (plan, 16, "area total");
  assert_skipped (plan, 17, "breakdown");
  assert_skipped (plan, 18, "not an amount");
  assert_skipped (plan, 21, "no mineral");
  assert_skipped (plan, 23, "another country");

  /* 412345678.125, 3456789.999 and 55555.555 rounded to the cent. */
  g_assert_true (has_note (plan, "3 values had a third decimal"));
  g_assert_true (find_row (exports, "2603", "CN", &row));
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (41234567813));
  g_assert_cmpstr (row.mineral, ==, "copper");
  g_assert_cmpint (row.stage, ==, LODE_STAGE_CONCENTRATE);
  g_assert_cmpint (row.year, ==, 2023);
  g_assert_cmpint (row.month, ==, 0);
  g_assert_cmpint (row.unit, ==, LODE_UNIT_KG);
  g_assert_cmpfloat (row.quantity, ==, 150000000);
  g_assert_true (find_row (exports, "7403", "CN", &row));
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (345679000));
  g_assert_cmpint (row.stage, ==, LODE_STAGE_REFINED);
  /* No quantity in the file's unit: the net weight stands in. */
  g_assert_cmpint (row.unit, ==, LODE_UNIT_KG);
  g_assert_cmpfloat (row.quantity, ==, 400000);

  /* Partners: ISO3 and Comtrade's own codes (842 for the US). */
  g_assert_true (find_row (exports, "2701", "AF", &row));
  g_assert_true (find_row (exports, "7108", "AE", &row));
  g_assert_cmpstr (row.mineral, ==, "gold");
  g_assert_true (find_row (exports, "7106", "US", &row));
  g_assert_cmpstr (row.mineral, ==, "silver");
  g_assert_true (find_row (exports, "261610", "GB", &row));
  g_assert_cmpstr (row.mineral, ==, "silver");
  g_assert_cmpint (row.stage, ==, LODE_STAGE_ORE);
  g_assert_true (find_row (exports, "2805", "CN", &row));
  g_assert_cmpstr (row.mineral, ==, "rare-earths");
  g_assert_true (find_row (exports, "2846", "JP", &row));
  g_assert_cmpstr (row.mineral, ==, "rare-earths");

  /* "Other Asia, nes" and "Areas, nes" are kept, under no real country. */
  g_assert_true (find_row (exports, "2610", LODE_COUNTRY_NOT_A_COUNTRY, &row));
  g_assert_cmpstr (row.mineral, ==, "chromite");
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (432100050));
  g_assert_true (find_row (exports, "2515", LODE_COUNTRY_NOT_A_COUNTRY, &row));
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (5555556));
  g_assert_true (has_note (plan, "2 rows went to partners that are not countries"));

  /* A mineral for each commodity with records (not salt, whose only row
   * has a bad value), and one source for the file. */
  g_assert_cmpuint (count_items_of_type (lode_import_plan_get_items (plan), LODE_TYPE_MINERAL), ==, 9);
  g_assert_cmpuint (count_items_of_type (lode_import_plan_get_items (plan), LODE_TYPE_SOURCE), ==, 1);
  g_assert_cmpstr (lode_import_plan_get_label (plan), ==,
                   "Import 12 export records from comtrade-plus-annual.csv");

  /* The header and the first rows, for a column mapping. */
  g_assert_cmpuint (lode_import_plan_get_n_samples (plan), >, 0);
  {
    guint n_cells;
    const char * const *header = lode_import_plan_get_header (plan, &n_cells);

    g_assert_cmpuint (n_cells, ==, 47);
    g_assert_cmpstr (header[0], ==, "typeCode");
  }
}

static void
test_comtrade_monthly (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "comtrade-plus-monthly.csv", NULL);
  LodeExportTable *exports = lode_import_plan_get_exports (plan);
  guint months[13] = { 0, };

  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_COMTRADE);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, 4);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, MONTHLY_TOTAL);
  for (guint i = 0; i < 4; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (exports, i, &row);
      g_assert_cmpint (row.year, ==, 2023);
      months[row.month]++;
    }
  g_assert_cmpuint (months[7], ==, 2);
  g_assert_cmpuint (months[8], ==, 2);
  assert_skipped (plan, 5, "World");
  assert_skipped (plan, 7, "Imports");
  g_assert_true (has_note (plan, "1 value had a third decimal"));
}

static void
test_comtrade_legacy (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "comtrade-legacy.csv", NULL);
  LodeExportTable *exports = lode_import_plan_get_exports (plan);
  LodeExportRow row;

  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_COMTRADE_LEGACY);
  /* Saved from a spreadsheet program in Windows-1252: "Côte d'Ivoire". */
  g_assert_cmpint (lode_import_plan_get_encoding (plan), ==, LODE_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, 6);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, LEGACY_TOTAL);
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, 6);
  assert_skipped (plan, 3, "World");
  assert_skipped (plan, 4, "all commodities");
  assert_skipped (plan, 5, "chapter");
  assert_skipped (plan, 6, "Imports");
  assert_skipped (plan, 7, "Re-exports");
  assert_skipped (plan, 12, "No value");

  /* 7402, blister copper: unrefined. */
  g_assert_true (find_row (exports, "7402", "KR", &row));
  g_assert_cmpstr (row.mineral, ==, "copper");
  g_assert_cmpint (row.stage, ==, LODE_STAGE_UNREFINED);
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (6400000040));
  g_assert_true (find_row (exports, "2610", LODE_COUNTRY_NOT_A_COUNTRY, &row));
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (25000001));
  g_assert_true (find_row (exports, "2606", "CI", &row));
  g_assert_cmpint (row.value, ==, 100000);
}

static void
test_mapped (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = NULL;
  LodeImportOptions options;
  LodeImportMapping mapping;
  LodeExportTable *exports;
  LodeExportRow row;

  for (guint i = 0; i < LODE_IMPORT_N_COLUMNS; i++)
    mapping.column[i] = -1;
  mapping.column[LODE_IMPORT_COLUMN_YEAR] = 0;
  mapping.column[LODE_IMPORT_COLUMN_MONTH] = 1;
  mapping.column[LODE_IMPORT_COLUMN_PARTNER] = 2;
  mapping.column[LODE_IMPORT_COLUMN_COMMODITY] = 3;
  mapping.column[LODE_IMPORT_COLUMN_VALUE] = 4;
  mapping.column[LODE_IMPORT_COLUMN_QUANTITY] = 5;
  mapping.column[LODE_IMPORT_COLUMN_UNIT] = 6;

  lode_import_options_init (&options);
  options.layout = LODE_IMPORT_LAYOUT_MAPPED;
  options.mapping = &mapping;

  plan = plan_for (portfolio, "mapped.csv", &options);
  exports = lode_import_plan_get_exports (plan);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, 4);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, MAPPED_TOTAL);

  /* Thousands separators, partners by English name and by ISO3. */
  g_assert_true (find_row (exports, "2603", "CN", &row));
  g_assert_cmpint (row.value, ==, 123456789);
  g_assert_cmpint (row.month, ==, 1);
  g_assert_cmpfloat (row.quantity, ==, 2500);
  g_assert_cmpint (row.unit, ==, LODE_UNIT_T);
  g_assert_true (find_row (exports, "7108", "AE", &row));
  g_assert_cmpfloat (row.quantity, ==, 12.5);
  g_assert_cmpint (row.unit, ==, LODE_UNIT_KG);
  g_assert_true (find_row (exports, "2846", "JP", &row));
  g_assert_cmpint (row.value, ==, 500013);

  assert_skipped (plan, 4, "World");
  /* "12,34" groups digits wrongly: a bad value, not 1234. */
  assert_skipped (plan, 5, "not an amount");
  assert_skipped (plan, 8, "month");
}

static void
test_lode_layout (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "lode-records.csv", NULL);
  LodeExportTable *exports = lode_import_plan_get_exports (plan);
  LodeExportRow row;

  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_LODE);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, 6);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, LODE_TOTAL);
  assert_skipped (plan, 8, "year");
  assert_skipped (plan, 9, "stage");

  g_assert_true (find_row (exports, "7403", "CN", &row));
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (114000000025));
  g_assert_cmpfloat (row.quantity, ==, 1200.5);
  g_assert_cmpint (row.month, ==, 0);
  /* The portfolio has no source "gacc-2025": the record cites the file. */
  g_assert_true (find_row (exports, "2603", "CN", &row));
  g_assert_cmpstr (row.source, ==, "import-lode-records");
  g_assert_cmpint (row.month, ==, 3);
  g_assert_true (find_row (exports, "2701", NULL, &row));
  g_assert_cmpint (row.stage, ==, LODE_STAGE_UNKNOWN);
}

/* Applying, then planning the same file again: nothing to add. */
static void
test_idempotent (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) first = plan_for (portfolio, "comtrade-plus-annual.csv", NULL);
  g_autoptr(LodeImportPlan) second = NULL;
  g_autoptr(GError) error = NULL;
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  guint n_sources;

  g_assert_true (lode_import_plan_apply (first, portfolio, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 12);
  g_assert_cmpint (lode_export_table_get_total (table), ==, ANNUAL_TOTAL);
  n_sources = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (portfolio)));
  g_assert_cmpuint (n_sources, ==, 1);

  second = plan_for (portfolio, "comtrade-plus-annual.csv", NULL);
  g_assert_true (lode_import_plan_is_empty (second));
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (second), ==, 0);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (second)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lode_import_plan_get_items (second)), ==, 0);
  g_assert_true (has_note (second, "12 records of the file are already in the portfolio"));
  assert_skipped (second, 2, "Already in the portfolio");

  g_assert_true (lode_import_plan_apply (second, portfolio, &error));
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (portfolio))), ==, n_sources);
}

/* A plan is for the portfolio as it was: applied to another, or after a
 * change, it refuses and changes nothing. */
static void
test_apply_stale (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodePortfolio) other = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "comtrade-plus-monthly.csv", NULL);
  g_autoptr(GError) error = NULL;
  LodeExportRow row = { "copper", 2020, 0, NULL, NULL, LODE_STAGE_UNKNOWN, LODE_QUANTITY_UNSET,
                        LODE_UNIT_NONE, 100, NULL };

  g_assert_false (lode_import_plan_apply (plan, other, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (other)), ==, 0);

  lode_portfolio_set_title (portfolio, "Changed title only");
  {
    g_autoptr(LodeMineral) copper = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);

    g_list_store_append (lode_portfolio_get_minerals (portfolio), copper);
  }
  lode_export_table_append (lode_portfolio_get_exports (portfolio), &row);
  g_assert_false (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==, 1);
}

/* A portfolio with a record that the monthly file has with another value:
 * July 2023 copper concentrate to China. */
static LodePortfolio *
portfolio_with_conflict (void)
{
  LodePortfolio *portfolio = new_portfolio ();
  g_autoptr(LodeMineral) copper = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  const char * const codes[] = { "2603", "7403", NULL };
  LodeExportRow row = { "copper", 2023, 7, "CN", "2603", LODE_STAGE_CONCENTRATE, LODE_QUANTITY_UNSET,
                        LODE_UNIT_NONE, 99900, NULL };

  lode_mineral_set_hs_codes (copper, codes);
  g_list_store_append (lode_portfolio_get_minerals (portfolio), copper);
  lode_export_table_append (lode_portfolio_get_exports (portfolio), &row);
  lode_portfolio_set_modified (portfolio, FALSE);

  return portfolio;
}

static void
check_resolution (LodeImportResolution resolution,
                  guint                expected_rows,
                  LodeMoney            expected_total)
{
  g_autoptr(LodePortfolio) portfolio = portfolio_with_conflict ();
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(LodeImportPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeImportOptions options;

  lode_import_options_init (&options);
  plan = plan_for (portfolio, "comtrade-plus-monthly.csv", &options);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 1);
  g_assert_cmpint (lode_import_plan_get_resolution (plan, 0), ==, LODE_IMPORT_KEEP_EXISTING);
  description = lode_import_plan_describe_conflict (plan, 0);
  g_assert_nonnull (strstr (description, "2023-07"));
  g_assert_nonnull (strstr (description, "2603"));

  lode_import_plan_set_resolution (plan, 0, resolution);
  g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, expected_rows);
  g_assert_cmpint (lode_export_table_get_total (table), ==, expected_total);

  /* Undo gives back the portfolio as it was, conflict and all. */
  lode_history_undo (lode_portfolio_get_history (portfolio));
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 1);
  g_assert_cmpint (lode_export_table_get_total (table), ==, 99900);
  lode_history_redo (lode_portfolio_get_history (portfolio));
  g_assert_cmpint (lode_export_table_get_total (table), ==, expected_total);

  /* Whatever was chosen, the same file again adds nothing new: what it
   * holds is there now (or was kept out on purpose, and still conflicts). */
  again = plan_for (portfolio, "comtrade-plus-monthly.csv", NULL);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (again)), ==,
                    resolution == LODE_IMPORT_KEEP_EXISTING ? 1 : 0);
}

static void
test_conflicts (void)
{
  /* The file's July copper row is $1,000,000.00, the portfolio's $999. */
  check_resolution (LODE_IMPORT_KEEP_EXISTING, 4, MONTHLY_TOTAL - 100000000 + 99900);
  check_resolution (LODE_IMPORT_TAKE_IMPORTED, 4, MONTHLY_TOTAL);
  check_resolution (LODE_IMPORT_KEEP_BOTH, 5, MONTHLY_TOTAL + 99900);
}

/* An edit that keeps the number of records still makes the plan stale
 * when it touches a record the plan would replace. */
static void
test_conflict_stale (void)
{
  g_autoptr(LodePortfolio) portfolio = portfolio_with_conflict ();
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "comtrade-plus-monthly.csv", NULL);
  g_autoptr(GError) error = NULL;
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeExportRow row;

  lode_import_plan_set_resolution (plan, 0, LODE_IMPORT_TAKE_IMPORTED);
  lode_export_table_get_row (table, 0, &row);
  row.value = 12345;
  lode_export_table_replace (table, 0, &row);

  g_assert_false (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 1);
  g_assert_cmpint (lode_export_table_get_total (table), ==, 12345);
}

static void
test_on_conflict_default (void)
{
  g_autoptr(LodePortfolio) portfolio = portfolio_with_conflict ();
  g_autoptr(LodeImportPlan) plan = NULL;
  LodeImportOptions options;

  lode_import_options_init (&options);
  options.on_conflict = LODE_IMPORT_TAKE_IMPORTED;
  plan = plan_for (portfolio, "comtrade-plus-monthly.csv", &options);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 1);
  g_assert_cmpint (lode_import_plan_get_resolution (plan, 0), ==, LODE_IMPORT_TAKE_IMPORTED);
}

static void
test_undo_redo (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "comtrade-plus-annual.csv", NULL);
  g_autoptr(GError) error = NULL;
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
  GListModel *sources = G_LIST_MODEL (lode_portfolio_get_sources (portfolio));

  g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_true (lode_portfolio_get_modified (portfolio));
  g_assert_cmpstr (lode_history_get_undo_label (history), ==,
                   "Import 12 export records from comtrade-plus-annual.csv");
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);

  /* One step takes all of it away. */
  lode_history_undo (history);
  g_assert_false (lode_history_get_can_undo (history));
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 0);

  lode_history_redo (history);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 12);
  g_assert_cmpint (lode_export_table_get_total (table), ==, ANNUAL_TOTAL);
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
}

/* What an import makes is a portfolio Lode saves and opens again. */
static void
test_save_load (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodePortfolio) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  const char * const files[] = {
    "comtrade-plus-annual.csv", "comtrade-plus-monthly.csv", "comtrade-legacy.csv", "lode-records.csv",
  };
  const char *data;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(LodeImportPlan) plan = plan_for (portfolio, files[i], NULL);

      g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
      g_assert_no_error (error);
    }

  bytes = lode_portfolio_to_bytes (portfolio);
  data = g_bytes_get_data (bytes, &length);
  g_assert_nonnull (strstr (data, "\"country\": \"PK\""));
  g_assert_nonnull (strstr (data, "\"stage\": \"unrefined\""));
  g_assert_nonnull (strstr (data, "\"destination\": \"ZZ\""));

  loaded = lode_portfolio_load_data (data, length, "imported.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (lode_portfolio_get_country (loaded), ==, "PK");
  g_assert_cmpint (lode_export_table_get_total (lode_portfolio_get_exports (loaded)), ==,
                   ANNUAL_TOTAL + MONTHLY_TOTAL + LEGACY_TOTAL + LODE_TOTAL);

  /* And saves byte for byte as it loaded. */
  again = lode_portfolio_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* Files without a country open as before and save unchanged. */
static void
test_country_optional (void)
{
  static const char without[] =
    "{\n"
    "  \"format\": \"lode-portfolio\",\n"
    "  \"version\": 1,\n"
    "  \"title\": \"No country\",\n"
    "  \"currency\": \"USD\",\n"
    "  \"sources\": [],\n"
    "  \"minerals\": [],\n"
    "  \"exports\": [],\n"
    "  \"projects\": [],\n"
    "  \"targets\": []\n"
    "}\n";
  static const char bad[] =
    "{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"T\", \"country\": \"Pakistan\" }";
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(LodePortfolio) refused = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  portfolio = lode_portfolio_load_data (without, strlen (without), "old.json", &error);
  g_assert_no_error (error);
  g_assert_null (lode_portfolio_get_country (portfolio));
  bytes = lode_portfolio_to_bytes (portfolio);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), without, strlen (without));

  refused = lode_portfolio_load_data (bad, strlen (bad), "bad.json", &error);
  g_assert_null (refused);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.json: /country:"));
}

static gboolean
rows_equal (const LodeExportRow *a,
            const LodeExportRow *b)
{
  return g_strcmp0 (a->mineral, b->mineral) == 0 && a->year == b->year && a->month == b->month &&
         g_strcmp0 (a->destination, b->destination) == 0 && g_strcmp0 (a->hs_code, b->hs_code) == 0 &&
         a->stage == b->stage && a->quantity == b->quantity && a->unit == b->unit &&
         a->value == b->value && g_strcmp0 (a->source, b->source) == 0;
}

/* The records exported as CSV read back, through Lode's layout, into the
 * same records; into the portfolio they came from, they add nothing. */
static void
test_csv_round_trip (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(LodePortfolio) emptied = lode_portfolio_new_sample ();
  g_autoptr(LodeSpreadsheet) spreadsheet = lode_spreadsheet_new (sample, NULL);
  g_autoptr(GBytes) csv = lode_spreadsheet_to_csv (spreadsheet);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "records.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(LodeImportPlan) again = NULL;
  LodeExportTable *original = lode_portfolio_get_exports (sample);
  LodeExportTable *imported;
  guint n_rows = lode_export_table_get_n_rows (original);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &error));
  g_assert_cmpuint (n_rows, >, 0);

  lode_export_table_remove (lode_portfolio_get_exports (emptied), 0, n_rows);
  plan = lode_import_plan_new (emptied, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_LODE);
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, 0);
  imported = lode_import_plan_get_exports (plan);
  g_assert_cmpuint (lode_export_table_get_n_rows (imported), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow a, b;

      lode_export_table_get_row (original, i, &a);
      lode_export_table_get_row (imported, i, &b);
      g_assert_true (rows_equal (&a, &b));
    }

  again = lode_import_plan_new (sample, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lode_import_plan_is_empty (again));
  g_assert_cmpuint (lode_import_plan_get_n_skipped (again), ==, n_rows);

  lode_test_remove_tree (dir);
}

/* The portfolio's own minerals come before the table, the longest prefix
 * winning; overrides come before both. */
static void
test_hs_mapping (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeMineral) concentrate = lode_mineral_new ("copper-concentrate", "Copper concentrate", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(LodeMineral) metals = lode_mineral_new ("metals", "Metals", LODE_MINERAL_GROUP_OTHER);
  g_autoptr(LodeImportContext) ctx = NULL;
  g_autoptr(GHashTable) overrides = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LodeImportPlan) plan = NULL;
  const char * const concentrate_codes[] = { "2603", NULL };
  const char * const metal_codes[] = { "74", "26", NULL };
  LodeImportOptions options;
  LodeStage stage;

  lode_mineral_set_hs_codes (concentrate, concentrate_codes);
  lode_mineral_set_hs_codes (metals, metal_codes);
  g_list_store_append (lode_portfolio_get_minerals (portfolio), concentrate);
  g_list_store_append (lode_portfolio_get_minerals (portfolio), metals);

  g_hash_table_insert (overrides, (gpointer) "7108", (gpointer) "bullion");
  lode_import_options_init (&options);
  options.hs_minerals = overrides;
  ctx = _lode_import_context_new (portfolio, "t.csv", &options);

  g_assert_cmpstr (_lode_import_context_map_hs (ctx, "260300", &stage), ==, "copper-concentrate");
  g_assert_cmpint (stage, ==, LODE_STAGE_CONCENTRATE);
  g_assert_cmpstr (_lode_import_context_map_hs (ctx, "7403", &stage), ==, "metals");
  g_assert_cmpint (stage, ==, LODE_STAGE_REFINED);
  g_assert_cmpstr (_lode_import_context_map_hs (ctx, "2601", NULL), ==, "metals");
  /* The table, making the mineral with its codes. */
  g_assert_cmpstr (_lode_import_context_map_hs (ctx, "2701", &stage), ==, "coal");
  g_assert_cmpint (stage, ==, LODE_STAGE_ORE);
  g_assert_cmpstr (_lode_import_context_map_hs (ctx, "7108", NULL), ==, "bullion");
  g_assert_null (_lode_import_context_map_hs (ctx, "8501", NULL));

  plan = _lode_import_context_finish (ctx);
  {
    GListModel *items = lode_import_plan_get_items (plan);
    gboolean coal = FALSE, bullion = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (items, i);
        LodeMineral *mineral = LODE_MINERAL (item);

        if (g_str_equal (lode_mineral_get_id (mineral), "coal"))
          {
            const char * const *codes = lode_mineral_get_hs_codes (mineral);

            coal = TRUE;
            g_assert_cmpstr (lode_mineral_get_name (mineral), ==, "Coal");
            g_assert_cmpint (lode_mineral_get_group (mineral), ==, LODE_MINERAL_GROUP_ENERGY);
            g_assert_cmpstr (codes[0], ==, "2701");
          }
        bullion |= g_str_equal (lode_mineral_get_id (mineral), "bullion");
      }
    g_assert_true (coal);
    g_assert_true (bullion);
  }
}

static void
test_hs_table (void)
{
  static const struct
  {
    const char *code;
    const char *mineral;
    LodeStage   stage;
  } cases[] = {
    { "2603", "copper", LODE_STAGE_CONCENTRATE },
    { "260300", "copper", LODE_STAGE_CONCENTRATE },
    { "2606", "bauxite", LODE_STAGE_ORE },
    { "7402", "copper", LODE_STAGE_UNREFINED },
    { "7403", "copper", LODE_STAGE_REFINED },
    { "740311", "copper", LODE_STAGE_REFINED },
    { "2805", "rare-earths", LODE_STAGE_REFINED },
    { "2846", "rare-earths", LODE_STAGE_REFINED },
    { "7108", "gold", LODE_STAGE_REFINED },
    { "7106", "silver", LODE_STAGE_REFINED },
    { "7110", "platinum", LODE_STAGE_REFINED },
    { "2701", "coal", LODE_STAGE_ORE },
    { "2610", "chromite", LODE_STAGE_ORE },
    { "811221", "chromite", LODE_STAGE_REFINED },
    { "2501", "salt", LODE_STAGE_PRODUCT },
    { "2520", "gypsum", LODE_STAGE_ORE },
    { "2515", "marble", LODE_STAGE_ORE },
    { "261610", "silver", LODE_STAGE_ORE },
    { "261690", "gold", LODE_STAGE_ORE },
  };
  g_auto(GStrv) copper = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LodeHsCommodity *commodity = lode_hs_commodity_lookup (cases[i].code);

      g_assert_nonnull (commodity);
      g_assert_cmpstr (commodity->mineral, ==, cases[i].mineral);
      g_assert_cmpint (commodity->stage, ==, cases[i].stage);
    }

  /* Every heading of chapter 26 names a commodity. */
  for (guint heading = 2601; heading <= 2621; heading++)
    {
      g_autofree char *code = g_strdup_printf ("%u", heading);

      g_assert_nonnull (lode_hs_commodity_lookup (code));
    }

  g_assert_null (lode_hs_commodity_lookup ("26"));
  g_assert_null (lode_hs_commodity_lookup ("TOTAL"));
  g_assert_null (lode_hs_commodity_lookup ("8501"));

  copper = lode_hs_commodity_codes ("copper");
  g_assert_true (g_strv_contains ((const char * const *) copper, "2603"));
  g_assert_true (g_strv_contains ((const char * const *) copper, "7402"));
  g_assert_true (g_strv_contains ((const char * const *) copper, "7403"));
}

static void
test_parse_dollars (void)
{
  static const struct
  {
    const char *text;
    gboolean    thousands;
    gboolean    ok;
    LodeMoney   cents;
    gboolean    rounded;
  } cases[] = {
    { "0", FALSE, TRUE, 0, FALSE },
    { "1234.5", FALSE, TRUE, 123450, FALSE },
    { "1234.56", FALSE, TRUE, 123456, FALSE },
    { "1234.565", FALSE, TRUE, 123457, TRUE },
    { "1234.564", FALSE, TRUE, 123456, TRUE },
    { "1234.560", FALSE, TRUE, 123456, FALSE },
    { "0.005", FALSE, TRUE, 1, TRUE },
    { "0.004", FALSE, TRUE, 0, TRUE },
    { "412345678.125", FALSE, TRUE, G_GINT64_CONSTANT (41234567813), TRUE },
    { " 17 ", FALSE, TRUE, 1700, FALSE },
    { "1,234,567.89", TRUE, TRUE, 123456789, FALSE },
    { "1,234", TRUE, TRUE, 123400, FALSE },
    { "1,234", FALSE, FALSE, 0, FALSE },
    { "12,34", TRUE, FALSE, 0, FALSE },
    { "1,2345", TRUE, FALSE, 0, FALSE },
    { ",123", TRUE, FALSE, 0, FALSE },
    { "1.2345", FALSE, FALSE, 0, FALSE },
    { "", FALSE, FALSE, 0, FALSE },
    { ".5", FALSE, FALSE, 0, FALSE },
    { "abc", FALSE, FALSE, 0, FALSE },
    { "1e6", FALSE, FALSE, 0, FALSE },
    { "99999999999999999999", FALSE, FALSE, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LodeMoney cents = -1;
      gboolean rounded = FALSE;
      gboolean ok = _lode_import_parse_dollars (cases[i].text, cases[i].thousands, &cents, &rounded);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpint (cents, ==, cases[i].cents);
          g_assert_cmpint (rounded, ==, cases[i].rounded);
        }
    }
}

/* The row rules fed cells directly, as a reader would. */
static void
test_rows (void)
{
  static const char * const header[] = {
    "Year", "Month", "Reporter", "Flow", "Partner", "Commodity", "Value",
  };
  static const char * const rows[][7] = {
    { "2024", "5", "PAK", "Export", "CHN", "2603", "100" },       /* 2: added */
    { "2024", "5", "586", "X", "156", "2603", "200" },            /* 3: added, numeric codes */
    { "2024", "5", "Pakistan", "X", "China", "7403", "300" },     /* 4: added, names */
    { "2024", "5", "IND", "X", "CHN", "2603", "400" },            /* 5: another reporter */
    { "2024", "5", "PAK", "M", "CHN", "2603", "500" },            /* 6: imports */
    { "2024", "5", "PAK", "X", "Narnia", "2603", "600" },         /* 7: unknown partner: ZZ */
    { "2024", "5", "PAK", "X", "CHN", "26030", "700" },           /* 8: 5 digits */
    { "2024", "5", "PAK", "X", "CHN", "2603", "-5" },             /* 9: negative */
    { "2024", "5", "PAK", "X", "", "2603", "900" },               /* 10: added, no destination */
    { "2024", "13", "PAK", "X", "CHN", "2603", "900" },           /* 11: month 13 */
  };
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportContext) ctx = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LodeImportOptions options;
  LodeImportMapping mapping;
  LodeImportTrade *trade;
  LodeExportTable *exports;
  LodeExportRow row;

  for (guint i = 0; i < LODE_IMPORT_N_COLUMNS; i++)
    mapping.column[i] = -1;
  mapping.column[LODE_IMPORT_COLUMN_YEAR] = 0;
  mapping.column[LODE_IMPORT_COLUMN_MONTH] = 1;
  mapping.column[LODE_IMPORT_COLUMN_REPORTER] = 2;
  mapping.column[LODE_IMPORT_COLUMN_FLOW] = 3;
  mapping.column[LODE_IMPORT_COLUMN_PARTNER] = 4;
  mapping.column[LODE_IMPORT_COLUMN_COMMODITY] = 5;
  mapping.column[LODE_IMPORT_COLUMN_VALUE] = 6;
  lode_import_options_init (&options);
  options.layout = LODE_IMPORT_LAYOUT_MAPPED;
  options.mapping = &mapping;

  ctx = _lode_import_context_new (portfolio, "cells.csv", &options);
  trade = _lode_import_trade_begin (ctx, header, G_N_ELEMENTS (header), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _lode_import_trade_row (trade, rows[i], G_N_ELEMENTS (rows[i]), i + 2);
  _lode_import_trade_end (trade);
  plan = _lode_import_context_finish (ctx);

  exports = lode_import_plan_get_exports (plan);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, 5);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, 210000);
  g_assert_true (find_row (exports, "2603", NULL, &row));
  g_assert_cmpint (row.value, ==, 90000);
  g_assert_true (find_row (exports, "7403", "CN", &row));
  g_assert_true (find_row (exports, "2603", LODE_COUNTRY_NOT_A_COUNTRY, &row));
  g_assert_cmpint (row.value, ==, 60000);
  assert_skipped (plan, 5, "another country");
  assert_skipped (plan, 6, "Imports");
  assert_skipped (plan, 8, "4 or 6 digits");
  assert_skipped (plan, 9, "not an amount");
  g_assert_null (skipped_reason (plan, 10));
  assert_skipped (plan, 11, "month");
}

/* A file listing a heading beside its subheadings gives the subheadings,
 * not both: that would count the same exports twice. */
static void
test_headings (void)
{
  static const char * const header[] = { "Year", "Partner", "Commodity", "Value" };
  static const char * const rows[][4] = {
    { "2024", "CN", "2603", "1000" },    /* 2: skipped, 260300 below */
    { "2024", "CN", "260300", "1000" },  /* 3 */
    { "2024", "AE", "2603", "50" },      /* 4: no subheading for AE */
    { "2024", "CN", "7403", "7" },       /* 5 */
    { "2023", "CN", "2603", "20" },      /* 6: another year */
    { "2024", "CN", "740311", "5" },     /* 7: 7403 came before it, skipped all the same */
    { "2024", "CN", "740319", "2" },     /* 8 */
  };
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportContext) ctx = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LodeImportOptions options;
  LodeImportMapping mapping;
  LodeImportTrade *trade;
  LodeExportTable *exports;

  for (guint i = 0; i < LODE_IMPORT_N_COLUMNS; i++)
    mapping.column[i] = -1;
  mapping.column[LODE_IMPORT_COLUMN_YEAR] = 0;
  mapping.column[LODE_IMPORT_COLUMN_PARTNER] = 1;
  mapping.column[LODE_IMPORT_COLUMN_COMMODITY] = 2;
  mapping.column[LODE_IMPORT_COLUMN_VALUE] = 3;
  lode_import_options_init (&options);
  options.layout = LODE_IMPORT_LAYOUT_MAPPED;
  options.mapping = &mapping;

  ctx = _lode_import_context_new (portfolio, "levels.csv", &options);
  trade = _lode_import_trade_begin (ctx, header, G_N_ELEMENTS (header), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _lode_import_trade_row (trade, rows[i], G_N_ELEMENTS (rows[i]), i + 2);
  _lode_import_trade_end (trade);
  plan = _lode_import_context_finish (ctx);

  exports = lode_import_plan_get_exports (plan);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, 5);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, (1000 + 50 + 20 + 5 + 2) * 100);
  assert_skipped (plan, 2, "subheadings");
  assert_skipped (plan, 5, "subheadings");
  g_assert_null (skipped_reason (plan, 4));
  g_assert_null (skipped_reason (plan, 6));
}

/* Another reporter than the portfolio's country: options->country. */
static void
test_reporter_option (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(LodeImportPlan) plan = NULL;
  LodeImportOptions options;

  lode_import_options_init (&options);
  options.country = "IN";
  plan = plan_for (portfolio, "comtrade-plus-annual.csv", &options);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (plan)), ==, 1);
  g_assert_cmpint (lode_export_table_get_total (lode_import_plan_get_exports (plan)), ==, 500000);
}

static void
test_unknown_layout (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-import-XXXXXX", &error);

  g_assert_no_error (error);
  path = g_build_filename (dir, "other.csv", NULL);
  g_assert_true (g_file_set_contents (path, "a,b,c\n1,2,3\n", -1, &error));
  file = g_file_new_for_path (path);

  plan = lode_import_plan_new (portfolio, file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, "other.csv:1: "));

  lode_test_remove_tree (dir);
}

typedef struct
{
  LodeImportPlan *plan;
  GError         *error;
  guint64         progress;
  gboolean        done;
} AsyncData;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AsyncData *data = user_data;

  /* From the worker; read once the plan is back on the main thread. */
  data->progress = done;
}

static void
on_plan (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncData *data = user_data;

  data->plan = lode_import_plan_new_finish (result, &data->error);
  data->done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(LodePortfolio) portfolio = new_portfolio ();
  g_autoptr(GFile) file = fixture ("comtrade-legacy.csv");
  AsyncData data = { NULL, };

  lode_import_plan_new_async (portfolio, file, NULL, on_progress, &data, NULL, on_plan, &data);
  g_assert_true (lode_test_wait_for (lode_test_is_true, &data.done));
  g_assert_no_error (data.error);
  g_assert_nonnull (data.plan);
  g_assert_cmpint (lode_export_table_get_total (lode_import_plan_get_exports (data.plan)), ==, LEGACY_TOTAL);
  g_assert_cmpuint (data.progress, >, 0);
  g_object_unref (data.plan);
}

static void
test_countries (void)
{
  g_assert_cmpstr (lode_country_from_alpha3 ("PAK"), ==, "PK");
  g_assert_cmpstr (lode_country_from_alpha3 ("CHN"), ==, "CN");
  g_assert_null (lode_country_from_alpha3 ("W00"));
  g_assert_cmpstr (lode_country_from_numeric (586), ==, "PK");
  g_assert_cmpstr (lode_country_from_numeric (784), ==, "AE");
  g_assert_null (lode_country_from_numeric (490));
  g_assert_cmpstr (lode_country_from_name ("pakistan"), ==, "PK");
  g_assert_cmpstr (lode_country_lookup (LODE_COUNTRY_NOT_A_COUNTRY), ==, "Other areas (not a country)");
  g_assert_false (g_strv_contains (lode_country_codes (), LODE_COUNTRY_NOT_A_COUNTRY));
}

static void
test_layout_ids (void)
{
  for (LodeImportLayout layout = LODE_IMPORT_LAYOUT_AUTO; layout <= LODE_IMPORT_LAYOUT_PORTFOLIO; layout++)
    {
      LodeImportLayout back;

      g_assert_true (lode_import_layout_from_id (lode_import_layout_get_id (layout), &back));
      g_assert_cmpint (back, ==, layout);
      g_assert_nonnull (lode_import_layout_get_name (layout));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/import/comtrade/annual", test_comtrade_annual);
  g_test_add_func ("/lode/import/comtrade/monthly", test_comtrade_monthly);
  g_test_add_func ("/lode/import/comtrade/legacy", test_comtrade_legacy);
  g_test_add_func ("/lode/import/mapped", test_mapped);
  g_test_add_func ("/lode/import/lode", test_lode_layout);
  g_test_add_func ("/lode/import/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/lode/import/rows", test_rows);
  g_test_add_func ("/lode/import/headings", test_headings);
  g_test_add_func ("/lode/import/reporter", test_reporter_option);
  g_test_add_func ("/lode/import/unknown-layout", test_unknown_layout);
  g_test_add_func ("/lode/import/idempotent", test_idempotent);
  g_test_add_func ("/lode/import/conflicts", test_conflicts);
  g_test_add_func ("/lode/import/on-conflict", test_on_conflict_default);
  g_test_add_func ("/lode/import/conflict-stale", test_conflict_stale);
  g_test_add_func ("/lode/import/apply-stale", test_apply_stale);
  g_test_add_func ("/lode/import/undo-redo", test_undo_redo);
  g_test_add_func ("/lode/import/save-load", test_save_load);
  g_test_add_func ("/lode/import/country", test_country_optional);
  g_test_add_func ("/lode/import/hs-mapping", test_hs_mapping);
  g_test_add_func ("/lode/import/hs-table", test_hs_table);
  g_test_add_func ("/lode/import/parse-dollars", test_parse_dollars);
  g_test_add_func ("/lode/import/async", test_async);
  g_test_add_func ("/lode/import/countries", test_countries);
  g_test_add_func ("/lode/import/layout-ids", test_layout_ids);

  return g_test_run ();
}
