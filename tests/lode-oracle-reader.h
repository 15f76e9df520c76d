/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-portfolio-io.h"

G_BEGIN_DECLS

/* Loads @data as Lode's reader did through json-glib's document tree:
 * the oracle that the streaming reader is compared with. */
LodePortfolio *lode_oracle_load_data (const char  *data,
                                      gsize        length,
                                      const char  *name,
                                      GError     **error);

/* Loads @data with the streaming reader and with the oracle, and aborts
 * when they differ: in what they accept, in the portfolio (as saved) or in
 * the error (domain, code and message). Returns the streaming reader's
 * result. */
LodePortfolio *lode_oracle_compare   (const char  *data,
                                      gsize        length,
                                      const char  *name,
                                      GError     **error);

G_END_DECLS
