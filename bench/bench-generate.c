/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-generate.h"

/* Reference tables
 * ================
 *
 * Figures are invented: prices and shipment sizes only need to be of the
 * right order so that totals, charts and number formatting see realistic
 * magnitudes. */

typedef struct
{
  const char *code;
  const char *stage;
  double      price;      /* USD a tonne in 2005 */
  double      typical_t;  /* tonnes in a typical monthly flow to one partner */
} HsCode;

static const HsCode hs_codes[] = {
  { "2501",   "product",     60,       800 },
  { "2503",   "ore",         100,      300 },
  { "2504",   "concentrate", 800,      40 },
  { "2506",   "ore",         40,       500 },
  { "2507",   "ore",         120,      200 },
  { "2508",   "ore",         70,       600 },
  { "2510",   "ore",         90,       900 },
  { "2511",   "ore",         110,      700 },
  { "2515",   "product",     300,      400 },
  { "2516",   "product",     200,      300 },
  { "2518",   "ore",         30,       500 },
  { "2519",   "ore",         300,      150 },
  { "2520",   "ore",         25,       1200 },
  { "2521",   "ore",         15,       1500 },
  { "2525",   "ore",         500,      20 },
  { "2526",   "ore",         150,      250 },
  { "2528",   "ore",         400,      60 },
  { "2529",   "ore",         250,      200 },
  { "2530",   "ore",         700,      50 },
  { "2601",   "ore",         100,      5000 },
  { "2602",   "ore",         200,      900 },
  { "2603",   "concentrate", 2500,     400 },
  { "2604",   "concentrate", 1500,     100 },
  { "2605",   "concentrate", 8000,     20 },
  { "2606",   "ore",         50,       2000 },
  { "2607",   "concentrate", 1500,     150 },
  { "2608",   "concentrate", 1200,     200 },
  { "2609",   "concentrate", 15000,    10 },
  { "2610",   "ore",         250,      1500 },
  { "2611",   "concentrate", 12000,    8 },
  { "2613",   "concentrate", 20000,    6 },
  { "2614",   "concentrate", 300,      300 },
  { "2615",   "concentrate", 5000,     15 },
  { "2616",   "concentrate", 3000,     30 },
  { "2617",   "concentrate", 4000,     25 },
  { "2701",   "ore",         80,       8000 },
  { "2702",   "ore",         30,       6000 },
  { "2704",   "product",     300,      700 },
  { "253010", "ore",         150,      120 },
  { "280530", "refined",     50000,    2 },
  { "2846",   "refined",     15000,    10 },
  { "6802",   "product",     800,      250 },
  { "7103",   "product",     5000000,  0.2 },
  { "7106",   "refined",     700000,   0.5 },
  { "7108",   "refined",     60000000, 0.05 },
  { "7110",   "refined",     30000000, 0.01 },
  { "7201",   "refined",     400,      2000 },
  { "7202",   "refined",     1500,     300 },
  { "7402",   "refined",     7000,     200 },
  { "7403",   "refined",     8500,     900 },
  { "7404",   "product",     6000,     150 },
  { "7601",   "refined",     2300,     250 },
  { "7801",   "refined",     2100,     150 },
  { "7901",   "refined",     2700,     120 },
  { "8001",   "refined",     25000,    5 },
  { "8101",   "product",     40000,    2 },
  { "8102",   "product",     45000,    2 },
  { "8104",   "refined",     3000,     30 },
  { "8105",   "refined",     35000,    4 },
  { "8108",   "product",     12000,    6 },
  { "8110",   "refined",     12000,    8 },
};

typedef struct
{
  const char *id;
  const char *name;
  const char *symbol;       /* or NULL */
  const char *group;
  const char *codes[4];     /* NULL-terminated when shorter */
  double      weight;       /* relative share of the export records */
} Mineral;

