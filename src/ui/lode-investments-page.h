/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

/* The investments of a portfolio: dated announcements, agreements,
 * commitments, disbursements and withdrawals, with their totals, search
 * and filters by investor country, kind, project and year. */
#define LODE_TYPE_INVESTMENTS_PAGE (lode_investments_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeInvestmentsPage, lode_investments_page, LODE, INVESTMENTS_PAGE, LodeListPage)

G_END_DECLS
