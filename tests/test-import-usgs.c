/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lode-enum-types.h"
#include "lode-import.h"
#include "lode-portfolio-io.h"
#include "lode-production.h"

/* USGS Mineral Commodity Summaries: the world data CSV of a recent release
 * and an older per-commodity world file (tests/fixtures/import/usgs/) give
 * the reserve estimates of the portfolio's country, citing the release;
 * withheld and missing figures are skipped with their reason, never read
 * as 0; production is skipped until the model keeps it. */

typedef struct
{
  const char *mineral;
  int         year;
  double      quantity;
  const char *unit;
  const char *source;
} ExpectedReserve;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "usgs", name, NULL);
}

static LodePortfolio *
new_portfolio (const char *country)
{
  LodePortfolio *portfolio = lode_portfolio_new ("Test");

  lode_portfolio_set_country (portfolio, country);
  return portfolio;
}

static LodeImportPlan *
plan_for (LodePortfolio *portfolio,
          const char    *fixture,
          const char    *country)
{
  g_autofree char *path = fixture_path (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LodeImportOptions options;
  LodeImportPlan *plan;

  lode_import_options_init (&options);
  options.country = country;
  plan = lode_import_plan_new (portfolio, file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (lode_import_plan_get_layout (plan), ==, LODE_IMPORT_LAYOUT_USGS_MCS);

  return plan;
}

static guint
count_reserves (LodePortfolio *portfolio)
{
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);

      n += g_list_model_get_n_items (lode_mineral_get_reserves (mineral));
    }

  return n;
}

static void
assert_reserves (LodePortfolio         *portfolio,
                 const ExpectedReserve *expected,
                 guint                  n_expected)
{
  g_assert_cmpuint (count_reserves (portfolio), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      LodeMineral *mineral = lode_portfolio_find_mineral (portfolio, expected[i].mineral);
      GListModel *reserves;
      gboolean found = FALSE;

      if (mineral == NULL)
        g_error ("no mineral %s", expected[i].mineral);
      reserves = lode_mineral_get_reserves (mineral);
      for (guint j = 0; j < g_list_model_get_n_items (reserves) && !found; j++)
        {
          g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, j);

          found = lode_reserve_get_year (reserve) == expected[i].year
                  && lode_reserve_get_quantity (reserve) == expected[i].quantity
                  && g_strcmp0 (lode_enum_to_nick (LODE_TYPE_UNIT, lode_reserve_get_unit (reserve)),
                                expected[i].unit) == 0
                  && g_strcmp0 (lode_reserve_get_source (reserve), expected[i].source) == 0
                  && lode_reserve_get_category (reserve) == LODE_RESERVE_CATEGORY_UNSPECIFIED;
        }
      if (!found)
        g_error ("no reserve of %g %s of %s in %d from %s", expected[i].quantity, expected[i].unit,
                 expected[i].mineral, expected[i].year, expected[i].source);
    }
}

/* The reason the plan gives for line @line, joined by "; " when it gives
 * several, or NULL. */
static char *
reasons_of_line (LodeImportPlan *plan,
                 guint64         line)
{
  g_autoptr(GString) reasons = NULL;

  for (guint i = 0; i < lode_import_plan_get_n_skipped (plan); i++)
    {
      guint64 skipped_line;
      const char *reason;

      lode_import_plan_get_skipped (plan, i, &skipped_line, &reason);
      if (skipped_line != line)
        continue;
      if (reasons == NULL)
        reasons = g_string_new (reason);
      else
        g_string_append_printf (reasons, "; %s", reason);
    }

  return reasons != NULL ? g_string_free (g_steal_pointer (&reasons), FALSE) : NULL;
}

static void
assert_line_skipped (LodeImportPlan *plan,
                     guint64         line,
                     const char     *reason)
{
  g_autofree char *reasons = reasons_of_line (plan, line);

  if (reasons == NULL || strstr (reasons, reason) == NULL)
    g_error ("line %" G_GUINT64_FORMAT ": expected “%s” among the reasons, got “%s”",
             line, reason, reasons);
}

