/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-money.h"

G_BEGIN_DECLS

/* What amounts in US dollars are shown after. */
#define _LODE_DOLLAR_PREFIX "$"

typedef char *(*LodeFormatHundredthsFunc) (const char *prefix,
                                           gint64      hundredths);

/* As lode_money_format_short() and lode_money_format_full(), for
 * hundredths of any currency shown after @prefix ("$", "PKR "). */
char *_lode_format_hundredths_short (const char *prefix,
                                     gint64      hundredths);
char *_lode_format_hundredths_full  (const char *prefix,
                                     gint64      hundredths);

G_END_DECLS
