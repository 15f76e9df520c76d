/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-portfolio-io.h"

#include "lode-application.h"
#include "lode-preferences-window.h"
#include "lode-settings.h"
#include "lode-window.h"

struct _LodeApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LodeApplication, lode_application, ADW_TYPE_APPLICATION)

static void
lode_application_activate (GApplication *application)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window;

  window = lode_window_new (GTK_APPLICATION (application));
  lode_window_set_portfolio (window, sample);
  gtk_window_present (GTK_WINDOW (window));
}

static void
lode_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      LodeWindow *window = lode_window_new (GTK_APPLICATION (application));

      lode_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Lode"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Lode developers"),
                        "comments", _("Track mineral reserves, exports and investments"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Harmonized System codes"),
                                      _("The Harmonized System 2022 nomenclature of the World Customs Organization, as extracted from UN Comtrade by the datasets/harmonized-system project."),
                                      GTK_LICENSE_CUSTOM,
                                      _("Open Data Commons Public Domain Dedication and License (PDDL) 1.0"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  LodePreferencesWindow *preferences;

  preferences = lode_preferences_window_new (gtk_application_get_active_window (application));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

/* The "color-scheme" preference, applied to every window. */
static void
color_scheme_changed (GSettings  *settings,
                      const char *key,
                      gpointer    user_data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  switch (g_settings_get_enum (settings, "color-scheme"))
    {
    case 1:
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;

    case 2:
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;

    default:
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

static void
follow_color_scheme (LodeApplication *self)
{
  GSettings *settings = lode_settings_get ();

  g_signal_connect_object (settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed), self, 0);
  color_scheme_changed (settings, "color-scheme", self);
}

static void
lode_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (lode_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);

  follow_color_scheme (LODE_APPLICATION (application));
}

/* Options handled before any window opens: exit status -1 goes on. */
static int
lode_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lode %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
lode_application_class_init (LodeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = lode_application_handle_local_options;

  app_class->activate = lode_application_activate;
  app_class->open = lode_application_open;
  app_class->startup = lode_application_startup;
}

static void
lode_application_init (LodeApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version of Lode and exit"), NULL },
    { NULL }
  };
  GApplication *application = G_APPLICATION (self);

  g_application_add_main_option_entries (application, options);
  /* TRANSLATORS: the arguments of lode in "lode --help" */
  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
                                            _("Track mineral reserves, exports and investments."));
  g_application_set_option_context_description (application,
                                                _("Opens each FILE, a Lode portfolio (JSON), in a window of its\n"
                                                  "own; without a FILE, Lode opens its built-in sample. If Lode\n"
                                                  "is already running, the files open in it.\n\n"
                                                  "lode-cli checks, summarises and converts portfolios from a\n"
                                                  "terminal: see lode-cli(1)."));
}

LodeApplication *
lode_application_new (void)
{
  /* The resource path is fixed, so that a development build (with another
   * application id) finds the same style sheet and shortcuts window. */
  return g_object_new (LODE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/lodeapp/Lode",
                       NULL);
}
