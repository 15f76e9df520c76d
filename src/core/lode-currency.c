/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "lode-countries-private.h"
#include "lode-currency.h"
#include "lode-enum-types.h"
#include "lode-enums.h"
#include "lode-exchange-rate.h"
#include "lode-export-table-private.h"
#include "lode-money-private.h"
#include "lode-rules.h"

#define ISO_4217_DOMAIN "iso_4217"

G_DEFINE_QUARK (lode-currency-error-quark, lode_currency_error)

/* Rates */

gboolean
lode_rate_parse (const char  *text,
                 LodeRate    *rate,
                 const char **why)
{
  const char *p = text;
  guint64 value = 0;
  int n_whole = 0, n_decimals = 0;

  g_return_val_if_fail (rate != NULL, FALSE);

  if (p == NULL)
    goto bad;

  for (; g_ascii_isdigit (*p); p++, n_whole++)
    {
      /* More whole digits than any rate the rules take can have. */
      if (n_whole >= 12)
        goto bad;
      value = value * 10 + (*p - '0');
    }

  if (n_whole == 0)
    goto bad;

  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, n_decimals++)
        {
          if (n_decimals >= LODE_RATE_DIGITS)
            goto bad;
          value = value * 10 + (*p - '0');
        }
      if (n_decimals == 0)
        goto bad;
    }

  if (*p != '\0')
    goto bad;

  for (int i = n_decimals; i < LODE_RATE_DIGITS; i++)
    value *= 10;

  if (!lode_rule_rate ((gint64) MIN (value, (guint64) G_MAXINT64), why))
    return FALSE;

  *rate = (LodeRate) value;
  return TRUE;

bad:
  if (why != NULL)
    *why = _("A rate is written as a decimal number in a string, such as \"278.8313\", "
             "with up to 6 decimals");
  return FALSE;
}

/* Appends @rate with @point as its decimal point, no trailing zeros. */
static void
append_rate (GString    *out,
             LodeRate    rate,
             const char *point)
{
  gint64 whole = rate / LODE_RATE_SCALE;
  gint64 fraction = rate % LODE_RATE_SCALE;
  char digits[LODE_RATE_DIGITS + 1];
  int length = LODE_RATE_DIGITS;

  g_string_append_printf (out, "%" G_GINT64_FORMAT, whole);
  if (fraction == 0)
    return;

  g_snprintf (digits, sizeof digits, "%06" G_GINT64_FORMAT, fraction);
  while (length > 0 && digits[length - 1] == '0')
    length--;

  g_string_append (out, point);
  g_string_append_len (out, digits, length);
}

char *
lode_rate_to_string (LodeRate rate)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (rate >= 0, g_string_free (out, TRUE));

  append_rate (out, rate, ".");

  return g_string_free (out, FALSE);
}

char *
lode_rate_format (LodeRate rate)
{
  g_autofree char *whole = NULL;
  const struct lconv *conv = localeconv ();
  const char *point = conv->decimal_point != NULL && *conv->decimal_point != '\0'
                        ? conv->decimal_point : ".";
  GString *out;

  g_return_val_if_fail (rate >= 0, NULL);

  whole = lode_format_count ((guint64) (rate / LODE_RATE_SCALE));
  out = g_string_new (whole);
  if (rate % LODE_RATE_SCALE != 0)
    {
      g_autoptr(GString) fraction = g_string_new (NULL);

      append_rate (fraction, rate % LODE_RATE_SCALE, point);
      /* "0.8313" → ".8313" after the grouped whole part. */
      g_string_append (out, fraction->str + 1);
    }

  return g_string_free (out, FALSE);
}

/* Currencies of iso-codes */

typedef struct
{
  GHashTable *names;  /* code → translated name */
  char      **codes;  /* sorted by name */
} Currencies;

/* Codes ISO 4217 lists that are no currency a sum can be shown in:
 * precious metals, the IMF's and the bond markets' units of account,
 * funds, and the codes kept for tests and for "no currency". */
static const char * const not_currencies[] = {
  "XAG", "XAU", "XPD", "XPT",
  "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA",
  "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",
  "XTS", "XXX",
};

