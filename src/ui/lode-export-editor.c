/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-cells.h"
#include "lode-enum-types.h"
#include "lode-export-editor.h"
#include "lode-hs-code-chooser.h"
#include "lode-stage.h"
#include "lode-rules.h"
#include "lode-settings.h"
#include "lode-ui-format.h"

#define N_UNITS (LODE_UNIT_M3 + 1)

struct _LodeExportEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *confirm_button;
  AdwComboRow   *mineral_row;
  GtkSpinButton *year;
  AdwComboRow   *month_row;
  AdwActionRow  *fiscal_row;
  GtkSwitch     *fiscal_switch;
  AdwComboRow   *destination_row;
  AdwActionRow  *hs_code_row;
  GtkMenuButton *hs_code_button;
  LodeHsCodeChooser *hs_code_chooser;
  AdwComboRow   *stage_row;
  AdwEntryRow   *quantity_row;
  AdwComboRow   *unit_row;
  AdwEntryRow   *value_row;
  AdwComboRow   *currency_row;
  AdwEntryRow   *original_row;
  AdwComboRow   *source_row;
  GtkLabel      *error_label;

  LodePortfolio *portfolio;
  guint          position;
  /* Ids behind the combo rows' choices; NULL for "none". */
  GPtrArray     *mineral_ids;
  GPtrArray     *destination_codes;
  char          *hs_code;
  GPtrArray     *source_ids;
  GPtrArray     *currency_codes;
  gboolean       updating_value;
  gboolean       valid;
  /* The record as stored, when editing one. */
  LodeExportRow  stored;
};

G_DEFINE_FINAL_TYPE (LodeExportEditor, lode_export_editor, ADW_TYPE_WINDOW)

/* The HS codes offered first are the chosen mineral's. */
static void
update_hs_codes (LodeExportEditor *self)
{
  const char *mineral_id = lode_choice_get (self->mineral_row, self->mineral_ids);
  LodeMineral *mineral = mineral_id != NULL ? lode_portfolio_find_mineral (self->portfolio, mineral_id) : NULL;

  lode_hs_code_chooser_set_preferred (self->hs_code_chooser,
                                      mineral != NULL ? lode_mineral_get_hs_codes (mineral) : NULL);
}

static void
hs_code_chosen (LodeExportEditor *self,
                const char       *code)
{
  g_autofree char *text = lode_hs_code_format (code);

  char *previous = g_steal_pointer (&self->hs_code);

  self->hs_code = g_strdup (code);
  g_free (previous);
  adw_action_row_set_subtitle (self->hs_code_row, text != NULL ? text : C_("hs code", "None"));
  gtk_menu_button_set_label (self->hs_code_button, code != NULL ? code : C_("hs code", "None"));
}

/* A record of a whole year may be of a fiscal year: offered when the
 * portfolio's fiscal year does not begin in January, or when the record
 * already is one, so that editing it never drops the mark. */
static void
update_fiscal_row (LodeExportEditor *self,
                   int               year,
                   int               month)
{
  int start = lode_portfolio_get_fiscal_year_start (self->portfolio);
  gboolean offered = month == 0 &&
                     (start != 1 || self->stored.period == LODE_PERIOD_KIND_FISCAL_YEAR);

  gtk_widget_set_visible (GTK_WIDGET (self->fiscal_row), offered);
  if (offered && start != 1)
    {
      LodePeriod period = { .first_year = year, .start_month = start };
      g_autofree char *name = lode_period_to_string (&period);

      adw_action_row_set_subtitle (self->fiscal_row, name);
    }
  else
    adw_action_row_set_subtitle (self->fiscal_row, "");
}

/* An amount entered in another currency: kept on the record, and its
 * value in dollars, at the rate of the record's period, written into the
 * value row. A period without a rate is said, never guessed. */
