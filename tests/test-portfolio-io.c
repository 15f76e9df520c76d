/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "lode-portfolio-io.h"

/* A small valid portfolio; each rule case below edits one spot of it. */
static const char base_document[] =
  "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\","
  "\"sources\":[{\"id\":\"src\",\"title\":\"S\"}],"
  "\"minerals\":[{\"id\":\"copper\",\"name\":\"Copper\",\"group\":\"base-metal\","
  "\"reserves\":[{\"quantity\":1,\"unit\":\"Mt\"}]}],"
  "\"exports\":[{\"mineral\":\"copper\",\"year\":2025,\"value_usd\":1.25,\"source\":\"src\"}],"
  "\"projects\":[{\"id\":\"proj\",\"name\":\"P\",\"minerals\":[\"copper\"],"
  "\"partners\":[{\"name\":\"X\",\"share\":0.5}]}],"
  "\"targets\":[{\"id\":\"goal\",\"title\":\"G\",\"metric\":{\"kind\":\"exports\"},"
  "\"baseline\":{\"year\":2025,\"value_usd\":2},"
  "\"target\":{\"year\":2030,\"low_usd\":6,\"high_usd\":8}}]}";

typedef struct
{
  const char *name;
  const char *find;      /* unique in base_document */
  const char *replace;
  const char *expected;  /* "/pointer: message" as it appears in the error */
} RuleCase;

