/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lode-countries.h"
#include "lode-enum-types.h"
#include "lode-import-private.h"
#include "lode-rules.h"

/* The trade layouts: UN Comtrade Plus (annual and monthly), legacy UN
 * Comtrade, Lode's own CSV of export records, and any CSV through a column
 * mapping. Each is read into the same fields, then one set of rules says
 * which rows become export records.
 *
 * A million rows must go through in about a second, so a row allocates
 * nothing: cells are looked at where they are, partners and reporters are
 * resolved once per distinct cell text and cached, and the HS mapping is
 * cached by the context. */

typedef enum
{
  FIELD_FREQUENCY,
  FIELD_YEAR,
  FIELD_MONTH,
  FIELD_PERIOD,
  FIELD_REPORTER_CODE,
  FIELD_REPORTER_ISO,
  FIELD_FLOW,
  FIELD_PARTNER_CODE,
  FIELD_PARTNER_ISO,
  FIELD_PARTNER_NAME,
  FIELD_PARTNER2_CODE,
  FIELD_CUSTOMS,
  FIELD_TRANSPORT,
  FIELD_COMMODITY,
  FIELD_QUANTITY,
  FIELD_UNIT,
  FIELD_NET_WEIGHT,
  FIELD_VALUE,
  FIELD_VALUE_FOB,
  /* Lode's own layout */
  FIELD_MINERAL,
  FIELD_STAGE,
  FIELD_SOURCE,
  FIELD_PERIOD_KIND,
  FIELD_ORIGINAL_AMOUNT,
  FIELD_ORIGINAL_CURRENCY,
  N_FIELDS
} Field;

/* The header names of each field, by layout; NULL where the layout has
 * none. */
static const char * const comtrade_names[N_FIELDS] = {
  [FIELD_FREQUENCY] = "freqCode",
  [FIELD_YEAR] = "refYear",
  [FIELD_MONTH] = "refMonth",
  [FIELD_PERIOD] = "period",
  [FIELD_REPORTER_CODE] = "reporterCode",
  [FIELD_REPORTER_ISO] = "reporterISO",
  [FIELD_FLOW] = "flowCode",
  [FIELD_PARTNER_CODE] = "partnerCode",
  [FIELD_PARTNER_ISO] = "partnerISO",
  [FIELD_PARTNER_NAME] = "partnerDesc",
  [FIELD_PARTNER2_CODE] = "partner2Code",
  [FIELD_CUSTOMS] = "customsCode",
  [FIELD_TRANSPORT] = "motCode",
  [FIELD_COMMODITY] = "cmdCode",
  [FIELD_QUANTITY] = "qty",
  [FIELD_UNIT] = "qtyUnitAbbr",
  [FIELD_NET_WEIGHT] = "netWgt",
  [FIELD_VALUE] = "primaryValue",
  [FIELD_VALUE_FOB] = "fobvalue",
};

static const char * const legacy_names[N_FIELDS] = {
  [FIELD_YEAR] = "Year",
  [FIELD_PERIOD] = "Period",
  [FIELD_REPORTER_CODE] = "Reporter Code",
  [FIELD_REPORTER_ISO] = "Reporter ISO",
  [FIELD_FLOW] = "Trade Flow Code",
  [FIELD_PARTNER_CODE] = "Partner Code",
  [FIELD_PARTNER_ISO] = "Partner ISO",
  [FIELD_PARTNER_NAME] = "Partner",
  [FIELD_PARTNER2_CODE] = "2nd Partner Code",
  [FIELD_CUSTOMS] = "Customs Proc. Code",
  [FIELD_TRANSPORT] = "Mode of Transport Code",
  [FIELD_COMMODITY] = "Commodity Code",
  [FIELD_QUANTITY] = "Qty",
  [FIELD_UNIT] = "Qty Unit",
  [FIELD_NET_WEIGHT] = "Netweight (kg)",
  [FIELD_VALUE] = "Trade Value (US$)",
  [FIELD_VALUE_FOB] = "FOB Trade Value (US$)",
};

static const char * const lode_header[] = {
  "mineral", "year", "month", "destination", "hs_code", "stage",
  "quantity", "unit", "value_usd", "source",
};

static const Field lode_fields[G_N_ELEMENTS (lode_header)] = {
  FIELD_MINERAL, FIELD_YEAR, FIELD_MONTH, FIELD_PARTNER_ISO, FIELD_COMMODITY, FIELD_STAGE,
  FIELD_QUANTITY, FIELD_UNIT, FIELD_VALUE, FIELD_SOURCE,
};

/* The columns Lode's CSV gained later, after the first ten, each
 * optional: a file without them reads as before. */
static const struct
{
  const char *name;
  Field       field;
} lode_later_columns[] = {
  { "period", FIELD_PERIOD_KIND },
  { "original_amount", FIELD_ORIGINAL_AMOUNT },
  { "original_currency", FIELD_ORIGINAL_CURRENCY },
};

/* What a partner cell stands for. */
typedef enum
{
  PARTNER_COUNTRY,
  PARTNER_WORLD,
  PARTNER_AREA,          /* a total over countries listed on their own too */
  PARTNER_NOT_A_COUNTRY, /* nes, bunkers, free zones: kept under ZZ */
  PARTNER_UNKNOWN,
} PartnerKind;

