/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-hs-codes.h"

static void
test_hs_codes_lookup (void)
{
  g_assert_cmpstr (lode_hs_code_lookup ("2603"), ==, "Copper ores and concentrates");
  g_assert_cmpstr (lode_hs_code_lookup ("7403"), ==, "Copper; refined and copper alloys, unwrought");
  g_assert_cmpstr (lode_hs_code_lookup ("26"), ==, "Ores, slag and ash");
  g_assert_cmpstr (lode_hs_code_lookup ("740311"), ==,
                   "Copper; refined, unwrought, cathodes and sections of cathodes");
  g_assert_true (lode_hs_code_is_known ("2601"));

  /* Outside the mineral chapters, or not a code. */
  g_assert_null (lode_hs_code_lookup ("0101"));
  g_assert_null (lode_hs_code_lookup ("9999"));
  g_assert_null (lode_hs_code_lookup (""));
  g_assert_null (lode_hs_code_lookup (NULL));
  g_assert_false (lode_hs_code_is_known ("77"));
}

static void
test_hs_codes_under (void)
{
  g_autofree const char **heading = NULL;
  g_autofree const char **chapter = NULL;
  g_autofree const char **all = NULL;
  guint n_heading = 0;
  guint n_chapter = 0;
  guint n_all = 0;

  heading = lode_hs_codes_under ("2603", &n_heading);
  g_assert_cmpuint (n_heading, ==, 2);
  g_assert_cmpstr (heading[0], ==, "2603");
  g_assert_cmpstr (heading[1], ==, "260300");
  g_assert_null (heading[2]);

  chapter = lode_hs_codes_under ("74", &n_chapter);
  g_assert_cmpstr (chapter[0], ==, "74");
  g_assert_true (g_strv_contains (chapter, "7403"));
  g_assert_true (g_strv_contains (chapter, "740311"));
  for (guint i = 0; i < n_chapter; i++)
    {
      g_assert_true (g_str_has_prefix (chapter[i], "74"));
      if (i > 0)
        g_assert_cmpstr (chapter[i - 1], <, chapter[i]);
    }

  /* Every mineral chapter, nothing else: 25–28 and 71–81 (77 is unused). */
  all = lode_hs_codes_under (NULL, &n_all);
  g_assert_cmpuint (n_all, ==, 1121);
  for (guint i = 0; i < n_all; i++)
    {
      g_autofree char *prefix = g_strndup (all[i], 2);
      int chapter_number = g_ascii_strtoll (prefix, NULL, 10);

      g_assert_true ((chapter_number >= 25 && chapter_number <= 28) ||
                     (chapter_number >= 71 && chapter_number <= 81));
      g_assert_nonnull (lode_hs_code_lookup (all[i]));
    }

  g_free (lode_hs_codes_under ("0101", &n_all));
  g_assert_cmpuint (n_all, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/hs-codes/lookup", test_hs_codes_lookup);
  g_test_add_func ("/lode/hs-codes/under", test_hs_codes_under);

  return g_test_run ();
}
