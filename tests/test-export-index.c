/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-export-index.h"

static const char * const minerals[] = { "copper", "iron-ore", "chromite", "coal", "gold", "zinc", "lead" };
static const char * const names[] = { "Copper", "Iron ore", "Chromite", "Coal", "Gold", "Zinc", "Lead" };
static const char * const destinations[] = { "CN", "AE", "US", "DE", NULL, "JP", "GB", "IN" };

static const char *
mineral_name (const char *id,
              gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (minerals); i++)
    if (g_str_equal (id, minerals[i]))
      return names[i];

  return NULL;
}

static LodeExportTable *
make_table (guint  n_rows,
            GRand *rand)
{
  LodeExportTable *table = lode_export_table_new ();

  lode_export_table_reserve (table, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row = {
        .mineral = minerals[g_rand_int_range (rand, 0, G_N_ELEMENTS (minerals))],
        .year = g_rand_int_range (rand, 2005, 2025),
        .month = g_rand_int_range (rand, 0, 13),
        .destination = destinations[g_rand_int_range (rand, 0, G_N_ELEMENTS (destinations))],
        .hs_code = (i % 3) ? "2603" : "7403",
        .stage = g_rand_int_range (rand, 0, LODE_N_STAGES),
        .quantity = (i % 5) ? g_rand_int_range (rand, 0, 100000) / 10.0 : LODE_QUANTITY_UNSET,
        .unit = (i % 5) ? LODE_UNIT_T : LODE_UNIT_NONE,
        .value = g_rand_int_range (rand, 0, 1000000000),
        .source = NULL,
      };

      lode_export_table_append_silent (table, &row);
    }
  lode_export_table_announce (table, 0, 0, n_rows);

  return table;
}

/* The shown rows are sorted, pass the filter and are all that pass it. */
static void
check_index (LodeExportIndex *index,
             LodeExportSort   sort,
             gboolean         descending,
             const char      *mineral,
             int              stage)
{
  LodeExportTable *table = lode_export_index_get_table (index);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (index));
  guint n_expected = 0;
  LodeMoney total = 0;
  LodeExportRow prev = { 0 };

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      if ((mineral == NULL || g_str_equal (row.mineral, mineral)) &&
          (stage == LODE_EXPORT_STAGE_ANY || (int) row.stage == stage))
        {
          n_expected++;
          total += row.value;
        }
    }

  g_assert_cmpuint (n_items, ==, n_expected);
  g_assert_cmpint (lode_export_index_get_totals (index)->value, ==, total);
  g_assert_cmpuint (lode_export_index_get_totals (index)->count, ==, n_expected);

  for (guint i = 0; i < n_items; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, lode_export_index_get_row_position (index, i), &row);
      if (mineral != NULL)
        g_assert_cmpstr (row.mineral, ==, mineral);
      if (stage != LODE_EXPORT_STAGE_ANY)
        g_assert_cmpint (row.stage, ==, stage);

      if (i > 0)
        {
          int cmp = 0;

          if (sort == LODE_EXPORT_SORT_VALUE)
            cmp = prev.value < row.value ? -1 : prev.value > row.value;
          else if (sort == LODE_EXPORT_SORT_MINERAL)
            {
              g_autofree char *a = g_utf8_casefold (mineral_name (prev.mineral, NULL) ?: prev.mineral, -1);
              g_autofree char *b = g_utf8_casefold (mineral_name (row.mineral, NULL) ?: row.mineral, -1);

              cmp = g_utf8_collate (a, b);
            }
          else if (sort == LODE_EXPORT_SORT_DATE)
            cmp = (prev.year * 13 + prev.month) - (row.year * 13 + row.month);

          if (descending)
            cmp = -cmp;
          g_assert_cmpint (cmp, <=, 0);
        }
      prev = row;
    }
}

/* Follows items-changed to keep a count that must equal n_items. */
static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  g_assert_cmpuint (position + removed, <=, *count);
  *count = *count - removed + added;
  g_assert_cmpuint (*count, ==, g_list_model_get_n_items (model));
}