static const Mineral minerals[] = {
  { "copper",      "Copper",                 "Cu", "base-metal",     { "2603", "7402", "7403", "7404" }, 14 },
  { "gold",        "Gold",                   "Au", "precious-metal", { "2616", "7108" },                 4 },
  { "silver",      "Silver",                 "Ag", "precious-metal", { "2616", "7106" },                 1.5 },
  { "platinum",    "Platinum",               "Pt", "precious-metal", { "7110" },                         0.3 },
  { "iron-ore",    "Iron ore",               "Fe", "ferrous",        { "2601", "7201" },                 9 },
  { "manganese",   "Manganese",              "Mn", "ferrous",        { "2602", "7202" },                 3 },
  { "chromite",    "Chromite",               "Cr", "ferrous",        { "2610", "7202" },                 8 },
  { "tungsten",    "Tungsten",               "W",  "ferrous",        { "2611", "8101" },                 0.5 },
  { "molybdenum",  "Molybdenum",             "Mo", "ferrous",        { "2613", "8102" },                 0.5 },
  { "nickel",      "Nickel",                 "Ni", "base-metal",     { "2604" },                         1 },
  { "cobalt",      "Cobalt",                 "Co", "base-metal",     { "2605", "8105" },                 0.8 },
  { "lead",        "Lead",                   "Pb", "base-metal",     { "2607", "7801" },                 2.5 },
  { "zinc",        "Zinc",                   "Zn", "base-metal",     { "2608", "7901" },                 2.5 },
  { "tin",         "Tin",                    "Sn", "base-metal",     { "2609", "8001" },                 0.4 },
  { "aluminium",   "Aluminium ores",         "Al", "light-metal",    { "2606", "7601" },                 3 },
  { "titanium",    "Titanium",               "Ti", "light-metal",    { "2614", "8108" },                 0.6 },
  { "magnesium",   "Magnesium",              "Mg", "light-metal",    { "8104" },                         0.4 },
  { "lithium",     "Lithium ores",           "Li", "light-metal",    { "2530" },                         0.6 },
  { "rare-earths", "Rare earths",            NULL, "rare-earth",     { "280530", "2846" },               1.2 },
  { "antimony",    "Antimony",               "Sb", "other",          { "2617", "8110" },                 0.7 },
  { "zirconium",   "Zirconium",              "Zr", "other",          { "2615" },                         0.3 },
  { "gemstones",   "Gemstones",              NULL, "other",          { "7103" },                         1.5 },
  { "coal",        "Coal",                   NULL, "energy",         { "2701", "2704" },                 7 },
  { "lignite",     "Lignite",                NULL, "energy",         { "2702" },                         2 },
  { "phosphate",   "Phosphate rock",         NULL, "industrial",     { "2510" },                         2 },
  { "vermiculite", "Vermiculite and perlite", NULL, "industrial",    { "253010" },                       0.8 },
  { "rock-salt",   "Rock salt",              "NaCl", "industrial",   { "2501" },                         6 },
  { "sulphur",     "Sulphur",                "S",  "industrial",     { "2503" },                         0.6 },
  { "graphite",    "Graphite",               "C",  "industrial",     { "2504" },                         0.5 },
  { "quartz",      "Quartz",                 NULL, "industrial",     { "2506" },                         0.8 },
  { "kaolin",      "Kaolin",                 NULL, "industrial",     { "2507" },                         0.7 },
  { "bentonite",   "Bentonite",              NULL, "industrial",     { "2508" },                         0.8 },
  { "barite",      "Barite",                 NULL, "industrial",     { "2511" },                         1.5 },
  { "marble",      "Marble and onyx",        NULL, "industrial",     { "2515", "6802" },                 6 },
  { "granite",     "Granite",                NULL, "industrial",     { "2516" },                         2 },
  { "dolomite",    "Dolomite",               NULL, "industrial",     { "2518" },                         0.6 },
  { "magnesite",   "Magnesite",              NULL, "industrial",     { "2519" },                         1 },
  { "gypsum",      "Gypsum",                 NULL, "industrial",     { "2520" },                         2.5 },
  { "limestone",   "Limestone",              NULL, "industrial",     { "2521" },                         1.5 },
  { "mica",        "Mica",                   NULL, "industrial",     { "2525" },                         0.3 },
  { "soapstone",   "Soapstone",              NULL, "industrial",     { "2526" },                         1.2 },
  { "fluorite",    "Fluorite",               "CaF2", "industrial",   { "2529" },                         0.7 },
};

