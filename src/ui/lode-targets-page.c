/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-list-page-private.h"
#include "lode-target-editor.h"
#include "lode-targets-page.h"
#include "lode-ui-format.h"

struct _LodeTargetsPage
{
  LodeListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeTargetsPage, lode_targets_page, LODE_TYPE_LIST_PAGE)

/* "Exports of Copper to China", "Investment". */
static char *
metric_text (LodeTarget      *target,
             LodeTargetsPage *self)
{
  const char *mineral_id = lode_target_get_metric_mineral (target);
  const char *destination = lode_target_get_metric_destination (target);
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  LodeMineral *mineral = NULL;
  const char *mineral_name = mineral_id;
  const char *country = destination != NULL ? lode_country_lookup (destination) : NULL;

  if (lode_target_get_metric_kind (target) == LODE_METRIC_KIND_INVESTMENT)
    return g_strdup (_("Investment"));

  if (mineral_id != NULL && portfolio != NULL)
    mineral = lode_portfolio_find_mineral (portfolio, mineral_id);
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
metric_key (LodeTarget      *target,
            LodeTargetsPage *self)
{
  return metric_text (target, self);
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

/* @cents of a target's @year and @period in the currency shown, short
 * and exact; "—" and why without a rate, in US dollars and why without a
 * year. */
static char *
target_amount (LodeConverter   *converter,
               LodeMoney        cents,
               int              year,
               LodePeriodKind   period,
               char           **exact)
{
  g_autoptr(GError) error = NULL;
  LodeAmount amount;

  if (converter == NULL || cents < 0)
    {
      *exact = lode_money_format_full (cents);
      return lode_format_money (cents);
    }
  if (year == 0)
    {
      g_autofree char *dollars = lode_money_format_full (cents);

      /* TRANSLATORS: an amount left in US dollars and why, "$1,200.00 · In US dollars: …" */
      *exact = g_strdup_printf (_("%s · %s"), dollars, _("In US dollars: no year to take a rate of"));
      return lode_format_money (cents);
    }
  if (!lode_converter_convert (converter, cents, year, 0,
                               period == LODE_PERIOD_KIND_FISCAL_YEAR ? period : LODE_PERIOD_KIND_CALENDAR_YEAR,
                               &amount, &error))
    {
      *exact = g_strdup (error->message);
      return g_strdup (C_("amount", "—"));
    }

  *exact = lode_amount_format_full (lode_converter_get_code (converter), amount);
  return lode_format_amount (lode_converter_get_code (converter), amount);
}

static void
bind_baseline_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    LodeTargetsPage          *self)
{
  LodeTarget *target = gtk_list_item_get_item (list_item);
  LodeConverter *converter = lode_list_page_get_converter (LODE_LIST_PAGE (self));
  LodeMoney value = lode_target_get_baseline_value (target);
  int year = lode_target_get_baseline_year (target);
  g_autofree char *exact = NULL;
  g_autofree char *money = target_amount (converter, value, year, lode_target_get_period (target), &exact);
  /* TRANSLATORS: a baseline, as in "$2 B (2025)" */
  g_autofree char *text = g_strdup_printf (_("%s (%d)"), money, year);

  lode_cell_set_text (list_item, text, exact);
}

static void
bind_target_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LodeTargetsPage          *self)
{
  LodeTarget *target = gtk_list_item_get_item (list_item);
  LodeConverter *converter = lode_list_page_get_converter (LODE_LIST_PAGE (self));
  LodeMoney low_value = lode_target_get_target_low (target);
  LodeMoney high_value = lode_target_get_target_high (target);
  gboolean range = high_value != low_value && high_value != LODE_MONEY_UNSET;
  g_autofree char *text = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *exact = NULL;

  if (converter == NULL)
    {
      text = lode_format_money_range (low_value, high_value);
      low = lode_money_format_full (low_value);
      high = lode_money_format_full (high_value);
      exact = range ? g_strdup_printf (C_("range", "%s–%s"), low, high) : g_strdup (low);
      lode_cell_set_text (list_item, text, exact);
      return;
    }

  {
    int year = lode_target_get_target_year (target);
    LodePeriodKind period = lode_target_get_period (target);
    g_autofree char *low_text = target_amount (converter, low_value, year, period, &low);
    LodeRate rate;

    /* No rate for the year: one "—", and why. */
    if (year != 0 && !lode_converter_get_rate (converter, year, 0,
                                               period == LODE_PERIOD_KIND_FISCAL_YEAR
                                               ? period : LODE_PERIOD_KIND_CALENDAR_YEAR, &rate))
      {
        lode_cell_set_text (list_item, low_text, low);
        return;
      }
    g_autofree char *high_text = range ? target_amount (converter, high_value, year, period, &high) : NULL;

    text = range ? g_strdup_printf (C_("range", "%s–%s"), low_text, high_text) : g_strdup (low_text);
    exact = range ? g_strdup_printf (C_("range", "%s–%s"), low, high) : g_strdup (low);
  }
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
update_totals (LodeListPage *page,
               GListModel   *shown,
               GtkLabel     *label)
{
  guint n_shown = g_list_model_get_n_items (shown);
  g_autofree char *count = lode_format_count (n_shown);
  g_autofree char *text = g_strdup_printf (ngettext ("%s target", "%s targets", n_shown), count);

  gtk_label_set_label (label, text);
}

static gboolean
target_matches (LodeListPage *page,
                gpointer      item,
                const char   *search)
{
  g_autofree char *metric = metric_text (item, LODE_TARGETS_PAGE (page));
  const char *texts[] = {
    lode_target_get_title (item),
    metric,
  };

  return lode_list_texts_match (search, texts, G_N_ELEMENTS (texts));
}

static void
lode_targets_page_class_init (LodeTargetsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LodeListPageClass *page_class = LODE_LIST_PAGE_CLASS (klass);

  page_class->get_items = lode_portfolio_get_targets;
  page_class->item_matches = target_matches;
  page_class->update_totals = update_totals;
  page_class->editor_new = (LodeListPageEditorNew) lode_target_editor_new;
  page_class->get_name = (LodeListPageGetName) lode_target_get_title;
  page_class->make_id = lode_target_editor_make_id;
  page_class->copy_with_id = (LodeListPageCopy) lode_target_editor_copy;

  g_type_ensure (LODE_TYPE_TARGET);

  lode_list_page_class_set_template (widget_class, "/io/github/lodeapp/Lode/ui/lode-targets-page.ui", "targets");
  gtk_widget_class_bind_template_callback (widget_class, metric_key);
  gtk_widget_class_bind_template_callback (widget_class, growth_key);
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_metric_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_baseline_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_target_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_year_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_growth_cell);
}

static void
lode_targets_page_init (LodeTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
