/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lode-cli-chart.h"
#include "lode-cli-export.h"
#include "lode-cli-import.h"
#include "lode-cli-summary.h"
#include "lode-portfolio-io.h"
#include "lode-rules.h"

/* lode-cli: the core of Lode from a terminal. Each command parses its own
 * options; the exit status tells success, bad input and wrong usage apart. */

enum
{
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

/* How files read from standard input are named in messages. */
#define STDIN_NAME "<stdin>"

typedef struct _Command Command;

struct _Command
{
  const char *name;
  const char *parameters;   /* N_() */
  const char *summary;      /* N_() */
  int       (*run)          (const Command  *command,
                             char         ***args);
};

static int command_validate (const Command *command, char ***args);
static int command_summary  (const Command *command, char ***args);
static int command_convert  (const Command *command, char ***args);
static int command_sample   (const Command *command, char ***args);
static int command_chart    (const Command *command, char ***args);
static int command_import   (const Command *command, char ***args);
static int command_export   (const Command *command, char ***args);
static int command_compare  (const Command *command, char ***args);

static const Command commands[] = {
  { "validate", N_("FILE…"), N_("Check that each portfolio file loads"), command_validate },
  { "summary", N_("FILE"), N_("Print the totals of a portfolio"), command_summary },
  { "compare", N_("FILE FROM TO"), N_("Set the exports of two years or fiscal years side by side"), command_compare },
  { "convert", N_("IN OUT"), N_("Read a portfolio and write it in the format of OUT"), command_convert },
  { "sample", N_("[OUT]"), N_("Write the built-in sample portfolio"), command_sample },
  { "chart", N_("FILE --chart NAME --output OUT"), N_("Draw a chart into a PNG, SVG or PDF file"), command_chart },
  { "import", N_("INPUT… --output OUT"), N_("Read trade statistics into a portfolio"), command_import },
  { "export", N_("FILE --output OUT"), N_("Write the export records as CSV, or the portfolio as an .xlsx workbook"), command_export },
};

static const char *exit_status_help =
  N_("A FILE named “-” is standard input or standard output.\n"
     "\n"
     "Exit status: 0 on success, 1 when a file does not load or cannot be\n"
     "written, 2 on wrong usage. The manual: lode-cli(1).");

/* Usage errors */

static int
usage_error (const Command *command,
             const char    *format,
             ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (const Command *command,
             const char    *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    {
      g_printerr ("lode-cli %s: %s\n", command->name, message);
      g_printerr (_("Try 'lode-cli %s --help'.\n"), command->name);
    }
  else
    {
      g_printerr ("lode-cli: %s\n", message);
      g_printerr (_("Try 'lode-cli --help'.\n"));
    }

  return EXIT_USAGE;
}

static GOptionContext *
command_context_new (const Command      *command,
                     const GOptionEntry *entries,
                     const char         *description)
{
  GOptionContext *context = g_option_context_new (_(command->parameters));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses the options of @command out of @args; on --help, prints the help
 * and exits. Leaves the program name and the operands in @args. */
static gboolean
command_parse (const Command   *command,
               GOptionContext  *context,
               char          ***args,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = usage_error (command, "%s", error->message);
      return FALSE;
    }

  /* GOption may leave the "--" that ends the options among the operands. */
  for (guint i = 1; (*args)[i] != NULL; i++)
    {
      if (g_str_equal ((*args)[i], "--"))
        {
          g_free ((*args)[i]);
          memmove (&(*args)[i], &(*args)[i + 1], (g_strv_length (&(*args)[i + 1]) + 1) * sizeof (char *));
          break;
        }
    }

  return TRUE;
}

/* Reading and writing */

static gboolean
is_stdio (const char *path)
{
  return g_strcmp0 (path, "-") == 0;
}

static const char *
input_name (const char *path)
{
  return is_stdio (path) ? STDIN_NAME : path;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

/* Reads a stream to its end, or to one byte beyond the largest portfolio the
 * loader accepts: it refuses that with its own message. */
static GBytes *
read_stream (int          fd,
             const char  *name,
             GError     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize limit = LODE_PORTFOLIO_MAX_SIZE + 1;

  while (buffer->len < limit)
    {
      gsize chunk = MIN (limit - buffer->len, 64 * 1024);
      guint old_len = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, old_len + chunk);
      n = read (fd, buffer->data + old_len, chunk);
      if (n < 0 && errno == EINTR)
        {
          g_byte_array_set_size (buffer, old_len);
          continue;
        }
      if (n < 0)
        {
          int saved_errno = errno;

          set_errno_error (error, saved_errno, name);
          return NULL;
        }

      g_byte_array_set_size (buffer, old_len + n);
      if (n == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* The contents of @path ("-" for standard input). Regular files are mapped,
 * not copied, so a large file costs no extra memory. */
static GBytes *
read_input (const char  *path,
            GError     **error)
{
  const char *name = input_name (path);
  g_autoptr(GMappedFile) mapped = NULL;
  struct stat st;
  GBytes *bytes;
  int fd;

  if (is_stdio (path))
    return read_stream (STDIN_FILENO, name, error);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_errno_error (error, saved_errno, name);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      set_errno_error (error, saved_errno, name);
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_close (fd, NULL);
      set_errno_error (error, EISDIR, name);
      return NULL;
    }

  if (!S_ISREG (st.st_mode) || st.st_size == 0)
    {
      /* Pipes, devices, and files such as those of /proc that claim to be
       * empty. */
      bytes = read_stream (fd, name, error);
      g_close (fd, NULL);
      return bytes;
    }

  mapped = g_mapped_file_new_from_fd (fd, FALSE, error);
  g_close (fd, NULL);
  if (mapped == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  return g_mapped_file_get_bytes (mapped);
}

/* @path mapped, when it is a regular file that is not empty; NULL for
 * anything else, which read_input() reads (or reports). */
static GMappedFile *
map_input (const char *path)
{
  GMappedFile *mapped = NULL;
  struct stat st;
  int fd;

  if (is_stdio (path))
    return NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0)
    mapped = g_mapped_file_new_from_fd (fd, FALSE, NULL);
  g_close (fd, NULL);

  return mapped;
}

static LodePortfolio *
load_portfolio (const char  *path,
                GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  /* A file is read through a map whose pages go back as they are read. */
  mapped = map_input (path);
  if (mapped != NULL)
    return lode_portfolio_load_mapped (mapped, input_name (path), error);

  bytes = read_input (path, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);

  return lode_portfolio_load_data (data != NULL ? data : "", length, input_name (path), error);
}

static void
print_error (const GError *error)
{
  const char *message = error->message;
  gsize length = strlen (message);

  g_printerr ("%s%s", message, length > 0 && message[length - 1] == '\n' ? "" : "\n");
}

/* Checks that @args holds from @min to @max operands after the command's
 * name. Returns EXIT_OK, or EXIT_USAGE once it has said what is wrong:
 * @missing (by default, a missing file name) or too many arguments. */
static int
check_operands (const Command  *command,
                char          **args,
                guint           min,
                guint           max,
                const char     *missing)
{
  guint n_operands = g_strv_length (args) - 1;

  if (n_operands < min)
    return usage_error (command, "%s", missing != NULL ? missing : _("missing file name"));
  if (n_operands > max)
    return usage_error (command, _("too many arguments"));

  return EXIT_OK;
}

/* Loads the portfolio @path into @portfolio. Returns EXIT_OK, or
 * EXIT_BAD_INPUT once it has printed why the file does not load. */
static int
load_file (const char     *path,
           LodePortfolio **portfolio)
{
  g_autoptr(GError) error = NULL;

  *portfolio = load_portfolio (path, &error);
  if (*portfolio == NULL)
    {
      print_error (error);
      return EXIT_BAD_INPUT;
    }

  return EXIT_OK;
}

/* Prints why an output could not be written; returns EXIT_BAD_INPUT. */
static int
output_error (const GError *error)
{
  g_printerr ("lode-cli: %s\n", error->message);
  return EXIT_BAD_INPUT;
}

/* What a command with options of its own holds while it runs: its
 * options, the portfolio it reads and what went wrong; for summary and
 * compare, the month their years start in and the currency they also
 * give the exports in. */
typedef struct
{
  GOptionContext *context;
  GOptionEntry   *entries;
  LodePortfolio  *portfolio;
  GError         *error;
  char           *message;
  char           *fiscal_text;
  char           *currency;
  int             fiscal_year_start;
  LodeConverter  *converter;
} CommandRun;

static void
command_run_clear (CommandRun *run)
{
  g_clear_pointer (&run->context, g_option_context_free);
  g_clear_pointer (&run->entries, g_free);
  g_clear_pointer (&run->converter, lode_converter_unref);
  g_clear_object (&run->portfolio);
  g_clear_error (&run->error);
  g_clear_pointer (&run->message, g_free);
  g_clear_pointer (&run->fiscal_text, g_free);
  g_clear_pointer (&run->currency, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CommandRun, command_run_clear)

/* Parses the options @entries (taken) describe out of @args. */
static gboolean
command_run_parse (CommandRun     *run,
                   const Command  *command,
                   GOptionEntry   *entries,
                   const char     *description,
                   char         ***args,
                   int            *status)
{
  run->entries = entries;
  run->context = command_context_new (command, entries, description);

  return command_parse (command, run->context, args, status);
}

/* Says what is wrong with the options, when @options_ok is not: the
 * check's message in @run. */
static int
command_run_check (CommandRun    *run,
                   const Command *command,
                   gboolean       options_ok)
{
  if (!options_ok)
    return usage_error (command, "%s", run->message);

  return EXIT_OK;
}

/* Formats lode-cli can write, by the extension of the file name. */
static gboolean
is_supported_output (const char *path)
{
  const char *dot;

  if (is_stdio (path))
    return TRUE;

  dot = strrchr (path, '.');

  return dot != NULL && g_ascii_strcasecmp (dot, ".json") == 0;
}

static gboolean
write_stdout (const void  *data,
              gsize        length,
              GError     **error)
{
  if (length > 0 && fwrite (data, 1, length, stdout) != length)
    {
      int saved_errno = errno;

      return set_errno_error (error, saved_errno, _("standard output"));
    }

  return TRUE;
}

/* Writes @portfolio to @path ("-" for standard output). A file is replaced
 * atomically: on failure the old one is as it was. */
static gboolean
write_portfolio (LodePortfolio  *portfolio,
                 const char     *path,
                 GError        **error)
{
  g_autoptr(GFile) file = NULL;

  if (is_stdio (path))
    {
      g_autoptr(GBytes) bytes = lode_portfolio_to_bytes (portfolio);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      return write_stdout (data, length, error);
    }

  file = g_file_new_for_commandline_arg (path);

  if (!lode_portfolio_save_file (portfolio, file, FALSE, NULL, error))
    {
      g_prefix_error (error, _("cannot write %s: "), path);
      return FALSE;
    }

  return TRUE;
}

/* Commands */

static int
command_validate (const Command   *command,
                  char          ***args)
{
  g_autoptr(GOptionContext) context = NULL;
  int status = EXIT_OK;

  context = command_context_new (command, NULL,
                                 _("Prints “FILE: ok” for each file that loads and the reasons why\n"
                                   "the others do not, on standard error: “FILE:LINE:COLUMN: …” for\n"
                                   "JSON syntax, “FILE: /json/pointer: …” for content.\n"
                                   "\n"
                                   "Exit status: 0 if every file loads, 1 if one does not, 2 on wrong\n"
                                   "usage."));
  if (!command_parse (command, context, args, &status))
    return status;

  status = check_operands (command, *args, 1, G_MAXUINT, NULL);
  if (status != EXIT_OK)
    return status;

  for (guint i = 1; (*args)[i] != NULL; i++)
    {
      g_autoptr(LodePortfolio) portfolio = NULL;

      if (load_file ((*args)[i], &portfolio) != EXIT_OK)
        status = EXIT_BAD_INPUT;
      else
        g_print (_("%s: ok\n"), input_name ((*args)[i]));
    }

  return status;
}

/* A month as a number from 1 to 12, in ASCII digits. */
static gboolean
parse_month (const char *text,
             int        *month)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 12, &value, NULL))
    return FALSE;

  *month = value;

  return TRUE;
}

/* Reads --fiscal-year-start, when given, into @month. */
static int
check_fiscal_year_start (const Command *command,
                         const char    *text,
                         int           *month)
{
  if (text != NULL && !parse_month (text, month))
    return usage_error (command, _("--fiscal-year-start: “%s” is not a month from 1 to 12"),
                        text);

  return EXIT_OK;
}

/* --currency: a code the rules accept, or USD. */
static int
check_currency (const Command *command,
                const char    *currency)
{
  const char *why = NULL;

  if (currency != NULL && strcmp (currency, LODE_CURRENCY_USD) != 0 &&
      !lode_rule_currency_code (currency, &why))
    return usage_error (command, "--currency: “%s”: %s", currency, why);

  return EXIT_OK;
}

/* Adds --fiscal-year-start (said as @fiscal_help, marked with N_()) and
 * --currency to the options of @run, after the command's own. */
static void
command_run_add_period_entries (CommandRun *run,
                                const char *fiscal_help)
{
  const GOptionEntry entries[] = {
    { "fiscal-year-start", 0, 0, G_OPTION_ARG_STRING, &run->fiscal_text, fiscal_help,
      N_("MONTH") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &run->currency,
      N_("Also give the exports in CODE (ISO 4217, such as PKR) at the portfolio’s exchange rates"),
      N_("CODE") },
    { NULL }
  };

  g_option_context_add_main_entries (run->context, entries, GETTEXT_PACKAGE);
}

/* Checks the options, then loads the portfolio @path: its fiscal year
 * unless --fiscal-year-start says otherwise, and a converter with
 * --currency. Returns EXIT_OK, or the status once it has said why not. */
static int
command_run_load_periods (CommandRun    *run,
                          const Command *command,
                          const char    *path)
{
  int status;

  run->fiscal_year_start = 1;
  status = check_fiscal_year_start (command, run->fiscal_text, &run->fiscal_year_start);
  if (status == EXIT_OK)
    status = check_currency (command, run->currency);
  if (status == EXIT_OK)
    status = load_file (path, &run->portfolio);
  if (status != EXIT_OK)
    return status;
  if (run->fiscal_text == NULL)
    run->fiscal_year_start = lode_portfolio_get_fiscal_year_start (run->portfolio);
  if (run->currency != NULL)
    run->converter = lode_portfolio_new_converter (run->portfolio, run->currency);

  return EXIT_OK;
}

static int
command_summary (const Command   *command,
                 char          ***args)
{
  g_auto(CommandRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the totals as a JSON object"), NULL },
    { NULL }
  };

  description = g_strconcat (
    _("Prints the counts of sources, minerals, projects, targets and export\n"
      "records; the exports in all and by mineral, year, destination and\n"
      "stage; the estimated value of the reserves; and the investment\n"
      "committed and disbursed in the projects. Amounts are exact.\n"
      "\n"
      "With --json, prints one JSON object, its members in this order,\n"
      "amounts as decimal numbers of US dollars:\n"),
    "\n"
    "  {\n"
    "    \"file\": FILE,\n"
    "    \"title\": STRING,\n"
    "    \"description\": STRING or null,\n"
    "    \"currency\": \"USD\",\n"
    "    \"fiscal_year_start\": MONTH,\n"
    "    \"counts\": { \"sources\": N, \"minerals\": N, \"projects\": N,\n"
    "                \"targets\": N, \"exports\": N, \"investments\": N,\n"
    "                \"production\": N, \"national_figures\": N },\n"
    "    \"exports_usd\": AMOUNT,\n"
    "    \"reserves_usd\": AMOUNT,\n"
    "    \"investment_usd\": { \"committed\": AMOUNT, \"disbursed\": AMOUNT },\n"
    "    \"investment_by_kind\": { \"announced_usd\": AMOUNT, \"agreed_usd\": AMOUNT,\n"
    "                            \"committed_usd\": AMOUNT, \"disbursed_usd\": AMOUNT,\n"
    "                            \"withdrawn_usd\": AMOUNT },\n"
    "    \"investment_by_year\": [ { \"year\": N, \"announced_usd\": AMOUNT, … }, … ],\n"
    "    \"investment_by_investor_country\": [ { \"country\": CODE or null,\n"
    "                                          \"announced_usd\": AMOUNT, … }, … ],\n"
    "    \"production\": [ { \"mineral\": ID, \"name\": STRING, \"project\": ID or null,\n"
    "                      \"year\": N, \"quantity\": NUMBER, \"unit\": UNIT }, … ],\n"
    "    \"national_figures\": [ { \"kind\": KIND, \"country\": CODE or null,\n"
    "                            \"year\": N or null, \"value_usd\": AMOUNT,\n"
    "                            \"change\": NUMBER or null, \"note\": STRING or null,\n"
    "                            \"source\": ID or null, \"source_title\": STRING or null,\n"
    "                            \"source_publisher\": STRING or null }, … ],\n"
    "    \"exports_by_mineral\": [ { \"mineral\": ID, \"name\": STRING,\n"
    "                              \"records\": N, \"value_usd\": AMOUNT }, … ],\n"
    "    \"exports_by_year\": [ { \"year\": N, \"records\": N, \"value_usd\": AMOUNT }, … ],\n"
    "      (with a fiscal year not starting in January:\n"
    "       [ { \"fiscal_year\": \"FY2024-25\", \"first_year\": N, \"records\": N,\n"
    "           \"value_usd\": AMOUNT }, … ],\n"
    "       \"exports_unplaced\": { \"records\": N, \"value_usd\": AMOUNT };\n"
    "       by calendar year with records of fiscal years: [ { \"year\": N, … } ],\n"
    "       \"exports_unplaced\" as well)\n"
    "    \"exports_by_destination\": [ { \"destination\": CODE or null,\n"
    "                                  \"records\": N, \"value_usd\": AMOUNT }, … ],\n"
    "    \"exports_by_stage\": [ { \"stage\": STAGE or null,\n"
    "                            \"records\": N, \"value_usd\": AMOUNT }, … ],\n"
    "    \"in_currency\": (only with --currency)\n"
    "      { \"currency\": CODE,\n"
    "        \"exports\": TOTAL,\n"
    "        \"exports_by_year\": [ { \"year\": N, TOTAL members }, … ]\n"
    "          (by fiscal year: { \"fiscal_year\": \"FY2024-25\", \"first_year\": N, … }),\n"
    "        \"exports_by_mineral\": [ { \"mineral\": ID, TOTAL members }, … ],\n"
    "        \"missing_rates\": [ YEAR, … ] }\n"
    "      where a TOTAL is { \"records\": N, \"value\": AMOUNT or null,\n"
    "                        \"records_without_rate\": N,\n"
    "                        \"value_usd_without_rate\": AMOUNT }\n"
    "  }\n"
    "\n",
    _("Investment committed is counted net of withdrawals, except by year,\n"
      "where it is what was committed that year; investor countries come\n"
      "the most committed first. A project's investment comes from its\n"
      "events, or from its own figures when it has none.\n"),
    "\n",
    _("Groups come largest value first, years oldest first. A destination\n"
      "or stage of null stands for the records that do not name one.\n"
      "\n"
      "The years are fiscal years when the fiscal year starts in a month\n"
      "other than January: as --fiscal-year-start says, else as the\n"
      "portfolio does. Monthly records go into the fiscal year of their\n"
      "month; records of a whole year lie across two fiscal years and are\n"
      "counted apart, never split.\n"
      "\n"
      "Exit status: 0 on success, 1 if the file does not load, 2 on wrong\n"
      "usage."),
    "\n\n",
    _("With --currency, the exports are also given in that currency, each\n"
      "record at the rate of its month, else of its year (a record of a\n"
      "fiscal year: of its fiscal year, else of the year it begins in),\n"
      "summed exactly and rounded once to the hundredth. Records of a year\n"
      "without a rate are left out of the amounts and counted, and the\n"
      "years without a rate are listed: no rate is ever guessed."),
    NULL);

  run.context = command_context_new (command, entries, description);
  command_run_add_period_entries (&run, N_("Count the years as fiscal years starting in MONTH "
                                           "(1–12); by default as the portfolio says"));
  if (!command_parse (command, run.context, args, &status))
    return status;

  status = check_operands (command, *args, 1, 1, NULL);
  if (status == EXIT_OK)
    status = command_run_load_periods (&run, command, (*args)[1]);
  if (status != EXIT_OK)
    return status;

  if (json)
    {
      g_autofree char *text = lode_cli_summary_to_json (run.portfolio, run.fiscal_year_start,
                                                        run.converter, input_name ((*args)[1]));

      if (!write_stdout (text, strlen (text), &error))
        return output_error (error);
    }
  else
    {
      g_autofree char *text = lode_cli_summary_to_text (run.portfolio, run.fiscal_year_start,
                                                        run.converter);

      g_print ("%s", text);
    }

  return EXIT_OK;
}

static int
command_compare (const Command   *command,
                 char          ***args)
{
  g_auto(CommandRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  LodePeriod periods[2];
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as a JSON object"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print the comparison as CSV"), NULL },
    { NULL }
  };

