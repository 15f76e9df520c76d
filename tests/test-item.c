/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-investment.h"
#include "lode-item.h"
#include "lode-mineral.h"
#include "lode-national-figure.h"
#include "lode-partner.h"
#include "lode-production.h"
#include "lode-project.h"
#include "lode-reserve.h"
#include "lode-source.h"
#include "lode-target.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static GObject *
new_item (GType type)
{
  return g_object_new (type, NULL);
}

/* Every record of the portfolio is an item, and LodeItem serves its
 * properties. */
static void
test_item_types (void)
{
  GType types[] = {
    LODE_TYPE_INVESTMENT, LODE_TYPE_MINERAL, LODE_TYPE_NATIONAL_FIGURE,
    LODE_TYPE_PARTNER, LODE_TYPE_PRODUCTION, LODE_TYPE_PROJECT,
    LODE_TYPE_RESERVE, LODE_TYPE_SOURCE, LODE_TYPE_TARGET,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GObject) object = new_item (types[i]);
      g_autoptr(JsonObject) extra = json_object_new ();

      g_assert_true (g_type_is_a (types[i], LODE_TYPE_ITEM));
      g_assert_true (G_TYPE_IS_ABSTRACT (LODE_TYPE_ITEM));

      /* Unknown members live in the base, held by reference. */
      g_assert_null (lode_item_get_extra (LODE_ITEM (object)));
      lode_item_set_extra (LODE_ITEM (object), extra);
      g_assert_true (lode_item_get_extra (LODE_ITEM (object)) == extra);
    }
}

/* A string set through GObject is checked, stored without the empty
 * string and notified once per change. */
static void
test_item_strings (void)
{
  g_autoptr(LodeSource) source = lode_source_new ("s", NULL);
  g_autofree char *title = NULL;
  guint count = 0;

  g_signal_connect (source, "notify::title", G_CALLBACK (count_notify), &count);

  g_object_set (source, "title", "Survey", NULL);
  g_object_set (source, "title", "Survey", NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (source, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Survey");

  g_object_set (source, "title", "", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (lode_source_get_title (source));

  /* The public setter's rule holds through g_object_set() too. */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*lode_rule_slug*");
  g_object_set (source, "id", "Not A Slug", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (lode_source_get_id (source), ==, "s");
}

/* Numbers, enums and string vectors go through the same table. */
static void
test_item_values (void)
{
  g_autoptr(LodeProject) project = lode_project_new ("p", "P");
  g_autoptr(LodeReserve) reserve = lode_reserve_new (LODE_RESERVE_CATEGORY_PROVEN, 10.0, LODE_UNIT_T);
  g_auto(GStrv) minerals = NULL;
  const char *set[] = { "gold", "copper", NULL };
  const char *none[] = { NULL };
  gint64 jobs = 0;
  int year = 0;
  double quantity = 0;
  LodeProjectStatus status = 0;
  guint count = 0;

  g_signal_connect (project, "notify", G_CALLBACK (count_notify), &count);

  g_object_set (project,
                "jobs", (gint64) 120,
                "start-year", 2021,
                "status", LODE_PROJECT_STATUS_PRODUCTION,
                "minerals", set,
                NULL);
  g_assert_cmpuint (count, ==, 4);
  g_object_get (project,
                "jobs", &jobs,
                "start-year", &year,
                "status", &status,
                "minerals", &minerals,
                NULL);
  g_assert_cmpint (jobs, ==, 120);
  g_assert_cmpint (year, ==, 2021);
  g_assert_cmpint (status, ==, LODE_PROJECT_STATUS_PRODUCTION);
  g_assert_true (g_strv_equal ((const char * const *) minerals, set));

  /* An empty vector is stored as none. */
  lode_project_set_minerals (project, none);
  g_assert_null (lode_project_get_minerals (project));
  g_assert_cmpuint (count, ==, 5);

  g_object_set (reserve, "quantity", 2.5, NULL);
  g_object_get (reserve, "quantity", &quantity, NULL);
  g_assert_cmpfloat (quantity, ==, 2.5);
  g_assert_cmpfloat (lode_reserve_get_quantity (reserve), ==, 2.5);
}

/* A computed property reads through its getter. */
static void
test_item_computed (void)
{
  g_autoptr(LodeMineral) mineral = lode_mineral_new ("gold", "Gold", LODE_MINERAL_GROUP_OTHER);
  g_autoptr(LodeReserve) reserve = lode_reserve_new (LODE_RESERVE_CATEGORY_PROVEN, 10.0, LODE_UNIT_T);
  gint64 value = -1;

  lode_reserve_set_value (reserve, 1250);
  lode_mineral_add_reserve (mineral, reserve);
  g_object_get (mineral, "reserve-value", &value, NULL);
  g_assert_cmpint (value, ==, 1250);
}

/* Finalizing an item frees what it holds; its unknown members go with it
 * when nothing else holds them. */
static void
test_item_finalize (void)
{
  LodeProduction *production = lode_production_new ("gold", 2024, 1.0, LODE_UNIT_T);
  JsonObject *extra = json_object_new ();
  GObject *weak = G_OBJECT (production);

  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  lode_production_set_source (production, "usgs");
  lode_production_set_note (production, "estimate");
  lode_production_set_extra (production, extra);
  json_object_unref (extra);
  g_assert_true (lode_production_get_extra (production) == extra);

  g_object_unref (production);
  g_assert_null (weak);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/item/types", test_item_types);
  g_test_add_func ("/lode/item/strings", test_item_strings);
  g_test_add_func ("/lode/item/values", test_item_values);
  g_test_add_func ("/lode/item/computed", test_item_computed);
  g_test_add_func ("/lode/item/finalize", test_item_finalize);

  return g_test_run ();
}
