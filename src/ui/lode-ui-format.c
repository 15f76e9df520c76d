/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "lode-enum-types.h"
#include "lode-kind-names.h"
#include "lode-rules.h"
#include "lode-settings.h"
#include "lode-stage.h"
#include "lode-ui-format.h"

const char *
lode_format_mineral_group (LodeMineralGroup group)
{
  switch (group)
    {
    case LODE_MINERAL_GROUP_BASE_METAL:
      return _("Base metal");
    case LODE_MINERAL_GROUP_PRECIOUS_METAL:
      return _("Precious metal");
    case LODE_MINERAL_GROUP_FERROUS:
      return _("Ferrous");
    case LODE_MINERAL_GROUP_LIGHT_METAL:
      return _("Light metal");
    case LODE_MINERAL_GROUP_RARE_EARTH:
      return _("Rare earth");
    case LODE_MINERAL_GROUP_INDUSTRIAL:
      return _("Industrial mineral");
    case LODE_MINERAL_GROUP_ENERGY:
      return _("Energy mineral");
    case LODE_MINERAL_GROUP_OTHER:
    default:
      return _("Other");
    }
}

/* NULL for LODE_STAGE_UNKNOWN: a list leaves the cell empty. */
const char *
lode_format_stage (LodeStage stage)
{
  return stage != LODE_STAGE_UNKNOWN ? lode_stage_get_name (stage) : NULL;
}

const char *
lode_format_project_status (LodeProjectStatus status)
{
  switch (status)
    {
    case LODE_PROJECT_STATUS_EXPLORATION:
      return _("Exploration");
    case LODE_PROJECT_STATUS_FEASIBILITY:
      return _("Feasibility");
    case LODE_PROJECT_STATUS_DEVELOPMENT:
      return _("Development");
    case LODE_PROJECT_STATUS_CONSTRUCTION:
      return _("Construction");
    case LODE_PROJECT_STATUS_PRODUCTION:
      return _("Production");
    case LODE_PROJECT_STATUS_SUSPENDED:
      return _("Suspended");
    case LODE_PROJECT_STATUS_CLOSED:
      return _("Closed");
    case LODE_PROJECT_STATUS_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
lode_format_investment_kind (LodeInvestmentKind kind)
{
  switch (kind)
    {
    case LODE_INVESTMENT_KIND_ANNOUNCED:
      return _("Announced or MoU");
    case LODE_INVESTMENT_KIND_AGREED:
      return _("Agreement signed");
    default:
      return lode_investment_kind_get_name (kind);
    }
}

const char *
lode_format_month (int month)
{
  static const char * const months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"),
    N_("May"), N_("June"), N_("July"), N_("August"),
    N_("September"), N_("October"), N_("November"), N_("December"),
  };

  if (month < 1 || month > 12)
    return NULL;

  return _(months[month - 1]);
}

char *
lode_format_quantity (double   quantity,
                      LodeUnit unit)
{
  g_autofree char *number = NULL;
  const char *decimal_point;
  const char *nick;
  char *point;

  if (quantity < 0 || !isfinite (quantity))
    return NULL;

  /* The ' flag groups thousands as the locale does; at most two decimals,
   * without trailing zeros. */
  number = g_strdup_printf ("%'.2f", quantity);
  decimal_point = localeconv ()->decimal_point;
  point = strstr (number, decimal_point);
  if (point != NULL && *decimal_point != '\0')
    {
      char *digits = point + strlen (decimal_point);
      char *end = number + strlen (number);

      while (end > digits && end[-1] == '0')
        *--end = '\0';
      if (end == digits)
        *point = '\0';
    }

  nick = lode_enum_to_nick (LODE_TYPE_UNIT, unit);
  if (unit == LODE_UNIT_NONE || nick == NULL)
    return g_steal_pointer (&number);

  /* TRANSLATORS: a quantity and its unit, as in "1,200.5 t" */
  return g_strdup_printf (C_("quantity", "%s %s"), number, nick);
}

char *
lode_format_ltr (char *text)
{
  char *isolated;

  if (text == NULL || gtk_widget_get_default_direction () != GTK_TEXT_DIR_RTL)
    return text;

  /* LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE */
  isolated = g_strconcat ("\u2066", text, "\u2069", NULL);
  g_free (text);

  return isolated;
}

char *
lode_format_money (LodeMoney cents)
{
  if (lode_settings_get_compact_figures ())
    return lode_format_ltr (lode_money_format_short (cents));

  return lode_format_ltr (lode_money_format_full (cents));
}

char *
lode_format_amount (const char *code,
                    LodeAmount  amount)
{
  if (lode_settings_get_compact_figures ())
    return lode_format_ltr (lode_amount_format_short (code, amount));

  return lode_format_ltr (lode_amount_format_full (code, amount));
}

char *
lode_format_converted_total (const char               *code,
                             const LodeConvertedTotal *total)
{
  if (total->count > 0 && total->n_missing == total->count)
    /* TRANSLATORS: in place of an amount that has no rate to be shown in */
    return g_strdup (C_("amount", "—"));

  return lode_format_amount (code, total->amount);
}

LodeConverter *
lode_converter_for_portfolio (LodePortfolio *portfolio,
                              const char    *code)
{
  if (portfolio == NULL || code == NULL || g_str_equal (code, LODE_CURRENCY_USD))
    return NULL;

  return lode_converter_new (G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio)), code,
                             lode_portfolio_get_fiscal_year_start (portfolio));
}