  description = g_strconcat (
    _("Sets the exports of FROM and TO side by side: in all, and by mineral,\n"
      "destination, stage and HS code, with the change in value and in\n"
      "percent (none when FROM has nothing), largest increase first.\n"
      "FROM and TO are years (2024) or fiscal years (FY2024-25 or 2024-25)\n"
      "as lode-cli summary names them. A record of a whole year that\n"
      "overlaps a fiscal year is counted in neither side, and said.\n"
      "\n"
      "With --csv, prints one line for each row of each group:\n"),
    "\n"
    "  by,key,name,first,second,first_records,first_value_usd,\n"
    "  second_records,second_value_usd,change_usd,change_percent\n"
    "\n",
    _("With --json, prints one JSON object:\n"),
    "\n"
    "  {\n"
    "    \"file\": FILE, \"title\": STRING,\n"
    "    \"first\": PERIOD, \"second\": PERIOD,\n"
    "    \"exports\": { \"first\": SIDE, \"second\": SIDE, \"change_usd\": AMOUNT,\n"
    "                 \"change_percent\": NUMBER or null },\n"
    "    \"unplaced\": { \"first\": SIDE, \"second\": SIDE },\n"
    "    \"by_mineral\": [ { \"mineral\": ID, \"name\": STRING, \"first\": SIDE,\n"
    "                      \"second\": SIDE, \"change_usd\": AMOUNT,\n"
    "                      \"change_percent\": NUMBER or null }, … ],\n"
    "    \"by_destination\": [ … ], \"by_stage\": [ … ], \"by_hs_code\": [ … ]\n"
    "  }\n"
    "\n"
    "  PERIOD: { \"name\": \"FY2024-25\", \"first_year\": N, \"start_month\": N }\n"
    "  SIDE: { \"records\": N, \"value_usd\": AMOUNT }\n"
    "\n",
    _("Exit status: 0 on success, 1 if the file does not load, 2 on wrong\n"
      "usage, a period included."),
    "\n\n",
    _("With --currency (not with --csv), the exports of both periods are also\n"
      "given in that currency as lode-cli summary --currency gives them: in\n"
      "the text in all, in the JSON object also by row, each SIDE with\n"
      "\"value\" (null when no record has a rate) and \"records_without_rate\",\n"
      "the object with \"currency\" and \"missing_rates\"."),
    NULL);

