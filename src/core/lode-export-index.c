/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-export-index.h"

/* Rows added by one edit above this many are sorted with the rest rather
 * than inserted one by one. */
#define MAX_INSERTS 256

struct _LodeExportIndex
{
  GObject             parent_instance;

  LodeExportTable    *table;
  /* The table the rows shown are of: the previous one while a job sorts a
   * new table. */
  LodeExportTable    *shown_table;
  /* The items handed out that are still alive (held by a list's row
   * widgets or its selection), and their positions: see announce_swap(). */
  GHashTable         *live;
  /* Positions whose new rows are still to be announced, a few at a time:
   * see announce_swap(). */
  guint               stale_position;
  guint               n_stale;
  GArray             *stale_runs;    /* position, length, … */
  guint               stale_id;

  /* Every row of the table, in sort order, and the key each row sorts by
   * (indexed by the row's position in the table). */
  guint32            *order;
  gint64             *keys;
  /* What the totals and the filter need of each row, by table position, so
   * an edit does not read every row again. */
  LodeMoney          *values;
  double             *quantities;
  guint8             *units;
  guint8             *passes;
  guint               n_rows;
  guint               capacity;
  /* Ranks of the interned strings of the sorted column. */
  GHashTable         *ranks;

  /* The rows that pass the filter, in sort order. */
  guint32            *shown;
  guint               n_shown;
  /* Rows not yet announced, while a large change is announced in two
   * steps: see emit_changed(). */
  guint               hidden_position;
  guint               n_hidden;

  LodeExportSort      sort;
  gboolean            descending;

  const char         *mineral;       /* interned */
  const char         *destination;   /* interned */
  int                 year_min;
  int                 year_max;
  int                 stage;
  char               *search;        /* casefolded */
  GHashTable         *matches;       /* interned string → 1 match, 2 not */

  /* Sorting and filtering in a worker: see start_job(). */
  gboolean            background;
  struct _Job        *job;
  guint               generation;

  LodeExportNameFunc  mineral_name;
  LodeExportNameFunc  destination_name;
  gpointer            name_data;

  LodeExportTotals    totals;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LodeExportIndex, lode_export_index, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static const char *
display_name (LodeExportIndex    *self,
              LodeExportNameFunc  func,
              const char         *id)
{
  const char *name = NULL;

  if (id != NULL && func != NULL)
    name = func (id, self->name_data);

  return name != NULL ? name : id;
}

static gboolean
sort_is_string (LodeExportSort sort)
{
  return sort == LODE_EXPORT_SORT_MINERAL ||
         sort == LODE_EXPORT_SORT_DESTINATION ||
         sort == LODE_EXPORT_SORT_HS_CODE ||
         sort == LODE_EXPORT_SORT_SOURCE;
}

/* The string @sort sorts by, or NULL. */
static const char *
sort_string_of (LodeExportSort       sort,
                const LodeExportRow *row)
{
  switch (sort)
    {
    case LODE_EXPORT_SORT_MINERAL:
      return row->mineral;
    case LODE_EXPORT_SORT_DESTINATION:
      return row->destination;
    case LODE_EXPORT_SORT_HS_CODE:
      return row->hs_code;
    case LODE_EXPORT_SORT_SOURCE:
      return row->source;
    case LODE_EXPORT_SORT_NONE:
    case LODE_EXPORT_SORT_DATE:
    case LODE_EXPORT_SORT_MONTH:
    case LODE_EXPORT_SORT_STAGE:
    case LODE_EXPORT_SORT_QUANTITY:
    case LODE_EXPORT_SORT_VALUE:
    default:
      return NULL;
    }
}

/* The key of one row when sorting by @sort, strings by their @ranks;
 * FALSE when a string of the row has no rank. Any thread. */
static gboolean
key_of (LodeExportSort       sort,
        GHashTable          *ranks,
        const LodeExportRow *row,
        gint64              *key)
{
  gpointer rank;

  switch (sort)
    {
    case LODE_EXPORT_SORT_DATE:
      /* Months of one year follow each other; the whole year comes first. */
      *key = (gint64) row->year * 13 + row->month;
      return TRUE;
    case LODE_EXPORT_SORT_MONTH:
      *key = row->month;
      return TRUE;
    case LODE_EXPORT_SORT_STAGE:
      *key = row->stage;
      return TRUE;
    case LODE_EXPORT_SORT_QUANTITY:
      /* Non-negative doubles order as their bits do. */
      if (row->quantity < 0)
        *key = -1;
      else
        memcpy (key, &row->quantity, sizeof *key);
      return TRUE;
    case LODE_EXPORT_SORT_VALUE:
      *key = row->value;
      return TRUE;
    case LODE_EXPORT_SORT_MINERAL:
    case LODE_EXPORT_SORT_DESTINATION:
    case LODE_EXPORT_SORT_HS_CODE:
    case LODE_EXPORT_SORT_SOURCE:
      {
        const char *str = sort_string_of (sort, row);

        if (str == NULL)
          {
            *key = -1;
            return TRUE;
          }
        if (!g_hash_table_lookup_extended (ranks, str, NULL, &rank))
          return FALSE;
        *key = GPOINTER_TO_INT (rank);
        return TRUE;
      }
    case LODE_EXPORT_SORT_NONE:
    default:
      *key = 0;
      return TRUE;
    }
}

/* The key of one row; FALSE when a string of the row has no rank yet. */
static gboolean
row_key (LodeExportIndex     *self,
         const LodeExportRow *row,
         gint64              *key)
{
  return key_of (self->sort, self->ranks, row, key);
}

typedef struct
{
  const char *str;
  char       *collate_key;
} RankEntry;

static int
compare_rank_entries (gconstpointer a,
                      gconstpointer b)
{
  const RankEntry *ra = a;
  const RankEntry *rb = b;
  int cmp = strcmp (ra->collate_key, rb->collate_key);

  if (cmp != 0)
    return cmp;

  return strcmp (ra->str, rb->str);
}

/* Ranks @strings, those of the sorted column, by the text people see, into
 * @ranks. Main thread: the names come from the portfolio. */
static void
rank_strings (LodeExportIndex *self,
              GPtrArray       *strings,
              GHashTable      *ranks)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (RankEntry));
  LodeExportNameFunc func = NULL;

  g_hash_table_remove_all (ranks);
  if (!sort_is_string (self->sort))
    return;

  if (self->sort == LODE_EXPORT_SORT_MINERAL)
    func = self->mineral_name;
  else if (self->sort == LODE_EXPORT_SORT_DESTINATION)
    func = self->destination_name;

  for (guint i = 0; i < strings->len; i++)
    {
      const char *str = g_ptr_array_index (strings, i);
      g_autofree char *folded = g_utf8_casefold (display_name (self, func, str), -1);
      RankEntry entry = { str, g_utf8_collate_key (folded, -1) };

      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_rank_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      RankEntry *entry = &g_array_index (entries, RankEntry, i);

      g_hash_table_insert (ranks, (gpointer) entry->str, GINT_TO_POINTER (i));
      g_free (entry->collate_key);
    }
}

