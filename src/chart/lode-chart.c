/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lode-countries.h"
#include "lode-enum-types.h"

#include "lode-chart.h"

/* Drawing of the charts with cairo and pango: the same code draws the
 * widget on screen and the files lode-cli writes. Each rendering lays out
 * the chart for its size from the aggregates in LodeChartData and records
 * its items, so the widget can hit-test and describe them. */

#define PAD            12.0
#define FONT_FAMILY    "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define FONT_SIZE      10.0
#define MAX_BARS       12
#define MAX_SLICES     6      /* five destinations and "Other" */
#define MAX_LINES      6
#define SERIES_OTHER   7      /* the grey of "Other" */
#define STROKE_CHUNK   32     /* pixel columns stroked at once */

typedef struct
{
  double r, g, b;
} Rgb;

/* Okabe and Ito's palette, told apart with any colour vision; on a dark
 * background the dark blue gives way to the sky blue and the yellow comes
 * in. The last one is the grey of "Other". */
static const guint32 palette_light[] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0x7A6A00, 0x8C8C8C,
};
static const guint32 palette_dark[] = {
  0x56B4E9, 0xE69F00, 0x19C08F, 0xF07E3A, 0xDD8DB8, 0x6F9FFF, 0xF0E442, 0xA0A0A0,
};

struct _LodeChart
{
  GObject         parent_instance;

  LodeChartKind   kind;
  LodeChartData  *data;
  guint           target;
  gboolean        monthly;
  gboolean        dark;
  gboolean        rtl;
  gboolean        background;
  int             highlight;

  /* Of the last rendering */
  double          width;
  double          height;
  GArray         *items;     /* LodeChartItem */
  char           *title;
};

G_DEFINE_FINAL_TYPE (LodeChart, lode_chart, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  const char *title;        /* N_() */
  const char *description;  /* N_() */
} kinds[LODE_N_CHART_KINDS] = {
  { "exports-by-mineral", N_("Exports by mineral"),
    N_("Bars of the exports of each mineral, stacked by processing stage") },
  { "exports-over-time", N_("Exports over time"),
    N_("A line a mineral of its exports by year, or by month") },
  { "destinations", N_("Exports by destination"),
    N_("A donut of the largest destinations of the exports and the others") },
  { "reserves", N_("Reserves by mineral"),
    N_("Bars of the estimated value of the reserves, with their quantity") },
  { "target-progress", N_("Target progress"),
    N_("Recorded values against the path a target needs, with its low–high band") },
};

/* Names and words */

const char *
lode_chart_kind_get_name (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);

  return kinds[kind].name;
}

gboolean
lode_chart_kind_from_name (const char    *name,
                           LodeChartKind *kind)
{
  for (guint i = 0; i < LODE_N_CHART_KINDS; i++)
    {
      if (g_strcmp0 (name, kinds[i].name) == 0)
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lode_chart_kind_get_title (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);

  return _(kinds[kind].title);
}

const char *
lode_chart_kind_get_description (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);

  return _(kinds[kind].description);
}

static const char *
stage_name (LodeStage stage)
{
  switch (stage)
    {
    case LODE_STAGE_ORE:
      return C_("stage", "Ore");
    case LODE_STAGE_CONCENTRATE:
      return C_("stage", "Concentrate");
    case LODE_STAGE_REFINED:
      return C_("stage", "Refined");
    case LODE_STAGE_PRODUCT:
      return C_("stage", "Product");
    case LODE_STAGE_UNKNOWN:
    default:
      return C_("stage", "Stage not given");
    }
}

/* Stages in the order of the stacks, raw material first. */
static const LodeStage stage_order[LODE_N_STAGES] = {
  LODE_STAGE_ORE, LODE_STAGE_CONCENTRATE, LODE_STAGE_REFINED, LODE_STAGE_PRODUCT, LODE_STAGE_UNKNOWN,
};

static int
stage_series (LodeStage stage)
{
  return stage == LODE_STAGE_UNKNOWN ? SERIES_OTHER : (int) stage - 1;
}

static const char *
destination_name (const char *code)
{
  return code != NULL ? lode_country_name (code) : _("Destination not given");
}

char *
lode_chart_format_tick (double dollars)
{
  return lode_money_format_short ((LodeMoney) llround (dollars * 100.0));
}

static char *
format_money (LodeMoney value)
{
  return lode_money_format_short (value);
}

char *
lode_chart_format_percent (double fraction)
{
  /* TRANSLATORS: a percentage, such as "24.6 %" */
  return g_strdup_printf (_("%.1f %%"), fraction * 100.0);
}

double
lode_chart_nice_step (double max,
                      guint  n_ticks)
{
  double raw;
  double magnitude;
  double fraction;

  if (!(max > 0.0) || n_ticks == 0)
    return 1.0;

  raw = max / n_ticks;
  magnitude = pow (10.0, floor (log10 (raw)));
  fraction = raw / magnitude;

  if (fraction <= 1.0)
    return magnitude;
  if (fraction <= 2.0)
    return 2.0 * magnitude;
  if (fraction <= 2.5)
    return 2.5 * magnitude;
  if (fraction <= 5.0)
    return 5.0 * magnitude;

  return 10.0 * magnitude;
}

/* Drawing helpers */

typedef enum
{
  ALIGN_START,
  ALIGN_CENTER,
  ALIGN_END,
} Align;

typedef struct
{
  LodeChart   *chart;
  cairo_t     *cr;
  PangoLayout *layout;
  double       width;
  double       height;
  Rgb          fg;
  Rgb          bg;
  /* The plot area, in logical (left-to-right) coordinates. */
  double       x0, y0, x1, y1;
  /* A logarithmic value axis from 10^log_min to 10^log_max dollars. */
  gboolean     log_scale;
  double       log_min, log_max;
} Ctx;

static Rgb
rgb_of (guint32 value)
{
  Rgb rgb = { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0 };

  return rgb;
}

static Rgb
series_rgb (LodeChart *self,
            int        series)
{
  const guint32 *palette = self->dark ? palette_dark : palette_light;

  return rgb_of (palette[CLAMP (series, 0, SERIES_OTHER)]);
}

static void
set_rgb (cairo_t *cr,
         Rgb      rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, alpha);
}

/* Mirrors a logical x for right-to-left layouts. */
static double
mx (Ctx    *ctx,
    double  x)
{
  return ctx->chart->rtl ? ctx->width - x : x;
}

static void
logical_rectangle (Ctx    *ctx,
                   double  x,
                   double  y,
                   double  w,
                   double  h)
{
  cairo_rectangle (ctx->cr, ctx->chart->rtl ? ctx->width - x - w : x, y, w, h);
}

static void
set_font (Ctx      *ctx,
          double    scale,
          gboolean  bold)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (FONT_SIZE * scale * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (ctx->layout, font);
  pango_font_description_free (font);
}

static void
text_size (Ctx        *ctx,
           const char *text,
           double     *w,
           double     *h)
{
  int pw, ph;

  pango_layout_set_width (ctx->layout, -1);
  pango_layout_set_text (ctx->layout, text, -1);
  pango_layout_get_pixel_size (ctx->layout, &pw, &ph);
  if (w != NULL)
    *w = pw;
  if (h != NULL)
    *h = ph;
}

