/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-export-index.h"
#include "lode-rules.h"
#include "lode-spreadsheet.h"

#include "lode-cli-export.h"

void
lode_cli_export_options_clear (LodeCliExportOptions *options)
{
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->mineral, g_free);
  g_clear_pointer (&options->destination, g_free);
  g_clear_pointer (&options->years, g_free);
}

GOptionEntry *
lode_cli_export_entries (LodeCliExportOptions *options)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, N_("The file to write: .csv or .xlsx"), N_("OUT") },
    { "mineral", 'm', 0, G_OPTION_ARG_STRING, &options->mineral, N_("Only the records of this mineral"), N_("ID") },
    { "destination", 'd', 0, G_OPTION_ARG_STRING, &options->destination, N_("Only the records to this country"), N_("ISO2") },
    { "years", 'y', 0, G_OPTION_ARG_STRING, &options->years, N_("Only the records of these years, such as 2020-2024"), N_("FROM-TO") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

const char *
lode_cli_export_description (void)
{
  return _("Writes the export records of the portfolio FILE to OUT, by its\n"
           "extension: .csv for Lode's own CSV (a header, then one record a\n"
           "line, values in US dollars with two decimals), which “lode-cli\n"
           "import” and the window read back; .xlsx for a workbook of the\n"
           "whole portfolio, a sheet a list (Minerals, Reserves, Exports,\n"
           "Projects, Targets, Investments, Production, National figures,\n"
           "Sources), numbers as numbers and money in US\n"
           "dollars. --mineral, --destination and --years narrow the records\n"
           "as the filters of the Exports page do. An OUT of “-” writes the\n"
           "CSV to standard output. OUT is replaced atomically.\n"
           "\n"
           "Exit status: 0 on success, 1 if FILE does not load, names no such\n"
           "mineral, or OUT cannot be written, 2 on wrong usage.");
}

/* "2020-2024" or "2020". */
static gboolean
parse_years (const char *text,
             int        *from,
             int        *to)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", 3);
  guint n = g_strv_length (parts);
  guint64 values[2];

  if (n < 1 || n > 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_string_to_unsigned (parts[i], 10, LODE_YEAR_MIN, LODE_YEAR_MAX, &values[i], NULL))
        return FALSE;
    }

  *from = (int) values[0];
  *to = (int) values[n - 1];

  return *from <= *to;
}

static gboolean
is_country_code (const char *code)
{
  return strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

gboolean
lode_cli_export_check (LodeCliExportOptions  *options,
                       char                 **message)
{
  const char *output = options->output;

  if (output == NULL)
    *message = g_strdup (_("missing --output OUT"));
  else if (!g_str_equal (output, "-") && lode_spreadsheet_format_for_name (output) == LODE_SPREADSHEET_FORMAT_NONE)
    *message = g_strdup_printf (_("%s: unsupported output format (use .csv or .xlsx)"), output);
  else if (options->destination != NULL && !is_country_code (options->destination))
    *message = g_strdup_printf (_("“%s” is not a country code such as CN"), options->destination);
  else if (options->years != NULL && !parse_years (options->years, &options->year_min, &options->year_max))
    *message = g_strdup_printf (_("“%s” is not a range of years such as 2020-2024 (%d to %d)"),
                                options->years, LODE_YEAR_MIN, LODE_YEAR_MAX);
  else
    return TRUE;

  return FALSE;
}

gboolean
lode_cli_export_write (LodePortfolio         *portfolio,
                       LodeCliExportOptions  *options,
                       GError               **error)
{
  g_autoptr(LodeExportIndex) index = NULL;
  g_autoptr(LodeSpreadsheet) spreadsheet = NULL;
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeSpreadsheetFormat format;

  if (options->mineral != NULL && lode_portfolio_find_mineral (portfolio, options->mineral) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("no mineral “%s” in the portfolio"), options->mineral);
      return FALSE;
    }

  /* The filter of the Exports page, in the order of the file. */
  if (options->mineral != NULL || options->destination != NULL || options->years != NULL)
    {
      index = lode_export_index_new (table);
      lode_export_index_set_filter (index, options->mineral, options->year_min, options->year_max,
                                    options->destination, LODE_EXPORT_STAGE_ANY, NULL);
    }

  spreadsheet = lode_spreadsheet_new (portfolio, index);

  if (g_str_equal (options->output, "-"))
    {
      g_autoptr(GBytes) csv = lode_spreadsheet_to_csv (spreadsheet);
      gsize length;
      const char *data = g_bytes_get_data (csv, &length);

      if (fwrite (data, 1, length, stdout) != length)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", _("standard output"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->output);

      format = lode_spreadsheet_format_for_name (options->output);
      return lode_spreadsheet_write_file (spreadsheet, file, format, NULL, error);
    }
}
