/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lode-chart-view.h"
#include "lode-compare-page.h"
#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-exports-page.h"
#include "lode-overview-page.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-ui-format.h"

/* Fiscal years and comparisons in the window, as a user has them: the
 * Fiscal Year dialog, the switch between calendar and fiscal years on the
 * Overview and the Exports page, and the Compare page with its CSV. The
 * sample's records are of whole years; monthly customs records are added
 * to it across the fiscal-year boundary of July. */

/* Cents that no rounding to dollars would keep. */
static LodeMoney
monthly_value (const char *mineral,
               int         year,
               int         month)
{
  return g_str_equal (mineral, "copper") ? 900000017 + (year - 2024) * 70000003 + month * 1009
                                         : 150000029 - (year - 2024) * 30000007 + month * 503;
}

/* The sample, with a record a month of copper and of chromite from
 * January 2024 to December 2025. */
static LodePortfolio *
portfolio_new_with_months (void)
{
  LodePortfolio *portfolio = lode_portfolio_new_sample ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  static const char * const minerals[] = { "copper", "chromite" };

  for (int year = 2024; year <= 2025; year++)
    for (int month = 1; month <= 12; month++)
      for (guint m = 0; m < G_N_ELEMENTS (minerals); m++)
        {
          LodeExportRow row = {
            .mineral = minerals[m], .year = year, .month = month, .destination = "CN",
            .hs_code = m == 0 ? "7403" : "2610", .stage = m == 0 ? LODE_STAGE_REFINED : LODE_STAGE_ORE,
            .quantity = LODE_QUANTITY_UNSET, .unit = LODE_UNIT_NONE,
            .value = monthly_value (minerals[m], year, month), .source = NULL,
          };

          lode_export_table_append (table, &row);
        }
  lode_portfolio_set_modified (portfolio, FALSE);

  return portfolio;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} FindLabel;

static gboolean
has_label (gpointer data)
{
  FindLabel *find = data;

  return lode_test_find_widget (find->root, GTK_TYPE_LABEL, find->text) != NULL;
}

static void
wait_for_label (gpointer    root,
                const char *text)
{
  FindLabel find = { root, text };

  if (!lode_test_poll (has_label, &find, 30))
    g_error ("no label reads “%s”", text);
}

/* Whether some visible label of @root holds @text. */
static GtkLabel *
label_containing (GtkWidget  *root,
                  const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
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

/* The sum of the records of @mineral (or all) whose calendar @year and
 * month fall in [@from_month of @year … 12 months later), or of whole
 * years when @from_month is 0. */
static LodeMoney
sum_records (LodeExportTable *table,
             const char      *mineral,
             int              year,
             int              from_month,
             guint           *count)
{
  LodeMoney sum = 0;

  *count = 0;
  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;
      int index;

      lode_export_table_get_row (table, i, &row);
      if (mineral != NULL && g_strcmp0 (row.mineral, mineral) != 0)
        continue;
      if (from_month == 0)
        {
          if (row.year != year)
            continue;
        }
      else
        {
          if (row.month == 0)
            continue;
          index = (row.year - year) * 12 + row.month - from_month;
          if (index < 0 || index >= 12)
            continue;
        }
      sum += row.value;
      (*count)++;
    }

  return sum;
}

/* Portfolio → Fiscal Year…: July, one step of the history, kept in the
 * file. */
