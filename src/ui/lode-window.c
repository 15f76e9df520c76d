/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-portfolio-io.h"

#include "lode-exports-page.h"
#include "lode-minerals-page.h"
#include "lode-overview-page.h"
#include "lode-projects-page.h"
#include "lode-settings.h"
#include "lode-targets-page.h"
#include "lode-window.h"

struct _LodeWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  AdwViewStack         *stack;
  LodeOverviewPage     *overview_page;
  LodeMineralsPage     *minerals_page;
  LodeExportsPage      *exports_page;
  LodeProjectsPage     *projects_page;
  LodeTargetsPage      *targets_page;
  AdwViewSwitcherBar   *switcher_bar;

  LodePortfolio        *portfolio;
  GFile                *file;
  /* Set while a file loads; cancelled and dropped to abandon the load. */
  GCancellable         *load_cancellable;
  GtkNativeDialog      *file_chooser;
};

G_DEFINE_FINAL_TYPE (LodeWindow, lode_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  PROP_FILE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_uri (file);

  return g_filename_display_name (basename);
}

static void
show_error (LodeWindow *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The loader names the file at the start of each line; the dialog names it
 * in its heading, so each line keeps only the place inside the file. */
static char *
describe_load_error (GFile      *file,
                     const char *message)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize name_len = strlen (name);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      guint64 line_number;
      guint64 column;
      char *end;

      if (i > 0)
        g_string_append_c (text, '\n');

      if (strncmp (line, name, name_len) != 0 || line[name_len] != ':')
        {
          g_string_append (text, line);
          continue;
        }

      line += name_len + 1;

      /* "NAME:LINE:COLUMN: message" */
      line_number = g_ascii_strtoull (line, &end, 10);
      if (end != line && *end == ':')
        {
          const char *rest = end + 1;

          column = g_ascii_strtoull (rest, &end, 10);
          if (end != rest && *end == ':')
            {
              /* TRANSLATORS: where a file is not valid JSON, and why */
              g_string_append_printf (text, _("Line %u, column %u:%s"),
                                      (guint) MIN (line_number, G_MAXUINT),
                                      (guint) MIN (column, G_MAXUINT), end + 1);
              continue;
            }
        }

      /* "NAME: /json/pointer: message" */
      while (*line == ' ')
        line++;
      g_string_append (text, line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_title (LodeWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *header_title = NULL;
  const char *title = NULL;
  const char *mark = "";

  if (self->portfolio != NULL)
    {
      title = lode_portfolio_get_title (self->portfolio);
      if (title == NULL || *title == '\0')
        title = _("Untitled portfolio");
      if (lode_portfolio_get_modified (self->portfolio))
        /* TRANSLATORS: put before the title of a portfolio with unsaved changes */
        mark = _("• ");
    }

  if (self->file != NULL)
    name = file_display_name (self->file);
  else if (title != NULL)
    name = g_strdup (title);

  if (name != NULL)
    /* TRANSLATORS: the window title: a mark of unsaved changes (or nothing),
     * a file name, and the name of the application */
    window_title = g_strdup_printf (_("%s%s – Lode"), mark, name);
  else
    window_title = g_strdup (_("Lode"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  if (title != NULL)
    {
      header_title = g_strconcat (mark, title, NULL);
      adw_view_switcher_title_set_title (self->switcher_title, header_title);
      if (self->file != NULL)
        adw_view_switcher_title_set_subtitle (self->switcher_title, name);
      else
        adw_view_switcher_title_set_subtitle (self->switcher_title, _("Built-in sample"));
    }
  else
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Lode"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
    }
}

static void
update_switcher_bar (LodeWindow *self)
{
  gboolean showing = self->portfolio != NULL && self->load_cancellable == NULL;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    showing &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
update_state (LodeWindow *self)
{
  gboolean busy = self->load_cancellable != NULL;
  const char *page;

  if (busy)
    page = "loading";
  else if (self->portfolio != NULL)
    page = "portfolio";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_spinner_set_spinning (self->loading_spinner, busy);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     g_str_equal (page, "portfolio"));
  update_switcher_bar (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as",
                                 self->portfolio != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", busy);
}

static void
set_portfolio_and_file (LodeWindow    *self,
                        LodePortfolio *portfolio,
                        GFile         *file)
{
  gboolean portfolio_changed = self->portfolio != portfolio;

  if (portfolio_changed)
    {
      if (self->portfolio != NULL)
        g_signal_handlers_disconnect_by_func (self->portfolio, update_title, self);

      g_set_object (&self->portfolio, portfolio);

      if (portfolio != NULL)
        {
          g_signal_connect_object (portfolio, "notify::title",
                                   G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (portfolio, "notify::modified",
                                   G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
        }
    }

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  update_title (self);
  update_state (self);

  if (portfolio_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}

static void
set_loading (LodeWindow   *self,
             GCancellable *cancellable,
             GFile        *file)
{
  gboolean was_busy = self->load_cancellable != NULL;

  if (self->load_cancellable != NULL && self->load_cancellable != cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_set_object (&self->load_cancellable, cancellable);

  if (file != NULL)
    {
      g_autofree char *name = file_display_name (file);
      g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);

      adw_status_page_set_title (self->loading_page, title);
    }

  update_state (self);

  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  LodePortfolio *portfolio;

  portfolio = lode_portfolio_load_file (file, cancellable, &error);
  if (portfolio == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, portfolio, g_object_unref);
}

static void
load_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LodeWindow *self = LODE_WINDOW (source_object);
  GTask *task = G_TASK (result);
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_task_get_task_data (task);

  /* A load that was cancelled, or replaced by a newer one, changes nothing. */
  if (g_task_get_cancellable (task) != self->load_cancellable)
    return;

  portfolio = g_task_propagate_pointer (task, &error);
  set_loading (self, NULL, NULL);

  if (portfolio == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = file_display_name (file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
          g_autofree char *body = describe_load_error (file, error->message);

          show_error (self, heading, body);
        }
      return;
    }

  set_portfolio_and_file (self, portfolio, file);
}

static void
open_response (GtkNativeDialog *native,
               int              response,
               LodeWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        lode_window_open_file (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) portfolios = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (portfolios, _("Lode portfolios"));
  gtk_file_filter_add_mime_type (portfolios, "application/json");
  gtk_file_filter_add_suffix (portfolios, "json");
  gtk_file_chooser_add_filter (chooser, portfolios);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, portfolios);
}

static void
set_chooser_folder (LodeWindow     *self,
                    GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (self->file == NULL)
    return;

  folder = g_file_get_parent (self->file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  GtkFileChooserNative *native;

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  native = gtk_file_chooser_native_new (_("Open Portfolio"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  set_chooser_folder (self, GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (open_response), self);

  self->file_chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->file_chooser);
}

static void
save_to_file (LodeWindow *self,
              GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_assert (self->portfolio != NULL);

  if (!lode_portfolio_save_file (self->portfolio, file, TRUE, NULL, &error))
    {
      show_error (self, _("Could Not Save File"), error->message);
      return;
    }

  lode_portfolio_set_modified (self->portfolio, FALSE);
  set_portfolio_and_file (self, self->portfolio, file);

  name = file_display_name (file);
  message = g_strdup_printf (_("Saved “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
save_as_response (GtkNativeDialog *native,
                  int              response,
                  LodeWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->portfolio != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        save_to_file (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static char *
suggested_file_name (LodeWindow *self)
{
  const char *title;
  char *name;

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (basename != NULL)
        return g_filename_display_name (basename);
    }

  title = lode_portfolio_get_title (self->portfolio);
  if (title == NULL || *title == '\0')
    title = _("Portfolio");

  name = g_strconcat (title, ".json", NULL);
  g_strdelimit (name, "/\\", '-');

  return name;
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (self->portfolio == NULL)
    return;

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  native = gtk_file_chooser_native_new (_("Save Portfolio As"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  set_chooser_folder (self, GTK_FILE_CHOOSER (native));
  name = suggested_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (save_as_response), self);

  self->file_chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->file_chooser);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();

  lode_window_set_portfolio (LODE_WINDOW (widget), sample);
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_loading (LODE_WINDOW (widget), NULL, NULL);
}

/* Window size and state: restored when a window is made, saved when it
 * closes or is destroyed (as Ctrl+Q does, without asking it to close).
 * The size saved is the unmaximized one. */
static gboolean
save_window_state (LodeWindow *self)
{
  GSettings *settings = lode_settings_get ();
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  g_settings_set_boolean (settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }

  return FALSE;
}

static void
restore_window_state (LodeWindow *self)
{
  GSettings *settings = lode_settings_get ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect (self, "close-request", G_CALLBACK (save_window_state), NULL);
}

static void
lode_window_dispose (GObject *object)
{
  LodeWindow *self = LODE_WINDOW (object);

  save_window_state (self);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  if (self->portfolio != NULL)
    g_signal_handlers_disconnect_by_func (self->portfolio, update_title, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_WINDOW);

  g_clear_object (&self->portfolio);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (lode_window_parent_class)->dispose (object);
}

static void
lode_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LodeWindow *self = LODE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lode_window_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LodeWindow *self = LODE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      lode_window_set_portfolio (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "win.show-exports" a{sv}: the Exports page on the records of a chart
 * item, by any of "mineral", "destination", "stage" (strings) and "year"
 * (int32). */
static void
show_exports_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  GVariantDict filter;
  const char *mineral = NULL;
  const char *destination = NULL;
  const char *stage = NULL;
  gint32 year = 0;

  g_variant_dict_init (&filter, parameter);
  g_variant_dict_lookup (&filter, "mineral", "&s", &mineral);
  g_variant_dict_lookup (&filter, "destination", "&s", &destination);
  g_variant_dict_lookup (&filter, "stage", "&s", &stage);
  g_variant_dict_lookup (&filter, "year", "i", &year);

  adw_view_stack_set_visible_child_name (self->stack, "exports");
  lode_exports_page_show_filtered (self->exports_page, mineral, destination, stage, year);
  g_variant_dict_clear (&filter);
}

static void
lode_window_class_init (LodeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_window_dispose;
  object_class->get_property = lode_window_get_property;
  object_class->set_property = lode_window_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL,
                         LODE_TYPE_PORTFOLIO,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.show-exports", "a{sv}", show_exports_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-open", NULL);

  g_type_ensure (LODE_TYPE_EXPORTS_PAGE);
  g_type_ensure (LODE_TYPE_MINERALS_PAGE);
  g_type_ensure (LODE_TYPE_OVERVIEW_PAGE);
  g_type_ensure (LODE_TYPE_PROJECTS_PAGE);
  g_type_ensure (LODE_TYPE_TARGETS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, minerals_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, exports_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, projects_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, targets_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
}

static void
lode_window_init (LodeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  restore_window_state (self);
  update_title (self);
  update_state (self);
}

LodeWindow *
lode_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (LODE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

LodePortfolio *
lode_window_get_portfolio (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);

  return self->portfolio;
}

void
lode_window_set_portfolio (LodeWindow    *self,
                           LodePortfolio *portfolio)
{
  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  set_portfolio_and_file (self, portfolio, NULL);
}

GFile *
lode_window_get_file (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
lode_window_get_busy (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

void
lode_window_add_toast (LodeWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
lode_window_open_file (LodeWindow *self,
                       GFile      *file)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = g_cancellable_new ();
  set_loading (self, cancellable, file);

  task = g_task_new (self, cancellable, load_done, NULL);
  g_task_set_source_tag (task, lode_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}
