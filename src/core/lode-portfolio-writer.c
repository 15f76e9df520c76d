/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "lode-enum-types.h"
#include "lode-export-table-private.h"
#include "lode-file-utils.h"
#include "lode-json-writer.h"
#include "lode-json-writer-private.h"
#include "lode-portfolio-io.h"

/* Writing format v1
 *
 * A portfolio is written in two kinds of parts. The small lists (sources,
 * minerals, projects, targets) and the top-level members go through
 * LodeJsonWriter, on the thread that owns the portfolio: they take well
 * under a millisecond. The export records, up to millions of them, are
 * written from a frozen version of the table (lode-export-table-private.h)
 * straight into the output, in any thread: that is what makes a snapshot
 * cheap to take and the save fast. Both give exactly the bytes the
 * generic writer gives. */

/* Small lists, through LodeJsonWriter */

static void
write_string_member (LodeJsonWriter *writer,
                     const char     *name,
                     const char     *value)
{
  if (value == NULL)
    return;

  lode_json_writer_member (writer, name);
  lode_json_writer_string (writer, value);
}

static void
write_money_member (LodeJsonWriter *writer,
                    const char     *name,
                    LodeMoney       value)
{
  if (value == LODE_MONEY_UNSET)
    return;

  lode_json_writer_member (writer, name);
  lode_json_writer_money (writer, value);
}

static void
write_int_member (LodeJsonWriter *writer,
                  const char     *name,
                  gint64          value,
                  gint64          absent)
{
  if (value == absent)
    return;

  lode_json_writer_member (writer, name);
  lode_json_writer_int (writer, value);
}

static void
write_enum_member (LodeJsonWriter *writer,
                   const char     *name,
                   GType           enum_type,
                   int             value,
                   int             absent)
{
  if (value == absent)
    return;

  write_string_member (writer, name, lode_enum_to_nick (enum_type, value));
}

static void
write_quantity_members (LodeJsonWriter *writer,
                        double          quantity,
                        LodeUnit        unit)
{
  if (quantity >= 0)
    {
      lode_json_writer_member (writer, "quantity");
      lode_json_writer_double (writer, quantity);
    }
  write_enum_member (writer, "unit", LODE_TYPE_UNIT, unit, LODE_UNIT_NONE);
}

static void
write_strv_member (LodeJsonWriter     *writer,
                   const char         *name,
                   const char * const *values)
{
  if (values == NULL)
    return;

  lode_json_writer_member (writer, name);
  lode_json_writer_begin_array (writer);
  for (guint i = 0; values[i] != NULL; i++)
    lode_json_writer_string (writer, values[i]);
  lode_json_writer_end_array (writer);
}

typedef void (*WriteItemFunc) (LodeJsonWriter *writer,
                               gpointer        item);

/* Writes @list as the array member @member, each item an object whose
 * members @write_item writes. */