/* Ranks the distinct strings of the sorted column by the text people see. */
static void
build_ranks (LodeExportIndex *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (sort_is_string (self->sort))
    for (guint i = 0; i < self->n_rows; i++)
      {
        LodeExportRow row;
        const char *str;

        lode_export_table_get_row (self->table, i, &row);
        str = sort_string_of (self->sort, &row);
        if (str != NULL && g_hash_table_add (seen, (gpointer) str))
          g_ptr_array_add (strings, (gpointer) str);
      }

  rank_strings (self, strings, self->ranks);
}

static inline int
compare_rows (const LodeExportIndex *self,
              guint32                a,
              guint32                b)
{
  gint64 ka = self->keys[a];
  gint64 kb = self->keys[b];

  if (ka != kb)
    return ((ka < kb) != self->descending) ? -1 : 1;

  /* Equal keys keep the table's order. */
  return a < b ? -1 : (a > b ? 1 : 0);
}

typedef struct
{
  guint64 key;
  guint32 row;
} SortPair;

/* Sorts the rows 0…@n - 1 by their @keys into @order: a stable
 * least-significant-digit radix sort over 16-bit digits, skipping the
 * digits all keys share. Rows start in table order, so equal keys keep it,
 * as compare_rows() says. Any thread. */
static void
radix_sort (const gint64 *keys,
            guint         n,
            gboolean      descending,
            guint32      *order)
{
  g_autofree SortPair *pairs = g_new (SortPair, MAX (n, 1));
  g_autofree SortPair *scratch = g_new (SortPair, MAX (n, 1));
  g_autofree guint *counts = g_new (guint, 1 << 16);
  SortPair *sorted = pairs;

  for (guint i = 0; i < n; i++)
    {
      /* Signed keys to unsigned order; descending is the complement. */
      guint64 key = (guint64) keys[i] ^ G_GUINT64_CONSTANT (0x8000000000000000);

      pairs[i].key = descending ? ~key : key;
      pairs[i].row = i;
    }

  for (guint shift = 0; shift < 64 && n > 0; shift += 16)
    {
      SortPair *from = sorted;
      SortPair *to = sorted == pairs ? scratch : pairs;
      guint first_digit;
      gboolean all_same = TRUE;
      guint sum = 0;

      memset (counts, 0, sizeof (guint) << 16);
      first_digit = (from[0].key >> shift) & 0xffff;
      for (guint i = 0; i < n; i++)
        {
          guint digit = (from[i].key >> shift) & 0xffff;

          counts[digit]++;
          all_same &= digit == first_digit;
        }
      if (all_same)
        continue;

      for (guint d = 0; d < (1 << 16); d++)
        {
          guint count = counts[d];

          counts[d] = sum;
          sum += count;
        }
      for (guint i = 0; i < n; i++)
        to[counts[(from[i].key >> shift) & 0xffff]++] = from[i];

      sorted = to;
    }

  for (guint i = 0; i < n; i++)
    order[i] = sorted[i].row;
}

static void
ensure_capacity (LodeExportIndex *self,
                 guint            n_rows)
{
  if (n_rows <= self->capacity)
    return;

  self->capacity = MAX (n_rows, self->capacity * 2);
  self->order = g_renew (guint32, self->order, self->capacity);
  self->keys = g_renew (gint64, self->keys, self->capacity);
  self->values = g_renew (LodeMoney, self->values, self->capacity);
  self->quantities = g_renew (double, self->quantities, self->capacity);
  self->units = g_renew (guint8, self->units, self->capacity);
  self->passes = g_renew (guint8, self->passes, self->capacity);
  self->shown = g_renew (guint32, self->shown, self->capacity);
}

static gboolean row_passes (LodeExportIndex     *self,
                            const LodeExportRow *row);

static gboolean
is_filtering (LodeExportIndex *self)
{
  return self->mineral != NULL || self->destination != NULL ||
         self->year_min != 0 || self->year_max != 0 ||
         self->stage != LODE_EXPORT_STAGE_ANY || self->search != NULL;
}

static void
cache_row (LodeExportIndex     *self,
           guint                position,
           const LodeExportRow *row,
           gboolean             filtering)
{
  self->values[position] = row->value;
  self->quantities[position] = row->quantity;
  self->units[position] = (guint) row->unit < LODE_EXPORT_N_UNITS ? row->unit : 0;
  self->passes[position] = !filtering || row_passes (self, row);
}

/* Sorts every row from scratch. */
static void
sort_all (LodeExportIndex *self)
{
  gboolean filtering = is_filtering (self);

  self->n_rows = self->table != NULL ? lode_export_table_get_n_rows (self->table) : 0;
  g_set_object (&self->shown_table, self->table);
  ensure_capacity (self, self->n_rows);

  build_ranks (self);
  for (guint i = 0; i < self->n_rows; i++)
    {
      LodeExportRow row;
      gboolean ranked G_GNUC_UNUSED;

      lode_export_table_get_row (self->table, i, &row);
      cache_row (self, i, &row, filtering);
      ranked = row_key (self, &row, &self->keys[i]);
      g_assert (ranked);
      self->order[i] = i;
    }

  if (self->sort != LODE_EXPORT_SORT_NONE)
    radix_sort (self->keys, self->n_rows, self->descending, self->order);
}

