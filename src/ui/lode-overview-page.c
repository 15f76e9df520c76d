/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-cells.h"
#include "lode-chart-view.h"
#include "lode-countries.h"
#include "lode-currency.h"
#include "lode-enum-types.h"
#include "lode-investment-currency.h"
#include "lode-item-row.h"
#include "lode-list-page-private.h"
#include "lode-national-figure-editor.h"
#include "lode-overview-page.h"
#include "lode-portfolio-property-private.h"
#include "lode-ui-format.h"

/* A headline figure: a card of a value, its caption and a detail. */
typedef struct
{
  GtkWidget *child;
  GtkLabel  *value;
  GtkLabel  *caption;
  GtkLabel  *detail;
} Figure;

struct _LodeOverviewPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkLabel        *description_label;
  GtkWidget       *about_box;
  GtkFlowBox      *figures;
  GtkWidget       *national_group;
  GtkListBox      *national_list;
  GtkWidget       *targets_group;
  GtkListBox      *targets_list;
  GtkBox          *charts_box;
  GtkWidget       *sources_group;
  GtkListBox      *sources_list;

  /* Headline figures */
  Figure           latest;
  Figure           leading;
  Figure           destination;
  Figure           growth;
  Figure           reserves;
  Figure           investment;
  Figure           investment_year;
  Figure           investor;
  Figure           exported;

  /* Charts: one view a kind, one a target after them, and one a mineral
   * with production and exports at the end. */
  LodeChartView   *views[LODE_N_CHART_KINDS];
  GPtrArray       *target_views;
  GPtrArray       *production_views;

  LodePortfolio   *portfolio;
  /* The portfolio's title and description in the labels, and the handlers
   * on the portfolio, its sources, the lists whose changes change the
   * figures and its history: retargeted when the portfolio changes. */
  GBindingGroup   *texts;
  GSignalGroup    *portfolio_signals;
  GSignalGroup    *sources_signals;
  GSignalGroup    *model_signals[5];
  GSignalGroup    *history_signals;
  LodeChartData   *data;
  /* The month the periods begin in: 1 for calendar years. */
  int              start_month;
  /* The currency of the latest exports: "USD", or one with rates. */
  char            *currency;
  guint            refresh_id;
  guint            charts_id;
  /* The aggregation running in a worker, if any. */
  GCancellable    *aggregating;
  /* A large portfolio came, or changed, while the page was off screen:
   * it is shown once the page is. */
  gboolean         waiting;
};

G_DEFINE_FINAL_TYPE (LodeOverviewPage, lode_overview_page, ADW_TYPE_BIN)

static void show_portfolio (LodeOverviewPage *self);

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The charts of the page, in their order; target progress comes once a
 * target. */
static const LodeChartKind chart_order[] = {
  LODE_CHART_EXPORTS_BY_MINERAL,
  LODE_CHART_DESTINATIONS,
  LODE_CHART_EXPORTS_OVER_TIME,
  LODE_CHART_RESERVES,
  LODE_CHART_INVESTMENT_PIPELINE,
  LODE_CHART_INVESTMENT_BY_YEAR,
  LODE_CHART_INVESTMENT_BY_COUNTRY,
};

static gboolean
is_investment_chart (LodeChartKind kind)
{
  return kind == LODE_CHART_INVESTMENT_PIPELINE || kind == LODE_CHART_INVESTMENT_BY_YEAR ||
         kind == LODE_CHART_INVESTMENT_BY_COUNTRY;
}

/* Amount formatting */

static char *
money_short (LodeMoney value)
{
  return lode_format_ltr (lode_money_format_short (value));
}

/* A figure of the exports, in the currency they were aggregated in. */
static char *
exports_short (LodeChartData *data,
               LodeMoney      value)
{
  return lode_format_ltr (lode_chart_data_format_short (data, value));
}

/* A converter to the currency shown, or NULL in US dollars. */
static LodeConverter *
new_converter (LodeOverviewPage *self)
{
  return lode_converter_for_portfolio (self->portfolio, self->currency);
}

/* @cents of @year in the currency of @converter, short, and exact in
 * @exact: "—" when the year has no rate; in US dollars for an amount of
 * no year (@year 0). Either way @note says why, else it is NULL. */
static char *
amount_of_year (LodeConverter  *converter,
                LodeMoney       cents,
                int             year,
                char          **exact,
                char          **note)
{
  g_autoptr(GError) error = NULL;
  LodeAmount amount;

  *note = NULL;
  if (year == 0)
    {
      g_autofree char *dollars = lode_money_format_full (cents);

      *note = g_strdup (_("In US dollars: no year to take a rate of"));
      /* TRANSLATORS: an amount left in US dollars and why, "$1,200.00 · In US dollars: …" */
      *exact = g_strdup_printf (_("%s · %s"), dollars, *note);
      return money_short (cents);
    }

  if (!lode_converter_convert (converter, cents, year, 0, LODE_PERIOD_KIND_CALENDAR_YEAR, &amount, &error))
    {
      *exact = g_strdup (error->message);
      *note = g_strdup (error->message);
      return g_strdup (C_("amount", "—"));
    }

  *exact = lode_amount_format_full (lode_converter_get_code (converter), amount);
  return lode_format_ltr (lode_amount_format_short (lode_converter_get_code (converter), amount));
}

/* A total in the currency of @converter, short ("—" when none of its
 * records has a rate), and exact in @exact. */
static char *
converted_short (LodeConverter            *converter,
                 const LodeConvertedTotal *total,
                 char                    **exact)
{
  const char *code = lode_converter_get_code (converter);

  if (exact != NULL)
    *exact = lode_amount_format_full (code, total->amount);
  if (total->count > 0 && total->n_missing == total->count)
    return g_strdup (C_("amount", "—"));

  return lode_format_ltr (lode_amount_format_short (code, total->amount));
}

/* Appends to @detail which years had no rate, after " · ". */
static void
append_missing (GString       *detail,
                LodeConverter *converter)
{
  g_autofree char *missing = lode_converter_describe_missing (converter);

  if (missing != NULL)
    g_string_append_printf (detail, detail->len > 0 ? _(" · %s") : "%s", missing);
}

static char *
signed_percent (double fraction)
{
  /* TRANSLATORS: a change in percent, such as "+12.5 %" */
  return lode_format_ltr (g_strdup_printf (_("%+.1f %%"), fraction * 100.0));
}

/* Headline figures */

static void
figure_init (Figure     *figure,
             GtkFlowBox *box)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "figure-card");

  figure->value = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure->value, 0);
  gtk_label_set_ellipsize (figure->value, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (figure->value), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (figure->value), "numeric");

  figure->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure->caption, 0);
  gtk_label_set_wrap (figure->caption, TRUE);
  gtk_label_set_max_width_chars (figure->caption, 24);
  gtk_widget_add_css_class (GTK_WIDGET (figure->caption), "heading");

  figure->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (figure->detail, 0);
  gtk_label_set_wrap (figure->detail, TRUE);
  gtk_label_set_max_width_chars (figure->detail, 24);
  gtk_label_set_width_chars (figure->detail, 16);
  gtk_widget_add_css_class (GTK_WIDGET (figure->detail), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (figure->detail), "caption");

  gtk_box_append (GTK_BOX (card), GTK_WIDGET (figure->value));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (figure->caption));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (figure->detail));

  gtk_flow_box_append (box, card);
  figure->child = gtk_widget_get_parent (card);
  gtk_widget_set_focusable (figure->child, FALSE);
}

