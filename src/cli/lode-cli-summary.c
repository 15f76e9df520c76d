/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-cli-summary.h"
#include "lode-compare.h"
#include "lode-enum-types.h"
#include "lode-investment-currency.h"
#include "lode-investment-summary.h"
#include "lode-json-writer.h"
#include "lode-kind-names.h"
#include "lode-money.h"
#include "lode-periods.h"

typedef struct
{
  guint     n_sources;
  guint     n_minerals;
  guint     n_projects;
  guint     n_targets;
  guint     n_exports;
  guint     n_investments;
  guint     n_production;
  guint     n_national_figures;
  LodeMoney exports;
  LodeMoney reserves;
  LodeMoney committed;
  LodeMoney disbursed;
} Totals;

/* The groups, in the order they are printed. */
static const struct
{
  LodeExportField field;
  const char     *json_name;
  const char     *json_key;
} groups[] = {
  { LODE_EXPORT_FIELD_MINERAL,     "exports_by_mineral",     "mineral" },
  { LODE_EXPORT_FIELD_YEAR,        "exports_by_year",        "year" },
  { LODE_EXPORT_FIELD_DESTINATION, "exports_by_destination", "destination" },
  { LODE_EXPORT_FIELD_STAGE,       "exports_by_stage",       "stage" },
};

/* Amounts are non-negative; a sum that would overflow stays at the largest
 * value rather than wrapping round. */
static LodeMoney
money_add (LodeMoney a,
           LodeMoney b)
{
  g_assert (a >= 0 && b >= 0);

  if (b > G_MAXINT64 - a)
    return G_MAXINT64;

  return a + b;
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static void
totals_compute (Totals        *totals,
                LodePortfolio *portfolio)
{
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
  GListModel *projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);

  *totals = (Totals) {
    .n_sources = n_items (lode_portfolio_get_sources (portfolio)),
    .n_minerals = g_list_model_get_n_items (minerals),
    .n_projects = g_list_model_get_n_items (projects),
    .n_targets = n_items (lode_portfolio_get_targets (portfolio)),
    .n_exports = lode_export_table_get_n_rows (exports),
    .n_investments = n_items (lode_portfolio_get_investments (portfolio)),
    .n_production = n_items (lode_portfolio_get_production (portfolio)),
    .n_national_figures = n_items (lode_portfolio_get_national_figures (portfolio)),
    .exports = lode_export_table_get_total (exports),
  };

  for (guint i = 0; i < totals->n_minerals; i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);

      totals->reserves = money_add (totals->reserves,
                                    lode_mineral_get_reserve_value (mineral));
    }

  /* The projects' own figures where they have no events, and the events. */
  lode_portfolio_get_investment_totals (portfolio, &totals->committed, &totals->disbursed);
}

/* The steps of investment in the order of a deal, for the tables. */
static const LodeInvestmentKind investment_kinds[] = {
  LODE_INVESTMENT_KIND_ANNOUNCED,
  LODE_INVESTMENT_KIND_AGREED,
  LODE_INVESTMENT_KIND_COMMITTED,
  LODE_INVESTMENT_KIND_DISBURSED,
  LODE_INVESTMENT_KIND_WITHDRAWN,
};

/* A figure's kind as the tables name it: reserves as in the totals, and
 * "unknown" as the other columns say it. */
static const char *
figure_kind_label (LodeFigureKind kind)
{
  if (kind == LODE_FIGURE_KIND_RESERVE_VALUE)
    return _("Reserves, estimated value");
  if (kind == LODE_FIGURE_KIND_UNKNOWN)
    return _("unknown");

  return lode_figure_kind_get_name (kind);
}

static const char *
mineral_name (LodePortfolio *portfolio,
              const char    *id)
{
  LodeMineral *mineral;

  if (id == NULL)
    return NULL;

  mineral = lode_portfolio_find_mineral (portfolio, id);

  return mineral != NULL ? lode_mineral_get_name (mineral) : NULL;
}

/* Text tables */

typedef struct
{
  guint      n_columns;
  guint      right_aligned;  /* one bit a column */
  GPtrArray *rows;           /* of char **, n_columns cells each */
} Table;

static void
table_init (Table *table,
            guint  n_columns,
            guint  right_aligned)
{
  table->n_columns = n_columns;
  table->right_aligned = right_aligned;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

/* Adds a row of n_columns cells; the table takes them. */
static void
table_add (Table *table,
           ...)
{
  char **cells = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    cells[i] = va_arg (args, char *);
  va_end (args);

  g_ptr_array_add (table->rows, cells);
}

/* Columns on a terminal: wide (East Asian) characters take two, combining
 * marks none. */
static gsize
display_width (const char *str)
{
  gsize width = 0;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
append_spaces (GString *out,
               gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

static void
table_render (Table      *table,
              const char *indent,
              GString    *out)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], display_width (cells[c]));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      gsize line_start = out->len;

      g_string_append (out, indent);

      for (guint c = 0; c < table->n_columns; c++)
        {
          gsize pad = widths[c] - display_width (cells[c]);

          if (c > 0)
            g_string_append (out, "   ");

          if (table->right_aligned & (1u << c))
            {
              append_spaces (out, pad);
              g_string_append (out, cells[c]);
            }
          else
            {
              g_string_append (out, cells[c]);
              append_spaces (out, pad);
            }
        }

      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

/* Renders @table into @out, then clears it. */
static void
table_flush (Table      *table,
             const char *indent,
             GString    *out)
{
  table_render (table, indent, out);
  table_clear (table);
}

static void
append_heading (GString    *out,
                const char *heading)
{
  g_string_append_c (out, '\n');
  g_string_append (out, heading);
  g_string_append_c (out, '\n');
}

/* Appends @text folded at spaces into lines of at most @width columns
 * (a longer word gets a line of its own). */
static void
append_wrapped (GString    *out,
                const char *text,
                gsize       width)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      gsize line_width = 0;

      for (guint w = 0; words[w] != NULL; w++)
        {
          gsize word_width = display_width (words[w]);

          if (words[w][0] == '\0')
            continue;

          if (line_width > 0 && line_width + 1 + word_width > width)
            {
              g_string_append_c (out, '\n');
              line_width = 0;
            }
          else if (line_width > 0)
            {
              g_string_append_c (out, ' ');
              line_width++;
            }

          g_string_append (out, words[w]);
          line_width += word_width;
        }

      g_string_append_c (out, '\n');
    }
}

static char *
format_share (LodeMoney value,
              LodeMoney total)
{
  double share;

  if (total <= 0)
    return g_strdup ("–");

  share = 100.0 * (double) value / (double) total;
  if (value > 0 && share < 0.05)
    /* Translators: a share of the total too small to show as "0.0%" */
    return g_strdup (_("<0.1%"));

  /* Translators: a share of the total, as in "42.5%" */
  return g_strdup_printf (_("%.1f%%"), share);
}

static char *
format_key (LodeExportField        field,
            const LodeExportTotal *total)
{
  if (field == LODE_EXPORT_FIELD_YEAR)
    return g_strdup_printf ("%d", total->year);

  if (total->key == NULL)
    /* Translators: an export record with no destination or stage */
    return g_strdup (_("unknown"));

  return g_strdup (total->key);
}

