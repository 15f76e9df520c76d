/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_PROJECTS_PAGE (lode_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeProjectsPage, lode_projects_page, LODE, PROJECTS_PAGE, AdwBin)

LodePortfolio *lode_projects_page_get_portfolio (LodeProjectsPage *self);
void           lode_projects_page_set_portfolio (LodeProjectsPage *self,
                                                 LodePortfolio    *portfolio);

G_END_DECLS
