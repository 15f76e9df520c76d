/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lode-currency.h"
#include "lode-exchange-rate.h"
#include "lode-hs-commodities.h"
#include "lode-import-private.h"
#include "lode-periods.h"
#include "lode-rules.h"

/* The plan: what an import would do, made in a worker and applied on the
 * main thread. */

#define N_SAMPLES 20

typedef enum
{
  CONFLICT_EXPORT,
  CONFLICT_ITEM,
} ConflictKind;

typedef struct
{
  ConflictKind         kind;
  guint                imported;  /* row of plan->exports, or index in plan->items */
  guint                existing;  /* row of the portfolio's table */
  LodeExportRow        was;       /* that row when the plan was made; strings interned by plan->exports */
  GObject             *existing_item;
  LodeImportResolution resolution;
} Conflict;

typedef struct
{
  guint64     line;
  const char *reason;  /* interned in plan->strings */
} Skipped;

typedef struct
{
  char        *mineral;
  LodeReserve *reserve;
} Reserve;

struct _LodeImportPlan
{
  GObject          parent_instance;

  LodeImportLayout layout;
  LodeCsvEncoding  encoding;
  GStrv            header;
  GPtrArray       *samples;     /* of GStrv */

  LodeExportTable *exports;
  GListStore      *items;
  GArray          *reserves;    /* of Reserve */
  GArray          *skipped;     /* of Skipped */
  GHashTable      *reasons;     /* interned reason texts */
  GArray          *conflicts;   /* of Conflict */
  GHashTable      *conflict_rows; /* row of exports + 1 → conflict index + 1 */
  GPtrArray       *notes;       /* NULL-terminated */
  char            *file_name;
  char            *label;
  JsonObject      *extra;       /* unknown members of a merged portfolio */

  /* What the portfolio looked like, so apply can tell it changed. */
  LodePortfolio   *portfolio;   /* weak pointer, compared only */
  guint            n_portfolio_rows;
  guint            n_portfolio_minerals;
  guint            n_portfolio_sources;
  guint            n_portfolio_rates;
  int              portfolio_fiscal_year_start;

  /* The month the portfolio's fiscal year is to start in, taken from a
   * merged portfolio; 0 to leave it. */
  int              fiscal_year_start;
};

G_DEFINE_FINAL_TYPE (LodeImportPlan, lode_import_plan, G_TYPE_OBJECT)

static void
reserve_clear (gpointer data)
{
  Reserve *reserve = data;

  g_free (reserve->mineral);
  g_clear_object (&reserve->reserve);
}

static void
conflict_clear (gpointer data)
{
  Conflict *conflict = data;

  g_clear_object (&conflict->existing_item);
}

static void
lode_import_plan_finalize (GObject *object)
{
  LodeImportPlan *self = LODE_IMPORT_PLAN (object);

  g_strfreev (self->header);
  g_ptr_array_unref (self->samples);
  g_object_unref (self->exports);
  g_object_unref (self->items);
  g_array_unref (self->reserves);
  g_array_unref (self->skipped);
  g_hash_table_unref (self->reasons);
  g_array_unref (self->conflicts);
  g_hash_table_unref (self->conflict_rows);
  g_ptr_array_unref (self->notes);
  g_free (self->file_name);
  g_free (self->label);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_import_plan_parent_class)->finalize (object);
}

static void
lode_import_plan_class_init (LodeImportPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lode_import_plan_finalize;
}

static void
lode_import_plan_init (LodeImportPlan *self)
{
  self->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->exports = lode_export_table_new ();
  self->items = g_list_store_new (G_TYPE_OBJECT);
  self->reserves = g_array_new (FALSE, FALSE, sizeof (Reserve));
  g_array_set_clear_func (self->reserves, reserve_clear);
  self->skipped = g_array_new (FALSE, FALSE, sizeof (Skipped));
  self->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->conflicts = g_array_new (FALSE, FALSE, sizeof (Conflict));
  g_array_set_clear_func (self->conflicts, conflict_clear);
  self->conflict_rows = g_hash_table_new (NULL, NULL);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

/* Layouts and options */

static const struct
{
  LodeImportLayout layout;
  const char      *id;
} layout_ids[] = {
  { LODE_IMPORT_LAYOUT_AUTO, "auto" },
  { LODE_IMPORT_LAYOUT_COMTRADE, "comtrade" },
  { LODE_IMPORT_LAYOUT_COMTRADE_LEGACY, "comtrade-legacy" },
  { LODE_IMPORT_LAYOUT_USGS_MCS, "usgs-mcs" },
  { LODE_IMPORT_LAYOUT_LODE, "lode" },
  { LODE_IMPORT_LAYOUT_MAPPED, "mapped" },
  { LODE_IMPORT_LAYOUT_PORTFOLIO, "portfolio" },
};

const char *
lode_import_layout_get_id (LodeImportLayout layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout_ids); i++)
    if (layout_ids[i].layout == layout)
      return layout_ids[i].id;

  return NULL;
}

gboolean
lode_import_layout_from_id (const char       *id,
                            LodeImportLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (layout_ids); i++)
    if (strcmp (layout_ids[i].id, id) == 0)
      {
        *layout = layout_ids[i].layout;
        return TRUE;
      }

  return FALSE;
}

const char *
lode_import_layout_get_name (LodeImportLayout layout)
{
  switch (layout)
    {
    case LODE_IMPORT_LAYOUT_COMTRADE:
      return _("UN Comtrade");
    case LODE_IMPORT_LAYOUT_COMTRADE_LEGACY:
      return _("UN Comtrade (before 2023)");
    case LODE_IMPORT_LAYOUT_USGS_MCS:
      return _("USGS Mineral Commodity Summaries");
    case LODE_IMPORT_LAYOUT_LODE:
      return _("Lode export records");
    case LODE_IMPORT_LAYOUT_MAPPED:
      return _("Columns chosen by hand");
    case LODE_IMPORT_LAYOUT_PORTFOLIO:
      return _("Lode portfolio");
    case LODE_IMPORT_LAYOUT_AUTO:
    default:
      return _("Recognised from the file");
    }
}

void
lode_import_options_init (LodeImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->layout = LODE_IMPORT_LAYOUT_AUTO;
  options->encoding = LODE_CSV_ENCODING_AUTO;
  options->on_conflict = LODE_IMPORT_KEEP_EXISTING;
}

/* Getters */

LodeImportLayout
lode_import_plan_get_layout (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), LODE_IMPORT_LAYOUT_AUTO);
  return self->layout;
}

LodeCsvEncoding
lode_import_plan_get_encoding (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), LODE_CSV_ENCODING_AUTO);
  return self->encoding;
}

const char * const *
lode_import_plan_get_header (LodeImportPlan *self,
                             guint          *n_cells)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), NULL);

  if (n_cells != NULL)
    *n_cells = self->header != NULL ? g_strv_length (self->header) : 0;
  return (const char * const *) self->header;
}

guint
lode_import_plan_get_n_samples (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), 0);
  return self->samples->len;
}

const char * const *
lode_import_plan_get_sample (LodeImportPlan *self,
                             guint           index,
                             guint          *n_cells)
{
  GStrv sample;

  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->samples->len, NULL);

  sample = g_ptr_array_index (self->samples, index);
  if (n_cells != NULL)
    *n_cells = g_strv_length (sample);
  return (const char * const *) sample;
}

LodeExportTable *
lode_import_plan_get_exports (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), NULL);
  return self->exports;
}

GListModel *
lode_import_plan_get_items (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
lode_import_plan_get_n_reserves (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), 0);
  return self->reserves->len;
}

void
lode_import_plan_get_reserve (LodeImportPlan  *self,
                              guint            index,
                              const char     **mineral,
                              LodeReserve    **reserve)
{
  const Reserve *entry;

  g_return_if_fail (LODE_IS_IMPORT_PLAN (self));
  g_return_if_fail (index < self->reserves->len);

  entry = &g_array_index (self->reserves, Reserve, index);
  if (mineral != NULL)
    *mineral = entry->mineral;
  if (reserve != NULL)
    *reserve = entry->reserve;
}

guint
lode_import_plan_get_n_skipped (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), 0);
  return self->skipped->len;
}

void
lode_import_plan_get_skipped (LodeImportPlan *self,
                              guint           index,
                              guint64        *line,
                              const char    **reason)
{
  const Skipped *skipped;

  g_return_if_fail (LODE_IS_IMPORT_PLAN (self));
  g_return_if_fail (index < self->skipped->len);

  skipped = &g_array_index (self->skipped, Skipped, index);
  if (line != NULL)
    *line = skipped->line;
  if (reason != NULL)
    *reason = skipped->reason;
}

guint
lode_import_plan_get_n_conflicts (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), 0);
  return self->conflicts->len;
}

LodeImportResolution
lode_import_plan_get_resolution (LodeImportPlan *self,
                                 guint           index)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), LODE_IMPORT_KEEP_EXISTING);
  g_return_val_if_fail (index < self->conflicts->len, LODE_IMPORT_KEEP_EXISTING);

  return g_array_index (self->conflicts, Conflict, index).resolution;
}

/* A portfolio holds one rate of a currency a period: of two rates, both
 * cannot be kept, and the portfolio's is. */
static LodeImportResolution
resolution_for (GObject              *item,
                LodeImportResolution  resolution)
{
  if (LODE_IS_EXCHANGE_RATE (item) && resolution == LODE_IMPORT_KEEP_BOTH)
    return LODE_IMPORT_KEEP_EXISTING;

  return resolution;
}

