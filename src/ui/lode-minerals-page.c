/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-cells.h"
#include "lode-dialogs.h"
#include "lode-list-page-private.h"
#include "lode-minerals-page.h"
#include "lode-mineral-editor.h"
#include "lode-ui-format.h"
#include "lode-window.h"

struct _LodeMineralsPage
{
  LodeListPage  parent_instance;

  /* The Production column shows what the minerals do not hold. */
  GSignalGroup *production_signals;
  GSignalGroup *history_signals;
};

G_DEFINE_FINAL_TYPE (LodeMineralsPage, lode_minerals_page, LODE_TYPE_LIST_PAGE)

/* The latest year of @mineral's production and the unit it is in; 0
 * when the portfolio has none. */
static int
latest_production (LodeMineralsPage *self,
                   LodeMineral      *mineral,
                   LodeUnit         *unit)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  GListModel *production = portfolio != NULL ? G_LIST_MODEL (lode_portfolio_get_production (portfolio)) : NULL;
  int latest = 0;

  for (guint i = 0; production != NULL && i < g_list_model_get_n_items (production); i++)
    {
      g_autoptr(LodeProduction) figure = g_list_model_get_item (production, i);

      if (g_strcmp0 (lode_production_get_mineral (figure), lode_mineral_get_id (mineral)) != 0 ||
          lode_production_get_year (figure) < latest)
        continue;
      /* A national figure of the year sets the unit over the projects'. */
      if (lode_production_get_year (figure) > latest || lode_production_get_project (figure) == NULL)
        *unit = lode_production_get_unit (figure);
      latest = lode_production_get_year (figure);
    }

  return latest;
}

static int
mineral_production_key (LodeMineral      *mineral,
                        LodeMineralsPage *self)
{
  LodeUnit unit = LODE_UNIT_NONE;

  return latest_production (self, mineral, &unit);
}

/* "1.2 Mt (2024)": the latest year's production, national or else the
 * projects' added up. */
static void
bind_production_cell (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      LodeMineralsPage         *self)
{
  LodeMineral *mineral = gtk_list_item_get_item (list_item);
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  LodeUnit unit = LODE_UNIT_NONE;
  int year = latest_production (self, mineral, &unit);
  g_autofree char *quantity = NULL;
  g_autofree char *text = NULL;
  double total;

  if (year == 0 || portfolio == NULL ||
      !lode_production_total (G_LIST_MODEL (lode_portfolio_get_production (portfolio)),
                              lode_mineral_get_id (mineral), year, unit, &total))
    {
      lode_cell_set_text (list_item, NULL, NULL);
      return;
    }

  quantity = lode_format_quantity (total, unit);
  /* TRANSLATORS: a year's production in a cell, as in "1.2 Mt (2024)" */
  text = g_strdup_printf (_("%s (%d)"), quantity, year);
  lode_cell_set_text (list_item, text, text);
}

static char *
join_hs_codes (LodeMineral *mineral)
{
  const char * const *codes = lode_mineral_get_hs_codes (mineral);

  if (codes == NULL)
    return NULL;

  return g_strjoinv (", ", (char **) codes);
}

/* Sort keys the properties do not give: GtkClosureExpressions evaluated
 * on the mineral itself. */

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

  text = lode_format_money (value);
  exact = lode_money_format_full (value);
  lode_cell_set_text (list_item, text, exact);
}

static void
update_totals (LodeListPage *page,
               GListModel   *shown,
               GtkLabel     *label)
{
  g_autofree char *text = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *exact = NULL;
  LodeMoney value = 0;
  guint n_shown = g_list_model_get_n_items (shown);

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (shown, i);

      value += lode_mineral_get_reserve_value (mineral);
    }

  value_text = lode_format_money (value);
  /* TRANSLATORS: the totals line below the minerals, as in
   * "12 minerals · reserves $6 T" */
  count = lode_format_count (n_shown);
  text = g_strdup_printf (ngettext ("%s mineral · reserves %s", "%s minerals · reserves %s", n_shown),
                          count, value_text);
  gtk_label_set_label (label, text);
  exact = lode_money_format_full (value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), exact);
}

static gboolean
mineral_matches (LodeListPage *page,
                 gpointer      item,
                 const char   *search)
{
  g_autofree char *codes = join_hs_codes (item);
  const char *texts[] = {
    lode_mineral_get_name (item),
    lode_mineral_get_symbol (item),
    lode_format_mineral_group (lode_mineral_get_group (item)),
    codes,
  };

  return lode_list_texts_match (search, texts, G_N_ELEMENTS (texts));
}

