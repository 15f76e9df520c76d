/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-drafts.h"
#include "lode-portfolio-io.h"

#include "lode-window-private.h"

/* The window's documents: new, open, save and save as, recent files, files
 * dropped on the window, undo and redo, the question about unsaved changes,
 * drafts of unsaved work, and files changed on disk by other programs. */

#define DRAFT_DELAY_SECONDS 2
#define MONITOR_DELAY_MS    300
#define RECENT_MAX          8

static void start_save (LodeWindow *self,
                        GFile      *file);
static void save_as    (LodeWindow *self);

/* Actions' state */

static LodeHistory *
get_history (LodeWindow *self)
{
  return self->portfolio != NULL ? lode_portfolio_get_history (self->portfolio) : NULL;
}

static void
update_history_menu (LodeWindow *self)
{
  LodeHistory *history = get_history (self);
  const char *undo_label = history != NULL ? lode_history_get_undo_label (history) : NULL;
  const char *redo_label = history != NULL ? lode_history_get_redo_label (history) : NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  g_autoptr(GMenuItem) undo_item = NULL;
  g_autoptr(GMenuItem) redo_item = NULL;

  if (undo_label != NULL)
    /* TRANSLATORS: a menu item; %s names a change, such as "Delete Copper" */
    undo = g_strdup_printf (_("_Undo %s"), undo_label);
  else
    undo = g_strdup (_("_Undo"));

  if (redo_label != NULL)
    /* TRANSLATORS: a menu item; %s names a change, such as "Delete Copper" */
    redo = g_strdup_printf (_("_Redo %s"), redo_label);
  else
    redo = g_strdup (_("_Redo"));

  undo_item = g_menu_item_new (undo, "win.undo");
  redo_item = g_menu_item_new (redo, "win.redo");
  g_menu_remove_all (self->history_section);
  g_menu_append_item (self->history_section, undo_item);
  g_menu_append_item (self->history_section, redo_item);
}

void
lode_window_documents_update_actions (LodeWindow *self)
{
  LodeHistory *history = get_history (self);
  gboolean busy = lode_window_get_busy (self);
  gboolean has_portfolio = self->portfolio != NULL;

  lode_window_set_map_action_enabled (self, "undo", !busy && history != NULL && lode_history_get_can_undo (history));
  lode_window_set_map_action_enabled (self, "redo", !busy && history != NULL && lode_history_get_can_redo (history));
  lode_window_set_map_action_enabled (self, "save", !busy && has_portfolio);
  lode_window_set_map_action_enabled (self, "rename", !busy && has_portfolio);
  lode_window_set_map_action_enabled (self, "set-title", !busy && has_portfolio);
  lode_window_set_map_action_enabled (self, "new", self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !busy && has_portfolio);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", self->save_cancellable == NULL);

  /* Nothing changes the portfolio while it is written out: the pages take
   * neither the pointer nor the focus. They are not made insensitive, which
   * would restyle every widget of every page (thousands of cells for a
   * large table) in the frame the save starts and again when it ends. */
  {
    gboolean saving = self->save_cancellable != NULL;
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

    if (saving && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->main_stack)))
      gtk_root_set_focus (GTK_ROOT (self), NULL);
    gtk_widget_set_can_target (GTK_WIDGET (self->main_stack), !saving);
    gtk_widget_set_can_focus (GTK_WIDGET (self->main_stack), !saving);
  }
}

/* Drafts */

static void
delete_draft (LodeWindow *self)
{
  g_autofree char *id = g_steal_pointer (&self->draft_id);
  g_autofree char *salvaged_id = g_steal_pointer (&self->salvaged_draft_id);

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (id != NULL)
    lode_draft_delete (id);
  if (salvaged_id != NULL)
    lode_draft_delete (salvaged_id);
}

typedef struct
{
  char                  *id;
  LodePortfolioSnapshot *snapshot;
  GFile                 *original;
  gint64                 cost_us;   /* of writing it, in the worker */
} DraftData;

static void
draft_data_free (DraftData *data)
{
  g_free (data->id);
  /* May run in the worker: the snapshot hands its release to the main
   * context then. */
  lode_portfolio_snapshot_free (data->snapshot);
  g_clear_object (&data->original);
  g_free (data);
}

