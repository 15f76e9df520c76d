/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-compare.h"
#include "lode-periods.h"
#include "lode-portfolio-io.h"

/* Periods, fiscal years and comparisons, over real tables and files. */

#define HEADER \
  "{\n" \
  "  \"format\": \"lode-portfolio\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Fiscal\",\n"

static void
test_place (void)
{
  static const struct
  {
    int      year, month, start;
    gboolean placed;
    int      first_year;
  } cases[] = {
    { 2024, 7, 7, TRUE, 2024 },    /* July 2024: FY2024-25 */
    { 2025, 6, 7, TRUE, 2024 },    /* June 2025: still FY2024-25 */
    { 2025, 7, 7, TRUE, 2025 },
    { 2024, 1, 7, TRUE, 2023 },
    { 2024, 12, 7, TRUE, 2024 },
    { 2024, 3, 4, TRUE, 2023 },    /* April start, as in India */
    { 2024, 4, 4, TRUE, 2024 },
    { 2024, 9, 10, TRUE, 2023 },   /* October start */
    { 2024, 1, 1, TRUE, 2024 },
    { 2024, 12, 1, TRUE, 2024 },
    { 2024, 0, 1, TRUE, 2024 },    /* a whole year in a calendar year */
    { 2024, 0, 7, FALSE, 0 },      /* never split into two fiscal years */
    { 2024, 0, 2, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LodePeriod period = { 0 };
      gboolean placed = lode_period_place (cases[i].year, cases[i].month, cases[i].start, &period);

      g_assert_cmpint (placed, ==, cases[i].placed);
      if (placed)
        {
          g_assert_cmpint (period.first_year, ==, cases[i].first_year);
          g_assert_cmpint (period.start_month, ==, cases[i].month == 0 ? 1 : cases[i].start);
        }
    }
}

static void
assert_name (int         first_year,
             int         start_month,
             const char *expected)
{
  LodePeriod period = { first_year, start_month };
  LodePeriod back = { 0 };
  g_autofree char *name = lode_period_to_string (&period);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (name, ==, expected);

  /* Each name reads back as the period it names. */
  g_assert_true (lode_period_parse (name, start_month, &back, &error));
  g_assert_no_error (error);
  g_assert_true (lode_period_equal (&back, &period));
}

static void
test_names (void)
{
  assert_name (2024, 1, "2024");
  assert_name (2024, 7, "FY2024-25");
  assert_name (1999, 7, "FY1999-00");
  assert_name (2009, 4, "FY2009-10");
}

static void
test_parse (void)
{
  static const struct
  {
    const char *text;
    int         start;
    int         first_year;   /* 0: refused */
    int         start_month;
    int         code;
  } cases[] = {
    { "2024", 7, 2024, 1, 0 },          /* a calendar year, whatever the start */
    { "FY2024-25", 7, 2024, 7, 0 },
    { "fy2024-25", 7, 2024, 7, 0 },
    { "2024-25", 7, 2024, 7, 0 },
    { "2024/25", 7, 2024, 7, 0 },
    { "2024-2025", 7, 2024, 7, 0 },
    { "  FY2024-25\n", 7, 2024, 7, 0 },
    { "FY2099-00", 4, 2099, 4, 0 },
    { "FY2024-25", 1, 0, 0, LODE_PERIOD_ERROR_NO_FISCAL },
    { "2024-26", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "2024-2026", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "FY2024", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "FY2024-25x", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "24", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "twenty", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "١٢٣٤", 7, 0, 0, LODE_PERIOD_ERROR_INVALID },   /* other digits */
    { "1799", 1, 0, 0, LODE_PERIOD_ERROR_INVALID },
    { "FY2200-01", 7, 0, 0, LODE_PERIOD_ERROR_INVALID }, /* ends after 2200 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LodePeriod period = { 0 };
      g_autoptr(GError) error = NULL;
      gboolean ok = lode_period_parse (cases[i].text, cases[i].start, &period, &error);

      if (cases[i].first_year != 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (period.first_year, ==, cases[i].first_year);
          g_assert_cmpint (period.start_month, ==, cases[i].start_month);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, LODE_PERIOD_ERROR, cases[i].code);
          /* The message quotes what was given. */
          g_assert_nonnull (strstr (error->message, cases[i].text));
        }
    }
}

