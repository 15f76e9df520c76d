/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "bench-comtrade.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gstdio.h>

/* A synthetic Comtrade Plus download as Pakistan's figures come: monthly
 * for the most part, some annual; mostly exports, some imports and
 * re-exports; dozens of partners, a few of them World or areas that are
 * not countries; headings of the mineral chapters (25–28, 71–81), some
 * subheadings, chapter totals and TOTAL. Descriptions with commas are
 * quoted, as Comtrade quotes them. The figures are random, not real. */

static const char header[] =
  "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
  "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,"
  "partner2ISO,partner2Desc,classificationCode,classificationSearchCode,"
  "isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,"
  "mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,"
  "altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,"
  "isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,"
  "isAggregate\r\n";

typedef struct
{
  const char *code, *iso, *desc;
  guint       weight;
} Partner;

static const Partner partners[] = {
  { "156", "CHN", "China", 300 },
  { "784", "ARE", "United Arab Emirates", 90 },
  { "842", "USA", "USA", 60 },
  { "699", "IND", "India", 20 },
  { "4", "AFG", "Afghanistan", 40 },
  { "364", "IRN", "Iran", 15 },
  { "682", "SAU", "Saudi Arabia", 30 },
  { "276", "DEU", "Germany", 25 },
  { "826", "GBR", "United Kingdom", 25 },
  { "392", "JPN", "Japan", 25 },
  { "410", "KOR", "\"Rep. of Korea\"", 25 },
  { "344", "HKG", "\"China, Hong Kong SAR\"", 30 },
  { "458", "MYS", "Malaysia", 20 },
  { "764", "THA", "Thailand", 15 },
  { "704", "VNM", "Viet Nam", 15 },
  { "360", "IDN", "Indonesia", 12 },
  { "50", "BGD", "Bangladesh", 12 },
  { "144", "LKA", "Sri Lanka", 12 },
  { "792", "TUR", "Türkiye", 15 },
  { "528", "NLD", "Netherlands", 15 },
  { "56", "BEL", "Belgium", 10 },
  { "380", "ITA", "Italy", 10 },
  { "724", "ESP", "Spain", 8 },
  { "251", "FRA", "France", 10 },
  { "756", "CHE", "Switzerland", 12 },
  { "643", "RUS", "Russian Federation", 8 },
  { "398", "KAZ", "Kazakhstan", 5 },
  { "860", "UZB", "Uzbekistan", 5 },
  { "634", "QAT", "Qatar", 10 },
  { "512", "OMN", "Oman", 10 },
  { "414", "KWT", "Kuwait", 8 },
  { "48", "BHR", "Bahrain", 5 },
  { "818", "EGY", "Egypt", 6 },
  { "710", "ZAF", "South Africa", 6 },
  { "404", "KEN", "Kenya", 5 },
  { "384", "CIV", "Côte d'Ivoire", 3 },
  { "566", "NGA", "Nigeria", 4 },
  { "76", "BRA", "Brazil", 5 },
  { "484", "MEX", "Mexico", 4 },
  { "124", "CAN", "Canada", 8 },
  { "36", "AUS", "Australia", 8 },
  { "554", "NZL", "New Zealand", 3 },
  { "702", "SGP", "Singapore", 15 },
  { "608", "PHL", "Philippines", 5 },
  { "0", "W00", "World", 40 },
  { "490", "S19", "\"Other Asia, nes\"", 6 },
  { "899", "_X", "\"Areas, nes\"", 3 },
  { "839", "XX", "Special Categories", 2 },
  { "837", "_1", "Bunkers", 1 },
};

typedef struct
{
  const char *code, *desc;
  guint       level;
  guint       weight;
} Commodity;