char *
lode_format_money_range (LodeMoney low,
                         LodeMoney high)
{
  g_autofree char *low_text = lode_money_format_short (low);
  g_autofree char *high_text = NULL;

  if (high == LODE_MONEY_UNSET || high == low)
    return lode_format_ltr (g_steal_pointer (&low_text));

  high_text = lode_money_format_short (high);
  /* TRANSLATORS: a range of amounts, as in "$6 B–$8 B" */
  return lode_format_ltr (g_strdup_printf (C_("range", "%s–%s"), low_text, high_text));
}

char *
lode_parse_normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c);

      if (digit >= 0)
        g_string_append_c (out, '0' + digit);
      else if (c == 0x066B || c == 0xFF0E)   /* Arabic decimal separator, full-width full stop */
        g_string_append_c (out, '.');
      else if (c == 0x066C || c == 0xFF0C || c == 0x060C)   /* Arabic thousands separator, commas */
        g_string_append_c (out, ',');
      else if (c == 0xFF0B)
        g_string_append_c (out, '+');
      else if (c == 0xFF0D || c == 0x2212)   /* full-width hyphen-minus, minus sign */
        g_string_append_c (out, '-');
      else if (c == 0xFF05 || c == 0x066A)   /* full-width and Arabic percent signs */
        g_string_append_c (out, '%');
      else if (g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;   /* zero-width spaces and joiners, bidi marks */
      else if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        g_string_append_c (out, ' ');
      else if (c >= 0xFF01 && c <= 0xFF5E)   /* other full-width ASCII */
        g_string_append_c (out, (char) (c - 0xFF01 + '!'));
      else
        g_string_append_unichar (out, c);
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);

  return g_string_free (out, FALSE);
}

/* The decimal mark of the current numeric locale, as the parsers read
 * it: ',' in German or French, '.' in English, Urdu and Chinese. */
static char
locale_decimal_mark (void)
{
  g_autofree char *mark = lode_parse_normalize (localeconv ()->decimal_point);

  return g_strcmp0 (mark, ",") == 0 ? ',' : '.';
}

/* @text with JSON's decimal point replaced by the locale's, so that what
 * an editor shows reads back as the same number. */
char *
lode_localize_decimal_mark (char *text)
{
  char mark = locale_decimal_mark ();
  char *point;

  if (mark != '.' && (point = strchr (text, '.')) != NULL)
    *point = mark;

  return text;
}

