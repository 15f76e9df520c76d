/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The streaming reader as a new user meets it: files written by other
 * tools (minified, with Windows line ends, members in another order) load
 * the same portfolio; loading a file reports its progress and stops when
 * cancelled. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "lode-oracle-reader.h"
#include "lode-portfolio-io.h"

static char *tmp_dir;

/* The sample with records that carry members Lode does not know, as the
 * generator of the benchmarks writes them: exports of every shape. */
static GBytes *
sample_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                 "monthly-exports.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static GBytes *
saved_bytes (const char *text,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = lode_oracle_compare (text, length, "t.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (portfolio);

  return lode_portfolio_to_bytes (portfolio);
}

static JsonObject *
parse_object (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* @object written by json-glib, minified or pretty. */
static char *
write_object (JsonObject *object,
              gboolean    pretty)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);

  return json_generator_to_data (generator, NULL);
}

static void
assert_same_portfolio (GBytes     *expected,
                       const char *text)
{
  g_autoptr(GBytes) got = saved_bytes (text, strlen (text));

  if (!g_bytes_equal (expected, got))
    g_error ("another portfolio:\n%s", (const char *) g_bytes_get_data (got, NULL));
}

static void
test_minified (void)
{
  g_autoptr(GBytes) original = sample_bytes ();
  g_autoptr(GBytes) expected = saved_bytes (g_bytes_get_data (original, NULL),
                                            g_bytes_get_size (original));
  g_autoptr(JsonObject) object = parse_object (original);
  g_autofree char *minified = write_object (object, FALSE);

  g_assert_null (strchr (minified, '\n'));
  assert_same_portfolio (expected, minified);
}

static void
test_windows_line_ends (void)
{
  g_autoptr(GBytes) original = sample_bytes ();
  g_autoptr(GBytes) expected = saved_bytes (g_bytes_get_data (original, NULL),
                                            g_bytes_get_size (original));
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (original, NULL), "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);

  g_assert_nonnull (strstr (crlf, "\r\n"));
  assert_same_portfolio (expected, crlf);
}

/* The members of the document in another order: the records before the
 * minerals and sources they refer to, the header last. */
static void
test_member_order (void)
{
  static const char * const orders[][10] = {
    { "exports", "minerals", "sources", "projects", "targets", NULL },
    { "targets", "projects", "exports", "minerals", "sources", NULL },
    { "exports", "targets", "projects", "minerals", "sources", NULL },
  };
  g_autoptr(GBytes) original = sample_bytes ();
  g_autoptr(GBytes) expected = saved_bytes (g_bytes_get_data (original, NULL),
                                            g_bytes_get_size (original));
  g_autoptr(JsonObject) object = parse_object (original);

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autoptr(JsonObject) reordered = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);
      g_autofree char *text = NULL;

      for (guint i = 0; orders[o][i] != NULL; i++)
        if (json_object_has_member (object, orders[o][i]))
          json_object_set_member (reordered, orders[o][i],
                                  json_object_dup_member (object, orders[o][i]));
      for (const GList *l = members; l != NULL; l = l->next)
        if (!json_object_has_member (reordered, l->data))
          json_object_set_member (reordered, l->data, json_object_dup_member (object, l->data));

      text = write_object (reordered, TRUE);
      g_assert_true (strstr (text, "\"exports\"") < strstr (text, "\"format\""));
      assert_same_portfolio (expected, text);
    }
}

/* Records before the minerals they name, one of which is missing: the
 * errors are those, and in the order, of the same file in the usual
 * order. */
