/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-enum-types.h"
#include "lode-exports-page.h"
#include "lode-list-page-private.h"
#include "lode-export-index.h"
#include "lode-export-editor.h"
#include "lode-currency.h"
#include "lode-periods.h"
#include "lode-spreadsheet-export.h"
#include "lode-ui-format.h"
#include "lode-window.h"

struct _LodeExportsPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkSearchBar     *search_bar;
  GtkSearchEntry   *search_entry;
  GtkMenuButton    *filters_button;
  AdwComboRow      *mineral_filter;
  AdwComboRow      *stage_filter;
  AdwComboRow      *destination_filter;
  AdwEntryRow      *year_min;
  AdwEntryRow      *year_max;
  GtkStack         *stack;
  GtkColumnView    *column_view;
  GtkSingleSelection *selection;
  LodeExportIndex  *index;
  GtkLabel         *totals_label;
  GtkLabel         *years_label;
  /* The month the years of years_label begin in: 1 for calendar years. */
  int               start_month;
  /* The currency of the totals: "USD", or one of the portfolio's rates,
   * and the converter of the records' values to it (NULL in dollars). */
  char             *currency;
  LodeConverter    *converter;

  LodeExportTable  *table;
  /* The portfolio's minerals, whose names the records show; the handlers
   * on each mineral are taken off when the portfolio changes. */
  GListStore       *minerals;
  GSignalGroup     *minerals_signals;
  /* Ids behind the filters' choices; the first choice is "any". */
  GPtrArray        *mineral_ids;
  GPtrArray        *destination_codes;

  /* The destination filter offers the destinations of the records. */
  gboolean          destinations_listed;

  /* The row selected before the index last changed. */
  guint             last_selected;

  /* Finding the view's sort column: see sort_changed(). */
  GObject          *probe_items[2];
  int               probe_sort;
};

G_DEFINE_FINAL_TYPE (LodeExportsPage, lode_exports_page, LODE_TYPE_LIST_PAGE)

static LodePortfolio *
get_portfolio (LodeExportsPage *self)
{
  return lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
}

static const LodeExportRow *
list_item_get_row (GtkListItem *list_item)
{
  LodeExportRecord *record = gtk_list_item_get_item (list_item);

  g_assert (LODE_IS_EXPORT_RECORD (record));

  return lode_export_record_get_row (record);
}

static const char *
mineral_name (LodeExportsPage *self,
              const char      *id)
{
  LodeMineral *mineral = NULL;

  if (get_portfolio (self) != NULL)
    mineral = lode_portfolio_find_mineral (get_portfolio (self), id);

  if (mineral != NULL && lode_mineral_get_name (mineral) != NULL)
    return lode_mineral_get_name (mineral);

  return id;
}

static const char *
index_mineral_name (const char *id,
                    gpointer    user_data)
{
  return mineral_name (user_data, id);
}

static const char *
index_country_name (const char *code,
                    gpointer    user_data)
{
  return lode_country_lookup (code);
}

/* Cells */

static void
bind_mineral_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);

  lode_cell_set_text (list_item, mineral_name (self, row->mineral), NULL);
}

static void
bind_quantity_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);
  g_autofree char *text = NULL;

  if (row->quantity != LODE_QUANTITY_UNSET)
    text = lode_format_quantity (row->quantity, row->unit);

  lode_cell_set_text (list_item, text, NULL);
}

static LodeConverter *new_converter (LodeExportsPage *self);

static void
bind_value_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;
  g_autoptr(GError) error = NULL;
  LodeAmount amount;

  /* In the currency shown at the rate of the record's period; without
   * one, no amount, and the cell's tooltip says why. */
  if (self->converter != NULL)
    {
      if (lode_converter_convert (self->converter, row->value, row->year, row->month, row->period,
                                  &amount, &error))
        {
          text = lode_amount_format_short (self->currency, amount);
          exact = lode_amount_format_full (self->currency, amount);
        }
      else
        {
          text = g_strdup (C_("amount", "—"));
          exact = g_strdup (error->message);
        }
      lode_cell_set_text (list_item, text, exact);
      return;
    }

  text = lode_format_money (row->value);
  exact = lode_money_format_full (row->value);
  lode_cell_set_text (list_item, text, exact);
}