typedef struct
{
  PartnerKind kind;
  const char *code;   /* alpha-2 for countries and ZZ, else NULL */
} Partner;

/* Comtrade's partners that are not one country. Comtrade's own numeric
 * codes; the areas are totals of countries that the same file lists on
 * their own, the others are places no country stands for. */
static const struct
{
  guint       code;
  PartnerKind kind;
} comtrade_partners[] = {
  { 0, PARTNER_WORLD },
  { 97, PARTNER_AREA },     /* EU */
  { 129, PARTNER_NOT_A_COUNTRY }, /* Caribbean, nes */
  { 221, PARTNER_NOT_A_COUNTRY }, /* Eastern Europe, nes */
  { 290, PARTNER_NOT_A_COUNTRY }, /* Northern Africa, nes */
  { 471, PARTNER_NOT_A_COUNTRY }, /* CACM, nes */
  { 472, PARTNER_NOT_A_COUNTRY }, /* Africa CAMEU region, nes */
  { 473, PARTNER_NOT_A_COUNTRY }, /* LAIA, nes */
  { 490, PARTNER_NOT_A_COUNTRY }, /* Other Asia, nes */
  { 492, PARTNER_NOT_A_COUNTRY }, /* Europe EFTA, nes */
  { 527, PARTNER_NOT_A_COUNTRY }, /* Oceania, nes */
  { 536, PARTNER_NOT_A_COUNTRY }, /* Neutral Zone */
  { 568, PARTNER_NOT_A_COUNTRY }, /* Other Europe, nes */
  { 577, PARTNER_NOT_A_COUNTRY }, /* Other Africa, nes */
  { 636, PARTNER_NOT_A_COUNTRY }, /* Rest of America, nes */
  { 637, PARTNER_NOT_A_COUNTRY }, /* North America and Central America, nes */
  { 697, PARTNER_NOT_A_COUNTRY }, /* Europe EU, nes */
  { 837, PARTNER_NOT_A_COUNTRY }, /* Bunkers */
  { 838, PARTNER_NOT_A_COUNTRY }, /* Free Zones */
  { 839, PARTNER_NOT_A_COUNTRY }, /* Special Categories */
  { 849, PARTNER_NOT_A_COUNTRY }, /* US Misc. Pacific Isds */
  { 879, PARTNER_NOT_A_COUNTRY }, /* Western Asia, nes */
  { 899, PARTNER_NOT_A_COUNTRY }, /* Areas, nes */
};

/* Comtrade's numeric codes that differ from ISO 3166-1's. */
static const struct
{
  guint       code;
  const char *alpha2;
} comtrade_countries[] = {
  { 58, "BE" },   /* Belgium-Luxembourg, before 1999 */
  { 251, "FR" },
  { 381, "IT" },
  { 579, "NO" },
  { 699, "IN" },
  { 711, "ZA" },  /* Southern African Customs Union, before 2000 */
  { 757, "CH" },
  { 842, "US" },
};

struct _LodeImportTrade
{
  LodeImportContext *ctx;
  LodeImportLayout   layout;
  int                column[N_FIELDS];
  guint              n_needed;     /* cells a row must have */
  gboolean           thousands;    /* hand-made files group digits */
  const char        *source_id;
  const char        *country;

  GHashTable        *partners;     /* cell text → Partner */
  GHashTable        *reporters;    /* cell text → GINT_TO_POINTER (is the country) + 1 */
  GHashTable        *units;        /* cell text → GINT_TO_POINTER (LodeUnit + 1) */

  guint              n_rounded;
  guint              n_not_country;
  guint              n_added;
};

static gboolean
is_blank (const char *cell)
{
  return cell == NULL || cell[0] == '\0';
}

static int
find_column (const char * const *header,
             guint               n_cells,
             const char         *name)
{
  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = header[i];

      /* Some downloads pad names with spaces. */
      while (*cell == ' ')
        cell++;
      if (g_ascii_strncasecmp (cell, name, strlen (name)) == 0)
        {
          const char *rest = cell + strlen (name);

          while (*rest == ' ')
            rest++;
          if (*rest == '\0')
            return (int) i;
        }
    }

  return -1;
}

static gboolean
header_has (const char * const *header,
            guint               n_cells,
            const char * const *names,
            guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (find_column (header, n_cells, names[i]) < 0)
      return FALSE;

  return TRUE;
}

static LodeImportLayout
detect_layout (const char * const *header,
               guint               n_cells)
{
  static const char * const comtrade[] = { "typeCode", "freqCode", "flowCode", "partnerCode", "cmdCode", "primaryValue" };
  static const char * const legacy[] = { "Classification", "Year", "Period", "Trade Flow Code", "Partner Code", "Commodity Code", "Trade Value (US$)" };
  gboolean is_lode = n_cells >= G_N_ELEMENTS (lode_header);

  for (guint i = 0; i < G_N_ELEMENTS (lode_header) && is_lode; i++)
    is_lode = strcmp (header[i], lode_header[i]) == 0;
  if (is_lode)
    return LODE_IMPORT_LAYOUT_LODE;

  if (header_has (header, n_cells, comtrade, G_N_ELEMENTS (comtrade)))
    return LODE_IMPORT_LAYOUT_COMTRADE;
  if (header_has (header, n_cells, legacy, G_N_ELEMENTS (legacy)))
    return LODE_IMPORT_LAYOUT_COMTRADE_LEGACY;
  if (_lode_import_usgs_detect (header, n_cells))
    return LODE_IMPORT_LAYOUT_USGS_MCS;

  return LODE_IMPORT_LAYOUT_AUTO;
}

