/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-application.h"
#include "lode-preferences-window.h"
#include "lode-settings.h"
#include "lode-test-ui.h"
#include "lode-ui-format.h"
#include "lode-window.h"

/* Preferences change what the application shows and are written to disk:
 * the settings go to a key file in a temporary folder, read back here. */

#define SETTINGS_GROUP "io/github/lodeapp/Lode"

static LodeApplication *application;
static char *config_dir;

/* The value of @key as written in the settings file, in GVariant text. */
static char *
stored_value (const char *key)
{
  g_autofree char *path = g_build_filename (config_dir, "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_settings_sync ();
  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);

  return g_key_file_get_value (keyfile, SETTINGS_GROUP, key, NULL);
}

static gpointer
template_child (gpointer    widget,
                const char *name)
{
  return lode_test_template_child (widget, LODE_TYPE_PREFERENCES_WINDOW, name);
}

static LodePreferencesWindow *
open_preferences (void)
{
  LodePreferencesWindow *preferences;

  /* As the menu and Ctrl+comma do. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  lode_test_settle ();

  preferences = lode_test_find_toplevel (LODE_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (preferences);
  g_assert_true (lode_test_wait_for (lode_test_is_mapped, preferences));

  return preferences;
}

static void
count_change (GSettings  *settings,
              const char *key,
              guint      *count)
{
  (*count)++;
}

static void
test_compact_figures (void)
{
  LodePreferencesWindow *preferences = open_preferences ();
  GtkSwitch *compact = template_child (preferences, "compact_figures_switch");
  LodeMoney copper = G_GINT64_CONSTANT (114000000025);
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  guint changes = 0;
  gulong handler;

  handler = g_signal_connect (lode_settings_get (), "changed::compact-figures",
                              G_CALLBACK (count_change), &changes);

  g_assert_true (gtk_switch_get_active (compact));
  text = lode_format_money (copper);
  g_assert_cmpstr (text, ==, "$1.14 B");
  g_clear_pointer (&text, g_free);

  /* Full figures: every digit, and the pages are told to redraw. */
  gtk_switch_set_active (compact, FALSE);
  lode_test_settle ();
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (lode_settings_get_compact_figures ());
  text = lode_format_money (copper);
  g_assert_cmpstr (text, ==, "$1,140,000,000.25");
  g_clear_pointer (&text, g_free);
  stored = stored_value ("compact-figures");
  g_assert_cmpstr (stored, ==, "false");
  g_clear_pointer (&stored, g_free);

  gtk_switch_set_active (compact, TRUE);
  lode_test_settle ();
  g_assert_cmpuint (changes, ==, 2);
  text = lode_format_money (copper);
  g_assert_cmpstr (text, ==, "$1.14 B");
  stored = stored_value ("compact-figures");
  g_assert_cmpstr (stored, ==, "true");

  g_signal_handler_disconnect (lode_settings_get (), handler);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* Chooses the style at @index in the row; checks the style manager and the
 * settings file follow. */
static void
choose_style (AdwComboRow       *row,
              guint              index,
              AdwColorScheme     expected,
              gboolean           dark,
              const char        *stored_nick)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *stored = NULL;

  adw_combo_row_set_selected (row, index);
  lode_test_settle ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, expected);
  g_assert_cmpint (adw_style_manager_get_dark (style_manager), ==, dark);
  stored = stored_value ("color-scheme");
  g_assert_cmpstr (stored, ==, stored_nick);
}