static void
bind_source_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);
  LodeSource *source = NULL;
  g_autoptr(GString) tooltip = NULL;
  const char *publisher;
  const char *title;
  const char *date;

  if (row->source == NULL)
    {
      lode_cell_set_text (list_item, NULL, NULL);
      return;
    }

  if (get_portfolio (self) != NULL)
    source = lode_portfolio_find_source (get_portfolio (self), row->source);

  if (source == NULL)
    {
      lode_cell_set_text (list_item, row->source, NULL);
      return;
    }

  publisher = lode_source_get_publisher (source);
  title = lode_source_get_title (source);
  date = lode_source_get_date (source);

  tooltip = g_string_new (title);
  if (publisher != NULL)
    g_string_append_printf (tooltip, "\n%s", publisher);
  if (date != NULL)
    g_string_append_printf (tooltip, "\n%s", date);

  lode_cell_set_text (list_item, publisher != NULL ? publisher : title, tooltip->str);
}

static void update_table (LodeExportsPage *self);

/* A converter to the currency shown, or NULL for US dollars. */
static LodeConverter *
new_converter (LodeExportsPage *self)
{
  LodePortfolio *portfolio = get_portfolio (self);

  if (portfolio == NULL || self->currency == NULL || g_str_equal (self->currency, LODE_CURRENCY_USD))
    return NULL;

  return lode_converter_new (G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio)), self->currency,
                             lode_portfolio_get_fiscal_year_start (portfolio));
}

/* The total of the records shown, in the currency shown: "PKR 1,234.50",
 * and which years had no rate; NULL in US dollars. */
static char *
converted_total (LodeExportsPage  *self,
                 char            **missing)
{
  g_autoptr(LodeConverter) converter = new_converter (self);
  LodeAmountSum sum = LODE_AMOUNT_SUM_INIT;
  LodeAmount amount;
  guint n;

  *missing = NULL;
  if (converter == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->index));
  for (guint i = 0; i < n; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (self->table, lode_export_index_get_row_position (self->index, i), &row);
      lode_converter_add_row (converter, &row, &sum);
    }
  *missing = lode_converter_describe_missing (converter);
  if (!lode_amount_sum_round (&sum, &amount))
    return g_strdup (C_("amount", "—"));

  return lode_amount_format_full (self->currency, amount);
}

void
lode_exports_page_set_currency (LodeExportsPage *self,
                                const char      *currency)
{
  g_return_if_fail (LODE_IS_EXPORTS_PAGE (self));

  /* The same currency again may come with other rates: only dollars
   * stay as they are. */
  if (g_strcmp0 (self->currency, currency) == 0 && self->converter == NULL)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_clear_pointer (&self->converter, lode_converter_unref);
  self->converter = new_converter (self);
  update_table (self);
  /* Each record's value is bound again, in the new currency. */
  if (self->table != NULL)
    lode_export_index_rebuild (self->index);
}

/* All the records by year, or by fiscal year, with those a fiscal year
 * cannot hold said apart: "By fiscal year: FY2023-24 $1.2 M · FY2024-25
 * $2.3 M. 3 records of whole calendar years are in no fiscal year". */
