/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lode-portfolio-io.h"

/* Hostile and broken input: every refusal says where, and a portfolio
 * that is already open stays as it was. */

/* The portfolio "already open" in every case: its saved bytes are compared
 * before and after each refused load. */
static LodePortfolio *open_portfolio;
static GBytes *open_bytes;

static void
assert_open_unchanged (void)
{
  g_autoptr(GBytes) now = lode_portfolio_to_bytes (open_portfolio);

  g_assert_true (g_bytes_equal (now, open_bytes));
  g_assert_false (lode_portfolio_get_modified (open_portfolio));
}

/* The document every case edits: compact, on one line, so a column is an
 * offset. */
static const char base_document[] =
  "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\","
  "\"sources\":[{\"id\":\"src\",\"title\":\"S\"}],"
  "\"minerals\":[{\"id\":\"copper\",\"name\":\"Copper\",\"group\":\"base-metal\","
  "\"reserves\":[{\"category\":\"proven\",\"quantity\":1,\"unit\":\"Mt\"}]}],"
  "\"exports\":[{\"mineral\":\"copper\",\"year\":2025,\"month\":3,\"stage\":\"refined\","
  "\"value_usd\":1.25,\"source\":\"src\"}],"
  "\"projects\":[{\"id\":\"proj\",\"name\":\"P\",\"status\":\"production\","
  "\"minerals\":[\"copper\"]}],"
  "\"targets\":[{\"id\":\"goal\",\"title\":\"G\",\"metric\":{\"kind\":\"exports\"},"
  "\"baseline\":{\"year\":2025,\"value_usd\":2},"
  "\"target\":{\"year\":2030,\"low_usd\":6,\"high_usd\":8}}],"
  "\"extra\":null}";

static void
append_pointer_token (GString    *pointer,
                      const char *token)
{
  g_string_append_c (pointer, '/');
  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == '~')
        g_string_append (pointer, "~0");
      else if (*p == '/')
        g_string_append (pointer, "~1");
      else
        g_string_append_c (pointer, *p);
    }
}

typedef struct
{
  const char *target;   /* JSON Pointer of the value to replace */
  const char *raw;      /* text put in its place; NULL drops the member */
  gssize      hole;     /* out: offset of the replacement, -1 if not met */
  GString    *pointer;
  GString    *out;
} Writer;

/* Writes @node compactly, with the value at writer->target replaced. */
static void
write_node (Writer   *writer,
            JsonNode *node)
{
  if (writer->raw != NULL && strcmp (writer->pointer->str, writer->target) == 0)
    {
      writer->hole = writer->out->len;
      g_string_append (writer->out, writer->raw);
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));
      gboolean first = TRUE;

      g_string_append_c (writer->out, '{');
      for (const GList *l = members; l != NULL; l = l->next)
        {
          gsize mark = writer->pointer->len;
          g_autofree char *name = NULL;
          JsonNode *name_node = json_node_init_string (json_node_alloc (), l->data);

          append_pointer_token (writer->pointer, l->data);
          if (writer->raw == NULL && strcmp (writer->pointer->str, writer->target) == 0)
            {
              writer->hole = writer->out->len;
              g_string_truncate (writer->pointer, mark);
              json_node_unref (name_node);
              continue;
            }
          if (!first)
            g_string_append_c (writer->out, ',');
          first = FALSE;
          name = json_to_string (name_node, FALSE);
          json_node_unref (name_node);
          g_string_append (writer->out, name);
          g_string_append_c (writer->out, ':');
          write_node (writer, json_object_get_member (json_node_get_object (node), l->data));
          g_string_truncate (writer->pointer, mark);
        }
      g_string_append_c (writer->out, '}');
      return;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (writer->out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = writer->pointer->len;

          if (i > 0)
            g_string_append_c (writer->out, ',');
          g_string_append_printf (writer->pointer, "/%u", i);
          write_node (writer, json_array_get_element (array, i));
          g_string_truncate (writer->pointer, mark);
        }
      g_string_append_c (writer->out, ']');
    }
  else
    {
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (writer->out, text);
    }
}