/* Partners by rank; the weights below make CN about a quarter of the
 * records and give the rest a long tail. */
static const char *destinations[] = {
  "CN", "AE", "US", "AF", "GB", "DE", "NL", "IT", "SA", "JP",
  "KR", "BE", "TR", "ES", "IN", "MY", "HK", "SG", "FR", "TH",
  "VN", "ID", "BD", "QA", "OM", "KW", "IR", "LK", "CA", "AU",
  "TW", "PH", "EG", "KE", "ZA", "RU", "KZ", "UZ", "PL", "CH",
  "SE", "BH", "TZ", "NG", "MA", "IQ", "AZ", "TM", "NP", "CZ",
  "AT", "PT", "GR", "NO", "FI", "MX", "BR", "CL", "AR", "NZ",
};

typedef struct
{
  const char *id;
  const char *title;
  const char *publisher;
  const char *date;
} Source;

static const Source sources[] = {
  { "customs-2005-2009", "Export declarations 2005–2009 (synthetic)", "Synthetic Customs Office", "2010-03-31" },
  { "customs-2010-2014", "Export declarations 2010–2014 (synthetic)", "Synthetic Customs Office", "2015-03-31" },
  { "customs-2015-2019", "Export declarations 2015–2019 (synthetic)", "Synthetic Customs Office", "2020-03-31" },
  { "customs-2020-2024", "Export declarations 2020–2024 (synthetic)", "Synthetic Customs Office", "2025-03-31" },
  { "partner-customs",   "Partner-country import statistics (synthetic)", "Synthetic Partner Customs", "2025-01-20" },
  { "survey-2018",       "National mineral resource survey 2018 (synthetic)", "Synthetic Geological Survey", "2018-11-30" },
  { "survey-2022",       "National mineral resource survey 2022 (synthetic)", "Synthetic Geological Survey", "2022-12-15" },
  { "ministry-2024",     "Mineral policy review 2024 (synthetic)", "Synthetic Ministry of Mines", "2024-08-01" },
  { "investment-board",  "Investment project register (synthetic)", "Synthetic Board of Investment", "2024-06-30" },
  { "press-2025",        "Press reports on mineral cooperation (synthetic)", "Synthetic News Service", "2025-09-26" },
};

#define N_CUSTOMS_SOURCES 4

typedef struct
{
  const char *place;
  const char *region;
} Site;

static const Site sites[] = {
  { "Chagai", "Balochistan" }, { "Khuzdar", "Balochistan" }, { "Lasbela", "Balochistan" },
  { "Kalat", "Balochistan" }, { "Zhob", "Balochistan" }, { "Muslim Bagh", "Balochistan" },
  { "Nokkundi", "Balochistan" }, { "Loralai", "Balochistan" }, { "Duki", "Balochistan" },
  { "Kharan", "Balochistan" }, { "Panjgur", "Balochistan" }, { "Tharparkar", "Sindh" },
  { "Jamshoro", "Sindh" }, { "Thatta", "Sindh" }, { "Dadu", "Sindh" },
  { "Chitral", "Khyber Pakhtunkhwa" }, { "Swat", "Khyber Pakhtunkhwa" },
  { "Mohmand", "Khyber Pakhtunkhwa" }, { "Kohat", "Khyber Pakhtunkhwa" },
  { "Bajaur", "Khyber Pakhtunkhwa" }, { "Kurram", "Khyber Pakhtunkhwa" },
  { "Dera Ismail Khan", "Khyber Pakhtunkhwa" }, { "Gilgit", "Gilgit-Baltistan" },
  { "Skardu", "Gilgit-Baltistan" }, { "Hunza", "Gilgit-Baltistan" },
  { "Shigar", "Gilgit-Baltistan" }, { "Khewra", "Punjab" }, { "Chiniot", "Punjab" },
  { "Attock", "Punjab" }, { "Chakwal", "Punjab" },
};

typedef struct
{
  const char *name;
  const char *country;
} Company;

