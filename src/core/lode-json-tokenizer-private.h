/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The strict RFC 8259 tokenizer behind lode_json_check() and the portfolio
 * reader: a pull parser over a whole text in memory. Each call to
 * _lode_json_tokenizer_next() checks the next token as lode_json_check()
 * does (see lode-json-check.h for what is refused) and returns it; the first
 * error ends the text. Strings are given as written (between the quotes,
 * escapes not decoded); _lode_json_decode_string() decodes them. */

typedef enum
{
  LODE_JSON_TOKEN_ERROR,
  LODE_JSON_TOKEN_END,          /* the document is whole and nothing follows */
  LODE_JSON_TOKEN_OBJECT_START,
  LODE_JSON_TOKEN_OBJECT_END,
  LODE_JSON_TOKEN_ARRAY_START,
  LODE_JSON_TOKEN_ARRAY_END,
  LODE_JSON_TOKEN_MEMBER,       /* a member name; its value follows */
  LODE_JSON_TOKEN_STRING,
  LODE_JSON_TOKEN_NUMBER,
  LODE_JSON_TOKEN_TRUE,
  LODE_JSON_TOKEN_FALSE,
  LODE_JSON_TOKEN_NULL,
} LodeJsonTokenKind;

/* What the tokenizer refuses, each said in words (and in the user's
 * language) by _lode_json_error_message(). The last ones come with a
 * detail, a piece of the text or a limit. */
typedef enum
{
  LODE_JSON_ERROR_NONE,
  LODE_JSON_ERROR_NAN_INFINITY,
  LODE_JSON_ERROR_BYTE_ORDER_MARK,
  LODE_JSON_ERROR_COMMENT,
  LODE_JSON_ERROR_CONTROL_CHARACTER,
  LODE_JSON_ERROR_EXPECTED_COMMA_OR_BRACKET,
  LODE_JSON_ERROR_EXPECTED_COMMA_OR_BRACE,
  LODE_JSON_ERROR_EXPECTED_COLON,
  LODE_JSON_ERROR_EXPECTED_NAME,
  LODE_JSON_ERROR_INVALID_UTF8,
  LODE_JSON_ERROR_INVALID_ESCAPE,
  LODE_JSON_ERROR_INVALID_NUMBER,
  LODE_JSON_ERROR_LEADING_ZEROS,
  LODE_JSON_ERROR_LONE_SURROGATE,
  LODE_JSON_ERROR_NUMBER_OUT_OF_RANGE,
  LODE_JSON_ERROR_ONLY_WHITESPACE,
  LODE_JSON_ERROR_EMPTY,
  LODE_JSON_ERROR_TRAILING_COMMA,
  LODE_JSON_ERROR_UNEXPECTED_END,
  LODE_JSON_ERROR_TEXT_AFTER_END,
  LODE_JSON_ERROR_UNTERMINATED_STRING,
  LODE_JSON_ERROR_UNEXPECTED_CHARACTER,  /* 'x', U+0007 or 'é' (U+00E9) */
  LODE_JSON_ERROR_UNEXPECTED_WORD,       /* 'word', in quotes */
  LODE_JSON_ERROR_DUPLICATE_MEMBER,      /* "name", in quotes */
  LODE_JSON_ERROR_TOO_DEEP,              /* the most levels */
  LODE_JSON_ERROR_STRING_TOO_LONG,       /* the most bytes */
  LODE_JSON_N_ERRORS
} LodeJsonError;

/* @code with its @detail (or NULL) as a sentence in the user's language,
 * without the position. */
char             *_lode_json_error_message    (LodeJsonError      code,
                                               const char        *detail);

typedef struct
{
  const char *text;        /* strings and names: after the opening quote;
                            * numbers: the first character */
  gsize       length;      /* bytes as written, quotes excluded */
  gboolean    has_escape;  /* strings and names: has a backslash */
  gboolean    is_integer;  /* numbers: no fraction and no exponent */
  /* Numbers without an exponent and of at most 19 digits: the digits as
   * one integer (sign apart), how many there are and how many follow the
   * point; @digits is G_MAXUINT for the others. */
  guint64     mantissa;
  guint       digits;
  guint       decimals;
  /* _lode_json_tokenizer_next_pair(): the member name, as @text is */
  const char *name;
  gsize       name_length;
  gboolean    name_has_escape;
  /* _lode_json_tokenizer_next_members(): the index of the member's name
   * among the known names, or -1 (see there), and in @values, the kind of
   * the value */
  int         member;
  LodeJsonTokenKind kind;
} LodeJsonToken;

/* Names an object's members are expected to have, such as those of an
 * export record, for _lode_json_tokenizer_next_members(). At most 64
 * names, distinct and without characters that need escaping; set up with
 * _lode_json_names_init(), then also what the tokenizer learns of how
 * the text writes them. */
#define LODE_JSON_MAX_NAMES 64
#define LODE_JSON_NAMES_SLOTS 128

/* Up to 16 bytes of text, met before and expected again. */
typedef struct
{
  guint64 words[2];
  guint64 masks[2];
  guint8  length;      /* 0: none */
  guint8  newlines;    /* how many of the bytes are '\n' */
  guint8  line_start;  /* the offset after the last of them */
} LodeJsonPattern;

