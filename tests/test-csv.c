/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lode-csv.h"

/* Reads @len bytes of @data whole and writes the records as "a|b|c" lines,
 * so a test compares what it reads with one string. */
static char *
read_all_full (const char      *data,
               gsize            len,
               LodeCsvEncoding  encoding,
               LodeCsvEncoding *found,
               GError         **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(LodeCsvReader) reader = lode_csv_reader_new (bytes, "test.csv", encoding);
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *cells;
  guint n_cells;

  while (lode_csv_reader_next (reader, &cells, &n_cells, error))
    {
      g_assert_null (cells[n_cells]);
      for (guint i = 0; i < n_cells; i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, cells[i]);
        }
      g_string_append_c (out, '\n');
    }

  if (found != NULL)
    *found = lode_csv_reader_get_encoding (reader);
  if (error != NULL && *error != NULL)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
read_all (const char      *data,
          gsize            len,
          LodeCsvEncoding  encoding,
          LodeCsvEncoding *found)
{
  g_autoptr(GError) error = NULL;
  char *result = read_all_full (data, len, encoding, found, &error);

  g_assert_no_error (error);
  return result;
}

#define READ(literal) read_all (literal, sizeof literal - 1, LODE_CSV_ENCODING_AUTO, NULL)

static void
assert_error (const char      *data,
              gsize            len,
              LodeCsvEncoding  encoding,
              LodeCsvError     code,
              const char      *where)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = read_all_full (data, len, encoding, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, LODE_CSV_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, where))
    g_error ("expected an error at %s, got “%s”", where, error->message);
}

static void
test_csv_basic (void)
{
  g_autofree char *lf = READ ("a,b,c\n1,2,3\n");
  g_autofree char *crlf = READ ("a,b,c\r\n1,2,3\r\n");
  g_autofree char *mixed = READ ("a,b,c\r\n1,2,3\n4,5,6\r\n");
  g_autofree char *no_newline = READ ("a,b\n1,2");
  g_autofree char *no_newline_crlf = READ ("a,b\r\n1,2\r");
  g_autofree char *empty = READ ("");
  g_autofree char *blank = READ ("\n\r\n\n");

  g_assert_cmpstr (lf, ==, "a|b|c\n1|2|3\n");
  g_assert_cmpstr (crlf, ==, "a|b|c\n1|2|3\n");
  g_assert_cmpstr (mixed, ==, "a|b|c\n1|2|3\n4|5|6\n");
  g_assert_cmpstr (no_newline, ==, "a|b\n1|2\n");
  g_assert_cmpstr (no_newline_crlf, ==, "a|b\n1|2\n");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (blank, ==, "");
}

static void
test_csv_cells (void)
{
  g_autofree char *empty_cells = READ ("a,,c\n,,\n,x,\n");
  g_autofree char *trailing = READ ("h1,h2\n1,2,\n3,4,\r\n");
  g_autofree char *blank_lines = READ ("a\n\n\nb\r\n\r\nc\n\n");
  g_autofree char *quoted = READ ("\"Other Asia, nes\",490\n\"say \"\"hi\"\"\",x\n");
  g_autofree char *newline = READ ("\"two\nlines\",\"crlf\r\ninside\"\nnext,row\n");
  g_autofree char *empty_quoted = READ ("\"\",\"\"\n\"\"\n");
  g_autofree char *mid_quote = READ ("5\" pipe,x\n");
  g_autofree char *space_after = READ ("\"a\"  ,\"b\" \r\n");
  g_autofree char *quoted_last = READ ("\"a\",\"b\"");
  g_autofree char *quoted_trailing = READ ("\"a\",\n\"b\",\r\n");

  g_assert_cmpstr (empty_cells, ==, "a||c\n||\n|x|\n");
  g_assert_cmpstr (trailing, ==, "h1|h2\n1|2|\n3|4|\n");
  g_assert_cmpstr (blank_lines, ==, "a\nb\nc\n");
  g_assert_cmpstr (quoted, ==, "Other Asia, nes|490\nsay \"hi\"|x\n");
  g_assert_cmpstr (newline, ==, "two\nlines|crlf\r\ninside\nnext|row\n");
  g_assert_cmpstr (empty_quoted, ==, "|\n\n");
  g_assert_cmpstr (mid_quote, ==, "5\" pipe|x\n");
  g_assert_cmpstr (space_after, ==, "a|b\n");
  g_assert_cmpstr (quoted_last, ==, "a|b\n");
  g_assert_cmpstr (quoted_trailing, ==, "a|\nb|\n");
}

