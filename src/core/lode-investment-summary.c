/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-investment-summary.h"
#include "lode-periods.h"

/* The sums of one year or one country, by kind (withdrawals apart). */
typedef struct
{
  int        year;
  char      *country;
  LodeMoney  by_kind[LODE_N_INVESTMENT_KINDS];
} Totals;

struct _LodeInvestmentSummary
{
  Totals  all;
  guint   n_events;
  guint   n_unplaced; /* events of a year alone, in no fiscal year */
  GArray *years;      /* Totals, by year ascending */
  GArray *countries;  /* Totals, largest committed first */
};

static void
totals_clear (gpointer data)
{
  Totals *totals = data;

  g_free (totals->country);
}

static void
totals_add (Totals             *totals,
            LodeInvestmentKind  kind,
            LodeMoney           value)
{
  totals->by_kind[kind] += value;
}

static LodeMoney
totals_get (const Totals       *totals,
            LodeInvestmentKind  kind)
{
  if (kind == LODE_INVESTMENT_KIND_COMMITTED)
    return MAX (totals->by_kind[LODE_INVESTMENT_KIND_COMMITTED] -
                totals->by_kind[LODE_INVESTMENT_KIND_WITHDRAWN], 0);

  return totals->by_kind[kind];
}

static Totals *
find_year (GArray *years,
           int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, Totals, i).year == year)
      return &g_array_index (years, Totals, i);

  g_array_append_val (years, ((Totals) { .year = year }));

  return &g_array_index (years, Totals, years->len - 1);
}

static Totals *
find_country (GArray     *countries,
              const char *country)
{
  for (guint i = 0; i < countries->len; i++)
    if (g_strcmp0 (g_array_index (countries, Totals, i).country, country) == 0)
      return &g_array_index (countries, Totals, i);

  g_array_append_val (countries, ((Totals) { .country = g_strdup (country) }));

  return &g_array_index (countries, Totals, countries->len - 1);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  const Totals *ta = a, *tb = b;

  return (ta->year > tb->year) - (ta->year < tb->year);
}

/* The unknown country last; then the most committed; then by code, so
 * that the order never depends on the order of the events. */
static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  const Totals *ta = a, *tb = b;
  LodeMoney ca, cb;

  if ((ta->country == NULL) != (tb->country == NULL))
    return ta->country == NULL ? 1 : -1;

  ca = totals_get (ta, LODE_INVESTMENT_KIND_COMMITTED);
  cb = totals_get (tb, LODE_INVESTMENT_KIND_COMMITTED);
  if (ca != cb)
    return ca > cb ? -1 : 1;

  return g_strcmp0 (ta->country, tb->country);
}

int
lode_investment_get_period_year (LodeInvestment *event,
                                 int             start_month)
{
  const char *date = lode_investment_get_date (event);
  int year = lode_investment_get_year (event);
  int month = 0;
  LodePeriod period;

  if (year == 0 || start_month == 1)
    return year;

  /* "2026-01" or "2026-01-28": the month follows the year. */
  if (date[4] == '-' && g_ascii_isdigit (date[5]) && g_ascii_isdigit (date[6]))
    month = (date[5] - '0') * 10 + (date[6] - '0');
  if (!lode_period_place (year, month, start_month, &period))
    return 0;

  return period.first_year;
}

/* Returns: (transfer full): the totals of the LodeInvestment items of
 * @investments. The lists of years and countries are short (a few dozen at
 * most), so they are searched in place rather than hashed. */
LodeInvestmentSummary *
lode_investment_summary_new (GListModel *investments)
{
  return lode_investment_summary_new_for_periods (investments, 1);
}

