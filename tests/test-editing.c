/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-application.h"
#include "lode-export-editor.h"
#include "lode-export-index.h"
#include "lode-exports-page.h"
#include "lode-mineral-editor.h"
#include "lode-minerals-page.h"
#include "lode-portfolio-io.h"
#include "lode-project-editor.h"
#include "lode-projects-page.h"
#include "lode-source-editor.h"
#include "lode-sources-page.h"
#include "lode-target-editor.h"
#include "lode-targets-page.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* Editing through the pages and their editors, on a real display (Xvfb). */

static LodeApplication *application;

static gboolean
has_editor (gpointer data)
{
  return lode_test_find_toplevel (GPOINTER_TO_SIZE (data), NULL) != NULL;
}

static gboolean
has_no_editor (gpointer data)
{
  return lode_test_find_toplevel (GPOINTER_TO_SIZE (data), NULL) == NULL;
}

static LodeWindow *
window_new_empty (LodeMineralsPage **page)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Editing");
  LodeWindow *window = lode_test_window_new (portfolio);
  AdwViewStack *stack;

  stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  adw_view_stack_set_visible_child_name (stack, "minerals");
  lode_test_settle ();

  *page = lode_test_template_child (window, LODE_TYPE_WINDOW, "minerals_page");
  return window;
}

/* Opens the mineral editor with @action, types @name and confirms. */
static void
mineral_editor_enter (LodeMineralsPage *page,
                      const char       *action,
                      const char       *name,
                      const char       *confirm_label)
{
  GtkWidget *editor;
  GtkWidget *name_row;
  GtkWidget *confirm;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  g_assert_true (lode_test_wait_for (has_editor, GSIZE_TO_POINTER (LODE_TYPE_MINERAL_EDITOR)));
  editor = lode_test_find_toplevel (LODE_TYPE_MINERAL_EDITOR, NULL);

  name_row = lode_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "Name");
  confirm = lode_test_find_widget (editor, GTK_TYPE_BUTTON, confirm_label);
  g_assert_nonnull (name_row);
  g_assert_nonnull (confirm);

  /* An empty name cannot be confirmed, and the row says so. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  lode_test_settle ();
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (confirm));

  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  lode_test_settle ();
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_true (gtk_widget_is_sensitive (confirm));

  g_signal_emit_by_name (confirm, "clicked");
  g_assert_true (lode_test_wait_for (has_no_editor, GSIZE_TO_POINTER (LODE_TYPE_MINERAL_EDITOR)));
}

static LodeMineral *
mineral_at (LodePortfolio *portfolio,
            guint          position)
{
  g_autoptr(LodeMineral) mineral = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)),
                                                          position);

  return mineral;  /* the store keeps it */
}

