/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lode-portfolio-io.h"
#include "lode-salvage.h"

/* Salvage of drafts that do not load whole. Each case is a draft in
 * tests/fixtures/salvage/ holding bad values, and the same portfolio with
 * only those values (or the items that cannot stand without them) left
 * out, NAME.expected.json, as Lode writes it: the salvaged portfolio must
 * write exactly those bytes, say exactly what it left out, and save to a
 * file that lode-cli validate accepts. */

static char *tmp_dir;

typedef struct
{
  const char         *name;
  const char * const *not_kept;
} SalvageCase;

static const char * const bad_date[] = {
  "Source “GACC customs”: its date “+202” was not kept. "
  "A date reads YYYY-MM-DD (or YYYY-MM, or YYYY), as in 2025-09-26.",
  NULL
};

static const char * const bad_year[] = {
  "Mineral “Copper”, reserve estimate 2: its year 1750 was not kept. A year is from 1800 to 2200.",
  NULL
};

static const char * const bad_jobs[] = {
  "Project “Saindak”: its start year 1750 was not kept. A year is from 1800 to 2200.",
  "Project “Saindak”: its number of jobs 9223372036854775807 was not kept. "
  "Jobs are a whole number from 0 to 2,147,483,647.",
  NULL
};

static const char * const bad_reference[] = {
  "Export record 2 (Copper, 2024): its source “gacc-2024” was not kept. "
  "No source in the portfolio has this id.",
  "Export record 3 (cobalt, 2025): removed, as its mineral “cobalt” is not in the portfolio.",
  "Project “Saindak”: its mineral “cobalt” was not kept. No mineral in the portfolio has this id.",
  "Target “Copper exports”: removed, as its mineral “cobalt” is not in the portfolio.",
  NULL
};

static const char * const bad_export_value[] = {
  "Export record 2 (Copper, 2024): removed, as its value 11000000.125 could not be kept. "
  "An amount is in US dollars, 0 or more, with at most two decimals, up to 70 trillion.",
  NULL
};

static const char * const duplicate_ids[] = {
  "Source “GACC customs (copy)”: removed, as an item before it has the same id “gacc-2025”.",
  "Mineral “Copper (copy)”: removed, as an item before it has the same id “copper”.",
  NULL
};

/* A source and a mineral that cannot stand go with what refers to them. */
static const char * const several[] = {
  "Source “arab-news”: removed, as its title is empty.",
  "Source “arab-news”: 3 figures that cited this source no longer name a source.",
  "Mineral “Copper”: its group “metal” was not kept; it is now “other”. Lode knows only "
  "base-metal, precious-metal, ferrous, light-metal, rare-earth, industrial, energy, other.",
  "Mineral “Copper”, reserve estimate 2: removed, as its unit “Gt” could not be kept. "
  "Lode knows only t, kt, Mt, kg, oz, koz, Moz, ct, m3.",
  "Mineral “iron”: removed, as its name is empty.",
  "Mineral “iron”: 1 export record of this mineral was removed with it.",
  "Export record 1 (Copper, 2025): its destination “China” was not kept. "
  "A country is an ISO 3166-1 code of two capital letters, such as CN.",
  "Project “Saindak”, partner 1: its share 1.5 was not kept. A share is between 0 and 100 %.",
  "Target “Mineral exports”: its upper target value 5000000000 was not kept. "
  "The upper target value may not be below the target value.",
  NULL
};

static const SalvageCase cases[] = {
  { "bad-date", bad_date },
  { "bad-year", bad_year },
  { "bad-jobs", bad_jobs },
  { "bad-reference", bad_reference },
  { "bad-export-value", bad_export_value },
  { "duplicate-ids", duplicate_ids },
  { "several", several },
};

static char *
fixture_path (const char *name,
              const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", "salvage", file, NULL);
}

/* lode-cli validate accepts @path. */
static void
assert_valid (const char *path)
{
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                          g_getenv ("LODE_CLI"), "validate", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (cli, NULL, &error));
  g_assert_no_error (error);
}

