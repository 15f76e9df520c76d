/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one way Lode asks a question and the one way it chooses a file,
 * whatever the versions of GTK and libadwaita it is built with. */

/* A question with responses: AdwAlertDialog where there is one (libadwaita
 * 1.5), else AdwMessageDialog. Either emits "response" (dialog, id). */
GObject *lode_dialog_new             (const char             *heading,
                                      const char             *body);
void     lode_dialog_add_response    (GObject                *dialog,
                                      const char             *id,
                                      const char             *label,
                                      AdwResponseAppearance   appearance);
void     lode_dialog_set_extra_child (GObject                *dialog,
                                      GtkWidget              *child);
/* Presents @dialog over the window of @parent, modal. */
void     lode_dialog_present         (GObject                *dialog,
                                      const char             *default_response,
                                      const char             *close_response,
                                      GtkWidget              *parent);
/* Closes @dialog without a response. */
void     lode_dialog_close           (GObject                *dialog);

typedef enum
{
  LODE_FILE_CHOOSER_OPEN,
  LODE_FILE_CHOOSER_SAVE,
} LodeFileChooserAction;

/* Called once with the file chosen, or NULL when none was. */
typedef void (*LodeFileChosenFunc) (GFile    *file,
                                    gpointer  user_data);

/* Chooses a file to open or a name to save under, modal over the window
 * of @parent: GtkFileDialog where there is one (GTK 4.10), else
 * GtkFileChooserNative; inside a Flatpak, through the file chooser portal.
 * @filters holds GtkFileFilters, the first one chosen at first; @folder and
 * @name (for a save) may be NULL. Returns the chooser, which the caller
 * holds until @chosen is called, or hands to lode_file_chooser_cancel(). */
GObject *lode_file_chooser_show      (GtkWidget              *parent,
                                      LodeFileChooserAction   action,
                                      const char             *title,
                                      const char             *accept_label,
                                      GListModel             *filters,
                                      GFile                  *folder,
                                      const char             *name,
                                      LodeFileChosenFunc      chosen,
                                      gpointer                user_data);
/* Puts @chooser away; its function is not called. Drops the caller's
 * reference. */
void     lode_file_chooser_cancel    (GObject                *chooser);

/* The kinds of files a chooser offers, each a GtkFileFilter named for
 * the user. */
typedef enum
{
  LODE_FILE_FILTER_PORTFOLIOS,  /* .json */
  LODE_FILE_FILTER_CSV,
  LODE_FILE_FILTER_IMPORTABLE,  /* CSV and portfolios */
  LODE_FILE_FILTER_ALL,
  LODE_FILE_FILTER_END = -1,
} LodeFileFilter;

/* The filters for lode_file_chooser_show(): @first and those that follow,
 * up to LODE_FILE_FILTER_END. */
GListModel *lode_file_filters_new    (LodeFileFilter          first,
                                      ...);

G_END_DECLS
