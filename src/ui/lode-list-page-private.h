/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

/* For a page whose template is its own rather than the shape
 * lode_list_page_class_set_template() expects (the Exports page, whose
 * records are rows of a table): the page's actions PREFIX.add, .edit,
 * .duplicate, .delete and .search, run by the list page through the
 * class's functions. */
void lode_list_page_class_install_actions (GtkWidgetClass     *widget_class,
                                           const char         *prefix);
/* The selection whose selected item the actions act on; a template child
 * of the page, which keeps it. */
void lode_list_page_set_selection         (LodeListPage       *self,
                                           GtkSingleSelection *selection);

G_END_DECLS