/* The first year of the period of @start_month holding @month of @year,
 * from months counted since year 0: independent of lode_period_place(). */
static int
expected_first_year (int year,
                     int month,
                     int start_month)
{
  int months = year * 12 + (month - 1) - (start_month - 1);

  return months / 12;
}

/* 100 000 monthly records over 2023–2026, across the July boundaries, with
 * values up to ten billion dollars each in odd cents, and some records of
 * a whole year. Totals by period must be the exact sums. */
static void
test_totals_large (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  const guint n_monthly = 100000;
  const guint n_yearly = 997;
  static const int starts[] = { 7, 1, 4, 10 };
  LodeMoney all = 0;

  lode_export_table_reserve (table, n_monthly + n_yearly);

  for (guint i = 0; i < n_monthly + n_yearly; i++)
    {
      LodeExportRow row = {
        .mineral = i % 3 == 0 ? "copper" : "chromite",
        .year = g_rand_int_range (rand, 2023, 2027),
        .month = i < n_monthly ? g_rand_int_range (rand, 1, 13) : 0,
        .stage = LODE_STAGE_UNKNOWN,
        .quantity = LODE_QUANTITY_UNSET,
        .unit = LODE_UNIT_NONE,
        .value = (LodeMoney) g_rand_int_range (rand, 0, 1000000) * 1000000 + g_rand_int_range (rand, 0, 1000000),
      };

      lode_export_table_append_silent (table, &row);
      all += row.value;
    }
  lode_export_table_announce (table, 0, 0, n_monthly + n_yearly);
  g_assert_cmpint (lode_export_table_get_total (table), ==, all);

  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    {
      int start = starts[s];
      g_autoptr(LodePeriodTotals) totals = lode_period_totals_new (table, start);
      g_autoptr(GHashTable) sums = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
      g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
      guint n_unplaced = 0;
      LodeMoney unplaced = 0;
      LodeMoney placed = 0;

      /* The expected figures, row by row. */
      for (guint i = 0; i < n_monthly + n_yearly; i++)
        {
          LodeExportRow row;
          int first;
          LodeMoney *sum;

          lode_export_table_get_row (table, i, &row);
          if (row.month == 0 && start != 1)
            {
              n_unplaced++;
              unplaced += row.value;
              continue;
            }
          first = row.month == 0 ? row.year : expected_first_year (row.year, row.month, start);
          sum = g_hash_table_lookup (sums, GINT_TO_POINTER (first));
          if (sum == NULL)
            {
              sum = g_new0 (LodeMoney, 1);
              g_hash_table_insert (sums, GINT_TO_POINTER (first), sum);
            }
          *sum += row.value;
          g_hash_table_insert (counts, GINT_TO_POINTER (first),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (first))) + 1));
        }

      g_assert_cmpuint (totals->n_unplaced, ==, n_unplaced);
      g_assert_cmpint (totals->unplaced_value, ==, unplaced);
      g_assert_cmpuint (totals->totals->len, ==, g_hash_table_size (sums));

      for (guint i = 0; i < totals->totals->len; i++)
        {
          const LodePeriodTotal *total = &g_array_index (totals->totals, LodePeriodTotal, i);
          LodeMoney *sum = g_hash_table_lookup (sums, GINT_TO_POINTER (total->period.first_year));

          g_assert_cmpint (total->period.start_month, ==, start);
          g_assert_nonnull (sum);
          g_assert_cmpint (total->value, ==, *sum);
          g_assert_cmpuint (total->count, ==,
                            GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (total->period.first_year))));
          if (i > 0)
            g_assert_cmpint (total->period.first_year, >,
                             g_array_index (totals->totals, LodePeriodTotal, i - 1).period.first_year);
          placed += total->value;
        }

      /* Nothing lost, nothing counted twice. */
      g_assert_cmpint (placed + totals->unplaced_value, ==, all);
      if (start == 1)
        g_assert_cmpuint (totals->n_unplaced, ==, 0);
      else
        /* Years 2023–2026 with a fiscal start: five fiscal years. */
        g_assert_cmpuint (totals->totals->len, ==, 5);
    }
}