void
lode_import_plan_set_resolution (LodeImportPlan       *self,
                                 guint                 index,
                                 LodeImportResolution  resolution)
{
  Conflict *conflict;

  g_return_if_fail (LODE_IS_IMPORT_PLAN (self));
  g_return_if_fail (index < self->conflicts->len);

  conflict = &g_array_index (self->conflicts, Conflict, index);
  if (conflict->kind == CONFLICT_ITEM)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), conflict->imported);

      resolution = resolution_for (item, resolution);
    }
  conflict->resolution = resolution;
}

const char * const *
lode_import_plan_get_notes (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), NULL);
  return (const char * const *) self->notes->pdata;
}

/* How many records applying adds or replaces, with the resolutions as they
 * stand. */
static guint
count_taken_exports (LodeImportPlan *self)
{
  guint n = lode_export_table_get_n_rows (self->exports);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const Conflict *conflict = &g_array_index (self->conflicts, Conflict, i);

      if (conflict->kind == CONFLICT_EXPORT && conflict->resolution == LODE_IMPORT_KEEP_EXISTING)
        n--;
    }

  return n;
}

const char *
lode_import_plan_get_label (LodeImportPlan *self)
{
  guint n;

  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), NULL);

  n = count_taken_exports (self);
  g_free (self->label);
  if (n > 0)
    /* Translators: the undo step of an import: "Import 21 export records
     * from TradeData.csv" */
    self->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Import %u export record from %s",
                                                "Import %u export records from %s", n),
                                   n, self->file_name);
  else
    /* Translators: the undo step of an import that adds no export
     * records, only minerals, reserves or other items */
    self->label = g_strdup_printf (_("Import from %s"), self->file_name);

  return self->label;
}

static guint
count_taken_items (LodeImportPlan *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const Conflict *conflict = &g_array_index (self->conflicts, Conflict, i);

      if (conflict->kind == CONFLICT_ITEM && conflict->resolution == LODE_IMPORT_KEEP_EXISTING)
        n--;
    }

  return n;
}

gboolean
lode_import_plan_is_empty (LodeImportPlan *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), TRUE);

  return count_taken_exports (self) == 0 && count_taken_items (self) == 0 &&
         self->reserves->len == 0 && self->fiscal_year_start == 0;
}

static const char *
item_get_id (GObject *item)
{
  if (LODE_IS_MINERAL (item))
    return lode_mineral_get_id (LODE_MINERAL (item));
  if (LODE_IS_SOURCE (item))
    return lode_source_get_id (LODE_SOURCE (item));
  if (LODE_IS_PROJECT (item))
    return lode_project_get_id (LODE_PROJECT (item));
  if (LODE_IS_TARGET (item))
    return lode_target_get_id (LODE_TARGET (item));
  return NULL;
}

/* "2024", "2024-07" or "FY2024-25": the period of a rate. */
static char *
rate_period_name (LodeImportPlan   *self,
                  LodeExchangeRate *rate)
{
  LodePeriod period = { lode_exchange_rate_get_year (rate), 1 };

  if (lode_exchange_rate_get_month (rate) != 0)
    return g_strdup_printf ("%d-%02d", period.first_year, lode_exchange_rate_get_month (rate));
  if (lode_exchange_rate_get_period (rate) == LODE_PERIOD_KIND_FISCAL_YEAR)
    period.start_month = self->fiscal_year_start != 0 ? self->fiscal_year_start : self->portfolio_fiscal_year_start;

  return lode_period_to_string (&period);
}

char *
lode_import_plan_describe_conflict (LodeImportPlan *self,
                                    guint           index)
{
  const Conflict *conflict;

  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);

  conflict = &g_array_index (self->conflicts, Conflict, index);
  if (conflict->kind == CONFLICT_EXPORT)
    {
      LodeExportRow row;
      g_autofree char *value = NULL;
      g_autofree char *period = NULL;

      lode_export_table_get_row (self->exports, conflict->imported, &row);
      value = lode_money_format_full (row.value);
      period = row.month != 0 ? g_strdup_printf ("%d-%02d", row.year, row.month)
                              : g_strdup_printf ("%d", row.year);
      /* Translators: a conflict in an import: mineral id, period (2023 or
       * 2023-07), destination code, HS code, the imported value */
      return g_strdup_printf (_("%s, %s, %s, HS %s: the portfolio already has a record; the file says %s"),
                              row.mineral, period,
                              row.destination != NULL ? row.destination : "—",
                              row.hs_code != NULL ? row.hs_code : "—", value);
    }
  else
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), conflict->imported);

      if (LODE_IS_EXCHANGE_RATE (item))
        {
          LodeExchangeRate *rate = LODE_EXCHANGE_RATE (item);
          LodeExchangeRate *existing = LODE_EXCHANGE_RATE (conflict->existing_item);
          g_autofree char *period = rate_period_name (self, rate);
          g_autofree char *theirs = lode_rate_format (lode_exchange_rate_get_rate (rate));
          g_autofree char *ours = lode_rate_format (lode_exchange_rate_get_rate (existing));

          /* Translators: a conflict in a merge: "PKR, 2024: the portfolio
           * has 278.5 a US dollar; the file says 280" */
          return g_strdup_printf (_("%s, %s: the portfolio has %s a US dollar; the file says %s"),
                                  lode_exchange_rate_get_currency (rate), period, ours, theirs);
        }

      /* Translators: a conflict in a merge: the id of a mineral, source,
       * project or target that both portfolios have */
      return g_strdup_printf (_("“%s” is in both portfolios"), item_get_id (item));
    }
}

/* The context */

typedef struct
{
  guint32 mineral;
  guint32 destination;
  guint32 hs_code;
  int     year;
  int     month;
} Key;

/* An open-addressing set of rows by key: slots hold row + 1, 0 is empty;
 * no allocation per row. */
typedef struct
{
  GArray  *keys;    /* of Key */
  guint32 *slots;
  guint    n_slots; /* a power of two */
} KeySet;

typedef struct
{
  const char *mineral;
  LodeStage   stage;
} HsMapping;

typedef struct
{
  LodeExportRow row;   /* strings interned by the plan's table */
  guint64       line;
} Held;

struct _LodeImportContext
{
  LodeImportPlan         *plan;
  LodeImportOptions       options;
  LodeImportMapping       mapping;
  char                   *country;

  LodeLoadProgressFunc    progress;
  gpointer                progress_data;

  GPtrArray              *minerals;
  GPtrArray              *sources;
  GPtrArray              *projects;
  GPtrArray              *targets;
  GPtrArray              *investments;
  GPtrArray              *production;
  GPtrArray              *national_figures;
  GPtrArray              *exchange_rates;
  LodeExportTableVersion *existing;
  /* HS code (or prefix) → mineral id, from the portfolio's minerals, taken
   * on the main thread. */
  GHashTable             *prefixes;
  GStringChunk           *strings;
  /* Ids of the portfolio's minerals and sources, and its sources by
   * "title\x1fpublisher": copied on the main thread, so that the trade
   * layouts never look at the portfolio's objects from the worker. */
  GHashTable             *mineral_ids;
  GHashTable             *source_ids;
  GHashTable             *source_by_title;

  GHashTable             *hs_cache;     /* HS code → HsMapping */
  GHashTable             *new_minerals; /* id → LodeMineral of the plan */
  char                   *source_id;
  guint32                 source_string;
  LodeSource             *new_source;   /* made for the file, or NULL */

  KeySet                  existing_keys;
  guint32                *existing_ids; /* existing version's string id → plan id */
  gboolean                keys_ready;

  guint                   n_present;
  guint                   n_invalid;

  /* Headings held back until the end, when subheadings win: a file that
   * lists 2603 and 260300 for the same month and partner gives the same
   * exports twice. */
  gboolean                prefer_subheadings;
  KeySet                  subheadings;    /* period, destination, heading of each subheading row */
  GArray                 *held;           /* of Held */
};

static guint
key_hash (const Key *key)
{
  guint h = key->mineral;

  h = h * 31 + key->destination;
  h = h * 31 + key->hs_code;
  h = h * 31 + (guint) key->year;
  h = h * 31 + (guint) key->month;

  /* The fields are small numbers: mix them over every bit, since the set
   * probes by the low ones. */
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

static gboolean
key_equal (const Key *a,
           const Key *b)
{
  return a->mineral == b->mineral && a->destination == b->destination &&
         a->hs_code == b->hs_code && a->year == b->year && a->month == b->month;
}

static void
key_set_init (KeySet *set,
              guint   n_expected)
{
  set->keys = g_array_sized_new (FALSE, FALSE, sizeof (Key), n_expected);
  set->n_slots = 64;
  while (set->n_slots < n_expected * 2)
    set->n_slots *= 2;
  set->slots = g_new0 (guint32, set->n_slots);
}

static void
key_set_clear (KeySet *set)
{
  g_clear_pointer (&set->keys, g_array_unref);
  g_clear_pointer (&set->slots, g_free);
}

/* The rows whose key equals @key, one a call: start with *@slot = -1 and
 * call until it returns -1. */
static gint64
key_set_next (const KeySet *set,
              const Key    *key,
              gint64       *slot)
{
  guint mask = set->n_slots - 1;
  guint i = *slot < 0 ? key_hash (key) & mask : ((guint) *slot + 1) & mask;

  for (; set->slots[i] != 0; i = (i + 1) & mask)
    {
      const Key *other = &g_array_index (set->keys, Key, set->slots[i] - 1);

      if (key_equal (key, other))
        {
          *slot = i;
          return set->slots[i] - 1;
        }
    }

  return -1;
}

/* Adds @key as row keys->len; equal keys (a portfolio may hold the same
 * record twice) each get a slot. */
static void
key_set_add (KeySet    *set,
             const Key *key)
{
  guint mask;
  guint i;

  if ((set->keys->len + 1) * 2 > set->n_slots)
    {
      guint32 *old = set->slots;
      guint old_n = set->n_slots;

      set->n_slots *= 2;
      set->slots = g_new0 (guint32, set->n_slots);
      mask = set->n_slots - 1;
      for (guint j = 0; j < old_n; j++)
        if (old[j] != 0)
          {
            const Key *moved = &g_array_index (set->keys, Key, old[j] - 1);

            for (i = key_hash (moved) & mask; set->slots[i] != 0; i = (i + 1) & mask)
              ;
            set->slots[i] = old[j];
          }
      g_free (old);
    }

  g_array_append_val (set->keys, *key);
  mask = set->n_slots - 1;
  for (i = key_hash (key) & mask; set->slots[i] != 0; i = (i + 1) & mask)
    ;
  set->slots[i] = set->keys->len;
}

static GPtrArray *
take_store (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));

  return items;
}

