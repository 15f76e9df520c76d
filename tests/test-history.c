/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lode-history.h"
#include "lode-investment-summary.h"
#include "lode-portfolio-io.h"
#include "lode-portfolio.h"

static char *
to_text (LodePortfolio *portfolio)
{
  g_autoptr(GBytes) bytes = lode_portfolio_to_bytes (portfolio);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_history_property (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeMineral *copper = lode_portfolio_find_mineral (portfolio, "copper");
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (copper);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_false (lode_history_get_can_undo (history));
  g_assert_null (lode_history_get_undo_label (history));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Red metal");
  lode_history_set_property (history, "Rename Copper", G_OBJECT (copper), "name", &value);

  g_assert_cmpstr (lode_mineral_get_name (copper), ==, "Red metal");
  g_assert_true (lode_portfolio_get_modified (portfolio));
  g_assert_true (lode_history_get_can_undo (history));
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Rename Copper");

  /* Setting what is already there is no step. */
  lode_history_set_property (history, "Rename Copper again", G_OBJECT (copper), "name", &value);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Rename Copper");

  lode_history_undo (history);
  g_assert_cmpstr (lode_mineral_get_name (copper), ==, "Copper");
  /* Back where it was saved: unmodified. */
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_true (lode_history_get_can_redo (history));
  g_assert_cmpstr (lode_history_get_redo_label (history), ==, "Rename Copper");

  lode_history_redo (history);
  g_assert_cmpstr (lode_mineral_get_name (copper), ==, "Red metal");
  g_assert_true (lode_portfolio_get_modified (portfolio));

  lode_history_mark_saved (history);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  lode_history_undo (history);
  g_assert_true (lode_portfolio_get_modified (portfolio));
  lode_history_redo (history);
  g_assert_false (lode_portfolio_get_modified (portfolio));
}

/* A new command drops what could be redone; the saved state, if it was
 * there, can no longer be reached. */
static void
test_history_branch (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListStore *minerals = lode_portfolio_get_minerals (portfolio);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (minerals));
  g_autoptr(LodeMineral) gold = lode_mineral_new ("gold", "Gold", LODE_MINERAL_GROUP_PRECIOUS_METAL);
  g_autoptr(LodeMineral) lithium = lode_mineral_new ("lithium", "Lithium", LODE_MINERAL_GROUP_BASE_METAL);

  lode_history_insert_item (history, "Add Gold", minerals, n, G_OBJECT (gold));
  lode_history_mark_saved (history);
  lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (minerals)), ==, n);
  g_assert_true (lode_portfolio_get_modified (portfolio));

  lode_history_insert_item (history, "Add Lithium", minerals, n, G_OBJECT (lithium));
  g_assert_false (lode_history_get_can_redo (history));
  g_assert_true (lode_portfolio_get_modified (portfolio));
  lode_history_undo (history);
  /* The saved state had gold in it: still modified. */
  g_assert_true (lode_portfolio_get_modified (portfolio));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (minerals)), ==, n);
}

/* Removing and putting back items and export records restores the same
 * document, byte for byte; a group is one step. */
