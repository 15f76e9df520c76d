/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_MINERALS_PAGE (lode_minerals_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeMineralsPage, lode_minerals_page, LODE, MINERALS_PAGE, AdwBin)

LodePortfolio *lode_minerals_page_get_portfolio (LodeMineralsPage *self);
void           lode_minerals_page_set_portfolio (LodeMineralsPage *self,
                                                 LodePortfolio    *portfolio);

G_END_DECLS
