/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-investment.h"
#include "lode-investment-currency.h"
#include "lode-project.h"
#include "lode-rules.h"

/* Investment in another currency: each event at the rate of its date,
 * totals exact and rounded once, commitments net of withdrawals, and
 * nothing converted without a rate or a period. */

static LodeConverter *
rupees (void)
{
  g_autoptr(GListStore) rates = g_list_store_new (LODE_TYPE_EXCHANGE_RATE);
  g_autoptr(LodeExchangeRate) year = lode_exchange_rate_new ("PKR", 2024, 278831299);
  g_autoptr(LodeExchangeRate) march = lode_exchange_rate_new ("PKR", 2025, 281507777);

  lode_exchange_rate_set_month (march, 3);
  g_list_store_append (rates, year);
  g_list_store_append (rates, march);

  return lode_converter_new (G_LIST_MODEL (rates), "PKR", 7);
}

/* Exact: cents × millionths, rounded once to the hundredth. */
static LodeAmount
exact (gint64   cents,
       LodeRate rate)
{
  return (LodeAmount) (((__int128) cents * rate + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);
}

static void
test_dates (void)
{
  int year = -1, month = -1;

  g_assert_true (lode_date_get_period ("2024", &year, &month));
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (month, ==, 0);
  g_assert_true (lode_date_get_period ("2025-03-31", &year, &month));
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (month, ==, 3);
  g_assert_false (lode_date_get_period (NULL, &year, &month));
  g_assert_false (lode_date_get_period ("2025-13", &year, &month));
  g_assert_false (lode_date_get_period ("25", &year, &month));
}

/* A month takes its own rate, else its year's; a year without one has
 * none, and an amount of no date stays in dollars without a year noted. */
static void
test_convert_date (void)
{
  g_autoptr(LodeConverter) converter = rupees ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  LodeAmount amount = 0;

  g_assert_true (lode_converter_convert_date (converter, 100000007, "2025-03-02", &amount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, exact (100000007, 281507777));
  g_assert_true (lode_converter_convert_date (converter, 100000007, "2024-11", &amount, &error));
  g_assert_cmpint (amount, ==, exact (100000007, 278831299));

  g_assert_false (lode_converter_convert_date (converter, 5, "2025-04", &amount, &error));
  g_assert_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_NO_RATE);
  g_clear_error (&error);
  g_assert_false (lode_converter_convert_date (converter, 5, NULL, &amount, &error));
  g_assert_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_NO_PERIOD);

  missing = lode_converter_describe_missing (converter);
  g_assert_cmpstr (missing, ==, "No PKR rate for 2025");
}

/* Withdrawals come off commitments, never below zero, in 128 bits. */
static void
test_subtract (void)
{
  LodeAmountSum a = LODE_AMOUNT_SUM_INIT, b = LODE_AMOUNT_SUM_INIT;
  LodeAmount amount = -1;

  lode_amount_sum_add (&a, G_MAXINT64 / 4, LODE_RATE_MAX);
  lode_amount_sum_add (&b, 1, LODE_RATE_SCALE);
  lode_amount_sum_subtract (&a, &b);
  lode_amount_sum_add (&b, G_MAXINT64 / 4, LODE_RATE_MAX);
  lode_amount_sum_subtract (&b, &a);
  g_assert_true (lode_amount_sum_round (&b, &amount));
  g_assert_cmpint (amount, ==, 2);
  lode_amount_sum_subtract (&b, &a);
  g_assert_true (lode_amount_sum_round (&b, &amount));
  g_assert_cmpint (amount, ==, 0);
}