static void
test_totals_empty (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autoptr(LodePeriodTotals) totals = lode_period_totals_new (table, 7);

  g_assert_cmpuint (totals->totals->len, ==, 0);
  g_assert_cmpuint (totals->n_unplaced, ==, 0);
  g_assert_cmpint (totals->unplaced_value, ==, 0);
}

/* The setting in the file */

static LodePortfolio *
load (const char  *text,
      GError     **error)
{
  return lode_portfolio_load_data (text, strlen (text), "fiscal.json", error);
}

static char *
save (LodePortfolio *portfolio)
{
  g_autoptr(GBytes) bytes = lode_portfolio_to_bytes (portfolio);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_setting_round_trip (void)
{
  const char *with = HEADER "  \"fiscal_year_start\": 7\n}\n";
  const char *without = HEADER "  \"country\": \"PK\"\n}\n";
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(LodePortfolio) plain = NULL;
  g_autoptr(LodePortfolio) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_plain = NULL;
  g_autofree char *saved_again = NULL;

  portfolio = load (with, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (portfolio), ==, 7);
  g_assert_true (lode_portfolio_has_fiscal_year_start (portfolio));
  g_assert_false (lode_portfolio_get_modified (portfolio));
  saved = save (portfolio);
  g_assert_nonnull (strstr (saved, "\"fiscal_year_start\": 7"));

  /* A file that does not say is January, and saves as it was. */
  plain = load (without, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (plain), ==, 1);
  g_assert_false (lode_portfolio_has_fiscal_year_start (plain));
  saved_plain = save (plain);
  g_assert_null (strstr (saved_plain, "fiscal_year_start"));

  /* Set, it is written; set to January it is still written, as said. */
  lode_portfolio_set_fiscal_year_start (plain, 1);
  g_assert_true (lode_portfolio_get_modified (plain));
  saved_again = save (plain);
  g_assert_nonnull (strstr (saved_again, "\"fiscal_year_start\": 1"));
  again = load (saved_again, &error);
  g_assert_no_error (error);
  g_assert_true (lode_portfolio_has_fiscal_year_start (again));

  /* 0 makes the file not say again. */
  lode_portfolio_set_fiscal_year_start (again, 0);
  g_clear_pointer (&saved_again, g_free);
  saved_again = save (again);
  g_assert_null (strstr (saved_again, "fiscal_year_start"));
}

static void
test_setting_errors (void)
{
  static const char * const bad[] = { "0", "13", "7.5", "\"7\"", "-1", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (HEADER "  \"fiscal_year_start\": %s\n}\n", bad[i]);
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autoptr(GError) error = NULL;

      portfolio = load (text, &error);
      g_assert_null (portfolio);
      g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
      /* Where, as a JSON Pointer. */
      g_assert_true (g_str_has_prefix (error->message, "fiscal.json: /fiscal_year_start: "));
    }

  /* null is the same as absent. */
  {
    g_autoptr(LodePortfolio) portfolio = NULL;
    g_autoptr(GError) error = NULL;

    portfolio = load (HEADER "  \"fiscal_year_start\": null\n}\n", &error);
    g_assert_no_error (error);
    g_assert_false (lode_portfolio_has_fiscal_year_start (portfolio));
  }
}

static void
test_sample (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(LodePeriodTotals) totals = NULL;
  LodeExportTable *exports;

  g_assert_nonnull (sample);
  /* Its records are of calendar years, so the sample keeps the calendar
   * year until the user sets Pakistan's July start. */
  g_assert_false (lode_portfolio_has_fiscal_year_start (sample));
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (sample), ==, 1);

  /* The sample's records are of whole years: none is put in a fiscal year. */
  exports = lode_portfolio_get_exports (sample);
  totals = lode_period_totals_new (exports, 7);
  g_assert_cmpuint (totals->n_unplaced, >, 0);
  {
    LodeMoney placed = 0;

    for (guint i = 0; i < totals->totals->len; i++)
      placed += g_array_index (totals->totals, LodePeriodTotal, i).value;
    g_assert_cmpint (placed + totals->unplaced_value, ==, lode_export_table_get_total (exports));
  }
}

