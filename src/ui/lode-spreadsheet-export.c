/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lode-dialogs.h"
#include "lode-settings.h"
#include "lode-spreadsheet-export.h"
#include "lode-window.h"

/* One export, from the question where to its toast. */
typedef struct
{
  GtkWidget             *parent;
  LodePortfolio         *portfolio;
  LodeExportIndex       *shown;
  LodeSpreadsheetFormat  format;
  GObject               *chooser;
  LodeSpreadsheet       *spreadsheet;
  GFile                 *file;
  guint                  n_records;
  /* While it is written: a toast with the progress and Cancel. */
  AdwToast              *toast;
  GCancellable          *cancellable;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->parent);
  g_clear_object (&export->portfolio);
  g_clear_object (&export->shown);
  g_clear_object (&export->chooser);
  /* Released here, on the main thread, where the table changes. */
  g_clear_pointer (&export->spreadsheet, lode_spreadsheet_free);
  g_clear_object (&export->file);
  if (export->toast != NULL)
    adw_toast_dismiss (export->toast);
  g_clear_object (&export->toast);
  g_clear_object (&export->cancellable);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static char *
display_name (GFile *file);

/* The toast says how far the writing is. */
typedef struct
{
  AdwToast *toast;
  char     *name;
  int       percent;
} ProgressUpdate;

static gboolean
update_toast_cb (gpointer data)
{
  ProgressUpdate *update = data;
  g_autofree char *title = NULL;

  /* Translators: a toast while a file is exported: its name, the part
   * written in percent */
  title = g_strdup_printf (_("Exporting “%s”… %d %%"), update->name, update->percent);
  adw_toast_set_title (update->toast, title);

  g_object_unref (update->toast);
  g_free (update->name);
  g_free (update);

  return G_SOURCE_REMOVE;
}

/* In the worker. */
static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Export *export = user_data;
  ProgressUpdate *update;

  if (export->toast == NULL || total == 0)
    return;

  update = g_new0 (ProgressUpdate, 1);
  update->toast = g_object_ref (export->toast);
  update->name = display_name (export->file);
  update->percent = (int) (done * 100 / total);
  g_idle_add (update_toast_cb, update);
}

static void
cancel_clicked_cb (AdwToast     *toast,
                   GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  lode_spreadsheet_set_progress (export->spreadsheet, progress_cb, export);
  if (lode_spreadsheet_write_file (export->spreadsheet, export->file, export->format,
                                   cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = G_TASK (result);
  /* Freed here, on the main thread, whichever thread lets the task go. */
  g_autoptr(Export) export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (export->file);
  GtkRoot *root = gtk_widget_get_root (export->parent);

  if (export->toast != NULL)
    {
      adw_toast_dismiss (export->toast);
      g_clear_object (&export->toast);
    }

  if (!g_task_propagate_boolean (task, &error))
    {
      GObject *dialog;

      /* Cancelled with the toast's button: nothing to say. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The window was closed meanwhile: there is no one to tell. */
      if (!GTK_IS_WINDOW (root))
        return;

      dialog = lode_dialog_new (export->format == LODE_SPREADSHEET_FORMAT_CSV
                                  ? _("Could Not Export the Records")
                                  : _("Could Not Export the Workbook"),
                                error->message);
      lode_dialog_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
      lode_dialog_present (dialog, "close", "close", export->parent);
      return;
    }

  if (LODE_IS_WINDOW (root))
    {
      g_autofree char *title = NULL;

      if (export->format == LODE_SPREADSHEET_FORMAT_CSV)
        {
          g_autofree char *count = lode_format_count (export->n_records);

          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Exported %s record to “%s”",
                                                "Exported %s records to “%s”",
                                                export->n_records),
                                   count, name);
        }
      else
        {
          title = g_strdup_printf (_("Exported the workbook “%s”"), name);
        }
      lode_window_add_toast (LODE_WINDOW (root), adw_toast_new (title));
    }
}

static Export *
export_new (GtkWidget             *parent,
            LodePortfolio         *portfolio,
            LodeExportIndex       *shown,
            LodeSpreadsheetFormat  format)
{
  Export *export = g_new0 (Export, 1);

  export->parent = g_object_ref (parent);
  export->portfolio = g_object_ref (portfolio);
  export->shown = shown != NULL ? g_object_ref (shown) : NULL;
  export->format = format;

  return export;
}