static void
test_history_round_trip (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  GListStore *minerals = lode_portfolio_get_minerals (portfolio);
  g_autofree char *before = to_text (portfolio);
  g_autofree char *after = NULL;
  guint n_rows = lode_export_table_get_n_rows (exports);
  guint n_minerals = g_list_model_get_n_items (G_LIST_MODEL (minerals));
  LodeExportRow row;
  LodeMoney total = lode_export_table_get_total (exports);

  g_assert_cmpuint (n_rows, >=, 3);

  lode_history_begin_group (history, "Delete Copper");
  lode_history_remove_exports (history, NULL, 0, 2);
  lode_history_remove_item (history, NULL, minerals, 0);
  lode_history_end_group (history);

  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_rows - 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (minerals)), ==, n_minerals - 1);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Delete Copper");

  lode_export_table_get_row (exports, 0, &row);
  row.value += 100;
  row.destination = "DE";
  lode_history_replace_export (history, "Edit Export Record", 0, &row);
  g_assert_cmpint (lode_export_table_get_total (exports), !=, total);

  row.year = 2030;
  lode_history_insert_export (history, "Add Export Record", 1, &row);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_rows - 1);

  after = to_text (portfolio);
  g_assert_cmpstr (after, !=, before);

  lode_history_undo (history);
  lode_history_undo (history);
  lode_history_undo (history);
  g_clear_pointer (&after, g_free);
  after = to_text (portfolio);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (lode_export_table_get_total (exports), ==, total);
  g_assert_false (lode_portfolio_get_modified (portfolio));

  /* Redo all of it, then undo again: the same document each way. */
  lode_history_redo (history);
  lode_history_redo (history);
  lode_history_redo (history);
  g_assert_false (lode_history_get_can_redo (history));
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), ==, n_rows - 1);
  lode_export_table_get_row (exports, 1, &row);
  g_assert_cmpint (row.year, ==, 2030);
  g_assert_cmpstr (row.destination, ==, "DE");

  while (lode_history_get_can_undo (history))
    lode_history_undo (history);
  g_clear_pointer (&after, g_free);
  after = to_text (portfolio);
  g_assert_cmpstr (after, ==, before);
}

static LodeMoney
project_committed (LodePortfolio *portfolio,
                   const char    *project)
{
  LodeMoney committed;

  lode_portfolio_get_project_investment (portfolio, project, &committed, NULL);

  return committed;
}

static LodeMoney
project_disbursed (LodePortfolio *portfolio,
                   const char    *project)
{
  LodeMoney disbursed;

  lode_portfolio_get_project_investment (portfolio, project, NULL, &disbursed);

  return disbursed;
}

static LodeMoney
target_reached (LodePortfolio *portfolio,
                const char    *id)
{
  GListModel *targets = G_LIST_MODEL (lode_portfolio_get_targets (portfolio));
  LodeMoney value = -1;

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (targets, i);

      if (g_strcmp0 (lode_target_get_id (target), id) == 0)
        g_assert_true (lode_portfolio_get_target_investment (portfolio, target, 0, &value));
    }

  return value;
}

/* As a new user would: an investor's MoU for a project, then its
 * commitment and a first disbursement; the project's totals, the
 * pipeline and the investment target follow each step, an edit and a
 * removal too, and each step undoes and redoes. The file comes back to
 * its bytes. */