/* Whether the search matches @str, shown through @func. */
static gboolean
text_matches (LodeExportIndex    *self,
              LodeExportNameFunc  func,
              const char         *str)
{
  g_autofree char *folded = g_utf8_casefold (display_name (self, func, str), -1);
  gboolean match;

  match = strstr (folded, self->search) != NULL;
  if (!match && func != NULL)
    {
      /* The id matches too: "CN" as well as "China". */
      g_autofree char *folded_id = g_utf8_casefold (str, -1);

      match = strstr (folded_id, self->search) != NULL;
    }

  return match;
}

static gboolean
string_matches (LodeExportIndex    *self,
                LodeExportNameFunc  func,
                const char         *str)
{
  gpointer cached;
  gboolean match;

  if (str == NULL)
    return FALSE;

  cached = g_hash_table_lookup (self->matches, str);
  if (cached != NULL)
    return GPOINTER_TO_INT (cached) == 1;

  match = text_matches (self, func, str);
  g_hash_table_insert (self->matches, (gpointer) str, GINT_TO_POINTER (match ? 1 : 2));

  return match;
}

/* The filter's choices, as a worker sees them. */
typedef struct
{
  const char *mineral;       /* interned */
  const char *destination;   /* interned */
  int         year_min;
  int         year_max;
  int         stage;
} Choices;

static void
get_choices (LodeExportIndex *self,
             Choices         *choices)
{
  choices->mineral = self->mineral;
  choices->destination = self->destination;
  choices->year_min = self->year_min;
  choices->year_max = self->year_max;
  choices->stage = self->stage;
}

/* Whether @row passes the filter's choices, the search aside. Any thread. */
static gboolean
row_fits (const Choices       *choices,
          const LodeExportRow *row)
{
  if (choices->mineral != NULL && row->mineral != choices->mineral)
    return FALSE;
  if (choices->destination != NULL && row->destination != choices->destination)
    return FALSE;
  if (choices->year_min != 0 && row->year < choices->year_min)
    return FALSE;
  if (choices->year_max != 0 && row->year > choices->year_max)
    return FALSE;
  if (choices->stage != LODE_EXPORT_STAGE_ANY && (int) row->stage != choices->stage)
    return FALSE;

  return TRUE;
}

static gboolean
row_passes (LodeExportIndex     *self,
            const LodeExportRow *row)
{
  Choices choices;

  get_choices (self, &choices);
  if (!row_fits (&choices, row))
    return FALSE;
  if (self->search != NULL &&
      !string_matches (self, self->mineral_name, row->mineral) &&
      !string_matches (self, self->destination_name, row->destination) &&
      !string_matches (self, NULL, row->hs_code) &&
      !string_matches (self, NULL, row->source))
    return FALSE;

  return TRUE;
}

/* Decides again which rows pass the filter. */
static void
recompute_passes (LodeExportIndex *self)
{
  if (!is_filtering (self))
    {
      /* No rows yet: no array either. */
      if (self->n_rows > 0)
        memset (self->passes, 1, self->n_rows);
      return;
    }

  for (guint i = 0; i < self->n_rows; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (self->table, i, &row);
      self->passes[i] = row_passes (self, &row);
    }
}

/* Collects the sorted rows that pass the filter and counts their totals. */
static void
filter_all (LodeExportIndex *self)
{
  memset (&self->totals, 0, sizeof self->totals);
  self->n_shown = 0;

  for (guint i = 0; i < self->n_rows; i++)
    {
      guint32 row = self->order[i];

      if (!self->passes[row])
        continue;

      self->shown[self->n_shown++] = row;
      self->totals.value += self->values[row];
      if (self->quantities[row] >= 0)
        self->totals.quantity[self->units[row]] += self->quantities[row];
    }

  self->totals.count = self->n_shown;
}

/* Announces that @removed items at @position became @added. A large change
 * goes out as a removal and then an addition: GTK 4.8's list views look
 * for each removed item among the added ones, which would make an object
 * of every added row. */
static void live_item_gone (gpointer  data,
                            GObject  *where_the_object_was);

/* The live items follow a change: those after it move, those inside it
 * are no longer the index's to follow (their holders drop them). */