static const char *
publisher_of (LodeImportLayout layout)
{
  switch (layout)
    {
    case LODE_IMPORT_LAYOUT_COMTRADE:
    case LODE_IMPORT_LAYOUT_COMTRADE_LEGACY:
      return "UN Comtrade";
    case LODE_IMPORT_LAYOUT_LODE:
      return "Lode";
    default:
      return NULL;
    }
}

static void
set_columns (LodeImportTrade    *self,
             const char * const *names,
             const char * const *header,
             guint               n_cells)
{
  for (guint f = 0; f < N_FIELDS; f++)
    self->column[f] = names[f] != NULL ? find_column (header, n_cells, names[f]) : -1;
}

static void
count_needed (LodeImportTrade *self)
{
  self->n_needed = 0;
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->column[f] >= 0)
      self->n_needed = MAX (self->n_needed, (guint) self->column[f] + 1);
}

static void
partner_free (gpointer data)
{
  g_free (data);
}

LodeImportTrade *
_lode_import_trade_begin (LodeImportContext  *ctx,
                          const char * const *header,
                          guint               n_cells,
                          GError            **error)
{
  const LodeImportOptions *options = _lode_import_context_get_options (ctx);
  g_autofree LodeImportTrade *self = g_new0 (LodeImportTrade, 1);
  LodeImportLayout layout = options->layout;

  _lode_import_context_set_header (ctx, header, n_cells);

  if (layout == LODE_IMPORT_LAYOUT_AUTO)
    layout = detect_layout (header, n_cells);
  if (layout == LODE_IMPORT_LAYOUT_AUTO)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("%s:1: The columns are not those of a layout Lode knows (UN Comtrade, USGS, Lode); choose which column is what"),
                   _lode_import_context_get_file_name (ctx));
      return NULL;
    }

  self->ctx = ctx;
  self->layout = layout;
  _lode_import_context_set_layout (ctx, layout);
  self->country = _lode_import_context_get_country (ctx);

  switch (layout)
    {
    case LODE_IMPORT_LAYOUT_COMTRADE:
      set_columns (self, comtrade_names, header, n_cells);
      break;
    case LODE_IMPORT_LAYOUT_COMTRADE_LEGACY:
      set_columns (self, legacy_names, header, n_cells);
      break;
    case LODE_IMPORT_LAYOUT_LODE:
      for (guint f = 0; f < N_FIELDS; f++)
        self->column[f] = -1;
      for (guint i = 0; i < G_N_ELEMENTS (lode_fields); i++)
        self->column[lode_fields[i]] = (int) i;
      for (guint i = 0; i < G_N_ELEMENTS (lode_later_columns); i++)
        for (guint c = G_N_ELEMENTS (lode_header); c < n_cells; c++)
          if (strcmp (header[c], lode_later_columns[i].name) == 0)
            self->column[lode_later_columns[i].field] = (int) c;
      if ((self->column[FIELD_ORIGINAL_AMOUNT] < 0) != (self->column[FIELD_ORIGINAL_CURRENCY] < 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s:1: A column original_amount needs a column original_currency, and the other way round"),
                       _lode_import_context_get_file_name (ctx));
          return NULL;
        }
      break;
    case LODE_IMPORT_LAYOUT_MAPPED:
      {
        const LodeImportMapping *mapping = options->mapping;
        static const Field fields[LODE_IMPORT_N_COLUMNS] = {
          [LODE_IMPORT_COLUMN_YEAR] = FIELD_YEAR,
          [LODE_IMPORT_COLUMN_MONTH] = FIELD_MONTH,
          [LODE_IMPORT_COLUMN_PERIOD] = FIELD_PERIOD,
          [LODE_IMPORT_COLUMN_REPORTER] = FIELD_REPORTER_ISO,
          [LODE_IMPORT_COLUMN_FLOW] = FIELD_FLOW,
          [LODE_IMPORT_COLUMN_PARTNER] = FIELD_PARTNER_ISO,
          [LODE_IMPORT_COLUMN_COMMODITY] = FIELD_COMMODITY,
          [LODE_IMPORT_COLUMN_VALUE] = FIELD_VALUE,
          [LODE_IMPORT_COLUMN_QUANTITY] = FIELD_QUANTITY,
          [LODE_IMPORT_COLUMN_UNIT] = FIELD_UNIT,
        };

        for (guint f = 0; f < N_FIELDS; f++)
          self->column[f] = -1;
        for (guint c = 0; mapping != NULL && c < LODE_IMPORT_N_COLUMNS; c++)
          self->column[fields[c]] = mapping->column[c] >= 0 && (guint) mapping->column[c] < n_cells
                                      ? mapping->column[c] : -1;
        self->thousands = TRUE;
      }
      break;
    case LODE_IMPORT_LAYOUT_USGS_MCS:
    case LODE_IMPORT_LAYOUT_PORTFOLIO:
    case LODE_IMPORT_LAYOUT_AUTO:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s:1: Not a file of trade statistics"),
                   _lode_import_context_get_file_name (ctx));
      return NULL;
    }

  /* The columns no row can do without. */
  if (self->column[FIELD_COMMODITY] < 0 || self->column[FIELD_VALUE] < 0 ||
      (self->column[FIELD_YEAR] < 0 && self->column[FIELD_PERIOD] < 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s:1: No column for the year, the commodity code or the value"),
                   _lode_import_context_get_file_name (ctx));
      return NULL;
    }

  count_needed (self);
  if (layout != LODE_IMPORT_LAYOUT_LODE)
    _lode_import_context_prefer_subheadings (ctx);
  self->source_id = _lode_import_context_get_source_id (ctx, publisher_of (layout));
  self->partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, partner_free);
  self->reporters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return g_steal_pointer (&self);
}

