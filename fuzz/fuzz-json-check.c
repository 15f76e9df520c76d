/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "lode-json-check.h"

/* libFuzzer harness for the strict JSON check. Whatever it accepts,
 * json-glib must parse; whatever it refuses, it must place inside the text
 * (a line and column no further than one past its end). */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_DEPTH 64

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  gsize lines = 1;

  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n')
      lines++;

  if (lode_json_check ((const char *) data, size, MAX_DEPTH, &line, &column, &message))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_null (message);
      if (!json_parser_load_from_data (parser, (const char *) data, size, &error))
        g_error ("accepted as strict JSON, but json-glib refuses it: %s", error->message);
      g_assert_nonnull (json_parser_get_root (parser));
    }
  else
    {
      g_assert_nonnull (message);
      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, lines);
      g_assert_cmpuint (column, >=, 1);
      g_assert_cmpuint (column, <=, size + 1);
    }

  return 0;
}
