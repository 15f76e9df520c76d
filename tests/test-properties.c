/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lode-mineral.h"
#include "lode-partner.h"
#include "lode-portfolio-io.h"
#include "lode-project.h"
#include "lode-reserve.h"
#include "lode-rules.h"
#include "lode-source.h"
#include "lode-target.h"

/* Properties that hold for every value, checked over thousands of
 * generated ones (g_test_rand_*: a run is repeated with --seed):
 *
 * - each rule of lode-rules.h accepts exactly what the reader accepts at
 *   the members it governs, so that what an editor lets through (it asks
 *   the same rule) the file can hold;
 * - any portfolio the model holds saves to text that loads back to the
 *   same portfolio, also after random edits, undos and redos. */

#define N_VALUES     3000
#define N_PORTFOLIOS 400

/* Pieces that odd spellings are made of: digits of other scripts, signs,
 * spaces, invisible characters, and the pieces of valid values. */
static const char * const pieces[] = {
  "0", "1", "2", "9", "12", "18", "20", "22", "2025", "1800", "2200", "1799", "2201",
  "-", "+", " ", "  ", "\t", ".", "/", "e", "a", "z", "A", "C", "N", "X", "K", "Z",
  "\xef\xbc\x92",             /* FULLWIDTH DIGIT TWO */
  "\xd9\xa2",                 /* ARABIC-INDIC DIGIT TWO */
  "\xdb\xb2",                 /* EXTENDED ARABIC-INDIC DIGIT TWO */
  "\xe2\x80\x8b",             /* ZERO WIDTH SPACE */
  "\xe2\x80\x8f",             /* RIGHT-TO-LEFT MARK */
  "\xc2\xa0",                 /* NO-BREAK SPACE */
  "-09", "-26", "-02-29", "-13", "-00", "-31",
};

static char *
random_text (void)
{
  GString *text = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 6);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

  return g_string_free (text, FALSE);
}

static gint64
random_integer (void)
{
  static const gint64 edges[] = {
    -1, 0, 1, 12, 13, 1799, 1800, 2200, 2201, G_MAXINT32, (gint64) G_MAXINT32 + 1,
    G_MAXINT64, G_MININT64 + 1, (gint64) 1 << 53,
  };

  switch (g_test_rand_int_range (0, 3))
    {
    case 0:
      return edges[g_test_rand_int_range (0, G_N_ELEMENTS (edges))];
    case 1:
      return g_test_rand_int_range (-20, 2300);
    default:
      return (gint64) (((guint64) (guint32) g_test_rand_int () << 32) | (guint32) g_test_rand_int ());
    }
}

static double
random_double (void)
{
  static const double edges[] = {
    0.0, -0.0, 1.0, 1.0000000000000002, 0.9999999999999999, -1e-300, 1e308, 0.12345678901234567,
  };

  if (g_test_rand_bit ())
    return edges[g_test_rand_int_range (0, G_N_ELEMENTS (edges))];

  return g_test_rand_double_range (-2.0, 3.0);
}

/* A portfolio with one source, one mineral, one export record, one project
 * with one partner; @place names the member whose value is the JSON text
 * @value. (json-glib 1.6's generator writes 1e308 as "1e+308.0", which is
 * not JSON, so the value is put in as text.) */
static char *
portfolio_text (const char *place,
                const char *value)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

#define MEMBER(name, setter) \
  G_STMT_START { \
    json_builder_set_member_name (builder, name); \
    if (g_str_equal (place, name)) \
      json_builder_add_string_value (builder, "@value@"); \
    else \
      setter; \
  } G_STMT_END

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "lode-portfolio");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Properties");

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  MEMBER ("id", json_builder_add_string_value (builder, "s"));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Source");
  MEMBER ("date", json_builder_add_string_value (builder, "2025-09-26"));
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "minerals");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "m");
  MEMBER ("name", json_builder_add_string_value (builder, "Mineral"));
  json_builder_set_member_name (builder, "group");
  json_builder_add_string_value (builder, "other");
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "exports");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mineral");
  json_builder_add_string_value (builder, "m");
  MEMBER ("year", json_builder_add_int_value (builder, 2025));
  MEMBER ("month", json_builder_add_int_value (builder, 3));
  MEMBER ("destination", json_builder_add_string_value (builder, "CN"));
  MEMBER ("hs_code", json_builder_add_string_value (builder, "2603"));
  MEMBER ("quantity", json_builder_add_double_value (builder, 1.5));
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, "t");
  json_builder_set_member_name (builder, "value_usd");
  json_builder_add_int_value (builder, 100);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "projects");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "p");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Project");
  json_builder_set_member_name (builder, "partners");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  MEMBER ("share", json_builder_add_double_value (builder, 0.5));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  MEMBER ("start_year", json_builder_add_int_value (builder, 1995));
  MEMBER ("jobs", json_builder_add_int_value (builder, 5200));
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
#undef MEMBER

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  text = json_generator_to_data (generator, NULL);
  parts = g_strsplit (text, "\"@value@\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);

  return g_strconcat (parts[0], value, parts[1], NULL);
}

