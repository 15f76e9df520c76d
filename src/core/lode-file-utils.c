/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync_file_range() */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-file-utils.h"

/* A save that is killed (power cut, SIGKILL) leaves its temporary file
 * behind. Each save holds a lock on its own temporary file, so the next
 * save of the same file removes the ones nobody holds: those of saves that
 * died. */
static void
remove_stale_temporaries (const char *dir,
                          const char *base)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gsize prefix_len = strlen (prefix);
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *stale = NULL;
      int fd;

      /* Our temporaries are ".BASE." and six characters of g_mkstemp(). */
      if (strlen (name) != prefix_len + 6 || !g_str_has_prefix (name, prefix))
        continue;

      stale = g_build_filename (dir, name, NULL);
      fd = g_open (stale, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (stale);
      close (fd);
    }
}

/* Contents given whole: one piece. */
typedef struct
{
  const char *data;
  gsize       length;
  gboolean    given;
} WholeContents;

static gboolean
next_whole_piece (gpointer     user_data,
                  const char **data,
                  gsize       *length)
{
  WholeContents *contents = user_data;

  if (contents->given)
    return FALSE;

  contents->given = TRUE;
  *data = contents->data;
  *length = contents->length;

  return TRUE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, data + done, MIN (length - done, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }

  return TRUE;
}

static gboolean
replace_local_file (const char         *path,
                    LodeFilePieceFunc   next_piece,
                    gpointer            user_data,
                    gboolean            backup,
                    int                 mode,
                    GError            **error)
{
  const char *piece;
  gsize piece_length;
  goffset offset = 0;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  GStatBuf old;
  gboolean had_old;
  int saved_errno;
  int lock_fd = -1;
  int fd;

  had_old = g_stat (path, &old) == 0;

  remove_stale_temporaries (dir, base);

  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    goto failed;
  /* Held until the file is renamed: it is in use (see above). */
  lock_fd = g_open (template, O_RDONLY | O_CLOEXEC, 0);
  if (lock_fd >= 0)
    flock (lock_fd, LOCK_EX | LOCK_NB);

  if (had_old && fchmod (fd, old.st_mode & 07777) != 0)
    goto failed_open;

  while (next_piece (user_data, &piece, &piece_length))
    {
      if (!write_all (fd, piece, piece_length))
        goto failed_open;
#ifdef SYNC_FILE_RANGE_WRITE
      /* Starts writing this piece to the disk without waiting for it, so
       * that the fsync() below has little left to wait for. */
      if (piece_length > 0)
        sync_file_range (fd, offset, piece_length, SYNC_FILE_RANGE_WRITE);
#endif
      offset += piece_length;
    }

  if (fsync (fd) != 0)
    goto failed_open;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed_open;
    }
  fd = -1;

  if (backup && had_old)
    {
      g_autofree char *backup_path = g_strconcat (path, "~", NULL);

      if (g_unlink (backup_path) != 0 && errno != ENOENT)
        goto failed_open;
      /* A hard link keeps the old file as it is; where links are not
       * supported, a copy does. */
      if (link (path, backup_path) != 0)
        {
          g_autofree char *contents = NULL;
          gsize old_length;

          if (!g_file_get_contents (path, &contents, &old_length, NULL)
              || !g_file_set_contents (backup_path, contents, old_length, NULL))
            goto failed_open;
        }
    }

  if (g_rename (template, path) != 0)
    goto failed_open;
  if (lock_fd >= 0)
    close (lock_fd);

  /* Make the rename itself durable. */
  fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;

failed_open:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (template);
  if (lock_fd >= 0)
    close (lock_fd);
  errno = saved_errno;
failed:
  saved_errno = errno;
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Files that are not local (GVfs) go through GIO, which also writes a
 * temporary file; on a failed write the stream is closed through a
 * cancelled GCancellable, which drops the temporary file instead of
 * renaming it over the old one. */
static gboolean
replace_file (GFile              *file,
              LodeFilePieceFunc   next_piece,
              gpointer            user_data,
              gboolean            backup,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  const char *piece;
  gsize piece_length;

  stream = g_file_replace (file, NULL, backup, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  while (next_piece (user_data, &piece, &piece_length))
    {
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), piece, piece_length, NULL,
                                      cancellable, error))
        {
          g_autoptr(GCancellable) abandon = g_cancellable_new ();

          g_cancellable_cancel (abandon);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
          return FALSE;
        }
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

gboolean
lode_file_replace_contents (GFile         *file,
                            const char    *data,
                            gsize          length,
                            gboolean       backup,
                            int            mode,
                            GCancellable  *cancellable,
                            GError       **error)
{
  WholeContents contents = { data != NULL ? data : "", length, FALSE };

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return lode_file_replace_contents_pieces (file, next_whole_piece, &contents, backup, mode,
                                            cancellable, error);
}

gboolean
lode_file_replace_contents_pieces (GFile              *file,
                                   LodeFilePieceFunc   next_piece,
                                   gpointer            user_data,
                                   gboolean            backup,
                                   int                 mode,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (next_piece != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return replace_local_file (path, next_piece, user_data, backup, mode, error);

  return replace_file (file, next_piece, user_data, backup, cancellable, error);
}
