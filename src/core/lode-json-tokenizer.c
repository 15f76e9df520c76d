/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lode-json-tokenizer-private.h"

#include <math.h>
#include <string.h>

#if defined(__SSE2__)
# include <emmintrin.h>
#endif

/* A strict RFC 8259 tokenizer in one pass over the bytes.
 *
 * Nesting is kept on explicit stacks (one byte per open container, plus a
 * frame per open object), never on the C stack, so any depth is safe. The
 * names of the open objects' members sit on a stack of small entries; a new
 * name is compared with the earlier names of its object, and an object with
 * many members gets a hash set instead. A @max_depth of 0 means no limit. */

/* Above this many members an object looks names up in a hash set. */
#define SMALL_OBJECT_MEMBERS 32
/* Duplicate names are quoted in messages up to about this many bytes. */
#define QUOTED_NAME_MAX 60

#define ONES    G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS   G_GUINT64_CONSTANT (0x8080808080808080)
#define SPACES  G_GUINT64_CONSTANT (0x2020202020202020)

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && (defined(__GNUC__) || defined(__clang__))
# define HAVE_FAST_SCAN 1
/* Index of the first byte, in memory order, that is not zero. */
# define FIRST_BYTE_SET(x) ((gsize) (__builtin_ctzll (x) >> 3))
#else
# define HAVE_FAST_SCAN 0
#endif

enum
{
  KIND_ARRAY,
  KIND_OBJECT,
};

#if HAVE_FAST_SCAN && defined(__SSE2__)
/* A bit for each of the sixteen bytes at @p that ends a plain run of a
 * string: quotes, backslashes, control characters (unsigned, at most
 * 0x1F) and bytes of multi-byte sequences (their high bit, which the
 * mask takes as it is); in @quotes, the bits of the quotes. */
static inline guint
string_stop_mask (const guchar *p,
                  guint        *quotes)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *) p);
  __m128i quote = _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('"'));
  __m128i backslash = _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\\'));
  __m128i control = _mm_cmpeq_epi8 (_mm_min_epu8 (v, _mm_set1_epi8 (0x1F)), v);

  *quotes = (guint) _mm_movemask_epi8 (quote);

  return (guint) _mm_movemask_epi8 (_mm_or_si128 (_mm_or_si128 (quote, backslash), control))
         | (guint) _mm_movemask_epi8 (v);
}
#endif

struct _LodeJsonKeyEntry
{
  guint64 head;     /* the first (up to) eight bytes of the decoded name */
  gsize   offset;   /* of the decoded name: in the data, or in the arena */
  gsize   length;   /* in bytes, decoded */
  gboolean decoded; /* the name had escapes and lives in the arena */
};
typedef LodeJsonKeyEntry KeyEntry;

typedef struct
{
  gsize *slots;     /* key index + 1, or 0 when free */
  gsize  mask;
  gsize  count;
} KeySet;

struct _LodeJsonObjectFrame
{
  gsize   first_key;
  gsize   arena_mark;
  guint64 seen;     /* one bit per name head: most names need no comparing */
  KeySet *set;
  /* _lode_json_tokenizer_next_known(): one bit per known name met, while
   * the object's names are all known ones (none on the stack of keys);
   * @generic once a name was not and the known ones went on the stack. */
  guint64 known_seen;
  gboolean generic;
};
typedef LodeJsonObjectFrame ObjectFrame;

typedef LodeJsonTokenizer Checker;

/* Bytes a string can hold without a closer look: not '"', '\\', a control
 * character or the start of a multi-byte sequence. */
