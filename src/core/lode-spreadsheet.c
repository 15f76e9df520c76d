/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "lode-csv.h"
#include "lode-enum-types.h"
#include "lode-export-table-private.h"
#include "lode-file-utils.h"
#include "lode-json-writer.h"
#include "lode-spreadsheet.h"

/* A spreadsheet is made of sheets of typed cells. The small lists
 * (minerals, reserves, projects, targets, investment events, production
 * and national figures, sources) become cells when the
 * spreadsheet is taken, on the main thread, since their objects may only
 * be read there; the export records, which may be a million, stay a
 * frozen version of the table and become cells one row at a time as they
 * are written, in any thread.
 *
 * Column headers are the member names of the portfolio format ("year",
 * "value_usd"), and values such as stages and groups are written as the
 * file writes them ("ore", "base-metal"): a workbook then reads the same
 * whatever the language of the Lode that wrote it, and its columns say
 * which member of the format they hold. */

typedef enum
{
  CELL_EMPTY,
  CELL_TEXT,     /* UTF-8 */
  CELL_INTEGER,  /* years, months, jobs */
  CELL_NUMBER,   /* quantities, shares */
  CELL_MONEY,    /* cents, shown as US dollars */
} CellKind;

typedef struct
{
  CellKind kind;
  union
  {
    const char *text;
    gint64      integer;
    double      number;
    LodeMoney   money;
  };
} Cell;

typedef struct
{
  const char *name;
  CellKind    kind;   /* what the column holds when it holds anything */
} Column;

typedef struct
{
  const char   *name;
  const Column *columns;
  guint         n_columns;
  GArray       *cells;    /* of Cell, row after row; NULL for the records */
} Sheet;

static const Column mineral_columns[] = {
  { "id", CELL_TEXT }, { "name", CELL_TEXT }, { "symbol", CELL_TEXT },
  { "group", CELL_TEXT }, { "hs_codes", CELL_TEXT },
};

static const Column reserve_columns[] = {
  { "mineral", CELL_TEXT }, { "category", CELL_TEXT }, { "quantity", CELL_NUMBER },
  { "unit", CELL_TEXT }, { "value_usd", CELL_MONEY }, { "year", CELL_INTEGER },
  { "source", CELL_TEXT },
};

static const Column export_columns[] = {
  { "mineral", CELL_TEXT }, { "year", CELL_INTEGER }, { "month", CELL_INTEGER },
  { "destination", CELL_TEXT }, { "hs_code", CELL_TEXT }, { "stage", CELL_TEXT },
  { "quantity", CELL_NUMBER }, { "unit", CELL_TEXT }, { "value_usd", CELL_MONEY },
  { "source", CELL_TEXT }, { "period", CELL_TEXT }, { "original_amount", CELL_NUMBER },
  { "original_currency", CELL_TEXT },
};

static const Column project_columns[] = {
  { "id", CELL_TEXT }, { "name", CELL_TEXT }, { "minerals", CELL_TEXT },
  { "region", CELL_TEXT }, { "operator", CELL_TEXT }, { "status", CELL_TEXT },
  { "partners", CELL_TEXT }, { "committed_usd", CELL_MONEY },
  { "disbursed_usd", CELL_MONEY }, { "start_year", CELL_INTEGER },
  { "jobs", CELL_INTEGER }, { "source", CELL_TEXT },
};

static const Column target_columns[] = {
  { "id", CELL_TEXT }, { "title", CELL_TEXT }, { "metric", CELL_TEXT },
  { "mineral", CELL_TEXT }, { "destination", CELL_TEXT },
  { "baseline_year", CELL_INTEGER }, { "baseline_usd", CELL_MONEY },
  { "target_year", CELL_INTEGER }, { "low_usd", CELL_MONEY },
  { "high_usd", CELL_MONEY }, { "source", CELL_TEXT },
};

static const Column investment_columns[] = {
  { "project", CELL_TEXT }, { "investor", CELL_TEXT },
  { "investor_country", CELL_TEXT }, { "kind", CELL_TEXT },
  { "value_usd", CELL_MONEY }, { "date", CELL_TEXT }, { "minerals", CELL_TEXT },
  { "source", CELL_TEXT }, { "note", CELL_TEXT },
};

static const Column production_columns[] = {
  { "mineral", CELL_TEXT }, { "project", CELL_TEXT }, { "year", CELL_INTEGER },
  { "quantity", CELL_NUMBER }, { "unit", CELL_TEXT }, { "source", CELL_TEXT },
  { "note", CELL_TEXT },
};

static const Column national_figure_columns[] = {
  { "kind", CELL_TEXT }, { "country", CELL_TEXT }, { "year", CELL_INTEGER },
  { "value_usd", CELL_MONEY }, { "change", CELL_NUMBER }, { "note", CELL_TEXT },
  { "source", CELL_TEXT },
};

static const Column source_columns[] = {
  { "id", CELL_TEXT }, { "title", CELL_TEXT }, { "publisher", CELL_TEXT },
  { "date", CELL_TEXT }, { "url", CELL_TEXT },
};