/* Comparisons */

static void
append (LodeExportTable *table,
        const char      *mineral,
        int              year,
        int              month,
        const char      *destination,
        LodeStage        stage,
        LodeMoney        value)
{
  LodeExportRow row = {
    .mineral = mineral,
    .year = year,
    .month = month,
    .destination = destination,
    .stage = stage,
    .quantity = LODE_QUANTITY_UNSET,
    .unit = LODE_UNIT_NONE,
    .value = value,
  };

  lode_export_table_append (table, &row);
}

static const LodeCompareRow *
find_row (LodeComparison *comparison,
          const char     *key)
{
  for (guint i = 0; i < comparison->rows->len; i++)
    {
      const LodeCompareRow *row = &g_array_index (comparison->rows, LodeCompareRow, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }

  return NULL;
}

static LodeExportTable *
compare_table (void)
{
  LodeExportTable *table = lode_export_table_new ();

  /* FY2023-24: copper 100.01 (Jan 2024), chromite 50.00 (Jul 2023) */
  append (table, "copper", 2024, 1, "CN", LODE_STAGE_REFINED, 10001);
  append (table, "chromite", 2023, 7, "CN", LODE_STAGE_ORE, 5000);
  /* FY2024-25: copper 150.02 (Jul 2024 + Jun 2025), gold 20.00 (new) */
  append (table, "copper", 2024, 7, "CN", LODE_STAGE_REFINED, 10001);
  append (table, "copper", 2025, 6, "AE", LODE_STAGE_REFINED, 5001);
  append (table, "gold", 2025, 1, NULL, LODE_STAGE_UNKNOWN, 2000);
  /* A whole year of 2024: in neither fiscal year, said for both. */
  append (table, "copper", 2024, 0, "CN", LODE_STAGE_REFINED, 99999);
  /* Outside both. */
  append (table, "copper", 2022, 3, "CN", LODE_STAGE_REFINED, 777);

  return table;
}

static void
test_compare_fiscal (void)
{
  g_autoptr(LodeExportTable) table = compare_table ();
  LodePeriod first = { 2023, 7 };
  LodePeriod second = { 2024, 7 };
  g_autoptr(LodeComparison) comparison = NULL;
  const LodeCompareRow *row;

  comparison = lode_comparison_new (table, LODE_EXPORT_FIELD_MINERAL, &first, &second);

  g_assert_cmpuint (comparison->rows->len, ==, 3);
  g_assert_cmpuint (comparison->count[0], ==, 2);
  g_assert_cmpuint (comparison->count[1], ==, 3);
  g_assert_cmpint (comparison->value[0], ==, 15001);
  g_assert_cmpint (comparison->value[1], ==, 17002);
  g_assert_cmpuint (comparison->n_unplaced[0], ==, 1);
  g_assert_cmpuint (comparison->n_unplaced[1], ==, 1);
  g_assert_cmpint (comparison->unplaced_value[0], ==, 99999);

  row = find_row (comparison, "copper");
  g_assert_nonnull (row);
  g_assert_cmpint (row->value[0], ==, 10001);
  g_assert_cmpint (row->value[1], ==, 15002);
  g_assert_cmpint (row->change, ==, 5001);
  g_assert_true (row->has_percent);
  g_assert_cmpfloat_with_epsilon (row->percent, 100.0 * 5001 / 10001, 1e-9);

  row = find_row (comparison, "chromite");
  g_assert_cmpint (row->change, ==, -5000);
  g_assert_cmpfloat_with_epsilon (row->percent, -100.0, 1e-9);

  /* Nothing in the first: no percent. */
  row = find_row (comparison, "gold");
  g_assert_cmpint (row->value[0], ==, 0);
  g_assert_false (row->has_percent);

  /* Largest increase first by default. */
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 0).key, ==, "copper");
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 2).key, ==, "chromite");

  /* By percent, either way, the row without one comes last. */
  lode_comparison_sort (comparison, LODE_COMPARE_SORT_PERCENT, TRUE);
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 0).key, ==, "copper");
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 2).key, ==, "gold");
  lode_comparison_sort (comparison, LODE_COMPARE_SORT_PERCENT, FALSE);
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 0).key, ==, "chromite");
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 2).key, ==, "gold");

  lode_comparison_sort (comparison, LODE_COMPARE_SORT_KEY, FALSE);
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 0).key, ==, "chromite");
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 2).key, ==, "gold");
  lode_comparison_sort (comparison, LODE_COMPARE_SORT_SECOND, TRUE);
  g_assert_cmpstr (g_array_index (comparison->rows, LodeCompareRow, 0).key, ==, "copper");
}