static void
test_member_order_errors (void)
{
  static const char usual[] =
    "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\","
    "\"sources\":[{\"id\":\"src\",\"title\":\"S\"}],"
    "\"minerals\":[{\"id\":\"copper\",\"name\":\"Copper\",\"group\":\"base-metal\"}],"
    "\"exports\":[{\"mineral\":\"copper\",\"year\":2025,\"value_usd\":1.25,\"source\":\"src\"},"
    "{\"mineral\":\"tin\",\"year\":1700,\"value_usd\":1.255,\"source\":\"nowhere\"},"
    "{\"year\":2025,\"value_usd\":1}]}";
  static const char reordered[] =
    "{\"exports\":[{\"mineral\":\"copper\",\"year\":2025,\"value_usd\":1.25,\"source\":\"src\"},"
    "{\"source\":\"nowhere\",\"value_usd\":1.255,\"year\":1700,\"mineral\":\"tin\"},"
    "{\"year\":2025,\"value_usd\":1}],"
    "\"minerals\":[{\"id\":\"copper\",\"name\":\"Copper\",\"group\":\"base-metal\"}],"
    "\"sources\":[{\"id\":\"src\",\"title\":\"S\"}],"
    "\"title\":\"T\",\"version\":1,\"format\":\"lode-portfolio\"}";
  g_autoptr(GError) usual_error = NULL;
  g_autoptr(GError) reordered_error = NULL;
  g_autoptr(LodePortfolio) a = lode_oracle_compare (usual, strlen (usual), "t.json", &usual_error);
  g_autoptr(LodePortfolio) b = lode_oracle_compare (reordered, strlen (reordered), "t.json",
                                                    &reordered_error);

  g_assert_null (a);
  g_assert_null (b);
  g_assert_cmpstr (usual_error->message, ==,
                   "t.json: /exports/1/mineral: refers to mineral “tin”, which is not in the file\n"
                   "t.json: /exports/1/year: must be a year from 1800 to 2200\n"
                   "t.json: /exports/1/value_usd: must have at most two decimals (whole cents)\n"
                   "t.json: /exports/1/source: refers to source “nowhere”, which is not in the file\n"
                   "t.json: /exports/2/mineral: required member is missing");
  g_assert_cmpstr (reordered_error->message, ==, usual_error->message);
}

/* Records whose strings do not repeat (more than the reader keeps once),
 * and names and values written with escapes: the same portfolio as the
 * oracle's, and so the same bytes when saved. */
static void
test_distinct_and_escaped_strings (void)
{
  g_autoptr(GString) text = g_string_new (
    "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"Distinct\","
    "\"sources\":[{\"id\":\"src\",\"title\":\"S\"}],"
    "\"minerals\":[{\"id\":\"copper\",\"name\":\"Copper\",\"group\":\"base-metal\"}],"
    "\"exports\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  const guint n = 70000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "%s{\"min\\u0065ral\":\"%s\",\"year\":2020,"
                            "\"hs_code\":\"%06u\",\"value_usd\":%u.5,\"note\":\"n%u\"%s}",
                            i > 0 ? "," : "",
                            i % 2 == 0 ? "copper" : "c\\u006fpper",
                            100000 + i, i, i,
                            i % 3 == 0 ? ",\"source\":\"\\u0073rc\"" : "");
  g_string_append (text, "]}");

  portfolio = lode_oracle_compare (text->str, text->len, "t.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==, n);

  /* One of those strings names a mineral that is not there. */
  g_string_replace (text, "\"c\\u006fpper\",\"year\":2020,\"hs_code\":\"169999\"",
                    "\"tin\",\"year\":2020,\"hs_code\":\"169999\"", 1);
  g_clear_object (&portfolio);
  portfolio = lode_oracle_compare (text->str, text->len, "t.json", &error);
  g_assert_null (portfolio);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "t.json: /exports/69999/mineral: refers to mineral “tin”, which is not in the file");
}

/* The text of a generated portfolio of @n records, as the benchmarks
 * make them: the layout Lode writes, records with members Lode does not
 * know among them. */
static GBytes *
generated_bytes (guint n)
{
  g_autofree char *path = g_build_filename (tmp_dir, "generated.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (bench_generate_portfolio (path, n, 7, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);

  return g_bytes_new_take (contents, length);
}

/* As test_minified(), test_windows_line_ends() and test_member_order(),
 * with thousands of records, as a new user would try them: the reader
 * learns how the records are laid out from the first ones, and each of
 * these files lays them out another way. The records of all three are
 * those of the file as generated, whose saved bytes are its own. */
static void
test_generated_layouts (void)
{
  const guint n = 20000;
  g_autoptr(GBytes) original = generated_bytes (n);
  g_autoptr(GBytes) expected = saved_bytes (g_bytes_get_data (original, NULL),
                                            g_bytes_get_size (original));
  g_autoptr(JsonObject) object = parse_object (original);
  g_autoptr(JsonObject) reordered = json_object_new ();
  const char *text = g_bytes_get_data (original, NULL);
  gsize length = g_bytes_get_size (original);
  g_autoptr(GString) crlf_text = g_string_sized_new (length + length / 8);
  g_autofree char *crlf = NULL;
  guint n_lines = 0;
  g_autofree char *minified = write_object (object, FALSE);
  g_autofree char *exports_first = NULL;
  g_autoptr(GList) members = json_object_get_members (object);

  /* Not g_strsplit (): under AddressSanitizer its strstr() measures the
   * rest of the text at each line, which is quadratic. */
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        {
          g_string_append_c (crlf_text, '\r');
          n_lines++;
        }
      g_string_append_c (crlf_text, text[i]);
    }
  crlf = g_string_free (g_steal_pointer (&crlf_text), FALSE);

  g_assert_true (g_bytes_equal (expected, original));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "exports")),
                    ==, n);

  g_assert_null (strchr (minified, '\n'));
  assert_same_portfolio (expected, minified);

  g_assert_cmpuint (n_lines, >, n * 10);
  assert_same_portfolio (expected, crlf);

  json_object_set_member (reordered, "exports", json_object_dup_member (object, "exports"));
  for (const GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (reordered, l->data))
      json_object_set_member (reordered, l->data, json_object_dup_member (object, l->data));
  exports_first = write_object (reordered, TRUE);
  g_assert_true (strstr (exports_first, "\"exports\"") < strstr (exports_first, "\"minerals\""));
  assert_same_portfolio (expected, exports_first);
}