static void
write_list (LodeJsonWriter *writer,
            const char     *member,
            GListModel     *list,
            WriteItemFunc   write_item)
{
  guint n = g_list_model_get_n_items (list);

  lode_json_writer_member (writer, member);
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      lode_json_writer_begin_object (writer);
      write_item (writer, item);
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

static void
begin_object_member (LodeJsonWriter *writer,
                     const char     *member)
{
  lode_json_writer_member (writer, member);
  lode_json_writer_begin_object (writer);
}

/* Ends an object after the members Lode does not know, @extra. */
static void
end_object_after (LodeJsonWriter *writer,
                  JsonObject     *extra)
{
  lode_json_writer_members (writer, extra);
  lode_json_writer_end_object (writer);
}

static void
write_source (LodeJsonWriter *writer,
              gpointer        item)
{
  LodeSource *source = item;

  write_string_member (writer, "id", lode_source_get_id (source));
  write_string_member (writer, "title", lode_source_get_title (source));
  write_string_member (writer, "publisher", lode_source_get_publisher (source));
  write_string_member (writer, "date", lode_source_get_date (source));
  write_string_member (writer, "url", lode_source_get_url (source));
  lode_json_writer_members (writer, lode_source_get_extra (source));
}

static void
write_reserve (LodeJsonWriter *writer,
               gpointer        item)
{
  LodeReserve *reserve = item;

  write_enum_member (writer, "category", LODE_TYPE_RESERVE_CATEGORY,
                     lode_reserve_get_category (reserve), -1);
  write_quantity_members (writer, lode_reserve_get_quantity (reserve),
                          lode_reserve_get_unit (reserve));
  write_money_member (writer, "value_usd", lode_reserve_get_value (reserve));
  write_int_member (writer, "year", lode_reserve_get_year (reserve), 0);
  write_string_member (writer, "source", lode_reserve_get_source (reserve));
  lode_json_writer_members (writer, lode_reserve_get_extra (reserve));
}

static void
write_mineral (LodeJsonWriter *writer,
               gpointer        item)
{
  LodeMineral *mineral = item;

  write_string_member (writer, "id", lode_mineral_get_id (mineral));
  write_string_member (writer, "name", lode_mineral_get_name (mineral));
  write_string_member (writer, "symbol", lode_mineral_get_symbol (mineral));
  write_enum_member (writer, "group", LODE_TYPE_MINERAL_GROUP,
                     lode_mineral_get_group (mineral), -1);
  write_strv_member (writer, "hs_codes", lode_mineral_get_hs_codes (mineral));
  write_list (writer, "reserves", lode_mineral_get_reserves (mineral), write_reserve);
  lode_json_writer_members (writer, lode_mineral_get_extra (mineral));
}

static void
write_partner (LodeJsonWriter *writer,
               gpointer        item)
{
  LodePartner *partner = item;

  write_string_member (writer, "name", lode_partner_get_name (partner));
  write_string_member (writer, "country", lode_partner_get_country (partner));
  if (lode_partner_get_share (partner) >= 0)
    {
      lode_json_writer_member (writer, "share");
      lode_json_writer_double (writer, lode_partner_get_share (partner));
    }
  lode_json_writer_members (writer, lode_partner_get_extra (partner));
}

static void
write_project (LodeJsonWriter *writer,
               gpointer        item)
{
  LodeProject *project = item;
  LodeMoney committed = lode_project_get_committed (project);
  LodeMoney disbursed = lode_project_get_disbursed (project);
  JsonObject *investment_extra = lode_project_get_investment_extra (project);
  GListModel *partners = lode_project_get_partners (project);

  write_string_member (writer, "id", lode_project_get_id (project));
  write_string_member (writer, "name", lode_project_get_name (project));
  write_strv_member (writer, "minerals", lode_project_get_minerals (project));
  write_string_member (writer, "region", lode_project_get_region (project));
  write_string_member (writer, "operator", lode_project_get_operator (project));
  write_enum_member (writer, "status", LODE_TYPE_PROJECT_STATUS,
                     lode_project_get_status (project), LODE_PROJECT_STATUS_UNKNOWN);
  if (g_list_model_get_n_items (partners) > 0)
    write_list (writer, "partners", partners, write_partner);
  if (committed != LODE_MONEY_UNSET || disbursed != LODE_MONEY_UNSET || investment_extra != NULL)
    {
      begin_object_member (writer, "investment_usd");
      write_money_member (writer, "committed", committed);
      write_money_member (writer, "disbursed", disbursed);
      end_object_after (writer, investment_extra);
    }
  write_int_member (writer, "start_year", lode_project_get_start_year (project), 0);
  write_int_member (writer, "jobs", lode_project_get_jobs (project), -1);
  write_string_member (writer, "source", lode_project_get_source (project));
  lode_json_writer_members (writer, lode_project_get_extra (project));
}

static void
write_target (LodeJsonWriter *writer,
              gpointer        item)
{
  LodeTarget *target = item;
  LodeMoney low = lode_target_get_target_low (target);
  LodeMoney high = lode_target_get_target_high (target);
  const char *investment = NULL;

  /* Commitments, the default, go unsaid: a target of a file of before
   * reads back as it was written. */
  if (lode_target_get_metric_kind (target) == LODE_METRIC_KIND_INVESTMENT
      && lode_target_get_metric_investment (target) != LODE_INVESTMENT_KIND_COMMITTED)
    investment = lode_enum_to_nick (LODE_TYPE_INVESTMENT_KIND,
                                    lode_target_get_metric_investment (target));

  write_string_member (writer, "id", lode_target_get_id (target));
  write_string_member (writer, "title", lode_target_get_title (target));

  begin_object_member (writer, "metric");
  write_enum_member (writer, "kind", LODE_TYPE_METRIC_KIND, lode_target_get_metric_kind (target), -1);
  write_string_member (writer, "mineral", lode_target_get_metric_mineral (target));
  write_string_member (writer, "destination", lode_target_get_metric_destination (target));

  write_string_member (writer, "investment", investment);
  write_string_member (writer, "investor_country",
                       lode_target_get_metric_investor_country (target));
  end_object_after (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_METRIC));

  /* Only a target on investment may go without a baseline. */
  if (lode_target_get_baseline_year (target) != 0
      || lode_target_get_baseline_value (target) != LODE_MONEY_UNSET
      || lode_target_get_extra (target, LODE_TARGET_EXTRA_BASELINE) != NULL
      || lode_target_get_metric_kind (target) != LODE_METRIC_KIND_INVESTMENT)
    {
      begin_object_member (writer, "baseline");
      write_int_member (writer, "year", lode_target_get_baseline_year (target), 0);
      write_money_member (writer, "value_usd", lode_target_get_baseline_value (target));
      end_object_after (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_BASELINE));
    }

  begin_object_member (writer, "target");
  write_int_member (writer, "year", lode_target_get_target_year (target), 0);
  write_money_member (writer, "low_usd", low);
  if (high != low)
    write_money_member (writer, "high_usd", high);
  end_object_after (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_TARGET));

  write_string_member (writer, "source", lode_target_get_source (target));
  write_enum_member (writer, "period", LODE_TYPE_PERIOD_KIND, lode_target_get_period (target),
                     LODE_PERIOD_KIND_UNKNOWN);
  lode_json_writer_members (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_SELF));
}

