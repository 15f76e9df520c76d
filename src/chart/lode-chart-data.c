/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lode-export-table-private.h"
#include "lode-exchange-rate.h"
#include "lode-investment.h"
#include "lode-investment-summary.h"
#include "lode-periods.h"
#include "lode-units.h"

#include "lode-chart-data.h"

/* Records of the baseline year must reach this share of the target's
 * baseline for the growth since then to say anything about the target. */
const char lode_chart_sources_mixed[] = "\x01";

#define BASELINE_COVERAGE 0.5

void
lode_chart_cell_add (LodeChartCell *cell,
                     LodeMoney      value,
                     const char    *source,
                     int            year)
{
  if (cell->count == 0)
    {
      cell->source = source;
      cell->year = year;
    }
  else
    {
      if (cell->source != source)
        cell->source = LODE_CHART_SOURCES_MIXED;
      if (cell->year != year)
        cell->year = 0;
    }

  cell->value += value;
  cell->count++;
}

/* Folds a record into @cell: its cents, or in a currency its value
 * converted at @rate into the cell's exact sum. */
static inline void
cell_add (LodeChartData *self,
          LodeChartCell *cell,
          LodeMoney      value,
          LodeRate       rate,
          const char    *source,
          int            year)
{
  if (self->converter == NULL)
    {
      lode_chart_cell_add (cell, value, source, year);
      return;
    }

  lode_amount_sum_add (&cell->exact, value, rate);
  lode_chart_cell_add (cell, 0, source, year);
}

/* The rounding of an exact sum, held at the largest amount when it does
 * not fit (no portfolio the rules accept comes near). */
static LodeMoney
round_sum (const LodeAmountSum *sum)
{
  LodeAmount amount;

  if (!lode_amount_sum_round (sum, &amount))
    return G_MAXINT64;

  return amount;
}

static void
round_cells (LodeChartCell *cells,
             gsize          n)
{
  for (gsize i = 0; i < n; i++)
    if (cells[i].count > 0)
      cells[i].value = round_sum (&cells[i].exact);
}

static void
note_missing_year (LodeChartData *self,
                   int            year)
{
  guint i;

  for (i = 0; i < self->missing_years->len; i++)
    {
      int noted = g_array_index (self->missing_years, int, i);

      if (noted == year)
        return;
      if (noted > year)
        break;
    }
  g_array_insert_val (self->missing_years, i, year);
}

double
lode_growth_rate (double from,
                  double to,
                  double years)
{
  if (!(from > 0.0) || !(to >= 0.0) || !(years > 0.0) || !isfinite (from) || !isfinite (to))
    return NAN;

  return pow (to / from, 1.0 / years) - 1.0;
}

static void
chart_mineral_free (gpointer data)
{
  LodeChartMineral *mineral = data;

  g_free ((char *) mineral->id);
  g_free (mineral->name);
  g_free (mineral->years);
  g_free (mineral->months);
  g_free (mineral->production);
  g_free (mineral->production_sources);
  g_free (mineral->export_quantity);
  g_free (mineral->calendar_years);
  g_free (mineral->calendar_quantity);
  g_free (mineral);
}

static void
chart_target_free (gpointer data)
{
  LodeChartTarget *target = data;

  g_free (target->id);
  g_free (target->title);
  g_free ((char *) target->mineral);
  g_free ((char *) target->destination);
  g_free (target->actual);
  g_free (target->currency_actual);
  g_free (target);
}

static int
compare_minerals (gconstpointer a,
                  gconstpointer b)
{
  const LodeChartMineral *ma = *(LodeChartMineral * const *) a;
  const LodeChartMineral *mb = *(LodeChartMineral * const *) b;

  if (ma->total.value != mb->total.value)
    return ma->total.value > mb->total.value ? -1 : 1;
  if (ma->reserve_value != mb->reserve_value)
    return ma->reserve_value > mb->reserve_value ? -1 : 1;

  return g_strcmp0 (ma->id, mb->id);
}

static int
compare_destinations (gconstpointer a,
                      gconstpointer b)
{
  const LodeChartDestination *da = a;
  const LodeChartDestination *db = b;

  if (da->total.value != db->total.value)
    return da->total.value > db->total.value ? -1 : 1;

  return g_strcmp0 (da->code, db->code);
}

/* A copy of @str that lives as long as @self. */
static const char *
keep_string (LodeChartData *self,
             const char    *str)
{
  char *kept;

  if (str == NULL)
    return NULL;

  kept = g_hash_table_lookup (self->strings, str);
  if (kept == NULL)
    {
      kept = g_strdup (str);
      g_hash_table_add (self->strings, kept);
    }

  return kept;
}

static void
add_reserves (LodeChartData    *self,
              LodeChartMineral *chart_mineral,
              LodeMineral      *mineral)
{
  GListModel *reserves = lode_mineral_get_reserves (mineral);
  guint n = g_list_model_get_n_items (reserves);
  double tonnes = 0.0;
  gboolean mass = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, i);
      LodeMoney value = lode_reserve_get_value (reserve);
      LodeUnit unit = lode_reserve_get_unit (reserve);
      double quantity = lode_reserve_get_quantity (reserve);

      if (value != LODE_MONEY_UNSET)
        chart_mineral->reserve_value += value;
      if (chart_mineral->reserve_source == NULL)
        chart_mineral->reserve_source = keep_string (self, lode_reserve_get_source (reserve));

      if (unit == LODE_UNIT_NONE || !isfinite (quantity) || quantity < 0)
        continue;

      if (chart_mineral->reserve_unit == LODE_UNIT_NONE)
        chart_mineral->reserve_unit = unit;

      if (lode_unit_is_mass (unit) && mass)
        tonnes += quantity * lode_unit_to_tonnes (unit);
      else if (unit == chart_mineral->reserve_unit)
        chart_mineral->reserve_quantity += quantity, mass = FALSE;
      else
        chart_mineral->reserve_mixed_units = TRUE;
    }

  if (mass && chart_mineral->reserve_unit != LODE_UNIT_NONE)
    chart_mineral->reserve_quantity = tonnes / lode_unit_to_tonnes (chart_mineral->reserve_unit);
}

