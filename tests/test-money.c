/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-money.h"
#include "lode-units.h"

/* Below this many cents (2^46 dollars) every amount has a double of its own. */

static void
assert_from_double (double    value,
                    LodeMoney expected)
{
  LodeMoney cents = -42;
  LodeMoneyCheck check;

  check = lode_money_from_double (value, &cents);
  if (check != LODE_MONEY_OK)
    g_error ("%.17g: expected %" G_GINT64_FORMAT " cents, refused (%d)",
             value, expected, check);
  g_assert_cmpint (cents, ==, expected);
}

static void
assert_refused (double         value,
                LodeMoneyCheck expected)
{
  LodeMoney cents = -42;

  g_assert_cmpint (lode_money_from_double (value, &cents), ==, expected);
  /* A refused value leaves the result alone. */
  g_assert_cmpint (cents, ==, -42);
}

static void
test_from_double_exact (void)
{
  assert_from_double (0.0, 0);
  assert_from_double (-0.0, 0);
  assert_from_double (0.01, 1);
  assert_from_double (0.05, 5);
  assert_from_double (0.07, 7);
  assert_from_double (0.1, 10);
  assert_from_double (0.3, 30);
  assert_from_double (0.29, 29);
  assert_from_double (0.57, 57);
  assert_from_double (1.15, 115);
  assert_from_double (12.5, 1250);
  assert_from_double (1140000000.25, 114000000025);
  assert_from_double (2.0e9, 200000000000);
  assert_from_double (1.2e11, 12000000000000);
  assert_from_double (3.5e8, 35000000000);
  assert_from_double (69999999999999.99, G_GINT64_CONSTANT (6999999999999999));
  assert_from_double (70000000000000.0, LODE_MONEY_MAX);

  /* The result may be NULL when only the check matters. */
  g_assert_cmpint (lode_money_from_double (0.07, NULL), ==, LODE_MONEY_OK);
}

static void
test_from_double_refused (void)
{
  /* 0.1 + 0.2 is 0.30000000000000004, not the double nearest 0.30. */
  assert_refused (0.1 + 0.2, LODE_MONEY_TOO_PRECISE);
  assert_refused (0.125, LODE_MONEY_TOO_PRECISE);
  assert_refused (0.001, LODE_MONEY_TOO_PRECISE);
  assert_refused (1.005, LODE_MONEY_TOO_PRECISE);
  assert_refused (12.345, LODE_MONEY_TOO_PRECISE);
  assert_refused (nextafter (0.07, 1.0), LODE_MONEY_TOO_PRECISE);
  assert_refused (nextafter (0.07, 0.0), LODE_MONEY_TOO_PRECISE);
  assert_refused (5e-324, LODE_MONEY_TOO_PRECISE);

  assert_refused (INFINITY, LODE_MONEY_NOT_FINITE);
  assert_refused (-INFINITY, LODE_MONEY_NOT_FINITE);
  assert_refused (NAN, LODE_MONEY_NOT_FINITE);

  assert_refused (-0.01, LODE_MONEY_NEGATIVE);
  assert_refused (-1.0, LODE_MONEY_NEGATIVE);
  assert_refused (-1e300, LODE_MONEY_NEGATIVE);

  assert_refused (70000000000000.01, LODE_MONEY_TOO_LARGE);
  assert_refused (nextafter (70000000000000.0, INFINITY), LODE_MONEY_TOO_LARGE);
  assert_refused (80000000000000.02, LODE_MONEY_TOO_LARGE);
  assert_refused (1e14, LODE_MONEY_TOO_LARGE);
  assert_refused (1e300, LODE_MONEY_TOO_LARGE);
}

static void
test_from_double_huge (void)
{
  /* Up to the largest amount every cent has a double of its own, so each
   * amount comes back exactly. */
  for (LodeMoney cents = LODE_MONEY_MAX - 100000; cents <= LODE_MONEY_MAX; cents++)
    {
      LodeMoney read = -1;

      g_assert_cmpint (lode_money_from_double (lode_money_to_double (cents), &read), ==, LODE_MONEY_OK);
      g_assert_cmpint (read, ==, cents);
    }
}

static void
test_to_double (void)
{
  g_assert_cmpfloat (lode_money_to_double (0), ==, 0.0);
  g_assert_cmpfloat (lode_money_to_double (7), ==, 0.07);
  g_assert_cmpfloat (lode_money_to_double (114000000025), ==, 1140000000.25);
  g_assert_cmpfloat (lode_money_to_double (LODE_MONEY_MAX), ==, 7e13);
}

static void
assert_json (LodeMoney   cents,
             const char *expected)
{
  g_autofree char *json = lode_money_to_json (cents);
  g_autoptr(GString) out = g_string_new ("[");

  g_assert_cmpstr (json, ==, expected);

  lode_money_append_json (out, cents);
  g_string_append_c (out, ']');
  g_assert_cmpint (out->len, ==, strlen (expected) + 2);
  g_assert_cmpint (strncmp (out->str + 1, expected, strlen (expected)), ==, 0);
  g_assert_cmpint (out->str[0], ==, '[');
  g_assert_cmpint (out->str[out->len - 1], ==, ']');
}