static const guint8 string_special[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static inline gboolean
is_digit (guchar ch)
{
  return ch >= '0' && ch <= '9';
}

static inline gboolean
is_word_char (guchar ch)
{
  return g_ascii_isalnum (ch) || ch == '_';
}

/* Records why the text is refused, and where; @detail is taken. */
static gboolean
fail (Checker       *c,
      const guchar  *pos,
      LodeJsonError  code,
      char          *detail)
{
  c->error_pos = pos;
  c->error_code = code;
  c->error_detail = detail;
  return FALSE;
}

/* Length of the valid UTF-8 sequence at @p, or 0 when it is not valid. */
static gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar b0 = p[0];
  guchar lo = 0x80, hi = 0xBF;
  gsize n;

  if (b0 < 0x80)
    return 1;
  if (b0 < 0xC2 || b0 > 0xF4)
    return 0;

  n = b0 <= 0xDF ? 2 : b0 <= 0xEF ? 3 : 4;
  /* The second byte leaves out overlong forms (after E0 and F0),
   * surrogates (after ED) and what is past U+10FFFF (after F4). */
  if (b0 == 0xE0)
    lo = 0xA0;
  else if (b0 == 0xED)
    hi = 0x9F;
  else if (b0 == 0xF0)
    lo = 0x90;
  else if (b0 == 0xF4)
    hi = 0x8F;

  if ((gsize) (end - p) < n)
    return 0;
  if (p[1] < lo || p[1] > hi)
    return 0;
  for (gsize i = 2; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;

  return n;
}

static int
hex_value (guchar ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  ch |= 0x20;
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  return -1;
}

/* The four hex digits after "\u" at @p (which points at the backslash), or
 * -1 when they are not there. */
static int
read_u_escape (const guchar *p,
               const guchar *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (int i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = (value << 4) | digit;
    }

  return value;
}

/* Message for a character that is not allowed where it stands. */
static gboolean
fail_unexpected (Checker       *c,
                 const guchar  *p,
                 const guchar  *end,
                 LodeJsonError  expected)
{
  gsize n;

  if (p[0] == '/' && end - p >= 2 && (p[1] == '/' || p[1] == '*'))
    return fail (c, p, LODE_JSON_ERROR_COMMENT, NULL);

  if (expected != LODE_JSON_ERROR_NONE)
    return fail (c, p, expected, NULL);

  n = utf8_sequence_length (p, end);
  if (n == 0)
    return fail (c, p, LODE_JSON_ERROR_INVALID_UTF8, NULL);

  if (n == 1 && (p[0] < 0x20 || p[0] == 0x7F))
    return fail (c, p, LODE_JSON_ERROR_UNEXPECTED_CHARACTER, g_strdup_printf ("U+%04X", p[0]));
  if (n == 1)
    return fail (c, p, LODE_JSON_ERROR_UNEXPECTED_CHARACTER, g_strdup_printf ("'%c'", p[0]));

  return fail (c, p, LODE_JSON_ERROR_UNEXPECTED_CHARACTER,
               g_strdup_printf ("'%.*s' (U+%04X)", (int) n, (const char *) p,
                                g_utf8_get_char ((const char *) p)));
}

/* Scans the string whose opening quote is at @p. Returns the position after
 * the closing quote, or NULL on error. */
G_ALWAYS_INLINE static inline const guchar *
scan_string (Checker      *c,
             const guchar *p,
             const guchar *end,
             gboolean     *has_escape)
{
  const guchar *open = p;

  p++;

  for (;;)
    {
      guchar ch;

#if HAVE_FAST_SCAN && defined(__SSE2__)
      /* Sixteen bytes at a time. */
      while (end - p >= 16)
        {
          guint quotes;
          guint mask = string_stop_mask (p, &quotes);

          if (mask != 0)
            {
              guint first = mask & -mask;

              if ((first & quotes) != 0)
                return p + __builtin_ctz (mask) + 1;
              p += __builtin_ctz (mask);
              goto special;
            }
          p += 16;
        }
#endif
#if HAVE_FAST_SCAN
      while (end - p >= 8)
        {
          guint64 v, q, b, t;

          memcpy (&v, p, 8);
          q = v ^ (ONES * '"');
          b = v ^ (ONES * '\\');
          t = ((v - ONES * 0x20) & ~v)
              | ((q - ONES) & ~q)
              | ((b - ONES) & ~b)
              | v;
          t &= HIGHS;
          if (t != 0)
            {
              guint64 quotes = (q - ONES) & ~q & HIGHS;

              /* The first special byte is the closing quote: the usual
               * case, decided without loading the byte again. */
              if ((t & -t & quotes) != 0)
                return p + FIRST_BYTE_SET (t) + 1;
              p += FIRST_BYTE_SET (t);
              goto special;
            }
          p += 8;
        }
#endif
      while (p < end && !string_special[*p])
        p++;

      if (p == end)
        return fail (c, open, LODE_JSON_ERROR_UNTERMINATED_STRING, NULL), NULL;

#if HAVE_FAST_SCAN
    special:
#endif
      ch = *p;

      if (ch == '"')
        return p + 1;

      if (ch == '\\')
        {
          *has_escape = TRUE;

          if (end - p < 2)
            return fail (c, open, LODE_JSON_ERROR_UNTERMINATED_STRING, NULL), NULL;

          switch (p[1])
            {
            case '"': case '\\': case '/':
            case 'b': case 'f': case 'n': case 'r': case 't':
              p += 2;
              break;

            case 'u':
              {
                int unit = read_u_escape (p, end);

                if (unit < 0)
                  return fail (c, p, LODE_JSON_ERROR_INVALID_ESCAPE, NULL), NULL;

                if (unit >= 0xDC00 && unit <= 0xDFFF)
                  return fail (c, p, LODE_JSON_ERROR_LONE_SURROGATE, NULL), NULL;

                if (unit >= 0xD800 && unit <= 0xDBFF)
                  {
                    int low = read_u_escape (p + 6, end);

                    if (low < 0xDC00 || low > 0xDFFF)
                      return fail (c, p, LODE_JSON_ERROR_LONE_SURROGATE, NULL), NULL;
                    p += 12;
                  }
                else
                  p += 6;
              }
              break;

            default:
              return fail (c, p, LODE_JSON_ERROR_INVALID_ESCAPE, NULL), NULL;
            }
        }
      else if (ch < 0x20)
        return fail (c, p, LODE_JSON_ERROR_CONTROL_CHARACTER, NULL), NULL;
      else
        {
          gsize n = utf8_sequence_length (p, end);

          if (n == 0)
            return fail (c, p, LODE_JSON_ERROR_INVALID_UTF8, NULL), NULL;
          p += n;
        }
    }
}

static void
append_utf8 (guchar   **out,
             gunichar   ch)
{
  *out += g_unichar_to_utf8 (ch, (char *) *out);
}

/* Decodes the checked string between @p (after the opening quote) and
 * @close (the closing quote) into @start; returns its length. */
static gsize
decode_escaped (const guchar *p,
                const guchar *close,
                guchar       *start)
{
  guchar *out = start;

  while (p < close)
    {
      if (*p != '\\')
        {
          *out++ = *p++;
          continue;
        }

      switch (p[1])
        {
        case 'b': *out++ = '\b'; p += 2; break;
        case 'f': *out++ = '\f'; p += 2; break;
        case 'n': *out++ = '\n'; p += 2; break;
        case 'r': *out++ = '\r'; p += 2; break;
        case 't': *out++ = '\t'; p += 2; break;
        case 'u':
          {
            gunichar unit = read_u_escape (p, close);

            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                gunichar low = read_u_escape (p + 6, close);

                append_utf8 (&out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                p += 12;
              }
            else
              {
                append_utf8 (&out, unit);
                p += 6;
              }
          }
          break;
        default: /* '"', '\\', '/' */
          *out++ = p[1];
          p += 2;
          break;
        }
    }

  return out - start;
}

gsize
_lode_json_decode_string (const char *text,
                          gsize       length,
                          char       *out)
{
  const guchar *p = (const guchar *) text;

  if (memchr (text, '\\', length) == NULL)
    {
      memcpy (out, text, length);
      return length;
    }

  return decode_escaped (p, p + length, (guchar *) out);
}

/* Decodes the checked string between @p (after the opening quote) and
 * @close (the closing quote) into the arena; returns its offset there. */
static gsize
decode_into_arena (Checker      *c,
                   const guchar *p,
                   const guchar *close,
                   gsize        *length)
{
  gsize offset = c->arena_len;

  /* Decoding never makes a string longer; eight more bytes let a name's
   * head be read in one load. */
  if (c->arena_alloc - c->arena_len < (gsize) (close - p) + 8)
    {
      c->arena_alloc = MAX (c->arena_alloc * 2, c->arena_len + (gsize) (close - p) + 256);
      c->arena = g_realloc (c->arena, c->arena_alloc);
    }

  *length = decode_escaped (p, close, c->arena + offset);
  c->arena_len = offset + *length;

  return offset;
}

static inline const guchar *
key_text (Checker        *c,
          const KeyEntry *key)
{
  return key->decoded ? c->arena + key->offset : c->data + key->offset;
}

static guint64
hash_bytes (const guchar *p,
            gsize         length)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ length;

  for (gsize i = 0; i < length; i++)
    h = (h ^ p[i]) * G_GUINT64_CONSTANT (0x100000001b3);

  return h ^ (h >> 29);
}