static const Commodity commodities[] = {
  { "2505", "\"Natural sands of all kinds, whether or not coloured\"", 4, 10 },
  { "2515", "\"Marble, travertine, ecaussine and other calcareous monumental or building stone of an apparent specific gravity of 2.5 or more, and alabaster, whether or not roughly trimmed or merely cut, by sawing or otherwise, into blocks or slabs of a rectangular (including square) shape\"", 4, 260 },
  { "2516", "\"Granite, porphyry, basalt, sandstone and other monumental or building stone\"", 4, 15 },
  { "2520", "\"Gypsum; anhydrite; plasters\"", 4, 15 },
  { "2523", "\"Portland cement, aluminous cement, slag cement, supersulphate cement and similar hydraulic cements, whether or not coloured or in the form of clinkers\"", 4, 60 },
  { "2501", "\"Salt (including table salt and denatured salt) and pure sodium chloride, whether or not in aqueous solution or containing added anti-caking or free-flowing agents; sea water\"", 4, 60 },
  { "250100", "\"Salt; sea water\"", 6, 10 },
  { "2601", "Iron ores and concentrates", 4, 10 },
  { "2602", "Manganese ores and concentrates", 4, 5 },
  { "2603", "Copper ores and concentrates", 4, 60 },
  { "260300", "Copper ores and concentrates", 6, 20 },
  { "2606", "Aluminium ores and concentrates", 4, 15 },
  { "2608", "Zinc ores and concentrates", 4, 8 },
  { "2610", "Chromium ores and concentrates", 4, 25 },
  { "2615", "\"Niobium, tantalum, vanadium or zirconium ores and concentrates\"", 4, 5 },
  { "2616", "Precious metal ores and concentrates", 4, 8 },
  { "2701", "\"Coal; briquettes, ovoids and similar solid fuels manufactured from coal\"", 4, 30 },
  { "2703", "\"Peat (including peat litter), whether or not agglomerated\"", 4, 2 },
  { "2710", "\"Petroleum oils, not crude\"", 4, 20 },
  { "2805", "\"Alkali or alkaline-earth metals; rare-earth metals, scandium and yttrium\"", 4, 5 },
  { "2846", "\"Compounds, inorganic or organic, of rare-earth metals\"", 4, 5 },
  { "7102", "\"Diamonds, whether or not worked, but not mounted or set\"", 4, 10 },
  { "7103", "\"Precious stones (other than diamonds) and semi-precious stones, whether or not worked or graded but not strung, mounted or set; ungraded precious stones (other than diamonds) and semi-precious stones, temporarily strung for convenience of transport\"", 4, 220 },
  { "7108", "\"Gold (including gold plated with platinum) unwrought or in semi-manufactured forms\"", 4, 25 },
  { "710812", "\"Gold; non-monetary, unwrought (but not powder)\"", 6, 10 },
  { "7113", "\"Articles of jewellery and parts thereof, of precious metal or of metal clad with precious metal\"", 4, 30 },
  { "7204", "\"Ferrous waste and scrap; remelting scrap ingots of iron or steel\"", 4, 20 },
  { "7402", "\"Copper; unrefined, copper anodes for electrolytic refining\"", 4, 8 },
  { "7403", "\"Copper; refined and copper alloys, unwrought, including cathodes and sections of cathodes, wire-bars, billets and other unwrought forms\"", 4, 40 },
  { "740311", "\"Copper; refined, cathodes and sections of cathodes\"", 6, 15 },
  { "7404", "Copper waste and scrap", 4, 25 },
  { "7601", "Unwrought aluminium", 4, 15 },
  { "7602", "Aluminium waste and scrap", 4, 25 },
  { "7801", "Unwrought lead", 4, 8 },
  { "7901", "Unwrought zinc", 4, 5 },
  { "8001", "Unwrought tin", 4, 3 },
  { "8101", "\"Tungsten (wolfram) and articles thereof, including waste and scrap\"", 4, 2 },
  { "25", "\"Salt; sulphur; earths, stone; plastering materials, lime and cement\"", 2, 10 },
  { "26", "\"Ores, slag and ash\"", 2, 10 },
  { "71", "\"Natural, cultured pearls; precious, semi-precious stones; precious metals\"", 2, 8 },
  { "TOTAL", "All Commodities", 0, 8 },
};

typedef struct
{
  guint total;
  guint n;
  guint *cumulative;
} Picker;

static void
picker_init (Picker      *picker,
             const guint *weights,
             guint        n,
             gsize        stride)
{
  picker->n = n;
  picker->cumulative = g_new (guint, n);
  picker->total = 0;
  for (guint i = 0; i < n; i++)
    {
      picker->total += *(const guint *) ((const char *) weights + i * stride);
      picker->cumulative[i] = picker->total;
    }
}

