/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lode-export-table.h"
#include "lode-money.h"
#include "lode-periods.h"

G_BEGIN_DECLS

/* Currencies other than the US dollar, for showing amounts in them.
 *
 * Money stays stored in US cents. A rate says how many units of a
 * currency one US dollar bought; it is kept exactly, as a count of
 * millionths of a unit (LodeRate), and written in the file as a decimal
 * string ("278.8313"). An amount in a currency is a count of hundredths of
 * its unit (LodeAmount), whatever the currency's own minor unit.
 *
 * Converting multiplies cents by the rate exactly (in 128 bits) and
 * rounds once, to the nearest hundredth, halves away from zero. A total is
 * the exact sum of its records' exact products, rounded once: it never
 * depends on the order of the records or on how they are grouped, and may
 * differ by a few hundredths from the sum of the rounded amounts of its
 * records.
 *
 * Which rate a record takes (never a guess; a record without one is
 * counted as missing, by year):
 * - a record of one month: the rate of that month, else of its calendar
 *   year;
 * - a record of a calendar year: the rate of that year;
 * - a record of a fiscal year: the rate of that fiscal year, else of the
 *   calendar year it begins in. */

/* Units of a currency per US dollar, in millionths. */
typedef gint64 LodeRate;
/* An amount in a currency, in hundredths of its unit. */
typedef gint64 LodeAmount;

#define LODE_RATE_SCALE  ((LodeRate) 1000000)
#define LODE_RATE_DIGITS 6
/* The largest rate Lode accepts: a billion units per dollar. */
#define LODE_RATE_MAX    ((LodeRate) 1000000000 * LODE_RATE_SCALE)

/* The code of the currency amounts are stored in. */
#define LODE_CURRENCY_USD "USD"

/* Reads a rate written as a decimal: ASCII digits with at most one point
 * and LODE_RATE_DIGITS decimals, no sign or exponent ("278.8313", "7.1",
 * "150"). FALSE, with @why pointing at a translated sentence, for any other
 * text and for rates the rules refuse (lode_rule_rate()). */
gboolean    lode_rate_parse          (const char  *text,
                                      LodeRate    *rate,
                                      const char **why);
/* The shortest decimal of @rate: "278.8313", "150". */
char       *lode_rate_to_string      (LodeRate     rate);
/* As lode_rate_to_string(), with the decimal point and grouping of the
 * current LC_NUMERIC, for people. */
char       *lode_rate_format         (LodeRate     rate);

/* TRUE when iso-codes knows @code as an ISO 4217 currency (or, when
 * iso-codes is missing, for any code the rules accept). */
gboolean    lode_currency_is_known   (const char  *code);
/* The translated name of the currency ("Pakistan Rupee"), or NULL when
 * iso-codes does not know it. */
const char *lode_currency_name       (const char  *code);
/* The codes iso-codes knows, sorted by translated name; NULL-terminated,
 * owned by Lode. */
const char * const *lode_currency_codes (void);

/* "PKR 1,140,000,000.25": the exact figure for people, its digits grouped
 * as the current LC_NUMERIC groups them; with @code "USD", the same as
 * lode_money_format_full(). */
char       *lode_amount_format_full  (const char  *code,
                                      LodeAmount   amount);
/* "PKR 1.14 B", "PKR 950 K": a short form, as lode_money_format_short(). */
char       *lode_amount_format_short (const char  *code,
                                      LodeAmount   amount);
/* "1140000000.25": the JSON (and CSV) text of an amount. */
char       *lode_amount_to_json      (LodeAmount   amount);

/* An exact sum of converted amounts, in hundredths of a unit times
 * LODE_RATE_SCALE; 128 bits, so that no sum of a portfolio overflows. */
typedef struct
{
  guint64 high;
  guint64 low;
} LodeAmountSum;

#define LODE_AMOUNT_SUM_INIT { 0, 0 }

/* Adds @cents converted at @rate, exactly. */
void        lode_amount_sum_add      (LodeAmountSum       *sum,
                                      LodeMoney            cents,
                                      LodeRate             rate);
void        lode_amount_sum_add_sum  (LodeAmountSum       *sum,
                                      const LodeAmountSum *other);
/* Takes @other off @sum, never below zero: commitments net of
 * withdrawals. */
void        lode_amount_sum_subtract (LodeAmountSum       *sum,
                                      const LodeAmountSum *other);
/* The sum rounded to the hundredth, halves away from zero. FALSE when it
 * does not fit in a LodeAmount. */
gboolean    lode_amount_sum_round    (const LodeAmountSum *sum,
                                      LodeAmount          *amount);

#define LODE_CURRENCY_ERROR (lode_currency_error_quark ())

typedef enum
{
  LODE_CURRENCY_ERROR_NO_RATE,    /* "no rate for 2022" */
  LODE_CURRENCY_ERROR_TOO_LARGE,  /* an amount beyond a LodeAmount */
  LODE_CURRENCY_ERROR_NO_PERIOD,  /* an amount of no year: kept in USD */
} LodeCurrencyError;

GQuark      lode_currency_error_quark (void);

/* The rates of one currency from a list of LodeExchangeRate, ready to
 * convert. A snapshot: later changes to the list are not seen. For "USD"
 * every conversion is exact and no rate is missing. It notes the years it
 * found no rate for, so it is used from one thread at a time (a worker
 * may take one made on the main thread). */