static void
test_to_json (void)
{
  assert_json (0, "0");
  assert_json (1, "0.01");
  assert_json (5, "0.05");
  assert_json (10, "0.1");
  assert_json (50, "0.5");
  assert_json (99, "0.99");
  assert_json (100, "1");
  assert_json (200, "2");
  assert_json (1205, "12.05");
  assert_json (1250, "12.5");
  assert_json (114000000025, "1140000000.25");
  assert_json (200000000000, "2000000000");
  assert_json (LODE_MONEY_MAX, "70000000000000");
  assert_json (G_MAXINT64, "92233720368547758.07");
  assert_json (-1, "-0.01");
  assert_json (G_MININT64, "-92233720368547758.08");
}

/* Cents from 0 up to @limit, their number of digits spread evenly so that
 * small amounts are drawn as often as large ones. */
static LodeMoney
random_cents (GRand  *rand,
              gint64  limit)
{
  guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
  guint64 modulus = 1;
  int n_digits = g_rand_int_range (rand, 1, 17);

  for (int i = 0; i < n_digits; i++)
    modulus *= 10;

  return (LodeMoney) ((bits % modulus) % (guint64) limit);
}

static void
test_append_json_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GString) out = g_string_sized_new (32);
  const guint n_values = g_test_thorough () ? 10000000 : 1000000;

  for (guint i = 0; i < n_values; i++)
    {
      LodeMoney cents = random_cents (rand, LODE_MONEY_MAX + 1);
      LodeMoney read = -1;
      char *end = NULL;
      double value;

      g_string_truncate (out, 0);
      lode_money_append_json (out, cents);

      value = g_ascii_strtod (out->str, &end);
      g_assert_true (end == out->str + out->len);

      if (lode_money_from_double (value, &read) != LODE_MONEY_OK || read != cents)
        g_error ("%" G_GINT64_FORMAT " cents written as %s read back as %" G_GINT64_FORMAT,
                 cents, out->str, read);
    }

  /* And the amounts at the ends of the range. */
  for (LodeMoney cents = LODE_MONEY_MAX - 1000; cents <= LODE_MONEY_MAX; cents++)
    {
      g_autofree char *json = lode_money_to_json (cents);
      LodeMoney read = -1;

      g_assert_cmpint (lode_money_from_double (g_ascii_strtod (json, NULL), &read), ==, LODE_MONEY_OK);
      g_assert_cmpint (read, ==, cents);
    }
}

