/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include "lode-chart.h"
#include "lode-portfolio-io.h"

/* The chart renderer and its aggregates on figures whose pictures are
 * known: where bars and slices fall, what the files hold, what growth a
 * target needs and what the records achieved; and lode-cli chart. */

/* Exports by mineral, stage, year and destination (in dollars):
 *   copper   2024 CN refined 100; 2025 CN refined 300, CN concentrate 100
 *   iron-ore 2025 US ore 200
 *   bauxite  2024 CN ore 50;  2025 CN ore 100 (March)
 * Totals: copper 500, iron-ore 200, bauxite 150; 2024 150, 2025 700;
 * CN 650, US 200. */
#define PORTFOLIO \
  "{\n" \
  "  \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Known\",\n" \
  "  \"sources\": [ { \"id\": \"customs\", \"title\": \"Customs\", \"publisher\": \"Customs office\",\n" \
  "                   \"date\": \"2026-01-15\" } ],\n" \
  "  \"minerals\": [\n" \
  "    { \"id\": \"bauxite\", \"name\": \"Bauxite\", \"group\": \"light-metal\" },\n" \
  "    { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\",\n" \
  "      \"reserves\": [ { \"quantity\": 5.9, \"unit\": \"Mt\", \"value_usd\": 1.2e11 },\n" \
  "                      { \"quantity\": 100, \"unit\": \"kt\", \"value_usd\": 1e9 } ] },\n" \
  "    { \"id\": \"iron-ore\", \"name\": \"Iron ore\", \"group\": \"ferrous\",\n" \
  "      \"reserves\": [ { \"quantity\": 2, \"unit\": \"Mt\", \"value_usd\": 3e10 } ] }\n" \
  "  ],\n" \
  "  \"exports\": [\n" \
  "    { \"mineral\": \"copper\", \"year\": 2024, \"destination\": \"CN\", \"stage\": \"refined\",\n" \
  "      \"value_usd\": 100, \"source\": \"customs\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2025, \"destination\": \"CN\", \"stage\": \"refined\",\n" \
  "      \"value_usd\": 300, \"source\": \"customs\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2025, \"destination\": \"CN\", \"stage\": \"concentrate\",\n" \
  "      \"value_usd\": 100 },\n" \
  "    { \"mineral\": \"iron-ore\", \"year\": 2025, \"destination\": \"US\", \"stage\": \"ore\",\n" \
  "      \"value_usd\": 200, \"source\": \"customs\" },\n" \
  "    { \"mineral\": \"bauxite\", \"year\": 2024, \"destination\": \"CN\", \"stage\": \"ore\",\n" \
  "      \"value_usd\": 50 },\n" \
  "    { \"mineral\": \"bauxite\", \"year\": 2025, \"month\": 3, \"destination\": \"CN\", \"stage\": \"ore\",\n" \
  "      \"value_usd\": 100.05 }\n" \
  "  ],\n" \
  "  \"targets\": [\n" \
  "    { \"id\": \"on-track\", \"title\": \"On track\", \"metric\": { \"kind\": \"exports\" },\n" \
  "      \"baseline\": { \"year\": 2024, \"value_usd\": 150 },\n" \
  "      \"target\": { \"year\": 2026, \"low_usd\": 600, \"high_usd\": 900 } },\n" \
  "    { \"id\": \"behind\", \"title\": \"Behind\", \"metric\": { \"kind\": \"exports\", \"destination\": \"CN\" },\n" \
  "      \"baseline\": { \"year\": 2024, \"value_usd\": 150 },\n" \
  "      \"target\": { \"year\": 2025, \"low_usd\": 1000 } },\n" \
  "    { \"id\": \"uncovered\", \"title\": \"Uncovered\", \"metric\": { \"kind\": \"exports\" },\n" \
  "      \"baseline\": { \"year\": 2024, \"value_usd\": 10000 },\n" \
  "      \"target\": { \"year\": 2030, \"low_usd\": 50000 } },\n" \
  "    { \"id\": \"no-later-year\", \"title\": \"No later year\", \"metric\": { \"kind\": \"exports\", \"mineral\": \"copper\" },\n" \
  "      \"baseline\": { \"year\": 2025, \"value_usd\": 400 },\n" \
  "      \"target\": { \"year\": 2030, \"low_usd\": 6000, \"high_usd\": 8000 } },\n" \
  "    { \"id\": \"investment\", \"title\": \"Investment\", \"metric\": { \"kind\": \"investment\" },\n" \
  "      \"baseline\": { \"year\": 2024, \"value_usd\": 1e9 },\n" \
  "      \"target\": { \"year\": 2030, \"low_usd\": 1e10 } }\n" \
  "  ]\n" \
  "}\n"

#define WIDTH  800
#define HEIGHT 450

static LodePortfolio *
load_known (void)
{
  g_autoptr(GError) error = NULL;
  LodePortfolio *portfolio = lode_portfolio_load_data (PORTFOLIO, strlen (PORTFOLIO), "known.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (portfolio);

  return portfolio;
}

static LodeChartData *
known_data (void)
{
  g_autoptr(LodePortfolio) portfolio = load_known ();

  return lode_chart_data_new (portfolio);
}

static LodeChartMineral *
find_mineral (LodeChartData *data,
              const char    *id)
{
  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (g_str_equal (mineral->id, id))
        return mineral;
    }

  g_assert_not_reached ();
}

static void
render (LodeChart *chart,
        cairo_surface_t **surface_out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  lode_chart_set_background (chart, TRUE);
  lode_chart_render (chart, cr, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (surface_out != NULL)
    *surface_out = surface;
  else
    cairo_surface_destroy (surface);
}

/* The colour of the pixel at @x, @y, as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  return argb & 0xffffff;
}

/* Aggregation */

static void
test_aggregation (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  LodeChartMineral *copper, *iron, *bauxite;
  LodeChartDestination *first, *second;

  g_assert_cmpuint (data->n_records, ==, 6);
  g_assert_cmpint (data->total, ==, 85005);
  g_assert_cmpint (data->first_year, ==, 2024);
  g_assert_cmpint (data->last_year, ==, 2025);
  g_assert_cmpuint (lode_chart_data_get_n_years (data), ==, 2);
  g_assert_cmpint (data->years[0].value, ==, 15000);
  g_assert_cmpint (data->years[1].value, ==, 70005);
  g_assert_true (data->has_months);

  /* Largest exports first. */
  copper = g_ptr_array_index (data->minerals, 0);
  iron = g_ptr_array_index (data->minerals, 1);
  bauxite = g_ptr_array_index (data->minerals, 2);
  g_assert_cmpstr (copper->id, ==, "copper");
  g_assert_cmpstr (iron->id, ==, "iron-ore");
  g_assert_cmpstr (bauxite->id, ==, "bauxite");
  g_assert_cmpint (copper->total.value, ==, 50000);
  g_assert_cmpint (copper->stages[LODE_STAGE_REFINED].value, ==, 40000);
  g_assert_cmpuint (copper->stages[LODE_STAGE_REFINED].count, ==, 2);
  g_assert_cmpint (copper->stages[LODE_STAGE_CONCENTRATE].value, ==, 10000);
  g_assert_cmpint (copper->years[1].value, ==, 40000);
  g_assert_cmpint (bauxite->months[12 + 2].value, ==, 10005);
  g_assert_cmpuint (bauxite->months[12 + 3].count, ==, 0);

  /* Sources: one, or mixed. */
  g_assert_cmpstr (copper->stages[LODE_STAGE_REFINED].source, ==, "customs");
  g_assert_true (copper->total.source == LODE_CHART_SOURCES_MIXED);
  g_assert_cmpstr (lode_chart_data_describe_source (data, "customs"), ==, "Customs office, 2026-01-15");

  /* Mass units add up in tonnes: 5.9 Mt + 100 kt = 6 Mt. */
  g_assert_cmpint (copper->reserve_value, ==, G_GINT64_CONSTANT (12100000000000));
  g_assert_cmpint (copper->reserve_unit, ==, LODE_UNIT_MT);
  g_assert_cmpfloat_with_epsilon (copper->reserve_quantity, 6.0, 1e-9);
  g_assert_cmpint (data->reserve_value, ==, G_GINT64_CONSTANT (15100000000000));

  first = &g_array_index (data->destinations, LodeChartDestination, 0);
  second = &g_array_index (data->destinations, LodeChartDestination, 1);
  g_assert_cmpuint (data->destinations->len, ==, 2);
  g_assert_cmpstr (first->code, ==, "CN");
  g_assert_cmpint (first->total.value, ==, 65005);
  g_assert_cmpstr (second->code, ==, "US");
  g_assert_cmpint (second->total.value, ==, 20000);

  g_assert_cmpuint (lode_chart_data_count_minerals_in_year (data, 2024), ==, 2);
  g_assert_cmpuint (lode_chart_data_count_minerals_in_year (data, 2025), ==, 3);
  g_assert_cmpuint (lode_chart_data_count_minerals_in_year (data, 2023), ==, 0);
  g_assert_true (find_mineral (data, "bauxite") == bauxite);
}

static void
assert_same_cell (const LodeChartCell *a,
                  const LodeChartCell *b)
{
  g_assert_cmpint (a->value, ==, b->value);
  g_assert_cmpuint (a->count, ==, b->count);
  g_assert_cmpstr (a->source == LODE_CHART_SOURCES_MIXED ? "(mixed)" : a->source, ==,
                   b->source == LODE_CHART_SOURCES_MIXED ? "(mixed)" : b->source);
  g_assert_cmpint (a->year, ==, b->year);
}

static void
assert_same_data (LodeChartData *a,
                  LodeChartData *b)
{
  guint n_years = lode_chart_data_get_n_years (a);

  g_assert_cmpuint (a->n_records, ==, b->n_records);
  g_assert_cmpint (a->total, ==, b->total);
  g_assert_cmpint (a->first_year, ==, b->first_year);
  g_assert_cmpint (a->last_year, ==, b->last_year);
  g_assert_cmpint (a->has_months, ==, b->has_months);
  g_assert_cmpint (a->reserve_value, ==, b->reserve_value);
  g_assert_cmpint (a->committed, ==, b->committed);
  g_assert_cmpint (a->disbursed, ==, b->disbursed);
  for (guint s = 0; s < LODE_N_STAGES; s++)
    assert_same_cell (&a->stages[s], &b->stages[s]);
  for (guint y = 0; y < n_years; y++)
    assert_same_cell (&a->years[y], &b->years[y]);

  g_assert_cmpuint (a->minerals->len, ==, b->minerals->len);
  for (guint i = 0; i < a->minerals->len; i++)
    {
      LodeChartMineral *ma = g_ptr_array_index (a->minerals, i);
      LodeChartMineral *mb = g_ptr_array_index (b->minerals, i);

      g_assert_cmpstr (ma->id, ==, mb->id);
      g_assert_cmpstr (ma->name, ==, mb->name);
      assert_same_cell (&ma->total, &mb->total);
      for (guint s = 0; s < LODE_N_STAGES; s++)
        assert_same_cell (&ma->stages[s], &mb->stages[s]);
      for (guint m = 0; m < n_years * 12; m++)
        assert_same_cell (&ma->months[m], &mb->months[m]);
      g_assert_cmpint (ma->reserve_value, ==, mb->reserve_value);
    }

  g_assert_cmpuint (a->destinations->len, ==, b->destinations->len);
  for (guint i = 0; i < a->destinations->len; i++)
    {
      LodeChartDestination *da = &g_array_index (a->destinations, LodeChartDestination, i);
      LodeChartDestination *db = &g_array_index (b->destinations, LodeChartDestination, i);

      g_assert_cmpstr (da->code, ==, db->code);
      assert_same_cell (&da->total, &db->total);
    }

  g_assert_cmpuint (a->targets->len, ==, b->targets->len);
  for (guint i = 0; i < a->targets->len; i++)
    {
      LodeChartTarget *ta = g_ptr_array_index (a->targets, i);
      LodeChartTarget *tb = g_ptr_array_index (b->targets, i);

      g_assert_cmpstr (ta->id, ==, tb->id);
      g_assert_cmpint (ta->status, ==, tb->status);
      g_assert_cmpint (ta->latest_value, ==, tb->latest_value);
      g_assert_cmpint (ta->recorded_baseline, ==, tb->recorded_baseline);
      for (guint y = 0; y < n_years; y++)
        assert_same_cell (&ta->actual[y], &tb->actual[y]);
    }
}

static void
chart_data_ready_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LodeChartData **data = user_data;
  g_autoptr(GError) error = NULL;

  *data = lode_chart_data_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*data);
}

