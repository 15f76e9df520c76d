/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-enum-types.h"
#include "lode-hs-code-chooser.h"
#include "lode-hs-codes.h"
#include "lode-mineral-editor.h"
#include "lode-production-editor.h"
#include "lode-rules.h"
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
  AdwPreferencesGroup *hs_codes_group;
  GtkMenuButton *hs_code_button;
  AdwPreferencesGroup *reserves_group;
  AdwPreferencesGroup *production_group;
  GtkLabel      *error_label;

  LodePortfolio *portfolio;
  LodeMineral   *mineral;
  GPtrArray     *reserve_forms;
  /* The chosen HS codes and their rows, in order. */
  GPtrArray     *hs_codes;
  GPtrArray     *hs_code_rows;
  /* The rows of the mineral's production figures, rebuilt when they
   * change. */
  GPtrArray     *production_rows;
  gboolean       valid;
};

/* The rows that edit one reserve estimate. */
typedef struct
{
  LodeMineralEditor *editor;
  LodeReserve       *original;   /* or NULL for a new estimate */
  AdwExpanderRow    *expander;
  AdwComboRow       *category;
  AdwEntryRow       *quantity;
  AdwComboRow       *unit;
  AdwEntryRow       *value;
  AdwEntryRow       *year;
} ReserveForm;

static void
reserve_form_free (gpointer data)
{
  ReserveForm *form = data;

  g_clear_object (&form->original);
  g_free (form);
}

/* Reads @form into a new reserve; NULL (with the rows marked) when a
 * value is invalid. */
static LodeReserve *
reserve_form_read (ReserveForm *form,
                   GString     *errors)
{
  g_autofree char *value_text = lode_editor_row_text (form->value);
  LodeReserve *reserve;
  const char *why = NULL;
  double quantity = -1;
  LodeUnit unit = adw_combo_row_get_selected (form->unit);
  LodeMoney value = LODE_MONEY_UNSET;
  g_autofree char *year_text = lode_editor_row_text (form->year);
  int year = 0;
  gboolean valid = TRUE;

  if (!lode_parse_quantity (gtk_editable_get_text (GTK_EDITABLE (form->quantity)), &quantity, &why))
    valid = FALSE;
  else if (quantity < 0)
    why = _("A reserve estimate needs a quantity");
  lode_editor_mark_row (GTK_WIDGET (form->quantity), why, errors);
  valid &= why == NULL;

  why = unit == LODE_UNIT_NONE ? _("A quantity needs its unit") : NULL;
  lode_editor_mark_row (GTK_WIDGET (form->unit), why, errors);
  valid &= why == NULL;

  why = NULL;
  if (value_text != NULL && !lode_parse_money (value_text, &value, &why))
    valid = FALSE;
  lode_editor_mark_row (GTK_WIDGET (form->value), why, errors);

  /* Empty for unknown. */
  why = NULL;
  if (year_text != NULL && !lode_parse_year (year_text, &year, &why))
    valid = FALSE;
  lode_editor_mark_row (GTK_WIDGET (form->year), why, errors);

  if (!valid)
    return NULL;

  reserve = lode_reserve_new (adw_combo_row_get_selected (form->category), quantity, unit);
  lode_reserve_set_value (reserve, value);
  lode_reserve_set_year (reserve, year);
  if (form->original != NULL)
    {
      /* The fields the user did not change keep their stored values. */
      if (!lode_editor_changed (form->category))
        lode_reserve_set_category (reserve, lode_reserve_get_category (form->original));
      if (!lode_editor_changed (form->quantity))
        lode_reserve_set_quantity (reserve, lode_reserve_get_quantity (form->original));
      if (!lode_editor_changed (form->unit))
        lode_reserve_set_unit (reserve, lode_reserve_get_unit (form->original));
      if (!lode_editor_changed (form->value))
        lode_reserve_set_value (reserve, lode_reserve_get_value (form->original));
      if (!lode_editor_changed (form->year))
        lode_reserve_set_year (reserve, lode_reserve_get_year (form->original));
      lode_reserve_set_source (reserve, lode_reserve_get_source (form->original));
      lode_reserve_set_extra (reserve, lode_reserve_get_extra (form->original));
    }

  return reserve;
}

