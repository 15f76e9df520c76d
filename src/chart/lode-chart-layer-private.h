/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "lode-chart-layer.h"
#include "lode-kind-names.h"

G_BEGIN_DECLS

/* What the layers share for drawing: the surface and its size, colours
 * and direction, the plot area left by the header and the axes, and the
 * helpers that lay out text, legends, axes, bars and lines the same way
 * in every chart. For the files of src/chart only. */

#define LODE_CHART_PAD          12.0
#define LODE_CHART_MAX_BARS     12
#define LODE_CHART_SERIES_OTHER 7      /* the grey of "Other" */

typedef struct
{
  double r, g, b;
} LodeChartRgb;

struct _LodeChartContext
{
  cairo_t      *cr;
  PangoLayout  *layout;
  double        width;
  double        height;
  const char   *title;
  gboolean      dark;
  gboolean      rtl;
  LodeChartRgb  fg;
  LodeChartRgb  bg;
  /* The plot area, in logical (left-to-right) coordinates. */
  double        x0, y0, x1, y1;
  /* A logarithmic value axis from 10^log_min to 10^log_max dollars. */
  gboolean      log_scale;
  double        log_min, log_max;
  /* The currency of the values drawn: NULL for US dollars, else a code
   * (the exports of LodeChartData.currency). */
  const char   *currency;
};

typedef enum
{
  LODE_CHART_ALIGN_START,
  LODE_CHART_ALIGN_CENTER,
  LODE_CHART_ALIGN_END,
} LodeChartAlign;

typedef struct
{
  int         series;
  const char *text;
  gboolean    line;
} LodeChartLegendEntry;

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
} LodeChartBarRow;

/* A line over periods: years, months, or a target's years. */
typedef struct
{
  const LodeChartCell *cells;
  guint                n_cells;
  int                  series;
  const char          *name;
  const char          *mineral;
} LodeChartLine;

void            _lode_chart_context_init           (LodeChartContext           *context,
                                                    cairo_t                    *cr,
                                                    double                      width,
                                                    double                      height,
                                                    gboolean                    dark,
                                                    gboolean                    rtl);
void            _lode_chart_context_clear          (LodeChartContext           *context);

LodeChartRgb    _lode_chart_series_rgb             (LodeChartContext           *context,
                                                    int                         series);
void            _lode_chart_set_rgb                (cairo_t                    *cr,
                                                    LodeChartRgb                rgb,
                                                    double                      alpha);
/* Mirrors a logical x for right-to-left layouts. */
double          _lode_chart_mirror_x               (LodeChartContext           *context,
                                                    double                      x);
void            _lode_chart_rectangle              (LodeChartContext           *context,
                                                    double                      x,
                                                    double                      y,
                                                    double                      width,
                                                    double                      height);
void            _lode_chart_set_font               (LodeChartContext           *context,
                                                    double                      scale,
                                                    gboolean                    bold);
void            _lode_chart_text_size              (LodeChartContext           *context,
                                                    const char                 *text,
                                                    double                     *width,
                                                    double                     *height);
/* Draws @text with its logical @align edge at logical @x, its top at @y;
 * returns its height. */
double          _lode_chart_draw_text              (LodeChartContext           *context,
                                                    const char                 *text,
                                                    double                      x,
                                                    double                      y,
                                                    LodeChartAlign              align,
                                                    LodeChartRgb                colour,
                                                    double                      alpha);
/* The title, a subtitle and the legend; leaves the rest as the plot. */
void            _lode_chart_draw_header            (LodeChartContext           *context,
                                                    const char                 *subtitle,
                                                    const LodeChartLegendEntry *legend,
                                                    guint                       n_legend);
/* A message in the middle of the plot, for a chart with nothing to draw. */
void            _lode_chart_draw_empty             (LodeChartContext           *context,
                                                    const char                 *message);

/* Records an item; @label is taken. */
LodeChartItem  *_lode_chart_layer_add_item         (LodeChartLayer             *self,
                                                    LodeChartItemKind           kind,
                                                    LodeMoney                   value,
                                                    int                         series,
                                                    char                       *label);
