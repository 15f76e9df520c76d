/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-chart-layer-private.h"
#include "lode-target-progress-layer.h"

/* One target: the band between the low and the high path it needs from
 * its baseline, its range at its year, and what the records say. */

struct _LodeTargetProgressLayer
{
  LodeChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeTargetProgressLayer, lode_target_progress_layer, LODE_TYPE_CHART_LAYER)

/* The target drawn, or NULL when the data has no such target. */
static LodeChartTarget *
get_target (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  guint index = lode_chart_layer_get_target (layer);

  return index < data->targets->len ? g_ptr_array_index (data->targets, index) : NULL;
}

/* The figures a target's chart draws: in the data's currency when the
 * baseline, the target and the records it is measured by all have a
 * rate in it, else in US dollars. */
typedef struct
{
  const char          *currency;   /* NULL for US dollars */
  LodeMoney            baseline;
  LodeMoney            low;
  LodeMoney            high;
  double               required_low;
  double               required_high;
  const LodeChartCell *actual;     /* by year, target_first_year… of the data */
} Figures;

static void
get_figures (LodeChartData         *data,
             const LodeChartTarget *target,
             Figures               *figures)
{
  if (data->currency != NULL && target->in_currency)
    *figures = (Figures) { data->currency, target->baseline_amount, target->low_amount, target->high_amount,
                           target->currency_required_low, target->currency_required_high,
                           target->currency_actual };
  else
    *figures = (Figures) { NULL, target->baseline_value, target->low, target->high,
                           target->required_low, target->required_high, target->actual };
}

/* @value in the figures' currency, short: "$2 B", "PKR 557 B". */
static char *
format_short (const Figures *figures,
              LodeMoney      value)
{
  if (figures->currency == NULL)
    return _lode_chart_format_money (value);

  return lode_amount_format_short (figures->currency, value);
}

static double
path_value (const LodeChartTarget *target,
            const Figures         *figures,
            LodeMoney              end,
            int                    year)
{
  double years = target->target_year - target->baseline_year;
  double base = lode_money_to_double (figures->baseline);

  if (years <= 0 || base <= 0)
    return lode_money_to_double (end);

  return base * pow (lode_money_to_double (end) / base, (year - target->baseline_year) / years);
}

/* A target on investment without a deadline: "$3.5 B of $10 B, 35.0 %". */
static char *
describe_reached (const LodeChartTarget *target)
{
  g_autofree char *reached = _lode_chart_format_money (target->reached);
  g_autofree char *low = _lode_chart_format_money (target->low);
  g_autofree char *high = _lode_chart_format_money (target->high);
  g_autofree char *goal = target->high != target->low ? g_strdup_printf ("%s–%s", low, high) : g_strdup (low);
  g_autofree char *share = NULL;

  if (target->low <= 0)
    /* TRANSLATORS: what a target on investment has reached, "$3.5 B of $0" */
    return g_strdup_printf (_("%s of %s"), reached, goal);

  share = lode_chart_format_percent (lode_money_to_double (target->reached) / lode_money_to_double (target->low));
  /* TRANSLATORS: what a target on investment has reached, "$3.5 B of $10 B, 35.0 %" */
  return g_strdup_printf (_("%s of %s, %s"), reached, goal, share);
}

static gboolean
is_open_ended_investment (const LodeChartTarget *target)
{
  return target->investment && target->target_year <= 0;
}

static char *
describe_requirement (const LodeChartTarget *target,
                      const Figures         *figures)
{
  g_autofree char *low = lode_chart_format_percent (figures->required_low);
  g_autofree char *high = lode_chart_format_percent (figures->required_high);
  g_autofree char *base = format_short (figures, figures->baseline);
  g_autofree char *goal_low = format_short (figures, figures->low);
  g_autofree char *goal_high = format_short (figures, figures->high);

  if (is_open_ended_investment (target))
    return describe_reached (target);
  if (!target->has_required)
    return g_strdup (_("The target does not say what growth it needs"));

  if (target->high != target->low)
    /* TRANSLATORS: "Needs 24.6 %–32.0 % a year: $2 B in 2025 to $6 B–$8 B by 2030" */
    return g_strdup_printf (_("Needs %s–%s a year: %s in %d to %s–%s by %d"),
                            low, high, base, target->baseline_year,
                            goal_low, goal_high, target->target_year);

  /* TRANSLATORS: "Needs 29.1 % a year: $3 B in 2024 to $50 B by 2035" */
  return g_strdup_printf (_("Needs %s a year: %s in %d to %s by %d"),
                          low, base, target->baseline_year, goal_low, target->target_year);
}

