/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The schema of portfolio format v1: what each member must be, the
 * messages when it is not, and how a valid item becomes part of the
 * model. The values come from lode-portfolio-reader.c, which reads the
 * bytes; small items come as json-glib objects built from its tokens, export
 * records as plain values. Every content error is collected with the JSON
 * Pointer of its member, in the order of the members below (not of the
 * file); the portfolio is returned only when there is none. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lode-enum-types.h"
#include "lode-portfolio-reader-private.h"
#include "lode-rules.h"

#define YEAR_MIN LODE_YEAR_MIN
#define YEAR_MAX LODE_YEAR_MAX

typedef LodeReader Reader;

const char * const _lode_export_members[LODE_N_EXPORT_MEMBERS + 1] = {
  "mineral", "year", "month", "destination", "hs_code", "stage",
  "quantity", "unit", "value_usd", "source",
  "period", "original_amount", "original_currency", NULL
};




static void
append_pointer_token (GString    *pointer,
                      const char *token)
{
  g_string_append_c (pointer, '/');
  for (const char *p = token; *p; p++)
    {
      if (*p == '~')
        g_string_append (pointer, "~0");
      else if (*p == '/')
        g_string_append (pointer, "~1");
      else
        g_string_append_c (pointer, *p);
    }
}

static gsize
push_member (Reader     *reader,
             const char *member)
{
  gsize mark = reader->pointer->len;

  append_pointer_token (reader->pointer, member);

  return mark;
}

static gsize
push_index (Reader *reader,
            guint   index)
{
  gsize mark = reader->pointer->len;

  g_string_append_printf (reader->pointer, "/%u", index);

  return mark;
}

static void
pop (Reader *reader,
     gsize   mark)
{
  g_string_truncate (reader->pointer, mark);
}

LodeLoadProblem *
_lode_load_problem_new (LodeLoadProblemKind  kind,
                        const char          *pointer,
                        const char          *detail,
                        char                *message)
{
  LodeLoadProblem *problem = g_new (LodeLoadProblem, 1);

  *problem = (LodeLoadProblem) {
    .kind = kind,
    .pointer = g_strdup (pointer),
    .detail = g_strdup (detail),
    .message = message,
  };

  return problem;
}

LodeLoadProblem *
_lode_load_problem_copy (const LodeLoadProblem *problem)
{
  return _lode_load_problem_new (problem->kind, problem->pointer, problem->detail,
                                 g_strdup (problem->message));
}

void
_lode_load_problem_free (LodeLoadProblem *problem)
{
  g_free (problem->pointer);
  g_free (problem->detail);
  g_free (problem->message);
  g_free (problem);
}

/* Records a problem at /pointer/member; @member may be NULL for the
 * current object itself. @format is the untranslated message (N_()). */
void
_lode_reader_error (Reader              *reader,
                    const char          *member,
                    LodeLoadProblemKind  kind,
                    const char          *detail,
                    const char          *format,
                    ...)
{
  g_autoptr(GString) pointer = NULL;
  char *message;
  va_list args;

  reader->n_errors++;
  if (reader->errors->len >= LODE_PORTFOLIO_MAX_ERRORS)
    return;

  if (reader->item_list != NULL)
    {
      g_string_printf (reader->pointer, "/%s/%u", reader->item_list, reader->item_index);
      reader->item_list = NULL;
    }

  /* Translated here, past the limit: a broken file of a million records
   * looks up only the messages it shows. */
  va_start (args, format);
  message = g_strdup_vprintf (_(format), args);
  va_end (args);

  pointer = g_string_new (reader->pointer->str);
  if (member != NULL)
    append_pointer_token (pointer, member);

  g_ptr_array_add (reader->errors, _lode_load_problem_new (kind, pointer->str, detail, message));
}

void
_lode_value_from_member (JsonObject *object,
                         const char *member,
                         LodeValue  *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  *value = (LodeValue) { .kind = LODE_VALUE_ABSENT };

  if (node == NULL)
    return;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      value->kind = LODE_VALUE_NULL;
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          value->kind = LODE_VALUE_STRING;
          value->string = json_node_get_string (node);
          break;
        case G_TYPE_INT64:
          value->kind = LODE_VALUE_INT;
          value->i = json_node_get_int (node);
          break;
        case G_TYPE_DOUBLE:
          value->kind = LODE_VALUE_DOUBLE;
          value->d = json_node_get_double (node);
          break;
        default:
          value->kind = LODE_VALUE_OTHER;
          break;
        }
      break;

    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
    default:
      value->kind = LODE_VALUE_OTHER;
      break;
    }
}

static inline gboolean
value_is_null (const LodeValue *value)
{
  return value->kind == LODE_VALUE_ABSENT || value->kind == LODE_VALUE_NULL;
}

static inline gboolean
value_is_number (const LodeValue *value)
{
  return value->kind == LODE_VALUE_INT || value->kind == LODE_VALUE_DOUBLE;
}

static inline double
value_get_double (const LodeValue *value)
{
  return value->kind == LODE_VALUE_INT ? (double) value->i : value->d;
}

static const char *
enum_choices (GType enum_type,
              int   skip)
{
  static GMutex lock;
  static GHashTable *cache;
  GEnumClass *klass;
  GString *text;
  const char *found;

  g_mutex_lock (&lock);

  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);

  found = g_hash_table_lookup (cache, GSIZE_TO_POINTER (enum_type));
  if (found != NULL)
    {
      g_mutex_unlock (&lock);
      return found;
    }

  klass = g_type_class_ref (enum_type);
  text = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == skip)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, klass->values[i].value_nick);
    }
  g_type_class_unref (klass);

  found = g_intern_string (text->str);
  g_string_free (text, TRUE);
  g_hash_table_insert (cache, GSIZE_TO_POINTER (enum_type), (gpointer) found);

  g_mutex_unlock (&lock);

  return found;
}

/* Records that the required @member is absent or null; FALSE. */
static gboolean
missing_error (Reader     *reader,
               const char *member)
{
  _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_MISSING, NULL,
                      N_("required member is missing"));

  return FALSE;
}

/* Whether @v holds a number to check. When it does not, @ok says whether
 * that is right: an absent or null member is, unless @required; any other
 * value is wrong (@type_message, untranslated: N_()). */
static gboolean
has_number (Reader          *reader,
            const LodeValue *v,
            const char      *member,
            gboolean         required,
            const char      *type_message,
            gboolean        *ok)
{
  if (value_is_null (v))
    {
      *ok = !required || missing_error (reader, member);
      return FALSE;
    }

  if (!value_is_number (v))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_TYPE, NULL, "%s", _(type_message));
      *ok = FALSE;
      return FALSE;
    }

  return TRUE;
}

/* Member readers. Each takes the member's value and name, returns FALSE
 * (with an error recorded) when the member is present but wrong, and leaves
 * the output untouched when the member is absent or null. The items of the
 * lists other than the records name theirs in tables (MemberRule). */

static gboolean
read_string_value (Reader           *reader,
                   const LodeValue  *value,
                   const char       *member,
                   gboolean          required,
                   const char      **out)
{
  if (value_is_null (value))
    return !required || missing_error (reader, member);

  if (value->kind != LODE_VALUE_STRING)
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_TYPE, NULL, N_("must be a string"));
      return FALSE;
    }

  if (required && value->string[0] == '\0')
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_EMPTY, NULL, N_("must not be empty"));
      return FALSE;
    }

  *out = value->string;

  return TRUE;
}

/* Strings with a rule of their own, each with the message when a value
 * breaks it: a format whose one "%s" is the value. */
typedef enum
{
  STRING_ANY,          /* no rule */
  STRING_SLUG,
  STRING_ID,           /* an element of a list of ids */
  STRING_COUNTRY,
  STRING_HS_CODE,
  STRING_DATE,         /* whose year is one Lode takes for a year */
  STRING_SOURCE_DATE,  /* a source's: any year */
  STRING_CURRENCY,
} StringRule;

static gboolean
rule_date_in_years (const char  *value,
                    const char **why)
{
  return lode_rule_date (value, why) && lode_rule_year (g_ascii_strtoll (value, NULL, 10), why);
}

static const struct
{
  gboolean  (*follows) (const char  *value,
                        const char **why);
  const char *message;
} string_rules[] = {
  [STRING_ANY] = { NULL, NULL },
  [STRING_SLUG] = { lode_rule_slug,
                    N_("“%s” is not an id: use lowercase letters, digits and hyphens, "
                       "starting with a letter or digit") },
  [STRING_ID] = { lode_rule_slug, N_("“%s” is not an id") },
  [STRING_COUNTRY] = { lode_rule_country_code,
                       N_("“%s” is not a country code: use ISO 3166-1 alpha-2, such as CN") },
  [STRING_HS_CODE] = { lode_rule_hs_code, N_("“%s” is not an HS code of 2, 4 or 6 digits") },
  [STRING_DATE] = { rule_date_in_years,
                    N_("“%s” is not a date from 1800 to 2200 such as 2026-01-28") },
  [STRING_SOURCE_DATE] = { lode_rule_date, N_("“%s” is not a date such as 2025-09-26") },
  [STRING_CURRENCY] = { lode_rule_currency_code,
                        N_("“%s” is not an ISO 4217 currency code such as PKR or CNY") },
};

/* Whether @value follows @rule; records the error of @member when it does
 * not. */
static gboolean
check_string (Reader     *reader,
              const char *member,
              StringRule  rule,
              const char *value)
{
  if (string_rules[rule].follows == NULL || string_rules[rule].follows (value, NULL))
    return TRUE;

  /* The format is one of the table's, each a literal taking one string. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL, string_rules[rule].message, value);
#pragma GCC diagnostic pop

  return FALSE;
}

static gboolean
read_ruled_string (Reader           *reader,
                   const LodeValue  *v,
                   const char       *member,
                   gboolean          required,
                   StringRule        rule,
                   const char      **out)
{
  const char *value = NULL;

  if (!read_string_value (reader, v, member, required, &value))
    return FALSE;

  if (value != NULL && !check_string (reader, member, rule, value))
    return FALSE;

  *out = value;

  return TRUE;
}

/* @kind is "mineral", "project" or "source". */
static void
reference_error (Reader     *reader,
                 const char *member,
                 const char *kind,
                 const char *value)
{
  if (g_str_equal (kind, "mineral"))
    _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_REFERENCE, value,
                        N_("refers to mineral “%s”, which is not in the file"), value);
  else if (g_str_equal (kind, "project"))
    _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_REFERENCE, value,
                        N_("refers to project “%s”, which is not in the file"), value);
  else
    _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_REFERENCE, value,
                        N_("refers to source “%s”, which is not in the file"), value);
}

