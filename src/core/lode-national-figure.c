/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-national-figure.h"

struct _LodeNationalFigure
{
  LodeItem        parent_instance;

  LodeFigureKind  kind;
  char           *country;
  int             year;
  LodeMoney       value;
  double          change;
  char           *note;
  char           *source;
};

G_DEFINE_FINAL_TYPE (LodeNationalFigure, lode_national_figure, LODE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_KIND,
  PROP_COUNTRY,
  PROP_YEAR,
  PROP_VALUE,
  PROP_CHANGE,
  PROP_NOTE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LodeItemField fields[N_PROPS] = {
  [PROP_KIND] = LODE_ITEM_FIELD (LodeNationalFigure, kind, lode_national_figure_set_kind),
  [PROP_COUNTRY] = LODE_ITEM_FIELD (LodeNationalFigure, country, lode_national_figure_set_country),
  [PROP_YEAR] = LODE_ITEM_FIELD (LodeNationalFigure, year, lode_national_figure_set_year),
  [PROP_VALUE] = LODE_ITEM_FIELD (LodeNationalFigure, value, lode_national_figure_set_value),
  [PROP_CHANGE] = LODE_ITEM_FIELD (LodeNationalFigure, change, lode_national_figure_set_change),
  [PROP_NOTE] = LODE_ITEM_FIELD (LodeNationalFigure, note, lode_national_figure_set_note),
  [PROP_SOURCE] = LODE_ITEM_FIELD (LodeNationalFigure, source, lode_national_figure_set_source),
};

static void
lode_national_figure_class_init (LodeNationalFigureClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;


  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LODE_TYPE_FIGURE_KIND, LODE_FIGURE_KIND_UNKNOWN, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, 0, LODE_MONEY_MAX, 0, flags);
  properties[PROP_CHANGE] =
    g_param_spec_double ("change", NULL, NULL,
                         LODE_CHANGE_UNSET, G_MAXDOUBLE, LODE_CHANGE_UNSET, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
}

static void
lode_national_figure_init (LodeNationalFigure *self)
{
  self->change = LODE_CHANGE_UNSET;
}

LodeNationalFigure *
lode_national_figure_new (LodeFigureKind kind,
                          LodeMoney      value)
{
  return g_object_new (LODE_TYPE_NATIONAL_FIGURE,
                       "kind", kind,
                       "value", value,
                       NULL);
}

LodeFigureKind
lode_national_figure_get_kind (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), LODE_FIGURE_KIND_UNKNOWN);

  return self->kind;
}

void
lode_national_figure_set_kind (LodeNationalFigure *self,
                               LodeFigureKind      kind)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));
  g_return_if_fail (kind >= LODE_FIGURE_KIND_UNKNOWN && kind < LODE_N_FIGURE_KINDS);

  lode_item_set_int (LODE_ITEM (self), PROP_KIND, kind);
}

const char *
lode_national_figure_get_country (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), NULL);

  return self->country;
}

void
lode_national_figure_set_country (LodeNationalFigure *self,
                                  const char         *country)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));

  lode_item_set_string (LODE_ITEM (self), PROP_COUNTRY, country);
}

int
lode_national_figure_get_year (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), 0);

  return self->year;
}

void
lode_national_figure_set_year (LodeNationalFigure *self,
                               int                 year)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));
  g_return_if_fail (year >= 0);

  lode_item_set_int (LODE_ITEM (self), PROP_YEAR, year);
}

LodeMoney
lode_national_figure_get_value (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), 0);

  return self->value;
}

void
lode_national_figure_set_value (LodeNationalFigure *self,
                                LodeMoney           value)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));
  g_return_if_fail (value >= 0 && value <= LODE_MONEY_MAX);

  lode_item_set_int64 (LODE_ITEM (self), PROP_VALUE, value);
}

double
lode_national_figure_get_change (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), LODE_CHANGE_UNSET);

  return self->change;
}

void
lode_national_figure_set_change (LodeNationalFigure *self,
                                 double              change)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));
  g_return_if_fail (change == LODE_CHANGE_UNSET || (change >= -1.0 && isfinite (change)));

  lode_item_set_double (LODE_ITEM (self), PROP_CHANGE, change);
}

const char *
lode_national_figure_get_note (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), NULL);

  return self->note;
}

void
lode_national_figure_set_note (LodeNationalFigure *self,
                               const char         *note)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));

  lode_item_set_string (LODE_ITEM (self), PROP_NOTE, note);
}

const char *
lode_national_figure_get_source (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), NULL);

  return self->source;
}

void
lode_national_figure_set_source (LodeNationalFigure *self,
                                 const char         *source)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));

  lode_item_set_string (LODE_ITEM (self), PROP_SOURCE, source);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_national_figure_get_extra (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_national_figure_set_extra (LodeNationalFigure *self,
                                JsonObject         *extra)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
}

/* Returns: (transfer full): a new figure with the values of @self. */
LodeNationalFigure *
lode_national_figure_copy (LodeNationalFigure *self)
{
  LodeNationalFigure *copy;

  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), NULL);

  copy = lode_national_figure_new (self->kind, self->value);
  lode_national_figure_set_country (copy, self->country);
  lode_national_figure_set_year (copy, self->year);
  lode_national_figure_set_change (copy, self->change);
  lode_national_figure_set_note (copy, self->note);
  lode_national_figure_set_source (copy, self->source);
  lode_national_figure_set_extra (copy, lode_item_get_extra (LODE_ITEM (self)));

  return copy;
}