static void
draw_band (LodeChartContext      *context,
           const LodeChartTarget *target,
           const Figures         *figures,
           int                    first,
           guint                  n_periods,
           double                 axis_max)
{
  LodeChartRgb band = _lode_chart_series_rgb (context, 0);

  cairo_new_path (context->cr);
  for (int y = target->baseline_year; y <= target->target_year; y++)
    cairo_line_to (context->cr, _lode_chart_mirror_x (context, _lode_chart_period_x (context, y - first, n_periods)),
                   _lode_chart_value_y (context, path_value (target, figures, figures->high, y), axis_max));
  for (int y = target->target_year; y >= target->baseline_year; y--)
    cairo_line_to (context->cr, _lode_chart_mirror_x (context, _lode_chart_period_x (context, y - first, n_periods)),
                   _lode_chart_value_y (context, path_value (target, figures, figures->low, y), axis_max));
  cairo_close_path (context->cr);
  _lode_chart_set_rgb (context->cr, band, 0.22);
  cairo_fill_preserve (context->cr);
  _lode_chart_set_rgb (context->cr, band, 0.9);
  cairo_set_line_width (context->cr, 1.5);
  cairo_stroke (context->cr);
}

static void
draw_range (LodeChartLayer        *layer,
            LodeChartContext      *context,
            const LodeChartTarget *target,
            const Figures         *figures,
            int                    first,
            guint                  n_periods,
            double                 axis_max)
{
  double x = _lode_chart_period_x (context, target->target_year - first, n_periods);
  double y_high = _lode_chart_value_y (context, lode_money_to_double (figures->high), axis_max);
  double y_low = _lode_chart_value_y (context, lode_money_to_double (figures->low), axis_max);
  LodeChartItem *item;

  _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, 2), 1.0);
  _lode_chart_rectangle (context, x - 5, y_high - 2, 10, y_low - y_high + 4);
  cairo_fill (context->cr);
  item = _lode_chart_layer_add_item (layer, LODE_CHART_ITEM_RANGE, figures->low, 2, g_strdup (target->title));
  _lode_chart_item_set_rectangle (context, item, x - 6, y_high - 3, 12, y_low - y_high + 6);
  item->year = target->target_year;
  item->destination = target->destination;
  item->mineral = target->mineral;
  item->source = target->source;
}

static void
draw_records (LodeChartLayer        *layer,
              LodeChartContext      *context,
              const LodeChartTarget *target,
              const Figures         *figures,
              int                    first,
              int                    last,
              guint                  n_periods,
              double                 axis_max)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartLine line = { (LodeChartCell *) figures->actual,
                         data->target_first_year == 0 ? 0 : (guint) (data->target_last_year - data->target_first_year + 1), 1, NULL, target->mineral };
  int offset = data->target_first_year - first;

  /* Shift the records' years onto the chart's. */
  cairo_save (context->cr);
  {
    double x0 = context->x0, x1 = context->x1;
    double unit = n_periods > 1 ? (x1 - x0) / (n_periods - 1) : 0;

    context->x0 = x0 + offset * unit;
    context->x1 = context->x0 + (line.n_cells > 1 ? (line.n_cells - 1) * unit : 0);
    if (line.n_cells <= 1)
      context->x0 = context->x1 = x0 + offset * unit;
    _lode_chart_draw_reduced_line (context, &line, axis_max);
    context->x0 = x0;
    context->x1 = x1;
  }
  cairo_restore (context->cr);

  for (guint p = 0; p < line.n_cells; p++)
    {
      int year = data->target_first_year + (int) p;
      LodeChartItem *item;
      double x, y;

      if (figures->actual[p].count == 0 || year < first || year > last)
        continue;

      x = _lode_chart_period_x (context, year - first, n_periods);
      y = _lode_chart_value_y (context, lode_money_to_double (figures->actual[p].value), axis_max);
      _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, 1), 1.0);
      cairo_arc (context->cr, _lode_chart_mirror_x (context, x), y, 4.0, 0, 2 * G_PI);
      cairo_fill (context->cr);
      item = _lode_chart_layer_add_item (layer, LODE_CHART_ITEM_POINT, figures->actual[p].value, 1,
                                         g_strdup (_("Recorded")));
      _lode_chart_item_set_rectangle (context, item, x - 5, y - 5, 10, 10);
      item->year = year;
      item->destination = target->destination;
      item->mineral = target->mineral;
      item->source = figures->actual[p].source;
    }
}

