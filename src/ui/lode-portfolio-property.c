/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-portfolio-property-private.h"

typedef struct
{
  LodePortfolioGetter getter;
  LodePortfolioSetter setter;
} Accessors;

static GQuark
accessors_quark (void)
{
  return g_quark_from_static_string ("lode-portfolio-property-accessors");
}

GParamSpec *
lode_portfolio_property_new (void)
{
  return g_param_spec_object ("portfolio", NULL, NULL,
                              LODE_TYPE_PORTFOLIO,
                              (G_PARAM_READWRITE |
                               G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS));
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  Accessors *accessors = g_param_spec_get_qdata (pspec, accessors_quark ());

  if (accessors == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_set_object (value, accessors->getter (object));
}

static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  Accessors *accessors = g_param_spec_get_qdata (pspec, accessors_quark ());

  if (accessors == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  accessors->setter (object, g_value_get_object (value));
}

GParamSpec *
lode_portfolio_property_install (GObjectClass        *object_class,
                                 guint                prop_id,
                                 LodePortfolioGetter  getter,
                                 LodePortfolioSetter  setter)
{
  GParamSpec *pspec = lode_portfolio_property_new ();
  Accessors *accessors = g_new (Accessors, 1);

  accessors->getter = getter;
  accessors->setter = setter;
  g_param_spec_set_qdata_full (pspec, accessors_quark (), accessors, g_free);

  object_class->get_property = get_property;
  object_class->set_property = set_property;
  g_object_class_install_property (object_class, prop_id, pspec);

  return pspec;
}
