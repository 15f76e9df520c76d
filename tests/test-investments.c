/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-chart-view.h"
#include "lode-investment-editor.h"
#include "lode-investments-page.h"
#include "lode-overview-page.h"
#include "lode-projects-page.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"

/* An investor's MoU for a project, then its commitment and a first
 * disbursement, added through the Investments page and its editor as a
 * user adds them; the page's totals, the project's totals, the Overview's
 * cards and the pipeline chart follow, and each step undoes. On a real
 * display (Xvfb). */

#define INVESTOR "Karakoram Copper Holdings"

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

/* Selects the choice shown as @text in the combo row titled @title. */
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
  return gtk_widget_get_sensitive (GTK_WIDGET (lode_test_template_child (editor, LODE_TYPE_INVESTMENT_EDITOR,
                                                                         "confirm_button"))) &&
         gtk_widget_is_sensitive (GTK_WIDGET (lode_test_template_child (editor, LODE_TYPE_INVESTMENT_EDITOR,
                                                                        "confirm_button")));
}

/* Adds an investment of @project through the page's Add button and the
 * editor, as a user does. */
static void
add_through_editor (LodeWindow         *window,
                    GtkWidget          *page,
                    const char         *kind,
                    const char         *amount,
                    const char         *date,
                    const char         *project,
                    const char * const *minerals)
{
  GtkWidget *editor;
  GtkWidget *watched;

  g_assert_true (gtk_widget_activate_action (page, "investments.add", NULL));
  lode_test_settle ();
  editor = lode_test_find_toplevel (LODE_TYPE_INVESTMENT_EDITOR, GTK_WINDOW (window));
  g_assert_nonnull (editor);
  lode_test_present (editor);
  lode_test_settle ();

  /* Nothing typed yet: Add waits for an amount, a date and an investor. */
  g_assert_false (can_confirm (editor));
  choose (editor, "Kind", kind);
  set_text (editor, "Amount (US$)", amount);
  set_text (editor, "Date (YYYY-MM-DD, YYYY-MM or YYYY)", "2024-13");
  set_text (editor, "Investor", INVESTOR);
  g_assert_false (can_confirm (editor));
  g_assert_true (gtk_widget_has_css_class (find (editor, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD, YYYY-MM or YYYY)"),
                                           "error"));
  set_text (editor, "Date (YYYY-MM-DD, YYYY-MM or YYYY)", date);
  choose (editor, "Investor Country", "China");
  choose (editor, "Project", project);
  /* The minerals it is in: a check each, by the mineral's name. */
  for (guint i = 0; minerals != NULL && minerals[i] != NULL; i++)
    {
      GtkWidget *row = find (editor, ADW_TYPE_ACTION_ROW, minerals[i]);

      gtk_check_button_set_active (find (row, GTK_TYPE_CHECK_BUTTON, NULL), TRUE);
      lode_test_settle ();
    }
  g_assert_true (can_confirm (editor));

  watched = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &watched);
  g_assert_true (gtk_widget_activate_action (editor, "editor.confirm", NULL));
  g_assert_true (lode_test_wait_for (lode_test_is_null, &watched));
}

/* The Overview's chart view of @kind. */
static LodeChart *
overview_chart (LodeWindow    *window,
                LodeChartKind  kind)
{
  GtkWidget *overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");

  for (guint n = 0;; n++)
    {
      GtkWidget *view = lode_test_find_nth_widget (overview, LODE_TYPE_CHART_VIEW, NULL, n);
      LodeChart *chart;

      if (view == NULL)
        return NULL;
      chart = lode_chart_view_get_chart (LODE_CHART_VIEW (view));
      if (chart != NULL && lode_chart_get_kind (chart) == kind)
        return chart;
    }
}

typedef struct
{
  LodeWindow *window;
  LodeMoney   announced;
  LodeMoney   committed;
  LodeMoney   disbursed;
} PipelineWait;

