/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "lode-compare.h"
#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-portfolio.h"
#include "lode-portfolio-io.h"
#include "lode-rules.h"

#define NBSP "\u00a0"

static void
test_rate_parse (void)
{
  static const struct
  {
    const char *text;
    LodeRate    rate;
    const char *written;
  } good[] = {
    { "278.8313", 278831300, "278.8313" },
    { "150", 150000000, "150" },
    { "7.10", 7100000, "7.1" },
    { "0.000001", 1, "0.000001" },
    { "1000000000", LODE_RATE_MAX, "1000000000" },
    { "0278.5", 278500000, "278.5" },
  };
  static const char * const bad[] = {
    "", "0", "0.0", "0.000000", "-1", "+1", "1e3", "1.", ".5", "1.1234567", " 1", "1 ",
    "1,5", "1000000000.000001", "99999999999999999999", "٣", "NaN",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      LodeRate rate = 0;
      const char *why = NULL;
      g_autofree char *written = NULL;

      g_test_message ("%s", good[i].text);
      g_assert_true (lode_rate_parse (good[i].text, &rate, &why));
      g_assert_null (why);
      g_assert_cmpint (rate, ==, good[i].rate);
      written = lode_rate_to_string (rate);
      g_assert_cmpstr (written, ==, good[i].written);
      g_assert_true (lode_rule_rate (rate, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      LodeRate rate = 42;
      const char *why = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (lode_rate_parse (bad[i], &rate, &why));
      g_assert_nonnull (why);
      g_assert_cmpint (rate, ==, 42);
    }

  g_assert_false (lode_rate_parse (NULL, &(LodeRate) { 0 }, NULL));
  g_assert_false (lode_rule_rate (0, NULL));
  g_assert_false (lode_rule_rate (-1, NULL));
  g_assert_false (lode_rule_rate (LODE_RATE_MAX + 1, NULL));
}

static void
test_codes (void)
{
  const char *why = NULL;

  g_assert_true (lode_rule_currency_code ("PKR", NULL));
  g_assert_true (lode_rule_currency_code ("CNY", NULL));
  g_assert_true (lode_rule_currency_code ("USD", NULL));
  g_assert_false (lode_rule_currency_code ("pkr", &why));
  g_assert_nonnull (why);
  g_assert_false (lode_rule_currency_code ("PKRS", NULL));
  g_assert_false (lode_rule_currency_code ("PK", NULL));
  g_assert_false (lode_rule_currency_code (NULL, NULL));
  /* Three capitals, but no currency of ISO 4217. */
  g_assert_false (lode_rule_currency_code ("XYZ", NULL));
  g_assert_true (lode_rule_rate_currency ("PKR", NULL));
  why = NULL;
  g_assert_false (lode_rule_rate_currency ("USD", &why));
  g_assert_nonnull (why);
  g_assert_false (lode_rule_rate_currency ("XYZ", NULL));
  g_assert_cmpstr (lode_currency_name ("PKR"), ==, "Pakistan Rupee");
  g_assert_null (lode_currency_name ("XYZ"));
  g_assert_true (g_strv_contains (lode_currency_codes (), "CNY"));
}

/* Exact products beyond 64 bits, rounded once, halves away from zero. */
static void
test_arithmetic (void)
{
  LodeAmountSum sum = LODE_AMOUNT_SUM_INIT;
  LodeAmountSum other = LODE_AMOUNT_SUM_INIT;
  LodeAmount amount = 0;

  /* $7 trillion at 278.8313: the product needs 78 bits. */
  lode_amount_sum_add (&sum, 700000000000000, 278831300);
  g_assert_true (lode_amount_sum_round (&sum, &amount));
  g_assert_cmpint (amount, ==, G_GINT64_CONSTANT (195181910000000000));

  sum = (LodeAmountSum) LODE_AMOUNT_SUM_INIT;
  lode_amount_sum_add (&sum, 123456789012345, 7123457);
  g_assert_true (lode_amount_sum_round (&sum, &amount));
  /* 879439127887512.076665 hundredths */
  g_assert_cmpint (amount, ==, G_GINT64_CONSTANT (879439127887512));

  /* Half a hundredth goes up; just below half goes down. */
  sum = (LodeAmountSum) LODE_AMOUNT_SUM_INIT;
  lode_amount_sum_add (&sum, 1, 500000);
  g_assert_true (lode_amount_sum_round (&sum, &amount));
  g_assert_cmpint (amount, ==, 1);
  sum = (LodeAmountSum) LODE_AMOUNT_SUM_INIT;
  lode_amount_sum_add (&sum, 1, 499999);
  g_assert_true (lode_amount_sum_round (&sum, &amount));
  g_assert_cmpint (amount, ==, 0);

  /* Two halves are one whole: the sum is rounded once, not each part. */
  sum = (LodeAmountSum) LODE_AMOUNT_SUM_INIT;
  lode_amount_sum_add (&sum, 1, 400000);
  lode_amount_sum_add (&other, 1, 400000);
  lode_amount_sum_add_sum (&sum, &other);
  g_assert_true (lode_amount_sum_round (&sum, &amount));
  g_assert_cmpint (amount, ==, 1);

  /* The largest amount at the largest rate does not fit: said, not
   * wrapped. */
  sum = (LodeAmountSum) LODE_AMOUNT_SUM_INIT;
  lode_amount_sum_add (&sum, LODE_MONEY_MAX, LODE_RATE_MAX);
  g_assert_false (lode_amount_sum_round (&sum, &amount));
}

static GListStore *
new_rates (void)
{
  GListStore *rates = g_list_store_new (LODE_TYPE_EXCHANGE_RATE);
  g_autoptr(LodeExchangeRate) year = lode_exchange_rate_new ("PKR", 2024, 278800000);
  g_autoptr(LodeExchangeRate) july = lode_exchange_rate_new ("PKR", 2024, 278250000);
  g_autoptr(LodeExchangeRate) fiscal = lode_exchange_rate_new ("PKR", 2024, 279123456);
  g_autoptr(LodeExchangeRate) yuan = lode_exchange_rate_new ("CNY", 2022, 6730000);

  lode_exchange_rate_set_month (july, 7);
  lode_exchange_rate_set_period (fiscal, LODE_PERIOD_KIND_FISCAL_YEAR);
  g_list_store_append (rates, year);
  g_list_store_append (rates, july);
  g_list_store_append (rates, fiscal);
  g_list_store_append (rates, yuan);

  return rates;
}

static void
test_lookup (void)
{
  g_autoptr(GListStore) rates = new_rates ();
  g_autoptr(LodeConverter) pkr = lode_converter_new (G_LIST_MODEL (rates), "PKR", 7);
  g_autoptr(LodeConverter) usd = lode_converter_new (G_LIST_MODEL (rates), "USD", 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  LodeAmount amount = 0;
  LodeMoney cents = 0;
  LodeRate rate = 0;
  GArray *years;

  /* A month with its own rate, a month without (the year's), the year. */
  g_assert_true (lode_converter_get_rate (pkr, 2024, 7, LODE_PERIOD_KIND_UNKNOWN, &rate));
  g_assert_cmpint (rate, ==, 278250000);
  g_assert_true (lode_converter_get_rate (pkr, 2024, 8, LODE_PERIOD_KIND_UNKNOWN, &rate));
  g_assert_cmpint (rate, ==, 278800000);
  g_assert_true (lode_converter_get_rate (pkr, 2024, 0, LODE_PERIOD_KIND_CALENDAR_YEAR, &rate));
  g_assert_cmpint (rate, ==, 278800000);
  /* A fiscal year: its own rate; FY2023-24 has none, nor has 2023. */
  g_assert_true (lode_converter_get_rate (pkr, 2024, 0, LODE_PERIOD_KIND_FISCAL_YEAR, &rate));
  g_assert_cmpint (rate, ==, 279123456);
  g_assert_false (lode_converter_get_rate (pkr, 2023, 0, LODE_PERIOD_KIND_FISCAL_YEAR, &rate));
  /* Another currency's rates are not this one's. */
  g_assert_false (lode_converter_get_rate (pkr, 2022, 0, LODE_PERIOD_KIND_UNKNOWN, &rate));

  g_assert_true (lode_converter_convert (pkr, 10025, 2024, 6, LODE_PERIOD_KIND_UNKNOWN,
                                         &amount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, 2794970);
  g_assert_cmpuint (lode_converter_get_missing (pkr)->len, ==, 0);
  g_assert_null (lode_converter_describe_missing (pkr));

  g_assert_false (lode_converter_convert (pkr, 10025, 2022, 3, LODE_PERIOD_KIND_UNKNOWN,
                                          &amount, &error));
  g_assert_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_NO_RATE);
  g_assert_cmpstr (error->message, ==, "No PKR rate for 2022");
  g_clear_error (&error);
  g_assert_false (lode_converter_convert (pkr, 1, 2021, 0, LODE_PERIOD_KIND_UNKNOWN,
                                          &amount, NULL));
  years = lode_converter_get_missing (pkr);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2021);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2022);
  missing = lode_converter_describe_missing (pkr);
  g_assert_cmpstr (missing, ==, "No PKR rate for 2021, 2022");

  /* Dollars need no rate. */
  g_assert_true (lode_converter_convert (usd, 10025, 1900, 0, LODE_PERIOD_KIND_UNKNOWN,
                                         &amount, &error));
  g_assert_cmpint (amount, ==, 10025);

  /* An amount entered in rupees, back to cents: 55,760.50 rupees in
   * July 2024 at 278.25 are $200.40 (200.3971…). */
  g_assert_true (lode_converter_to_usd (pkr, 5576050, 2024, 7, LODE_PERIOD_KIND_UNKNOWN,
                                        &cents, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cents, ==, 20040);
  g_assert_true (lode_converter_to_usd (pkr, 5576050, 2024, 0, LODE_PERIOD_KIND_UNKNOWN,
                                        &cents, &error));
  g_assert_cmpint (cents, ==, 20000);
  g_assert_false (lode_converter_to_usd (pkr, 5576050, 2020, 0, LODE_PERIOD_KIND_UNKNOWN,
                                         &cents, &error));
  g_assert_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_NO_RATE);
}

static void
test_format (void)
{
  g_autofree char *full = lode_amount_format_full ("PKR", 114000000025);
  g_autofree char *small = lode_amount_format_full ("CNY", 5);
  g_autofree char *short_form = lode_amount_format_short ("PKR", 114000000025);
  g_autofree char *usd = lode_amount_format_full ("USD", 114000000025);
  g_autofree char *usd_money = lode_money_format_full (114000000025);
  g_autofree char *json = lode_amount_to_json (114000000025);
  g_autofree char *rate = lode_rate_format (1278831300);

  g_assert_cmpstr (full, ==, "PKR" NBSP "1,140,000,000.25");
  g_assert_cmpstr (small, ==, "CNY" NBSP "0.05");
  g_assert_cmpstr (short_form, ==, "PKR" NBSP "1.14 B");
  g_assert_cmpstr (usd, ==, usd_money);
  g_assert_cmpstr (json, ==, "1140000000.25");
  g_assert_cmpstr (rate, ==, "1,278.8313");
}

/* A record of @cents in @year and @month at @rate, added to the expected
 * sum as two parts that each fit in 64 bits: the millions of cents times
 * the rate, in hundredths, and the rest times the rate, in millionths of a
 * hundredth. */
typedef struct
{
  gint64 whole;      /* hundredths */
  gint64 fraction;   /* millionths of a hundredth */
} Expected;

static void
expected_add (Expected  *expected,
              LodeMoney  cents,
              LodeRate   rate)
{
  expected->whole += (cents / 1000000) * rate;
  expected->fraction += (cents % 1000000) * rate;
  expected->whole += expected->fraction / 1000000;
  expected->fraction %= 1000000;
}

static LodeAmount
expected_round (const Expected *expected)
{
  return expected->whole + (expected->fraction >= 500000 ? 1 : 0);
}

/* 100 000 monthly records from January 2023 to December 2025 in Pakistan's
 * fiscal years (July): every total in rupees is the exact sum of its
 * records at their months' rates, rounded once; 2025, which has rates for
 * a few months only, is said to lack a rate. */
static void
test_generated (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Generated");
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(LodeConverter) converter = NULL;
  g_autoptr(LodePeriodTotals) periods = NULL;
  g_autoptr(GArray) by_period = NULL;
  g_autoptr(GArray) minerals = NULL;
  g_autoptr(GArray) by_mineral = NULL;
  GListStore *rates = lode_portfolio_get_exchange_rates (portfolio);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeRate month_rates[3][13] = { { 0 } };
  Expected all = { 0 }, fiscal[4] = { { 0 } }, copper = { 0 };
  guint n_missing = 0, fiscal_count[4] = { 0 };
  LodeMoney value_missing = 0;
  LodeConvertedTotal total;
  const guint n_records = 100000;
  GArray *missing;

  lode_portfolio_set_fiscal_year_start (portfolio, 7);

  /* Yearly rates for 2023 and 2024, monthly ones for some months of
   * 2024 and of 2025 (which has no yearly rate). */
  for (int y = 0; y < 3; y++)
    for (int m = 0; m <= 12; m++)
      {
        g_autoptr(LodeExchangeRate) rate = NULL;
        LodeRate value;

        if ((y == 2 && m == 0) || (m != 0 && (y == 0 || m % 3 != 0)))
          continue;
        value = 270000000 + g_rand_int_range (rand, 0, 20000000) + y * 1000;
        rate = lode_exchange_rate_new ("PKR", 2023 + y, value);
        lode_exchange_rate_set_month (rate, m);
        g_list_store_append (rates, rate);
        month_rates[y][m] = value;
      }

  lode_export_table_reserve (table, n_records);
  for (guint i = 0; i < n_records; i++)
    {
      LodeExportRow row = {
        .mineral = i % 4 == 0 ? "copper" : "chromite",
        .year = 2023 + g_rand_int_range (rand, 0, 3),
        .month = g_rand_int_range (rand, 1, 13),
        .stage = LODE_STAGE_UNKNOWN,
        .quantity = LODE_QUANTITY_UNSET,
        .unit = LODE_UNIT_NONE,
        /* Up to a hundred million dollars in odd cents: 100 000 of them
         * in rupees stay within a LodeAmount. */
        .value = (LodeMoney) g_rand_int_range (rand, 0, 10000) * 1000000
                 + g_rand_int_range (rand, 0, 1000000),
      };
      int y = row.year - 2023;
      LodeRate rate = month_rates[y][row.month] != 0 ? month_rates[y][row.month] : month_rates[y][0];
      /* FY2022-23 is 0, FY2025-26 is 3. */
      int f = row.month >= 7 ? y + 1 : y;

      lode_export_table_append_silent (table, &row);
      fiscal_count[f]++;
      if (rate == 0)
        {
          n_missing++;
          value_missing += row.value;
          continue;
        }
      expected_add (&all, row.value, rate);
      expected_add (&fiscal[f], row.value, rate);
      if (i % 4 == 0)
        expected_add (&copper, row.value, rate);
    }
  lode_export_table_announce (table, 0, 0, n_records);
  g_assert_cmpuint (n_missing, >, 0);

  converter = lode_portfolio_new_converter (portfolio, "PKR");

  g_assert_true (lode_converter_table_total (converter, table, &total));
  g_assert_cmpuint (total.count, ==, n_records);
  g_assert_cmpuint (total.n_missing, ==, n_missing);
  g_assert_cmpint (total.value_missing, ==, value_missing);
  g_assert_cmpint (total.amount, ==, expected_round (&all));

  periods = lode_period_totals_new (table, 7);
  g_assert_cmpuint (periods->totals->len, ==, 4);
  g_assert_cmpuint (periods->n_unplaced, ==, 0);
  by_period = lode_converter_period_totals (converter, table, periods, 7);
  g_assert_cmpuint (by_period->len, ==, 4);
  for (guint f = 0; f < 4; f++)
    {
      const LodePeriodTotal *period = &g_array_index (periods->totals, LodePeriodTotal, f);
      const LodeConvertedTotal *converted = &g_array_index (by_period, LodeConvertedTotal, f);

      g_assert_cmpint (period->period.first_year, ==, 2022 + (int) f);
      g_assert_cmpuint (converted->count, ==, fiscal_count[f]);
      g_assert_cmpint (converted->amount, ==, expected_round (&fiscal[f]));
    }

  minerals = lode_export_table_aggregate (table, LODE_EXPORT_FIELD_MINERAL);
  by_mineral = lode_converter_aggregate (converter, table, LODE_EXPORT_FIELD_MINERAL, minerals);
  for (guint i = 0; i < minerals->len; i++)
    if (g_strcmp0 (g_array_index (minerals, LodeExportTotal, i).key, "copper") == 0)
      g_assert_cmpint (g_array_index (by_mineral, LodeConvertedTotal, i).amount, ==,
                       expected_round (&copper));

  /* Only 2025 lacks rates, and says so. */
  missing = lode_converter_get_missing (converter);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpint (g_array_index (missing, int, 0), ==, 2025);
}

/* Records of fiscal years are placed in their fiscal year, and in no
 * calendar year; records of calendar years the other way round. */
static void
test_fiscal_records (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  LodeExportRow fiscal = {
    .mineral = "copper", .year = 2024, .period = LODE_PERIOD_KIND_FISCAL_YEAR,
    .quantity = LODE_QUANTITY_UNSET, .value = 1000,
  };
  LodeExportRow calendar = {
    .mineral = "copper", .year = 2024, .quantity = LODE_QUANTITY_UNSET, .value = 20,
  };
  LodeExportRow monthly = {
    .mineral = "copper", .year = 2025, .month = 3, .quantity = LODE_QUANTITY_UNSET, .value = 3,
    .original_currency = "PKR", .original_amount = 83550,
  };
  LodeExportRow row;
  LodePeriod period;
  LodePeriod fy2024 = { 2024, 7 }, y2024 = { 2024, 1 };
  g_autoptr(LodeComparison) comparison = NULL;

  lode_export_table_set_fiscal_year_start (table, 7);
  lode_export_table_append (table, &fiscal);
  lode_export_table_append (table, &calendar);
  lode_export_table_append (table, &monthly);

  g_assert_true (lode_period_place_row (&fiscal, 7, 7, &period));
  g_assert_cmpint (period.first_year, ==, 2024);
  g_assert_cmpint (period.start_month, ==, 7);
  g_assert_false (lode_period_place_row (&fiscal, 7, 1, &period));
  g_assert_false (lode_period_place_row (&fiscal, 7, 4, &period));
  g_assert_false (lode_period_place_row (&calendar, 7, 7, &period));
  /* With fiscal years that are calendar years, it is one. */
  g_assert_true (lode_period_place_row (&fiscal, 1, 1, &period));

  {
    g_autoptr(LodePeriodTotals) by_fiscal = lode_period_totals_new (table, 7);
    g_autoptr(LodePeriodTotals) by_calendar = lode_period_totals_new (table, 1);

    g_assert_cmpuint (by_fiscal->totals->len, ==, 1);
    g_assert_cmpint (g_array_index (by_fiscal->totals, LodePeriodTotal, 0).value, ==, 1003);
    g_assert_cmpuint (by_fiscal->n_unplaced, ==, 1);
    g_assert_cmpint (by_fiscal->unplaced_value, ==, 20);

    g_assert_cmpuint (by_calendar->totals->len, ==, 2);
    g_assert_cmpint (g_array_index (by_calendar->totals, LodePeriodTotal, 0).value, ==, 20);
    g_assert_cmpint (g_array_index (by_calendar->totals, LodePeriodTotal, 1).value, ==, 3);
    g_assert_cmpuint (by_calendar->n_unplaced, ==, 1);
    g_assert_cmpint (by_calendar->unplaced_value, ==, 1000);
  }

  comparison = lode_comparison_new (table, LODE_EXPORT_FIELD_MINERAL, &y2024, &fy2024);
  g_assert_cmpint (comparison->value[0], ==, 20);
  g_assert_cmpuint (comparison->n_unplaced[0], ==, 1);
  g_assert_cmpint (comparison->unplaced_value[0], ==, 1000);
  g_assert_cmpint (comparison->value[1], ==, 1003);
  g_assert_cmpuint (comparison->n_unplaced[1], ==, 1);
  g_assert_cmpint (comparison->unplaced_value[1], ==, 20);

  /* The rare members come back, and survive rows moving around them. */
  lode_export_table_remove (table, 0, 1);
  lode_export_table_get_row (table, 1, &row);
  g_assert_cmpstr (row.original_currency, ==, "PKR");
  g_assert_cmpint (row.original_amount, ==, 83550);
  g_assert_cmpint (row.period, ==, LODE_PERIOD_KIND_UNKNOWN);
  lode_export_table_insert (table, 0, &fiscal);
  lode_export_table_get_row (table, 0, &row);
  g_assert_cmpint (row.period, ==, LODE_PERIOD_KIND_FISCAL_YEAR);
  g_assert_null (row.original_currency);
  lode_export_table_get_row (table, 2, &row);
  g_assert_cmpstr (row.original_currency, ==, "PKR");

  g_assert_true (lode_export_row_is_valid (&fiscal));
  g_assert_true (lode_export_row_is_valid (&monthly));
  monthly.period = LODE_PERIOD_KIND_FISCAL_YEAR;
  g_assert_false (lode_export_row_is_valid (&monthly));
  monthly.period = LODE_PERIOD_KIND_UNKNOWN;
  monthly.original_currency = "XYZ";
  g_assert_false (lode_export_row_is_valid (&monthly));
}

/* A table without the new members spends no memory on them. */
static void
test_memory (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  LodeExportRow row = { .mineral = "copper", .year = 2024, .quantity = LODE_QUANTITY_UNSET };
  gsize plain;

  lode_export_table_reserve (table, 1000);
  for (guint i = 0; i < 1000; i++)
    lode_export_table_append_silent (table, &row);
  plain = lode_export_table_get_memory (table);

  row.original_currency = "CNY";
  row.original_amount = 710;
  lode_export_table_append_silent (table, &row);
  g_assert_cmpuint (lode_export_table_get_memory (table), >, plain + 1000 * 13);
  lode_export_table_get_row (table, 0, &row);
  g_assert_null (row.original_currency);
  lode_export_table_get_row (table, 1000, &row);
  g_assert_cmpstr (row.original_currency, ==, "CNY");
}

/* Rates and original amounts go through a save and a load unchanged. */
static void
test_round_trip (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Round trip");
  g_autoptr(LodePortfolio) again = NULL;
  g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("CNY", 2025, 7123456);
  g_autoptr(LodeExchangeRate) read = NULL;
  g_autoptr(LodeInvestment) investment = lode_investment_new (LODE_INVESTMENT_KIND_COMMITTED,
                                                              100000, "2025-03");
  g_autoptr(LodeInvestment) investment_read = NULL;
  g_autoptr(LodeTarget) target = lode_target_new ("fy", "Fiscal");
  g_autoptr(LodeTarget) target_read = NULL;
  g_autoptr(LodeMineral) mineral = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  LodeExportRow row = {
    .mineral = "copper", .year = 2024, .period = LODE_PERIOD_KIND_FISCAL_YEAR,
    .quantity = LODE_QUANTITY_UNSET, .value = 12345,
    .original_currency = "PKR", .original_amount = 3441935,
  };

  lode_portfolio_set_fiscal_year_start (portfolio, 7);
  lode_exchange_rate_set_month (rate, 3);
  lode_exchange_rate_set_note (rate, "month's average");
  g_list_store_append (lode_portfolio_get_exchange_rates (portfolio), rate);
  lode_investment_set_original (investment, "CNY", 712345);
  g_list_store_append (lode_portfolio_get_investments (portfolio), investment);
  lode_target_set_baseline_year (target, 2024);
  lode_target_set_baseline_value (target, 100);
  lode_target_set_target_year (target, 2029);
  lode_target_set_target_low (target, 300);
  lode_target_set_target_high (target, 300);
  lode_target_set_period (target, LODE_PERIOD_KIND_FISCAL_YEAR);
  g_list_store_append (lode_portfolio_get_targets (portfolio), target);
  g_list_store_append (lode_portfolio_get_minerals (portfolio), mineral);
  lode_export_table_append (lode_portfolio_get_exports (portfolio), &row);

  bytes = lode_portfolio_to_bytes (portfolio);
  again = lode_portfolio_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "again", &error);
  g_assert_no_error (error);
  bytes_again = lode_portfolio_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));

  read = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_exchange_rates (again)), 0);
  g_assert_cmpstr (lode_exchange_rate_get_currency (read), ==, "CNY");
  g_assert_cmpint (lode_exchange_rate_get_year (read), ==, 2025);
  g_assert_cmpint (lode_exchange_rate_get_month (read), ==, 3);
  g_assert_cmpint (lode_exchange_rate_get_rate (read), ==, 7123456);
  g_assert_cmpstr (lode_exchange_rate_get_note (read), ==, "month's average");
  investment_read = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_investments (again)), 0);
  g_assert_cmpstr (lode_investment_get_original_currency (investment_read), ==, "CNY");
  g_assert_cmpint (lode_investment_get_original_amount (investment_read), ==, 712345);
  target_read = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_targets (again)), 0);
  g_assert_cmpint (lode_target_get_period (target_read), ==, LODE_PERIOD_KIND_FISCAL_YEAR);
  lode_export_table_get_row (lode_portfolio_get_exports (again), 0, &row);
  g_assert_cmpint (row.period, ==, LODE_PERIOD_KIND_FISCAL_YEAR);
  g_assert_cmpstr (row.original_currency, ==, "PKR");
  g_assert_cmpint (row.original_amount, ==, 3441935);
  g_assert_cmpint (lode_export_table_get_fiscal_year_start (lode_portfolio_get_exports (again)), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/currency/rate-parse", test_rate_parse);
  g_test_add_func ("/lode/currency/codes", test_codes);
  g_test_add_func ("/lode/currency/arithmetic", test_arithmetic);
  g_test_add_func ("/lode/currency/lookup", test_lookup);
  g_test_add_func ("/lode/currency/format", test_format);
  g_test_add_func ("/lode/currency/generated-100k", test_generated);
  g_test_add_func ("/lode/currency/fiscal-records", test_fiscal_records);
  g_test_add_func ("/lode/currency/memory", test_memory);
  g_test_add_func ("/lode/currency/round-trip", test_round_trip);

  return g_test_run ();
}
