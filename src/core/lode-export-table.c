/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lode-enum-types.h"
#include "lode-export-table-private.h"
#include "lode-rules.h"

/* The records as columns: a record is a row across them; strings are ids
 * into one interning table, 0 standing for NULL. About 37 bytes a record.
 * The rare columns, period to original_amount, are NULL (and not counted
 * in the 37 bytes) until a row has a period kind or an amount in another
 * currency; then all three are there for every row. */
#define N_COLUMNS 13

typedef union
{
  struct
  {
    guint32   *mineral;
    guint16   *year;
    guint8    *month;
    guint8    *stage;
    guint8    *unit;
    guint32   *destination;
    guint32   *hs_code;
    guint32   *source;
    double    *quantity;
    LodeMoney *value;
    guint8    *period;
    guint32   *original_currency;
    LodeMoney *original_amount;
  };
  gpointer all[N_COLUMNS];   /* the same columns, for what is done to each */
} ColumnArrays;

G_STATIC_ASSERT (sizeof (ColumnArrays) == N_COLUMNS * sizeof (gpointer));

#define ELEMENT_SIZE(column) \
  [G_STRUCT_OFFSET (ColumnArrays, column) / sizeof (gpointer)] = sizeof *((ColumnArrays *) NULL)->column

/* The size of one element of each column. */
static const gsize element_size[N_COLUMNS] = {
  ELEMENT_SIZE (mineral), ELEMENT_SIZE (year), ELEMENT_SIZE (month), ELEMENT_SIZE (stage),
  ELEMENT_SIZE (unit), ELEMENT_SIZE (destination), ELEMENT_SIZE (hs_code),
  ELEMENT_SIZE (source), ELEMENT_SIZE (quantity), ELEMENT_SIZE (value), ELEMENT_SIZE (period),
  ELEMENT_SIZE (original_currency), ELEMENT_SIZE (original_amount),
};

/* The columns of one version of the table, owned here once a snapshot has
 * been taken of them. Shared between the table and its snapshots by an
 * atomic count; never changed while shared. Plain memory: any thread may
 * drop the last reference. */
typedef struct
{
  int           ref_count;   /* atomic */
  guint         capacity;
  ColumnArrays  arrays;
} Columns;

/* The map of unknown members of one version, shared the same way. Its
 * last reference drops references to JsonObjects: only on the thread that
 * changes the table. */
typedef struct
{
  int             ref_count;   /* atomic */
  GHashTable     *map;
} Extras;

struct _LodeExportTableVersion
{
  LodeExportTable *table;      /* keeps the interned strings alive */
  Columns         *columns;
  Extras          *extras;
  guint            n_rows;
  const char     **strings;    /* id → interned string, as when frozen */
  guint            n_strings;
};

struct _LodeExportTable
{
  GObject       parent_instance;

  guint         n_rows;
  guint         capacity;
  ColumnArrays  columns;
  int         fiscal_year_start;

  GStringChunk *chunk;
  GPtrArray  *strings;     /* id → interned string; [0] is NULL */
  GHashTable *string_ids;  /* interned string → id */
  GHashTable *extras;      /* row → JsonObject, for the few rows that have one */

  /* When set, the columns (or the extras) above belong to it: a version
   * that a snapshot may still be reading. The table thaws them (takes them
   * back, or copies them while they are shared) before it changes them. */
  Columns    *frozen_columns;
  Extras     *frozen_extras;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LodeExportTable, lode_export_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define ROW_BYTES (sizeof (guint32) * 4 + sizeof (guint16) + sizeof (guint8) * 3 \
                   + sizeof (double) + sizeof (LodeMoney))
#define RARE_ROW_BYTES (sizeof (guint8) + sizeof (guint32) + sizeof (LodeMoney))

static void
column_arrays_clear (ColumnArrays *arrays)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (arrays->all[i]);
}

static void
columns_unref (Columns *columns)
{
  if (!g_atomic_int_dec_and_test (&columns->ref_count))
    return;

  column_arrays_clear (&columns->arrays);
  g_free (columns);
}

static void
extras_unref (Extras *extras)
{
  if (!g_atomic_int_dec_and_test (&extras->ref_count))
    return;

  g_hash_table_unref (extras->map);
  g_free (extras);
}

