/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

#define LODE_TYPE_PROJECTS_PAGE (lode_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeProjectsPage, lode_projects_page, LODE, PROJECTS_PAGE, LodeListPage)

/* Shows each project's investment and the totals in @currency ("USD",
 * or one the portfolio has rates of); again with the same code after the
 * rates changed. */
void lode_projects_page_set_currency (LodeProjectsPage *self,
                                      const char       *currency);

G_END_DECLS
