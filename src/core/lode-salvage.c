/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "lode-load-problem-private.h"
#include "lode-portfolio-io.h"
#include "lode-rules.h"
#include "lode-salvage.h"

/* Salvage works on the reader's problems as data (lode-load-problem-private.h),
 * never on its messages, which are in the user's language: the JSON Pointer
 * of each says where it is; what to take out is decided from the pointer
 * (which item, which member) and the kind of problem. */

/* Longest name or value quoted in a sentence, in characters. */
#define QUOTE_MAX 60

typedef enum
{
  ITEM_NONE,             /* the portfolio itself */
  ITEM_SOURCE,
  ITEM_MINERAL,
  ITEM_RESERVE,
  ITEM_HS_CODE,          /* an element of a mineral's hs_codes */
  ITEM_EXPORT,
  ITEM_PROJECT,
  ITEM_PARTNER,
  ITEM_PROJECT_MINERAL,  /* an element of a project's minerals */
  ITEM_TARGET,
  ITEM_INVESTMENT,
  ITEM_INVESTMENT_MINERAL,  /* an element of an investment's minerals */
  ITEM_PRODUCTION,
  ITEM_NATIONAL_FIGURE,
  ITEM_EXCHANGE_RATE,
} ItemKind;

static const struct
{
  const char *signature;
  ItemKind    kind;
} item_lists[] = {
  { "/sources/*", ITEM_SOURCE },
  { "/minerals/*", ITEM_MINERAL },
  { "/minerals/*/reserves/*", ITEM_RESERVE },
  { "/minerals/*/hs_codes/*", ITEM_HS_CODE },
  { "/exports/*", ITEM_EXPORT },
  { "/projects/*", ITEM_PROJECT },
  { "/projects/*/partners/*", ITEM_PARTNER },
  { "/projects/*/minerals/*", ITEM_PROJECT_MINERAL },
  { "/targets/*", ITEM_TARGET },
  { "/investments/*", ITEM_INVESTMENT },
  { "/investments/*/minerals/*", ITEM_INVESTMENT_MINERAL },
  { "/production/*", ITEM_PRODUCTION },
  { "/national_figures/*", ITEM_NATIONAL_FIGURE },
  { "/exchange_rates/*", ITEM_EXCHANGE_RATE },
};

typedef enum
{
  FATE_REMOVE_ITEM,
  FATE_REMOVE_MEMBER,
  FATE_REPLACE_MEMBER,
} Fate;

/* Where an error points, and what becomes of it. */
typedef struct
{
  ItemKind    kind;
  JsonNode   *item;         /* the item, or the root */
  JsonArray  *array;        /* the list holding the item */
  guint       index;
  ItemKind    owner_kind;   /* the item holding this one, if any */
  JsonNode   *owner;
  guint       owner_index;
  char       *rest;         /* the path below the item: "date", "target/year" */
  JsonObject *parent;       /* the object holding the member pointed at */
  char       *member;
  JsonNode   *node;         /* the member's value; NULL when it is absent */
  LodeLoadProblemKind problem;
  char       *detail;       /* the value referred to, or the choices */
  Fate        fate;
} Place;

static void
place_free (Place *place)
{
  g_free (place->rest);
  g_free (place->member);
  g_free (place->detail);
  g_free (place);
}

/* A sentence of what was not kept, and where in the text its item was:
 * sentences are said in that order, whichever round found them. */
typedef struct
{
  char    *text;
  guint64  order;
  guint    sequence;
} Note;

static void
note_free (Note *note)
{
  g_free (note->text);
  g_free (note);
}

typedef struct
{
  JsonNode   *root;
  GPtrArray  *notes;
  /* The items of the lists as the text had them, each to its place:
   * removals between rounds move the others. */
  GHashTable *origin;
  /* Ids of minerals and sources taken out, with nothing left of that id. */
  GHashTable *gone_minerals;
  GHashTable *gone_sources;
} Salvage;

/* Text */

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= QUOTE_MAX)
    return g_strdup (text);

  {
    g_autofree char *start = g_utf8_substring (text, 0, QUOTE_MAX - 1);

    return g_strconcat (start, "…", NULL);
  }
}

static char *
quote (const char *text)
{
  g_autofree char *short_text = shorten (text);

  /* TRANSLATORS: a name or a value from the file, quoted */
  return g_strdup_printf (_("“%s”"), short_text);
}

/* The value as the file holds it, quoted if it is text; NULL for an absent
 * member, null, an object or an array. */
static char *
value_text (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return quote (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* The shortest spelling that reads back as the same number, as a
       * person would have typed it: 1.005, not 1.0049999999999999. */
      for (int digits = 15; digits <= 17; digits++)
        {
          g_ascii_formatd (buffer, sizeof buffer, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g",
                           value);
          if (g_ascii_strtod (buffer, NULL) == value)
            break;
        }
      return g_strdup (buffer);
    }

  return NULL;
}

/* A member that is a non-empty string, or NULL. */
static const char *
string_member (JsonNode   *node,
               const char *member)
{
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  value = json_object_get_member (json_node_get_object (node), member);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value)
      || json_node_get_value_type (value) != G_TYPE_STRING
      || *json_node_get_string (value) == '\0')
    return NULL;

  return json_node_get_string (value);
}

static const char *
first_string (JsonNode   *node,
              const char *member,
              const char *other)
{
  const char *value = string_member (node, member);

  return value != NULL ? value : string_member (node, other);
}

