/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-currency.h"
#include "lode-enums.h"
#include "lode-item.h"

G_BEGIN_DECLS

/* The rate of one currency against the US dollar in one year, one month
 * or one fiscal year: how many units of the currency a dollar bought, with
 * its source (the State Bank of Pakistan's yearly average). The
 * portfolio's "exchange_rates" list holds them.
 *
 * The setters refuse, as a programming error, what lode-rules.h refuses,
 * and a month with a fiscal year: the model never holds a rate the reader
 * would not read.
 *
 * Properties, for lode_history_set_property(): "currency", "year",
 * "month", "period", "rate", "source", "note". */
#define LODE_TYPE_EXCHANGE_RATE (lode_exchange_rate_get_type ())
G_DECLARE_FINAL_TYPE (LodeExchangeRate, lode_exchange_rate, LODE, EXCHANGE_RATE, LodeItem)

LodeExchangeRate *lode_exchange_rate_new          (const char       *currency,
                                                   int               year,
                                                   LodeRate          rate);
/* ISO 4217 code, "PKR". */
const char       *lode_exchange_rate_get_currency (LodeExchangeRate *self);
void              lode_exchange_rate_set_currency (LodeExchangeRate *self,
                                                   const char       *currency);
/* For a fiscal year, the year it begins in (FY2024-25: 2024). */
int               lode_exchange_rate_get_year     (LodeExchangeRate *self);
void              lode_exchange_rate_set_year     (LodeExchangeRate *self,
                                                   int               year);
/* 1–12 for the rate of one month, 0 for a whole year. */
int               lode_exchange_rate_get_month    (LodeExchangeRate *self);
void              lode_exchange_rate_set_month    (LodeExchangeRate *self,
                                                   int               month);
/* LODE_PERIOD_KIND_FISCAL_YEAR for the rate of a fiscal year of the
 * portfolio (never with a month); else a calendar year. */
LodePeriodKind    lode_exchange_rate_get_period   (LodeExchangeRate *self);
void              lode_exchange_rate_set_period   (LodeExchangeRate *self,
                                                   LodePeriodKind    period);
/* Units of the currency per US dollar, in millionths (LodeRate): more
 * than 0, as lode_rule_rate() allows; 1 (LODE_RATE_SCALE) until set. */
LodeRate          lode_exchange_rate_get_rate     (LodeExchangeRate *self);
void              lode_exchange_rate_set_rate     (LodeExchangeRate *self,
                                                   LodeRate          rate);
/* Id of a LodeSource, or NULL. */
const char       *lode_exchange_rate_get_source   (LodeExchangeRate *self);
void              lode_exchange_rate_set_source   (LodeExchangeRate *self,
                                                   const char       *source);
/* What the rate is, in the source's words ("average of the year"), or
 * NULL. */
const char       *lode_exchange_rate_get_note     (LodeExchangeRate *self);
void              lode_exchange_rate_set_note     (LodeExchangeRate *self,
                                                   const char       *note);
JsonObject       *lode_exchange_rate_get_extra    (LodeExchangeRate *self);
void              lode_exchange_rate_set_extra    (LodeExchangeRate *self,
                                                   JsonObject       *extra);
LodeExchangeRate *lode_exchange_rate_copy         (LodeExchangeRate *self);

G_END_DECLS
