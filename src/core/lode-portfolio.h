/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lode-export-table.h"
#include "lode-history.h"
#include "lode-mineral.h"
#include "lode-project.h"
#include "lode-source.h"
#include "lode-target.h"

G_BEGIN_DECLS

#define LODE_TYPE_PORTFOLIO (lode_portfolio_get_type ())
G_DECLARE_FINAL_TYPE (LodePortfolio, lode_portfolio, LODE, PORTFOLIO, GObject)

LodePortfolio   *lode_portfolio_new             (const char    *title);
const char      *lode_portfolio_get_title       (LodePortfolio *self);
void             lode_portfolio_set_title       (LodePortfolio *self,
                                                 const char    *title);
const char      *lode_portfolio_get_description (LodePortfolio *self);
void             lode_portfolio_set_description (LodePortfolio *self,
                                                 const char    *description);
/* "USD" unless the file says otherwise. */
const char      *lode_portfolio_get_currency    (LodePortfolio *self);
void             lode_portfolio_set_currency    (LodePortfolio *self,
                                                 const char    *currency);
/* The country whose mineral sector the portfolio tracks, ISO 3166-1
 * alpha-2 ("PK"), or NULL when the file does not say; the reporter of
 * imported trade statistics. */
const char      *lode_portfolio_get_country     (LodePortfolio *self);
void             lode_portfolio_set_country     (LodePortfolio *self,
                                                 const char    *country);
/* GListStores of LodeSource, LodeMineral, LodeProject, LodeTarget. */
GListStore      *lode_portfolio_get_sources     (LodePortfolio *self);
GListStore      *lode_portfolio_get_minerals    (LodePortfolio *self);
GListStore      *lode_portfolio_get_projects    (LodePortfolio *self);
GListStore      *lode_portfolio_get_targets     (LodePortfolio *self);
LodeExportTable *lode_portfolio_get_exports     (LodePortfolio *self);
LodeSource      *lode_portfolio_find_source     (LodePortfolio *self,
                                                 const char    *id);
LodeMineral     *lode_portfolio_find_mineral    (LodePortfolio *self,
                                                 const char    *id);
/* TRUE once anything changed since creation, load or the last
 * lode_portfolio_set_modified (self, FALSE). */
gboolean         lode_portfolio_get_modified    (LodePortfolio *self);
void             lode_portfolio_set_modified    (LodePortfolio *self,
                                                 gboolean       modified);
/* The undo history of this portfolio; edits from the UI go through it. */
LodeHistory     *lode_portfolio_get_history     (LodePortfolio *self);
JsonObject      *lode_portfolio_get_extra       (LodePortfolio *self);
void             lode_portfolio_set_extra       (LodePortfolio *self,
                                                 JsonObject    *extra);

G_END_DECLS
