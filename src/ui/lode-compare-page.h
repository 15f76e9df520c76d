/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Two years or fiscal years side by side: the exports of each by
 * mineral, destination, stage or HS code, the change in value and in
 * percent, in a sortable table, and a chart of the largest movers. */
#define LODE_TYPE_COMPARE_PAGE (lode_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeComparePage, lode_compare_page, LODE, COMPARE_PAGE, AdwBin)

LodePortfolio *lode_compare_page_get_portfolio   (LodeComparePage *self);
void           lode_compare_page_set_portfolio   (LodeComparePage *self,
                                                  LodePortfolio   *portfolio);
/* The month (1–12) the portfolio's fiscal year starts in: fiscal years
 * are offered beside calendar years unless it is 1. */
/* Whether a comparison, or its chart, is being made or about to be (after
 * an edit): the page shows the one before until it is done. */
gboolean       lode_compare_page_get_busy        (LodeComparePage *self);
void           lode_compare_page_set_start_month (LodeComparePage *self,
                                                  int              start_month);
/* The currency of the amounts shown: "USD", or one the portfolio has
 * rates of; a side without any rate shows none, and the page says which
 * years had none. The CSV stays in US dollars. */
void           lode_compare_page_set_currency    (LodeComparePage *self,
                                                  const char      *currency);
/* Writes the table as shown, in its sort, to @file as CSV: the one
 * writer, in a worker thread; a toast says it is written, a dialog why
 * not. */
void           lode_compare_page_export_to_file  (LodeComparePage *self,
                                                  GFile           *file);

G_END_DECLS