static JsonArray *
root_list (JsonNode   *root,
           const char *member)
{
  JsonNode *node = json_object_get_member (json_node_get_object (root), member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The name of the mineral @id, or @id itself. */
static const char *
mineral_name (JsonNode   *root,
              const char *id)
{
  JsonArray *minerals = root_list (root, "minerals");
  guint n = minerals != NULL ? json_array_get_length (minerals) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *mineral = json_array_get_element (minerals, i);

      if (g_strcmp0 (string_member (mineral, "id"), id) == 0)
        {
          const char *name = string_member (mineral, "name");

          return name != NULL ? name : id;
        }
    }

  return id;
}

static char *
export_label (JsonNode *root,
              JsonNode *item,
              guint     index)
{
  const char *mineral = string_member (item, "mineral");
  JsonNode *year = JSON_NODE_HOLDS_OBJECT (item)
                   ? json_object_get_member (json_node_get_object (item), "year") : NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;

  if (year != NULL && JSON_NODE_HOLDS_VALUE (year) && json_node_get_value_type (year) == G_TYPE_INT64)
    year_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (year));
  if (mineral != NULL)
    name = shorten (mineral_name (root, mineral));

  if (name != NULL && year_text != NULL)
    /* TRANSLATORS: what tells an export record apart: its mineral and its year */
    detail = g_strdup_printf (_("%s, %s"), name, year_text);
  else if (name != NULL || year_text != NULL)
    detail = g_strdup (name != NULL ? name : year_text);

  if (detail == NULL)
    return g_strdup_printf (_("Export record %u"), index + 1);

  /* TRANSLATORS: an export record by its place in the list, then its
   * mineral and year, as in “Export record 12 (Copper, 2025)” */
  return g_strdup_printf (_("Export record %u (%s)"), index + 1, detail);
}

/* How a sentence names an item: “Mineral “Copper””, “Export record 12
 * (Copper, 2025)”. */
static char *
item_label (JsonNode *root,
            ItemKind  kind,
            JsonNode *item,
            guint     index,
            ItemKind  owner_kind,
            JsonNode *owner,
            guint     owner_index)
{
  g_autofree char *owner_text = NULL;
  g_autofree char *short_name = NULL;
  const char *name;

  switch (kind)
    {
    case ITEM_NONE:
      return g_strdup (_("The portfolio"));

    case ITEM_SOURCE:
      name = first_string (item, "title", "id");
      if (name == NULL)
        return g_strdup_printf (_("Source %u"), index + 1);
      short_name = shorten (name);
      return g_strdup_printf (_("Source “%s”"), short_name);

    case ITEM_MINERAL:
      name = first_string (item, "name", "id");
      if (name == NULL)
        return g_strdup_printf (_("Mineral %u"), index + 1);
      short_name = shorten (name);
      return g_strdup_printf (_("Mineral “%s”"), short_name);

    case ITEM_PROJECT:
      name = first_string (item, "name", "id");
      if (name == NULL)
        return g_strdup_printf (_("Project %u"), index + 1);
      short_name = shorten (name);
      return g_strdup_printf (_("Project “%s”"), short_name);

    case ITEM_TARGET:
      name = first_string (item, "title", "id");
      if (name == NULL)
        return g_strdup_printf (_("Target %u"), index + 1);
      short_name = shorten (name);
      return g_strdup_printf (_("Target “%s”"), short_name);

    case ITEM_EXPORT:
      return export_label (root, item, index);

    case ITEM_INVESTMENT:
      /* TRANSLATORS: an investment event by its place in the list */
      return g_strdup_printf (_("Investment %u"), index + 1);

    case ITEM_PRODUCTION:
      /* TRANSLATORS: a production figure by its place in the list */
      return g_strdup_printf (_("Production figure %u"), index + 1);

    case ITEM_NATIONAL_FIGURE:
      /* TRANSLATORS: a national figure by its place in the list */
      return g_strdup_printf (_("National figure %u"), index + 1);

    case ITEM_EXCHANGE_RATE:
      /* TRANSLATORS: an exchange rate by its place in the list */
      return g_strdup_printf (_("Exchange rate %u"), index + 1);

    case ITEM_HS_CODE:
    case ITEM_PROJECT_MINERAL:
    case ITEM_INVESTMENT_MINERAL:
      return item_label (root, owner_kind, owner, owner_index, ITEM_NONE, NULL, 0);

    case ITEM_RESERVE:
      owner_text = item_label (root, owner_kind, owner, owner_index, ITEM_NONE, NULL, 0);
      /* TRANSLATORS: a mineral, then which of its reserve estimates */
      return g_strdup_printf (_("%s, reserve estimate %u"), owner_text, index + 1);

    case ITEM_PARTNER:
      owner_text = item_label (root, owner_kind, owner, owner_index, ITEM_NONE, NULL, 0);
      /* TRANSLATORS: a project, then which of its partners */
      return g_strdup_printf (_("%s, partner %u"), owner_text, index + 1);

    default:
      g_assert_not_reached ();
    }
}

/* What a member is called, by its path below its item. */
static const char *
field_label (ItemKind    kind,
             const char *rest)
{
  static const struct
  {
    const char *path;
    const char *label;
  } fields[] = {
    { "id", N_("id") },
    { "title", N_("title") },
    { "description", N_("description") },
    { "currency", N_("currency") },
    { "fiscal_year_start", N_("start of the fiscal year") },
    { "sources", N_("list of sources") },
    { "minerals", N_("list of minerals") },
    { "exports", N_("list of export records") },
    { "projects", N_("list of projects") },
    { "targets", N_("list of targets") },
    { "publisher", N_("publisher") },
    { "date", N_("date") },
    { "url", N_("web address") },
    { "name", N_("name") },
    { "symbol", N_("symbol") },
    { "group", N_("group") },
    { "hs_codes", N_("list of HS codes") },
    { "reserves", N_("list of reserve estimates") },
    { "category", N_("category") },
    { "quantity", N_("quantity") },
    { "unit", N_("unit") },
    { "value_usd", N_("value") },
    { "year", N_("year") },
    { "source", N_("source") },
    { "mineral", N_("mineral") },
    { "month", N_("month") },
    { "destination", N_("destination") },
    { "hs_code", N_("HS code") },
    { "stage", N_("stage") },
    { "region", N_("region") },
    { "operator", N_("operator") },
    { "status", N_("status") },
    { "partners", N_("list of partners") },
    { "investment_usd", N_("investment") },
    { "investment_usd/committed", N_("committed investment") },
    { "investment_usd/disbursed", N_("disbursed investment") },
    { "start_year", N_("start year") },
    { "jobs", N_("number of jobs") },
    { "country", N_("country") },
    { "share", N_("share") },
    { "metric", N_("measure") },
    { "metric/kind", N_("measure") },
    { "metric/mineral", N_("mineral") },
    { "metric/destination", N_("destination") },
    { "baseline", N_("baseline") },
    { "baseline/year", N_("baseline year") },
    { "baseline/value_usd", N_("baseline value") },
    { "target", N_("target") },
    { "target/year", N_("target year") },
    { "target/low_usd", N_("target value") },
    { "target/high_usd", N_("upper target value") },
    { "investments", N_("list of investments") },
    { "production", N_("list of production figures") },
    { "national_figures", N_("list of national figures") },
    { "exchange_rates", N_("list of exchange rates") },
    { "units_per_usd", N_("rate") },
    { "period", N_("kind of period") },
    { "original_amount", N_("amount in another currency") },
    { "original_currency", N_("currency of the amount") },
    { "project", N_("project") },
    { "investor", N_("investor") },
    { "investor_country", N_("investor's country") },
    { "kind", N_("kind") },
    { "note", N_("note") },
    { "change", N_("change") },
    { "metric/investment", N_("measure") },
    { "metric/investor_country", N_("investor's country") },
  };

  if (kind == ITEM_HS_CODE)
    return _("HS code");
  if (kind == ITEM_PROJECT_MINERAL || kind == ITEM_INVESTMENT_MINERAL)
    return _("mineral");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].path, rest))
      return _(fields[i].label);

  return rest;
}