/* Draws @text with its logical @align edge at logical @x, its top at @y. */
static double
draw_text (Ctx        *ctx,
           const char *text,
           double      x,
           double      y,
           Align       align,
           Rgb         colour,
           double      alpha)
{
  double w, h;
  double left;

  text_size (ctx, text, &w, &h);

  switch (align)
    {
    case ALIGN_START:
      left = ctx->chart->rtl ? ctx->width - x - w : x;
      break;
    case ALIGN_END:
      left = ctx->chart->rtl ? ctx->width - x : x - w;
      break;
    case ALIGN_CENTER:
    default:
      left = mx (ctx, x) - w / 2.0;
      break;
    }

  set_rgb (ctx->cr, colour, alpha);
  cairo_move_to (ctx->cr, left, y);
  pango_cairo_show_layout (ctx->cr, ctx->layout);

  return h;
}

static LodeChartItem *
add_item (LodeChart         *self,
          LodeChartItemKind  kind,
          LodeMoney          value,
          int                series,
          char              *label)
{
  LodeChartItem item = { 0 };

  item.kind = kind;
  item.value = value;
  item.series = series;
  item.label = label;
  g_array_append_val (self->items, item);

  return &g_array_index (self->items, LodeChartItem, self->items->len - 1);
}

static void
item_rectangle (Ctx           *ctx,
                LodeChartItem *item,
                double         x,
                double         y,
                double         w,
                double         h)
{
  item->x = ctx->chart->rtl ? ctx->width - x - w : x;
  item->y = y;
  item->width = w;
  item->height = h;
}

/* The title, a subtitle and the legend; leaves the rest as the plot. */
typedef struct
{
  int         series;
  const char *text;
  gboolean    line;
} LegendEntry;

static void
draw_header (Ctx         *ctx,
             const char  *title,
             const char  *subtitle,
             LegendEntry *legend,
             guint        n_legend)
{
  double y = PAD;
  double x = PAD;

  set_font (ctx, 1.2, TRUE);
  y += draw_text (ctx, title, PAD, y, ALIGN_START, ctx->fg, 1.0);
  set_font (ctx, 1.0, FALSE);
  if (subtitle != NULL)
    y += draw_text (ctx, subtitle, PAD, y, ALIGN_START, ctx->fg, 0.7) + 2;

  if (n_legend > 0)
    {
      double line_h = 0;

      y += 4;
      for (guint i = 0; i < n_legend; i++)
        {
          double w, h;

          text_size (ctx, legend[i].text, &w, &h);
          line_h = MAX (line_h, h);
          if (x > PAD && x + 18 + w > ctx->width - PAD)
            {
              x = PAD;
              y += line_h + 4;
            }

          set_rgb (ctx->cr, series_rgb (ctx->chart, legend[i].series), 1.0);
          if (legend[i].line)
            logical_rectangle (ctx, x, y + h / 2 - 1.5, 12, 3);
          else
            logical_rectangle (ctx, x, y + h / 2 - 5, 12, 10);
          cairo_fill (ctx->cr);
          draw_text (ctx, legend[i].text, x + 16, y, ALIGN_START, ctx->fg, 0.85);
          x += 16 + w + 14;
        }
      y += line_h;
    }

  ctx->x0 = PAD;
  ctx->x1 = ctx->width - PAD;
  ctx->y0 = y + 10;
  ctx->y1 = ctx->height - PAD;
}

static void
draw_empty (Ctx        *ctx,
            const char *message)
{
  double h;

  text_size (ctx, message, NULL, &h);
  draw_text (ctx, message, ctx->width / 2, (ctx->y0 + ctx->y1 - h) / 2, ALIGN_CENTER, ctx->fg, 0.6);
}

/* Horizontal bars: one row a label, segments stacked along the value axis. */
typedef struct
{
  char       *label;         /* the row's name */
  char       *end_label;     /* after the bar */
  const char *mineral;
  guint       n_segments;
  LodeMoney   values[LODE_N_STAGES];
  int         series[LODE_N_STAGES];
  LodeStage   stages[LODE_N_STAGES];
  const char *sources[LODE_N_STAGES];
  int         years[LODE_N_STAGES];
  char       *item_labels[LODE_N_STAGES];
} BarRow;

static void
draw_value_axis (Ctx    *ctx,
                 double  x0,
                 double  x1,
                 double  y_top,
                 double  y_axis,
                 double  axis_max,
                 double  step)
{
  for (double v = 0.0; v <= axis_max * 1.0001; v += step)
    {
      double x = x0 + (x1 - x0) * v / axis_max;
      g_autofree char *label = lode_chart_format_tick (v);

      set_rgb (ctx->cr, ctx->fg, v == 0.0 ? 0.45 : 0.12);
      cairo_rectangle (ctx->cr, round (mx (ctx, x)) - 0.5, y_top, 1, y_axis - y_top);
      cairo_fill (ctx->cr);
      draw_text (ctx, label, x, y_axis + 3, ALIGN_CENTER, ctx->fg, 0.7);
    }
}

static void
draw_bars (Ctx    *ctx,
           BarRow *rows,
           guint   n_rows)
{
  LodeChart *self = ctx->chart;
  double label_w = 0, end_w = 0, text_h = 0, tick_w = 0;
  double max = 0;
  double step, axis_max, x0, x1, row_h, bar_h, axis_y;

  for (guint i = 0; i < n_rows; i++)
    {
      double w, h;
      LodeMoney total = 0;

      text_size (ctx, rows[i].label, &w, &h);
      label_w = MAX (label_w, w);
      text_h = MAX (text_h, h);
      text_size (ctx, rows[i].end_label, &w, NULL);
      end_w = MAX (end_w, w);
      for (guint s = 0; s < rows[i].n_segments; s++)
        total += rows[i].values[s];
      max = MAX (max, lode_money_to_double (total));
    }

  label_w = MIN (label_w, ctx->width * 0.35);
  x0 = ctx->x0 + label_w + 8;
  x1 = ctx->x1 - end_w - 6;
  axis_y = ctx->y1 - text_h - 4;
  step = lode_chart_nice_step (max, MAX (2, (int) ((x1 - x0) / 110)));
  axis_max = MAX (step, ceil (max / step - 1e-9) * step);
  {
    g_autofree char *widest = lode_chart_format_tick (axis_max);

    text_size (ctx, widest, &tick_w, NULL);
  }
  x1 = MIN (x1, ctx->x1 - tick_w / 2);
  row_h = MIN (40.0, (axis_y - ctx->y0) / MAX (n_rows, 1));
  axis_y = MIN (axis_y, ctx->y0 + n_rows * row_h + 4);
  bar_h = MAX (2.0, row_h * 0.62);

  draw_value_axis (ctx, x0, x1, ctx->y0, axis_y, axis_max, step);

  for (guint i = 0; i < n_rows; i++)
    {
      double y = ctx->y0 + i * row_h + (row_h - bar_h) / 2;
      double x = x0;

      cairo_save (ctx->cr);
      logical_rectangle (ctx, ctx->x0, y - row_h, label_w, 3 * row_h);
      cairo_clip (ctx->cr);
      draw_text (ctx, rows[i].label, x0 - 8, y + (bar_h - text_h) / 2, ALIGN_END, ctx->fg, 0.9);
      cairo_restore (ctx->cr);

      for (guint s = 0; s < rows[i].n_segments; s++)
        {
          double w = (x1 - x0) * lode_money_to_double (rows[i].values[s]) / axis_max;
          LodeChartItem *item;

          set_rgb (ctx->cr, series_rgb (self, rows[i].series[s]), 1.0);
          logical_rectangle (ctx, x, y, MAX (w, 1.0), bar_h);
          cairo_fill (ctx->cr);

          item = add_item (self, LODE_CHART_ITEM_BAR, rows[i].values[s], rows[i].series[s],
                           g_steal_pointer (&rows[i].item_labels[s]));
          item_rectangle (ctx, item, x, y, MAX (w, 1.0), bar_h);
          item->mineral = rows[i].mineral;
          item->stage = rows[i].stages[s];
          item->source = rows[i].sources[s];
          item->year = rows[i].years[s];
          x += w;
        }

      draw_text (ctx, rows[i].end_label, x + 6, y + (bar_h - text_h) / 2, ALIGN_START, ctx->fg, 0.85);
    }
}

