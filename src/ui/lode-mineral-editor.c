/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-mineral-editor.h"
#include "lode-ui-format.h"

#define N_GROUPS (LODE_MINERAL_GROUP_OTHER + 1)

struct _LodeMineralEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *confirm_button;
  AdwEntryRow   *name_row;
  AdwEntryRow   *symbol_row;
  AdwComboRow   *group_row;
  AdwActionRow  *reserves_row;
  GtkLabel      *error_label;

  LodePortfolio *portfolio;
  LodeMineral   *mineral;
  gboolean       valid;
};

G_DEFINE_FINAL_TYPE (LodeMineralEditor, lode_mineral_editor, ADW_TYPE_WINDOW)

static const char *
name_problem (LodeMineralEditor *self,
              const char        *name)
{
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (self->portfolio));
  g_autofree char *folded = NULL;

  if (*name == '\0')
    return _("A mineral needs a name");

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(LodeMineral) other = g_list_model_get_item (minerals, i);
      g_autofree char *other_folded = NULL;

      if (other == self->mineral || lode_mineral_get_name (other) == NULL)
        continue;
      other_folded = g_utf8_casefold (lode_mineral_get_name (other), -1);
      if (g_str_equal (folded, other_folded))
        return _("Another mineral has this name");
    }

  return NULL;
}

static void
validate (LodeMineralEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  const char *name;
  const char *why;

  if (self->portfolio == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  why = name_problem (self, name);
  g_free ((char *) name);

  lode_editor_mark_row (GTK_WIDGET (self->name_row), why, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);
  self->valid = why == NULL;
}

char *
lode_mineral_editor_make_id (LodePortfolio *portfolio,
                             const char    *name)
{
  return lode_editor_make_id (name, G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)),
                              (const char *(*) (gpointer)) lode_mineral_get_id);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LodeMineralEditor *self = LODE_MINERAL_EDITOR (widget);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_minerals (self->portfolio);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *symbol = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->symbol_row))));
  LodeMineralGroup group = adw_combo_row_get_selected (self->group_row);
  g_autofree char *label = NULL;

  validate (self);
  if (!self->valid)
    return;

  if (self->mineral == NULL)
    {
      g_autofree char *id = lode_mineral_editor_make_id (self->portfolio, name);
      g_autoptr(LodeMineral) mineral = lode_mineral_new (id, name, group);

      if (*symbol != '\0')
        lode_mineral_set_symbol (mineral, symbol);

      /* TRANSLATORS: an undoable change, as in "Add Copper" */
      label = g_strdup_printf (_("Add %s"), name);
      lode_history_insert_item (history, label, store,
                                g_list_model_get_n_items (G_LIST_MODEL (store)),
                                G_OBJECT (mineral));
    }
  else
    {
      /* TRANSLATORS: an undoable change, as in "Edit Copper" */
      label = g_strdup_printf (_("Edit %s"), lode_mineral_get_name (self->mineral));
      lode_history_begin_group (history, label);

      if (g_strcmp0 (name, lode_mineral_get_name (self->mineral)) != 0)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, name);
          lode_history_set_property (history, label, G_OBJECT (self->mineral), "name", &value);
        }

      if (g_strcmp0 (*symbol != '\0' ? symbol : NULL, lode_mineral_get_symbol (self->mineral)) != 0)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, *symbol != '\0' ? symbol : NULL);
          lode_history_set_property (history, label, G_OBJECT (self->mineral), "symbol", &value);
        }

      if (group != lode_mineral_get_group (self->mineral))
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->mineral), "group");
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspec->value_type);
          g_value_set_enum (&value, group);
          lode_history_set_property (history, label, G_OBJECT (self->mineral), "group", &value);
        }

      lode_history_end_group (history);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated (LodeMineralEditor *self)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.confirm", NULL);
}

static void
lode_mineral_editor_dispose (GObject *object)
{
  LodeMineralEditor *self = LODE_MINERAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_MINERAL_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->mineral);

  G_OBJECT_CLASS (lode_mineral_editor_parent_class)->dispose (object);
}

static void
lode_mineral_editor_class_init (LodeMineralEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_mineral_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-mineral-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, symbol_row);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, reserves_row);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lode_mineral_editor_init (LodeMineralEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LodeMineralEditor *
lode_mineral_editor_new (LodePortfolio *portfolio,
                         LodeMineral   *mineral)
{
  LodeMineralEditor *self;
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  guint n_reserves = 0;
  g_autofree char *reserves = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (mineral == NULL || LODE_IS_MINERAL (mineral), NULL);

  self = g_object_new (LODE_TYPE_MINERAL_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->mineral, mineral);

  for (int group = 0; group < N_GROUPS; group++)
    gtk_string_list_append (groups, lode_format_mineral_group (group));
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (groups));

  if (mineral != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), lode_mineral_get_name (mineral));
      if (lode_mineral_get_symbol (mineral) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->symbol_row), lode_mineral_get_symbol (mineral));
      adw_combo_row_set_selected (self->group_row, lode_mineral_get_group (mineral));
      n_reserves = g_list_model_get_n_items (lode_mineral_get_reserves (mineral));
      gtk_button_set_label (self->confirm_button, _("Save"));
    }
  else
    adw_combo_row_set_selected (self->group_row, LODE_MINERAL_GROUP_OTHER);

  reserves = g_strdup_printf (ngettext ("%u estimate", "%u estimates", n_reserves), n_reserves);
  adw_action_row_set_subtitle (self->reserves_row, reserves);

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}
