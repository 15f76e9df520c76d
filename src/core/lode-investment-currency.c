/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lode-investment.h"
#include "lode-investment-currency.h"
#include "lode-investment-summary.h"
#include "lode-project.h"

/* The exact sums of some events: by kind, and what found no rate. */
typedef struct
{
  LodeAmountSum sums[LODE_N_INVESTMENT_KINDS];
  gboolean      seen[LODE_N_INVESTMENT_KINDS];
  guint         count[LODE_N_INVESTMENT_KINDS];
  guint         n_missing[LODE_N_INVESTMENT_KINDS];
  LodeMoney     value_missing[LODE_N_INVESTMENT_KINDS];
} Sums;

static void
sums_add (Sums           *sums,
          LodeConverter  *converter,
          LodeInvestment *event)
{
  LodeInvestmentKind kind = lode_investment_get_kind (event);
  LodeMoney value = lode_investment_get_value (event);

  if (kind <= LODE_INVESTMENT_KIND_UNKNOWN || kind >= LODE_N_INVESTMENT_KINDS || value < 0)
    return;

  sums->seen[kind] = TRUE;
  sums->count[kind]++;
  if (!lode_converter_add_date (converter, value, lode_investment_get_date (event), &sums->sums[kind]))
    {
      sums->n_missing[kind]++;
      sums->value_missing[kind] += value;
    }
}

/* The total of the kinds of @kinds (bits 1 << kind); commitments net
 * of withdrawals when @net. */
static gboolean
sums_get (const Sums         *sums,
          guint               kinds,
          gboolean            net,
          LodeConvertedTotal *total,
          LodeAmountSum      *exact)
{
  LodeAmountSum sum = LODE_AMOUNT_SUM_INIT;

  memset (total, 0, sizeof *total);
  for (int kind = LODE_INVESTMENT_KIND_UNKNOWN + 1; kind < LODE_N_INVESTMENT_KINDS; kind++)
    {
      gboolean counted = (kinds & (1u << kind)) != 0;

      if (net && (kinds & (1u << LODE_INVESTMENT_KIND_COMMITTED)) != 0 &&
          kind == LODE_INVESTMENT_KIND_WITHDRAWN)
        counted = TRUE;
      if (!counted)
        continue;

      total->count += sums->count[kind];
      total->n_missing += sums->n_missing[kind];
      total->value_missing += sums->value_missing[kind];
      if ((kinds & (1u << kind)) != 0)
        lode_amount_sum_add_sum (&sum, &sums->sums[kind]);
    }
  if (net && (kinds & (1u << LODE_INVESTMENT_KIND_COMMITTED)) != 0 &&
      (kinds & (1u << LODE_INVESTMENT_KIND_WITHDRAWN)) == 0)
    lode_amount_sum_subtract (&sum, &sums->sums[LODE_INVESTMENT_KIND_WITHDRAWN]);

  if (exact != NULL)
    lode_amount_sum_add_sum (exact, &sum);
  if (!lode_amount_sum_round (&sum, &total->amount))
    {
      total->amount = G_MAXINT64;
      return FALSE;
    }

  return TRUE;
}

static gboolean
convert_total (GListModel         *investments,
               LodeConverter      *converter,
               int                 start_month,
               int                 year,
               const char         *country,
               guint               kinds,
               LodeConvertedTotal *total)
{
  Sums sums = { 0, };
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (investments), FALSE);
  g_return_val_if_fail (converter != NULL, FALSE);
  g_return_val_if_fail (kinds != 0 && total != NULL, FALSE);

  n = g_list_model_get_n_items (investments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (investments, i);

      if (year != 0 && lode_investment_get_period_year (event, start_month) != year)
        continue;
      if (country != NULL && g_strcmp0 (lode_investment_get_investor_country (event), country) != 0)
        continue;

      sums_add (&sums, converter, event);
    }

  return sums_get (&sums, kinds, year == 0, total, NULL);
}

gboolean
lode_investment_convert_total (GListModel         *investments,
                               LodeConverter      *converter,
                               int                 year,
                               const char         *country,
                               guint               kinds,
                               LodeConvertedTotal *total)
{
  return convert_total (investments, converter, 1, year, country, kinds, total);
}

gboolean
lode_investment_convert_period_total (GListModel         *investments,
                                      LodeConverter      *converter,
                                      int                 start_month,
                                      int                 year,
                                      guint               kinds,
                                      LodeConvertedTotal *total)
{
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);
  g_return_val_if_fail (year != 0, FALSE);

  return convert_total (investments, converter, start_month, year, NULL, kinds, total);
}

/* The events of @project, summed by kind. */
static void
sum_project_events (LodePortfolio *portfolio,
                    LodeConverter *converter,
                    const char    *project,
                    Sums          *sums)
{
  GListModel *events = G_LIST_MODEL (lode_portfolio_get_investments (portfolio));
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (lode_investment_get_project (event), project) == 0)
        sums_add (sums, converter, event);
    }
}

gboolean
lode_portfolio_convert_project_investment (LodePortfolio      *portfolio,
                                           LodeConverter      *converter,
                                           const char         *project,
                                           LodeInvestmentKind  kind,
                                           LodeConvertedTotal *total,
                                           LodeAmountSum      *sum,
                                           LodeMoney          *usd)
{
  Sums sums = { 0, };
  LodeProject *item;
  gboolean has_events;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (converter != NULL && project != NULL, FALSE);
  g_return_val_if_fail (kind == LODE_INVESTMENT_KIND_COMMITTED || kind == LODE_INVESTMENT_KIND_DISBURSED, FALSE);
  g_return_val_if_fail (total != NULL && usd != NULL, FALSE);

  sum_project_events (portfolio, converter, project, &sums);
  has_events = sums.seen[kind] ||
               (kind == LODE_INVESTMENT_KIND_COMMITTED && sums.seen[LODE_INVESTMENT_KIND_WITHDRAWN]);
  *usd = LODE_MONEY_UNSET;
  memset (total, 0, sizeof *total);
  if (has_events)
    return sums_get (&sums, LODE_INVESTMENT_KIND_BIT (kind), TRUE, total, sum);

  /* Files of before events keep their stored figures, which have no date. */
  item = lode_portfolio_find_project (portfolio, project);
  if (item != NULL)
    *usd = kind == LODE_INVESTMENT_KIND_COMMITTED ? lode_project_get_committed (item)
                                                  : lode_project_get_disbursed (item);
  return FALSE;
}

