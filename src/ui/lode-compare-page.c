/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-compare-private.h"
#include "lode-countries.h"
#include "lode-currency.h"
#include "lode-enum-types.h"
#include "lode-file-utils.h"
#include "lode-stage.h"

#include "lode-chart-view.h"
#include "lode-compare-page.h"
#include "lode-dialogs.h"
#include "lode-portfolio-property-private.h"
#include "lode-settings.h"
#include "lode-window.h"

/* One row of the table: what it groups and its figures, copied from the
 * comparison so that the row outlives it. */

#define LODE_TYPE_COMPARE_ITEM (lode_compare_item_get_type ())
G_DECLARE_FINAL_TYPE (LodeCompareItem, lode_compare_item, LODE, COMPARE_ITEM, GObject)

struct _LodeCompareItem
{
  GObject        parent_instance;
  char          *name;
  LodeCompareRow row;     /* key: the comparison's; used only while it lives */
  guint          index;   /* in the comparison's rows */
  /* What the table shows: the row's cents, or amounts in the currency
   * shown; a side without any rate shows none. */
  gint64         shown[2];
  gint64         shown_change;
  gboolean       no_rate[2];
  gboolean       has_percent;
  double         percent;
};

G_DEFINE_FINAL_TYPE (LodeCompareItem, lode_compare_item, G_TYPE_OBJECT)

static void
lode_compare_item_finalize (GObject *object)
{
  g_free (LODE_COMPARE_ITEM (object)->name);

  G_OBJECT_CLASS (lode_compare_item_parent_class)->finalize (object);
}

static void
lode_compare_item_class_init (LodeCompareItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lode_compare_item_finalize;
}

static void
lode_compare_item_init (LodeCompareItem *self)
{
}

/* The page */

typedef enum
{
  COLUMN_NAME,
  COLUMN_FIRST,
  COLUMN_SECOND,
  COLUMN_CHANGE,
  COLUMN_PERCENT,
  N_COLUMNS
} Column;

static const LodeExportField fields[] = {
  LODE_EXPORT_FIELD_MINERAL,
  LODE_EXPORT_FIELD_DESTINATION,
  LODE_EXPORT_FIELD_STAGE,
  LODE_EXPORT_FIELD_HS_CODE,
};

struct _LodeComparePage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkDropDown         *first_choice;
  GtkDropDown         *second_choice;
  GtkDropDown         *field_choice;
  GtkLabel            *summary_label;
  GtkLabel            *unplaced_label;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  LodeChartView       *chart_view;

  LodePortfolio       *portfolio;
  GSignalGroup        *history_signals;
  int                  start_month;
  /* The periods offered, in the order of the choices. */
  GArray              *periods;           /* LodePeriod */
  GtkStringList       *period_names;
  GListStore          *items;             /* LodeCompareItem */
  GtkSortListModel    *sorted;
  LodeComparison      *comparison;
  LodeExportTable     *compared;          /* holds the strings of its keys */
  guint                refresh_id;
  gboolean             filling;
  gboolean             stale;     /* to compare again once shown */
  /* The comparison and its chart are made in a worker: the one under
   * way, cancelled when another is asked for. */
  GCancellable        *cancellable;
  guint                n_pending;         /* jobs and charts under way */
  gboolean             fill_pending;      /* the periods offered are to be found again */
  GObject             *chooser;
  char                *currency;          /* of the amounts shown */
};

G_DEFINE_FINAL_TYPE (LodeComparePage, lode_compare_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
key_name (LodeComparePage *self,
          LodeExportField  field,
          const char      *key)
{
  LodeMineral *mineral;
  const char *name;
  LodeStage stage;

  switch (field)
    {
    case LODE_EXPORT_FIELD_MINERAL:
      if (key == NULL)
        return g_strdup (_("Mineral not given"));
      mineral = lode_portfolio_find_mineral (self->portfolio, key);
      return g_strdup (mineral != NULL ? lode_mineral_get_name (mineral) : key);
    case LODE_EXPORT_FIELD_DESTINATION:
      if (key == NULL)
        return g_strdup (_("Destination not given"));
      name = lode_country_lookup (key);
      return g_strdup (name != NULL ? name : key);
    case LODE_EXPORT_FIELD_STAGE:
      if (key != NULL && lode_enum_from_nick (LODE_TYPE_STAGE, key, (int *) &stage))
        return g_strdup (lode_stage_get_name (stage));
      return g_strdup (lode_stage_get_name (LODE_STAGE_UNKNOWN));
    case LODE_EXPORT_FIELD_HS_CODE:
    case LODE_EXPORT_FIELD_YEAR:
    default:
      return g_strdup (key != NULL ? key : _("HS code not given"));
    }
}

static gboolean
converting (LodeComparePage *self)
{
  return self->currency != NULL && !g_str_equal (self->currency, LODE_CURRENCY_USD);
}

static gboolean
selected_periods (LodeComparePage *self,
                  LodePeriod      *first,
                  LodePeriod      *second)
{
  guint a = gtk_drop_down_get_selected (self->first_choice);
  guint b = gtk_drop_down_get_selected (self->second_choice);

  if (a >= self->periods->len || b >= self->periods->len)
    return FALSE;

  *first = g_array_index (self->periods, LodePeriod, a);
  *second = g_array_index (self->periods, LodePeriod, b);

  return TRUE;
}

static void
update_actions (LodeComparePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-csv",
                                 self->comparison != NULL && self->comparison->rows->len > 0);
}

