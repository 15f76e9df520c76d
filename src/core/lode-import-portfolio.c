/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-exchange-rate.h"
#include "lode-import-private.h"
#include "lode-periods.h"
#include "lode-portfolio-io.h"

/* Merging another portfolio (LODE_IMPORT_LAYOUT_PORTFOLIO): the file is
 * loaded whole by the reader, so that a file that is not a valid portfolio
 * is refused with the reader's message and place, and then every item of
 * it is matched with the portfolio's by id:
 *
 * - an item whose id the portfolio does not have is added;
 * - an item the portfolio has with the same content, unknown members
 *   included, is already there and adds nothing;
 * - an item the portfolio has with other content is a conflict: keep the
 *   existing, take the imported, or keep both (the imported one then gets
 *   a free id, and what the file says refers to it follows, when the plan
 *   is applied);
 * - an item the portfolio has under such an id ("copper-2" for the file's
 *   "copper"), from an earlier merge of the file, is already there too:
 *   what the file says refers to it then refers to that id, so that its
 *   records are found already there, and merging the same file again
 *   adds nothing.
 *
 * Investment events, production figures and national figures have no id:
 * one the same as one of the portfolio's (what it names followed as above)
 * is already there, any other is added. The portfolio's item answers for
 * one of the file's only, so that a file listing the same figure twice
 * keeps both when merged into a portfolio that has it once.
 *
 * Export records go through the rule of every import: equal to one there,
 * already present; the same mineral, year, month, destination and HS code
 * with other figures, a conflict.
 *
 * Exchange rates are matched by currency and period: the same rate (and
 * source and note) is already there, another is a conflict, in which both
 * cannot be kept. The file's fiscal year comes with it when the
 * portfolio's starts in January, as one with no fiscal year of its own
 * does; when the two start in other months, the portfolio's stays, and the
 * file's records and rates of fiscal years, which would then stand for
 * other months, are skipped, saying why. Unknown members of the file's items and
 * records come with them; those of the file itself join the portfolio's
 * where it has no member of that name. */

/* Equality of items, member by member, their ids left aside */

static gboolean
extra_equal (JsonObject *a,
             JsonObject *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) && (b == NULL || json_object_get_size (b) == 0);

  return json_object_equal (a, b);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint n_a = a != NULL ? g_strv_length ((char **) a) : 0;
  guint n_b = b != NULL ? g_strv_length ((char **) b) : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;

  return TRUE;
}

/* Quantities and shares as the file has them: the same double. */
static gboolean
number_equal (double a,
              double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static gboolean
source_equal (LodeSource *a,
              LodeSource *b)
{
  return g_strcmp0 (lode_source_get_title (a), lode_source_get_title (b)) == 0 &&
         g_strcmp0 (lode_source_get_publisher (a), lode_source_get_publisher (b)) == 0 &&
         g_strcmp0 (lode_source_get_date (a), lode_source_get_date (b)) == 0 &&
         g_strcmp0 (lode_source_get_url (a), lode_source_get_url (b)) == 0 &&
         extra_equal (lode_source_get_extra (a), lode_source_get_extra (b));
}

static gboolean
reserve_equal (LodeReserve *a,
               LodeReserve *b)
{
  return lode_reserve_get_category (a) == lode_reserve_get_category (b) &&
         number_equal (lode_reserve_get_quantity (a), lode_reserve_get_quantity (b)) &&
         lode_reserve_get_unit (a) == lode_reserve_get_unit (b) &&
         lode_reserve_get_value (a) == lode_reserve_get_value (b) &&
         lode_reserve_get_year (a) == lode_reserve_get_year (b) &&
         g_strcmp0 (lode_reserve_get_source (a), lode_reserve_get_source (b)) == 0 &&
         extra_equal (lode_reserve_get_extra (a), lode_reserve_get_extra (b));
}

/* The items of two list models, pairwise equal. */
static gboolean
list_equal (GListModel *a,
            GListModel *b,
            gboolean  (*equal) (gpointer, gpointer))
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr(GObject) item_b = g_list_model_get_item (b, i);

      if (!equal (item_a, item_b))
        return FALSE;
    }

  return TRUE;
}