static guint
picker_pick (const Picker *picker,
             GRand        *rand)
{
  guint r = g_rand_int_range (rand, 0, picker->total);
  guint lo = 0, hi = picker->n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (picker->cumulative[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* A figure with up to three decimals, as Comtrade gives values. */
static const char *
format_amount (char    *buffer,
               gsize    size,
               GRand   *rand,
               double   scale)
{
  guint64 thousandths = (guint64) (g_rand_double (rand) * g_rand_double (rand) * scale * 1000);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      g_snprintf (buffer, size, "%" G_GUINT64_FORMAT, thousandths / 1000);
      break;
    case 1:
      g_snprintf (buffer, size, "%" G_GUINT64_FORMAT ".%u", thousandths / 1000, (guint) (thousandths % 10));
      break;
    default:
      g_snprintf (buffer, size, "%" G_GUINT64_FORMAT ".%03u", thousandths / 1000, (guint) (thousandths % 1000));
      break;
    }
  return buffer;
}

gboolean
bench_generate_comtrade (const char  *path,
                         guint        rows,
                         guint64      seed,
                         GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  Picker partner_picker, commodity_picker;
  char buffer[1 << 16];
  FILE *out;

  out = fopen (tmp, "w");
  if (out == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", tmp, g_strerror (saved_errno));
      return FALSE;
    }
  setvbuf (out, NULL, _IOFBF, 1 << 20);

  picker_init (&partner_picker, &partners[0].weight, G_N_ELEMENTS (partners), sizeof partners[0]);
  picker_init (&commodity_picker, &commodities[0].weight, G_N_ELEMENTS (commodities), sizeof commodities[0]);

  fputs (header, out);
  for (guint i = 0; i < rows; i++)
    {
      /* Rows in period order: years 2015–2024, a twelfth of them annual. */
      guint year = 2015 + (guint) ((guint64) i * 10 / MAX (rows, 1));
      gboolean annual = g_rand_int_range (rand, 0, 12) == 0;
      guint month = annual ? 52 : (guint) g_rand_int_range (rand, 1, 13);
      const Partner *partner = &partners[picker_pick (&partner_picker, rand)];
      const Commodity *commodity = &commodities[picker_pick (&commodity_picker, rand)];
      guint flow = g_rand_int_range (rand, 0, 20);
      const char *flow_code = flow < 14 ? "X" : flow < 18 ? "M" : flow < 19 ? "RX" : "RM";
      const char *flow_desc = flow < 14 ? "Export" : flow < 18 ? "Import" : flow < 19 ? "Re-export" : "Re-import";
      gboolean weighed = commodity->level >= 4 && g_rand_int_range (rand, 0, 10) > 0;
      char amount[32], value[32];
      int n;

      if (annual)
        n = snprintf (buffer, sizeof buffer, "C,A,%u0101,%u,52,%u,", year, year, year);
      else
        n = snprintf (buffer, sizeof buffer, "C,M,%u%02u01,%u,%u,%u%02u,",
                      year, month, year, month, year, month);
      fwrite (buffer, 1, n, out);
      fprintf (out, "586,PAK,Pakistan,%s,%s,%s,%s,%s,0,W00,World,H6,HS,True,%s,%s,%u,%s,"
               "C00,TOTAL CPC,0,0,TOTAL MOT,",
               flow_code, flow_desc, partner->code, partner->iso, partner->desc,
               commodity->code, commodity->desc, commodity->level,
               commodity->level == 6 ? "True" : "False");
      /* Quantity and net weight in kg; the value as FOB and primary. */
      if (weighed)
        {
          format_amount (amount, sizeof amount, rand, 5e6);
          fprintf (out, "8,kg,%s,False,-1,N/A,0,False,%s,False,%s,False,", amount, amount, amount);
        }
      else
        fputs ("-1,N/A,0,False,-1,N/A,0,False,0,False,0,False,", out);
      format_amount (value, sizeof value, rand, 2e7);
      fprintf (out, "0,%s,%s,0,True,False,\r\n", value, value);
    }

  g_free (partner_picker.cumulative);
  g_free (commodity_picker.cumulative);

  if (fclose (out) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", tmp, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