/* Records that repeat accepted strings take the quick way: what it does
 * not check itself (a period kind, an original amount) must still be
 * read as written, and refused where the full way refuses it. */
static void
test_periods_and_originals (void)
{
  static const char * const records[] = {
    "\"period\": \"fiscal_year\"",
    "\"period\": \"calendar_year\"",
    "",
    "\"original_amount\": 7, \"original_currency\": \"PKR\"",
    "\"period\": \"fiscal_year\", \"original_amount\": 8.5, \"original_currency\": \"CNY\"",
  };
  static const char * const refused[][2] = {
    { "\"month\": 3, \"period\": \"fiscal_year\"", "/exports/25/period" },
    { "\"original_amount\": 7", "/exports/25/original_currency" },
    { "\"original_currency\": \"PKR\"", "/exports/25/original_amount" },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, "{\"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"t\",\n"
                         " \"minerals\": [{\"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\"}],\n"
                         " \"exports\": [\n");
  for (guint i = 0; i < 25; i++)
    g_string_append_printf (text, "  {\"mineral\": \"copper\", \"year\": %u, \"value_usd\": %u%s%s},\n",
                            2000 + i, i + 1, *records[i % 5] != '\0' ? ", " : "", records[i % 5]);

  for (guint r = 0; r <= G_N_ELEMENTS (refused); r++)
    {
      g_autoptr(GString) file = g_string_new (text->str);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(JsonObject) object = NULL;
      JsonArray *exports;

      if (r < G_N_ELEMENTS (refused))
        g_string_append_printf (file, "  {\"mineral\": \"copper\", \"year\": 2030, \"value_usd\": 1, %s}\n",
                                refused[r][0]);
      else
        g_string_truncate (file, file->len - 2);
      g_string_append (file, "\n]}\n");

      portfolio = lode_oracle_compare (file->str, file->len, "t.json", &error);
      if (r < G_N_ELEMENTS (refused))
        {
          g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, refused[r][1]));
          continue;
        }

      g_assert_no_error (error);
      saved = lode_portfolio_to_bytes (portfolio);
      object = parse_object (saved);
      exports = json_object_get_array_member (object, "exports");
      g_assert_cmpuint (json_array_get_length (exports), ==, 25);
      for (guint i = 0; i < 25; i++)
        {
          JsonObject *record = json_array_get_object_element (exports, i);
          const char *kind = records[i % 5];
          const char *period = json_object_get_string_member_with_default (record, "period", "");
          const char *currency = json_object_get_string_member_with_default (record, "original_currency", "");

          g_assert_cmpint (json_object_get_int_member (record, "value_usd"), ==, i + 1);
          g_assert_true (*period == '\0' ? strstr (kind, "period") == NULL
                                         : strstr (kind, period) != NULL);
          g_assert_true (*currency == '\0' ? strstr (kind, "original") == NULL
                                           : strstr (kind, currency) != NULL);
        }
    }
}

