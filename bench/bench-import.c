/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-comtrade.h"
#include "lode-csv.h"
#include "lode-import.h"

/* bench-import [--rows N] [--data-dir DIR] [--seed S]
 *
 * How fast a large UN Comtrade Plus download comes in, side by side with
 * Python's csv module reading the same file in the same run. Each program
 * runs in a process of its own (this one runs itself again with a hidden
 * option), timed from start to exit, with its peak memory (ru_maxrss), so
 * that every figure includes starting up, as a user would see it. */

typedef struct
{
  double  seconds;
  double  cpu_seconds;
  guint64 peak;
  gboolean ran;
} Run;

/* The children */

/* --read FILE: reads every record with the CSV reader, as an import does
 * before it looks at the cells, and prints the records and cells. */
static int
child_read (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeCsvReader) reader = lode_csv_reader_new_for_file (file, LODE_CSV_ENCODING_AUTO, &error);
  const char * const *cells;
  guint n_cells;
  guint64 records = 0, total_cells = 0, bytes = 0;

  if (reader == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  while (lode_csv_reader_next (reader, &cells, &n_cells, &error))
    {
      records++;
      total_cells += n_cells;
      /* Touch a cell, as an importer would. */
      bytes += cells[n_cells / 2][0];
    }
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("records %" G_GUINT64_FORMAT "\ncells %" G_GUINT64_FORMAT "\ntouched %" G_GUINT64_FORMAT "\n",
           records, total_cells, bytes);
  return 0;
}

/* --import FILE: makes the import plan of FILE into an empty portfolio of
 * Pakistan and applies it, as the window does (without the window). */
static int
child_import (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new (NULL);
  g_autoptr(LodeImportPlan) plan = NULL;
  gint64 start, planned, applied;

  lode_portfolio_set_country (portfolio, "PK");
  start = g_get_monotonic_time ();
  plan = lode_import_plan_new (portfolio, file, NULL, NULL, &error);
  if (plan == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  planned = g_get_monotonic_time ();
  if (!lode_import_plan_apply (plan, portfolio, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  applied = g_get_monotonic_time ();

  g_print ("plan_us %" G_GINT64_FORMAT "\napply_us %" G_GINT64_FORMAT "\n"
           "added %u\nskipped %u\n",
           planned - start, applied - planned,
           lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)),
           lode_import_plan_get_n_skipped (plan));
  return 0;
}

/* Running programs */

static gboolean
run_program (const char * const  *argv,
             gboolean             discard_stderr,
             Run                 *run,
             char               **output,
             GError             **error)
{
  struct rusage usage;
  int out_pipe[2];
  gint64 start;
  pid_t pid;
  int status;
  g_autoptr(GString) text = g_string_new (NULL);

  memset (run, 0, sizeof *run);
  if (pipe (out_pipe) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "pipe: %s", g_strerror (errno));
      return FALSE;
    }

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", argv[0], g_strerror (saved_errno));
      return FALSE;
    }
  if (pid == 0)
    {
      dup2 (out_pipe[1], STDOUT_FILENO);
      if (discard_stderr)
        {
          int null = open ("/dev/null", O_WRONLY);

          dup2 (null, STDERR_FILENO);
        }
      close (out_pipe[0]);
      close (out_pipe[1]);
      execv (argv[0], (char **) argv);
      _exit (127);
    }

  close (out_pipe[1]);
  for (;;)
    {
      char buffer[4096];
      gssize n = read (out_pipe[0], buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (text, buffer, n);
    }
  close (out_pipe[0]);

  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", argv[0], g_strerror (saved_errno));
      return FALSE;
    }

  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  run->cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
                     + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run->peak = (guint64) usage.ru_maxrss * 1024;
  run->ran = TRUE;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed (wait status %d)",
                   argv[0], status);
      return FALSE;
    }

  if (output != NULL)
    *output = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static guint64
output_value (const char *output,
              const char *key)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  gsize key_len = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == ' ')
      return g_ascii_strtoull (lines[i] + key_len + 1, NULL, 10);
  return 0;
}

static char *
ensure_file (const char  *dir,
             guint        rows,
             guint64      seed,
             GError     **error)
{
  g_autofree char *name = g_strdup_printf ("comtrade-%u-seed%" G_GUINT64_FORMAT ".csv", rows, seed);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("Reusing %s\n", path);
      return g_steal_pointer (&path);
    }

  g_printerr ("Generating %u rows... ", rows);
  start = g_get_monotonic_time ();
  if (!bench_generate_comtrade (path, rows, seed, error))
    {
      g_printerr ("\n");
      return NULL;
    }
  g_printerr ("%.1f s\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  return g_steal_pointer (&path);
}