static gboolean
keys_equal (Checker        *c,
            const KeyEntry *a,
            const KeyEntry *b)
{
  return a->head == b->head
         && a->length == b->length
         && (a->length <= 8
             || memcmp (key_text (c, a) + 8, key_text (c, b) + 8, a->length - 8) == 0);
}

/* Adds key @index to @set, unless an equal key is there already; returns
 * FALSE in that case. */
static gboolean
key_set_insert (Checker *c,
                KeySet  *set,
                gsize    index)
{
  const KeyEntry *key = &c->keys[index];
  gsize i = hash_bytes (key_text (c, key), key->length) & set->mask;

  while (set->slots[i] != 0)
    {
      if (keys_equal (c, &c->keys[set->slots[i] - 1], key))
        return FALSE;
      i = (i + 1) & set->mask;
    }

  set->slots[i] = index + 1;
  set->count++;

  if (set->count * 2 > set->mask)
    {
      gsize *old = set->slots;
      gsize old_size = set->mask + 1;

      set->mask = old_size * 2 - 1;
      set->slots = g_new0 (gsize, old_size * 2);

      for (gsize j = 0; j < old_size; j++)
        {
          if (old[j] != 0)
            {
              const KeyEntry *moved = &c->keys[old[j] - 1];
              gsize k = hash_bytes (key_text (c, moved), moved->length) & set->mask;

              while (set->slots[k] != 0)
                k = (k + 1) & set->mask;
              set->slots[k] = old[j];
            }
        }

      g_free (old);
    }

  return TRUE;
}

static void
key_set_free (KeySet *set)
{
  if (set != NULL)
    {
      g_free (set->slots);
      g_free (set);
    }
}

static char *
quote_name (const guchar *text,
            gsize         length)
{
  GString *out = g_string_new ("\"");
  gsize shown = length;

  if (length > QUOTED_NAME_MAX)
    {
      shown = QUOTED_NAME_MAX;
      while (shown > 0 && (text[shown] & 0xC0) == 0x80)
        shown--;
    }

  for (gsize i = 0; i < shown; i++)
    {
      guchar ch = text[i];

      if (ch == '"' || ch == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, ch);
        }
      else if (ch < 0x20)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_c (out, ch);
    }

  if (shown < length)
    g_string_append (out, "…");
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

/* Records the member name whose opening quote is at @open and closing quote
 * just before @after; fails when the object already has that name. */
static gboolean
add_key (Checker      *c,
         const guchar *open,
         const guchar *after,
         gboolean      has_escape)
{
  ObjectFrame *frame = &c->objects[c->n_objects - 1];
  KeyEntry *key;
  const guchar *text;
  const guchar *limit;
  gsize offset, length;
  guint64 head;

  if (has_escape)
    {
      offset = decode_into_arena (c, open + 1, after - 1, &length);
      text = c->arena + offset;
      limit = c->arena + c->arena_alloc;
    }
  else
    {
      offset = (open + 1) - c->data;
      length = (after - 1) - (open + 1);
      text = open + 1;
      limit = c->end;
    }

  /* The head stays in a register: the comparisons below need no loads
   * from the new entry. */
  if (G_LIKELY (limit - text >= 8))
    {
      memcpy (&head, text, 8);
      if (length < 8)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
          head &= (G_GUINT64_CONSTANT (1) << (length * 8)) - 1;
#else
          head &= ~(~G_GUINT64_CONSTANT (0) >> (length * 8));
#endif
        }
    }
  else
    {
      head = 0;
      memcpy (&head, text, MIN (length, 8));
    }

  if (G_UNLIKELY (c->n_keys == c->keys_alloc))
    {
      c->keys_alloc = MAX (64, c->keys_alloc * 2);
      c->keys = g_renew (KeyEntry, c->keys, c->keys_alloc);
    }

  key = &c->keys[c->n_keys];
  key->head = head;
  key->offset = offset;
  key->length = length;
  key->decoded = has_escape;

  if (frame->set == NULL)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << ((head * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 58);

      if ((frame->seen & bit) != 0)
        {
          for (const KeyEntry *k = &c->keys[frame->first_key]; k < key; k++)
            if (k->head == head
                && k->length == length
                && (length <= 8 || memcmp (key_text (c, k) + 8, text + 8, length - 8) == 0))
              return fail (c, open, LODE_JSON_ERROR_DUPLICATE_MEMBER, quote_name (text, length));
        }
      frame->seen |= bit;

      if (G_UNLIKELY (c->n_keys - frame->first_key + 1 > SMALL_OBJECT_MEMBERS))
        {
          frame->set = g_new0 (KeySet, 1);
          frame->set->mask = 4 * SMALL_OBJECT_MEMBERS - 1;
          frame->set->slots = g_new0 (gsize, 4 * SMALL_OBJECT_MEMBERS);
          for (gsize i = frame->first_key; i <= c->n_keys; i++)
            key_set_insert (c, frame->set, i);
        }
    }
  else if (!key_set_insert (c, frame->set, c->n_keys))
    return fail (c, open, LODE_JSON_ERROR_DUPLICATE_MEMBER, quote_name (text, length));

  c->n_keys++;

  return TRUE;
}

