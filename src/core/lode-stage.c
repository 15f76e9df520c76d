/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lode-stage.h"

const char *
lode_stage_get_name (LodeStage stage)
{
  switch (stage)
    {
    case LODE_STAGE_ORE:
      return C_("stage", "Ore");
    case LODE_STAGE_CONCENTRATE:
      return C_("stage", "Concentrate");
    case LODE_STAGE_UNREFINED:
      return C_("stage", "Unrefined");
    case LODE_STAGE_REFINED:
      return C_("stage", "Refined");
    case LODE_STAGE_PRODUCT:
      return C_("stage", "Product");
    case LODE_STAGE_UNKNOWN:
    default:
      return C_("stage", "Stage not given");
    }
}
