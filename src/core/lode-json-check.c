/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lode-json-check.h"

#include "lode-json-tokenizer-private.h"

/* The tokenizer's errors in words. It keeps a code and the variable part
 * of the message, kept apart from its hot loop; they are said in the
 * user's language here, where they leave the core. */
static const char * const messages[LODE_JSON_N_ERRORS] = {
  [LODE_JSON_ERROR_NAN_INFINITY] = N_("NaN and Infinity are not JSON numbers"),
  [LODE_JSON_ERROR_BYTE_ORDER_MARK] = N_("a byte-order mark is not allowed at the start"),
  [LODE_JSON_ERROR_COMMENT] = N_("comments are not allowed in JSON"),
  [LODE_JSON_ERROR_CONTROL_CHARACTER] = N_("control character in string"),
  [LODE_JSON_ERROR_EXPECTED_COMMA_OR_BRACKET] = N_("expected ',' or ']'"),
  [LODE_JSON_ERROR_EXPECTED_COMMA_OR_BRACE] = N_("expected ',' or '}'"),
  [LODE_JSON_ERROR_EXPECTED_COLON] = N_("expected ':'"),
  [LODE_JSON_ERROR_EXPECTED_NAME] = N_("expected a member name in double quotes"),
  [LODE_JSON_ERROR_INVALID_UTF8] = N_("invalid UTF-8"),
  [LODE_JSON_ERROR_INVALID_ESCAPE] = N_("invalid escape"),
  [LODE_JSON_ERROR_INVALID_NUMBER] = N_("invalid number"),
  [LODE_JSON_ERROR_LEADING_ZEROS] = N_("leading zeros are not allowed"),
  [LODE_JSON_ERROR_LONE_SURROGATE] = N_("lone surrogate in \\u escape"),
  [LODE_JSON_ERROR_NUMBER_OUT_OF_RANGE] = N_("number out of range"),
  [LODE_JSON_ERROR_ONLY_WHITESPACE] = N_("the file holds only whitespace"),
  [LODE_JSON_ERROR_EMPTY] = N_("the file is empty"),
  [LODE_JSON_ERROR_TRAILING_COMMA] = N_("trailing comma"),
  [LODE_JSON_ERROR_UNEXPECTED_END] = N_("unexpected end of the file"),
  [LODE_JSON_ERROR_TEXT_AFTER_END] = N_("unexpected text after the end of the document"),
  [LODE_JSON_ERROR_UNTERMINATED_STRING] = N_("unterminated string"),
  /* TRANSLATORS: %s is a character as written, such as 'x' or U+0007 */
  [LODE_JSON_ERROR_UNEXPECTED_CHARACTER] = N_("unexpected character %s"),
  /* TRANSLATORS: %s is a word as written, in quotes */
  [LODE_JSON_ERROR_UNEXPECTED_WORD] = N_("unexpected word %s"),
  /* TRANSLATORS: %s is a member name as written, in quotes */
  [LODE_JSON_ERROR_DUPLICATE_MEMBER] = N_("duplicate member %s"),
  /* TRANSLATORS: %s is a number */
  [LODE_JSON_ERROR_TOO_DEEP] = N_("nesting deeper than %s levels"),
  /* TRANSLATORS: %s is a number of bytes */
  [LODE_JSON_ERROR_STRING_TOO_LONG] = N_("string longer than %s bytes, the most allowed"),
};

char *
_lode_json_error_message (LodeJsonError  code,
                          const char    *detail)
{
  GString *text;

  g_return_val_if_fail (code > LODE_JSON_ERROR_NONE && code < LODE_JSON_N_ERRORS, NULL);

  text = g_string_new (_(messages[code]));

  /* A message with a detail has one %s, and no other conversion. */
  if (detail != NULL)
    g_string_replace (text, "%s", detail, 1);

  return g_string_free (text, FALSE);
}

gboolean
lode_json_check (const char  *data,
                 gsize        length,
                 guint        max_depth,
                 guint       *line_out,
                 guint       *column_out,
                 char       **message_out)
{
  return lode_json_check_full (data, length, max_depth, 0, line_out, column_out, message_out);
}

gboolean
lode_json_check_full (const char  *data,
                      gsize        length,
                      guint        max_depth,
                      gsize        max_string_length,
                      guint       *line_out,
                      guint       *column_out,
                      char       **message_out)
{
  LodeJsonTokenizer tokenizer;
  LodeJsonToken token;
  LodeJsonTokenKind kind;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  _lode_json_tokenizer_init (&tokenizer, data, length, max_depth, max_string_length);
  do
    kind = _lode_json_tokenizer_next (&tokenizer, &token);
  while (kind > LODE_JSON_TOKEN_END);

  if (kind == LODE_JSON_TOKEN_ERROR)
    {
      LodeJsonError code = LODE_JSON_ERROR_NONE;
      const char *detail = NULL;

      _lode_json_tokenizer_get_error (&tokenizer, line_out, column_out, &code, &detail);
      if (message_out != NULL)
        *message_out = _lode_json_error_message (code, detail);
    }

  _lode_json_tokenizer_clear (&tokenizer);

  return kind == LODE_JSON_TOKEN_END;
}