static inline guint
names_slot (guint64 head)
{
  return (head * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 57;
}

G_STATIC_ASSERT (LODE_JSON_NAMES_SLOTS == 128);

void
_lode_json_names_init (LodeJsonNames      *names,
                       const char * const *list)
{
  memset (names, 0, sizeof *names);
  names->names = list;

  for (guint i = 0; list[i] != NULL; i++)
    {
      gsize length = strlen (list[i]);
      guint slot;

      g_return_if_fail (i < LODE_JSON_MAX_NAMES);
      g_return_if_fail (length <= G_MAXUINT8);

      names->lengths[i] = length;
      names->max_length = MAX (names->max_length, length);
      names->heads[i] = _lode_json_head_word ((const guchar *) list[i], length, (const guchar *) list[i]);
      if (length > 8)
        names->tails[i] = _lode_json_head_word ((const guchar *) list[i] + 8, length - 8,
                                     (const guchar *) list[i] + 8);
      for (slot = names_slot (names->heads[i]); names->slots[slot] != 0;
           slot = (slot + 1) % LODE_JSON_NAMES_SLOTS)
        ;
      names->slots[slot] = i + 1;
      names->n_names = i + 1;
    }
}

/* The index of the name @text (@length bytes, no escapes) in @names, or
 * -1. */
G_ALWAYS_INLINE static inline int
names_lookup (const LodeJsonNames *names,
              const guchar        *text,
              gsize                length,
              const guchar        *limit)
{
  guint64 head = _lode_json_head_word (text, length, limit);
  guint slot;

  for (slot = names_slot (head); names->slots[slot] != 0;
       slot = (slot + 1) % LODE_JSON_NAMES_SLOTS)
    {
      guint i = names->slots[slot] - 1;

      if (names->heads[i] == head && names->lengths[i] == length)
        {
          if (length <= 8)
            return i;
          if (length <= 16
              && _lode_json_head_word (text + 8, length - 8, limit) == names->tails[i])
            return i;
          if (length > 16 && memcmp (names->names[i] + 8, text + 8, length - 8) == 0)
            return i;
        }
    }

  return -1;
}

/* The object's names were all known ones, checked by their bits alone:
 * puts them on the stack of keys, as add_key() would have, so that the
 * names after them are checked against them. */
static void
push_known_names (Checker             *c,
                  const LodeJsonNames *names)
{
  ObjectFrame *frame = &c->objects[c->n_objects - 1];
  guint64 seen = frame->known_seen;

  frame->known_seen = 0;
  frame->generic = TRUE;

  for (guint i = 0; seen != 0; i++, seen >>= 1)
    {
      guchar quoted[G_MAXUINT8 + 2];
      gsize length = names->lengths[i];
      gboolean added;

      if ((seen & 1) == 0)
        continue;

      /* Given as a decoded name, its text goes to the arena. */
      quoted[0] = '"';
      memcpy (quoted + 1, names->names[i], length);
      quoted[length + 1] = '"';
      added = add_key (c, quoted, quoted + length + 2, TRUE);
      g_assert (added);
    }
}

/* Checks that the number at @start..@end_of_number (already known to follow
 * the grammar) fits a double: its magnitude must not overflow. */
static gboolean
number_in_range (const guchar *start,
                 const guchar *end_of_number)
{
  char small[64];
  g_autofree char *large = NULL;
  gsize length = end_of_number - start;
  char *text;

  if (length < sizeof small)
    text = small;
  else
    text = large = g_malloc (length + 1);

  memcpy (text, start, length);
  text[length] = '\0';

  return isfinite (g_ascii_strtod (text, NULL));
}

/* Skips JSON whitespace, counting lines. Most tokens have none before them,
 * or one space; runs of spaces (indents) go eight at a time. */
#if HAVE_FAST_SCAN
# define SKIP_SPACES()                                                  \
  G_STMT_START {                                                        \
    while (end - p >= 8)                                                \
      {                                                                 \
        guint64 v_, x_;                                                 \
        memcpy (&v_, p, 8);                                             \
        x_ = v_ ^ SPACES;                                               \
        if (x_ != 0)                                                    \
          {                                                             \
            p += FIRST_BYTE_SET (x_);                                   \
            break;                                                      \
          }                                                             \
        p += 8;                                                         \
      }                                                                 \
  } G_STMT_END
#else
# define SKIP_SPACES() G_STMT_START { } G_STMT_END
#endif

#define SKIP_WHITESPACE()                                               \
  G_STMT_START {                                                        \
    while (p < end && *p <= ' ')                                        \
      {                                                                 \
        guchar ws_ = *p;                                                \
        if (ws_ == '\n')                                                \
          {                                                             \
            line++;                                                     \
            line_start = ++p;                                           \
            SKIP_SPACES ();                                             \
          }                                                             \
        else if (ws_ == ' ' || ws_ == '\t' || ws_ == '\r')              \
          p++;                                                          \
        else                                                            \
          break;                                                        \
      }                                                                 \
  } G_STMT_END


enum
{
  STATE_START,
  STATE_VALUE,
  STATE_OBJECT_FIRST,
  STATE_ARRAY_FIRST,
  STATE_AFTER_VALUE,
  STATE_DONE,
  STATE_FAILED,
};

#define FAIL(pos, code, detail)                                         \
  G_STMT_START {                                                        \
    fail (c, (pos), (code), (detail));                                  \
    goto failed;                                                        \
  } G_STMT_END

/* Scans the string whose opening quote, @open, is at p, as scan_string()
 * does (has_escape says whether it holds one), and refuses it when it is
 * longer than the limit (0: no limit). p is then after its closing
 * quote. */
#define SCAN_STRING(open)                                               \
  G_STMT_START {                                                        \
    has_escape = FALSE;                                                 \
    p = scan_string (c, p, end, &has_escape);                           \
    if (p == NULL)                                                      \
      goto failed;                                                      \
    if (G_UNLIKELY (c->max_string_length != 0                           \
                    && (gsize) (p - (open)) - 2 > c->max_string_length)) \
      FAIL ((open), LODE_JSON_ERROR_STRING_TOO_LONG,                    \
            g_strdup_printf ("%" G_GSIZE_FORMAT, c->max_string_length)); \
  } G_STMT_END

/* Keeps the position and returns @kind; the next call goes on in @next. */
#define EMIT(next, kind)                                                \
  G_STMT_START {                                                        \
    c->state = (next);                                                  \
    c->p = p;                                                           \
    c->line = line;                                                     \
    c->line_start = line_start;                                         \
    return (kind);                                                      \
  } G_STMT_END

void
_lode_json_tokenizer_init (LodeJsonTokenizer *self,
                           const char        *data,
                           gsize              length,
                           guint              max_depth,
                           gsize              max_string_length)
{
  g_return_if_fail (data != NULL || length == 0);

  memset (self, 0, sizeof *self);
  self->data = (const guchar *) data;
  self->end = self->data + length;
  self->p = self->data;
  self->line_start = self->data;
  self->line = 1;
  self->max_depth = max_depth;
  self->limit = max_depth == 0 ? G_MAXSIZE : max_depth;
  self->max_string_length = max_string_length;
  self->state = STATE_START;
}

void
_lode_json_tokenizer_clear (LodeJsonTokenizer *self)
{
  for (gsize i = 0; i < self->n_objects; i++)
    key_set_free (self->objects[i].set);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->objects, g_free);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->arena, g_free);
  g_clear_pointer (&self->error_detail, g_free);
  self->n_objects = 0;
}

static inline void
push_kind (Checker *c,
           guint8   kind)
{
  if (c->depth == c->kinds_alloc)
    {
      c->kinds_alloc = MAX (64, c->kinds_alloc * 2);
      c->kinds = g_realloc (c->kinds, c->kinds_alloc);
    }
  c->kinds[c->depth++] = kind;
}

