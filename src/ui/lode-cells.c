/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-cells.h"

static GtkWidget *
cell_new (guint nat_chars)
{
  return g_object_new (GTK_TYPE_INSCRIPTION,
                       "xalign", 0.0f,
                       "min-chars", 3,
                       "nat-chars", nat_chars,
                       "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                       NULL);
}

void
lode_cell_setup_text (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cell_new (16));
}

void
lode_cell_setup_short (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cell_new (6));
}

void
lode_cell_setup_medium (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cell_new (10));
}

void
lode_cell_setup_number (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  GtkWidget *cell = cell_new (10);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0f);
  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

void
lode_cell_set_text (GtkListItem *list_item,
                    const char  *text,
                    const char  *tooltip)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  g_assert (GTK_IS_INSCRIPTION (cell));

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, tooltip);
}
