/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-cli-import.h"
#include "lode-countries.h"
#include "lode-rules.h"

/* How many line numbers a reason lists before "…". */
#define MAX_LINES_SHOWN 8

void
lode_cli_import_options_clear (LodeCliImportOptions *options)
{
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->into, g_free);
  g_clear_pointer (&options->layout_id, g_free);
  g_clear_pointer (&options->country, g_free);
  g_clear_pointer (&options->maps, g_strfreev);
  g_clear_pointer (&options->on_conflict_id, g_free);
  g_clear_pointer (&options->hs_minerals, g_hash_table_unref);
}

GOptionEntry *
lode_cli_import_entries (LodeCliImportOptions *options)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("Write the portfolio to OUT (.json)"), N_("OUT") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &options->into,
      N_("Import into this portfolio instead of an empty one"), N_("PORTFOLIO") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &options->layout_id,
      N_("The layout of the files: comtrade, comtrade-legacy, usgs-mcs, lode or auto (the default)"), N_("LAYOUT") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &options->country,
      N_("The reporting country, ISO 3166-1 alpha-2 (default: the portfolio’s, else PK)"), N_("ISO2") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->maps,
      N_("File the HS code (or the codes under it) under the mineral ID; repeatable"), N_("HS=MINERAL_ID") },
    { "on-conflict", 0, 0, G_OPTION_ARG_STRING, &options->on_conflict_id,
      N_("For records the portfolio already has with other figures: keep (the default), replace or both"), N_("WHAT") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

const char *
lode_cli_import_description (void)
{
  return _("Reads trade statistics (UN Comtrade Plus annual or monthly CSV, legacy\n"
           "UN Comtrade CSV, Lode's CSV of export records) into a portfolio and\n"
           "writes it to OUT. Without --into, starts from an empty portfolio of\n"
           "the --country (default PK). The layout is recognised from the header.\n"
           "\n"
           "Rows become export records when the reporter is the country, the flow\n"
           "is export, the partner is a destination (not World or an area total)\n"
           "and the commodity is an HS code of 4 or 6 digits; each HS code is\n"
           "filed under the portfolio's mineral that lists it, or under the\n"
           "commodity of Lode's HS table. Every other row is skipped, and said so\n"
           "with its line and the reason on standard error. Records the portfolio\n"
           "already has are not added again.\n"
           "\n"
           "Exit status: 0 when OUT was written, 1 when a file could not be read\n"
           "or written, 2 on wrong usage.");
}

gboolean
lode_cli_import_check (LodeCliImportOptions  *options,
                       char                 **message)
{
  if (options->output == NULL)
    {
      *message = g_strdup (_("missing --output"));
      return FALSE;
    }
  if (!g_str_has_suffix (options->output, ".json") && !g_str_equal (options->output, "-"))
    {
      *message = g_strdup_printf (_("%s: unsupported output format"), options->output);
      return FALSE;
    }

  options->layout = LODE_IMPORT_LAYOUT_AUTO;
  if (options->layout_id != NULL &&
      (!lode_import_layout_from_id (options->layout_id, &options->layout) ||
       options->layout == LODE_IMPORT_LAYOUT_MAPPED))
    {
      *message = g_strdup_printf (_("unknown layout “%s”"), options->layout_id);
      return FALSE;
    }

  if (options->country != NULL)
    {
      char *upper = g_ascii_strup (options->country, -1);

      g_free (options->country);
      options->country = upper;
      if (!lode_rule_country_code (upper, NULL))
        {
          *message = g_strdup_printf (_("“%s” is not an ISO 3166-1 alpha-2 code such as PK"), upper);
          return FALSE;
        }
    }

  options->on_conflict = LODE_IMPORT_KEEP_EXISTING;
  if (options->on_conflict_id != NULL)
    {
      if (g_str_equal (options->on_conflict_id, "keep"))
        options->on_conflict = LODE_IMPORT_KEEP_EXISTING;
      else if (g_str_equal (options->on_conflict_id, "replace"))
        options->on_conflict = LODE_IMPORT_TAKE_IMPORTED;
      else if (g_str_equal (options->on_conflict_id, "both"))
        options->on_conflict = LODE_IMPORT_KEEP_BOTH;
      else
        {
          *message = g_strdup_printf (_("--on-conflict is keep, replace or both, not “%s”"),
                                      options->on_conflict_id);
          return FALSE;
        }
    }

  options->hs_minerals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; options->maps != NULL && options->maps[i] != NULL; i++)
    {
      const char *map = options->maps[i];
      const char *equals = strchr (map, '=');
      g_autofree char *code = equals != NULL ? g_strndup (map, equals - map) : NULL;

      if (equals == NULL || !lode_rule_hs_code (code, NULL) || !lode_rule_slug (equals + 1, NULL))
        {
          *message = g_strdup_printf (_("--map takes HS=MINERAL_ID, such as 2603=copper, not “%s”"), map);
          return FALSE;
        }
      g_hash_table_replace (options->hs_minerals, g_steal_pointer (&code), g_strdup (equals + 1));
    }

  return TRUE;
}