static const char *
cell_of (const char * const *cells,
         guint               n_cells,
         int                 column)
{
  if (column < 0 || (guint) column >= n_cells)
    return NULL;

  return cells[column];
}

/* A whole number of at most 9 digits, spaces around allowed. */
static gboolean
parse_int (const char *text,
           int        *value)
{
  int n = 0;
  guint digits = 0;

  if (text == NULL)
    return FALSE;
  while (*text == ' ')
    text++;
  for (; g_ascii_isdigit (*text); text++)
    {
      if (++digits > 9)
        return FALSE;
      n = n * 10 + (*text - '0');
    }
  while (*text == ' ')
    text++;
  if (digits == 0 || *text != '\0')
    return FALSE;

  *value = n;
  return TRUE;
}

/* A quantity in C-locale decimals ("1234.5"), with thousands separators
 * when @thousands; FALSE for an empty cell or anything else. */
static gboolean
parse_quantity (const char *text,
                gboolean    thousands,
                double     *value)
{
  char buffer[64];
  gsize n = 0;
  char *end;

  if (is_blank (text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',' && thousands)
        continue;
      if (*p == ' ')
        continue;
      if (n + 1 >= sizeof buffer)
        return FALSE;
      buffer[n++] = *p;
    }
  buffer[n] = '\0';
  if (n == 0)
    return FALSE;

  *value = g_ascii_strtod (buffer, &end);
  return *end == '\0' && *value >= 0 && *value < 1e18;
}

/* The reporter cell names the portfolio's country: alpha-2, alpha-3,
 * numeric or English name. Cached by text. */
static gboolean
is_reporter (LodeImportTrade *self,
             const char      *cell)
{
  gpointer cached = g_hash_table_lookup (self->reporters, cell);
  const char *code = NULL;
  int numeric;

  if (cached != NULL)
    return GPOINTER_TO_INT (cached) - 1;

  if (strlen (cell) == 2)
    code = cell;
  else if (strlen (cell) == 3 && g_ascii_isalpha (cell[0]))
    code = lode_country_from_alpha3 (cell);
  else if (parse_int (cell, &numeric))
    {
      for (guint i = 0; i < G_N_ELEMENTS (comtrade_countries) && code == NULL; i++)
        if (comtrade_countries[i].code == (guint) numeric)
          code = comtrade_countries[i].alpha2;
      if (code == NULL)
        code = lode_country_from_numeric (numeric);
    }
  else
    code = lode_country_from_name (cell);

  cached = GINT_TO_POINTER ((code != NULL && g_ascii_strcasecmp (code, self->country) == 0) + 1);
  g_hash_table_insert (self->reporters, g_strdup (cell), cached);

  return GPOINTER_TO_INT (cached) - 1;
}

static Partner *
resolve_partner (const char *code_cell,
                 const char *iso_cell,
                 const char *name_cell)
{
  Partner *partner = g_new0 (Partner, 1);
  int numeric = -1;

  partner->kind = PARTNER_UNKNOWN;

  if (!is_blank (code_cell) && parse_int (code_cell, &numeric))
    {
      for (guint i = 0; i < G_N_ELEMENTS (comtrade_partners); i++)
        if (comtrade_partners[i].code == (guint) numeric)
          partner->kind = comtrade_partners[i].kind;
    }

  if (partner->kind == PARTNER_UNKNOWN && !is_blank (iso_cell))
    {
      if (g_ascii_strcasecmp (iso_cell, "W00") == 0 || g_ascii_strcasecmp (iso_cell, "WLD") == 0 ||
          g_ascii_strcasecmp (iso_cell, "World") == 0)
        partner->kind = PARTNER_WORLD;
      else if (strlen (iso_cell) == 2 && lode_country_lookup (iso_cell) != NULL)
        partner->kind = PARTNER_COUNTRY;  /* its code is found below */
      else if ((partner->code = lode_country_from_alpha3 (iso_cell)) != NULL)
        partner->kind = PARTNER_COUNTRY;
      else if ((partner->code = lode_country_from_name (iso_cell)) != NULL)
        partner->kind = PARTNER_COUNTRY;
      else if (parse_int (iso_cell, &numeric) && (partner->code = lode_country_from_numeric (numeric)) != NULL)
        partner->kind = PARTNER_COUNTRY;

      if (partner->kind == PARTNER_COUNTRY && partner->code == NULL)
        {
          /* An alpha-2 code: the table's own copy of it. */
          const char * const *codes = lode_country_codes ();

          for (guint i = 0; codes[i] != NULL && partner->code == NULL; i++)
            if (strcmp (codes[i], iso_cell) == 0)
              partner->code = codes[i];
        }
    }

  if (partner->kind == PARTNER_UNKNOWN && numeric >= 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (comtrade_countries) && partner->code == NULL; i++)
        if (comtrade_countries[i].code == (guint) numeric)
          partner->code = comtrade_countries[i].alpha2;
      if (partner->code == NULL)
        partner->code = lode_country_from_numeric (numeric);
      if (partner->code != NULL)
        partner->kind = PARTNER_COUNTRY;
    }

  if (partner->kind == PARTNER_UNKNOWN && !is_blank (name_cell))
    {
      if (g_ascii_strcasecmp (name_cell, "World") == 0)
        partner->kind = PARTNER_WORLD;
      else if ((partner->code = lode_country_from_name (name_cell)) != NULL)
        partner->kind = PARTNER_COUNTRY;
    }

  /* Whatever is left names no country Lode knows: never a real one. */
  if (partner->kind == PARTNER_NOT_A_COUNTRY ||
      (partner->kind == PARTNER_UNKNOWN && (!is_blank (code_cell) || !is_blank (iso_cell) || !is_blank (name_cell))))
    {
      partner->kind = PARTNER_NOT_A_COUNTRY;
      partner->code = LODE_COUNTRY_NOT_A_COUNTRY;
    }

  return partner;
}

