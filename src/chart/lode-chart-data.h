/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-currency.h"
#include "lode-portfolio.h"

G_BEGIN_DECLS

/* The figures the charts draw, aggregated once from a portfolio in a single
 * pass over its export table. Charts are redrawn from these aggregates,
 * never from the records. The data does not follow later edits: build a new
 * one when the portfolio changes. */

/* The source of a cell whose records name different sources. Compared by
 * address: one object, since equal string literals need not share one. */
extern const char lode_chart_sources_mixed[];
#define LODE_CHART_SOURCES_MIXED ((const char *) lode_chart_sources_mixed)

typedef struct
{
  LodeMoney   value;
  guint       count;
  const char *source;     /* source id, NULL, or LODE_CHART_SOURCES_MIXED */
  int         year;       /* of all its records, or 0 when they differ */
  /* In a currency other than the US dollar: the exact sum of the
   * records' converted values, of which @value is the rounding. */
  LodeAmountSum exact;
} LodeChartCell;

typedef struct
{
  const char    *id;
  char          *name;
  LodeChartCell  total;
  LodeChartCell  stages[LODE_N_STAGES];  /* by LodeStage */
  /* By period (first_year…last_year) and by month ((year - first_year) * 12
   * + the month's place in its period, 0 for start_month; records without
   * a month in no month). */
  LodeChartCell *years;
  LodeChartCell *months;
  /* Reserve estimates: value, and quantity in one unit (mass units in
   * tonnes, converted back to the first unit seen). */
  LodeMoney      reserve_value;
  double         reserve_quantity;
  LodeUnit       reserve_unit;
  gboolean       reserve_mixed_units;
  const char    *reserve_source;
  /* Production by year, production_first_year…production_last_year (NAN
   * for a year without a figure), as lode_production_total() counts it, in
   * production_unit: the unit of the mineral's first production figure,
   * LODE_UNIT_NONE when it has none. The quantity of its export records
   * by year (first_year…last_year) in that unit, and how many of its
   * records give no quantity that converts to it. */
  LodeUnit       production_unit;
  int            production_first_year;
  int            production_last_year;
  double        *production;
  const char   **production_sources;    /* by year: id, NULL or LODE_CHART_SOURCES_MIXED */
  double        *export_quantity;
  guint          export_unquantified;
  /* Production is counted by calendar year, so its exports are too,
   * whatever the periods shown: in fiscal years, @calendar_years and
   * @calendar_quantity hold the exports of a mineral with production by
   * calendar year (target_first_year…target_last_year of the data), else
   * they are NULL and @years are calendar years. @export_unquantified
   * counts by calendar year. A record of a fiscal year is in no calendar
   * year: counted in @calendar_unplaced. */
  LodeChartCell *calendar_years;
  double        *calendar_quantity;
  guint          calendar_unplaced;
} LodeChartMineral;

typedef struct
{
  const char    *code;                   /* interned; NULL for unknown */
  LodeChartCell  total;
} LodeChartDestination;

typedef enum
{
  LODE_GROWTH_NO_REQUIREMENT,   /* the target cannot say what it needs */
  LODE_GROWTH_NOT_MEASURABLE,   /* the metric is not in the export data */
  LODE_GROWTH_NO_LATER_YEAR,    /* no records after the baseline year yet */
  LODE_GROWTH_BASELINE_UNCOVERED, /* records of the baseline year fall far short of it */
  LODE_GROWTH_ON_TRACK,
  LODE_GROWTH_BEHIND,
} LodeGrowthStatus;

typedef struct
{
  char            *id;
  char            *title;
  const char      *source;
  const char      *mineral;             /* metric filter, or NULL */
  const char      *destination;         /* metric filter, or NULL */
  gboolean         exports;             /* an export metric */
  /* The month the target's fiscal years begin in when its years are
   * fiscal years (named by the year they begin in), else 0: its records
   * are then placed in fiscal years. Records that lie across two of its
   * years (a calendar year in fiscal years, a fiscal year in calendar
   * years) are left out of @actual and counted in @n_unplaced. */
  int              fiscal_year_start;
  guint            n_unplaced;
  int              baseline_year;
  LodeMoney        baseline_value;
  int              target_year;
  LodeMoney        low;
  LodeMoney        high;                /* equal to low without a range */
  gboolean         has_required;
  double           required_low;        /* growth a year, 0.25 = 25 % */
  double           required_high;
  /* The metric's total by the target's years (calendar or fiscal) in the
   * records, target_first_year…target_last_year of the data. */
  LodeChartCell   *actual;
  LodeGrowthStatus status;
  int              latest_year;         /* latest year with records, or 0 */
  LodeMoney        latest_value;
  LodeMoney        recorded_baseline;   /* records of the baseline year */
  double           achieved;            /* compound growth a year since the baseline */
  double           shortfall;           /* required_low - achieved, when behind */
  /* A target on investment: what its events have reached in all years. */
  gboolean         investment;
  LodeMoney        reached;
  /* In a currency other than the US dollar (the data's), each figure at
   * the rate of its year, where that year has one: the baseline at the
   * baseline year's, the target's low and high at the target year's
   * (@target_converted), and the records of the baseline and latest
   * years at their records' (@records_converted, from the exact sums of
   * @actual). With all of them, @in_currency: @currency_status,
   * @currency_achieved, @currency_shortfall and the growth the target
   * needs are measured in the currency; else they are measured in
   * dollars only. */
  gboolean         baseline_converted;
  LodeAmount       baseline_amount;
  gboolean         target_converted;
  LodeAmount       low_amount;
  LodeAmount       high_amount;
  gboolean         records_converted;
  LodeAmount       recorded_baseline_amount;
  LodeAmount       latest_amount;
  /* @actual in the currency (NULL without one): a year a record of
   * which has no rate has a count of 0, and no figure. */
  LodeChartCell   *currency_actual;
  gboolean         in_currency;
  LodeGrowthStatus currency_status;
  double           currency_required_low;
  double           currency_required_high;
  double           currency_achieved;
  double           currency_shortfall;
} LodeChartTarget;