/* @portfolio writes @expected, and saves to a file that validates. */
static void
assert_kept (LodePortfolio *portfolio,
             const char    *expected,
             gsize          expected_length,
             const char    *save_name)
{
  g_autoptr(GBytes) bytes = lode_portfolio_to_bytes (portfolio);
  g_autofree char *path = g_build_filename (tmp_dir, save_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpstr (data, ==, expected);
  g_assert_cmpmem (data, length, expected, expected_length);

  g_assert_true (lode_portfolio_save_file (portfolio, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_valid (path);
}

static void
assert_notes (GStrv               notes,
              const char * const *expected)
{
  for (guint i = 0; notes[i] != NULL; i++)
    g_test_message ("not kept: %s", notes[i]);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_assert_nonnull (notes[i]);
      g_assert_cmpstr (notes[i], ==, expected[i]);
    }
  g_assert_cmpuint (g_strv_length (notes), ==, g_strv_length ((GStrv) expected));
}

static void
test_case (gconstpointer data)
{
  const SalvageCase *salvage_case = data;
  g_autofree char *draft_path = fixture_path (salvage_case->name, ".json");
  g_autofree char *expected_path = fixture_path (salvage_case->name, ".expected.json");
  g_autofree char *save_name = g_strconcat (salvage_case->name, ".json", NULL);
  g_autofree char *draft = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(LodePortfolio) strict = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  gsize draft_length;
  gsize expected_length;

  g_assert_true (g_file_get_contents (draft_path, &draft, &draft_length, NULL));
  g_assert_true (g_file_get_contents (expected_path, &expected, &expected_length, NULL));

  /* The draft does not load as it is. */
  strict = lode_portfolio_load_data (draft, draft_length, "draft", &error);
  g_assert_null (strict);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);

  portfolio = lode_salvage_load_data (draft, draft_length, "draft", &notes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  assert_notes (notes, salvage_case->not_kept);
  assert_kept (portfolio, expected, expected_length, save_name);
}

/* A portfolio of @n export records of copper: the first @n_bad_months of
 * month 13 (or of no month when @clean), the others of month 6; when
 * @with_bad_year, one more record of the year 1750 after them. */
static char *
many_records (guint    n,
              guint    n_bad_months,
              gboolean clean,
              gboolean with_bad_year)
{
  GString *text = g_string_new ("{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"Many\","
                                "\"minerals\":[{\"id\":\"copper\",\"name\":\"Copper\","
                                "\"group\":\"base-metal\"}],\"exports\":[");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "{\"mineral\":\"copper\",\"year\":%u,", 1800 + i % 400);
      if (i >= n_bad_months)
        g_string_append (text, "\"month\":6,");
      else if (!clean)
        g_string_append (text, "\"month\":13,");
      g_string_append_printf (text, "\"value_usd\":%u}", 1000 + i);
    }
  if (with_bad_year)
    g_string_append (text, ",{\"mineral\":\"copper\",\"year\":1750,\"value_usd\":5}");
  g_string_append (text, "]}");

  return g_string_free (text, FALSE);
}

typedef struct
{
  guint n_records;
  guint n_bad;
} ManyCase;

/* More bad values than the reader lists at once (20): all are found, and
 * said in the order of the text. */
static void
test_more_than_twenty (gconstpointer user_data)
{
  const ManyCase *many = user_data;
  g_autofree char *draft = many_records (many->n_records, many->n_bad, FALSE, TRUE);
  g_autofree char *clean = many_records (many->n_records, many->n_bad, TRUE, FALSE);
  g_autofree char *save_name = g_strdup_printf ("many-%u.json", many->n_records);
  g_autoptr(LodePortfolio) expected = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  g_autoptr(GPtrArray) expected_notes = g_ptr_array_new_with_free_func (g_free);
  gsize length;
  const char *data;

  /* The same records with the bad months left out, and the last gone; the
   * good months stay. */
  expected = lode_portfolio_load_data (clean, strlen (clean), "clean", &error);
  g_assert_no_error (error);
  portfolio = lode_salvage_load_data (draft, strlen (draft), "draft", &notes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);

  for (guint i = 0; i < many->n_bad; i++)
    g_ptr_array_add (expected_notes,
                     g_strdup_printf ("Export record %u (Copper, %u): its month 13 was not kept. "
                                      "A month is from 1 to 12.", i + 1, 1800 + i % 400));
  g_ptr_array_add (expected_notes,
                   g_strdup_printf ("Export record %u (Copper, 1750): removed, as its year 1750 could "
                                    "not be kept. A year is from 1800 to 2200.", many->n_records + 1));
  g_ptr_array_add (expected_notes, NULL);
  assert_notes (notes, (const char * const *) expected_notes->pdata);

  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==,
                    many->n_records);

  expected_bytes = lode_portfolio_to_bytes (expected);
  data = g_bytes_get_data (expected_bytes, &length);
  assert_kept (portfolio, data, length, save_name);
}

/* A draft that loads keeps everything and says nothing. */
static void
test_valid (void)
{
  g_autofree char *path = fixture_path ("base", ".json");
  g_autofree char *draft = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &draft, &length, NULL));
  portfolio = lode_salvage_load_data (draft, length, "draft", &notes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notes);
  g_assert_null (notes[0]);
  assert_kept (portfolio, draft, length, "valid.json");
}

/* What is not a portfolio cannot be salvaged: the reader's error comes
 * back as it was. */
