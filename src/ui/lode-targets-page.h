/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

#define LODE_TYPE_TARGETS_PAGE (lode_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeTargetsPage, lode_targets_page, LODE, TARGETS_PAGE, LodeListPage)

G_END_DECLS