static gboolean
mineral_equal (LodeMineral *a,
               LodeMineral *b)
{
  return g_strcmp0 (lode_mineral_get_name (a), lode_mineral_get_name (b)) == 0 &&
         g_strcmp0 (lode_mineral_get_symbol (a), lode_mineral_get_symbol (b)) == 0 &&
         lode_mineral_get_group (a) == lode_mineral_get_group (b) &&
         strv_equal (lode_mineral_get_hs_codes (a), lode_mineral_get_hs_codes (b)) &&
         list_equal (lode_mineral_get_reserves (a), lode_mineral_get_reserves (b),
                     (gboolean (*) (gpointer, gpointer)) reserve_equal) &&
         extra_equal (lode_mineral_get_extra (a), lode_mineral_get_extra (b));
}

static gboolean
partner_equal (LodePartner *a,
               LodePartner *b)
{
  return g_strcmp0 (lode_partner_get_name (a), lode_partner_get_name (b)) == 0 &&
         g_strcmp0 (lode_partner_get_country (a), lode_partner_get_country (b)) == 0 &&
         number_equal (lode_partner_get_share (a), lode_partner_get_share (b)) &&
         extra_equal (lode_partner_get_extra (a), lode_partner_get_extra (b));
}

static gboolean
project_equal (LodeProject *a,
               LodeProject *b)
{
  return g_strcmp0 (lode_project_get_name (a), lode_project_get_name (b)) == 0 &&
         strv_equal (lode_project_get_minerals (a), lode_project_get_minerals (b)) &&
         g_strcmp0 (lode_project_get_region (a), lode_project_get_region (b)) == 0 &&
         g_strcmp0 (lode_project_get_operator (a), lode_project_get_operator (b)) == 0 &&
         lode_project_get_status (a) == lode_project_get_status (b) &&
         list_equal (lode_project_get_partners (a), lode_project_get_partners (b),
                     (gboolean (*) (gpointer, gpointer)) partner_equal) &&
         lode_project_get_committed (a) == lode_project_get_committed (b) &&
         lode_project_get_disbursed (a) == lode_project_get_disbursed (b) &&
         lode_project_get_start_year (a) == lode_project_get_start_year (b) &&
         lode_project_get_jobs (a) == lode_project_get_jobs (b) &&
         g_strcmp0 (lode_project_get_source (a), lode_project_get_source (b)) == 0 &&
         extra_equal (lode_project_get_extra (a), lode_project_get_extra (b)) &&
         extra_equal (lode_project_get_investment_extra (a), lode_project_get_investment_extra (b));
}

static gboolean
target_equal (LodeTarget *a,
              LodeTarget *b)
{
  for (LodeTargetExtra where = LODE_TARGET_EXTRA_SELF; where <= LODE_TARGET_EXTRA_TARGET; where++)
    if (!extra_equal (lode_target_get_extra (a, where), lode_target_get_extra (b, where)))
      return FALSE;

  return g_strcmp0 (lode_target_get_title (a), lode_target_get_title (b)) == 0 &&
         lode_target_get_metric_kind (a) == lode_target_get_metric_kind (b) &&
         g_strcmp0 (lode_target_get_metric_mineral (a), lode_target_get_metric_mineral (b)) == 0 &&
         g_strcmp0 (lode_target_get_metric_destination (a), lode_target_get_metric_destination (b)) == 0 &&
         lode_target_get_baseline_year (a) == lode_target_get_baseline_year (b) &&
         lode_target_get_baseline_value (a) == lode_target_get_baseline_value (b) &&
         lode_target_get_target_year (a) == lode_target_get_target_year (b) &&
         lode_target_get_target_low (a) == lode_target_get_target_low (b) &&
         lode_target_get_target_high (a) == lode_target_get_target_high (b) &&
         g_strcmp0 (lode_target_get_source (a), lode_target_get_source (b)) == 0;
}

static gboolean
investment_equal (LodeInvestment *a,
                  LodeInvestment *b)
{
  return g_strcmp0 (lode_investment_get_project (a), lode_investment_get_project (b)) == 0 &&
         g_strcmp0 (lode_investment_get_investor (a), lode_investment_get_investor (b)) == 0 &&
         g_strcmp0 (lode_investment_get_investor_country (a), lode_investment_get_investor_country (b)) == 0 &&
         lode_investment_get_kind (a) == lode_investment_get_kind (b) &&
         lode_investment_get_value (a) == lode_investment_get_value (b) &&
         g_strcmp0 (lode_investment_get_date (a), lode_investment_get_date (b)) == 0 &&
         strv_equal (lode_investment_get_minerals (a), lode_investment_get_minerals (b)) &&
         g_strcmp0 (lode_investment_get_source (a), lode_investment_get_source (b)) == 0 &&
         g_strcmp0 (lode_investment_get_note (a), lode_investment_get_note (b)) == 0 &&
         extra_equal (lode_investment_get_extra (a), lode_investment_get_extra (b));
}