static const RuleCase rule_cases[] = {
  { "missing-format", "\"format\":\"lode-portfolio\",", "",
    "t.json: /format: required member is missing" },
  { "wrong-format", "\"lode-portfolio\"", "\"other\"",
    "t.json: /format: “other” is not a Lode portfolio: expected “lode-portfolio”" },
  { "missing-version", "\"version\":1,", "",
    "t.json: /version: required member is missing" },
  { "version-zero", "\"version\":1", "\"version\":0",
    "t.json: /version: must be format version 1" },
  { "version-string", "\"version\":1", "\"version\":\"1\"",
    "t.json: /version: must be format version 1" },
  { "missing-title", "\"title\":\"T\",", "",
    "t.json: /title: required member is missing" },
  { "title-type", "\"title\":\"T\"", "\"title\":5",
    "t.json: /title: must be a string" },
  { "currency", "\"title\":\"T\",", "\"title\":\"T\",\"currency\":\"EUR\",",
    "t.json: /currency: “EUR” is not supported: amounts are in USD" },
  { "list-not-array", "\"projects\":[{\"id\":\"proj\",\"name\":\"P\",\"minerals\":[\"copper\"],"
    "\"partners\":[{\"name\":\"X\",\"share\":0.5}]}]", "\"projects\":{}",
    "t.json: /projects: must be an array" },
  { "item-not-object", "\"minerals\":[{", "\"minerals\":[5,{",
    "t.json: /minerals/0: must be an object" },
  { "source-missing-id", "{\"id\":\"src\",\"title\":\"S\"}", "{\"title\":\"S\"}",
    "t.json: /sources/0/id: required member is missing" },
  { "source-missing-title", "\"title\":\"S\"", "\"publisher\":\"S\"",
    "t.json: /sources/0/title: required member is missing" },
  { "source-bad-date", "\"title\":\"S\"}", "\"title\":\"S\",\"date\":\"2025-02-30\"}",
    "t.json: /sources/0/date: “2025-02-30” is not a date such as 2025-09-26" },
  { "bad-slug", "\"id\":\"copper\"", "\"id\":\"Copper\"",
    "t.json: /minerals/0/id: “Copper” is not an id: use lowercase letters, digits and "
    "hyphens, starting with a letter or digit" },
  { "empty-id", "\"id\":\"proj\"", "\"id\":\"\"",
    "t.json: /projects/0/id: must not be empty" },
  { "duplicate-id", "\"minerals\":[{", "\"minerals\":[{\"id\":\"copper\",\"name\":\"C\",\"group\":\"other\"},{",
    "t.json: /minerals/1/id: “copper” is already the id of /minerals/0" },
  { "missing-group", ",\"group\":\"base-metal\"", "",
    "t.json: /minerals/0/group: required member is missing" },
  { "unknown-group", "\"base-metal\"", "\"metal\"",
    "t.json: /minerals/0/group: “metal” is not one of: base-metal, precious-metal, ferrous, "
    "light-metal, rare-earth, industrial, energy, other" },
  { "bad-hs-code", "\"group\":\"base-metal\"", "\"group\":\"base-metal\",\"hs_codes\":[\"26O3\"]",
    "t.json: /minerals/0/hs_codes/0: “26O3” is not an HS code of 2, 4 or 6 digits" },
  { "reserve-without-unit", ",\"unit\":\"Mt\"", "",
    "t.json: /minerals/0/reserves/0/unit: required member is missing" },
  { "reserve-negative", "\"quantity\":1,", "\"quantity\":-1,",
    "t.json: /minerals/0/reserves/0/quantity: must be a non-negative number" },
  { "unknown-category", "{\"quantity\":1", "{\"category\":\"possible\",\"quantity\":1",
    "t.json: /minerals/0/reserves/0/category: “possible” is not one of: unspecified, proven, "
    "probable, measured, indicated, inferred" },
  { "unknown-unit", "\"Mt\"", "\"Gt\"",
    "t.json: /minerals/0/reserves/0/unit: “Gt” is not one of: t, kt, Mt, kg, oz, koz, Moz, ct, m3" },
  { "export-missing-mineral", "\"mineral\":\"copper\",", "",
    "t.json: /exports/0/mineral: required member is missing" },
  { "export-dangling-mineral", "\"mineral\":\"copper\"", "\"mineral\":\"tin\"",
    "t.json: /exports/0/mineral: refers to mineral “tin”, which is not in the file" },
  { "export-dangling-source", "\"source\":\"src\"", "\"source\":\"gacc\"",
    "t.json: /exports/0/source: refers to source “gacc”, which is not in the file" },
  { "year-too-early", "\"year\":2025,\"value_usd\":1.25", "\"year\":1799,\"value_usd\":1.25",
    "t.json: /exports/0/year: must be a year from 1800 to 2200" },
  { "year-too-late", "\"year\":2025,\"value_usd\":1.25", "\"year\":2201,\"value_usd\":1.25",
    "t.json: /exports/0/year: must be a year from 1800 to 2200" },
  { "year-fraction", "\"year\":2025,\"value_usd\":1.25", "\"year\":2025.5,\"value_usd\":1.25",
    "t.json: /exports/0/year: must be a year from 1800 to 2200" },
  { "export-missing-year", "\"year\":2025,\"value_usd\":1.25", "\"value_usd\":1.25",
    "t.json: /exports/0/year: required member is missing" },
  { "month-13", "\"year\":2025,\"value_usd\":1.25", "\"year\":2025,\"month\":13,\"value_usd\":1.25",
    "t.json: /exports/0/month: must be a month from 1 to 12" },
  { "month-0", "\"year\":2025,\"value_usd\":1.25", "\"year\":2025,\"month\":0,\"value_usd\":1.25",
    "t.json: /exports/0/month: must be a month from 1 to 12" },
  { "destination-name", "\"value_usd\":1.25", "\"destination\":\"China\",\"value_usd\":1.25",
    "t.json: /exports/0/destination: “China” is not a country code: use ISO 3166-1 alpha-2, "
    "such as CN" },
  { "unknown-stage", "\"value_usd\":1.25", "\"stage\":\"raw\",\"value_usd\":1.25",
    "t.json: /exports/0/stage: “raw” is not one of: ore, concentrate, unrefined, refined, product" },
  { "export-hs-code", "\"value_usd\":1.25", "\"hs_code\":\"74031\",\"value_usd\":1.25",
    "t.json: /exports/0/hs_code: “74031” is not an HS code of 2, 4 or 6 digits" },
  { "negative-value", "\"value_usd\":1.25", "\"value_usd\":-1.25",
    "t.json: /exports/0/value_usd: must be a non-negative number" },
  { "three-decimals", "\"value_usd\":1.25", "\"value_usd\":1.005",
    "t.json: /exports/0/value_usd: must have at most two decimals (whole cents)" },
  { "value-string", "\"value_usd\":1.25", "\"value_usd\":\"1.25\"",
    "t.json: /exports/0/value_usd: must be a non-negative number" },
  { "value-too-large", "\"value_usd\":1.25", "\"value_usd\":1e14",
    "t.json: /exports/0/value_usd: is too large: amounts go up to 70 trillion" },
  { "missing-value", ",\"value_usd\":1.25", "",
    "t.json: /exports/0/value_usd: required member is missing" },
  { "quantity-without-unit", "\"value_usd\":1.25", "\"quantity\":5,\"value_usd\":1.25",
    "t.json: /exports/0/unit: a quantity needs its unit" },
  { "project-dangling-mineral", "\"minerals\":[\"copper\"]", "\"minerals\":[\"tin\"]",
    "t.json: /projects/0/minerals/0: refers to mineral “tin”, which is not in the file" },
  { "unknown-status", "\"name\":\"P\"", "\"name\":\"P\",\"status\":\"dormant\"",
    "t.json: /projects/0/status: “dormant” is not one of: exploration, feasibility, "
    "development, construction, production, suspended, closed" },
  { "share-above-one", "\"share\":0.5", "\"share\":1.5",
    "t.json: /projects/0/partners/0/share: must be at most 1" },
  { "partner-country", "\"name\":\"X\"", "\"name\":\"X\",\"country\":\"cn\"",
    "t.json: /projects/0/partners/0/country: “cn” is not a country code" },
  { "investment-negative", "\"name\":\"P\"", "\"name\":\"P\",\"investment_usd\":{\"committed\":-5}",
    "t.json: /projects/0/investment_usd/committed: must be a non-negative number" },
  { "investment-not-object", "\"name\":\"P\"", "\"name\":\"P\",\"investment_usd\":5",
    "t.json: /projects/0/investment_usd: must be an object" },
  { "jobs-negative", "\"name\":\"P\"", "\"name\":\"P\",\"jobs\":-3",
    "t.json: /projects/0/jobs: must be a whole number of jobs, 0 or more" },
  { "metric-missing-kind", "{\"kind\":\"exports\"}", "{}",
    "t.json: /targets/0/metric/kind: required member is missing" },
  { "unknown-metric-kind", "\"kind\":\"exports\"", "\"kind\":\"imports\"",
    "t.json: /targets/0/metric/kind: “imports” is not one of: exports, investment" },
  { "metric-dangling-mineral", "\"kind\":\"exports\"", "\"kind\":\"exports\",\"mineral\":\"tin\"",
    "t.json: /targets/0/metric/mineral: refers to mineral “tin”, which is not in the file" },
  { "target-missing-baseline", "\"baseline\":{\"year\":2025,\"value_usd\":2},", "",
    "t.json: /targets/0/baseline: required member is missing" },
  { "target-missing-target", ",\"target\":{\"year\":2030,\"low_usd\":6,\"high_usd\":8}", "",
    "t.json: /targets/0/target: required member is missing" },
  { "target-high-below-low", "\"high_usd\":8", "\"high_usd\":5",
    "t.json: /targets/0/target/high_usd: must not be below low_usd" },
  { "target-before-baseline", "\"year\":2030", "\"year\":2020",
    "t.json: /targets/0/target/year: must come after the baseline year" },
};

