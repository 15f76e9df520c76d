/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-enums.h"
#include "lode-exchange-rate.h"
#include "lode-investment.h"
#include "lode-kind-names.h"
#include "lode-mineral.h"
#include "lode-national-figure.h"
#include "lode-partner.h"
#include "lode-production.h"
#include "lode-project.h"
#include "lode-reserve.h"
#include "lode-source.h"
#include "lode-target.h"

/* Counts "notify" emissions for one property. */
typedef struct
{
  GObject *object;
  gulong   handler;
  guint    count;
} Watch;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Watch      *watch)
{
  watch->count++;
}

static void
watch_start (Watch      *watch,
             gpointer    object,
             const char *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));

  watch->object = object;
  watch->count = 0;
  watch->handler = g_signal_connect (object, signal, G_CALLBACK (on_notify), watch);
}

static void
watch_stop (Watch *watch)
{
  g_clear_signal_handler (&watch->handler, watch->object);
}

/* Enumerations */

typedef struct
{
  const char  *absent;   /* nick of the value standing for absence, or NULL */
  const char  *nicks[16];
} EnumCase;

/* The strings of portfolio format v1, in the order of the C values; the
 * value for absence, if any, comes first. */
static const EnumCase enum_cases[] = {
  { NULL, { "base-metal", "precious-metal", "ferrous", "light-metal",
            "rare-earth", "industrial", "energy", "other", NULL } },
  { NULL, { "unspecified", "proven", "probable", "measured", "indicated",
            "inferred", NULL } },
  { "unknown", { "ore", "concentrate", "unrefined", "refined", "product", NULL } },
  { "unknown", { "exploration", "feasibility", "development",
                 "construction", "production", "suspended", "closed", NULL } },
  { NULL, { "exports", "investment", NULL } },
  { "none", { "t", "kt", "Mt", "kg", "oz", "koz", "Moz", "ct", "m3", NULL } },
  { "unknown", { "announced", "agreed", "committed", "disbursed", "withdrawn", NULL } },
  { "unknown", { "reserve-value", "mineral-exports", "bilateral-trade", "investment-target",
                 "other", NULL } },
};

static GType
enum_case_type (guint i)
{
  switch (i)
    {
    case 0: return LODE_TYPE_MINERAL_GROUP;
    case 1: return LODE_TYPE_RESERVE_CATEGORY;
    case 2: return LODE_TYPE_STAGE;
    case 3: return LODE_TYPE_PROJECT_STATUS;
    case 4: return LODE_TYPE_METRIC_KIND;
    case 5: return LODE_TYPE_UNIT;
    case 6: return LODE_TYPE_INVESTMENT_KIND;
    case 7: return LODE_TYPE_FIGURE_KIND;
    default: g_assert_not_reached ();
    }
}

static void
test_enums_nicks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_cases); i++)
    {
      const EnumCase *c = &enum_cases[i];
      GType type = enum_case_type (i);
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      int first = c->absent != NULL ? 1 : 0;
      guint n_nicks = g_strv_length ((char **) c->nicks);

      /* No value the format does not know. */
      g_assert_cmpuint (G_ENUM_CLASS (klass)->n_values, ==, n_nicks + first);

      for (guint j = 0; j < n_nicks; j++)
        {
          int value = -1;

          g_assert_cmpstr (lode_enum_to_nick (type, first + j), ==, c->nicks[j]);
          g_assert_true (lode_enum_from_nick (type, c->nicks[j], &value));
          g_assert_cmpint (value, ==, first + j);
        }

      /* The value standing for absence has no string. */
      if (c->absent != NULL)
        {
          int value = -1;

          g_assert_null (lode_enum_to_nick (type, 0));
          g_assert_false (lode_enum_from_nick (type, c->absent, &value));
          g_assert_cmpint (value, ==, -1);
        }

      g_assert_null (lode_enum_to_nick (type, first + n_nicks));
      g_assert_null (lode_enum_to_nick (type, -1));
    }

  /* Spot checks against the C names. */
  g_assert_cmpstr (lode_enum_to_nick (LODE_TYPE_MINERAL_GROUP, LODE_MINERAL_GROUP_RARE_EARTH), ==, "rare-earth");
  g_assert_cmpstr (lode_enum_to_nick (LODE_TYPE_UNIT, LODE_UNIT_MT), ==, "Mt");
  g_assert_cmpstr (lode_enum_to_nick (LODE_TYPE_UNIT, LODE_UNIT_MOZ), ==, "Moz");
  g_assert_cmpstr (lode_enum_to_nick (LODE_TYPE_STAGE, LODE_STAGE_REFINED), ==, "refined");
  g_assert_cmpstr (lode_enum_to_nick (LODE_TYPE_RESERVE_CATEGORY, LODE_RESERVE_CATEGORY_UNSPECIFIED), ==, "unspecified");
  g_assert_cmpstr (lode_enum_to_nick (LODE_TYPE_METRIC_KIND, LODE_METRIC_KIND_INVESTMENT), ==, "investment");
  g_assert_cmpstr (lode_enum_to_nick (LODE_TYPE_PROJECT_STATUS, LODE_PROJECT_STATUS_CLOSED), ==, "closed");
}

