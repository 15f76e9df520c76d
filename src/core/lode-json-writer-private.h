/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For the writers of JSON text (lode-json-writer.c, the export records of
 * lode-portfolio-writer.c): GString's fields are public, so small pieces
 * go straight into its buffer instead of through g_string_append_len()
 * and its general insert. */

/* Room for @n more bytes (and a NUL) at the end of @out; returns where
 * they start. */
static inline char *
_lode_json_reserve (GString *out,
                    gsize    n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      gsize len = out->len;

      g_string_set_size (out, len + n);
      out->len = len;
    }

  return out->str + out->len;
}

G_END_DECLS
