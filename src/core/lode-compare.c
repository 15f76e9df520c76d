/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lode-compare-private.h"
#include "lode-csv.h"
#include "lode-enum-types.h"

/* Where the records are read: the table itself, on the thread that
 * changes it, or a version of it frozen there, on any one thread. */
typedef struct
{
  LodeExportTable              *table;
  const LodeExportTableVersion *version;
  LodeExportColumns             columns;
  int                           fiscal_year_start;
} Records;

static void
records_init_table (Records         *records,
                    LodeExportTable *table)
{
  records->table = table;
  records->version = NULL;
  _lode_export_table_get_columns (table, &records->columns);
  records->fiscal_year_start = lode_export_table_get_fiscal_year_start (table);
}

static void
records_init_version (Records                      *records,
                      const LodeExportTableVersion *version,
                      int                           fiscal_year_start)
{
  records->table = NULL;
  records->version = version;
  _lode_export_table_version_get_columns (version, &records->columns);
  records->fiscal_year_start = fiscal_year_start;
}

typedef enum
{
  OUTSIDE,    /* in another period */
  PLACED,     /* in the period */
  UNPLACED,   /* a whole year that overlaps the (fiscal) period */
} Place;

static Place
place_in (const LodePeriod *p,
          int               year,
          int               month,
          LodePeriodKind    kind,
          int               fiscal_year_start)
{
  LodeExportRow row = { .year = year, .month = month, .period = kind };
  LodePeriod period;
  int first, start;

  if (lode_period_place_row (&row, fiscal_year_start, p->start_month, &period))
    return lode_period_equal (&period, p) ? PLACED : OUTSIDE;

  /* A whole year that was not placed: unplaced where it overlaps the
   * period, counting months from year 0. */
  first = p->first_year * 12 + p->start_month - 1;
  if (kind == LODE_PERIOD_KIND_FISCAL_YEAR)
    start = year * 12 + fiscal_year_start - 1;
  else
    start = year * 12;

  return start < first + 12 && first < start + 12 ? UNPLACED : OUTSIDE;
}

static guint32
key_of (const LodeExportColumns *c,
        LodeExportField          field,
        guint                    i)
{
  switch (field)
    {
    case LODE_EXPORT_FIELD_MINERAL:
      return c->mineral[i];
    case LODE_EXPORT_FIELD_DESTINATION:
      return c->destination[i];
    case LODE_EXPORT_FIELD_HS_CODE:
      return c->hs_code[i];
    case LODE_EXPORT_FIELD_STAGE:
      return c->stage[i];
    case LODE_EXPORT_FIELD_YEAR:
    default:
      g_assert_not_reached ();
    }
}

/* The key's text: an interned string (one pointer for equal ones), a
 * stage's nick, or NULL. */
static const char *
key_string (const Records   *records,
            LodeExportField  field,
            guint32          key)
{
  if (field == LODE_EXPORT_FIELD_STAGE)
    return key == LODE_STAGE_UNKNOWN ? NULL : lode_enum_to_nick (LODE_TYPE_STAGE, key);
  if (records->version != NULL)
    return _lode_export_table_version_get_string (records->version, key);

  return _lode_export_table_get_string (records->table, key);
}

static void
row_finish (LodeCompareRow *row)
{
  row->change = row->value[1] - row->value[0];
  row->has_percent = row->value[0] != 0;
  if (row->has_percent)
    row->percent = 100.0 * (double) row->change / (double) row->value[0];
}

/* The row of @key, made when it is first met. @slots maps keys to their
 * index in the rows + 1. */
static LodeCompareRow *
find_or_add_row (LodeComparison *self,
                 GHashTable     *slots,
                 const Records  *records,
                 guint32         key)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (slots, GUINT_TO_POINTER (key)));

  if (index == 0)
    {
      LodeCompareRow empty = { .key = key_string (records, self->field, key) };

      g_array_append_val (self->rows, empty);
      index = self->rows->len;
      g_hash_table_insert (slots, GUINT_TO_POINTER (key), GUINT_TO_POINTER (index));
    }

  return &g_array_index (self->rows, LodeCompareRow, index - 1);
}

