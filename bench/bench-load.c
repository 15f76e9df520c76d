/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-load [--sizes N,N,...] [--data-dir DIR] [--seed S] [--json]
 *
 * Measures loading and saving synthetic portfolios of each size. Every size
 * runs in a fresh child process (this program again, with --one), so the
 * peak memory of one size does not hide the next. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "lode-portfolio-io.h"

#define DEFAULT_SIZES "10000,100000,1000000"
#define MB 1e6

typedef struct
{
  guint    records;
  guint64  file_bytes;
  guint64  saved_bytes;
  double   load_seconds;
  double   save_seconds;
  double   save2_seconds;  /* the second save */
  guint64  peak_load;      /* VmHWM once loaded */
  guint64  peak_save;      /* VmHWM while saving */
  gboolean peak_save_reset; /* the peak was reset before saving */
  guint64  rss_portfolio;  /* VmRSS growth over the load */
  guint64  table_bytes;    /* lode_export_table_get_memory () */
  gboolean stable;         /* two saves give the same bytes */
  gboolean same_as_input;  /* the save gives the bytes that were loaded */
  double   snapshot_ms;    /* lode_portfolio_snapshot_new (), the slowest of 5 */
  double   edit_ms;        /* the first edit while a snapshot is held */
  double   worker_edit_ms; /* the same while a worker writes the snapshot */
} Result;

/* Side by side
 * ============
 *
 * The same file read by other programs in the same run: Python's
 * json.load, jq and lode-cli summary, each in its own process, timed from
 * start to exit, with its peak memory (ru_maxrss). */

typedef struct
{
  double  seconds;
  double  cpu_seconds; /* user + system */
  guint64 peak;       /* bytes */
  gboolean ran;
} PeerRun;

typedef struct
{
  guint    records;
  gboolean minified;
  guint64  file_bytes;
  double   lode_seconds;    /* lode_portfolio_load_file () in the child */
  guint64  lode_peak;
  guint64  lode_loaded;     /* VmRSS growth over the load */
  PeerRun  summary;         /* lode-cli summary */
  PeerRun  python;          /* python3 json.load */
  PeerRun  jq;              /* jq length */
} Peers;

/* /proc/self/status
 * ================= */

/* Returns the value of @key ("VmHWM", "VmRSS") in bytes, or 0. */
static guint64
read_status (const char *key)
{
  g_autofree char *contents = NULL;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;

  for (const char *line = contents; line != NULL && *line != '\0'; )
    {
      const char *end = strchr (line, '\n');

      if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
        return g_ascii_strtoull (line + key_len + 1, NULL, 10) * 1024;

      line = end != NULL ? end + 1 : NULL;
    }

  return 0;
}

/* Resets VmHWM to the current RSS (Linux 4.0 and later). */
static gboolean
reset_peak (void)
{
  FILE *stream = g_fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (stream == NULL)
    return FALSE;

  ok = fputs ("5", stream) >= 0;
  ok = fclose (stream) == 0 && ok;

  return ok;
}

/* Compares two files, a block at a time. */
static gboolean
files_equal (const char  *path_a,
             const char  *path_b,
             gboolean    *equal,
             GError     **error)
{
  g_autofree char *buffer_a = g_malloc (1 << 20);
  g_autofree char *buffer_b = g_malloc (1 << 20);
  FILE *a = g_fopen (path_a, "rb");
  FILE *b = a != NULL ? g_fopen (path_b, "rb") : NULL;

  if (a == NULL || b == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", a == NULL ? path_a : path_b, g_strerror (saved_errno));
      g_clear_pointer (&a, fclose);
      return FALSE;
    }

  *equal = TRUE;
  while (*equal)
    {
      size_t n_a = fread (buffer_a, 1, 1 << 20, a);
      size_t n_b = fread (buffer_b, 1, 1 << 20, b);

      *equal = n_a == n_b && memcmp (buffer_a, buffer_b, n_a) == 0;
      if (n_a == 0)
        break;
    }

  fclose (a);
  fclose (b);

  return TRUE;
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;

  return (guint64) st.st_size;
}

/* One size, in the child
 * ====================== */

static gpointer
write_snapshot_thread (gpointer snapshot)
{
  return lode_portfolio_snapshot_to_bytes (snapshot);
}