static void
lode_export_table_finalize (GObject *object)
{
  LodeExportTable *self = LODE_EXPORT_TABLE (object);

  /* Frozen columns and extras are the version's. */
  if (self->frozen_columns != NULL)
    {
      g_clear_pointer (&self->frozen_columns, columns_unref);
    }
  else
    {
      column_arrays_clear (&self->columns);
    }

  if (self->frozen_extras != NULL)
    g_clear_pointer (&self->frozen_extras, extras_unref);
  else
    g_clear_pointer (&self->extras, g_hash_table_unref);
  g_clear_pointer (&self->string_ids, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->chunk, g_string_chunk_free);

  G_OBJECT_CLASS (lode_export_table_parent_class)->finalize (object);
}

static void
lode_export_table_class_init (LodeExportTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_export_table_finalize;
}

static void
lode_export_table_init (LodeExportTable *self)
{
  self->chunk = g_string_chunk_new (1024);
  self->strings = g_ptr_array_new ();
  g_ptr_array_add (self->strings, NULL);
  self->string_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->extras = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);
  self->fiscal_year_start = 1;
}

const char *
lode_export_row_get_key (const LodeExportRow *row,
                         LodeExportField      field)
{
  g_return_val_if_fail (row != NULL, NULL);

  switch (field)
    {
    case LODE_EXPORT_FIELD_MINERAL:
      return row->mineral;
    case LODE_EXPORT_FIELD_DESTINATION:
      return row->destination;
    case LODE_EXPORT_FIELD_HS_CODE:
      return row->hs_code;
    case LODE_EXPORT_FIELD_STAGE:
      return row->stage == LODE_STAGE_UNKNOWN ? NULL : lode_enum_to_nick (LODE_TYPE_STAGE, row->stage);
    case LODE_EXPORT_FIELD_YEAR:
    default:
      return NULL;
    }
}

LodeExportTable *
lode_export_table_new (void)
{
  return g_object_new (LODE_TYPE_EXPORT_TABLE, NULL);
}

guint
lode_export_table_get_n_rows (LodeExportTable *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), 0);

  return self->n_rows;
}

static guint32
intern_id (LodeExportTable *self,
           const char      *str)
{
  gpointer id;
  char *copy;

  if (str == NULL)
    return 0;

  if (g_hash_table_lookup_extended (self->string_ids, str, NULL, &id))
    return GPOINTER_TO_UINT (id);

  copy = g_string_chunk_insert (self->chunk, str);
  g_ptr_array_add (self->strings, copy);
  g_hash_table_insert (self->string_ids, copy, GUINT_TO_POINTER (self->strings->len - 1));

  return self->strings->len - 1;
}

const char *
lode_export_table_intern (LodeExportTable *self,
                          const char      *str)
{
  guint32 id;

  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), NULL);

  /* Not in one expression: interning may grow the array. */
  id = intern_id (self, str);

  return g_ptr_array_index (self->strings, id);
}

static inline const char *
string_of (LodeExportTable *self,
           guint32          id)
{
  return g_ptr_array_index (self->strings, id);
}

/* Row @position as stored. */
static inline void
column_arrays_get_raw_row (const ColumnArrays *columns,
                           guint               position,
                           LodeExportRawRow   *row)
{
  row->mineral = columns->mineral[position];
  row->destination = columns->destination[position];
  row->hs_code = columns->hs_code[position];
  row->source = columns->source[position];
  row->year = columns->year[position];
  row->month = columns->month[position];
  row->stage = columns->stage[position];
  row->unit = columns->unit[position];
  row->quantity = columns->quantity[position];
  row->value = columns->value[position];
  if (columns->period != NULL)
    {
      row->period = columns->period[position];
      row->original_currency = columns->original_currency[position];
      row->original_amount = row->original_currency != 0 ? columns->original_amount[position] : 0;
    }
  else
    {
      row->period = LODE_PERIOD_KIND_UNKNOWN;
      row->original_currency = 0;
      row->original_amount = 0;
    }
}

void
lode_export_table_get_row (LodeExportTable *self,
                           guint            position,
                           LodeExportRow   *row)
{
  LodeExportRawRow raw;

  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (position < self->n_rows);
  g_return_if_fail (row != NULL);

  column_arrays_get_raw_row (&self->columns, position, &raw);
  row->mineral = string_of (self, raw.mineral);
  row->year = raw.year;
  row->month = raw.month;
  row->destination = string_of (self, raw.destination);
  row->hs_code = string_of (self, raw.hs_code);
  row->stage = raw.stage;
  row->quantity = raw.quantity;
  row->unit = raw.unit;
  row->value = raw.value;
  row->source = string_of (self, raw.source);
  row->period = raw.period;
  row->original_currency = string_of (self, raw.original_currency);
  row->original_amount = raw.original_amount;
}

