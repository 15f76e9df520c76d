/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A popover that chooses an HS code of the mineral chapters: a search
 * entry over the codes with their descriptions, the preferred codes (a
 * mineral's) first. Emits "chosen" with the code, or NULL for "None". */
#define LODE_TYPE_HS_CODE_CHOOSER (lode_hs_code_chooser_get_type ())
G_DECLARE_FINAL_TYPE (LodeHsCodeChooser, lode_hs_code_chooser, LODE, HS_CODE_CHOOSER, GtkPopover)

/* Offers "None" first when @allow_none. */
LodeHsCodeChooser *lode_hs_code_chooser_new           (gboolean            allow_none);
/* Shows @codes (NULL-terminated, may be NULL) before the others. */
void               lode_hs_code_chooser_set_preferred (LodeHsCodeChooser  *self,
                                                       const char * const *codes);
/* Chooses @code (NULL for none) as if it were clicked. */
void               lode_hs_code_chooser_choose        (LodeHsCodeChooser  *self,
                                                       const char         *code);
/* The codes shown with the current search, in order ("" for none). */
GListModel        *lode_hs_code_chooser_get_shown     (LodeHsCodeChooser  *self);
/* "2603 — Copper ores and concentrates", or just the code when it is not
 * a code of the mineral chapters; NULL for NULL. */
char              *lode_hs_code_format                (const char         *code);

G_END_DECLS
