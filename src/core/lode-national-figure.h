/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-item.h"

#include "lode-enums.h"
#include "lode-money.h"

G_BEGIN_DECLS

/* An absent change: below any a figure can have (a fall of the whole is
 * -1). Not NAN, which a GObject property refuses. */
#define LODE_CHANGE_UNSET (-2.0)

/* A figure of the whole sector that belongs to no one mineral or project:
 * the estimated value of all reserves, the mineral exports of a year, the
 * trade with one country, an investment a platform aims at. The
 * portfolio's "national_figures" list holds them.
 *
 * Properties, for lode_history_set_property(): "kind", "country", "year",
 * "value", "change", "note", "source". */
#define LODE_TYPE_NATIONAL_FIGURE (lode_national_figure_get_type ())
G_DECLARE_FINAL_TYPE (LodeNationalFigure, lode_national_figure, LODE, NATIONAL_FIGURE, LodeItem)

LodeNationalFigure *lode_national_figure_new         (LodeFigureKind      kind,
                                                      LodeMoney           value);
LodeFigureKind      lode_national_figure_get_kind    (LodeNationalFigure *self);
void                lode_national_figure_set_kind    (LodeNationalFigure *self,
                                                      LodeFigureKind      kind);
/* The other country of a bilateral figure (trade with China: "CN"),
 * ISO 3166-1 alpha-2, or NULL. */
const char         *lode_national_figure_get_country (LodeNationalFigure *self);
void                lode_national_figure_set_country (LodeNationalFigure *self,
                                                      const char         *country);
/* 0 when the source gives no year. */
int                 lode_national_figure_get_year    (LodeNationalFigure *self);
void                lode_national_figure_set_year    (LodeNationalFigure *self,
                                                      int                 year);
/* In cents. */
LodeMoney           lode_national_figure_get_value   (LodeNationalFigure *self);
void                lode_national_figure_set_value   (LodeNationalFigure *self,
                                                      LodeMoney           value);
/* The change on the year before as a fraction (0.111 for up 11.1 %), -1
 * or more; LODE_CHANGE_UNSET when not given. */
double              lode_national_figure_get_change  (LodeNationalFigure *self);
void                lode_national_figure_set_change  (LodeNationalFigure *self,
                                                      double              change);
/* What the figure is, in the source's words ("over $10 billion"). */
const char         *lode_national_figure_get_note    (LodeNationalFigure *self);
void                lode_national_figure_set_note    (LodeNationalFigure *self,
                                                      const char         *note);
/* Id of a LodeSource, or NULL. */
const char         *lode_national_figure_get_source  (LodeNationalFigure *self);
void                lode_national_figure_set_source  (LodeNationalFigure *self,
                                                      const char         *source);
JsonObject         *lode_national_figure_get_extra   (LodeNationalFigure *self);
void                lode_national_figure_set_extra   (LodeNationalFigure *self,
                                                      JsonObject         *extra);
LodeNationalFigure *lode_national_figure_copy        (LodeNationalFigure *self);

G_END_DECLS
