/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-test-poll.h"

static gboolean
set_flag (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
lode_test_poll (LodeTestPollFunc done,
                gpointer         data,
                guint            seconds)
{
  gboolean out_of_time = FALSE;
  guint timeout_id = g_timeout_add_seconds (seconds, set_flag, &out_of_time);

  while (!done (data) && !out_of_time)
    {
      gboolean tick = FALSE;
      guint tick_id = g_timeout_add (20, set_flag, &tick);

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
lode_test_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
lode_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}