static char *
describe_unplaced (LodeComparison *comparison)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *period = NULL;
      g_autofree char *count = NULL;
      g_autofree char *value = NULL;

      if (comparison->n_unplaced[i] == 0)
        continue;

      period = lode_period_to_string (&comparison->periods[i]);
      count = lode_format_count (comparison->n_unplaced[i]);
      value = lode_money_format_short (comparison->unplaced_value[i]);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: records of a whole calendar year that overlap a fiscal
       * year and so are in neither side of a comparison: "FY2024-25: 12
       * records of whole calendar years ($1.2 M) could not be placed" */
      if (comparison->periods[i].start_month != 1)
        g_string_append_printf (text, g_dngettext (NULL,
                                                   "%s: %s record of a whole calendar year (%s) could not be placed",
                                                   "%s: %s records of whole calendar years (%s) could not be placed",
                                                   comparison->n_unplaced[i]),
                                period, count, value);
      else
        /* TRANSLATORS: as above, of records of a whole fiscal year that
         * overlap a calendar year */
        g_string_append_printf (text, g_dngettext (NULL,
                                                   "%s: %s record of a whole fiscal year (%s) could not be placed",
                                                   "%s: %s records of whole fiscal years (%s) could not be placed",
                                                   comparison->n_unplaced[i]),
                                period, count, value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Comparing, off the main thread
 *
 * A comparison of a million records takes a tenth of a second or more,
 * the periods offered and the chart as much again: they are made in a
 * worker from a frozen version of the export table, as a save writes it,
 * and shown when done, unless another was asked for meanwhile. */

typedef struct
{
  /* Read on the main thread */
  LodeExportTable        *table;
  LodeExportTableVersion *version;
  int                     fiscal_year_start;  /* the table's */
  int                     start_month;        /* of the fiscal periods offered */
  gboolean                fill;               /* find the periods offered first */
  gboolean                had;                /* periods were chosen: keep them */
  LodePeriod              chosen[2];
  LodeExportField         field;
  LodeConverter          *converter;          /* NULL in US dollars */
  /* Made in the worker */
  GArray                 *periods;            /* LodePeriod, when filling */
  guint                   selected[2];        /* in @periods, G_MAXUINT for none */
  LodeComparison         *comparison;         /* NULL without two periods */
  LodeComparison         *movers;             /* by mineral, for the chart */
  gboolean                fits;
  char                   *no_rate;
} CompareJob;

/* Runs on the main thread (see compare_done()) or, once the version is
 * let go of there, on any. */
static void
compare_job_free (gpointer data)
{
  CompareJob *job = data;

  g_assert (job->version == NULL && job->table == NULL);
  g_clear_pointer (&job->converter, lode_converter_unref);
  g_clear_pointer (&job->periods, g_array_unref);
  g_clear_pointer (&job->comparison, lode_comparison_free);
  g_clear_pointer (&job->movers, lode_comparison_free);
  g_free (job->no_rate);
  g_free (job);
}

/* The periods with records: every calendar year, and every fiscal year
 * when the fiscal year does not start in January. What was chosen stays
 * chosen; at first the last two calendar years. */
static void
find_periods (CompareJob *job)
{
  int starts[2] = { 1, job->start_month };
  guint n_calendar = 0;

  job->periods = g_array_new (FALSE, FALSE, sizeof (LodePeriod));
  job->selected[0] = job->selected[1] = G_MAXUINT;

  for (guint s = 0; s < (job->start_month != 1 ? 2u : 1u); s++)
    {
      g_autoptr(LodePeriodTotals) totals =
        _lode_period_totals_new_for_version (job->version, job->fiscal_year_start, starts[s]);

      for (guint i = 0; i < totals->totals->len; i++)
        g_array_append_val (job->periods, g_array_index (totals->totals, LodePeriodTotal, i).period);
    }

  for (guint i = 0; i < job->periods->len; i++)
    {
      LodePeriod *period = &g_array_index (job->periods, LodePeriod, i);

      for (guint side = 0; side < 2; side++)
        if (job->had && lode_period_equal (period, &job->chosen[side]))
          job->selected[side] = i;
      if (period->start_month == 1)
        n_calendar++;
    }
  if (job->selected[0] == G_MAXUINT || job->selected[1] == G_MAXUINT)
    {
      job->selected[1] = n_calendar > 0 ? n_calendar - 1 : G_MAXUINT;
      job->selected[0] = n_calendar > 1 ? n_calendar - 2 : job->selected[1];
    }

  job->had = job->selected[1] != G_MAXUINT;
  if (job->had)
    {
      job->chosen[0] = g_array_index (job->periods, LodePeriod, job->selected[0]);
      job->chosen[1] = g_array_index (job->periods, LodePeriod, job->selected[1]);
    }
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareJob *job = task_data;

  _lode_export_table_version_detach (job->version);

  if (job->fill)
    find_periods (job);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (job->had)
    {
      job->comparison = _lode_comparison_new_for_version (job->version, job->fiscal_year_start, job->field,
                                                          &job->chosen[0], &job->chosen[1]);
      if (job->converter != NULL && !g_cancellable_is_cancelled (cancellable))
        {
          job->fits = _lode_comparison_convert_version (job->comparison, job->version,
                                                        job->fiscal_year_start, job->converter);
          job->no_rate = lode_converter_describe_missing (job->converter);
        }
      /* The chart's, which compares minerals whatever the table groups by. */
      if (!g_cancellable_is_cancelled (cancellable))
        job->movers = _lode_comparison_new_for_version (job->version, job->fiscal_year_start,
                                                        LODE_EXPORT_FIELD_MINERAL,
                                                        &job->chosen[0], &job->chosen[1]);
    }

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
show_chart (LodeComparePage *self,
            LodeComparison  *movers);

/* The table's rows in the currency shown: the exact sums of their
 * records' converted values, rounded once. */
static void
convert_item (LodeCompareItem *item,
              gboolean         fits)
{
  for (guint side = 0; side < 2; side++)
    {
      item->no_rate[side] = !fits || (item->row.count[side] > 0 && item->row.n_missing[side] == item->row.count[side]);
      item->shown[side] = fits ? item->row.amount[side] : 0;
    }
  item->shown_change = item->shown[1] - item->shown[0];
  item->has_percent = !item->no_rate[0] && !item->no_rate[1] && item->shown[0] != 0;
  item->percent = item->has_percent ? 100.0 * (double) item->shown_change / (double) item->shown[0] : 0;
}

static void
show_empty (LodeComparePage *self)
{
  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->comparison, lode_comparison_free);
  g_clear_object (&self->compared);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  lode_chart_view_set_chart (self->chart_view, NULL);
  update_actions (self);
}

static void
show_comparison (LodeComparePage *self,
                 CompareJob      *job)
{
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *first_value = NULL;
  g_autofree char *second_value = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *unplaced = NULL;
  g_autoptr(GPtrArray) items = NULL;
  LodeExportField field = job->field;
  gboolean converted = job->converter != NULL;
  LodePeriod *periods;

  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->comparison, lode_comparison_free);

  if (job->comparison == NULL)
    {
      show_empty (self);
      return;
    }

  self->comparison = g_steal_pointer (&job->comparison);
  periods = self->comparison->periods;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->comparison->rows->len; i++)
    {
      LodeCompareItem *item = g_object_new (LODE_TYPE_COMPARE_ITEM, NULL);

      item->row = g_array_index (self->comparison->rows, LodeCompareRow, i);
      item->name = key_name (self, field, item->row.key);
      item->index = i;
      item->shown[0] = item->row.value[0];
      item->shown[1] = item->row.value[1];
      item->shown_change = item->row.change;
      item->has_percent = item->row.has_percent;
      item->percent = item->row.percent;
      if (converted)
        convert_item (item, job->fits);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  first_name = lode_period_to_string (&periods[0]);
  second_name = lode_period_to_string (&periods[1]);
  gtk_column_view_column_set_title (self->columns[COLUMN_FIRST], first_name);
  gtk_column_view_column_set_title (self->columns[COLUMN_SECOND], second_name);

  if (converted)
    {
      LodeAmount sides[2] = { 0, 0 };
      gboolean rated[2] = { FALSE, FALSE };

      /* A side none of whose records has a rate has no amount. */
      for (guint i = 0; i < items->len; i++)
        for (guint side = 0; side < 2; side++)
          {
            LodeCompareItem *item = g_ptr_array_index (items, i);

            sides[side] += item->shown[side];
            rated[side] |= item->row.count[side] > 0 && !item->no_rate[side];
          }
      first_value = rated[0] || self->comparison->count[0] == 0
                    ? lode_amount_format_full (self->currency, sides[0]) : g_strdup (C_("amount", "—"));
      second_value = rated[1] || self->comparison->count[1] == 0
                     ? lode_amount_format_full (self->currency, sides[1]) : g_strdup (C_("amount", "—"));
    }
  else
    {
      first_value = lode_money_format_full (self->comparison->value[0]);
      second_value = lode_money_format_full (self->comparison->value[1]);
    }
  /* TRANSLATORS: the totals of the two periods compared: "2024: $1,234.00 in
   * 12 records; 2025: $2,345.00 in 14 records" */
  summary = g_strdup_printf (_("%s: %s in %u records; %s: %s in %u records"),
                             first_name, first_value, self->comparison->count[0],
                             second_name, second_value, self->comparison->count[1]);
  gtk_label_set_label (self->summary_label, summary);

  unplaced = describe_unplaced (self->comparison);
  if (job->no_rate != NULL)
    {
      char *both = *unplaced != '\0' ? g_strconcat (unplaced, "\n", job->no_rate, NULL) : g_strdup (job->no_rate);

      g_free (unplaced);
      unplaced = both;
    }
  gtk_label_set_label (self->unplaced_label, unplaced);
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_label), *unplaced != '\0');

  gtk_stack_set_visible_child_name (self->stack, self->comparison->rows->len > 0 ? "table" : "no-records");
  show_chart (self, g_steal_pointer (&job->movers));
  update_actions (self);
}

