/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-export-table.h"
#include "lode-history.h"
#include "lode-investment.h"
#include "lode-mineral.h"
#include "lode-national-figure.h"
#include "lode-production.h"
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
/* The month (1–12) the portfolio's fiscal year starts in: 1, January,
 * unless the file says otherwise. Setting 0 makes the file not say. */
int              lode_portfolio_get_fiscal_year_start (LodePortfolio *self);
gboolean         lode_portfolio_has_fiscal_year_start (LodePortfolio *self);
void             lode_portfolio_set_fiscal_year_start (LodePortfolio *self,
                                                       int            month);
/* GListStores of LodeSource, LodeMineral, LodeProject, LodeTarget. */
GListStore      *lode_portfolio_get_sources     (LodePortfolio *self);
GListStore      *lode_portfolio_get_minerals    (LodePortfolio *self);
GListStore      *lode_portfolio_get_projects    (LodePortfolio *self);
GListStore      *lode_portfolio_get_targets     (LodePortfolio *self);
LodeExportTable *lode_portfolio_get_exports     (LodePortfolio *self);
/* GListStores of LodeInvestment, LodeProduction, LodeNationalFigure, in
 * the order of the file. */
GListStore      *lode_portfolio_get_investments (LodePortfolio *self);
GListStore      *lode_portfolio_get_production  (LodePortfolio *self);
GListStore      *lode_portfolio_get_national_figures (LodePortfolio *self);
/* GListStore of LodeExchangeRate, in the order of the file. */
GListStore      *lode_portfolio_get_exchange_rates (LodePortfolio *self);
/* A converter to @code from the portfolio's rates and fiscal year. */
LodeConverter   *lode_portfolio_new_converter   (LodePortfolio *self,
                                                 const char    *code);
LodeProject     *lode_portfolio_find_project    (LodePortfolio *self,
                                                 const char    *id);
/* A project's investment in cents: committed (net of withdrawals) and
 * disbursed from its events when it has events of that kind, else the
 * figures the project itself holds ("investment_usd" of files that have
 * no events); LODE_MONEY_UNSET when neither says. */
void             lode_portfolio_get_project_investment (LodePortfolio *self,
                                                        const char    *project,
                                                        LodeMoney     *committed,
                                                        LodeMoney     *disbursed);
/* The whole portfolio's: every event, and the figures of the projects
 * that have no events of that kind. 0 when there is nothing. */
void             lode_portfolio_get_investment_totals  (LodePortfolio *self,
                                                        LodeMoney     *committed,
                                                        LodeMoney     *disbursed);
/* What a target on investment has reached by the end of @year (0: in all
 * years): the events of the kind it measures and of its investors'
 * country, commitments net of withdrawals. FALSE for a target on exports. */
gboolean         lode_portfolio_get_target_investment  (LodePortfolio *self,
                                                        LodeTarget    *target,
                                                        int            year,
                                                        LodeMoney     *value);
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
