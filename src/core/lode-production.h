/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-item.h"

#include "lode-enums.h"

G_BEGIN_DECLS

/* What was mined of a mineral in a year, in the whole country or at one
 * project. The portfolio's "production" list holds them.
 *
 * Properties, for lode_history_set_property(): "mineral", "project",
 * "year", "quantity", "unit", "source", "note". */
#define LODE_TYPE_PRODUCTION (lode_production_get_type ())
G_DECLARE_FINAL_TYPE (LodeProduction, lode_production, LODE, PRODUCTION, LodeItem)

LodeProduction *lode_production_new          (const char     *mineral,
                                              int             year,
                                              double          quantity,
                                              LodeUnit        unit);
/* Id of a LodeMineral. */
const char     *lode_production_get_mineral  (LodeProduction *self);
void            lode_production_set_mineral  (LodeProduction *self,
                                              const char     *mineral);
/* Id of a LodeProject, or NULL for the production of the whole country. */
const char     *lode_production_get_project  (LodeProduction *self);
void            lode_production_set_project  (LodeProduction *self,
                                              const char     *project);
int             lode_production_get_year     (LodeProduction *self);
void            lode_production_set_year     (LodeProduction *self,
                                              int             year);
double          lode_production_get_quantity (LodeProduction *self);
void            lode_production_set_quantity (LodeProduction *self,
                                              double          quantity);
LodeUnit        lode_production_get_unit     (LodeProduction *self);
void            lode_production_set_unit     (LodeProduction *self,
                                              LodeUnit        unit);
/* Id of a LodeSource, or NULL. */
const char     *lode_production_get_source   (LodeProduction *self);
void            lode_production_set_source   (LodeProduction *self,
                                              const char     *source);
const char     *lode_production_get_note     (LodeProduction *self);
void            lode_production_set_note     (LodeProduction *self,
                                              const char     *note);
JsonObject     *lode_production_get_extra    (LodeProduction *self);
void            lode_production_set_extra    (LodeProduction *self,
                                              JsonObject     *extra);
LodeProduction *lode_production_copy         (LodeProduction *self);

/* The production of @mineral in @year in @unit, from the LodeProduction
 * items of @production: the national figure when there is one, else the sum
 * of the projects' figures (a national figure already holds its projects).
 * Figures in units that do not convert to @unit are left out. Returns FALSE
 * when no figure counts. */
gboolean        lode_production_total        (GListModel     *production,
                                              const char     *mineral,
                                              int             year,
                                              LodeUnit        unit,
                                              double         *quantity);

G_END_DECLS
