/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Synthetic portfolios in format v1, for benchmarks: about forty minerals,
 * ten sources, thirty projects, five targets and @n_records export records
 * (monthly flows by mineral, HS code and destination, 2005–2024). The same
 * @seed gives the same bytes. The file is written beside @path and renamed
 * over it once complete, so a partial file never carries the final name. */
gboolean bench_generate_portfolio (const char  *path,
                                   guint        n_records,
                                   guint64      seed,
                                   GError     **error);

G_END_DECLS