static void
test_history_investment (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListStore *store = lode_portfolio_get_investments (portfolio);
  g_autofree char *before = to_text (portfolio);
  g_autoptr(LodeInvestment) mou = lode_investment_new (LODE_INVESTMENT_KIND_ANNOUNCED,
                                                       100000000000, "2026-01");
  g_autoptr(LodeInvestment) commitment = NULL;
  g_autoptr(LodeInvestment) disbursement = NULL;
  g_autoptr(LodeInvestmentSummary) summary = NULL;
  g_autofree char *after = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  double share = 0;

  /* Before: nothing committed, the sample's target at zero. */
  g_assert_cmpint (project_committed (portfolio, "reko-diq"), ==, LODE_MONEY_UNSET);
  g_assert_cmpint (target_reached (portfolio, "e-mining-platform-investment"), ==, 0);

  lode_investment_set_project (mou, "reko-diq");
  lode_investment_set_investor (mou, "An investor");
  lode_investment_set_investor_country (mou, "CN");
  lode_history_insert_item (history, "Add Investment", store, 0, G_OBJECT (mou));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_true (lode_portfolio_get_modified (portfolio));
  /* An announcement commits nothing. */
  g_assert_cmpint (project_committed (portfolio, "reko-diq"), ==, LODE_MONEY_UNSET);

  commitment = lode_investment_copy (mou);
  lode_investment_set_kind (commitment, LODE_INVESTMENT_KIND_COMMITTED);
  lode_investment_set_value (commitment, 80000000000);
  lode_investment_set_date (commitment, "2026-03-01");
  lode_history_insert_item (history, "Add Investment", store, 1, G_OBJECT (commitment));

  disbursement = lode_investment_copy (commitment);
  lode_investment_set_kind (disbursement, LODE_INVESTMENT_KIND_DISBURSED);
  lode_investment_set_value (disbursement, 10000000000);
  lode_history_insert_item (history, "Add Investment", store, 2, G_OBJECT (disbursement));

  g_assert_cmpint (project_committed (portfolio, "reko-diq"), ==, 80000000000);
  g_assert_cmpint (project_disbursed (portfolio, "reko-diq"), ==, 10000000000);
  g_assert_cmpint (target_reached (portfolio, "e-mining-platform-investment"), ==, 80000000000);

  summary = lode_investment_summary_new (G_LIST_MODEL (store));
  g_assert_cmpstr (lode_investment_summary_get_leading_country (summary), ==, "CN");
  g_assert_true (lode_investment_summary_get_pipeline_share (summary,
                                                             LODE_INVESTMENT_KIND_COMMITTED,
                                                             &share));
  g_assert_cmpfloat_with_epsilon (share, 0.8, 1e-12);
  g_assert_true (lode_investment_summary_get_pipeline_share (summary,
                                                             LODE_INVESTMENT_KIND_DISBURSED,
                                                             &share));
  g_assert_cmpfloat_with_epsilon (share, 0.1, 1e-12);
  g_clear_pointer (&summary, lode_investment_summary_free);

  /* Edit the commitment: the totals follow, and the edit undoes. */
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 90000000000);
  lode_history_set_property (history, "Edit Investment", G_OBJECT (commitment), "value", &value);
  g_assert_cmpint (project_committed (portfolio, "reko-diq"), ==, 90000000000);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Investment");
  lode_history_undo (history);
  g_assert_cmpint (project_committed (portfolio, "reko-diq"), ==, 80000000000);
  lode_history_redo (history);
  g_assert_cmpint (project_committed (portfolio, "reko-diq"), ==, 90000000000);

  /* Remove the disbursement, then undo it. */
  lode_history_remove_item (history, "Delete Investment", store, 2);
  g_assert_cmpint (project_disbursed (portfolio, "reko-diq"), ==, LODE_MONEY_UNSET);
  lode_history_undo (history);
  g_assert_cmpint (project_disbursed (portfolio, "reko-diq"), ==, 10000000000);

  /* What is saved reads back the same. */
  after = to_text (portfolio);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LodePortfolio) reread = lode_portfolio_load_data (after, strlen (after), "t.json", &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_investments (reread))), ==, 3);
    again = to_text (reread);
    g_assert_cmpstr (again, ==, after);
  }

  /* Every step undone: the sample's own bytes, unmodified. */
  while (lode_history_get_can_undo (history))
    lode_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_free (after);
  after = to_text (portfolio);
  g_assert_cmpstr (after, ==, before);

  /* And all redone, the removal that was undone last included. */
  while (lode_history_get_can_redo (history))
    lode_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpint (project_committed (portfolio, "reko-diq"), ==, 90000000000);
  g_assert_cmpint (project_disbursed (portfolio, "reko-diq"), ==, LODE_MONEY_UNSET);
}

/* A withdrawal takes its amount off the commitments, never below zero;
 * a project without events keeps its stored figures. */