/* Whether the separator just before @p groups digits: three digits
 * follow it up to the exponent, the decimal mark or the end; or two or
 * three up to the next separator, as in "1,50,000" (lakh) and
 * "1,500,000". */
static gboolean
is_group (const char *p)
{
  int n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;

  if (p[n] == p[-1])
    return n == 2 || n == 3;

  return n == 3 && strchr (",.eE", p[n]) != NULL;   /* also the final '\0' */
}

/* What people type ("1,200.5", "1.200,5", "$ 1 200", "١٬٢٠٠٫٥") in
 * JSON's notation ("1200.5"), or NULL when the separators do not make
 * one number. Which of ',' and '.' is the decimal mark: the last one when
 * both occur; a separator that occurs twice or more groups digits; a
 * single one is the locale's decimal mark when it is that mark, else it
 * groups digits when exactly three follow it and is the decimal mark
 * otherwise ("1,5" is one and a half in any locale, never fifteen). */
char *
lode_parse_decimal (const char *text)
{
  g_autofree char *normal = lode_parse_normalize (text);
  GString *plain = g_string_new (NULL);
  GString *out;
  const char *exponent;
  guint commas = 0, points = 0;
  const char *last_comma = NULL, *last_point = NULL;
  char decimal = '\0';

  for (const char *p = normal; *p != '\0'; p++)
    if (*p != ' ' && *p != '$' && *p != '_')
      g_string_append_c (plain, *p);

  exponent = strpbrk (plain->str, "eE");
  for (const char *p = plain->str; *p != '\0' && p != exponent; p++)
    {
      if (*p == ',')
        commas++, last_comma = p;
      else if (*p == '.')
        points++, last_point = p;
    }
  if (exponent != NULL && strpbrk (exponent, ",.") != NULL)
    return g_string_free (plain, TRUE), NULL;

  if (commas > 0 && points > 0)
    decimal = last_comma > last_point ? ',' : '.';
  else if (commas + points == 1)
    {
      char separator = commas == 1 ? ',' : '.';
      const char *at = commas == 1 ? last_comma : last_point;

      if (separator == locale_decimal_mark () || !is_group (at + 1))
        decimal = separator;
    }

  out = g_string_new (NULL);
  for (const char *p = plain->str; *p != '\0'; p++)
    {
      if (p == exponent)
        {
          g_string_append (out, p);
          break;
        }
      if (*p == decimal)
        {
          /* One decimal mark, after every group separator. */
          if ((decimal == ',' && p != last_comma) || (decimal == '.' && p != last_point))
            goto invalid;
          g_string_append_c (out, '.');
          decimal = '\1';
        }
      else if (*p == ',' || *p == '.')
        {
          if (decimal == '\1' || !is_group (p + 1))
            goto invalid;
        }
      else
        g_string_append_c (out, *p);
    }

  g_string_free (plain, TRUE);
  return g_string_free (out, FALSE);

invalid:
  g_string_free (plain, TRUE);
  g_string_free (out, TRUE);
  return NULL;
}

/* Only decimal numbers: g_ascii_strtod() also reads hexadecimal, "inf"
 * and "nan", which nobody means in a figure. */
