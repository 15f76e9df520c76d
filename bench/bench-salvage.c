/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-salvage [--sizes N,N,...] [--bad N,N,...] [--seed S]
 *
 * Measures what restoring a draft that does not load whole costs: the
 * plain load of a valid synthetic portfolio, then the salvage of the same
 * text with 1, 20 and 200 bad months (--bad) spread over its export records, and
 * with its first mineral made nameless (so that the mineral and every
 * export record of it go). */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "lode-portfolio-io.h"
#include "lode-salvage.h"

#define DEFAULT_SIZES "10000,100000"
#define DEFAULT_BAD   "1,20,200"

/* @text with the month of @n_bad export records, spread evenly, set to 13. */
static char *
with_bad_months (const char *text,
                 guint       n_records,
                 guint       n_bad)
{
  GString *out = g_string_new (NULL);
  guint step = MAX (1, n_records / MAX (n_bad, 1));
  guint seen = 0, done = 0;
  const char *p = text;
  const char *found;

  while ((found = strstr (p, "\"month\": ")) != NULL)
    {
      const char *value = found + strlen ("\"month\": ");

      g_string_append_len (out, p, value - p);
      p = value;
      if (done < n_bad && seen % step == 0)
        {
          g_string_append (out, "13");
          while (g_ascii_isdigit (*p))
            p++;
          done++;
        }
      seen++;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* @text with the name of its first mineral empty. */
static char *
with_nameless_mineral (const char *text)
{
  const char *minerals = strstr (text, "\"minerals\": [");
  const char *name = minerals != NULL ? strstr (minerals, "\"name\": \"") : NULL;
  const char *end;
  GString *out;

  g_assert (name != NULL);
  name += strlen ("\"name\": \"");
  end = strchr (name, '"');
  out = g_string_new_len (text, name - text);
  g_string_append (out, end);

  return g_string_free (out, FALSE);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
measure (const char *label,
         const char *text,
         guint       n_records,
         double      load_seconds)
{
  g_autoptr(LodePortfolio) portfolio = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_kept = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  portfolio = lode_salvage_load_data (text, strlen (text), "draft", &not_kept, NULL, &error);
  seconds = seconds_since (start);
  if (portfolio == NULL)
    g_error ("%s: %s", label, error->message);

  printf ("%9u  %-22s %9.3f %9.1f %9u %9u\n", n_records, label, seconds, seconds / load_seconds,
          g_strv_length (not_kept),
          lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_text = g_strdup (DEFAULT_SIZES);
  g_autofree char *bad_text = g_strdup (DEFAULT_BAD);
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the salvage of drafts");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) sizes = NULL;
  g_auto(GStrv) bad = NULL;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Numbers of export records", "N,N,…" },
    { "bad", 0, 0, G_OPTION_ARG_STRING, &bad_text, "Numbers of bad months", "N,N,…" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random figures", "S" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("lode-bench-salvage-XXXXXX", &error);
  g_assert_no_error (error);

  printf ("%9s  %-22s %9s %9s %9s %9s\n", "records", "draft", "seconds", "× load", "not kept", "records");

  sizes = g_strsplit (sizes_text, ",", -1);
  bad = g_strsplit (bad_text, ",", -1);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (sizes[i], NULL, 10);
      g_autofree char *name = g_strdup_printf ("portfolio-%u.json", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      gint64 start;
      double load_seconds;

      if (!bench_generate_portfolio (path, n, seed, &error)
          || !g_file_get_contents (path, &text, NULL, &error))
        g_error ("%s", error->message);
      g_unlink (path);

      start = g_get_monotonic_time ();
      portfolio = lode_portfolio_load_data (text, strlen (text), "portfolio", &error);
      load_seconds = seconds_since (start);
      g_assert_no_error (error);
      printf ("%9u  %-22s %9.3f %9.1f %9u %9u\n", n, "valid (plain load)", load_seconds, 1.0, 0,
              lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)));
      g_clear_object (&portfolio);

      measure ("valid (salvage)", text, n, load_seconds);
      for (guint b = 0; bad[b] != NULL; b++)
        {
          guint n_bad = (guint) g_ascii_strtoull (bad[b], NULL, 10);
          g_autofree char *draft = with_bad_months (text, n, n_bad);
          g_autofree char *label = g_strdup_printf ("%u bad months", n_bad);

          measure (label, draft, n, load_seconds);
        }
      {
        g_autofree char *draft = with_nameless_mineral (text);

        measure ("nameless mineral", draft, n, load_seconds);
      }
    }

  g_rmdir (dir);

  return 0;
}
