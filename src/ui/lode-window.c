/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <gobject/gvaluecollector.h>

#include "lode-portfolio-io.h"
#include "lode-salvage.h"

#include "lode-exports-page.h"
#include "lode-minerals-page.h"
#include "lode-overview-page.h"
#include "lode-portfolio-property-private.h"
#include "lode-investments-page.h"
#include "lode-projects-page.h"
#include "lode-settings.h"
#include "lode-sources-page.h"
#include "lode-spreadsheet-export.h"
#include "lode-targets-page.h"
#include "lode-window.h"

#include "lode-drafts.h"
#include "lode-window-private.h"

G_DEFINE_FINAL_TYPE (LodeWindow, lode_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  PROP_FILE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
lode_window_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_uri (file);

  return g_filename_display_name (basename);
}

void
lode_window_show_error (LodeWindow *self,
                        const char *heading,
                        const char *message)
{
  GObject *dialog = lode_dialog_new (heading, message);

  lode_dialog_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  lode_dialog_present (dialog, "close", "close", GTK_WIDGET (self));
}

void
lode_window_set_map_action_enabled (LodeWindow *self,
                                    const char *name,
                                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
lode_window_change_portfolio (LodeWindow *self,
                              const char *label,
                              const char *property,
                              ...)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->portfolio), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  va_list args;

  g_assert (pspec != NULL);

  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  g_assert (error == NULL);

  lode_history_set_property (lode_portfolio_get_history (self->portfolio), label,
                             G_OBJECT (self->portfolio), property, &value);
}