/* What a save or a draft costs the main thread: taking a snapshot, the
 * slowest of five; then, while one is held, the first edit of the table,
 * which copies the columns the snapshot shares; then the first edit a
 * quarter of a second after a worker started writing a snapshot, as in the
 * window, by when the worker has its own copy. */
static void
measure_snapshot (LodePortfolio *portfolio,
                  Result        *result)
{
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  LodePortfolioSnapshot *snapshot = NULL;
  LodeExportRow row;
  gint64 start;

  for (guint i = 0; i < 5; i++)
    {
      g_clear_pointer (&snapshot, lode_portfolio_snapshot_free);
      start = g_get_monotonic_time ();
      snapshot = lode_portfolio_snapshot_new (portfolio);
      result->snapshot_ms = MAX (result->snapshot_ms, (g_get_monotonic_time () - start) / 1e3);
    }

  lode_export_table_get_row (table, 0, &row);
  start = g_get_monotonic_time ();
  lode_export_table_replace (table, 0, &row);
  result->edit_ms = (g_get_monotonic_time () - start) / 1e3;

  lode_portfolio_snapshot_free (snapshot);

  {
    GThread *thread;

    snapshot = lode_portfolio_snapshot_new (portfolio);
    thread = g_thread_new ("bench-snapshot", write_snapshot_thread, snapshot);
    g_usleep (G_USEC_PER_SEC / 4);
    start = g_get_monotonic_time ();
    lode_export_table_replace (table, 0, &row);
    result->worker_edit_ms = (g_get_monotonic_time () - start) / 1e3;
    g_bytes_unref (g_thread_join (thread));
    lode_portfolio_snapshot_free (snapshot);
  }
}

static gboolean
save_to (LodePortfolio  *portfolio,
         const char     *path,
         GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return lode_portfolio_save_file (portfolio, file, FALSE, NULL, error);
}

static gboolean
measure_one (guint        records,
             const char  *path,
             Result      *result,
             GError     **error)
{
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = NULL;
  g_autofree char *save_a = NULL;
  g_autofree char *save_b = NULL;
  LodeExportTable *table;
  guint64 rss_before;
  guint64 rss_after;
  gint64 start;
  gboolean ok;

  memset (result, 0, sizeof *result);
  result->records = records;
  result->file_bytes = file_size (path);

  g_type_ensure (LODE_TYPE_PORTFOLIO);
  g_type_ensure (LODE_TYPE_EXPORT_TABLE);
  rss_before = read_status ("VmRSS");

  start = g_get_monotonic_time ();
  portfolio = lode_portfolio_load_file (file, NULL, error);
  result->load_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (portfolio == NULL)
    return FALSE;

  result->peak_load = read_status ("VmHWM");
  rss_after = read_status ("VmRSS");
  result->rss_portfolio = rss_after > rss_before ? rss_after - rss_before : 0;

  table = lode_portfolio_get_exports (portfolio);
  result->table_bytes = lode_export_table_get_memory (table);
  if (lode_export_table_get_n_rows (table) != records)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s: loaded %u export records, expected %u",
                   path, lode_export_table_get_n_rows (table), records);
      return FALSE;
    }

  dir = g_dir_make_tmp ("lode-bench-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  save_a = g_build_filename (dir, "save-a.json", NULL);
  save_b = g_build_filename (dir, "save-b.json", NULL);

  result->peak_save_reset = reset_peak ();
  start = g_get_monotonic_time ();
  ok = save_to (portfolio, save_a, error);
  result->save_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  result->peak_save = read_status ("VmHWM");

  if (ok)
    {
      start = g_get_monotonic_time ();
      ok = save_to (portfolio, save_b, error);
      result->save2_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }

  if (ok)
    {
      result->saved_bytes = file_size (save_a);
      ok = files_equal (save_a, save_b, &result->stable, error) &&
           files_equal (save_a, path, &result->same_as_input, error);
    }

  g_unlink (save_a);
  g_unlink (save_b);
  g_rmdir (dir);

  if (ok && records > 0)
    measure_snapshot (portfolio, result);

  return ok;
}

