/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib.h>

#include "lode-json-check.h"
#include "lode-json-tokenizer-private.h"

#define DEPTH 64

typedef struct
{
  const char *path;
  const char *text;
  const char *message;
  guint       line;
  guint       column;
} Refusal;

static void
assert_refused_len (const char *text,
                    gsize       length,
                    guint       max_depth,
                    const char *message,
                    guint       line,
                    guint       column)
{
  g_autofree char *got = NULL;
  guint got_line = 0, got_column = 0;
  gboolean ok;

  ok = lode_json_check (text, length, max_depth, &got_line, &got_column, &got);
  if (ok)
    g_error ("accepted: %.*s", (int) MIN (length, 200), text);
  g_assert_nonnull (got);
  g_assert_cmpstr (got, ==, message);
  g_assert_cmpuint (got_line, ==, line);
  g_assert_cmpuint (got_column, ==, column);
}

static void
assert_refused (const char *text,
                const char *message,
                guint       line,
                guint       column)
{
  assert_refused_len (text, strlen (text), DEPTH, message, line, column);
}

static void
assert_accepted_len (const char *text,
                     gsize       length,
                     guint       max_depth)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  if (!lode_json_check (text, length, max_depth, &line, &column, &message))
    g_error ("refused at %u:%u (%s): %.*s", line, column, message,
             (int) MIN (length, 200), text);
}

static void
assert_accepted (const char *text)
{
  assert_accepted_len (text, strlen (text), DEPTH);
}

