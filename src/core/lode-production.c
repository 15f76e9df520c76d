/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-production.h"
#include "lode-units.h"

struct _LodeProduction
{
  LodeItem   parent_instance;

  char       *mineral;
  char       *project;
  int         year;
  double      quantity;
  LodeUnit    unit;
  char       *source;
  char       *note;
};

G_DEFINE_FINAL_TYPE (LodeProduction, lode_production, LODE_TYPE_ITEM)

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

static const LodeItemField fields[N_PROPS] = {
  [PROP_MINERAL] = LODE_ITEM_FIELD (LodeProduction, mineral, lode_production_set_mineral),
  [PROP_PROJECT] = LODE_ITEM_FIELD (LodeProduction, project, lode_production_set_project),
  [PROP_YEAR] = LODE_ITEM_FIELD (LodeProduction, year, lode_production_set_year),
  [PROP_QUANTITY] = LODE_ITEM_FIELD (LodeProduction, quantity, lode_production_set_quantity),
  [PROP_UNIT] = LODE_ITEM_FIELD (LodeProduction, unit, lode_production_set_unit),
  [PROP_SOURCE] = LODE_ITEM_FIELD (LodeProduction, source, lode_production_set_source),
  [PROP_NOTE] = LODE_ITEM_FIELD (LodeProduction, note, lode_production_set_note),
};

static void
lode_production_class_init (LodeProductionClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;


  properties[PROP_MINERAL] = g_param_spec_string ("mineral", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT] = g_param_spec_string ("project", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, LODE_TYPE_UNIT, LODE_UNIT_NONE, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
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

  lode_item_set_string (LODE_ITEM (self), PROP_MINERAL, mineral);
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

  lode_item_set_string (LODE_ITEM (self), PROP_PROJECT, project);
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

  lode_item_set_int (LODE_ITEM (self), PROP_YEAR, year);
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

  lode_item_set_double (LODE_ITEM (self), PROP_QUANTITY, quantity);
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

  lode_item_set_int (LODE_ITEM (self), PROP_UNIT, unit);
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

  lode_item_set_string (LODE_ITEM (self), PROP_SOURCE, source);
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

  lode_item_set_string (LODE_ITEM (self), PROP_NOTE, note);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_production_get_extra (LodeProduction *self)
{
  g_return_val_if_fail (LODE_IS_PRODUCTION (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_production_set_extra (LodeProduction *self,
                           JsonObject     *extra)
{
  g_return_if_fail (LODE_IS_PRODUCTION (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
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
  lode_production_set_extra (copy, lode_item_get_extra (LODE_ITEM (self)));

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
