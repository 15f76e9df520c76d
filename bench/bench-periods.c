/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "lode-compare.h"
#include "lode-exchange-rate.h"
#include "lode-periods.h"

/* bench-periods: the CPU time of the exports by fiscal year (July start),
 * of two fiscal years compared by mineral, and of the exports by fiscal
 * year in rupees (a rate a month, exact products rounded once), over
 * tables of monthly records, beside the same sums in Python over a list
 * of tuples with a dict, as an analyst would write them (Python's
 * integers are exact too). Building the records is not timed on either
 * side. */

static const char *python_script =
  "import random, sys, time\n"
  "n = int(sys.argv[1])\n"
  "random.seed(14)\n"
  "minerals = ['copper', 'chromite', 'gold', 'iron-ore', 'coal']\n"
  "rows = [(random.randrange(2020, 2026), random.randrange(1, 13),\n"
  "         random.randrange(0, 10**12), minerals[i % 5]) for i in range(n)]\n"
  "t = time.process_time()\n"
  "totals = {}\n"
  "for year, month, value, mineral in rows:\n"
  "    fy = year if month >= 7 else year - 1\n"
  "    c, v = totals.get(fy, (0, 0))\n"
  "    totals[fy] = (c + 1, v + value)\n"
  "print('totals', time.process_time() - t)\n"
  "t = time.process_time()\n"
  "sides = ({}, {})\n"
  "for year, month, value, mineral in rows:\n"
  "    fy = year if month >= 7 else year - 1\n"
  "    if fy == 2023 or fy == 2024:\n"
  "        side = sides[fy - 2023]\n"
  "        side[mineral] = side.get(mineral, 0) + value\n"
  "print('compare', time.process_time() - t)\n"
  "rates = {(y, m): 270000000 + 1000 * (12 * (y - 2020) + m) for y in range(2020, 2026)\n"
  "         for m in range(1, 13)}\n"
  "t = time.process_time()\n"
  "sums = {}\n"
  "for year, month, value, mineral in rows:\n"
  "    fy = year if month >= 7 else year - 1\n"
  "    sums[fy] = sums.get(fy, 0) + value * rates[(year, month)]\n"
  "rounded = {fy: (s + 500000) // 1000000 for fy, s in sums.items()}\n"
  "print('convert', time.process_time() - t)\n";

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
time_python (guint   n,
             double *totals,
             double *compare,
             double *convert)
{
  g_autofree char *count = g_strdup_printf ("%u", n);
  const char *argv[] = { "/usr/bin/python3", "-c", python_script, count, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  *totals = *compare = *convert = -1;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "totals "))
        *totals = g_ascii_strtod (lines[i] + 7, NULL);
      else if (g_str_has_prefix (lines[i], "compare "))
        *compare = g_ascii_strtod (lines[i] + 8, NULL);
      else if (g_str_has_prefix (lines[i], "convert "))
        *convert = g_ascii_strtod (lines[i] + 8, NULL);
    }
}

static void
print_row (const char *what,
           guint       n,
           double      lode,
           double      python)
{
  if (python >= 0)
    g_print ("%-10s %10u %10.4f %10.4f %8.1fx\n", what, n, lode, python, python / MAX (lode, 1e-6));
  else
    g_print ("%-10s %10u %10.4f %10s %9s\n", what, n, lode, "–", "–");
}

int
main (int    argc,
      char **argv)
{
  static const char * const minerals[] = { "copper", "chromite", "gold", "iron-ore", "coal" };
  g_autofree char *sizes_text = g_strdup ("100000,1000000");
  g_auto(GStrv) sizes = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Numbers of records (default 100000,1000000)", "N,…" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-periods: %s\n", error->message);
      return 2;
    }

  g_print ("CPU seconds\n");
  g_print ("%-10s %10s %10s %10s %9s\n", "work", "records", "lode", "python", "ratio");

  sizes = g_strsplit (sizes_text, ",", -1);
  for (guint s = 0; sizes[s] != NULL; s++)
    {
      guint n = strtoul (sizes[s], NULL, 10);
      g_autoptr(LodeExportTable) table = lode_export_table_new ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (14);
      g_autoptr(LodePeriodTotals) totals = NULL;
      g_autoptr(LodeComparison) comparison = NULL;
      LodePeriod first = { 2023, 7 };
      LodePeriod second = { 2024, 7 };
      double start, lode_totals, lode_compare, python_totals, python_compare;
      double lode_convert, python_convert;
      g_autoptr(GListStore) rates = g_list_store_new (LODE_TYPE_EXCHANGE_RATE);
      g_autoptr(LodeConverter) converter = NULL;
      g_autoptr(GArray) converted = NULL;

      lode_export_table_reserve (table, n);
      for (guint i = 0; i < n; i++)
        {
          LodeExportRow row = {
            .mineral = minerals[i % G_N_ELEMENTS (minerals)],
            .year = g_rand_int_range (rand, 2020, 2026),
            .month = g_rand_int_range (rand, 1, 13),
            .stage = LODE_STAGE_UNKNOWN,
            .quantity = LODE_QUANTITY_UNSET,
            .unit = LODE_UNIT_NONE,
            .value = (LodeMoney) g_rand_int_range (rand, 0, 1000000) * 1000000,
          };

          lode_export_table_append_silent (table, &row);
        }

      start = cpu_seconds ();
      totals = lode_period_totals_new (table, 7);
      lode_totals = cpu_seconds () - start;

      start = cpu_seconds ();
      comparison = lode_comparison_new (table, LODE_EXPORT_FIELD_MINERAL, &first, &second);
      lode_compare = cpu_seconds () - start;

      for (int y = 2020; y < 2026; y++)
        for (int m = 1; m <= 12; m++)
          {
            g_autoptr(LodeExchangeRate) rate =
              lode_exchange_rate_new ("PKR", y, 270000000 + 1000 * (12 * (y - 2020) + m));

            lode_exchange_rate_set_month (rate, m);
            g_list_store_append (rates, rate);
          }
      converter = lode_converter_new (G_LIST_MODEL (rates), "PKR", 7);
      start = cpu_seconds ();
      converted = lode_converter_period_totals (converter, table, totals, 7);
      lode_convert = cpu_seconds () - start;

      time_python (n, &python_totals, &python_compare, &python_convert);
      print_row ("by-fy", n, lode_totals, python_totals);
      print_row ("compare", n, lode_compare, python_compare);
      print_row ("by-fy-pkr", n, lode_convert, python_convert);
    }

  return 0;
}