/* In a worker, the figures of the moment of the call: the table changed
 * at once after it (as an edit does while the Overview aggregates) does
 * not change them, and they are those the main thread would have made. */
static void
test_aggregation_async (void)
{
  g_autoptr(LodePortfolio) portfolio = load_known ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(LodeChartData) before = lode_chart_data_new (portfolio);
  g_autoptr(LodeChartData) after = NULL;
  g_autoptr(LodeChartData) async_after = NULL;
  LodeChartData *data = NULL;
  LodeExportRow row;

  lode_chart_data_new_async (portfolio, NULL, chart_data_ready_cb, &data);

  /* A record of a mineral and a destination the file does not have, and
   * another record's value changed. */
  lode_export_table_get_row (table, 0, &row);
  row.value = 99900;
  lode_export_table_replace (table, 0, &row);
  row.mineral = "gold";
  row.destination = "AE";
  row.year = 2026;
  row.value = 1;
  lode_export_table_append (table, &row);

  while (data == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (data->n_records, ==, 6);
  g_assert_cmpint (data->total, ==, 85005);
  assert_same_data (data, before);
  g_clear_pointer (&data, lode_chart_data_unref);

  /* A second one sees the change, as the main thread does. */
  after = lode_chart_data_new (portfolio);
  g_assert_cmpuint (after->n_records, ==, 7);
  g_assert_cmpint (after->total, ==, 85005 - 10000 + 99900 + 1);
  g_assert_cmpint (after->last_year, ==, 2026);
  lode_chart_data_new_async (portfolio, NULL, chart_data_ready_cb, &data);
  while (data == NULL)
    g_main_context_iteration (NULL, TRUE);
  async_after = g_steal_pointer (&data);
  assert_same_data (async_after, after);
  g_assert_cmpstr (((LodeChartMineral *) g_ptr_array_index (async_after->minerals, 0))->id, ==, "copper");
}

/* Growth */

static void
test_growth_rate (void)
{
  /* The sample's targets: $2 B in 2025 to $6–8 B by 2030, $3 B in 2024 to
   * $50 B by 2035. */
  g_assert_cmpfloat_with_epsilon (lode_growth_rate (2e9, 6e9, 5), 0.2457309396155174, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_growth_rate (2e9, 8e9, 5), 0.3195079107728942, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_growth_rate (3e9, 50e9, 11), 0.29144869884293434, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_growth_rate (100, 100, 3), 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (lode_growth_rate (100, 50, 1), -0.5, 1e-15);
  g_assert_true (isnan (lode_growth_rate (0, 50, 1)));
  g_assert_true (isnan (lode_growth_rate (10, 50, 0)));
}

static LodeChartTarget *
find_target (LodeChartData *data,
             const char    *id)
{
  for (guint i = 0; i < data->targets->len; i++)
    {
      LodeChartTarget *target = g_ptr_array_index (data->targets, i);

      if (g_str_equal (target->id, id))
        return target;
    }

  g_assert_not_reached ();
}

static void
test_targets (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  LodeChartTarget *target;

  /* 150 → 600–900 in two years needs 100 %–144.9 % a year; 150 → 700.05
   * in one year achieved 366.7 %. */
  target = find_target (data, "on-track");
  g_assert_true (target->has_required);
  g_assert_cmpfloat_with_epsilon (target->required_low, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (target->required_high, sqrt (6.0) - 1.0, 1e-12);
  g_assert_cmpint (target->status, ==, LODE_GROWTH_ON_TRACK);
  g_assert_cmpint (target->latest_year, ==, 2025);
  g_assert_cmpint (target->recorded_baseline, ==, 15000);
  g_assert_cmpfloat_with_epsilon (target->achieved, 70005.0 / 15000.0 - 1.0, 1e-12);

  /* To China only: 150 → 1000 in a year needs 566.7 %; 150 → 500.05
   * achieved 233.4 %, behind by 333.3 points. */
  target = find_target (data, "behind");
  g_assert_cmpint (target->status, ==, LODE_GROWTH_BEHIND);
  g_assert_cmpint (target->latest_value, ==, 50005);
  g_assert_cmpfloat_with_epsilon (target->required_low, 1000.0 / 150.0 - 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (target->achieved, 50005.0 / 15000.0 - 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (target->shortfall, (100000.0 - 50005.0) / 15000.0, 1e-12);

  /* The records of 2024 ($150) are far below the $10,000 baseline. */
  target = find_target (data, "uncovered");
  g_assert_cmpint (target->status, ==, LODE_GROWTH_BASELINE_UNCOVERED);

  /* Copper's baseline is the latest year with records. */
  target = find_target (data, "no-later-year");
  g_assert_cmpint (target->status, ==, LODE_GROWTH_NO_LATER_YEAR);
  g_assert_cmpint (target->recorded_baseline, ==, 40000);
  g_assert_cmpfloat_with_epsilon (target->required_low, pow (15.0, 0.2) - 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (target->required_high, pow (20.0, 0.2) - 1.0, 1e-12);

  target = find_target (data, "investment");
  g_assert_cmpint (target->status, ==, LODE_GROWTH_NOT_MEASURABLE);
}

/* A target in fiscal years (July) counts each month in its fiscal year,
 * and leaves out, counted, the records of a whole calendar year. */
static void
test_fiscal_target (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Fiscal target");
  g_autoptr(LodeMineral) copper = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(LodeTarget) fiscal = lode_target_new ("fiscal", "By fiscal year");
  g_autoptr(LodeTarget) calendar = lode_target_new ("calendar", "By calendar year");
  g_autoptr(LodeChartData) data = NULL;
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  static const struct
  {
    int       year, month;
    LodePeriodKind period;
    LodeMoney value;
  } records[] = {
    { 2024, 7, LODE_PERIOD_KIND_UNKNOWN, 100 },   /* FY2024-25 */
    { 2025, 6, LODE_PERIOD_KIND_UNKNOWN, 200 },   /* FY2024-25 */
    { 2025, 7, LODE_PERIOD_KIND_UNKNOWN, 400 },   /* FY2025-26 */
    { 2025, 0, LODE_PERIOD_KIND_FISCAL_YEAR, 800 },  /* FY2025-26 */
    { 2025, 0, LODE_PERIOD_KIND_UNKNOWN, 1600 },  /* the calendar year 2025 */
  };
  LodeChartTarget *target;

  lode_portfolio_set_fiscal_year_start (portfolio, 7);
  g_list_store_append (lode_portfolio_get_minerals (portfolio), copper);
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      LodeExportRow row = {
        .mineral = "copper", .year = records[i].year, .month = records[i].month,
        .period = records[i].period, .quantity = LODE_QUANTITY_UNSET, .value = records[i].value,
      };

      lode_export_table_append (table, &row);
    }
  for (guint i = 0; i < 2; i++)
    {
      LodeTarget *t = i == 0 ? fiscal : calendar;

      lode_target_set_baseline_year (t, 2024);
      lode_target_set_baseline_value (t, 300);
      lode_target_set_target_year (t, 2026);
      lode_target_set_target_low (t, 2000);
      lode_target_set_target_high (t, 2000);
      g_list_store_append (lode_portfolio_get_targets (portfolio), t);
    }
  lode_target_set_period (fiscal, LODE_PERIOD_KIND_FISCAL_YEAR);

  data = lode_chart_data_new (portfolio);
  g_assert_cmpint (data->first_year, ==, 2024);

  target = find_target (data, "fiscal");
  g_assert_cmpint (target->fiscal_year_start, ==, 7);
  g_assert_cmpint (target->actual[0].value, ==, 300);
  g_assert_cmpint (target->actual[1].value, ==, 1200);
  g_assert_cmpuint (target->n_unplaced, ==, 1);
  g_assert_cmpint (target->recorded_baseline, ==, 300);
  g_assert_cmpint (target->latest_year, ==, 2025);
  g_assert_cmpint (target->latest_value, ==, 1200);

  target = find_target (data, "calendar");
  g_assert_cmpint (target->fiscal_year_start, ==, 0);
  g_assert_cmpint (target->actual[0].value, ==, 100);
  g_assert_cmpint (target->actual[1].value, ==, 2200);
  g_assert_cmpuint (target->n_unplaced, ==, 1);
}

/* Renderer */

static void
test_ticks (void)
{
  g_autofree char *a = lode_chart_format_tick (1.14e9);
  g_autofree char *b = lode_chart_format_tick (0);
  g_autofree char *c = lode_chart_format_tick (250e6);

  g_assert_cmpstr (a, ==, "$1.14 B");
  g_assert_cmpstr (b, ==, "$0");
  g_assert_cmpstr (c, ==, "$250 M");

  g_assert_cmpfloat (lode_chart_nice_step (1.15e9, 4), ==, 5e8);
  g_assert_cmpfloat (lode_chart_nice_step (100, 5), ==, 20);
  g_assert_cmpfloat (lode_chart_nice_step (8e9, 4), ==, 2e9);
  g_assert_cmpfloat (lode_chart_nice_step (9, 4), ==, 2.5);
}

static void
test_bars (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);
  cairo_surface_t *surface;
  const LodeChartItem *refined = NULL, *concentrate = NULL, *iron = NULL, *bauxite = NULL;

  render (chart, &surface);

  /* A bar segment a mineral and stage with records. */
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 4);
  for (guint i = 0; i < lode_chart_get_n_items (chart); i++)
    {
      const LodeChartItem *item = lode_chart_get_item (chart, i);
      double cx = item->x + item->width / 2, cy = item->y + item->height / 2;

      g_assert_cmpint (item->kind, ==, LODE_CHART_ITEM_BAR);
      /* Each bar is hit where it is drawn, in the colour of its stage. */
      g_assert_cmpint (lode_chart_hit_test (chart, cx, cy), ==, (int) i);

      if (g_str_equal (item->mineral, "copper") && item->stage == LODE_STAGE_REFINED)
        refined = item;
      else if (g_str_equal (item->mineral, "copper"))
        concentrate = item;
      else if (g_str_equal (item->mineral, "iron-ore"))
        iron = item;
      else
        bauxite = item;
    }
  g_assert_nonnull (refined);
  g_assert_nonnull (concentrate);
  g_assert_nonnull (iron);
  g_assert_nonnull (bauxite);

  g_assert_cmpint (refined->value, ==, 40000);
  g_assert_cmpint (concentrate->stage, ==, LODE_STAGE_CONCENTRATE);
  /* Ore in the first colour (Okabe–Ito blue), concentrate in orange,
   * refined in green. */
  g_assert_cmphex (pixel_at (surface, iron->x + iron->width / 2, iron->y + iron->height / 2), ==, 0x0072B2);
  g_assert_cmphex (pixel_at (surface, concentrate->x + concentrate->width / 2,
                             concentrate->y + concentrate->height / 2), ==, 0xE69F00);
  g_assert_cmphex (pixel_at (surface, refined->x + refined->width / 2, refined->y + refined->height / 2), ==, 0x009E73);

  /* Lengths in proportion to the values, stacked from the same axis:
   * concentrate (100) before refined (300 + 100) on copper's row. */
  g_assert_cmpfloat_with_epsilon (refined->width / iron->width, 2.0, 0.01);
  g_assert_cmpfloat_with_epsilon (iron->width / concentrate->width, 2.0, 0.01);
  g_assert_cmpfloat_with_epsilon (concentrate->x, iron->x, 0.01);
  g_assert_cmpfloat_with_epsilon (refined->x, concentrate->x + concentrate->width, 0.01);
  /* Rows top to bottom, largest first. */
  g_assert_cmpfloat (refined->y, <, iron->y);
  g_assert_cmpfloat (iron->y, <, bauxite->y);
  /* Outside every bar, nothing. */
  g_assert_cmpint (lode_chart_hit_test (chart, 1, 1), ==, -1);

  cairo_surface_destroy (surface);
}

/* More minerals than rows: the smallest share the last row. */
static void
test_bars_other (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Many");
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(LodeChartData) data = NULL;
  g_autoptr(LodeChart) chart = NULL;
  LodeMoney other = 0;
  guint n_other = 0;

  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *id = g_strdup_printf ("mineral-%02u", i);
      g_autoptr(LodeMineral) mineral = lode_mineral_new (id, id, LODE_MINERAL_GROUP_OTHER);
      LodeExportRow row = { id, 2025, 0, "CN", NULL, i % 2 ? LODE_STAGE_ORE : LODE_STAGE_REFINED,
                            LODE_QUANTITY_UNSET, LODE_UNIT_NONE, (LodeMoney) (1000 - i) * 100, NULL };

      g_list_store_append (lode_portfolio_get_minerals (portfolio), mineral);
      lode_export_table_append (table, &row);
    }

  data = lode_chart_data_new (portfolio);
  chart = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);
  render (chart, NULL);

  /* Eleven minerals, then the other four (989 + 988 + 987 + 986) by stage. */
  for (guint i = 0; i < lode_chart_get_n_items (chart); i++)
    {
      const LodeChartItem *item = lode_chart_get_item (chart, i);

      if (item->mineral == NULL)
        {
          other += item->value;
          n_other++;
          g_assert_true (g_str_has_prefix (item->label, "4 other minerals, "));
        }
    }
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 11 + 2);
  g_assert_cmpuint (n_other, ==, 2);
  g_assert_cmpint (other, ==, (989 + 988 + 987 + 986) * 100);
}

