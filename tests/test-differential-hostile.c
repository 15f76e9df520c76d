/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The streaming reader against the oracle (json-glib's document tree): for
 * every case of the hostile catalogue of test-hostile.c, which runs here
 * unchanged with each lode_portfolio_load_data() going through the
 * comparison, and for every fixture under tests/fixtures. */

#include "config.h"

#include <glib.h>

#include "lode-oracle-reader.h"

static int differential_run (void);

#define lode_portfolio_load_data lode_oracle_compare
#define g_test_run differential_run
#include "test-hostile.c"
#undef g_test_run
#undef lode_portfolio_load_data

static void
compare_fixtures_in (const char *folder,
                     guint      *n)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          compare_fixtures_in (path, n);
          continue;
        }
      if (!g_str_has_suffix (name, ".json"))
        continue;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      portfolio = lode_oracle_compare (contents, length, name, &error);
      (*n)++;
    }
}

static void
test_fixtures (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  guint n = 0;

  compare_fixtures_in (folder, &n);
  g_assert_cmpuint (n, >, 100);
  g_test_message ("%u fixtures", n);
}

static int
differential_run (void)
{
  g_test_add_func ("/lode/differential/fixtures", test_fixtures);

  return g_test_run ();
}
