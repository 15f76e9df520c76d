/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-countries.h"

static void
test_countries_names (void)
{
  /* The tests run in C.UTF-8: names as iso-codes writes them. */
  g_assert_cmpstr (lode_country_lookup ("CN"), ==, "China");
  g_assert_cmpstr (lode_country_lookup ("PK"), ==, "Pakistan");
  /* A common name where iso-codes has one. */
  g_assert_cmpstr (lode_country_lookup ("TW"), ==, "Taiwan");

  g_assert_null (lode_country_lookup ("XX"));
  g_assert_null (lode_country_lookup ("cn"));
  g_assert_null (lode_country_lookup (NULL));

  g_assert_cmpstr (lode_country_name ("PK"), ==, "Pakistan");
  g_assert_cmpstr (lode_country_name ("XX"), ==, "XX");
  g_assert_null (lode_country_name (NULL));
}

static void
test_countries_codes (void)
{
  const char * const *codes = lode_country_codes ();
  gboolean seen_pk = FALSE;
  guint n;

  g_assert_nonnull (codes);
  for (n = 0; codes[n] != NULL; n++)
    {
      g_assert_nonnull (lode_country_lookup (codes[n]));
      if (n > 0)
        g_assert_cmpint (g_utf8_collate (lode_country_lookup (codes[n - 1]),
                                         lode_country_lookup (codes[n])), <=, 0);
      seen_pk |= g_str_equal (codes[n], "PK");
    }

  /* iso-codes knows some 249 countries. */
  g_assert_cmpuint (n, >, 240);
  g_assert_true (seen_pk);
  g_assert_true (lode_country_codes () == codes);
}

static void
test_countries_regions (void)
{
  const char * const *regions = lode_region_names ();
  guint n = g_strv_length ((char **) regions);

  /* Pakistan's four provinces and three territories. */
  g_assert_cmpuint (n, ==, 7);
  g_assert_true (g_strv_contains (regions, "Balochistan"));
  g_assert_true (g_strv_contains (regions, "Islamabad"));
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (regions[i - 1], regions[i]), <=, 0);
  g_assert_true (lode_region_names () == regions);
}

static gpointer
lookup_in_thread (gpointer data)
{
  return (gpointer) lode_country_codes ();
}

static void
test_countries_threads (void)
{
  GThread *threads[4];
  gpointer codes[G_N_ELEMENTS (threads)];

  /* The chart renderer may ask first from a worker thread: every thread
   * gets the one table, loaded once. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("countries", lookup_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    codes[i] = g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (codes[i] == (gpointer) lode_country_codes ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/countries/threads", test_countries_threads);
  g_test_add_func ("/countries/names", test_countries_names);
  g_test_add_func ("/countries/codes", test_countries_codes);
  g_test_add_func ("/countries/regions", test_countries_regions);

  return g_test_run ();
}