/* The mineral's production by year, in the unit of its first figure. */
static void
add_production (LodeChartData    *self,
                LodeChartMineral *chart_mineral,
                GListModel       *production)
{
  guint n = g_list_model_get_n_items (production);
  g_autofree guint *counts = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeProduction) figure = g_list_model_get_item (production, i);
      int year = lode_production_get_year (figure);

      if (g_strcmp0 (lode_production_get_mineral (figure), chart_mineral->id) != 0)
        continue;

      if (chart_mineral->production_unit == LODE_UNIT_NONE)
        {
          chart_mineral->production_unit = lode_production_get_unit (figure);
          chart_mineral->production_first_year = year;
          chart_mineral->production_last_year = year;
        }
      chart_mineral->production_first_year = MIN (chart_mineral->production_first_year, year);
      chart_mineral->production_last_year = MAX (chart_mineral->production_last_year, year);
    }

  if (chart_mineral->production_unit == LODE_UNIT_NONE)
    return;

  n = chart_mineral->production_last_year - chart_mineral->production_first_year + 1;
  chart_mineral->production = g_new (double, n);
  chart_mineral->production_sources = g_new0 (const char *, n);
  counts = g_new0 (guint, n);
  for (int year = chart_mineral->production_first_year; year <= chart_mineral->production_last_year; year++)
    {
      double quantity;

      if (!lode_production_total (production, chart_mineral->id, year, chart_mineral->production_unit, &quantity))
        quantity = NAN;
      chart_mineral->production[year - chart_mineral->production_first_year] = quantity;
    }

  /* The source of a year: that of its figures, or mixed. */
  for (guint i = 0; i < g_list_model_get_n_items (production); i++)
    {
      g_autoptr(LodeProduction) figure = g_list_model_get_item (production, i);
      const char *source = keep_string (self, lode_production_get_source (figure));
      guint y;

      if (g_strcmp0 (lode_production_get_mineral (figure), chart_mineral->id) != 0)
        continue;

      y = lode_production_get_year (figure) - chart_mineral->production_first_year;
      if (counts[y]++ == 0)
        chart_mineral->production_sources[y] = source;
      else if (chart_mineral->production_sources[y] != source)
        chart_mineral->production_sources[y] = LODE_CHART_SOURCES_MIXED;
    }
}

static LodeChartTarget *
chart_target_new (LodeChartData *self,
                  LodePortfolio *portfolio,
                  LodeTarget    *target)
{
  LodeChartTarget *chart_target = g_new0 (LodeChartTarget, 1);
  LodeMoney high;

  chart_target->id = g_strdup (lode_target_get_id (target));
  chart_target->title = g_strdup (lode_target_get_title (target));
  chart_target->source = keep_string (self, lode_target_get_source (target));
  chart_target->exports = lode_target_get_metric_kind (target) == LODE_METRIC_KIND_EXPORTS;
  chart_target->investment = lode_portfolio_get_target_investment (portfolio, target, 0, &chart_target->reached);
  chart_target->mineral = g_strdup (lode_target_get_metric_mineral (target));
  chart_target->destination = g_strdup (lode_target_get_metric_destination (target));
  chart_target->baseline_year = lode_target_get_baseline_year (target);
  chart_target->baseline_value = lode_target_get_baseline_value (target);
  chart_target->target_year = lode_target_get_target_year (target);
  chart_target->low = lode_target_get_target_low (target);
  high = lode_target_get_target_high (target);
  chart_target->high = high != LODE_MONEY_UNSET ? high : chart_target->low;
  chart_target->has_required = lode_target_required_growth (target, FALSE, &chart_target->required_low);
  if (chart_target->has_required && high != LODE_MONEY_UNSET)
    lode_target_required_growth (target, TRUE, &chart_target->required_high);
  else
    chart_target->required_high = chart_target->required_low;

  return chart_target;
}

/* @cents of @year (a target's, of @period) at the rate of that year,
 * never another's; FALSE when it has none. The converter notes no
 * missing year: a target's year is no record left out. */
static gboolean
convert_at (LodeChartData  *self,
            LodeMoney       cents,
            int             year,
            LodePeriodKind  period,
            LodeAmount     *amount)
{
  LodeAmountSum sum = LODE_AMOUNT_SUM_INIT;
  LodeRate rate;

  if (cents < 0 || year <= 0 ||
      !lode_converter_get_rate (self->converter, year, 0,
                                period == LODE_PERIOD_KIND_FISCAL_YEAR ? period : LODE_PERIOD_KIND_CALENDAR_YEAR,
                                &rate))
    return FALSE;

  lode_amount_sum_add (&sum, cents, rate);
  return lode_amount_sum_round (&sum, amount);
}

/* The baseline and the target's low and high in the data's currency. A
 * target on investment stays in dollars. */
static void
convert_target (LodeChartData   *self,
                LodeChartTarget *target,
                LodePeriodKind   period)
{
  if (target->investment)
    return;

  target->baseline_converted = convert_at (self, target->baseline_value, target->baseline_year, period,
                                           &target->baseline_amount);
  target->target_converted = convert_at (self, target->low, target->target_year, period, &target->low_amount) &&
                             convert_at (self, target->high, target->target_year, period, &target->high_amount);
}

/* The year of @record among the years of @target's figures, by calendar
 * or fiscal year, named by the year it begins in: a record of a fiscal
 * year is in no calendar year, and one of a calendar year in no fiscal
 * year. FALSE when it is in none. */
static gboolean
target_place (LodeChartData       *self,
              LodeChartTarget     *target,
              const LodeExportRow *record,
              guint               *index)
{
  LodePeriod period;

  if (!lode_period_place_row (record, self->fiscal_year_start,
                              target->fiscal_year_start != 0 ? target->fiscal_year_start : 1,
                              &period) ||
      period.first_year < self->target_first_year || period.first_year > self->target_last_year)
    return FALSE;

  *index = (guint) (period.first_year - self->target_first_year);
  return TRUE;
}

