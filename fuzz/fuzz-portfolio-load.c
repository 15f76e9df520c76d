/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-portfolio-io.h"

/* libFuzzer harness for the portfolio loader: the bytes go through
 * lode_portfolio_load_data(), the path lode_portfolio_load_file() takes once
 * it has read a file. A portfolio that loads must also save, and its saved
 * text must load again to the same bytes. */

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
  g_autoptr(LodePortfolio) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) resaved = NULL;
  const char *text;
  gsize length;

  portfolio = lode_portfolio_load_data ((const char *) data, size, "fuzz.json", &error);
  if (portfolio == NULL)
    {
      /* Every refusal says where. */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
      return 0;
    }
  g_assert_no_error (error);

  saved = lode_portfolio_to_bytes (portfolio);
  text = g_bytes_get_data (saved, &length);
  again = lode_portfolio_load_data (text, length, "saved.json", &error);
  if (again == NULL)
    g_error ("a saved portfolio does not load: %s", error->message);

  resaved = lode_portfolio_to_bytes (again);
  g_assert_true (g_bytes_equal (saved, resaved));

  return 0;
}