/* Versions
 *
 * Freezing hands the columns to a Columns, and the map of unknown members
 * to an Extras, that snapshots share; the table goes on reading them in
 * place. Before it next changes either, the table thaws it: takes it back
 * when no snapshot holds it any more, or else copies it, once, and leaves
 * the frozen one to the snapshots. A worker that reads a whole version
 * first detaches it, copying the columns into memory of its own, so that
 * the table soon holds them alone again. */

/* Copies the first @n_rows rows of @from into new columns of @capacity
 * rows; a column @from does not have, @to does not either. */
static void
column_arrays_copy (ColumnArrays       *to,
                    const ColumnArrays *from,
                    guint               capacity,
                    guint               n_rows)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (from->all[i] == NULL)
        {
          to->all[i] = NULL;
          continue;
        }

      to->all[i] = g_malloc_n (MAX (capacity, 1), element_size[i]);
      if (n_rows > 0)
        memcpy (to->all[i], from->all[i], n_rows * element_size[i]);
    }
}

static void
thaw_columns (LodeExportTable *self)
{
  Columns *frozen = g_steal_pointer (&self->frozen_columns);

  if (frozen == NULL)
    return;

  /* Only the table holds them: they are its own again. Versions are made
   * on this thread, so none can take a reference meanwhile. */
  if (g_atomic_int_get (&frozen->ref_count) == 1)
    {
      g_free (frozen);
      return;
    }

  /* A snapshot is still reading them: change a copy. */
  column_arrays_copy (&self->columns, &frozen->arrays, self->capacity, self->n_rows);
  columns_unref (frozen);
}

static void
thaw_extras (LodeExportTable *self)
{
  Extras *frozen = g_steal_pointer (&self->frozen_extras);
  GHashTableIter iter;
  gpointer key, value;

  if (frozen == NULL)
    return;

  if (g_atomic_int_get (&frozen->ref_count) == 1)
    {
      g_free (frozen);
      return;
    }

  /* Taking references is safe here: this is the table's thread. */
  self->extras = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);
  g_hash_table_iter_init (&iter, frozen->map);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->extras, key, json_object_ref (value));

  extras_unref (frozen);
}

static void
thaw (LodeExportTable *self)
{
  thaw_columns (self);
  thaw_extras (self);
}

LodeExportTableVersion *
_lode_export_table_freeze (LodeExportTable *self)
{
  LodeExportTableVersion *version;

  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), NULL);

  if (self->frozen_columns == NULL)
    {
      Columns *columns = g_new0 (Columns, 1);

      columns->ref_count = 1;
      columns->capacity = self->capacity;
      columns->arrays = self->columns;
      self->frozen_columns = columns;
    }

  if (self->frozen_extras == NULL)
    {
      Extras *extras = g_new0 (Extras, 1);

      extras->ref_count = 1;
      extras->map = self->extras;
      self->frozen_extras = extras;
    }

  version = g_new0 (LodeExportTableVersion, 1);
  version->table = g_object_ref (self);
  version->columns = self->frozen_columns;
  g_atomic_int_inc (&version->columns->ref_count);
  version->extras = self->frozen_extras;
  g_atomic_int_inc (&version->extras->ref_count);
  version->n_rows = self->n_rows;
  /* The table's array of strings grows as strings are interned, and may
   * move: the version keeps its own copy of the pointers. */
  version->strings = g_memdup2 (self->strings->pdata, self->strings->len * sizeof (char *));
  version->n_strings = self->strings->len;

  return version;
}

void
_lode_export_table_version_detach (LodeExportTableVersion *version)
{
  Columns *own;

  g_return_if_fail (version != NULL);

  own = g_new0 (Columns, 1);
  own->ref_count = 1;
  own->capacity = version->n_rows;
  column_arrays_copy (&own->arrays, &version->columns->arrays, version->n_rows, version->n_rows);

  columns_unref (version->columns);
  version->columns = own;
}

void
_lode_export_table_version_free (LodeExportTableVersion *version)
{
  if (version == NULL)
    return;

  columns_unref (version->columns);
  extras_unref (version->extras);
  g_free (version->strings);
  g_object_unref (version->table);
  g_free (version);
}

