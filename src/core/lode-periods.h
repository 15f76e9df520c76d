/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lode-export-table.h"

G_BEGIN_DECLS

/* Periods of a year's length that export records are counted in: calendar
 * years, or fiscal years that begin in another month (July in Pakistan:
 * FY2024-25 runs from July 2024 to June 2025).
 *
 * A record of one month falls into exactly one fiscal year. A record of a
 * whole calendar year falls into a calendar year only: with a fiscal year
 * that does not begin in January it straddles two fiscal years and is never
 * split between them, but counted as a record that could not be placed. */

typedef struct
{
  int  first_year;   /* the year the period begins in */
  int  start_month;  /* 1 for a calendar year, else 2–12 */
} LodePeriod;

#define LODE_PERIOD_ERROR (lode_period_error_quark ())

typedef enum
{
  LODE_PERIOD_ERROR_INVALID,   /* text that names no period */
  LODE_PERIOD_ERROR_NO_FISCAL, /* a fiscal year while the year starts in January */
} LodePeriodError;

GQuark   lode_period_error_quark  (void);

/* The period of @start_month (1–12) that the month @month (1–12) of @year
 * falls into. */
void     lode_period_of_month     (int          year,
                                   int          month,
                                   int          start_month,
                                   LodePeriod  *period);
/* TRUE and @period set when a record of @year and @month (0: the whole
 * year) can be placed in a period of @start_month; FALSE for a whole year
 * while @start_month is not January. */
gboolean lode_period_place        (int          year,
                                   int          month,
                                   int          start_month,
                                   LodePeriod  *period);
/* As lode_period_place() for an export record: a record of a fiscal year
 * (row->period, without a month) is placed in its fiscal year of
 * @fiscal_year_start when @start_month is that month (or when
 * @fiscal_year_start is January, in its calendar year), and is unplaced in
 * any other view. */
gboolean lode_period_place_row    (const LodeExportRow *row,
                                   int          fiscal_year_start,
                                   int          start_month,
                                   LodePeriod  *period);
/* The name of @month (1–12), as the locale writes it standing alone:
 * "July". */
char    *lode_period_month_name   (int          month);
gboolean lode_period_equal        (const LodePeriod *a,
                                   const LodePeriod *b);
/* "2024" for a calendar year, "FY2024-25" (translated) for a fiscal one. */
char    *lode_period_to_string    (const LodePeriod *period);
/* Reads "2024" (a calendar year), "FY2024-25", "2024-25" or the name
 * lode_period_to_string() gives (a fiscal year beginning in
 * @start_month). Leading and trailing white space is ignored. */
gboolean lode_period_parse        (const char  *text,
                                   int          start_month,
                                   LodePeriod  *period,
                                   GError     **error);

/* The total of the records in one period. */
typedef struct
{
  LodePeriod period;
  guint      count;
  LodeMoney  value;     /* cents, exact */
} LodePeriodTotal;

typedef struct
{
  GArray    *totals;          /* LodePeriodTotal, oldest first */
  guint      n_unplaced;      /* records of a whole year that no period holds */
  LodeMoney  unplaced_value;
} LodePeriodTotals;

/* The totals of @table's records by period of @start_month (1–12). Free
 * with lode_period_totals_free(). */
LodePeriodTotals *lode_period_totals_new  (LodeExportTable  *table,
                                           int               start_month);
void              lode_period_totals_free (LodePeriodTotals *totals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodePeriodTotals, lode_period_totals_free)

G_END_DECLS