static void
select_first (LodeMineralsPage *page)
{
  GtkSingleSelection *selection = lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "selection");

  gtk_single_selection_set_selected (selection, 0);
  lode_test_settle ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_minerals (void)
{
  LodeMineralsPage *page = NULL;
  LodeWindow *window = window_new_empty (&page);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  GtkColumnView *view = lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "column_view");
  LodeExportRow row = { .mineral = "copper", .year = 2025, .month = 3, .destination = "CN",
                        .stage = LODE_STAGE_REFINED, .quantity = LODE_QUANTITY_UNSET,
                        .value = 114000000025 };
  AdwMessageDialog *dialog;

  /* Add */
  mineral_editor_enter (page, "minerals.add", "Copper", "Add");
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 1);
  g_assert_cmpstr (lode_mineral_get_id (mineral_at (portfolio, 0)), ==, "copper");
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Copper");
  g_assert_true (lode_portfolio_get_modified (portfolio));

  /* The same name twice is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.add", NULL));
  g_assert_true (lode_test_wait_for (has_editor, GSIZE_TO_POINTER (LODE_TYPE_MINERAL_EDITOR)));
  {
    GtkWidget *editor = lode_test_find_toplevel (LODE_TYPE_MINERAL_EDITOR, NULL);
    GtkWidget *name_row = lode_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "Name");

    gtk_editable_set_text (GTK_EDITABLE (name_row), "copper");
    lode_test_settle ();
    g_assert_true (gtk_widget_has_css_class (name_row, "error"));
    g_assert_false (gtk_widget_is_sensitive (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add")));
    gtk_window_close (GTK_WINDOW (editor));
    g_assert_true (lode_test_wait_for (has_no_editor, GSIZE_TO_POINTER (LODE_TYPE_MINERAL_EDITOR)));
  }

  /* Edit */
  select_first (page);
  mineral_editor_enter (page, "minerals.edit", "Copper ore", "Save");
  g_assert_cmpstr (lode_mineral_get_name (mineral_at (portfolio, 0)), ==, "Copper ore");
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Copper");

  /* Duplicate */
  select_first (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.duplicate", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 2);
  g_assert_cmpstr (lode_mineral_get_name (mineral_at (portfolio, 1)), ==, "Copper ore (copy)");
  g_assert_cmpstr (lode_mineral_get_id (mineral_at (portfolio, 1)), ==, "copper-ore-copy");

  /* Undo and redo */
  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 1);
  lode_history_undo (history);
  g_assert_cmpstr (lode_mineral_get_name (mineral_at (portfolio, 0)), ==, "Copper");
  lode_history_redo (history);
  g_assert_cmpstr (lode_mineral_get_name (mineral_at (portfolio, 0)), ==, "Copper ore");
  lode_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 1);

  /* Deleting a mineral that records use asks; Cancel keeps everything. */
  lode_history_insert_export (history, "Add Export Record", 0, &row);
  row.year = 2024;
  lode_history_insert_export (history, "Add Export Record", 1, &row);
  select_first (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.delete", NULL));
  g_assert_true (lode_test_wait_for (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 1);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 2);

  /* Deleting with the records is one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.delete", NULL));
  g_assert_true (lode_test_wait_for (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 0);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 0);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Delete Copper ore");
  lode_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "stack")),
                   ==, "empty");

  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 1);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 2);

  /* A mineral without records goes at once, with a toast. */
  mineral_editor_enter (page, "minerals.add", "Gold", "Add");
  {
    GtkSingleSelection *selection = lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "selection");

    gtk_single_selection_set_selected (selection, 1);
    lode_test_settle ();
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.delete", NULL));
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (minerals), ==, 1);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Delete Gold");

  gtk_window_destroy (GTK_WINDOW (window));
}


static gboolean
stack_shows_no_results (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "no-results") == 0;
}

static gboolean
stack_shows_list (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "list") == 0;
}

/* Types @text into the entry row titled @title of @editor and tells
 * whether the row is marked invalid. */
static gboolean
enter_text (GtkWidget  *editor,
            const char *title,
            const char *text)
{
  GtkWidget *row = lode_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  lode_test_settle ();

  return gtk_widget_has_css_class (row, "error");
}

static GtkWidget *
open_editor (gpointer    page,
             const char *action,
             GType       type)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  g_assert_true (lode_test_wait_for (has_editor, GSIZE_TO_POINTER (type)));

  return lode_test_find_toplevel (type, NULL);
}