/* An error message quotes the file's text: a run of digits in a refused
 * string is not a number, and both readers must quote it whole. */
static void
test_digits_in_error_messages (void)
{
  g_autofree char *digits = g_strnfill (97, '1');
  g_autofree char *text = g_strdup_printf ("{\n  \"format\": \"lode-portfol%sio\",\n"
                                           "  \"version\": 1,\n  \"title\": \"Invalid\"\n}\n",
                                           digits);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  portfolio = lode_oracle_compare (text, strlen (text), "t.json", &error);
  g_assert_null (portfolio);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, digits));
}

/* Records whose strings the reader has met in valid records before, each
 * wrong in another way, or right in an unusual one, after them: the reader
 * takes the first ones the short way and must still find every error of
 * the others, as the oracle does. */
static void
test_known_strings_checked (void)
{
  static const char * const records[] = {
    /* Right, unusually written. */
    "\"year\":2020.0",
    "\"year\":2020,\"month\":null",
    "\"year\":2020,\"month\":12.0",
    "\"year\":2020,\"quantity\":0,\"unit\":\"t\"",
    "\"year\":2020,\"quantity\":-0.0,\"unit\":\"t\"",
    "\"year\":2020,\"quantity\":1e2,\"unit\":\"t\"",
    "\"year\":2020,\"quantity\":null,\"stage\":null,\"unit\":null",
    "\"year\":2020,\"destination\":null,\"hs_code\":null,\"source\":null",
    "\"year\":2020,\"value_usd\":12345678901234.5",
    "\"year\":2020,\"value_usd\":0.07",
    "\"year\":2020,\"value_usd\":0",
    "\"year\":2020,\"value_usd\":11258999068426.23",
    "\"year\":2020,\"value_usd\":11258999068426.24",
    "\"year\":2020,\"value_usd\":69999999999999.99",
    "\"year\":2020,\"value_usd\":1.50",
    /* Wrong. */
    "\"year\":1799",
    "\"year\":2201",
    "\"year\":2020.5",
    "\"year\":\"2020\"",
    "\"year\":2020,\"month\":0",
    "\"year\":2020,\"month\":13",
    "\"year\":2020,\"month\":true",
    "\"year\":2020,\"quantity\":-1,\"unit\":\"t\"",
    "\"year\":2020,\"quantity\":5",
    "\"year\":2020,\"quantity\":5,\"unit\":null",
    "\"year\":2020,\"quantity\":\"5\",\"unit\":\"t\"",
    "\"year\":2020,\"stage\":1",
    "\"year\":2020,\"stage\":\"t\"",
    "\"year\":2020,\"unit\":\"refined\"",
    "\"year\":2020,\"destination\":\"7403\"",
    "\"year\":2020,\"hs_code\":\"CN\"",
    "\"year\":2020,\"destination\":[]",
    "\"year\":2020,\"source\":\"copper\"",
    "\"year\":2020,\"mineral\":\"src\"",
    "\"year\":2020,\"mineral\":null",
    "\"year\":2020,\"value_usd\":1.255",
    "\"year\":2020,\"value_usd\":-1",
    "\"year\":2020,\"value_usd\":null",
    "\"year\":2020,\"value_usd\":\"1\"",
    "\"year\":2020,\"value_usd\":1e300",
  };
  /* The records above that are right. */
  const guint n_right = 15;
  static const char head[] =
    "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\","
    "\"sources\":[{\"id\":\"src\",\"title\":\"S\"}],"
    "\"minerals\":[{\"id\":\"copper\",\"name\":\"Copper\",\"group\":\"base-metal\"}],"
    "\"exports\":[";
  /* Every string a record above uses, accepted in its member. */
  static const char known[] =
    "{\"mineral\":\"copper\",\"year\":2019,\"month\":3,\"destination\":\"CN\","
    "\"hs_code\":\"7403\",\"stage\":\"refined\",\"quantity\":2.5,\"unit\":\"t\","
    "\"value_usd\":10.25,\"source\":\"src\"}";

  for (guint r = 0; r < G_N_ELEMENTS (records); r++)
    {
      g_autoptr(GString) text = g_string_new (head);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      gboolean has_value = strstr (records[r], "value_usd") != NULL;
      gboolean has_mineral = strstr (records[r], "mineral") != NULL;
      gboolean has_destination = strstr (records[r], "destination") != NULL;

      for (guint i = 0; i < 3; i++)
        g_string_append_printf (text, "%s,", known);
      g_string_append_printf (text, "{%s%s%s%s},%s]}", records[r],
                              has_mineral ? "" : ",\"mineral\":\"copper\"",
                              has_value ? "" : ",\"value_usd\":1",
                              has_destination ? "" : ",\"destination\":\"CN\"",
                              known);

      g_test_message ("%s", records[r]);
      portfolio = lode_oracle_compare (text->str, text->len, "t.json", &error);
      if (r < n_right)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)),
                            ==, 5);
        }
      else
        {
          g_assert_null (portfolio);
          g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "/exports/3/"));
        }
    }
}

