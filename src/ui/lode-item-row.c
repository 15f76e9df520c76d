/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-item-row.h"

GtkWidget *
lode_item_row_new (const char *title,
                   const char *note,
                   LodeSource *source)
{
  g_autoptr(GString) subtitle = g_string_new (note);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (source != NULL)
    {
      if (subtitle->len > 0)
        /* TRANSLATORS: between a figure's or a rate's note and its source */
        g_string_append (subtitle, _(" · "));
      /* TRANSLATORS: the source of a national figure or an exchange rate,
       * as in "Source: State Bank of Pakistan" */
      g_string_append_printf (subtitle, _("Source: %s"), lode_source_get_title (source));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

static void
button_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  if (index >= 0)
    gtk_widget_activate_action (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "lode-action"),
                                "u", (guint32) index);
}

GtkWidget *
lode_item_row_add_button (GtkWidget  *row,
                          const char *icon,
                          const char *label,
                          const char *action)
{
  GtkWidget *button = icon != NULL ? gtk_button_new_from_icon_name (icon) : lode_editor_remove_button (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "lode-action", (gpointer) action);
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return button;
}

gpointer
lode_item_row_get_item (GListModel *model,
                        GVariant   *parameter)
{
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(GObject) item = NULL;

  if (model == NULL || position >= g_list_model_get_n_items (model))
    return NULL;

  item = g_list_model_get_item (model, position);

  return item;   /* the list keeps it */
}