static void
confirm (GtkWidget  *editor,
         const char *label,
         GType       type)
{
  GtkWidget *button = lode_test_find_widget (editor, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (lode_test_wait_for (has_no_editor, GSIZE_TO_POINTER (type)));
}

static void
test_exports (void)
{
  LodeMineralsPage *minerals_page = NULL;
  LodeWindow *window = window_new_empty (&minerals_page);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  GtkStack *stack = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "stack");
  GtkEditable *search = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "search_entry");
  GtkLabel *totals = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "totals_label");
  GtkWidget *editor;
  LodeExportRow row;

  mineral_editor_enter (minerals_page, "minerals.add", "Copper", "Add");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  editor = open_editor (page, "exports.add", LODE_TYPE_EXPORT_EDITOR);
  g_assert_false (gtk_widget_is_sensitive (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add")));
  g_assert_true (enter_text (editor, "Value (US$)", "a lot"));
  g_assert_true (enter_text (editor, "Value (US$)", "-5"));
  g_assert_true (enter_text (editor, "Value (US$)", "1.005"));
  g_assert_false (gtk_widget_is_sensitive (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add")));
  g_assert_false (enter_text (editor, "Value (US$)", "1,140,000,000.25"));
  /* A quantity needs its unit. */
  g_assert_false (enter_text (editor, "Quantity", "1200.5"));
  g_assert_true (gtk_widget_has_css_class (lode_test_find_widget (editor, ADW_TYPE_COMBO_ROW, "Unit"), "error"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (lode_test_find_widget (editor, ADW_TYPE_COMBO_ROW, "Unit")), LODE_UNIT_T);
  lode_test_settle ();
  confirm (editor, "Add", LODE_TYPE_EXPORT_EDITOR);

  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 1);
  lode_export_table_get_row (table, 0, &row);
  g_assert_cmpstr (row.mineral, ==, "copper");
  g_assert_cmpint (row.value, ==, 114000000025);
  g_assert_cmpfloat (row.quantity, ==, 1200.5);
  g_assert_cmpint (row.unit, ==, LODE_UNIT_T);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Export Record");
  lode_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_true (strstr (gtk_label_get_label (totals), "1 record") != NULL);
  g_assert_true (strstr (gtk_label_get_label (totals), "200.5 t") != NULL);

  /* Edit, then duplicate and delete through the page. */
  gtk_single_selection_set_selected (lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "selection"), 0);
  editor = open_editor (page, "exports.edit", LODE_TYPE_EXPORT_EDITOR);
  g_assert_false (enter_text (editor, "Value (US$)", "11000000"));
  confirm (editor, "Save", LODE_TYPE_EXPORT_EDITOR);
  lode_export_table_get_row (table, 0, &row);
  g_assert_cmpint (row.value, ==, 1100000000);

  /* The edited record stays selected. */
  g_assert_cmpuint (gtk_single_selection_get_selected (lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "selection")),
                    ==, 0);
  g_assert_true (gtk_widget_activate_action (page, "exports.duplicate", NULL));
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 2);
  gtk_single_selection_set_selected (lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "selection"), 1);
  g_assert_true (gtk_widget_activate_action (page, "exports.delete", NULL));
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 1);
  lode_history_undo (history);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 2);

  /* A search that matches nothing says so; the totals follow the search. */
  gtk_editable_set_text (search, "no such mineral");
  g_assert_true (lode_test_wait_for (stack_shows_no_results, stack));
  gtk_editable_set_text (search, "copp");
  g_assert_true (lode_test_wait_for (stack_shows_list, stack));
  g_assert_true (strstr (gtk_label_get_label (totals), "2 records") != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sources_projects_targets (void)
{
  LodeMineralsPage *minerals_page = NULL;
  LodeWindow *window = window_new_empty (&minerals_page);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  gpointer sources_page = adw_view_stack_get_child_by_name (lode_test_template_child (window, LODE_TYPE_WINDOW, "stack"),
                                                            "sources");
  gpointer projects_page = lode_test_template_child (window, LODE_TYPE_WINDOW, "projects_page");
  gpointer targets_page = lode_test_template_child (window, LODE_TYPE_WINDOW, "targets_page");
  g_autoptr(LodeSource) source = NULL;
  g_autoptr(LodeProject) project = NULL;
  g_autoptr(LodeTarget) target = NULL;
  GtkWidget *editor;

  editor = open_editor (sources_page, "sources.add", LODE_TYPE_SOURCE_EDITOR);
  g_assert_true (enter_text (editor, "Title", ""));
  g_assert_false (enter_text (editor, "Title", "China customs, 2025"));
  g_assert_true (enter_text (editor, "Date (YYYY-MM-DD)", "2025-13-01"));
  g_assert_false (gtk_widget_is_sensitive (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add")));
  g_assert_false (enter_text (editor, "Date (YYYY-MM-DD)", "2025-12"));
  g_assert_true (enter_text (editor, "Address (URL)", "example.org"));
  g_assert_false (enter_text (editor, "Address (URL)", "https://example.org/gacc"));
  confirm (editor, "Add", LODE_TYPE_SOURCE_EDITOR);
  source = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_sources (portfolio)), 0);
  g_assert_cmpstr (lode_source_get_id (source), ==, "china-customs-2025");
  g_assert_cmpstr (lode_source_get_date (source), ==, "2025-12");
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add China customs, 2025");

  editor = open_editor (projects_page, "projects.add", LODE_TYPE_PROJECT_EDITOR);
  g_assert_false (enter_text (editor, "Name", "Saindak"));
  g_assert_true (enter_text (editor, "Investment Committed (US$)", "lots"));
  g_assert_false (enter_text (editor, "Investment Committed (US$)", "350000000"));
  g_assert_true (enter_text (editor, "Jobs", "many"));
  g_assert_false (enter_text (editor, "Jobs", "5200"));
  confirm (editor, "Add", LODE_TYPE_PROJECT_EDITOR);
  project = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)), 0);
  g_assert_cmpint (lode_project_get_committed (project), ==, G_GINT64_CONSTANT (35000000000));
  g_assert_cmpint (lode_project_get_disbursed (project), ==, LODE_MONEY_UNSET);
  g_assert_cmpint (lode_project_get_jobs (project), ==, 5200);

  gtk_single_selection_set_selected (lode_test_template_child (projects_page, LODE_TYPE_PROJECTS_PAGE, "selection"), 0);
  editor = open_editor (projects_page, "projects.edit", LODE_TYPE_PROJECT_EDITOR);
  g_assert_false (enter_text (editor, "Investment Disbursed (US$)", "200000000"));
  confirm (editor, "Save", LODE_TYPE_PROJECT_EDITOR);
  g_assert_cmpint (lode_project_get_disbursed (project), ==, G_GINT64_CONSTANT (20000000000));
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Saindak");
  lode_history_undo (history);
  g_assert_cmpint (lode_project_get_disbursed (project), ==, LODE_MONEY_UNSET);

  editor = open_editor (targets_page, "targets.add", LODE_TYPE_TARGET_EDITOR);
  g_assert_false (enter_text (editor, "Title", "Mineral exports"));
  g_assert_false (enter_text (editor, "Baseline Value (US$)", "2000000000"));
  g_assert_false (enter_text (editor, "Target, Low (US$)", "6000000000"));
  g_assert_true (enter_text (editor, "Target, High (US$, optional)", "5000000000"));
  g_assert_false (gtk_widget_is_sensitive (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add")));
  g_assert_false (enter_text (editor, "Target, High (US$, optional)", "8000000000"));
  confirm (editor, "Add", LODE_TYPE_TARGET_EDITOR);
  target = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_targets (portfolio)), 0);
  g_assert_cmpint (lode_target_get_target_low (target), ==, G_GINT64_CONSTANT (600000000000));
  g_assert_cmpint (lode_target_get_target_high (target), ==, G_GINT64_CONSTANT (800000000000));
  g_assert_cmpint (lode_target_get_metric_kind (target), ==, LODE_METRIC_KIND_EXPORTS);

  /* Deleting each goes through the history. */
  gtk_single_selection_set_selected (lode_test_template_child (targets_page, LODE_TYPE_TARGETS_PAGE, "selection"), 0);
  g_assert_true (gtk_widget_activate_action (targets_page, "targets.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_targets (portfolio))), ==, 0);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Delete Mineral exports");
  /* A source that a project cites stays. */
  lode_project_set_source (project, "china-customs-2025");
  gtk_single_selection_set_selected (lode_test_template_child (sources_page, LODE_TYPE_SOURCES_PAGE, "selection"), 0);
  g_assert_true (gtk_widget_activate_action (sources_page, "sources.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (portfolio))), ==, 1);
  g_assert_true (gtk_widget_activate_action (sources_page, "sources.duplicate", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (portfolio))), ==, 2);
  lode_history_undo (history);
  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_targets (portfolio))), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Projects and targets are copied by the list page through their editors'
 * make_id() and copy(): the copy has an id of its own and "(copy)" in its
 * name, one step of the history. */
