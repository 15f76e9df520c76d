/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-partner.h"
#include "lode-rules.h"

struct _LodePartner
{
  GObject     parent_instance;

  char       *name;
  char       *country;
  double      share;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (LodePartner, lode_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_SHARE,
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
lode_partner_finalize (GObject *object)
{
  LodePartner *self = (LodePartner *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_partner_parent_class)->finalize (object);
}

static void
lode_partner_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LodePartner *self = LODE_PARTNER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_SHARE:
      g_value_set_double (value, self->share);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_partner_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LodePartner *self = LODE_PARTNER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      lode_partner_set_name (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      lode_partner_set_country (self, g_value_get_string (value));
      break;

    case PROP_SHARE:
      lode_partner_set_share (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_partner_class_init (LodePartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_partner_finalize;
  object_class->get_property = lode_partner_get_property;
  object_class->set_property = lode_partner_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHARE] =
    g_param_spec_double ("share", NULL, NULL,
                         LODE_SHARE_UNSET, 1.0, LODE_SHARE_UNSET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_partner_init (LodePartner *self)
{
  self->share = LODE_SHARE_UNSET;
}

LodePartner *
lode_partner_new (const char *name)
{
  return g_object_new (LODE_TYPE_PARTNER,
                       "name", name,
                       NULL);
}

const char *
lode_partner_get_name (LodePartner *self)
{
  g_return_val_if_fail (LODE_IS_PARTNER (self), NULL);

  return self->name;
}

void
lode_partner_set_name (LodePartner *self,
                       const char  *name)
{
  g_return_if_fail (LODE_IS_PARTNER (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
lode_partner_get_country (LodePartner *self)
{
  g_return_val_if_fail (LODE_IS_PARTNER (self), NULL);

  return self->country;
}

void
lode_partner_set_country (LodePartner *self,
                          const char  *country)
{
  g_return_if_fail (LODE_IS_PARTNER (self));
  g_return_if_fail (country == NULL || lode_rule_country_code (country, NULL));

  if (set_string (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

double
lode_partner_get_share (LodePartner *self)
{
  g_return_val_if_fail (LODE_IS_PARTNER (self), LODE_SHARE_UNSET);

  return self->share;
}

void
lode_partner_set_share (LodePartner *self,
                        double       share)
{
  g_return_if_fail (LODE_IS_PARTNER (self));
  g_return_if_fail (share == LODE_SHARE_UNSET || (share >= 0.0 && share <= 1.0));

  if (self->share == share)
    return;

  self->share = share;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARE]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_partner_get_extra (LodePartner *self)
{
  g_return_val_if_fail (LODE_IS_PARTNER (self), NULL);

  return self->extra;
}

void
lode_partner_set_extra (LodePartner *self,
                        JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_PARTNER (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