static void
test_color_scheme (void)
{
  LodePreferencesWindow *preferences = open_preferences ();
  AdwComboRow *row = template_child (preferences, "color_scheme_row");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  choose_style (row, 2, ADW_COLOR_SCHEME_FORCE_DARK, TRUE, "'dark'");
  choose_style (row, 1, ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE, "'light'");

  /* A preference set elsewhere (another window, dconf) shows in the row. */
  g_settings_set_string (lode_settings_get (), "color-scheme", "default");
  lode_test_settle ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_default_destination (void)
{
  LodePreferencesWindow *preferences = open_preferences ();
  AdwComboRow *row = template_child (preferences, "destination_row");
  GListModel *names = adw_combo_row_get_model (row);
  g_autofree char *stored = NULL;
  g_autofree char *code = NULL;
  guint china = GTK_INVALID_LIST_POSITION;

  /* No default at first; then every country of iso-codes. */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (names), >, 200);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_str_equal (gtk_string_object_get_string (name), "China"))
        china = i;
    }
  g_assert_cmpuint (china, !=, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (row, china);
  lode_test_settle ();
  code = g_settings_get_string (lode_settings_get (), "default-destination");
  g_assert_cmpstr (code, ==, "CN");
  stored = stored_value ("default-destination");
  g_assert_cmpstr (stored, ==, "'CN'");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Remembered when the preferences open again. */
  preferences = open_preferences ();
  row = template_child (preferences, "destination_row");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, china);

  adw_combo_row_set_selected (row, 0);
  lode_test_settle ();
  g_clear_pointer (&code, g_free);
  code = g_settings_get_string (lode_settings_get (), "default-destination");
  g_assert_cmpstr (code, ==, "");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_last_folder (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (config_dir);
  g_autofree char *file_path = g_build_filename (config_dir, "portfolio.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GFile) fallback = NULL;
  g_autoptr(GFile) remembered = NULL;
  g_autofree char *stored = NULL;

  /* Nothing remembered: a folder that exists. */
  fallback = lode_settings_get_last_folder ();
  g_assert_nonnull (fallback);
  g_assert_cmpint (g_file_query_file_type (fallback, G_FILE_QUERY_INFO_NONE, NULL), ==, G_FILE_TYPE_DIRECTORY);

  /* A file that does not exist yet (a save) remembers its folder. */
  lode_settings_set_last_folder (file);
  remembered = lode_settings_get_last_folder ();
  g_assert_true (g_file_equal (remembered, folder));
  stored = stored_value ("last-folder");
  g_assert_true (strstr (stored, config_dir) != NULL);

  lode_settings_set_last_folder (NULL);
  g_clear_object (&remembered);
  remembered = lode_settings_get_last_folder ();
  g_assert_true (g_file_equal (remembered, fallback));
}

static void
test_window_size (void)
{
  LodeWindow *window = lode_window_new (GTK_APPLICATION (application));
  g_autofree char *stored = NULL;
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 720);
  lode_test_present (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  lode_test_settle ();
  gtk_window_close (GTK_WINDOW (window));
  lode_test_settle ();

  stored = stored_value ("window-width");
  g_assert_cmpstr (stored, ==, "800");
  g_clear_pointer (&stored, g_free);
  stored = stored_value ("window-height");
  g_assert_cmpstr (stored, ==, "600");
  g_clear_pointer (&stored, g_free);

  /* The next window opens at that size. */
  window = lode_window_new (GTK_APPLICATION (application));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Destroyed without being asked to close, as when the application
   * quits: the size is kept too. */
  window = lode_window_new (GTK_APPLICATION (application));
  lode_test_present (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  lode_test_settle ();
  gtk_window_destroy (GTK_WINDOW (window));
  stored = stored_value ("window-width");
  g_assert_cmpstr (stored, ==, "700");
  g_clear_pointer (&stored, g_free);

  /* Not maximized when closed: remembered as such. Maximizing itself
   * needs a window manager, which the test's X server does not have. */
  stored = stored_value ("window-maximized");
  g_assert_cmpstr (stored, ==, "false");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything reads the environment. */
  config_dir = g_dir_make_tmp ("lode-test-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  application = lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/preferences/compact-figures", test_compact_figures);
  g_test_add_func ("/lode/preferences/color-scheme", test_color_scheme);
  g_test_add_func ("/lode/preferences/default-destination", test_default_destination);
  g_test_add_func ("/lode/preferences/last-folder", test_last_folder);
  g_test_add_func ("/lode/preferences/window-size", test_window_size);

  status = lode_test_run ();
  lode_test_remove_tree (config_dir);
  g_free (config_dir);

  return status;
}
