/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-targets-page.h"
#include "lode-ui-format.h"

struct _LodeTargetsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GtkListBox          *list_box;

  LodePortfolio       *portfolio;
  GListModel          *targets;
};

G_DEFINE_FINAL_TYPE (LodeTargetsPage, lode_targets_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define GROWTH_LABEL_KEY "lode-growth-label"

static void
update_row (AdwActionRow *row,
            GParamSpec   *pspec,
            LodeTarget   *target)
{
  GtkLabel *growth = g_object_get_data (G_OBJECT (row), GROWTH_LABEL_KEY);
  g_autofree char *baseline = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *subtitle = NULL;
  double low_rate;
  double high_rate;
  gboolean has_low;
  gboolean has_high;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lode_target_get_title (target));

  baseline = lode_money_format_short (lode_target_get_baseline_value (target));
  goal = lode_format_money_range (lode_target_get_target_low (target),
                                  lode_target_get_target_high (target));
  /* TRANSLATORS: a target, as in "$2 B (2025) → $6 B–$8 B by 2030" */
  subtitle = g_strdup_printf (_("%s (%d) → %s by %d"),
                              baseline, lode_target_get_baseline_year (target),
                              goal, lode_target_get_target_year (target));
  adw_action_row_set_subtitle (row, subtitle);

  has_low = lode_target_required_growth (target, FALSE, &low_rate);
  has_high = lode_target_required_growth (target, TRUE, &high_rate);

  if (has_low)
    {
      g_autofree char *text = NULL;

      if (has_high && high_rate - low_rate >= 0.0005)
        /* TRANSLATORS: the yearly growth a target needs, as in "Needs 24.6–32.0 % a year" */
        text = g_strdup_printf (_("Needs %.1f–%.1f %% a year"), low_rate * 100.0, high_rate * 100.0);
      else
        /* TRANSLATORS: the yearly growth a target needs, as in "Needs 24.6 % a year" */
        text = g_strdup_printf (_("Needs %.1f %% a year"), low_rate * 100.0);

      gtk_label_set_label (growth, text);
      gtk_widget_set_visible (GTK_WIDGET (growth), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (growth), FALSE);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LodeTarget *target = item;
  GtkWidget *row;
  GtkWidget *growth;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  growth = gtk_label_new (NULL);
  gtk_widget_set_tooltip_text (growth, _("Yearly growth the target needs"));
  gtk_widget_add_css_class (growth, "numeric");
  gtk_widget_add_css_class (growth, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), growth);
  g_object_set_data (G_OBJECT (row), GROWTH_LABEL_KEY, growth);

  update_row (ADW_ACTION_ROW (row), NULL, target);
  g_signal_connect_object (target, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);

  return row;
}

static void
update_summary (LodeTargetsPage *self)
{
  guint n_targets = 0;
  g_autofree char *description = NULL;

  if (self->targets != NULL)
    n_targets = g_list_model_get_n_items (self->targets);

  gtk_stack_set_visible_child_name (self->stack, n_targets == 0 ? "empty" : "list");

  description = g_strdup_printf (ngettext ("%u target", "%u targets", n_targets), n_targets);
  adw_preferences_group_set_description (self->group, description);
}

static void
lode_targets_page_dispose (GObject *object)
{
  LodeTargetsPage *self = LODE_TARGETS_PAGE (object);

  if (self->targets != NULL)
    g_signal_handlers_disconnect_by_func (self->targets, update_summary, self);

  /* The bin's child goes first, so the template does not unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_TARGETS_PAGE);
  g_clear_object (&self->targets);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, group);
  gtk_widget_class_bind_template_child (widget_class, LodeTargetsPage, list_box);
}

static void
lode_targets_page_init (LodeTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_summary (self);
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

  if (self->targets != NULL)
    g_signal_handlers_disconnect_by_func (self->targets, update_summary, self);
  g_clear_object (&self->targets);

  if (portfolio != NULL)
    {
      self->targets = g_object_ref (G_LIST_MODEL (lode_portfolio_get_targets (portfolio)));
      g_signal_connect_object (self->targets, "items-changed",
                               G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
    }

  gtk_list_box_bind_model (self->list_box, self->targets, create_row, NULL, NULL);
  update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
