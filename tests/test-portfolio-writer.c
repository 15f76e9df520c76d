/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "lode-enum-types.h"
#include "lode-export-table-private.h"
#include "lode-json-writer.h"
#include "lode-portfolio-io.h"

/* The writer of format v1 and its snapshots: the export records, written
 * straight into the output, give the bytes the generic LodeJsonWriter
 * gives; a snapshot keeps the bytes of the moment it was taken while the
 * table changes, also when a worker thread writes it meanwhile. */

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_bytes_equal (GBytes *actual,
                    GBytes *expected)
{
  gsize actual_length, expected_length;
  const char *actual_data = g_bytes_get_data (actual, &actual_length);
  const char *expected_data = g_bytes_get_data (expected, &expected_length);
  g_autofree char *actual_text = g_strndup (actual_data, actual_length);
  g_autofree char *expected_text = g_strndup (expected_data, expected_length);

  /* As text, so that a failure shows what differs. */
  g_assert_cmpstr (actual_text, ==, expected_text);
  g_assert_cmpuint (actual_length, ==, expected_length);
}

/* A record of every shape the writer has a branch for. */
static void
fill_row (LodeExportRow *row,
          guint          i,
          char          *scratch,
          gsize          scratch_size)
{
  static const double quantities[] = {
    LODE_QUANTITY_UNSET, 0, 1, 1200.5, 0.1, 1e-7, 123456789012.25, 1e20, 2.5e-5, 1.0 / 3,
  };
  static const LodeMoney values[] = {
    0, 5, 10, 15, 100, 125, 114000000025, LODE_MONEY_MAX, LODE_MONEY_UNSET, 99,
  };
  static const char *destinations[] = { NULL, "CN", "AE", "quote \" and \\ back", "tab\tnew\nline\x01" };
  static const char *sources[] = { NULL, "gacc-2025", "日本語の出典", "ctl\x1f" };

  g_snprintf (scratch, scratch_size, "mineral-%u", i % 7);
  memset (row, 0, sizeof *row);
  row->mineral = i % 11 == 3 ? "copper \"refined\"" : scratch;
  row->year = i % 13 == 0 ? 0 : 1990 + (int) (i % 40);
  row->month = i % 13;
  row->destination = destinations[i % G_N_ELEMENTS (destinations)];
  row->hs_code = i % 3 == 0 ? NULL : (i % 3 == 1 ? "7403" : "2603.00");
  row->stage = i % LODE_N_STAGES;
  row->quantity = quantities[i % G_N_ELEMENTS (quantities)];
  row->unit = i % (LODE_UNIT_M3 + 1);
  row->value = values[i % G_N_ELEMENTS (values)];
  row->source = sources[i % G_N_ELEMENTS (sources)];
}

static void
add_rows (LodeExportTable *table,
          guint            n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;
      char scratch[32];

      fill_row (&row, i, scratch, sizeof scratch);
      lode_export_table_append (table, &row);

      if (i % 5 == 2)
        {
          g_autofree char *text = g_strdup_printf ("{\"customs_ref\": \"R-%u\", "
                                                   "\"more\": {\"a\": [1, 2.5, null, true, \"x\"]}}", i);
          g_autoptr(JsonObject) extra = parse_object (text);

          lode_export_table_set_extra (table, i, extra);
        }
    }
}

/* The document as the generic writer writes it, record by record. */
static GBytes *
reference_bytes (LodePortfolio *portfolio)
{
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "format");
  lode_json_writer_string (writer, LODE_PORTFOLIO_FORMAT);
  lode_json_writer_member (writer, "version");
  lode_json_writer_int (writer, LODE_PORTFOLIO_VERSION);
  lode_json_writer_member (writer, "title");
  lode_json_writer_string (writer, lode_portfolio_get_title (portfolio));
  lode_json_writer_member (writer, "currency");
  lode_json_writer_string (writer, lode_portfolio_get_currency (portfolio));
  lode_json_writer_member (writer, "sources");
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);
  lode_json_writer_member (writer, "minerals");
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);

  lode_json_writer_member (writer, "exports");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;
      const char *stage, *unit;

      lode_export_table_get_row (table, i, &row);
      stage = row.stage == LODE_STAGE_UNKNOWN ? NULL : lode_enum_to_nick (LODE_TYPE_STAGE, row.stage);
      unit = row.unit == LODE_UNIT_NONE ? NULL : lode_enum_to_nick (LODE_TYPE_UNIT, row.unit);

      lode_json_writer_begin_object (writer);
      lode_json_writer_member (writer, "mineral");
      lode_json_writer_string (writer, row.mineral);
      if (row.year != 0)
        {
          lode_json_writer_member (writer, "year");
          lode_json_writer_int (writer, row.year);
        }
      if (row.month != 0)
        {
          lode_json_writer_member (writer, "month");
          lode_json_writer_int (writer, row.month);
        }
      if (row.destination != NULL)
        {
          lode_json_writer_member (writer, "destination");
          lode_json_writer_string (writer, row.destination);
        }
      if (row.hs_code != NULL)
        {
          lode_json_writer_member (writer, "hs_code");
          lode_json_writer_string (writer, row.hs_code);
        }
      if (stage != NULL)
        {
          lode_json_writer_member (writer, "stage");
          lode_json_writer_string (writer, stage);
        }
      if (row.quantity >= 0)
        {
          lode_json_writer_member (writer, "quantity");
          lode_json_writer_double (writer, row.quantity);
        }
      if (unit != NULL)
        {
          lode_json_writer_member (writer, "unit");
          lode_json_writer_string (writer, unit);
        }
      if (row.value != LODE_MONEY_UNSET)
        {
          lode_json_writer_member (writer, "value_usd");
          lode_json_writer_money (writer, row.value);
        }
      if (row.source != NULL)
        {
          lode_json_writer_member (writer, "source");
          lode_json_writer_string (writer, row.source);
        }
      lode_json_writer_members (writer, lode_export_table_get_extra (table, i));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);

  lode_json_writer_member (writer, "projects");
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);
  lode_json_writer_member (writer, "targets");
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);
  lode_json_writer_end_object (writer);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