static void
append_group (GString         *out,
              LodePortfolio   *portfolio,
              LodeExportField  field,
              const char      *heading,
              const char      *key_title,
              LodeMoney        grand_total)
{
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  g_autoptr(GArray) totals = lode_export_table_aggregate (exports, field);
  gboolean with_name = field == LODE_EXPORT_FIELD_MINERAL;
  Table table;

  /* Columns: key, [name,] records, value, share */
  if (with_name)
    table_init (&table, 5, 1u << 2 | 1u << 3 | 1u << 4);
  else
    table_init (&table, 4, 1u << 1 | 1u << 2 | 1u << 3);

  if (with_name)
    table_add (&table, g_strdup (key_title), g_strdup (_("Name")), g_strdup (_("Records")),
               g_strdup (_("Value")), g_strdup (_("Share")));
  else
    table_add (&table, g_strdup (key_title), g_strdup (_("Records")),
               g_strdup (_("Value")), g_strdup (_("Share")));

  for (guint i = 0; i < totals->len; i++)
    {
      const LodeExportTotal *total = &g_array_index (totals, LodeExportTotal, i);
      char *key = format_key (field, total);
      char *count = g_strdup_printf ("%u", total->count);
      char *value = lode_money_format_full (total->value);
      char *share = format_share (total->value, grand_total);

      if (with_name)
        {
          const char *name = mineral_name (portfolio, total->key);

          table_add (&table, key, g_strdup (name != NULL ? name : ""), count, value, share);
        }
      else
        {
          table_add (&table, key, count, value, share);
        }
    }

  append_heading (out, heading);
  table_flush (&table, "  ", out);
}

/* "CN", or "unknown" for investors of no known country. */
static char *
format_country (const char *country)
{
  /* Translators: an investor, or a figure, of no known country */
  return g_strdup (country != NULL ? country : _("unknown"));
}

/* A table of the five steps: one row a @key, a column a step. */
static void
add_kinds_header (Table      *table,
                  const char *key_title)
{
  char **cells = g_new0 (char *, table->n_columns + 1);

  cells[0] = g_strdup (key_title);
  for (guint k = 0; k < G_N_ELEMENTS (investment_kinds); k++)
    cells[k + 1] = g_strdup (lode_investment_kind_get_name (investment_kinds[k]));
  g_ptr_array_add (table->rows, cells);
}

static void
append_investment (GString       *out,
                   LodePortfolio *portfolio)
{
  g_autoptr(LodeInvestmentSummary) summary =
    lode_investment_summary_new (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)));
  guint all_but_first = ((1u << (G_N_ELEMENTS (investment_kinds) + 1)) - 1) & ~1u;
  Table table;

  append_heading (out, _("Investment by kind"));
  table_init (&table, 2, 1u << 1);
  for (guint k = 0; k < G_N_ELEMENTS (investment_kinds); k++)
    table_add (&table, g_strdup (lode_investment_kind_get_name (investment_kinds[k])),
               lode_money_format_full (lode_investment_summary_get_total (summary,
                                                                         investment_kinds[k])));
  table_flush (&table, "  ", out);

  append_heading (out, _("Investment by year"));
  table_init (&table, G_N_ELEMENTS (investment_kinds) + 1, all_but_first);
  add_kinds_header (&table, _("Year"));
  for (guint y = 0; y < lode_investment_summary_get_n_years (summary); y++)
    {
      int year = lode_investment_summary_get_year (summary, y);
      char **cells = g_new0 (char *, table.n_columns + 1);

      cells[0] = g_strdup_printf ("%d", year);
      for (guint k = 0; k < G_N_ELEMENTS (investment_kinds); k++)
        cells[k + 1] = lode_money_format_full (
          lode_investment_summary_get_year_total (summary, year, investment_kinds[k]));
      g_ptr_array_add (table.rows, cells);
    }
  table_flush (&table, "  ", out);

  /* Committed is net of withdrawals here, as in the totals by kind. */
  append_heading (out, _("Investment by investor country"));
  table_init (&table, G_N_ELEMENTS (investment_kinds) + 1, all_but_first);
  add_kinds_header (&table, _("Country"));
  for (guint c = 0; c < lode_investment_summary_get_n_countries (summary); c++)
    {
      const char *country = lode_investment_summary_get_country (summary, c);
      char **cells = g_new0 (char *, table.n_columns + 1);

      cells[0] = format_country (country);
      for (guint k = 0; k < G_N_ELEMENTS (investment_kinds); k++)
        cells[k + 1] = lode_money_format_full (
          lode_investment_summary_get_country_total (summary, country, investment_kinds[k]));
      g_ptr_array_add (table.rows, cells);
    }
  table_flush (&table, "  ", out);
}

static char *
format_quantity (double   quantity,
                 LodeUnit unit)
{
  GString *out = g_string_new (NULL);

  /* As the file holds it, to the last digit that tells it apart. */
  lode_json_append_double (out, quantity);
  g_string_append_printf (out, " %s", lode_enum_to_nick (LODE_TYPE_UNIT, unit));

  return g_string_free (out, FALSE);
}

/* Puts @item of a portfolio's list into @target: a row of a text table,
 * or an object of a JSON array. */
typedef void (*ItemFunc) (gpointer       target,
                          LodePortfolio *portfolio,
                          gpointer       item);

static void
foreach_item (GListModel    *items,
              ItemFunc       func,
              gpointer       target,
              LodePortfolio *portfolio)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      func (target, portfolio, item);
    }
}

/* @heading, then @table (its header added) with a row an item of @items. */
static void
append_items (GString       *out,
              const char    *heading,
              Table         *table,
              LodePortfolio *portfolio,
              GListModel    *items,
              ItemFunc       add_row)
{
  append_heading (out, heading);
  foreach_item (items, add_row, table, portfolio);
  table_flush (table, "  ", out);
}

static void
add_production_row (gpointer       table,
                    LodePortfolio *portfolio,
                    gpointer       data)
{
  LodeProduction *item = data;
  const char *name = mineral_name (portfolio, lode_production_get_mineral (item));
  const char *project = lode_production_get_project (item);

  table_add (table,
             g_strdup (name != NULL ? name : lode_production_get_mineral (item)),
             /* Translators: production of the whole country, not of one project */
             g_strdup (project != NULL ? project : _("national")),
             g_strdup_printf ("%d", lode_production_get_year (item)),
             format_quantity (lode_production_get_quantity (item),
                              lode_production_get_unit (item)));
}

static void
append_production (GString       *out,
                   LodePortfolio *portfolio)
{
  Table table;

  table_init (&table, 4, 1u << 2 | 1u << 3);
  table_add (&table, g_strdup (_("Mineral")), g_strdup (_("Project")), g_strdup (_("Year")),
             g_strdup (_("Quantity")));
  append_items (out, _("Production"), &table, portfolio,
                G_LIST_MODEL (lode_portfolio_get_production (portfolio)), add_production_row);
}

static char *
format_change (double change)
{
  if (change == LODE_CHANGE_UNSET)
    return g_strdup ("");

  /* Translators: a change on the year before, as in "+11.1%" */
  return g_strdup_printf (_("%+.1f%%"), 100.0 * change);
}

static void
add_national_figure_row (gpointer       table,
                         LodePortfolio *portfolio,
                         gpointer       data)
{
  LodeNationalFigure *figure = data;
  const char *country = lode_national_figure_get_country (figure);
  const char *source_id = lode_national_figure_get_source (figure);
  LodeSource *source = source_id != NULL ? lode_portfolio_find_source (portfolio, source_id) : NULL;
  int year = lode_national_figure_get_year (figure);

  table_add (table,
             g_strdup (figure_kind_label (lode_national_figure_get_kind (figure))),
             g_strdup (country != NULL ? country : ""),
             year != 0 ? g_strdup_printf ("%d", year) : g_strdup (""),
             lode_money_format_full (lode_national_figure_get_value (figure)),
             format_change (lode_national_figure_get_change (figure)),
             g_strdup (source != NULL && lode_source_get_publisher (source) != NULL
                       ? lode_source_get_publisher (source)
                       : source_id != NULL ? source_id : ""));
}

static void
append_national_figures (GString       *out,
                         LodePortfolio *portfolio)
{
  Table table;

  table_init (&table, 6, 1u << 2 | 1u << 3 | 1u << 4);
  table_add (&table, g_strdup (_("Figure")), g_strdup (_("Country")), g_strdup (_("Year")),
             g_strdup (_("Value")), g_strdup (_("Change")), g_strdup (_("Source")));
  append_items (out, _("National figures"), &table, portfolio,
                G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio)),
                add_national_figure_row);
}