static void
test_bars_mirrored (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) ltr = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);
  g_autoptr(LodeChart) rtl = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);

  lode_chart_set_rtl (rtl, TRUE);
  render (ltr, NULL);
  render (rtl, NULL);

  g_assert_cmpuint (lode_chart_get_n_items (ltr), ==, lode_chart_get_n_items (rtl));
  for (guint i = 0; i < lode_chart_get_n_items (ltr); i++)
    {
      const LodeChartItem *a = lode_chart_get_item (ltr, i);
      const LodeChartItem *b = lode_chart_get_item (rtl, i);

      /* Bars grow from the right. */
      g_assert_cmpfloat_with_epsilon (b->x, WIDTH - a->x - a->width, 0.01);
      g_assert_cmpfloat_with_epsilon (b->width, a->width, 0.01);
      g_assert_cmpfloat_with_epsilon (b->y, a->y, 0.01);
    }
}

static void
test_donut (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_DESTINATIONS, data);
  const LodeChartItem *cn, *us;
  g_autofree char *description = NULL;

  render (chart, NULL);

  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 2);
  cn = lode_chart_get_item (chart, 0);
  us = lode_chart_get_item (chart, 1);
  g_assert_cmpint (cn->kind, ==, LODE_CHART_ITEM_SLICE);
  g_assert_cmpstr (cn->destination, ==, "CN");
  g_assert_cmpstr (us->destination, ==, "US");
  g_assert_cmpfloat_with_epsilon ((cn->end - cn->start) / (2 * G_PI), 65005.0 / 85005.0, 1e-9);
  g_assert_cmpfloat_with_epsilon ((us->end - us->start) / (2 * G_PI), 20000.0 / 85005.0, 1e-9);

  /* Each slice is hit in its middle, half way through the ring. */
  for (guint i = 0; i < 2; i++)
    {
      const LodeChartItem *item = lode_chart_get_item (chart, i);
      double angle = (item->start + item->end) / 2;
      double r = (item->inner + item->outer) / 2;

      g_assert_cmpint (lode_chart_hit_test (chart, item->cx + r * cos (angle), item->cy + r * sin (angle)), ==, (int) i);
    }
  /* The hole is no slice. */
  g_assert_cmpint (lode_chart_hit_test (chart, cn->cx, cn->cy), ==, -1);

  description = lode_chart_describe_item (chart, 1);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "United States: $200 (2025), 23.5 %"));
  g_assert_nonnull (strstr (description, "23.5 %"));
  g_assert_nonnull (strstr (description, "Customs office, 2026-01-15"));
}

/* More destinations than slices: the smallest become "Other". */
static void
test_donut_other (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Many");
  g_autoptr(LodeMineral) copper = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  static const char * const codes[] = { "CN", "US", "AE", "DE", "JP", "GB", "FR", "IT" };
  g_autoptr(LodeChartData) data = NULL;
  g_autoptr(LodeChart) chart = NULL;
  const LodeChartItem *other;

  g_list_store_append (lode_portfolio_get_minerals (portfolio), copper);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      LodeExportRow row = { "copper", 2025, 0, codes[i], NULL, LODE_STAGE_ORE,
                            LODE_QUANTITY_UNSET, LODE_UNIT_NONE, (LodeMoney) (800 - i * 100) * 100, NULL };

      lode_export_table_append (table, &row);
    }

  data = lode_chart_data_new (portfolio);
  chart = lode_chart_new (LODE_CHART_DESTINATIONS, data);
  render (chart, NULL);

  /* Five destinations and the three smallest together: 300 + 200 + 100. */
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 6);
  other = lode_chart_get_item (chart, 5);
  g_assert_null (other->destination);
  g_assert_cmpint (other->value, ==, 60000);
  g_assert_cmpstr (lode_chart_get_item (chart, 4)->destination, ==, "JP");
}

/* In another currency: each figure the exact sum of its records at the
 * rate of their year, rounded once; the records of a year without a rate
 * left out, counted and said; in US dollars the same as without. */