/* The estimates as the forms say, or NULL when one is invalid. */
static GPtrArray *
read_reserves (LodeMineralEditor *self,
               GString           *errors)
{
  g_autoptr(GPtrArray) reserves = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean valid = TRUE;

  for (guint i = 0; i < self->reserve_forms->len; i++)
    {
      ReserveForm *form = g_ptr_array_index (self->reserve_forms, i);
      LodeReserve *reserve = reserve_form_read (form, errors);

      if (reserve == NULL)
        {
          valid = FALSE;
          adw_expander_row_set_expanded (form->expander, TRUE);
          continue;
        }
      g_ptr_array_add (reserves, reserve);
    }

  return valid ? g_steal_pointer (&reserves) : NULL;
}

G_DEFINE_FINAL_TYPE (LodeMineralEditor, lode_mineral_editor, ADW_TYPE_WINDOW)

static const char *
name_problem (LodeMineralEditor *self,
              const char        *name)
{
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (self->portfolio));
  g_autofree char *folded = NULL;

  if (!lode_rule_name (name, NULL))
    return _("A mineral needs a name");
  /* A name as stored is never refused: the file may hold two minerals
   * of one name, and Save must still work for either. */
  if (self->mineral != NULL && !lode_editor_changed (self->name_row))
    return NULL;

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

static gboolean
validate (LodeMineralEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GPtrArray) reserves = NULL;
  const char *name;
  const char *why;

  if (self->portfolio == NULL || self->reserve_forms == NULL)
    return self->valid;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  why = name_problem (self, name);
  g_free ((char *) name);

  lode_editor_mark_row (GTK_WIDGET (self->name_row), why, errors);
  g_clear_pointer (&reserves, g_ptr_array_unref);
  reserves = read_reserves (self, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);
  self->valid = errors->len == 0;

  return self->valid;
}

char *
lode_mineral_editor_make_id (LodePortfolio *portfolio,
                             const char    *name)
{
  return lode_editor_make_id (name, G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)),
                              (const char *(*) (gpointer)) lode_mineral_get_id);
}

static gboolean
validate (LodeMineralEditor *self);

static void
remove_reserve_clicked (GtkButton   *button,
                        ReserveForm *form)
{
  LodeMineralEditor *self = form->editor;

  adw_preferences_group_remove (self->reserves_group, GTK_WIDGET (form->expander));
  g_ptr_array_remove (self->reserve_forms, form);
  validate (self);
}

static const char *
format_category (int value)
{
  return lode_format_reserve_category (value);
}

static const char *
format_unit (int value)
{
  return value == LODE_UNIT_NONE ? C_("unit", "None") : lode_enum_to_nick (LODE_TYPE_UNIT, value);
}