void
lode_portfolio_convert_investment_totals (LodePortfolio      *portfolio,
                                          LodeConverter      *converter,
                                          LodeConvertedTotal *committed,
                                          LodeConvertedTotal *disbursed,
                                          LodeMoney          *committed_usd,
                                          LodeMoney          *disbursed_usd)
{
  GListModel *projects;
  GListModel *events;
  Sums all = { 0, };
  LodeAmountSum c = LODE_AMOUNT_SUM_INIT, d = LODE_AMOUNT_SUM_INIT;
  LodeConvertedTotal totals[2] = { { 0, }, { 0, } };
  LodeMoney usd[2] = { 0, 0 };
  guint n;

  g_return_if_fail (LODE_IS_PORTFOLIO (portfolio));
  g_return_if_fail (converter != NULL);

  /* Each project by its own rule, events or stored figures... */
  projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  n = g_list_model_get_n_items (projects);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      Sums sums = { 0, };
      const LodeInvestmentKind kinds[2] = { LODE_INVESTMENT_KIND_COMMITTED, LODE_INVESTMENT_KIND_DISBURSED };

      sum_project_events (portfolio, converter, lode_project_get_id (project), &sums);
      for (guint k = 0; k < 2; k++)
        {
          LodeInvestmentKind kind = kinds[k];
          gboolean has_events = sums.seen[kind] ||
                                (kind == LODE_INVESTMENT_KIND_COMMITTED && sums.seen[LODE_INVESTMENT_KIND_WITHDRAWN]);
          LodeMoney stored = kind == LODE_INVESTMENT_KIND_COMMITTED ? lode_project_get_committed (project)
                                                                    : lode_project_get_disbursed (project);

          if (!has_events)
            {
              if (stored != LODE_MONEY_UNSET)
                usd[k] += stored;
              continue;
            }

          totals[k].count += sums.count[kind];
          totals[k].n_missing += sums.n_missing[kind];
          totals[k].value_missing += sums.value_missing[kind];
          if (kind == LODE_INVESTMENT_KIND_COMMITTED)
            {
              LodeAmountSum net = sums.sums[kind];

              lode_amount_sum_subtract (&net, &sums.sums[LODE_INVESTMENT_KIND_WITHDRAWN]);
              lode_amount_sum_add_sum (&c, &net);
              totals[k].count += sums.count[LODE_INVESTMENT_KIND_WITHDRAWN];
              totals[k].n_missing += sums.n_missing[LODE_INVESTMENT_KIND_WITHDRAWN];
              totals[k].value_missing += sums.value_missing[LODE_INVESTMENT_KIND_WITHDRAWN];
            }
          else
            lode_amount_sum_add_sum (&d, &sums.sums[kind]);
        }
    }

  /* ...and the events of no project in the list, in their order. */
  events = G_LIST_MODEL (lode_portfolio_get_investments (portfolio));
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (events, i);
      const char *project = lode_investment_get_project (event);
      LodeInvestmentKind kind = lode_investment_get_kind (event);
      Sums one = { 0, };

      if (project != NULL && lode_portfolio_find_project (portfolio, project) != NULL)
        continue;
      if (kind != LODE_INVESTMENT_KIND_COMMITTED && kind != LODE_INVESTMENT_KIND_WITHDRAWN &&
          kind != LODE_INVESTMENT_KIND_DISBURSED)
        continue;

      sums_add (&one, converter, event);
      sums_add (&all, converter, event);
      if (kind == LODE_INVESTMENT_KIND_COMMITTED)
        lode_amount_sum_add_sum (&c, &one.sums[kind]);
      else if (kind == LODE_INVESTMENT_KIND_WITHDRAWN)
        lode_amount_sum_subtract (&c, &one.sums[kind]);
      else
        lode_amount_sum_add_sum (&d, &one.sums[kind]);
    }
  for (guint k = 0; k < 2; k++)
    {
      LodeInvestmentKind kind = k == 0 ? LODE_INVESTMENT_KIND_COMMITTED : LODE_INVESTMENT_KIND_DISBURSED;

      totals[k].count += all.count[kind];
      totals[k].n_missing += all.n_missing[kind];
      totals[k].value_missing += all.value_missing[kind];
    }
  totals[0].count += all.count[LODE_INVESTMENT_KIND_WITHDRAWN];
  totals[0].n_missing += all.n_missing[LODE_INVESTMENT_KIND_WITHDRAWN];
  totals[0].value_missing += all.value_missing[LODE_INVESTMENT_KIND_WITHDRAWN];

  if (!lode_amount_sum_round (&c, &totals[0].amount))
    totals[0].amount = G_MAXINT64;
  if (!lode_amount_sum_round (&d, &totals[1].amount))
    totals[1].amount = G_MAXINT64;

  if (committed != NULL)
    *committed = totals[0];
  if (disbursed != NULL)
    *disbursed = totals[1];
  if (committed_usd != NULL)
    *committed_usd = usd[0];
  if (disbursed_usd != NULL)
    *disbursed_usd = usd[1];
}
