/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-application.h"
#include "lode-history.h"
#include "lode-import-dialog.h"
#include "lode-portfolio-io.h"
#include "lode-settings.h"
#include "lode-test-ui.h"
#include "lode-window.h"
#include "lode-window-private.h"

/* Import in the window, on a real display (Xvfb), driven as a user would:
 * the import action on a real file, the preview, a conflict resolved,
 * Import, Undo; a hostile file; Cancel; columns chosen for a CSV of no
 * known layout, remembered for the next file with the same header; the
 * portfolio's country. */

static LodeApplication *application;

/* tests/fixtures/import-ui/comtrade-small.csv: Pakistan's exports of
 * 2023 in the UN Comtrade Plus layout. Three rows become records: copper
 * ores (2603) to China, $123,456,789.25; aluminium ores (2606) to China,
 * $14,160,000.00; refined copper (7403) to the UAE, $2,500,000.50. Four
 * are skipped: the World partner, an import flow, the TOTAL code and the
 * chapter 26 total. */
#define COMTRADE_ADDED      3
#define COMTRADE_SKIPPED    4
#define COPPER_CHINA_CENTS  G_GINT64_CONSTANT (12345678925)
#define COMTRADE_CENTS      G_GINT64_CONSTANT (14011678975)
/* The record of copper ores to China already in the portfolio. */
#define EXISTING_CENTS      G_GINT64_CONSTANT (100)

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import-ui", name, NULL);

  return g_file_new_for_path (path);
}

/* The sample, with one record that the Comtrade file meets: copper ores
 * to China in 2023, of $1.00. */
static LodePortfolio *
portfolio_with_conflict (void)
{
  LodePortfolio *portfolio = lode_portfolio_new_sample ();
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  LodeExportRow row = {
    .mineral = lode_export_table_intern (exports, "copper"),
    .year = 2023,
    .month = 0,
    .destination = lode_export_table_intern (exports, "CN"),
    .hs_code = lode_export_table_intern (exports, "2603"),
    .stage = LODE_STAGE_UNKNOWN,
    .quantity = LODE_QUANTITY_UNSET,
    .unit = LODE_UNIT_NONE,
    .value = EXISTING_CENTS,
  };

  lode_export_table_append (exports, &row);
  lode_portfolio_set_modified (portfolio, FALSE);

  return portfolio;
}

/* The position of the record of copper ores to China in 2023. */
static guint
find_copper_china (LodePortfolio *portfolio)
{
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);

  for (guint i = 0; i < lode_export_table_get_n_rows (exports); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (exports, i, &row);
      if (g_str_equal (row.mineral, "copper") && row.year == 2023 && row.month == 0 &&
          g_strcmp0 (row.destination, "CN") == 0 && g_strcmp0 (row.hs_code, "2603") == 0)
        return i;
    }

  return G_MAXUINT;
}

static guint
count_copper_china (LodePortfolio *portfolio)
{
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  guint n = 0;

  for (guint i = 0; i < lode_export_table_get_n_rows (exports); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (exports, i, &row);
      n += g_str_equal (row.mineral, "copper") && row.year == 2023 &&
           g_strcmp0 (row.destination, "CN") == 0 && g_strcmp0 (row.hs_code, "2603") == 0;
    }

  return n;
}

static gboolean
has_import_dialog (gpointer data)
{
  LodeImportDialog *dialog = lode_test_find_toplevel (LODE_TYPE_IMPORT_DIALOG, data);

  return dialog != NULL && !lode_import_dialog_get_busy (dialog);
}

/* Activates the import of @file as the window's action, and waits for the
 * preview to be ready (or its error). */
static LodeImportDialog *
import_file (LodeWindow *window,
             GFile      *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", uri));
  g_assert_true (lode_test_poll (has_import_dialog, window, 30));

  return lode_test_find_toplevel (LODE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window));
}

static const char *
visible_page (LodeImportDialog *dialog)
{
  GtkStack *stack = lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "stack");

  return gtk_stack_get_visible_child_name (stack);
}

static const char *
label_text (LodeImportDialog *dialog,
            const char       *name)
{
  GtkLabel *label = lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, name);

  return gtk_label_get_label (label);
}

static void
close_dialog (LodeImportDialog *dialog)
{
  LodeImportDialog *weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (lode_test_poll (lode_test_is_null, &weak, 30));
}

/* The preview of a Comtrade file: its summary; a conflict set to take the
 * imported record; Import; the records and the undo step; Undo. */
/* A cell of the added records gives its tooltip when asked (cells do not
 * set it when bound, which would ask the display where the pointer is). */