/* The child reports one "key value" a line. */
static void
print_result_lines (const Result *r)
{
  g_print ("records %u\n", r->records);
  g_print ("file_bytes %" G_GUINT64_FORMAT "\n", r->file_bytes);
  g_print ("saved_bytes %" G_GUINT64_FORMAT "\n", r->saved_bytes);
  g_print ("load_seconds %.6f\n", r->load_seconds);
  g_print ("save_seconds %.6f\n", r->save_seconds);
  g_print ("save2_seconds %.6f\n", r->save2_seconds);
  g_print ("peak_load %" G_GUINT64_FORMAT "\n", r->peak_load);
  g_print ("peak_save %" G_GUINT64_FORMAT "\n", r->peak_save);
  g_print ("peak_save_reset %d\n", r->peak_save_reset);
  g_print ("rss_portfolio %" G_GUINT64_FORMAT "\n", r->rss_portfolio);
  g_print ("table_bytes %" G_GUINT64_FORMAT "\n", r->table_bytes);
  g_print ("stable %d\n", r->stable);
  g_print ("same_as_input %d\n", r->same_as_input);
  g_print ("snapshot_ms %.3f\n", r->snapshot_ms);
  g_print ("edit_ms %.3f\n", r->edit_ms);
  g_print ("worker_edit_ms %.3f\n", r->worker_edit_ms);
}

static gboolean
parse_result_lines (const char  *text,
                    Result      *r,
                    GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_seen = 0;

  memset (r, 0, sizeof *r);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *space = strchr (lines[i], ' ');
      g_autofree char *key = NULL;
      const char *value;

      if (space == NULL)
        continue;

      key = g_strndup (lines[i], space - lines[i]);
      value = space + 1;
      n_seen++;

      if (strcmp (key, "records") == 0)
        r->records = (guint) g_ascii_strtoull (value, NULL, 10);
      else if (strcmp (key, "file_bytes") == 0)
        r->file_bytes = g_ascii_strtoull (value, NULL, 10);
      else if (strcmp (key, "saved_bytes") == 0)
        r->saved_bytes = g_ascii_strtoull (value, NULL, 10);
      else if (strcmp (key, "load_seconds") == 0)
        r->load_seconds = g_ascii_strtod (value, NULL);
      else if (strcmp (key, "save_seconds") == 0)
        r->save_seconds = g_ascii_strtod (value, NULL);
      else if (strcmp (key, "save2_seconds") == 0)
        r->save2_seconds = g_ascii_strtod (value, NULL);
      else if (strcmp (key, "peak_load") == 0)
        r->peak_load = g_ascii_strtoull (value, NULL, 10);
      else if (strcmp (key, "peak_save") == 0)
        r->peak_save = g_ascii_strtoull (value, NULL, 10);
      else if (strcmp (key, "peak_save_reset") == 0)
        r->peak_save_reset = atoi (value) != 0;
      else if (strcmp (key, "rss_portfolio") == 0)
        r->rss_portfolio = g_ascii_strtoull (value, NULL, 10);
      else if (strcmp (key, "table_bytes") == 0)
        r->table_bytes = g_ascii_strtoull (value, NULL, 10);
      else if (strcmp (key, "stable") == 0)
        r->stable = atoi (value) != 0;
      else if (strcmp (key, "same_as_input") == 0)
        r->same_as_input = atoi (value) != 0;
      else if (strcmp (key, "snapshot_ms") == 0)
        r->snapshot_ms = g_ascii_strtod (value, NULL);
      else if (strcmp (key, "edit_ms") == 0)
        r->edit_ms = g_ascii_strtod (value, NULL);
      else if (strcmp (key, "worker_edit_ms") == 0)
        r->worker_edit_ms = g_ascii_strtod (value, NULL);
      else
        n_seen--;
    }

  if (n_seen != 16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unexpected report from the measuring process:\n%s", text);
      return FALSE;
    }

  return TRUE;
}

/* All sizes, in the parent
 * ======================== */

static GArray *
parse_sizes (const char  *text,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;
      guint size;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, G_MAXUINT32, &value, error))
        return NULL;
      size = (guint) value;
      g_array_append_val (sizes, size);
    }

  if (sizes->len == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--sizes needs at least one size");
      return NULL;
    }

  return g_steal_pointer (&sizes);
}

/* Makes the portfolio of @records records, or reuses the one already in
 * @dir. */
