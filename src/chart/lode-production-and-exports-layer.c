/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-enum-types.h"

#include "lode-chart-layer-private.h"
#include "lode-production-and-exports-layer.h"

/* A mineral's production by year against its exports, two lines over the
 * years of either. When every export record of the mineral gives a
 * quantity that converts to the unit of its production, both lines are
 * quantities on one scale and the share of production exported can be
 * told; else the exports are drawn as their value, on a scale of US
 * dollars at the start, and production on a scale of its unit at the end.
 * A year without a figure leaves a gap in its line.
 *
 * Production is a figure of a calendar year, which no fiscal year holds:
 * the exports are drawn by calendar year too, whatever the periods the
 * other charts show, and the subtitle says so; records of a fiscal year
 * are in no calendar year, and the subtitle says how many. */

#define SERIES_PRODUCTION 0
#define SERIES_EXPORTS    1

struct _LodeProductionAndExportsLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeProductionAndExportsLayer, lode_production_and_exports_layer, LODE_TYPE_CHART_LAYER)

/* The mineral asked for, else the one of the largest exports that has
 * production figures, else the first with production figures. */
static LodeChartMineral *
get_mineral (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  const char *id = lode_chart_layer_get_mineral (layer);

  if (id != NULL)
    return lode_chart_data_find_mineral (data, id);

  for (guint i = 0; i < data->minerals->len; i++)
    if (lode_chart_mineral_has_production_and_exports (g_ptr_array_index (data->minerals, i)))
      return g_ptr_array_index (data->minerals, i);

  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (mineral->production_unit != LODE_UNIT_NONE)
        return mineral;
    }

  return NULL;
}

typedef struct
{
  int first_year;
  int last_year;
  guint n_years;
} Span;

/* The years of either line. */
static Span
get_span (LodeChartData    *data,
          LodeChartMineral *mineral)
{
  Span span = { 0, 0, 0 };

  if (mineral->production_unit != LODE_UNIT_NONE)
    {
      span.first_year = mineral->production_first_year;
      span.last_year = mineral->production_last_year;
    }
  if (mineral->total.count > 0)
    {
      for (int year = data->target_first_year; year <= data->target_last_year; year++)
        {
          if (lode_chart_mineral_get_calendar_exports (data, mineral, year, NULL) == NULL)
            continue;
          span.first_year = span.first_year == 0 ? year : MIN (span.first_year, year);
          span.last_year = MAX (span.last_year, year);
        }
    }
  span.n_years = span.first_year == 0 ? 0 : (guint) (span.last_year - span.first_year + 1);

  return span;
}

static gboolean
get_production (LodeChartMineral *mineral,
                int               year,
                double           *quantity)
{
  if (mineral->production_unit == LODE_UNIT_NONE ||
      year < mineral->production_first_year || year > mineral->production_last_year ||
      isnan (mineral->production[year - mineral->production_first_year]))
    return FALSE;

  *quantity = mineral->production[year - mineral->production_first_year];
  return TRUE;
}

/* The exports of @year, as a quantity when @quantities, else in dollars. */
static gboolean
get_exports (LodeChartData    *data,
             LodeChartMineral *mineral,
             int               year,
             gboolean          quantities,
             double           *value)
{
  double quantity = 0;
  const LodeChartCell *cell = lode_chart_mineral_get_calendar_exports (data, mineral, year, &quantity);

  if (cell == NULL)
    return FALSE;

  *value = quantities ? quantity : lode_money_to_double (cell->value);
  return TRUE;
}

static const char *
unit_name (LodeChartMineral *mineral)
{
  return lode_enum_to_nick (LODE_TYPE_UNIT, mineral->production_unit);
}

static char *
format_quantity (double    quantity,
                 LodeUnit  unit)
{
  /* TRANSLATORS: a quantity and its unit on an axis, such as "250,000 t" */
  return g_strdup_printf (_("%'.6g %s"), quantity, lode_enum_to_nick (LODE_TYPE_UNIT, unit));
}