static gpointer
copy_mineral (LodeListPage *page,
              gpointer      item,
              const char   *name)
{
  LodeMineral *mineral = item;
  g_autofree char *id = lode_mineral_editor_make_id (lode_list_page_get_portfolio (page), name);
  LodeMineral *copy = lode_mineral_new (id, name, lode_mineral_get_group (mineral));
  GListModel *reserves = lode_mineral_get_reserves (mineral);

  lode_mineral_set_symbol (copy, lode_mineral_get_symbol (mineral));
  lode_mineral_set_hs_codes (copy, lode_mineral_get_hs_codes (mineral));
  lode_mineral_set_extra (copy, lode_mineral_get_extra (mineral));

  for (guint i = 0; i < g_list_model_get_n_items (reserves); i++)
    {
      g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, i);
      g_autoptr(LodeReserve) reserve_copy = lode_reserve_new (lode_reserve_get_category (reserve),
                                                              lode_reserve_get_quantity (reserve),
                                                              lode_reserve_get_unit (reserve));

      lode_reserve_set_value (reserve_copy, lode_reserve_get_value (reserve));
      lode_reserve_set_year (reserve_copy, lode_reserve_get_year (reserve));
      lode_reserve_set_source (reserve_copy, lode_reserve_get_source (reserve));
      lode_reserve_set_extra (reserve_copy, lode_reserve_get_extra (reserve));
      lode_mineral_add_reserve (copy, reserve_copy);
    }

  return copy;
}

static guint
count_records (LodeExportTable *table,
               const char      *mineral_id)
{
  const char *interned = lode_export_table_intern (table, mineral_id);
  guint count = 0;

  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);
      count += row.mineral == interned;
    }

  return count;
}

/* Projects that list mineral @id, and targets that measure it. */
static void
count_other_references (LodePortfolio *portfolio,
                        const char    *id,
                        guint         *n_projects,
                        guint         *n_targets)
{
  GListModel *projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  GListModel *targets = G_LIST_MODEL (lode_portfolio_get_targets (portfolio));

  *n_projects = 0;
  *n_targets = 0;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      const char * const *minerals = lode_project_get_minerals (project);

      *n_projects += minerals != NULL && g_strv_contains (minerals, id);
    }

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (targets, i);

      *n_targets += g_strcmp0 (lode_target_get_metric_mineral (target), id) == 0;
    }
}

/* Every reference must resolve: the projects forget mineral @id and the
 * targets that measure it go, in the step named @label. */
static void
drop_other_references (LodeMineralsPage *self,
                       const char       *id,
                       const char       *label)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListModel *projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  GListStore *targets = lode_portfolio_get_targets (portfolio);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      const char * const *minerals = lode_project_get_minerals (project);
      g_autoptr(GStrvBuilder) kept = NULL;
      g_auto(GStrv) kept_minerals = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if (minerals == NULL || !g_strv_contains (minerals, id))
        continue;

      kept = g_strv_builder_new ();
      for (guint j = 0; minerals[j] != NULL; j++)
        if (!g_str_equal (minerals[j], id))
          g_strv_builder_add (kept, minerals[j]);
      kept_minerals = g_strv_builder_end (kept);

      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, kept_minerals[0] != NULL ? kept_minerals : NULL);
      lode_history_set_property (history, label, G_OBJECT (project), "minerals", &value);
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (targets)); i > 0; i--)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (G_LIST_MODEL (targets), i - 1);

      if (g_strcmp0 (lode_target_get_metric_mineral (target), id) == 0)
        lode_history_remove_item (history, label, targets, i - 1);
    }
}

static void
delete_mineral (LodeMineralsPage *self,
                LodeMineral      *mineral,
                gboolean          with_records)
{
  LodePortfolio *portfolio = lode_list_page_get_portfolio (LODE_LIST_PAGE (self));
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListStore *store = lode_portfolio_get_minerals (portfolio);
  g_autofree char *label = NULL;
  g_autofree char *toast_title = NULL;
  guint position;

  if (!g_list_store_find (store, mineral, &position))
    return;

  /* TRANSLATORS: an undoable change, as in "Delete Copper" */
  label = g_strdup_printf (_("Delete %s"), lode_mineral_get_name (mineral));
  lode_history_begin_group (history, label);

  if (with_records)
    {
      LodeExportTable *table = lode_portfolio_get_exports (portfolio);
      const char *interned = lode_export_table_intern (table, lode_mineral_get_id (mineral));
      guint end = lode_export_table_get_n_rows (table);

      /* Runs of the mineral's records, from the last: earlier positions
       * stay put. */
      while (end > 0)
        {
          LodeExportRow row;
          guint start;

          lode_export_table_get_row (table, end - 1, &row);
          if (row.mineral != interned)
            {
              end--;
              continue;
            }

          start = end - 1;
          while (start > 0)
            {
              lode_export_table_get_row (table, start - 1, &row);
              if (row.mineral != interned)
                break;
              start--;
            }

          lode_history_remove_exports (history, label, start, end - start);
          end = start;
        }
    }

  drop_other_references (self, lode_mineral_get_id (mineral), label);
  lode_history_remove_item (history, label, store, position);
  lode_history_end_group (history);

  /* TRANSLATORS: after a delete, as in "Deleted Copper" */
  toast_title = g_strdup_printf (_("Deleted %s"), lode_mineral_get_name (mineral));
  lode_list_toast_deleted (GTK_WIDGET (self), toast_title);
}

