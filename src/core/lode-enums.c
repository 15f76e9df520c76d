/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enums.h"

/* Values that stand for an absent member ("LODE_STAGE_UNKNOWN",
 * "LODE_UNIT_NONE") have no string in the file format: they are neither
 * written nor read. */
static gboolean
is_absent_value (const GEnumValue *value)
{
  return g_str_has_suffix (value->value_name, "_UNKNOWN") ||
         g_str_has_suffix (value->value_name, "_NONE");
}

/* The classes of Lode's enumerations are static: once referenced they stay
 * for the life of the process, so a lookup costs no reference counting. */
static GEnumClass *
get_enum_class (GType enum_type)
{
  GEnumClass *enum_class;

  enum_class = g_type_class_peek (enum_type);
  if (enum_class == NULL)
    enum_class = g_type_class_ref (enum_type);

  return enum_class;
}

const char *
lode_enum_to_nick (GType enum_type,
                   int   value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  enum_value = g_enum_get_value (get_enum_class (enum_type), value);
  if (enum_value == NULL || is_absent_value (enum_value))
    return NULL;

  return enum_value->value_nick;
}

gboolean
lode_enum_from_nick (GType       enum_type,
                     const char *nick,
                     int        *value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  enum_value = g_enum_get_value_by_nick (get_enum_class (enum_type), nick);
  if (enum_value == NULL || is_absent_value (enum_value))
    return FALSE;

  if (value != NULL)
    *value = enum_value->value;

  return TRUE;
}
