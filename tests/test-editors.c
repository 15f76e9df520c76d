/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-export-editor.h"
#include "lode-hs-code-chooser.h"
#include "lode-mineral-editor.h"
#include "lode-national-figure-editor.h"
#include "lode-overview-page.h"
#include "lode-portfolio-io.h"
#include "lode-project-editor.h"
#include "lode-test-ui.h"
#include "lode-ui-format.h"

/* The editors' choices: a project's partners, minerals and region; HS
 * codes of minerals and export records. On a real display (Xvfb). */

/* Presents @editor and waits until it shows. */
static GtkWidget *
present (gpointer editor)
{
  lode_test_present (editor);
  lode_test_settle ();

  return editor;
}

/* Activates editor.confirm and waits until @editor closes. */
static void
confirm (GtkWidget *editor)
{
  GtkWidget *watched = editor;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &watched);
  g_assert_true (gtk_widget_activate_action (editor, "editor.confirm", NULL));
  g_assert_true (lode_test_wait_for (lode_test_is_null, &watched));
}

static gpointer
find (gpointer    widget,
      GType       type,
      const char *text,
      guint       n)
{
  GtkWidget *found = lode_test_find_nth_widget (widget, type, text, n);

  g_assert_nonnull (found);
  return found;
}

static void
set_text (GtkWidget  *editor,
          const char *title,
          guint       n,
          const char *text)
{
  gtk_editable_set_text (find (editor, ADW_TYPE_ENTRY_ROW, title, n), text);
  lode_test_settle ();
}

static gboolean
can_confirm (GtkWidget *editor)
{
  return gtk_widget_is_sensitive (find (editor, GTK_TYPE_BUTTON, "Save", 0));
}

/* The check button of the mineral row titled @name. */
static GtkCheckButton *
mineral_check (GtkWidget  *editor,
               const char *name)
{
  return find (find (editor, ADW_TYPE_ACTION_ROW, name, 0), GTK_TYPE_CHECK_BUTTON, NULL, 0);
}

