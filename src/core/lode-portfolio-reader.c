/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading a portfolio in one pass over its bytes.
 *
 * The strict tokenizer (lode-json-tokenizer.c) checks the text and hands
 * out its tokens; nothing else reads the bytes. Export records, which may
 * number a million, go from the tokens straight into the columns of the
 * export table; every other member of the document (the small lists, the
 * header and members Lode does not know) is built as a json-glib node from
 * the same tokens and read by the schema (lode-portfolio-schema.c) once the
 * document is whole, so that members may come in any order.
 *
 * Errors come in the order of the schema, not of the file. The records'
 * errors are kept apart and joined after those of the sources and
 * minerals. A record may come before the mineral or source it refers to,
 * so references are resolved once the document is whole: the mineral and
 * source ids the records use are checked against the lists; should one not
 * resolve (a broken file), the records are read again from their part of
 * the text, now with the lists known, so that every error stands in its
 * place. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-export-table-private.h"
#include "lode-json-check.h"
#include "lode-json-tokenizer-private.h"
#include "lode-json-writer.h"
#include "lode-portfolio-reader-private.h"

/* Progress is reported (and cancellation looked at) about this many times
 * a load. */
#define PROGRESS_STEPS 100

/* Strings as written (without escapes) to one NUL-terminated copy each:
 * the values of a million records are mostly a few hundred strings. Each
 * also knows its id in the export table and whether a record names it as
 * its mineral or source. */
typedef struct
{
  guint64  hash;
  guint64  head;       /* the first (up to) eight bytes */
  guint64  tail;       /* the (up to) eight bytes after them */
  char    *string;
  gsize    length;
  guint32  table_id;   /* 0 until the table has it */
  gboolean is_mineral;
  gboolean is_source;
  /* The members of a record that took the string, one bit each (see
   * _lode_reader_read_export_quick()), and what a stage's, a unit's or
   * a period kind's string was made into. */
  guint32  accepted;
  int      stage;
  int      unit;
  int      period;
} CacheEntry;

typedef struct
{
  CacheEntry **slots;
  gsize        mask;
  gsize        count;
} StringCache;

/* Past this many strings, new ones are not kept: they do not repeat. */
#define CACHE_MAX 65536

typedef struct
{
  LodeJsonTokenizer     tokenizer;
  LodeJsonToken         token;
  const char           *data;
  gsize                 length;

  LodePortfolio        *portfolio;
  LodeExportTable      *table;

  LodeLoadProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  gsize                 next_report;
  gsize                 report_step;
  gboolean              cancelled;

  /* Decoded strings of the record being read, and the strings records
   * repeat (ids, codes, units), each kept once. */
  GString              *strings;
  gsize                 string_offsets[LODE_N_EXPORT_MEMBERS];
  StringCache           cache;
  /* The names of a record's members, looked up by the tokenizer. */
  LodeJsonNames         names;

  /* The records: their errors, where they stand in the text, and the
   * (interned) mineral and source ids they refer to. */
  gboolean              exports_streamed;
  LodeReader            exports;
  gsize                 exports_start;
  gsize                 exports_end;
  GHashTable           *referenced_minerals;  /* those not in the cache */
  GHashTable           *referenced_sources;
  /* Whether references are resolved as records are read (when they are
   * read again, for their errors, with the lists known). */
  gboolean              resolve;
} Stream;

static inline LodeJsonTokenKind
stream_next (Stream *s)
{
  return _lode_json_tokenizer_next (&s->tokenizer, &s->token);
}

/* Reports progress and looks at the cancellable every 1/PROGRESS_STEPS of
 * the text; FALSE once cancelled. */
static inline gboolean
stream_poll (Stream *s)
{
  gsize offset = _lode_json_tokenizer_get_offset (&s->tokenizer);

  if (G_LIKELY (offset < s->next_report))
    return !s->cancelled;

  s->next_report = offset + s->report_step;
  if (s->progress != NULL)
    s->progress (offset, s->length, s->user_data);
  if (g_cancellable_is_cancelled (s->cancellable))
    s->cancelled = TRUE;

  return !s->cancelled;
}

/* Eight bytes at a time: the ids and codes records repeat are one or two
 * words long. */
static inline guint64
hash_bytes (guint64     head,
            guint64     tail,
            const char *text,
            gsize       length)
{
  guint64 h = (head ^ length) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  h = ((h ^ tail) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) ^ (h >> 31);
  for (gsize i = 16; i < length; i += 8)
    {
      guint64 word = 0;

      memcpy (&word, text + i, MIN (length - i, 8));
      h = ((h ^ word) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) ^ (h >> 31);
    }

  return h ^ (h >> 29);
}