/* Whether some records are of fiscal years that are not calendar years:
 * then the exports by calendar year leave them out, and say so. */
static gboolean
has_fiscal_records (LodeExportTable *table)
{
  guint n_rows = lode_export_table_get_n_rows (table);

  if (lode_export_table_get_fiscal_year_start (table) == 1)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      if (row.month == 0 && row.period == LODE_PERIOD_KIND_FISCAL_YEAR)
        return TRUE;
    }

  return FALSE;
}

/* The exports by fiscal year (or, with @fiscal_year_start 1, by calendar
 * year), and what none of them holds. */
static void
append_fiscal_group (GString       *out,
                     LodePortfolio *portfolio,
                     int            fiscal_year_start,
                     LodeMoney      grand_total)
{
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  g_autoptr(LodePeriodTotals) totals = lode_period_totals_new (exports, fiscal_year_start);
  Table table;

  table_init (&table, 4, 1u << 1 | 1u << 2 | 1u << 3);
  table_add (&table, g_strdup (fiscal_year_start != 1 ? _("Fiscal year") : _("Year")),
             g_strdup (_("Records")), g_strdup (_("Value")), g_strdup (_("Share")));

  for (guint i = 0; i < totals->totals->len; i++)
    {
      const LodePeriodTotal *total = &g_array_index (totals->totals, LodePeriodTotal, i);

      table_add (&table, lode_period_to_string (&total->period),
                 g_strdup_printf ("%u", total->count),
                 lode_money_format_full (total->value),
                 format_share (total->value, grand_total));
    }

  append_heading (out, fiscal_year_start != 1 ? _("Exports by fiscal year") : _("Exports by year"));
  /* Only a header when every record is of a whole year. */
  if (totals->totals->len > 0)
    table_render (&table, "  ", out);
  table_clear (&table);

  if (totals->n_unplaced > 0 && fiscal_year_start == 1)
    {
      g_autofree char *value = lode_money_format_full (totals->unplaced_value);

      g_string_append (out, "  ");
      g_string_append_printf (out,
                              /* Translators: records of a fiscal year, which lie across two
                               * calendar years and are not split between them */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u record of a fiscal year (%s) is in no calendar year",
                                           "%u records of a fiscal year (%s) are in no calendar year",
                                           totals->n_unplaced),
                              totals->n_unplaced, value);
      g_string_append_c (out, '\n');
    }
  else if (totals->n_unplaced > 0)
    {
      g_autofree char *value = lode_money_format_full (totals->unplaced_value);

      g_string_append (out, "  ");
      g_string_append_printf (out,
                              /* Translators: records of a calendar year, which lie across two
                               * fiscal years and are not split between them */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u record of a whole year (%s) is in no fiscal year",
                                           "%u records of a whole year (%s) are in no fiscal year",
                                           totals->n_unplaced),
                              totals->n_unplaced, value);
      g_string_append_c (out, '\n');
    }
}

/* A total in a currency: the amount of the records that have a rate, or
 * "no rate" when none has. */
static char *
format_converted (const char               *code,
                  const LodeConvertedTotal *total)
{
  if (total->count > 0 && total->n_missing == total->count)
    /* Translators: in a table of amounts in another currency */
    return g_strdup (_("no rate"));

  return lode_amount_format_full (code, total->amount);
}

static char *
format_missing_count (guint n_missing)
{
  return n_missing > 0 ? g_strdup_printf ("%u", n_missing) : g_strdup ("");
}

/* A row of @key (taken), then @total's records, amount and records
 * without a rate. */
static void
add_converted_row (Table                    *table,
                   char                     *key,
                   const char               *code,
                   const LodeConvertedTotal *total)
{
  table_add (table, key, g_strdup_printf ("%u", total->count), format_converted (code, total),
             format_missing_count (total->n_missing));
}

/* The exports in a converter's currency: in all, by period and by
 * mineral. */
typedef struct
{
  LodePeriodTotals   *periods;
  GArray             *by_period;   /* of LodeConvertedTotal, a period each */
  GArray             *minerals;    /* of LodeExportTotal */
  GArray             *by_mineral;  /* of LodeConvertedTotal, a mineral each */
  LodeConvertedTotal  all;
} Converted;

static Converted *
converted_new (LodePortfolio *portfolio,
               LodeConverter *converter,
               int            fiscal_year_start)
{
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  Converted *converted = g_new0 (Converted, 1);

  converted->periods = lode_period_totals_new (exports, fiscal_year_start);
  converted->by_period = lode_converter_period_totals (converter, exports, converted->periods,
                                                       fiscal_year_start);
  converted->minerals = lode_export_table_aggregate (exports, LODE_EXPORT_FIELD_MINERAL);
  converted->by_mineral = lode_converter_aggregate (converter, exports,
                                                    LODE_EXPORT_FIELD_MINERAL,
                                                    converted->minerals);
  lode_converter_table_total (converter, exports, &converted->all);

  return converted;
}

static void
converted_free (Converted *converted)
{
  lode_period_totals_free (converted->periods);
  g_array_unref (converted->by_period);
  g_array_unref (converted->minerals);
  g_array_unref (converted->by_mineral);
  g_free (converted);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Converted, converted_free)

/* The exports again in the converter's currency: in all, by year (or
 * fiscal year) and by mineral, and the years that have no rate. */
static void
append_currency (GString       *out,
                 LodePortfolio *portfolio,
                 LodeConverter *converter,
                 int            fiscal_year_start)
{
  const char *code = lode_converter_get_code (converter);
  const char *name = lode_currency_name (code);
  g_autoptr(Converted) converted = converted_new (portfolio, converter, fiscal_year_start);
  g_autofree char *missing = NULL;
  Table table;

  g_string_append_c (out, '\n');
  if (name != NULL)
    /* Translators: the first %s is a currency code (PKR), the second its name */
    g_string_append_printf (out, _("Exports in %s (%s), at the portfolio’s exchange rates"),
                            code, name);
  else
    /* Translators: %s is a currency code (PKR) */
    g_string_append_printf (out, _("Exports in %s, at the portfolio’s exchange rates"), code);
  g_string_append_c (out, '\n');

  table_init (&table, 4, 1u << 1 | 1u << 2 | 1u << 3);
  table_add (&table, g_strdup (fiscal_year_start != 1 ? _("Fiscal year") : _("Year")),
             g_strdup (_("Records")), g_strdup (_("Value")), g_strdup (_("Without a rate")));
  for (guint i = 0; i < converted->by_period->len; i++)
    {
      const LodePeriodTotal *period =
        &g_array_index (converted->periods->totals, LodePeriodTotal, i);

      add_converted_row (&table, lode_period_to_string (&period->period), code,
                         &g_array_index (converted->by_period, LodeConvertedTotal, i));
    }
  add_converted_row (&table, g_strdup (_("All")), code, &converted->all);
  table_flush (&table, "  ", out);

  g_string_append_c (out, '\n');
  table_init (&table, 4, 1u << 1 | 1u << 2 | 1u << 3);
  table_add (&table, g_strdup (_("Mineral")), g_strdup (_("Records")), g_strdup (_("Value")),
             g_strdup (_("Without a rate")));
  for (guint i = 0; i < converted->by_mineral->len; i++)
    {
      const LodeExportTotal *key = &g_array_index (converted->minerals, LodeExportTotal, i);

      add_converted_row (&table, g_strdup (mineral_name (portfolio, key->key)), code,
                         &g_array_index (converted->by_mineral, LodeConvertedTotal, i));
    }
  table_flush (&table, "  ", out);

  missing = lode_converter_describe_missing (converter);
  if (missing != NULL)
    {
      g_autofree char *value = lode_money_format_full (converted->all.value_missing);

      g_string_append_c (out, '\n');
      g_string_append (out, "  ");
      g_string_append_printf (out,
                              /* Translators: the first %s says which rates are missing ("No
                               * PKR rate for 2022"), %u counts records, the last %s is their
                               * value in US dollars */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u record (%s) is left out of the amounts.",
                                           "%s: %u records (%s) are left out of the amounts.",
                                           converted->all.n_missing),
                              missing, converted->all.n_missing, value);
      g_string_append_c (out, '\n');
    }
}

