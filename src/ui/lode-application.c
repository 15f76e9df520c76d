/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-drafts.h"
#include "lode-portfolio-io.h"

#include "lode-application.h"
#include "lode-preferences-window.h"
#include "lode-settings.h"
#include "lode-window-private.h"

struct _LodeApplication
{
  AdwApplication parent_instance;

  /* Drafts left by a Lode that did not close: offered once, at start. */
  gboolean       drafts_offered;
  GStrv          drafts;
  GObject       *drafts_dialog;
};

G_DEFINE_FINAL_TYPE (LodeApplication, lode_application, ADW_TYPE_APPLICATION)

static void
drafts_response (GObject         *dialog,
                 const char      *response,
                 LodeApplication *self)
{
  g_clear_object (&self->drafts_dialog);

  if (g_str_equal (response, "restore") || g_str_equal (response, "discard"))
    g_action_group_activate_action (G_ACTION_GROUP (self),
                                    g_str_equal (response, "restore") ? "restore-drafts" : "discard-drafts",
                                    NULL);
}

/* Work that was not saved when Lode last stopped is offered back, once. */
static void
offer_drafts (LodeApplication *self,
              LodeWindow      *window)
{
  g_autofree char *body = NULL;
  guint n_drafts;
  GObject *dialog;

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  self->drafts = lode_drafts_list ();
  n_drafts = g_strv_length (self->drafts);
  if (n_drafts == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Lode stopped before a portfolio with unsaved changes was saved. Restore the changes?",
                                       "Lode stopped before %u portfolios with unsaved changes were saved. Restore the changes?",
                                       n_drafts),
                          n_drafts);
  dialog = lode_dialog_new (_("Restore Unsaved Changes?"), body);
  lode_dialog_add_response (dialog, "later", _("_Not Now"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  lode_dialog_add_response (dialog, "restore", _("_Restore"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (drafts_response), self, 0);
  self->drafts_dialog = g_object_ref (dialog);
  lode_dialog_present (dialog, "restore", "later", GTK_WIDGET (window));
}

static void
close_drafts_dialog (LodeApplication *self)
{
  if (self->drafts_dialog != NULL)
    lode_dialog_close (self->drafts_dialog);
  g_clear_object (&self->drafts_dialog);
}

static void
restore_drafts_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  LodeApplication *self = user_data;
  g_auto(GStrv) drafts = g_steal_pointer (&self->drafts);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  if (active == NULL && windows != NULL)
    active = windows->data;

  close_drafts_dialog (self);

  for (guint i = 0; drafts != NULL && drafts[i] != NULL; i++)
    {
      LodeWindow *window = NULL;

      /* The first draft takes the place of a window without changes. */
      if (i == 0 && LODE_IS_WINDOW (active))
        {
          LodePortfolio *portfolio = lode_window_get_portfolio (LODE_WINDOW (active));

          if (portfolio == NULL || !lode_portfolio_get_modified (portfolio))
            window = LODE_WINDOW (active);
        }

      if (window == NULL)
        window = lode_window_new (GTK_APPLICATION (self));

      lode_window_restore_draft (window, drafts[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
discard_drafts_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  LodeApplication *self = user_data;
  g_auto(GStrv) drafts = g_steal_pointer (&self->drafts);

  close_drafts_dialog (self);

  for (guint i = 0; drafts != NULL && drafts[i] != NULL; i++)
    lode_draft_delete (drafts[i]);
}

static void
lode_application_activate (GApplication *application)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window;

  window = lode_window_new (GTK_APPLICATION (application));
  lode_window_set_portfolio (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  offer_drafts (LODE_APPLICATION (application), window);
}

static void
lode_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  LodeWindow *first = NULL;

  for (int i = 0; i < n_files; i++)
    {
      LodeWindow *window = lode_window_new (GTK_APPLICATION (application));

      lode_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
      if (first == NULL)
        first = window;
    }

  if (first != NULL)
    offer_drafts (LODE_APPLICATION (application), first);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window asks about its unsaved changes; the application ends with
   * its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
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
  { "restore-drafts", restore_drafts_activated },
  { "discard-drafts", discard_drafts_activated },
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
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *save_accels[] = { "<Control>s", NULL };
  static const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  static const char *rename_accels[] = { "F2", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *export_workbook_accels[] = { "<Control><Shift>e", NULL };
  static const char *fiscal_years_accels[] = { "<Control><Shift>y", NULL };
  static const char *exchange_rates_accels[] = { "<Control><Shift>r", NULL };

  G_APPLICATION_CLASS (lode_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.save", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.rename", rename_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.export-workbook", export_workbook_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.fiscal-years", fiscal_years_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.exchange-rates", exchange_rates_accels);

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
lode_application_dispose (GObject *object)
{
  LodeApplication *self = LODE_APPLICATION (object);

  close_drafts_dialog (self);
  g_clear_pointer (&self->drafts, g_strfreev);

  G_OBJECT_CLASS (lode_application_parent_class)->dispose (object);
}

static void
lode_application_class_init (LodeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lode_application_dispose;
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