static const Partner *
find_partner (LodeImportTrade    *self,
              const char * const *cells,
              guint               n_cells)
{
  const char *code = cell_of (cells, n_cells, self->column[FIELD_PARTNER_CODE]);
  const char *iso = cell_of (cells, n_cells, self->column[FIELD_PARTNER_ISO]);
  const char *name = cell_of (cells, n_cells, self->column[FIELD_PARTNER_NAME]);
  char key[256];
  Partner *partner;

  g_autofree char *long_key = NULL;
  const char *lookup = key;
  gsize n = 0;

  /* The key joins the three cells; a row allocates only for cells too
   * long for the buffer, which real files do not have. */
  if ((code ? strlen (code) : 0) + (iso ? strlen (iso) : 0) + (name ? strlen (name) : 0) + 3 > sizeof key)
    lookup = long_key = g_strjoin ("\x1f", code ? code : "", iso ? iso : "", name ? name : "", NULL);
  else
    {
      const char *parts[3] = { code, iso, name };

      for (guint i = 0; i < 3; i++)
        {
          gsize len = parts[i] != NULL ? strlen (parts[i]) : 0;

          memcpy (key + n, parts[i] != NULL ? parts[i] : "", len);
          n += len;
          key[n++] = i < 2 ? '\x1f' : '\0';
        }
    }

  partner = g_hash_table_lookup (self->partners, lookup);
  if (partner == NULL)
    {
      partner = resolve_partner (code, iso, name);
      g_hash_table_insert (self->partners, g_strdup (lookup), partner);
    }

  return partner;
}

static LodeUnit
find_unit (LodeImportTrade *self,
           const char      *cell)
{
  gpointer cached;
  int unit = LODE_UNIT_NONE;

  if (is_blank (cell))
    return LODE_UNIT_NONE;

  cached = g_hash_table_lookup (self->units, cell);
  if (cached != NULL)
    return GPOINTER_TO_INT (cached) - 1;

  if (!lode_enum_from_nick (LODE_TYPE_UNIT, cell, &unit))
    {
      static const struct { const char *text; LodeUnit unit; } names[] = {
        { "kg", LODE_UNIT_KG }, { "Kilograms", LODE_UNIT_KG }, { "Weight in kilograms", LODE_UNIT_KG },
        { "t", LODE_UNIT_T }, { "tonnes", LODE_UNIT_T }, { "tons", LODE_UNIT_T }, { "mt", LODE_UNIT_T },
        { "carat", LODE_UNIT_CT }, { "carats", LODE_UNIT_CT }, { "ct", LODE_UNIT_CT },
        { "Number of carats", LODE_UNIT_CT },
        { "m³", LODE_UNIT_M3 }, { "m3", LODE_UNIT_M3 }, { "Volume in cubic meters", LODE_UNIT_M3 },
        { "oz", LODE_UNIT_OZ },
      };

      unit = LODE_UNIT_NONE;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (g_ascii_strcasecmp (names[i].text, cell) == 0)
          unit = names[i].unit;
    }

  g_hash_table_insert (self->units, g_strdup (cell), GINT_TO_POINTER (unit + 1));
  return unit;
}

static void
skip (LodeImportTrade *self,
      guint64          line,
      const char      *reason)
{
  _lode_import_context_skip (self->ctx, line, reason);
}

/* Year and month from the year, month and period cells: "2023" and
 * "202307" periods, Comtrade's month 52 for a whole year. */