enum
{
  SHEET_MINERALS,
  SHEET_RESERVES,
  SHEET_EXPORTS,
  SHEET_PROJECTS,
  SHEET_TARGETS,
  SHEET_INVESTMENTS,
  SHEET_PRODUCTION,
  SHEET_NATIONAL_FIGURES,
  SHEET_SOURCES,
  N_SHEETS
};

struct _LodeSpreadsheet
{
  GThread                *thread;    /* the one that took it */
  GMainContext           *context;   /* where it is released from other threads */
  LodeExportTableVersion *exports;
  guint                  *positions; /* the records shown, or NULL for all */
  guint                   n_records;
  gboolean                detached;
  GStringChunk           *strings;   /* the text of the small lists' cells */
  Sheet                   sheets[N_SHEETS];

  LodeLoadProgressFunc    progress;
  gpointer                progress_data;
  guint64                 done;      /* rows written, for progress */
  guint64                 total;
  guint64                 reported;
};

LodeSpreadsheetFormat
lode_spreadsheet_format_for_name (const char *name)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, LODE_SPREADSHEET_FORMAT_NONE);

  dot = strrchr (name, '.');
  if (dot == NULL)
    return LODE_SPREADSHEET_FORMAT_NONE;
  if (g_ascii_strcasecmp (dot, ".csv") == 0)
    return LODE_SPREADSHEET_FORMAT_CSV;
  if (g_ascii_strcasecmp (dot, ".xlsx") == 0)
    return LODE_SPREADSHEET_FORMAT_XLSX;

  return LODE_SPREADSHEET_FORMAT_NONE;
}

/* The small lists, as cells */

static void
sheet_init (Sheet        *sheet,
            const char   *name,
            const Column *columns,
            guint         n_columns)
{
  sheet->name = name;
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
}

static guint
sheet_get_n_rows (const Sheet *sheet)
{
  return sheet->cells->len / sheet->n_columns;
}

static void
add_text (LodeSpreadsheet *self,
          Sheet           *sheet,
          const char      *text)
{
  Cell cell = { .kind = CELL_EMPTY };

  if (text != NULL && *text != '\0')
    {
      cell.kind = CELL_TEXT;
      cell.text = g_string_chunk_insert_const (self->strings, text);
    }
  g_array_append_val (sheet->cells, cell);
}

static void
add_nick (LodeSpreadsheet *self,
          Sheet           *sheet,
          GType            enum_type,
          int              value)
{
  add_text (self, sheet, lode_enum_to_nick (enum_type, value));
}

/* @value, or an empty cell when it equals @unset. */
static void
add_integer (Sheet  *sheet,
             gint64  value,
             gint64  unset)
{
  Cell cell = { .kind = value == unset ? CELL_EMPTY : CELL_INTEGER, .integer = value };

  g_array_append_val (sheet->cells, cell);
}

static void
add_money (Sheet     *sheet,
           LodeMoney  value)
{
  Cell cell = { .kind = value < 0 ? CELL_EMPTY : CELL_MONEY, .money = value };

  g_array_append_val (sheet->cells, cell);
}

static void
add_number (Sheet  *sheet,
            double  value,
            double  unset)
{
  Cell cell = { .kind = value == unset ? CELL_EMPTY : CELL_NUMBER, .number = value };

  g_array_append_val (sheet->cells, cell);
}

static void
add_joined (LodeSpreadsheet    *self,
            Sheet              *sheet,
            const char * const *strv)
{
  g_autofree char *joined = strv != NULL ? g_strjoinv (", ", (char **) strv) : NULL;

  add_text (self, sheet, joined);
}

static void
take_minerals (LodeSpreadsheet *self,
               GListModel      *minerals)
{
  Sheet *sheet = &self->sheets[SHEET_MINERALS];
  Sheet *reserves = &self->sheets[SHEET_RESERVES];

  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);
      GListModel *list = lode_mineral_get_reserves (mineral);

      add_text (self, sheet, lode_mineral_get_id (mineral));
      add_text (self, sheet, lode_mineral_get_name (mineral));
      add_text (self, sheet, lode_mineral_get_symbol (mineral));
      add_nick (self, sheet, LODE_TYPE_MINERAL_GROUP, lode_mineral_get_group (mineral));
      add_joined (self, sheet, lode_mineral_get_hs_codes (mineral));

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (list, j);

          add_text (self, reserves, lode_mineral_get_id (mineral));
          add_nick (self, reserves, LODE_TYPE_RESERVE_CATEGORY, lode_reserve_get_category (reserve));
          add_number (reserves, lode_reserve_get_quantity (reserve), NAN);
          add_nick (self, reserves, LODE_TYPE_UNIT, lode_reserve_get_unit (reserve));
          add_money (reserves, lode_reserve_get_value (reserve));
          add_integer (reserves, lode_reserve_get_year (reserve), 0);
          add_text (self, reserves, lode_reserve_get_source (reserve));
        }
    }
}

/* "China Metallurgical Group (CN, 50%); …": a project's partners in one
 * cell, the share in percent as people write it. */