static void
move_live_items (LodeExportIndex *self,
                 guint            position,
                 guint            removed,
                 guint            added)
{
  GHashTableIter iter;
  gpointer item;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &item, &value))
    {
      guint at = GPOINTER_TO_UINT (value);

      if (at >= position + removed)
        g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (at - removed + added));
      else if (at >= position)
        {
          g_object_weak_unref (item, live_item_gone, self);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static void flush_stale (LodeExportIndex *self);
static gboolean has_stale (LodeExportIndex *self);

static void
emit_changed (LodeExportIndex *self,
              guint            position,
              guint            removed,
              guint            added)
{
  /* Every change of the rows shown announces what was left first. */
  g_assert (!has_stale (self) && self->n_hidden == 0);
  move_live_items (self, position, removed, added);

  if (removed > 64 && added > 64)
    {
      self->hidden_position = position;
      self->n_hidden = added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      self->n_hidden = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Announces the difference between @old (whose rows moved as the table
 * removed @removed rows at @position and added @added) and the shown rows:
 * one change, from the first row that differs to the last. */
static void
announce_change (LodeExportIndex *self,
                 const guint32   *old,
                 guint            n_old,
                 guint            position,
                 guint            removed,
                 guint            added)
{
  guint prefix = 0;
  guint suffix = 0;

#define MOVED(row) ((row) < position ? (gint64) (row) : \
                    (row) < position + removed ? G_GINT64_CONSTANT (-1) : \
                    (gint64) (row) - removed + added)

  while (prefix < n_old && prefix < self->n_shown &&
         MOVED (old[prefix]) == self->shown[prefix])
    prefix++;

  while (suffix < n_old - prefix && suffix < self->n_shown - prefix &&
         MOVED (old[n_old - 1 - suffix]) == self->shown[self->n_shown - 1 - suffix])
    suffix++;

#undef MOVED

  if (n_old - prefix - suffix == 0 && self->n_shown - prefix - suffix == 0)
    return;

  emit_changed (self, prefix, n_old - prefix - suffix, self->n_shown - prefix - suffix);
}

static void
refilter (LodeExportIndex *self,
          guint            position,
          guint            removed,
          guint            added)
{
  g_autofree guint32 *old = g_memdup2 (self->shown, sizeof (guint32) * self->n_shown);
  guint n_old = self->n_shown;

  filter_all (self);
  announce_change (self, old, n_old, position, removed, added);
}

/* Patches the order after the table changed, without sorting again. */
static gboolean
patch_order (LodeExportIndex *self,
             guint            position,
             guint            removed,
             guint            added)
{
  guint n_rows = lode_export_table_get_n_rows (self->table);
  guint n_kept = 0;

  if (added > MAX_INSERTS || n_rows != self->n_rows - removed + added ||
      self->shown_table != self->table)
    return FALSE;

  ensure_capacity (self, n_rows);

  /* New rows whose strings have no rank yet need new ranks: sort again. */
  for (guint i = 0; i < added; i++)
    {
      LodeExportRow row;
      gint64 key;

      lode_export_table_get_row (self->table, position + i, &row);
      if (!row_key (self, &row, &key))
        return FALSE;
    }

  /* Drop the rows that went away and renumber those after them. */
  for (guint i = 0; i < self->n_rows; i++)
    {
      guint32 row = self->order[i];

      if (row >= position && row < position + removed)
        continue;
      if (row >= position + removed)
        row = row - removed + added;
      self->order[n_kept++] = row;
    }

#define MOVE_TAIL(array) \
  if (self->n_rows > position + removed) \
    memmove (array + position + added, array + position + removed, \
             sizeof array[0] * (self->n_rows - position - removed))
  MOVE_TAIL (self->keys);
  MOVE_TAIL (self->values);
  MOVE_TAIL (self->quantities);
  MOVE_TAIL (self->units);
  MOVE_TAIL (self->passes);
#undef MOVE_TAIL

  /* Insert the new rows where they belong. */
  for (guint i = 0; i < added; i++)
    {
      guint32 new_row = position + i;
      LodeExportRow row;
      guint lo = 0;
      guint hi = n_kept;

      lode_export_table_get_row (self->table, new_row, &row);
      row_key (self, &row, &self->keys[new_row]);
      cache_row (self, new_row, &row, is_filtering (self));

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (compare_rows (self, self->order[mid], new_row) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }

      if (n_kept > lo)
        memmove (self->order + lo + 1, self->order + lo, sizeof (guint32) * (n_kept - lo));
      self->order[lo] = new_row;
      n_kept++;
    }

  g_assert (n_kept == n_rows);
  self->n_rows = n_rows;

  return TRUE;
}

static void
live_item_gone (gpointer  data,
                GObject  *where_the_object_was)
{
  LodeExportIndex *self = data;

  g_hash_table_remove (self->live, where_the_object_was);
}

/* A job runs, or its rows are still being announced. */
static gboolean
is_busy (LodeExportIndex *self)
{
  return self->job != NULL || self->stale_id != 0;
}

static void
notify_busy (LodeExportIndex *self,
             gboolean         was_busy)
{
  if (was_busy != is_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Rows whose new items are announced at one time. */
#define STALE_SLICE 6

static gboolean
has_stale (LodeExportIndex *self)
{
  return self->n_stale > 0 || self->stale_runs->len > 0;
}

/* Announces @n more of the stale rows, run after run. */
static void
announce_stale (LodeExportIndex *self,
                guint            n)
{
  while (n > 0 && has_stale (self))
    {
      guint position;
      guint k;

      if (self->n_stale == 0)
        {
          self->stale_position = g_array_index (self->stale_runs, guint, 0);
          self->n_stale = g_array_index (self->stale_runs, guint, 1);
          g_array_remove_range (self->stale_runs, 0, 2);
        }

      position = self->stale_position;
      k = MIN (n, self->n_stale);
      self->stale_position += k;
      self->n_stale -= k;
      n -= k;
      move_live_items (self, position, k, k);
      g_list_model_items_changed (G_LIST_MODEL (self), position, k, k);
    }
}

/* Rows added at the end of a short list are announced a slice at a time
 * up to this many (the view makes a row widget for each); the rest at
 * once. */
#define GROW_IN_SLICES 256

/* Announces @n more of the rows hidden at the end (see announce_swap()). */
static void
announce_growth (LodeExportIndex *self,
                 guint            n)
{
  guint position = self->hidden_position;

  n = MIN (n, self->n_hidden);
  if (n == 0)
    return;
  self->hidden_position += n;
  self->n_hidden -= n;
  move_live_items (self, position, 0, n);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n);
}

static gboolean
announce_stale_cb (gpointer user_data)
{
  LodeExportIndex *self = user_data;

  if (has_stale (self))
    announce_stale (self, STALE_SLICE);
  else if (self->hidden_position < GROW_IN_SLICES)
    announce_growth (self, STALE_SLICE);
  else
    announce_growth (self, self->n_hidden);

  if (has_stale (self) || self->n_hidden > 0)
    return G_SOURCE_CONTINUE;

  self->stale_id = 0;
  notify_busy (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Announces at once what is left to announce, before another change. */
static void
flush_stale (LodeExportIndex *self)
{
  gboolean was_busy = is_busy (self);

  g_clear_handle_id (&self->stale_id, g_source_remove);
  announce_stale (self, G_MAXUINT);
  if (self->n_hidden > 0)
    announce_growth (self, self->n_hidden);
  notify_busy (self, was_busy);
}

/* Announces that every row changed, from @n_old rows to the rows shown
 * now, at the cost of the items alive rather than of every row.
 *
 * GTK 4.8's list views keep row widgets for up to a couple of hundred items
 * around what is shown. Told that all of a million rows changed, they
 * either look for each old item among the new ones (an object for every
 * row) or, told in two steps, destroy every row widget and make it anew;
 * either takes hundreds of milliseconds. No one but the holders of the
 * items alive (the row widgets, the selection) keeps anything of a
 * position, so the change is announced over the rows of those items, in
 * runs, where the row widgets are kept and bound to the new items, and the
 * number of rows changes at the end, where there are none. */
static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

static void
announce_swap (LodeExportIndex *self,
               guint            n_old)
{
  guint n_new = self->n_shown;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer value;

  /* The number of rows changes at the end, where the view keeps no rows
   * unless it shows the end; a short list grows a slice at a time. */
  if (n_new < n_old)
    emit_changed (self, n_new, n_old - n_new, 0);
  else if (n_new > n_old && n_old >= GROW_IN_SLICES)
    emit_changed (self, n_old, 0, n_new - n_old);

  /* The rows whose items are alive, in runs. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint position = GPOINTER_TO_UINT (value);

      if (position < MIN (n_old, n_new))
        g_array_append_val (positions, position);
    }
  g_array_sort (positions, compare_positions);

  g_array_set_size (self->stale_runs, 0);
  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);
      guint *last = self->stale_runs->len > 0 ?
                    &g_array_index (self->stale_runs, guint, self->stale_runs->len - 2) : NULL;

      if (last != NULL && position <= last[0] + last[1])
        last[1] = MAX (last[1], position - last[0] + 1);
      else
        {
          guint run[2] = { position, 1 };

          g_array_append_vals (self->stale_runs, run, 2);
        }
    }

  if (n_new > n_old && n_old < GROW_IN_SLICES)
    {
      /* Rows added at the end wait their turn, hidden. */
      self->hidden_position = n_old;
      self->n_hidden = n_new - n_old;
    }

  /* Binding a couple of hundred rows anew takes GTK longer than a frame:
   * a slice of them each time the main loop is idle, from the top. */
  if (has_stale (self) || self->n_hidden > 0)
    {
      /* The rows on screen come first, at the default idle priority; see
       * LODE_PRIORITY_COPY. */
      if (self->stale_id == 0)
        self->stale_id = g_idle_add (announce_stale_cb, self);
    }
}

/* Sorting and filtering in a worker
 * =================================
 *
 * With lode_export_index_set_background(), a large table is sorted and
 * filtered off the main thread. The rows are copied first, on the main
 * thread, a slice at a time in idle time (a few milliseconds each); a
 * worker then finds the distinct strings, the main thread names and ranks
 * them (names come from the portfolio, which lives on the main thread),
 * and a worker computes the keys, sorts, filters and counts the totals.
 * The main thread then only swaps the arrays in. An edit of the table
 * while a job runs drops the job, patches the rows shown as usual and
 * starts the job again. */

/* At most this many rows are copied in one go; tables up to this size are
 * sorted at once. */
#define JOB_SLICE 131072

enum
{
  MATCH_AS_MINERAL     = 1 << 0,
  MATCH_AS_DESTINATION = 1 << 1,
  MATCH_AS_TEXT        = 1 << 2,
};

typedef struct _Job
{
  LodeExportIndex  *index;      /* NULL once the job is dropped */
  LodeExportTable  *table;      /* keeps the interned strings alive */

  /* What was asked when the job began. */
  LodeExportSort    sort;
  gboolean          descending;
  Choices           choices;
  gboolean          filtering;
  gboolean          searching;

  /* The rows, copied on the main thread. */
  guint             n_rows;
  guint             n_copied;
  guint             copy_id;
  const char      **minerals;
  const char      **destinations;
  const char      **hs_codes;
  const char      **sources;
  guint16          *years;
  guint8           *months;
  guint8           *stages;
  guint8           *units;
  double           *quantities;
  LodeMoney        *values;

  /* The distinct strings (found by the worker), their ranks in the sorted
   * column and what the search makes of them (decided on the main thread). */
  GPtrArray        *strings;
  GHashTable       *ranks;
  GHashTable       *matches;

  /* Results */
  guint32          *order;
  gint64           *keys;
  guint8           *passes;
  guint32          *shown;
  guint             n_shown;
  LodeExportTotals  totals;
} Job;

static void
job_free (Job *job)
{
  g_clear_handle_id (&job->copy_id, g_source_remove);
  g_clear_object (&job->table);
  g_free (job->minerals);
  g_free (job->destinations);
  g_free (job->hs_codes);
  g_free (job->sources);
  g_free (job->years);
  g_free (job->months);
  g_free (job->stages);
  g_free (job->units);
  g_free (job->quantities);
  g_free (job->values);
  g_clear_pointer (&job->strings, g_ptr_array_unref);
  g_clear_pointer (&job->ranks, g_hash_table_unref);
  g_clear_pointer (&job->matches, g_hash_table_unref);
  g_free (job->order);
  g_free (job->keys);
  g_free (job->passes);
  g_free (job->shown);
  g_free (job);
}

static inline void
job_get_row (Job           *job,
             guint          i,
             LodeExportRow *row)
{
  row->mineral = job->minerals[i];
  row->year = job->years[i];
  row->month = job->months[i];
  row->destination = job->destinations[i];
  row->hs_code = job->hs_codes[i];
  row->stage = job->stages[i];
  row->quantity = job->quantities[i];
  row->unit = job->units[i];
  row->value = job->values[i];
  row->source = job->sources[i];
}

static inline guint
job_match (Job        *job,
           const char *str)
{
  return str != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (job->matches, str)) : 0;
}

/* Worker: the keys, the order, the filter and the totals. */
static void
job_compute_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  guint n = job->n_rows;

  for (guint i = 0; i < n; i++)
    {
      LodeExportRow row;
      gboolean passes;

      job_get_row (job, i, &row);
      if (!key_of (job->sort, job->ranks, &row, &job->keys[i]))
        job->keys[i] = -1;

      passes = !job->filtering || row_fits (&job->choices, &row);
      if (passes && job->searching)
        passes = (job_match (job, row.mineral) & MATCH_AS_MINERAL) ||
                 (job_match (job, row.destination) & MATCH_AS_DESTINATION) ||
                 (job_match (job, row.hs_code) & MATCH_AS_TEXT) ||
                 (job_match (job, row.source) & MATCH_AS_TEXT);
      job->passes[i] = passes;
      if ((guint) job->units[i] >= LODE_EXPORT_N_UNITS)
        job->units[i] = 0;
      job->order[i] = i;
    }

  if (job->sort != LODE_EXPORT_SORT_NONE)
    radix_sort (job->keys, n, job->descending, job->order);

  for (guint i = 0; i < n; i++)
    {
      guint32 row = job->order[i];

      if (!job->passes[row])
        continue;

      job->shown[job->n_shown++] = row;
      job->totals.value += job->values[row];
      if (job->quantities[row] >= 0)
        job->totals.quantity[job->units[row]] += job->quantities[row];
    }
  job->totals.count = job->n_shown;

  g_task_return_boolean (task, TRUE);
}

static void
set_job (LodeExportIndex *self,
         Job             *job)
{
  gboolean was_busy = is_busy (self);

  if (self->job != NULL)
    {
      /* The worker may still hold it: it is freed when the worker is done. */
      self->job->index = NULL;
      if (self->job->copy_id != 0)
        job_free (self->job);
    }
  self->job = job;

  notify_busy (self, was_busy);
}

/* Main thread: the job's results become the index's. */
static void
job_install (LodeExportIndex *self,
             Job             *job)
{
  guint n_old;

  /* What is still to be announced is announced while it is still true. */
  flush_stale (self);
  n_old = self->n_shown;

#define TAKE(field, from) g_free (self->field); self->field = g_steal_pointer (&job->from)
  TAKE (order, order);
  TAKE (keys, keys);
  TAKE (values, values);
  TAKE (quantities, quantities);
  TAKE (units, units);
  TAKE (passes, passes);
  TAKE (shown, shown);
#undef TAKE
  g_hash_table_unref (self->ranks);
  self->ranks = g_steal_pointer (&job->ranks);
  self->ranks = self->ranks != NULL ? self->ranks : g_hash_table_new (NULL, NULL);

  self->n_rows = job->n_rows;
  self->capacity = MAX (job->n_rows, 1);
  self->n_shown = job->n_shown;
  self->totals = job->totals;
  g_set_object (&self->shown_table, job->table);

  /* Busy until the rows are announced. */
  self->job = NULL;
  job_free (job);

  announce_swap (self, n_old);
  notify_busy (self, TRUE);
}

static void
job_computed_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (job->index == NULL)
    {
      job_free (job);
      return;
    }

  job_install (job->index, job);
}

static void
job_compute (Job *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, job_computed_cb, NULL);
  guint n = MAX (job->n_rows, 1);

  job->keys = g_new (gint64, n);
  job->order = g_new (guint32, n);
  job->passes = g_new (guint8, n);
  job->shown = g_new (guint32, n);

  g_task_set_source_tag (task, job_compute);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, job_compute_thread);
}