static void
test_fiscal_year_setting (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (sample);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-fiscal-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LodePortfolio) reloaded = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  AdwComboRow *row;
  GAction *fiscal_years;

  g_assert_no_error (error);
  g_assert_false (lode_portfolio_has_fiscal_year_start (portfolio));
  /* Fiscal years that are calendar years: nothing to switch to. */
  fiscal_years = g_action_map_lookup_action (G_ACTION_MAP (window), "fiscal-years");
  g_assert_nonnull (fiscal_years);
  g_assert_false (g_action_get_enabled (fiscal_years));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-fiscal-year", NULL));
  dialog = lode_test_wait_for_dialog (window);
  row = ADW_COMBO_ROW (lode_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Starts In"));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  {
    g_autoptr(GtkStringObject) july = g_list_model_get_item (adw_combo_row_get_model (row), 6);

    g_assert_cmpstr (gtk_string_object_get_string (july), ==, "July");
  }
  adw_combo_row_set_selected (row, 6);
  lode_test_respond (dialog, "set");

  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (portfolio), ==, 7);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Change the Fiscal Year");
  g_assert_true (lode_portfolio_get_modified (portfolio));
  g_assert_true (g_action_get_enabled (fiscal_years));

  /* One step: undone, the file says nothing again and there is nothing
   * fiscal to count by. */
  lode_history_undo (history);
  g_assert_false (lode_portfolio_has_fiscal_year_start (portfolio));
  g_assert_false (lode_history_get_can_undo (history));
  g_assert_false (g_action_get_enabled (fiscal_years));
  lode_history_redo (history);
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (portfolio), ==, 7);

  /* A month that is none changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-fiscal-year-start", "i", 13));
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (portfolio), ==, 7);

  path = g_build_filename (dir, "fiscal.json", NULL);
  file = g_file_new_for_path (path);
  lode_window_save_to_file (window, file);
  g_assert_true (lode_test_poll (lode_test_is_idle, window, 30));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"fiscal_year_start\": 7"));
  reloaded = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_portfolio_get_fiscal_year_start (reloaded), ==, 7);

  lode_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* July, then fiscal years: the Exports page counts by FY2023-24 … and
 * says how many of the sample's yearly records no fiscal year holds; the
 * Overview's figures and chart are of fiscal years; every total is the
 * exact sum of its records. */
static void
test_fiscal_years_view (void)
{
  g_autoptr(LodePortfolio) months = portfolio_new_with_months ();
  LodeWindow *window = lode_test_window_new (months);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  LodeOverviewPage *overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  GtkWidget *exports = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  GtkWidget *button = lode_test_find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON,
                                             "Count by Fiscal Years (Ctrl+Shift+Y)");
  g_autofree char *fy_2024 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *unplaced = NULL;
  LodeMoney yearly_value, value, sum;
  guint n_yearly = 0, count;
  GtkLabel *years;
  LodeChartView *view;
  LodeChartData *data;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-fiscal-year-start", "i", 7));

  /* Calendar years until asked. */
  adw_view_stack_set_visible_child_name (stack, "exports");
  lode_test_settle ();
  years = wait_for_text (exports, "By year:");
  g_assert_null (strstr (gtk_label_get_label (years), "FY"));
  g_assert_cmpint (lode_overview_page_get_start_month (overview), ==, 1);

  /* The switch, as the button and Ctrl+Shift+Y have it. */
  g_signal_emit_by_name (button, "clicked");
  lode_test_settle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpint (lode_overview_page_get_start_month (overview), ==, 7);

  years = wait_for_text (exports, "By fiscal year:");
  /* July 2024 to June 2025: FY2024-25, to the cent. */
  value = sum_records (table, NULL, 2024, 7, &count);
  g_assert_cmpuint (count, ==, 24);
  {
    g_autofree char *money = lode_format_money (value);

    fy_2024 = g_strdup_printf ("FY2024-25 %s", money);
  }
  g_assert_nonnull (strstr (gtk_label_get_label (years), fy_2024));
  g_assert_nonnull (strstr (gtk_label_get_label (years), "FY2023-24"));
  g_assert_nonnull (strstr (gtk_label_get_label (years), "FY2025-26"));

  /* The sample's records are of whole calendar years: counted apart. */
  yearly_value = 0;
  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      if (row.month == 0)
        {
          n_yearly++;
          yearly_value += row.value;
        }
    }
  g_assert_cmpuint (n_yearly, >, 0);
  {
    g_autofree char *money = lode_format_money (yearly_value);

    unplaced = g_strdup_printf ("%u records of whole calendar years (%s) are in no fiscal year",
                                n_yearly, money);
  }
  g_assert_nonnull (strstr (gtk_label_get_label (years), unplaced));

  /* The Overview: the latest fiscal year, and the records it could not
   * place. */
  adw_view_stack_set_visible_child_name (stack, "overview");
  wait_for_label (overview, "Exports in FY2025-26");
  expected = g_strdup_printf ("%u records of whole calendar years are in no fiscal year", n_yearly);
  wait_for_text (overview, expected);

  /* Its chart of exports over time is drawn from fiscal years whose sum,
   * with the records no fiscal year holds, is every record's. */
  view = LODE_CHART_VIEW (lode_test_find_widget (GTK_WIDGET (overview), LODE_TYPE_CHART_VIEW, NULL));
  g_assert_nonnull (view);
  data = lode_chart_get_data (lode_chart_view_get_chart (view));
  g_assert_cmpint (data->start_month, ==, 7);
  g_assert_cmpint (data->first_year, ==, 2023);
  g_assert_cmpint (data->last_year, ==, 2025);
  g_assert_cmpuint (data->n_unplaced, ==, n_yearly);
  g_assert_cmpint (data->unplaced_value, ==, yearly_value);
  sum = data->unplaced_value;
  for (guint y = 0; y < lode_chart_data_get_n_years (data); y++)
    sum += data->years[y].value;
  g_assert_cmpint (sum, ==, data->total);
  g_assert_cmpint (data->years[2024 - data->first_year].value, ==, value);
  g_assert_cmpint (sum_records (table, NULL, 2023, 7, &count), ==, data->years[0].value);
  g_assert_cmpuint (count, ==, data->years[0].count);

  /* Back to calendar years. */
  g_signal_emit_by_name (button, "clicked");
  lode_test_settle ();
  g_assert_cmpint (lode_overview_page_get_start_month (overview), ==, 1);
  adw_view_stack_set_visible_child_name (stack, "exports");
  wait_for_text (exports, "By year:");

  /* A fiscal year of January is no fiscal year: the switch goes off. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-fiscal-year-start", "i", 1));
  lode_test_settle ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpint (lode_overview_page_get_start_month (overview), ==, 1);

  lode_test_destroy_window (window);
}

static gboolean
compare_idle (gpointer data)
{
  return !lode_compare_page_get_busy (data);
}

/* Lets the page's comparison, made off the main thread, come in. */
static void
settle_compare (LodeComparePage *page)
{
  lode_test_settle ();
  g_assert_true (lode_test_poll (compare_idle, page, 30));
  lode_test_settle ();
}

