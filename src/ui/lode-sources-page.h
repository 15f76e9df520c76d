/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_SOURCES_PAGE (lode_sources_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeSourcesPage, lode_sources_page, LODE, SOURCES_PAGE, AdwBin)

LodePortfolio *lode_sources_page_get_portfolio (LodeSourcesPage *self);
void           lode_sources_page_set_portfolio (LodeSourcesPage *self,
                                                LodePortfolio   *portfolio);

G_END_DECLS
