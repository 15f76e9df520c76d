/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lode-currency.h"
#include "lode-rules.h"

static gboolean
refuse (const char **why,
        const char  *message)
{
  if (why != NULL)
    *why = message;

  return FALSE;
}

gboolean
lode_rule_slug (const char  *value,
                const char **why)
{
  const char *s = value;

  if (s == NULL || !(g_ascii_islower (*s) || g_ascii_isdigit (*s)))
    goto bad;

  for (; *s; s++)
    if (!g_ascii_islower (*s) && !g_ascii_isdigit (*s) && *s != '-')
      goto bad;

  return TRUE;

bad:
  return refuse (why, _("An id is made of lowercase letters, digits and hyphens, "
                        "starting with a letter or digit"));
}

gboolean
lode_rule_date (const char  *value,
                const char **why)
{
  int year, month = 1, day = 1;
  gsize length;

  if (value == NULL)
    goto bad;

  length = strlen (value);
  if (length != 4 && length != 7 && length != 10)
    goto bad;

  for (gsize i = 0; i < length; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? value[i] != '-' : !g_ascii_isdigit (value[i]))
        goto bad;
    }

  year = atoi (value);
  if (length >= 7)
    month = atoi (value + 5);
  if (length == 10)
    day = atoi (value + 8);

  if (year >= 1 && g_date_valid_dmy (day, month, year))
    return TRUE;

bad:
  return refuse (why, _("A date reads YYYY-MM-DD (or YYYY-MM, or YYYY), as in 2025-09-26"));
}

gboolean
lode_rule_year (gint64       year,
                const char **why)
{
  if (year >= LODE_YEAR_MIN && year <= LODE_YEAR_MAX)
    return TRUE;

  return refuse (why, _("A year is from 1800 to 2200"));
}

gboolean
lode_rule_month (gint64       month,
                 const char **why)
{
  if (month >= 1 && month <= 12)
    return TRUE;

  return refuse (why, _("A month is from 1 to 12"));
}

gboolean
lode_rule_fiscal_year_start (gint64       month,
                             const char **why)
{
  if (month >= 1 && month <= 12)
    return TRUE;

  return refuse (why, _("A fiscal year starts in a month from 1 (January) to 12 (December)"));
}

gboolean
lode_rule_country_code (const char  *value,
                        const char **why)
{
  if (value != NULL && g_ascii_isupper (value[0]) && g_ascii_isupper (value[1]) && value[2] == '\0')
    return TRUE;

  return refuse (why, _("A country is an ISO 3166-1 code of two capital letters, such as CN"));
}

gboolean
lode_rule_hs_code (const char  *value,
                   const char **why)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length != 2 && length != 4 && length != 6)
    goto bad;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (value[i]))
      goto bad;

  return TRUE;

bad:
  return refuse (why, _("An HS code has 2, 4 or 6 digits"));
}

gboolean
lode_rule_currency_code (const char  *value,
                         const char **why)
{
  if (value == NULL || !g_ascii_isupper (value[0]) || !g_ascii_isupper (value[1]) ||
      !g_ascii_isupper (value[2]) || value[3] != '\0')
    return refuse (why, _("A currency is an ISO 4217 code of three capital letters, such as PKR"));

  if (!lode_currency_is_known (value))
    return refuse (why, _("This is not an ISO 4217 currency code known to this system"));

  return TRUE;
}

gboolean
lode_rule_rate_currency (const char  *value,
                         const char **why)
{
  if (!lode_rule_currency_code (value, why))
    return FALSE;

  if (strcmp (value, LODE_CURRENCY_USD) == 0)
    return refuse (why, _("Rates are of other currencies against the US dollar: USD needs none"));

  return TRUE;
}

gboolean
lode_rule_rate (gint64       rate,
                const char **why)
{
  if (rate > 0 && rate <= LODE_RATE_MAX)
    return TRUE;

  return refuse (why, _("A rate is the number of units of the currency a US dollar buys: "
                        "more than 0 and at most 1000000000, with up to 6 decimals"));
}

gboolean
lode_rule_original_amount (gint64       amount,
                           const char **why)
{
  if (amount >= 0 && amount <= LODE_MONEY_MAX)
    return TRUE;

  return refuse (why, _("An amount is a number from 0 to 70 trillion with at most two decimals"));
}

gboolean
lode_rule_jobs (gint64       jobs,
                const char **why)
{
  if (jobs >= 0 && jobs <= LODE_JOBS_MAX)
    return TRUE;

  return refuse (why, _("Jobs are a whole number from 0 to 2,147,483,647"));
}

gboolean
lode_rule_quantity (double       quantity,
                    const char **why)
{
  if (isfinite (quantity) && quantity >= 0)
    return TRUE;

  return refuse (why, _("Enter a number, 0 or more"));
}

gboolean
lode_rule_share (double       share,
                 const char **why)
{
  if (isfinite (share) && share >= 0 && share <= 1)
    return TRUE;

  return refuse (why, _("A share is between 0 and 100 %"));
}

gboolean
lode_rule_change (double       change,
                  const char **why)
{
  if (isfinite (change) && change >= -1.0)
    return TRUE;

  return refuse (why, _("A change is any rise, or a fall of at most 100 %"));
}

/* White space, and characters that take no room: format characters
 * (zero-width space and joiners, bidi marks, the byte-order mark),
 * combining marks alone, and unassigned or control characters. */
static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      /* U+200B ZERO WIDTH SPACE is Cf in current Unicode, but older
       * tables had it as Zs; either way it is covered above. */
      return g_unichar_isspace (c);
    }
}

gboolean
lode_rule_name (const char  *value,
                const char **why)
{
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return refuse (why, _("Enter a name"));

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (!is_invisible (g_utf8_get_char (p)))
      return TRUE;

  return refuse (why, _("Enter a name"));
}
