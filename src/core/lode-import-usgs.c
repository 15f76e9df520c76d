/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-countries.h"
#include "lode-hs-commodities.h"
#include "lode-import-private.h"
#include "lode-production.h"
#include "lode-reserve.h"
#include "lode-rules.h"
#include "lode-source.h"

/* The USGS Mineral Commodity Summaries (MCS) data releases, for reserve
 * estimates of the portfolio's country:
 *
 * - the world data CSV of recent releases, one file for all commodities:
 *   SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2022,PROD_EST_ 2023,
 *   PROD_NOTES,RESERVES_2023,RESERVES_NOTES (the stray space is USGS's);
 * - the older per-commodity world files, such as mcs2020-coppe_world.csv:
 *   Source,Country,Type,Mine production 2018 (thousand metric tons),
 *   Mine production 2019 (…),Reserves (thousand metric tons), the units
 *   in the column names and the commodity in the file name.
 *
 * Column names are matched loosely (case, spaces and underscores ignored),
 * the year taken from the digits in them. Figures may have thousands
 * separators and trailing spaces; "W" (withheld), "NA", "XX" and dashes
 * are no figures and are skipped with their meaning, never read as 0.
 * Production is reported as skipped until the model keeps it. */

#define USGS_PUBLISHER "U.S. Geological Survey"
#define USGS_URL "https://www.usgs.gov/centers/national-minerals-information-center/mineral-commodity-summaries"

typedef enum
{
  COLUMN_OTHER,
  COLUMN_SOURCE,
  COLUMN_COMMODITY,
  COLUMN_COUNTRY,
  COLUMN_TYPE,
  COLUMN_UNIT,
  COLUMN_PRODUCTION,
  COLUMN_RESERVES,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  int        year;      /* from the name; 0 when it has none */
  char      *unit;      /* from the name, "(thousand metric tons)"; or NULL */
} Column;

typedef struct
{
  LodeImportContext *ctx;
  const char        *country;       /* ISO alpha-2 */
  GArray            *columns;       /* of Column, one a header cell */
  int                source_col, commodity_col, country_col, unit_col, type_col;
  int                latest_year;   /* of the production columns */
  int                file_edition;  /* "mcs2020-…" in the file name, or 0 */
  char              *file_commodity; /* for per-commodity files */
  GHashTable        *minerals;      /* commodity text → mineral id, "" for none */
  GHashTable        *sources;       /* edition → source id */
} UsgsReader;

/* Names */

/* @text in lowercase ASCII without spaces, underscores and hyphens, and
 * without what is in parentheses: "PROD_EST_ 2023" → "prodest2023". */
static char *
fold_name (const char *text)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0 && *p != ' ' && *p != '_' && *p != '-' && *p != '\t')
        g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

/* The first number of four digits from 1900 on in @text, or 0. */
static int
year_in (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
          && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])
          && (p == text || !g_ascii_isdigit (p[-1])))
        {
          int year = atoi (p);

          if (year >= 1900 && year <= 2200)
            return year;
        }
    }

  return 0;
}

/* What is between the first parentheses of @text, or NULL. */
static char *
parenthesized (const char *text)
{
  const char *open = strchr (text, '(');
  const char *close = open != NULL ? strchr (open, ')') : NULL;

  if (close == NULL)
    return NULL;
  return g_strstrip (g_strndup (open + 1, close - open - 1));
}

static Column
classify_column (const char *name)
{
  g_autofree char *folded = fold_name (name);
  Column column = { COLUMN_OTHER, year_in (name), NULL };

  if (strstr (folded, "note") != NULL)
    column.kind = COLUMN_OTHER;
  else if (strcmp (folded, "source") == 0)
    column.kind = COLUMN_SOURCE;
  else if (strcmp (folded, "commodity") == 0)
    column.kind = COLUMN_COMMODITY;
  else if (strcmp (folded, "country") == 0)
    column.kind = COLUMN_COUNTRY;
  else if (strcmp (folded, "type") == 0)
    column.kind = COLUMN_TYPE;
  else if (strcmp (folded, "unitmeas") == 0 || strcmp (folded, "unit") == 0
           || strcmp (folded, "units") == 0)
    column.kind = COLUMN_UNIT;
  else if (g_str_has_prefix (folded, "reserve"))
    column.kind = COLUMN_RESERVES;
  else if (g_str_has_prefix (folded, "prod") || strstr (folded, "production") != NULL)
    column.kind = COLUMN_PRODUCTION;

  if (column.kind == COLUMN_RESERVES || column.kind == COLUMN_PRODUCTION)
    column.unit = parenthesized (name);

  return column;
}

