/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-window [--records N] [--data-dir DIR] [--seed S]
 *
 * Drives the real window over a large portfolio and prints, for each step
 * (open, sort by each column, filter, edit one record, undo, redo, draft,
 * save, the Compare page shown and its choices changed), how long the step took and the longest stall of the main loop
 * while it ran: a timeout every 5 ms notes the largest gap between two of
 * its ticks. Needs a display; run it under Xvfb:
 *
 *   xvfb-run -a build-bench/bench/bench-window
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "lode-application.h"
#include "lode-compare-page.h"
#include "lode-drafts.h"
#include "lode-export-index.h"
#include "lode-history.h"
#include "lode-portfolio-io.h"
#include "lode-window-private.h"

#define TICK_MS 5

static gint64 last_tick;
static gint64 longest_gap;
static gint64 last_tick_cpu;
static gint64 longest_gap_cpu;
/* --gaps: where the longest gap of a step lies, in CLOCK_MONOTONIC
 * seconds, to find what ran then in a profile recorded with that clock
 * (perf record -k CLOCK_MONOTONIC). */
static gboolean print_gaps;
static gint64 longest_gap_end;

/* CPU time of the main thread, in µs: on a busy machine a stall in wall
 * time also counts the time other processes had the CPU. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (now - last_tick > longest_gap)
    {
      longest_gap = now - last_tick;
      longest_gap_end = now;
    }
  longest_gap_cpu = MAX (longest_gap_cpu, cpu - last_tick_cpu);
  last_tick = now;
  last_tick_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static void
reset_gap (void)
{
  last_tick = g_get_monotonic_time ();
  last_tick_cpu = thread_cpu_time ();
  longest_gap = 0;
  longest_gap_cpu = 0;
}

typedef gboolean (*DoneFunc) (gpointer data);

/* Runs the main loop until @done says so (or a minute passes), then for
 * 400 ms more so that work left for idle time is counted too (the
 * Overview aggregates again 200 ms after an edit). */
static double
run_until (DoneFunc done,
           gpointer data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 finished;
  gint64 deadline = start + 60 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  finished = g_get_monotonic_time ();
  if (!done (data))
    g_printerr ("a step did not finish within a minute\n");

  while (g_get_monotonic_time () < finished + 400 * 1000)
    g_main_context_iteration (NULL, TRUE);

  return (finished - start) / (double) G_USEC_PER_SEC;
}

static void
print_row (const char *step,
           double      seconds)
{
  g_print ("| %-24s | %9.3f | %10.1f | %10.1f |", step, seconds,
           longest_gap / 1000.0, longest_gap_cpu / 1000.0);
  if (print_gaps)
    g_print (" %.6f–%.6f", (longest_gap_end - longest_gap) / (double) G_USEC_PER_SEC,
             longest_gap_end / (double) G_USEC_PER_SEC);
  g_print ("\n");
}

/* The label whose text starts with @prefix, under @widget. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  LodeWindow      *window;
  LodeExportIndex *index;
  char            *count_text;   /* "1,000,000 records" */
  gint64           open_start;
  double           shown_seconds;
} Bench;

static void
block_100ms (gpointer data)
{
  g_usleep (100 * 1000);
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
shows_count (gpointer data)
{
  Bench *bench = data;

  if (lode_window_get_busy (bench->window))
    return FALSE;

  if (bench->shown_seconds < 0 &&
      find_label (GTK_WIDGET (bench->window->exports_page), bench->count_text) != NULL)
    bench->shown_seconds = (g_get_monotonic_time () - bench->open_start) / (double) G_USEC_PER_SEC;

  return bench->shown_seconds >= 0 && !lode_export_index_get_busy (bench->index);
}

static gboolean
index_idle (gpointer data)
{
  Bench *bench = data;

  return !lode_export_index_get_busy (bench->index);
}

static gboolean
window_idle (gpointer data)
{
  Bench *bench = data;

  return !lode_window_get_busy (bench->window) && !lode_export_index_get_busy (bench->index);
}

static gboolean
draft_written (gpointer data)
{
  Bench *bench = data;
  const char *id = lode_window_get_draft_id (bench->window);
  g_autoptr(GFile) file = NULL;

  if (id == NULL)
    return FALSE;
  file = lode_draft_get_file (id);

  return g_file_query_exists (file, NULL);
}

static gboolean
search_applied (gpointer data)
{
  Bench *bench = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bench->index));

  return !lode_export_index_get_busy (bench->index) &&
         n < lode_export_table_get_n_rows (lode_export_index_get_table (bench->index));
}

