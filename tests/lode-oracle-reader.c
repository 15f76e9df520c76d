/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reader Lode had before its streaming reader, kept for the tests and
 * the fuzzers as an independent oracle: the strict check, json-glib's
 * parser and its document tree, then a walk of the tree into a
 * LodePortfolio. The streaming reader must accept exactly what this
 * accepts, give the same portfolio and the same errors. Only the tests and
 * the fuzzers link it. */

#include "lode-oracle-reader.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lode-enum-types.h"
#include "lode-json-check.h"
#include "lode-rules.h"

#define YEAR_MIN LODE_YEAR_MIN
#define YEAR_MAX LODE_YEAR_MAX

typedef struct
{
  const char    *name;
  GString       *pointer;
  GPtrArray     *errors;
  guint          n_errors;
  LodePortfolio *portfolio;
  GHashTable    *source_ids;   /* id → pointer of its first definition */
  GHashTable    *mineral_ids;
} Reader;

static void reader_error (Reader     *reader,
                          const char *member,
                          const char *format,
                          ...) G_GNUC_PRINTF (3, 4);

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

/* Records "NAME: /pointer/member: message"; @member may be NULL for the
 * current object itself. */
static void
reader_error (Reader     *reader,
              const char *member,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autoptr(GString) pointer = NULL;
  va_list args;

  reader->n_errors++;
  if (reader->errors->len >= LODE_PORTFOLIO_MAX_ERRORS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  pointer = g_string_new (reader->pointer->str);
  if (member != NULL)
    append_pointer_token (pointer, member);

  if (pointer->len == 0)
    g_ptr_array_add (reader->errors, g_strdup_printf ("%s: %s", reader->name, message));
  else
    g_ptr_array_add (reader->errors,
                     g_strdup_printf ("%s: %s: %s", reader->name, pointer->str, message));
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static const char *
enum_choices (GType enum_type,
              int   skip)
{
  static GHashTable *cache;
  GEnumClass *klass;
  GString *text;
  const char *found;

  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);

  found = g_hash_table_lookup (cache, GSIZE_TO_POINTER (enum_type));
  if (found != NULL)
    return found;

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

  return found;
}

/* Member readers. Each takes the object and the member name, returns FALSE
 * (with an error recorded) when the member is present but wrong, and leaves
 * the output untouched when the member is absent or null. */

static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (is_null (node))
    {
      if (required)
        {
          reader_error (reader, member, "required member is missing");
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      reader_error (reader, member, "must be a string");
      return FALSE;
    }

  if (required && json_node_get_string (node)[0] == '\0')
    {
      reader_error (reader, member, "must not be empty");
      return FALSE;
    }

  *out = json_node_get_string (node);

  return TRUE;
}

static gboolean
read_slug (Reader      *reader,
           JsonObject  *object,
           const char  *member,
           gboolean     required,
           const char **out)
{
  const char *value = NULL;

  if (!read_string (reader, object, member, required, &value))
    return FALSE;

  if (value != NULL && !lode_rule_slug (value, NULL))
    {
      reader_error (reader, member,
                    "“%s” is not an id: use lowercase letters, digits and hyphens, "
                    "starting with a letter or digit", value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

/* A reference to a source or mineral id that must resolve. */
static gboolean
read_reference (Reader      *reader,
                JsonObject  *object,
                const char  *member,
                gboolean     required,
                GHashTable  *ids,
                const char  *kind,
                const char **out)
{
  const char *value = NULL;

  if (!read_string (reader, object, member, required, &value))
    return FALSE;

  if (value != NULL && !g_hash_table_contains (ids, value))
    {
      reader_error (reader, member, "refers to %s “%s”, which is not in the file", kind, value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
read_integer (Reader     *reader,
              JsonObject *object,
              const char *member,
              gboolean    required,
              gint64      min,
              gint64      max,
              const char *what,
              gint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  if (is_null (node))
    {
      if (required)
        {
          reader_error (reader, member, "required member is missing");
          return FALSE;
        }
      return TRUE;
    }

  if (!is_number (node))
    {
      reader_error (reader, member, "must be %s", what);
      return FALSE;
    }

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 i = json_node_get_int (node);

      if (i < min || i > max)
        {
          reader_error (reader, member, "must be %s", what);
          return FALSE;
        }
      *out = i;
      return TRUE;
    }

  value = json_node_get_double (node);
  if (value != floor (value) || value < (double) min || value > (double) max)
    {
      reader_error (reader, member, "must be %s", what);
      return FALSE;
    }

  *out = (gint64) value;

  return TRUE;
}

static gboolean
read_year (Reader     *reader,
           JsonObject *object,
           const char *member,
           gboolean    required,
           int        *out)
{
  gint64 year = 0;

  if (!read_integer (reader, object, member, required, YEAR_MIN, YEAR_MAX,
                     "a year from 1800 to 2200", &year))
    return FALSE;

  if (year != 0)
    *out = year;

  return TRUE;
}

static gboolean
read_number (Reader     *reader,
             JsonObject *object,
             const char *member,
             gboolean    required,
             double      max,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  if (is_null (node))
    {
      if (required)
        {
          reader_error (reader, member, "required member is missing");
          return FALSE;
        }
      return TRUE;
    }

  if (!is_number (node))
    {
      reader_error (reader, member, "must be a non-negative number");
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value) || value < 0)
    {
      reader_error (reader, member, "must be a non-negative number");
      return FALSE;
    }

  if (value > max)
    {
      reader_error (reader, member, "must be at most %g", max);
      return FALSE;
    }

  *out = value == 0 ? 0.0 : value;

  return TRUE;
}

static gboolean
read_money (Reader     *reader,
            JsonObject *object,
            const char *member,
            gboolean    required,
            LodeMoney  *out)
{
  JsonNode *node = json_object_get_member (object, member);
  LodeMoney cents = 0;

  if (is_null (node))
    {
      if (required)
        {
          reader_error (reader, member, "required member is missing");
          return FALSE;
        }
      return TRUE;
    }

  if (!is_number (node))
    {
      reader_error (reader, member, "must be a non-negative number");
      return FALSE;
    }

  switch (lode_money_from_double (json_node_get_double (node), &cents))
    {
    case LODE_MONEY_OK:
      *out = cents;
      return TRUE;
    case LODE_MONEY_NOT_FINITE:
    case LODE_MONEY_NEGATIVE:
      reader_error (reader, member, "must be a non-negative number");
      return FALSE;
    case LODE_MONEY_TOO_LARGE:
      reader_error (reader, member, "is too large: amounts go up to 70 trillion");
      return FALSE;
    case LODE_MONEY_TOO_PRECISE:
      reader_error (reader, member, "must have at most two decimals (whole cents)");
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_enum (Reader     *reader,
           JsonObject *object,
           const char *member,
           gboolean    required,
           GType       enum_type,
           int         absent,
           int        *out)
{
  const char *nick = NULL;
  int value;

  if (!read_string (reader, object, member, required, &nick))
    return FALSE;

  if (nick == NULL)
    return TRUE;

  if (!lode_enum_from_nick (enum_type, nick, &value) || value == absent)
    {
      reader_error (reader, member, "“%s” is not one of: %s", nick,
                    enum_choices (enum_type, absent));
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
read_country (Reader      *reader,
              JsonObject  *object,
              const char  *member,
              const char **out)
{
  const char *value = NULL;

  if (!read_string (reader, object, member, FALSE, &value))
    return FALSE;

  if (value != NULL && !lode_rule_country_code (value, NULL))
    {
      reader_error (reader, member,
                    "“%s” is not a country code: use ISO 3166-1 alpha-2, such as CN", value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
read_hs_code (Reader      *reader,
              JsonObject  *object,
              const char  *member,
              const char **out)
{
  const char *value = NULL;

  if (!read_string (reader, object, member, FALSE, &value))
    return FALSE;

  if (value != NULL && !lode_rule_hs_code (value, NULL))
    {
      reader_error (reader, member, "“%s” is not an HS code of 2, 4 or 6 digits", value);
      return FALSE;
    }

  *out = value;

  return TRUE;
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

  if (is_null (node))
    {
      if (required)
        {
          reader_error (reader, member, "required member is missing");
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_error (reader, member, "must be an object");
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

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_error (reader, member, "must be an array");
      return FALSE;
    }

  *out = json_node_get_array (node);

  return TRUE;
}

/* A list of strings, each checked by @check (may be NULL; @check_message
 * follows the value in the error) and, when @ids is not NULL, resolved
 * against it. */
static gboolean
read_string_list (Reader         *reader,
                  JsonObject     *object,
                  const char     *member,
                  gboolean      (*check) (const char *),
                  const char     *check_message,
                  GHashTable     *ids,
                  const char     *kind,
                  GStrv          *out)
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
          reader_error (reader, index, "must be a string");
          ok = FALSE;
          continue;
        }

      value = json_node_get_string (node);
      if (check != NULL && !check (value))
        {
          reader_error (reader, index, "“%s” %s", value, check_message);
          ok = FALSE;
          continue;
        }
      if (ids != NULL && !g_hash_table_contains (ids, value))
        {
          reader_error (reader, index, "refers to %s “%s”, which is not in the file", kind, value);
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

/* Members of @object not in @known, in the file's order, for writing back;
 * NULL if there are none. */
static JsonObject *
collect_extra (JsonObject        *object,
               const char * const *known)
{
  JsonObject *extra = NULL;
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *copy;

      if (g_strv_contains (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      copy = json_node_copy (json_object_get_member (object, name));
      clear_negative_zeros (copy);
      json_object_set_member (extra, name, copy);
    }

  return extra;
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
        reader_error (reader, NULL, "must be an object");
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
      reader_error (reader, "id", "“%s” is already the id of %s", id, first);
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
      reader_error (reader, "unit", "a quantity needs its unit");
      return FALSE;
    }

  return TRUE;
}

/* A period kind: never on a figure of one month. */
static gboolean
read_period (Reader     *reader,
             JsonObject *object,
             const char *member,
             gint64      month,
             int        *out)
{
  int kind = LODE_PERIOD_KIND_UNKNOWN;

  if (!read_enum (reader, object, member, FALSE, LODE_TYPE_PERIOD_KIND,
                  LODE_PERIOD_KIND_UNKNOWN, &kind))
    return FALSE;

  if (month != 0 && kind != LODE_PERIOD_KIND_UNKNOWN)
    {
      reader_error (reader, member, "is for the figures of a whole year: a figure of one "
                    "month has no period kind");
      return FALSE;
    }

  *out = kind;
  return TRUE;
}

static gboolean
read_currency (Reader      *reader,
               JsonObject  *object,
               const char  *member,
               gboolean     required,
               const char **out)
{
  const char *code = NULL;

  if (!read_string (reader, object, member, required, &code))
    return FALSE;

  if (code != NULL && !lode_rule_currency_code (code, NULL))
    {
      reader_error (reader, member, "“%s” is not an ISO 4217 currency code such as PKR or CNY",
                    code);
      return FALSE;
    }

  *out = code;
  return TRUE;
}

/* An amount in another currency with its code: one needs the other. */
static gboolean
read_original (Reader      *reader,
               JsonObject  *object,
               LodeMoney   *amount,
               const char **currency)
{
  gboolean amount_given = !is_null (json_object_get_member (object, "original_amount"));
  gboolean currency_given = !is_null (json_object_get_member (object, "original_currency"));
  LodeMoney read_amount = LODE_MONEY_UNSET;
  const char *read_code = NULL;
  gboolean ok = TRUE;

  ok &= read_money (reader, object, "original_amount", currency_given, &read_amount);
  ok &= read_currency (reader, object, "original_currency", amount_given, &read_code);

  if (ok && read_code != NULL)
    {
      *amount = read_amount;
      *currency = read_code;
    }

  return ok;
}

static void
read_source (Reader     *reader,
             JsonObject *object,
             guint       index,
             gpointer    user_data)
{
  static const char * const known[] = { "id", "title", "publisher", "date", "url", NULL };
  const char *id = NULL, *title = NULL, *publisher = NULL, *date = NULL, *url = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(LodeSource) source = NULL;
  gboolean ok = TRUE;

  ok &= read_slug (reader, object, "id", TRUE, &id);
  ok &= read_string (reader, object, "title", TRUE, &title);
  ok &= read_string (reader, object, "publisher", FALSE, &publisher);
  ok &= read_string (reader, object, "date", FALSE, &date);
  ok &= read_string (reader, object, "url", FALSE, &url);

  if (date != NULL && !lode_rule_date (date, NULL))
    {
      reader_error (reader, "date", "“%s” is not a date such as 2025-09-26", date);
      ok = FALSE;
    }

  if (id != NULL)
    ok &= claim_id (reader, reader->source_ids, id);

  if (!ok)
    return;

  source = lode_source_new (id, title);
  lode_source_set_publisher (source, publisher);
  lode_source_set_date (source, date);
  lode_source_set_url (source, url);
  extra = collect_extra (object, known);
  lode_source_set_extra (source, extra);
  g_list_store_append (lode_portfolio_get_sources (reader->portfolio), source);
}

static void
read_reserve (Reader     *reader,
              JsonObject *object,
              guint       index,
              gpointer    user_data)
{
  static const char * const known[] = {
    "category", "quantity", "unit", "value_usd", "year", "source", NULL
  };
  LodeMineral *mineral = user_data;
  int category = LODE_RESERVE_CATEGORY_UNSPECIFIED, unit = LODE_UNIT_NONE, year = 0;
  double quantity = LODE_QUANTITY_UNSET;
  LodeMoney value = LODE_MONEY_UNSET;
  const char *source_id = NULL;
  g_autoptr(LodeReserve) reserve = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;

  ok &= read_enum (reader, object, "category", FALSE, LODE_TYPE_RESERVE_CATEGORY, -1, &category);
  ok &= read_number (reader, object, "quantity", TRUE, G_MAXDOUBLE, &quantity);
  ok &= read_enum (reader, object, "unit", TRUE, LODE_TYPE_UNIT, LODE_UNIT_NONE, &unit);
  ok &= read_money (reader, object, "value_usd", FALSE, &value);
  ok &= read_year (reader, object, "year", FALSE, &year);
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source", &source_id);

  if (!ok || mineral == NULL)
    return;

  reserve = lode_reserve_new (category, quantity, unit);
  lode_reserve_set_value (reserve, value);
  lode_reserve_set_year (reserve, year);
  lode_reserve_set_source (reserve, source_id);
  extra = collect_extra (object, known);
  lode_reserve_set_extra (reserve, extra);
  lode_mineral_add_reserve (mineral, reserve);
}

static gboolean
check_hs_code (const char *code)
{
  return lode_rule_hs_code (code, NULL);
}

static void
read_mineral (Reader     *reader,
              JsonObject *object,
              guint       index,
              gpointer    user_data)
{
  static const char * const known[] = {
    "id", "name", "symbol", "group", "hs_codes", "reserves", NULL
  };
  const char *id = NULL, *name = NULL, *symbol = NULL;
  int group = LODE_MINERAL_GROUP_OTHER;
  g_auto(GStrv) hs_codes = NULL;
  g_autoptr(LodeMineral) mineral = NULL;
  g_autoptr(JsonObject) extra = NULL;
  guint errors_before = reader->n_errors;
  gboolean ok = TRUE;

  ok &= read_slug (reader, object, "id", TRUE, &id);
  ok &= read_string (reader, object, "name", TRUE, &name);
  ok &= read_string (reader, object, "symbol", FALSE, &symbol);
  ok &= read_enum (reader, object, "group", TRUE, LODE_TYPE_MINERAL_GROUP, -1, &group);
  ok &= read_string_list (reader, object, "hs_codes", check_hs_code,
                          "is not an HS code of 2, 4 or 6 digits", NULL, NULL, &hs_codes);

  if (id != NULL)
    ok &= claim_id (reader, reader->mineral_ids, id);

  if (ok)
    {
      mineral = lode_mineral_new (id, name, group);
      lode_mineral_set_symbol (mineral, symbol);
      lode_mineral_set_hs_codes (mineral, (const char * const *) hs_codes);
    }

  /* Reserves are read even when the mineral is wrong, to report them too. */
  read_list (reader, object, "reserves", read_reserve, mineral);

  if (mineral == NULL || reader->n_errors != errors_before)
    return;

  extra = collect_extra (object, known);
  lode_mineral_set_extra (mineral, extra);
  g_list_store_append (lode_portfolio_get_minerals (reader->portfolio), mineral);
}

static void
read_export (Reader     *reader,
             JsonObject *object,
             guint       index,
             gpointer    user_data)
{
  static const char * const known[] = {
    "mineral", "year", "month", "destination", "hs_code", "stage",
    "quantity", "unit", "value_usd", "source", "period", "original_amount",
    "original_currency", NULL
  };
  LodeExportTable *table = lode_portfolio_get_exports (reader->portfolio);
  LodeExportRow row = {
    .quantity = LODE_QUANTITY_UNSET,
    .stage = LODE_STAGE_UNKNOWN,
    .unit = LODE_UNIT_NONE,
  };
  gint64 month = 0;
  int stage = LODE_STAGE_UNKNOWN, unit = LODE_UNIT_NONE;
  int period = LODE_PERIOD_KIND_UNKNOWN;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;

  ok &= read_reference (reader, object, "mineral", TRUE, reader->mineral_ids, "mineral",
                        &row.mineral);
  ok &= read_year (reader, object, "year", TRUE, &row.year);
  ok &= read_integer (reader, object, "month", FALSE, 1, 12, "a month from 1 to 12", &month);
  ok &= read_country (reader, object, "destination", &row.destination);
  ok &= read_hs_code (reader, object, "hs_code", &row.hs_code);
  ok &= read_enum (reader, object, "stage", FALSE, LODE_TYPE_STAGE, LODE_STAGE_UNKNOWN, &stage);
  ok &= read_number (reader, object, "quantity", FALSE, G_MAXDOUBLE, &row.quantity);
  ok &= read_enum (reader, object, "unit", FALSE, LODE_TYPE_UNIT, LODE_UNIT_NONE, &unit);
  ok &= read_money (reader, object, "value_usd", TRUE, &row.value);
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source",
                        &row.source);
  ok &= read_period (reader, object, "period", month, &period);
  ok &= read_original (reader, object, &row.original_amount, &row.original_currency);
  if (ok)
    ok &= check_unit (reader, row.quantity, unit);

  if (!ok || reader->n_errors > 0)
    return;

  row.period = period;
  row.month = month;
  row.stage = stage;
  row.unit = unit;
  lode_export_table_append_silent (table, &row);

  extra = collect_extra (object, known);
  if (extra != NULL)
    lode_export_table_set_extra (table, lode_export_table_get_n_rows (table) - 1, extra);
}

static void
read_partner (Reader     *reader,
              JsonObject *object,
              guint       index,
              gpointer    user_data)
{
  static const char * const known[] = { "name", "country", "share", NULL };
  LodeProject *project = user_data;
  const char *name = NULL, *country = NULL;
  double share = LODE_SHARE_UNSET;
  g_autoptr(LodePartner) partner = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;

  ok &= read_string (reader, object, "name", FALSE, &name);
  ok &= read_country (reader, object, "country", &country);
  ok &= read_number (reader, object, "share", FALSE, 1.0, &share);

  if (!ok || project == NULL)
    return;

  partner = lode_partner_new (name);
  lode_partner_set_country (partner, country);
  lode_partner_set_share (partner, share);
  extra = collect_extra (object, known);
  lode_partner_set_extra (partner, extra);
  lode_project_add_partner (project, partner);
}

static gboolean
check_slug (const char *value)
{
  return lode_rule_slug (value, NULL);
}

static void
read_project (Reader     *reader,
              JsonObject *object,
              guint       index,
              gpointer    user_data)
{
  static const char * const known[] = {
    "id", "name", "minerals", "region", "operator", "status", "partners",
    "investment_usd", "start_year", "jobs", "source", NULL
  };
  static const char * const investment_known[] = { "committed", "disbursed", NULL };
  GHashTable *project_ids = user_data;
  const char *id = NULL, *name = NULL, *region = NULL, *operator_ = NULL, *source_id = NULL;
  int status = LODE_PROJECT_STATUS_UNKNOWN, start_year = 0;
  gint64 jobs = -1;
  LodeMoney committed = LODE_MONEY_UNSET, disbursed = LODE_MONEY_UNSET;
  g_auto(GStrv) minerals = NULL;
  JsonObject *investment = NULL;
  g_autoptr(LodeProject) project = NULL;
  g_autoptr(JsonObject) extra = NULL;
  guint errors_before = reader->n_errors;
  gboolean ok = TRUE;

  ok &= read_slug (reader, object, "id", TRUE, &id);
  ok &= read_string (reader, object, "name", TRUE, &name);
  ok &= read_string_list (reader, object, "minerals", check_slug, "is not an id",
                          reader->mineral_ids, "mineral", &minerals);
  ok &= read_string (reader, object, "region", FALSE, &region);
  ok &= read_string (reader, object, "operator", FALSE, &operator_);
  ok &= read_enum (reader, object, "status", FALSE, LODE_TYPE_PROJECT_STATUS,
                   LODE_PROJECT_STATUS_UNKNOWN, &status);
  ok &= read_object (reader, object, "investment_usd", FALSE, &investment);
  if (investment != NULL)
    {
      gsize mark = push_member (reader, "investment_usd");

      ok &= read_money (reader, investment, "committed", FALSE, &committed);
      ok &= read_money (reader, investment, "disbursed", FALSE, &disbursed);
      pop (reader, mark);
    }
  ok &= read_year (reader, object, "start_year", FALSE, &start_year);
  ok &= read_integer (reader, object, "jobs", FALSE, 0, LODE_JOBS_MAX,
                      "a whole number of jobs, 0 or more", &jobs);
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source",
                        &source_id);

  if (id != NULL)
    ok &= claim_id (reader, project_ids, id);

  if (ok)
    project = lode_project_new (id, name);

  read_list (reader, object, "partners", read_partner, project);

  if (project == NULL || reader->n_errors != errors_before)
    return;

  lode_project_set_minerals (project, (const char * const *) minerals);
  lode_project_set_region (project, region);
  lode_project_set_operator (project, operator_);
  lode_project_set_status (project, status);
  lode_project_set_committed (project, committed);
  lode_project_set_disbursed (project, disbursed);
  lode_project_set_start_year (project, start_year);
  lode_project_set_jobs (project, jobs);
  lode_project_set_source (project, source_id);
  extra = collect_extra (object, known);
  lode_project_set_extra (project, extra);
  if (investment != NULL)
    {
      g_autoptr(JsonObject) investment_extra = collect_extra (investment, investment_known);

      lode_project_set_investment_extra (project, investment_extra);
    }
  g_list_store_append (lode_portfolio_get_projects (reader->portfolio), project);
}

static void
read_target (Reader     *reader,
             JsonObject *object,
             guint       index,
             gpointer    user_data)
{
  static const char * const known[] = {
    "id", "title", "metric", "baseline", "target", "source", "period", NULL
  };
  static const char * const metric_known[] = {
    "kind", "mineral", "destination", "investment", "investor_country", NULL
  };
  static const char * const baseline_known[] = { "year", "value_usd", NULL };
  static const char * const target_known[] = { "year", "low_usd", "high_usd", NULL };
  GHashTable *target_ids = user_data;
  const char *id = NULL, *title = NULL, *source_id = NULL;
  const char *metric_mineral = NULL, *metric_destination = NULL, *investor_country = NULL;
  int kind = LODE_METRIC_KIND_EXPORTS, baseline_year = 0, target_year = 0;
  int period = LODE_PERIOD_KIND_UNKNOWN;
  int investment = LODE_INVESTMENT_KIND_COMMITTED;
  gboolean on_investment = FALSE;
  LodeMoney baseline_value = LODE_MONEY_UNSET, low = LODE_MONEY_UNSET, high = LODE_MONEY_UNSET;
  JsonObject *metric = NULL, *baseline = NULL, *goal = NULL;
  g_autoptr(LodeTarget) target = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;
  gsize mark;

  ok &= read_slug (reader, object, "id", TRUE, &id);
  ok &= read_string (reader, object, "title", TRUE, &title);
  ok &= read_object (reader, object, "metric", TRUE, &metric);
  if (metric != NULL)
    {
      JsonNode *metric_kind = json_object_get_member (metric, "kind");

      /* Targets on investment need no baseline and no deadline. */
      on_investment = metric_kind != NULL && JSON_NODE_HOLDS_VALUE (metric_kind)
                      && json_node_get_value_type (metric_kind) == G_TYPE_STRING
                      && strcmp (json_node_get_string (metric_kind), "investment") == 0;
    }
  ok &= read_object (reader, object, "baseline", !on_investment, &baseline);
  ok &= read_object (reader, object, "target", TRUE, &goal);
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source",
                        &source_id);
  ok &= read_period (reader, object, "period", 0, &period);

  if (metric != NULL)
    {
      mark = push_member (reader, "metric");
      ok &= read_enum (reader, metric, "kind", TRUE, LODE_TYPE_METRIC_KIND, -1, &kind);
      ok &= read_reference (reader, metric, "mineral", FALSE, reader->mineral_ids, "mineral",
                            &metric_mineral);
      ok &= read_country (reader, metric, "destination", &metric_destination);
      ok &= read_enum (reader, metric, "investment", FALSE, LODE_TYPE_INVESTMENT_KIND,
                       LODE_INVESTMENT_KIND_UNKNOWN, &investment);
      ok &= read_country (reader, metric, "investor_country", &investor_country);
      if (investment != LODE_INVESTMENT_KIND_COMMITTED && investment != LODE_INVESTMENT_KIND_DISBURSED)
        {
          reader_error (reader, "investment", "“%s” is not one of: committed, disbursed",
                        lode_enum_to_nick (LODE_TYPE_INVESTMENT_KIND, investment));
          ok = FALSE;
        }
      pop (reader, mark);
    }

  if (baseline != NULL)
    {
      mark = push_member (reader, "baseline");
      ok &= read_year (reader, baseline, "year", TRUE, &baseline_year);
      ok &= read_money (reader, baseline, "value_usd", TRUE, &baseline_value);
      pop (reader, mark);
    }

  if (goal != NULL)
    {
      mark = push_member (reader, "target");
      ok &= read_year (reader, goal, "year", !on_investment, &target_year);
      ok &= read_money (reader, goal, "low_usd", TRUE, &low);
      ok &= read_money (reader, goal, "high_usd", FALSE, &high);
      if (ok && high != LODE_MONEY_UNSET && high < low)
        {
          reader_error (reader, "high_usd", "must not be below low_usd");
          ok = FALSE;
        }
      if (ok && baseline_year != 0 && target_year != 0 && target_year <= baseline_year)
        {
          reader_error (reader, "year", "must come after the baseline year");
          ok = FALSE;
        }
      pop (reader, mark);
    }

  if (id != NULL)
    ok &= claim_id (reader, target_ids, id);

  if (!ok)
    return;

  target = lode_target_new (id, title);
  lode_target_set_metric_kind (target, kind);
  lode_target_set_metric_mineral (target, metric_mineral);
  lode_target_set_metric_destination (target, metric_destination);
  lode_target_set_metric_investment (target, investment);
  lode_target_set_metric_investor_country (target, investor_country);
  lode_target_set_baseline_year (target, baseline_year);
  lode_target_set_baseline_value (target, baseline_value);
  lode_target_set_target_year (target, target_year);
  lode_target_set_target_low (target, low);
  lode_target_set_target_high (target, high != LODE_MONEY_UNSET ? high : low);
  lode_target_set_source (target, source_id);
  lode_target_set_period (target, period);

  extra = collect_extra (object, known);
  lode_target_set_extra (target, LODE_TARGET_EXTRA_SELF, extra);
  g_clear_pointer (&extra, json_object_unref);
  extra = collect_extra (metric, metric_known);
  lode_target_set_extra (target, LODE_TARGET_EXTRA_METRIC, extra);
  g_clear_pointer (&extra, json_object_unref);
  if (baseline != NULL)
    {
      extra = collect_extra (baseline, baseline_known);
      lode_target_set_extra (target, LODE_TARGET_EXTRA_BASELINE, extra);
      g_clear_pointer (&extra, json_object_unref);
    }
  extra = collect_extra (goal, target_known);
  lode_target_set_extra (target, LODE_TARGET_EXTRA_TARGET, extra);

  g_list_store_append (lode_portfolio_get_targets (reader->portfolio), target);
}

static gboolean
read_project_id (Reader      *reader,
                 JsonObject  *object,
                 GHashTable  *project_ids,
                 const char **out)
{
  const char *value = NULL;

  if (!read_slug (reader, object, "project", FALSE, &value))
    return FALSE;

  if (value != NULL && !g_hash_table_contains (project_ids, value))
    {
      reader_error (reader, "project", "refers to project “%s”, which is not in the file", value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static void
read_investment (Reader     *reader,
                 JsonObject *object,
                 guint       index,
                 gpointer    user_data)
{
  static const char * const known[] = {
    "project", "investor", "investor_country", "kind", "value_usd", "date",
    "minerals", "source", "note", "original_amount", "original_currency", NULL
  };
  const char *project = NULL, *investor = NULL, *country = NULL, *date = NULL;
  const char *source_id = NULL, *note = NULL;
  const char *original_currency = NULL;
  LodeMoney original_amount = 0;
  int kind = LODE_INVESTMENT_KIND_UNKNOWN;
  LodeMoney value = LODE_MONEY_UNSET;
  g_auto(GStrv) minerals = NULL;
  g_autoptr(LodeInvestment) investment = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;

  ok &= read_project_id (reader, object, user_data, &project);
  ok &= read_string (reader, object, "investor", FALSE, &investor);
  ok &= read_country (reader, object, "investor_country", &country);
  ok &= read_enum (reader, object, "kind", TRUE, LODE_TYPE_INVESTMENT_KIND,
                   LODE_INVESTMENT_KIND_UNKNOWN, &kind);
  ok &= read_money (reader, object, "value_usd", TRUE, &value);
  if (read_string (reader, object, "date", TRUE, &date) && date != NULL)
    {
      if (!lode_rule_date (date, NULL) || !lode_rule_year (g_ascii_strtoll (date, NULL, 10), NULL))
        {
          reader_error (reader, "date", "“%s” is not a date from 1800 to 2200 such as 2026-01-28",
                        date);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  ok &= read_string_list (reader, object, "minerals", check_slug, "is not an id",
                          reader->mineral_ids, "mineral", &minerals);
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source",
                        &source_id);
  ok &= read_string (reader, object, "note", FALSE, &note);
  ok &= read_original (reader, object, &original_amount, &original_currency);

  if (!ok)
    return;

  investment = lode_investment_new (kind, value, date);
  lode_investment_set_original (investment, original_currency,
                                original_currency != NULL ? original_amount : 0);
  lode_investment_set_project (investment, project);
  lode_investment_set_investor (investment, investor);
  lode_investment_set_investor_country (investment, country);
  lode_investment_set_minerals (investment, (const char * const *) minerals);
  lode_investment_set_source (investment, source_id);
  lode_investment_set_note (investment, note);
  extra = collect_extra (object, known);
  lode_investment_set_extra (investment, extra);
  g_list_store_append (lode_portfolio_get_investments (reader->portfolio), investment);
}

static void
read_production (Reader     *reader,
                 JsonObject *object,
                 guint       index,
                 gpointer    user_data)
{
  static const char * const known[] = {
    "mineral", "project", "year", "quantity", "unit", "source", "note", NULL
  };
  const char *mineral = NULL, *project = NULL, *source_id = NULL, *note = NULL;
  int year = 0, unit = LODE_UNIT_NONE;
  double quantity = -1.0;
  g_autoptr(LodeProduction) production = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;

  ok &= read_reference (reader, object, "mineral", TRUE, reader->mineral_ids, "mineral",
                        &mineral);
  ok &= read_project_id (reader, object, user_data, &project);
  ok &= read_year (reader, object, "year", TRUE, &year);
  ok &= read_number (reader, object, "quantity", TRUE, G_MAXDOUBLE, &quantity);
  ok &= read_enum (reader, object, "unit", TRUE, LODE_TYPE_UNIT, LODE_UNIT_NONE, &unit);
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source",
                        &source_id);
  ok &= read_string (reader, object, "note", FALSE, &note);

  if (!ok)
    return;

  production = lode_production_new (mineral, year, quantity, unit);
  lode_production_set_project (production, project);
  lode_production_set_source (production, source_id);
  lode_production_set_note (production, note);
  extra = collect_extra (object, known);
  lode_production_set_extra (production, extra);
  g_list_store_append (lode_portfolio_get_production (reader->portfolio), production);
}

static void
read_national_figure (Reader     *reader,
                      JsonObject *object,
                      guint       index,
                      gpointer    user_data)
{
  static const char * const known[] = {
    "kind", "country", "year", "value_usd", "change", "note", "source", NULL
  };
  const char *change_message = "must be a number of -1 or more (0.111 for a rise of 11.1 %)";
  const char *country = NULL, *note = NULL, *source_id = NULL;
  int kind = LODE_FIGURE_KIND_UNKNOWN, year = 0;
  LodeMoney value = LODE_MONEY_UNSET;
  double change = LODE_CHANGE_UNSET;
  JsonNode *change_node;
  g_autoptr(LodeNationalFigure) figure = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;

  ok &= read_enum (reader, object, "kind", TRUE, LODE_TYPE_FIGURE_KIND,
                   LODE_FIGURE_KIND_UNKNOWN, &kind);
  ok &= read_country (reader, object, "country", &country);
  ok &= read_year (reader, object, "year", FALSE, &year);
  ok &= read_money (reader, object, "value_usd", TRUE, &value);
  change_node = json_object_get_member (object, "change");
  if (!is_null (change_node))
    {
      if (!is_number (change_node) || !isfinite (json_node_get_double (change_node))
          || json_node_get_double (change_node) < -1.0)
        {
          reader_error (reader, "change", "%s", change_message);
          ok = FALSE;
        }
      else
        change = json_node_get_double (change_node) == 0 ? 0.0 : json_node_get_double (change_node);
    }
  ok &= read_string (reader, object, "note", FALSE, &note);
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source",
                        &source_id);

  if (!ok)
    return;

  figure = lode_national_figure_new (kind, value);
  lode_national_figure_set_country (figure, country);
  lode_national_figure_set_year (figure, year);
  lode_national_figure_set_change (figure, change);
  lode_national_figure_set_note (figure, note);
  lode_national_figure_set_source (figure, source_id);
  extra = collect_extra (object, known);
  lode_national_figure_set_extra (figure, extra);
  g_list_store_append (lode_portfolio_get_national_figures (reader->portfolio), figure);
}

static void
read_exchange_rate (Reader     *reader,
                    JsonObject *object,
                    guint       index,
                    gpointer    user_data)
{
  static const char * const known[] = {
    "currency", "year", "month", "period", "units_per_usd", "source", "note", NULL
  };
  GHashTable *seen = user_data;
  const char *currency = NULL, *text = NULL, *source_id = NULL, *note = NULL;
  int year = 0, period = LODE_PERIOD_KIND_UNKNOWN;
  gint64 month = 0;
  LodeRate rate = 0;
  g_autofree char *key = NULL;
  g_autoptr(LodeExchangeRate) item = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok = TRUE;

  ok &= read_currency (reader, object, "currency", TRUE, &currency);
  if (g_strcmp0 (currency, "USD") == 0)
    {
      reader_error (reader, "currency", "rates are of other currencies against the US dollar: "
                    "USD needs none");
      ok = FALSE;
    }
  ok &= read_year (reader, object, "year", TRUE, &year);
  ok &= read_integer (reader, object, "month", FALSE, 1, 12, "a month from 1 to 12", &month);
  ok &= read_period (reader, object, "period", month, &period);
  if (!read_string (reader, object, "units_per_usd", TRUE, &text))
    ok = FALSE;
  else if (!lode_rate_parse (text, &rate, NULL))
    {
      reader_error (reader, "units_per_usd", "“%s” is not a rate: write the units of the "
                    "currency one US dollar buys as a decimal string, more than 0, such as "
                    "\"278.8313\"", text);
      ok = FALSE;
    }
  ok &= read_reference (reader, object, "source", FALSE, reader->source_ids, "source",
                        &source_id);
  ok &= read_string (reader, object, "note", FALSE, &note);

  if (!ok)
    return;

  key = g_strdup_printf ("%s %d %d %s", currency, year, (int) month,
                         period == LODE_PERIOD_KIND_FISCAL_YEAR ? "fiscal" : "calendar");
  if (g_hash_table_contains (seen, key))
    {
      reader_error (reader, NULL, "is a second rate of %s for the same period (%s)", currency,
                    (const char *) g_hash_table_lookup (seen, key));
      return;
    }
  g_hash_table_insert (seen, g_steal_pointer (&key), g_strdup (reader->pointer->str));

  item = lode_exchange_rate_new (currency, year, rate);
  lode_exchange_rate_set_month (item, month);
  lode_exchange_rate_set_period (item, period);
  lode_exchange_rate_set_source (item, source_id);
  lode_exchange_rate_set_note (item, note);
  extra = collect_extra (object, known);
  lode_exchange_rate_set_extra (item, extra);
  g_list_store_append (lode_portfolio_get_exchange_rates (reader->portfolio), item);
}

/* Reads the header members; FALSE stops reading: the file is not a
 * portfolio Lode can read at all. */
static gboolean
read_header (Reader     *reader,
             JsonObject *root,
             GError    **error)
{
  const char *format = NULL;
  gint64 version = 0;
  JsonNode *version_node;

  if (!read_string (reader, root, "format", TRUE, &format))
    return FALSE;

  if (g_strcmp0 (format, LODE_PORTFOLIO_FORMAT) != 0)
    {
      reader_error (reader, "format", "“%s” is not a Lode portfolio: expected “%s”",
                    format, LODE_PORTFOLIO_FORMAT);
      return FALSE;
    }

  version_node = json_object_get_member (root, "version");
  if (version_node != NULL && is_number (version_node)
      && json_node_get_value_type (version_node) == G_TYPE_INT64
      && json_node_get_int (version_node) > LODE_PORTFOLIO_VERSION)
    {
      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_NEWER_VERSION,
                   "%s: /version: this file was written by a newer version of Lode "
                   "(format version %" G_GINT64_FORMAT "); this version reads version %d. "
                   "Update Lode to open it.",
                   reader->name, json_node_get_int (version_node), LODE_PORTFOLIO_VERSION);
      return FALSE;
    }

  if (!read_integer (reader, root, "version", TRUE, 1, LODE_PORTFOLIO_VERSION,
                     "format version " G_STRINGIFY (LODE_PORTFOLIO_VERSION), &version))
    return FALSE;

  return TRUE;
}

static LodePortfolio *
read_portfolio (JsonNode    *root_node,
                const char  *name,
                GError     **error)
{
  static const char * const known[] = {
    "format", "version", "title", "description", "currency", "country",
    "fiscal_year_start",
    "sources", "minerals", "exports", "projects", "targets",
    "investments", "production", "national_figures", "exchange_rates", NULL
  };
  g_autoptr(GHashTable) rate_periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) project_ids = NULL;
  g_autoptr(GHashTable) target_ids = NULL;
  g_autoptr(GString) pointer = g_string_new (NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new (NULL);
  g_autoptr(JsonObject) extra = NULL;
  Reader reader = {
    .name = name,
    .pointer = pointer,
    .errors = errors,
    .portfolio = portfolio,
  };
  JsonObject *root;
  JsonArray *exports = NULL;
  const char *title = NULL, *description = NULL, *currency = NULL, *country = NULL;
  gint64 fiscal_year_start = 0;
  g_autoptr(GError) local_error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID,
                   "%s: not a Lode portfolio: the document must be a JSON object", name);
      return NULL;
    }
  root = json_node_get_object (root_node);

  reader.source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.mineral_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  project_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (read_header (&reader, root, &local_error))
    {
      read_string (&reader, root, "title", TRUE, &title);
      read_string (&reader, root, "description", FALSE, &description);
      if (read_string (&reader, root, "currency", FALSE, &currency)
          && currency != NULL && g_strcmp0 (currency, "USD") != 0)
        reader_error (&reader, "currency", "“%s” is not supported: amounts are in USD", currency);
      read_country (&reader, root, "country", &country);
      read_integer (&reader, root, "fiscal_year_start", FALSE, 1, 12,
                    "the month the fiscal year starts in, from 1 (January) to 12 (December)",
                    &fiscal_year_start);

      /* Sources and minerals first: the rest refers to them. */
      read_list (&reader, root, "sources", read_source, NULL);
      read_list (&reader, root, "minerals", read_mineral, NULL);

      if (read_array (&reader, root, "exports", &exports) && exports != NULL)
        lode_export_table_reserve (lode_portfolio_get_exports (portfolio),
                                   json_array_get_length (exports));
      read_list (&reader, root, "exports", read_export, NULL);
      read_list (&reader, root, "projects", read_project, project_ids);
      read_list (&reader, root, "targets", read_target, target_ids);
      read_list (&reader, root, "investments", read_investment, project_ids);
      read_list (&reader, root, "production", read_production, project_ids);
      read_list (&reader, root, "national_figures", read_national_figure, NULL);
      read_list (&reader, root, "exchange_rates", read_exchange_rate, rate_periods);
    }

  g_clear_pointer (&reader.source_ids, g_hash_table_unref);
  g_clear_pointer (&reader.mineral_ids, g_hash_table_unref);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (reader.n_errors > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < errors->len; i++)
        {
          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, g_ptr_array_index (errors, i));
        }
      if (reader.n_errors > errors->len)
        g_string_append_printf (message, "\n%s: … and %u more errors", name,
                                reader.n_errors - errors->len);

      g_set_error_literal (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID,
                           message->str);
      return NULL;
    }

  lode_portfolio_set_title (portfolio, title);
  lode_portfolio_set_description (portfolio, description);
  if (currency != NULL)
    lode_portfolio_set_currency (portfolio, currency);
  lode_portfolio_set_country (portfolio, country);
  lode_portfolio_set_fiscal_year_start (portfolio, fiscal_year_start);
  extra = collect_extra (root, known);
  lode_portfolio_set_extra (portfolio, extra);
  lode_export_table_announce (lode_portfolio_get_exports (portfolio), 0, 0,
                              lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)));
  lode_portfolio_set_modified (portfolio, FALSE);

  return g_steal_pointer (&portfolio);
}

LodePortfolio *
lode_oracle_load_data (const char  *data,
                       gsize        length,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  if (name == NULL)
    name = "portfolio";

  if (length > LODE_PORTFOLIO_MAX_SIZE)
    {
      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE,
                   "%s: the file is larger than %" G_GSIZE_FORMAT " MB, the most Lode opens",
                   name, LODE_PORTFOLIO_MAX_SIZE >> 20);
      return NULL;
    }

  if (!lode_json_check_full (data, length, LODE_PORTFOLIO_MAX_DEPTH, LODE_PORTFOLIO_MAX_STRING,
                             &line, &column, &message))
    {
      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_SYNTAX,
                   "%s:%u:%u: %s", name, line, column, message);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_SYNTAX,
                   "%s: %s", name, parse_error->message);
      return NULL;
    }

  return read_portfolio (json_parser_get_root (parser), name, error);
}

/* The text of what @portfolio would save, or of @error. */
static char *
describe (LodePortfolio *portfolio,
          GError        *error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (portfolio == NULL)
    return g_strdup_printf ("error %s %d: %s", g_quark_to_string (error->domain),
                            error->code, error->message);

  bytes = lode_portfolio_to_bytes (portfolio);

  return g_strdup_printf ("portfolio:\n%.*s", (int) g_bytes_get_size (bytes),
                          (const char *) g_bytes_get_data (bytes, NULL));
}

/* How many characters of a number, or of digits, @p starts with. Not
 * strspn(): AddressSanitizer's strspn() measures the whole rest of the
 * string first, which made this quadratic. */
static gsize
number_run (const char *p)
{
  gsize n = 0;

  while (p[n] != '\0' && strchr ("-0123456789.eE+", p[n]) != NULL)
    n++;

  return n;
}

static gsize
digit_run (const char *p)
{
  gsize n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;

  return n;
}

/* The streaming reader keeps integers beyond 64 bits as written, where
 * json-glib wraps them as a 64-bit integer does (digits beyond 2^64 - 1
 * saturate). The one intended difference: @text, the streaming reader's
 * portfolio as saved, with each such integer as json-glib reads it. */
static char *
wrap_big_integers (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = text; *p != '\0'; )
    {
      gsize run;

      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_len (out, p, 2), p += 2;
          else
            {
              in_string = *p != '"';
              g_string_append_c (out, *p++);
            }
          continue;
        }
      if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p++);
          continue;
        }

      run = number_run (p);
      if (run == 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (digit_run (p + (*p == '-')) == run - (*p == '-'))
        {
          gboolean negative = *p == '-';
          guint64 value = 0;
          gboolean saturated = FALSE;
          gboolean fits;

          for (gsize i = negative; i < run; i++)
            {
              guint digit = p[i] - '0';

              if (value > (G_MAXUINT64 - digit) / 10)
                {
                  value = G_MAXUINT64;
                  saturated = TRUE;
                  break;
                }
              value = value * 10 + digit;
            }
          fits = !saturated && value <= (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64);
          if (!fits)
            {
              g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                      negative ? (gint64) (G_GUINT64_CONSTANT (0) - value) : (gint64) value);
              p += run;
              continue;
            }
        }
      g_string_append_len (out, p, run);
      p += run;
    }

  return g_string_free (out, FALSE);
}

