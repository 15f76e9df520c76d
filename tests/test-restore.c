/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lode-drafts.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* Restoring drafts that do not load whole, in the window, on a real
 * display: what can be kept comes back on the draft's file, unsaved; what
 * cannot is listed; the draft stays as it was until the work is saved or
 * discarded; a draft that cannot be read is kept, and named by its
 * portfolio, never by its own file. */

static char *tmp_dir;

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

static char *
fixture_text (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "salvage", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);

  return contents;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

/* A draft of @original holding @text, as a Lode that stopped left it. */
static char *
leave_draft (const char *text,
             GFile      *original)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  char *id = lode_draft_new_id ();

  g_assert_true (lode_draft_write (id, bytes, original, &error));
  g_assert_no_error (error);

  return id;
}

static char *
draft_path (const char *id)
{
  g_autoptr(GFile) file = lode_draft_get_file (id);

  return g_file_get_path (file);
}

static gboolean
no_drafts (gpointer data)
{
  g_auto(GStrv) ids = lode_drafts_list ();

  return ids[0] == NULL;
}

static gboolean
has_two_drafts (gpointer data)
{
  g_auto(GStrv) ids = lode_drafts_list ();

  return g_strv_length (ids) == 2;
}

static void
activate (LodeWindow *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

/* Restores @id in a new window, and waits until it is done. */
static LodeWindow *
restore (const char *id)
{
  LodeWindow *window = lode_test_window_new (NULL);

  lode_window_restore_draft (window, id);
  g_assert_true (lode_window_get_busy (window));
  g_assert_true (wait_for (lode_test_is_idle, window));

  return window;
}

/* A draft with one bad value: the rest comes back, the bad value is
 * listed, the draft stays as it was, also once the work goes on, until
 * Save. */
static void
test_bad_value_then_save (void)
{
  g_autofree char *path = tmp_path ("restore.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *draft = fixture_text ("bad-date.json", NULL);
  g_autofree char *expected = fixture_text ("bad-date.expected.json", NULL);
  g_autofree char *id = leave_draft (draft, file);
  g_autofree char *draft_file = draft_path (id);
  g_autofree char *draft_after = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LodePortfolio) saved = NULL;
  g_autoptr(GError) error = NULL;
  LodeWindow *window;
  LodePortfolio *portfolio;
  AdwMessageDialog *dialog;
  GtkWidget *label;

  window = restore (id);
  portfolio = lode_window_get_portfolio (window);
  g_assert_nonnull (portfolio);
  bytes = lode_portfolio_to_bytes (portfolio);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, expected);
  g_assert_true (lode_portfolio_get_modified (portfolio));
  g_assert_true (g_file_equal (lode_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• restore.json – Lode");

  /* What was not kept is listed, by the item and the field. */
  dialog = lode_test_wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some Changes Could Not Be Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“restore.json”"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), id));
  label = lode_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                 "Source “GACC customs”: its date “+202” was not kept. "
                                 "A date reads YYYY-MM-DD (or YYYY-MM, or YYYY), as in 2025-09-26.");
  g_assert_nonnull (label);
  lode_test_respond (dialog, "close");

  /* The draft is as it was; more work goes to a draft of its own. */
  draft_after = read_text (draft_file);
  g_assert_cmpstr (draft_after, ==, draft);
  activate (window, "win.set-title", g_variant_new_string ("Restored and edited"));
  g_assert_true (wait_for (has_two_drafts, NULL));
  g_clear_pointer (&draft_after, g_free);
  draft_after = read_text (draft_file);
  g_assert_cmpstr (draft_after, ==, draft);

  /* Saved: both drafts go, and the file opens. */
  activate (window, "win.save", NULL);
  g_assert_true (wait_for (lode_test_is_idle, window));
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_assert_true (wait_for (no_drafts, NULL));
  saved = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lode_portfolio_get_title (saved), ==, "Restored and edited");

  lode_test_destroy_window (window);
}

