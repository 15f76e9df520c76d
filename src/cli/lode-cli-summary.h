/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* The totals of a portfolio that `lode-cli summary` prints: counts, exports
 * (in all, by mineral, year, destination and stage), estimated reserves and
 * investment. */

/* For people: aligned columns, exact amounts. */
char *lode_cli_summary_to_text (LodePortfolio *portfolio);
/* One JSON object, amounts as decimal numbers, keys in a fixed order; @name
 * is the file as given on the command line. Ends with a newline. */
char *lode_cli_summary_to_json (LodePortfolio *portfolio,
                                const char    *name);

G_END_DECLS