static char *
apply_case (const RuleCase *rule)
{
  const char *at = strstr (base_document, rule->find);
  GString *text;

  g_assert_nonnull (at);
  /* The spot to edit must be unique. */
  g_assert_null (strstr (at + 1, rule->find));

  text = g_string_new_len (base_document, at - base_document);
  g_string_append (text, rule->replace);
  g_string_append (text, at + strlen (rule->find));

  return g_string_free (text, FALSE);
}

static void
test_base_document_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  portfolio = lode_portfolio_load_data (base_document, strlen (base_document), "t.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
}

static void
test_rule (gconstpointer data)
{
  const RuleCase *rule = data;
  g_autofree char *text = apply_case (rule);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  portfolio = lode_portfolio_load_data (text, strlen (text), "t.json", &error);
  g_assert_null (portfolio);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
  if (strstr (error->message, rule->expected) == NULL)
    g_error ("expected “%s” in:\n%s", rule->expected, error->message);
}

static void
test_newer_version (void)
{
  const char text[] = "{\"format\":\"lode-portfolio\",\"version\":2,\"title\":\"From the future\","
                      "\"exports\":[{\"shape\":\"unknown to us\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  portfolio = lode_portfolio_load_data (text, strlen (text), "new.json", &error);
  g_assert_null (portfolio);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_NEWER_VERSION);
  g_assert_true (g_str_has_prefix (error->message, "new.json: /version: this file was written by "
                                                   "a newer version of Lode (format version 2)"));
}

