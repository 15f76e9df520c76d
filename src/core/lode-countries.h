/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Countries and regions from iso-codes: ISO 3166-1 alpha-2 codes and their
 * names, translated through the iso_3166-1 gettext domain. Loaded once, on
 * first use, from any thread; empty when iso-codes is not installed. */

/* The name of @code; NULL when @code is NULL or unknown. */
const char         *lode_country_lookup (const char *code);
/* The code (user-assigned in ISO 3166) of a destination that is no one
 * country: "Other Asia, nes", "Areas, nes", bunkers, free zones in trade
 * statistics. Named, never listed among the countries. */
#define LODE_COUNTRY_NOT_A_COUNTRY "ZZ"

/* The alpha-2 code of an ISO 3166-1 alpha-3 code ("PAK" → "PK") or
 * numeric code (586 → "PK"); NULL when iso-codes knows none. */
const char         *lode_country_from_alpha3  (const char *alpha3);
const char         *lode_country_from_numeric (guint       numeric);
/* The alpha-2 code of a country named in English as iso-codes names it
 * ("Pakistan", "China"), ignoring case; NULL for any other text. */
const char         *lode_country_from_name    (const char *name);
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
