/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-import.h"
#include "lode-portfolio-io.h"
#include "lode-test.h"

/* Merging another portfolio (Import… on a .json): items matched by id,
 * the same ones left alone, different ones in conflict (keep the existing,
 * take the imported, keep both under a new id with what names it
 * following), records merged by the rule of every import, unknown members
 * of both kept, one undo step, and a second merge adding nothing. */

static const char *mine_json =
  "{\n"
  "  \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Mine\", \"x-owner\": \"ministry\",\n"
  "  \"sources\": [ { \"id\": \"gacc\", \"title\": \"China customs\" } ],\n"
  "  \"minerals\": [\n"
  "    { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\", \"hs_codes\": [\"2603\", \"7403\"] },\n"
  "    { \"id\": \"gold\", \"name\": \"Gold\", \"group\": \"precious-metal\" } ],\n"
  "  \"exports\": [\n"
  "    { \"mineral\": \"copper\", \"year\": 2024, \"destination\": \"CN\", \"hs_code\": \"7403\", \"value_usd\": 100, \"source\": \"gacc\" },\n"
  "    { \"mineral\": \"gold\", \"year\": 2024, \"destination\": \"AE\", \"value_usd\": 50 } ],\n"
  "  \"projects\": [ { \"id\": \"saindak\", \"name\": \"Saindak\", \"minerals\": [\"copper\", \"gold\"] } ],\n"
  "  \"targets\": [ { \"id\": \"t2030\", \"title\": \"Exports\", \"metric\": { \"kind\": \"exports\" },\n"
  "                 \"baseline\": { \"year\": 2024, \"value_usd\": 150 }, \"target\": { \"year\": 2030, \"low_usd\": 600 } } ],\n"
  "  \"investments\": [ { \"project\": \"saindak\", \"kind\": \"committed\", \"value_usd\": 300, \"date\": \"2024-05\", \"minerals\": [\"copper\"] } ],\n"
  "  \"production\": [ { \"mineral\": \"copper\", \"project\": \"saindak\", \"year\": 2024, \"quantity\": 15.2, \"unit\": \"kt\" } ],\n"
  "  \"national_figures\": [ { \"kind\": \"bilateral-trade\", \"country\": \"CN\", \"year\": 2024, \"value_usd\": 2310, \"change\": 0.111 } ]\n"
  "}\n";

/* A colleague's: some of the same items, a copper of other content, a
 * new mineral, source, project and target, records already there, new and
 * in conflict, and members Lode does not know. */