static void
test_not_an_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;

  portfolio = lode_portfolio_load_data ("[1, 2]", 6, "a.json", &error);
  g_assert_null (portfolio);
  g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "a.json: not a Lode portfolio: the document must be a JSON object");
}

static void
test_syntax_errors (void)
{
  const struct {
    const char *text;
    const char *prefix;
  } cases[] = {
    { "", "e.json:1:1: " },
    { "  \n ", "e.json:" },
    { "{\"format\": \"lode-portfolio\", // note\n}", "e.json:1:30: " },
    { "{\"a\": 1,\n \"b\": 2,\n}", "e.json:2:8: " },
    { "{\"a\": NaN}", "e.json:1:7: " },
    { "\xef\xbb\xbf{}", "e.json:1:1: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;

      portfolio = lode_portfolio_load_data (cases[i].text, strlen (cases[i].text), "e.json", &error);
      g_assert_null (portfolio);
      g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_SYNTAX);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("case %u: expected “%s” at the start of “%s”", i, cases[i].prefix, error->message);
    }
}

/* Several errors are reported at once, each with its place. */
static void
test_several_errors (void)
{
  const char text[] =
    "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\","
    "\"minerals\":[{\"id\":\"cu\",\"name\":\"Cu\",\"group\":\"base-metal\"}],"
    "\"exports\":[{\"mineral\":\"cu\",\"year\":2025,\"value_usd\":-1},"
    "{\"mineral\":\"cu\",\"year\":2025,\"value_usd\":1},"
    "{\"mineral\":\"zz\",\"year\":3000,\"value_usd\":1}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_auto(GStrv) lines = NULL;

  portfolio = lode_portfolio_load_data (text, strlen (text), "m.json", &error);
  g_assert_null (portfolio);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "m.json: /exports/0/value_usd: must be a non-negative number");
  g_assert_true (g_str_has_prefix (lines[1], "m.json: /exports/2/mineral: "));
  g_assert_true (g_str_has_prefix (lines[2], "m.json: /exports/2/year: "));
}

static char *
fixture_path (const char *folder,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
}

static GBytes *
save_to_bytes (LodePortfolio *portfolio)
{
  return lode_portfolio_to_bytes (portfolio);
}

/* Loading and saving a file, then loading and saving the result, gives the
 * same bytes both times. */
static void
check_round_trip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) first = NULL;
  g_autoptr(LodePortfolio) second = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;
  const char *data;
  gsize length;

  first = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lode_portfolio_get_modified (first));

  once = save_to_bytes (first);
  data = g_bytes_get_data (once, &length);
  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (data[length - 1], ==, '\n');

  second = lode_portfolio_load_data (data, length, "resaved", &error);
  g_assert_no_error (error);
  twice = save_to_bytes (second);
  g_assert_true (g_bytes_equal (once, twice));
}

/* Files written before investment events, production and national
 * figures, one that has them all, one with exchange rates, period kinds
 * and original amounts, and one with a member Lode does not know in every
 * item of every list, save to their own bytes. */
static void
test_saved_bytes_unchanged (void)
{
  static const char * const names[] = {
    "sample-before-investments.json", "editors-untouched.json", "empty-lists.json",
    "investments.json", "exchange-rates.json", "unknown-members-every-list.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture_path ("valid", names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("%s", names[i]);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      portfolio = lode_portfolio_load_file (file, NULL, &error);
      g_assert_no_error (error);
      saved = save_to_bytes (portfolio);
      g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), contents, length);
    }
}

