/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-chart [--records N] [--frames F] [--width W] [--height H]
 *
 * Measures the charts over a portfolio of N synthetic export records
 * (monthly flows of forty minerals to sixty destinations over twenty
 * years): the one aggregation pass, then the time to draw a frame of each
 * chart from the aggregates. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "lode-chart.h"

/* CPU time of this thread, in µs: on a shared machine, what the work
 * itself cost, whatever else ran. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static LodePortfolio *
synthetic_portfolio (guint   n_records,
                     guint32 seed)
{
  LodePortfolio *portfolio = lode_portfolio_new ("Synthetic");
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  GListStore *minerals = lode_portfolio_get_minerals (portfolio);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  char ids[40][16];
  char destinations[60][3];
  const char *interned_ids[40];
  const char *interned_destinations[60];
  g_autoptr(LodeTarget) target = lode_target_new ("exports-2030", "Exports");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(LodeMineral) mineral = NULL;
      g_autofree char *name = g_strdup_printf ("Mineral %u", i);

      g_snprintf (ids[i], sizeof ids[i], "mineral-%u", i);
      mineral = lode_mineral_new (ids[i], name, LODE_MINERAL_GROUP_OTHER);
      g_list_store_append (minerals, mineral);
    }
  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    {
      destinations[i][0] = 'A' + i / 26;
      destinations[i][1] = 'A' + i % 26;
      destinations[i][2] = '\0';
    }

  lode_target_set_baseline_year (target, 2010);
  lode_target_set_baseline_value (target, G_GINT64_CONSTANT (200000000000000));
  lode_target_set_target_year (target, 2030);
  lode_target_set_target_low (target, G_GINT64_CONSTANT (600000000000000));
  lode_target_set_target_high (target, G_GINT64_CONSTANT (800000000000000));
  g_list_store_append (lode_portfolio_get_targets (portfolio), target);

  /* Interned once up front. The first call on a new string may return
   * before the table settles, so the pointer kept is the second one's. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      lode_export_table_intern (table, ids[i]);
      interned_ids[i] = lode_export_table_intern (table, ids[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    {
      lode_export_table_intern (table, destinations[i]);
      interned_destinations[i] = lode_export_table_intern (table, destinations[i]);
    }

  lode_export_table_reserve (table, n_records);
  for (guint i = 0; i < n_records; i++)
    {
      LodeExportRow row = { 0 };
      /* Skewed: a few minerals and destinations carry most of the value. */
      guint m = (guint) (G_N_ELEMENTS (ids) * pow (g_rand_double (rand), 2.0));
      guint d = (guint) (G_N_ELEMENTS (destinations) * pow (g_rand_double (rand), 3.0));

      row.mineral = interned_ids[m];
      row.year = 2006 + g_rand_int_range (rand, 0, 20);
      row.month = g_rand_int_range (rand, 1, 13);
      row.destination = interned_destinations[d];
      row.stage = g_rand_int_range (rand, 0, LODE_N_STAGES);
      row.quantity = LODE_QUANTITY_UNSET;
      row.value = g_rand_int_range (rand, 100, 100000000);
      lode_export_table_append_silent (table, &row);
    }

  return portfolio;
}

int
main (int    argc,
      char **argv)
{
  int records = 1000000;
  int frames = 20;
  int width = 1200;
  int height = 600;
  const GOptionEntry entries[] = {
    { "records", 0, 0, G_OPTION_ARG_INT, &records, "Export records", "N" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames drawn of each chart", "F" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width of a frame", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height of a frame", "H" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(LodeChartData) data = NULL;
  cairo_surface_t *surface;
  gint64 start;
  gint64 cpu_start;
  double aggregate_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || records < 0 || frames < 1 ||
      width < 100 || height < 100)
    {
      g_printerr ("bench-chart: %s\n", error != NULL ? error->message : "bad arguments");
      return 2;
    }

  start = g_get_monotonic_time ();
  portfolio = synthetic_portfolio (records, 1);
  printf ("records: %d (built in %.0f ms)\n", records, (g_get_monotonic_time () - start) / 1e3);

  start = g_get_monotonic_time ();
  cpu_start = cpu_time ();
  data = lode_chart_data_new (portfolio);
  aggregate_ms = (g_get_monotonic_time () - start) / 1e3;
  printf ("aggregation, one pass: %.1f ms, CPU %.1f ms (%.1f ns a record)\n",
          aggregate_ms, (cpu_time () - cpu_start) / 1e3,
          records > 0 ? aggregate_ms * 1e6 / records : 0.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cairo_surface_set_device_scale (surface, 2, 2);

  for (guint k = 0; k < LODE_N_CHART_KINDS; k++)
    {
      for (guint monthly = 0; monthly <= (k == LODE_CHART_EXPORTS_OVER_TIME ? 1u : 0u); monthly++)
        {
          g_autoptr(LodeChart) chart = lode_chart_new (k, data);
          double best = G_MAXDOUBLE, total = 0, cpu = 0;

          lode_chart_set_monthly (chart, monthly);
          for (int f = 0; f < frames; f++)
            {
              cairo_t *cr = cairo_create (surface);
              gint64 t = g_get_monotonic_time ();
              gint64 c = cpu_time ();

              lode_chart_render (chart, cr, width, height);
              cairo_surface_flush (surface);
              t = g_get_monotonic_time () - t;
              cpu += cpu_time () - c;
              cairo_destroy (cr);
              total += t;
              best = MIN (best, t);
            }

          printf ("draw %-18s%s %dx%d at scale 2: mean %.2f ms, best %.2f ms, CPU %.2f ms, %u items\n",
                  lode_chart_kind_get_name (k), monthly ? " (monthly)" : "          ",
                  width, height, total / frames / 1e3, best / 1e3, cpu / frames / 1e3,
                  lode_chart_get_n_items (chart));
        }
    }

  cairo_surface_destroy (surface);

  return 0;
}
