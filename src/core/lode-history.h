/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lode-export-table.h"

G_BEGIN_DECLS

/* The undo history of one portfolio. Every edit goes through it as a
 * command that can be undone and redone; the portfolio's "modified" flag
 * follows the history: it is FALSE exactly when the history stands where it
 * stood at the last lode_history_mark_saved().
 *
 * Labels name the change for people ("Delete Copper", "Edit Saindak"); the
 * UI shows them as "Undo Delete Copper". */

#define LODE_TYPE_HISTORY (lode_history_get_type ())
G_DECLARE_FINAL_TYPE (LodeHistory, lode_history, LODE, HISTORY, GObject)

typedef struct _LodePortfolio LodePortfolio;

/* Made by the portfolio, which owns it: lode_portfolio_get_history(). */
LodeHistory *lode_history_new            (LodePortfolio   *portfolio);

/* A command: @apply does it (or redoes it), @revert undoes it. Both get
 * @data; @destroy frees it when the command leaves the history. */
typedef void (*LodeHistoryFunc) (gpointer data);

/* Properties: "can-undo", "can-redo" (booleans), "undo-label", "redo-label"
 * (strings or NULL). */
gboolean    lode_history_get_can_undo    (LodeHistory     *self);
gboolean    lode_history_get_can_redo    (LodeHistory     *self);
const char *lode_history_get_undo_label  (LodeHistory     *self);
const char *lode_history_get_redo_label  (LodeHistory     *self);
void        lode_history_undo            (LodeHistory     *self);
void        lode_history_redo            (LodeHistory     *self);
/* The current state is what is on disk now. */
void        lode_history_mark_saved      (LodeHistory     *self);
/* Forgets every command (after loading another file, say). */
void        lode_history_clear           (LodeHistory     *self);

/* Groups the commands pushed until the matching end_group into one step
 * named @label; groups nest, the outermost label wins. */
void        lode_history_begin_group     (LodeHistory     *self,
                                          const char      *label);
void        lode_history_end_group       (LodeHistory     *self);

/* Applies a command and records it; drops whatever could be redone. */
void        lode_history_push            (LodeHistory     *self,
                                          const char      *label,
                                          LodeHistoryFunc  apply,
                                          LodeHistoryFunc  revert,
                                          gpointer         data,
                                          GDestroyNotify   destroy);

/* Ready-made commands. */
void        lode_history_set_property    (LodeHistory     *self,
                                          const char      *label,
                                          GObject         *object,
                                          const char      *property,
                                          const GValue    *value);
void        lode_history_insert_item     (LodeHistory     *self,
                                          const char      *label,
                                          GListStore      *store,
                                          guint            position,
                                          GObject         *item);
void        lode_history_remove_item     (LodeHistory     *self,
                                          const char      *label,
                                          GListStore      *store,
                                          guint            position);
void        lode_history_insert_export   (LodeHistory     *self,
                                          const char      *label,
                                          guint            position,
                                          const LodeExportRow *row);
void        lode_history_replace_export  (LodeHistory     *self,
                                          const char      *label,
                                          guint            position,
                                          const LodeExportRow *row);
void        lode_history_remove_exports  (LodeHistory     *self,
                                          const char      *label,
                                          guint            position,
                                          guint            n_rows);

G_END_DECLS