/* The totals of lode-cli summary and the pages, in rupees. */
static void
test_totals (void)
{
  g_autoptr(LodeConverter) converter = rupees ();
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Rupees");
  g_autoptr(LodeProject) project = lode_project_new ("mine", "Mine");
  g_autoptr(LodeProject) old = lode_project_new ("old", "Old");
  const struct
  {
    LodeInvestmentKind kind;
    LodeMoney          cents;
    const char        *date;
    const char        *project;
  } events[] = {
    { LODE_INVESTMENT_KIND_COMMITTED, 900000011, "2024-05", NULL },
    { LODE_INVESTMENT_KIND_COMMITTED, 700000013, "2025-03", "mine" },
    { LODE_INVESTMENT_KIND_WITHDRAWN, 200000017, "2024", NULL },
    { LODE_INVESTMENT_KIND_DISBURSED, 300000019, "2023", NULL },
    { LODE_INVESTMENT_KIND_ANNOUNCED, 400000023, "2024-02-29", NULL },
    { LODE_INVESTMENT_KIND_AGREED, 500000029, "2025-03-01", NULL },
  };
  LodeConvertedTotal total, committed, disbursed;
  LodeMoney committed_usd = 0, disbursed_usd = 0, usd = 0;
  g_autofree char *missing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(LodeInvestment) event = lode_investment_new (events[i].kind, events[i].cents, events[i].date);

      lode_investment_set_project (event, events[i].project);
      g_list_store_append (lode_portfolio_get_investments (portfolio), event);
    }
  lode_project_set_committed (old, 123456);
  g_list_store_append (lode_portfolio_get_projects (portfolio), project);
  g_list_store_append (lode_portfolio_get_projects (portfolio), old);

  /* Net of the withdrawal: one exact sum, rounded once. */
  g_assert_true (lode_investment_convert_total (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)),
                                                converter, 0, NULL,
                                                LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_COMMITTED), &total));
  g_assert_cmpuint (total.count, ==, 3);
  g_assert_cmpuint (total.n_missing, ==, 0);
  g_assert_cmpint (total.amount, ==,
                   (LodeAmount) (((__int128) 900000011 * 278831299 + (__int128) 700000013 * 281507777
                                  - (__int128) 200000017 * 278831299 + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE));

  /* Two kinds together, rounded once. */
  g_assert_true (lode_investment_convert_total (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)),
                                                converter, 0, NULL,
                                                LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_ANNOUNCED) |
                                                LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_AGREED), &total));
  g_assert_cmpint (total.amount, ==,
                   (LodeAmount) (((__int128) 400000023 * 278831299 + (__int128) 500000029 * 281507777
                                  + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE));

  /* 2023 has no rate: left out, counted, said. */
  g_assert_true (lode_investment_convert_total (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)),
                                                converter, 0, NULL,
                                                LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_DISBURSED), &total));
  g_assert_cmpuint (total.count, ==, 1);
  g_assert_cmpuint (total.n_missing, ==, 1);
  g_assert_cmpint (total.value_missing, ==, 300000019);
  g_assert_cmpint (total.amount, ==, 0);
  missing = lode_converter_describe_missing (converter);
  g_assert_cmpstr (missing, ==, "No PKR rate for 2023");

  /* By fiscal year from July: an event of May 2024 is in FY2023-24, one of
   * March 2025 in FY2024-25, each at the rate of its own date; a
   * withdrawal dated only to a year is in no fiscal year. */
  g_assert_true (lode_investment_convert_period_total (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)),
                                                       converter, 7, 2024,
                                                       LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_COMMITTED) |
                                                       LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_WITHDRAWN),
                                                       &total));
  g_assert_cmpuint (total.count, ==, 1);
  g_assert_cmpint (total.amount, ==, exact (700000013, 281507777));
  g_assert_true (lode_investment_convert_period_total (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)),
                                                       converter, 7, 2023,
                                                       LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_COMMITTED),
                                                       &total));
  g_assert_cmpuint (total.count, ==, 1);
  g_assert_cmpint (total.amount, ==, exact (900000011, 278831299));
  g_assert_true (lode_investment_convert_period_total (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)),
                                                       converter, 1, 2024,
                                                       LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_WITHDRAWN),
                                                       &total));
  g_assert_cmpuint (total.count, ==, 1);
  g_assert_cmpint (total.amount, ==, exact (200000017, 278831299));

  /* A project's events; a project's own figure has no date: in dollars. */
  g_assert_true (lode_portfolio_convert_project_investment (portfolio, converter, "mine",
                                                            LODE_INVESTMENT_KIND_COMMITTED, &total, NULL, &usd));
  g_assert_cmpint (total.amount, ==, exact (700000013, 281507777));
  g_assert_false (lode_portfolio_convert_project_investment (portfolio, converter, "old",
                                                             LODE_INVESTMENT_KIND_COMMITTED, &total, NULL, &usd));
  g_assert_cmpint (usd, ==, 123456);

  lode_portfolio_convert_investment_totals (portfolio, converter, &committed, &disbursed,
                                            &committed_usd, &disbursed_usd);
  g_assert_cmpint (committed.amount, ==,
                   (LodeAmount) (((__int128) 900000011 * 278831299 + (__int128) 700000013 * 281507777
                                  - (__int128) 200000017 * 278831299 + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE));
  g_assert_cmpint (committed_usd, ==, 123456);
  g_assert_cmpint (disbursed.n_missing, ==, 1);
  g_assert_cmpint (disbursed_usd, ==, 0);
}

/* Codes of ISO 4217 that are no currency are neither offered nor
 * accepted. */
static void
test_not_currencies (void)
{
  const char * const *codes = lode_currency_codes ();
  const char *refused[] = { "XXX", "XTS", "XAU", "XDR", "BOV" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (g_strv_contains (codes, refused[i]));
      g_assert_false (lode_rule_currency_code (refused[i], NULL));
    }
  g_assert_true (g_strv_contains (codes, "PKR"));
  g_assert_true (g_strv_contains (codes, "XOF"));
  g_assert_true (lode_rule_currency_code ("XAF", NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/investment-currency/dates", test_dates);
  g_test_add_func ("/lode/investment-currency/convert-date", test_convert_date);
  g_test_add_func ("/lode/investment-currency/subtract", test_subtract);
  g_test_add_func ("/lode/investment-currency/totals", test_totals);
  g_test_add_func ("/lode/investment-currency/not-currencies", test_not_currencies);

  return g_test_run ();
}