static void
string_cache_init (StringCache *cache)
{
  cache->mask = 255;
  cache->slots = g_new0 (CacheEntry *, cache->mask + 1);
  cache->count = 0;
}

static void
string_cache_clear (StringCache *cache)
{
  for (gsize i = 0; cache->slots != NULL && i <= cache->mask; i++)
    if (cache->slots[i] != NULL)
      {
        g_free (cache->slots[i]->string);
        g_free (cache->slots[i]);
      }
  g_clear_pointer (&cache->slots, g_free);
  cache->mask = 0;
  cache->count = 0;
}

/* Adds a new entry in the free slot @i; NULL when the cache is full. */
static G_NO_INLINE CacheEntry *
string_cache_insert (StringCache *cache,
                     gsize        i,
                     guint64      hash,
                     guint64      head,
                     guint64      tail,
                     const char  *text,
                     gsize        length)
{
  CacheEntry *entry;

  if (cache->count >= CACHE_MAX)
    return NULL;

  entry = g_new0 (CacheEntry, 1);
  entry->hash = hash;
  entry->head = head;
  entry->tail = tail;
  entry->length = length;
  entry->string = g_strndup (text, length);
  cache->slots[i] = entry;
  cache->count++;

  if (cache->count * 2 > cache->mask)
    {
      CacheEntry **old = cache->slots;
      gsize old_size = cache->mask + 1;

      cache->mask = old_size * 2 - 1;
      cache->slots = g_new0 (CacheEntry *, old_size * 2);
      for (gsize j = 0; j < old_size; j++)
        if (old[j] != NULL)
          {
            gsize k = old[j]->hash & cache->mask;

            while (cache->slots[k] != NULL)
              k = (k + 1) & cache->mask;
            cache->slots[k] = old[j];
          }
      g_free (old);
    }

  return entry;
}

/* The entry of @text (@length bytes, no escapes), or NULL when the cache
 * is full. Most strings of a record are found: this is inlined. */
G_ALWAYS_INLINE static inline CacheEntry *
string_cache_lookup (StringCache *cache,
                     const char  *text,
                     gsize        length,
                     const char  *end)
{
  guint64 head = _lode_json_head_word (text, length, end);
  guint64 tail = length > 8 ? _lode_json_head_word (text + 8, MIN (length - 8, 8), end) : 0;
  guint64 hash = hash_bytes (head, tail, text, length);
  CacheEntry *entry;
  gsize i;

  for (i = hash & cache->mask; (entry = cache->slots[i]) != NULL; i = (i + 1) & cache->mask)
    if (entry->hash == hash && entry->head == head && entry->length == length
        && entry->tail == tail
        && (length <= 16 || memcmp (entry->string + 16, text + 16, length - 16) == 0))
      return entry;

  return string_cache_insert (cache, i, hash, head, tail, text, length);
}

/* Decodes the current string token into @out, as a C string: json-glib
 * ends a string at an escaped NUL, and so does Lode. */
static const char *
decode_text (const char *text,
             gsize       length,
             GString    *out)
{
  g_string_set_size (out, length);
  g_string_truncate (out, _lode_json_decode_string (text, length, out->str));

  return out->str;
}

static const char *
decode_token (const LodeJsonToken *token,
              GString             *out)
{
  return decode_text (token->text, token->length, out);
}

/* The integer json-glib reads: digits beyond 2^64 - 1 saturate, and the
 * sign wraps as a 64-bit integer does. */