/* The Overview aggregates a moment after a change. */
static gboolean
pipeline_is (gpointer user_data)
{
  PipelineWait *wait = user_data;
  LodeChart *chart = overview_chart (wait->window, LODE_CHART_INVESTMENT_PIPELINE);
  LodeChartData *data = chart != NULL ? lode_chart_get_data (chart) : NULL;

  return data != NULL &&
         data->pipeline[LODE_PIPELINE_ANNOUNCED] == wait->announced &&
         data->pipeline[LODE_PIPELINE_COMMITTED] == wait->committed &&
         data->pipeline[LODE_PIPELINE_DISBURSED] == wait->disbursed;
}

static void
wait_for_pipeline (LodeWindow *window,
                   LodeMoney   announced,
                   LodeMoney   committed,
                   LodeMoney   disbursed)
{
  PipelineWait wait = { window, announced, committed, disbursed };

  g_assert_true (lode_test_poll (pipeline_is, &wait, 30));
}

/* A project's investment as the Projects page shows it: from its events. */
static LodeMoney
committed_of (LodePortfolio *portfolio,
              LodeProject   *project)
{
  LodeMoney committed;

  lode_portfolio_get_project_investment (portfolio, lode_project_get_id (project), &committed, NULL);

  return committed == LODE_MONEY_UNSET ? 0 : committed;
}

static LodeMoney
disbursed_of (LodePortfolio *portfolio,
              LodeProject   *project)
{
  LodeMoney disbursed;

  lode_portfolio_get_project_investment (portfolio, lode_project_get_id (project), NULL, &disbursed);

  return disbursed == LODE_MONEY_UNSET ? 0 : disbursed;
}

#define PLATFORM_TARGET "e-mining-platform-investment"

typedef struct
{
  LodeWindow *window;
  LodeMoney   reached;
} TargetWait;

/* What the platform's target without a deadline has reached, as the
 * Overview's figures say, once they say @reached. */
static gboolean
target_reached_is (gpointer user_data)
{
  TargetWait *wait = user_data;
  LodeChart *chart = overview_chart (wait->window, LODE_CHART_INVESTMENT_PIPELINE);
  LodeChartData *data = chart != NULL ? lode_chart_get_data (chart) : NULL;

  for (guint i = 0; data != NULL && i < data->targets->len; i++)
    {
      LodeChartTarget *target = g_ptr_array_index (data->targets, i);

      if (g_str_equal (target->id, PLATFORM_TARGET))
        return target->investment && target->target_year == 0 && target->reached == wait->reached;
    }

  return FALSE;
}

static void
wait_for_target (LodeWindow *window,
                 LodeMoney   reached)
{
  TargetWait wait = { window, reached };

  g_assert_true (lode_test_poll (target_reached_is, &wait, 30));
}

