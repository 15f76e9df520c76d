/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lode-enum-types.h"
#include "lode-file-utils.h"
#include "lode-json-writer.h"
#include "lode-load-problem-private.h"
#include "lode-portfolio-io.h"
#include "lode-portfolio-reader-private.h"
#include "lode-rules.h"

G_DEFINE_QUARK (lode-portfolio-error-quark, lode_portfolio_error)

/* Reading: the entry points. The reader itself is lode-portfolio-reader.c,
 * the schema it checks lode-portfolio-schema.c. */

static gsize max_size = LODE_PORTFOLIO_MAX_SIZE;

void
lode_portfolio_set_max_size_for_testing (gsize size)
{
  g_return_if_fail (size <= LODE_PORTFOLIO_MAX_SIZE);

  max_size = size == 0 ? LODE_PORTFOLIO_MAX_SIZE : size;
}

static void
set_too_large_error (GError     **error,
                     const char  *name)
{
  g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                           max_size >= (1 << 20) ? max_size >> 20 : max_size);

  if (max_size >= (1 << 20))
    g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the file's name, then a number */
                 _("%s: the file is larger than %s MB, the most Lode opens"), name, limit);
  else
    g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the file's name, then a number */
                 _("%s: the file is larger than %s bytes, the most Lode opens"), name, limit);
}

/* Reads @file whole, but never more than max_size bytes: a file that grows
 * while it is read, a device such as /dev/zero or a pipe that never ends
 * is refused as too large instead of filling the memory. */
static char *
read_bounded (GFile         *file,
              gsize          size_hint,
              const char    *name,
              gsize         *length,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize alloc = MAX (MIN (size_hint, max_size) + 1, 65536);
  gsize len = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_malloc (alloc);
  for (;;)
    {
      gssize n;

      if (len == alloc)
        {
          alloc = MIN (alloc * 2, max_size + 1);
          buffer = g_realloc (buffer, alloc);
        }

      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + len,
                               MIN (alloc - len, (gsize) G_MAXSSIZE), cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      len += n;
      if (len > max_size)
        {
          set_too_large_error (error, name);
          return NULL;
        }
    }

  *length = len;

  return g_steal_pointer (&buffer);
}

LodePortfolio *
lode_portfolio_load_data (const char  *data,
                          gsize        length,
                          const char  *name,
                          GError     **error)
{
  return _lode_portfolio_load_data_with_problems (data, length, name, NULL, NULL, error);
}

gboolean
_lode_portfolio_check_size (gsize        length,
                            const char  *name,
                            GError     **error)
{
  if (length <= max_size)
    return TRUE;

  set_too_large_error (error, name);

  return FALSE;
}

LodePortfolio *
lode_portfolio_load_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return lode_portfolio_load_file_full (file, NULL, NULL, cancellable, error);
}

/* A file read through a memory map: its pages are taken in as the reader
 * goes, and those it has read are handed back as it reports progress, so
 * that the file never sits in memory whole. */
/* How far ahead of the reader the pages of the file are mapped in. */
#define POPULATE_AHEAD ((gsize) 8 << 20)

typedef struct
{
  const char           *data;
  gsize                 dropped;
  gsize                 populated;
  LodeLoadProgressFunc  progress;
  gpointer              user_data;
} MappedRead;

static void
mapped_read_progress_cb (guint64  done,
                         guint64  total,
                         gpointer user_data)
{
  MappedRead *read = user_data;

#if defined(MADV_DONTNEED)
  {
    gsize page = sysconf (_SC_PAGESIZE);
    gsize start = read->dropped;
    gsize end = ((gsize) ((guintptr) read->data + done) & ~(page - 1)) - (guintptr) read->data;

    /* The map starts on a page. Pages dropped are read again from the
     * file if they are needed (for the place of an error). */
    if (((guintptr) read->data & (page - 1)) == 0 && end > start && done < total)
      {
        madvise ((char *) read->data + start, end - start, MADV_DONTNEED);
        read->dropped = end;
      }
  }
#endif

#if defined(MADV_POPULATE_READ)
  /* Map the pages of the next stretch in one call rather than a fault at
   * a time: on a machine where a page fault is dear, that is a fifth of a
   * load. */
  {
    gsize page = sysconf (_SC_PAGESIZE);
    gsize from = MAX (read->populated, (gsize) done & ~(page - 1));
    gsize to = MIN ((gsize) total, (gsize) done + POPULATE_AHEAD);

    if (((guintptr) read->data & (page - 1)) == 0 && to > from)
      {
        madvise ((char *) read->data + from, to - from, MADV_POPULATE_READ);
        read->populated = to;
      }
  }
#endif

  if (read->progress != NULL)
    read->progress (done, total, read->user_data);
}

static LodePortfolio *
load_mapped (GMappedFile          *mapped,
             const char           *name,
             LodeLoadProgressFunc  progress,
             gpointer              user_data,
             GCancellable         *cancellable,
             GError              **error)
{
  gsize length = g_mapped_file_get_length (mapped);
  MappedRead read = {
    .data = length > 0 ? g_mapped_file_get_contents (mapped) : "",
    .progress = progress,
    .user_data = user_data,
  };

  if (!_lode_portfolio_check_size (length, name, error))
    return NULL;

#if defined(MADV_SEQUENTIAL)
  if (length > 0)
    madvise ((char *) read.data, length, MADV_SEQUENTIAL);
#endif

  return _lode_portfolio_read (read.data, length, name, mapped_read_progress_cb, &read,
                               cancellable, error);
}

LodePortfolio *
lode_portfolio_load_mapped (GMappedFile  *mapped,
                            const char   *name,
                            GError      **error)
{
  g_return_val_if_fail (mapped != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_mapped (mapped, name != NULL ? name : "portfolio", NULL, NULL, NULL, error);
}

LodePortfolio *
lode_portfolio_load_file_full (GFile                *file,
                               LodeLoadProgressFunc  progress,
                               gpointer              user_data,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder, not a file"), name);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  /* A regular local file is mapped; devices, pipes and remote files are
   * read, never more than the limit. */
  path = g_file_get_path (file);
  if (path != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped != NULL)
    return load_mapped (mapped, name, progress, user_data, cancellable, error);

  contents = read_bounded (file, g_file_info_get_size (info), name, &length, cancellable, error);
  if (contents == NULL)
    return NULL;

  if (!_lode_portfolio_check_size (length, name, error))
    return NULL;

  return _lode_portfolio_read (contents, length, name, progress, user_data, cancellable, error);
}

LodePortfolio *
lode_portfolio_new_sample (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LodePortfolio *portfolio;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data ("/io/github/lodeapp/Lode/sample/pakistan-minerals.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in sample is missing: %s", error->message);

  data = g_bytes_get_data (bytes, &length);
  portfolio = lode_portfolio_load_data (data, length, "sample", &error);
  if (portfolio == NULL)
    g_error ("The built-in sample does not load: %s", error->message);

  return portfolio;
}