/* The same, but the changes are discarded: the draft goes then. */
static void
test_bad_value_then_discard (void)
{
  g_autofree char *draft = fixture_text ("several.json", NULL);
  g_autofree char *id = leave_draft (draft, NULL);
  g_autofree char *draft_file = draft_path (id);
  LodeWindow *window = restore (id);
  AdwMessageDialog *dialog;

  g_assert_null (lode_window_get_file (window));
  g_assert_true (lode_portfolio_get_modified (lode_window_get_portfolio (window)));
  dialog = lode_test_wait_for_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unsaved portfolio"));
  g_assert_nonnull (lode_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                           "Mineral “iron”: removed, as its name is empty."));
  lode_test_respond (dialog, "close");
  g_assert_true (g_file_test (draft_file, G_FILE_TEST_EXISTS));

  /* New asks first; Discard lets the work and its draft go. */
  activate (window, "win.new", NULL);
  dialog = lode_test_wait_for_dialog (window);
  lode_test_respond (dialog, "discard");
  g_assert_true (wait_for (no_drafts, NULL));

  lode_test_destroy_window (window);
}

/* A draft that is not JSON cannot be restored: it is said so, without
 * naming the draft's own file, the window keeps what it shows, and the
 * draft stays to be offered again. */
static void
test_unreadable (void)
{
  g_autofree char *path = tmp_path ("unreadable.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *id = leave_draft ("{\"format\": \"lode-portfolio\", \"version\": 1, \"title\": ", file);
  g_autofree char *draft_file = draft_path (id);
  g_autoptr(LodePortfolio) shown = lode_portfolio_new ("Shown before");
  LodeWindow *window = lode_test_window_new (shown);
  AdwMessageDialog *dialog;
  const char *body;

  lode_window_restore_draft (window, id);
  g_assert_true (wait_for (lode_test_is_idle, window));

  dialog = lode_test_wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Restore the Changes to “unreadable.json”");
  body = adw_message_dialog_get_body (dialog);
  g_assert_null (strstr (body, id));
  g_assert_null (strstr (body, draft_file));
  g_assert_nonnull (strstr (body, "Line 1, column 53: unexpected end of the file"));
  lode_test_respond (dialog, "close");

  g_assert_true (lode_window_get_portfolio (window) == shown);
  g_assert_null (lode_window_get_file (window));
  g_assert_true (g_file_test (draft_file, G_FILE_TEST_EXISTS));

  lode_test_destroy_window (window);
  lode_draft_delete (id);
  g_assert_true (no_drafts (NULL));
}

static gboolean
file_is_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

/* A deleted draft leaves its name at once, and its file is unlinked by a
 * thread; one that a process left behind goes with the next listing. */
static void
test_delete_draft (void)
{
  g_autofree char *id = leave_draft ("{ \"format\": \"lode-portfolio\" }\n", NULL);
  g_autofree char *path = draft_path (id);
  g_autofree char *dir = lode_drafts_get_dir ();
  g_autofree char *hidden_name = g_strconcat (".", id, ".json.deleted", NULL);
  g_autofree char *hidden = g_build_filename (dir, hidden_name, NULL);
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) after = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  lode_draft_delete (id);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ids = lode_drafts_list ();
  g_assert_false (g_strv_contains ((const char * const *) ids, id));
  g_assert_true (lode_test_poll (file_is_gone, hidden, 10));

  /* As a process that ended before its thread unlinked it leaves it. */
  g_assert_true (g_file_set_contents (hidden, "{}", -1, NULL));
  after = lode_drafts_list ();
  g_assert_false (g_strv_contains ((const char * const *) after, id));
  g_assert_false (g_file_test (hidden, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("lode-test-restore-XXXXXX", &error);
  g_assert_no_error (error);
  data_dir = tmp_path ("data");
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/restore/bad-value-then-save", test_bad_value_then_save);
  g_test_add_func ("/lode/restore/bad-value-then-discard", test_bad_value_then_discard);
  g_test_add_func ("/lode/restore/unreadable", test_unreadable);
  g_test_add_func ("/lode/restore/delete-draft", test_delete_draft);

  status = lode_test_run ();

  if (status == 0)
    lode_test_remove_tree (tmp_dir);

  return status;
}