static void
figure_set (Figure     *figure,
            const char *value,
            const char *exact,
            const char *caption,
            const char *detail)
{
  g_autofree char *accessible = NULL;

  gtk_label_set_label (figure->value, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (figure->value), exact);
  gtk_label_set_label (figure->caption, caption);
  gtk_label_set_label (figure->detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (figure->detail), detail != NULL && *detail != '\0');
  gtk_widget_set_visible (figure->child, TRUE);

  accessible = g_strdup_printf ("%s: %s. %s", caption, exact != NULL ? exact : value, detail != NULL ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (figure->child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static LodeMoney
year_value (const LodeChartCell *cells,
            LodeChartData       *data,
            int                  year)
{
  if (data->first_year == 0 || year < data->first_year || year > data->last_year)
    return 0;

  return cells[year - data->first_year].value;
}

static gboolean
has_year (const LodeChartCell *cells,
          LodeChartData       *data,
          int                  year)
{
  return data->first_year != 0 && year >= data->first_year && year <= data->last_year &&
         cells[year - data->first_year].count > 0;
}

/* Whether the records of @year were left out for want of a rate. */
static gboolean
missing_year (LodeChartData *data,
              int            year)
{
  for (guint i = 0; i < data->missing_years->len; i++)
    if (g_array_index (data->missing_years, int, i) == year)
      return TRUE;

  return FALSE;
}

/* Exports in the latest year, and the change from the year before when
 * the two years are comparable: when every mineral of the latest year has
 * records in the year before too. A year with a fraction of the minerals
 * would make any change meaningless. */
static void
update_latest (LodeOverviewPage *self,
               LodeChartData    *data)
{
  int latest = data->last_year;
  int previous = latest - 1;
  LodeMoney value = year_value (data->years, data, latest);
  g_autofree char *text = exports_short (data, value);
  g_autofree char *exact = lode_chart_data_format_full (data, value);
  g_autofree char *caption = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *latest_name = lode_chart_data_dup_period_name (data, latest);
  g_autofree char *previous_name = lode_chart_data_dup_period_name (data, previous);
  guint n_latest = 0, n_shared = 0;

  if (data->first_year == 0 && data->n_unplaced == 0)
    {
      /* TRANSLATORS: shown in place of a figure that is not known */
      figure_set (&self->latest, C_("figure", "—"), NULL, _("Exports in the latest year"),
                  _("No export records"));
      return;
    }

  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (has_year (mineral->years, data, latest))
        {
          n_latest++;
          if (has_year (mineral->years, data, previous))
            n_shared++;
        }
    }

  /* TRANSLATORS: the caption of a figure, as in "Exports in 2025" */
  caption = g_strdup_printf (_("Exports in %s"), latest_name);

  if (data->first_year == 0)
    {
      g_clear_pointer (&caption, g_free);
      caption = g_strdup (_("Exports in the latest year"));
      g_clear_pointer (&text, g_free);
      text = g_strdup (C_("figure", "—"));
      g_clear_pointer (&exact, g_free);
      detail = g_strdup ("");
    }
  else if (!has_year (data->years, data, previous) && data->start_month == 1 && missing_year (data, previous))
    {
      /* Its records have no rate, not none: said below. */
      detail = g_strdup ("");
    }
  else if (!has_year (data->years, data, previous))
    {
      /* TRANSLATORS: the latest year has no year before it to compare with */
      detail = g_strdup_printf (_("No records of %s to compare with"), previous_name);
    }
  else if (n_shared < n_latest)
    {
      g_autofree char *before = exports_short (data, year_value (data->years, data, previous));

      /* TRANSLATORS: "Not comparable with 2024 ($0.29 M): records of only 1 of these 3 minerals" */
      detail = g_strdup_printf (g_dngettext (NULL,
                                             "Not comparable with %s (%s): records of only %u of these %u mineral",
                                             "Not comparable with %s (%s): records of only %u of these %u minerals",
                                             n_latest),
                                previous_name, before, n_shared, n_latest);
    }
  else
    {
      LodeMoney before = year_value (data->years, data, previous);
      g_autofree char *before_text = exports_short (data, before);
      g_autofree char *change = signed_percent (lode_money_to_double (value) / lode_money_to_double (before) - 1.0);

      /* TRANSLATORS: "+12.5 % from $1.1 B in 2024" */
      detail = g_strdup_printf (_("%s from %s in %s"), change, before_text, previous_name);
    }

  if (data->n_unplaced > 0)
    {
      g_autofree char *count = lode_format_count (data->n_unplaced);
      g_autofree char *unplaced = NULL;
      char *both;

      /* TRANSLATORS: below the exports of the latest fiscal year: how many
       * records of a whole calendar year no fiscal year holds */
      if (data->start_month != 1)
        unplaced = g_strdup_printf (g_dngettext (NULL,
                                                 "%s record of a whole calendar year is in no fiscal year",
                                                 "%s records of whole calendar years are in no fiscal year",
                                                 data->n_unplaced),
                                    count);
      else
        /* TRANSLATORS: below the exports of the latest calendar year: how
         * many records of a whole fiscal year no calendar year holds */
        unplaced = g_strdup_printf (g_dngettext (NULL,
                                                 "%s record of a whole fiscal year is in no calendar year",
                                                 "%s records of whole fiscal years are in no calendar year",
                                                 data->n_unplaced),
                                    count);
      both = *detail != '\0' ? g_strconcat (detail, "\n", unplaced, NULL) : g_strdup (unplaced);
      g_free (detail);
      detail = both;
    }

  /* In the currency shown, where the period's records have a rate. */
  if (self->currency != NULL && !g_str_equal (self->currency, LODE_CURRENCY_USD) &&
      self->portfolio != NULL && data->first_year != 0)
    {
      LodeExportTable *table = lode_portfolio_get_exports (self->portfolio);
      g_autoptr(LodeConverter) converter =
        lode_converter_new (G_LIST_MODEL (lode_portfolio_get_exchange_rates (self->portfolio)), self->currency,
                            lode_portfolio_get_fiscal_year_start (self->portfolio));
      g_autoptr(LodePeriodTotals) totals = lode_period_totals_new (table, data->start_month);
      g_autoptr(GArray) converted = lode_converter_period_totals (converter, table, totals, data->start_month);
      g_autofree char *missing = lode_converter_describe_missing (converter);

      for (guint i = 0; i < totals->totals->len; i++)
        {
          const LodePeriodTotal *total = &g_array_index (totals->totals, LodePeriodTotal, i);
          const LodeConvertedTotal *in_currency = &g_array_index (converted, LodeConvertedTotal, i);

          if (total->period.first_year != latest)
            continue;
          g_free (text);
          g_free (exact);
          if (in_currency->n_missing == total->count)
            {
              text = g_strdup (C_("amount", "—"));
              exact = NULL;
            }
          else
            {
              text = lode_format_ltr (lode_amount_format_short (self->currency, in_currency->amount));
              exact = lode_amount_format_full (self->currency, in_currency->amount);
            }
        }
      if (missing != NULL)
        {
          char *both = *detail != '\0' ? g_strconcat (detail, "\n", missing, NULL) : g_strdup (missing);

          g_free (detail);
          detail = both;
        }
    }

  figure_set (&self->latest, text, exact, caption, detail);
}

/* The mineral with the most exports in the latest year. */
static void
update_leading (LodeOverviewPage *self,
                LodeChartData    *data)
{
  LodeChartMineral *leading = NULL;
  LodeMoney total = year_value (data->years, data, data->last_year);
  g_autofree char *text = NULL;
  g_autofree char *share = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *latest_name = NULL;

  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (has_year (mineral->years, data, data->last_year) &&
          (leading == NULL ||
           year_value (mineral->years, data, data->last_year) > year_value (leading->years, data, data->last_year)))
        leading = mineral;
    }

  if (leading == NULL || total <= 0)
    {
      gtk_widget_set_visible (self->leading.child, FALSE);
      return;
    }

  text = exports_short (data, year_value (leading->years, data, data->last_year));
  share = lode_format_ltr (lode_chart_format_percent ((double) year_value (leading->years, data, data->last_year) / (double) total));
  /* TRANSLATORS: "$1.15 B, 90.7 % of the exports of 2025" */
  latest_name = lode_chart_data_dup_period_name (data, data->last_year);
  detail = g_strdup_printf (_("%s, %s of the exports of %s"), text, share, latest_name);
  figure_set (&self->leading, leading->name, NULL, _("Leading mineral"), detail);
}

static void
update_destination (LodeOverviewPage *self,
                    LodeChartData    *data)
{
  LodeChartDestination *top;
  g_autofree char *share = NULL;
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  if (data->destinations->len == 0 || data->total <= 0)
    {
      gtk_widget_set_visible (self->destination.child, FALSE);
      return;
    }

  top = &g_array_index (data->destinations, LodeChartDestination, 0);
  share = lode_format_ltr (lode_chart_format_percent ((double) top->total.value / (double) data->total));
  value = exports_short (data, top->total.value);
  /* TRANSLATORS: "100.0 % of all exports, $1.27 B" */
  detail = g_strdup_printf (_("%s of all exports, %s"), share, value);
  figure_set (&self->destination,
              top->code != NULL ? lode_country_name (top->code) : _("Destination not given"),
              NULL, _("Top destination"), detail);
}

/* The largest rise from the year before to the latest year, of a mineral
 * with records in both. */
static void
update_growth (LodeOverviewPage *self,
               LodeChartData    *data)
{
  LodeChartMineral *fastest = NULL;
  double best = 0;
  int latest = data->last_year;
  g_autofree char *now = NULL;
  g_autofree char *before = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *latest_name = NULL;
  g_autofree char *previous_name = NULL;

  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);
      LodeMoney a = year_value (mineral->years, data, latest - 1);
      LodeMoney b = year_value (mineral->years, data, latest);
      double ratio;

      if (!has_year (mineral->years, data, latest) || !has_year (mineral->years, data, latest - 1) || a <= 0)
        continue;

      ratio = (double) b / (double) a;
      if (ratio > best)
        {
          best = ratio;
          fastest = mineral;
        }
    }

  if (fastest == NULL || best <= 1.0)
    {
      gtk_widget_set_visible (self->growth.child, FALSE);
      return;
    }

  now = exports_short (data, year_value (fastest->years, data, latest));
  before = exports_short (data, year_value (fastest->years, data, latest - 1));
  /* TRANSLATORS: "Aluminium ores, 2025" */
  latest_name = lode_chart_data_dup_period_name (data, latest);
  previous_name = lode_chart_data_dup_period_name (data, latest - 1);
  caption = g_strdup_printf (_("%s, %s"), fastest->name, latest_name);
  /* TRANSLATORS: "Up from $0.29 M in 2024, 48.8 times as much" */
  detail = g_strdup_printf (_("Up from %s in %s, %.1f times as much"), before, previous_name, best);
  figure_set (&self->growth, now, NULL, caption, detail);
}

