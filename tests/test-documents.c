/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lode-application.h"
#include "lode-drafts.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* Documents in the window, on a real display (Xvfb) with a real session
 * bus and real files in a temporary folder: new, save, save as, reopen,
 * undo to the saved state, the question before unsaved changes are lost,
 * failed saves, drafts and files changed on disk. */

static LodeApplication *application;
static char *tmp_dir;

/* What Save writes for a new portfolio renamed "Copper watch". */
static const char expected_document[] =
  "{\n"
  "  \"format\": \"lode-portfolio\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Copper watch\",\n"
  "  \"currency\": \"USD\",\n"
  "  \"sources\": [],\n"
  "  \"minerals\": [],\n"
  "  \"exports\": [],\n"
  "  \"projects\": [],\n"
  "  \"targets\": []\n"
  "}\n";

static gboolean
wait_for (LodeTestPollFunc done,
          gpointer         data)
{
  return lode_test_poll (done, data, 30);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static LodeWindow *
window_new (void)
{
  return lode_test_window_new (NULL);
}

static void
activate (LodeWindow *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

static void
rename_portfolio (LodeWindow *window,
                  const char *title)
{
  activate (window, "win.set-title", g_variant_new_string (title));
}

static void
save_to (LodeWindow *window,
         const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GObject *switcher_title;

  lode_window_save_to_file (window, file);
  g_assert_true (lode_window_get_busy (window));
  switcher_title = gtk_widget_get_template_child (GTK_WIDGET (window), LODE_TYPE_WINDOW,
                                                 "switcher_title");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (switcher_title)),
                   ==, "Saving…");
  g_assert_true (wait_for (lode_test_is_idle, window));
}

/* A new portfolio named @title, saved as @path. */
static void
new_saved (LodeWindow *window,
           const char *title,
           const char *path)
{
  activate (window, "win.new", NULL);
  rename_portfolio (window, title);
  save_to (window, path);
}

static void
open_path (LodeWindow *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  lode_window_open_file (window, file);
  g_assert_true (wait_for (lode_test_is_idle, window));
}

static void
assert_file_text (const char *path,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static gboolean
title_is_unsaved (LodeWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• ");
}

static gboolean
is_recent (gpointer data)
{
  GtkRecentInfo *info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), data, NULL);

  if (info == NULL)
    return FALSE;

  gtk_recent_info_unref (info);
  return TRUE;
}

/* New, rename, save, reopen, save as: the files hold the expected document. */
static void
test_round_trip (void)
{
  g_autofree char *first = tmp_path ("round-trip.json");
  g_autofree char *second = tmp_path ("round-trip-copy.json");
  g_autofree char *backup = g_strconcat (first, "~", NULL);
  g_autofree char *first_uri = NULL;
  LodeWindow *window = window_new ();
  LodePortfolio *portfolio;

  activate (window, "win.new", NULL);
  portfolio = lode_window_get_portfolio (window);
  g_assert_nonnull (portfolio);
  g_assert_null (lode_window_get_file (window));
  g_assert_false (lode_portfolio_get_modified (portfolio));

  rename_portfolio (window, "Copper watch");
  g_assert_true (lode_portfolio_get_modified (portfolio));
  g_assert_true (title_is_unsaved (window));

  save_to (window, first);
  assert_file_text (first, expected_document);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_false (title_is_unsaved (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "round-trip.json – Lode");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Saved files are recent files. */
  first_uri = g_filename_to_uri (first, NULL, NULL);
  g_assert_true (wait_for (is_recent, first_uri));

  /* Save again: the old version is kept as FILE~. */
  rename_portfolio (window, "Copper watch 2");
  activate (window, "win.save", NULL);
  g_assert_true (wait_for (lode_test_is_idle, window));
  assert_file_text (backup, expected_document);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  activate (window, "win.undo", NULL);
  activate (window, "win.save", NULL);
  g_assert_true (wait_for (lode_test_is_idle, window));
  assert_file_text (first, expected_document);

  /* Reopen, and save as another file. */
  open_path (window, first);
  portfolio = lode_window_get_portfolio (window);
  g_assert_cmpstr (lode_portfolio_get_title (portfolio), ==, "Copper watch");
  save_to (window, second);
  assert_file_text (second, expected_document);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "round-trip-copy.json – Lode");

  lode_test_destroy_window (window);
}

