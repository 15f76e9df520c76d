/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* A file that does not load, opened in a window in Urdu and in Simplified
 * Chinese: the error dialog says where (line and column, or the JSON
 * Pointer) and why, in the user's language; the portfolio on screen stays
 * as it was. */

/* GNU gettext keeps the translations it has looked up; this tells it
 * that the language changed. */
extern int _nl_msg_cat_cntr;

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

static gboolean
has_error_dialog (gpointer data)
{
  return !lode_window_get_busy (data)
         && lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (data)) != NULL;
}

/* Opens @text as a file in a window on the sample and returns the body of
 * the error dialog it shows. */
static char *
open_bad_file (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-test-window-translated-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  g_autoptr(GBytes) bytes_before = NULL;
  g_autoptr(GBytes) bytes_after = NULL;
  g_autoptr(GFile) file = NULL;
  LodeWindow *window;
  AdwMessageDialog *dialog;
  char *body;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bad.json", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  file = g_file_new_for_path (path);

  window = lode_test_window_new (sample);
  bytes_before = lode_portfolio_to_bytes (sample);

  lode_window_open_file (window, file);
  g_assert_true (lode_test_poll (has_error_dialog, window, 30));
  dialog = lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "bad.json"));
  body = g_strdup (adw_message_dialog_get_body (dialog));

  g_assert_true (lode_window_get_portfolio (window) == sample);
  g_assert_null (lode_window_get_file (window));
  bytes_after = lode_portfolio_to_bytes (sample);
  g_assert_true (g_bytes_equal (bytes_before, bytes_after));

  gtk_window_destroy (GTK_WINDOW (dialog));
  lode_test_destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return body;
}

/* A trailing comma on line 2. */
static const char syntax_text[] =
  "{\"format\": \"lode-portfolio\",\n"
  " \"version\": 1,\n"
  "}\n";

/* A record whose year is out of range. The window shows its pointer
 * isolated as left-to-right text (U+2068 … U+2069). */
static const char content_text[] =
  "{\"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"T\",\n"
  " \"minerals\": [{\"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\"}],\n"
  " \"exports\": [{\"mineral\": \"copper\", \"year\": 3000, \"value_usd\": 1}]}\n";

static void
check_language (const char *language,
                const char *syntax_expected,
                const char *content_expected)
{
  g_autofree char *syntax_body = NULL;
  g_autofree char *content_body = NULL;

  use_language (language);

  syntax_body = open_bad_file (syntax_text);
  g_assert_nonnull (strstr (syntax_body, syntax_expected));

  content_body = open_bad_file (content_text);
  g_assert_nonnull (strstr (content_body, content_expected));
}

static void
test_urdu (void)
{
  check_language ("ur",
                  "لائن 2، کالم 14: آخر میں زائد کوما",
                  "\u2068/exports/0/year\u2069: 1800 سے 2200 تک کا سال ہونا چاہیے");
}

static void
test_chinese (void)
{
  check_language ("zh_CN",
                  "第 2 行，第 14 列： 多余的尾随逗号",
                  "\u2068/exports/0/year\u2069: 必须是 1800 到 2200 之间的年份");
}

int
main (int   argc,
      char *argv[])
{
  /* Before GTK starts, so that its first strings are translated too. */
  use_language ("ur");
  bindtextdomain (GETTEXT_PACKAGE, LODE_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/window-translated/urdu", test_urdu);
  g_test_add_func ("/lode/window-translated/chinese", test_chinese);

  return lode_test_run ();
}