static LodeComparison *
comparison_new (const Records    *records,
                LodeExportField   field,
                const LodePeriod *first,
                const LodePeriod *second)
{
  g_autoptr(GHashTable) slots = NULL;
  LodeComparison *self;
  const LodeExportColumns *cols = &records->columns;
  int fiscal_year_start = records->fiscal_year_start;

  self = g_new0 (LodeComparison, 1);
  self->field = field;
  self->periods[0] = *first;
  self->periods[1] = *second;
  self->rows = g_array_new (FALSE, TRUE, sizeof (LodeCompareRow));

  slots = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < cols->n_rows; i++)
    {
      Place places[2];
      LodeCompareRow *row = NULL;

      LodePeriodKind kind = cols->period != NULL ? cols->period[i] : LODE_PERIOD_KIND_UNKNOWN;

      places[0] = place_in (first, cols->year[i], cols->month[i], kind, fiscal_year_start);
      places[1] = place_in (second, cols->year[i], cols->month[i], kind, fiscal_year_start);
      if (places[0] == OUTSIDE && places[1] == OUTSIDE)
        continue;

      /* Each side on its own: the same period may be on both, and a whole
       * year may be in a calendar year on one side and unplaced in a
       * fiscal year on the other. */
      for (guint side = 0; side < 2; side++)
        {
          if (places[side] == UNPLACED)
            {
              self->n_unplaced[side]++;
              self->unplaced_value[side] += cols->value[i];
            }
          else if (places[side] == PLACED)
            {
              if (row == NULL)
                row = find_or_add_row (self, slots, records, key_of (cols, field, i));
              row->count[side]++;
              row->value[side] += cols->value[i];
              self->count[side]++;
              self->value[side] += cols->value[i];
            }
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    row_finish (&g_array_index (self->rows, LodeCompareRow, i));

  lode_comparison_sort (self, LODE_COMPARE_SORT_CHANGE, TRUE);

  return self;
}

LodeComparison *
lode_comparison_new (LodeExportTable  *table,
                     LodeExportField   field,
                     const LodePeriod *first,
                     const LodePeriod *second)
{
  Records records;

  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (table), NULL);
  g_return_val_if_fail (field != LODE_EXPORT_FIELD_YEAR, NULL);
  g_return_val_if_fail (first != NULL && second != NULL, NULL);

  records_init_table (&records, table);
  return comparison_new (&records, field, first, second);
}

LodeComparison *
_lode_comparison_new_for_version (const LodeExportTableVersion *version,
                                  int                           fiscal_year_start,
                                  LodeExportField               field,
                                  const LodePeriod             *first,
                                  const LodePeriod             *second)
{
  Records records;

  g_return_val_if_fail (version != NULL, NULL);
  g_return_val_if_fail (field != LODE_EXPORT_FIELD_YEAR, NULL);
  g_return_val_if_fail (first != NULL && second != NULL, NULL);

  records_init_version (&records, version, fiscal_year_start);
  return comparison_new (&records, field, first, second);
}

void
lode_comparison_free (LodeComparison *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rows);
  g_free (self->currency);
  g_free (self);
}