typedef struct
{
  const char * const *names;
  guint               n_names;
  gsize               max_length;
  guint8              lengths[LODE_JSON_MAX_NAMES];
  guint64             heads[LODE_JSON_MAX_NAMES];
  guint64             tails[LODE_JSON_MAX_NAMES];  /* the eight bytes after */
  /* name index + 1 by the hash of the name's first eight bytes, 0 free */
  guint8              slots[LODE_JSON_NAMES_SLOTS];
  /* Learned from the text: the bytes from a name's quote to its value,
   * from an object's '{' or from a value to the next name's quote
   * included, and the index + 1 of the member that came after each
   * (the last: after the '{'). */
  LodeJsonPattern     members[LODE_JSON_MAX_NAMES];
  LodeJsonPattern     first_gap;
  LodeJsonPattern     gap;
  guint8              next[LODE_JSON_MAX_NAMES + 1];
} LodeJsonNames;

void              _lode_json_names_init       (LodeJsonNames      *names,
                                               const char * const *list);

typedef struct _LodeJsonKeyEntry    LodeJsonKeyEntry;
typedef struct _LodeJsonObjectFrame LodeJsonObjectFrame;

/* On the caller's stack; the fields are the tokenizer's own. */
typedef struct
{
  const guchar        *data;
  const guchar        *end;
  const guchar        *p;
  const guchar        *line_start;
  gsize                line;
  gsize                depth;
  gsize                limit;
  guint                max_depth;
  gsize                max_string_length;
  int                  state;

  guint8              *kinds;
  gsize                kinds_alloc;

  LodeJsonObjectFrame *objects;
  gsize                n_objects;
  gsize                objects_alloc;

  LodeJsonKeyEntry    *keys;
  gsize                n_keys;
  gsize                keys_alloc;

  guchar              *arena;
  gsize                arena_len;
  gsize                arena_alloc;

  const guchar        *error_pos;
  LodeJsonError        error_code;
  char                *error_detail;
} LodeJsonTokenizer;

/* The first (up to) eight bytes of @text (@length bytes, with @end -
 * @text readable), zeros after its end, as one word: the head by which
 * names and ids are compared and hashed. */
static inline guint64
_lode_json_head_word (const void *text,
                      gsize       length,
                      const void *end)
{
  guint64 head = 0;

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (G_LIKELY ((const guchar *) end - (const guchar *) text >= 8))
    {
      memcpy (&head, text, 8);
      if (length < 8)
        head &= (G_GUINT64_CONSTANT (1) << (length * 8)) - 1;
      return head;
    }
#endif

  memcpy (&head, text, MIN (length, 8));

  return head;
}

/* @max_depth 0 and @max_string_length 0 mean no limit. */
void              _lode_json_tokenizer_init   (LodeJsonTokenizer *self,
                                               const char        *data,
                                               gsize              length,
                                               guint              max_depth,
                                               gsize              max_string_length);
void              _lode_json_tokenizer_clear  (LodeJsonTokenizer *self);
LodeJsonTokenKind _lode_json_tokenizer_next   (LodeJsonTokenizer *self,
                                               LodeJsonToken     *token);
/* Inside an object, where a member or the end may come: returns the
 * first token of the next member's value, with the member's name in
 * @token's name fields, or LODE_JSON_TOKEN_OBJECT_END, or
 * LODE_JSON_TOKEN_ERROR. One call instead of two for each member. */
LodeJsonTokenKind _lode_json_tokenizer_next_pair (LodeJsonTokenizer *self,
                                                  LodeJsonToken     *token);
/* As _lode_json_tokenizer_next_pair(), over many members at once, in an
 * object whose member names are mostly among @names (such as an export
 * record). A member whose name is written plainly as one of @names
 * (checked against the others of its object by its index alone) and whose
 * value is a string, a number, true, false or null does not come back:
 * its value goes to @values at the name's index (LODE_JSON_MAX_NAMES
 * tokens at most; the kind in the token's kind field) and the index's bit
 * is set in *@present, and the members go on. Any other member is
 * returned as _lode_json_tokenizer_next_pair() returns it, with the index
 * of its name, or -1, in @token's member field; once a name is not among
 * @names, the object's names are checked as
 * _lode_json_tokenizer_next_pair() checks them. Call again to read on,
 * until LODE_JSON_TOKEN_OBJECT_END or LODE_JSON_TOKEN_ERROR. The errors
 * and their places are those of _lode_json_tokenizer_next_pair(). */
LodeJsonTokenKind _lode_json_tokenizer_next_members (LodeJsonTokenizer   *self,
                                                     LodeJsonToken       *token,
                                                     LodeJsonNames       *names,
                                                     LodeJsonToken       *values,
                                                     guint64             *present);
/* How many bytes have been taken in so far. */
static inline gsize
_lode_json_tokenizer_get_offset (LodeJsonTokenizer *self)
{
  return self->p - self->data;
}
/* After LODE_JSON_TOKEN_ERROR: where (1-based; columns count characters)
 * and why. @detail is the tokenizer's (or NULL), valid until it is
 * cleared. */
void              _lode_json_tokenizer_get_error (LodeJsonTokenizer  *self,
                                                  guint              *line,
                                                  guint              *column,
                                                  LodeJsonError      *code,
                                                  const char        **detail);

/* Decodes a string token's escapes into @out (at least @length bytes; a
 * decoded string is never longer than written); returns its length. */
gsize             _lode_json_decode_string    (const char        *text,
                                               gsize              length,
                                               char              *out);

G_END_DECLS