static char *
ensure_portfolio (const char  *dir,
                  guint        records,
                  guint64      seed,
                  GError     **error)
{
  g_autofree char *name = g_strdup_printf ("portfolio-%u-seed%" G_GUINT64_FORMAT ".json", records, seed);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("Reusing %s\n", path);
      return g_steal_pointer (&path);
    }

  g_printerr ("Generating %u records... ", records);
  start = g_get_monotonic_time ();
  if (!bench_generate_portfolio (path, records, seed, error))
    {
      g_printerr ("\n");
      return NULL;
    }
  g_printerr ("%.1f s\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  return g_steal_pointer (&path);
}

static gboolean
run_child (const char  *self,
           guint        records,
           const char  *path,
           Result      *result,
           GError     **error)
{
  g_autofree char *size = g_strdup_printf ("%u", records);
  g_autofree char *output = NULL;
  const char *argv[] = { self, "--one", size, path, NULL };
  int wait_status;

  g_printerr ("Measuring %u records...\n", records);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &wait_status, error))
    return FALSE;

  if (!g_spawn_check_wait_status (wait_status, error))
    {
      g_prefix_error (error, "measuring %u records: ", records);
      return FALSE;
    }

  return parse_result_lines (output, result, error);
}

static const char *
yes_no (gboolean value)
{
  return value ? "yes" : "no";
}

static void
print_table (const Result *results,
             guint         n_results)
{
  g_print ("%10s %9s %8s %12s %8s %12s %9s %9s %9s %9s %7s %10s %9s %9s %9s %8s\n",
           "records", "file MB", "load s", "load us/rec", "save s", "save us/rec",
           "peak MB", "peak MB", "RSS MB", "table MB", "stable", "identical",
           "snapshot", "1st edit", "edit", "save 2");
  g_print ("%10s %9s %8s %12s %8s %12s %9s %9s %9s %9s %7s %10s %9s %9s %9s %8s\n",
           "", "", "", "", "", "", "(load)", "(save)", "(loaded)", "", "", "(to input)",
           "ms", "ms", "(worker)", "s");

  for (guint i = 0; i < n_results; i++)
    {
      const Result *r = &results[i];

      g_print ("%10u %9.1f %8.3f %11.2f %8.3f %11.2f %9.1f %8.1f%s %9.1f %9.1f %7s %10s %9.2f %9.1f %9.2f %8.3f\n",
               r->records,
               r->file_bytes / MB,
               r->load_seconds,
               r->load_seconds * 1e6 / MAX (r->records, 1),
               r->save_seconds,
               r->save_seconds * 1e6 / MAX (r->records, 1),
               r->peak_load / MB,
               r->peak_save / MB,
               r->peak_save_reset ? " " : "*",
               r->rss_portfolio / MB,
               r->table_bytes / MB,
               yes_no (r->stable),
               yes_no (r->same_as_input),
               r->snapshot_ms,
               r->edit_ms,
               r->worker_edit_ms,
               r->save2_seconds);
    }

  for (guint i = 0; i < n_results; i++)
    {
      if (!results[i].peak_save_reset)
        {
          g_print ("* the peak could not be reset before saving: it includes the load\n");
          break;
        }
    }

  for (guint i = 0; i < n_results; i++)
    g_print ("stable: %s (%u records)\n", yes_no (results[i].stable), results[i].records);
}

static void add_peers_json (JsonBuilder *builder,
                            const Peers *peers,
                            guint        n_peers);