static const Company companies[] = {
  { "National Mineral Development Company", "PK" },
  { "Provincial Mining Authority", "PK" },
  { "Northern Metals Corporation", "CN" },
  { "Eastern Copper Group", "CN" },
  { "Gulf Mining Holdings", "AE" },
  { "Desert Minerals Company", "SA" },
  { "Atlantic Resources", "CA" },
  { "Continental Ores", "AU" },
  { "Pacific Smelting", "JP" },
  { "Alpine Exploration", "CH" },
};

static const char *reserve_categories[] = {
  "proven", "probable", "measured", "indicated", "inferred",
};

static const char *project_statuses[] = {
  "exploration", "feasibility", "development", "construction",
  "production", "suspended", "closed",
};

#define FIRST_YEAR 2005
#define N_YEARS    20
#define N_MONTHS   (N_YEARS * 12)

/* Share of export records that carry a member Lode does not know. */
#define EXTRA_MEMBER_RATE 0.03

/* Random numbers
 * ==============
 *
 * SplitMix64: tiny, fast, and the same sequence everywhere for a seed. */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z;

  z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);

  return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * 0x1.0p-53;
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (rng_double (rng) * n);
}

static int
rng_range (Rng *rng,
           int  low,
           int  high)
{
  return low + (int) rng_below (rng, (guint) (high - low + 1));
}

/* Standard normal, by Box–Muller (one of the pair is dropped). */
static double
rng_normal (Rng *rng)
{
  double u1 = 1.0 - rng_double (rng);
  double u2 = rng_double (rng);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/* Cumulative weights, for drawing an index with a given skew. */
typedef struct
{
  guint   n;
  double *cumulative;
} Weights;

static void
weights_init (Weights      *weights,
              const double *values,
              guint         n)
{
  double sum = 0;

  weights->n = n;
  weights->cumulative = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      sum += values[i];
      weights->cumulative[i] = sum;
    }
}

static void
weights_clear (Weights *weights)
{
  g_clear_pointer (&weights->cumulative, g_free);
}

static guint
weights_pick (const Weights *weights,
              Rng           *rng)
{
  double x = rng_double (rng) * weights->cumulative[weights->n - 1];
  guint low = 0;
  guint high = weights->n - 1;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (weights->cumulative[mid] > x)
        high = mid;
      else
        low = mid + 1;
    }

  return low;
}

/* Pretty-printed JSON
 * ===================
 *
 * The layout Lode writes: two-space indent, one member or element a line,
 * "key": value, a trailing newline. Text is gathered in a buffer and written
 * out in large blocks. */

#define FLUSH_SIZE (1 << 20)

typedef struct
{
  FILE     *stream;
  GString  *buffer;
  guint     depth;
  gboolean  first;         /* nothing written yet in the open container */
  gboolean  after_member;  /* a member name waits for its value */
  int       saved_errno;
} Writer;

static void
writer_flush (Writer *w)
{
  if (w->buffer->len > 0 && w->saved_errno == 0 &&
      fwrite (w->buffer->str, 1, w->buffer->len, w->stream) != w->buffer->len)
    w->saved_errno = errno != 0 ? errno : EIO;

  g_string_truncate (w->buffer, 0);
}

static void
writer_maybe_flush (Writer *w)
{
  if (w->buffer->len >= FLUSH_SIZE)
    writer_flush (w);
}

