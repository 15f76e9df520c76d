/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-application.h"
#include "lode-portfolio.h"
#include "lode-test.h"
#include "lode-window.h"

G_BEGIN_DECLS

/* Helpers of the window tests, which run on a real display (Xvfb). */

/* g_test_init(), then a registered application, held so that it stays
 * while the tests' windows close. */
LodeApplication     *lode_test_init               (int             *argc,
                                                   char          ***argv);
/* g_test_run(), then lets the application go; returns g_test_run()'s
 * status. */
int                  lode_test_run                (void);

/* A window of the application on @portfolio (or none), presented, mapped
 * and drawn. */
LodeWindow          *lode_test_window_new         (LodePortfolio   *portfolio);
/* Presents @window and waits until it is mapped. */
void                 lode_test_present            (gpointer         window);

/* For lode_test_wait_for: whether the widget @data is mapped; whether the
 * LodeWindow @data has finished loading or saving. */
gboolean             lode_test_is_mapped          (gpointer         data);
gboolean             lode_test_is_idle            (gpointer         data);
/* A few more turns of the main loop, so frames are drawn and cells bound. */
void                 lode_test_settle             (void);

/* The template child @name of @widget, whose template is @type's. */
gpointer             lode_test_template_child     (gpointer         widget,
                                                   GType            type,
                                                   const char      *name);
/* The first visible toplevel of @type, transient for @parent unless
 * @parent is NULL; NULL when there is none. */
gpointer             lode_test_find_toplevel      (GType            type,
                                                   GtkWindow       *parent);
/* The first descendant of @root (or @root) of @type whose title (a row),
 * label (a button or a label), text (an inscription) or else tooltip is
 * @text, or of
 * any text when @text is NULL; NULL when there is none. */
GtkWidget           *lode_test_find_widget        (GtkWidget       *root,
                                                   GType            type,
                                                   const char      *text);
/* The same, the @n-th such widget (from 0) in the order of the tree. */
GtkWidget           *lode_test_find_nth_widget    (GtkWidget       *root,
                                                   GType            type,
                                                   const char      *text,
                                                   guint            n);
/* The question, error or offer @window shows (an AdwMessageDialog), once
 * it shows one; fails after 30 s. */
AdwMessageDialog    *lode_test_wait_for_dialog    (LodeWindow      *window);
/* Answers @dialog as a click on a response button does, and waits until
 * it is gone. */
void                 lode_test_respond            (AdwMessageDialog *dialog,
                                                   const char       *response);
/* Destroys @window and waits until it is finalized. */
void                 lode_test_destroy_window     (LodeWindow      *window);
/* The column of @view titled @title; fails when there is none. */
GtkColumnViewColumn *lode_test_column_with_title  (GtkColumnView   *view,
                                                   const char      *title);

G_END_DECLS