static void
add_reserve_form (LodeMineralEditor *self,
                  LodeReserve       *reserve)
{
  ReserveForm *form = g_new0 (ReserveForm, 1);
  g_autoptr(GtkStringList) categories = lode_choice_list (NULL, 0, LODE_RESERVE_CATEGORY_INFERRED + 1, format_category);
  g_autoptr(GtkStringList) units = lode_choice_list (NULL, 0, LODE_UNIT_M3 + 1, format_unit);
  GtkWidget *remove;

  form->editor = self;
  g_set_object (&form->original, reserve);

  form->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->expander), _("Reserve Estimate"));

  form->category = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->category), _("Category"));
  adw_combo_row_set_model (form->category, G_LIST_MODEL (categories));

  form->quantity = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->quantity), _("Quantity"));

  form->unit = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->unit), _("Unit"));
  adw_combo_row_set_model (form->unit, G_LIST_MODEL (units));

  form->value = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->value), _("Value (US$, optional)"));

  form->year = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->year), _("Year (optional)"));
  adw_entry_row_set_input_purpose (form->year, GTK_INPUT_PURPOSE_DIGITS);

  remove = lode_editor_remove_button (_("Remove Reserve Estimate"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_reserve_clicked), form);
  adw_expander_row_add_action (form->expander, remove);

  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->category));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->quantity));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->unit));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->value));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->year));

  if (reserve != NULL)
    {
      g_autofree char *quantity = lode_format_number_exact (lode_reserve_get_quantity (reserve));
      g_autofree char *summary = lode_format_quantity (lode_reserve_get_quantity (reserve),
                                                       lode_reserve_get_unit (reserve));

      adw_combo_row_set_selected (form->category, lode_reserve_get_category (reserve));
      gtk_editable_set_text (GTK_EDITABLE (form->quantity), quantity);
      adw_combo_row_set_selected (form->unit, lode_reserve_get_unit (reserve));
      if (lode_reserve_get_value (reserve) != LODE_MONEY_UNSET)
        {
          g_autofree char *value = lode_format_money_editable (lode_reserve_get_value (reserve));

          gtk_editable_set_text (GTK_EDITABLE (form->value), value);
        }
      if (lode_reserve_get_year (reserve) != 0)
        {
          g_autofree char *year = g_strdup_printf ("%d", lode_reserve_get_year (reserve));

          gtk_editable_set_text (GTK_EDITABLE (form->year), year);
        }
      adw_expander_row_set_subtitle (form->expander, summary);

      lode_editor_remember_fields (form->category, form->quantity, form->unit, form->value, form->year, NULL);
    }
  else
    {
      adw_combo_row_set_selected (form->unit, LODE_UNIT_T);
      adw_expander_row_set_expanded (form->expander, TRUE);
    }

  g_signal_connect_swapped (form->category, "notify::selected", G_CALLBACK (validate), self);
  g_signal_connect_swapped (form->unit, "notify::selected", G_CALLBACK (validate), self);
  g_signal_connect_swapped (form->quantity, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (form->value, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (form->year, "changed", G_CALLBACK (validate), self);

  g_ptr_array_add (self->reserve_forms, form);
  adw_preferences_group_add (self->reserves_group, GTK_WIDGET (form->expander));
}

static void
remove_hs_code_clicked (GtkButton         *button,
                        LodeMineralEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint position;

  if (!g_ptr_array_find (self->hs_code_rows, row, &position))
    return;

  adw_preferences_group_remove (self->hs_codes_group, row);
  g_ptr_array_remove_index (self->hs_code_rows, position);
  g_ptr_array_remove_index (self->hs_codes, position);
}

static void
add_hs_code (LodeMineralEditor *self,
             const char        *code)
{
  const char *description;
  GtkWidget *row;
  GtkWidget *remove;
  g_autofree char *remove_label = NULL;

  if (code == NULL || g_ptr_array_find_with_equal_func (self->hs_codes, code, g_str_equal, NULL))
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code);
  description = lode_hs_code_lookup (code);
  if (description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);

  /* TRANSLATORS: a button that removes an HS code, as in "Remove 2603" */
  remove_label = g_strdup_printf (_("Remove %s"), code);
  remove = lode_editor_remove_button (remove_label);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_hs_code_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_ptr_array_add (self->hs_codes, g_strdup (code));
  g_ptr_array_add (self->hs_code_rows, row);
  adw_preferences_group_add (self->hs_codes_group, row);
}

static void
add_reserve_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LodeMineralEditor *self = LODE_MINERAL_EDITOR (widget);

  add_reserve_form (self, NULL);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (((ReserveForm *) g_ptr_array_index (self->reserve_forms,
                                                                        self->reserve_forms->len - 1))->quantity));
}

static void
put_reserves (GObject   *owner,
              GPtrArray *reserves)
{
  LodeMineral *mineral = LODE_MINERAL (owner);
  GListModel *current = lode_mineral_get_reserves (mineral);

  while (g_list_model_get_n_items (current) > 0)
    lode_mineral_remove_reserve (mineral, g_list_model_get_n_items (current) - 1);
  for (guint i = 0; i < reserves->len; i++)
    lode_mineral_add_reserve (mineral, g_ptr_array_index (reserves, i));
}

