/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-chart-layer-private.h"
#include "lode-exports-over-time-layer.h"

/* A line a mineral, the largest six, of its exports by year or by month;
 * on a logarithmic scale when the figures are orders of magnitude apart. */

#define MAX_LINES 6

struct _LodeExportsOverTimeLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeExportsOverTimeLayer, lode_exports_over_time_layer, LODE_TYPE_CHART_LAYER)

/* By month when asked and some records name one. */
static gboolean
is_monthly (LodeChartLayer *layer)
{
  return lode_chart_layer_get_monthly (layer) && lode_chart_layer_get_data (layer)->has_months;
}

static void
lode_exports_over_time_layer_render (LodeChartLayer   *layer,
                                     LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  gboolean monthly = is_monthly (layer);
  guint n_years = lode_chart_data_get_n_years (data);
  guint n_periods = monthly ? n_years * 12 : n_years;
  LodeChartLine lines[MAX_LINES];
  LodeChartLegendEntry legend[MAX_LINES];
  guint n_lines = 0;
  double max = 0, min = G_MAXDOUBLE, axis_max;
  guint n_points = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < data->minerals->len && n_lines < MAX_LINES; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      gboolean placed = FALSE;

      /* Records only of years no period holds draw no line. */
      for (guint y = 0; y < n_years && !placed; y++)
        placed = mineral->years[y].count > 0;
      if (!placed)
        continue;

      lines[n_lines] = (LodeChartLine) { monthly ? mineral->months : mineral->years, n_periods,
                                         (int) n_lines, mineral->name, mineral->id };
      legend[n_lines] = (LodeChartLegendEntry) { (int) n_lines, mineral->name, TRUE };
      for (guint p = 0; p < n_periods; p++)
        {
          if (lines[n_lines].cells[p].count > 0)
            {
              double v = lode_money_to_double (lines[n_lines].cells[p].value);

              max = MAX (max, v);
              if (v > 0)
                min = MIN (min, v);
              n_points++;
            }
        }
      n_lines++;
    }

  /* Figures three orders of magnitude apart would flatten all but the
   * largest line: then each power of ten gets the same room. */
  if (max > 0 && min < G_MAXDOUBLE && max / min >= 1000)
    {
      context->log_scale = TRUE;
      context->log_min = floor (log10 (min));
      context->log_max = MAX (context->log_min + 1, ceil (log10 (max)));
    }

  if (n_lines == 0)
    subtitle = g_strdup (_("No export records"));
  else if (data->currency != NULL)
    {
      if (monthly)
        /* TRANSLATORS: %s is a currency code: "PKR a month, the largest minerals" */
        subtitle = g_strdup_printf (_("%s a month, the largest minerals"), data->currency);
      else if (data->start_month != 1)
        /* TRANSLATORS: %s is a currency code */
        subtitle = g_strdup_printf (_("%s a fiscal year, the largest minerals"), data->currency);
      else
        /* TRANSLATORS: %s is a currency code */
        subtitle = g_strdup_printf (_("%s a year, the largest minerals"), data->currency);
      if (context->log_scale)
        {
          /* TRANSLATORS: a chart's subtitle, then how its values are drawn */
          char *said = g_strdup_printf (_("%s, on a logarithmic scale"), subtitle);

          g_free (subtitle);
          subtitle = said;
        }
    }
  else if (monthly && context->log_scale)
    subtitle = g_strdup (_("US dollars a month, the largest minerals, on a logarithmic scale"));
  else if (monthly)
    subtitle = g_strdup (_("US dollars a month, the largest minerals"));
  else if (data->start_month != 1 && context->log_scale)
    subtitle = g_strdup (_("US dollars a fiscal year, the largest minerals, on a logarithmic scale"));
  else if (data->start_month != 1)
    subtitle = g_strdup (_("US dollars a fiscal year, the largest minerals"));
  else if (context->log_scale)
    subtitle = g_strdup (_("US dollars a year, the largest minerals, on a logarithmic scale"));
  else
    subtitle = g_strdup (_("US dollars a year, the largest minerals"));

  if (n_lines > 0 && data->n_unplaced > 0)
    {
      g_autofree char *count = lode_format_count (data->n_unplaced);
      char *said;

      /* TRANSLATORS: a chart's subtitle, then how many records of a whole
       * calendar year it leaves out: "US dollars a fiscal year, the
       * largest minerals; 12 records of calendar years not placed" */
      if (data->start_month != 1)
        said = g_strdup_printf (g_dngettext (NULL,
                                             "%s; %s record of a calendar year not placed",
                                             "%s; %s records of calendar years not placed",
                                             data->n_unplaced),
                                subtitle, count);
      else
        /* TRANSLATORS: as above, of records of a whole fiscal year in a
         * chart of calendar years */
        said = g_strdup_printf (g_dngettext (NULL,
                                             "%s; %s record of a fiscal year not placed",
                                             "%s; %s records of fiscal years not placed",
                                             data->n_unplaced),
                                subtitle, count);
      g_free (subtitle);
      subtitle = said;
    }

  if (n_lines > 0)
    subtitle = _lode_chart_add_missing (data, subtitle);
  _lode_chart_draw_header (context, subtitle, legend, n_lines);
  if (n_lines == 0)
    {
      _lode_chart_draw_empty (context, _("No export records"));
      return;
    }

  axis_max = _lode_chart_draw_axes (context, max, data->first_year, data->start_month,
                                    n_periods, monthly);

  for (guint l = 0; l < n_lines; l++)
    _lode_chart_draw_reduced_line (context, &lines[l], axis_max);

  /* Points: drawn when there is room for them, always reachable. */
  for (guint l = 0; l < n_lines; l++)
    {
      for (guint p = 0; p < n_periods; p++)
        {
          const LodeChartCell *cell = &lines[l].cells[p];
          LodeChartItem *item;
          double x, y;

          if (cell->count == 0)
            continue;

          x = _lode_chart_period_x (context, p, n_periods);
          y = _lode_chart_value_y (context, lode_money_to_double (cell->value), axis_max);
          if (n_points * 10 <= (context->x1 - context->x0) * n_lines)
            {
              _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, lines[l].series), 1.0);
              cairo_arc (context->cr, _lode_chart_mirror_x (context, x), y, 4.0, 0, 2 * G_PI);
              cairo_fill (context->cr);
            }

          item = _lode_chart_layer_add_item (layer, LODE_CHART_ITEM_POINT, cell->value, lines[l].series,
                                             g_strdup (lines[l].name));
          _lode_chart_item_set_rectangle (context, item, x - 5, y - 5, 10, 10);
          item->mineral = lines[l].mineral;
          /* A month by its calendar year; a year by the year its period
           * begins in. */
          item->year = data->first_year + (int) (monthly ? p / 12 : p);
          item->month = monthly ? (int) (p % 12 + data->start_month - 1) % 12 + 1 : 0;
          if (monthly && item->month < data->start_month)
            item->year++;
          item->source = cell->source;
        }
    }
}