static void
test_enums_unknown (void)
{
  const char *refused[] = {
    "", "Base-metal", "base_metal", "BASE_METAL", "LODE_MINERAL_GROUP_BASE_METAL",
    " base-metal", "base-metal ", "metal",
  };
  int value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (lode_enum_from_nick (LODE_TYPE_MINERAL_GROUP, refused[i], &value));

  /* Case matters: "Mt" is a megatonne, "mt" nothing. */
  g_assert_false (lode_enum_from_nick (LODE_TYPE_UNIT, "mt", &value));
  g_assert_false (lode_enum_from_nick (LODE_TYPE_UNIT, "MT", &value));
  g_assert_false (lode_enum_from_nick (LODE_TYPE_UNIT, "MOZ", &value));
  g_assert_false (lode_enum_from_nick (LODE_TYPE_UNIT, "m³", &value));
  g_assert_false (lode_enum_from_nick (LODE_TYPE_UNIT, "tonnes", &value));
  g_assert_false (lode_enum_from_nick (LODE_TYPE_UNIT, NULL, &value));

  /* A nick of another enumeration. */
  g_assert_false (lode_enum_from_nick (LODE_TYPE_STAGE, "base-metal", &value));
  g_assert_false (lode_enum_from_nick (LODE_TYPE_RESERVE_CATEGORY, "exports", &value));
  g_assert_cmpint (value, ==, -1);

  /* The result may be NULL when only validity matters. */
  g_assert_true (lode_enum_from_nick (LODE_TYPE_UNIT, "koz", NULL));
}

/* Properties */

/* A value of @pspec's type that differs from its default. */
static void
init_other_value (GParamSpec *pspec,
                  GValue     *value)
{
  static const char * const strv[] = { "copper", "gold", NULL };
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  /* The model holds only values its rules allow (lode-rules.h). */
  if (type == G_TYPE_STRING && g_str_equal (pspec->name, "date"))
    g_value_set_string (value, "2025-09-26");
  else if (type == G_TYPE_STRING &&
           (g_str_has_suffix (pspec->name, "country") || g_str_has_suffix (pspec->name, "destination")))
    g_value_set_string (value, "CN");
  else if (type == G_TYPE_STRING && g_str_has_suffix (pspec->name, "currency"))
    g_value_set_string (value, "PKR");
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, "some-text");
  else if (type == G_TYPE_STRV)
    g_value_set_boxed (value, strv);
  else if (type == G_TYPE_INT && g_str_equal (pspec->name, "month"))
    g_value_set_int (value, 7);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, 2030);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, 123456);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, 0.25);
  else if (type == LODE_TYPE_INVESTMENT_KIND && g_str_equal (pspec->name, "metric-investment"))
    g_value_set_enum (value, LODE_INVESTMENT_KIND_DISBURSED);  /* a target measures one of two */
  else if (G_TYPE_IS_ENUM (type))
    {
      GParamSpecEnum *enum_pspec = G_PARAM_SPEC_ENUM (pspec);
      GEnumClass *enum_class = enum_pspec->enum_class;

      for (guint i = 0; i < enum_class->n_values; i++)
        if (enum_class->values[i].value != enum_pspec->default_value)
          {
            g_value_set_enum (value, enum_class->values[i].value);
            break;
          }
    }
  else
    g_error ("No test value for %s of type %s", pspec->name, g_type_name (type));

  g_assert_false (g_param_value_defaults (pspec, value));
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Every property listed, and no other; every writable one starts at its
 * default, takes a new value with one notification, and a second time
 * without any. */
static void
check_properties (GObject            *object,
                  const char * const *writable,
                  const char * const *readable)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, g_strv_length ((char **) writable) +
                                  (readable != NULL ? g_strv_length ((char **) readable) : 0));

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_READABLE);

      if (pspec->flags & G_PARAM_WRITABLE)
        g_assert_true (g_strv_contains (writable, pspec->name));
      else
        g_assert_true (readable != NULL && g_strv_contains (readable, pspec->name));
    }

  for (guint i = 0; writable[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), writable[i]);
      g_auto(GValue) initial = G_VALUE_INIT;
      g_auto(GValue) other = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      Watch watch;

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_WRITABLE);

      g_value_init (&initial, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, writable[i], &initial);
      g_assert_true (g_param_value_defaults (pspec, &initial));

      init_other_value (pspec, &other);

      watch_start (&watch, object, writable[i]);

      g_object_set_property (object, writable[i], &other);
      g_assert_cmpuint (watch.count, ==, 1);

      g_value_init (&read, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, writable[i], &read);
      g_assert_true (values_equal (pspec, &read, &other));

      g_object_set_property (object, writable[i], &other);
      g_assert_cmpuint (watch.count, ==, 1);

      /* Back to the default: once more. */
      g_object_set_property (object, writable[i], &initial);
      g_assert_cmpuint (watch.count, ==, 2);

      watch_stop (&watch);
    }
}