static void
write_investment (LodeJsonWriter *writer,
                  gpointer        item)
{
  LodeInvestment *investment = item;

  write_string_member (writer, "project", lode_investment_get_project (investment));
  write_string_member (writer, "investor", lode_investment_get_investor (investment));
  write_string_member (writer, "investor_country",
                       lode_investment_get_investor_country (investment));
  write_enum_member (writer, "kind", LODE_TYPE_INVESTMENT_KIND,
                     lode_investment_get_kind (investment), LODE_INVESTMENT_KIND_UNKNOWN);
  write_money_member (writer, "value_usd", lode_investment_get_value (investment));
  if (lode_investment_get_original_currency (investment) != NULL)
    {
      write_money_member (writer, "original_amount", lode_investment_get_original_amount (investment));
      write_string_member (writer, "original_currency",
                           lode_investment_get_original_currency (investment));
    }
  write_string_member (writer, "date", lode_investment_get_date (investment));
  write_strv_member (writer, "minerals", lode_investment_get_minerals (investment));
  write_string_member (writer, "source", lode_investment_get_source (investment));
  write_string_member (writer, "note", lode_investment_get_note (investment));
  lode_json_writer_members (writer, lode_investment_get_extra (investment));
}

static void
write_production (LodeJsonWriter *writer,
                  gpointer        item)
{
  LodeProduction *production = item;

  write_string_member (writer, "mineral", lode_production_get_mineral (production));
  write_string_member (writer, "project", lode_production_get_project (production));
  write_int_member (writer, "year", lode_production_get_year (production), 0);
  write_quantity_members (writer, lode_production_get_quantity (production),
                          lode_production_get_unit (production));
  write_string_member (writer, "source", lode_production_get_source (production));
  write_string_member (writer, "note", lode_production_get_note (production));
  lode_json_writer_members (writer, lode_production_get_extra (production));
}

static void
write_national_figure (LodeJsonWriter *writer,
                       gpointer        item)
{
  LodeNationalFigure *figure = item;
  double change = lode_national_figure_get_change (figure);

  write_enum_member (writer, "kind", LODE_TYPE_FIGURE_KIND,
                     lode_national_figure_get_kind (figure), LODE_FIGURE_KIND_UNKNOWN);
  write_string_member (writer, "country", lode_national_figure_get_country (figure));
  write_int_member (writer, "year", lode_national_figure_get_year (figure), 0);
  write_money_member (writer, "value_usd", lode_national_figure_get_value (figure));
  if (change != LODE_CHANGE_UNSET)
    {
      lode_json_writer_member (writer, "change");
      lode_json_writer_double (writer, change);
    }
  write_string_member (writer, "note", lode_national_figure_get_note (figure));
  write_string_member (writer, "source", lode_national_figure_get_source (figure));
  lode_json_writer_members (writer, lode_national_figure_get_extra (figure));
}