/* Takes what the plan needs of @portfolio: on the main thread. */
static LodeImportContext *
context_new (LodePortfolio           *portfolio,
             GFile                   *file,
             const LodeImportOptions *options)
{
  LodeImportContext *ctx = g_new0 (LodeImportContext, 1);
  const char *country;

  ctx->plan = g_object_new (LODE_TYPE_IMPORT_PLAN, NULL);
  ctx->plan->file_name = g_file_get_basename (file);
  ctx->plan->portfolio = portfolio;
  ctx->plan->layout = options->layout;
  ctx->plan->encoding = options->encoding;

  ctx->options = *options;
  if (options->mapping != NULL)
    {
      ctx->mapping = *options->mapping;
      ctx->options.mapping = &ctx->mapping;
    }
  if (options->hs_minerals != NULL)
    ctx->options.hs_minerals = g_hash_table_ref (options->hs_minerals);

  country = options->country;
  if (country == NULL || *country == '\0')
    country = lode_portfolio_get_country (portfolio);
  if (country == NULL || *country == '\0')
    country = "PK";
  ctx->country = g_ascii_strup (country, -1);
  ctx->options.country = ctx->country;

  ctx->strings = g_string_chunk_new (4096);
  ctx->minerals = take_store (lode_portfolio_get_minerals (portfolio));
  ctx->sources = take_store (lode_portfolio_get_sources (portfolio));
  ctx->projects = take_store (lode_portfolio_get_projects (portfolio));
  ctx->targets = take_store (lode_portfolio_get_targets (portfolio));
  ctx->investments = take_store (lode_portfolio_get_investments (portfolio));
  ctx->production = take_store (lode_portfolio_get_production (portfolio));
  ctx->national_figures = take_store (lode_portfolio_get_national_figures (portfolio));
  ctx->exchange_rates = take_store (lode_portfolio_get_exchange_rates (portfolio));
  ctx->plan->n_portfolio_rates = ctx->exchange_rates->len;
  ctx->plan->portfolio_fiscal_year_start = lode_portfolio_get_fiscal_year_start (portfolio);
  ctx->existing = _lode_export_table_freeze (lode_portfolio_get_exports (portfolio));

  ctx->prefixes = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->mineral_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->source_by_title = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ctx->sources->len; i++)
    {
      LodeSource *source = g_ptr_array_index (ctx->sources, i);
      const char *id = g_string_chunk_insert_const (ctx->strings, lode_source_get_id (source));
      g_autofree char *title = g_strjoin ("\x1f", lode_source_get_title (source),
                                          lode_source_get_publisher (source), NULL);

      g_hash_table_add (ctx->source_ids, (gpointer) id);
      if (!g_hash_table_contains (ctx->source_by_title, title))
        g_hash_table_insert (ctx->source_by_title,
                             g_string_chunk_insert_const (ctx->strings, title), (gpointer) id);
    }
  for (guint i = 0; i < ctx->minerals->len; i++)
    {
      LodeMineral *mineral = g_ptr_array_index (ctx->minerals, i);
      const char * const *codes = lode_mineral_get_hs_codes (mineral);
      const char *id = g_string_chunk_insert_const (ctx->strings, lode_mineral_get_id (mineral));

      g_hash_table_add (ctx->mineral_ids, (gpointer) id);

      for (guint j = 0; codes != NULL && codes[j] != NULL; j++)
        if (!g_hash_table_contains (ctx->prefixes, codes[j]))
          g_hash_table_insert (ctx->prefixes,
                               g_string_chunk_insert_const (ctx->strings, codes[j]),
                               (gpointer) id);
    }

  ctx->hs_cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ctx->new_minerals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  ctx->plan->n_portfolio_rows = lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio));
  ctx->plan->n_portfolio_minerals = ctx->minerals->len;
  ctx->plan->n_portfolio_sources = ctx->sources->len;

  return ctx;
}

static void
context_free (LodeImportContext *ctx)
{
  g_clear_object (&ctx->plan);
  g_clear_pointer (&ctx->options.hs_minerals, g_hash_table_unref);
  g_free (ctx->country);
  g_ptr_array_unref (ctx->minerals);
  g_ptr_array_unref (ctx->sources);
  g_ptr_array_unref (ctx->projects);
  g_ptr_array_unref (ctx->targets);
  g_ptr_array_unref (ctx->investments);
  g_ptr_array_unref (ctx->production);
  g_ptr_array_unref (ctx->national_figures);
  g_ptr_array_unref (ctx->exchange_rates);
  /* Versions are freed on the main thread: see lode-export-table-private.h. */
  g_clear_pointer (&ctx->existing, _lode_export_table_version_free);
  g_hash_table_unref (ctx->prefixes);
  g_hash_table_unref (ctx->mineral_ids);
  g_hash_table_unref (ctx->source_ids);
  g_hash_table_unref (ctx->source_by_title);
  g_hash_table_unref (ctx->hs_cache);
  g_hash_table_unref (ctx->new_minerals);
  g_string_chunk_free (ctx->strings);
  g_free (ctx->source_id);
  key_set_clear (&ctx->existing_keys);
  key_set_clear (&ctx->subheadings);
  g_clear_pointer (&ctx->held, g_array_unref);
  g_free (ctx->existing_ids);
  g_free (ctx);
}

LodeImportContext *
_lode_import_context_new (LodePortfolio           *portfolio,
                          const char              *file_name,
                          const LodeImportOptions *options)
{
  g_autoptr(GFile) file = g_file_new_for_path (file_name);
  LodeImportOptions defaults;

  if (options == NULL)
    {
      lode_import_options_init (&defaults);
      options = &defaults;
    }

  return context_new (portfolio, file, options);
}

void
_lode_import_context_free (LodeImportContext *ctx)
{
  context_free (ctx);
}

const LodeImportOptions *
_lode_import_context_get_options (LodeImportContext *ctx)
{
  return &ctx->options;
}

LodeImportLayout
_lode_import_context_get_layout (LodeImportContext *ctx)
{
  return ctx->plan->layout;
}

void
_lode_import_context_set_layout (LodeImportContext *ctx,
                                 LodeImportLayout   layout)
{
  ctx->plan->layout = layout;
}

void
_lode_import_context_set_encoding (LodeImportContext *ctx,
                                   LodeCsvEncoding    encoding)
{
  ctx->plan->encoding = encoding;
}

const char *
_lode_import_context_get_country (LodeImportContext *ctx)
{
  return ctx->country;
}

const char *
_lode_import_context_get_file_name (LodeImportContext *ctx)
{
  return ctx->plan->file_name;
}