static gboolean
reader_accepts (const char *place,
                const char *value)
{
  g_autofree char *text = portfolio_text (place, value);
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;

  portfolio = lode_portfolio_load_data (text, strlen (text), "properties.json", &error);
  if (portfolio == NULL)
    {
      g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
      /* The refusal names the member. */
      g_assert_nonnull (strstr (error->message, place));
    }

  return portfolio != NULL;
}

typedef gboolean (*StringRule) (const char *, const char **);

static void
check_string_rule (const char *place,
                   StringRule  rule,
                   gboolean    exact)
{
  guint accepted = 0;

  for (guint i = 0; i < N_VALUES; i++)
    {
      g_autofree char *value = random_text ();
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
      g_autofree char *json = json_to_string (node, FALSE);
      const char *why = NULL;
      gboolean by_rule = rule (value, &why);
      gboolean by_reader = reader_accepts (place, json);

      if (by_rule && !by_reader)
        g_error ("%s: “%s” passes the rule but the reader refuses it", place, value);
      if (exact && !by_rule && by_reader)
        g_error ("%s: “%s” fails the rule but the reader takes it", place, value);
      if (!by_rule)
        g_assert_true (why != NULL && why[0] != '\0');
      accepted += by_rule;
    }

  /* The generator reaches both sides of each rule. */
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (accepted, <, N_VALUES);
}

static void
test_properties_strings (void)
{
  check_string_rule ("date", lode_rule_date, TRUE);
  check_string_rule ("id", lode_rule_slug, TRUE);
  check_string_rule ("destination", lode_rule_country_code, TRUE);
  check_string_rule ("hs_code", lode_rule_hs_code, TRUE);
  /* The editors ask more of a name than the reader does (something
   * visible), never less. */
  check_string_rule ("name", lode_rule_name, FALSE);
}

typedef gboolean (*IntegerRule) (gint64, const char **);

static void
check_integer_rule (const char  *place,
                    IntegerRule  rule)
{
  guint accepted = 0;

  for (guint i = 0; i < N_VALUES; i++)
    {
      gint64 value = random_integer ();
      g_autofree char *json = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      gboolean by_rule = rule (value, NULL);
      gboolean by_reader = reader_accepts (place, json);

      if (by_rule != by_reader)
        g_error ("%s: %" G_GINT64_FORMAT ": the rule says %d, the reader %d",
                 place, value, by_rule, by_reader);
      accepted += by_rule;
    }

  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (accepted, <, N_VALUES);
}

static void
test_properties_integers (void)
{
  check_integer_rule ("year", lode_rule_year);
  check_integer_rule ("start_year", lode_rule_year);
  check_integer_rule ("month", lode_rule_month);
  check_integer_rule ("jobs", lode_rule_jobs);
}

typedef gboolean (*DoubleRule) (double, const char **);

static void
check_double_rule (const char *place,
                   DoubleRule  rule)
{
  guint accepted = 0;

  for (guint i = 0; i < N_VALUES; i++)
    {
      double value = random_double ();
      char json[G_ASCII_DTOSTR_BUF_SIZE];
      gboolean by_rule = rule (value, NULL);
      gboolean by_reader = reader_accepts (place, g_ascii_formatd (json, sizeof json, "%.17g", value));

      if (by_rule != by_reader)
        g_error ("%s: %.17g: the rule says %d, the reader %d", place, value, by_rule, by_reader);
      accepted += by_rule;
    }

  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (accepted, <, N_VALUES);
}