#define MB 1e6

static void
print_run (const char *what,
           const Run  *run,
           const Run  *python)
{
  g_print ("%-34s %8.3f %8.3f %9.1f %9.3f %9.3f\n", what, run->seconds, run->cpu_seconds, run->peak / MB,
           python->ran ? run->seconds / python->seconds : 0.0,
           python->ran ? run->cpu_seconds / python->cpu_seconds : 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self = NULL;
  g_autofree char *read_output = NULL;
  g_autofree char *one_read = NULL;
  g_autofree char *one_import = NULL;
  g_autofree char *import_output = NULL;
  gint64 rows = 1000000, seed = 1;
  Run lode_read, lode_import, lode_cli, python;
  g_autofree char *cli_output = NULL;
  GStatBuf st;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT64, &rows, "Data rows of the generated file (default 1000000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "S" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Keep the generated file there and reuse it", "DIR" },
    { "read", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &one_read, NULL, NULL },
    { "import", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &one_import, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rows < 0 || rows > G_MAXUINT)
    {
      g_printerr ("usage: bench-import [--rows N] [--seed S] [--data-dir DIR]%s%s\n",
                  error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  if (one_read != NULL)
    return child_read (one_read);
  if (one_import != NULL)
    return child_import (one_import);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  if (data_dir == NULL)
    data_dir = tmp_dir = g_dir_make_tmp ("lode-bench-import-XXXXXX", &error);
  else
    g_mkdir_with_parents (data_dir, 0755);
  if (data_dir == NULL)
    goto fail;

  path = ensure_file (data_dir, (guint) rows, (guint64) seed, &error);
  if (path == NULL)
    goto fail;
  if (g_stat (path, &st) != 0)
    {
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      goto fail;
    }

  /* Read once, unmeasured, so that every program finds the file in the
   * page cache. */
  {
    const char *argv_read[] = { self, "--read", path, NULL };
    Run warm;

    if (!run_program (argv_read, FALSE, &warm, NULL, &error))
      goto fail;
  }

  {
    const char *argv_read[] = { self, "--read", path, NULL };
    const char *argv_python[] = {
      "/usr/bin/python3", "-c",
      "import csv,sys; n=sum(1 for _ in csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))",
      path, NULL
    };

    const char *argv_import[] = { self, "--import", path, NULL };

    if (!run_program (argv_read, FALSE, &lode_read, &read_output, &error))
      goto fail;
    if (!run_program (argv_import, FALSE, &lode_import, &import_output, &error))
      goto fail;
    {
      g_autofree char *out = g_build_filename (data_dir, "imported.json", NULL);
      const char *argv_cli[] = { LODE_CLI, "import", path, "--output", out, NULL };

      /* What it says it added and skipped goes to stderr: not measured. */
      if (!run_program (argv_cli, TRUE, &lode_cli, &cli_output, &error))
        goto fail;
      g_unlink (out);
    }
    memset (&python, 0, sizeof python);
    if (g_file_test (argv_python[0], G_FILE_TEST_IS_EXECUTABLE)
        && !run_program (argv_python, FALSE, &python, NULL, &error))
      goto fail;
  }

  g_print ("%" G_GINT64_FORMAT " rows, %.1f MB, %" G_GUINT64_FORMAT " records and %" G_GUINT64_FORMAT
           " cells read\n\n",
           rows, st.st_size / MB, output_value (read_output, "records"), output_value (read_output, "cells"));
  g_print ("%-34s %8s %8s %9s %9s %9s\n", "", "wall s", "CPU s", "peak MB", "wall/py", "CPU/py");
  print_run ("lode CSV reader", &lode_read, &python);
  print_run ("lode import plan + apply", &lode_import, &python);
  print_run ("lode-cli import (read, plan, save)", &lode_cli, &python);
  if (python.ran)
    print_run ("python3 csv.reader", &python, &python);
  g_print ("\nimport: plan %.3f s, apply %.3f s (in the process); %" G_GUINT64_FORMAT
           " export records added, %" G_GUINT64_FORMAT " rows skipped\n",
           output_value (import_output, "plan_us") / 1e6, output_value (import_output, "apply_us") / 1e6,
           output_value (import_output, "added"), output_value (import_output, "skipped"));

  if (tmp_dir != NULL)
    {
      g_unlink (path);
      g_rmdir (tmp_dir);
    }
  return 0;

fail:
  g_printerr ("bench-import: %s\n", error->message);
  if (tmp_dir != NULL && path != NULL)
    g_unlink (path);
  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);
  return 1;
}