static const char *colleague_json =
  "{\n"
  "  \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Colleague\",\n"
  "  \"x-desk\": \"Islamabad\", \"x-owner\": \"someone else\",\n"
  "  \"sources\": [ { \"id\": \"gacc\", \"title\": \"China customs\" },\n"
  "               { \"id\": \"usgs-2025\", \"title\": \"USGS MCS 2025\", \"publisher\": \"USGS\" } ],\n"
  "  \"minerals\": [\n"
  "    { \"id\": \"copper\", \"name\": \"Copper ores\", \"group\": \"base-metal\", \"hs_codes\": [\"2603\"], \"x-note\": \"ores only\" },\n"
  "    { \"id\": \"gold\", \"name\": \"Gold\", \"group\": \"precious-metal\" },\n"
  "    { \"id\": \"lithium\", \"name\": \"Lithium\", \"group\": \"light-metal\",\n"
  "      \"reserves\": [ { \"quantity\": 1.5, \"unit\": \"Mt\", \"source\": \"usgs-2025\" } ] } ],\n"
  "  \"exports\": [\n"
  "    { \"mineral\": \"copper\", \"year\": 2024, \"destination\": \"CN\", \"hs_code\": \"7403\", \"value_usd\": 100, \"source\": \"gacc\" },\n"
  "    { \"mineral\": \"copper\", \"year\": 2025, \"destination\": \"CN\", \"hs_code\": \"2603\", \"value_usd\": 70.5, \"source\": \"gacc\", \"x-flag\": \"provisional\" },\n"
  "    { \"mineral\": \"gold\", \"year\": 2024, \"destination\": \"AE\", \"value_usd\": 60 },\n"
  "    { \"mineral\": \"lithium\", \"year\": 2025, \"month\": 3, \"destination\": \"CN\", \"value_usd\": 12.34, \"source\": \"usgs-2025\" } ],\n"
  "  \"projects\": [ { \"id\": \"saindak\", \"name\": \"Saindak\", \"minerals\": [\"copper\", \"gold\"] },\n"
  "                { \"id\": \"copper-belt\", \"name\": \"Copper belt\", \"minerals\": [\"copper\", \"lithium\"], \"source\": \"usgs-2025\" } ],\n"
  "  \"targets\": [ { \"id\": \"copper-2030\", \"title\": \"Copper exports\", \"metric\": { \"kind\": \"exports\", \"mineral\": \"copper\" },\n"
  "                 \"baseline\": { \"year\": 2024, \"value_usd\": 100 }, \"target\": { \"year\": 2030, \"low_usd\": 400 } } ],\n"
  "  \"investments\": [ { \"project\": \"saindak\", \"kind\": \"committed\", \"value_usd\": 300, \"date\": \"2024-05\", \"minerals\": [\"copper\"] },\n"
  "                   { \"project\": \"copper-belt\", \"investor\": \"Belt Mining\", \"kind\": \"disbursed\", \"value_usd\": 120,\n"
  "                     \"date\": \"2025\", \"minerals\": [\"copper\", \"lithium\"], \"source\": \"usgs-2025\", \"x-deal\": \"phase 1\" } ],\n"
  "  \"production\": [ { \"mineral\": \"copper\", \"project\": \"saindak\", \"year\": 2024, \"quantity\": 15.2, \"unit\": \"kt\" },\n"
  "                  { \"mineral\": \"copper\", \"year\": 2025, \"quantity\": 16, \"unit\": \"kt\", \"source\": \"usgs-2025\" } ],\n"
  "  \"national_figures\": [ { \"kind\": \"bilateral-trade\", \"country\": \"CN\", \"year\": 2024, \"value_usd\": 2310, \"change\": 0.111 },\n"
  "                        { \"kind\": \"mineral-exports\", \"year\": 2025, \"value_usd\": 5000, \"source\": \"usgs-2025\" } ]\n"
  "}\n";

typedef struct
{
  char          *folder;
  char          *path;      /* the colleague's file */
  LodePortfolio *mine;
  GBytes        *mine_bytes;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("lode-merge-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "colleague.json", NULL);
  g_file_set_contents (fixture->path, colleague_json, -1, &error);
  g_assert_no_error (error);

  fixture->mine = lode_portfolio_load_data (mine_json, strlen (mine_json), "mine.json", &error);
  g_assert_no_error (error);
  fixture->mine_bytes = lode_portfolio_to_bytes (fixture->mine);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lode_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
  g_object_unref (fixture->mine);
  g_bytes_unref (fixture->mine_bytes);
}

static LodeImportPlan *
plan_merge (Fixture              *fixture,
            LodeImportResolution  on_conflict)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  LodeImportOptions options;
  LodeImportPlan *plan;

  lode_import_options_init (&options);
  options.on_conflict = on_conflict;
  plan = lode_import_plan_new (fixture->mine, file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_PORTFOLIO);

  return plan;
}

static void
apply (LodeImportPlan *plan,
       LodePortfolio  *portfolio)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_no_error (error);
}