static gboolean
same_reserve (gpointer a,
              gpointer b)
{
  return lode_reserve_get_category (a) == lode_reserve_get_category (b) &&
         lode_reserve_get_quantity (a) == lode_reserve_get_quantity (b) &&
         lode_reserve_get_unit (a) == lode_reserve_get_unit (b) &&
         lode_reserve_get_value (a) == lode_reserve_get_value (b) &&
         lode_reserve_get_year (a) == lode_reserve_get_year (b);
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
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GPtrArray) reserves = NULL;
  g_autofree char *label = NULL;

  validate (self);
  if (!self->valid)
    return;

  reserves = read_reserves (self, errors);
  g_assert (reserves != NULL);

  if (self->mineral == NULL)
    {
      g_autofree char *id = lode_mineral_editor_make_id (self->portfolio, name);
      g_autoptr(LodeMineral) mineral = lode_mineral_new (id, name, group);

      if (*symbol != '\0')
        lode_mineral_set_symbol (mineral, symbol);
      if (self->hs_codes->len > 0)
        {
          g_ptr_array_add (self->hs_codes, NULL);
          lode_mineral_set_hs_codes (mineral, (const char * const *) self->hs_codes->pdata);
          g_ptr_array_remove_index (self->hs_codes, self->hs_codes->len - 1);
        }
      for (guint i = 0; i < reserves->len; i++)
        lode_mineral_add_reserve (mineral, g_ptr_array_index (reserves, i));

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

      if (lode_editor_changed (self->name_row) &&
          g_strcmp0 (name, lode_mineral_get_name (self->mineral)) != 0)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, name);
          lode_history_set_property (history, label, G_OBJECT (self->mineral), "name", &value);
        }

      if (lode_editor_changed (self->symbol_row) &&
          g_strcmp0 (*symbol != '\0' ? symbol : NULL, lode_mineral_get_symbol (self->mineral)) != 0)
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

      g_ptr_array_add (self->hs_codes, NULL);
      lode_editor_set_strv (history, label, G_OBJECT (self->mineral), "hs-codes",
                            (const char * const *) self->hs_codes->pdata);
      g_ptr_array_remove_index (self->hs_codes, self->hs_codes->len - 1);
      lode_editor_set_items (history, label, G_OBJECT (self->mineral), lode_mineral_get_reserves (self->mineral),
                             reserves, same_reserve, put_reserves);

      lode_history_end_group (history);
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* Production */

static void
edit_production_clicked (GtkButton         *button,
                         LodeMineralEditor *self)
{
  LodeProduction *production = g_object_get_data (G_OBJECT (button), "production");
  LodeProductionEditor *editor = lode_production_editor_new (self->portfolio, production, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

/* One undo step, like every other change to production. */
static void
remove_production_clicked (GtkButton         *button,
                           LodeMineralEditor *self)
{
  LodeProduction *production = g_object_get_data (G_OBJECT (button), "production");
  GListStore *store = lode_portfolio_get_production (self->portfolio);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  guint position;

  if (!g_list_store_find (store, production, &position))
    return;

  name = lode_production_editor_describe (self->portfolio, production);
  /* TRANSLATORS: an undoable change, as in "Remove production 1.2 Mt (2024)" */
  label = g_strdup_printf (_("Remove production %s"), name);
  lode_history_remove_item (lode_portfolio_get_history (self->portfolio), label, store, position);
}

static const char *
source_title (LodePortfolio *portfolio,
              const char    *id)
{
  GListModel *sources = G_LIST_MODEL (lode_portfolio_get_sources (portfolio));

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LodeSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (lode_source_get_id (source), id) == 0)
        return lode_source_get_title (source);
    }

  return id;
}