static void
test_records_as_generic_writer (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Shapes");
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;

  /* No records: an empty array, as the generic writer writes it. */
  expected = reference_bytes (portfolio);
  actual = lode_portfolio_to_bytes (portfolio);
  assert_bytes_equal (actual, expected);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (actual, NULL), -1, "\"exports\": [],"));
  g_clear_pointer (&expected, g_bytes_unref);
  g_clear_pointer (&actual, g_bytes_unref);

  add_rows (lode_portfolio_get_exports (portfolio), 400);
  expected = reference_bytes (portfolio);
  actual = lode_portfolio_to_bytes (portfolio);
  assert_bytes_equal (actual, expected);
}

static void
test_extras_sealed (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autoptr(JsonObject) extra = parse_object ("{\"note\": {\"deep\": [1]}}");

  add_rows (table, 1);
  g_assert_false (json_object_is_immutable (extra));
  lode_export_table_set_extra (table, 0, extra);
  g_assert_true (json_object_is_immutable (extra));
  g_assert_true (json_node_is_immutable (json_object_get_member (extra, "note")));
}

/* Every kind of change the table knows, on every kind of row. */
static void
edit_table (LodeExportTable *table,
            guint            round)
{
  guint n = lode_export_table_get_n_rows (table);
  g_autofree char *note = g_strdup_printf ("{\"edited\": %u}", round);
  g_autoptr(JsonObject) extra = parse_object (note);
  g_autofree char *mineral = g_strdup_printf ("new-mineral-%u", round);
  LodeExportRow row;
  char scratch[32];

  fill_row (&row, round + 1, scratch, sizeof scratch);
  row.mineral = mineral;   /* a string the table has not interned yet */
  row.value = 4242;

  lode_export_table_replace (table, round % n, &row);
  lode_export_table_insert (table, (round * 7) % n, &row);
  lode_export_table_remove (table, (round * 3) % n, 1);
  lode_export_table_set_extra (table, (round * 5) % n, extra);
  lode_export_table_set_extra (table, 2, NULL);
  lode_export_table_append (table, &row);
  lode_export_table_reserve (table, lode_export_table_get_n_rows (table) + 1000);
}

static void
test_snapshot_keeps_moment (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) from_snapshot = NULL;
  g_autoptr(GBytes) again = NULL;
  LodePortfolioSnapshot *snapshot;

  add_rows (table, 300);
  before = lode_portfolio_to_bytes (portfolio);

  snapshot = lode_portfolio_snapshot_new (portfolio);
  for (guint round = 0; round < 5; round++)
    edit_table (table, round);
  lode_portfolio_set_title (portfolio, "Renamed after the snapshot");

  after = lode_portfolio_to_bytes (portfolio);
  g_assert_false (g_bytes_equal (after, before));

  /* Written twice, the snapshot still gives the bytes of its moment. */
  from_snapshot = lode_portfolio_snapshot_to_bytes (snapshot);
  assert_bytes_equal (from_snapshot, before);
  again = lode_portfolio_snapshot_to_bytes (snapshot);
  assert_bytes_equal (again, before);
  lode_portfolio_snapshot_free (snapshot);

  /* A snapshot released before the next edit leaves the table as edited;
   * a new one gives the new bytes. */
  snapshot = lode_portfolio_snapshot_new (portfolio);
  lode_portfolio_snapshot_free (snapshot);
  edit_table (table, 9);
  g_clear_pointer (&after, g_bytes_unref);
  after = lode_portfolio_to_bytes (portfolio);
  snapshot = lode_portfolio_snapshot_new (portfolio);
  g_clear_pointer (&from_snapshot, g_bytes_unref);
  from_snapshot = lode_portfolio_snapshot_to_bytes (snapshot);
  assert_bytes_equal (from_snapshot, after);
  lode_portfolio_snapshot_free (snapshot);
}