static void
print_json (const Result *results,
            guint         n_results,
            const Peers  *peers,
            guint         n_peers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_results; i++)
    {
      const Result *r = &results[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "records");
      json_builder_add_int_value (builder, r->records);
      json_builder_set_member_name (builder, "file_bytes");
      json_builder_add_int_value (builder, (gint64) r->file_bytes);
      json_builder_set_member_name (builder, "saved_bytes");
      json_builder_add_int_value (builder, (gint64) r->saved_bytes);
      json_builder_set_member_name (builder, "load_seconds");
      json_builder_add_double_value (builder, r->load_seconds);
      json_builder_set_member_name (builder, "load_us_per_record");
      json_builder_add_double_value (builder, r->load_seconds * 1e6 / MAX (r->records, 1));
      json_builder_set_member_name (builder, "save_seconds");
      json_builder_add_double_value (builder, r->save_seconds);
      json_builder_set_member_name (builder, "save_us_per_record");
      json_builder_add_double_value (builder, r->save_seconds * 1e6 / MAX (r->records, 1));
      json_builder_set_member_name (builder, "peak_load_bytes");
      json_builder_add_int_value (builder, (gint64) r->peak_load);
      json_builder_set_member_name (builder, "peak_save_bytes");
      json_builder_add_int_value (builder, (gint64) r->peak_save);
      json_builder_set_member_name (builder, "peak_save_reset");
      json_builder_add_boolean_value (builder, r->peak_save_reset);
      json_builder_set_member_name (builder, "rss_portfolio_bytes");
      json_builder_add_int_value (builder, (gint64) r->rss_portfolio);
      json_builder_set_member_name (builder, "table_bytes");
      json_builder_add_int_value (builder, (gint64) r->table_bytes);
      json_builder_set_member_name (builder, "stable");
      json_builder_add_boolean_value (builder, r->stable);
      json_builder_set_member_name (builder, "same_as_input");
      json_builder_add_boolean_value (builder, r->same_as_input);
      json_builder_set_member_name (builder, "save2_seconds");
      json_builder_add_double_value (builder, r->save2_seconds);
      json_builder_set_member_name (builder, "snapshot_ms");
      json_builder_add_double_value (builder, r->snapshot_ms);
      json_builder_set_member_name (builder, "first_edit_ms");
      json_builder_add_double_value (builder, r->edit_ms);
      json_builder_set_member_name (builder, "worker_edit_ms");
      json_builder_add_double_value (builder, r->worker_edit_ms);
      json_builder_end_object (builder);
    }
  json_builder_begin_object (builder);
  add_peers_json (builder, peers, n_peers);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static gboolean
run_peer (const char * const  *argv,
          PeerRun             *run,
          GError             **error)
{
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status;

  memset (run, 0, sizeof *run);
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", argv[0], g_strerror (saved_errno));
      return FALSE;
    }
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execv (argv[0], (char **) argv);
      _exit (127);
    }

  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", argv[0], g_strerror (saved_errno));
      return FALSE;
    }

  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  run->cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
                     + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run->peak = (guint64) usage.ru_maxrss * 1024;
  run->ran = TRUE;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed (wait status %d)",
                   argv[0], status);
      return FALSE;
    }

  return TRUE;
}

static gboolean
measure_peers (const char  *path,
               Peers       *peers,
               GError     **error)
{
  g_autofree char *jq = g_find_program_in_path ("jq");
  const char *summary_argv[] = { LODE_CLI, "summary", path, NULL };
  const char *python_argv[] = {
    "/usr/bin/python3", "-c", "import json, sys; json.load(open(sys.argv[1], 'rb'))", path, NULL
  };
  const char *jq_argv[] = { jq, "length", path, NULL };

  if (!run_peer (summary_argv, &peers->summary, error))
    return FALSE;
  if (g_file_test (python_argv[0], G_FILE_TEST_IS_EXECUTABLE)
      && !run_peer (python_argv, &peers->python, error))
    return FALSE;
  if (jq != NULL && !run_peer (jq_argv, &peers->jq, error))
    return FALSE;

  return TRUE;
}

/* Writes @path again without the whitespace between tokens, as one
 * line, to @minified_path. */
static gboolean
write_minified (const char  *path,
                const char  *minified_path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gboolean in_string = FALSE;
  gsize length, out = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char ch = contents[i];

      if (in_string)
        {
          if (ch == '\\')
            contents[out++] = contents[i++];
          else if (ch == '"')
            in_string = FALSE;
        }
      else if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
        continue;
      else if (ch == '"')
        in_string = TRUE;

      contents[out++] = contents[i];
    }

  return g_file_set_contents (minified_path, contents, out, error);
}

static double
ratio (double a,
       const PeerRun *b)
{
  return b->ran && b->seconds > 0 ? a / b->seconds : 0;
}