/* The ids of @store, joined by spaces. */
static char *
ids_of (GListStore *store,
        const char *(*get_id) (gpointer))
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", get_id (item));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The records as "mineral year-month destination cents source" lines. */
static char *
records_of (LodePortfolio *portfolio)
{
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      g_string_append_printf (out, "%s %d-%d %s %" G_GINT64_FORMAT " %s\n", row.mineral, row.year, row.month,
                              row.destination, row.value, row.source != NULL ? row.source : "-");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_ids (GListStore *store,
            const char *(*get_id) (gpointer),
            const char *expected)
{
  g_autofree char *ids = ids_of (store, get_id);

  g_assert_cmpstr (ids, ==, expected);
}

/* Saved and read again, the merged portfolio is a valid file. */
static void
assert_loads_again (LodePortfolio *portfolio)
{
  g_autoptr(GBytes) bytes = lode_portfolio_to_bytes (portfolio);
  g_autoptr(LodePortfolio) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  again = lode_portfolio_load_data (data, length, "merged.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static void
assert_undo_restores (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = NULL;

  lode_history_undo (lode_portfolio_get_history (fixture->mine));
  bytes = lode_portfolio_to_bytes (fixture->mine);
  g_assert_true (g_bytes_equal (bytes, fixture->mine_bytes));
}

/* Keep both: everything of both files is there, the colleague's copper
 * as copper-2 with its records, project and target following it. */
static void
test_keep_both (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LodeImportPlan) plan = plan_merge (fixture, LODE_IMPORT_KEEP_BOTH);
  LodePortfolio *mine = fixture->mine;
  g_autofree char *records = NULL;
  g_autoptr(LodeProject) belt = NULL;
  g_autoptr(LodeTarget) target = NULL;
  LodeExportTable *table;
  JsonObject *extra;
  guint n_notes = 0;

  /* The copper mineral and the gold record of 2024 to AE meet. */
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 2);
  g_assert_false (lode_import_plan_is_empty (plan));
  /* gacc, gold and saindak are the same in both; one record too. */
  while (lode_import_plan_get_notes (plan)[n_notes] != NULL)
    n_notes++;
  g_assert_cmpuint (n_notes, >=, 1);
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, 1);

  apply (plan, mine);

  assert_ids (lode_portfolio_get_sources (mine), (gpointer) lode_source_get_id, "gacc usgs-2025");
  assert_ids (lode_portfolio_get_minerals (mine), (gpointer) lode_mineral_get_id, "copper gold copper-2 lithium");
  assert_ids (lode_portfolio_get_projects (mine), (gpointer) lode_project_get_id, "saindak copper-belt");
  assert_ids (lode_portfolio_get_targets (mine), (gpointer) lode_target_get_id, "t2030 copper-2030");
  g_assert_cmpstr (lode_mineral_get_name (lode_portfolio_find_mineral (mine, "copper")), ==, "Copper");
  g_assert_cmpstr (lode_mineral_get_name (lode_portfolio_find_mineral (mine, "copper-2")), ==, "Copper ores");
  g_assert_true (json_object_has_member (lode_mineral_get_extra (lode_portfolio_find_mineral (mine, "copper-2")), "x-note"));

  records = records_of (mine);
  g_assert_cmpstr (records, ==,
                   "copper 2024-0 CN 10000 gacc\n"
                   "gold 2024-0 AE 5000 -\n"
                   "copper-2 2025-0 CN 7050 gacc\n"
                   "gold 2024-0 AE 6000 -\n"
                   "lithium 2025-3 CN 1234 usgs-2025\n");

  /* What named the colleague's copper names copper-2; Saindak, which both
   * had, still names the copper that was there. */
  belt = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_projects (mine)), 1);
  g_assert_cmpstr (lode_project_get_minerals (belt)[0], ==, "copper-2");
  g_assert_cmpstr (lode_project_get_minerals (belt)[1], ==, "lithium");
  target = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_targets (mine)), 1);
  g_assert_cmpstr (lode_target_get_metric_mineral (target), ==, "copper-2");

  /* Investment events, production and national figures, which have no id:
   * those the same in both once, the others added, naming the colleague's
   * copper as copper-2. */
  g_assert_cmpuint (n_items (lode_portfolio_get_investments (mine)), ==, 2);
  g_assert_cmpuint (n_items (lode_portfolio_get_production (mine)), ==, 2);
  g_assert_cmpuint (n_items (lode_portfolio_get_national_figures (mine)), ==, 2);
  {
    g_autoptr(LodeInvestment) ours = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_investments (mine)), 0);
    g_autoptr(LodeInvestment) event = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_investments (mine)), 1);
    g_autoptr(LodeProduction) figure = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_production (mine)), 1);
    g_autoptr(LodeNationalFigure) exports = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_national_figures (mine)), 1);

    g_assert_cmpstr (lode_investment_get_minerals (ours)[0], ==, "copper");
    g_assert_cmpstr (lode_investment_get_investor (event), ==, "Belt Mining");
    g_assert_cmpstr (lode_investment_get_project (event), ==, "copper-belt");
    g_assert_cmpstr (lode_investment_get_minerals (event)[0], ==, "copper-2");
    g_assert_cmpstr (lode_investment_get_minerals (event)[1], ==, "lithium");
    g_assert_cmpstr (lode_investment_get_source (event), ==, "usgs-2025");
    g_assert_cmpint (lode_investment_get_value (event), ==, 12000);
    g_assert_cmpstr (json_object_get_string_member (lode_investment_get_extra (event), "x-deal"), ==, "phase 1");
    g_assert_cmpstr (lode_production_get_mineral (figure), ==, "copper-2");
    g_assert_cmpint (lode_production_get_year (figure), ==, 2025);
    g_assert_cmpint (lode_national_figure_get_kind (exports), ==, LODE_FIGURE_KIND_MINERAL_EXPORTS);
    g_assert_cmpint (lode_national_figure_get_value (exports), ==, 500000);
  }

  /* Unknown members of both: the portfolio's own value of a name wins. */
  extra = lode_portfolio_get_extra (mine);
  g_assert_cmpstr (json_object_get_string_member (extra, "x-owner"), ==, "ministry");
  g_assert_cmpstr (json_object_get_string_member (extra, "x-desk"), ==, "Islamabad");
  table = lode_portfolio_get_exports (mine);
  g_assert_nonnull (lode_export_table_get_extra (table, 2));
  g_assert_cmpstr (json_object_get_string_member (lode_export_table_get_extra (table, 2), "x-flag"), ==, "provisional");

  assert_loads_again (mine);

  /* The same file again: its copper is found as copper-2, with its
   * records, project and target; Saindak, which both had, as it was.
   * Nothing comes. */
  {
    g_autoptr(LodeImportPlan) again = plan_merge (fixture, LODE_IMPORT_KEEP_BOTH);

    g_assert_cmpuint (g_list_model_get_n_items (lode_import_plan_get_items (again)), ==, 0);
    g_assert_cmpuint (lode_import_plan_get_n_conflicts (again), ==, 0);
    g_assert_cmpuint (lode_import_plan_get_n_skipped (again), ==, 4);
    g_assert_true (lode_import_plan_is_empty (again));
    g_assert_nonnull (lode_import_plan_get_notes (again)[0]);
  }

  assert_undo_restores (fixture);
}

