/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-import.h"
#include "lode-export-table-private.h"

G_BEGIN_DECLS

/* Building an import plan, for the layouts that live in files of their own
 * (lode-import-usgs.c, lode-import-portfolio.c) and the trade layouts of
 * lode-import-trade.c.
 *
 * lode_import_plan_new_async() takes what a plan needs of the portfolio on
 * the main thread (a LodeImportContext: the portfolio's country, its
 * minerals and their HS codes, its sources, projects and targets, and a
 * frozen version of its export records), then runs the layout's entry point
 * in a worker. The entry point reads its file and says what it found
 * through the functions below; it never touches the portfolio itself.
 *
 * Strings handed to these functions are copied (or interned): callers may
 * pass cells of a CSV reader, which live until the next record only. */

typedef struct _LodeImportContext LodeImportContext;

/* A layout's entry point: reads @file into the plan being built in @ctx.
 * Returns FALSE with @error set when the file cannot be read at all (a line
 * the layout does not understand is a skipped row, not an error). Runs in a
 * worker thread. */
typedef gboolean (*LodeImportLayoutFunc) (LodeImportContext  *ctx,
                                          GFile              *file,
                                          GCancellable       *cancellable,
                                          GError            **error);

/* Entry points of the layouts, called by lode-import.c's dispatch. */
gboolean _lode_import_trade_run     (LodeImportContext *ctx,
                                     GFile             *file,
                                     GCancellable      *cancellable,
                                     GError           **error);
gboolean _lode_import_usgs_run      (LodeImportContext *ctx,
                                     GFile             *file,
                                     GCancellable      *cancellable,
                                     GError           **error);
gboolean _lode_import_portfolio_run (LodeImportContext *ctx,
                                     GFile             *file,
                                     GCancellable      *cancellable,
                                     GError           **error);

/* TRUE when the header row @cells is the layout's; for
 * LODE_IMPORT_LAYOUT_AUTO. */
gboolean _lode_import_usgs_detect   (const char * const *cells,
                                     guint               n_cells);

/* A context over @portfolio for a file named @file_name, without reading
 * any file: for tests that feed a layout rows of cells. Main thread. */
LodeImportContext       *_lode_import_context_new          (LodePortfolio           *portfolio,
                                                            const char              *file_name,
                                                            const LodeImportOptions *options);
/* The plan built so far, finished (its notes written). */
LodeImportPlan          *_lode_import_context_finish       (LodeImportContext       *ctx);
void                     _lode_import_context_free         (LodeImportContext       *ctx);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeImportContext, _lode_import_context_free)

/* The trade layouts (Comtrade Plus, legacy Comtrade, Lode's CSV, mapped)
 * a row at a time, as _lode_import_trade_run() feeds them from a CSV
 * reader. begin() recognises the layout from the header (or takes
 * options->layout) and fails, with @error, for a header it cannot use. */
typedef struct _LodeImportTrade LodeImportTrade;

LodeImportTrade         *_lode_import_trade_begin          (LodeImportContext  *ctx,
                                                            const char * const *header,
                                                            guint               n_cells,
                                                            GError            **error);
void                     _lode_import_trade_row            (LodeImportTrade    *trade,
                                                            const char * const *cells,
                                                            guint               n_cells,
                                                            guint64             line);
/* Writes the notes (values rounded, partners that are not countries) and
 * frees @trade. */
void                     _lode_import_trade_end            (LodeImportTrade    *trade);

/* What the plan is being built from. */
const LodeImportOptions *_lode_import_context_get_options  (LodeImportContext *ctx);
/* The layout found (never AUTO once the entry point runs). */
LodeImportLayout         _lode_import_context_get_layout   (LodeImportContext *ctx);
void                     _lode_import_context_set_layout   (LodeImportContext *ctx,
                                                            LodeImportLayout   layout);
void                     _lode_import_context_set_encoding (LodeImportContext *ctx,
                                                            LodeCsvEncoding    encoding);
