/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-source-editor.h"
#include "lode-sources-page.h"
#include "lode-window.h"

struct _LodeSourcesPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkLabel           *totals_label;

  LodePortfolio      *portfolio;
};

G_DEFINE_FINAL_TYPE (LodeSourcesPage, lode_sources_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sort keys */

static char *
title_key (LodeSource *source,
           gpointer    user_data)
{
  return g_strdup (lode_source_get_title (source));
}

static char *
publisher_key (LodeSource *source,
               gpointer    user_data)
{
  return g_strdup (lode_source_get_publisher (source));
}

static char *
date_key (LodeSource *source,
          gpointer    user_data)
{
  return g_strdup (lode_source_get_date (source));
}

static char *
url_key (LodeSource *source,
         gpointer    user_data)
{
  return g_strdup (lode_source_get_url (source));
}

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
update_empty (LodeSourcesPage *self)
{
  g_autofree char *text = NULL;
  guint n_shown;
  guint n_all;

  if (self->sort_model == NULL || self->stack == NULL || self->totals_label == NULL)
    return;

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  n_all = self->portfolio != NULL ?
          g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (self->portfolio))) : 0;

  gtk_stack_set_visible_child_name (self->stack, lode_list_page_state (n_all, n_shown));
  text = g_strdup_printf (ngettext ("%'u source", "%'u sources", n_shown), n_shown);
  gtk_label_set_label (self->totals_label, text);
}

static gboolean
source_matches (gpointer item,
                gpointer user_data)
{
  LodeSourcesPage *self = user_data;
  const char *texts[] = {
    lode_source_get_title (item),
    lode_source_get_publisher (item),
    lode_source_get_date (item),
    lode_source_get_url (item),
  };

  return lode_list_texts_match (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                texts, G_N_ELEMENTS (texts));
}

static void
search_changed (LodeSourcesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static LodeSource *
selected_source (LodeSourcesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (LodeSourcesPage *self)
{
  lode_list_page_update_actions (GTK_WIDGET (self), "sources", self->portfolio != NULL,
                                 self->portfolio != NULL && selected_source (self) != NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LodeSourcesPage *self = LODE_SOURCES_PAGE (widget);

  if (self->portfolio != NULL)
    lode_list_present_editor (widget, GTK_WINDOW (lode_source_editor_new (self->portfolio, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeSourcesPage *self = LODE_SOURCES_PAGE (widget);
  LodeSource *source = selected_source (self);

  if (source != NULL)
    lode_list_present_editor (widget, GTK_WINDOW (lode_source_editor_new (self->portfolio, source)));
}

static void
row_activated (LodeSourcesPage *self,
               guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "sources.edit", NULL);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LodeSourcesPage *self = LODE_SOURCES_PAGE (widget);
  LodeSource *source = selected_source (self);
  GListStore *store;
  g_autoptr(LodeSource) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  guint position = 0;

  if (source == NULL)
    return;

  store = lode_portfolio_get_sources (self->portfolio);
  g_list_store_find (store, source, &position);
  for (guint n = 2; id == NULL || lode_portfolio_find_source (self->portfolio, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", lode_source_get_id (source), n);
    }
  title = g_strdup_printf (_("%s (copy)"), lode_source_get_title (source));
  copy = lode_source_new (id, title);
  lode_source_set_publisher (copy, lode_source_get_publisher (source));
  lode_source_set_date (copy, lode_source_get_date (source));
  lode_source_set_url (copy, lode_source_get_url (source));
  lode_source_set_extra (copy, lode_source_get_extra (source));
  label = g_strdup_printf (_("Duplicate %s"), lode_source_get_title (source));
  lode_history_insert_item (lode_portfolio_get_history (self->portfolio), label,
                            store, position + 1, G_OBJECT (copy));
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
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeSourcesPage *self = LODE_SOURCES_PAGE (widget);
  LodeSource *source = selected_source (self);
  guint n_citing;

  if (source == NULL)
    return;

  /* A record must cite a source the file has. */
  n_citing = count_citing (self->portfolio, lode_source_get_id (source));
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

  lode_list_delete_item (widget, lode_portfolio_get_history (self->portfolio),
                         lode_portfolio_get_sources (self->portfolio), source,
                         lode_source_get_title (source));
}

static void
lode_sources_page_dispose (GObject *object)
{
  LodeSourcesPage *self = LODE_SOURCES_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_SOURCES_PAGE);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (lode_sources_page_parent_class)->dispose (object);
}

static void
lode_sources_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LodeSourcesPage *self = LODE_SOURCES_PAGE (object);

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
lode_sources_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LodeSourcesPage *self = LODE_SOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      lode_sources_page_set_portfolio (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_sources_page_class_init (LodeSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_sources_page_dispose;
  object_class->get_property = lode_sources_page_get_property;
  object_class->set_property = lode_sources_page_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL,
                         LODE_TYPE_PORTFOLIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LODE_TYPE_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, filter);
  gtk_widget_class_bind_template_child (widget_class, LodeSourcesPage, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, update_empty);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, title_key);
  gtk_widget_class_bind_template_callback (widget_class, publisher_key);
  gtk_widget_class_bind_template_callback (widget_class, date_key);
  gtk_widget_class_bind_template_callback (widget_class, url_key);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_text_cell",
                                                G_CALLBACK (lode_cell_setup_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_medium_cell",
                                                G_CALLBACK (lode_cell_setup_medium));
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_publisher_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_date_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_url_cell);

  lode_list_page_install_actions (widget_class, "sources",
                                  add_action, edit_action, duplicate_action, delete_action);
}

static void
lode_sources_page_init (LodeSourcesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, source_matches, self, NULL);
  lode_list_page_setup_search (GTK_WIDGET (self), self->search_bar, self->search_entry);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_empty (self);
  update_actions (self);
}

LodePortfolio *
lode_sources_page_get_portfolio (LodeSourcesPage *self)
{
  g_return_val_if_fail (LODE_IS_SOURCES_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_sources_page_set_portfolio (LodeSourcesPage *self,
                                 LodePortfolio   *portfolio)
{
  g_return_if_fail (LODE_IS_SOURCES_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&self->portfolio, portfolio))
    return;

  gtk_filter_list_model_set_model (self->filter_model,
                                   portfolio != NULL ?
                                   G_LIST_MODEL (lode_portfolio_get_sources (portfolio)) :
                                   NULL);
  update_empty (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
