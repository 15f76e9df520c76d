/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-enum-types.h"
#include "lode-production-editor.h"
#include "lode-rules.h"
#include "lode-ui-format.h"

struct _LodeProductionEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkButton      *confirm_button;
  AdwComboRow    *mineral_row;
  AdwEntryRow    *quantity_row;
  AdwComboRow    *unit_row;
  AdwEntryRow    *year_row;
  AdwComboRow    *project_row;
  AdwComboRow    *source_row;
  GtkLabel       *error_label;

  LodePortfolio  *portfolio;
  LodeProduction *production;
  /* What each choice of the combo rows stands for. */
  GPtrArray      *mineral_ids;
  GPtrArray      *project_ids;
  GPtrArray      *source_ids;
};

G_DEFINE_FINAL_TYPE (LodeProductionEditor, lode_production_editor, ADW_TYPE_WINDOW)

/* What the fields say, read and checked. */
typedef struct
{
  const char *mineral;
  double      quantity;
  LodeUnit    unit;
  int         year;
  const char *project;
  const char *source;
} Values;

static gboolean
read_values (LodeProductionEditor *self,
             Values               *values,
             GString              *errors)
{
  g_autofree char *year_text = lode_editor_row_text (self->year_row);
  const char *why = NULL;

  values->mineral = lode_choice_get (self->mineral_row, self->mineral_ids);
  lode_editor_mark_row (GTK_WIDGET (self->mineral_row),
                        values->mineral == NULL ? _("Production is of a mineral: choose one") : NULL,
                        errors);

  values->quantity = -1;
  if (lode_parse_quantity (gtk_editable_get_text (GTK_EDITABLE (self->quantity_row)), &values->quantity, &why) &&
      values->quantity < 0)
    why = _("Production needs a quantity, as in 1200");
  lode_editor_mark_row (GTK_WIDGET (self->quantity_row), why, errors);

  values->unit = adw_combo_row_get_selected (self->unit_row);
  lode_editor_mark_row (GTK_WIDGET (self->unit_row),
                        values->unit == LODE_UNIT_NONE ? _("A quantity needs its unit") : NULL, errors);

  why = NULL;
  values->year = 0;
  if (year_text != NULL)
    lode_parse_year (year_text, &values->year, &why);
  else
    why = _("Production is of a year, as in 2024");
  lode_editor_mark_row (GTK_WIDGET (self->year_row), why, errors);

  values->project = lode_choice_get (self->project_row, self->project_ids);
  values->source = lode_choice_get (self->source_row, self->source_ids);

  return errors->len == 0;
}

static gboolean
validate (LodeProductionEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  Values values = { 0, };

  /* The rows change while the template is built. */
  if (self->portfolio == NULL || self->mineral_ids == NULL || self->project_ids == NULL ||
      self->source_ids == NULL)
    return FALSE;

  read_values (self, &values, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return errors->len == 0;
}

static const char *
project_name (LodePortfolio *portfolio,
              const char    *id)
{
  GListModel *projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);

      if (g_strcmp0 (lode_project_get_id (project), id) == 0)
        return lode_project_get_name (project);
    }

  return id;
}

static char *
describe (LodePortfolio *portfolio,
          double         quantity,
          LodeUnit       unit,
          int            year,
          const char    *project)
{
  g_autofree char *amount = lode_format_quantity (quantity, unit);

  if (project != NULL)
    /* TRANSLATORS: a project's production of a year, as in
     * "1.2 Mt (2024, Reko Diq)" */
    return g_strdup_printf (_("%s (%d, %s)"), amount, year, project_name (portfolio, project));

  /* TRANSLATORS: a year's production in a cell, as in "1.2 Mt (2024)" */
  return g_strdup_printf (_("%s (%d)"), amount, year);
}

char *
lode_production_editor_describe (LodePortfolio  *portfolio,
                                 LodeProduction *production)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (LODE_IS_PRODUCTION (production), NULL);

  return describe (portfolio, lode_production_get_quantity (production), lode_production_get_unit (production),
                   lode_production_get_year (production), lode_production_get_project (production));
}

static void
add_production (LodeProductionEditor *self,
                Values               *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_production (self->portfolio);
  g_autoptr(LodeProduction) production = lode_production_new (values->mineral, values->year,
                                                              values->quantity, values->unit);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  lode_production_set_project (production, values->project);
  lode_production_set_source (production, values->source);

  name = describe (self->portfolio, values->quantity, values->unit, values->year, values->project);
  /* TRANSLATORS: an undoable change, as in "Add production 1.2 Mt (2024)" */
  label = g_strdup_printf (_("Add production %s"), name);
  lode_history_insert_item (history, label, store,
                            g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (production));
}