static void
test_converted (void)
{
  g_autoptr(LodePortfolio) portfolio = load_known ();
  GListStore *rates = lode_portfolio_get_exchange_rates (portfolio);
  g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("PKR", 2025, 278831300);
  g_autoptr(LodeConverter) pkr = NULL;
  g_autoptr(LodeConverter) usd = NULL;
  g_autoptr(LodeChartData) plain = NULL;
  g_autoptr(LodeChartData) same = NULL;
  g_autoptr(LodeChartData) data = NULL;
  g_autoptr(LodeChartData) async_data = NULL;
  g_autoptr(LodeChart) lines = NULL;
  g_autoptr(LodeChart) donut = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *description = NULL;
  LodeChartData *ready = NULL;
  gboolean said = FALSE;

  g_list_store_append (rates, rate);
  pkr = lode_converter_new (G_LIST_MODEL (rates), "PKR", 1);
  usd = lode_converter_new (G_LIST_MODEL (rates), LODE_CURRENCY_USD, 1);

  plain = lode_chart_data_new (portfolio);
  same = lode_chart_data_new_converted (portfolio, 1, usd);
  assert_same_data (same, plain);
  g_assert_null (same->currency);
  g_assert_null (lode_chart_data_describe_missing (same));

  data = lode_chart_data_new_converted (portfolio, 1, pkr);
  g_assert_cmpstr (data->currency, ==, "PKR");
  /* 2024 has no rate: its two records (150 US dollars) are left out. */
  g_assert_cmpuint (data->n_missing, ==, 2);
  g_assert_cmpint (data->missing_value, ==, 15000);
  g_assert_cmpuint (data->missing_years->len, ==, 1);
  g_assert_cmpint (g_array_index (data->missing_years, int, 0), ==, 2024);
  missing = lode_chart_data_describe_missing (data);
  g_assert_cmpstr (missing, ==, "No PKR rate for 2024: 2 records left out");

  /* 700.05 US dollars at 278.8313: 195,195.851565 rupees. */
  g_assert_cmpint (data->total, ==, 19519585);
  g_assert_cmpuint (data->years[0].count, ==, 0);
  g_assert_cmpint (data->years[1].value, ==, 19519585);
  g_assert_cmpint (find_mineral (data, "copper")->total.value, ==, 11153252);
  g_assert_cmpuint (find_mineral (data, "copper")->total.count, ==, 2);
  g_assert_cmpint (find_mineral (data, "iron-ore")->total.value, ==, 5576626);
  g_assert_cmpint (find_mineral (data, "bauxite")->months[12 + 2].value, ==, 2789707);
  g_assert_cmpstr (g_array_index (data->destinations, LodeChartDestination, 0).code, ==, "CN");
  g_assert_cmpint (g_array_index (data->destinations, LodeChartDestination, 0).total.value, ==, 13942959);
  /* Reserves stay in US dollars. */
  g_assert_cmpint (data->reserve_value, ==, plain->reserve_value);

  /* The same in a worker. */
  lode_chart_data_new_converted_async (portfolio, 1, pkr, NULL, chart_data_ready_cb, &ready);
  while (ready == NULL)
    g_main_context_iteration (NULL, TRUE);
  async_data = ready;
  assert_same_data (async_data, data);
  g_assert_cmpuint (async_data->n_missing, ==, 2);

  /* The charts say it in rupees, and what they leave out. */
  lines = lode_chart_new (LODE_CHART_EXPORTS_OVER_TIME, data);
  render (lines, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (lines), ==, 3);
  for (guint i = 0; i < lode_chart_get_n_items (lines); i++)
    {
      g_autofree char *text = lode_chart_describe_item (lines, i);

      g_assert_nonnull (strstr (text, "PKR\u00a0"));
      g_assert_null (strstr (text, "$"));
      if (g_str_has_prefix (text, "Copper"))
        said = strstr (text, "PKR\u00a0111,532.52") != NULL;
    }
  g_assert_true (said);
  donut = lode_chart_new (LODE_CHART_DESTINATIONS, data);
  render (donut, NULL);
  description = lode_chart_describe_item (donut, 0);
  g_assert_nonnull (strstr (description, "PKR\u00a0139,429.59"));
}

static void
test_lines (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) yearly = lode_chart_new (LODE_CHART_EXPORTS_OVER_TIME, data);
  g_autoptr(LodeChart) monthly = lode_chart_new (LODE_CHART_EXPORTS_OVER_TIME, data);
  const LodeChartItem *copper_2024 = NULL, *copper_2025 = NULL;

  render (yearly, NULL);
  /* Points with records: copper 2024 and 2025, iron ore 2025, bauxite 2024
   * and 2025. */
  g_assert_cmpuint (lode_chart_get_n_items (yearly), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const LodeChartItem *item = lode_chart_get_item (yearly, i);

      g_assert_cmpint (item->kind, ==, LODE_CHART_ITEM_POINT);
      if (g_str_equal (item->mineral, "copper") && item->year == 2024)
        copper_2024 = item;
      if (g_str_equal (item->mineral, "copper") && item->year == 2025)
        copper_2025 = item;
    }
  g_assert_nonnull (copper_2024);
  g_assert_nonnull (copper_2025);
  /* Later to the right, more higher up. */
  g_assert_cmpfloat (copper_2025->x, >, copper_2024->x);
  g_assert_cmpfloat (copper_2025->y, <, copper_2024->y);

  /* By month only the record that names a month is a point. */
  lode_chart_set_monthly (monthly, TRUE);
  render (monthly, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (monthly), ==, 1);
  g_assert_cmpint (lode_chart_get_item (monthly, 0)->month, ==, 3);
}

static void
test_target_chart (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_TARGET_PROGRESS, data);
  g_autofree char *description = NULL;
  guint n_ranges = 0, n_points = 0;

  lode_chart_set_target (chart, 0);
  render (chart, NULL);
  g_assert_cmpstr (lode_chart_get_title (chart), ==, "Target: On track, 2026");

  for (guint i = 0; i < lode_chart_get_n_items (chart); i++)
    {
      const LodeChartItem *item = lode_chart_get_item (chart, i);

      if (item->kind == LODE_CHART_ITEM_RANGE)
        {
          n_ranges++;
          g_assert_cmpint (item->year, ==, 2026);
          g_assert_cmpint (item->value, ==, 60000);
        }
      else if (item->kind == LODE_CHART_ITEM_POINT)
        {
          n_points++;
        }
    }
  g_assert_cmpuint (n_ranges, ==, 1);
  g_assert_cmpuint (n_points, ==, 2);

  description = lode_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Needs 100.0 %–144.9 % a year"));
}

/* Production against exports: copper's exports all give a quantity, so
 * both lines are tonnes; chromite's do not, so its exports are dollars. No
 * copper figure in 2025: a gap in both lines. */
#define PRODUCTION_PORTFOLIO \
  "{\n" \
  "  \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Production\",\n" \
  "  \"sources\": [ { \"id\": \"survey\", \"title\": \"Survey\", \"publisher\": \"Survey office\" } ],\n" \
  "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\" },\n" \
  "                  { \"id\": \"chromite\", \"name\": \"Chromite\", \"group\": \"ferrous\" },\n" \
  "                  { \"id\": \"gold\", \"name\": \"Gold\", \"group\": \"precious-metal\" } ],\n" \
  "  \"projects\": [ { \"id\": \"mine\", \"name\": \"Mine\", \"minerals\": [ \"copper\" ] } ],\n" \
  "  \"exports\": [\n" \
  "    { \"mineral\": \"copper\", \"year\": 2023, \"destination\": \"CN\", \"value_usd\": 100,\n" \
  "      \"quantity\": 400, \"unit\": \"t\", \"source\": \"survey\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2024, \"destination\": \"CN\", \"value_usd\": 300,\n" \
  "      \"quantity\": 0.6, \"unit\": \"kt\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2026, \"destination\": \"CN\", \"value_usd\": 200,\n" \
  "      \"quantity\": 500, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"chromite\", \"year\": 2024, \"destination\": \"CN\", \"value_usd\": 1000 },\n" \
  "    { \"mineral\": \"chromite\", \"year\": 2025, \"destination\": \"CN\", \"value_usd\": 2000,\n" \
  "      \"quantity\": 10, \"unit\": \"kt\" }\n" \
  "  ],\n" \
  "  \"production\": [\n" \
  "    { \"mineral\": \"copper\", \"year\": 2023, \"quantity\": 1, \"unit\": \"kt\", \"source\": \"survey\" },\n" \
  "    { \"mineral\": \"copper\", \"project\": \"mine\", \"year\": 2024, \"quantity\": 1200, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2026, \"quantity\": 1500, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"chromite\", \"year\": 2024, \"quantity\": 50, \"unit\": \"kt\" },\n" \
  "    { \"mineral\": \"gold\", \"year\": 2024, \"quantity\": 10, \"unit\": \"koz\" }\n" \
  "  ]\n" \
  "}\n"

static LodeChartData *
production_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio =
    lode_portfolio_load_data (PRODUCTION_PORTFOLIO, strlen (PRODUCTION_PORTFOLIO), "production.json", &error);

  g_assert_no_error (error);
  return lode_chart_data_new (portfolio);
}

static const LodeChartItem *
find_point (LodeChart  *chart,
            int         series,
            int         year)
{
  for (guint i = 0; i < lode_chart_get_n_items (chart); i++)
    {
      const LodeChartItem *item = lode_chart_get_item (chart, i);

      if (item->series == series && item->year == year)
        return item;
    }

  return NULL;
}