/* The subtitle of the Overview's row of the platform's target. */
static const char *
target_subtitle (LodeWindow *window)
{
  GtkWidget *overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  GtkWidget *list = lode_test_template_child (overview, LODE_TYPE_OVERVIEW_PAGE, "targets_list");
  GtkWidget *row = find (list, ADW_TYPE_ACTION_ROW,
                         "Mineral investment through the Pak\u2013China E-Mining Platform: $10 B");

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static const char *
totals_text (GtkWidget *page)
{
  return gtk_label_get_label (lode_test_template_child (page, LODE_TYPE_INVESTMENTS_PAGE, "totals_label"));
}

static void
test_deal (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  GtkWidget *page = lode_test_template_child (window, LODE_TYPE_WINDOW, "investments_page");
  GtkWidget *overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  GListModel *investments = G_LIST_MODEL (lode_portfolio_get_investments (portfolio));
  g_autoptr(LodeProject) project = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)), 0);
  const char *project_name = lode_project_get_name (project);
  guint n_before = g_list_model_get_n_items (investments);
  LodeMoney committed_before = committed_of (portfolio, project);
  LodeMoney disbursed_before = disbursed_of (portfolio, project);
  GtkWidget *projects_page = lode_test_template_child (window, LODE_TYPE_WINDOW, "projects_page");
  g_autofree char *projects_totals = g_strdup (gtk_label_get_label (lode_test_template_child (projects_page,
                                                                                             LODE_TYPE_PROJECTS_PAGE,
                                                                                             "totals_label")));
  LodeChartData *data;
  LodeMoney announced0, committed0, disbursed0;
  g_autofree char *totals_before = NULL;
  g_autofree char *add_label = NULL;


  adw_view_stack_set_visible_child_name (stack, "investments");
  lode_test_settle ();
  totals_before = g_strdup (totals_text (page));
  data = lode_chart_get_data (overview_chart (window, LODE_CHART_INVESTMENT_PIPELINE));
  announced0 = data->pipeline[LODE_PIPELINE_ANNOUNCED];
  committed0 = data->pipeline[LODE_PIPELINE_COMMITTED];
  disbursed0 = data->pipeline[LODE_PIPELINE_DISBURSED];

  /* The investment target has no deadline: it is measured against its
   * amount, from nothing yet. */
  wait_for_target (window, 0);
  g_assert_cmpstr (target_subtitle (window), ==, "$0 of $10 B, 0.0 %");

  /* The MoU: $1 B announced, in copper and gold. */
  add_through_editor (window, page, "Announced or MoU", "1000000000", "2024-03", project_name,
                      (const char *[]) { "Gold", "Copper", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before + 1);
  {
    g_autoptr(LodeInvestment) mou = g_list_model_get_item (investments, n_before);

    /* In the portfolio's order of minerals. */
    g_assert_cmpstrv (lode_investment_get_minerals (mou), ((const char *[]) { "copper", "gold", NULL }));
  }
  add_label = g_strdup_printf ("Add %s: Announced or MoU, 2024-03", INVESTOR);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, add_label);
  g_assert_cmpstr (totals_text (page), !=, totals_before);
  wait_for_pipeline (window, announced0 + 100000000000, committed0, disbursed0);

  /* The commitment, $800 M: the project's committed total follows. */
  add_through_editor (window, page, "Committed", "800000000", "2024-09", project_name, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before + 2);
  g_assert_cmpint (committed_of (portfolio, project), ==, 80000000000);
  /* The Projects page says it too. */
  g_assert_cmpstr (gtk_label_get_label (lode_test_template_child (projects_page, LODE_TYPE_PROJECTS_PAGE, "totals_label")),
                   !=, projects_totals);
  wait_for_pipeline (window, announced0 + 100000000000, committed0 + 80000000000, disbursed0);
  /* The target counts commitments: $800 M of its $10 B. */
  wait_for_target (window, 80000000000);
  g_assert_cmpstr (target_subtitle (window), ==, "$800 M of $10 B, 8.0 %");

  /* The first disbursement, $100 M in 2025. */
  add_through_editor (window, page, "Disbursed", "100000000", "2025", project_name, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before + 3);
  g_assert_cmpint (disbursed_of (portfolio, project), ==, 10000000000);
  wait_for_pipeline (window, announced0 + 100000000000, committed0 + 80000000000, disbursed0 + 10000000000);

  /* The Overview's cards: the latest year of the investments, and China
   * leading among the investor countries. */
  adw_view_stack_set_visible_child_name (stack, "overview");
  lode_test_settle ();
  g_assert_nonnull (lode_test_find_widget (overview, GTK_TYPE_LABEL, "Committed in 2025"));
  g_assert_nonnull (lode_test_find_widget (overview, GTK_TYPE_LABEL, "Leading investor country"));
  g_assert_nonnull (lode_test_find_widget (overview, GTK_TYPE_LABEL, "China"));

  /* Each step undoes, the latest first, as Ctrl+Z does (win.undo), and
   * redoes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before + 2);
  g_assert_cmpint (disbursed_of (portfolio, project), ==, disbursed_before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (disbursed_of (portfolio, project), ==, 10000000000);
  wait_for_pipeline (window, announced0 + 100000000000, committed0 + 80000000000, disbursed0 + 10000000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before + 2);
  g_assert_cmpint (disbursed_of (portfolio, project), ==, disbursed_before);
  wait_for_pipeline (window, announced0 + 100000000000, committed0 + 80000000000, disbursed0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before + 1);
  g_assert_cmpint (committed_of (portfolio, project), ==, committed_before);
  wait_for_target (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (committed_of (portfolio, project), ==, 80000000000);
  wait_for_target (window, 80000000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (committed_of (portfolio, project), ==, committed_before);
  g_assert_cmpstr (gtk_label_get_label (lode_test_template_child (projects_page, LODE_TYPE_PROJECTS_PAGE, "totals_label")),
                   ==, projects_totals);
  wait_for_pipeline (window, announced0 + 100000000000, committed0, disbursed0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before);
  wait_for_pipeline (window, announced0, committed0, disbursed0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before + 1);
  wait_for_pipeline (window, announced0 + 100000000000, committed0, disbursed0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, n_before);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  adw_view_stack_set_visible_child_name (stack, "investments");
  lode_test_settle ();
  g_assert_cmpstr (totals_text (page), ==, totals_before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The search entry waits a moment before it searches. */
