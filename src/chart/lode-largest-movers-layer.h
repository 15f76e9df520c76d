/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the minerals whose exports changed most between two
 * periods, as bars of the change. */
#define LODE_TYPE_LARGEST_MOVERS_LAYER (lode_largest_movers_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeLargestMoversLayer, lode_largest_movers_layer, LODE, LARGEST_MOVERS_LAYER, LodeChartLayer)

G_END_DECLS