static gboolean
production_equal (LodeProduction *a,
                  LodeProduction *b)
{
  return g_strcmp0 (lode_production_get_mineral (a), lode_production_get_mineral (b)) == 0 &&
         g_strcmp0 (lode_production_get_project (a), lode_production_get_project (b)) == 0 &&
         lode_production_get_year (a) == lode_production_get_year (b) &&
         number_equal (lode_production_get_quantity (a), lode_production_get_quantity (b)) &&
         lode_production_get_unit (a) == lode_production_get_unit (b) &&
         g_strcmp0 (lode_production_get_source (a), lode_production_get_source (b)) == 0 &&
         g_strcmp0 (lode_production_get_note (a), lode_production_get_note (b)) == 0 &&
         extra_equal (lode_production_get_extra (a), lode_production_get_extra (b));
}

static gboolean
national_figure_equal (LodeNationalFigure *a,
                       LodeNationalFigure *b)
{
  return lode_national_figure_get_kind (a) == lode_national_figure_get_kind (b) &&
         g_strcmp0 (lode_national_figure_get_country (a), lode_national_figure_get_country (b)) == 0 &&
         lode_national_figure_get_year (a) == lode_national_figure_get_year (b) &&
         lode_national_figure_get_value (a) == lode_national_figure_get_value (b) &&
         number_equal (lode_national_figure_get_change (a), lode_national_figure_get_change (b)) &&
         g_strcmp0 (lode_national_figure_get_note (a), lode_national_figure_get_note (b)) == 0 &&
         g_strcmp0 (lode_national_figure_get_source (a), lode_national_figure_get_source (b)) == 0 &&
         extra_equal (lode_national_figure_get_extra (a), lode_national_figure_get_extra (b));
}

static gboolean
rate_equal (LodeExchangeRate *a,
            LodeExchangeRate *b)
{
  return lode_exchange_rate_get_rate (a) == lode_exchange_rate_get_rate (b) &&
         g_strcmp0 (lode_exchange_rate_get_source (a), lode_exchange_rate_get_source (b)) == 0 &&
         g_strcmp0 (lode_exchange_rate_get_note (a), lode_exchange_rate_get_note (b)) == 0 &&
         extra_equal (lode_exchange_rate_get_extra (a), lode_exchange_rate_get_extra (b));
}

/* The same currency and period, as the reader tells two rates apart: a
 * year without a period kind is a calendar year. */
static gboolean
rate_same_period (LodeExchangeRate *a,
                  LodeExchangeRate *b)
{
  return g_strcmp0 (lode_exchange_rate_get_currency (a), lode_exchange_rate_get_currency (b)) == 0 &&
         lode_exchange_rate_get_year (a) == lode_exchange_rate_get_year (b) &&
         lode_exchange_rate_get_month (a) == lode_exchange_rate_get_month (b) &&
         (lode_exchange_rate_get_period (a) == LODE_PERIOD_KIND_FISCAL_YEAR) ==
         (lode_exchange_rate_get_period (b) == LODE_PERIOD_KIND_FISCAL_YEAR);
}

/* Records of the minerals the portfolio holds the file's under another
 * id: a record the same as one of the portfolio's, by the mineral's id as
 * the file writes it, was left alone by an earlier merge; any other is one
 * of the mineral kept under the other id. The portfolio's records of those
 * ids, as text, to look that up. */
static char *
record_text (const char *mineral,
             int         year,
             int         month,
             const char *destination,
             const char *hs_code,
             LodeStage   stage,
             double      quantity,
             LodeUnit    unit,
             LodeMoney   value)
{
  return g_strdup_printf ("%s|%d|%d|%s|%s|%d|%.17g|%d|%" G_GINT64_FORMAT, mineral, year, month,
                          destination != NULL ? destination : "", hs_code != NULL ? hs_code : "",
                          stage, quantity, unit, value);
}