static void
test_production_chart (void)
{
  g_autoptr(LodeChartData) data = production_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_PRODUCTION_AND_EXPORTS, data);
  g_autoptr(LodeChart) chromite = lode_chart_new (LODE_CHART_PRODUCTION_AND_EXPORTS, data);
  g_autoptr(LodeChart) gold = lode_chart_new (LODE_CHART_PRODUCTION_AND_EXPORTS, data);
  g_autoptr(GPtrArray) table = NULL;
  g_autofree char *description = NULL;
  g_autofree char *point = NULL;
  LodeChartMineral *copper = lode_chart_data_find_mineral (data, "copper");
  const LodeChartItem *p2023, *p2024, *p2026, *e2023, *e2024;
  char **row;

  /* The aggregates: production in the unit of the first figure (kt), the
   * exports converted to it. */
  g_assert_cmpint (copper->production_unit, ==, LODE_UNIT_KT);
  g_assert_cmpint (copper->production_first_year, ==, 2023);
  g_assert_cmpint (copper->production_last_year, ==, 2026);
  g_assert_cmpfloat_with_epsilon (copper->production[1], 1.2, 1e-9);
  g_assert_true (isnan (copper->production[2]));
  g_assert_cmpuint (copper->export_unquantified, ==, 0);
  g_assert_true (lode_chart_mineral_exports_quantities (copper));
  g_assert_false (lode_chart_mineral_exports_quantities (lode_chart_data_find_mineral (data, "chromite")));
  g_assert_false (lode_chart_mineral_has_production_and_exports (lode_chart_data_find_mineral (data, "gold")));

  /* The share exported: only where every export gives a quantity and the
   * year has both figures. */
  {
    double exported = 0, produced = 0;

    g_assert_true (lode_chart_mineral_get_exported (data, copper, 2024, &exported, &produced));
    g_assert_cmpfloat_with_epsilon (exported, 0.6, 1e-9);
    g_assert_cmpfloat_with_epsilon (produced, 1.2, 1e-9);
    g_assert_false (lode_chart_mineral_get_exported (data, copper, 2025, NULL, NULL));
    g_assert_false (lode_chart_mineral_get_exported (data, lode_chart_data_find_mineral (data, "chromite"),
                                                     2024, NULL, NULL));
  }

  /* By default the largest exports with production: chromite, $3,000. */
  render (chart, NULL);
  g_assert_cmpstr (lode_chart_get_title (chart), ==, "Production and exports: Chromite");

  lode_chart_set_mineral (chart, "copper");
  g_assert_cmpstr (lode_chart_get_title (chart), ==, "Production and exports: Copper");
  render (chart, NULL);
  /* Three production points and three export points; none in 2025. */
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 6);
  g_assert_null (find_point (chart, 0, 2025));
  g_assert_null (find_point (chart, 1, 2025));
  p2023 = find_point (chart, 0, 2023);
  p2024 = find_point (chart, 0, 2024);
  p2026 = find_point (chart, 0, 2026);
  e2023 = find_point (chart, 1, 2023);
  e2024 = find_point (chart, 1, 2024);
  g_assert_nonnull (p2023);
  g_assert_nonnull (p2026);
  g_assert_nonnull (e2024);
  /* One scale of tonnes: production above exports, 2024 above 2023,
   * later to the right. */
  g_assert_cmpint (p2024->unit, ==, LODE_UNIT_KT);
  g_assert_cmpfloat_with_epsilon (e2024->quantity, 0.6, 1e-9);
  g_assert_cmpfloat (p2023->y, <, e2023->y);
  g_assert_cmpfloat (p2024->y, <, p2023->y);
  g_assert_cmpfloat (p2026->x, >, p2024->x);
  g_assert_cmpstr (p2023->source, ==, "survey");
  point = lode_chart_describe_item (chart, (guint) (p2024 - lode_chart_get_item (chart, 0)));
  g_assert_nonnull (strstr (point, "Production of Copper: 1.2 kt (2024)"));

  /* 2026: 500 t of 1,500 t exported. */
  description = lode_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Copper: produced 1.5 kt in 2026, 33.3 % of it exported"));

  table = lode_chart_get_table (chart);
  g_assert_cmpuint (table->len, ==, 4);
  row = g_ptr_array_index (table, 0);
  g_assert_cmpstr (row[2], ==, "Production (kt)");
  row = g_ptr_array_index (table, 2);
  g_assert_cmpstr (row[1], ==, "2024");
  g_assert_cmpstr (row[2], ==, "1.2");
  g_assert_cmpstr (row[3], ==, "300");
  g_assert_cmpstr (row[5], ==, "0.5000");

  /* Chromite's exports are drawn as dollars: a 2025 export point with no
   * production beside it, its value an amount. */
  lode_chart_set_mineral (chromite, "chromite");
  render (chromite, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (chromite), ==, 3);
  g_assert_null (find_point (chromite, 0, 2025));
  g_assert_cmpint (find_point (chromite, 1, 2025)->unit, ==, LODE_UNIT_NONE);
  g_assert_cmpint (find_point (chromite, 1, 2025)->value, ==, 200000);
  g_clear_pointer (&description, g_free);
  description = lode_chart_describe (chromite);
  g_assert_nonnull (strstr (description, "exports worth"));

  /* Gold: production alone. */
  lode_chart_set_mineral (gold, "gold");
  render (gold, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (gold), ==, 1);
  g_assert_cmpint (lode_chart_get_item (gold, 0)->unit, ==, LODE_UNIT_KOZ);
}

/* By fiscal year (July): production is a figure of a calendar year, so
 * the exports drawn against it stay in calendar years; never the fiscal
 * years the other charts count in. A record of a fiscal year is in no
 * calendar year and is counted apart. */
#define FISCAL_PRODUCTION_PORTFOLIO \
  "{\n" \
  "  \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Fiscal production\",\n" \
  "  \"fiscal_year_start\": 7,\n" \
  "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\" } ],\n" \
  "  \"exports\": [\n" \
  "    { \"mineral\": \"copper\", \"year\": 2024, \"month\": 3, \"value_usd\": 10, \"quantity\": 100, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2024, \"month\": 9, \"value_usd\": 20, \"quantity\": 200, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2025, \"month\": 1, \"value_usd\": 30, \"quantity\": 300, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2025, \"value_usd\": 40, \"quantity\": 400, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2024, \"period\": \"fiscal_year\", \"value_usd\": 5 }\n" \
  "  ],\n" \
  "  \"production\": [\n" \
  "    { \"mineral\": \"copper\", \"year\": 2024, \"quantity\": 1000, \"unit\": \"t\" },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2025, \"quantity\": 1200, \"unit\": \"t\" }\n" \
  "  ],\n" \
  "  \"investments\": [\n" \
  "    { \"kind\": \"committed\", \"value_usd\": 100, \"date\": \"2024-08\" },\n" \
  "    { \"kind\": \"committed\", \"value_usd\": 50, \"date\": \"2025-02-14\" },\n" \
  "    { \"kind\": \"disbursed\", \"value_usd\": 30, \"date\": \"2025-07\" },\n" \
  "    { \"kind\": \"announced\", \"value_usd\": 70, \"date\": \"2024\" }\n" \
  "  ]\n" \
  "}\n"

static LodePortfolio *
fiscal_production_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  LodePortfolio *portfolio = lode_portfolio_load_data (FISCAL_PRODUCTION_PORTFOLIO, strlen (FISCAL_PRODUCTION_PORTFOLIO),
                                                       "fiscal-production.json", &error);

  g_assert_no_error (error);
  return portfolio;
}

static void
test_fiscal_production (void)
{
  g_autoptr(LodePortfolio) portfolio = fiscal_production_portfolio ();
  g_autoptr(LodeChartData) calendar = lode_chart_data_new (portfolio);
  g_autoptr(LodeChartData) fiscal = lode_chart_data_new_for_periods (portfolio, 7);
  LodeChartData *both[] = { calendar, fiscal };

  for (guint d = 0; d < G_N_ELEMENTS (both); d++)
    {
      LodeChartData *data = both[d];
      LodeChartMineral *copper = lode_chart_data_find_mineral (data, "copper");
      g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_PRODUCTION_AND_EXPORTS, data);
      g_autoptr(GPtrArray) table = NULL;
      const LodeChartCell *cell;
      double quantity = 0;
      char **row;

      /* Calendar 2024: March and September; 2025: January and the year. */
      cell = lode_chart_mineral_get_calendar_exports (data, copper, 2024, &quantity);
      g_assert_nonnull (cell);
      g_assert_cmpint (cell->value, ==, 3000);
      g_assert_cmpuint (cell->count, ==, 2);
      g_assert_cmpfloat_with_epsilon (quantity, 300, 1e-9);
      cell = lode_chart_mineral_get_calendar_exports (data, copper, 2025, &quantity);
      g_assert_nonnull (cell);
      g_assert_cmpint (cell->value, ==, 7000);
      g_assert_cmpfloat_with_epsilon (quantity, 700, 1e-9);
      g_assert_null (lode_chart_mineral_get_calendar_exports (data, copper, 2023, NULL));
      /* The record of FY2024-25 is in no calendar year, and has no
       * quantity: the exports are drawn as values. */
      g_assert_cmpuint (copper->calendar_unplaced, ==, 1);
      g_assert_false (lode_chart_mineral_exports_quantities (copper));

      lode_chart_set_mineral (chart, "copper");
      render (chart, NULL);
      g_assert_cmpint (find_point (chart, 1, 2024)->value, ==, 3000);
      g_assert_cmpint (find_point (chart, 1, 2025)->value, ==, 7000);
      g_assert_nonnull (find_point (chart, 0, 2024));
      g_assert_null (find_point (chart, 1, 2023));

      table = lode_chart_get_table (chart);
      g_assert_cmpuint (table->len, ==, 3);
      row = g_ptr_array_index (table, 1);
      g_assert_cmpstr (row[1], ==, "2024");
      g_assert_cmpstr (row[2], ==, "1000");
      g_assert_cmpstr (row[3], ==, "30");
    }

  /* The fiscal periods themselves are not what production is drawn
   * against: FY2024-25 holds September, January and the fiscal record. */
  g_assert_cmpint (fiscal->first_year, ==, 2023);
  g_assert_cmpint (lode_chart_data_find_mineral (fiscal, "copper")->years[1].value, ==, 5500);
  g_assert_null (lode_chart_data_find_mineral (calendar, "copper")->calendar_years);
  g_assert_nonnull (lode_chart_data_find_mineral (fiscal, "copper")->calendar_years);
}

/* By fiscal year (July), investments dated to a month or a day fall into
 * their fiscal year; one dated to a year alone lies across two and is
 * counted apart, in every total still. */
