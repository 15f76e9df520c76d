/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-csv.h"
#include "lode-import.h"
#include "lode-portfolio-io.h"

/* The bad-input catalogue for CSV: every file is refused with a message
 * that says where (NAME:LINE:COL), or read as nothing; nothing crashes,
 * and nothing reads a huge file whole to find out. Each file goes through
 * the CSV reader, then through an import plan into an open portfolio,
 * which must stay as it was. The small files are tests/fixtures/csv/ (see
 * its README.md); the large ones are made here in a temporary folder. */

typedef struct
{
  char            *file;
  LodeCsvEncoding  encoding;
  int              code;      /* a LodeCsvError, or -1 for none */
  char            *where;     /* "LINE:COL", or NULL */
} HostileCase;

static void
hostile_case_free (gpointer data)
{
  HostileCase *c = data;

  g_free (c->file);
  g_free (c->where);
  g_free (c);
}

static int
code_from_name (const char *name)
{
  if (g_str_equal (name, "syntax"))
    return LODE_CSV_ERROR_SYNTAX;
  if (g_str_equal (name, "encoding"))
    return LODE_CSV_ERROR_ENCODING;
  if (g_str_equal (name, "binary"))
    return LODE_CSV_ERROR_BINARY;
  if (g_str_equal (name, "too-large"))
    return LODE_CSV_ERROR_TOO_LARGE;
  g_assert_cmpstr (name, ==, "none");
  return -1;
}

/* The portfolio "already open": its saved bytes are compared before and
 * after each import refused. */
static LodePortfolio *open_portfolio;
static GBytes *open_bytes;

/* Makes an import plan of @path into the open portfolio; returns the
 * error, or NULL when a plan was made: then it adds no export record. The
 * portfolio must stay as it was either way. */
static GError *
import_whole_as (const char       *path,
                 LodeCsvEncoding   encoding,
                 LodeImportLayout  layout)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GBytes) now = NULL;
  LodeImportOptions options;
  GError *error = NULL;

  lode_import_options_init (&options);
  options.encoding = encoding;
  options.layout = layout;
  plan = lode_import_plan_new (open_portfolio, file, &options, NULL, &error);
  if (plan != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (plan)), ==, 0);
    }
  else
    g_assert_nonnull (error);

  now = lode_portfolio_to_bytes (open_portfolio);
  g_assert_true (g_bytes_equal (now, open_bytes));
  g_assert_false (lode_portfolio_get_modified (open_portfolio));

  return error;
}

static GError *
import_whole (const char      *path,
              LodeCsvEncoding  encoding)
{
  return import_whole_as (path, encoding, LODE_IMPORT_LAYOUT_AUTO);
}

/* Reads @path to its end or its first error; returns the error. */
static GError *
read_whole (const char      *path,
            LodeCsvEncoding  encoding,
            guint64         *n_records)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeCsvReader) reader = NULL;
  GError *error = NULL;
  const char * const *cells;
  guint n_cells;

  *n_records = 0;
  reader = lode_csv_reader_new_for_file (file, encoding, &error);
  g_assert_no_error (error);
  while (lode_csv_reader_next (reader, &cells, &n_cells, &error))
    {
      g_assert_cmpuint (n_cells, <=, LODE_CSV_MAX_COLUMNS);
      g_assert_null (cells[n_cells]);
      (*n_records)++;
    }

  return error;
}

static void
assert_refused (GError      *error,
                const char  *path,
                int          code,
                const char  *where)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *prefix = g_strdup_printf ("%s:%s: ", name, where);

  g_assert_error (error, LODE_CSV_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected an error at %s, got “%s”", prefix, error->message);
  /* The message goes on with a sentence, not only the place. */
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 10);
}