static gint64
parse_integer (const char *text,
               gsize       length)
{
  gboolean negative = text[0] == '-';
  guint64 value = 0;

  /* Up to 19 digits cannot overflow. */
  if (length - negative <= 19)
    {
      for (gsize i = negative; i < length; i++)
        value = value * 10 + (guint) (text[i] - '0');

      return negative ? (gint64) (G_GUINT64_CONSTANT (0) - value) : (gint64) value;
    }

  for (gsize i = negative ? 1 : 0; i < length; i++)
    {
      guint digit = text[i] - '0';

      if (value > (G_MAXUINT64 - digit) / 10)
        {
          value = G_MAXUINT64;
          break;
        }
      value = value * 10 + digit;
    }

  return negative ? (gint64) (G_GUINT64_CONSTANT (0) - value) : (gint64) value;
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* A number with a fraction or an exponent, as the nearest double (as
 * g_ascii_strtod() reads it); -0 is read as 0. Decimals of up to 15
 * significant digits are exact in a double, as is their divisor, so one
 * division rounds them correctly; the others go to g_ascii_strtod(). */
static double
parse_double (const char *text,
              gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  guint digits = 0;
  guint decimals = 0;
  double value;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (; p < end && g_ascii_isdigit (*p); p++)
    {
      mantissa = mantissa * 10 + (*p - '0');
      if (mantissa != 0 && ++digits > 15)
        goto slow;
    }
  if (p < end && *p == '.')
    {
      for (p++; p < end && g_ascii_isdigit (*p); p++)
        {
          mantissa = mantissa * 10 + (*p - '0');
          decimals++;
          if ((mantissa != 0 && ++digits > 15) || decimals >= G_N_ELEMENTS (powers_of_ten))
            goto slow;
        }
    }
  if (p != end)
    goto slow;

  value = (double) mantissa / powers_of_ten[decimals];

  return negative && value != 0 ? -value : value;

slow:
  {
    char small[64];
    g_autofree char *large = NULL;
    char *copy = length < sizeof small ? small : (large = g_malloc (length + 1));

    memcpy (copy, text, length);
    copy[length] = '\0';
    value = g_ascii_strtod (copy, NULL);

    return value == 0 ? 0.0 : value;
  }
}

G_ALWAYS_INLINE static inline void
number_value (const LodeJsonToken *token,
              LodeValue           *value)
{
  gboolean negative = token->text[0] == '-';

  /* An amount in whole cents, exact: at most 15 digits and 2 decimals. */
  value->has_cents = FALSE;
  if (!negative && token->digits <= 15 && token->decimals <= 2)
    {
      static const guint64 to_cents[] = { 100, 10, 1 };
      guint64 cents = token->mantissa * to_cents[token->decimals];

      if (cents < G_GUINT64_CONSTANT (1) << 50)
        {
          value->has_cents = TRUE;
          value->cents = cents;
        }
    }

  /* The tokenizer has the digits already. */
  if (token->is_integer && token->digits <= 19)
    {
      value->kind = LODE_VALUE_INT;
      value->i = negative ? (gint64) (G_GUINT64_CONSTANT (0) - token->mantissa)
                          : (gint64) token->mantissa;
      return;
    }
  if (!token->is_integer && token->digits <= 15
      && token->decimals < G_N_ELEMENTS (powers_of_ten))
    {
      double d = (double) token->mantissa / powers_of_ten[token->decimals];

      value->kind = LODE_VALUE_DOUBLE;
      value->d = negative && d != 0 ? -d : d;
      return;
    }

  if (token->is_integer)
    {
      value->kind = LODE_VALUE_INT;
      value->i = parse_integer (token->text, token->length);
    }
  else
    {
      value->kind = LODE_VALUE_DOUBLE;
      value->d = parse_double (token->text, token->length);
    }
}

/* Whether an integer @token fits in 64 bits (any other number does, as a
 * double). */
static gboolean
integer_fits (const LodeJsonToken *token)
{
  gboolean negative = token->text[0] == '-';

  if (!token->is_integer)
    return TRUE;
  if (token->digits > 19)
    return FALSE;

  return token->mantissa <= (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64);
}

/* Takes the tokens of the value that starts with @kind; FALSE on a syntax
 * error or cancellation. */
static gboolean
skip_value (Stream            *s,
            LodeJsonTokenKind  kind)
{
  gsize depth = 0;

  for (;;)
    {
      switch (kind)
        {
        case LODE_JSON_TOKEN_ERROR:
        case LODE_JSON_TOKEN_END:
          return FALSE;
        case LODE_JSON_TOKEN_OBJECT_START:
        case LODE_JSON_TOKEN_ARRAY_START:
          depth++;
          break;
        case LODE_JSON_TOKEN_OBJECT_END:
        case LODE_JSON_TOKEN_ARRAY_END:
          depth--;
          break;
        default:
          break;
        }

      if (depth == 0)
        return TRUE;

      if (!stream_poll (s))
        return FALSE;
      kind = stream_next (s);
    }
}

/* Builds the value that starts with @kind as a json-glib node, as
 * json-glib's parser would; NULL on a syntax error or cancellation. The
 * tokenizer bounds the nesting, and so the recursion. */
static JsonNode *
build_node (Stream            *s,
            LodeJsonTokenKind  kind)
{
  g_autoptr(JsonNode) node = NULL;

  switch (kind)
    {
    case LODE_JSON_TOKEN_OBJECT_START:
      {
        g_autoptr(JsonObject) object = json_object_new ();
        g_autoptr(GString) name = g_string_new (NULL);

        while ((kind = stream_next (s)) == LODE_JSON_TOKEN_MEMBER)
          {
            JsonNode *child;

            decode_token (&s->token, name);
            if (!stream_poll (s))
              return NULL;
            child = build_node (s, stream_next (s));
            if (child == NULL)
              return NULL;
            json_object_set_member (object, name->str, child);
          }
        if (kind != LODE_JSON_TOKEN_OBJECT_END)
          return NULL;

        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, g_steal_pointer (&object));
      }
      break;

    case LODE_JSON_TOKEN_ARRAY_START:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        while ((kind = stream_next (s)) != LODE_JSON_TOKEN_ARRAY_END)
          {
            JsonNode *child;

            if (!stream_poll (s))
              return NULL;
            child = build_node (s, kind);
            if (child == NULL)
              return NULL;
            json_array_add_element (array, child);
          }

        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, g_steal_pointer (&array));
      }
      break;

    case LODE_JSON_TOKEN_STRING:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, decode_token (&s->token, text));
      }
      break;

    case LODE_JSON_TOKEN_NUMBER:
      {
        LodeValue value;

        if (!integer_fits (&s->token))
          {
            /* Beyond 64 bits, where json-glib would wrap it: kept as
             * written. */
            node = lode_json_node_new_big_integer (s->token.text, s->token.length);
            break;
          }
        number_value (&s->token, &value);
        node = json_node_new (JSON_NODE_VALUE);
        if (value.kind == LODE_VALUE_INT)
          json_node_set_int (node, value.i);
        else
          json_node_set_double (node, value.d);
      }
      break;

    case LODE_JSON_TOKEN_TRUE:
    case LODE_JSON_TOKEN_FALSE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, kind == LODE_JSON_TOKEN_TRUE);
      break;

    case LODE_JSON_TOKEN_NULL:
      node = json_node_new (JSON_NODE_NULL);
      break;

    default:  /* an error, or a token no value begins with */
      return NULL;
    }

  return g_steal_pointer (&node);
}