/* Why a target's chart stays in US dollars with another currency
 * chosen: "No PKR rate for 2030", or a year it is measured by without
 * one. */
static char *
describe_dollars (LodeChartData         *data,
                  const LodeChartTarget *target)
{
  if (target->investment)
    return g_strdup (_("In US dollars, as investment targets are measured"));

  if (target->target_year > 0 && !target->target_converted)
    {
      /* TRANSLATORS: the first %s is a currency code (PKR), %d a year. */
      g_autofree char *no_rate = g_strdup_printf (_("No %s rate for %d"), data->currency, target->target_year);

      /* TRANSLATORS: why a target's chart is in dollars: "In US dollars: No PKR rate for 2030" */
      return g_strdup_printf (_("In US dollars: %s"), no_rate);
    }

  return g_strdup (_("In US dollars: a year the target is measured by has no rate"));
}

static void
lode_target_progress_layer_render (LodeChartLayer   *layer,
                                   LodeChartContext *context)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartTarget *target = get_target (layer);
  LodeChartLegendEntry legend[3];
  g_autofree char *subtitle = NULL;
  Figures figures;
  int first, last;
  guint n_periods;
  double max, axis_max;

  if (target == NULL)
    {
      _lode_chart_draw_header (context, NULL, NULL, 0);
      _lode_chart_draw_empty (context, _("No targets"));
      return;
    }

  get_figures (data, target, &figures);
  subtitle = describe_requirement (target, &figures);
  /* With another currency chosen, a chart that stays in dollars says
   * why. */
  if (data->currency != NULL && figures.currency == NULL)
    {
      g_autofree char *requirement = g_steal_pointer (&subtitle);
      g_autofree char *why = describe_dollars (data, target);

      /* TRANSLATORS: after what a target needs, when another currency is chosen */
      subtitle = g_strdup_printf (_("%s · %s"), requirement, why);
    }

  /* Without a deadline there is no path: what the events reached against
   * the amount. */
  if (is_open_ended_investment (target))
    {
      LodeChartBarRow *rows = g_new0 (LodeChartBarRow, 2);
      g_autofree char *reached = _lode_chart_format_money (target->reached);
      g_autofree char *low = _lode_chart_format_money (target->low);
      g_autofree char *high = _lode_chart_format_money (target->high);

      rows[0].label = g_strdup (_("Reached"));
      rows[0].end_label = describe_reached (target);
      rows[0].n_segments = 1;
      rows[0].values[0] = target->reached;
      rows[0].series[0] = 1;
      rows[0].item_labels[0] = g_strdup (_("Reached"));
      rows[0].stages[0] = LODE_STAGE_UNKNOWN;

      rows[1].label = g_strdup (_("Target"));
      rows[1].end_label = target->high != target->low ? g_strdup_printf ("%s–%s", low, high) : g_strdup (low);
      rows[1].n_segments = target->high != target->low ? 2 : 1;
      rows[1].values[0] = target->low;
      rows[1].series[0] = 2;
      rows[1].item_labels[0] = g_strdup (target->title);
      rows[1].sources[0] = target->source;
      rows[1].stages[0] = rows[1].stages[1] = LODE_STAGE_UNKNOWN;
      if (target->high != target->low)
        {
          rows[1].values[1] = target->high - target->low;
          rows[1].series[1] = 0;
          /* TRANSLATORS: the part of a target's range above its low end */
          rows[1].item_labels[1] = g_strdup_printf (_("%s, up to the high end"), target->title);
          rows[1].sources[1] = target->source;
        }

      g_free (subtitle);
      subtitle = g_strdup (_("US dollars of the investments the target measures, against its amount; it sets no deadline"));
      _lode_chart_draw_header (context, subtitle, NULL, 0);
      _lode_chart_layer_draw_bars (layer, context, rows, 2);
      _lode_chart_bar_rows_free (rows, 2);
      return;
    }

  legend[0] = (LodeChartLegendEntry) { 1, _("Recorded"), TRUE };
  legend[1] = (LodeChartLegendEntry) { 0, _("Path the target needs, low to high"), FALSE };
  legend[2] = (LodeChartLegendEntry) { 2, _("Target"), FALSE };
  _lode_chart_draw_header (context, subtitle, legend, 3);

  if (target->target_year <= 0)
    {
      _lode_chart_draw_empty (context, _("The target sets no year to reach it by"));
      return;
    }
  if (target->baseline_year <= 0 || target->target_year <= target->baseline_year)
    {
      _lode_chart_draw_empty (context, _("The target has no years to draw"));
      return;
    }

  first = target->baseline_year;
  last = target->target_year;
  if (data->target_first_year != 0)
    {
      first = MIN (first, MAX (data->target_first_year, target->baseline_year - 5));
      last = MAX (last, data->target_last_year);
    }
  n_periods = last - first + 1;

  max = lode_money_to_double (figures.high);
  for (int y = first; y <= last; y++)
    if (y >= data->target_first_year && y <= data->target_last_year && data->target_first_year != 0)
      max = MAX (max, lode_money_to_double (figures.actual[y - data->target_first_year].value));

  axis_max = _lode_chart_draw_axes (context, max, first, 1, n_periods, FALSE);
  draw_band (context, target, &figures, first, n_periods, axis_max);
  draw_range (layer, context, target, &figures, first, n_periods, axis_max);
  if (data->target_first_year != 0 && target->exports)
    draw_records (layer, context, target, &figures, first, last, n_periods, axis_max);
}

