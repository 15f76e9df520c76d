/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-stage.h"

#include "lode-chart-layer-private.h"
#include "lode-exports-by-mineral-layer.h"

/* Horizontal bars of the exports of each mineral, all years together,
 * each stacked by processing stage; beyond twelve minerals the smallest
 * share the last bar. */

struct _LodeExportsByMineralLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeExportsByMineralLayer, lode_exports_by_mineral_layer, LODE_TYPE_CHART_LAYER)

/* Stages in the order of the stacks, raw material first. */
static const LodeStage stage_order[LODE_N_STAGES] = {
  LODE_STAGE_ORE, LODE_STAGE_CONCENTRATE, LODE_STAGE_UNREFINED, LODE_STAGE_REFINED,
  LODE_STAGE_PRODUCT, LODE_STAGE_UNKNOWN,
};

/* Each stage keeps its colour: unrefined, added later, takes the next
 * free one rather than shifting refined and product. */
static int
stage_series (LodeStage stage)
{
  switch (stage)
    {
    case LODE_STAGE_ORE:
      return 0;
    case LODE_STAGE_CONCENTRATE:
      return 1;
    case LODE_STAGE_REFINED:
      return 2;
    case LODE_STAGE_PRODUCT:
      return 3;
    case LODE_STAGE_UNREFINED:
      return 4;
    case LODE_STAGE_UNKNOWN:
    default:
      return LODE_CHART_SERIES_OTHER;
    }
}

static guint
count_exporting (LodeChartData *data)
{
  guint n_exporting = 0;

  for (guint i = 0; i < data->minerals->len; i++)
    if (((LodeChartMineral *) g_ptr_array_index (data->minerals, i))->total.count > 0)
      n_exporting++;

  return n_exporting;
}

static void
lode_exports_by_mineral_layer_render (LodeChartLayer   *layer,
                                      LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartLegendEntry legend[LODE_N_STAGES];
  guint n_legend = 0;
  guint n_rows = 0;
  LodeChartBarRow *rows = g_new0 (LodeChartBarRow, LODE_CHART_MAX_BARS);
  g_autofree char *subtitle = NULL;
  LodeChartMineral other = { 0 };
  guint n_exporting = count_exporting (data);

  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      LodeStage stage = stage_order[s];

      if (data->stages[stage].count > 0)
        legend[n_legend++] = (LodeChartLegendEntry) { stage_series (stage), lode_stage_get_name (stage), FALSE };
    }

  /* Beyond LODE_CHART_MAX_BARS minerals, the smallest share the last row. */
  for (guint i = 0; i < data->minerals->len && n_rows < LODE_CHART_MAX_BARS; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);
      LodeChartBarRow *row = &rows[n_rows];

      if (mineral->total.count == 0)
        continue;

      if (n_exporting > LODE_CHART_MAX_BARS && n_rows == LODE_CHART_MAX_BARS - 1)
        {
          for (guint j = i; j < data->minerals->len; j++)
            {
              LodeChartMineral *rest = g_ptr_array_index (data->minerals, j);

              other.total.value += rest->total.value;
              for (guint s = 0; s < LODE_N_STAGES; s++)
                if (rest->stages[s].count > 0)
                  {
                    other.stages[s].value += rest->stages[s].value;
                    other.stages[s].count += rest->stages[s].count;
                  }
            }
          other.name = g_strdup_printf (g_dngettext (NULL, "%u other mineral", "%u other minerals",
                                                     n_exporting - n_rows),
                                        n_exporting - n_rows);
          mineral = &other;
        }

      row->label = g_strdup (mineral->name);
      row->end_label = lode_chart_data_format_short (data, mineral->total.value);
      row->mineral = mineral->id;
      for (guint s = 0; s < LODE_N_STAGES; s++)
        {
          LodeStage stage = stage_order[s];
          guint k = row->n_segments;

          if (mineral->stages[stage].count == 0)
            continue;

          row->values[k] = mineral->stages[stage].value;
          row->series[k] = stage_series (stage);
          row->stages[k] = stage;
          row->sources[k] = mineral->stages[stage].source;
          row->years[k] = mineral->stages[stage].year;
          /* TRANSLATORS: a mineral and a processing stage, "Copper, refined" */
          row->item_labels[k] = g_strdup_printf (_("%s, %s"), mineral->name, lode_stage_get_name (stage));
          row->n_segments++;
        }
      n_rows++;
    }

  /* All the records, in the calendar years they name. */
  if (data->target_first_year == 0)
    subtitle = g_strdup (_("No export records"));
  else if (data->currency != NULL && data->target_first_year == data->target_last_year)
    /* TRANSLATORS: the currency (a code, "PKR") and the year a chart covers */
    subtitle = g_strdup_printf (_("Amounts in %s, %d"), data->currency, data->target_first_year);
  else if (data->currency != NULL)
    /* TRANSLATORS: the currency (a code, "PKR") and the years a chart covers */
    subtitle = g_strdup_printf (_("Amounts in %s, %d–%d, all years together"), data->currency,
                                data->target_first_year, data->target_last_year);
  else if (data->target_first_year == data->target_last_year)
    /* TRANSLATORS: the years a chart covers */
    subtitle = g_strdup_printf (_("US dollars, %d"), data->target_first_year);
  else
    /* TRANSLATORS: the years a chart covers */
    subtitle = g_strdup_printf (_("US dollars, %d–%d, all years together"),
                                data->target_first_year, data->target_last_year);
  subtitle = _lode_chart_add_missing (data, subtitle);

  _lode_chart_draw_header (context, subtitle, legend, n_legend);
  if (n_rows == 0)
    _lode_chart_draw_empty (context, _("No export records"));
  else
    _lode_chart_layer_draw_bars (layer, context, rows, n_rows);

  _lode_chart_bar_rows_free (rows, LODE_CHART_MAX_BARS);
  g_free (other.name);
}

static GPtrArray *
lode_exports_by_mineral_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  GPtrArray *table = _lode_chart_table_new ();

  _lode_chart_table_add_row (table, g_strdup (_("Mineral")), g_strdup (_("Stage")), g_strdup (_("Value (USD)")),
                             g_strdup (_("Records")), g_strdup (_("Source")), NULL);
  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      for (guint s = 0; s < LODE_N_STAGES; s++)
        {
          LodeStage stage = stage_order[s];

          if (mineral->stages[stage].count > 0)
            _lode_chart_table_add_row (table, g_strdup (mineral->name), g_strdup (lode_stage_get_name (stage)),
                                       lode_money_to_json (mineral->stages[stage].value),
                                       g_strdup_printf ("%u", mineral->stages[stage].count),
                                       _lode_chart_source_cell (mineral->stages[stage].source), NULL);
        }
    }

  return table;
}

static gboolean
lode_exports_by_mineral_layer_get_n_rows (LodeChartLayer *layer,
                                          guint          *n_rows)
{
  *n_rows = count_exporting (lode_chart_layer_get_data (layer));

  return TRUE;
}

static void
lode_exports_by_mineral_layer_class_init (LodeExportsByMineralLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->exports = TRUE;

  layer_class->render = lode_exports_by_mineral_layer_render;
  layer_class->get_table = lode_exports_by_mineral_layer_get_table;
  layer_class->get_n_rows = lode_exports_by_mineral_layer_get_n_rows;
}

static void
lode_exports_by_mineral_layer_init (LodeExportsByMineralLayer *self)
{
}