/* The national figure of the reserves' value of the latest year (one
 * without a year counts as the oldest), or NULL. */
static LodeNationalFigure *
latest_reserve_value (LodePortfolio *portfolio)
{
  GListModel *figures;
  LodeNationalFigure *latest = NULL;

  if (portfolio == NULL)
    return NULL;

  figures = G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio));
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(LodeNationalFigure) figure = g_list_model_get_item (figures, i);

      if (lode_national_figure_get_kind (figure) != LODE_FIGURE_KIND_RESERVE_VALUE ||
          lode_national_figure_get_value (figure) == LODE_MONEY_UNSET)
        continue;
      if (latest == NULL || lode_national_figure_get_year (figure) >= lode_national_figure_get_year (latest))
        latest = figure;   /* the list holds it */
    }

  return latest;
}

/* The value of the minerals' reserve estimates in the currency of
 * @converter, each at the rate of its year; those of no year stay in US
 * dollars, said in @notes with the years that have no rate. */
static char *
converted_reserves (LodeOverviewPage  *self,
                    LodeConverter     *converter,
                    char             **exact,
                    GString           *notes)
{
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (self->portfolio));
  LodeConvertedTotal total = { 0, };
  LodeAmountSum sum = LODE_AMOUNT_SUM_INIT;
  LodeMoney undated = 0;

  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);
      GListModel *reserves = lode_mineral_get_reserves (mineral);

      for (guint j = 0; j < g_list_model_get_n_items (reserves); j++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, j);
          LodeMoney value = lode_reserve_get_value (reserve);
          int year = lode_reserve_get_year (reserve);

          if (value == LODE_MONEY_UNSET)
            continue;
          if (year == 0)
            {
              undated += value;
              continue;
            }
          total.count++;
          if (!lode_converter_add (converter, value, year, 0, LODE_PERIOD_KIND_CALENDAR_YEAR, &sum))
            total.n_missing++;
        }
    }

  append_missing (notes, converter);
  if (undated > 0)
    {
      g_autofree char *dollars = money_short (undated);

      /* TRANSLATORS: after the reserves' value in another currency: the estimates
       * that give no year, "$1.2 B of no year, in US dollars" */
      g_string_append (notes, _(" · "));
      g_string_append_printf (notes, _("%s of no year, in US dollars"), dollars);
    }
  if (!lode_amount_sum_round (&sum, &total.amount))
    {
      *exact = NULL;
      return g_strdup (C_("amount", "—"));
    }

  return converted_short (converter, &total, exact);
}

static void
update_reserves (LodeOverviewPage *self,
                 LodeChartData    *data)
{
  g_autoptr(LodeConverter) converter = new_converter (self);
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *count = NULL;
  LodeNationalFigure *sector;
  guint n = 0;

  for (guint i = 0; i < data->minerals->len; i++)
    if (((LodeChartMineral *) g_ptr_array_index (data->minerals, i))->reserve_value > 0)
      n++;

  if (n == 0 && (sector = latest_reserve_value (self->portfolio)) != NULL)
    {
      /* No mineral's estimate has a value, but the sector's does. */
      g_autofree char *note = NULL;

      if (converter != NULL)
        text = amount_of_year (converter, lode_national_figure_get_value (sector),
                               lode_national_figure_get_year (sector), &exact, &note);
      else
        {
          text = money_short (lode_national_figure_get_value (sector));
          exact = lode_money_format_full (lode_national_figure_get_value (sector));
        }
      if (note != NULL)
        detail = g_strdup_printf (_("%s · %s"), _("The whole sector's estimate, among the national figures below"),
                                  note);
      figure_set (&self->reserves, text, exact, _("Estimated reserve value"),
                  detail != NULL ? detail : _("The whole sector's estimate, among the national figures below"));
      return;
    }
  if (n == 0)
    {
      figure_set (&self->reserves, C_("figure", "—"), NULL, _("Estimated reserve value"),
                  _("No reserve estimates with a value recorded"));
      return;
    }

  count = lode_format_count (n);
  detail = g_strdup_printf (g_dngettext (NULL, "Estimates of %s mineral", "Estimates of %s minerals", n), count);
  if (converter != NULL)
    {
      g_autoptr(GString) notes = g_string_new (detail);

      text = converted_reserves (self, converter, &exact, notes);
      figure_set (&self->reserves, text, exact, _("Estimated reserve value"), notes->str);
      return;
    }

  text = money_short (data->reserve_value);
  exact = lode_money_format_full (data->reserve_value);
  figure_set (&self->reserves, text, exact, _("Estimated reserve value"), detail);
}

static void
update_investment (LodeOverviewPage *self,
                   LodeChartData    *data)
{
  g_autoptr(LodeConverter) converter = new_converter (self);
  g_autofree char *committed = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *disbursed = NULL;
  g_autofree char *detail = NULL;

  if (data->committed <= 0 && data->disbursed <= 0)
    {
      figure_set (&self->investment, C_("figure", "—"), NULL, _("Investment committed"),
                  _("No investment recorded in the investments or the projects"));
      return;
    }

  if (converter != NULL)
    {
      LodeConvertedTotal committed_total, disbursed_total;
      LodeMoney committed_usd, disbursed_usd;
      g_autoptr(GString) notes = NULL;

      lode_portfolio_convert_investment_totals (self->portfolio, converter, &committed_total, &disbursed_total,
                                                &committed_usd, &disbursed_usd);
      committed = converted_short (converter, &committed_total, &exact);
      disbursed = converted_short (converter, &disbursed_total, NULL);
      notes = g_string_new (NULL);
      g_string_printf (notes, _("%s disbursed"), disbursed);
      append_missing (notes, converter);
      if (committed_usd > 0 || disbursed_usd > 0)
        {
          g_autofree char *c = money_short (committed_usd);
          g_autofree char *d = money_short (disbursed_usd);

          g_string_append (notes, _(" · "));
          g_string_append_printf (notes, _("%s committed and %s disbursed of no year, in US dollars"), c, d);
        }
      figure_set (&self->investment, committed, exact, _("Investment committed"), notes->str);
      return;
    }

  committed = money_short (data->committed);
  exact = lode_money_format_full (data->committed);
  disbursed = money_short (data->disbursed);
  /* TRANSLATORS: the investment paid out of what was committed */
  detail = g_strdup_printf (_("%s disbursed"), disbursed);
  figure_set (&self->investment, committed, exact, _("Investment committed"), detail);
}