static char *
lode_target_progress_layer_dup_title (LodeChartLayer *layer)
{
  LodeChartTarget *target = get_target (layer);

  if (target == NULL)
    return NULL;

  /* A target need not have a deadline ("over $10 billion of investment"). */
  if (target->target_year <= 0)
    /* TRANSLATORS: the title of the chart of a target without a deadline */
    return g_strdup_printf (_("Target: %s"), target->title);

  /* TRANSLATORS: the title of a target's chart: "Target: Mineral exports, 2030" */
  return g_strdup_printf (_("Target: %s, %d"), target->title, target->target_year);
}

/* The range: "Mineral exports: $6,000,000,000–$8,000,000,000 by 2030". */
static void
lode_target_progress_layer_describe_item_period (LodeChartLayer      *layer,
                                                 const LodeChartItem *item,
                                                 GString             *text)
{
  const LodeChartTarget *target;

  /* The bars of a target without a deadline are of no period. */
  if (item->kind == LODE_CHART_ITEM_BAR)
    return;

  if (item->kind != LODE_CHART_ITEM_RANGE)
    {
      LODE_CHART_LAYER_CLASS (lode_target_progress_layer_parent_class)->describe_item_period (layer, item, text);
      return;
    }

  target = get_target (layer);
  if (target->high != target->low)
    {
      Figures figures;
      g_autofree char *high = NULL;

      get_figures (lode_chart_layer_get_data (layer), target, &figures);
      high = figures.currency != NULL ? lode_amount_format_full (figures.currency, figures.high)
                                      : lode_money_format_full (figures.high);

      g_string_append_printf (text, "–%s", high);
    }
  g_string_append_printf (text, _(" by %d"), item->year);
}