static gboolean
is_currency (JsonObject *entry,
             const char *code,
             gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_currencies); i++)
    if (strcmp (code, not_currencies[i]) == 0)
      return FALSE;

  return TRUE;
}

static Currencies *
load_currencies (void)
{
  static const char * const name_members[] = { "name", NULL };
  Currencies *currencies = g_new0 (Currencies, 1);

  currencies->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  currencies->codes = _lode_load_iso_names (ISO_4217_DOMAIN, "4217", "alpha_3", name_members,
                                            currencies->names, is_currency, NULL);

  return currencies;
}

static const Currencies *
get_currencies (void)
{
  static Currencies *currencies;

  if (g_once_init_enter (&currencies))
    g_once_init_leave (&currencies, load_currencies ());

  return currencies;
}

gboolean
lode_currency_is_known (const char *code)
{
  const Currencies *currencies = get_currencies ();

  if (code == NULL)
    return FALSE;

  /* Without iso-codes, any code of the right shape that is a currency. */
  if (g_hash_table_size (currencies->names) == 0)
    return is_currency (NULL, code, NULL);

  return g_hash_table_contains (currencies->names, code);
}

const char *
lode_currency_name (const char *code)
{
  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (get_currencies ()->names, code);
}

const char * const *
lode_currency_codes (void)
{
  return (const char * const *) get_currencies ()->codes;
}

/* Amounts */

/* Shows @amount of @code with @format, after the dollar sign for US
 * dollars, else after "PKR" and a no-break space: the code, which every
 * reader can tell apart, rather than a symbol ("Rs", "¥") that several
 * currencies share. */
static char *
format_amount (const char               *code,
               LodeAmount                amount,
               LodeFormatHundredthsFunc  format)
{
  g_autofree char *prefix = NULL;

  if (strcmp (code, LODE_CURRENCY_USD) == 0)
    return format (_LODE_DOLLAR_PREFIX, amount);

  prefix = g_strconcat (code, "\u00a0", NULL);
  return format (prefix, amount);
}

char *
lode_amount_format_full (const char *code,
                         LodeAmount  amount)
{
  g_return_val_if_fail (code != NULL, NULL);

  return format_amount (code, amount, _lode_format_hundredths_full);
}

char *
lode_amount_format_short (const char *code,
                          LodeAmount  amount)
{
  g_return_val_if_fail (code != NULL, NULL);

  return format_amount (code, amount, _lode_format_hundredths_short);
}

char *
lode_amount_to_json (LodeAmount amount)
{
  return lode_money_to_json (amount);
}

/* Exact arithmetic in 128 bits, on two 64-bit halves, so that it needs no
 * compiler extension. */

static void
mul_64 (guint64        a,
        guint64        b,
        LodeAmountSum *product)
{
  guint64 a_low = a & 0xffffffffu, a_high = a >> 32;
  guint64 b_low = b & 0xffffffffu, b_high = b >> 32;
  guint64 low_low = a_low * b_low;
  guint64 low_high = a_low * b_high;
  guint64 high_low = a_high * b_low;
  guint64 high_high = a_high * b_high;
  guint64 middle = (low_low >> 32) + (low_high & 0xffffffffu) + (high_low & 0xffffffffu);

  product->low = (middle << 32) | (low_low & 0xffffffffu);
  product->high = high_high + (low_high >> 32) + (high_low >> 32) + (middle >> 32);
}

void
lode_amount_sum_add_sum (LodeAmountSum       *sum,
                         const LodeAmountSum *other)
{
  guint64 low = sum->low + other->low;

  sum->high += other->high + (low < sum->low ? 1 : 0);
  sum->low = low;
}

void
lode_amount_sum_subtract (LodeAmountSum       *sum,
                          const LodeAmountSum *other)
{
  g_return_if_fail (sum != NULL && other != NULL);

  if (sum->high < other->high || (sum->high == other->high && sum->low <= other->low))
    {
      sum->high = 0;
      sum->low = 0;
      return;
    }

  sum->high -= other->high + (sum->low < other->low ? 1 : 0);
  sum->low -= other->low;
}