  run.context = command_context_new (command, entries, description);
  command_run_add_period_entries (&run, N_("Read fiscal years as starting in MONTH (1–12); "
                                           "by default as the portfolio says"));
  if (!command_parse (command, run.context, args, &status))
    return status;

  status = check_operands (command, *args, 3, 3,
                           _("missing file name or period: FILE FROM TO"));
  if (status != EXIT_OK)
    return status;
  if (json && csv)
    return usage_error (command, _("--json and --csv cannot be used together"));
  if (run.currency != NULL && csv)
    return usage_error (command, _("--currency and --csv cannot be used together"));
  status = command_run_load_periods (&run, command, (*args)[1]);
  if (status != EXIT_OK)
    return status;

  for (guint i = 0; i < 2; i++)
    {
      if (!lode_period_parse ((*args)[2 + i], run.fiscal_year_start, &periods[i], &error))
        return usage_error (command, "%s", error->message);
    }

  if (json)
    text = lode_cli_compare_to_json (run.portfolio, &periods[0], &periods[1], run.converter,
                                     input_name ((*args)[1]));
  else if (csv)
    text = lode_cli_compare_to_csv (run.portfolio, &periods[0], &periods[1]);
  else
    text = lode_cli_compare_to_text (run.portfolio, &periods[0], &periods[1], run.converter);