static void
test_investment_totals (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Totals");
  g_autoptr(LodeProject) thar = lode_project_new ("thar", "Thar");
  g_autoptr(LodeProject) dodar = lode_project_new ("dodar", "Dodar");
  g_autoptr(LodeInvestment) a = lode_investment_new (LODE_INVESTMENT_KIND_COMMITTED, 500, "2024");
  g_autoptr(LodeInvestment) b = lode_investment_new (LODE_INVESTMENT_KIND_WITHDRAWN, 800, "2025");
  g_autoptr(LodeInvestment) c = lode_investment_new (LODE_INVESTMENT_KIND_DISBURSED, 70, "2025");
  LodeMoney committed, disbursed;

  lode_project_set_committed (thar, 1000);
  lode_project_set_disbursed (thar, 400);
  lode_project_set_committed (dodar, 9999);
  g_list_store_append (lode_portfolio_get_projects (portfolio), thar);
  g_list_store_append (lode_portfolio_get_projects (portfolio), dodar);

  lode_investment_set_project (a, "dodar");
  lode_investment_set_project (b, "dodar");
  g_list_store_append (lode_portfolio_get_investments (portfolio), a);
  g_list_store_append (lode_portfolio_get_investments (portfolio), b);
  g_list_store_append (lode_portfolio_get_investments (portfolio), c);

  lode_portfolio_get_project_investment (portfolio, "thar", &committed, &disbursed);
  g_assert_cmpint (committed, ==, 1000);
  g_assert_cmpint (disbursed, ==, 400);
  lode_portfolio_get_project_investment (portfolio, "dodar", &committed, &disbursed);
  g_assert_cmpint (committed, ==, 0);
  g_assert_cmpint (disbursed, ==, LODE_MONEY_UNSET);

  /* Thar's figures, Dodar's events, and the disbursement of no project. */
  lode_portfolio_get_investment_totals (portfolio, &committed, &disbursed);
  g_assert_cmpint (committed, ==, 1000);
  g_assert_cmpint (disbursed, ==, 470);
}

static void
test_production_total (void)
{
  g_autoptr(GListStore) store = g_list_store_new (LODE_TYPE_PRODUCTION);
  g_autoptr(LodeProduction) national = lode_production_new ("copper", 2024, 15, LODE_UNIT_KT);
  g_autoptr(LodeProduction) project = lode_production_new ("copper", 2024, 9000, LODE_UNIT_T);
  g_autoptr(LodeProduction) other = lode_production_new ("copper", 2025, 2000, LODE_UNIT_T);
  g_autoptr(LodeProduction) volume = lode_production_new ("copper", 2025, 5, LODE_UNIT_M3);
  double quantity = -1;

  lode_production_set_project (project, "saindak");
  lode_production_set_project (other, "saindak");
  g_list_store_append (store, national);
  g_list_store_append (store, project);
  g_list_store_append (store, other);
  g_list_store_append (store, volume);

  /* The national figure holds the project's. */
  g_assert_true (lode_production_total (G_LIST_MODEL (store), "copper", 2024, LODE_UNIT_T, &quantity));
  g_assert_cmpfloat (quantity, ==, 15000);
  /* Without one, the projects add up; a volume does not convert. */
  g_assert_true (lode_production_total (G_LIST_MODEL (store), "copper", 2025, LODE_UNIT_KT, &quantity));
  g_assert_cmpfloat (quantity, ==, 2);
  g_assert_false (lode_production_total (G_LIST_MODEL (store), "gold", 2025, LODE_UNIT_T, &quantity));
}

static void
test_history_notify (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  g_autofree char *label = NULL;
  gboolean can_undo = FALSE;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Portfolio B");
  lode_history_set_property (history, "Rename Portfolio", G_OBJECT (portfolio), "title", &value);

  g_object_get (history, "can-undo", &can_undo, "undo-label", &label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (label, ==, "Rename Portfolio");

  lode_history_clear (history);
  g_assert_false (lode_history_get_can_undo (history));
  g_assert_cmpstr (lode_portfolio_get_title (portfolio), ==, "Portfolio B");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/property", test_history_property);
  g_test_add_func ("/history/branch", test_history_branch);
  g_test_add_func ("/history/round-trip", test_history_round_trip);
  g_test_add_func ("/history/notify", test_history_notify);
  g_test_add_func ("/history/investment", test_history_investment);
  g_test_add_func ("/investment/totals", test_investment_totals);
  g_test_add_func ("/production/total", test_production_total);

  return g_test_run ();
}