/* @document with the value at @target replaced by @raw (or dropped);
 * @hole is set to the offset of the replacement. */
static char *
edit_document (JsonNode   *document,
               const char *target,
               const char *raw,
               gsize      *hole)
{
  g_autoptr(GString) pointer = g_string_new (NULL);
  Writer writer = {
    .target = target,
    .raw = raw,
    .hole = -1,
    .pointer = pointer,
    .out = g_string_new (NULL),
  };

  write_node (&writer, document);
  g_assert_cmpint (writer.hole, >=, 0);
  *hole = writer.hole;

  return g_string_free (writer.out, FALSE);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static char *tmp_dir;

/* Loads @text from memory and from a file, which must give the same
 * result; checks that the open portfolio did not change. */
static LodePortfolio *
load_both_ways (const char  *text,
                gsize        length,
                GError     **error)
{
  g_autofree char *path = g_build_filename (tmp_dir, "t.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) data_error = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(LodePortfolio) from_data = NULL;
  g_autoptr(LodePortfolio) from_file = NULL;

  from_data = lode_portfolio_load_data (text, length, "t.json", &data_error);
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  from_file = lode_portfolio_load_file (file, NULL, &file_error);
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_true ((from_data == NULL) == (from_file == NULL));
  if (from_data == NULL)
    {
      g_auto(GStrv) parts = g_strsplit (file_error->message, path, -1);
      g_autofree char *named = g_strjoinv ("t.json", parts);

      g_assert_cmpuint (data_error->domain, ==, file_error->domain);
      g_assert_cmpint (data_error->code, ==, file_error->code);
      g_assert_cmpstr (named, ==, data_error->message);
    }
  assert_open_unchanged ();

  if (data_error != NULL)
    g_propagate_error (error, g_steal_pointer (&data_error));
  return g_steal_pointer (&from_data);
}

/* Checks that @text is refused with @code and a message holding
 * @expected. */
static void
assert_refused (const char *text,
                gsize       length,
                int         code,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = load_both_ways (text, length, &error);

  g_assert_null (portfolio);
  g_assert_nonnull (error);
  if (!g_error_matches (error, LODE_PORTFOLIO_ERROR, code) || strstr (error->message, expected) == NULL)
    g_error ("expected error %d “%s”, got %d:\n%s", code, expected, error->code, error->message);
}

typedef struct
{
  const char *name;
  const char *target;     /* JSON Pointer in base_document; NULL: @raw is the document */
  const char *raw;        /* NULL drops the member */
  int         code;       /* a LodePortfolioError, or -1 when the file loads */
  gssize      column;     /* >= 0: a syntax error at the hole + @column */
  const char *expected;   /* in the message; for code -1, the saved value_usd */
} Case;

#define ACCEPTED (-1)
#define SYNTAX   LODE_PORTFOLIO_ERROR_SYNTAX
#define INVALID  LODE_PORTFOLIO_ERROR_INVALID

static const Case cases[] = {
  /* Not JSON at all. */
  { "empty", NULL, "", SYNTAX, -1, "t.json:1:1: the file is empty" },
  { "whitespace", NULL, " \t\r\n  \n", SYNTAX, -1, "t.json:1:1: the file holds only whitespace" },
  { "not-json", NULL, "Lode portfolio\n", SYNTAX, -1, "t.json:1:1: unexpected word 'Lode'" },
  { "line-comment", NULL, "// portfolio\n{}", SYNTAX, -1, "t.json:1:1: comments are not allowed in JSON" },
  { "block-comment", "/title", "/* T */ \"T\"", SYNTAX, 0, "comments are not allowed in JSON" },
  { "trailing-garbage", NULL, "{\"format\":\"lode-portfolio\"}\n}", SYNTAX, -1,
    "t.json:2:1: unexpected text after the end of the document" },
  { "byte-order-mark", NULL, "\xEF\xBB\xBF{}", SYNTAX, -1,
    "t.json:1:1: a byte-order mark is not allowed at the start" },
  { "invalid-utf8", "/title", "\"T\xFF\"", SYNTAX, 2, "invalid UTF-8" },
  { "overlong-utf8", "/title", "\"\xC0\xAF\"", SYNTAX, 1, "invalid UTF-8" },
  { "duplicate-name", "/title", "\"T\",\"title\":\"U\"", SYNTAX, 4, "duplicate member \"title\"" },
  { "nan", "/exports/0/value_usd", "NaN", SYNTAX, 0, "NaN and Infinity are not JSON numbers" },
  { "infinity", "/exports/0/value_usd", "Infinity", SYNTAX, 0, "NaN and Infinity are not JSON numbers" },
  { "minus-infinity", "/exports/0/value_usd", "-Infinity", SYNTAX, 0, "NaN and Infinity are not JSON numbers" },
  { "1e400", "/exports/0/value_usd", "1e400", SYNTAX, 0, "number out of range" },
  { "minus-1e400", "/minerals/0/reserves/0/quantity", "-1e400", SYNTAX, 0, "number out of range" },
  /* The document is not an object. */
  { "top-level-array", NULL, "[{\"format\":\"lode-portfolio\"}]", INVALID, -1,
    "t.json: not a Lode portfolio: the document must be a JSON object" },
  { "top-level-number", NULL, "1", INVALID, -1,
    "t.json: not a Lode portfolio: the document must be a JSON object" },
  /* Numbers Lode reads: -0 is 0; a number too small for a double is 0. */
  { "minus-zero", "/exports/0/value_usd", "-0", ACCEPTED, -1, "0" },
  { "minus-zero-fraction", "/exports/0/value_usd", "-0.0", ACCEPTED, -1, "0" },
  { "underflow", "/exports/0/value_usd", "0.1e-400", ACCEPTED, -1, "0" },
  { "exponent", "/exports/0/value_usd", "125e-2", ACCEPTED, -1, "1.25" },
  { "minus-zero-year", "/exports/0/year", "-0", INVALID, -1,
    "t.json: /exports/0/year: must be a year from 1800 to 2200" },
  /* Content. */
  { "missing-format", "/format", NULL, INVALID, -1, "t.json: /format: required member is missing" },
  { "higher-version", "/version", "2", LODE_PORTFOLIO_ERROR_NEWER_VERSION, -1,
    "t.json: /version: this file was written by a newer version of Lode" },
  { "duplicate-source-id", "/sources", "[{\"id\":\"src\",\"title\":\"S\"},{\"id\":\"src\",\"title\":\"S2\"}]",
    INVALID, -1, "t.json: /sources/1/id: “src” is already the id of /sources/0" },
  { "dangling-mineral", "/exports/0/mineral", "\"tin\"", INVALID, -1,
    "t.json: /exports/0/mineral: refers to mineral “tin”, which is not in the file" },
  { "dangling-project-mineral", "/projects/0/minerals/0", "\"tin\"", INVALID, -1,
    "t.json: /projects/0/minerals/0: refers to mineral “tin”, which is not in the file" },
  { "negative-money", "/exports/0/value_usd", "-1.25", INVALID, -1,
    "t.json: /exports/0/value_usd: must be a non-negative number" },
  { "three-decimals", "/targets/0/target/low_usd", "6.001", INVALID, -1,
    "t.json: /targets/0/target/low_usd: must have at most two decimals (whole cents)" },
  { "money-too-large", "/targets/0/baseline/value_usd", "1e300", INVALID, -1,
    "t.json: /targets/0/baseline/value_usd: is too large: amounts go up to 70 trillion" },
  { "year-1799", "/exports/0/year", "1799", INVALID, -1,
    "t.json: /exports/0/year: must be a year from 1800 to 2200" },
  { "year-2201", "/targets/0/target/year", "2201", INVALID, -1,
    "t.json: /targets/0/target/year: must be a year from 1800 to 2200" },
  { "month-13", "/exports/0/month", "13", INVALID, -1,
    "t.json: /exports/0/month: must be a month from 1 to 12" },
  { "unknown-group", "/minerals/0/group", "\"metal\"", INVALID, -1,
    "t.json: /minerals/0/group: “metal” is not one of:" },
  { "unknown-category", "/minerals/0/reserves/0/category", "\"possible\"", INVALID, -1,
    "t.json: /minerals/0/reserves/0/category: “possible” is not one of:" },
  { "unknown-unit", "/minerals/0/reserves/0/unit", "\"Gt\"", INVALID, -1,
    "t.json: /minerals/0/reserves/0/unit: “Gt” is not one of:" },
  { "unknown-stage", "/exports/0/stage", "\"raw\"", INVALID, -1,
    "t.json: /exports/0/stage: “raw” is not one of:" },
  { "unknown-status", "/projects/0/status", "\"dormant\"", INVALID, -1,
    "t.json: /projects/0/status: “dormant” is not one of:" },
  { "unknown-metric-kind", "/targets/0/metric/kind", "\"imports\"", INVALID, -1,
    "t.json: /targets/0/metric/kind: “imports” is not one of:" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(JsonNode) base = parse (base_document);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize hole = 0;

  if (c->target == NULL)
    text = g_strdup (c->raw);
  else
    text = edit_document (base, c->target, c->raw, &hole);

  if (c->column >= 0)
    expected = g_strdup_printf ("t.json:1:%" G_GSIZE_FORMAT ": %s", hole + c->column + 1, c->expected);
  else
    expected = g_strdup (c->expected);

  if (c->code == ACCEPTED)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = load_both_ways (text, strlen (text), &error);
      g_autoptr(GBytes) saved = NULL;
      g_autofree char *value = NULL;

      g_assert_no_error (error);
      saved = lode_portfolio_to_bytes (portfolio);
      value = g_strdup_printf ("\"value_usd\": %s,\n", c->expected);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), value));
    }
  else
    assert_refused (text, strlen (text), c->code, expected);
}