static char *
partners_to_text (GListModel *partners)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(LodePartner) partner = g_list_model_get_item (partners, i);
      const char *name = lode_partner_get_name (partner);
      const char *country = lode_partner_get_country (partner);
      double share = lode_partner_get_share (partner);
      gboolean open = FALSE;

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, name != NULL ? name : "");
      if (country != NULL)
        {
          g_string_append_printf (out, "%s(%s", out->len > 0 ? " " : "", country);
          open = TRUE;
        }
      if (share != LODE_SHARE_UNSET)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (number, sizeof number, "%.10g", share * 100);
          g_string_append_printf (out, "%s%s%%", open ? ", " : " (", number);
          open = TRUE;
        }
      if (open)
        g_string_append_c (out, ')');
    }

  return g_string_free (out, FALSE);
}

static void
take_projects (LodeSpreadsheet *self,
               GListModel      *projects)
{
  Sheet *sheet = &self->sheets[SHEET_PROJECTS];

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      g_autofree char *partners = partners_to_text (lode_project_get_partners (project));

      add_text (self, sheet, lode_project_get_id (project));
      add_text (self, sheet, lode_project_get_name (project));
      add_joined (self, sheet, lode_project_get_minerals (project));
      add_text (self, sheet, lode_project_get_region (project));
      add_text (self, sheet, lode_project_get_operator (project));
      add_nick (self, sheet, LODE_TYPE_PROJECT_STATUS, lode_project_get_status (project));
      add_text (self, sheet, partners);
      add_money (sheet, lode_project_get_committed (project));
      add_money (sheet, lode_project_get_disbursed (project));
      add_integer (sheet, lode_project_get_start_year (project), 0);
      add_integer (sheet, lode_project_get_jobs (project), -1);
      add_text (self, sheet, lode_project_get_source (project));
    }
}

static void
take_targets (LodeSpreadsheet *self,
              GListModel      *targets)
{
  Sheet *sheet = &self->sheets[SHEET_TARGETS];

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (targets, i);
      LodeMoney low = lode_target_get_target_low (target);
      LodeMoney high = lode_target_get_target_high (target);

      add_text (self, sheet, lode_target_get_id (target));
      add_text (self, sheet, lode_target_get_title (target));
      add_nick (self, sheet, LODE_TYPE_METRIC_KIND, lode_target_get_metric_kind (target));
      add_text (self, sheet, lode_target_get_metric_mineral (target));
      add_text (self, sheet, lode_target_get_metric_destination (target));
      add_integer (sheet, lode_target_get_baseline_year (target), 0);
      add_money (sheet, lode_target_get_baseline_value (target));
      add_integer (sheet, lode_target_get_target_year (target), 0);
      add_money (sheet, low);
      /* Both ends of the range, also when it is a single figure, so that
       * a formula over the column needs no special case. */
      add_money (sheet, high);
      add_text (self, sheet, lode_target_get_source (target));
    }
}

/* Dates stay text as the file has them ("2026", "2026-01", "2026-01-28"):
 * a spreadsheet's date would make a day of a month or a year. */
static void
take_investments (LodeSpreadsheet *self,
                  GListModel      *investments)
{
  Sheet *sheet = &self->sheets[SHEET_INVESTMENTS];

  for (guint i = 0; i < g_list_model_get_n_items (investments); i++)
    {
      g_autoptr(LodeInvestment) investment = g_list_model_get_item (investments, i);

      add_text (self, sheet, lode_investment_get_project (investment));
      add_text (self, sheet, lode_investment_get_investor (investment));
      add_text (self, sheet, lode_investment_get_investor_country (investment));
      add_nick (self, sheet, LODE_TYPE_INVESTMENT_KIND, lode_investment_get_kind (investment));
      add_money (sheet, lode_investment_get_value (investment));
      add_text (self, sheet, lode_investment_get_date (investment));
      add_joined (self, sheet, lode_investment_get_minerals (investment));
      add_text (self, sheet, lode_investment_get_source (investment));
      add_text (self, sheet, lode_investment_get_note (investment));
    }
}

static void
take_production (LodeSpreadsheet *self,
                 GListModel      *production)
{
  Sheet *sheet = &self->sheets[SHEET_PRODUCTION];

  for (guint i = 0; i < g_list_model_get_n_items (production); i++)
    {
      g_autoptr(LodeProduction) figure = g_list_model_get_item (production, i);

      add_text (self, sheet, lode_production_get_mineral (figure));
      add_text (self, sheet, lode_production_get_project (figure));
      add_integer (sheet, lode_production_get_year (figure), 0);
      add_number (sheet, lode_production_get_quantity (figure), NAN);
      add_nick (self, sheet, LODE_TYPE_UNIT, lode_production_get_unit (figure));
      add_text (self, sheet, lode_production_get_source (figure));
      add_text (self, sheet, lode_production_get_note (figure));
    }
}