static const char *
menu_label (LodeWindow *window,
            guint       position)
{
  GMenuModel *section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      LODE_TYPE_WINDOW,
                                                                      "history_section"));
  static char *label;

  g_clear_pointer (&label, g_free);
  g_assert_true (g_menu_model_get_item_attribute (section, position, G_MENU_ATTRIBUTE_LABEL,
                                                  "s", &label));

  return label;
}

/* Undo back to where the file was saved clears the unsaved mark; the menu
 * names the change. */
static void
test_undo_to_saved (void)
{
  g_autofree char *path = tmp_path ("undo.json");
  LodeWindow *window = window_new ();
  GActionGroup *actions = G_ACTION_GROUP (window);
  g_auto(GStrv) accels = NULL;
  LodePortfolio *portfolio;

  new_saved (window, "Saved title", path);
  portfolio = lode_window_get_portfolio (window);
  g_assert_true (g_action_group_get_action_enabled (actions, "undo"));
  g_assert_false (g_action_group_get_action_enabled (actions, "redo"));

  rename_portfolio (window, "Changed title");
  g_assert_true (title_is_unsaved (window));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.undo");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>z"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.redo");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Shift><Control>z"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>y"));
  g_assert_cmpstr (menu_label (window, 0), ==, "_Undo Rename Portfolio");
  g_assert_cmpstr (menu_label (window, 1), ==, "_Redo");

  activate (window, "win.undo", NULL);
  g_assert_cmpstr (lode_portfolio_get_title (portfolio), ==, "Saved title");
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_false (title_is_unsaved (window));
  g_assert_true (g_action_group_get_action_enabled (actions, "redo"));
  g_assert_cmpstr (menu_label (window, 1), ==, "_Redo Rename Portfolio");

  activate (window, "win.redo", NULL);
  g_assert_cmpstr (lode_portfolio_get_title (portfolio), ==, "Changed title");
  g_assert_true (title_is_unsaved (window));

  /* Back before the save: unsaved again. */
  activate (window, "win.undo", NULL);
  activate (window, "win.undo", NULL);
  g_assert_cmpstr (lode_portfolio_get_title (portfolio), ==, "Untitled portfolio");
  g_assert_true (title_is_unsaved (window));
  g_assert_false (g_action_group_get_action_enabled (actions, "undo"));

  activate (window, "win.redo", NULL);
  g_assert_false (title_is_unsaved (window));

  lode_test_destroy_window (window);
}

/* Closing with unsaved changes asks; Cancel keeps the window, Save saves
 * and closes, Discard closes. */
