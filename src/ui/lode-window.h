/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

#define LODE_TYPE_WINDOW (lode_window_get_type ())
G_DECLARE_FINAL_TYPE (LodeWindow, lode_window, LODE, WINDOW, AdwApplicationWindow)

LodeWindow    *lode_window_new           (GtkApplication *application);
/* The portfolio shown, or NULL; setting it forgets the file it came from. */
LodePortfolio *lode_window_get_portfolio (LodeWindow     *self);
void           lode_window_set_portfolio (LodeWindow     *self,
                                          LodePortfolio  *portfolio);
/* The file the portfolio was opened from or saved to, or NULL. */
GFile         *lode_window_get_file      (LodeWindow     *self);
/* Loads @file in a worker thread. On success the window shows it; on
 * failure it keeps what it showed and presents the error in a dialog. */
void           lode_window_open_file     (LodeWindow     *self,
                                          GFile          *file);
/* Loads the draft @draft_id (see lode-drafts.h) as unsaved work on the
 * file it was a draft of. */
void           lode_window_restore_draft (LodeWindow     *self,
                                          const char     *draft_id);
/* Saves the portfolio to @file in a worker thread, as Save As does once a
 * file is chosen; failures are shown in a dialog. */
void           lode_window_save_to_file  (LodeWindow     *self,
                                          GFile          *file);
/* Reads @file in a worker and shows what importing it into the portfolio
 * shown would do; nothing changes until the preview's Import. */
void           lode_window_import_file   (LodeWindow     *self,
                                          GFile          *file);
/* The id of the draft of the unsaved work shown, or NULL. */
const char    *lode_window_get_draft_id  (LodeWindow     *self);
/* TRUE while a file is being loaded or saved. */
gboolean       lode_window_get_busy      (LodeWindow     *self);
/* Shows @toast over the pages; takes ownership of it. */
void           lode_window_add_toast     (LodeWindow     *self,
                                          AdwToast       *toast);

G_END_DECLS