static gboolean
search_cleared (gpointer data)
{
  Bench *bench = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bench->index));

  return !lode_export_index_get_busy (bench->index) &&
         n == lode_export_table_get_n_rows (lode_export_index_get_table (bench->index));
}

static gboolean
compare_idle (gpointer data)
{
  Bench *bench = data;

  return !lode_compare_page_get_busy (bench->window->compare_page);
}

/* The drop-downs under @widget, in their order. */
static void
find_drop_downs (GtkWidget *widget,
                 GPtrArray *found)
{
  if (GTK_IS_DROP_DOWN (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_drop_downs (child, found);
}

int
main (int   argc,
      char *argv[])
{
  guint records = 1000000;
  g_autofree char *data_dir = NULL;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "records", 0, 0, G_OPTION_ARG_INT, &records, "Export records in the portfolio (1000000)", "N" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Keep the generated file there", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random figures (1)", "S" },
    { "gaps", 0, 0, G_OPTION_ARG_NONE, &print_gaps,
      "Print when each step's longest stall began and ended (CLOCK_MONOTONIC seconds)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the window's main-loop stalls");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeApplication) application = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autofree char *name = NULL;
  GtkColumnView *column_view;
  GtkEditable *search_entry;
  GListModel *columns;
  LodeHistory *history;
  LodeExportRow row;
  Bench bench = { 0, };
  gboolean blocked = FALSE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (data_dir == NULL)
    {
      tmp_dir = g_dir_make_tmp ("lode-bench-window-XXXXXX", &error);
      g_assert_no_error (error);
    }
  name = g_strdup_printf ("portfolio-%u-seed%" G_GINT64_FORMAT ".json", records, seed);
  path = g_build_filename (data_dir != NULL ? data_dir : tmp_dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("Generating %s…\n", path);
      if (!bench_generate_portfolio (path, records, seed, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  file = g_file_new_for_path (path);

  /* The window's size, the recent files and the drafts stay out of the
   * user's settings and folders, as in the tests. */
  {
    g_autofree char *xdg = g_build_filename (data_dir != NULL ? data_dir : tmp_dir, "xdg", NULL);

    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
    g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  }
  saved_path = g_build_filename (data_dir != NULL ? data_dir : tmp_dir, "saved.json", NULL);
  saved = g_file_new_for_path (saved_path);

  application = lode_application_new ();
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (application));

  bench.window = lode_window_new (GTK_APPLICATION (application));
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (bench.window));
  bench.index = (LodeExportIndex *) gtk_widget_get_template_child (GTK_WIDGET (bench.window->exports_page),
                                               LODE_TYPE_EXPORTS_PAGE, "index");
  column_view = (GtkColumnView *) gtk_widget_get_template_child (GTK_WIDGET (bench.window->exports_page),
                                               LODE_TYPE_EXPORTS_PAGE, "column_view");
  search_entry = (GtkEditable *) gtk_widget_get_template_child (GTK_WIDGET (bench.window->exports_page),
                                                LODE_TYPE_EXPORTS_PAGE, "search_entry");
  {
    g_autofree char *count = lode_format_count (records);

    bench.count_text = g_strdup_printf ("%s records", count);
  }
  bench.shown_seconds = -1;

  lode_window_set_portfolio (bench.window, lode_portfolio_new_sample ());
  adw_view_stack_set_visible_child_name (bench.window->stack, "exports");
  while (!gtk_widget_get_mapped (GTK_WIDGET (column_view)))
    g_main_context_iteration (NULL, TRUE);

  g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick_cb, NULL, NULL);

  g_print ("%u export records, %s\n\n", records, path);
  g_print ("| %-24s | %9s | %10s | %10s |\n", "step", "seconds", "stall ms", "CPU ms");
  g_print ("|--------------------------|-----------|------------|------------|\n");

  /* The monitor itself: a 100 ms block must read as a 100 ms stall. */
  reset_gap ();
  g_idle_add_once (block_100ms, &blocked);
  print_row ("(a 100 ms block)", run_until (is_true, &blocked));

  /* Open, with the sample shown: it stays until the new one is ready. */
  reset_gap ();
  bench.open_start = g_get_monotonic_time ();
  lode_window_open_file (bench.window, file);
  print_row ("open", run_until (shows_count, &bench));
  g_print ("| %-24s | %9.3f | %10s | %10s |\n", "until the count shows", bench.shown_seconds, "", "");

  columns = gtk_column_view_get_columns (column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *step = g_strdup_printf ("sort %s", gtk_column_view_column_get_title (column));
      double seconds;

      reset_gap ();
      gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
      seconds = run_until (index_idle, &bench);
      print_row (step, seconds);
    }

  reset_gap ();
  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  print_row ("sort none", run_until (index_idle, &bench));

  /* The search waits for typing to pause (about 150 ms) before it filters. */
  reset_gap ();
  gtk_editable_set_text (search_entry, "copper");
  print_row ("filter \"copper\"", run_until (search_applied, &bench));

  reset_gap ();
  gtk_editable_set_text (search_entry, "");
  print_row ("filter cleared", run_until (search_cleared, &bench));

  /* One record edited, as the editor's Save does. */
  history = lode_portfolio_get_history (bench.window->portfolio);
  lode_export_table_get_row (lode_portfolio_get_exports (bench.window->portfolio), 1000, &row);
  row.value += 100;
  reset_gap ();
  lode_history_replace_export (history, "Edit Export Record", 1000, &row);
  print_row ("edit one record", run_until (index_idle, &bench));

  reset_gap ();
  lode_history_undo (history);
  print_row ("undo", run_until (index_idle, &bench));

  reset_gap ();
  lode_history_redo (history);
  print_row ("redo", run_until (index_idle, &bench));

  /* The draft is written a while after the change; the wait is counted. */
  reset_gap ();
  print_row ("draft (after the change)", run_until (draft_written, &bench));

  reset_gap ();
  lode_window_save_to_file (bench.window, saved);
  print_row ("save", run_until (window_idle, &bench));

  /* The Compare page: shown (the periods offered and the last two years
   * compared, with the chart), then another year, then by destination. */
  {
    g_autoptr(GPtrArray) choices = g_ptr_array_new ();

    reset_gap ();
    adw_view_stack_set_visible_child_name (bench.window->stack, "compare");
    print_row ("compare shown", run_until (compare_idle, &bench));

    find_drop_downs (GTK_WIDGET (bench.window->compare_page), choices);
    g_assert (choices->len >= 3);
    reset_gap ();
    gtk_drop_down_set_selected (g_ptr_array_index (choices, 0), 0);
    print_row ("compare another year", run_until (compare_idle, &bench));

    reset_gap ();
    gtk_drop_down_set_selected (g_ptr_array_index (choices, 2), 1);
    print_row ("compare by destination", run_until (compare_idle, &bench));
  }

  g_free (bench.count_text);
  lode_portfolio_set_modified (bench.window->portfolio, FALSE);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_application_release (G_APPLICATION (application));

  g_remove (saved_path);
  {
    g_autofree char *backup = g_strconcat (saved_path, "~", NULL);

    g_remove (backup);
  }
  if (tmp_dir != NULL)
    {
      g_remove (path);
      g_rmdir (tmp_dir);
    }

  return 0;
}