static const char *
last_token (const char *rest)
{
  const char *slash = strrchr (rest, '/');

  return slash != NULL ? slash + 1 : rest;
}

/* The rule a member broke, in a sentence, or NULL. */
static const char *
rule_for (const Place *place)
{
  const char *member = last_token (place->rest);
  const char *why = NULL;

  if (place->problem == LODE_LOAD_PROBLEM_BEFORE_BASELINE)
    return _("A target year comes after the baseline year");
  if (place->problem == LODE_LOAD_PROBLEM_BELOW_LOW)
    return _("The upper target value may not be below the target value");
  if (g_str_equal (member, "currency") && place->kind == ITEM_NONE)
    return _("Amounts are in US dollars");

  if (g_str_equal (member, "year") || g_str_equal (member, "start_year"))
    lode_rule_year (0, &why);
  else if (g_str_equal (member, "month"))
    lode_rule_month (0, &why);
  else if (g_str_equal (member, "fiscal_year_start"))
    lode_rule_fiscal_year_start (0, &why);
  else if (g_str_equal (member, "date"))
    lode_rule_date (NULL, &why);
  else if (g_str_equal (member, "destination") || g_str_has_suffix (member, "country"))
    lode_rule_country_code (NULL, &why);
  else if (g_str_equal (member, "hs_code") || place->kind == ITEM_HS_CODE)
    lode_rule_hs_code (NULL, &why);
  else if (g_str_equal (member, "jobs"))
    lode_rule_jobs (-1, &why);
  else if (g_str_has_suffix (member, "currency"))
    {
      /* Which rule the code broke: its shape, ISO 4217, or USD for a rate. */
      const char *code = place->node != NULL && JSON_NODE_HOLDS_VALUE (place->node) &&
                         json_node_get_value_type (place->node) == G_TYPE_STRING
                         ? json_node_get_string (place->node) : NULL;

      if (place->kind == ITEM_EXCHANGE_RATE && g_str_equal (member, "currency"))
        lode_rule_rate_currency (code, &why);
      else
        lode_rule_currency_code (code, &why);
    }
  else if (g_str_equal (member, "units_per_usd"))
    lode_rule_rate (0, &why);
  else if (g_str_equal (member, "original_amount"))
    lode_rule_original_amount (-1, &why);
  else if (g_str_equal (member, "quantity"))
    lode_rule_quantity (-1, &why);
  else if (g_str_equal (member, "share"))
    lode_rule_share (-1, &why);
  else if (g_str_equal (member, "id"))
    lode_rule_slug (NULL, &why);
  else if (g_str_equal (member, "value_usd") || g_str_equal (member, "committed")
           || g_str_equal (member, "disbursed") || g_str_has_suffix (member, "_usd"))
    why = _("An amount is in US dollars, 0 or more, with at most two decimals, up to 70 trillion");

  return why;
}

/* Pointers */

static GStrv
pointer_tokens (const char *pointer)
{
  g_auto(GStrv) tokens = g_strsplit (pointer + 1, "/", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      GString *token = g_string_new (tokens[i]);

      g_string_replace (token, "~1", "/", 0);
      g_string_replace (token, "~0", "~", 0);
      g_free (tokens[i]);
      tokens[i] = g_string_free (token, FALSE);
    }

  return g_steal_pointer (&tokens);
}

static ItemKind
list_kind (const char *signature)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_lists); i++)
    if (g_str_equal (item_lists[i].signature, signature))
      return item_lists[i].kind;

  return ITEM_NONE;
}

/* Finds the item and member @pointer names in @root; NULL when the pointer
 * leads nowhere in it. */
static Place *
resolve (JsonNode   *root,
         const char *pointer)
{
  g_auto(GStrv) tokens = pointer_tokens (pointer);
  g_autoptr(GString) signature = g_string_new (NULL);
  Place *place = g_new0 (Place, 1);
  JsonNode *node = root;
  guint rest_start = 0;
  guint n = g_strv_length (tokens);

  place->kind = ITEM_NONE;
  place->item = root;

  for (guint i = 0; i < n; i++)
    {
      const char *token = tokens[i];

      if (node == NULL)
        goto nowhere;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          g_string_append_printf (signature, "/%s", token);
          place->parent = object;
          g_free (place->member);
          place->member = g_strdup (token);
          node = json_object_get_member (object, token);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          char *end = NULL;
          guint64 index = g_ascii_strtoull (token, &end, 10);
          ItemKind kind;

          if (*token == '\0' || *end != '\0' || index >= json_array_get_length (array))
            goto nowhere;

          g_string_append (signature, "/*");
          place->parent = NULL;
          g_clear_pointer (&place->member, g_free);
          node = json_array_get_element (array, index);

          kind = list_kind (signature->str);
          if (kind != ITEM_NONE)
            {
              if (place->kind != ITEM_NONE)
                {
                  place->owner_kind = place->kind;
                  place->owner = place->item;
                  place->owner_index = place->index;
                }
              place->kind = kind;
              place->item = node;
              place->array = array;
              place->index = index;
              rest_start = i + 1;
            }
        }
      else
        goto nowhere;
    }

  place->node = node;
  place->rest = g_strjoinv ("/", tokens + rest_start);

  return place;