static void
test_close_unsaved (void)
{
  g_autofree char *path = tmp_path ("close.json");
  g_autofree char *contents = NULL;
  LodeWindow *window = window_new ();
  LodeWindow *weak = window;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  new_saved (window, "Before closing", path);
  rename_portfolio (window, "Closing");

  gtk_window_close (GTK_WINDOW (window));
  dialog = lode_test_wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes to “close.json”?");
  lode_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (lode_portfolio_get_modified (lode_window_get_portfolio (window)));

  /* New asks too. */
  activate (window, "win.new", NULL);
  dialog = lode_test_wait_for_dialog (window);
  lode_test_respond (dialog, "cancel");
  g_assert_cmpstr (lode_portfolio_get_title (lode_window_get_portfolio (window)), ==, "Closing");

  /* Save, then close. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = lode_test_wait_for_dialog (window);
  lode_test_respond (dialog, "save");
  g_assert_true (wait_for (lode_test_is_null, &weak));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\": \"Closing\""));
}

/* Quitting asks about unsaved changes too, and quits once there are none. */
static void
test_quit (void)
{
  LodeWindow *window = window_new ();
  LodeWindow *weak = window;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  activate (window, "win.new", NULL);
  rename_portfolio (window, "Not saved yet");

  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  dialog = lode_test_wait_for_dialog (window);
  lode_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_cmpstr (lode_portfolio_get_title (lode_window_get_portfolio (window)), ==, "Not saved yet");

  activate (window, "win.undo", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  g_assert_true (wait_for (lode_test_is_null, &weak));
}

static void
test_close_discard (void)
{
  g_autofree char *path = tmp_path ("discard.json");
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;
  LodeWindow *window = window_new ();
  LodeWindow *weak = window;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  new_saved (window, "Kept", path);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  rename_portfolio (window, "Thrown away");

  gtk_window_close (GTK_WINDOW (window));
  dialog = lode_test_wait_for_dialog (window);
  lode_test_respond (dialog, "discard");
  g_assert_true (wait_for (lode_test_is_null, &weak));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, saved);
}

static gboolean
recent_file_written (gpointer data)
{
  g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *contents = NULL;

  return g_file_get_contents (recent, &contents, NULL, NULL) && strstr (contents, data) != NULL;
}

static void
ignore_signal (int signal_number)
{
}

/* A save that fails leaves the old file as it was, says so, and keeps the
 * changes unsaved. */
static void
test_save_failure (void)
{
  g_autofree char *folder = tmp_path ("full");
  g_autofree char *path = g_build_filename (folder, "full.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;
  g_autofree char *missing = tmp_path ("gone/portfolio.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = NULL;
  struct rlimit old_limit;
  struct rlimit small_limit;
  LodeWindow *window = window_new ();
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  activate (window, "win.open-sample", NULL);
  save_to (window, path);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  rename_portfolio (window, "Not written");

  /* The list of recent files is written after a save: let it be, so that
   * only the save meets the full disk. */
  uri = g_filename_to_uri (path, NULL, NULL);
  g_assert_true (wait_for (recent_file_written, uri));

  /* A full disk: writes past 1 KiB fail. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small_limit = old_limit;
  small_limit.rlim_cur = 1024;
  signal (SIGXFSZ, ignore_signal);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);
  activate (window, "win.save", NULL);
  g_assert_true (wait_for (lode_test_is_idle, window));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);

  dialog = lode_test_wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “full.json”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  lode_test_respond (dialog, "close");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, saved);
  g_assert_true (lode_portfolio_get_modified (lode_window_get_portfolio (window)));
  g_assert_true (title_is_unsaved (window));

  /* A read-only folder (root writes anyway, so only others see it fail). */
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  if (access (folder, W_OK) != 0)
    {
      activate (window, "win.save", NULL);
      g_assert_true (wait_for (lode_test_is_idle, window));
      dialog = lode_test_wait_for_dialog (window);
      lode_test_respond (dialog, "close");
      g_clear_pointer (&after, g_free);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, saved);
    }
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  /* A folder that is gone. */
  save_to (window, missing);
  dialog = lode_test_wait_for_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), missing));
  lode_test_respond (dialog, "close");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_equal (lode_window_get_file (window), file));

  /* Discard, so that closing asks nothing. */
  activate (window, "win.undo", NULL);
  g_assert_false (lode_portfolio_get_modified (lode_window_get_portfolio (window)));
  lode_test_destroy_window (window);
}

static gboolean
draft_exists (gpointer data)
{
  LodeWindow *window = data;
  const char *id = lode_window_get_draft_id (window);
  g_autoptr(GFile) file = NULL;

  if (id == NULL)
    return FALSE;

  file = lode_draft_get_file (id);

  return g_file_query_exists (file, NULL);
}

static gboolean
no_drafts (gpointer data)
{
  g_auto(GStrv) ids = lode_drafts_list ();

  return ids[0] == NULL;
}

