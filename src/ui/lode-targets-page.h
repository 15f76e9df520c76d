/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_TARGETS_PAGE (lode_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeTargetsPage, lode_targets_page, LODE, TARGETS_PAGE, AdwBin)

LodePortfolio *lode_targets_page_get_portfolio (LodeTargetsPage *self);
void           lode_targets_page_set_portfolio (LodeTargetsPage *self,
                                                LodePortfolio   *portfolio);

G_END_DECLS