static void
test_valid_fixtures (void)
{
  g_autofree char *folder = fixture_path ("valid", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (folder, name, NULL);
      g_test_message ("%s", name);
      check_round_trip (path);
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
}

/* Each line of EXPECTED.tsv: file, then what the error must name. */
static GPtrArray *
read_expected (const char *folder)
{
  g_autofree char *path = fixture_path (folder, "EXPECTED.tsv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }

  return rows;
}

static gboolean
names_place (const char *message,
             const char *place)
{
  for (const char *at = strstr (message, place); at != NULL; at = strstr (at + 1, place))
    {
      char next = at[strlen (place)];

      if (next == ':' || next == '/')
        return TRUE;
    }

  return FALSE;
}

static void
test_invalid_fixtures (void)
{
  g_autoptr(GPtrArray) rows = read_expected ("invalid");

  g_assert_cmpuint (rows->len, >=, 30);
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      g_autofree char *path = fixture_path ("invalid", row[0]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpuint (g_strv_length (row), >=, 2);
      portfolio = lode_portfolio_load_file (file, NULL, &error);
      g_assert_null (portfolio);
      g_assert_nonnull (error);
      g_assert_true (error->domain == LODE_PORTFOLIO_ERROR);

      /* The place named: the pointer of the member or of an object that
       * holds it; for the root, the file name alone. */
      expected = g_strdup_printf ("%s: %s", path, row[1]);
      if (row[1][0] == '\0' ? !g_str_has_prefix (error->message, expected)
                             : !names_place (error->message, expected))
        g_error ("%s: expected “%s” in:\n%s", row[0], expected, error->message);
    }
}

static void
test_syntax_fixtures (void)
{
  g_autoptr(GPtrArray) rows = read_expected ("syntax");

  g_assert_cmpuint (rows->len, >=, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      g_autofree char *path = fixture_path ("syntax", row[0]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autofree char *expected = NULL;

      portfolio = lode_portfolio_load_file (file, NULL, &error);
      g_assert_null (portfolio);
      g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_SYNTAX);
      expected = g_strdup_printf ("%s:%s: ", path, row[1]);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("%s: expected “%s” at the start of:\n%s", row[0], expected, error->message);
    }
}

static void
test_sample (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) resource = NULL;
  LodeMineral *copper;
  LodeExportTable *exports;

  g_assert_cmpstr (lode_portfolio_get_title (sample), ==, "Pakistan minerals (sample)");
  g_assert_false (lode_portfolio_get_modified (sample));

  copper = lode_portfolio_find_mineral (sample, "copper");
  g_assert_nonnull (copper);
  g_assert_cmpstr (lode_mineral_get_name (copper), ==, "Copper");

  exports = lode_portfolio_get_exports (sample);
  g_assert_cmpuint (lode_export_table_get_n_rows (exports), >=, 4);
  for (guint i = 0; i < lode_export_table_get_n_rows (exports); i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (exports, i, &row);
      /* Every figure names its source. */
      g_assert_nonnull (row.source);
      g_assert_nonnull (lode_portfolio_find_source (sample, row.source));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_targets (sample))), >=, 2);

  /* The shipped file is already in the form Lode writes. */
  bytes = lode_portfolio_to_bytes (sample);
  resource = g_resources_lookup_data ("/io/github/lodeapp/Lode/sample/pakistan-minerals.json",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (resource);
  if (!g_bytes_equal (bytes, resource))
    g_test_message ("the sample file differs from how Lode writes it");
  g_assert_true (g_bytes_equal (bytes, resource));
}

/* Unknown members at every level come back unchanged. */
/* json-glib holds 64-bit integers only; an unknown member's integer beyond
 * them is written back digit for digit, not wrapped to another number.
 * Those within 64 bits stay numbers json-glib reads. */
