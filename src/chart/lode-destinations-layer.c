/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-chart-layer-private.h"
#include "lode-destinations-layer.h"

/* A donut of the largest destinations of the exports, the others in one
 * grey slice, with a legend beside it and the total in the hole. */

#define MAX_SLICES 6      /* five destinations and "Other" */

struct _LodeDestinationsLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeDestinationsLayer, lode_destinations_layer, LODE_TYPE_CHART_LAYER)

static void
lode_destinations_layer_render (LodeChartLayer   *layer,
                                LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  guint n = MIN (data->destinations->len, MAX_SLICES);
  LodeChartLegendEntry legend[MAX_SLICES];
  g_autofree char *subtitle = NULL;
  g_autofree char *total = lode_chart_data_format_short (data, data->total);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double cx, cy, outer, inner, angle;
  double legend_x, legend_y, text_h;

  /* TRANSLATORS: the total of the exports a donut shares out */
  subtitle = g_strdup_printf (_("Share of the exports, %s in all"), total);
  subtitle = _lode_chart_add_missing (data, subtitle);
  _lode_chart_draw_header (context, subtitle, NULL, 0);

  if (data->total <= 0)
    {
      _lode_chart_draw_empty (context, _("No export records"));
      return;
    }

  outer = MIN ((context->y1 - context->y0) / 2, (context->x1 - context->x0) * 0.25);
  inner = outer * 0.58;
  cx = context->x0 + outer;
  cy = (context->y0 + context->y1) / 2;
  angle = -G_PI / 2;

  _lode_chart_text_size (context, "Ag", NULL, &text_h);
  legend_x = cx + outer + 24;
  legend_y = cy - (n * (text_h + 8)) / 2;

  for (guint i = 0; i < n; i++)
    {
      /* More than MAX_SLICES destinations: the last slice is "Other". */
      gboolean other = data->destinations->len > MAX_SLICES && i == MAX_SLICES - 1;
      LodeChartDestination *destination = &g_array_index (data->destinations, LodeChartDestination, i);
      LodeMoney value = destination->total.value;
      const char *source = destination->total.source;
      int series = other ? LODE_CHART_SERIES_OTHER : (int) i;
      double share, sweep, start;
      LodeChartItem *item;
      g_autofree char *money = NULL;
      g_autofree char *percent = NULL;
      char *name;
      char *text;

      if (other)
        {
          value = 0;
          for (guint j = i; j < data->destinations->len; j++)
            value += g_array_index (data->destinations, LodeChartDestination, j).total.value;
          source = NULL;
          name = g_strdup (_("Other destinations"));
        }
      else
        {
          name = g_strdup (_lode_chart_destination_name (destination->code));
        }

      share = lode_money_to_double (value) / lode_money_to_double (data->total);
      sweep = 2 * G_PI * share;
      start = angle;
      angle += sweep;

      /* Clockwise from the top; counter-clockwise when mirrored. */
      _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, series), 1.0);
      cairo_new_path (context->cr);
      if (context->rtl)
        {
          cairo_arc_negative (context->cr, _lode_chart_mirror_x (context, cx), cy, outer, G_PI - start, G_PI - angle);
          cairo_arc (context->cr, _lode_chart_mirror_x (context, cx), cy, inner, G_PI - angle, G_PI - start);
        }
      else
        {
          cairo_arc (context->cr, cx, cy, outer, start, angle);
          cairo_arc_negative (context->cr, cx, cy, inner, angle, start);
        }
      cairo_close_path (context->cr);
      cairo_fill_preserve (context->cr);
      _lode_chart_set_rgb (context->cr, context->bg, 1.0);
      cairo_set_line_width (context->cr, n > 1 ? 1.5 : 0.0);
      if (n > 1)
        cairo_stroke (context->cr);
      cairo_new_path (context->cr);

      item = _lode_chart_layer_add_item (layer, LODE_CHART_ITEM_SLICE, value, series, name);
      item->cx = _lode_chart_mirror_x (context, cx);
      item->cy = cy;
      item->inner = inner;
      item->outer = outer;
      item->start = context->rtl ? G_PI - angle : start;
      item->end = context->rtl ? G_PI - start : angle;
      item->x = item->cx - outer;
      item->y = cy - outer;
      item->width = item->height = 2 * outer;
      item->destination = other ? NULL : destination->code;
      item->source = source;
      item->year = other ? 0 : destination->total.year;

      money = lode_chart_data_format_short (data, value);
      percent = lode_chart_format_percent (share);
      /* TRANSLATORS: a destination in the legend: "China  100.0 %  $1.27 B" */
      text = g_strdup_printf (_("%s  %s  %s"), name, percent, money);
      g_ptr_array_add (texts, text);
      legend[i] = (LodeChartLegendEntry) { series, text, FALSE };
    }

  /* The legend beside the donut. */
  for (guint i = 0; i < n; i++)
    {
      double y = legend_y + i * (text_h + 8);

      cairo_save (context->cr);
      _lode_chart_rectangle (context, legend_x, y - 4, context->x1 - legend_x, text_h + 8);
      cairo_clip (context->cr);
      _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, legend[i].series), 1.0);
      _lode_chart_rectangle (context, legend_x, y + text_h / 2 - 5, 10, 10);
      cairo_fill (context->cr);
      _lode_chart_draw_text (context, legend[i].text, legend_x + 16, y, LODE_CHART_ALIGN_START, context->fg, 0.9);
      cairo_restore (context->cr);
    }

  /* The total in the hole. */
  _lode_chart_set_font (context, 1.15, TRUE);
  _lode_chart_text_size (context, total, NULL, &text_h);
  _lode_chart_draw_text (context, total, cx, cy - text_h / 2, LODE_CHART_ALIGN_CENTER, context->fg, 0.9);
  _lode_chart_set_font (context, 1.0, FALSE);
}