gboolean
_lode_import_usgs_detect (const char * const *cells,
                          guint               n_cells)
{
  gboolean country = FALSE, figures = FALSE, about = FALSE;

  for (guint i = 0; i < n_cells; i++)
    {
      Column column = classify_column (cells[i]);

      country |= column.kind == COLUMN_COUNTRY;
      figures |= column.kind == COLUMN_RESERVES || column.kind == COLUMN_PRODUCTION;
      about |= column.kind == COLUMN_COMMODITY || column.kind == COLUMN_SOURCE
               || column.kind == COLUMN_TYPE;
      g_free (column.unit);
    }

  return country && figures && about;
}

/* Units */

/* Lode's unit for @text ("thousand metric tons", "kilograms", "million
 * carats"), and the factor from USGS's figure to it. */
static gboolean
parse_unit (const char *text,
            LodeUnit   *unit,
            double     *factor)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *p = g_strstrip (lower);
  double scale = 1;

  if (g_str_has_prefix (p, "thousand "))
    {
      scale = 1e3;
      p += strlen ("thousand ");
    }
  else if (g_str_has_prefix (p, "million "))
    {
      scale = 1e6;
      p += strlen ("million ");
    }
  else if (g_str_has_prefix (p, "billion "))
    {
      scale = 1e9;
      p += strlen ("billion ");
    }

  /* "metric tons of contained lithium", "metric tons, gross weight": the
   * unit is the start. */
  if (g_str_has_prefix (p, "metric ton") || g_str_has_prefix (p, "tonnes")
      || g_str_has_prefix (p, "metric tonne"))
    {
      *unit = scale == 1e3 ? LODE_UNIT_KT : scale == 1e6 ? LODE_UNIT_MT : LODE_UNIT_T;
      *factor = scale == 1e9 ? 1e3 : 1;
      if (scale == 1e9)
        *unit = LODE_UNIT_MT;
      return TRUE;
    }
  if (g_str_has_prefix (p, "kilogram"))
    {
      *unit = scale == 1e3 ? LODE_UNIT_T : scale == 1e6 ? LODE_UNIT_KT : LODE_UNIT_KG;
      *factor = scale == 1e9 ? 1e3 : 1;
      if (scale == 1e9)
        *unit = LODE_UNIT_KT;
      return TRUE;
    }
  if (g_str_has_prefix (p, "troy ounce"))
    {
      *unit = scale == 1e3 ? LODE_UNIT_KOZ : scale == 1e6 ? LODE_UNIT_MOZ : LODE_UNIT_OZ;
      *factor = scale == 1e9 ? 1e3 : 1;
      if (scale == 1e9)
        *unit = LODE_UNIT_MOZ;
      return TRUE;
    }
  if (g_str_has_prefix (p, "carat"))
    {
      *unit = LODE_UNIT_CT;
      *factor = scale;
      return TRUE;
    }
  if (g_str_has_prefix (p, "cubic meter") || g_str_has_prefix (p, "cubic metre"))
    {
      *unit = LODE_UNIT_M3;
      *factor = scale;
      return TRUE;
    }

  return FALSE;
}

/* Figures */

typedef enum
{
  FIGURE_NONE,     /* an empty cell: nothing said */
  FIGURE_NUMBER,
  FIGURE_WITHHELD, /* a code or text that is no figure, with its reason */
} FigureKind;

