/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lode-enums.h"
#include "lode-money.h"

G_BEGIN_DECLS

/* Export records, stored in columns: a million records take tens of bytes
 * each, not a GObject each. The table is a GListModel of LodeExportRecord
 * whose items are made when asked for. */

#define LODE_QUANTITY_UNSET (-1.0)

/* One record, as plain values. Strings are interned by the table: they live
 * as long as it does, and equal strings are the same pointer. */
typedef struct
{
  const char *mineral;       /* mineral id, never NULL */
  int         year;
  int         month;         /* 1–12, or 0 for the whole year */
  const char *destination;   /* ISO 3166-1 alpha-2, or NULL */
  const char *hs_code;       /* or NULL */
  LodeStage   stage;         /* LODE_STAGE_UNKNOWN when absent */
  double      quantity;      /* LODE_QUANTITY_UNSET when absent */
  LodeUnit    unit;          /* LODE_UNIT_NONE when absent */
  LodeMoney   value;         /* cents */
  const char *source;        /* source id, or NULL */
  /* What the year of a record without a month stands for: a record of a
   * fiscal year (of the table's fiscal_year_start, named by the year it
   * begins in) is placed in that fiscal year. LODE_PERIOD_KIND_UNKNOWN
   * (0) when the file does not say; never set with a month. */
  LodePeriodKind period;
  /* The amount as entered in another currency: ISO 4217 code (interned),
   * or NULL when the record keeps none; then original_amount, in
   * hundredths of that currency, is not looked at. */
  const char *original_currency;
  LodeMoney   original_amount;
} LodeExportRow;

/* TRUE when the file can hold @row (the rules of lode-rules.h): the
 * history refuses any other, so that a portfolio Lode saves always opens
 * again. The table itself stores what it is given. */
gboolean lode_export_row_is_valid (const LodeExportRow *row);

typedef enum
{
  LODE_EXPORT_FIELD_MINERAL,
  LODE_EXPORT_FIELD_YEAR,
  LODE_EXPORT_FIELD_DESTINATION,
  LODE_EXPORT_FIELD_STAGE,
  LODE_EXPORT_FIELD_HS_CODE,
} LodeExportField;

/* @row's key in totals and comparisons by @field: its mineral, destination
 * or HS code, or its stage's nick; NULL when unknown, and for
 * LODE_EXPORT_FIELD_YEAR (years are numbers). */
const char *lode_export_row_get_key (const LodeExportRow *row,
                                     LodeExportField      field);

/* A total over the records that share one key. */
typedef struct
{
  const char *key;           /* interned; for years the decimal text; NULL for "unknown" */
  int         year;          /* for LODE_EXPORT_FIELD_YEAR */
  guint       count;
  LodeMoney   value;
} LodeExportTotal;

#define LODE_TYPE_EXPORT_TABLE (lode_export_table_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportTable, lode_export_table, LODE, EXPORT_TABLE, GObject)

LodeExportTable *lode_export_table_new           (void);
guint            lode_export_table_get_n_rows    (LodeExportTable     *self);
void             lode_export_table_get_row       (LodeExportTable     *self,
                                                  guint                position,
                                                  LodeExportRow       *row);
/* Returns the interned copy of @str (NULL for NULL). */
const char      *lode_export_table_intern        (LodeExportTable     *self,
                                                  const char          *str);
/* Reserves room for @n_rows rows, so a large load grows its columns once. */
void             lode_export_table_reserve       (LodeExportTable     *self,
                                                  guint                n_rows);
/* Adds a row at the end without emitting items-changed; for loaders, which
 * announce the rows once with lode_export_table_announce(). */
void             lode_export_table_append_silent (LodeExportTable     *self,
                                                  const LodeExportRow *row);
void             lode_export_table_announce      (LodeExportTable     *self,
                                                  guint                position,
                                                  guint                removed,
                                                  guint                added);
void             lode_export_table_insert        (LodeExportTable     *self,
                                                  guint                position,
                                                  const LodeExportRow *row);
void             lode_export_table_append        (LodeExportTable     *self,
                                                  const LodeExportRow *row);
void             lode_export_table_replace       (LodeExportTable     *self,
                                                  guint                position,
                                                  const LodeExportRow *row);
void             lode_export_table_remove        (LodeExportTable     *self,
                                                  guint                position,
                                                  guint                n_rows);
/* Unknown members of one record; NULL for most. */
JsonObject      *lode_export_table_get_extra     (LodeExportTable     *self,
                                                  guint                position);
void             lode_export_table_set_extra     (LodeExportTable     *self,
                                                  guint                position,
                                                  JsonObject          *extra);
/* Exact sum of all values, in cents. */
LodeMoney        lode_export_table_get_total     (LodeExportTable     *self);
/* Totals grouped by @field, largest value first (years: oldest first).
 * Returns a GArray of LodeExportTotal. */
GArray          *lode_export_table_aggregate     (LodeExportTable     *self,
                                                  LodeExportField      field);
/* The month (1–12) the fiscal years of records of LODE_PERIOD_KIND_FISCAL_YEAR
 * begin in: the portfolio's fiscal_year_start, which the portfolio keeps
 * here. 1 by default. */
int              lode_export_table_get_fiscal_year_start (LodeExportTable *self);
void             lode_export_table_set_fiscal_year_start (LodeExportTable *self,
                                                          int              month);
/* Bytes used by the columns, for benchmarks. */
gsize            lode_export_table_get_memory    (LodeExportTable     *self);

/* The row items of the list model: a snapshot of one record. */
#define LODE_TYPE_EXPORT_RECORD (lode_export_record_get_type ())
G_DECLARE_FINAL_TYPE (LodeExportRecord, lode_export_record, LODE, EXPORT_RECORD, GObject)

guint                lode_export_record_get_position (LodeExportRecord *self);
const LodeExportRow *lode_export_record_get_row      (LodeExportRecord *self);

G_END_DECLS