static void
test_unknown_big_integers (void)
{
  const char *numbers[] = {
    "12345678901234567890", "-12345678901234567890", "9223372036854775808",
    "-9223372036854775809", "9223372036854775807", "-9223372036854775808",
    "18446744073709551616", "123456789012345678901234567890", "0", "-0",
  };
  g_autoptr(GString) text = g_string_new ("{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\","
                                          "\"x-ids\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(LodePortfolio) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autofree char *saved = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "," : "", numbers[i]);
  g_string_append (text, "],\"x-string\":\"\\u00ff12\"}");

  portfolio = lode_portfolio_load_data (text->str, text->len, "big.json", &error);
  g_assert_no_error (error);
  bytes = lode_portfolio_to_bytes (portfolio);
  saved = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n    %s%s\n", i == 9 ? "0" : numbers[i],
                                               i + 1 < G_N_ELEMENTS (numbers) ? "," : "");

      g_assert_nonnull (strstr (saved, line));
    }
  /* A string is never taken for a number. */
  g_assert_nonnull (strstr (saved, "\"x-string\": \"\u00ff12\""));

  /* And again, the same bytes. */
  again = lode_portfolio_load_data (saved, strlen (saved), "big.json", &error);
  g_assert_no_error (error);
  bytes_again = lode_portfolio_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

static void
test_unknown_members_kept (void)
{
  const char text[] =
    "{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"T\",\"x-top\":{\"a\":[1,2,{\"b\":null}]},"
    "\"sources\":[{\"id\":\"s\",\"title\":\"S\",\"x-source\":\"kept\"}],"
    "\"minerals\":[{\"id\":\"cu\",\"name\":\"Cu\",\"group\":\"base-metal\",\"x-mineral\":true,"
    "\"reserves\":[{\"quantity\":1.5,\"unit\":\"Mt\",\"x-reserve\":2.5}]}],"
    "\"exports\":[{\"mineral\":\"cu\",\"year\":2025,\"value_usd\":0.07,\"x-export\":[\"a\"]},"
    "{\"mineral\":\"cu\",\"year\":2024,\"value_usd\":3}],"
    "\"projects\":[{\"id\":\"p\",\"name\":\"P\",\"x-project\":\"p\","
    "\"partners\":[{\"name\":\"N\",\"x-partner\":1}],"
    "\"investment_usd\":{\"committed\":5,\"x-investment\":\"i\"}}],"
    "\"targets\":[{\"id\":\"t\",\"title\":\"T\",\"x-target\":\"t\","
    "\"metric\":{\"kind\":\"investment\",\"x-metric\":\"m\"},"
    "\"baseline\":{\"year\":2020,\"value_usd\":1,\"x-baseline\":\"b\"},"
    "\"target\":{\"year\":2030,\"low_usd\":2,\"x-goal\":\"g\"}}]}";
  const char *pointers[] = {
    "/x-top/a/2/b", "/sources/0/x-source", "/minerals/0/x-mineral",
    "/minerals/0/reserves/0/x-reserve", "/exports/0/x-export/0", "/projects/0/x-project",
    "/projects/0/partners/0/x-partner", "/projects/0/investment_usd/x-investment",
    "/targets/0/x-target", "/targets/0/metric/x-metric", "/targets/0/baseline/x-baseline",
    "/targets/0/target/x-goal",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonNode *node;

  portfolio = lode_portfolio_load_data (text, strlen (text), "u.json", &error);
  g_assert_no_error (error);
  bytes = lode_portfolio_to_bytes (portfolio);

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (pointers); i++)
    {
      g_auto(GStrv) parts = g_strsplit (pointers[i] + 1, "/", -1);

      node = json_parser_get_root (parser);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_assert_nonnull (node);
          if (JSON_NODE_HOLDS_ARRAY (node))
            node = json_array_get_element (json_node_get_array (node), atoi (parts[j]));
          else
            node = json_object_get_member (json_node_get_object (node), parts[j]);
        }
      if (node == NULL)
        g_error ("%s is missing after saving:\n%s", pointers[i],
                 (const char *) g_bytes_get_data (bytes, NULL));
    }

  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "sources"), 0),
                     "x-source"), ==, "kept");
  /* Money is written as its exact decimal text. */
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"value_usd\": 0.07,"));
}

