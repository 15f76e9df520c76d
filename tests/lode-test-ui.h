/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers of the window tests, which run on a real display (Xvfb). */

/* Runs the main loop until @done returns TRUE for @data, or 10 s pass;
 * FALSE when the time ran out. */
gboolean lode_test_wait_for  (gboolean (*done) (gpointer data),
                              gpointer   data);
/* For lode_test_wait_for: whether the widget @data is mapped. */
gboolean lode_test_is_mapped (gpointer data);
/* A few more turns of the main loop, so frames are drawn and cells bound. */
void     lode_test_settle    (void);

G_END_DECLS