static void
test_properties_all (void)
{
  const char * const source[] = { "id", "title", "publisher", "date", "url", NULL };
  const char * const reserve[] = { "category", "quantity", "unit", "value", "year", "source", NULL };
  const char * const mineral[] = { "id", "name", "symbol", "group", "hs-codes", NULL };
  const char * const mineral_ro[] = { "reserves", "reserve-value", NULL };
  const char * const partner[] = { "name", "country", "share", NULL };
  const char * const project[] = { "id", "name", "minerals", "region", "operator", "status",
                                   "committed", "disbursed", "start-year", "jobs", "source", NULL };
  const char * const project_ro[] = { "partners", NULL };
  const char * const target[] = { "id", "title", "metric-kind", "metric-mineral",
                                  "metric-destination", "metric-investment",
                                  "metric-investor-country", "baseline-year", "baseline-value",
                                  "target-year", "target-low", "target-high", "source",
                                  "period", NULL };
  g_autoptr(GObject) s = g_object_new (LODE_TYPE_SOURCE, NULL);
  g_autoptr(GObject) r = g_object_new (LODE_TYPE_RESERVE, NULL);
  g_autoptr(GObject) m = g_object_new (LODE_TYPE_MINERAL, NULL);
  g_autoptr(GObject) pa = g_object_new (LODE_TYPE_PARTNER, NULL);
  g_autoptr(GObject) pr = g_object_new (LODE_TYPE_PROJECT, NULL);
  g_autoptr(GObject) t = g_object_new (LODE_TYPE_TARGET, NULL);
  const char * const investment[] = { "project", "investor", "investor-country", "kind", "value",
                                      "date", "minerals", "source", "note", "original-currency",
                                      "original-amount", NULL };
  const char * const rate[] = { "currency", "year", "month", "period", "rate", "source", "note",
                                NULL };
  g_autoptr(GObject) x = g_object_new (LODE_TYPE_EXCHANGE_RATE, NULL);
  const char * const production[] = { "mineral", "project", "year", "quantity", "unit", "source",
                                      "note", NULL };
  const char * const figure[] = { "kind", "country", "year", "value", "change", "note", "source",
                                  NULL };
  g_autoptr(GObject) i = g_object_new (LODE_TYPE_INVESTMENT, NULL);
  g_autoptr(GObject) pd = g_object_new (LODE_TYPE_PRODUCTION, NULL);
  g_autoptr(GObject) f = g_object_new (LODE_TYPE_NATIONAL_FIGURE, NULL);

  check_properties (i, investment, NULL);
  check_properties (x, rate, NULL);
  check_properties (pd, production, NULL);
  check_properties (f, figure, NULL);
  check_properties (s, source, NULL);
  check_properties (r, reserve, NULL);
  check_properties (m, mineral, mineral_ro);
  check_properties (pa, partner, NULL);
  check_properties (pr, project, project_ro);
  check_properties (t, target, NULL);
}

