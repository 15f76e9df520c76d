/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-countries.h"

#include "lode-chart-layer-private.h"

/* The drawing every chart shares: colours, text, the header and its
 * legend, the value and period axes, bars and reduced lines, and the
 * words and tables of figures. Layers lay out their figures with these,
 * so that the charts look and read alike. */

#define FONT_FAMILY    "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define FONT_SIZE      10.0
#define STROKE_CHUNK   32     /* pixel columns stroked at once */

/* Okabe and Ito's palette, told apart with any colour vision; on a dark
 * background the dark blue gives way to the sky blue and the yellow comes
 * in. The last one is the grey of "Other". */
static const guint32 palette_light[] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0x7A6A00, 0x8C8C8C,
};
static const guint32 palette_dark[] = {
  0x56B4E9, 0xE69F00, 0x19C08F, 0xF07E3A, 0xDD8DB8, 0x6F9FFF, 0xF0E442, 0xA0A0A0,
};

/* Words and colours */

char *
_lode_chart_format_money (LodeMoney value)
{
  return lode_money_format_short (value);
}

char *
_lode_chart_format_tick (LodeChartContext *context,
                         double            value)
{
  if (context->currency == NULL)
    return lode_chart_format_tick (value);

  return lode_amount_format_short (context->currency, (LodeAmount) llround (value * 100.0));
}

char *
_lode_chart_add_missing (LodeChartData *data,
                         char          *subtitle)
{
  g_autofree char *missing = lode_chart_data_describe_missing (data);
  char *said;

  if (missing == NULL)
    return subtitle;

  /* TRANSLATORS: a chart's subtitle, then what it leaves out for want of
   * an exchange rate: "PKR a year, the largest minerals; No PKR rate for
   * 2022: 12 records left out" */
  said = g_strdup_printf (_("%s; %s"), subtitle, missing);
  g_free (subtitle);

  return said;
}

const char *
_lode_chart_destination_name (const char *code)
{
  return code != NULL ? lode_country_name (code) : _("Destination not given");
}

static LodeChartRgb
rgb_of (guint32 value)
{
  LodeChartRgb rgb = { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0 };

  return rgb;
}

LodeChartRgb
_lode_chart_series_rgb (LodeChartContext *context,
                        int               series)
{
  const guint32 *palette = context->dark ? palette_dark : palette_light;

  return rgb_of (palette[CLAMP (series, 0, LODE_CHART_SERIES_OTHER)]);
}

void
_lode_chart_set_rgb (cairo_t      *cr,
                     LodeChartRgb  rgb,
                     double        alpha)
{
  cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, alpha);
}

/* The context of a rendering */

void
_lode_chart_context_init (LodeChartContext *context,
                          cairo_t          *cr,
                          double            width,
                          double            height,
                          gboolean          dark,
                          gboolean          rtl)
{
  PangoContext *pango_context;
  cairo_font_options_t *options;

  *context = (LodeChartContext) { 0 };
  context->cr = cr;
  context->width = width;
  context->height = height;
  context->dark = dark;
  context->rtl = rtl;
  context->fg = dark ? rgb_of (0xffffff) : rgb_of (0x000000);
  context->bg = dark ? rgb_of (0x303030) : rgb_of (0xffffff);
  context->layout = pango_cairo_create_layout (cr);

  /* The same glyphs on screen and in files. */
  pango_context = pango_layout_get_context (context->layout);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_context, options);
  cairo_font_options_destroy (options);
  pango_context_set_base_dir (pango_context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (context->layout);

  _lode_chart_set_font (context, 1.0, FALSE);
}

void
_lode_chart_context_clear (LodeChartContext *context)
{
  g_clear_object (&context->layout);
}

/* Text and shapes */

double
_lode_chart_mirror_x (LodeChartContext *context,
                      double            x)
{
  return context->rtl ? context->width - x : x;
}

void
_lode_chart_rectangle (LodeChartContext *context,
                       double            x,
                       double            y,
                       double            width,
                       double            height)
{
  cairo_rectangle (context->cr, context->rtl ? context->width - x - width : x, y, width, height);
}

void
_lode_chart_set_font (LodeChartContext *context,
                      double            scale,
                      gboolean          bold)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (FONT_SIZE * scale * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (context->layout, font);
  pango_font_description_free (font);
}

void
_lode_chart_text_size (LodeChartContext *context,
                       const char       *text,
                       double           *width,
                       double           *height)
{
  int pw, ph;

  pango_layout_set_width (context->layout, -1);
  pango_layout_set_text (context->layout, text, -1);
  pango_layout_get_pixel_size (context->layout, &pw, &ph);
  if (width != NULL)
    *width = pw;
  if (height != NULL)
    *height = ph;
}