static gboolean
shows_two (gpointer model)
{
  return g_list_model_get_n_items (model) == 2;
}

/* The filters narrow the list by investor country, kind, project and
 * year; the search by any of its texts. */
static void
test_filters (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  GtkWidget *page = lode_test_template_child (window, LODE_TYPE_WINDOW, "investments_page");
  GListModel *shown = G_LIST_MODEL (lode_test_template_child (page, LODE_TYPE_INVESTMENTS_PAGE, "sort_model"));
  g_autoptr(LodeProject) project = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)), 0);
  guint n_all;

  adw_view_stack_set_visible_child_name (stack, "investments");
  lode_test_settle ();
  add_through_editor (window, page, "Announced or MoU", "1000000000", "2023", lode_project_get_name (project), NULL);
  add_through_editor (window, page, "Committed", "500000000", "2024", lode_project_get_name (project), NULL);
  n_all = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_all, >=, 2);

  choose (page, "Kind", "Committed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LodeInvestment) investment = g_list_model_get_item (shown, i);

      g_assert_cmpint (lode_investment_get_kind (investment), ==, LODE_INVESTMENT_KIND_COMMITTED);
    }
  choose (page, "Year", "2023");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  choose (page, "Kind", "Any Kind");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  choose (page, "Investor Country", "China");
  choose (page, "Project", lode_project_get_name (project));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LodeInvestment) investment = g_list_model_get_item (shown, i);

      g_assert_cmpint (lode_investment_get_year (investment), ==, 2023);
      g_assert_cmpstr (lode_investment_get_investor_country (investment), ==, "CN");
      g_assert_cmpstr (lode_investment_get_project (investment), ==, lode_project_get_id (project));
    }
  choose (page, "Year", "Any Year");
  choose (page, "Investor Country", "Any Country");
  choose (page, "Project", "Any Project");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);

  /* The search reads the investor's name. */
  gtk_editable_set_text (lode_test_template_child (page, LODE_TYPE_INVESTMENTS_PAGE, "search_entry"), "karakoram");
  g_assert_true (lode_test_poll (shows_two, shown, 10));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_trade (gpointer group)
{
  return lode_test_find_widget (group, GTK_TYPE_LABEL, "$23.1 B (+11.1 %)") != NULL;
}

static gboolean
lacks_trade (gpointer group)
{
  return !has_trade (group);
}

/* A file with investments, production and national figures: the
 * Overview lists the national figures with their sources, the Minerals
 * page each mineral's latest production, the Investments page the
 * events. */