/* Nesting of 100,000 levels, at the top and inside a member Lode does not
 * know: refused at the bracket one level too deep, never by the stack. */
static void
test_deep_nesting (void)
{
  const gsize levels = 100000;
  g_autoptr(GString) arrays = g_string_new (NULL);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(JsonNode) base = parse (base_document);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize hole;

  for (gsize i = 0; i < levels; i++)
    g_string_append_c (arrays, '[');
  for (gsize i = 0; i < levels; i++)
    g_string_append_c (arrays, ']');
  assert_refused (arrays->str, arrays->len, SYNTAX, "t.json:1:65: nesting deeper than 64 levels");

  for (gsize i = 0; i < levels; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append_c (objects, '1');
  for (gsize i = 0; i < levels; i++)
    g_string_append_c (objects, '}');
  assert_refused (objects->str, objects->len, SYNTAX, "t.json:1:321: nesting deeper than 64 levels");

  /* /extra sits at level 2 already. */
  text = edit_document (base, "/extra", arrays->str, &hole);
  expected = g_strdup_printf ("t.json:1:%" G_GSIZE_FORMAT ": nesting deeper than 64 levels", hole + 63 + 1);
  assert_refused (text, strlen (text), SYNTAX, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = edit_document (base, "/extra", objects->str, &hole);
  expected = g_strdup_printf ("t.json:1:%" G_GSIZE_FORMAT ": nesting deeper than 64 levels", hole + 63 * 5 + 1);
  assert_refused (text, strlen (text), SYNTAX, expected);
}

/* Strings up to 1 MiB load; one byte more is refused, as a value or as a
 * member name. */
static void
test_long_string (void)
{
  g_autoptr(JsonNode) base = parse (base_document);
  g_autoptr(GString) value = g_string_new ("\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize hole;

  for (gsize i = 0; i < LODE_PORTFOLIO_MAX_STRING; i++)
    g_string_append_c (value, 'a');
  g_string_append_c (value, '"');

  text = edit_document (base, "/title", value->str, &hole);
  portfolio = load_both_ways (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (lode_portfolio_get_title (portfolio)), ==, LODE_PORTFOLIO_MAX_STRING);
  g_clear_pointer (&text, g_free);

  g_string_insert_c (value, 1, 'b');
  text = edit_document (base, "/title", value->str, &hole);
  expected = g_strdup_printf ("t.json:1:%" G_GSIZE_FORMAT ": string longer than 1048576 bytes",
                              hole + 1);
  assert_refused (text, strlen (text), SYNTAX, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  g_string_append (value, ":1}");
  g_string_prepend_c (value, '{');
  text = edit_document (base, "/extra", value->str, &hole);
  expected = g_strdup_printf ("t.json:1:%" G_GSIZE_FORMAT ": string longer than 1048576 bytes",
                              hole + 2);
  assert_refused (text, strlen (text), SYNTAX, expected);
}

/* Up to 20 errors are listed, then how many more there are. */
static void
test_many_errors (void)
{
  g_autoptr(JsonNode) base = parse (base_document);
  g_autoptr(GString) exports = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize hole;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (exports, "%s{\"mineral\":\"copper\",\"year\":2025,\"value_usd\":-%u}",
                            i > 0 ? "," : "", i + 1);
  g_string_append_c (exports, ']');
  text = edit_document (base, "/exports", exports->str, &hole);

  portfolio = load_both_ways (text, strlen (text), &error);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, LODE_PORTFOLIO_MAX_ERRORS + 1);
  g_assert_cmpstr (lines[0], ==, "t.json: /exports/0/value_usd: must be a non-negative number");
  g_assert_cmpstr (lines[19], ==, "t.json: /exports/19/value_usd: must be a non-negative number");
  g_assert_cmpstr (lines[20], ==, "t.json: … and 80 more errors");
}

/* A file just over 1 GiB, sparse so that it takes no disk, is refused
 * before it is read; a device that never ends is refused at the limit. */
static void
test_too_large (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autofree char *expected = NULL;
  int fd;

  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) LODE_PORTFOLIO_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  portfolio = lode_portfolio_load_file (file, NULL, &error);
  g_assert_null (portfolio);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("%s: the file is larger than 1024 MB, the most Lode opens", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_clear_error (&error);
  assert_open_unchanged ();

  /* /dev/zero says it is empty, then never ends. */
  lode_portfolio_set_max_size_for_testing (1 << 20);
  portfolio = lode_portfolio_load_file (zero, NULL, &error);
  g_assert_null (portfolio);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "/dev/zero: the file is larger than 1 MB, the most Lode opens");
  g_clear_error (&error);

  /* The same limit holds for text in memory. */
  {
    g_autofree char *big = g_malloc0 ((1 << 20) + 1);

    portfolio = lode_portfolio_load_data (big, (1 << 20) + 1, "t.json", &error);
    g_assert_null (portfolio);
    g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE);
  }
  lode_portfolio_set_max_size_for_testing (0);
  assert_open_unchanged ();
}

/* Walks the built-in sample and puts a value of each wrong type at every
 * member and array element in turn: each is refused with an error that
 * names that place. */
typedef struct
{
  GPtrArray *places;   /* (pointer, JSON type) pairs, owned */
} Walk;

static const char *
type_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "string";
    case G_TYPE_BOOLEAN:
      return "boolean";
    default:
      return "number";
    }
}

