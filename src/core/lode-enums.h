/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The enumerations of portfolio format v1. The nick of each value is the
 * string written in the file; values named *_UNKNOWN or *_NONE stand for an
 * absent member and are never written. */

typedef enum
{
  LODE_MINERAL_GROUP_BASE_METAL,
  LODE_MINERAL_GROUP_PRECIOUS_METAL,
  LODE_MINERAL_GROUP_FERROUS,
  LODE_MINERAL_GROUP_LIGHT_METAL,
  LODE_MINERAL_GROUP_RARE_EARTH,
  LODE_MINERAL_GROUP_INDUSTRIAL,
  LODE_MINERAL_GROUP_ENERGY,
  LODE_MINERAL_GROUP_OTHER,
} LodeMineralGroup;

typedef enum
{
  LODE_RESERVE_CATEGORY_UNSPECIFIED,
  LODE_RESERVE_CATEGORY_PROVEN,
  LODE_RESERVE_CATEGORY_PROBABLE,
  LODE_RESERVE_CATEGORY_MEASURED,
  LODE_RESERVE_CATEGORY_INDICATED,
  LODE_RESERVE_CATEGORY_INFERRED,
} LodeReserveCategory;

typedef enum
{
  LODE_STAGE_UNKNOWN,
  LODE_STAGE_ORE,
  LODE_STAGE_CONCENTRATE,
  LODE_STAGE_UNREFINED,   /* blister, anodes, mattes: smelted, not refined */
  LODE_STAGE_REFINED,
  LODE_STAGE_PRODUCT,
} LodeStage;

#define LODE_N_STAGES 6

typedef enum
{
  LODE_PROJECT_STATUS_UNKNOWN,
  LODE_PROJECT_STATUS_EXPLORATION,
  LODE_PROJECT_STATUS_FEASIBILITY,
  LODE_PROJECT_STATUS_DEVELOPMENT,
  LODE_PROJECT_STATUS_CONSTRUCTION,
  LODE_PROJECT_STATUS_PRODUCTION,
  LODE_PROJECT_STATUS_SUSPENDED,
  LODE_PROJECT_STATUS_CLOSED,
} LodeProjectStatus;

typedef enum
{
  LODE_METRIC_KIND_EXPORTS,
  LODE_METRIC_KIND_INVESTMENT,
} LodeMetricKind;

/* The steps of an investment, in the order a deal goes through them;
 * "withdrawn" takes back what was committed. */
typedef enum
{
  LODE_INVESTMENT_KIND_UNKNOWN,
  LODE_INVESTMENT_KIND_ANNOUNCED,  /* announced, or a memorandum of understanding */
  LODE_INVESTMENT_KIND_AGREED,     /* an agreement signed */
  LODE_INVESTMENT_KIND_COMMITTED,
  LODE_INVESTMENT_KIND_DISBURSED,
  LODE_INVESTMENT_KIND_WITHDRAWN,
} LodeInvestmentKind;

#define LODE_N_INVESTMENT_KINDS 6

/* What a figure of the whole sector measures. */
typedef enum
{
  LODE_FIGURE_KIND_UNKNOWN,
  LODE_FIGURE_KIND_RESERVE_VALUE,      /* the estimated value of all mineral reserves */
  LODE_FIGURE_KIND_MINERAL_EXPORTS,    /* all mineral exports in a year */
  LODE_FIGURE_KIND_BILATERAL_TRADE,    /* all trade, both ways, with one country */
  LODE_FIGURE_KIND_INVESTMENT_TARGET,  /* investment a plan or platform aims at */
  LODE_FIGURE_KIND_OTHER,
} LodeFigureKind;

#define LODE_N_FIGURE_KINDS 6

/* What the year of a yearly record (an export record, a target's years)
 * stands for: unsaid (a calendar year), a calendar year said so, or a
 * fiscal year of the portfolio, named by the year it begins in. */
typedef enum
{
  LODE_PERIOD_KIND_UNKNOWN,
  LODE_PERIOD_KIND_CALENDAR_YEAR, /*< nick=calendar_year >*/
  LODE_PERIOD_KIND_FISCAL_YEAR,   /*< nick=fiscal_year >*/
} LodePeriodKind;

typedef enum
{
  LODE_UNIT_NONE,
  LODE_UNIT_T,   /*< nick=t >*/
  LODE_UNIT_KT,  /*< nick=kt >*/
  LODE_UNIT_MT,  /*< nick=Mt >*/
  LODE_UNIT_KG,  /*< nick=kg >*/
  LODE_UNIT_OZ,  /*< nick=oz >*/
  LODE_UNIT_KOZ, /*< nick=koz >*/
  LODE_UNIT_MOZ, /*< nick=Moz >*/
  LODE_UNIT_CT,  /*< nick=ct >*/
  LODE_UNIT_M3,  /*< nick=m3 >*/
} LodeUnit;

/* Nick of @value in the enumeration @enum_type, or NULL. */
const char *lode_enum_to_nick   (GType       enum_type,
                                 int         value);
/* Looks @nick up, case-sensitively. Returns FALSE if it is not a value. */
gboolean    lode_enum_from_nick (GType       enum_type,
                                 const char *nick,
                                 int        *value);

G_END_DECLS
