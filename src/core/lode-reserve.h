/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-item.h"

#include "lode-enums.h"
#include "lode-money.h"

G_BEGIN_DECLS

/* An estimate of a mineral's reserves. */
#define LODE_TYPE_RESERVE (lode_reserve_get_type ())
G_DECLARE_FINAL_TYPE (LodeReserve, lode_reserve, LODE, RESERVE, LodeItem)

LodeReserve        *lode_reserve_new          (LodeReserveCategory category,
                                               double              quantity,
                                               LodeUnit            unit);
LodeReserveCategory lode_reserve_get_category (LodeReserve        *self);
void                lode_reserve_set_category (LodeReserve        *self,
                                               LodeReserveCategory category);
double              lode_reserve_get_quantity (LodeReserve        *self);
void                lode_reserve_set_quantity (LodeReserve        *self,
                                               double              quantity);
LodeUnit            lode_reserve_get_unit     (LodeReserve        *self);
void                lode_reserve_set_unit     (LodeReserve        *self,
                                               LodeUnit            unit);
/* In cents; LODE_MONEY_UNSET when absent. */
LodeMoney           lode_reserve_get_value    (LodeReserve        *self);
void                lode_reserve_set_value    (LodeReserve        *self,
                                               LodeMoney           value);
/* 0 when absent. */
int                 lode_reserve_get_year     (LodeReserve        *self);
void                lode_reserve_set_year     (LodeReserve        *self,
                                               int                 year);
/* Id of a LodeSource, or NULL. */
const char         *lode_reserve_get_source   (LodeReserve        *self);
void                lode_reserve_set_source   (LodeReserve        *self,
                                               const char         *source);
JsonObject         *lode_reserve_get_extra    (LodeReserve        *self);
void                lode_reserve_set_extra    (LodeReserve        *self,
                                               JsonObject         *extra);

G_END_DECLS
