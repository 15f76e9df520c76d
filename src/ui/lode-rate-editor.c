/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-currency.h"
#include "lode-enum-types.h"
#include "lode-periods.h"
#include "lode-rate-editor.h"
#include "lode-rules.h"
#include "lode-ui-format.h"

struct _LodeRateEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkButton        *confirm_button;
  AdwComboRow      *currency_row;
  AdwActionRow     *year_row;
  GtkSpinButton    *year;
  AdwComboRow      *month_row;
  AdwActionRow     *fiscal_row;
  GtkSwitch        *fiscal;
  AdwEntryRow      *rate_row;
  AdwComboRow      *source_row;
  AdwEntryRow      *note_row;
  GtkLabel         *error_label;

  LodePortfolio    *portfolio;
  LodeExchangeRate *rate;
  /* What each choice of the combo rows stands for. */
  GPtrArray        *currency_codes;
  GPtrArray        *source_ids;
};

G_DEFINE_FINAL_TYPE (LodeRateEditor, lode_rate_editor, ADW_TYPE_WINDOW)

/* What the fields say, read and checked. */
typedef struct
{
  const char     *currency;
  int             year;
  int             month;
  LodePeriodKind  period;
  LodeRate        rate;
  const char     *source;
  char           *note;
} Values;

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* The rate typed: a decimal point or, as people write it in much of the
 * world, a decimal comma ("278,8313"); grouping as lode_parse_decimal()
 * reads it. */
static gboolean
parse_rate (const char  *text,
            LodeRate    *rate,
            const char **why)
{
  g_autofree char *decimal = NULL;

  *rate = 0;
  if (text == NULL || text[0] == '\0')
    {
      *why = _("Type how many units of the currency one US dollar buys, as in 278.8313");
      return FALSE;
    }

  decimal = lode_parse_decimal (text);
  if (decimal == NULL || !lode_rate_parse (decimal, rate, NULL))
    {
      *why = _("A rate is the number of units of the currency a US dollar buys: "
               "more than 0 and at most 1000000000, with up to 6 decimals");
      return FALSE;
    }

  return TRUE;
}

static char *
describe (LodePortfolio  *portfolio,
          const char     *currency,
          int             year,
          int             month,
          LodePeriodKind  period)
{
  g_autofree char *when = NULL;

  if (period == LODE_PERIOD_KIND_FISCAL_YEAR)
    {
      int start = portfolio != NULL ? lode_portfolio_get_fiscal_year_start (portfolio) : 7;
      /* A fiscal year is named as one even while the portfolio counts
       * calendar years. */
      LodePeriod fiscal = { year, start > 1 ? start : 7 };

      when = lode_period_to_string (&fiscal);
    }
  else if (month != 0)
    /* TRANSLATORS: a month and its year, as in "July 2024" */
    when = g_strdup_printf (_("%s %d"), lode_format_month (month), year);
  else
    when = g_strdup_printf ("%d", year);

  /* TRANSLATORS: an exchange rate: its currency and period, as in "PKR, 2024" */
  return g_strdup_printf (_("%s, %s"), currency != NULL ? currency : "", when);
}

char *
lode_rate_editor_describe (LodePortfolio    *portfolio,
                           LodeExchangeRate *rate)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (rate), NULL);

  return describe (portfolio, lode_exchange_rate_get_currency (rate), lode_exchange_rate_get_year (rate),
                   lode_exchange_rate_get_month (rate), lode_exchange_rate_get_period (rate));
}

/* The rate of the portfolio, other than @except, for the same currency and
 * period as @values, or NULL. */
static LodeExchangeRate *
find_same_period (LodePortfolio    *portfolio,
                  LodeExchangeRate *except,
                  const Values     *values)
{
  GListModel *rates = G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio));

  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(LodeExchangeRate) rate = g_list_model_get_item (rates, i);

      if (rate == except)
        continue;
      if (g_strcmp0 (lode_exchange_rate_get_currency (rate), values->currency) == 0 &&
          lode_exchange_rate_get_year (rate) == values->year &&
          lode_exchange_rate_get_month (rate) == values->month &&
          (lode_exchange_rate_get_period (rate) == LODE_PERIOD_KIND_FISCAL_YEAR) ==
          (values->period == LODE_PERIOD_KIND_FISCAL_YEAR))
        return rate;   /* the list keeps it */
    }

  return NULL;
}