static void
bar_rows_free (BarRow *rows,
               guint   n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_free (rows[i].label);
      g_free (rows[i].end_label);
      for (guint s = 0; s < LODE_N_STAGES; s++)
        g_free (rows[i].item_labels[s]);
    }
  g_free (rows);
}

static void
render_exports_by_mineral (Ctx *ctx)
{
  LodeChartData *data = ctx->chart->data;
  LegendEntry legend[LODE_N_STAGES];
  guint n_legend = 0;
  guint n_rows = 0;
  BarRow *rows = g_new0 (BarRow, MAX_BARS);
  g_autofree char *subtitle = NULL;
  LodeChartMineral other = { 0 };
  guint n_exporting = 0;

  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      LodeStage stage = stage_order[s];

      if (data->stages[stage].count > 0)
        legend[n_legend++] = (LegendEntry) { stage_series (stage), stage_name (stage), FALSE };
    }

  for (guint i = 0; i < data->minerals->len; i++)
    if (((LodeChartMineral *) g_ptr_array_index (data->minerals, i))->total.count > 0)
      n_exporting++;

  /* Beyond MAX_BARS minerals, the smallest share the last row. */
  for (guint i = 0; i < data->minerals->len && n_rows < MAX_BARS; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);
      BarRow *row = &rows[n_rows];

      if (mineral->total.count == 0)
        continue;

      if (n_exporting > MAX_BARS && n_rows == MAX_BARS - 1)
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
      row->end_label = format_money (mineral->total.value);
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
          row->item_labels[k] = g_strdup_printf (_("%s, %s"), mineral->name, stage_name (stage));
          row->n_segments++;
        }
      n_rows++;
    }

  if (data->first_year == 0)
    subtitle = g_strdup (_("No export records"));
  else if (data->first_year == data->last_year)
    /* TRANSLATORS: the years a chart covers */
    subtitle = g_strdup_printf (_("US dollars, %d"), data->first_year);
  else
    /* TRANSLATORS: the years a chart covers */
    subtitle = g_strdup_printf (_("US dollars, %d–%d, all years together"), data->first_year, data->last_year);

  draw_header (ctx, ctx->chart->title, subtitle, legend, n_legend);
  if (n_rows == 0)
    draw_empty (ctx, _("No export records"));
  else
    draw_bars (ctx, rows, n_rows);

  bar_rows_free (rows, MAX_BARS);
  g_free (other.name);
}

static void
render_reserves (Ctx *ctx)
{
  LodeChartData *data = ctx->chart->data;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  BarRow *rows = g_new0 (BarRow, MAX_BARS);
  guint n_rows = 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = format_money (data->reserve_value);

  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (mineral->reserve_value > 0)
        g_ptr_array_add (order, mineral);
    }

  for (guint i = 0; i < order->len && n_rows < MAX_BARS; i++)
    {
      LodeChartMineral *mineral = NULL;
      BarRow *row = &rows[n_rows];
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

      value = format_money (mineral->reserve_value);
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
  draw_header (ctx, ctx->chart->title, subtitle, NULL, 0);
  if (n_rows == 0)
    draw_empty (ctx, _("No reserve estimates with a value"));
  else
    draw_bars (ctx, rows, n_rows);

  bar_rows_free (rows, MAX_BARS);
}

/* Lines over time */

typedef struct
{
  const LodeChartCell *cells;
  guint                n_cells;
  int                  series;
  const char          *name;
  const char          *mineral;
} Line;

static double
period_x (Ctx   *ctx,
          guint  period,
          guint  n_periods)
{
  if (n_periods <= 1)
    return (ctx->x0 + ctx->x1) / 2;

  return ctx->x0 + (ctx->x1 - ctx->x0) * period / (n_periods - 1);
}

static double
value_y (Ctx    *ctx,
         double  value,
         double  axis_max)
{
  if (ctx->log_scale)
    {
      double l = value > 0 ? log10 (value) : ctx->log_min;

      l = CLAMP (l, ctx->log_min, ctx->log_max);
      return ctx->y1 - (ctx->y1 - ctx->y0) * (l - ctx->log_min) / (ctx->log_max - ctx->log_min);
    }

  return ctx->y1 - (ctx->y1 - ctx->y0) * value / axis_max;
}

/* The y axis at the start, the x axis of periods at the bottom; leaves
 * the plot area inside. */
static void
draw_axes (Ctx    *ctx,
           double  max,
           int     first_year,
           guint   n_periods,
           gboolean monthly,
           double *axis_max_out)
{
  double tick_w, text_h, step, axis_max;
  g_autofree char *widest = NULL;
  guint every;
  double year_w;

  text_size (ctx, "2000", &year_w, &text_h);
  ctx->y0 += text_h / 2;
  ctx->y1 -= text_h + 4;
  step = lode_chart_nice_step (max, MAX (2, (int) ((ctx->y1 - ctx->y0) / 50)));
  axis_max = MAX (step, ceil (max / step - 1e-9) * step);
  widest = lode_chart_format_tick (axis_max);
  text_size (ctx, widest, &tick_w, NULL);
  ctx->x0 += tick_w + 8;
  ctx->x1 -= year_w / 2;

  if (ctx->log_scale)
    {
      /* A tick a power of ten. */
      g_autofree char *low = lode_chart_format_tick (pow (10, ctx->log_min));
      double low_w;

      text_size (ctx, low, &low_w, NULL);
      ctx->x0 += MAX (0, low_w - tick_w);
      for (double l = ctx->log_min; l <= ctx->log_max + 1e-9; l += 1.0)
        {
          double y = value_y (ctx, pow (10, l), axis_max);
          g_autofree char *label = lode_chart_format_tick (pow (10, l));

          set_rgb (ctx->cr, ctx->fg, l == ctx->log_min ? 0.45 : 0.12);
          logical_rectangle (ctx, ctx->x0, round (y) - 0.5, ctx->x1 - ctx->x0, 1);
          cairo_fill (ctx->cr);
          draw_text (ctx, label, ctx->x0 - 6, y - text_h / 2, ALIGN_END, ctx->fg, 0.7);
        }
    }
  else
    {
      for (double v = 0.0; v <= axis_max * 1.0001; v += step)
        {
          double y = value_y (ctx, v, axis_max);
          g_autofree char *label = lode_chart_format_tick (v);

          set_rgb (ctx->cr, ctx->fg, v == 0.0 ? 0.45 : 0.12);
          logical_rectangle (ctx, ctx->x0, round (y) - 0.5, ctx->x1 - ctx->x0, 1);
          cairo_fill (ctx->cr);
          draw_text (ctx, label, ctx->x0 - 6, y - text_h / 2, ALIGN_END, ctx->fg, 0.7);
        }
    }

  /* Years, as many as fit. */
  {
    guint n_years = monthly ? (n_periods + 11) / 12 : n_periods;
    double room = n_years > 1 ? (ctx->x1 - ctx->x0) / (n_years - 1) : ctx->x1 - ctx->x0;

    every = MAX (1, (guint) ceil ((year_w + 12) / MAX (room, 1.0)));
    for (guint y = 0; y < n_years; y += every)
      {
        g_autofree char *label = g_strdup_printf ("%d", first_year + (int) y);
        double x = period_x (ctx, monthly ? y * 12 : y, n_periods);

        draw_text (ctx, label, x, ctx->y1 + 4, ALIGN_CENTER, ctx->fg, 0.7);
      }
  }

  *axis_max_out = axis_max;
}

