/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "lode-test.h"

static gboolean
set_flag (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done or @seconds pass; with @interval_ms, looks
 * at @done that often, otherwise after each event. */
static gboolean
run_until (LodeTestPollFunc done,
           gpointer         data,
           guint            seconds,
           guint            interval_ms)
{
  gboolean out_of_time = FALSE;
  guint timeout_id = g_timeout_add_seconds (seconds, set_flag, &out_of_time);

  while (!done (data) && !out_of_time)
    {
      gboolean tick = FALSE;
      guint tick_id = 0;

      if (interval_ms == 0)
        {
          g_main_context_iteration (NULL, TRUE);
          continue;
        }

      tick_id = g_timeout_add (interval_ms, set_flag, &tick);
      while (!tick && !out_of_time)
        g_main_context_iteration (NULL, TRUE);
      if (!tick)
        g_source_remove (tick_id);
    }

  if (!out_of_time)
    g_source_remove (timeout_id);

  return !out_of_time;
}

gboolean
lode_test_wait_for (LodeTestPollFunc done,
                    gpointer         data)
{
  return run_until (done, data, 10, 0);
}

gboolean
lode_test_poll (LodeTestPollFunc done,
                gpointer         data,
                guint            seconds)
{
  return run_until (done, data, seconds, 20);
}

gboolean
lode_test_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
lode_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
lode_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          lode_test_remove_tree (child);
        }

      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}
