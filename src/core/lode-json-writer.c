/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lode-json-writer.h"
#include "lode-json-writer-private.h"

#include <math.h>
#include <string.h>

#include "lode-money.h"

/* Appends straight to the GString: a member is its separator, the indent of
 * its depth (cut from one long run of spaces), the quoted name and the value.
 * Each open container remembers only how many items it holds so far. */

typedef struct
{
  guint count;
  guint is_object : 1;
} Level;

struct _LodeJsonWriter
{
  GString *out;
  Level   *levels;
  guint    depth;
  guint    levels_alloc;
  /* lode_json_writer_member() has written a name: the value follows it. */
  guint    after_name : 1;
};

#define INDENT_WIDTH 2

static const char spaces[] =
  "                                                                "
  "                                                                ";

/* 0: as is; 1: a short escape; 2: \u00XX. */
static const char escape_kind[256] = {
  2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 1, 1, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  /* 0x60 and up: as is */
};

static inline void
commit (GString *out,
        gsize    n)
{
  out->len += n;
  out->str[out->len] = '\0';
}

static inline void
append_bytes (GString    *out,
              const char *bytes,
              gsize       n)
{
  memcpy (_lode_json_reserve (out, n), bytes, n);
  commit (out, n);
}

static inline void
append_char (GString *out,
             char     ch)
{
  *_lode_json_reserve (out, 1) = ch;
  commit (out, 1);
}

/* Writes ",\n" (or "\n" for the first item) and the indent of @depth. */
static void
append_separator (GString  *out,
                  gboolean  comma,
                  guint     depth)
{
  gsize indent = (gsize) depth * INDENT_WIDTH;
  char *p = _lode_json_reserve (out, indent + 2);

  if (comma)
    *p++ = ',';
  *p++ = '\n';

  if (G_LIKELY (indent < sizeof spaces))
    memcpy (p, spaces, indent);
  else
    memset (p, ' ', indent);

  commit (out, indent + 1 + (comma ? 1 : 0));
}

