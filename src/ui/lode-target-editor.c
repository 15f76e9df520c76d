/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-rules.h"
#include "lode-target-editor.h"
#include "lode-ui-format.h"

struct _LodeTargetEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *confirm_button;
  AdwEntryRow   *title_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *mineral_row;
  AdwComboRow   *destination_row;
  GtkSpinButton *baseline_year;
  AdwEntryRow   *baseline_row;
  AdwActionRow  *target_year_row;
  GtkSpinButton *target_year;
  AdwEntryRow   *low_row;
  AdwEntryRow   *high_row;
  GtkLabel      *error_label;

  LodePortfolio *portfolio;
  LodeTarget    *target;
  /* Ids behind the combo rows' choices; NULL for "any". */
  GPtrArray     *mineral_ids;
  GPtrArray     *destination_codes;
};

G_DEFINE_FINAL_TYPE (LodeTargetEditor, lode_target_editor, ADW_TYPE_WINDOW)

typedef struct
{
  char      *title;
  int        kind;
  const char *mineral;
  const char *destination;
  int        baseline_year;
  LodeMoney  baseline;
  int        target_year;
  LodeMoney  low;
  LodeMoney  high;
} TargetValues;

static void
read_amount (AdwEntryRow *row,
             gboolean     optional,
             LodeMoney   *value,
             GString     *errors)
{
  g_autofree char *text = lode_editor_row_text (row);
  const char *why = NULL;

  *value = LODE_MONEY_UNSET;
  if ((text != NULL || !optional) && !lode_parse_money (text, value, &why))
    *value = LODE_MONEY_UNSET;
  lode_editor_mark_row (GTK_WIDGET (row), why, errors);
}

static gboolean
read_values (LodeTargetEditor *self,
             TargetValues     *values,
             GString          *errors)
{
  values->title = lode_editor_row_text (self->title_row);
  lode_editor_mark_row (GTK_WIDGET (self->title_row),
                        lode_editor_changed (self->title_row) && !lode_rule_name (values->title, NULL) ?
                        _("A target needs a title") : NULL, errors);

  values->kind = adw_combo_row_get_selected (self->kind_row) == 1 ?
                 LODE_METRIC_KIND_INVESTMENT : LODE_METRIC_KIND_EXPORTS;
  values->mineral = lode_choice_get (self->mineral_row, self->mineral_ids);
  values->destination = lode_choice_get (self->destination_row, self->destination_codes);
  gtk_spin_button_update (self->baseline_year);
  gtk_spin_button_update (self->target_year);
  values->baseline_year = gtk_spin_button_get_value_as_int (self->baseline_year);
  values->target_year = gtk_spin_button_get_value_as_int (self->target_year);

  read_amount (self->baseline_row, FALSE, &values->baseline, errors);
  read_amount (self->low_row, FALSE, &values->low, errors);
  read_amount (self->high_row, TRUE, &values->high, errors);

  if (values->high != LODE_MONEY_UNSET && values->low != LODE_MONEY_UNSET && values->high < values->low)
    lode_editor_mark_row (GTK_WIDGET (self->high_row), _("The high end is below the low end"), errors);
  if (values->high == LODE_MONEY_UNSET)
    values->high = values->low;

  lode_editor_mark_row (GTK_WIDGET (self->target_year_row),
                        values->target_year <= values->baseline_year ?
                        _("The target year comes after the baseline year") : NULL,
                        errors);

  return errors->len == 0;
}

/* The fields the user did not change keep their stored values. */
static void
keep_untouched (LodeTargetEditor *self,
                TargetValues     *values)
{
  LodeTarget *stored = self->target;

  if (!lode_editor_changed (self->title_row))
    {
      g_free (values->title);
      values->title = g_strdup (lode_target_get_title (stored));
    }
  if (!lode_editor_changed (self->kind_row))
    values->kind = lode_target_get_metric_kind (stored);
  if (!lode_editor_changed (self->mineral_row))
    values->mineral = lode_target_get_metric_mineral (stored);
  if (!lode_editor_changed (self->destination_row))
    values->destination = lode_target_get_metric_destination (stored);
  if (!lode_editor_changed (self->baseline_year))
    values->baseline_year = lode_target_get_baseline_year (stored);
  if (!lode_editor_changed (self->baseline_row))
    values->baseline = lode_target_get_baseline_value (stored);
  if (!lode_editor_changed (self->target_year))
    values->target_year = lode_target_get_target_year (stored);
  if (!lode_editor_changed (self->low_row))
    values->low = lode_target_get_target_low (stored);
  if (!lode_editor_changed (self->high_row) && !lode_editor_changed (self->low_row))
    values->high = lode_target_get_target_high (stored);
}