static char *
to_text (LodePortfolio *portfolio)
{
  g_autoptr(GBytes) bytes = lode_portfolio_to_bytes (portfolio);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_project_partners (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeProject *saindak = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)), 0);
  g_autofree char *before = to_text (portfolio);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone = NULL;
  GListModel *partners = lode_project_get_partners (saindak);
  GtkWidget *editor;
  AdwComboRow *country;
  const char * const *codes;
  const char * const *regions;
  guint china = G_MAXUINT;
  g_autoptr(LodePartner) first = NULL;
  g_autoptr(LodePartner) second = NULL;

  g_object_unref (saindak);  /* the store keeps it */
  g_assert_cmpstr (lode_project_get_name (saindak), ==, "Saindak");
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 0);

  editor = present (lode_project_editor_new (portfolio, saindak));

  /* The minerals of the project are checked, the others not. */
  g_assert_true (gtk_check_button_get_active (mineral_check (editor, "Copper")));
  g_assert_true (gtk_check_button_get_active (mineral_check (editor, "Gold")));
  g_assert_false (gtk_check_button_get_active (mineral_check (editor, "Iron ore")));

  /* Two partners: one Chinese with 60 %, one Pakistani with 40 %. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-partner", NULL));
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-partner", NULL));
  lode_test_settle ();
  g_assert_false (can_confirm (editor));   /* partners need names */
  set_text (editor, "Name", 1, "Metallurgical Corporation of China");
  set_text (editor, "Name", 2, "Government of Balochistan");
  g_assert_true (can_confirm (editor));

  codes = lode_country_codes ();
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], "CN"))
      china = i + 1;  /* after "Unknown" */
  g_assert_cmpuint (china, !=, G_MAXUINT);
  country = find (editor, ADW_TYPE_COMBO_ROW, "Country", 0);
  adw_combo_row_set_selected (country, china);
  country = find (editor, ADW_TYPE_COMBO_ROW, "Country", 1);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], "PK"))
      adw_combo_row_set_selected (country, i + 1);

  /* Shares are percents from 0 to 100, adding up to at most 100. */
  set_text (editor, "Share (%, optional)", 0, "160");
  g_assert_false (can_confirm (editor));
  g_assert_true (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Share (%, optional)", 0), "error"));
  set_text (editor, "Share (%, optional)", 0, "sixty");
  g_assert_false (can_confirm (editor));
  set_text (editor, "Share (%, optional)", 0, "60");
  set_text (editor, "Share (%, optional)", 1, "50");
  g_assert_false (can_confirm (editor));
  g_assert_true (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Share (%, optional)", 1), "error"));
  set_text (editor, "Share (%, optional)", 1, "40");
  g_assert_true (can_confirm (editor));
  g_assert_false (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Share (%, optional)", 1), "error"));

  /* Iron ore joins, gold leaves; the region comes from the provinces. */
  gtk_check_button_set_active (mineral_check (editor, "Iron ore"), TRUE);
  gtk_check_button_set_active (mineral_check (editor, "Gold"), FALSE);
  regions = lode_region_names ();
  g_assert_cmpuint (g_strv_length ((char **) regions), ==, 7);
  g_assert_true (g_strv_contains (regions, "Balochistan"));
  g_assert_true (g_strv_contains (regions, "Khyber Pakhtunkhwa"));
  g_assert_true (gtk_widget_activate_action (editor, "editor.region", "s", "Khyber Pakhtunkhwa"));
  g_assert_cmpstr (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Region", 0)), ==,
                   "Khyber Pakhtunkhwa");
  confirm (editor);

  /* One step, named after the project. */
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Saindak");
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  first = g_list_model_get_item (partners, 0);
  second = g_list_model_get_item (partners, 1);
  g_assert_cmpstr (lode_partner_get_name (first), ==, "Metallurgical Corporation of China");
  g_assert_cmpstr (lode_partner_get_country (first), ==, "CN");
  g_assert_cmpfloat_with_epsilon (lode_partner_get_share (first), 0.6, 1e-12);
  g_assert_cmpstr (lode_partner_get_country (second), ==, "PK");
  g_assert_cmpfloat_with_epsilon (lode_partner_get_share (second), 0.4, 1e-12);
  g_assert_cmpstrv (lode_project_get_minerals (saindak), ((const char *[]) { "copper", "iron-ore", NULL }));
  g_assert_cmpstr (lode_project_get_region (saindak), ==, "Khyber Pakhtunkhwa");
  after = to_text (portfolio);
  g_assert_nonnull (strstr (after, "\"share\": 0.6"));

  /* Undo puts everything back at once; redo brings it again. */
  lode_history_undo (history);
  undone = to_text (portfolio);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 0);
  lode_history_redo (history);
  redone = to_text (portfolio);
  g_assert_cmpstr (redone, ==, after);

  /* Removing a partner and editing a share, again as one step. */
  editor = present (lode_project_editor_new (portfolio, saindak));
  g_assert_cmpstr (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Share (%, optional)", 0)), ==, "60");
  g_signal_emit_by_name (find (find (editor, ADW_TYPE_EXPANDER_ROW, "Partner", 1),
                               GTK_TYPE_BUTTON, "Remove Partner", 0), "clicked");
  lode_test_settle ();
  set_text (editor, "Share (%, optional)", 0, "75");
  confirm (editor);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (partners, 0);
  g_assert_cmpfloat_with_epsilon (lode_partner_get_share (first), 0.75, 1e-12);
  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  g_clear_pointer (&undone, g_free);
  undone = to_text (portfolio);
  g_assert_cmpstr (undone, ==, after);
}

/* Values the editor cannot show exactly are kept when left alone. */
static void
test_project_kept (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  g_autoptr(LodeProject) dodar = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)), 2);
  g_autoptr(LodePartner) partner = lode_partner_new ("Someone");
  g_autoptr(LodePartner) edited = NULL;
  g_autoptr(LodeProject) added = NULL;
  g_autoptr(LodePartner) added_partner = NULL;
  GtkWidget *editor;

  g_assert_cmpstr (lode_project_get_name (dodar), ==, "Dodar");
  lode_partner_set_country (partner, "ZZ");
  lode_partner_set_share (partner, 1.0 / 3.0);
  lode_project_add_partner (dodar, partner);

  /* Saved untouched: nothing changes, no step is recorded. */
  editor = present (lode_project_editor_new (portfolio, dodar));
  g_assert_cmpstr (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Share (%, optional)", 0)), ==,
                   "33.33333333");
  confirm (editor);
  g_assert_false (lode_history_get_can_undo (history));
  g_assert_cmpfloat (lode_partner_get_share (partner), ==, 1.0 / 3.0);

  /* A share typed with its percent sign; the unknown country stays. */
  editor = present (lode_project_editor_new (portfolio, dodar));
  set_text (editor, "Share (%, optional)", 0, "60 %");
  g_assert_true (can_confirm (editor));
  confirm (editor);
  edited = g_list_model_get_item (lode_project_get_partners (dodar), 0);
  g_assert_cmpfloat_with_epsilon (lode_partner_get_share (edited), 0.6, 1e-12);
  g_assert_cmpstr (lode_partner_get_country (edited), ==, "ZZ");
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Dodar");

  /* A new project with a partner and a mineral. */
  editor = present (lode_project_editor_new (portfolio, NULL));
  set_text (editor, "Name", 0, "Duddar Lead-Zinc");
  gtk_check_button_set_active (mineral_check (editor, "Lead"), TRUE);
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-partner", NULL));
  lode_test_settle ();
  set_text (editor, "Name", 1, "China Metallurgical Group");
  confirm (editor);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Duddar Lead-Zinc");
  added = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)), 4);
  g_assert_cmpstr (lode_project_get_id (added), ==, "duddar-lead-zinc");
  g_assert_cmpstrv (lode_project_get_minerals (added), ((const char *[]) { "lead", NULL }));
  added_partner = g_list_model_get_item (lode_project_get_partners (added), 0);
  g_assert_cmpstr (lode_partner_get_name (added_partner), ==, "China Metallurgical Group");
  g_assert_null (lode_partner_get_country (added_partner));
  g_assert_cmpfloat (lode_partner_get_share (added_partner), ==, LODE_SHARE_UNSET);
}

