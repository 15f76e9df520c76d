/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-export-table.h"
#include "lode-money.h"

static LodeExportRow
make_row (const char *mineral,
          int         year,
          const char *destination,
          LodeStage   stage,
          LodeMoney   value)
{
  LodeExportRow row = {
    .mineral = mineral,
    .year = year,
    .destination = destination,
    .stage = stage,
    .quantity = LODE_QUANTITY_UNSET,
    .unit = LODE_UNIT_NONE,
    .value = value,
  };

  return row;
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_rows (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autofree char *copper = g_strdup ("copper");
  LodeExportRow row = make_row (copper, 2025, "CN", LODE_STAGE_REFINED, 114000000025);
  LodeExportRow out;
  guint changes = 0;

  g_signal_connect (table, "items-changed", G_CALLBACK (count_changes), &changes);

  row.month = 3;
  row.hs_code = "7403";
  row.quantity = 1200.5;
  row.unit = LODE_UNIT_T;
  row.source = "gacc-2025";
  lode_export_table_append (table, &row);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 1);

  lode_export_table_get_row (table, 0, &out);
  g_assert_cmpstr (out.mineral, ==, "copper");
  g_assert_true (out.mineral != copper);  /* interned copy */
  g_assert_true (out.mineral == lode_export_table_intern (table, "copper"));
  g_assert_cmpint (out.year, ==, 2025);
  g_assert_cmpint (out.month, ==, 3);
  g_assert_cmpstr (out.destination, ==, "CN");
  g_assert_cmpstr (out.hs_code, ==, "7403");
  g_assert_cmpint (out.stage, ==, LODE_STAGE_REFINED);
  g_assert_cmpfloat (out.quantity, ==, 1200.5);
  g_assert_cmpint (out.unit, ==, LODE_UNIT_T);
  g_assert_cmpint (out.value, ==, 114000000025);
  g_assert_cmpstr (out.source, ==, "gacc-2025");

  /* Absent strings stay NULL. */
  row = make_row ("iron-ore", 2024, NULL, LODE_STAGE_UNKNOWN, 5);
  lode_export_table_insert (table, 0, &row);
  g_assert_cmpuint (changes, ==, 2);
  lode_export_table_get_row (table, 0, &out);
  g_assert_cmpstr (out.mineral, ==, "iron-ore");
  g_assert_null (out.destination);
  g_assert_null (out.hs_code);
  g_assert_null (out.source);
  lode_export_table_get_row (table, 1, &out);
  g_assert_cmpstr (out.mineral, ==, "copper");

  row.value = 7;
  lode_export_table_replace (table, 0, &row);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpint (lode_export_table_get_total (table), ==, 114000000025 + 7);

  lode_export_table_remove (table, 0, 1);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, 1);
  lode_export_table_get_row (table, 0, &out);
  g_assert_cmpstr (out.mineral, ==, "copper");

  /* Silent appends are announced once. */
  for (int i = 0; i < 10; i++)
    {
      row = make_row ("copper", 2000 + i, "CN", LODE_STAGE_ORE, i);
      lode_export_table_append_silent (table, &row);
    }
  g_assert_cmpuint (changes, ==, 4);
  lode_export_table_announce (table, 1, 0, 10);
  g_assert_cmpuint (changes, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 11);
}

