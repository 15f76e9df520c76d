/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-settings.h"

/* The schema id stays the same in a development build, so that both read
 * the same preferences. */
#define SCHEMA_ID "io.github.lodeapp.Lode"

static GSettings *settings;
static gboolean compact_figures = TRUE;

static void
compact_figures_changed (GSettings  *self,
                         const char *key,
                         gpointer    user_data)
{
  compact_figures = g_settings_get_boolean (self, "compact-figures");
}

/* The installed schema, or the one compiled in the build tree when Lode
 * runs uninstalled. */
static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) built = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, SCHEMA_ID, TRUE);

  if (schema == NULL)
    {
      built = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, installed, FALSE, NULL);
      if (built != NULL)
        schema = g_settings_schema_source_lookup (built, SCHEMA_ID, FALSE);
    }

  /* Without a schema, the usual error of GLib names what is missing. */
  if (schema == NULL)
    return g_settings_new (SCHEMA_ID);

  return g_settings_new_full (schema, NULL, NULL);
}

GSettings *
lode_settings_get (void)
{
  /* Settings belong to the main thread, as the widgets that show them. */
  if (settings == NULL)
    {
      settings = settings_new ();
      compact_figures = g_settings_get_boolean (settings, "compact-figures");
      /* Connected first, so that every other handler sees the new value. */
      g_signal_connect (settings, "changed::compact-figures",
                        G_CALLBACK (compact_figures_changed), NULL);
    }

  return settings;
}

GFile *
lode_settings_get_last_folder (void)
{
  g_autofree char *path = g_settings_get_string (lode_settings_get (), "last-folder");
  const char *fallback;

  if (path != NULL && g_path_is_absolute (path) && g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (path);

  fallback = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (fallback == NULL || !g_file_test (fallback, G_FILE_TEST_IS_DIR))
    fallback = g_get_home_dir ();

  return g_file_new_for_path (fallback);
}

void
lode_settings_set_last_folder (GFile *folder)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (folder != NULL &&
      g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      parent = g_file_get_parent (folder);
      folder = parent;
    }

  if (folder != NULL)
    path = g_file_get_path (folder);

  g_settings_set_string (lode_settings_get (), "last-folder", path != NULL ? path : "");
}

gboolean
lode_settings_get_compact_figures (void)
{
  lode_settings_get ();

  return compact_figures;
}

/* The views kept: enough for the files one works on, not a history. */
#define MAX_VIEWS 50

gboolean
lode_settings_get_view (GFile     *file,
                        char     **currency,
                        gboolean  *fiscal_years)
{
  g_autoptr(GVariant) views = NULL;
  g_autofree char *uri = NULL;
  GVariantIter iter;
  const char *view_uri;
  const char *code;
  gboolean fiscal;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (currency != NULL && fiscal_years != NULL, FALSE);

  uri = g_file_get_uri (file);
  views = g_settings_get_value (lode_settings_get (), "portfolio-views");
  g_variant_iter_init (&iter, views);
  while (g_variant_iter_next (&iter, "(&s&sb)", &view_uri, &code, &fiscal))
    if (g_str_equal (view_uri, uri))
      {
        *currency = g_strdup (code);
        *fiscal_years = fiscal;
        return TRUE;
      }

  return FALSE;
}

void
lode_settings_set_view (GFile      *file,
                        const char *currency,
                        gboolean    fiscal_years)
{
  g_autoptr(GVariant) views = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *view_uri;
  const char *code;
  gboolean fiscal;
  guint n = 1;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (currency != NULL);

  uri = g_file_get_uri (file);
  views = g_settings_get_value (lode_settings_get (), "portfolio-views");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssb)"));
  g_variant_builder_add (&builder, "(ssb)", uri, currency, fiscal_years);
  g_variant_iter_init (&iter, views);
  while (n < MAX_VIEWS && g_variant_iter_next (&iter, "(&s&sb)", &view_uri, &code, &fiscal))
    if (!g_str_equal (view_uri, uri))
      {
        g_variant_builder_add (&builder, "(ssb)", view_uri, code, fiscal);
        n++;
      }

  g_settings_set_value (lode_settings_get (), "portfolio-views", g_variant_builder_end (&builder));
}
