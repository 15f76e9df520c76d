/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-periods.h"

#include "lode-compare-page.h"
#include "lode-rates-window.h"
#include "lode-settings.h"
#include "lode-window-private.h"

/* The window's side of periods and currencies: the month the portfolio's
 * fiscal year starts in (Portfolio → Fiscal Year…), whether the pages
 * count exports by calendar or by fiscal year (Ctrl+Shift+Y), and the
 * currency the pages show amounts in (the chooser in the header bar). */

static int
portfolio_start_month (LodeWindow *self)
{
  return self->portfolio != NULL ? lode_portfolio_get_fiscal_year_start (self->portfolio) : 1;
}

int
lode_window_get_start_month (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), 1);

  return self->fiscal_years ? portfolio_start_month (self) : 1;
}

/* The pages count by the period the window shows. */
static void
apply_periods (LodeWindow *self)
{
  int start_month = lode_window_get_start_month (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "fiscal-years");

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (self->fiscal_years));

  lode_overview_page_set_start_month (self->overview_page, start_month);
  lode_exports_page_set_start_month (self->exports_page, start_month);
  lode_compare_page_set_start_month (self->compare_page, portfolio_start_month (self));
}

/* How a file was last shown: its currency and calendar or fiscal years,
 * kept in the settings each time the user changes them. */
static void
save_view (LodeWindow *self)
{
  if (self->file != NULL && self->portfolio != NULL && self->currency != NULL)
    lode_settings_set_view (self->file, self->currency, self->fiscal_years);
}

/* The portfolio shown was saved as another file: it keeps its view. */
void
lode_window_periods_file_changed (LodeWindow *self)
{
  save_view (self);
}

/* Currencies */

static void
apply_currency (LodeWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "currency");
  guint n;

  if (self->currency_codes == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->currency_codes));

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->currency));

  self->filling_currencies = TRUE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->currency_codes, i), self->currency))
      gtk_drop_down_set_selected (self->currency_choice, i);
  self->filling_currencies = FALSE;

  lode_overview_page_set_currency (self->overview_page, self->currency);
  lode_exports_page_set_currency (self->exports_page, self->currency);
  lode_compare_page_set_currency (self->compare_page, self->currency);
  lode_list_page_set_currency (LODE_LIST_PAGE (self->investments_page), self->currency);
  lode_list_page_set_currency (LODE_LIST_PAGE (self->projects_page), self->currency);
  lode_list_page_set_currency (LODE_LIST_PAGE (self->targets_page), self->currency);
}

static gboolean
has_code (GtkStringList *codes,
          const char    *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (codes)); i++)
    if (g_str_equal (gtk_string_list_get_string (codes, i), code))
      return TRUE;

  return FALSE;
}

/* What the rates say: the currency, period and units per dollar of each. */
static guint
hash_rates (GListModel *rates)
{
  guint hash = 17;

  for (guint i = 0; rates != NULL && i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(LodeExchangeRate) rate = g_list_model_get_item (rates, i);
      LodeRate units = lode_exchange_rate_get_rate (rate);

      hash = hash * 31 + g_str_hash (lode_exchange_rate_get_currency (rate));
      hash = hash * 31 + (guint) lode_exchange_rate_get_year (rate);
      hash = hash * 31 + (guint) lode_exchange_rate_get_month (rate);
      hash = hash * 31 + (guint) lode_exchange_rate_get_period (rate);
      hash = hash * 31 + (guint) (units ^ (units >> 32));
    }

  return hash;
}

static void fill_currencies (LodeWindow *self);

/* An edit of a rate in place changes no list: after each step of the
 * history, the pages convert again when the rates are not those they
 * converted with. */
static void
history_step (LodeWindow *self)
{
  GListModel *rates = self->portfolio != NULL
                      ? G_LIST_MODEL (lode_portfolio_get_exchange_rates (self->portfolio)) : NULL;

  if (hash_rates (rates) != self->rates_hash)
    fill_currencies (self);
}

/* The chooser offers the US dollar and every currency the portfolio has
 * rates of; it shows only when there is a choice. */
