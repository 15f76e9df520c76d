/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-portfolio-io.h"

G_BEGIN_DECLS

/* The content errors of a load, as data: where each is (a JSON Pointer)
 * and what kind of problem it is. The messages people read are translated;
 * code that acts on the errors, such as the salvage of a draft, reads these
 * instead, so that it works the same in every language. */

typedef enum
{
  LODE_LOAD_PROBLEM_MISSING,          /* a required member is absent or null */
  LODE_LOAD_PROBLEM_EMPTY,            /* a required string is "" */
  LODE_LOAD_PROBLEM_TYPE,             /* a string, number, object or array was expected */
  LODE_LOAD_PROBLEM_RULE,             /* the member's rule (lode-rules.h) refuses the value */
  LODE_LOAD_PROBLEM_CHOICE,           /* not one of an enumeration's names; detail: those names */
  LODE_LOAD_PROBLEM_DUPLICATE_ID,     /* an item before it has the same id */
  LODE_LOAD_PROBLEM_REFERENCE,        /* names a mineral or source not in the file; detail: the id */
  LODE_LOAD_PROBLEM_NEEDS_UNIT,       /* a quantity without its unit */
  LODE_LOAD_PROBLEM_BEFORE_BASELINE,  /* a target year not after the baseline year */
  LODE_LOAD_PROBLEM_BELOW_LOW,        /* a target's high_usd below its low_usd */
  LODE_LOAD_PROBLEM_CURRENCY,         /* a currency other than USD */
  LODE_LOAD_PROBLEM_FORMAT,           /* the document is not a Lode portfolio at all */
  LODE_LOAD_PROBLEM_VERSION,          /* not a format version this Lode reads */
  LODE_LOAD_PROBLEM_DUPLICATE_RATE,   /* a second exchange rate of one currency and period */
} LodeLoadProblemKind;

typedef struct
{
  LodeLoadProblemKind  kind;
  char                *pointer;  /* "" for the document itself */
  char                *detail;   /* see the kinds; NULL otherwise */
  char                *message;  /* for people, translated, without the name and pointer */
} LodeLoadProblem;

LodeLoadProblem *_lode_load_problem_new  (LodeLoadProblemKind     kind,
                                          const char             *pointer,
                                          const char             *detail,
                                          char                   *message);
LodeLoadProblem *_lode_load_problem_copy (const LodeLoadProblem  *problem);
void             _lode_load_problem_free (LodeLoadProblem        *problem);

/* As lode_portfolio_load_data(). When the content is refused
 * (LODE_PORTFOLIO_ERROR_INVALID), @problems (may be NULL) receives the
 * problems the message lists, LodeLoadProblem each, in its order, and
 * @n_problems (may be NULL) how many there are in all: more than
 * @problems holds when the message ends in "… and N more errors".
 * Otherwise @problems is NULL and @n_problems 0. */
LodePortfolio *_lode_portfolio_load_data_with_problems (const char   *data,
                                                        gsize         length,
                                                        const char   *name,
                                                        GPtrArray   **problems,
                                                        guint        *n_problems,
                                                        GError      **error);

G_END_DECLS