static void
choose (GtkDropDown *choice,
        const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (choice);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        {
          gtk_drop_down_set_selected (choice, i);
          return;
        }
    }

  g_error ("no choice “%s”", name);
}

typedef struct
{
  char *path;
} FileWait;

static gboolean
file_is_written (gpointer data)
{
  FileWait *wait = data;

  return g_file_test (wait->path, G_FILE_TEST_EXISTS);
}

static gboolean
chart_is_drawn (gpointer data)
{
  return lode_chart_get_n_items (data) > 0;
}

static char *
money_text (LodeMoney cents)
{
  return lode_money_to_json (cents);
}

/* Compare 2024 with 2025 by mineral, sort by name, export as CSV: the
 * file holds the rows as shown, each the exact sum of its records. */
static void
test_compare (void)
{
  g_autoptr(LodePortfolio) months = portfolio_new_with_months ();
  LodeWindow *window = lode_test_window_new (months);
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  LodeComparePage *page = lode_test_template_child (window, LODE_TYPE_WINDOW, "compare_page");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-compare-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) lines = NULL;
  GtkDropDown *first, *second, *by;
  GtkColumnView *view;
  LodeChartView *chart_view;
  LodeChart *chart;
  GtkColumnViewColumn *column;
  const char *previous = NULL;
  guint n_minerals = 0;

  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (stack, "compare");
  settle_compare (page);

  first = GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                "The year or fiscal year to compare from"));
  second = GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                 "The year or fiscal year to compare with it"));
  by = GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                             "What the rows of the comparison group by"));
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_nonnull (by);
  choose (first, "2024");
  choose (second, "2025");
  settle_compare (page);

  view = GTK_COLUMN_VIEW (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_nonnull (view);
  g_assert_nonnull (lode_test_column_with_title (view, "2024"));
  g_assert_nonnull (lode_test_column_with_title (view, "2025"));
  g_assert_nonnull (lode_test_column_with_title (view, "Change in Percent"));
  g_assert_nonnull (label_containing (GTK_WIDGET (page), "2024: "));

  /* The chart of the largest movers compares the same years. */
  chart_view = LODE_CHART_VIEW (lode_test_find_widget (GTK_WIDGET (page), LODE_TYPE_CHART_VIEW, NULL));
  chart = lode_chart_view_get_chart (chart_view);
  g_assert_nonnull (chart);
  g_assert_cmpint (lode_chart_get_kind (chart), ==, LODE_CHART_LARGEST_MOVERS);
  g_assert_true (lode_test_poll (chart_is_drawn, chart, 30));
  {
    g_autofree char *text = lode_chart_describe_item (chart, 0);

    g_assert_nonnull (strstr (text, "Copper"));
    g_assert_nonnull (strstr (text, "2024 to 2025"));
  }

  /* By name, A to Z, as a click on the column's header sorts. */
  column = lode_test_column_with_title (view, "Name");
  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  settle_compare (page);

  path = g_build_filename (dir, "compare.csv", NULL);
  file = g_file_new_for_path (path);
  lode_compare_page_export_to_file (page, file);
  {
    FileWait wait = { path };

    g_assert_true (lode_test_poll (file_is_written, &wait, 30));
  }
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "by,key,name,first,second,first_records,first_value_usd,"
                                 "second_records,second_value_usd,change_usd,change_percent");

  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      g_autofree char *first_value = NULL;
      g_autofree char *second_value = NULL;
      g_autofree char *change = NULL;
      guint first_count, second_count;
      LodeMoney a, b;

      g_assert_cmpuint (g_strv_length (cells), ==, 11);
      g_assert_cmpstr (cells[0], ==, "mineral");
      g_assert_cmpstr (cells[3], ==, "2024");
      g_assert_cmpstr (cells[4], ==, "2025");
      /* As shown: by name. */
      if (previous != NULL)
        g_assert_cmpint (g_utf8_collate (previous, cells[2]), <=, 0);
      previous = g_intern_string (cells[2]);

      a = sum_records (table, cells[1], 2024, 0, &first_count);
      b = sum_records (table, cells[1], 2025, 0, &second_count);
      first_value = money_text (a);
      second_value = money_text (b);
      change = money_text (b - a);
      g_assert_cmpuint (g_ascii_strtoull (cells[5], NULL, 10), ==, first_count);
      g_assert_cmpstr (cells[6], ==, first_value);
      g_assert_cmpuint (g_ascii_strtoull (cells[7], NULL, 10), ==, second_count);
      g_assert_cmpstr (cells[8], ==, second_value);
      g_assert_cmpstr (cells[9], ==, change);
      if (a == 0)
        g_assert_cmpstr (cells[10], ==, "");
      n_minerals++;
    }
  /* Copper, chromite and the sample's minerals of those years. */
  g_assert_cmpuint (n_minerals, >=, 3);
  {
    g_autofree char *toast = g_strdup_printf ("Exported %u rows of the comparison to “compare.csv”", n_minerals);

    wait_for_label (window, toast);
  }
  g_remove (path);

  /* By destination: every record of the two years goes to a row. */
  choose (by, "Destination");
  settle_compare (page);
  g_assert_cmpint (lode_chart_get_kind (lode_chart_view_get_chart (chart_view)), ==, LODE_CHART_LARGEST_MOVERS);

  /* Fiscal years are offered once the portfolio has them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-fiscal-year-start", "i", 7));
  settle_compare (page);
  choose (first, "FY2023-24");
  choose (second, "FY2024-25");
  settle_compare (page);
  g_assert_nonnull (lode_test_column_with_title (view, "FY2024-25"));
  /* Both fiscal years leave the sample's yearly records out, and say so. */
  wait_for_text (page, "could not be placed");

  lode_test_destroy_window (window);
  g_rmdir (dir);
}