static gboolean
read_original (LodeExportEditor *self,
               LodeExportRow    *row,
               GString          *errors)
{
  const char *code = lode_choice_get (self->currency_row, self->currency_codes);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->original_row));
  g_autoptr(LodeConverter) converter = NULL;
  g_autoptr(GError) error = NULL;
  const char *why = NULL;
  LodeMoney amount = 0, cents = 0;

  row->original_currency = NULL;
  row->original_amount = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->original_row), code != NULL);

  if (code == NULL)
    {
      lode_editor_mark_row (GTK_WIDGET (self->original_row), NULL, errors);
      return TRUE;
    }

  if (text[0] == '\0')
    why = _("Enter the amount in that currency, or choose US dollars");
  else
    lode_parse_money (text, &amount, &why);
  if (why == NULL)
    {
      converter = lode_portfolio_new_converter (self->portfolio, code);
      if (lode_converter_to_usd (converter, amount, row->year, row->month, row->period,
                                 &cents, &error))
        {
          g_autofree char *value = lode_money_to_json (cents);

          row->original_currency = code;
          row->original_amount = amount;
          /* A stored record keeps its value until its amount is touched. */
          if ((lode_editor_changed (self->currency_row) || lode_editor_changed (self->original_row)) &&
              !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->value_row)), value))
            {
              self->updating_value = TRUE;
              gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
              self->updating_value = FALSE;
            }
        }
      else
        why = error->message;
    }

  lode_editor_mark_row (GTK_WIDGET (self->original_row), why, errors);
  return why == NULL;
}

static gboolean
read_row (LodeExportEditor *self,
          LodeExportRow    *row,
          GString          *errors)
{
  const char *why = NULL;
  gboolean valid = TRUE;

  row->mineral = lode_choice_get (self->mineral_row, self->mineral_ids);
  lode_editor_mark_row (GTK_WIDGET (self->mineral_row),
                 row->mineral == NULL ? _("Choose a mineral; add one on the Minerals page first") : NULL,
                 errors);
  valid &= row->mineral != NULL;

  gtk_spin_button_update (self->year);
  row->year = gtk_spin_button_get_value_as_int (self->year);
  row->month = adw_combo_row_get_selected (self->month_row);
  row->destination = lode_choice_get (self->destination_row, self->destination_codes);
  row->hs_code = self->hs_code;
  row->stage = adw_combo_row_get_selected (self->stage_row);
  row->unit = adw_combo_row_get_selected (self->unit_row);
  row->source = lode_choice_get (self->source_row, self->source_ids);
  update_fiscal_row (self, row->year, row->month);
  row->period = row->month == 0 && gtk_widget_get_visible (GTK_WIDGET (self->fiscal_row)) &&
                gtk_switch_get_active (self->fiscal_switch)
                ? LODE_PERIOD_KIND_FISCAL_YEAR : LODE_PERIOD_KIND_UNKNOWN;

  why = NULL;
  if (!lode_parse_quantity (gtk_editable_get_text (GTK_EDITABLE (self->quantity_row)), &row->quantity, &why))
    valid = FALSE;
  lode_editor_mark_row (GTK_WIDGET (self->quantity_row), why, errors);

  why = NULL;
  if (row->quantity >= 0 && row->unit == LODE_UNIT_NONE)
    {
      why = _("A quantity needs its unit");
      valid = FALSE;
    }
  lode_editor_mark_row (GTK_WIDGET (self->unit_row), why, errors);

  valid &= read_original (self, row, errors);

  why = NULL;
  if (!lode_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->value_row)), &row->value, &why))
    valid = FALSE;
  lode_editor_mark_row (GTK_WIDGET (self->value_row), why, errors);

  return valid;
}

/* The fields the user did not change keep their stored values. */
static void
keep_untouched (LodeExportEditor *self,
                LodeExportRow    *row)
{
  const LodeExportRow *stored = &self->stored;

  if (!lode_editor_changed (self->mineral_row))
    row->mineral = stored->mineral;
  if (!lode_editor_changed (self->year))
    row->year = stored->year;
  if (!lode_editor_changed (self->month_row))
    row->month = stored->month;
  if (!lode_editor_changed (self->destination_row))
    row->destination = stored->destination;
  if (g_strcmp0 (row->hs_code, stored->hs_code) == 0)
    row->hs_code = stored->hs_code;
  if (!lode_editor_changed (self->stage_row))
    row->stage = stored->stage;
  if (!lode_editor_changed (self->quantity_row))
    row->quantity = stored->quantity;
  if (!lode_editor_changed (self->unit_row))
    row->unit = stored->unit;
  if (!lode_editor_changed (self->value_row))
    row->value = stored->value;
  if (!lode_editor_changed (self->source_row))
    row->source = stored->source;
  /* Said a calendar year in the file: still so while not made fiscal. */
  if (row->month == 0 && row->period == LODE_PERIOD_KIND_UNKNOWN &&
      stored->period == LODE_PERIOD_KIND_CALENDAR_YEAR)
    row->period = LODE_PERIOD_KIND_CALENDAR_YEAR;
  /* The amount as entered in another currency stays with the record
   * unless it was changed here. */
  if (!lode_editor_changed (self->currency_row) && !lode_editor_changed (self->original_row))
    {
      row->original_currency = stored->original_currency;
      row->original_amount = stored->original_amount;
    }
}