  if (!write_stdout (text, strlen (text), &error))
    return output_error (error);

  return EXIT_OK;
}

/* convert and sample: writes a portfolio to OUT, the last operand,
 * standard output when there is none. The portfolio is the one IN names
 * when @has_input, else the sample. */
static int
write_command (const Command   *command,
               char          ***args,
               const char      *description,
               gboolean         has_input)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  guint n_operands = has_input ? 2 : 1;
  const char *out;
  int status = EXIT_OK;

  context = command_context_new (command, NULL, description);
  if (!command_parse (command, context, args, &status))
    return status;

  status = check_operands (command, *args, has_input ? 2 : 0, n_operands, NULL);
  if (status != EXIT_OK)
    return status;

  out = (*args)[n_operands] != NULL ? (*args)[n_operands] : "-";
  if (!is_supported_output (out))
    return usage_error (command, _("%s: unsupported output format"), out);

  if (has_input)
    status = load_file ((*args)[1], &portfolio);
  else
    portfolio = lode_portfolio_new_sample ();
  if (status != EXIT_OK)
    return status;

  if (!write_portfolio (portfolio, out, &error))
    return output_error (error);

  return EXIT_OK;
}

static int
command_convert (const Command   *command,
                 char          ***args)
{
  return write_command (command, args,
                        _("Reads the portfolio IN and writes it to OUT, in the format its\n"
                          "extension names: .json for portfolio format v1. Members that\n"
                          "Lode does not know are written back unchanged. OUT is replaced\n"
                          "atomically: if writing fails, the old file is left as it was.\n"
                          "\n"
                          "Exit status: 0 on success, 1 if IN does not load or OUT cannot\n"
                          "be written, 2 on wrong usage."),
                        TRUE);
}