G_ALWAYS_INLINE static inline LodeJsonTokenKind
tokenizer_next (LodeJsonTokenizer   *c,
                LodeJsonToken       *out,
                gboolean             pair,
                const LodeJsonNames *known)
{
  LodeJsonToken *token = out;
  const guchar *name_open = NULL;
  const guchar *name_close = NULL;
  gboolean name_has_escape = FALSE;
  int member_index = -1;
  const guchar *p = c->p;
  const guchar *end = c->end;
  const guchar *line_start = c->line_start;
  const guchar *comma;
  gsize line = c->line;
  gboolean has_escape;

  switch (c->state)
    {
    case STATE_START:
      break;
    case STATE_VALUE:
      goto value;
    case STATE_OBJECT_FIRST:
      goto object_first;
    case STATE_ARRAY_FIRST:
      goto array_first;
    case STATE_AFTER_VALUE:
      goto after_value;
    case STATE_DONE:
      return LODE_JSON_TOKEN_END;
    default:
      return LODE_JSON_TOKEN_ERROR;
    }

  if (p == end)
    FAIL (p, LODE_JSON_ERROR_EMPTY, NULL);

  if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    FAIL (p, LODE_JSON_ERROR_BYTE_ORDER_MARK, NULL);

  SKIP_WHITESPACE ();
  if (p == end)
    {
      /* Point at the start: there is nothing else to point at. */
      line = 1;
      line_start = c->data;
      FAIL (c->data, LODE_JSON_ERROR_ONLY_WHITESPACE, NULL);
    }

value:
  if (p == end)
    FAIL (p, LODE_JSON_ERROR_UNEXPECTED_END, NULL);

  switch (*p)
    {
    case '"':
      {
        const guchar *open = p;

        SCAN_STRING (open);
        token->text = (const char *) open + 1;
        token->length = (p - open) - 2;
        token->has_escape = has_escape;
      }
      EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_STRING);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      {
        const guchar *start = p;
        const guchar *int_start;
        const guchar *frac_start = NULL;
        const guchar *frac_end = NULL;
        gsize int_digits;
        gint64 exponent = 0;
        gboolean has_exponent = FALSE;
        guint64 mantissa = 0;

        if (*p == '-')
          {
            p++;
            if (p == end || !is_digit (*p))
              {
                if (p < end && (*p == 'I' || *p == 'N'))
                  FAIL (start, LODE_JSON_ERROR_NAN_INFINITY, NULL);
                FAIL (start, LODE_JSON_ERROR_INVALID_NUMBER, NULL);
              }
          }

        int_start = p;
        if (*p == '0')
          {
            p++;
            if (p < end && is_digit (*p))
              FAIL (start, LODE_JSON_ERROR_LEADING_ZEROS, NULL);
          }
        else
          {
            while (p < end && is_digit (*p))
              {
                mantissa = mantissa * 10 + (*p - '0');
                p++;
              }
          }
        int_digits = p - int_start;

        if (p < end && *p == '.')
          {
            p++;
            frac_start = p;
            while (p < end && is_digit (*p))
              {
                mantissa = mantissa * 10 + (*p - '0');
                p++;
              }
            frac_end = p;
            if (frac_start == frac_end)
              FAIL (start, LODE_JSON_ERROR_INVALID_NUMBER, NULL);
          }

        if (p < end && (*p == 'e' || *p == 'E'))
          {
            gboolean negative = FALSE;
            const guchar *exp_start;

            has_exponent = TRUE;
            p++;
            if (p < end && (*p == '+' || *p == '-'))
              {
                negative = *p == '-';
                p++;
              }
            exp_start = p;
            while (p < end && is_digit (*p))
              {
                /* Past this the number is 0 or out of range anyway. */
                if (exponent < G_GINT64_CONSTANT (1000000000000000))
                  exponent = exponent * 10 + (*p - '0');
                p++;
              }
            if (p == exp_start)
              FAIL (start, LODE_JSON_ERROR_INVALID_NUMBER, NULL);
            if (negative)
              exponent = -exponent;
          }

        if (has_exponent || int_digits > 300)
          {
            /* The decimal exponent of the first significant digit. */
            gint64 magnitude = G_MININT64;

            if (*int_start != '0')
              magnitude = (gint64) int_digits - 1 + exponent;
            else if (frac_start != NULL)
              {
                for (const guchar *f = frac_start; f < frac_end; f++)
                  if (*f != '0')
                    {
                      magnitude = exponent - (gint64) (f - frac_start) - 1;
                      break;
                    }
              }

            if (magnitude > 308
                || (magnitude == 308 && !number_in_range (start, p)))
              FAIL (start, LODE_JSON_ERROR_NUMBER_OUT_OF_RANGE, NULL);
          }

        token->text = (const char *) start;
        token->length = p - start;
        token->is_integer = frac_start == NULL && !has_exponent;
        /* The digits as one integer, when they are few enough for it to
         * be exact: no more than 19 in all. */
        token->digits = int_digits + (frac_start != NULL ? frac_end - frac_start : 0);
        token->decimals = frac_start != NULL ? frac_end - frac_start : 0;
        token->mantissa = token->digits <= 19 && !has_exponent ? mantissa : 0;
        if (token->digits > 19 || has_exponent)
          token->digits = G_MAXUINT;
      }
      EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_NUMBER);

    case '{':
      if (c->depth >= c->limit)
        FAIL (p, LODE_JSON_ERROR_TOO_DEEP, g_strdup_printf ("%u", c->max_depth));
      push_kind (c, KIND_OBJECT);
      if (c->n_objects == c->objects_alloc)
        {
          c->objects_alloc = MAX (16, c->objects_alloc * 2);
          c->objects = g_renew (ObjectFrame, c->objects, c->objects_alloc);
        }
      c->objects[c->n_objects].first_key = c->n_keys;
      c->objects[c->n_objects].arena_mark = c->arena_len;
      c->objects[c->n_objects].seen = 0;
      c->objects[c->n_objects].set = NULL;
      c->objects[c->n_objects].known_seen = 0;
      c->objects[c->n_objects].generic = FALSE;
      c->n_objects++;
      p++;
      EMIT (STATE_OBJECT_FIRST, LODE_JSON_TOKEN_OBJECT_START);

    case '[':
      if (c->depth >= c->limit)
        FAIL (p, LODE_JSON_ERROR_TOO_DEEP, g_strdup_printf ("%u", c->max_depth));
      push_kind (c, KIND_ARRAY);
      p++;
      EMIT (STATE_ARRAY_FIRST, LODE_JSON_TOKEN_ARRAY_START);

    default:
      if (g_ascii_isalpha (*p))
        {
          const guchar *word = p;
          gsize n;

          while (p < end && is_word_char (*p))
            p++;
          n = p - word;

          if (n == 4 && memcmp (word, "true", 4) == 0)
            EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_TRUE);
          if (n == 4 && memcmp (word, "null", 4) == 0)
            EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_NULL);
          if (n == 5 && memcmp (word, "false", 5) == 0)
            EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_FALSE);

          if ((n == 3 && memcmp (word, "NaN", 3) == 0)
              || (n == 8 && memcmp (word, "Infinity", 8) == 0))
            FAIL (word, LODE_JSON_ERROR_NAN_INFINITY, NULL);

          FAIL (word, LODE_JSON_ERROR_UNEXPECTED_WORD,
                g_strdup_printf ("'%.*s%s'", (int) MIN (n, 20), (const char *) word,
                                 n > 20 ? "…" : ""));
        }

      fail_unexpected (c, p, end, LODE_JSON_ERROR_NONE);
      goto failed;
    }