/* The codes @chooser shows, as one string: "|2603|7403|…" ("" for none). */
static char *
shown_codes (LodeHsCodeChooser *chooser,
             guint              n_max)
{
  GListModel *shown = lode_hs_code_chooser_get_shown (chooser);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < MIN (n_max, g_list_model_get_n_items (shown)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (shown, i);

      g_string_append_printf (text, "|%s", gtk_string_object_get_string (item));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  LodeHsCodeChooser *chooser;
  guint              n_shown;
} Shown;

static gboolean
shows (gpointer data)
{
  Shown *shown = data;

  return g_list_model_get_n_items (lode_hs_code_chooser_get_shown (shown->chooser)) == shown->n_shown;
}

/* Opens the chooser under @button, searches @search, waits until it shows
 * @n_shown codes and presses Enter: the first one is chosen. */
static void
search_and_choose (GtkWidget  *editor,
                   const char *button,
                   const char *search,
                   guint       n_shown)
{
  GtkMenuButton *menu_button = find (editor, GTK_TYPE_MENU_BUTTON, button, 0);
  Shown shown = { LODE_HS_CODE_CHOOSER (gtk_menu_button_get_popover (menu_button)), n_shown };
  GtkWidget *entry = find (shown.chooser, GTK_TYPE_SEARCH_ENTRY, NULL, 0);

  gtk_menu_button_popup (menu_button);
  g_assert_true (lode_test_wait_for (lode_test_is_mapped, shown.chooser));
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_assert_true (lode_test_wait_for (shows, &shown));
  g_signal_emit_by_name (entry, "activate");
  lode_test_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shown.chooser)));
}