nowhere:
  place_free (place);
  return NULL;
}

/* Whether an item cannot stand without the member at @rest. */
static gboolean
is_vital (ItemKind    kind,
          const char *rest)
{
  static const char * const source[] = { "id", "title", NULL };
  static const char * const mineral[] = { "id", "name", NULL };
  static const char * const reserve[] = { "quantity", "unit", NULL };
  static const char * const export[] = { "mineral", "year", "value_usd", NULL };
  static const char * const project[] = { "id", "name", NULL };
  static const char * const investment[] = { "kind", "value_usd", "date", NULL };
  static const char * const production[] = { "mineral", "year", "quantity", "unit", NULL };
  static const char * const figure[] = { "kind", "value_usd", NULL };
  static const char * const rate[] = { "currency", "year", "units_per_usd", NULL };
  g_autofree char *first = g_strdup (rest);
  char *slash = strchr (first, '/');

  if (slash != NULL)
    *slash = '\0';

  switch (kind)
    {
    case ITEM_SOURCE:
      return g_strv_contains (source, first);
    case ITEM_MINERAL:
      return g_strv_contains (mineral, first);
    case ITEM_RESERVE:
      return g_strv_contains (reserve, first);
    case ITEM_EXPORT:
      return g_strv_contains (export, first);
    case ITEM_PROJECT:
      return g_strv_contains (project, first);
    case ITEM_INVESTMENT:
      return g_strv_contains (investment, first);
    case ITEM_PRODUCTION:
      return g_strv_contains (production, first);
    case ITEM_NATIONAL_FIGURE:
      return g_strv_contains (figure, first);
    case ITEM_EXCHANGE_RATE:
      /* A rate of some other period, or a second one, is no rate. */
      return rest[0] == '\0' || g_strv_contains (rate, first) || g_str_equal (first, "month")
             || g_str_equal (first, "period");
    case ITEM_TARGET:
      /* What it measures, from and to: all of it but its source and the
       * top of its range. */
      return !g_str_equal (rest, "source") && !g_str_equal (rest, "target/high_usd");
    case ITEM_NONE:
    case ITEM_PARTNER:
    case ITEM_HS_CODE:
    case ITEM_PROJECT_MINERAL:
    case ITEM_INVESTMENT_MINERAL:
    default:
      return FALSE;
    }
}

/* One round */

/* Where the item @node (of a list of the portfolio) was in the text. */
static guint64
origin_of (Salvage  *salvage,
           JsonNode *node)
{
  gpointer order = node != NULL ? g_hash_table_lookup (salvage->origin, node) : NULL;

  return GPOINTER_TO_SIZE (order);
}

static void
add_note (Salvage    *salvage,
          guint64     order,
          const char *fate,
          const char *why)
{
  Note *note = g_new0 (Note, 1);

  if (why == NULL)
    note->text = g_strdup (fate);
  else
    /* TRANSLATORS: what was not kept, then the rule it broke */
    note->text = g_strdup_printf (_("%s %s."), fate, why);
  note->order = order;
  note->sequence = salvage->notes->len;
  g_ptr_array_add (salvage->notes, note);
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const Note *na = *(const Note **) a;
  const Note *nb = *(const Note **) b;

  if (na->order != nb->order)
    return na->order < nb->order ? -1 : 1;

  return na->sequence < nb->sequence ? -1 : na->sequence > nb->sequence;
}

/* The items of the portfolio's lists, numbered in the order of the text. */
static void
number_items (Salvage *salvage)
{
  static const char * const lists[] = {
    "sources", "minerals", "exports", "projects", "targets",
    "investments", "production", "national_figures", "exchange_rates",
  };
  guint64 order = 1;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *array = root_list (salvage->root, lists[l]);
      guint n = array != NULL ? json_array_get_length (array) : 0;

      for (guint i = 0; i < n; i++)
        g_hash_table_insert (salvage->origin, json_array_get_element (array, i),
                             GSIZE_TO_POINTER (order++));
    }
}

/* The item of the portfolio's lists @place is in. */
static JsonNode *
top_item (const Place *place)
{
  return place->owner != NULL ? place->owner : place->item;
}

static const char *
replacement (const Place *place)
{
  return place->kind == ITEM_NONE ? _("Untitled portfolio") : "other";
}

