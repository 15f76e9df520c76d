/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*LodeTestDoneFunc) (gpointer data);

/* Runs the main loop, looking at @done every 20 ms, until it returns TRUE
 * (then TRUE) or @seconds pass (then FALSE). Tests wait on conditions this
 * way, never on fixed sleeps, and give loaded machines their time. */
gboolean lode_test_wait_for (LodeTestDoneFunc done,
                             gpointer         data,
                             guint            seconds);
/* Conditions: *(gpointer *) @data is NULL; *(gboolean *) @data is TRUE. */
gboolean lode_test_is_null  (gpointer         data);
gboolean lode_test_is_true  (gpointer         data);

G_END_DECLS
