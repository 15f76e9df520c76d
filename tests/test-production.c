/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-chart-view.h"
#include "lode-mineral-editor.h"
#include "lode-minerals-page.h"
#include "lode-overview-page.h"
#include "lode-portfolio-io.h"
#include "lode-production-editor.h"
#include "lode-test-ui.h"

/* A mineral's production added, edited and removed through the mineral
 * editor and its production editor as a user does: the Minerals page's
 * Production column and the editor's rows follow every step, and every
 * step undoes and redoes on its own. On a real display (Xvfb). */

static gpointer
find (gpointer    widget,
      GType       type,
      const char *text)
{
  GtkWidget *found = lode_test_find_widget (widget, type, text);

  g_assert_nonnull (found);
  return found;
}

static void
set_text (GtkWidget  *editor,
          const char *title,
          const char *text)
{
  gtk_editable_set_text (find (editor, ADW_TYPE_ENTRY_ROW, title), text);
  lode_test_settle ();
}

static void
choose (GtkWidget  *editor,
        const char *title,
        const char *text)
{
  AdwComboRow *row = find (editor, ADW_TYPE_COMBO_ROW, title);
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (choice), text))
        {
          adw_combo_row_set_selected (row, i);
          lode_test_settle ();
          return;
        }
    }

  g_error ("no choice %s in %s", text, title);
}

static gboolean
can_confirm (GtkWidget *editor)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (lode_test_template_child (editor, LODE_TYPE_PRODUCTION_EDITOR,
                                                                        "confirm_button")));
}

/* Confirms @editor and waits until it has closed. */
static void
confirm (GtkWidget *editor)
{
  GtkWidget *watched = editor;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &watched);
  g_assert_true (gtk_widget_activate_action (editor, "editor.confirm", NULL));
  g_assert_true (lode_test_wait_for (lode_test_is_null, &watched));
}

static GtkWidget *
open_production_editor (GtkWidget *mineral_editor)
{
  GtkWidget *editor = lode_test_find_toplevel (LODE_TYPE_PRODUCTION_EDITOR, GTK_WINDOW (mineral_editor));

  g_assert_nonnull (editor);
  lode_test_present (editor);
  lode_test_settle ();

  return editor;
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *text;
} Shown;

static gboolean
is_shown (gpointer data)
{
  Shown *shown = data;

  return lode_test_find_widget (shown->root, shown->type, shown->text) != NULL;
}

static gboolean
is_gone (gpointer data)
{
  return !is_shown (data);
}

/* The Production column of the Minerals page says @text, or not. */
static void
assert_cell (GtkWidget  *page,
             const char *text,
             gboolean    shown)
{
  Shown wait = { page, GTK_TYPE_INSCRIPTION, text };

  g_assert_true (lode_test_poll (shown ? is_shown : is_gone, &wait, 10));
}

static void
assert_row (GtkWidget  *editor,
            const char *title,
            gboolean    shown)
{
  Shown wait = { editor, ADW_TYPE_ACTION_ROW, title };

  g_assert_true (lode_test_poll (shown ? is_shown : is_gone, &wait, 10));
}