static void
export_start (Export *export,
              GFile  *file)
{
  g_autoptr(GTask) task = NULL;

  /* What is there when the file is chosen: the chooser is modal. */
  export->file = g_object_ref (file);
  export->spreadsheet = lode_spreadsheet_new (export->portfolio, export->shown);
  export->n_records = lode_spreadsheet_get_n_records (export->spreadsheet);

  /* The toast stays until the file is written; its button cancels. */
  export->cancellable = g_cancellable_new ();
  if (LODE_IS_WINDOW (gtk_widget_get_root (export->parent)))
    {
      g_autofree char *name = display_name (file);
      g_autofree char *title = g_strdup_printf (_("Exporting “%s”…"), name);

      export->toast = adw_toast_new (title);
      adw_toast_set_timeout (export->toast, 0);
      adw_toast_set_button_label (export->toast, _("Cancel"));
      g_signal_connect_object (export->toast, "button-clicked",
                               G_CALLBACK (cancel_clicked_cb), export->cancellable, 0);
      lode_window_add_toast (LODE_WINDOW (gtk_widget_get_root (export->parent)),
                             g_object_ref (export->toast));
    }

  task = g_task_new (NULL, export->cancellable, written_cb, NULL);
  g_task_set_source_tag (task, lode_spreadsheet_export);
  g_task_set_task_data (task, export, NULL);
  g_task_run_in_thread (task, write_thread);
}

static void
file_chosen (GFile    *file,
             gpointer  user_data)
{
  Export *export = user_data;

  g_clear_object (&export->chooser);
  if (file == NULL)
    {
      export_free (export);
      return;
    }

  lode_settings_set_last_folder (file);
  export_start (export, file);
}

void
lode_spreadsheet_export_to_file (GtkWidget             *parent,
                                 LodePortfolio         *portfolio,
                                 LodeExportIndex       *shown,
                                 LodeSpreadsheetFormat  format,
                                 GFile                 *file)
{
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LODE_IS_PORTFOLIO (portfolio));
  g_return_if_fail (shown == NULL || LODE_IS_EXPORT_INDEX (shown));
  g_return_if_fail (format != LODE_SPREADSHEET_FORMAT_NONE);
  g_return_if_fail (G_IS_FILE (file));

  export_start (export_new (parent, portfolio, shown, format), file);
}

/* "Copper exports.csv" for a file "Copper exports.json", else the title. */
static char *
suggested_name (GtkWidget             *parent,
                LodePortfolio         *portfolio,
                LodeSpreadsheetFormat  format)
{
  const char *extension = format == LODE_SPREADSHEET_FORMAT_CSV ? ".csv" : ".xlsx";
  GtkRoot *root = gtk_widget_get_root (parent);
  GFile *file = LODE_IS_WINDOW (root) ? lode_window_get_file (LODE_WINDOW (root)) : NULL;
  g_autofree char *stem = NULL;
  char *name;

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      char *dot;

      stem = basename != NULL ? g_filename_display_name (basename) : NULL;
      if (stem != NULL && (dot = strrchr (stem, '.')) != NULL && dot != stem)
        *dot = '\0';
    }
  if (stem == NULL || *stem == '\0')
    {
      g_free (stem);
      stem = g_strdup (lode_portfolio_get_title (portfolio));
    }
  if (stem == NULL || *stem == '\0')
    {
      g_free (stem);
      stem = g_strdup (_("Portfolio"));
    }

  name = g_strconcat (stem, extension, NULL);
  g_strdelimit (name, "/\\", '-');

  return name;
}

void
lode_spreadsheet_export (GtkWidget             *parent,
                         LodePortfolio         *portfolio,
                         LodeExportIndex       *shown,
                         LodeSpreadsheetFormat  format)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root;
  Export *export;
  gboolean csv = format == LODE_SPREADSHEET_FORMAT_CSV;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LODE_IS_PORTFOLIO (portfolio));
  g_return_if_fail (shown == NULL || LODE_IS_EXPORT_INDEX (shown));
  g_return_if_fail (format != LODE_SPREADSHEET_FORMAT_NONE);

  root = gtk_widget_get_root (parent);
  if (LODE_IS_WINDOW (root) && lode_window_get_file (LODE_WINDOW (root)) != NULL)
    folder = g_file_get_parent (lode_window_get_file (LODE_WINDOW (root)));
  if (folder == NULL)
    folder = lode_settings_get_last_folder ();
  name = suggested_name (parent, portfolio, format);

  if (csv)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  g_list_store_append (filters, filter);

  export = export_new (parent, portfolio, shown, format);
  export->chooser = lode_file_chooser_show (parent, LODE_FILE_CHOOSER_SAVE,
                                            csv ? _("Export Records as CSV") : _("Export Workbook"),
                                            _("_Export"), G_LIST_MODEL (filters), folder, name,
                                            file_chosen, export);
}