static gboolean
read_period (LodeImportTrade    *self,
             const char * const *cells,
             guint               n_cells,
             int                *year,
             int                *month)
{
  const char *frequency = cell_of (cells, n_cells, self->column[FIELD_FREQUENCY]);
  const char *period = cell_of (cells, n_cells, self->column[FIELD_PERIOD]);
  const char *year_cell = cell_of (cells, n_cells, self->column[FIELD_YEAR]);
  const char *month_cell = cell_of (cells, n_cells, self->column[FIELD_MONTH]);
  int value;

  *year = 0;
  *month = 0;

  if (!is_blank (period) && parse_int (period, &value))
    {
      if (value >= 100000)
        {
          *year = value / 100;
          *month = value % 100;
        }
      else
        *year = value;
    }

  if (!is_blank (year_cell))
    {
      if (!parse_int (year_cell, &value))
        return FALSE;
      *year = value;
    }

  if (!is_blank (month_cell) && self->column[FIELD_MONTH] != self->column[FIELD_PERIOD])
    {
      if (!parse_int (month_cell, &value))
        return FALSE;
      *month = value;
    }

  if (*month == 52 || (frequency != NULL && strcmp (frequency, "A") == 0))
    *month = 0;

  return *year > 0 && *month >= 0 && *month <= 12;
}

/* TRUE for the export flow; else skips the row with the reason. */
static gboolean
check_flow (LodeImportTrade *self,
            const char      *flow,
            guint64          line)
{
  if (self->column[FIELD_FLOW] < 0)
    return TRUE;  /* a hand-made file of exports only */

  if (is_blank (flow))
    {
      skip (self, line, _("No trade flow"));
      return FALSE;
    }

  if (g_ascii_strcasecmp (flow, "X") == 0 || strcmp (flow, "2") == 0 ||
      g_ascii_strcasecmp (flow, "Export") == 0 || g_ascii_strcasecmp (flow, "Exports") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (flow, "RX") == 0 || strcmp (flow, "3") == 0 ||
      g_ascii_strncasecmp (flow, "Re-export", 9) == 0)
    skip (self, line, _("Re-exports: goods passing through, not the country’s own exports"));
  else if (g_ascii_strcasecmp (flow, "DX") == 0)
    skip (self, line, _("Domestic exports: a part of the exports the file lists in full"));
  else if (g_ascii_strcasecmp (flow, "M") == 0 || strcmp (flow, "1") == 0 ||
           g_ascii_strcasecmp (flow, "RM") == 0 || strcmp (flow, "4") == 0 ||
           g_ascii_strncasecmp (flow, "Import", 6) == 0 || g_ascii_strncasecmp (flow, "Re-import", 9) == 0 ||
           g_ascii_strcasecmp (flow, "FM") == 0)
    skip (self, line, _("Imports, not exports"));
  else
    skip (self, line, _("A trade flow that is not exports"));

  return FALSE;
}

/* A breakdown row (by second partner, customs procedure or mode of
 * transport) repeats part of the total row: counting it would count twice. */
static gboolean
is_breakdown (const char *cell,
              const char *total)
{
  return !is_blank (cell) && strcmp (cell, total) != 0;
}

/* The HS code of @cell, or NULL after skipping the row. */
static gboolean
check_commodity (LodeImportTrade *self,
                 const char      *code,
                 guint64          line)
{
  gsize len = 0;

  if (is_blank (code))
    {
      skip (self, line, _("No commodity code"));
      return FALSE;
    }

  if (g_ascii_strcasecmp (code, "TOTAL") == 0 || g_ascii_strcasecmp (code, "AG2") == 0)
    {
      skip (self, line, _("A total of all commodities, not one"));
      return FALSE;
    }

  while (g_ascii_isdigit (code[len]))
    len++;
  if (code[len] != '\0' || (len != 2 && len != 4 && len != 6))
    {
      skip (self, line, _("Not an HS code of 4 or 6 digits"));
      return FALSE;
    }
  if (len == 2)
    {
      skip (self, line, _("A total of a whole HS chapter, not one commodity"));
      return FALSE;
    }

  return TRUE;
}

/* The period kind and the original amount of a record of Lode's CSV,
 * when the file has their columns; FALSE after skipping the row. */
static gboolean
row_lode_later (LodeImportTrade    *self,
                const char * const *cells,
                guint               n_cells,
                guint64             line,
                LodeExportRow      *row)
{
  const char *period = cell_of (cells, n_cells, self->column[FIELD_PERIOD_KIND]);
  const char *amount = cell_of (cells, n_cells, self->column[FIELD_ORIGINAL_AMOUNT]);
  const char *currency = cell_of (cells, n_cells, self->column[FIELD_ORIGINAL_CURRENCY]);
  gboolean rounded = FALSE;
  int value;

  row->period = LODE_PERIOD_KIND_UNKNOWN;
  if (!is_blank (period))
    {
      if (!lode_enum_from_nick (LODE_TYPE_PERIOD_KIND, period, &value) || value == LODE_PERIOD_KIND_UNKNOWN)
        {
          skip (self, line, _("The period is neither calendar_year nor fiscal_year"));
          return FALSE;
        }
      if (row->month != 0)
        {
          skip (self, line, _("A record of one month with a period of a year"));
          return FALSE;
        }
      row->period = value;
    }

  row->original_currency = NULL;
  row->original_amount = 0;
  if (is_blank (amount) != is_blank (currency))
    {
      skip (self, line, _("An original amount without its currency, or a currency without an amount"));
      return FALSE;
    }
  if (!is_blank (amount))
    {
      if (!_lode_import_parse_dollars (amount, FALSE, &row->original_amount, &rounded) || rounded ||
          !lode_rule_original_amount (row->original_amount, NULL))
        {
          skip (self, line, _("The original amount is not an amount with at most two decimals"));
          return FALSE;
        }
      if (!lode_rule_currency_code (currency, NULL))
        {
          skip (self, line, _("The original currency is not an ISO 4217 code such as PKR"));
          return FALSE;
        }
      row->original_currency = currency;
    }

  return TRUE;
}

