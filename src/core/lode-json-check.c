/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lode-json-check.h"

#include "lode-json-tokenizer-private.h"

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
        *message_out = g_strdup (message);
    }

  _lode_json_tokenizer_clear (&tokenizer);

  return kind == LODE_JSON_TOKEN_END;
}
