/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-countries.h"
#include "lode-enum-types.h"
#include "lode-kind-names.h"
#include "lode-national-figure-editor.h"
#include "lode-rules.h"
#include "lode-ui-format.h"

struct _LodeNationalFigureEditor
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkButton          *confirm_button;
  AdwComboRow        *kind_row;
  AdwEntryRow        *amount_row;
  AdwEntryRow        *year_row;
  AdwEntryRow        *change_row;
  AdwComboRow        *country_row;
  AdwEntryRow        *note_row;
  AdwComboRow        *source_row;
  GtkLabel           *error_label;

  LodePortfolio      *portfolio;
  LodeNationalFigure *figure;
  /* What each choice of the combo rows stands for. */
  GPtrArray          *country_codes;
  GPtrArray          *source_ids;
};

G_DEFINE_FINAL_TYPE (LodeNationalFigureEditor, lode_national_figure_editor, ADW_TYPE_WINDOW)

/* What the fields say, read and checked. */
typedef struct
{
  LodeFigureKind  kind;
  LodeMoney       amount;
  int             year;
  double          change;
  const char     *country;
  char           *note;
  const char     *source;
} Values;

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* Moves the decimal point of @text, a number in JSON's spelling, by
 * @shift places: "11.1" by -2 is 0.111, read from the digits so that no
 * multiplication rounds it. */
static double
shift_decimal (const char *text,
               int         shift)
{
  g_autofree char *shifted = g_strdup_printf ("%se%d", text, shift);

  return g_ascii_strtod (shifted, NULL);
}

/* A change typed in percent ("+11.1", "-3"): FALSE with @why when it is
 * not a number or not one the file takes; an empty text is no change. */
static gboolean
parse_change (const char  *text,
              double      *change,
              const char **why)
{
  g_autofree char *normal = lode_parse_normalize (text);
  g_autofree char *number = NULL;
  char *end = NULL;
  gsize length;

  *change = LODE_CHANGE_UNSET;
  if (normal[0] == '\0')
    return TRUE;

  /* A percent sign after the number may be typed. */
  length = strlen (normal);
  if (length > 0 && normal[length - 1] == '%')
    normal[--length] = '\0';
  g_strstrip (normal);
  number = g_strdup (normal[0] == '+' ? normal + 1 : normal);

  g_ascii_strtod (number, &end);
  if (number[0] == '\0' || *end != '\0' || strpbrk (number, "eEnNiIxX") != NULL)
    {
      *why = _("A change is a number of percent, as in 11.1 or -3");
      return FALSE;
    }

  *change = shift_decimal (number, -2);
  if (*change == 0)
    *change = 0.0;

  return lode_rule_change (*change, why);
}

static gboolean
read_values (LodeNationalFigureEditor *self,
             Values                   *values,
             GString                  *errors)
{
  g_autofree char *year_text = lode_editor_row_text (self->year_row);
  const char *why = NULL;

  values->kind = adw_combo_row_get_selected (self->kind_row);
  lode_editor_mark_row (GTK_WIDGET (self->kind_row),
                        values->kind == LODE_FIGURE_KIND_UNKNOWN && lode_editor_changed (self->kind_row) ?
                        _("Choose what the figure is: a reserve value, mineral exports, bilateral trade, "
                          "an investment target or another figure") : NULL,
                        errors);

  if (!lode_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &values->amount, &why))
    values->amount = LODE_MONEY_UNSET;
  lode_editor_mark_row (GTK_WIDGET (self->amount_row), why, errors);

  why = NULL;
  values->year = 0;
  if (year_text != NULL)
    lode_parse_year (year_text, &values->year, &why);
  lode_editor_mark_row (GTK_WIDGET (self->year_row), why, errors);

  why = NULL;
  parse_change (gtk_editable_get_text (GTK_EDITABLE (self->change_row)), &values->change, &why);
  lode_editor_mark_row (GTK_WIDGET (self->change_row), why, errors);

  values->country = lode_choice_get (self->country_row, self->country_codes);
  values->note = lode_editor_row_text (self->note_row);
  values->source = lode_choice_get (self->source_row, self->source_ids);

  return errors->len == 0;
}

static gboolean
validate (LodeNationalFigureEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_auto(Values) values = { 0, };

  /* The rows change while the template is built. */
  if (self->portfolio == NULL || self->country_codes == NULL || self->source_ids == NULL)
    return FALSE;

  read_values (self, &values, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return errors->len == 0;
}

const char *
lode_national_figure_editor_kind_name (LodeFigureKind kind)
{
  return lode_figure_kind_get_name (kind);
}

static char *
describe (LodeFigureKind  kind,
          const char     *code,
          int             year)
{
  const char *country = code != NULL ? lode_country_lookup (code) : NULL;
  g_autofree char *what = NULL;

  if (country == NULL)
    country = code;

  if (kind == LODE_FIGURE_KIND_BILATERAL_TRADE && country != NULL)
    /* TRANSLATORS: a national figure, as in "Trade with China" */
    what = g_strdup_printf (_("Trade with %s"), country);
  else if (kind == LODE_FIGURE_KIND_UNKNOWN)
    what = g_strdup (_("Other figure"));
  else
    what = g_strdup (lode_national_figure_editor_kind_name (kind));

  if (year == 0)
    return g_steal_pointer (&what);

  /* TRANSLATORS: a national figure and its year, as in "Mineral exports, 2024" */
  return g_strdup_printf (_("%s, %d"), what, year);
}

char *
lode_national_figure_editor_describe (LodeNationalFigure *figure)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (figure), NULL);

  return describe (lode_national_figure_get_kind (figure), lode_national_figure_get_country (figure),
                   lode_national_figure_get_year (figure));
}

