/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-enums.h"

G_BEGIN_DECLS

/* The name of a processing stage as people read it, translated: "Ore",
 * "Concentrate", "Unrefined", "Refined", "Product", and "Stage not given" for
 * LODE_STAGE_UNKNOWN. The one place these words are written, for the
 * window, the charts and lode-cli alike. */
const char *lode_stage_get_name (LodeStage stage);

G_END_DECLS
