/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of a mineral's production by year against its exports. */
#define LODE_TYPE_PRODUCTION_AND_EXPORTS_LAYER (lode_production_and_exports_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeProductionAndExportsLayer, lode_production_and_exports_layer, LODE, PRODUCTION_AND_EXPORTS_LAYER, LodeChartLayer)

G_END_DECLS
