/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lode-csv.h"
#include "lode-portfolio.h"
#include "lode-portfolio-io.h"

G_BEGIN_DECLS

/* Importing data into a portfolio in two steps: a plan says what a file
 * would add, what it skips and why, and where it conflicts with what the
 * portfolio holds, changing nothing; applying the plan then changes the
 * portfolio as one undo step. The window shows the plan as a preview;
 * lode-cli prints it.
 *
 * Every imported record cites a source made for its file (the file's name,
 * the layout, the date of import), and importing the same file twice adds
 * nothing the second time. */

typedef enum
{
  LODE_IMPORT_LAYOUT_AUTO,             /* recognised from the header or the file name */
  LODE_IMPORT_LAYOUT_COMTRADE,         /* UN Comtrade Plus download or API CSV */
  LODE_IMPORT_LAYOUT_COMTRADE_LEGACY,  /* UN Comtrade before 2023 */
  LODE_IMPORT_LAYOUT_USGS_MCS,         /* USGS Mineral Commodity Summaries world data */
  LODE_IMPORT_LAYOUT_LODE,             /* Lode's own CSV of export records */
  LODE_IMPORT_LAYOUT_MAPPED,           /* any CSV, through a LodeImportMapping */
  LODE_IMPORT_LAYOUT_PORTFOLIO,        /* another portfolio (.json), merged by id */
} LodeImportLayout;

/* "comtrade", "comtrade-legacy", "usgs-mcs", "lode", "mapped", "portfolio",
 * "auto": the words of lode-cli's --layout and of the settings. */
const char *lode_import_layout_get_id   (LodeImportLayout  layout);
gboolean    lode_import_layout_from_id  (const char       *id,
                                         LodeImportLayout *layout);
/* "UN Comtrade", … translated. */
const char *lode_import_layout_get_name (LodeImportLayout  layout);

/* What a column of a CSV means, for LODE_IMPORT_LAYOUT_MAPPED. */
typedef enum
{
  LODE_IMPORT_COLUMN_YEAR,
  LODE_IMPORT_COLUMN_MONTH,
  LODE_IMPORT_COLUMN_PERIOD,      /* YYYY or YYYYMM, instead of year and month */
  LODE_IMPORT_COLUMN_REPORTER,
  LODE_IMPORT_COLUMN_FLOW,
  LODE_IMPORT_COLUMN_PARTNER,
  LODE_IMPORT_COLUMN_COMMODITY,   /* HS code */
  LODE_IMPORT_COLUMN_VALUE,       /* US dollars */
  LODE_IMPORT_COLUMN_QUANTITY,
  LODE_IMPORT_COLUMN_UNIT,
} LodeImportColumn;

#define LODE_IMPORT_N_COLUMNS (LODE_IMPORT_COLUMN_UNIT + 1)

typedef struct
{
  int column[LODE_IMPORT_N_COLUMNS];  /* index in the header, or -1 */
} LodeImportMapping;

typedef enum
{
  LODE_IMPORT_KEEP_EXISTING,
  LODE_IMPORT_TAKE_IMPORTED,
  LODE_IMPORT_KEEP_BOTH,
} LodeImportResolution;

typedef struct
{
  LodeImportLayout          layout;       /* default LODE_IMPORT_LAYOUT_AUTO */
  LodeCsvEncoding           encoding;     /* default LODE_CSV_ENCODING_AUTO */
  const char               *country;      /* reporter, ISO alpha-2; NULL: the portfolio's, else PK */
  const LodeImportMapping  *mapping;      /* for LODE_IMPORT_LAYOUT_MAPPED */
  GHashTable               *hs_minerals;  /* HS code → mineral id, before the table; may be NULL */
  LodeImportResolution      on_conflict;  /* what every conflict starts as */
} LodeImportOptions;

void lode_import_options_init (LodeImportOptions *options);