static void
test_compare_fields (void)
{
  g_autoptr(LodeExportTable) table = compare_table ();
  LodePeriod first = { 2023, 7 };
  LodePeriod second = { 2024, 7 };
  g_autoptr(LodeComparison) by_destination = NULL;
  g_autoptr(LodeComparison) by_stage = NULL;
  const LodeCompareRow *row;

  by_destination = lode_comparison_new (table, LODE_EXPORT_FIELD_DESTINATION, &first, &second);
  g_assert_cmpuint (by_destination->rows->len, ==, 3);
  row = find_row (by_destination, NULL);   /* gold names no destination */
  g_assert_nonnull (row);
  g_assert_cmpint (row->value[1], ==, 2000);
  row = find_row (by_destination, "AE");
  g_assert_cmpint (row->value[1], ==, 5001);
  g_assert_cmpuint (row->count[0], ==, 0);

  by_stage = lode_comparison_new (table, LODE_EXPORT_FIELD_STAGE, &first, &second);
  row = find_row (by_stage, "refined");
  g_assert_nonnull (row);
  g_assert_cmpint (row->value[0], ==, 10001);
  g_assert_cmpint (row->value[1], ==, 15002);
  g_assert_nonnull (find_row (by_stage, "ore"));
  g_assert_nonnull (find_row (by_stage, NULL));
}

static void
test_compare_calendar (void)
{
  g_autoptr(LodeExportTable) table = compare_table ();
  LodePeriod first = { 2024, 1 };
  LodePeriod second = { 2025, 1 };
  g_autoptr(LodeComparison) comparison = NULL;
  g_autoptr(LodeComparison) same = NULL;

  comparison = lode_comparison_new (table, LODE_EXPORT_FIELD_MINERAL, &first, &second);
  /* Calendar years hold whole years: nothing unplaced. */
  g_assert_cmpuint (comparison->n_unplaced[0], ==, 0);
  g_assert_cmpint (comparison->value[0], ==, 10001 + 10001 + 99999);
  g_assert_cmpint (comparison->value[1], ==, 5001 + 2000);

  /* The same period on both sides: no change. */
  same = lode_comparison_new (table, LODE_EXPORT_FIELD_MINERAL, &first, &first);
  g_assert_cmpint (same->value[0], ==, same->value[1]);
  for (guint i = 0; i < same->rows->len; i++)
    {
      const LodeCompareRow *row = &g_array_index (same->rows, LodeCompareRow, i);

      g_assert_cmpint (row->change, ==, 0);
      g_assert_cmpfloat (row->percent, ==, 0.0);
    }
}

