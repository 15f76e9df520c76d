/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the donut of the largest destinations. */
#define LODE_TYPE_DESTINATIONS_LAYER (lode_destinations_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeDestinationsLayer, lode_destinations_layer, LODE, DESTINATIONS_LAYER, LodeChartLayer)

G_END_DECLS
