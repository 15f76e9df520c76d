/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-history.h"
#include "lode-portfolio.h"

/* One command: what to do, what undoes it, and its data. */
typedef struct
{
  LodeHistoryFunc apply;
  LodeHistoryFunc revert;
  gpointer        data;
  GDestroyNotify  destroy;
} Command;

/* One step of the history: the commands of one change, in the order they
 * were applied, under one label. */
typedef struct
{
  char   *label;
  GArray *commands;   /* of Command */
} Step;

struct _LodeHistory
{
  GObject        parent_instance;

  LodePortfolio *portfolio;   /* weak: the portfolio owns the history */
  GPtrArray     *steps;       /* of Step */
  guint          position;    /* steps[0, position) are applied */
  gint64         saved;       /* position at the last save; -1 when unreachable */

  Step          *group;       /* the step being grouped, or NULL */
  guint          group_depth;
};

G_DEFINE_FINAL_TYPE (LodeHistory, lode_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_clear (gpointer data)
{
  Command *command = data;

  if (command->destroy != NULL)
    command->destroy (command->data);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->commands = g_array_new (FALSE, FALSE, sizeof (Command));
  g_array_set_clear_func (step->commands, command_clear);

  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_array_unref (step->commands);
  g_free (step);
}

static void
step_apply (Step *step)
{
  for (guint i = 0; i < step->commands->len; i++)
    {
      Command *command = &g_array_index (step->commands, Command, i);
      command->apply (command->data);
    }
}

static void
step_revert (Step *step)
{
  for (guint i = step->commands->len; i > 0; i--)
    {
      Command *command = &g_array_index (step->commands, Command, i - 1);
      command->revert (command->data);
    }
}

static void
notify_state (LodeHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

/* The portfolio is unmodified exactly where the history was saved. */
static void
sync_modified (LodeHistory *self)
{
  if (self->portfolio != NULL)
    lode_portfolio_set_modified (self->portfolio, (gint64) self->position != self->saved);
}

static void
lode_history_finalize (GObject *object)
{
  LodeHistory *self = LODE_HISTORY (object);

  g_clear_pointer (&self->group, step_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_weak_pointer (&self->portfolio);

  G_OBJECT_CLASS (lode_history_parent_class)->finalize (object);
}

static void
lode_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LodeHistory *self = LODE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lode_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, lode_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, lode_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, lode_history_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_history_class_init (LodeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lode_history_finalize;
  object_class->get_property = lode_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_history_init (LodeHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

LodeHistory *
lode_history_new (LodePortfolio *portfolio)
{
  LodeHistory *self;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  self = g_object_new (LODE_TYPE_HISTORY, NULL);
  g_set_weak_pointer (&self->portfolio, portfolio);
  self->saved = lode_portfolio_get_modified (portfolio) ? -1 : 0;

  return self;
}

gboolean
lode_history_get_can_undo (LodeHistory *self)
{
  g_return_val_if_fail (LODE_IS_HISTORY (self), FALSE);

  return self->position > 0 && self->group == NULL;
}

gboolean
lode_history_get_can_redo (LodeHistory *self)
{
  g_return_val_if_fail (LODE_IS_HISTORY (self), FALSE);

  return self->position < self->steps->len && self->group == NULL;
}

const char *
lode_history_get_undo_label (LodeHistory *self)
{
  g_return_val_if_fail (LODE_IS_HISTORY (self), NULL);

  if (!lode_history_get_can_undo (self))
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

const char *
lode_history_get_redo_label (LodeHistory *self)
{
  g_return_val_if_fail (LODE_IS_HISTORY (self), NULL);

  if (!lode_history_get_can_redo (self))
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position))->label;
}

void
lode_history_undo (LodeHistory *self)
{
  g_return_if_fail (LODE_IS_HISTORY (self));

  if (!lode_history_get_can_undo (self))
    return;

  self->position--;
  step_revert (g_ptr_array_index (self->steps, self->position));
  sync_modified (self);
  notify_state (self);
}

void
lode_history_redo (LodeHistory *self)
{
  g_return_if_fail (LODE_IS_HISTORY (self));

  if (!lode_history_get_can_redo (self))
    return;

  step_apply (g_ptr_array_index (self->steps, self->position));
  self->position++;
  sync_modified (self);
  notify_state (self);
}

void
lode_history_mark_saved (LodeHistory *self)
{
  g_return_if_fail (LODE_IS_HISTORY (self));

  self->saved = self->position;
  sync_modified (self);
}

void
lode_history_clear (LodeHistory *self)
{
  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->saved = self->portfolio != NULL && lode_portfolio_get_modified (self->portfolio) ? -1 : 0;
  notify_state (self);
}

/* Records @step as the newest, dropping whatever could be redone. */
static void
add_step (LodeHistory *self,
          Step        *step)
{
  if (step->commands->len == 0)
    {
      step_free (step);
      return;
    }

  if (self->saved > (gint64) self->position)
    self->saved = -1;
  g_ptr_array_set_size (self->steps, self->position);
  g_ptr_array_add (self->steps, step);
  self->position++;
  sync_modified (self);
  notify_state (self);
}

void
lode_history_begin_group (LodeHistory *self,
                          const char  *label)
{
  g_return_if_fail (LODE_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = step_new (label);
}

void
lode_history_end_group (LodeHistory *self)
{
  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    add_step (self, g_steal_pointer (&self->group));
}

void
lode_history_push (LodeHistory     *self,
                   const char      *label,
                   LodeHistoryFunc  apply,
                   LodeHistoryFunc  revert,
                   gpointer         data,
                   GDestroyNotify   destroy)
{
  Command command = { apply, revert, data, destroy };

  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (apply != NULL && revert != NULL);

  apply (data);

  if (self->group != NULL)
    {
      g_array_append_val (self->group->commands, command);
    }
  else
    {
      Step *step = step_new (label);

      g_array_append_val (step->commands, command);
      add_step (self, step);
    }
}

/* Ready-made commands. */

typedef struct
{
  GObject *object;
  char    *property;
  GValue   old_value;
  GValue   new_value;
} SetProperty;

static void
set_property_apply (gpointer data)
{
  SetProperty *command = data;

  g_object_set_property (command->object, command->property, &command->new_value);
}

static void
set_property_revert (gpointer data)
{
  SetProperty *command = data;

  g_object_set_property (command->object, command->property, &command->old_value);
}

static void
set_property_free (gpointer data)
{
  SetProperty *command = data;

  g_object_unref (command->object);
  g_free (command->property);
  g_value_unset (&command->old_value);
  g_value_unset (&command->new_value);
  g_free (command);
}

void
lode_history_set_property (LodeHistory  *self,
                           const char   *label,
                           GObject      *object,
                           const char   *property,
                           const GValue *value)
{
  SetProperty *command;
  GParamSpec *pspec;

  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  command = g_new0 (SetProperty, 1);
  command->object = g_object_ref (object);
  command->property = g_strdup (property);
  g_value_init (&command->old_value, pspec->value_type);
  g_object_get_property (object, property, &command->old_value);
  g_value_init (&command->new_value, pspec->value_type);
  if (!g_value_transform (value, &command->new_value))
    {
      g_critical ("Cannot set %s of %s from a %s", property,
                  G_OBJECT_TYPE_NAME (object), G_VALUE_TYPE_NAME (value));
      set_property_free (command);
      return;
    }

  /* Setting a value to what it is changes nothing: no step. */
  if (g_param_values_cmp (pspec, &command->old_value, &command->new_value) == 0)
    {
      set_property_free (command);
      return;
    }

  lode_history_push (self, label, set_property_apply, set_property_revert,
                     command, set_property_free);
}

typedef struct
{
  GListStore *store;
  guint       position;
  GObject    *item;
} StoreItem;

static void
store_insert (gpointer data)
{
  StoreItem *command = data;

  g_list_store_insert (command->store, command->position, command->item);
}

static void
store_remove (gpointer data)
{
  StoreItem *command = data;

  g_list_store_remove (command->store, command->position);
}

static void
store_item_free (gpointer data)
{
  StoreItem *command = data;

  g_object_unref (command->store);
  g_object_unref (command->item);
  g_free (command);
}

/* Takes @item. */
static StoreItem *
store_item_new (GListStore *store,
                guint       position,
                GObject    *item)
{
  StoreItem *command = g_new0 (StoreItem, 1);

  command->store = g_object_ref (store);
  command->position = position;
  command->item = item;

  return command;
}

void
lode_history_insert_item (LodeHistory *self,
                          const char  *label,
                          GListStore  *store,
                          guint        position,
                          GObject     *item)
{
  StoreItem *command;

  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_return_if_fail (G_IS_OBJECT (item));

  command = store_item_new (store, position, g_object_ref (item));

  lode_history_push (self, label, store_insert, store_remove, command, store_item_free);
}

void
lode_history_remove_item (LodeHistory *self,
                          const char  *label,
                          GListStore  *store,
                          guint        position)
{
  StoreItem *command;

  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  command = store_item_new (store, position, g_list_model_get_item (G_LIST_MODEL (store), position));

  lode_history_push (self, label, store_remove, store_insert, command, store_item_free);
}

/* Export commands keep rows as plain values: their strings are interned by
 * the table, which lives as long as the portfolio that owns the history. */
typedef struct
{
  LodeExportTable *table;
  guint            position;
  GArray          *rows;     /* of LodeExportRow: the rows this command removes or inserts */
  GPtrArray       *extras;   /* of JsonObject or NULL, one for each row */
  LodeExportRow    replacement;
} ExportRows;

static void
extra_unref (gpointer extra)
{
  if (extra != NULL)
    json_object_unref (extra);
}

static void
export_rows_free (gpointer data)
{
  ExportRows *command = data;

  g_object_unref (command->table);
  g_array_unref (command->rows);
  g_ptr_array_unref (command->extras);
  g_free (command);
}

static ExportRows *
export_rows_new (LodeHistory *self)
{
  ExportRows *command = g_new0 (ExportRows, 1);

  command->table = g_object_ref (lode_portfolio_get_exports (self->portfolio));
  command->rows = g_array_new (FALSE, FALSE, sizeof (LodeExportRow));
  command->extras = g_ptr_array_new_with_free_func (extra_unref);

  return command;
}

/* Copies rows [position, position + n_rows) and their unknown members. */
static void
export_rows_take (ExportRows *command,
                  guint       n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      LodeExportRow row;
      JsonObject *extra;

      lode_export_table_get_row (command->table, command->position + i, &row);
      g_array_append_val (command->rows, row);
      extra = lode_export_table_get_extra (command->table, command->position + i);
      g_ptr_array_add (command->extras, extra != NULL ? json_object_ref (extra) : NULL);
    }
}

static void
export_rows_insert (gpointer data)
{
  ExportRows *command = data;

  for (guint i = 0; i < command->rows->len; i++)
    {
      JsonObject *extra = g_ptr_array_index (command->extras, i);

      lode_export_table_insert (command->table, command->position + i,
                                &g_array_index (command->rows, LodeExportRow, i));
      if (extra != NULL)
        lode_export_table_set_extra (command->table, command->position + i, extra);
    }
}

static void
export_rows_remove (gpointer data)
{
  ExportRows *command = data;

  lode_export_table_remove (command->table, command->position, command->rows->len);
}

static void
export_rows_replace (gpointer data)
{
  ExportRows *command = data;

  lode_export_table_replace (command->table, command->position, &command->replacement);
}

static void
export_rows_restore (gpointer data)
{
  ExportRows *command = data;
  JsonObject *extra = g_ptr_array_index (command->extras, 0);

  lode_export_table_replace (command->table, command->position,
                             &g_array_index (command->rows, LodeExportRow, 0));
  lode_export_table_set_extra (command->table, command->position, extra);
}

/* Interns the strings of @row into @table, so the command owns nothing. */
static LodeExportRow
intern_row (LodeExportTable     *table,
            const LodeExportRow *row)
{
  LodeExportRow copy = *row;

  copy.mineral = lode_export_table_intern (table, row->mineral);
  copy.destination = lode_export_table_intern (table, row->destination);
  copy.hs_code = lode_export_table_intern (table, row->hs_code);
  copy.source = lode_export_table_intern (table, row->source);
  copy.original_currency = lode_export_table_intern (table, row->original_currency);

  return copy;
}

void
lode_history_insert_export (LodeHistory         *self,
                            const char          *label,
                            guint                position,
                            const LodeExportRow *row)
{
  ExportRows *command;
  LodeExportRow copy;

  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (self->portfolio != NULL);
  g_return_if_fail (lode_export_row_is_valid (row));

  command = export_rows_new (self);
  g_return_if_fail (position <= lode_export_table_get_n_rows (command->table));
  command->position = position;
  copy = intern_row (command->table, row);
  g_array_append_val (command->rows, copy);
  g_ptr_array_add (command->extras, NULL);

  lode_history_push (self, label, export_rows_insert, export_rows_remove,
                     command, export_rows_free);
}

void
lode_history_replace_export (LodeHistory         *self,
                             const char          *label,
                             guint                position,
                             const LodeExportRow *row)
{
  ExportRows *command;

  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (self->portfolio != NULL);
  g_return_if_fail (lode_export_row_is_valid (row));

  command = export_rows_new (self);
  g_return_if_fail (position < lode_export_table_get_n_rows (command->table));
  command->position = position;
  export_rows_take (command, 1);
  command->replacement = intern_row (command->table, row);

  lode_history_push (self, label, export_rows_replace, export_rows_restore,
                     command, export_rows_free);
}

void
lode_history_remove_exports (LodeHistory *self,
                             const char  *label,
                             guint        position,
                             guint        n_rows)
{
  ExportRows *command;

  g_return_if_fail (LODE_IS_HISTORY (self));
  g_return_if_fail (self->portfolio != NULL);

  command = export_rows_new (self);
  g_return_if_fail (position + n_rows <= lode_export_table_get_n_rows (command->table));
  if (n_rows == 0)
    {
      export_rows_free (command);
      return;
    }
  command->position = position;
  export_rows_take (command, n_rows);

  lode_history_push (self, label, export_rows_remove, export_rows_insert,
                     command, export_rows_free);
}