static const Refusal refusals[] = {
  { "empty", "", "the file is empty", 1, 1 },
  { "whitespace", "  \n\t\r\n ", "the file holds only whitespace", 1, 1 },
  { "byte-order-mark", "\xEF\xBB\xBF{}", "a byte-order mark is not allowed at the start", 1, 1 },
  { "comment/line", "{\n  // a note\n  \"a\": 1\n}", "comments are not allowed in JSON", 2, 3 },
  { "comment/block", "[1, /* two */ 2]", "comments are not allowed in JSON", 1, 5 },
  { "comment/after-value", "[1 /* x */]", "comments are not allowed in JSON", 1, 4 },
  { "comment/after-document", "{}\n// end\n", "comments are not allowed in JSON", 2, 1 },
  { "utf8/bad-continuation", "[\"ab\xC3(\"]", "invalid UTF-8", 1, 5 },
  { "utf8/column-after-multibyte", "[\"é名\xFF\"]", "invalid UTF-8", 1, 5 },
  { "utf8/overlong", "[\"\xC0\xAF\"]", "invalid UTF-8", 1, 3 },
  { "utf8/overlong-three", "[\"\xE0\x80\xAF\"]", "invalid UTF-8", 1, 3 },
  { "utf8/surrogate", "[\"\xED\xA0\x80\"]", "invalid UTF-8", 1, 3 },
  { "utf8/too-large", "[\"\xF4\x90\x80\x80\"]", "invalid UTF-8", 1, 3 },
  { "utf8/truncated", "[\"\xE5\xBF", "invalid UTF-8", 1, 3 },
  { "utf8/outside-string", "[\xFF]", "invalid UTF-8", 1, 2 },
  { "unexpected/character", "[1, @]", "unexpected character '@'", 1, 5 },
  { "unexpected/single-quote", "['a']", "unexpected character '''", 1, 2 },
  { "unexpected/non-ascii", "[1,\n «»]", "unexpected character '«' (U+00AB)", 2, 2 },
  { "unexpected/control", "[\x01]", "unexpected character U+0001", 1, 2 },
  { "unexpected/word", "{\"a\": tru}", "unexpected word 'tru'", 1, 7 },
  { "unexpected/capital", "[True]", "unexpected word 'True'", 1, 2 },
  { "unexpected/plus", "[+1]", "unexpected character '+'", 1, 2 },
  { "unexpected/value-missing", "{\"a\": }", "unexpected character '}'", 1, 7 },
  { "unexpected/leading-comma", "[,1]", "unexpected character ','", 1, 2 },
  { "expected/comma-object", "{\"a\": 1 \"b\": 2}", "expected ',' or '}'", 1, 9 },
  { "expected/comma-array", "[1 2]", "expected ',' or ']'", 1, 4 },
  { "expected/mismatched", "[1}", "expected ',' or ']'", 1, 3 },
  { "expected/colon", "{\"a\" 1}", "expected ':'", 1, 6 },
  { "expected/name", "{a: 1}", "expected a member name in double quotes", 1, 2 },
  { "expected/name-after-comma", "{\"a\": 1, 2}", "expected a member name in double quotes", 1, 10 },
  { "trailing-comma/array", "[1, 2,\n]", "trailing comma", 1, 6 },
  { "trailing-comma/object", "{\n  \"a\": 1,\n\n}", "trailing comma", 2, 9 },
  { "unterminated-string", "[\"abc", "unterminated string", 1, 2 },
  { "unterminated-string/escape", "{\"a\": \"x\\", "unterminated string", 1, 7 },
  { "control/tab", "[\"a\tb\"]", "control character in string", 1, 4 },
  { "control/newline", "{\"a\":\n \"b\nc\"}", "control character in string", 2, 4 },
  { "escape/unknown", "[\"a\\x\"]", "invalid escape", 1, 4 },
  { "escape/bad-hex", "[\"\\u12G4\"]", "invalid escape", 1, 3 },
  { "escape/short-hex", "[\"\\u12\"]", "invalid escape", 1, 3 },
  { "escape/single-quote", "[\"\\'\"]", "invalid escape", 1, 3 },
  { "surrogate/high-alone", "[\"\\ud800\"]", "lone surrogate in \\u escape", 1, 3 },
  { "surrogate/high-then-letter", "[\"x\\uD83D\\u0041\"]", "lone surrogate in \\u escape", 1, 4 },
  { "surrogate/high-high", "[\"\\ud83d\\ud83d\"]", "lone surrogate in \\u escape", 1, 3 },
  { "surrogate/low-alone", "[\"ab\\udc00\"]", "lone surrogate in \\u escape", 1, 5 },
  { "number/leading-zero", "[01]", "leading zeros are not allowed", 1, 2 },
  { "number/negative-leading-zero", "[-012]", "leading zeros are not allowed", 1, 2 },
  { "number/double-zero", "{\"a\": 00}", "leading zeros are not allowed", 1, 7 },
  { "number/nan", "[NaN]", "NaN and Infinity are not JSON numbers", 1, 2 },
  { "number/infinity", "[1, Infinity]", "NaN and Infinity are not JSON numbers", 1, 5 },
  { "number/negative-infinity", "[-Infinity]", "NaN and Infinity are not JSON numbers", 1, 2 },
  { "number/out-of-range", "[1e400]", "number out of range", 1, 2 },
  { "number/negative-out-of-range", "[0, -1.8e308]", "number out of range", 1, 5 },
  { "number/just-out-of-range", "[1.7976931348623159e308]", "number out of range", 1, 2 },
  { "number/fraction-exponent", "[0.00001e314]", "number out of range", 1, 2 },
  { "number/huge-exponent", "[1e99999999999999999999999]", "number out of range", 1, 2 },
  { "number/no-fraction-digits", "[1.]", "invalid number", 1, 2 },
  { "number/no-exponent-digits", "[1e+]", "invalid number", 1, 2 },
  { "number/minus-alone", "[-]", "invalid number", 1, 2 },
  { "number/leading-dot", "[.5]", "unexpected character '.'", 1, 2 },
  { "number/hex", "0x10", "unexpected text after the end of the document", 1, 2 },
  { "duplicate", "{\"a\": 1, \"b\": 2, \"a\": 3}", "duplicate member \"a\"", 1, 18 },
  { "duplicate/escaped", "{\"a\": 1,\n \"\\u0061\": 2}", "duplicate member \"a\"", 2, 2 },
  { "duplicate/long", "{\"exports_by_destination\": 1, \"exports_by_destination\": 2}",
    "duplicate member \"exports_by_destination\"", 1, 31 },
  { "duplicate/quoted-name", "{\"a\\nb\\\"\": 1, \"a\\u000ab\\u0022\": 2}",
    "duplicate member \"a\\u000ab\\\"\"", 1, 15 },
  { "duplicate/nested", "{\"a\": {\"x\": 1, \"y\": {}, \"x\": 2}}", "duplicate member \"x\"", 1, 25 },
  { "duplicate/unicode", "{\"名前\": 1, \"\\u540d\\u524d\": 2}", "duplicate member \"名前\"", 1, 11 },
  { "after-end/value", "{} {}", "unexpected text after the end of the document", 1, 4 },
  { "after-end/number", "1 2", "unexpected text after the end of the document", 1, 3 },
  { "after-end/bracket", "[1]]", "unexpected text after the end of the document", 1, 4 },
  { "end-of-file/array", "[1,", "unexpected end of the file", 1, 4 },
  { "end-of-file/object", "{\n", "unexpected end of the file", 2, 1 },
  { "end-of-file/after-name", "{\"a\"", "unexpected end of the file", 1, 5 },
  { "end-of-file/after-colon", "{\"a\": ", "unexpected end of the file", 1, 7 },
  { "end-of-file/literal", "[nul", "unexpected word 'nul'", 1, 2 },
  { "nesting", "[[[[{\"a\": [[]]}]]]]", "nesting deeper than 6 levels", 1, 12 },
};