static GPtrArray *
lode_exports_over_time_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  GPtrArray *table = _lode_chart_table_new ();
  gboolean monthly = is_monthly (layer);
  guint n_periods = lode_chart_data_get_n_years (data) * (monthly ? 12 : 1);

  _lode_chart_table_add_row (table, g_strdup (_("Mineral")), g_strdup (_("Year")),
                             g_strdup (monthly ? _("Month") : ""), g_strdup (_("Value (USD)")),
                             g_strdup (_("Records")), g_strdup (_("Source")), NULL);
  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);
      const LodeChartCell *cells = monthly ? mineral->months : mineral->years;

      for (guint p = 0; p < n_periods; p++)
        {
          if (cells[p].count == 0)
            continue;
          _lode_chart_table_add_row (table, g_strdup (mineral->name),
                                     lode_chart_data_dup_period_name (data, data->first_year + (int) (monthly ? p / 12 : p)),
                                     monthly ? g_strdup_printf ("%u", (p % 12 + data->start_month - 1) % 12 + 1) : g_strdup (""),
                                     lode_money_to_json (cells[p].value),
                                     g_strdup_printf ("%u", cells[p].count),
                                     _lode_chart_source_cell (cells[p].source), NULL);
        }
    }

  return table;
}

/* A point of a fiscal year by the year's name. */
static void
lode_exports_over_time_layer_describe_item_period (LodeChartLayer      *layer,
                                                   const LodeChartItem *item,
                                                   GString             *text)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  g_autofree char *name = NULL;

  if (data->start_month == 1 || item->month != 0 || item->year == 0)
    {
      LODE_CHART_LAYER_CLASS (lode_exports_over_time_layer_parent_class)->describe_item_period (layer, item, text);
      return;
    }

  name = lode_chart_data_dup_period_name (data, item->year);
  g_string_append_printf (text, " (%s)", name);
}

static gboolean
lode_exports_over_time_layer_can_show_months (LodeChartLayer *layer)
{
  return lode_chart_layer_get_data (layer)->has_months;
}

static void
lode_exports_over_time_layer_class_init (LodeExportsOverTimeLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->exports = TRUE;

  layer_class->render = lode_exports_over_time_layer_render;
  layer_class->get_table = lode_exports_over_time_layer_get_table;
  layer_class->can_show_months = lode_exports_over_time_layer_can_show_months;
  layer_class->describe_item_period = lode_exports_over_time_layer_describe_item_period;
}

static void
lode_exports_over_time_layer_init (LodeExportsOverTimeLayer *self)
{
}
