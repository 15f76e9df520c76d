/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-enums.h"

G_BEGIN_DECLS

/* Mass units convert among themselves (troy ounces for oz/koz/Moz, metric
 * carats for ct); m3 is a volume and converts to nothing else. */
gboolean lode_unit_is_mass    (LodeUnit unit);
double   lode_unit_to_tonnes  (LodeUnit unit);
gboolean lode_unit_convert    (double   quantity,
                               LodeUnit from,
                               LodeUnit to,
                               double  *result);

G_END_DECLS