static void
test_properties_defaults (void)
{
  g_autoptr(LodeReserve) reserve = lode_reserve_new (LODE_RESERVE_CATEGORY_INDICATED, 5.9, LODE_UNIT_MT);
  g_autoptr(LodeReserve) blank = g_object_new (LODE_TYPE_RESERVE, NULL);
  g_autoptr(LodePartner) partner = lode_partner_new ("Metallurgical Corporation of China");
  g_autoptr(LodeProject) project = lode_project_new ("saindak", "Saindak");
  g_autoptr(LodeTarget) target = lode_target_new ("mineral-exports-2030", "Mineral exports");
  g_autoptr(LodeMineral) mineral = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(LodeSource) source = lode_source_new ("gacc-2025", "Customs statistics");

  g_assert_cmpint (lode_reserve_get_category (reserve), ==, LODE_RESERVE_CATEGORY_INDICATED);
  g_assert_cmpfloat (lode_reserve_get_quantity (reserve), ==, 5.9);
  g_assert_cmpint (lode_reserve_get_unit (reserve), ==, LODE_UNIT_MT);
  g_assert_cmpint (lode_reserve_get_value (reserve), ==, LODE_MONEY_UNSET);
  g_assert_cmpint (lode_reserve_get_year (reserve), ==, 0);
  g_assert_null (lode_reserve_get_source (reserve));
  g_assert_null (lode_reserve_get_extra (reserve));

  g_assert_cmpint (lode_reserve_get_category (blank), ==, LODE_RESERVE_CATEGORY_UNSPECIFIED);
  g_assert_cmpfloat (lode_reserve_get_quantity (blank), ==, -1.0);
  g_assert_cmpint (lode_reserve_get_unit (blank), ==, LODE_UNIT_NONE);

  g_assert_cmpstr (lode_partner_get_name (partner), ==, "Metallurgical Corporation of China");
  g_assert_null (lode_partner_get_country (partner));
  g_assert_cmpfloat (lode_partner_get_share (partner), ==, LODE_SHARE_UNSET);

  g_assert_cmpstr (lode_project_get_id (project), ==, "saindak");
  g_assert_cmpstr (lode_project_get_name (project), ==, "Saindak");
  g_assert_null (lode_project_get_minerals (project));
  g_assert_cmpint (lode_project_get_status (project), ==, LODE_PROJECT_STATUS_UNKNOWN);
  g_assert_cmpint (lode_project_get_committed (project), ==, LODE_MONEY_UNSET);
  g_assert_cmpint (lode_project_get_disbursed (project), ==, LODE_MONEY_UNSET);
  g_assert_cmpint (lode_project_get_start_year (project), ==, 0);
  g_assert_cmpint (lode_project_get_jobs (project), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (lode_project_get_partners (project)), ==, 0);
  g_assert_true (g_list_model_get_item_type (lode_project_get_partners (project)) == LODE_TYPE_PARTNER);

  g_assert_cmpstr (lode_target_get_id (target), ==, "mineral-exports-2030");
  g_assert_cmpstr (lode_target_get_title (target), ==, "Mineral exports");
  g_assert_cmpint (lode_target_get_metric_kind (target), ==, LODE_METRIC_KIND_EXPORTS);
  g_assert_null (lode_target_get_metric_mineral (target));
  g_assert_null (lode_target_get_metric_destination (target));
  g_assert_cmpint (lode_target_get_baseline_value (target), ==, LODE_MONEY_UNSET);
  g_assert_cmpint (lode_target_get_target_low (target), ==, LODE_MONEY_UNSET);
  g_assert_cmpint (lode_target_get_target_high (target), ==, LODE_MONEY_UNSET);

  g_assert_cmpstr (lode_mineral_get_id (mineral), ==, "copper");
  g_assert_cmpstr (lode_mineral_get_name (mineral), ==, "Copper");
  g_assert_cmpint (lode_mineral_get_group (mineral), ==, LODE_MINERAL_GROUP_BASE_METAL);
  g_assert_null (lode_mineral_get_symbol (mineral));
  g_assert_null (lode_mineral_get_hs_codes (mineral));
  g_assert_cmpint (lode_mineral_get_reserve_value (mineral), ==, 0);
  g_assert_true (g_list_model_get_item_type (lode_mineral_get_reserves (mineral)) == LODE_TYPE_RESERVE);

  g_assert_cmpstr (lode_source_get_id (source), ==, "gacc-2025");
  g_assert_cmpstr (lode_source_get_title (source), ==, "Customs statistics");
  g_assert_null (lode_source_get_publisher (source));
  g_assert_null (lode_source_get_date (source));
  g_assert_null (lode_source_get_url (source));
}

static void
test_properties_setters (void)
{
  g_autoptr(LodeSource) source = lode_source_new ("gacc-2025", "");
  g_autoptr(LodeProject) project = lode_project_new ("saindak", "Saindak");
  g_autoptr(LodeTarget) target = lode_target_new ("t", "T");
  g_autofree char *title = g_strdup ("Customs statistics");
  Watch watch;

  /* An empty string is no string. */
  g_assert_null (lode_source_get_title (source));

  watch_start (&watch, source, "title");
  lode_source_set_title (source, "");
  g_assert_cmpuint (watch.count, ==, 0);
  lode_source_set_title (source, NULL);
  g_assert_cmpuint (watch.count, ==, 0);
  lode_source_set_title (source, title);
  g_assert_cmpuint (watch.count, ==, 1);
  g_assert_cmpstr (lode_source_get_title (source), ==, "Customs statistics");
  g_assert_true (lode_source_get_title (source) != title);
  lode_source_set_title (source, "Customs statistics");
  g_assert_cmpuint (watch.count, ==, 1);
  /* Setting a string to itself keeps it. */
  lode_source_set_title (source, lode_source_get_title (source));
  g_assert_cmpuint (watch.count, ==, 1);
  g_assert_cmpstr (lode_source_get_title (source), ==, "Customs statistics");
  lode_source_set_title (source, "");
  g_assert_cmpuint (watch.count, ==, 2);
  g_assert_null (lode_source_get_title (source));
  watch_stop (&watch);

  g_object_set (source, "url", "", NULL);
  g_assert_null (lode_source_get_url (source));

  /* Other setters notify their own property only. */
  watch_start (&watch, project, "committed");
  lode_project_set_disbursed (project, 20000000000);
  lode_project_set_jobs (project, 5200);
  lode_project_set_start_year (project, 1995);
  lode_project_set_operator (project, "MCC Resources Development");
  lode_project_set_status (project, LODE_PROJECT_STATUS_PRODUCTION);
  g_assert_cmpuint (watch.count, ==, 0);
  lode_project_set_committed (project, 35000000000);
  lode_project_set_committed (project, 35000000000);
  g_assert_cmpuint (watch.count, ==, 1);
  lode_project_set_committed (project, LODE_MONEY_UNSET);
  g_assert_cmpuint (watch.count, ==, 2);
  watch_stop (&watch);

  g_assert_cmpint (lode_project_get_disbursed (project), ==, 20000000000);
  g_assert_cmpint (lode_project_get_jobs (project), ==, 5200);
  g_assert_cmpint (lode_project_get_start_year (project), ==, 1995);
  g_assert_cmpstr (lode_project_get_operator (project), ==, "MCC Resources Development");
  g_assert_cmpint (lode_project_get_status (project), ==, LODE_PROJECT_STATUS_PRODUCTION);

  watch_start (&watch, target, "metric-kind");
  lode_target_set_metric_kind (target, LODE_METRIC_KIND_EXPORTS);
  g_assert_cmpuint (watch.count, ==, 0);
  lode_target_set_metric_kind (target, LODE_METRIC_KIND_INVESTMENT);
  g_assert_cmpuint (watch.count, ==, 1);
  watch_stop (&watch);

  watch_start (&watch, target, "target-high");
  lode_target_set_target_low (target, 600000000000);
  g_assert_cmpuint (watch.count, ==, 0);
  lode_target_set_target_high (target, LODE_MONEY_MAX);
  lode_target_set_target_high (target, LODE_MONEY_MAX);
  g_assert_cmpuint (watch.count, ==, 1);
  g_assert_cmpint (lode_target_get_target_high (target), ==, LODE_MONEY_MAX);
  watch_stop (&watch);
}

