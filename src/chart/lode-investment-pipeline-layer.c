/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-chart-layer-private.h"
#include "lode-investment-pipeline-layer.h"

/* The investment pipeline: a bar a step, announced → agreed → committed
 * → disbursed, of the amount that reached it, with its share of what was
 * announced (LodeChartData.pipeline says how a deal reaches a step). */

struct _LodeInvestmentPipelineLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeInvestmentPipelineLayer, lode_investment_pipeline_layer, LODE_TYPE_CHART_LAYER)

static const LodeInvestmentKind step_kinds[LODE_N_PIPELINE_STEPS] = {
  LODE_INVESTMENT_KIND_ANNOUNCED,
  LODE_INVESTMENT_KIND_AGREED,
  LODE_INVESTMENT_KIND_COMMITTED,
  LODE_INVESTMENT_KIND_DISBURSED,
};

/* The share of the first step that reached @step, or NAN. */
static double
step_share (LodeChartData *data,
            guint          step)
{
  if (data->pipeline[LODE_PIPELINE_ANNOUNCED] <= 0)
    return NAN;

  return lode_money_to_double (data->pipeline[step]) /
         lode_money_to_double (data->pipeline[LODE_PIPELINE_ANNOUNCED]);
}

static void
lode_investment_pipeline_layer_render (LodeChartLayer   *layer,
                                       LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartBarRow *rows = g_new0 (LodeChartBarRow, LODE_N_PIPELINE_STEPS);
  g_autofree char *subtitle = NULL;

  for (guint s = 0; s < LODE_N_PIPELINE_STEPS; s++)
    {
      LodeChartBarRow *row = &rows[s];
      g_autofree char *money = lode_chart_data_format_investment (data, data->pipeline[s]);
      g_autofree char *share = lode_chart_format_percent (step_share (data, s));

      row->label = g_strdup (lode_investment_kind_get_name (step_kinds[s]));
      /* TRANSLATORS: what reached a step of the pipeline and its share of
       * what was announced, "$800 M · 80.0 %" */
      row->end_label = s > 0 ? g_strdup_printf (_("%s · %s"), money, share) : g_strdup (money);
      row->n_segments = 1;
      row->values[0] = data->pipeline[s];
      row->series[0] = _lode_chart_investment_series (step_kinds[s]);
      row->stages[0] = LODE_STAGE_UNKNOWN;
      row->item_labels[0] = g_strdup (row->label);
    }

  if (data->withdrawn > 0 && data->currency == NULL)
    {
      g_autofree char *withdrawn = _lode_chart_format_money (data->withdrawn);

      /* TRANSLATORS: the subtitle of the pipeline chart, with the amount withdrawn */
      subtitle = g_strdup_printf (_("US dollars that reached each step, as a share of what was announced; %s withdrawn"),
                                  withdrawn);
    }
  else if (data->withdrawn > 0)
    {
      g_autofree char *withdrawn = lode_chart_data_format_investment (data, data->withdrawn);

      /* TRANSLATORS: the subtitle of the pipeline chart in another currency:
       * its code, then the amount withdrawn, "PKR that reached each step, …; PKR 2 B withdrawn" */
      subtitle = _lode_chart_investment_subtitle (data, g_strdup_printf (_("%s that reached each step, as a share "
                                                                           "of what was announced; %s withdrawn"),
                                                                         data->currency, withdrawn));
    }
  else if (data->currency == NULL)
    {
      subtitle = g_strdup (_("US dollars that reached each step, as a share of what was announced"));
    }
  else
    {
      /* TRANSLATORS: the subtitle of the pipeline chart in another currency, %s its code */
      subtitle = _lode_chart_investment_subtitle (data, g_strdup_printf (_("%s that reached each step, as a share "
                                                                           "of what was announced"),
                                                                         data->currency));
    }

  _lode_chart_draw_header (context, subtitle, NULL, 0);
  if (data->pipeline[LODE_PIPELINE_ANNOUNCED] <= 0)
    _lode_chart_draw_empty (context, _("No investments with an amount"));
  else
    _lode_chart_layer_draw_bars (layer, context, rows, LODE_N_PIPELINE_STEPS);

  _lode_chart_bar_rows_free (rows, LODE_N_PIPELINE_STEPS);
}

static guint
lode_investment_pipeline_layer_describe (LodeChartLayer *layer,
                                         GString        *text)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  g_autofree char *announced = NULL;
  g_autofree char *disbursed = NULL;
  g_autofree char *share = NULL;

  if (data->pipeline[LODE_PIPELINE_ANNOUNCED] <= 0)
    {
      g_string_append (text, _("No investments with an amount"));
      return 0;
    }

  announced = lode_chart_data_format_investment (data, data->pipeline[LODE_PIPELINE_ANNOUNCED]);
  disbursed = lode_chart_data_format_investment (data, data->pipeline[LODE_PIPELINE_DISBURSED]);
  share = lode_chart_format_percent (step_share (data, LODE_PIPELINE_DISBURSED));
  /* TRANSLATORS: what the pipeline chart says to a screen reader */
  g_string_append_printf (text, _("Announced: %s, disbursed: %s (%s)"), announced, disbursed, share);

  return 1;
}

static GPtrArray *
lode_investment_pipeline_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  GPtrArray *table = _lode_chart_table_new ();

  _lode_chart_table_add_row (table, g_strdup (_("Step")), _lode_chart_investment_value_header (data),
                             g_strdup (_("Share of announced")), NULL);
  for (guint s = 0; s < LODE_N_PIPELINE_STEPS; s++)
    {
      double share = step_share (data, s);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      _lode_chart_table_add_row (table, g_strdup (lode_investment_kind_get_name (step_kinds[s])),
                                 lode_money_to_json (data->pipeline[s]),
                                 g_strdup (isnan (share) ? "" : g_ascii_formatd (buffer, sizeof buffer, "%.4f", share)),
                                 NULL);
    }

  return table;
}

static gboolean
lode_investment_pipeline_layer_get_n_rows (LodeChartLayer *layer,
                                           guint          *n_rows)
{
  *n_rows = LODE_N_PIPELINE_STEPS;

  return TRUE;
}

static void
lode_investment_pipeline_layer_class_init (LodeInvestmentPipelineLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->render = lode_investment_pipeline_layer_render;
  layer_class->describe = lode_investment_pipeline_layer_describe;
  layer_class->get_table = lode_investment_pipeline_layer_get_table;
  layer_class->investment = TRUE;
  layer_class->get_n_rows = lode_investment_pipeline_layer_get_n_rows;
}

static void
lode_investment_pipeline_layer_init (LodeInvestmentPipelineLayer *self)
{
}