/* The periods offered, as the worker found them. */
static void
show_periods (LodeComparePage *self,
              CompareJob      *job)
{
  self->filling = TRUE;
  g_array_set_size (self->periods, 0);
  gtk_string_list_splice (self->period_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->period_names)), NULL);
  for (guint i = 0; i < job->periods->len; i++)
    {
      LodePeriod *period = &g_array_index (job->periods, LodePeriod, i);
      g_autofree char *name = lode_period_to_string (period);

      g_array_append_val (self->periods, *period);
      gtk_string_list_append (self->period_names, name);
    }
  for (guint side = 0; side < 2; side++)
    gtk_drop_down_set_selected (side == 0 ? self->first_choice : self->second_choice,
                                job->selected[side] == G_MAXUINT ? GTK_INVALID_LIST_POSITION : job->selected[side]);
  self->filling = FALSE;
}

static void
compare_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LodeComparePage *self = LODE_COMPARE_PAGE (source);
  CompareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(LodeExportTable) table = g_steal_pointer (&job->table);

  /* The worker is done with the version: let go of it here, where the
   * table changes. */
  g_clear_pointer (&job->version, _lode_export_table_version_free);
  self->n_pending--;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;  /* another was asked for */

  if (job->fill)
    {
      self->fill_pending = FALSE;
      show_periods (self, job);
    }
  g_set_object (&self->compared, table);
  show_comparison (self, job);
}