static void
take_national_figures (LodeSpreadsheet *self,
                       GListModel      *figures)
{
  Sheet *sheet = &self->sheets[SHEET_NATIONAL_FIGURES];

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LodeNationalFigure) figure = g_list_model_get_item (figures, i);

      add_nick (self, sheet, LODE_TYPE_FIGURE_KIND, lode_national_figure_get_kind (figure));
      add_text (self, sheet, lode_national_figure_get_country (figure));
      add_integer (sheet, lode_national_figure_get_year (figure), 0);
      add_money (sheet, lode_national_figure_get_value (figure));
      /* As the file has it, a fraction: 0.111 for a rise of 11.1 %. */
      add_number (sheet, lode_national_figure_get_change (figure), LODE_CHANGE_UNSET);
      add_text (self, sheet, lode_national_figure_get_note (figure));
      add_text (self, sheet, lode_national_figure_get_source (figure));
    }
}

static void
take_sources (LodeSpreadsheet *self,
              GListModel      *sources)
{
  Sheet *sheet = &self->sheets[SHEET_SOURCES];

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(LodeSource) source = g_list_model_get_item (sources, i);

      add_text (self, sheet, lode_source_get_id (source));
      add_text (self, sheet, lode_source_get_title (source));
      add_text (self, sheet, lode_source_get_publisher (source));
      add_text (self, sheet, lode_source_get_date (source));
      add_text (self, sheet, lode_source_get_url (source));
    }
}

/* Taking and releasing */

LodeSpreadsheet *
lode_spreadsheet_new (LodePortfolio   *portfolio,
                      LodeExportIndex *shown)
{
  LodeSpreadsheet *self;
  LodeExportTable *table;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (shown == NULL || LODE_IS_EXPORT_INDEX (shown), NULL);

  table = lode_portfolio_get_exports (portfolio);
  g_return_val_if_fail (shown == NULL || lode_export_index_get_table (shown) == table, NULL);

  self = g_new0 (LodeSpreadsheet, 1);
  self->thread = g_thread_self ();
  self->context = g_main_context_ref_thread_default ();
  self->strings = g_string_chunk_new (4096);
  self->exports = _lode_export_table_freeze (table);

  if (shown != NULL)
    {
      guint n_rows = lode_export_table_get_n_rows (table);
      guint n_shown = lode_export_index_get_totals (shown)->count;

      /* 4 bytes a record: the permutation of what is shown, taken now. */
      self->positions = g_new (guint, MAX (n_shown, 1));
      for (guint i = 0; i < n_shown; i++)
        {
          guint position = lode_export_index_get_row_position (shown, i);

          if (position < n_rows)
            self->positions[self->n_records++] = position;
        }
    }
  else
    {
      self->n_records = lode_export_table_get_n_rows (table);
    }

  sheet_init (&self->sheets[SHEET_MINERALS], "Minerals", mineral_columns, G_N_ELEMENTS (mineral_columns));
  sheet_init (&self->sheets[SHEET_RESERVES], "Reserves", reserve_columns, G_N_ELEMENTS (reserve_columns));
  sheet_init (&self->sheets[SHEET_PROJECTS], "Projects", project_columns, G_N_ELEMENTS (project_columns));
  sheet_init (&self->sheets[SHEET_TARGETS], "Targets", target_columns, G_N_ELEMENTS (target_columns));
  sheet_init (&self->sheets[SHEET_INVESTMENTS], "Investments", investment_columns, G_N_ELEMENTS (investment_columns));
  sheet_init (&self->sheets[SHEET_PRODUCTION], "Production", production_columns, G_N_ELEMENTS (production_columns));
  sheet_init (&self->sheets[SHEET_NATIONAL_FIGURES], "National figures", national_figure_columns,
              G_N_ELEMENTS (national_figure_columns));
  sheet_init (&self->sheets[SHEET_SOURCES], "Sources", source_columns, G_N_ELEMENTS (source_columns));
  self->sheets[SHEET_EXPORTS] = (Sheet) { "Exports", export_columns, G_N_ELEMENTS (export_columns), NULL };

  take_minerals (self, G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)));
  take_projects (self, G_LIST_MODEL (lode_portfolio_get_projects (portfolio)));
  take_targets (self, G_LIST_MODEL (lode_portfolio_get_targets (portfolio)));
  take_investments (self, G_LIST_MODEL (lode_portfolio_get_investments (portfolio)));
  take_production (self, G_LIST_MODEL (lode_portfolio_get_production (portfolio)));
  take_national_figures (self, G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio)));
  take_sources (self, G_LIST_MODEL (lode_portfolio_get_sources (portfolio)));

  return self;
}

static gboolean
release_cb (gpointer user_data)
{
  LodeSpreadsheet *self = user_data;

  _lode_export_table_version_free (self->exports);
  for (guint i = 0; i < N_SHEETS; i++)
    g_clear_pointer (&self->sheets[i].cells, g_array_unref);
  g_string_chunk_free (self->strings);
  g_free (self->positions);
  g_main_context_unref (self->context);
  g_free (self);

  return G_SOURCE_REMOVE;
}