static void
test_properties_strv (void)
{
  const char * const codes[] = { "2603", "7403", NULL };
  const char * const same_codes[] = { "2603", "7403", NULL };
  const char * const fewer_codes[] = { "2603", NULL };
  const char * const none[] = { NULL };
  g_autoptr(LodeMineral) mineral = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(LodeProject) project = lode_project_new ("saindak", "Saindak");
  g_auto(GStrv) read = NULL;
  Watch watch;

  watch_start (&watch, mineral, "hs-codes");

  /* Empty and NULL are alike. */
  lode_mineral_set_hs_codes (mineral, none);
  g_assert_cmpuint (watch.count, ==, 0);
  g_assert_null (lode_mineral_get_hs_codes (mineral));

  lode_mineral_set_hs_codes (mineral, codes);
  g_assert_cmpuint (watch.count, ==, 1);
  g_assert_true (lode_mineral_get_hs_codes (mineral) != codes);
  g_assert_true (g_strv_equal (lode_mineral_get_hs_codes (mineral), codes));

  /* Equal contents in another array: no change. */
  lode_mineral_set_hs_codes (mineral, same_codes);
  g_assert_cmpuint (watch.count, ==, 1);

  lode_mineral_set_hs_codes (mineral, fewer_codes);
  g_assert_cmpuint (watch.count, ==, 2);

  g_object_get (mineral, "hs-codes", &read, NULL);
  g_assert_true (g_strv_equal ((const char * const *) read, fewer_codes));

  lode_mineral_set_hs_codes (mineral, none);
  g_assert_cmpuint (watch.count, ==, 3);
  g_assert_null (lode_mineral_get_hs_codes (mineral));
  lode_mineral_set_hs_codes (mineral, NULL);
  g_assert_cmpuint (watch.count, ==, 3);

  watch_stop (&watch);

  watch_start (&watch, project, "minerals");
  g_object_set (project, "minerals", codes, NULL);
  g_object_set (project, "minerals", same_codes, NULL);
  g_assert_cmpuint (watch.count, ==, 1);
  g_assert_true (g_strv_equal (lode_project_get_minerals (project), codes));
  lode_project_set_minerals (project, NULL);
  g_assert_cmpuint (watch.count, ==, 2);
  g_assert_null (lode_project_get_minerals (project));
  watch_stop (&watch);
}