static void
test_duplicate_projects_targets (void)
{
  LodeMineralsPage *minerals_page = NULL;
  LodeWindow *window = window_new_empty (&minerals_page);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListModel *projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  GListModel *targets = G_LIST_MODEL (lode_portfolio_get_targets (portfolio));
  gpointer projects_page = lode_test_template_child (window, LODE_TYPE_WINDOW, "projects_page");
  gpointer targets_page = lode_test_template_child (window, LODE_TYPE_WINDOW, "targets_page");
  g_autoptr(LodeProject) project = lode_project_new ("saindak", "Saindak");
  g_autoptr(LodeTarget) target = lode_target_new ("mineral-exports", "Mineral exports");
  g_autoptr(LodeProject) project_copy = NULL;
  g_autoptr(LodeTarget) target_copy = NULL;

  lode_project_set_region (project, "Balochistan");
  g_list_store_append (lode_portfolio_get_projects (portfolio), project);
  g_list_store_append (lode_portfolio_get_targets (portfolio), target);
  lode_test_settle ();

  gtk_single_selection_set_selected (lode_test_template_child (projects_page, LODE_TYPE_PROJECTS_PAGE, "selection"), 0);
  g_assert_true (gtk_widget_activate_action (projects_page, "projects.duplicate", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  project_copy = g_list_model_get_item (projects, 1);
  g_assert_cmpstr (lode_project_get_name (project_copy), ==, "Saindak (copy)");
  g_assert_cmpstr (lode_project_get_id (project_copy), !=, "saindak");
  g_assert_cmpstr (lode_project_get_region (project_copy), ==, "Balochistan");
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Duplicate Saindak");

  gtk_single_selection_set_selected (lode_test_template_child (targets_page, LODE_TYPE_TARGETS_PAGE, "selection"), 0);
  g_assert_true (gtk_widget_activate_action (targets_page, "targets.duplicate", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 2);
  target_copy = g_list_model_get_item (targets, 1);
  g_assert_cmpstr (lode_target_get_title (target_copy), ==, "Mineral exports (copy)");
  g_assert_cmpstr (lode_target_get_id (target_copy), !=, "mineral-exports");
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Duplicate Mineral exports");

  lode_history_undo (history);
  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reserves (void)
{
  LodeMineralsPage *page = NULL;
  LodeWindow *window = window_new_empty (&page);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeMineral *mineral;
  GListModel *reserves;
  g_autoptr(LodeReserve) reserve = NULL;
  GtkWidget *editor;

  mineral_editor_enter (page, "minerals.add", "Copper", "Add");
  mineral = mineral_at (portfolio, 0);
  reserves = lode_mineral_get_reserves (mineral);

  select_first (page);
  editor = open_editor (page, "minerals.edit", LODE_TYPE_MINERAL_EDITOR);
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-reserve", NULL));
  lode_test_settle ();
  /* A new estimate needs its quantity. */
  g_assert_false (gtk_widget_is_sensitive (lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Save")));
  g_assert_true (enter_text (editor, "Quantity", "-1"));
  g_assert_false (enter_text (editor, "Quantity", "5.9"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (lode_test_find_widget (editor, ADW_TYPE_COMBO_ROW, "Unit")), LODE_UNIT_MT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lode_test_find_widget (editor, ADW_TYPE_COMBO_ROW, "Category")),
                              LODE_RESERVE_CATEGORY_INDICATED);
  g_assert_true (enter_text (editor, "Value (US$, optional)", "12.345"));
  g_assert_false (enter_text (editor, "Value (US$, optional)", "120000000000"));
  confirm (editor, "Save", LODE_TYPE_MINERAL_EDITOR);

  g_assert_cmpuint (g_list_model_get_n_items (reserves), ==, 1);
  reserve = g_list_model_get_item (reserves, 0);
  g_assert_cmpfloat (lode_reserve_get_quantity (reserve), ==, 5.9);
  g_assert_cmpint (lode_reserve_get_unit (reserve), ==, LODE_UNIT_MT);
  g_assert_cmpint (lode_reserve_get_category (reserve), ==, LODE_RESERVE_CATEGORY_INDICATED);
  g_assert_cmpint (lode_reserve_get_value (reserve), ==, G_GINT64_CONSTANT (12000000000000));
  g_assert_cmpint (lode_mineral_get_reserve_value (mineral), ==, G_GINT64_CONSTANT (12000000000000));
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Copper");

  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (reserves), ==, 0);
  lode_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (reserves), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deleting a mineral of the sample leaves a file that loads, and undo
 * gives back the same document. */
static void
test_delete_used_mineral (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_window_new (GTK_APPLICATION (application));
  LodeHistory *history = lode_portfolio_get_history (sample);
  g_autoptr(GBytes) before = lode_portfolio_to_bytes (sample);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(LodePortfolio) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  LodeMineralsPage *page;
  GtkSingleSelection *selection;
  AdwMessageDialog *dialog;
  guint position = 0;

  lode_window_set_portfolio (window, sample);
  lode_test_present (window);
  page = lode_test_template_child (window, LODE_TYPE_WINDOW, "minerals_page");
  selection = lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "selection");

  g_assert_true (g_list_store_find (lode_portfolio_get_minerals (sample),
                                    lode_portfolio_find_mineral (sample, "copper"), &position));
  gtk_single_selection_set_selected (selection, position);
  lode_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.delete", NULL));
  g_assert_true (lode_test_wait_for (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_null (lode_portfolio_find_mineral (sample, "copper"));
  after = lode_portfolio_to_bytes (sample);
  g_assert_null (strstr (g_bytes_get_data (after, NULL), "\"copper\""));
  reloaded = lode_portfolio_load_data (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                       "after-delete.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);

  lode_history_undo (history);
  undone = lode_portfolio_to_bytes (sample);
  g_assert_cmpstr (g_bytes_get_data (undone, NULL), ==, g_bytes_get_data (before, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Exports page over a million records: sorting by a column and
 * searching go through the index; the figures go to the TAP output. */
static gboolean
index_is_idle (gpointer data)
{
  return !lode_export_index_get_busy (data);
}

static void
test_million_exports (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Million");
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeWindow *window = lode_window_new (GTK_APPLICATION (application));
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  static const char * const minerals[] = { "copper", "iron-ore", "chromite", "coal" };
  gpointer page;
  GtkColumnView *view;
  LodeExportIndex *index;
  GListModel *model;
  GtkEditable *search;
  g_autoptr(LodeExportRecord) first = NULL;
  g_autoptr(LodeExportRecord) last = NULL;
  gint64 start;
  guint n_items;

  for (guint i = 0; i < G_N_ELEMENTS (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = lode_mineral_new (minerals[i], minerals[i], LODE_MINERAL_GROUP_OTHER);

      g_list_store_append (lode_portfolio_get_minerals (portfolio), mineral);
    }

  lode_export_table_reserve (table, 1000000);
  for (guint i = 0; i < 1000000; i++)
    {
      LodeExportRow row = {
        .mineral = minerals[g_rand_int_range (rand, 0, G_N_ELEMENTS (minerals))],
        .year = g_rand_int_range (rand, 2005, 2025),
        .month = g_rand_int_range (rand, 1, 13),
        .destination = (i % 2) ? "CN" : "AE",
        .quantity = LODE_QUANTITY_UNSET,
        .value = g_rand_int_range (rand, 0, 1000000000),
      };

      lode_export_table_append_silent (table, &row);
    }
  lode_export_table_announce (table, 0, 0, 1000000);

  lode_window_set_portfolio (window, portfolio);
  lode_test_present (window);
  adw_view_stack_set_visible_child_name (lode_test_template_child (window, LODE_TYPE_WINDOW, "stack"), "exports");
  lode_test_settle ();

  page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  view = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "column_view");
  search = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "search_entry");
  index = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "index");
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  /* A million records are sorted and filtered in a worker. */
  g_assert_true (lode_test_poll (index_is_idle, index, 300));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000000);

  start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (view, lode_test_column_with_title (view, "Value"), GTK_SORT_DESCENDING);
  g_assert_true (lode_export_index_get_busy (index));
  g_assert_true (lode_test_poll (index_is_idle, index, 300));
  g_test_message ("1M records in the window: sorted by value in %.3f s",
                  (g_get_monotonic_time () - start) / 1e6);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, 999999);
  g_assert_cmpint (lode_export_record_get_row (first)->value, >=, lode_export_record_get_row (last)->value);
  lode_test_settle ();

  start = g_get_monotonic_time ();
  gtk_editable_set_text (search, "chromite");
  /* The search entry waits a moment before it searches. */
  while (g_list_model_get_n_items (model) == 1000000 || lode_export_index_get_busy (index))
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("1M records in the window: search applied in %.3f s (including the entry's delay)",
                  (g_get_monotonic_time () - start) / 1e6);
  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >, 200000);
  g_assert_cmpuint (n_items, <, 300000);
  for (guint i = 0; i < n_items; i += 997)
    {
      g_autoptr(LodeExportRecord) record = g_list_model_get_item (model, i);

      g_assert_cmpstr (lode_export_record_get_row (record)->mineral, ==, "chromite");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char expected_document[] =
  "{\n"
  "  \"format\": \"lode-portfolio\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Editing\",\n"
  "  \"currency\": \"USD\",\n"
  "  \"sources\": [],\n"
  "  \"minerals\": [\n"
  "    {\n"
  "      \"id\": \"copper\",\n"
  "      \"name\": \"Copper ore\",\n"
  "      \"group\": \"other\",\n"
  "      \"reserves\": []\n"
  "    }\n"
  "  ],\n"
  "  \"exports\": [\n"
  "    {\n"
  "      \"mineral\": \"copper\",\n"
  "      \"year\": 2025,\n"
  "      \"month\": 3,\n"
  "      \"destination\": \"CN\",\n"
  "      \"stage\": \"refined\",\n"
  "      \"value_usd\": 1140000000.25\n"
  "    },\n"
  "    {\n"
  "      \"mineral\": \"copper\",\n"
  "      \"year\": 2024,\n"
  "      \"month\": 3,\n"
  "      \"destination\": \"CN\",\n"
  "      \"stage\": \"refined\",\n"
  "      \"value_usd\": 1140000000.25\n"
  "    }\n"
  "  ],\n"
  "  \"projects\": [],\n"
  "  \"targets\": []\n"
  "}\n";

static void
test_saved_document (void)
{
  LodeMineralsPage *page = NULL;
  LodeWindow *window = window_new_empty (&page);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeExportRow row = { .mineral = "copper", .year = 2025, .month = 3, .destination = "CN",
                        .stage = LODE_STAGE_REFINED, .quantity = LODE_QUANTITY_UNSET,
                        .value = 114000000025 };
  g_autoptr(GBytes) bytes = NULL;

  mineral_editor_enter (page, "minerals.add", "Copper", "Add");
  mineral_editor_enter (page, "minerals.add", "Gold", "Add");
  select_first (page);
  mineral_editor_enter (page, "minerals.edit", "Copper ore", "Save");
  lode_history_insert_export (history, "Add Export Record", 0, &row);
  row.year = 2024;
  lode_history_insert_export (history, "Add Export Record", 1, &row);
  row.year = 2023;
  lode_history_insert_export (history, "Add Export Record", 2, &row);

  /* Delete the last record and the second mineral from the pages. */
  {
    gpointer exports_page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
    GtkSingleSelection *selection = lode_test_template_child (exports_page, LODE_TYPE_EXPORTS_PAGE, "selection");
    GtkSingleSelection *minerals = lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "selection");

    gtk_single_selection_set_selected (selection, 2);
    g_assert_true (gtk_widget_activate_action (exports_page, "exports.delete", NULL));
    gtk_single_selection_set_selected (minerals, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.delete", NULL));
  }

  bytes = lode_portfolio_to_bytes (portfolio);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, expected_document);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  application = lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/editing/minerals", test_minerals);
  g_test_add_func ("/lode/editing/saved-document", test_saved_document);
  g_test_add_func ("/lode/editing/exports", test_exports);
  g_test_add_func ("/lode/editing/reserves", test_reserves);
  g_test_add_func ("/lode/editing/delete-used-mineral", test_delete_used_mineral);
  g_test_add_func ("/lode/editing/million-exports", test_million_exports);
  g_test_add_func ("/lode/editing/sources-projects-targets", test_sources_projects_targets);
  g_test_add_func ("/lode/editing/duplicate-projects-targets", test_duplicate_projects_targets);

  return lode_test_run ();
}