static guint
lode_destinations_layer_describe (LodeChartLayer *layer,
                                  GString        *text)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  guint n = 0;

  for (guint i = 0; i < data->destinations->len && n < 3; i++)
    {
      LodeChartDestination *destination = &g_array_index (data->destinations, LodeChartDestination, i);
      g_autofree char *percent = lode_chart_format_percent ((double) destination->total.value /
                                                            (double) MAX (data->total, 1));

      g_string_append_printf (text, n == 0 ? _("Largest: %s %s") : ", %s %s",
                              _lode_chart_destination_name (destination->code), percent);
      n++;
    }

  return n;
}

static GPtrArray *
lode_destinations_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  GPtrArray *table = _lode_chart_table_new ();

  _lode_chart_table_add_row (table, g_strdup (_("Destination")), g_strdup (_("Code")), g_strdup (_("Value (USD)")),
                             g_strdup (_("Share")), g_strdup (_("Records")), g_strdup (_("Source")), NULL);
  for (guint i = 0; i < data->destinations->len; i++)
    {
      LodeChartDestination *destination = &g_array_index (data->destinations, LodeChartDestination, i);

      _lode_chart_table_add_row (table, g_strdup (_lode_chart_destination_name (destination->code)),
                                 g_strdup (destination->code != NULL ? destination->code : ""),
                                 lode_money_to_json (destination->total.value),
                                 lode_chart_format_percent ((double) destination->total.value /
                                                            (double) MAX (data->total, 1)),
                                 g_strdup_printf ("%u", destination->total.count),
                                 _lode_chart_source_cell (destination->total.source), NULL);
    }

  return table;
}

static void
lode_destinations_layer_class_init (LodeDestinationsLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->exports = TRUE;

  layer_class->render = lode_destinations_layer_render;
  layer_class->describe = lode_destinations_layer_describe;
  layer_class->get_table = lode_destinations_layer_get_table;
}

static void
lode_destinations_layer_init (LodeDestinationsLayer *self)
{
}
