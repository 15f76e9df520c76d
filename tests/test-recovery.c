/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "lode-drafts.h"
#include "lode-portfolio-io.h"
#include "lode-test.h"

/* Crash recovery, tried as it happens: the real lode executable opens a
 * file, the portfolio is renamed through the window's actions over D-Bus
 * (org.gtk.Actions, as any other program could), the draft appears, lode is
 * killed with SIGKILL, started again, and the restore it offers brings the
 * change back, which Save then writes to the original file. A draft holding
 * a value the reader refuses comes back without that value, and stays on
 * disk until Save. */

#define WAIT_SECONDS 60

static char *tmp_dir;
static char *data_dir;

static char *
app_path (void)
{
  g_autofree char *path = g_strdelimit (g_strdup_printf ("/%s", APP_ID), ".", '/');

  return g_steal_pointer (&path);
}

static char *
window_path (guint id)
{
  g_autofree char *base = app_path ();

  return g_strdup_printf ("%s/window/%u", base, id);
}

static gboolean
wait_for (LodeTestPollFunc done,
          gpointer         data)
{
  return lode_test_poll (done, data, WAIT_SECONDS);
}

static GSubprocess *
start_lode (const char *file_path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  const char *lode = g_getenv ("LODE");
  GSubprocess *process;

  g_assert_nonnull (lode);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_dir, TRUE);

  if (file_path != NULL)
    process = g_subprocess_launcher_spawn (launcher, &error, lode, file_path, NULL);
  else
    process = g_subprocess_launcher_spawn (launcher, &error, lode, NULL);
  g_assert_no_error (error);

  return process;
}

typedef struct
{
  GDBusConnection *bus;
  const char      *path;
  const char      *action;
} ActionProbe;

/* TRUE when @action is exported at @path and enabled. */
static gboolean
action_enabled (gpointer data)
{
  ActionProbe *probe = data;
  g_autoptr(GVariant) reply = NULL;
  gboolean enabled = FALSE;

  reply = g_dbus_connection_call_sync (probe->bus, APP_ID, probe->path, "org.gtk.Actions",
                                       "Describe", g_variant_new ("(s)", probe->action),
                                       G_VARIANT_TYPE ("((bgav))"), G_DBUS_CALL_FLAGS_NONE,
                                       5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "((bg@av))", &enabled, NULL, NULL);

  return enabled;
}

static void
wait_for_action (GDBusConnection *bus,
                 const char      *path,
                 const char      *action)
{
  ActionProbe probe = { bus, path, action };

  g_assert_true (wait_for (action_enabled, &probe));
}

static void
activate_action (GDBusConnection *bus,
                 const char      *path,
                 const char      *action,
                 GVariant        *parameter)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder parameters;

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&parameters, "v", parameter);

  reply = g_dbus_connection_call_sync (bus, APP_ID, path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", action, &parameters, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
name_owned (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (data, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply == NULL)
    return FALSE;

  return g_variant_get_boolean (g_variant_get_child_value (reply, 0));
}

static gboolean
name_free (gpointer data)
{
  return !name_owned (data);
}

typedef struct
{
  const char *path;
  const char *text;
} FileProbe;

static gboolean
file_contains (gpointer data)
{
  FileProbe *probe = data;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (probe->path, &contents, NULL, NULL))
    return FALSE;

  return strstr (contents, probe->text) != NULL;
}

/* The path of a draft that holds @text, or NULL. */
static char *
find_draft (const char *text)
{
  g_auto(GStrv) ids = lode_drafts_list ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GFile) file = lode_draft_get_file (ids[i]);
      g_autofree char *path = g_file_get_path (file);
      FileProbe probe = { path, text };

      if (file_contains (&probe))
        return g_steal_pointer (&path);
    }

  return NULL;
}

static gboolean
has_draft (gpointer data)
{
  g_autofree char *path = find_draft (data);

  return path != NULL;
}

static gboolean
no_drafts (gpointer data)
{
  g_auto(GStrv) ids = lode_drafts_list ();

  return ids[0] == NULL;
}

static void
process_ended (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *ended = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source_object), result, NULL));
  *ended = TRUE;
}

static void
wait_process (GSubprocess *process)
{
  gboolean ended = FALSE;

  g_subprocess_wait_async (process, NULL, process_ended, &ended);
  g_assert_true (wait_for (lode_test_is_true, &ended));
}

/* lode-cli validate accepts @path. */
static void
assert_valid (const char *path)
{
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("LODE_CLI"), "validate", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (cli, NULL, &error));
  g_assert_no_error (error);
}