/* Which known member of an export record @name (@length bytes, no NUL
 * inside) is, or -1. */
static int
export_member_index (const char *name,
                     gsize       length)
{
  for (int i = 0; i < LODE_N_EXPORT_MEMBERS; i++)
    {
      const char *known = _lode_export_members[i];

      /* The names differ in their first byte, most of them. */
      if (known[0] == name[0] && strncmp (known, name, length) == 0 && known[length] == '\0')
        return i;
    }

  return -1;
}

/* The table id of the string of @member, also noting a reference to a
 * mineral or source. */
static guint32
intern_member (Stream            *s,
               CacheEntry * const *entries,
               LodeExportMember   member,
               const char        *string)
{
  CacheEntry *entry = entries[member];
  GHashTable *referenced = NULL;

  if (string == NULL)
    return 0;

  if (member == LODE_EXPORT_MEMBER_MINERAL)
    referenced = s->referenced_minerals;
  else if (member == LODE_EXPORT_MEMBER_SOURCE)
    referenced = s->referenced_sources;

  if (G_LIKELY (entry != NULL))
    {
      if (entry->table_id == 0)
        entry->table_id = _lode_export_table_intern_id (s->table, string);
      if (member == LODE_EXPORT_MEMBER_MINERAL)
        entry->is_mineral = TRUE;
      else if (member == LODE_EXPORT_MEMBER_SOURCE)
        entry->is_source = TRUE;
      return entry->table_id;
    }

  if (referenced != NULL)
    g_hash_table_add (referenced, (gpointer) lode_export_table_intern (s->table, string));

  return _lode_export_table_intern_id (s->table, string);
}

/* Takes the value of the known @member, whose first token is @token, of
 * kind @kind, counting in @unaccepted the strings not accepted in their
 * member before (see accept_strings()); FALSE on a syntax error. */
