/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-enum-types.h"
#include "lode-exports-page.h"
#include "lode-ui-format.h"

struct _LodeExportsPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkColumnView    *column_view;
  GtkSortListModel *sort_model;
  GtkLabel         *totals_label;

  LodePortfolio    *portfolio;
  LodeExportTable  *table;
};

G_DEFINE_FINAL_TYPE (LodeExportsPage, lode_exports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  if (self->portfolio != NULL)
    mineral = lode_portfolio_find_mineral (self->portfolio, id);

  if (mineral != NULL && lode_mineral_get_name (mineral) != NULL)
    return lode_mineral_get_name (mineral);

  return id;
}

/* Sort keys: GtkClosureExpressions evaluated on the record itself. */

static char *
record_mineral_key (LodeExportRecord *record,
                    LodeExportsPage  *self)
{
  const LodeExportRow *row = lode_export_record_get_row (record);

  return g_strdup (mineral_name (self, row->mineral));
}

static int
record_year_key (LodeExportRecord *record,
                 LodeExportsPage  *self)
{
  const LodeExportRow *row = lode_export_record_get_row (record);

  /* Months of one year follow each other; the whole year comes first. */
  return row->year * 13 + row->month;
}

static gint64
record_value_key (LodeExportRecord *record,
                  LodeExportsPage  *self)
{
  return lode_export_record_get_row (record)->value;
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
bind_year_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);
  g_autofree char *text = g_strdup_printf ("%d", row->year);

  lode_cell_set_text (list_item, text, NULL);
}

static void
bind_month_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);
  const char *month = lode_format_month (row->month);

  if (month != NULL)
    lode_cell_set_text (list_item, month, NULL);
  else
    lode_cell_set_text (list_item, C_("month", "—"), _("The whole year"));
}

static void
bind_destination_cell (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);

  if (row->destination != NULL)
    lode_cell_set_text (list_item, row->destination, NULL);
  else
    lode_cell_set_text (list_item, C_("destination", "—"), _("Destination not known"));
}

static void
bind_hs_code_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);

  lode_cell_set_text (list_item, row->hs_code, NULL);
}

static void
bind_stage_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);

  lode_cell_set_text (list_item, lode_format_stage (row->stage), NULL);
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

static void
bind_value_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LodeExportsPage          *self)
{
  const LodeExportRow *row = list_item_get_row (list_item);
  g_autofree char *text = lode_money_format_short (row->value);
  g_autofree char *exact = lode_money_format_full (row->value);

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

  if (self->portfolio != NULL)
    source = lode_portfolio_find_source (self->portfolio, row->source);

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

static void
update_table (LodeExportsPage *self)
{
  guint n_records = 0;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  if (self->table != NULL)
    n_records = g_list_model_get_n_items (G_LIST_MODEL (self->table));

  gtk_stack_set_visible_child_name (self->stack, n_records == 0 ? "empty" : "list");

  total = lode_money_format_short (self->table != NULL ? lode_export_table_get_total (self->table) : 0);
  /* TRANSLATORS: the totals line below the export records, as in
   * "1,204 records · total $3.12 B" */
  text = g_strdup_printf (ngettext ("%'u record · total %s", "%'u records · total %s", n_records),
                          n_records, total);
  gtk_label_set_label (self->totals_label, text);

  if (self->table != NULL)
    {
      g_autofree char *exact = lode_money_format_full (lode_export_table_get_total (self->table));

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), exact);
    }
}

static void
set_table (LodeExportsPage *self,
           LodeExportTable *table)
{
  if (self->table == table)
    return;

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_func (self->table, update_table, self);

  g_set_object (&self->table, table);

  if (table != NULL)
    g_signal_connect_object (table, "items-changed",
                             G_CALLBACK (update_table), self, G_CONNECT_SWAPPED);

  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (table));
  update_table (self);
}