static void
test_export_hs_code (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  guint n_rows = lode_export_table_get_n_rows (table);
  GtkWidget *editor = present (lode_export_editor_new (portfolio, G_MAXUINT));
  LodeHsCodeChooser *chooser = find (editor, LODE_TYPE_HS_CODE_CHOOSER, NULL, 0);
  AdwComboRow *mineral_row = find (editor, ADW_TYPE_COMBO_ROW, "Mineral", 0);
  GListModel *minerals = adw_combo_row_get_model (mineral_row);
  g_autofree char *first = NULL;
  LodeExportRow row = { 0 };

  /* Copper's own codes come first, after "None". */
  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (minerals, i);

      if (g_str_equal (gtk_string_object_get_string (name), "Copper"))
        adw_combo_row_set_selected (mineral_row, i);
    }
  lode_test_settle ();
  first = shown_codes (chooser, 4);
  g_assert_cmpstr (first, ==, "||2603|7403|25");

  /* A search by words of the description; Enter picks the first. */
  search_and_choose (editor, "Choose an HS Code", "cathodes", 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (find (editor, ADW_TYPE_ACTION_ROW, "HS Code", 0)), ==,
                   "740311 — Copper; refined, unwrought, cathodes and sections of cathodes");
  /* By the start of a code: any code of the mineral chapters is allowed. */
  search_and_choose (editor, "Choose an HS Code", "2616", 3);
  search_and_choose (editor, "Choose an HS Code", "7403", 8);
  g_assert_cmpstr (adw_action_row_get_subtitle (find (editor, ADW_TYPE_ACTION_ROW, "HS Code", 0)), ==,
                   "7403 — Copper; refined and copper alloys, unwrought");

  set_text (editor, "Value (US$)", 0, "1140000000.25");
  confirm (editor);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, n_rows + 1);
  lode_export_table_get_row (table, n_rows, &row);
  g_assert_cmpstr (row.mineral, ==, "copper");
  g_assert_cmpstr (row.hs_code, ==, "7403");
  g_assert_cmpint (row.value, ==, G_GINT64_CONSTANT (114000000025));

  /* Reopened, the code is shown; "None" takes it away. */
  editor = present (lode_export_editor_new (portfolio, n_rows));
  g_assert_cmpstr (adw_action_row_get_subtitle (find (editor, ADW_TYPE_ACTION_ROW, "HS Code", 0)), ==,
                   "7403 — Copper; refined and copper alloys, unwrought");
  lode_hs_code_chooser_choose (find (editor, LODE_TYPE_HS_CODE_CHOOSER, NULL, 0), NULL);
  confirm (editor);
  lode_export_table_get_row (table, n_rows, &row);
  g_assert_null (row.hs_code);
  lode_history_undo (history);
  lode_export_table_get_row (table, n_rows, &row);
  g_assert_cmpstr (row.hs_code, ==, "7403");
}

/* Records of fiscal years and with amounts in rupees: opened and saved
 * untouched they keep every member; an edit keeps the original amount;
 * the fiscal-year switch marks and unmarks a record of a whole year, one
 * history step each. */