void
lode_spreadsheet_free (LodeSpreadsheet *self)
{
  if (self == NULL)
    return;

  /* The frozen table is released where the portfolio changes (see
   * lode-export-table-private.h). */
  if (g_thread_self () == self->thread)
    {
      release_cb (self);
    }
  else
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, release_cb, self, NULL);
      g_source_set_static_name (source, "[lode] release spreadsheet");
      g_source_attach (source, self->context);
    }
}

void
lode_spreadsheet_set_progress (LodeSpreadsheet      *self,
                               LodeLoadProgressFunc  progress,
                               gpointer              user_data)
{
  g_return_if_fail (self != NULL);

  self->progress = progress;
  self->progress_data = user_data;
}

/* Reports @done of @total, about a hundred times in all. */
static void
report_progress (LodeSpreadsheet *self,
                 guint64          done)
{
  self->done = MIN (done, self->total);
  if (self->progress == NULL || self->total == 0)
    return;

  if (self->done == 0 || self->done == self->total || self->done - self->reported >= self->total / 100 + 1)
    {
      self->reported = self->done;
      self->progress (self->done, self->total, self->progress_data);
    }
}

guint
lode_spreadsheet_get_n_records (LodeSpreadsheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_records;
}

/* In a worker, the records are copied out of the table first, so that
 * edits on the main thread meanwhile copy nothing. */
static void
detach (LodeSpreadsheet *self)
{
  if (g_thread_self () == self->thread || self->detached)
    return;

  _lode_export_table_version_detach (self->exports);
  self->detached = TRUE;
}

static void
get_record (LodeSpreadsheet  *self,
            guint             index,
            LodeExportRawRow *row)
{
  guint position = self->positions != NULL ? self->positions[index] : index;

  _lode_export_table_version_get_raw_row (self->exports, position, row);
}

/* CSV
 *
 * The text of each string and enumeration value is made once; a record is
 * then a few copies and two numbers. */

typedef struct
{
  LodeSpreadsheet *spreadsheet;
  GPtrArray       *strings;   /* CSV cell of each string id; "" for 0 */
  GPtrArray       *stages;    /* by LodeStage */
  GPtrArray       *units;     /* by LodeUnit */
  GPtrArray       *periods;   /* by LodePeriodKind */
  GString         *out;
  guint            next;      /* the next record, or G_MAXUINT before the header */
} CsvWriter;

static char *
csv_cell (const char *text)
{
  GString *cell = g_string_new (NULL);

  if (text != NULL)
    lode_csv_append_cell (cell, text);

  return g_string_free (cell, FALSE);
}

static GPtrArray *
csv_enum_cells (GType enum_type,
                guint n_values)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  /* The values that stand for an absent member have no nick. */
  for (guint i = 0; i < n_values; i++)
    g_ptr_array_add (cells, csv_cell (lode_enum_to_nick (enum_type, i)));

  return cells;
}

static void
csv_writer_init (CsvWriter       *writer,
                 LodeSpreadsheet *spreadsheet,
                 GString         *out)
{
  guint n_strings = _lode_export_table_version_get_n_strings (spreadsheet->exports);

  writer->spreadsheet = spreadsheet;
  writer->out = out;
  writer->next = G_MAXUINT;
  writer->strings = g_ptr_array_new_full (n_strings, g_free);
  for (guint id = 0; id < n_strings; id++)
    g_ptr_array_add (writer->strings, csv_cell (_lode_export_table_version_get_string (spreadsheet->exports, id)));
  writer->stages = csv_enum_cells (LODE_TYPE_STAGE, LODE_N_STAGES);
  writer->units = csv_enum_cells (LODE_TYPE_UNIT, LODE_UNIT_M3 + 1);
  writer->periods = csv_enum_cells (LODE_TYPE_PERIOD_KIND, LODE_PERIOD_KIND_FISCAL_YEAR + 1);
}

static void
csv_writer_clear (CsvWriter *writer)
{
  g_clear_pointer (&writer->strings, g_ptr_array_unref);
  g_clear_pointer (&writer->stages, g_ptr_array_unref);
  g_clear_pointer (&writer->units, g_ptr_array_unref);
  g_clear_pointer (&writer->periods, g_ptr_array_unref);
}

static const char *
csv_enum (GPtrArray *cells,
          guint      value)
{
  return value < cells->len ? g_ptr_array_index (cells, value) : "";
}

static void
csv_write_record (CsvWriter              *writer,
                  const LodeExportRawRow *row)
{
  GString *out = writer->out;

  g_string_append (out, g_ptr_array_index (writer->strings, row->mineral));
  g_string_append_printf (out, ",%d,", row->year);
  if (row->month != 0)
    g_string_append_printf (out, "%d", row->month);
  g_string_append_c (out, ',');
  g_string_append (out, g_ptr_array_index (writer->strings, row->destination));
  g_string_append_c (out, ',');
  g_string_append (out, g_ptr_array_index (writer->strings, row->hs_code));
  g_string_append_c (out, ',');
  g_string_append (out, csv_enum (writer->stages, row->stage));
  g_string_append_c (out, ',');
  /* The shortest text that reads back as the same double, as the
   * portfolio file has it. */
  if (row->quantity != LODE_QUANTITY_UNSET)
    lode_json_append_double (out, row->quantity);
  g_string_append_c (out, ',');
  g_string_append (out, csv_enum (writer->units, row->unit));
  /* Dollars with exactly two decimals: values are never negative. */
  g_string_append_printf (out, ",%" G_GINT64_FORMAT ".%02d,",
                          row->value / 100, (int) (row->value % 100));
  g_string_append (out, g_ptr_array_index (writer->strings, row->source));
  g_string_append_c (out, ',');
  g_string_append (out, csv_enum (writer->periods, row->period));
  g_string_append_c (out, ',');
  /* As entered, with exactly two decimals; both or neither. */
  if (row->original_currency != 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT ".%02d,%s",
                            row->original_amount / 100, (int) (row->original_amount % 100),
                            (const char *) g_ptr_array_index (writer->strings, row->original_currency));
  else
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
}