/* Take the imported: the colleague's copper and figure replace ours. */
static void
test_take_imported (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LodeImportPlan) plan = plan_merge (fixture, LODE_IMPORT_TAKE_IMPORTED);
  g_autoptr(LodeImportPlan) again = NULL;
  LodePortfolio *mine = fixture->mine;
  g_autofree char *records = NULL;

  apply (plan, mine);

  assert_ids (lode_portfolio_get_minerals (mine), (gpointer) lode_mineral_get_id, "copper gold lithium");
  g_assert_cmpstr (lode_mineral_get_name (lode_portfolio_find_mineral (mine, "copper")), ==, "Copper ores");
  records = records_of (mine);
  g_assert_cmpstr (records, ==,
                   "copper 2024-0 CN 10000 gacc\n"
                   "gold 2024-0 AE 6000 -\n"
                   "copper 2025-0 CN 7050 gacc\n"
                   "lithium 2025-3 CN 1234 usgs-2025\n");
  assert_loads_again (mine);

  g_assert_cmpuint (n_items (lode_portfolio_get_investments (mine)), ==, 2);
  g_assert_cmpuint (n_items (lode_portfolio_get_production (mine)), ==, 2);
  g_assert_cmpuint (n_items (lode_portfolio_get_national_figures (mine)), ==, 2);

  /* The same file again adds nothing. */
  again = plan_merge (fixture, LODE_IMPORT_TAKE_IMPORTED);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (again), ==, 0);
  g_assert_true (lode_import_plan_is_empty (again));
}