static void
writer_newline (Writer *w)
{
  g_string_append_c (w->buffer, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append_len (w->buffer, "  ", 2);
}

/* Places the next value: after its member name, or on a line of its own. */
static void
writer_value (Writer *w)
{
  if (w->after_member)
    {
      w->after_member = FALSE;
      return;
    }

  if (w->depth > 0)
    {
      if (!w->first)
        g_string_append_c (w->buffer, ',');
      writer_newline (w);
    }
  w->first = FALSE;
}

static void
append_escaped (GString    *out,
                const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
writer_member (Writer     *w,
               const char *name)
{
  if (!w->first)
    g_string_append_c (w->buffer, ',');
  writer_newline (w);
  append_escaped (w->buffer, name);
  g_string_append_len (w->buffer, ": ", 2);
  w->first = FALSE;
  w->after_member = TRUE;
}

static void
writer_begin (Writer *w,
              char    bracket)
{
  writer_value (w);
  g_string_append_c (w->buffer, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
writer_end (Writer *w,
            char    bracket)
{
  g_assert (w->depth > 0);

  w->depth--;
  if (!w->first)
    writer_newline (w);
  g_string_append_c (w->buffer, bracket);
  w->first = FALSE;
}

static void
writer_string (Writer     *w,
               const char *value)
{
  writer_value (w);
  append_escaped (w->buffer, value);
}

static void
append_uint (GString *out,
             guint64  value)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

static void
writer_int (Writer  *w,
            guint64  value)
{
  writer_value (w);
  append_uint (w->buffer, value);
}

/* @units / 10^@decimals, in the shortest decimal form: 123450 with two
 * decimals is 1234.5, 200 is 2. That is also the shortest text that reads
 * back as the same double, so Lode writes the number the same way. */
static void
writer_fixed (Writer  *w,
              guint64  units,
              guint    decimals)
{
  guint64 scale = 1;
  guint64 fraction;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;

  writer_value (w);
  append_uint (w->buffer, units / scale);

  fraction = units % scale;
  if (fraction == 0)
    return;

  g_string_append_c (w->buffer, '.');
  while (decimals > 0 && fraction % 10 == 0)
    {
      fraction /= 10;
      decimals--;
      scale /= 10;
    }
  for (scale /= 10; scale > 0; scale /= 10)
    g_string_append_c (w->buffer, (char) ('0' + fraction / scale % 10));
}

static void
writer_money (Writer *w,
              double  usd)
{
  writer_fixed (w, (guint64) llround (usd * 100.0), 2);
}

/* Sections of the portfolio
 * ========================= */

typedef struct
{
  Writer        w;
  Rng           rng;
  Weights       mineral_weights;
  Weights       destination_weights;
  const HsCode *codes[G_N_ELEMENTS (minerals)][4];
  guint         n_codes[G_N_ELEMENTS (minerals)];
} Generator;

static const HsCode *
find_hs_code (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (hs_codes); i++)
    if (strcmp (hs_codes[i].code, code) == 0)
      return &hs_codes[i];

  g_assert_not_reached ();
  return NULL;
}

static void
generator_init (Generator *g,
                FILE      *stream,
                guint64    seed)
{
  double mineral_values[G_N_ELEMENTS (minerals)];
  double destination_values[G_N_ELEMENTS (destinations)];

  memset (g, 0, sizeof *g);
  g->w.stream = stream;
  g->w.buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  g->rng.state = seed;

  for (guint i = 0; i < G_N_ELEMENTS (minerals); i++)
    {
      mineral_values[i] = minerals[i].weight;
      for (guint j = 0; j < G_N_ELEMENTS (minerals[i].codes) && minerals[i].codes[j] != NULL; j++)
        g->codes[i][g->n_codes[i]++] = find_hs_code (minerals[i].codes[j]);
    }
  weights_init (&g->mineral_weights, mineral_values, G_N_ELEMENTS (minerals));

  destination_values[0] = 40;
  for (guint i = 1; i < G_N_ELEMENTS (destinations); i++)
    destination_values[i] = 12.0 / pow (i, 0.9);
  weights_init (&g->destination_weights, destination_values, G_N_ELEMENTS (destinations));
}

static void
generator_clear (Generator *g)
{
  weights_clear (&g->mineral_weights);
  weights_clear (&g->destination_weights);
  g_string_free (g->w.buffer, TRUE);
}

static void
write_sources (Generator *g)
{
  Writer *w = &g->w;

  writer_member (w, "sources");
  writer_begin (w, '[');
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *url = g_strconcat ("https://example.org/lode/bench/", sources[i].id, NULL);

      writer_begin (w, '{');
      writer_member (w, "id");
      writer_string (w, sources[i].id);
      writer_member (w, "title");
      writer_string (w, sources[i].title);
      writer_member (w, "publisher");
      writer_string (w, sources[i].publisher);
      writer_member (w, "date");
      writer_string (w, sources[i].date);
      writer_member (w, "url");
      writer_string (w, url);
      writer_end (w, '}');
    }
  writer_end (w, ']');
}

static void
write_reserves (Generator *g)
{
  Writer *w = &g->w;
  guint n = rng_below (&g->rng, 4);

  /* Lode writes the list even when it is empty. */
  writer_member (w, "reserves");
  writer_begin (w, '[');
  for (guint i = 0; i < n; i++)
    {
      guint64 tenths = 5 + rng_below (&g->rng, 50000);  /* 0.5–5000 Mt */

      writer_begin (w, '{');
      writer_member (w, "category");
      writer_string (w, reserve_categories[rng_below (&g->rng, G_N_ELEMENTS (reserve_categories))]);
      writer_member (w, "quantity");
      writer_fixed (w, tenths, 1);
      writer_member (w, "unit");
      writer_string (w, "Mt");
      writer_member (w, "value_usd");
      writer_money (w, (double) tenths * 1e5 * (10 + rng_below (&g->rng, 190)));
      writer_member (w, "year");
      writer_int (w, (guint64) rng_range (&g->rng, 2015, 2024));
      writer_member (w, "source");
      writer_string (w, rng_below (&g->rng, 2) == 0 ? "survey-2018" : "survey-2022");
      writer_end (w, '}');
    }
  writer_end (w, ']');
}

static void
write_minerals (Generator *g)
{
  Writer *w = &g->w;

  writer_member (w, "minerals");
  writer_begin (w, '[');
  for (guint i = 0; i < G_N_ELEMENTS (minerals); i++)
    {
      writer_begin (w, '{');
      writer_member (w, "id");
      writer_string (w, minerals[i].id);
      writer_member (w, "name");
      writer_string (w, minerals[i].name);
      if (minerals[i].symbol != NULL)
        {
          writer_member (w, "symbol");
          writer_string (w, minerals[i].symbol);
        }
      writer_member (w, "group");
      writer_string (w, minerals[i].group);
      writer_member (w, "hs_codes");
      writer_begin (w, '[');
      for (guint j = 0; j < g->n_codes[i]; j++)
        writer_string (w, g->codes[i][j]->code);
      writer_end (w, ']');
      write_reserves (g);
      writer_end (w, '}');
    }
  writer_end (w, ']');
}

static void
write_exports (Generator *g,
               guint      n_records)
{
  Writer *w = &g->w;

  writer_member (w, "exports");
  writer_begin (w, '[');
  for (guint i = 0; i < n_records; i++)
    {
      /* Records run through the months in order, as a customs extract does. */
      guint month_index = (guint) ((guint64) i * N_MONTHS / n_records);
      guint year = FIRST_YEAR + month_index / 12;
      guint month = 1 + month_index % 12;
      guint m = weights_pick (&g->mineral_weights, &g->rng);
      const HsCode *hs = g->codes[m][rng_below (&g->rng, g->n_codes[m])];
      const char *destination = destinations[weights_pick (&g->destination_weights, &g->rng)];
      const char *stage = hs->stage;
      double growth = 1.0 + 0.06 * (year - FIRST_YEAR);
      double price_index = pow (1.035, year - FIRST_YEAR) * (1.0 + 0.15 * sin (month_index / 9.0));
      double tonnes = hs->typical_t * growth * exp (0.9 * rng_normal (&g->rng));
      guint64 milli_tonnes = MAX (1, (guint64) llround (tonnes * 1000.0));
      double usd = milli_tonnes / 1000.0 * hs->price * price_index * (0.85 + 0.3 * rng_double (&g->rng));
      const char *source;

      /* Concentrating ores and the odd raw-ore shipment of a concentrate. */
      if (hs->code[0] == '2' && hs->code[1] == '6' && rng_below (&g->rng, 8) == 0)
        stage = strcmp (stage, "ore") == 0 ? "concentrate" : "ore";

      if (rng_below (&g->rng, 5) == 0)
        source = sources[N_CUSTOMS_SOURCES].id;
      else
        source = sources[(year - FIRST_YEAR) / 5].id;

      writer_begin (w, '{');
      writer_member (w, "mineral");
      writer_string (w, minerals[m].id);
      writer_member (w, "year");
      writer_int (w, year);
      writer_member (w, "month");
      writer_int (w, month);
      writer_member (w, "destination");
      writer_string (w, destination);
      writer_member (w, "hs_code");
      writer_string (w, hs->code);
      writer_member (w, "stage");
      writer_string (w, stage);
      writer_member (w, "quantity");
      writer_fixed (w, milli_tonnes, 3);
      writer_member (w, "unit");
      writer_string (w, "t");
      writer_member (w, "value_usd");
      writer_money (w, usd);
      writer_member (w, "source");
      writer_string (w, source);
      if (rng_double (&g->rng) < EXTRA_MEMBER_RATE)
        {
          char ref[48];

          g_snprintf (ref, sizeof ref, "GD-%u%02u-%07u", year, month, i);
          writer_member (w, "customs_ref");
          writer_string (w, ref);
        }
      writer_end (w, '}');

      writer_maybe_flush (w);
    }
  writer_end (w, ']');
}

static void
write_projects (Generator *g)
{
  Writer *w = &g->w;

  writer_member (w, "projects");
  writer_begin (w, '[');
  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      guint m = weights_pick (&g->mineral_weights, &g->rng);
      guint other = weights_pick (&g->mineral_weights, &g->rng);
      guint n_partners = rng_below (&g->rng, 4);
      guint first_partner = rng_below (&g->rng, G_N_ELEMENTS (companies));
      guint share_left = 1000;
      double committed = 1e6 * (1 + rng_below (&g->rng, 5000));
      g_autofree char *slug = g_ascii_strdown (sites[i].place, -1);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      g_strdelimit (slug, " ", '-');
      id = g_strconcat (slug, "-", minerals[m].id, NULL);
      name = g_strconcat (sites[i].place, " ", minerals[m].name, NULL);

      writer_begin (w, '{');
      writer_member (w, "id");
      writer_string (w, id);
      writer_member (w, "name");
      writer_string (w, name);
      writer_member (w, "minerals");
      writer_begin (w, '[');
      writer_string (w, minerals[m].id);
      if (other != m)
        writer_string (w, minerals[other].id);
      writer_end (w, ']');
      writer_member (w, "region");
      writer_string (w, sites[i].region);
      writer_member (w, "operator");
      writer_string (w, companies[first_partner].name);
      writer_member (w, "status");
      writer_string (w, project_statuses[rng_below (&g->rng, G_N_ELEMENTS (project_statuses))]);
      if (n_partners > 0)
        {
          writer_member (w, "partners");
          writer_begin (w, '[');
          for (guint j = 0; j < n_partners; j++)
            {
              const Company *company = &companies[(first_partner + j) % G_N_ELEMENTS (companies)];
              guint share = j + 1 == n_partners ? share_left : 50 * (1 + rng_below (&g->rng, share_left / 100));

              share_left -= share;
              writer_begin (w, '{');
              writer_member (w, "name");
              writer_string (w, company->name);
              writer_member (w, "country");
              writer_string (w, company->country);
              writer_member (w, "share");
              writer_fixed (w, share, 3);
              writer_end (w, '}');
            }
          writer_end (w, ']');
        }
      writer_member (w, "investment_usd");
      writer_begin (w, '{');
      writer_member (w, "committed");
      writer_money (w, committed);
      writer_member (w, "disbursed");
      writer_money (w, committed * rng_below (&g->rng, 101) / 100.0);
      writer_end (w, '}');
      writer_member (w, "start_year");
      writer_int (w, (guint64) rng_range (&g->rng, 1995, 2024));
      writer_member (w, "jobs");
      writer_int (w, (guint64) rng_range (&g->rng, 50, 6000));
      writer_member (w, "source");
      writer_string (w, "investment-board");
      writer_end (w, '}');
    }
  writer_end (w, ']');
}

typedef struct
{
  const char *id;
  const char *title;
  const char *kind;
  const char *mineral;
  const char *destination;
  int         baseline_year;
  double      baseline_usd;
  int         target_year;
  double      low_usd;
  double      high_usd;     /* equal to low_usd for a single figure */
  const char *source;
} Target;

static const Target targets[] = {
  { "mineral-exports-2030", "Mineral exports", "exports", NULL, NULL, 2025, 2.0e9, 2030, 6.0e9, 8.0e9, "ministry-2024" },
  { "exports-to-china-2035", "Mineral exports to China", "exports", NULL, "CN", 2025, 3.0e9, 2035, 5.0e10, 5.0e10, "press-2025" },
  { "copper-exports-2030", "Copper exports", "exports", "copper", NULL, 2024, 1.1e9, 2030, 3.0e9, 4.0e9, "ministry-2024" },
  { "iron-ore-exports-2028", "Iron ore exports", "exports", "iron-ore", NULL, 2024, 1.0e8, 2028, 2.5e8, 3.0e8, "ministry-2024" },
  { "mineral-investment-2030", "Mineral investment", "investment", NULL, NULL, 2024, 1.0e9, 2030, 1.0e10, 1.2e10, "press-2025" },
};

static void
write_targets (Generator *g)
{
  Writer *w = &g->w;

  writer_member (w, "targets");
  writer_begin (w, '[');
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const Target *t = &targets[i];

      writer_begin (w, '{');
      writer_member (w, "id");
      writer_string (w, t->id);
      writer_member (w, "title");
      writer_string (w, t->title);
      writer_member (w, "metric");
      writer_begin (w, '{');
      writer_member (w, "kind");
      writer_string (w, t->kind);
      if (t->mineral != NULL)
        {
          writer_member (w, "mineral");
          writer_string (w, t->mineral);
        }
      if (t->destination != NULL)
        {
          writer_member (w, "destination");
          writer_string (w, t->destination);
        }
      writer_end (w, '}');
      writer_member (w, "baseline");
      writer_begin (w, '{');
      writer_member (w, "year");
      writer_int (w, (guint64) t->baseline_year);
      writer_member (w, "value_usd");
      writer_money (w, t->baseline_usd);
      writer_end (w, '}');
      writer_member (w, "target");
      writer_begin (w, '{');
      writer_member (w, "year");
      writer_int (w, (guint64) t->target_year);
      writer_member (w, "low_usd");
      writer_money (w, t->low_usd);
      if (t->high_usd != t->low_usd)
        {
          writer_member (w, "high_usd");
          writer_money (w, t->high_usd);
        }
      writer_end (w, '}');
      writer_member (w, "source");
      writer_string (w, t->source);
      writer_end (w, '}');
    }
  writer_end (w, ']');
}

