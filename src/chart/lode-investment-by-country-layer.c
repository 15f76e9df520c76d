/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-chart-layer-private.h"
#include "lode-investment-by-country-layer.h"

/* Horizontal bars of the investments of each investor country, largest
 * first, stacked by kind; beyond twelve countries the smallest share the
 * last bar. */

struct _LodeInvestmentByCountryLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeInvestmentByCountryLayer, lode_investment_by_country_layer, LODE_TYPE_CHART_LAYER)

static const char *
investor_name (const LodeChartInvestor *investor)
{
  if (investor->country == NULL)
    return _("Country not given");

  return _lode_chart_destination_name (investor->country);
}

static void
lode_investment_by_country_layer_render (LodeChartLayer   *layer,
                                         LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartLegendEntry legend[LODE_N_INVESTMENT_KINDS];
  g_autofree char *subtitle = NULL;
  guint n_legend = _lode_chart_investment_legend (data->investment_kinds, legend);
  LodeChartBarRow *rows = g_new0 (LodeChartBarRow, LODE_CHART_MAX_BARS);
  guint n_investors = data->investors->len;
  guint n_rows = 0;

  for (guint i = 0; i < n_investors && n_rows < LODE_CHART_MAX_BARS; i++)
    {
      const LodeChartInvestor *investor = &g_array_index (data->investors, LodeChartInvestor, i);

      if (n_investors > LODE_CHART_MAX_BARS && n_rows == LODE_CHART_MAX_BARS - 1)
        {
          LodeMoney rest[LODE_N_INVESTMENT_KINDS] = { 0, };
          g_autofree char *name = NULL;

          for (guint j = i; j < n_investors; j++)
            for (guint k = 0; k < LODE_N_INVESTMENT_KINDS; k++)
              rest[k] += g_array_index (data->investors, LodeChartInvestor, j).kinds[k];
          name = g_strdup_printf (g_dngettext (NULL, "%u other country", "%u other countries", n_investors - i),
                                  n_investors - i);
          _lode_chart_investment_row (&rows[n_rows++], data, name, rest, 0);
          break;
        }

      _lode_chart_investment_row (&rows[n_rows++], data, investor_name (investor), investor->kinds, 0);
    }

  /* TRANSLATORS: the subtitle of the chart of investment by investor
   * country; the second in another currency, %s its code */
  if (n_rows == 0)
    subtitle = g_strdup (_("No investments"));
  else if (data->currency == NULL)
    subtitle = g_strdup (_("US dollars, all years, stacked by kind"));
  else
    subtitle = _lode_chart_investment_subtitle (data, g_strdup_printf (_("%s, all years, stacked by kind"),
                                                                       data->currency));
  _lode_chart_draw_header (context, subtitle, legend, n_legend);
  if (n_rows == 0)
    _lode_chart_draw_empty (context, _("No investments with an amount"));
  else
    _lode_chart_layer_draw_bars (layer, context, rows, n_rows);

  _lode_chart_bar_rows_free (rows, LODE_CHART_MAX_BARS);
}

static guint
lode_investment_by_country_layer_describe (LodeChartLayer *layer,
                                           GString        *text)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  guint n = 0;

  for (guint i = 0; i < data->investors->len && n < 3; i++, n++)
    {
      const LodeChartInvestor *investor = &g_array_index (data->investors, LodeChartInvestor, i);
      g_autofree char *money = lode_chart_data_format_investment (data, investor->total);

      if (n == 0)
        /* TRANSLATORS: the first of the largest investors, "Largest: China $2 B" */
        g_string_append_printf (text, _("Largest: %s %s"), investor_name (investor), money);
      else
        g_string_append_printf (text, _(", %s %s"), investor_name (investor), money);
    }

  return n;
}

static GPtrArray *
lode_investment_by_country_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  GPtrArray *table = _lode_chart_table_new ();

  _lode_chart_table_add_row (table, g_strdup (_("Investor Country")), g_strdup (_("Kind")),
                             _lode_chart_investment_value_header (data), NULL);
  for (guint i = 0; i < data->investors->len; i++)
    {
      const LodeChartInvestor *investor = &g_array_index (data->investors, LodeChartInvestor, i);

      for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
        if (investor->kinds[k] > 0)
          _lode_chart_table_add_row (table, g_strdup (investor->country != NULL ? investor->country : ""),
                                     g_strdup (lode_investment_kind_get_name (k)),
                                     lode_money_to_json (investor->kinds[k]), NULL);
    }

  return table;
}

static gboolean
lode_investment_by_country_layer_get_n_rows (LodeChartLayer *layer,
                                             guint          *n_rows)
{
  *n_rows = MIN (lode_chart_layer_get_data (layer)->investors->len, LODE_CHART_MAX_BARS);

  return TRUE;
}

static void
lode_investment_by_country_layer_class_init (LodeInvestmentByCountryLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->render = lode_investment_by_country_layer_render;
  layer_class->describe = lode_investment_by_country_layer_describe;
  layer_class->get_table = lode_investment_by_country_layer_get_table;
  layer_class->investment = TRUE;
  layer_class->get_n_rows = lode_investment_by_country_layer_get_n_rows;
}

static void
lode_investment_by_country_layer_init (LodeInvestmentByCountryLayer *self)
{
}