double
_lode_chart_draw_text (LodeChartContext *context,
                       const char       *text,
                       double            x,
                       double            y,
                       LodeChartAlign    align,
                       LodeChartRgb      colour,
                       double            alpha)
{
  double w, h;
  double left;

  _lode_chart_text_size (context, text, &w, &h);

  switch (align)
    {
    case LODE_CHART_ALIGN_START:
      left = context->rtl ? context->width - x - w : x;
      break;
    case LODE_CHART_ALIGN_END:
      left = context->rtl ? context->width - x : x - w;
      break;
    case LODE_CHART_ALIGN_CENTER:
    default:
      left = _lode_chart_mirror_x (context, x) - w / 2.0;
      break;
    }

  _lode_chart_set_rgb (context->cr, colour, alpha);
  cairo_move_to (context->cr, left, y);
  pango_cairo_show_layout (context->cr, context->layout);

  return h;
}

void
_lode_chart_draw_header (LodeChartContext           *context,
                         const char                 *subtitle,
                         const LodeChartLegendEntry *legend,
                         guint                       n_legend)
{
  double y = LODE_CHART_PAD;
  double x = LODE_CHART_PAD;

  _lode_chart_set_font (context, 1.2, TRUE);
  y += _lode_chart_draw_text (context, context->title, LODE_CHART_PAD, y, LODE_CHART_ALIGN_START, context->fg, 1.0);
  _lode_chart_set_font (context, 1.0, FALSE);
  if (subtitle != NULL)
    y += _lode_chart_draw_text (context, subtitle, LODE_CHART_PAD, y, LODE_CHART_ALIGN_START, context->fg, 0.7) + 2;

  if (n_legend > 0)
    {
      double line_h = 0;

      y += 4;
      for (guint i = 0; i < n_legend; i++)
        {
          double w, h;

          _lode_chart_text_size (context, legend[i].text, &w, &h);
          line_h = MAX (line_h, h);
          if (x > LODE_CHART_PAD && x + 18 + w > context->width - LODE_CHART_PAD)
            {
              x = LODE_CHART_PAD;
              y += line_h + 4;
            }

          _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, legend[i].series), 1.0);
          if (legend[i].line)
            _lode_chart_rectangle (context, x, y + h / 2 - 1.5, 12, 3);
          else
            _lode_chart_rectangle (context, x, y + h / 2 - 5, 12, 10);
          cairo_fill (context->cr);
          _lode_chart_draw_text (context, legend[i].text, x + 16, y, LODE_CHART_ALIGN_START, context->fg, 0.85);
          x += 16 + w + 14;
        }
      y += line_h;
    }

  context->x0 = LODE_CHART_PAD;
  context->x1 = context->width - LODE_CHART_PAD;
  context->y0 = y + 10;
  context->y1 = context->height - LODE_CHART_PAD;
}

void
_lode_chart_draw_empty (LodeChartContext *context,
                        const char       *message)
{
  double h;

  _lode_chart_text_size (context, message, NULL, &h);
  _lode_chart_draw_text (context, message, context->width / 2, (context->y0 + context->y1 - h) / 2,
                         LODE_CHART_ALIGN_CENTER, context->fg, 0.6);
}

/* Bars */

static void
draw_value_axis (LodeChartContext *context,
                 double            x0,
                 double            x1,
                 double            y_top,
                 double            y_axis,
                 double            axis_max,
                 double            step)
{
  for (double v = 0.0; v <= axis_max * 1.0001; v += step)
    {
      double x = x0 + (x1 - x0) * v / axis_max;
      g_autofree char *label = _lode_chart_format_tick (context, v);

      _lode_chart_set_rgb (context->cr, context->fg, v == 0.0 ? 0.45 : 0.12);
      cairo_rectangle (context->cr, round (_lode_chart_mirror_x (context, x)) - 0.5, y_top, 1, y_axis - y_top);
      cairo_fill (context->cr);
      _lode_chart_draw_text (context, label, x, y_axis + 3, LODE_CHART_ALIGN_CENTER, context->fg, 0.7);
    }
}