/* The reporter: options->country, else the portfolio's country, else "PK". */
const char              *_lode_import_context_get_country  (LodeImportContext *ctx);
/* The file's base name, as the source's title and the undo label say it. */
const char              *_lode_import_context_get_file_name (LodeImportContext *ctx);
/* Opens @file as CSV, in the encoding of the options, and reads its first
 * row into @cells (see lode_csv_reader_next()); NULL with @error set when
 * it cannot, or when the file is empty. */
LodeCsvReader           *_lode_import_context_open_csv     (LodeImportContext   *ctx,
                                                            GFile               *file,
                                                            const char * const **cells,
                                                            guint               *n_cells,
                                                            GError             **error);
/* Reports progress (bytes read of all) to the caller's LodeLoadProgressFunc;
 * cheap enough to call every few thousand rows. */
void                     _lode_import_context_progress     (LodeImportContext *ctx,
                                                            guint64            done,
                                                            guint64            total);
/* The header and the first rows of a CSV, for the preview's column
 * mapping; the first few calls of add_sample are kept, later ones ignored. */
void                     _lode_import_context_set_header   (LodeImportContext  *ctx,
                                                            const char * const *cells,
                                                            guint               n_cells);
void                     _lode_import_context_add_sample   (LodeImportContext  *ctx,
                                                            const char * const *cells,
                                                            guint               n_cells);

/* What the portfolio held when the plan began. The objects are the
 * portfolio's own: read them, never change them (the window keeps the
 * portfolio unchanged while it builds a plan, and applying a plan fails
 * when the portfolio changed since). NULL when there is none. */
LodeMineral             *_lode_import_context_find_mineral (LodeImportContext *ctx,
                                                            const char        *id);
LodeSource              *_lode_import_context_find_source  (LodeImportContext *ctx,
                                                            const char        *id);
LodeProject             *_lode_import_context_find_project (LodeImportContext *ctx,
                                                            const char        *id);
LodeTarget              *_lode_import_context_find_target  (LodeImportContext *ctx,
                                                            const char        *id);
/* The portfolio's minerals, sources, projects, targets as they were. */
GPtrArray               *_lode_import_context_get_minerals (LodeImportContext *ctx);
GPtrArray               *_lode_import_context_get_sources  (LodeImportContext *ctx);
GPtrArray               *_lode_import_context_get_projects (LodeImportContext *ctx);
GPtrArray               *_lode_import_context_get_targets  (LodeImportContext *ctx);
/* Its investment events, production figures and national figures as they
 * were: items without ids. */
GPtrArray               *_lode_import_context_get_investments      (LodeImportContext *ctx);
GPtrArray               *_lode_import_context_get_production       (LodeImportContext *ctx);
GPtrArray               *_lode_import_context_get_national_figures (LodeImportContext *ctx);
/* The portfolio's exchange rates when the import began, and the month its
 * fiscal year starts in. */
GPtrArray               *_lode_import_context_get_exchange_rates (LodeImportContext *ctx);
int                      _lode_import_context_get_fiscal_year_start (LodeImportContext *ctx);
/* The month the portfolio's fiscal year is to start in once the plan is
 * applied, in the same step of the history. */
void                     _lode_import_context_set_fiscal_year_start (LodeImportContext *ctx,
                                                                     int                month);
/* The portfolio's export records as they were (detached: any thread). */
const LodeExportTableVersion *_lode_import_context_get_existing_exports (LodeImportContext *ctx);

/* The mineral an HS code of 4 or 6 digits belongs to, and its stage:
 * options->hs_minerals first, then the portfolio's mineral that lists the
 * longest prefix of @hs_code, then the commodity of the shipped HS table
 * (adding the mineral, with its HS codes, to the plan the first time it is
 * needed). Returns the mineral id (a string that lives as long as @ctx), or
 * NULL when the code belongs to no mineral; @stage (optional) gets the
 * table's stage or LODE_STAGE_UNKNOWN. */
const char              *_lode_import_context_map_hs       (LodeImportContext *ctx,
                                                            const char        *hs_code,
                                                            LodeStage         *stage);

