/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-item.h"

#include "lode-enums.h"
#include "lode-money.h"

G_BEGIN_DECLS

/* A national target: a metric (exports, optionally of one mineral to one
 * destination; or investment, committed or disbursed, optionally of the
 * investors of one country) that is to grow from a baseline to a range.
 * A target on investment may have no baseline (baseline year 0, value
 * LODE_MONEY_UNSET: counted from nothing) and no deadline (target year
 * 0). */
#define LODE_TYPE_TARGET (lode_target_get_type ())
G_DECLARE_FINAL_TYPE (LodeTarget, lode_target, LODE, TARGET, LodeItem)

typedef enum
{
  LODE_TARGET_EXTRA_SELF,
  LODE_TARGET_EXTRA_METRIC,
  LODE_TARGET_EXTRA_BASELINE,
  LODE_TARGET_EXTRA_TARGET,
} LodeTargetExtra;

LodeTarget     *lode_target_new                    (const char     *id,
                                                    const char     *title);
const char     *lode_target_get_id                 (LodeTarget     *self);
void            lode_target_set_id                 (LodeTarget     *self,
                                                    const char     *id);
const char     *lode_target_get_title              (LodeTarget     *self);
void            lode_target_set_title              (LodeTarget     *self,
                                                    const char     *title);
LodeMetricKind  lode_target_get_metric_kind        (LodeTarget     *self);
void            lode_target_set_metric_kind        (LodeTarget     *self,
                                                    LodeMetricKind  kind);
/* Mineral id or NULL (all minerals). */
const char     *lode_target_get_metric_mineral     (LodeTarget     *self);
void            lode_target_set_metric_mineral     (LodeTarget     *self,
                                                    const char     *mineral);
/* ISO 3166-1 alpha-2 code or NULL (all destinations). */
const char     *lode_target_get_metric_destination (LodeTarget     *self);
void            lode_target_set_metric_destination (LodeTarget     *self,
                                                    const char     *destination);
/* For an investment metric: LODE_INVESTMENT_KIND_COMMITTED (the default)
 * or LODE_INVESTMENT_KIND_DISBURSED. Property "metric-investment". */
LodeInvestmentKind lode_target_get_metric_investment (LodeTarget   *self);
void            lode_target_set_metric_investment  (LodeTarget     *self,
                                                    LodeInvestmentKind kind);
/* For an investment metric: ISO 3166-1 alpha-2 code of the investors'
 * country, or NULL (all investors). Property "metric-investor-country". */
const char     *lode_target_get_metric_investor_country (LodeTarget *self);
void            lode_target_set_metric_investor_country (LodeTarget *self,
                                                         const char *country);
int             lode_target_get_baseline_year      (LodeTarget     *self);
void            lode_target_set_baseline_year      (LodeTarget     *self,
                                                    int             year);
LodeMoney       lode_target_get_baseline_value     (LodeTarget     *self);
void            lode_target_set_baseline_value     (LodeTarget     *self,
                                                    LodeMoney       value);
int             lode_target_get_target_year        (LodeTarget     *self);
void            lode_target_set_target_year        (LodeTarget     *self,
                                                    int             year);
LodeMoney       lode_target_get_target_low         (LodeTarget     *self);
void            lode_target_set_target_low         (LodeTarget     *self,
                                                    LodeMoney       low);
/* Equal to the low value when the target is a single figure. */
LodeMoney       lode_target_get_target_high        (LodeTarget     *self);
void            lode_target_set_target_high        (LodeTarget     *self,
                                                    LodeMoney       high);
/* LODE_PERIOD_KIND_FISCAL_YEAR when the baseline and target years are
 * fiscal years of the portfolio (named by the year they begin in);
 * progress is then counted by fiscal year. Property "period". */
LodePeriodKind  lode_target_get_period             (LodeTarget     *self);
void            lode_target_set_period             (LodeTarget     *self,
                                                    LodePeriodKind  period);
const char     *lode_target_get_source             (LodeTarget     *self);
void            lode_target_set_source             (LodeTarget     *self,
                                                    const char     *source);
/* Yearly growth rate the target needs, (low / baseline)^(1 / years) − 1,
 * for the low (@high FALSE) or high end. Returns FALSE if undefined. */
gboolean        lode_target_required_growth        (LodeTarget     *self,
                                                    gboolean        high,
                                                    double         *rate);
JsonObject     *lode_target_get_extra              (LodeTarget     *self,
                                                    LodeTargetExtra where);
void            lode_target_set_extra              (LodeTarget     *self,
                                                    LodeTargetExtra where,
                                                    JsonObject     *extra);

G_END_DECLS