static void update_national (LodeOverviewPage *self);

/* The latest year of the investments with a commitment or a
 * disbursement, and what was committed and disbursed in it. */
static void
update_investment_year (LodeOverviewPage *self,
                        LodeChartData    *data)
{
  g_autofree char *committed = NULL;
  g_autofree char *disbursed = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *total_committed = NULL;
  g_autofree char *total_disbursed = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(LodeConverter) converter = new_converter (self);
  int year = 0;

  for (int y = data->investment_last_year; data->investment_first_year != 0 && y >= data->investment_first_year; y--)
    if (lode_chart_data_get_investment (data, y, LODE_INVESTMENT_KIND_COMMITTED) > 0 ||
        lode_chart_data_get_investment (data, y, LODE_INVESTMENT_KIND_DISBURSED) > 0)
      {
        year = y;
        break;
      }

  if (year == 0)
    {
      gtk_widget_set_visible (self->investment_year.child, FALSE);
      return;
    }

  if (converter != NULL)
    {
      GListModel *events = G_LIST_MODEL (lode_portfolio_get_investments (self->portfolio));
      const guint committed_bit = LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_COMMITTED);
      const guint disbursed_bit = LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_DISBURSED);
      LodeConvertedTotal total;

      lode_investment_convert_period_total (events, converter, data->start_month, year, committed_bit, &total);
      committed = converted_short (converter, &total, &exact);
      lode_investment_convert_period_total (events, converter, data->start_month, year, disbursed_bit, &total);
      disbursed = converted_short (converter, &total, NULL);
      lode_investment_convert_total (events, converter, 0, NULL, committed_bit, &total);
      total_committed = converted_short (converter, &total, NULL);
      lode_investment_convert_total (events, converter, 0, NULL, disbursed_bit, &total);
      total_disbursed = converted_short (converter, &total, NULL);
      missing = lode_converter_describe_missing (converter);
    }
  else
    {
      committed = money_short (lode_chart_data_get_investment (data, year, LODE_INVESTMENT_KIND_COMMITTED));
      disbursed = money_short (lode_chart_data_get_investment (data, year, LODE_INVESTMENT_KIND_DISBURSED));
      exact = lode_money_format_full (lode_chart_data_get_investment (data, year, LODE_INVESTMENT_KIND_COMMITTED));
      total_committed = money_short (data->investment_kinds[LODE_INVESTMENT_KIND_COMMITTED]);
      total_disbursed = money_short (data->investment_kinds[LODE_INVESTMENT_KIND_DISBURSED]);
    }
  if (data->start_month == 1)
    /* TRANSLATORS: the caption of the investment committed in the latest year, "Committed in 2025" */
    caption = g_strdup_printf (_("Committed in %d"), year);
  else
    {
      g_autofree char *period = lode_chart_data_dup_period_name (data, year);

      /* TRANSLATORS: the caption of the investment committed in the latest fiscal year, "Committed in FY2024-25" */
      caption = g_strdup_printf (_("Committed in %s"), period);
    }
  /* TRANSLATORS: below the investment committed in the latest year:
   * "$0.2 B disbursed in the year; in all years $1.5 B committed, $0.3 B disbursed" */
  detail = g_strdup_printf (_("%s disbursed in the year; in all years %s committed, %s disbursed"),
                            disbursed, total_committed, total_disbursed);
  if (missing != NULL)
    {
      g_autofree char *sentence = g_steal_pointer (&detail);

      detail = g_strdup_printf (_("%s · %s"), sentence, missing);
    }
  figure_set (&self->investment_year, committed, exact, caption, detail);
}

/* The investor country with the most committed, net of withdrawals: an
 * announcement is not yet money, and adding the steps of one deal up
 * would count it more than once. */
static void
update_investor (LodeOverviewPage *self,
                 LodeChartData    *data)
{
  const LodeChartInvestor *leading = NULL;
  g_autoptr(LodeConverter) converter = NULL;
  LodeMoney all = 0;
  g_autofree char *money = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *share = NULL;
  g_autofree char *detail = NULL;
  const char *name;

  for (guint i = 0; i < data->investors->len; i++)
    {
      const LodeChartInvestor *investor = &g_array_index (data->investors, LodeChartInvestor, i);

      all += investor->kinds[LODE_INVESTMENT_KIND_COMMITTED];
      if (investor->country != NULL &&
          (leading == NULL ||
           investor->kinds[LODE_INVESTMENT_KIND_COMMITTED] > leading->kinds[LODE_INVESTMENT_KIND_COMMITTED]))
        leading = investor;
    }

  if (leading == NULL || leading->kinds[LODE_INVESTMENT_KIND_COMMITTED] <= 0)
    {
      gtk_widget_set_visible (self->investor.child, FALSE);
      return;
    }

  name = lode_country_lookup (leading->country);
  if ((converter = new_converter (self)) != NULL)
    {
      LodeConvertedTotal total;

      lode_investment_convert_total (G_LIST_MODEL (lode_portfolio_get_investments (self->portfolio)), converter,
                                     0, leading->country,
                                     LODE_INVESTMENT_KIND_BIT (LODE_INVESTMENT_KIND_COMMITTED), &total);
      money = converted_short (converter, &total, &exact);
    }
  else
    {
      money = money_short (leading->kinds[LODE_INVESTMENT_KIND_COMMITTED]);
      exact = lode_money_format_full (leading->kinds[LODE_INVESTMENT_KIND_COMMITTED]);
    }
  share = lode_format_ltr (lode_chart_format_percent (lode_money_to_double (leading->kinds[LODE_INVESTMENT_KIND_COMMITTED]) /
                                                      lode_money_to_double (all)));
  /* TRANSLATORS: below the leading investor country: "$2 B committed, 64.0 % of all commitments" */
  detail = g_strdup_printf (_("%s committed, %s of all commitments"), money, share);
  figure_set (&self->investor, name != NULL ? name : leading->country, exact, _("Leading investor country"), detail);
}

/* The share of its production the mineral of the largest exports sent
 * abroad, in the latest year that both figures can tell: its exports all
 * give a quantity, and production has a figure that year. */
static void
update_exported (LodeOverviewPage *self,
                 LodeChartData    *data)
{
  for (guint i = 0; i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (!lode_chart_mineral_exports_quantities (mineral))
        continue;

      for (int year = mineral->production_last_year; year >= mineral->production_first_year; year--)
        {
          g_autofree char *share = NULL;
          g_autofree char *exported_text = NULL;
          g_autofree char *produced_text = NULL;
          g_autofree char *caption = NULL;
          g_autofree char *detail = NULL;
          double exported, produced;

          if (!lode_chart_mineral_get_exported (data, mineral, year, &exported, &produced))
            continue;

          share = lode_format_ltr (lode_chart_format_percent (exported / produced));
          exported_text = lode_format_ltr (lode_format_quantity (exported, mineral->production_unit));
          produced_text = lode_format_ltr (lode_format_quantity (produced, mineral->production_unit));
          /* TRANSLATORS: a card of the Overview: "Copper production exported, 2024" */
          caption = g_strdup_printf (_("%s production exported, %d"), mineral->name, year);
          /* TRANSLATORS: below the share of production exported: "0.6 kt of 1.2 kt produced" */
          detail = g_strdup_printf (_("%s of %s produced"), exported_text, produced_text);
          figure_set (&self->exported, share, NULL, caption, detail);
          return;
        }
    }

  gtk_widget_set_visible (self->exported.child, FALSE);
}

/* Targets */

/* A figure of a target: in @currency (NULL for dollars) where its year
 * had a rate, else in dollars. */
static char *
target_money (const char *currency,
              gboolean    converted,
              LodeAmount  amount,
              LodeMoney   cents)
{
  if (currency != NULL && converted)
    return lode_format_ltr (lode_amount_format_short (currency, amount));

  return money_short (cents);
}