static guint
lode_target_progress_layer_describe (LodeChartLayer *layer,
                                     GString        *text)
{
  LodeChartTarget *target = get_target (layer);
  g_autofree char *title = NULL;
  g_autofree char *requirement = NULL;
  Figures figures;

  if (target == NULL)
    return 0;

  get_figures (lode_chart_layer_get_data (layer), target, &figures);
  title = lode_target_progress_layer_dup_title (layer);
  requirement = describe_requirement (target, &figures);
  g_string_append_printf (text, "%s: %s", title, requirement);

  return 1;
}

static GPtrArray *
lode_target_progress_layer_get_table (LodeChartLayer *layer)
{
  LodeChartData *data = lode_chart_layer_get_data (layer);
  LodeChartTarget *target = get_target (layer);
  GPtrArray *table = _lode_chart_table_new ();
  Figures figures = { NULL, };
  int first, last;

  if (target != NULL)
    get_figures (data, target, &figures);
  if (figures.currency == NULL)
    _lode_chart_table_add_row (table, g_strdup (_("Year")), g_strdup (_("Recorded (USD)")),
                               g_strdup (_("Path, low (USD)")), g_strdup (_("Path, high (USD)")), NULL);
  else
    _lode_chart_table_add_row (table, g_strdup (_("Year")),
                               /* TRANSLATORS: columns of a target's table, %s a currency code: "Recorded (PKR)" */
                               g_strdup_printf (_("Recorded (%s)"), figures.currency),
                               g_strdup_printf (_("Path, low (%s)"), figures.currency),
                               g_strdup_printf (_("Path, high (%s)"), figures.currency), NULL);
  if (target == NULL)
    return table;

  first = target->baseline_year;
  last = target->target_year;
  if (data->target_first_year != 0)
    {
      first = MIN (first, data->target_first_year);
      last = MAX (last, data->target_last_year);
    }
  for (int y = first; y <= last && y - first < 1000; y++)
    {
      gboolean recorded = data->target_first_year != 0 && y >= data->target_first_year && y <= data->target_last_year &&
                          figures.actual[y - data->target_first_year].count > 0;
      gboolean on_path = y >= target->baseline_year && y <= target->target_year;

      _lode_chart_table_add_row (table, g_strdup_printf ("%d", y),
                                 recorded ? lode_money_to_json (figures.actual[y - data->target_first_year].value) : g_strdup (""),
                                 on_path ? lode_money_to_json ((LodeMoney) llround (path_value (target, &figures, figures.low, y) * 100)) : g_strdup (""),
                                 on_path ? lode_money_to_json ((LodeMoney) llround (path_value (target, &figures, figures.high, y) * 100)) : g_strdup (""),
                                 NULL);
    }

  return table;
}

/* The data's currency when the target's figures are all in it. */
static const char *
lode_target_progress_layer_get_currency (LodeChartLayer *layer)
{
  LodeChartTarget *target = get_target (layer);
  Figures figures = { NULL, };

  if (target != NULL)
    get_figures (lode_chart_layer_get_data (layer), target, &figures);

  return figures.currency;
}

static void
lode_target_progress_layer_class_init (LodeTargetProgressLayerClass *klass)
{
  LodeChartLayerClass *layer_class = LODE_CHART_LAYER_CLASS (klass);

  layer_class->get_currency = lode_target_progress_layer_get_currency;
  layer_class->dup_title = lode_target_progress_layer_dup_title;
  layer_class->render = lode_target_progress_layer_render;
  layer_class->describe_item_period = lode_target_progress_layer_describe_item_period;
  layer_class->describe = lode_target_progress_layer_describe;
  layer_class->get_table = lode_target_progress_layer_get_table;
}

static void
lode_target_progress_layer_init (LodeTargetProgressLayer *self)
{
}
