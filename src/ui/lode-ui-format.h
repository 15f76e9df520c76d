/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lode-countries.h"
#include "lode-currency.h"
#include "lode-enums.h"
#include "lode-money.h"
#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Words for the enumerations of the file format, as people read them. */
const char *lode_format_mineral_group  (LodeMineralGroup  group);
const char *lode_format_stage          (LodeStage         stage);
const char *lode_format_project_status (LodeProjectStatus status);
/* "Announced or MoU", "Agreement signed", "Committed" … */
const char *lode_format_investment_kind (LodeInvestmentKind kind);
/* "March"; NULL for 0 (the whole year). */
const char *lode_format_month          (int               month);
/* "1,200.5 t"; NULL when @quantity is unset. */
char       *lode_format_quantity       (double            quantity,
                                        LodeUnit          unit);
/* An amount as the "compact-figures" preference asks: "$1.14 B" or
 * "$1,140,000,000.00". Connect to "changed::compact-figures" of
 * lode_settings_get () to redraw when it changes. */
char       *lode_format_money          (LodeMoney         cents);
/* An amount in the currency @code as lode_format_money() shows one in
 * US dollars: "PKR 1.14 B" or "PKR 1,140,000,000.00", isolated. */
char       *lode_format_amount         (const char       *code,
                                        LodeAmount        amount);
/* A total converted to @code as lode_format_amount() shows it, or "—"
 * when none of its records had a rate. */
char       *lode_format_converted_total (const char               *code,
                                         const LodeConvertedTotal *total);
/* A converter of @portfolio's rates to @code, or NULL for US dollars
 * (and without a portfolio): amounts stay in cents. */
LodeConverter *lode_converter_for_portfolio (LodePortfolio *portfolio,
                                             const char    *code);
/* Takes @text, a figure such as "$1.14 B" or "24.6 %", and returns it
 * isolated left to right when the interface is right to left, so that it
 * keeps its order inside an Urdu sentence. */
char       *lode_format_ltr            (char             *text);
/* "$6 B" or "$6 B–$8 B" when @high differs from @low. */
char       *lode_format_money_range    (LodeMoney         low,
                                        LodeMoney         high);

G_END_DECLS

G_BEGIN_DECLS

/* Reads an amount people typed ("1140000000.25", "1,200"); on failure
 * returns FALSE and sets @why to a sentence saying what is wrong. */
gboolean    lode_parse_money           (const char       *text,
                                        LodeMoney        *cents,
                                        const char      **why);
/* Reads a non-negative quantity; empty text gives LODE_QUANTITY_UNSET
 * (-1). */
gboolean    lode_parse_quantity        (const char       *text,
                                        double           *quantity,
                                        const char      **why);
/* Reads a year that lode_rule_year() accepts. */
gboolean    lode_parse_year            (const char       *text,
                                        int              *year,
                                        const char      **why);
/* Reads a count of jobs that lode_rule_jobs() accepts. */
gboolean    lode_parse_jobs            (const char       *text,
                                        gint64           *jobs,
                                        const char      **why);
/* What people type, as the parsers above read it: every decimal digit
 * (full-width ０–９, Arabic-Indic ٠–٩ and ۰–۹ …) as its ASCII digit, the
 * Arabic and full-width separators, signs and percent as their ASCII
 * forms, zero-width characters and bidi marks dropped, any space as a
 * space, white space stripped at both ends. */
char       *lode_parse_normalize       (const char       *text);
/* What people type ("1,200.5"; "1.200,5" in German; "1,5" is one and a
 * half in any locale) in JSON's notation ("1200.5"), or NULL when the
 * separators do not make one number. Digits and signs as
 * lode_parse_normalize() reads them; '$', '_' and spaces are dropped. */
char       *lode_parse_decimal         (const char       *text);
/* @number in the fewest significant digits (15 to 17) that read back as
 * exactly @number, with the locale's decimal mark: "0.12345678901234567",
 * "0,5" in German. The parsers above read it back as the same number. */
char       *lode_format_number_exact   (double            number);
/* An amount as an editor shows it for editing: "1140000000.25", or
 * "1140000000,25" in German; lode_parse_money() reads it back. */
char       *lode_format_money_editable (LodeMoney         cents);
/* Replaces JSON's decimal point in @text, in place, with the locale's
 * decimal mark; returns @text. */
char       *lode_localize_decimal_mark (char             *text);

G_END_DECLS

G_BEGIN_DECLS

const char *lode_format_reserve_category (LodeReserveCategory category);

G_END_DECLS
