/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-export-table.h"

G_BEGIN_DECLS

/* For the reader, which appends a million rows whose strings are mostly a
 * few hundred: it interns each string once and appends rows by the ids of
 * their strings. */

/* The id of the interned copy of @str; 0 for NULL. */
guint32 _lode_export_table_intern_id       (LodeExportTable     *self,
                                            const char          *str);
/* As lode_export_table_append_silent(), with the ids of the row's
 * mineral, destination, HS code and source, in that order; the row's own
 * strings are not looked at. */
void    _lode_export_table_append_interned (LodeExportTable     *self,
                                            const LodeExportRow *row,
                                            const guint32        ids[4]);

G_END_DECLS