static void
test_fiscal_investment (void)
{
  g_autoptr(LodePortfolio) portfolio = fiscal_production_portfolio ();
  g_autoptr(LodeChartData) calendar = lode_chart_data_new (portfolio);
  g_autoptr(LodeChartData) fiscal = lode_chart_data_new_for_periods (portfolio, 7);
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_INVESTMENT_BY_YEAR, fiscal);
  g_autoptr(LodeChart) calendar_chart = lode_chart_new (LODE_CHART_INVESTMENT_BY_YEAR, calendar);
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(GPtrArray) calendar_table = NULL;
  char **row;

  g_assert_cmpuint (calendar->n_investments_unplaced, ==, 0);
  g_assert_cmpint (lode_chart_data_get_investment (calendar, 2024, LODE_INVESTMENT_KIND_COMMITTED), ==, 10000);
  g_assert_cmpint (lode_chart_data_get_investment (calendar, 2025, LODE_INVESTMENT_KIND_COMMITTED), ==, 5000);
  g_assert_cmpint (lode_chart_data_get_investment (calendar, 2024, LODE_INVESTMENT_KIND_ANNOUNCED), ==, 7000);

  g_assert_cmpuint (fiscal->n_investments, ==, 4);
  g_assert_cmpuint (fiscal->n_investments_unplaced, ==, 1);
  g_assert_cmpint (fiscal->investment_first_year, ==, 2024);
  g_assert_cmpint (fiscal->investment_last_year, ==, 2025);
  /* August 2024 and February 2025: FY2024-25. July 2025: FY2025-26. */
  g_assert_cmpint (lode_chart_data_get_investment (fiscal, 2024, LODE_INVESTMENT_KIND_COMMITTED), ==, 15000);
  g_assert_cmpint (lode_chart_data_get_investment (fiscal, 2025, LODE_INVESTMENT_KIND_COMMITTED), ==, 0);
  g_assert_cmpint (lode_chart_data_get_investment (fiscal, 2025, LODE_INVESTMENT_KIND_DISBURSED), ==, 3000);
  g_assert_cmpint (lode_chart_data_get_investment (fiscal, 2024, LODE_INVESTMENT_KIND_ANNOUNCED), ==, 0);
  /* The year-only announcement is in the totals of all years still. */
  g_assert_cmpint (fiscal->investment_kinds[LODE_INVESTMENT_KIND_ANNOUNCED], ==, 7000);

  render (chart, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (chart), >, 0);
  table = lode_chart_get_table (chart);
  row = g_ptr_array_index (table, 0);
  g_assert_cmpstr (row[0], ==, "Fiscal year");
  row = g_ptr_array_index (table, 1);
  g_assert_cmpstr (row[0], ==, "FY2024-25");
  g_assert_cmpstr (row[2], ==, "150");
  row = g_ptr_array_index (table, table->len - 1);
  g_assert_cmpstr (row[0], ==, "FY2025-26");

  calendar_table = lode_chart_get_table (calendar_chart);
  row = g_ptr_array_index (calendar_table, 0);
  g_assert_cmpstr (row[0], ==, "Year");
  row = g_ptr_array_index (calendar_table, 1);
  g_assert_cmpstr (row[0], ==, "2024");
}

/* lode-cli chart counts by the fiscal start it is given: the two charts
 * draw from a real file, by fiscal year and by calendar year. */
static int run_cli (const char * const *args, char **out, char **err);

static void
test_fiscal_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-fiscal-XXXXXX", &error);
  g_autofree char *input = g_build_filename (dir, "fiscal.json", NULL);
  g_autofree char *output = g_build_filename (dir, "chart.png", NULL);
  static const char * const charts[] = { "investment-by-year", "production-and-exports" };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (input, FISCAL_PRODUCTION_PORTFOLIO, -1, &error));
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_autofree char *calendar_png = NULL;
      g_autofree char *fiscal_png = NULL;
      gsize calendar_length, fiscal_length;

      g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", charts[c], "-o", output, NULL },
                                NULL, NULL), ==, 0);
      g_assert_true (g_file_get_contents (output, &calendar_png, &calendar_length, &error));
      g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", charts[c], "--fiscal-year-start", "7",
                                                   "-o", output, NULL }, NULL, NULL), ==, 0);
      g_assert_true (g_file_get_contents (output, &fiscal_png, &fiscal_length, &error));
      /* The subtitle says fiscal years, or why not. */
      g_assert_false (calendar_length == fiscal_length && memcmp (calendar_png, fiscal_png, fiscal_length) == 0);
      g_unlink (output);
    }
  g_rmdir (dir);
}

/* A target on investment without a deadline: what the commitments
 * reached against its amount, $3.5 B of $10 B. */
#define OPEN_TARGET_PORTFOLIO \
  "{\n" \
  "  \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Open target\",\n" \
  "  \"targets\": [ { \"id\": \"platform\", \"title\": \"Platform\", \"metric\": { \"kind\": \"investment\" },\n" \
  "                   \"target\": { \"low_usd\": 10000000000 } } ],\n" \
  "  \"investments\": [\n" \
  "    { \"kind\": \"announced\", \"value_usd\": 9000000000, \"date\": \"2024\" },\n" \
  "    { \"kind\": \"committed\", \"value_usd\": 4000000000, \"date\": \"2025-03\" },\n" \
  "    { \"kind\": \"withdrawn\", \"value_usd\": 500000000, \"date\": \"2025-09\" }\n" \
  "  ]\n" \
  "}\n"

static void
test_open_ended_target (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio =
    lode_portfolio_load_data (OPEN_TARGET_PORTFOLIO, strlen (OPEN_TARGET_PORTFOLIO), "open.json", &error);
  g_autoptr(LodeChartData) data = NULL;
  g_autoptr(LodeChart) chart = NULL;
  g_autofree char *description = NULL;
  g_autofree char *reached = NULL;
  LodeChartTarget *target;
  const LodeChartItem *bar;

  g_assert_no_error (error);
  data = lode_chart_data_new (portfolio);
  target = g_ptr_array_index (data->targets, 0);
  g_assert_true (target->investment);
  g_assert_cmpint (target->target_year, ==, 0);
  /* Commitments net of withdrawals; the announcement is no commitment. */
  g_assert_cmpint (target->reached, ==, 350000000000);

  chart = lode_chart_new (LODE_CHART_TARGET_PROGRESS, data);
  lode_chart_set_target (chart, 0);
  render (chart, NULL);
  g_assert_cmpstr (lode_chart_get_title (chart), ==, "Target: Platform");
  /* Two bars, what was reached and the target, on one scale. */
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 2);
  bar = lode_chart_get_item (chart, 0);
  g_assert_cmpint (bar->kind, ==, LODE_CHART_ITEM_BAR);
  g_assert_cmpint (bar->value, ==, 350000000000);
  g_assert_cmpfloat_with_epsilon (bar->width / lode_chart_get_item (chart, 1)->width, 0.35, 0.01);

  description = lode_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Platform: $3.5 B of $10 B, 35.0 %"));
  g_assert_null (strstr (description, "no year"));
  reached = lode_chart_describe_item (chart, 0);
  g_assert_cmpstr (reached, ==, "Reached: $3,500,000,000");
}

static void
test_table (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);
  g_autoptr(LodeChart) reserves = lode_chart_new (LODE_CHART_RESERVES, data);
  g_autofree char *csv = lode_chart_to_csv (chart);
  g_autofree char *reserves_csv = lode_chart_to_csv (reserves);

  g_assert_cmpstr (csv, ==,
                   "Mineral,Stage,Value (USD),Records,Source\r\n"
                   "Copper,Concentrate,100,1,\r\n"
                   "Copper,Refined,400,2,customs\r\n"
                   "Iron ore,Ore,200,1,customs\r\n"
                   "Bauxite,Ore,150.05,2,\r\n");
  g_assert_cmpstr (reserves_csv, ==,
                   "Mineral,Value (USD),Quantity,Unit,Source\r\n"
                   "Copper,121000000000,6,Mt,\r\n"
                   "Iron ore,30000000000,2,Mt,\r\n");
}

/* Files */

static char *
count_occurrences (const char *haystack,
                   const char *needle,
                   guint      *count)
{
  *count = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    (*count)++;

  return NULL;
}