/* Reads a cell of figures: "190,000", "5620 ", "W". */
static FigureKind
parse_figure (const char  *cell,
              double      *value,
              const char **reason)
{
  g_autofree char *text = g_strstrip (g_strdup (cell));
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean point = FALSE;
  guint group = 0;
  gboolean grouped = FALSE;
  char *end;

  if (text[0] == '\0')
    return FIGURE_NONE;

  *reason = NULL;
  if (strcmp (text, "W") == 0)
    *reason = _("Withheld by USGS (W) to avoid disclosing company data");
  else if (strcmp (text, "NA") == 0)
    *reason = _("Not available (NA)");
  else if (strcmp (text, "XX") == 0)
    *reason = _("Not applicable (XX)");
  else if (strcmp (text, "—") == 0 || strcmp (text, "–") == 0 || strcmp (text, "-") == 0
           || strcmp (text, "--") == 0)
    *reason = _("No figure (a dash)");
  if (*reason != NULL)
    return FIGURE_WITHHELD;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          if (!point)
            group++;
        }
      else if (*p == ',' && !point && group > 0 && (grouped ? group == 3 : group <= 3))
        {
          grouped = TRUE;
          group = 0;
        }
      else if (*p == '.' && !point && digits->len > 0)
        {
          point = TRUE;
          if (grouped && group != 3)
            break;
          g_string_append_c (digits, '.');
        }
      else
        {
          digits->len = 0;
          break;
        }
    }
  if (!point && grouped && group != 3)
    digits->len = 0;

  if (digits->len == 0 || digits->str[digits->len - 1] == '.')
    {
      *reason = _("Not a figure");
      return FIGURE_WITHHELD;
    }

  *value = g_ascii_strtod (digits->str, &end);
  return FIGURE_NUMBER;
}

/* Countries and commodities */

/* "World total (rounded)", "Other countries": totals, not countries. */
static gboolean
is_world_total (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_prefix (lower, "world") || g_str_has_prefix (lower, "other countries");
}

/* USGS's names of countries that iso-codes names otherwise. */
static const struct { const char *usgs, *code; } country_aliases[] = {
  { "United States", "US" },
  { "Russia", "RU" },
  { "Iran", "IR" },
  { "Turkey", "TR" },
  { "Vietnam", "VN" },
  { "Laos", "LA" },
  { "Bolivia", "BO" },
  { "Tanzania", "TZ" },
  { "Venezuela", "VE" },
  { "Syria", "SY" },
  { "Burma", "MM" },
  { "Korea, Republic of", "KR" },
  { "Korea, North", "KP" },
  { "Congo (Kinshasa)", "CD" },
  { "Congo (Brazzaville)", "CG" },
  { "Moldova", "MD" },
  { "Czechia", "CZ" },
  { "Taiwan", "TW" },
};

/* The alpha-2 code of a country as USGS names it, or NULL. Footnote
 * marks after the name ("Australia4") are not part of it. */
static const char *
country_code (const char *cell)
{
  g_autofree char *name = g_strstrip (g_strdup (cell));
  gsize len = strlen (name);

  while (len > 0 && g_ascii_isdigit (name[len - 1]))
    name[--len] = '\0';
  g_strchomp (name);

  for (guint i = 0; i < G_N_ELEMENTS (country_aliases); i++)
    if (g_ascii_strcasecmp (name, country_aliases[i].usgs) == 0)
      return country_aliases[i].code;

  return lode_country_from_name (name);
}