LodePortfolio *
lode_cli_import_new_portfolio (LodeCliImportOptions *options)
{
  const char *country = options->country != NULL ? options->country : "PK";
  g_autofree char *title = NULL;
  LodePortfolio *portfolio;

  /* Translators: the title of a portfolio lode-cli import starts; %s is
   * a country's name */
  title = g_strdup_printf (_("Mineral exports of %s"), lode_country_name (country));
  portfolio = lode_portfolio_new (title);
  lode_portfolio_set_country (portfolio, country);
  lode_portfolio_set_modified (portfolio, FALSE);

  return portfolio;
}

typedef struct
{
  const char *reason;
  guint       count;
  GArray     *lines;  /* of guint64, the first few */
} Reason;

static void
reason_free (gpointer data)
{
  Reason *reason = data;

  g_array_unref (reason->lines);
  g_free (reason);
}

/* Skipped rows, a line per reason: "skipped 3 rows (lines 4, 9, 12): …". */
static void
print_skipped (LodeImportPlan *plan,
               const char     *name)
{
  guint n = lode_import_plan_get_n_skipped (plan);
  g_autoptr(GHashTable) by_reason = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (reason_free);

  for (guint i = 0; i < n; i++)
    {
      const char *text;
      guint64 line;
      Reason *reason;

      lode_import_plan_get_skipped (plan, i, &line, &text);
      reason = g_hash_table_lookup (by_reason, text);
      if (reason == NULL)
        {
          reason = g_new0 (Reason, 1);
          reason->reason = text;
          reason->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
          g_hash_table_insert (by_reason, (gpointer) text, reason);
          g_ptr_array_add (reasons, reason);
        }
      reason->count++;
      if (reason->lines->len < MAX_LINES_SHOWN && line > 0)
        g_array_append_val (reason->lines, line);
    }

  for (guint i = 0; i < reasons->len; i++)
    {
      Reason *reason = g_ptr_array_index (reasons, i);
      g_autoptr(GString) lines = g_string_new (NULL);

      for (guint j = 0; j < reason->lines->len; j++)
        g_string_append_printf (lines, "%s%" G_GUINT64_FORMAT, j > 0 ? ", " : "",
                                g_array_index (reason->lines, guint64, j));
      if (reason->count > reason->lines->len)
        g_string_append (lines, ", …");

      /* Translators: FILE: skipped N rows (lines 4, 9, …): the reason */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%s: skipped %u row (line %s): %s\n",
                               "%s: skipped %u rows (lines %s): %s\n", reason->count),
                  name, reason->count, lines->str, reason->reason);
    }
}