static void
test_not_salvaged (void)
{
  static const struct
  {
    const char *text;
    int         code;
    const char *message;
  } refused[] = {
    { "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\",\"sources\":[",
      LODE_PORTFOLIO_ERROR_SYNTAX, "draft:1:63: unexpected end of the file" },
    { "not JSON", LODE_PORTFOLIO_ERROR_SYNTAX, "draft:1:1: " },
    { "[1, 2]", LODE_PORTFOLIO_ERROR_INVALID, "draft: not a Lode portfolio" },
    { "{\"format\":\"other\",\"version\":1,\"title\":\"T\"}", LODE_PORTFOLIO_ERROR_INVALID,
      "draft: /format: " },
    { "{\"format\":\"lode-portfolio\",\"version\":7,\"title\":\"T\"}",
      LODE_PORTFOLIO_ERROR_NEWER_VERSION, "draft: /version: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) notes = NULL;

      portfolio = lode_salvage_load_data (refused[i].text, strlen (refused[i].text), "draft",
                                          &notes, NULL, &error);
      g_assert_null (portfolio);
      g_assert_null (notes);
      g_assert_error (error, LODE_PORTFOLIO_ERROR, refused[i].code);
      g_assert_true (g_str_has_prefix (error->message, refused[i].message));
    }
}

/* From a file: errors name it as asked, never by its path. */
static void
test_file (void)
{
  g_autofree char *path = fixture_path ("bad-date", ".json");
  g_autofree char *missing_path = g_build_filename (tmp_dir, "no-such-draft.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(LodePortfolio) none = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;

  portfolio = lode_salvage_load_file (file, "draft", &notes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  g_assert_cmpuint (g_strv_length (notes), ==, 1);

  none = lode_salvage_load_file (missing, "draft", NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, missing_path));
  g_assert_nonnull (strstr (error->message, "draft"));
}

/* Every file of the fixtures, invalid, not JSON or valid: salvage never
 * crashes, and what it gives back is whole: it writes a text the reader
 * takes as it is, which writes the same text again. */
static void
test_fixtures (void)
{
  static const char * const folders[] = { "invalid", "syntax", "valid", "fuzz", "salvage" };
  guint n_salvaged = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *text = NULL;
          g_autoptr(LodePortfolio) portfolio = NULL;
          g_autoptr(LodePortfolio) again = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GBytes) bytes_again = NULL;
          g_autoptr(GError) error = NULL;
          g_auto(GStrv) notes = NULL;
          gsize length;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          g_assert_true (g_file_get_contents (path, &text, &length, NULL));

          portfolio = lode_salvage_load_data (text, length, "draft", &notes, NULL, &error);
          if (portfolio == NULL)
            {
              g_assert_nonnull (error);
              g_assert_null (notes);
              continue;
            }
          g_assert_no_error (error);
          if (notes[0] != NULL)
            n_salvaged++;
          for (guint i = 0; notes[i] != NULL; i++)
            g_test_message ("%s/%s: %s", folders[f], name, notes[i]);

          bytes = lode_portfolio_to_bytes (portfolio);
          again = lode_portfolio_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                            "again", &error);
          g_assert_no_error (error);
          bytes_again = lode_portfolio_to_bytes (again);
          g_assert_true (g_bytes_equal (bytes, bytes_again));
        }
    }

  /* Most of the invalid files have something to keep. */
  g_assert_cmpuint (n_salvaged, >, 60);
}

/* Cancelled, it stops. */
/* A draft with a rate of US dollars keeps the rest, and says which rule
 * the rate broke. */
static void
test_exchange_rate (void)
{
  static const char text[] =
    "{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Rates\",\n"
    "  \"exchange_rates\": [\n"
    "    { \"currency\": \"USD\", \"year\": 2024, \"units_per_usd\": \"1\" },\n"
    "    { \"currency\": \"PKR\", \"year\": 2024, \"units_per_usd\": \"278.8\" } ] }\n";
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  GListModel *rates;

  portfolio = lode_salvage_load_data (text, strlen (text), "draft", &notes, NULL, &error);
  g_assert_no_error (error);
  rates = G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio));
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 1);
  g_assert_cmpuint (g_strv_length (notes), ==, 1);
  g_assert_nonnull (strstr (notes[0], "Exchange rate 1"));
  g_assert_nonnull (strstr (notes[0], "USD needs none"));
}

static void
test_cancelled (void)
{
  g_autofree char *draft = many_records (30, 25, FALSE, TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  portfolio = lode_salvage_load_data (draft, strlen (draft), "draft", NULL, cancellable, &error);
  g_assert_null (portfolio);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("lode-salvage-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/lode/salvage/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  /* 30 records take two loads; 1200 take slices of the records too. */
  g_test_add_data_func ("/lode/salvage/more-than-twenty", &(ManyCase) { 30, 25 }, test_more_than_twenty);
  g_test_add_data_func ("/lode/salvage/many-more", &(ManyCase) { 1200, 300 }, test_more_than_twenty);
  g_test_add_func ("/lode/salvage/valid", test_valid);
  g_test_add_func ("/lode/salvage/not-salvaged", test_not_salvaged);
  g_test_add_func ("/lode/salvage/file", test_file);
  g_test_add_func ("/lode/salvage/fixtures", test_fixtures);
  g_test_add_func ("/lode/salvage/exchange-rate", test_exchange_rate);
  g_test_add_func ("/lode/salvage/cancelled", test_cancelled);

  result = g_test_run ();

  /* A failure keeps the files, to be looked at. */
  if (result == 0)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (tmp_dir);
    }

  return result;
}
