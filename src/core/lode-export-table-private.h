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
 * strings are not looked at, but for its rare original currency. */
void    _lode_export_table_append_interned (LodeExportTable     *self,
                                            const LodeExportRow *row,
                                            const guint32        ids[4]);
/* The table's columns, read-only, for code that sums over a million rows
 * without making a row of each: valid until the table next changes. The
 * ids of strings are those of _lode_export_table_get_string(). */
typedef struct
{
  guint            n_rows;
  const guint32   *mineral;
  const guint32   *destination;
  const guint32   *hs_code;
  const guint16   *year;
  const guint8    *month;
  const guint8    *stage;
  const LodeMoney *value;
  const guint8    *period;   /* LodePeriodKind; NULL when no row has one */
} LodeExportColumns;

void        _lode_export_table_get_columns (LodeExportTable   *self,
                                            LodeExportColumns *columns);
/* The interned string an id stands for; NULL for 0. */
const char *_lode_export_table_get_string  (LodeExportTable   *self,
                                            guint32            id);

/* A version of the table: its rows as they were when it was frozen, for a
 * snapshot that a worker thread writes out while the table goes on
 * changing on the main thread.
 *
 * Freezing copies no row: the version shares the table's columns and its
 * map of unknown members. The table writes only to columns (and a map)
 * that it alone holds; its first change after a freeze takes them back
 * when no version holds them any more, or else copies them once (about
 * 39 MB of columns for a million rows) and leaves the frozen ones to the
 * versions. A worker that reads a whole version detaches it first: it
 * copies the columns into memory of the version's own and lets go of the
 * shared ones, so that only a change made in the moment that takes pays
 * for a copy on the main thread. So, while a version lives:
 *
 * - its columns and its map of unknown members never change;
 * - its strings stay where they are: interned strings live in the table's
 *   string chunk, which only grows, until the table is finalized, and the
 *   version holds a reference on the table and its own copy of the array
 *   that maps ids to strings (interning a new string may move the table's);
 * - its unknown members (JsonObject) never change: the table seals each
 *   one it is given. Their reference counts are not safe across threads,
 *   so a worker only reads them, and only the main thread takes or drops
 *   references: the version takes none of its own, but it may hold the
 *   last reference to the map that holds them.
 *
 * Hence: freeze and free on the thread that changes the table (the main
 * thread); detach and read a version from any one thread in between. */
typedef struct _LodeExportTableVersion LodeExportTableVersion;

LodeExportTableVersion *_lode_export_table_freeze              (LodeExportTable              *self);
void                    _lode_export_table_version_free        (LodeExportTableVersion       *version);
/* Copies the version's columns into memory of its own, letting go of
 * those it shares with the table. Any one thread, before reading. */
void                    _lode_export_table_version_detach      (LodeExportTableVersion       *version);
guint                   _lode_export_table_version_get_n_rows  (const LodeExportTableVersion *version);
/* One row as stored: strings as ids (0 for NULL), for writers that make
 * the text of each string once. */
typedef struct
{
  guint32   mineral;
  guint32   destination;
  guint32   hs_code;
  guint32   source;
  int       year;
  int       month;
  LodeStage stage;
  LodeUnit  unit;
  double    quantity;
  LodeMoney value;
  LodePeriodKind period;
  guint32   original_currency;  /* 0 when the record keeps no original amount */
  LodeMoney original_amount;
} LodeExportRawRow;

void                    _lode_export_table_version_get_raw_row (const LodeExportTableVersion *version,
                                                                guint                         position,
                                                                LodeExportRawRow             *row);
/* The version's columns, as _lode_export_table_get_columns() gives the
 * table's: valid as long as the version, and not detached meanwhile. */
void                    _lode_export_table_version_get_columns (const LodeExportTableVersion *version,
                                                                LodeExportColumns            *columns);
/* The strings the ids stand for: 0 to n_strings - 1, 0 being NULL. They
 * live as long as the version. */
guint                   _lode_export_table_version_get_n_strings (const LodeExportTableVersion *version);
const char             *_lode_export_table_version_get_string  (const LodeExportTableVersion *version,
                                                                guint                         id);
JsonObject             *_lode_export_table_version_get_extra   (const LodeExportTableVersion *version,
                                                                guint                         position);
/* The positions of the rows that have unknown members, in order; free
 * with g_free(). */
guint                  *_lode_export_table_version_get_extra_rows (const LodeExportTableVersion *version,
                                                                   guint                        *n_rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeExportTableVersion, _lode_export_table_version_free)

G_END_DECLS
