/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-investment-currency.h"
#include "lode-list-page-private.h"
#include "lode-project-editor.h"
#include "lode-projects-page.h"
#include "lode-ui-format.h"

struct _LodeProjectsPage
{
  LodeListPage  parent_instance;

  /* The investment events, which make the projects' investment. */
  GSignalGroup *investments_signals;
};

G_DEFINE_FINAL_TYPE (LodeProjectsPage, lode_projects_page, LODE_TYPE_LIST_PAGE)

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
status_key (LodeProject *project,
            gpointer     user_data)
{
  return g_strdup (lode_format_project_status (lode_project_get_status (project)));
}

static char *
minerals_key (LodeProject      *project,
              LodeProjectsPage *self)
{
  return mineral_names (lode_list_page_get_portfolio (LODE_LIST_PAGE (self)), lode_project_get_minerals (project));
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

/* An amount in US dollars; @why, when not NULL, says in the tooltip
 * why it is not in the currency shown. */
static void
set_dollars_cell (GtkListItem *list_item,
                  LodeMoney    value,
                  const char  *why)
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
  if (why != NULL)
    {
      g_autofree char *dollars = g_steal_pointer (&exact);

      /* TRANSLATORS: the tooltip of an amount left in US dollars, "$1,200.00 · In US dollars: …" */
      exact = g_strdup_printf (_("%s · %s"), dollars, why);
    }
  lode_cell_set_text (list_item, text, exact);
}

static void
set_money_cell (GtkListItem *list_item,
                LodeMoney    value)
{
  set_dollars_cell (list_item, value, NULL);
}

/* A project's investment: from its investment events when it has events
 * of that kind, else as the project itself holds it. */
static LodeMoney
committed_of (LodeProjectsPage *self,
              LodeProject      *project)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  LodeMoney committed = lode_project_get_committed (project);

  if (portfolio != NULL)
    lode_portfolio_get_project_investment (portfolio, lode_project_get_id (project), &committed, NULL);

  return committed;
}

static LodeMoney
disbursed_of (LodeProjectsPage *self,
              LodeProject      *project)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  LodeMoney disbursed = lode_project_get_disbursed (project);

  if (portfolio != NULL)
    lode_portfolio_get_project_investment (portfolio, lode_project_get_id (project), NULL, &disbursed);

  return disbursed;
}

static gint64
committed_key (LodeProject      *project,
               LodeProjectsPage *self)
{
  return committed_of (self, project);
}

static gint64
disbursed_key (LodeProject      *project,
               LodeProjectsPage *self)
{
  return disbursed_of (self, project);
}

/* A converter to the currency shown, or NULL in US dollars: one for
 * each total, which notes the years without a rate among its rows. */
static LodeConverter *
new_converter (LodeProjectsPage *self)
{
  return lode_converter_for_portfolio (lode_list_page_get_portfolio (LODE_LIST_PAGE (self)),
                                       lode_list_page_get_currency (LODE_LIST_PAGE (self)));
}

/* A project's investment of @kind in the currency shown: its events' at
 * the rates of their dates, or, for a figure the project holds itself,
 * which has no date, in US dollars with a tooltip that says so. */
static void
set_investment_cell (LodeProjectsPage   *self,
                     GtkListItem        *list_item,
                     LodeInvestmentKind  kind)
{
  LodeConverter *converter = lode_list_page_get_converter (LODE_LIST_PAGE (self));
  const char *currency = lode_list_page_get_currency (LODE_LIST_PAGE (self));
  LodeProject *project = gtk_list_item_get_item (list_item);
  LodeConvertedTotal total;
  LodeMoney usd;
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *missing = NULL;

  if (converter == NULL)
    {
      set_money_cell (list_item, kind == LODE_INVESTMENT_KIND_COMMITTED ? committed_of (self, project)
                                                                        : disbursed_of (self, project));
      return;
    }

  if (!lode_portfolio_convert_project_investment (lode_list_page_get_portfolio (LODE_LIST_PAGE (self)),
                                                  converter, lode_project_get_id (project), kind,
                                                  &total, NULL, &usd))
    {
      set_dollars_cell (list_item, usd, _("In US dollars: no year to take a rate of"));
      return;
    }

  text = lode_format_converted_total (currency, &total);
  exact = lode_amount_format_full (currency, total.amount);
  /* The project's events without a rate, said. */
  if (total.n_missing > 0)
    {
      g_autoptr(LodeConverter) own = new_converter (self);
      g_autofree char *amount = g_steal_pointer (&exact);
      LodeConvertedTotal again;
      LodeMoney ignored;

      lode_portfolio_convert_project_investment (lode_list_page_get_portfolio (LODE_LIST_PAGE (self)),
                                                 own, lode_project_get_id (project), kind, &again, NULL, &ignored);
      missing = lode_converter_describe_missing (own);
      exact = total.n_missing == total.count ? g_strdup (missing) : g_strdup_printf (_("%s · %s"), amount, missing);
    }
  lode_cell_set_text (list_item, text, exact);
}