/* Keep the existing: ours stay, the rest of the colleague's comes in. */
static void
test_keep_existing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LodeImportPlan) plan = plan_merge (fixture, LODE_IMPORT_KEEP_EXISTING);
  LodePortfolio *mine = fixture->mine;
  g_autofree char *records = NULL;
  g_autoptr(LodeImportPlan) again = NULL;

  apply (plan, mine);

  assert_ids (lode_portfolio_get_minerals (mine), (gpointer) lode_mineral_get_id, "copper gold lithium");
  g_assert_cmpstr (lode_mineral_get_name (lode_portfolio_find_mineral (mine, "copper")), ==, "Copper");
  g_assert_cmpuint (n_items (lode_portfolio_get_investments (mine)), ==, 2);
  g_assert_cmpuint (n_items (lode_portfolio_get_production (mine)), ==, 2);
  g_assert_cmpuint (n_items (lode_portfolio_get_national_figures (mine)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lode_mineral_get_reserves (lode_portfolio_find_mineral (mine, "lithium"))), ==, 1);
  records = records_of (mine);
  g_assert_cmpstr (records, ==,
                   "copper 2024-0 CN 10000 gacc\n"
                   "gold 2024-0 AE 5000 -\n"
                   "copper 2025-0 CN 7050 gacc\n"
                   "lithium 2025-3 CN 1234 usgs-2025\n");
  assert_loads_again (mine);

  /* Again: the same two conflicts, and nothing to add while ours stay. */
  again = plan_merge (fixture, LODE_IMPORT_KEEP_EXISTING);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (again), ==, 2);
  g_assert_true (lode_import_plan_is_empty (again));
  assert_undo_restores (fixture);
}

/* Rates and the fiscal year */

/* A portfolio of rupees, its fiscal year from July, as @start (0: none). */
static char *
rates_json (const char *title,
            int         start,
            const char *rates,
            const char *exports)
{
  g_autofree char *fiscal = start != 0 ? g_strdup_printf (" \"fiscal_year_start\": %d,", start) : g_strdup ("");

  return g_strdup_printf ("{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"%s\",%s\n"
                          "  \"sources\": [ { \"id\": \"sbp\", \"title\": \"State Bank of Pakistan\" } ],\n"
                          "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\" } ],\n"
                          "  \"exports\": [ %s ],\n"
                          "  \"exchange_rates\": [ %s ] }\n",
                          title, fiscal, exports, rates);
}

static LodePortfolio *
load_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  LodePortfolio *portfolio = lode_portfolio_load_data (json, strlen (json), "rates.json", &error);

  g_assert_no_error (error);
  return portfolio;
}

