/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lode-json-check.h"
#include "lode-json-writer.h"

/* The text of one double written on its own. */
static char *
write_double (double value)
{
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  lode_json_writer_double (writer, value);

  return g_string_free (out, FALSE);
}

/* The rule spelled out with printf: the shortest of "%.15g", "%.16g" and
 * "%.17g" that reads back; integral values below 1e15 as integers. */
static char *
reference_double (double value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return g_strdup (buf);
}

static void
test_layout (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "format");
  lode_json_writer_string (writer, "lode-portfolio");
  lode_json_writer_member (writer, "list");
  lode_json_writer_begin_array (writer);
  lode_json_writer_int (writer, 1);
  lode_json_writer_string (writer, "a");
  lode_json_writer_end_array (writer);
  lode_json_writer_member (writer, "empty");
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);
  lode_json_writer_end_object (writer);

  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"format\": \"lode-portfolio\",\n"
                   "  \"list\": [\n"
                   "    1,\n"
                   "    \"a\"\n"
                   "  ],\n"
                   "  \"empty\": []\n"
                   "}");
  g_string_free (out, TRUE);
}

static void
test_layout_nested (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  lode_json_writer_begin_array (writer);
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);
  lode_json_writer_begin_object (writer);
  lode_json_writer_end_object (writer);
  lode_json_writer_begin_array (writer);
  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "a");
  lode_json_writer_null (writer);
  lode_json_writer_member (writer, "b");
  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "yes");
  lode_json_writer_boolean (writer, TRUE);
  lode_json_writer_member (writer, "no");
  lode_json_writer_boolean (writer, FALSE);
  lode_json_writer_member (writer, "none");
  lode_json_writer_string (writer, NULL);
  lode_json_writer_end_object (writer);
  lode_json_writer_end_object (writer);
  lode_json_writer_end_array (writer);
  lode_json_writer_end_array (writer);

  g_assert_cmpstr (out->str, ==,
                   "[\n"
                   "  [],\n"
                   "  {},\n"
                   "  [\n"
                   "    {\n"
                   "      \"a\": null,\n"
                   "      \"b\": {\n"
                   "        \"yes\": true,\n"
                   "        \"no\": false,\n"
                   "        \"none\": null\n"
                   "      }\n"
                   "    }\n"
                   "  ]\n"
                   "]");
  g_string_free (out, TRUE);
}

static void
test_layout_scalar_and_append (void)
{
  /* A document may be a single value; the writer appends to what is there. */
  GString *out = g_string_new ("head:");
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  lode_json_writer_string (writer, "x");
  g_assert_cmpstr (out->str, ==, "head:\"x\"");
  g_string_free (out, TRUE);
}

static void
test_deep_indent (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);
  guint depth = 300;
  g_autofree char *last_line = NULL;

  for (guint i = 0; i < depth; i++)
    lode_json_writer_begin_array (writer);
  lode_json_writer_int (writer, 7);
  for (guint i = 0; i < depth; i++)
    lode_json_writer_end_array (writer);

  last_line = g_strnfill (2 * depth, ' ');
  g_assert_nonnull (strstr (out->str, "\n"));
  g_assert_true (strstr (out->str, last_line) != NULL);
  g_assert_true (lode_json_check (out->str, out->len, depth, NULL, NULL, NULL));
  g_assert_false (lode_json_check (out->str, out->len, depth - 1, NULL, NULL, NULL));
  g_string_free (out, TRUE);
}

static void
test_escaping (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *text = "q\"b\\s/ \b\f\n\r\t \x01\x1f\x0b \x7f é 名 😀";

  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "a\"\n");
  lode_json_writer_string (writer, text);
  lode_json_writer_end_object (writer);

  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"a\\\"\\n\": \"q\\\"b\\\\s/ \\b\\f\\n\\r\\t \\u0001\\u001f\\u000b \x7f é 名 😀\"\n"
                   "}");

  /* And it reads back as the same text. */
  g_assert_true (lode_json_check (out->str, out->len, 8, NULL, NULL, NULL));
  json_parser_load_from_data (parser, out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "a\"\n"), ==, text);
  g_string_free (out, TRUE);
}

static void
test_ints (void)
{
  static const struct { gint64 value; const char *text; } cases[] = {
    { 0, "0" },
    { -1, "-1" },
    { 2025, "2025" },
    { G_MAXINT64, "9223372036854775807" },
    { G_MININT64, "-9223372036854775808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *out = g_string_new (NULL);
      g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

      lode_json_writer_int (writer, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].text);
      g_string_free (out, TRUE);
    }
}

static void
test_doubles (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 1.2e11, "120000000000" },
    { 2.0e9, "2000000000" },
    { 5.9, "5.9" },
    { 0.5, "0.5" },
    { -2.5, "-2.5" },
    { 0.1, "0.1" },
    { 0.05, "0.05" },
    { 1200.5, "1200.5" },
    { 1140000000.25, "1140000000.25" },
    { 123456.789, "123456.789" },
    { 0.0001, "0.0001" },
    { 0.00012, "0.00012" },
    { 1.5e-5, "1.5e-05" },
    { 1e-7, "1e-07" },
    { 1e15, "1e+15" },
    { 1.5e15, "1.5e+15" },
    { 999999999999999.0, "999999999999999" },
    { 99999999999999.9, "99999999999999.9" },
    { 0.30000000000000004, "0.30000000000000004" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 1e300, "1e+300" },
    { 5e-324, "4.94065645841247e-324" },
    { 2.2250738585072014e-308, "2.2250738585072014e-308" },
    { 0.0, "0" },
    { -0.0, "-0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = write_double (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_doubles_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250926);

  for (guint i = 0; i < 100000; i++)
    {
      union { guint64 bits; double value; } u;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      char *end = NULL;

      u.bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      if (!isfinite (u.value))
        continue;

      text = write_double (u.value);
      g_assert_true (g_ascii_strtod (text, &end) == u.value);
      g_assert_cmpint (*end, ==, '\0');
      g_assert_true (lode_json_check (text, strlen (text), 1, NULL, NULL, NULL));

      expected = reference_double (u.value);
      g_assert_cmpstr (text, ==, expected);
    }
}