static void
draft_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DraftData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean written;

  bytes = lode_portfolio_snapshot_to_bytes (data->snapshot);
  written = lode_draft_write (data->id, bytes, data->original, &error);
  data->cost_us = g_get_monotonic_time () - start;

  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
draft_done (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LodeWindow *self = LODE_WINDOW (source_object);
  DraftData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->draft_cost_us = data->cost_us;

  /* The work was saved or discarded while its draft was written. */
  if (g_strcmp0 (self->draft_id, data->id) != 0 && !self->keep_draft)
    {
      lode_draft_delete (data->id);
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep a draft of unsaved changes: %s"),
                                                  error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static gboolean
write_draft (gpointer user_data)
{
  LodeWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
  DraftData *data;

  self->draft_timeout_id = 0;

  if (self->portfolio == NULL || !lode_portfolio_get_modified (self->portfolio))
    {
      delete_draft (self);
      return G_SOURCE_REMOVE;
    }

  if (self->draft_id == NULL)
    self->draft_id = lode_draft_new_id ();

  /* The snapshot is taken here, where edits happen, and is cheap; the
   * worker makes the text from it and writes it. */
  data = g_new0 (DraftData, 1);
  data->id = g_strdup (self->draft_id);
  data->snapshot = lode_portfolio_snapshot_new (self->portfolio);
  data->original = self->file != NULL ? g_object_ref (self->file) : NULL;

  task = g_task_new (self, NULL, draft_done, NULL);
  g_task_set_source_tag (task, write_draft);
  g_task_set_task_data (task, data, (GDestroyNotify) draft_data_free);
  g_task_run_in_thread (task, draft_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_draft (LodeWindow *self)
{
  guint delay_ms;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);

  if (self->portfolio == NULL)
    return;

  if (!lode_portfolio_get_modified (self->portfolio))
    {
      delete_draft (self);
      return;
    }

  /* Writing a draft of a large portfolio keeps a worker busy for a while
   * (about half a millisecond per thousand export records): drafts of those
   * wait longer, so that writing them takes at most a tenth of the time. */
  delay_ms = MAX (DRAFT_DELAY_SECONDS * 1000, self->draft_cost_us / 100);
  self->draft_timeout_id = g_timeout_add (delay_ms, write_draft, self);
}

/* Restoring drafts */

/* Lists what a restored draft could not keep, one line each. */
static GtkWidget *
not_kept_list (const char * const *not_kept)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; not_kept[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (not_kept[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not restored"),
                                  -1);

  return scrolled;
}

void
lode_window_documents_adopt_draft (LodeWindow         *self,
                                   const char         *draft_id,
                                   const char * const *not_kept)
{
  g_autofree char *body = NULL;
  GObject *dialog;

  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->salvaged_draft_id, g_free);

  if (not_kept == NULL || not_kept[0] == NULL)
    {
      self->draft_id = g_strdup (draft_id);
      return;
    }

  /* The draft as it was stays until the work is saved or discarded: what
   * it held is not lost by restoring part of it. */
  self->salvaged_draft_id = g_strdup (draft_id);

  if (self->file != NULL)
    {
      g_autofree char *name = lode_window_file_display_name (self->file);

      body = g_strdup_printf (_("The unsaved changes to “%s” were restored, except for the values "
                                "below, which were not valid. Enter them again, then save. Until "
                                "you save or discard the changes, their draft is kept as it was."),
                              name);
    }
  else
    body = g_strdup (_("The unsaved portfolio was restored, except for the values below, which "
                       "were not valid. Enter them again, then save. Until you save or discard "
                       "the changes, their draft is kept as it was."));

  dialog = lode_dialog_new (_("Some Changes Could Not Be Restored"), body);
  lode_dialog_set_extra_child (dialog, not_kept_list (not_kept));
  lode_dialog_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  lode_dialog_present (dialog, "close", "close", GTK_WIDGET (self));
}

const char *
lode_window_get_draft_id (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);

  return self->draft_id;
}

/* History */

static void
history_changed (LodeWindow *self)
{
  update_history_menu (self);
  lode_window_documents_update_actions (self);
  schedule_draft (self);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LodeWindow *self = user_data;
  LodeHistory *history = get_history (self);

  if (history != NULL && !lode_window_get_busy (self))
    lode_history_undo (history);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LodeWindow *self = user_data;
  LodeHistory *history = get_history (self);

  if (history != NULL && !lode_window_get_busy (self))
    lode_history_redo (history);
}

static void
set_title_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  LodeWindow *self = user_data;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *title = g_strstrip (g_variant_dup_string (parameter, NULL));

  if (self->portfolio == NULL || *title == '\0' || lode_window_get_busy (self))
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, title);
  lode_history_set_property (get_history (self), _("Rename Portfolio"),
                             G_OBJECT (self->portfolio), "title", &value);
}

