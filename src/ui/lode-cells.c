/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-cells.h"
#include "lode-history.h"
#include "lode-window.h"

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

void
lode_list_toast_deleted (GtkWidget  *widget,
                         const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (!LODE_IS_WINDOW (root))
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  lode_window_add_toast (LODE_WINDOW (root), toast);
}

void
lode_list_present_editor (GtkWidget *widget,
                          GtkWindow *editor)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (editor, GTK_WINDOW (root));
  gtk_window_present (editor);
}

gboolean
lode_list_texts_match (const char         *search,
                       const char * const *texts,
                       guint               n_texts)
{
  g_autofree char *folded = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;

  folded = g_utf8_casefold (search, -1);
  for (guint i = 0; i < n_texts; i++)
    {
      g_autofree char *text = texts[i] != NULL ? g_utf8_casefold (texts[i], -1) : NULL;

      if (text != NULL && strstr (text, folded) != NULL)
        return TRUE;
    }

  return FALSE;
}

void
lode_editor_mark_row (GtkWidget  *row,
                      const char *why,
                      GString    *errors)
{
  if (why == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return;
    }

  gtk_widget_add_css_class (row, "error");
  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  g_string_append (errors, why);
}

void
lode_editor_show_errors (GtkWidget *editor,
                         GtkLabel  *label,
                         GString   *errors)
{
  gtk_label_set_label (label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (label), errors->len > 0);
  gtk_widget_action_set_enabled (editor, "editor.confirm", errors->len == 0);
}

void
lode_editor_set_property (gpointer      history,
                          const char   *label,
                          GObject      *object,
                          const char   *property,
                          const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) current = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, property, &current);
  if (g_param_values_cmp (pspec, &current, value) == 0)
    return;

  lode_history_set_property (history, label, object, property, value);
}

static gboolean
id_taken (GListModel  *items,
          const char  *(*get_id) (gpointer item),
          const char  *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return TRUE;
    }

  return FALSE;
}

char *
lode_editor_make_id (const char  *name,
                     GListModel  *items,
                     const char *(*get_id) (gpointer item))
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *base = NULL;
  char *id;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "item");

  base = g_string_free (g_steal_pointer (&slug), FALSE);
  id = g_strdup (base);
  for (guint n = 2; id_taken (items, get_id, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  return id;
}

void
lode_editor_set_string (gpointer    history,
                        const char *label,
                        GObject    *object,
                        const char *property,
                        const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  lode_editor_set_property (history, label, object, property, &value);
}

char *
lode_editor_row_text (gpointer row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}