static int
command_sample (const Command   *command,
                char          ***args)
{
  return write_command (command, args,
                        _("Writes “Pakistan minerals (sample)”, the portfolio Lode opens\n"
                          "when started with no file, to OUT or to standard output.\n"
                          "\n"
                          "Exit status: 0 on success, 1 if OUT cannot be written, 2 on\n"
                          "wrong usage."),
                        FALSE);
}

/* A command that reads one FILE and writes what its options ask for; the
 * options come from a module of its own. */
typedef struct
{
  gsize           options_size;
  GOptionEntry *(*entries)     (gpointer        options);
  const char   *(*description) (void);
  gboolean      (*check)       (gpointer        options,
                                char          **message);
  gboolean      (*write)       (LodePortfolio  *portfolio,
                                gpointer        options,
                                GError        **error);
  void          (*clear)       (gpointer        options);
  /* Prints what the options ask for in place of a run, if they do. */
  gboolean      (*answer)      (gpointer        options);
} FileWriter;

static int
run_file_writer (const Command     *command,
                 char            ***args,
                 const FileWriter  *writer)
{
  g_auto(CommandRun) run = { 0 };
  g_autofree gpointer options = g_malloc0 (writer->options_size);
  int status = EXIT_OK;

  if (!command_run_parse (&run, command, writer->entries (options),
                          writer->description (), args, &status))
    goto out;

  if (writer->answer != NULL && writer->answer (options))
    goto out;

  status = check_operands (command, *args, 1, 1, NULL);
  if (status == EXIT_OK)
    status = command_run_check (&run, command, writer->check (options, &run.message));
  if (status == EXIT_OK)
    status = load_file ((*args)[1], &run.portfolio);
  if (status == EXIT_OK && !writer->write (run.portfolio, options, &run.error))
    status = output_error (run.error);

out:
  writer->clear (options);
  return status;
}

