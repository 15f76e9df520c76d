/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-export-table-private.h"
#include "lode-compare-private.h"
#include "lode-periods.h"
#include "lode-rules.h"

G_DEFINE_QUARK (lode-period-error-quark, lode_period_error)

void
lode_period_of_month (int         year,
                      int         month,
                      int         start_month,
                      LodePeriod *period)
{
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (start_month >= 1 && start_month <= 12);

  period->start_month = start_month;
  period->first_year = month >= start_month ? year : year - 1;
}

gboolean
lode_period_place (int         year,
                   int         month,
                   int         start_month,
                   LodePeriod *period)
{
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);

  if (month == 0)
    {
      /* A whole calendar year lies across two fiscal years; which share
       * belongs to which is not known, so it is not guessed. */
      if (start_month != 1)
        return FALSE;

      period->first_year = year;
      period->start_month = 1;
      return TRUE;
    }

  lode_period_of_month (year, month, start_month, period);

  return TRUE;
}

gboolean
lode_period_place_row (const LodeExportRow *row,
                       int                  fiscal_year_start,
                       int                  start_month,
                       LodePeriod          *period)
{
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (fiscal_year_start >= 1 && fiscal_year_start <= 12, FALSE);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);

  /* A fiscal year of the portfolio is a whole period in a view of its
   * fiscal years, and lies across two periods in any other. */
  if (row->month == 0 && row->period == LODE_PERIOD_KIND_FISCAL_YEAR && fiscal_year_start != 1)
    {
      if (start_month != fiscal_year_start)
        return FALSE;

      period->first_year = row->year;
      period->start_month = start_month;
      return TRUE;
    }

  return lode_period_place (row->year, row->month, start_month, period);
}

char *
lode_period_month_name (int month)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  date = g_date_time_new_utc (2001, month, 1, 0, 0, 0);
  return g_date_time_format (date, "%OB");
}

gboolean
lode_period_equal (const LodePeriod *a,
                   const LodePeriod *b)
{
  return a->first_year == b->first_year && a->start_month == b->start_month;
}

char *
lode_period_to_string (const LodePeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (period->start_month == 1)
    return g_strdup_printf ("%d", period->first_year);

  /* Translators: a fiscal year from its first year to the last two digits
   * of the next, as in "FY2024-25". Keep both numbers in this order; the
   * text is also read back when typed, in this form or as "FY2024-25". */
  return g_strdup_printf (_("FY%d-%02d"), period->first_year, (period->first_year + 1) % 100);
}

/* The number of ASCII digits at @p. */
static gsize
count_digits (const char *p)
{
  gsize n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;

  return n;
}

/* "2024-25", "2024/25", "2024-2025" (after an optional "FY"): TRUE with
 * the first year when the second is the year after it. */
static gboolean
parse_fiscal (const char *p,
              int        *first_year)
{
  int first, second;
  gsize n;

  if (count_digits (p) != 4 || (p[4] != '-' && p[4] != '/'))
    return FALSE;

  first = atoi (p);
  n = count_digits (p + 5);
  if ((n != 2 && n != 4) || p[5 + n] != '\0')
    return FALSE;

  second = atoi (p + 5);
  if (n == 2 ? second != (first + 1) % 100 : second != first + 1)
    return FALSE;

  *first_year = first;

  return TRUE;
}

/* The translated name of a fiscal year, as lode_period_to_string() makes
 * it: found by making the name of the first four-digit number in @text. */
static gboolean
parse_translated (const char *text,
                  int         start_month,
                  int        *first_year)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (count_digits (p) == 4)
        {
          LodePeriod period = { .first_year = atoi (p), .start_month = start_month };
          g_autofree char *name = lode_period_to_string (&period);

          if (g_str_equal (name, text))
            {
              *first_year = period.first_year;
              return TRUE;
            }
          return FALSE;
        }
    }

  return FALSE;
}