static gboolean
read_values (LodeRateEditor *self,
             Values         *values,
             GString        *errors)
{
  const char *why = NULL;

  values->currency = lode_choice_get (self->currency_row, self->currency_codes);
  values->year = gtk_spin_button_get_value_as_int (self->year);
  values->month = (int) adw_combo_row_get_selected (self->month_row);
  values->period = gtk_switch_get_active (self->fiscal) ? LODE_PERIOD_KIND_FISCAL_YEAR
                                                        : LODE_PERIOD_KIND_UNKNOWN;

  if (values->currency == NULL || !lode_rule_rate_currency (values->currency, &why))
    why = _("Choose the currency the rate is of");
  lode_editor_mark_row (GTK_WIDGET (self->currency_row), why, errors);

  why = NULL;
  lode_rule_year (values->year, &why);
  lode_editor_mark_row (GTK_WIDGET (self->year_row), why, errors);

  why = NULL;
  if (values->period == LODE_PERIOD_KIND_FISCAL_YEAR && values->month != 0)
    why = _("A fiscal year's rate is of the whole fiscal year: choose no month, "
            "or turn Fiscal Year off");
  lode_editor_mark_row (GTK_WIDGET (self->month_row), why, errors);

  why = NULL;
  parse_rate (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)), &values->rate, &why);
  lode_editor_mark_row (GTK_WIDGET (self->rate_row), why, errors);

  values->source = lode_choice_get (self->source_row, self->source_ids);
  values->note = lode_editor_row_text (self->note_row);

  /* One rate a period, as the reader takes it: which of two would be a
   * guess. */
  why = NULL;
  if (errors->len == 0 && find_same_period (self->portfolio, self->rate, values) != NULL)
    {
      g_autofree char *name = describe (self->portfolio, values->currency, values->year,
                                        values->month, values->period);
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is a rate's currency and period, as in "PKR, 2024" */
      message = g_strdup_printf (_("There is already a rate for %s: edit that one, "
                                   "or choose another period"), name);
      lode_editor_mark_row (GTK_WIDGET (self->year_row), message, errors);
    }

  return errors->len == 0;
}

static gboolean
validate (LodeRateEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_auto(Values) values = { 0, };

  /* The rows change while the template is built. */
  if (self->portfolio == NULL || self->currency_codes == NULL || self->source_ids == NULL)
    return FALSE;

  read_values (self, &values, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return errors->len == 0;
}

static void
add_rate (LodeRateEditor *self,
          Values         *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_exchange_rates (self->portfolio);
  g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new (values->currency, values->year, values->rate);
  g_autofree char *name = describe (self->portfolio, values->currency, values->year,
                                    values->month, values->period);
  g_autofree char *label = NULL;

  lode_exchange_rate_set_month (rate, values->month);
  lode_exchange_rate_set_period (rate, values->period);
  lode_exchange_rate_set_source (rate, values->source);
  lode_exchange_rate_set_note (rate, values->note);

  /* TRANSLATORS: an undoable change, as in "Add Rate PKR, 2024" */
  label = g_strdup_printf (_("Add Rate %s"), name);
  lode_history_insert_item (history, label, store,
                            g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (rate));
}

/* Only the fields the user changed are written back. A month and a fiscal
 * year never meet, so the one that is cleared is cleared first. */
static void
edit_rate (LodeRateEditor *self,
           Values         *values)
{
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GObject *object = G_OBJECT (self->rate);
  g_autofree char *name = lode_rate_editor_describe (self->portfolio, self->rate);
  /* TRANSLATORS: an undoable change, as in "Edit Rate PKR, 2024" */
  g_autofree char *label = g_strdup_printf (_("Edit Rate %s"), name);
  gboolean month_changed = lode_editor_changed (self->month_row);
  gboolean period_changed = lode_editor_changed (self->fiscal);

  lode_history_begin_group (history, label);
  lode_editor_set_if_changed (self->currency_row, history, label, object, "currency", values->currency);
  lode_editor_set_if_changed (self->year, history, label, object, "year", values->year);
  if (period_changed && values->period == LODE_PERIOD_KIND_UNKNOWN)
    lode_editor_set (history, label, object, "period", (int) values->period);
  if (month_changed)
    lode_editor_set (history, label, object, "month", values->month);
  if (period_changed && values->period != LODE_PERIOD_KIND_UNKNOWN)
    lode_editor_set (history, label, object, "period", (int) values->period);
  lode_editor_set_if_changed (self->rate_row, history, label, object, "rate", (gint64) values->rate);
  lode_editor_set_if_changed (self->source_row, history, label, object, "source", values->source);
  lode_editor_set_if_changed (self->note_row, history, label, object, "note", values->note);
  lode_history_end_group (history);
}

static void
lode_rate_editor_dispose (GObject *object)
{
  LodeRateEditor *self = LODE_RATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_RATE_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->rate);
  g_clear_pointer (&self->currency_codes, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_rate_editor_parent_class)->dispose (object);
}

static void
lode_rate_editor_class_init (LodeRateEditorClass *klass)
{
  static const LodeEditorValues values = {
    sizeof (Values), (LodeEditorReadFunc) read_values, (GDestroyNotify) values_clear,
    G_STRUCT_OFFSET (LodeRateEditor, rate),
    (LodeEditorApplyFunc) add_rate, (LodeEditorApplyFunc) edit_rate,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_rate_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-rate-editor.ui",
                           NULL, (LodeEditorValidateFunc) validate);
  lode_editor_class_set_values (widget_class, &values);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, year);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, month_row);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, fiscal);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, rate_row);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, LodeRateEditor, error_label);
}