static gboolean
chart_answer (gpointer data)
{
  LodeCliChartOptions *options = data;
  g_autofree char *list = NULL;

  if (!options->list)
    return FALSE;

  list = lode_cli_chart_list ();
  g_print ("%s", list);

  return TRUE;
}

static const FileWriter chart_writer = {
  sizeof (LodeCliChartOptions),
  (GOptionEntry *(*) (gpointer)) lode_cli_chart_entries,
  lode_cli_chart_description,
  (gboolean (*) (gpointer, char **)) lode_cli_chart_check,
  (gboolean (*) (LodePortfolio *, gpointer, GError **)) lode_cli_chart_write,
  (void (*) (gpointer)) lode_cli_chart_options_clear,
  chart_answer,
};

static const FileWriter export_writer = {
  sizeof (LodeCliExportOptions),
  (GOptionEntry *(*) (gpointer)) lode_cli_export_entries,
  lode_cli_export_description,
  (gboolean (*) (gpointer, char **)) lode_cli_export_check,
  (gboolean (*) (LodePortfolio *, gpointer, GError **)) lode_cli_export_write,
  (void (*) (gpointer)) lode_cli_export_options_clear,
  NULL,
};

static int
command_chart (const Command   *command,
               char          ***args)
{
  return run_file_writer (command, args, &chart_writer);
}