/* Appends the header and records until @out holds @limit bytes or more;
 * FALSE once everything was written. */
static gboolean
csv_writer_fill (CsvWriter *writer,
                 gsize      limit)
{
  LodeSpreadsheet *spreadsheet = writer->spreadsheet;

  if (writer->next == spreadsheet->n_records)
    return FALSE;

  if (writer->next == G_MAXUINT)
    {
      g_string_append (writer->out, LODE_SPREADSHEET_CSV_HEADER "\n");
      writer->next = 0;
    }

  while (writer->out->len < limit && writer->next < spreadsheet->n_records)
    {
      LodeExportRawRow row;

      get_record (spreadsheet, writer->next++, &row);
      csv_write_record (writer, &row);
    }

  return TRUE;
}

GBytes *
lode_spreadsheet_to_csv (LodeSpreadsheet *self)
{
  CsvWriter writer;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  detach (self);
  out = g_string_sized_new (128 + (gsize) self->n_records * 64);
  csv_writer_init (&writer, self, out);
  csv_writer_fill (&writer, G_MAXSIZE);
  csv_writer_clear (&writer);

  return g_string_free_to_bytes (out);
}

/* Files are written a piece of about this size at a time. */
#define PIECE_SIZE ((gsize) 1 << 22)

typedef struct
{
  CsvWriter     csv;
} CsvPieces;

static gboolean
csv_next_piece (gpointer     user_data,
                const char **data,
                gsize       *length)
{
  CsvPieces *pieces = user_data;

  /* No piece may end the file early: whatever the pieces give is renamed
   * over the old file. A cancel is looked at before writing starts. */
  g_string_truncate (pieces->csv.out, 0);
  if (!csv_writer_fill (&pieces->csv, PIECE_SIZE))
    return FALSE;
  report_progress (pieces->csv.spreadsheet, pieces->csv.next);

  *data = pieces->csv.out->str;
  *length = pieces->csv.out->len;

  return TRUE;
}

static gboolean
write_csv (LodeSpreadsheet  *self,
           GFile            *file,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GString) out = g_string_sized_new (PIECE_SIZE + 4096);
  CsvPieces pieces;
  gboolean written;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  self->total = self->n_records;
  self->reported = 0;
  report_progress (self, 0);
  csv_writer_init (&pieces.csv, self, out);
  written = lode_file_replace_contents_pieces (file, csv_next_piece, &pieces, FALSE, 0666,
                                               cancellable, error);
  csv_writer_clear (&pieces.csv);

  return written;
}

/* The workbook
 *
 * libxlsxwriter writes to a path of its own choosing only: the workbook is
 * made in a private temporary folder, then copied, a piece at a time,
 * through the one atomic writer over the file chosen. */

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *money;
  lxw_format   *integer;
} Book;

/* Width of a column in characters, between these. */
#define MIN_WIDTH 6
#define MAX_WIDTH 60

/* The most characters a cell of Excel holds. */
#define MAX_CELL_TEXT 32767

static guint
digits (guint64 value)
{
  guint n = 1;

  while (value >= 10)
    {
      value /= 10;
      n++;
    }

  return n;
}

/* About how many characters @cell takes as a spreadsheet shows it. */
static guint
cell_width (const Cell *cell)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
      return (guint) MIN (g_utf8_strlen (cell->text, -1), MAX_WIDTH);
    case CELL_INTEGER:
      return digits ((guint64) ABS (cell->integer)) + (cell->integer < 0);
    case CELL_NUMBER:
      return digits ((guint64) MIN (ABS (cell->number), 1e18)) + 4;
    case CELL_MONEY:
      {
        guint n = digits ((guint64) (cell->money / 100));

        /* "$", the separators of thousands, the cents. */
        return 1 + n + (n - 1) / 3 + 3;
      }
    case CELL_EMPTY:
    default:
      return 0;
    }
}

static gboolean
check_xlsx (lxw_error   status,
            GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", lxw_strerror (status));
  return FALSE;
}

static Cell
text_cell (const char *text)
{
  if (text == NULL || *text == '\0')
    return (Cell) { .kind = CELL_EMPTY };

  return (Cell) { .kind = CELL_TEXT, .text = text };
}

