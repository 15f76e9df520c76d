/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-dialogs.h"

/* Questions */

GObject *
lode_dialog_new (const char *heading,
                 const char *body)
{
#if ADW_CHECK_VERSION(1, 5, 0)
  return G_OBJECT (adw_alert_dialog_new (heading, body));
#else
  return G_OBJECT (adw_message_dialog_new (NULL, heading, body));
#endif
}

void
lode_dialog_add_response (GObject               *dialog,
                          const char            *id,
                          const char            *label,
                          AdwResponseAppearance  appearance)
{
#if ADW_CHECK_VERSION(1, 5, 0)
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), id, label);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), id, appearance);
#else
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), id, appearance);
#endif
}

void
lode_dialog_set_extra_child (GObject   *dialog,
                             GtkWidget *child)
{
#if ADW_CHECK_VERSION(1, 5, 0)
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), child);
#else
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), child);
#endif
}

void
lode_dialog_present (GObject    *dialog,
                     const char *default_response,
                     const char *close_response,
                     GtkWidget  *parent)
{
#if ADW_CHECK_VERSION(1, 5, 0)
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), default_response);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), close_response);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
#else
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), default_response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), close_response);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

void
lode_dialog_close (GObject *dialog)
{
#if ADW_CHECK_VERSION(1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (dialog));
#else
  gtk_window_destroy (GTK_WINDOW (dialog));
#endif
}

/* Files */

typedef struct
{
  LodeFileChosenFunc chosen;
  gpointer           user_data;
} ChooserData;

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* What lode_file_chooser_show() was asked. */
typedef struct
{
  GtkWindow  *parent;
  gboolean    save;
  const char *title;
  const char *accept_label;
  GListModel *filters;
  GFile      *folder;
  const char *name;
} ChooserRequest;

#if GTK_CHECK_VERSION(4, 10, 0)

static void
file_dialog_done_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChooserData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;

  if (g_task_get_source_tag (task) == (gpointer) gtk_file_dialog_save)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source_object), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source_object), result, NULL);

  /* A chooser put away answers nothing. */
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    data->chosen (file, data->user_data);
  g_task_return_boolean (task, TRUE);
}

static GObject *
chooser_show (const ChooserRequest *request,
              ChooserData          *data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GTask *task;

  gtk_file_dialog_set_title (dialog, request->title);
  gtk_file_dialog_set_accept_label (dialog, request->accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (request->filters != NULL && g_list_model_get_n_items (request->filters) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (request->filters, 0);

      gtk_file_dialog_set_filters (dialog, request->filters);
      gtk_file_dialog_set_default_filter (dialog, first);
    }
  if (request->folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, request->folder);

  task = g_task_new (NULL, cancellable, NULL, NULL);
  g_task_set_task_data (task, data, g_free);

  if (request->save)
    {
      g_task_set_source_tag (task, gtk_file_dialog_save);
      if (request->name != NULL)
        gtk_file_dialog_set_initial_name (dialog, request->name);
      gtk_file_dialog_save (dialog, request->parent, cancellable, file_dialog_done_cb, task);
    }
  else
    gtk_file_dialog_open (dialog, request->parent, cancellable, file_dialog_done_cb, task);

  return G_OBJECT (g_steal_pointer (&cancellable));
}

static void
chooser_put_away (GObject *chooser)
{
  g_cancellable_cancel (G_CANCELLABLE (chooser));
}

#else

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    ChooserData     *data)
{
  g_autoptr(GtkNativeDialog) held = g_object_ref (native);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  data->chosen (file, data->user_data);
  gtk_native_dialog_destroy (native);
}

static GObject *
chooser_show (const ChooserRequest *request,
              ChooserData          *data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (request->title, request->parent,
                                        request->save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        request->accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  for (guint i = 0; request->filters != NULL && i < g_list_model_get_n_items (request->filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (request->filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (request->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), request->folder, NULL);
  if (request->save && request->name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), request->name);

  g_object_set_data_full (G_OBJECT (native), "lode-chooser-data", data, g_free);
  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), data);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));

  return G_OBJECT (native);
}

static void
chooser_put_away (GObject *chooser)
{
  /* Destroyed, the dialog gives no response. */
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

#endif

GObject *
lode_file_chooser_show (GtkWidget             *parent,
                        LodeFileChooserAction  action,
                        const char            *title,
                        const char            *accept_label,
                        GListModel            *filters,
                        GFile                 *folder,
                        const char            *name,
                        LodeFileChosenFunc     chosen,
                        gpointer               user_data)
{
  const ChooserRequest request = {
    .parent = parent_window (parent),
    .save = action == LODE_FILE_CHOOSER_SAVE,
    .title = title,
    .accept_label = accept_label,
    .filters = filters,
    .folder = folder,
    .name = name,
  };
  ChooserData *data;

  g_return_val_if_fail (chosen != NULL, NULL);

  data = g_new0 (ChooserData, 1);
  data->chosen = chosen;
  data->user_data = user_data;

  return chooser_show (&request, data);
}

void
lode_file_chooser_cancel (GObject *chooser)
{
  g_return_if_fail (G_IS_OBJECT (chooser));

  chooser_put_away (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
file_filter_new (LodeFileFilter kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gboolean csv = kind == LODE_FILE_FILTER_CSV || kind == LODE_FILE_FILTER_IMPORTABLE;
  gboolean json = kind == LODE_FILE_FILTER_PORTFOLIOS || kind == LODE_FILE_FILTER_IMPORTABLE;

  switch (kind)
    {
    case LODE_FILE_FILTER_PORTFOLIOS:
      gtk_file_filter_set_name (filter, _("Lode portfolios"));
      break;

    case LODE_FILE_FILTER_CSV:
      gtk_file_filter_set_name (filter, _("CSV files"));
      break;

    case LODE_FILE_FILTER_IMPORTABLE:
      gtk_file_filter_set_name (filter, _("Trade statistics and portfolios"));
      break;

    case LODE_FILE_FILTER_ALL:
    case LODE_FILE_FILTER_END:
    default:
      gtk_file_filter_set_name (filter, _("All files"));
      gtk_file_filter_add_pattern (filter, "*");
      break;
    }

  if (csv)
    {
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  if (json)
    {
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
    }

  return filter;
}

/* Returns: (transfer full): a GListModel of GtkFileFilter. */
GListModel *
lode_file_filters_new (LodeFileFilter first,
                       ...)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  va_list args;

  va_start (args, first);
  for (LodeFileFilter kind = first; kind != LODE_FILE_FILTER_END; kind = va_arg (args, LodeFileFilter))
    {
      g_autoptr(GtkFileFilter) filter = file_filter_new (kind);

      g_list_store_append (filters, filter);
    }
  va_end (args);

  return G_LIST_MODEL (filters);
}
