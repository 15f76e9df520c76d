/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Drafts of unsaved work, kept so that nothing is lost when Lode is killed
 * or crashes. A draft is a portfolio in format v1, ID.json, and a key file,
 * ID.ini, saying which file it belongs to (none for untitled work); both live
 * in g_get_user_data_dir()/lode/drafts/ and are written atomically. */

char      *lode_drafts_get_dir        (void);
/* A new, unique draft id. */
char      *lode_draft_new_id          (void);
/* Writes @bytes (format v1 text) as the draft @id of @original (or NULL).
 * Blocks: call it from a worker thread. */
gboolean   lode_draft_write           (const char    *id,
                                       GBytes        *bytes,
                                       GFile         *original,
                                       GError       **error);
/* Removes both files of the draft; a draft that is not there is no error. */
void       lode_draft_delete          (const char    *id);
/* The ids of the drafts on disk, oldest first. */
GStrv      lode_drafts_list           (void);
/* The portfolio file of the draft. */
GFile     *lode_draft_get_file        (const char    *id);
/* The file the draft belongs to, or NULL for untitled work. */
GFile     *lode_draft_get_original    (const char    *id);

G_END_DECLS