static void
print_plan (LodeImportPlan *plan,
            const char     *name)
{
  guint n_records = lode_export_table_get_n_rows (lode_import_plan_get_exports (plan));
  GListModel *items = lode_import_plan_get_items (plan);
  guint n_conflicts = lode_import_plan_get_n_conflicts (plan);
  const char * const *notes = lode_import_plan_get_notes (plan);
  g_autofree char *total = lode_money_format_full (lode_export_table_get_total (lode_import_plan_get_exports (plan)));

  guint n_reserves = lode_import_plan_get_n_reserves (plan);
  guint n_figures = 0;

  g_printerr (_("%s: read as %s\n"), name, lode_import_layout_get_name (lode_import_plan_get_layout (plan)));
  if (n_records > 0 || n_reserves == 0)
    /* Translators: FILE: N export records, worth $…, to add */
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u export record worth %s to add\n",
                             "%s: %u export records worth %s to add\n", n_records),
                name, n_records, total);
  if (n_reserves > 0)
    /* Translators: FILE: N reserve estimates to add */
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u reserve estimate to add\n",
                             "%s: %u reserve estimates to add\n", n_reserves),
                name, n_reserves);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (LODE_IS_MINERAL (item))
        g_printerr (_("%s: new mineral %s (%s)\n"), name,
                    lode_mineral_get_name (LODE_MINERAL (item)), lode_mineral_get_id (LODE_MINERAL (item)));
      else if (LODE_IS_SOURCE (item))
        g_printerr (_("%s: new source “%s” (%s)\n"), name,
                    lode_source_get_title (LODE_SOURCE (item)), lode_source_get_id (LODE_SOURCE (item)));
      else if (LODE_IS_INVESTMENT (item) || LODE_IS_PRODUCTION (item) || LODE_IS_NATIONAL_FIGURE (item))
        n_figures++;
    }
  if (n_figures > 0)
    /* Translators: FILE: N investment events, production or national figures to add */
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u investment event, production or national figure to add\n",
                             "%s: %u investment events, production or national figures to add\n", n_figures),
                name, n_figures);

  for (guint i = 0; i < n_conflicts; i++)
    {
      g_autofree char *description = lode_import_plan_describe_conflict (plan, i);
      const char *resolution;

      switch (lode_import_plan_get_resolution (plan, i))
        {
        case LODE_IMPORT_TAKE_IMPORTED:
          resolution = _("replaced by the file’s");
          break;
        case LODE_IMPORT_KEEP_BOTH:
          resolution = _("both kept");
          break;
        case LODE_IMPORT_KEEP_EXISTING:
        default:
          resolution = _("the portfolio’s kept");
          break;
        }
      /* Translators: FILE: conflict: description (what happens) */
      g_printerr (_("%s: conflict: %s (%s)\n"), name, description, resolution);
    }

  print_skipped (plan, name);

  for (guint i = 0; notes[i] != NULL; i++)
    g_printerr ("%s: %s\n", name, notes[i]);
}

gboolean
lode_cli_import_run (LodePortfolio         *portfolio,
                     const char * const    *inputs,
                     LodeCliImportOptions  *options,
                     GError               **error)
{
  LodeImportOptions import_options;

  lode_import_options_init (&import_options);
  import_options.layout = options->layout;
  import_options.country = options->country;
  import_options.on_conflict = options->on_conflict;
  if (options->hs_minerals != NULL && g_hash_table_size (options->hs_minerals) > 0)
    import_options.hs_minerals = options->hs_minerals;

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autoptr(LodeImportPlan) plan = NULL;

      /* A file that cannot be read fails the command: the caller then
       * writes nothing, so no half import ever reaches a file. */
      plan = lode_import_plan_new (portfolio, file, &import_options, NULL, error);
      if (plan == NULL || !lode_import_plan_apply (plan, portfolio, error))
        return FALSE;

      print_plan (plan, inputs[i]);
    }

  return TRUE;
}
