/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-national-figure.h"

struct _LodeNationalFigure
{
  GObject         parent_instance;

  LodeFigureKind  kind;
  char           *country;
  int             year;
  LodeMoney       value;
  double          change;
  char           *note;
  char           *source;
  JsonObject     *extra;
};

G_DEFINE_FINAL_TYPE (LodeNationalFigure, lode_national_figure, G_TYPE_OBJECT)

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
lode_national_figure_finalize (GObject *object)
{
  LodeNationalFigure *self = (LodeNationalFigure *)object;

  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_national_figure_parent_class)->finalize (object);
}

static void
lode_national_figure_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LodeNationalFigure *self = LODE_NATIONAL_FIGURE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_CHANGE:
      g_value_set_double (value, self->change);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_national_figure_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LodeNationalFigure *self = LODE_NATIONAL_FIGURE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      lode_national_figure_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_COUNTRY:
      lode_national_figure_set_country (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      lode_national_figure_set_year (self, g_value_get_int (value));
      break;

    case PROP_VALUE:
      lode_national_figure_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_CHANGE:
      lode_national_figure_set_change (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      lode_national_figure_set_note (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      lode_national_figure_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_national_figure_class_init (LodeNationalFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lode_national_figure_finalize;
  object_class->get_property = lode_national_figure_get_property;
  object_class->set_property = lode_national_figure_set_property;

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
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

  if (set_string (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
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

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
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

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
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

  if (self->change == change)
    return;

  self->change = change;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE]);
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

  if (set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
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

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_national_figure_get_extra (LodeNationalFigure *self)
{
  g_return_val_if_fail (LODE_IS_NATIONAL_FIGURE (self), NULL);

  return self->extra;
}

void
lode_national_figure_set_extra (LodeNationalFigure *self,
                                JsonObject         *extra)
{
  g_return_if_fail (LODE_IS_NATIONAL_FIGURE (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
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
  lode_national_figure_set_extra (copy, self->extra);

  return copy;
}