static void
test_properties_extra (void)
{
  g_autoptr(LodeSource) source = lode_source_new ("s", "S");
  g_autoptr(LodeProject) project = lode_project_new ("p", "P");
  g_autoptr(LodeTarget) target = lode_target_new ("t", "T");
  JsonObject *extra = json_object_new ();
  JsonObject *other = json_object_new ();

  json_object_set_string_member (extra, "note", "kept");

  lode_source_set_extra (source, extra);
  lode_project_set_investment_extra (project, extra);
  lode_target_set_extra (target, LODE_TARGET_EXTRA_BASELINE, extra);
  lode_target_set_extra (target, LODE_TARGET_EXTRA_SELF, other);
  json_object_unref (extra);
  json_object_unref (other);

  /* The objects keep their own reference. */
  g_assert_true (lode_source_get_extra (source) == extra);
  g_assert_cmpstr (json_object_get_string_member (lode_source_get_extra (source), "note"), ==, "kept");
  g_assert_true (lode_project_get_investment_extra (project) == extra);
  g_assert_null (lode_project_get_extra (project));
  g_assert_true (lode_target_get_extra (target, LODE_TARGET_EXTRA_BASELINE) == extra);
  g_assert_true (lode_target_get_extra (target, LODE_TARGET_EXTRA_SELF) == other);
  g_assert_null (lode_target_get_extra (target, LODE_TARGET_EXTRA_METRIC));
  g_assert_null (lode_target_get_extra (target, LODE_TARGET_EXTRA_TARGET));

  /* Setting the same object again keeps it alive. */
  lode_source_set_extra (source, lode_source_get_extra (source));
  g_assert_cmpstr (json_object_get_string_member (lode_source_get_extra (source), "note"), ==, "kept");

  lode_source_set_extra (source, NULL);
  g_assert_null (lode_source_get_extra (source));
  lode_target_set_extra (target, LODE_TARGET_EXTRA_SELF, NULL);
  g_assert_null (lode_target_get_extra (target, LODE_TARGET_EXTRA_SELF));
  g_assert_true (lode_target_get_extra (target, LODE_TARGET_EXTRA_BASELINE) == extra);
}

/* Lists */

static void
test_mineral_reserves (void)
{
  g_autoptr(LodeMineral) mineral = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(LodeReserve) indicated = lode_reserve_new (LODE_RESERVE_CATEGORY_INDICATED, 5.9, LODE_UNIT_MT);
  g_autoptr(LodeReserve) inferred = lode_reserve_new (LODE_RESERVE_CATEGORY_INFERRED, 12.0, LODE_UNIT_MT);
  g_autoptr(LodeReserve) proven = lode_reserve_new (LODE_RESERVE_CATEGORY_PROVEN, 1.5, LODE_UNIT_MT);
  GListModel *reserves = lode_mineral_get_reserves (mineral);
  g_autoptr(LodeReserve) item = NULL;
  Watch list_watch;
  Watch value_watch;
  gint64 value = -1;

  lode_reserve_set_value (indicated, 12000000000000);
  lode_reserve_set_value (proven, 25050);

  watch_start (&list_watch, mineral, "reserves");
  watch_start (&value_watch, mineral, "reserve-value");

  lode_mineral_add_reserve (mineral, indicated);
  g_assert_cmpuint (list_watch.count, ==, 1);
  g_assert_cmpuint (value_watch.count, ==, 1);
  lode_mineral_add_reserve (mineral, inferred);
  lode_mineral_add_reserve (mineral, proven);
  g_assert_cmpuint (list_watch.count, ==, 3);
  g_assert_cmpuint (value_watch.count, ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (reserves), ==, 3);
  item = g_list_model_get_item (reserves, 1);
  g_assert_true (item == inferred);

  /* Only the values that are set count. */
  g_assert_cmpint (lode_mineral_get_reserve_value (mineral), ==, 12000000025050);
  g_object_get (mineral, "reserve-value", &value, NULL);
  g_assert_cmpint (value, ==, 12000000025050);

  /* An edit inside a reserve is an edit of the mineral's reserves. */
  lode_reserve_set_quantity (inferred, 13.0);
  g_assert_cmpuint (list_watch.count, ==, 4);
  g_assert_cmpuint (value_watch.count, ==, 3);
  lode_reserve_set_quantity (inferred, 13.0);
  g_assert_cmpuint (list_watch.count, ==, 4);

  lode_reserve_set_value (inferred, 100);
  g_assert_cmpuint (list_watch.count, ==, 5);
  g_assert_cmpuint (value_watch.count, ==, 4);
  g_assert_cmpint (lode_mineral_get_reserve_value (mineral), ==, 12000000025150);

  lode_mineral_remove_reserve (mineral, 0);
  g_assert_cmpuint (list_watch.count, ==, 6);
  g_assert_cmpuint (value_watch.count, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (reserves), ==, 2);
  g_assert_cmpint (lode_mineral_get_reserve_value (mineral), ==, 25150);

  /* A removed reserve is no longer watched. */
  lode_reserve_set_value (indicated, 1);
  g_assert_cmpuint (list_watch.count, ==, 6);
  g_assert_cmpuint (value_watch.count, ==, 5);

  /* A reserve listed twice is watched once, until its last removal. */
  lode_mineral_add_reserve (mineral, proven);
  g_assert_cmpuint (list_watch.count, ==, 7);
  lode_reserve_set_year (proven, 2024);
  g_assert_cmpuint (list_watch.count, ==, 8);
  lode_mineral_remove_reserve (mineral, 2);
  g_assert_cmpuint (list_watch.count, ==, 9);
  lode_reserve_set_year (proven, 2025);
  g_assert_cmpuint (list_watch.count, ==, 10);

  watch_stop (&list_watch);
  watch_stop (&value_watch);
}