LodeCsvReader *
_lode_import_context_open_csv (LodeImportContext   *ctx,
                               GFile               *file,
                               const char * const **cells,
                               guint               *n_cells,
                               GError             **error)
{
  g_autoptr(LodeCsvReader) reader = NULL;
  GError *local_error = NULL;

  reader = lode_csv_reader_new_for_file (file, ctx->options.encoding, error);
  if (reader == NULL)
    return NULL;

  if (!lode_csv_reader_next (reader, cells, n_cells, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s: The file is empty"), _lode_import_context_get_file_name (ctx));
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&reader);
}

void
_lode_import_context_progress (LodeImportContext *ctx,
                               guint64            done,
                               guint64            total)
{
  if (ctx->progress != NULL)
    ctx->progress (done, total, ctx->progress_data);
}

void
_lode_import_context_set_header (LodeImportContext  *ctx,
                                 const char * const *cells,
                                 guint               n_cells)
{
  GStrv header = g_new0 (char *, n_cells + 1);

  for (guint i = 0; i < n_cells; i++)
    header[i] = g_strdup (cells[i]);
  g_strfreev (ctx->plan->header);
  ctx->plan->header = header;
}

void
_lode_import_context_add_sample (LodeImportContext  *ctx,
                                 const char * const *cells,
                                 guint               n_cells)
{
  GStrv sample;

  if (ctx->plan->samples->len >= N_SAMPLES)
    return;

  sample = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    sample[i] = g_strdup (cells[i]);
  g_ptr_array_add (ctx->plan->samples, sample);
}

static gpointer
find_by_id (GPtrArray  *items,
            const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item_get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

LodeMineral *
_lode_import_context_find_mineral (LodeImportContext *ctx,
                                   const char        *id)
{
  return find_by_id (ctx->minerals, id);
}

LodeSource *
_lode_import_context_find_source (LodeImportContext *ctx,
                                  const char        *id)
{
  return find_by_id (ctx->sources, id);
}

LodeProject *
_lode_import_context_find_project (LodeImportContext *ctx,
                                   const char        *id)
{
  return find_by_id (ctx->projects, id);
}

LodeTarget *
_lode_import_context_find_target (LodeImportContext *ctx,
                                  const char        *id)
{
  return find_by_id (ctx->targets, id);
}

GPtrArray *
_lode_import_context_get_minerals (LodeImportContext *ctx)
{
  return ctx->minerals;
}

GPtrArray *
_lode_import_context_get_sources (LodeImportContext *ctx)
{
  return ctx->sources;
}

GPtrArray *
_lode_import_context_get_projects (LodeImportContext *ctx)
{
  return ctx->projects;
}

GPtrArray *
_lode_import_context_get_targets (LodeImportContext *ctx)
{
  return ctx->targets;
}

GPtrArray *
_lode_import_context_get_investments (LodeImportContext *ctx)
{
  return ctx->investments;
}

GPtrArray *
_lode_import_context_get_production (LodeImportContext *ctx)
{
  return ctx->production;
}

GPtrArray *
_lode_import_context_get_national_figures (LodeImportContext *ctx)
{
  return ctx->national_figures;
}

GPtrArray *
_lode_import_context_get_exchange_rates (LodeImportContext *ctx)
{
  return ctx->exchange_rates;
}

int
_lode_import_context_get_fiscal_year_start (LodeImportContext *ctx)
{
  return ctx->plan->portfolio_fiscal_year_start;
}

void
_lode_import_context_set_fiscal_year_start (LodeImportContext *ctx,
                                            int                month)
{
  g_return_if_fail (month >= 1 && month <= 12);

  ctx->plan->fiscal_year_start = month != ctx->plan->portfolio_fiscal_year_start ? month : 0;
}

const LodeExportTableVersion *
_lode_import_context_get_existing_exports (LodeImportContext *ctx)
{
  return ctx->existing;
}

/* HS mapping */

const char *
_lode_import_context_map_hs (LodeImportContext *ctx,
                             const char        *hs_code,
                             LodeStage         *stage)
{
  HsMapping *mapping;

  mapping = g_hash_table_lookup (ctx->hs_cache, hs_code);
  if (mapping == NULL)
    {
      const LodeHsCommodity *commodity = lode_hs_commodity_lookup (hs_code);
      const char *mineral = NULL;
      char prefix[16];
      gsize len = strlen (hs_code);

      mapping = g_new0 (HsMapping, 1);
      mapping->stage = commodity != NULL ? commodity->stage : LODE_STAGE_UNKNOWN;

      if (ctx->options.hs_minerals != NULL && len < sizeof prefix)
        {
          /* The overrides name codes or their prefixes too: longest wins. */
          memcpy (prefix, hs_code, len + 1);
          for (gsize n = len; n >= 2 && mineral == NULL; n--)
            {
              prefix[n] = '\0';
              mineral = g_hash_table_lookup (ctx->options.hs_minerals, prefix);
            }
          if (mineral != NULL)
            {
              mineral = g_string_chunk_insert_const (ctx->strings, mineral);
              if (!_lode_import_context_ensure_mineral (ctx, mineral))
                mineral = NULL;
            }
        }

      if (mineral == NULL && len < sizeof prefix)
        {
          memcpy (prefix, hs_code, len + 1);
          for (gsize n = len; n >= 2 && mineral == NULL; n--)
            {
              prefix[n] = '\0';
              mineral = g_hash_table_lookup (ctx->prefixes, prefix);
            }
        }

      if (mineral == NULL && commodity != NULL)
        {
          mineral = g_string_chunk_insert_const (ctx->strings, commodity->mineral);
          /* Made with the commodity's HS codes the first time. */
          _lode_import_context_ensure_mineral (ctx, mineral);
        }

      mapping->mineral = mineral;
      g_hash_table_insert (ctx->hs_cache, g_string_chunk_insert_const (ctx->strings, hs_code), mapping);
    }

  if (stage != NULL)
    *stage = mapping->stage;
  return mapping->mineral;
}

gboolean
_lode_import_context_ensure_mineral (LodeImportContext *ctx,
                                     const char        *id)
{
  LodeMineral *created;
  const LodeHsCommodity *commodity = NULL;
  g_auto(GStrv) codes = NULL;

  if (g_hash_table_contains (ctx->new_minerals, id) || g_hash_table_contains (ctx->mineral_ids, id))
    return TRUE;
  if (!lode_rule_slug (id, NULL))
    return FALSE;

  codes = lode_hs_commodity_codes (id);
  if (codes[0] != NULL)
    commodity = lode_hs_commodity_lookup (codes[0]);
  if (commodity != NULL)
    {
      created = lode_mineral_new (id, commodity->name, commodity->group);
      lode_mineral_set_hs_codes (created, (const char * const *) codes);
    }
  else
    {
      g_autofree char *name = g_strdup (id);

      /* A name people can read until they give a better one. */
      name[0] = g_ascii_toupper (name[0]);
      g_strdelimit (name, "-", ' ');
      created = lode_mineral_new (id, name, LODE_MINERAL_GROUP_OTHER);
    }

  g_hash_table_insert (ctx->new_minerals, g_string_chunk_insert_const (ctx->strings, id), g_object_ref (created));
  _lode_import_context_add_item (ctx, G_OBJECT (created), NULL);
  g_object_unref (created);

  return TRUE;
}

gboolean
_lode_import_context_has_source (LodeImportContext *ctx,
                                 const char        *id)
{
  return id != NULL && g_hash_table_contains (ctx->source_ids, id);
}

/* Sources */

static char *
make_source_id (LodeImportContext *ctx)
{
  g_autoptr(GString) id = g_string_new ("import-");
  g_autofree char *base = g_strdup (ctx->plan->file_name);
  char *dot = strrchr (base, '.');
  g_autofree char *candidate = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (const char *p = base; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);

  candidate = g_strdup (id->str);
  for (guint n = 2; g_hash_table_contains (ctx->source_ids, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", id->str, n);
    }

  return g_steal_pointer (&candidate);
}

const char *
_lode_import_context_get_source_id (LodeImportContext *ctx,
                                    const char        *publisher)
{
  if (ctx->source_id == NULL)
    {
      /* A second import of the same file cites the source of the first. */
      g_autofree char *title = g_strjoin ("\x1f", ctx->plan->file_name, publisher, NULL);
      const char *found = g_hash_table_lookup (ctx->source_by_title, title);

      ctx->source_id = g_strdup (found);

      if (ctx->source_id == NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
          g_autoptr(LodeSource) source = NULL;

          ctx->source_id = make_source_id (ctx);
          source = lode_source_new (ctx->source_id, ctx->plan->file_name);
          lode_source_set_publisher (source, publisher);
          lode_source_set_date (source, date);
          _lode_import_context_add_item (ctx, G_OBJECT (source), NULL);
          ctx->new_source = source;
        }

      ctx->source_string = _lode_export_table_intern_id (ctx->plan->exports, ctx->source_id);
    }

  return ctx->source_id;
}

/* Records */

/* Maps the portfolio's records by key, in the plan's string ids, once. */
static void
prepare_keys (LodeImportContext *ctx)
{
  LodeExportTableVersion *version = ctx->existing;
  guint n_strings, n_rows;

  ctx->keys_ready = TRUE;
  _lode_export_table_version_detach (version);

  n_strings = _lode_export_table_version_get_n_strings (version);
  ctx->existing_ids = g_new0 (guint32, MAX (n_strings, 1));
  for (guint i = 1; i < n_strings; i++)
    ctx->existing_ids[i] = _lode_export_table_intern_id (ctx->plan->exports,
                                                         _lode_export_table_version_get_string (version, i));

  n_rows = _lode_export_table_version_get_n_rows (version);
  key_set_init (&ctx->existing_keys, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRawRow raw;
      Key key;

      _lode_export_table_version_get_raw_row (version, i, &raw);
      key.mineral = ctx->existing_ids[raw.mineral];
      key.destination = ctx->existing_ids[raw.destination];
      key.hs_code = ctx->existing_ids[raw.hs_code];
      key.year = raw.year;
      key.month = raw.month;
      key_set_add (&ctx->existing_keys, &key);
    }
}

static gboolean
same_figures (const LodeExportRow    *row,
              const LodeExportRawRow *raw)
{
  return row->value == raw->value && row->stage == raw->stage && row->unit == raw->unit &&
         (row->quantity == raw->quantity ||
          (row->quantity < 0 && raw->quantity < 0));
}

/* The portfolio's record @position as the plan saw it, its strings kept
 * by the plan, so that applying can check the record is still there. */
static void
take_existing_row (LodeImportContext *ctx,
                   guint              position,
                   LodeExportRow     *row)
{
  LodeExportTable *table = ctx->plan->exports;
  LodeExportRawRow raw;

  _lode_export_table_version_get_raw_row (ctx->existing, position, &raw);
  row->mineral = lode_export_table_intern (table, _lode_export_table_version_get_string (ctx->existing, raw.mineral));
  row->destination = lode_export_table_intern (table, _lode_export_table_version_get_string (ctx->existing, raw.destination));
  row->hs_code = lode_export_table_intern (table, _lode_export_table_version_get_string (ctx->existing, raw.hs_code));
  row->source = lode_export_table_intern (table, _lode_export_table_version_get_string (ctx->existing, raw.source));
  row->year = raw.year;
  row->month = raw.month;
  row->stage = raw.stage;
  row->unit = raw.unit;
  row->quantity = raw.quantity;
  row->value = raw.value;
}

void
_lode_import_context_prefer_subheadings (LodeImportContext *ctx)
{
  if (ctx->prefer_subheadings)
    return;

  ctx->prefer_subheadings = TRUE;
  key_set_init (&ctx->subheadings, 64);
  ctx->held = g_array_new (FALSE, FALSE, sizeof (Held));
}

static Key
heading_key (LodeImportContext   *ctx,
             const LodeExportRow *row)
{
  char heading[5];
  Key key = { 0, };

  memcpy (heading, row->hs_code, 4);
  heading[4] = '\0';
  key.destination = _lode_export_table_intern_id (ctx->plan->exports, row->destination);
  key.hs_code = _lode_export_table_intern_id (ctx->plan->exports, heading);
  key.year = row->year;
  key.month = row->month;

  return key;
}

/* Notes the heading of a subheading row; holds a heading row back (TRUE)
 * until the end, when it is known whether its subheadings came too. */
static gboolean
hold_or_note_heading (LodeImportContext   *ctx,
                      const LodeExportRow *row,
                      guint64              line)
{
  LodeExportTable *table = ctx->plan->exports;
  gsize len = strlen (row->hs_code);

  if (len == 6)
    {
      Key key = heading_key (ctx, row);
      gint64 slot = -1;

      if (key_set_next (&ctx->subheadings, &key, &slot) < 0)
        key_set_add (&ctx->subheadings, &key);
      return FALSE;
    }

  if (len == 4)
    {
      Held held = { *row, line };

      held.row.mineral = lode_export_table_intern (table, row->mineral);
      held.row.destination = lode_export_table_intern (table, row->destination);
      held.row.hs_code = lode_export_table_intern (table, row->hs_code);
      held.row.source = lode_export_table_intern (table, row->source);
      g_array_append_val (ctx->held, held);
      return TRUE;
    }

  return FALSE;
}

static void
release_headings (LodeImportContext *ctx)
{
  if (!ctx->prefer_subheadings)
    return;

  ctx->prefer_subheadings = FALSE;
  for (guint i = 0; i < ctx->held->len; i++)
    {
      const Held *held = &g_array_index (ctx->held, Held, i);
      Key key = heading_key (ctx, &held->row);
      gint64 slot = -1;

      if (key_set_next (&ctx->subheadings, &key, &slot) >= 0)
        _lode_import_context_skip (ctx, held->line,
                                   _("A heading whose subheadings the file lists on their own (counting both would count twice)"));
      else
        _lode_import_context_add_export (ctx, &held->row, held->line);
    }
  g_array_set_size (ctx->held, 0);
}

void
_lode_import_context_add_export (LodeImportContext   *ctx,
                                 const LodeExportRow *row,
                                 guint64              line)
{
  LodeImportPlan *plan = ctx->plan;
  LodeExportRow copy = *row;
  guint32 ids[4];
  Key key;
  gint64 existing;

  if (!ctx->keys_ready)
    prepare_keys (ctx);

  if (copy.source == NULL)
    copy.source = ctx->source_id;

  if (ctx->prefer_subheadings && copy.hs_code != NULL && hold_or_note_heading (ctx, &copy, line))
    return;
  if (!lode_export_row_is_valid (&copy))
    {
      _lode_import_context_skip (ctx, line, _("Not a record the portfolio can hold (a year, month or quantity out of range)"));
      return;
    }

  ids[0] = _lode_export_table_intern_id (plan->exports, copy.mineral);
  ids[1] = _lode_export_table_intern_id (plan->exports, copy.destination);
  ids[2] = _lode_export_table_intern_id (plan->exports, copy.hs_code);
  ids[3] = copy.source == ctx->source_id && ctx->source_string != 0
             ? ctx->source_string
             : _lode_export_table_intern_id (plan->exports, copy.source);

  key.mineral = ids[0];
  key.destination = ids[1];
  key.hs_code = ids[2];
  key.year = copy.year;
  key.month = copy.month;

  /* Equal figures under the same key anywhere: already there. Else the
   * first record under the key is what the import meets. */
  existing = -1;
  for (gint64 slot = -1, found; (found = key_set_next (&ctx->existing_keys, &key, &slot)) >= 0;)
    {
      LodeExportRawRow raw;

      _lode_export_table_version_get_raw_row (ctx->existing, found, &raw);
      if (same_figures (&copy, &raw))
        {
          ctx->n_present++;
          _lode_import_context_skip (ctx, line, _("Already in the portfolio"));
          return;
        }
      if (existing < 0 || found < existing)
        existing = found;
    }

  if (existing >= 0)
    {
      Conflict conflict = { 0, };

      conflict.kind = CONFLICT_EXPORT;
      conflict.imported = lode_export_table_get_n_rows (plan->exports);
      conflict.existing = existing;
      take_existing_row (ctx, existing, &conflict.was);
      conflict.resolution = ctx->options.on_conflict;
      g_array_append_val (plan->conflicts, conflict);
      g_hash_table_insert (plan->conflict_rows,
                           GUINT_TO_POINTER (conflict.imported + 1),
                           GUINT_TO_POINTER (plan->conflicts->len));
    }

  _lode_export_table_append_interned (plan->exports, &copy, ids);
}

void
_lode_import_context_add_export_with_extra (LodeImportContext   *ctx,
                                            const LodeExportRow *row,
                                            JsonObject          *extra,
                                            guint64              line)
{
  LodeExportTable *exports = ctx->plan->exports;
  guint n_rows = lode_export_table_get_n_rows (exports);

  _lode_import_context_add_export (ctx, row, line);
  if (extra != NULL && lode_export_table_get_n_rows (exports) > n_rows)
    lode_export_table_set_extra (exports, n_rows, extra);
}

void
_lode_import_context_set_extra (LodeImportContext *ctx,
                                JsonObject        *extra)
{
  g_clear_pointer (&ctx->plan->extra, json_object_unref);
  if (extra != NULL && json_object_get_size (extra) > 0)
    ctx->plan->extra = json_object_ref (extra);
}

void
_lode_import_context_add_item (LodeImportContext *ctx,
                               GObject           *item,
                               GObject           *existing)
{
  LodeImportPlan *plan = ctx->plan;

  if (existing != NULL)
    {
      Conflict conflict = { 0, };

      conflict.kind = CONFLICT_ITEM;
      conflict.imported = g_list_model_get_n_items (G_LIST_MODEL (plan->items));
      conflict.existing_item = g_object_ref (existing);
      conflict.resolution = resolution_for (item, ctx->options.on_conflict);
      g_array_append_val (plan->conflicts, conflict);
    }

  g_list_store_append (plan->items, item);
}

void
_lode_import_context_add_reserve (LodeImportContext *ctx,
                                  const char        *mineral_id,
                                  LodeReserve       *reserve)
{
  Reserve entry = { g_strdup (mineral_id), reserve };

  g_array_append_val (ctx->plan->reserves, entry);
}

void
_lode_import_context_skip (LodeImportContext *ctx,
                           guint64            line,
                           const char        *reason)
{
  LodeImportPlan *plan = ctx->plan;
  Skipped skipped = { line, NULL };

  skipped.reason = g_hash_table_lookup (plan->reasons, reason);
  if (skipped.reason == NULL)
    {
      char *copy = g_strdup (reason);

      g_hash_table_insert (plan->reasons, copy, copy);
      skipped.reason = copy;
    }

  /* A row with several figures skipped for one reason is one skipped row.
   * (Items merged from a portfolio have no line: each is one.) */
  if (line != 0 && plan->skipped->len > 0)
    {
      const Skipped *last = &g_array_index (plan->skipped, Skipped, plan->skipped->len - 1);

      if (last->line == line && last->reason == skipped.reason)
        return;
    }

  g_array_append_val (plan->skipped, skipped);
}

void
_lode_import_context_add_note (LodeImportContext *ctx,
                               const char        *note)
{
  GPtrArray *notes = ctx->plan->notes;

  notes->pdata[notes->len - 1] = g_strdup (note);
  g_ptr_array_add (notes, NULL);
}

gboolean
_lode_import_parse_dollars (const char *text,
                            gboolean    thousands,
                            LodeMoney  *cents,
                            gboolean   *rounded)
{
  const char *p = text;
  guint64 whole = 0;
  guint digits = 0, group = 0, n_decimals = 0;
  guint frac[3] = { 0, 0, 0 };
  gboolean negative = FALSE, grouped = FALSE;
  guint64 total;

  while (*p == ' ')
    p++;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (*p == '+')
    p++;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (whole > G_MAXINT64 / 1000)
            return FALSE;
          whole = whole * 10 + (guint64) (*p - '0');
          digits++;
          group++;
        }
      else if (*p == ',' && thousands && digits > 0 && (grouped ? group == 3 : group <= 3))
        {
          grouped = TRUE;
          group = 0;
        }
      else
        break;
    }
  if (digits == 0 || (grouped && group != 3))
    return FALSE;

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (n_decimals == 3)
            return FALSE;
          frac[n_decimals++] = (guint) (*p - '0');
        }
    }
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  /* Half a cent and more rounds up, away from zero. */
  total = whole * 100 + frac[0] * 10 + frac[1] + (frac[2] >= 5 ? 1 : 0);
  if (total > G_MAXINT64 / 2)
    return FALSE;

  *cents = negative ? -(LodeMoney) total : (LodeMoney) total;
  if (rounded != NULL)
    *rounded = frac[2] != 0;
  return TRUE;
}

