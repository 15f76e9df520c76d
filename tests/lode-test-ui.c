/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lode-test-ui.h"

static gboolean
timed_out (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
lode_test_wait_for (gboolean (*done) (gpointer data),
                    gpointer   data)
{
  gboolean out_of_time = FALSE;
  guint timeout_id = g_timeout_add_seconds (10, timed_out, &out_of_time);

  while (!done (data) && !out_of_time)
    g_main_context_iteration (NULL, TRUE);

  if (!out_of_time)
    g_source_remove (timeout_id);

  return !out_of_time;
}

gboolean
lode_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
lode_test_settle (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}