static void
lode_exports_page_dispose (GObject *object)
{
  LodeExportsPage *self = LODE_EXPORTS_PAGE (object);

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_func (self->table, update_table, self);

  /* The bin's child goes first, so the template does not unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_EXPORTS_PAGE);

  g_clear_object (&self->table);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (lode_exports_page_parent_class)->dispose (object);
}

static void
lode_exports_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LodeExportsPage *self = LODE_EXPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_exports_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LodeExportsPage *self = LODE_EXPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      lode_exports_page_set_portfolio (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_exports_page_class_init (LodeExportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_exports_page_dispose;
  object_class->get_property = lode_exports_page_get_property;
  object_class->set_property = lode_exports_page_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL,
                         LODE_TYPE_PORTFOLIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LODE_TYPE_EXPORT_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-exports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LodeExportsPage, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, record_mineral_key);
  gtk_widget_class_bind_template_callback (widget_class, record_year_key);
  gtk_widget_class_bind_template_callback (widget_class, record_value_key);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_text_cell",
                                                G_CALLBACK (lode_cell_setup_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_short_cell",
                                                G_CALLBACK (lode_cell_setup_short));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_medium_cell",
                                                G_CALLBACK (lode_cell_setup_medium));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_number_cell",
                                                G_CALLBACK (lode_cell_setup_number));
  gtk_widget_class_bind_template_callback (widget_class, bind_mineral_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_year_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_month_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_destination_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_hs_code_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_stage_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_quantity_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_value_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_source_cell);
}

static void
lode_exports_page_init (LodeExportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_table (self);
}

LodePortfolio *
lode_exports_page_get_portfolio (LodeExportsPage *self)
{
  g_return_val_if_fail (LODE_IS_EXPORTS_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_exports_page_set_portfolio (LodeExportsPage *self,
                                 LodePortfolio   *portfolio)
{
  g_return_if_fail (LODE_IS_EXPORTS_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&self->portfolio, portfolio))
    return;

  set_table (self, portfolio != NULL ? lode_portfolio_get_exports (portfolio) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}

/* Showing the records behind a chart item */

typedef struct
{
  char      *mineral;
  char      *destination;
  LodeStage  stage;
  gboolean   any_stage;
  int        year;
} ExportsFilter;

static void
exports_filter_free (gpointer data)
{
  ExportsFilter *filter = data;

  g_free (filter->mineral);
  g_free (filter->destination);
  g_free (filter);
}

static gboolean
exports_filter_match (gpointer item,
                      gpointer user_data)
{
  const ExportsFilter *filter = user_data;
  const LodeExportRow *row = lode_export_record_get_row (LODE_EXPORT_RECORD (item));

  return (filter->mineral == NULL || g_strcmp0 (row->mineral, filter->mineral) == 0) &&
         (filter->destination == NULL || g_strcmp0 (row->destination, filter->destination) == 0) &&
         (filter->any_stage || row->stage == filter->stage) &&
         (filter->year == 0 || row->year == filter->year);
}

void
lode_exports_page_show_filtered (LodeExportsPage *self,
                                 const char      *mineral_id,
                                 const char      *destination,
                                 const char      *stage,
                                 int              year)
{
  ExportsFilter *filter;
  int stage_value = LODE_STAGE_UNKNOWN;
  GtkFilterListModel *filtered;

  g_return_if_fail (LODE_IS_EXPORTS_PAGE (self));

  if (self->table == NULL)
    return;

  filter = g_new0 (ExportsFilter, 1);
  filter->mineral = g_strdup (mineral_id);
  filter->destination = g_strdup (destination);
  filter->any_stage = stage == NULL || !lode_enum_from_nick (LODE_TYPE_STAGE, stage, &stage_value);
  filter->stage = stage_value;
  filter->year = year;

  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->table)),
                                        GTK_FILTER (gtk_custom_filter_new (exports_filter_match, filter,
                                                                           exports_filter_free)));
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (filtered));
  g_object_unref (filtered);
}
