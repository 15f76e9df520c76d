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

static const SalvageCase cases[] = {
  { "bad-date", bad_date },
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

  result = g_test_run ();

  return result;
}
