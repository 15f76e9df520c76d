/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* Reading and writing portfolio format v1 (see docs/portfolio-format.md and
 * schema/lode-portfolio-v1.schema.json). */

#define LODE_PORTFOLIO_FORMAT  "lode-portfolio"
#define LODE_PORTFOLIO_VERSION 1
/* Limits: larger files, deeper nesting or longer strings are refused. */
#define LODE_PORTFOLIO_MAX_SIZE   ((gsize) 1 << 30)
#define LODE_PORTFOLIO_MAX_DEPTH  64
#define LODE_PORTFOLIO_MAX_STRING ((gsize) 1 << 20)
#define LODE_PORTFOLIO_MAX_ERRORS 20

#define LODE_PORTFOLIO_ERROR (lode_portfolio_error_quark ())

typedef enum
{
  LODE_PORTFOLIO_ERROR_SYNTAX,        /* not JSON: "FILE:LINE:COL: …" */
  LODE_PORTFOLIO_ERROR_INVALID,       /* JSON, but not a valid portfolio: "FILE: /pointer: …" */
  LODE_PORTFOLIO_ERROR_NEWER_VERSION, /* written by a newer Lode */
  LODE_PORTFOLIO_ERROR_TOO_LARGE,     /* beyond LODE_PORTFOLIO_MAX_SIZE */
} LodePortfolioError;

GQuark         lode_portfolio_error_quark (void);

/* Loads a whole portfolio or nothing. @name is how errors name the file.
 * Content errors (up to LODE_PORTFOLIO_MAX_ERRORS) are joined by newlines,
 * one "NAME: /json/pointer: message" a line. */
LodePortfolio *lode_portfolio_load_data   (const char    *data,
                                           gsize          length,
                                           const char    *name,
                                           GError       **error);
LodePortfolio *lode_portfolio_load_file   (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* Called from the loading thread as the file is read, at most about a
 * hundred times a load: @done of @total bytes taken in (records are built
 * as the bytes are read, so this is the whole work). */
typedef void (*LodeLoadProgressFunc) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

/* As lode_portfolio_load_file(), reporting progress to @progress (may be
 * NULL) and stopping with G_IO_ERROR_CANCELLED soon after @cancellable is
 * cancelled. */
LodePortfolio *lode_portfolio_load_file_full (GFile                *file,
                                              LodeLoadProgressFunc  progress,
                                              gpointer              user_data,
                                              GCancellable         *cancellable,
                                              GError              **error);
/* As lode_portfolio_load_data() for the contents of @mapped, a file mapped
 * read-only: the pages read are handed back to the system as the reader
 * goes, so that a large file never sits in memory whole. */
LodePortfolio *lode_portfolio_load_mapped (GMappedFile   *mapped,
                                           const char    *name,
                                           GError       **error);
/* For tests: lowers the size limit below LODE_PORTFOLIO_MAX_SIZE, so that
 * a file just over it needs no gigabyte; 0 restores it. */
void           lode_portfolio_set_max_size_for_testing (gsize max_size);

/* The built-in sample, "Pakistan minerals (sample)". */
LodePortfolio *lode_portfolio_new_sample  (void);

/* Format v1 text: pretty-printed, trailing newline, byte-stable. */
GBytes        *lode_portfolio_to_bytes    (LodePortfolio *self);
/* Writes atomically: a temporary file in the same folder, flushed, renamed
 * over the old one, which is kept as FILE~ when @backup is TRUE. */
gboolean       lode_portfolio_save_file   (LodePortfolio *self,
                                           GFile         *file,
                                           gboolean       backup,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* A snapshot of what a portfolio would write, taken on the main thread and
 * cheap to take, that a worker thread then serialises or saves while the
 * portfolio goes on changing. The small lists are made into text when it
 * is taken; the export records are a frozen version of the table, shared
 * and not copied (see lode-export-table-private.h for what a worker may
 * rely on). It may be freed in any thread: its release then runs on the
 * main context of the thread that took it, since it may drop the last
 * references to unknown members, whose counts are not thread-safe. */
typedef struct _LodePortfolioSnapshot LodePortfolioSnapshot;

LodePortfolioSnapshot *lode_portfolio_snapshot_new      (LodePortfolio          *self);
void                   lode_portfolio_snapshot_free     (LodePortfolioSnapshot  *snapshot);
/* Any thread, one at a time: the same bytes as lode_portfolio_to_bytes() of
 * the portfolio when the snapshot was taken. In a thread other than the one
 * that took it, the records are first copied (about 39 MB a million), so
 * that the table does not have to copy them when it is next changed. */
GBytes                *lode_portfolio_snapshot_to_bytes (LodePortfolioSnapshot  *snapshot);
/* Any thread: as lode_portfolio_save_file(). */
gboolean               lode_portfolio_snapshot_save_file (LodePortfolioSnapshot *snapshot,
                                                          GFile                 *file,
                                                          gboolean               backup,
                                                          GCancellable          *cancellable,
                                                          GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodePortfolioSnapshot, lode_portfolio_snapshot_free)

G_END_DECLS
