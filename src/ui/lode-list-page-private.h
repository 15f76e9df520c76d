/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-currency.h"
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
/* Filters the items again, for a page whose item_matches() reads more
 * than the search (filters of its own). */
void lode_list_page_refilter              (LodeListPage       *self);
/* Binds the rows again and says the totals again, for a page whose cells
 * show what its items do not hold themselves (a project's investment,
 * made from the investment events). */
void lode_list_page_rebind                (LodeListPage       *self);

/* A converter of the portfolio's rates to the page's currency for its
 * cells, kept until the currency or the portfolio changes; NULL in
 * dollars. Totals take their own (lode_converter_for_portfolio()), for
 * the years without a rate among the rows they count. */
LodeConverter *lode_list_page_get_converter (LodeListPage         *self);

/* Helpers of the pages, for pages that need them beyond what the list
 * page does for them. */

/* Enables PREFIX.add as @can_add says, and .edit, .duplicate and .delete
 * as @selected says. */
void lode_list_page_update_actions        (GtkWidget          *page,
                                           const char         *prefix,
                                           gboolean            can_add,
                                           gboolean            selected);
/* Typing on the page searches. */
void lode_list_page_setup_search          (GtkWidget          *page,
                                           GtkSearchBar       *search_bar,
                                           GtkSearchEntry     *search_entry);
/* Presents @editor transient for @widget's window. */
void lode_list_page_present_editor        (GtkWidget          *widget,
                                           GtkWindow          *editor);
/* Shows "Deleted Copper" with an Undo button (win.undo) in @widget's
 * window, if it is a LodeWindow. */
void lode_list_toast_deleted              (GtkWidget          *widget,
                                           const char         *title);

G_END_DECLS
