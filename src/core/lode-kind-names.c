/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lode-kind-names.h"

const char *
lode_investment_kind_get_name (LodeInvestmentKind kind)
{
  switch (kind)
    {
    case LODE_INVESTMENT_KIND_ANNOUNCED:
      /* Translators: an investment announced, or a memorandum of understanding */
      return C_("investment", "Announced");
    case LODE_INVESTMENT_KIND_AGREED:
      /* Translators: an investment agreement signed */
      return C_("investment", "Agreed");
    case LODE_INVESTMENT_KIND_COMMITTED:
      return C_("investment", "Committed");
    case LODE_INVESTMENT_KIND_DISBURSED:
      return C_("investment", "Disbursed");
    case LODE_INVESTMENT_KIND_WITHDRAWN:
      return C_("investment", "Withdrawn");
    case LODE_INVESTMENT_KIND_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
lode_figure_kind_get_name (LodeFigureKind kind)
{
  switch (kind)
    {
    case LODE_FIGURE_KIND_RESERVE_VALUE:
      return _("Estimated value of the mineral reserves");
    case LODE_FIGURE_KIND_MINERAL_EXPORTS:
      return _("Mineral exports");
    case LODE_FIGURE_KIND_BILATERAL_TRADE:
      /* Translators: all trade, both ways, with one country */
      return _("Bilateral trade");
    case LODE_FIGURE_KIND_INVESTMENT_TARGET:
      return _("Investment target");
    case LODE_FIGURE_KIND_OTHER:
      /* Translators: a national figure of no other kind */
      return _("Other figure");
    case LODE_FIGURE_KIND_UNKNOWN:
    default:
      return C_("figure", "Kind not given");
    }
}