/* A converter like @converter, that notes its own missing years. */
static LodeConverter *
converter_like (LodePortfolio *portfolio,
                LodeConverter *converter)
{
  return lode_converter_new (G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio)),
                             lode_converter_get_code (converter),
                             lode_portfolio_get_fiscal_year_start (portfolio));
}

/* The investment and the national figures again in the converter's
 * currency: each event at the rate of its date, each figure at the rate
 * of its year; a figure of no year, or a project's own figure, stays in
 * US dollars. */
static void
append_currency_investment (GString       *out,
                            LodePortfolio *portfolio,
                            LodeConverter *like)
{
  g_autoptr(LodeConverter) converter = converter_like (portfolio, like);
  const char *code = lode_converter_get_code (converter);
  GListModel *events = G_LIST_MODEL (lode_portfolio_get_investments (portfolio));
  GListModel *figures = G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio));
  g_autofree char *missing = NULL;
  LodeConvertedTotal committed, disbursed;
  LodeMoney committed_usd, disbursed_usd;
  Table table;

  if (g_list_model_get_n_items (events) == 0 && g_list_model_get_n_items (figures) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_projects (portfolio))) == 0)
    return;

  g_string_append_c (out, '\n');
  /* Translators: %s is a currency code (PKR) */
  g_string_append_printf (out, _("Investment and national figures in %s"), code);
  g_string_append_c (out, '\n');

  lode_portfolio_convert_investment_totals (portfolio, converter, &committed, &disbursed,
                                            &committed_usd, &disbursed_usd);
  table_init (&table, 4, 1u << 1 | 1u << 2 | 1u << 3);
  table_add (&table, g_strdup (_("Investment")), g_strdup (_("Events")), g_strdup (_("Value")),
             g_strdup (_("Without a rate")));
  for (guint k = 0; k < G_N_ELEMENTS (investment_kinds); k++)
    {
      LodeConvertedTotal total;

      lode_investment_convert_total (events, converter, 0, NULL,
                                     LODE_INVESTMENT_KIND_BIT (investment_kinds[k]), &total);
      table_add (&table, g_strdup (lode_investment_kind_get_name (investment_kinds[k])),
                 g_strdup_printf ("%u", total.count), format_converted (code, &total),
                 format_missing_count (total.n_missing));
    }
  table_add (&table, g_strdup (_("Investment committed")), g_strdup_printf ("%u", committed.count),
             format_converted (code, &committed), format_missing_count (committed.n_missing));
  table_add (&table, g_strdup (_("Investment disbursed")), g_strdup_printf ("%u", disbursed.count),
             format_converted (code, &disbursed), format_missing_count (disbursed.n_missing));
  table_render (&table, "  ", out);
  table_clear (&table);
  if (committed_usd > 0 || disbursed_usd > 0)
    {
      g_autofree char *c = lode_money_format_full (committed_usd);
      g_autofree char *d = lode_money_format_full (disbursed_usd);

      g_string_append (out, "  ");
      /* Translators: the projects' own figures, which have no date to take a rate of */
      g_string_append_printf (out, _("Projects’ own figures of no year, left in US dollars: %s committed, %s disbursed."),
                              c, d);
      g_string_append_c (out, '\n');
    }

  if (g_list_model_get_n_items (figures) > 0)
    {
      g_string_append_c (out, '\n');
      table_init (&table, 4, 1u << 2 | 1u << 3);
      table_add (&table, g_strdup (_("Figure")), g_strdup (_("Country")), g_strdup (_("Year")),
                 g_strdup (_("Value")));
      for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
        {
          g_autoptr(LodeNationalFigure) figure = g_list_model_get_item (figures, i);
          const char *country = lode_national_figure_get_country (figure);
          int year = lode_national_figure_get_year (figure);
          LodeMoney value = lode_national_figure_get_value (figure);
          LodeAmount amount;
          char *shown;

          if (year == 0)
            {
              g_autofree char *dollars = lode_money_format_full (value);

              /* Translators: a national figure of no year, kept in US dollars */
              shown = g_strdup_printf (_("%s (no year, in US dollars)"), dollars);
            }
          else if (lode_converter_convert (converter, value, year, 0, LODE_PERIOD_KIND_CALENDAR_YEAR, &amount, NULL))
            shown = lode_amount_format_full (code, amount);
          else
            shown = g_strdup (_("no rate"));

          table_add (&table, g_strdup (figure_kind_label (lode_national_figure_get_kind (figure))),
                     g_strdup (country != NULL ? country : ""),
                     year != 0 ? g_strdup_printf ("%d", year) : g_strdup (""), shown);
        }
      table_render (&table, "  ", out);
      table_clear (&table);
    }

  missing = lode_converter_describe_missing (converter);
  if (missing != NULL)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, "  ");
      /* Translators: %s says which rates are missing ("No PKR rate for 2022") */
      g_string_append_printf (out, _("%s: those amounts are left out."), missing);
      g_string_append_c (out, '\n');
    }
}

char *
lode_cli_summary_to_text (LodePortfolio *portfolio,
                          int            fiscal_year_start,
                          LodeConverter *converter)
{
  GString *out = g_string_new (NULL);
  const char *description;
  Totals totals;
  Table table;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  totals_compute (&totals, portfolio);

  g_string_append (out, lode_portfolio_get_title (portfolio));
  g_string_append_c (out, '\n');
  description = lode_portfolio_get_description (portfolio);
  if (description != NULL && description[0] != '\0')
    append_wrapped (out, description, 76);
  g_string_append_c (out, '\n');

  table_init (&table, 2, 1u << 1);
  table_add (&table, g_strdup (_("Sources")), g_strdup_printf ("%u", totals.n_sources));
  table_add (&table, g_strdup (_("Minerals")), g_strdup_printf ("%u", totals.n_minerals));
  table_add (&table, g_strdup (_("Projects")), g_strdup_printf ("%u", totals.n_projects));
  table_add (&table, g_strdup (_("Targets")), g_strdup_printf ("%u", totals.n_targets));
  table_add (&table, g_strdup (_("Export records")), g_strdup_printf ("%u", totals.n_exports));
  if (totals.n_investments > 0)
    table_add (&table, g_strdup (_("Investment events")),
               g_strdup_printf ("%u", totals.n_investments));
  if (totals.n_production > 0)
    table_add (&table, g_strdup (_("Production figures")),
               g_strdup_printf ("%u", totals.n_production));
  if (totals.n_national_figures > 0)
    table_add (&table, g_strdup (_("National figures")),
               g_strdup_printf ("%u", totals.n_national_figures));
  table_flush (&table, "", out);

  g_string_append_c (out, '\n');
  table_init (&table, 2, 1u << 1);
  table_add (&table, g_strdup (_("Exports")),
             lode_money_format_full (totals.exports));
  table_add (&table, g_strdup (_("Reserves, estimated value")),
             lode_money_format_full (totals.reserves));
  table_add (&table, g_strdup (_("Investment committed")),
             lode_money_format_full (totals.committed));
  table_add (&table, g_strdup (_("Investment disbursed")),
             lode_money_format_full (totals.disbursed));
  table_flush (&table, "", out);

  if (totals.n_investments > 0)
    append_investment (out, portfolio);
  if (totals.n_production > 0)
    append_production (out, portfolio);
  if (totals.n_national_figures > 0)
    append_national_figures (out, portfolio);

  if (totals.n_exports > 0)
    {
      append_group (out, portfolio, LODE_EXPORT_FIELD_MINERAL,
                    _("Exports by mineral"), _("Mineral"), totals.exports);
      if (fiscal_year_start != 1 || has_fiscal_records (lode_portfolio_get_exports (portfolio)))
        append_fiscal_group (out, portfolio, fiscal_year_start, totals.exports);
      else
        append_group (out, portfolio, LODE_EXPORT_FIELD_YEAR,
                      _("Exports by year"), _("Year"), totals.exports);
      append_group (out, portfolio, LODE_EXPORT_FIELD_DESTINATION,
                    _("Exports by destination"), _("Destination"), totals.exports);
      append_group (out, portfolio, LODE_EXPORT_FIELD_STAGE,
                    _("Exports by stage"), _("Stage"), totals.exports);
    }

  if (converter != NULL)
    {
      append_currency (out, portfolio, converter, fiscal_year_start);
      append_currency_investment (out, portfolio, converter);
    }

  return g_string_free (out, FALSE);
}