/* Running a layout */

static LodeImportLayoutFunc
layout_func (LodeImportLayout layout)
{
  switch (layout)
    {
    case LODE_IMPORT_LAYOUT_USGS_MCS:
      return _lode_import_usgs_run;
    case LODE_IMPORT_LAYOUT_PORTFOLIO:
      return _lode_import_portfolio_run;
    case LODE_IMPORT_LAYOUT_AUTO:
    case LODE_IMPORT_LAYOUT_COMTRADE:
    case LODE_IMPORT_LAYOUT_COMTRADE_LEGACY:
    case LODE_IMPORT_LAYOUT_LODE:
    case LODE_IMPORT_LAYOUT_MAPPED:
    default:
      return _lode_import_trade_run;
    }
}

static gboolean
is_json_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".JSON");
}

static void
finish_notes (LodeImportContext *ctx)
{
  if (ctx->n_present > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u record of the file is already in the portfolio and is not added again",
                                      "%u records of the file are already in the portfolio and are not added again",
                                      ctx->n_present),
                         ctx->n_present);
      _lode_import_context_add_note (ctx, note);
    }
}

static LodeImportPlan *
context_run (LodeImportContext *ctx,
             GFile             *file,
             GCancellable      *cancellable,
             GError           **error)
{
  LodeImportLayout layout = ctx->options.layout;

  if (layout == LODE_IMPORT_LAYOUT_AUTO && is_json_file (file))
    layout = LODE_IMPORT_LAYOUT_PORTFOLIO;
  if (layout != LODE_IMPORT_LAYOUT_AUTO)
    ctx->plan->layout = layout;

  if (!layout_func (layout) (ctx, file, cancellable, error))
    return NULL;

  return _lode_import_context_finish (ctx);
}