static void
update_years (LodeExportsPage *self)
{
  g_autoptr(LodePeriodTotals) totals = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(LodeConverter) converter = new_converter (self);
  g_autoptr(GArray) converted = NULL;

  if (self->table == NULL || lode_export_table_get_n_rows (self->table) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->years_label), FALSE);
      return;
    }

  totals = lode_period_totals_new (self->table, self->start_month);
  if (converter != NULL)
    converted = lode_converter_period_totals (converter, self->table, totals, self->start_month);
  text = g_string_new (self->start_month == 1 ? _("By year:") : _("By fiscal year:"));
  for (guint i = 0; i < totals->totals->len; i++)
    {
      const LodePeriodTotal *total = &g_array_index (totals->totals, LodePeriodTotal, i);
      g_autofree char *name = lode_period_to_string (&total->period);
      g_autofree char *value = NULL;

      if (converted == NULL)
        value = lode_format_money (total->value);
      else if (g_array_index (converted, LodeConvertedTotal, i).n_missing == total->count)
        /* TRANSLATORS: in place of an amount that has no rate to be shown in */
        value = g_strdup (C_("amount", "—"));
      else
        value = lode_amount_format_full (self->currency, g_array_index (converted, LodeConvertedTotal, i).amount);

      g_string_append_printf (text, i == 0 ? " %s %s" : " · %s %s", name, value);
    }
  if (converter != NULL)
    {
      g_autofree char *missing = lode_converter_describe_missing (converter);

      if (missing != NULL)
        g_string_append_printf (text, "\n%s", missing);
    }
  if (totals->n_unplaced > 0)
    {
      g_autofree char *count = lode_format_count (totals->n_unplaced);
      g_autofree char *value = lode_format_money (totals->unplaced_value);

      g_string_append (text, "\n");
      /* TRANSLATORS: after the exports by fiscal year: how many records of a
       * whole calendar year none of them holds, and their value */
      if (self->start_month != 1)
        g_string_append_printf (text, g_dngettext (NULL,
                                                   "%s record of a whole calendar year (%s) is in no fiscal year",
                                                   "%s records of whole calendar years (%s) are in no fiscal year",
                                                   totals->n_unplaced),
                                count, value);
      else
        /* TRANSLATORS: after the exports by calendar year: how many
         * records of a whole fiscal year none of them holds */
        g_string_append_printf (text, g_dngettext (NULL,
                                                   "%s record of a whole fiscal year (%s) is in no calendar year",
                                                   "%s records of whole fiscal years (%s) are in no calendar year",
                                                   totals->n_unplaced),
                                count, value);
    }
  gtk_label_set_label (self->years_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->years_label), TRUE);
}

void
lode_exports_page_set_start_month (LodeExportsPage *self,
                                   int              start_month)
{
  g_return_if_fail (LODE_IS_EXPORTS_PAGE (self));
  g_return_if_fail (start_month >= 1 && start_month <= 12);

  if (self->start_month == start_month)
    return;

  self->start_month = start_month;
  update_years (self);
}

