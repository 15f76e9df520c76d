/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-chart-layer.h"

G_BEGIN_DECLS

/* The layer of the records against the path a target needs. */
#define LODE_TYPE_TARGET_PROGRESS_LAYER (lode_target_progress_layer_get_type ())
G_DECLARE_FINAL_TYPE (LodeTargetProgressLayer, lode_target_progress_layer, LODE, TARGET_PROGRESS_LAYER, LodeChartLayer)

G_END_DECLS