guint
_lode_export_table_version_get_n_rows (const LodeExportTableVersion *version)
{
  return version->n_rows;
}

void
_lode_export_table_version_get_raw_row (const LodeExportTableVersion *version,
                                        guint                         position,
                                        LodeExportRawRow             *row)
{
  g_assert (position < version->n_rows);

  column_arrays_get_raw_row (&version->columns->arrays, position, row);
}

guint
_lode_export_table_version_get_n_strings (const LodeExportTableVersion *version)
{
  return version->n_strings;
}

const char *
_lode_export_table_version_get_string (const LodeExportTableVersion *version,
                                       guint                         id)
{
  g_assert (id < version->n_strings);

  return version->strings[id];
}

JsonObject *
_lode_export_table_version_get_extra (const LodeExportTableVersion *version,
                                      guint                         position)
{
  return g_hash_table_lookup (version->extras->map, GUINT_TO_POINTER (position));
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

guint *
_lode_export_table_version_get_extra_rows (const LodeExportTableVersion *version,
                                           guint                        *n_rows)
{
  guint *rows;
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  *n_rows = g_hash_table_size (version->extras->map);
  rows = g_new (guint, MAX (*n_rows, 1));

  g_hash_table_iter_init (&iter, version->extras->map);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    rows[n++] = GPOINTER_TO_UINT (key);

  qsort (rows, n, sizeof (guint), compare_positions);

  return rows;
}

#define RESIZE(column, n) column = g_realloc_n (column, n, sizeof *column)

void
lode_export_table_reserve (LodeExportTable *self,
                           guint            n_rows)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));

  if (n_rows <= self->capacity)
    return;

  thaw_columns (self);

  RESIZE (self->columns.mineral, n_rows);
  RESIZE (self->columns.year, n_rows);
  RESIZE (self->columns.month, n_rows);
  RESIZE (self->columns.stage, n_rows);
  RESIZE (self->columns.unit, n_rows);
  RESIZE (self->columns.destination, n_rows);
  RESIZE (self->columns.hs_code, n_rows);
  RESIZE (self->columns.source, n_rows);
  RESIZE (self->columns.quantity, n_rows);
  RESIZE (self->columns.value, n_rows);
  if (self->columns.period != NULL)
    {
      RESIZE (self->columns.period, n_rows);
      RESIZE (self->columns.original_currency, n_rows);
      RESIZE (self->columns.original_amount, n_rows);
    }
  self->capacity = n_rows;
}

#undef RESIZE

/* Makes the rare columns, when no row had them yet: every row so far has
 * no period kind and no original amount. The columns are thawed. */
static void
ensure_rare_columns (LodeExportTable *self)
{
  guint n = MAX (self->capacity, 1);

  if (self->columns.period != NULL)
    return;

  self->columns.period = g_new0 (guint8, n);
  self->columns.original_currency = g_new0 (guint32, n);
  self->columns.original_amount = g_new0 (LodeMoney, n);
}

/* Stores the rare members of @row at @i, with @currency the id of its
 * original currency. */
static void
store_rare (LodeExportTable     *self,
            guint                i,
            const LodeExportRow *row,
            guint32              currency)
{
  if (self->columns.period == NULL)
    {
      if (row->period == LODE_PERIOD_KIND_UNKNOWN && currency == 0)
        return;
      ensure_rare_columns (self);
    }

  self->columns.period[i] = row->period;
  self->columns.original_currency[i] = currency;
  self->columns.original_amount[i] = currency != 0 ? row->original_amount : 0;
}

static void
grow (LodeExportTable *self)
{
  if (self->n_rows < self->capacity)
    return;

  lode_export_table_reserve (self, MAX (64, self->capacity + self->capacity / 2));
}

gboolean
lode_export_row_is_valid (const LodeExportRow *row)
{
  return row != NULL &&
         lode_rule_slug (row->mineral, NULL) &&
         lode_rule_year (row->year, NULL) &&
         (row->month == 0 || lode_rule_month (row->month, NULL)) &&
         (row->destination == NULL || lode_rule_country_code (row->destination, NULL)) &&
         (row->hs_code == NULL || lode_rule_hs_code (row->hs_code, NULL)) &&
         (row->quantity == LODE_QUANTITY_UNSET || lode_rule_quantity (row->quantity, NULL)) &&
         (row->quantity == LODE_QUANTITY_UNSET || row->unit != LODE_UNIT_NONE) &&
         row->value >= 0 && row->value <= LODE_MONEY_MAX &&
         (row->source == NULL || lode_rule_slug (row->source, NULL)) &&
         (row->period == LODE_PERIOD_KIND_UNKNOWN ||
          (row->month == 0 && (row->period == LODE_PERIOD_KIND_CALENDAR_YEAR ||
                               row->period == LODE_PERIOD_KIND_FISCAL_YEAR))) &&
         (row->original_currency == NULL ||
          (lode_rule_currency_code (row->original_currency, NULL) &&
           lode_rule_original_amount (row->original_amount, NULL)));
}