static void
test_fixture (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", c->file, NULL);
  guint64 n_records;
  g_autoptr(GError) error = read_whole (path, c->encoding, &n_records);

  /* Each file as it is recognised, and as what it might be taken for. */
  const LodeImportLayout layouts[] = { LODE_IMPORT_LAYOUT_AUTO, LODE_IMPORT_LAYOUT_USGS_MCS };

  if (c->code < 0)
    g_assert_no_error (error);
  else
    assert_refused (error, path, c->code, c->where);

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autoptr(GError) import_error = import_whole_as (path, c->encoding, layouts[i]);

      /* Taken for USGS, a file whose header is not may be refused for
       * that first, at its line 1. */
      if (c->code >= 0 && layouts[i] == LODE_IMPORT_LAYOUT_USGS_MCS
          && g_error_matches (import_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        {
          g_autofree char *where = g_strdup_printf ("%s:1: ", c->file);

          g_assert_true (g_str_has_prefix (import_error->message, where));
        }
      else if (c->code >= 0)
        assert_refused (import_error, path, c->code, c->where);
      /* A header only or nothing at all: no plan or an empty one, and the
       * reason is said, naming the file. */
      else if (import_error != NULL)
        g_assert_nonnull (strstr (import_error->message, c->file));
    }
}

#define COMTRADE_HEADER \
  "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc," \
  "flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc," \
  "classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel," \
  "isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty," \
  "isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt," \
  "isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue," \
  "legacyEstimationFlag,isReported,isAggregate"
/* A row that is skipped (World partner): the plan stays empty. */
#define COMTRADE_WORLD_ROW \
  "C,A,20230101,2023,52,2023,586,PAK,Pakistan,X,Export,0,W00,World,0,W00,World,H6,HS,True,2603," \
  "Copper ores and concentrates,4,True,C00,TOTAL CPC,0,0,TOTAL MOT,8,kg,1500000,False,-1,N/A,0," \
  "False,1500000,False,0,False,0,3120456.78,3120456.78,0,True,False,"

/* A temporary folder for the large cases. */
static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Without the fsync() of g_file_set_contents(): these files are made by
 * the hundred and thrown away. */
static void
write_file (const char *path,
            const char *data,
            gsize       len)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, len), ==, (gssize) len);
  g_assert_cmpint (close (fd), ==, 0);
}

/* A 1 GiB file whose first 8 MiB are one line of text; the rest is a
 * hole (zeros, which the reader would refuse as binary). The reader must
 * fail on the line's length having read a few megabytes: were it to read
 * on, it would meet the zeros and say "binary" instead. */
static void
test_gigabyte_line (void)
{
  g_autofree char *path = tmp_path ("long-line.csv");
  gsize head = 8 << 20;
  g_autofree char *text = g_malloc (head);
  const LodeCsvEncoding encodings[] = {
    LODE_CSV_ENCODING_AUTO, LODE_CSV_ENCODING_UTF8, LODE_CSV_ENCODING_WINDOWS_1252,
  };
  int fd;

  memset (text, 'x', head);
  memcpy (text, "typeCode,", 9);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, head), ==, (gssize) head);
  g_assert_cmpint (ftruncate (fd, (off_t) 1 << 30), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      guint64 n_records;
      g_autoptr(GError) error = read_whole (path, encodings[i], &n_records);

      g_autoptr(GError) import_error = import_whole (path, encodings[i]);

      assert_refused (error, path, LODE_CSV_ERROR_TOO_LARGE, "1:1");
      g_assert_cmpuint (n_records, ==, 0);
      /* An import that asks for the encoding first has the reader look
       * ahead to the first byte that is not ASCII: here the zeros. */
      if (g_error_matches (import_error, LODE_CSV_ERROR, LODE_CSV_ERROR_BINARY))
        assert_refused (import_error, path, LODE_CSV_ERROR_BINARY, "1:8388609");
      else
        assert_refused (import_error, path, LODE_CSV_ERROR_TOO_LARGE, "1:1");
    }

  /* The same line quoted: a quote that never closes. */
  text[0] = '"';
  fd = g_open (path, O_WRONLY, 0600);
  g_assert_cmpint (write (fd, text, 1), ==, 1);
  close (fd);
  {
    guint64 n_records;
    g_autoptr(GError) error = read_whole (path, LODE_CSV_ENCODING_AUTO, &n_records);
    g_autoptr(GError) import_error = import_whole (path, LODE_CSV_ENCODING_AUTO);

    assert_refused (error, path, LODE_CSV_ERROR_TOO_LARGE, "1:1");
    if (g_error_matches (import_error, LODE_CSV_ERROR, LODE_CSV_ERROR_BINARY))
      assert_refused (import_error, path, LODE_CSV_ERROR_BINARY, "1:8388609");
    else
      assert_refused (import_error, path, LODE_CSV_ERROR_TOO_LARGE, "1:1");
  }

  g_unlink (path);
}