static void
write_exchange_rate (LodeJsonWriter *writer,
                     gpointer        item)
{
  LodeExchangeRate *rate = item;
  g_autofree char *text = lode_rate_to_string (lode_exchange_rate_get_rate (rate));

  write_string_member (writer, "currency", lode_exchange_rate_get_currency (rate));
  write_int_member (writer, "year", lode_exchange_rate_get_year (rate), 0);
  write_int_member (writer, "month", lode_exchange_rate_get_month (rate), 0);
  write_enum_member (writer, "period", LODE_TYPE_PERIOD_KIND, lode_exchange_rate_get_period (rate),
                     LODE_PERIOD_KIND_UNKNOWN);
  write_string_member (writer, "units_per_usd", text);
  write_string_member (writer, "source", lode_exchange_rate_get_source (rate));
  write_string_member (writer, "note", lode_exchange_rate_get_note (rate));
  lode_json_writer_members (writer, lode_exchange_rate_get_extra (rate));
}

/* The lists added within format v1 are written only when they hold
 * something, so that a file of before saves to the same bytes. */
static void
write_optional_list (LodeJsonWriter *writer,
                     const char     *member,
                     GListModel     *list,
                     WriteItemFunc   write_item)
{
  if (g_list_model_get_n_items (list) > 0)
    write_list (writer, member, list, write_item);
}

/* Export records
 *
 * A record is written member by member into the GString's buffer, room
 * for the whole record reserved once: each member's separator, indent and
 * name is one literal, and each string (an id into the table's interned
 * strings) and each nick is quoted once per write, not once per record.
 * The generic writer is used only for unknown members. */

#define ROW_INDENT    "    "
#define MEMBER_INDENT "      "
#define MEMBER(name)  ",\n" MEMBER_INDENT "\"" name "\": "

/* Texts are padded to this many bytes, so that a short one is copied in
 * one fixed-size move. */
#define TEXT_PAD 32

/* A string or a nick as written, quotes included; NULL for absent. */
typedef struct
{
  char  *text;
  gsize  length;
} Text;

/* The texts of one write: of the strings by id, of the stages and units
 * by value. */
typedef struct
{
  Text  *strings;
  guint  n_strings;
  Text   stages[256];
  Text   units[256];
  gsize  longest;    /* of any string */
} Texts;

static void
text_set (Text       *text,
          const char *value)
{
  g_autoptr(GString) quoted = NULL;

  if (value == NULL)
    return;

  quoted = g_string_new (NULL);
  lode_json_append_string (quoted, value);
  text->length = quoted->len;
  /* Readable for TEXT_PAD bytes past its start, whatever its length. */
  if (quoted->len < TEXT_PAD)
    {
      gsize length = quoted->len;

      g_string_set_size (quoted, TEXT_PAD);
      memset (quoted->str + length, 0, TEXT_PAD - length);
    }
  text->text = g_string_free (g_steal_pointer (&quoted), FALSE);
}

static Texts *
texts_new (const LodeExportTableVersion *exports)
{
  Texts *texts = g_new0 (Texts, 1);

  texts->n_strings = _lode_export_table_version_get_n_strings (exports);
  texts->strings = g_new0 (Text, texts->n_strings);
  for (guint id = 0; id < texts->n_strings; id++)
    {
      text_set (&texts->strings[id], _lode_export_table_version_get_string (exports, id));
      texts->longest = MAX (texts->longest, texts->strings[id].length);
    }

  for (guint i = 0; i < 256; i++)
    {
      if (i != LODE_STAGE_UNKNOWN)
        text_set (&texts->stages[i], lode_enum_to_nick (LODE_TYPE_STAGE, i));
      if (i != LODE_UNIT_NONE)
        text_set (&texts->units[i], lode_enum_to_nick (LODE_TYPE_UNIT, i));
    }

  return texts;
}

