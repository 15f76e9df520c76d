/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-csv.h"

/* libFuzzer harness for the CSV reader. In every encoding: cells are valid
 * UTF-8, never more than the columns allowed, lines only go forward, and
 * an error places itself inside the text. What reads without error, written
 * back with lode_csv_append_cell, reads back to the same cells. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* Reads @bytes whole; returns its records, each a NULL-terminated array. */
static GPtrArray *
read_records (GBytes          *bytes,
              LodeCsvEncoding  encoding,
              guint64          max_line,
              GError         **error)
{
  g_autoptr(LodeCsvReader) reader = lode_csv_reader_new (bytes, "fuzz.csv", encoding);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char * const *cells;
  guint n_cells;
  guint64 last_line = 0;

  while (lode_csv_reader_next (reader, &cells, &n_cells, error))
    {
      guint64 line = lode_csv_reader_get_line (reader);

      g_assert_cmpuint (line, >, last_line);
      g_assert_cmpuint (line, <=, max_line);
      last_line = line;
      g_assert_cmpuint (n_cells, >=, 1);
      g_assert_cmpuint (n_cells, <=, LODE_CSV_MAX_COLUMNS);
      g_assert_null (cells[n_cells]);
      for (guint i = 0; i < n_cells; i++)
        g_assert_true (g_utf8_validate (cells[i], -1, NULL));
      g_ptr_array_add (records, g_strdupv ((char **) cells));
      g_assert_cmpuint (lode_csv_reader_get_offset (reader), <=, lode_csv_reader_get_size (reader));
    }

  g_assert_cmpint (lode_csv_reader_get_encoding (reader), !=, LODE_CSV_ENCODING_AUTO);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&records);
}

static void
check_error (const GError *error,
             guint64       max_line)
{
  g_autoptr(GRegex) where = g_regex_new ("^fuzz\\.csv:([0-9]+):([0-9]+): .", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *line = NULL;

  g_assert_true (error->domain == LODE_CSV_ERROR);
  if (!g_regex_match (where, error->message, 0, &match))
    g_error ("an error that does not say where: %s", error->message);
  line = g_match_info_fetch (match, 1);
  g_assert_cmpuint (g_ascii_strtoull (line, NULL, 10), >=, 1);
  g_assert_cmpuint (g_ascii_strtoull (line, NULL, 10), <=, max_line);
}

static void
check_round_trip (GPtrArray *records)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  guint k = 0;

  for (guint r = 0; r < records->len; r++)
    {
      char **cells = records->pdata[r];

      /* A record of one empty cell would be a blank line. */
      if (cells[1] == NULL && cells[0][0] == '\0')
        continue;
      for (guint i = 0; cells[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          lode_csv_append_cell (out, cells[i]);
        }
      g_string_append_c (out, '\n');
    }

  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  again = read_records (bytes, LODE_CSV_ENCODING_UTF8, G_MAXUINT64, &error);
  if (error != NULL)
    g_error ("what was read does not read back: %s", error->message);

  for (guint r = 0; r < records->len; r++)
    {
      char **cells = records->pdata[r];
      char **back;

      if (cells[1] == NULL && cells[0][0] == '\0')
        continue;
      g_assert_cmpuint (k, <, again->len);
      back = again->pdata[k++];
      g_assert_cmpuint (g_strv_length (back), ==, g_strv_length (cells));
      for (guint i = 0; cells[i] != NULL; i++)
        g_assert_cmpstr (back[i], ==, cells[i]);
    }
  g_assert_cmpuint (k, ==, again->len);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  guint64 lines = 1;

  /* Lines as the most generous encoding counts them: a UTF-16 file has
   * fewer line ends than its bytes of 0x0A. */
  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n')
      lines++;

  for (LodeCsvEncoding encoding = LODE_CSV_ENCODING_AUTO;
       encoding <= LODE_CSV_ENCODING_WINDOWS_1252; encoding++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = read_records (bytes, encoding, lines, &error);

      if (records == NULL)
        check_error (error, lines);
      else if (encoding == LODE_CSV_ENCODING_AUTO)
        check_round_trip (records);
    }

  return 0;
}
