/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-production.h"
#include "lode-units.h"

struct _LodeProduction
{
  GObject     parent_instance;

  char       *mineral;
  char       *project;
  int         year;
  double      quantity;
  LodeUnit    unit;
  char       *source;
  char       *note;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (LodeProduction, lode_production, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MINERAL,
  PROP_PROJECT,
  PROP_YEAR,
  PROP_QUANTITY,
  PROP_UNIT,
  PROP_SOURCE,
  PROP_NOTE,
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
lode_production_finalize (GObject *object)
{
  LodeProduction *self = (LodeProduction *)object;

  g_clear_pointer (&self->mineral, g_free);
  g_clear_pointer (&self->project, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_production_parent_class)->finalize (object);
}

static void
lode_production_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LodeProduction *self = LODE_PRODUCTION (object);

  switch (prop_id)
    {
    case PROP_MINERAL:
      g_value_set_string (value, self->mineral);
      break;

    case PROP_PROJECT:
      g_value_set_string (value, self->project);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_QUANTITY:
      g_value_set_double (value, self->quantity);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_production_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LodeProduction *self = LODE_PRODUCTION (object);

  switch (prop_id)
    {
    case PROP_MINERAL:
      lode_production_set_mineral (self, g_value_get_string (value));
      break;

    case PROP_PROJECT:
      lode_production_set_project (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      lode_production_set_year (self, g_value_get_int (value));
      break;

    case PROP_QUANTITY:
      lode_production_set_quantity (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      lode_production_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_SOURCE:
      lode_production_set_source (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      lode_production_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_production_class_init (LodeProductionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lode_production_finalize;
  object_class->get_property = lode_production_get_property;
  object_class->set_property = lode_production_set_property;

  properties[PROP_MINERAL] = g_param_spec_string ("mineral", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT] = g_param_spec_string ("project", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, LODE_TYPE_UNIT, LODE_UNIT_NONE, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_production_init (LodeProduction *self)
{
}

LodeProduction *
lode_production_new (const char *mineral,
                     int         year,
                     double      quantity,
                     LodeUnit    unit)
{
  return g_object_new (LODE_TYPE_PRODUCTION,
                       "mineral", mineral,
                       "year", year,
                       "quantity", quantity,
                       "unit", unit,
                       NULL);
}

const char *
lode_production_get_mineral (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), NULL);

  return self->mineral;
}

void
lode_production_set_mineral (LodeProduction *self,
                             const char     *mineral)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));

  if (set_string (&self->mineral, mineral))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINERAL]);
}

const char *
lode_production_get_project (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), NULL);

  return self->project;
}

void
lode_production_set_project (LodeProduction *self,
                             const char     *project)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));

  if (set_string (&self->project, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

int
lode_production_get_year (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), 0);

  return self->year;
}

void
lode_production_set_year (LodeProduction *self,
                          int             year)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));
  g_return_if_fail (year >= 0);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

double
lode_production_get_quantity (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), 0.0);

  return self->quantity;
}

void
lode_production_set_quantity (LodeProduction *self,
                              double          quantity)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));
  g_return_if_fail (quantity >= 0.0 && isfinite (quantity));

  if (self->quantity == quantity)
    return;

  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
}

LodeUnit
lode_production_get_unit (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), LODE_UNIT_NONE);

  return self->unit;
}

void
lode_production_set_unit (LodeProduction *self,
                          LodeUnit        unit)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

const char *
lode_production_get_source (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), NULL);

  return self->source;
}

void
lode_production_set_source (LodeProduction *self,
                            const char     *source)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char *
lode_production_get_note (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), NULL);

  return self->note;
}

void
lode_production_set_note (LodeProduction *self,
                          const char     *note)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));

  if (set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_production_get_extra (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), NULL);

  return self->extra;
}

void
lode_production_set_extra (LodeProduction *self,
                           JsonObject     *extra)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

/* Returns: (transfer full): a new figure with the values of @self. */
LodeProduction *
lode_production_copy (LodeProduction *self)
{
  LodeProduction *copy;

  g_return_val_if_fail (LODE_IS_PRODUCTION (self), NULL);

  copy = lode_production_new (self->mineral, self->year, self->quantity, self->unit);
  lode_production_set_project (copy, self->project);
  lode_production_set_source (copy, self->source);
  lode_production_set_note (copy, self->note);
  lode_production_set_extra (copy, self->extra);

  return copy;
}

gboolean
lode_production_total (GListModel *production,
                       const char *mineral,
                       int         year,
                       LodeUnit    unit,
                       double     *quantity)
{
  guint n_items;
  double national = 0.0, projects = 0.0;
  gboolean has_national = FALSE, has_projects = FALSE;

  g_return_val_if_fail (G_IS_LIST_MODEL (production), FALSE);
  g_return_val_if_fail (mineral != NULL, FALSE);
  g_return_val_if_fail (quantity != NULL, FALSE);

  n_items = g_list_model_get_n_items (production);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LodeProduction) item = g_list_model_get_item (production, i);
      double converted;

      if (item->year != year || g_strcmp0 (item->mineral, mineral) != 0)
        continue;
      if (!lode_unit_convert (item->quantity, item->unit, unit, &converted))
        continue;

      if (item->project == NULL)
        {
          national += converted;
          has_national = TRUE;
        }
      else
        {
          projects += converted;
          has_projects = TRUE;
        }
    }

  *quantity = has_national ? national : projects;

  return has_national || has_projects;
}
