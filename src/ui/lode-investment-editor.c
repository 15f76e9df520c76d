/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-enum-types.h"
#include "lode-investment-editor.h"
#include "lode-rules.h"
#include "lode-ui-format.h"

struct _LodeInvestmentEditor
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkButton           *confirm_button;
  AdwComboRow         *kind_row;
  AdwEntryRow         *amount_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *investor_row;
  AdwComboRow         *country_row;
  AdwComboRow         *project_row;
  AdwComboRow         *source_row;
  AdwPreferencesGroup *minerals_group;
  GtkLabel            *error_label;

  LodePortfolio       *portfolio;
  LodeInvestment      *investment;
  /* What each choice of the combo rows and each mineral's check stand
   * for. */
  GPtrArray           *country_codes;
  GPtrArray           *project_ids;
  GPtrArray           *mineral_ids;
  GPtrArray           *mineral_checks;
  GPtrArray           *source_ids;
};

G_DEFINE_FINAL_TYPE (LodeInvestmentEditor, lode_investment_editor, ADW_TYPE_WINDOW)

/* What the fields say, read and checked. */
typedef struct
{
  LodeInvestmentKind kind;
  LodeMoney          amount;
  char              *date;
  char              *investor;
  const char        *country;
  const char        *project;
  GStrv              minerals;
  const char        *source;
} Values;

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->date, g_free);
  g_clear_pointer (&values->investor, g_free);
  g_clear_pointer (&values->minerals, g_strfreev);
}

/* The ids of the checked minerals, then those of the investment that the
 * portfolio does not list (kept as they are); NULL for none. */
static GStrv
read_minerals (LodeInvestmentEditor *self)
{
  const char * const *current = self->investment != NULL ? lode_investment_get_minerals (self->investment) : NULL;
  g_auto(GStrv) minerals = lode_choice_read_checks (self->mineral_ids, self->mineral_checks, current);

  return minerals[0] != NULL ? g_steal_pointer (&minerals) : NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* A date people typed, as the file holds it: digits of any script read
 * as ASCII digits; NULL when empty. */
static char *
read_date (LodeInvestmentEditor *self)
{
  g_autofree char *text = lode_editor_row_text (self->date_row);

  return text != NULL ? lode_parse_normalize (text) : NULL;
}

static gboolean
read_values (LodeInvestmentEditor *self,
             Values               *values,
             GString              *errors)
{
  const char *why = NULL;

  values->kind = adw_combo_row_get_selected (self->kind_row);
  lode_editor_mark_row (GTK_WIDGET (self->kind_row),
                        values->kind == LODE_INVESTMENT_KIND_UNKNOWN && lode_editor_changed (self->kind_row) ?
                        _("Choose the step the investment took: announced, agreed, committed, disbursed or withdrawn") :
                        NULL, errors);
  values->country = lode_choice_get (self->country_row, self->country_codes);
  values->project = lode_choice_get (self->project_row, self->project_ids);
  values->minerals = read_minerals (self);
  values->source = lode_choice_get (self->source_row, self->source_ids);

  if (!lode_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &values->amount, &why))
    values->amount = LODE_MONEY_UNSET;
  lode_editor_mark_row (GTK_WIDGET (self->amount_row), why, errors);

  why = NULL;
  values->date = read_date (self);
  if (values->date == NULL)
    why = _("An investment needs its date: a year at least, as in 2025");
  else
    lode_rule_date (values->date, &why);
  lode_editor_mark_row (GTK_WIDGET (self->date_row), why, errors);

  values->investor = lode_editor_row_text (self->investor_row);
  lode_editor_mark_row (GTK_WIDGET (self->investor_row),
                        lode_editor_changed (self->investor_row) && !lode_rule_name (values->investor, NULL) ?
                        _("An investment needs its investor") : NULL, errors);

  return errors->len == 0;
}

static gboolean
validate (LodeInvestmentEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_auto(Values) values = { 0, };

  /* The rows change while the template is built. */
  if (self->portfolio == NULL || self->country_codes == NULL || self->project_ids == NULL ||
      self->mineral_checks == NULL || self->source_ids == NULL)
    return FALSE;

  read_values (self, &values, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return errors->len == 0;
}

/* "MCC: Committed, 2024-05", as the history and the toasts name it. */
static char *
describe (LodeInvestmentKind  kind,
          const char         *investor,
          const char         *date)
{
  const char *kind_name = lode_format_investment_kind (kind);

  if (investor == NULL)
    investor = _("Investor not given");
  if (kind_name == NULL)
    kind_name = C_("investment", "Kind not given");
  /* TRANSLATORS: an investment as the undo history names it: its
   * investor, kind and date, as in "MCC: Committed, 2024-05" */
  return g_strdup_printf (_("%s: %s, %s"), investor, kind_name, date != NULL ? date : "");
}

char *
lode_investment_editor_describe (LodeInvestment *investment)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (investment), NULL);

  return describe (lode_investment_get_kind (investment), lode_investment_get_investor (investment),
                   lode_investment_get_date (investment));
}

static void
add_investment (LodeInvestmentEditor *self,
                Values               *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_investments (self->portfolio);
  g_autoptr(LodeInvestment) investment = lode_investment_new (values->kind, values->amount, values->date);
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  lode_investment_set_investor (investment, values->investor);
  lode_investment_set_investor_country (investment, values->country);
  lode_investment_set_project (investment, values->project);
  lode_investment_set_minerals (investment, (const char * const *) values->minerals);
  lode_investment_set_source (investment, values->source);

  name = describe (values->kind, values->investor, values->date);
  /* TRANSLATORS: an undoable change, as in "Add MCC: Committed, 2024" */
  label = g_strdup_printf (_("Add %s"), name);
  lode_history_insert_item (history, label, store,
                            g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (investment));
}