static void
row_lode (LodeImportTrade    *self,
          const char * const *cells,
          guint               n_cells,
          guint64             line)
{
  LodeExportRow row = { NULL, };
  const char *mineral = cells[0];
  const char *destination = cells[3];
  const char *hs_code = cells[4];
  const char *stage = cells[5];
  const char *source = cells[9];
  gboolean rounded = FALSE;
  int value;

  if (!parse_int (cells[1], &row.year))
    {
      skip (self, line, _("The year is not a number"));
      return;
    }
  if (is_blank (cells[2]))
    row.month = 0;
  else if (!parse_int (cells[2], &row.month) || row.month < 1 || row.month > 12)
    {
      skip (self, line, _("The month is not one from 1 to 12"));
      return;
    }

  if (is_blank (mineral))
    {
      if (is_blank (hs_code) || (mineral = _lode_import_context_map_hs (self->ctx, hs_code, NULL)) == NULL)
        {
          skip (self, line, _("No mineral"));
          return;
        }
    }
  else if (!_lode_import_context_ensure_mineral (self->ctx, mineral))
    {
      skip (self, line, _("The mineral is not an id Lode can use (small letters, digits and hyphens)"));
      return;
    }
  row.mineral = mineral;

  row.destination = is_blank (destination) ? NULL : destination;
  row.hs_code = is_blank (hs_code) ? NULL : hs_code;

  row.stage = LODE_STAGE_UNKNOWN;
  if (!is_blank (stage))
    {
      if (!lode_enum_from_nick (LODE_TYPE_STAGE, stage, &value))
        {
          skip (self, line, _("Not a processing stage Lode knows"));
          return;
        }
      row.stage = value;
    }

  row.quantity = LODE_QUANTITY_UNSET;
  row.unit = LODE_UNIT_NONE;
  if (!is_blank (cells[6]))
    {
      if (!parse_quantity (cells[6], FALSE, &row.quantity))
        {
          skip (self, line, _("The quantity is not a number"));
          return;
        }
      if (!lode_enum_from_nick (LODE_TYPE_UNIT, cells[7], &value))
        {
          skip (self, line, _("A quantity without a unit Lode knows"));
          return;
        }
      row.unit = value;
    }

  if (!_lode_import_parse_dollars (cells[8], FALSE, &row.value, &rounded))
    {
      skip (self, line, _("The value is not an amount of dollars"));
      return;
    }
  if (rounded)
    self->n_rounded++;

  /* A source of the portfolio is kept; any other would point nowhere. */
  row.source = !is_blank (source) && _lode_import_context_has_source (self->ctx, source)
                 ? source : self->source_id;

  if (!row_lode_later (self, cells, n_cells, line, &row))
    return;

  _lode_import_context_add_export (self->ctx, &row, line);
}