static void
texts_free (Texts *texts)
{
  for (guint id = 0; id < texts->n_strings; id++)
    g_free (texts->strings[id].text);
  for (guint i = 0; i < 256; i++)
    {
      g_free (texts->stages[i].text);
      g_free (texts->units[i].text);
    }
  g_free (texts->strings);
  g_free (texts);
}

static inline void
commit (GString *out,
        char    *end)
{
  out->len = end - out->str;
  *end = '\0';
}

#define PUT_LITERAL(p, literal) \
  (memcpy ((p), (literal), sizeof (literal) - 1), (p) + sizeof (literal) - 1)

static inline char *
put_text (char       *p,
          const Text *text)
{
  if (G_LIKELY (text->length <= TEXT_PAD))
    memcpy (p, text->text, TEXT_PAD);
  else
    memcpy (p, text->text, text->length);

  return p + text->length;
}

static const char digit_pairs[] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

/* Digits of @value, two at a time; writes 20 bytes, of which the digits
 * are the first. */
static inline char *
put_uint (char    *p,
          guint64  value)
{
  /* The digits end in the middle, so that 20 bytes from the first digit
   * are always inside. */
  char buf[40] = { 0, };
  char *end = buf + 20;
  char *q = end;

  while (value >= 100)
    {
      q -= 2;
      memcpy (q, digit_pairs + (value % 100) * 2, 2);
      value /= 100;
    }
  if (value >= 10)
    {
      q -= 2;
      memcpy (q, digit_pairs + value * 2, 2);
    }
  else
    {
      *--q = (char) ('0' + value);
    }

  memcpy (p, q, 20);   /* fixed size; the room is reserved */

  return p + (end - q);
}

static inline char *
put_int (char   *p,
         gint64  value)
{
  if (value < 0)
    {
      *p++ = '-';
      return put_uint (p, - (guint64) value);
    }

  return put_uint (p, value);
}

/* As lode_money_append_json(): "1140000000.25", "12.5", "12". Amounts in
 * the table are never negative. */
static inline char *
put_money (char      *p,
           LodeMoney  cents)
{
  guint fraction;

  g_assert (cents >= 0);

  p = put_uint (p, (guint64) cents / 100);
  fraction = (guint64) cents % 100;
  if (fraction != 0)
    {
      *p++ = '.';
      *p++ = digit_pairs[fraction * 2];
      if (fraction % 10 != 0)
        *p++ = digit_pairs[fraction * 2 + 1];
    }

  return p;
}

static void
write_export_row (GString                *out,
                  LodeJsonWriter         *writer,
                  const Texts            *texts,
                  const LodeExportRawRow *row,
                  JsonObject             *extra,
                  gboolean                first)
{
  const Text *stage = &texts->stages[(guint8) row->stage];
  const Text *unit = &texts->units[(guint8) row->unit];
  char *p;

  g_assert (row->mineral != 0);

  /* The names, numbers and nicks take less than 400 bytes; each of the
   * four strings at most the longest. */
  p = _lode_json_reserve (out, 400 + 4 * MAX (texts->longest, TEXT_PAD));

  if (first)
    p = PUT_LITERAL (p, "\n" ROW_INDENT "{\n" MEMBER_INDENT "\"mineral\": ");
  else
    p = PUT_LITERAL (p, ",\n" ROW_INDENT "{\n" MEMBER_INDENT "\"mineral\": ");
  p = put_text (p, &texts->strings[row->mineral]);

  if (row->year != 0)
    {
      p = PUT_LITERAL (p, MEMBER ("year"));
      p = put_int (p, row->year);
    }
  if (row->month != 0)
    {
      p = PUT_LITERAL (p, MEMBER ("month"));
      p = put_int (p, row->month);
    }
  if (row->period == LODE_PERIOD_KIND_CALENDAR_YEAR)
    p = PUT_LITERAL (p, MEMBER ("period") "\"calendar_year\"");
  else if (row->period == LODE_PERIOD_KIND_FISCAL_YEAR)
    p = PUT_LITERAL (p, MEMBER ("period") "\"fiscal_year\"");
  if (row->destination != 0)
    {
      p = PUT_LITERAL (p, MEMBER ("destination"));
      p = put_text (p, &texts->strings[row->destination]);
    }
  if (row->hs_code != 0)
    {
      p = PUT_LITERAL (p, MEMBER ("hs_code"));
      p = put_text (p, &texts->strings[row->hs_code]);
    }
  if (stage->text != NULL && row->stage == (guint8) row->stage)
    {
      p = PUT_LITERAL (p, MEMBER ("stage"));
      p = put_text (p, stage);
    }
  if (row->quantity >= 0)
    {
      p = PUT_LITERAL (p, MEMBER ("quantity"));
      commit (out, p);
      lode_json_append_double (out, row->quantity);
      p = _lode_json_reserve (out, 400 + 4 * MAX (texts->longest, TEXT_PAD));
    }
  if (unit->text != NULL && row->unit == (guint8) row->unit)
    {
      p = PUT_LITERAL (p, MEMBER ("unit"));
      p = put_text (p, unit);
    }
  if (row->value != LODE_MONEY_UNSET)
    {
      p = PUT_LITERAL (p, MEMBER ("value_usd"));
      p = put_money (p, row->value);
    }
  if (row->original_currency != 0)
    {
      p = PUT_LITERAL (p, MEMBER ("original_amount"));
      p = put_money (p, row->original_amount);
      p = PUT_LITERAL (p, MEMBER ("original_currency"));
      p = put_text (p, &texts->strings[row->original_currency]);
    }
  if (row->source != 0)
    {
      p = PUT_LITERAL (p, MEMBER ("source"));
      p = put_text (p, &texts->strings[row->source]);
    }

  if (extra != NULL)
    {
      commit (out, p);
      /* The row object is at depth 3 and holds at least its mineral. */
      lode_json_writer_enter_object (writer, 3, 1);
      lode_json_writer_members (writer, extra);
      p = _lode_json_reserve (out, 8);
    }

  p = PUT_LITERAL (p, "\n" ROW_INDENT "}");
  commit (out, p);
}

