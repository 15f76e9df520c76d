/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is kept exactly, as a count of US cents. */
typedef gint64 LodeMoney;

/* An optional amount that is absent. */
#define LODE_MONEY_UNSET ((LodeMoney) -1)
/* The largest amount Lode accepts: 70 trillion dollars. Up to here (2^46
 * dollars) a double read from JSON still tells every cent apart. */
#define LODE_MONEY_MAX   ((LodeMoney) 7000000000000000)

typedef enum
{
  LODE_MONEY_OK,
  LODE_MONEY_NOT_FINITE,
  LODE_MONEY_NEGATIVE,
  LODE_MONEY_TOO_LARGE,
  LODE_MONEY_TOO_PRECISE,
} LodeMoneyCheck;

/* Converts a number read from JSON to cents. A double converts when it is the
 * double closest to an amount with at most two decimals. */
LodeMoneyCheck lode_money_from_double  (double     value,
                                        LodeMoney *cents);
double         lode_money_to_double    (LodeMoney  cents);
/* "1140000000.25", "2000000000", "0.05": the JSON text of an amount. */
char          *lode_money_to_json      (LodeMoney  cents);
void           lode_money_append_json  (GString   *out,
                                        LodeMoney  cents);
/* "$1.14 B", "$14.16 M", "$950 K", "$12.50": a short form for people, with
 * the decimal point of the current LC_NUMERIC. */
char          *lode_money_format_short (LodeMoney  cents);
/* "$1,140,000,000.25": the exact figure for people, grouped as the current
 * LC_NUMERIC groups digits (English conventions in the C locale). */
char          *lode_money_format_full  (LodeMoney  cents);
/* "1,000,000": a count for people, its digits grouped as the current
 * LC_NUMERIC groups them (English conventions in the C locale), as
 * lode_money_format_full() groups dollars. */
char          *lode_format_count       (guint64    count);

G_END_DECLS