static void
test_kill_and_restore (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Before the crash");
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) original = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "portfolio.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *app = app_path ();
  g_autofree char *window = window_path (1);
  g_autofree char *draft = NULL;
  g_auto(GStrv) ids = NULL;
  FileProbe saved = { path, "\"title\": \"Edited before the crash\"" };
  FileProbe kept = { backup, "\"title\": \"Before the crash\"" };

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  g_assert_true (lode_portfolio_save_file (portfolio, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* Open the file and edit it. */
  first = start_lode (path);
  g_assert_true (wait_for (name_owned, bus));
  wait_for_action (bus, window, "set-title");
  activate_action (bus, window, "set-title", g_variant_new_string ("Edited before the crash"));

  /* A draft appears a little later, and names the file it belongs to. */
  g_assert_true (wait_for (has_draft, (gpointer) "Edited before the crash"));
  ids = lode_drafts_list ();
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  original = lode_draft_get_original (ids[0]);
  g_assert_nonnull (original);
  g_assert_true (g_file_equal (original, file));

  g_subprocess_send_signal (first, SIGKILL);
  wait_process (first);
  g_assert_true (g_subprocess_get_if_signaled (first));
  g_assert_cmpint (g_subprocess_get_term_sig (first), ==, SIGKILL);
  g_assert_true (wait_for (name_free, bus));

  /* The file is as it was; the draft survived. */
  g_assert_false (file_contains (&saved));
  draft = find_draft ("Edited before the crash");
  g_assert_nonnull (draft);

  /* Start again: the restore offer brings the edit back on the same file,
   * and Save writes it there. */
  second = start_lode (NULL);
  g_assert_true (wait_for (name_owned, bus));
  wait_for_action (bus, window, "save");
  /* The window is busy loading the draft once the call returns, and can
   * save again when it is loaded. */
  activate_action (bus, app, "restore-drafts", NULL);
  wait_for_action (bus, window, "save");
  activate_action (bus, window, "save", NULL);
  g_assert_true (wait_for (file_contains, &saved));
  g_assert_true (file_contains (&kept));
  g_assert_true (wait_for (no_drafts, NULL));
  assert_valid (path);

  /* Nothing is unsaved: quitting asks nothing. */
  activate_action (bus, app, "quit", NULL);
  wait_process (second);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
}

static char *
read_text (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contents);
}

/* Replaces the one @find in the file at @path by @replace. */
static void
edit_file (const char *path,
           const char *find,
           const char *replace)
{
  g_autofree char *contents = read_text (path);
  g_autoptr(GString) text = g_string_new (contents);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (text, find, replace, 0), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
}

/* A draft holding a value the reader refuses (as editors once let
 * through): the restore brings back everything else, the draft stays as
 * it was until Save, and Save writes a file that opens. */
static void
test_restore_bad_value (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Before the crash");
  g_autoptr(LodeSource) source = lode_source_new ("gacc-2025", "GACC customs");
  g_autoptr(LodeSource) other = lode_source_new ("arab-news", "Arab News");
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LodePortfolio) saved_portfolio = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "bad-value.json", NULL);
  g_autofree char *app = app_path ();
  g_autofree char *window = window_path (1);
  g_autofree char *draft = NULL;
  g_autofree char *draft_text = NULL;
  g_autofree char *draft_after = NULL;
  g_autofree char *saved_text = NULL;
  FileProbe saved = { path, "\"title\": \"Edited before the crash\"" };

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  lode_source_set_date (source, "2025-12-31");
  lode_source_set_date (other, "2025-09-26");
  g_list_store_append (lode_portfolio_get_sources (portfolio), source);
  g_list_store_append (lode_portfolio_get_sources (portfolio), other);
  file = g_file_new_for_path (path);
  g_assert_true (lode_portfolio_save_file (portfolio, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  first = start_lode (path);
  g_assert_true (wait_for (name_owned, bus));
  wait_for_action (bus, window, "set-title");
  activate_action (bus, window, "set-title", g_variant_new_string ("Edited before the crash"));
  g_assert_true (wait_for (has_draft, (gpointer) "Edited before the crash"));
  g_subprocess_send_signal (first, SIGKILL);
  wait_process (first);
  g_assert_true (wait_for (name_free, bus));

  /* One date in the draft is one the reader refuses. */
  draft = find_draft ("Edited before the crash");
  g_assert_nonnull (draft);
  edit_file (draft, "\"date\": \"2025-12-31\"", "\"date\": \"+202\"");
  draft_text = read_text (draft);

  second = start_lode (NULL);
  g_assert_true (wait_for (name_owned, bus));
  wait_for_action (bus, window, "save");
  activate_action (bus, app, "restore-drafts", NULL);
  wait_for_action (bus, window, "save");

  /* Restored: the draft is still there, as it was. */
  draft_after = read_text (draft);
  g_assert_cmpstr (draft_after, ==, draft_text);
  g_assert_false (file_contains (&saved));

  activate_action (bus, window, "save", NULL);
  g_assert_true (wait_for (file_contains, &saved));
  g_assert_true (wait_for (no_drafts, NULL));
  assert_valid (path);

  /* All but the bad date: the edit, both sources, the other date. */
  saved_portfolio = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lode_portfolio_get_title (saved_portfolio), ==, "Edited before the crash");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (saved_portfolio))), ==, 2);
  saved_text = read_text (path);
  g_assert_null (strstr (saved_text, "+202"));
  g_assert_null (strstr (saved_text, "2025-12-31"));
  g_assert_nonnull (strstr (saved_text, "\"date\": \"2025-09-26\""));
  g_assert_nonnull (strstr (saved_text, "\"title\": \"GACC customs\""));

  activate_action (bus, app, "quit", NULL);
  wait_process (second);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = g_dir_make_tmp ("lode-recovery-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  data_dir = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lode/recovery/kill-and-restore", test_kill_and_restore);
  g_test_add_func ("/lode/recovery/restore-bad-value", test_restore_bad_value);

  result = g_test_run ();

  /* A failure keeps the files, to be looked at. */
  if (result == 0)
    lode_test_remove_tree (tmp_dir);

  return result;
}