static void
print_peers (const Peers *peers,
             guint        n_peers)
{
  g_print ("\nSide by side, the same file in the same run (s: wall time; MB: peak memory)\n");
  g_print ("%10s %9s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %9s\n",
           "records", "layout", "file MB", "load s", "peak MB", "B/rec",
           "summary", "python", "jq", "load/py", "sum/py", "load/jq", "py MB", "jq MB");
  for (guint i = 0; i < n_peers; i++)
    {
      const Peers *p = &peers[i];

      g_print ("%10u %9s %8.1f %8.3f %8.1f %8.1f %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f %8.1f %9.1f\n",
               p->records, p->minified ? "minified" : "pretty",
               p->file_bytes / MB,
               p->lode_seconds,
               p->lode_peak / MB,
               p->lode_loaded / (double) MAX (p->records, 1),
               p->summary.seconds,
               p->python.seconds,
               p->jq.seconds,
               ratio (p->lode_seconds, &p->python),
               ratio (p->summary.seconds, &p->python),
               ratio (p->lode_seconds, &p->jq),
               p->python.peak / MB,
               p->jq.peak / MB);
    }
  g_print ("load: lode_portfolio_load_file (); B/rec: memory of the open portfolio "
           "(RSS growth) a record; summary: lode-cli summary, start to exit\n");

  g_print ("\nCPU time (user + system) of the same runs\n");
  g_print ("%10s %9s %9s %9s %9s %9s %9s\n",
           "records", "layout", "summary", "python", "jq", "sum/py", "sum/jq");
  for (guint i = 0; i < n_peers; i++)
    {
      const Peers *p = &peers[i];

      g_print ("%10u %9s %9.3f %9.3f %9.3f %9.3f %9.3f\n",
               p->records, p->minified ? "minified" : "pretty",
               p->summary.cpu_seconds, p->python.cpu_seconds, p->jq.cpu_seconds,
               p->python.cpu_seconds > 0 ? p->summary.cpu_seconds / p->python.cpu_seconds : 0,
               p->jq.cpu_seconds > 0 ? p->summary.cpu_seconds / p->jq.cpu_seconds : 0);
    }
}