/* "PKR 2024-0 fiscal 278.8 sbp" lines, in the portfolio's order. */
static char *
rates_of (LodePortfolio *portfolio)
{
  GListModel *rates = G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(LodeExchangeRate) rate = g_list_model_get_item (rates, i);
      g_autofree char *units = lode_rate_to_string (lode_exchange_rate_get_rate (rate));

      g_string_append_printf (out, "%s %d-%d %s %s %s\n", lode_exchange_rate_get_currency (rate),
                              lode_exchange_rate_get_year (rate), lode_exchange_rate_get_month (rate),
                              lode_exchange_rate_get_period (rate) == LODE_PERIOD_KIND_FISCAL_YEAR ? "fiscal" : "calendar",
                              units, lode_exchange_rate_get_source (rate) != NULL ? lode_exchange_rate_get_source (rate) : "-");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_note (LodeImportPlan *plan,
          const char     *start)
{
  const char * const *notes = lode_import_plan_get_notes (plan);

  for (guint i = 0; notes[i] != NULL; i++)
    if (g_str_has_prefix (notes[i], start))
      return TRUE;

  return FALSE;
}

/* Into a portfolio without a fiscal year of its own: the file's rates come
 * along, the same ones already there, another rate of the same period in
 * conflict (never both kept); the file's fiscal year comes too, in the
 * same undo step, and its records of fiscal years stay fiscal years. */
static void
test_rates (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *ours_json =
    rates_json ("Ours", 0,
                "{ \"currency\": \"PKR\", \"year\": 2023, \"units_per_usd\": \"280.1\", \"source\": \"sbp\" },"
                "{ \"currency\": \"PKR\", \"year\": 2024, \"units_per_usd\": \"279\" }",
                "");
  g_autofree char *theirs_json =
    rates_json ("Theirs", 7,
                "{ \"currency\": \"PKR\", \"year\": 2023, \"units_per_usd\": \"280.1\", \"source\": \"sbp\" },"
                "{ \"currency\": \"PKR\", \"year\": 2024, \"units_per_usd\": \"278.8\", \"source\": \"sbp\" },"
                "{ \"currency\": \"PKR\", \"year\": 2024, \"period\": \"fiscal_year\", \"units_per_usd\": \"281.5\" },"
                "{ \"currency\": \"CNY\", \"year\": 2025, \"month\": 3, \"units_per_usd\": \"7.2\" }",
                "{ \"mineral\": \"copper\", \"year\": 2024, \"period\": \"fiscal_year\", \"value_usd\": 10 }");
  g_autoptr(LodePortfolio) ours = load_json (ours_json);
  g_autoptr(GBytes) before = lode_portfolio_to_bytes (ours);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(LodeImportPlan) again = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *rates = NULL;
  LodeImportOptions options;
  LodeExportRow row;

  g_assert_true (g_file_set_contents (fixture->path, theirs_json, -1, &error));
  g_assert_no_error (error);
  lode_import_options_init (&options);
  options.on_conflict = LODE_IMPORT_KEEP_BOTH;
  plan = lode_import_plan_new (ours, file, &options, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 1);
  conflict = lode_import_plan_describe_conflict (plan, 0);
  g_assert_cmpstr (conflict, ==, "PKR, 2024: the portfolio has 279 a US dollar; the file says 278.8");
  /* Both cannot be kept: the portfolio's stays unless the file's is taken. */
  g_assert_cmpint (lode_import_plan_get_resolution (plan, 0), ==, LODE_IMPORT_KEEP_EXISTING);
  lode_import_plan_set_resolution (plan, 0, LODE_IMPORT_KEEP_BOTH);
  g_assert_cmpint (lode_import_plan_get_resolution (plan, 0), ==, LODE_IMPORT_KEEP_EXISTING);
  lode_import_plan_set_resolution (plan, 0, LODE_IMPORT_TAKE_IMPORTED);
  g_assert_true (has_note (plan, "1 exchange rate of the file is already in the portfolio"));
  g_assert_true (has_note (plan, "The portfolio’s fiscal year will start in July, as the file’s does"));

  apply (plan, ours);
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (ours), ==, 7);
  rates = rates_of (ours);
  g_assert_cmpstr (rates, ==,
                   "PKR 2023-0 calendar 280.1 sbp\n"
                   "PKR 2024-0 calendar 278.8 sbp\n"
                   "PKR 2024-0 fiscal 281.5 -\n"
                   "CNY 2025-3 calendar 7.2 -\n");
  lode_export_table_get_row (lode_portfolio_get_exports (ours), 0, &row);
  g_assert_cmpint (row.period, ==, LODE_PERIOD_KIND_FISCAL_YEAR);
  assert_loads_again (ours);

  /* The same file again adds nothing. */
  again = lode_import_plan_new (ours, file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (again), ==, 0);
  g_assert_true (lode_import_plan_is_empty (again));

  /* One step of the history undoes it all, the fiscal year included. */
  lode_history_undo (lode_portfolio_get_history (ours));
  after_undo = lode_portfolio_to_bytes (ours);
  g_assert_true (g_bytes_equal (after_undo, before));
}

/* Into a portfolio whose fiscal year starts in another month than the
 * file's: the portfolio's stays, said in a note, and the file's records
 * and rates of fiscal years, which would stand for other months, are
 * skipped with the reason; the rest comes in. */