static void
test_extras_follow_rows (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autoptr(JsonObject) extra = json_object_new ();
  LodeExportRow row;

  for (int i = 0; i < 5; i++)
    {
      row = make_row ("copper", 2020 + i, NULL, LODE_STAGE_UNKNOWN, i);
      lode_export_table_append (table, &row);
    }

  json_object_set_string_member (extra, "customs_ref", "X-3");
  lode_export_table_set_extra (table, 3, extra);
  g_assert_null (lode_export_table_get_extra (table, 2));
  g_assert_true (lode_export_table_get_extra (table, 3) == extra);

  /* Inserting before a row moves its extra along. */
  row = make_row ("copper", 2019, NULL, LODE_STAGE_UNKNOWN, 9);
  lode_export_table_insert (table, 1, &row);
  g_assert_null (lode_export_table_get_extra (table, 3));
  g_assert_true (lode_export_table_get_extra (table, 4) == extra);

  /* Removing rows before it moves it back; removing the row drops it. */
  lode_export_table_remove (table, 0, 2);
  g_assert_true (lode_export_table_get_extra (table, 2) == extra);
  lode_export_table_remove (table, 2, 1);
  for (guint i = 0; i < lode_export_table_get_n_rows (table); i++)
    g_assert_null (lode_export_table_get_extra (table, i));
}

static void
test_list_model (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autoptr(LodeExportRecord) record = NULL;
  g_autofree char *mineral = NULL;
  gint64 value = 0;
  int year = 0;
  LodeExportRow row;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (table)) == LODE_TYPE_EXPORT_RECORD);

  row = make_row ("chromite", 2023, "CN", LODE_STAGE_ORE, 1234);
  lode_export_table_append (table, &row);
  row = make_row ("copper", 2025, "CN", LODE_STAGE_REFINED, 99);
  lode_export_table_append (table, &row);

  record = g_list_model_get_item (G_LIST_MODEL (table), 1);
  g_assert_nonnull (record);
  g_assert_cmpuint (lode_export_record_get_position (record), ==, 1);
  g_assert_cmpstr (lode_export_record_get_row (record)->mineral, ==, "copper");
  g_object_get (record, "mineral", &mineral, "year", &year, "value", &value, NULL);
  g_assert_cmpstr (mineral, ==, "copper");
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (value, ==, 99);

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (table), 2));
}

static const LodeExportTotal *
find_total (GArray     *totals,
            const char *key)
{
  for (guint i = 0; i < totals->len; i++)
    if (g_strcmp0 (g_array_index (totals, LodeExportTotal, i).key, key) == 0)
      return &g_array_index (totals, LodeExportTotal, i);

  return NULL;
}