static void
store_row (LodeExportTable     *self,
           guint                i,
           const LodeExportRow *row)
{
  g_assert (row->mineral != NULL);
  g_assert (row->year >= 0 && row->year <= G_MAXUINT16);
  g_assert (row->month >= 0 && row->month <= 12);

  self->columns.mineral[i] = intern_id (self, row->mineral);
  self->columns.year[i] = row->year;
  self->columns.month[i] = row->month;
  self->columns.stage[i] = row->stage;
  self->columns.unit[i] = row->unit;
  self->columns.destination[i] = intern_id (self, row->destination);
  self->columns.hs_code[i] = intern_id (self, row->hs_code);
  self->columns.source[i] = intern_id (self, row->source);
  self->columns.quantity[i] = row->quantity;
  self->columns.value[i] = row->value;
  store_rare (self, i, row, intern_id (self, row->original_currency));
}

#define MOVE(column, to, from, n) memmove (column + (to), column + (from), (n) * sizeof *column)

static void
move_rows (LodeExportTable *self,
           guint            to,
           guint            from,
           guint            n)
{
  MOVE (self->columns.mineral, to, from, n);
  MOVE (self->columns.year, to, from, n);
  MOVE (self->columns.month, to, from, n);
  MOVE (self->columns.stage, to, from, n);
  MOVE (self->columns.unit, to, from, n);
  MOVE (self->columns.destination, to, from, n);
  MOVE (self->columns.hs_code, to, from, n);
  MOVE (self->columns.source, to, from, n);
  MOVE (self->columns.quantity, to, from, n);
  MOVE (self->columns.value, to, from, n);
  if (self->columns.period != NULL)
    {
      MOVE (self->columns.period, to, from, n);
      MOVE (self->columns.original_currency, to, from, n);
      MOVE (self->columns.original_amount, to, from, n);
    }
}

#undef MOVE

/* Moves the extras of rows at or after @from by @delta; drops those of
 * rows in [from, from - delta) when @delta is negative. */
static void
shift_extras (LodeExportTable *self,
              guint            from,
              int              delta)
{
  g_autoptr(GHashTable) shifted = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (self->extras) == 0)
    return;

  shifted = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);
  g_hash_table_iter_init (&iter, self->extras);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint row = GPOINTER_TO_UINT (key);

      g_hash_table_iter_steal (&iter);

      if (row < from)
        g_hash_table_insert (shifted, key, value);
      else if (delta < 0 && row < from - delta)
        json_object_unref (value);
      else
        g_hash_table_insert (shifted, GUINT_TO_POINTER (row + delta), value);
    }

  g_clear_pointer (&self->extras, g_hash_table_unref);
  self->extras = g_steal_pointer (&shifted);
}

void
lode_export_table_append_silent (LodeExportTable     *self,
                                 const LodeExportRow *row)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (row != NULL && row->mineral != NULL);

  thaw_columns (self);
  grow (self);
  store_row (self, self->n_rows, row);
  self->n_rows++;
}

guint32
_lode_export_table_intern_id (LodeExportTable *self,
                              const char      *str)
{
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), 0);

  return intern_id (self, str);
}

void
_lode_export_table_append_interned (LodeExportTable     *self,
                                    const LodeExportRow *row,
                                    const guint32        ids[4])
{
  guint i;

  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (row != NULL && ids[0] != 0 && ids[0] < self->strings->len);

  thaw_columns (self);
  grow (self);
  i = self->n_rows++;
  self->columns.mineral[i] = ids[0];
  self->columns.year[i] = row->year;
  self->columns.month[i] = row->month;
  self->columns.stage[i] = row->stage;
  self->columns.unit[i] = row->unit;
  self->columns.destination[i] = ids[1];
  self->columns.hs_code[i] = ids[2];
  self->columns.source[i] = ids[3];
  self->columns.quantity[i] = row->quantity;
  self->columns.value[i] = row->value;
  store_rare (self, i, row, row->original_currency != NULL ? intern_id (self, row->original_currency) : 0);
}