void
lode_amount_sum_add (LodeAmountSum *sum,
                     LodeMoney      cents,
                     LodeRate       rate)
{
  LodeAmountSum product;

  g_return_if_fail (sum != NULL);
  g_return_if_fail (cents >= 0 && rate >= 0);

  mul_64 ((guint64) cents, (guint64) rate, &product);
  lode_amount_sum_add_sum (sum, &product);
}

/* @value divided by @divisor (below 2^62), rounded to the nearest, halves
 * up: FALSE when the quotient does not fit in a gint64. */
static gboolean
divide_rounded (const LodeAmountSum *value,
                guint64              divisor,
                gint64              *quotient)
{
  guint64 high = 0, low = 0, remainder = 0;

  g_assert (divisor > 0 && divisor < (G_GUINT64_CONSTANT (1) << 62));

  /* Long division, a bit at a time: the remainder stays below the
   * divisor, so doubling it never overflows. */
  for (int bit = 127; bit >= 0; bit--)
    {
      guint64 next = bit >= 64 ? (value->high >> (bit - 64)) & 1 : (value->low >> bit) & 1;

      remainder = (remainder << 1) | next;
      high = (high << 1) | (low >> 63);
      low <<= 1;
      if (remainder >= divisor)
        {
          remainder -= divisor;
          low |= 1;
        }
    }

  if (remainder >= divisor - remainder)
    {
      low++;
      if (low == 0)
        high++;
    }

  if (high != 0 || low > (guint64) G_MAXINT64)
    return FALSE;

  *quotient = (gint64) low;
  return TRUE;
}

gboolean
lode_amount_sum_round (const LodeAmountSum *sum,
                       LodeAmount          *amount)
{
  g_return_val_if_fail (sum != NULL && amount != NULL, FALSE);

  return divide_rounded (sum, LODE_RATE_SCALE, amount);
}

/* Converters */

/* Rates by year from LODE_YEAR_MIN to LODE_YEAR_MAX: the calendar year's,
 * each month's, and the fiscal year's (beginning in that year). */
#define N_YEARS     (LODE_YEAR_MAX - LODE_YEAR_MIN + 1)
#define SLOT_YEAR   0
#define SLOT_FISCAL 13
#define N_SLOTS     14

struct _LodeConverter
{
  int       ref_count;
  char     *code;
  gboolean  identity;
  int       fiscal_year_start;
  LodeRate *rates;             /* N_YEARS × N_SLOTS, 0 for none */
  guint8   *missing;           /* N_YEARS: years that found no rate */
  GArray   *missing_years;     /* int, made when asked for */
};

static inline LodeRate *
slot_of (LodeConverter *self,
         int            year,
         int            slot)
{
  if (year < LODE_YEAR_MIN || year > LODE_YEAR_MAX)
    return NULL;

  return &self->rates[(year - LODE_YEAR_MIN) * N_SLOTS + slot];
}