static void
check_cell_tooltip (LodeImportDialog *dialog,
                    const char       *text,
                    const char       *tooltip)
{
  GtkWidget *added = lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "added_view");
  g_autoptr(GtkTooltip) query = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkWidget *cell;
  gboolean shown = FALSE;

  lode_test_settle ();
  cell = lode_test_find_widget (added, GTK_TYPE_INSCRIPTION, text);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  g_signal_emit_by_name (cell, "query-tooltip", 0, 0, FALSE, query, &shown);
  g_assert_true (shown);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (cell), "lode-cell-tooltip"), ==, tooltip);
}

static void
test_import_comtrade (void)
{
  g_autoptr(LodePortfolio) portfolio = portfolio_with_conflict ();
  g_autoptr(GFile) file = fixture ("comtrade-small.csv");
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeWindow *window = lode_test_window_new (portfolio);
  guint n_before = lode_export_table_get_n_rows (exports);
  LodeMoney total_before = lode_export_table_get_total (exports);
  g_autofree char *label = NULL;
  LodeImportDialog *dialog;
  LodeImportPlan *plan;
  GtkListView *conflicts;
  GtkWidget *drop_down;
  GtkWidget *import_button;
  LodeExportRow row;

  dialog = import_file (window, file);
  g_assert_cmpstr (visible_page (dialog), ==, "plan");
  g_assert_cmpstr (label_text (dialog, "summary_label"), ==,
                   "3 export records will be added, 4 rows skipped, 1 conflict");
  g_assert_cmpstr (label_text (dialog, "total_label"), ==, "Worth $140,116,789.75 in all");
  plan = lode_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (plan)), ==, COMTRADE_ADDED);
  g_assert_cmpuint (lode_import_plan_get_n_skipped (plan), ==, COMTRADE_SKIPPED);
  g_assert_cmpuint (lode_import_plan_get_n_conflicts (plan), ==, 1);
  /* Nothing changed yet. */
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_before);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  check_cell_tooltip (dialog, "China", "CN");

  /* The conflict, resolved in its row as a user would. */
  adw_view_stack_set_visible_child_name (lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "view_stack"),
                                         "conflicts");
  lode_test_settle ();
  conflicts = lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "conflicts_view");
  drop_down = lode_test_find_widget (GTK_WIDGET (conflicts), GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (drop_down);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, LODE_IMPORT_KEEP_EXISTING);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), LODE_IMPORT_TAKE_IMPORTED);
  g_assert_cmpint (lode_import_plan_get_resolution (plan, 0), ==, LODE_IMPORT_TAKE_IMPORTED);
  /* The control for all of them follows. */
  g_assert_cmpuint (gtk_drop_down_get_selected (lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG,
                                                                          "resolve_all")),
                    ==, LODE_IMPORT_TAKE_IMPORTED + 1);

  label = g_strdup (lode_import_plan_get_label (plan));
  import_button = lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "import_button");
  g_assert_true (gtk_widget_is_sensitive (import_button));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (import_button);
  g_assert_true (lode_test_poll (lode_test_is_null, &dialog, 30));

  /* Two records added, the one to China replaced: one undo step. */
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_before + COMTRADE_ADDED - 1);
  g_assert_cmpuint (count_copper_china (portfolio), ==, 1);
  lode_export_table_get_row (exports, find_copper_china (portfolio), &row);
  g_assert_cmpint (row.value, ==, COPPER_CHINA_CENTS);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, total_before - EXISTING_CENTS + COMTRADE_CENTS);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, label);
  g_assert_true (g_str_has_prefix (label, "Import "));
  g_assert_nonnull (strstr (label, "comtrade-small.csv"));
  g_assert_true (lode_portfolio_get_modified (portfolio));

  /* Undo, from the window, as Ctrl+Z does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_before);
  lode_export_table_get_row (exports, find_copper_china (portfolio), &row);
  g_assert_cmpint (row.value, ==, EXISTING_CENTS);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, total_before);
  g_assert_false (lode_portfolio_get_modified (portfolio));

  lode_test_destroy_window (window);
}

/* Importing the same file twice adds nothing the second time. */
static void
test_import_twice (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(GFile) file = fixture ("comtrade-small.csv");
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  LodeWindow *window = lode_test_window_new (portfolio);
  guint n_before = lode_export_table_get_n_rows (exports);
  LodeImportDialog *dialog;
  GtkWidget *import_button;

  dialog = import_file (window, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "import_button"));
  g_assert_true (lode_test_poll (lode_test_is_null, &dialog, 30));
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_before + COMTRADE_ADDED);

  dialog = import_file (window, file);
  import_button = lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "import_button");
  g_assert_true (lode_import_plan_is_empty (lode_import_dialog_get_plan (dialog)));
  g_assert_false (gtk_widget_is_sensitive (import_button));
  close_dialog (dialog);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_before + COMTRADE_ADDED);

  lode_test_destroy_window (window);
}