static void
update_table (LodeExportsPage *self)
{
  const LodeExportTotals *totals;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *count = NULL;
  g_autofree char *missing = NULL;
  guint n_rows;

  if (self->index == NULL || self->stack == NULL)
    return;

  /* The years of all the records, once the index has them too. */
  if (!lode_export_index_get_busy (self->index))
    update_years (self);

  totals = lode_export_index_get_totals (self->index);
  n_rows = self->table != NULL ? lode_export_table_get_n_rows (self->table) : 0;

  if (lode_export_index_get_busy (self->index) && totals->count == 0)
    {
      /* A large table is being sorted in the background. */
      gtk_stack_set_visible_child_name (self->stack, "list");
      gtk_label_set_label (self->totals_label, _("Counting the records…"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), NULL);
      return;
    }

  if (n_rows == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (totals->count == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  total = converted_total (self, &missing);
  if (total == NULL)
    total = lode_format_money (totals->value);
  count = lode_format_count (totals->count);
  /* TRANSLATORS: the totals line below the export records, as in
   * "1,204 records · total $3.12 B"; the first %s is the count */
  g_string_printf (text, ngettext ("%s record · total %s", "%s records · total %s", totals->count),
                   count, total);
  for (guint unit = 0; unit < LODE_EXPORT_N_UNITS; unit++)
    {
      g_autofree char *quantity = NULL;

      if (totals->quantity[unit] <= 0)
        continue;
      quantity = lode_format_quantity (totals->quantity[unit], unit);
      g_string_append_printf (text, " · %s", quantity);
    }
  if (totals->count != n_rows)
    {
      g_autofree char *all = lode_format_count (n_rows);

      /* TRANSLATORS: after the totals of the records a filter shows; %s is
       * the count of all records, as in " (of 1,000,000 records)" */
      g_string_append_printf (text, ngettext (" (of %s record)", " (of %s records)", n_rows), all);
    }

  /* Said plainly, not guessed: "No PKR rate for 2022". */
  if (missing != NULL)
    g_string_append_printf (text, " · %s", missing);

  gtk_label_set_label (self->totals_label, text->str);
  exact = lode_money_format_full (totals->value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), exact);
}

/* A year typed in a filter row, or 0 (any) when there is none; the row
 * is marked when it is not a year. */
static int
filter_year (AdwEntryRow *row)
{
  g_autofree char *text = lode_editor_row_text (row);
  guint64 year = 0;
  gboolean valid = text == NULL || g_ascii_string_to_unsigned (text, 10, 1, 9999, &year, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");

  return valid ? (int) year : 0;
}

static void
filter_changed (LodeExportsPage *self)
{
  guint mineral = adw_combo_row_get_selected (self->mineral_filter);
  guint stage = adw_combo_row_get_selected (self->stage_filter);
  guint destination = adw_combo_row_get_selected (self->destination_filter);

  if (self->index == NULL || self->mineral_ids == NULL)
    return;

  lode_export_index_set_filter (self->index,
                                mineral > 0 && mineral < self->mineral_ids->len ?
                                g_ptr_array_index (self->mineral_ids, mineral) : NULL,
                                filter_year (self->year_min),
                                filter_year (self->year_max),
                                destination > 0 && destination < self->destination_codes->len ?
                                g_ptr_array_index (self->destination_codes, destination) : NULL,
                                stage > 0 && stage != GTK_INVALID_LIST_POSITION ?
                                (int) stage : LODE_EXPORT_STAGE_ANY,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_table (self);
}

static void update_filter_choices (LodeExportsPage *self);

/* The records show the minerals' names: sort and search them anew. */
static void
mineral_renamed (LodeExportsPage *self)
{
  lode_export_index_rebuild (self->index);
  update_filter_choices (self);
}

/* The filters offer the minerals of the portfolio and the destinations of
 * the records. Finding the destinations reads every record (tens of
 * milliseconds for a million): without @with_destinations, only "All
 * destinations" is offered until the filters show. */
static void
list_filter_choices (LodeExportsPage *self,
                     gboolean         with_destinations)
{
  g_autoptr(GtkStringList) minerals = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) destinations = gtk_string_list_new (NULL);
  GListModel *store;

  g_ptr_array_set_size (self->mineral_ids, 0);
  g_ptr_array_set_size (self->destination_codes, 0);

  gtk_string_list_append (minerals, _("All minerals"));
  g_ptr_array_add (self->mineral_ids, NULL);
  if (get_portfolio (self) != NULL)
    {
      store = G_LIST_MODEL (lode_portfolio_get_minerals (get_portfolio (self)));
      for (guint i = 0; i < g_list_model_get_n_items (store); i++)
        {
          g_autoptr(LodeMineral) mineral = g_list_model_get_item (store, i);

          gtk_string_list_append (minerals, lode_mineral_get_name (mineral));
          g_ptr_array_add (self->mineral_ids, g_strdup (lode_mineral_get_id (mineral)));
          g_signal_handlers_disconnect_by_func (mineral, mineral_renamed, self);
          g_signal_connect_object (mineral, "notify::name",
                                   G_CALLBACK (mineral_renamed), self, G_CONNECT_SWAPPED);
        }
    }

  gtk_string_list_append (destinations, _("All destinations"));
  g_ptr_array_add (self->destination_codes, NULL);
  self->destinations_listed = with_destinations;
  if (self->table != NULL && with_destinations)
    {
      g_autoptr(GArray) totals = lode_export_table_aggregate (self->table, LODE_EXPORT_FIELD_DESTINATION);

      for (guint i = 0; i < totals->len; i++)
        {
          const char *code = g_array_index (totals, LodeExportTotal, i).key;
          const char *name = lode_country_lookup (code);

          if (code == NULL)
            continue;
          gtk_string_list_append (destinations, name != NULL ? name : code);
          g_ptr_array_add (self->destination_codes, g_strdup (code));
        }
    }

  adw_combo_row_set_model (self->mineral_filter, G_LIST_MODEL (minerals));
  adw_combo_row_set_model (self->destination_filter, G_LIST_MODEL (destinations));
}

/* The filters' popover is open (GTK 4.8 has no "active" on a menu
 * button). */
static gboolean
filters_shown (LodeExportsPage *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->filters_button);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static void
update_filter_choices (LodeExportsPage *self)
{
  list_filter_choices (self, filters_shown (self));
}

/* Which column sorts the view, and which way: on GTK 4.8 the view's sorter
 * does not say, so each column's sorter answers a probe: the first one the
 * view asks is the primary column, and the sign of the answer tells the
 * direction. */
typedef struct
{
  LodeExportsPage *page;
  LodeExportSort   sort;
} SortProbe;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  if (probe->page->probe_sort >= 0)
    return GTK_ORDERING_EQUAL;

  probe->page->probe_sort = probe->sort;
  return GTK_ORDERING_SMALLER;
}

static void
sort_changed (LodeExportsPage *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  /* Columns go away with the template. */
  if (self->column_view == NULL || self->index == NULL)
    return;

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probe_sort = -1;
  order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);

  if (self->probe_sort < 0 || order == GTK_ORDERING_EQUAL)
    lode_export_index_set_sort (self->index, LODE_EXPORT_SORT_NONE, FALSE);
  else
    lode_export_index_set_sort (self->index, self->probe_sort, order == GTK_ORDERING_LARGER);
}