/* Compares the periods chosen, and first finds the periods offered when
 * @fill. */
static void
compare_full (LodeComparePage *self,
              gboolean         fill)
{
  g_autoptr(GTask) task = NULL;
  LodeExportTable *table;
  CompareJob *job;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->portfolio == NULL)
    {
      self->fill_pending = FALSE;
      if (fill)
        {
          self->filling = TRUE;
          g_array_set_size (self->periods, 0);
          gtk_string_list_splice (self->period_names, 0,
                                  g_list_model_get_n_items (G_LIST_MODEL (self->period_names)), NULL);
          self->filling = FALSE;
        }
      show_empty (self);
      return;
    }

  /* A list of periods still to come comes with this comparison. */
  fill |= self->fill_pending;
  self->fill_pending = fill;

  table = lode_portfolio_get_exports (self->portfolio);
  job = g_new0 (CompareJob, 1);
  job->table = g_object_ref (table);
  job->version = _lode_export_table_freeze (table);
  job->fiscal_year_start = lode_export_table_get_fiscal_year_start (table);
  job->start_month = self->start_month;
  job->fill = fill;
  job->had = selected_periods (self, &job->chosen[0], &job->chosen[1]);
  job->field = fields[MIN (gtk_drop_down_get_selected (self->field_choice), G_N_ELEMENTS (fields) - 1)];
  if (converting (self))
    job->converter = lode_converter_new (G_LIST_MODEL (lode_portfolio_get_exchange_rates (self->portfolio)),
                                         self->currency, lode_portfolio_get_fiscal_year_start (self->portfolio));

  if (!fill && !job->had)
    {
      g_clear_pointer (&job->version, _lode_export_table_version_free);
      g_clear_object (&job->table);
      compare_job_free (job);
      show_empty (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->n_pending++;
  task = g_task_new (self, self->cancellable, compare_done, NULL);
  g_task_set_source_tag (task, compare_full);
  g_task_set_task_data (task, job, compare_job_free);
  g_task_run_in_thread (task, compare_thread);
}

static void
compare (LodeComparePage *self)
{
  compare_full (self, FALSE);
}

typedef struct
{
  LodeComparePage *self;
  LodePeriod       periods[2];
  LodeComparison  *movers;
} ChartJob;

static void
chart_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree ChartJob *job = user_data;
  g_autoptr(LodeComparePage) self = job->self;
  g_autoptr(LodeComparison) movers = job->movers;
  g_autoptr(LodeChartData) data = lode_chart_data_new_finish (result, NULL);
  g_autoptr(LodeChart) chart = NULL;

  self->n_pending--;
  if (data == NULL)
    return;  /* another was asked for */

  /* The chart compares minerals whatever the table groups by; the worker
   * compared them already. */
  chart = lode_chart_new (LODE_CHART_LARGEST_MOVERS, data);
  lode_chart_set_periods (chart, &job->periods[0], &job->periods[1]);
  if (movers != NULL)
    lode_chart_set_comparison (chart, g_steal_pointer (&movers));
  lode_chart_view_set_chart (self->chart_view, chart);
}