static void
collect_places (Walk     *walk,
                GString  *pointer,
                JsonNode *node)
{
  if (pointer->len > 0)
    {
      g_ptr_array_add (walk->places, g_strdup (pointer->str));
      g_ptr_array_add (walk->places, g_strdup (type_of (node)));
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (const GList *l = members; l != NULL; l = l->next)
        {
          gsize mark = pointer->len;

          append_pointer_token (pointer, l->data);
          collect_places (walk, pointer, json_object_get_member (json_node_get_object (node), l->data));
          g_string_truncate (pointer, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = pointer->len;

          g_string_append_printf (pointer, "/%u", i);
          collect_places (walk, pointer, json_array_get_element (array, i));
          g_string_truncate (pointer, mark);
        }
    }
}

static void
test_wrong_type_everywhere (void)
{
  static const struct { const char *type; const char *raw; } wrong[] = {
    { "string", "\"x\"" },
    { "number", "7" },
    { "boolean", "true" },
    { "array", "[]" },
    { "object", "{}" },
  };
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/lodeapp/Lode/sample/pakistan-minerals.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonNode) sample = parse (g_bytes_get_data (bytes, NULL));
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) pointer = g_string_new (NULL);
  Walk walk = { places };
  guint checked = 0;

  collect_places (&walk, pointer, sample);
  g_assert_cmpuint (places->len, >, 200);

  for (guint i = 0; i < places->len; i += 2)
    {
      const char *place = places->pdata[i];
      const char *type = places->pdata[i + 1];

      /* A null stands for an optional member: its type is not known. */
      if (strcmp (type, "null") == 0)
        continue;

      for (guint w = 0; w < G_N_ELEMENTS (wrong); w++)
        {
          g_autofree char *text = NULL;
          g_autofree char *expected = NULL;
          gsize hole;

          if (strcmp (wrong[w].type, type) == 0)
            continue;

          text = edit_document (sample, place, wrong[w].raw, &hole);
          expected = g_strdup_printf ("t.json: %s: ", place);
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(LodePortfolio) portfolio = lode_portfolio_load_data (text, strlen (text),
                                                                            "t.json", &error);

            if (portfolio != NULL || strstr (error->message, expected) == NULL)
              g_error ("%s at %s: expected an error naming it, got: %s", wrong[w].raw, place,
                       portfolio != NULL ? "the file loads" : error->message);
          }
          checked++;
        }
    }

  assert_open_unchanged ();
  g_test_message ("%u wrong values at %u places", checked, places->len / 2);
}