static gboolean
is_decimal (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("+-.eE", *p) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
lode_parse_money (const char  *text,
                  LodeMoney   *cents,
                  const char **why)
{
  g_autofree char *digits = lode_parse_decimal (text != NULL ? text : "");
  char *end = NULL;
  double value = 0;

  if (digits != NULL && *digits == '\0')
    {
      *why = _("Enter an amount in US dollars");
      return FALSE;
    }

  if (digits != NULL)
    value = g_ascii_strtod (digits, &end);
  if (digits == NULL || end == digits || *end != '\0' || !is_decimal (digits))
    {
      *why = _("Not a number");
      return FALSE;
    }

  switch (lode_money_from_double (value, cents))
    {
    case LODE_MONEY_OK:
      return TRUE;
    case LODE_MONEY_NEGATIVE:
      *why = _("An amount cannot be negative");
      return FALSE;
    case LODE_MONEY_TOO_PRECISE:
      *why = _("An amount has at most two decimals (cents)");
      return FALSE;
    case LODE_MONEY_TOO_LARGE:
      *why = _("The amount is too large");
      return FALSE;
    case LODE_MONEY_NOT_FINITE:
    default:
      *why = _("Not a number");
      return FALSE;
    }
}

gboolean
lode_parse_quantity (const char  *text,
                     double      *quantity,
                     const char **why)
{
  g_autofree char *digits = lode_parse_decimal (text != NULL ? text : "");
  char *end = NULL;
  double value = 0;

  if (digits != NULL && *digits == '\0')
    {
      *quantity = -1.0;
      return TRUE;
    }

  if (digits != NULL)
    value = g_ascii_strtod (digits, &end);
  if (digits == NULL || end == digits || *end != '\0' || !is_decimal (digits) || !isfinite (value))
    {
      *why = _("Not a number");
      return FALSE;
    }
  if (value < 0)
    {
      *why = _("A quantity cannot be negative");
      return FALSE;
    }
  if (!lode_rule_quantity (value, why))
    return FALSE;

  /* -0 is stored as 0, as the reader reads it. */
  *quantity = value == 0 ? 0 : value;
  return TRUE;
}

/* A whole number in decimal digits, with an optional sign and digit
 * grouping; FALSE when the text is anything else or too large. */
static gboolean
parse_whole (const char *text,
             gint64     *number)
{
  g_autofree char *digits = lode_parse_decimal (text != NULL ? text : "");
  const char *p = digits;
  gboolean negative = FALSE;
  guint64 magnitude;

  if (p == NULL)
    return FALSE;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (*p == '\0' || !g_ascii_string_to_unsigned (p, 10, 0, G_MAXINT64, &magnitude, NULL))
    return FALSE;

  *number = negative ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

gboolean
lode_parse_year (const char  *text,
                 int         *year,
                 const char **why)
{
  gint64 number = 0;

  if (!parse_whole (text, &number) || !lode_rule_year (number, why))
    {
      lode_rule_year (-1, why);
      return FALSE;
    }

  *year = number;
  return TRUE;
}

gboolean
lode_parse_jobs (const char  *text,
                 gint64      *jobs,
                 const char **why)
{
  gint64 number = -1;

  if (!parse_whole (text, &number) || !lode_rule_jobs (number, why))
    {
      lode_rule_jobs (-1, why);
      return FALSE;
    }

  *jobs = number;
  return TRUE;
}

char *
lode_format_number_exact (double number)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest of 15, 16 or 17 significant digits that reads back as
   * the same double: 0.5 stays "0.5", 0.12345678901234567 keeps all. */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (text, sizeof text, format, number);
      if (g_ascii_strtod (text, NULL) == number)
        break;
    }

  return lode_localize_decimal_mark (g_strdup (text));
}

char *
lode_format_money_editable (LodeMoney cents)
{
  return lode_localize_decimal_mark (lode_money_to_json (cents));
}

const char *
lode_format_reserve_category (LodeReserveCategory category)
{
  switch (category)
    {
    case LODE_RESERVE_CATEGORY_PROVEN:
      return _("Proven");
    case LODE_RESERVE_CATEGORY_PROBABLE:
      return _("Probable");
    case LODE_RESERVE_CATEGORY_MEASURED:
      return _("Measured");
    case LODE_RESERVE_CATEGORY_INDICATED:
      return _("Indicated");
    case LODE_RESERVE_CATEGORY_INFERRED:
      return _("Inferred");
    case LODE_RESERVE_CATEGORY_UNSPECIFIED:
    default:
      return C_("reserve category", "Unspecified");
    }
}