G_ALWAYS_INLINE static inline gboolean
take_value (Stream              *s,
            LodeExportMember     member,
            LodeJsonTokenKind    kind,
            const LodeJsonToken *token,
            LodeValue           *values,
            CacheEntry         **entries,
            guint               *unaccepted)
{
  switch (kind)
    {
    case LODE_JSON_TOKEN_STRING:
      {
        gsize offset = s->strings->len;
        gsize length;

        values[member].kind = LODE_VALUE_STRING;
        values[member].string = NULL;
        entries[member] = NULL;
        if (G_LIKELY (!token->has_escape))
          entries[member] = string_cache_lookup (&s->cache, token->text, token->length,
                                                 (const char *) s->tokenizer.end);
        if (entries[member] != NULL)
          {
            values[member].string = entries[member]->string;
            if ((entries[member]->accepted & (1u << member)) == 0)
              (*unaccepted)++;
            break;
          }

        (*unaccepted)++;
        g_string_set_size (s->strings, offset + token->length + 1);
        length = _lode_json_decode_string (token->text, token->length,
                                           s->strings->str + offset);
        s->strings->str[offset + length] = '\0';
        g_string_set_size (s->strings, offset + length + 1);
        s->string_offsets[member] = offset;
      }
      break;

    case LODE_JSON_TOKEN_NUMBER:
      number_value (token, &values[member]);
      break;

    case LODE_JSON_TOKEN_NULL:
      values[member].kind = LODE_VALUE_NULL;
      break;

    case LODE_JSON_TOKEN_TRUE:
    case LODE_JSON_TOKEN_FALSE:
      values[member].kind = LODE_VALUE_OTHER;
      break;

    case LODE_JSON_TOKEN_OBJECT_START:
    case LODE_JSON_TOKEN_ARRAY_START:
      values[member].kind = LODE_VALUE_OTHER;
      return skip_value (s, kind);

    default:  /* an error, or a token no value begins with */
      return FALSE;
    }

  return TRUE;
}

/* Notes that the strings of the valid record @row was read from are
 * accepted in their members: most records of a file repeat a few hundred
 * strings, and a record whose strings were all accepted before is read
 * the quick way. */
static void
accept_strings (const LodeValue     *values,
                CacheEntry * const  *entries,
                const LodeExportRow *row)
{
  for (guint i = 0; i < LODE_N_EXPORT_MEMBERS; i++)
    if (values[i].kind == LODE_VALUE_STRING && entries[i] != NULL)
      {
        entries[i]->accepted |= 1u << i;
        if (i == LODE_EXPORT_MEMBER_STAGE)
          entries[i]->stage = row->stage;
        else if (i == LODE_EXPORT_MEMBER_UNIT)
          entries[i]->unit = row->unit;
        else if (i == LODE_EXPORT_MEMBER_PERIOD)
          entries[i]->period = row->period;
      }
}

/* Reads the record whose '{' was the last token into the table; FALSE on a
 * syntax error or cancellation. */
