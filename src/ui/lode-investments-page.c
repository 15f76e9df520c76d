/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-history.h"
#include "lode-investment-currency.h"
#include "lode-investment-summary.h"
#include "lode-investment-editor.h"
#include "lode-investments-page.h"
#include "lode-list-page-private.h"
#include "lode-ui-format.h"

struct _LodeInvestmentsPage
{
  LodeListPage parent_instance;

  /* Template widgets */
  AdwComboRow *country_filter;
  AdwComboRow *kind_filter;
  AdwComboRow *project_filter;
  AdwComboRow *year_filter;

  /* What each choice of the filters stands for; NULL (or 0) for "any". */
  GPtrArray   *country_codes;
  GPtrArray   *project_ids;
  GArray      *years;
  /* The lists whose changes change the filters' choices: retargeted
   * when the portfolio changes, so that none is listened to after. */
  GSignalGroup *investments_signals;
  GSignalGroup *projects_signals;
  /* Set while the filters' choices are made anew. */
  gboolean      filling;
  guint         refilter_id;
};

G_DEFINE_FINAL_TYPE (LodeInvestmentsPage, lode_investments_page, LODE_TYPE_LIST_PAGE)

/* The name of the project of @investment, its id when the portfolio has
 * no such project, or NULL for a pledge that belongs to none. */
static const char *
project_name (LodeInvestmentsPage *self,
              LodeInvestment      *investment)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  const char *id = lode_investment_get_project (investment);
  LodeProject *project;

  if (id == NULL)
    return NULL;

  project = portfolio != NULL ? lode_portfolio_find_project (portfolio, id) : NULL;

  return project != NULL ? lode_project_get_name (project) : id;
}

static const char *
country_name (LodeInvestment *investment)
{
  const char *code = lode_investment_get_investor_country (investment);
  const char *name = code != NULL ? lode_country_lookup (code) : NULL;

  return name != NULL ? name : code;
}

static const char *
source_title (LodeInvestmentsPage *self,
              LodeInvestment      *investment)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  const char *id = lode_investment_get_source (investment);
  LodeSource *source = id != NULL && portfolio != NULL ? lode_portfolio_find_source (portfolio, id) : NULL;

  return source != NULL ? lode_source_get_title (source) : id;
}

/* Sort keys */

/* 2024-05-03 as 20240503, 2024-05 as 20240500, 2024 as 20240000: a year
 * alone sorts before the months of that year. */
static gint64
date_key (LodeInvestment *investment,
          gpointer        user_data)
{
  const char *date = lode_investment_get_date (investment);
  gint64 key = 0;
  guint n_parts = 0;

  /* The date is checked on load and in the editor: YYYY[-MM[-DD]]. */
  for (const char *p = date; p != NULL && *p != '\0' && n_parts < 3; n_parts++)
    {
      char *end = NULL;

      key = key * 100 + g_ascii_strtoll (p, &end, 10);
      p = end != NULL && *end == '-' ? end + 1 : NULL;
    }
  for (; n_parts < 3; n_parts++)
    key *= 100;

  return key;
}

static char *
kind_key (LodeInvestment *investment,
          gpointer        user_data)
{
  return g_strdup (lode_format_investment_kind (lode_investment_get_kind (investment)));
}

static char *
investor_key (LodeInvestment *investment,
              gpointer        user_data)
{
  return g_strdup (lode_investment_get_investor (investment));
}

static char *
country_key (LodeInvestment *investment,
             gpointer        user_data)
{
  return g_strdup (country_name (investment));
}

static char *
project_key (LodeInvestment      *investment,
             LodeInvestmentsPage *self)
{
  return g_strdup (project_name (self, investment));
}

static gint64
amount_key (LodeInvestment *investment,
            gpointer        user_data)
{
  return lode_investment_get_value (investment);
}

static char *
source_key (LodeInvestment      *investment,
            LodeInvestmentsPage *self)
{
  return g_strdup (source_title (self, investment));
}

/* Cells */

static void
bind_date_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  lode_cell_set_text (list_item, lode_investment_get_date (gtk_list_item_get_item (list_item)), NULL);
}

static void
bind_kind_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  LodeInvestment *investment = gtk_list_item_get_item (list_item);

  lode_cell_set_text (list_item, lode_format_investment_kind (lode_investment_get_kind (investment)), NULL);
}

