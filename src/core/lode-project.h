/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lode-item.h"

#include "lode-enums.h"
#include "lode-money.h"
#include "lode-partner.h"

G_BEGIN_DECLS

#define LODE_TYPE_PROJECT (lode_project_get_type ())
G_DECLARE_FINAL_TYPE (LodeProject, lode_project, LODE, PROJECT, LodeItem)

LodeProject        *lode_project_new             (const char         *id,
                                                  const char         *name);
const char         *lode_project_get_id          (LodeProject        *self);
void                lode_project_set_id          (LodeProject        *self,
                                                  const char         *id);
const char         *lode_project_get_name        (LodeProject        *self);
void                lode_project_set_name        (LodeProject        *self,
                                                  const char         *name);
/* Ids of LodeMineral, NULL-terminated; may be NULL. */
const char * const *lode_project_get_minerals    (LodeProject        *self);
void                lode_project_set_minerals    (LodeProject        *self,
                                                  const char * const *minerals);
const char         *lode_project_get_region      (LodeProject        *self);
void                lode_project_set_region      (LodeProject        *self,
                                                  const char         *region);
const char         *lode_project_get_operator    (LodeProject        *self);
void                lode_project_set_operator    (LodeProject        *self,
                                                  const char         *operator_);
/* LODE_PROJECT_STATUS_UNKNOWN when absent. */
LodeProjectStatus   lode_project_get_status      (LodeProject        *self);
void                lode_project_set_status      (LodeProject        *self,
                                                  LodeProjectStatus   status);
/* A GListModel of LodePartner. */
GListModel         *lode_project_get_partners    (LodeProject        *self);
void                lode_project_add_partner     (LodeProject        *self,
                                                  LodePartner        *partner);
void                lode_project_remove_partner  (LodeProject        *self,
                                                  guint               position);
/* Investment in cents; LODE_MONEY_UNSET when absent. */
LodeMoney           lode_project_get_committed   (LodeProject        *self);
void                lode_project_set_committed   (LodeProject        *self,
                                                  LodeMoney           committed);
LodeMoney           lode_project_get_disbursed   (LodeProject        *self);
void                lode_project_set_disbursed   (LodeProject        *self,
                                                  LodeMoney           disbursed);
/* 0 when absent. */
int                 lode_project_get_start_year  (LodeProject        *self);
void                lode_project_set_start_year  (LodeProject        *self,
                                                  int                 start_year);
/* -1 when absent. */
gint64              lode_project_get_jobs        (LodeProject        *self);
void                lode_project_set_jobs        (LodeProject        *self,
                                                  gint64              jobs);
const char         *lode_project_get_source      (LodeProject        *self);
void                lode_project_set_source      (LodeProject        *self,
                                                  const char         *source);
JsonObject         *lode_project_get_extra       (LodeProject        *self);
void                lode_project_set_extra       (LodeProject        *self,
                                                  JsonObject         *extra);
/* Unknown members of "investment_usd". */
JsonObject         *lode_project_get_investment_extra (LodeProject   *self);
void                lode_project_set_investment_extra (LodeProject   *self,
                                                       JsonObject    *extra);

G_END_DECLS