static void
bind_committed_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     LodeProjectsPage         *self)
{
  set_investment_cell (self, list_item, LODE_INVESTMENT_KIND_COMMITTED);
}

static void
bind_disbursed_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     LodeProjectsPage         *self)
{
  set_investment_cell (self, list_item, LODE_INVESTMENT_KIND_DISBURSED);
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

/* The totals in the currency shown: the exact sums of the projects'
 * events, which years have no rate, and the projects' own figures, which
 * have no date, apart in US dollars. */
static void
update_converted_totals (LodeProjectsPage *self,
                         LodeConverter    *converter,
                         GListModel       *shown,
                         GtkLabel         *label)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  const LodeInvestmentKind kinds[2] = { LODE_INVESTMENT_KIND_COMMITTED, LODE_INVESTMENT_KIND_DISBURSED };
  LodeAmountSum sums[2] = { LODE_AMOUNT_SUM_INIT, LODE_AMOUNT_SUM_INIT };
  LodeMoney usd[2] = { 0, 0 };
  LodeAmount amounts[2] = { 0, 0 };
  char *texts[2] = { NULL, NULL };
  g_autofree char *jobs_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 jobs = 0;
  guint n_shown = g_list_model_get_n_items (shown);

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (shown, i);

      for (guint k = 0; k < 2; k++)
        {
          LodeConvertedTotal total;
          LodeMoney dollars;

          if (!lode_portfolio_convert_project_investment (portfolio, converter, lode_project_get_id (project),
                                                          kinds[k], &total, &sums[k], &dollars) &&
              dollars != LODE_MONEY_UNSET)
            usd[k] += dollars;
        }
      if (lode_project_get_jobs (project) > 0)
        jobs += lode_project_get_jobs (project);
    }

  for (guint k = 0; k < 2; k++)
    {
      if (!lode_amount_sum_round (&sums[k], &amounts[k]))
        texts[k] = g_strdup (C_("amount", "—"));
      else
        texts[k] = lode_format_amount (lode_converter_get_code (converter), amounts[k]);
    }
  jobs_text = lode_format_count (jobs);
  count = lode_format_count (n_shown);
  g_string_printf (text, ngettext ("%s project · %s committed · %s disbursed · %s jobs",
                                   "%s projects · %s committed · %s disbursed · %s jobs",
                                   n_shown),
                   count, texts[0], texts[1], jobs_text);
  missing = lode_converter_describe_missing (converter);
  if (missing != NULL)
    g_string_append_printf (text, " · %s", missing);
  if (usd[0] > 0 || usd[1] > 0)
    {
      g_autofree char *committed = lode_format_money (usd[0]);
      g_autofree char *disbursed = lode_format_money (usd[1]);

      g_string_append (text, " · ");
      /* TRANSLATORS: after the totals in another currency: the projects' own
       * figures, which have no date to take a rate of, "$1.2 B committed and $0.3 B
       * disbursed of no year, in US dollars" */
      g_string_append_printf (text, _("%s committed and %s disbursed of no year, in US dollars"),
                              committed, disbursed);
    }
  g_free (texts[0]);
  g_free (texts[1]);
  /* Longer than in dollars: on two lines rather than cut. */
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_lines (label, 2);
  gtk_label_set_label (label, text->str);
  exact = lode_amount_format_full (lode_converter_get_code (converter), amounts[0]);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), exact);
}

