/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-units.h"

/* Grams in one unit, or 0 for a unit that is not a mass. Ounces are troy
 * ounces (31.1034768 g exactly); carats are metric carats (0.2 g). */
static double
grams_per_unit (LodeUnit unit)
{
  switch (unit)
    {
    case LODE_UNIT_T:
      return 1e6;
    case LODE_UNIT_KT:
      return 1e9;
    case LODE_UNIT_MT:
      return 1e12;
    case LODE_UNIT_KG:
      return 1e3;
    case LODE_UNIT_OZ:
      return 31.1034768;
    case LODE_UNIT_KOZ:
      return 31103.4768;
    case LODE_UNIT_MOZ:
      return 31103476.8;
    case LODE_UNIT_CT:
      return 0.2;
    case LODE_UNIT_NONE:
    case LODE_UNIT_M3:
    default:
      return 0.0;
    }
}

gboolean
lode_unit_is_mass (LodeUnit unit)
{
  return grams_per_unit (unit) > 0.0;
}

/* Tonnes in one @unit, or 0 if @unit is not a mass. */
double
lode_unit_to_tonnes (LodeUnit unit)
{
  return grams_per_unit (unit) / 1e6;
}

gboolean
lode_unit_convert (double    quantity,
                   LodeUnit  from,
                   LodeUnit  to,
                   double   *result)
{
  double from_grams;
  double to_grams;
  double converted;

  if (from == to && from != LODE_UNIT_NONE)
    {
      converted = quantity;
    }
  else
    {
      from_grams = grams_per_unit (from);
      to_grams = grams_per_unit (to);

      if (from_grams <= 0.0 || to_grams <= 0.0)
        return FALSE;

      /* Dividing the larger factor by the smaller is exact among the metric
       * units, so that 5.9 Mt becomes exactly the double nearest 5.9e6 t. */
      if (from_grams >= to_grams)
        converted = quantity * (from_grams / to_grams);
      else
        converted = quantity / (to_grams / from_grams);
    }

  if (result != NULL)
    *result = converted;

  return TRUE;
}