static GHashTable *
records_of_minerals (LodeImportContext *ctx,
                     GHashTable        *minerals)
{
  const LodeExportTableVersion *existing = _lode_import_context_get_existing_exports (ctx);
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = _lode_export_table_version_get_n_rows (existing);

  if (g_hash_table_size (minerals) == 0)
    return records;

  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRawRow row;
      const char *mineral;

      _lode_export_table_version_get_raw_row (existing, i, &row);
      mineral = _lode_export_table_version_get_string (existing, row.mineral);
      if (mineral == NULL || !g_hash_table_contains (minerals, mineral))
        continue;

      g_hash_table_add (records, record_text (mineral, row.year, row.month,
                                              _lode_export_table_version_get_string (existing, row.destination),
                                              _lode_export_table_version_get_string (existing, row.hs_code),
                                              row.stage, row.quantity, row.unit, row.value));
    }

  return records;
}

/* Merging */

typedef GPtrArray *(*ListFunc) (LodeImportContext *ctx);
typedef const char *(*IdFunc)  (gpointer           item);

typedef struct
{
  ListFunc   list;
  IdFunc     get_id;
  gboolean (*equal) (gpointer, gpointer);
} ItemKind;

static const ItemKind kinds[] = {
  { _lode_import_context_get_sources, (IdFunc) lode_source_get_id,
    (gboolean (*) (gpointer, gpointer)) source_equal },
  { _lode_import_context_get_minerals, (IdFunc) lode_mineral_get_id,
    (gboolean (*) (gpointer, gpointer)) mineral_equal },
  { _lode_import_context_get_projects, (IdFunc) lode_project_get_id,
    (gboolean (*) (gpointer, gpointer)) project_equal },
  { _lode_import_context_get_targets, (IdFunc) lode_target_get_id,
    (gboolean (*) (gpointer, gpointer)) target_equal },
};

/* The file's ids of sources, minerals and projects that the portfolio
 * holds under another id, the file's id → the portfolio's. */
typedef struct
{
  GHashTable *sources;
  GHashTable *minerals;
  GHashTable *projects;
} Aliases;

static const char *
alias (GHashTable *map,
       const char *id)
{
  const char *other = id != NULL ? g_hash_table_lookup (map, id) : NULL;

  return other != NULL ? other : id;
}

/* @ids with each id the portfolio holds under another in @map replaced,
 * NULL-terminated, or NULL when none is. */
static GPtrArray *
alias_strv (GHashTable         *map,
            const char * const *ids)
{
  GPtrArray *result;

  if (ids == NULL || g_hash_table_size (map) == 0)
    return NULL;

  result = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (result, (gpointer) alias (map, ids[i]));
  g_ptr_array_add (result, NULL);

  return result;
}

/* Points the references of an item of the file (its own object, to
 * change as it likes) at the ids the portfolio holds them under. */