static gboolean
same_row (const LodeExportRow *a,
          const LodeExportRow *b)
{
  return g_strcmp0 (a->mineral, b->mineral) == 0 &&
         a->year == b->year &&
         a->month == b->month &&
         g_strcmp0 (a->destination, b->destination) == 0 &&
         g_strcmp0 (a->hs_code, b->hs_code) == 0 &&
         a->stage == b->stage &&
         /* Bit for bit: 0 and -0, or two NaNs, are not the point here. */
         memcmp (&a->quantity, &b->quantity, sizeof a->quantity) == 0 &&
         a->unit == b->unit &&
         a->value == b->value &&
         g_strcmp0 (a->source, b->source) == 0 &&
         a->period == b->period &&
         g_strcmp0 (a->original_currency, b->original_currency) == 0 &&
         (a->original_currency == NULL || a->original_amount == b->original_amount);
}

static gboolean
validate (LodeExportEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  LodeExportRow row = { 0 };

  if (self->mineral_ids == NULL || self->updating_value)
    return self->valid;

  self->valid = read_row (self, &row, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return self->valid;
}

static void
mineral_changed (LodeExportEditor *self)
{
  if (self->hs_code_chooser != NULL)
    update_hs_codes (self);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LodeExportEditor *self = LODE_EXPORT_EDITOR (widget);
  g_autoptr(GString) errors = g_string_new (NULL);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  LodeExportTable *table = lode_portfolio_get_exports (self->portfolio);
  LodeExportRow row = { 0 };

  if (!read_row (self, &row, errors))
    return;

  if (self->position != G_MAXUINT)
    {
      keep_untouched (self, &row);
      if (same_row (&row, &self->stored))
        {
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
    }

  if (self->position == G_MAXUINT)
    lode_history_insert_export (history, _("Add Export Record"),
                                lode_export_table_get_n_rows (table), &row);
  else
    lode_history_replace_export (history, _("Edit Export Record"), self->position, &row);

  gtk_window_close (GTK_WINDOW (self));
}

static void
lode_export_editor_dispose (GObject *object)
{
  LodeExportEditor *self = LODE_EXPORT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_EXPORT_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_pointer (&self->mineral_ids, g_ptr_array_unref);
  g_clear_pointer (&self->destination_codes, g_ptr_array_unref);
  g_clear_pointer (&self->hs_code, g_free);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->currency_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_export_editor_parent_class)->dispose (object);
}

static void
lode_export_editor_class_init (LodeExportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_export_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-export-editor.ui",
                           confirm_action, (LodeEditorValidateFunc) validate);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, mineral_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, year);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, month_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, fiscal_switch);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, destination_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, hs_code_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, hs_code_button);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, original_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportEditor, error_label);
}

static void
lode_export_editor_init (LodeExportEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lode_editor_setup_year (self->year);

  self->hs_code_chooser = lode_hs_code_chooser_new (TRUE);
  gtk_menu_button_set_popover (self->hs_code_button, GTK_WIDGET (self->hs_code_chooser));
  g_signal_connect_object (self->hs_code_chooser, "chosen",
                           G_CALLBACK (hs_code_chosen), self, G_CONNECT_SWAPPED);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* US dollars, then the currencies the portfolio has rates of, and the
 * record's own. */
static void
fill_currencies (LodeExportEditor *self,
                 const char       *own)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GListModel *rates = G_LIST_MODEL (lode_portfolio_get_exchange_rates (self->portfolio));

  gtk_string_list_append (names, _("US dollars"));
  g_ptr_array_add (self->currency_codes, NULL);

  if (own != NULL)
    g_ptr_array_add (codes, (gpointer) own);
  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(LodeExchangeRate) rate = g_list_model_get_item (rates, i);
      const char *code = g_intern_string (lode_exchange_rate_get_currency (rate));

      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer) code);
    }
  g_ptr_array_sort (codes, compare_codes);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const char *name = lode_currency_name (code);
      g_autofree char *label = name != NULL ? g_strdup_printf ("%s (%s)", name, code) : g_strdup (code);

      gtk_string_list_append (names, label);
      g_ptr_array_add (self->currency_codes, g_strdup (code));
    }

  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->currency_row), codes->len > 0);
}

static const char *
format_stage (int value)
{
  return lode_format_stage (value);
}