/* Ticks of one scale: along the start with grid lines, or along the end. */
static void
draw_scale (LodeChartContext *context,
            double            axis_max,
            double            step,
            LodeUnit          unit,
            gboolean          at_end,
            double            text_h)
{
  for (double v = 0.0; v <= axis_max * 1.0001; v += step)
    {
      double y = _lode_chart_value_y (context, v, axis_max);
      g_autofree char *label = unit != LODE_UNIT_NONE ? format_quantity (v, unit) : _lode_chart_format_tick (context, v);

      if (at_end)
        {
          _lode_chart_draw_text (context, label, context->x1 + 6, y - text_h / 2,
                                 LODE_CHART_ALIGN_START, _lode_chart_series_rgb (context, SERIES_PRODUCTION), 0.9);
          continue;
        }

      _lode_chart_set_rgb (context->cr, context->fg, v == 0.0 ? 0.45 : 0.12);
      _lode_chart_rectangle (context, context->x0, round (y) - 0.5, context->x1 - context->x0, 1);
      cairo_fill (context->cr);
      _lode_chart_draw_text (context, label, context->x0 - 6, y - text_h / 2, LODE_CHART_ALIGN_END, context->fg, 0.7);
    }
}

static double
scale_max (double  max,
           guint   n_ticks,
           double *step)
{
  *step = lode_chart_nice_step (max, n_ticks);

  return MAX (*step, ceil (max / *step - 1e-9) * *step);
}

/* One line: a stroke through consecutive years with a figure, a point
 * (and an item) a figure. */
static void
draw_line (LodeChartLayer   *layer,
           LodeChartContext *context,
           LodeChartMineral *mineral,
           Span              span,
           int               series,
           gboolean          quantities,
           double            axis_max)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  gboolean pen_down = FALSE;

  _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, series), 1.0);
  cairo_set_line_width (context->cr, 2.0);
  for (guint p = 0; p < span.n_years; p++)
    {
      int year = span.first_year + (int) p;
      double v, x, y;
      gboolean has = series == SERIES_PRODUCTION ? get_production (mineral, year, &v) :
                                                   get_exports (data, mineral, year, quantities, &v);

      if (!has)
        {
          pen_down = FALSE;
          continue;
        }

      x = _lode_chart_mirror_x (context, _lode_chart_period_x (context, p, span.n_years));
      y = _lode_chart_value_y (context, v, axis_max);
      if (pen_down)
        cairo_line_to (context->cr, x, y);
      else
        cairo_move_to (context->cr, x, y);
      pen_down = TRUE;
    }
  cairo_stroke (context->cr);

  for (guint p = 0; p < span.n_years; p++)
    {
      int year = span.first_year + (int) p;
      double v, x, y;
      LodeChartItem *item;
      const LodeChartCell *cell;
      gboolean production = series == SERIES_PRODUCTION;
      gboolean has = production ? get_production (mineral, year, &v) :
                                  get_exports (data, mineral, year, quantities, &v);

      if (!has)
        continue;

      x = _lode_chart_period_x (context, p, span.n_years);
      y = _lode_chart_value_y (context, v, axis_max);
      _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, series), 1.0);
      cairo_arc (context->cr, _lode_chart_mirror_x (context, x), y, 4.0, 0, 2 * G_PI);
      cairo_fill (context->cr);

      cell = production ? NULL : lode_chart_mineral_get_calendar_exports (data, mineral, year, NULL);
      item = _lode_chart_layer_add_item (layer, LODE_CHART_ITEM_POINT,
                                         production || quantities ? 0 : cell->value,
                                         series,
                                         production ?
                                         /* TRANSLATORS: a point of the production chart, "Production of Copper" */
                                         g_strdup_printf (_("Production of %s"), mineral->name) :
                                         /* TRANSLATORS: a point of the production chart, "Exports of Copper" */
                                         g_strdup_printf (_("Exports of %s"), mineral->name));
      _lode_chart_item_set_rectangle (context, item, x - 5, y - 5, 10, 10);
      item->mineral = mineral->id;
      item->year = year;
      if (production || quantities)
        {
          item->quantity = v;
          item->unit = mineral->production_unit;
        }
      item->source = production ? mineral->production_sources[year - mineral->production_first_year] : cell->source;
    }
}