static gboolean
comparison_convert (LodeComparison *self,
                    const Records  *records,
                    LodeConverter  *converter)
{
  const LodeExportColumns *cols = &records->columns;
  g_autoptr(GHashTable) index = NULL;
  g_autofree LodeAmountSum *sums = NULL;
  LodeAmountSum totals[2] = { LODE_AMOUNT_SUM_INIT, LODE_AMOUNT_SUM_INIT };
  gboolean fits = TRUE;

  /* Rows by their key: interned strings and nicks are one pointer each;
   * the rows without one by the records themselves. */
  index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      LodeCompareRow *row = &g_array_index (self->rows, LodeCompareRow, i);

      row->amount[0] = row->amount[1] = 0;
      row->n_missing[0] = row->n_missing[1] = 0;
      g_hash_table_insert (index, row->key != NULL ? (gpointer) row->key : (gpointer) records,
                           GUINT_TO_POINTER (i));
    }
  sums = g_new0 (LodeAmountSum, 2 * MAX (self->rows->len, 1));
  self->n_missing[0] = self->n_missing[1] = 0;

  for (guint i = 0; i < cols->n_rows; i++)
    {
      LodeExportRow row = {
        .year = cols->year[i],
        .month = cols->month[i],
        .value = cols->value[i],
        .period = cols->period != NULL ? cols->period[i] : LODE_PERIOD_KIND_UNKNOWN,
      };

      for (guint side = 0; side < 2; side++)
        {
          const char *key;
          gpointer slot;
          guint r;

          if (place_in (&self->periods[side], row.year, row.month, row.period,
                        records->fiscal_year_start) != PLACED)
            continue;

          key = key_string (records, self->field, key_of (cols, self->field, i));
          if (!g_hash_table_lookup_extended (index, key != NULL ? (gpointer) key : (gpointer) records,
                                             NULL, &slot))
            continue;
          r = GPOINTER_TO_UINT (slot);

          if (lode_converter_add_row (converter, &row, &sums[2 * r + side]))
            lode_converter_add_row (converter, &row, &totals[side]);
          else
            {
              g_array_index (self->rows, LodeCompareRow, r).n_missing[side]++;
              self->n_missing[side]++;
            }
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      LodeCompareRow *row = &g_array_index (self->rows, LodeCompareRow, i);

      for (guint side = 0; side < 2; side++)
        fits &= lode_amount_sum_round (&sums[2 * i + side], &row->amount[side]);
    }
  for (guint side = 0; side < 2; side++)
    fits &= lode_amount_sum_round (&totals[side], &self->amount[side]);

  g_free (self->currency);
  self->currency = g_strdup (lode_converter_get_code (converter));

  return fits;
}

gboolean
lode_comparison_convert (LodeComparison  *self,
                         LodeExportTable *table,
                         LodeConverter   *converter)
{
  Records records;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (table), FALSE);
  g_return_val_if_fail (converter != NULL, FALSE);

  records_init_table (&records, table);
  return comparison_convert (self, &records, converter);
}

gboolean
_lode_comparison_convert_version (LodeComparison               *self,
                                  const LodeExportTableVersion *version,
                                  int                           fiscal_year_start,
                                  LodeConverter                *converter)
{
  Records records;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);
  g_return_val_if_fail (converter != NULL, FALSE);

  records_init_version (&records, version, fiscal_year_start);
  return comparison_convert (self, &records, converter);
}

typedef struct
{
  LodeCompareSort column;
  gboolean        descending;
} SortSpec;