object_first:
  SKIP_WHITESPACE ();
  if (p == end)
    FAIL (p, LODE_JSON_ERROR_UNEXPECTED_END, NULL);
  if (*p == '}')
    {
      p++;
      c->depth--;
      c->n_objects--;
      EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_OBJECT_END);
    }
  goto member;

array_first:
  SKIP_WHITESPACE ();
  if (p < end && *p == ']')
    {
      p++;
      c->depth--;
      EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_ARRAY_END);
    }
  goto value;

after_value:
  if (c->depth == 0)
    goto finish;

  SKIP_WHITESPACE ();
  if (p == end)
    FAIL (p, LODE_JSON_ERROR_UNEXPECTED_END, NULL);

  if (c->kinds[c->depth - 1] == KIND_OBJECT)
    {
      if (*p == ',')
        {
          comma = p++;
          SKIP_WHITESPACE ();
          if (p == end)
            FAIL (p, LODE_JSON_ERROR_UNEXPECTED_END, NULL);
          if (*p == '}')
            FAIL (comma, LODE_JSON_ERROR_TRAILING_COMMA, NULL);
          goto member;
        }
      else if (*p == '}')
        {
          ObjectFrame *frame = &c->objects[--c->n_objects];

          c->n_keys = frame->first_key;
          c->arena_len = frame->arena_mark;
          g_clear_pointer (&frame->set, key_set_free);
          c->depth--;
          p++;
          EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_OBJECT_END);
        }

      fail_unexpected (c, p, end, LODE_JSON_ERROR_EXPECTED_COMMA_OR_BRACE);
      goto failed;
    }
  else
    {
      if (*p == ',')
        {
          comma = p++;
          SKIP_WHITESPACE ();
          if (p < end && *p == ']')
            FAIL (comma, LODE_JSON_ERROR_TRAILING_COMMA, NULL);
          goto value;
        }
      else if (*p == ']')
        {
          c->depth--;
          p++;
          EMIT (STATE_AFTER_VALUE, LODE_JSON_TOKEN_ARRAY_END);
        }

      fail_unexpected (c, p, end, LODE_JSON_ERROR_EXPECTED_COMMA_OR_BRACKET);
      goto failed;
    }

member:
  if (*p != '"')
    {
      fail_unexpected (c, p, end, LODE_JSON_ERROR_EXPECTED_NAME);
      goto failed;
    }
  {
    const guchar *open = p;

    SCAN_STRING (open);
    if (known != NULL)
      {
        ObjectFrame *frame = &c->objects[c->n_objects - 1];

        member_index = -1;
        if (!has_escape && !frame->generic)
          member_index = names_lookup (known, open + 1, (p - open) - 2, end);
        if (member_index >= 0)
          {
            guint64 bit = G_GUINT64_CONSTANT (1) << member_index;

            if ((frame->known_seen & bit) != 0)
              FAIL (open, LODE_JSON_ERROR_DUPLICATE_MEMBER, quote_name (open + 1, (p - open) - 2));
            frame->known_seen |= bit;
          }
        else
          {
            if (!frame->generic)
              push_known_names (c, known);
            if (!add_key (c, open, p, has_escape))
              goto failed;
          }
      }
    else if (!add_key (c, open, p, has_escape))
      goto failed;
    name_open = open;
    name_close = p;
    name_has_escape = has_escape;
  }
  SKIP_WHITESPACE ();
  if (p == end)
    FAIL (p, LODE_JSON_ERROR_UNEXPECTED_END, NULL);
  if (*p != ':')
    {
      fail_unexpected (c, p, end, LODE_JSON_ERROR_EXPECTED_COLON);
      goto failed;
    }
  p++;
  /* Most often one space, then the value. */
  if (p < end && *p == ' ')
    p++;
  SKIP_WHITESPACE ();
  if (known != NULL)
    token->member = member_index;
  token->name = (const char *) name_open + 1;
  token->name_length = (name_close - name_open) - 2;
  token->name_has_escape = name_has_escape;
  /* A pair is a member and the first token of its value, in one call. */
  if (pair)
    goto value;
  token->text = token->name;
  token->length = token->name_length;
  token->has_escape = token->name_has_escape;
  EMIT (STATE_VALUE, LODE_JSON_TOKEN_MEMBER);

finish:
  SKIP_WHITESPACE ();
  if (p != end)
    {
      fail_unexpected (c, p, end, LODE_JSON_ERROR_TEXT_AFTER_END);
      goto failed;
    }
  EMIT (STATE_DONE, LODE_JSON_TOKEN_END);

failed:
  EMIT (STATE_FAILED, LODE_JSON_TOKEN_ERROR);
}

/* The position after the spaces at @p: an indent, eight bytes at a
 * time. */
G_ALWAYS_INLINE static inline const guchar *
skip_spaces (const guchar *p,
             const guchar *end)
{
#if HAVE_FAST_SCAN
  while (end - p >= 8)
    {
      guint64 v, x;

      memcpy (&v, p, 8);
      x = v ^ SPACES;
      if (x != 0)
        return p + FIRST_BYTE_SET (x);
      p += 8;
    }
#endif
  while (p < end && *p == ' ')
    p++;

  return p;
}

/* The fast path of _lode_json_tokenizer_next_members(): the members of an
 * export record, and of most objects like it, are a known name written
 * plainly, then a plain string or a number without an exponent, in a
 * layout a writer makes. read_known_members() reads such members in a
 * tight loop and takes each only when it is whole and valid; at anything
 * else (an escape, a control character, an exponent, an unknown or a
 * repeated name, a syntax error...) it stops before the member, and the
 * general tokenizer reads the member again from there, with its messages
 * and their places. */