static gboolean
same_values (const TargetValues *values,
             LodeTarget         *target)
{
  return g_strcmp0 (values->title, lode_target_get_title (target)) == 0 &&
         values->kind == (int) lode_target_get_metric_kind (target) &&
         g_strcmp0 (values->mineral, lode_target_get_metric_mineral (target)) == 0 &&
         g_strcmp0 (values->destination, lode_target_get_metric_destination (target)) == 0 &&
         values->baseline_year == lode_target_get_baseline_year (target) &&
         values->baseline == lode_target_get_baseline_value (target) &&
         values->target_year == lode_target_get_target_year (target) &&
         values->low == lode_target_get_target_low (target) &&
         values->high == lode_target_get_target_high (target);
}

static gboolean
validate (LodeTargetEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  TargetValues values = { 0 };

  if (self->portfolio == NULL || self->mineral_ids == NULL)
    return FALSE;

  read_values (self, &values, errors);
  g_free (values.title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mineral_row), values.kind == LODE_METRIC_KIND_EXPORTS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->destination_row), values.kind == LODE_METRIC_KIND_EXPORTS);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return errors->len == 0;
}

char *
lode_target_editor_make_id (LodePortfolio *portfolio,
                            const char    *title)
{
  return lode_editor_make_id (title, G_LIST_MODEL (lode_portfolio_get_targets (portfolio)),
                              (const char *(*) (gpointer)) lode_target_get_id);
}

static void
apply_values (LodeTarget         *target,
              const TargetValues *values)
{
  lode_target_set_title (target, values->title);
  lode_target_set_metric_kind (target, values->kind);
  lode_target_set_metric_mineral (target, values->kind == LODE_METRIC_KIND_EXPORTS ? values->mineral : NULL);
  lode_target_set_metric_destination (target, values->kind == LODE_METRIC_KIND_EXPORTS ? values->destination : NULL);
  lode_target_set_baseline_year (target, values->baseline_year);
  lode_target_set_baseline_value (target, values->baseline);
  lode_target_set_target_year (target, values->target_year);
  lode_target_set_target_low (target, values->low);
  lode_target_set_target_high (target, values->high);
}

LodeTarget *
lode_target_editor_copy (LodeTarget *target,
                         const char *id,
                         const char *title)
{
  LodeTarget *copy = lode_target_new (id, title);
  TargetValues values = {
    .title = (char *) title,
    .kind = lode_target_get_metric_kind (target),
    .mineral = lode_target_get_metric_mineral (target),
    .destination = lode_target_get_metric_destination (target),
    .baseline_year = lode_target_get_baseline_year (target),
    .baseline = lode_target_get_baseline_value (target),
    .target_year = lode_target_get_target_year (target),
    .low = lode_target_get_target_low (target),
    .high = lode_target_get_target_high (target),
  };

  apply_values (copy, &values);
  lode_target_set_source (copy, lode_target_get_source (target));
  for (int where = LODE_TARGET_EXTRA_TARGET; where >= 0; where--)
    lode_target_set_extra (copy, where, lode_target_get_extra (target, where));

  return copy;
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LodeTargetEditor *self = LODE_TARGET_EDITOR (widget);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_targets (self->portfolio);
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *label = NULL;
  TargetValues values = { 0 };

  if (!read_values (self, &values, errors))
    {
      g_free (values.title);
      return;
    }

  if (self->target == NULL)
    {
      g_autofree char *id = lode_target_editor_make_id (self->portfolio, values.title);
      g_autoptr(LodeTarget) target = lode_target_new (id, values.title);

      apply_values (target, &values);
      label = g_strdup_printf (_("Add %s"), values.title);
      lode_history_insert_item (history, label, store,
                                g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (target));
    }
  else
    {
      /* The edited target replaces the old one in one step. */
      g_autoptr(LodeTarget) edited = lode_target_editor_copy (self->target,
                                                              lode_target_get_id (self->target),
                                                              values.title);
      guint position = 0;

      keep_untouched (self, &values);
      if (same_values (&values, self->target))
        {
          g_free (values.title);
          gtk_window_close (GTK_WINDOW (self));
          return;
        }

      apply_values (edited, &values);
      g_list_store_find (store, self->target, &position);
      label = g_strdup_printf (_("Edit %s"), lode_target_get_title (self->target));
      lode_history_begin_group (history, label);
      lode_history_remove_item (history, label, store, position);
      lode_history_insert_item (history, label, store, position, G_OBJECT (edited));
      lode_history_end_group (history);
    }

  g_free (values.title);
  gtk_window_close (GTK_WINDOW (self));
}