static void
lode_production_and_exports_layer_render (LodeChartLayer   *layer,
                                          LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartMineral *mineral = get_mineral (layer);
  LodeChartLegendEntry legend[2];
  g_autofree char *subtitle = NULL;
  gboolean quantities;
  double production_max = 0, exports_max = 0;
  double text_h, year_w, start_w, end_w = 0;
  double start_max, start_step, end_max = 0, end_step = 0;
  guint n_ticks;
  Span span;

  if (mineral == NULL || mineral->production_unit == LODE_UNIT_NONE)
    {
      _lode_chart_draw_header (context, _("No production figures"), NULL, 0);
      _lode_chart_draw_empty (context, _("No production figures"));
      return;
    }

  quantities = lode_chart_mineral_exports_quantities (mineral);
  span = get_span (data, mineral);
  for (int year = span.first_year; year <= span.last_year; year++)
    {
      double v;

      if (get_production (mineral, year, &v))
        production_max = MAX (production_max, v);
      if (get_exports (data, mineral, year, quantities, &v))
        exports_max = MAX (exports_max, v);
    }

  legend[0] = (LodeChartLegendEntry) { SERIES_PRODUCTION, _("Production"), TRUE };
  legend[1] = (LodeChartLegendEntry) { SERIES_EXPORTS, quantities ? _("Exported quantity") : _("Export value"), TRUE };

  if (mineral->total.count == 0)
    /* TRANSLATORS: the subtitle of the production chart of a mineral without exports; %s is a unit */
    subtitle = g_strdup_printf (_("Production in %s a year; no export records"), unit_name (mineral));
  else if (quantities)
    /* TRANSLATORS: the subtitle of the production chart; %s is a unit such as "t" */
    subtitle = g_strdup_printf (_("Production and exported quantity in %s a year"), unit_name (mineral));
  else if (data->currency != NULL && !context->rtl)
    /* TRANSLATORS: the subtitle of the production chart; %1$s is a unit
     * such as "t", %2$s a currency code such as "PKR" */
    subtitle = g_strdup_printf (_("Production in %1$s a year, scale on the right; export value in %2$s a year, "
                                  "scale on the left (not every export record gives a quantity)"),
                                unit_name (mineral), data->currency);
  else if (data->currency != NULL)
    /* TRANSLATORS: the subtitle of the production chart drawn right to
     * left; %1$s is a unit such as "t", %2$s a currency code */
    subtitle = g_strdup_printf (_("Production in %1$s a year, scale on the left; export value in %2$s a year, "
                                  "scale on the right (not every export record gives a quantity)"),
                                unit_name (mineral), data->currency);
  else if (!context->rtl)
    /* TRANSLATORS: the subtitle of the production chart; %s is a unit such as "t" */
    subtitle = g_strdup_printf (_("Production in %s a year, scale on the right; export value in US dollars a year, "
                                  "scale on the left (not every export record gives a quantity)"),
                                unit_name (mineral));
  else
    /* TRANSLATORS: the subtitle of the production chart drawn right to left; %s is a unit such as "t" */
    subtitle = g_strdup_printf (_("Production in %s a year, scale on the left; export value in US dollars a year, "
                                  "scale on the right (not every export record gives a quantity)"),
                                unit_name (mineral));

  /* On a second line, so that the subtitle is not cut off: why the years
   * are calendar years while the other charts count fiscal ones, and
   * what no calendar year holds. */
  if (mineral->total.count > 0 && (data->start_month != 1 || mineral->calendar_unplaced > 0))
    {
      g_autofree char *count = lode_format_count (mineral->calendar_unplaced);
      g_autofree char *note = NULL;
      char *both;

      if (mineral->calendar_unplaced == 0)
        /* TRANSLATORS: below the production chart's subtitle, why it
         * counts by calendar year while the other charts count by fiscal
         * year */
        note = g_strdup (_("By calendar year, as production is counted"));
      else if (data->start_month != 1)
        /* TRANSLATORS: as above, then how many records of a whole fiscal
         * year no calendar year holds */
        note = g_strdup_printf (g_dngettext (NULL,
                                             "By calendar year, as production is counted; "
                                             "%s record of a fiscal year not placed",
                                             "By calendar year, as production is counted; "
                                             "%s records of fiscal years not placed",
                                             mineral->calendar_unplaced),
                                count);
      else
        /* TRANSLATORS: below the production chart's subtitle, how many
         * records of a whole fiscal year no calendar year holds */
        note = g_strdup_printf (g_dngettext (NULL,
                                             "%s record of a fiscal year not placed",
                                             "%s records of fiscal years not placed",
                                             mineral->calendar_unplaced),
                                count);
      both = g_strconcat (subtitle, "\n", note, NULL);
      g_free (subtitle);
      subtitle = both;
    }
  if (mineral->total.count > 0 && !quantities)
    subtitle = _lode_chart_add_missing (data, subtitle);
  _lode_chart_draw_header (context, subtitle, legend, mineral->total.count > 0 ? 2 : 1);

  /* The scales: one when both lines are quantities or there are no
   * exports, else dollars at the start and the unit at the end. */
  _lode_chart_text_size (context, "2000", &year_w, &text_h);
  context->y0 += text_h / 2;
  context->y1 -= text_h + 4;
  n_ticks = MAX (2, (int) ((context->y1 - context->y0) / 50));

  if (quantities || mineral->total.count == 0)
    {
      g_autofree char *widest = NULL;

      start_max = scale_max (MAX (production_max, exports_max), n_ticks, &start_step);
      widest = format_quantity (start_max, mineral->production_unit);
      _lode_chart_text_size (context, widest, &start_w, NULL);
      context->x0 += start_w + 8;
      context->x1 -= year_w / 2;
      draw_scale (context, start_max, start_step, mineral->production_unit, FALSE, text_h);
    }
  else
    {
      g_autofree char *widest_start = NULL;
      g_autofree char *widest_end = NULL;

      start_max = scale_max (exports_max, n_ticks, &start_step);
      end_max = scale_max (production_max, n_ticks, &end_step);
      widest_start = _lode_chart_format_tick (context, start_max);
      widest_end = format_quantity (end_max, mineral->production_unit);
      _lode_chart_text_size (context, widest_start, &start_w, NULL);
      _lode_chart_text_size (context, widest_end, &end_w, NULL);
      context->x0 += start_w + 8;
      context->x1 -= MAX (end_w + 8, year_w / 2);
      draw_scale (context, start_max, start_step, LODE_UNIT_NONE, FALSE, text_h);
      draw_scale (context, end_max, end_step, mineral->production_unit, TRUE, text_h);
    }

  /* Years, as many as fit. */
  {
    double room = span.n_years > 1 ? (context->x1 - context->x0) / (span.n_years - 1) : context->x1 - context->x0;
    guint every = MAX (1, (guint) ceil ((year_w + 12) / MAX (room, 1.0)));

    for (guint p = 0; p < span.n_years; p += every)
      {
        g_autofree char *label = g_strdup_printf ("%d", span.first_year + (int) p);

        _lode_chart_draw_text (context, label, _lode_chart_period_x (context, p, span.n_years), context->y1 + 4,
                               LODE_CHART_ALIGN_CENTER, context->fg, 0.7);
      }
  }

  draw_line (layer, context, mineral, span, SERIES_PRODUCTION, quantities,
             end_max > 0 ? end_max : start_max);
  if (mineral->total.count > 0)
    draw_line (layer, context, mineral, span, SERIES_EXPORTS, quantities, start_max);
}

