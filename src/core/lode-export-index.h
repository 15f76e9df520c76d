/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lode-export-table.h"

G_BEGIN_DECLS

/* A sorted and filtered view of a LodeExportTable, as a GListModel of
 * LodeExportRecord (GIO only: the window's list and lode-cli share it). It keeps a permutation of the table's rows (32 bits a
 * row) instead of an object per row: items are made when asked for. After
 * an edit of the table the permutation is patched, not sorted again. */

typedef enum
{
  LODE_EXPORT_SORT_NONE,
  LODE_EXPORT_SORT_MINERAL,
  LODE_EXPORT_SORT_DATE,
  LODE_EXPORT_SORT_MONTH,
  LODE_EXPORT_SORT_DESTINATION,
  LODE_EXPORT_SORT_HS_CODE,
  LODE_EXPORT_SORT_STAGE,
  LODE_EXPORT_SORT_QUANTITY,
  LODE_EXPORT_SORT_VALUE,
  LODE_EXPORT_SORT_SOURCE,
} LodeExportSort;

#define LODE_EXPORT_STAGE_ANY (-1)
#define LODE_EXPORT_N_UNITS 16

/* Totals of the rows that pass the filter. */
typedef struct
{
  guint     count;
  LodeMoney value;
  double    quantity[LODE_EXPORT_N_UNITS];  /* by LodeUnit */
} LodeExportTotals;

/* Text shown for an id (a mineral's name, a country's name); NULL means
 * the id itself. */
typedef const char *(*LodeExportNameFunc) (const char *id,
                                           gpointer    user_data);

#define LODE_TYPE_EXPORT_INDEX (lode_export_index_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportIndex, lode_export_index, LODE, EXPORT_INDEX, GObject)

LodeExportIndex *lode_export_index_new            (LodeExportTable    *table);
LodeExportTable *lode_export_index_get_table      (LodeExportIndex    *self);
void             lode_export_index_set_table      (LodeExportIndex    *self,
                                                   LodeExportTable    *table);
void             lode_export_index_set_name_funcs (LodeExportIndex    *self,
                                                   LodeExportNameFunc  mineral_name,
                                                   LodeExportNameFunc  destination_name,
                                                   gpointer            user_data);
void             lode_export_index_set_sort       (LodeExportIndex    *self,
                                                   LodeExportSort      sort,
                                                   gboolean            descending);
/* Each of these narrows the rows shown; NULL, 0 or LODE_EXPORT_STAGE_ANY
 * lets everything through. @search matches, without regard to case, the
 * mineral, destination, HS code and source. */
void             lode_export_index_set_filter     (LodeExportIndex    *self,
                                                   const char         *mineral,
                                                   int                 year_min,
                                                   int                 year_max,
                                                   const char         *destination,
                                                   int                 stage,
                                                   const char         *search);
/* The table's row shown at @position. */
guint            lode_export_index_get_row_position (LodeExportIndex  *self,
                                                     guint             position);
const LodeExportTotals *lode_export_index_get_totals (LodeExportIndex *self);
/* Sorts and filters again from scratch (after names changed, say). */
void             lode_export_index_rebuild        (LodeExportIndex    *self);
/* With @background, a table of more than about 130,000 rows is sorted and
 * filtered in a worker thread: the calls above return at once, and what is
 * shown until the worker is done is the previous order (of the previous
 * table, after a new one). Then the rows are announced the way GTK 4.8's
 * list views handle cheaply: over the rows of the items still alive, a
 * dozen rows each time the main loop is idle, the number of rows changing
 * at the end. "busy" is TRUE until all is announced. The name functions
 * are still called on the calling thread only. Without @background (the
 * default), every call has its result when it returns. */
void             lode_export_index_set_background (LodeExportIndex    *self,
                                                   gboolean            background);
/* The "busy" property: a sort or filter is under way, in a worker or
 * still being announced. */
gboolean         lode_export_index_get_busy       (LodeExportIndex    *self);

G_END_DECLS