static void
test_files (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "chart.txt", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  gsize length;
  guint ore, concentrate, refined;

  g_assert_no_error (error);

  /* PNG, twice as sharp at scale 2. */
  g_assert_true (lode_chart_write_file (chart, png, WIDTH, HEIGHT, 2, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2 * HEIGHT);
  cairo_surface_destroy (image);

  /* SVG: the bars as paths in their stage's colour, and each stage once
   * more in the legend: ore twice (iron ore, bauxite), concentrate and
   * refined once. */
  g_assert_true (lode_chart_write_file (chart, svg, WIDTH, HEIGHT, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"800pt\""));
  g_assert_nonnull (strstr (contents, "<title>Exports by mineral</title>"));
  g_assert_nonnull (strstr (contents, "<desc>Bars of the exports of each mineral, stacked by processing stage. "
                                      "Largest: Copper $500, Iron ore $200, Bauxite $150.05.</desc>"));
  count_occurrences (contents, "fill:rgb(0%,44.705882%,69.803922%)", &ore);
  count_occurrences (contents, "fill:rgb(90.196078%,62.352941%,0%)", &concentrate);
  count_occurrences (contents, "fill:rgb(0%,61.960784%,45.098039%)", &refined);
  g_assert_cmpuint (ore, ==, 2 + 1);
  g_assert_cmpuint (concentrate, ==, 1 + 1);
  g_assert_cmpuint (refined, ==, 1 + 1);
  g_clear_pointer (&contents, g_free);

  g_assert_true (lode_chart_write_file (chart, pdf, WIDTH, HEIGHT, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (lode_chart_write_file (chart, txt, WIDTH, HEIGHT, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Every chart draws the built-in sample and an empty portfolio. */
static void
test_every_chart (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(LodePortfolio) empty = lode_portfolio_new ("Empty");
  g_autoptr(LodeChartData) sample_data = lode_chart_data_new (sample);
  g_autoptr(LodeChartData) empty_data = lode_chart_data_new (empty);

  for (guint k = 0; k < LODE_N_CHART_KINDS; k++)
    {
      g_autoptr(LodeChart) a = lode_chart_new (k, sample_data);
      g_autoptr(LodeChart) b = lode_chart_new (k, empty_data);
      g_autofree char *description = lode_chart_describe (a);
      g_autofree char *empty_description = lode_chart_describe (b);
      LodeChartKind kind;

      g_assert_true (lode_chart_kind_from_name (lode_chart_kind_get_name (k), &kind));
      g_assert_cmpint (kind, ==, k);
      render (a, NULL);
      render (b, NULL);
      g_assert_cmpuint (lode_chart_get_n_items (b), ==, 0);
      g_assert_cmpuint (strlen (description), >, 20);
      g_assert_cmpuint (strlen (empty_description), >, 20);
      /* Investment charts have bars when the sample has investments. */
      if (k != LODE_CHART_RESERVES &&
          (sample_data->n_investments > 0 ||
           (k != LODE_CHART_INVESTMENT_BY_YEAR && k != LODE_CHART_INVESTMENT_BY_COUNTRY &&
            k != LODE_CHART_INVESTMENT_PIPELINE)) &&
          /* The sample gives no production figures. */
          k != LODE_CHART_PRODUCTION_AND_EXPORTS)
        g_assert_cmpuint (lode_chart_get_n_items (a), >, 0);
    }
}

/* Exports that fail part way */

#define FAULT_LIMIT 4096    /* bytes a file may grow to under the limit */
#define OLD_EXPORT  "the export that was there before\n"

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (folder);
  while (g_dir_read_name (folder) != NULL)
    n++;

  return n;
}

static void
assert_old_export (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_EXPORT);
}

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = FAULT_LIMIT;
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Writing stops at a file size limit, as on a disk that fills up: the
 * export fails with a message naming the file, the file that was there
 * keeps its bytes and nothing else is left in the folder. Without the
 * limit the same export is larger than it allows. */
static void
test_files_size_limit (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-fault-XXXXXX", &error);
  static const char * const formats[] = { "png", "svg", "pdf" };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", formats[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct rlimit saved, limit;
      GStatBuf st;
      gboolean written;

      g_assert_true (g_file_set_contents (path, OLD_EXPORT, -1, NULL));

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      limit = saved;
      limit.rlim_cur = FAULT_LIMIT;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      written = lode_chart_write_file (chart, path, WIDTH, HEIGHT, 2, &error);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

      g_assert_false (written);
      assert_old_export (path);
      g_assert_cmpuint (count_files (dir), ==, 1);
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "cannot write "));
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
      g_clear_error (&error);

      g_assert_true (lode_chart_write_file (chart, path, WIDTH, HEIGHT, 2, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, FAULT_LIMIT);
      g_assert_cmpuint (count_files (dir), ==, 1);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Writes @chart to @path as the window does, waiting for the worker. */
static gboolean
write_async (LodeChart   *chart,
             const char  *path,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lode_chart_write_file_async (chart, path, WIDTH, HEIGHT, 2, NULL, write_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return lode_chart_write_file_finish (chart, result, error);
}

/* The window's export: drawn at once, written in a worker, the same bytes
 * as lode_chart_write_file(); a failure keeps the old file. */
static void
test_files_async (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_EXPORTS_OVER_TIME, data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-async-XXXXXX", &error);
  g_autofree char *sync_path = g_build_filename (dir, "sync.png", NULL);
  g_autofree char *path = g_build_filename (dir, "async.png", NULL);
  g_autofree char *txt = g_build_filename (dir, "chart.txt", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize expected_length, length;
  struct rlimit saved, limit;
  gboolean written;

  g_assert_no_error (error);

  g_assert_true (lode_chart_write_file (chart, sync_path, WIDTH, HEIGHT, 2, &error));
  g_assert_no_error (error);
  g_assert_true (write_async (chart, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sync_path, &expected, &expected_length, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, expected_length);
  g_assert_cmpuint (length, >, FAULT_LIMIT);

  g_assert_false (write_async (chart, txt, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (path, OLD_EXPORT, -1, NULL));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = FAULT_LIMIT;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  written = write_async (chart, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_false (written);
  assert_old_export (path);
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (sync_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* lode-cli chart under the same limit: exit 1, the old file intact. */
static void
test_cli_size_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-cli-fault-XXXXXX", &error);
  g_autofree char *input = g_build_filename (dir, "known.json", NULL);
  g_autofree char *output = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("LODE_CLI"), "chart", input, "-c", "destinations", "-o", output,
                         "--scale", "2", NULL };
  int status;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (input, PORTFOLIO, -1, NULL));
  g_assert_true (g_file_set_contents (output, OLD_EXPORT, -1, NULL));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, output));
  assert_old_export (output);
  g_assert_cmpuint (count_files (dir), ==, 2);

  g_assert_cmpint (g_unlink (output), ==, 0);
  g_assert_cmpint (g_unlink (input), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A real full disk, where this process may mount a small tmpfs: the
 * old export stays whole. The tmpfs is unmounted before anything is
 * asserted, so that a failure leaves no mount behind. */
static void
test_files_full_disk (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_DESTINATIONS, data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-disk-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  g_autofree char *contents = NULL;
  gboolean written;
  guint n_files;
  FILE *file;

  g_assert_no_error (error);
  if (mount ("tmpfs", dir, "tmpfs", 0, "size=256k") != 0)
    {
      /* Without the right to mount, test_files_size_limit stands in. */
      g_test_message ("mount: %s; a full disk is shown by RLIMIT_FSIZE only", g_strerror (errno));
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      return;
    }

  g_assert_true (g_file_set_contents (path, OLD_EXPORT, -1, NULL));
  file = fopen (filler, "w");
  g_assert_nonnull (file);
  while (fwrite (block, 1, 4096, file) == 4096 && fflush (file) == 0)
    ;
  fclose (file);

  written = lode_chart_write_file (chart, path, WIDTH, HEIGHT, 1, &error);
  g_file_get_contents (path, &contents, NULL, NULL);
  n_files = count_files (dir);
  g_assert_cmpint (umount (dir), ==, 0);

  g_assert_false (written);
  g_assert_cmpstr (contents, ==, OLD_EXPORT);
  g_assert_cmpuint (n_files, ==, 2);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* lode-cli chart */

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LODE_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-cli-XXXXXX", &error);
  g_autofree char *input = g_build_filename (dir, "known.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  static const char * const formats[] = { "png", "svg", "pdf" };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (input, PORTFOLIO, -1, &error));

  /* --list: one chart a line, its name first. */
  g_assert_cmpint (run_cli ((const char *[]) { "chart", "--list", NULL }, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, LODE_N_CHART_KINDS + 1);
  for (guint k = 0; k < LODE_N_CHART_KINDS; k++)
    {
      g_autofree char *prefix = g_strconcat (lode_chart_kind_get_name (k), " ", NULL);

      g_assert_true (g_str_has_prefix (lines[k], prefix));
      g_assert_cmpuint (strlen (lines[k]), >, strlen (prefix) + 10);
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint k = 0; k < LODE_N_CHART_KINDS; k++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", lode_chart_kind_get_name (k), formats[f]);
          g_autofree char *output = g_build_filename (dir, name, NULL);
          GStatBuf st;

          g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", lode_chart_kind_get_name (k),
                                                       "--output", output, "--width", "640", "--height", "360",
                                                       NULL }, &out, &err), ==, 0);
          g_assert_cmpstr (err, ==, "");
          g_assert_cmpint (g_stat (output, &st), ==, 0);
          g_assert_cmpint (st.st_size, >, 500);
          g_unlink (output);
          g_clear_pointer (&out, g_free);
          g_clear_pointer (&err, g_free);
        }
    }

  {
    g_autofree char *output = g_build_filename (dir, "t.png", NULL);

    /* A target by its id; an unknown one fails as bad input. */
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "target-progress", "-t", "behind",
                                                 "-o", output, NULL }, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
    g_unlink (output);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "target-progress", "-t", "nope",
                                                 "-o", output, NULL }, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "nope"));
    g_clear_pointer (&err, g_free);

    /* A mineral by its id; an unknown one fails as bad input. */
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "production-and-exports",
                                                 "--mineral", "copper", "-o", output, NULL }, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
    g_unlink (output);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "production-and-exports",
                                                 "--mineral", "unobtainium", "-o", output, NULL }, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "unobtainium"));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
    /* Two periods of largest-movers, and fiscal years. */
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "largest-movers", "--from", "2024",
                                                 "--to", "2025", "-o", output, NULL }, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
    g_unlink (output);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "exports-over-time",
                                                 "--fiscal-year-start", "3", "-o", output, NULL }, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
    g_unlink (output);
    /* A fiscal year while the year starts in January: bad input. */
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "largest-movers", "--from", "FY2024-25",
                                                 "--to", "2025", "-o", output, NULL }, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "--from"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "largest-movers", "--from", "2024",
                                                 "-o", output, NULL }, NULL, NULL), ==, 2);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "destinations", "--from", "2024",
                                                 "--to", "2025", "-o", output, NULL }, NULL, NULL), ==, 2);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "-c", "exports-over-time",
                                                 "--fiscal-year-start", "13", "-o", output, NULL }, NULL, NULL), ==, 2);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

    /* Wrong usage: exit 2, nothing written. */
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "pie", "-o", output, NULL },
                              NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "pie"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "destinations", NULL },
                              NULL, NULL), ==, 2);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "destinations", "-o", "x.gif", NULL },
                              NULL, NULL), ==, 2);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", "--chart", "destinations", "-o", output, NULL },
                              NULL, NULL), ==, 2);
    g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "destinations", "-o", output,
                                                 "--width", "5", NULL }, NULL, NULL), ==, 2);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

    /* A file that does not load: exit 1. */
    g_assert_cmpint (run_cli ((const char *[]) { "chart", missing, "--chart", "destinations", "-o", output, NULL },
                              NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "missing.json"));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  g_unlink (input);
  g_rmdir (dir);
}

/* Fiscal years beginning in March: the one record of a month falls into
 * FY2025-26, the records of whole calendar years into no fiscal year, and
 * are counted apart; targets are still measured by calendar year. */
/* lode-cli chart --currency: the exports in that currency; in US dollars
 * the very file drawn without it; a code the rules refuse, a usage
 * error. */
