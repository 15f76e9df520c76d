/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-source-editor.h"
#include "lode-sources-page.h"
#include "lode-window.h"

struct _LodeSourcesPage
{
  LodeListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeSourcesPage, lode_sources_page, LODE_TYPE_LIST_PAGE)

/* Cells */

#define BIND_TEXT_CELL(name, getter)                                      \
  static void                                                             \
  bind_##name##_cell (GtkSignalListItemFactory *factory,                  \
                      GtkListItem              *list_item,                \
                      gpointer                  user_data)                \
  {                                                                       \
    const char *text = getter (gtk_list_item_get_item (list_item));       \
                                                                          \
    lode_cell_set_text (list_item, text, text);                           \
  }

BIND_TEXT_CELL (title, lode_source_get_title)
BIND_TEXT_CELL (publisher, lode_source_get_publisher)
BIND_TEXT_CELL (date, lode_source_get_date)
BIND_TEXT_CELL (url, lode_source_get_url)

static void
update_totals (LodeListPage *page,
               GListModel   *shown,
               GtkLabel     *label)
{
  guint n_shown = g_list_model_get_n_items (shown);
  g_autofree char *count = lode_format_count (n_shown);
  g_autofree char *text = g_strdup_printf (ngettext ("%s source", "%s sources", n_shown), count);

  gtk_label_set_label (label, text);
}

static gboolean
source_matches (LodeListPage *page,
                gpointer      item,
                const char   *search)
{
  const char *texts[] = {
    lode_source_get_title (item),
    lode_source_get_publisher (item),
    lode_source_get_date (item),
    lode_source_get_url (item),
  };

  return lode_list_texts_match (search, texts, G_N_ELEMENTS (texts));
}

static gpointer
copy_source (LodeListPage *page,
             gpointer      item,
             const char   *title)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);
  LodeSource *source = item;
  LodeSource *copy;
  g_autofree char *id = NULL;

  for (guint n = 2; id == NULL || lode_portfolio_find_source (portfolio, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", lode_source_get_id (source), n);
    }
  copy = lode_source_new (id, title);
  lode_source_set_publisher (copy, lode_source_get_publisher (source));
  lode_source_set_date (copy, lode_source_get_date (source));
  lode_source_set_url (copy, lode_source_get_url (source));
  lode_source_set_extra (copy, lode_source_get_extra (source));

  return copy;
}

/* How many records, reserve estimates, projects and targets cite @id. */
static guint
count_citing (LodePortfolio *portfolio,
              const char    *id)
{
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  const char *interned = lode_export_table_intern (table, id);
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
  GListModel *projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  GListModel *targets = G_LIST_MODEL (lode_portfolio_get_targets (portfolio));
  guint count = 0;

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      count += row.source == interned;
    }

  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);
      GListModel *reserves = lode_mineral_get_reserves (mineral);

      for (guint j = 0; j < g_list_model_get_n_items (reserves); j++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, j);

          count += g_strcmp0 (lode_reserve_get_source (reserve), id) == 0;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);

      count += g_strcmp0 (lode_project_get_source (project), id) == 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (targets, i);

      count += g_strcmp0 (lode_target_get_source (target), id) == 0;
    }

  return count;
}

static void
delete_source (LodeListPage *page,
               gpointer      item)
{
  GtkWidget *widget = GTK_WIDGET (page);
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);
  LodeSource *source = item;
  guint n_citing;

  /* A record must cite a source the file has. */
  n_citing = count_citing (portfolio, lode_source_get_id (source));
  if (n_citing > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%'u figure cites this source: it stays",
                                                            "%'u figures cite this source: it stays",
                                                            n_citing),
                                                  n_citing);
      GtkRoot *root = gtk_widget_get_root (widget);

      gtk_widget_error_bell (widget);
      if (LODE_IS_WINDOW (root))
        lode_window_add_toast (LODE_WINDOW (root), adw_toast_new (message));
      return;
    }

  LODE_LIST_PAGE_CLASS (lode_sources_page_parent_class)->delete_item (page, item);
}

static void
lode_sources_page_class_init (LodeSourcesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LodeListPageClass *page_class = LODE_LIST_PAGE_CLASS (klass);

  page_class->get_items = lode_portfolio_get_sources;
  page_class->item_matches = source_matches;
  page_class->update_totals = update_totals;
  page_class->editor_new = (LodeListPageEditorNew) lode_source_editor_new;
  page_class->get_name = (LodeListPageGetName) lode_source_get_title;
  page_class->copy_item = copy_source;
  page_class->delete_item = delete_source;

  g_type_ensure (LODE_TYPE_SOURCE);

  lode_list_page_class_set_template (widget_class, "/io/github/lodeapp/Lode/ui/lode-sources-page.ui", "sources");
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_publisher_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_date_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_url_cell);
}

static void
lode_sources_page_init (LodeSourcesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