static void
test_production (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  GtkWidget *page = lode_test_template_child (window, LODE_TYPE_WINDOW, "minerals_page");
  GtkSingleSelection *selection = lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "selection");
  GListModel *production = G_LIST_MODEL (lode_portfolio_get_production (portfolio));
  guint n_before = g_list_model_get_n_items (production);
  g_autoptr(LodeMineral) mineral = NULL;
  g_autoptr(LodeProduction) added = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *edited_text = NULL;
  GtkWidget *mineral_editor;
  GtkWidget *editor;
  GtkWidget *watched;

  adw_view_stack_set_visible_child_name (stack, "minerals");
  lode_test_settle ();

  /* The first mineral of the list, opened as a double click opens it. */
  gtk_single_selection_set_selected (selection, 0);
  mineral = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_true (gtk_widget_activate_action (page, "minerals.edit", NULL));
  lode_test_settle ();
  mineral_editor = lode_test_find_toplevel (LODE_TYPE_MINERAL_EDITOR, GTK_WINDOW (window));
  g_assert_nonnull (mineral_editor);
  lode_test_present (mineral_editor);
  lode_test_settle ();
  g_assert_true (gtk_widget_get_visible (lode_test_template_child (mineral_editor, LODE_TYPE_MINERAL_EDITOR,
                                                                   "production_group")));

  /* 1,500 kt in 2030: a year no figure of the sample reaches, so that
   * it is the one the column shows. */
  g_assert_true (gtk_widget_activate_action (mineral_editor, "editor.add-production", NULL));
  lode_test_settle ();
  editor = open_production_editor (mineral_editor);
  g_assert_false (can_confirm (editor));
  set_text (editor, "Quantity", "fifteen");
  set_text (editor, "Year", "2030");
  g_assert_false (can_confirm (editor));
  g_assert_true (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Quantity"), "error"));
  set_text (editor, "Quantity", "1500");
  choose (editor, "Unit", "kt");
  g_assert_true (can_confirm (editor));
  confirm (editor);

  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before + 1);
  added = g_list_model_get_item (production, n_before);
  g_assert_cmpstr (lode_production_get_mineral (added), ==, lode_mineral_get_id (mineral));
  g_assert_cmpint (lode_production_get_year (added), ==, 2030);
  g_assert_cmpfloat (lode_production_get_quantity (added), ==, 1500);
  g_assert_cmpint (lode_production_get_unit (added), ==, LODE_UNIT_KT);
  g_assert_null (lode_production_get_project (added));
  g_assert_true (g_str_has_prefix (lode_history_get_undo_label (history), "Add production "));
  first_text = lode_production_editor_describe (portfolio, added);
  assert_row (mineral_editor, first_text, TRUE);
  assert_cell (page, first_text, TRUE);

  /* An edit of the quantity alone: the unit stays as it was stored. */
  g_signal_emit_by_name (find (mineral_editor, GTK_TYPE_BUTTON, "Edit Production"), "clicked");
  lode_test_settle ();
  editor = open_production_editor (mineral_editor);
  g_assert_true (can_confirm (editor));
  set_text (editor, "Quantity", "2000");
  confirm (editor);
  g_assert_cmpfloat (lode_production_get_quantity (added), ==, 2000);
  g_assert_cmpint (lode_production_get_unit (added), ==, LODE_UNIT_KT);
  g_assert_true (g_str_has_prefix (lode_history_get_undo_label (history), "Edit production "));
  edited_text = lode_production_editor_describe (portfolio, added);
  g_assert_cmpstr (edited_text, !=, first_text);
  assert_row (mineral_editor, edited_text, TRUE);
  assert_cell (page, edited_text, TRUE);
  assert_cell (page, first_text, FALSE);

  /* Undo and redo the edit, then the addition. */
  lode_history_undo (history);
  g_assert_cmpfloat (lode_production_get_quantity (added), ==, 1500);
  assert_cell (page, first_text, TRUE);
  assert_row (mineral_editor, first_text, TRUE);
  lode_history_redo (history);
  g_assert_cmpfloat (lode_production_get_quantity (added), ==, 2000);
  assert_cell (page, edited_text, TRUE);

  lode_history_undo (history);
  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before);
  assert_cell (page, first_text, FALSE);
  assert_row (mineral_editor, first_text, FALSE);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  lode_history_redo (history);
  lode_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before + 1);
  assert_cell (page, edited_text, TRUE);
  assert_row (mineral_editor, edited_text, TRUE);

  /* The remove button takes the figure in one step. */
  g_signal_emit_by_name (find (mineral_editor, GTK_TYPE_BUTTON, "Remove Production"), "clicked");
  lode_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before);
  g_assert_true (g_str_has_prefix (lode_history_get_undo_label (history), "Remove production "));
  assert_cell (page, edited_text, FALSE);
  assert_row (mineral_editor, edited_text, FALSE);
  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before + 1);
  assert_cell (page, edited_text, TRUE);
  assert_row (mineral_editor, edited_text, TRUE);

  /* Cancelling the mineral editor keeps production: it was its own step. */
  watched = mineral_editor;
  g_object_add_weak_pointer (G_OBJECT (mineral_editor), (gpointer *) &watched);
  gtk_window_close (GTK_WINDOW (mineral_editor));
  g_assert_true (lode_test_wait_for (lode_test_is_null, &watched));
  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget  *overview;
  const char *caption;
} CardWait;

static gboolean
shows_card (gpointer data)
{
  CardWait *wait = data;
  GtkWidget *label = lode_test_find_widget (wait->overview, GTK_TYPE_LABEL, wait->caption);

  return label != NULL && gtk_widget_is_visible (label);
}

/* The value label of the Overview's card captioned @caption. */
static const char *
card_value (GtkWidget  *overview,
            const char *caption)
{
  CardWait wait = { overview, caption };
  GtkWidget *label;

  g_assert_true (lode_test_poll (shows_card, &wait, 30));
  label = lode_test_find_widget (overview, GTK_TYPE_LABEL, caption);

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_prev_sibling (label)));
}

/* The Overview of a portfolio with production and exports: a chart a
 * mineral that has both, and the share of copper's production exported,
 * which follows an undone figure. */
static void
test_overview (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "production-and-exports.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_load_file (file, NULL, &error);
  GListStore *production = NULL;
  LodeWindow *window;
  GtkWidget *overview;
  guint n_charts = 0;
  const char *value;

  g_assert_no_error (error);
  window = lode_test_window_new (portfolio);
  overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");

  /* Copper's exports all give a quantity: 500 t of the 1,500 t of 2026. */
  value = card_value (overview, "Copper production exported, 2026");
  g_assert_nonnull (strstr (value, "33.3"));
  g_assert_nonnull (lode_test_find_widget (overview, GTK_TYPE_LABEL, "0.5 kt of 1.5 kt produced"));

  /* Copper and chromite have production and exports; gold no exports. */
  for (guint n = 0;; n++)
    {
      GtkWidget *view = lode_test_find_nth_widget (overview, LODE_TYPE_CHART_VIEW, NULL, n);
      LodeChart *chart;

      if (view == NULL)
        break;
      chart = lode_chart_view_get_chart (LODE_CHART_VIEW (view));
      if (chart != NULL && lode_chart_get_kind (chart) == LODE_CHART_PRODUCTION_AND_EXPORTS)
        {
          g_assert_true (g_str_equal (lode_chart_get_title (chart), "Production and exports: Copper") ||
                         g_str_equal (lode_chart_get_title (chart), "Production and exports: Chromite"));
          n_charts++;
        }
    }
  g_assert_cmpuint (n_charts, ==, 2);

  /* Without the figure of 2026 the card goes back to 2024: 0.6 of 1.2 kt. */
  production = lode_portfolio_get_production (portfolio);
  lode_history_remove_item (lode_portfolio_get_history (portfolio), "Remove production", production, 2);
  value = card_value (overview, "Copper production exported, 2024");
  g_assert_nonnull (strstr (value, "50.0"));
  lode_history_undo (lode_portfolio_get_history (portfolio));
  value = card_value (overview, "Copper production exported, 2026");
  g_assert_nonnull (strstr (value, "33.3"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/production/editor", test_production);
  g_test_add_func ("/lode/production/overview", test_overview);

  return lode_test_run ();
}