/* A source made for a file of which nothing is imported would cite
 * nothing: it goes. */
static void
drop_unused_source (LodeImportContext *ctx)
{
  LodeImportPlan *plan = ctx->plan;
  guint position;

  if (ctx->new_source == NULL || lode_export_table_get_n_rows (plan->exports) > 0 ||
      plan->reserves->len > 0 || plan->conflicts->len > 0)
    return;

  if (g_list_store_find (plan->items, ctx->new_source, &position))
    g_list_store_remove (plan->items, position);
  ctx->new_source = NULL;
}

LodeImportPlan *
_lode_import_context_finish (LodeImportContext *ctx)
{
  release_headings (ctx);
  drop_unused_source (ctx);
  finish_notes (ctx);
  return g_object_ref (ctx->plan);
}

LodeImportPlan *
lode_import_plan_new (LodePortfolio            *portfolio,
                      GFile                    *file,
                      const LodeImportOptions  *options,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  LodeImportContext *ctx;
  LodeImportPlan *plan;
  LodeImportOptions defaults;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (options == NULL)
    {
      lode_import_options_init (&defaults);
      options = &defaults;
    }

  ctx = context_new (portfolio, file, options);
  plan = context_run (ctx, file, cancellable, error);
  context_free (ctx);

  return plan;
}

