/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers of every test, with or without a display: waiting on the main
 * loop, and files. */

typedef gboolean (*LodeTestPollFunc) (gpointer data);

/* Runs the main loop until @done returns TRUE for @data (then TRUE) or
 * 10 s pass (then FALSE). It looks at @done after each event, so the
 * condition must change in answer to one: a widget mapped, a signal. */
gboolean lode_test_wait_for (LodeTestPollFunc done,
                             gpointer         data);
/* Runs the main loop and looks at @done every 20 ms, until it returns TRUE
 * (then TRUE) or @seconds pass (then FALSE). Unlike lode_test_wait_for(),
 * it needs no event to look again: it is for conditions that nothing in
 * the main loop announces, such as files written by a worker thread or by
 * another process. Tests wait this way, never on fixed sleeps, and give
 * loaded machines their time. */
gboolean lode_test_poll     (LodeTestPollFunc done,
                             gpointer         data,
                             guint            seconds);
/* Conditions: *(gpointer *) @data is NULL; *(gboolean *) @data is TRUE. */
gboolean lode_test_is_null  (gpointer         data);
gboolean lode_test_is_true  (gpointer         data);

/* Removes @path and, if it is a folder, all it holds; links are removed,
 * not followed. */
void     lode_test_remove_tree (const char    *path);

G_END_DECLS
