/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "lode-chart.h"
#include "lode-periods.h"

G_BEGIN_DECLS

/* What a chart draws, one subclass a kind of chart. The base lays out
 * the title, the legend and the axes, keeps the items of the last
 * rendering and finds them under the pointer; a layer draws its figures
 * and says what they are. LodeChart owns one layer and gives it what
 * every chart shares: the surface, the colours and the direction. */

typedef struct _LodeChartContext LodeChartContext;

#define LODE_TYPE_CHART_LAYER (lode_chart_layer_get_type ())
G_DECLARE_DERIVABLE_TYPE (LodeChartLayer, lode_chart_layer, LODE, CHART_LAYER, GObject)

struct _LodeChartLayerClass
{
  GObjectClass parent_class;

  /* The title, when it is not the kind's (a target's own); NULL else. */
  char      *(*dup_title)            (LodeChartLayer      *self);
  /* Draws the chart into @context and records its items. */
  void       (*render)               (LodeChartLayer      *self,
                                      LodeChartContext    *context);
  /* The item at @x, @y of the last rendering, or -1. */
  int        (*lookup_item)          (LodeChartLayer      *self,
                                      double               x,
                                      double               y);
  /* Appends to @text when @item's figure is from: " (2025)". */
  void       (*describe_item_period) (LodeChartLayer      *self,
                                      const LodeChartItem *item,
                                      GString             *text);
  /* Appends the leading figures to @text; returns how many. By default
   * the minerals exported most, for a layer of the exports. */
  guint      (*describe)             (LodeChartLayer      *self,
                                      GString             *text);
  /* Rows of cells, the header first. */
  GPtrArray *(*get_table)            (LodeChartLayer      *self);
  /* Charts of rows: sets @n_rows to how many the figures need. */
  gboolean   (*get_n_rows)           (LodeChartLayer      *self,
                                      guint               *n_rows);
  /* Whether lode_chart_layer_set_monthly() changes what is drawn. */
  gboolean   (*can_show_months)      (LodeChartLayer      *self);
  /* After lode_chart_layer_set_periods(). */
  void       (*periods_changed)      (LodeChartLayer      *self);
  /* The currency of the figures drawn, NULL for US dollars, when it is
   * not the data's for @exports and @investment and dollars else. */
  const char *(*get_currency)        (LodeChartLayer      *self);
  /* Whether the layer draws figures of the exports, which are in the
   * data's currency; other figures are in US dollars. */
  gboolean   exports;
  /* Whether the layer draws figures of investment, which are in the
   * data's currency too. */
  gboolean   investment;

  gpointer padding[4];
};

LodeChartData       *lode_chart_layer_get_data          (LodeChartLayer   *self);
gboolean             lode_chart_layer_get_monthly       (LodeChartLayer   *self);
void                 lode_chart_layer_set_monthly       (LodeChartLayer   *self,
                                                         gboolean          monthly);
/* The two periods a comparison sets side by side: by default the last
 * two periods of the data. */
void                 lode_chart_layer_get_periods       (LodeChartLayer   *self,
                                                         LodePeriod       *first,
                                                         LodePeriod       *second);
void                 lode_chart_layer_set_periods       (LodeChartLayer   *self,
                                                         const LodePeriod *first,
                                                         const LodePeriod *second);
/* The target drawn, by its index in the data. */
guint                lode_chart_layer_get_target        (LodeChartLayer   *self);
void                 lode_chart_layer_set_target        (LodeChartLayer   *self,
                                                         guint             target);
/* The mineral drawn, by its id, or NULL for the layer's choice. */
const char          *lode_chart_layer_get_mineral       (LodeChartLayer   *self);
void                 lode_chart_layer_set_mineral       (LodeChartLayer   *self,
                                                         const char       *mineral);

char                *lode_chart_layer_dup_title         (LodeChartLayer   *self);
/* Clears the items, draws, then outlines item @highlight (or none, -1). */
void                 lode_chart_layer_render            (LodeChartLayer   *self,
                                                         LodeChartContext *context,
                                                         int               highlight);
guint                lode_chart_layer_get_n_items       (LodeChartLayer   *self);
const LodeChartItem *lode_chart_layer_get_item          (LodeChartLayer   *self,
                                                         guint             index);
int                  lode_chart_layer_lookup_item       (LodeChartLayer   *self,
                                                         double            x,
                                                         double            y);
char                *lode_chart_layer_describe_item     (LodeChartLayer   *self,
                                                         guint             index);
guint                lode_chart_layer_describe          (LodeChartLayer   *self,
                                                         GString          *text);
GPtrArray           *lode_chart_layer_get_table         (LodeChartLayer   *self);
gboolean             lode_chart_layer_get_n_rows        (LodeChartLayer   *self,
                                                         guint            *n_rows);
gboolean             lode_chart_layer_can_show_months   (LodeChartLayer   *self);

G_END_DECLS