LodeInvestmentSummary *
lode_investment_summary_new_for_periods (GListModel *investments,
                                         int         start_month)
{
  LodeInvestmentSummary *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (investments), NULL);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, NULL);

  self = g_new0 (LodeInvestmentSummary, 1);
  self->years = g_array_new (FALSE, TRUE, sizeof (Totals));
  self->countries = g_array_new (FALSE, TRUE, sizeof (Totals));
  g_array_set_clear_func (self->countries, totals_clear);

  n = g_list_model_get_n_items (investments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (investments, i);
      LodeInvestmentKind kind = lode_investment_get_kind (event);
      LodeMoney value = lode_investment_get_value (event);
      int year;

      if (kind <= LODE_INVESTMENT_KIND_UNKNOWN || kind >= LODE_N_INVESTMENT_KINDS)
        continue;

      year = lode_investment_get_period_year (event, start_month);
      self->n_events++;
      totals_add (&self->all, kind, value);
      if (year != 0)
        totals_add (find_year (self->years, year), kind, value);
      else if (lode_investment_get_year (event) != 0)
        self->n_unplaced++;
      totals_add (find_country (self->countries, lode_investment_get_investor_country (event)),
                  kind, value);
    }

  g_array_sort (self->years, compare_years);
  g_array_sort (self->countries, compare_countries);

  return self;
}

void
lode_investment_summary_free (LodeInvestmentSummary *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->years);
  g_array_unref (self->countries);
  g_free (self);
}

LodeMoney
lode_investment_summary_get_total (LodeInvestmentSummary *self,
                                   LodeInvestmentKind     kind)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind > LODE_INVESTMENT_KIND_UNKNOWN && kind < LODE_N_INVESTMENT_KINDS, 0);

  return totals_get (&self->all, kind);
}

guint
lode_investment_summary_get_n_events (LodeInvestmentSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_events;
}

guint
lode_investment_summary_get_n_unplaced (LodeInvestmentSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_unplaced;
}

guint
lode_investment_summary_get_n_years (LodeInvestmentSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->years->len;
}

int
lode_investment_summary_get_year (LodeInvestmentSummary *self,
                                  guint                  index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->years->len, 0);

  return g_array_index (self->years, Totals, index).year;
}

LodeMoney
lode_investment_summary_get_year_total (LodeInvestmentSummary *self,
                                        int                    year,
                                        LodeInvestmentKind     kind)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind > LODE_INVESTMENT_KIND_UNKNOWN && kind < LODE_N_INVESTMENT_KINDS, 0);

  for (guint i = 0; i < self->years->len; i++)
    {
      const Totals *totals = &g_array_index (self->years, Totals, i);

      if (totals->year == year)
        return totals->by_kind[kind];
    }

  return 0;
}

guint
lode_investment_summary_get_n_countries (LodeInvestmentSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->countries->len;
}

const char *
lode_investment_summary_get_country (LodeInvestmentSummary *self,
                                     guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->countries->len, NULL);

  return g_array_index (self->countries, Totals, index).country;
}

LodeMoney
lode_investment_summary_get_country_total (LodeInvestmentSummary *self,
                                           const char            *country,
                                           LodeInvestmentKind     kind)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind > LODE_INVESTMENT_KIND_UNKNOWN && kind < LODE_N_INVESTMENT_KINDS, 0);

  for (guint i = 0; i < self->countries->len; i++)
    {
      const Totals *totals = &g_array_index (self->countries, Totals, i);

      if (g_strcmp0 (totals->country, country) == 0)
        return totals_get (totals, kind);
    }

  return 0;
}

const char *
lode_investment_summary_get_leading_country (LodeInvestmentSummary *self)
{
  const Totals *first;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->countries->len == 0)
    return NULL;

  /* Sorted: the first is the known country with the most committed. */
  first = &g_array_index (self->countries, Totals, 0);
  if (first->country == NULL || totals_get (first, LODE_INVESTMENT_KIND_COMMITTED) == 0)
    return NULL;

  return first->country;
}

gboolean
lode_investment_summary_get_pipeline_share (LodeInvestmentSummary *self,
                                            LodeInvestmentKind     kind,
                                            double                *share)
{
  static const LodeInvestmentKind steps[] = {
    LODE_INVESTMENT_KIND_ANNOUNCED,
    LODE_INVESTMENT_KIND_AGREED,
    LODE_INVESTMENT_KIND_COMMITTED,
    LODE_INVESTMENT_KIND_DISBURSED,
  };
  LodeMoney first = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind >= LODE_INVESTMENT_KIND_ANNOUNCED &&
                        kind <= LODE_INVESTMENT_KIND_DISBURSED, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    first = MAX (first, totals_get (&self->all, steps[i]));

  if (first == 0)
    return FALSE;

  if (share != NULL)
    *share = (double) totals_get (&self->all, kind) / (double) first;

  return TRUE;
}