static GtkWidget *
production_row_new (LodeMineralEditor *self,
                    LodeProduction    *production)
{
  g_autofree char *title = lode_production_editor_describe (self->portfolio, production);
  const char *source = source_title (self->portfolio, lode_production_get_source (production));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = lode_editor_remove_button (_("Remove Production"));
  g_autofree char *edit_label = g_strdup_printf (_("Edit Production %s"), title);
  g_autofree char *remove_label = g_strdup_printf (_("Remove production %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (source != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), source);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Production"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  g_object_set_data_full (G_OBJECT (edit), "production", g_object_ref (production), g_object_unref);
  g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_production_clicked), self, 0);
  /* A screen reader says which figure the button takes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "production", g_object_ref (production), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_production_clicked), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  return row;
}

/* The figures change through this editor, its own production editors,
 * undo and redo: the rows follow each of them. */
static void
update_production (LodeMineralEditor *self)
{
  GListModel *production;

  if (self->portfolio == NULL || self->mineral == NULL || self->production_rows == NULL)
    return;

  for (guint i = 0; i < self->production_rows->len; i++)
    adw_preferences_group_remove (self->production_group, g_ptr_array_index (self->production_rows, i));
  g_ptr_array_set_size (self->production_rows, 0);

  production = G_LIST_MODEL (lode_portfolio_get_production (self->portfolio));
  for (guint i = 0; i < g_list_model_get_n_items (production); i++)
    {
      g_autoptr(LodeProduction) figure = g_list_model_get_item (production, i);
      GtkWidget *row;

      if (g_strcmp0 (lode_production_get_mineral (figure), lode_mineral_get_id (self->mineral)) != 0)
        continue;

      row = production_row_new (self, figure);
      adw_preferences_group_add (self->production_group, row);
      g_ptr_array_add (self->production_rows, row);
    }
}

static void
add_production_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LodeMineralEditor *self = LODE_MINERAL_EDITOR (widget);
  LodeProductionEditor *editor;

  if (self->mineral == NULL)
    return;

  editor = lode_production_editor_new (self->portfolio, NULL, lode_mineral_get_id (self->mineral));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
lode_mineral_editor_dispose (GObject *object)
{
  LodeMineralEditor *self = LODE_MINERAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_MINERAL_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->mineral);
  g_clear_pointer (&self->reserve_forms, g_ptr_array_unref);
  g_clear_pointer (&self->hs_codes, g_ptr_array_unref);
  g_clear_pointer (&self->hs_code_rows, g_ptr_array_unref);
  g_clear_pointer (&self->production_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_mineral_editor_parent_class)->dispose (object);
}

static void
lode_mineral_editor_class_init (LodeMineralEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_mineral_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-mineral-editor.ui",
                           confirm_action, (LodeEditorValidateFunc) validate);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, symbol_row);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, hs_codes_group);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, hs_code_button);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, reserves_group);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, production_group);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralEditor, error_label);

  gtk_widget_class_install_action (widget_class, "editor.add-reserve", NULL, add_reserve_action);
  gtk_widget_class_install_action (widget_class, "editor.add-production", NULL, add_production_action);
}

static void
lode_mineral_editor_init (LodeMineralEditor *self)
{
  LodeHsCodeChooser *chooser;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reserve_forms = g_ptr_array_new_with_free_func (reserve_form_free);
  self->hs_codes = g_ptr_array_new_with_free_func (g_free);
  self->hs_code_rows = g_ptr_array_new ();
  self->production_rows = g_ptr_array_new ();

  chooser = lode_hs_code_chooser_new (FALSE);
  gtk_menu_button_set_popover (self->hs_code_button, GTK_WIDGET (chooser));
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (add_hs_code), self, G_CONNECT_SWAPPED);
}

LodeMineralEditor *
lode_mineral_editor_new (LodePortfolio *portfolio,
                         LodeMineral   *mineral)
{
  LodeMineralEditor *self;
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);

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
      for (const char * const *code = lode_mineral_get_hs_codes (mineral); code != NULL && *code != NULL; code++)
        add_hs_code (self, *code);
      GListModel *reserves = lode_mineral_get_reserves (mineral);

      for (guint i = 0; i < g_list_model_get_n_items (reserves); i++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, i);

          add_reserve_form (self, reserve);
        }
      gtk_button_set_label (self->confirm_button, _("Save"));

      /* A new mineral has no id to give production until it is added. */
      gtk_widget_set_visible (GTK_WIDGET (self->production_group), TRUE);
      g_signal_connect_object (lode_portfolio_get_production (portfolio), "items-changed",
                               G_CALLBACK (update_production), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (lode_portfolio_get_history (portfolio), "notify::undo-label",
                               G_CALLBACK (update_production), self, G_CONNECT_SWAPPED);
      update_production (self);

      lode_editor_remember (self->name_row);
      lode_editor_remember (self->symbol_row);
    }
  else
    adw_combo_row_set_selected (self->group_row, LODE_MINERAL_GROUP_OTHER);

  validate (self);
  lode_editor_focus_first (self, self->name_row);

  return self;
}