static void
add_figure (LodeNationalFigureEditor *self,
            Values                   *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_national_figures (self->portfolio);
  g_autoptr(LodeNationalFigure) figure = lode_national_figure_new (values->kind, values->amount);
  g_autofree char *name = describe (values->kind, values->country, values->year);
  g_autofree char *label = NULL;

  lode_national_figure_set_country (figure, values->country);
  lode_national_figure_set_year (figure, values->year);
  lode_national_figure_set_change (figure, values->change);
  lode_national_figure_set_note (figure, values->note);
  lode_national_figure_set_source (figure, values->source);

  /* TRANSLATORS: an undoable change, as in "Add Mineral exports, 2024" */
  label = g_strdup_printf (_("Add %s"), name);
  lode_history_insert_item (history, label, store,
                            g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (figure));
}

/* Only the fields the user changed are written back: a stored value the
 * editor would show differently (a change's last digits) stays. */
static void
edit_figure (LodeNationalFigureEditor *self,
             Values                   *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GObject *object = G_OBJECT (self->figure);
  g_autofree char *name = lode_national_figure_editor_describe (self->figure);
  /* TRANSLATORS: an undoable change, as in "Edit Mineral exports, 2024" */
  g_autofree char *label = g_strdup_printf (_("Edit %s"), name);

  lode_history_begin_group (history, label);
  lode_editor_set_if_changed (self->kind_row, history, label, object, "kind", (int) values->kind);
  lode_editor_set_if_changed (self->amount_row, history, label, object, "value", (gint64) values->amount);
  lode_editor_set_if_changed (self->year_row, history, label, object, "year", values->year);
  lode_editor_set_if_changed (self->change_row, history, label, object, "change", values->change);
  lode_editor_set_if_changed (self->country_row, history, label, object, "country", values->country);
  lode_editor_set_if_changed (self->note_row, history, label, object, "note", values->note);
  lode_editor_set_if_changed (self->source_row, history, label, object, "source", values->source);
  lode_history_end_group (history);
}

static void
lode_national_figure_editor_dispose (GObject *object)
{
  LodeNationalFigureEditor *self = LODE_NATIONAL_FIGURE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_NATIONAL_FIGURE_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->figure);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_national_figure_editor_parent_class)->dispose (object);
}

static void
lode_national_figure_editor_class_init (LodeNationalFigureEditorClass *klass)
{
  static const LodeEditorValues values = {
    sizeof (Values), (LodeEditorReadFunc) read_values, (GDestroyNotify) values_clear,
    G_STRUCT_OFFSET (LodeNationalFigureEditor, figure),
    (LodeEditorApplyFunc) add_figure, (LodeEditorApplyFunc) edit_figure,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_national_figure_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-national-figure-editor.ui",
                           NULL, (LodeEditorValidateFunc) validate);
  lode_editor_class_set_values (widget_class, &values);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, change_row);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, LodeNationalFigureEditor, error_label);
}

static void
lode_national_figure_editor_init (LodeNationalFigureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static const char *
format_kind (int kind)
{
  return lode_national_figure_editor_kind_name (kind);
}

LodeNationalFigureEditor *
lode_national_figure_editor_new (LodePortfolio      *portfolio,
                                 LodeNationalFigure *figure)
{
  LodeNationalFigureEditor *self;
  g_autoptr(GtkStringList) kinds = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (figure == NULL || LODE_IS_NATIONAL_FIGURE (figure), NULL);

  self = g_object_new (LODE_TYPE_NATIONAL_FIGURE_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->figure, figure);

  /* Choice N is kind N; "not given" only stays as a file had it. */
  kinds = lode_choice_list (C_("figure", "Kind not given"), 1, LODE_N_FIGURE_KINDS, format_kind);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, LODE_FIGURE_KIND_MINERAL_EXPORTS);
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_countries (self->country_row, self->country_codes, C_("country", "None"));
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_items (self->source_row, self->source_ids, portfolio, LODE_CHOICE_SOURCES,
                          C_("source", "None"));

  if (figure != NULL)
    {
      LodeMoney amount = lode_national_figure_get_value (figure);
      double change = lode_national_figure_get_change (figure);
      int year = lode_national_figure_get_year (figure);
      g_autofree char *amount_text = lode_money_to_json (amount);
      g_autofree char *year_text = year != 0 ? g_strdup_printf ("%d", year) : NULL;
      g_autofree char *change_text = NULL;

      if (change != LODE_CHANGE_UNSET)
        {
          g_autofree char *fraction = lode_format_number_exact (change);

          change_text = lode_format_number_exact (shift_decimal (fraction, 2));
        }

      adw_combo_row_set_selected (self->kind_row, lode_national_figure_get_kind (figure));
      lode_editor_set_row_text (self->amount_row, amount_text);
      lode_editor_set_row_text (self->year_row, year_text);
      lode_editor_set_row_text (self->change_row, change_text);
      lode_choice_select_country (self->country_row, self->country_codes, lode_national_figure_get_country (figure));
      lode_editor_set_row_text (self->note_row, lode_national_figure_get_note (figure));
      adw_combo_row_set_selected (self->source_row,
                                  lode_choice_find (self->source_ids, lode_national_figure_get_source (figure)));
      gtk_button_set_label (self->confirm_button, _("Save"));

      lode_editor_remember_fields (self->kind_row, self->amount_row, self->year_row, self->change_row,
                                   self->country_row, self->note_row, self->source_row, NULL);
    }

  validate (self);
  lode_editor_focus_first (self, self->kind_row);

  return self;
}
