/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-chart.h"

G_BEGIN_DECLS

#define LODE_TYPE_CHART_VIEW (lode_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LodeChartView, lode_chart_view, LODE, CHART_VIEW, GtkWidget)

GtkWidget *lode_chart_view_new          (void);
LodeChart *lode_chart_view_get_chart    (LodeChartView *self);
void       lode_chart_view_set_chart    (LodeChartView *self,
                                         LodeChart     *chart);
/* Exports over time by month rather than by year. */
gboolean   lode_chart_view_get_monthly  (LodeChartView *self);
void       lode_chart_view_set_monthly  (LodeChartView *self,
                                         gboolean       monthly);
/* The item the keyboard or the pointer is on, or -1. */
int        lode_chart_view_get_selected (LodeChartView *self);
void       lode_chart_view_set_selected (LodeChartView *self,
                                         int            item);

G_END_DECLS
