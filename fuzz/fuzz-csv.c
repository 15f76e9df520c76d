/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1 /* memfd_create */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lode-csv.h"
#include "lode-import.h"
#include "lode-portfolio-io.h"

/* libFuzzer harness for the CSV reader and the imports on it. In every
 * encoding: cells are valid UTF-8, never more than the columns allowed,
 * lines only go forward, and an error places itself inside the text. What
 * reads without error, written back with lode_csv_append_cell, reads back
 * to the same cells. Then the input is imported into the built-in sample
 * (the layout recognised, and one forced): making the plan leaves the
 * portfolio as it was; a plan applied gives a portfolio that saves and
 * loads back. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* The input as a file, without touching the disk. */
static int input_fd = -1;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  input_fd = memfd_create ("fuzz.csv", 0);
  g_assert_cmpint (input_fd, >=, 0);
  return 0;
}

static void
check_import (const guint8 *data,
              size_t        size)
{
  static const LodeImportLayout layouts[] = {
    LODE_IMPORT_LAYOUT_COMTRADE, LODE_IMPORT_LAYOUT_COMTRADE_LEGACY,
    LODE_IMPORT_LAYOUT_USGS_MCS, LODE_IMPORT_LAYOUT_LODE,
  };
  g_autofree char *path = g_strdup_printf ("/proc/self/fd/%d", input_fd);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (ftruncate (input_fd, 0), ==, 0);
  g_assert_cmpint (pwrite (input_fd, data, size, 0), ==, (gssize) size);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
      g_autoptr(GBytes) before = lode_portfolio_to_bytes (portfolio);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(LodeImportPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      LodeImportOptions options;

      lode_import_options_init (&options);
      if (round == 1)
        options.layout = layouts[size % G_N_ELEMENTS (layouts)];
      plan = lode_import_plan_new (portfolio, file, &options, NULL, &error);

      after = lode_portfolio_to_bytes (portfolio);
      g_assert_true (g_bytes_equal (before, after));
      if (plan == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          continue;
        }

      for (guint i = 0; i < lode_import_plan_get_n_skipped (plan); i++)
        {
          guint64 line;
          const char *reason;

          lode_import_plan_get_skipped (plan, i, &line, &reason);
          g_assert_nonnull (reason);
        }
      for (guint i = 0; i < lode_import_plan_get_n_conflicts (plan); i++)
        g_free (lode_import_plan_describe_conflict (plan, i));

      if (lode_import_plan_apply (plan, portfolio, &error))
        {
          g_autoptr(GBytes) saved = lode_portfolio_to_bytes (portfolio);
          g_autoptr(LodePortfolio) loaded = NULL;
          g_autoptr(GError) load_error = NULL;
          gsize len;
          const char *text = g_bytes_get_data (saved, &len);

          loaded = lode_portfolio_load_data (text, len, "imported", &load_error);
          if (loaded == NULL)
            g_error ("an applied import does not load back: %s", load_error->message);
        }
      else
        g_error ("a fresh plan does not apply: %s", error->message);
    }
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

  check_import (data, size);

  return 0;
}