static void
test_sort_filter_small (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(LodeExportTable) table = make_table (2000, rand);
  g_autoptr(LodeExportIndex) index = lode_export_index_new (table);
  guint count = 2000;

  lode_export_index_set_name_funcs (index, mineral_name, NULL, NULL);
  g_signal_connect (index, "items-changed", G_CALLBACK (count_items_changed), &count);

  check_index (index, LODE_EXPORT_SORT_NONE, FALSE, NULL, LODE_EXPORT_STAGE_ANY);

  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, FALSE);
  check_index (index, LODE_EXPORT_SORT_VALUE, FALSE, NULL, LODE_EXPORT_STAGE_ANY);

  lode_export_index_set_sort (index, LODE_EXPORT_SORT_MINERAL, TRUE);
  check_index (index, LODE_EXPORT_SORT_MINERAL, TRUE, NULL, LODE_EXPORT_STAGE_ANY);

  lode_export_index_set_filter (index, "copper", 0, 0, NULL, LODE_STAGE_REFINED, NULL);
  check_index (index, LODE_EXPORT_SORT_MINERAL, TRUE, "copper", LODE_STAGE_REFINED);

  /* The search matches the names people read, without regard to case. */
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, "IRON");
  check_index (index, LODE_EXPORT_SORT_MINERAL, TRUE, "iron-ore", LODE_EXPORT_STAGE_ANY);

  lode_export_index_set_filter (index, NULL, 2010, 2011, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (index)); i++)
    {
      g_autoptr(LodeExportRecord) record = g_list_model_get_item (G_LIST_MODEL (index), i);
      const LodeExportRow *row = lode_export_record_get_row (record);

      g_assert_cmpint (row->year, >=, 2010);
      g_assert_cmpint (row->year, <=, 2011);
    }

  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, "no such thing");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (index)), ==, 0);
  g_assert_cmpuint (count, ==, 0);
}

static void
test_patch_after_edit (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(LodeExportTable) table = make_table (3000, rand);
  g_autoptr(LodeExportIndex) index = lode_export_index_new (table);
  guint count;
  LodeExportRow row;

  lode_export_index_set_name_funcs (index, mineral_name, NULL, NULL);
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, FALSE);
  lode_export_index_set_filter (index, "copper", 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  count = g_list_model_get_n_items (G_LIST_MODEL (index));
  g_signal_connect (index, "items-changed", G_CALLBACK (count_items_changed), &count);

  for (guint round = 0; round < 50; round++)
    {
      guint position = g_rand_int_range (rand, 0, lode_export_table_get_n_rows (table));

      lode_export_table_get_row (table, position, &row);
      row.value = g_rand_int_range (rand, 0, 1000000000);
      row.mineral = "copper";

      switch (round % 3)
        {
        case 0:
          lode_export_table_insert (table, position, &row);
          break;
        case 1:
          lode_export_table_replace (table, position, &row);
          break;
        default:
          lode_export_table_remove (table, position, 1 + round % 4);
          break;
        }

      check_index (index, LODE_EXPORT_SORT_VALUE, FALSE, "copper", LODE_EXPORT_STAGE_ANY);
    }

  /* A string the index has not ranked yet. */
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_MINERAL, FALSE);
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  row.mineral = "vermiculite";
  lode_export_table_append (table, &row);
  check_index (index, LODE_EXPORT_SORT_MINERAL, FALSE, NULL, LODE_EXPORT_STAGE_ANY);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Runs what is left for idle time. */
static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until the worker's result is in. */
static void
wait_for_index (LodeExportIndex *index)
{
  while (lode_export_index_get_busy (index))
    g_main_context_iteration (NULL, TRUE);
}

/* A list view's part: it holds the items of the first rows, as row
 * widgets do, and takes the new ones of the rows that changed. */
#define N_HELD 40

/* Beside the first rows, one far away, as a selection holds it. */
#define FAR 150000

typedef struct
{
  GListModel *model;
  guint       count;
  GObject    *held[N_HELD];
  GObject    *far;
} View;

static void
view_items_changed (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    View       *view)
{
  g_assert_cmpuint (position + removed, <=, view->count);
  view->count = view->count - removed + added;
  g_assert_cmpuint (view->count, ==, g_list_model_get_n_items (model));

  for (guint i = 0; i < N_HELD; i++)
    {
      if (i >= view->count)
        g_clear_object (&view->held[i]);
      else if (view->held[i] == NULL || i >= position)
        {
          g_clear_object (&view->held[i]);
          view->held[i] = g_list_model_get_item (model, i);
        }
    }

  /* The far row, while there is one; only what the change covers. */
  if (FAR >= view->count)
    g_clear_object (&view->far);
  else if (view->far == NULL || (FAR >= position && (FAR < position + removed || removed != added)))
    {
      g_clear_object (&view->far);
      view->far = g_list_model_get_item (model, FAR);
    }
}