static void
fill_currencies (LodeWindow *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GListModel *rates = self->portfolio != NULL
                      ? G_LIST_MODEL (lode_portfolio_get_exchange_rates (self->portfolio)) : NULL;

  if (self->currency_codes == NULL)
    return;

  self->rates_hash = hash_rates (rates);
  g_ptr_array_add (codes, (gpointer) LODE_CURRENCY_USD);
  for (guint i = 0; rates != NULL && i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(LodeExchangeRate) rate = g_list_model_get_item (rates, i);
      const char *code = g_intern_string (lode_exchange_rate_get_currency (rate));
      gboolean seen = FALSE;

      for (guint j = 0; j < codes->len && !seen; j++)
        seen = g_ptr_array_index (codes, j) == code;
      if (!seen && code != NULL)
        g_ptr_array_add (codes, (gpointer) code);
    }
  g_ptr_array_add (codes, NULL);

  self->filling_currencies = TRUE;
  gtk_string_list_splice (self->currency_codes, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->currency_codes)),
                          (const char * const *) codes->pdata);
  self->filling_currencies = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->currency_choice), codes->len > 2);

  /* A currency whose rates went goes back to the dollar. */
  if (!has_code (self->currency_codes, self->currency))
    {
      g_free (self->currency);
      self->currency = g_strdup (LODE_CURRENCY_USD);
    }
  apply_currency (self);
}

/* "win.currency" s: the currency amounts are shown in, "USD" or one the
 * portfolio has rates of. */
static void
currency_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  LodeWindow *self = user_data;
  const char *code = g_variant_get_string (value, NULL);

  if (!has_code (self->currency_codes, code) || g_str_equal (code, self->currency))
    return;

  g_free (self->currency);
  self->currency = g_strdup (code);
  apply_currency (self);
  save_view (self);
}

static void
currency_chosen (LodeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->currency_choice);

  if (self->filling_currencies || selected >= g_list_model_get_n_items (G_LIST_MODEL (self->currency_codes)))
    return;

  g_action_group_change_action_state (G_ACTION_GROUP (self), "currency",
                                      g_variant_new_string (gtk_string_list_get_string (self->currency_codes,
                                                                                        selected)));
}

void
lode_window_periods_update_actions (LodeWindow *self)
{
  gboolean busy = lode_window_get_busy (self);
  gboolean has_portfolio = self->portfolio != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-fiscal-year", !busy && has_portfolio);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.exchange-rates", !busy && has_portfolio);
  lode_window_set_map_action_enabled (self, "set-fiscal-year-start", !busy && has_portfolio);
  /* Fiscal years are calendar years while the year starts in January. */
  lode_window_set_map_action_enabled (self, "fiscal-years", has_portfolio && portfolio_start_month (self) != 1);
}

/* A portfolio was opened: it shows as its file was last shown (the
 * currency falls back to the dollar below when its rates went), else in
 * US dollars by calendar year. */
void
lode_window_periods_restore (LodeWindow *self)
{
  g_autofree char *currency = NULL;
  gboolean fiscal_years = FALSE;

  if (self->file == NULL || !lode_settings_get_view (self->file, &currency, &fiscal_years))
    {
      currency = g_strdup (LODE_CURRENCY_USD);
      fiscal_years = FALSE;
    }

  g_free (self->currency);
  self->currency = g_steal_pointer (&currency);
  self->fiscal_years = fiscal_years;
}

/* The portfolio shown, or its fiscal year, changed. */
void
lode_window_periods_changed (LodeWindow *self)
{
  if (portfolio_start_month (self) == 1)
    self->fiscal_years = FALSE;

  if (self->rates_signals != NULL)
    g_signal_group_set_target (self->rates_signals,
                               self->portfolio != NULL ? lode_portfolio_get_exchange_rates (self->portfolio) : NULL);
  fill_currencies (self);

  lode_window_periods_update_actions (self);
  apply_periods (self);
}

/* "win.set-fiscal-year-start" i: the month (1–12) the portfolio's fiscal
 * year starts in, as one step of the history. */
