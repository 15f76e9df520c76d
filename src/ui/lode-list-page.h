/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_LIST_PAGE (lode_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LodeListPage, lode_list_page, LODE, LIST_PAGE, AdwBin)

/* The item and editor functions a page may give the list page as they
 * are, cast to these types. */
typedef gpointer    (*LodeListPageEditorNew) (LodePortfolio *portfolio,
                                              gpointer       item);
typedef const char *(*LodeListPageGetName)   (gpointer       item);
typedef char       *(*LodeListPageMakeId)    (LodePortfolio *portfolio,
                                              const char    *name);
typedef gpointer    (*LodeListPageCopy)      (gpointer       item,
                                              const char    *id,
                                              const char    *name);

/* A page of the window that lists a portfolio's items: the "portfolio"
 * property, and for pages set up with lode_list_page_class_set_template()
 * the search bar, the empty and no-results states, the totals line and
 * the actions PREFIX.add, .edit, .duplicate, .delete and .search. */
struct _LodeListPageClass
{
  AdwBinClass parent_class;

  /* The prefix of the page's actions, as in "minerals". */
  const char *action_prefix;

  /* Called when the page's portfolio changes, before the list updates. */
  void        (*portfolio_changed) (LodeListPage *self);

  /* The store the page lists. */
  GListStore *(*get_items)         (LodePortfolio *portfolio);
  /* TRUE when @item matches @search (lode_list_texts_match()). */
  gboolean    (*item_matches)      (LodeListPage  *self,
                                    gpointer       item,
                                    const char    *search);
  /* Says in @label what @shown holds, as in "12 minerals". */
  void        (*update_totals)     (LodeListPage  *self,
                                    GListModel    *shown,
                                    GtkLabel      *label);
  /* An editor of @item, or of a new item when @item is NULL; by default
   * editor_new()'s. */
  GtkWindow  *(*new_editor)        (LodeListPage  *self,
                                    gpointer       item);
  /* The constructor of the page's editor, as in lode_source_editor_new(),
   * for the default new_editor(). */
  LodeListPageEditorNew editor_new;
  /* The name of @item, as in "Copper". */
  const char *(*get_name)          (gpointer       item);
  /* A new copy of @item named @name, with an id of its own; by default
   * copy_with_id() with the id make_id() gives. */
  gpointer    (*copy_item)         (LodeListPage  *self,
                                    gpointer       item,
                                    const char    *name);
  /* For the default copy_item(): a free id for an item named @name, as in
   * lode_project_editor_make_id(), and a copy of @item with that id and
   * name, as in lode_project_editor_copy(). */
  LodeListPageMakeId    make_id;
  LodeListPageCopy      copy_with_id;
  /* Inserts a copy of @item after it; by default copy_item() named as
   * get_name() says, "Copper (copy)", through the history. */
  void        (*duplicate_item)    (LodeListPage  *self,
                                    gpointer       item);
  /* Deletes @item; by default through the history, with Undo in a toast. */
  void        (*delete_item)       (LodeListPage  *self,
                                    gpointer       item);
};

/* Sets the template of a page whose .ui has the search_bar, search_entry,
 * stack, column_view, selection, sort_model, filter_model, filter and
 * totals_label objects and the search_changed, row_activated and
 * update_empty handlers (and the cells' setup handlers: see
 * lode_cell_bind_setup_callbacks()), and installs the page's actions
 * under @prefix. */
void           lode_list_page_class_set_template (GtkWidgetClass *widget_class,
                                                  const char     *resource_name,
                                                  const char     *prefix);

LodePortfolio *lode_list_page_get_portfolio      (LodeListPage   *self);
void           lode_list_page_set_portfolio      (LodeListPage   *self,
                                                  LodePortfolio  *portfolio);
/* Shows the page's amounts in @currency ("USD", or one the portfolio
 * has rates of): the rows bind again, and the totals are said again;
 * again with the same code after the rates changed. */
void           lode_list_page_set_currency       (LodeListPage   *self,
                                                  const char     *currency);
const char    *lode_list_page_get_currency       (LodeListPage   *self);

G_END_DECLS