/* Whether the records tell how the target's metric grew, and how fast. */
static void
measure_growth (LodeChartData   *self,
                LodeChartTarget *target)
{
  guint n_years = self->target_first_year == 0 ? 0 :
                  (guint) (self->target_last_year - self->target_first_year + 1);

  target->status = LODE_GROWTH_NO_REQUIREMENT;
  if (!target->has_required)
    return;

  target->status = LODE_GROWTH_NOT_MEASURABLE;
  if (!target->exports)
    return;

  for (guint i = n_years; i > 0; i--)
    {
      if (target->actual[i - 1].count > 0)
        {
          target->latest_year = self->target_first_year + (int) i - 1;
          target->latest_value = target->actual[i - 1].value;
          break;
        }
    }

  if (target->baseline_year >= self->target_first_year && target->baseline_year <= self->target_last_year)
    target->recorded_baseline = target->actual[target->baseline_year - self->target_first_year].value;

  if (target->latest_year <= target->baseline_year)
    {
      target->status = LODE_GROWTH_NO_LATER_YEAR;
      return;
    }

  if ((double) target->recorded_baseline < BASELINE_COVERAGE * (double) target->baseline_value)
    {
      target->status = LODE_GROWTH_BASELINE_UNCOVERED;
      return;
    }

  target->achieved = lode_growth_rate (target->recorded_baseline, target->latest_value,
                                       target->latest_year - target->baseline_year);
  if (target->achieved + 1e-12 >= target->required_low)
    {
      target->status = LODE_GROWTH_ON_TRACK;
    }
  else
    {
      target->status = LODE_GROWTH_BEHIND;
      target->shortfall = target->required_low - target->achieved;
    }
}

/* measure_growth() again in the data's currency, where the baseline, the
 * target and the records of the baseline and latest years all have a
 * rate; @missing: by year of @target->actual, whether a record of the
 * metric found none. */
static void
measure_growth_in_currency (LodeChartData   *self,
                            LodeChartTarget *target,
                            const guint8    *missing)
{
  int baseline = target->baseline_year;
  int latest = target->latest_year;
  int first = self->target_first_year;
  guint n_years = first == 0 ? 0 : (guint) (self->target_last_year - first + 1);

  target->currency_actual = g_new0 (LodeChartCell, MAX (n_years, 1));
  for (guint y = 0; y < n_years; y++)
    if (!missing[y] && target->actual[y].count > 0 &&
        lode_amount_sum_round (&target->actual[y].exact, &target->currency_actual[y].value))
      {
        target->currency_actual[y].count = target->actual[y].count;
        target->currency_actual[y].source = target->actual[y].source;
        target->currency_actual[y].year = target->actual[y].year;
      }

  if (target->status == LODE_GROWTH_NO_REQUIREMENT || target->status == LODE_GROWTH_NOT_MEASURABLE ||
      baseline < first || baseline > self->target_last_year || missing[baseline - first])
    return;
  target->recorded_baseline_amount = target->currency_actual[baseline - first].value;

  if (latest > baseline)
    {
      if (missing[latest - first])
        return;
      target->latest_amount = target->currency_actual[latest - first].value;
    }

  target->records_converted = TRUE;
  if (!target->baseline_converted || !target->target_converted || target->baseline_amount <= 0)
    return;

  target->in_currency = TRUE;
  target->currency_required_low = lode_growth_rate (target->baseline_amount, target->low_amount,
                                                    target->target_year - baseline);
  target->currency_required_high = lode_growth_rate (target->baseline_amount, target->high_amount,
                                                     target->target_year - baseline);

  if (latest <= baseline)
    target->currency_status = LODE_GROWTH_NO_LATER_YEAR;
  else if ((double) target->recorded_baseline_amount < BASELINE_COVERAGE * (double) target->baseline_amount)
    target->currency_status = LODE_GROWTH_BASELINE_UNCOVERED;
  else
    {
      target->currency_achieved = lode_growth_rate (target->recorded_baseline_amount, target->latest_amount,
                                                    latest - baseline);
      if (target->currency_achieved + 1e-12 >= target->currency_required_low)
        target->currency_status = LODE_GROWTH_ON_TRACK;
      else
        {
          target->currency_status = LODE_GROWTH_BEHIND;
          target->currency_shortfall = target->currency_required_low - target->currency_achieved;
        }
    }
}

static int
compare_investors (gconstpointer a,
                   gconstpointer b)
{
  const LodeChartInvestor *ia = a;
  const LodeChartInvestor *ib = b;

  if (ia->total != ib->total)
    return ia->total > ib->total ? -1 : 1;

  return g_strcmp0 (ia->country, ib->country);
}

/* The pipeline from the totals by kind: what reached a later step counts
 * as announced, so the first step is the largest of the four. */
static void
fill_pipeline (LodeChartData *self)
{
  static const LodeInvestmentKind steps[LODE_N_PIPELINE_STEPS] = {
    LODE_INVESTMENT_KIND_ANNOUNCED, LODE_INVESTMENT_KIND_AGREED,
    LODE_INVESTMENT_KIND_COMMITTED, LODE_INVESTMENT_KIND_DISBURSED,
  };

  memset (self->pipeline, 0, sizeof self->pipeline);
  for (guint s = 0; s < LODE_N_PIPELINE_STEPS; s++)
    {
      self->pipeline[s] = self->investment_kinds[steps[s]];
      self->pipeline[LODE_PIPELINE_ANNOUNCED] = MAX (self->pipeline[LODE_PIPELINE_ANNOUNCED], self->pipeline[s]);
    }
}

/* The figures of investment, from the core's summary of the events, so
 * that the charts say what lode-cli summary says. */