/* The USGS world data: no export records, but reserve estimates and mine
 * production, which the preview lists before Import adds them. */
static void
test_import_usgs (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "usgs",
                                                 "MCS2024_World_Data.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *production = G_LIST_MODEL (lode_portfolio_get_production (portfolio));
  LodeWindow *window = lode_test_window_new (portfolio);
  guint n_before = g_list_model_get_n_items (production);
  LodeImportDialog *dialog;
  const char *notes;

  dialog = import_file (window, file);
  g_assert_cmpstr (visible_page (dialog), ==, "plan");
  notes = label_text (dialog, "notes_label");
  g_test_message ("notes: %s", notes);
  g_assert_nonnull (strstr (notes, "The reserve estimate of Copper: "));
  g_assert_nonnull (strstr (notes, "The production of Copper: 16 kt (2023)"));
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "import_button"));
  g_assert_true (lode_test_poll (lode_test_is_null, &dialog, 30));
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before + 12);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before);
  g_assert_false (lode_portfolio_get_modified (portfolio));

  lode_test_destroy_window (window);
}

/* A file that is not text: the error says where, and nothing changes. */
static void
test_import_hostile (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(GFile) file = fixture ("hostile-nul.csv");
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  LodeWindow *window = lode_test_window_new (portfolio);
  guint n_before = lode_export_table_get_n_rows (exports);
  LodeImportDialog *dialog;
  const char *message;

  dialog = import_file (window, file);
  g_assert_cmpstr (visible_page (dialog), ==, "error");
  g_assert_null (lode_import_dialog_get_plan (dialog));
  message = label_text (dialog, "error_label");
  g_test_message ("error: %s", message);
  g_assert_true (g_str_has_prefix (message, "Line 2, column "));
  g_assert_false (gtk_widget_is_sensitive (lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG,
                                                                     "import_button")));
  close_dialog (dialog);

  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_before);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_false (lode_history_get_can_undo (lode_portfolio_get_history (portfolio)));

  lode_test_destroy_window (window);
}

/* Cancel, while the file is read and once the preview shows, changes
 * nothing. */
static void
test_import_cancel (void)
{
  g_autoptr(LodePortfolio) portfolio = portfolio_with_conflict ();
  g_autoptr(GFile) file = fixture ("comtrade-small.csv");
  g_autofree char *uri = g_file_get_uri (file);
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  LodeWindow *window = lode_test_window_new (portfolio);
  guint n_before = lode_export_table_get_n_rows (exports);
  LodeImportDialog *dialog;

  /* At once, before the worker is done. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", uri));
  dialog = lode_test_find_toplevel (LODE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (lode_import_dialog_get_busy (dialog));
  close_dialog (dialog);
  /* Let the worker finish; its plan goes nowhere. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (10000);
      lode_test_settle ();
    }
  g_assert_null (lode_test_find_toplevel (LODE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)));

  /* From the preview, with the Cancel button. */
  dialog = import_file (window, file);
  g_assert_cmpstr (visible_page (dialog), ==, "plan");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "cancel_button"));
  g_assert_true (lode_test_poll (lode_test_is_null, &dialog, 30));

  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_before);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_false (lode_history_get_can_undo (lode_portfolio_get_history (portfolio)));

  lode_test_destroy_window (window);
}

static gsize
n_remembered_mappings (void)
{
  g_autoptr(GVariant) mappings = g_settings_get_value (lode_settings_get (), "import-mappings");

  return g_variant_n_children (mappings);
}

