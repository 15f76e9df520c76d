/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "lode-csv.h"

/* The reader works on a window of UTF-8 text. For a UTF-8 file the window
 * is the file itself, mapped, and grows as the bytes ahead are checked;
 * other encodings are decoded a chunk at a time into a buffer that holds
 * the record being read and what follows it, so a 400 MB file never has a
 * second copy in memory. A record is found with memchr (its line end,
 * whether it has a quote at all); one without quotes is copied once and
 * split in place. Cells are NUL-terminated copies in one buffer reused
 * from record to record. Whatever the file, no record is looked at beyond
 * LODE_CSV_MAX_RECORD bytes. */

G_DEFINE_QUARK (lode-csv-error-quark, lode_csv_error)

/* Input bytes decoded at a time for encodings other than UTF-8, and
 * checked at a time for UTF-8. */
#define DECODE_CHUNK ((gsize) 256 << 10)
#define SCAN_CHUNK   ((gsize) 4 << 20)
/* Pages of a mapped file read are handed back this much at a time. */
#define DROP_STRETCH ((gsize) 8 << 20)

typedef enum
{
  PARSE_RECORD,
  PARSE_END,
  PARSE_NEED_MORE,
  PARSE_ERROR,
} ParseResult;

struct _LodeCsvReader
{
  char            *name;
  LodeCsvEncoding  encoding;

  GBytes          *bytes;
  GMappedFile     *mapped;
  const guchar    *data;       /* the input, in its encoding */
  gsize            size;
  gsize            consumed;   /* input bytes decoded so far */

  /* UTF-8 is read in place, checked a chunk ahead of the reader. Without
   * a BOM or a choice, the first byte that is not ASCII decides: if the
   * rest of the file is UTF-8 it is read as UTF-8, else as Windows-1252
   * from the record being read (all before it was ASCII, the same in
   * both). A file of one huge ASCII line thus fails at the record limit
   * without being read whole. */
  gboolean         in_place;
  gboolean         utf8_decided;
  gsize            checked;
  gsize            dropped;    /* pages of the map handed back */
  gsize            populated;  /* pages of the map asked for ahead */

  /* The window of UTF-8 text: the input itself, or decoded. */
  char            *decoded;
  gsize            decoded_alloc;
  const char      *window;
  const char      *window_end;
  const char      *pos;        /* where the next record starts */
  guint64          line;       /* the line of pos, from 1 */
  guint64          record_line;

  /* Where the text stops being text: the window ends there, and reading
   * up to it is an error of this code. -1 when the input ends well. */
  int              stop_error;

  /* The cells of the last record. */
  char            *cells_buf;
  gsize            cells_alloc;
  gsize            cells_len;
  guint32         *offsets;
  guint            offsets_alloc;
  const char     **cells;
  guint            cells_ptr_alloc;
  guint            n_cells;

  gboolean         failed;
};

const char *
lode_csv_encoding_get_name (LodeCsvEncoding encoding)
{
  switch (encoding)
    {
    case LODE_CSV_ENCODING_AUTO:         return "auto";
    case LODE_CSV_ENCODING_UTF8:         return "UTF-8";
    case LODE_CSV_ENCODING_UTF16LE:      return "UTF-16LE";
    case LODE_CSV_ENCODING_UTF16BE:      return "UTF-16BE";
    case LODE_CSV_ENCODING_WINDOWS_1252: return "Windows-1252";
    default:                             g_return_val_if_reached (NULL);
    }
}

/* Encoding detection */

static inline gboolean
word_has_high_or_zero (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  return ((w | ((w - ones) & ~w)) & highs) != 0;
}

/* Skips, from @i up to @stop, the words of eight bytes of @s that hold
 * neither a NUL nor a byte with its high bit set. */
static inline gsize
skip_plain_words (const guchar *s,
                  gsize         i,
                  gsize         stop)
{
  while (i + 8 <= stop)
    {
      guint64 w;

      memcpy (&w, s + i, sizeof w);
      if (word_has_high_or_zero (w))
        break;
      i += 8;
    }

  return i;
}

