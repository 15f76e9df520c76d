/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-import.h"

G_BEGIN_DECLS

/* lode-cli import: reads trade statistics (and what else the import core
 * reads) into a portfolio and writes it, saying on standard error what was
 * added and what was skipped, and why. */

typedef struct
{
  char                 *output;
  char                 *into;
  char                 *layout_id;
  char                 *country;
  char                **maps;
  char                 *on_conflict_id;

  /* Filled in by lode_cli_import_check(). */
  LodeImportLayout      layout;
  LodeImportResolution  on_conflict;
  GHashTable           *hs_minerals;
} LodeCliImportOptions;

void          lode_cli_import_options_clear (LodeCliImportOptions  *options);
/* Option entries that fill @options; free with g_free. */
GOptionEntry *lode_cli_import_entries       (LodeCliImportOptions  *options);
const char   *lode_cli_import_description   (void);
/* Whether the options make sense; if not, says why in @message. */
gboolean      lode_cli_import_check         (LodeCliImportOptions  *options,
                                             char                **message);
/* A new, empty portfolio for the options' country (PK when none). */
LodePortfolio *lode_cli_import_new_portfolio (LodeCliImportOptions *options);
/* Imports each of @inputs into @portfolio, printing what each adds and
 * skips on standard error. Fails when a file cannot be read; @portfolio
 * may then hold the imports of the files before it, and is not to be
 * written. */
gboolean      lode_cli_import_run           (LodePortfolio         *portfolio,
                                             const char * const    *inputs,
                                             LodeCliImportOptions  *options,
                                             GError               **error);

G_END_DECLS
