/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-enum-types.h"

#include "lode-chart-layer-private.h"
#include "lode-reserves-layer.h"

/* Horizontal bars of the estimated value of each mineral's reserves,
 * largest first, with their quantity after the bar. */

struct _LodeReservesLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeReservesLayer, lode_reserves_layer, LODE_TYPE_CHART_LAYER)

static void
lode_reserves_layer_render (LodeChartLayer   *layer,
                            LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  LodeChartBarRow *rows = g_new0 (LodeChartBarRow, LODE_CHART_MAX_BARS);
  guint n_rows = 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = _lode_chart_format_money (data->reserve_value);

  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (mineral->reserve_value > 0)
        g_ptr_array_add (order, mineral);
    }

  for (guint i = 0; i < order->len && n_rows < LODE_CHART_MAX_BARS; i++)
    {
      LodeChartMineral *mineral = NULL;
      LodeChartBarRow *row = &rows[n_rows];
      g_autofree char *value = NULL;

      /* Largest value first. */
      for (guint j = 0; j < order->len; j++)
        {
          LodeChartMineral *candidate = g_ptr_array_index (order, j);

          if (candidate != NULL && (mineral == NULL || candidate->reserve_value > mineral->reserve_value))
            mineral = candidate;
        }
      g_ptr_array_remove_fast (order, mineral);
      g_ptr_array_add (order, NULL);

      value = _lode_chart_format_money (mineral->reserve_value);
      row->label = g_strdup (mineral->name);
      if (mineral->reserve_unit != LODE_UNIT_NONE)
        {
          const char *unit = lode_enum_to_nick (LODE_TYPE_UNIT, mineral->reserve_unit);

          /* TRANSLATORS: a reserve value and its quantity, "$120 B · 5.9 Mt" */
          row->end_label = g_strdup_printf (_("%s · %'.4g %s"), value, mineral->reserve_quantity, unit);
        }
      else
        {
          row->end_label = g_strdup (value);
        }
      row->mineral = mineral->id;
      row->n_segments = 1;
      row->values[0] = mineral->reserve_value;
      row->series[0] = 2;
      row->stages[0] = LODE_STAGE_UNKNOWN;
      row->sources[0] = mineral->reserve_source;
      row->item_labels[0] = g_strdup (mineral->name);
      n_rows++;
    }

  /* TRANSLATORS: the total value of the reserve estimates */
  subtitle = g_strdup_printf (_("Estimated value in US dollars, %s in all"), total);
  _lode_chart_draw_header (context, subtitle, NULL, 0);
  if (n_rows == 0)
    _lode_chart_draw_empty (context, _("No reserve estimates with a value"));
  else
    _lode_chart_layer_draw_bars (layer, context, rows, n_rows);

  _lode_chart_bar_rows_free (rows, LODE_CHART_MAX_BARS);
}

/* An estimate has no year of the export records. */
static void
lode_reserves_layer_describe_item_period (LodeChartLayer      *layer,
                                          const LodeChartItem *item,
                                          GString             *text)
{
  if (item->year != 0 && item->month != 0)
    g_string_append_printf (text, " (%d-%02d)", item->year, item->month);
  else if (item->year != 0)
    g_string_append_printf (text, " (%d)", item->year);
}

static guint
lode_reserves_layer_describe (LodeChartLayer *layer,
                              GString        *text)
{
  g_autofree char *money = _lode_chart_format_money (lode_chart_layer_get_data (layer)->reserve_value);

  g_string_append_printf (text, _("Estimated in all: %s"), money);

  return 1;
}

static GPtrArray *
lode_reserves_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  GPtrArray *table = _lode_chart_table_new ();

  _lode_chart_table_add_row (table, g_strdup (_("Mineral")), g_strdup (_("Value (USD)")), g_strdup (_("Quantity")),
                             g_strdup (_("Unit")), g_strdup (_("Source")), NULL);
  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (mineral->reserve_value <= 0 && mineral->reserve_unit == LODE_UNIT_NONE)
        continue;
      _lode_chart_table_add_row (table, g_strdup (mineral->name), lode_money_to_json (mineral->reserve_value),
                                 mineral->reserve_unit != LODE_UNIT_NONE ?
                                   g_strdup_printf ("%g", mineral->reserve_quantity) : g_strdup (""),
                                 g_strdup (mineral->reserve_unit != LODE_UNIT_NONE ?
                                           lode_enum_to_nick (LODE_TYPE_UNIT, mineral->reserve_unit) : ""),
                                 _lode_chart_source_cell (mineral->reserve_source), NULL);
    }

  return table;
}

static gboolean
lode_reserves_layer_get_n_rows (LodeChartLayer *layer,
                                guint          *n_rows)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);

  *n_rows = 0;
  for (guint i = 0; i < data->minerals->len; i++)
    *n_rows += ((LodeChartMineral *) g_ptr_array_index (data->minerals, i))->reserve_value > 0;

  return TRUE;
}

static void
lode_reserves_layer_class_init (LodeReservesLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->render = lode_reserves_layer_render;
  layer_class->describe_item_period = lode_reserves_layer_describe_item_period;
  layer_class->describe = lode_reserves_layer_describe;
  layer_class->get_table = lode_reserves_layer_get_table;
  layer_class->get_n_rows = lode_reserves_layer_get_n_rows;
}

static void
lode_reserves_layer_init (LodeReservesLayer *self)
{
}