/* Draws a line through the cells that have records, reduced to the pixel
 * columns: in each column its first, lowest, highest and last value, never
 * every point. Returns how many vertices it drew. */
static guint
draw_reduced_line (Ctx        *ctx,
                   const Line *line,
                   double      axis_max)
{
  cairo_t *cr = ctx->cr;
  guint n_vertices = 0;
  gboolean have_column = FALSE;
  gboolean pen_down = FALSE;
  long column = 0;
  double first = 0, last = 0, low = 0, high = 0;
  guint last_period = 0;
  guint n_chunk = 0;

  set_rgb (cr, series_rgb (ctx->chart, line->series), 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);

#define FLUSH_COLUMN()                                                         \
  G_STMT_START {                                                               \
    double cx = mx (ctx, column + 0.5);                                        \
    if (pen_down) cairo_line_to (cr, cx, first); else cairo_move_to (cr, cx, first); \
    if (low != first) cairo_line_to (cr, cx, low);                             \
    if (high != low) cairo_line_to (cr, cx, high);                             \
    if (last != high) cairo_line_to (cr, cx, last);                            \
    n_vertices += 4;                                                           \
    pen_down = TRUE;                                                           \
    /* Short paths keep stroking linear in the number of columns. */          \
    if (++n_chunk >= STROKE_CHUNK)                                             \
      {                                                                        \
        cairo_stroke (cr);                                                     \
        cairo_move_to (cr, cx, last);                                          \
        n_chunk = 0;                                                           \
      }                                                                        \
  } G_STMT_END

  for (guint p = 0; p < line->n_cells; p++)
    {
      double x, y;
      long c;

      if (line->cells[p].count == 0)
        continue;

      x = period_x (ctx, p, line->n_cells);
      y = value_y (ctx, lode_money_to_double (line->cells[p].value), axis_max);
      c = (long) floor (x);

      /* A gap of more than one period without records breaks the line. */
      if (have_column && p > last_period + 1)
        {
          FLUSH_COLUMN ();
          have_column = FALSE;
          pen_down = FALSE;
        }

      if (have_column && c == column)
        {
          low = MAX (low, y);    /* lower on screen is a smaller value */
          high = MIN (high, y);
          last = y;
        }
      else
        {
          if (have_column)
            FLUSH_COLUMN ();
          column = c;
          first = last = low = high = y;
          have_column = TRUE;
        }
      last_period = p;
    }
  if (have_column)
    FLUSH_COLUMN ();

#undef FLUSH_COLUMN

  cairo_stroke (cr);

  return n_vertices;
}

static void
render_exports_over_time (Ctx *ctx)
{
  LodeChart *self = ctx->chart;
  LodeChartData *data = self->data;
  gboolean monthly = self->monthly && data->has_months;
  guint n_years = lode_chart_data_get_n_years (data);
  guint n_periods = monthly ? n_years * 12 : n_years;
  Line lines[MAX_LINES];
  LegendEntry legend[MAX_LINES];
  guint n_lines = 0;
  double max = 0, min = G_MAXDOUBLE, axis_max;
  guint n_points = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < data->minerals->len && n_lines < MAX_LINES; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (mineral->total.count == 0)
        continue;

      lines[n_lines] = (Line) { monthly ? mineral->months : mineral->years, n_periods,
                                (int) n_lines, mineral->name, mineral->id };
      legend[n_lines] = (LegendEntry) { (int) n_lines, mineral->name, TRUE };
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
      ctx->log_scale = TRUE;
      ctx->log_min = floor (log10 (min));
      ctx->log_max = MAX (ctx->log_min + 1, ceil (log10 (max)));
    }

  if (n_lines == 0)
    subtitle = g_strdup (_("No export records"));
  else if (monthly && ctx->log_scale)
    subtitle = g_strdup (_("US dollars a month, the largest minerals, on a logarithmic scale"));
  else if (monthly)
    subtitle = g_strdup (_("US dollars a month, the largest minerals"));
  else if (ctx->log_scale)
    subtitle = g_strdup (_("US dollars a year, the largest minerals, on a logarithmic scale"));
  else
    subtitle = g_strdup (_("US dollars a year, the largest minerals"));

  draw_header (ctx, self->title, subtitle, legend, n_lines);
  if (n_lines == 0)
    {
      draw_empty (ctx, _("No export records"));
      return;
    }

  draw_axes (ctx, max, data->first_year, n_periods, monthly, &axis_max);

  for (guint l = 0; l < n_lines; l++)
    draw_reduced_line (ctx, &lines[l], axis_max);

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

          x = period_x (ctx, p, n_periods);
          y = value_y (ctx, lode_money_to_double (cell->value), axis_max);
          if (n_points * 10 <= (ctx->x1 - ctx->x0) * n_lines)
            {
              set_rgb (ctx->cr, series_rgb (self, lines[l].series), 1.0);
              cairo_arc (ctx->cr, mx (ctx, x), y, 4.0, 0, 2 * G_PI);
              cairo_fill (ctx->cr);
            }

          item = add_item (self, LODE_CHART_ITEM_POINT, cell->value, lines[l].series,
                           g_strdup (lines[l].name));
          item_rectangle (ctx, item, x - 5, y - 5, 10, 10);
          item->mineral = lines[l].mineral;
          item->year = data->first_year + (int) (monthly ? p / 12 : p);
          item->month = monthly ? (int) (p % 12) + 1 : 0;
          item->source = cell->source;
        }
    }
}

/* The donut of destinations */

