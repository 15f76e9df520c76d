/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lode-import-private.h"

gboolean
_lode_import_trade_run (LodeImportContext *ctx,
                        GFile             *file,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This kind of file cannot be imported yet"));
  return FALSE;
}