/* The length of the valid UTF-8 sequence at @s (at most @n bytes), or 0
 * if it is not one: no overlong forms, no surrogates, nothing past
 * U+10FFFF. */
static inline gsize
utf8_sequence_length (const guchar *s,
                      gsize         n)
{
  guchar c = s[0];

  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF)
    {
      if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
        return 0;
      return 3;
    }
  if (c >= 0xF0 && c <= 0xF4)
    {
      if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
        return 0;
      return 4;
    }
  return 0;
}

/* Finds the first byte that stops @s from being UTF-8 text: an invalid
 * sequence (LODE_CSV_ERROR_ENCODING) or a NUL (LODE_CSV_ERROR_BINARY).
 * Looks at the sequences that begin before @stop, in @n bytes. Eight ASCII
 * bytes at a time, so a large file costs little more than reading it.
 * Returns where it stopped: the fault, or the end of the last sequence
 * (at least @stop) with -1 in @stop_error. */
static gsize
scan_utf8 (const guchar *s,
           gsize         stop,
           gsize         n,
           int          *stop_error)
{
  gsize i = 0;

  *stop_error = -1;

  while (i < stop)
    {
      gsize len;

      i = skip_plain_words (s, i, stop);
      if (i >= stop)
        break;

      if (s[i] == 0)
        {
          *stop_error = LODE_CSV_ERROR_BINARY;
          return i;
        }
      len = utf8_sequence_length (s + i, n - i);
      if (len == 0)
        {
          *stop_error = LODE_CSV_ERROR_ENCODING;
          return i;
        }
      i += len;
    }

  return i;
}

/* Decoding into the window */

/* Windows-1252's 0x80–0x9F; the five bytes it leaves unassigned are read
 * as the C1 controls of the same number, as browsers do. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static inline char *
put_unichar (char     *out,
             gunichar  c)
{
  if (c < 0x80)
    *out++ = c;
  else
    out += g_unichar_to_utf8 (c, out);
  return out;
}

/* Decodes up to @n input bytes at @in, writing at most 3 bytes of UTF-8 a
 * byte (Windows-1252) or 4 bytes a pair of code units (UTF-16). Stops at a
 * NUL or, for UTF-16, a lone surrogate, setting self->stop_error. Returns
 * the input bytes decoded and moves *@out. */