/* A reference to a source, mineral or project id that must resolve; @ids
 * NULL leaves it unresolved. @rule is what the string must be first. */
static gboolean
read_reference_value (Reader           *reader,
                      const LodeValue  *v,
                      const char       *member,
                      gboolean          required,
                      StringRule        rule,
                      GHashTable       *ids,
                      const char       *kind,
                      const char      **out)
{
  const char *value = NULL;

  if (!read_ruled_string (reader, v, member, required, rule, &value))
    return FALSE;

  if (value != NULL && ids != NULL && !g_hash_table_contains (ids, value))
    {
      reference_error (reader, member, kind, value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
read_integer_value (Reader          *reader,
                    const LodeValue *v,
                    const char      *member,
                    gboolean         required,
                    gint64           min,
                    gint64           max,
                    const char      *message,
                    gint64          *out)
{
  gboolean ok;
  double value;

  if (!has_number (reader, v, member, required, message, &ok))
    return ok;

  if (v->kind == LODE_VALUE_INT)
    {
      if (v->i < min || v->i > max)
        {
          _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL, "%s", _(message));
          return FALSE;
        }
      *out = v->i;
      return TRUE;
    }

  value = v->d;
  if (value != floor (value) || value < (double) min || value > (double) max)
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL, "%s", _(message));
      return FALSE;
    }

  *out = (gint64) value;

  return TRUE;
}

static gboolean
read_year_value (Reader          *reader,
                 const LodeValue *value,
                 const char      *member,
                 gboolean         required,
                 int             *out)
{
  gint64 year = 0;

  if (!read_integer_value (reader, value, member, required, YEAR_MIN, YEAR_MAX,
                           N_("must be a year from 1800 to 2200"), &year))
    return FALSE;

  if (year != 0)
    *out = year;

  return TRUE;
}

static gboolean
read_number_value (Reader          *reader,
                   const LodeValue *v,
                   const char      *member,
                   gboolean         required,
                   double           max,
                   double          *out)
{
  gboolean ok;
  double value;

  if (!has_number (reader, v, member, required, N_("must be a non-negative number"), &ok))
    return ok;

  value = value_get_double (v);
  if (!isfinite (value) || value < 0)
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL, N_("must be a non-negative number"));
      return FALSE;
    }

  if (value > max)
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL, N_("must be at most %g"), max);
      return FALSE;
    }

  *out = value == 0 ? 0.0 : value;

  return TRUE;
}

static gboolean
read_money_value (Reader          *reader,
                  const LodeValue *v,
                  const char      *member,
                  gboolean         required,
                  LodeMoney       *out)
{
  LodeMoney cents = 0;
  gboolean ok;

  if (!has_number (reader, v, member, required, N_("must be a non-negative number"), &ok))
    return ok;

  switch (lode_money_from_double (value_get_double (v), &cents))
    {
    case LODE_MONEY_OK:
      *out = cents;
      return TRUE;
    case LODE_MONEY_NOT_FINITE:
    case LODE_MONEY_NEGATIVE:
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL, N_("must be a non-negative number"));
      return FALSE;
    case LODE_MONEY_TOO_LARGE:
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("is too large: amounts go up to 70 trillion"));
      return FALSE;
    case LODE_MONEY_TOO_PRECISE:
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("must have at most two decimals (whole cents)"));
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_enum_value (Reader          *reader,
                 const LodeValue *v,
                 const char      *member,
                 gboolean         required,
                 GType            enum_type,
                 int              absent,
                 int             *out)
{
  const char *nick = NULL;
  int value;

  if (!read_string_value (reader, v, member, required, &nick))
    return FALSE;

  if (nick == NULL)
    return TRUE;

  for (guint i = 0; i < reader->n_enum_cache; i++)
    if (reader->enum_cache[i].type == enum_type && strcmp (reader->enum_cache[i].nick, nick) == 0)
      {
        *out = reader->enum_cache[i].value;
        return TRUE;
      }

  if (lode_enum_from_nick (enum_type, nick, &value) && value != absent
      && reader->n_enum_cache < G_N_ELEMENTS (reader->enum_cache))
    {
      GEnumClass *klass = g_type_class_peek (enum_type);

      reader->enum_cache[reader->n_enum_cache].type = enum_type;
      reader->enum_cache[reader->n_enum_cache].nick = g_enum_get_value (klass, value)->value_nick;
      reader->enum_cache[reader->n_enum_cache].value = value;
      reader->n_enum_cache++;
    }

  if (!lode_enum_from_nick (enum_type, nick, &value) || value == absent)
    {
      const char *choices = enum_choices (enum_type, absent);

      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_CHOICE, choices,
                          N_("“%s” is not one of: %s"), nick, choices);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

/* A change on the year before, as a fraction: 0.111 is up 11.1 %; a
 * fall can take no more than the whole (-1). */
static gboolean
read_change_value (Reader          *reader,
                   const LodeValue *v,
                   const char      *member,
                   double          *out)
{
  const char *message = N_("must be a number of -1 or more (0.111 for a rise of 11.1 %)");
  gboolean ok;
  double value;

  if (!has_number (reader, v, member, FALSE, message, &ok))
    return ok;

  value = value_get_double (v);
  if (!lode_rule_change (value, NULL))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL, "%s", _(message));
      return FALSE;
    }

  *out = value == 0 ? 0.0 : value;

  return TRUE;
}

/* The period kind of a yearly record (or a target, a rate): the years of a
 * record of one month are never fiscal or calendar years. */
static gboolean
read_period_value (Reader          *reader,
                   const LodeValue *v,
                   const char      *member,
                   gint64           month,
                   int             *out)
{
  int period = LODE_PERIOD_KIND_UNKNOWN;

  if (!read_enum_value (reader, v, member, FALSE, LODE_TYPE_PERIOD_KIND,
                        LODE_PERIOD_KIND_UNKNOWN, &period))
    return FALSE;

  if (period != LODE_PERIOD_KIND_UNKNOWN && month != 0)
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("is for the figures of a whole year: a figure of one month "
                             "has no period kind"));
      return FALSE;
    }

  *out = period;

  return TRUE;
}

static gboolean
read_month_value (Reader          *reader,
                  const LodeValue *v,
                  const char      *member,
                  gint64          *out)
{
  return read_integer_value (reader, v, member, FALSE, 1, 12,
                             N_("must be a month from 1 to 12"), out);
}

/* The currency of an exchange rate. */
static gboolean
read_rate_currency_value (Reader           *reader,
                          const LodeValue  *v,
                          const char       *member,
                          gboolean          required,
                          const char      **out)
{
  if (!read_ruled_string (reader, v, member, required, STRING_CURRENCY, out))
    return FALSE;

  if (*out != NULL && !lode_rule_rate_currency (*out, NULL))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("rates are of other currencies against the US dollar: "
                             "USD needs none"));
      return FALSE;
    }

  return TRUE;
}

/* A rate written as a decimal string, so that it reads back exactly. */
static gboolean
read_rate_value (Reader          *reader,
                 const LodeValue *v,
                 const char      *member,
                 gboolean         required,
                 LodeRate        *out)
{
  const char *text = NULL;

  if (!read_string_value (reader, v, member, required, &text))
    return FALSE;

  if (text != NULL && !lode_rate_parse (text, out, NULL))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("“%s” is not a rate: write the units of the currency one US "
                             "dollar buys as a decimal string, more than 0, such as "
                             "\"278.8313\""),
                          text);
      return FALSE;
    }

  return TRUE;
}

/* "original_amount" and "original_currency": both or neither. */
static gboolean
read_original_values (Reader           *reader,
                      const LodeValue  *amount_value,
                      const LodeValue  *currency_value,
                      LodeMoney        *amount,
                      const char      **currency)
{
  gboolean has_amount = !value_is_null (amount_value);
  gboolean has_currency = !value_is_null (currency_value);
  gboolean ok = TRUE;

  *amount = 0;
  *currency = NULL;

  ok &= read_money_value (reader, amount_value, "original_amount", has_currency, amount);
  ok &= read_ruled_string (reader, currency_value, "original_currency", has_amount, STRING_CURRENCY,
                           currency);

  if (!ok)
    {
      *amount = 0;
      *currency = NULL;
    }

  return ok;
}

/* An object member that must be an object (or absent/null). */
static gboolean
read_object (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             JsonObject **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      return !required || missing_error (reader, member);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_TYPE, NULL, N_("must be an object"));
      return FALSE;
    }

  *out = json_node_get_object (node);

  return TRUE;
}

static gboolean
read_array (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_TYPE, NULL, N_("must be an array"));
      return FALSE;
    }

  *out = json_node_get_array (node);

  return TRUE;
}

/* A list of strings, each following @rule and, when @ids is not NULL,
 * resolved against it. */
