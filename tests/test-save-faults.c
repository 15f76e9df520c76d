/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-portfolio-io.h"

/* Faults while saving: a save killed at any moment, a full disk and a
 * read-only destination leave the old file whole. */

static char *dir;
static GBytes *old_bytes;  /* a medium-size portfolio already on disk */
static GBytes *new_bytes;  /* a larger one written over it */

/* The sample with @n_rows more export records, titled @title. */
static LodePortfolio *
portfolio_with_rows (const char *title,
                     guint       n_rows)
{
  LodePortfolio *portfolio = lode_portfolio_new_sample ();
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodeExportRow row;

  lode_export_table_get_row (table, 0, &row);
  for (guint i = 0; i < n_rows; i++)
    {
      row.year = 1990 + i % 36;
      row.month = 1 + i % 12;
      row.value = 100 + (LodeMoney) i * 7919;
      lode_export_table_append_silent (table, &row);
    }
  lode_portfolio_set_title (portfolio, title);

  return portfolio;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_bytes_new_take (contents, length);
}

/* Temporary files of saves of @base left in the folder. */
static guint
count_temporaries (const char *base)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;

  return n;
}

/* Waits until the process writes (a temporary file more than @before
 * appears) or ends; returns the time that took, in seconds. */
static double
wait_for_writing (GSubprocess *process,
                  const char  *base,
                  guint        before)
{
  gint64 start = g_get_monotonic_time ();

  while (count_temporaries (base) <= before && g_subprocess_get_identifier (process) != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
      g_usleep (100);
    }

  return (g_get_monotonic_time () - start) / 1e6;
}

/* Runs @argv to its end; sets @writing to how long it wrote. */
static double
run_to_end (const char * const *argv,
            const char         *base,
            double             *writing)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double until_writing;
  double total;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  until_writing = wait_for_writing (process, base, count_temporaries (base));
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  total = (g_get_monotonic_time () - start) / 1e6;
  if (writing != NULL)
    *writing = total - until_writing;

  return total;
}

static void
reset_old (const char *path)
{
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                      g_bytes_get_size (old_bytes), NULL));
}

/* Runs @argv (which writes IN over OUT) @rounds times, each time killed
 * with SIGKILL: in even rounds at a random moment of the whole run, in odd
 * rounds at a random moment after it started writing. After every kill
 * OUT is the whole old or the whole new document. */
static void
kill_repeatedly (const char * const *argv,
                 const char         *out_path,
                 guint               rounds,
                 gboolean            backup)
{
  g_autofree char *base = g_path_get_basename (out_path);
  g_autofree char *backup_path = g_strconcat (out_path, "~", NULL);
  guint n_old = 0, n_new = 0, n_killed = 0, n_mid_write = 0, most_temporaries = 0;
  double full = G_MAXDOUBLE, writing = G_MAXDOUBLE;

  /* How long a whole run and its writing take (the shortest of three: on
   * a loaded machine runs only get longer, and kills should fall before
   * the end). */
  for (guint i = 0; i < 3; i++)
    {
      double w, t;

      reset_old (out_path);
      /* Not inside MIN(), which would run it twice. */
      t = run_to_end (argv, base, &w);
      full = MIN (full, t);
      writing = MIN (writing, w);
    }

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) now = NULL;
      guint temporaries;

      reset_old (out_path);
      temporaries = count_temporaries (base);
      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      if (i % 2 == 0)
        g_usleep ((gulong) g_random_double_range (0, full * 1.2e6));
      else
        {
          wait_for_writing (process, base, temporaries);
          g_usleep ((gulong) g_random_double_range (0, writing * 1.2e6));
        }
      g_subprocess_force_exit (process);
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_if_signaled (process))
        {
          g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
          n_killed++;
        }
      else
        g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

      now = read_bytes (out_path);
      g_assert_nonnull (now);
      if (g_bytes_equal (now, old_bytes))
        n_old++;
      else if (g_bytes_equal (now, new_bytes))
        n_new++;
      else
        g_error ("round %u: %s is neither the old nor the new document (%" G_GSIZE_FORMAT " bytes)",
                 i, out_path, g_bytes_get_size (now));

      if (backup && g_file_test (backup_path, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GBytes) kept = read_bytes (backup_path);

          g_assert_true (g_bytes_equal (kept, old_bytes));
        }

      /* A temporary file more: the kill came while it was writing. */
      if (count_temporaries (base) > temporaries)
        n_mid_write++;
      most_temporaries = MAX (most_temporaries, count_temporaries (base));
    }

  g_test_message ("%s: %u rounds; a whole run %.0f ms, of which writing %.0f ms; "
                  "%u killed (%u while writing), %u finished; after them %u old, %u new; "
                  "at most %u temporary files left",
                  argv[0], rounds, full * 1000, writing * 1000, n_killed, n_mid_write,
                  rounds - n_killed, n_old, n_new, most_temporaries);
  /* The old document must have been seen to survive a kill. */
  g_assert_cmpuint (n_killed, >=, 1);
  g_assert_cmpuint (n_old, >=, 1);

  /* The next whole save removes what killed saves left. */
  run_to_end (argv, base, NULL);
  g_assert_cmpuint (count_temporaries (base), ==, 0);
  {
    g_autoptr(GBytes) now = read_bytes (out_path);

    g_assert_true (g_bytes_equal (now, new_bytes));
  }
}