/* Snapshots
 *
 * The text before and after the export records is made when the snapshot
 * is taken; the records are a frozen version of the table, written out
 * when the bytes are asked for. */

struct _LodePortfolioSnapshot
{
  GThread                *thread;   /* the one that took it */
  GMainContext           *context;  /* where it is released from other threads */
  GBytes                 *head;     /* up to "exports": */
  GBytes                 *tail;     /* after the records' array */
  LodeExportTableVersion *exports;
  gboolean                detached;
};

/* Writes the document from a snapshot a part at a time: the text before
 * the records, the records, the text after them. Any thread. */
typedef enum
{
  PART_HEAD,
  PART_RECORDS,
  PART_TAIL,
  PART_DONE,
} Part;

typedef struct
{
  LodePortfolioSnapshot *snapshot;
  Part                   part;
  guint                  next_row;
  guint                  n_rows;
  guint                 *extra_rows;  /* the rows with unknown members, in order */
  guint                  n_extra_rows;
  guint                  next_extra;
  LodeJsonWriter        *writer;    /* for unknown members */
  Texts                 *texts;
  GString               *out;
} SnapshotWriter;

static void
snapshot_writer_init (SnapshotWriter        *self,
                      LodePortfolioSnapshot *snapshot,
                      GString               *out)
{
  memset (self, 0, sizeof *self);
  self->snapshot = snapshot;
  self->part = PART_HEAD;
  self->out = out;
  self->writer = lode_json_writer_new (out);
}

static void
snapshot_writer_clear (SnapshotWriter *self)
{
  g_clear_pointer (&self->writer, lode_json_writer_free);
  g_clear_pointer (&self->texts, texts_free);
  g_clear_pointer (&self->extra_rows, g_free);
}

/* Appends the next parts of the document to the output until it holds
 * @limit bytes or more, or the document is whole; returns FALSE when it
 * already was. */