static void
write_string_or_null (LodeJsonWriter *writer,
                      const char     *value)
{
  if (value != NULL)
    lode_json_writer_string (writer, value);
  else
    lode_json_writer_null (writer);
}

static void
write_string_member (LodeJsonWriter *writer,
                     const char     *member,
                     const char     *value)
{
  lode_json_writer_member (writer, member);
  write_string_or_null (writer, value);
}

static void
write_money_member (LodeJsonWriter *writer,
                    const char     *member,
                    LodeMoney       value)
{
  lode_json_writer_member (writer, member);
  lode_json_writer_money (writer, value);
}

/* Begins the object that lode-cli prints with --json in @out: "file"
 * (@name) and the portfolio's "title". */
static LodeJsonWriter *
json_document_begin (GString       *out,
                     LodePortfolio *portfolio,
                     const char    *name)
{
  LodeJsonWriter *writer = lode_json_writer_new (out);

  lode_json_writer_begin_object (writer);
  write_string_member (writer, "file", name);
  write_string_member (writer, "title", lode_portfolio_get_title (portfolio));

  return writer;
}

/* Ends the object, frees @writer and returns the text of @out, ended by a
 * new line. */
static char *
json_document_end (LodeJsonWriter *writer,
                   GString        *out)
{
  lode_json_writer_end_object (writer);
  lode_json_writer_free (writer);

  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* "announced_usd": …, one member a step. */
static void
write_kind_members (LodeJsonWriter        *writer,
                    LodeInvestmentSummary *summary,
                    int                    year,
                    const char            *country,
                    gboolean               by_country)
{
  for (guint k = 0; k < G_N_ELEMENTS (investment_kinds); k++)
    {
      LodeInvestmentKind kind = investment_kinds[k];
      g_autofree char *member = g_strconcat (lode_enum_to_nick (LODE_TYPE_INVESTMENT_KIND, kind),
                                             "_usd", NULL);
      LodeMoney value;

      if (by_country)
        value = lode_investment_summary_get_country_total (summary, country, kind);
      else if (year != 0)
        value = lode_investment_summary_get_year_total (summary, year, kind);
      else
        value = lode_investment_summary_get_total (summary, kind);
      write_money_member (writer, member, value);
    }
}

/* Committed is net of withdrawals in the totals and by country, and what
 * was committed in the year in the rows by year. */
static void
write_investment_json (LodeJsonWriter *writer,
                       LodePortfolio  *portfolio)
{
  g_autoptr(LodeInvestmentSummary) summary =
    lode_investment_summary_new (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)));

  lode_json_writer_member (writer, "investment_by_kind");
  lode_json_writer_begin_object (writer);
  write_kind_members (writer, summary, 0, NULL, FALSE);
  lode_json_writer_end_object (writer);

  lode_json_writer_member (writer, "investment_by_year");
  lode_json_writer_begin_array (writer);
  for (guint y = 0; y < lode_investment_summary_get_n_years (summary); y++)
    {
      int year = lode_investment_summary_get_year (summary, y);

      lode_json_writer_begin_object (writer);
      lode_json_writer_member (writer, "year");
      lode_json_writer_int (writer, year);
      write_kind_members (writer, summary, year, NULL, FALSE);
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);

  lode_json_writer_member (writer, "investment_by_investor_country");
  lode_json_writer_begin_array (writer);
  for (guint c = 0; c < lode_investment_summary_get_n_countries (summary); c++)
    {
      const char *country = lode_investment_summary_get_country (summary, c);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "country", country);
      write_kind_members (writer, summary, 0, country, TRUE);
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

/* "@member": an array of an object an item of @items. */
static void
write_items_json (LodeJsonWriter *writer,
                  const char     *member,
                  LodePortfolio  *portfolio,
                  GListModel     *items,
                  ItemFunc        write_object)
{
  lode_json_writer_member (writer, member);
  lode_json_writer_begin_array (writer);
  foreach_item (items, write_object, writer, portfolio);
  lode_json_writer_end_array (writer);
}

static void
write_production_object (gpointer       writer,
                         LodePortfolio *portfolio,
                         gpointer       data)
{
  LodeProduction *item = data;

  lode_json_writer_begin_object (writer);
  write_string_member (writer, "mineral", lode_production_get_mineral (item));
  write_string_member (writer, "name", mineral_name (portfolio, lode_production_get_mineral (item)));
  write_string_member (writer, "project", lode_production_get_project (item));
  lode_json_writer_member (writer, "year");
  lode_json_writer_int (writer, lode_production_get_year (item));
  lode_json_writer_member (writer, "quantity");
  lode_json_writer_double (writer, lode_production_get_quantity (item));
  write_string_member (writer, "unit",
                       lode_enum_to_nick (LODE_TYPE_UNIT, lode_production_get_unit (item)));
  lode_json_writer_end_object (writer);
}

static void
write_national_figure_object (gpointer       writer,
                              LodePortfolio *portfolio,
                              gpointer       data)
{
  LodeNationalFigure *figure = data;
  double change = lode_national_figure_get_change (figure);
  const char *source_id = lode_national_figure_get_source (figure);
  LodeSource *source = source_id != NULL ? lode_portfolio_find_source (portfolio, source_id) : NULL;

  lode_json_writer_begin_object (writer);
  write_string_member (writer, "kind",
                       lode_enum_to_nick (LODE_TYPE_FIGURE_KIND,
                                          lode_national_figure_get_kind (figure)));
  write_string_member (writer, "country", lode_national_figure_get_country (figure));
  lode_json_writer_member (writer, "year");
  if (lode_national_figure_get_year (figure) != 0)
    lode_json_writer_int (writer, lode_national_figure_get_year (figure));
  else
    lode_json_writer_null (writer);
  write_money_member (writer, "value_usd", lode_national_figure_get_value (figure));
  lode_json_writer_member (writer, "change");
  if (change != LODE_CHANGE_UNSET)
    lode_json_writer_double (writer, change);
  else
    lode_json_writer_null (writer);
  write_string_member (writer, "note", lode_national_figure_get_note (figure));
  write_string_member (writer, "source", source_id);
  write_string_member (writer, "source_title",
                       source != NULL ? lode_source_get_title (source) : NULL);
  write_string_member (writer, "source_publisher",
                       source != NULL ? lode_source_get_publisher (source) : NULL);
  lode_json_writer_end_object (writer);
}

/* "FY2024-25", the name programs read of the fiscal year that begins in
 * @first_year. */
static char *
fiscal_year_name (int first_year)
{
  return g_strdup_printf ("FY%d-%02d", first_year, (first_year + 1) % 100);
}

/* The members that name @total's period: "fiscal_year" and "first_year",
 * or "year" when years are calendar years. */
