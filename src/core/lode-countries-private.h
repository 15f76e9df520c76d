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

/* Whether to keep the entry @entry, of code @code; it may take more of
 * the entry meanwhile. */
typedef gboolean (*LodeIsoEntryFunc) (JsonObject *entry,
                                      const char *code,
                                      gpointer    user_data);

/* Reads the list @member of iso-codes' @domain.json: for each entry with
 * a string @code_member and a name (the first of @name_members it has)
 * that @func, if any, keeps, inserts the code and the name, translated in
 * @domain, into @names (string → string, both freed). Returns the codes
 * sorted by their names: a NULL-terminated array of the keys of @names
 * themselves, to free with g_free(). */
char      **_lode_load_iso_names (const char         *domain,
                                  const char         *member,
                                  const char         *code_member,
                                  const char * const *name_members,
                                  GHashTable         *names,
                                  LodeIsoEntryFunc    func,
                                  gpointer            user_data);

G_END_DECLS
