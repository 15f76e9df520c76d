/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-mineral.h"
#include "lode-rules.h"

struct _LodeMineral
{
  LodeItem         parent_instance;

  char             *id;
  char             *name;
  char             *symbol;
  LodeMineralGroup  group;
  char            **hs_codes;
  GListStore       *reserves;
};

G_DEFINE_FINAL_TYPE (LodeMineral, lode_mineral, LODE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SYMBOL,
  PROP_GROUP,
  PROP_HS_CODES,
  PROP_RESERVES,
  PROP_RESERVE_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LodeItemField fields[N_PROPS] = {
  [PROP_ID] = LODE_ITEM_FIELD (LodeMineral, id, lode_mineral_set_id),
  [PROP_NAME] = LODE_ITEM_FIELD (LodeMineral, name, lode_mineral_set_name),
  [PROP_SYMBOL] = LODE_ITEM_FIELD (LodeMineral, symbol, lode_mineral_set_symbol),
  [PROP_GROUP] = LODE_ITEM_FIELD (LodeMineral, group, lode_mineral_set_group),
  [PROP_HS_CODES] = LODE_ITEM_FIELD (LodeMineral, hs_codes, lode_mineral_set_hs_codes),
  [PROP_RESERVES] = LODE_ITEM_FIELD (LodeMineral, reserves, NULL),
  [PROP_RESERVE_VALUE] = LODE_ITEM_COMPUTED (lode_mineral_get_reserve_value),
};

/* A reserve in the list changed: whoever watches the mineral (a portfolio,
 * a view) sees it as a change of the mineral's reserves. */
static void
on_reserve_notify (LodeMineral *self,
                   GParamSpec  *pspec,
                   LodeReserve *reserve)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVES]);

  if (g_strcmp0 (pspec->name, "value") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVE_VALUE]);
}

static gboolean
has_reserve (LodeMineral *self,
             LodeReserve *reserve)
{
  return g_list_store_find (self->reserves, reserve, NULL);
}

static void
lode_mineral_dispose (GObject *object)
{
  LodeMineral *self = (LodeMineral *)object;

  if (self->reserves != NULL)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->reserves));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (G_LIST_MODEL (self->reserves), i);

          g_signal_handlers_disconnect_by_func (reserve, on_reserve_notify, self);
        }
    }

  g_clear_object (&self->reserves);

  G_OBJECT_CLASS (lode_mineral_parent_class)->dispose (object);
}

static void
lode_mineral_class_init (LodeMineralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = lode_mineral_dispose;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SYMBOL] = g_param_spec_string ("symbol", NULL, NULL, NULL, flags);
  properties[PROP_GROUP] =
    g_param_spec_enum ("group", NULL, NULL,
                       LODE_TYPE_MINERAL_GROUP, LODE_MINERAL_GROUP_OTHER, flags);
  properties[PROP_HS_CODES] =
    g_param_spec_boxed ("hs-codes", NULL, NULL, G_TYPE_STRV, flags);
  /* Notified when a reserve is added or removed, or one of them changes. */
  properties[PROP_RESERVES] =
    g_param_spec_object ("reserves", NULL, NULL,
                         G_TYPE_LIST_MODEL, read_only);
  properties[PROP_RESERVE_VALUE] =
    g_param_spec_int64 ("reserve-value", NULL, NULL,
                        0, G_MAXINT64, 0, read_only);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
}

static void
lode_mineral_init (LodeMineral *self)
{
  self->group = LODE_MINERAL_GROUP_OTHER;
  self->reserves = g_list_store_new (LODE_TYPE_RESERVE);
}

LodeMineral *
lode_mineral_new (const char       *id,
                  const char       *name,
                  LodeMineralGroup  group)
{
  return g_object_new (LODE_TYPE_MINERAL,
                       "id", id,
                       "name", name,
                       "group", group,
                       NULL);
}

const char *
lode_mineral_get_id (LodeMineral *self)
{
  g_return_val_if_fail (LODE_IS_MINERAL (self), NULL);

  return self->id;
}

void
lode_mineral_set_id (LodeMineral *self,
                     const char  *id)
{
  g_return_if_fail (LODE_IS_MINERAL (self));
  g_return_if_fail (id == NULL || *id == '\0' || lode_rule_slug (id, NULL));

  lode_item_set_string (LODE_ITEM (self), PROP_ID, id);
}