static void
bind_investor_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  const char *investor = lode_investment_get_investor (gtk_list_item_get_item (list_item));

  lode_cell_set_text (list_item, investor, investor);
}

static void
bind_country_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  lode_cell_set_text (list_item, country_name (gtk_list_item_get_item (list_item)), NULL);
}

static void
bind_project_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   LodeInvestmentsPage      *self)
{
  const char *name = project_name (self, gtk_list_item_get_item (list_item));

  /* A pledge to the whole sector belongs to no project. */
  lode_cell_set_text (list_item, name != NULL ? name : C_("project", "Sector-wide"), NULL);
}

static void
bind_amount_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LodeInvestmentsPage      *self)
{
  LodeInvestment *investment = gtk_list_item_get_item (list_item);
  LodeConverter *converter = lode_list_page_get_converter (LODE_LIST_PAGE (self));
  const char *currency = lode_list_page_get_currency (LODE_LIST_PAGE (self));
  LodeMoney amount = lode_investment_get_value (investment);
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;
  g_autoptr(GError) error = NULL;
  LodeAmount converted;

  if (amount == LODE_MONEY_UNSET)
    {
      lode_cell_set_text (list_item, NULL, NULL);
      return;
    }

  /* In the currency shown at the rate of the event's date; without one,
   * no amount, and the cell's tooltip says why. */
  if (converter != NULL)
    {
      if (lode_converter_convert_date (converter, amount, lode_investment_get_date (investment),
                                       &converted, &error))
        {
          text = lode_format_amount (currency, converted);
          exact = lode_amount_format_full (currency, converted);
        }
      else
        {
          text = g_strdup (C_("amount", "—"));
          exact = g_strdup (error->message);
        }
      lode_cell_set_text (list_item, text, exact);
      return;
    }

  text = lode_format_money (amount);
  exact = lode_money_format_full (amount);
  lode_cell_set_text (list_item, text, exact);
}

static void
bind_source_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LodeInvestmentsPage      *self)
{
  const char *title = source_title (self, gtk_list_item_get_item (list_item));

  lode_cell_set_text (list_item, title, title);
}

/* Totals */

/* The totals in the currency shown: the exact sums of the events that
 * have a rate, and which years have none. */
static void
update_converted_totals (LodeInvestmentsPage *self,
                         GListModel          *shown,
                         GtkLabel            *label)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  const char *currency = lode_list_page_get_currency (LODE_LIST_PAGE (self));
  g_autoptr(LodeConverter) converter = lode_converter_for_portfolio (portfolio, currency);
  guint n_shown = g_list_model_get_n_items (shown);
  LodeConvertedTotal announced_total, committed_total, disbursed_total;
  g_autofree char *count = lode_format_count (n_shown);
  g_autofree char *announced = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *disbursed = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  lode_investment_convert_total (shown, converter, 0, NULL,
                                 LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_ANNOUNCED) |
                                 LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_AGREED),
                                 &announced_total);
  lode_investment_convert_total (shown, converter, 0, NULL,
                                 LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_COMMITTED), &committed_total);
  lode_investment_convert_total (shown, converter, 0, NULL,
                                 LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_DISBURSED), &disbursed_total);
  announced = lode_format_converted_total (currency, &announced_total);
  committed = lode_format_converted_total (currency, &committed_total);
  disbursed = lode_format_converted_total (currency, &disbursed_total);
  exact = lode_amount_format_full (currency, committed_total.amount);
  missing = lode_converter_describe_missing (converter);

  g_string_printf (text, ngettext ("%s investment · %s announced or agreed · %s committed · %s disbursed",
                                   "%s investments · %s announced or agreed · %s committed · %s disbursed",
                                   n_shown),
                   count, announced, committed, disbursed);
  if (missing != NULL)
    g_string_append_printf (text, " · %s", missing);
  /* Longer than in dollars: on two lines rather than cut. */
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_lines (label, 2);
  gtk_label_set_label (label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), exact);
}