static void
render_destinations (Ctx *ctx)
{
  LodeChart *self = ctx->chart;
  LodeChartData *data = self->data;
  guint n = MIN (data->destinations->len, MAX_SLICES);
  LegendEntry legend[MAX_SLICES];
  g_autofree char *subtitle = NULL;
  g_autofree char *total = format_money (data->total);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double cx, cy, outer, inner, angle;
  double legend_x, legend_y, text_h;

  /* More than MAX_SLICES destinations: the last slice is "Other". */
  if (data->destinations->len > MAX_SLICES)
    n = MAX_SLICES;

  subtitle = g_strdup_printf (_("Share of the exports, %s in all"), total);
  draw_header (ctx, self->title, subtitle, NULL, 0);

  if (data->total <= 0)
    {
      draw_empty (ctx, _("No export records"));
      return;
    }

  outer = MIN ((ctx->y1 - ctx->y0) / 2, (ctx->x1 - ctx->x0) * 0.25);
  inner = outer * 0.58;
  cx = ctx->x0 + outer;
  cy = (ctx->y0 + ctx->y1) / 2;
  angle = -G_PI / 2;

  text_size (ctx, "Ag", NULL, &text_h);
  legend_x = cx + outer + 24;
  legend_y = cy - (n * (text_h + 8)) / 2;

  for (guint i = 0; i < n; i++)
    {
      gboolean other = data->destinations->len > MAX_SLICES && i == MAX_SLICES - 1;
      LodeChartDestination *destination = &g_array_index (data->destinations, LodeChartDestination, i);
      LodeMoney value = destination->total.value;
      const char *source = destination->total.source;
      int series = other ? SERIES_OTHER : (int) i;
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
          name = g_strdup (destination_name (destination->code));
        }

      share = lode_money_to_double (value) / lode_money_to_double (data->total);
      sweep = 2 * G_PI * share;
      start = angle;
      angle += sweep;

      /* Clockwise from the top; counter-clockwise when mirrored. */
      set_rgb (ctx->cr, series_rgb (self, series), 1.0);
      cairo_new_path (ctx->cr);
      if (self->rtl)
        {
          cairo_arc_negative (ctx->cr, mx (ctx, cx), cy, outer, G_PI - start, G_PI - angle);
          cairo_arc (ctx->cr, mx (ctx, cx), cy, inner, G_PI - angle, G_PI - start);
        }
      else
        {
          cairo_arc (ctx->cr, cx, cy, outer, start, angle);
          cairo_arc_negative (ctx->cr, cx, cy, inner, angle, start);
        }
      cairo_close_path (ctx->cr);
      cairo_fill_preserve (ctx->cr);
      set_rgb (ctx->cr, ctx->bg, 1.0);
      cairo_set_line_width (ctx->cr, n > 1 ? 1.5 : 0.0);
      if (n > 1)
        cairo_stroke (ctx->cr);
      cairo_new_path (ctx->cr);

      item = add_item (self, LODE_CHART_ITEM_SLICE, value, series, name);
      item->cx = mx (ctx, cx);
      item->cy = cy;
      item->inner = inner;
      item->outer = outer;
      item->start = self->rtl ? G_PI - angle : start;
      item->end = self->rtl ? G_PI - start : angle;
      item->x = item->cx - outer;
      item->y = cy - outer;
      item->width = item->height = 2 * outer;
      item->destination = other ? NULL : destination->code;
      item->source = source;
      item->year = other ? 0 : destination->total.year;

      money = format_money (value);
      percent = lode_chart_format_percent (share);
      /* TRANSLATORS: a destination in the legend: "China  100.0 %  $1.27 B" */
      text = g_strdup_printf (_("%s  %s  %s"), name, percent, money);
      g_ptr_array_add (texts, text);
      legend[i] = (LegendEntry) { series, text, FALSE };
    }

  /* The legend beside the donut. */
  for (guint i = 0; i < n; i++)
    {
      double y = legend_y + i * (text_h + 8);

      cairo_save (ctx->cr);
      logical_rectangle (ctx, legend_x, y - 4, ctx->x1 - legend_x, text_h + 8);
      cairo_clip (ctx->cr);
      set_rgb (ctx->cr, series_rgb (self, legend[i].series), 1.0);
      logical_rectangle (ctx, legend_x, y + text_h / 2 - 5, 10, 10);
      cairo_fill (ctx->cr);
      draw_text (ctx, legend[i].text, legend_x + 16, y, ALIGN_START, ctx->fg, 0.9);
      cairo_restore (ctx->cr);
    }

  /* The total in the hole. */
  set_font (ctx, 1.15, TRUE);
  text_size (ctx, total, NULL, &text_h);
  draw_text (ctx, total, cx, cy - text_h / 2, ALIGN_CENTER, ctx->fg, 0.9);
  set_font (ctx, 1.0, FALSE);
}

/* Target progress */

static double
path_value (const LodeChartTarget *target,
            LodeMoney              end,
            int                    year)
{
  double years = target->target_year - target->baseline_year;
  double base = lode_money_to_double (target->baseline_value);

  if (years <= 0 || base <= 0)
    return lode_money_to_double (end);

  return base * pow (lode_money_to_double (end) / base, (year - target->baseline_year) / years);
}

