/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lode-chart-view.h"
#include "lode-chart.h"
#include "lode-compare-page.h"
#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-investment.h"
#include "lode-national-figure.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"

/* Every amount in the chosen currency, as a user has it: rupee rates for
 * 2023 to 2025 added to the sample, then the Investments page, the
 * Overview's investment card and national figures, and the Compare
 * page's CSV, each checked against the exact sums of the records it
 * covers, computed here on their own; an amount of 2022 says it has no
 * rate, and one of no year stays in dollars and says so. And the
 * currency and the fiscal-year switch a file was left with come back
 * when it is opened again. */

/* Rupees a dollar bought, in millionths: none for 2022. */
static const struct
{
  int      year;
  LodeRate rate;
} rates[] = {
  { 2023, 280360312 },
  { 2024, 278831299 },
  { 2025, 281507777 },
};

static gboolean
rate_of (int       year,
         LodeRate *rate)
{
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (rates[i].year == year)
      {
        *rate = rates[i].rate;
        return TRUE;
      }

  return FALSE;
}

/* An exact sum of cents times rates: the products of a portfolio fit in
 * 128 bits. */
typedef struct
{
  __int128 sum;
  gboolean missing_2022;
} Oracle;

static void
oracle_add (Oracle    *oracle,
            LodeMoney  cents,
            int        year,
            int        sign)
{
  LodeRate rate;

  if (!rate_of (year, &rate))
    {
      oracle->missing_2022 |= year == 2022;
      return;
    }

  oracle->sum += sign * (__int128) cents * rate;
}

/* Rounded once, to the hundredth, halves away from zero. */
static LodeAmount
oracle_round (const Oracle *oracle)
{
  __int128 sum = oracle->sum < 0 ? 0 : oracle->sum;

  return (LodeAmount) ((sum + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);
}

typedef struct
{
  LodeInvestmentKind kind;
  LodeMoney          cents;
  const char        *date;
  const char        *country;
  const char        *project;
} Event;

/* Cents that no rounding keeps, across four years; one of a project. */
static const Event events[] = {
  { LODE_INVESTMENT_KIND_COMMITTED, 123456789, "2022-05", "CN", NULL },
  { LODE_INVESTMENT_KIND_ANNOUNCED, 5000000017, "2023", "SA", NULL },
  { LODE_INVESTMENT_KIND_COMMITTED, 987654321, "2023-11-30", "CN", NULL },
  { LODE_INVESTMENT_KIND_DISBURSED, 333333337, "2024-02", "CN", NULL },
  { LODE_INVESTMENT_KIND_COMMITTED, 1500000099, "2024-07-15", "CN", "reko-diq" },
  { LODE_INVESTMENT_KIND_WITHDRAWN, 100000003, "2025", "CN", NULL },
  { LODE_INVESTMENT_KIND_COMMITTED, 4200000001, "2025-03", "SA", NULL },
};

/* The sample with the events above and a national figure of 2022 and of
 * 2025; fiscal years from July. */
static LodePortfolio *
portfolio_new_with_investment (gboolean with_rates)
{
  LodePortfolio *portfolio = lode_portfolio_new_sample ();
  g_autoptr(LodeNationalFigure) old = lode_national_figure_new (LODE_FIGURE_KIND_MINERAL_EXPORTS, 1900000007);
  g_autoptr(LodeNationalFigure) recent = lode_national_figure_new (LODE_FIGURE_KIND_MINERAL_EXPORTS, 2750000013);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(LodeInvestment) event = lode_investment_new (events[i].kind, events[i].cents, events[i].date);

      lode_investment_set_investor_country (event, events[i].country);
      lode_investment_set_project (event, events[i].project);
      g_list_store_append (lode_portfolio_get_investments (portfolio), event);
    }
  lode_national_figure_set_year (old, 2022);
  lode_national_figure_set_year (recent, 2025);
  g_list_store_append (lode_portfolio_get_national_figures (portfolio), old);
  g_list_store_append (lode_portfolio_get_national_figures (portfolio), recent);
  lode_portfolio_set_fiscal_year_start (portfolio, 7);

  for (guint i = 0; with_rates && i < G_N_ELEMENTS (rates); i++)
    {
      g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("PKR", rates[i].year, rates[i].rate);

      g_list_store_append (lode_portfolio_get_exchange_rates (portfolio), rate);
    }
  lode_portfolio_set_modified (portfolio, FALSE);

  return portfolio;
}