static void
test_properties_numbers (void)
{
  check_double_rule ("quantity", lode_rule_quantity);
  check_double_rule ("share", lode_rule_share);
}

/* Generated portfolios */

static char *
random_valid (StringRule rule,
              const char *fallback)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *value = random_text ();

      if (rule (value, NULL))
        return g_steal_pointer (&value);
    }

  return g_strdup (fallback);
}

static int
random_year (void)
{
  return g_test_rand_int_range (LODE_YEAR_MIN, LODE_YEAR_MAX + 1);
}

static LodeMoney
random_money (void)
{
  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      return 0;
    case 1:
      return LODE_MONEY_MAX;
    default:
      return (gint64) ((((guint64) (guint32) g_test_rand_int () << 20) ^ (guint32) g_test_rand_int ())
                       & (((guint64) 1 << 50) - 1));
    }
}

static double
random_quantity (void)
{
  double value = fabs (random_double ()) * pow (10, g_test_rand_int_range (-5, 12));

  return isfinite (value) ? value : 1.0;
}

static const char *
random_country (void)
{
  static const char * const countries[] = { "CN", "AE", "XK", "ZZ", "AA", "QM", NULL };

  return countries[g_test_rand_int_range (0, G_N_ELEMENTS (countries))];
}

static LodePortfolio *
random_portfolio (guint n)
{
  LodePortfolio *portfolio = lode_portfolio_new ("Generated");
  GListStore *sources = lode_portfolio_get_sources (portfolio);
  GListStore *minerals = lode_portfolio_get_minerals (portfolio);
  GListStore *projects = lode_portfolio_get_projects (portfolio);
  GListStore *targets = lode_portfolio_get_targets (portfolio);
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);
  guint n_sources = g_test_rand_int_range (0, 3);
  guint n_minerals = g_test_rand_int_range (1, 4);

  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(LodeSource) source = lode_source_new (id, "Source \xe2\x80\x8b title");
      g_autofree char *date = random_valid (lode_rule_date, "2025");

      if (g_test_rand_bit ())
        lode_source_set_date (source, date);
      g_list_store_append (sources, source);
    }

  for (guint i = 0; i < n_minerals; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u-%u", n, i);
      g_autoptr(LodeMineral) mineral = lode_mineral_new (id, "Mineral", g_test_rand_int_range (0, 8));
      g_autofree char *code = random_valid (lode_rule_hs_code, "26");
      const char *codes[] = { code, NULL };
      g_autoptr(LodeReserve) reserve = lode_reserve_new (g_test_rand_int_range (0, 6),
                                                         random_quantity (), LODE_UNIT_T);

      if (g_test_rand_bit ())
        lode_mineral_set_hs_codes (mineral, codes);
      if (g_test_rand_bit ())
        lode_reserve_set_year (reserve, random_year ());
      if (g_test_rand_bit ())
        lode_reserve_set_value (reserve, random_money ());
      lode_mineral_add_reserve (mineral, reserve);
      g_list_store_append (minerals, mineral);

      for (guint j = g_test_rand_int_range (0, 4); j > 0; j--)
        {
          g_autofree char *hs = random_valid (lode_rule_hs_code, "2603");
          LodeExportRow row = {
            .mineral = id,
            .year = random_year (),
            .month = g_test_rand_int_range (0, 13),
            .destination = g_test_rand_bit () ? random_country () : NULL,
            .hs_code = g_test_rand_bit () ? hs : NULL,
            .stage = g_test_rand_int_range (0, LODE_N_STAGES),
            .quantity = g_test_rand_bit () ? random_quantity () : LODE_QUANTITY_UNSET,
            .unit = LODE_UNIT_NONE,
            .value = random_money (),
            .source = n_sources > 0 && g_test_rand_bit () ? "s0" : NULL,
          };

          if (row.quantity >= 0)
            row.unit = g_test_rand_int_range (1, LODE_UNIT_M3 + 1);
          lode_export_table_append (exports, &row);
        }
    }

  if (g_test_rand_bit ())
    {
      g_autoptr(LodeProject) project = lode_project_new ("p", "Project");
      g_autoptr(LodePartner) partner = lode_partner_new (g_test_rand_bit () ? "Partner" : NULL);

      lode_partner_set_country (partner, random_country ());
      lode_partner_set_share (partner, g_test_rand_bit () ? 1.0 : g_test_rand_double_range (0, 1));
      lode_project_add_partner (project, partner);
      lode_project_set_start_year (project, random_year ());
      lode_project_set_jobs (project, g_test_rand_bit () ? LODE_JOBS_MAX : g_test_rand_int_range (0, 100000));
      lode_project_set_committed (project, random_money ());
      g_list_store_append (projects, project);
    }

  if (g_test_rand_bit ())
    {
      g_autoptr(LodeTarget) target = lode_target_new ("t", "Target");
      int baseline = g_test_rand_int_range (LODE_YEAR_MIN, LODE_YEAR_MAX);

      lode_target_set_metric_destination (target, random_country ());
      lode_target_set_baseline_year (target, baseline);
      lode_target_set_baseline_value (target, random_money ());
      lode_target_set_target_year (target, g_test_rand_int_range (baseline + 1, LODE_YEAR_MAX + 1));
      lode_target_set_target_low (target, 100);
      lode_target_set_target_high (target, 200);
      g_list_store_append (targets, target);
    }

  return portfolio;
}