LodeConverter *
lode_converter_new (GListModel *rates,
                    const char *code,
                    int         fiscal_year_start)
{
  LodeConverter *self;
  guint n_items;

  g_return_val_if_fail (rates == NULL || G_IS_LIST_MODEL (rates), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (fiscal_year_start >= 1 && fiscal_year_start <= 12, NULL);

  self = g_new0 (LodeConverter, 1);
  self->ref_count = 1;
  self->code = g_strdup (code);
  self->identity = strcmp (code, LODE_CURRENCY_USD) == 0;
  self->fiscal_year_start = fiscal_year_start;
  self->rates = g_new0 (LodeRate, N_YEARS * N_SLOTS);
  self->missing = g_new0 (guint8, N_YEARS);

  n_items = rates != NULL ? g_list_model_get_n_items (rates) : 0;
  for (guint i = 0; i < n_items && !self->identity; i++)
    {
      g_autoptr(LodeExchangeRate) item = g_list_model_get_item (rates, i);
      int month = lode_exchange_rate_get_month (item);
      int slot = month;
      LodeRate *where;

      if (g_strcmp0 (lode_exchange_rate_get_currency (item), code) != 0)
        continue;
      if (month == 0 && lode_exchange_rate_get_period (item) == LODE_PERIOD_KIND_FISCAL_YEAR)
        slot = SLOT_FISCAL;

      where = slot_of (self, lode_exchange_rate_get_year (item), slot);
      /* The reader refuses a second rate of one period; the first wins. */
      if (where != NULL && *where == 0)
        *where = lode_exchange_rate_get_rate (item);
    }

  return self;
}

LodeConverter *
lode_converter_ref (LodeConverter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  self->ref_count++;
  return self;
}

void
lode_converter_unref (LodeConverter *self)
{
  if (self == NULL || --self->ref_count > 0)
    return;

  g_free (self->code);
  g_free (self->rates);
  g_free (self->missing);
  g_clear_pointer (&self->missing_years, g_array_unref);
  g_free (self);
}

const char *
lode_converter_get_code (LodeConverter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->code;
}

gboolean
lode_converter_get_rate (LodeConverter  *self,
                         int             year,
                         int             month,
                         LodePeriodKind  period,
                         LodeRate       *rate)
{
  LodeRate *where;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (month >= 0 && month <= 12, FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);

  if (self->identity)
    {
      *rate = LODE_RATE_SCALE;
      return TRUE;
    }

  if (month != 0)
    where = slot_of (self, year, month);
  else if (period == LODE_PERIOD_KIND_FISCAL_YEAR)
    where = slot_of (self, year, SLOT_FISCAL);
  else
    where = NULL;

  if (where == NULL || *where == 0)
    where = slot_of (self, year, SLOT_YEAR);

  if (where == NULL || *where == 0)
    return FALSE;

  *rate = *where;
  return TRUE;
}

static void
note_missing (LodeConverter *self,
              int            year)
{
  if (year < LODE_YEAR_MIN || year > LODE_YEAR_MAX)
    return;

  if (!self->missing[year - LODE_YEAR_MIN])
    {
      self->missing[year - LODE_YEAR_MIN] = TRUE;
      g_clear_pointer (&self->missing_years, g_array_unref);
    }
}

static void
set_no_rate (LodeConverter  *self,
             int             year,
             GError        **error)
{
  note_missing (self, year);
  /* TRANSLATORS: the first %s is a currency code (PKR), %d a year. */
  g_set_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_NO_RATE,
               _("No %s rate for %d"), self->code, year);
}

gboolean
lode_converter_convert (LodeConverter  *self,
                        LodeMoney       cents,
                        int             year,
                        int             month,
                        LodePeriodKind  period,
                        LodeAmount     *amount,
                        GError        **error)
{
  LodeAmountSum sum = LODE_AMOUNT_SUM_INIT;
  LodeRate rate;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cents >= 0, FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  if (!lode_converter_get_rate (self, year, month, period, &rate))
    {
      set_no_rate (self, year, error);
      return FALSE;
    }

  lode_amount_sum_add (&sum, cents, rate);
  if (!lode_amount_sum_round (&sum, amount))
    {
      g_set_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_TOO_LARGE,
                   _("The amount is too large to show in %s"), self->code);
      return FALSE;
    }

  return TRUE;
}

gboolean
lode_converter_to_usd (LodeConverter  *self,
                       LodeAmount      amount,
                       int             year,
                       int             month,
                       LodePeriodKind  period,
                       LodeMoney      *cents,
                       GError        **error)
{
  LodeAmountSum scaled = LODE_AMOUNT_SUM_INIT;
  LodeRate rate;
  gint64 result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (amount >= 0, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  if (!lode_converter_get_rate (self, year, month, period, &rate))
    {
      set_no_rate (self, year, error);
      return FALSE;
    }

  /* cents = amount / (rate / SCALE) = amount × SCALE / rate. */
  lode_amount_sum_add (&scaled, amount, LODE_RATE_SCALE);
  if (!divide_rounded (&scaled, (guint64) rate, &result) || result > LODE_MONEY_MAX)
    {
      g_set_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_TOO_LARGE,
                   _("The amount is more than 70 trillion US dollars"));
      return FALSE;
    }

  *cents = result;
  return TRUE;
}