/* Worker: the distinct strings the names are needed of. */
static void
job_strings_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const char **columns[4] = { NULL, };
  const char *last[4] = { NULL, };
  guint n_columns = 0;

  if (job->searching)
    {
      columns[n_columns++] = job->minerals;
      columns[n_columns++] = job->destinations;
      columns[n_columns++] = job->hs_codes;
      columns[n_columns++] = job->sources;
    }
  else if (job->sort == LODE_EXPORT_SORT_MINERAL)
    columns[n_columns++] = job->minerals;
  else if (job->sort == LODE_EXPORT_SORT_DESTINATION)
    columns[n_columns++] = job->destinations;
  else if (job->sort == LODE_EXPORT_SORT_HS_CODE)
    columns[n_columns++] = job->hs_codes;
  else if (job->sort == LODE_EXPORT_SORT_SOURCE)
    columns[n_columns++] = job->sources;

  for (guint c = 0; c < n_columns; c++)
    for (guint i = 0; i < job->n_rows; i++)
      {
        const char *str = columns[c][i];

        if (str == NULL || str == last[c])
          continue;
        last[c] = str;
        if (g_hash_table_add (seen, (gpointer) str))
          g_ptr_array_add (job->strings, (gpointer) str);
      }

  g_task_return_boolean (task, TRUE);
}

