/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Salvage: reading back what can be kept of a portfolio that does not load
 * whole, such as a draft of unsaved work that holds a value the reader
 * refuses. Drafts are restored this way, so that one bad value never costs
 * the rest of the work.
 *
 * The text is first loaded as it is (lode_portfolio_load_data()). When that
 * fails on its content, the text is parsed with json-glib and each place the
 * reader's errors point at is taken out: an optional member alone, the item
 * holding it when the member is required or the item cannot stand without
 * it, and with a removed mineral or source whatever refers to it. Then the
 * text is loaded again, and so on, until it loads or nothing more can be
 * taken out (at most LODE_SALVAGE_MAX_ROUNDS times; the reader lists at most
 * LODE_PORTFOLIO_MAX_ERRORS errors each time). Text that is not JSON, a file
 * of a newer version and a document that is not a portfolio at all are not
 * salvaged: their error is returned as the reader gave it. */

#define LODE_SALVAGE_MAX_ROUNDS 100

/* Returns the portfolio, or NULL with @error set. @not_kept (may be NULL)
 * receives what was not kept, one sentence for people each, translated,
 * naming the item and the field, in the order of the text: empty when the
 * text loaded as it was. @name is how the reader's errors name the text.
 * Blocks: a large text may take a few loads; @cancellable stops it between
 * two. */
LodePortfolio *lode_salvage_load_data (const char    *data,
                                       gsize          length,
                                       const char    *name,
                                       GStrv         *not_kept,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* The same for the contents of @file; errors name it @name, never by its
 * path. */
LodePortfolio *lode_salvage_load_file (GFile         *file,
                                       const char    *name,
                                       GStrv         *not_kept,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
