/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-compare.h"
#include "lode-export-table-private.h"

G_BEGIN_DECLS

/* As lode_comparison_new() and lode_comparison_convert(), over a version
 * of the table (lode-export-table-private.h), from any one thread: the
 * keys of the rows are the table's strings, which live as long as it does.
 * @fiscal_year_start is the table's when it was frozen. */
LodeComparison *_lode_comparison_new_for_version (const LodeExportTableVersion *version,
                                                  int                           fiscal_year_start,
                                                  LodeExportField               field,
                                                  const LodePeriod             *first,
                                                  const LodePeriod             *second);
gboolean        _lode_comparison_convert_version (LodeComparison               *self,
                                                  const LodeExportTableVersion *version,
                                                  int                           fiscal_year_start,
                                                  LodeConverter                *converter);

/* As lode_period_totals_new(), over a version of the table. */
LodePeriodTotals *_lode_period_totals_new_for_version (const LodeExportTableVersion *version,
                                                       int                           fiscal_year_start,
                                                       int                           start_month);

G_END_DECLS