/* Committed net of withdrawals, as every page counts it. */
static LodeAmount
expected_committed (gboolean *missing_2022)
{
  Oracle oracle = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    if (events[i].kind == LODE_INVESTMENT_KIND_COMMITTED)
      oracle_add (&oracle, events[i].cents, atoi (events[i].date), 1);
    else if (events[i].kind == LODE_INVESTMENT_KIND_WITHDRAWN)
      oracle_add (&oracle, events[i].cents, atoi (events[i].date), -1);

  *missing_2022 = oracle.missing_2022;
  return oracle_round (&oracle);
}

static gboolean
tooltip_in (GtkWidget  *root,
            const char *text,
            gboolean    whole)
{
  /* A cell keeps its tooltip, its exact figure, for when it is asked. */
  const char *cell = g_object_get_data (G_OBJECT (root), "lode-cell-tooltip");
  const char *tooltip = cell != NULL ? cell : gtk_widget_get_tooltip_text (root);

  if (tooltip != NULL && (whole ? g_str_equal (tooltip, text) : strstr (tooltip, text) != NULL) &&
      gtk_widget_get_visible (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tooltip_in (child, text, whole))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  gboolean    whole;
} FindTip;

static gboolean
has_tooltip (gpointer data)
{
  FindTip *find = data;

  return tooltip_in (find->root, find->text, find->whole);
}

static void
wait_for_tooltip (gpointer    root,
                  const char *text,
                  gboolean    whole)
{
  FindTip find = { root, text, whole };

  if (!lode_test_poll (has_tooltip, &find, 30))
    g_error ("no tooltip %s “%s”", whole ? "reads" : "holds", text);
}

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

static const char *
current_currency (LodeWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "currency");

  return g_intern_string (g_variant_get_string (state, NULL));
}

static gboolean
fiscal_years_shown (LodeWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "fiscal-years");

  return g_variant_get_boolean (state);
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

/* The exports of @mineral in @year, in rupees: one rate a year, so the
 * exact sum is the rate times the cents, rounded once. */
static gboolean
exports_in_rupees (LodeExportTable *table,
                   const char      *mineral,
                   int              year,
                   LodeAmount      *amount)
{
  Oracle oracle = { 0, };
  guint count = 0;

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      if (row.year != year || g_strcmp0 (row.mineral, mineral) != 0 || row.period == LODE_PERIOD_KIND_FISCAL_YEAR)
        continue;
      oracle_add (&oracle, row.value, year, 1);
      count++;
    }

  *amount = oracle_round (&oracle);
  return count > 0;
}

/* The data of the first chart under @root that is in rupees, or NULL. */
static LodeChartData *
rupee_chart_data (GtkWidget *root)
{
  if (LODE_IS_CHART_VIEW (root))
    {
      LodeChart *chart = lode_chart_view_get_chart (LODE_CHART_VIEW (root));

      return chart != NULL && g_strcmp0 (lode_chart_get_data (chart)->currency, "PKR") == 0
             ? lode_chart_get_data (chart) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LodeChartData *data = rupee_chart_data (child);

      if (data != NULL)
        return data;
    }

  return NULL;
}

static gboolean
has_rupee_chart (gpointer data)
{
  return rupee_chart_data (data) != NULL;
}

/* The chart of largest movers, 2024 to 2025, in rupees: each change the
 * exact sums of the mineral's records of each year. */
static void
check_movers (LodeChartData   *data,
              LodeExportTable *table)
{
  g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_LARGEST_MOVERS, data);
  g_autoptr(LodeChart) by_year = lode_chart_new (LODE_CHART_INVESTMENT_BY_YEAR, data);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) years = NULL;
  const LodePeriod first = { 2024, 1 }, second = { 2025, 1 };
  guint n_changes = 0;

  lode_chart_set_periods (chart, &first, &second);
  rows = lode_chart_get_table (chart);
  g_assert_cmpstr (((const char * const *) g_ptr_array_index (rows, 0))[3], ==, "Change (PKR)");
  for (guint i = 1; i < rows->len; i++)
    {
      const char * const *cells = g_ptr_array_index (rows, i);
      LodeExportRow row;
      const char *mineral = NULL;
      LodeAmount a = 0, b = 0;
      g_autofree char *change = NULL;

      /* The table names minerals; find the id of this one. */
      for (guint r = 0; r < lode_export_table_get_n_rows (table) && mineral == NULL; r++)
        {
          lode_export_table_get_row (table, r, &row);
          if (g_str_equal (lode_chart_data_find_mineral (data, row.mineral)->name, cells[0]))
            mineral = row.mineral;
        }
      g_assert_nonnull (mineral);
      exports_in_rupees (table, mineral, 2024, &a);
      exports_in_rupees (table, mineral, 2025, &b);
      change = b - a < 0 ? g_strconcat ("-", lode_amount_to_json (a - b), NULL) : lode_amount_to_json (b - a);
      g_assert_cmpstr (cells[3], ==, change);
      n_changes++;
    }
  g_assert_cmpuint (n_changes, >, 0);

  years = lode_chart_get_table (by_year);
  g_assert_cmpstr (((const char * const *) g_ptr_array_index (years, 0))[2], ==, "Value (PKR)");
}