static void
lode_rate_editor_init (LodeRateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gboolean
has_code (LodeRateEditor *self,
          const char     *code)
{
  return g_ptr_array_find_with_equal_func (self->currency_codes, code, g_str_equal, NULL);
}

static void
add_currency (LodeRateEditor *self,
              GtkStringList  *names,
              const char     *code)
{
  const char *name = lode_currency_name (code);
  g_autofree char *shown = NULL;

  if (name != NULL)
    /* TRANSLATORS: a currency and its code, as in "Pakistani Rupee (PKR)" */
    shown = g_strdup_printf (_("%s (%s)"), name, code);
  gtk_string_list_append (names, shown != NULL ? shown : code);
  g_ptr_array_add (self->currency_codes, g_strdup (code));
}

/* The rupee and the yuan first, the currencies of Lode's own country and
 * its largest partner; then every other code by name; then, shown by its
 * code, one the list does not offer (@current, as the file has it). */
static void
fill_currencies (LodeRateEditor *self,
                 const char     *current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const first[] = { "PKR", "CNY" };
  const char * const *codes = lode_currency_codes ();

  self->currency_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    add_currency (self, names, first[i]);
  for (guint i = 0; codes[i] != NULL; i++)
    if (!g_str_equal (codes[i], LODE_CURRENCY_USD) && !has_code (self, codes[i]))
      add_currency (self, names, codes[i]);
  if (current != NULL && !has_code (self, current))
    add_currency (self, names, current);
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
}

static const char *
format_month (int month)
{
  return lode_format_month (month);
}

static void
fill_from (LodeRateEditor   *self,
           LodeExchangeRate *rate,
           int               year)
{
  g_autofree char *text = lode_rate_format (lode_exchange_rate_get_rate (rate));

  adw_combo_row_set_selected (self->currency_row,
                              lode_choice_find (self->currency_codes, lode_exchange_rate_get_currency (rate)));
  gtk_spin_button_set_value (self->year, year);
  adw_combo_row_set_selected (self->month_row, (guint) lode_exchange_rate_get_month (rate));
  gtk_switch_set_active (self->fiscal, lode_exchange_rate_get_period (rate) == LODE_PERIOD_KIND_FISCAL_YEAR);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), text);
  adw_combo_row_set_selected (self->source_row,
                              lode_choice_find (self->source_ids, lode_exchange_rate_get_source (rate)));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         lode_exchange_rate_get_note (rate) != NULL ? lode_exchange_rate_get_note (rate) : "");
}

static LodeRateEditor *
editor_new (LodePortfolio    *portfolio,
            LodeExchangeRate *rate,
            LodeExchangeRate *model)
{
  LodeRateEditor *self;
  g_autoptr(GtkStringList) months = NULL;
  LodeExchangeRate *shown = rate != NULL ? rate : model;

  self = g_object_new (LODE_TYPE_RATE_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->rate, rate);

  fill_currencies (self, shown != NULL ? lode_exchange_rate_get_currency (shown) : NULL);
  /* Choice N is month N; the first, the whole year. */
  months = lode_choice_list (_("Whole Year"), 1, 13, format_month);
  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (months));
  lode_editor_setup_year (self->year);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  lode_choice_fill_items (self->source_row, self->source_ids, portfolio, LODE_CHOICE_SOURCES,
                          C_("source", "None"));

  if (rate != NULL)
    {

      fill_from (self, rate, lode_exchange_rate_get_year (rate));
      gtk_button_set_label (self->confirm_button, _("Save"));
      lode_editor_remember_fields (self->currency_row, self->year, self->month_row, self->fiscal,
                                   self->rate_row, self->source_row, self->note_row, NULL);
    }
  else if (model != NULL)
    {
      Values next = { 0, };
      int year = lode_exchange_rate_get_year (model);

      /* The year after, or the first later one without a rate. */
      next.currency = lode_exchange_rate_get_currency (model);
      next.month = lode_exchange_rate_get_month (model);
      next.period = lode_exchange_rate_get_period (model);
      do
        next.year = ++year;
      while (year < LODE_YEAR_MAX && find_same_period (portfolio, NULL, &next) != NULL);
      fill_from (self, model, year);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      gtk_spin_button_set_value (self->year, g_date_time_get_year (now));
    }

  validate (self);
  lode_editor_focus_first (self, self->currency_row);

  return self;
}

LodeRateEditor *
lode_rate_editor_new (LodePortfolio    *portfolio,
                      LodeExchangeRate *rate)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (rate == NULL || LODE_IS_EXCHANGE_RATE (rate), NULL);

  return editor_new (portfolio, rate, NULL);
}

LodeRateEditor *
lode_rate_editor_new_from (LodePortfolio    *portfolio,
                           LodeExchangeRate *model)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (model), NULL);

  return editor_new (portfolio, NULL, model);
}