gboolean
lode_converter_add (LodeConverter  *self,
                    LodeMoney       cents,
                    int             year,
                    int             month,
                    LodePeriodKind  period,
                    LodeAmountSum  *sum)
{
  LodeRate rate;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cents >= 0 && sum != NULL, FALSE);
  g_return_val_if_fail (month >= 0 && month <= 12, FALSE);

  if (!lode_converter_get_rate (self, year, month, period, &rate))
    {
      note_missing (self, year);
      return FALSE;
    }

  lode_amount_sum_add (sum, cents, rate);
  return TRUE;
}

gboolean
lode_converter_add_row (LodeConverter       *self,
                        const LodeExportRow *row,
                        LodeAmountSum       *sum)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row != NULL && sum != NULL, FALSE);

  return lode_converter_add (self, row->value, row->year, row->month, row->period, sum);
}

gboolean
lode_date_get_period (const char *date,
                      int        *year,
                      int        *month)
{
  int y = 0, m = 0;

  if (date == NULL)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (date[i]))
        return FALSE;
      y = y * 10 + (date[i] - '0');
    }
  if (date[4] == '-' && g_ascii_isdigit (date[5]) && g_ascii_isdigit (date[6]))
    m = (date[5] - '0') * 10 + (date[6] - '0');
  else if (date[4] != '\0')
    return FALSE;
  if (m > 12)
    return FALSE;

  *year = y;
  *month = m;
  return TRUE;
}

gboolean
lode_converter_convert_date (LodeConverter  *self,
                             LodeMoney       cents,
                             const char     *date,
                             LodeAmount     *amount,
                             GError        **error)
{
  int year, month;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!lode_date_get_period (date, &year, &month))
    {
      g_set_error (error, LODE_CURRENCY_ERROR, LODE_CURRENCY_ERROR_NO_PERIOD,
                   _("In US dollars: no year to take a rate of"));
      return FALSE;
    }

  return lode_converter_convert (self, cents, year, month, LODE_PERIOD_KIND_CALENDAR_YEAR, amount, error);
}

gboolean
lode_converter_add_date (LodeConverter *self,
                         LodeMoney      cents,
                         const char    *date,
                         LodeAmountSum *sum)
{
  int year, month;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!lode_date_get_period (date, &year, &month))
    return FALSE;

  return lode_converter_add (self, cents, year, month, LODE_PERIOD_KIND_CALENDAR_YEAR, sum);
}

GArray *
lode_converter_get_missing (LodeConverter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->missing_years == NULL)
    {
      self->missing_years = g_array_new (FALSE, FALSE, sizeof (int));
      for (int i = 0; i < N_YEARS; i++)
        if (self->missing[i])
          {
            int year = LODE_YEAR_MIN + i;

            g_array_append_val (self->missing_years, year);
          }
    }

  return self->missing_years;
}

char *
lode_converter_describe_missing (LodeConverter *self)
{
  GArray *missing = lode_converter_get_missing (self);
  g_autoptr(GString) years = g_string_new (NULL);

  if (missing->len == 0)
    return NULL;

  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the years of a list, "2021, 2022". */
        g_string_append (years, _(", "));
      g_string_append_printf (years, "%d", g_array_index (missing, int, i));
    }

  /* TRANSLATORS: %s is a currency code (PKR), the second %s a list of
   * years ("2021, 2022"). */
  return g_strdup_printf (_("No %s rate for %s"), self->code, years->str);
}

/* Totals in a currency */

typedef struct
{
  guint         count;
  guint         n_missing;
  LodeMoney     value_missing;
  LodeAmountSum sum;
} Accumulator;

static void
accumulate (LodeConverter       *self,
            Accumulator         *acc,
            const LodeExportRow *row)
{
  acc->count++;
  if (!lode_converter_add_row (self, row, &acc->sum))
    {
      acc->n_missing++;
      acc->value_missing += row->value;
    }
}

static void
finish (const Accumulator  *acc,
        LodeConvertedTotal *total,
        gboolean           *fits)
{
  total->count = acc->count;
  total->n_missing = acc->n_missing;
  total->value_missing = acc->value_missing;
  if (!lode_amount_sum_round (&acc->sum, &total->amount))
    {
      total->amount = G_MAXINT64;
      *fits = FALSE;
    }
}