void
lode_export_table_announce (LodeExportTable *self,
                            guint            position,
                            guint            removed,
                            guint            added)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
lode_export_table_insert (LodeExportTable     *self,
                          guint                position,
                          const LodeExportRow *row)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (position <= self->n_rows);
  g_return_if_fail (row != NULL && row->mineral != NULL);

  thaw (self);
  grow (self);
  move_rows (self, position + 1, position, self->n_rows - position);
  shift_extras (self, position, 1);
  store_row (self, position, row);
  self->n_rows++;

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
lode_export_table_append (LodeExportTable     *self,
                          const LodeExportRow *row)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));

  lode_export_table_insert (self, self->n_rows, row);
}

void
lode_export_table_replace (LodeExportTable     *self,
                           guint                position,
                           const LodeExportRow *row)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (position < self->n_rows);
  g_return_if_fail (row != NULL && row->mineral != NULL);

  thaw_columns (self);
  store_row (self, position, row);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

void
lode_export_table_remove (LodeExportTable *self,
                          guint            position,
                          guint            n_rows)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (position <= self->n_rows);
  g_return_if_fail (n_rows <= self->n_rows - position);

  if (n_rows == 0)
    return;

  thaw (self);
  move_rows (self, position, position + n_rows, self->n_rows - position - n_rows);
  shift_extras (self, position, -(int) n_rows);
  self->n_rows -= n_rows;

  g_list_model_items_changed (G_LIST_MODEL (self), position, n_rows, 0);
}

JsonObject *
lode_export_table_get_extra (LodeExportTable *self,
                             guint            position)
{
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), NULL);

  return g_hash_table_lookup (self->extras, GUINT_TO_POINTER (position));
}

void
lode_export_table_set_extra (LodeExportTable *self,
                             guint            position,
                             JsonObject      *extra)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (position < self->n_rows);

  thaw_extras (self);
  if (extra != NULL && json_object_get_size (extra) > 0)
    {
      /* Snapshots read it from other threads: it never changes again. */
      json_object_seal (extra);
      g_hash_table_insert (self->extras, GUINT_TO_POINTER (position), json_object_ref (extra));
    }
  else
    g_hash_table_remove (self->extras, GUINT_TO_POINTER (position));
}

LodeMoney
lode_export_table_get_total (LodeExportTable *self)
{
  LodeMoney total = 0;

  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), 0);

  for (guint i = 0; i < self->n_rows; i++)
    total += self->columns.value[i];

  return total;
}

static int
compare_totals_by_value (gconstpointer a,
                         gconstpointer b)
{
  const LodeExportTotal *ta = a;
  const LodeExportTotal *tb = b;

  if (ta->value != tb->value)
    return ta->value > tb->value ? -1 : 1;
  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;

  return g_strcmp0 (ta->key, tb->key);
}

GArray *
lode_export_table_aggregate (LodeExportTable *self,
                             LodeExportField  field)
{
  g_autofree LodeExportTotal *slots = NULL;
  GArray *result;
  const guint32 *ids = NULL;
  guint n_slots;

  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), NULL);

  result = g_array_new (FALSE, TRUE, sizeof (LodeExportTotal));

  switch (field)
    {
    case LODE_EXPORT_FIELD_YEAR:
      n_slots = G_MAXUINT16 + 1;
      break;
    case LODE_EXPORT_FIELD_STAGE:
      n_slots = LODE_N_STAGES;
      break;
    case LODE_EXPORT_FIELD_MINERAL:
      ids = self->columns.mineral;
      n_slots = self->strings->len;
      break;
    case LODE_EXPORT_FIELD_DESTINATION:
      ids = self->columns.destination;
      n_slots = self->strings->len;
      break;
    case LODE_EXPORT_FIELD_HS_CODE:
      ids = self->columns.hs_code;
      n_slots = self->strings->len;
      break;
    default:
      g_return_val_if_reached (result);
    }

  slots = g_new0 (LodeExportTotal, n_slots);

  for (guint i = 0; i < self->n_rows; i++)
    {
      guint slot;

      if (field == LODE_EXPORT_FIELD_YEAR)
        slot = self->columns.year[i];
      else if (field == LODE_EXPORT_FIELD_STAGE)
        slot = self->columns.stage[i];
      else
        slot = ids[i];

      slots[slot].count++;
      slots[slot].value += self->columns.value[i];
    }

  for (guint slot = 0; slot < n_slots; slot++)
    {
      LodeExportTotal total = slots[slot];

      if (total.count == 0)
        continue;

      if (field == LODE_EXPORT_FIELD_YEAR)
        {
          g_autofree char *text = g_strdup_printf ("%u", slot);

          total.year = slot;
          total.key = lode_export_table_intern (self, text);
        }
      else if (field == LODE_EXPORT_FIELD_STAGE)
        total.key = lode_enum_to_nick (LODE_TYPE_STAGE, slot == LODE_STAGE_UNKNOWN ? -1 : (int) slot);
      else
        total.key = string_of (self, slot);

      g_array_append_val (result, total);
    }

  if (field != LODE_EXPORT_FIELD_YEAR)
    g_array_sort (result, compare_totals_by_value);

  return result;
}

