/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-chart [--records N] [--frames F] [--width W] [--height H]
 * bench-chart --gallery DIR [PORTFOLIO.json...]
 *
 * Measures the charts over a portfolio of N synthetic export records
 * (monthly flows of forty minerals to sixty destinations over twenty
 * years): the one aggregation pass, in US dollars and in a currency at
 * yearly rates, then the time to draw a frame of each chart from the
 * aggregates.
 *
 * With --gallery, draws every chart of each portfolio given (the built-in
 * sample when none is) into DIR instead: light and dark, left to right
 * and mirrored, PNG at scale 1 and 2 and SVG, with a text file of what
 * the chart says of itself and of each item. Two galleries drawn by two
 * versions of the renderer compare file by file. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lode-exchange-rate.h"
#include "lode-portfolio-io.h"

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

static gboolean
write_picture (LodeChart   *chart,
               const char  *dir,
               const char  *stem,
               const char  *variant,
               const char  *extension,
               double       width,
               double       height,
               double       scale,
               GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.%s", stem, variant, extension);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return lode_chart_write_file (chart, path, width, height, scale, error);
}

/* What the chart says: its title, its description, each item where it was
 * drawn and what it tells, the items the pointer finds, and its CSV. */
static gboolean
write_words (LodeChart   *chart,
             const char  *dir,
             const char  *stem,
             const char  *variant,
             double       width,
             double       height,
             GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.txt", stem, variant);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *description = lode_chart_describe (chart);
  g_autofree char *csv = lode_chart_to_csv (chart);
  g_autoptr(GString) out = g_string_new (NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  lode_chart_render (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_string_append_printf (out, "%s\n%s\n", lode_chart_get_title (chart), description);
  for (guint i = 0; i < lode_chart_get_n_items (chart); i++)
    {
      const LodeChartItem *item = lode_chart_get_item (chart, i);
      g_autofree char *text = lode_chart_describe_item (chart, i);

      g_string_append_printf (out, "item %u kind %d at %.3f,%.3f %.3fx%.3f slice %.3f,%.3f %.3f-%.3f %.4f-%.4f "
                              "series %d mineral %s destination %s stage %d %d-%d: %s\n",
                              i, item->kind, item->x, item->y, item->width, item->height,
                              item->cx, item->cy, item->inner, item->outer, item->start, item->end,
                              item->series, item->mineral, item->destination, item->stage,
                              item->year, item->month, text);
    }
  for (double y = 0; y < height; y += 7)
    for (double x = 0; x < width; x += 7)
      {
        int hit = lode_chart_hit_test (chart, x, y);

        if (hit >= 0)
          g_string_append_printf (out, "hit %.0f,%.0f %d\n", x, y, hit);
      }
  g_string_append (out, csv);

  return g_file_set_contents (path, out->str, out->len, error);
}

static gboolean
write_gallery (LodePortfolio  *portfolio,
               const char     *dir,
               const char     *name,
               GError        **error)
{
  g_autoptr(LodeChartData) data = lode_chart_data_new (portfolio);
  static const struct
  {
    double width, height;
  } sizes[] = { { 800, 450 }, { 320, 320 } };

  for (guint k = 0; k < LODE_N_CHART_KINDS; k++)
    {
      guint n_targets = k == LODE_CHART_TARGET_PROGRESS ? MAX (data->targets->len, 1) : 1;

      for (guint t = 0; t < n_targets; t++)
        for (guint monthly = 0; monthly <= 1; monthly++)
          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            {
              g_autoptr(LodeChart) chart = lode_chart_new (k, data);
              g_autofree char *stem = g_strdup_printf ("%s-%s-%u-%s-%.0fx%.0f", name,
                                                       lode_chart_kind_get_name (k), t,
                                                       monthly ? "monthly" : "yearly",
                                                       sizes[s].width, sizes[s].height);
              double width = sizes[s].width;
              double height = sizes[s].height;

              lode_chart_set_target (chart, t);
              lode_chart_set_monthly (chart, monthly);

              for (guint dark = 0; dark <= 1; dark++)
                for (guint rtl = 0; rtl <= 1; rtl++)
                  {
                    g_autofree char *variant = g_strdup_printf ("%s-%s", dark ? "dark" : "light",
                                                                rtl ? "rtl" : "ltr");
                    g_autofree char *highlighted = g_strdup_printf ("%s-highlight", variant);
                    g_autofree char *hidpi = g_strdup_printf ("%s@2", variant);

                    lode_chart_set_dark (chart, dark);
                    lode_chart_set_rtl (chart, rtl);
                    lode_chart_set_highlight (chart, -1);
                    if (!write_picture (chart, dir, stem, variant, "png", width, height, 1, error) ||
                        !write_picture (chart, dir, stem, hidpi, "png", width, height, 2, error) ||
                        !write_picture (chart, dir, stem, variant, "svg", width, height, 1, error) ||
                        !write_words (chart, dir, stem, variant, width, height, error))
                      return FALSE;

                    /* The first and the last item outlined. */
                    for (int h = 0; h < 2 && lode_chart_get_n_items (chart) > 0; h++)
                      {
                        g_autofree char *outlined = g_strdup_printf ("%s-%d", highlighted, h);

                        lode_chart_set_highlight (chart, h == 0 ? 0 : (int) lode_chart_get_n_items (chart) - 1);
                        if (!write_picture (chart, dir, stem, outlined, "png", width, height, 1, error))
                          return FALSE;
                      }
                  }
            }
    }

  return TRUE;
}

static int
gallery (const char  *dir,
         char       **files)
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("LODE_LOCALEDIR");
  guint n = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("bench-chart: %s: %s\n", dir, g_strerror (errno));
      return 1;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();

      if (!write_gallery (sample, dir, "sample", &error))
        goto failed;
      n++;
    }

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(LodePortfolio) portfolio = lode_portfolio_load_file (file, NULL, &error);
      g_autofree char *base = g_path_get_basename (files[i]);
      char *dot = strrchr (base, '.');

      if (portfolio == NULL)
        goto failed;
      if (dot != NULL)
        *dot = '\0';
      if (!write_gallery (portfolio, dir, base, &error))
        goto failed;
      n++;
    }

  printf ("gallery: %u portfolios drawn into %s\n", n, dir);
  return 0;

