/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict JSON (RFC 8259) check of a whole text, before json-glib parses it:
 * json-glib accepts things that are not JSON (empty input, comments, bare
 * identifiers) and keeps only the last of duplicate member names.
 *
 * Refused: empty or whitespace-only text, a byte-order mark, invalid UTF-8
 * (also inside strings, and lone surrogate escapes), comments, NaN/Infinity,
 * leading zeros, trailing commas, control characters in strings, numbers
 * whose magnitude overflows a double, nesting deeper than @max_depth,
 * duplicate member names in one object, and anything after the value.
 *
 * On failure returns FALSE and sets @line and @column (1-based; columns count
 * characters) and @message (a short sentence in the user's language,
 * without the position). */
gboolean lode_json_check (const char  *data,
                          gsize        length,
                          guint        max_depth,
                          guint       *line,
                          guint       *column,
                          char       **message);

/* The same check, also refusing any string (a value or a member name)
 * longer than @max_string_length bytes as written in the text, quotes
 * excluded; 0 means no limit. */
gboolean lode_json_check_full (const char  *data,
                               gsize        length,
                               guint        max_depth,
                               gsize        max_string_length,
                               guint       *line,
                               guint       *column,
                               char       **message);

G_END_DECLS