static void
follow_aliases (GObject *item,
                Aliases *aliases)
{
  if (LODE_IS_MINERAL (item))
    {
      GListModel *reserves = lode_mineral_get_reserves (LODE_MINERAL (item));

      for (guint i = 0; i < g_list_model_get_n_items (reserves); i++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, i);
          const char *source = lode_reserve_get_source (reserve);

          if (source != alias (aliases->sources, source))
            lode_reserve_set_source (reserve, alias (aliases->sources, source));
        }
    }
  else if (LODE_IS_PROJECT (item))
    {
      LodeProject *project = LODE_PROJECT (item);
      const char * const *minerals = lode_project_get_minerals (project);
      const char *source = lode_project_get_source (project);

      if (minerals != NULL && g_hash_table_size (aliases->minerals) > 0)
        {
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();

          for (guint i = 0; minerals[i] != NULL; i++)
            g_ptr_array_add (ids, (gpointer) alias (aliases->minerals, minerals[i]));
          g_ptr_array_add (ids, NULL);
          lode_project_set_minerals (project, (const char * const *) ids->pdata);
        }
      if (source != alias (aliases->sources, source))
        lode_project_set_source (project, alias (aliases->sources, source));
    }
  else if (LODE_IS_TARGET (item))
    {
      LodeTarget *target = LODE_TARGET (item);
      const char *mineral = lode_target_get_metric_mineral (target);
      const char *source = lode_target_get_source (target);

      if (mineral != alias (aliases->minerals, mineral))
        lode_target_set_metric_mineral (target, alias (aliases->minerals, mineral));
      if (source != alias (aliases->sources, source))
        lode_target_set_source (target, alias (aliases->sources, source));
    }
  else if (LODE_IS_INVESTMENT (item))
    {
      LodeInvestment *investment = LODE_INVESTMENT (item);
      const char *project = lode_investment_get_project (investment);
      const char *source = lode_investment_get_source (investment);
      g_autoptr(GPtrArray) minerals = alias_strv (aliases->minerals, lode_investment_get_minerals (investment));

      if (project != alias (aliases->projects, project))
        lode_investment_set_project (investment, alias (aliases->projects, project));
      if (minerals != NULL)
        lode_investment_set_minerals (investment, (const char * const *) minerals->pdata);
      if (source != alias (aliases->sources, source))
        lode_investment_set_source (investment, alias (aliases->sources, source));
    }
  else if (LODE_IS_PRODUCTION (item))
    {
      LodeProduction *production = LODE_PRODUCTION (item);
      const char *mineral = lode_production_get_mineral (production);
      const char *project = lode_production_get_project (production);
      const char *source = lode_production_get_source (production);

      if (mineral != alias (aliases->minerals, mineral))
        lode_production_set_mineral (production, alias (aliases->minerals, mineral));
      if (project != alias (aliases->projects, project))
        lode_production_set_project (production, alias (aliases->projects, project));
      if (source != alias (aliases->sources, source))
        lode_production_set_source (production, alias (aliases->sources, source));
    }
  else if (LODE_IS_NATIONAL_FIGURE (item))
    {
      LodeNationalFigure *figure = LODE_NATIONAL_FIGURE (item);
      const char *source = lode_national_figure_get_source (figure);

      if (source != alias (aliases->sources, source))
        lode_national_figure_set_source (figure, alias (aliases->sources, source));
    }
  else if (LODE_IS_EXCHANGE_RATE (item))
    {
      LodeExchangeRate *rate = LODE_EXCHANGE_RATE (item);
      const char *source = lode_exchange_rate_get_source (rate);

      if (source != alias (aliases->sources, source))
        lode_exchange_rate_set_source (rate, alias (aliases->sources, source));
    }
}

/* "copper-2" for "copper": an id a merge kept an item of the file under. */
static gboolean
is_kept_id (const char *id,
            const char *original)
{
  gsize length = strlen (original);
  const char *p;

  if (strncmp (id, original, length) != 0 || id[length] != '-' || id[length + 1] == '\0')
    return FALSE;
  for (p = id + length + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* Adds the items of @store that are new or differ; returns how many were
 * already there. */
static guint
merge_items (LodeImportContext *ctx,
             const ItemKind    *kind,
             GListModel        *store,
             Aliases           *aliases,
             GHashTable        *map)
{
  GPtrArray *existing_items = kind->list (ctx);
  guint n_present = 0;

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (store, i);
      const char *id = kind->get_id (item);
      GObject *existing = NULL;
      GObject *kept = NULL;

      for (guint j = 0; j < existing_items->len && existing == NULL; j++)
        if (g_strcmp0 (kind->get_id (g_ptr_array_index (existing_items, j)), id) == 0)
          existing = g_ptr_array_index (existing_items, j);

      /* The same as the portfolio's as it stands, what it names meaning
       * what the portfolio's names: it was left alone before. */
      if (existing != NULL && kind->equal (existing, item))
        {
          n_present++;
          continue;
        }

      /* Else what it names is what the file names, which the portfolio
       * may hold under other ids. */
      follow_aliases (item, aliases);
      for (guint j = 0; j < existing_items->len && kept == NULL; j++)
        {
          GObject *candidate = g_ptr_array_index (existing_items, j);

          if (is_kept_id (kind->get_id (candidate), id) && kind->equal (candidate, item))
            kept = candidate;
        }

      if (existing != NULL && kind->equal (existing, item))
        n_present++;
      else if (existing != NULL && kept != NULL)
        {
          n_present++;
          if (map != NULL)
            g_hash_table_insert (map, g_strdup (id), g_strdup (kind->get_id (kept)));
        }
      else
        _lode_import_context_add_item (ctx, item, existing);
    }

  return n_present;
}

/* Items without an id: investment events, production and national figures */

typedef struct
{
  ListFunc   list;
  gboolean (*equal) (gpointer, gpointer);
} FigureKind;

static const FigureKind figure_kinds[] = {
  { _lode_import_context_get_investments, (gboolean (*) (gpointer, gpointer)) investment_equal },
  { _lode_import_context_get_production, (gboolean (*) (gpointer, gpointer)) production_equal },
  { _lode_import_context_get_national_figures, (gboolean (*) (gpointer, gpointer)) national_figure_equal },
};

/* The first of @items not yet @used that is the same as @item, or -1. */
static int
find_unused_equal (GPtrArray               *items,
                   const gboolean          *used,
                   gboolean               (*equal) (gpointer, gpointer),
                   gpointer                 item)
{
  for (guint j = 0; j < items->len; j++)
    if (!used[j] && equal (g_ptr_array_index (items, j), item))
      return j;

  return -1;
}

/* Adds the items of @store that the portfolio does not have; returns how
 * many it has. */
static guint
merge_figures (LodeImportContext *ctx,
               const FigureKind  *kind,
               GListModel        *store,
               Aliases           *aliases)
{
  GPtrArray *existing_items = kind->list (ctx);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (existing_items->len, 1));
  guint n_present = 0;

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (store, i);
      int found = find_unused_equal (existing_items, used, kind->equal, item);

      /* As for items with ids: the same as the portfolio's as the file
       * writes it, else once what it names follows the portfolio's ids. */
      if (found < 0)
        {
          follow_aliases (item, aliases);
          found = find_unused_equal (existing_items, used, kind->equal, item);
        }

      if (found >= 0)
        {
          used[found] = TRUE;
          n_present++;
        }
      else
        _lode_import_context_add_item (ctx, item, NULL);
    }

  return n_present;
}

