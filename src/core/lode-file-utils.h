/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way Lode writes a file: portfolios, drafts and exported charts.
 *
 * Writes @data to a temporary file in the same folder, syncs it, keeps the
 * old file as FILE~ when @backup is TRUE, renames the new one over the old
 * and syncs the folder. On any failure the temporary file is removed and
 * the old file is untouched. A new file gets @mode (less the umask); a file
 * that exists keeps its own. Blocks: call it from a worker thread in the
 * window. The error carries the system's message only, without the name. */
gboolean lode_file_replace_contents (GFile         *file,
                                     const char    *data,
                                     gsize          length,
                                     gboolean       backup,
                                     int            mode,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* Gives the next piece of the contents in @data and @length, valid until
 * the next call; returns FALSE when there is none left. */
typedef gboolean (*LodeFilePieceFunc) (gpointer     user_data,
                                       const char **data,
                                       gsize       *length);

/* As lode_file_replace_contents(), with contents made a piece at a time
 * while they are written, so that a large file never needs to be whole in
 * memory and the disk starts writing its first pieces while the next are
 * made. The same temporary file, sync, backup and rename. */
gboolean lode_file_replace_contents_pieces (GFile              *file,
                                            LodeFilePieceFunc   next_piece,
                                            gpointer            user_data,
                                            gboolean            backup,
                                            int                 mode,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