void
_lode_import_trade_row (LodeImportTrade    *self,
                        const char * const *cells,
                        guint               n_cells,
                        guint64             line)
{
  LodeExportRow row = { NULL, };
  const Partner *partner;
  const char *value_cell;
  const char *reporter;
  const char *hs_code;
  const char *quantity_cell;
  gboolean rounded = FALSE;

  _lode_import_context_add_sample (self->ctx, cells, n_cells);

  if (n_cells < self->n_needed)
    {
      skip (self, line, _("Fewer cells than the header has columns"));
      return;
    }

  if (self->layout == LODE_IMPORT_LAYOUT_LODE)
    {
      row_lode (self, cells, n_cells, line);
      return;
    }

  if (!read_period (self, cells, n_cells, &row.year, &row.month))
    {
      skip (self, line, _("No year, or a month that is not one from 1 to 12"));
      return;
    }

  reporter = cell_of (cells, n_cells, self->column[FIELD_REPORTER_ISO]);
  if (is_blank (reporter))
    reporter = cell_of (cells, n_cells, self->column[FIELD_REPORTER_CODE]);
  if (!is_blank (reporter) && !is_reporter (self, reporter))
    {
      skip (self, line, _("Reported by another country than the portfolio’s"));
      return;
    }

  if (!check_flow (self, cell_of (cells, n_cells, self->column[FIELD_FLOW]), line))
    return;

  if (is_breakdown (cell_of (cells, n_cells, self->column[FIELD_PARTNER2_CODE]), "0") ||
      is_breakdown (cell_of (cells, n_cells, self->column[FIELD_CUSTOMS]), "C00") ||
      is_breakdown (cell_of (cells, n_cells, self->column[FIELD_TRANSPORT]), "0"))
    {
      skip (self, line, _("A breakdown of a total row (by second partner, customs procedure or transport)"));
      return;
    }

  partner = find_partner (self, cells, n_cells);
  switch (partner->kind)
    {
    case PARTNER_WORLD:
      skip (self, line, _("Partner World: the total of all destinations"));
      return;
    case PARTNER_AREA:
      skip (self, line, _("Partner is an area total (such as the EU) whose countries are listed on their own"));
      return;
    case PARTNER_NOT_A_COUNTRY:
      self->n_not_country++;
      break;
    case PARTNER_COUNTRY:
    case PARTNER_UNKNOWN:
    default:
      break;
    }
  row.destination = partner->code;

  hs_code = cell_of (cells, n_cells, self->column[FIELD_COMMODITY]);
  if (!check_commodity (self, hs_code, line))
    return;
  value_cell = cell_of (cells, n_cells, self->column[FIELD_VALUE]);
  if (is_blank (value_cell))
    value_cell = cell_of (cells, n_cells, self->column[FIELD_VALUE_FOB]);
  if (is_blank (value_cell))
    {
      skip (self, line, _("No value"));
      return;
    }
  if (!_lode_import_parse_dollars (value_cell, self->thousands, &row.value, &rounded) || row.value < 0)
    {
      skip (self, line, _("The value is not an amount of dollars (at most 3 decimals)"));
      return;
    }
  /* Mapped after the value is known good: a mineral is made for the
   * first row that gives it a record, not for a row that is skipped. */
  row.hs_code = hs_code;
  row.mineral = _lode_import_context_map_hs (self->ctx, hs_code, &row.stage);
  if (row.mineral == NULL)
    {
      skip (self, line, _("An HS code of no mineral commodity"));
      return;
    }

  if (rounded)
    self->n_rounded++;

  row.quantity = LODE_QUANTITY_UNSET;
  row.unit = LODE_UNIT_NONE;
  quantity_cell = cell_of (cells, n_cells, self->column[FIELD_QUANTITY]);
  row.unit = find_unit (self, cell_of (cells, n_cells, self->column[FIELD_UNIT]));
  if (row.unit == LODE_UNIT_NONE || !parse_quantity (quantity_cell, self->thousands, &row.quantity))
    {
      /* No quantity in a unit Lode knows: the net weight, when given. */
      row.unit = LODE_UNIT_NONE;
      row.quantity = LODE_QUANTITY_UNSET;
      if (parse_quantity (cell_of (cells, n_cells, self->column[FIELD_NET_WEIGHT]), self->thousands, &row.quantity) &&
          row.quantity > 0)
        row.unit = LODE_UNIT_KG;
      else
        row.quantity = LODE_QUANTITY_UNSET;
    }

  row.source = self->source_id;
  _lode_import_context_add_export (self->ctx, &row, line);
}

void
_lode_import_trade_end (LodeImportTrade *self)
{
  if (self->n_rounded > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u value had a third decimal and was rounded to the nearest cent",
                                      "%u values had a third decimal and were rounded to the nearest cent",
                                      self->n_rounded),
                         self->n_rounded);
      _lode_import_context_add_note (self->ctx, note);
    }

  if (self->n_not_country > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u row went to a partner that is not a country (such as “Other Asia, nes” or bunkers); it is kept under “%s”",
                                      "%u rows went to partners that are not countries (such as “Other Asia, nes” or bunkers); they are kept under “%s”",
                                      self->n_not_country),
                         self->n_not_country, lode_country_name (LODE_COUNTRY_NOT_A_COUNTRY));
      _lode_import_context_add_note (self->ctx, note);
    }

  g_hash_table_unref (self->partners);
  g_hash_table_unref (self->reporters);
  g_hash_table_unref (self->units);
  g_free (self);
}

gboolean
_lode_import_trade_run (LodeImportContext  *ctx,
                        GFile              *file,
                        GCancellable       *cancellable,
                        GError            **error)
{
  const LodeImportOptions *options = _lode_import_context_get_options (ctx);
  g_autoptr(LodeCsvReader) reader = NULL;
  LodeImportTrade *trade;
  const char * const *cells;
  guint n_cells;
  GError *local_error = NULL;
  guint64 n_rows = 0;

  reader = _lode_import_context_open_csv (ctx, file, &cells, &n_cells, error);
  if (reader == NULL)
    return FALSE;
  _lode_import_context_set_encoding (ctx, lode_csv_reader_get_encoding (reader));

  if (options->layout == LODE_IMPORT_LAYOUT_AUTO && detect_layout (cells, n_cells) == LODE_IMPORT_LAYOUT_USGS_MCS)
    {
      g_clear_pointer (&reader, lode_csv_reader_free);
      _lode_import_context_set_layout (ctx, LODE_IMPORT_LAYOUT_USGS_MCS);
      return _lode_import_usgs_run (ctx, file, cancellable, error);
    }

  trade = _lode_import_trade_begin (ctx, cells, n_cells, error);
  if (trade == NULL)
    return FALSE;

  while (lode_csv_reader_next (reader, &cells, &n_cells, &local_error))
    {
      _lode_import_trade_row (trade, cells, n_cells, lode_csv_reader_get_line (reader));

      if ((++n_rows & 0x3fff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              _lode_import_trade_end (trade);
              return FALSE;
            }
          _lode_import_context_progress (ctx, lode_csv_reader_get_offset (reader),
                                         lode_csv_reader_get_size (reader));
        }
    }

  _lode_import_trade_end (trade);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  _lode_import_context_progress (ctx, lode_csv_reader_get_size (reader), lode_csv_reader_get_size (reader));
  return TRUE;
}