/* PKR rates for 2023–2025 added to the portfolio shown, PKR chosen:
 * every amount in rupees, exactly, and 2022 without a rate. */
static void
test_rupees (void)
{
  g_autoptr(LodePortfolio) start = portfolio_new_with_investment (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-currency-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *committed_exact = NULL;
  g_autofree char *figure_exact = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GFile) file = NULL;
  LodeWindow *window;
  LodePortfolio *portfolio;
  GtkDropDown *choice;
  AdwViewStack *stack;
  GtkWidget *investments;
  GtkWidget *overview;
  LodeComparePage *page;
  GtkLabel *totals;
  gboolean missing_2022 = FALSE;
  LodeAmount committed;
  guint n_rows = 0;

  g_assert_no_error (error);
  window = lode_test_window_new (start);
  portfolio = lode_window_get_portfolio (window);
  stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  investments = lode_test_template_child (window, LODE_TYPE_WINDOW, "investments_page");
  overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  page = lode_test_template_child (window, LODE_TYPE_WINDOW, "compare_page");
  choice = lode_test_template_child (window, LODE_TYPE_WINDOW, "currency_choice");

  /* Without rates there is no choice to make. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (choice)));
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("PKR", rates[i].year, rates[i].rate);

      g_list_store_append (lode_portfolio_get_exchange_rates (portfolio), rate);
    }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (choice)));
  choose (choice, "PKR");
  g_assert_cmpstr (current_currency (window), ==, "PKR");

  committed = expected_committed (&missing_2022);
  g_assert_true (missing_2022);
  committed_exact = lode_amount_format_full ("PKR", committed);

  /* The Investments page: the committed total, exact in its tooltip, and
   * the year without a rate named on the line. */
  adw_view_stack_set_visible_child_name (stack, "investments");
  totals = wait_for_text (investments, "No PKR rate for 2022");
  g_assert_nonnull (strstr (gtk_label_get_label (totals), "investments"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (totals)), ==, committed_exact);
  /* The event of 2022 has no amount, and says why; one of November 2023
   * has its rupees, to the paisa. */
  wait_for_tooltip (investments, "No PKR rate for 2022", TRUE);
  {
    Oracle one = { 0, };
    g_autofree char *text = NULL;

    oracle_add (&one, 987654321, 2023, 1);
    text = lode_amount_format_full ("PKR", oracle_round (&one));
    wait_for_tooltip (investments, text, TRUE);
  }

  /* The Projects page: Reko Diq's commitment of July 2024 in rupees. */
  adw_view_stack_set_visible_child_name (stack, "projects");
  {
    Oracle one = { 0, };
    g_autofree char *text = NULL;

    oracle_add (&one, 1500000099, 2024, 1);
    text = lode_amount_format_full ("PKR", oracle_round (&one));
    wait_for_tooltip (lode_test_template_child (window, LODE_TYPE_WINDOW, "projects_page"), text, TRUE);
  }

  /* The Targets page: a baseline of 2025 in rupees; a target of 2030,
   * which has no rate, says so; one of no year stays in dollars. */
  adw_view_stack_set_visible_child_name (stack, "targets");
  {
    GtkWidget *targets = lode_test_template_child (window, LODE_TYPE_WINDOW, "targets_page");
    Oracle one = { 0, };
    g_autofree char *text = NULL;

    oracle_add (&one, 200000000000, 2025, 1);
    text = lode_amount_format_full ("PKR", oracle_round (&one));
    wait_for_tooltip (targets, text, TRUE);
    wait_for_tooltip (targets, "No PKR rate for 2030", TRUE);
    wait_for_tooltip (targets, "In US dollars: no year to take a rate of", FALSE);
  }

  /* The Overview: the investment card, the national figures. */
  adw_view_stack_set_visible_child_name (stack, "overview");
  wait_for_tooltip (overview, committed_exact, TRUE);
  wait_for_text (overview, "Investment committed");
  {
    Oracle one = { 0, };

    oracle_add (&one, 2750000013, 2025, 1);
    figure_exact = lode_amount_format_full ("PKR", oracle_round (&one));
    wait_for_tooltip (overview, figure_exact, TRUE);
  }
  /* The figure of 2022 has no rate; the sample's of no year stay in
   * dollars and say so. */
  wait_for_tooltip (overview, "No PKR rate for 2022", TRUE);
  wait_for_tooltip (overview, "In US dollars: no year to take a rate of", FALSE);

  /* The charts of investment: the same exact sums, by kind and by year,
   * and the year without a rate said. */
  g_assert_true (lode_test_poll (has_rupee_chart, overview, 30));
  {
    LodeChartData *data = rupee_chart_data (overview);
    Oracle disbursed_2024 = { 0, };

    g_assert_cmpint (data->investment_kinds[LODE_INVESTMENT_KIND_COMMITTED], ==, committed);
    oracle_add (&disbursed_2024, 333333337, 2024, 1);
    g_assert_cmpint (lode_chart_data_get_investment (data, 2024, LODE_INVESTMENT_KIND_DISBURSED), ==,
                     oracle_round (&disbursed_2024));
    g_assert_cmpint (lode_chart_data_get_investment (data, 2022, LODE_INVESTMENT_KIND_COMMITTED), ==, 0);
    g_assert_cmpstr (data->investment_missing, ==, "No PKR rate for 2022");
    check_movers (data, lode_portfolio_get_exports (portfolio));
  }

  /* The Compare page's CSV: 2024 against 2025 in rupees, named in the
   * header, each value the exact sum of its records. */
  adw_view_stack_set_visible_child_name (stack, "compare");
  lode_test_settle ();
  choose (GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                "The year or fiscal year to compare from")), "2024");
  choose (GTK_DROP_DOWN (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                "The year or fiscal year to compare with it")), "2025");
  lode_test_settle ();
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
  g_assert_cmpstr (lines[0], ==, "by,key,name,first,second,first_records,first_value_pkr,"
                                 "second_records,second_value_pkr,change_pkr,change_percent");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      LodeAmount first, second;
      g_autofree char *first_text = NULL;
      g_autofree char *second_text = NULL;
      g_autofree char *change_text = NULL;
      gboolean has_first, has_second;

      g_assert_cmpuint (g_strv_length (cells), ==, 11);
      g_assert_cmpstr (cells[0], ==, "mineral");
      has_first = exports_in_rupees (lode_portfolio_get_exports (portfolio), cells[1], 2024, &first);
      has_second = exports_in_rupees (lode_portfolio_get_exports (portfolio), cells[1], 2025, &second);
      first_text = lode_amount_to_json (has_first ? first : 0);
      second_text = lode_amount_to_json (has_second ? second : 0);
      change_text = second - first < 0 ? g_strconcat ("-", lode_amount_to_json (first - second), NULL)
                                       : lode_amount_to_json (second - first);
      g_assert_cmpstr (cells[6], ==, first_text);
      g_assert_cmpstr (cells[8], ==, second_text);
      g_assert_cmpstr (cells[9], ==, change_text);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 0);

  /* Back in dollars, nothing says a rate is missing. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "currency", g_variant_new_string ("USD"));
  adw_view_stack_set_visible_child_name (stack, "investments");
  lode_test_settle ();
  g_assert_null (label_containing (investments, "No PKR rate"));

  lode_test_destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static LodeChartTarget *
find_target (LodeChartData *data,
             const char    *id)
{
  for (guint i = 0; i < data->targets->len; i++)
    if (g_str_equal (((LodeChartTarget *) g_ptr_array_index (data->targets, i))->id, id))
      return g_ptr_array_index (data->targets, i);

  g_error ("no target “%s” in the chart data", id);
}

static LodeAmount
in_rupees (LodeMoney cents,
           int       year)
{
  Oracle one = { 0, };

  oracle_add (&one, cents, year, 1);
  return oracle_round (&one);
}

static LodeTarget *
bauxite_target_new (const char *id,
                    const char *title,
                    int         target_year)
{
  LodeTarget *target = lode_target_new (id, title);

  lode_target_set_metric_kind (target, LODE_METRIC_KIND_EXPORTS);
  lode_target_set_metric_mineral (target, "bauxite");
  lode_target_set_baseline_year (target, 2024);
  lode_target_set_baseline_value (target, 30000013);
  lode_target_set_target_year (target, target_year);
  lode_target_set_target_low (target, 1000000007);
  lode_target_set_target_high (target, 2000000011);

  return target;
}

/* Two targets on the sample's bauxite exports from a baseline of 2024:
 * one to 2025, whose years all have rates, measured in rupees to the
 * paisa on the Overview and in its chart; one to 2030, which has no
 * rate, kept in dollars and saying so. */