static gboolean
read_string_list (Reader      *reader,
                  JsonObject  *object,
                  const char  *member,
                  StringRule   rule,
                  GHashTable  *ids,
                  const char  *kind,
                  GStrv       *out)
{
  JsonArray *array = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean ok = TRUE;
  gsize mark;
  guint n;

  if (!read_array (reader, object, member, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  mark = push_member (reader, member);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *value;
      g_autofree char *index = g_strdup_printf ("%u", i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          _lode_reader_error (reader, index, LODE_LOAD_PROBLEM_TYPE, NULL, N_("must be a string"));
          ok = FALSE;
          continue;
        }

      value = json_node_get_string (node);
      if (!check_string (reader, index, rule, value))
        {
          ok = FALSE;
          continue;
        }
      if (ids != NULL && !g_hash_table_contains (ids, value))
        {
          reference_error (reader, index, kind, value);
          ok = FALSE;
          continue;
        }

      g_strv_builder_add (builder, value);
    }
  pop (reader, mark);

  if (ok)
    *out = g_strv_builder_end (builder);

  return ok;
}

/* Lode reads -0 as 0, also in members it does not know: json-glib reads
 * "-0" as the integer 0 but "-0.0" as a negative zero, so a negative zero
 * kept as it is would not read back the same after a save. The document
 * nests at most LODE_PORTFOLIO_MAX_DEPTH levels, which bounds the
 * recursion. */
static void
clear_negative_zeros (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

        for (const GList *l = members; l != NULL; l = l->next)
          clear_negative_zeros (l->data);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          clear_negative_zeros (json_array_get_element (array, i));
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE
          && json_node_get_double (node) == 0.0)
        json_node_set_double (node, 0.0);
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* Whether Lode reads the member @name of an object, as @known says. */
typedef gboolean (*KnowsFunc) (gconstpointer  known,
                               const char    *name);

/* Members of @object Lode does not read, in the file's order, for writing
 * back; NULL if there are none. */
static JsonObject *
collect_unknown (JsonObject    *object,
                 KnowsFunc      knows,
                 gconstpointer  known)
{
  JsonObject *extra = NULL;
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *copy;

      if (knows (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      copy = json_node_copy (json_object_get_member (object, name));
      clear_negative_zeros (copy);
      json_object_set_member (extra, name, copy);
    }

  return extra;
}

static gboolean
strv_knows (gconstpointer  known,
            const char    *name)
{
  return g_strv_contains (known, name);
}

/* The members of @object not in @known. */
static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  return collect_unknown (object, strv_knows, known);
}

/* Calls @read_item for each element of the list member @member, each of
 * which must be an object. */
typedef void (*ReadItemFunc) (Reader     *reader,
                              JsonObject *object,
                              guint       index,
                              gpointer    user_data);

static void
read_list (Reader       *reader,
           JsonObject   *object,
           const char   *member,
           ReadItemFunc  read_item,
           gpointer      user_data)
{
  JsonArray *array = NULL;
  gsize mark;
  guint n;

  if (!read_array (reader, object, member, &array) || array == NULL)
    return;

  mark = push_member (reader, member);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = push_index (reader, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        _lode_reader_error (reader, NULL, LODE_LOAD_PROBLEM_TYPE, NULL, N_("must be an object"));
      else
        read_item (reader, json_node_get_object (node), i, user_data);

      pop (reader, item_mark);
    }
  pop (reader, mark);
}

/* Ids must be unique within their list. */
static gboolean
claim_id (Reader     *reader,
          GHashTable *ids,
          const char *id)
{
  const char *first = g_hash_table_lookup (ids, id);

  if (first != NULL)
    {
      _lode_reader_error (reader, "id", LODE_LOAD_PROBLEM_DUPLICATE_ID, NULL,
                          N_("“%s” is already the id of %s"), id, first);
      return FALSE;
    }

  g_hash_table_insert (ids, g_strdup (id), g_strdup (reader->pointer->str));

  return TRUE;
}

static gboolean
check_unit (Reader     *reader,
            double      quantity,
            LodeUnit    unit)
{
  if (quantity >= 0 && unit == LODE_UNIT_NONE)
    {
      _lode_reader_error (reader, "unit", LODE_LOAD_PROBLEM_NEEDS_UNIT, NULL, N_("a quantity needs its unit"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_lode_reader_read_export (Reader          *reader,
                          const LodeValue *values,
                          gboolean         resolve,
                          LodeExportRow   *row)
{
  const char * const *names = _lode_export_members;
  gint64 month = 0;
  int stage = LODE_STAGE_UNKNOWN, unit = LODE_UNIT_NONE;
  int period = LODE_PERIOD_KIND_UNKNOWN;
  gboolean ok = TRUE;

  *row = (LodeExportRow) {
    .quantity = LODE_QUANTITY_UNSET,
    .stage = LODE_STAGE_UNKNOWN,
    .unit = LODE_UNIT_NONE,
  };

  ok &= read_reference_value (reader, &values[LODE_EXPORT_MEMBER_MINERAL],
                              names[LODE_EXPORT_MEMBER_MINERAL], TRUE, STRING_ANY,
                              resolve ? reader->ids[LODE_IDS_MINERALS] : NULL, "mineral",
                              &row->mineral);
  ok &= read_year_value (reader, &values[LODE_EXPORT_MEMBER_YEAR],
                         names[LODE_EXPORT_MEMBER_YEAR], TRUE, &row->year);
  ok &= read_month_value (reader, &values[LODE_EXPORT_MEMBER_MONTH],
                          names[LODE_EXPORT_MEMBER_MONTH], &month);
  ok &= read_ruled_string (reader, &values[LODE_EXPORT_MEMBER_DESTINATION],
                           names[LODE_EXPORT_MEMBER_DESTINATION], FALSE, STRING_COUNTRY,
                           &row->destination);
  ok &= read_ruled_string (reader, &values[LODE_EXPORT_MEMBER_HS_CODE],
                           names[LODE_EXPORT_MEMBER_HS_CODE], FALSE, STRING_HS_CODE,
                           &row->hs_code);
  ok &= read_enum_value (reader, &values[LODE_EXPORT_MEMBER_STAGE],
                         names[LODE_EXPORT_MEMBER_STAGE], FALSE, LODE_TYPE_STAGE,
                         LODE_STAGE_UNKNOWN, &stage);
  ok &= read_number_value (reader, &values[LODE_EXPORT_MEMBER_QUANTITY],
                           names[LODE_EXPORT_MEMBER_QUANTITY], FALSE, G_MAXDOUBLE,
                           &row->quantity);
  ok &= read_enum_value (reader, &values[LODE_EXPORT_MEMBER_UNIT],
                         names[LODE_EXPORT_MEMBER_UNIT], FALSE, LODE_TYPE_UNIT,
                         LODE_UNIT_NONE, &unit);
  ok &= read_money_value (reader, &values[LODE_EXPORT_MEMBER_VALUE_USD],
                          names[LODE_EXPORT_MEMBER_VALUE_USD], TRUE, &row->value);
  ok &= read_reference_value (reader, &values[LODE_EXPORT_MEMBER_SOURCE],
                              names[LODE_EXPORT_MEMBER_SOURCE], FALSE, STRING_ANY,
                              resolve ? reader->ids[LODE_IDS_SOURCES] : NULL, "source",
                              &row->source);
  ok &= read_period_value (reader, &values[LODE_EXPORT_MEMBER_PERIOD],
                           names[LODE_EXPORT_MEMBER_PERIOD], month, &period);
  ok &= read_original_values (reader, &values[LODE_EXPORT_MEMBER_ORIGINAL_AMOUNT],
                              &values[LODE_EXPORT_MEMBER_ORIGINAL_CURRENCY],
                              &row->original_amount, &row->original_currency);
  if (ok)
    ok &= check_unit (reader, row->quantity, unit);

  row->period = period;
  row->month = month;
  row->stage = stage;
  row->unit = unit;

  return ok;
}

/* Optional strings: present or null. */
static inline gboolean
quick_string (const LodeValue  *v,
              const char      **out)
{
  if (v->kind == LODE_VALUE_STRING)
    *out = v->string;
  else if (value_is_null (v))
    *out = NULL;
  else
    return FALSE;

  return TRUE;
}

/* Keep in step with _lode_reader_read_export(): what this takes, that
 * takes too, with the same figures. */
gboolean
_lode_reader_read_export_quick (const LodeValue *values,
                                int              stage,
                                int              unit,
                                int              period,
                                LodeExportRow   *row)
{
  const LodeValue *v;

  /* Every member of the row is set here, as _lode_reader_read_export()
   * sets it: the row is not cleared before. */
  *row = (LodeExportRow) {
    .quantity = LODE_QUANTITY_UNSET,
    .stage = LODE_STAGE_UNKNOWN,
    .unit = LODE_UNIT_NONE,
    .period = LODE_PERIOD_KIND_UNKNOWN,
  };

  if (values[LODE_EXPORT_MEMBER_MINERAL].kind != LODE_VALUE_STRING)
    return FALSE;
  row->mineral = values[LODE_EXPORT_MEMBER_MINERAL].string;

  v = &values[LODE_EXPORT_MEMBER_YEAR];
  if (v->kind != LODE_VALUE_INT || v->i < YEAR_MIN || v->i > YEAR_MAX)
    return FALSE;
  row->year = v->i;

  v = &values[LODE_EXPORT_MEMBER_MONTH];
  if (v->kind == LODE_VALUE_INT && v->i >= 1 && v->i <= 12)
    row->month = v->i;
  else if (value_is_null (v))
    row->month = 0;
  else
    return FALSE;

  if (!quick_string (&values[LODE_EXPORT_MEMBER_DESTINATION], &row->destination)
      || !quick_string (&values[LODE_EXPORT_MEMBER_HS_CODE], &row->hs_code)
      || !quick_string (&values[LODE_EXPORT_MEMBER_SOURCE], &row->source))
    return FALSE;

  v = &values[LODE_EXPORT_MEMBER_STAGE];
  if (v->kind == LODE_VALUE_STRING)
    row->stage = stage;
  else if (value_is_null (v))
    row->stage = LODE_STAGE_UNKNOWN;
  else
    return FALSE;

  v = &values[LODE_EXPORT_MEMBER_UNIT];
  if (v->kind == LODE_VALUE_STRING)
    row->unit = unit;
  else if (value_is_null (v))
    row->unit = LODE_UNIT_NONE;
  else
    return FALSE;

  v = &values[LODE_EXPORT_MEMBER_QUANTITY];
  if (value_is_number (v))
    {
      double quantity = value_get_double (v);

      if (!isfinite (quantity) || quantity < 0)
        return FALSE;
      row->quantity = quantity == 0 ? 0.0 : quantity;
      if (row->unit == LODE_UNIT_NONE)
        return FALSE;
    }
  else if (value_is_null (v))
    row->quantity = LODE_QUANTITY_UNSET;
  else
    return FALSE;

  /* A period kind is for a whole year; an original amount goes with its
   * currency, both checked the full way. */
  v = &values[LODE_EXPORT_MEMBER_PERIOD];
  if (v->kind == LODE_VALUE_STRING && row->month == 0)
    row->period = period;
  else if (!value_is_null (v))
    return FALSE;

  if (!value_is_null (&values[LODE_EXPORT_MEMBER_ORIGINAL_AMOUNT])
      || !value_is_null (&values[LODE_EXPORT_MEMBER_ORIGINAL_CURRENCY]))
    return FALSE;

  /* Below 2^50 cents, the double nearest an amount of whole cents gives
   * that amount back (see lode_money_from_double()): the cents the text
   * writes are the amount. */
  v = &values[LODE_EXPORT_MEMBER_VALUE_USD];
  if (!value_is_number (v))
    return FALSE;
  if (v->has_cents)
    row->value = v->cents;
  else if (lode_money_from_double (value_get_double (v), &row->value) != LODE_MONEY_OK)
    return FALSE;

  return TRUE;
}

static void
read_export (Reader     *reader,
             JsonObject *object,
             guint       index,
             gpointer    user_data)
{
  LodeExportTable *table = lode_portfolio_get_exports (reader->portfolio);
  LodeValue values[LODE_N_EXPORT_MEMBERS];
  LodeExportRow row;
  g_autoptr(JsonObject) extra = NULL;

  for (guint i = 0; i < LODE_N_EXPORT_MEMBERS; i++)
    _lode_value_from_member (object, _lode_export_members[i], &values[i]);

  if (!_lode_reader_read_export (reader, values, TRUE, &row) || reader->n_errors > 0)
    return;

  lode_export_table_append_silent (table, &row);

  extra = collect_extra (object, _lode_export_members);
  if (extra != NULL)
    lode_export_table_set_extra (table, lode_export_table_get_n_rows (table) - 1, extra);
}

/* The members of an item, in tables: each names a member, what it must be,
 * where its value goes in a struct of the item's fields and the item's
 * setter of it. The members are checked in the order of the table, which
 * is the order of their errors. */
typedef enum
{
  MEMBER_STRING,         /* const char * */
  MEMBER_ID,             /* const char *, unique in its list */
  MEMBER_MINERAL,        /* const char *, a mineral of the file */
  MEMBER_SOURCE,         /* const char *, a source of the file */
  MEMBER_PROJECT,        /* const char *, the id of a project of the file */
  MEMBER_COUNTRY,        /* const char * */
  MEMBER_DATE,           /* const char *, a date of 1800 to 2200 */
  MEMBER_RATE_CURRENCY,  /* const char *, a currency but USD */
  MEMBER_MINERALS,       /* GStrv, ids of minerals of the file */
  MEMBER_HS_CODES,       /* GStrv */
  MEMBER_YEAR,           /* int */
  MEMBER_MONTH,          /* int, 0 for none */
  MEMBER_PERIOD,         /* int, a LodePeriodKind */
  MEMBER_ENUM,           /* int */
  MEMBER_JOBS,           /* gint64 */
  MEMBER_MONEY,          /* LodeMoney */
  MEMBER_RATE,           /* LodeRate, from a decimal string */
  MEMBER_QUANTITY,       /* double */
  MEMBER_SHARE,          /* double */
  MEMBER_CHANGE,         /* double, a fraction of -1 or more */
  MEMBER_ORIGINAL,       /* Original, with "original_currency" */
  MEMBER_OBJECT,         /* JsonObject *, whose members are nested rules */
} MemberType;

/* An amount in the currency it was given in (MEMBER_ORIGINAL). */
typedef struct
{
  LodeMoney   amount;
  const char *currency;
} Original;

typedef struct MemberRule MemberRule;

struct MemberRule
{
  const char       *name;
  MemberType        type;
  gboolean          required;
  gsize             offset;              /* of the value in the fields */
  GCallback         set;                 /* the item's setter, or NULL */
  GType           (*enum_type) (void);   /* MEMBER_ENUM */
  int               absent;              /* MEMBER_ENUM: the value that names none */
  gssize            month;               /* MEMBER_PERIOD: of the item's month, or -1 */
  const MemberRule *nested;              /* MEMBER_OBJECT: its members */
  guint             n_nested;
};

#define MEMBER_NAMED(fields, field, member_name, member_type, is_required, setter) \
  { .name = (member_name), .type = (member_type), .required = (is_required), \
    .offset = G_STRUCT_OFFSET (fields, field), .set = G_CALLBACK (setter) }
#define MEMBER(fields, field, member_type, is_required, setter) \
  MEMBER_NAMED (fields, field, #field, member_type, is_required, setter)
#define ENUM_MEMBER(fields, field, is_required, get_type, absent_value, setter) \
  { .name = #field, .type = MEMBER_ENUM, .required = (is_required), \
    .offset = G_STRUCT_OFFSET (fields, field), .set = G_CALLBACK (setter), \
    .enum_type = (get_type), .absent = (absent_value) }
/* @month_offset: where the item's month is in the fields, -1 when it has
 * none. */
#define PERIOD_MEMBER(fields, field, month_offset, setter) \
  { .name = #field, .type = MEMBER_PERIOD, .offset = G_STRUCT_OFFSET (fields, field), \
    .set = G_CALLBACK (setter), .month = (month_offset) }
#define OBJECT_MEMBER(fields, field, member_name, nested_rules) \
  { .name = (member_name), .type = MEMBER_OBJECT, .offset = G_STRUCT_OFFSET (fields, field), \
    .nested = (nested_rules), .n_nested = G_N_ELEMENTS (nested_rules) }

static gboolean read_nested_members (Reader           *reader,
                                     JsonObject       *object,
                                     const char       *member,
                                     const MemberRule *rules,
                                     guint             n_rules,
                                     gpointer          fields);

/* Reads the member @rule names of @object into @fields. */
static gboolean
read_member_value (Reader           *reader,
                   const MemberRule *rule,
                   JsonObject       *object,
                   gpointer          fields)
{
  gpointer out = G_STRUCT_MEMBER_P (fields, rule->offset);
  LodeValue v;

  _lode_value_from_member (object, rule->name, &v);

  switch (rule->type)
    {
    case MEMBER_STRING:
      return read_string_value (reader, &v, rule->name, rule->required, out);
    case MEMBER_ID:
      return read_ruled_string (reader, &v, rule->name, rule->required, STRING_SLUG, out);
    case MEMBER_MINERAL:
      return read_reference_value (reader, &v, rule->name, rule->required, STRING_ANY,
                                   reader->ids[LODE_IDS_MINERALS], "mineral", out);
    case MEMBER_SOURCE:
      return read_reference_value (reader, &v, rule->name, rule->required, STRING_ANY,
                                   reader->ids[LODE_IDS_SOURCES], "source", out);
    case MEMBER_PROJECT:
      return read_reference_value (reader, &v, rule->name, rule->required, STRING_SLUG,
                                   reader->ids[LODE_IDS_PROJECTS], "project", out);
    case MEMBER_COUNTRY:
      return read_ruled_string (reader, &v, rule->name, rule->required, STRING_COUNTRY, out);
    case MEMBER_DATE:
      return read_ruled_string (reader, &v, rule->name, rule->required, STRING_DATE, out);
    case MEMBER_RATE_CURRENCY:
      return read_rate_currency_value (reader, &v, rule->name, rule->required, out);
    case MEMBER_MINERALS:
      return read_string_list (reader, object, rule->name, STRING_ID,
                               reader->ids[LODE_IDS_MINERALS], "mineral", out);
    case MEMBER_HS_CODES:
      return read_string_list (reader, object, rule->name, STRING_HS_CODE, NULL, NULL, out);
    case MEMBER_YEAR:
      return read_year_value (reader, &v, rule->name, rule->required, out);
    case MEMBER_MONTH:
      {
        gint64 month = 0;

        if (!read_month_value (reader, &v, rule->name, &month))
          return FALSE;
        *(int *) out = month;
        return TRUE;
      }
    case MEMBER_PERIOD:
      return read_period_value (reader, &v, rule->name,
                                rule->month >= 0 ? G_STRUCT_MEMBER (int, fields, rule->month) : 0,
                                out);
    case MEMBER_ENUM:
      return read_enum_value (reader, &v, rule->name, rule->required, rule->enum_type (),
                              rule->absent, out);
    case MEMBER_JOBS:
      return read_integer_value (reader, &v, rule->name, rule->required, 0, LODE_JOBS_MAX,
                                 N_("must be a whole number of jobs, 0 or more"), out);
    case MEMBER_MONEY:
      return read_money_value (reader, &v, rule->name, rule->required, out);
    case MEMBER_RATE:
      return read_rate_value (reader, &v, rule->name, rule->required, out);
    case MEMBER_QUANTITY:
      return read_number_value (reader, &v, rule->name, rule->required, G_MAXDOUBLE, out);
    case MEMBER_SHARE:
      return read_number_value (reader, &v, rule->name, rule->required, 1.0, out);
    case MEMBER_CHANGE:
      return read_change_value (reader, &v, rule->name, out);
    case MEMBER_ORIGINAL:
      {
        Original *original = out;
        LodeValue currency;

        _lode_value_from_member (object, "original_currency", &currency);
        return read_original_values (reader, &v, &currency, &original->amount,
                                     &original->currency);
      }
    case MEMBER_OBJECT:
      {
        JsonObject **nested = out;

        if (!read_object (reader, object, rule->name, rule->required, nested))
          return FALSE;
        return *nested == NULL
               || read_nested_members (reader, *nested, rule->name, rule->nested,
                                       rule->n_nested, fields);
      }
    default:
      g_assert_not_reached ();
    }
}

/* Reads the members @rules name from @object into @fields; FALSE when one
 * is wrong (all are read, so that each error is recorded). */
static gboolean
read_members (Reader           *reader,
              JsonObject       *object,
              const MemberRule *rules,
              guint             n_rules,
              gpointer          fields)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < n_rules; i++)
    ok &= read_member_value (reader, &rules[i], object, fields);

  return ok;
}

/* The same for the object @object, the member @member of the item. */
static gboolean
read_nested_members (Reader           *reader,
                     JsonObject       *object,
                     const char       *member,
                     const MemberRule *rules,
                     guint             n_rules,
                     gpointer          fields)
{
  gsize mark = push_member (reader, member);
  gboolean ok = read_members (reader, object, rules, n_rules, fields);

  pop (reader, mark);

  return ok;
}

/* Gives @item the values of @fields, valid, through the setters @rules
 * name. */
static void
set_members (gpointer          item,
             const MemberRule *rules,
             guint             n_rules,
             gconstpointer     fields)
{
  for (guint i = 0; i < n_rules; i++)
    {
      const MemberRule *rule = &rules[i];
      gconstpointer value = (const guint8 *) fields + rule->offset;

      if (rule->type == MEMBER_OBJECT)
        set_members (item, rule->nested, rule->n_nested, fields);
      if (rule->set == NULL)
        continue;

      switch (rule->type)
        {
        case MEMBER_STRING:
        case MEMBER_ID:
        case MEMBER_MINERAL:
        case MEMBER_SOURCE:
        case MEMBER_PROJECT:
        case MEMBER_COUNTRY:
        case MEMBER_DATE:
        case MEMBER_RATE_CURRENCY:
          ((void (*) (gpointer, const char *)) rule->set) (item, *(const char * const *) value);
          break;
        case MEMBER_MINERALS:
        case MEMBER_HS_CODES:
          ((void (*) (gpointer, const char * const *)) rule->set) (item, *(const char * const * const *) value);
          break;
        case MEMBER_YEAR:
        case MEMBER_MONTH:
        case MEMBER_PERIOD:
        case MEMBER_ENUM:
          ((void (*) (gpointer, int)) rule->set) (item, *(const int *) value);
          break;
        case MEMBER_JOBS:
        case MEMBER_MONEY:
        case MEMBER_RATE:
          ((void (*) (gpointer, gint64)) rule->set) (item, *(const gint64 *) value);
          break;
        case MEMBER_QUANTITY:
        case MEMBER_SHARE:
        case MEMBER_CHANGE:
          ((void (*) (gpointer, double)) rule->set) (item, *(const double *) value);
          break;
        case MEMBER_ORIGINAL:
        case MEMBER_OBJECT:
        default:
          g_assert_not_reached ();
        }
    }
}

/* Frees what @fields own. */
static void
clear_members (const MemberRule *rules,
               guint             n_rules,
               gpointer          fields)
{
  for (guint i = 0; i < n_rules; i++)
    if (rules[i].type == MEMBER_MINERALS || rules[i].type == MEMBER_HS_CODES)
      g_strfreev (G_STRUCT_MEMBER (GStrv, fields, rules[i].offset));
}

/* The members an object's rules read, and the member listing its
 * children (NULL: none). */
typedef struct
{
  const MemberRule *rules;
  guint             n_rules;
  const char       *children;
} ReadMembers;

static gboolean
rules_know (gconstpointer  known,
            const char    *name)
{
  const ReadMembers *read = known;

  if (read->children != NULL && strcmp (read->children, name) == 0)
    return TRUE;

  for (guint i = 0; i < read->n_rules; i++)
    if (strcmp (read->rules[i].name, name) == 0
        || (read->rules[i].type == MEMBER_ORIGINAL && strcmp (name, "original_currency") == 0))
      return TRUE;

  return FALSE;
}

/* The members of @object that @rules do not read, nor is @children. */
static JsonObject *
collect_unread (JsonObject       *object,
                const MemberRule *rules,
                guint             n_rules,
                const char       *children)
{
  ReadMembers read = { rules, n_rules, children };

  return collect_unknown (object, rules_know, &read);
}

/* A kind of item of the lists other than the export records: its members,
 * and how a valid one becomes part of the model. Its fields are a struct of
 * its own, which the rules point into. */
typedef struct ItemKind ItemKind;

struct ItemKind
{
  const char         *list;          /* the member listing the items */
  GType             (*get_type) (void);
  gsize               fields_size;
  gconstpointer       defaults;      /* the fields when no member is given */
  const MemberRule   *rules;
  guint               n_rules;
  LodeIds             ids;           /* with a MEMBER_ID: where it is unique */
  /* Checks across members, after theirs (@ok: whether those passed), and
   * reads what is not in the rules; returns whether the item is valid. May
   * be NULL. */
  gboolean          (*check) (Reader        *reader,
                              JsonObject    *object,
                              gpointer       fields,
                              gboolean       ok);
  /* Gives the item what the rules' setters do not; may be NULL. */
  void              (*finish) (gpointer      item,
                               gconstpointer fields,
                               JsonObject   *object);
  /* Whether @finish keeps the members Lode does not read; otherwise the
   * item, a LodeItem, keeps them. */
  gboolean            finish_keeps_extra;
  const ItemKind     *children;      /* read even when the item is wrong */
  /* Where a valid item goes: a list of the portfolio, or its parent
   * through add (parent, item). */
  GListStore       *(*portfolio_list) (LodePortfolio *portfolio);
  GCallback           add;
};

/* The id of an item whose rules give it one, or NULL. */
static const char *
item_id (const ItemKind *kind,
         gconstpointer   fields)
{
  for (guint i = 0; i < kind->n_rules; i++)
    if (kind->rules[i].type == MEMBER_ID)
      return *(const char * const *) ((const guint8 *) fields + kind->rules[i].offset);

  return NULL;
}

static GObject *
make_item (const ItemKind *kind,
           gconstpointer   fields,
           JsonObject     *object)
{
  GObject *item = g_object_new (kind->get_type (), NULL);

  set_members (item, kind->rules, kind->n_rules, fields);
  if (kind->finish != NULL)
    kind->finish (item, fields, object);
  if (!kind->finish_keeps_extra)
    {
      g_autoptr(JsonObject) extra = collect_unread (object, kind->rules, kind->n_rules,
                                                    kind->children != NULL
                                                    ? kind->children->list : NULL);

      lode_item_set_extra (LODE_ITEM (item), extra);
    }

  return item;
}

static void read_items (Reader         *reader,
                        JsonObject     *object,
                        const ItemKind *kind,
                        gpointer        parent);

/* Reads the item @object of @kind, and adds it to @parent (the portfolio
 * for the lists of the document; NULL when the parent is wrong) when it and
 * its children are valid. */
static void
read_item (Reader         *reader,
           JsonObject     *object,
           const ItemKind *kind,
           gpointer        parent)
{
  g_autofree gpointer fields = g_memdup2 (kind->defaults, kind->fields_size);
  g_autoptr(GObject) item = NULL;
  guint errors_before = reader->n_errors;
  const char *id;
  gboolean ok;

  ok = read_members (reader, object, kind->rules, kind->n_rules, fields);
  if (kind->check != NULL)
    ok = kind->check (reader, object, fields, ok);

  id = item_id (kind, fields);
  if (id != NULL)
    ok &= claim_id (reader, reader->ids[kind->ids], id);

  if (ok && parent != NULL)
    item = make_item (kind, fields, object);

  if (kind->children != NULL)
    read_items (reader, object, kind->children, item);

  if (item != NULL && reader->n_errors == errors_before)
    {
      if (kind->portfolio_list != NULL)
        g_list_store_append (kind->portfolio_list (parent), item);
      else
        ((void (*) (gpointer, gpointer)) kind->add) (parent, item);
    }

  clear_members (kind->rules, kind->n_rules, fields);
}

typedef struct
{
  const ItemKind *kind;
  gpointer        parent;
} ItemList;

static void
read_listed_item (Reader     *reader,
                  JsonObject *object,
                  guint       index,
                  gpointer    user_data)
{
  const ItemList *list = user_data;

  read_item (reader, object, list->kind, list->parent);
}

/* Reads the list of items of @kind of @object. */
static void
read_items (Reader         *reader,
            JsonObject     *object,
            const ItemKind *kind,
            gpointer        parent)
{
  ItemList list = { kind, parent };

  read_list (reader, object, kind->list, read_listed_item, &list);
}

/* The kinds of items, in the order the document lists them. */

typedef struct
{
  const char *id, *title, *publisher, *date, *url;
} SourceFields;

static const SourceFields source_defaults = { NULL };

static const MemberRule source_rules[] = {
  MEMBER (SourceFields, id, MEMBER_ID, TRUE, lode_source_set_id),
  MEMBER (SourceFields, title, MEMBER_STRING, TRUE, lode_source_set_title),
  MEMBER (SourceFields, publisher, MEMBER_STRING, FALSE, lode_source_set_publisher),
  MEMBER (SourceFields, date, MEMBER_STRING, FALSE, lode_source_set_date),
  MEMBER (SourceFields, url, MEMBER_STRING, FALSE, lode_source_set_url),
};

/* A source's date may be of any year. */
static gboolean
check_source (Reader     *reader,
              JsonObject *object,
              gpointer    fields,
              gboolean    ok)
{
  const SourceFields *f = fields;

  if (f->date != NULL && !check_string (reader, "date", STRING_SOURCE_DATE, f->date))
    return FALSE;

  return ok;
}

static const ItemKind source_kind = {
  .list = "sources",
  .get_type = lode_source_get_type,
  .fields_size = sizeof (SourceFields),
  .defaults = &source_defaults,
  .rules = source_rules,
  .n_rules = G_N_ELEMENTS (source_rules),
  .ids = LODE_IDS_SOURCES,
  .check = check_source,
  .portfolio_list = lode_portfolio_get_sources,
};

typedef struct
{
  int         category;
  double      quantity;
  int         unit;
  LodeMoney   value_usd;
  int         year;
  const char *source;
} ReserveFields;

static const ReserveFields reserve_defaults = {
  .category = LODE_RESERVE_CATEGORY_UNSPECIFIED,
  .quantity = LODE_QUANTITY_UNSET,
  .unit = LODE_UNIT_NONE,
  .value_usd = LODE_MONEY_UNSET,
};

static const MemberRule reserve_rules[] = {
  ENUM_MEMBER (ReserveFields, category, FALSE, lode_reserve_category_get_type, -1,
               lode_reserve_set_category),
  MEMBER (ReserveFields, quantity, MEMBER_QUANTITY, TRUE, lode_reserve_set_quantity),
  ENUM_MEMBER (ReserveFields, unit, TRUE, lode_unit_get_type, LODE_UNIT_NONE, lode_reserve_set_unit),
  MEMBER (ReserveFields, value_usd, MEMBER_MONEY, FALSE, lode_reserve_set_value),
  MEMBER (ReserveFields, year, MEMBER_YEAR, FALSE, lode_reserve_set_year),
  MEMBER (ReserveFields, source, MEMBER_SOURCE, FALSE, lode_reserve_set_source),
};

static const ItemKind reserve_kind = {
  .list = "reserves",
  .get_type = lode_reserve_get_type,
  .fields_size = sizeof (ReserveFields),
  .defaults = &reserve_defaults,
  .rules = reserve_rules,
  .n_rules = G_N_ELEMENTS (reserve_rules),
  .add = G_CALLBACK (lode_mineral_add_reserve),
};

typedef struct
{
  const char *id, *name, *symbol;
  int         group;
  GStrv       hs_codes;
} MineralFields;

static const MineralFields mineral_defaults = { .group = LODE_MINERAL_GROUP_OTHER };

static const MemberRule mineral_rules[] = {
  MEMBER (MineralFields, id, MEMBER_ID, TRUE, lode_mineral_set_id),
  MEMBER (MineralFields, name, MEMBER_STRING, TRUE, lode_mineral_set_name),
  MEMBER (MineralFields, symbol, MEMBER_STRING, FALSE, lode_mineral_set_symbol),
  ENUM_MEMBER (MineralFields, group, TRUE, lode_mineral_group_get_type, -1, lode_mineral_set_group),
  MEMBER (MineralFields, hs_codes, MEMBER_HS_CODES, FALSE, lode_mineral_set_hs_codes),
};

static const ItemKind mineral_kind = {
  .list = "minerals",
  .get_type = lode_mineral_get_type,
  .fields_size = sizeof (MineralFields),
  .defaults = &mineral_defaults,
  .rules = mineral_rules,
  .n_rules = G_N_ELEMENTS (mineral_rules),
  .ids = LODE_IDS_MINERALS,
  .children = &reserve_kind,
  .portfolio_list = lode_portfolio_get_minerals,
};

typedef struct
{
  const char *name, *country;
  double      share;
} PartnerFields;

static const PartnerFields partner_defaults = { .share = LODE_SHARE_UNSET };

static const MemberRule partner_rules[] = {
  MEMBER (PartnerFields, name, MEMBER_STRING, FALSE, lode_partner_set_name),
  MEMBER (PartnerFields, country, MEMBER_COUNTRY, FALSE, lode_partner_set_country),
  MEMBER (PartnerFields, share, MEMBER_SHARE, FALSE, lode_partner_set_share),
};

static const ItemKind partner_kind = {
  .list = "partners",
  .get_type = lode_partner_get_type,
  .fields_size = sizeof (PartnerFields),
  .defaults = &partner_defaults,
  .rules = partner_rules,
  .n_rules = G_N_ELEMENTS (partner_rules),
  .add = G_CALLBACK (lode_project_add_partner),
};

typedef struct
{
  const char *id, *name, *region, *operator_, *source;
  GStrv       minerals;
  int         status, start_year;
  gint64      jobs;
  JsonObject *investment;
  LodeMoney   committed, disbursed;
} ProjectFields;

static const ProjectFields project_defaults = {
  .status = LODE_PROJECT_STATUS_UNKNOWN,
  .jobs = -1,
  .committed = LODE_MONEY_UNSET,
  .disbursed = LODE_MONEY_UNSET,
};

static const MemberRule project_investment_rules[] = {
  MEMBER (ProjectFields, committed, MEMBER_MONEY, FALSE, lode_project_set_committed),
  MEMBER (ProjectFields, disbursed, MEMBER_MONEY, FALSE, lode_project_set_disbursed),
};

static const MemberRule project_rules[] = {
  MEMBER (ProjectFields, id, MEMBER_ID, TRUE, lode_project_set_id),
  MEMBER (ProjectFields, name, MEMBER_STRING, TRUE, lode_project_set_name),
  MEMBER (ProjectFields, minerals, MEMBER_MINERALS, FALSE, lode_project_set_minerals),
  MEMBER (ProjectFields, region, MEMBER_STRING, FALSE, lode_project_set_region),
  MEMBER_NAMED (ProjectFields, operator_, "operator", MEMBER_STRING, FALSE,
                lode_project_set_operator),
  ENUM_MEMBER (ProjectFields, status, FALSE, lode_project_status_get_type,
               LODE_PROJECT_STATUS_UNKNOWN, lode_project_set_status),
  OBJECT_MEMBER (ProjectFields, investment, "investment_usd", project_investment_rules),
  MEMBER (ProjectFields, start_year, MEMBER_YEAR, FALSE, lode_project_set_start_year),
  MEMBER (ProjectFields, jobs, MEMBER_JOBS, FALSE, lode_project_set_jobs),
  MEMBER (ProjectFields, source, MEMBER_SOURCE, FALSE, lode_project_set_source),
};

static void
finish_project (gpointer      item,
                gconstpointer fields,
                JsonObject   *object)
{
  const ProjectFields *f = fields;
  g_autoptr(JsonObject) investment_extra = NULL;

  if (f->investment == NULL)
    return;

  investment_extra = collect_unread (f->investment, project_investment_rules,
                                     G_N_ELEMENTS (project_investment_rules), NULL);
  lode_project_set_investment_extra (item, investment_extra);
}

static const ItemKind project_kind = {
  .list = "projects",
  .get_type = lode_project_get_type,
  .fields_size = sizeof (ProjectFields),
  .defaults = &project_defaults,
  .rules = project_rules,
  .n_rules = G_N_ELEMENTS (project_rules),
  .ids = LODE_IDS_PROJECTS,
  .finish = finish_project,
  .children = &partner_kind,
  .portfolio_list = lode_portfolio_get_projects,
};

/* Whether the metric names the kind "investment", whose targets need no
 * baseline and no deadline; the kind itself is checked with the rest of
 * the metric. */
static gboolean
metric_is_investment (JsonObject *metric)
{
  JsonNode *kind = metric != NULL ? json_object_get_member (metric, "kind") : NULL;

  return kind != NULL
         && JSON_NODE_HOLDS_VALUE (kind)
         && json_node_get_value_type (kind) == G_TYPE_STRING
         && g_strcmp0 (json_node_get_string (kind), "investment") == 0;
}

typedef struct
{
  const char *id, *title, *source, *mineral, *destination, *investor_country;
  int         kind, investment, baseline_year, target_year, period;
  LodeMoney   baseline_value, low, high;
  JsonObject *metric, *baseline, *goal;
} TargetFields;

static const TargetFields target_defaults = {
  .kind = LODE_METRIC_KIND_EXPORTS,
  .investment = LODE_INVESTMENT_KIND_COMMITTED,
  .period = LODE_PERIOD_KIND_UNKNOWN,
  .baseline_value = LODE_MONEY_UNSET,
  .low = LODE_MONEY_UNSET,
  .high = LODE_MONEY_UNSET,
};

/* The members in the order of their errors: the metric, the baseline and
 * the target come between the head and the tail, their members after. */
static const MemberRule target_rules[] = {
  MEMBER (TargetFields, id, MEMBER_ID, TRUE, lode_target_set_id),
  MEMBER (TargetFields, title, MEMBER_STRING, TRUE, lode_target_set_title),
};
static const MemberRule target_tail_rules[] = {
  MEMBER (TargetFields, source, MEMBER_SOURCE, FALSE, lode_target_set_source),
  PERIOD_MEMBER (TargetFields, period, -1, lode_target_set_period),
};
static const MemberRule metric_rules[] = {
  ENUM_MEMBER (TargetFields, kind, TRUE, lode_metric_kind_get_type, -1,
               lode_target_set_metric_kind),
  MEMBER (TargetFields, mineral, MEMBER_MINERAL, FALSE, lode_target_set_metric_mineral),
  MEMBER (TargetFields, destination, MEMBER_COUNTRY, FALSE, lode_target_set_metric_destination),
  ENUM_MEMBER (TargetFields, investment, FALSE, lode_investment_kind_get_type,
               LODE_INVESTMENT_KIND_UNKNOWN, lode_target_set_metric_investment),
  MEMBER (TargetFields, investor_country, MEMBER_COUNTRY, FALSE,
          lode_target_set_metric_investor_country),
};
static const MemberRule baseline_rules[] = {
  MEMBER_NAMED (TargetFields, baseline_year, "year", MEMBER_YEAR, TRUE,
                lode_target_set_baseline_year),
  MEMBER_NAMED (TargetFields, baseline_value, "value_usd", MEMBER_MONEY, TRUE,
                lode_target_set_baseline_value),
};
/* The high end is set apart: without one, it is the low end. */
static const MemberRule goal_rules[] = {
  MEMBER_NAMED (TargetFields, target_year, "year", MEMBER_YEAR, TRUE, lode_target_set_target_year),
  MEMBER_NAMED (TargetFields, low, "low_usd", MEMBER_MONEY, TRUE, lode_target_set_target_low),
  MEMBER_NAMED (TargetFields, high, "high_usd", MEMBER_MONEY, FALSE, NULL),
};
/* A target on investment may have no deadline. */
static const MemberRule open_goal_rules[] = {
  MEMBER_NAMED (TargetFields, target_year, "year", MEMBER_YEAR, FALSE, lode_target_set_target_year),
  MEMBER_NAMED (TargetFields, low, "low_usd", MEMBER_MONEY, TRUE, lode_target_set_target_low),
  MEMBER_NAMED (TargetFields, high, "high_usd", MEMBER_MONEY, FALSE, NULL),
};

static gboolean
check_target (Reader     *reader,
              JsonObject *object,
              gpointer    fields,
              gboolean    ok)
{
  TargetFields *f = fields;
  gboolean on_investment;

  ok &= read_object (reader, object, "metric", TRUE, &f->metric);
  on_investment = metric_is_investment (f->metric);
  ok &= read_object (reader, object, "baseline", !on_investment, &f->baseline);
  ok &= read_object (reader, object, "target", TRUE, &f->goal);
  ok &= read_members (reader, object, target_tail_rules, G_N_ELEMENTS (target_tail_rules), f);

  if (f->metric != NULL)
    {
      ok &= read_nested_members (reader, f->metric, "metric", metric_rules,
                                 G_N_ELEMENTS (metric_rules), f);
      if (f->investment != LODE_INVESTMENT_KIND_COMMITTED
          && f->investment != LODE_INVESTMENT_KIND_DISBURSED)
        {
          gsize mark = push_member (reader, "metric");

          _lode_reader_error (reader, "investment", LODE_LOAD_PROBLEM_CHOICE,
                              "committed, disbursed",
                              N_("“%s” is not one of: %s"),
                              lode_enum_to_nick (LODE_TYPE_INVESTMENT_KIND, f->investment),
                              "committed, disbursed");
          pop (reader, mark);
          ok = FALSE;
        }
    }

  if (f->baseline != NULL)
    ok &= read_nested_members (reader, f->baseline, "baseline", baseline_rules,
                               G_N_ELEMENTS (baseline_rules), f);

  if (f->goal != NULL)
    {
      gsize mark = push_member (reader, "target");

      if (on_investment)
        ok &= read_members (reader, f->goal, open_goal_rules, G_N_ELEMENTS (open_goal_rules), f);
      else
        ok &= read_members (reader, f->goal, goal_rules, G_N_ELEMENTS (goal_rules), f);
      if (ok && f->high != LODE_MONEY_UNSET && f->high < f->low)
        {
          _lode_reader_error (reader, "high_usd", LODE_LOAD_PROBLEM_BELOW_LOW, NULL,
                              N_("must not be below low_usd"));
          ok = FALSE;
        }
      if (ok && f->baseline_year != 0 && f->target_year != 0 && f->target_year <= f->baseline_year)
        {
          _lode_reader_error (reader, "year", LODE_LOAD_PROBLEM_BEFORE_BASELINE, NULL,
                              N_("must come after the baseline year"));
          ok = FALSE;
        }
      pop (reader, mark);
    }

  return ok;
}

static void
finish_target (gpointer      item,
               gconstpointer fields,
               JsonObject   *object)
{
  static const char * const known[] = {
    "id", "title", "metric", "baseline", "target", "source", "period", NULL
  };
  const TargetFields *f = fields;
  g_autoptr(JsonObject) extra = collect_extra (object, known);
  g_autoptr(JsonObject) metric_extra = NULL;
  g_autoptr(JsonObject) goal_extra = NULL;

  set_members (item, target_tail_rules, G_N_ELEMENTS (target_tail_rules), f);
  set_members (item, metric_rules, G_N_ELEMENTS (metric_rules), f);
  set_members (item, baseline_rules, G_N_ELEMENTS (baseline_rules), f);
  set_members (item, goal_rules, G_N_ELEMENTS (goal_rules), f);
  lode_target_set_target_high (item, f->high != LODE_MONEY_UNSET ? f->high : f->low);

  lode_target_set_extra (item, LODE_TARGET_EXTRA_SELF, extra);
  metric_extra = collect_unread (f->metric, metric_rules, G_N_ELEMENTS (metric_rules), NULL);
  lode_target_set_extra (item, LODE_TARGET_EXTRA_METRIC, metric_extra);
  if (f->baseline != NULL)
    {
      g_autoptr(JsonObject) baseline_extra = collect_unread (f->baseline, baseline_rules,
                                                             G_N_ELEMENTS (baseline_rules), NULL);

      lode_target_set_extra (item, LODE_TARGET_EXTRA_BASELINE, baseline_extra);
    }
  goal_extra = collect_unread (f->goal, goal_rules, G_N_ELEMENTS (goal_rules), NULL);
  lode_target_set_extra (item, LODE_TARGET_EXTRA_TARGET, goal_extra);
}

static const ItemKind target_kind = {
  .list = "targets",
  .get_type = lode_target_get_type,
  .fields_size = sizeof (TargetFields),
  .defaults = &target_defaults,
  .rules = target_rules,
  .n_rules = G_N_ELEMENTS (target_rules),
  .ids = LODE_IDS_TARGETS,
  .check = check_target,
  .finish = finish_target,
  .finish_keeps_extra = TRUE,
  .portfolio_list = lode_portfolio_get_targets,
};

typedef struct
{
  const char *project, *investor, *investor_country, *date, *source, *note;
  int         kind;
  LodeMoney   value_usd;
  GStrv       minerals;
  Original    original;
} InvestmentFields;

static const InvestmentFields investment_defaults = { .kind = LODE_INVESTMENT_KIND_UNKNOWN };

static const MemberRule investment_rules[] = {
  MEMBER (InvestmentFields, project, MEMBER_PROJECT, FALSE, lode_investment_set_project),
  MEMBER (InvestmentFields, investor, MEMBER_STRING, FALSE, lode_investment_set_investor),
  MEMBER (InvestmentFields, investor_country, MEMBER_COUNTRY, FALSE,
          lode_investment_set_investor_country),
  ENUM_MEMBER (InvestmentFields, kind, TRUE, lode_investment_kind_get_type,
               LODE_INVESTMENT_KIND_UNKNOWN, lode_investment_set_kind),
  MEMBER (InvestmentFields, value_usd, MEMBER_MONEY, TRUE, lode_investment_set_value),
  MEMBER (InvestmentFields, date, MEMBER_DATE, TRUE, lode_investment_set_date),
  MEMBER (InvestmentFields, minerals, MEMBER_MINERALS, FALSE, lode_investment_set_minerals),
  MEMBER (InvestmentFields, source, MEMBER_SOURCE, FALSE, lode_investment_set_source),
  MEMBER (InvestmentFields, note, MEMBER_STRING, FALSE, lode_investment_set_note),
  MEMBER_NAMED (InvestmentFields, original, "original_amount", MEMBER_ORIGINAL, FALSE, NULL),
};

static void
finish_investment (gpointer      item,
                   gconstpointer fields,
                   JsonObject   *object)
{
  const InvestmentFields *f = fields;

  lode_investment_set_original (item, f->original.currency, f->original.amount);
}

static const ItemKind investment_kind = {
  .list = "investments",
  .get_type = lode_investment_get_type,
  .fields_size = sizeof (InvestmentFields),
  .defaults = &investment_defaults,
  .rules = investment_rules,
  .n_rules = G_N_ELEMENTS (investment_rules),
  .finish = finish_investment,
  .portfolio_list = lode_portfolio_get_investments,
};

typedef struct
{
  const char *mineral, *project, *source, *note;
  int         year, unit;
  double      quantity;
} ProductionFields;

static const ProductionFields production_defaults = {
  .quantity = LODE_QUANTITY_UNSET,
  .unit = LODE_UNIT_NONE,
};

static const MemberRule production_rules[] = {
  MEMBER (ProductionFields, mineral, MEMBER_MINERAL, TRUE, lode_production_set_mineral),
  MEMBER (ProductionFields, project, MEMBER_PROJECT, FALSE, lode_production_set_project),
  MEMBER (ProductionFields, year, MEMBER_YEAR, TRUE, lode_production_set_year),
  MEMBER (ProductionFields, quantity, MEMBER_QUANTITY, TRUE, lode_production_set_quantity),
  ENUM_MEMBER (ProductionFields, unit, TRUE, lode_unit_get_type, LODE_UNIT_NONE,
               lode_production_set_unit),
  MEMBER (ProductionFields, source, MEMBER_SOURCE, FALSE, lode_production_set_source),
  MEMBER (ProductionFields, note, MEMBER_STRING, FALSE, lode_production_set_note),
};

static const ItemKind production_kind = {
  .list = "production",
  .get_type = lode_production_get_type,
  .fields_size = sizeof (ProductionFields),
  .defaults = &production_defaults,
  .rules = production_rules,
  .n_rules = G_N_ELEMENTS (production_rules),
  .portfolio_list = lode_portfolio_get_production,
};

typedef struct
{
  const char *country, *note, *source;
  int         kind, year;
  LodeMoney   value_usd;
  double      change;
} FigureFields;

static const FigureFields figure_defaults = {
  .kind = LODE_FIGURE_KIND_UNKNOWN,
  .change = LODE_CHANGE_UNSET,
};

static const MemberRule figure_rules[] = {
  ENUM_MEMBER (FigureFields, kind, TRUE, lode_figure_kind_get_type, LODE_FIGURE_KIND_UNKNOWN,
               lode_national_figure_set_kind),
  MEMBER (FigureFields, country, MEMBER_COUNTRY, FALSE, lode_national_figure_set_country),
  MEMBER (FigureFields, year, MEMBER_YEAR, FALSE, lode_national_figure_set_year),
  MEMBER (FigureFields, value_usd, MEMBER_MONEY, TRUE, lode_national_figure_set_value),
  MEMBER (FigureFields, change, MEMBER_CHANGE, FALSE, lode_national_figure_set_change),
  MEMBER (FigureFields, note, MEMBER_STRING, FALSE, lode_national_figure_set_note),
  MEMBER (FigureFields, source, MEMBER_SOURCE, FALSE, lode_national_figure_set_source),
};

static const ItemKind figure_kind = {
  .list = "national_figures",
  .get_type = lode_national_figure_get_type,
  .fields_size = sizeof (FigureFields),
  .defaults = &figure_defaults,
  .rules = figure_rules,
  .n_rules = G_N_ELEMENTS (figure_rules),
  .portfolio_list = lode_portfolio_get_national_figures,
};

typedef struct
{
  const char *currency, *source, *note;
  int         year, month, period;
  LodeRate    rate;
} RateFields;

static const RateFields rate_defaults = { .period = LODE_PERIOD_KIND_UNKNOWN };

static const MemberRule rate_rules[] = {
  MEMBER (RateFields, currency, MEMBER_RATE_CURRENCY, TRUE, lode_exchange_rate_set_currency),
  MEMBER (RateFields, year, MEMBER_YEAR, TRUE, lode_exchange_rate_set_year),
  MEMBER (RateFields, month, MEMBER_MONTH, FALSE, lode_exchange_rate_set_month),
  PERIOD_MEMBER (RateFields, period, G_STRUCT_OFFSET (RateFields, month),
                 lode_exchange_rate_set_period),
  MEMBER_NAMED (RateFields, rate, "units_per_usd", MEMBER_RATE, TRUE, lode_exchange_rate_set_rate),
  MEMBER (RateFields, source, MEMBER_SOURCE, FALSE, lode_exchange_rate_set_source),
  MEMBER (RateFields, note, MEMBER_STRING, FALSE, lode_exchange_rate_set_note),
};

/* One rate a period: which of two would be a guess. */
static gboolean
check_rate (Reader     *reader,
            JsonObject *object,
            gpointer    fields,
            gboolean    ok)
{
  const RateFields *f = fields;
  g_autofree char *key = NULL;

  if (!ok)
    return FALSE;

  key = g_strdup_printf ("%s/%d/%d/%d", f->currency, f->year, f->month,
                         f->period == LODE_PERIOD_KIND_FISCAL_YEAR);
  if (g_hash_table_contains (reader->rate_periods, key))
    {
      _lode_reader_error (reader, NULL, LODE_LOAD_PROBLEM_DUPLICATE_RATE, NULL,
                          N_("is a second rate of %s for the same period (%s)"),
                          f->currency, (const char *) g_hash_table_lookup (reader->rate_periods, key));
      return FALSE;
    }
  g_hash_table_insert (reader->rate_periods, g_steal_pointer (&key),
                       g_strdup (reader->pointer->str));

  return TRUE;
}

/* A rate is no LodeItem: it keeps its unknown members itself. */
static void
finish_rate (gpointer      item,
             gconstpointer fields,
             JsonObject   *object)
{
  g_autoptr(JsonObject) extra = collect_unread (object, rate_rules, G_N_ELEMENTS (rate_rules), NULL);

  lode_exchange_rate_set_extra (item, extra);
}

static const ItemKind rate_kind = {
  .list = "exchange_rates",
  .get_type = lode_exchange_rate_get_type,
  .fields_size = sizeof (RateFields),
  .defaults = &rate_defaults,
  .rules = rate_rules,
  .n_rules = G_N_ELEMENTS (rate_rules),
  .check = check_rate,
  .finish = finish_rate,
  .finish_keeps_extra = TRUE,
  .portfolio_list = lode_portfolio_get_exchange_rates,
};

/* Reads the header members; FALSE stops reading: the file is not a
 * portfolio Lode can read at all. */
static gboolean
read_header (Reader     *reader,
             JsonObject *root,
             GError    **error)
{
  const char *format = NULL;
  gint64 version = 0;
  LodeValue value;

  _lode_value_from_member (root, "format", &value);
  if (!read_string_value (reader, &value, "format", TRUE, &format))
    return FALSE;

  if (g_strcmp0 (format, LODE_PORTFOLIO_FORMAT) != 0)
    {
      _lode_reader_error (reader, "format", LODE_LOAD_PROBLEM_FORMAT, NULL,
                          N_("“%s” is not a Lode portfolio: expected “%s”"),
                          format, LODE_PORTFOLIO_FORMAT);
      return FALSE;
    }

  _lode_value_from_member (root, "version", &value);
  if (value.kind == LODE_VALUE_INT && value.i > LODE_PORTFOLIO_VERSION)
    {
      g_autofree char *newer = g_strdup_printf ("%" G_GINT64_FORMAT, value.i);

      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_NEWER_VERSION,
                   /* TRANSLATORS: the first %s is the file's name */
                   _("%s: /version: this file was written by a newer version of Lode "
                     "(format version %s); this version reads version %d. "
                     "Update Lode to open it."),
                   reader->name, newer, LODE_PORTFOLIO_VERSION);
      return FALSE;
    }

  /* The message names the version: say the new one when it changes. */
  G_STATIC_ASSERT (LODE_PORTFOLIO_VERSION == 1);
  if (!read_integer_value (reader, &value, "version", TRUE, 1, LODE_PORTFOLIO_VERSION,
                           N_("must be format version 1"), &version))
    return FALSE;

  return TRUE;
}

void
_lode_reader_read_exports (Reader     *reader,
                           JsonObject *root)
{
  JsonArray *exports = NULL;

  if (read_array (reader, root, "exports", &exports) && exports != NULL)
    lode_export_table_reserve (lode_portfolio_get_exports (reader->portfolio),
                               json_array_get_length (exports));
  read_list (reader, root, "exports", read_export, NULL);
}

void
_lode_reader_init (Reader        *reader,
                   const char    *name,
                   LodePortfolio *portfolio)
{
  *reader = (Reader) {
    .name = name,
    .pointer = g_string_new (NULL),
    .errors = g_ptr_array_new_with_free_func ((GDestroyNotify) _lode_load_problem_free),
    .portfolio = portfolio,
  };
}

void
_lode_reader_clear (Reader *reader)
{
  if (reader->pointer != NULL)
    g_string_free (g_steal_pointer (&reader->pointer), TRUE);
  g_clear_pointer (&reader->errors, g_ptr_array_unref);
  for (guint i = 0; i < LODE_N_IDS; i++)
    g_clear_pointer (&reader->ids[i], g_hash_table_unref);
  g_clear_pointer (&reader->rate_periods, g_hash_table_unref);
}

void
_lode_reader_take_errors (Reader *reader,
                          Reader *from)
{
  for (guint i = 0; i < from->errors->len; i++)
    if (reader->errors->len < LODE_PORTFOLIO_MAX_ERRORS)
      g_ptr_array_add (reader->errors, _lode_load_problem_copy (g_ptr_array_index (from->errors, i)));
  reader->n_errors += from->n_errors;
}

LodePortfolio *
_lode_reader_read_portfolio (Reader               *reader,
                             JsonObject           *root,
                             LodeReadExportsFunc   read_exports,
                             gpointer              user_data,
                             GError              **error)
{
  static const char * const known[] = {
    "format", "version", "title", "description", "currency", "country",
    "fiscal_year_start",
    "sources", "minerals", "exports", "projects", "targets",
    "investments", "production", "national_figures", "exchange_rates", NULL
  };
  typedef struct
  {
    const char *title, *description, *currency, *country;
  } Fields;
  LodeValue fiscal_value;
  gint64 fiscal_year_start = 0;
  static const MemberRule rules[] = {
    MEMBER (Fields, title, MEMBER_STRING, TRUE, NULL),
    MEMBER (Fields, description, MEMBER_STRING, FALSE, NULL),
    MEMBER (Fields, currency, MEMBER_STRING, FALSE, NULL),
  };
  /* After the currency's own check, where its errors have always been. */
  static const MemberRule country_rules[] = {
    MEMBER (Fields, country, MEMBER_COUNTRY, FALSE, NULL),
  };
  g_autoptr(JsonObject) extra = NULL;
  LodePortfolio *portfolio = reader->portfolio;
  GPtrArray *errors = reader->errors;
  const char *name = reader->name;
  Fields f = { NULL };
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < LODE_N_IDS; i++)
    reader->ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader->rate_periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (read_header (reader, root, &local_error))
    {
      read_members (reader, root, rules, G_N_ELEMENTS (rules), &f);
      _lode_value_from_member (root, "fiscal_year_start", &fiscal_value);
      read_integer_value (reader, &fiscal_value, "fiscal_year_start", FALSE, 1, 12,
                          N_("must be the month the fiscal year starts in, from 1 (January) to 12 (December)"),
                          &fiscal_year_start);
      if (f.currency != NULL && g_strcmp0 (f.currency, "USD") != 0)
        _lode_reader_error (reader, "currency", LODE_LOAD_PROBLEM_CURRENCY, NULL,
                            N_("“%s” is not supported: amounts are in USD"), f.currency);
      read_members (reader, root, country_rules, G_N_ELEMENTS (country_rules), &f);

      /* Sources and minerals first: the rest refers to them. */
      read_items (reader, root, &source_kind, portfolio);
      read_items (reader, root, &mineral_kind, portfolio);

      if (read_exports != NULL)
        read_exports (reader, root, user_data);
      else
        _lode_reader_read_exports (reader, root);
      read_items (reader, root, &project_kind, portfolio);
      read_items (reader, root, &target_kind, portfolio);
      read_items (reader, root, &investment_kind, portfolio);
      read_items (reader, root, &production_kind, portfolio);
      read_items (reader, root, &figure_kind, portfolio);
      read_items (reader, root, &rate_kind, portfolio);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (reader->n_errors > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < errors->len; i++)
        {
          const LodeLoadProblem *problem = g_ptr_array_index (errors, i);

          if (i > 0)
            g_string_append_c (message, '\n');
          if (problem->pointer[0] == '\0')
            g_string_append_printf (message, "%s: %s", name, problem->message);
          else
            g_string_append_printf (message, "%s: %s: %s", name, problem->pointer, problem->message);
        }
      if (reader->n_errors > errors->len)
        {
          g_string_append_printf (message, "\n%s: ", name);
          g_string_append_printf (message, _("… and %u more errors"),
                                  reader->n_errors - errors->len);
        }

      g_set_error_literal (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID,
                           message->str);
      return NULL;
    }

  lode_portfolio_set_title (portfolio, f.title);
  lode_portfolio_set_description (portfolio, f.description);
  if (f.currency != NULL)
    lode_portfolio_set_currency (portfolio, f.currency);
  lode_portfolio_set_country (portfolio, f.country);
  lode_portfolio_set_fiscal_year_start (portfolio, fiscal_year_start);
  extra = collect_extra (root, known);
  lode_portfolio_set_extra (portfolio, extra);
  lode_export_table_announce (lode_portfolio_get_exports (portfolio), 0, 0,
                              lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)));
  lode_portfolio_set_modified (portfolio, FALSE);

  return g_object_ref (portfolio);
}
