/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @rows data rows of a synthetic UN Comtrade Plus CSV (the 47
 * columns of a download, a trailing comma on every data row) to @path.
 * The same @seed gives the same bytes. */
gboolean bench_generate_comtrade (const char  *path,
                                  guint        rows,
                                  guint64      seed,
                                  GError     **error);

G_END_DECLS
