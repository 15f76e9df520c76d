/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lode-import-private.h"
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
 *   is applied).
 *
 * Export records go through the rule of every import: equal to one there,
 * already present; the same mineral, year, month, destination and HS code
 * with other figures, a conflict. Unknown members of the file's items and
 * records come with them; those of the file itself join the portfolio's
 * where it has no member of that name. */

/* Equality of items, member by member */

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
  return g_strcmp0 (lode_source_get_id (a), lode_source_get_id (b)) == 0 &&
         g_strcmp0 (lode_source_get_title (a), lode_source_get_title (b)) == 0 &&
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
  return g_strcmp0 (lode_mineral_get_id (a), lode_mineral_get_id (b)) == 0 &&
         g_strcmp0 (lode_mineral_get_name (a), lode_mineral_get_name (b)) == 0 &&
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
  return g_strcmp0 (lode_project_get_id (a), lode_project_get_id (b)) == 0 &&
         g_strcmp0 (lode_project_get_name (a), lode_project_get_name (b)) == 0 &&
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

  return g_strcmp0 (lode_target_get_id (a), lode_target_get_id (b)) == 0 &&
         g_strcmp0 (lode_target_get_title (a), lode_target_get_title (b)) == 0 &&
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

/* Merging */

typedef GObject *(*FindFunc)  (LodeImportContext *ctx,
                               const char        *id);
typedef const char *(*IdFunc) (gpointer           item);

typedef struct
{
  FindFunc   find;
  IdFunc     get_id;
  gboolean (*equal) (gpointer, gpointer);
} ItemKind;

static const ItemKind kinds[] = {
  { (FindFunc) _lode_import_context_find_source, (IdFunc) lode_source_get_id,
    (gboolean (*) (gpointer, gpointer)) source_equal },
  { (FindFunc) _lode_import_context_find_mineral, (IdFunc) lode_mineral_get_id,
    (gboolean (*) (gpointer, gpointer)) mineral_equal },
  { (FindFunc) _lode_import_context_find_project, (IdFunc) lode_project_get_id,
    (gboolean (*) (gpointer, gpointer)) project_equal },
  { (FindFunc) _lode_import_context_find_target, (IdFunc) lode_target_get_id,
    (gboolean (*) (gpointer, gpointer)) target_equal },
};

/* Adds the items of @store that are new or differ; returns how many were
 * already there. */
static guint
merge_items (LodeImportContext *ctx,
             const ItemKind    *kind,
             GListModel        *store)
{
  guint n_present = 0;

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (store, i);
      GObject *existing = kind->find (ctx, kind->get_id (item));

      if (existing != NULL && kind->equal (existing, item))
        n_present++;
      else
        _lode_import_context_add_item (ctx, item, existing);
    }

  return n_present;
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
  LodeExportTable *table;
  guint n_rows;
  guint n_present = 0;
  GListStore *stores[G_N_ELEMENTS (kinds)];

  _lode_import_context_set_layout (ctx, LODE_IMPORT_LAYOUT_PORTFOLIO);

  other = lode_portfolio_load_file_full (file, load_progress, ctx, cancellable, error);
  if (other == NULL)
    return FALSE;

  stores[0] = lode_portfolio_get_sources (other);
  stores[1] = lode_portfolio_get_minerals (other);
  stores[2] = lode_portfolio_get_projects (other);
  stores[3] = lode_portfolio_get_targets (other);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    n_present += merge_items (ctx, &kinds[k], G_LIST_MODEL (stores[k]));

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

  /* Records keep their own sources: a record the file cites nothing for
   * stays without a source. */
  table = lode_portfolio_get_exports (other);
  n_rows = lode_export_table_get_n_rows (table);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      lode_export_table_get_row (table, i, &row);
      _lode_import_context_add_export_with_extra (ctx, &row, lode_export_table_get_extra (table, i), 0);
    }

  _lode_import_context_set_extra (ctx, lode_portfolio_get_extra (other));

  return TRUE;
}
