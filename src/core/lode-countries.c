/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lode-countries-private.h"

#define ISO_3166_DOMAIN "iso_3166-1"
#define ISO_3166_2_DOMAIN "iso_3166-2"

typedef struct
{
  GHashTable *names;  /* code → translated name */
  char      **codes;  /* sorted by name */
  GHashTable *alpha3; /* "PAK" → "PK" */
  GHashTable *numeric; /* GUINT_TO_POINTER (586) → "PK" */
  GHashTable *english; /* "pakistan" → "PK": English names, folded */
} Countries;

/* The list @member of iso-codes' DOMAIN.json, from where iso-codes was
 * found at build time, else from the first data folder that has it (a
 * Flatpak's runtime, another prefix); NULL when none does. Binds @domain to
 * the translations beside the file. @parser keeps the list. */
JsonArray *
_lode_load_iso_codes (JsonParser *parser,
                      const char *domain,
                      const char *member)
{
  g_autofree char *file = g_strconcat (domain, ".json", NULL);
  g_autofree char *prefix_dir = g_build_filename (ISO_CODES_PREFIX, "share", NULL);
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) data_dirs = g_ptr_array_new ();

  g_ptr_array_add (data_dirs, prefix_dir);
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (data_dirs, (gpointer) system_dirs[i]);

  for (guint i = 0; i < data_dirs->len; i++)
    {
      const char *data_dir = g_ptr_array_index (data_dirs, i);
      g_autofree char *path = g_build_filename (data_dir, "iso-codes", "json", file, NULL);
      g_autofree char *locale_dir = NULL;
      JsonNode *root;
      JsonArray *list;

      if (!json_parser_load_from_file (parser, path, NULL))
        continue;

      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root))
        continue;
      list = json_object_get_array_member (json_node_get_object (root), member);
      if (list == NULL)
        continue;

      locale_dir = g_build_filename (data_dir, "locale", NULL);
      bindtextdomain (domain, locale_dir);
      bind_textdomain_codeset (domain, "UTF-8");

      return list;
    }

  g_debug ("No %s in iso-codes", file);
  return NULL;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *names = user_data;
  const char *name_a = g_hash_table_lookup (names, *(const char * const *) a);
  const char *name_b = g_hash_table_lookup (names, *(const char * const *) b);

  return g_utf8_collate (name_a, name_b);
}

char **
_lode_load_iso_names (const char         *domain,
                      const char         *member,
                      const char         *code_member,
                      const char * const *name_members,
                      GHashTable         *names,
                      LodeIsoEntryFunc    func,
                      gpointer            user_data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  JsonArray *list = _lode_load_iso_codes (parser, domain, member);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *entry;
      const char *code;
      const char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      entry = json_node_get_object (node);
      code = json_object_get_string_member_with_default (entry, code_member, NULL);
      for (guint j = 0; name == NULL && name_members[j] != NULL; j++)
        name = json_object_get_string_member_with_default (entry, name_members[j], NULL);
      if (code == NULL || name == NULL)
        continue;
      if (func != NULL && !func (entry, code, user_data))
        continue;

      /* dgettext(), not g_dgettext(): the names are translated even
       * where Lode itself is not, as the regions are. */
      g_hash_table_insert (names, g_strdup (code), g_strdup (dgettext (domain, name)));
    }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, key);
  g_ptr_array_sort_with_data (codes, compare_codes, names);
  g_ptr_array_add (codes, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/* The other codes and the English names of a country. */
static gboolean
add_country_codes (JsonObject *country,
                   const char *code,
                   gpointer    user_data)
{
  Countries *countries = user_data;
  static const char * const name_members[] = { "name", "common_name", "official_name" };
  const char *alpha3;
  const char *numeric;
  guint64 number;

  alpha3 = json_object_get_string_member_with_default (country, "alpha_3", NULL);
  if (alpha3 != NULL)
    g_hash_table_insert (countries->alpha3, g_strdup (alpha3), g_strdup (code));
  for (guint j = 0; j < G_N_ELEMENTS (name_members); j++)
    {
      const char *english = json_object_get_string_member_with_default (country, name_members[j], NULL);

      if (english != NULL)
        g_hash_table_insert (countries->english, g_utf8_casefold (english, -1), g_strdup (code));
    }
  numeric = json_object_get_string_member_with_default (country, "numeric", NULL);
  if (numeric != NULL && g_ascii_string_to_unsigned (numeric, 10, 1, 999, &number, NULL))
    g_hash_table_insert (countries->numeric, GUINT_TO_POINTER ((guint) number), g_strdup (code));

  return TRUE;
}

static Countries *
load_countries (void)
{
  static const char * const shown_names[] = { "common_name", "name", NULL };
  Countries *countries = g_new0 (Countries, 1);

  countries->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  countries->alpha3 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  countries->numeric = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  countries->english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  countries->codes = _lode_load_iso_names (ISO_3166_DOMAIN, "3166-1", "alpha_2", shown_names,
                                           countries->names, add_country_codes, countries);

  return countries;
}

static const Countries *
get_countries (void)
{
  static Countries *countries;

  if (g_once_init_enter (&countries))
    g_once_init_leave (&countries, load_countries ());

  return countries;
}

const char *
lode_country_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  /* Not in iso-codes: ISO 3166 leaves ZZ to its users, and Lode files
   * under it what trade statistics send to places that are not one
   * country. */
  if (strcmp (code, LODE_COUNTRY_NOT_A_COUNTRY) == 0)
    return g_dgettext (GETTEXT_PACKAGE, N_("Other areas (not a country)"));

  return g_hash_table_lookup (get_countries ()->names, code);
}

const char *
lode_country_from_alpha3 (const char *alpha3)
{
  if (alpha3 == NULL)
    return NULL;

  return g_hash_table_lookup (get_countries ()->alpha3, alpha3);
}

const char *
lode_country_from_name (const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return NULL;

  folded = g_utf8_casefold (name, -1);
  return g_hash_table_lookup (get_countries ()->english, folded);
}

const char *
lode_country_from_numeric (guint numeric)
{
  return g_hash_table_lookup (get_countries ()->numeric, GUINT_TO_POINTER (numeric));
}

const char *
lode_country_name (const char *code)
{
  const char *name = lode_country_lookup (code);

  return name != NULL ? name : code;
}

const char * const *
lode_country_codes (void)
{
  return (const char * const *) get_countries ()->codes;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static char **
load_regions (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonArray *list = _lode_load_iso_codes (parser, ISO_3166_2_DOMAIN, "3166-2");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *subdivision;
      const char *code;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      subdivision = json_node_get_object (node);
      code = json_object_get_string_member_with_default (subdivision, "code", NULL);
      name = json_object_get_string_member_with_default (subdivision, "name", NULL);
      if (code == NULL || name == NULL || !g_str_has_prefix (code, "PK-"))
        continue;

      g_ptr_array_add (names, g_strdup (dgettext (ISO_3166_2_DOMAIN, name)));
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

const char * const *
lode_region_names (void)
{
  static char **regions;

  if (g_once_init_enter (&regions))
    g_once_init_leave (&regions, load_regions ());

  return (const char * const *) regions;
}