/* Makes sure the plan can cite the mineral @id: TRUE when the portfolio
 * or the plan has it; else adds one to the plan, named after the HS table's
 * commodity of that id or after the id itself. FALSE when @id is not a
 * valid id. */
gboolean                 _lode_import_context_ensure_mineral (LodeImportContext *ctx,
                                                              const char        *id);
/* TRUE when the portfolio has a source @id. */
gboolean                 _lode_import_context_has_source   (LodeImportContext *ctx,
                                                            const char        *id);

/* The id of the source made for (or, on a second import, found for) the
 * file: every record of the plan cites it. @publisher names who made the
 * data ("UN Comtrade"); the first call decides. */
const char              *_lode_import_context_get_source_id (LodeImportContext *ctx,
                                                             const char        *publisher);

/* An export record to add, read on @line (from 1; 0 when not from a line).
 * Its strings need not be interned; a NULL source cites the file's source.
 * Records equal to one already in the portfolio are skipped as already
 * present; records that meet one (same mineral, year, month, destination
 * and HS code) with other figures become conflicts; records that
 * lode_export_row_is_valid() refuses are skipped with the reason. Cheap:
 * call it for a million rows. */
void                     _lode_import_context_add_export   (LodeImportContext   *ctx,
                                                            const LodeExportRow *row,
                                                            guint64              line);

/* As _lode_import_context_add_export(), the record bringing its members
 * that Lode does not know (@extra, may be NULL), as a merged portfolio's
 * records do. */
void                     _lode_import_context_add_export_with_extra (LodeImportContext   *ctx,
                                                                     const LodeExportRow *row,
                                                                     JsonObject          *extra,
                                                                     guint64              line);
/* Members Lode does not know at the top of a merged portfolio (may be
 * NULL): applying adds those the portfolio has no member of that name
 * for. */
void                     _lode_import_context_set_extra    (LodeImportContext   *ctx,
                                                            JsonObject          *extra);
/* Trade statistics may list a heading (2603) beside its subheadings
 * (260300) for the same period and partner: from this call on, heading
 * records wait for the end of the file and are skipped, with the reason,
 * where subheadings came for them. */
void                     _lode_import_context_prefer_subheadings (LodeImportContext *ctx);

/* An item to add (LodeMineral, LodeSource, LodeProject, LodeTarget; or
 * LodeInvestment, LodeProduction, LodeNationalFigure, which have no id and
 * so are never in conflict: @existing NULL), taken over by the plan. When @existing (the portfolio's item with the same id)
 * is not NULL, the item is a conflict: the resolution says which stays
 * (KEEP_BOTH adds the imported one under a new id, and the plan's records
 * and items that name it by its id name it by the new one). */
void                     _lode_import_context_add_item     (LodeImportContext   *ctx,
                                                            GObject             *item,
                                                            GObject             *existing);
/* A reserve estimate to add to the mineral @mineral_id (of the portfolio or
 * of the plan), taken over by the plan. */
void                     _lode_import_context_add_reserve  (LodeImportContext   *ctx,
                                                            const char          *mineral_id,
                                                            LodeReserve         *reserve);

/* A row that is not imported, and why ("World partner: a total, not a
 * destination"). Reasons are few and repeat: they are interned, so pass
 * the same text for the same reason. */
void                     _lode_import_context_skip         (LodeImportContext   *ctx,
                                                            guint64              line,
                                                            const char          *reason);
/* A sentence about the whole import, shown once. */
void                     _lode_import_context_add_note     (LodeImportContext   *ctx,
                                                            const char          *note);

/* Parses a money amount in US dollars ("1234.5", "1,234.50" when
 * @thousands, up to 3 decimals) into cents, rounding half away from zero;
 * sets @rounded when a third decimal was not 0. FALSE for anything else. */
gboolean                 _lode_import_parse_dollars        (const char          *text,
                                                            gboolean             thousands,
                                                            LodeMoney           *cents,
                                                            gboolean            *rounded);

G_END_DECLS