void
_lode_export_table_get_columns (LodeExportTable   *self,
                                LodeExportColumns *columns)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));

  *columns = (LodeExportColumns) {
    .n_rows = self->n_rows,
    .mineral = self->columns.mineral,
    .destination = self->columns.destination,
    .hs_code = self->columns.hs_code,
    .year = self->columns.year,
    .month = self->columns.month,
    .stage = self->columns.stage,
    .value = self->columns.value,
    .period = self->columns.period,
  };
}

void
_lode_export_table_version_get_columns (const LodeExportTableVersion *version,
                                        LodeExportColumns            *columns)
{
  const ColumnArrays *own = &version->columns->arrays;

  *columns = (LodeExportColumns) {
    .n_rows = version->n_rows,
    .mineral = own->mineral,
    .destination = own->destination,
    .hs_code = own->hs_code,
    .year = own->year,
    .month = own->month,
    .stage = own->stage,
    .value = own->value,
    .period = own->period,
  };
}

int
lode_export_table_get_fiscal_year_start (LodeExportTable *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), 1);

  return self->fiscal_year_start;
}

void
lode_export_table_set_fiscal_year_start (LodeExportTable *self,
                                         int              month)
{
  g_return_if_fail (LODE_IS_EXPORT_TABLE (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->fiscal_year_start = month;
}

const char *
_lode_export_table_get_string (LodeExportTable *self,
                               guint32          id)
{
  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), NULL);
  g_return_val_if_fail (id < self->strings->len, NULL);

  return string_of (self, id);
}

gsize
lode_export_table_get_memory (LodeExportTable *self)
{
  gsize bytes;

  g_return_val_if_fail (LODE_IS_EXPORT_TABLE (self), 0);

  bytes = (gsize) self->capacity * ROW_BYTES;
  if (self->columns.period != NULL)
    bytes += (gsize) self->capacity * RARE_ROW_BYTES;
  bytes += self->strings->len * (sizeof (gpointer) * 3 + 16);
  bytes += g_hash_table_size (self->extras) * 64;

  return bytes;
}

/* GListModel */

static GType
lode_export_table_get_item_type (GListModel *model)
{
  return LODE_TYPE_EXPORT_RECORD;
}

static guint
lode_export_table_get_n_items (GListModel *model)
{
  return LODE_EXPORT_TABLE (model)->n_rows;
}

static LodeExportRecord *lode_export_record_new (LodeExportTable *table,
                                                 guint            position);