static char *
describe_status (LodeChartTarget *target,
                 const char      *currency,
                 const char     **badge,
                 const char     **style)
{
  gboolean in_currency = currency != NULL && target->in_currency;
  g_autofree char *base = target_money (currency, target->baseline_converted,
                                        target->baseline_amount, target->baseline_value);
  g_autofree char *recorded = target_money (currency, target->records_converted,
                                            target->recorded_baseline_amount, target->recorded_baseline);
  g_autofree char *achieved = lode_format_ltr (lode_chart_format_percent (in_currency ? target->currency_achieved
                                                                                      : target->achieved));

  *style = "dim-label";

  /* A target on investment is measured by what its events reached. */
  if (target->investment)
    {
      g_autofree char *reached = money_short (target->reached);
      g_autofree char *goal = money_short (target->low);

      if (target->low > 0 && target->reached >= target->low)
        {
          *badge = _("Reached");
          *style = "success";
        }
      else
        {
          *badge = _("Under way");
        }

      if (target->low <= 0)
        /* TRANSLATORS: what a target on investment has reached, "$3.5 B of $0" */
        return g_strdup_printf (_("%s of %s"), reached, goal);

      {
        g_autofree char *share = lode_format_ltr (lode_chart_format_percent (lode_money_to_double (target->reached) /
                                                                             lode_money_to_double (target->low)));

        /* TRANSLATORS: what a target on investment has reached, "$3.5 B of $10 B, 35.0 %" */
        return g_strdup_printf (_("%s of %s, %s"), reached, goal, share);
      }
    }

  switch (in_currency ? target->currency_status : target->status)
    {
    case LODE_GROWTH_NO_REQUIREMENT:
      *badge = _("Not measured");
      return g_strdup (_("The target gives no baseline or target value to grow between"));

    case LODE_GROWTH_NOT_MEASURABLE:
      *badge = _("Not measured");
      return g_strdup (_("Only export targets are measured against the records"));

    case LODE_GROWTH_NO_LATER_YEAR:
      *badge = _("Not measured yet");
      /* TRANSLATORS: "No records after 2025 yet; 2025 has $1.27 B of the $2 B baseline" */
      return g_strdup_printf (_("No records after %d yet; %d has %s of the %s baseline"),
                              target->baseline_year, target->baseline_year, recorded, base);

    case LODE_GROWTH_BASELINE_UNCOVERED:
      *badge = _("Not measured");
      /* TRANSLATORS: "Records of 2024 ($0.29 M) cover too little of the $3 B baseline to measure growth" */
      return g_strdup_printf (_("Records of %d (%s) cover too little of the %s baseline to measure growth"),
                              target->baseline_year, recorded, base);

    case LODE_GROWTH_ON_TRACK:
      *badge = _("On track");
      *style = "success";
      /* TRANSLATORS: "Recorded growth 30.1 % a year since 2025" */
      return g_strdup_printf (_("Recorded growth %s a year since %d"), achieved, target->baseline_year);

    case LODE_GROWTH_BEHIND:
    default:
      {
        g_autofree char *shortfall = g_strdup_printf ("%.1f", (in_currency ? target->currency_shortfall
                                                                           : target->shortfall) * 100.0);

        *badge = _("Behind");
        *style = "warning";
        /* TRANSLATORS: "Recorded growth 5.0 % a year since 2020: behind by 19.6 points a year" */
        return g_strdup_printf (_("Recorded growth %s a year since %d: behind by %s points a year"),
                                achieved, target->baseline_year, shortfall);
      }
    }
}

/* What in a target's figures is not in @currency, or NULL. */
static char *
describe_target_currency (LodeChartTarget *target,
                          const char      *currency)
{
  g_autofree char *no_rate = NULL;
  const char *in_dollars = NULL;

  if (currency == NULL)
    return NULL;

  if (target->investment)
    return g_strdup (_("In US dollars, as investment targets are measured"));

  if (target->target_year > 0 && !target->target_converted)
    /* TRANSLATORS: the first %s is a currency code (PKR), %d a year. */
    no_rate = g_strdup_printf (_("No %s rate for %d"), currency, target->target_year);

  if (!target->in_currency && target->status != LODE_GROWTH_NO_REQUIREMENT &&
      target->status != LODE_GROWTH_NOT_MEASURABLE)
    /* TRANSLATORS: after a year without a rate: "No PKR rate for 2030; growth computed in US dollars" */
    in_dollars = _("growth computed in US dollars");

  if (no_rate != NULL && in_dollars != NULL)
    /* TRANSLATORS: "No PKR rate for 2030; growth computed in US dollars" */
    return g_strdup_printf (_("%s; %s"), no_rate, in_dollars);

  if (no_rate != NULL)
    return g_steal_pointer (&no_rate);

  if (in_dollars != NULL)
    return g_strdup (_("Growth computed in US dollars"));

  return NULL;
}

static GtkWidget *
target_row_new (LodeChartTarget *target,
                const char      *currency)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge_label;
  gboolean in_currency = currency != NULL && target->in_currency;
  g_autofree char *goal = NULL;
  g_autofree char *title = NULL;
  g_autofree char *need = NULL;
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = describe_target_currency (target, currency);
  g_autofree char *low = target_money (currency, target->target_converted, target->low_amount, target->low);
  g_autofree char *high = target_money (currency, target->target_converted, target->high_amount, target->high);
  const char *badge;
  const char *style;

  goal = target->high != target->low ? g_strdup_printf ("%s–%s", low, high) : g_strdup (low);
  if (target->target_year > 0)
    /* TRANSLATORS: a target: "Mineral exports: $6 B–$8 B by 2030" */
    title = g_strdup_printf (_("%s: %s by %d"), target->title, goal, target->target_year);
  else
    /* TRANSLATORS: a target without a deadline: "Mineral investment: $10 B" */
    title = g_strdup_printf (_("%s: %s"), target->title, goal);

  if (target->has_required)
    {
      g_autofree char *rate_low = lode_format_ltr (lode_chart_format_percent (in_currency
                                                                              ? target->currency_required_low
                                                                              : target->required_low));
      g_autofree char *rate_high = lode_format_ltr (lode_chart_format_percent (in_currency
                                                                               ? target->currency_required_high
                                                                               : target->required_high));
      g_autofree char *base = target_money (currency, target->baseline_converted,
                                            target->baseline_amount, target->baseline_value);
      g_autofree char *rate = target->high != target->low ?
                              g_strdup_printf ("%s–%s", rate_low, rate_high) : g_strdup (rate_low);
      /* The gap in the currency only when both its ends are. */
      gboolean gap_converted = currency != NULL && target->baseline_converted && target->target_converted;
      LodeMoney gap_low = gap_converted ? target->low_amount - target->baseline_amount
                                        : target->low - target->baseline_value;
      LodeMoney gap_high = gap_converted ? target->high_amount - target->baseline_amount
                                         : target->high - target->baseline_value;
      g_autofree char *gap_low_text = target_money (currency, gap_converted, MAX (gap_low, 0), MAX (gap_low, 0));
      g_autofree char *gap_high_text = target_money (currency, gap_converted, MAX (gap_high, 0), MAX (gap_high, 0));
      g_autofree char *gap = gap_high != gap_low ?
                             g_strdup_printf ("%s–%s", gap_low_text, gap_high_text) : g_strdup (gap_low_text);

      /* TRANSLATORS: "Needs 24.6 %–32.0 % a year from $2 B in 2025: $4 B–$6 B more in 5 years" */
      need = g_strdup_printf (g_dngettext (NULL,
                                           "Needs %s a year from %s in %d: %s more in %d year",
                                           "Needs %s a year from %s in %d: %s more in %d years",
                                           target->target_year - target->baseline_year),
                              rate, base, target->baseline_year, gap,
                              target->target_year - target->baseline_year);
    }

  status = describe_status (target, currency, &badge, &style);
  subtitle = need != NULL ? g_strdup_printf ("%s\n%s", need, status) : g_strdup (status);
  if (note != NULL)
    {
      char *with_note = g_strdup_printf ("%s\n%s", subtitle, note);

      g_free (subtitle);
      subtitle = with_note;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  badge_label = gtk_label_new (badge);
  gtk_widget_add_css_class (badge_label, style);
  gtk_widget_add_css_class (badge_label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_label);

  return row;
}