/* The steps of the investment pipeline, in order. */
typedef enum
{
  LODE_PIPELINE_ANNOUNCED,
  LODE_PIPELINE_AGREED,
  LODE_PIPELINE_COMMITTED,
  LODE_PIPELINE_DISBURSED,
} LodePipelineStep;

#define LODE_N_PIPELINE_STEPS 4

/* The investments of one investor country. */
typedef struct
{
  const char *country;                          /* code, or NULL when not given */
  LodeMoney   kinds[LODE_N_INVESTMENT_KINDS];   /* by LodeInvestmentKind */
  LodeMoney   total;                            /* of the kinds but withdrawn */
} LodeChartInvestor;

typedef struct _LodeChartData LodeChartData;

struct _LodeChartData
{
  /*< private >*/
  gatomicrefcount       ref_count;
  /* The strings of the records (ids, codes) are the table's, so it is kept;
   * other strings are copied into @strings. */
  LodeExportTable      *table;
  GHashTable           *strings;
  /*< public, read-only >*/
  char                 *title;
  /* The month (1–12) the periods of @years begin in: 1 for calendar
   * years. A record of a whole calendar year is in no fiscal year: it
   * counts in the totals but in no period, and in @n_unplaced. */
  int                   start_month;
  int                   first_year;     /* of the first period; 0 without records placed */
  int                   fiscal_year_start;  /* the portfolio's, 1–12 */
  int                   last_year;
  guint                 n_unplaced;
  LodeMoney             unplaced_value;
  /* The years targets are measured in, whatever the periods shown: the
   * calendar years of the records and the fiscal years of fiscal targets.
   * LodeChartTarget.actual holds target_first_year…target_last_year. */
  int                   target_first_year;
  int                   target_last_year;
  gboolean              has_months;     /* some records name a month */
  guint                 n_records;
  LodeMoney             total;
  LodeChartCell         stages[LODE_N_STAGES];
  LodeChartCell        *years;          /* by period, first_year…last_year, all minerals */
  GPtrArray            *minerals;       /* LodeChartMineral, largest exports first */
  GArray               *destinations;   /* LodeChartDestination, largest first */
  GPtrArray            *targets;        /* LodeChartTarget, in the file's order */
  GHashTable           *source_titles;  /* id → "Publisher, date" */
  LodeMoney             reserve_value;
  LodeMoney             committed;
  LodeMoney             disbursed;
  /* Investments: their amounts by kind, by year and kind
   * ((year - investment_first_year) * LODE_N_INVESTMENT_KINDS + kind, for
   * investment_first_year…investment_last_year, 0 without investments)
   * and by investor country. The years are those of @start_month: in
   * fiscal years, events dated to a year alone are in no year and counted
   * in @n_investments_unplaced. */
  guint                 n_investments;
  guint                 n_investments_unplaced;
  LodeMoney             investment_kinds[LODE_N_INVESTMENT_KINDS];
  int                   investment_first_year;
  int                   investment_last_year;
  LodeMoney            *investment_years;
  GArray               *investors;      /* LodeChartInvestor, largest first */
  /* The pipeline: how much reached each step, committed net of
   * withdrawals; what reached a later step counts as announced. */
  LodeMoney             pipeline[LODE_N_PIPELINE_STEPS];
  LodeMoney             withdrawn;
  /* The currency of the export figures (@total, @stages, @years,
   * @unplaced_value, the minerals' and destinations' cells): NULL for US
   * cents, else a code, the figures then being hundredths of its unit,
   * each the exact sum of its records' converted values rounded once.
   * Records without a rate are left out of every figure and counted in
   * @n_missing (@missing_value of US cents), their years in
   * @missing_years (int, oldest first). Targets, reserves and investments
   * stay in US cents. */
  char                 *currency;
  guint                 n_missing;
  LodeMoney             missing_value;
  GArray               *missing_years;
  LodeConverter        *converter;
  /* With @currency, the figures of investment (@investment_kinds,
   * @investment_years, @investors, @pipeline, @withdrawn) are in it too:
   * each event at the rate of its date, each figure the exact sum of its
   * events rounded once. Events without a rate are left out, and said by
   * @investment_missing ("No PKR rate for 2022"; NULL when none is). */
  char                 *investment_missing;
};