static void
add_investments (LodeChartData *self,
                 LodePortfolio *portfolio)
{
  g_autoptr(LodeInvestmentSummary) summary =
    lode_investment_summary_new_for_periods (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)),
                                             self->start_month);
  guint n_years = lode_investment_summary_get_n_years (summary);
  guint n_countries = lode_investment_summary_get_n_countries (summary);

  self->n_investments = lode_investment_summary_get_n_events (summary);
  self->n_investments_unplaced = lode_investment_summary_get_n_unplaced (summary);
  self->investors = g_array_sized_new (FALSE, TRUE, sizeof (LodeChartInvestor), n_countries);

  /* Events of no known kind are in no total. */
  for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
    self->investment_kinds[k] = lode_investment_summary_get_total (summary, k);
  self->withdrawn = self->investment_kinds[LODE_INVESTMENT_KIND_WITHDRAWN];

  if (n_years > 0)
    {
      self->investment_first_year = lode_investment_summary_get_year (summary, 0);
      self->investment_last_year = lode_investment_summary_get_year (summary, n_years - 1);
      self->investment_years = g_new0 (LodeMoney, (self->investment_last_year - self->investment_first_year + 1) *
                                                  LODE_N_INVESTMENT_KINDS);
      for (int year = self->investment_first_year; year <= self->investment_last_year; year++)
        for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
          self->investment_years[(year - self->investment_first_year) * LODE_N_INVESTMENT_KINDS + k] =
            lode_investment_summary_get_year_total (summary, year, k);
    }

  for (guint i = 0; i < n_countries; i++)
    {
      LodeChartInvestor investor = { 0, };

      investor.country = keep_string (self, lode_investment_summary_get_country (summary, i));
      for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
        {
          investor.kinds[k] = lode_investment_summary_get_country_total (summary, investor.country, k);
          if (k != LODE_INVESTMENT_KIND_WITHDRAWN)
            investor.total += investor.kinds[k];
        }
      if (investor.total > 0 || investor.kinds[LODE_INVESTMENT_KIND_WITHDRAWN] > 0)
        g_array_append_val (self->investors, investor);
    }
  g_array_sort (self->investors, compare_investors);

  fill_pipeline (self);
}

static LodeMoney
rounded (const LodeAmountSum *sum)
{
  LodeAmount amount;

  return lode_amount_sum_round (sum, &amount) ? amount : G_MAXINT64;
}

/* Sums by kind, as lode_investment_summary_get_total() counts them:
 * committed net of withdrawals when @net. */
static void
round_kinds (const LodeAmountSum *sums,
             LodeMoney           *kinds,
             gboolean             net)
{
  for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
    {
      LodeAmountSum sum = sums[k];

      if (net && k == LODE_INVESTMENT_KIND_COMMITTED)
        lode_amount_sum_subtract (&sum, &sums[LODE_INVESTMENT_KIND_WITHDRAWN]);
      kinds[k] = rounded (&sum);
    }
}

/* The figures of investment again in the currency of the data, each
 * event at the rate of its date; the years without a rate said. */
static void
convert_investments (LodeChartData *self,
                     LodePortfolio *portfolio)
{
  g_autoptr(LodeConverter) converter =
    lode_converter_new (G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio)), self->currency,
                        lode_portfolio_get_fiscal_year_start (portfolio));
  GListModel *events = G_LIST_MODEL (lode_portfolio_get_investments (portfolio));
  guint n_years = self->investment_first_year != 0 ? self->investment_last_year - self->investment_first_year + 1 : 0;
  LodeAmountSum all[LODE_N_INVESTMENT_KINDS] = { { 0, } };
  g_autofree LodeAmountSum *years = g_new0 (LodeAmountSum, (gsize) MAX (n_years, 1) * LODE_N_INVESTMENT_KINDS);
  g_autofree LodeAmountSum *countries = g_new0 (LodeAmountSum,
                                                (gsize) MAX (self->investors->len, 1) * LODE_N_INVESTMENT_KINDS);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (events, i);
      LodeInvestmentKind kind = lode_investment_get_kind (event);
      LodeMoney value = lode_investment_get_value (event);
      int year = lode_investment_get_period_year (event, self->start_month);
      LodeAmountSum one = LODE_AMOUNT_SUM_INIT;

      if (kind <= LODE_INVESTMENT_KIND_UNKNOWN || kind >= LODE_N_INVESTMENT_KINDS || value < 0)
        continue;
      if (!lode_converter_add_date (converter, value, lode_investment_get_date (event), &one))
        continue;

      lode_amount_sum_add_sum (&all[kind], &one);
      if (year != 0 && n_years > 0)
        lode_amount_sum_add_sum (&years[(year - self->investment_first_year) * LODE_N_INVESTMENT_KINDS + kind], &one);
      for (guint c = 0; c < self->investors->len; c++)
        if (g_strcmp0 (g_array_index (self->investors, LodeChartInvestor, c).country,
                       lode_investment_get_investor_country (event)) == 0)
          {
            lode_amount_sum_add_sum (&countries[c * LODE_N_INVESTMENT_KINDS + kind], &one);
            break;
          }
    }

  round_kinds (all, self->investment_kinds, TRUE);
  self->withdrawn = self->investment_kinds[LODE_INVESTMENT_KIND_WITHDRAWN];
  for (guint y = 0; y < n_years; y++)
    round_kinds (&years[y * LODE_N_INVESTMENT_KINDS], &self->investment_years[y * LODE_N_INVESTMENT_KINDS], FALSE);
  for (guint c = 0; c < self->investors->len; c++)
    {
      LodeChartInvestor *investor = &g_array_index (self->investors, LodeChartInvestor, c);

      round_kinds (&countries[c * LODE_N_INVESTMENT_KINDS], investor->kinds, TRUE);
      investor->total = 0;
      for (guint k = LODE_INVESTMENT_KIND_ANNOUNCED; k < LODE_N_INVESTMENT_KINDS; k++)
        if (k != LODE_INVESTMENT_KIND_WITHDRAWN)
          investor->total += investor->kinds[k];
    }
  g_array_sort (self->investors, compare_investors);

  fill_pipeline (self);
  self->investment_missing = lode_converter_describe_missing (converter);
}