static void
assert_round_trip (LodePortfolio *portfolio)
{
  g_autoptr(GBytes) bytes = lode_portfolio_to_bytes (portfolio);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(LodePortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  loaded = lode_portfolio_load_data (data, length, "generated.json", &error);
  if (loaded == NULL)
    g_error ("A portfolio the model holds does not load back: %s\n%.*s",
             error->message, (int) MIN (length, 4000), data);

  again = lode_portfolio_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* Random edits of what a generated portfolio holds, through the history,
 * each with a value its rule allows; then undo and redo some. */
static void
random_edits (LodePortfolio *portfolio)
{
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GListModel *sources = G_LIST_MODEL (lode_portfolio_get_sources (portfolio));
  GListModel *projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  LodeExportTable *exports = lode_portfolio_get_exports (portfolio);

  for (guint i = g_test_rand_int_range (0, 8); i > 0; i--)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          if (g_list_model_get_n_items (sources) > 0)
            {
              g_autoptr(GObject) source = g_list_model_get_item (sources, 0);
              g_autofree char *date = random_text ();

              if (!lode_rule_date (date, NULL))
                break;
              g_value_init (&value, G_TYPE_STRING);
              g_value_set_string (&value, date);
              lode_history_set_property (history, "Edit", source, "date", &value);
            }
          break;
        case 1:
          if (g_list_model_get_n_items (projects) > 0)
            {
              g_autoptr(GObject) project = g_list_model_get_item (projects, 0);
              gint64 jobs = random_integer ();

              if (!lode_rule_jobs (jobs, NULL))
                break;
              g_value_init (&value, G_TYPE_INT64);
              g_value_set_int64 (&value, jobs);
              lode_history_set_property (history, "Edit", project, "jobs", &value);
            }
          break;
        case 2:
          if (lode_export_table_get_n_rows (exports) > 0)
            {
              LodeExportRow row;
              guint position = g_test_rand_int_range (0, lode_export_table_get_n_rows (exports));

              lode_export_table_get_row (exports, position, &row);
              row.year = random_year ();
              row.destination = random_country ();
              lode_history_replace_export (history, "Edit", position, &row);
            }
          break;
        default:
          if (lode_history_get_can_undo (history))
            lode_history_undo (history);
          if (g_test_rand_bit () && lode_history_get_can_redo (history))
            lode_history_redo (history);
          break;
        }
    }
}

static void
test_properties_round_trip (void)
{
  for (guint n = 0; n < N_PORTFOLIOS; n++)
    {
      g_autoptr(LodePortfolio) portfolio = random_portfolio (n);

      assert_round_trip (portfolio);
      random_edits (portfolio);
      assert_round_trip (portfolio);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/properties/rules-match-reader/strings", test_properties_strings);
  g_test_add_func ("/lode/properties/rules-match-reader/integers", test_properties_integers);
  g_test_add_func ("/lode/properties/rules-match-reader/numbers", test_properties_numbers);
  g_test_add_func ("/lode/properties/model-round-trip", test_properties_round_trip);

  return g_test_run ();
}