/* Skips whitespace, counting lines. */
static inline const guchar *
fast_skip_whitespace (const guchar  *p,
                      const guchar  *end,
                      gsize         *line,
                      const guchar **line_start)
{
  while (p < end && *p <= ' ')
    {
      if (*p == '\n')
        {
          (*line)++;
          *line_start = ++p;
          /* The indent of the next line. */
          p = skip_spaces (p, end);
        }
      else if (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
      else
        break;
    }

  return p;
}

/* The end of the plain string whose opening quote is at @p (after the
 * closing quote), or NULL when it holds an escape or a control
 * character, is not valid UTF-8 or does not end. */
static inline const guchar *
fast_scan_string (const guchar *p,
                  const guchar *end)
{
  p++;

  for (;;)
    {
#if HAVE_FAST_SCAN && defined(__SSE2__)
      while (end - p >= 16)
        {
          guint quotes;
          guint mask = string_stop_mask (p, &quotes);

          if (mask != 0)
            {
              p += __builtin_ctz (mask);
              goto special;
            }
          p += 16;
        }
#endif
      while (p < end && !string_special[*p])
        p++;
      if (p == end)
        return NULL;

#if HAVE_FAST_SCAN && defined(__SSE2__)
    special:
#endif
      if (*p == '"')
        return p + 1;
      if (*p < 0x80)
        return NULL;
      else
        {
          gsize n = utf8_sequence_length (p, end);

          if (n == 0)
            return NULL;
          p += n;
        }
    }
}

static const guint64 digit_scales[] = {
  1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
};

/* Appends the digits at @p to *@mantissa (wrapping past 19 digits, which
 * the caller refuses); returns their end. */
static inline const guchar *
scan_digits (const guchar *p,
             const guchar *end,
             guint64      *mantissa)
{
  guint64 m = *mantissa;

#if HAVE_FAST_SCAN
  /* Eight bytes at a time: which are digits, then their value. */
  while (end - p >= 8)
    {
      guint64 v, a, other;
      guint n;

      memcpy (&v, p, 8);
      a = v - G_GUINT64_CONSTANT (0x3030303030303030);
      /* The high bit of each byte that is not a digit: below '0' it is
       * set by the subtraction, above '9' by adding 0x76. A borrow or a
       * carry only spills into the bytes after one that is not a digit. */
      other = (a | (a + G_GUINT64_CONSTANT (0x7676767676767676)))
              & G_GUINT64_CONSTANT (0x8080808080808080);
      n = other != 0 ? FIRST_BYTE_SET (other) : 8;
      if (n == 0)
        break;

      /* The digits as the last n bytes, the first the most significant,
       * then pairs, fours and eights of them added up. */
      a <<= 8 * (8 - n);
      a = ((a & G_GUINT64_CONSTANT (0x0F0F0F0F0F0F0F0F)) * 2561) >> 8;
      a = ((a & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF)) * 6553601) >> 16;
      a = ((a & G_GUINT64_CONSTANT (0x0000FFFF0000FFFF)) * G_GUINT64_CONSTANT (42949672960001)) >> 32;

      m = m * digit_scales[n] + a;
      p += n;
      if (n < 8)
        {
          *mantissa = m;
          return p;
        }
    }
#endif

  while (p < end && is_digit (*p))
    m = m * 10 + (*p++ - '0');
  *mantissa = m;

  return p;
}

/* Reads the number at @p into @token when it has at most 19 digits and no
 * exponent; returns its end, or NULL. */
static inline const guchar *
fast_scan_number (const guchar  *p,
                  const guchar  *end,
                  LodeJsonToken *token)
{
  const guchar *start = p;
  const guchar *frac_start;
  guint64 mantissa = 0;
  guint digits;

  if (p < end && *p == '0')
    p++;
  else
    p = scan_digits (p, end, &mantissa);
  digits = p - start;

  token->is_integer = TRUE;
  token->decimals = 0;
  if (p < end && *p == '.')
    {
      frac_start = ++p;
      p = scan_digits (p, end, &mantissa);
      if (p == frac_start)
        return NULL;
      token->is_integer = FALSE;
      token->decimals = p - frac_start;
      digits += token->decimals;
    }

  /* Leading zeros, an exponent and long numbers are the general path's. */
  if (p < end && (is_digit (*p) || *p == 'e' || *p == 'E'))
    return NULL;
  if (digits > 19)
    return NULL;

  token->text = (const char *) start;
  token->length = p - start;
  token->mantissa = mantissa;
  token->digits = digits;
  token->kind = LODE_JSON_TOKEN_NUMBER;

  return p;
}

/* Learns the bytes @from..@to as @pattern, when they are few enough to be
 * compared in two words; counts the newlines among them. */
static void
pattern_learn (LodeJsonPattern *pattern,
               const guchar    *from,
               const guchar    *to)
{
  gsize length = to - from;

  pattern->length = 0;
  if (length == 0 || length > 16)
    return;

  /* Words as memcpy() loads them, whatever the byte order. */
  memset (pattern->words, 0, sizeof pattern->words);
  memset (pattern->masks, 0, sizeof pattern->masks);
  memcpy (pattern->words, from, length);
  memset (pattern->masks, 0xff, length);

  pattern->newlines = 0;
  pattern->line_start = 0;
  for (gsize i = 0; i < length; i++)
    if (from[i] == '\n')
      {
        pattern->newlines++;
        pattern->line_start = i + 1;
      }

  pattern->length = length;
}

/* Whether the bytes at @p are those of @pattern. */
static inline gboolean
pattern_match (const LodeJsonPattern *pattern,
               const guchar          *p,
               const guchar          *end)
{
  guint64 w0, w1;

  if (pattern->length == 0 || end - p < 16)
    return FALSE;

  memcpy (&w0, p, 8);
  memcpy (&w1, p + 8, 8);

  return (w0 & pattern->masks[0]) == pattern->words[0]
         && (w1 & pattern->masks[1]) == pattern->words[1];
}

/* Reads members of the innermost object while they take the fast path;
 * TRUE when it read the end of the object too.
 *
 * Records written by one program look alike: the same members in the
 * same order, the same whitespace between them. The bytes from a value to
 * the next member's name (the gap) and from a name's quote to its value
 * are learned from the text as it is read, in @names; where the next
 * bytes are the same, they are taken at once, being known to be a valid
 * gap or the name of the member expected next. */
