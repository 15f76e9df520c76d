/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

#define LODE_TYPE_PROJECTS_PAGE (lode_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeProjectsPage, lode_projects_page, LODE, PROJECTS_PAGE, LodeListPage)

G_END_DECLS