static void
test_doubles_short (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (75);

  /* Figures as people type them: a few digits and a few decimals. */
  for (guint i = 0; i < 100000; i++)
    {
      gint64 digits = g_rand_int_range (rand, 1, G_MAXINT32) >> g_rand_int_range (rand, 0, 30);
      int decimals = g_rand_int_range (rand, 0, 10);
      g_autofree char *typed = g_strdup_printf ("%" G_GINT64_FORMAT "e-%d", digits, decimals);
      double value = g_ascii_strtod (typed, NULL);
      g_autofree char *text = write_double (value);
      g_autofree char *expected = reference_double (value);

      g_assert_cmpstr (text, ==, expected);
      g_assert_true (g_ascii_strtod (text, NULL) == value);
    }
}

static void
test_money (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  lode_json_writer_begin_array (writer);
  lode_json_writer_money (writer, 12345);
  lode_json_writer_money (writer, 200);
  lode_json_writer_money (writer, 114000000025);
  lode_json_writer_end_array (writer);

  g_assert_cmpstr (out->str, ==, "[\n  123.45,\n  2,\n  1140000000.25\n]");
  g_string_free (out, TRUE);
}

static const char document[] =
  "{\n"
  "  \"format\": \"lode-portfolio\",\n"
  "  \"version\": 1,\n"
  "  \"zeta\": {\n"
  "    \"later\": [\n"
  "      1,\n"
  "      2.5,\n"
  "      -3,\n"
  "      1e+300,\n"
  "      true,\n"
  "      null,\n"
  "      \"x\\n\\u0001é\",\n"
  "      {},\n"
  "      [],\n"
  "      [\n"
  "        []\n"
  "      ]\n"
  "    ],\n"
  "    \"alpha\": {\n"
  "      \"b\": false,\n"
  "      \"a\": 9007199254740993\n"
  "    }\n"
  "  },\n"
  "  \"m\": 0.1,\n"
  "  \"b\": 120000000000,\n"
  "  \"a\": \"last\"\n"
  "}";

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_node (void)
{
  g_autoptr(JsonNode) root = parse (document);
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  /* Member order and every value come back as they were. */
  lode_json_writer_node (writer, root);
  g_assert_cmpstr (out->str, ==, document);
  g_string_free (out, TRUE);
}

static void
test_members (void)
{
  g_autoptr(JsonNode) root = parse ("{\"extra\": {\"k\": [1]}, \"z\": null, \"b\": 0.25}");
  GString *out = g_string_new (NULL);
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);

  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "known");
  lode_json_writer_int (writer, 1);
  lode_json_writer_members (writer, json_node_get_object (root));
  lode_json_writer_members (writer, NULL);
  lode_json_writer_member (writer, "after");
  lode_json_writer_begin_object (writer);
  lode_json_writer_members (writer, json_node_get_object (root));
  lode_json_writer_end_object (writer);
  lode_json_writer_member (writer, "empty");
  lode_json_writer_begin_object (writer);
  lode_json_writer_members (writer, NULL);
  lode_json_writer_end_object (writer);
  lode_json_writer_end_object (writer);

  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"known\": 1,\n"
                   "  \"extra\": {\n"
                   "    \"k\": [\n"
                   "      1\n"
                   "    ]\n"
                   "  },\n"
                   "  \"z\": null,\n"
                   "  \"b\": 0.25,\n"
                   "  \"after\": {\n"
                   "    \"extra\": {\n"
                   "      \"k\": [\n"
                   "        1\n"
                   "      ]\n"
                   "    },\n"
                   "    \"z\": null,\n"
                   "    \"b\": 0.25\n"
                   "  },\n"
                   "  \"empty\": {}\n"
                   "}");
  g_string_free (out, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/json-writer/layout", test_layout);
  g_test_add_func ("/lode/json-writer/layout-nested", test_layout_nested);
  g_test_add_func ("/lode/json-writer/layout-scalar", test_layout_scalar_and_append);
  g_test_add_func ("/lode/json-writer/deep-indent", test_deep_indent);
  g_test_add_func ("/lode/json-writer/escaping", test_escaping);
  g_test_add_func ("/lode/json-writer/ints", test_ints);
  g_test_add_func ("/lode/json-writer/doubles", test_doubles);
  g_test_add_func ("/lode/json-writer/doubles-random", test_doubles_random);
  g_test_add_func ("/lode/json-writer/doubles-short", test_doubles_short);
  g_test_add_func ("/lode/json-writer/money", test_money);
  g_test_add_func ("/lode/json-writer/node", test_node);
  g_test_add_func ("/lode/json-writer/members", test_members);

  return g_test_run ();
}