/* The comparison is made off the main thread: a choice leaves the page as
 * it was until the worker is done, and a second choice before then
 * cancels the first, whose figures never show. */
static void
test_compare_worker (void)
{
  g_autoptr(LodePortfolio) months = portfolio_new_with_months ();
  LodeWindow *window = lode_test_window_new (months);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  LodeComparePage *page = lode_test_template_child (window, LODE_TYPE_WINDOW, "compare_page");
  GtkDropDown *first, *second;
  GtkColumnView *view;
  GtkLabel *summary;

  adw_view_stack_set_visible_child_name (stack, "compare");
  g_assert_true (lode_compare_page_get_busy (page));
  settle_compare (page);
  g_assert_false (lode_compare_page_get_busy (page));

  first = GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                "The year or fiscal year to compare from"));
  second = GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                 "The year or fiscal year to compare with it"));
  view = GTK_COLUMN_VIEW (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  choose (first, "2024");
  choose (second, "2025");
  settle_compare (page);
  summary = label_containing (GTK_WIDGET (page), "2024: ");
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (summary), "2024: "));

  /* Chosen, not yet compared: the page shows 2024 against 2025 still. */
  choose (first, "2025");
  g_assert_true (lode_compare_page_get_busy (page));
  g_assert_nonnull (lode_test_column_with_title (view, "2024"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (summary), "2024: "));

  /* Chosen again before the worker is done: only the last shows, never
   * 2025 against itself. */
  choose (second, "2024");
  settle_compare (page);
  g_assert_nonnull (lode_test_column_with_title (view, "2025"));
  g_assert_nonnull (lode_test_column_with_title (view, "2024"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (summary), "2025: "));
  g_assert_nonnull (strstr (gtk_label_get_label (summary), "; 2024: "));

  /* An edit compares again, once edits settle. */
  {
    LodePortfolio *portfolio = lode_window_get_portfolio (window);
    g_autofree char *before = g_strdup (gtk_label_get_label (summary));
    LodeExportRow row = {
      .mineral = "copper", .year = 2025, .month = 5, .stage = LODE_STAGE_UNKNOWN,
      .quantity = LODE_QUANTITY_UNSET, .unit = LODE_UNIT_NONE, .value = 123,
    };

    lode_history_insert_export (lode_portfolio_get_history (portfolio), "Add Export Record",
                                lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), &row);
    g_assert_true (lode_compare_page_get_busy (page));
    settle_compare (page);
    g_assert_cmpstr (gtk_label_get_label (summary), !=, before);
  }

  lode_test_destroy_window (window);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} FindTip;