static char *
write_input (void)
{
  char *in_path = g_build_filename (dir, "in.json", NULL);

  g_assert_true (g_file_set_contents (in_path, g_bytes_get_data (new_bytes, NULL),
                                      g_bytes_get_size (new_bytes), NULL));
  return in_path;
}

static void
test_kill_convert (void)
{
  g_autofree char *in_path = write_input ();
  g_autofree char *out_path = g_build_filename (dir, "convert.json", NULL);
  const char *argv[] = { g_getenv ("LODE_CLI"), "convert", in_path, out_path, NULL };

  g_assert_nonnull (argv[0]);
  kill_repeatedly (argv, out_path, 100, FALSE);
}

static void
test_kill_app_save (void)
{
  g_autofree char *in_path = write_input ();
  g_autofree char *out_path = g_build_filename (dir, "app.json", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "save-helper", NULL);
  const char *argv[] = { helper, in_path, out_path, NULL };

  kill_repeatedly (argv, out_path, 30, TRUE);
}

/* Saves @portfolio over @path, which holds the old document: the save
 * fails with a message that says why, and the old file stays. */
static void
assert_save_fails (LodePortfolio *portfolio,
                   const char    *path,
                   const char    *why)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *expected = g_strdup_printf ("%s: could not save: %s", path, why);

  g_assert_false (lode_portfolio_save_file (portfolio, file, TRUE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);

  now = read_bytes (path);
  if (g_bytes_get_size (old_bytes) < 200000)
    g_assert_nonnull (now);
  g_assert_true (now == NULL || g_bytes_equal (now, old_bytes));
}

static void
test_full_and_read_only (void)
{
  g_autofree char *mount_point = g_build_filename (dir, "small-disk", NULL);
  g_autofree char *path = g_build_filename (mount_point, "portfolio.json", NULL);
  g_autoptr(GBytes) small = NULL;
  g_autoptr(LodePortfolio) big = portfolio_with_rows ("Too big", 20000);
  g_autoptr(LodePortfolio) old = portfolio_with_rows ("Old", 0);

  g_clear_pointer (&old_bytes, g_bytes_unref);
  old_bytes = lode_portfolio_to_bytes (old);
  g_assert_cmpint (g_mkdir (mount_point, 0755), ==, 0);

  if (mount ("tmpfs", mount_point, "tmpfs", 0, "size=1m") == 0)
    {
      g_autoptr(GDir) folder = NULL;

      /* A real full disk: a 1 MiB tmpfs holding the old file. */
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                          g_bytes_get_size (old_bytes), NULL));
      assert_save_fails (big, path, g_strerror (ENOSPC));
      folder = g_dir_open (mount_point, 0, NULL);
      g_assert_cmpstr (g_dir_read_name (folder), ==, "portfolio.json");
      g_assert_null (g_dir_read_name (folder));
      g_clear_pointer (&folder, g_dir_close);

      /* The same file system, read-only. */
      g_assert_cmpint (mount (NULL, mount_point, NULL, MS_REMOUNT | MS_RDONLY, "size=1m"), ==, 0);
      assert_save_fails (old, path, g_strerror (EROFS));

      g_assert_cmpint (umount (mount_point), ==, 0);
      g_test_message ("full disk: a 1 MiB tmpfs; read-only: that tmpfs remounted read-only");
    }
  else
    {
      struct rlimit saved, limit;

      /* No mounting here (not root): a file size limit stands in for the
       * full disk, a folder without write permission for read-only. */
      g_test_message ("mount: %s; full disk: RLIMIT_FSIZE, read-only: a folder of mode 0555",
                      g_strerror (errno));
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                          g_bytes_get_size (old_bytes), NULL));

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      limit = saved;
      limit.rlim_cur = 1 << 20;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      assert_save_fails (big, path, g_strerror (EFBIG));
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      g_assert_cmpuint (count_temporaries ("portfolio.json"), ==, 0);

      if (geteuid () != 0)
        {
          g_assert_cmpint (g_chmod (mount_point, 0555), ==, 0);
          assert_save_fails (old, path, g_strerror (EACCES));
          g_assert_cmpint (g_chmod (mount_point, 0755), ==, 0);
        }
      else
        {
          /* Root writes into any folder: /proc is read-only to everyone. */
          g_autofree char *proc_path = g_strdup ("/proc/lode-save-test.json");
          g_autoptr(GFile) file = g_file_new_for_path (proc_path);
          g_autoptr(GError) error = NULL;

          g_assert_false (lode_portfolio_save_file (old, file, TRUE, NULL, &error));
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "/proc/lode-save-test.json: could not save: "));
        }
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  g_assert_cmpint (g_rmdir (mount_point), ==, 0);
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodePortfolio) old = NULL;
  g_autoptr(LodePortfolio) new = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("lode-test-save-faults-XXXXXX", &error);
  g_assert_no_error (error);

  /* About 1 and 2 MB. */
  old = portfolio_with_rows ("Old", 3000);
  new = portfolio_with_rows ("New", 6000);
  old_bytes = lode_portfolio_to_bytes (old);
  new_bytes = lode_portfolio_to_bytes (new);

  g_test_add_func ("/lode/save-faults/kill-convert", test_kill_convert);
  g_test_add_func ("/lode/save-faults/kill-app-save", test_kill_app_save);
  g_test_add_func ("/lode/save-faults/full-and-read-only", test_full_and_read_only);

  status = g_test_run ();

  remove_folder (dir);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&old_bytes, g_bytes_unref);
  g_clear_pointer (&new_bytes, g_bytes_unref);

  return status;
}