/* Exchange rates */

/* Adds the rates of @store that the portfolio does not have, a conflict
 * where it has another rate of the same currency and period; returns how
 * many it has. Rates of fiscal years are skipped when @fiscal_differs. */
static guint
merge_rates (LodeImportContext *ctx,
             GListModel        *store,
             Aliases           *aliases,
             gboolean           fiscal_differs)
{
  GPtrArray *existing_rates = _lode_import_context_get_exchange_rates (ctx);
  guint n_present = 0;

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(LodeExchangeRate) rate = g_list_model_get_item (store, i);
      LodeExchangeRate *existing = NULL;

      if (fiscal_differs && lode_exchange_rate_get_period (rate) == LODE_PERIOD_KIND_FISCAL_YEAR)
        {
          _lode_import_context_skip (ctx, 0, _("A rate of a fiscal year that starts in another month than the portfolio’s"));
          continue;
        }

      follow_aliases (G_OBJECT (rate), aliases);
      for (guint j = 0; j < existing_rates->len && existing == NULL; j++)
        if (rate_same_period (g_ptr_array_index (existing_rates, j), rate))
          existing = g_ptr_array_index (existing_rates, j);

      if (existing != NULL && rate_equal (existing, rate))
        n_present++;
      else
        _lode_import_context_add_item (ctx, G_OBJECT (rate), G_OBJECT (existing));
    }

  return n_present;
}

/* Takes the file's fiscal year where the portfolio has none of its own;
 * returns whether the two then differ. */
static gboolean
merge_fiscal_year (LodeImportContext *ctx,
                   LodePortfolio     *other)
{
  int ours = _lode_import_context_get_fiscal_year_start (ctx);
  int theirs = lode_portfolio_get_fiscal_year_start (other);
  g_autofree char *their_month = NULL;
  g_autofree char *note = NULL;

  if (ours == theirs || theirs == 1)
    return ours != theirs;

  their_month = lode_period_month_name (theirs);
  if (ours == 1)
    {
      _lode_import_context_set_fiscal_year_start (ctx, theirs);
      /* Translators: a note of a merge; %s is a month, "July" */
      note = g_strdup_printf (_("The portfolio’s fiscal year will start in %s, as the file’s does"), their_month);
    }
  else
    {
      g_autofree char *our_month = lode_period_month_name (ours);

      /* Translators: a note of a merge; %1$s and %2$s are months */
      note = g_strdup_printf (_("The file’s fiscal year starts in %1$s, the portfolio’s in %2$s: the portfolio’s "
                                "stays, and the file’s records and rates of fiscal years are left out"),
                              their_month, our_month);
    }
  _lode_import_context_add_note (ctx, note);

  return ours != 1;
}