static void
rename_response (GObject    *dialog,
                 const char *response,
                 LodeWindow *self)
{
  GtkEditable *entry = g_object_get_data (dialog, "entry");

  if (g_str_equal (response, "rename"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "set-title",
                                    g_variant_new_string (gtk_editable_get_text (entry)));
}

static void
rename_entry_activated (GtkEntry *entry,
                        GObject  *dialog)
{
  g_signal_emit_by_name (dialog, "response", "rename");
  lode_dialog_close (dialog);
}

static void
rename_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LodeWindow *self = user_data;
  GtkWidget *entry;
  GObject *dialog;

  if (self->portfolio == NULL)
    return;

  dialog = lode_dialog_new (_("Rename Portfolio"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), lode_portfolio_get_title (self->portfolio));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  -1);
  lode_dialog_set_extra_child (dialog, entry);
  g_object_set_data (dialog, "entry", entry);
  lode_dialog_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (rename_entry_activated), dialog, 0);
  lode_dialog_present (dialog, "rename", "cancel", GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

/* Files changed on disk */

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

static void
remember_disk_state (LodeWindow *self)
{
  g_free (self->disk_etag);
  self->disk_etag = self->file != NULL ? query_etag (self->file) : NULL;
}

static void
reload_response (GObject    *dialog,
                 const char *response,
                 LodeWindow *self)
{
  g_clear_object (&self->reload_dialog);

  if (g_str_equal (response, "reload") && self->file != NULL)
    {
      /* The dialog said that unsaved changes are lost. */
      delete_draft (self);
      lode_window_open_file (self, self->file);
    }
}

static void
offer_reload (LodeWindow *self)
{
  g_autofree char *name = lode_window_file_display_name (self->file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  const char *body;
  GObject *dialog;

  if (self->reload_dialog != NULL)
    return;

  if (self->portfolio != NULL && lode_portfolio_get_modified (self->portfolio))
    body = _("Another program changed the file. Reloading it discards your unsaved changes.");
  else
    body = _("Another program changed the file.");

  dialog = lode_dialog_new (heading, body);
  lode_dialog_add_response (dialog, "keep", _("_Keep Current"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "reload", _("_Reload"),
                            lode_portfolio_get_modified (self->portfolio)
                            ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response), self, 0);
  self->reload_dialog = g_object_ref (dialog);
  lode_dialog_present (dialog, "reload", "keep", GTK_WIDGET (self));
}

static gboolean
check_disk_state (gpointer user_data)
{
  LodeWindow *self = user_data;
  g_autofree char *etag = NULL;

  self->monitor_timeout_id = 0;

  if (self->file == NULL || self->portfolio == NULL)
    return G_SOURCE_REMOVE;

  /* Our own save: its end records the new state. */
  if (lode_window_get_busy (self))
    {
      self->monitor_timeout_id = g_timeout_add (MONITOR_DELAY_MS, check_disk_state, self);
      return G_SOURCE_REMOVE;
    }

  etag = query_etag (self->file);
  if (etag == NULL || g_strcmp0 (etag, self->disk_etag) == 0)
    return G_SOURCE_REMOVE;

  g_free (self->disk_etag);
  self->disk_etag = g_steal_pointer (&etag);
  offer_reload (self);

  return G_SOURCE_REMOVE;
}

static void
file_changed_on_disk (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      LodeWindow        *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_DELETED)
    return;

  /* Writers come in bursts; look once they are done. */
  g_clear_handle_id (&self->monitor_timeout_id, g_source_remove);
  self->monitor_timeout_id = g_timeout_add (MONITOR_DELAY_MS, check_disk_state, self);
}

static void
stop_watching (LodeWindow *self)
{
  g_clear_handle_id (&self->monitor_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed_on_disk, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

static void
watch_file (LodeWindow *self)
{
  g_autoptr(GError) error = NULL;

  stop_watching (self);

  remember_disk_state (self);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_on_disk), self);
  else
    g_debug ("Cannot watch the file for changes: %s", error->message);
}

/* Recent files */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static void
update_recent_menu (LodeWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  const char *app_name = g_get_application_name ();
  const char *prgname = g_get_prgname ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (((app_name != NULL && gtk_recent_info_has_application (info, app_name))
           || (prgname != NULL && gtk_recent_info_has_application (info, prgname)))
          && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (mine, info);
    }

  g_ptr_array_sort (mine, compare_recent);
  g_menu_remove_all (self->recent_menu);

  for (guint i = 0; i < mine->len && i < RECENT_MAX; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (mine, i);
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);
      /* Underscores in file names are not mnemonics. */
      g_autofree char *label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }

  if (mine->len == 0)
    g_menu_append (self->recent_menu, _("No Recent Files"), NULL);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Saving */

typedef struct
{
  GFile                 *file;
  LodePortfolioSnapshot *snapshot;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  /* May run in the worker: see draft_data_free(). */
  lode_portfolio_snapshot_free (data->snapshot);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (lode_portfolio_snapshot_save_file (data->snapshot, data->file, TRUE, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void run_pending (LodeWindow *self);

static void
save_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LodeWindow *self = LODE_WINDOW (source_object);
  LodePortfolio *portfolio = g_object_get_data (G_OBJECT (result), "portfolio");
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GFile *file = data->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = lode_window_file_display_name (file);

  g_clear_object (&self->save_cancellable);
  lode_window_notify_busy (self);
  lode_window_update_state (self);
  lode_window_update_title (self);
  if (self->focus_before_save != NULL && gtk_widget_get_root (self->focus_before_save) == GTK_ROOT (self))
    gtk_widget_grab_focus (self->focus_before_save);
  g_clear_weak_pointer (&self->focus_before_save);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe file on disk was not changed."),
                                               error->message);

      self->pending = LODE_PENDING_NONE;
      lode_window_show_error (self, heading, body);
      return;
    }

  if (portfolio != self->portfolio)
    return;

  lode_history_mark_saved (lode_portfolio_get_history (portfolio));
  delete_draft (self);
  lode_window_set_portfolio_and_file (self, portfolio, file);
  remember_disk_state (self);
  add_recent (file);

  if (self->pending == LODE_PENDING_NONE)
    {
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }

  run_pending (self);
}

static void
start_save (LodeWindow *self,
            GFile      *file)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_assert (self->portfolio != NULL);

  if (self->save_cancellable != NULL)
    return;

  self->save_cancellable = g_cancellable_new ();
  g_set_weak_pointer (&self->focus_before_save, gtk_root_get_focus (GTK_ROOT (self)));
  lode_window_notify_busy (self);
  lode_window_update_state (self);
  lode_window_update_title (self);

  /* The worker writes a snapshot and never touches the portfolio. The
   * pages and the actions that edit still wait until the save is done, so
   * that the saved state is the one the history marks as saved. */
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->snapshot = lode_portfolio_snapshot_new (self->portfolio);

  task = g_task_new (self, self->save_cancellable, save_done, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_object_set_data_full (G_OBJECT (task), "portfolio",
                          g_object_ref (self->portfolio), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

void
lode_window_save_to_file (LodeWindow *self,
                          GFile      *file)
{
  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->portfolio != NULL);

  start_save (self, file);
}

/* File choosers */

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

  title = self->portfolio != NULL ? lode_portfolio_get_title (self->portfolio) : NULL;
  if (title == NULL || *title == '\0')
    title = _("Portfolio");

  name = g_strconcat (title, ".json", NULL);
  g_strdelimit (name, "/\\", '-');

  return name;
}

static void
close_file_chooser (LodeWindow *self)
{
  if (self->file_chooser != NULL)
    lode_file_chooser_cancel (g_steal_pointer (&self->file_chooser));
}

/* Asks for a portfolio file to open or to save as, in the folder of the
 * file shown; @chosen is called with the window. */
static void
choose_file (LodeWindow         *self,
             gboolean            save,
             LodeFileChosenFunc  chosen)
{
  g_autoptr(GListModel) filters = lode_file_filters_new (LODE_FILE_FILTER_PORTFOLIOS,
                                                         LODE_FILE_FILTER_ALL,
                                                         LODE_FILE_FILTER_END);
  g_autoptr(GFile) folder = self->file != NULL ? g_file_get_parent (self->file) : NULL;
  g_autofree char *name = save ? suggested_file_name (self) : NULL;

  close_file_chooser (self);

  self->file_chooser = lode_file_chooser_show (GTK_WIDGET (self),
                                               save ? LODE_FILE_CHOOSER_SAVE : LODE_FILE_CHOOSER_OPEN,
                                               save ? _("Save Portfolio As") : _("Open Portfolio"),
                                               save ? _("_Save") : _("_Open"),
                                               filters, folder, name,
                                               chosen, self);
}

static void
save_as_chosen (GFile    *file,
                gpointer  user_data)
{
  LodeWindow *self = user_data;

  g_clear_object (&self->file_chooser);

  if (file == NULL || self->portfolio == NULL)
    {
      /* Not saved: whatever waited for the save does not happen. */
      self->pending = LODE_PENDING_NONE;
      return;
    }

  start_save (self, file);
}

static void
save_as (LodeWindow *self)
{
  if (self->portfolio == NULL)
    return;

  choose_file (self, TRUE, save_as_chosen);
}

static void
open_chosen (GFile    *file,
             gpointer  user_data)
{
  LodeWindow *self = user_data;

  g_clear_object (&self->file_chooser);

  if (file != NULL)
    lode_window_open_file (self, file);
}

/* Unsaved changes */

static void
run_pending (LodeWindow *self)
{
  LodePending pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = LODE_PENDING_NONE;

  switch (pending)
    {
    case LODE_PENDING_NONE:
      break;

    case LODE_PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case LODE_PENDING_NEW:
      {
        g_autoptr(LodePortfolio) portfolio = lode_portfolio_new (_("Untitled portfolio"));

        /* Nothing to save until something is entered. */
        lode_portfolio_set_modified (portfolio, FALSE);
        lode_window_set_portfolio (self, portfolio);
      }
      break;

    case LODE_PENDING_SAMPLE:
      {
        g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();

        lode_window_set_portfolio (self, sample);
      }
      break;

    case LODE_PENDING_OPEN:
      lode_window_open_file (self, file);
      break;

    case LODE_PENDING_OPEN_CHOOSER:
      choose_file (self, FALSE, open_chosen);
      break;

    case LODE_PENDING_RELOAD:
      if (self->file != NULL)
        lode_window_open_file (self, self->file);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
run_pending_idle (gpointer user_data)
{
  run_pending (user_data);

  return G_SOURCE_REMOVE;
}

static void
confirm_response (GObject    *dialog,
                  const char *response,
                  LodeWindow *self)
{
  g_clear_object (&self->confirm_dialog);

  if (g_str_equal (response, "discard"))
    {
      delete_draft (self);
      /* Once the dialog is gone: closing the window takes the dialog along. */
      g_idle_add_full (G_PRIORITY_DEFAULT, run_pending_idle, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save") && self->portfolio != NULL)
    {
      if (self->file != NULL)
        start_save (self, self->file);
      else
        save_as (self);
    }
  else
    {
      self->pending = LODE_PENDING_NONE;
      g_clear_object (&self->pending_file);
    }
}

void
lode_window_documents_confirm (LodeWindow  *self,
                               LodePending  pending,
                               GFile       *file)
{
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  GObject *dialog;

  /* One question at a time; the first one asked decides. */
  if (self->confirm_dialog != NULL)
    return;

  self->pending = pending;
  g_set_object (&self->pending_file, file);

  if (self->portfolio == NULL || !lode_portfolio_get_modified (self->portfolio))
    {
      run_pending (self);
      return;
    }

  if (self->file != NULL)
    name = lode_window_file_display_name (self->file);
  else
    name = g_strdup (lode_portfolio_get_title (self->portfolio));

  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = lode_dialog_new (heading, _("Changes that are not saved are lost."));
  lode_dialog_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  lode_dialog_add_response (dialog, "save", self->file != NULL ? _("_Save") : _("_Save As…"),
                            ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response), self, 0);
  self->confirm_dialog = g_object_ref (dialog);
  lode_dialog_present (dialog, "save", "cancel", GTK_WIDGET (self));
}

static gboolean
lode_window_close_request (GtkWindow *window)
{
  LodeWindow *self = LODE_WINDOW (window);

  if (self->close_confirmed || self->portfolio == NULL
      || !lode_portfolio_get_modified (self->portfolio))
    {
      delete_draft (self);
      return FALSE;
    }

  if (self->save_cancellable != NULL)
    {
      /* Closes once the save is done. */
      self->pending = LODE_PENDING_CLOSE;
      return TRUE;
    }

  lode_window_documents_confirm (self, LODE_PENDING_CLOSE, NULL);

  return TRUE;
}

/* Actions */

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  lode_window_documents_confirm (LODE_WINDOW (user_data), LODE_PENDING_NEW, NULL);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LodeWindow *self = user_data;

  if (self->portfolio == NULL || lode_window_get_busy (self))
    return;

  if (self->file != NULL)
    start_save (self, self->file);
  else
    save_as (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lode_window_documents_confirm (LODE_WINDOW (widget), LODE_PENDING_OPEN_CHOOSER, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  lode_window_documents_confirm (LODE_WINDOW (widget), LODE_PENDING_OPEN, file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);

  if (!lode_window_get_busy (self))
    save_as (self);
}

/* These actions are in the window's action map, so that they can also be
 * activated from outside, over D-Bus (org.gtk.Actions). */
static const GActionEntry map_actions[] = {
  { "new", new_activated },
  { "save", save_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "rename", rename_activated },
  { "set-title", set_title_activated, "s" },
};

/* Drag and drop */

static gboolean
file_dropped (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              LodeWindow    *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }

  if (file == NULL || lode_window_get_busy (self))
    return FALSE;

  /* Portfolios open (or merge, when asked); other files import. */
  return lode_window_import_dropped (self, file);
}

/* The window's side */

void
lode_window_documents_changed (LodeWindow    *self,
                               LodePortfolio *old_portfolio)
{
  if (old_portfolio != self->portfolio)
    {
      /* Whatever was shown before was saved or let go. */
      delete_draft (self);
      self->close_confirmed = FALSE;
      update_history_menu (self);
    }

  watch_file (self);
}

void
lode_window_documents_loaded (LodeWindow *self,
                              GFile      *file)
{
  add_recent (file);
}

void
lode_window_documents_class_init (GtkWidgetClass *widget_class)
{
  GTK_WINDOW_CLASS (widget_class)->close_request = lode_window_close_request;

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
}

void
lode_window_documents_init (LodeWindow *self)
{
  GtkDropTarget *target;

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   map_actions, G_N_ELEMENTS (map_actions),
                                   self);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (target, "drop", G_CALLBACK (file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  /* The window retargets these groups at each portfolio it shows. */
  g_signal_group_connect_swapped (self->history_signals, "notify::undo-label",
                                  G_CALLBACK (history_changed), self);
  g_signal_group_connect_swapped (self->portfolio_signals, "notify::modified",
                                  G_CALLBACK (schedule_draft), self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  update_history_menu (self);
}

void
lode_window_documents_dispose (LodeWindow *self)
{
  /* Work that was saved or let go needs no draft. Unsaved work keeps its
   * draft when the window goes without being closed (the application
   * stopped without asking): it is offered back at the next start. */
  if (self->close_confirmed || self->portfolio == NULL
      || !lode_portfolio_get_modified (self->portfolio))
    delete_draft (self);
  else
    {
      g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
      self->keep_draft = TRUE;
    }
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->salvaged_draft_id, g_free);

  close_file_chooser (self);
  stop_watching (self);
  g_clear_pointer (&self->disk_etag, g_free);
  g_clear_object (&self->pending_file);
  g_clear_weak_pointer (&self->focus_before_save);

  if (self->confirm_dialog != NULL)
    lode_dialog_close (self->confirm_dialog);
  g_clear_object (&self->confirm_dialog);
  if (self->reload_dialog != NULL)
    lode_dialog_close (self->reload_dialog);
  g_clear_object (&self->reload_dialog);

  /* No change of the history schedules a draft any more. */
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
}