static gboolean
snapshot_writer_fill (SnapshotWriter *self,
                      gsize           limit)
{
  GString *out = self->out;
  const LodeExportTableVersion *exports = self->snapshot->exports;
  gsize length;
  const char *data;

  if (self->part == PART_DONE)
    return FALSE;

  while (out->len < limit && self->part != PART_DONE)
    {
      switch (self->part)
        {
        case PART_HEAD:
          data = g_bytes_get_data (self->snapshot->head, &length);
          g_string_append_len (out, data, length);
          self->n_rows = _lode_export_table_version_get_n_rows (exports);
          self->extra_rows = _lode_export_table_version_get_extra_rows (exports, &self->n_extra_rows);
          self->texts = texts_new (exports);
          /* The records' array is at depth 1 and holds one object a line. */
          if (self->n_rows == 0)
            {
              g_string_append_len (out, "[]", 2);
              self->part = PART_TAIL;
            }
          else
            {
              g_string_append_c (out, '[');
              self->part = PART_RECORDS;
            }
          break;

        case PART_RECORDS:
          while (out->len < limit && self->next_row < self->n_rows)
            {
              guint i = self->next_row++;
              LodeExportRawRow row;
              JsonObject *extra = NULL;

              _lode_export_table_version_get_raw_row (exports, i, &row);
              if (self->next_extra < self->n_extra_rows && self->extra_rows[self->next_extra] == i)
                {
                  extra = _lode_export_table_version_get_extra (exports, i);
                  self->next_extra++;
                }

              write_export_row (out, self->writer, self->texts, &row, extra, i == 0);
            }
          if (self->next_row == self->n_rows)
            {
              g_string_append_len (out, "\n  ]", 4);
              self->part = PART_TAIL;
            }
          break;

        case PART_TAIL:
          data = g_bytes_get_data (self->snapshot->tail, &length);
          g_string_append_len (out, data, length);
          self->part = PART_DONE;
          break;

        case PART_DONE:
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

LodePortfolioSnapshot *
lode_portfolio_snapshot_new (LodePortfolio *self)
{
  LodePortfolioSnapshot *snapshot;
  LodeExportTable *exports;
  g_autoptr(LodeJsonWriter) writer = NULL;
  GString *out;
  gsize split;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  exports = lode_portfolio_get_exports (self);
  out = g_string_sized_new (4096);
  writer = lode_json_writer_new (out);

  lode_json_writer_begin_object (writer);
  write_string_member (writer, "format", LODE_PORTFOLIO_FORMAT);
  lode_json_writer_member (writer, "version");
  lode_json_writer_int (writer, LODE_PORTFOLIO_VERSION);
  write_string_member (writer, "title", lode_portfolio_get_title (self));
  write_string_member (writer, "description", lode_portfolio_get_description (self));
  write_string_member (writer, "currency", lode_portfolio_get_currency (self));
  write_string_member (writer, "country", lode_portfolio_get_country (self));
  /* Only when set, so that a file that does not say saves as it was. */
  if (lode_portfolio_has_fiscal_year_start (self))
    write_int_member (writer, "fiscal_year_start", lode_portfolio_get_fiscal_year_start (self), 0);
  write_list (writer, "sources", G_LIST_MODEL (lode_portfolio_get_sources (self)), write_source);
  write_list (writer, "minerals", G_LIST_MODEL (lode_portfolio_get_minerals (self)), write_mineral);
  /* The records go where this empty array is. */
  lode_json_writer_member (writer, "exports");
  split = out->len;
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);
  write_list (writer, "projects", G_LIST_MODEL (lode_portfolio_get_projects (self)), write_project);
  write_list (writer, "targets", G_LIST_MODEL (lode_portfolio_get_targets (self)), write_target);
  write_optional_list (writer, "investments",
                       G_LIST_MODEL (lode_portfolio_get_investments (self)), write_investment);
  write_optional_list (writer, "production",
                       G_LIST_MODEL (lode_portfolio_get_production (self)), write_production);
  write_optional_list (writer, "national_figures",
                       G_LIST_MODEL (lode_portfolio_get_national_figures (self)),
                       write_national_figure);
  write_optional_list (writer, "exchange_rates",
                       G_LIST_MODEL (lode_portfolio_get_exchange_rates (self)),
                       write_exchange_rate);
  lode_json_writer_members (writer, lode_portfolio_get_extra (self));
  lode_json_writer_end_object (writer);
  g_string_append_c (out, '\n');

  snapshot = g_new0 (LodePortfolioSnapshot, 1);
  snapshot->thread = g_thread_self ();
  snapshot->context = g_main_context_ref_thread_default ();
  snapshot->head = g_bytes_new (out->str, split);
  snapshot->tail = g_bytes_new (out->str + split + 2, out->len - split - 2);
  snapshot->exports = _lode_export_table_freeze (exports);
  g_string_free (out, TRUE);

  return snapshot;
}

static gboolean
snapshot_release_cb (gpointer user_data)
{
  LodePortfolioSnapshot *snapshot = user_data;

  _lode_export_table_version_free (snapshot->exports);
  g_bytes_unref (snapshot->head);
  g_bytes_unref (snapshot->tail);
  g_main_context_unref (snapshot->context);
  g_free (snapshot);

  return G_SOURCE_REMOVE;
}

void
lode_portfolio_snapshot_free (LodePortfolioSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  /* The frozen table must be released where the portfolio changes (see
   * lode-export-table-private.h): from any other thread, the release is
   * handed to the main context of the thread that took the snapshot. */
  if (g_thread_self () == snapshot->thread)
    {
      snapshot_release_cb (snapshot);
    }
  else
    {
      /* Not g_main_context_invoke(): it runs the function right here when
       * no thread holds the context. */
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, snapshot_release_cb, snapshot, NULL);
      g_source_set_static_name (source, "[lode] release snapshot");
      g_source_attach (source, snapshot->context);
    }
}

/* In a worker, the records are first copied from the table, which then
 * holds its columns alone again: the edits made on the main thread while
 * the worker writes copy nothing. On the thread that took the snapshot,
 * nothing can change the table meanwhile. */
static void
snapshot_detach (LodePortfolioSnapshot *snapshot)
{
  if (g_thread_self () == snapshot->thread || snapshot->detached)
    return;

  _lode_export_table_version_detach (snapshot->exports);
  snapshot->detached = TRUE;
}

GBytes *
lode_portfolio_snapshot_to_bytes (LodePortfolioSnapshot *snapshot)
{
  SnapshotWriter writer;
  GString *out;
  gsize size;

  g_return_val_if_fail (snapshot != NULL, NULL);

  snapshot_detach (snapshot);

  /* Pretty-printed records take about 270 bytes each. */
  size = g_bytes_get_size (snapshot->head) + g_bytes_get_size (snapshot->tail)
         + (gsize) _lode_export_table_version_get_n_rows (snapshot->exports) * 300 + 64;
  out = g_string_sized_new (size);

  snapshot_writer_init (&writer, snapshot, out);
  snapshot_writer_fill (&writer, G_MAXSIZE);
  snapshot_writer_clear (&writer);

  return g_string_free_to_bytes (out);
}

/* A file is written a piece of about this size at a time. */
#define PIECE_SIZE ((gsize) 1 << 22)

static gboolean
next_piece (gpointer     user_data,
            const char **data,
            gsize       *length)
{
  SnapshotWriter *writer = user_data;

  g_string_truncate (writer->out, 0);
  if (!snapshot_writer_fill (writer, PIECE_SIZE))
    return FALSE;

  *data = writer->out->str;
  *length = writer->out->len;

  return TRUE;
}

gboolean
lode_portfolio_snapshot_save_file (LodePortfolioSnapshot *snapshot,
                                   GFile                 *file,
                                   gboolean               backup,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) out = NULL;
  SnapshotWriter writer;
  gboolean written;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Written a piece at a time, as it is made: the whole text is never in
   * memory, and the disk starts on the first pieces while the next are
   * made. */
  snapshot_detach (snapshot);
  out = g_string_sized_new (PIECE_SIZE + 4096);
  snapshot_writer_init (&writer, snapshot, out);
  written = lode_file_replace_contents_pieces (file, next_piece, &writer, backup, 0666,
                                               cancellable, &local_error);
  snapshot_writer_clear (&writer);

  if (!written)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code, "%s: could not save: %s",
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The portfolio itself, on its own thread */

GBytes *
lode_portfolio_to_bytes (LodePortfolio *self)
{
  g_autoptr(LodePortfolioSnapshot) snapshot = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  snapshot = lode_portfolio_snapshot_new (self);

  return lode_portfolio_snapshot_to_bytes (snapshot);
}

gboolean
lode_portfolio_save_file (LodePortfolio *self,
                          GFile         *file,
                          gboolean       backup,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(LodePortfolioSnapshot) snapshot = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snapshot = lode_portfolio_snapshot_new (self);

  return lode_portfolio_snapshot_save_file (snapshot, file, backup, cancellable, error);
}
