/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-oracle-reader.h"

/* libFuzzer harness comparing the streaming reader with the oracle: the
 * strict check, json-glib's parser and a walk of its tree, as Lode read
 * files before. For every input both must accept or refuse alike, give the
 * same portfolio (as saved) and the same error text; lode_oracle_compare()
 * aborts when they do not. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a bug, as in the tests. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  portfolio = lode_oracle_compare ((const char *) data, size, "fuzz.json", &error);
  g_assert_true ((portfolio == NULL) != (error == NULL));

  return 0;
}