gboolean
lode_period_parse (const char  *text,
                   int          start_month,
                   LodePeriod  *period,
                   GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  gboolean fiscal = FALSE;
  int first_year = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, FALSE);

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (count_digits (p) == 4 && p[4] == '\0')
    {
      first_year = atoi (p);
    }
  else
    {
      if (g_ascii_strncasecmp (p, "FY", 2) == 0)
        p += 2;
      fiscal = parse_fiscal (p, &first_year);
      if (!fiscal && start_month != 1)
        fiscal = parse_translated (copy, start_month, &first_year);
      if (!fiscal)
        {
          g_set_error (error, LODE_PERIOD_ERROR, LODE_PERIOD_ERROR_INVALID,
                       _("“%s” is not a year or a fiscal year: write 2024 or FY2024-25"),
                       text);
          return FALSE;
        }
    }

  /* A fiscal year ends in the year after it begins. */
  if (!lode_rule_year (first_year, NULL) || (fiscal && !lode_rule_year (first_year + 1, NULL)))
    {
      g_set_error (error, LODE_PERIOD_ERROR, LODE_PERIOD_ERROR_INVALID,
                   _("“%s” is outside the years from %d to %d"),
                   text, LODE_YEAR_MIN, LODE_YEAR_MAX);
      return FALSE;
    }

  if (fiscal && start_month == 1)
    {
      g_set_error (error, LODE_PERIOD_ERROR, LODE_PERIOD_ERROR_NO_FISCAL,
                   _("“%s” is a fiscal year, but the fiscal year starts in January: write %d"),
                   text, first_year);
      return FALSE;
    }

  period->first_year = first_year;
  period->start_month = fiscal ? start_month : 1;

  return TRUE;
}

/* Slots by first year: the table holds years from 0 to G_MAXUINT16, and a
 * fiscal year may begin the year before. */
#define N_YEAR_SLOTS (G_MAXUINT16 + 2)

static LodePeriodTotals *
period_totals_new (const LodeExportColumns *columns,
                   int                      fiscal_year_start,
                   int                      start_month)
{
  g_autofree guint *counts = NULL;
  g_autofree LodeMoney *values = NULL;
  LodePeriodTotals *totals;
  LodeExportColumns c = *columns;

  totals = g_new0 (LodePeriodTotals, 1);
  totals->totals = g_array_new (FALSE, TRUE, sizeof (LodePeriodTotal));

  counts = g_new0 (guint, N_YEAR_SLOTS);
  values = g_new0 (LodeMoney, N_YEAR_SLOTS);

  for (guint i = 0; i < c.n_rows; i++)
    {
      int year = c.year[i];
      int month = c.month[i];
      guint slot;

      /* A record of a fiscal year of the portfolio: its own period in a
       * view of those fiscal years, placed nowhere in any other. */
      if (month == 0 && c.period != NULL && c.period[i] == LODE_PERIOD_KIND_FISCAL_YEAR &&
          fiscal_year_start != 1)
        {
          if (start_month != fiscal_year_start)
            {
              totals->n_unplaced++;
              totals->unplaced_value += c.value[i];
              continue;
            }

          slot = year + 1;
          counts[slot]++;
          values[slot] += c.value[i];
          continue;
        }

      if (month == 0 && start_month != 1)
        {
          totals->n_unplaced++;
          totals->unplaced_value += c.value[i];
          continue;
        }

      /* Slot 0 is the year before year 0. */
      slot = month != 0 && month < start_month ? year : year + 1;
      counts[slot]++;
      values[slot] += c.value[i];
    }

  for (guint slot = 0; slot < N_YEAR_SLOTS; slot++)
    {
      LodePeriodTotal total = {
        .period = { .first_year = (int) slot - 1, .start_month = start_month },
        .count = counts[slot],
        .value = values[slot],
      };

      if (total.count > 0)
        g_array_append_val (totals->totals, total);
    }

  return totals;
}

LodePeriodTotals *
lode_period_totals_new (LodeExportTable *table,
                        int              start_month)
{
  LodeExportColumns columns;

  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (table), NULL);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, NULL);

  _lode_export_table_get_columns (table, &columns);
  return period_totals_new (&columns, lode_export_table_get_fiscal_year_start (table), start_month);
}

LodePeriodTotals *
_lode_period_totals_new_for_version (const LodeExportTableVersion *version,
                                     int                           fiscal_year_start,
                                     int                           start_month)
{
  LodeExportColumns columns;

  g_return_val_if_fail (version != NULL, NULL);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, NULL);

  _lode_export_table_version_get_columns (version, &columns);
  return period_totals_new (&columns, fiscal_year_start, start_month);
}

void
lode_period_totals_free (LodePeriodTotals *totals)
{
  if (totals == NULL)
    return;

  g_array_unref (totals->totals);
  g_free (totals);
}
