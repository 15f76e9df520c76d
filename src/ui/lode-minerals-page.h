/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

#define LODE_TYPE_MINERALS_PAGE (lode_minerals_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeMineralsPage, lode_minerals_page, LODE, MINERALS_PAGE, LodeListPage)

G_END_DECLS