/* A draft follows unsaved changes, and goes once they are saved. */
static void
test_drafts (void)
{
  g_autofree char *path = tmp_path ("drafts.json");
  LodeWindow *window = window_new ();
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(LodePortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  new_saved (window, "First", path);
  rename_portfolio (window, "Drafted");
  g_assert_true (wait_for (draft_exists, window));

  draft = lode_draft_get_file (lode_window_get_draft_id (window));
  loaded = lode_portfolio_load_file (draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lode_portfolio_get_title (loaded), ==, "Drafted");
  original = lode_draft_get_original (lode_window_get_draft_id (window));
  g_assert_true (g_file_equal (original, lode_window_get_file (window)));

  activate (window, "win.save", NULL);
  g_assert_true (wait_for (lode_test_is_idle, window));
  g_assert_null (lode_window_get_draft_id (window));
  g_assert_true (wait_for (no_drafts, NULL));

  /* A window that goes without being closed (the application stopped
   * without asking) leaves its unsaved work as a draft. */
  rename_portfolio (window, "Left behind");
  g_assert_true (wait_for (draft_exists, window));
  id = g_strdup (lode_window_get_draft_id (window));
  lode_test_destroy_window (window);
  g_clear_object (&draft);
  draft = lode_draft_get_file (id);
  g_assert_true (g_file_query_exists (draft, NULL));
  lode_draft_delete (id);
  g_assert_true (no_drafts (NULL));
}

static gboolean
has_title (gpointer data)
{
  LodeWindow *window = data;
  LodePortfolio *portfolio = lode_window_get_portfolio (window);

  return lode_window_get_file (window) != NULL && portfolio != NULL
         && g_strcmp0 (lode_portfolio_get_title (portfolio), "Dropped") == 0;
}

/* A file dropped on the window opens, after the question about unsaved
 * changes. */
static void
test_drop (void)
{
  g_autofree char *path = tmp_path ("dropped.json");
  g_autoptr(LodePortfolio) dropped = lode_portfolio_new ("Dropped");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  LodeWindow *window = window_new ();
  gboolean accepted = FALSE;

  g_assert_true (lode_portfolio_save_file (dropped, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  activate (window, "win.new", NULL);
  rename_portfolio (window, "Unsaved");

  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  /* A portfolio dropped on another may be opened or merged: opened. */
  lode_test_respond (lode_test_wait_for_dialog (window), "open");
  lode_test_respond (lode_test_wait_for_dialog (window), "discard");
  g_assert_true (wait_for (has_title, window));
  g_assert_true (g_file_equal (lode_window_get_file (window), file));
  g_assert_false (title_is_unsaved (window));

  lode_test_destroy_window (window);
}

static gboolean
title_is (gpointer data)
{
  LodeWindow *window = data;
  LodePortfolio *portfolio = lode_window_get_portfolio (window);

  return portfolio != NULL && g_strcmp0 (lode_portfolio_get_title (portfolio), "Changed elsewhere") == 0;
}

/* Another program writes the open file: the window offers to reload it. */
static void
test_changed_on_disk (void)
{
  g_autofree char *path = tmp_path ("elsewhere.json");
  g_autoptr(LodePortfolio) other = lode_portfolio_new ("Changed elsewhere");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LodeWindow *window = window_new ();
  AdwMessageDialog *dialog;

  new_saved (window, "Here", path);

  /* Our own save does not count. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));

  g_assert_true (lode_portfolio_save_file (other, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  dialog = lode_test_wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“elsewhere.json” Changed on Disk");
  lode_test_respond (dialog, "reload");
  g_assert_true (wait_for (title_is, window));
  g_assert_false (lode_portfolio_get_modified (lode_window_get_portfolio (window)));

  lode_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("lode-test-documents-XXXXXX", &error);
  g_assert_no_error (error);
  data_dir = tmp_path ("data");
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  application = lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/documents/round-trip", test_round_trip);
  g_test_add_func ("/lode/documents/undo-to-saved", test_undo_to_saved);
  g_test_add_func ("/lode/documents/close-unsaved", test_close_unsaved);
  g_test_add_func ("/lode/documents/close-discard", test_close_discard);
  g_test_add_func ("/lode/documents/quit", test_quit);
  g_test_add_func ("/lode/documents/save-failure", test_save_failure);
  g_test_add_func ("/lode/documents/drafts", test_drafts);
  g_test_add_func ("/lode/documents/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/lode/documents/drop", test_drop);

  status = lode_test_run ();

  /* A failure keeps the files, to be looked at. */
  if (status == 0)
    lode_test_remove_tree (tmp_dir);

  return status;
}