static void
append_quoted (GString    *out,
               const char *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  while (*p >= 0x60 || escape_kind[*p] == 0)
    p++;

  /* Nothing to escape, as with most names and values: one copy. */
  if (G_LIKELY (*p == '\0'))
    {
      gsize n = p - run;
      char *dest = _lode_json_reserve (out, n + 2);

      dest[0] = '"';
      memcpy (dest + 1, run, n);
      dest[n + 1] = '"';
      commit (out, n + 2);
      return;
    }

  append_char (out, '"');

  for (;; p++)
    {
      guchar ch = *p;

      if (G_LIKELY (ch >= 0x60 || escape_kind[ch] == 0))
        continue;

      if (ch == '\0')
        break;

      if (p > run)
        append_bytes (out, (const char *) run, p - run);
      run = p + 1;

      switch (ch)
        {
        case '"':  append_bytes (out, "\\\"", 2); break;
        case '\\': append_bytes (out, "\\\\", 2); break;
        case '\b': append_bytes (out, "\\b", 2); break;
        case '\f': append_bytes (out, "\\f", 2); break;
        case '\n': append_bytes (out, "\\n", 2); break;
        case '\r': append_bytes (out, "\\r", 2); break;
        case '\t': append_bytes (out, "\\t", 2); break;
        default:
          {
            static const char hex[] = "0123456789abcdef";
            char u[6] = { '\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 0xF] };

            append_bytes (out, u, sizeof u);
          }
          break;
        }
    }

  if (p > run)
    append_bytes (out, (const char *) run, p - run);
  append_char (out, '"');
}

/* Writes the separator and indent that come before a value. */
static inline void
before_value (LodeJsonWriter *self)
{
  Level *level;

  if (self->after_name)
    {
      self->after_name = FALSE;
      return;
    }

  if (self->depth == 0)
    return;

  level = &self->levels[self->depth - 1];
  g_return_if_fail (!level->is_object);

  append_separator (self->out, level->count++ > 0, self->depth);
}

static void
push_level (LodeJsonWriter *self,
            gboolean        is_object)
{
  if (self->depth == self->levels_alloc)
    {
      self->levels_alloc = MAX (16, self->levels_alloc * 2);
      self->levels = g_renew (Level, self->levels, self->levels_alloc);
    }

  self->levels[self->depth].count = 0;
  self->levels[self->depth].is_object = is_object;
  self->depth++;
}

static void
pop_level (LodeJsonWriter *self,
           gboolean        is_object,
           char            close)
{
  Level *level;

  g_return_if_fail (self->depth > 0);
  g_return_if_fail (!self->after_name);

  level = &self->levels[self->depth - 1];
  g_return_if_fail (level->is_object == is_object);

  self->depth--;
  if (level->count > 0)
    append_separator (self->out, FALSE, self->depth);
  append_char (self->out, close);
}

LodeJsonWriter *
lode_json_writer_new (GString *out)
{
  LodeJsonWriter *self;

  g_return_val_if_fail (out != NULL, NULL);

  self = g_new0 (LodeJsonWriter, 1);
  self->out = out;

  return self;
}

void
lode_json_writer_free (LodeJsonWriter *self)
{
  if (self == NULL)
    return;

  g_free (self->levels);
  g_free (self);
}

void
lode_json_writer_begin_object (LodeJsonWriter *self)
{
  before_value (self);
  append_char (self->out, '{');
  push_level (self, TRUE);
}

void
lode_json_writer_end_object (LodeJsonWriter *self)
{
  pop_level (self, TRUE, '}');
}

void
lode_json_writer_begin_array (LodeJsonWriter *self)
{
  before_value (self);
  append_char (self->out, '[');
  push_level (self, FALSE);
}

void
lode_json_writer_end_array (LodeJsonWriter *self)
{
  pop_level (self, FALSE, ']');
}

void
lode_json_writer_member (LodeJsonWriter *self,
                         const char     *name)
{
  Level *level;

  g_return_if_fail (name != NULL);
  g_return_if_fail (self->depth > 0 && !self->after_name);

  level = &self->levels[self->depth - 1];
  g_return_if_fail (level->is_object);

  self->after_name = TRUE;

  if (G_LIKELY (self->depth * INDENT_WIDTH < sizeof spaces))
    {
      const guchar *end = (const guchar *) name;

      while (*end >= 0x60 || escape_kind[*end] == 0)
        end++;

      /* A plain name: separator, indent, name and ": " in one copy. */
      if (G_LIKELY (*end == '\0'))
        {
          gsize indent = self->depth * INDENT_WIDTH;
          gsize n = (const char *) end - name;
          char *dest = _lode_json_reserve (self->out, indent + n + 6);
          char *q = dest;

          if (level->count++ > 0)
            *q++ = ',';
          *q++ = '\n';
          memcpy (q, spaces, indent);
          q += indent;
          *q++ = '"';
          memcpy (q, name, n);
          q += n;
          memcpy (q, "\": ", 3);
          q += 3;
          commit (self->out, q - dest);
          return;
        }
    }

  append_separator (self->out, level->count++ > 0, self->depth);
  append_quoted (self->out, name);
  append_bytes (self->out, ": ", 2);
}

void
lode_json_writer_string (LodeJsonWriter *self,
                         const char     *value)
{
  if (value == NULL)
    {
      lode_json_writer_null (self);
      return;
    }

  before_value (self);
  append_quoted (self->out, value);
}

static void
append_int (GString *out,
            gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  if (value < 0)
    *--p = '-';

  append_bytes (out, p, buf + sizeof buf - p);
}

void
lode_json_writer_int (LodeJsonWriter *self,
                      gint64          value)
{
  before_value (self);
  append_int (self->out, value);
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
};

/* The common case without printf: a value that is the closest double to a
 * decimal of at most 15 significant digits, written in fixed notation.
 * "%.15g" would give the same text (15 digits always survive a round trip
 * through a double), so the output does not depend on which path ran. */
static gboolean
append_short_decimal (GString *out,
                      double   value)
{
  double magnitude = fabs (value);

  if (!(magnitude >= 1e-4 && magnitude < 1e15))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (powers_of_ten); k++)
    {
      double scaled = magnitude * powers_of_ten[k];
      char buf[40];
      char *p = buf + sizeof buf;
      guint64 digits;
      guint n_digits = 0;

      if (scaled >= 1e15)
        return FALSE;
      /* Below 2^63 a double is whole when it survives a cast to an
       * integer, which takes no call to floor(). */
      if (scaled != (double) (guint64) scaled || scaled / powers_of_ten[k] != magnitude)
        continue;

      /* Division by an exact power of ten rounds correctly, so this decimal
       * reads back as @value. */
      digits = (guint64) scaled;

      /* Fixed notation, as "%g" uses it, needs an exponent of -4 or more. */
      if (k > 4 && digits < (guint64) powers_of_ten[k - 4])
        return FALSE;

      /* Trailing zeros of the fraction go, as "%g" drops them. */
      while (k > 0 && digits % 10 == 0)
        {
          digits /= 10;
          k--;
        }

      do
        {
          *--p = (char) ('0' + digits % 10);
          digits /= 10;
          n_digits++;
          if (n_digits == k)
            *--p = '.';
        }
      while (digits > 0 || n_digits < k);

      if (n_digits == k)
        *--p = '0';
      if (value < 0)
        *--p = '-';

      append_bytes (out, p, buf + sizeof buf - p);
      return TRUE;
    }

  return FALSE;
}