LodeChartData    *lode_chart_data_new          (LodePortfolio *portfolio);
/* As lode_chart_data_new(), with the pass over the records in a worker
 * thread: the portfolio's objects are read and its export table frozen
 * (lode-export-table-private.h) before this returns, so the portfolio may
 * change at once; the figures are those of the moment of the call. Call
 * lode_chart_data_new_finish() in @callback, on the thread that changes
 * the portfolio. */
void              lode_chart_data_new_async    (LodePortfolio        *portfolio,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
LodeChartData    *lode_chart_data_new_finish   (GAsyncResult         *result,
                                                GError              **error);
/* As the two above, with periods that begin in @start_month (1–12)
 * rather than calendar years: fiscal years. */
LodeChartData    *lode_chart_data_new_for_periods (LodePortfolio *portfolio,
                                                   int            start_month);
void              lode_chart_data_new_for_periods_async (LodePortfolio       *portfolio,
                                                         int                  start_month,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
/* As the two above, with the export figures in the currency of
 * @converter (NULL, or one of "USD": US cents, as without it). The
 * converter is taken: give none that another thread uses. */
LodeChartData    *lode_chart_data_new_converted (LodePortfolio *portfolio,
                                                 int            start_month,
                                                 LodeConverter *converter);
void              lode_chart_data_new_converted_async (LodePortfolio       *portfolio,
                                                       int                  start_month,
                                                       LodeConverter       *converter,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* "No PKR rate for 2022: 12 records left out", translated; NULL when no
 * record was left out. */
char             *lode_chart_data_describe_missing (LodeChartData *self);
/* @value, a figure of investment, in its currency (the data's): "PKR
 * 1.14 B". */
char             *lode_chart_data_format_investment (LodeChartData *self,
                                                     LodeMoney      value);
/* @value, a figure of the exports, in their currency: "PKR 1.14 B". */
char             *lode_chart_data_format_short (LodeChartData *self,
                                                LodeMoney      value);
char             *lode_chart_data_format_full  (LodeChartData *self,
                                                LodeMoney      value);
LodeChartData    *lode_chart_data_ref          (LodeChartData *self);
void              lode_chart_data_unref        (LodeChartData *self);

guint             lode_chart_data_get_n_years  (LodeChartData *self);
/* The name of the period that begins in @year: "2024", or "FY2024-25". */
char             *lode_chart_data_dup_period_name (LodeChartData *self,
                                                   int            year);
/* How many minerals have records in @year. */
guint             lode_chart_data_count_minerals_in_year (LodeChartData *self,
                                                          int            year);
/* The mineral of id @mineral, or NULL. */
LodeChartMineral *lode_chart_data_find_mineral (LodeChartData *self,
                                                const char    *mineral);
/* Whether @mineral has production figures and export records, as the
 * chart of production against exports needs. */
gboolean          lode_chart_mineral_has_production_and_exports (const LodeChartMineral *mineral);
/* Whether its exports are drawn as quantities: every export record of
 * @mineral gives one that converts to its production unit. */
gboolean          lode_chart_mineral_exports_quantities (const LodeChartMineral *mineral);

/* The exports of @mineral in calendar @year, as its production is
 * counted whatever the periods shown; NULL when it has none that year.
 * @quantity, when not NULL, is set to their quantity in its production
 * unit. */
const LodeChartCell *lode_chart_mineral_get_calendar_exports (LodeChartData          *data,
                                                              const LodeChartMineral *mineral,
                                                              int                     year,
                                                              double                 *quantity);

/* The quantity of @mineral exported in calendar @year and its production that
 * year, in its production unit, when its exports are quantities
 * (lode_chart_mineral_exports_quantities()), it has a production figure
 * above 0 for @year and export records in it; else FALSE. The share
 * exported is @exported / @produced. */
gboolean          lode_chart_mineral_get_exported (LodeChartData          *data,
                                                   const LodeChartMineral *mineral,
                                                   int                     year,
                                                   double                 *exported,
                                                   double                 *produced);

/* "Publisher, 2025-09-26" for a source id; "several sources" when mixed. */
const char       *lode_chart_data_describe_source (LodeChartData *self,
                                                   const char    *source);

/* Compound growth a year from @from to @to over @years: (to/from)^(1/years) - 1.
 * NAN when it cannot be told. */
double            lode_growth_rate             (double         from,
                                                double         to,
                                                double         years);

/* Investments of @kind in @year, or 0. */
LodeMoney         lode_chart_data_get_investment (LodeChartData *self,
                                                  int            year,
                                                  LodeInvestmentKind kind);

/* Folds a record's @value, @source and @year into @cell. */
void              lode_chart_cell_add          (LodeChartCell *cell,
                                                LodeMoney      value,
                                                const char    *source,
                                                int            year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeChartData, lode_chart_data_unref)

G_END_DECLS
