/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-reserve.h"
#include "lode-rules.h"

/* As in lode-export-table.h: an absent quantity. */
#ifndef LODE_QUANTITY_UNSET
# define LODE_QUANTITY_UNSET (-1.0)
#endif

struct _LodeReserve
{
  GObject              parent_instance;

  LodeReserveCategory  category;
  double               quantity;
  LodeUnit             unit;
  LodeMoney            value;
  int                  year;
  char                *source;
  JsonObject          *extra;
};

G_DEFINE_FINAL_TYPE (LodeReserve, lode_reserve, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATEGORY,
  PROP_QUANTITY,
  PROP_UNIT,
  PROP_VALUE,
  PROP_YEAR,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  char *copy;

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}

static void
lode_reserve_finalize (GObject *object)
{
  LodeReserve *self = (LodeReserve *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_reserve_parent_class)->finalize (object);
}

static void
lode_reserve_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LodeReserve *self = LODE_RESERVE (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_QUANTITY:
      g_value_set_double (value, self->quantity);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_reserve_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LodeReserve *self = LODE_RESERVE (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      lode_reserve_set_category (self, g_value_get_enum (value));
      break;

    case PROP_QUANTITY:
      lode_reserve_set_quantity (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      lode_reserve_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_VALUE:
      lode_reserve_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_YEAR:
      lode_reserve_set_year (self, g_value_get_int (value));
      break;

    case PROP_SOURCE:
      lode_reserve_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_reserve_class_init (LodeReserveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_reserve_finalize;
  object_class->get_property = lode_reserve_get_property;
  object_class->set_property = lode_reserve_set_property;

  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       LODE_TYPE_RESERVE_CATEGORY,
                       LODE_RESERVE_CATEGORY_UNSPECIFIED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL,
                         LODE_QUANTITY_UNSET, G_MAXDOUBLE, LODE_QUANTITY_UNSET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       LODE_TYPE_UNIT,
                       LODE_UNIT_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_reserve_init (LodeReserve *self)
{
  self->category = LODE_RESERVE_CATEGORY_UNSPECIFIED;
  self->quantity = LODE_QUANTITY_UNSET;
  self->unit = LODE_UNIT_NONE;
  self->value = LODE_MONEY_UNSET;
}

LodeReserve *
lode_reserve_new (LodeReserveCategory category,
                  double              quantity,
                  LodeUnit            unit)
{
  return g_object_new (LODE_TYPE_RESERVE,
                       "category", category,
                       "quantity", quantity,
                       "unit", unit,
                       NULL);
}

LodeReserveCategory
lode_reserve_get_category (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), LODE_RESERVE_CATEGORY_UNSPECIFIED);

  return self->category;
}

void
lode_reserve_set_category (LodeReserve         *self,
                           LodeReserveCategory  category)
{
  g_return_if_fail (LODE_IS_RESERVE (self));

  if (self->category == category)
    return;

  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

/* Returns: the quantity in the reserve's unit, or LODE_QUANTITY_UNSET. */
double
lode_reserve_get_quantity (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), LODE_QUANTITY_UNSET);

  return self->quantity;
}

void
lode_reserve_set_quantity (LodeReserve *self,
                           double       quantity)
{
  g_return_if_fail (LODE_IS_RESERVE (self));
  g_return_if_fail (quantity == LODE_QUANTITY_UNSET ||
                    (quantity >= 0.0 && isfinite (quantity)));

  if (self->quantity == quantity)
    return;

  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
}

LodeUnit
lode_reserve_get_unit (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), LODE_UNIT_NONE);

  return self->unit;
}

void
lode_reserve_set_unit (LodeReserve *self,
                       LodeUnit     unit)
{
  g_return_if_fail (LODE_IS_RESERVE (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

LodeMoney
lode_reserve_get_value (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), LODE_MONEY_UNSET);

  return self->value;
}

void
lode_reserve_set_value (LodeReserve *self,
                        LodeMoney    value)
{
  g_return_if_fail (LODE_IS_RESERVE (self));
  g_return_if_fail (value >= LODE_MONEY_UNSET && value <= LODE_MONEY_MAX);

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

int
lode_reserve_get_year (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), 0);

  return self->year;
}

void
lode_reserve_set_year (LodeReserve *self,
                       int          year)
{
  g_return_if_fail (LODE_IS_RESERVE (self));
  g_return_if_fail (year == 0 || lode_rule_year (year, NULL));
  g_return_if_fail (year >= 0);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
lode_reserve_get_source (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), NULL);

  return self->source;
}

void
lode_reserve_set_source (LodeReserve *self,
                         const char  *source)
{
  g_return_if_fail (LODE_IS_RESERVE (self));

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_reserve_get_extra (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), NULL);

  return self->extra;
}

void
lode_reserve_set_extra (LodeReserve *self,
                        JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_RESERVE (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