/* USGS's names of commodities whose minerals Lode names otherwise. */
static const struct { const char *usgs, *mineral; } commodity_aliases[] = {
  { "aluminum", "aluminium" },
  { "bauxite and alumina", "bauxite" },
  { "chromium", "chromite" },
  { "iron and steel", "steel" },
  { "iron and steel scrap", "steel-scrap" },
  { "diamond", "diamonds" },
  { "platinum group metals", "platinum" },
  { "sulfur", "sulphur" },
  { "titanium mineral concentrates", "titanium" },
  { "zirconium and hafnium", "zirconium" },
  { "niobium", "niobium-tantalum" },
  { "columbium", "niobium-tantalum" },
  { "tantalum", "niobium-tantalum" },
  { "feldspar and nepheline syenite", "feldspar" },
  { "magnesium compounds", "magnesite" },
  { "magnesium metal", "magnesium" },
  { "talc and pyrophyllite", "talc" },
  { "pumice and pumicite", "pumice" },
  { "stone", "aggregates" },
  { "sand and gravel", "aggregates" },
  { "rare earth", "rare-earths" },
  /* Abbreviations of the per-commodity file names: mcs2020-feore_world.csv */
  { "feore", "iron-ore" },
  { "raree", "rare-earths" },
  { "coppe", "copper" },
  { "alumi", "aluminium" },
  { "bauxi", "bauxite" },
  { "chrom", "chromite" },
  { "gypsu", "gypsum" },
  { "plati", "platinum" },
  { "titan", "titanium" },
  { "zirco", "zirconium" },
  { "phosp", "phosphate-rock" },
  { "cemen", "cement" },
  { "silve", "silver" },
  { "nicke", "nickel" },
  { "cobal", "cobalt" },
  { "manga", "manganese" },
  { "molyb", "molybdenum" },
  { "tungs", "tungsten" },
  { "graph", "graphite" },
  { "fluor", "fluorspar" },
  { "barit", "barite" },
  { "lithi", "lithium" },
  { "antim", "antimony" },
  { "bismu", "bismuth" },
  { "magne", "magnesite" },
  { "feldsp", "feldspar" },
};

/* @text as a mineral id: lowercase, words joined by hyphens, without what
 * is in parentheses or after a comma ("Graphite (natural)" → "graphite",
 * "Iron ore" → "iron-ore"). */
