/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Cells of the column views: a GtkInscription in each GtkListItem, set up
 * by a GtkSignalListItemFactory ("setup" handlers) and filled when bound. */
void lode_cell_setup_text   (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Codes and symbols: a few characters wide. */
void lode_cell_setup_short  (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Months, stages: a word. */
void lode_cell_setup_medium (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Figures: aligned to the end, with tabular digits. */
void lode_cell_setup_number (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Sets the text (NULL for none) and the tooltip (NULL for none). */
void lode_cell_set_text     (GtkListItem              *list_item,
                             const char               *text,
                             const char               *tooltip);

G_END_DECLS
