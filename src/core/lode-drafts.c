/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lode-drafts.h"
#include "lode-file-utils.h"

#define DRAFT_GROUP "Draft"

char *
lode_drafts_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "lode", "drafts", NULL);
}

char *
lode_draft_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = lode_drafts_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
is_draft_id (const char *id)
{
  return g_uuid_string_is_valid (id);
}

static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;

  if (lode_file_replace_contents (file, data, length, FALSE, 0600, NULL, &local_error))
    return TRUE;

  g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);

  return FALSE;
}

gboolean
lode_draft_write (const char  *id,
                  GBytes      *bytes,
                  GFile       *original,
                  GError     **error)
{
  g_autofree char *dir = lode_drafts_get_dir ();
  g_autofree char *json_path = NULL;
  g_autofree char *ini_path = NULL;
  g_autofree char *ini_data = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  gsize ini_length;
  gsize length;
  const char *data;

  g_return_val_if_fail (id != NULL && is_draft_id (id), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (key_file, DRAFT_GROUP, "file", uri);
    }
  g_key_file_set_int64 (key_file, DRAFT_GROUP, "saved", g_get_real_time () / G_USEC_PER_SEC);
  ini_data = g_key_file_to_data (key_file, &ini_length, NULL);

  /* The key file first: a draft without its key file would be taken for
   * untitled work. */
  ini_path = draft_path (id, ".ini");
  if (!write_file (ini_path, ini_data, ini_length, error))
    return FALSE;

  json_path = draft_path (id, ".json");
  data = g_bytes_get_data (bytes, &length);

  return write_file (json_path, data, length, error);
}

/* The name a draft takes while it is being unlinked: hidden, and not
 * ending in ".json", so that no listing sees it. */
#define DELETED_SUFFIX ".json.deleted"

static gpointer
unlink_thread (gpointer data)
{
  g_autofree char *path = data;

  g_unlink (path);

  return NULL;
}

void
lode_draft_delete (const char *id)
{
  g_autofree char *json_path = NULL;
  g_autofree char *ini_path = NULL;
  g_autofree char *hidden_name = NULL;
  g_autofree char *deleted_path = NULL;

  g_return_if_fail (id != NULL);

  json_path = draft_path (id, ".json");
  ini_path = draft_path (id, ".ini");

  /* A draft of a million records is a file of a few hundred megabytes,
   * and unlinking it frees its blocks: 60 ms or more of the calling
   * thread, the window's main thread. The draft leaves its name at once
   * and is unlinked in a thread; one left over by a process that ended
   * first is removed by the next lode_drafts_list(). */
  hidden_name = g_strconcat (".", id, DELETED_SUFFIX, NULL);
  deleted_path = draft_path (hidden_name, "");
  if (g_rename (json_path, deleted_path) == 0)
    g_thread_unref (g_thread_new ("lode-draft-delete", unlink_thread, g_steal_pointer (&deleted_path)));
  else
    g_unlink (json_path);
  g_unlink (ini_path);
}

typedef struct
{
  char   *id;
  gint64  mtime;
} Found;

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = a;
  const Found *fb = b;

  if (fa->mtime != fb->mtime)
    return fa->mtime < fb->mtime ? -1 : 1;

  return strcmp (fa->id, fb->id);
}

GStrv
lode_drafts_list (void)
{
  g_autofree char *dir_path = lode_drafts_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  GPtrArray *ids = g_ptr_array_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf buf;
      Found f;

      if (name[0] == '.' && g_str_has_suffix (name, DELETED_SUFFIX))
        {
          g_autofree char *deleted = g_build_filename (dir_path, name, NULL);

          g_unlink (deleted);
          continue;
        }
      if (!g_str_has_suffix (name, ".json"))
        continue;

      f.id = g_strndup (name, strlen (name) - strlen (".json"));
      path = g_build_filename (dir_path, name, NULL);
      if (!is_draft_id (f.id) || g_stat (path, &buf) != 0)
        {
          g_free (f.id);
          continue;
        }

      f.mtime = buf.st_mtime;
      g_array_append_val (found, f);
    }

  g_array_sort (found, compare_found);
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);

      g_ptr_array_add (ids, f->id);
    }
  g_ptr_array_add (ids, NULL);

  return (GStrv) g_ptr_array_free (ids, FALSE);
}

GFile *
lode_draft_get_file (const char *id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  path = draft_path (id, ".json");

  return g_file_new_for_path (path);
}

GFile *
lode_draft_get_original (const char *id)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (id != NULL, NULL);

  path = draft_path (id, ".ini");
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  uri = g_key_file_get_string (key_file, DRAFT_GROUP, "file", NULL);
  if (uri == NULL || *uri == '\0')
    return NULL;

  return g_file_new_for_uri (uri);
}