static char *
lode_production_and_exports_layer_dup_title (LodeChartLayer *layer)
{
  LodeChartMineral *mineral = get_mineral (layer);

  if (mineral == NULL)
    return NULL;

  /* TRANSLATORS: the title of the production chart, "Production and exports: Copper" */
  return g_strdup_printf (_("Production and exports: %s"), mineral->name);
}

/* The share of @year's production that was exported, or NAN. */
static double
exported_share (LodeChartData    *data,
                LodeChartMineral *mineral,
                int               year)
{
  double exported, production;

  if (!lode_chart_mineral_get_exported (data, mineral, year, &exported, &production))
    return NAN;

  return exported / production;
}

static guint
lode_production_and_exports_layer_describe (LodeChartLayer *layer,
                                            GString        *text)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartMineral *mineral = get_mineral (layer);
  g_autofree char *production_text = NULL;
  double production = 0;
  int year;

  if (mineral == NULL || mineral->production_unit == LODE_UNIT_NONE)
    {
      g_string_append (text, _("No production figures"));
      return 0;
    }

  /* The latest year with a production figure. */
  for (year = mineral->production_last_year; year >= mineral->production_first_year; year--)
    if (get_production (mineral, year, &production))
      break;
  production_text = format_quantity (production, mineral->production_unit);
  /* TRANSLATORS: what the production chart says to a screen reader, "Copper: produced 10,000 t in 2024" */
  g_string_append_printf (text, _("%s: produced %s in %d"), mineral->name, production_text, year);

  if (lode_chart_mineral_exports_quantities (mineral))
    {
      double share = exported_share (data, mineral, year);

      if (!isnan (share))
        {
          g_autofree char *percent = lode_chart_format_percent (share);

          /* TRANSLATORS: follows "Copper: produced 10,000 t in 2024" */
          g_string_append_printf (text, _(", %s of it exported"), percent);
        }
    }
  else if (mineral->total.count > 0)
    {
      double value;

      if (get_exports (data, mineral, year, FALSE, &value))
        {
          g_autofree char *money =
            lode_chart_data_format_short (data, lode_chart_mineral_get_calendar_exports (data, mineral, year, NULL)->value);

          /* TRANSLATORS: follows "Copper: produced 10,000 t in 2024" */
          g_string_append_printf (text, _(", exports worth %s"), money);
        }
    }

  return 1;
}