static void
update_targets (LodeOverviewPage *self,
                LodeChartData    *data)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_list))) != NULL)
    gtk_list_box_remove (self->targets_list, child);

  for (guint i = 0; i < data->targets->len; i++)
    gtk_list_box_append (self->targets_list, target_row_new (g_ptr_array_index (data->targets, i), data->currency));

  /* Each figure in the currency where its year has a rate; a row says
   * what stays in dollars. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->targets_group),
                                         _("The growth each target needs a year, against the growth recorded"));

  gtk_widget_set_visible (self->targets_group, data->targets->len > 0);
}

/* Charts */

/* Opens the Exports page on the records of the item: its mineral,
 * destination, stage and year, as far as it has them. */
static void
chart_item_activated (LodeChartView    *view,
                      guint             index,
                      LodeOverviewPage *self)
{
  LodeChart *chart = lode_chart_view_get_chart (view);
  const LodeChartItem *item;
  GVariantDict filter;

  if (chart == NULL || index >= lode_chart_get_n_items (chart))
    return;

  /* Investments are listed on a page of their own. */
  if (is_investment_chart (lode_chart_get_kind (chart)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "investments");
      return;
    }

  item = lode_chart_get_item (chart, index);
  g_variant_dict_init (&filter, NULL);
  if (item->mineral != NULL)
    g_variant_dict_insert (&filter, "mineral", "s", item->mineral);
  if (item->destination != NULL)
    g_variant_dict_insert (&filter, "destination", "s", item->destination);
  if (item->stage != LODE_STAGE_UNKNOWN)
    g_variant_dict_insert (&filter, "stage", "s", lode_enum_to_nick (LODE_TYPE_STAGE, item->stage));
  /* A fiscal year is no calendar year to filter by; its months are. */
  if (item->year != 0 && (item->month != 0 || lode_chart_get_data (chart)->start_month == 1))
    g_variant_dict_insert (&filter, "year", "i", item->year);

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.show-exports",
                                      g_variant_dict_end (&filter));
}

static GtkWidget *
chart_card_new (LodeOverviewPage  *self,
                LodeChartView    **view)
{
  GtkWidget *card = adw_bin_new ();

  *view = LODE_CHART_VIEW (lode_chart_view_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (*view), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (*view), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (*view), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (*view), 6);
  g_signal_connect_object (*view, "item-activated", G_CALLBACK (chart_item_activated), self, 0);
  adw_bin_set_child (ADW_BIN (card), GTK_WIDGET (*view));
  gtk_widget_add_css_class (card, "card");

  return card;
}

/* Grows or shrinks @views, chart views in cards, to @n, the first after
 * the card of @after. */
static void
resize_views (LodeOverviewPage *self,
              GPtrArray        *views,
              guint             n,
              GtkWidget        *after)
{
  while (views->len > n)
    {
      GtkWidget *view = g_ptr_array_steal_index (views, views->len - 1);

      gtk_box_remove (self->charts_box, gtk_widget_get_parent (view));
    }
  while (views->len < n)
    {
      GtkWidget *previous = views->len > 0 ? g_ptr_array_index (views, views->len - 1) : after;
      LodeChartView *view;
      GtkWidget *card = chart_card_new (self, &view);

      gtk_box_insert_child_after (self->charts_box, card, gtk_widget_get_parent (previous));
      g_ptr_array_add (views, view);
    }
}

static void
update_charts (LodeOverviewPage *self,
               LodeChartData    *data)
{
  g_autoptr(GPtrArray) production = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (chart_order); i++)
    {
      g_autoptr(LodeChart) chart = data != NULL ? lode_chart_new (chart_order[i], data) : NULL;

      lode_chart_view_set_chart (self->views[chart_order[i]], chart);
    }

  /* A chart with nothing to draw would only say so: the headline figures
   * already do. */
  for (guint i = 0; i < G_N_ELEMENTS (chart_order); i++)
    {
      gboolean has_data = data != NULL &&
                          (chart_order[i] == LODE_CHART_RESERVES ? data->reserve_value > 0 :
                           is_investment_chart (chart_order[i]) ? data->investors->len > 0 :
                           data->n_records > 0);

      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->views[chart_order[i]])), has_data);
    }
  /* A chart a target, after the exports over time. */
  resize_views (self, self->target_views, data != NULL ? data->targets->len : 0,
                GTK_WIDGET (self->views[LODE_CHART_EXPORTS_OVER_TIME]));
  for (guint i = 0; data != NULL && i < data->targets->len; i++)
    {
      g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_TARGET_PROGRESS, data);

      lode_chart_set_target (chart, i);
      lode_chart_view_set_chart (g_ptr_array_index (self->target_views, i), chart);
    }

  /* A chart a mineral with production and exports, at the end. */
  for (guint i = 0; data != NULL && i < data->minerals->len; i++)
    {
      LodeChartMineral *mineral = g_ptr_array_index (data->minerals, i);

      if (lode_chart_mineral_has_production_and_exports (mineral))
        g_ptr_array_add (production, (gpointer) mineral->id);
    }
  resize_views (self, self->production_views, production->len,
                GTK_WIDGET (self->views[chart_order[G_N_ELEMENTS (chart_order) - 1]]));
  for (guint i = 0; i < production->len; i++)
    {
      g_autoptr(LodeChart) chart = lode_chart_new (LODE_CHART_PRODUCTION_AND_EXPORTS, data);

      lode_chart_set_mineral (chart, g_ptr_array_index (production, i));
      lode_chart_view_set_chart (g_ptr_array_index (self->production_views, i), chart);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box),
                          data != NULL &&
                          (data->n_records > 0 || data->reserve_value > 0 || data->targets->len > 0 ||
                           data->investors->len > 0 || production->len > 0));
}

#define PREPARED_DATA "lode-overview-prepared-data"

void
lode_overview_page_prepare (LodePortfolio *portfolio)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (portfolio));

  g_object_set_data_full (G_OBJECT (portfolio), PREPARED_DATA,
                          lode_chart_data_new (portfolio),
                          (GDestroyNotify) lode_chart_data_unref);
}

/* Below this many records the figures are aggregated at once, on the
 * main thread, in a few milliseconds; above, in a worker (a million
 * records take about 80 ms). */
#define AGGREGATE_IN_WORKER 65536

static gboolean
update_charts_cb (gpointer user_data)
{
  LodeOverviewPage *self = user_data;

  self->charts_id = 0;
  update_charts (self, self->data);

  return G_SOURCE_REMOVE;
}

/* The figures at once; the charts of a large portfolio (about 10 ms for
 * a million records) in the next idle call, apart from them. */
static void
show_data (LodeOverviewPage *self,
           LodeChartData    *data)
{
  g_clear_pointer (&self->data, lode_chart_data_unref);
  self->data = data;
  update_latest (self, self->data);
  update_leading (self, self->data);
  update_destination (self, self->data);
  update_growth (self, self->data);
  update_reserves (self, self->data);
  update_investment (self, self->data);
  update_investment_year (self, self->data);
  update_national (self);
  update_investor (self, self->data);
  update_exported (self, self->data);
  update_targets (self, self->data);

  g_clear_handle_id (&self->charts_id, g_source_remove);
  if (data->n_records >= AGGREGATE_IN_WORKER)
    /* Apart from the other idle work of a new portfolio, which GLib would
     * run in the same iteration at the same priority. */
    self->charts_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 30, update_charts_cb,
                                       self, NULL);
  else
    update_charts (self, self->data);
}

static void
chart_data_new_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LodeOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  LodeChartData *data = lode_chart_data_new_finish (result, &error);

  /* A later change or another portfolio started another aggregation. */
  if (data == NULL || g_task_get_cancellable (G_TASK (result)) != self->aggregating)
    {
      g_clear_pointer (&data, lode_chart_data_unref);
      return;
    }

  g_clear_object (&self->aggregating);
  show_data (self, data);
}