GObject *
lode_window_present_choice (LodeWindow *self,
                            GtkWidget  *row,
                            const char *heading,
                            const char *body,
                            GCallback   response)
{
  GtkWidget *list = gtk_list_box_new ();
  GObject *dialog = lode_dialog_new (heading, body);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  lode_dialog_set_extra_child (dialog, list);
  g_object_set_data (dialog, "lode-row", row);
  lode_dialog_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "set", _("_Set"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", response, self, 0);
  lode_dialog_present (dialog, "set", "cancel", GTK_WIDGET (self));
  gtk_widget_grab_focus (row);

  return dialog;
}

/* The loader names the file at the start of each line; the dialog names it
 * in its heading, so each line keeps only the place inside the file. */
static char *
describe_load_error (const char *name,
                     const char *message)
{
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

      /* "NAME: /json/pointer: message". The pointer is isolated as
       * left-to-right text, so that a right-to-left message does not
       * reorder its slashes and names. */
      while (*line == ' ')
        line++;
      if (*line == '/' && (end = strstr (line, ": ")) != NULL)
        {
          g_string_append (text, "\u2068");
          g_string_append_len (text, line, end - line);
          g_string_append (text, "\u2069");
          line = end;
        }
      g_string_append (text, line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
lode_window_describe_load_error (const char *name,
                                 const char *message)
{
  return describe_load_error (name, message);
}

void
lode_window_update_title (LodeWindow *self)
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
    name = lode_window_file_display_name (self->file);
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
      if (self->save_cancellable != NULL)
        adw_view_switcher_title_set_subtitle (self->switcher_title, _("Saving…"));
      else if (self->file != NULL)
        adw_view_switcher_title_set_subtitle (self->switcher_title, name);
      else
        adw_view_switcher_title_set_subtitle (self->switcher_title, _("Not saved to a file"));
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
  gboolean showing = self->portfolio != NULL;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    showing &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

void
lode_window_update_state (LodeWindow *self)
{
  gboolean busy = self->load_cancellable != NULL;
  const char *page;

  /* What is open stays open, and usable, until a file loads in its place. */
  if (self->portfolio != NULL)
    page = "portfolio";
  else if (busy)
    page = "loading";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  /* Over an open portfolio a bar shows the load; alone, the loading page. */
  gtk_revealer_set_reveal_child (self->load_bar, busy && self->portfolio != NULL);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     g_str_equal (page, "portfolio"));
  update_switcher_bar (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", busy);
  lode_window_documents_update_actions (self);
  lode_window_import_update_actions (self);
  lode_window_periods_update_actions (self);
}

/* Every edit is a step of the history: counts them. */
static void
history_notify_undo_label_cb (LodeWindow *self)
{
  self->n_edits++;
}

void
lode_window_set_portfolio_and_file (LodeWindow    *self,
                                    LodePortfolio *portfolio,
                                    GFile         *file)
{
  gboolean portfolio_changed = self->portfolio != portfolio;
  gboolean file_changed = self->file != file;
  g_autoptr(LodePortfolio) old_portfolio = NULL;

  if (portfolio_changed)
    {
      old_portfolio = self->portfolio != NULL ? g_object_ref (self->portfolio) : NULL;
      g_set_object (&self->portfolio, portfolio);
      g_signal_group_set_target (self->portfolio_signals, portfolio);
      g_signal_group_set_target (self->history_signals,
                                 portfolio != NULL ? lode_portfolio_get_history (portfolio) : NULL);
    }

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  if (portfolio_changed || file_changed)
    lode_window_documents_changed (self, old_portfolio);

  lode_window_update_title (self);
  lode_window_update_state (self);

  if (portfolio_changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
      lode_window_periods_restore (self);
      lode_window_periods_changed (self);
    }
  else if (file_changed && file != NULL)
    lode_window_periods_file_changed (self);
}

/* What a load reads (@source), and the file and draft the window keeps for
 * it: a restored draft is read from the drafts folder but belongs to the
 * file it was a draft of. */
typedef struct
{
  GFile *source;
  GFile *file;
  char  *draft_id;
  /* What a restored draft could not keep, set by the loading thread. */
  GStrv  not_kept;
  /* Thousandths of the file read, written by the loading thread. */
  int    permille;
  /* The window's count of edits when the load began. */
  guint  n_edits;
} LoadData;

/* Shows how far the load is, a few times a second: the loading thread
 * only writes a number, which this reads. */
static gboolean
show_load_progress (gpointer user_data)
{
  LodeWindow *self = user_data;
  LoadData *data;
  int permille;

  if (self->load_task == NULL)
    {
      self->load_progress_id = 0;
      return G_SOURCE_REMOVE;
    }

  data = g_task_get_task_data (self->load_task);
  permille = g_atomic_int_get (&data->permille);
  if (permille > 0)
    {
      gtk_progress_bar_set_fraction (self->load_progress, permille / 1000.0);
      gtk_progress_bar_set_fraction (self->loading_progress, permille / 1000.0);
    }
  else
    {
      gtk_progress_bar_pulse (self->load_progress);
      gtk_progress_bar_pulse (self->loading_progress);
    }

  return G_SOURCE_CONTINUE;
}

static void
set_loading (LodeWindow   *self,
             GTask        *task,
             const char   *title)
{
  gboolean was_busy = lode_window_get_busy (self);
  GCancellable *cancellable = task != NULL ? g_task_get_cancellable (task) : NULL;

  if (self->load_cancellable != NULL && self->load_cancellable != cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_set_object (&self->load_cancellable, cancellable);
  g_set_object (&self->load_task, task);

  g_clear_handle_id (&self->load_progress_id, g_source_remove);
  if (task != NULL)
    {
      gtk_progress_bar_set_fraction (self->load_progress, 0);
      gtk_progress_bar_set_fraction (self->loading_progress, 0);
      self->load_progress_id = g_timeout_add (100, show_load_progress, self);
    }

  if (title != NULL)
    {
      adw_status_page_set_title (self->loading_page, title);
      gtk_label_set_label (self->load_label, title);
    }

  lode_window_update_state (self);

  if (was_busy != lode_window_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->source);
  g_clear_object (&data->file);
  g_free (data->draft_id);
  g_strfreev (data->not_kept);
  g_free (data);
}

/* How errors name a draft: never by its own file, which people do not
 * know of. */
#define DRAFT_NAME "draft"

/* Called from the loading thread. */
static void
load_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  LoadData *data = user_data;

  if (total > 0)
    g_atomic_int_set (&data->permille, (int) MIN (done * 1000 / total, 1000));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  LodePortfolio *portfolio;

  /* A draft that does not load whole gives back what it can. */
  if (data->draft_id != NULL)
    portfolio = lode_salvage_load_file (data->source, DRAFT_NAME, &data->not_kept, cancellable, &error);
  else
    portfolio = lode_portfolio_load_file_full (data->source, load_progress_cb, data,
                                               cancellable, &error);
  if (portfolio == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The Overview's figures are aggregated here, so that showing a large
   * portfolio does not stall the window. */
  if (!g_cancellable_is_cancelled (cancellable))
    lode_overview_page_prepare (portfolio);
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
  LoadData *data = g_task_get_task_data (task);
  GFile *file = data->source;

  /* A load that was cancelled, or replaced by a newer one, changes nothing. */
  if (g_task_get_cancellable (task) != self->load_cancellable)
    return;

  portfolio = g_task_propagate_pointer (task, &error);
  set_loading (self, NULL, NULL);

  if (portfolio == NULL && data->draft_id != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *details = describe_load_error (DRAFT_NAME, error->message);
          g_autofree char *heading = NULL;
          g_autofree char *body = NULL;

          if (data->file != NULL)
            {
              g_autofree char *name = lode_window_file_display_name (data->file);

              heading = g_strdup_printf (_("Could Not Restore the Changes to “%s”"), name);
            }
          else
            heading = g_strdup (_("Could Not Restore the Unsaved Portfolio"));

          /* The draft stays where it is, offered again at the next start. */
          body = g_strdup_printf (_("The draft of the unsaved changes cannot be read, so nothing "
                                    "of it could be restored. It is kept, and offered again the "
                                    "next time Lode starts.\n\n%s"), details);
          lode_window_show_error (self, heading, body);
        }
      return;
    }

  /* What is open changed while the file loaded: ask before replacing it,
   * then read the file again. */
  if (portfolio != NULL && data->draft_id == NULL && self->portfolio != NULL &&
      self->n_edits != data->n_edits && lode_portfolio_get_modified (self->portfolio))
    {
      lode_window_documents_confirm (self, LODE_PENDING_OPEN, file);
      return;
    }

  if (portfolio == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *parse_name = g_file_get_parse_name (file);
          g_autofree char *name = lode_window_file_display_name (file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
          g_autofree char *body = describe_load_error (parse_name, error->message);

          lode_window_show_error (self, heading, body);
        }
      return;
    }

  if (data->draft_id != NULL)
    {
      /* Restored work is unsaved, and undo cannot reach a saved state. */
      lode_portfolio_set_modified (portfolio, TRUE);
      lode_history_clear (lode_portfolio_get_history (portfolio));
      lode_window_set_portfolio_and_file (self, portfolio, data->file);
      lode_window_documents_adopt_draft (self, data->draft_id,
                                         (const char * const *) data->not_kept);
    }
  else
    {
      lode_window_set_portfolio_and_file (self, portfolio, file);
      lode_window_documents_loaded (self, file);
    }
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lode_window_documents_confirm (LODE_WINDOW (widget), LODE_PENDING_SAMPLE, NULL);
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
  g_clear_object (&self->load_task);
  g_clear_handle_id (&self->load_progress_id, g_source_remove);

  lode_window_documents_dispose (self);
  lode_window_import_dispose (self);
  lode_window_periods_dispose (self);

  if (self->portfolio_signals != NULL)
    g_signal_group_set_target (self->portfolio_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->portfolio_signals);
  g_clear_object (&self->history_signals);

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
/* The whole portfolio, whatever the pages show. */
static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);

  if (self->portfolio != NULL)
    lode_spreadsheet_export (widget, self->portfolio, NULL, LODE_SPREADSHEET_FORMAT_XLSX);
}

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

/* "win.show-page" s: the page of that name, as in "investments". */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
lode_window_class_init (LodeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_window_dispose;
  object_class->get_property = lode_window_get_property;
  object_class->set_property = lode_window_set_property;

  properties[PROP_PORTFOLIO] = lode_portfolio_property_new ();

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

  lode_window_documents_class_init (widget_class);
  lode_window_import_class_init (widget_class);
  lode_window_periods_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.show-exports", "a{sv}", show_exports_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL, export_workbook_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-open", NULL);

  g_type_ensure (LODE_TYPE_EXPORTS_PAGE);
  g_type_ensure (LODE_TYPE_MINERALS_PAGE);
  g_type_ensure (LODE_TYPE_OVERVIEW_PAGE);
  g_type_ensure (LODE_TYPE_PROJECTS_PAGE);
  g_type_ensure (LODE_TYPE_INVESTMENTS_PAGE);
  g_type_ensure (LODE_TYPE_TARGETS_PAGE);
  g_type_ensure (LODE_TYPE_SOURCES_PAGE);
  g_type_ensure (LODE_TYPE_COMPARE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, load_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, load_label);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, minerals_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, exports_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, projects_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, investments_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, targets_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, currency_choice);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
}