static GPtrArray *
lode_production_and_exports_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartMineral *mineral = get_mineral (layer);
  GPtrArray *table = _lode_chart_table_new ();
  g_autofree char *production_header = NULL;
  g_autofree char *exported_header = NULL;
  gboolean quantities;
  Span span;

  if (mineral == NULL || mineral->production_unit == LODE_UNIT_NONE)
    {
      _lode_chart_table_add_row (table, g_strdup (_("Mineral")), g_strdup (_("Year")), NULL);
      return table;
    }

  quantities = lode_chart_mineral_exports_quantities (mineral);
  /* TRANSLATORS: a column of the production chart's table, "Production (t)" */
  production_header = g_strdup_printf (_("Production (%s)"), unit_name (mineral));
  /* TRANSLATORS: a column of the production chart's table, "Exported quantity (t)" */
  exported_header = g_strdup_printf (_("Exported quantity (%s)"), unit_name (mineral));
  _lode_chart_table_add_row (table, g_strdup (_("Mineral")), g_strdup (_("Year")),
                             g_strdup (production_header), g_strdup (_("Export value (USD)")),
                             g_strdup (quantities ? exported_header : ""),
                             g_strdup (quantities ? _("Share exported") : ""),
                             g_strdup (_("Production source")), g_strdup (_("Export source")), NULL);

  span = get_span (data, mineral);
  for (int year = span.first_year; year <= span.last_year; year++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double production, exported, share;
      gboolean has_production = get_production (mineral, year, &production);
      gboolean has_exports = get_exports (data, mineral, year, quantities, &exported);
      const LodeChartCell *cell = has_exports ? lode_chart_mineral_get_calendar_exports (data, mineral, year, NULL) : NULL;

      if (!has_production && !has_exports)
        continue;

      share = exported_share (data, mineral, year);
      _lode_chart_table_add_row (table, g_strdup (mineral->name), g_strdup_printf ("%d", year),
                                 g_strdup (has_production ? g_ascii_formatd (buffer, sizeof buffer, "%.17g", production) : ""),
                                 cell != NULL ? lode_money_to_json (cell->value) : g_strdup (""),
                                 g_strdup (quantities && has_exports ? g_ascii_formatd (buffer, sizeof buffer, "%.17g", exported) : ""),
                                 g_strdup (isnan (share) ? "" : g_ascii_formatd (buffer, sizeof buffer, "%.4f", share)),
                                 has_production ? _lode_chart_source_cell (mineral->production_sources[year - mineral->production_first_year]) : g_strdup (""),
                                 cell != NULL ? _lode_chart_source_cell (cell->source) : g_strdup (""), NULL);
    }

  return table;
}

static void
lode_production_and_exports_layer_class_init (LodeProductionAndExportsLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->exports = TRUE;

  layer_class->render = lode_production_and_exports_layer_render;
  layer_class->dup_title = lode_production_and_exports_layer_dup_title;
  layer_class->describe = lode_production_and_exports_layer_describe;
  layer_class->get_table = lode_production_and_exports_layer_get_table;
}

static void
lode_production_and_exports_layer_init (LodeProductionAndExportsLayer *self)
{
}