static void
update_totals (LodeListPage *page,
               GListModel   *shown,
               GtkLabel     *label)
{
  LodeInvestmentsPage *self = LODE_INVESTMENTS_PAGE (page);
  g_autoptr(LodeInvestmentSummary) summary = NULL;
  guint n_shown;
  LodeMoney committed_value;
  g_autofree char *count = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *disbursed = NULL;
  g_autofree char *announced = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *text = NULL;

  if (lode_list_page_get_converter (page) != NULL)
    {
      update_converted_totals (self, shown, label);
      return;
    }

  /* The core's summary, so that the totals are those of lode-cli summary:
   * committed net of withdrawals. */
  summary = lode_investment_summary_new (shown);
  n_shown = g_list_model_get_n_items (shown);
  committed_value = lode_investment_summary_get_total (summary, LODE_INVESTMENT_KIND_COMMITTED);
  count = lode_format_count (n_shown);
  /* Isolated, so that "$3.3 B" keeps its order in an Urdu sentence. */
  committed = lode_format_ltr (lode_format_money (committed_value));
  disbursed = lode_format_ltr (lode_format_money (lode_investment_summary_get_total (summary,
                                                                                   LODE_INVESTMENT_KIND_DISBURSED)));
  announced = lode_format_ltr (lode_format_money (lode_investment_summary_get_total (summary,
                                                                                   LODE_INVESTMENT_KIND_ANNOUNCED) +
                                                  lode_investment_summary_get_total (summary,
                                                                                   LODE_INVESTMENT_KIND_AGREED)));
  exact = lode_money_format_full (committed_value);

  /* TRANSLATORS: the totals line below the investments, as in
   * "5 investments · $12 B announced or agreed · $1.5 B committed · $0.2 B disbursed" */
  text = g_strdup_printf (ngettext ("%s investment · %s announced or agreed · %s committed · %s disbursed",
                                    "%s investments · %s announced or agreed · %s committed · %s disbursed",
                                    n_shown),
                          count, announced, committed, disbursed);
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), exact);
}

/* Search and filters */

static gboolean
passes_filters (LodeInvestmentsPage *self,
                LodeInvestment      *investment)
{
  guint country = adw_combo_row_get_selected (self->country_filter);
  guint kind = adw_combo_row_get_selected (self->kind_filter);
  guint project = adw_combo_row_get_selected (self->project_filter);
  guint year = adw_combo_row_get_selected (self->year_filter);

  /* Choice 0 is "any" in each. */
  if (country > 0 && country < self->country_codes->len &&
      g_strcmp0 (g_ptr_array_index (self->country_codes, country),
                 lode_investment_get_investor_country (investment)) != 0)
    return FALSE;
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION &&
      kind != (guint) lode_investment_get_kind (investment))
    return FALSE;
  if (project > 0 && project < self->project_ids->len &&
      g_strcmp0 (g_ptr_array_index (self->project_ids, project),
                 lode_investment_get_project (investment)) != 0)
    return FALSE;
  if (year > 0 && year < self->years->len &&
      g_array_index (self->years, int, year) != lode_investment_get_year (investment))
    return FALSE;

  return TRUE;
}

static gboolean
investment_matches (LodeListPage *page,
                    gpointer      item,
                    const char   *search)
{
  LodeInvestmentsPage *self = LODE_INVESTMENTS_PAGE (page);
  const char *texts[] = {
    lode_investment_get_investor (item),
    country_name (item),
    lode_format_investment_kind (lode_investment_get_kind (item)),
    project_name (self, item),
    lode_investment_get_date (item),
    source_title (self, item),
  };

  return passes_filters (self, item) && lode_list_texts_match (search, texts, G_N_ELEMENTS (texts));
}

static void
filters_changed (LodeInvestmentsPage *self)
{
  if (!self->filling)
    lode_list_page_refilter (LODE_LIST_PAGE (self));
}

static gboolean
refilter_cb (gpointer user_data)
{
  LodeInvestmentsPage *self = user_data;

  self->refilter_id = 0;
  lode_list_page_refilter (LODE_LIST_PAGE (self));

  return G_SOURCE_REMOVE;
}

/* The filters offer what the investments hold: their investors'
 * countries, the projects and the years, each once, sorted. */