static void
write_period_key (LodeJsonWriter        *writer,
                  const LodePeriodTotal *total,
                  int                    fiscal_year_start)
{
  if (fiscal_year_start != 1)
    {
      g_autofree char *fiscal_year = fiscal_year_name (total->period.first_year);

      write_string_member (writer, "fiscal_year", fiscal_year);
      lode_json_writer_member (writer, "first_year");
    }
  else
    lode_json_writer_member (writer, "year");
  lode_json_writer_int (writer, total->period.first_year);
}

/* "missing_rates": the years the converter found no rate for. */
static void
write_missing_rates (LodeJsonWriter *writer,
                     LodeConverter  *converter)
{
  GArray *missing = lode_converter_get_missing (converter);

  lode_json_writer_member (writer, "missing_rates");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < missing->len; i++)
    lode_json_writer_int (writer, g_array_index (missing, int, i));
  lode_json_writer_end_array (writer);
}

/* "exports_by_year" by fiscal year, then what no fiscal year holds. Names
 * are untranslated, for programs. */
static void
write_fiscal_group (LodeJsonWriter  *writer,
                    LodeExportTable *exports,
                    int              fiscal_year_start)
{
  g_autoptr(LodePeriodTotals) totals = lode_period_totals_new (exports, fiscal_year_start);

  lode_json_writer_member (writer, "exports_by_year");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < totals->totals->len; i++)
    {
      const LodePeriodTotal *total = &g_array_index (totals->totals, LodePeriodTotal, i);

      lode_json_writer_begin_object (writer);
      write_period_key (writer, total, fiscal_year_start);
      lode_json_writer_member (writer, "records");
      lode_json_writer_int (writer, total->count);
      write_money_member (writer, "value_usd", total->value);
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);

  lode_json_writer_member (writer, "exports_unplaced");
  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "records");
  lode_json_writer_int (writer, totals->n_unplaced);
  write_money_member (writer, "value_usd", totals->unplaced_value);
  lode_json_writer_end_object (writer);
}

static void
write_converted_members (LodeJsonWriter           *writer,
                         const LodeConvertedTotal *total)
{
  lode_json_writer_member (writer, "records");
  lode_json_writer_int (writer, total->count);
  lode_json_writer_member (writer, "value");
  if (total->count == 0 || total->n_missing < total->count)
    lode_json_writer_money (writer, total->amount);
  else
    lode_json_writer_null (writer);
  lode_json_writer_member (writer, "records_without_rate");
  lode_json_writer_int (writer, total->n_missing);
  write_money_member (writer, "value_usd_without_rate", total->value_missing);
}

static void write_currency_investment_json (LodeJsonWriter *writer,
                                            LodePortfolio  *portfolio,
                                            LodeConverter  *like);

/* "in_currency": the exports in the converter's currency, then the
 * investment and the national figures. */
static void
write_currency_json (LodeJsonWriter *writer,
                     LodePortfolio  *portfolio,
                     LodeConverter  *converter,
                     int             fiscal_year_start)
{
  g_autoptr(Converted) converted = converted_new (portfolio, converter, fiscal_year_start);

  lode_json_writer_member (writer, "in_currency");
  lode_json_writer_begin_object (writer);
  write_string_member (writer, "currency", lode_converter_get_code (converter));
  lode_json_writer_member (writer, "exports");
  lode_json_writer_begin_object (writer);
  write_converted_members (writer, &converted->all);
  lode_json_writer_end_object (writer);

  lode_json_writer_member (writer, "exports_by_year");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < converted->by_period->len; i++)
    {
      lode_json_writer_begin_object (writer);
      write_period_key (writer, &g_array_index (converted->periods->totals, LodePeriodTotal, i),
                        fiscal_year_start);
      write_converted_members (writer, &g_array_index (converted->by_period, LodeConvertedTotal, i));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);

  lode_json_writer_member (writer, "exports_by_mineral");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < converted->by_mineral->len; i++)
    {
      const LodeExportTotal *key = &g_array_index (converted->minerals, LodeExportTotal, i);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "mineral", key->key);
      write_converted_members (writer, &g_array_index (converted->by_mineral, LodeConvertedTotal, i));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);

  write_missing_rates (writer, converter);
  write_currency_investment_json (writer, portfolio, converter);
  lode_json_writer_end_object (writer);
}

/* "investment" and "national_figures" of "in_currency". */
static void
write_currency_investment_json (LodeJsonWriter *writer,
                                LodePortfolio  *portfolio,
                                LodeConverter  *like)
{
  g_autoptr(LodeConverter) converter = converter_like (portfolio, like);
  g_autoptr(LodeConverter) figures_converter = converter_like (portfolio, like);
  GListModel *events = G_LIST_MODEL (lode_portfolio_get_investments (portfolio));
  GListModel *figures = G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio));
  LodeConvertedTotal committed, disbursed;
  LodeMoney committed_usd, disbursed_usd;

  lode_json_writer_member (writer, "investment");
  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "by_kind");
  lode_json_writer_begin_object (writer);
  for (guint k = 0; k < G_N_ELEMENTS (investment_kinds); k++)
    {
      LodeConvertedTotal total;

      lode_investment_convert_total (events, converter, 0, NULL,
                                     LODE_INVESTMENT_KIND_BIT (investment_kinds[k]), &total);
      lode_json_writer_member (writer, lode_enum_to_nick (LODE_TYPE_INVESTMENT_KIND, investment_kinds[k]));
      lode_json_writer_begin_object (writer);
      write_converted_members (writer, &total);
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_object (writer);

  lode_portfolio_convert_investment_totals (portfolio, converter, &committed, &disbursed,
                                            &committed_usd, &disbursed_usd);
  lode_json_writer_member (writer, "committed");
  lode_json_writer_begin_object (writer);
  write_converted_members (writer, &committed);
  write_money_member (writer, "value_usd_of_no_year", committed_usd);
  lode_json_writer_end_object (writer);
  lode_json_writer_member (writer, "disbursed");
  lode_json_writer_begin_object (writer);
  write_converted_members (writer, &disbursed);
  write_money_member (writer, "value_usd_of_no_year", disbursed_usd);
  lode_json_writer_end_object (writer);
  write_missing_rates (writer, converter);
  lode_json_writer_end_object (writer);

  lode_json_writer_member (writer, "national_figures");
  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "figures");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LodeNationalFigure) figure = g_list_model_get_item (figures, i);
      int year = lode_national_figure_get_year (figure);
      LodeMoney value = lode_national_figure_get_value (figure);
      LodeAmount amount;

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "kind",
                           lode_enum_to_nick (LODE_TYPE_FIGURE_KIND, lode_national_figure_get_kind (figure)));
      write_string_member (writer, "country", lode_national_figure_get_country (figure));
      lode_json_writer_member (writer, "year");
      if (year != 0)
        lode_json_writer_int (writer, year);
      else
        lode_json_writer_null (writer);
      write_money_member (writer, "value_usd", value);
      /* null without a year, or without a rate for it: never a guess. */
      lode_json_writer_member (writer, "value");
      if (year != 0 && value >= 0 &&
          lode_converter_convert (figures_converter, value, year, 0, LODE_PERIOD_KIND_CALENDAR_YEAR, &amount, NULL))
        lode_json_writer_money (writer, amount);
      else
        lode_json_writer_null (writer);
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
  write_missing_rates (writer, figures_converter);
  lode_json_writer_end_object (writer);
}