#define LODE_TYPE_IMPORT_PLAN (lode_import_plan_get_type ())
G_DECLARE_FINAL_TYPE (LodeImportPlan, lode_import_plan, LODE, IMPORT_PLAN, GObject)

/* Works out what importing @file into @portfolio would do. Call on the main
 * thread: what it needs of @portfolio is taken there, cheaply, and the file
 * is read in a worker, reporting progress (may be NULL) in that worker. */
void            lode_import_plan_new_async  (LodePortfolio            *portfolio,
                                             GFile                    *file,
                                             const LodeImportOptions  *options,
                                             LodeLoadProgressFunc      progress,
                                             gpointer                  progress_data,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data);
LodeImportPlan *lode_import_plan_new_finish (GAsyncResult             *result,
                                             GError                  **error);
/* The same, blocking: for lode-cli and tests. */
LodeImportPlan *lode_import_plan_new        (LodePortfolio            *portfolio,
                                             GFile                    *file,
                                             const LodeImportOptions  *options,
                                             GCancellable             *cancellable,
                                             GError                  **error);

LodeImportLayout     lode_import_plan_get_layout      (LodeImportPlan *self);
LodeCsvEncoding      lode_import_plan_get_encoding    (LodeImportPlan *self);
/* The header of a CSV and its first rows, for choosing a column mapping. */
const char * const  *lode_import_plan_get_header      (LodeImportPlan *self,
                                                       guint          *n_cells);
guint                lode_import_plan_get_n_samples   (LodeImportPlan *self);
const char * const  *lode_import_plan_get_sample      (LodeImportPlan *self,
                                                       guint           index,
                                                       guint          *n_cells);

/* What will be added: export records (a table, so a million of them list
 * cheaply), and the minerals, sources and other items made for them. */
LodeExportTable     *lode_import_plan_get_exports     (LodeImportPlan *self);
GListModel          *lode_import_plan_get_items       (LodeImportPlan *self);

/* Reserve estimates to add to minerals (of the portfolio or of the plan):
 * the id of the mineral and the estimate, owned by the plan. Added after
 * the header was first committed. */
guint                lode_import_plan_get_n_reserves  (LodeImportPlan *self);
void                 lode_import_plan_get_reserve     (LodeImportPlan *self,
                                                       guint           index,
                                                       const char    **mineral,
                                                       LodeReserve   **reserve);

/* What is skipped, a row at a time, with the line and the reason. */
guint                lode_import_plan_get_n_skipped   (LodeImportPlan *self);
void                 lode_import_plan_get_skipped     (LodeImportPlan *self,
                                                       guint           index,
                                                       guint64        *line,
                                                       const char    **reason);

/* Imported records that meet one already there (same mineral, year, month,
 * destination and HS code), or items with the id of one there. */
guint                lode_import_plan_get_n_conflicts (LodeImportPlan *self);
/* A sentence for people saying what meets what. */
char                *lode_import_plan_describe_conflict (LodeImportPlan *self,
                                                         guint           index);
LodeImportResolution lode_import_plan_get_resolution  (LodeImportPlan *self,
                                                       guint           index);
void                 lode_import_plan_set_resolution  (LodeImportPlan *self,
                                                       guint           index,
                                                       LodeImportResolution resolution);

/* Sentences about the whole import ("12 values had more than two decimals
 * and were rounded to the nearest cent"), NULL-terminated. */
const char * const  *lode_import_plan_get_notes       (LodeImportPlan *self);
/* "Import 21 export records from TradeData.csv": the undo step's label. */
const char          *lode_import_plan_get_label       (LodeImportPlan *self);
/* TRUE when applying would change nothing. */
gboolean             lode_import_plan_is_empty        (LodeImportPlan *self);

/* Applies the plan to the portfolio it was made for, as one undo step.
 * Fails, changing nothing, when the portfolio changed since the plan was
 * made. */
gboolean             lode_import_plan_apply           (LodeImportPlan *self,
                                                       LodePortfolio  *portfolio,
                                                       GError        **error);

G_END_DECLS