static gboolean
read_known_members (Checker       *c,
                    LodeJsonNames *names,
                    LodeJsonToken *values,
                    guint64       *present)
{
  const guchar *p = c->p;
  const guchar *end = c->end;
  const guchar *line_start = c->line_start;
  gsize line = c->line;
  gboolean first;
  guint previous = LODE_JSON_MAX_NAMES;
  ObjectFrame *frame;

  if (c->state == STATE_OBJECT_FIRST)
    first = TRUE;
  else if (c->state == STATE_AFTER_VALUE && c->depth > 0
           && c->kinds[c->depth - 1] == KIND_OBJECT)
    first = FALSE;
  else
    return FALSE;

  frame = &c->objects[c->n_objects - 1];
  if (frame->generic)
    return FALSE;

  /* A limit below the names' lengths is the general path's to enforce. */
  if (c->max_string_length != 0 && c->max_string_length < names->max_length)
    return FALSE;

  for (;;)
    {
      LodeJsonPattern *gap = first ? &names->first_gap : &names->gap;
      const guchar *gap_start = p;
      const guchar *name;
      const guchar *after;
      LodeJsonToken *token;
      guint64 bit;
      int index;

      if (pattern_match (gap, p, end))
        {
          if (gap->newlines != 0)
            {
              line += gap->newlines;
              line_start = p + gap->line_start;
            }
          p += gap->length - 1;
        }
      else
        {
          if (p == end || *p <= ' ')
            p = fast_skip_whitespace (p, end, &line, &line_start);
          if (p == end)
            break;
          if (*p == '}')
            {
              /* As the general path closes an object. */
              c->n_keys = frame->first_key;
              c->arena_len = frame->arena_mark;
              g_clear_pointer (&frame->set, key_set_free);
              c->n_objects--;
              c->depth--;
              c->p = p + 1;
              c->line = line;
              c->line_start = line_start;
              c->state = STATE_AFTER_VALUE;
              return TRUE;
            }
          if (!first)
            {
              if (*p != ',')
                break;
              p++;
              /* Most often a new line and its indent. */
              if (p < end && *p == '\n')
                {
                  line++;
                  line_start = ++p;
                  p = skip_spaces (p, end);
                }
              if (p < end && *p <= ' ')
                p = fast_skip_whitespace (p, end, &line, &line_start);
            }
          if (p == end || *p != '"')
            break;
          /* The gap and the name's opening quote. */
          pattern_learn (gap, gap_start, p + 1);
        }

      name = p;
      index = names->next[previous] - 1;
      if (index >= 0
          && (frame->known_seen & (G_GUINT64_CONSTANT (1) << index)) == 0
          && pattern_match (&names->members[index], p, end))
        {
          /* The member expected, written as before. */
          bit = G_GUINT64_CONSTANT (1) << index;
          p += names->members[index].length;
        }
      else
        {
          after = fast_scan_string (p, end);
          if (after == NULL)
            break;
          index = names_lookup (names, name + 1, (after - name) - 2, end);
          if (index < 0)
            break;
          bit = G_GUINT64_CONSTANT (1) << index;
          if ((frame->known_seen & bit) != 0)
            break;

          p = after;
          if (p < end && *p <= ' ')
            p = fast_skip_whitespace (p, end, &line, &line_start);
          if (p == end || *p != ':')
            break;
          p++;
          /* Most often one space, then the value. */
          if (p < end && *p == ' ')
            p++;
          if (p < end && *p <= ' ')
            p = fast_skip_whitespace (p, end, &line, &line_start);
          if (p == end)
            break;

          /* Learnt only without newlines, which would need counting. */
          pattern_learn (&names->members[index], name, p);
          if (names->members[index].newlines != 0)
            names->members[index].length = 0;
          names->next[previous] = index + 1;
        }

      token = &values[index];
      if (p == end)
        break;
      if (*p == '"')
        {
          after = fast_scan_string (p, end);
          if (after == NULL
              || (c->max_string_length != 0
                  && (gsize) (after - p) - 2 > c->max_string_length))
            break;
          token->text = (const char *) p + 1;
          token->length = (after - p) - 2;
          token->has_escape = FALSE;
          token->kind = LODE_JSON_TOKEN_STRING;
        }
      else if (is_digit (*p))
        {
          after = fast_scan_number (p, end, token);
          if (after == NULL)
            break;
        }
      else
        break;

      /* The member is whole: take it. */
      token->member = index;
      frame->known_seen |= bit;
      *present |= bit;
      p = after;
      c->p = p;
      c->line = line;
      c->line_start = line_start;
      c->state = STATE_AFTER_VALUE;
      first = FALSE;
      previous = index;
    }

  return FALSE;
}

LodeJsonTokenKind
_lode_json_tokenizer_next (LodeJsonTokenizer *self,
                           LodeJsonToken     *token)
{
  return tokenizer_next (self, token, FALSE, NULL);
}

LodeJsonTokenKind
_lode_json_tokenizer_next_pair (LodeJsonTokenizer *self,
                                LodeJsonToken     *token)
{
  return tokenizer_next (self, token, TRUE, NULL);
}

LodeJsonTokenKind
_lode_json_tokenizer_next_members (LodeJsonTokenizer   *self,
                                   LodeJsonToken       *token,
                                   LodeJsonNames       *names,
                                   LodeJsonToken       *values,
                                   guint64             *present)
{
  if (read_known_members (self, names, values, present))
    return LODE_JSON_TOKEN_OBJECT_END;

  return tokenizer_next (self, token, TRUE, names);
}

void
_lode_json_tokenizer_get_error (LodeJsonTokenizer  *c,
                                guint              *line_out,
                                guint              *column_out,
                                LodeJsonError      *code_out,
                                const char        **detail_out)
{
  const guchar *pos = c->error_pos;
  const guchar *line_start = c->line_start;
  gsize line = c->line;
  gsize column = 1;

  g_return_if_fail (c->state == STATE_FAILED);

  /* The error may lie before the current line (a trailing comma followed
   * by newlines): step back to its line. */
  if (pos < line_start)
    {
      for (const guchar *q = pos; q < line_start; q++)
        if (*q == '\n')
          line--;
      line_start = pos;
      while (line_start > c->data && line_start[-1] != '\n')
        line_start--;
    }

  for (const guchar *q = line_start; q < pos; q++)
    if ((*q & 0xC0) != 0x80)
      column++;

  if (line_out != NULL)
    *line_out = (guint) MIN (line, G_MAXUINT);
  if (column_out != NULL)
    *column_out = (guint) MIN (column, G_MAXUINT);
  if (code_out != NULL)
    *code_out = c->error_code;
  if (detail_out != NULL)
    *detail_out = c->error_detail;
}