static void
append_double (GString *out,
               double   value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_critical ("JSON has no text for %g; writing null", value);
      append_bytes (out, "null", 4);
      return;
    }

  if (value == 0.0)
    {
      if (signbit (value))
        append_bytes (out, "-0", 2);
      else
        append_char (out, '0');
      return;
    }

  if (fabs (value) < 1e15 && value == (double) (gint64) value)
    {
      append_int (out, (gint64) value);
      return;
    }

  if (append_short_decimal (out, value))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (i == G_N_ELEMENTS (formats) - 1 || g_ascii_strtod (buf, NULL) == value)
        break;
    }

  append_bytes (out, buf, strlen (buf));
}

void
lode_json_writer_double (LodeJsonWriter *self,
                         double          value)
{
  before_value (self);
  append_double (self->out, value);
}

void
lode_json_writer_money (LodeJsonWriter *self,
                        gint64          cents)
{
  before_value (self);
  lode_money_append_json (self->out, cents);
}

void
lode_json_writer_boolean (LodeJsonWriter *self,
                          gboolean        value)
{
  before_value (self);
  if (value)
    append_bytes (self->out, "true", 4);
  else
    append_bytes (self->out, "false", 5);
}

void
lode_json_writer_null (LodeJsonWriter *self)
{
  before_value (self);
  append_bytes (self->out, "null", 4);
}

/* 0xFF never begins (nor occurs in) UTF-8, so no string of a JSON text
 * is taken for a big integer. */
#define BIG_INTEGER_MARK '\xff'

JsonNode *
lode_json_node_new_big_integer (const char *text,
                                gsize       length)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *marked = g_malloc (length + 2);

  marked[0] = BIG_INTEGER_MARK;
  memcpy (marked + 1, text, length);
  marked[length + 1] = '\0';
  json_node_set_string (node, marked);

  return node;
}

const char *
lode_json_node_get_big_integer (JsonNode *node)
{
  const char *text;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  text = json_node_get_string (node);
  return text != NULL && text[0] == BIG_INTEGER_MARK ? text + 1 : NULL;
}

void
lode_json_writer_node (LodeJsonWriter *self,
                       JsonNode       *node)
{
  if (node == NULL)
    {
      lode_json_writer_null (self);
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      lode_json_writer_begin_object (self);
      lode_json_writer_members (self, json_node_get_object (node));
      lode_json_writer_end_object (self);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        lode_json_writer_begin_array (self);
        for (guint i = 0; i < n; i++)
          lode_json_writer_node (self, json_array_get_element (array, i));
        lode_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_NULL:
      lode_json_writer_null (self);
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          lode_json_writer_int (self, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          lode_json_writer_double (self, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          lode_json_writer_boolean (self, json_node_get_boolean (node));
        else if (lode_json_node_get_big_integer (node) != NULL)
          {
            const char *digits = lode_json_node_get_big_integer (node);

            before_value (self);
            append_bytes (self->out, digits, strlen (digits));
          }
        else if (type == G_TYPE_STRING)
          lode_json_writer_string (self, json_node_get_string (node));
        else
          {
            g_critical ("Cannot write a JSON value of type %s", g_type_name (type));
            lode_json_writer_null (self);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
lode_json_writer_members (LodeJsonWriter *self,
                          JsonObject     *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (object == NULL)
    return;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      lode_json_writer_member (self, name);
      lode_json_writer_node (self, value);
    }
}

void
lode_json_writer_enter_object (LodeJsonWriter *self,
                               guint           depth,
                               guint           n_members)
{
  g_return_if_fail (depth > 0);

  self->depth = 0;
  self->after_name = FALSE;
  for (guint i = 0; i < depth; i++)
    push_level (self, TRUE);
  self->levels[depth - 1].count = n_members;
}

void
lode_json_append_string (GString    *out,
                         const char *value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

  append_quoted (out, value);
}

void
lode_json_append_double (GString *out,
                         double   value)
{
  g_return_if_fail (out != NULL);

  append_double (out, value);
}