static gsize
decode_chunk (LodeCsvReader *self,
              const guchar  *in,
              gsize          n,
              gboolean       last,
              char         **out)
{
  char *o = *out;
  gsize i = 0;

  if (self->encoding == LODE_CSV_ENCODING_WINDOWS_1252)
    {
      for (; i < n; i++)
        {
          guchar c = in[i];

          if (c < 0x80 && c != 0)
            *o++ = c;
          else if (c == 0)
            {
              self->stop_error = LODE_CSV_ERROR_BINARY;
              break;
            }
          else if (c < 0xA0)
            o = put_unichar (o, cp1252_high[c - 0x80]);
          else
            o = put_unichar (o, c);
        }
    }
  else
    {
      gboolean le = self->encoding == LODE_CSV_ENCODING_UTF16LE;

      while (i + 2 <= n)
        {
          gunichar u = le ? in[i] | in[i + 1] << 8 : in[i] << 8 | in[i + 1];

          if (u == 0)
            {
              self->stop_error = LODE_CSV_ERROR_BINARY;
              break;
            }
          if (u >= 0xD800 && u <= 0xDBFF)
            {
              gunichar low;

              if (i + 4 > n)
                {
                  if (last)
                    self->stop_error = LODE_CSV_ERROR_ENCODING;
                  break;
                }
              low = le ? in[i + 2] | in[i + 3] << 8 : in[i + 2] << 8 | in[i + 3];
              if (low < 0xDC00 || low > 0xDFFF)
                {
                  self->stop_error = LODE_CSV_ERROR_ENCODING;
                  break;
                }
              o = put_unichar (o, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
              i += 4;
              continue;
            }
          if (u >= 0xDC00 && u <= 0xDFFF)
            {
              self->stop_error = LODE_CSV_ERROR_ENCODING;
              break;
            }
          o = put_unichar (o, u);
          i += 2;
        }
      /* An odd last byte is half a code unit. */
      if (last && self->stop_error < 0 && i + 2 > n && i < n)
        self->stop_error = LODE_CSV_ERROR_ENCODING;
    }

  *out = o;
  return i;
}

/* Hands the pages of the map before @offset back to the system: a record
 * once read is never looked at again, and the file is not kept in memory
 * on top of what is made of it. Pages touched again are read again. */
static void
drop_pages (LodeCsvReader *self,
            gsize          from,
            gsize          to)
{
#if defined(MADV_DONTNEED)
  gsize page = sysconf (_SC_PAGESIZE);

  from &= ~(page - 1);
  to &= ~(page - 1);
  if (self->mapped == NULL || ((guintptr) self->data & (page - 1)) != 0 || to <= from)
    return;
  madvise ((void *) (self->data + from), to - from, MADV_DONTNEED);
#endif
}

/* Maps the pages of the next stretch after @offset in one call rather
 * than a fault at a time, which is dear on some machines. */
static void
populate_ahead (LodeCsvReader *self,
                gsize          offset)
{
#if defined(MADV_POPULATE_READ)
  gsize page = sysconf (_SC_PAGESIZE);
  gsize from = MAX (self->populated, offset) & ~(page - 1);
  gsize to = MIN (self->size, offset + 2 * DROP_STRETCH);

  if (self->mapped == NULL || ((guintptr) self->data & (page - 1)) != 0 || to <= from)
    return;
  madvise ((void *) (self->data + from), to - from, MADV_POPULATE_READ);
  self->populated = to;
#endif
}

static void
drop_behind (LodeCsvReader *self,
             gsize          offset)
{
#if defined(MADV_DONTNEED)
  gsize page = sysconf (_SC_PAGESIZE);
  gsize end = offset & ~(page - 1);

  if (self->mapped == NULL || ((guintptr) self->data & (page - 1)) != 0 || end <= self->dropped)
    return;
  madvise ((void *) (self->data + self->dropped), end - self->dropped, MADV_DONTNEED);
  self->dropped = end;
#endif
}

/* Moves what is left of the window (the record being read) to the start of
 * the buffer and decodes the next chunk after it. FALSE when there is
 * nothing more to decode. */
static gboolean
decode_more (LodeCsvReader *self)
{
  gsize keep, in_len, need, done;
  gboolean last;
  char *out;

  if (self->stop_error >= 0 || self->consumed >= self->size)
    return FALSE;

  drop_behind (self, self->consumed);

  keep = self->window_end - self->pos;
  in_len = MIN (DECODE_CHUNK, self->size - self->consumed);
  last = self->consumed + in_len == self->size;
  need = keep + in_len * 3 + 4;

  if (self->decoded != NULL && self->pos > self->decoded)
    memmove (self->decoded, self->pos, keep);
  if (need > self->decoded_alloc)
    {
      self->decoded_alloc = MAX (need, self->decoded_alloc * 2);
      self->decoded = g_realloc (self->decoded, self->decoded_alloc);
    }

  out = self->decoded + keep;
  done = decode_chunk (self, self->data + self->consumed, in_len, last, &out);
  self->consumed += done;

  self->window = self->decoded;
  self->pos = self->decoded;
  self->window_end = out;

  return done > 0 || self->stop_error >= 0;
}

/* Extends the window of UTF-8 read in place by a checked chunk. */
static gboolean
check_more (LodeCsvReader *self)
{
  const guchar *s = self->data;
  gsize n = self->size;
  gsize i = self->checked;
  gsize stop = MIN (n, i + SCAN_CHUNK);

  if (i >= n)
    return FALSE;

  while (i < stop)
    {
      gsize len;

      i = skip_plain_words (s, i, stop);
      if (i >= stop)
        break;

      if (s[i] == 0)
        {
          self->stop_error = LODE_CSV_ERROR_BINARY;
          break;
        }
      if (s[i] < 0x80)
        {
          i++;
          continue;
        }

      if (!self->utf8_decided)
        {
          int error = -1;
          gsize end = i;

          /* The rest of the file, a stretch at a time, handing the pages
           * back as it goes: the records are read from them later. */
          while (end < n && error < 0)
            {
              gsize from = end;

              populate_ahead (self, end);
              end += scan_utf8 (s + end, MIN (n - end, 2 * DROP_STRETCH), n - end, &error);
              if (end > from)
                drop_pages (self, from, end);
            }

          if (error == LODE_CSV_ERROR_ENCODING)
            {
              self->encoding = LODE_CSV_ENCODING_WINDOWS_1252;
              self->in_place = FALSE;
              self->consumed = (const guchar *) self->pos - s;
              self->window = self->window_end = self->pos = "";
              return decode_more (self);
            }
          self->utf8_decided = TRUE;
          self->stop_error = error;
          self->populated = 0;
          populate_ahead (self, (const guchar *) self->pos - s);
          i = end;
          break;
        }

      len = utf8_sequence_length (s + i, n - i);
      if (len == 0)
        {
          self->stop_error = LODE_CSV_ERROR_ENCODING;
          break;
        }
      i += len;
    }

  self->checked = i;
  self->window_end = (const char *) s + i;
  return TRUE;
}

static gboolean
refill (LodeCsvReader *self)
{
  if (self->stop_error >= 0)
    return FALSE;
  if (self->in_place)
    return check_more (self);
  return decode_more (self);
}

/* Errors */

/* The line and column (in characters, from 1) of @at, which lies in the
 * record being read. */
static void
locate (LodeCsvReader *self,
        const char    *at,
        guint64       *line,
        guint64       *col)
{
  const char *line_start = self->pos;
  const char *p;

  *line = self->line;
  for (p = self->pos; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  *col = 1;
  for (p = line_start; p < at; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      (*col)++;
}

static void G_GNUC_PRINTF (4, 5)
set_error_at (LodeCsvReader *self,
              const char    *at,
              GError       **error,
              const char    *format,
              ...)
{
  g_autofree char *message = NULL;
  guint64 line, col;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate (self, at, &line, &col);
  g_set_error (error, LODE_CSV_ERROR, 0, "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s",
               self->name, line, col, message);
  self->failed = TRUE;
}

static void
set_stop_error (LodeCsvReader *self,
                GError       **error)
{
  if (self->stop_error == LODE_CSV_ERROR_BINARY)
    set_error_at (self, self->window_end, error, "%s",
                  _("A NUL byte: this is not a text file, or UTF-16 without a byte order mark"));
  else if (self->encoding == LODE_CSV_ENCODING_UTF8)
    set_error_at (self, self->window_end, error, "%s",
                  _("Bytes that are not UTF-8: choose the file’s encoding (such as Windows-1252)"));
  else
    set_error_at (self, self->window_end, error,
                  _("Bytes that are not %s text"), lode_csv_encoding_get_name (self->encoding));
  if (error != NULL && *error != NULL)
    (*error)->code = self->stop_error;
}

static void
set_too_large_error (LodeCsvReader *self,
                     const char    *at,
                     GError       **error)
{
  set_error_at (self, at, error, _("A record longer than %u KiB: this is not a CSV file Lode reads"),
                (guint) (LODE_CSV_MAX_RECORD >> 10));
  if (error != NULL && *error != NULL)
    (*error)->code = LODE_CSV_ERROR_TOO_LARGE;
}

/* Text after the closing quote of the cell opened at @open. When the cell
 * ran over lines, the quote that opened it is most likely the one not
 * closed: the error is there. */
static void
set_quote_error (LodeCsvReader *self,
                 const char    *open,
                 const char    *at,
                 GError       **error)
{
  if (memchr (open, '\n', at - open) != NULL)
    {
      guint64 line, col;

      locate (self, at, &line, &col);
      set_error_at (self, open, error,
                    _("A quote that is not closed: the cell it opens ends on line %lu "
                      "with text after a quote"), (unsigned long) line);
    }
  else
    set_error_at (self, at, error, "%s", _("Text after the closing quote of a cell"));
  if (error != NULL && *error != NULL)
    (*error)->code = LODE_CSV_ERROR_SYNTAX;
}

/* Cells */

static inline void
cells_reserve (LodeCsvReader *self,
               gsize          more)
{
  if (self->cells_len + more > self->cells_alloc)
    {
      self->cells_alloc = MAX (self->cells_len + more, self->cells_alloc * 2);
      self->cells_buf = g_realloc (self->cells_buf, self->cells_alloc);
    }
}

static inline void
cells_start (LodeCsvReader *self)
{
  if (self->n_cells == self->offsets_alloc)
    {
      self->offsets_alloc = MAX (64, self->offsets_alloc * 2);
      self->offsets = g_renew (guint32, self->offsets, self->offsets_alloc);
    }
  self->offsets[self->n_cells++] = self->cells_len;
}

static inline void
cells_append (LodeCsvReader *self,
              const char    *s,
              gsize          n)
{
  cells_reserve (self, n + 1);
  memcpy (self->cells_buf + self->cells_len, s, n);
  self->cells_len += n;
}

static inline void
cells_end (LodeCsvReader *self)
{
  cells_reserve (self, 1);
  self->cells_buf[self->cells_len++] = '\0';
}

static void
cells_finish (LodeCsvReader *self)
{
  if (self->n_cells + 1 > self->cells_ptr_alloc)
    {
      self->cells_ptr_alloc = MAX (self->n_cells + 1, self->cells_ptr_alloc * 2);
      self->cells = g_renew (const char *, self->cells, self->cells_ptr_alloc);
    }
  for (guint i = 0; i < self->n_cells; i++)
    self->cells[i] = self->cells_buf + self->offsets[i];
  self->cells[self->n_cells] = NULL;
}

static gboolean
check_columns (LodeCsvReader *self,
               const char    *at,
               GError       **error)
{
  if (self->n_cells <= LODE_CSV_MAX_COLUMNS)
    return TRUE;

  set_error_at (self, at, error, _("More than %u columns: this is not a CSV file Lode reads"),
                (guint) LODE_CSV_MAX_COLUMNS);
  if (error != NULL && *error != NULL)
    (*error)->code = LODE_CSV_ERROR_TOO_LARGE;
  return FALSE;
}

/* Parsing */

#define BYTES(c) (G_GUINT64_CONSTANT (0x0101010101010101) * (guchar) (c))

/* 0x80 in each byte of @w that is zero, and nothing else. */
static inline guint64
zero_bytes (guint64 w)
{
  const guint64 low7 = BYTES (0x7F);

  return ~(((w & low7) + low7) | w | low7);
}

/* The first comma or line feed in [@p, @end), or @end. Cells are short:
 * eight bytes at a time costs less than a call to memchr a cell. */
static inline const char *
find_delimiter (const char *p,
                const char *end)
{
  while (p + 8 <= end)
    {
      guint64 w, m;

      memcpy (&w, p, sizeof w);
      m = zero_bytes (w ^ BYTES (',')) | zero_bytes (w ^ BYTES ('\n'));
      if (m != 0)
        return p + (G_BYTE_ORDER == G_LITTLE_ENDIAN ? __builtin_ctzll (m) : __builtin_clzll (m)) / 8;
      p += 8;
    }
  while (p < end && *p != ',' && *p != '\n')
    p++;
  return p;
}

/* A record without quotes, on one line [@p, @eol): copied whole, then split
 * at its commas. */
static ParseResult
parse_plain_line (LodeCsvReader *self,
                  const char    *p,
                  const char    *eol,
                  GError       **error)
{
  gsize len = eol - p;
  char *s, *end;

  if (len > 0 && eol[-1] == '\r')
    len--;

  self->cells_len = 0;
  cells_reserve (self, len + 1);
  s = self->cells_buf;
  memcpy (s, p, len);
  s[len] = '\0';
  end = s + len;
  self->cells_len = len + 1;

  self->n_cells = 0;
  for (;;)
    {
      char *comma = (char *) find_delimiter (s, end);

      if (comma == end)
        comma = NULL;
      cells_start (self);
      self->offsets[self->n_cells - 1] = s - self->cells_buf;
      if (comma == NULL)
        break;
      *comma = '\0';
      s = comma + 1;
      if (G_UNLIKELY (self->n_cells == LODE_CSV_MAX_COLUMNS))
        {
          /* One comma more than the columns allowed. */
          self->n_cells++;
          check_columns (self, p + (s - self->cells_buf), error);
          return PARSE_ERROR;
        }
    }

  self->pos = eol < self->window_end ? eol + 1 : eol;
  self->line++;
  return PARSE_RECORD;
}

/* A record with quotes: cell by cell, and a quoted cell may hold commas,
 * doubled quotes and line ends. */
static ParseResult
parse_quoted_record (LodeCsvReader *self,
                     gboolean       final,
                     GError       **error)
{
  const char *p = self->pos;
  const char *end = self->window_end;
  const char *limit = self->pos + MIN ((gsize) (end - self->pos), LODE_CSV_MAX_RECORD + 1);
  guint64 lines = 0;

  self->cells_len = 0;
  self->n_cells = 0;

  for (;;)
    {
      cells_start (self);
      if (!check_columns (self, p, error))
        return PARSE_ERROR;

      if (p < end && *p == '"')
        {
          const char *open = p;

          p++;
          for (;;)
            {
              const char *q = memchr (p, '"', limit - p);

              if (q == NULL)
                {
                  if (limit < end)
                    {
                      set_error_at (self, open, error,
                                    _("A quoted cell that runs past %u KiB: is a quote not closed?"),
                                    (guint) (LODE_CSV_MAX_RECORD >> 10));
                      (*error)->code = LODE_CSV_ERROR_TOO_LARGE;
                      return PARSE_ERROR;
                    }
                  if (!final)
                    return PARSE_NEED_MORE;
                  set_error_at (self, open, error, "%s", _("A quote that is not closed"));
                  (*error)->code = LODE_CSV_ERROR_SYNTAX;
                  return PARSE_ERROR;
                }

              for (const char *n = p; (n = memchr (n, '\n', q - n)) != NULL; n++)
                lines++;
              cells_append (self, p, q - p);

              if (q + 1 == end && !final)
                return PARSE_NEED_MORE;
              if (q + 1 < end && q[1] == '"')
                {
                  cells_append (self, "\"", 1);
                  p = q + 2;
                  continue;
                }
              p = q + 1;
              break;
            }

          /* Spaces may follow the closing quote; anything else is a
           * mistake, and reading on would put cells in the wrong columns. */
          while (p < end && (*p == ' ' || *p == '\t'))
            p++;
          if (p == end && !final)
            return PARSE_NEED_MORE;
          if (p < end && *p != ',' && *p != '\n' && *p != '\r')
            {
              set_quote_error (self, open, p, error);
              return PARSE_ERROR;
            }
          if (p < end && *p == '\r')
            {
              if (p + 1 == end && !final)
                return PARSE_NEED_MORE;
              if (p + 1 < end && p[1] != '\n')
                {
                  set_quote_error (self, open, p, error);
                  return PARSE_ERROR;
                }
              p++;
            }
        }
      else
        {
          const char *s = p;
          gsize len;

          /* The cell ends at a comma or the line's end, whichever first. */
          p = find_delimiter (p, limit);
          if (p == limit && limit < end)
            {
              set_too_large_error (self, self->pos, error);
              return PARSE_ERROR;
            }
          if (p == end && !final)
            return PARSE_NEED_MORE;
          len = p - s;
          if (len > 0 && s[len - 1] == '\r')
            len--;
          cells_append (self, s, len);
        }
      cells_end (self);

      if (p - self->pos > (gssize) LODE_CSV_MAX_RECORD)
        {
          set_too_large_error (self, self->pos, error);
          return PARSE_ERROR;
        }

      if (p == end)
        break;
      if (*p == '\n')
        {
          p++;
          break;
        }
      /* A comma: another cell follows, even if empty. */
      p++;
      if (p == end && !final)
        return PARSE_NEED_MORE;
    }

  self->pos = p;
  self->line += lines + 1;
  return PARSE_RECORD;
}

static ParseResult
parse_record (LodeCsvReader *self,
              gboolean       final,
              GError       **error)
{
  const char *end = self->window_end;
  const char *p, *eol;
  gsize room;

  /* Blank lines are skipped. */
  for (;;)
    {
      p = self->pos;
      if (p == end)
        return final ? PARSE_END : PARSE_NEED_MORE;
      if (*p == '\n')
        {
          self->pos++;
          self->line++;
          continue;
        }
      if (*p == '\r')
        {
          if (p + 1 == end)
            {
              if (!final)
                return PARSE_NEED_MORE;
              self->pos++;
              return PARSE_END;
            }
          if (p[1] == '\n')
            {
              self->pos += 2;
              self->line++;
              continue;
            }
        }
      break;
    }

  self->record_line = self->line;

  /* Never look further than a record may be long, so that a file of one
   * huge line fails after a megabyte. */
  room = MIN ((gsize) (end - p), LODE_CSV_MAX_RECORD + 1);
  eol = memchr (p, '\n', room);
  if (eol == NULL)
    {
      if (room > LODE_CSV_MAX_RECORD)
        {
          /* Quoted cells may hold line ends; the quoted reader keeps to
           * the same limit. */
          if (memchr (p, '"', room) != NULL)
            return parse_quoted_record (self, final, error);
          set_too_large_error (self, p, error);
          return PARSE_ERROR;
        }
      if (!final)
        return PARSE_NEED_MORE;
      eol = p + room;
    }

  if (memchr (p, '"', eol - p) == NULL)
    {
      if ((gsize) (eol - p) > LODE_CSV_MAX_RECORD)
        {
          set_too_large_error (self, p, error);
          return PARSE_ERROR;
        }
      return parse_plain_line (self, p, eol, error);
    }

  return parse_quoted_record (self, final, error);
}

/* The reader */

static LodeCsvReader *
reader_new (const guchar    *data,
            gsize            size,
            const char      *name,
            LodeCsvEncoding  encoding)
{
  LodeCsvReader *self = g_new0 (LodeCsvReader, 1);
  gsize bom = 0;

  self->name = g_strdup (name != NULL ? name : "CSV");
  self->data = data;
  self->size = size;
  self->line = 1;
  self->stop_error = -1;

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      if (encoding == LODE_CSV_ENCODING_AUTO || encoding == LODE_CSV_ENCODING_UTF8)
        {
          encoding = LODE_CSV_ENCODING_UTF8;
          bom = 3;
        }
    }
  else if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      if (encoding == LODE_CSV_ENCODING_AUTO || encoding == LODE_CSV_ENCODING_UTF16LE)
        {
          encoding = LODE_CSV_ENCODING_UTF16LE;
          bom = 2;
        }
    }
  else if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      if (encoding == LODE_CSV_ENCODING_AUTO || encoding == LODE_CSV_ENCODING_UTF16BE)
        {
          encoding = LODE_CSV_ENCODING_UTF16BE;
          bom = 2;
        }
    }

  self->consumed = bom;

  if (encoding == LODE_CSV_ENCODING_AUTO || encoding == LODE_CSV_ENCODING_UTF8)
    {
      /* Chosen, or a BOM said so: invalid bytes are an error. */
      self->utf8_decided = encoding == LODE_CSV_ENCODING_UTF8;
      self->in_place = TRUE;
      self->checked = bom;
      self->window = self->window_end = self->pos = (const char *) data + bom;
      encoding = LODE_CSV_ENCODING_UTF8;
    }
  else
    self->window = self->window_end = self->pos = "";

  self->encoding = encoding;

  return self;
}