/* The cells of the record at @index. Text borrows the version's strings. */
static void
record_cells (LodeSpreadsheet *self,
              guint            index,
              Cell             cells[G_N_ELEMENTS (export_columns)])
{
  const LodeExportTableVersion *exports = self->exports;
  LodeExportRawRow row;
  const char *stage, *unit;

  get_record (self, index, &row);
  stage = lode_enum_to_nick (LODE_TYPE_STAGE, row.stage);
  unit = lode_enum_to_nick (LODE_TYPE_UNIT, row.unit);

  cells[0] = text_cell (_lode_export_table_version_get_string (exports, row.mineral));
  cells[1] = (Cell) { .kind = CELL_INTEGER, .integer = row.year };
  cells[2] = row.month != 0 ? (Cell) { .kind = CELL_INTEGER, .integer = row.month } : (Cell) { .kind = CELL_EMPTY };
  cells[3] = text_cell (_lode_export_table_version_get_string (exports, row.destination));
  cells[4] = text_cell (_lode_export_table_version_get_string (exports, row.hs_code));
  cells[5] = text_cell (row.stage != LODE_STAGE_UNKNOWN ? stage : NULL);
  cells[6] = row.quantity != LODE_QUANTITY_UNSET ? (Cell) { .kind = CELL_NUMBER, .number = row.quantity } : (Cell) { .kind = CELL_EMPTY };
  cells[7] = text_cell (row.unit != LODE_UNIT_NONE ? unit : NULL);
  cells[8] = (Cell) { .kind = CELL_MONEY, .money = row.value };
  cells[9] = text_cell (_lode_export_table_version_get_string (exports, row.source));
  cells[10] = text_cell (row.period != LODE_PERIOD_KIND_UNKNOWN ? lode_enum_to_nick (LODE_TYPE_PERIOD_KIND, row.period)
                                                               : NULL);
  cells[11] = row.original_currency != 0 ? (Cell) { .kind = CELL_NUMBER, .number = row.original_amount / 100.0 }
                                         : (Cell) { .kind = CELL_EMPTY };
  cells[12] = text_cell (row.original_currency != 0
                         ? _lode_export_table_version_get_string (exports, row.original_currency) : NULL);
}

/* The cells of row @row (from 0, below the header) of @sheet. */
static const Cell *
sheet_row (LodeSpreadsheet *self,
           const Sheet     *sheet,
           guint            row,
           Cell            *buffer)
{
  if (sheet->cells == NULL)
    {
      record_cells (self, row, buffer);
      return buffer;
    }

  return &g_array_index (sheet->cells, Cell, (gsize) row * sheet->n_columns);
}

static guint
sheet_n_rows (LodeSpreadsheet *self,
              const Sheet     *sheet)
{
  return sheet->cells == NULL ? self->n_records : sheet_get_n_rows (sheet);
}

static lxw_error
write_cell (Book           *book,
            lxw_worksheet  *worksheet,
            lxw_row_t       row,
            lxw_col_t       column,
            const Cell     *cell)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
      /* A cell holds at most 32,767 characters; a longer text (a
       * description pasted whole) is cut rather than failing the rest. */
      if (g_utf8_strlen (cell->text, MAX_CELL_TEXT * 4 + 4) > MAX_CELL_TEXT)
        {
          g_autofree char *cut = g_utf8_substring (cell->text, 0, MAX_CELL_TEXT);

          return worksheet_write_string (worksheet, row, column, cut, NULL);
        }
      return worksheet_write_string (worksheet, row, column, cell->text, NULL);
    case CELL_INTEGER:
      return worksheet_write_number (worksheet, row, column, (double) cell->integer, book->integer);
    case CELL_NUMBER:
      return worksheet_write_number (worksheet, row, column, cell->number, NULL);
    case CELL_MONEY:
      /* Below 2^53 cents, the double closest to the amount in dollars
       * is written with 16 significant digits: the cents come back. */
      return worksheet_write_number (worksheet, row, column, (double) cell->money / 100.0, book->money);
    case CELL_EMPTY:
    default:
      return LXW_NO_ERROR;
    }
}