/* The rows the view holds are the rows shown. */
static void
check_view (View *view)
{
  for (guint i = 0; i < MIN (N_HELD, view->count); i++)
    {
      g_autoptr(LodeExportRecord) now = g_list_model_get_item (view->model, i);

      g_assert_cmpuint (lode_export_record_get_position (LODE_EXPORT_RECORD (view->held[i])), ==,
                        lode_export_record_get_position (now));
    }

  if (view->far != NULL)
    {
      g_autoptr(LodeExportRecord) now = g_list_model_get_item (view->model, FAR);

      g_assert_cmpuint (lode_export_record_get_position (LODE_EXPORT_RECORD (view->far)), ==,
                        lode_export_record_get_position (now));
    }
}

static void
view_clear (View *view)
{
  for (guint i = 0; i < N_HELD; i++)
    g_clear_object (&view->held[i]);
  g_clear_object (&view->far);
}

/* With items alive, a change is announced over their span, a few rows at
 * a time: a view that holds the first rows sees them all anew, and every
 * change it is told of fits the rows it knows. */
static void
test_background_view (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(LodeExportTable) table = make_table (200000, rand);
  g_autoptr(LodeExportIndex) index = lode_export_index_new (NULL);
  View view = { G_LIST_MODEL (index), 0, { NULL, } };

  lode_export_index_set_name_funcs (index, mineral_name, NULL, NULL);
  lode_export_index_set_background (index, TRUE);
  g_signal_connect (index, "items-changed", G_CALLBACK (view_items_changed), &view);

  lode_export_index_set_table (index, table);
  wait_for_index (index);
  settle ();
  check_view (&view);

  g_assert_nonnull (view.far);
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, TRUE);
  wait_for_index (index);
  settle ();
  check_index (index, LODE_EXPORT_SORT_VALUE, TRUE, NULL, LODE_EXPORT_STAGE_ANY);
  check_view (&view);

  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, "copper");
  wait_for_index (index);
  settle ();
  check_view (&view);

  /* A change while the last one is still being announced. */
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_MINERAL, FALSE);
  wait_for_index (index);
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  wait_for_index (index);
  settle ();
  check_index (index, LODE_EXPORT_SORT_MINERAL, FALSE, NULL, LODE_EXPORT_STAGE_ANY);
  check_view (&view);

  /* The same while the number of rows changes, both ways. */
  lode_export_index_set_filter (index, "gold", 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  wait_for_index (index);
  g_assert_cmpuint (view.count, <, 200000);
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  wait_for_index (index);
  lode_export_index_set_filter (index, "coal", 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  wait_for_index (index);
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  wait_for_index (index);
  settle ();
  check_view (&view);
  g_assert_cmpuint (view.count, ==, 200000);

  view_clear (&view);
}

/* In the background, a large table is sorted and filtered by a worker: the
 * calls return at once, busy, and the result comes in one change; an edit
 * while the worker runs is not lost. */
static void
test_background (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(LodeExportTable) table = make_table (300000, rand);
  g_autoptr(LodeExportIndex) index = lode_export_index_new (NULL);
  guint count = 0;
  guint n_busy_changes = 0;
  LodeExportRow row;

  lode_export_index_set_name_funcs (index, mineral_name, NULL, NULL);
  lode_export_index_set_background (index, TRUE);
  g_signal_connect (index, "items-changed", G_CALLBACK (count_items_changed), &count);
  g_signal_connect (index, "notify::busy", G_CALLBACK (count_notify), &n_busy_changes);

  lode_export_index_set_table (index, table);
  g_assert_true (lode_export_index_get_busy (index));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (index)), ==, 0);
  wait_for_index (index);
  g_assert_cmpuint (n_busy_changes, ==, 2);
  check_index (index, LODE_EXPORT_SORT_NONE, FALSE, NULL, LODE_EXPORT_STAGE_ANY);
  g_assert_cmpuint (count, ==, 300000);

  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, TRUE);
  g_assert_true (lode_export_index_get_busy (index));
  wait_for_index (index);
  check_index (index, LODE_EXPORT_SORT_VALUE, TRUE, NULL, LODE_EXPORT_STAGE_ANY);

  lode_export_index_set_sort (index, LODE_EXPORT_SORT_MINERAL, FALSE);
  lode_export_index_set_filter (index, "copper", 0, 0, NULL, LODE_STAGE_REFINED, NULL);
  wait_for_index (index);
  check_index (index, LODE_EXPORT_SORT_MINERAL, FALSE, "copper", LODE_STAGE_REFINED);

  /* The search matches the names people read, in the worker too. */
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, "IRON");
  wait_for_index (index);
  check_index (index, LODE_EXPORT_SORT_MINERAL, FALSE, "iron-ore", LODE_EXPORT_STAGE_ANY);

  /* Edits while the worker runs: the job starts again over the new rows. */
  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, FALSE);
  g_assert_true (lode_export_index_get_busy (index));
  lode_export_table_get_row (table, 1000, &row);
  row.value = 1;
  lode_export_table_replace (table, 1000, &row);
  lode_export_table_remove (table, 5, 2);
  g_assert_true (lode_export_index_get_busy (index));
  wait_for_index (index);
  check_index (index, LODE_EXPORT_SORT_VALUE, FALSE, NULL, LODE_EXPORT_STAGE_ANY);
  g_assert_cmpuint (count, ==, 299998);

  /* An edit once it is done is patched at once, as without a worker. */
  row.value = 2;
  lode_export_table_replace (table, 2000, &row);
  g_assert_false (lode_export_index_get_busy (index));
  check_index (index, LODE_EXPORT_SORT_VALUE, FALSE, NULL, LODE_EXPORT_STAGE_ANY);

  /* Dropped while the rows are being copied: the job goes with it. */
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_DATE, FALSE);
  g_assert_true (lode_export_index_get_busy (index));
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* A million records: the figures go to the TAP output. */
static void
test_million (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(LodeExportTable) table = make_table (1000000, rand);
  g_autoptr(LodeExportIndex) index = NULL;
  LodeExportRow row;
  gint64 start;

  start = g_get_monotonic_time ();
  index = lode_export_index_new (table);
  g_test_message ("1M rows: index built in %.3f s", seconds_since (start));
  lode_export_index_set_name_funcs (index, mineral_name, NULL, NULL);

  start = g_get_monotonic_time ();
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_VALUE, TRUE);
  g_test_message ("1M rows: sort by value in %.3f s", seconds_since (start));

  start = g_get_monotonic_time ();
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_MINERAL, FALSE);
  g_test_message ("1M rows: sort by mineral name in %.3f s", seconds_since (start));

  start = g_get_monotonic_time ();
  lode_export_index_set_sort (index, LODE_EXPORT_SORT_DATE, FALSE);
  g_test_message ("1M rows: sort by date in %.3f s", seconds_since (start));

  start = g_get_monotonic_time ();
  lode_export_index_set_filter (index, "copper", 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  g_test_message ("1M rows: filter by mineral in %.3f s (%u shown)", seconds_since (start),
                  g_list_model_get_n_items (G_LIST_MODEL (index)));

  start = g_get_monotonic_time ();
  lode_export_index_set_filter (index, NULL, 2010, 2015, NULL, LODE_EXPORT_STAGE_ANY, "cop");
  g_test_message ("1M rows: search \"cop\" and years 2010-2015 in %.3f s (%u shown)",
                  seconds_since (start), g_list_model_get_n_items (G_LIST_MODEL (index)));

  lode_export_table_get_row (table, 500000, &row);
  row.value += 1;
  start = g_get_monotonic_time ();
  lode_export_table_replace (table, 500000, &row);
  g_test_message ("1M rows: index patched after one edit in %.3f s", seconds_since (start));

  start = g_get_monotonic_time ();
  lode_export_table_remove (table, 10, 1);
  g_test_message ("1M rows: index patched after one delete in %.3f s", seconds_since (start));

  lode_export_index_set_filter (index, NULL, 0, 0, NULL, LODE_EXPORT_STAGE_ANY, NULL);
  check_index (index, LODE_EXPORT_SORT_DATE, FALSE, NULL, LODE_EXPORT_STAGE_ANY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/export-index/sort-filter", test_sort_filter_small);
  g_test_add_func ("/lode/export-index/patch-after-edit", test_patch_after_edit);
  g_test_add_func ("/lode/export-index/background", test_background);
  g_test_add_func ("/lode/export-index/background-view", test_background_view);
  g_test_add_func ("/lode/export-index/million", test_million);

  return g_test_run ();
}
