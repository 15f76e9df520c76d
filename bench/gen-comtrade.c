/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>

#include "bench-comtrade.h"

/* gen-comtrade [--rows N] [--seed S] OUT.csv: a synthetic UN Comtrade Plus
 * download (see bench/README.md). */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.csv");
  g_autoptr(GError) error = NULL;
  gint64 rows = 1000000, seed = 1;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT64, &rows, "Data rows (default 1000000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "S" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || rows < 0 || rows > G_MAXUINT)
    {
      g_printerr ("usage: gen-comtrade [--rows N] [--seed S] OUT.csv%s%s\n",
                  error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  if (!bench_generate_comtrade (argv[1], (guint) rows, (guint64) seed, &error))
    {
      g_printerr ("gen-comtrade: %s\n", error->message);
      return 1;
    }

  return 0;
}