/* Whether the page waits until it is shown to show its portfolio. The
 * window's stack measures every page, shown or not: new figures, lists
 * and charts on a page off screen would cost the main thread their text's
 * layout (tens of milliseconds for a large portfolio) in the same frame
 * as the page shown takes the portfolio. Small portfolios show at once. */
static gboolean
should_wait (LodeOverviewPage *self)
{
  return self->portfolio != NULL
         && !gtk_widget_get_mapped (GTK_WIDGET (self))
         && lode_export_table_get_n_rows (lode_portfolio_get_exports (self->portfolio))
            >= AGGREGATE_IN_WORKER;
}

/* Aggregates the portfolio once and shows it: figures aggregated while it
 * loaded, or now, or in a worker for a large table, the page showing the
 * figures it has until then. */
static void
refresh (LodeOverviewPage *self)
{
  g_autoptr(LodeConverter) converter = NULL;
  LodeChartData *data;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->aggregating != NULL)
    {
      g_cancellable_cancel (self->aggregating);
      g_clear_object (&self->aggregating);
    }

  if (should_wait (self))
    {
      self->waiting = TRUE;
      return;
    }

  if (self->portfolio == NULL)
    {
      g_clear_handle_id (&self->charts_id, g_source_remove);
      g_clear_pointer (&self->data, lode_chart_data_unref);
      update_charts (self, NULL);
      return;
    }

  /* The exports in the currency shown, where their records have a rate. */
  if (self->currency != NULL && !g_str_equal (self->currency, LODE_CURRENCY_USD))
    converter = lode_converter_new (G_LIST_MODEL (lode_portfolio_get_exchange_rates (self->portfolio)),
                                    self->currency, lode_portfolio_get_fiscal_year_start (self->portfolio));

  /* Figures aggregated while the portfolio loaded hold until it changes. */
  data = g_object_steal_data (G_OBJECT (self->portfolio), PREPARED_DATA);
  if (data != NULL && (data->start_month != self->start_month || converter != NULL))
    g_clear_pointer (&data, lode_chart_data_unref);
  if (data == NULL &&
      lode_export_table_get_n_rows (lode_portfolio_get_exports (self->portfolio)) >= AGGREGATE_IN_WORKER)
    {
      self->aggregating = g_cancellable_new ();
      lode_chart_data_new_converted_async (self->portfolio, self->start_month, converter, self->aggregating,
                                           chart_data_new_cb, g_object_ref (self));
      return;
    }

  if (data == NULL)
    data = lode_chart_data_new_converted (self->portfolio, self->start_month, converter);
  show_data (self, data);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  LodeOverviewPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Edits come in bursts: aggregate once they settle. */
static void
queue_refresh (LodeOverviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (200, refresh_timeout, self);
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
  gtk_widget_set_visible (self->about_box, description != NULL && *description != '\0');
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
national_list_row_activated_cb (LodeOverviewPage *self,
                                GtkListBoxRow    *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "national.edit", "u", (guint32) gtk_list_box_row_get_index (row));
}

static GtkWidget *
create_national_row (gpointer item,
                     gpointer user_data)
{
  LodeNationalFigure *figure = item;
  LodeOverviewPage *self = user_data;
  LodeMoney value = lode_national_figure_get_value (figure);
  double change = lode_national_figure_get_change (figure);
  const char *note = lode_national_figure_get_note (figure);
  const char *source_id = lode_national_figure_get_source (figure);
  LodeSource *source = source_id != NULL && self->portfolio != NULL ?
                       lode_portfolio_find_source (self->portfolio, source_id) : NULL;
  g_autofree char *title = lode_national_figure_editor_describe (figure);
  g_autofree char *duplicate_label = NULL;
  g_autofree char *delete_label = NULL;
  g_autoptr(LodeConverter) converter = new_converter (self);
  g_autofree char *exact = NULL;
  g_autofree char *why = NULL;
  g_autofree char *money = converter != NULL && value >= 0
                           ? amount_of_year (converter, value, lode_national_figure_get_year (figure), &exact, &why)
                           : money_short (value);
  g_autofree char *shown = NULL;
  GtkWidget *row = lode_item_row_new (title, note, source);
  GtkWidget *label;

  /* Why the figure is not in the currency shown. */
  if (why != NULL)
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_autofree char *longer = subtitle != NULL && *subtitle != '\0'
                                /* TRANSLATORS: between a figure's note or source and why it is in US dollars */
                                ? g_strconcat (subtitle, _(" · "), why, NULL)
                                : g_strdup (why);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), longer);
    }

  if (change != LODE_CHANGE_UNSET)
    {
      g_autofree char *percent = signed_percent (change);

      /* TRANSLATORS: a figure and its change on the year before, "$23.1 B (+11.1 %)" */
      shown = g_strdup_printf (_("%s (%s)"), money, percent);
    }
  if (exact == NULL)
    exact = lode_money_format_full (value);
  label = gtk_label_new (shown != NULL ? shown : money);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (label, exact);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  /* Enter or a click edits the figure; the buttons duplicate and delete
   * it, each one step of the history. The figure is found by the row's
   * place when it is asked for, which follows the list at once. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* TRANSLATORS: a button's tooltip, as in "Duplicate Mineral exports, 2024" */
  duplicate_label = g_strdup_printf (_("Duplicate %s"), title);
  lode_item_row_add_button (row, "edit-copy-symbolic", duplicate_label, "national.duplicate");

  /* TRANSLATORS: a button's tooltip, as in "Delete Mineral exports, 2024" */
  delete_label = g_strdup_printf (_("Delete %s"), title);
  lode_item_row_add_button (row, NULL, delete_label, "national.delete");

  return row;
}

static LodeNationalFigure *
national_figure_at (LodeOverviewPage *self,
                    GVariant         *parameter)
{
  return lode_item_row_get_item (self->portfolio != NULL ?
                                 G_LIST_MODEL (lode_portfolio_get_national_figures (self->portfolio)) : NULL,
                                 parameter);
}

static void
national_add_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (widget);

  if (self->portfolio != NULL)
    lode_list_page_present_editor (widget, GTK_WINDOW (lode_national_figure_editor_new (self->portfolio, NULL)));
}

static void
national_edit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (widget);
  LodeNationalFigure *figure = national_figure_at (self, parameter);

  if (figure != NULL)
    lode_list_page_present_editor (widget, GTK_WINDOW (lode_national_figure_editor_new (self->portfolio, figure)));
}

static void
national_duplicate_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (widget);
  LodeNationalFigure *figure = national_figure_at (self, parameter);
  g_autoptr(LodeNationalFigure) copy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (figure == NULL)
    return;

  copy = lode_national_figure_copy (figure);
  name = lode_national_figure_editor_describe (figure);
  /* TRANSLATORS: an undoable change, as in "Duplicate Mineral exports, 2024" */
  label = g_strdup_printf (_("Duplicate %s"), name);
  lode_history_insert_item (lode_portfolio_get_history (self->portfolio), label,
                            lode_portfolio_get_national_figures (self->portfolio),
                            g_variant_get_uint32 (parameter) + 1, G_OBJECT (copy));
}

static void
national_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (widget);
  LodeNationalFigure *figure = national_figure_at (self, parameter);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *toast = NULL;

  if (figure == NULL)
    return;

  name = lode_national_figure_editor_describe (figure);
  /* TRANSLATORS: an undoable change, as in "Delete Mineral exports, 2024" */
  label = g_strdup_printf (_("Delete %s"), name);
  /* TRANSLATORS: a toast, as in "Deleted Mineral exports, 2024" */
  toast = g_strdup_printf (_("Deleted %s"), name);
  lode_history_remove_item (lode_portfolio_get_history (self->portfolio), label,
                            lode_portfolio_get_national_figures (self->portfolio),
                            g_variant_get_uint32 (parameter));
  lode_list_toast_deleted (widget, toast);
}