static char *
describe_requirement (const LodeChartTarget *target)
{
  g_autofree char *low = lode_chart_format_percent (target->required_low);
  g_autofree char *high = lode_chart_format_percent (target->required_high);
  g_autofree char *base = format_money (target->baseline_value);
  g_autofree char *goal_low = format_money (target->low);
  g_autofree char *goal_high = format_money (target->high);

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
render_target_progress (Ctx *ctx)
{
  LodeChart *self = ctx->chart;
  LodeChartData *data = self->data;
  LodeChartTarget *target;
  LegendEntry legend[3];
  g_autofree char *subtitle = NULL;
  int first, last;
  guint n_periods;
  double max, axis_max;

  if (self->target >= data->targets->len)
    {
      draw_header (ctx, self->title, NULL, NULL, 0);
      draw_empty (ctx, _("No targets"));
      return;
    }

  target = g_ptr_array_index (data->targets, self->target);
  subtitle = describe_requirement (target);
  legend[0] = (LegendEntry) { 1, _("Recorded"), TRUE };
  legend[1] = (LegendEntry) { 0, _("Path the target needs, low to high"), FALSE };
  legend[2] = (LegendEntry) { 2, _("Target"), FALSE };
  draw_header (ctx, self->title, subtitle, legend, 3);

  if (target->baseline_year <= 0 || target->target_year <= target->baseline_year)
    {
      draw_empty (ctx, _("The target has no years to draw"));
      return;
    }

  first = target->baseline_year;
  last = target->target_year;
  if (data->first_year != 0)
    {
      first = MIN (first, MAX (data->first_year, target->baseline_year - 5));
      last = MAX (last, data->last_year);
    }
  n_periods = last - first + 1;

  max = lode_money_to_double (target->high);
  for (int y = first; y <= last; y++)
    if (y >= data->first_year && y <= data->last_year && data->first_year != 0)
      max = MAX (max, lode_money_to_double (target->actual[y - data->first_year].value));

  draw_axes (ctx, max, first, n_periods, FALSE, &axis_max);

  /* The band between the low and the high path. */
  {
    Rgb band = series_rgb (self, 0);

    cairo_new_path (ctx->cr);
    for (int y = target->baseline_year; y <= target->target_year; y++)
      cairo_line_to (ctx->cr, mx (ctx, period_x (ctx, y - first, n_periods)),
                     value_y (ctx, path_value (target, target->high, y), axis_max));
    for (int y = target->target_year; y >= target->baseline_year; y--)
      cairo_line_to (ctx->cr, mx (ctx, period_x (ctx, y - first, n_periods)),
                     value_y (ctx, path_value (target, target->low, y), axis_max));
    cairo_close_path (ctx->cr);
    set_rgb (ctx->cr, band, 0.22);
    cairo_fill_preserve (ctx->cr);
    set_rgb (ctx->cr, band, 0.9);
    cairo_set_line_width (ctx->cr, 1.5);
    cairo_stroke (ctx->cr);
  }

  /* The target: its range at its year. */
  {
    double x = period_x (ctx, target->target_year - first, n_periods);
    double y_high = value_y (ctx, lode_money_to_double (target->high), axis_max);
    double y_low = value_y (ctx, lode_money_to_double (target->low), axis_max);
    LodeChartItem *item;

    set_rgb (ctx->cr, series_rgb (self, 2), 1.0);
    logical_rectangle (ctx, x - 5, y_high - 2, 10, y_low - y_high + 4);
    cairo_fill (ctx->cr);
    item = add_item (self, LODE_CHART_ITEM_RANGE, target->low, 2, g_strdup (target->title));
    item_rectangle (ctx, item, x - 6, y_high - 3, 12, y_low - y_high + 6);
    item->year = target->target_year;
    item->destination = target->destination;
    item->mineral = target->mineral;
    item->source = target->source;
  }

  /* What the records say. */
  if (data->first_year != 0 && target->exports)
    {
      Line line = { target->actual, lode_chart_data_get_n_years (data), 1, NULL, target->mineral };
      int offset = data->first_year - first;

      /* Shift the records' years onto the chart's. */
      cairo_save (ctx->cr);
      {
        double x0 = ctx->x0, x1 = ctx->x1;
        double unit = n_periods > 1 ? (x1 - x0) / (n_periods - 1) : 0;

        ctx->x0 = x0 + offset * unit;
        ctx->x1 = ctx->x0 + (line.n_cells > 1 ? (line.n_cells - 1) * unit : 0);
        if (line.n_cells <= 1)
          ctx->x0 = ctx->x1 = x0 + offset * unit;
        draw_reduced_line (ctx, &line, axis_max);
        ctx->x0 = x0;
        ctx->x1 = x1;
      }
      cairo_restore (ctx->cr);

      for (guint p = 0; p < line.n_cells; p++)
        {
          int year = data->first_year + (int) p;
          LodeChartItem *item;
          double x, y;

          if (target->actual[p].count == 0 || year < first || year > last)
            continue;

          x = period_x (ctx, year - first, n_periods);
          y = value_y (ctx, lode_money_to_double (target->actual[p].value), axis_max);
          set_rgb (ctx->cr, series_rgb (self, 1), 1.0);
          cairo_arc (ctx->cr, mx (ctx, x), y, 4.0, 0, 2 * G_PI);
          cairo_fill (ctx->cr);
          item = add_item (self, LODE_CHART_ITEM_POINT, target->actual[p].value, 1,
                           g_strdup (_("Recorded")));
          item_rectangle (ctx, item, x - 5, y - 5, 10, 10);
          item->year = year;
          item->destination = target->destination;
          item->mineral = target->mineral;
          item->source = target->actual[p].source;
        }
    }
}

/* The chart object */

static void
clear_items (LodeChart *self)
{
  for (guint i = 0; i < self->items->len; i++)
    g_free (g_array_index (self->items, LodeChartItem, i).label);
  g_array_set_size (self->items, 0);
}

static void
lode_chart_finalize (GObject *object)
{
  LodeChart *self = LODE_CHART (object);

  clear_items (self);
  g_array_unref (self->items);
  g_clear_pointer (&self->data, lode_chart_data_unref);
  g_free (self->title);

  G_OBJECT_CLASS (lode_chart_parent_class)->finalize (object);
}

static void
lode_chart_class_init (LodeChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lode_chart_finalize;
}

static void
lode_chart_init (LodeChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (LodeChartItem));
  self->highlight = -1;
}

static void
update_title (LodeChart *self)
{
  g_free (self->title);

  if (self->kind == LODE_CHART_TARGET_PROGRESS && self->target < self->data->targets->len)
    {
      LodeChartTarget *target = g_ptr_array_index (self->data->targets, self->target);

      /* TRANSLATORS: the title of a target's chart: "Target: Mineral exports, 2030" */
      self->title = g_strdup_printf (_("Target: %s, %d"), target->title, target->target_year);
    }
  else
    {
      self->title = g_strdup (lode_chart_kind_get_title (self->kind));
    }
}

LodeChart *
lode_chart_new (LodeChartKind  kind,
                LodeChartData *data)
{
  LodeChart *self;

  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (LODE_TYPE_CHART, NULL);
  self->kind = kind;
  self->data = lode_chart_data_ref (data);
  update_title (self);

  return self;
}

LodeChartKind
lode_chart_get_kind (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), 0);

  return self->kind;
}

LodeChartData *
lode_chart_get_data (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  return self->data;
}

void
lode_chart_set_target (LodeChart *self,
                       guint      index)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->target = index;
  update_title (self);
}

void
lode_chart_set_monthly (LodeChart *self,
                        gboolean   monthly)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->monthly = !!monthly;
}

void
lode_chart_set_dark (LodeChart *self,
                     gboolean   dark)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->dark = !!dark;
}

void
lode_chart_set_rtl (LodeChart *self,
                    gboolean   rtl)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->rtl = !!rtl;
}

void
lode_chart_set_background (LodeChart *self,
                           gboolean   background)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->background = !!background;
}

void
lode_chart_set_highlight (LodeChart *self,
                          int        item)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->highlight = item;
}

const char *
lode_chart_get_title (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  return self->title;
}

static void
draw_highlight (Ctx *ctx)
{
  LodeChart *self = ctx->chart;
  const LodeChartItem *item;

  if (self->highlight < 0 || (guint) self->highlight >= self->items->len)
    return;

  item = &g_array_index (self->items, LodeChartItem, self->highlight);
  set_rgb (ctx->cr, ctx->fg, 0.9);
  cairo_set_line_width (ctx->cr, 2.0);
  cairo_new_path (ctx->cr);

  switch (item->kind)
    {
    case LODE_CHART_ITEM_SLICE:
      cairo_arc (ctx->cr, item->cx, item->cy, item->outer + 1, item->start, item->end);
      cairo_arc_negative (ctx->cr, item->cx, item->cy, item->inner - 1, item->end, item->start);
      cairo_close_path (ctx->cr);
      break;
    case LODE_CHART_ITEM_POINT:
      cairo_arc (ctx->cr, item->x + item->width / 2, item->y + item->height / 2, 6.5, 0, 2 * G_PI);
      break;
    case LODE_CHART_ITEM_BAR:
    case LODE_CHART_ITEM_RANGE:
    default:
      cairo_rectangle (ctx->cr, item->x - 1, item->y - 1, item->width + 2, item->height + 2);
      break;
    }
  cairo_stroke (ctx->cr);
}

