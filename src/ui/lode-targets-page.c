/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-target-editor.h"
#include "lode-targets-page.h"
#include "lode-ui-format.h"

struct _LodeTargetsPage
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

G_DEFINE_FINAL_TYPE (LodeTargetsPage, lode_targets_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Exports of Copper to China", "Investment". */
static char *
metric_text (LodeTarget      *target,
             LodeTargetsPage *self)
{
  const char *mineral_id = lode_target_get_metric_mineral (target);
  const char *destination = lode_target_get_metric_destination (target);
  LodeMineral *mineral = NULL;
  const char *mineral_name = mineral_id;
  const char *country = destination != NULL ? lode_format_country (destination) : NULL;

  if (lode_target_get_metric_kind (target) == LODE_METRIC_KIND_INVESTMENT)
    return g_strdup (_("Investment"));

  if (mineral_id != NULL && self->portfolio != NULL)
    mineral = lode_portfolio_find_mineral (self->portfolio, mineral_id);
  if (mineral != NULL)
    mineral_name = lode_mineral_get_name (mineral);
  if (country == NULL)
    country = destination;

  if (mineral_name != NULL && country != NULL)
    /* TRANSLATORS: what a target measures, as in "Exports of Copper to China" */
    return g_strdup_printf (_("Exports of %s to %s"), mineral_name, country);
  if (mineral_name != NULL)
    /* TRANSLATORS: what a target measures, as in "Exports of Copper" */
    return g_strdup_printf (_("Exports of %s"), mineral_name);
  if (country != NULL)
    /* TRANSLATORS: what a target measures, as in "Exports to China" */
    return g_strdup_printf (_("Exports to %s"), country);

  return g_strdup (_("Exports"));
}

/* Sort keys */

static char *
title_key (LodeTarget *target,
           gpointer    user_data)
{
  return g_strdup (lode_target_get_title (target));
}

static char *
metric_key (LodeTarget      *target,
            LodeTargetsPage *self)
{
  return metric_text (target, self);
}

static gint64
baseline_key (LodeTarget *target,
              gpointer    user_data)
{
  return lode_target_get_baseline_value (target);
}

static gint64
target_key (LodeTarget *target,
            gpointer    user_data)
{
  return lode_target_get_target_low (target);
}

static int
year_key (LodeTarget *target,
          gpointer    user_data)
{
  return lode_target_get_target_year (target);
}

static double
growth_key (LodeTarget *target,
            gpointer    user_data)
{
  double rate;

  return lode_target_required_growth (target, FALSE, &rate) ? rate : -G_MAXDOUBLE;
}

/* Cells */

static void
bind_title_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  lode_cell_set_text (list_item, lode_target_get_title (gtk_list_item_get_item (list_item)), NULL);
}

static void
bind_metric_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LodeTargetsPage          *self)
{
  g_autofree char *text = metric_text (gtk_list_item_get_item (list_item), self);

  lode_cell_set_text (list_item, text, text);
}

static void
bind_baseline_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  LodeTarget *target = gtk_list_item_get_item (list_item);
  LodeMoney value = lode_target_get_baseline_value (target);
  g_autofree char *money = lode_format_money (value);
  g_autofree char *exact = lode_money_format_full (value);
  /* TRANSLATORS: a baseline, as in "$2 B (2025)" */
  g_autofree char *text = g_strdup_printf (_("%s (%d)"), money, lode_target_get_baseline_year (target));

  lode_cell_set_text (list_item, text, exact);
}

static void
bind_target_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  LodeTarget *target = gtk_list_item_get_item (list_item);
  g_autofree char *text = lode_format_money_range (lode_target_get_target_low (target),
                                                   lode_target_get_target_high (target));
  g_autofree char *low = lode_money_format_full (lode_target_get_target_low (target));
  g_autofree char *high = lode_money_format_full (lode_target_get_target_high (target));
  g_autofree char *exact = lode_target_get_target_high (target) != lode_target_get_target_low (target) &&
                           lode_target_get_target_high (target) != LODE_MONEY_UNSET ?
                           g_strdup_printf (C_("range", "%s–%s"), low, high) : g_strdup (low);

  lode_cell_set_text (list_item, text, exact);
}

static void
bind_year_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  g_autofree char *text = g_strdup_printf ("%d", lode_target_get_target_year (gtk_list_item_get_item (list_item)));

  lode_cell_set_text (list_item, text, NULL);
}

static void
bind_growth_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  LodeTarget *target = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;
  double low_rate;
  double high_rate;

  if (lode_target_required_growth (target, FALSE, &low_rate))
    {
      if (lode_target_required_growth (target, TRUE, &high_rate) && high_rate - low_rate >= 0.0005)
        /* TRANSLATORS: the yearly growth a target needs, as in "24.6–32.0 % a year" */
        text = g_strdup_printf (_("%.1f–%.1f %% a year"), low_rate * 100.0, high_rate * 100.0);
      else
        /* TRANSLATORS: the yearly growth a target needs, as in "24.6 % a year" */
        text = g_strdup_printf (_("%.1f %% a year"), low_rate * 100.0);
    }

  lode_cell_set_text (list_item, text, NULL);
}