static void
test_cli_currency (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "exchange-rates.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("test-chart-currency-XXXXXX", &error);
  g_autofree char *plain = g_build_filename (dir, "plain.svg", NULL);
  g_autofree char *usd = g_build_filename (dir, "usd.svg", NULL);
  g_autofree char *pkr = g_build_filename (dir, "pkr.svg", NULL);
  g_autofree char *plain_text = NULL, *usd_text = NULL, *pkr_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "exports-by-mineral", "--output", plain,
                                               NULL }, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "exports-by-mineral", "--output", usd,
                                               "--currency", "USD", NULL }, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "exports-by-mineral", "--output", pkr,
                                               "--currency", "PKR", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_get_contents (plain, &plain_text, NULL, NULL));
  g_assert_true (g_file_get_contents (usd, &usd_text, NULL, NULL));
  g_assert_true (g_file_get_contents (pkr, &pkr_text, NULL, NULL));
  g_assert_cmpstr (usd_text, ==, plain_text);
  g_assert_cmpstr (pkr_text, !=, plain_text);

  g_assert_cmpint (run_cli ((const char *[]) { "chart", input, "--chart", "exports-by-mineral", "--output", pkr,
                                               "--currency", "pkr", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--currency: “pkr”"));

  g_unlink (plain);
  g_unlink (usd);
  g_unlink (pkr);
  g_rmdir (dir);
}

static void
test_fiscal_periods (void)
{
  g_autoptr(LodePortfolio) portfolio = load_known ();
  g_autoptr(LodeChartData) data = lode_chart_data_new_for_periods (portfolio, 3);
  g_autoptr(LodeChartData) calendar = lode_chart_data_new (portfolio);
  g_autoptr(LodeChart) chart = NULL;
  g_autoptr(GPtrArray) table = NULL;
  g_autofree char *name = NULL;
  LodeMoney sum;

  g_assert_cmpint (data->start_month, ==, 3);
  g_assert_cmpint (data->first_year, ==, 2025);
  g_assert_cmpint (data->last_year, ==, 2025);
  g_assert_cmpint (data->years[0].value, ==, 10005);
  g_assert_cmpuint (data->years[0].count, ==, 1);
  g_assert_cmpuint (data->n_unplaced, ==, 5);
  g_assert_cmpint (data->unplaced_value, ==, 75000);
  sum = data->unplaced_value;
  for (guint y = 0; y < lode_chart_data_get_n_years (data); y++)
    sum += data->years[y].value;
  g_assert_cmpint (sum, ==, data->total);
  g_assert_cmpint (data->total, ==, calendar->total);
  /* March is the first month of its fiscal year. */
  g_assert_cmpint (find_mineral (data, "bauxite")->months[0].value, ==, 10005);
  name = lode_chart_data_dup_period_name (data, 2025);
  g_assert_cmpstr (name, ==, "FY2025-26");

  g_assert_cmpint (data->target_first_year, ==, 2024);
  g_assert_cmpint (data->target_last_year, ==, 2025);
  for (guint t = 0; t < data->targets->len; t++)
    {
      LodeChartTarget *fiscal = g_ptr_array_index (data->targets, t);
      LodeChartTarget *target = g_ptr_array_index (calendar->targets, t);

      g_assert_cmpint (fiscal->status, ==, target->status);
      g_assert_cmpint (fiscal->latest_year, ==, target->latest_year);
      g_assert_cmpint (fiscal->latest_value, ==, target->latest_value);
    }

  /* The chart says what it left out, and names fiscal years in its table. */
  chart = lode_chart_new (LODE_CHART_EXPORTS_OVER_TIME, data);
  render (chart, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 1);
  g_assert_cmpint (lode_chart_get_item (chart, 0)->year, ==, 2025);
  {
    g_autofree char *text = lode_chart_describe_item (chart, 0);

    g_assert_nonnull (strstr (text, "(FY2025-26)"));
  }
  table = lode_chart_get_table (chart);
  g_assert_cmpuint (table->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (table, 1))[1], ==, "FY2025-26");
}

/* The largest movers from 2024 to 2025: copper +$300, iron ore +$200,
 * bauxite +$50.05, largest first; the other way round, falls. */
static void
test_largest_movers (void)
{
  g_autoptr(LodeChartData) data = known_data ();
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_LARGEST_MOVERS, data);
  g_autoptr(GPtrArray) table = NULL;
  LodePeriod from = { 2025, 1 }, to = { 2024, 1 };
  guint n_rows = 0;

  g_assert_cmpstr (lode_chart_get_title (chart), ==, "Largest movers");
  render (chart, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 3);
  g_assert_cmpstr (lode_chart_get_item (chart, 0)->mineral, ==, "copper");
  g_assert_cmpint (lode_chart_get_item (chart, 0)->value, ==, 30000);
  g_assert_cmpstr (lode_chart_get_item (chart, 1)->mineral, ==, "iron-ore");
  g_assert_cmpint (lode_chart_get_item (chart, 2)->value, ==, 5005);
  {
    g_autofree char *text = lode_chart_describe_item (chart, 0);

    g_assert_nonnull (strstr (text, "Copper"));
    g_assert_nonnull (strstr (text, "2024 to 2025"));
  }
  g_assert_true (lode_chart_get_n_rows (chart, &n_rows));
  g_assert_cmpuint (n_rows, ==, 3);

  table = lode_chart_get_table (chart);
  g_assert_cmpuint (table->len, ==, 4);
  g_assert_cmpstr (((char **) g_ptr_array_index (table, 1))[3], ==, "300");

  lode_chart_set_periods (chart, &from, &to);
  render (chart, NULL);
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 3);
  {
    g_autofree char *text = lode_chart_describe_item (chart, 0);

    g_assert_nonnull (strstr (text, "\u2212"));
    g_assert_nonnull (strstr (text, "2025 to 2024"));
  }

  /* A comparison made elsewhere, as the Compare page's worker makes it:
   * the same bars, the same table. */
  {
    g_autoptr(LodeChart) given = lode_chart_new (LODE_CHART_LARGEST_MOVERS, data);
    g_autoptr(GPtrArray) given_table = NULL;
    g_autoptr(GPtrArray) own_table = lode_chart_get_table (chart);

    lode_chart_set_periods (given, &from, &to);
    lode_chart_set_comparison (given, lode_comparison_new (data->table, LODE_EXPORT_FIELD_MINERAL, &from, &to));
    render (given, NULL);
    g_assert_cmpuint (lode_chart_get_n_items (given), ==, 3);
    g_assert_cmpstr (lode_chart_get_item (given, 0)->mineral, ==, lode_chart_get_item (chart, 0)->mineral);
    g_assert_cmpint (lode_chart_get_item (given, 0)->value, ==, lode_chart_get_item (chart, 0)->value);
    given_table = lode_chart_get_table (given);
    g_assert_cmpuint (given_table->len, ==, own_table->len);
    for (guint r = 0; r < own_table->len; r++)
      {
        char **a = g_ptr_array_index (given_table, r);
        char **b = g_ptr_array_index (own_table, r);

        for (guint c = 0; b[c] != NULL; c++)
          g_assert_cmpstr (a[c], ==, b[c]);
      }
  }

  /* Another chart has no use for one. */
  {
    g_autoptr(LodeChart) bars = lode_chart_new (LODE_CHART_EXPORTS_BY_MINERAL, data);

    lode_chart_set_comparison (bars, lode_comparison_new (data->table, LODE_EXPORT_FIELD_MINERAL, &from, &to));
    render (bars, NULL);
    g_assert_cmpuint (lode_chart_get_n_items (bars), >, 0);
  }
}

/* A generated portfolio of 100,000 monthly records from January 2023 to
 * December 2026, by fiscal years of July: every fiscal year's total is
 * the exact sum of the records of its twelve months, and with the records
 * of whole years no fiscal year holds, the sum of all. */
static void
test_fiscal_periods_large (void)
{
  g_autoptr(LodePortfolio) portfolio = load_known ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(LodeChartData) data = NULL;
  LodeMoney expected[5] = { 0 };   /* FY2022-23 … FY2026-27 */
  guint counts[5] = { 0 };
  LodeMoney yearly = 0, sum;
  guint32 seed = 12345;

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      if (row.month == 0)
        yearly += row.value;
      else
        {
          int fy = row.month >= 7 ? row.year : row.year - 1;

          expected[fy - 2022] += row.value;
          counts[fy - 2022]++;
        }
    }

  for (guint i = 0; i < 100000; i++)
    {
      LodeExportRow row = {
        .mineral = i % 3 == 0 ? "copper" : i % 3 == 1 ? "bauxite" : "iron-ore",
        .destination = "CN", .stage = LODE_STAGE_ORE, .quantity = LODE_QUANTITY_UNSET,
        .unit = LODE_UNIT_NONE,
      };
      int fy;

      seed = seed * 1103515245u + 12345u;
      row.year = 2023 + (int) (i % 4);
      row.month = 1 + (int) ((i / 4) % 12);
      row.value = 1 + (LodeMoney) (seed % 999999937u);
      fy = row.month >= 7 ? row.year : row.year - 1;
      expected[fy - 2022] += row.value;
      counts[fy - 2022]++;
      lode_export_table_append_silent (table, &row);
    }

  data = lode_chart_data_new_for_periods (portfolio, 7);
  g_assert_cmpuint (data->n_records, ==, 100006);
  g_assert_cmpint (data->first_year, ==, 2022);
  g_assert_cmpint (data->last_year, ==, 2026);
  g_assert_cmpuint (data->n_unplaced, ==, 5);
  g_assert_cmpint (data->unplaced_value, ==, yearly);
  sum = data->unplaced_value;
  for (guint y = 0; y < 5; y++)
    {
      g_assert_cmpint (data->years[y].value, ==, expected[y]);
      g_assert_cmpuint (data->years[y].count, ==, counts[y]);
      sum += data->years[y].value;
    }
  g_assert_cmpint (sum, ==, data->total);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/aggregation", test_aggregation);
  g_test_add_func ("/chart/aggregation-async", test_aggregation_async);
  g_test_add_func ("/chart/growth-rate", test_growth_rate);
  g_test_add_func ("/chart/targets", test_targets);
  g_test_add_func ("/chart/fiscal-target", test_fiscal_target);
  g_test_add_func ("/chart/ticks", test_ticks);
  g_test_add_func ("/chart/bars", test_bars);
  g_test_add_func ("/chart/bars-other", test_bars_other);
  g_test_add_func ("/chart/bars-mirrored", test_bars_mirrored);
  g_test_add_func ("/chart/donut", test_donut);
  g_test_add_func ("/chart/donut-other", test_donut_other);
  g_test_add_func ("/chart/lines", test_lines);
  g_test_add_func ("/chart/converted", test_converted);
  g_test_add_func ("/chart/target", test_target_chart);
  g_test_add_func ("/chart/production", test_production_chart);
  g_test_add_func ("/chart/fiscal-production", test_fiscal_production);
  g_test_add_func ("/chart/fiscal-investment", test_fiscal_investment);
  g_test_add_func ("/chart/fiscal-cli", test_fiscal_cli);
  g_test_add_func ("/chart/open-ended-target", test_open_ended_target);
  g_test_add_func ("/chart/table", test_table);
  g_test_add_func ("/chart/files", test_files);
  g_test_add_func ("/chart/every-chart", test_every_chart);
  g_test_add_func ("/chart/cli", test_cli);
  g_test_add_func ("/chart/cli-currency", test_cli_currency);
  g_test_add_func ("/chart/fiscal-periods", test_fiscal_periods);
  g_test_add_func ("/chart/fiscal-periods-large", test_fiscal_periods_large);
  g_test_add_func ("/chart/largest-movers", test_largest_movers);
  g_test_add_func ("/chart/files-size-limit", test_files_size_limit);
  g_test_add_func ("/chart/files-full-disk", test_files_full_disk);
  g_test_add_func ("/chart/files-async", test_files_async);
  g_test_add_func ("/chart/cli-size-limit", test_cli_size_limit);

  return g_test_run ();
}
