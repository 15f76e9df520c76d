/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of a line a mineral of its exports by year or by month. */
#define LODE_TYPE_EXPORTS_OVER_TIME_LAYER (lode_exports_over_time_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportsOverTimeLayer, lode_exports_over_time_layer, LODE, EXPORTS_OVER_TIME_LAYER, LodeChartLayer)

G_END_DECLS