/* Sets the bounds of @item from a logical rectangle. */
void            _lode_chart_item_set_rectangle     (LodeChartContext           *context,
                                                    LodeChartItem              *item,
                                                    double                      x,
                                                    double                      y,
                                                    double                      width,
                                                    double                      height);

/* Bars: the value axis below them, a row each, a segment an item. */
void            _lode_chart_layer_draw_bars        (LodeChartLayer             *self,
                                                    LodeChartContext           *context,
                                                    LodeChartBarRow            *rows,
                                                    guint                       n_rows);
void            _lode_chart_bar_rows_free          (LodeChartBarRow            *rows,
                                                    guint                       n_rows);

/* Lines: x of a period, y of a value, the axes of periods and values. */
double          _lode_chart_period_x               (LodeChartContext           *context,
                                                    guint                       period,
                                                    guint                       n_periods);
double          _lode_chart_value_y                (LodeChartContext           *context,
                                                    double                      value,
                                                    double                      axis_max);
/* The value axis at the start, years at the bottom (periods that begin
 * in @start_month, named "2024-25" when it is not 1); leaves the plot
 * inside and returns the top of the value axis. */
double          _lode_chart_draw_axes              (LodeChartContext           *context,
                                                    double                      max,
                                                    int                         first_year,
                                                    int                         start_month,
                                                    guint                       n_periods,
                                                    gboolean                    monthly);
/* Strokes the line through the cells with records, reduced to the first,
 * lowest, highest and last value of each pixel column. */
guint           _lode_chart_draw_reduced_line      (LodeChartContext           *context,
                                                    const LodeChartLine        *line,
                                                    double                      axis_max);

/* "$1.14 B" */
char           *_lode_chart_format_money           (LodeMoney                   value);
/* A tick of the value axis, in the currency of @context. */
char           *_lode_chart_format_tick            (LodeChartContext           *context,
                                                    double                      value);
/* @subtitle, then what @data left out for want of a rate, if anything:
 * "…; No PKR rate for 2022: 12 records left out". Takes @subtitle. */
char           *_lode_chart_add_missing            (LodeChartData              *data,
                                                    char                       *subtitle);
/* A destination's name; "Destination not given" for NULL. */
const char     *_lode_chart_destination_name       (const char                 *code);
/* A row of a table from cells that it takes, ended by NULL. */
void            _lode_chart_table_add_row          (GPtrArray                  *table,
                                                    ...) G_GNUC_NULL_TERMINATED;
/* The source of a cell as a table shows it. */
char           *_lode_chart_source_cell            (const char                 *source);
/* Appends "Largest: Copper $1.14 B, …" of the three minerals exported
 * most; returns how many. */
guint           _lode_chart_describe_largest_minerals (LodeChartData           *data,
                                                    GString                    *text);
/* Investment charts: the colour of investments of @kind, and a legend
 * entry a kind that @amounts (by kind) holds, named by
 * lode_investment_kind_get_name(); returns how many entries. */
int             _lode_chart_investment_series      (LodeInvestmentKind          kind);
guint           _lode_chart_investment_legend      (const LodeMoney            *amounts,
                                                    LodeChartLegendEntry       *legend);
/* Fills @row with a segment a kind of @amounts (by kind) that is not
 * zero, named "@name, kind"; @year for each (0 for none); its total in
 * the currency of @data's investment. */
void            _lode_chart_investment_row         (LodeChartBarRow            *row,
                                                    LodeChartData              *data,
                                                    const char                 *name,
                                                    const LodeMoney            *amounts,
                                                    int                         year);
/* Takes @subtitle, of a chart of investment, and returns it with the
 * years whose investment has no rate in the data's currency after it. */
char           *_lode_chart_investment_subtitle    (LodeChartData              *data,
                                                    char                       *subtitle);
/* "Value (USD)", or "Value (PKR)" for investment in a currency. */
char           *_lode_chart_investment_value_header (LodeChartData             *data);
/* An empty table of the chart's figures. */
GPtrArray      *_lode_chart_table_new              (void);

G_END_DECLS