typedef struct
{
  LodeImportContext *ctx;
  GFile             *file;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  /* Runs where the task is finalized: the main thread, which may free the
   * frozen version of the table. */
  context_free (job->ctx);
  g_object_unref (job->file);
  g_free (job);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  LodeImportPlan *plan;

  plan = context_run (job->ctx, job->file, cancellable, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

void
lode_import_plan_new_async (LodePortfolio            *portfolio,
                            GFile                    *file,
                            const LodeImportOptions  *options,
                            LodeLoadProgressFunc      progress,
                            gpointer                  progress_data,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  LodeImportOptions defaults;
  Job *job;

  g_return_if_fail (LODE_IS_PORTFOLIO (portfolio));
  g_return_if_fail (G_IS_FILE (file));

  if (options == NULL)
    {
      lode_import_options_init (&defaults);
      options = &defaults;
    }

  job = g_new0 (Job, 1);
  job->ctx = context_new (portfolio, file, options);
  job->ctx->progress = progress;
  job->ctx->progress_data = progress_data;
  job->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lode_import_plan_new_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, plan_thread);
}

LodeImportPlan *
lode_import_plan_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Applying */

/* The records a plan adds, as one step: they are stored by the ids of
 * their strings in the table, which never change (the table's strings only
 * grow), so applying them again looks up no string. */
typedef struct
{
  LodeExportTable *table;
  guint            position;
  GArray          *rows;   /* of LodeExportRawRow, by ids of @table's strings */
  GPtrArray       *extras; /* the rows' unknown members (JsonObject or NULL), or NULL */
} AppendRows;

static void
append_rows_apply (gpointer data)
{
  AppendRows *command = data;

  lode_export_table_reserve (command->table, command->position + command->rows->len);
  for (guint i = 0; i < command->rows->len; i++)
    {
      const LodeExportRawRow *raw = &g_array_index (command->rows, LodeExportRawRow, i);
      const guint32 ids[4] = { raw->mineral, raw->destination, raw->hs_code, raw->source };
      LodeExportRow row = {
        .year = raw->year,
        .month = raw->month,
        .stage = raw->stage,
        .quantity = raw->quantity,
        .unit = raw->unit,
        .value = raw->value,
        .period = raw->period,
        .original_currency = raw->original_currency != 0
                             ? _lode_export_table_get_string (command->table, raw->original_currency) : NULL,
        .original_amount = raw->original_amount,
      };

      _lode_export_table_append_interned (command->table, &row, ids);
    }
  for (guint i = 0; command->extras != NULL && i < command->extras->len; i++)
    if (g_ptr_array_index (command->extras, i) != NULL)
      lode_export_table_set_extra (command->table, command->position + i,
                                   g_ptr_array_index (command->extras, i));
  lode_export_table_announce (command->table, command->position, 0, command->rows->len);
}

static void
append_rows_revert (gpointer data)
{
  AppendRows *command = data;

  lode_export_table_remove (command->table, command->position, command->rows->len);
}

static void
append_rows_free (gpointer data)
{
  AppendRows *command = data;

  g_object_unref (command->table);
  g_array_unref (command->rows);
  g_clear_pointer (&command->extras, g_ptr_array_unref);
  g_free (command);
}

typedef struct
{
  LodeMineral *mineral;
  LodeReserve *reserve;
} AddReserve;

static void
add_reserve_apply (gpointer data)
{
  AddReserve *command = data;

  lode_mineral_add_reserve (command->mineral, command->reserve);
}

static void
add_reserve_revert (gpointer data)
{
  AddReserve *command = data;
  GListModel *reserves = lode_mineral_get_reserves (command->mineral);

  for (guint i = g_list_model_get_n_items (reserves); i-- > 0;)
    {
      g_autoptr(GObject) item = g_list_model_get_item (reserves, i);

      if (item == (GObject *) command->reserve)
        {
          lode_mineral_remove_reserve (command->mineral, i);
          break;
        }
    }
}

static void
add_reserve_free (gpointer data)
{
  AddReserve *command = data;

  g_object_unref (command->mineral);
  g_object_unref (command->reserve);
  g_free (command);
}

static GListStore *
store_for_item (LodePortfolio *portfolio,
                GObject       *item)
{
  if (LODE_IS_MINERAL (item))
    return lode_portfolio_get_minerals (portfolio);
  if (LODE_IS_SOURCE (item))
    return lode_portfolio_get_sources (portfolio);
  if (LODE_IS_PROJECT (item))
    return lode_portfolio_get_projects (portfolio);
  if (LODE_IS_TARGET (item))
    return lode_portfolio_get_targets (portfolio);
  if (LODE_IS_INVESTMENT (item))
    return lode_portfolio_get_investments (portfolio);
  if (LODE_IS_PRODUCTION (item))
    return lode_portfolio_get_production (portfolio);
  if (LODE_IS_NATIONAL_FIGURE (item))
    return lode_portfolio_get_national_figures (portfolio);
  if (LODE_IS_EXCHANGE_RATE (item))
    return lode_portfolio_get_exchange_rates (portfolio);
  return NULL;
}

static gboolean
store_find (GListStore *store,
            gpointer    item,
            guint      *position)
{
  return g_list_store_find (store, item, position);
}

static void
item_set_id (GObject    *item,
             const char *id)
{
  if (LODE_IS_MINERAL (item))
    lode_mineral_set_id (LODE_MINERAL (item), id);
  else if (LODE_IS_SOURCE (item))
    lode_source_set_id (LODE_SOURCE (item), id);
  else if (LODE_IS_PROJECT (item))
    lode_project_set_id (LODE_PROJECT (item), id);
  else if (LODE_IS_TARGET (item))
    lode_target_set_id (LODE_TARGET (item), id);
}

/* Keep both: the imported items of a conflict so resolved get a free id
 * before anything is applied, and whatever the plan brings that named
 * them by the old id (records, reserves, projects, targets, investment
 * events, production and national figures) names them by the new one.
 * The portfolio's own items are not touched: what they name is the item
 * that was there. */
typedef struct
{
  GHashTable *minerals;  /* old id → new id */
  GHashTable *sources;
  GHashTable *projects;
} Renames;

static void
renames_clear (Renames *renames)
{
  g_clear_pointer (&renames->minerals, g_hash_table_unref);
  g_clear_pointer (&renames->sources, g_hash_table_unref);
  g_clear_pointer (&renames->projects, g_hash_table_unref);
}

static const char *
renamed (GHashTable *map,
         const char *id)
{
  const char *new_id = id != NULL ? g_hash_table_lookup (map, id) : NULL;

  return new_id != NULL ? new_id : id;
}

static void
extra_unref (gpointer data)
{
  if (data != NULL)
    json_object_unref (data);
}

static gboolean
id_is_used (LodeImportPlan *self,
            GListStore     *store,
            GHashTable     *given,
            const char     *id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (g_hash_table_contains (given, id))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (item_get_id (item), id) == 0)
        return TRUE;
    }
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (G_OBJECT_TYPE (item) == g_list_model_get_item_type (G_LIST_MODEL (store)) &&
          g_strcmp0 (item_get_id (item), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
rewire_strv (const char * const  *ids,
             GHashTable          *map,
             GStrv               *result)
{
  gboolean changed = FALSE;
  GStrv copy;

  *result = NULL;
  if (ids == NULL || g_hash_table_size (map) == 0)
    return;

  copy = g_strdupv ((char **) ids);
  for (guint i = 0; copy[i] != NULL; i++)
    {
      const char *new_id = g_hash_table_lookup (map, copy[i]);

      if (new_id != NULL)
        {
          g_free (copy[i]);
          copy[i] = g_strdup (new_id);
          changed = TRUE;
        }
    }

  if (changed)
    *result = copy;
  else
    g_strfreev (copy);
}

static void
rewire_reserve (LodeReserve *reserve,
                Renames     *renames)
{
  const char *source = lode_reserve_get_source (reserve);

  if (source != NULL && g_hash_table_contains (renames->sources, source))
    lode_reserve_set_source (reserve, g_hash_table_lookup (renames->sources, source));
}

/* The item's reference @id (a source, mineral or project) under its new
 * id in @map, or NULL when it keeps its id. */
static const char *
rewired (GHashTable *map,
         const char *id)
{
  return id != NULL ? g_hash_table_lookup (map, id) : NULL;
}

static void
rewire_item (GObject *item,
             Renames *renames)
{
  g_auto(GStrv) minerals = NULL;
  const char *id;

  if (LODE_IS_MINERAL (item))
    {
      GListModel *reserves = lode_mineral_get_reserves (LODE_MINERAL (item));

      for (guint i = 0; i < g_list_model_get_n_items (reserves); i++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, i);

          rewire_reserve (reserve, renames);
        }
    }
  else if (LODE_IS_PROJECT (item))
    {
      LodeProject *project = LODE_PROJECT (item);

      rewire_strv (lode_project_get_minerals (project), renames->minerals, &minerals);
      if (minerals != NULL)
        lode_project_set_minerals (project, (const char * const *) minerals);
      if ((id = lode_project_get_source (project)) != NULL && g_hash_table_contains (renames->sources, id))
        lode_project_set_source (project, g_hash_table_lookup (renames->sources, id));
    }
  else if (LODE_IS_TARGET (item))
    {
      LodeTarget *target = LODE_TARGET (item);

      if ((id = lode_target_get_metric_mineral (target)) != NULL && g_hash_table_contains (renames->minerals, id))
        lode_target_set_metric_mineral (target, g_hash_table_lookup (renames->minerals, id));
      if ((id = lode_target_get_source (target)) != NULL && g_hash_table_contains (renames->sources, id))
        lode_target_set_source (target, g_hash_table_lookup (renames->sources, id));
    }
  else if (LODE_IS_INVESTMENT (item))
    {
      LodeInvestment *investment = LODE_INVESTMENT (item);

      if ((id = rewired (renames->projects, lode_investment_get_project (investment))) != NULL)
        lode_investment_set_project (investment, id);
      rewire_strv (lode_investment_get_minerals (investment), renames->minerals, &minerals);
      if (minerals != NULL)
        lode_investment_set_minerals (investment, (const char * const *) minerals);
      if ((id = rewired (renames->sources, lode_investment_get_source (investment))) != NULL)
        lode_investment_set_source (investment, id);
    }
  else if (LODE_IS_PRODUCTION (item))
    {
      LodeProduction *production = LODE_PRODUCTION (item);

      if ((id = rewired (renames->minerals, lode_production_get_mineral (production))) != NULL)
        lode_production_set_mineral (production, id);
      if ((id = rewired (renames->projects, lode_production_get_project (production))) != NULL)
        lode_production_set_project (production, id);
      if ((id = rewired (renames->sources, lode_production_get_source (production))) != NULL)
        lode_production_set_source (production, id);
    }
  else if (LODE_IS_NATIONAL_FIGURE (item))
    {
      LodeNationalFigure *figure = LODE_NATIONAL_FIGURE (item);

      if ((id = rewired (renames->sources, lode_national_figure_get_source (figure))) != NULL)
        lode_national_figure_set_source (figure, id);
    }
  else if (LODE_IS_EXCHANGE_RATE (item))
    {
      LodeExchangeRate *rate = LODE_EXCHANGE_RATE (item);

      if ((id = rewired (renames->sources, lode_exchange_rate_get_source (rate))) != NULL)
        lode_exchange_rate_set_source (rate, id);
    }
}

static void
rename_kept_items (LodeImportPlan *self,
                   LodePortfolio  *portfolio,
                   Renames        *renames)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  renames->minerals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  renames->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  renames->projects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const Conflict *conflict = &g_array_index (self->conflicts, Conflict, i);
      g_autoptr(GObject) item = NULL;
      g_autofree char *old_id = NULL;
      GListStore *store;
      char *new_id = NULL;

      if (conflict->kind != CONFLICT_ITEM || conflict->resolution != LODE_IMPORT_KEEP_BOTH)
        continue;

      item = g_list_model_get_item (G_LIST_MODEL (self->items), conflict->imported);
      store = store_for_item (portfolio, item);
      if (store == NULL)
        continue;

      old_id = g_strdup (item_get_id (item));
      for (guint n = 2; new_id == NULL; n++)
        {
          char *candidate = g_strdup_printf ("%s-%u", old_id, n);

          if (id_is_used (self, store, given, candidate))
            g_free (candidate);
          else
            new_id = candidate;
        }
      g_hash_table_add (given, new_id);
      item_set_id (item, new_id);

      if (LODE_IS_MINERAL (item))
        g_hash_table_insert (renames->minerals, g_strdup (old_id), g_strdup (new_id));
      else if (LODE_IS_SOURCE (item))
        g_hash_table_insert (renames->sources, g_strdup (old_id), g_strdup (new_id));
      else if (LODE_IS_PROJECT (item))
        g_hash_table_insert (renames->projects, g_strdup (old_id), g_strdup (new_id));
    }

  if (g_hash_table_size (renames->minerals) == 0 && g_hash_table_size (renames->sources) == 0 &&
      g_hash_table_size (renames->projects) == 0)
    return;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      rewire_item (item, renames);
    }
}

/* Unknown members of a merged portfolio join the portfolio's where it has
 * none of that name. */
typedef struct
{
  LodePortfolio *portfolio;
  JsonObject    *before;  /* may be NULL */
  JsonObject    *after;
} SetExtra;

static void
set_extra_apply (gpointer data)
{
  SetExtra *command = data;

  lode_portfolio_set_extra (command->portfolio, command->after);
}

static void
set_extra_revert (gpointer data)
{
  SetExtra *command = data;

  lode_portfolio_set_extra (command->portfolio, command->before);
}

static void
set_extra_free (gpointer data)
{
  SetExtra *command = data;

  g_object_unref (command->portfolio);
  g_clear_pointer (&command->before, json_object_unref);
  json_object_unref (command->after);
  g_free (command);
}

static void
apply_extra (LodeImportPlan *self,
             LodePortfolio  *portfolio,
             LodeHistory    *history,
             const char     *label)
{
  JsonObject *before = lode_portfolio_get_extra (portfolio);
  g_autoptr(JsonObject) after = json_object_new ();
  g_autoptr(GList) members = NULL;
  gboolean added = FALSE;
  SetExtra *command;

  if (self->extra == NULL)
    return;

  if (before != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (before);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (after, l->data, json_node_copy (json_object_get_member (before, l->data)));
    }

  members = json_object_get_members (self->extra);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (json_object_has_member (after, l->data))
        continue;
      json_object_set_member (after, l->data, json_node_copy (json_object_get_member (self->extra, l->data)));
      added = TRUE;
    }
  if (!added)
    return;

  command = g_new0 (SetExtra, 1);
  command->portfolio = g_object_ref (portfolio);
  command->before = before != NULL ? json_object_ref (before) : NULL;
  command->after = g_steal_pointer (&after);
  lode_history_push (history, label, set_extra_apply, set_extra_revert, command, set_extra_free);
}

