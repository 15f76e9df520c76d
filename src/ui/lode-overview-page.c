/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-overview-page.h"

struct _LodeOverviewPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkLabel        *description_label;
  GtkLabel        *minerals_value;
  GtkLabel        *records_value;
  GtkLabel        *total_value;
  GtkLabel        *latest_value;
  GtkLabel        *latest_caption;
  GtkWidget       *sources_group;
  GtkListBox      *sources_list;

  LodePortfolio   *portfolio;
  /* The models watched, so handlers can be taken off them again. */
  GListModel      *minerals;
  LodeExportTable *exports;
};

G_DEFINE_FINAL_TYPE (LodeOverviewPage, lode_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_figure (GtkLabel   *label,
            const char *text,
            const char *tooltip)
{
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
update_texts (LodeOverviewPage *self)
{
  const char *title = NULL;
  const char *description = NULL;

  if (self->portfolio != NULL)
    {
      title = lode_portfolio_get_title (self->portfolio);
      description = lode_portfolio_get_description (self->portfolio);
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
}

static void
update_minerals (LodeOverviewPage *self)
{
  guint n_minerals = self->minerals != NULL ? g_list_model_get_n_items (self->minerals) : 0;
  g_autofree char *text = g_strdup_printf ("%'u", n_minerals);

  set_figure (self->minerals_value, text, NULL);
}

static void
update_exports (LodeOverviewPage *self)
{
  guint n_records = 0;
  LodeMoney total = 0;
  g_autofree char *records_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *total_exact = NULL;

  if (self->exports != NULL)
    {
      n_records = g_list_model_get_n_items (G_LIST_MODEL (self->exports));
      total = lode_export_table_get_total (self->exports);
    }

  records_text = g_strdup_printf ("%'u", n_records);
  set_figure (self->records_value, records_text, NULL);

  total_text = lode_money_format_short (total);
  total_exact = lode_money_format_full (total);
  set_figure (self->total_value, total_text, total_exact);

  if (n_records > 0)
    {
      g_autoptr(GArray) years = lode_export_table_aggregate (self->exports, LODE_EXPORT_FIELD_YEAR);
      const LodeExportTotal *latest;
      g_autofree char *latest_text = NULL;
      g_autofree char *latest_exact = NULL;
      g_autofree char *caption = NULL;

      g_assert (years->len > 0);

      /* Years come oldest first. */
      latest = &g_array_index (years, LodeExportTotal, years->len - 1);
      latest_text = lode_money_format_short (latest->value);
      latest_exact = lode_money_format_full (latest->value);
      /* TRANSLATORS: the caption of a figure, as in "Exports in 2025" */
      caption = g_strdup_printf (_("Exports in %d"), latest->year);

      set_figure (self->latest_value, latest_text, latest_exact);
      gtk_label_set_label (self->latest_caption, caption);
    }
  else
    {
      /* TRANSLATORS: shown in place of a figure that is not known */
      set_figure (self->latest_value, C_("figure", "—"), NULL);
      gtk_label_set_label (self->latest_caption, _("Exports in the latest year"));
    }
}

static void
source_row_activated (AdwActionRow *row,
                      LodeSource   *source)
{
  const char *url = lode_source_get_url (source);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static GtkWidget *
create_source_row (gpointer item,
                   gpointer user_data)
{
  LodeSource *source = item;
  const char *publisher = lode_source_get_publisher (source);
  const char *date = lode_source_get_date (source);
  const char *url = lode_source_get_url (source);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lode_source_get_title (source));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  if (publisher != NULL && date != NULL)
    /* TRANSLATORS: a source's publisher and date, as in "Arab News · 2025-09-26" */
    subtitle = g_strdup_printf (_("%s · %s"), publisher, date);
  else if (publisher != NULL)
    subtitle = g_strdup (publisher);
  else
    subtitle = g_strdup (date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (url != NULL && *url != '\0')
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, url);
      g_signal_connect_object (row, "activated", G_CALLBACK (source_row_activated), source, 0);
    }

  return row;
}

static void
update_sources (LodeOverviewPage *self)
{
  GListModel *sources = NULL;

  if (self->portfolio != NULL)
    sources = G_LIST_MODEL (lode_portfolio_get_sources (self->portfolio));

  gtk_widget_set_visible (self->sources_group,
                          sources != NULL && g_list_model_get_n_items (sources) > 0);
}

static void
disconnect_models (LodeOverviewPage *self)
{
  if (self->portfolio != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->portfolio, update_texts, self);
      g_signal_handlers_disconnect_by_func (lode_portfolio_get_sources (self->portfolio),
                                            update_sources, self);
    }
  if (self->minerals != NULL)
    g_signal_handlers_disconnect_by_func (self->minerals, update_minerals, self);
  if (self->exports != NULL)
    g_signal_handlers_disconnect_by_func (self->exports, update_exports, self);

  g_clear_object (&self->minerals);
  g_clear_object (&self->exports);
}

static void
lode_overview_page_dispose (GObject *object)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (object);

  disconnect_models (self);

  /* The bin's child goes first, so the template does not unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (lode_overview_page_parent_class)->dispose (object);
}

static void
lode_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (object);

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
lode_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      lode_overview_page_set_portfolio (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_overview_page_class_init (LodeOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_overview_page_dispose;
  object_class->get_property = lode_overview_page_get_property;
  object_class->set_property = lode_overview_page_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL,
                         LODE_TYPE_PORTFOLIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, minerals_value);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, records_value);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, total_value);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, latest_value);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, latest_caption);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, sources_list);
}

static void
lode_overview_page_init (LodeOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LodePortfolio *
lode_overview_page_get_portfolio (LodeOverviewPage *self)
{
  g_return_val_if_fail (LODE_IS_OVERVIEW_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_overview_page_set_portfolio (LodeOverviewPage *self,
                                  LodePortfolio    *portfolio)
{
  g_return_if_fail (LODE_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (self->portfolio == portfolio)
    return;

  disconnect_models (self);
  g_set_object (&self->portfolio, portfolio);

  if (portfolio != NULL)
    {
      self->minerals = g_object_ref (G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)));
      self->exports = g_object_ref (lode_portfolio_get_exports (portfolio));

      g_signal_connect_object (portfolio, "notify::title",
                               G_CALLBACK (update_texts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (portfolio, "notify::description",
                               G_CALLBACK (update_texts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (lode_portfolio_get_sources (portfolio), "items-changed",
                               G_CALLBACK (update_sources), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->minerals, "items-changed",
                               G_CALLBACK (update_minerals), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->exports, "items-changed",
                               G_CALLBACK (update_exports), self, G_CONNECT_SWAPPED);
    }

  gtk_list_box_bind_model (self->sources_list,
                           portfolio != NULL ?
                           G_LIST_MODEL (lode_portfolio_get_sources (portfolio)) :
                           NULL,
                           create_source_row, NULL, NULL);

  update_texts (self);
  update_minerals (self);
  update_exports (self);
  update_sources (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