static void
load_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  _lode_import_context_progress (user_data, done, total);
}

gboolean
_lode_import_portfolio_run (LodeImportContext *ctx,
                            GFile             *file,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(LodePortfolio) other = NULL;
  g_autoptr(GHashTable) source_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) mineral_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) project_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Aliases aliases = { source_aliases, mineral_aliases, project_aliases };
  GHashTable *maps[G_N_ELEMENTS (kinds)] = { source_aliases, mineral_aliases, project_aliases, NULL };
  g_autoptr(GHashTable) left_alone = NULL;
  LodeExportTable *table;
  guint n_rows;
  guint n_present = 0;
  GListStore *stores[G_N_ELEMENTS (kinds)];
  GListStore *figure_stores[G_N_ELEMENTS (figure_kinds)];
  guint n_figures_present = 0;
  guint n_rates_present;
  gboolean fiscal_differs;

  _lode_import_context_set_layout (ctx, LODE_IMPORT_LAYOUT_PORTFOLIO);

  other = lode_portfolio_load_file_full (file, load_progress, ctx, cancellable, error);
  if (other == NULL)
    return FALSE;

  fiscal_differs = merge_fiscal_year (ctx, other);

  stores[0] = lode_portfolio_get_sources (other);
  stores[1] = lode_portfolio_get_minerals (other);
  stores[2] = lode_portfolio_get_projects (other);
  stores[3] = lode_portfolio_get_targets (other);
  /* Sources first, then minerals: what comes after may name them. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    n_present += merge_items (ctx, &kinds[k], G_LIST_MODEL (stores[k]), &aliases, maps[k]);

  if (n_present > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u source, mineral, project or target of the file is already in the portfolio",
                                      "%u sources, minerals, projects or targets of the file are already in the portfolio",
                                      n_present),
                         n_present);

      _lode_import_context_add_note (ctx, note);
    }

  /* After the items with ids: they name projects, minerals and sources. */
  figure_stores[0] = lode_portfolio_get_investments (other);
  figure_stores[1] = lode_portfolio_get_production (other);
  figure_stores[2] = lode_portfolio_get_national_figures (other);
  for (guint k = 0; k < G_N_ELEMENTS (figure_kinds); k++)
    n_figures_present += merge_figures (ctx, &figure_kinds[k], G_LIST_MODEL (figure_stores[k]), &aliases);

  if (n_figures_present > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u investment event, production figure or national figure of the file is already in the portfolio",
                                      "%u investment events, production figures or national figures of the file are already in the portfolio",
                                      n_figures_present),
                         n_figures_present);

      _lode_import_context_add_note (ctx, note);
    }

  /* After the sources, which they name. */
  n_rates_present = merge_rates (ctx, G_LIST_MODEL (lode_portfolio_get_exchange_rates (other)), &aliases,
                                 fiscal_differs);
  if (n_rates_present > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u exchange rate of the file is already in the portfolio",
                                      "%u exchange rates of the file are already in the portfolio",
                                      n_rates_present),
                         n_rates_present);

      _lode_import_context_add_note (ctx, note);
    }

  /* Records keep their own sources: a record the file cites nothing for
   * stays without a source. */
  table = lode_portfolio_get_exports (other);
  n_rows = lode_export_table_get_n_rows (table);
  left_alone = records_of_minerals (ctx, mineral_aliases);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      lode_export_table_get_row (table, i, &row);
      if (fiscal_differs && row.period == LODE_PERIOD_KIND_FISCAL_YEAR)
        {
          _lode_import_context_skip (ctx, 0, _("A record of a fiscal year that starts in another month than the portfolio’s"));
          continue;
        }
      if (g_hash_table_contains (mineral_aliases, row.mineral))
        {
          g_autofree char *text = record_text (row.mineral, row.year, row.month, row.destination, row.hs_code,
                                               row.stage, row.quantity, row.unit, row.value);

          if (!g_hash_table_contains (left_alone, text))
            row.mineral = alias (mineral_aliases, row.mineral);
        }
      row.source = alias (source_aliases, row.source);
      _lode_import_context_add_export_with_extra (ctx, &row, lode_export_table_get_extra (table, i), 0);
    }

  _lode_import_context_set_extra (ctx, lode_portfolio_get_extra (other));

  return TRUE;
}
