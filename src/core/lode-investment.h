/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-item.h"

#include "lode-enums.h"
#include "lode-money.h"

G_BEGIN_DECLS

/* One dated step of an investment: an investor announces, agrees, commits,
 * disburses or withdraws an amount, for a project or for none (a pledge to
 * a whole platform or sector). The events of a portfolio are its
 * "investments" list; a project's totals and the investment views are made
 * from them.
 *
 * Properties, for lode_history_set_property(): "project", "investor",
 * "investor-country", "kind", "value", "date", "minerals", "source",
 * "note". */
#define LODE_TYPE_INVESTMENT (lode_investment_get_type ())
G_DECLARE_FINAL_TYPE (LodeInvestment, lode_investment, LODE, INVESTMENT, LodeItem)

LodeInvestment     *lode_investment_new                  (LodeInvestmentKind  kind,
                                                          LodeMoney           value,
                                                          const char         *date);
/* Id of a LodeProject, or NULL for an investment in no one project. */
const char         *lode_investment_get_project          (LodeInvestment     *self);
void                lode_investment_set_project          (LodeInvestment     *self,
                                                          const char         *project);
/* The investor's name, or NULL when not known. */
const char         *lode_investment_get_investor         (LodeInvestment     *self);
void                lode_investment_set_investor         (LodeInvestment     *self,
                                                          const char         *investor);
/* The investor's country, ISO 3166-1 alpha-2, or NULL when not known. */
const char         *lode_investment_get_investor_country (LodeInvestment     *self);
void                lode_investment_set_investor_country (LodeInvestment     *self,
                                                          const char         *country);
LodeInvestmentKind  lode_investment_get_kind             (LodeInvestment     *self);
void                lode_investment_set_kind             (LodeInvestment     *self,
                                                          LodeInvestmentKind  kind);
/* The amount in cents. */
LodeMoney           lode_investment_get_value            (LodeInvestment     *self);
void                lode_investment_set_value            (LodeInvestment     *self,
                                                          LodeMoney           value);
/* The amount as entered in another currency: its ISO 4217 code, or NULL
 * when the event keeps none, and the amount in hundredths of that
 * currency (not written without the code). Properties
 * "original-currency", "original-amount". */
const char         *lode_investment_get_original_currency (LodeInvestment    *self);
LodeMoney           lode_investment_get_original_amount  (LodeInvestment     *self);
void                lode_investment_set_original         (LodeInvestment     *self,
                                                          const char         *currency,
                                                          LodeMoney           amount);
/* "2026", "2026-01" or "2026-01-28" (see lode_rule_date()). */
const char         *lode_investment_get_date             (LodeInvestment     *self);
void                lode_investment_set_date             (LodeInvestment     *self,
                                                          const char         *date);
/* The year of the date, 0 when the date is not set. */
int                 lode_investment_get_year             (LodeInvestment     *self);
/* Ids of LodeMineral, NULL-terminated; may be NULL. */
const char * const *lode_investment_get_minerals         (LodeInvestment     *self);
void                lode_investment_set_minerals         (LodeInvestment     *self,
                                                          const char * const *minerals);
/* Id of a LodeSource, or NULL. */
const char         *lode_investment_get_source           (LodeInvestment     *self);
void                lode_investment_set_source           (LodeInvestment     *self,
                                                          const char         *source);
const char         *lode_investment_get_note             (LodeInvestment     *self);
void                lode_investment_set_note             (LodeInvestment     *self,
                                                          const char         *note);
/* Members of the file that Lode does not know, written back unchanged. */
JsonObject         *lode_investment_get_extra            (LodeInvestment     *self);
void                lode_investment_set_extra            (LodeInvestment     *self,
                                                          JsonObject         *extra);
/* A new event with the same values (the extra members shared). */
LodeInvestment     *lode_investment_copy                 (LodeInvestment     *self);

G_END_DECLS