/* Production is yearly mine production at national level, each citing
 * its edition and keeping USGS's description of what was mined. */
static void
assert_production (LodePortfolio         *portfolio,
                   const ExpectedReserve *expected,
                   guint                  n_expected)
{
  GListModel *production = G_LIST_MODEL (lode_portfolio_get_production (portfolio));

  g_assert_cmpuint (g_list_model_get_n_items (production), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (production) && !found; j++)
        {
          g_autoptr(LodeProduction) figure = g_list_model_get_item (production, j);

          found = g_strcmp0 (lode_production_get_mineral (figure), expected[i].mineral) == 0
                  && lode_production_get_year (figure) == expected[i].year
                  && lode_production_get_quantity (figure) == expected[i].quantity
                  && g_strcmp0 (lode_enum_to_nick (LODE_TYPE_UNIT, lode_production_get_unit (figure)),
                                expected[i].unit) == 0
                  && g_strcmp0 (lode_production_get_source (figure), expected[i].source) == 0
                  && lode_production_get_project (figure) == NULL
                  && g_str_has_prefix (lode_production_get_note (figure), "Mine production");
        }
      if (!found)
        g_error ("no production of %g %s of %s in %d from %s", expected[i].quantity, expected[i].unit,
                 expected[i].mineral, expected[i].year, expected[i].source);
    }
}

static void
test_world_data (void)
{
  static const ExpectedReserve expected[] = {
    { "copper", 2023, 5900, "kt", "usgs-mcs-2024" },
    { "gold", 2023, 1200, "t", "usgs-mcs-2024" },
    { "rare-earths", 2023, 12000, "t", "usgs-mcs-2024" },
    { "iron-ore", 2023, 430, "Mt", "usgs-mcs-2024" },
    { "bauxite", 2023, 74000, "kt", "usgs-mcs-2024" },
  };
  static const ExpectedReserve expected_production[] = {
    { "copper", 2022, 15, "kt", "usgs-mcs-2024" },
    { "copper", 2023, 16, "kt", "usgs-mcs-2024" },
    { "chromite", 2022, 320, "kt", "usgs-mcs-2024" },
    { "chromite", 2023, 300, "kt", "usgs-mcs-2024" },
    { "gypsum", 2022, 2000, "kt", "usgs-mcs-2024" },
    { "gypsum", 2023, 2100, "kt", "usgs-mcs-2024" },
    { "salt", 2022, 3700, "kt", "usgs-mcs-2024" },
    { "salt", 2023, 3800, "kt", "usgs-mcs-2024" },
    { "gold", 2022, 1, "t", "usgs-mcs-2024" },
    { "gold", 2023, 1, "t", "usgs-mcs-2024" },
    { "iron-ore", 2022, 0.4, "Mt", "usgs-mcs-2024" },
    { "iron-ore", 2023, 0.4, "Mt", "usgs-mcs-2024" },
  };
  g_autoptr(LodePortfolio) portfolio = new_portfolio ("PK");
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "MCS2024_World_Data.csv", NULL);
  g_autoptr(LodeImportPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  LodeSource *source;

  g_assert_false (lode_import_plan_is_empty (plan));
  g_assert_cmpuint (lode_export_table_get_n_rows (lode_import_plan_get_exports (plan)), ==, 0);
  g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_no_error (error);

  assert_reserves (portfolio, expected, G_N_ELEMENTS (expected));
  assert_production (portfolio, expected_production, G_N_ELEMENTS (expected_production));
  /* No mineral is made for figures that were not kept. */
  g_assert_null (lode_portfolio_find_mineral (portfolio, "zinc"));

  source = lode_portfolio_find_source (portfolio, "usgs-mcs-2024");
  g_assert_nonnull (source);
  g_assert_cmpstr (lode_source_get_title (source), ==, "USGS Mineral Commodity Summaries 2024");

  /* Every line not imported says why. */
  assert_line_skipped (plan, 2, "Another country");
  assert_line_skipped (plan, 3, "Another country");
  g_assert_null (reasons_of_line (plan, 4));
  /* Smelter output of copper already counted as mined is not production. */
  assert_line_skipped (plan, 5, "Not mine production");
  assert_line_skipped (plan, 6, "A total of several countries");
  assert_line_skipped (plan, 7, "Withheld by USGS (W)");
  assert_line_skipped (plan, 8, "Another country");
  assert_line_skipped (plan, 9, "Not available (NA)");
  assert_line_skipped (plan, 10, "Not a figure");
  assert_line_skipped (plan, 12, "Another country");
  assert_line_skipped (plan, 13, "No figure (a dash)");
  assert_line_skipped (plan, 16, "no mineral Lode knows");
  assert_line_skipped (plan, 17, "No figure (a dash)");
  assert_line_skipped (plan, 18, "A total of several countries");
  g_assert_null (reasons_of_line (plan, 15));

  /* A second import adds nothing. */
  again = plan_for (portfolio, "MCS2024_World_Data.csv", NULL);
  g_assert_true (lode_import_plan_is_empty (again));
  assert_line_skipped (again, 4, "Already in the portfolio");
}