static void
add_sources (LodeChartData *self,
             LodePortfolio *portfolio)
{
  GListModel *sources = G_LIST_MODEL (lode_portfolio_get_sources (portfolio));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LodeSource) source = g_list_model_get_item (sources, i);
      const char *publisher = lode_source_get_publisher (source);
      const char *date = lode_source_get_date (source);
      char *text;

      if (publisher != NULL && date != NULL)
        text = g_strdup_printf ("%s, %s", publisher, date);
      else if (publisher != NULL)
        text = g_strdup (publisher);
      else
        text = g_strdup (lode_source_get_title (source));

      g_hash_table_insert (self->source_titles, g_strdup (lode_source_get_id (source)), text);
    }
}

/* What is read from the portfolio's objects, on the thread that owns
 * them: everything but the records. */
static LodeChartData *
chart_data_begin (LodePortfolio *portfolio,
                  int            start_month,
                  LodeConverter *converter)
{
  LodeChartData *self;
  GListModel *minerals;
  GListModel *targets;

  self = g_new0 (LodeChartData, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->start_month = start_month;
  self->title = g_strdup (lode_portfolio_get_title (portfolio));
  self->minerals = g_ptr_array_new_with_free_func (chart_mineral_free);
  self->destinations = g_array_new (FALSE, TRUE, sizeof (LodeChartDestination));
  self->targets = g_ptr_array_new_with_free_func (chart_target_free);
  self->source_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->table = g_object_ref (lode_portfolio_get_exports (portfolio));
  self->missing_years = g_array_new (FALSE, FALSE, sizeof (int));
  if (converter != NULL && !g_str_equal (lode_converter_get_code (converter), LODE_CURRENCY_USD))
    {
      self->converter = lode_converter_ref (converter);
      self->currency = g_strdup (lode_converter_get_code (converter));
    }

  minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);
      LodeChartMineral *chart_mineral = g_new0 (LodeChartMineral, 1);

      chart_mineral->id = g_strdup (lode_mineral_get_id (mineral));
      chart_mineral->name = g_strdup (lode_mineral_get_name (mineral));
      add_reserves (self, chart_mineral, mineral);
      add_production (self, chart_mineral, G_LIST_MODEL (lode_portfolio_get_production (portfolio)));
      self->reserve_value += chart_mineral->reserve_value;
      g_ptr_array_add (self->minerals, chart_mineral);
    }

  self->fiscal_year_start = lode_portfolio_get_fiscal_year_start (portfolio);
  targets = G_LIST_MODEL (lode_portfolio_get_targets (portfolio));
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (targets, i);

      LodeChartTarget *chart_target = chart_target_new (self, portfolio, target);

      if (lode_target_get_period (target) == LODE_PERIOD_KIND_FISCAL_YEAR &&
          lode_portfolio_get_fiscal_year_start (portfolio) != 1)
        chart_target->fiscal_year_start = lode_portfolio_get_fiscal_year_start (portfolio);
      if (self->converter != NULL)
        convert_target (self, chart_target, lode_target_get_period (target));
      g_ptr_array_add (self->targets, chart_target);
    }

  /* Every investment event, and the figures of projects without events. */
  lode_portfolio_get_investment_totals (portfolio, &self->committed, &self->disbursed);

  add_investments (self, portfolio);
  if (self->currency != NULL)
    convert_investments (self, portfolio);
  add_sources (self, portfolio);

  return self;
}

static LodeChartMineral *
chart_mineral_new (const char *id,
                   const char *name,
                   guint       n_years)
{
  LodeChartMineral *mineral = g_new0 (LodeChartMineral, 1);

  mineral->id = g_strdup (id);
  mineral->name = g_strdup (name);
  mineral->years = g_new0 (LodeChartCell, n_years);
  mineral->months = g_new0 (LodeChartCell, n_years * 12);
  mineral->export_quantity = g_new0 (double, n_years);

  return mineral;
}

/* The one pass over the records of @version, from any one thread: it
 * touches no object of the portfolio, only @self and the frozen rows. */
