/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-compare.h"

#include "lode-chart-layer-private.h"
#include "lode-largest-movers-layer.h"

/* Horizontal bars of how much the exports of each mineral changed from
 * one period to another, the largest changes either way first: rises in
 * one colour, falls in another, each bar as long as the change. */

#define SERIES_RISE 0
#define SERIES_FALL 1

struct _LodeLargestMoversLayer
{
  LodeChartLayer  parent_instance;

  /* Compared once, at the first need after the periods change. */
  LodeComparison *comparison;
};

G_DEFINE_FINAL_TYPE (LodeLargestMoversLayer, lode_largest_movers_layer, LODE_TYPE_CHART_LAYER)

static gint
compare_by_size (gconstpointer a,
                 gconstpointer b)
{
  const LodeCompareRow *ra = a;
  const LodeCompareRow *rb = b;
  LodeMoney sa = ra->change < 0 ? -ra->change : ra->change;
  LodeMoney sb = rb->change < 0 ? -rb->change : rb->change;

  if (sa != sb)
    return sa > sb ? -1 : 1;

  return g_strcmp0 (ra->key, rb->key);
}

static LodeComparison *
get_comparison (LodeLargestMoversLayer *self)
{
  LodeChartLayer *layer = LODE_CHART_LAYER (self);
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodePeriod periods[2];

  if (self->comparison != NULL)
    return self->comparison;

  lode_chart_layer_get_periods (layer, &periods[0], &periods[1]);
  self->comparison = lode_comparison_new (data->table, LODE_EXPORT_FIELD_MINERAL,
                                          &periods[0], &periods[1]);
  /* In the data's currency, the rows' values and changes are its
   * amounts: each record at its own rate, the records without one left
   * out (and said in the subtitle). */
  if (data->converter != NULL)
    {
      lode_comparison_convert (self->comparison, data->table, data->converter);
      for (guint i = 0; i < self->comparison->rows->len; i++)
        {
          LodeCompareRow *row = &g_array_index (self->comparison->rows, LodeCompareRow, i);

          row->value[0] = row->amount[0];
          row->value[1] = row->amount[1];
          row->change = row->amount[1] - row->amount[0];
        }
    }
  g_array_sort (self->comparison->rows, compare_by_size);

  return self->comparison;
}

static const char *
mineral_name (LodeChartData *data,
              const char    *id)
{
  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (g_strcmp0 (mineral->id, id) == 0)
        return mineral->name;
    }

  return id != NULL ? id : _("Mineral not given");
}

/* "+$1.2 M" or "−$0.3 M", in the data's currency. */
static char *
format_change (LodeChartData *data,
               LodeMoney      change)
{
  g_autofree char *amount = lode_chart_data_format_short (data, change < 0 ? -change : change);

  return g_strconcat (change < 0 ? "\u2212" : "+", amount, NULL);
}

static char *
describe_periods (LodeChartData  *data,
                  LodeComparison *comparison)
{
  g_autofree char *first = lode_period_to_string (&comparison->periods[0]);
  g_autofree char *second = lode_period_to_string (&comparison->periods[1]);
  g_autofree char *subtitle = NULL;

  if (data->currency == NULL)
    /* TRANSLATORS: the subtitle of the chart of largest movers: "US dollars, 2024 to 2025" */
    return g_strdup_printf (_("US dollars, %s to %s"), first, second);

  /* TRANSLATORS: the subtitle of the chart of largest movers in another
   * currency: its code and the periods, "PKR, 2024 to 2025" */
  subtitle = g_strdup_printf (_("%s, %s to %s"), data->currency, first, second);
  /* A period with records but no rate for them is said. */
  for (guint side = 0; side < 2; side++)
    if (comparison->n_missing[side] > 0)
      {
        g_autofree char *before = g_steal_pointer (&subtitle);
        g_autofree char *missing = g_strdup_printf (_("No %s rate for %s"), data->currency,
                                                    side == 0 ? first : second);

        subtitle = g_strdup_printf (_("%s · %s"), before, missing);
      }

  return g_steal_pointer (&subtitle);
}

static void
lode_largest_movers_layer_render (LodeChartLayer   *layer,
                                  LodeChartContext *context)
{
  LodeLargestMoversLayer *self = LODE_LARGEST_MOVERS_LAYER (layer);
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeComparison *comparison = get_comparison (self);
  LodeChartLegendEntry legend[2] = {
    { SERIES_RISE, _("Rise"), FALSE },
    { SERIES_FALL, _("Fall"), FALSE },
  };
  LodeChartBarRow *rows = g_new0 (LodeChartBarRow, LODE_CHART_MAX_BARS);
  g_autofree char *subtitle = describe_periods (data, comparison);
  guint n_rows = 0;

  for (guint i = 0; i < comparison->rows->len && n_rows < LODE_CHART_MAX_BARS; i++)
    {
      const LodeCompareRow *compared = &g_array_index (comparison->rows, LodeCompareRow, i);
      LodeChartBarRow *row = &rows[n_rows];
      const char *name;

      if (compared->change == 0)
        continue;

      name = mineral_name (data, compared->key);
      row->label = g_strdup (name);
      row->end_label = format_change (data, compared->change);
      row->mineral = compared->key;
      row->values[0] = compared->change < 0 ? -compared->change : compared->change;
      row->series[0] = compared->change < 0 ? SERIES_FALL : SERIES_RISE;
      row->stages[0] = LODE_STAGE_UNKNOWN;
      row->item_labels[0] = g_strdup_printf ("%s, %s", name, row->end_label);
      row->n_segments = 1;
      n_rows++;
    }

  _lode_chart_draw_header (context, subtitle, legend, G_N_ELEMENTS (legend));
  if (n_rows == 0)
    _lode_chart_draw_empty (context, _("No change between the two periods"));
  else
    _lode_chart_layer_draw_bars (layer, context, rows, n_rows);

  _lode_chart_bar_rows_free (rows, LODE_CHART_MAX_BARS);
}

