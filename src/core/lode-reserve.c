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
  LodeItem             parent_instance;

  LodeReserveCategory  category;
  double               quantity;
  LodeUnit             unit;
  LodeMoney            value;
  int                  year;
  char                *source;
};

G_DEFINE_FINAL_TYPE (LodeReserve, lode_reserve, LODE_TYPE_ITEM)

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

static const LodeItemField fields[N_PROPS] = {
  [PROP_CATEGORY] = LODE_ITEM_FIELD (LodeReserve, category, lode_reserve_set_category),
  [PROP_QUANTITY] = LODE_ITEM_FIELD (LodeReserve, quantity, lode_reserve_set_quantity),
  [PROP_UNIT] = LODE_ITEM_FIELD (LodeReserve, unit, lode_reserve_set_unit),
  [PROP_VALUE] = LODE_ITEM_FIELD (LodeReserve, value, lode_reserve_set_value),
  [PROP_YEAR] = LODE_ITEM_FIELD (LodeReserve, year, lode_reserve_set_year),
  [PROP_SOURCE] = LODE_ITEM_FIELD (LodeReserve, source, lode_reserve_set_source),
};

static void
lode_reserve_class_init (LodeReserveClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;


  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       LODE_TYPE_RESERVE_CATEGORY, LODE_RESERVE_CATEGORY_UNSPECIFIED, flags);
  properties[PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL,
                         LODE_QUANTITY_UNSET, G_MAXDOUBLE, LODE_QUANTITY_UNSET, flags);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, LODE_TYPE_UNIT, LODE_UNIT_NONE, flags);
  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
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

  lode_item_set_int (LODE_ITEM (self), PROP_CATEGORY, category);
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

  lode_item_set_double (LODE_ITEM (self), PROP_QUANTITY, quantity);
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

  lode_item_set_int (LODE_ITEM (self), PROP_UNIT, unit);
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

  lode_item_set_int64 (LODE_ITEM (self), PROP_VALUE, value);
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

  lode_item_set_int (LODE_ITEM (self), PROP_YEAR, year);
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

  lode_item_set_string (LODE_ITEM (self), PROP_SOURCE, source);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_reserve_get_extra (LodeReserve *self)
{
  g_return_val_if_fail (LODE_IS_RESERVE (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_reserve_set_extra (LodeReserve *self,
                        JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_RESERVE (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
}