static const char *
format_month (int value)
{
  return lode_format_month (value);
}

static const char *
format_unit (int value)
{
  return lode_enum_to_nick (LODE_TYPE_UNIT, value);
}

LodeExportEditor *
lode_export_editor_new (LodePortfolio *portfolio,
                        guint          position)
{
  LodeExportEditor *self;
  LodeExportTable *table;
  g_autoptr(GtkStringList) months = NULL;
  g_autoptr(GtkStringList) stages = NULL;
  g_autoptr(GtkStringList) units = NULL;
  LodeExportRow row = { 0 };
  g_autofree char *default_destination = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  self = g_object_new (LODE_TYPE_EXPORT_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  self->position = position;
  self->mineral_ids = g_ptr_array_new_with_free_func (g_free);
  self->destination_codes = g_ptr_array_new_with_free_func (g_free);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  self->currency_codes = g_ptr_array_new_with_free_func (g_free);

  table = lode_portfolio_get_exports (portfolio);
  if (position != G_MAXUINT)
    {
      lode_export_table_get_row (table, position, &row);
      self->stored = row;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      row.year = g_date_time_get_year (now) - 1;
      row.quantity = LODE_QUANTITY_UNSET;
      /* The destination Preferences propose, if it is a code at all. */
      default_destination = g_settings_get_string (lode_settings_get (), "default-destination");
      if (lode_rule_country_code (default_destination, NULL))
        row.destination = default_destination;
    }

  lode_choice_fill_items (self->mineral_row, self->mineral_ids, portfolio, LODE_CHOICE_MINERALS, NULL);
  lode_choice_fill_countries (self->destination_row, self->destination_codes, _("Unknown"));
  lode_choice_add_countries_of (self->destination_row, self->destination_codes, portfolio);

  months = lode_choice_list (_("Whole year"), 1, 13, format_month);
  stages = lode_choice_list (lode_stage_get_name (LODE_STAGE_UNKNOWN), 1, LODE_N_STAGES, format_stage);
  units = lode_choice_list (C_("unit", "None"), 1, N_UNITS, format_unit);

  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (months));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));
  lode_choice_fill_items (self->source_row, self->source_ids, portfolio, LODE_CHOICE_SOURCES,
                          C_("source", "None"));
  fill_currencies (self, row.original_currency);

  if (row.mineral != NULL)
    adw_combo_row_set_selected (self->mineral_row, lode_choice_find (self->mineral_ids, row.mineral));
  gtk_spin_button_set_value (self->year, row.year);
  adw_combo_row_set_selected (self->month_row, row.month);
  gtk_switch_set_active (self->fiscal_switch, row.period == LODE_PERIOD_KIND_FISCAL_YEAR);
  update_fiscal_row (self, row.year, row.month);
  lode_choice_select_country (self->destination_row, self->destination_codes, row.destination);
  adw_combo_row_set_selected (self->stage_row, row.stage);
  adw_combo_row_set_selected (self->unit_row, row.unit);
  adw_combo_row_set_selected (self->source_row, lode_choice_find (self->source_ids, row.source));
  update_hs_codes (self);
  hs_code_chosen (self, row.hs_code);

  if (row.quantity >= 0)
    {
      g_autofree char *text = lode_format_number_exact (row.quantity);

      gtk_editable_set_text (GTK_EDITABLE (self->quantity_row), text);
    }
  if (position != G_MAXUINT)
    {
      g_autofree char *text = lode_format_money_editable (row.value);

      gtk_editable_set_text (GTK_EDITABLE (self->value_row), text);
      gtk_button_set_label (self->confirm_button, _("Save"));
    }
  if (row.original_currency != NULL)
    {
      g_autofree char *text = lode_money_to_json (row.original_amount);

      adw_combo_row_set_selected (self->currency_row,
                                  lode_choice_find (self->currency_codes, row.original_currency));
      gtk_editable_set_text (GTK_EDITABLE (self->original_row), text);
    }

  if (position != G_MAXUINT)
    lode_editor_remember_fields (self->mineral_row, self->year, self->month_row, self->destination_row,
                                 self->stage_row, self->quantity_row, self->unit_row, self->value_row,
                                 self->source_row, self->currency_row, self->original_row, NULL);

  g_signal_connect_object (self->mineral_row, "notify::selected",
                           G_CALLBACK (mineral_changed), self, G_CONNECT_SWAPPED);
  validate (self);
  lode_editor_focus_first (self, self->mineral_row);

  return self;
}
