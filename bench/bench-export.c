/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "lode-portfolio-io.h"
#include "lode-spreadsheet.h"

/* bench-export: the CPU time of exporting the records of a portfolio as
 * Lode's CSV and the whole portfolio as an .xlsx workbook, beside Python's
 * csv module and openpyxl (write-only) writing the same records; the
 * portfolio is loaded first, untimed, by both. */

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
time_write (LodePortfolio         *portfolio,
            const char            *path,
            LodeSpreadsheetFormat  format)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeSpreadsheet) spreadsheet = NULL;
  g_autoptr(GError) error = NULL;
  double start = cpu_seconds ();

  spreadsheet = lode_spreadsheet_new (portfolio, NULL);
  if (!lode_spreadsheet_write_file (spreadsheet, file, format, NULL, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      exit (1);
    }

  return cpu_seconds () - start;
}

/* Runs the Python side; its figures, or -1 where it did not run. */
static void
time_python (const char *json_path,
             const char *folder,
             gboolean    xlsx,
             double     *csv_seconds,
             double     *xlsx_seconds)
{
  g_autofree char *script = g_build_filename (SOURCE_DIR, "export-python.py", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", script, json_path, folder, xlsx ? NULL : "--no-xlsx", NULL };
  g_auto(GStrv) lines = NULL;
  int status;

  *csv_seconds = *xlsx_seconds = -1;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "csv "))
        *csv_seconds = g_ascii_strtod (lines[i] + 4, NULL);
      else if (g_str_has_prefix (lines[i], "xlsx "))
        *xlsx_seconds = g_ascii_strtod (lines[i] + 5, NULL);
    }
}

static void
print_row (const char *what,
           double      lode,
           double      python,
           guint       n)
{
  if (python >= 0)
    g_print ("%-10s %10u %10.3f %10.3f %8.1fx\n", what, n, lode, python, python / lode);
  else
    g_print ("%-10s %10u %10.3f %10s %9s\n", what, n, lode, "-", "-");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sizes = g_strdup ("10000,100000,1000000");
  int python_xlsx_max = 100000;
  g_auto(GStrv) list = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Numbers of export records", "N,N" },
    { "python-xlsx-max", 0, 0, G_OPTION_ARG_INT, &python_xlsx_max, "Largest size openpyxl writes (default 100000)", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 2;
    }

  g_print ("CPU seconds of the writing alone (the portfolio loaded first, untimed)\n\n");
  g_print ("%-10s %10s %10s %10s %9s\n", "format", "records", "lode", "python", "ratio");

  list = g_strsplit (sizes, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (list[i], NULL, 10);
      g_autofree char *folder = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
      g_autofree char *json = g_build_filename (folder, "portfolio.json", NULL);
      g_autofree char *csv = g_build_filename (folder, "lode.csv", NULL);
      g_autofree char *xlsx = g_build_filename (folder, "lode.xlsx", NULL);
      g_autofree char *python_csv_path = g_build_filename (folder, "python.csv", NULL);
      g_autofree char *python_xlsx_path = g_build_filename (folder, "python.xlsx", NULL);
      g_autoptr(GFile) json_file = g_file_new_for_path (json);
      g_autoptr(LodePortfolio) portfolio = NULL;
      double lode_csv, lode_xlsx, python_csv, python_xlsx;

      if (!bench_generate_portfolio (json, n, 1, &error))
        {
          g_printerr ("bench-export: %s\n", error->message);
          return 1;
        }
      portfolio = lode_portfolio_load_file (json_file, NULL, &error);
      if (portfolio == NULL)
        {
          g_printerr ("bench-export: %s\n", error->message);
          return 1;
        }

      lode_csv = time_write (portfolio, csv, LODE_SPREADSHEET_FORMAT_CSV);
      lode_xlsx = time_write (portfolio, xlsx, LODE_SPREADSHEET_FORMAT_XLSX);
      time_python (json, folder, (int) n <= python_xlsx_max, &python_csv, &python_xlsx);
      print_row ("csv", lode_csv, python_csv, n);
      print_row ("xlsx", lode_xlsx, python_xlsx, n);

      g_remove (json);
      g_remove (csv);
      g_remove (xlsx);
      g_remove (python_csv_path);
      g_remove (python_xlsx_path);
      g_rmdir (folder);
    }

  return 0;
}
