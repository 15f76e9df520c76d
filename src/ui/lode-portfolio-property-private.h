/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* The "portfolio" property of every view of one portfolio (the window and
 * its pages), defined once. */

typedef LodePortfolio *(*LodePortfolioGetter) (gpointer       self);
typedef void           (*LodePortfolioSetter) (gpointer       self,
                                               LodePortfolio *portfolio);

/* A new "portfolio" property spec, read-write, notified explicitly. */
GParamSpec *lode_portfolio_property_new     (void);

/* Installs the "portfolio" property as @prop_id of a class that has no
 * other property, with get_property and set_property that call @getter
 * and @setter; returns its spec, owned by the class. */
GParamSpec *lode_portfolio_property_install (GObjectClass        *object_class,
                                             guint                prop_id,
                                             LodePortfolioGetter  getter,
                                             LodePortfolioSetter  setter);

G_END_DECLS