static gboolean
write_sheet (LodeSpreadsheet  *self,
             Book             *book,
             const Sheet      *sheet,
             GCancellable     *cancellable,
             GError          **error)
{
  guint n_rows = sheet_n_rows (self, sheet);
  guint64 first_row = self->done;
  guint widths[G_N_ELEMENTS (export_columns)] = { 0 };
  Cell buffer[G_N_ELEMENTS (export_columns)];
  lxw_worksheet *worksheet;

  /* The records have the most columns. */
  G_STATIC_ASSERT (G_N_ELEMENTS (export_columns) >= G_N_ELEMENTS (project_columns));
  G_STATIC_ASSERT (G_N_ELEMENTS (export_columns) >= G_N_ELEMENTS (target_columns));
  G_STATIC_ASSERT (G_N_ELEMENTS (export_columns) >= G_N_ELEMENTS (investment_columns));

  worksheet = workbook_add_worksheet (book->workbook, sheet->name);
  if (worksheet == NULL)
    return check_xlsx (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  /* Rows go out in order, one at a time (constant memory): the widths are
   * measured first. */
  for (guint c = 0; c < sheet->n_columns; c++)
    widths[c] = strlen (sheet->columns[c].name);
  for (guint r = 0; r < n_rows; r++)
    {
      const Cell *cells = sheet_row (self, sheet, r, buffer);

      for (guint c = 0; c < sheet->n_columns; c++)
        widths[c] = MAX (widths[c], cell_width (&cells[c]));
    }
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      double width = CLAMP (widths[c], MIN_WIDTH, MAX_WIDTH) + 2;

      if (!check_xlsx (worksheet_set_column (worksheet, c, c, width, NULL), error))
        return FALSE;
    }

  worksheet_freeze_panes (worksheet, 1, 0);
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      if (!check_xlsx (worksheet_write_string (worksheet, 0, c, sheet->columns[c].name, book->header), error))
        return FALSE;
    }
  if (n_rows > 0)
    worksheet_autofilter (worksheet, 0, 0, n_rows, sheet->n_columns - 1);

  for (guint r = 0; r < n_rows; r++)
    {
      const Cell *cells = sheet_row (self, sheet, r, buffer);

      if (r % 4096 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          report_progress (self, first_row + r);
        }

      for (guint c = 0; c < sheet->n_columns; c++)
        {
          if (!check_xlsx (write_cell (book, worksheet, r + 1, c, &cells[c]), error))
            return FALSE;
        }
    }

  report_progress (self, first_row + n_rows);

  return TRUE;
}

/* Makes the workbook at @path. Numbers are written with printf(), whose
 * decimal point is the locale's: this thread writes in the C locale. */
static gboolean
make_workbook (LodeSpreadsheet  *self,
               const char       *path,
               const char       *folder,
               GCancellable     *cancellable,
               GError          **error)
{
  lxw_workbook_options options = {
    .constant_memory = LXW_TRUE,
    .tmpdir = (char *) folder,
    .use_zip64 = LXW_FALSE,
  };
  locale_t c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  locale_t old_locale = uselocale (c_locale);
  gboolean made = TRUE;
  lxw_error status;
  Book book = { 0 };

  book.workbook = workbook_new_opt (path, &options);
  if (book.workbook == NULL)
    {
      made = check_xlsx (LXW_ERROR_CREATING_XLSX_FILE, error);
      goto out;
    }

  book.header = workbook_add_format (book.workbook);
  format_set_bold (book.header);
  book.money = workbook_add_format (book.workbook);
  format_set_num_format (book.money, "\"$\"#,##0.00");
  book.integer = workbook_add_format (book.workbook);
  format_set_num_format (book.integer, "0");

  /* Compressing the sheets, when the workbook is closed, takes about as
   * long as writing them: it counts as many rows again. */
  self->total = 0;
  for (guint i = 0; i < N_SHEETS; i++)
    self->total += 2 * (guint64) sheet_n_rows (self, &self->sheets[i]) + 1;
  self->reported = 0;
  report_progress (self, 0);

  for (guint i = 0; i < N_SHEETS && made; i++)
    made = write_sheet (self, &book, &self->sheets[i], cancellable, error);

  /* Closing writes the file, and frees the workbook in any case. */
  status = workbook_close (book.workbook);
  if (made)
    made = check_xlsx (status, error);
  if (made)
    report_progress (self, self->total);

out:
  uselocale (old_locale);
  freelocale (c_locale);

  return made;
}

static gboolean
write_workbook (LodeSpreadsheet  *self,
                GFile            *file,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  gboolean written = FALSE;

  if (self->n_records > LODE_SPREADSHEET_MAX_RECORDS)
    {
      g_autofree char *count = lode_format_count (LODE_SPREADSHEET_MAX_RECORDS);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("a sheet of a workbook holds at most %s export records"), count);
      return FALSE;
    }

  folder = g_dir_make_tmp ("lode-workbook-XXXXXX", error);
  if (folder == NULL)
    return FALSE;
  path = g_build_filename (folder, "workbook.xlsx", NULL);

  if (!make_workbook (self, path, folder, cancellable, error))
    goto out;

  /* Mapped, not read: the workbook is written from the pages of the
   * temporary file, whole, or not at all. */
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

      if (mapped != NULL)
        written = lode_file_replace_contents (file, g_mapped_file_get_contents (mapped),
                                              g_mapped_file_get_length (mapped), FALSE, 0666,
                                              cancellable, error);
    }

out:
  /* libxlsxwriter leaves nothing behind in @folder but the workbook. */
  g_remove (path);
  g_rmdir (folder);

  return written;
}

gboolean
lode_spreadsheet_write_file (LodeSpreadsheet        *self,
                             GFile                  *file,
                             LodeSpreadsheetFormat   format,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean written;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format != LODE_SPREADSHEET_FORMAT_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  detach (self);

  if (format == LODE_SPREADSHEET_FORMAT_CSV)
    written = write_csv (self, file, cancellable, &local_error);
  else
    written = write_workbook (self, file, cancellable, &local_error);

  if (!written)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("cannot write %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
