/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-countries.h"

G_BEGIN_DECLS

/* The list @member of iso-codes' @domain.json ("iso_4217", "4217"), from
 * where iso-codes was found at build time, else from the first data
 * folder that has it; NULL when none does. Binds @domain to the
 * translations beside the file. @parser keeps the list. */
JsonArray *_lode_load_iso_codes (JsonParser *parser,
                                 const char *domain,
                                 const char *member);

G_END_DECLS