static void
test_mineral_outlived (void)
{
  g_autoptr(LodeReserve) reserve = lode_reserve_new (LODE_RESERVE_CATEGORY_PROVEN, 1.0, LODE_UNIT_T);
  LodeMineral *mineral = lode_mineral_new ("gold", "Gold", LODE_MINERAL_GROUP_PRECIOUS_METAL);

  g_object_add_weak_pointer (G_OBJECT (mineral), (gpointer *) &mineral);
  lode_mineral_add_reserve (mineral, reserve);
  g_object_unref (mineral);
  g_assert_null (mineral);

  /* The reserve outlives its mineral and still works. */
  lode_reserve_set_value (reserve, 500);
  g_assert_cmpint (lode_reserve_get_value (reserve), ==, 500);
}

static void
test_project_partners (void)
{
  g_autoptr(LodeProject) project = lode_project_new ("saindak", "Saindak");
  g_autoptr(LodePartner) mcc = lode_partner_new ("MCC");
  g_autoptr(LodePartner) state = lode_partner_new ("Government of Pakistan");
  GListModel *partners = lode_project_get_partners (project);
  g_autoptr(GListModel) read = NULL;
  Watch watch;

  watch_start (&watch, project, "partners");

  lode_project_add_partner (project, mcc);
  lode_project_add_partner (project, state);
  g_assert_cmpuint (watch.count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);

  g_object_get (project, "partners", &read, NULL);
  g_assert_true (read == partners);

  lode_partner_set_country (mcc, "CN");
  lode_partner_set_share (mcc, 0.5);
  lode_partner_set_share (mcc, 0.5);
  g_assert_cmpuint (watch.count, ==, 4);
  g_assert_cmpstr (lode_partner_get_country (mcc), ==, "CN");
  g_assert_cmpfloat (lode_partner_get_share (mcc), ==, 0.5);

  lode_project_remove_partner (project, 0);
  g_assert_cmpuint (watch.count, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 1);

  lode_partner_set_name (mcc, "Metallurgical Corporation of China");
  g_assert_cmpuint (watch.count, ==, 5);
  lode_partner_set_country (state, "PK");
  g_assert_cmpuint (watch.count, ==, 6);

  watch_stop (&watch);
}

/* Targets */

static void
test_target_growth (void)
{
  g_autoptr(LodeTarget) target = lode_target_new ("mineral-exports-2030", "Mineral exports");
  double rate = -1.0;

  g_assert_false (lode_target_required_growth (target, FALSE, &rate));

  /* $2 B in 2025 to $6–8 B by 2030. */
  lode_target_set_baseline_year (target, 2025);
  lode_target_set_baseline_value (target, 200000000000);
  lode_target_set_target_year (target, 2030);
  lode_target_set_target_low (target, 600000000000);

  g_assert_true (lode_target_required_growth (target, FALSE, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.245731, 1e-6);
  g_assert_false (lode_target_required_growth (target, TRUE, &rate));

  lode_target_set_target_high (target, 800000000000);
  g_assert_true (lode_target_required_growth (target, TRUE, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.319508, 1e-6);
  g_assert_true (lode_target_required_growth (target, FALSE, NULL));

  /* A target below the baseline needs a decline. */
  lode_target_set_target_low (target, 100000000000);
  g_assert_true (lode_target_required_growth (target, FALSE, &rate));
  g_assert_cmpfloat (rate, <, 0.0);

  /* Undefined without a positive baseline or years ahead. */
  lode_target_set_baseline_value (target, 0);
  g_assert_false (lode_target_required_growth (target, TRUE, &rate));
  lode_target_set_baseline_value (target, LODE_MONEY_UNSET);
  g_assert_false (lode_target_required_growth (target, TRUE, &rate));
  lode_target_set_baseline_value (target, 200000000000);
  g_assert_true (lode_target_required_growth (target, TRUE, &rate));

  lode_target_set_target_year (target, 2025);
  g_assert_false (lode_target_required_growth (target, TRUE, &rate));
  lode_target_set_target_year (target, 2020);
  g_assert_false (lode_target_required_growth (target, TRUE, &rate));
  lode_target_set_target_year (target, 0);
  g_assert_false (lode_target_required_growth (target, TRUE, &rate));
  lode_target_set_target_year (target, 2030);
  lode_target_set_baseline_year (target, 0);
  g_assert_false (lode_target_required_growth (target, TRUE, &rate));
}

/* An exchange rate's setters refuse what the reader refuses, and the
 * rate keeps its value. */
static void
test_exchange_rate_rules (void)
{
  g_autoptr(LodeExchangeRate) rate = lode_exchange_rate_new ("PKR", 2024, 278800000);
  const struct {
    const char *property;
    const char *pattern;
    gint64      value;
  } refused_numbers[] = {
    { "rate", "*lode_rule_rate*", 0 },
    { "rate", "*lode_rule_rate*", -1 },
    { "rate", "*lode_rule_rate*", LODE_RATE_MAX + 1 },
    { "year", "*lode_rule_year*", 1799 },
    { "month", "*lode_rule_month*", 13 },
  };
  const char *refused_codes[] = { "USD", "XXY", "pkr", "" };

  for (guint i = 0; i < G_N_ELEMENTS (refused_numbers); i++)
    {
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, refused_numbers[i].pattern);
      if (g_str_equal (refused_numbers[i].property, "rate"))
        lode_exchange_rate_set_rate (rate, refused_numbers[i].value);
      else if (g_str_equal (refused_numbers[i].property, "year"))
        lode_exchange_rate_set_year (rate, (int) refused_numbers[i].value);
      else
        lode_exchange_rate_set_month (rate, (int) refused_numbers[i].value);
      g_test_assert_expected_messages ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused_codes); i++)
    {
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*lode_rule_rate_currency*");
      lode_exchange_rate_set_currency (rate, refused_codes[i]);
      g_test_assert_expected_messages ();
    }
  g_assert_cmpstr (lode_exchange_rate_get_currency (rate), ==, "PKR");
  g_assert_cmpint (lode_exchange_rate_get_year (rate), ==, 2024);
  g_assert_cmpint (lode_exchange_rate_get_month (rate), ==, 0);
  g_assert_cmpint (lode_exchange_rate_get_rate (rate), ==, 278800000);

  /* A month and a fiscal year never meet, in either order. */
  lode_exchange_rate_set_month (rate, 7);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*month == 0*");
  lode_exchange_rate_set_period (rate, LODE_PERIOD_KIND_FISCAL_YEAR);
  g_test_assert_expected_messages ();
  g_assert_cmpint (lode_exchange_rate_get_period (rate), ==, LODE_PERIOD_KIND_UNKNOWN);
  lode_exchange_rate_set_month (rate, 0);
  lode_exchange_rate_set_period (rate, LODE_PERIOD_KIND_FISCAL_YEAR);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*LODE_PERIOD_KIND_UNKNOWN*");
  lode_exchange_rate_set_month (rate, 7);
  g_test_assert_expected_messages ();
  g_assert_cmpint (lode_exchange_rate_get_month (rate), ==, 0);

  /* The smallest and largest rates are allowed. */
  lode_exchange_rate_set_rate (rate, 1);
  g_assert_cmpint (lode_exchange_rate_get_rate (rate), ==, 1);
  lode_exchange_rate_set_rate (rate, LODE_RATE_MAX);
  g_assert_cmpint (lode_exchange_rate_get_rate (rate), ==, LODE_RATE_MAX);
}