const char *
lode_mineral_get_name (LodeMineral *self)
{
  g_return_val_if_fail (LODE_IS_MINERAL (self), NULL);

  return self->name;
}

void
lode_mineral_set_name (LodeMineral *self,
                       const char  *name)
{
  g_return_if_fail (LODE_IS_MINERAL (self));

  lode_item_set_string (LODE_ITEM (self), PROP_NAME, name);
}

const char *
lode_mineral_get_symbol (LodeMineral *self)
{
  g_return_val_if_fail (LODE_IS_MINERAL (self), NULL);

  return self->symbol;
}

void
lode_mineral_set_symbol (LodeMineral *self,
                         const char  *symbol)
{
  g_return_if_fail (LODE_IS_MINERAL (self));

  lode_item_set_string (LODE_ITEM (self), PROP_SYMBOL, symbol);
}

LodeMineralGroup
lode_mineral_get_group (LodeMineral *self)
{
  g_return_val_if_fail (LODE_IS_MINERAL (self), LODE_MINERAL_GROUP_OTHER);

  return self->group;
}

void
lode_mineral_set_group (LodeMineral      *self,
                        LodeMineralGroup  group)
{
  g_return_if_fail (LODE_IS_MINERAL (self));

  lode_item_set_int (LODE_ITEM (self), PROP_GROUP, group);
}

const char * const *
lode_mineral_get_hs_codes (LodeMineral *self)
{
  g_return_val_if_fail (LODE_IS_MINERAL (self), NULL);

  return (const char * const *) self->hs_codes;
}

void
lode_mineral_set_hs_codes (LodeMineral        *self,
                           const char * const *hs_codes)
{
  g_return_if_fail (LODE_IS_MINERAL (self));

  lode_item_set_strv (LODE_ITEM (self), PROP_HS_CODES, hs_codes);
}

/* Returns: (transfer none): a GListModel of LodeReserve. */
GListModel *
lode_mineral_get_reserves (LodeMineral *self)
{
  g_return_val_if_fail (LODE_IS_MINERAL (self), NULL);

  return G_LIST_MODEL (self->reserves);
}

void
lode_mineral_add_reserve (LodeMineral *self,
                          LodeReserve *reserve)
{
  g_return_if_fail (LODE_IS_MINERAL (self));
  g_return_if_fail (LODE_IS_RESERVE (reserve));

  /* One handler per reserve, however often it is listed. */
  if (!has_reserve (self, reserve))
    g_signal_connect_object (reserve, "notify",
                             G_CALLBACK (on_reserve_notify), self,
                             G_CONNECT_SWAPPED);

  g_list_store_append (self->reserves, reserve);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVE_VALUE]);
}

void
lode_mineral_remove_reserve (LodeMineral *self,
                             guint        position)
{
  g_autoptr(LodeReserve) reserve = NULL;

  g_return_if_fail (LODE_IS_MINERAL (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->reserves)));

  reserve = g_list_model_get_item (G_LIST_MODEL (self->reserves), position);
  g_list_store_remove (self->reserves, position);

  if (!has_reserve (self, reserve))
    g_signal_handlers_disconnect_by_func (reserve, on_reserve_notify, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVE_VALUE]);
}

LodeMoney
lode_mineral_get_reserve_value (LodeMineral *self)
{
  GListModel *reserves;
  guint n_items;
  LodeMoney total = 0;

  g_return_val_if_fail (LODE_IS_MINERAL (self), 0);

  reserves = G_LIST_MODEL (self->reserves);
  n_items = g_list_model_get_n_items (reserves);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, i);
      LodeMoney value = lode_reserve_get_value (reserve);

      if (value == LODE_MONEY_UNSET)
        continue;

      /* Each value is at most LODE_MONEY_MAX; saturate rather than wrap. */
      if (value > G_MAXINT64 - total)
        return G_MAXINT64;

      total += value;
    }

  return total;
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_mineral_get_extra (LodeMineral *self)
{
  g_return_val_if_fail (LODE_IS_MINERAL (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_mineral_set_extra (LodeMineral *self,
                        JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_MINERAL (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
}
