/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_OVERVIEW_PAGE (lode_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeOverviewPage, lode_overview_page, LODE, OVERVIEW_PAGE, AdwBin)

LodePortfolio *lode_overview_page_get_portfolio (LodeOverviewPage *self);
void           lode_overview_page_set_portfolio (LodeOverviewPage *self,
                                                 LodePortfolio    *portfolio);
/* The month (1–12) the years of the figures and charts begin in: 1 for
 * calendar years, else fiscal years. */
int            lode_overview_page_get_start_month (LodeOverviewPage *self);
void           lode_overview_page_set_start_month (LodeOverviewPage *self,
                                                   int               start_month);
/* The currency of the exports of the latest year: "USD", or one the
 * portfolio has rates of. */
void           lode_overview_page_set_currency    (LodeOverviewPage *self,
                                                   const char       *currency);
/* Any thread, before @portfolio is shown and while no other thread uses
 * it: aggregates its figures (tens of milliseconds for a million records)
 * and keeps them with it, so that the page that shows it next need not. */
void           lode_overview_page_prepare       (LodePortfolio    *portfolio);

G_END_DECLS