static void
update_national (LodeOverviewPage *self)
{
  GListModel *figures = self->portfolio != NULL ?
                        G_LIST_MODEL (lode_portfolio_get_national_figures (self->portfolio)) : NULL;

  /* Made anew: an undo changes a figure without changing the list. */
  gtk_list_box_bind_model (self->national_list, figures, create_national_row, self, NULL);
  gtk_widget_set_visible (self->national_group, figures != NULL);
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

/* The lists whose changes change the figures. */
static GListModel *
watched_model (LodePortfolio *portfolio,
               guint          index)
{
  switch (index)
    {
    case 0:
      return G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
    case 1:
      return G_LIST_MODEL (lode_portfolio_get_exports (portfolio));
    case 2:
      return G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
    case 3:
      return G_LIST_MODEL (lode_portfolio_get_targets (portfolio));
    case 4:
      return G_LIST_MODEL (lode_portfolio_get_investments (portfolio));
    default:
      return NULL;
    }
}

/* Points every group at @portfolio (NULL to let go of the last one). */
static void
retarget (LodeOverviewPage *self,
          LodePortfolio    *portfolio)
{
  g_binding_group_set_source (self->texts, portfolio);
  g_signal_group_set_target (self->portfolio_signals, portfolio);
  g_signal_group_set_target (self->sources_signals,
                             portfolio != NULL ? lode_portfolio_get_sources (portfolio) : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->model_signals); i++)
    g_signal_group_set_target (self->model_signals[i],
                               portfolio != NULL ? watched_model (portfolio, i) : NULL);
  g_signal_group_set_target (self->history_signals,
                             portfolio != NULL ? lode_portfolio_get_history (portfolio) : NULL);
}

static void
lode_overview_page_map (GtkWidget *widget)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (lode_overview_page_parent_class)->map (widget);

  /* Before the frame that draws the page lays it out. */
  if (self->waiting)
    show_portfolio (self);
}

static void
lode_overview_page_dispose (GObject *object)
{
  LodeOverviewPage *self = LODE_OVERVIEW_PAGE (object);

  if (self->texts != NULL)
    retarget (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->charts_id, g_source_remove);
  g_clear_pointer (&self->currency, g_free);
  g_cancellable_cancel (self->aggregating);
  g_clear_object (&self->aggregating);

  /* The bin's child goes first, so the template does not unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->portfolio);
  g_clear_pointer (&self->data, lode_chart_data_unref);
  g_clear_pointer (&self->target_views, g_ptr_array_unref);
  g_clear_pointer (&self->production_views, g_ptr_array_unref);
  g_clear_object (&self->texts);
  g_clear_object (&self->portfolio_signals);
  g_clear_object (&self->sources_signals);
  for (guint i = 0; i < G_N_ELEMENTS (self->model_signals); i++)
    g_clear_object (&self->model_signals[i]);
  g_clear_object (&self->history_signals);

  G_OBJECT_CLASS (lode_overview_page_parent_class)->dispose (object);
}

static void
lode_overview_page_class_init (LodeOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_overview_page_dispose;
  widget_class->map = lode_overview_page_map;

  properties[PROP_PORTFOLIO] =
    lode_portfolio_property_install (object_class, PROP_PORTFOLIO,
                                     (LodePortfolioGetter) lode_overview_page_get_portfolio,
                                     (LodePortfolioSetter) lode_overview_page_set_portfolio);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, about_box);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, figures);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, national_group);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, national_list);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, targets_group);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, targets_list);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, LodeOverviewPage, sources_list);

  gtk_widget_class_install_action (widget_class, "national.add", NULL, national_add_action);
  gtk_widget_class_install_action (widget_class, "national.edit", "u", national_edit_action);
  gtk_widget_class_install_action (widget_class, "national.duplicate", "u", national_duplicate_action);
  gtk_widget_class_install_action (widget_class, "national.delete", "u", national_delete_action);
}

static void
lode_overview_page_init (LodeOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->start_month = 1;

  figure_init (&self->latest, self->figures);
  figure_init (&self->leading, self->figures);
  figure_init (&self->destination, self->figures);
  figure_init (&self->growth, self->figures);
  figure_init (&self->reserves, self->figures);
  figure_init (&self->investment, self->figures);
  figure_init (&self->investment_year, self->figures);
  figure_init (&self->investor, self->figures);
  figure_init (&self->exported, self->figures);

  {
    GtkWidget *placeholder = gtk_label_new (_("No national figures yet: add the reserve value, the exports of a year "
                                              "or a plan's target as a source gives it"));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_list_box_set_placeholder (self->national_list, placeholder);
    g_signal_connect_object (self->national_list, "row-activated",
                             G_CALLBACK (national_list_row_activated_cb), self, G_CONNECT_SWAPPED);
  }

  self->target_views = g_ptr_array_new ();
  self->production_views = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (chart_order); i++)
    gtk_box_append (self->charts_box, chart_card_new (self, &self->views[chart_order[i]]));

  self->texts = g_binding_group_new ();
  g_binding_group_bind (self->texts, "title", self->title_label, "label", G_BINDING_DEFAULT);
  g_binding_group_bind (self->texts, "description", self->description_label, "label",
                        G_BINDING_DEFAULT);

  /* The labels follow the texts through the bindings; whether there is a
   * description to show is decided here. */
  self->portfolio_signals = g_signal_group_new (LODE_TYPE_PORTFOLIO);
  g_signal_group_connect_swapped (self->portfolio_signals, "notify::description",
                                  G_CALLBACK (update_texts), self);

  self->sources_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->sources_signals, "items-changed",
                                  G_CALLBACK (update_sources), self);

  for (guint i = 0; i < G_N_ELEMENTS (self->model_signals); i++)
    {
      self->model_signals[i] = g_signal_group_new (G_TYPE_LIST_MODEL);
      g_signal_group_connect_swapped (self->model_signals[i], "items-changed",
                                      G_CALLBACK (queue_refresh), self);
    }

  /* Edits inside an item (a mineral renamed, a target moved) change no
   * list, but every edit is a step of the history. */
  self->history_signals = g_signal_group_new (LODE_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::undo-label",
                                  G_CALLBACK (queue_refresh), self);
}

/* Binds the page to its portfolio's lists and shows its figures. */
static void
show_portfolio (LodeOverviewPage *self)
{
  self->waiting = FALSE;
  gtk_list_box_bind_model (self->sources_list,
                           self->portfolio != NULL ?
                           G_LIST_MODEL (lode_portfolio_get_sources (self->portfolio)) :
                           NULL,
                           create_source_row, NULL, NULL);

  update_texts (self);
  update_sources (self);
  refresh (self);
}

LodePortfolio *
lode_overview_page_get_portfolio (LodeOverviewPage *self)
{
  g_return_val_if_fail (LODE_IS_OVERVIEW_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_overview_page_set_start_month (LodeOverviewPage *self,
                                    int               start_month)
{
  g_return_if_fail (LODE_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (start_month >= 1 && start_month <= 12);

  if (self->start_month == start_month)
    return;

  self->start_month = start_month;
  if (self->portfolio != NULL)
    refresh (self);
}

void
lode_overview_page_set_currency (LodeOverviewPage *self,
                                 const char       *currency)
{
  g_return_if_fail (LODE_IS_OVERVIEW_PAGE (self));

  /* The same currency again may come with other rates: only dollars
   * stay as they are. */
  if (g_strcmp0 (self->currency, currency) == 0 &&
      (currency == NULL || g_str_equal (currency, LODE_CURRENCY_USD)))
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  /* Every figure of the exports and every chart, aggregated again. */
  if (self->data != NULL || self->aggregating != NULL)
    refresh (self);
}

int
lode_overview_page_get_start_month (LodeOverviewPage *self)
{
  g_return_val_if_fail (LODE_IS_OVERVIEW_PAGE (self), 1);

  return self->start_month;
}

void
lode_overview_page_set_portfolio (LodeOverviewPage *self,
                                  LodePortfolio    *portfolio)
{
  g_return_if_fail (LODE_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (self->portfolio == portfolio)
    return;

  g_set_object (&self->portfolio, portfolio);
  retarget (self, portfolio);

  if (should_wait (self))
    {
      /* The last portfolio's figures stay until the page is shown; its
       * sources go, so that nothing holds on to them. */
      gtk_list_box_bind_model (self->sources_list, NULL, NULL, NULL, NULL);
      if (self->aggregating != NULL)
        {
          g_cancellable_cancel (self->aggregating);
          g_clear_object (&self->aggregating);
        }
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->waiting = TRUE;
    }
  else
    show_portfolio (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