static gboolean
read_record (Stream *s,
             guint   index)
{
  LodeValue values[LODE_N_EXPORT_MEMBERS];
  CacheEntry *entries[LODE_N_EXPORT_MEMBERS] = { NULL };
  /* The members the tokenizer read in one go. */
  LodeJsonToken tokens[LODE_N_EXPORT_MEMBERS];
  guint64 present = 0;
  g_autoptr(JsonObject) extra = NULL;
  LodeExportRow row;
  guint32 ids[4];
  LodeJsonTokenKind kind;
  guint errors_before = s->exports.n_errors;
  gboolean quick = FALSE;
  guint unaccepted = 0;

  for (guint i = 0; i < LODE_N_EXPORT_MEMBERS; i++)
    values[i].kind = LODE_VALUE_ABSENT;
  g_string_truncate (s->strings, 0);

  while ((kind = _lode_json_tokenizer_next_members (&s->tokenizer, &s->token, &s->names,
                                                    tokens, &present))
         != LODE_JSON_TOKEN_OBJECT_END)
    {
      int member;

      if (kind == LODE_JSON_TOKEN_ERROR)
        return FALSE;

      /* The tokenizer knows the names written plainly, until a name it
       * does not know. */
      if (s->token.member >= 0)
        member = s->token.member;
      else if (!s->token.name_has_escape)
        member = export_member_index (s->token.name, s->token.name_length);
      else
        {
          g_autoptr(GString) name = g_string_new (NULL);

          decode_text (s->token.name, s->token.name_length, name);
          member = export_member_index (name->str, strlen (name->str));
          if (member < 0)
            {
              JsonNode *node = build_node (s, kind);

              if (node == NULL)
                return FALSE;
              if (extra == NULL)
                extra = json_object_new ();
              json_object_set_member (extra, name->str, node);
              continue;
            }
        }

      if (member < 0)
        {
          g_autofree char *name = g_strndup (s->token.name, s->token.name_length);
          JsonNode *node = build_node (s, kind);

          if (node == NULL)
            return FALSE;
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, name, node);
          continue;
        }

      if (!take_value (s, member, kind, &s->token, values, entries, &unaccepted))
        return FALSE;
    }

  for (guint i = 0; present != 0; i++, present >>= 1)
    if ((present & 1) != 0)
      take_value (s, i, tokens[i].kind, &tokens[i], values, entries, &unaccepted);

  if (kind != LODE_JSON_TOKEN_OBJECT_END)
    return FALSE;

  /* Strings with escapes, decoded one after the other. */
  for (guint i = 0; s->strings->len > 0 && i < LODE_N_EXPORT_MEMBERS; i++)
    if (values[i].kind == LODE_VALUE_STRING && values[i].string == NULL)
      values[i].string = s->strings->str + s->string_offsets[i];

  if (!s->resolve && s->exports.n_errors == 0 && unaccepted == 0)
    {
      int stage = entries[LODE_EXPORT_MEMBER_STAGE] != NULL
                  ? entries[LODE_EXPORT_MEMBER_STAGE]->stage : LODE_STAGE_UNKNOWN;
      int unit = entries[LODE_EXPORT_MEMBER_UNIT] != NULL
                 ? entries[LODE_EXPORT_MEMBER_UNIT]->unit : LODE_UNIT_NONE;
      int period = entries[LODE_EXPORT_MEMBER_PERIOD] != NULL
                   ? entries[LODE_EXPORT_MEMBER_PERIOD]->period : LODE_PERIOD_KIND_UNKNOWN;

      quick = _lode_reader_read_export_quick (values, stage, unit, period, &row);
    }

  if (!quick)
    {
      _lode_reader_set_item (&s->exports, "exports", index);
      if (!_lode_reader_read_export (&s->exports, values, s->resolve, &row)
          || s->exports.n_errors != errors_before)
        return TRUE;

      /* Records are kept only while all are valid: a broken file is not
       * loaded, and its records would only take memory. */
      if (s->exports.n_errors > 0 || s->resolve)
        return TRUE;

      accept_strings (values, entries, &row);
    }

  ids[0] = intern_member (s, entries, LODE_EXPORT_MEMBER_MINERAL, row.mineral);
  ids[1] = intern_member (s, entries, LODE_EXPORT_MEMBER_DESTINATION, row.destination);
  ids[2] = intern_member (s, entries, LODE_EXPORT_MEMBER_HS_CODE, row.hs_code);
  ids[3] = intern_member (s, entries, LODE_EXPORT_MEMBER_SOURCE, row.source);
  _lode_export_table_append_interned (s->table, &row, ids);
  if (extra != NULL)
    lode_export_table_set_extra (s->table, lode_export_table_get_n_rows (s->table) - 1, extra);

  return TRUE;
}

/* Reads the records of the array whose '[' was the last token; FALSE on a
 * syntax error or cancellation. */
static gboolean
read_records (Stream *s)
{
  LodeJsonTokenKind kind;
  guint index = 0;

  s->exports_start = _lode_json_tokenizer_get_offset (&s->tokenizer) - 1;

  while ((kind = stream_next (s)) != LODE_JSON_TOKEN_ARRAY_END)
    {
      if (!stream_poll (s))
        return FALSE;

      if (kind == LODE_JSON_TOKEN_OBJECT_START)
        {
          if (!read_record (s, index))
            return FALSE;
        }
      else
        {
          _lode_reader_set_item (&s->exports, "exports", index);
          _lode_reader_error (&s->exports, NULL, LODE_LOAD_PROBLEM_TYPE, NULL,
                              N_("must be an object"));
          if (!skip_value (s, kind))
            return FALSE;
        }

      index++;
    }

  s->exports_end = _lode_json_tokenizer_get_offset (&s->tokenizer);

  return TRUE;
}

/* Forgets the records read so far: the document names "exports" again. */
static void
reset_records (Stream *s)
{
  LodeExportTable *table = s->table;
  guint n = lode_export_table_get_n_rows (table);

  if (n > 0)
    lode_export_table_remove (table, 0, n);
  _lode_reader_clear (&s->exports);
  _lode_reader_init (&s->exports, s->exports.name, s->portfolio);
  g_hash_table_remove_all (s->referenced_minerals);
  g_hash_table_remove_all (s->referenced_sources);
  for (gsize i = 0; s->cache.slots != NULL && i <= s->cache.mask; i++)
    if (s->cache.slots[i] != NULL)
      {
        s->cache.slots[i]->is_mineral = FALSE;
        s->cache.slots[i]->is_source = FALSE;
      }
  s->exports_streamed = FALSE;
}

