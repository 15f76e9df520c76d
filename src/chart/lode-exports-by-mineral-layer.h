/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the exports of each mineral as bars stacked by processing stage. */
#define LODE_TYPE_EXPORTS_BY_MINERAL_LAYER (lode_exports_by_mineral_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportsByMineralLayer, lode_exports_by_mineral_layer, LODE, EXPORTS_BY_MINERAL_LAYER, LodeChartLayer)

G_END_DECLS