static void
fill_filters (LodeInvestmentsPage *self)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  GListModel *investments = portfolio != NULL ? G_LIST_MODEL (lode_portfolio_get_investments (portfolio)) : NULL;
  g_autoptr(GtkStringList) countries = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) projects = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen_countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_years = g_hash_table_new (NULL, NULL);
  guint n = investments != NULL ? g_list_model_get_n_items (investments) : 0;

  g_ptr_array_set_size (self->country_codes, 0);
  g_ptr_array_set_size (self->project_ids, 0);
  g_array_set_size (self->years, 0);

  gtk_string_list_append (countries, _("Any Country"));
  g_ptr_array_add (self->country_codes, NULL);
  gtk_string_list_append (projects, _("Any Project"));
  g_ptr_array_add (self->project_ids, NULL);
  gtk_string_list_append (years, _("Any Year"));
  g_array_append_val (self->years, (int) { 0 });

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) investment = g_list_model_get_item (investments, i);
      const char *code = lode_investment_get_investor_country (investment);
      int year = lode_investment_get_year (investment);

      if (code != NULL && g_hash_table_add (seen_countries, (gpointer) code))
        {
          g_ptr_array_add (self->country_codes, g_strdup (code));
          gtk_string_list_append (countries, country_name (investment));
        }
      if (year > 0 && g_hash_table_add (seen_years, GINT_TO_POINTER (year)))
        {
          g_autofree char *text = g_strdup_printf ("%d", year);
          guint at = 1;

          /* Latest first. */
          while (at < self->years->len && g_array_index (self->years, int, at) > year)
            at++;
          g_array_insert_val (self->years, at, year);
          gtk_string_list_splice (years, at, 0, (const char * const[]) { text, NULL });
        }
    }

  if (portfolio != NULL)
    {
      GListModel *all = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(LodeProject) project = g_list_model_get_item (all, i);

          g_ptr_array_add (self->project_ids, g_strdup (lode_project_get_id (project)));
          gtk_string_list_append (projects, lode_project_get_name (project));
        }
    }

  adw_combo_row_set_model (self->country_filter, G_LIST_MODEL (countries));
  adw_combo_row_set_model (self->project_filter, G_LIST_MODEL (projects));
  adw_combo_row_set_model (self->year_filter, G_LIST_MODEL (years));
}

static void
investments_changed (LodeInvestmentsPage *self)
{
  /* A new country or year among the investments joins the filters; what
   * was chosen stays chosen when it is still offered. */
  const char *country = adw_combo_row_get_selected (self->country_filter) < self->country_codes->len ?
                        g_ptr_array_index (self->country_codes, adw_combo_row_get_selected (self->country_filter)) : NULL;
  g_autofree char *kept_country = g_strdup (country);
  guint year_index = adw_combo_row_get_selected (self->year_filter);
  int year = year_index < self->years->len ? g_array_index (self->years, int, year_index) : 0;
  guint project = adw_combo_row_get_selected (self->project_filter);
  g_autofree char *kept_project = project < self->project_ids->len ?
                                  g_strdup (g_ptr_array_index (self->project_ids, project)) : NULL;

  /* The list is in the middle of taking the change: filtering now would
   * see the store ahead of the filter model. */
  self->filling = TRUE;
  fill_filters (self);

  for (guint i = 1; kept_country != NULL && i < self->country_codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->country_codes, i), kept_country))
      adw_combo_row_set_selected (self->country_filter, i);
  for (guint i = 1; year != 0 && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      adw_combo_row_set_selected (self->year_filter, i);
  for (guint i = 1; kept_project != NULL && i < self->project_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->project_ids, i), kept_project))
      adw_combo_row_set_selected (self->project_filter, i);
  self->filling = FALSE;

  /* A choice no longer offered went back to "any": filter again, once
   * the change is taken. */
  if ((kept_country != NULL && adw_combo_row_get_selected (self->country_filter) == 0) ||
      (year != 0 && adw_combo_row_get_selected (self->year_filter) == 0) ||
      (kept_project != NULL && adw_combo_row_get_selected (self->project_filter) == 0))
    {
      if (self->refilter_id == 0)
        self->refilter_id = g_idle_add (refilter_cb, self);
    }
}

static void
portfolio_changed (LodeListPage *page)
{
  LodeInvestmentsPage *self = LODE_INVESTMENTS_PAGE (page);
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);

  adw_combo_row_set_selected (self->country_filter, 0);
  adw_combo_row_set_selected (self->kind_filter, 0);
  adw_combo_row_set_selected (self->project_filter, 0);
  adw_combo_row_set_selected (self->year_filter, 0);
  fill_filters (self);
  g_signal_group_set_target (self->investments_signals,
                             portfolio != NULL ? lode_portfolio_get_investments (portfolio) : NULL);
  g_signal_group_set_target (self->projects_signals,
                             portfolio != NULL ? lode_portfolio_get_projects (portfolio) : NULL);
}

