/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

/* The investments of a portfolio: dated announcements, agreements,
 * commitments, disbursements and withdrawals, with their totals, search
 * and filters by investor country, kind, project and year. */
#define LODE_TYPE_INVESTMENTS_PAGE (lode_investments_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeInvestmentsPage, lode_investments_page, LODE, INVESTMENTS_PAGE, LodeListPage)

/* Shows the amounts and totals in @currency ("USD", or one the
 * portfolio has rates of), each event at the rate of its date; again
 * with the same code after the rates changed. */
void lode_investments_page_set_currency (LodeInvestmentsPage *self,
                                         const char          *currency);

G_END_DECLS