static void
set_fiscal_year_start_activated (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  LodeWindow *self = user_data;
  int month = g_variant_get_int32 (parameter);

  if (self->portfolio == NULL || lode_window_get_busy (self))
    return;
  if (month < 1 || month > 12 || month == portfolio_start_month (self))
    return;

  lode_window_change_portfolio (self, _("Change the Fiscal Year"), "fiscal-year-start", month);
}

/* "win.fiscal-years" b: count by fiscal years rather than calendar ones. */
static void
fiscal_years_change_state (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  LodeWindow *self = user_data;
  gboolean fiscal = g_variant_get_boolean (value);

  if (fiscal && portfolio_start_month (self) == 1)
    return;
  if (self->fiscal_years == fiscal)
    return;

  self->fiscal_years = fiscal;
  apply_periods (self);
  save_view (self);
}

static void
fiscal_year_response (GObject    *dialog,
                      const char *response,
                      LodeWindow *self)
{
  AdwComboRow *row = g_object_get_data (dialog, "lode-row");

  if (!g_str_equal (response, "set"))
    return;

  g_action_group_activate_action (G_ACTION_GROUP (self), "set-fiscal-year-start",
                                  g_variant_new_int32 ((gint32) adw_combo_row_get_selected (row) + 1));
}

static void
edit_fiscal_year_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  GtkWidget *row;

  if (self->portfolio == NULL || lode_window_get_busy (self))
    return;

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *name = lode_period_month_name (month);

      gtk_string_list_append (months, name);
    }

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Starts In"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (months));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) portfolio_start_month (self) - 1);
  gtk_widget_set_tooltip_text (row, _("The month the portfolio's fiscal year begins in; "
                                      "January makes fiscal years calendar years"));

  lode_window_present_choice (self, row, _("Fiscal Year"),
                              _("The month the fiscal year starts in: July in Pakistan, where "
                                "FY2024-25 runs from July 2024 to June 2025. Monthly records fall "
                                "into their fiscal year; a record of a whole calendar year is "
                                "never split between two."),
                              G_CALLBACK (fiscal_year_response));
}

/* "win.exchange-rates": the list of the portfolio's rates, to add, edit,
 * duplicate and delete them. */
static void
exchange_rates_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  LodeRatesWindow *rates;

  if (self->portfolio == NULL || lode_window_get_busy (self))
    return;

  rates = lode_rates_window_new (self->portfolio);
  gtk_window_set_transient_for (GTK_WINDOW (rates), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (rates));
}

static const GActionEntry map_actions[] = {
  { "set-fiscal-year-start", set_fiscal_year_start_activated, "i" },
  { "fiscal-years", NULL, NULL, "false", fiscal_years_change_state },
  { "currency", NULL, "s", "'USD'", currency_change_state },
};

void
lode_window_periods_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-fiscal-year", NULL, edit_fiscal_year_action);
  gtk_widget_class_install_action (widget_class, "win.exchange-rates", NULL, exchange_rates_action);
}

void
lode_window_periods_init (LodeWindow *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->currency = g_strdup (LODE_CURRENCY_USD);
  self->currency_codes = gtk_string_list_new ((const char *[]) { LODE_CURRENCY_USD, NULL });
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->currency_choice, expression);
  gtk_drop_down_set_model (self->currency_choice, G_LIST_MODEL (self->currency_codes));
  gtk_widget_set_visible (GTK_WIDGET (self->currency_choice), FALSE);
  g_signal_connect_object (self->currency_choice, "notify::selected",
                           G_CALLBACK (currency_chosen), self, G_CONNECT_SWAPPED);
  self->rates_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->rates_signals, "items-changed",
                                  G_CALLBACK (fill_currencies), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::undo-label",
                                  G_CALLBACK (history_step), self);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   map_actions, G_N_ELEMENTS (map_actions),
                                   self);
  g_signal_group_connect_swapped (self->portfolio_signals, "notify::fiscal-year-start",
                                  G_CALLBACK (lode_window_periods_changed), self);
}

void
lode_window_periods_dispose (LodeWindow *self)
{
  if (self->rates_signals != NULL)
    g_signal_group_set_target (self->rates_signals, NULL);
  g_clear_object (&self->rates_signals);
  g_clear_object (&self->currency_codes);
  g_clear_pointer (&self->currency, g_free);
}
