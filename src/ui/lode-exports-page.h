/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_EXPORTS_PAGE (lode_exports_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportsPage, lode_exports_page, LODE, EXPORTS_PAGE, AdwBin)

LodePortfolio *lode_exports_page_get_portfolio (LodeExportsPage *self);
void           lode_exports_page_set_portfolio (LodeExportsPage *self,
                                                LodePortfolio   *portfolio);

G_END_DECLS
