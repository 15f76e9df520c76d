/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Speed of the strict JSON check and of the pretty writer on a portfolio of
 * export records built in memory:
 *
 *   bench-json-check [--megabytes 100] [--rounds 5]
 */
#include <stdio.h>

#include <glib.h>

#include "lode-json-check.h"
#include "lode-json-writer.h"

static const char *const minerals[] = {
  "copper", "aluminium-ore", "iron-ore", "chromite", "rare-earths", "coal", "gold", "manganese",
};
static const char *const destinations[] = { "CN", "AE", "US", "DE", "JP", "KR", "IN", "TR" };
static const char *const hs_codes[] = { "2603", "7403", "2606", "2601", "2610", "2701" };
static const char *const stages[] = { "ore", "concentrate", "refined", "product" };
static const char *const units[] = { "t", "kt", "Mt", "kg" };

typedef struct
{
  guint8 mineral;
  guint8 destination;
  guint8 hs_code;
  guint8 stage;
  guint8 unit;
  guint8 month;
  guint16 year;
  double quantity;
  gint64 value;
} Record;

/* Figures are drawn before the clock starts, so only the writer is timed. */
static Record *
make_records (guint n_records)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  Record *records = g_new (Record, n_records);

  for (guint i = 0; i < n_records; i++)
    {
      Record *r = &records[i];

      r->mineral = g_rand_int_range (rand, 0, G_N_ELEMENTS (minerals));
      r->year = g_rand_int_range (rand, 2005, 2026);
      r->month = g_rand_int_range (rand, 1, 13);
      r->destination = g_rand_int_range (rand, 0, G_N_ELEMENTS (destinations));
      r->hs_code = g_rand_int_range (rand, 0, G_N_ELEMENTS (hs_codes));
      r->stage = g_rand_int_range (rand, 0, G_N_ELEMENTS (stages));
      r->quantity = g_rand_int_range (rand, 1, 10000000) / 10.0;
      r->unit = g_rand_int_range (rand, 0, G_N_ELEMENTS (units));
      r->value = ((gint64) g_rand_int (rand) << 8) | g_rand_int_range (rand, 0, 256);
    }

  return records;
}

static void
write_record (LodeJsonWriter *writer,
              const Record   *r)
{
  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "mineral");
  lode_json_writer_string (writer, minerals[r->mineral]);
  lode_json_writer_member (writer, "year");
  lode_json_writer_int (writer, r->year);
  lode_json_writer_member (writer, "month");
  lode_json_writer_int (writer, r->month);
  lode_json_writer_member (writer, "destination");
  lode_json_writer_string (writer, destinations[r->destination]);
  lode_json_writer_member (writer, "hs_code");
  lode_json_writer_string (writer, hs_codes[r->hs_code]);
  lode_json_writer_member (writer, "stage");
  lode_json_writer_string (writer, stages[r->stage]);
  lode_json_writer_member (writer, "quantity");
  lode_json_writer_double (writer, r->quantity);
  lode_json_writer_member (writer, "unit");
  lode_json_writer_string (writer, units[r->unit]);
  lode_json_writer_member (writer, "value_usd");
  lode_json_writer_money (writer, r->value);
  lode_json_writer_member (writer, "source");
  lode_json_writer_string (writer, "gacc-2025");
  lode_json_writer_end_object (writer);
}

/* Writes the records; returns the seconds the writer took. */
static double
write_portfolio (GString      *out,
                 const Record *records,
                 guint         n_records)
{
  g_autoptr(LodeJsonWriter) writer = lode_json_writer_new (out);
  g_autoptr(GTimer) timer = g_timer_new ();

  lode_json_writer_begin_object (writer);
  lode_json_writer_member (writer, "format");
  lode_json_writer_string (writer, "lode-portfolio");
  lode_json_writer_member (writer, "version");
  lode_json_writer_int (writer, 1);
  lode_json_writer_member (writer, "title");
  lode_json_writer_string (writer, "Benchmark");
  lode_json_writer_member (writer, "exports");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n_records; i++)
    write_record (writer, &records[i]);
  lode_json_writer_end_array (writer);
  lode_json_writer_end_object (writer);
  g_string_append_c (out, '\n');

  return g_timer_elapsed (timer, NULL);
}

/* The same document without whitespace outside strings. */
static GString *
compact (const GString *pretty)
{
  GString *out = g_string_sized_new (pretty->len);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < pretty->len; i++)
    {
      char ch = pretty->str[i];

      if (in_string)
        {
          if (ch == '\\')
            g_string_append_c (out, pretty->str[i++]);
          else if (ch == '"')
            in_string = FALSE;
        }
      else if (ch == '"')
        in_string = TRUE;
      else if (ch == ' ' || ch == '\n')
        continue;

      g_string_append_c (out, pretty->str[i]);
    }

  return out;
}

static double
time_check (const GString *text,
            guint          rounds)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GTimer) timer = g_timer_new ();
      g_autofree char *message = NULL;
      guint line, column;
      double elapsed;

      if (!lode_json_check (text->str, text->len, 64, &line, &column, &message))
        g_error ("%u:%u: %s", line, column, message);
      elapsed = g_timer_elapsed (timer, NULL);
      best = MIN (best, elapsed);
    }

  return best;
}

int
main (int   argc,
      char *argv[])
{
  int megabytes = 100;
  int rounds = 5;
  const GOptionEntry entries[] = {
    { "megabytes", 0, 0, G_OPTION_ARG_INT, &megabytes, "Size of the document", "MB" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Runs of each measure; the best counts", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  GString *pretty;
  GString *dense;
  Record *records;
  guint n_records;
  double best_write = G_MAXDOUBLE;
  double seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Measure one record's size, then write enough of them. */
  pretty = g_string_new (NULL);
  records = make_records (1000);
  write_portfolio (pretty, records, 1000);
  g_free (records);
  n_records = (guint) ((gint64) megabytes * 1000 * 1000 / (pretty->len / 1000));
  records = make_records (n_records);

  for (int i = 0; i < MAX (rounds, 1); i++)
    {
      g_string_truncate (pretty, 0);
      g_string_set_size (pretty, (gsize) megabytes * 1000 * 1000 + (1 << 20));
      double elapsed;

      g_string_truncate (pretty, 0);
      elapsed = write_portfolio (pretty, records, n_records);
      best_write = MIN (best_write, elapsed);
    }

  printf ("document: %u export records, %.1f MB pretty-printed\n",
          n_records, pretty->len / 1e6);
  printf ("writer:   %.3f s, %.2f M records/s, %.0f MB/s, %.3f s for 1 M records\n",
          best_write, n_records / best_write / 1e6, pretty->len / best_write / 1e6,
          best_write / n_records * 1e6);

  seconds = time_check (pretty, MAX (rounds, 1));
  printf ("check:    %.3f s, %.0f MB/s (pretty), %.3f s for 180 MB\n",
          seconds, pretty->len / seconds / 1e6, 180e6 / (pretty->len / seconds));

  dense = compact (pretty);
  seconds = time_check (dense, MAX (rounds, 1));
  printf ("check:    %.3f s, %.0f MB/s (%.1f MB without whitespace), %.3f s for 180 MB\n",
          seconds, dense->len / seconds / 1e6, dense->len / 1e6,
          180e6 / (dense->len / seconds));

  g_string_free (dense, TRUE);
  g_string_free (pretty, TRUE);
  g_free (records);

  return 0;
}