void
_lode_chart_layer_draw_bars (LodeChartLayer   *self,
                             LodeChartContext *context,
                             LodeChartBarRow  *rows,
                             guint             n_rows)
{
  double label_w = 0, end_w = 0, text_h = 0, tick_w = 0;
  double max = 0;
  double step, axis_max, x0, x1, row_h, bar_h, axis_y;

  for (guint i = 0; i < n_rows; i++)
    {
      double w, h;
      LodeMoney total = 0;

      _lode_chart_text_size (context, rows[i].label, &w, &h);
      label_w = MAX (label_w, w);
      text_h = MAX (text_h, h);
      _lode_chart_text_size (context, rows[i].end_label, &w, NULL);
      end_w = MAX (end_w, w);
      for (guint s = 0; s < rows[i].n_segments; s++)
        total += rows[i].values[s];
      max = MAX (max, lode_money_to_double (total));
    }

  label_w = MIN (label_w, context->width * 0.35);
  x0 = context->x0 + label_w + 8;
  x1 = context->x1 - end_w - 6;
  axis_y = context->y1 - text_h - 4;
  step = lode_chart_nice_step (max, MAX (2, (int) ((x1 - x0) / 110)));
  axis_max = MAX (step, ceil (max / step - 1e-9) * step);
  {
    g_autofree char *widest = _lode_chart_format_tick (context, axis_max);

    _lode_chart_text_size (context, widest, &tick_w, NULL);
  }
  x1 = MIN (x1, context->x1 - tick_w / 2);
  row_h = MIN (40.0, (axis_y - context->y0) / MAX (n_rows, 1));
  axis_y = MIN (axis_y, context->y0 + n_rows * row_h + 4);
  bar_h = MAX (2.0, row_h * 0.62);

  draw_value_axis (context, x0, x1, context->y0, axis_y, axis_max, step);

  for (guint i = 0; i < n_rows; i++)
    {
      double y = context->y0 + i * row_h + (row_h - bar_h) / 2;
      double x = x0;

      cairo_save (context->cr);
      _lode_chart_rectangle (context, context->x0, y - row_h, label_w, 3 * row_h);
      cairo_clip (context->cr);
      _lode_chart_draw_text (context, rows[i].label, x0 - 8, y + (bar_h - text_h) / 2,
                             LODE_CHART_ALIGN_END, context->fg, 0.9);
      cairo_restore (context->cr);

      for (guint s = 0; s < rows[i].n_segments; s++)
        {
          double w = (x1 - x0) * lode_money_to_double (rows[i].values[s]) / axis_max;
          LodeChartItem *item;

          _lode_chart_set_rgb (context->cr, _lode_chart_series_rgb (context, rows[i].series[s]), 1.0);
          _lode_chart_rectangle (context, x, y, MAX (w, 1.0), bar_h);
          cairo_fill (context->cr);

          item = _lode_chart_layer_add_item (self, LODE_CHART_ITEM_BAR, rows[i].values[s], rows[i].series[s],
                                             g_steal_pointer (&rows[i].item_labels[s]));
          _lode_chart_item_set_rectangle (context, item, x, y, MAX (w, 1.0), bar_h);
          item->mineral = rows[i].mineral;
          item->stage = rows[i].stages[s];
          item->source = rows[i].sources[s];
          item->year = rows[i].years[s];
          x += w;
        }

      _lode_chart_draw_text (context, rows[i].end_label, x + 6, y + (bar_h - text_h) / 2,
                             LODE_CHART_ALIGN_START, context->fg, 0.85);
    }
}

void
_lode_chart_bar_rows_free (LodeChartBarRow *rows,
                           guint            n_rows)
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

/* Lines over time */

double
_lode_chart_period_x (LodeChartContext *context,
                      guint             period,
                      guint             n_periods)
{
  if (n_periods <= 1)
    return (context->x0 + context->x1) / 2;

  return context->x0 + (context->x1 - context->x0) * period / (n_periods - 1);
}

double
_lode_chart_value_y (LodeChartContext *context,
                     double            value,
                     double            axis_max)
{
  if (context->log_scale)
    {
      double l = value > 0 ? log10 (value) : context->log_min;

      l = CLAMP (l, context->log_min, context->log_max);
      return context->y1 - (context->y1 - context->y0) * (l - context->log_min) / (context->log_max - context->log_min);
    }

  return context->y1 - (context->y1 - context->y0) * value / axis_max;
}

static void
draw_value_tick (LodeChartContext *context,
                 double            value,
                 double            axis_max,
                 double            text_h,
                 double            alpha)
{
  double y = _lode_chart_value_y (context, value, axis_max);
  g_autofree char *label = _lode_chart_format_tick (context, value);

  _lode_chart_set_rgb (context->cr, context->fg, alpha);
  _lode_chart_rectangle (context, context->x0, round (y) - 0.5, context->x1 - context->x0, 1);
  cairo_fill (context->cr);
  _lode_chart_draw_text (context, label, context->x0 - 6, y - text_h / 2, LODE_CHART_ALIGN_END, context->fg, 0.7);
}