static gpointer
lode_export_table_get_item (GListModel *model,
                            guint       position)
{
  LodeExportTable *self = LODE_EXPORT_TABLE (model);

  if (position >= self->n_rows)
    return NULL;

  return lode_export_record_new (self, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lode_export_table_get_item_type;
  iface->get_n_items = lode_export_table_get_n_items;
  iface->get_item = lode_export_table_get_item;
}

/* LodeExportRecord: made on demand, a snapshot of one row. Its strings are
 * the table's interned ones, so it keeps the table alive. */

struct _LodeExportRecord
{
  GObject          parent_instance;

  LodeExportTable *table;
  guint            position;
  LodeExportRow    row;
};

G_DEFINE_FINAL_TYPE (LodeExportRecord, lode_export_record, G_TYPE_OBJECT)

enum {
  REC_PROP_0,
  REC_PROP_POSITION,
  REC_PROP_MINERAL,
  REC_PROP_YEAR,
  REC_PROP_MONTH,
  REC_PROP_DESTINATION,
  REC_PROP_HS_CODE,
  REC_PROP_STAGE,
  REC_PROP_QUANTITY,
  REC_PROP_UNIT,
  REC_PROP_VALUE,
  REC_PROP_SOURCE,
  REC_PROP_PERIOD,
  REC_PROP_ORIGINAL_CURRENCY,
  REC_PROP_ORIGINAL_AMOUNT,
  REC_N_PROPS
};

static GParamSpec *record_properties[REC_N_PROPS];

static LodeExportRecord *
lode_export_record_new (LodeExportTable *table,
                        guint            position)
{
  LodeExportRecord *self = g_object_new (LODE_TYPE_EXPORT_RECORD, NULL);

  self->table = g_object_ref (table);
  self->position = position;
  lode_export_table_get_row (table, position, &self->row);

  return self;
}

static void
lode_export_record_finalize (GObject *object)
{
  LodeExportRecord *self = LODE_EXPORT_RECORD (object);

  g_clear_object (&self->table);

  G_OBJECT_CLASS (lode_export_record_parent_class)->finalize (object);
}

static void
lode_export_record_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LodeExportRecord *self = LODE_EXPORT_RECORD (object);

  switch (prop_id)
    {
    case REC_PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case REC_PROP_MINERAL:
      g_value_set_string (value, self->row.mineral);
      break;
    case REC_PROP_YEAR:
      g_value_set_int (value, self->row.year);
      break;
    case REC_PROP_MONTH:
      g_value_set_int (value, self->row.month);
      break;
    case REC_PROP_DESTINATION:
      g_value_set_string (value, self->row.destination);
      break;
    case REC_PROP_HS_CODE:
      g_value_set_string (value, self->row.hs_code);
      break;
    case REC_PROP_STAGE:
      g_value_set_enum (value, self->row.stage);
      break;
    case REC_PROP_QUANTITY:
      g_value_set_double (value, self->row.quantity);
      break;
    case REC_PROP_UNIT:
      g_value_set_enum (value, self->row.unit);
      break;
    case REC_PROP_VALUE:
      g_value_set_int64 (value, self->row.value);
      break;
    case REC_PROP_SOURCE:
      g_value_set_string (value, self->row.source);
      break;
    case REC_PROP_PERIOD:
      g_value_set_enum (value, self->row.period);
      break;
    case REC_PROP_ORIGINAL_CURRENCY:
      g_value_set_string (value, self->row.original_currency);
      break;
    case REC_PROP_ORIGINAL_AMOUNT:
      g_value_set_int64 (value, self->row.original_amount);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_export_record_class_init (LodeExportRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lode_export_record_finalize;
  object_class->get_property = lode_export_record_get_property;

  record_properties[REC_PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  record_properties[REC_PROP_MINERAL] =
    g_param_spec_string ("mineral", NULL, NULL, NULL, flags);
  record_properties[REC_PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXUINT16, 0, flags);
  record_properties[REC_PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, 0, 12, 0, flags);
  record_properties[REC_PROP_DESTINATION] =
    g_param_spec_string ("destination", NULL, NULL, NULL, flags);
  record_properties[REC_PROP_HS_CODE] =
    g_param_spec_string ("hs-code", NULL, NULL, NULL, flags);
  record_properties[REC_PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, LODE_TYPE_STAGE, LODE_STAGE_UNKNOWN, flags);
  record_properties[REC_PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0, flags);
  record_properties[REC_PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, LODE_TYPE_UNIT, LODE_UNIT_NONE, flags);
  record_properties[REC_PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, 0, G_MAXINT64, 0, flags);
  record_properties[REC_PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, flags);
  record_properties[REC_PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL, LODE_TYPE_PERIOD_KIND, LODE_PERIOD_KIND_UNKNOWN, flags);
  record_properties[REC_PROP_ORIGINAL_CURRENCY] =
    g_param_spec_string ("original-currency", NULL, NULL, NULL, flags);
  record_properties[REC_PROP_ORIGINAL_AMOUNT] =
    g_param_spec_int64 ("original-amount", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, REC_N_PROPS, record_properties);
}

static void
lode_export_record_init (LodeExportRecord *self)
{
}

guint
lode_export_record_get_position (LodeExportRecord *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_RECORD (self), 0);

  return self->position;
}

const LodeExportRow *
lode_export_record_get_row (LodeExportRecord *self)
{
  g_return_val_if_fail (LODE_IS_EXPORT_RECORD (self), NULL);

  return &self->row;
}