static void
set_column_sorters (LodeExportsPage *self)
{
  static const LodeExportSort sorts[] = {
    LODE_EXPORT_SORT_MINERAL, LODE_EXPORT_SORT_DATE, LODE_EXPORT_SORT_MONTH,
    LODE_EXPORT_SORT_DESTINATION, LODE_EXPORT_SORT_HS_CODE, LODE_EXPORT_SORT_STAGE,
    LODE_EXPORT_SORT_QUANTITY, LODE_EXPORT_SORT_VALUE, LODE_EXPORT_SORT_SOURCE,
  };
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  g_assert (g_list_model_get_n_items (columns) == G_N_ELEMENTS (sorts));

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      SortProbe *probe = g_new0 (SortProbe, 1);
      g_autoptr(GtkSorter) sorter = NULL;

      probe->page = self;
      probe->sort = sorts[i];
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
      gtk_column_view_column_set_sorter (column, sorter);
    }

  self->probe_items[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_items[1] = g_object_new (G_TYPE_OBJECT, NULL);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed), self, G_CONNECT_SWAPPED);
}

/* The table's position of the selected record, or G_MAXUINT. */
static guint
selected_row (LodeExportsPage *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (G_LIST_MODEL (self->index)))
    return G_MAXUINT;

  return lode_export_index_get_row_position (self->index, selected);
}

/* The list page's add, edit, duplicate and delete, on the table's rows:
 * @item is the record selected; its row in the table is the index's
 * answer for the selected position, which follows the sorts and edits
 * the index has yet to announce. */
static GtkWindow *
new_editor (LodeListPage *page,
            gpointer      item)
{
  guint row = item != NULL ? selected_row (LODE_EXPORTS_PAGE (page)) : G_MAXUINT;

  return GTK_WINDOW (lode_export_editor_new (lode_list_page_get_portfolio (page), row));
}

static void
row_activated (LodeExportsPage *self,
               guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "exports.edit", NULL);
}

static void
delete_item (LodeListPage *page,
             gpointer      item)
{
  guint row = selected_row (LODE_EXPORTS_PAGE (page));

  if (row == G_MAXUINT)
    return;

  lode_history_remove_exports (lode_portfolio_get_history (lode_list_page_get_portfolio (page)),
                               _("Delete Export Record"), row, 1);
  lode_list_toast_deleted (GTK_WIDGET (page), _("Deleted export record"));
}