static void
test_million_columns (void)
{
  g_autofree char *path = tmp_path ("columns.csv");
  g_autoptr(GString) text = g_string_new (COMTRADE_HEADER "\n" COMTRADE_WORLD_ROW "\n");
  guint64 n_records;

  /* A million empty cells: under the record limit, over the columns'. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (text, ',');
  g_string_append_c (text, '\n');
  write_file (path, text->str, text->len);
  {
    g_autoptr(GError) error = read_whole (path, LODE_CSV_ENCODING_AUTO, &n_records);
    g_autoptr(GError) import_error = import_whole (path, LODE_CSV_ENCODING_AUTO);

    assert_refused (error, path, LODE_CSV_ERROR_TOO_LARGE, "3:4097");
    g_assert_cmpuint (n_records, ==, 2);
    assert_refused (import_error, path, LODE_CSV_ERROR_TOO_LARGE, "3:4097");
  }

  /* A million cells of one letter: over the record limit first. */
  g_string_assign (text, COMTRADE_HEADER "\n");
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "a,");
  g_string_append_c (text, '\n');
  write_file (path, text->str, text->len);
  {
    g_autoptr(GError) error = read_whole (path, LODE_CSV_ENCODING_AUTO, &n_records);
    g_autoptr(GError) import_error = import_whole (path, LODE_CSV_ENCODING_AUTO);

    g_assert_error (error, LODE_CSV_ERROR, LODE_CSV_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, ":2:"));
    g_assert_error (import_error, LODE_CSV_ERROR, LODE_CSV_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (import_error->message, ":2:"));
  }

  g_unlink (path);
}

/* Many lines of quotes that open and close wrongly, random bytes and
 * random encodings: never a crash, and an error always says where. */
static void
test_random_bytes (void)
{
  g_autofree char *path = tmp_path ("random.csv");
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  static const char alphabet[] = "a,\"\r\n \xC3\xA9\xFF\xFE\0";

  for (guint round = 0; round < 200; round++)
    {
      gsize len = g_rand_int_range (rand, 0, 2000);
      g_autofree char *data = g_malloc (len + 1);
      LodeCsvEncoding encoding = g_rand_int_range (rand, LODE_CSV_ENCODING_AUTO,
                                                   LODE_CSV_ENCODING_WINDOWS_1252 + 1);
      guint64 n_records;
      g_autoptr(GError) error = NULL;

      for (gsize i = 0; i < len; i++)
        data[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      write_file (path, data, len);
      error = read_whole (path, encoding, &n_records);
      g_clear_error (&error);
      /* Through an import: behind a Comtrade header, so that the rows are
       * looked at. */
      {
        g_autoptr(GString) text = g_string_new (COMTRADE_HEADER "\n");

        g_string_append_len (text, data, len);
        write_file (path, text->str, text->len);
      }
      error = import_whole (path, encoding);
      if (error != NULL && error->domain == LODE_CSV_ERROR)
        {
          g_autoptr(GRegex) where = g_regex_new ("^.*random\\.csv:[0-9]+:[0-9]+: .+", G_REGEX_DOTALL, 0, NULL);

          g_assert_true (error->domain == LODE_CSV_ERROR);
          g_assert_true (g_regex_match (where, error->message, 0, NULL));
        }
    }

  g_unlink (path);
}

static void
add_fixture_cases (void)
{
  g_autofree char *expected = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "EXPECTED.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  static GPtrArray *cases;

  g_file_get_contents (expected, &contents, NULL, &error);
  g_assert_no_error (error);

  cases = g_ptr_array_new_with_free_func (hostile_case_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *test_path = NULL;
      HostileCase *c;

      if (lines[i][0] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (fields), ==, 4);

      c = g_new0 (HostileCase, 1);
      c->file = g_strdup (fields[0]);
      c->encoding = g_str_equal (fields[1], "utf-8") ? LODE_CSV_ENCODING_UTF8 : LODE_CSV_ENCODING_AUTO;
      c->code = code_from_name (fields[2]);
      c->where = c->code >= 0 ? g_strdup (fields[3]) : NULL;
      g_ptr_array_add (cases, c);

      test_path = g_strdup_printf ("/csv/hostile/fixture/%s", c->file);
      g_test_add_data_func (test_path, c, test_fixture);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("lode-csv-hostile-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  open_portfolio = lode_portfolio_new_sample ();
  open_bytes = lode_portfolio_to_bytes (open_portfolio);

  add_fixture_cases ();
  g_test_add_func ("/csv/hostile/gigabyte-line", test_gigabyte_line);
  g_test_add_func ("/csv/hostile/million-columns", test_million_columns);
  g_test_add_func ("/csv/hostile/random-bytes", test_random_bytes);

  status = g_test_run ();
  g_clear_object (&open_portfolio);
  g_clear_pointer (&open_bytes, g_bytes_unref);
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return status;
}