char *
lode_cli_summary_to_json (LodePortfolio *portfolio,
                          int            fiscal_year_start,
                          LodeConverter *converter,
                          const char    *name)
{
  LodeExportTable *exports;
  LodeJsonWriter *writer;
  GString *out;
  Totals totals;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  totals_compute (&totals, portfolio);
  exports = lode_portfolio_get_exports (portfolio);

  out = g_string_new (NULL);
  writer = json_document_begin (out, portfolio, name);
  write_string_member (writer, "description", lode_portfolio_get_description (portfolio));
  write_string_member (writer, "currency", lode_portfolio_get_currency (portfolio));
  lode_json_writer_member (writer, "fiscal_year_start");
  lode_json_writer_int (writer, fiscal_year_start);

  {
    const struct
    {
      const char *name;
      gint64      count;
    } counts[] = {
      { "sources", totals.n_sources },
      { "minerals", totals.n_minerals },
      { "projects", totals.n_projects },
      { "targets", totals.n_targets },
      { "exports", totals.n_exports },
      { "investments", totals.n_investments },
      { "production", totals.n_production },
      { "national_figures", totals.n_national_figures },
    };

    lode_json_writer_member (writer, "counts");
    lode_json_writer_begin_object (writer);
    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        lode_json_writer_member (writer, counts[i].name);
        lode_json_writer_int (writer, counts[i].count);
      }
    lode_json_writer_end_object (writer);
  }

  write_money_member (writer, "exports_usd", totals.exports);
  write_money_member (writer, "reserves_usd", totals.reserves);
  lode_json_writer_member (writer, "investment_usd");
  lode_json_writer_begin_object (writer);
  write_money_member (writer, "committed", totals.committed);
  write_money_member (writer, "disbursed", totals.disbursed);
  lode_json_writer_end_object (writer);

  write_investment_json (writer, portfolio);
  write_items_json (writer, "production", portfolio,
                    G_LIST_MODEL (lode_portfolio_get_production (portfolio)),
                    write_production_object);
  write_items_json (writer, "national_figures", portfolio,
                    G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio)),
                    write_national_figure_object);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr(GArray) group_totals = NULL;

      if (groups[g].field == LODE_EXPORT_FIELD_YEAR &&
          (fiscal_year_start != 1 || has_fiscal_records (exports)))
        {
          write_fiscal_group (writer, exports, fiscal_year_start);
          continue;
        }

      group_totals = lode_export_table_aggregate (exports, groups[g].field);
      lode_json_writer_member (writer, groups[g].json_name);
      lode_json_writer_begin_array (writer);

      for (guint i = 0; i < group_totals->len; i++)
        {
          const LodeExportTotal *total = &g_array_index (group_totals, LodeExportTotal, i);

          lode_json_writer_begin_object (writer);
          lode_json_writer_member (writer, groups[g].json_key);
          if (groups[g].field == LODE_EXPORT_FIELD_YEAR)
            lode_json_writer_int (writer, total->year);
          else
            write_string_or_null (writer, total->key);
          if (groups[g].field == LODE_EXPORT_FIELD_MINERAL)
            {
              write_string_member (writer, "name", mineral_name (portfolio, total->key));
            }
          lode_json_writer_member (writer, "records");
          lode_json_writer_int (writer, total->count);
          write_money_member (writer, "value_usd", total->value);
          lode_json_writer_end_object (writer);
        }

      lode_json_writer_end_array (writer);
    }

  if (converter != NULL)
    write_currency_json (writer, portfolio, converter, fiscal_year_start);

  return json_document_end (writer, out);
}

/* Comparing two periods */

static const struct
{
  LodeExportField field;
  const char     *heading;     /* N_() */
  const char     *key_title;   /* N_() */
} compare_groups[] = {
  { LODE_EXPORT_FIELD_MINERAL,     N_("By mineral"),     N_("Mineral") },
  { LODE_EXPORT_FIELD_DESTINATION, N_("By destination"), N_("Destination") },
  { LODE_EXPORT_FIELD_STAGE,       N_("By stage"),       N_("Stage") },
  { LODE_EXPORT_FIELD_HS_CODE,     N_("By HS code"),     N_("HS code") },
};

static char *
format_money_change (LodeMoney change)
{
  g_autofree char *amount = lode_money_format_full (change);

  return change > 0 ? g_strconcat ("+", amount, NULL) : g_steal_pointer (&amount);
}

static char *
format_percent (const LodeCompareRow *row)
{
  if (!row->has_percent)
    /* Translators: no change in percent, as the first value was 0 */
    return g_strdup (_("–"));

  /* Translators: a change in percent, as in "+12.5%" or "-3.0%" */
  return g_strdup_printf (_("%+.1f%%"), row->percent);
}

static void
append_comparison (GString        *out,
                   LodePortfolio  *portfolio,
                   LodeComparison *comparison,
                   const char     *heading,
                   const char     *key_title)
{
  g_autofree char *first = lode_period_to_string (&comparison->periods[0]);
  g_autofree char *second = lode_period_to_string (&comparison->periods[1]);
  gboolean with_name = comparison->field == LODE_EXPORT_FIELD_MINERAL;
  Table table;

  /* Columns: key, [name,] first, second, change, percent */
  if (with_name)
    table_init (&table, 6, 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5);
  else
    table_init (&table, 5, 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4);

  if (with_name)
    table_add (&table, g_strdup (key_title), g_strdup (_("Name")), g_strdup (first),
               g_strdup (second), g_strdup (_("Change")), g_strdup (_("Change %")));
  else
    table_add (&table, g_strdup (key_title), g_strdup (first), g_strdup (second),
               g_strdup (_("Change")), g_strdup (_("Change %")));

  for (guint i = 0; i < comparison->rows->len; i++)
    {
      const LodeCompareRow *row = &g_array_index (comparison->rows, LodeCompareRow, i);
      /* Translators: an export record with no destination, stage or HS code */
      char *key = g_strdup (row->key != NULL ? row->key : _("unknown"));
      char *a = lode_money_format_full (row->value[0]);
      char *b = lode_money_format_full (row->value[1]);
      char *change = format_money_change (row->change);
      char *percent = format_percent (row);

      if (with_name)
        {
          const char *name = mineral_name (portfolio, row->key);

          table_add (&table, key, g_strdup (name != NULL ? name : ""), a, b, change, percent);
        }
      else
        {
          table_add (&table, key, a, b, change, percent);
        }
    }

  append_heading (out, heading);
  table_flush (&table, "  ", out);
}

static void
append_unplaced (GString        *out,
                 LodeComparison *comparison)
{
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *period = NULL;
      g_autofree char *value = NULL;

      if (comparison->n_unplaced[s] == 0)
        continue;

      period = lode_period_to_string (&comparison->periods[s]);
      value = lode_money_format_full (comparison->unplaced_value[s]);
      g_string_append_printf (out,
                              /* Translators: records of a calendar year that lie partly in
                               * a fiscal year; they are not split, so not counted in it */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u record of a whole year (%s) overlaps %s and is not counted in it",
                                           "%u records of a whole year (%s) overlap %s and are not counted in it",
                                           comparison->n_unplaced[s]),
                              comparison->n_unplaced[s], value, period);
      g_string_append_c (out, '\n');
    }
}

/* The exports of both periods in the converter's currency. */
static void
append_compare_currency (GString        *out,
                         LodeComparison *comparison,
                         LodeConverter  *converter)
{
  const char *code = lode_converter_get_code (converter);
  g_autofree char *missing = lode_converter_describe_missing (converter);
  g_autofree char *label = NULL;
  char *cells[2];
  Table table;

  for (guint s = 0; s < 2; s++)
    {
      LodeConvertedTotal total = {
        .count = comparison->count[s],
        .n_missing = comparison->n_missing[s],
        .amount = comparison->amount[s],
      };

      cells[s] = format_converted (code, &total);
    }

  /* Translators: %s is a currency code (PKR) */
  label = g_strdup_printf (_("Exports in %s"), code);
  table_init (&table, 3, 1u << 1 | 1u << 2);
  table_add (&table, g_strdup (label), cells[0], cells[1]);
  table_add (&table, g_strdup (_("Without a rate")), format_missing_count (comparison->n_missing[0]),
             format_missing_count (comparison->n_missing[1]));
  table_flush (&table, "", out);

  if (missing != NULL)
    {
      g_string_append (out, missing);
      g_string_append_c (out, '\n');
    }
}