/* A fiscal year beside a calendar year: a record of the whole of 2024 is
 * in 2024, and said to be unplaced in FY2023-24, not lost from either. */
static void
test_compare_mixed (void)
{
  g_autoptr(LodeExportTable) table = compare_table ();
  LodePeriod fiscal = { 2023, 7 };
  LodePeriod calendar = { 2024, 1 };
  g_autoptr(LodeComparison) comparison = NULL;
  const LodeCompareRow *row;

  comparison = lode_comparison_new (table, LODE_EXPORT_FIELD_MINERAL, &fiscal, &calendar);
  g_assert_cmpuint (comparison->n_unplaced[0], ==, 1);
  g_assert_cmpint (comparison->unplaced_value[0], ==, 99999);
  g_assert_cmpuint (comparison->n_unplaced[1], ==, 0);
  g_assert_cmpint (comparison->value[0], ==, 10001 + 5000);
  g_assert_cmpint (comparison->value[1], ==, 10001 + 10001 + 99999);

  /* January 2024 is in both. */
  row = find_row (comparison, "copper");
  g_assert_cmpuint (row->count[0], ==, 1);
  g_assert_cmpuint (row->count[1], ==, 3);
}

static void
test_compare_csv (void)
{
  g_autoptr(LodeExportTable) table = compare_table ();
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  LodePeriod first = { 2023, 7 };
  LodePeriod second = { 2024, 7 };
  g_autoptr(LodeComparison) comparison = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  portfolio = load (HEADER
                    "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper, refined\", \"group\": \"base-metal\" } ]\n"
                    "}\n", &error);
  g_assert_no_error (error);

  comparison = lode_comparison_new (table, LODE_EXPORT_FIELD_MINERAL, &first, &second);
  lode_comparison_append_csv_header (out);
  lode_comparison_append_csv (comparison, portfolio, out);

  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* header, three rows, "" */
  g_assert_cmpstr (lines[0], ==,
                   "by,key,name,first,second,first_records,first_value_usd,"
                   "second_records,second_value_usd,change_usd,change_percent");
  /* A name with a comma is quoted; amounts are exact. */
  g_assert_cmpstr (lines[1], ==, "mineral,copper,\"Copper, refined\",FY2023-24,FY2024-25,1,100.01,2,150.02,50.01,50.0");
  g_assert_cmpstr (lines[2], ==, "mineral,gold,,FY2023-24,FY2024-25,0,0,1,20,20,");
  g_assert_cmpstr (lines[3], ==, "mineral,chromite,,FY2023-24,FY2024-25,1,50,0,0,-50,-100.0");
  g_assert_cmpstr (lines[4], ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/periods/place", test_place);
  g_test_add_func ("/lode/periods/names", test_names);
  g_test_add_func ("/lode/periods/parse", test_parse);
  g_test_add_func ("/lode/periods/totals/large", test_totals_large);
  g_test_add_func ("/lode/periods/totals/empty", test_totals_empty);
  g_test_add_func ("/lode/periods/setting/round-trip", test_setting_round_trip);
  g_test_add_func ("/lode/periods/setting/errors", test_setting_errors);
  g_test_add_func ("/lode/periods/sample", test_sample);
  g_test_add_func ("/lode/compare/fiscal", test_compare_fiscal);
  g_test_add_func ("/lode/compare/fields", test_compare_fields);
  g_test_add_func ("/lode/compare/calendar", test_compare_calendar);
  g_test_add_func ("/lode/compare/mixed", test_compare_mixed);
  g_test_add_func ("/lode/compare/csv", test_compare_csv);

  return g_test_run ();
}