static void
note_place (Salvage     *salvage,
            const Place *place)
{
  g_autofree char *label = item_label (salvage->root, place->kind, place->item, place->index,
                                       place->owner_kind, place->owner, place->owner_index);
  const char *field = field_label (place->kind, place->rest);
  g_autofree char *value = value_text (place->node);
  g_autofree char *fate = NULL;
  g_autofree char *choices = NULL;
  gboolean element = place->kind == ITEM_HS_CODE || place->kind == ITEM_PROJECT_MINERAL
                     || place->kind == ITEM_INVESTMENT_MINERAL;
  const char *why = NULL;

  switch (place->problem)
    {
    case LODE_LOAD_PROBLEM_REFERENCE:
      if (g_str_equal (last_token (place->rest), "source"))
        why = _("No source in the portfolio has this id");
      else if (g_str_equal (last_token (place->rest), "project"))
        why = _("No project in the portfolio has this id");
      else
        why = _("No mineral in the portfolio has this id");
      break;
    case LODE_LOAD_PROBLEM_CHOICE:
      choices = g_strdup_printf (_("Lode knows only %s"), place->detail);
      why = choices;
      break;
    case LODE_LOAD_PROBLEM_NEEDS_UNIT:
      why = _("A quantity needs its unit");
      break;
    case LODE_LOAD_PROBLEM_TYPE:
    case LODE_LOAD_PROBLEM_RULE:
    case LODE_LOAD_PROBLEM_BEFORE_BASELINE:
    case LODE_LOAD_PROBLEM_BELOW_LOW:
    case LODE_LOAD_PROBLEM_CURRENCY:
    case LODE_LOAD_PROBLEM_FORMAT:
      why = rule_for (place);
      break;
    case LODE_LOAD_PROBLEM_MISSING:
    case LODE_LOAD_PROBLEM_EMPTY:
    case LODE_LOAD_PROBLEM_DUPLICATE_ID:
    default:
      break;
    }

  if (place->fate == FATE_REMOVE_ITEM && !element)
    {
      if (*place->rest == '\0')
        fate = g_strdup_printf (_("%s: removed, as it is not a record Lode can read."), label);
      else if (place->problem == LODE_LOAD_PROBLEM_MISSING)
        fate = g_strdup_printf (_("%s: removed, as its %s is missing."), label, field);
      else if (place->problem == LODE_LOAD_PROBLEM_EMPTY)
        fate = g_strdup_printf (_("%s: removed, as its %s is empty."), label, field);
      else if (place->problem == LODE_LOAD_PROBLEM_REFERENCE && value != NULL)
        {
          fate = g_strdup_printf (_("%s: removed, as its %s %s is not in the portfolio."), label, field, value);
          why = NULL;
        }
      else if (place->problem == LODE_LOAD_PROBLEM_DUPLICATE_ID)
        fate = g_strdup_printf (_("%s: removed, as an item before it has the same id %s."), label, value);
      else if (value != NULL)
        fate = g_strdup_printf (_("%s: removed, as its %s %s could not be kept."), label, field, value);
      else
        fate = g_strdup_printf (_("%s: removed, as its %s could not be kept."), label, field);
    }
  else if (place->fate == FATE_REPLACE_MEMBER)
    {
      g_autofree char *now = quote (replacement (place));

      if (place->problem == LODE_LOAD_PROBLEM_MISSING)
        fate = g_strdup_printf (_("%s: its %s was missing; it is now %s."), label, field, now);
      else if (place->problem == LODE_LOAD_PROBLEM_EMPTY)
        fate = g_strdup_printf (_("%s: its %s was empty; it is now %s."), label, field, now);
      else if (value != NULL)
        fate = g_strdup_printf (_("%s: its %s %s was not kept; it is now %s."), label, field, value, now);
      else
        fate = g_strdup_printf (_("%s: its %s was not kept; it is now %s."), label, field, now);
    }
  else if (place->kind == ITEM_EXPORT
           && (g_str_equal (place->rest, "quantity") || g_str_equal (place->rest, "unit")))
    fate = g_strdup_printf (_("%s: its quantity and unit were not kept."), label);
  else if (value != NULL)
    fate = g_strdup_printf (_("%s: its %s %s was not kept."), label, field, value);
  else
    fate = g_strdup_printf (_("%s: its %s was not kept."), label, field);

  add_note (salvage, origin_of (salvage, top_item (place)), fate, why);
}

static void
doom (GHashTable *doomed,
      JsonArray  *array,
      JsonNode   *element)
{
  GHashTable *set = g_hash_table_lookup (doomed, array);

  if (set == NULL)
    {
      set = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (doomed, array, set);
    }
  g_hash_table_add (set, element);
}

static gboolean
is_doomed (GHashTable *doomed,
           JsonArray  *array,
           JsonNode   *element)
{
  GHashTable *set = array != NULL ? g_hash_table_lookup (doomed, array) : NULL;

  return set != NULL && g_hash_table_contains (set, element);
}

/* Removes the doomed elements of @array in one pass. */
static void
remove_elements (JsonArray  *array,
                 GHashTable *set)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!g_hash_table_contains (set, element))
        g_ptr_array_add (kept, json_node_ref (element));
    }

  /* From the end, so that nothing moves. */
  for (guint i = n; i > 0; i--)
    json_array_remove_element (array, i - 1);
  for (guint i = 0; i < kept->len; i++)
    json_array_add_element (array, json_node_ref (g_ptr_array_index (kept, i)));
}

static void
remove_all_doomed (GHashTable *doomed)
{
  g_autoptr(GPtrArray) arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) json_array_unref);
  GHashTableIter iter;
  gpointer array, set;

  /* A list may be inside an item that goes too (the reserve estimates of
   * a mineral): each is held until all are done. */
  g_hash_table_iter_init (&iter, doomed);
  while (g_hash_table_iter_next (&iter, &array, NULL))
    g_ptr_array_add (arrays, json_array_ref (array));

  g_hash_table_iter_init (&iter, doomed);
  while (g_hash_table_iter_next (&iter, &array, &set))
    remove_elements (array, set);
}

/* The ids of the items of @list (minerals or sources) doomed in this round
 * that no item left keeps. */
static void
find_gone_ids (JsonNode   *root,
               const char *list,
               GHashTable *doomed,
               GHashTable *gone)
{
  JsonArray *array = root_list (root, list);
  GHashTable *set = array != NULL ? g_hash_table_lookup (doomed, array) : NULL;
  g_autoptr(GHashTable) kept = NULL;
  guint n;

  if (set == NULL)
    return;

  kept = g_hash_table_new (g_str_hash, g_str_equal);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *id = string_member (item, "id");

      if (id != NULL && !g_hash_table_contains (set, item))
        g_hash_table_add (kept, (gpointer) id);
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *id = string_member (item, "id");

      if (id != NULL && g_hash_table_contains (set, item) && !g_hash_table_contains (kept, id))
        g_hash_table_add (gone, g_strdup (id));
    }
}

/* A mineral or source taken out, the sentence that said so, and what went
 * with it. */
typedef struct
{
  ItemKind  kind;
  char     *id;
  char     *label;
  guint64   order;      /* said just after its own sentence */
  guint     n_exports;
  guint     n_projects;
  guint     n_citations;
} Cascade;

static void
cascade_free (Cascade *cascade)
{
  g_free (cascade->id);
  g_free (cascade->label);
  g_free (cascade);
}

static Cascade *
find_cascade (GPtrArray  *cascades,
              ItemKind    kind,
              const char *id)
{
  for (guint i = 0; i < cascades->len; i++)
    {
      Cascade *cascade = g_ptr_array_index (cascades, i);

      if (cascade->kind == kind && g_str_equal (cascade->id, id))
        return cascade;
    }

  return NULL;
}

static JsonArray *
member_array (JsonNode   *node,
              const char *member)
{
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  value = json_object_get_member (json_node_get_object (node), member);

  return value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;
}

