/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-item.h"

G_BEGIN_DECLS

/* A partner in an investment project. */
#define LODE_TYPE_PARTNER (lode_partner_get_type ())
G_DECLARE_FINAL_TYPE (LodePartner, lode_partner, LODE, PARTNER, LodeItem)

#define LODE_SHARE_UNSET (-1.0)

LodePartner *lode_partner_new         (const char  *name);
const char  *lode_partner_get_name    (LodePartner *self);
void         lode_partner_set_name    (LodePartner *self,
                                       const char  *name);
/* ISO 3166-1 alpha-2 code, or NULL. */
const char  *lode_partner_get_country (LodePartner *self);
void         lode_partner_set_country (LodePartner *self,
                                       const char  *country);
/* 0–1, or LODE_SHARE_UNSET. */
double       lode_partner_get_share   (LodePartner *self);
void         lode_partner_set_share   (LodePartner *self,
                                       double       share);
JsonObject  *lode_partner_get_extra   (LodePartner *self);
void         lode_partner_set_extra   (LodePartner *self,
                                       JsonObject  *extra);

G_END_DECLS
