/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-periods.h"
#include "lode-portfolio.h"

G_BEGIN_DECLS

/* The totals of a portfolio that `lode-cli summary` prints: counts, exports
 * (in all, by mineral, year, destination and stage), estimated reserves and
 * investment. */

/* For people: aligned columns, exact amounts. With @fiscal_year_start
 * other than 1 (January) the exports by year are by fiscal year, and the
 * records of a whole year, which no fiscal year holds, are counted. With
 * @converter (may be NULL), the exports again in its currency, and the
 * years that have no rate. */
char *lode_cli_summary_to_text (LodePortfolio *portfolio,
                                int            fiscal_year_start,
                                LodeConverter *converter);
/* One JSON object, amounts as decimal numbers, keys in a fixed order; @name
 * is the file as given on the command line. Ends with a newline. */
char *lode_cli_summary_to_json (LodePortfolio *portfolio,
                                int            fiscal_year_start,
                                LodeConverter *converter,
                                const char    *name);

/* `lode-cli compare`: the exports of two periods side by side by mineral,
 * destination, stage and HS code, as text, JSON (as for the summary) or
 * CSV (one line for each row of each group). */
/* With @converter (may be NULL), the exports also in its currency. */
char *lode_cli_compare_to_text (LodePortfolio    *portfolio,
                                const LodePeriod *first,
                                const LodePeriod *second,
                                LodeConverter    *converter);
char *lode_cli_compare_to_json (LodePortfolio    *portfolio,
                                const LodePeriod *first,
                                const LodePeriod *second,
                                LodeConverter    *converter,
                                const char       *name);
char *lode_cli_compare_to_csv  (LodePortfolio    *portfolio,
                                const LodePeriod *first,
                                const LodePeriod *second);

G_END_DECLS
