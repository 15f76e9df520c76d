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

static gboolean
read_slug_value (Reader           *reader,
                 const LodeValue  *v,
                 const char       *member,
                 gboolean          required,
                 const char      **out)
{
  const char *value = NULL;

  if (!read_string_value (reader, v, member, required, &value))
    return FALSE;

  if (value != NULL && !lode_rule_slug (value, NULL))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("“%s” is not an id: use lowercase letters, digits and hyphens, "
                            "starting with a letter or digit"), value);
      return FALSE;
    }

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

/* A reference to a source or mineral id that must resolve; @ids NULL
 * leaves it unresolved. */
static gboolean
read_reference_value (Reader           *reader,
                      const LodeValue  *v,
                      const char       *member,
                      gboolean          required,
                      GHashTable       *ids,
                      const char       *kind,
                      const char      **out)
{
  const char *value = NULL;

  if (!read_string_value (reader, v, member, required, &value))
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

static gboolean
read_country_value (Reader           *reader,
                    const LodeValue  *v,
                    const char       *member,
                    const char      **out)
{
  const char *value = NULL;

  if (!read_string_value (reader, v, member, FALSE, &value))
    return FALSE;

  if (value != NULL && !lode_rule_country_code (value, NULL))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("“%s” is not a country code: use ISO 3166-1 alpha-2, such as CN"),
                          value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static void
hs_code_error (Reader     *reader,
               const char *member,
               const char *value)
{
  _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                      N_("“%s” is not an HS code of 2, 4 or 6 digits"), value);
}

static gboolean
read_hs_code_value (Reader           *reader,
                    const LodeValue  *v,
                    const char       *member,
                    const char      **out)
{
  const char *value = NULL;

  if (!read_string_value (reader, v, member, FALSE, &value))
    return FALSE;

  if (value != NULL && !lode_rule_hs_code (value, NULL))
    {
      hs_code_error (reader, member, value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

/* The members of an item, in tables: each names a member, what it must be
 * and where its value goes in a struct of the item's fields. The members
 * are checked in the order of the table, which is the order of their
 * errors. */
typedef enum
{
  MEMBER_STRING,         /* const char * */
  MEMBER_SLUG,           /* const char * */
  MEMBER_MINERAL,        /* const char *, a mineral of the file */
  MEMBER_SOURCE,         /* const char *, a source of the file */
  MEMBER_COUNTRY,        /* const char * */
  MEMBER_YEAR,           /* int */
  MEMBER_JOBS,           /* gint64 */
  MEMBER_QUANTITY,       /* double */
  MEMBER_SHARE,          /* double */
  MEMBER_MONEY,          /* LodeMoney */
  MEMBER_CHANGE,         /* double, a fraction of -1 or more */
  MEMBER_DATE,           /* const char *, a date of 1800 to 2200 */
  MEMBER_ENUM,           /* int */
} MemberType;

typedef struct
{
  const char *name;
  MemberType  type;
  gboolean    required;
  gsize       offset;              /* of the value in the fields */
  GType     (*enum_type) (void);   /* MEMBER_ENUM */
  int         absent;              /* MEMBER_ENUM: the value that names none */
} MemberRule;

#define MEMBER(fields, field, member_type, is_required) \
  { .name = #field, .type = (member_type), .required = (is_required), \
    .offset = G_STRUCT_OFFSET (fields, field) }
#define MEMBER_NAMED(fields, field, member_name, member_type, is_required) \
  { .name = (member_name), .type = (member_type), .required = (is_required), \
    .offset = G_STRUCT_OFFSET (fields, field) }
#define ENUM_MEMBER(fields, field, is_required, get_type, absent_value) \
  { .name = #field, .type = MEMBER_ENUM, .required = (is_required), \
    .offset = G_STRUCT_OFFSET (fields, field), .enum_type = (get_type), .absent = (absent_value) }

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

/* A date as a source's, whose year is one Lode takes for a year. */
static gboolean
read_date_value (Reader           *reader,
                 const LodeValue  *v,
                 const char       *member,
                 gboolean          required,
                 const char      **out)
{
  const char *value = NULL;

  if (!read_string_value (reader, v, member, required, &value))
    return FALSE;

  if (value != NULL
      && (!lode_rule_date (value, NULL)
          || !lode_rule_year (g_ascii_strtoll (value, NULL, 10), NULL)))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("“%s” is not a date from 1800 to 2200 such as 2026-01-28"), value);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
read_member_value (Reader           *reader,
                   const MemberRule *rule,
                   const LodeValue  *v,
                   gpointer          fields)
{
  gpointer out = G_STRUCT_MEMBER_P (fields, rule->offset);

  switch (rule->type)
    {
    case MEMBER_STRING:
      return read_string_value (reader, v, rule->name, rule->required, out);
    case MEMBER_SLUG:
      return read_slug_value (reader, v, rule->name, rule->required, out);
    case MEMBER_MINERAL:
      return read_reference_value (reader, v, rule->name, rule->required, reader->mineral_ids,
                                   "mineral", out);
    case MEMBER_SOURCE:
      return read_reference_value (reader, v, rule->name, rule->required, reader->source_ids,
                                   "source", out);
    case MEMBER_COUNTRY:
      return read_country_value (reader, v, rule->name, out);
    case MEMBER_YEAR:
      return read_year_value (reader, v, rule->name, rule->required, out);
    case MEMBER_JOBS:
      return read_integer_value (reader, v, rule->name, rule->required, 0, LODE_JOBS_MAX,
                                 N_("must be a whole number of jobs, 0 or more"), out);
    case MEMBER_QUANTITY:
      return read_number_value (reader, v, rule->name, rule->required, G_MAXDOUBLE, out);
    case MEMBER_SHARE:
      return read_number_value (reader, v, rule->name, rule->required, 1.0, out);
    case MEMBER_MONEY:
      return read_money_value (reader, v, rule->name, rule->required, out);
    case MEMBER_CHANGE:
      return read_change_value (reader, v, rule->name, out);
    case MEMBER_DATE:
      return read_date_value (reader, v, rule->name, rule->required, out);
    case MEMBER_ENUM:
      return read_enum_value (reader, v, rule->name, rule->required, rule->enum_type (),
                              rule->absent, out);
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
    {
      LodeValue value;

      _lode_value_from_member (object, rules[i].name, &value);
      ok &= read_member_value (reader, &rules[i], &value, fields);
    }

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

/* Checks one element of a list of strings, recording the error of the
 * element @index when it is refused. */
typedef gboolean (*CheckElementFunc) (Reader     *reader,
                                      const char *index,
                                      const char *value);

/* A list of strings, each checked by @check (may be NULL) and, when @ids
 * is not NULL, resolved against it. */
static gboolean
read_string_list (Reader           *reader,
                  JsonObject       *object,
                  const char       *member,
                  CheckElementFunc  check,
                  GHashTable       *ids,
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
          _lode_reader_error (reader, index, LODE_LOAD_PROBLEM_TYPE, NULL, N_("must be a string"));
          ok = FALSE;
          continue;
        }

      value = json_node_get_string (node);
      if (check != NULL && !check (reader, index, value))
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

/* Keeps the members of @object Lode does not know in @item, to be
 * written back as they were. */
static void
keep_extra (gpointer            item,
            JsonObject         *object,
            const char * const *known)
{
  g_autoptr(JsonObject) extra = collect_extra (object, known);

  lode_item_set_extra (LODE_ITEM (item), extra);
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

static void
read_source (Reader     *reader,
             JsonObject *object,
             guint       index,
             gpointer    user_data)
{
  typedef struct
  {
    const char *id, *title, *publisher, *date, *url;
  } Fields;
  static const MemberRule rules[] = {
    MEMBER (Fields, id, MEMBER_SLUG, TRUE),
    MEMBER (Fields, title, MEMBER_STRING, TRUE),
    MEMBER (Fields, publisher, MEMBER_STRING, FALSE),
    MEMBER (Fields, date, MEMBER_STRING, FALSE),
    MEMBER (Fields, url, MEMBER_STRING, FALSE),
  };
  static const char * const known[] = { "id", "title", "publisher", "date", "url", NULL };
  Fields f = { NULL };
  g_autoptr(LodeSource) source = NULL;
  gboolean ok;

  ok = read_members (reader, object, rules, G_N_ELEMENTS (rules), &f);

  if (f.date != NULL && !lode_rule_date (f.date, NULL))
    {
      _lode_reader_error (reader, "date", LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("“%s” is not a date such as 2025-09-26"), f.date);
      ok = FALSE;
    }

  if (f.id != NULL)
    ok &= claim_id (reader, reader->source_ids, f.id);

  if (!ok)
    return;

  source = lode_source_new (f.id, f.title);
  lode_source_set_publisher (source, f.publisher);
  lode_source_set_date (source, f.date);
  lode_source_set_url (source, f.url);
  keep_extra (source, object, known);
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
  typedef struct
  {
    int         category;
    double      quantity;
    int         unit;
    LodeMoney   value_usd;
    int         year;
    const char *source;
  } Fields;
  static const MemberRule rules[] = {
    ENUM_MEMBER (Fields, category, FALSE, lode_reserve_category_get_type, -1),
    MEMBER (Fields, quantity, MEMBER_QUANTITY, TRUE),
    ENUM_MEMBER (Fields, unit, TRUE, lode_unit_get_type, LODE_UNIT_NONE),
    MEMBER (Fields, value_usd, MEMBER_MONEY, FALSE),
    MEMBER (Fields, year, MEMBER_YEAR, FALSE),
    MEMBER (Fields, source, MEMBER_SOURCE, FALSE),
  };
  LodeMineral *mineral = user_data;
  Fields f = {
    .category = LODE_RESERVE_CATEGORY_UNSPECIFIED,
    .quantity = LODE_QUANTITY_UNSET,
    .unit = LODE_UNIT_NONE,
    .value_usd = LODE_MONEY_UNSET,
  };
  g_autoptr(LodeReserve) reserve = NULL;

  if (!read_members (reader, object, rules, G_N_ELEMENTS (rules), &f) || mineral == NULL)
    return;

  reserve = lode_reserve_new (f.category, f.quantity, f.unit);
  lode_reserve_set_value (reserve, f.value_usd);
  lode_reserve_set_year (reserve, f.year);
  lode_reserve_set_source (reserve, f.source);
  keep_extra (reserve, object, known);
  lode_mineral_add_reserve (mineral, reserve);
}

static gboolean
check_hs_code (Reader     *reader,
               const char *index,
               const char *code)
{
  if (lode_rule_hs_code (code, NULL))
    return TRUE;

  hs_code_error (reader, index, code);

  return FALSE;
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
  typedef struct
  {
    const char *id, *name, *symbol;
    int         group;
  } Fields;
  static const MemberRule rules[] = {
    MEMBER (Fields, id, MEMBER_SLUG, TRUE),
    MEMBER (Fields, name, MEMBER_STRING, TRUE),
    MEMBER (Fields, symbol, MEMBER_STRING, FALSE),
    ENUM_MEMBER (Fields, group, TRUE, lode_mineral_group_get_type, -1),
  };
  Fields f = { .group = LODE_MINERAL_GROUP_OTHER };
  g_auto(GStrv) hs_codes = NULL;
  g_autoptr(LodeMineral) mineral = NULL;
  guint errors_before = reader->n_errors;
  gboolean ok;

  ok = read_members (reader, object, rules, G_N_ELEMENTS (rules), &f);
  ok &= read_string_list (reader, object, "hs_codes", check_hs_code, NULL, NULL, &hs_codes);

  if (f.id != NULL)
    ok &= claim_id (reader, reader->mineral_ids, f.id);

  if (ok)
    {
      mineral = lode_mineral_new (f.id, f.name, f.group);
      lode_mineral_set_symbol (mineral, f.symbol);
      lode_mineral_set_hs_codes (mineral, (const char * const *) hs_codes);
    }

  /* Reserves are read even when the mineral is wrong, to report them too. */
  read_list (reader, object, "reserves", read_reserve, mineral);

  if (mineral == NULL || reader->n_errors != errors_before)
    return;

  keep_extra (mineral, object, known);
  g_list_store_append (lode_portfolio_get_minerals (reader->portfolio), mineral);
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
read_currency_value (Reader           *reader,
                     const LodeValue  *v,
                     const char       *member,
                     gboolean          required,
                     const char      **out)
{
  const char *value = NULL;

  if (!read_string_value (reader, v, member, required, &value))
    return FALSE;

  if (value != NULL && !lode_rule_currency_code (value, NULL))
    {
      _lode_reader_error (reader, member, LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("“%s” is not an ISO 4217 currency code such as PKR or CNY"), value);
      return FALSE;
    }

  *out = value;

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
  ok &= read_currency_value (reader, currency_value, "original_currency", has_amount, currency);

  if (!ok)
    {
      *amount = 0;
      *currency = NULL;
    }

  return ok;
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
                              names[LODE_EXPORT_MEMBER_MINERAL], TRUE,
                              resolve ? reader->mineral_ids : NULL, "mineral", &row->mineral);
  ok &= read_year_value (reader, &values[LODE_EXPORT_MEMBER_YEAR],
                         names[LODE_EXPORT_MEMBER_YEAR], TRUE, &row->year);
  ok &= read_integer_value (reader, &values[LODE_EXPORT_MEMBER_MONTH],
                            names[LODE_EXPORT_MEMBER_MONTH], FALSE, 1, 12,
                            N_("must be a month from 1 to 12"), &month);
  ok &= read_country_value (reader, &values[LODE_EXPORT_MEMBER_DESTINATION],
                            names[LODE_EXPORT_MEMBER_DESTINATION], &row->destination);
  ok &= read_hs_code_value (reader, &values[LODE_EXPORT_MEMBER_HS_CODE],
                            names[LODE_EXPORT_MEMBER_HS_CODE], &row->hs_code);
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
                              names[LODE_EXPORT_MEMBER_SOURCE], FALSE,
                              resolve ? reader->source_ids : NULL, "source", &row->source);
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

static void
read_partner (Reader     *reader,
              JsonObject *object,
              guint       index,
              gpointer    user_data)
{
  static const char * const known[] = { "name", "country", "share", NULL };
  typedef struct
  {
    const char *name, *country;
    double      share;
  } Fields;
  static const MemberRule rules[] = {
    MEMBER (Fields, name, MEMBER_STRING, FALSE),
    MEMBER (Fields, country, MEMBER_COUNTRY, FALSE),
    MEMBER (Fields, share, MEMBER_SHARE, FALSE),
  };
  LodeProject *project = user_data;
  Fields f = { .share = LODE_SHARE_UNSET };
  g_autoptr(LodePartner) partner = NULL;

  if (!read_members (reader, object, rules, G_N_ELEMENTS (rules), &f) || project == NULL)
    return;

  partner = lode_partner_new (f.name);
  lode_partner_set_country (partner, f.country);
  lode_partner_set_share (partner, f.share);
  keep_extra (partner, object, known);
  lode_project_add_partner (project, partner);
}

static gboolean
check_slug (Reader     *reader,
            const char *index,
            const char *value)
{
  if (lode_rule_slug (value, NULL))
    return TRUE;

  _lode_reader_error (reader, index, LODE_LOAD_PROBLEM_RULE, NULL, N_("“%s” is not an id"), value);

  return FALSE;
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
  /* The members in the order of their errors: the list of minerals and
   * the investment come between. */
  typedef struct
  {
    const char *id, *name, *region, *operator_, *source;
    int         status, start_year;
    gint64      jobs;
    LodeMoney   committed, disbursed;
  } Fields;
  static const MemberRule head_rules[] = {
    MEMBER (Fields, id, MEMBER_SLUG, TRUE),
    MEMBER (Fields, name, MEMBER_STRING, TRUE),
  };
  static const MemberRule middle_rules[] = {
    MEMBER (Fields, region, MEMBER_STRING, FALSE),
    MEMBER_NAMED (Fields, operator_, "operator", MEMBER_STRING, FALSE),
    ENUM_MEMBER (Fields, status, FALSE, lode_project_status_get_type, LODE_PROJECT_STATUS_UNKNOWN),
  };
  static const MemberRule investment_rules[] = {
    MEMBER (Fields, committed, MEMBER_MONEY, FALSE),
    MEMBER (Fields, disbursed, MEMBER_MONEY, FALSE),
  };
  static const MemberRule tail_rules[] = {
    MEMBER (Fields, start_year, MEMBER_YEAR, FALSE),
    MEMBER (Fields, jobs, MEMBER_JOBS, FALSE),
    MEMBER (Fields, source, MEMBER_SOURCE, FALSE),
  };
  GHashTable *project_ids = user_data;
  Fields f = {
    .status = LODE_PROJECT_STATUS_UNKNOWN,
    .jobs = -1,
    .committed = LODE_MONEY_UNSET,
    .disbursed = LODE_MONEY_UNSET,
  };
  g_auto(GStrv) minerals = NULL;
  JsonObject *investment = NULL;
  g_autoptr(LodeProject) project = NULL;
  guint errors_before = reader->n_errors;
  gboolean ok;

  ok = read_members (reader, object, head_rules, G_N_ELEMENTS (head_rules), &f);
  ok &= read_string_list (reader, object, "minerals", check_slug,
                          reader->mineral_ids, "mineral", &minerals);
  ok &= read_members (reader, object, middle_rules, G_N_ELEMENTS (middle_rules), &f);
  ok &= read_object (reader, object, "investment_usd", FALSE, &investment);
  if (investment != NULL)
    ok &= read_nested_members (reader, investment, "investment_usd",
                               investment_rules, G_N_ELEMENTS (investment_rules), &f);
  ok &= read_members (reader, object, tail_rules, G_N_ELEMENTS (tail_rules), &f);

  if (f.id != NULL)
    ok &= claim_id (reader, project_ids, f.id);

  if (ok)
    project = lode_project_new (f.id, f.name);

  read_list (reader, object, "partners", read_partner, project);

  if (project == NULL || reader->n_errors != errors_before)
    return;

  lode_project_set_minerals (project, (const char * const *) minerals);
  lode_project_set_region (project, f.region);
  lode_project_set_operator (project, f.operator_);
  lode_project_set_status (project, f.status);
  lode_project_set_committed (project, f.committed);
  lode_project_set_disbursed (project, f.disbursed);
  lode_project_set_start_year (project, f.start_year);
  lode_project_set_jobs (project, f.jobs);
  lode_project_set_source (project, f.source);
  keep_extra (project, object, known);
  if (investment != NULL)
    {
      g_autoptr(JsonObject) investment_extra = collect_extra (investment, investment_known);

      lode_project_set_investment_extra (project, investment_extra);
    }
  g_list_store_append (lode_portfolio_get_projects (reader->portfolio), project);
}

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
  typedef struct
  {
    const char *id, *title, *source, *mineral, *destination, *investor_country;
    int         kind, investment, baseline_year, target_year;
    LodeMoney   baseline_value, low, high;
  } Fields;
  static const MemberRule head_rules[] = {
    MEMBER (Fields, id, MEMBER_SLUG, TRUE),
    MEMBER (Fields, title, MEMBER_STRING, TRUE),
  };
  static const MemberRule source_rules[] = {
    MEMBER (Fields, source, MEMBER_SOURCE, FALSE),
  };
  static const MemberRule metric_rules[] = {
    ENUM_MEMBER (Fields, kind, TRUE, lode_metric_kind_get_type, -1),
    MEMBER (Fields, mineral, MEMBER_MINERAL, FALSE),
    MEMBER (Fields, destination, MEMBER_COUNTRY, FALSE),
    ENUM_MEMBER (Fields, investment, FALSE, lode_investment_kind_get_type,
                 LODE_INVESTMENT_KIND_UNKNOWN),
    MEMBER (Fields, investor_country, MEMBER_COUNTRY, FALSE),
  };
  static const MemberRule baseline_rules[] = {
    MEMBER_NAMED (Fields, baseline_year, "year", MEMBER_YEAR, TRUE),
    MEMBER_NAMED (Fields, baseline_value, "value_usd", MEMBER_MONEY, TRUE),
  };
  static const MemberRule goal_rules[] = {
    MEMBER_NAMED (Fields, target_year, "year", MEMBER_YEAR, TRUE),
    MEMBER_NAMED (Fields, low, "low_usd", MEMBER_MONEY, TRUE),
    MEMBER_NAMED (Fields, high, "high_usd", MEMBER_MONEY, FALSE),
  };
  /* A target on investment may have no deadline. */
  static const MemberRule open_goal_rules[] = {
    MEMBER_NAMED (Fields, target_year, "year", MEMBER_YEAR, FALSE),
    MEMBER_NAMED (Fields, low, "low_usd", MEMBER_MONEY, TRUE),
    MEMBER_NAMED (Fields, high, "high_usd", MEMBER_MONEY, FALSE),
  };
  GHashTable *target_ids = user_data;
  LodeValue period_value;
  int period = LODE_PERIOD_KIND_UNKNOWN;
  Fields f = {
    .kind = LODE_METRIC_KIND_EXPORTS,
    .investment = LODE_INVESTMENT_KIND_COMMITTED,
    .baseline_value = LODE_MONEY_UNSET,
    .low = LODE_MONEY_UNSET,
    .high = LODE_MONEY_UNSET,
  };
  JsonObject *metric = NULL, *baseline = NULL, *goal = NULL;
  gboolean on_investment;
  g_autoptr(LodeTarget) target = NULL;
  g_autoptr(JsonObject) extra = NULL;
  gboolean ok;

  ok = read_members (reader, object, head_rules, G_N_ELEMENTS (head_rules), &f);
  ok &= read_object (reader, object, "metric", TRUE, &metric);
  on_investment = metric_is_investment (metric);
  ok &= read_object (reader, object, "baseline", !on_investment, &baseline);
  ok &= read_object (reader, object, "target", TRUE, &goal);
  ok &= read_members (reader, object, source_rules, G_N_ELEMENTS (source_rules), &f);
  _lode_value_from_member (object, "period", &period_value);
  ok &= read_period_value (reader, &period_value, "period", 0, &period);

  if (metric != NULL)
    {
      ok &= read_nested_members (reader, metric, "metric", metric_rules,
                                 G_N_ELEMENTS (metric_rules), &f);
      if (f.investment != LODE_INVESTMENT_KIND_COMMITTED
          && f.investment != LODE_INVESTMENT_KIND_DISBURSED)
        {
          gsize mark = push_member (reader, "metric");

          _lode_reader_error (reader, "investment", LODE_LOAD_PROBLEM_CHOICE,
                              "committed, disbursed",
                              N_("“%s” is not one of: %s"),
                              lode_enum_to_nick (LODE_TYPE_INVESTMENT_KIND, f.investment),
                              "committed, disbursed");
          pop (reader, mark);
          ok = FALSE;
        }
    }

  if (baseline != NULL)
    ok &= read_nested_members (reader, baseline, "baseline", baseline_rules,
                               G_N_ELEMENTS (baseline_rules), &f);

  if (goal != NULL)
    {
      gsize mark = push_member (reader, "target");

      if (on_investment)
        ok &= read_members (reader, goal, open_goal_rules, G_N_ELEMENTS (open_goal_rules), &f);
      else
        ok &= read_members (reader, goal, goal_rules, G_N_ELEMENTS (goal_rules), &f);
      if (ok && f.high != LODE_MONEY_UNSET && f.high < f.low)
        {
          _lode_reader_error (reader, "high_usd", LODE_LOAD_PROBLEM_BELOW_LOW, NULL,
                              N_("must not be below low_usd"));
          ok = FALSE;
        }
      if (ok && f.baseline_year != 0 && f.target_year != 0 && f.target_year <= f.baseline_year)
        {
          _lode_reader_error (reader, "year", LODE_LOAD_PROBLEM_BEFORE_BASELINE, NULL,
                              N_("must come after the baseline year"));
          ok = FALSE;
        }
      pop (reader, mark);
    }

  if (f.id != NULL)
    ok &= claim_id (reader, target_ids, f.id);

  if (!ok)
    return;

  target = lode_target_new (f.id, f.title);
  lode_target_set_metric_kind (target, f.kind);
  lode_target_set_metric_mineral (target, f.mineral);
  lode_target_set_metric_destination (target, f.destination);
  lode_target_set_metric_investment (target, f.investment);
  lode_target_set_metric_investor_country (target, f.investor_country);
  lode_target_set_baseline_year (target, f.baseline_year);
  lode_target_set_baseline_value (target, f.baseline_value);
  lode_target_set_target_year (target, f.target_year);
  lode_target_set_target_low (target, f.low);
  lode_target_set_target_high (target, f.high != LODE_MONEY_UNSET ? f.high : f.low);
  lode_target_set_source (target, f.source);
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

/* An optional reference to a project of the file, read as an id. */
static gboolean
read_project_reference (Reader      *reader,
                        JsonObject  *object,
                        GHashTable  *project_ids,
                        const char **out)
{
  static const MemberRule rules[] = {
    { .name = "project", .type = MEMBER_SLUG, .required = FALSE, .offset = 0 },
  };
  const char *value = NULL;

  if (!read_members (reader, object, rules, G_N_ELEMENTS (rules), &value))
    return FALSE;

  if (value != NULL && !g_hash_table_contains (project_ids, value))
    {
      reference_error (reader, "project", "project", value);
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
  typedef struct
  {
    const char *investor, *investor_country, *date, *source, *note;
    int         kind;
    LodeMoney   value_usd;
  } Fields;
  static const MemberRule head_rules[] = {
    MEMBER (Fields, investor, MEMBER_STRING, FALSE),
    MEMBER (Fields, investor_country, MEMBER_COUNTRY, FALSE),
    ENUM_MEMBER (Fields, kind, TRUE, lode_investment_kind_get_type, LODE_INVESTMENT_KIND_UNKNOWN),
    MEMBER (Fields, value_usd, MEMBER_MONEY, TRUE),
    MEMBER (Fields, date, MEMBER_DATE, TRUE),
  };
  static const MemberRule tail_rules[] = {
    MEMBER (Fields, source, MEMBER_SOURCE, FALSE),
    MEMBER (Fields, note, MEMBER_STRING, FALSE),
  };
  GHashTable *project_ids = user_data;
  Fields f = { .kind = LODE_INVESTMENT_KIND_UNKNOWN };
  LodeValue original_amount_value, original_currency_value;
  LodeMoney original_amount = 0;
  const char *original_currency = NULL;
  const char *project = NULL;
  g_auto(GStrv) minerals = NULL;
  g_autoptr(LodeInvestment) investment = NULL;
  gboolean ok;

  ok = read_project_reference (reader, object, project_ids, &project);
  ok &= read_members (reader, object, head_rules, G_N_ELEMENTS (head_rules), &f);
  ok &= read_string_list (reader, object, "minerals", check_slug,
                          reader->mineral_ids, "mineral", &minerals);
  ok &= read_members (reader, object, tail_rules, G_N_ELEMENTS (tail_rules), &f);
  _lode_value_from_member (object, "original_amount", &original_amount_value);
  _lode_value_from_member (object, "original_currency", &original_currency_value);
  ok &= read_original_values (reader, &original_amount_value, &original_currency_value,
                              &original_amount, &original_currency);

  if (!ok)
    return;

  investment = lode_investment_new (f.kind, f.value_usd, f.date);
  lode_investment_set_original (investment, original_currency, original_amount);
  lode_investment_set_project (investment, project);
  lode_investment_set_investor (investment, f.investor);
  lode_investment_set_investor_country (investment, f.investor_country);
  lode_investment_set_minerals (investment, (const char * const *) minerals);
  lode_investment_set_source (investment, f.source);
  lode_investment_set_note (investment, f.note);
  keep_extra (investment, object, known);
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
  typedef struct
  {
    const char *mineral, *source, *note;
    int         year, unit;
    double      quantity;
  } Fields;
  static const MemberRule head_rules[] = {
    MEMBER (Fields, mineral, MEMBER_MINERAL, TRUE),
  };
  static const MemberRule tail_rules[] = {
    MEMBER (Fields, year, MEMBER_YEAR, TRUE),
    MEMBER (Fields, quantity, MEMBER_QUANTITY, TRUE),
    ENUM_MEMBER (Fields, unit, TRUE, lode_unit_get_type, LODE_UNIT_NONE),
    MEMBER (Fields, source, MEMBER_SOURCE, FALSE),
    MEMBER (Fields, note, MEMBER_STRING, FALSE),
  };
  GHashTable *project_ids = user_data;
  Fields f = { .quantity = LODE_QUANTITY_UNSET, .unit = LODE_UNIT_NONE };
  const char *project = NULL;
  g_autoptr(LodeProduction) production = NULL;
  gboolean ok;

  ok = read_members (reader, object, head_rules, G_N_ELEMENTS (head_rules), &f);
  ok &= read_project_reference (reader, object, project_ids, &project);
  ok &= read_members (reader, object, tail_rules, G_N_ELEMENTS (tail_rules), &f);

  if (!ok)
    return;

  production = lode_production_new (f.mineral, f.year, f.quantity, f.unit);
  lode_production_set_project (production, project);
  lode_production_set_source (production, f.source);
  lode_production_set_note (production, f.note);
  keep_extra (production, object, known);
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
  typedef struct
  {
    const char *country, *note, *source;
    int         kind, year;
    LodeMoney   value_usd;
    double      change;
  } Fields;
  static const MemberRule rules[] = {
    ENUM_MEMBER (Fields, kind, TRUE, lode_figure_kind_get_type, LODE_FIGURE_KIND_UNKNOWN),
    MEMBER (Fields, country, MEMBER_COUNTRY, FALSE),
    MEMBER (Fields, year, MEMBER_YEAR, FALSE),
    MEMBER (Fields, value_usd, MEMBER_MONEY, TRUE),
    MEMBER (Fields, change, MEMBER_CHANGE, FALSE),
    MEMBER (Fields, note, MEMBER_STRING, FALSE),
    MEMBER (Fields, source, MEMBER_SOURCE, FALSE),
  };
  Fields f = { .kind = LODE_FIGURE_KIND_UNKNOWN, .change = LODE_CHANGE_UNSET };
  g_autoptr(LodeNationalFigure) figure = NULL;

  if (!read_members (reader, object, rules, G_N_ELEMENTS (rules), &f))
    return;

  figure = lode_national_figure_new (f.kind, f.value_usd);
  lode_national_figure_set_country (figure, f.country);
  lode_national_figure_set_year (figure, f.year);
  lode_national_figure_set_change (figure, f.change);
  lode_national_figure_set_note (figure, f.note);
  lode_national_figure_set_source (figure, f.source);
  keep_extra (figure, object, known);
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
  typedef struct
  {
    const char *rate_text, *source, *note;
    int         year;
  } Fields;
  static const MemberRule year_rules[] = {
    MEMBER (Fields, year, MEMBER_YEAR, TRUE),
  };
  static const MemberRule rate_rules[] = {
    MEMBER_NAMED (Fields, rate_text, "units_per_usd", MEMBER_STRING, TRUE),
  };
  static const MemberRule tail_rules[] = {
    MEMBER (Fields, source, MEMBER_SOURCE, FALSE),
    MEMBER (Fields, note, MEMBER_STRING, FALSE),
  };
  GHashTable *periods = user_data;
  Fields f = { NULL };
  LodeValue value;
  const char *currency = NULL;
  gint64 month = 0;
  int period = LODE_PERIOD_KIND_UNKNOWN;
  LodeRate rate = 0;
  g_autoptr(LodeExchangeRate) item = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *key = NULL;
  gboolean ok;

  _lode_value_from_member (object, "currency", &value);
  ok = read_currency_value (reader, &value, "currency", TRUE, &currency);
  if (currency != NULL && !lode_rule_rate_currency (currency, NULL))
    {
      _lode_reader_error (reader, "currency", LODE_LOAD_PROBLEM_RULE, NULL,
                          N_("rates are of other currencies against the US dollar: "
                             "USD needs none"));
      ok = FALSE;
    }
  ok &= read_members (reader, object, year_rules, G_N_ELEMENTS (year_rules), &f);
  _lode_value_from_member (object, "month", &value);
  ok &= read_integer_value (reader, &value, "month", FALSE, 1, 12,
                            N_("must be a month from 1 to 12"), &month);
  _lode_value_from_member (object, "period", &value);
  ok &= read_period_value (reader, &value, "period", month, &period);
  if (read_members (reader, object, rate_rules, G_N_ELEMENTS (rate_rules), &f))
    {
      if (f.rate_text != NULL && !lode_rate_parse (f.rate_text, &rate, NULL))
        {
          _lode_reader_error (reader, "units_per_usd", LODE_LOAD_PROBLEM_RULE, NULL,
                              N_("“%s” is not a rate: write the units of the currency one US "
                                 "dollar buys as a decimal string, more than 0, such as "
                                 "\"278.8313\""),
                              f.rate_text);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  ok &= read_members (reader, object, tail_rules, G_N_ELEMENTS (tail_rules), &f);

  if (!ok)
    return;

  /* One rate a period: which of two would be a guess. */
  key = g_strdup_printf ("%s/%d/%d/%d", currency, f.year, (int) month,
                         period == LODE_PERIOD_KIND_FISCAL_YEAR);
  if (g_hash_table_contains (periods, key))
    {
      _lode_reader_error (reader, NULL, LODE_LOAD_PROBLEM_DUPLICATE_RATE, NULL,
                          N_("is a second rate of %s for the same period (%s)"),
                          currency, (const char *) g_hash_table_lookup (periods, key));
      return;
    }
  g_hash_table_insert (periods, g_steal_pointer (&key), g_strdup (reader->pointer->str));

  item = lode_exchange_rate_new (currency, f.year, rate);
  lode_exchange_rate_set_month (item, month);
  lode_exchange_rate_set_period (item, period);
  lode_exchange_rate_set_source (item, f.source);
  lode_exchange_rate_set_note (item, f.note);
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
  g_clear_pointer (&reader->source_ids, g_hash_table_unref);
  g_clear_pointer (&reader->mineral_ids, g_hash_table_unref);
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
    MEMBER (Fields, title, MEMBER_STRING, TRUE),
    MEMBER (Fields, description, MEMBER_STRING, FALSE),
    MEMBER (Fields, currency, MEMBER_STRING, FALSE),
  };
  /* After the currency's own check, where its errors have always been. */
  static const MemberRule country_rules[] = {
    MEMBER (Fields, country, MEMBER_COUNTRY, FALSE),
  };
  g_autoptr(GHashTable) project_ids = NULL;
  g_autoptr(GHashTable) target_ids = NULL;
  g_autoptr(GHashTable) rate_periods = NULL;
  g_autoptr(JsonObject) extra = NULL;
  LodePortfolio *portfolio = reader->portfolio;
  GPtrArray *errors = reader->errors;
  const char *name = reader->name;
  Fields f = { NULL };
  g_autoptr(GError) local_error = NULL;

  reader->source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader->mineral_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  project_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rate_periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

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
      read_list (reader, root, "sources", read_source, NULL);
      read_list (reader, root, "minerals", read_mineral, NULL);

      if (read_exports != NULL)
        read_exports (reader, root, user_data);
      else
        _lode_reader_read_exports (reader, root);
      read_list (reader, root, "projects", read_project, project_ids);
      read_list (reader, root, "targets", read_target, target_ids);
      read_list (reader, root, "investments", read_investment, project_ids);
      read_list (reader, root, "production", read_production, project_ids);
      read_list (reader, root, "national_figures", read_national_figure, NULL);
      read_list (reader, root, "exchange_rates", read_exchange_rate, rate_periods);
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
