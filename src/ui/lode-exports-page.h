/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

#define LODE_TYPE_EXPORTS_PAGE (lode_exports_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportsPage, lode_exports_page, LODE, EXPORTS_PAGE, LodeListPage)

/* Shows only the records that match each criterion given (NULL or 0 for
 * any): the records behind a bar or slice of a chart. */
void           lode_exports_page_show_filtered (LodeExportsPage *self,
                                                const char      *mineral_id,
                                                const char      *destination,
                                                const char      *stage,
                                                int              year);

/* The month (1–12) the years of the figures by year begin in: 1 for
 * calendar years, else fiscal years. */
void           lode_exports_page_set_start_month (LodeExportsPage *self,
                                                  int              start_month);

/* The currency of the totals: "USD", or a currency the portfolio has
 * rates of; records without a rate are left out of them, and said. */
void           lode_exports_page_set_currency   (LodeExportsPage *self,
                                                  const char      *currency);

G_END_DECLS