static gboolean
all_in (GHashTable *ids,
        GHashTable *referenced)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, referenced);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (ids, id))
      return FALSE;

  return TRUE;
}

/* Whether every mineral and source the records name is in the lists. */
static gboolean
references_resolve (Stream     *s,
                    LodeReader *reader)
{
  for (gsize i = 0; s->cache.slots != NULL && i <= s->cache.mask; i++)
    {
      CacheEntry *entry = s->cache.slots[i];

      if (entry == NULL)
        continue;
      if (entry->is_mineral
          && !g_hash_table_contains (reader->ids[LODE_IDS_MINERALS], entry->string))
        return FALSE;
      if (entry->is_source
          && !g_hash_table_contains (reader->ids[LODE_IDS_SOURCES], entry->string))
        return FALSE;
    }

  return all_in (reader->ids[LODE_IDS_MINERALS], s->referenced_minerals)
         && all_in (reader->ids[LODE_IDS_SOURCES], s->referenced_sources);
}


/* The schema's turn for the exports, once the sources and minerals are
 * known. */
static void
read_exports_cb (LodeReader *reader,
                 JsonObject *root,
                 gpointer    user_data)
{
  Stream *s = user_data;
  Stream again = {
    .data = s->data,
    .length = s->length,
    .portfolio = s->portfolio,
    .table = s->table,
    .next_report = G_MAXSIZE,
    .resolve = TRUE,
  };
  gboolean done;

  if (!s->exports_streamed)
    {
      _lode_reader_read_exports (reader, root);
      return;
    }

  if (s->exports.n_errors == 0 && references_resolve (s, reader))
    return;

  /* A record is wrong. Its references were not resolved as it was read,
   * nor were those of the records after it: read the records again from
   * their text, with the lists known, so that every error stands in its
   * place. */
  _lode_json_tokenizer_init (&again.tokenizer, s->data + s->exports_start,
                             s->exports_end - s->exports_start,
                             LODE_PORTFOLIO_MAX_DEPTH, LODE_PORTFOLIO_MAX_STRING);
  again.strings = g_string_sized_new (256);
  string_cache_init (&again.cache);
  again.names = s->names;
  _lode_reader_init (&again.exports, reader->name, s->portfolio);
  again.exports.ids[LODE_IDS_MINERALS] = reader->ids[LODE_IDS_MINERALS];
  again.exports.ids[LODE_IDS_SOURCES] = reader->ids[LODE_IDS_SOURCES];

  done = stream_next (&again) == LODE_JSON_TOKEN_ARRAY_START && read_records (&again);
  g_assert (done);
  _lode_reader_take_errors (reader, &again.exports);

  again.exports.ids[LODE_IDS_MINERALS] = NULL;
  again.exports.ids[LODE_IDS_SOURCES] = NULL;
  _lode_reader_clear (&again.exports);
  _lode_json_tokenizer_clear (&again.tokenizer);
  g_string_free (again.strings, TRUE);
  string_cache_clear (&again.cache);
}

static void
set_syntax_error (Stream      *s,
                  const char  *name,
                  GError     **error)
{
  guint line = 0, column = 0;
  LodeJsonError code = LODE_JSON_ERROR_NONE;
  const char *detail = NULL;
  g_autofree char *message = NULL;

  if (s->cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("Loading was cancelled"));
      return;
    }

  _lode_json_tokenizer_get_error (&s->tokenizer, &line, &column, &code, &detail);
  message = _lode_json_error_message (code, detail);
  g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_SYNTAX,
               "%s:%u:%u: %s", name, line, column, message);
}

/* Reads the members of the document object whose '{' was the last token
 * into @root, streaming the records; FALSE on a syntax error or
 * cancellation. */
static gboolean
read_document (Stream     *s,
               JsonObject *root)
{
  g_autoptr(GString) name = g_string_new (NULL);
  LodeJsonTokenKind kind;

  while ((kind = stream_next (s)) == LODE_JSON_TOKEN_MEMBER)
    {
      JsonNode *node;

      decode_token (&s->token, name);
      if (!stream_poll (s))
        return FALSE;
      kind = stream_next (s);

      if (strcmp (name->str, "exports") == 0)
        {
          /* json-glib keeps the last of two members that read the same
           * (names that differ only after an escaped NUL). */
          if (s->exports_streamed)
            reset_records (s);

          if (kind == LODE_JSON_TOKEN_ARRAY_START)
            {
              json_object_remove_member (root, "exports");
              if (!read_records (s))
                return FALSE;
              s->exports_streamed = TRUE;
              continue;
            }
        }

      node = build_node (s, kind);
      if (node == NULL)
        return FALSE;
      json_object_set_member (root, name->str, node);
    }

  return kind == LODE_JSON_TOKEN_OBJECT_END
         && stream_next (s) == LODE_JSON_TOKEN_END;
}