double
_lode_chart_draw_axes (LodeChartContext *context,
                       double            max,
                       int               first_year,
                       int               start_month,
                       guint             n_periods,
                       gboolean          monthly)
{
  double tick_w, text_h, step, axis_max;
  g_autofree char *widest = NULL;
  guint every;
  double year_w;

  _lode_chart_text_size (context, start_month == 1 ? "2000" : "2000-01", &year_w, &text_h);
  context->y0 += text_h / 2;
  context->y1 -= text_h + 4;
  step = lode_chart_nice_step (max, MAX (2, (int) ((context->y1 - context->y0) / 50)));
  axis_max = MAX (step, ceil (max / step - 1e-9) * step);
  widest = _lode_chart_format_tick (context, axis_max);
  _lode_chart_text_size (context, widest, &tick_w, NULL);
  context->x0 += tick_w + 8;
  context->x1 -= year_w / 2;

  if (context->log_scale)
    {
      /* A tick a power of ten. */
      g_autofree char *low = _lode_chart_format_tick (context, pow (10, context->log_min));
      double low_w;

      _lode_chart_text_size (context, low, &low_w, NULL);
      context->x0 += MAX (0, low_w - tick_w);
      for (double l = context->log_min; l <= context->log_max + 1e-9; l += 1.0)
        draw_value_tick (context, pow (10, l), axis_max, text_h, l == context->log_min ? 0.45 : 0.12);
    }
  else
    {
      for (double v = 0.0; v <= axis_max * 1.0001; v += step)
        draw_value_tick (context, v, axis_max, text_h, v == 0.0 ? 0.45 : 0.12);
    }

  /* Years, as many as fit. */
  {
    guint n_years = monthly ? (n_periods + 11) / 12 : n_periods;
    double room = n_years > 1 ? (context->x1 - context->x0) / (n_years - 1) : context->x1 - context->x0;

    every = MAX (1, (guint) ceil ((year_w + 12) / MAX (room, 1.0)));
    for (guint y = 0; y < n_years; y += every)
      {
        /* A fiscal year by its two calendar years, "2024-25". */
        g_autofree char *label = start_month == 1
                                 ? g_strdup_printf ("%d", first_year + (int) y)
                                 : g_strdup_printf ("%d-%02d", first_year + (int) y,
                                                    (first_year + (int) y + 1) % 100);
        double x = _lode_chart_period_x (context, monthly ? y * 12 : y, n_periods);

        _lode_chart_draw_text (context, label, x, context->y1 + 4, LODE_CHART_ALIGN_CENTER, context->fg, 0.7);
      }
  }

  return axis_max;
}

typedef struct
{
  LodeChartContext *context;
  guint             n_vertices;
  gboolean          pen_down;
  long              column;
  double            first, last, low, high;
  guint             n_chunk;
} ReducedLine;

/* Draws the column gathered so far: its first, lowest, highest and last
 * value. */
static void
flush_column (ReducedLine *line)
{
  cairo_t *cr = line->context->cr;
  double cx = _lode_chart_mirror_x (line->context, line->column + 0.5);

  if (line->pen_down)
    cairo_line_to (cr, cx, line->first);
  else
    cairo_move_to (cr, cx, line->first);
  if (line->low != line->first)
    cairo_line_to (cr, cx, line->low);
  if (line->high != line->low)
    cairo_line_to (cr, cx, line->high);
  if (line->last != line->high)
    cairo_line_to (cr, cx, line->last);
  line->n_vertices += 4;
  line->pen_down = TRUE;

  /* Short paths keep stroking linear in the number of columns. */
  if (++line->n_chunk >= STROKE_CHUNK)
    {
      cairo_stroke (cr);
      cairo_move_to (cr, cx, line->last);
      line->n_chunk = 0;
    }
}

