/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

#define LODE_TYPE_SOURCES_PAGE (lode_sources_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeSourcesPage, lode_sources_page, LODE, SOURCES_PAGE, LodeListPage)

G_END_DECLS
