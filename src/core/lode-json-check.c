/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lode-json-check.h"

#include "lode-json-tokenizer-private.h"

/* The tokenizer's messages, for translators. It says them in English, kept
 * apart from its hot loop; they are put in the user's language here, where
 * they leave the core. A message with a variable part is matched by the
 * text around it, the part kept as it is (a number, or a quoted piece of
 * the document). */
static const char * const fixed_messages[] = {
  N_("NaN and Infinity are not JSON numbers"),
  N_("a byte-order mark is not allowed at the start"),
  N_("comments are not allowed in JSON"),
  N_("control character in string"),
  N_("expected ',' or ']'"),
  N_("expected ',' or '}'"),
  N_("expected ':'"),
  N_("expected a member name in double quotes"),
  N_("invalid UTF-8"),
  N_("invalid escape"),
  N_("invalid number"),
  N_("leading zeros are not allowed"),
  N_("lone surrogate in \\u escape"),
  N_("number out of range"),
  N_("the file holds only whitespace"),
  N_("the file is empty"),
  N_("trailing comma"),
  N_("unexpected end of the file"),
  N_("unexpected text after the end of the document"),
  N_("unterminated string"),
};

static const struct
{
  const char *prefix;
  const char *suffix;
  const char *format;
} variable_messages[] = {
  /* TRANSLATORS: %s is a character as written, such as 'x' or U+0007 */
  { "unexpected character ", "", N_("unexpected character %s") },
  /* TRANSLATORS: %s is a word as written, in quotes */
  { "unexpected word ", "", N_("unexpected word %s") },
  /* TRANSLATORS: %s is a member name as written, in quotes */
  { "duplicate member ", "", N_("duplicate member %s") },
  /* TRANSLATORS: %s is a number */
  { "nesting deeper than ", " levels", N_("nesting deeper than %s levels") },
  /* TRANSLATORS: %s is a number of bytes */
  { "string longer than ", " bytes, the most allowed", N_("string longer than %s bytes, the most allowed") },
};

char *
lode_json_check_translate_message (const char *message)
{
  gsize length;

  g_return_val_if_fail (message != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_messages); i++)
    if (strcmp (message, fixed_messages[i]) == 0)
      return g_strdup (_(fixed_messages[i]));

  length = strlen (message);
  for (guint i = 0; i < G_N_ELEMENTS (variable_messages); i++)
    {
      const char *prefix = variable_messages[i].prefix;
      const char *suffix = variable_messages[i].suffix;
      gsize prefix_length = strlen (prefix);
      gsize suffix_length = strlen (suffix);
      g_autofree char *part = NULL;
      GString *text;

      if (length <= prefix_length + suffix_length
          || strncmp (message, prefix, prefix_length) != 0
          || strcmp (message + length - suffix_length, suffix) != 0)
        continue;

      part = g_strndup (message + prefix_length, length - prefix_length - suffix_length);

      /* Each format has one %s, and no other conversion. */
      text = g_string_new (_(variable_messages[i].format));
      g_string_replace (text, "%s", part, 1);

      return g_string_free (text, FALSE);
    }

  return g_strdup (message);
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
      const char *message = NULL;

      _lode_json_tokenizer_get_error (&tokenizer, line_out, column_out, &message);
      if (message_out != NULL)
        *message_out = lode_json_check_translate_message (message);
    }

  _lode_json_tokenizer_clear (&tokenizer);

  return kind == LODE_JSON_TOKEN_END;
}