static void
show_chart (LodeComparePage *self,
            LodeComparison  *movers)
{
  ChartJob *job = g_new0 (ChartJob, 1);

  job->self = g_object_ref (self);
  job->movers = movers;
  job->periods[0] = self->comparison->periods[0];
  job->periods[1] = self->comparison->periods[1];
  self->n_pending++;
  lode_chart_data_new_for_periods_async (self->portfolio, job->periods[1].start_month, self->cancellable,
                                         chart_done, job);
}

static void
choice_changed (LodeComparePage *self)
{
  if (!self->filling)
    compare (self);
}

static void
fill_periods_now (LodeComparePage *self)
{
  compare_full (self, TRUE);
}

/* A comparison of a million records takes a tenth of a second or more:
 * while the page is not shown, it waits until it is, so that opening a
 * portfolio or editing it elsewhere never pays for it. */
static void
fill_periods (LodeComparePage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->stale = FALSE;
  fill_periods_now (self);
}

static void
page_mapped (GtkWidget *widget,
             gpointer   user_data)
{
  LodeComparePage *self = LODE_COMPARE_PAGE (widget);

  if (self->stale)
    fill_periods (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  LodeComparePage *self = user_data;

  self->refresh_id = 0;
  fill_periods (self);

  return G_SOURCE_REMOVE;
}

/* Edits come in bursts: compare again once they settle. */
static void
queue_refresh (LodeComparePage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (200, refresh_cb, self);
}

/* Cells */

static char *
format_amount (LodeComparePage *self,
               gint64           value)
{
  if (self->currency == NULL || g_str_equal (self->currency, LODE_CURRENCY_USD))
    return lode_money_format_full (value);

  return lode_amount_format_full (self->currency, value);
}

static char *
format_cell (LodeComparePage *self,
             LodeCompareItem *item,
             Column           column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (item->name);
    case COLUMN_FIRST:
    case COLUMN_SECOND:
      if (item->no_rate[column - COLUMN_FIRST])
        /* TRANSLATORS: in place of an amount that has no rate to be shown in */
        return g_strdup (C_("amount", "—"));
      return format_amount (self, item->shown[column - COLUMN_FIRST]);
    case COLUMN_CHANGE:
      {
        g_autofree char *amount = NULL;

        if (item->no_rate[0] || item->no_rate[1])
          return g_strdup (C_("amount", "—"));
        amount = format_amount (self, item->shown_change < 0 ? -item->shown_change : item->shown_change);
        return g_strconcat (item->shown_change < 0 ? "\u2212" : item->shown_change > 0 ? "+" : "", amount, NULL);
      }
    case COLUMN_PERCENT:
      if (item->no_rate[0] || item->no_rate[1])
        return g_strdup (C_("amount", "—"));
      if (!item->has_percent)
        /* TRANSLATORS: the change in percent from nothing */
        return g_strdup (C_("percent", "new"));
      return g_strdup_printf ("%s%.1f\u00a0%%", item->percent < 0 ? "\u2212" : "+",
                              item->percent < 0 ? -item->percent : item->percent);
    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_NAME)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      /* Figures line up at the end, and read left to right. */
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  LodeCompareItem *item = gtk_list_item_get_item (list_item);
  LodeComparePage *self = g_object_get_data (G_OBJECT (factory), "lode-page");
  g_autofree char *text = format_cell (self, item, column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static int
compare_money (LodeMoney a,
               LodeMoney b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
sort_items (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const LodeCompareItem *ia = a;
  const LodeCompareItem *ib = b;
  int result = 0;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      result = g_utf8_collate (ia->name, ib->name);
      break;
    case COLUMN_FIRST:
      result = compare_money (ia->shown[0], ib->shown[0]);
      break;
    case COLUMN_SECOND:
      result = compare_money (ia->shown[1], ib->shown[1]);
      break;
    case COLUMN_CHANGE:
      result = compare_money (ia->shown_change, ib->shown_change);
      break;
    case COLUMN_PERCENT:
      /* Rows without a percent, new ones, above every percent. */
      if (ia->has_percent != ib->has_percent)
        result = ia->has_percent ? -1 : 1;
      else if (ia->has_percent)
        result = ia->percent < ib->percent ? -1 : ia->percent > ib->percent ? 1 : 0;
      break;
    case N_COLUMNS:
    default:
      break;
    }

  return result != 0 ? result : (int) ia->index - (int) ib->index;
}

/* Export */

typedef struct
{
  GWeakRef  page;
  GFile    *file;
  char     *text;
  guint     n_rows;
} CsvExport;

static void
csv_export_free (CsvExport *export)
{
  g_weak_ref_clear (&export->page);
  g_clear_object (&export->file);
  g_free (export->text);
  g_free (export);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CsvExport *export = task_data;
  GError *error = NULL;

  if (lode_file_replace_contents (export->file, export->text, strlen (export->text),
                                  FALSE, 0644, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CsvExport *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(LodeComparePage) self = g_weak_ref_get (&export->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (export->file);
  g_autofree char *name = g_filename_display_name (basename);
  GtkRoot *root;

  if (self == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GObject *dialog;

      if (!GTK_IS_WINDOW (root))
        return;

      dialog = lode_dialog_new (_("Could Not Export the Comparison"), error->message);
      lode_dialog_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
      lode_dialog_present (dialog, "close", "close", GTK_WIDGET (self));
      return;
    }

  if (LODE_IS_WINDOW (root))
    {
      g_autofree char *count = lode_format_count (export->n_rows);
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Exported %s row of the comparison to “%s”",
                                            "Exported %s rows of the comparison to “%s”",
                                            export->n_rows),
                               count, name);
      lode_window_add_toast (LODE_WINDOW (root), adw_toast_new (title));
    }
}

void
lode_compare_page_export_to_file (LodeComparePage *self,
                                  GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *sorted;
  guint n_rows;
  CsvExport *export;

  g_return_if_fail (LODE_IS_COMPARE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->comparison == NULL)
    return;

  /* The rows in the order the table shows them, with the amounts the
   * table shows: in US dollars, or in the currency shown, which the
   * header names. */
  sorted = G_LIST_MODEL (self->sorted);
  n_rows = g_list_model_get_n_items (sorted);
  lode_comparison_append_csv_header_in (text, converting (self) ? self->currency : LODE_CURRENCY_USD);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(LodeCompareItem) item = g_list_model_get_item (sorted, i);
      const LodeCompareRow *row = &g_array_index (self->comparison->rows, LodeCompareRow, item->index);
      gint64 values[2] = { row->value[0], row->value[1] };
      gboolean has_value[2] = { TRUE, TRUE };

      if (converting (self))
        for (guint side = 0; side < 2; side++)
          {
            values[side] = item->shown[side];
            has_value[side] = !item->no_rate[side];
          }
      lode_comparison_append_csv_row (self->comparison, self->portfolio, row, values, has_value, text);
    }

  export = g_new0 (CsvExport, 1);
  g_weak_ref_init (&export->page, self);
  export->file = g_object_ref (file);
  export->n_rows = n_rows;
  export->text = g_string_free (g_steal_pointer (&text), FALSE);

  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_task_data (task, export, (GDestroyNotify) csv_export_free);
  g_task_run_in_thread (task, write_thread);
}

static void
file_chosen (GFile    *file,
             gpointer  user_data)
{
  LodeComparePage *self = user_data;

  g_clear_object (&self->chooser);
  if (file != NULL)
    {
      lode_settings_set_last_folder (file);
      lode_compare_page_export_to_file (self, file);
    }
  g_object_unref (self);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LodeComparePage *self = LODE_COMPARE_PAGE (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = lode_settings_get_last_folder ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *name = NULL;

  if (self->comparison == NULL || self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  g_list_store_append (filters, filter);

  first = lode_period_to_string (&self->comparison->periods[0]);
  second = lode_period_to_string (&self->comparison->periods[1]);
  /* TRANSLATORS: the file name offered for a comparison: "compare-2024-2025.csv" */
  name = g_strdup_printf (_("compare-%s-%s.csv"), first, second);
  self->chooser = lode_file_chooser_show (widget, LODE_FILE_CHOOSER_SAVE, _("Export the Comparison"),
                                          _("_Export"), G_LIST_MODEL (filters), folder, name,
                                          file_chosen, g_object_ref (self));
}

/* Construction */

static GtkWidget *
labelled_choice (GtkDropDown **choice,
                 GListModel   *model,
                 const char   *label,
                 const char   *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  *choice = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (model), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (*choice), tooltip);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), GTK_WIDGET (*choice));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*choice),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  /* GTK 4.8 leaves the drop-down's own button unnamed: it takes the
   * label's name too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (*choice)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*choice));

  return box;
}

static void
add_column (LodeComparePage *self,
            Column           column,
            const char      *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "lode-page", self);
  view_column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (sort_items, GINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_NAME);
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
}

static void
build (LodeComparePage *self)
{
  g_autoptr(GtkStringList) field_names = NULL;
  GtkWidget *box, *bar, *scrolled, *button, *empty, *no_records, *clamp, *content, *card;
  GtkSelectionModel *selection;

  field_names = gtk_string_list_new ((const char *[]) { _("Mineral"), _("Destination"), _("Stage"),
                                                        _("HS Code"), NULL });

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (bar), labelled_choice (&self->first_choice, G_LIST_MODEL (self->period_names),
                                                  _("_From"), _("The year or fiscal year to compare from")));
  gtk_box_append (GTK_BOX (bar), labelled_choice (&self->second_choice, G_LIST_MODEL (self->period_names),
                                                  _("_To"), _("The year or fiscal year to compare with it")));
  gtk_box_append (GTK_BOX (bar), labelled_choice (&self->field_choice, G_LIST_MODEL (field_names),
                                                  _("_By"), _("What the rows of the comparison group by")));
  g_signal_connect_swapped (self->first_choice, "notify::selected", G_CALLBACK (choice_changed), self);
  g_signal_connect_swapped (self->second_choice, "notify::selected", G_CALLBACK (choice_changed), self);
  g_signal_connect_swapped (self->field_choice, "notify::selected", G_CALLBACK (choice_changed), self);

  button = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "compare.export-csv");
  gtk_widget_set_tooltip_text (button, _("Export the Comparison as CSV (Ctrl+E)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export the Comparison as CSV"), -1);
  gtk_box_append (GTK_BOX (bar), button);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), bar);
  gtk_box_append (GTK_BOX (box), clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-dual-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Compare"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Years and fiscal years with export records can be set side by side here"));
  gtk_stack_add_named (self->stack, empty, "empty");

  no_records = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (no_records), "view-dual-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (no_records), _("No Records in These Periods"));
  adw_status_page_set_description (ADW_STATUS_PAGE (no_records), _("Choose other years to compare"));
  gtk_stack_add_named (self->stack, no_records, "no-records");

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 12);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_selectable (self->summary_label, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary_label));

  self->unplaced_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->unplaced_label, 0);
  gtk_label_set_wrap (self->unplaced_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->unplaced_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->unplaced_label));

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comparison"), -1);
  add_column (self, COLUMN_NAME, _("Name"));
  add_column (self, COLUMN_FIRST, _("From"));
  add_column (self, COLUMN_SECOND, _("To"));
  add_column (self, COLUMN_CHANGE, _("Change"));
  add_column (self, COLUMN_PERCENT, _("Change in Percent"));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
  /* The largest change first, at first. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_CHANGE], GTK_SORT_DESCENDING);

  card = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (card), GTK_WIDGET (self->column_view));
  gtk_widget_set_size_request (card, -1, 240);
  gtk_box_append (GTK_BOX (content), card);

  self->chart_view = LODE_CHART_VIEW (lode_chart_view_new ());
  card = adw_bin_new ();
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (GTK_WIDGET (self->chart_view), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->chart_view), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->chart_view), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->chart_view), 6);
  adw_bin_set_child (ADW_BIN (card), GTK_WIDGET (self->chart_view));
  gtk_box_append (GTK_BOX (content), card);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "table");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
}

LodePortfolio *
lode_compare_page_get_portfolio (LodeComparePage *self)
{
  g_return_val_if_fail (LODE_IS_COMPARE_PAGE (self), NULL);

  return self->portfolio;
}

void
lode_compare_page_set_portfolio (LodeComparePage *self,
                                 LodePortfolio   *portfolio)
{
  g_return_if_fail (LODE_IS_COMPARE_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&self->portfolio, portfolio))
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_signal_group_set_target (self->history_signals,
                             portfolio != NULL ? lode_portfolio_get_history (portfolio) : NULL);
  /* Comparisons of another portfolio's periods mean nothing here. */
  gtk_drop_down_set_selected (self->first_choice, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->second_choice, GTK_INVALID_LIST_POSITION);
  fill_periods (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}

void
lode_compare_page_set_currency (LodeComparePage *self,
                                const char      *currency)
{
  g_return_if_fail (LODE_IS_COMPARE_PAGE (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compare (self);
  else
    self->stale = TRUE;
}

gboolean
lode_compare_page_get_busy (LodeComparePage *self)
{
  g_return_val_if_fail (LODE_IS_COMPARE_PAGE (self), FALSE);

  return self->n_pending > 0 || self->refresh_id != 0;
}

void
lode_compare_page_set_start_month (LodeComparePage *self,
                                   int              start_month)
{
  g_return_if_fail (LODE_IS_COMPARE_PAGE (self));
  g_return_if_fail (start_month >= 1 && start_month <= 12);

  if (self->start_month == start_month)
    return;

  self->start_month = start_month;
  fill_periods (self);
}

static void
lode_compare_page_dispose (GObject *object)
{
  LodeComparePage *self = LODE_COMPARE_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    {
      lode_file_chooser_cancel (g_steal_pointer (&self->chooser));
      g_object_unref (self);
    }
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->portfolio);
  g_clear_pointer (&self->comparison, lode_comparison_free);
  g_clear_object (&self->compared);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (lode_compare_page_parent_class)->dispose (object);
}

static void
lode_compare_page_finalize (GObject *object)
{
  LodeComparePage *self = LODE_COMPARE_PAGE (object);

  g_array_unref (self->periods);
  g_clear_object (&self->period_names);
  g_clear_object (&self->items);
  g_clear_object (&self->sorted);

  G_OBJECT_CLASS (lode_compare_page_parent_class)->finalize (object);
}

static void
lode_compare_page_class_init (LodeComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_compare_page_dispose;
  object_class->finalize = lode_compare_page_finalize;

  properties[PROP_PORTFOLIO] =
    lode_portfolio_property_install (object_class, PROP_PORTFOLIO,
                                     (LodePortfolioGetter) lode_compare_page_get_portfolio,
                                     (LodePortfolioSetter) lode_compare_page_set_portfolio);

  gtk_widget_class_install_action (widget_class, "compare.export-csv", NULL, export_csv_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "compare.export-csv", NULL);
}

static void
lode_compare_page_init (LodeComparePage *self)
{
  self->start_month = 1;
  self->periods = g_array_new (FALSE, FALSE, sizeof (LodePeriod));
  self->period_names = gtk_string_list_new (NULL);
  self->items = g_list_store_new (LODE_TYPE_COMPARE_ITEM);
  g_signal_connect (self, "map", G_CALLBACK (page_mapped), NULL);

  self->history_signals = g_signal_group_new (LODE_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::undo-label",
                                  G_CALLBACK (queue_refresh), self);
  build (self);
  update_actions (self);
}