GArray *
lode_converter_period_totals (LodeConverter          *self,
                              LodeExportTable        *table,
                              const LodePeriodTotals *totals,
                              int                     start_month)
{
  g_autoptr(GHashTable) index = NULL;
  g_autofree Accumulator *accs = NULL;
  GArray *result;
  guint n_rows;
  int fiscal_year_start;
  gboolean fits = TRUE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (table), NULL);
  g_return_val_if_fail (totals != NULL, NULL);

  index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < totals->totals->len; i++)
    {
      const LodePeriodTotal *total = &g_array_index (totals->totals, LodePeriodTotal, i);

      g_hash_table_insert (index, GINT_TO_POINTER (total->period.first_year + 1), GUINT_TO_POINTER (i));
    }

  accs = g_new0 (Accumulator, MAX (totals->totals->len, 1));
  fiscal_year_start = lode_export_table_get_fiscal_year_start (table);
  n_rows = lode_export_table_get_n_rows (table);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;
      LodePeriod period;
      gpointer slot;

      lode_export_table_get_row (table, i, &row);
      if (!lode_period_place_row (&row, fiscal_year_start, start_month, &period))
        continue;
      if (!g_hash_table_lookup_extended (index, GINT_TO_POINTER (period.first_year + 1), NULL, &slot))
        continue;

      accumulate (self, &accs[GPOINTER_TO_UINT (slot)], &row);
    }

  result = g_array_sized_new (FALSE, TRUE, sizeof (LodeConvertedTotal), totals->totals->len);
  g_array_set_size (result, totals->totals->len);
  for (guint i = 0; i < totals->totals->len; i++)
    finish (&accs[i], &g_array_index (result, LodeConvertedTotal, i), &fits);

  return result;
}

gboolean
lode_converter_table_total (LodeConverter      *self,
                            LodeExportTable    *table,
                            LodeConvertedTotal *total)
{
  Accumulator acc = { 0, };
  gboolean fits = TRUE;
  guint n_rows;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (table), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  n_rows = lode_export_table_get_n_rows (table);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      accumulate (self, &acc, &row);
    }

  finish (&acc, total, &fits);
  return fits;
}

GArray *
lode_converter_aggregate (LodeConverter   *self,
                          LodeExportTable *table,
                          LodeExportField  field,
                          GArray          *totals)
{
  g_autoptr(GHashTable) index = NULL;
  g_autofree Accumulator *accs = NULL;
  GArray *result;
  gboolean fits = TRUE;
  guint n_rows;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (table), NULL);
  g_return_val_if_fail (totals != NULL, NULL);

  /* Keys are interned (or static nicks), so pointers tell them apart;
   * years by number. NULL keys ("unknown") map through a sentinel. */
  index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < totals->len; i++)
    {
      const LodeExportTotal *total = &g_array_index (totals, LodeExportTotal, i);
      gconstpointer key = field == LODE_EXPORT_FIELD_YEAR ? GINT_TO_POINTER (total->year + 1)
                          : total->key != NULL ? total->key : (gconstpointer) &index;

      g_hash_table_insert (index, (gpointer) key, GUINT_TO_POINTER (i));
    }

  accs = g_new0 (Accumulator, MAX (totals->len, 1));
  n_rows = lode_export_table_get_n_rows (table);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;
      gconstpointer key;
      gpointer slot;

      lode_export_table_get_row (table, i, &row);
      if (field == LODE_EXPORT_FIELD_YEAR)
        key = GINT_TO_POINTER (row.year + 1);
      else
        {
          key = lode_export_row_get_key (&row, field);
          if (key == NULL)
            key = &index;
        }

      if (g_hash_table_lookup_extended (index, key, NULL, &slot))
        accumulate (self, &accs[GPOINTER_TO_UINT (slot)], &row);
    }

  result = g_array_sized_new (FALSE, TRUE, sizeof (LodeConvertedTotal), totals->len);
  g_array_set_size (result, totals->len);
  for (guint i = 0; i < totals->len; i++)
    finish (&accs[i], &g_array_index (result, LodeConvertedTotal, i), &fits);

  return result;
}