static void
test_aggregate (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autoptr(GArray) by_mineral = NULL;
  g_autoptr(GArray) by_year = NULL;
  g_autoptr(GArray) by_destination = NULL;
  g_autoptr(GArray) by_stage = NULL;
  const struct {
    const char *mineral;
    int year;
    const char *destination;
    LodeStage stage;
    LodeMoney value;
  } rows[] = {
    { "copper", 2025, "CN", LODE_STAGE_REFINED, 114000000000 },
    { "copper", 2025, "CN", LODE_STAGE_CONCENTRATE, 1100000000 },
    { "aluminium-ore", 2025, "CN", LODE_STAGE_ORE, 1416000000 },
    { "aluminium-ore", 2024, "CN", LODE_STAGE_ORE, 29000000 },
    { "iron-ore", 2025, "CN", LODE_STAGE_ORE, 10100000000 },
    { "chromite", 2024, NULL, LODE_STAGE_UNKNOWN, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      LodeExportRow row = make_row (rows[i].mineral, rows[i].year, rows[i].destination,
                                    rows[i].stage, rows[i].value);
      lode_export_table_append (table, &row);
    }

  by_mineral = lode_export_table_aggregate (table, LODE_EXPORT_FIELD_MINERAL);
  g_assert_cmpuint (by_mineral->len, ==, 4);
  /* Largest first. */
  g_assert_cmpstr (g_array_index (by_mineral, LodeExportTotal, 0).key, ==, "copper");
  g_assert_cmpint (g_array_index (by_mineral, LodeExportTotal, 0).value, ==, 115100000000);
  g_assert_cmpuint (g_array_index (by_mineral, LodeExportTotal, 0).count, ==, 2);
  g_assert_cmpstr (g_array_index (by_mineral, LodeExportTotal, 3).key, ==, "chromite");
  g_assert_cmpint (find_total (by_mineral, "aluminium-ore")->value, ==, 1445000000);

  by_year = lode_export_table_aggregate (table, LODE_EXPORT_FIELD_YEAR);
  g_assert_cmpuint (by_year->len, ==, 2);
  /* Oldest first. */
  g_assert_cmpint (g_array_index (by_year, LodeExportTotal, 0).year, ==, 2024);
  g_assert_cmpstr (g_array_index (by_year, LodeExportTotal, 0).key, ==, "2024");
  g_assert_cmpint (g_array_index (by_year, LodeExportTotal, 0).value, ==, 29000005);
  g_assert_cmpint (g_array_index (by_year, LodeExportTotal, 1).value,
                   ==, 114000000000 + 1100000000 + 1416000000 + 10100000000);

  by_destination = lode_export_table_aggregate (table, LODE_EXPORT_FIELD_DESTINATION);
  g_assert_cmpuint (by_destination->len, ==, 2);
  g_assert_cmpstr (g_array_index (by_destination, LodeExportTotal, 0).key, ==, "CN");
  g_assert_null (g_array_index (by_destination, LodeExportTotal, 1).key);
  g_assert_cmpuint (g_array_index (by_destination, LodeExportTotal, 1).count, ==, 1);

  by_stage = lode_export_table_aggregate (table, LODE_EXPORT_FIELD_STAGE);
  g_assert_cmpuint (by_stage->len, ==, 4);
  g_assert_cmpstr (g_array_index (by_stage, LodeExportTotal, 0).key, ==, "refined");
  g_assert_cmpint (find_total (by_stage, "ore")->value, ==, 1416000000 + 29000000 + 10100000000);
  g_assert_cmpuint (find_total (by_stage, "ore")->count, ==, 3);
}

/* The total of a million records read as decimal text equals the exact sum
 * of their cents; a sum of doubles would not. */
static void
test_million_exact (void)
{
  g_autoptr(LodeExportTable) table = lode_export_table_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251231);
  const guint n = 1000000;
  gint64 exact = 0;
  double naive = 0;

  lode_export_table_reserve (table, n);
  for (guint i = 0; i < n; i++)
    {
      /* Amounts from a cent to about ten billion dollars. */
      gint64 dollars = g_rand_int_range (rand, 0, 1000000) * (gint64) g_rand_int_range (rand, 1, 10000);
      int cents = g_rand_int_range (rand, 0, 100);
      char text[64];
      LodeMoney value = -1;
      LodeExportRow row;

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT ".%02d", dollars, cents);
      g_assert_cmpint (lode_money_from_double (g_ascii_strtod (text, NULL), &value), ==, LODE_MONEY_OK);
      g_assert_cmpint (value, ==, dollars * 100 + cents);

      exact += dollars * 100 + cents;
      naive += g_ascii_strtod (text, NULL);

      row = make_row ("copper", 2005 + i % 20, "CN", LODE_STAGE_ORE, value);
      lode_export_table_append_silent (table, &row);
    }

  g_assert_cmpint (lode_export_table_get_total (table), ==, exact);
  /* The double sum drifts away from the exact one at this size. */
  g_assert_cmpint ((gint64) llround (naive * 100), !=, exact);
  g_test_message ("exact %" G_GINT64_FORMAT " cents, double sum off by %.0f cents, "
                  "%zu bytes in columns",
                  exact, naive * 100 - (double) exact, lode_export_table_get_memory (table));
  g_assert_cmpuint (lode_export_table_get_memory (table), <, (gsize) n * 48);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/export-table/rows", test_rows);
  g_test_add_func ("/lode/export-table/extras-follow-rows", test_extras_follow_rows);
  g_test_add_func ("/lode/export-table/list-model", test_list_model);
  g_test_add_func ("/lode/export-table/aggregate", test_aggregate);
  g_test_add_func ("/lode/export-table/million-exact", test_million_exact);

  return g_test_run ();
}