static void
chart_data_add_records (LodeChartData                *self,
                        const LodeExportTableVersion *version)
{
  guint n_rows = _lode_export_table_version_get_n_rows (version);
  guint n_strings = _lode_export_table_version_get_n_strings (version);
  g_autoptr(GHashTable) by_mineral = NULL;
  /* By the id of a record's string: its mineral, the index + 1 of its
   * destination, and whether it passes each target's filter. */
  g_autofree LodeChartMineral **mineral_of = g_new0 (LodeChartMineral *, n_strings);
  g_autofree guint *destination_of = g_new0 (guint, n_strings);
  g_autofree guint8 *target_match = NULL;
  /* By target and year of its figures: whether a record found no rate. */
  g_autofree guint8 *target_missing = NULL;
  LodeExportRawRow row;
  guint n_years;
  guint n_target_years;
  int fiscal_targets = 0;   /* the month fiscal targets' years begin in */
  LodeAmountSum total = LODE_AMOUNT_SUM_INIT;
  LodeAmountSum unplaced = LODE_AMOUNT_SUM_INIT;

  self->n_records = n_rows;

  for (guint t = 0; t < self->targets->len; t++)
    if (((LodeChartTarget *) g_ptr_array_index (self->targets, t))->fiscal_year_start != 0)
      fiscal_targets = ((LodeChartTarget *) g_ptr_array_index (self->targets, t))->fiscal_year_start;

  /* The span of periods sizes the arrays; targets, stated in calendar
   * years, are measured in calendar years whatever the periods. */
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow placed;
      LodePeriod period;

      _lode_export_table_version_get_raw_row (version, i, &row);
      placed = (LodeExportRow) { .year = row.year, .month = row.month, .period = row.period };
      if (self->target_first_year == 0 || row.year < self->target_first_year)
        self->target_first_year = row.year;
      if (row.year > self->target_last_year)
        self->target_last_year = row.year;
      /* A target of fiscal years places a month in the fiscal year it
       * falls in, which may begin the year before. */
      if (fiscal_targets != 0 && lode_period_place_row (&placed, self->fiscal_year_start, fiscal_targets, &period))
        {
          self->target_first_year = MIN (self->target_first_year, period.first_year);
          self->target_last_year = MAX (self->target_last_year, period.first_year);
        }
      if (!lode_period_place_row (&placed, self->fiscal_year_start, self->start_month, &period))
        continue;
      if (self->first_year == 0 || period.first_year < self->first_year)
        self->first_year = period.first_year;
      if (period.first_year > self->last_year)
        self->last_year = period.first_year;
    }
  n_years = lode_chart_data_get_n_years (self);
  n_target_years = self->target_first_year == 0 ? 0 :
                   (guint) (self->target_last_year - self->target_first_year + 1);
  self->years = g_new0 (LodeChartCell, n_years);

  by_mineral = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (self->minerals, i);

      mineral->years = g_new0 (LodeChartCell, n_years);
      mineral->months = g_new0 (LodeChartCell, n_years * 12);
      mineral->export_quantity = g_new0 (double, n_years);
      if (self->start_month != 1 && mineral->production_unit != LODE_UNIT_NONE)
        {
          mineral->calendar_years = g_new0 (LodeChartCell, n_target_years);
          mineral->calendar_quantity = g_new0 (double, n_target_years);
        }
      g_hash_table_insert (by_mineral, (gpointer) mineral->id, mineral);
    }

  /* Each target's filter, decided once a string: bit 0 whether the
   * string passes as the mineral, bit 1 as the destination. */
  target_match = g_new0 (guint8, (gsize) n_strings * MAX (self->targets->len, 1));
  target_missing = g_new0 (guint8, (gsize) n_target_years * MAX (self->targets->len, 1) + 1);
  for (guint t = 0; t < self->targets->len; t++)
    {
      LodeChartTarget *target = g_ptr_array_index (self->targets, t);

      target->actual = g_new0 (LodeChartCell, n_target_years);
      for (guint id = 0; id < n_strings; id++)
        {
          const char *str = _lode_export_table_version_get_string (version, id);

          target_match[(gsize) t * n_strings + id] =
            (target->mineral == NULL || g_strcmp0 (target->mineral, str) == 0) |
            (target->destination == NULL || g_strcmp0 (target->destination, str) == 0) << 1;
        }
    }

  for (guint i = 0; i < n_rows; i++)
    {
      LodeChartMineral *mineral;
      const char *source;
      LodePeriod period;
      gboolean placed;
      LodeRate rate = LODE_RATE_SCALE;
      guint y = 0;
      LodeExportRow record;

      _lode_export_table_version_get_raw_row (version, i, &row);
      record = (LodeExportRow) { .year = row.year, .month = row.month, .period = row.period };
      {

        if (self->converter != NULL &&
            !lode_converter_get_rate (self->converter, row.year, row.month, row.period, &rate))
          {
            /* Never a guess: left out of every figure, and said. */
            self->n_missing++;
            self->missing_value += row.value;
            note_missing_year (self, row.year);
            for (guint t = 0; t < self->targets->len; t++)
              {
                LodeChartTarget *target = g_ptr_array_index (self->targets, t);
                guint target_year;

                if (target->exports &&
                    (target_match[(gsize) t * n_strings + row.mineral] & 1) != 0 &&
                    (target_match[(gsize) t * n_strings + row.destination] & 2) != 0 &&
                    target_place (self, target, &record, &target_year))
                  target_missing[(gsize) t * n_target_years + target_year] = TRUE;
              }
            continue;
          }
        placed = lode_period_place_row (&record, self->fiscal_year_start, self->start_month, &period);
      }
      if (placed)
        y = period.first_year - self->first_year;
      source = _lode_export_table_version_get_string (version, row.source);

      mineral = mineral_of[row.mineral];
      if (mineral == NULL)
        {
          const char *id = _lode_export_table_version_get_string (version, row.mineral);

          mineral = g_hash_table_lookup (by_mineral, id);
          if (mineral == NULL)
            {
              /* A record of a mineral the portfolio does not list. */
              mineral = chart_mineral_new (id, id, n_years);
              g_ptr_array_add (self->minerals, mineral);
              g_hash_table_insert (by_mineral, (gpointer) mineral->id, mineral);
            }
          mineral_of[row.mineral] = mineral;
        }

      if (self->converter == NULL)
        self->total += row.value;
      else
        lode_amount_sum_add (&total, row.value, rate);
      cell_add (self, &self->stages[row.stage], row.value, rate, source, row.year);
      cell_add (self, &mineral->total, row.value, rate, source, row.year);
      cell_add (self, &mineral->stages[row.stage], row.value, rate, source, row.year);
      if (placed)
        {
          cell_add (self, &self->years[y], row.value, rate, source, row.year);
          cell_add (self, &mineral->years[y], row.value, rate, source, row.year);
        }
      else
        {
          self->n_unplaced++;
          if (self->converter == NULL)
            self->unplaced_value += row.value;
          else
            lode_amount_sum_add (&unplaced, row.value, rate);
        }
      if (mineral->production_unit != LODE_UNIT_NONE)
        {
          double quantity;
          /* Against production, by calendar year. */
          gboolean calendar = self->start_month == 1 ? placed
                              : lode_period_place_row (&record, self->fiscal_year_start, 1, &period);
          guint c = calendar ? (guint) (period.first_year - self->target_first_year) : 0;

          if (calendar && mineral->calendar_years != NULL)
            cell_add (self, &mineral->calendar_years[c], row.value, rate, source, row.year);
          if (!calendar)
            mineral->calendar_unplaced++;
          if (calendar && row.quantity >= 0 && row.unit != LODE_UNIT_NONE &&
              lode_unit_convert (row.quantity, row.unit, mineral->production_unit, &quantity))
            {
              if (placed)
                mineral->export_quantity[y] += quantity;
              if (mineral->calendar_quantity != NULL)
                mineral->calendar_quantity[c] += quantity;
            }
          else
            mineral->export_unquantified++;
        }
      if (row.month >= 1 && row.month <= 12)
        {
          /* The months of a period in their order, its first month first. */
          guint m = (guint) (row.month - self->start_month + 12) % 12;

          cell_add (self, &mineral->months[y * 12 + m], row.value, rate, source, row.year);
          self->has_months = TRUE;
        }

      if (destination_of[row.destination] == 0)
        {
          LodeChartDestination destination = {
            _lode_export_table_version_get_string (version, row.destination), { 0, 0, NULL, 0 }
          };

          g_array_append_val (self->destinations, destination);
          destination_of[row.destination] = self->destinations->len;
        }
      cell_add (self, &g_array_index (self->destinations, LodeChartDestination,
                                      destination_of[row.destination] - 1).total,
                row.value, rate, source, row.year);

      for (guint t = 0; t < self->targets->len; t++)
        {
          LodeChartTarget *target = g_ptr_array_index (self->targets, t);
          guint target_year;

          if (!target->exports ||
              (target_match[(gsize) t * n_strings + row.mineral] & 1) == 0 ||
              (target_match[(gsize) t * n_strings + row.destination] & 2) == 0)
            continue;

          if (!target_place (self, target, &record, &target_year))
            {
              target->n_unplaced++;
              continue;
            }
          /* In dollars, as the chart of its progress draws it; in a
           * currency, its exact sum too. */
          lode_chart_cell_add (&target->actual[target_year], row.value, source, row.year);
          if (self->converter != NULL)
            lode_amount_sum_add (&target->actual[target_year].exact, row.value, rate);
        }
    }

  if (self->converter != NULL)
    {
      self->total = round_sum (&total);
      self->unplaced_value = round_sum (&unplaced);
      round_cells (self->stages, LODE_N_STAGES);
      round_cells (self->years, n_years);
      for (guint i = 0; i < self->minerals->len; i++)
        {
          LodeChartMineral *mineral = g_ptr_array_index (self->minerals, i);

          round_cells (&mineral->total, 1);
          round_cells (mineral->stages, LODE_N_STAGES);
          round_cells (mineral->years, n_years);
          round_cells (mineral->months, (gsize) n_years * 12);
        }
      for (guint i = 0; i < self->destinations->len; i++)
        round_cells (&g_array_index (self->destinations, LodeChartDestination, i).total, 1);
    }

  g_ptr_array_sort (self->minerals, compare_minerals);
  g_array_sort (self->destinations, compare_destinations);

  for (guint t = 0; t < self->targets->len; t++)
    {
      measure_growth (self, g_ptr_array_index (self->targets, t));
      if (self->converter != NULL)
        measure_growth_in_currency (self, g_ptr_array_index (self->targets, t),
                                    target_missing + (gsize) t * n_target_years);
    }
}

