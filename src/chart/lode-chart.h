/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lode-chart-data.h"
#include "lode-compare.h"
#include "lode-periods.h"

G_BEGIN_DECLS

typedef enum
{
  LODE_CHART_EXPORTS_BY_MINERAL,
  LODE_CHART_EXPORTS_OVER_TIME,
  LODE_CHART_DESTINATIONS,
  LODE_CHART_RESERVES,
  LODE_CHART_TARGET_PROGRESS,
  LODE_CHART_INVESTMENT_BY_YEAR,
  LODE_CHART_INVESTMENT_BY_COUNTRY,
  LODE_CHART_INVESTMENT_PIPELINE,
  LODE_CHART_PRODUCTION_AND_EXPORTS,
  LODE_CHART_LARGEST_MOVERS,
} LodeChartKind;

#define LODE_N_CHART_KINDS 10

typedef enum
{
  LODE_CHART_ITEM_BAR,       /* a bar, or a segment of a stacked bar */
  LODE_CHART_ITEM_SLICE,     /* a slice of the donut */
  LODE_CHART_ITEM_POINT,     /* a point of a line */
  LODE_CHART_ITEM_RANGE,     /* a target's low–high range */
} LodeChartItemKind;

/* Something drawn that stands for a figure: what the pointer and the
 * keyboard reach, and what a click opens. Coordinates are those of the
 * last rendering, in its units (pixels of the widget). */
typedef struct
{
  LodeChartItemKind  kind;
  double             x, y, width, height;     /* bounds */
  double             cx, cy, inner, outer;    /* slices: centre and radii */
  double             start, end;              /* slices: angles, radians */
  LodeMoney          value;
  int                series;                  /* index of its colour */
  char              *label;                   /* "Copper, refined" */
  const char        *mineral;                 /* id, or NULL */
  const char        *destination;             /* code, or NULL */
  LodeStage          stage;
  int                year;                    /* or 0 */
  int                month;                   /* or 0 */
  const char        *source;                  /* id, NULL or LODE_CHART_SOURCES_MIXED */
  /* A quantity rather than an amount, when unit is not LODE_UNIT_NONE. */
  double             quantity;
  LodeUnit           unit;
} LodeChartItem;

#define LODE_TYPE_CHART (lode_chart_get_type ())
G_DECLARE_FINAL_TYPE (LodeChart, lode_chart, LODE, CHART, GObject)

const char          *lode_chart_kind_get_name        (LodeChartKind  kind);
gboolean             lode_chart_kind_from_name       (const char    *name,
                                                      LodeChartKind *kind);
const char          *lode_chart_kind_get_title       (LodeChartKind  kind);
const char          *lode_chart_kind_get_description (LodeChartKind  kind);

LodeChart           *lode_chart_new                  (LodeChartKind  kind,
                                                      LodeChartData *data);
LodeChartKind        lode_chart_get_kind             (LodeChart     *self);
LodeChartData       *lode_chart_get_data             (LodeChart     *self);
/* The target of a target-progress chart, by its index in the data. */
void                 lode_chart_set_target           (LodeChart     *self,
                                                      guint          index);
/* The mineral of a production-and-exports chart, by its id; NULL (the
 * default) for the largest exports that have production figures. */
void                 lode_chart_set_mineral          (LodeChart     *self,
                                                      const char    *mineral);
/* For a largest-movers chart, after lode_chart_set_periods(): the
 * comparison by mineral of those periods, made in a worker from the
 * chart's data table, so that its first render does not make it on the
 * calling thread. Takes @comparison; other charts free it. */
void                 lode_chart_set_comparison       (LodeChart        *self,
                                                      LodeComparison   *comparison);
/* The two periods of a largest-movers chart: by default the last two of
 * its data. */
void                 lode_chart_set_periods          (LodeChart        *self,
                                                      const LodePeriod *first,
                                                      const LodePeriod *second);
/* Exports over time by month rather than by year. */
void                 lode_chart_set_monthly          (LodeChart     *self,
                                                      gboolean       monthly);
/* Whether lode_chart_set_monthly() changes what the chart shows: exports
 * over time of records that name their month. */
gboolean             lode_chart_get_can_show_months  (LodeChart     *self);
/* A chart of rows (bars) sets @n_rows to how many its figures need and
 * returns TRUE; other charts fill the room they are given. */
gboolean             lode_chart_get_n_rows           (LodeChart     *self,
                                                      guint         *n_rows);
/* Colours for a dark background. */
void                 lode_chart_set_dark             (LodeChart     *self,
                                                      gboolean       dark);
/* Mirrored for right-to-left languages. */
void                 lode_chart_set_rtl              (LodeChart     *self,
                                                      gboolean       rtl);
/* Fills the background (files) or leaves it clear (on screen). */
void                 lode_chart_set_background       (LodeChart     *self,
                                                      gboolean       background);
/* The item drawn outlined, or -1. */
void                 lode_chart_set_highlight        (LodeChart     *self,
                                                      int            item);
const char          *lode_chart_get_title            (LodeChart     *self);

/* Draws the chart into @width × @height units of @cr and lays out its
 * items. Scale @cr for HiDPI; the layout stays in units. */
void                 lode_chart_render               (LodeChart     *self,
                                                      cairo_t       *cr,
                                                      double         width,
                                                      double         height);
guint                lode_chart_get_n_items          (LodeChart     *self);
const LodeChartItem *lode_chart_get_item             (LodeChart     *self,
                                                      guint          index);
/* The item at @x, @y of the last rendering, or -1. */
int                  lode_chart_hit_test             (LodeChart     *self,
                                                      double         x,
                                                      double         y);
/* "Copper, refined: $1.14 B (2025), Source: …" */
char                *lode_chart_describe_item        (LodeChart     *self,
                                                      guint          index);
/* A sentence or two on what the chart shows, for assistive technologies. */
char                *lode_chart_describe             (LodeChart     *self);

/* The figures as rows of cells, the header first; amounts exact. */
GPtrArray           *lode_chart_get_table            (LodeChart     *self);
char                *lode_chart_to_csv               (LodeChart     *self);

/* Writes PNG, SVG or PDF, by the extension of @path. PNG is drawn at
 * @scale pixels a unit. The picture is made in memory and written through
 * lode_file_replace_contents(): a failed export leaves no partial file
 * and keeps the one that was there. */
gboolean             lode_chart_write_file           (LodeChart     *self,
                                                      const char    *path,
                                                      double         width,
                                                      double         height,
                                                      double         scale,
                                                      GError       **error);
/* As lode_chart_write_file(): the picture is drawn at once, in the calling
 * thread, and written in a worker thread, so the window never waits on
 * the disk. */
void                 lode_chart_write_file_async     (LodeChart           *self,
                                                      const char          *path,
                                                      double               width,
                                                      double               height,
                                                      double               scale,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean             lode_chart_write_file_finish    (LodeChart           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* "$1.14 B" for round tick values, in whole dollars. */
char                *lode_chart_format_tick          (double         dollars);
/* "24.6 %" for 0.246. */
char                *lode_chart_format_percent       (double         fraction);
/* Round tick spacing so that about @n_ticks cover 0…@max. */
double               lode_chart_nice_step            (double         max,
                                                      guint          n_ticks);

G_END_DECLS