static void
lode_target_editor_dispose (GObject *object)
{
  LodeTargetEditor *self = LODE_TARGET_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_TARGET_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->target);
  g_clear_pointer (&self->mineral_ids, g_ptr_array_unref);
  g_clear_pointer (&self->destination_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_target_editor_parent_class)->dispose (object);
}

static void
lode_target_editor_class_init (LodeTargetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_target_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-target-editor.ui",
                           confirm_action, (LodeEditorValidateFunc) validate);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, mineral_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, destination_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, baseline_year);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, target_year_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, target_year);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, low_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, high_row);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetEditor, error_label);
}

static void
lode_target_editor_init (LodeTargetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lode_editor_setup_year (self->baseline_year);
  lode_editor_setup_year (self->target_year);
}

LodeTargetEditor *
lode_target_editor_new (LodePortfolio *portfolio,
                        LodeTarget    *target)
{
  LodeTargetEditor *self;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (target == NULL || LODE_IS_TARGET (target), NULL);

  self = g_object_new (LODE_TYPE_TARGET_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->target, target);
  self->mineral_ids = g_ptr_array_new_with_free_func (g_free);
  self->destination_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (kinds, _("Exports"));
  gtk_string_list_append (kinds, _("Investment"));

  lode_choice_fill_items (self->mineral_row, self->mineral_ids, portfolio, LODE_CHOICE_MINERALS,
                          _("All minerals"));
  lode_choice_fill_countries (self->destination_row, self->destination_codes, _("All destinations"));
  lode_choice_add_countries_of (self->destination_row, self->destination_codes, portfolio);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  if (target != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), lode_target_get_title (target));
      adw_combo_row_set_selected (self->kind_row,
                                  lode_target_get_metric_kind (target) == LODE_METRIC_KIND_INVESTMENT);
      adw_combo_row_set_selected (self->mineral_row,
                                  lode_choice_find (self->mineral_ids, lode_target_get_metric_mineral (target)));
      lode_choice_select_country (self->destination_row, self->destination_codes,
                                  lode_target_get_metric_destination (target));
      gtk_spin_button_set_value (self->baseline_year, lode_target_get_baseline_year (target));
      gtk_spin_button_set_value (self->target_year, lode_target_get_target_year (target));
      lode_editor_set_row_money (self->baseline_row, lode_target_get_baseline_value (target));
      lode_editor_set_row_money (self->low_row, lode_target_get_target_low (target));
      if (lode_target_get_target_high (target) != lode_target_get_target_low (target))
        lode_editor_set_row_money (self->high_row, lode_target_get_target_high (target));
      gtk_button_set_label (self->confirm_button, _("Save"));

      lode_editor_remember_fields (self->title_row, self->kind_row, self->mineral_row, self->destination_row,
                                   self->baseline_year, self->baseline_row, self->target_year, self->low_row,
                                   self->high_row, NULL);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      gtk_spin_button_set_value (self->baseline_year, g_date_time_get_year (now) - 1);
      gtk_spin_button_set_value (self->target_year, g_date_time_get_year (now) + 4);
    }

  validate (self);
  lode_editor_focus_first (self, self->title_row);

  return self;
}