static void
test_csv_lines (void)
{
  static const char data[] = "h\n\n\"a\nb\"\nc\r\n\r\nd";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(LodeCsvReader) reader = lode_csv_reader_new (bytes, "t.csv", LODE_CSV_ENCODING_AUTO);
  guint64 expected[] = { 1, 3, 5, 7 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lode_csv_reader_next (reader, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (lode_csv_reader_get_line (reader), ==, expected[i]);
    }
  g_assert_false (lode_csv_reader_next (reader, NULL, NULL, NULL));
  g_assert_cmpuint (lode_csv_reader_get_offset (reader), ==, lode_csv_reader_get_size (reader));
}

static void
test_csv_utf8_bom (void)
{
  LodeCsvEncoding found;
  g_autofree char *bom = read_all ("\xEF\xBB\xBFName,Wert\nCôte d’Ivoire,1\n", 32,
                                   LODE_CSV_ENCODING_AUTO, &found);

  g_assert_cmpstr (bom, ==, "Name|Wert\nCôte d’Ivoire|1\n");
  g_assert_cmpint (found, ==, LODE_CSV_ENCODING_UTF8);

  {
    g_autofree char *plain = read_all ("Côte d’Ivoire,1\n", 19, LODE_CSV_ENCODING_AUTO, &found);

    g_assert_cmpstr (plain, ==, "Côte d’Ivoire|1\n");
    g_assert_cmpint (found, ==, LODE_CSV_ENCODING_UTF8);
  }
}

/* Encodes @utf8 as UTF-16 with a BOM. */
static GBytes *
utf16_with_bom (const char *utf8,
                gboolean    big_endian)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n_units, NULL);
  guint8 bom_le[] = { 0xFF, 0xFE }, bom_be[] = { 0xFE, 0xFF };

  g_byte_array_append (out, big_endian ? bom_be : bom_le, 2);
  for (glong i = 0; i < n_units; i++)
    {
      guint8 pair[2] = { units[i] & 0xFF, units[i] >> 8 };

      if (big_endian)
        {
          guint8 t = pair[0];
          pair[0] = pair[1];
          pair[1] = t;
        }
      g_byte_array_append (out, pair, 2);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_csv_utf16 (void)
{
  const char *text = "Partner,Value\r\n\"Türkiye, Rep.\",12€\r\nChina,𝄞\r\n";

  for (guint be = 0; be < 2; be++)
    {
      g_autoptr(GBytes) bytes = utf16_with_bom (text, be);
      LodeCsvEncoding found;
      g_autofree char *result = read_all (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          LODE_CSV_ENCODING_AUTO, &found);

      g_assert_cmpstr (result, ==, "Partner|Value\nTürkiye, Rep.|12€\nChina|𝄞\n");
      g_assert_cmpint (found, ==, be ? LODE_CSV_ENCODING_UTF16BE : LODE_CSV_ENCODING_UTF16LE);
    }
}

static void
test_csv_utf16_large (void)
{
  /* Longer than a decoded chunk, with a quoted cell across the chunks. */
  g_autoptr(GString) text = g_string_new ("n,s\n");
  g_autoptr(GString) expected = g_string_new ("n|s\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *result = NULL;

  for (guint i = 0; i < 40000; i++)
    {
      g_string_append_printf (text, "%u,\"ü,\nж %u\"\n", i, i);
      g_string_append_printf (expected, "%u|ü,\nж %u\n", i, i);
    }
  bytes = utf16_with_bom (text->str, FALSE);
  result = read_all (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     LODE_CSV_ENCODING_AUTO, NULL);
  g_assert_cmpstr (result, ==, expected->str);
}

static void
test_csv_windows_1252 (void)
{
  /* "Côte d’Ivoire,€ 5,café" in Windows-1252. */
  const char data[] = "C\xF4te d\x92Ivoire,\x80 5,caf\xE9\r\n";
  LodeCsvEncoding found;
  g_autofree char *result = read_all (data, sizeof data - 1, LODE_CSV_ENCODING_AUTO, &found);
  g_autofree char *forced = read_all ("caf\xC3\xA9\n", 6, LODE_CSV_ENCODING_WINDOWS_1252, NULL);

  g_assert_cmpstr (result, ==, "Côte d’Ivoire|€ 5|café\n");
  g_assert_cmpint (found, ==, LODE_CSV_ENCODING_WINDOWS_1252);
  /* Chosen by the user, UTF-8 bytes are read as what they are in 1252. */
  g_assert_cmpstr (forced, ==, "cafÃ©\n");
}

static void
test_csv_detection (void)
{
  g_autoptr(GString) text = g_string_new ("h\n");
  g_autoptr(GString) expected = g_string_new ("h\n");
  LodeCsvEncoding found;
  g_autofree char *mixed = read_all ("caf\xC3\xA9\nx\ncaf\xE9\n", 12, LODE_CSV_ENCODING_AUTO, &found);
  g_autofree char *late = NULL;

  /* Valid UTF-8 first, then a byte that is not: the file is not UTF-8,
   * so all of it is Windows-1252. */
  g_assert_cmpstr (mixed, ==, "cafÃ©\nx\ncafé\n");
  g_assert_cmpint (found, ==, LODE_CSV_ENCODING_WINDOWS_1252);

  /* ASCII past the first checked chunk, then Windows-1252. */
  while (text->len < (5 << 20))
    {
      g_string_append (text, "2603,CN,1234567,0.125,\"Other Asia, nes\"\n");
      g_string_append (expected, "2603|CN|1234567|0.125|Other Asia, nes\n");
    }
  g_string_append (text, "7108,C\xF4te d\x92Ivoire\n");
  g_string_append (expected, "7108|Côte d’Ivoire\n");
  late = read_all (text->str, text->len, LODE_CSV_ENCODING_AUTO, &found);
  g_assert_cmpstr (late, ==, expected->str);
  g_assert_cmpint (found, ==, LODE_CSV_ENCODING_WINDOWS_1252);

  /* Asked before reading, the reader looks ahead and says the same. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
    g_autoptr(LodeCsvReader) reader = lode_csv_reader_new (bytes, "late.csv", LODE_CSV_ENCODING_AUTO);
    g_autoptr(GError) error = NULL;
    const char * const *cells;
    guint n_cells;

    g_assert_cmpint (lode_csv_reader_get_encoding (reader), ==, LODE_CSV_ENCODING_WINDOWS_1252);
    g_assert_true (lode_csv_reader_next (reader, &cells, &n_cells, &error));
    g_assert_cmpstr (cells[0], ==, "h");
    g_assert_true (lode_csv_reader_next (reader, &cells, &n_cells, &error));
    g_assert_cmpstr (cells[4], ==, "Other Asia, nes");
  }
}

static void
test_csv_errors (void)
{
  /* Invalid UTF-8 when UTF-8 was chosen: the line and column. */
  assert_error ("a,b\nc,d\xE9t\n", 10, LODE_CSV_ENCODING_UTF8, LODE_CSV_ERROR_ENCODING, "test.csv:2:4:");
  assert_error ("\xEF\xBB\xBF" "a\n\xFF\n", 7, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_ENCODING, "test.csv:2:1:");
  /* NUL bytes, in each encoding. */
  assert_error ("a,b\nc\0d\n", 8, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_BINARY, "test.csv:2:2:");
  assert_error ("\xE9\n\xE9\0", 4, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_BINARY, "test.csv:2:2:");
  assert_error ("\xFF\xFE" "a\0\n\0\0\0", 8, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_BINARY, "test.csv:2:1:");
  /* A lone surrogate and half a code unit in UTF-16. */
  assert_error ("\xFF\xFE" "a\0\n\0b\0\x00\xDC", 10, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_ENCODING, "test.csv:2:2:");
  assert_error ("\xFE\xFF\0a\0", 5, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_ENCODING, "test.csv:1:2:");
  /* Quotes. */
  assert_error ("a,b\n1,\"open\n2,3\n", 16, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_SYNTAX, "test.csv:2:3:");
  assert_error ("a\n\"x\"y,z\n", 9, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_SYNTAX, "test.csv:2:4:");
  assert_error ("a\n\"x\"\ry\n", 8, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_SYNTAX, "test.csv:2:4:");
}

static void
test_csv_error_stops (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a\n\"b\nc", 6);
  g_autoptr(LodeCsvReader) reader = lode_csv_reader_new (bytes, "t.csv", LODE_CSV_ENCODING_AUTO);
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_csv_reader_next (reader, NULL, NULL, NULL));
  g_assert_false (lode_csv_reader_next (reader, NULL, NULL, &error));
  g_assert_error (error, LODE_CSV_ERROR, LODE_CSV_ERROR_SYNTAX);
  g_clear_error (&error);
  /* After an error the reader reads no more. */
  g_assert_false (lode_csv_reader_next (reader, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_csv_limits (void)
{
  gsize n = LODE_CSV_MAX_RECORD + 10;
  g_autofree char *line = g_malloc (n);
  g_autoptr(GString) columns = g_string_new ("h\n");
  g_autoptr(GString) most = g_string_new (NULL);
  g_autofree char *read = NULL;

  memset (line, 'x', n);
  line[n - 1] = '\n';
  assert_error (line, n, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_TOO_LARGE, "test.csv:1:1:");
  /* A quoted cell that never closes fails at the limit too. */
  line[0] = '"';
  assert_error (line, n, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_TOO_LARGE, "test.csv:1:1:");
  assert_error (line, n, LODE_CSV_ENCODING_WINDOWS_1252, LODE_CSV_ERROR_TOO_LARGE, "test.csv:1:1:");

  /* As many columns as allowed, and one more. */
  for (guint i = 1; i < LODE_CSV_MAX_COLUMNS; i++)
    g_string_append_c (most, ',');
  read = read_all (most->str, most->len, LODE_CSV_ENCODING_AUTO, NULL);
  g_assert_cmpuint (strlen (read), ==, LODE_CSV_MAX_COLUMNS);

  g_string_append (columns, most->str);
  g_string_append (columns, ",\n");
  assert_error (columns->str, columns->len, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_TOO_LARGE,
                "test.csv:2:4097:");
  g_string_insert (columns, 2, "\"q\"");
  assert_error (columns->str, columns->len, LODE_CSV_ENCODING_AUTO, LODE_CSV_ERROR_TOO_LARGE,
                "test.csv:2:4100:");
}

static void
test_csv_append_cell (void)
{
  const struct { const char *cell, *written; } cases[] = {
    { "", "" },
    { "plain", "plain" },
    { "Other Asia, nes", "\"Other Asia, nes\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r", "\"cr\r\"" },
    { " lead", "\" lead\"" },
    { "trail ", "\"trail \"" },
    { "mid space", "mid space" },
    { "Côte d’Ivoire", "Côte d’Ivoire" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      lode_csv_append_cell (out, cases[i].cell);
      g_assert_cmpstr (out->str, ==, cases[i].written);
    }
}

/* Quoting whatever the cell holds, after what @out holds already. */
static void
test_csv_append_quoted (void)
{
  static const struct
  {
    const char *cell;
    const char *written;
  } cases[] = {
    { "", "a,\"\"" },
    { "plain", "a,\"plain\"" },
    { "Other Asia, nes", "a,\"Other Asia, nes\"" },
    { "say \"hi\"", "a,\"say \"\"hi\"\"\"" },
    { "\"", "a,\"\"\"\"" },
    { "two\r\nlines", "a,\"two\r\nlines\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("a,");

      lode_csv_append_quoted (out, cases[i].cell);
      g_assert_cmpstr (out->str, ==, cases[i].written);
    }
}

/* Random cells from an alphabet rich in what needs quoting, written and
 * read back equal. */
static void
test_csv_round_trip (void)
{
  static const char *pieces[] = { "a", "7", ",", "\"", "\n", "\r\n", " ", "é", "€", "’", "x y", "\t" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 300; round++)
    {
      guint n_records = g_rand_int_range (rand, 1, 20);
      guint n_columns = g_rand_int_range (rand, 1, 12);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(LodeCsvReader) reader = NULL;
      const char * const *cells;
      guint n_cells, k = 0;
      g_autoptr(GError) error = NULL;

      for (guint r = 0; r < n_records; r++)
        {
          for (guint c = 0; c < n_columns; c++)
            {
              g_autoptr(GString) cell = g_string_new (NULL);
              guint len = g_rand_int_range (rand, 0, 6);

              /* A record of one empty cell is a blank line, skipped. */
              if (n_columns == 1 && len == 0)
                len = 1;
              for (guint j = 0; j < len; j++)
                g_string_append (cell, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
              if (c > 0)
                g_string_append_c (out, ',');
              lode_csv_append_cell (out, cell->str);
              g_ptr_array_add (expected, g_string_free (g_steal_pointer (&cell), FALSE));
            }
          g_string_append (out, g_rand_boolean (rand) ? "\n" : "\r\n");
        }

      bytes = g_bytes_new (out->str, out->len);
      reader = lode_csv_reader_new (bytes, "round.csv", LODE_CSV_ENCODING_AUTO);
      while (lode_csv_reader_next (reader, &cells, &n_cells, &error))
        {
          g_assert_cmpuint (n_cells, ==, n_columns);
          for (guint c = 0; c < n_cells; c++)
            g_assert_cmpstr (cells[c], ==, expected->pdata[k++]);
        }
      g_assert_no_error (error);
      g_assert_cmpuint (k, ==, expected->len);
    }
}

static void
test_csv_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lode-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "TradeData.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/lode.csv");
  g_autoptr(LodeCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *cells;
  guint n_cells;

  g_assert_true (g_file_set_contents (path, "\xEF\xBB\xBFh1,h2\n1,2,\n", -1, NULL));
  reader = lode_csv_reader_new_for_file (file, LODE_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (lode_csv_reader_next (reader, &cells, &n_cells, &error));
  g_assert_cmpuint (n_cells, ==, 2);
  g_assert_cmpstr (cells[0], ==, "h1");
  g_assert_true (lode_csv_reader_next (reader, &cells, &n_cells, &error));
  g_assert_cmpuint (n_cells, ==, 3);
  g_assert_false (lode_csv_reader_next (reader, &cells, &n_cells, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lode_csv_reader_get_size (reader), ==, 14);

  g_assert_null (lode_csv_reader_new_for_file (missing, LODE_CSV_ENCODING_AUTO, &error));
  g_assert_nonnull (error);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/basic", test_csv_basic);
  g_test_add_func ("/csv/cells", test_csv_cells);
  g_test_add_func ("/csv/lines", test_csv_lines);
  g_test_add_func ("/csv/utf8-bom", test_csv_utf8_bom);
  g_test_add_func ("/csv/utf16", test_csv_utf16);
  g_test_add_func ("/csv/utf16-large", test_csv_utf16_large);
  g_test_add_func ("/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/csv/detection", test_csv_detection);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/error-stops", test_csv_error_stops);
  g_test_add_func ("/csv/limits", test_csv_limits);
  g_test_add_func ("/csv/append-cell", test_csv_append_cell);
  g_test_add_func ("/csv/append-quoted", test_csv_append_quoted);
  g_test_add_func ("/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/csv/file", test_csv_file);

  return g_test_run ();
}
