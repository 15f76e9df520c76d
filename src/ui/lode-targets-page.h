/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-list-page.h"

G_BEGIN_DECLS

#define LODE_TYPE_TARGETS_PAGE (lode_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (LodeTargetsPage, lode_targets_page, LODE, TARGETS_PAGE, LodeListPage)

/* Shows the baselines and targets in @currency ("USD", or one the
 * portfolio has rates of), each at the rate of its year; again with the
 * same code after the rates changed. */
void lode_targets_page_set_currency (LodeTargetsPage *self,
                                     const char      *currency);

G_END_DECLS