static void
job_strings_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  LodeExportIndex *self = job->index;

  if (self == NULL)
    {
      job_free (job);
      return;
    }

  /* A few hundred strings at most: names, collation and the search. */
  rank_strings (self, job->strings, job->ranks);
  if (job->searching)
    for (guint i = 0; i < job->strings->len; i++)
      {
        const char *str = g_ptr_array_index (job->strings, i);
        guint bits = 0;

        if (text_matches (self, NULL, str))
          bits = MATCH_AS_MINERAL | MATCH_AS_DESTINATION | MATCH_AS_TEXT;
        else
          {
            if (self->mineral_name != NULL && text_matches (self, self->mineral_name, str))
              bits |= MATCH_AS_MINERAL;
            if (self->destination_name != NULL && text_matches (self, self->destination_name, str))
              bits |= MATCH_AS_DESTINATION;
          }
        g_hash_table_insert (job->matches, (gpointer) str, GUINT_TO_POINTER (bits));
      }

  job_compute (job);
}

static void
job_find_strings (Job *job)
{
  g_autoptr(GTask) task = NULL;

  if (!sort_is_string (job->sort) && !job->searching)
    {
      job_compute (job);
      return;
    }

  task = g_task_new (NULL, NULL, job_strings_cb, NULL);
  g_task_set_source_tag (task, job_find_strings);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, job_strings_thread);
}

