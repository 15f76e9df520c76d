/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-portfolio-io.h"

/* Hostile and broken input: every refusal says where, and a portfolio
 * that is already open stays as it was. */

/* The portfolio "already open" in every case: its saved bytes are compared
 * before and after each refused load. */
static LodePortfolio *open_portfolio;
static GBytes *open_bytes;

static void
assert_open_unchanged (void)
{
  g_autoptr(GBytes) now = lode_portfolio_to_bytes (open_portfolio);

  g_assert_true (g_bytes_equal (now, open_bytes));
  g_assert_false (lode_portfolio_get_modified (open_portfolio));
}

/* Inputs the fuzzers found; each must load and save to stable bytes, or be
 * refused with a message that names the file. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = lode_portfolio_load_file (file, NULL, &error);

      n++;
      if (portfolio == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (strstr (error->message, name) != NULL);
        }
      else
        {
          g_autoptr(GBytes) once = lode_portfolio_to_bytes (portfolio);
          g_autoptr(LodePortfolio) again = NULL;
          g_autoptr(GBytes) twice = NULL;
          gsize length;
          const char *data = g_bytes_get_data (once, &length);

          again = lode_portfolio_load_data (data, length, "saved.json", &error);
          g_assert_no_error (error);
          twice = lode_portfolio_to_bytes (again);
          g_assert_true (g_bytes_equal (once, twice));
        }
      assert_open_unchanged ();
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  open_portfolio = lode_portfolio_new_sample ();
  open_bytes = lode_portfolio_to_bytes (open_portfolio);

  g_test_add_func ("/lode/hostile/fuzz-regressions", test_fuzz_regressions);

  status = g_test_run ();

  g_clear_pointer (&open_bytes, g_bytes_unref);
  g_clear_object (&open_portfolio);

  return status;
}