static void
delete_response (GObject          *dialog,
                 const char       *response,
                 LodeMineralsPage *self)
{
  LodeMineral *mineral = g_object_get_data (G_OBJECT (dialog), "mineral");

  if (g_str_equal (response, "delete"))
    delete_mineral (self, mineral, TRUE);
}

static void
delete_item (LodeListPage *page,
             gpointer      item)
{
  LodeMineralsPage *self = LODE_MINERALS_PAGE (page);
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);
  LodeMineral *mineral = item;
  GObject *dialog;
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_records;
  guint n_projects;
  guint n_targets;

  n_records = count_records (lode_portfolio_get_exports (portfolio), lode_mineral_get_id (mineral));
  count_other_references (portfolio, lode_mineral_get_id (mineral), &n_projects, &n_targets);
  if (n_records == 0 && n_projects == 0 && n_targets == 0)
    {
      delete_mineral (self, mineral, FALSE);
      return;
    }

  /* A record must name a mineral the file has: ask before taking them. */
  heading = g_strdup_printf (_("Delete %s?"), lode_mineral_get_name (mineral));
  if (n_records > 0)
    g_string_append_printf (body,
                            ngettext ("%'u export record is of this mineral. It goes with the mineral.",
                                      "%'u export records are of this mineral. They go with the mineral.",
                                      n_records),
                            n_records);
  if (n_projects > 0)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              ngettext ("%'u project lists this mineral; it no longer will.",
                                        "%'u projects list this mineral; they no longer will.",
                                        n_projects),
                              n_projects);
    }
  if (n_targets > 0)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              ngettext ("%'u target measures this mineral. It goes with the mineral.",
                                        "%'u targets measure this mineral. They go with the mineral.",
                                        n_targets),
                              n_targets);
    }
  dialog = lode_dialog_new (heading, body->str);
  lode_dialog_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (dialog, "mineral", g_object_ref (mineral), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  lode_dialog_present (dialog, "cancel", "cancel", GTK_WIDGET (self));
}

/* Production is added, edited and removed in the mineral editor, and
 * undone from anywhere: the column follows every step. An edit changes a
 * figure's properties without the list changing, so the history says when. */
static void
production_changed (LodeListPage *page)
{
  lode_list_page_rebind (page);
}

static void
portfolio_changed (LodeListPage *page)
{
  LodeMineralsPage *self = LODE_MINERALS_PAGE (page);
  LodePortfolio *portfolio = lode_list_page_get_portfolio (page);

  g_signal_group_set_target (self->production_signals,
                             portfolio != NULL ? lode_portfolio_get_production (portfolio) : NULL);
  g_signal_group_set_target (self->history_signals,
                             portfolio != NULL ? lode_portfolio_get_history (portfolio) : NULL);
}

static void
lode_minerals_page_dispose (GObject *object)
{
  LodeMineralsPage *self = LODE_MINERALS_PAGE (object);

  g_clear_object (&self->production_signals);
  g_clear_object (&self->history_signals);

  G_OBJECT_CLASS (lode_minerals_page_parent_class)->dispose (object);
}

static void
lode_minerals_page_class_init (LodeMineralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LodeListPageClass *page_class = LODE_LIST_PAGE_CLASS (klass);

  object_class->dispose = lode_minerals_page_dispose;

  page_class->get_items = lode_portfolio_get_minerals;
  page_class->portfolio_changed = portfolio_changed;
  page_class->item_matches = mineral_matches;
  page_class->update_totals = update_totals;
  page_class->editor_new = (LodeListPageEditorNew) lode_mineral_editor_new;
  page_class->get_name = (LodeListPageGetName) lode_mineral_get_name;
  page_class->copy_item = copy_mineral;
  page_class->delete_item = delete_item;

  g_type_ensure (LODE_TYPE_MINERAL);

  lode_list_page_class_set_template (widget_class, "/io/github/lodeapp/Lode/ui/lode-minerals-page.ui", "minerals");
  gtk_widget_class_bind_template_callback (widget_class, mineral_group_key);
  gtk_widget_class_bind_template_callback (widget_class, mineral_hs_codes_key);
  gtk_widget_class_bind_template_callback (widget_class, mineral_reserves_key);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_symbol_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_group_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_hs_codes_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_reserves_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_value_cell);
  gtk_widget_class_bind_template_callback (widget_class, mineral_production_key);
  gtk_widget_class_bind_template_callback (widget_class, bind_production_cell);
}

static void
lode_minerals_page_init (LodeMineralsPage *self)
{
  self->production_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->production_signals, "items-changed",
                                  G_CALLBACK (production_changed), self);
  self->history_signals = g_signal_group_new (LODE_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::undo-label",
                                  G_CALLBACK (production_changed), self);
  gtk_widget_init_template (GTK_WIDGET (self));
}
