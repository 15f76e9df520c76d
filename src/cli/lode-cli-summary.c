/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cli-summary.h"
#include "lode-json-writer.h"
#include "lode-money.h"

typedef struct
{
  guint     n_sources;
  guint     n_minerals;
  guint     n_projects;
  guint     n_targets;
  guint     n_exports;
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
    .exports = lode_export_table_get_total (exports),
  };

  for (guint i = 0; i < totals->n_minerals; i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);

      totals->reserves = money_add (totals->reserves,
                                    lode_mineral_get_reserve_value (mineral));
    }

  for (guint i = 0; i < totals->n_projects; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      LodeMoney committed = lode_project_get_committed (project);
      LodeMoney disbursed = lode_project_get_disbursed (project);

      if (committed != LODE_MONEY_UNSET)
        totals->committed = money_add (totals->committed, committed);
      if (disbursed != LODE_MONEY_UNSET)
        totals->disbursed = money_add (totals->disbursed, disbursed);
    }
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

  g_string_append_c (out, '\n');
  g_string_append (out, heading);
  g_string_append_c (out, '\n');
  table_render (&table, "  ", out);
  table_clear (&table);
}

char *
lode_cli_summary_to_text (LodePortfolio *portfolio)
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
  table_render (&table, "", out);
  table_clear (&table);

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
  table_render (&table, "", out);
  table_clear (&table);

  if (totals.n_exports > 0)
    {
      append_group (out, portfolio, LODE_EXPORT_FIELD_MINERAL,
                    _("Exports by mineral"), _("Mineral"), totals.exports);
      append_group (out, portfolio, LODE_EXPORT_FIELD_YEAR,
                    _("Exports by year"), _("Year"), totals.exports);
      append_group (out, portfolio, LODE_EXPORT_FIELD_DESTINATION,
                    _("Exports by destination"), _("Destination"), totals.exports);
      append_group (out, portfolio, LODE_EXPORT_FIELD_STAGE,
                    _("Exports by stage"), _("Stage"), totals.exports);
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

char *
lode_cli_summary_to_json (LodePortfolio *portfolio,
                          const char    *name)
{
  LodeExportTable *exports;
  g_autoptr(LodeJsonWriter) writer = NULL;
  GString *out;
  Totals totals;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  totals_compute (&totals, portfolio);
  exports = lode_portfolio_get_exports (portfolio);

  out = g_string_new (NULL);
  writer = lode_json_writer_new (out);

  lode_json_writer_begin_object (writer);

  write_string_member (writer, "file", name);
  write_string_member (writer, "title", lode_portfolio_get_title (portfolio));
  write_string_member (writer, "description", lode_portfolio_get_description (portfolio));
  write_string_member (writer, "currency", lode_portfolio_get_currency (portfolio));

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

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr(GArray) group_totals = lode_export_table_aggregate (exports, groups[g].field);

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

  lode_json_writer_end_object (writer);
  g_clear_pointer (&writer, lode_json_writer_free);

  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