static void
test_refusal (gconstpointer data)
{
  const Refusal *r = data;
  guint max_depth = g_str_equal (r->path, "nesting") ? 6 : DEPTH;

  assert_refused_len (r->text, strlen (r->text), max_depth, r->message, r->line, r->column);
}

static void
test_refused_nul (void)
{
  /* The length, not a NUL, ends the text; a NUL byte is refused. */
  assert_refused_len ("[1]\0", 4, DEPTH, "unexpected text after the end of the document", 1, 4);
  assert_refused_len ("[\0]", 3, DEPTH, "unexpected character U+0000", 1, 2);
  assert_refused_len ("[\"a\0\"]", 6, DEPTH, "control character in string", 1, 4);
  /* Bytes past @length are never looked at. */
  assert_accepted_len ("[1]xyz", 3, DEPTH);
  assert_refused_len ("[1]xyz", 2, DEPTH, "unexpected end of the file", 1, 3);
}

static void
test_line_column (void)
{
  /* Columns count characters, not bytes; lines start after each '\n'. */
  assert_refused ("{\n  \"名前\": 1,\n  \"名前\": 2\n}", "duplicate member \"名前\"", 3, 3);
  assert_refused ("{\r\n\t\"é\": \"ü\" x}", "expected ',' or '}'", 2, 11);
  assert_refused ("[\n\n\n  \"😀\", 01]", "leading zeros are not allowed", 4, 8);
}

static void
test_accept_valid (void)
{
  static const char *const valid[] = {
    "{}",
    "[]",
    " \t\r\n{ }\n",
    "0",
    "-0",
    "\"text\"",
    "true",
    "false",
    "null",
    "[-0, 0.1e-400, 1E+2, 1e-2, 0.5, -12.25e3, 123456789012345678901234567890]",
    "[1e-400, 0e999999, 0.0e400, -0.000e9999]",
    "[1.7976931348623157e308, -1.7976931348623157e308, 1e308, 9.9e307]",
    "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001F\\u00e9\\uFFFF\"]",
    "[\"\\ud83d\\ude00\", \"\\uD834\\uDD1E\", \"\\u0041\\u00DF\"]",
    "{\"é\": \"ü\", \"名前\": \"価値\", \"😀\": \"\xF4\x8F\xBF\xBF\"}",
    "{\"a\": {\"a\": {\"a\": 1}}, \"b\": {\"a\": 2}, \"c\": [{\"a\": 1}, {\"a\": 2}]}",
    "{\"a\": 1, \"A\": 2, \"a \": 3, \"\\u0061b\": 4, \"ab\\u0000\": 5, \"b\": 6}",
    "{\"exports_by_destination\": 1, \"exports_by_destinatioN\": 2}",
    "{\"\": 1, \"\\u0000\": 2}",
    "[[], {}, [[]], [{}], {\"x\": []}]",
    "{\"format\": \"lode-portfolio\", \"version\": 1, \"exports\": [\n"
    "  {\"mineral\": \"copper\", \"year\": 2025, \"value_usd\": 1140000000.25, \"month\": null}\n"
    "]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_accepted (valid[i]);
}

static void
test_deep_refused (void)
{
  gsize n = 100000;
  g_autofree char *text = g_malloc (2 * n);

  memset (text, '[', n);
  memset (text + n, ']', n);
  assert_refused_len (text, 2 * n, 64, "nesting deeper than 64 levels", 1, 65);

  /* Arrays and objects in turn: level 65 is the '[' of the 33rd "[{\"a\":". */
  for (gsize i = 0; i + 6 <= n; i += 6)
    memcpy (text + i, "[{\"a\":", 6);
  assert_refused_len (text, n, 64, "nesting deeper than 64 levels", 1, 6 * 32 + 1);
}

static void
test_deep_accepted (void)
{
  gsize n = 1000000;
  g_autofree char *text = g_malloc (2 * n);
  GString *objects = g_string_new (NULL);

  memset (text, '[', n);
  memset (text + n, ']', n);
  assert_accepted_len (text, 2 * n, 2 * n);
  /* 0 means no limit. */
  assert_accepted_len (text, 2 * n, 0);
  /* One bracket short. */
  assert_refused_len (text, 2 * n - 1, 0, "unexpected end of the file", 1, 2 * n);

  for (gsize i = 0; i < 200000; i++)
    g_string_append (objects, "{\"a\": [1, ");
  g_string_append (objects, "null");
  for (gsize i = 0; i < 200000; i++)
    g_string_append (objects, "], \"b\": 2}");
  assert_accepted_len (objects->str, objects->len, 400001);
  assert_accepted_len (objects->str, objects->len, 400000);
  assert_refused_len (objects->str, objects->len, 399999,
                      "nesting deeper than 399999 levels", 1, 10 * 199999 + 7);
  g_string_free (objects, TRUE);
}

static void
test_many_members (void)
{
  GString *text = g_string_new ("{");
  g_autofree char *refused = NULL;
  g_autofree char *message = NULL;
  guint line, column;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%s\n\"member-%u\": %u", i > 0 ? "," : "", i, i);
  g_string_append (text, "}");
  assert_accepted_len (text->str, text->len, DEPTH);

  /* A duplicate far down a large object, spelt with an escape. */
  text->len--;
  g_string_append (text, ",\n\"\\u006dember-1234\": 1}");
  assert_refused_len (text->str, text->len, DEPTH, "duplicate member \"member-1234\"", 5002, 1);

  /* Just past the switch to a hash set. */
  g_string_assign (text, "{");
  for (guint i = 0; i < 33; i++)
    g_string_append_printf (text, "\"k%u\": 0, ", i);
  g_string_append (text, "\"k32\": 1}");
  g_assert_false (lode_json_check (text->str, text->len, DEPTH, &line, &column, &message));
  g_assert_cmpstr (message, ==, "duplicate member \"k32\"");

  /* Objects next to each other keep their own names, also large ones. */
  g_string_assign (text, "[");
  for (guint j = 0; j < 3; j++)
    {
      g_string_append (text, j > 0 ? ", {" : "{");
      for (guint i = 0; i < 100; i++)
        g_string_append_printf (text, "%s\"k%u\": {\"k%u\": 1}", i > 0 ? ", " : "", i, i);
      g_string_append (text, "}");
    }
  g_string_append (text, "]");
  assert_accepted_len (text->str, text->len, DEPTH);

  g_string_free (text, TRUE);
}