static int
compare_money (LodeMoney a,
               LodeMoney b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const LodeCompareRow *ra = a;
  const LodeCompareRow *rb = b;
  const SortSpec *spec = user_data;
  int result = 0;

  switch (spec->column)
    {
    case LODE_COMPARE_SORT_KEY:
      break;
    case LODE_COMPARE_SORT_FIRST:
      result = compare_money (ra->value[0], rb->value[0]);
      break;
    case LODE_COMPARE_SORT_SECOND:
      result = compare_money (ra->value[1], rb->value[1]);
      break;
    case LODE_COMPARE_SORT_CHANGE:
      result = compare_money (ra->change, rb->change);
      break;
    case LODE_COMPARE_SORT_PERCENT:
      /* Without a percent last, either way. */
      if (ra->has_percent != rb->has_percent)
        return ra->has_percent ? -1 : 1;
      if (ra->has_percent)
        result = ra->percent < rb->percent ? -1 : ra->percent > rb->percent ? 1 : 0;
      break;
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    {
      /* Records without a key ("unknown") after the others. */
      if ((ra->key == NULL) != (rb->key == NULL))
        return ra->key == NULL ? 1 : -1;
      result = g_strcmp0 (ra->key, rb->key);
      if (spec->column != LODE_COMPARE_SORT_KEY)
        return result;
    }

  return spec->descending ? -result : result;
}

void
lode_comparison_sort (LodeComparison  *self,
                      LodeCompareSort  column,
                      gboolean         descending)
{
  SortSpec spec = { column, descending };

  g_return_if_fail (self != NULL);

  g_array_sort_with_data (self->rows, compare_rows, &spec);
}

const char *
lode_comparison_field_name (LodeExportField field)
{
  switch (field)
    {
    case LODE_EXPORT_FIELD_MINERAL:
      return "mineral";
    case LODE_EXPORT_FIELD_DESTINATION:
      return "destination";
    case LODE_EXPORT_FIELD_STAGE:
      return "stage";
    case LODE_EXPORT_FIELD_HS_CODE:
      return "hs_code";
    case LODE_EXPORT_FIELD_YEAR:
      return "year";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
lode_comparison_append_csv_header (GString *out)
{
  lode_comparison_append_csv_header_in (out, LODE_CURRENCY_USD);
}

void
lode_comparison_append_csv_header_in (GString    *out,
                                      const char *code)
{
  g_autofree char *unit = g_ascii_strdown (code, -1);

  g_return_if_fail (out != NULL && code != NULL);

  g_string_append_printf (out, "by,key,name,first,second,first_records,first_value_%s,"
                               "second_records,second_value_%s,change_%s,change_percent\n",
                          unit, unit, unit);
}

/* An amount in hundredths, or an empty cell for none. */
static void
append_money_cell (GString   *out,
                   gboolean   has_value,
                   LodeMoney  cents)
{
  g_autofree char *text = has_value ? lode_money_to_json (cents) : NULL;

  if (text != NULL)
    lode_csv_append_cell (out, text);
}

/* The untranslated name of @period, which reads back whatever the
 * language: "2024", "FY2024-25". */
static char *
period_csv_name (const LodePeriod *period)
{
  if (period->start_month == 1)
    return g_strdup_printf ("%d", period->first_year);

  return g_strdup_printf ("FY%d-%02d", period->first_year, (period->first_year + 1) % 100);
}

void
lode_comparison_append_csv_row (LodeComparison       *self,
                                LodePortfolio        *portfolio,
                                const LodeCompareRow *row,
                                const gint64          values[2],
                                const gboolean        has_value[2],
                                GString              *out)
{
  g_autofree char *first = period_csv_name (&self->periods[0]);
  g_autofree char *second = period_csv_name (&self->periods[1]);
  const char *name = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean has_change = has_value[0] && has_value[1];
  gint64 change = values[1] - values[0];

  g_return_if_fail (self != NULL && row != NULL && out != NULL);

  if (self->field == LODE_EXPORT_FIELD_MINERAL && portfolio != NULL && row->key != NULL)
    {
      LodeMineral *mineral = lode_portfolio_find_mineral (portfolio, row->key);

      if (mineral != NULL)
        name = lode_mineral_get_name (mineral);
    }

  lode_csv_append_cell (out, lode_comparison_field_name (self->field));
  g_string_append_c (out, ',');
  lode_csv_append_cell (out, row->key != NULL ? row->key : "");
  g_string_append_c (out, ',');
  lode_csv_append_cell (out, name != NULL ? name : "");
  g_string_append_c (out, ',');
  lode_csv_append_cell (out, first);
  g_string_append_c (out, ',');
  lode_csv_append_cell (out, second);
  g_string_append_printf (out, ",%u,", row->count[0]);
  append_money_cell (out, has_value[0], values[0]);
  g_string_append_printf (out, ",%u,", row->count[1]);
  append_money_cell (out, has_value[1], values[1]);
  g_string_append_c (out, ',');
  append_money_cell (out, has_change, change);
  g_string_append_c (out, ',');
  if (has_change && values[0] != 0)
    g_string_append (out, g_ascii_formatd (number, sizeof number, "%.1f",
                                           100.0 * (double) change / (double) values[0]));
  g_string_append_c (out, '\n');
}

void
lode_comparison_append_csv (LodeComparison *self,
                            LodePortfolio  *portfolio,
                            GString        *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const LodeCompareRow *row = &g_array_index (self->rows, LodeCompareRow, i);
      const gint64 values[2] = { row->value[0], row->value[1] };
      const gboolean has_value[2] = { TRUE, TRUE };

      lode_comparison_append_csv_row (self, portfolio, row, values, has_value, out);
    }
}