static void
test_rates_other_fiscal_year (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *ours_json = rates_json ("Ours", 4, "", "");
  g_autofree char *theirs_json =
    rates_json ("Theirs", 7,
                "{ \"currency\": \"PKR\", \"year\": 2024, \"units_per_usd\": \"278.8\", \"source\": \"sbp\" },"
                "{ \"currency\": \"PKR\", \"year\": 2024, \"period\": \"fiscal_year\", \"units_per_usd\": \"281.5\" }",
                "{ \"mineral\": \"copper\", \"year\": 2024, \"period\": \"fiscal_year\", \"value_usd\": 10 },"
                "{ \"mineral\": \"copper\", \"year\": 2024, \"month\": 8, \"destination\": \"CN\", \"value_usd\": 20 }");
  g_autoptr(LodePortfolio) ours = load_json (ours_json);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autofree char *rates = NULL;
  g_autofree char *records = NULL;
  LodeImportOptions options;
  guint64 line;
  const char *reason;

  g_assert_true (g_file_set_contents (fixture->path, theirs_json, -1, &error));
  g_assert_no_error (error);
  lode_import_options_init (&options);
  plan = lode_import_plan_new (ours, file, &options, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (has_note (plan, "The file’s fiscal year starts in July, the portfolio’s in April: "
                                 "the portfolio’s stays, and the file’s records and rates of fiscal years are left out"));
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, 2);
  lode_import_plan_get_skipped (plan, 0, &line, &reason);
  g_assert_cmpstr (reason, ==, "A rate of a fiscal year that starts in another month than the portfolio’s");
  lode_import_plan_get_skipped (plan, 1, &line, &reason);
  g_assert_cmpstr (reason, ==, "A record of a fiscal year that starts in another month than the portfolio’s");

  apply (plan, ours);
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (ours), ==, 4);
  rates = rates_of (ours);
  g_assert_cmpstr (rates, ==, "PKR 2024-0 calendar 278.8 sbp\n");
  records = records_of (ours);
  g_assert_cmpstr (records, ==, "copper 2024-8 CN 2000 -\n");
  assert_loads_again (ours);
}

/* The merged portfolio of two real files keeps everything of both: the
 * built-in sample into a portfolio of its own, then into the colleague's. */