static gboolean
tooltip_in (GtkWidget  *root,
            const char *text)
{
  /* A cell keeps its tooltip, its exact figure, for when it is asked. */
  const char *tooltip = g_object_get_data (G_OBJECT (root), "lode-cell-tooltip");

  if (tooltip != NULL && strstr (tooltip, text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tooltip_in (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
has_tooltip (gpointer data)
{
  FindTip *find = data;

  return tooltip_in (find->root, find->text);
}

/* The sum of @year's records in rupees at @rate: one rate for the year,
 * so the exact sum of the products is the rate times the sum of the
 * cents, rounded once to the paisa. */
static LodeAmount
rupees (LodeExportTable *table,
        int              year,
        LodeRate         rate)
{
  guint count;
  LodeMoney cents = sum_records (table, NULL, year, 0, &count);

  return (LodeAmount) ((cents * rate + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);
}

/* Rupees for 2024 with the State Bank's rate, none for 2025: the chooser
 * in the header bar shows every total of the Exports page and the Compare
 * page in rupees where a rate exists, and says plainly where one does
 * not. */
static void
test_currency (void)
{
  g_autoptr(LodePortfolio) months = portfolio_new_with_months ();
  g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("PKR", 2024, 278500000);
  g_autoptr(LodeSource) sbp = lode_source_new ("sbp-2024", "Exchange rates, yearly averages");
  LodeWindow *window = NULL;
  LodePortfolio *portfolio;
  LodeExportTable *table;
  AdwViewStack *stack;
  GtkWidget *exports;
  LodeComparePage *page;
  GtkDropDown *choice;
  GListModel *codes;
  g_autofree char *expected = NULL;
  g_autofree char *amount = NULL;
  GtkLabel *years;

  lode_source_set_publisher (sbp, "State Bank of Pakistan");
  g_list_store_append (lode_portfolio_get_sources (months), sbp);
  lode_exchange_rate_set_source (rate, "sbp-2024");
  g_list_store_append (lode_portfolio_get_exchange_rates (months), rate);
  window = lode_test_window_new (months);
  portfolio = lode_window_get_portfolio (window);
  table = lode_portfolio_get_exports (portfolio);
  stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  exports = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  page = lode_test_template_child (window, LODE_TYPE_WINDOW, "compare_page");

  choice = lode_test_template_child (window, LODE_TYPE_WINDOW, "currency_choice");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (choice)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (choice)), ==, "Show Amounts in a Currency");
  codes = gtk_drop_down_get_model (choice);
  g_assert_cmpuint (g_list_model_get_n_items (codes), ==, 2);
  choose (choice, "PKR");
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "currency");

    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "PKR");
  }

  /* The Exports page: each year in rupees, to the paisa; 2025 has none. */
  adw_view_stack_set_visible_child_name (stack, "exports");
  amount = lode_amount_format_full ("PKR", rupees (table, 2024, 278500000));
  expected = g_strdup_printf ("2024 %s", amount);
  years = wait_for_text (exports, expected);
  g_assert_nonnull (strstr (gtk_label_get_label (years), "No PKR rate for 2025"));
  g_assert_nonnull (strstr (gtk_label_get_label (years), "2025 —"));
  wait_for_text (exports, "total PKR");
  /* Each record's value too: one of January 2024 in rupees, one of 2025
   * without a rate, saying so. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (lode_test_find_widget (exports, GTK_TYPE_COLUMN_VIEW, NULL));
    g_autofree char *copper = lode_amount_format_full ("PKR", (monthly_value ("copper", 2024, 1) * 278500000
                                                               + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);

    g_assert_nonnull (view);
    g_assert_true (lode_test_poll (has_tooltip, &(FindTip) { GTK_WIDGET (view), copper }, 30));
    g_assert_true (lode_test_poll (has_tooltip, &(FindTip) { GTK_WIDGET (view), "No PKR rate for 2025" }, 30));
  }

  /* The Overview: the latest year, 2025, has no rate, and says so. */
  adw_view_stack_set_visible_child_name (stack, "overview");
  wait_for_text (lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page"), "No PKR rate for 2025");

  /* The Compare page: 2024 in rupees, 2025 without a rate, said. */
  adw_view_stack_set_visible_child_name (stack, "compare");
  settle_compare (page);
  choose (GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                "The year or fiscal year to compare from")), "2024");
  choose (GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                "The year or fiscal year to compare with it")), "2025");
  settle_compare (page);
  {
    g_autofree char *summary = g_strdup_printf ("2024: %s in", amount);

    wait_for_text (page, summary);
  }
  wait_for_text (page, "No PKR rate for 2025");

  /* Back to dollars: no rate is missing. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "currency", g_variant_new_string ("USD"));
  settle_compare (page);
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);
  g_assert_null (label_containing (GTK_WIDGET (page), "No PKR rate"));
  /* A currency without rates is no choice. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "currency", g_variant_new_string ("CNY"));
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);

  lode_test_destroy_window (window);
}

typedef struct
{
  GtkWidget  *root;
  const char *currency;
} FindCharts;

/* Whether every chart under @root is of data in @currency (NULL: US
 * dollars). */