static void
test_every_prefix (void)
{
  const char *doc =
    "{\n"
    "  \"format\": \"lode-portfolio\",\n"
    "  \"version\": 1,\n"
    "  \"list\": [1, -2.5e3, true, false, null, \"\\u00e9\\ud83d\\ude00é\"],\n"
    "  \"empty\": {}\n"
    "}";
  gsize length = strlen (doc);

  assert_accepted_len (doc, length, DEPTH);

  /* Every cut is refused, at a place inside the text or at its end. */
  for (gsize i = 0; i < length; i++)
    {
      g_autofree char *message = NULL;
      guint line = 0, column = 0;

      g_assert_false (lode_json_check (doc, i, DEPTH, &line, &column, &message));
      g_assert_nonnull (message);
      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, 6);
      g_assert_cmpuint (column, >=, 1);
    }
}

static void
test_optional_out (void)
{
  g_assert_false (lode_json_check ("[", 1, DEPTH, NULL, NULL, NULL));
  g_assert_true (lode_json_check ("[]", 2, DEPTH, NULL, NULL, NULL));
}

/* Every error the tokenizer gives has its sentence; the detail, when
 * there is one, stands where the sentence says. */
static void
test_error_messages (void)
{
  for (LodeJsonError code = LODE_JSON_ERROR_NONE + 1; code < LODE_JSON_N_ERRORS; code++)
    {
      g_autofree char *plain = _lode_json_error_message (code, NULL);
      g_autofree char *detailed = _lode_json_error_message (code, "'@'");

      g_assert_nonnull (plain);
      g_assert_cmpuint (strlen (plain), >, 0);

      if (code >= LODE_JSON_ERROR_UNEXPECTED_CHARACTER)
        {
          g_assert_nonnull (strstr (plain, "%s"));
          g_assert_nonnull (strstr (detailed, "'@'"));
          g_assert_null (strstr (detailed, "%s"));
        }
      else
        {
          g_assert_null (strstr (plain, "%"));
          g_assert_cmpstr (detailed, ==, plain);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lode/json-check/refuse/%s", refusals[i].path);

      g_test_add_data_func (path, &refusals[i], test_refusal);
    }

  g_test_add_func ("/lode/json-check/refuse/nul", test_refused_nul);
  g_test_add_func ("/lode/json-check/line-column", test_line_column);
  g_test_add_func ("/lode/json-check/accept", test_accept_valid);
  g_test_add_func ("/lode/json-check/deep-refused", test_deep_refused);
  g_test_add_func ("/lode/json-check/deep-accepted", test_deep_accepted);
  g_test_add_func ("/lode/json-check/many-members", test_many_members);
  g_test_add_func ("/lode/json-check/every-prefix", test_every_prefix);
  g_test_add_func ("/lode/json-check/optional-out", test_optional_out);
  g_test_add_func ("/lode/json-check/error-messages", test_error_messages);

  return g_test_run ();
}