guint
_lode_chart_draw_reduced_line (LodeChartContext    *context,
                               const LodeChartLine *line,
                               double               axis_max)
{
  cairo_t *cr = context->cr;
  ReducedLine reduced = { context, 0 };
  gboolean have_column = FALSE;
  guint last_period = 0;

  _lode_chart_set_rgb (cr, _lode_chart_series_rgb (context, line->series), 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);

  for (guint p = 0; p < line->n_cells; p++)
    {
      double x, y;
      long c;

      if (line->cells[p].count == 0)
        continue;

      x = _lode_chart_period_x (context, p, line->n_cells);
      y = _lode_chart_value_y (context, lode_money_to_double (line->cells[p].value), axis_max);
      c = (long) floor (x);

      /* A gap of more than one period without records breaks the line. */
      if (have_column && p > last_period + 1)
        {
          flush_column (&reduced);
          have_column = FALSE;
          reduced.pen_down = FALSE;
        }

      if (have_column && c == reduced.column)
        {
          reduced.low = MAX (reduced.low, y);    /* lower on screen is a smaller value */
          reduced.high = MIN (reduced.high, y);
          reduced.last = y;
        }
      else
        {
          if (have_column)
            flush_column (&reduced);
          reduced.column = c;
          reduced.first = reduced.last = reduced.low = reduced.high = y;
          have_column = TRUE;
        }
      last_period = p;
    }
  if (have_column)
    flush_column (&reduced);

  cairo_stroke (cr);

  return reduced.n_vertices;
}

/* Tables */

void
_lode_chart_table_add_row (GPtrArray *table,
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

char *
_lode_chart_source_cell (const char *source)
{
  return g_strdup (source == LODE_CHART_SOURCES_MIXED ? _("several sources") : source != NULL ? source : "");
}

guint
_lode_chart_describe_largest_minerals (LodeChartData *data,
                                       GString       *text)
{
  guint n = 0;

  for (guint i = 0; i < data->minerals->len && n < 3; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);
      g_autofree char *money = NULL;

      if (mineral->total.count == 0)
        continue;
      money = lode_chart_data_format_short (data, mineral->total.value);
      g_string_append_printf (text, n == 0 ? _("Largest: %s %s") : ", %s %s", mineral->name, money);
      n++;
    }

  return n;
}

GPtrArray *
_lode_chart_table_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Investments */

int
_lode_chart_investment_series (LodeInvestmentKind kind)
{
  /* A withdrawal is money that goes: the grey of what is left out. */
  return kind == LODE_INVESTMENT_KIND_WITHDRAWN || kind == LODE_INVESTMENT_KIND_UNKNOWN ?
         LODE_CHART_SERIES_OTHER : (int) kind - 1;
}

guint
_lode_chart_investment_legend (const LodeMoney      *amounts,
                               LodeChartLegendEntry *legend)
{
  guint n = 0;

  for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
    if (amounts[k] > 0)
      legend[n++] = (LodeChartLegendEntry) { _lode_chart_investment_series (k),
                                             lode_investment_kind_get_name (k), FALSE };

  return n;
}

void
_lode_chart_investment_row (LodeChartBarRow *row,
                            LodeChartData   *data,
                            const char      *name,
                            const LodeMoney *amounts,
                            int              year)
{
  LodeMoney total = 0;

  /* A segment a kind; events of no known kind are not drawn. */
  G_STATIC_ASSERT (LODE_N_INVESTMENT_KINDS - 1 <= LODE_N_STAGES);

  row->label = g_strdup (name);
  for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
    {
      guint s = row->n_segments;

      if (amounts[k] <= 0)
        continue;

      row->values[s] = amounts[k];
      row->series[s] = _lode_chart_investment_series (k);
      row->stages[s] = LODE_STAGE_UNKNOWN;
      row->years[s] = year;
      /* TRANSLATORS: a bar of an investment chart, "China, committed" or "2024, committed" */
      row->item_labels[s] = g_strdup_printf (_("%s, %s"), name, lode_investment_kind_get_name (k));
      row->n_segments++;
      total += amounts[k];
    }
  row->end_label = lode_chart_data_format_investment (data, total);
}

char *
_lode_chart_investment_subtitle (LodeChartData *data,
                                 char          *text)
{
  g_autofree char *subtitle = text;

  if (data->investment_missing == NULL)
    return g_steal_pointer (&subtitle);

  /* TRANSLATORS: a chart's subtitle and the years without a rate, "PKR, each year stacked by kind · No PKR rate for 2022" */
  return g_strdup_printf (_("%s · %s"), subtitle, data->investment_missing);
}

char *
_lode_chart_investment_value_header (LodeChartData *data)
{
  if (data->currency == NULL)
    return g_strdup (_("Value (USD)"));

  /* TRANSLATORS: a column of figures in a currency, %s its code: "Value (PKR)" */
  return g_strdup_printf (_("Value (%s)"), data->currency);
}