static AdwComboRow *
mapping_row (LodeImportDialog *dialog,
             const char       *title)
{
  GtkWidget *group = lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG, "mapping_group");
  GtkWidget *row = lode_test_find_widget (group, ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

/* A CSV of no known layout: the columns are guessed from the header and
 * shown; a column chosen is remembered for the next file of that header. */
static void
test_import_mapping (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(GFile) file = fixture ("mapped.csv");
  LodeWindow *window = lode_test_window_new (portfolio);
  LodeImportDialog *dialog;
  LodeImportPlan *plan;
  LodeExportRow row;

  g_settings_reset (lode_settings_get (), "import-mappings");

  dialog = import_file (window, file);
  g_assert_cmpstr (visible_page (dialog), ==, "plan");
  plan = lode_import_dialog_get_plan (dialog);
  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_MAPPED);
  g_assert_true (gtk_widget_get_visible (lode_test_template_child (dialog, LODE_TYPE_IMPORT_DIALOG,
                                                                   "mapping_group")));
  /* "Year,Partner,HS,Value USD": guessed. */
  g_assert_cmpuint (adw_combo_row_get_selected (mapping_row (dialog, "Year")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (mapping_row (dialog, "Partner (destination)")), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (mapping_row (dialog, "Commodity Code (HS)")), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (mapping_row (dialog, "Value (US dollars)")), ==, 4);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (plan)), ==, 2);
  lode_export_table_get_row (lode_import_plan_get_exports (plan), 0, &row);
  g_assert_cmpstr (row.destination, ==, "CN");
  g_assert_cmpint (row.value, ==, 100050);
  g_assert_cmpuint (n_remembered_mappings (), ==, 0);

  /* The partner is not to be read: the plan is made again without it. */
  adw_combo_row_set_selected (mapping_row (dialog, "Partner (destination)"), 0);
  g_assert_true (lode_test_poll (has_import_dialog, window, 30));
  plan = lode_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  lode_export_table_get_row (lode_import_plan_get_exports (plan), 0, &row);
  g_assert_null (row.destination);
  g_assert_cmpuint (n_remembered_mappings (), ==, 1);
  close_dialog (dialog);

  /* The next file with that header is read as chosen. */
  dialog = import_file (window, file);
  plan = lode_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (adw_combo_row_get_selected (mapping_row (dialog, "Partner (destination)")), ==, 0);
  lode_export_table_get_row (lode_import_plan_get_exports (plan), 0, &row);
  g_assert_null (row.destination);
  close_dialog (dialog);

  lode_test_destroy_window (window);
}

static char *
get_country (LodePortfolio *portfolio)
{
  char *country = NULL;

  g_object_get (portfolio, "country", &country, NULL);
  return country;
}

/* The portfolio's country, set from the window as one undo step. */
static void
test_country (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (portfolio);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  g_autofree char *before = get_country (portfolio);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  const char *other = g_strcmp0 (before, "AF") == 0 ? "BD" : "AF";

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-country", "s", other));
  after = get_country (portfolio);
  g_assert_cmpstr (after, ==, other);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Change the Portfolio's Country");

  /* Not a country: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-country", "s", "not a code"));
  g_assert_true (lode_history_get_can_undo (history));
  lode_history_undo (history);
  undone = get_country (portfolio);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (lode_history_get_can_undo (history));

  lode_test_destroy_window (window);
}

/* Files dropped on the window: a CSV imports; a portfolio asks whether to
 * open it or merge it, and Cancel does neither. */
static void
test_drop (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(GFile) csv = fixture ("comtrade-small.csv");
  g_autofree char *json_path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  LodeWindow *window = lode_test_window_new (portfolio);
  LodeImportDialog *dialog;
  AdwMessageDialog *question;

  g_assert_true (lode_window_import_dropped (window, csv));
  g_assert_true (lode_test_poll (has_import_dialog, window, 30));
  dialog = lode_test_find_toplevel (LODE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (lode_import_dialog_get_plan (dialog));
  close_dialog (dialog);

  g_assert_true (lode_window_import_dropped (window, json));
  question = lode_test_wait_for_dialog (window);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (question), "Open or Merge"));
  g_assert_true (adw_message_dialog_has_response (question, "merge"));
  g_assert_true (adw_message_dialog_has_response (question, "open"));
  lode_test_respond (question, "cancel");
  lode_test_settle ();
  g_assert_true (lode_window_get_portfolio (window) == portfolio);
  g_assert_null (lode_test_find_toplevel (LODE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)));

  /* Open: the dropped portfolio takes the place of this one. */
  g_assert_true (lode_window_import_dropped (window, json));
  lode_test_respond (lode_test_wait_for_dialog (window), "open");
  g_assert_true (lode_test_poll (lode_test_is_idle, window, 30));
  g_assert_true (lode_window_get_portfolio (window) != portfolio);

  lode_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  application = lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/import-ui/comtrade", test_import_comtrade);
  g_test_add_func ("/lode/import-ui/twice", test_import_twice);
  g_test_add_func ("/lode/import-ui/usgs", test_import_usgs);
  g_test_add_func ("/lode/import-ui/hostile", test_import_hostile);
  g_test_add_func ("/lode/import-ui/cancel", test_import_cancel);
  g_test_add_func ("/lode/import-ui/mapping", test_import_mapping);
  g_test_add_func ("/lode/import-ui/country", test_country);
  g_test_add_func ("/lode/import-ui/drop", test_drop);

  return lode_test_run ();
}