static void
update_empty (LodeTargetsPage *self)
{
  g_autofree char *text = NULL;
  guint n_shown;
  guint n_all;

  if (self->sort_model == NULL || self->stack == NULL || self->totals_label == NULL)
    return;

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  n_all = self->portfolio != NULL ?
          g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_targets (self->portfolio))) : 0;

  gtk_stack_set_visible_child_name (self->stack, lode_list_page_state (n_all, n_shown));
  text = g_strdup_printf (ngettext ("%'u target", "%'u targets", n_shown), n_shown);
  gtk_label_set_label (self->totals_label, text);
}

static gboolean
target_matches (gpointer item,
                gpointer user_data)
{
  LodeTargetsPage *self = user_data;
  g_autofree char *metric = metric_text (item, self);
  const char *texts[] = {
    lode_target_get_title (item),
    metric,
  };

  return lode_list_texts_match (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                texts, G_N_ELEMENTS (texts));
}

static void
search_changed (LodeTargetsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static LodeTarget *
selected_target (LodeTargetsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (LodeTargetsPage *self)
{
  lode_list_page_update_actions (GTK_WIDGET (self), "targets", self->portfolio != NULL,
                                 self->portfolio != NULL && selected_target (self) != NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (widget);

  if (self->portfolio != NULL)
    lode_list_present_editor (widget, GTK_WINDOW (lode_target_editor_new (self->portfolio, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (widget);
  LodeTarget *target = selected_target (self);

  if (target != NULL)
    lode_list_present_editor (widget, GTK_WINDOW (lode_target_editor_new (self->portfolio, target)));
}

static void
row_activated (LodeTargetsPage *self,
               guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "targets.edit", NULL);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (widget);
  LodeTarget *target = selected_target (self);
  GListStore *store;
  g_autoptr(LodeTarget) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  guint position = 0;

  if (target == NULL)
    return;

  store = lode_portfolio_get_targets (self->portfolio);
  g_list_store_find (store, target, &position);
  title = g_strdup_printf (_("%s (copy)"), lode_target_get_title (target));
  id = lode_target_editor_make_id (self->portfolio, title);
  copy = lode_target_editor_copy (target, id, title);
  label = g_strdup_printf (_("Duplicate %s"), lode_target_get_title (target));
  lode_history_insert_item (lode_portfolio_get_history (self->portfolio), label,
                            store, position + 1, G_OBJECT (copy));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (widget);
  LodeTarget *target = selected_target (self);

  if (target != NULL)
    lode_list_delete_item (widget, lode_portfolio_get_history (self->portfolio),
                           lode_portfolio_get_targets (self->portfolio), target, lode_target_get_title (target));
}

static void
lode_targets_page_dispose (GObject *object)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_TARGETS_PAGE);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (lode_targets_page_parent_class)->dispose (object);
}

static void
lode_targets_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (object);

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
lode_targets_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      lode_targets_page_set_portfolio (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_targets_page_class_init (LodeTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_targets_page_dispose;
  object_class->get_property = lode_targets_page_get_property;
  object_class->set_property = lode_targets_page_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL,
                         LODE_TYPE_PORTFOLIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LODE_TYPE_TARGET);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, update_empty);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, title_key);
  gtk_widget_class_bind_template_callback (widget_class, metric_key);
  gtk_widget_class_bind_template_callback (widget_class, baseline_key);
  gtk_widget_class_bind_template_callback (widget_class, target_key);
  gtk_widget_class_bind_template_callback (widget_class, year_key);
  gtk_widget_class_bind_template_callback (widget_class, growth_key);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_text_cell",
                                                G_CALLBACK (lode_cell_setup_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_short_cell",
                                                G_CALLBACK (lode_cell_setup_short));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_number_cell",
                                                G_CALLBACK (lode_cell_setup_number));
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_metric_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_baseline_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_target_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_year_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_growth_cell);

  lode_list_page_install_actions (widget_class, "targets",
                                  add_action, edit_action, duplicate_action, delete_action);
}

static void
lode_targets_page_init (LodeTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, target_matches, self, NULL);
  lode_list_page_setup_search (GTK_WIDGET (self), self->search_bar, self->search_entry);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_empty (self);
  update_actions (self);
}

LodePortfolio *
lode_targets_page_get_portfolio (LodeTargetsPage *self)
{
  g_return_val_if_fail (LODE_IS_TARGETS_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_targets_page_set_portfolio (LodeTargetsPage *self,
                                 LodePortfolio   *portfolio)
{
  g_return_if_fail (LODE_IS_TARGETS_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&self->portfolio, portfolio))
    return;

  gtk_filter_list_model_set_model (self->filter_model,
                                   portfolio != NULL ?
                                   G_LIST_MODEL (lode_portfolio_get_targets (portfolio)) :
                                   NULL);
  update_empty (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