LodePortfolio *
lode_oracle_compare (const char  *data,
                     gsize        length,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GError) stream_error = NULL;
  g_autoptr(GError) oracle_error = NULL;
  g_autoptr(LodePortfolio) streamed = NULL;
  g_autoptr(LodePortfolio) oracle = NULL;
  g_autofree char *streamed_text = NULL;
  g_autofree char *oracle_text = NULL;

  streamed = lode_portfolio_load_data (data, length, name, &stream_error);

  /* The oracle knows no lowered size limit. */
  if (g_error_matches (stream_error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE))
    {
      g_propagate_error (error, g_steal_pointer (&stream_error));
      return NULL;
    }

  oracle = lode_oracle_load_data (data, length, name, &oracle_error);
  {
    g_autofree char *kept = describe (streamed, stream_error);

    /* Only a saved portfolio is JSON: an error message quotes values
     * with “ ”, and its digits are the file's, not a number's. */
    streamed_text = streamed != NULL ? wrap_big_integers (kept) : g_steal_pointer (&kept);
  }
  oracle_text = describe (oracle, oracle_error);

  /* abort(), not g_error(): the fuzzer keeps the input of an abort, not
   * that of g_error()'s breakpoint trap. */
  if (strcmp (streamed_text, oracle_text) != 0)
    {
      g_printerr ("the streaming reader and the oracle differ on %" G_GSIZE_FORMAT " bytes “%.*s%s”:\n"
                  "streaming reader: %s\noracle: %s\n",
                  length, (int) MIN (length, 300), data, length > 300 ? "…" : "",
                  streamed_text, oracle_text);
      abort ();
    }

  if (stream_error != NULL)
    g_propagate_error (error, g_steal_pointer (&stream_error));

  return g_steal_pointer (&streamed);
}