static void
drop_citation (JsonNode   *item,
               GHashTable *gone_sources,
               GPtrArray  *cascades)
{
  const char *source = string_member (item, "source");
  Cascade *cascade;

  if (source == NULL || !g_hash_table_contains (gone_sources, source))
    return;

  cascade = find_cascade (cascades, ITEM_SOURCE, source);
  if (cascade != NULL)
    cascade->n_citations++;
  json_object_remove_member (json_node_get_object (item), "source");
}

/* Whatever refers to a mineral or source that was taken out goes with it:
 * export records of the mineral, the mineral in the projects' lists,
 * targets that measure it; a source's citations. */
static void
take_references (Salvage    *salvage,
                 GHashTable *gone_minerals,
                 GHashTable *gone_sources,
                 GPtrArray  *cascades)
{
  g_autoptr(GHashTable) doomed = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);
  JsonNode *root = salvage->root;
  JsonArray *minerals = root_list (root, "minerals");
  JsonArray *exports = root_list (root, "exports");
  JsonArray *projects = root_list (root, "projects");
  JsonArray *targets = root_list (root, "targets");
  guint n_minerals = minerals != NULL ? json_array_get_length (minerals) : 0;
  guint n_exports = exports != NULL ? json_array_get_length (exports) : 0;
  guint n_projects = projects != NULL ? json_array_get_length (projects) : 0;
  guint n_targets = targets != NULL ? json_array_get_length (targets) : 0;

  if (g_hash_table_size (gone_sources) > 0)
    {
      for (guint i = 0; i < n_minerals; i++)
        {
          JsonArray *reserves = member_array (json_array_get_element (minerals, i), "reserves");

          for (guint k = 0; reserves != NULL && k < json_array_get_length (reserves); k++)
            drop_citation (json_array_get_element (reserves, k), gone_sources, cascades);
        }
      for (guint i = 0; i < n_exports; i++)
        drop_citation (json_array_get_element (exports, i), gone_sources, cascades);
      for (guint i = 0; i < n_projects; i++)
        drop_citation (json_array_get_element (projects, i), gone_sources, cascades);
      for (guint i = 0; i < n_targets; i++)
        drop_citation (json_array_get_element (targets, i), gone_sources, cascades);
    }

  if (g_hash_table_size (gone_minerals) == 0)
    return;

  for (guint i = 0; i < n_exports; i++)
    {
      JsonNode *item = json_array_get_element (exports, i);
      const char *mineral = string_member (item, "mineral");
      Cascade *cascade;

      if (mineral == NULL || !g_hash_table_contains (gone_minerals, mineral))
        continue;

      cascade = find_cascade (cascades, ITEM_MINERAL, mineral);
      if (cascade != NULL)
        cascade->n_exports++;
      doom (doomed, exports, item);
    }

  for (guint i = 0; i < n_projects; i++)
    {
      JsonArray *list = member_array (json_array_get_element (projects, i), "minerals");

      for (guint k = 0; list != NULL && k < json_array_get_length (list); k++)
        {
          JsonNode *element = json_array_get_element (list, k);
          Cascade *cascade;

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING
              || !g_hash_table_contains (gone_minerals, json_node_get_string (element)))
            continue;

          cascade = find_cascade (cascades, ITEM_MINERAL, json_node_get_string (element));
          if (cascade != NULL)
            cascade->n_projects++;
          doom (doomed, list, element);
        }
    }

  for (guint i = 0; i < n_targets; i++)
    {
      JsonNode *target = json_array_get_element (targets, i);
      JsonNode *metric = JSON_NODE_HOLDS_OBJECT (target)
                         ? json_object_get_member (json_node_get_object (target), "metric") : NULL;
      const char *mineral = string_member (metric, "mineral");
      g_autofree char *label = NULL;
      g_autofree char *fate = NULL;

      if (mineral == NULL || !g_hash_table_contains (gone_minerals, mineral))
        continue;

      label = item_label (root, ITEM_TARGET, target, i, ITEM_NONE, NULL, 0);
      fate = g_strdup_printf (_("%s: removed, as the mineral it measures was removed."), label);
      add_note (salvage, origin_of (salvage, target), fate, NULL);
      doom (doomed, targets, target);
    }

  remove_all_doomed (doomed);
}

/* Says, after each removed mineral or source, what went with it. */
static void
note_cascades (Salvage   *salvage,
               GPtrArray *cascades)
{
  for (guint i = 0; i < cascades->len; i++)
    {
      Cascade *cascade = g_ptr_array_index (cascades, i);
      g_autofree char *exports = NULL;
      g_autofree char *projects = NULL;
      g_autofree char *citations = NULL;

      if (cascade->n_exports > 0)
        {
          exports = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s: %u export record of this mineral was removed with it.",
                                                  "%s: %u export records of this mineral were removed with it.",
                                                  cascade->n_exports),
                                     cascade->label, cascade->n_exports);
          add_note (salvage, cascade->order, exports, NULL);
        }
      if (cascade->n_projects > 0)
        {
          projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u project no longer lists this mineral.",
                                                   "%s: %u projects no longer list this mineral.",
                                                   cascade->n_projects),
                                      cascade->label, cascade->n_projects);
          add_note (salvage, cascade->order, projects, NULL);
        }
      if (cascade->n_citations > 0)
        {
          citations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s: %u figure that cited this source no longer names a source.",
                                                    "%s: %u figures that cited this source no longer name a source.",
                                                    cascade->n_citations),
                                       cascade->label, cascade->n_citations);
          add_note (salvage, cascade->order, citations, NULL);
        }
    }
}

static gboolean
refers_to_gone (Salvage     *salvage,
                const Place *place,
                GHashTable  *gone_minerals,
                GHashTable  *gone_sources)
{
  gboolean source = g_str_equal (last_token (place->rest), "source");
  GHashTable *gone = source ? gone_sources : gone_minerals;
  GHashTable *gone_before = source ? salvage->gone_sources : salvage->gone_minerals;
  const char *mineral;

  /* Projects are not salvaged away in cascades: a reference to one that
   * is missing is the member's own fault. */
  if (g_str_equal (last_token (place->rest), "project"))
    return FALSE;

  if (place->problem == LODE_LOAD_PROBLEM_REFERENCE && place->detail != NULL)
    return g_hash_table_contains (gone, place->detail) || g_hash_table_contains (gone_before, place->detail);

  /* Anything else wrong with a record that goes with its mineral. */
  if (place->kind == ITEM_EXPORT)
    mineral = string_member (place->item, "mineral");
  else if (place->kind == ITEM_TARGET && JSON_NODE_HOLDS_OBJECT (place->item))
    mineral = string_member (json_object_get_member (json_node_get_object (place->item), "metric"),
                             "mineral");
  else
    return FALSE;

  return mineral != NULL && g_hash_table_contains (gone_minerals, mineral);
}

