/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-currency.h"
#include "lode-enums.h"
#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Investment in a currency other than the US dollar: each event at the
 * rate of its date (the month's, else the calendar year's), each total the
 * exact sum of its events' exact products rounded once, as the other
 * totals of lode-currency.h. Events without a rate are left out of the
 * amount, counted in n_missing and value_missing and their years noted by
 * the converter; nothing is converted at a guessed rate. */

/* The bit of @kind in a set of kinds. */
#define LODE_INVESTMENT_KIND_BIT(kind) (1u << (kind))

/* The sum of the events of the kinds of @kinds (LODE_INVESTMENT_KIND_BIT()
 * of each) among @investments (a GListModel of LodeInvestment), of @year
 * only unless it is 0, converted: as lode_investment_summary_get_total()
 * with @year 0 (committed net of withdrawals), as
 * lode_investment_summary_get_year_total() otherwise.
 * With @country not NULL, only the events of investors of that country.
 * FALSE when the amount does not fit in a LodeAmount. */
gboolean lode_investment_convert_total   (GListModel         *investments,
                                          LodeConverter      *converter,
                                          int                 year,
                                          const char         *country,
                                          guint               kinds,
                                          LodeConvertedTotal *total);

/* As lode_investment_convert_total() of one @year (not 0), with the years
 * those of periods that begin in @start_month (1–12), as
 * lode_investment_get_period_year() places each event. */
gboolean lode_investment_convert_period_total (GListModel         *investments,
                                               LodeConverter      *converter,
                                               int                 start_month,
                                               int                 year,
                                               guint               kinds,
                                               LodeConvertedTotal *total);

/* As lode_portfolio_get_investment_totals(), converted. A project's own
 * figures (of files without events) have no date to take a rate of: they
 * stay in US cents, in @committed_usd and @disbursed_usd, apart from the
 * amounts. */
void     lode_portfolio_convert_investment_totals (LodePortfolio      *portfolio,
                                                   LodeConverter      *converter,
                                                   LodeConvertedTotal *committed,
                                                   LodeConvertedTotal *disbursed,
                                                   LodeMoney          *committed_usd,
                                                   LodeMoney          *disbursed_usd);

/* As lode_portfolio_get_project_investment(), for @kind committed (net)
 * or disbursed, converted; the exact sum is added to @sum unless NULL,
 * for a total of projects. FALSE for a figure the project holds itself,
 * which has no date (left in US cents, in @usd), or when neither says
 * (@usd LODE_MONEY_UNSET). */
gboolean lode_portfolio_convert_project_investment (LodePortfolio      *portfolio,
                                                    LodeConverter      *converter,
                                                    const char         *project,
                                                    LodeInvestmentKind  kind,
                                                    LodeConvertedTotal *total,
                                                    LodeAmountSum      *sum,
                                                    LodeMoney          *usd);

G_END_DECLS
