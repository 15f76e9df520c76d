/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Countries and regions from iso-codes: ISO 3166-1 alpha-2 codes and their
 * names, translated through the iso_3166-1 gettext domain. Loaded once, on
 * first use, from any thread; empty when iso-codes is not installed. */

/* The name of @code; NULL when @code is NULL or unknown. */
const char         *lode_country_lookup (const char *code);
/* The name of @code, or @code itself when it is unknown. */
const char         *lode_country_name   (const char *code);
/* Every code iso-codes knows, NULL-terminated, sorted by name as the
 * user's language sorts. */
const char * const *lode_country_codes  (void);

/* The names of Pakistan's provinces and territories (iso-codes' ISO 3166-2
 * subdivisions "PK-…"), translated through the iso_3166-2 domain, sorted
 * as people read them; offered for a project's region, which stays free
 * text. */
const char * const *lode_region_names   (void);

G_END_DECLS
