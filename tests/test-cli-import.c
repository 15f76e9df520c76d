/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "lode-portfolio-io.h"
#include "lode-test.h"

/* lode-cli import as a user runs it: the built binary on the fixtures of
 * fixtures/import/, judged by its exit status, what it says on standard
 * error and the portfolio it writes. */

#define ANNUAL_TOTAL  G_GINT64_CONSTANT (77034275983)
#define MONTHLY_TOTAL G_GINT64_CONSTANT (300530080)

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static const char *
cli_path (void)
{
  const char *env = g_getenv ("LODE_CLI");

  g_assert_nonnull (env);
  return env;
}

G_GNUC_NULL_TERMINATED static void
run_cli (CliRun *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (char *) cli_path ());
  g_ptr_array_add (argv, (char *) "import");
  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;

  if (g_test_verbose ())
    g_test_message ("→ %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static LodePortfolio *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LodePortfolio *portfolio = lode_portfolio_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return portfolio;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_annual (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lode-cli-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *again = g_build_filename (dir, "again.json", NULL);
  g_autofree char *input = fixture ("comtrade-plus-annual.csv");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, input, "--output", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "12 export records worth $770,342,759.83 to add"));
    g_assert_nonnull (strstr (run.err, "skipped 1 row (line 3): Partner World"));
    g_assert_nonnull (strstr (run.err, "skipped 1 row (line 13): Re-exports"));
    g_assert_nonnull (strstr (run.err, "3 values had a third decimal"));
  }

  portfolio = load (out);
  g_assert_cmpstr (lode_portfolio_get_country (portfolio), ==, "PK");
  g_assert_cmpint (lode_export_table_get_total (lode_portfolio_get_exports (portfolio)), ==, ANNUAL_TOTAL);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==, 12);

  /* The same file again, into what the first import wrote: nothing new. */
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, input, "--into", out, "--output", again, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "0 export records worth $0 to add"));
    g_assert_nonnull (strstr (run.err, "12 records of the file are already in the portfolio"));
  }
  first_text = read_text (out);
  second_text = read_text (again);
  g_assert_cmpstr (first_text, ==, second_text);

  lode_test_remove_tree (dir);
}

/* Two files in one run, and a conflict settled by --on-conflict. */
static void
test_conflict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lode-cli-import-XXXXXX", NULL);
  g_autofree char *into = g_build_filename (dir, "into.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *monthly = fixture ("comtrade-plus-monthly.csv");
  g_autofree char *legacy = fixture ("comtrade-legacy.csv");
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  static const char existing[] =
    "{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Pakistan\", \"country\": \"PK\",\n"
    "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\",\n"
    "                  \"hs_codes\": [ \"2603\", \"74\" ] } ],\n"
    "  \"exports\": [ { \"mineral\": \"copper\", \"year\": 2023, \"month\": 7, \"destination\": \"CN\",\n"
    "                 \"hs_code\": \"2603\", \"stage\": \"concentrate\", \"value_usd\": 999 } ] }\n";

  g_file_set_contents (into, existing, -1, &error);
  g_assert_no_error (error);

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, monthly, legacy, "--into", into, "--output", out, "--on-conflict", "replace", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "conflict: copper, 2023-07, CN, HS 2603"));
    g_assert_nonnull (strstr (run.err, "(replaced by the file’s)"));
  }

  /* The July row replaced: the monthly file's total, and the legacy
   * file's. */
  portfolio = load (out);
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==, 4 + 6);
  g_assert_cmpint (lode_export_table_get_total (lode_portfolio_get_exports (portfolio)), ==,
                   MONTHLY_TOTAL + G_GINT64_CONSTANT (36526643326));

  lode_test_remove_tree (dir);
}

static void
test_options (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lode-cli-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *input = fixture ("comtrade-plus-annual.csv");
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_auto(CliRun) run = { 0 };

  /* Another reporter, and HS codes filed by hand. */
  run_cli (&run, input, "--output", out, "--country", "in", "--map", "2603=copper-ore", NULL);
  g_assert_cmpint (run.status, ==, 0);
  portfolio = load (out);
  g_assert_cmpstr (lode_portfolio_get_country (portfolio), ==, "IN");
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==, 1);
  g_assert_nonnull (lode_portfolio_find_mineral (portfolio, "copper-ore"));
  g_assert_null (lode_portfolio_find_mineral (portfolio, "copper"));

  lode_test_remove_tree (dir);
}

static void
test_usage (void)
{
  g_autofree char *input = fixture ("comtrade-plus-annual.csv");
  const char *cases[][6] = {
    { input, NULL },                                              /* no --output */
    { "--output", "out.json", NULL },                             /* no input */
    { input, "--output", "out.txt", NULL },
    { input, "--output", "out.json", "--layout", "excel" },
    { input, "--output", "out.json", "--country", "Pakistan" },
    { input, "--output", "out.json", "--map", "copper" },
    { input, "--output", "out.json", "--map", "26031=copper" },
    { input, "--output", "out.json", "--on-conflict", "merge" },
    { input, "--output", "out.json", "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "lode-cli import: "));
      g_assert_false (g_file_test ("out.json", G_FILE_TEST_EXISTS));
    }
}

/* A file that cannot be read fails the whole command, writing nothing. */
static void
test_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lode-cli-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "other.csv", NULL);
  g_autofree char *bad_into = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *input = fixture ("comtrade-plus-annual.csv");

  g_file_set_contents (other, "a,b,c\n1,2,3\n", -1, NULL);
  g_file_set_contents (bad_into, "{ \"format\": ", -1, NULL);

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, input, missing, "--output", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "missing.csv"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, other, "--output", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "other.csv:1: "));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, input, "--into", bad_into, "--output", out, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad.json"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  lode_test_remove_tree (dir);
}

/* The USGS layout, through the same command: reserves, no records. */
static void
test_usgs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lode-cli-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "usgs",
                                                  "MCS2024_World_Data.csv", NULL);
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_auto(CliRun) run = { 0 };
  guint n_reserves = 0;

  run_cli (&run, input, "--output", out, "--layout", "usgs-mcs", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "reserve estimates to add"));
  g_assert_null (strstr (run.err, "export records worth"));

  portfolio = load (out);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_minerals (portfolio))); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)), i);

      n_reserves += g_list_model_get_n_items (lode_mineral_get_reserves (mineral));
    }
  g_assert_cmpuint (n_reserves, >, 0);

  lode_test_remove_tree (dir);
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "lode-cli import"));
  g_assert_nonnull (strstr (run.out, "--on-conflict"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/cli/import/annual", test_annual);
  g_test_add_func ("/lode/cli/import/conflict", test_conflict);
  g_test_add_func ("/lode/cli/import/options", test_options);
  g_test_add_func ("/lode/cli/import/usage", test_usage);
  g_test_add_func ("/lode/cli/import/failures", test_failures);
  g_test_add_func ("/lode/cli/import/usgs", test_usgs);
  g_test_add_func ("/lode/cli/import/help", test_help);

  return g_test_run ();
}