static void
test_save_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "p.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "p.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(LodePortfolio) reloaded = NULL;
  g_autoptr(GBytes) expected = lode_portfolio_to_bytes (sample);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);

  g_assert_true (lode_portfolio_save_file (sample, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  /* A second save keeps the first as a backup. */
  lode_portfolio_set_title (sample, "Changed");
  g_assert_true (lode_portfolio_save_file (sample, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  reloaded = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lode_portfolio_get_title (reloaded), ==, "Changed");

  /* A failing save says where and leaves nothing behind. */
  g_assert_false (lode_portfolio_save_file (sample, missing_file, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* Loading what is not there, or a folder, fails with a message. */
  g_assert_null (lode_portfolio_load_file (missing_file, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    g_assert_null (lode_portfolio_load_file (folder, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
    g_clear_error (&error);
  }

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_modified (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(LodeMineral) tin = lode_mineral_new ("tin", "Tin", LODE_MINERAL_GROUP_BASE_METAL);
  LodeMineral *copper;
  LodeExportRow row = {
    .mineral = "copper", .year = 2026, .quantity = LODE_QUANTITY_UNSET, .value = 100,
  };

  g_assert_false (lode_portfolio_get_modified (sample));
  lode_portfolio_set_title (sample, "Pakistan minerals (sample)");
  g_assert_false (lode_portfolio_get_modified (sample));

  lode_portfolio_set_title (sample, "Edited");
  g_assert_true (lode_portfolio_get_modified (sample));

  lode_portfolio_set_modified (sample, FALSE);
  g_list_store_append (lode_portfolio_get_minerals (sample), tin);
  g_assert_true (lode_portfolio_get_modified (sample));

  /* An edit inside a listed object counts too. */
  lode_portfolio_set_modified (sample, FALSE);
  copper = lode_portfolio_find_mineral (sample, "copper");
  lode_mineral_set_symbol (copper, "CU");
  g_assert_true (lode_portfolio_get_modified (sample));

  lode_portfolio_set_modified (sample, FALSE);
  lode_export_table_append (lode_portfolio_get_exports (sample), &row);
  g_assert_true (lode_portfolio_get_modified (sample));
}

/* Exact money through the whole path: ten thousand records read from text
 * total the exact sum of their cents. */
static void
test_exact_total_through_loader (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"lode-portfolio\",\"version\":1,\"title\":\"M\","
                                          "\"minerals\":[{\"id\":\"cu\",\"name\":\"Cu\",\"group\":\"base-metal\"}],"
                                          "\"exports\":[");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = NULL;
  gint64 exact = 0;

  for (guint i = 0; i < 10000; i++)
    {
      gint64 dollars = g_rand_int_range (rand, 0, 2000000000);
      int cents = g_rand_int_range (rand, 0, 100);

      g_string_append_printf (text, "%s{\"mineral\":\"cu\",\"year\":2025,\"value_usd\":%" G_GINT64_FORMAT ".%02d}",
                              i > 0 ? "," : "", dollars, cents);
      exact += dollars * 100 + cents;
    }
  g_string_append (text, "]}");

  portfolio = lode_portfolio_load_data (text->str, text->len, "m.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lode_export_table_get_total (lode_portfolio_get_exports (portfolio)), ==, exact);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/portfolio-io/base-document", test_base_document_is_valid);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lode/portfolio-io/rule/%s", rule_cases[i].name);

      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }
  g_test_add_func ("/lode/portfolio-io/newer-version", test_newer_version);
  g_test_add_func ("/lode/portfolio-io/not-an-object", test_not_an_object);
  g_test_add_func ("/lode/portfolio-io/syntax-errors", test_syntax_errors);
  g_test_add_func ("/lode/portfolio-io/several-errors", test_several_errors);
  g_test_add_func ("/lode/portfolio-io/valid-fixtures", test_valid_fixtures);
  g_test_add_func ("/lode/portfolio-io/saved-bytes-unchanged", test_saved_bytes_unchanged);
  g_test_add_func ("/lode/portfolio-io/invalid-fixtures", test_invalid_fixtures);
  g_test_add_func ("/lode/portfolio-io/syntax-fixtures", test_syntax_fixtures);
  g_test_add_func ("/lode/portfolio-io/sample", test_sample);
  g_test_add_func ("/lode/portfolio-io/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/lode/portfolio-io/unknown-big-integers", test_unknown_big_integers);
  g_test_add_func ("/lode/portfolio-io/save-file", test_save_file);
  g_test_add_func ("/lode/portfolio-io/modified", test_modified);
  g_test_add_func ("/lode/portfolio-io/exact-total-through-loader", test_exact_total_through_loader);

  return g_test_run ();
}
