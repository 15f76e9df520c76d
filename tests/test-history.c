/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-history.h"
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

  return g_test_run ();
}