static LodePortfolio *
read_portfolio (const char            *data,
                gsize                  length,
                const char            *name,
                LodeLoadProgressFunc   progress,
                gpointer               user_data,
                GCancellable          *cancellable,
                GPtrArray            **problems,
                guint                 *n_problems,
                GError               **error)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new (NULL);
  g_autoptr(JsonObject) root = NULL;
  LodePortfolio *result = NULL;
  LodeReader reader;
  Stream s = {
    .data = data,
    .length = length,
    .portfolio = portfolio,
    .table = lode_portfolio_get_exports (portfolio),
    .progress = progress,
    .user_data = user_data,
    .cancellable = cancellable,
    .report_step = MAX (length / PROGRESS_STEPS, 1 << 16),
  };
  LodeJsonTokenKind kind;

  if (problems != NULL)
    *problems = NULL;
  if (n_problems != NULL)
    *n_problems = 0;

  _lode_json_tokenizer_init (&s.tokenizer, data, length,
                             LODE_PORTFOLIO_MAX_DEPTH, LODE_PORTFOLIO_MAX_STRING);
  s.next_report = progress != NULL || cancellable != NULL ? 0 : G_MAXSIZE;
  s.strings = g_string_sized_new (256);
  string_cache_init (&s.cache);
  _lode_json_names_init (&s.names, _lode_export_members);
  s.referenced_minerals = g_hash_table_new (NULL, NULL);
  s.referenced_sources = g_hash_table_new (NULL, NULL);
  _lode_reader_init (&s.exports, name, portfolio);

  kind = stream_next (&s);
  if (kind == LODE_JSON_TOKEN_OBJECT_START)
    {
      root = json_object_new ();
      if (!read_document (&s, root))
        {
          set_syntax_error (&s, name, error);
          goto out;
        }
    }
  else
    {
      if (!skip_value (&s, kind) || stream_next (&s) != LODE_JSON_TOKEN_END)
        {
          set_syntax_error (&s, name, error);
          goto out;
        }
      const char *message = _("not a Lode portfolio: the document must be a JSON object");

      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID,
                   "%s: %s", name, message);
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) _lode_load_problem_free);
          g_ptr_array_add (*problems, _lode_load_problem_new (LODE_LOAD_PROBLEM_FORMAT, "", NULL,
                                                              g_strdup (message)));
        }
      if (n_problems != NULL)
        *n_problems = 1;
      goto out;
    }

  if (progress != NULL)
    progress (length, length, user_data);

  _lode_reader_init (&reader, name, portfolio);
  result = _lode_reader_read_portfolio (&reader, root, read_exports_cb, &s, error);
  if (result == NULL && reader.n_errors > 0)
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&reader.errors);
      if (n_problems != NULL)
        *n_problems = reader.n_errors;
    }
  _lode_reader_clear (&reader);

out:
  _lode_json_tokenizer_clear (&s.tokenizer);
  _lode_reader_clear (&s.exports);
  g_string_free (s.strings, TRUE);
  string_cache_clear (&s.cache);
  g_hash_table_unref (s.referenced_minerals);
  g_hash_table_unref (s.referenced_sources);

  return result;
}

LodePortfolio *
_lode_portfolio_read (const char            *data,
                      gsize                  length,
                      const char            *name,
                      LodeLoadProgressFunc   progress,
                      gpointer               user_data,
                      GCancellable          *cancellable,
                      GError               **error)
{
  return read_portfolio (data, length, name, progress, user_data, cancellable, NULL, NULL, error);
}

LodePortfolio *
_lode_portfolio_load_data_with_problems (const char   *data,
                                         gsize         length,
                                         const char   *name,
                                         GPtrArray   **problems,
                                         guint        *n_problems,
                                         GError      **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  if (n_problems != NULL)
    *n_problems = 0;

  if (name == NULL)
    name = "portfolio";

  if (!_lode_portfolio_check_size (length, name, error))
    return NULL;

  return read_portfolio (data, length, name, NULL, NULL, NULL, problems, n_problems, error);
}
