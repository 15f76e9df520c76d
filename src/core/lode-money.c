/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lode-money-private.h"

/* Room for any gint64 amount in JSON form: a sign, 17 digits of dollars,
 * a point and two digits of cents. */
#define JSON_BUFFER_SIZE 32

/* Below this many dollars (2^46) the doubles nearest to two amounts a cent
 * apart are always different doubles. */
#define DISTINCT_CENTS_LIMIT 70368744177664.0

/* How amounts are shown to people: in US dollars, with the decimal point
 * and digit grouping of the current LC_NUMERIC. The C locale groups
 * nothing; there Lode keeps the English conventions. The JSON text above
 * never depends on the locale. */
#define SUFFIX_SEPARATOR  " "

typedef struct
{
  const char *decimal_point;
  const char *group_separator;
  const char *grouping;
} NumberStyle;

static void
get_number_style (NumberStyle *style)
{
  const struct lconv *conv = localeconv ();

  style->decimal_point = conv->decimal_point;
  style->group_separator = conv->thousands_sep;
  style->grouping = conv->grouping;

  if (style->decimal_point == NULL || *style->decimal_point == '\0')
    style->decimal_point = ".";

  if (style->group_separator == NULL || *style->group_separator == '\0' ||
      style->grouping == NULL || *style->grouping == '\0')
    {
      style->group_separator = ",";
      style->grouping = "\3";
    }
}

static const struct
{
  guint64     dollars;
  const char *suffix;
} short_scales[] = {
  { G_GUINT64_CONSTANT (1000), "K" },
  { G_GUINT64_CONSTANT (1000000), "M" },
  { G_GUINT64_CONSTANT (1000000000), "B" },
  { G_GUINT64_CONSTANT (1000000000000), "T" },
};

static inline guint64
magnitude_of (LodeMoney cents)
{
  /* Negating as unsigned is defined for G_MININT64 too. */
  return cents < 0 ? -(guint64) cents : (guint64) cents;
}

static inline gboolean
is_candidate (gint64 cents,
              double value)
{
  return cents >= 0 && cents <= LODE_MONEY_MAX && (double) cents / 100.0 == value;
}

LodeMoneyCheck
lode_money_from_double (double     value,
                        LodeMoney *cents)
{
  double product;
  double error;
  gint64 nearest;
  gint64 best = -1;
  double best_distance = INFINITY;

  if (!isfinite (value))
    return LODE_MONEY_NOT_FINITE;

  if (value < 0.0)
    return LODE_MONEY_NEGATIVE;

  if (value > (double) LODE_MONEY_MAX / 100.0)
    return LODE_MONEY_TOO_LARGE;

  /* @value is the double nearest some count of cents k / 100 exactly when
   * dividing k by 100 (correctly rounded) gives @value back. Such a k lies
   * within one of the rounded product. */
  product = value * 100.0;
  nearest = llround (product);

  if (value < DISTINCT_CENTS_LIMIT && is_candidate (nearest, value))
    {
      best = nearest;
    }
  else
    {
      /* The exact product is product + error. */
      error = fma (value, 100.0, -product);

      for (gint64 candidate = nearest - 1; candidate <= nearest + 1; candidate++)
        {
          double distance;

          if (!is_candidate (candidate, value))
            continue;

          distance = fabs (((double) candidate - product) - error);
          if (distance < best_distance)
            {
              best = candidate;
              best_distance = distance;
            }
        }
    }

  if (best < 0)
    return LODE_MONEY_TOO_PRECISE;

  if (cents != NULL)
    *cents = best;

  return LODE_MONEY_OK;
}

double
lode_money_to_double (LodeMoney cents)
{
  return (double) cents / 100.0;
}

/* Writes the JSON text of @cents at the end of @buffer, returning where it
 * starts; the shortest exact decimal: "12.05", "12.5", "12". */
static char *
write_json (LodeMoney  cents,
            char      *buffer,
            gsize     *length)
{
  char *end = buffer + JSON_BUFFER_SIZE;
  char *p = end;
  guint64 magnitude = magnitude_of (cents);
  guint64 whole = magnitude / 100;
  guint fraction = magnitude % 100;

  if (fraction != 0)
    {
      if (fraction % 10 != 0)
        *--p = '0' + fraction % 10;
      *--p = '0' + fraction / 10;
      *--p = '.';
    }

  do
    {
      *--p = '0' + whole % 10;
      whole /= 10;
    }
  while (whole != 0);

  if (cents < 0)
    *--p = '-';

  *length = end - p;

  return p;
}

char *
lode_money_to_json (LodeMoney cents)
{
  char buffer[JSON_BUFFER_SIZE];
  const char *text;
  gsize length;

  text = write_json (cents, buffer, &length);

  return g_strndup (text, length);
}

