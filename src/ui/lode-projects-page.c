/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-projects-page.h"
#include "lode-ui-format.h"

struct _LodeProjectsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GtkListBox          *list_box;

  LodePortfolio       *portfolio;
  GListModel          *projects;
};

G_DEFINE_FINAL_TYPE (LodeProjectsPage, lode_projects_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define INVESTMENT_LABEL_KEY "lode-investment-label"
#define PORTFOLIO_KEY "lode-portfolio"

/* "Copper, Gold": the names of the minerals with these ids. */
static char *
mineral_names (LodePortfolio      *portfolio,
               const char * const *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      LodeMineral *mineral = NULL;

      if (portfolio != NULL)
        mineral = lode_portfolio_find_mineral (portfolio, ids[i]);

      if (i > 0)
        /* TRANSLATORS: the separator in a list of minerals, as in "Copper, Gold" */
        g_string_append (names, _(", "));
      g_string_append (names, mineral != NULL ? lode_mineral_get_name (mineral) : ids[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
update_row (AdwActionRow *row,
            GParamSpec   *pspec,
            LodeProject  *project)
{
  GtkLabel *investment = g_object_get_data (G_OBJECT (row), INVESTMENT_LABEL_KEY);
  const char *status = lode_format_project_status (lode_project_get_status (project));
  const char *region = lode_project_get_region (project);
  LodeMoney committed = lode_project_get_committed (project);
  LodeMoney disbursed = lode_project_get_disbursed (project);
  const char * const *minerals = lode_project_get_minerals (project);
  LodePortfolio *portfolio = g_object_get_data (G_OBJECT (row), PORTFOLIO_KEY);
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lode_project_get_name (project));

  parts = g_ptr_array_new_with_free_func (g_free);
  if (status != NULL)
    g_ptr_array_add (parts, g_strdup (status));
  if (region != NULL && *region != '\0')
    g_ptr_array_add (parts, g_strdup (region));
  if (minerals != NULL && minerals[0] != NULL)
    g_ptr_array_add (parts, mineral_names (portfolio, minerals));
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: the separator between a project's status, region and
   * minerals, as in "Production · Balochistan · Copper, Gold" */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);
  adw_action_row_set_subtitle (row, subtitle);

  if (committed != LODE_MONEY_UNSET)
    {
      g_autofree char *text = lode_money_format_short (committed);
      g_autofree char *exact = lode_money_format_full (committed);
      g_autoptr(GString) tooltip = g_string_new (NULL);

      /* TRANSLATORS: the investment committed to a project, exactly */
      g_string_append_printf (tooltip, _("Committed: %s"), exact);
      if (disbursed != LODE_MONEY_UNSET)
        {
          g_autofree char *exact_disbursed = lode_money_format_full (disbursed);

          g_string_append_c (tooltip, '\n');
          /* TRANSLATORS: the investment disbursed to a project, exactly */
          g_string_append_printf (tooltip, _("Disbursed: %s"), exact_disbursed);
        }

      gtk_label_set_label (investment, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (investment), tooltip->str);
      gtk_widget_set_visible (GTK_WIDGET (investment), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (investment), FALSE);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LodeProjectsPage *self = user_data;
  LodeProject *project = item;
  GtkWidget *row;
  GtkWidget *investment;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  investment = gtk_label_new (NULL);
  gtk_widget_add_css_class (investment, "numeric");
  gtk_widget_add_css_class (investment, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), investment);
  g_object_set_data (G_OBJECT (row), INVESTMENT_LABEL_KEY, investment);
  /* For the names of the minerals. */
  if (self->portfolio != NULL)
    g_object_set_data_full (G_OBJECT (row), PORTFOLIO_KEY,
                            g_object_ref (self->portfolio), g_object_unref);

  update_row (ADW_ACTION_ROW (row), NULL, project);
  g_signal_connect_object (project, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);

  return row;
}

static void
update_summary (LodeProjectsPage *self)
{
  guint n_projects = 0;
  LodeMoney committed = 0;
  g_autofree char *description = NULL;

  if (self->projects != NULL)
    n_projects = g_list_model_get_n_items (self->projects);

  gtk_stack_set_visible_child_name (self->stack, n_projects == 0 ? "empty" : "list");

  for (guint i = 0; i < n_projects; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (self->projects, i);
      LodeMoney value = lode_project_get_committed (project);

      if (value != LODE_MONEY_UNSET)
        committed += value;
    }

  if (committed > 0)
    {
      g_autofree char *total = lode_money_format_short (committed);

      /* TRANSLATORS: as in "4 projects · $10.5 B committed" */
      description = g_strdup_printf (ngettext ("%u project · %s committed",
                                               "%u projects · %s committed",
                                               n_projects),
                                     n_projects, total);
    }
  else
    {
      description = g_strdup_printf (ngettext ("%u project", "%u projects", n_projects),
                                     n_projects);
    }

  adw_preferences_group_set_description (self->group, description);
}

static void
lode_projects_page_dispose (GObject *object)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (object);

  if (self->projects != NULL)
    g_signal_handlers_disconnect_by_func (self->projects, update_summary, self);

  /* The bin's child goes first, so the template does not unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_PROJECTS_PAGE);
  g_clear_object (&self->projects);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (lode_projects_page_parent_class)->dispose (object);
}

static void
lode_projects_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (object);

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
lode_projects_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      lode_projects_page_set_portfolio (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_projects_page_class_init (LodeProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_projects_page_dispose;
  object_class->get_property = lode_projects_page_get_property;
  object_class->set_property = lode_projects_page_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL,
                         LODE_TYPE_PORTFOLIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, group);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, list_box);
}

static void
lode_projects_page_init (LodeProjectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_summary (self);
}

LodePortfolio *
lode_projects_page_get_portfolio (LodeProjectsPage *self)
{
  g_return_val_if_fail (LODE_IS_PROJECTS_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_projects_page_set_portfolio (LodeProjectsPage *self,
                                  LodePortfolio    *portfolio)
{
  g_return_if_fail (LODE_IS_PROJECTS_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&self->portfolio, portfolio))
    return;

  if (self->projects != NULL)
    g_signal_handlers_disconnect_by_func (self->projects, update_summary, self);
  g_clear_object (&self->projects);

  if (portfolio != NULL)
    {
      self->projects = g_object_ref (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)));
      g_signal_connect_object (self->projects, "items-changed",
                               G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
    }

  gtk_list_box_bind_model (self->list_box, self->projects, create_row, self, NULL);
  update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
