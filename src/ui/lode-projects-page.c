/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-project-editor.h"
#include "lode-projects-page.h"
#include "lode-ui-format.h"

struct _LodeProjectsPage
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

G_DEFINE_FINAL_TYPE (LodeProjectsPage, lode_projects_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Copper, Gold": the names of the minerals with these ids. */
static char *
mineral_names (LodePortfolio      *portfolio,
               const char * const *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      LodeMineral *mineral = portfolio != NULL ? lode_portfolio_find_mineral (portfolio, ids[i]) : NULL;

      if (i > 0)
        /* TRANSLATORS: the separator in a list of minerals, as in "Copper, Gold" */
        g_string_append (names, _(", "));
      g_string_append (names, mineral != NULL ? lode_mineral_get_name (mineral) : ids[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Sort keys */

static char *
name_key (LodeProject *project,
          gpointer     user_data)
{
  return g_strdup (lode_project_get_name (project));
}

static char *
status_key (LodeProject *project,
            gpointer     user_data)
{
  return g_strdup (lode_format_project_status (lode_project_get_status (project)));
}

static char *
region_key (LodeProject *project,
            gpointer     user_data)
{
  return g_strdup (lode_project_get_region (project));
}

static char *
minerals_key (LodeProject      *project,
              LodeProjectsPage *self)
{
  return mineral_names (self->portfolio, lode_project_get_minerals (project));
}

static gint64
committed_key (LodeProject *project,
               gpointer     user_data)
{
  return lode_project_get_committed (project);
}

static gint64
disbursed_key (LodeProject *project,
               gpointer     user_data)
{
  return lode_project_get_disbursed (project);
}

static int
start_key (LodeProject *project,
           gpointer     user_data)
{
  return lode_project_get_start_year (project);
}

static gint64
jobs_key (LodeProject *project,
          gpointer     user_data)
{
  return lode_project_get_jobs (project);
}

/* Cells */

static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  lode_cell_set_text (list_item, lode_project_get_name (gtk_list_item_get_item (list_item)), NULL);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  LodeProject *project = gtk_list_item_get_item (list_item);

  lode_cell_set_text (list_item, lode_format_project_status (lode_project_get_status (project)), NULL);
}

static void
bind_region_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  lode_cell_set_text (list_item, lode_project_get_region (gtk_list_item_get_item (list_item)), NULL);
}

static void
bind_minerals_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    LodeProjectsPage         *self)
{
  g_autofree char *names = minerals_key (gtk_list_item_get_item (list_item), self);

  lode_cell_set_text (list_item, names, names);
}

static void
set_money_cell (GtkListItem *list_item,
                LodeMoney    value)
{
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;

  if (value == LODE_MONEY_UNSET)
    {
      lode_cell_set_text (list_item, NULL, NULL);
      return;
    }

  text = lode_format_money (value);
  exact = lode_money_format_full (value);
  lode_cell_set_text (list_item, text, exact);
}

static void
bind_committed_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  set_money_cell (list_item, lode_project_get_committed (gtk_list_item_get_item (list_item)));
}

static void
bind_disbursed_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  set_money_cell (list_item, lode_project_get_disbursed (gtk_list_item_get_item (list_item)));
}

static void
bind_start_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  int year = lode_project_get_start_year (gtk_list_item_get_item (list_item));
  g_autofree char *text = year > 0 ? g_strdup_printf ("%d", year) : NULL;

  lode_cell_set_text (list_item, text, NULL);
}

static void
bind_jobs_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  gint64 jobs = lode_project_get_jobs (gtk_list_item_get_item (list_item));
  g_autofree char *text = jobs >= 0 ? g_strdup_printf ("%'" G_GINT64_FORMAT, jobs) : NULL;

  lode_cell_set_text (list_item, text, NULL);
}

static void
update_empty (LodeProjectsPage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *committed_text = NULL;
  g_autofree char *jobs_text = NULL;
  g_autofree char *disbursed_text = NULL;
  g_autofree char *exact = NULL;
  LodeMoney committed = 0;
  LodeMoney disbursed = 0;
  gint64 jobs = 0;
  guint n_shown;
  guint n_all;

  if (self->sort_model == NULL || self->stack == NULL || self->totals_label == NULL)
    return;

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  n_all = self->portfolio != NULL ?
          g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_projects (self->portfolio))) : 0;

  gtk_stack_set_visible_child_name (self->stack, lode_list_page_state (n_all, n_shown));
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (lode_project_get_committed (project) != LODE_MONEY_UNSET)
        committed += lode_project_get_committed (project);
      if (lode_project_get_disbursed (project) != LODE_MONEY_UNSET)
        disbursed += lode_project_get_disbursed (project);
      if (lode_project_get_jobs (project) > 0)
        jobs += lode_project_get_jobs (project);
    }

  committed_text = lode_format_money (committed);
  disbursed_text = lode_format_money (disbursed);
  /* TRANSLATORS: the totals line below the projects, as in
   * "4 projects · $10.5 B committed · $2 B disbursed · 5,200 jobs" */
  jobs_text = g_strdup_printf ("%'" G_GINT64_FORMAT, jobs);
  text = g_strdup_printf (ngettext ("%'u project · %s committed · %s disbursed · %s jobs",
                                    "%'u projects · %s committed · %s disbursed · %s jobs",
                                    n_shown),
                          n_shown, committed_text, disbursed_text, jobs_text);
  gtk_label_set_label (self->totals_label, text);
  exact = lode_money_format_full (committed);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), exact);
}

