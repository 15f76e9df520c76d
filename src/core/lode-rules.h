/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules a value must follow to be stored in a portfolio, in one place:
 * the reader, the editors and lode-cli all call these, so that what an
 * editor accepts the file can hold, and a file Lode writes opens again.
 *
 * Each rule returns TRUE when the value may be stored. Otherwise it returns
 * FALSE and, when @why is not NULL, points it at a sentence for people,
 * translated, saying what is expected. */

#define LODE_YEAR_MIN  1800
#define LODE_YEAR_MAX  2200
#define LODE_JOBS_MAX  G_MAXINT32

/* An id: lowercase ASCII letters, digits and hyphens, starting with a
 * letter or digit. */
gboolean lode_rule_slug         (const char  *value,
                                 const char **why);
/* YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, a real date (year 1 or
 * later): no signs, spaces or other digits. */
gboolean lode_rule_date         (const char  *value,
                                 const char **why);
/* From LODE_YEAR_MIN to LODE_YEAR_MAX. */
gboolean lode_rule_year         (gint64       year,
                                 const char **why);
/* 1–12. */
gboolean lode_rule_month        (gint64       month,
                                 const char **why);
/* The month a fiscal year starts in: 1–12. */
gboolean lode_rule_fiscal_year_start (gint64       month,
                                      const char **why);
/* ISO 3166-1 alpha-2: two ASCII capital letters, user-assigned codes such
 * as XK and ZZ included. */
gboolean lode_rule_country_code (const char  *value,
                                 const char **why);
/* 2, 4 or 6 ASCII digits. */
gboolean lode_rule_hs_code      (const char  *value,
                                 const char **why);
/* ISO 4217 alphabetic code: three ASCII capital letters, known to
 * iso-codes when iso-codes is installed ("PKR", "CNY"). */
gboolean lode_rule_currency_code (const char  *value,
                                  const char **why);
/* The currency of an exchange rate: a currency code, not USD (rates are
 * against the US dollar). */
gboolean lode_rule_rate_currency (const char  *value,
                                  const char **why);
/* An exchange rate (LodeRate, millionths of a unit per US dollar): more
 * than 0, at most LODE_RATE_MAX. */
gboolean lode_rule_rate         (gint64       rate,
                                 const char **why);
/* An amount in another currency (hundredths): 0 to LODE_MONEY_MAX. */
gboolean lode_rule_original_amount (gint64    amount,
                                    const char **why);
/* A whole number of jobs from 0 to LODE_JOBS_MAX. */
gboolean lode_rule_jobs         (gint64       jobs,
                                 const char **why);
/* A finite number, 0 or more. */
gboolean lode_rule_quantity     (double       quantity,
                                 const char **why);
/* A share of a project, from 0 to 1. */
gboolean lode_rule_share        (double       share,
                                 const char **why);
/* A change on the year before as a fraction: finite, -1 (all of it
 * gone) or more. */
gboolean lode_rule_change       (double       change,
                                 const char **why);
/* A name or title people can read: valid UTF-8 with at least one character
 * that is neither white space nor invisible (zero-width spaces and other
 * format characters). Stricter than the reader, which only needs a
 * non-empty string, so that an editor never stores a name nobody sees. */
gboolean lode_rule_name         (const char  *value,
                                 const char **why);

G_END_DECLS