static void
test_snapshot_outlives_portfolio (void)
{
  LodePortfolio *portfolio = lode_portfolio_new_sample ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) from_snapshot = NULL;
  g_autoptr(LodePortfolioSnapshot) snapshot = NULL;

  add_rows (lode_portfolio_get_exports (portfolio), 50);
  before = lode_portfolio_to_bytes (portfolio);
  snapshot = lode_portfolio_snapshot_new (portfolio);
  g_object_unref (portfolio);

  from_snapshot = lode_portfolio_snapshot_to_bytes (snapshot);
  assert_bytes_equal (from_snapshot, before);
}

typedef struct
{
  LodePortfolioSnapshot *snapshot;
  GBytes                *expected;
  guint                  n_writes;
  gboolean               free_here;
  gint                   done;      /* atomic */
} Worker;

static gpointer
worker_thread (gpointer user_data)
{
  Worker *worker = user_data;

  for (guint i = 0; i < worker->n_writes; i++)
    {
      g_autoptr(GBytes) bytes = lode_portfolio_snapshot_to_bytes (worker->snapshot);

      /* No GLib assertion here: a mismatch is reported by the main thread. */
      if (!g_bytes_equal (bytes, worker->expected))
        return GINT_TO_POINTER (FALSE);
    }

  if (worker->free_here)
    lode_portfolio_snapshot_free (g_steal_pointer (&worker->snapshot));

  g_atomic_int_set (&worker->done, TRUE);

  return GINT_TO_POINTER (TRUE);
}

static void
test_snapshot_in_thread (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(GBytes) expected = NULL;
  Worker worker = { NULL, };
  GThread *thread;
  guint rounds = 0;

  add_rows (table, 10000);
  expected = lode_portfolio_to_bytes (portfolio);

  worker.snapshot = lode_portfolio_snapshot_new (portfolio);
  worker.expected = expected;
  worker.n_writes = 3;
  thread = g_thread_new ("snapshot-writer", worker_thread, &worker);

  /* The main thread edits while the worker writes. */
  while (!g_atomic_int_get (&worker.done) && rounds < 100000)
    edit_table (table, rounds++);

  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
  g_assert_cmpuint (rounds, >, 0);
  lode_portfolio_snapshot_free (worker.snapshot);
}

static void
test_snapshot_freed_in_thread (void)
{
  LodePortfolio *portfolio = lode_portfolio_new_sample ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autoptr(GBytes) expected = NULL;
  Worker worker = { NULL, };
  GThread *thread;

  add_rows (table, 2000);
  expected = lode_portfolio_to_bytes (portfolio);

  worker.snapshot = lode_portfolio_snapshot_new (portfolio);
  worker.expected = expected;
  worker.n_writes = 1;
  worker.free_here = TRUE;
  thread = g_thread_new ("snapshot-writer", worker_thread, &worker);
  edit_table (table, 1);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));

  /* The worker handed the release to this thread's main context: until it
   * runs, the snapshot still holds the table. */
  g_object_add_weak_pointer (G_OBJECT (table), (gpointer *) &table);
  g_object_unref (portfolio);
  g_assert_nonnull (table);

  while (table != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_save_snapshot (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodePortfolioSnapshot) snapshot = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  /* Large enough to be written in several pieces. */
  add_rows (lode_portfolio_get_exports (portfolio), 36000);
  expected = lode_portfolio_to_bytes (portfolio);
  g_assert_cmpuint (g_bytes_get_size (expected), >, 2 * (1 << 22));
  snapshot = lode_portfolio_snapshot_new (portfolio);
  edit_table (lode_portfolio_get_exports (portfolio), 3);

  g_assert_true (lode_portfolio_snapshot_save_file (snapshot, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/writer/records-as-generic-writer", test_records_as_generic_writer);
  g_test_add_func ("/lode/writer/extras-sealed", test_extras_sealed);
  g_test_add_func ("/lode/writer/snapshot/keeps-moment", test_snapshot_keeps_moment);
  g_test_add_func ("/lode/writer/snapshot/outlives-portfolio", test_snapshot_outlives_portfolio);
  g_test_add_func ("/lode/writer/snapshot/in-thread", test_snapshot_in_thread);
  g_test_add_func ("/lode/writer/snapshot/freed-in-thread", test_snapshot_freed_in_thread);
  g_test_add_func ("/lode/writer/snapshot/save", test_save_snapshot);

  return g_test_run ();
}
