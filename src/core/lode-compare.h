/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-currency.h"
#include "lode-periods.h"
#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Two periods side by side: the exports of each by mineral, destination,
 * stage or HS code, and how they changed from the first to the second. */

typedef struct
{
  const char *key;           /* a mineral id, country code, stage nick or HS code; NULL for none */
  guint       count[2];      /* records in the first and the second period */
  LodeMoney   value[2];      /* cents */
  LodeMoney   change;        /* value[1] - value[0] */
  gboolean    has_percent;   /* FALSE when the first value is 0 */
  double      percent;       /* the change in percent of the first value */
  /* After lode_comparison_convert(): the values in its currency, of the
   * records that have a rate, and how many have none. */
  LodeAmount  amount[2];
  guint       n_missing[2];
} LodeCompareRow;

typedef enum
{
  LODE_COMPARE_SORT_KEY,
  LODE_COMPARE_SORT_FIRST,
  LODE_COMPARE_SORT_SECOND,
  LODE_COMPARE_SORT_CHANGE,
  LODE_COMPARE_SORT_PERCENT,
} LodeCompareSort;

typedef struct
{
  LodeExportField field;     /* never LODE_EXPORT_FIELD_YEAR */
  LodePeriod      periods[2];
  GArray         *rows;      /* LodeCompareRow */
  guint           count[2];  /* all the records of each period */
  LodeMoney       value[2];
  /* Records of a whole year that overlap a fiscal period and so are in
   * neither side: they are said, not split. */
  guint           n_unplaced[2];
  LodeMoney       unplaced_value[2];
  /* After lode_comparison_convert(): its currency (else NULL), and the
   * whole periods in it. */
  char           *currency;
  LodeAmount      amount[2];
  guint           n_missing[2];
} LodeComparison;

/* The exports of @table in @first and @second by @field, largest change
 * first. Free with lode_comparison_free(). */
LodeComparison *lode_comparison_new        (LodeExportTable  *table,
                                            LodeExportField   field,
                                            const LodePeriod *first,
                                            const LodePeriod *second);
void            lode_comparison_free       (LodeComparison   *self);
/* Gives every row, and the whole periods, in @converter's currency too:
 * each record at its own rate, each total rounded once; records without
 * a rate are counted in n_missing, and their years noted by @converter.
 * @table is the one @self was made from. FALSE when an amount does not
 * fit in a LodeAmount. */
gboolean        lode_comparison_convert    (LodeComparison   *self,
                                            LodeExportTable  *table,
                                            LodeConverter    *converter);
/* Sorts the rows by @column. Rows without a percent come last whichever
 * way percents are sorted; ties go by key. */
void            lode_comparison_sort       (LodeComparison   *self,
                                            LodeCompareSort   column,
                                            gboolean          descending);
/* The name of a field as CSV and JSON spell it: "mineral", "destination",
 * "stage", "hs_code". */
const char     *lode_comparison_field_name (LodeExportField   field);
/* Appends the header line of lode_comparison_append_csv(). */
void            lode_comparison_append_csv_header (GString    *out);
/* As lode_comparison_append_csv_header(), for values in the currency
 * @code: "first_value_pkr", "second_value_pkr", "change_pkr". */
void            lode_comparison_append_csv_header_in (GString    *out,
                                                      const char *code);
/* Appends the line of @row as lode_comparison_append_csv() does, with
 * @values the two sides' amounts in hundredths of the currency of the
 * header; a side without @has_value (no rate) leaves its cell, the
 * change and the percent empty. */
void            lode_comparison_append_csv_row (LodeComparison       *self,
                                                LodePortfolio        *portfolio,
                                                const LodeCompareRow *row,
                                                const gint64          values[2],
                                                const gboolean        has_value[2],
                                                GString              *out);
/* Appends one CSV line per row: by, key, name (of a mineral in
 * @portfolio, else empty), the two periods' names, records and values in
 * US dollars of each, the change in dollars and in percent (empty when
 * there is none). */
void            lode_comparison_append_csv (LodeComparison   *self,
                                            LodePortfolio    *portfolio,
                                            GString          *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeComparison, lode_comparison_free)

G_END_DECLS