static void job_copy_rows (Job   *job,
                           guint  start,
                           guint  end);

/* GLib runs every ready source of the highest ready priority in one
 * iteration of the main loop: idle work of the same priority, each piece
 * a few milliseconds, adds up to one long stall when several pieces are
 * ready at once (the copy, the rows announced, the pages making their
 * rows after a new portfolio). The copy runs below the rows on screen,
 * so that one piece runs an iteration. */
#define LODE_PRIORITY_COPY (G_PRIORITY_DEFAULT_IDLE + 10)

/* A slice of the copy stops after this long, so that the main loop goes
 * on between slices: copying (and first touching the job's new arrays)
 * takes a few milliseconds every ten thousand rows on a slow machine, and
 * a fixed count of rows took up to 70 ms there. */
#define COPY_BUDGET_US 8000
/* Rows copied between two looks at the clock. */
#define COPY_STEP 4096

/* Main thread, in idle time: copies the next slice of rows. */
static gboolean
job_copy_slice (gpointer user_data)
{
  Job *job = user_data;
  gint64 deadline = g_get_monotonic_time () + COPY_BUDGET_US;
  guint end = job->n_copied;

  do
    {
      guint step_end = MIN (end + COPY_STEP, job->n_rows);

      job_copy_rows (job, end, step_end);
      end = step_end;
    }
  while (end < job->n_rows && end - job->n_copied < JOB_SLICE
         && g_get_monotonic_time () < deadline);
  job->n_copied = end;

  if (job->n_copied < job->n_rows)
    return G_SOURCE_CONTINUE;

  job->copy_id = 0;
  job_find_strings (job);

  return G_SOURCE_REMOVE;
}

/* Copies rows @start to @end of the table into @job. */
static void
job_copy_rows (Job   *job,
               guint  start,
               guint  end)
{
  for (guint i = start; i < end; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (job->table, i, &row);
      job->minerals[i] = row.mineral;
      job->destinations[i] = row.destination;
      job->hs_codes[i] = row.hs_code;
      job->sources[i] = row.source;
      job->years[i] = CLAMP (row.year, 0, G_MAXUINT16);
      job->months[i] = row.month;
      job->stages[i] = row.stage;
      job->units[i] = row.unit;
      job->quantities[i] = row.quantity;
      job->values[i] = row.value;
    }
}

/* Sorts and filters the whole table again as asked now: at once for a
 * small table or without @background, else in a worker. */
static void
start_job (LodeExportIndex *self)
{
  guint n_rows = self->table != NULL ? lode_export_table_get_n_rows (self->table) : 0;
  guint n = MAX (n_rows, 1);
  Job *job;

  if (!self->background || n_rows <= JOB_SLICE)
    {
      guint n_old;

      flush_stale (self);
      n_old = self->n_shown;

      set_job (self, NULL);
      sort_all (self);
      filter_all (self);
      if (n_old != 0 || self->n_shown != 0)
        emit_changed (self, 0, n_old, self->n_shown);
      return;
    }

  job = g_new0 (Job, 1);
  job->index = self;
  job->table = g_object_ref (self->table);
  job->sort = self->sort;
  job->descending = self->descending;
  get_choices (self, &job->choices);
  job->filtering = is_filtering (self);
  job->searching = self->search != NULL;
  job->n_rows = n_rows;
  job->minerals = g_new (const char *, n);
  job->destinations = g_new (const char *, n);
  job->hs_codes = g_new (const char *, n);
  job->sources = g_new (const char *, n);
  job->years = g_new (guint16, n);
  job->months = g_new (guint8, n);
  job->stages = g_new (guint8, n);
  job->units = g_new (guint8, n);
  job->quantities = g_new (double, n);
  job->values = g_new (LodeMoney, n);
  job->strings = g_ptr_array_new ();
  job->ranks = g_hash_table_new (NULL, NULL);
  job->matches = g_hash_table_new (NULL, NULL);
  job->copy_id = g_idle_add_full (LODE_PRIORITY_COPY, job_copy_slice, job, NULL);
  set_job (self, job);
}

/* Forgets the rows shown, when they no longer match the table, until the
 * job started next gives them back. */
static void
clear_shown (LodeExportIndex *self)
{
  guint n_old;

  flush_stale (self);
  n_old = self->n_shown;

  self->n_rows = 0;
  self->n_shown = 0;
  memset (&self->totals, 0, sizeof self->totals);
  if (n_old > 0)
    emit_changed (self, 0, n_old, 0);
}

static void
on_table_items_changed (LodeExportIndex *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *table)
{
  gboolean had_job = self->job != NULL;

  /* Rows still to be announced are announced before the rows shown move. */
  flush_stale (self);

  /* The rows a job copied are no longer the table's: it starts again once
   * the rows shown follow the edit. */
  set_job (self, NULL);

  /* The search results of strings stay right: strings never change. */
  if (!patch_order (self, position, removed, added))
    {
      if (self->background && lode_export_table_get_n_rows (self->table) > JOB_SLICE)
        clear_shown (self);
      start_job (self);
      return;
    }

  refilter (self, position, removed, added);
  if (had_job)
    start_job (self);
}

static void
lode_export_index_finalize (GObject *object)
{
  LodeExportIndex *self = LODE_EXPORT_INDEX (object);

  GHashTableIter iter;
  gpointer item;

  set_job (self, NULL);
  g_clear_handle_id (&self->stale_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_object_weak_unref (item, live_item_gone, self);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->stale_runs, g_array_unref);
  if (self->table != NULL)
    g_signal_handlers_disconnect_by_func (self->table, on_table_items_changed, self);
  g_clear_object (&self->table);
  g_clear_object (&self->shown_table);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->quantities, g_free);
  g_clear_pointer (&self->units, g_free);
  g_clear_pointer (&self->passes, g_free);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (lode_export_index_parent_class)->finalize (object);
}