static void
assert_short (LodeMoney   cents,
              const char *expected)
{
  g_autofree char *text = lode_money_format_short (cents);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_short (void)
{
  assert_short (0, "$0");
  assert_short (5, "$0.05");
  assert_short (1200, "$12");
  assert_short (1250, "$12.50");
  assert_short (99999, "$999.99");
  assert_short (100000, "$1 K");
  assert_short (123456, "$1.23 K");
  assert_short (123500, "$1.24 K");
  assert_short (95000000, "$950 K");
  assert_short (99999499, "$999.99 K");
  assert_short (99999500, "$1 M");
  assert_short (1416000000, "$14.16 M");
  assert_short (1416499999, "$14.16 M");
  assert_short (1416500000, "$14.17 M");
  assert_short (114000000025, "$1.14 B");
  assert_short (110000000000, "$1.1 B");
  assert_short (200000000000, "$2 B");
  assert_short (600000000000000, "$6 T");
  assert_short (LODE_MONEY_MAX, "$70 T");
  assert_short (G_MAXINT64, "$92233.72 T");
  assert_short (-114000000025, "-$1.14 B");
  assert_short (-1250, "-$12.50");
}

static void
assert_full (LodeMoney   cents,
             const char *expected)
{
  g_autofree char *text = lode_money_format_full (cents);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_full (void)
{
  assert_full (0, "$0");
  assert_full (5, "$0.05");
  assert_full (1250, "$12.50");
  assert_full (99999, "$999.99");
  assert_full (100000, "$1,000");
  assert_full (12345678, "$123,456.78");
  assert_full (114000000025, "$1,140,000,000.25");
  assert_full (200000000000, "$2,000,000,000");
  assert_full (LODE_MONEY_MAX, "$70,000,000,000,000");
  assert_full (-100000, "-$1,000");
}

static void
test_units_mass (void)
{
  const LodeUnit masses[] = {
    LODE_UNIT_T, LODE_UNIT_KT, LODE_UNIT_MT, LODE_UNIT_KG,
    LODE_UNIT_OZ, LODE_UNIT_KOZ, LODE_UNIT_MOZ, LODE_UNIT_CT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (masses); i++)
    {
      g_assert_true (lode_unit_is_mass (masses[i]));
      g_assert_cmpfloat (lode_unit_to_tonnes (masses[i]), >, 0.0);
    }

  g_assert_false (lode_unit_is_mass (LODE_UNIT_M3));
  g_assert_false (lode_unit_is_mass (LODE_UNIT_NONE));
  g_assert_cmpfloat (lode_unit_to_tonnes (LODE_UNIT_M3), ==, 0.0);
  g_assert_cmpfloat (lode_unit_to_tonnes (LODE_UNIT_NONE), ==, 0.0);

  g_assert_cmpfloat (lode_unit_to_tonnes (LODE_UNIT_T), ==, 1.0);
  g_assert_cmpfloat (lode_unit_to_tonnes (LODE_UNIT_KT), ==, 1e3);
  g_assert_cmpfloat (lode_unit_to_tonnes (LODE_UNIT_MT), ==, 1e6);
  g_assert_cmpfloat (lode_unit_to_tonnes (LODE_UNIT_KG), ==, 1e-3);
  g_assert_cmpfloat_with_epsilon (lode_unit_to_tonnes (LODE_UNIT_OZ), 31.1034768e-6, 1e-18);
  g_assert_cmpfloat_with_epsilon (lode_unit_to_tonnes (LODE_UNIT_MOZ), 31.1034768, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_unit_to_tonnes (LODE_UNIT_CT), 2e-7, 1e-20);
}

static void
test_units_convert (void)
{
  double result = -1.0;

  g_assert_true (lode_unit_convert (1.0, LODE_UNIT_MT, LODE_UNIT_T, &result));
  g_assert_cmpfloat (result, ==, 1e6);
  g_assert_true (lode_unit_convert (5.9, LODE_UNIT_MT, LODE_UNIT_T, &result));
  g_assert_cmpfloat (result, ==, 5.9e6);
  g_assert_true (lode_unit_convert (1200.5, LODE_UNIT_T, LODE_UNIT_KT, &result));
  g_assert_cmpfloat (result, ==, 1.2005);
  g_assert_true (lode_unit_convert (1.0, LODE_UNIT_T, LODE_UNIT_KG, &result));
  g_assert_cmpfloat (result, ==, 1000.0);

  /* Troy ounces. */
  g_assert_true (lode_unit_convert (1.0, LODE_UNIT_KOZ, LODE_UNIT_KG, &result));
  g_assert_cmpfloat_with_epsilon (result, 31.1034768, 1e-9);
  g_assert_true (lode_unit_convert (1.0, LODE_UNIT_MOZ, LODE_UNIT_KOZ, &result));
  g_assert_cmpfloat_with_epsilon (result, 1000.0, 1e-9);
  g_assert_true (lode_unit_convert (1.0, LODE_UNIT_KG, LODE_UNIT_OZ, &result));
  g_assert_cmpfloat_with_epsilon (result, 32.1507465686, 1e-9);

  /* Metric carats. */
  g_assert_true (lode_unit_convert (5.0, LODE_UNIT_CT, LODE_UNIT_KG, &result));
  g_assert_cmpfloat_with_epsilon (result, 0.001, 1e-15);
  g_assert_true (lode_unit_convert (1.0, LODE_UNIT_KG, LODE_UNIT_CT, &result));
  g_assert_cmpfloat_with_epsilon (result, 5000.0, 1e-9);

  /* Volume converts to itself only. */
  g_assert_true (lode_unit_convert (2.5, LODE_UNIT_M3, LODE_UNIT_M3, &result));
  g_assert_cmpfloat (result, ==, 2.5);

  result = -1.0;
  g_assert_false (lode_unit_convert (2.5, LODE_UNIT_M3, LODE_UNIT_T, &result));
  g_assert_false (lode_unit_convert (2.5, LODE_UNIT_T, LODE_UNIT_M3, &result));
  g_assert_false (lode_unit_convert (2.5, LODE_UNIT_NONE, LODE_UNIT_NONE, &result));
  g_assert_false (lode_unit_convert (2.5, LODE_UNIT_NONE, LODE_UNIT_T, &result));
  g_assert_false (lode_unit_convert (2.5, LODE_UNIT_KG, LODE_UNIT_NONE, &result));
  g_assert_cmpfloat (result, ==, -1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/money/from-double/exact", test_from_double_exact);
  g_test_add_func ("/lode/money/from-double/refused", test_from_double_refused);
  g_test_add_func ("/lode/money/from-double/huge", test_from_double_huge);
  g_test_add_func ("/lode/money/to-double", test_to_double);
  g_test_add_func ("/lode/money/to-json", test_to_json);
  g_test_add_func ("/lode/money/append-json/round-trip", test_append_json_round_trip);
  g_test_add_func ("/lode/money/format-short", test_format_short);
  g_test_add_func ("/lode/money/format-full", test_format_full);
  g_test_add_func ("/lode/units/mass", test_units_mass);
  g_test_add_func ("/lode/units/convert", test_units_convert);

  return g_test_run ();
}