static void
lode_largest_movers_layer_describe_item_period (LodeChartLayer      *layer,
                                                const LodeChartItem *item,
                                                GString             *text)
{
  LodeComparison *comparison = get_comparison (LODE_LARGEST_MOVERS_LAYER (layer));
  g_autofree char *periods = describe_periods (lode_chart_layer_get_data (layer), comparison);

  g_string_append_printf (text, " (%s)", periods);
}

static guint
lode_largest_movers_layer_describe (LodeChartLayer *layer,
                                    GString        *text)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeComparison *comparison = get_comparison (LODE_LARGEST_MOVERS_LAYER (layer));
  guint n = 0;

  for (guint i = 0; i < comparison->rows->len && n < 3; i++)
    {
      const LodeCompareRow *row = &g_array_index (comparison->rows, LodeCompareRow, i);
      g_autofree char *change = NULL;

      if (row->change == 0)
        continue;

      change = format_change (data, row->change);
      g_string_append_printf (text, n == 0 ? " %s %s" : ", %s %s", mineral_name (data, row->key), change);
      n++;
    }
  if (n > 0)
    g_string_append_c (text, '.');

  return n;
}

static GPtrArray *
lode_largest_movers_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeComparison *comparison = get_comparison (LODE_LARGEST_MOVERS_LAYER (layer));
  GPtrArray *table = _lode_chart_table_new ();

  _lode_chart_table_add_row (table, g_strdup (_("Mineral")),
                             lode_period_to_string (&comparison->periods[0]),
                             lode_period_to_string (&comparison->periods[1]),
                             data->currency == NULL ? g_strdup (_("Change (USD)"))
                                                    /* TRANSLATORS: a column of changes in a currency, %s its code */
                                                    : g_strdup_printf (_("Change (%s)"), data->currency),
                             NULL);
  for (guint i = 0; i < comparison->rows->len; i++)
    {
      const LodeCompareRow *row = &g_array_index (comparison->rows, LodeCompareRow, i);

      _lode_chart_table_add_row (table, g_strdup (mineral_name (data, row->key)),
                                 lode_money_to_json (row->value[0]),
                                 lode_money_to_json (row->value[1]),
                                 lode_money_to_json (row->change), NULL);
    }

  return table;
}

static gboolean
lode_largest_movers_layer_get_n_rows (LodeChartLayer *layer,
                                      guint          *n_rows)
{
  LodeComparison *comparison = get_comparison (LODE_LARGEST_MOVERS_LAYER (layer));
  guint n = 0;

  for (guint i = 0; i < comparison->rows->len; i++)
    if (g_array_index (comparison->rows, LodeCompareRow, i).change != 0)
      n++;
  *n_rows = MIN (n, LODE_CHART_MAX_BARS);

  return TRUE;
}

void
lode_largest_movers_layer_set_comparison (LodeLargestMoversLayer *self,
                                          LodeComparison         *comparison)
{
  g_return_if_fail (LODE_IS_LARGEST_MOVERS_LAYER (self));
  g_return_if_fail (comparison != NULL && comparison->field == LODE_EXPORT_FIELD_MINERAL);

  g_clear_pointer (&self->comparison, lode_comparison_free);
  self->comparison = comparison;
  g_array_sort (self->comparison->rows, compare_by_size);
}

static void
lode_largest_movers_layer_periods_changed (LodeChartLayer *layer)
{
  LodeLargestMoversLayer *self = LODE_LARGEST_MOVERS_LAYER (layer);

  g_clear_pointer (&self->comparison, lode_comparison_free);
}

static void
lode_largest_movers_layer_finalize (GObject *object)
{
  LodeLargestMoversLayer *self = LODE_LARGEST_MOVERS_LAYER (object);

  g_clear_pointer (&self->comparison, lode_comparison_free);

  G_OBJECT_CLASS (lode_largest_movers_layer_parent_class)->finalize (object);
}

static void
lode_largest_movers_layer_class_init (LodeLargestMoversLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  object_class->finalize = lode_largest_movers_layer_finalize;
  layer_class->render = lode_largest_movers_layer_render;
  layer_class->describe = lode_largest_movers_layer_describe;
  layer_class->describe_item_period = lode_largest_movers_layer_describe_item_period;
  layer_class->get_table = lode_largest_movers_layer_get_table;
  layer_class->get_n_rows = lode_largest_movers_layer_get_n_rows;
  layer_class->periods_changed = lode_largest_movers_layer_periods_changed;
  layer_class->exports = TRUE;
}

static void
lode_largest_movers_layer_init (LodeLargestMoversLayer *self)
{
}