static int
command_export (const Command   *command,
                char          ***args)
{
  return run_file_writer (command, args, &export_writer);
}

static int
command_import (const Command   *command,
                char          ***args)
{
  g_auto(CommandRun) run = { 0 };
  LodeCliImportOptions options = { 0 };
  int status = EXIT_OK;

  if (!command_run_parse (&run, command, lode_cli_import_entries (&options),
                          lode_cli_import_description (), args, &status))
    goto out;

  status = check_operands (command, *args, 1, G_MAXUINT, NULL);
  if (status == EXIT_OK)
    status = command_run_check (&run, command, lode_cli_import_check (&options, &run.message));
  if (status == EXIT_OK && options.into != NULL)
    status = load_file (options.into, &run.portfolio);
  else if (status == EXIT_OK)
    run.portfolio = lode_cli_import_new_portfolio (&options);
  if (status != EXIT_OK)
    goto out;

  if (!lode_cli_import_run (run.portfolio, (const char * const *) &(*args)[1], &options, &run.error) ||
      !write_portfolio (run.portfolio, options.output, &run.error))
    {
      print_error (run.error);
      status = EXIT_BAD_INPUT;
    }

out:
  lode_cli_import_options_clear (&options);
  return status;
}

/* The program */

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

static char *
commands_help (void)
{
  GString *out = g_string_new (_("Read, check and write Lode portfolio files."));
  int width = 0;

  g_string_append (out, "\n\n");
  g_string_append (out, _("Commands:"));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name,
                                                _(commands[i].parameters));

      width = MAX (width, (int) g_utf8_strlen (usage, -1));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name,
                                                _(commands[i].parameters));
      int pad = width - (int) g_utf8_strlen (usage, -1);

      g_string_append_printf (out, "  %s%*s   %s\n", usage, pad, "", _(commands[i].summary));
    }

  g_string_append_c (out, '\n');
  g_string_append (out, _("Run 'lode-cli COMMAND --help' for the options of a command."));

  return g_string_free (out, FALSE);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *prgname = NULL;
  const Command *command;
  gboolean version = FALSE;
  guint n_args;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_set_prgname ("lode-cli");

  /* Options before the command are lode-cli's own; parsing stops at the
   * command, whose options are its own. */
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  summary = commands_help ();
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, _(exit_status_help));

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (NULL, "%s", error->message);

  if (version)
    {
      g_print ("lode-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (args[0] == NULL || args[1] == NULL)
    return usage_error (NULL, _("missing command"));

  command = find_command (args[1]);
  if (command == NULL)
    return usage_error (NULL, _("unknown command “%s”"), args[1]);

  /* The command sees itself as the program, so that its --help reads
   * "lode-cli validate [OPTION…] FILE…". */
  prgname = g_strdup_printf ("lode-cli %s", command->name);
  g_set_prgname (prgname);
  n_args = g_strv_length (args);
  g_free (args[0]);
  g_free (args[1]);
  args[1] = g_strdup (prgname);
  memmove (args, args + 1, n_args * sizeof (char *));

  return command->run (command, &args);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = run (argc, argv);

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      g_printerr ("lode-cli: %s: %s\n", _("standard output"), g_strerror (saved_errno));
      if (status == EXIT_OK)
        status = EXIT_BAD_INPUT;
    }

  return status;
}