failed:
  g_printerr ("bench-chart: %s\n", error->message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  int records = 1000000;
  int frames = 20;
  int width = 1200;
  int height = 600;
  g_autofree char *gallery_dir = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "gallery", 0, 0, G_OPTION_ARG_FILENAME, &gallery_dir, "Draw every chart into DIR", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "PORTFOLIO.json…" },
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

  if (gallery_dir != NULL)
    return gallery (gallery_dir, files);

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

  /* The same pass in rupees: a rate for each year but the first, whose
   * records are left out and counted. */
  {
    GListStore *rates = lode_portfolio_get_exchange_rates (portfolio);
    g_autoptr(LodeConverter) converter = NULL;
    g_autoptr(LodeChartData) converted = NULL;

    for (int year = 2007; year < 2026; year++)
      {
        g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("PKR", year, 60000000 + year * 1013);

        g_list_store_append (rates, rate);
      }
    converter = lode_converter_new (G_LIST_MODEL (rates), "PKR", 1);
    start = g_get_monotonic_time ();
    cpu_start = cpu_time ();
    converted = lode_chart_data_new_converted (portfolio, 1, converter);
    aggregate_ms = (g_get_monotonic_time () - start) / 1e3;
    printf ("aggregation in PKR, one pass: %.1f ms, CPU %.1f ms (%.1f ns a record, %u without a rate)\n",
            aggregate_ms, (cpu_time () - cpu_start) / 1e3,
            records > 0 ? aggregate_ms * 1e6 / records : 0.0, converted->n_missing);
  }

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