/* The problems the reader found, LodeLoadProblem each; the places they
 * name are taken out. FALSE when a problem is not one of content, or
 * nothing could be taken out. */
static gboolean
salvage_round (Salvage   *salvage,
               GPtrArray *problems)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  g_autoptr(GPtrArray) cascades = g_ptr_array_new_with_free_func ((GDestroyNotify) cascade_free);
  g_autoptr(GHashTable) doomed = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) noted = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) gone_minerals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) gone_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < problems->len; i++)
    {
      const LodeLoadProblem *problem = g_ptr_array_index (problems, i);
      Place *place;

      /* No pointer: the document as a whole is not a portfolio. */
      if (problem->pointer[0] != '/' || problem->kind == LODE_LOAD_PROBLEM_FORMAT)
        return FALSE;

      place = resolve (salvage->root, problem->pointer);
      if (place == NULL)
        return FALSE;

      place->problem = problem->kind;
      place->detail = g_strdup (problem->detail);

      if (place->kind == ITEM_NONE)
        {
          /* Not a portfolio of this format or version: nothing to keep. */
          if (g_str_equal (place->rest, "format") || g_str_equal (place->rest, "version"))
            {
              place_free (place);
              return FALSE;
            }
          place->fate = g_str_equal (place->rest, "title") ? FATE_REPLACE_MEMBER : FATE_REMOVE_MEMBER;
        }
      else if (place->kind == ITEM_MINERAL && g_str_equal (place->rest, "group"))
        place->fate = FATE_REPLACE_MEMBER;
      else if (*place->rest == '\0' || is_vital (place->kind, place->rest))
        place->fate = FATE_REMOVE_ITEM;
      else
        place->fate = FATE_REMOVE_MEMBER;

      /* References are decided once it is known what else goes. */
      if (place->fate == FATE_REMOVE_ITEM && place->problem != LODE_LOAD_PROBLEM_REFERENCE)
        doom (doomed, place->array, place->item);

      g_ptr_array_add (places, place);
    }

  find_gone_ids (salvage->root, "minerals", doomed, gone_minerals);
  find_gone_ids (salvage->root, "sources", doomed, gone_sources);

  for (guint i = 0; i < places->len; i++)
    {
      Place *place = g_ptr_array_index (places, i);

      if (place->fate == FATE_REMOVE_ITEM && place->problem == LODE_LOAD_PROBLEM_REFERENCE
          && !refers_to_gone (salvage, place, gone_minerals, gone_sources))
        doom (doomed, place->array, place->item);
    }

  /* Say what goes, in the order of the text: once an item, and nothing
   * more of an item that goes whole. */
  for (guint i = 0; i < places->len; i++)
    {
      Place *place = g_ptr_array_index (places, i);
      JsonArray *owners = place->owner_kind == ITEM_MINERAL ? root_list (salvage->root, "minerals")
                                                            : root_list (salvage->root, "projects");

      if (refers_to_gone (salvage, place, gone_minerals, gone_sources))
        continue;
      if (place->owner != NULL && is_doomed (doomed, owners, place->owner))
        continue;
      if (place->fate != FATE_REMOVE_ITEM && is_doomed (doomed, place->array, place->item))
        continue;
      if (place->fate == FATE_REMOVE_ITEM && g_hash_table_contains (noted, place->item))
        continue;
      g_hash_table_add (noted, place->item);

      note_place (salvage, place);

      if (place->kind == ITEM_MINERAL || place->kind == ITEM_SOURCE)
        {
          const char *id = string_member (place->item, "id");
          GHashTable *gone = place->kind == ITEM_MINERAL ? gone_minerals : gone_sources;

          if (id != NULL && g_hash_table_contains (gone, id) && find_cascade (cascades, place->kind, id) == NULL)
            {
              Cascade *cascade = g_new0 (Cascade, 1);

              cascade->kind = place->kind;
              cascade->id = g_strdup (id);
              cascade->label = item_label (salvage->root, place->kind, place->item, place->index,
                                           ITEM_NONE, NULL, 0);
              cascade->order = origin_of (salvage, place->item);
              g_ptr_array_add (cascades, cascade);
            }
        }

      if (place->fate == FATE_REPLACE_MEMBER)
        {
          json_object_set_string_member (place->parent, place->member, replacement (place));
          changed = TRUE;
        }
      else if (place->fate == FATE_REMOVE_MEMBER && place->parent != NULL)
        {
          const char *member = place->problem == LODE_LOAD_PROBLEM_NEEDS_UNIT ? "quantity" : place->member;

          /* A quantity and its unit go together. */
          if (place->kind == ITEM_EXPORT
              && (g_str_equal (member, "unit") || g_str_equal (member, "quantity")))
            {
              if (json_object_has_member (place->parent, "quantity"))
                json_object_remove_member (place->parent, "quantity");
              if (json_object_has_member (place->parent, "unit"))
                json_object_remove_member (place->parent, "unit");
              changed = TRUE;
            }
          else if (json_object_has_member (place->parent, member))
            {
              json_object_remove_member (place->parent, member);
              changed = TRUE;
            }
        }
    }

  if (g_hash_table_size (doomed) > 0)
    {
      remove_all_doomed (doomed);
      changed = TRUE;
    }

  if (g_hash_table_size (gone_minerals) > 0 || g_hash_table_size (gone_sources) > 0)
    {
      take_references (salvage, gone_minerals, gone_sources, cascades);
      note_cascades (salvage, cascades);
    }

  g_hash_table_iter_init (&iter, gone_minerals);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (salvage->gone_minerals, g_strdup (key));
  g_hash_table_iter_init (&iter, gone_sources);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (salvage->gone_sources, g_strdup (key));

  return changed;
}