/* Only the fields the user changed are written back: a stored value the
 * editor would show differently stays as it is. */
static void
edit_investment (LodeInvestmentEditor *self,
                 Values               *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GObject *object = G_OBJECT (self->investment);
  g_autofree char *name = describe (lode_investment_get_kind (self->investment),
                                    lode_investment_get_investor (self->investment),
                                    lode_investment_get_date (self->investment));
  /* TRANSLATORS: an undoable change, as in "Edit MCC: Committed, 2024" */
  g_autofree char *label = g_strdup_printf (_("Edit %s"), name);

  lode_history_begin_group (history, label);
  lode_editor_set_if_changed (self->kind_row, history, label, object, "kind", (int) values->kind);
  lode_editor_set_if_changed (self->amount_row, history, label, object, "value", (gint64) values->amount);
  lode_editor_set_if_changed (self->date_row, history, label, object, "date", values->date);
  lode_editor_set_if_changed (self->investor_row, history, label, object, "investor", values->investor);
  lode_editor_set_if_changed (self->country_row, history, label, object, "investor-country", values->country);
  lode_editor_set_if_changed (self->project_row, history, label, object, "project", values->project);
  if (lode_editor_any_changed (self->mineral_checks))
    {
      const char * const none[] = { NULL };

      lode_editor_set_strv (history, label, object, "minerals",
                            values->minerals != NULL ? (const char * const *) values->minerals : none);
    }
  lode_editor_set_if_changed (self->source_row, history, label, object, "source", values->source);
  lode_history_end_group (history);
}

static void
lode_investment_editor_dispose (GObject *object)
{
  LodeInvestmentEditor *self = LODE_INVESTMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_INVESTMENT_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->investment);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->project_ids, g_ptr_array_unref);
  g_clear_pointer (&self->mineral_ids, g_ptr_array_unref);
  g_clear_pointer (&self->mineral_checks, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_investment_editor_parent_class)->dispose (object);
}

static void
lode_investment_editor_class_init (LodeInvestmentEditorClass *klass)
{
  static const LodeEditorValues values = {
    sizeof (Values), (LodeEditorReadFunc) read_values, (GDestroyNotify) values_clear,
    G_STRUCT_OFFSET (LodeInvestmentEditor, investment),
    (LodeEditorApplyFunc) add_investment, (LodeEditorApplyFunc) edit_investment,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_investment_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-investment-editor.ui",
                           NULL, (LodeEditorValidateFunc) validate);
  lode_editor_class_set_values (widget_class, &values);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, investor_row);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, project_row);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, minerals_group);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentEditor, error_label);
}

static void
lode_investment_editor_init (LodeInvestmentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static const char *
format_kind (int kind)
{
  return lode_format_investment_kind (kind);
}

/* A check a mineral of the portfolio, checked when @investment names it. */
static void
fill_minerals (LodeInvestmentEditor *self,
               LodeInvestment       *investment)
{
  const char * const *chosen = investment != NULL ? lode_investment_get_minerals (investment) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  lode_choice_fill_mineral_checks (self->minerals_group, ids, checks, self->portfolio, chosen, investment != NULL);
  for (guint i = 0; i < checks->len; i++)
    g_signal_connect_object (g_ptr_array_index (checks, i), "toggled", G_CALLBACK (validate), self,
                             G_CONNECT_SWAPPED);

  self->mineral_ids = g_steal_pointer (&ids);
  self->mineral_checks = g_steal_pointer (&checks);
}

LodeInvestmentEditor *
lode_investment_editor_new (LodePortfolio  *portfolio,
                            LodeInvestment *investment)
{
  LodeInvestmentEditor *self;
  g_autoptr(GtkStringList) kinds = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (investment == NULL || LODE_IS_INVESTMENT (investment), NULL);

  self = g_object_new (LODE_TYPE_INVESTMENT_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->investment, investment);

  /* Choice N is kind N; "not given" only stays as a file had it. */
  kinds = lode_choice_list (C_("investment", "Kind not given"), 1, LODE_N_INVESTMENT_KINDS, format_kind);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, LODE_INVESTMENT_KIND_ANNOUNCED);
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_countries (self->country_row, self->country_codes, _("Unknown"));
  lode_choice_add_countries_of (self->country_row, self->country_codes, portfolio);
  fill_minerals (self, investment);
  self->project_ids = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_items (self->project_row, self->project_ids, portfolio, LODE_CHOICE_PROJECTS,
                          /* TRANSLATORS: the project of a pledge that belongs to none */
                          _("None (sector-wide)"));
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_items (self->source_row, self->source_ids, portfolio, LODE_CHOICE_SOURCES,
                          C_("source", "None"));

  if (investment != NULL)
    {

      adw_combo_row_set_selected (self->kind_row, lode_investment_get_kind (investment));
      lode_editor_set_row_money (self->amount_row, lode_investment_get_value (investment));
      lode_editor_set_row_text (self->date_row, lode_investment_get_date (investment));
      lode_editor_set_row_text (self->investor_row, lode_investment_get_investor (investment));
      lode_choice_select_country (self->country_row, self->country_codes,
                                  lode_investment_get_investor_country (investment));
      adw_combo_row_set_selected (self->project_row,
                                  lode_choice_find (self->project_ids, lode_investment_get_project (investment)));
      adw_combo_row_set_selected (self->source_row,
                                  lode_choice_find (self->source_ids, lode_investment_get_source (investment)));
      gtk_button_set_label (self->confirm_button, _("Save"));

      lode_editor_remember_fields (self->kind_row, self->amount_row, self->date_row, self->investor_row,
                                   self->country_row, self->project_row, self->source_row, NULL);
    }

  validate (self);
  lode_editor_focus_first (self, self->kind_row);

  return self;
}
