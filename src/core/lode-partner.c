/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-partner.h"
#include "lode-rules.h"

struct _LodePartner
{
  LodeItem    parent_instance;

  char       *name;
  char       *country;
  double      share;
};

G_DEFINE_FINAL_TYPE (LodePartner, lode_partner, LODE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_SHARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LodeItemField fields[N_PROPS] = {
  [PROP_NAME] = LODE_ITEM_FIELD (LodePartner, name, lode_partner_set_name),
  [PROP_COUNTRY] = LODE_ITEM_FIELD (LodePartner, country, lode_partner_set_country),
  [PROP_SHARE] = LODE_ITEM_FIELD (LodePartner, share, lode_partner_set_share),
};

static void
lode_partner_class_init (LodePartnerClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_SHARE] =
    g_param_spec_double ("share", NULL, NULL,
                         LODE_SHARE_UNSET, 1.0, LODE_SHARE_UNSET, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
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

  lode_item_set_string (LODE_ITEM (self), PROP_NAME, name);
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

  lode_item_set_string (LODE_ITEM (self), PROP_COUNTRY, country);
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

  lode_item_set_double (LODE_ITEM (self), PROP_SHARE, share);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_partner_get_extra (LodePartner *self)
{
  g_return_val_if_fail (LODE_IS_PARTNER (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_partner_set_extra (LodePartner *self,
                        JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_PARTNER (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
}