LodeChartData *
lode_chart_data_new (LodePortfolio *portfolio)
{
  return lode_chart_data_new_for_periods (portfolio, 1);
}

LodeChartData *
lode_chart_data_new_for_periods (LodePortfolio *portfolio,
                                 int            start_month)
{
  return lode_chart_data_new_converted (portfolio, start_month, NULL);
}

LodeChartData *
lode_chart_data_new_converted (LodePortfolio *portfolio,
                               int            start_month,
                               LodeConverter *converter)
{
  g_autoptr(LodeExportTableVersion) version = NULL;
  LodeChartData *self;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, NULL);

  self = chart_data_begin (portfolio, start_month, converter);
  /* Read in place: the version is let go of before the table can change,
   * so the table takes its columns back without a copy. */
  version = _lode_export_table_freeze (self->table);
  chart_data_add_records (self, version);

  return self;
}

/* Aggregating in a worker */

typedef struct
{
  LodeChartData          *data;
  LodeExportTableVersion *version;
} AggregateJob;

static void
aggregate_job_free (gpointer user_data)
{
  AggregateJob *job = user_data;

  /* The version is let go of by lode_chart_data_new_finish(), on the
   * thread that changes the table; this is only for a task never
   * finished. */
  g_clear_pointer (&job->version, _lode_export_table_version_free);
  g_clear_pointer (&job->data, lode_chart_data_unref);
  g_free (job);
}

static void
aggregate_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AggregateJob *job = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;

  _lode_export_table_version_detach (job->version);
  chart_data_add_records (job->data, job->version);
  g_task_return_boolean (task, TRUE);
}

void
lode_chart_data_new_async (LodePortfolio       *portfolio,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  lode_chart_data_new_for_periods_async (portfolio, 1, cancellable, callback, user_data);
}

void
lode_chart_data_new_for_periods_async (LodePortfolio       *portfolio,
                                       int                  start_month,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  lode_chart_data_new_converted_async (portfolio, start_month, NULL, cancellable, callback, user_data);
}

void
lode_chart_data_new_converted_async (LodePortfolio       *portfolio,
                                     int                  start_month,
                                     LodeConverter       *converter,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AggregateJob *job;

  g_return_if_fail (LODE_IS_PORTFOLIO (portfolio));
  g_return_if_fail (start_month >= 1 && start_month <= 12);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (AggregateJob, 1);
  job->data = chart_data_begin (portfolio, start_month, converter);
  job->version = _lode_export_table_freeze (job->data->table);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lode_chart_data_new_async);
  g_task_set_task_data (task, job, aggregate_job_free);
  g_task_run_in_thread (task, aggregate_thread);
}

LodeChartData *
lode_chart_data_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  AggregateJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lode_chart_data_new_async, NULL);

  job = g_task_get_task_data (G_TASK (result));
  /* The worker is done with the version: let go of it here, where the
   * table changes. */
  g_clear_pointer (&job->version, _lode_export_table_version_free);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return g_steal_pointer (&job->data);
}