static char *
commodity_slug (const char *text)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = text; *p != '\0' && *p != ','; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0 && g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (depth == 0 && out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static gboolean
table_has_mineral (const char *id)
{
  g_auto(GStrv) codes = lode_hs_commodity_codes (id);

  return codes[0] != NULL;
}

/* The mineral of a commodity: the portfolio's mineral of that name or id,
 * else the HS table's commodity (added to the plan with its first
 * reserve). NULL when none. */
static const char *
map_commodity (UsgsReader *self,
               const char *text)
{
  const char *cached = g_hash_table_lookup (self->minerals, text);
  g_autofree char *slug = NULL;
  g_autofree char *words = NULL;
  GPtrArray *minerals;
  const char *id = NULL;

  if (cached != NULL)
    return cached[0] != '\0' ? cached : NULL;

  slug = commodity_slug (text);
  words = g_strdelimit (g_strdup (slug), "-", ' ');
  for (guint i = 0; i < G_N_ELEMENTS (commodity_aliases); i++)
    if (strcmp (words, commodity_aliases[i].usgs) == 0)
      {
        g_free (slug);
        slug = g_strdup (commodity_aliases[i].mineral);
        break;
      }

  /* The portfolio's mineral of that id or name ("Copper" for "cu"). */
  minerals = _lode_import_context_get_minerals (self->ctx);
  for (guint i = 0; minerals != NULL && i < minerals->len && id == NULL; i++)
    {
      LodeMineral *mineral = minerals->pdata[i];
      g_autofree char *name_slug = commodity_slug (lode_mineral_get_name (mineral));

      if (strcmp (lode_mineral_get_id (mineral), slug) == 0 || strcmp (name_slug, slug) == 0)
        id = lode_mineral_get_id (mineral);
    }

  if (id == NULL && _lode_import_context_find_mineral (self->ctx, slug) != NULL)
    id = slug;
  /* "Copper" and "copper" alike; a plural USGS writes, the singular the
   * table has ("Rare earths" is in the table as it is). */
  if (id == NULL && slug[0] != '\0' && table_has_mineral (slug))
    id = slug;
  if (id == NULL && g_str_has_suffix (slug, "s"))
    {
      slug[strlen (slug) - 1] = '\0';
      if (table_has_mineral (slug) || _lode_import_context_find_mineral (self->ctx, slug) != NULL)
        id = slug;
    }

  cached = g_strdup (id != NULL ? id : "");
  g_hash_table_insert (self->minerals, g_strdup (text), (char *) cached);
  return cached[0] != '\0' ? cached : NULL;
}

/* Sources */

/* The source "USGS Mineral Commodity Summaries @edition": the portfolio's
 * when it has one of that id, else one added to the plan. */
static const char *
source_for (UsgsReader *self,
            int         edition)
{
  char *id = g_hash_table_lookup (self->sources, GINT_TO_POINTER (edition));
  g_autofree char *title = NULL;
  LodeSource *source;

  if (id != NULL)
    return id;

  id = g_strdup_printf ("usgs-mcs-%d", edition);
  g_hash_table_insert (self->sources, GINT_TO_POINTER (edition), id);
  if (_lode_import_context_has_source (self->ctx, id))
    return id;

  title = g_strdup_printf ("USGS Mineral Commodity Summaries %d", edition);
  source = lode_source_new (id, title);
  lode_source_set_publisher (source, USGS_PUBLISHER);
  lode_source_set_url (source, USGS_URL);
  _lode_import_context_add_item (self->ctx, G_OBJECT (source), NULL);

  return id;
}

/* Rows */

static const char *
cell_at (const char * const *cells,
         guint               n_cells,
         int                 index)
{
  return index >= 0 && (guint) index < n_cells ? cells[index] : "";
}

static gboolean
is_blank_row (const char * const *cells,
              guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    for (const char *p = cells[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;

  return TRUE;
}

/* TRUE when the mineral @id already has this estimate. */
static gboolean
reserve_present (UsgsReader  *self,
                 const char  *id,
                 LodeReserve *reserve)
{
  LodeMineral *mineral = _lode_import_context_find_mineral (self->ctx, id);
  GListModel *reserves;

  if (mineral == NULL)
    return FALSE;

  reserves = lode_mineral_get_reserves (mineral);
  for (guint i = 0; i < g_list_model_get_n_items (reserves); i++)
    {
      g_autoptr(LodeReserve) other = g_list_model_get_item (reserves, i);

      if (lode_reserve_get_year (other) == lode_reserve_get_year (reserve)
          && lode_reserve_get_unit (other) == lode_reserve_get_unit (reserve)
          && lode_reserve_get_quantity (other) == lode_reserve_get_quantity (reserve)
          && g_strcmp0 (lode_reserve_get_source (other), lode_reserve_get_source (reserve)) == 0)
        return TRUE;
    }

  return FALSE;
}

/* TRUE when the portfolio already has this production figure, as an
 * earlier import of the same file made it. */
static gboolean
production_present (UsgsReader     *self,
                    LodeProduction *production)
{
  GPtrArray *present = _lode_import_context_get_production (self->ctx);

  for (guint i = 0; i < present->len; i++)
    {
      LodeProduction *other = g_ptr_array_index (present, i);

      if (g_strcmp0 (lode_production_get_mineral (other), lode_production_get_mineral (production)) == 0
          && lode_production_get_project (other) == NULL
          && lode_production_get_year (other) == lode_production_get_year (production)
          && lode_production_get_unit (other) == lode_production_get_unit (production)
          && lode_production_get_quantity (other) == lode_production_get_quantity (production)
          && g_strcmp0 (lode_production_get_source (other), lode_production_get_source (production)) == 0
          && g_strcmp0 (lode_production_get_note (other), lode_production_get_note (production)) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A figure of mine production of @mineral in one year's column. Only mine
 * production is kept: smelter and refinery output of the same metal would
 * count it twice, so such rows are skipped, saying why. */
static void
read_production (UsgsReader   *self,
                 const char   *mineral,
                 const char   *type,
                 const Column *column,
                 const char   *cell,
                 const char   *unit_text,
                 int           edition,
                 guint64       line)
{
  g_autoptr(LodeProduction) production = NULL;
  const char *reason = NULL;
  double value = 0, factor;
  LodeUnit unit;

  switch (parse_figure (cell, &value, &reason))
    {
    case FIGURE_NONE:
      return;
    case FIGURE_WITHHELD:
      _lode_import_context_skip (self->ctx, line, reason);
      return;
    case FIGURE_NUMBER:
    default:
      break;
    }

  if (type != NULL && type[0] != '\0' && g_ascii_strncasecmp (type, "mine production", 15) != 0)
    {
      _lode_import_context_skip (self->ctx, line, _("Not mine production (smelter, refinery or other output)"));
      return;
    }
  if (column->year < LODE_YEAR_MIN || column->year > LODE_YEAR_MAX)
    {
      _lode_import_context_skip (self->ctx, line, _("Production of no known year"));
      return;
    }
  if (!parse_unit (unit_text, &unit, &factor))
    {
      _lode_import_context_skip (self->ctx, line, _("A unit Lode does not have"));
      return;
    }

  production = lode_production_new (mineral, column->year, value * factor, unit);
  lode_production_set_source (production, source_for (self, edition != 0 ? edition : column->year + 1));
  if (type != NULL && type[0] != '\0')
    lode_production_set_note (production, type);

  if (production_present (self, production))
    _lode_import_context_skip (self->ctx, line, _("Already in the portfolio"));
  else if (!_lode_import_context_ensure_mineral (self->ctx, mineral))
    _lode_import_context_skip (self->ctx, line, _("A commodity that is no mineral Lode knows"));
  else
    _lode_import_context_add_item (self->ctx, G_OBJECT (production), NULL);
}

static void
read_row (UsgsReader         *self,
          const char * const *cells,
          guint               n_cells,
          guint64             line)
{
  const char *country_cell = cell_at (cells, n_cells, self->country_col);
  const char *commodity = self->commodity_col >= 0 ? cell_at (cells, n_cells, self->commodity_col)
                                                   : self->file_commodity;
  const char *type = cell_at (cells, n_cells, self->type_col);
  const char *code, *mineral;
  int edition;

  if (is_blank_row (cells, n_cells))
    return;

  if (is_world_total (country_cell))
    {
      _lode_import_context_skip (self->ctx, line, _("A total of several countries, not a country"));
      return;
    }
  code = country_code (country_cell);
  if (code == NULL || g_ascii_strcasecmp (code, self->country) != 0)
    {
      _lode_import_context_skip (self->ctx, line, _("Another country than the portfolio’s"));
      return;
    }

  mineral = commodity != NULL && commodity[0] != '\0' ? map_commodity (self, commodity) : NULL;
  if (mineral == NULL)
    {
      _lode_import_context_skip (self->ctx, line, _("A commodity that is no mineral Lode knows"));
      return;
    }

  edition = year_in (cell_at (cells, n_cells, self->source_col));
  if (edition == 0)
    edition = self->file_edition;

  for (guint i = 0; i < self->columns->len && i < n_cells; i++)
    {
      const Column *column = &g_array_index (self->columns, Column, i);
      const char *unit_text = column->unit != NULL ? column->unit : cell_at (cells, n_cells, self->unit_col);
      const char *reason = NULL;
      g_autoptr(LodeReserve) reserve = NULL;
      LodeUnit unit;
      double value = 0, factor;
      int year;

      if (column->kind == COLUMN_PRODUCTION)
        {
          read_production (self, mineral, type, column, cells[i], unit_text, edition, line);
          continue;
        }
      if (column->kind != COLUMN_RESERVES)
        continue;

      switch (parse_figure (cells[i], &value, &reason))
        {
        case FIGURE_NONE:
          continue;
        case FIGURE_WITHHELD:
          _lode_import_context_skip (self->ctx, line, reason);
          continue;
        case FIGURE_NUMBER:
        default:
          break;
        }

      if (!parse_unit (unit_text, &unit, &factor))
        {
          _lode_import_context_skip (self->ctx, line, _("A unit Lode does not have"));
          continue;
        }

      /* Reserves without a year are those of the latest production year,
       * published the year after. */
      year = column->year != 0 ? column->year : self->latest_year;
      if (year == 0)
        year = edition != 0 ? edition - 1 : 0;
      if (year == 0)
        {
          _lode_import_context_skip (self->ctx, line, _("Reserves of no known year"));
          continue;
        }

      reserve = lode_reserve_new (LODE_RESERVE_CATEGORY_UNSPECIFIED, value * factor, unit);
      lode_reserve_set_year (reserve, year);
      lode_reserve_set_source (reserve, source_for (self, edition != 0 ? edition : year + 1));

      if (reserve_present (self, mineral, reserve))
        _lode_import_context_skip (self->ctx, line, _("Already in the portfolio"));
      else if (!_lode_import_context_ensure_mineral (self->ctx, mineral))
        _lode_import_context_skip (self->ctx, line, _("A commodity that is no mineral Lode knows"));
      else
        _lode_import_context_add_reserve (self->ctx, mineral, g_steal_pointer (&reserve));
    }
}

/* The edition and commodity a per-commodity file's name gives:
 * "mcs2020-coppe_world.csv" → 2020, "coppe". */
static void
read_file_name (UsgsReader *self,
                const char *file_name)
{
  g_autofree char *lower = g_ascii_strdown (file_name, -1);
  char *p = strstr (lower, "mcs");
  char *end;

  if (p == NULL)
    return;
  self->file_edition = year_in (p);
  p += 3;
  while (g_ascii_isdigit (*p))
    p++;
  while (*p == '-' || *p == '_' || *p == ' ')
    p++;
  end = p;
  while (g_ascii_isalpha (*end))
    end++;
  if (end > p && strncmp (p, "world", end - p) != 0)
    self->file_commodity = g_strndup (p, end - p);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->unit);
}

gboolean
_lode_import_usgs_run (LodeImportContext  *ctx,
                       GFile              *file,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(LodeCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *file_name = _lode_import_context_get_file_name (ctx);
  UsgsReader self = { .ctx = ctx, .source_col = -1, .commodity_col = -1, .country_col = -1, .unit_col = -1,
                      .type_col = -1 };
  const char * const *cells;
  guint n_cells;
  guint64 n_rows = 0;
  gboolean ok = FALSE;

  reader = _lode_import_context_open_csv (ctx, file, &cells, &n_cells, error);
  if (reader == NULL)
    return FALSE;

  _lode_import_context_set_layout (ctx, LODE_IMPORT_LAYOUT_USGS_MCS);
  _lode_import_context_set_header (ctx, cells, n_cells);
  if (!_lode_import_usgs_detect (cells, n_cells))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s:1: The columns are not those of a USGS Mineral Commodity Summaries file "
                     "(COUNTRY, and RESERVES or production by year)"),
                   file_name);
      return FALSE;
    }

  self.country = _lode_import_context_get_country (ctx);
  self.columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self.columns, column_clear);
  self.minerals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.sources = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  read_file_name (&self, file_name);

  for (guint i = 0; i < n_cells; i++)
    {
      Column column = classify_column (cells[i]);

      switch (column.kind)
        {
        case COLUMN_SOURCE:    self.source_col = i; break;
        case COLUMN_COMMODITY: self.commodity_col = i; break;
        case COLUMN_COUNTRY:   self.country_col = i; break;
        case COLUMN_UNIT:      self.unit_col = i; break;
        case COLUMN_TYPE:      self.type_col = i; break;
        case COLUMN_PRODUCTION:
          self.latest_year = MAX (self.latest_year, column.year);
          break;
        case COLUMN_RESERVES:
        case COLUMN_OTHER:
        default:
          break;
        }
      g_array_append_val (self.columns, column);
    }

  if (self.commodity_col < 0 && self.file_commodity == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: No commodity: the file has no COMMODITY column, and its name does not "
                     "say one as USGS names its files (mcs2020-coppe_world.csv)"),
                   file_name);
      goto out;
    }

  while (lode_csv_reader_next (reader, &cells, &n_cells, &local_error))
    {
      _lode_import_context_add_sample (ctx, cells, n_cells);
      read_row (&self, cells, n_cells, lode_csv_reader_get_line (reader));

      if ((++n_rows & 0x3ff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          _lode_import_context_progress (ctx, lode_csv_reader_get_offset (reader),
                                         lode_csv_reader_get_size (reader));
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  _lode_import_context_set_encoding (ctx, lode_csv_reader_get_encoding (reader));
  _lode_import_context_progress (ctx, lode_csv_reader_get_size (reader), lode_csv_reader_get_size (reader));
  ok = TRUE;

out:
  g_array_unref (self.columns);
  g_hash_table_unref (self.minerals);
  g_hash_table_unref (self.sources);
  g_free (self.file_commodity);
  return ok;
}