static void
test_sample (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autofree char *path = g_build_filename (fixture->folder, "sample.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) colleague = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(LodePortfolio) merged = NULL;
  g_autoptr(LodePortfolio) other = NULL;
  guint n_sample_rows = lode_export_table_get_n_rows (lode_portfolio_get_exports (sample));
  LodeImportOptions options;

  g_assert_true (lode_portfolio_save_file (sample, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  lode_import_options_init (&options);
  options.on_conflict = LODE_IMPORT_KEEP_BOTH;
  other = lode_portfolio_load_file (colleague, NULL, &error);
  g_assert_no_error (error);
  merged = g_object_ref (other);
  plan = lode_import_plan_new (merged, file, &options, NULL, &error);
  g_assert_no_error (error);
  apply (plan, merged);

  /* Every item of both, the sample's copper and gold under new ids. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_minerals (merged))), ==,
                    3 + g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_minerals (sample))));
  g_assert_nonnull (lode_portfolio_find_mineral (merged, "copper-2"));
  g_assert_nonnull (lode_portfolio_find_mineral (merged, "gold-2"));
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (merged)), ==, 4 + n_sample_rows);
  g_assert_cmpuint (n_items (lode_portfolio_get_investments (merged)), ==,
                    2 + n_items (lode_portfolio_get_investments (sample)));
  g_assert_cmpuint (n_items (lode_portfolio_get_production (merged)), ==,
                    2 + n_items (lode_portfolio_get_production (sample)));
  g_assert_cmpuint (n_items (lode_portfolio_get_national_figures (merged)), ==,
                    2 + n_items (lode_portfolio_get_national_figures (sample)));
  g_assert_cmpint (lode_export_table_get_total (lode_portfolio_get_exports (merged)), ==,
                   lode_export_table_get_total (lode_portfolio_get_exports (sample)) + 10000 + 7050 + 6000 + 1234);
  assert_loads_again (merged);
}

/* Keep both on a project: the file's events and production figures of it
 * follow it to its new id, those of the portfolio's stay (as for records,
 * a figure the portfolio has the same, by the ids as the file writes
 * them, is already there); a figure listed twice in the file is kept
 * twice; merging again adds nothing. */
static void
test_figures_follow_project (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char *other_json =
    "{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Other\",\n"
    "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\", \"hs_codes\": [\"2603\", \"7403\"] } ],\n"
    "  \"projects\": [ { \"id\": \"saindak\", \"name\": \"Saindak (Chagai)\" } ],\n"
    "  \"investments\": [ { \"project\": \"saindak\", \"kind\": \"agreed\", \"value_usd\": 80, \"date\": \"2025-01-28\" } ],\n"
    "  \"production\": [ { \"mineral\": \"copper\", \"project\": \"saindak\", \"year\": 2024, \"quantity\": 14.8, \"unit\": \"kt\" },\n"
    "                  { \"mineral\": \"copper\", \"year\": 2023, \"quantity\": 9, \"unit\": \"kt\" },\n"
    "                  { \"mineral\": \"copper\", \"year\": 2023, \"quantity\": 9, \"unit\": \"kt\" } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(LodeImportPlan) again = NULL;
  LodePortfolio *mine = fixture->mine;
  GListModel *production = G_LIST_MODEL (lode_portfolio_get_production (mine));

  g_file_set_contents (fixture->path, other_json, -1, &error);
  g_assert_no_error (error);

  plan = plan_merge (fixture, LODE_IMPORT_KEEP_BOTH);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 1);
  apply (plan, mine);

  assert_ids (lode_portfolio_get_projects (mine), (gpointer) lode_project_get_id, "saindak saindak-2");
  g_assert_cmpuint (n_items (lode_portfolio_get_investments (mine)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, 4);
  {
    g_autoptr(LodeInvestment) ours = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_investments (mine)), 0);
    g_autoptr(LodeInvestment) theirs = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_investments (mine)), 1);
    g_autoptr(LodeProduction) kept = g_list_model_get_item (production, 0);
    g_autoptr(LodeProduction) moved = g_list_model_get_item (production, 1);
    g_autoptr(LodeProduction) twice = g_list_model_get_item (production, 3);

    g_assert_cmpstr (lode_investment_get_project (ours), ==, "saindak");
    g_assert_cmpstr (lode_investment_get_project (theirs), ==, "saindak-2");
    g_assert_cmpstr (lode_production_get_project (kept), ==, "saindak");
    g_assert_cmpstr (lode_production_get_project (moved), ==, "saindak-2");
    g_assert_null (lode_production_get_project (twice));
    g_assert_cmpint (lode_production_get_year (twice), ==, 2023);
  }
  assert_loads_again (mine);

  again = plan_merge (fixture, LODE_IMPORT_KEEP_BOTH);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (again), ==, 0);
  g_assert_true (lode_import_plan_is_empty (again));

  assert_undo_restores (fixture);
}

/* A file that is not a portfolio is refused with the reader's place, and
 * nothing changes. */
static void
test_not_a_portfolio (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_file_set_contents (path, "{\n  \"format\": \"lode-portfolio\",\n  \"version\": 1,\n}\n", -1, &error);
  g_assert_no_error (error);

  plan = lode_import_plan_new (fixture->mine, file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "broken.json:3:15: trailing comma"));

  bytes = lode_portfolio_to_bytes (fixture->mine);
  g_assert_true (g_bytes_equal (bytes, fixture->mine_bytes));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lode/merge/keep-both", Fixture, NULL, fixture_set_up, test_keep_both, fixture_tear_down);
  g_test_add ("/lode/merge/take-imported", Fixture, NULL, fixture_set_up, test_take_imported, fixture_tear_down);
  g_test_add ("/lode/merge/keep-existing", Fixture, NULL, fixture_set_up, test_keep_existing, fixture_tear_down);
  g_test_add ("/lode/merge/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/lode/merge/figures-follow-project", Fixture, NULL, fixture_set_up, test_figures_follow_project, fixture_tear_down);
  g_test_add ("/lode/merge/rates", Fixture, NULL, fixture_set_up, test_rates, fixture_tear_down);
  g_test_add ("/lode/merge/rates-other-fiscal-year", Fixture, NULL, fixture_set_up, test_rates_other_fiscal_year,
              fixture_tear_down);
  g_test_add ("/lode/merge/not-a-portfolio", Fixture, NULL, fixture_set_up, test_not_a_portfolio, fixture_tear_down);

  return g_test_run ();
}