char *
lode_cli_compare_to_text (LodePortfolio    *portfolio,
                          const LodePeriod *first,
                          const LodePeriod *second,
                          LodeConverter    *converter)
{
  LodeExportTable *exports;
  GString *out;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  exports = lode_portfolio_get_exports (portfolio);
  out = g_string_new (lode_portfolio_get_title (portfolio));
  g_string_append_c (out, '\n');

  for (guint g = 0; g < G_N_ELEMENTS (compare_groups); g++)
    {
      g_autoptr(LodeComparison) comparison =
        lode_comparison_new (exports, compare_groups[g].field, first, second);

      if (g == 0)
        {
          g_autofree char *a = lode_period_to_string (first);
          g_autofree char *b = lode_period_to_string (second);
          LodeCompareRow all = {
            .count = { comparison->count[0], comparison->count[1] },
            .value = { comparison->value[0], comparison->value[1] },
            .change = comparison->value[1] - comparison->value[0],
            .has_percent = comparison->value[0] != 0,
          };
          Table table;

          if (all.has_percent)
            all.percent = 100.0 * (double) all.change / (double) all.value[0];

          g_string_append_c (out, '\n');
          table_init (&table, 5, 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4);
          table_add (&table, g_strdup (""), g_strdup (a), g_strdup (b),
                     g_strdup (_("Change")), g_strdup (_("Change %")));
          table_add (&table, g_strdup (_("Exports")),
                     lode_money_format_full (all.value[0]), lode_money_format_full (all.value[1]),
                     format_money_change (all.change), format_percent (&all));
          table_add (&table, g_strdup (_("Records")),
                     g_strdup_printf ("%u", all.count[0]), g_strdup_printf ("%u", all.count[1]),
                     g_strdup (""), g_strdup (""));
          table_flush (&table, "", out);
          if (converter != NULL && lode_comparison_convert (comparison, exports, converter))
            append_compare_currency (out, comparison, converter);
          append_unplaced (out, comparison);
        }

      if (comparison->rows->len > 0)
        append_comparison (out, portfolio, comparison,
                           _(compare_groups[g].heading), _(compare_groups[g].key_title));
    }

  return g_string_free (out, FALSE);
}

static void
write_period_member (LodeJsonWriter   *writer,
                     const char       *member,
                     const LodePeriod *period)
{
  g_autofree char *name = period->start_month == 1
    ? g_strdup_printf ("%d", period->first_year)
    : fiscal_year_name (period->first_year);

  lode_json_writer_member (writer, member);
  lode_json_writer_begin_object (writer);
  write_string_member (writer, "name", name);
  lode_json_writer_member (writer, "first_year");
  lode_json_writer_int (writer, period->first_year);
  lode_json_writer_member (writer, "start_month");
  lode_json_writer_int (writer, period->start_month);
  lode_json_writer_end_object (writer);
}

static void
write_percent_member (LodeJsonWriter *writer,
                      gboolean        has_percent,
                      double          percent)
{
  lode_json_writer_member (writer, "change_percent");
  if (has_percent)
    lode_json_writer_double (writer, round (percent * 10.0) / 10.0);
  else
    lode_json_writer_null (writer);
}

/* @amount and @n_missing: the values in another currency, or NULL. */
static void
write_sides (LodeJsonWriter   *writer,
             const guint      *count,
             const LodeMoney  *value,
             const LodeAmount *amount,
             const guint      *n_missing)
{
  const char *names[2] = { "first", "second" };

  for (guint s = 0; s < 2; s++)
    {
      lode_json_writer_member (writer, names[s]);
      lode_json_writer_begin_object (writer);
      lode_json_writer_member (writer, "records");
      lode_json_writer_int (writer, count[s]);
      write_money_member (writer, "value_usd", value[s]);
      if (amount != NULL)
        {
          lode_json_writer_member (writer, "value");
          if (count[s] == 0 || n_missing[s] < count[s])
            lode_json_writer_money (writer, amount[s]);
          else
            lode_json_writer_null (writer);
          lode_json_writer_member (writer, "records_without_rate");
          lode_json_writer_int (writer, n_missing[s]);
        }
      lode_json_writer_end_object (writer);
    }
}

char *
lode_cli_compare_to_json (LodePortfolio    *portfolio,
                          const LodePeriod *first,
                          const LodePeriod *second,
                          LodeConverter    *converter,
                          const char       *name)
{
  LodeExportTable *exports;
  LodeJsonWriter *writer;
  GString *out;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  exports = lode_portfolio_get_exports (portfolio);
  out = g_string_new (NULL);
  writer = json_document_begin (out, portfolio, name);
  write_period_member (writer, "first", first);
  write_period_member (writer, "second", second);
  if (converter != NULL)
    write_string_member (writer, "currency", lode_converter_get_code (converter));

  for (guint g = 0; g < G_N_ELEMENTS (compare_groups); g++)
    {
      g_autoptr(LodeComparison) comparison =
        lode_comparison_new (exports, compare_groups[g].field, first, second);
      const char *field_name = lode_comparison_field_name (compare_groups[g].field);
      g_autofree char *member = g_strconcat ("by_", field_name, NULL);
      gboolean converted = converter != NULL &&
                           lode_comparison_convert (comparison, exports, converter);

      if (g == 0)
        {
          LodeMoney change = comparison->value[1] - comparison->value[0];

          lode_json_writer_member (writer, "exports");
          lode_json_writer_begin_object (writer);
          write_sides (writer, comparison->count, comparison->value,
                       converted ? comparison->amount : NULL, comparison->n_missing);
          write_money_member (writer, "change_usd", change);
          write_percent_member (writer, comparison->value[0] != 0,
                                comparison->value[0] != 0
                                ? 100.0 * (double) change / (double) comparison->value[0] : 0);
          lode_json_writer_end_object (writer);

          lode_json_writer_member (writer, "unplaced");
          lode_json_writer_begin_object (writer);
          write_sides (writer, comparison->n_unplaced, comparison->unplaced_value, NULL, NULL);
          lode_json_writer_end_object (writer);
        }

      lode_json_writer_member (writer, member);
      lode_json_writer_begin_array (writer);
      for (guint i = 0; i < comparison->rows->len; i++)
        {
          const LodeCompareRow *row = &g_array_index (comparison->rows, LodeCompareRow, i);

          lode_json_writer_begin_object (writer);
          write_string_member (writer, field_name, row->key);
          if (compare_groups[g].field == LODE_EXPORT_FIELD_MINERAL)
            write_string_member (writer, "name", mineral_name (portfolio, row->key));
          write_sides (writer, row->count, row->value,
                       converted ? row->amount : NULL, row->n_missing);
          write_money_member (writer, "change_usd", row->change);
          write_percent_member (writer, row->has_percent, row->percent);
          lode_json_writer_end_object (writer);
        }
      lode_json_writer_end_array (writer);
    }

  if (converter != NULL)
    write_missing_rates (writer, converter);

  return json_document_end (writer, out);
}

char *
lode_cli_compare_to_csv (LodePortfolio    *portfolio,
                         const LodePeriod *first,
                         const LodePeriod *second)
{
  LodeExportTable *exports;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  exports = lode_portfolio_get_exports (portfolio);
  lode_comparison_append_csv_header (out);
  for (guint g = 0; g < G_N_ELEMENTS (compare_groups); g++)
    {
      g_autoptr(LodeComparison) comparison =
        lode_comparison_new (exports, compare_groups[g].field, first, second);

      lode_comparison_append_csv (comparison, portfolio, out);
    }

  return g_string_free (out, FALSE);
}
