/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-enums.h"

G_BEGIN_DECLS

/* Which commodity an HS 2022 code of the mineral chapters is, and at which
 * processing stage: "2603" is copper ore, "7403" refined copper. Shipped in
 * the GResource (data/hs-commodities.tsv); used to file imported trade
 * statistics under a mineral. */

typedef struct
{
  const char      *code;     /* the heading or subheading of the table */
  const char      *mineral;  /* the id a mineral made for it gets: "copper" */
  const char      *name;     /* its English name: "Copper" */
  LodeMineralGroup group;
  LodeStage        stage;
} LodeHsCommodity;

/* The entry of the longest prefix of @code in the table, or NULL when the
 * code names no commodity (chapters, TOTAL, codes outside the table). */
const LodeHsCommodity *lode_hs_commodity_lookup (const char *code);
/* The codes of the table filed under @mineral, sorted, NULL-terminated:
 * the HS codes a mineral made for it lists. */
char                 **lode_hs_commodity_codes  (const char *mineral);

G_END_DECLS