/* Editing */

#define LABEL_KEY "lode-investments-page-label"

/* "MCC: Committed, 2024-05": investments have no name of their own. The
 * text lives on the item until the next call for it. */
static const char *
get_name (gpointer item)
{
  char *label = lode_investment_editor_describe (item);

  g_object_set_data_full (G_OBJECT (item), LABEL_KEY, label, g_free);

  return label;
}

/* A copy has no name to mark it as one: it comes right after the
 * investment it copies. */
static void
duplicate_investment (LodeListPage *page,
                      gpointer      item)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);
  GListStore *store = lode_portfolio_get_investments (portfolio);
  g_autoptr(LodeInvestment) copy = lode_investment_copy (item);
  g_autofree char *label = NULL;
  guint position = 0;

  if (!g_list_store_find (store, item, &position))
    return;

  /* TRANSLATORS: an undoable change, as in "Duplicate MCC: Committed, 2024" */
  label = g_strdup_printf (_("Duplicate %s"), get_name (item));
  lode_history_insert_item (lode_portfolio_get_history (portfolio), label, store, position + 1, G_OBJECT (copy));
}

static const char *
format_kind (int kind)
{
  return lode_format_investment_kind (kind);
}

static void
lode_investments_page_dispose (GObject *object)
{
  LodeInvestmentsPage *self = LODE_INVESTMENTS_PAGE (object);

  g_clear_object (&self->investments_signals);
  g_clear_object (&self->projects_signals);
  g_clear_handle_id (&self->refilter_id, g_source_remove);

  G_OBJECT_CLASS (lode_investments_page_parent_class)->dispose (object);
}

static void
lode_investments_page_finalize (GObject *object)
{
  LodeInvestmentsPage *self = LODE_INVESTMENTS_PAGE (object);

  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->project_ids, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (lode_investments_page_parent_class)->finalize (object);
}

static void
lode_investments_page_class_init (LodeInvestmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LodeListPageClass *page_class = LODE_LIST_PAGE_CLASS (klass);

  object_class->dispose = lode_investments_page_dispose;
  object_class->finalize = lode_investments_page_finalize;

  page_class->portfolio_changed = portfolio_changed;
  page_class->get_items = lode_portfolio_get_investments;
  page_class->item_matches = investment_matches;
  page_class->update_totals = update_totals;
  page_class->editor_new = (LodeListPageEditorNew) lode_investment_editor_new;
  page_class->get_name = get_name;
  page_class->duplicate_item = duplicate_investment;

  g_type_ensure (LODE_TYPE_INVESTMENT);

  lode_list_page_class_set_template (widget_class, "/io/github/lodeapp/Lode/ui/lode-investments-page.ui", "investments");
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentsPage, country_filter);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentsPage, project_filter);
  gtk_widget_class_bind_template_child (widget_class, LodeInvestmentsPage, year_filter);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, date_key);
  gtk_widget_class_bind_template_callback (widget_class, kind_key);
  gtk_widget_class_bind_template_callback (widget_class, investor_key);
  gtk_widget_class_bind_template_callback (widget_class, country_key);
  gtk_widget_class_bind_template_callback (widget_class, project_key);
  gtk_widget_class_bind_template_callback (widget_class, amount_key);
  gtk_widget_class_bind_template_callback (widget_class, source_key);
  gtk_widget_class_bind_template_callback (widget_class, bind_date_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_kind_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_investor_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_country_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_project_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_amount_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_source_cell);
}

static void
lode_investments_page_init (LodeInvestmentsPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;

  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  self->project_ids = g_ptr_array_new_with_free_func (g_free);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->investments_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->investments_signals, "items-changed",
                                  G_CALLBACK (investments_changed), self);
  self->projects_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->projects_signals, "items-changed",
                                  G_CALLBACK (investments_changed), self);

  gtk_widget_init_template (GTK_WIDGET (self));

  kinds = lode_choice_list (_("Any Kind"), 1, LODE_N_INVESTMENT_KINDS, format_kind);
  adw_combo_row_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  fill_filters (self);
}
