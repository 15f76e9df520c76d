/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Harmonized System 2022 codes of the mineral chapters (25–28 and
 * 71–81) at every level: chapters ("26"), headings ("2603") and
 * subheadings ("260300"), with their English descriptions, shipped in the
 * GResource. */

/* "2603" → "Copper ores and concentrates"; NULL for a code outside the
 * mineral chapters or unknown. */
const char  *lode_hs_code_lookup  (const char *code);
/* TRUE when @code is a code of the mineral chapters. */
gboolean     lode_hs_code_is_known (const char *code);
/* The codes under @prefix (a chapter such as "74" or a heading such as
 * "7403"), @prefix itself included, in order; "" or NULL gives every code.
 * The strings belong to the table: free the array with g_free(). Sets
 * @n_codes (optional) to their number. */
const char **lode_hs_codes_under  (const char *prefix,
                                   guint      *n_codes);

G_END_DECLS