static void
duplicate_item (LodeListPage *page,
                gpointer      item)
{
  guint row = selected_row (LODE_EXPORTS_PAGE (page));
  LodeExportRow copy;

  if (row == G_MAXUINT)
    return;

  lode_export_table_get_row (LODE_EXPORTS_PAGE (page)->table, row, &copy);
  lode_history_insert_export (lode_portfolio_get_history (lode_list_page_get_portfolio (page)),
                              _("Duplicate Export Record"), row + 1, &copy);
}

static void
selection_changed (LodeExportsPage *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    self->last_selected = selected;
}

/* An edit replaces its row in place: keep it selected. */
static void
index_changed (LodeExportsPage *self,
               guint            position,
               guint            removed,
               guint            added)
{
  if (removed == 1 && added == 1 && position == self->last_selected &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
filters_popover_notify_visible_cb (LodeExportsPage *self)
{
  if (filters_shown (self) && !self->destinations_listed)
    {
      guint mineral = adw_combo_row_get_selected (self->mineral_filter);

      list_filter_choices (self, TRUE);
      adw_combo_row_set_selected (self->mineral_filter, mineral);
    }
}

static void
update_actions (LodeExportsPage *self)
{
  gboolean has_portfolio = get_portfolio (self) != NULL;

  lode_list_page_update_actions (GTK_WIDGET (self), "exports", has_portfolio,
                                 has_portfolio && selected_row (self) != G_MAXUINT);
  /* What is shown is known once the index is no longer busy. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exports.export-csv",
                                 has_portfolio && !lode_export_index_get_busy (self->index));
}

/* The records as shown: the search, the filters and the sort of the page. */
static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LodeExportsPage *self = LODE_EXPORTS_PAGE (widget);

  if (get_portfolio (self) == NULL || lode_export_index_get_busy (self->index))
    return;

  lode_spreadsheet_export (widget, get_portfolio (self), self->index, LODE_SPREADSHEET_FORMAT_CSV);
}

static void
set_table (LodeExportsPage *self,
           LodeExportTable *table)
{
  if (self->table == table)
    return;

  g_set_object (&self->table, table);
  lode_export_index_set_table (self->index, table);
  update_filter_choices (self);
  filter_changed (self);
  update_table (self);
}

static void
forget_minerals (LodeExportsPage *self)
{
  if (self->minerals == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->minerals)); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (G_LIST_MODEL (self->minerals), i);

      g_signal_handlers_disconnect_by_func (mineral, mineral_renamed, self);
    }
  g_clear_object (&self->minerals);
}

static void
portfolio_changed (LodeListPage *page)
{
  LodeExportsPage *self = LODE_EXPORTS_PAGE (page);
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);

  forget_minerals (self);
  if (portfolio != NULL)
    self->minerals = g_object_ref (lode_portfolio_get_minerals (portfolio));
  g_signal_group_set_target (self->minerals_signals, self->minerals);
  g_clear_pointer (&self->converter, lode_converter_unref);
  self->converter = new_converter (self);
  set_table (self, portfolio != NULL ? lode_portfolio_get_exports (portfolio) : NULL);
  update_actions (self);
}

static void
lode_exports_page_dispose (GObject *object)
{
  LodeExportsPage *self = LODE_EXPORTS_PAGE (object);

  forget_minerals (self);
  if (self->minerals_signals != NULL)
    g_signal_group_set_target (self->minerals_signals, NULL);
  g_clear_object (&self->minerals_signals);
  g_clear_object (&self->table);
  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);
  g_clear_pointer (&self->mineral_ids, g_ptr_array_unref);
  g_clear_pointer (&self->destination_codes, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->converter, lode_converter_unref);

  G_OBJECT_CLASS (lode_exports_page_parent_class)->dispose (object);
}

