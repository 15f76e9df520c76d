/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-currency.h"
#include "lode-portfolio-io.h"
#include "lode-rate-editor.h"
#include "lode-rates-window.h"
#include "lode-test-ui.h"

/* The exchange rates as a user keeps them: Portfolio → Exchange Rates…,
 * three rupee rates added with their source, the header's chooser showing
 * rupees, a year without a rate said plainly, an add undone, the file
 * saved, read back and accepted by lode-cli validate. On a real display
 * (Xvfb). */

static GtkLabel *
label_containing (GtkWidget  *root,
                  const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return GTK_LABEL (child);
      found = label_containing (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} FindText;

static gboolean
has_text (gpointer data)
{
  FindText *find = data;

  return label_containing (find->root, find->text) != NULL;
}

static GtkLabel *
wait_for_text (gpointer    root,
               const char *text)
{
  FindText find = { root, text };

  if (!lode_test_poll (has_text, &find, 30))
    g_error ("no label holds “%s”", text);

  return label_containing (root, text);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
select_text (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no choice “%s”", text);
}

/* Opens the editor with the header bar's Add button, fills it as a user
 * types, and adds the rate. */
static void
add_rate (GtkWidget  *rates,
          int         year,
          const char *rate,
          const char *source)
{
  GtkWidget *add = lode_test_find_widget (rates, GTK_TYPE_BUTTON, "Add Exchange Rate (Ctrl+N)");
  GtkWidget *editor;
  GtkSpinButton *spin;
  AdwComboRow *currency;
  g_autofree char *year_text = g_strdup_printf ("%d", year);

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  editor = lode_test_find_toplevel (LODE_TYPE_RATE_EDITOR, GTK_WINDOW (rates));
  g_assert_nonnull (editor);
  lode_test_present (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Exchange Rate");

  /* The rupee is the first choice. */
  currency = ADW_COMBO_ROW (lode_test_find_widget (editor, ADW_TYPE_COMBO_ROW, "Currency"));
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (currency)), 0),
                            "(PKR)"));
  spin = GTK_SPIN_BUTTON (lode_test_find_widget (editor, GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_editable_set_text (GTK_EDITABLE (spin), year_text);
  gtk_spin_button_update (spin);
  gtk_editable_set_text (GTK_EDITABLE (lode_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "Units per US Dollar")),
                         rate);
  select_text (ADW_COMBO_ROW (lode_test_find_widget (editor, ADW_TYPE_COMBO_ROW, "Source")), source);
  lode_test_settle ();

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_is_sensitive (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add")));
  g_signal_emit_by_name (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add"), "clicked");
  g_assert_true (lode_test_wait_for (is_gone, &editor));
}

/* The records of @year in rupees at @rate: the exact sum of the cents
 * times the rate, rounded once. */
static LodeAmount
rupees (LodeExportTable *table,
        int              year,
        LodeRate         rate)
{
  LodeMoney cents = 0;

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      if (row.year == year)
        cents += row.value;
    }

  return (LodeAmount) ((cents * rate + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);
}

static void
test_rates (void)
{
  LodeWindow *window = lode_test_window_new (NULL);
  GtkWidget *choice = lode_test_template_child (window, LODE_TYPE_WINDOW, "currency_choice");
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  GtkWidget *exports = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, "win.exchange-rates");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-rates-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "rates.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodePortfolio) reloaded = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  const char *argv[] = { g_getenv ("LODE_CLI"), "validate", path, NULL };
  LodePortfolio *portfolio;
  LodeExportTable *table;
  LodeExportRow row;
  GListModel *rates_model;
  GtkWidget *rates;
  const char *source_title;
  int status = -1;

  g_assert_no_error (error);
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>r");

  /* The sample has no rates, so no currency to choose, and no record of
   * 2022: one is added, as the export editor adds it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  lode_test_settle ();
  portfolio = lode_window_get_portfolio (window);
  g_assert_nonnull (portfolio);
  g_assert_false (gtk_widget_get_visible (choice));
  table = lode_portfolio_get_exports (portfolio);
  lode_export_table_get_row (table, 0, &row);
  row.year = 2022;
  row.month = 0;
  row.period = LODE_PERIOD_KIND_UNKNOWN;
  lode_history_insert_export (lode_portfolio_get_history (portfolio), "Add Export", 0, &row);
  source_title = lode_source_get_title (lode_portfolio_find_source (portfolio, "arab-news-2025-09-26"));

  /* Portfolio → Exchange Rates…: empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.exchange-rates", NULL));
  rates = lode_test_find_toplevel (LODE_TYPE_RATES_WINDOW, GTK_WINDOW (window));
  g_assert_nonnull (rates);
  lode_test_present (rates);
  g_assert_nonnull (wait_for_text (rates, "No Exchange Rates"));

  add_rate (rates, 2023, "286.3", source_title);
  /* The first rate makes the rupee a currency to show. */
  g_assert_true (gtk_widget_get_visible (choice));
  add_rate (rates, 2024, "278,8313", source_title);
  add_rate (rates, 2025, "281.5", source_title);
  rates_model = G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio));
  g_assert_cmpuint (g_list_model_get_n_items (rates_model), ==, 3);
  wait_for_text (rates, "278.8313 PKR per US dollar");
  g_assert_null (label_containing (rates, "No Exchange Rates"));
  g_assert_cmpstr (lode_history_get_undo_label (lode_portfolio_get_history (portfolio)), ==, "Add Rate PKR, 2025");

  /* Rupees in the header's chooser: the Exports page in rupees, 2022
   * without a rate, said. */
  {
    GListModel *codes = gtk_drop_down_get_model (GTK_DROP_DOWN (choice));
    guint pkr = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (codes), i), "PKR"))
        pkr = i;
    g_assert_cmpuint (pkr, !=, G_MAXUINT);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), pkr);
  }
  adw_view_stack_set_visible_child_name (stack, "exports");
  amount = lode_amount_format_full ("PKR", rupees (table, 2024, 278831300));
  expected = g_strdup_printf ("2024 %s", amount);
  wait_for_text (exports, expected);
  wait_for_text (exports, "No PKR rate for 2022");

  /* Ctrl+Z in the rates window undoes the last add: 2025 has no rate. */
  g_assert_true (gtk_widget_activate_action (rates, "rates.undo", NULL));
  lode_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (rates_model), ==, 2);
  g_assert_null (label_containing (rates, "281.5 PKR"));
  wait_for_text (exports, "No PKR rate for 2022, 2025");
  gtk_window_close (GTK_WINDOW (rates));

  /* Saved, read back, and valid. */
  lode_window_save_to_file (window, file);
  g_assert_true (lode_test_poll (lode_test_is_idle, window, 30));
  g_assert_false (lode_portfolio_get_modified (portfolio));
  reloaded = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  rates_model = G_LIST_MODEL (lode_portfolio_get_exchange_rates (reloaded));
  g_assert_cmpuint (g_list_model_get_n_items (rates_model), ==, 2);
  {
    g_autoptr(LodeExchangeRate) second = g_list_model_get_item (rates_model, 1);

    g_assert_cmpstr (lode_exchange_rate_get_currency (second), ==, "PKR");
    g_assert_cmpint (lode_exchange_rate_get_year (second), ==, 2024);
    g_assert_cmpint (lode_exchange_rate_get_rate (second), ==, 278831300);
    g_assert_cmpstr (lode_exchange_rate_get_source (second), ==, "arab-news-2025-09-26");
  }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"units_per_usd\": \"278.8313\""));
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("lode-cli validate refused the saved rates: %s", err);

  lode_test_destroy_window (window);
  lode_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/rates-window/rates", test_rates);

  return lode_test_run ();
}
