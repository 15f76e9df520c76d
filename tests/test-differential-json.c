/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON cases of test-json-check.c, each also loaded as a portfolio by
 * the streaming reader and by the oracle (json-glib's document tree), which
 * must agree. test-json-check.c runs unchanged: every call it makes to
 * lode_json_check() goes through the comparison first. */

#include <glib.h>

#include "lode-json-check.h"
#include "lode-oracle-reader.h"

static gboolean
differential_json_check (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         guint       *line,
                         guint       *column,
                         char       **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  portfolio = lode_oracle_compare (data, length, "t.json", &error);

  return lode_json_check (data, length, max_depth, line, column, message);
}

#define lode_json_check differential_json_check
#include "test-json-check.c"