static void
test_export_period (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                 "exchange-rates.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_load_file (file, NULL, &error);
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  LodeExportTable *table;
  LodeHistory *history;
  GtkWidget *editor;
  GtkSwitch *fiscal;
  LodeExportRow row;

  g_assert_no_error (error);
  table = lode_portfolio_get_exports (portfolio);
  history = lode_portfolio_get_history (portfolio);
  original = to_text (portfolio);

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    confirm (present (lode_export_editor_new (portfolio, i)));
  g_assert_false (lode_history_get_can_undo (history));
  saved = to_text (portfolio);
  g_assert_cmpstr (saved, ==, original);

  /* July 2024, entered as 55,760.50 rupees: a new value keeps them. */
  editor = present (lode_export_editor_new (portfolio, 1));
  g_assert_false (gtk_widget_get_visible (find (editor, ADW_TYPE_ACTION_ROW, "Fiscal Year", 0)));
  set_text (editor, "Value (US$)", 0, "200.5");
  confirm (editor);
  lode_export_table_get_row (table, 1, &row);
  g_assert_cmpint (row.value, ==, 20050);
  g_assert_cmpstr (row.original_currency, ==, "PKR");
  g_assert_cmpint (row.original_amount, ==, 5576050);

  /* Entered again as 83,475 rupees: July's rate (278.25) makes it
   * $300.00; in 2023, which has no rate, it is refused and said. */
  editor = present (lode_export_editor_new (portfolio, 1));
  g_assert_cmpstr (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Amount in That Currency", 0)),
                   ==, "55760.5");
  set_text (editor, "Amount in That Currency", 0, "83475");
  g_assert_cmpstr (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Value (US$)", 0)), ==, "300");
  gtk_spin_button_set_value (find (editor, GTK_TYPE_SPIN_BUTTON, NULL, 0), 2023);
  lode_test_settle ();
  g_assert_false (can_confirm (editor));
  g_assert_nonnull (strstr (gtk_label_get_text (find (editor, GTK_TYPE_LABEL, "No PKR rate for 2023", 0)),
                            "No PKR rate for 2023"));
  gtk_spin_button_set_value (find (editor, GTK_TYPE_SPIN_BUTTON, NULL, 0), 2024);
  lode_test_settle ();
  confirm (editor);
  lode_export_table_get_row (table, 1, &row);
  g_assert_cmpint (row.value, ==, 30000);
  g_assert_cmpint (row.original_amount, ==, 8347500);
  g_assert_cmpstr (row.original_currency, ==, "PKR");

  /* Back to US dollars: the original amount goes, the value stays. */
  editor = present (lode_export_editor_new (portfolio, 1));
  adw_combo_row_set_selected (find (editor, ADW_TYPE_COMBO_ROW, "Entered In", 0), 0);
  lode_test_settle ();
  confirm (editor);
  lode_export_table_get_row (table, 1, &row);
  g_assert_null (row.original_currency);
  g_assert_cmpint (row.value, ==, 30000);
  lode_history_undo (history);
  lode_export_table_get_row (table, 1, &row);
  g_assert_cmpstr (row.original_currency, ==, "PKR");

  /* The record of FY2024-25: shown as such, and unmarked. */
  editor = present (lode_export_editor_new (portfolio, 2));
  g_assert_true (gtk_widget_get_visible (find (editor, ADW_TYPE_ACTION_ROW, "Fiscal Year", 0)));
  g_assert_cmpstr (adw_action_row_get_subtitle (find (editor, ADW_TYPE_ACTION_ROW, "Fiscal Year", 0)),
                   ==, "FY2024-25");
  fiscal = find (editor, GTK_TYPE_SWITCH, NULL, 0);
  g_assert_true (gtk_switch_get_active (fiscal));
  gtk_switch_set_active (fiscal, FALSE);
  lode_test_settle ();
  confirm (editor);
  lode_export_table_get_row (table, 2, &row);
  g_assert_cmpint (row.period, ==, LODE_PERIOD_KIND_UNKNOWN);
  lode_history_undo (history);
  lode_export_table_get_row (table, 2, &row);
  g_assert_cmpint (row.period, ==, LODE_PERIOD_KIND_FISCAL_YEAR);

  /* The calendar year said so in the file is made a fiscal year. */
  editor = present (lode_export_editor_new (portfolio, 3));
  fiscal = find (editor, GTK_TYPE_SWITCH, NULL, 0);
  g_assert_false (gtk_switch_get_active (fiscal));
  gtk_switch_set_active (fiscal, TRUE);
  lode_test_settle ();
  confirm (editor);
  lode_export_table_get_row (table, 3, &row);
  g_assert_cmpint (row.period, ==, LODE_PERIOD_KIND_FISCAL_YEAR);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Export Record");
}

static void
test_mineral_hs_codes (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeMineral *copper = lode_portfolio_find_mineral (portfolio, "copper");
  GtkWidget *editor;

  g_assert_cmpstrv (lode_mineral_get_hs_codes (copper), ((const char *[]) { "2603", "7403", NULL }));

  editor = present (lode_mineral_editor_new (portfolio, copper));
  g_assert_cmpstr (adw_action_row_get_subtitle (find (editor, ADW_TYPE_ACTION_ROW, "2603", 0)), ==,
                   "Copper ores and concentrates");
  /* "copper waste" finds 7404 (copper waste and scrap) and its subheading. */
  search_and_choose (editor, "Add HS Code", "copper; waste", 2);
  g_signal_emit_by_name (find (editor, GTK_TYPE_BUTTON, "Remove 2603", 0), "clicked");
  lode_test_settle ();
  /* Adding a code twice keeps one. */
  lode_hs_code_chooser_choose (find (editor, LODE_TYPE_HS_CODE_CHOOSER, NULL, 0), "7403");
  confirm (editor);

  g_assert_cmpstrv (lode_mineral_get_hs_codes (copper), ((const char *[]) { "7403", "7404", NULL }));
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Copper");
  lode_history_undo (history);
  g_assert_cmpstrv (lode_mineral_get_hs_codes (copper), ((const char *[]) { "2603", "7403", NULL }));
  g_assert_false (lode_portfolio_get_modified (portfolio));
  lode_history_redo (history);
  g_assert_cmpstrv (lode_mineral_get_hs_codes (copper), ((const char *[]) { "7403", "7404", NULL }));
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *text;
} Wanted;

static gboolean
is_shown (gpointer data)
{
  Wanted *wanted = data;

  return lode_test_find_widget (wanted->root, wanted->type, wanted->text) != NULL;
}

/* The widget of @type showing @text under @root, once the page shows it. */
static gpointer
wait_for_widget (GtkWidget  *root,
                 GType       type,
                 const char *text)
{
  Wanted wanted = { root, type, text };

  g_assert_true (lode_test_wait_for (is_shown, &wanted));
  return lode_test_find_widget (root, type, text);
}

static guint
n_figures (LodePortfolio *portfolio)
{
  return g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio)));
}

