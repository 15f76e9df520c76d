/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-portfolio.h"

G_BEGIN_DECLS

/* lode-cli chart: draws a chart of a portfolio into a PNG, SVG or PDF file
 * with the renderer the window uses. */

typedef struct
{
  gboolean  list;
  char     *chart;
  char     *output;
  int       width;
  int       height;
  double    scale;
  char     *target;
  char     *mineral;
  gboolean  monthly;
  gboolean  dark;
  char     *fiscal_year_start;   /* a month, 1–12, or NULL for calendar years */
  char     *from;                /* the periods of largest-movers */
  char     *to;
  char     *currency;            /* the exports in this currency, or NULL */
} LodeCliChartOptions;

void          lode_cli_chart_options_clear (LodeCliChartOptions  *options);
/* Option entries that fill @options; free with g_free. */
GOptionEntry *lode_cli_chart_entries       (LodeCliChartOptions  *options);
const char   *lode_cli_chart_description   (void);
/* The chart names, one a line, each followed by its description. */
char         *lode_cli_chart_list          (void);
/* Whether the options make sense; if not, says why in @message. */
gboolean      lode_cli_chart_check         (LodeCliChartOptions  *options,
                                            char                **message);
gboolean      lode_cli_chart_write         (LodePortfolio        *portfolio,
                                            LodeCliChartOptions  *options,
                                            GError              **error);

G_END_DECLS