/* Every kind has its own name, said once for the window, the charts and
 * lode-cli; an investment of no known kind has none. */
static void
test_enums_names (void)
{
  static const char * const investment_names[] = {
    NULL, "Announced", "Agreed", "Committed", "Disbursed", "Withdrawn",
  };
  static const char * const figure_names[] = {
    "Kind not given", "Estimated value of the mineral reserves", "Mineral exports",
    "Bilateral trade", "Investment target", "Other figure",
  };
  g_autoptr(GEnumClass) investment_kinds = g_type_class_ref (LODE_TYPE_INVESTMENT_KIND);
  g_autoptr(GEnumClass) figure_kinds = g_type_class_ref (LODE_TYPE_FIGURE_KIND);

  g_assert_cmpuint (investment_kinds->n_values, ==, G_N_ELEMENTS (investment_names));
  for (guint k = 0; k < investment_kinds->n_values; k++)
    g_assert_cmpstr (lode_investment_kind_get_name (investment_kinds->values[k].value), ==,
                     investment_names[investment_kinds->values[k].value]);

  g_assert_cmpuint (figure_kinds->n_values, ==, G_N_ELEMENTS (figure_names));
  for (guint k = 0; k < figure_kinds->n_values; k++)
    g_assert_cmpstr (lode_figure_kind_get_name (figure_kinds->values[k].value), ==,
                     figure_names[figure_kinds->values[k].value]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/enums/nicks", test_enums_nicks);
  g_test_add_func ("/lode/enums/unknown", test_enums_unknown);
  g_test_add_func ("/lode/enums/names", test_enums_names);
  g_test_add_func ("/lode/model/properties/all", test_properties_all);
  g_test_add_func ("/lode/model/properties/defaults", test_properties_defaults);
  g_test_add_func ("/lode/model/properties/setters", test_properties_setters);
  g_test_add_func ("/lode/model/properties/strv", test_properties_strv);
  g_test_add_func ("/lode/model/properties/extra", test_properties_extra);
  g_test_add_func ("/lode/model/mineral/reserves", test_mineral_reserves);
  g_test_add_func ("/lode/model/mineral/outlived", test_mineral_outlived);
  g_test_add_func ("/lode/model/project/partners", test_project_partners);
  g_test_add_func ("/lode/model/target/growth", test_target_growth);
  g_test_add_func ("/lode/model/exchange-rate/rules", test_exchange_rate_rules);

  return g_test_run ();
}
