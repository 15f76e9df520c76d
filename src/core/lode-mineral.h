/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lode-item.h"

#include "lode-enums.h"
#include "lode-reserve.h"

G_BEGIN_DECLS

#define LODE_TYPE_MINERAL (lode_mineral_get_type ())
G_DECLARE_FINAL_TYPE (LodeMineral, lode_mineral, LODE, MINERAL, LodeItem)

LodeMineral        *lode_mineral_new          (const char         *id,
                                               const char         *name,
                                               LodeMineralGroup    group);
const char         *lode_mineral_get_id       (LodeMineral        *self);
void                lode_mineral_set_id       (LodeMineral        *self,
                                               const char         *id);
const char         *lode_mineral_get_name     (LodeMineral        *self);
void                lode_mineral_set_name     (LodeMineral        *self,
                                               const char         *name);
const char         *lode_mineral_get_symbol   (LodeMineral        *self);
void                lode_mineral_set_symbol   (LodeMineral        *self,
                                               const char         *symbol);
LodeMineralGroup    lode_mineral_get_group    (LodeMineral        *self);
void                lode_mineral_set_group    (LodeMineral        *self,
                                               LodeMineralGroup    group);
/* HS codes (2, 4 or 6 digits), NULL-terminated; may be NULL. */
const char * const *lode_mineral_get_hs_codes (LodeMineral        *self);
void                lode_mineral_set_hs_codes (LodeMineral        *self,
                                               const char * const *hs_codes);
/* A GListModel of LodeReserve; edit it through the functions below so the
 * mineral notifies "reserves". */
GListModel         *lode_mineral_get_reserves (LodeMineral        *self);
void                lode_mineral_add_reserve  (LodeMineral        *self,
                                               LodeReserve        *reserve);
void                lode_mineral_remove_reserve (LodeMineral      *self,
                                                 guint             position);
/* Sum of the reserve estimates' values in cents (0 if none has one). */
LodeMoney           lode_mineral_get_reserve_value (LodeMineral   *self);
JsonObject         *lode_mineral_get_extra    (LodeMineral        *self);
void                lode_mineral_set_extra    (LodeMineral        *self,
                                               JsonObject         *extra);

G_END_DECLS
