/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The application's settings (schema io.github.lodeapp.Lode), one object
 * shared by the whole process. Connect to its "changed::KEY" signals to
 * follow a preference, e.g. "changed::compact-figures" to redraw figures. */
GSettings *lode_settings_get                 (void);

/* The folder last used to open or save a portfolio, or the documents folder
 * (or home) when none was remembered. Never NULL. */
GFile     *lode_settings_get_last_folder     (void);
/* Remembers @folder; a file's parent is remembered when @folder is not a
 * directory. NULL forgets it. */
void       lode_settings_set_last_folder     (GFile *folder);

/* Whether large amounts are shown in the short form ("$1.14 B"). Cached, so
 * cheap enough for every cell of a list. */
gboolean   lode_settings_get_compact_figures (void);
/* The currency ("USD" or another ISO 4217 code) and the calendar or
 * fiscal years @file was last shown in; FALSE when none was kept. */
gboolean   lode_settings_get_view            (GFile       *file,
                                              char       **currency,
                                              gboolean    *fiscal_years);
/* Keeps how @file is shown, for when it is opened again. */
void       lode_settings_set_view            (GFile       *file,
                                              const char  *currency,
                                              gboolean     fiscal_years);

G_END_DECLS