static LodeNationalFigure *
figure_at (LodePortfolio *portfolio,
           guint          position)
{
  g_autoptr(LodeNationalFigure) figure =
    g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio)), position);

  return figure;   /* the list keeps it */
}

/* The editor that opened over @window, once it shows. */
static GtkWidget *
wait_for_editor (LodeWindow *window)
{
  GtkWidget *editor = NULL;

  for (guint i = 0; i < 100 && editor == NULL; i++)
    {
      lode_test_settle ();
      editor = lode_test_find_toplevel (LODE_TYPE_NATIONAL_FIGURE_EDITOR, GTK_WINDOW (window));
    }
  g_assert_nonnull (editor);
  g_assert_true (lode_test_wait_for (lode_test_is_mapped, editor));

  return editor;
}

/* National figures from the Overview as a user handles them: the Add
 * Figure button, a row's activation, its Duplicate and Delete buttons;
 * each one step that undoes and redoes. */
static void
test_national_figures (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GtkWidget *overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  GtkWidget *list = lode_test_template_child (overview, LODE_TYPE_OVERVIEW_PAGE, "national_list");
  guint n = n_figures (portfolio);
  GtkWidget *editor;
  GtkWidget *row;

  g_assert_cmpuint (n, >, 0);

  /* Add: a click on the group's button. */
  g_signal_emit_by_name (find (overview, GTK_TYPE_BUTTON, "Add National Figure", 0), "clicked");
  editor = wait_for_editor (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "National Figure");
  adw_combo_row_set_selected (find (editor, ADW_TYPE_COMBO_ROW, "Kind", 0), LODE_FIGURE_KIND_BILATERAL_TRADE);
  set_text (editor, "Amount (US$)", 0, "1,500,000,000");
  set_text (editor, "Year (optional)", 0, "2025");
  confirm (editor);
  g_assert_cmpuint (n_figures (portfolio), ==, n + 1);
  g_assert_cmpint (lode_national_figure_get_value (figure_at (portfolio, n)), ==, 150000000000);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Bilateral trade, 2025");
  row = wait_for_widget (list, ADW_TYPE_ACTION_ROW, "Bilateral trade, 2025");

  /* Edit: the row activated opens the figure; a new year, one step. */
  g_assert_true (gtk_widget_activate (row));
  editor = wait_for_editor (window);
  g_assert_true (gtk_widget_is_sensitive (find (editor, GTK_TYPE_BUTTON, "Save", 0)));
  set_text (editor, "Year (optional)", 0, "2026");
  confirm (editor);
  g_assert_cmpint (lode_national_figure_get_year (figure_at (portfolio, n)), ==, 2026);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Bilateral trade, 2025");

  /* Duplicate: a copy after it, one step. */
  g_signal_emit_by_name (wait_for_widget (list, GTK_TYPE_BUTTON, "Duplicate Bilateral trade, 2026"), "clicked");
  g_assert_cmpuint (n_figures (portfolio), ==, n + 2);
  g_assert_true (figure_at (portfolio, n + 1) != figure_at (portfolio, n));
  g_assert_cmpint (lode_national_figure_get_year (figure_at (portfolio, n + 1)), ==, 2026);

  /* Delete the first figure: one step, undone by win.undo. */
  {
    g_autofree char *first = lode_national_figure_editor_describe (figure_at (portfolio, 0));
    g_autofree char *label = g_strdup_printf ("Delete %s", first);
    LodeNationalFigure *kept = figure_at (portfolio, 0);

    g_object_ref (kept);
    g_signal_emit_by_name (find (list, GTK_TYPE_BUTTON, label, 0), "clicked");
    g_assert_cmpuint (n_figures (portfolio), ==, n + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpuint (n_figures (portfolio), ==, n + 2);
    g_assert_true (figure_at (portfolio, 0) == kept);
    g_object_unref (kept);
  }

  /* Duplicate, edit and add each undo and redo as one step. */
  lode_history_undo (history);
  g_assert_cmpuint (n_figures (portfolio), ==, n + 1);
  lode_history_undo (history);
  g_assert_cmpint (lode_national_figure_get_year (figure_at (portfolio, n)), ==, 2025);
  lode_history_undo (history);
  g_assert_cmpuint (n_figures (portfolio), ==, n);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  lode_history_redo (history);
  lode_history_redo (history);
  g_assert_cmpint (lode_national_figure_get_year (figure_at (portfolio, n)), ==, 2026);
  g_assert_nonnull (wait_for_widget (list, ADW_TYPE_ACTION_ROW, "Bilateral trade, 2026"));

  lode_test_destroy_window (window);
}

/* Presses Enter in the entry row @title of @editor. */
static void
press_enter (GtkWidget  *editor,
             const char *title)
{
  g_signal_emit_by_name (find (editor, ADW_TYPE_ENTRY_ROW, title, 0), "entry-activated");
  lode_test_settle ();
}

/* Enter in a field confirms only when every field holds a valid value:
 * with a field wrong the editor stays open, says why and adds nothing;
 * then it adds the item in one step and closes. The national figure
 * editor confirms the way every editor of one item does, the mineral and
 * export editors in their own way, all through the same Enter. */
static void
test_enter_confirms (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListModel *figures = G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio));
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  guint n_figures = g_list_model_get_n_items (figures);
  guint n_minerals = g_list_model_get_n_items (minerals);
  guint n_rows = lode_export_table_get_n_rows (table);
  GtkWidget *editor;
  GtkLabel *error;

  editor = present (lode_national_figure_editor_new (portfolio, NULL));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  press_enter (editor, "Amount (US$)");
  g_assert_nonnull (editor);
  error = lode_test_template_child (editor, LODE_TYPE_NATIONAL_FIGURE_EDITOR, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_cmpstr (gtk_label_get_label (error), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures);
  set_text (editor, "Amount (US$)", 0, "2,500");
  set_text (editor, "Year (optional)", 0, "2024");
  press_enter (editor, "Year (optional)");
  g_assert_true (lode_test_wait_for (lode_test_is_null, &editor));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures + 1);
  g_assert_cmpint (lode_national_figure_get_value (figure_at (portfolio, n_figures)), ==, 250000);
  g_assert_cmpint (lode_national_figure_get_year (figure_at (portfolio, n_figures)), ==, 2024);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Mineral exports, 2024");

  editor = present (lode_mineral_editor_new (portfolio, NULL));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  press_enter (editor, "Name");
  g_assert_nonnull (editor);
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, n_minerals);
  set_text (editor, "Name", 0, "Enter ore");
  press_enter (editor, "Name");
  g_assert_true (lode_test_wait_for (lode_test_is_null, &editor));
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, n_minerals + 1);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Enter ore");

  editor = present (lode_export_editor_new (portfolio, 0));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_text (editor, "Value (US$)", 0, "not a value");
  press_enter (editor, "Value (US$)");
  g_assert_nonnull (editor);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Enter ore");
  set_text (editor, "Value (US$)", 0, "1,234");
  press_enter (editor, "Value (US$)");
  g_assert_true (lode_test_wait_for (lode_test_is_null, &editor));
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, n_rows);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Export Record");
}

int
main (int   argc,
      char *argv[])
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/editors/project-partners", test_project_partners);
  g_test_add_func ("/lode/editors/project-kept", test_project_kept);
  g_test_add_func ("/lode/editors/export-hs-code", test_export_hs_code);
  g_test_add_func ("/lode/editors/export-period", test_export_period);
  g_test_add_func ("/lode/editors/mineral-hs-codes", test_mineral_hs_codes);
  g_test_add_func ("/lode/editors/national-figures", test_national_figures);
  g_test_add_func ("/lode/editors/enter-confirms", test_enter_confirms);

  return lode_test_run ();
}
