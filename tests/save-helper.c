/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-portfolio-io.h"

/* save-helper IN OUT: loads IN and saves it to OUT through
 * lode_portfolio_save_file() with a backup, as the window's Save does.
 * test-save-faults kills it while it writes. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: save-helper IN OUT\n");
      return 2;
    }

  in = g_file_new_for_commandline_arg (argv[1]);
  out = g_file_new_for_commandline_arg (argv[2]);

  portfolio = lode_portfolio_load_file (in, NULL, &error);
  if (portfolio == NULL || !lode_portfolio_save_file (portfolio, out, TRUE, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