static void
update_totals (LodeListPage *page,
               GListModel   *shown,
               GtkLabel     *label)
{
  g_autoptr(LodeConverter) converter = new_converter (LODE_PROJECTS_PAGE (page));
  g_autofree char *text = NULL;
  g_autofree char *committed_text = NULL;
  g_autofree char *jobs_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *disbursed_text = NULL;
  g_autofree char *exact = NULL;
  LodeMoney committed = 0;
  LodeMoney disbursed = 0;
  gint64 jobs = 0;
  guint n_shown = g_list_model_get_n_items (shown);

  if (converter != NULL)
    {
      update_converted_totals (LODE_PROJECTS_PAGE (page), converter, shown, label);
      return;
    }

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (shown, i);

      LodeMoney project_committed = committed_of (LODE_PROJECTS_PAGE (page), project);
      LodeMoney project_disbursed = disbursed_of (LODE_PROJECTS_PAGE (page), project);

      if (project_committed != LODE_MONEY_UNSET)
        committed += project_committed;
      if (project_disbursed != LODE_MONEY_UNSET)
        disbursed += project_disbursed;
      if (lode_project_get_jobs (project) > 0)
        jobs += lode_project_get_jobs (project);
    }

  committed_text = lode_format_money (committed);
  disbursed_text = lode_format_money (disbursed);
  /* TRANSLATORS: the totals line below the projects, as in
   * "4 projects · $10.5 B committed · $2 B disbursed · 5,200 jobs" */
  jobs_text = lode_format_count (jobs);
  count = lode_format_count (n_shown);
  text = g_strdup_printf (ngettext ("%s project · %s committed · %s disbursed · %s jobs",
                                    "%s projects · %s committed · %s disbursed · %s jobs",
                                    n_shown),
                          count, committed_text, disbursed_text, jobs_text);
  gtk_label_set_label (label, text);
  exact = lode_money_format_full (committed);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), exact);
}

static gboolean
project_matches (LodeListPage *page,
                 gpointer      item,
                 const char   *search)
{
  g_autofree char *minerals = minerals_key (item, LODE_PROJECTS_PAGE (page));
  const char *texts[] = {
    lode_project_get_name (item),
    lode_format_project_status (lode_project_get_status (item)),
    lode_project_get_region (item),
    lode_project_get_operator (item),
    minerals,
  };

  return lode_list_texts_match (search, texts, G_N_ELEMENTS (texts));
}

static void
investments_changed (LodeListPage *page)
{
  lode_list_page_rebind (page);
}

/* A project's investment follows its events, which change on another page. */
static void
portfolio_changed (LodeListPage *page)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);

  g_signal_group_set_target (LODE_PROJECTS_PAGE (page)->investments_signals,
                             portfolio != NULL ? lode_portfolio_get_investments (portfolio) : NULL);
}

static void
lode_projects_page_dispose (GObject *object)
{
  g_clear_object (&LODE_PROJECTS_PAGE (object)->investments_signals);

  G_OBJECT_CLASS (lode_projects_page_parent_class)->dispose (object);
}

static void
lode_projects_page_class_init (LodeProjectsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LodeListPageClass *page_class = LODE_LIST_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lode_projects_page_dispose;
  page_class->portfolio_changed = portfolio_changed;
  page_class->get_items = lode_portfolio_get_projects;
  page_class->item_matches = project_matches;
  page_class->update_totals = update_totals;
  page_class->editor_new = (LodeListPageEditorNew) lode_project_editor_new;
  page_class->get_name = (LodeListPageGetName) lode_project_get_name;
  page_class->make_id = lode_project_editor_make_id;
  page_class->copy_with_id = (LodeListPageCopy) lode_project_editor_copy;

  g_type_ensure (LODE_TYPE_PROJECT);

  lode_list_page_class_set_template (widget_class, "/io/github/lodeapp/Lode/ui/lode-projects-page.ui", "projects");
  gtk_widget_class_bind_template_callback (widget_class, status_key);
  gtk_widget_class_bind_template_callback (widget_class, minerals_key);
  gtk_widget_class_bind_template_callback (widget_class, committed_key);
  gtk_widget_class_bind_template_callback (widget_class, disbursed_key);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_region_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_minerals_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_committed_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_disbursed_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_start_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_jobs_cell);
}

static void
lode_projects_page_init (LodeProjectsPage *self)
{
  self->investments_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->investments_signals, "items-changed",
                                  G_CALLBACK (investments_changed), self);
  gtk_widget_init_template (GTK_WIDGET (self));
}