LodeChartData *
lode_chart_data_ref (LodeChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lode_chart_data_unref (LodeChartData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->years);
  g_ptr_array_unref (self->minerals);
  g_array_unref (self->destinations);
  g_ptr_array_unref (self->targets);
  g_free (self->investment_years);
  g_clear_pointer (&self->investors, g_array_unref);
  g_hash_table_unref (self->source_titles);
  g_hash_table_unref (self->strings);
  g_object_unref (self->table);
  g_free (self->currency);
  g_array_unref (self->missing_years);
  g_clear_pointer (&self->converter, lode_converter_unref);
  g_free (self->investment_missing);
  g_free (self);
}

guint
lode_chart_data_get_n_years (LodeChartData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_year == 0 ? 0 : (guint) (self->last_year - self->first_year + 1);
}

guint
lode_chart_data_count_minerals_in_year (LodeChartData *self,
                                        int            year)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->first_year == 0 || year < self->first_year || year > self->last_year)
    return 0;

  for (guint i = 0; i < self->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (self->minerals, i);

      if (mineral->years[year - self->first_year].count > 0)
        count++;
    }

  return count;
}

LodeChartMineral *
lode_chart_data_find_mineral (LodeChartData *self,
                              const char    *mineral)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->minerals->len; i++)
    {
      LodeChartMineral *chart_mineral = g_ptr_array_index (self->minerals, i);

      if (g_strcmp0 (chart_mineral->id, mineral) == 0)
        return chart_mineral;
    }

  return NULL;
}

gboolean
lode_chart_mineral_has_production_and_exports (const LodeChartMineral *mineral)
{
  g_return_val_if_fail (mineral != NULL, FALSE);

  return mineral->production_unit != LODE_UNIT_NONE && mineral->total.count > 0;
}

gboolean
lode_chart_mineral_exports_quantities (const LodeChartMineral *mineral)
{
  g_return_val_if_fail (mineral != NULL, FALSE);

  return lode_chart_mineral_has_production_and_exports (mineral) && mineral->export_unquantified == 0;
}

const LodeChartCell *
lode_chart_mineral_get_calendar_exports (LodeChartData          *data,
                                         const LodeChartMineral *mineral,
                                         int                     year,
                                         double                 *quantity)
{
  const LodeChartCell *cell;
  guint c;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (mineral != NULL, NULL);

  if (mineral->calendar_years == NULL)
    {
      /* The periods are calendar years. */
      if (data->start_month != 1 || data->first_year == 0 || year < data->first_year || year > data->last_year)
        return NULL;
      c = (guint) (year - data->first_year);
      cell = &mineral->years[c];
      if (quantity != NULL && cell->count > 0)
        *quantity = mineral->export_quantity[c];
    }
  else
    {
      if (data->target_first_year == 0 || year < data->target_first_year || year > data->target_last_year)
        return NULL;
      c = (guint) (year - data->target_first_year);
      cell = &mineral->calendar_years[c];
      if (quantity != NULL && cell->count > 0)
        *quantity = mineral->calendar_quantity[c];
    }

  return cell->count > 0 ? cell : NULL;
}

gboolean
lode_chart_mineral_get_exported (LodeChartData          *data,
                                 const LodeChartMineral *mineral,
                                 int                     year,
                                 double                 *exported,
                                 double                 *produced)
{
  double production;
  double quantity = 0;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (mineral != NULL, FALSE);

  if (!lode_chart_mineral_exports_quantities (mineral) ||
      year < mineral->production_first_year || year > mineral->production_last_year ||
      lode_chart_mineral_get_calendar_exports (data, mineral, year, &quantity) == NULL)
    return FALSE;

  production = mineral->production[year - mineral->production_first_year];
  if (!(production > 0))
    return FALSE;

  if (exported != NULL)
    *exported = quantity;
  if (produced != NULL)
    *produced = production;

  return TRUE;
}

const char *
lode_chart_data_describe_source (LodeChartData *self,
                                 const char    *source)
{
  const char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (source == NULL)
    return NULL;
  if (source == LODE_CHART_SOURCES_MIXED)
    return _("several sources");

  text = g_hash_table_lookup (self->source_titles, source);

  return text != NULL ? text : source;
}

LodeMoney
lode_chart_data_get_investment (LodeChartData      *self,
                                int                 year,
                                LodeInvestmentKind  kind)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) kind < LODE_N_INVESTMENT_KINDS, 0);

  if (self->investment_first_year == 0 || year < self->investment_first_year || year > self->investment_last_year)
    return 0;

  return self->investment_years[(year - self->investment_first_year) * LODE_N_INVESTMENT_KINDS + kind];
}

char *
lode_chart_data_dup_period_name (LodeChartData *self,
                                 int            year)
{
  LodePeriod period = { year, 1 };

  g_return_val_if_fail (self != NULL, NULL);

  period.start_month = self->start_month;
  return lode_period_to_string (&period);
}

char *
lode_chart_data_describe_missing (LodeChartData *self)
{
  g_autoptr(GString) years = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_missing == 0)
    return NULL;

  years = g_string_new (NULL);
  for (guint i = 0; i < self->missing_years->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the years of a list, "2021, 2022". */
        g_string_append (years, _(", "));
      g_string_append_printf (years, "%d", g_array_index (self->missing_years, int, i));
    }

  /* TRANSLATORS: "No PKR rate for 2021, 2022: 12 records left out"; the
   * records are left out of the figures shown in that currency */
  return g_strdup_printf (g_dngettext (NULL,
                                       "No %s rate for %s: %u record left out",
                                       "No %s rate for %s: %u records left out",
                                       self->n_missing),
                          self->currency, years->str, self->n_missing);
}

char *
lode_chart_data_format_short (LodeChartData *self,
                              LodeMoney      value)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->currency == NULL)
    return lode_money_format_short (value);

  return lode_amount_format_short (self->currency, value);
}

char *
lode_chart_data_format_investment (LodeChartData *self,
                                   LodeMoney      value)
{
  return lode_chart_data_format_short (self, value);
}

char *
lode_chart_data_format_full (LodeChartData *self,
                             LodeMoney      value)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->currency == NULL)
    return lode_money_format_full (value);

  return lode_amount_format_full (self->currency, value);
}