static void
test_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "investments.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_load_file (file, NULL, &error);
  LodeWindow *window;
  GtkWidget *overview;
  GtkWidget *minerals;
  GtkWidget *national_group;
  GListModel *national_list;
  AdwViewStack *stack;

  g_assert_no_error (error);
  window = lode_test_window_new (portfolio);
  stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  national_group = lode_test_template_child (overview, LODE_TYPE_OVERVIEW_PAGE, "national_group");
  national_list = G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio));

  g_assert_cmpuint (g_list_model_get_n_items (national_list), ==, 5);
  g_assert_true (gtk_widget_get_visible (national_group));
  g_assert_nonnull (lode_test_find_widget (national_group, ADW_TYPE_ACTION_ROW, "Trade with China, 2024"));
  g_assert_nonnull (lode_test_find_widget (national_group, ADW_TYPE_ACTION_ROW, "Mineral exports, 2025"));
  g_assert_nonnull (lode_test_find_widget (national_group, GTK_TYPE_LABEL, "$23.1 B (+11.1 %)"));
  g_assert_nonnull (lode_test_find_widget (national_group, ADW_TYPE_ACTION_ROW,
                                           "Estimated value of the mineral reserves"));

  /* An undo of a removed figure brings its row back. */
  lode_history_remove_item (lode_portfolio_get_history (portfolio), "Delete figure",
                            lode_portfolio_get_national_figures (portfolio), 1);
  g_assert_true (lode_test_poll (lacks_trade, national_group, 10));
  lode_history_undo (lode_portfolio_get_history (portfolio));
  g_assert_cmpuint (g_list_model_get_n_items (national_list), ==, 5);
  g_assert_true (lode_test_poll (has_trade, national_group, 10));

  /* Copper's production of 2024, in the unit of the file. */
  adw_view_stack_set_visible_child_name (stack, "minerals");
  lode_test_settle ();
  minerals = lode_test_template_child (window, LODE_TYPE_WINDOW, "minerals_page");
  g_assert_nonnull (lode_test_find_widget (minerals, GTK_TYPE_INSCRIPTION, NULL));
  {
    gboolean found = FALSE;

    for (guint n = 0; !found; n++)
      {
        GtkWidget *cell = lode_test_find_nth_widget (minerals, GTK_TYPE_INSCRIPTION, NULL, n);

        if (cell == NULL)
          break;
        const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));

        found = text != NULL && g_str_has_suffix (text, "kt (2024)");
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sample gives no mineral's reserves a value, but the sector's
 * estimate is among its national figures: the card shows that, and says
 * whose estimate it is. */
static void
test_reserve_card (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  GtkWidget *overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  GtkWidget *detail;

  lode_test_settle ();
  detail = lode_test_find_widget (overview, GTK_TYPE_LABEL,
                                  "The whole sector's estimate, among the national figures below");
  g_assert_nonnull (detail);
  g_assert_nonnull (lode_test_find_widget (gtk_widget_get_parent (detail), GTK_TYPE_LABEL, "$6 T"));
  g_assert_null (lode_test_find_widget (overview, GTK_TYPE_LABEL, "No reserve estimates with a value recorded"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Files written before investment events open in the window, save and
 * reopen byte for byte: nothing lost, nothing added. */
static void
test_old_files (void)
{
  static const char * const names[] = { "sample-before-investments.json", "empty-lists.json" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-old-files-XXXXXX", &error);
  LodeWindow *window = lode_test_window_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", names[i], NULL);
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *original = NULL;
      g_autofree char *saved = NULL;
      LodePortfolio *portfolio;

      g_assert_true (g_file_get_contents (fixture, &original, NULL, NULL));
      g_assert_true (g_file_set_contents (path, original, -1, NULL));

      lode_window_open_file (window, file);
      g_assert_true (lode_test_wait_for (lode_test_is_idle, window));
      portfolio = lode_window_get_portfolio (window);
      g_assert_nonnull (portfolio);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_investments (portfolio))), ==, 0);

      /* A change and its undo, so that Save has something to do. */
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.set-title",
                                                         g_variant_new_string ("Changed")));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      lode_window_save_to_file (window, file);
      g_assert_true (lode_test_wait_for (lode_test_is_idle, window));
      g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
      g_assert_cmpstr (saved, ==, original);

      /* Reopened, it is the same portfolio, and saves the same bytes. */
      lode_window_open_file (window, file);
      g_assert_true (lode_test_wait_for (lode_test_is_idle, window));
      g_assert_false (lode_portfolio_get_modified (lode_window_get_portfolio (window)));
      lode_window_save_to_file (window, file);
      g_assert_true (lode_test_wait_for (lode_test_is_idle, window));
      g_clear_pointer (&saved, g_free);
      g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
      g_assert_cmpstr (saved, ==, original);
    }

  lode_test_destroy_window (window);
  lode_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/investments/deal", test_deal);
  g_test_add_func ("/lode/investments/filters", test_filters);
  g_test_add_func ("/lode/investments/file", test_file);
  g_test_add_func ("/lode/investments/reserve-card", test_reserve_card);
  g_test_add_func ("/lode/investments/old-files", test_old_files);

  return lode_test_run ();
}