static void
lode_exports_page_class_init (LodeExportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LodeListPageClass *page_class = LODE_LIST_PAGE_CLASS (klass);

  object_class->dispose = lode_exports_page_dispose;

  page_class->portfolio_changed = portfolio_changed;
  page_class->new_editor = new_editor;
  page_class->duplicate_item = duplicate_item;
  page_class->delete_item = delete_item;

  g_type_ensure (LODE_TYPE_EXPORT_RECORD);
  g_type_ensure (LODE_TYPE_EXPORT_INDEX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-exports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, mineral_filter);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, destination_filter);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, year_min);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, year_max);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, index);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, years_label);
  gtk_widget_class_bind_template_callback (widget_class, update_table);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  lode_list_page_class_install_actions (widget_class, "exports");
  gtk_widget_class_install_action (widget_class, "exports.export-csv", NULL, export_csv_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "exports.export-csv", NULL);
  lode_cell_bind_setup_callbacks (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, bind_mineral_cell);
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_year_cell", G_CALLBACK (lode_cell_bind_export_year));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_month_cell", G_CALLBACK (lode_cell_bind_export_month));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_destination_cell", G_CALLBACK (lode_cell_bind_export_destination));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_hs_code_cell", G_CALLBACK (lode_cell_bind_export_hs_code));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_stage_cell", G_CALLBACK (lode_cell_bind_export_stage));
  gtk_widget_class_bind_template_callback (widget_class, bind_quantity_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_value_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_source_cell);
}

static void
lode_exports_page_init (LodeExportsPage *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  lode_list_page_set_selection (LODE_LIST_PAGE (self), self->selection);
  self->start_month = 1;

  self->mineral_ids = g_ptr_array_new_with_free_func (g_free);
  self->destination_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (stages, _("All stages"));
  for (int stage = LODE_STAGE_ORE; stage < LODE_N_STAGES; stage++)
    gtk_string_list_append (stages, lode_format_stage (stage));
  adw_combo_row_set_model (self->stage_filter, G_LIST_MODEL (stages));

  lode_export_index_set_name_funcs (self->index, index_mineral_name, index_country_name, self);
  lode_export_index_set_background (self->index, TRUE);
  g_signal_connect_object (self->index, "notify::busy",
                           G_CALLBACK (update_table), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->index, "notify::busy",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_menu_button_get_popover (self->filters_button), "notify::visible",
                           G_CALLBACK (filters_popover_notify_visible_cb), self, G_CONNECT_SWAPPED);
  set_column_sorters (self);
  lode_list_page_setup_search (GTK_WIDGET (self), self->search_bar, self->search_entry);
  self->last_selected = GTK_INVALID_LIST_POSITION;
  self->minerals_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->minerals_signals, "items-changed",
                                  G_CALLBACK (update_filter_choices), self);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->index, "items-changed",
                           G_CALLBACK (index_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  update_filter_choices (self);
  update_table (self);
  update_actions (self);
}

/* Showing the records behind a chart item */

void
lode_exports_page_show_filtered (LodeExportsPage *self,
                                 const char      *mineral_id,
                                 const char      *destination,
                                 const char      *stage,
                                 int              year)
{
  int stage_value = LODE_STAGE_UNKNOWN;

  g_return_if_fail (LODE_IS_EXPORTS_PAGE (self));

  if (self->table == NULL)
    return;

  /* The search bar's filters say what is shown, and clear it again. */
  list_filter_choices (self, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adw_combo_row_set_selected (self->mineral_filter, lode_choice_find (self->mineral_ids, mineral_id));
  adw_combo_row_set_selected (self->destination_filter,
                              lode_choice_find (self->destination_codes, destination));
  if (stage == NULL || !lode_enum_from_nick (LODE_TYPE_STAGE, stage, &stage_value))
    stage_value = 0;
  adw_combo_row_set_selected (self->stage_filter, stage_value);
  {
    g_autofree char *text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

    gtk_editable_set_text (GTK_EDITABLE (self->year_min), text);
    gtk_editable_set_text (GTK_EDITABLE (self->year_max), text);
  }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  filter_changed (self);
}