static void
lode_export_index_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LodeExportIndex *self = LODE_EXPORT_INDEX (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, lode_export_index_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_export_index_class_init (LodeExportIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_export_index_finalize;
  object_class->get_property = lode_export_index_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_export_index_init (LodeExportIndex *self)
{
  self->ranks = g_hash_table_new (NULL, NULL);
  self->matches = g_hash_table_new (NULL, NULL);
  self->live = g_hash_table_new (NULL, NULL);
  self->stale_runs = g_array_new (FALSE, FALSE, sizeof (guint));
  self->stage = LODE_EXPORT_STAGE_ANY;
}

static GType
lode_export_index_get_item_type (GListModel *model)
{
  return LODE_TYPE_EXPORT_RECORD;
}

static guint
lode_export_index_get_n_items (GListModel *model)
{
  LodeExportIndex *self = LODE_EXPORT_INDEX (model);

  return self->n_shown - self->n_hidden;
}

static gpointer
lode_export_index_get_item (GListModel *model,
                            guint       position)
{
  LodeExportIndex *self = LODE_EXPORT_INDEX (model);
  guint announced = position;
  gpointer item;

  if (position >= self->hidden_position)
    position += self->n_hidden;
  if (position >= self->n_shown)
    return NULL;

  /* The position as announced: the changes still to come move it. */
  item = g_list_model_get_item (G_LIST_MODEL (self->shown_table), self->shown[position]);
  if (!g_hash_table_contains (self->live, item))
    g_object_weak_ref (item, live_item_gone, self);
  g_hash_table_insert (self->live, item, GUINT_TO_POINTER (announced));

  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lode_export_index_get_item_type;
  iface->get_n_items = lode_export_index_get_n_items;
  iface->get_item = lode_export_index_get_item;
}

LodeExportIndex *
lode_export_index_new (LodeExportTable *table)
{
  LodeExportIndex *self;

  g_return_val_if_fail (table == NULL || LODE_IS_EXPORT_TABLE (table), NULL);

  self = g_object_new (LODE_TYPE_EXPORT_INDEX, NULL);
  lode_export_index_set_table (self, table);

  return self;
}

LodeExportTable *
lode_export_index_get_table (LodeExportIndex *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_INDEX (self), NULL);

  return self->table;
}

void
lode_export_index_set_table (LodeExportIndex *self,
                             LodeExportTable *table)
{
  g_return_if_fail (LODE_IS_EXPORT_INDEX (self));
  g_return_if_fail (table == NULL || LODE_IS_EXPORT_TABLE (table));

  if (self->table == table)
    return;

  if (self->table != NULL)
    g_signal_handlers_disconnect_by_func (self->table, on_table_items_changed, self);

  g_set_object (&self->table, table);
  g_hash_table_remove_all (self->matches);
  /* Interned filter strings belong to the table they came from. */
  self->mineral = NULL;
  self->destination = NULL;

  if (table != NULL)
    g_signal_connect_object (table, "items-changed",
                             G_CALLBACK (on_table_items_changed), self,
                             G_CONNECT_SWAPPED);

  /* The rows shown stay the old table's until the new ones are sorted. */
  set_job (self, NULL);
  lode_export_index_rebuild (self);
}

void
lode_export_index_set_name_funcs (LodeExportIndex    *self,
                                  LodeExportNameFunc  mineral_name,
                                  LodeExportNameFunc  destination_name,
                                  gpointer            user_data)
{
  g_return_if_fail (LODE_IS_EXPORT_INDEX (self));

  self->mineral_name = mineral_name;
  self->destination_name = destination_name;
  self->name_data = user_data;
}

void
lode_export_index_rebuild (LodeExportIndex *self)
{
  g_return_if_fail (LODE_IS_EXPORT_INDEX (self));

  g_hash_table_remove_all (self->matches);
  start_job (self);
}

void
lode_export_index_set_sort (LodeExportIndex *self,
                            LodeExportSort   sort,
                            gboolean         descending)
{
  g_return_if_fail (LODE_IS_EXPORT_INDEX (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;

  self->sort = sort;
  self->descending = descending;

  start_job (self);
}

void
lode_export_index_set_filter (LodeExportIndex *self,
                              const char      *mineral,
                              int              year_min,
                              int              year_max,
                              const char      *destination,
                              int              stage,
                              const char      *search)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (LODE_IS_EXPORT_INDEX (self));

  if (search != NULL && *search != '\0')
    folded = g_utf8_casefold (search, -1);

  if (g_strcmp0 (folded, self->search) != 0)
    {
      g_free (self->search);
      self->search = g_steal_pointer (&folded);
      g_hash_table_remove_all (self->matches);
    }

  self->mineral = self->table != NULL ? lode_export_table_intern (self->table, mineral) : NULL;
  self->destination = self->table != NULL ? lode_export_table_intern (self->table, destination) : NULL;
  self->year_min = year_min;
  self->year_max = year_max;
  self->stage = stage;

  if (self->table == NULL)
    return;

  if (self->background && lode_export_table_get_n_rows (self->table) > JOB_SLICE)
    start_job (self);
  else
    {
      flush_stale (self);
      set_job (self, NULL);
      recompute_passes (self);
      refilter (self, 0, 0, 0);
    }
}

void
lode_export_index_set_background (LodeExportIndex *self,
                                  gboolean         background)
{
  g_return_if_fail (LODE_IS_EXPORT_INDEX (self));

  self->background = !!background;
}

gboolean
lode_export_index_get_busy (LodeExportIndex *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_INDEX (self), FALSE);

  return is_busy (self);
}

guint
lode_export_index_get_row_position (LodeExportIndex *self,
                                    guint            position)
{
  g_return_val_if_fail (LODE_IS_EXPORT_INDEX (self), G_MAXUINT);
  g_return_val_if_fail (position < self->n_shown, G_MAXUINT);

  return self->shown[position];
}

const LodeExportTotals *
lode_export_index_get_totals (LodeExportIndex *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_INDEX (self), NULL);

  return &self->totals;
}
