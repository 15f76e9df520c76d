/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-chart.h"
#include "lode-rules.h"

#include "lode-cli-chart.h"

#define DEFAULT_WIDTH  800
#define DEFAULT_HEIGHT 450
#define MAX_SIDE       20000

void
lode_cli_chart_options_clear (LodeCliChartOptions *options)
{
  g_clear_pointer (&options->chart, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->target, g_free);
  g_clear_pointer (&options->mineral, g_free);
  g_clear_pointer (&options->fiscal_year_start, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->currency, g_free);
}

GOptionEntry *
lode_cli_chart_entries (LodeCliChartOptions *options)
{
  const GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &options->list, N_("List the charts and exit"), NULL },
    { "chart", 'c', 0, G_OPTION_ARG_STRING, &options->chart, N_("The chart to draw"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, N_("The file to write: .png, .svg or .pdf"), N_("OUT") },
    { "width", 0, 0, G_OPTION_ARG_INT, &options->width, N_("Width in points (default 800)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &options->height, N_("Height in points (default 450)"), N_("H") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &options->scale, N_("Pixels a point in PNG files (default 1; 2 for HiDPI)"), N_("S") },
    { "target", 't', 0, G_OPTION_ARG_STRING, &options->target, N_("The target of target-progress (default the first)"), N_("ID") },
    { "mineral", 0, 0, G_OPTION_ARG_STRING, &options->mineral, N_("The mineral of production-and-exports (default the largest exports with production)"), N_("ID") },
    { "monthly", 'm', 0, G_OPTION_ARG_NONE, &options->monthly, N_("Exports over time by month"), NULL },
    { "dark", 'd', 0, G_OPTION_ARG_NONE, &options->dark, N_("Colours for a dark background"), NULL },
    { "fiscal-year-start", 0, 0, G_OPTION_ARG_STRING, &options->fiscal_year_start,
      N_("Count by fiscal years starting in MONTH (1–12) rather than by calendar years"), N_("MONTH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from,
      N_("The year or fiscal year largest-movers compares from (default the one before the last)"), N_("PERIOD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      N_("The year or fiscal year largest-movers compares with it (default the last)"), N_("PERIOD") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &options->currency,
      N_("The exports in CODE at the portfolio's exchange rates, records without a rate left out and said"),
      N_("CODE") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

const char *
lode_cli_chart_description (void)
{
  return _("Draws chart NAME of the portfolio FILE into OUT, a PNG, SVG or PDF\n"
           "file by its extension: the same picture as in the window. Run\n"
           "“lode-cli chart --list” for the names of the charts.\n"
           "\n"
           "Exit status: 0 on success, 1 if FILE does not load or OUT cannot be\n"
           "written, 2 on wrong usage (such as an unknown chart).");
}

char *
lode_cli_chart_list (void)
{
  GString *out = g_string_new (NULL);
  int width = 0;

  for (guint i = 0; i < LODE_N_CHART_KINDS; i++)
    width = MAX (width, (int) strlen (lode_chart_kind_get_name (i)));

  for (guint i = 0; i < LODE_N_CHART_KINDS; i++)
    g_string_append_printf (out, "%-*s  %s\n", width, lode_chart_kind_get_name (i),
                            lode_chart_kind_get_description (i));

  return g_string_free (out, FALSE);
}

static gboolean
parse_month (const char *text,
             int        *month)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 12, &value, NULL))
    return FALSE;

  *month = (int) value;

  return TRUE;
}

static gboolean
has_chart_suffix (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL &&
         (g_ascii_strcasecmp (dot, ".png") == 0 ||
          g_ascii_strcasecmp (dot, ".svg") == 0 ||
          g_ascii_strcasecmp (dot, ".pdf") == 0);
}

gboolean
lode_cli_chart_check (LodeCliChartOptions  *options,
                      char                **message)
{
  const char *why = NULL;
  int month;

  if (options->chart == NULL)
    *message = g_strdup (_("missing --chart NAME"));
  else if (!lode_chart_kind_from_name (options->chart, NULL))
    *message = g_strdup_printf (_("unknown chart “%s” (see --list)"), options->chart);
  else if (options->output == NULL)
    *message = g_strdup (_("missing --output OUT"));
  else if (!has_chart_suffix (options->output))
    *message = g_strdup_printf (_("%s: unsupported output format (use .png, .svg or .pdf)"), options->output);
  else if (options->width < 0 || options->width > MAX_SIDE || options->height < 0 || options->height > MAX_SIDE ||
           (options->width > 0 && options->width < 100) || (options->height > 0 && options->height < 100))
    *message = g_strdup_printf (_("width and height must be between %d and %d"), 100, MAX_SIDE);
  else if (options->scale != 0 && (options->scale < 0.5 || options->scale > 4))
    *message = g_strdup (_("scale must be between 0.5 and 4"));
  else if (options->currency != NULL && strcmp (options->currency, LODE_CURRENCY_USD) != 0 &&
           !lode_rule_currency_code (options->currency, &why))
    *message = g_strdup_printf ("--currency: “%s”: %s", options->currency, why);
  else if (options->fiscal_year_start != NULL && !parse_month (options->fiscal_year_start, &month))
    *message = g_strdup_printf (_("--fiscal-year-start: “%s” is not a month from 1 to 12"),
                                options->fiscal_year_start);
  else if ((options->from != NULL || options->to != NULL) && !g_str_equal (options->chart, "largest-movers"))
    *message = g_strdup (_("--from and --to are for the chart largest-movers"));
  else if ((options->from == NULL) != (options->to == NULL))
    *message = g_strdup (_("--from and --to go together"));
  else
    return TRUE;

  return FALSE;
}

gboolean
lode_cli_chart_write (LodePortfolio        *portfolio,
                      LodeCliChartOptions  *options,
                      GError              **error)
{
  g_autoptr(LodeConverter) converter = NULL;
  g_autoptr(LodeChartData) data = NULL;
  g_autoptr(LodeChart) chart = NULL;
  LodeChartKind kind;
  int start_month = 1;

  if (!lode_chart_kind_from_name (options->chart, &kind))
    g_return_val_if_reached (FALSE);

  if (options->fiscal_year_start != NULL && !parse_month (options->fiscal_year_start, &start_month))
    g_return_val_if_reached (FALSE);

  if (options->currency != NULL)
    converter = lode_portfolio_new_converter (portfolio, options->currency);
  data = lode_chart_data_new_converted (portfolio, start_month, converter);
  chart = lode_chart_new (kind, data);

  /* Periods as the summary names them: fiscal years of the month given,
   * else of the portfolio's. */
  if (options->from != NULL && options->to != NULL)
    {
      int fiscal = options->fiscal_year_start != NULL ? start_month
                                                      : lode_portfolio_get_fiscal_year_start (portfolio);
      LodePeriod periods[2];
      const char *texts[2] = { options->from, options->to };

      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GError) local_error = NULL;

          if (!lode_period_parse (texts[i], fiscal, &periods[i], &local_error))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "%s: %s", i == 0 ? "--from" : "--to", local_error->message);
              return FALSE;
            }
        }
      lode_chart_set_periods (chart, &periods[0], &periods[1]);
    }
  lode_chart_set_monthly (chart, options->monthly);
  lode_chart_set_dark (chart, options->dark);

  if (options->target != NULL)
    {
      guint i;

      for (i = 0; i < data->targets->len; i++)
        {
          LodeChartTarget *target = g_ptr_array_index (data->targets, i);

          if (g_strcmp0 (target->id, options->target) == 0)
            break;
        }

      if (i == data->targets->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("no target “%s” in the portfolio"), options->target);
          return FALSE;
        }
      lode_chart_set_target (chart, i);
    }

  if (options->mineral != NULL)
    {
      if (lode_chart_data_find_mineral (data, options->mineral) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("no mineral “%s” in the portfolio"), options->mineral);
          return FALSE;
        }
      lode_chart_set_mineral (chart, options->mineral);
    }

  return lode_chart_write_file (chart, options->output,
                                options->width > 0 ? options->width : DEFAULT_WIDTH,
                                options->height > 0 ? options->height : DEFAULT_HEIGHT,
                                options->scale > 0 ? options->scale : 1.0,
                                error);
}