static void
add_peers_json (JsonBuilder *builder,
                const Peers *peers,
                guint        n_peers)
{
  json_builder_set_member_name (builder, "side_by_side");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_peers; i++)
    {
      const Peers *p = &peers[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "records");
      json_builder_add_int_value (builder, p->records);
      json_builder_set_member_name (builder, "minified");
      json_builder_add_boolean_value (builder, p->minified);
      json_builder_set_member_name (builder, "file_bytes");
      json_builder_add_int_value (builder, (gint64) p->file_bytes);
      json_builder_set_member_name (builder, "load_seconds");
      json_builder_add_double_value (builder, p->lode_seconds);
      json_builder_set_member_name (builder, "peak_load_bytes");
      json_builder_add_int_value (builder, (gint64) p->lode_peak);
      json_builder_set_member_name (builder, "loaded_bytes_per_record");
      json_builder_add_double_value (builder, p->lode_loaded / (double) MAX (p->records, 1));
      json_builder_set_member_name (builder, "summary_seconds");
      json_builder_add_double_value (builder, p->summary.seconds);
      json_builder_set_member_name (builder, "summary_cpu_seconds");
      json_builder_add_double_value (builder, p->summary.cpu_seconds);
      json_builder_set_member_name (builder, "python_cpu_seconds");
      json_builder_add_double_value (builder, p->python.cpu_seconds);
      json_builder_set_member_name (builder, "jq_cpu_seconds");
      json_builder_add_double_value (builder, p->jq.cpu_seconds);
      json_builder_set_member_name (builder, "summary_peak_bytes");
      json_builder_add_int_value (builder, (gint64) p->summary.peak);
      json_builder_set_member_name (builder, "python_seconds");
      json_builder_add_double_value (builder, p->python.seconds);
      json_builder_set_member_name (builder, "python_peak_bytes");
      json_builder_add_int_value (builder, (gint64) p->python.peak);
      json_builder_set_member_name (builder, "jq_seconds");
      json_builder_add_double_value (builder, p->jq.seconds);
      json_builder_set_member_name (builder, "jq_peak_bytes");
      json_builder_add_int_value (builder, (gint64) p->jq.peak);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Measures @path side by side; for the pretty file, the load figures come
 * from @result, which run_child() measured already. */
static gboolean
measure_side_by_side (const char    *self,
                      guint          records,
                      const char    *path,
                      gboolean       minified,
                      const Result  *result,
                      GArray        *all_peers,
                      GError       **error)
{
  Peers peers = { .records = records, .minified = minified };
  Result own;

  if (result == NULL)
    {
      if (!run_child (self, records, path, &own, error))
        return FALSE;
      result = &own;
    }

  peers.file_bytes = result->file_bytes;
  peers.lode_seconds = result->load_seconds;
  peers.lode_peak = result->peak_load;
  peers.lode_loaded = result->rss_portfolio;

  g_printerr ("Measuring %u records (%s) with lode-cli summary, python3 and jq...\n",
              records, minified ? "minified" : "pretty");
  if (!measure_peers (path, &peers, error))
    return FALSE;

  g_array_append_val (all_peers, peers);

  return TRUE;
}

static int
run_all (const char *self,
         GArray     *sizes,
         const char *data_dir,
         guint64     seed,
         gboolean    as_json)
{
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_autoptr(GArray) peers = g_array_new (FALSE, TRUE, sizeof (Peers));
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  const char *dir = data_dir;
  int status = EXIT_SUCCESS;

  if (dir != NULL)
    {
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          int saved_errno = errno;

          g_printerr ("bench-load: %s: %s\n", dir, g_strerror (saved_errno));
          return EXIT_FAILURE;
        }
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("lode-bench-data-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr ("bench-load: %s\n", error->message);
          return EXIT_FAILURE;
        }
      dir = tmp_dir;
    }

  for (guint i = 0; i < sizes->len; i++)
    {
      guint records = g_array_index (sizes, guint, i);
      g_autofree char *path = NULL;
      Result result;

      path = ensure_portfolio (dir, records, seed, &error);
      if (path == NULL || !run_child (self, records, path, &result, &error))
        {
          g_printerr ("bench-load: %s\n", error->message);
          g_clear_error (&error);
          status = EXIT_FAILURE;
        }
      else
        {
          g_autofree char *minified = g_strdup_printf ("%.*s-minified.json",
                                                       (int) strlen (path) - 5, path);

          g_array_append_val (results, result);

          if (!measure_side_by_side (self, records, path, FALSE, &result, peers, &error)
              || !write_minified (path, minified, &error)
              || !measure_side_by_side (self, records, minified, TRUE, NULL, peers, &error))
            {
              g_printerr ("bench-load: %s\n", error->message);
              g_clear_error (&error);
              status = EXIT_FAILURE;
            }
          if (tmp_dir != NULL)
            g_unlink (minified);
        }

      if (tmp_dir != NULL && path != NULL)
        g_unlink (path);
    }

  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);

  if (as_json)
    print_json ((const Result *) results->data, results->len,
                (const Peers *) peers->data, peers->len);
  else if (results->len > 0)
    {
      print_table ((const Result *) results->data, results->len);
      print_peers ((const Peers *) peers->data, peers->len);
    }

  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autofree char *sizes_text = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *one = NULL;
  g_autofree char *self = NULL;
  gint64 seed = 1;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Numbers of export records (default " DEFAULT_SIZES ")", "N,N,..." },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Keep the generated files in DIR and reuse them (default: a temporary folder)", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated files (default 1)", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, "Print the results as JSON", NULL },
    { "one", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &one, "Measure one file (SIZE FILE), in this process", "SIZE" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Measures loading and saving Lode portfolios of several sizes.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-load: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (one != NULL)
    {
      guint64 records;
      Result result;

      if (argc != 2 || !g_ascii_string_to_unsigned (one, 10, 1, G_MAXUINT32, &records, &error))
        {
          g_printerr ("bench-load: --one takes SIZE FILE%s%s\n",
                      error != NULL ? ": " : "", error != NULL ? error->message : "");
          return EXIT_FAILURE;
        }

      if (!measure_one ((guint) records, argv[1], &result, &error))
        {
          g_printerr ("bench-load: %s\n", error->message);
          return EXIT_FAILURE;
        }

      print_result_lines (&result);
      return EXIT_SUCCESS;
    }

  if (argc != 1 || seed < 0)
    {
      g_printerr ("Usage: bench-load [--sizes N,N,...] [--data-dir DIR] [--seed S] [--json]\n");
      return EXIT_FAILURE;
    }

  sizes = parse_sizes (sizes_text != NULL ? sizes_text : DEFAULT_SIZES, &error);
  if (sizes == NULL)
    {
      g_printerr ("bench-load: --sizes: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Re-run this very program for each size. */
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  return run_all (self, sizes, data_dir, (guint64) seed, as_json);
}