void
lode_chart_render (LodeChart *self,
                   cairo_t   *cr,
                   double     width,
                   double     height)
{
  Ctx ctx = { 0 };

  g_return_if_fail (LODE_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  clear_items (self);
  self->width = width;
  self->height = height;

  ctx.chart = self;
  ctx.cr = cr;
  ctx.width = width;
  ctx.height = height;
  ctx.fg = self->dark ? rgb_of (0xffffff) : rgb_of (0x000000);
  ctx.bg = self->dark ? rgb_of (0x303030) : rgb_of (0xffffff);
  ctx.layout = pango_cairo_create_layout (cr);
  {
    PangoContext *context = pango_layout_get_context (ctx.layout);
    cairo_font_options_t *options = cairo_font_options_create ();

    /* The same glyphs on screen and in files. */
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options (context, options);
    cairo_font_options_destroy (options);
    pango_context_set_base_dir (context, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    pango_layout_context_changed (ctx.layout);
  }
  set_font (&ctx, 1.0, FALSE);

  cairo_save (cr);
  if (self->background)
    {
      set_rgb (cr, ctx.bg, 1.0);
      cairo_paint (cr);
    }

  switch (self->kind)
    {
    case LODE_CHART_EXPORTS_BY_MINERAL:
      render_exports_by_mineral (&ctx);
      break;
    case LODE_CHART_EXPORTS_OVER_TIME:
      render_exports_over_time (&ctx);
      break;
    case LODE_CHART_DESTINATIONS:
      render_destinations (&ctx);
      break;
    case LODE_CHART_RESERVES:
      render_reserves (&ctx);
      break;
    case LODE_CHART_TARGET_PROGRESS:
    default:
      render_target_progress (&ctx);
      break;
    }

  draw_highlight (&ctx);
  cairo_restore (cr);
  g_object_unref (ctx.layout);
}

guint
lode_chart_get_n_items (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), 0);

  return self->items->len;
}

const LodeChartItem *
lode_chart_get_item (LodeChart *self,
                     guint      index)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, LodeChartItem, index);
}

static gboolean
angle_between (double angle,
               double start,
               double end)
{
  while (angle < start)
    angle += 2 * G_PI;
  while (angle >= start + 2 * G_PI)
    angle -= 2 * G_PI;

  return angle <= end;
}

int
lode_chart_hit_test (LodeChart *self,
                     double     x,
                     double     y)
{
  int nearest = -1;
  double nearest_distance = G_MAXDOUBLE;

  g_return_val_if_fail (LODE_IS_CHART (self), -1);

  for (guint i = 0; i < self->items->len; i++)
    {
      const LodeChartItem *item = &g_array_index (self->items, LodeChartItem, i);

      switch (item->kind)
        {
        case LODE_CHART_ITEM_SLICE:
          {
            double r = hypot (x - item->cx, y - item->cy);

            if (r >= item->inner && r <= item->outer &&
                angle_between (atan2 (y - item->cy, x - item->cx), item->start, item->end))
              return i;
          }
          break;

        case LODE_CHART_ITEM_POINT:
          {
            double d = hypot (x - (item->x + item->width / 2), y - (item->y + item->height / 2));

            if (d <= 8.0 && d < nearest_distance)
              {
                nearest = i;
                nearest_distance = d;
              }
          }
          break;

        case LODE_CHART_ITEM_BAR:
        case LODE_CHART_ITEM_RANGE:
        default:
          if (x >= item->x && x <= item->x + item->width &&
              y >= item->y && y <= item->y + item->height)
            return i;
          break;
        }
    }

  return nearest;
}

char *
lode_chart_describe_item (LodeChart *self,
                          guint      index)
{
  const LodeChartItem *item;
  g_autofree char *money = NULL;
  const char *source;
  GString *text;

  g_return_val_if_fail (LODE_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  item = &g_array_index (self->items, LodeChartItem, index);
  money = lode_money_format_full (item->value);
  text = g_string_new (item->label);
  g_string_append (text, ": ");
  g_string_append (text, money);

  if (item->kind == LODE_CHART_ITEM_RANGE)
    {
      const LodeChartTarget *target = g_ptr_array_index (self->data->targets, self->target);
      g_autofree char *range = NULL;

      if (target->high != target->low)
        {
          g_autofree char *high = lode_money_format_full (target->high);

          range = g_strdup_printf ("–%s", high);
          g_string_append (text, range);
        }
      g_string_append_printf (text, _(" by %d"), item->year);
    }
  else if (item->year != 0 && item->month != 0)
    g_string_append_printf (text, " (%d-%02d)", item->year, item->month);
  else if (item->year != 0)
    g_string_append_printf (text, " (%d)", item->year);
  else if (self->data->first_year != 0 && self->data->first_year != self->data->last_year &&
           self->kind != LODE_CHART_RESERVES)
    g_string_append_printf (text, " (%d–%d)", self->data->first_year, self->data->last_year);
  else if (self->data->first_year != 0 && self->kind != LODE_CHART_RESERVES)
    g_string_append_printf (text, " (%d)", self->data->first_year);

  if (item->kind == LODE_CHART_ITEM_SLICE && self->data->total > 0)
    {
      g_autofree char *percent = lode_chart_format_percent ((double) item->value / (double) self->data->total);

      g_string_append_printf (text, ", %s", percent);
    }

  source = lode_chart_data_describe_source (self->data, item->source);
  if (source != NULL)
    /* TRANSLATORS: where a figure comes from */
    g_string_append_printf (text, _("\nSource: %s"), source);

  return g_string_free (text, FALSE);
}

char *
lode_chart_describe (LodeChart *self)
{
  GString *text;
  guint n = 0;

  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  text = g_string_new (lode_chart_kind_get_description (self->kind));
  g_string_append (text, ". ");

  switch (self->kind)
    {
    case LODE_CHART_EXPORTS_BY_MINERAL:
    case LODE_CHART_EXPORTS_OVER_TIME:
      for (guint i = 0; i < self->data->minerals->len && n < 3; i++)
        {
          LodeChartMineral *mineral = g_ptr_array_index (self->data->minerals, i);
          g_autofree char *money = NULL;

          if (mineral->total.count == 0)
            continue;
          money = format_money (mineral->total.value);
          g_string_append_printf (text, n == 0 ? _("Largest: %s %s") : ", %s %s", mineral->name, money);
          n++;
        }
      break;

    case LODE_CHART_DESTINATIONS:
      for (guint i = 0; i < self->data->destinations->len && n < 3; i++)
        {
          LodeChartDestination *destination = &g_array_index (self->data->destinations, LodeChartDestination, i);
          g_autofree char *percent = lode_chart_format_percent ((double) destination->total.value /
                                                     (double) MAX (self->data->total, 1));

          g_string_append_printf (text, n == 0 ? _("Largest: %s %s") : ", %s %s",
                                  destination_name (destination->code), percent);
          n++;
        }
      break;

    case LODE_CHART_RESERVES:
      {
        g_autofree char *money = format_money (self->data->reserve_value);

        g_string_append_printf (text, _("Estimated in all: %s"), money);
        n++;
      }
      break;

    case LODE_CHART_TARGET_PROGRESS:
    default:
      if (self->target < self->data->targets->len)
        {
          g_autofree char *requirement = describe_requirement (g_ptr_array_index (self->data->targets, self->target));

          g_string_append_printf (text, "%s: %s", self->title, requirement);
          n++;
        }
      break;
    }

  if (n == 0)
    g_string_append (text, _("No figures to show"));
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

/* Tables */

static void
add_row (GPtrArray *table,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  char *cell;

  va_start (args, table);
  while ((cell = va_arg (args, char *)) != NULL)
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);

  g_ptr_array_add (table, g_ptr_array_free (cells, FALSE));
}

static char *
source_cell (LodeChart  *self,
             const char *source)
{
  return g_strdup (source == LODE_CHART_SOURCES_MIXED ? _("several sources") : source != NULL ? source : "");
}

GPtrArray *
lode_chart_get_table (LodeChart *self)
{
  GPtrArray *table;
  LodeChartData *data;

  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  data = self->data;
  table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  switch (self->kind)
    {
    case LODE_CHART_EXPORTS_BY_MINERAL:
      add_row (table, g_strdup (_("Mineral")), g_strdup (_("Stage")), g_strdup (_("Value (USD)")),
               g_strdup (_("Records")), g_strdup (_("Source")), NULL);
      for (guint i = 0; i < data->minerals->len; i++)
        {
          LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

          for (guint s = 0; s < LODE_N_STAGES; s++)
            {
              LodeStage stage = stage_order[s];

              if (mineral->stages[stage].count > 0)
                add_row (table, g_strdup (mineral->name), g_strdup (stage_name (stage)),
                         lode_money_to_json (mineral->stages[stage].value),
                         g_strdup_printf ("%u", mineral->stages[stage].count),
                         source_cell (self, mineral->stages[stage].source), NULL);
            }
        }
      break;

    case LODE_CHART_EXPORTS_OVER_TIME:
      {
        gboolean monthly = self->monthly && data->has_months;
        guint n_periods = lode_chart_data_get_n_years (data) * (monthly ? 12 : 1);

        add_row (table, g_strdup (_("Mineral")), g_strdup (_("Year")),
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
                add_row (table, g_strdup (mineral->name),
                         g_strdup_printf ("%d", data->first_year + (int) (monthly ? p / 12 : p)),
                         monthly ? g_strdup_printf ("%u", p % 12 + 1) : g_strdup (""),
                         lode_money_to_json (cells[p].value),
                         g_strdup_printf ("%u", cells[p].count),
                         source_cell (self, cells[p].source), NULL);
              }
          }
      }
      break;

    case LODE_CHART_DESTINATIONS:
      add_row (table, g_strdup (_("Destination")), g_strdup (_("Code")), g_strdup (_("Value (USD)")),
               g_strdup (_("Share")), g_strdup (_("Records")), g_strdup (_("Source")), NULL);
      for (guint i = 0; i < data->destinations->len; i++)
        {
          LodeChartDestination *destination = &g_array_index (data->destinations, LodeChartDestination, i);

          add_row (table, g_strdup (destination_name (destination->code)),
                   g_strdup (destination->code != NULL ? destination->code : ""),
                   lode_money_to_json (destination->total.value),
                   lode_chart_format_percent ((double) destination->total.value / (double) MAX (data->total, 1)),
                   g_strdup_printf ("%u", destination->total.count),
                   source_cell (self, destination->total.source), NULL);
        }
      break;

    case LODE_CHART_RESERVES:
      add_row (table, g_strdup (_("Mineral")), g_strdup (_("Value (USD)")), g_strdup (_("Quantity")),
               g_strdup (_("Unit")), g_strdup (_("Source")), NULL);
      for (guint i = 0; i < data->minerals->len; i++)
        {
          LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

          if (mineral->reserve_value <= 0 && mineral->reserve_unit == LODE_UNIT_NONE)
            continue;
          add_row (table, g_strdup (mineral->name), lode_money_to_json (mineral->reserve_value),
                   mineral->reserve_unit != LODE_UNIT_NONE ? g_strdup_printf ("%g", mineral->reserve_quantity) : g_strdup (""),
                   g_strdup (mineral->reserve_unit != LODE_UNIT_NONE ?
                             lode_enum_to_nick (LODE_TYPE_UNIT, mineral->reserve_unit) : ""),
                   source_cell (self, mineral->reserve_source), NULL);
        }
      break;

    case LODE_CHART_TARGET_PROGRESS:
    default:
      add_row (table, g_strdup (_("Year")), g_strdup (_("Recorded (USD)")),
               g_strdup (_("Path, low (USD)")), g_strdup (_("Path, high (USD)")), NULL);
      if (self->target < data->targets->len)
        {
          LodeChartTarget *target = g_ptr_array_index (data->targets, self->target);
          int first = target->baseline_year;
          int last = target->target_year;

          if (data->first_year != 0)
            {
              first = MIN (first, data->first_year);
              last = MAX (last, data->last_year);
            }
          for (int y = first; y <= last && y - first < 1000; y++)
            {
              gboolean recorded = data->first_year != 0 && y >= data->first_year && y <= data->last_year &&
                                  target->actual[y - data->first_year].count > 0;
              gboolean on_path = y >= target->baseline_year && y <= target->target_year;

              add_row (table, g_strdup_printf ("%d", y),
                       recorded ? lode_money_to_json (target->actual[y - data->first_year].value) : g_strdup (""),
                       on_path ? lode_money_to_json ((LodeMoney) llround (path_value (target, target->low, y) * 100)) : g_strdup (""),
                       on_path ? lode_money_to_json ((LodeMoney) llround (path_value (target, target->high, y) * 100)) : g_strdup (""),
                       NULL);
            }
        }
      break;
    }

  return table;
}