typedef struct _LodeConverter LodeConverter;

/* @rates: a GListModel of LodeExchangeRate (the portfolio's); @code: an
 * ISO 4217 code; @fiscal_year_start: the month (1–12) the portfolio's
 * fiscal years begin in, for rates and records of fiscal years. */
LodeConverter *lode_converter_new          (GListModel     *rates,
                                            const char     *code,
                                            int             fiscal_year_start);
LodeConverter *lode_converter_ref          (LodeConverter  *self);
void           lode_converter_unref        (LodeConverter  *self);
const char    *lode_converter_get_code     (LodeConverter  *self);
/* The rate a record of @year, @month (0: a whole year) and @period takes,
 * as the rules above say. FALSE when there is none. */
gboolean       lode_converter_get_rate     (LodeConverter  *self,
                                            int             year,
                                            int             month,
                                            LodePeriodKind  period,
                                            LodeRate       *rate);
/* Converts @cents of a record of @year, @month and @period. On a missing
 * rate sets @error (LODE_CURRENCY_ERROR_NO_RATE, "No rate for 2022") and
 * notes the year as missing. */
gboolean       lode_converter_convert      (LodeConverter  *self,
                                            LodeMoney       cents,
                                            int             year,
                                            int             month,
                                            LodePeriodKind  period,
                                            LodeAmount     *amount,
                                            GError        **error);
/* Converts @amount, in hundredths of the converter's currency, of a
 * record of @year, @month and @period to US cents: for an amount entered
 * in another currency. Rounds once to the cent, halves away from zero. */
gboolean       lode_converter_to_usd       (LodeConverter  *self,
                                            LodeAmount      amount,
                                            int             year,
                                            int             month,
                                            LodePeriodKind  period,
                                            LodeMoney      *cents,
                                            GError        **error);
/* Adds @cents of a record of @year, @month and @period to @sum at its
 * rate; FALSE (and the year noted as missing) when it has none. */
gboolean       lode_converter_add          (LodeConverter  *self,
                                            LodeMoney       cents,
                                            int             year,
                                            int             month,
                                            LodePeriodKind  period,
                                            LodeAmountSum  *sum);
/* The year and month (0 for a whole year) of a date "2024", "2024-03" or
 * "2024-03-15", whose rate an amount of that date takes: the month's,
 * else its calendar year's. FALSE for NULL or any other text. */
gboolean       lode_date_get_period        (const char     *date,
                                            int            *year,
                                            int            *month);
/* As lode_converter_convert(), for an amount of @date (an investment's).
 * Without a date, LODE_CURRENCY_ERROR_NO_PERIOD: the amount stays in US
 * dollars, and no year is noted as missing. */
gboolean       lode_converter_convert_date (LodeConverter  *self,
                                            LodeMoney       cents,
                                            const char     *date,
                                            LodeAmount     *amount,
                                            GError        **error);
/* As lode_converter_add(), for an amount of @date; FALSE without a date
 * (nothing noted) or without a rate (its year noted). */
gboolean       lode_converter_add_date     (LodeConverter  *self,
                                            LodeMoney       cents,
                                            const char     *date,
                                            LodeAmountSum  *sum);
/* Adds the value of @row to @sum at its rate; FALSE (and the year noted
 * as missing) when it has none. */
gboolean       lode_converter_add_row      (LodeConverter       *self,
                                            const LodeExportRow *row,
                                            LodeAmountSum       *sum);
/* The years of records that found no rate so far, oldest first: a GArray
 * of int, owned by the converter. */
GArray        *lode_converter_get_missing  (LodeConverter  *self);
/* "No rate for 2022", "No rate for 2021, 2022", translated; NULL when no
 * rate was missing. */
char          *lode_converter_describe_missing (LodeConverter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeConverter, lode_converter_unref)

/* A total in a currency of the records of one group. */
typedef struct
{
  guint         count;        /* the records of the group */
  guint         n_missing;    /* of which found no rate, left out of amount */
  LodeMoney     value_missing; /* their value in cents */
  LodeAmount    amount;       /* the others', rounded once */
} LodeConvertedTotal;

/* The exports of @table by period of @start_month (as
 * lode_period_totals_new()) converted: a GArray of LodeConvertedTotal,
 * parallel to @totals->totals, which it was made from. */
GArray        *lode_converter_period_totals (LodeConverter          *self,
                                             LodeExportTable        *table,
                                             const LodePeriodTotals *totals,
                                             int                     start_month);
/* The exact total of every record of @table, converted; the records
 * without a rate are counted in @total->n_missing. FALSE when the amount
 * does not fit in a LodeAmount. */
gboolean       lode_converter_table_total   (LodeConverter          *self,
                                             LodeExportTable        *table,
                                             LodeConvertedTotal     *total);
/* The totals of lode_export_table_aggregate() (@field, in the same order:
 * a GArray of LodeExportTotal) converted: a GArray of LodeConvertedTotal,
 * parallel to it. */
GArray        *lode_converter_aggregate     (LodeConverter          *self,
                                             LodeExportTable        *table,
                                             LodeExportField         field,
                                             GArray                 *totals);

G_END_DECLS