static gboolean
project_matches (gpointer item,
                 gpointer user_data)
{
  LodeProjectsPage *self = user_data;
  g_autofree char *minerals = minerals_key (item, self);
  const char *texts[] = {
    lode_project_get_name (item),
    lode_format_project_status (lode_project_get_status (item)),
    lode_project_get_region (item),
    lode_project_get_operator (item),
    minerals,
  };

  return lode_list_texts_match (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                texts, G_N_ELEMENTS (texts));
}

static void
search_changed (LodeProjectsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static LodeProject *
selected_project (LodeProjectsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (LodeProjectsPage *self)
{
  lode_list_page_update_actions (GTK_WIDGET (self), "projects", self->portfolio != NULL,
                                 self->portfolio != NULL && selected_project (self) != NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (widget);

  if (self->portfolio != NULL)
    lode_list_present_editor (widget, GTK_WINDOW (lode_project_editor_new (self->portfolio, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (widget);
  LodeProject *project = selected_project (self);

  if (project != NULL)
    lode_list_present_editor (widget, GTK_WINDOW (lode_project_editor_new (self->portfolio, project)));
}

static void
row_activated (LodeProjectsPage *self,
               guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "projects.edit", NULL);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (widget);
  LodeProject *project = selected_project (self);
  GListStore *store;
  g_autoptr(LodeProject) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  guint position = 0;

  if (project == NULL)
    return;

  store = lode_portfolio_get_projects (self->portfolio);
  g_list_store_find (store, project, &position);
  name = g_strdup_printf (_("%s (copy)"), lode_project_get_name (project));
  id = lode_project_editor_make_id (self->portfolio, name);
  copy = lode_project_editor_copy (project, id, name);
  label = g_strdup_printf (_("Duplicate %s"), lode_project_get_name (project));
  lode_history_insert_item (lode_portfolio_get_history (self->portfolio), label,
                            store, position + 1, G_OBJECT (copy));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (widget);
  LodeProject *project = selected_project (self);

  if (project != NULL)
    lode_list_delete_item (widget, lode_portfolio_get_history (self->portfolio),
                           lode_portfolio_get_projects (self->portfolio), project, lode_project_get_name (project));
}

static void
lode_projects_page_dispose (GObject *object)
{
  LodeProjectsPage *self = LODE_PROJECTS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_PROJECTS_PAGE);
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

  g_type_ensure (LODE_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectsPage, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, update_empty);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, name_key);
  gtk_widget_class_bind_template_callback (widget_class, status_key);
  gtk_widget_class_bind_template_callback (widget_class, region_key);
  gtk_widget_class_bind_template_callback (widget_class, minerals_key);
  gtk_widget_class_bind_template_callback (widget_class, committed_key);
  gtk_widget_class_bind_template_callback (widget_class, disbursed_key);
  gtk_widget_class_bind_template_callback (widget_class, start_key);
  gtk_widget_class_bind_template_callback (widget_class, jobs_key);
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_text_cell",
                                                G_CALLBACK (lode_cell_setup_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_short_cell",
                                                G_CALLBACK (lode_cell_setup_short));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_medium_cell",
                                                G_CALLBACK (lode_cell_setup_medium));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_number_cell",
                                                G_CALLBACK (lode_cell_setup_number));
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_region_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_minerals_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_committed_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_disbursed_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_start_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_jobs_cell);

  lode_list_page_install_actions (widget_class, "projects",
                                  add_action, edit_action, duplicate_action, delete_action);
}

static void
lode_projects_page_init (LodeProjectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, project_matches, self, NULL);
  lode_list_page_setup_search (GTK_WIDGET (self), self->search_bar, self->search_entry);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_empty (self);
  update_actions (self);
}

LodePortfolio *
lode_projects_page_get_portfolio (LodeProjectsPage *self)
{
  g_return_val_if_fail (LODE_IS_PROJECTS_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_projects_page_set_portfolio (LodeProjectsPage *self,
                                 LodePortfolio   *portfolio)
{
  g_return_if_fail (LODE_IS_PROJECTS_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&self->portfolio, portfolio))
    return;

  gtk_filter_list_model_set_model (self->filter_model,
                                   portfolio != NULL ?
                                   G_LIST_MODEL (lode_portfolio_get_projects (portfolio)) :
                                   NULL);
  update_empty (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
