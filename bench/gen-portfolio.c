/* SPDX-License-Identifier: GPL-3.0-or-later */

/* gen-portfolio --records N [--seed S] OUT.json
 *
 * Writes a synthetic portfolio in format v1 for benchmarks and tests. */

#include "config.h"

#include <stdlib.h>

#include <glib.h>

#include "bench-generate.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_records = 10000;
  gint64 seed = 1;
  const GOptionEntry entries[] = {
    { "records", 'n', 0, G_OPTION_ARG_INT64, &n_records, "Number of export records (default 10000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the random figures (default 1)", "S" },
    { NULL }
  };

  context = g_option_context_new ("OUT.json");
  g_option_context_set_summary (context, "Writes a synthetic Lode portfolio (format v1).");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("gen-portfolio: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (argc != 2)
    {
      g_printerr ("Usage: gen-portfolio --records N [--seed S] OUT.json\n");
      return EXIT_FAILURE;
    }

  if (n_records < 0 || n_records > G_MAXUINT32 || seed < 0)
    {
      g_printerr ("gen-portfolio: --records and --seed take non-negative numbers\n");
      return EXIT_FAILURE;
    }

  if (!bench_generate_portfolio (argv[1], (guint) n_records, (guint64) seed, &error))
    {
      g_printerr ("gen-portfolio: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