static void
test_targets (void)
{
  g_autoptr(LodePortfolio) start = portfolio_new_with_investment (TRUE);
  g_autoptr(LodeTarget) near = bauxite_target_new ("bauxite-2025", "Bauxite exports", 2025);
  g_autoptr(LodeTarget) far = bauxite_target_new ("bauxite-2030", "Bauxite exports by 2030", 2030);
  g_autoptr(LodeChart) chart = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *far_low = NULL;
  g_autofree char *far_high = NULL;
  g_autofree char *far_title = NULL;
  LodeExportTable *table;
  LodeChartTarget *measured;
  LodeChartTarget *unconverted;
  LodeChartData *data;
  LodeWindow *window;
  GtkWidget *overview;
  GtkLabel *label;
  LodeAmount baseline = in_rupees (30000013, 2024);
  LodeAmount low = in_rupees (1000000007, 2025);
  LodeAmount high = in_rupees (2000000011, 2025);
  LodeAmount recorded = 0;
  LodeAmount latest = 0;

  /* Only these two targets, so that each note is theirs. */
  g_list_store_remove_all (lode_portfolio_get_targets (start));
  g_list_store_append (lode_portfolio_get_targets (start), near);
  g_list_store_append (lode_portfolio_get_targets (start), far);
  lode_portfolio_set_modified (start, FALSE);
  table = lode_portfolio_get_exports (start);
  g_assert_true (exports_in_rupees (table, "bauxite", 2024, &recorded));
  g_assert_true (exports_in_rupees (table, "bauxite", 2025, &latest));

  window = lode_test_window_new (start);
  overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  choose (lode_test_template_child (window, LODE_TYPE_WINDOW, "currency_choice"), "PKR");
  adw_view_stack_set_visible_child_name (lode_test_template_child (window, LODE_TYPE_WINDOW, "stack"), "overview");
  g_assert_true (lode_test_poll (has_rupee_chart, overview, 30));
  data = rupee_chart_data (overview);

  /* Every figure at the rate of its own year. */
  measured = find_target (data, "bauxite-2025");
  g_assert_true (measured->baseline_converted);
  g_assert_true (measured->target_converted);
  g_assert_true (measured->records_converted);
  g_assert_true (measured->in_currency);
  g_assert_cmpint (measured->baseline_amount, ==, baseline);
  g_assert_cmpint (measured->low_amount, ==, low);
  g_assert_cmpint (measured->high_amount, ==, high);
  g_assert_cmpint (measured->recorded_baseline_amount, ==, recorded);
  g_assert_cmpint (measured->latest_amount, ==, latest);
  g_assert_cmpfloat_with_epsilon (measured->currency_required_low, (double) low / (double) baseline - 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (measured->currency_achieved, (double) latest / (double) recorded - 1.0, 1e-12);
  g_assert_cmpint (measured->currency_status, ==, LODE_GROWTH_ON_TRACK);

  /* The Overview's row says it in rupees, and no dollars. */
  low_text = lode_amount_format_short ("PKR", low);
  high_text = lode_amount_format_short ("PKR", high);
  title = g_strdup_printf ("Bauxite exports: %s–%s by 2025", low_text, high_text);
  label = wait_for_text (overview, title);
  g_assert_null (strchr (gtk_label_get_label (label), '$'));

  /* The target of 2030: its baseline in rupees, its amounts in dollars
   * with the year that has no rate named, and growth in dollars. */
  unconverted = find_target (data, "bauxite-2030");
  g_assert_true (unconverted->baseline_converted);
  g_assert_cmpint (unconverted->baseline_amount, ==, baseline);
  g_assert_false (unconverted->target_converted);
  g_assert_false (unconverted->in_currency);
  far_low = lode_money_format_short (1000000007);
  far_high = lode_money_format_short (2000000011);
  far_title = g_strdup_printf ("Bauxite exports by 2030: %s–%s by 2030", far_low, far_high);
  wait_for_text (overview, far_title);
  wait_for_text (overview, "No PKR rate for 2030; growth computed in US dollars");

  /* The chart of the first target's progress: the same figures in its
   * table, in rupees; the second's stays in dollars. */
  chart = lode_chart_new (LODE_CHART_TARGET_PROGRESS, data);
  lode_chart_set_target (chart, 0);
  rows = lode_chart_get_table (chart);
  {
    const char * const *header = g_ptr_array_index (rows, 0);
    gboolean seen_2024 = FALSE, seen_2025 = FALSE;

    g_assert_cmpstr (header[1], ==, "Recorded (PKR)");
    g_assert_cmpstr (header[2], ==, "Path, low (PKR)");
    g_assert_cmpstr (header[3], ==, "Path, high (PKR)");
    for (guint i = 1; i < rows->len; i++)
      {
        const char * const *cells = g_ptr_array_index (rows, i);
        g_autofree char *recorded_json = lode_amount_to_json (recorded);
        g_autofree char *latest_json = lode_amount_to_json (latest);
        g_autofree char *baseline_json = lode_amount_to_json (baseline);
        g_autofree char *low_json = lode_amount_to_json (low);
        g_autofree char *high_json = lode_amount_to_json (high);

        if (g_str_equal (cells[0], "2024"))
          {
            g_assert_cmpstr (cells[1], ==, recorded_json);
            g_assert_cmpstr (cells[2], ==, baseline_json);
            g_assert_cmpstr (cells[3], ==, baseline_json);
            seen_2024 = TRUE;
          }
        else if (g_str_equal (cells[0], "2025"))
          {
            g_assert_cmpstr (cells[1], ==, latest_json);
            g_assert_cmpstr (cells[2], ==, low_json);
            g_assert_cmpstr (cells[3], ==, high_json);
            seen_2025 = TRUE;
          }
      }
    g_assert_true (seen_2024 && seen_2025);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  lode_chart_set_target (chart, 1);
  rows = lode_chart_get_table (chart);
  g_assert_cmpstr (((const char * const *) g_ptr_array_index (rows, 0))[1], ==, "Recorded (USD)");

  lode_test_destroy_window (window);
}

static void
open_and_wait (LodeWindow *window,
               GFile      *file)
{
  lode_window_open_file (window, file);
  g_assert_true (lode_test_poll (lode_test_is_idle, window, 30));
  lode_test_settle ();
}

/* A file opens in the currency and the years it was left in; without its
 * rates, in dollars. */
static void
test_remembered (void)
{
  g_autoptr(LodePortfolio) saved = portfolio_new_with_investment (TRUE);
  g_autoptr(LodePortfolio) other = lode_portfolio_new_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-currency-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  LodeWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "rupees.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (lode_portfolio_save_file (saved, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  window = lode_test_window_new (NULL);
  open_and_wait (window, file);
  g_assert_cmpstr (current_currency (window), ==, "USD");
  g_assert_false (fiscal_years_shown (window));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "currency", g_variant_new_string ("PKR"));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "fiscal-years", g_variant_new_boolean (TRUE));
  g_assert_cmpstr (current_currency (window), ==, "PKR");
  g_assert_true (fiscal_years_shown (window));

  /* Another portfolio, of no file, shows in dollars by calendar year. */
  lode_window_set_portfolio (window, other);
  lode_test_settle ();
  g_assert_cmpstr (current_currency (window), ==, "USD");
  g_assert_false (fiscal_years_shown (window));

  /* The file again: as it was left. */
  open_and_wait (window, file);
  g_assert_cmpstr (current_currency (window), ==, "PKR");
  g_assert_true (fiscal_years_shown (window));
  wait_for_text (lode_test_template_child (window, LODE_TYPE_WINDOW, "investments_page"), "PKR");

  /* Its rates gone, the dollar. */
  g_list_store_remove_all (lode_portfolio_get_exchange_rates (saved));
  g_assert_true (lode_portfolio_save_file (saved, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  lode_window_set_portfolio (window, other);
  lode_test_settle ();
  open_and_wait (window, file);
  g_assert_cmpstr (current_currency (window), ==, "USD");
  g_assert_true (fiscal_years_shown (window));

  lode_test_destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/currency-window/rupees", test_rupees);
  g_test_add_func ("/lode/currency-window/remembered", test_remembered);
  g_test_add_func ("/lode/currency-window/targets", test_targets);

  return lode_test_run ();
}