static gboolean
charts_in (GtkWidget  *root,
           const char *currency,
           guint      *n_charts)
{
  if (LODE_IS_CHART_VIEW (root))
    {
      LodeChart *chart = lode_chart_view_get_chart (LODE_CHART_VIEW (root));

      if (chart == NULL)
        return TRUE;
      (*n_charts)++;
      return g_strcmp0 (lode_chart_get_data (chart)->currency, currency) == 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!charts_in (child, currency, n_charts))
      return FALSE;

  return TRUE;
}

static gboolean
has_charts_in (gpointer data)
{
  FindCharts *find = data;
  guint n_charts = 0;

  return charts_in (find->root, find->currency, &n_charts) && n_charts > 0;
}

/* The Overview in rupees, with a rate for 2025 only: its cards of the
 * exports and its charts show the exact converted sums, the records of
 * years without a rate are left out and said; back in dollars, all is as
 * before. */
static void
test_overview_currency (void)
{
  g_autoptr(LodePortfolio) months = portfolio_new_with_months ();
  g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("PKR", 2025, 280123456);
  LodeWindow *window = NULL;
  AdwViewStack *stack;
  GtkWidget *overview;
  LodeChartView *view;
  g_autoptr(LodeChartData) dollars = NULL;
  LodeChartData *rupees_data;
  LodeChartMineral *leading = NULL;
  LodeChartMineral *leading_rupees;
  g_autofree char *before = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *short_text = NULL;
  LodeAmount expected;
  guint y;

  g_list_store_append (lode_portfolio_get_exchange_rates (months), rate);
  window = lode_test_window_new (months);
  stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  adw_view_stack_set_visible_child_name (stack, "overview");
  g_assert_true (lode_test_poll (has_charts_in, &(FindCharts) { overview, NULL }, 30));
  view = LODE_CHART_VIEW (lode_test_find_widget (overview, LODE_TYPE_CHART_VIEW, NULL));
  g_assert_nonnull (view);
  dollars = lode_chart_data_ref (lode_chart_get_data (lode_chart_view_get_chart (view)));
  g_assert_cmpint (dollars->last_year, ==, 2025);
  y = 2025 - dollars->first_year;
  for (guint i = 0; i < dollars->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (dollars->minerals, i);

      if (mineral->years[y].count > 0 && (leading == NULL || mineral->years[y].value > leading->years[y].value))
        leading = mineral;
    }
  g_assert_nonnull (leading);
  before = g_strdup (gtk_label_get_label (wait_for_text (overview, "of the exports of 2025")));
  g_assert_null (strstr (before, "PKR"));

  g_action_group_change_action_state (G_ACTION_GROUP (window), "currency", g_variant_new_string ("PKR"));
  g_assert_true (lode_test_poll (has_charts_in, &(FindCharts) { overview, "PKR" }, 30));
  rupees_data = lode_chart_get_data (lode_chart_view_get_chart (view));

  /* One rate for the year: the exact sum is the rate times the cents,
   * rounded once. */
  expected = (LodeAmount) (((__int128) leading->years[y].value * 280123456 + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);
  leading_rupees = lode_chart_data_find_mineral (rupees_data, leading->id);
  g_assert_nonnull (leading_rupees);
  g_assert_cmpint (leading_rupees->years[y].value, ==, expected);
  g_assert_cmpint (rupees_data->years[y].value, ==,
                   (LodeAmount) (((__int128) dollars->years[y].value * 280123456 + LODE_RATE_SCALE / 2) /
                                 LODE_RATE_SCALE));
  short_text = lode_amount_format_short ("PKR", expected);
  {
    GtkLabel *card = wait_for_text (overview, "of the exports of 2025");

    g_assert_nonnull (strstr (gtk_label_get_label (card), short_text));
  }

  /* 2024 has no rate: its records are left out, and said. */
  g_assert_cmpuint (rupees_data->n_missing, >, 0);
  g_assert_cmpint (g_array_index (rupees_data->missing_years, int, rupees_data->missing_years->len - 1), ==, 2024);
  missing = lode_chart_data_describe_missing (rupees_data);
  g_assert_nonnull (strstr (missing, "No PKR rate for"));
  g_assert_nonnull (strstr (missing, "2024"));
  wait_for_text (overview, "No PKR rate for");
  /* 2024 has records, only no rate: the latest year does not say it has
   * none to compare with. */
  g_assert_null (label_containing (overview, "No records of 2024"));

  /* Back to dollars: as before. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "currency", g_variant_new_string ("USD"));
  g_assert_true (lode_test_poll (has_charts_in, &(FindCharts) { overview, NULL }, 30));
  wait_for_text (overview, before);
  g_assert_cmpint (lode_chart_data_find_mineral (lode_chart_get_data (lode_chart_view_get_chart (view)),
                                                 leading->id)->years[y].value, ==, leading->years[y].value);
  g_assert_null (label_containing (overview, "No PKR rate"));

  lode_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/fiscal-window/setting", test_fiscal_year_setting);
  g_test_add_func ("/lode/fiscal-window/fiscal-years", test_fiscal_years_view);
  g_test_add_func ("/lode/fiscal-window/compare", test_compare);
  g_test_add_func ("/lode/fiscal-window/compare-worker", test_compare_worker);
  g_test_add_func ("/lode/fiscal-window/currency", test_currency);
  g_test_add_func ("/lode/fiscal-window/overview-currency", test_overview_currency);

  return lode_test_run ();
}