typedef struct
{
  guint   calls;
  guint64 last;
  guint64 total;
  gboolean cancel_at_half;
  GCancellable *cancellable;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->last);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last = done;
  progress->total = total;

  if (progress->cancel_at_half && done >= total / 2)
    g_cancellable_cancel (progress->cancellable);
}

/* A portfolio of @n records, written to a file in the test folder. */
static GFile *
write_records (guint n)
{
  g_autoptr(GString) text = g_string_new (
    "{\n  \"format\": \"lode-portfolio\",\n  \"version\": 1,\n  \"title\": \"Many\",\n"
    "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\" } ],\n"
    "  \"exports\": [\n");
  g_autofree char *path = g_build_filename (tmp_dir, "many.json", NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "    { \"mineral\": \"copper\", \"year\": %u, \"month\": %u, "
                            "\"destination\": \"CN\", \"value_usd\": %u.%02u }%s\n",
                            2000 + i % 25, 1 + i % 12, i, i % 100, i + 1 < n ? "," : "");
  g_string_append (text, "  ]\n}\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  return g_file_new_for_path (path);
}

static void
test_progress (void)
{
  g_autoptr(GFile) file = write_records (50000);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  Progress progress = { 0 };

  portfolio = lode_portfolio_load_file_full (file, progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==, 50000);

  /* Along the way, not only at the end; about a hundred times at most. */
  g_assert_cmpuint (progress.calls, >=, 10);
  g_assert_cmpuint (progress.calls, <=, 110);
  g_assert_cmpuint (progress.total, ==, g_file_info_get_size (info));
  g_assert_cmpuint (progress.last, ==, progress.total);
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(GFile) file = write_records (50000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  Progress progress = { .cancel_at_half = TRUE, .cancellable = cancellable };

  portfolio = lode_portfolio_load_file_full (file, progress_cb, &progress, cancellable, &error);
  g_assert_null (portfolio);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Soon after: the next report would have been the last chance. */
  g_assert_cmpuint (progress.last, <, progress.total);
  g_assert_cmpuint (progress.last, >=, progress.total / 2);

  /* Cancelled before it starts, it reads nothing. */
  g_clear_error (&error);
  portfolio = lode_portfolio_load_file_full (file, NULL, NULL, cancellable, &error);
  g_assert_null (portfolio);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("lode-test-reader-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/lode/reader/minified", test_minified);
  g_test_add_func ("/lode/reader/windows-line-ends", test_windows_line_ends);
  g_test_add_func ("/lode/reader/member-order", test_member_order);
  g_test_add_func ("/lode/reader/member-order-errors", test_member_order_errors);
  g_test_add_func ("/lode/reader/distinct-and-escaped-strings", test_distinct_and_escaped_strings);
  g_test_add_func ("/lode/reader/generated-layouts", test_generated_layouts);
  g_test_add_func ("/lode/reader/known-strings-checked", test_known_strings_checked);
  g_test_add_func ("/lode/reader/digits-in-error-messages", test_digits_in_error_messages);
  g_test_add_func ("/lode/reader/periods-and-originals", test_periods_and_originals);
  g_test_add_func ("/lode/reader/progress", test_progress);
  g_test_add_func ("/lode/reader/cancel", test_cancel);

  status = g_test_run ();

  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_clear_pointer (&tmp_dir, g_free);

  return status;
}