/* Inputs the fuzzers found; each must load and save to stable bytes, or be
 * refused with a message that names the file. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = lode_portfolio_load_file (file, NULL, &error);

      n++;
      if (portfolio == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (strstr (error->message, name) != NULL);
        }
      else
        {
          g_autoptr(GBytes) once = lode_portfolio_to_bytes (portfolio);
          g_autoptr(LodePortfolio) again = NULL;
          g_autoptr(GBytes) twice = NULL;
          gsize length;
          const char *data = g_bytes_get_data (once, &length);

          again = lode_portfolio_load_data (data, length, "saved.json", &error);
          g_assert_no_error (error);
          twice = lode_portfolio_to_bytes (again);
          g_assert_true (g_bytes_equal (once, twice));
        }
      assert_open_unchanged ();
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  open_portfolio = lode_portfolio_new_sample ();
  open_bytes = lode_portfolio_to_bytes (open_portfolio);
  tmp_dir = g_dir_make_tmp ("lode-test-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/lode/hostile/catalogue/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/lode/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/lode/hostile/long-string", test_long_string);
  g_test_add_func ("/lode/hostile/many-errors", test_many_errors);
  g_test_add_func ("/lode/hostile/too-large", test_too_large);
  g_test_add_func ("/lode/hostile/wrong-type-everywhere", test_wrong_type_everywhere);
  g_test_add_func ("/lode/hostile/fuzz-regressions", test_fuzz_regressions);

  status = g_test_run ();

  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&open_bytes, g_bytes_unref);
  g_clear_object (&open_portfolio);

  return status;
}
