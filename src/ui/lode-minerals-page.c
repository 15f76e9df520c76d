/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-minerals-page.h"
#include "lode-ui-format.h"

struct _LodeMineralsPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkColumnView    *column_view;
  GtkSortListModel *sort_model;

  LodePortfolio    *portfolio;
};

G_DEFINE_FINAL_TYPE (LodeMineralsPage, lode_minerals_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
join_hs_codes (LodeMineral *mineral)
{
  const char * const *codes = lode_mineral_get_hs_codes (mineral);

  if (codes == NULL)
    return NULL;

  return g_strjoinv (", ", (char **) codes);
}

/* Sort keys: GtkClosureExpressions evaluated on the mineral itself. */

static char *
mineral_name_key (LodeMineral *mineral,
                  gpointer     user_data)
{
  return g_strdup (lode_mineral_get_name (mineral));
}

static char *
mineral_symbol_key (LodeMineral *mineral,
                    gpointer     user_data)
{
  return g_strdup (lode_mineral_get_symbol (mineral));
}

static char *
mineral_group_key (LodeMineral *mineral,
                   gpointer     user_data)
{
  return g_strdup (lode_format_mineral_group (lode_mineral_get_group (mineral)));
}

static char *
mineral_hs_codes_key (LodeMineral *mineral,
                      gpointer     user_data)
{
  return join_hs_codes (mineral);
}

static guint
mineral_reserves_key (LodeMineral *mineral,
                      gpointer     user_data)
{
  return g_list_model_get_n_items (lode_mineral_get_reserves (mineral));
}

static gint64
mineral_value_key (LodeMineral *mineral,
                   gpointer     user_data)
{
  return lode_mineral_get_reserve_value (mineral);
}

/* Cells */

static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                LodeMineralsPage         *self)
{
  LodeMineral *mineral = gtk_list_item_get_item (list_item);

  lode_cell_set_text (list_item, lode_mineral_get_name (mineral), NULL);
}

static void
bind_symbol_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LodeMineralsPage         *self)
{
  LodeMineral *mineral = gtk_list_item_get_item (list_item);

  lode_cell_set_text (list_item, lode_mineral_get_symbol (mineral), NULL);
}

static void
bind_group_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LodeMineralsPage         *self)
{
  LodeMineral *mineral = gtk_list_item_get_item (list_item);

  lode_cell_set_text (list_item, lode_format_mineral_group (lode_mineral_get_group (mineral)), NULL);
}

static void
bind_hs_codes_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    LodeMineralsPage         *self)
{
  LodeMineral *mineral = gtk_list_item_get_item (list_item);
  g_autofree char *codes = join_hs_codes (mineral);

  lode_cell_set_text (list_item, codes, codes);
}

static void
bind_reserves_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    LodeMineralsPage         *self)
{
  LodeMineral *mineral = gtk_list_item_get_item (list_item);
  guint n_reserves = g_list_model_get_n_items (lode_mineral_get_reserves (mineral));
  g_autofree char *text = g_strdup_printf ("%u", n_reserves);

  lode_cell_set_text (list_item, text, NULL);
}

static void
bind_value_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LodeMineralsPage         *self)
{
  LodeMineral *mineral = gtk_list_item_get_item (list_item);
  LodeMoney value = lode_mineral_get_reserve_value (mineral);
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;

  if (value <= 0)
    {
      /* TRANSLATORS: shown in a table cell for an unknown value */
      lode_cell_set_text (list_item, C_("value", "—"), _("No estimate gives a value"));
      return;
    }

  text = lode_money_format_short (value);
  exact = lode_money_format_full (value);
  lode_cell_set_text (list_item, text, exact);
}

static void
update_empty (LodeMineralsPage *self)
{
  gboolean empty;

  /* The model can still change while the template goes away. */
  if (self->sort_model == NULL || self->stack == NULL)
    return;

  empty = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
lode_minerals_page_dispose (GObject *object)
{
  LodeMineralsPage *self = LODE_MINERALS_PAGE (object);

  /* The bin's child goes first, so the template does not unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_MINERALS_PAGE);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (lode_minerals_page_parent_class)->dispose (object);
}

static void
lode_minerals_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LodeMineralsPage *self = LODE_MINERALS_PAGE (object);

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
lode_minerals_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LodeMineralsPage *self = LODE_MINERALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      lode_minerals_page_set_portfolio (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_minerals_page_class_init (LodeMineralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_minerals_page_dispose;
  object_class->get_property = lode_minerals_page_get_property;
  object_class->set_property = lode_minerals_page_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL,
                         LODE_TYPE_PORTFOLIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LODE_TYPE_MINERAL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-minerals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeMineralsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LodeMineralsPage, sort_model);
  gtk_widget_class_bind_template_callback (widget_class, update_empty);
  gtk_widget_class_bind_template_callback (widget_class, mineral_name_key);
  gtk_widget_class_bind_template_callback (widget_class, mineral_symbol_key);
  gtk_widget_class_bind_template_callback (widget_class, mineral_group_key);
  gtk_widget_class_bind_template_callback (widget_class, mineral_hs_codes_key);
  gtk_widget_class_bind_template_callback (widget_class, mineral_reserves_key);
  gtk_widget_class_bind_template_callback (widget_class, mineral_value_key);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_text_cell",
                                                G_CALLBACK (lode_cell_setup_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_short_cell",
                                                G_CALLBACK (lode_cell_setup_short));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_medium_cell",
                                                G_CALLBACK (lode_cell_setup_medium));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_number_cell",
                                                G_CALLBACK (lode_cell_setup_number));
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_symbol_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_group_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_hs_codes_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_reserves_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_value_cell);
}

static void
lode_minerals_page_init (LodeMineralsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_empty (self);
}

LodePortfolio *
lode_minerals_page_get_portfolio (LodeMineralsPage *self)
{
  g_return_val_if_fail (LODE_IS_MINERALS_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_minerals_page_set_portfolio (LodeMineralsPage *self,
                                  LodePortfolio    *portfolio)
{
  g_return_if_fail (LODE_IS_MINERALS_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&self->portfolio, portfolio))
    return;

  gtk_sort_list_model_set_model (self->sort_model,
                                 portfolio != NULL ?
                                 G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)) :
                                 NULL);
  update_empty (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