LodeCsvReader *
lode_csv_reader_new (GBytes          *bytes,
                     const char      *name,
                     LodeCsvEncoding  encoding)
{
  LodeCsvReader *self;
  gsize size;
  const guchar *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  self = reader_new (data != NULL ? data : (const guchar *) "", size, name, encoding);
  self->bytes = g_bytes_ref (bytes);

  return self;
}

LodeCsvReader *
lode_csv_reader_new_for_file (GFile           *file,
                              LodeCsvEncoding  encoding,
                              GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  LodeCsvReader *self;
  GMappedFile *mapped;
  gsize size;
  const guchar *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      /* Not a local file: read it whole (files of this kind are small). */
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

      if (bytes == NULL)
        return NULL;
      return lode_csv_reader_new (bytes, name, encoding);
    }

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;

  size = g_mapped_file_get_length (mapped);
  data = size > 0 ? (const guchar *) g_mapped_file_get_contents (mapped) : (const guchar *) "";

#if defined(MADV_SEQUENTIAL)
  if (size > 0)
    madvise ((void *) data, size, MADV_SEQUENTIAL);
#endif

  self = reader_new (data, size, name, encoding);
  self->mapped = mapped;

  return self;
}

void
lode_csv_reader_free (LodeCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->decoded);
  g_free (self->cells_buf);
  g_free (self->offsets);
  g_free (self->cells);
  g_free (self->name);
  g_free (self);
}

