/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lode-enums.h"
#include "lode-investment.h"
#include "lode-money.h"

G_BEGIN_DECLS

/* The totals of a list of investment events, made in one pass: by kind, by
 * year and kind, by investor country and kind. Give it the portfolio's
 * "investments" or any filtered model of LodeInvestment.
 *
 * Committed is counted net: a withdrawal takes its amount off the
 * commitments (never below zero). */
typedef struct _LodeInvestmentSummary LodeInvestmentSummary;

/* The year of the period of @start_month (1–12) that the date of @event
 * falls into, named by the year it begins in: the year of its date in
 * calendar years; in fiscal years, its fiscal year when the date names a
 * month, else 0 (a year alone is in no fiscal year). */
int                    lode_investment_get_period_year          (LodeInvestment        *event,
                                                                 int                    start_month);
LodeInvestmentSummary *lode_investment_summary_new              (GListModel            *investments);
/* As lode_investment_summary_new(), with the years those of periods that
 * begin in @start_month (1–12), named by the year they begin in: an event
 * dated to a month or a day falls into its fiscal year; one dated to a
 * year alone lies across two and is in no year, but counted in
 * lode_investment_summary_get_n_unplaced() (and in every other total). */
LodeInvestmentSummary *lode_investment_summary_new_for_periods  (GListModel            *investments,
                                                                 int                    start_month);
void                   lode_investment_summary_free             (LodeInvestmentSummary *self);

/* The sum of the events of @kind (LODE_INVESTMENT_KIND_COMMITTED: net of
 * withdrawals); 0 when there are none. */
LodeMoney              lode_investment_summary_get_total        (LodeInvestmentSummary *self,
                                                                 LodeInvestmentKind     kind);
guint                  lode_investment_summary_get_n_events     (LodeInvestmentSummary *self);

/* The events dated to a year alone that no fiscal year holds; 0 in
 * calendar years. */
guint                  lode_investment_summary_get_n_unplaced   (LodeInvestmentSummary *self);

/* The years that have events, ascending. */
guint                  lode_investment_summary_get_n_years      (LodeInvestmentSummary *self);
int                    lode_investment_summary_get_year         (LodeInvestmentSummary *self,
                                                                 guint                  index);
/* The sum of the events of @kind in @year (committed not net: what was
 * committed that year); 0 when there are none. */
LodeMoney              lode_investment_summary_get_year_total   (LodeInvestmentSummary *self,
                                                                 int                    year,
                                                                 LodeInvestmentKind     kind);

/* The investor countries, the largest committed (net) first, then by code;
 * events without a country count under NULL, which comes last. */
guint                  lode_investment_summary_get_n_countries  (LodeInvestmentSummary *self);
const char            *lode_investment_summary_get_country      (LodeInvestmentSummary *self,
                                                                 guint                  index);
/* As get_total(), for the events of investors of @country (NULL: of no
 * known country). */
LodeMoney              lode_investment_summary_get_country_total (LodeInvestmentSummary *self,
                                                                  const char            *country,
                                                                  LodeInvestmentKind     kind);
/* The known country with the most committed (net), or NULL when no event
 * of a known country is a commitment. */
const char            *lode_investment_summary_get_leading_country (LodeInvestmentSummary *self);

/* The pipeline: the share of the amount announced that reached @kind
 * (agreed, committed, disbursed), from 0; what reached a step counts as
 * announced even without an announcement of its own, so the first step
 * is the largest of the four totals. Returns FALSE when nothing was
 * announced, agreed, committed or disbursed. */
gboolean               lode_investment_summary_get_pipeline_share (LodeInvestmentSummary *self,
                                                                   LodeInvestmentKind     kind,
                                                                   double                *share);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeInvestmentSummary, lode_investment_summary_free)

G_END_DECLS
