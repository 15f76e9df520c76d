/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-chart-layer-private.h"
#include "lode-investment-by-year-layer.h"

/* Horizontal bars of the investments of each year, the latest twelve
 * years with investments, oldest first, stacked by kind: announced,
 * agreed, committed, disbursed and withdrawn. In fiscal years, an event
 * dated to a month or a day is in its fiscal year; one dated to a year
 * alone is in none, and the subtitle says how many. */

struct _LodeInvestmentByYearLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeInvestmentByYearLayer, lode_investment_by_year_layer, LODE_TYPE_CHART_LAYER)

static const LodeMoney *
year_amounts (LodeChartData *data,
              int            year)
{
  return &data->investment_years[(year - data->investment_first_year) * LODE_N_INVESTMENT_KINDS];
}

static gboolean
year_has_investments (LodeChartData *data,
                      int            year)
{
  const LodeMoney *amounts = year_amounts (data, year);

  for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
    if (amounts[k] > 0)
      return TRUE;

  return FALSE;
}

static guint
count_years (LodeChartData *data)
{
  guint n = 0;

  for (int year = data->investment_first_year; data->investment_first_year != 0 && year <= data->investment_last_year; year++)
    n += year_has_investments (data, year);

  return n;
}

static void
lode_investment_by_year_layer_render (LodeChartLayer   *layer,
                                      LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartLegendEntry legend[LODE_N_INVESTMENT_KINDS];
  guint n_legend = _lode_chart_investment_legend (data->investment_kinds, legend);
  LodeChartBarRow *rows = g_new0 (LodeChartBarRow, LODE_CHART_MAX_BARS);
  guint n_years = count_years (data);
  guint skip = n_years > LODE_CHART_MAX_BARS ? n_years - LODE_CHART_MAX_BARS : 0;
  guint n_rows = 0;
  g_autofree char *subtitle = NULL;

  for (int year = data->investment_first_year; data->investment_first_year != 0 && year <= data->investment_last_year; year++)
    {
      g_autofree char *name = NULL;

      if (!year_has_investments (data, year))
        continue;
      /* The latest years when there are more than the chart shows. */
      if (skip > 0)
        {
          skip--;
          continue;
        }
      name = lode_chart_data_dup_period_name (data, year);
      _lode_chart_investment_row (&rows[n_rows++], data, name, year_amounts (data, year), year);
    }

  if (n_rows == 0)
    subtitle = g_strdup (_("No investments"));
  else if (data->start_month != 1)
    /* TRANSLATORS: the subtitle of the chart of investment by fiscal
     * year; the second in another currency, %s its code */
    subtitle = _lode_chart_investment_subtitle (data, data->currency == NULL
                                                      ? g_strdup (_("US dollars, each fiscal year stacked by kind"))
                                                      : g_strdup_printf (_("%s, each fiscal year stacked by kind"),
                                                                         data->currency));
  else
    /* TRANSLATORS: the subtitle of the chart of investment by year; the
     * second in another currency, %s its code */
    subtitle = _lode_chart_investment_subtitle (data, data->currency == NULL
                                                      ? g_strdup (_("US dollars, each year stacked by kind"))
                                                      : g_strdup_printf (_("%s, each year stacked by kind"),
                                                                         data->currency));

  if (data->n_investments_unplaced > 0)
    {
      g_autofree char *count = lode_format_count (data->n_investments_unplaced);
      char *said;

      /* TRANSLATORS: a chart's subtitle, then how many investments dated
       * only to a year it leaves out: "US dollars, each fiscal year
       * stacked by kind; 3 investments dated only to a year not placed" */
      said = g_strdup_printf (g_dngettext (NULL,
                                           "%s; %s investment dated only to a year not placed",
                                           "%s; %s investments dated only to a year not placed",
                                           data->n_investments_unplaced),
                              subtitle, count);
      g_free (subtitle);
      subtitle = said;
    }

  _lode_chart_draw_header (context, subtitle, legend, n_legend);
  if (n_rows == 0)
    _lode_chart_draw_empty (context, _("No investments with a year and an amount"));
  else
    _lode_chart_layer_draw_bars (layer, context, rows, n_rows);

  _lode_chart_bar_rows_free (rows, LODE_CHART_MAX_BARS);
}

static guint
lode_investment_by_year_layer_describe (LodeChartLayer *layer,
                                        GString        *text)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  g_autofree char *committed = lode_chart_data_format_investment (data,
                                                                  data->investment_kinds[LODE_INVESTMENT_KIND_COMMITTED]);
  g_autofree char *disbursed = lode_chart_data_format_investment (data,
                                                                  data->investment_kinds[LODE_INVESTMENT_KIND_DISBURSED]);

  /* TRANSLATORS: what a chart of investment says to a screen reader */
  g_string_append_printf (text, _("Committed in all: %s, disbursed: %s"), committed, disbursed);

  return 1;
}

static GPtrArray *
lode_investment_by_year_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  GPtrArray *table = _lode_chart_table_new ();

  _lode_chart_table_add_row (table, g_strdup (data->start_month != 1 ? _("Fiscal year") : _("Year")),
                             g_strdup (_("Kind")), _lode_chart_investment_value_header (data), NULL);
  for (int year = data->investment_first_year; data->investment_first_year != 0 && year <= data->investment_last_year; year++)
    {
      const LodeMoney *amounts = year_amounts (data, year);

      for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
        if (amounts[k] > 0)
          _lode_chart_table_add_row (table, lode_chart_data_dup_period_name (data, year),
                                     g_strdup (lode_investment_kind_get_name (k)),
                                     lode_money_to_json (amounts[k]), NULL);
    }

  return table;
}

static gboolean
lode_investment_by_year_layer_get_n_rows (LodeChartLayer *layer,
                                          guint          *n_rows)
{
  *n_rows = MIN (count_years (lode_chart_layer_get_data (layer)), LODE_CHART_MAX_BARS);

  return TRUE;
}

static void
lode_investment_by_year_layer_class_init (LodeInvestmentByYearLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->render = lode_investment_by_year_layer_render;
  layer_class->describe = lode_investment_by_year_layer_describe;
  layer_class->get_table = lode_investment_by_year_layer_get_table;
  layer_class->investment = TRUE;
  layer_class->get_n_rows = lode_investment_by_year_layer_get_n_rows;
}

static void
lode_investment_by_year_layer_init (LodeInvestmentByYearLayer *self)
{
}