/* Only the fields the user changed are written back: a stored value the
 * editor would show differently (a quantity's last digits) stays. */
static void
edit_production (LodeProductionEditor *self,
                 Values               *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GObject *object = G_OBJECT (self->production);
  g_autofree char *name = lode_production_editor_describe (self->portfolio, self->production);
  /* TRANSLATORS: an undoable change, as in "Edit production 1.2 Mt (2024)" */
  g_autofree char *label = g_strdup_printf (_("Edit production %s"), name);

  lode_history_begin_group (history, label);
  lode_editor_set_if_changed (self->mineral_row, history, label, object, "mineral", values->mineral);
  lode_editor_set_if_changed (self->quantity_row, history, label, object, "quantity", values->quantity);
  lode_editor_set_if_changed (self->unit_row, history, label, object, "unit", (int) values->unit);
  lode_editor_set_if_changed (self->year_row, history, label, object, "year", values->year);
  lode_editor_set_if_changed (self->project_row, history, label, object, "project", values->project);
  lode_editor_set_if_changed (self->source_row, history, label, object, "source", values->source);
  lode_history_end_group (history);
}

static void
lode_production_editor_dispose (GObject *object)
{
  LodeProductionEditor *self = LODE_PRODUCTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_PRODUCTION_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->production);
  g_clear_pointer (&self->mineral_ids, g_ptr_array_unref);
  g_clear_pointer (&self->project_ids, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_production_editor_parent_class)->dispose (object);
}

static void
lode_production_editor_class_init (LodeProductionEditorClass *klass)
{
  static const LodeEditorValues values = {
    sizeof (Values), (LodeEditorReadFunc) read_values, NULL,
    G_STRUCT_OFFSET (LodeProductionEditor, production),
    (LodeEditorApplyFunc) add_production, (LodeEditorApplyFunc) edit_production,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_production_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-production-editor.ui",
                           NULL, (LodeEditorValidateFunc) validate);
  lode_editor_class_set_values (widget_class, &values);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, mineral_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, project_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProductionEditor, error_label);
}

static void
lode_production_editor_init (LodeProductionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static const char *
format_unit (int value)
{
  return value == LODE_UNIT_NONE ? C_("unit", "None") : lode_enum_to_nick (LODE_TYPE_UNIT, value);
}

LodeProductionEditor *
lode_production_editor_new (LodePortfolio  *portfolio,
                            LodeProduction *production,
                            const char     *mineral_id)
{
  LodeProductionEditor *self;
  g_autoptr(GtkStringList) units = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (production == NULL || LODE_IS_PRODUCTION (production), NULL);

  self = g_object_new (LODE_TYPE_PRODUCTION_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->production, production);

  self->mineral_ids = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_items (self->mineral_row, self->mineral_ids, portfolio, LODE_CHOICE_MINERALS,
                          C_("mineral", "None"));
  units = lode_choice_list (NULL, 0, LODE_UNIT_M3 + 1, format_unit);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));
  /* Most production is counted in tonnes. */
  adw_combo_row_set_selected (self->unit_row, LODE_UNIT_T);
  self->project_ids = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_items (self->project_row, self->project_ids, portfolio, LODE_CHOICE_PROJECTS,
                          /* TRANSLATORS: a production figure's project when it is the country's */
                          _("None (national)"));
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_items (self->source_row, self->source_ids, portfolio, LODE_CHOICE_SOURCES,
                          C_("source", "None"));

  if (production != NULL)
    {
      g_autofree char *quantity = lode_format_number_exact (lode_production_get_quantity (production));
      g_autofree char *year = g_strdup_printf ("%d", lode_production_get_year (production));

      mineral_id = lode_production_get_mineral (production);
      gtk_editable_set_text (GTK_EDITABLE (self->quantity_row), quantity);
      adw_combo_row_set_selected (self->unit_row, lode_production_get_unit (production));
      gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
      adw_combo_row_set_selected (self->project_row,
                                  lode_choice_find (self->project_ids, lode_production_get_project (production)));
      adw_combo_row_set_selected (self->source_row,
                                  lode_choice_find (self->source_ids, lode_production_get_source (production)));
      gtk_button_set_label (self->confirm_button, _("Save"));
    }
  adw_combo_row_set_selected (self->mineral_row, lode_choice_find (self->mineral_ids, mineral_id));

  if (production != NULL)
    lode_editor_remember_fields (self->mineral_row, self->quantity_row, self->unit_row, self->year_row,
                                 self->project_row, self->source_row, NULL);

  validate (self);
  lode_editor_focus_first (self, self->quantity_row);

  return self;
}
