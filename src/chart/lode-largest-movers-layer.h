/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"
#include "lode-compare.h"

G_BEGIN_DECLS

/* The layer of the minerals whose exports changed most between two
 * periods, as bars of the change. */
#define LODE_TYPE_LARGEST_MOVERS_LAYER (lode_largest_movers_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeLargestMoversLayer, lode_largest_movers_layer, LODE, LARGEST_MOVERS_LAYER, LodeChartLayer)

/* Gives the layer the comparison by mineral of its periods, made
 * elsewhere (in a worker) from its data's table, so that its first render
 * does not make it. Takes @comparison. */
void lode_largest_movers_layer_set_comparison (LodeLargestMoversLayer *self,
                                               LodeComparison         *comparison);

G_END_DECLS