void
lode_money_append_json (GString   *out,
                        LodeMoney  cents)
{
  char buffer[JSON_BUFFER_SIZE];
  const char *text;
  gsize length;

  g_return_if_fail (out != NULL);

  text = write_json (cents, buffer, &length);
  g_string_append_len (out, text, length);
}

/* Appends @whole, its digits grouped as @style says, or not grouped when
 * @style is NULL. */
static void
append_whole (GString           *out,
              guint64            whole,
              const NumberStyle *style)
{
  char digits[32];
  gboolean separator_after[32] = { FALSE, };
  int n_digits = 0;

  do
    {
      digits[n_digits++] = '0' + whole % 10;
      whole /= 10;
    }
  while (whole != 0);

  /* Mark where separators go, counting groups from the units: each byte of
   * grouping is the size of the next group, the last one repeats, CHAR_MAX
   * ends grouping. */
  if (style != NULL)
    {
      const char *group = style->grouping;
      int position = 0;

      while (*group != CHAR_MAX && *group > 0)
        {
          position += *group;
          if (position >= n_digits)
            break;
          separator_after[position] = TRUE;
          if (group[1] != '\0')
            group++;
        }
    }

  for (int i = n_digits - 1; i >= 0; i--)
    {
      g_string_append_c (out, digits[i]);
      if (i > 0 && separator_after[i])
        g_string_append (out, style->group_separator);
    }
}

/* Appends hundredths: grouped with the whole digits in full, as
 * "1,234.50" or "1,234" (cents always in two digits, if any); else
 * trimmed, as "1.14", "1.1" or "1". */
static void
append_hundredths (GString           *out,
                   guint64            hundredths,
                   const NumberStyle *style,
                   gboolean           full)
{
  guint fraction = hundredths % 100;

  append_whole (out, hundredths / 100, full ? style : NULL);

  if (fraction == 0)
    return;

  g_string_append (out, style->decimal_point);
  g_string_append_c (out, '0' + fraction / 10);
  if (full || fraction % 10 != 0)
    g_string_append_c (out, '0' + fraction % 10);
}

/* A new string with the sign of @cents and @prefix (the currency
 * symbol), and the number style of the user's locale in @style. */
static GString *
begin_amount (const char  *prefix,
              LodeMoney    cents,
              NumberStyle *style)
{
  GString *out = g_string_new (NULL);

  get_number_style (style);

  if (cents < 0)
    g_string_append_c (out, '-');
  g_string_append (out, prefix);

  return out;
}

char *
lode_money_format_short (LodeMoney cents)
{
  return _lode_format_hundredths_short (_LODE_DOLLAR_PREFIX, cents);
}

char *
_lode_format_hundredths_short (const char *prefix,
                               gint64      cents)
{
  guint64 magnitude = magnitude_of (cents);
  guint scale = 0;
  guint64 hundredths;
  NumberStyle style;
  GString *out = begin_amount (prefix, cents, &style);

  /* Under a thousand dollars, the amount as it is. */
  if (magnitude < short_scales[0].dollars * 100)
    {
      append_hundredths (out, magnitude, &style, TRUE);
      return g_string_free (out, FALSE);
    }

  /* The largest scale of which there is at least one whole. */
  while (scale + 1 < G_N_ELEMENTS (short_scales) &&
         magnitude >= short_scales[scale + 1].dollars * 100)
    scale++;

  /* Round to hundredths of the scale, half up. One hundredth of the scale
   * holds as many cents as the scale holds dollars. Rounding may reach a
   * thousand of the scale: $999,999.50 is "$1 M", not "$1000 K". */
  for (;;)
    {
      guint64 step = short_scales[scale].dollars;

      hundredths = magnitude / step + (2 * (magnitude % step) >= step ? 1 : 0);

      if (hundredths < 100000 || scale + 1 == G_N_ELEMENTS (short_scales))
        break;

      scale++;
    }

  append_hundredths (out, hundredths, &style, FALSE);
  g_string_append (out, SUFFIX_SEPARATOR);
  g_string_append (out, short_scales[scale].suffix);

  return g_string_free (out, FALSE);
}

char *
lode_money_format_full (LodeMoney cents)
{
  return _lode_format_hundredths_full (_LODE_DOLLAR_PREFIX, cents);
}

char *
_lode_format_hundredths_full (const char *prefix,
                              gint64      cents)
{
  NumberStyle style;
  GString *out = begin_amount (prefix, cents, &style);

  append_hundredths (out, magnitude_of (cents), &style, TRUE);

  return g_string_free (out, FALSE);
}

char *
lode_format_count (guint64 count)
{
  GString *out = g_string_new (NULL);
  NumberStyle style;

  get_number_style (&style);
  append_whole (out, count, &style);

  return g_string_free (out, FALSE);
}
