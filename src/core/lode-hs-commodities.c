/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lode-enum-types.h"
#include "lode-hs-commodities.h"

#define HS_COMMODITIES_RESOURCE "/io/github/lodeapp/Lode/data/hs-commodities.tsv"

/* Every entry, and an index of them by code; both live as long as the
 * program, like the lines they point into. */
static GArray     *commodities;
static GHashTable *by_code;

static gboolean
parse_line (char            *line,
            LodeHsCommodity *entry)
{
  char *fields[5];
  int value;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char *tab;

      fields[i] = line;
      tab = strchr (line, '\t');
      if (i + 1 < G_N_ELEMENTS (fields))
        {
          if (tab == NULL)
            return FALSE;
          *tab = '\0';
          line = tab + 1;
        }
    }

  entry->code = fields[0];
  entry->mineral = fields[1];
  if (!lode_enum_from_nick (LODE_TYPE_STAGE, fields[2], &value))
    return FALSE;
  entry->stage = value;
  if (!lode_enum_from_nick (LODE_TYPE_MINERAL_GROUP, fields[3], &value))
    return FALSE;
  entry->group = value;
  entry->name = fields[4];

  return TRUE;
}

static void
load_commodities (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (HS_COMMODITIES_RESOURCE, 0, NULL);
      char **lines;

      g_assert (bytes != NULL);

      commodities = g_array_new (FALSE, FALSE, sizeof (LodeHsCommodity));
      lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          LodeHsCommodity entry;

          if (lines[i][0] == '#' || lines[i][0] == '\0' || !parse_line (lines[i], &entry))
            {
              g_warn_if_fail (lines[i][0] == '#' || lines[i][0] == '\0');
              g_free (lines[i]);
              continue;
            }
          g_array_append_val (commodities, entry);
        }
      /* The kept lines now belong to the table. */
      g_free (lines);

      by_code = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < commodities->len; i++)
        {
          LodeHsCommodity *entry = &g_array_index (commodities, LodeHsCommodity, i);

          g_hash_table_insert (by_code, (gpointer) entry->code, entry);
        }

      g_once_init_leave (&loaded, 1);
    }
}

const LodeHsCommodity *
lode_hs_commodity_lookup (const char *code)
{
  char prefix[8];
  gsize len;

  if (code == NULL)
    return NULL;

  load_commodities ();

  len = strlen (code);
  if (len < 4 || len >= sizeof prefix)
    return NULL;

  memcpy (prefix, code, len + 1);
  for (gsize n = len; n >= 4; n--)
    {
      const LodeHsCommodity *entry;

      prefix[n] = '\0';
      entry = g_hash_table_lookup (by_code, prefix);
      if (entry != NULL)
        return entry;
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
lode_hs_commodity_codes (const char *mineral)
{
  GPtrArray *codes = g_ptr_array_new ();

  load_commodities ();

  for (guint i = 0; i < commodities->len; i++)
    {
      const LodeHsCommodity *entry = &g_array_index (commodities, LodeHsCommodity, i);

      if (g_strcmp0 (entry->mineral, mineral) == 0)
        g_ptr_array_add (codes, g_strdup (entry->code));
    }
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);

  return (char **) g_ptr_array_free (codes, FALSE);
}
