/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-item.h"

typedef struct
{
  JsonObject *extra;
} LodeItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LodeItem, lode_item, G_TYPE_OBJECT)

static gpointer
field_address (LodeItem *self,
               guint     prop_id)
{
  LodeItemClass *klass = LODE_ITEM_GET_CLASS (self);

  g_assert (prop_id > 0 && prop_id < klass->n_pspecs);

  return (guint8 *) self + klass->fields[prop_id].offset;
}

static void
notify (LodeItem *self,
        guint     prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), LODE_ITEM_GET_CLASS (self)->pspecs[prop_id]);
}

static void
lode_item_finalize (GObject *object)
{
  LodeItem *self = LODE_ITEM (object);
  LodeItemPrivate *priv = lode_item_get_instance_private (self);
  LodeItemClass *klass = LODE_ITEM_GET_CLASS (self);

  for (guint i = 1; i < klass->n_pspecs; i++)
    {
      GType type = G_PARAM_SPEC_VALUE_TYPE (klass->pspecs[i]);

      if (klass->fields[i].get != NULL)
        continue;

      if (type == G_TYPE_STRING)
        g_clear_pointer ((char **) field_address (self, i), g_free);
      else if (type == G_TYPE_STRV)
        g_clear_pointer ((char ***) field_address (self, i), g_strfreev);
    }

  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (lode_item_parent_class)->finalize (object);
}

static void
get_computed (LodeItem   *self,
              GCallback   get,
              GValue     *value,
              GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_INT)
    g_value_set_int (value, ((int (*) (LodeItem *)) get) (self));
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, ((int (*) (LodeItem *)) get) (self));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, ((gint64 (*) (LodeItem *)) get) (self));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, ((double (*) (LodeItem *)) get) (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (self, pspec->param_id, pspec);
}

static void
lode_item_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LodeItem *self = LODE_ITEM (object);
  GCallback get = LODE_ITEM_GET_CLASS (self)->fields[prop_id].get;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gpointer field = field_address (self, prop_id);

  if (get != NULL)
    get_computed (self, get, value, pspec);
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, *(char **) field);
  else if (type == G_TYPE_STRV)
    g_value_set_boxed (value, *(char ***) field);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, *(int *) field);
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, *(int *) field);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, *(gint64 *) field);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, *(double *) field);
  else if (G_TYPE_IS_OBJECT (type) || G_TYPE_IS_INTERFACE (type))
    g_value_set_object (value, *(GObject **) field);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lode_item_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LodeItem *self = LODE_ITEM (object);
  GCallback set = LODE_ITEM_GET_CLASS (self)->fields[prop_id].set;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (set == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (type == G_TYPE_STRING)
    ((void (*) (LodeItem *, const char *)) set) (self, g_value_get_string (value));
  else if (type == G_TYPE_STRV)
    ((void (*) (LodeItem *, const char * const *)) set) (self, g_value_get_boxed (value));
  else if (type == G_TYPE_INT)
    ((void (*) (LodeItem *, int)) set) (self, g_value_get_int (value));
  else if (G_TYPE_IS_ENUM (type))
    ((void (*) (LodeItem *, int)) set) (self, g_value_get_enum (value));
  else if (type == G_TYPE_INT64)
    ((void (*) (LodeItem *, gint64)) set) (self, g_value_get_int64 (value));
  else if (type == G_TYPE_DOUBLE)
    ((void (*) (LodeItem *, double)) set) (self, g_value_get_double (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lode_item_class_init (LodeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_item_finalize;
}

static void
lode_item_init (LodeItem *self)
{
}

/* @pspecs and @fields are indexed by property id and live as long as the
 * class; index 0 is unused. */
void
lode_item_class_install_properties (LodeItemClass        *klass,
                                    guint                 n_pspecs,
                                    GParamSpec          **pspecs,
                                    const LodeItemField  *fields)
{
  g_return_if_fail (LODE_IS_ITEM_CLASS (klass));
  g_return_if_fail (pspecs != NULL && fields != NULL);

  klass->fields = fields;
  klass->pspecs = pspecs;
  klass->n_pspecs = n_pspecs;

  /* GObject gives each class its own accessors, unset: a subclass does
   * not inherit them. */
  G_OBJECT_CLASS (klass)->get_property = lode_item_get_property;
  G_OBJECT_CLASS (klass)->set_property = lode_item_set_property;

  g_object_class_install_properties (G_OBJECT_CLASS (klass), n_pspecs, pspecs);
}

gboolean
lode_item_set_string (LodeItem   *self,
                      guint       prop_id,
                      const char *value)
{
  char **field;
  char *copy;

  g_return_val_if_fail (LODE_IS_ITEM (self), FALSE);

  field = field_address (self, prop_id);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  notify (self, prop_id);

  return TRUE;
}

gboolean
lode_item_set_strv (LodeItem           *self,
                    guint               prop_id,
                    const char * const *value)
{
  char ***field;
  char **copy;

  g_return_val_if_fail (LODE_IS_ITEM (self), FALSE);

  field = field_address (self, prop_id);

  if (value != NULL && value[0] == NULL)
    value = NULL;

  if (*field == NULL && value == NULL)
    return FALSE;

  if (*field != NULL && value != NULL &&
      g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  copy = g_strdupv ((char **) value);
  g_strfreev (*field);
  *field = copy;
  notify (self, prop_id);

  return TRUE;
}

/* The setters of plain values: compare, store, notify. */
#define DEFINE_SETTER(suffix, ctype)                   \
gboolean                                               \
lode_item_set_##suffix (LodeItem *self,                \
                        guint     prop_id,             \
                        ctype     value)               \
{                                                      \
  ctype *field;                                        \
                                                       \
  g_return_val_if_fail (LODE_IS_ITEM (self), FALSE);   \
                                                       \
  field = field_address (self, prop_id);               \
  if (*field == value)                                 \
    return FALSE;                                      \
                                                       \
  *field = value;                                      \
  notify (self, prop_id);                              \
                                                       \
  return TRUE;                                         \
}

DEFINE_SETTER (int, int)
DEFINE_SETTER (int64, gint64)
DEFINE_SETTER (double, double)

void
lode_item_notify (LodeItem *self,
                  guint     prop_id)
{
  g_return_if_fail (LODE_IS_ITEM (self));
  g_return_if_fail (prop_id > 0 && prop_id < LODE_ITEM_GET_CLASS (self)->n_pspecs);

  notify (self, prop_id);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_item_get_extra (LodeItem *self)
{
  LodeItemPrivate *priv;

  g_return_val_if_fail (LODE_IS_ITEM (self), NULL);

  priv = lode_item_get_instance_private (self);

  return priv->extra;
}

void
lode_item_set_extra (LodeItem   *self,
                     JsonObject *extra)
{
  LodeItemPrivate *priv;

  g_return_if_fail (LODE_IS_ITEM (self));

  priv = lode_item_get_instance_private (self);
  lode_item_store_json (&priv->extra, extra);
}

void
lode_item_store_json (JsonObject **field,
                      JsonObject  *value)
{
  g_return_if_fail (field != NULL);

  if (value == *field)
    return;

  if (value != NULL)
    json_object_ref (value);
  g_clear_pointer (field, json_object_unref);
  *field = value;
}