static void
test_per_commodity (void)
{
  static const ExpectedReserve expected[] = {
    { "copper", 2019, 5900, "kt", "usgs-mcs-2020" },
  };
  static const ExpectedReserve expected_production[] = {
    { "copper", 2018, 12, "kt", "usgs-mcs-2020" },
    { "copper", 2019, 14, "kt", "usgs-mcs-2020" },
  };
  g_autoptr(LodePortfolio) portfolio = new_portfolio ("PK");
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "mcs2020-coppe_world.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_no_error (error);
  assert_reserves (portfolio, expected, G_N_ELEMENTS (expected));
  assert_production (portfolio, expected_production, G_N_ELEMENTS (expected_production));
  assert_line_skipped (plan, 2, "Another country");
  g_assert_null (reasons_of_line (plan, 4));
  assert_line_skipped (plan, 6, "A total of several countries");
  /* The empty last row is no row. */
  g_assert_null (reasons_of_line (plan, 7));
  g_assert_cmpint (lode_import_plan_get_encoding (plan), ==, LODE_CSV_ENCODING_UTF8);
}

static void
test_other_country (void)
{
  static const ExpectedReserve expected[] = {
    { "copper", 2023, 190000, "kt", "usgs-mcs-2024" },
  };
  g_autoptr(LodePortfolio) portfolio = new_portfolio ("PK");
  g_autoptr(LodeImportPlan) plan = plan_for (portfolio, "MCS2024_World_Data.csv", "CL");
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
  assert_reserves (portfolio, expected, G_N_ELEMENTS (expected));
  assert_line_skipped (plan, 4, "Another country");
}

static void
test_portfolio_mineral (void)
{
  /* The portfolio's own mineral, found by its name, gets the estimate. */
  static const ExpectedReserve expected[] = {
    { "cu", 2019, 5900, "kt", "usgs-mcs-2020" },
  };
  g_autoptr(LodePortfolio) portfolio = new_portfolio ("PK");
  g_autoptr(LodeMineral) copper = lode_mineral_new ("cu", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (lode_portfolio_get_minerals (portfolio), copper);
  plan = plan_for (portfolio, "mcs2020-coppe_world.csv", NULL);
  g_assert_true (lode_import_plan_apply (plan, portfolio, &error));
  g_assert_no_error (error);
  assert_reserves (portfolio, expected, G_N_ELEMENTS (expected));
  g_assert_null (lode_portfolio_find_mineral (portfolio, "copper"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/usgs/world-data", test_world_data);
  g_test_add_func ("/import/usgs/per-commodity", test_per_commodity);
  g_test_add_func ("/import/usgs/other-country", test_other_country);
  g_test_add_func ("/import/usgs/portfolio-mineral", test_portfolio_mineral);

  return g_test_run ();
}