static void
lode_window_init (LodeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  restore_window_state (self);

  self->portfolio_signals = g_signal_group_new (LODE_TYPE_PORTFOLIO);
  g_signal_group_connect_swapped (self->portfolio_signals, "notify::title",
                                  G_CALLBACK (lode_window_update_title), self);
  g_signal_group_connect_swapped (self->portfolio_signals, "notify::modified",
                                  G_CALLBACK (lode_window_update_title), self);
  self->history_signals = g_signal_group_new (LODE_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::undo-label",
                                  G_CALLBACK (history_notify_undo_label_cb), self);

  lode_window_documents_init (self);
  lode_window_import_init (self);
  lode_window_periods_init (self);

  lode_window_update_title (self);
  lode_window_update_state (self);
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

  lode_window_set_portfolio_and_file (self, portfolio, NULL);
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

  return self->load_cancellable != NULL || self->save_cancellable != NULL;
}

void
lode_window_notify_busy (LodeWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
lode_window_add_toast (LodeWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
start_load (LodeWindow *self,
            LoadData   *data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;

  if (data->draft_id == NULL)
    {
      g_autofree char *name = lode_window_file_display_name (data->source);

      title = g_strdup_printf (_("Opening “%s”…"), name);
    }
  else if (data->file != NULL)
    {
      g_autofree char *name = lode_window_file_display_name (data->file);

      title = g_strdup_printf (_("Restoring the changes to “%s”…"), name);
    }
  else
    title = g_strdup (_("Restoring the unsaved portfolio…"));

  data->n_edits = self->n_edits;
  task = g_task_new (self, cancellable, load_done, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  set_loading (self, task, title);
  g_task_run_in_thread (task, load_thread);
}

void
lode_window_open_file (LodeWindow *self,
                       GFile      *file)
{
  LoadData *data;

  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->source = g_object_ref (file);
  start_load (self, data);
}

void
lode_window_restore_draft (LodeWindow *self,
                           const char *draft_id)
{
  LoadData *data;

  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (draft_id != NULL);

  data = g_new0 (LoadData, 1);
  data->source = lode_draft_get_file (draft_id);
  data->file = lode_draft_get_original (draft_id);
  data->draft_id = g_strdup (draft_id);
  start_load (self, data);
}
