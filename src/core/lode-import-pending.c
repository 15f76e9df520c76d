/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lode-import-private.h"

/* Stand-ins for the layouts that are not in yet (USGS Mineral Commodity
 * Summaries, merging another portfolio): weak symbols, so that the file
 * that brings the real entry point replaces them at link time without a
 * change here. This file goes once every layout is in. */

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This kind of file cannot be imported yet"));
  return FALSE;
}

__attribute__((weak)) gboolean
_lode_import_usgs_run (LodeImportContext *ctx,
                       GFile             *file,
                       GCancellable      *cancellable,
                       GError           **error)
{
  return not_yet (error);
}

__attribute__((weak)) gboolean
_lode_import_usgs_detect (const char * const *cells,
                          guint               n_cells)
{
  return FALSE;
}

__attribute__((weak)) gboolean
_lode_import_portfolio_run (LodeImportContext *ctx,
                            GFile             *file,
                            GCancellable      *cancellable,
                            GError           **error)
{
  return not_yet (error);
}
