/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the estimated value of the reserves of each mineral as bars. */
#define LODE_TYPE_RESERVES_LAYER (lode_reserves_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeReservesLayer, lode_reserves_layer, LODE, RESERVES_LAYER, LodeChartLayer)

G_END_DECLS
