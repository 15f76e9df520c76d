/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lode-hs-codes.h"

#define HS_CODES_RESOURCE "/io/github/lodeapp/Lode/data/hs-codes.tsv"

typedef struct
{
  const char *code;
  const char *description;
} HsCode;

/* Sorted by code; the strings point into the lines of the table. */
static HsCode *hs_codes;
static guint   n_hs_codes;

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const HsCode *) a)->code, ((const HsCode *) b)->code);
}

static void
load_hs_codes (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (HS_CODES_RESOURCE, 0, NULL);
      g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (HsCode));
      char **lines;

      g_assert (bytes != NULL);

      /* The lines live as long as the program: the table points into them. */
      lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');
          HsCode entry;

          if (lines[i][0] == '#' || tab == NULL)
            {
              g_free (lines[i]);
              continue;
            }
          *tab = '\0';
          entry.code = lines[i];
          entry.description = tab + 1;
          g_array_append_val (codes, entry);
        }
      /* The kept lines now belong to the table. */
      g_free (lines);
      g_array_sort (codes, compare_codes);

      n_hs_codes = codes->len;
      hs_codes = (HsCode *) g_array_free (g_steal_pointer (&codes), FALSE);
      g_once_init_leave (&loaded, 1);
    }
}

static const HsCode *
find_code (const char *code)
{
  HsCode key = { code, NULL };

  if (code == NULL)
    return NULL;

  load_hs_codes ();

  return bsearch (&key, hs_codes, n_hs_codes, sizeof (HsCode), compare_codes);
}

const char *
lode_hs_code_lookup (const char *code)
{
  const HsCode *found = find_code (code);

  return found != NULL ? found->description : NULL;
}

gboolean
lode_hs_code_is_known (const char *code)
{
  return find_code (code) != NULL;
}

const char **
lode_hs_codes_under (const char *prefix,
                     guint      *n_codes)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  gsize length = prefix != NULL ? strlen (prefix) : 0;

  load_hs_codes ();

  for (guint i = 0; i < n_hs_codes; i++)
    if (length == 0 || strncmp (hs_codes[i].code, prefix, length) == 0)
      g_ptr_array_add (codes, (gpointer) hs_codes[i].code);

  if (n_codes != NULL)
    *n_codes = codes->len;
  g_ptr_array_add (codes, NULL);

  return (const char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}
