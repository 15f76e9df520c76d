/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "lode-rules.h"

static void
test_rules_date (void)
{
  static const char * const good[] = {
    "2025", "2025-09", "2025-09-26", "0001", "2024-02-29", "9999-12-31",
  };
  static const char * const bad[] = {
    "", "+202", " 2025", "2025 ", "-2025", "202", "20250", "2025-9", "2025-13",
    "2025-02-29", "2025-00", "0000", "2025/09/26", "２０２５", "٢٠٢٥", "2025-09-2\xe2\x80\x8b",
    "+2025-09-26", "2025-+9-26", "2025-09-+6", " 202-09-26", "2025-09-31",
  };
  const char *why = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (lode_rule_date (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      why = NULL;
      if (lode_rule_date (bad[i], &why))
        g_error ("“%s” taken as a date", bad[i]);
      g_assert_nonnull (why);
    }
  g_assert_false (lode_rule_date (NULL, NULL));
}

static void
test_rules_numbers (void)
{
  const char *why = NULL;

  g_assert_true (lode_rule_year (1800, NULL));
  g_assert_true (lode_rule_year (2200, NULL));
  g_assert_false (lode_rule_year (1799, &why));
  g_assert_nonnull (why);
  g_assert_false (lode_rule_year (2201, NULL));
  g_assert_false (lode_rule_year (0, NULL));

  g_assert_true (lode_rule_month (1, NULL));
  g_assert_true (lode_rule_month (12, NULL));
  g_assert_false (lode_rule_month (0, NULL));
  g_assert_false (lode_rule_month (13, NULL));

  g_assert_true (lode_rule_jobs (0, NULL));
  g_assert_true (lode_rule_jobs (G_MAXINT32, NULL));
  g_assert_false (lode_rule_jobs ((gint64) G_MAXINT32 + 1, NULL));
  g_assert_false (lode_rule_jobs (-1, NULL));
  g_assert_false (lode_rule_jobs (G_MAXINT64, NULL));

  g_assert_true (lode_rule_quantity (0, NULL));
  g_assert_true (lode_rule_quantity (0.12345678901234567, NULL));
  g_assert_false (lode_rule_quantity (-0.5, NULL));
  g_assert_false (lode_rule_quantity (INFINITY, NULL));
  g_assert_false (lode_rule_quantity (NAN, NULL));

  g_assert_true (lode_rule_share (0, NULL));
  g_assert_true (lode_rule_share (1, NULL));
  g_assert_false (lode_rule_share (1.0000001, NULL));
  g_assert_false (lode_rule_share (NAN, NULL));
}

static void
test_rules_codes (void)
{
  g_assert_true (lode_rule_slug ("copper", NULL));
  g_assert_true (lode_rule_slug ("0-a", NULL));
  g_assert_false (lode_rule_slug ("-copper", NULL));
  g_assert_false (lode_rule_slug ("Copper", NULL));
  g_assert_false (lode_rule_slug ("", NULL));
  g_assert_false (lode_rule_slug ("cop per", NULL));

  g_assert_true (lode_rule_country_code ("CN", NULL));
  g_assert_true (lode_rule_country_code ("XK", NULL));
  g_assert_true (lode_rule_country_code ("ZZ", NULL));
  g_assert_false (lode_rule_country_code ("cn", NULL));
  g_assert_false (lode_rule_country_code ("CHN", NULL));
  g_assert_false (lode_rule_country_code ("C", NULL));
  g_assert_false (lode_rule_country_code (NULL, NULL));

  g_assert_true (lode_rule_hs_code ("26", NULL));
  g_assert_true (lode_rule_hs_code ("2603", NULL));
  g_assert_true (lode_rule_hs_code ("260300", NULL));
  g_assert_false (lode_rule_hs_code ("260", NULL));
  g_assert_false (lode_rule_hs_code ("26030", NULL));
  g_assert_false (lode_rule_hs_code ("26a3", NULL));
  g_assert_false (lode_rule_hs_code ("", NULL));
}

static void
test_rules_name (void)
{
  g_assert_true (lode_rule_name ("Copper", NULL));
  g_assert_true (lode_rule_name ("تانبا", NULL));
  g_assert_true (lode_rule_name (" Cu ", NULL));
  g_assert_false (lode_rule_name ("", NULL));
  g_assert_false (lode_rule_name ("   ", NULL));
  g_assert_false (lode_rule_name ("\xe2\x80\x8b", NULL));           /* zero-width space */
  g_assert_false (lode_rule_name ("\xe2\x80\x8c\xe2\x80\x8d", NULL)); /* ZWNJ, ZWJ */
  g_assert_false (lode_rule_name ("\xef\xbb\xbf", NULL));           /* BOM */
  g_assert_false (lode_rule_name ("\xe2\x80\x8f\xc2\xa0", NULL));   /* RLM, no-break space */
  g_assert_false (lode_rule_name ("\xcc\x81", NULL));               /* a combining accent alone */
  g_assert_false (lode_rule_name ("\xff", NULL));
  g_assert_false (lode_rule_name (NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/rules/date", test_rules_date);
  g_test_add_func ("/lode/rules/numbers", test_rules_numbers);
  g_test_add_func ("/lode/rules/codes", test_rules_codes);
  g_test_add_func ("/lode/rules/name", test_rules_name);

  return g_test_run ();
}