char *
lode_chart_to_csv (LodeChart *self)
{
  g_autoptr(GPtrArray) table = NULL;
  GString *out;

  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  table = lode_chart_get_table (self);
  out = g_string_new (NULL);

  for (guint r = 0; r < table->len; r++)
    {
      char **cells = g_ptr_array_index (table, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          const char *cell = cells[c];

          if (c > 0)
            g_string_append_c (out, ',');
          if (strpbrk (cell, ",\"\n\r") != NULL)
            {
              g_string_append_c (out, '"');
              for (const char *p = cell; *p != '\0'; p++)
                {
                  if (*p == '"')
                    g_string_append_c (out, '"');
                  g_string_append_c (out, *p);
                }
              g_string_append_c (out, '"');
            }
          else
            {
              g_string_append (out, cell);
            }
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* Files */

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  gsize length = strlen (path);
  gsize suffix_length = strlen (suffix);

  return length > suffix_length && g_ascii_strcasecmp (path + length - suffix_length, suffix) == 0;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* TRANSLATORS: a file name and why it could not be written */
               _("cannot write %s: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/* cairo writes no text into SVG, only glyph outlines: a <title> and a
 * <desc> tell readers and search engines what the picture shows. */
static gboolean
add_svg_title (LodeChart   *self,
               const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *description = lode_chart_describe (self);
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  g_autoptr(GString) out = NULL;
  const char *svg;
  const char *end;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  svg = strstr (contents, "<svg");
  end = svg != NULL ? strchr (svg, '>') : NULL;
  if (end == NULL)
    return TRUE;

  out = g_string_new_len (contents, end + 1 - contents);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  g_string_append (out, end + 1);

  return g_file_set_contents (path, out->str, out->len, error);
}

gboolean
lode_chart_write_file (LodeChart   *self,
                       const char  *path,
                       double       width,
                       double       height,
                       double       scale,
                       GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = FALSE;
  gboolean svg = FALSE;
  gboolean saved_background;

  g_return_val_if_fail (LODE_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, FALSE);

  if (has_suffix (path, ".png"))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      png = TRUE;
    }
  else if (has_suffix (path, ".svg"))
    {
      surface = cairo_svg_surface_create (path, width, height);
      svg = TRUE;
    }
  else if (has_suffix (path, ".pdf"))
    {
      surface = cairo_pdf_surface_create (path, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lode");
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: unsupported chart format (use .png, .svg or .pdf)"), path);
      return FALSE;
    }

  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  saved_background = self->background;
  self->background = TRUE;
  cr = cairo_create (surface);
  lode_chart_render (self, cr, width, height);
  self->background = saved_background;
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png (surface, path);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, path, error))
    return FALSE;

  return !svg || add_svg_title (self, path, error);
}
