/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lode-chart-country.h"

#define ISO_3166_1_JSON ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json"

static GHashTable *
load_names (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *countries;

  if (!json_parser_load_from_file (parser, ISO_3166_1_JSON, NULL))
    return names;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return names;

  countries = json_object_get_array_member (json_node_get_object (root), "3166-1");
  if (countries == NULL)
    return names;

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonNode *node = json_array_get_element (countries, i);
      JsonObject *country;
      const char *code;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      country = json_node_get_object (node);
      code = json_object_get_string_member_with_default (country, "alpha_2", NULL);
      name = json_object_get_string_member_with_default (country, "common_name", NULL);
      if (name == NULL)
        name = json_object_get_string_member_with_default (country, "name", NULL);
      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (g_dgettext ("iso_3166-1", name)));
    }

  return names;
}

const char *
lode_chart_country_name (const char *code)
{
  static GHashTable *names;
  const char *name;

  g_return_val_if_fail (code != NULL, NULL);

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, load_names ());

  name = g_hash_table_lookup (names, code);

  return name != NULL ? name : code;
}
