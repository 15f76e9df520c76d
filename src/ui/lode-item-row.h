/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-source.h"

G_BEGIN_DECLS

/* The rows of the short lists shown in a GtkListBox (the national figures,
 * the exchange rates): the item's title, and under it its note and the
 * source it comes from. */

/* A new AdwActionRow titled @title, with @note (or NULL) and "Source:
 * TITLE" of @source (or NULL) as its subtitle, on up to three lines. */
GtkWidget *lode_item_row_new        (const char *title,
                                     const char *note,
                                     LodeSource *source);

/* Adds to @row a flat button with @icon (a remove button when @icon is
 * NULL) and @label as its tooltip and accessible name; clicking it
 * activates @action (a static string) with the row's place in its list
 * ("u"), found when it is clicked, which follows the list at once.
 * Returns the button. */
GtkWidget *lode_item_row_add_button (GtkWidget  *row,
                                     const char *icon,
                                     const char *label,
                                     const char *action);

/* The item at @parameter's place ("u", as the row's buttons give it) in
 * @model, or NULL when @model is NULL or has no such place; @model keeps
 * it. */
gpointer   lode_item_row_get_item   (GListModel *model,
                                     GVariant   *parameter);

G_END_DECLS