LodeCsvEncoding
lode_csv_reader_get_encoding (LodeCsvReader *self)
{
  g_return_val_if_fail (self != NULL, LODE_CSV_ENCODING_UTF8);

  /* Undecided: check on to the first byte that is not ASCII. */
  while (self->in_place && !self->utf8_decided && self->stop_error < 0 && check_more (self))
    ;

  return self->encoding;
}

gboolean
lode_csv_reader_next (LodeCsvReader        *self,
                      const char * const  **cells,
                      guint                *n_cells,
                      GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failed)
    return FALSE;

  if (self->stop_error == LODE_CSV_ERROR_BINARY)
    {
      set_stop_error (self, error);
      return FALSE;
    }

  if (self->in_place && (gsize) ((const guchar *) self->pos - self->data) > self->dropped + DROP_STRETCH)
    {
      drop_behind (self, (const guchar *) self->pos - self->data);
      populate_ahead (self, (const guchar *) self->pos - self->data);
    }

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      ParseResult result = parse_record (self, FALSE, &local_error);

      if (result == PARSE_NEED_MORE)
        {
          /* A NUL ahead: the file is not text, and the records before it
           * are not worth reading (the first line of a binary file may
           * look like text). */
          if (refill (self))
            {
              if (self->stop_error == LODE_CSV_ERROR_BINARY)
                {
                  set_stop_error (self, error);
                  return FALSE;
                }
              continue;
            }
          if (self->stop_error >= 0)
            {
              set_stop_error (self, error);
              return FALSE;
            }
          result = parse_record (self, TRUE, &local_error);
        }

      switch (result)
        {
        case PARSE_RECORD:
          cells_finish (self);
          if (cells != NULL)
            *cells = (const char * const *) self->cells;
          if (n_cells != NULL)
            *n_cells = self->n_cells;
          return TRUE;

        case PARSE_ERROR:
          g_propagate_error (error, g_steal_pointer (&local_error));
          self->failed = TRUE;
          return FALSE;

        case PARSE_END:
        case PARSE_NEED_MORE:
        default:
          return FALSE;
        }
    }
}

guint64
lode_csv_reader_get_line (LodeCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

guint64
lode_csv_reader_get_offset (LodeCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->in_place)
    return (const guchar *) self->pos - self->data;

  /* Decoded text: what was decoded, less what is left in the window
   * (roughly, as the input's bytes and the window's differ). */
  return self->consumed - MIN (self->consumed, (guint64) (self->window_end - self->pos));
}

guint64
lode_csv_reader_get_size (LodeCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/* Writing */

void
lode_csv_append_quoted (GString    *out,
                        const char *cell)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (cell != NULL);

  g_string_append_c (out, '"');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
lode_csv_append_cell (GString    *out,
                      const char *cell)
{
  gsize len;

  g_return_if_fail (out != NULL);

  if (cell == NULL || *cell == '\0')
    return;

  len = strlen (cell);
  if (strpbrk (cell, ",\"\r\n") == NULL && cell[0] != ' ' && cell[len - 1] != ' ')
    {
      g_string_append_len (out, cell, len);
      return;
    }

  lode_csv_append_quoted (out, cell);
}