/* Export records can number a million, and the reader lists only the first
 * LODE_PORTFOLIO_MAX_ERRORS errors of a load. When it says there are more,
 * the records are loaded again in slices, each beside the sources and
 * minerals they refer to, so that one pass finds the errors of all of them
 * instead of one load for every twenty. Only what the slices say about the
 * records counts: the whole is loaded again after. */
#define PROBE_SLICE 100

static void
probe_exports (Salvage      *salvage,
               const char   *name,
               GCancellable *cancellable)
{
  JsonObject *root = json_node_get_object (salvage->root);
  JsonArray *exports = root_list (salvage->root, "exports");
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) _lode_load_problem_free);
  g_autoptr(GList) members = NULL;
  guint n = exports != NULL ? json_array_get_length (exports) : 0;

  if (n <= PROBE_SLICE)
    return;

  members = json_object_get_members (root);
  for (guint start = 0; start < n && !g_cancellable_is_cancelled (cancellable); start += PROBE_SLICE)
    {
      g_autoptr(JsonNode) probe = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *text = NULL;
      JsonArray *slice = json_array_sized_new (PROBE_SLICE);
      gsize length;

      for (const GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "exports") && !g_str_equal (l->data, "projects")
            && !g_str_equal (l->data, "targets"))
          json_object_set_member (object, l->data, json_node_copy (json_object_get_member (root, l->data)));
      for (guint i = start; i < n && i < start + PROBE_SLICE; i++)
        json_array_add_element (slice, json_node_copy (json_array_get_element (exports, i)));
      json_object_set_array_member (object, "exports", slice);
      json_node_set_object (probe, object);

      json_generator_set_root (generator, probe);
      text = json_generator_to_data (generator, &length);
      portfolio = _lode_portfolio_load_data_with_problems (text, length, name, &problems, NULL, &error);
      if (problems == NULL)
        continue;

      /* "/exports/K/…", K in the slice. */
      for (guint i = 0; i < problems->len; i++)
        {
          const LodeLoadProblem *problem = g_ptr_array_index (problems, i);
          const char *index = problem->pointer + strlen ("/exports/");
          g_autofree char *pointer = NULL;
          char *end = NULL;
          guint64 k;

          if (!g_str_has_prefix (problem->pointer, "/exports/"))
            continue;
          k = g_ascii_strtoull (index, &end, 10);
          if (end == index || (*end != '/' && *end != '\0'))
            continue;
          pointer = g_strdup_printf ("/exports/%" G_GUINT64_FORMAT "%s", start + k, end);
          g_ptr_array_add (found, _lode_load_problem_new (problem->kind, pointer, problem->detail,
                                                          g_strdup (problem->message)));
        }
    }

  if (found->len == 0)
    return;

  salvage_round (salvage, found);
}

LodePortfolio *
lode_salvage_load_data (const char    *data,
                        gsize          length,
                        const char    *name,
                        GStrv         *not_kept,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) gone_minerals = NULL;
  g_autoptr(GHashTable) gone_sources = NULL;
  g_autoptr(GHashTable) origin = NULL;
  LodePortfolio *portfolio;
  Salvage salvage;
  guint n_problems = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "portfolio";
  if (not_kept != NULL)
    *not_kept = NULL;

  portfolio = _lode_portfolio_load_data_with_problems (data, length, name, &problems, &n_problems,
                                                      &load_error);
  if (portfolio != NULL)
    {
      if (not_kept != NULL)
        *not_kept = g_new0 (char *, 1);
      return portfolio;
    }

  if (!g_error_matches (load_error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return NULL;
    }

  /* The strict check passed: json-glib reads the same text. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return NULL;
    }

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  origin = g_hash_table_new (NULL, NULL);
  gone_minerals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gone_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  salvage = (Salvage) {
    .root = json_parser_get_root (parser),
    .notes = notes,
    .gone_minerals = gone_minerals,
    .gone_sources = gone_sources,
    .origin = origin,
  };
  number_items (&salvage);

  for (guint round = 0; round < LODE_SALVAGE_MAX_ROUNDS; round++)
    {
      g_autoptr(JsonGenerator) generator = NULL;
      g_autofree char *text = NULL;
      gsize text_length = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (problems == NULL || !salvage_round (&salvage, problems))
        break;
      if (n_problems > problems->len)
        probe_exports (&salvage, name, cancellable);

      generator = json_generator_new ();
      json_generator_set_root (generator, salvage.root);
      text = json_generator_to_data (generator, &text_length);

      g_clear_error (&load_error);
      g_clear_pointer (&problems, g_ptr_array_unref);
      portfolio = _lode_portfolio_load_data_with_problems (text, text_length, name, &problems,
                                                          &n_problems, &load_error);
      if (portfolio != NULL)
        {
          if (not_kept != NULL)
            {
              GStrv texts = g_new0 (char *, notes->len + 1);

              g_ptr_array_sort (notes, compare_notes);
              for (guint i = 0; i < notes->len; i++)
                texts[i] = g_steal_pointer (&((Note *) g_ptr_array_index (notes, i))->text);
              *not_kept = texts;
            }
          return portfolio;
        }

      if (!g_error_matches (load_error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID))
        break;
    }

  g_propagate_error (error, g_steal_pointer (&load_error));

  return NULL;
}

LodePortfolio *
lode_salvage_load_file (GFile         *file,
                        const char    *name,
                        GStrv         *not_kept,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL && (guint64) g_file_info_get_size (info) > LODE_PORTFOLIO_MAX_SIZE)
    {
      g_autofree char *limit = g_strdup_printf ("%u", (guint) (LODE_PORTFOLIO_MAX_SIZE >> 20));

      g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %s MB, the most Lode opens"), name, limit);
      return NULL;
    }

  if (info == NULL || !g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      /* GIO names the file by its path; say @name instead. */
      g_autofree char *path = g_file_get_parse_name (file);
      g_autoptr(GString) message = g_string_new (local_error->message);

      g_string_replace (message, path, name, 0);
      g_set_error_literal (error, local_error->domain, local_error->code, message->str);
      return NULL;
    }

  return lode_salvage_load_data (contents, length, name, not_kept, cancellable, error);
}