static void
apply_items (LodeImportPlan *self,
             LodePortfolio  *portfolio,
             LodeHistory    *history,
             const char     *label)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree int *conflict_of = g_new (int, MAX (n_items, 1));

  for (guint i = 0; i < n_items; i++)
    conflict_of[i] = -1;
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const Conflict *conflict = &g_array_index (self->conflicts, Conflict, i);

      if (conflict->kind == CONFLICT_ITEM)
        conflict_of[conflict->imported] = i;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GListStore *store = store_for_item (portfolio, item);
      const Conflict *conflict;
      guint position;

      if (store == NULL)
        continue;
      if (conflict_of[i] < 0)
        {
          lode_history_insert_item (history, label, store,
                                    g_list_model_get_n_items (G_LIST_MODEL (store)), item);
          continue;
        }

      conflict = &g_array_index (self->conflicts, Conflict, conflict_of[i]);
      switch (conflict->resolution)
        {
        case LODE_IMPORT_KEEP_EXISTING:
          break;
        case LODE_IMPORT_TAKE_IMPORTED:
          if (store_find (store, conflict->existing_item, &position))
            {
              lode_history_remove_item (history, label, store, position);
              lode_history_insert_item (history, label, store, position, item);
            }
          break;
        case LODE_IMPORT_KEEP_BOTH:
          /* Under the free id rename_kept_items() gave it. */
          lode_history_insert_item (history, label, store,
                                    g_list_model_get_n_items (G_LIST_MODEL (store)), item);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
apply_reserves (LodeImportPlan *self,
                LodePortfolio  *portfolio,
                LodeHistory    *history,
                const char     *label,
                Renames        *renames)
{
  for (guint i = 0; i < self->reserves->len; i++)
    {
      const Reserve *reserve = &g_array_index (self->reserves, Reserve, i);
      LodeMineral *mineral = lode_portfolio_find_mineral (portfolio, renamed (renames->minerals, reserve->mineral));
      AddReserve *command;

      if (mineral == NULL)
        continue;

      command = g_new0 (AddReserve, 1);
      command->mineral = g_object_ref (mineral);
      command->reserve = g_object_ref (reserve->reserve);
      rewire_reserve (command->reserve, renames);
      lode_history_push (history, label, add_reserve_apply, add_reserve_revert,
                         command, add_reserve_free);
    }
}

/* Maps the ids of the plan's strings in one column to ids in the
 * portfolio's table, each string looked up once: a million records hold a
 * few hundred strings. */
typedef struct
{
  LodeExportTable              *table;
  const LodeExportTableVersion *version;
  GHashTable                   *renames; /* or NULL */
  guint32                      *ids;     /* G_MAXUINT32 where not looked up yet */
} IdMap;

static void
id_map_init (IdMap                        *map,
             LodeExportTable              *table,
             const LodeExportTableVersion *version,
             GHashTable                   *renames)
{
  guint n_strings = _lode_export_table_version_get_n_strings (version);

  map->table = table;
  map->version = version;
  map->renames = renames;
  map->ids = g_new (guint32, n_strings);
  memset (map->ids, 0xff, n_strings * sizeof (guint32));
}

static const char *
id_map_string (IdMap   *map,
               guint32  id)
{
  const char *str = _lode_export_table_version_get_string (map->version, id);

  return map->renames != NULL ? renamed (map->renames, str) : str;
}

static inline guint32
id_map_lookup (IdMap   *map,
               guint32  id)
{
  if (G_UNLIKELY (map->ids[id] == G_MAXUINT32))
    map->ids[id] = _lode_export_table_intern_id (map->table, id_map_string (map, id));

  return map->ids[id];
}

static void
apply_exports (LodeImportPlan *self,
               LodePortfolio  *portfolio,
               LodeHistory    *history,
               const char     *label,
               Renames        *renames)
{
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeExportTableVersion *version = _lode_export_table_freeze (self->exports);
  guint n_rows = _lode_export_table_version_get_n_rows (version);
  gboolean has_conflicts = g_hash_table_size (self->conflict_rows) > 0;
  g_autofree guint *extra_rows = NULL;
  guint n_extra_rows, next_extra = 0;
  IdMap minerals, destinations, hs_codes, sources;
  AppendRows *command;

  /* The plan's own table is read by the ids of its strings; it does not
   * change while this runs, so the version copies nothing. */
  extra_rows = _lode_export_table_version_get_extra_rows (version, &n_extra_rows);
  id_map_init (&minerals, table, version, renames->minerals);
  id_map_init (&destinations, table, version, NULL);
  id_map_init (&hs_codes, table, version, NULL);
  id_map_init (&sources, table, version, renames->sources);

  command = g_new0 (AppendRows, 1);
  command->table = g_object_ref (table);
  command->position = lode_export_table_get_n_rows (table);
  command->rows = g_array_sized_new (FALSE, FALSE, sizeof (LodeExportRawRow), n_rows);

  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRawRow raw;
      guint conflict_index = 0;
      JsonObject *extra = NULL;

      _lode_export_table_version_get_raw_row (version, i, &raw);
      if (next_extra < n_extra_rows && extra_rows[next_extra] == i)
        extra = _lode_export_table_version_get_extra (version, extra_rows[next_extra++]);

      if (has_conflicts)
        conflict_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->conflict_rows, GUINT_TO_POINTER (i + 1)));
      if (conflict_index != 0)
        {
          const Conflict *conflict = &g_array_index (self->conflicts, Conflict, conflict_index - 1);

          if (conflict->resolution == LODE_IMPORT_KEEP_EXISTING)
            continue;
          if (conflict->resolution == LODE_IMPORT_TAKE_IMPORTED)
            {
              LodeExportRow row = {
                .mineral = lode_export_table_intern (table, id_map_string (&minerals, raw.mineral)),
                .year = raw.year,
                .month = raw.month,
                .destination = lode_export_table_intern (table, id_map_string (&destinations, raw.destination)),
                .hs_code = lode_export_table_intern (table, id_map_string (&hs_codes, raw.hs_code)),
                .stage = raw.stage,
                .quantity = raw.quantity,
                .unit = raw.unit,
                .value = raw.value,
                .source = lode_export_table_intern (table, id_map_string (&sources, raw.source)),
                .period = raw.period,
                .original_currency = raw.original_currency != 0
                                     ? lode_export_table_intern (table, id_map_string (&destinations, raw.original_currency))
                                     : NULL,
                .original_amount = raw.original_amount,
              };

              lode_history_replace_export (history, label, conflict->existing, &row);
              continue;
            }
        }

      raw.mineral = id_map_lookup (&minerals, raw.mineral);
      raw.destination = id_map_lookup (&destinations, raw.destination);
      raw.hs_code = id_map_lookup (&hs_codes, raw.hs_code);
      raw.source = id_map_lookup (&sources, raw.source);
      /* A code, as a destination is: never renamed. */
      if (raw.original_currency != 0)
        raw.original_currency = id_map_lookup (&destinations, raw.original_currency);
      g_array_append_val (command->rows, raw);
      if (extra != NULL)
        {
          if (command->extras == NULL)
            command->extras = g_ptr_array_new_with_free_func (extra_unref);
          g_ptr_array_set_size (command->extras, command->rows->len);
          g_ptr_array_index (command->extras, command->rows->len - 1) = json_object_ref (extra);
        }
    }

  g_free (minerals.ids);
  g_free (destinations.ids);
  g_free (hs_codes.ids);
  g_free (sources.ids);
  /* The version's references to the unknown members are the table's: the
   * command took its own above. */
  _lode_export_table_version_free (version);

  if (command->rows->len == 0)
    {
      append_rows_free (command);
      return;
    }

  lode_history_push (history, label, append_rows_apply, append_rows_revert,
                     command, append_rows_free);
}

static gboolean
same_row (const LodeExportRow *a,
          const LodeExportRow *b)
{
  return g_strcmp0 (a->mineral, b->mineral) == 0 && g_strcmp0 (a->destination, b->destination) == 0 &&
         g_strcmp0 (a->hs_code, b->hs_code) == 0 && g_strcmp0 (a->source, b->source) == 0 &&
         a->year == b->year && a->month == b->month && a->stage == b->stage && a->unit == b->unit &&
         a->value == b->value &&
         (a->quantity == b->quantity || (a->quantity < 0 && b->quantity < 0));
}

/* The records the plan replaces are where, and what, they were: an edit
 * that kept the number of records would otherwise have another record
 * replaced. */
static gboolean
conflicts_still_there (LodeImportPlan *self,
                       LodePortfolio  *portfolio)
{
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const Conflict *conflict = &g_array_index (self->conflicts, Conflict, i);
      LodeExportRow row;

      if (conflict->kind != CONFLICT_EXPORT)
        continue;
      lode_export_table_get_row (table, conflict->existing, &row);
      if (!same_row (&row, &conflict->was))
        return FALSE;
    }

  return TRUE;
}

gboolean
lode_import_plan_apply (LodeImportPlan  *self,
                        LodePortfolio   *portfolio,
                        GError         **error)
{
  LodeHistory *history;
  const char *label;
  Renames renames;

  g_return_val_if_fail (LODE_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), FALSE);

  if (portfolio != self->portfolio ||
      lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)) != self->n_portfolio_rows ||
      g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_minerals (portfolio))) != self->n_portfolio_minerals ||
      g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (portfolio))) != self->n_portfolio_sources ||
      g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_exchange_rates (portfolio))) != self->n_portfolio_rates ||
      lode_portfolio_get_fiscal_year_start (portfolio) != self->portfolio_fiscal_year_start ||
      !conflicts_still_there (self, portfolio))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The portfolio changed since the import was prepared; prepare it again"));
      return FALSE;
    }

  if (lode_import_plan_is_empty (self))
    return TRUE;

  history = lode_portfolio_get_history (portfolio);
  label = lode_import_plan_get_label (self);

  rename_kept_items (self, portfolio, &renames);
  lode_history_begin_group (history, label);
  if (self->fiscal_year_start != 0)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      /* First: the records and rates of fiscal years that follow are of
       * the file's fiscal year. */
      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, self->fiscal_year_start);
      lode_history_set_property (history, label, G_OBJECT (portfolio), "fiscal-year-start", &value);
    }
  apply_items (self, portfolio, history, label);
  apply_reserves (self, portfolio, history, label, &renames);
  apply_exports (self, portfolio, history, label, &renames);
  apply_extra (self, portfolio, history, label);
  lode_history_end_group (history);
  renames_clear (&renames);

  /* The plan is spent: applying it again would add everything twice. */
  self->portfolio = NULL;

  return TRUE;
}