static void
write_portfolio (Generator *g,
                 guint      n_records,
                 guint64    seed)
{
  Writer *w = &g->w;
  g_autofree char *title = NULL;
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);

  title = g_strdup_printf ("Synthetic portfolio (%u export records, seed %s)", n_records, seed_text);

  writer_begin (w, '{');
  writer_member (w, "format");
  writer_string (w, "lode-portfolio");
  writer_member (w, "version");
  writer_int (w, 1);
  writer_member (w, "title");
  writer_string (w, title);
  writer_member (w, "description");
  writer_string (w, "Random figures for measuring Lode; not real data.");
  writer_member (w, "currency");
  writer_string (w, "USD");
  write_sources (g);
  write_minerals (g);
  write_exports (g, n_records);
  write_projects (g);
  write_targets (g);

  /* A member Lode does not know, which it must keep. */
  writer_member (w, "generator");
  writer_begin (w, '{');
  writer_member (w, "name");
  writer_string (w, "gen-portfolio");
  writer_member (w, "records");
  writer_int (w, n_records);
  writer_member (w, "seed");
  writer_string (w, seed_text);
  writer_end (w, '}');

  writer_end (w, '}');
  g_string_append_c (w->buffer, '\n');
  writer_flush (w);
}

gboolean
bench_generate_portfolio (const char  *path,
                          guint        n_records,
                          guint64      seed,
                          GError     **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  Generator g;
  FILE *stream;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  tmp_path = g_strdup_printf ("%s.%u.tmp", path, (guint) getpid ());

  stream = g_fopen (tmp_path, "wb");
  if (stream == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", display, g_strerror (saved_errno));
      return FALSE;
    }

  generator_init (&g, stream, seed);
  write_portfolio (&g, n_records, seed);
  saved_errno = g.w.saved_errno;
  generator_clear (&g);

  if (fclose (stream) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno == 0 && g_rename (tmp_path, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (tmp_path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
