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

/* Small lists, through LodeJsonWriter
 *
 * Each kind of record is a table of its members, in the order they are
 * written: the getter of each and the value that leaves it out of the
 * file, the members Lode does not know last. One loop writes them all. */

typedef enum
{
  MEMBER_STRING,   /* const char *: left out when NULL */
  MEMBER_STRV,     /* const char * const *: left out when NULL */
  MEMBER_INT,      /* int: left out when @absent */
  MEMBER_INT64,    /* gint64: left out when @absent */
  MEMBER_ENUM,     /* a value of @enum_type, an int, written as its nick:
                    * left out when @absent */
  MEMBER_MONEY,    /* LodeMoney: left out when LODE_MONEY_UNSET */
  MEMBER_DOUBLE,   /* double: left out when less than @absent */
  MEMBER_RATE,     /* LodeRate, written as a string */
  MEMBER_LIST,     /* GListModel, an array of @record objects: left out
                    * when empty and @absent is TRUE */
  MEMBER_OBJECT,   /* an object of @record members of the item itself:
                    * left out when @get, if any, says it is absent */
  MEMBER_GROUP,    /* @record members of the item, in place: left out
                    * when @get says they are absent */
  MEMBER_EXTRA,    /* JsonObject: the members Lode does not know */
  MEMBER_TARGET_EXTRA, /* those of part @absent of a target, see
                        * lode_target_get_extra() */
} MemberType;

typedef struct _Record Record;

typedef struct
{
  const char    *name;
  MemberType     type;
  GCallback      get;     /* the value of the item; for an object or a
                           * group, gboolean (*) (item): is it present */
  gint64         absent;
  GType        (*enum_type) (void);
  const Record  *record;
} Member;

/* A kind of object: its members, in order. */
struct _Record
{
  const Member *members;
  guint         n_members;
};

#define STRING_MEMBER(name, getter) \
  { name, MEMBER_STRING, G_CALLBACK (getter), 0, NULL, NULL }
#define STRV_MEMBER(name, getter) \
  { name, MEMBER_STRV, G_CALLBACK (getter), 0, NULL, NULL }
#define INT_MEMBER(name, getter, absent) \
  { name, MEMBER_INT, G_CALLBACK (getter), absent, NULL, NULL }
#define INT64_MEMBER(name, getter, absent) \
  { name, MEMBER_INT64, G_CALLBACK (getter), absent, NULL, NULL }
#define ENUM_MEMBER(name, getter, enum_type, absent) \
  { name, MEMBER_ENUM, G_CALLBACK (getter), absent, enum_type, NULL }
#define MONEY_MEMBER(name, getter) \
  { name, MEMBER_MONEY, G_CALLBACK (getter), 0, NULL, NULL }
#define DOUBLE_MEMBER(name, getter, least) \
  { name, MEMBER_DOUBLE, G_CALLBACK (getter), least, NULL, NULL }
#define RATE_MEMBER(name, getter) \
  { name, MEMBER_RATE, G_CALLBACK (getter), 0, NULL, NULL }
#define LIST_MEMBER(name, getter, record) \
  { name, MEMBER_LIST, G_CALLBACK (getter), FALSE, NULL, record }
#define NONEMPTY_LIST_MEMBER(name, getter, record) \
  { name, MEMBER_LIST, G_CALLBACK (getter), TRUE, NULL, record }
#define OBJECT_MEMBER(name, present, record) \
  { name, MEMBER_OBJECT, G_CALLBACK (present), 0, NULL, record }
#define GROUP_MEMBER(present, record) \
  { NULL, MEMBER_GROUP, G_CALLBACK (present), 0, NULL, record }

#define EXTRA_MEMBERS(getter) \
  { NULL, MEMBER_EXTRA, G_CALLBACK (getter), 0, NULL, NULL }
#define TARGET_EXTRA_MEMBERS(part) \
  { NULL, MEMBER_TARGET_EXTRA, NULL, part, NULL, NULL }

#define RECORD(members) { members, G_N_ELEMENTS (members) }

static void write_list (LodeJsonWriter *writer,
                        const char     *member,
                        GListModel     *list,
                        const Record   *record);

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
write_members (LodeJsonWriter *writer,
               gpointer        item,
               const Record   *record)
{
  for (guint i = 0; i < record->n_members; i++)
    {
      const Member *member = &record->members[i];
      const char *name = member->name;
      gint64 number;
      double value;

      switch (member->type)
        {
        case MEMBER_STRING:
          write_string_member (writer, name, ((const char * (*) (gpointer)) member->get) (item));
          break;

        case MEMBER_STRV:
          {
            const char * const *values = ((const char * const * (*) (gpointer)) member->get) (item);

            if (values == NULL)
              break;
            lode_json_writer_member (writer, name);
            lode_json_writer_begin_array (writer);
            for (guint j = 0; values[j] != NULL; j++)
              lode_json_writer_string (writer, values[j]);
            lode_json_writer_end_array (writer);
          }
          break;

        case MEMBER_INT:
        case MEMBER_INT64:
          if (member->type == MEMBER_INT)
            number = ((int (*) (gpointer)) member->get) (item);
          else
            number = ((gint64 (*) (gpointer)) member->get) (item);
          if (number == member->absent)
            break;
          lode_json_writer_member (writer, name);
          lode_json_writer_int (writer, number);
          break;

        case MEMBER_ENUM:
          number = ((int (*) (gpointer)) member->get) (item);
          if (number != member->absent)
            write_string_member (writer, name, lode_enum_to_nick (member->enum_type (), (int) number));
          break;

        case MEMBER_MONEY:
          number = ((LodeMoney (*) (gpointer)) member->get) (item);
          if (number == LODE_MONEY_UNSET)
            break;
          lode_json_writer_member (writer, name);
          lode_json_writer_money (writer, number);
          break;

        case MEMBER_DOUBLE:
          value = ((double (*) (gpointer)) member->get) (item);
          if (value < member->absent)
            break;
          lode_json_writer_member (writer, name);
          lode_json_writer_double (writer, value);
          break;

        case MEMBER_RATE:
          {
            g_autofree char *text = lode_rate_to_string (((LodeRate (*) (gpointer)) member->get) (item));

            write_string_member (writer, name, text);
          }
          break;

        case MEMBER_LIST:
          {
            GListModel *list = ((GListModel * (*) (gpointer)) member->get) (item);

            if (!member->absent || g_list_model_get_n_items (list) > 0)
              write_list (writer, name, list, member->record);
          }
          break;

        case MEMBER_OBJECT:
          if (member->get != NULL && !((gboolean (*) (gpointer)) member->get) (item))
            break;
          lode_json_writer_member (writer, name);
          lode_json_writer_begin_object (writer);
          write_members (writer, item, member->record);
          lode_json_writer_end_object (writer);
          break;

        case MEMBER_GROUP:
          if (((gboolean (*) (gpointer)) member->get) (item))
            write_members (writer, item, member->record);
          break;

        case MEMBER_EXTRA:
          lode_json_writer_members (writer, ((JsonObject * (*) (gpointer)) member->get) (item));
          break;

        case MEMBER_TARGET_EXTRA:
          lode_json_writer_members (writer, lode_target_get_extra (item, (LodeTargetExtra) member->absent));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Writes @list as the array member @member, each item an object of the
 * kind @record. */
static void
write_list (LodeJsonWriter *writer,
            const char     *member,
            GListModel     *list,
            const Record   *record)
{
  guint n = g_list_model_get_n_items (list);

  lode_json_writer_member (writer, member);
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      lode_json_writer_begin_object (writer);
      write_members (writer, item, record);
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

/* The lists added within format v1 are written only when they hold
 * something, so that a file of before saves to the same bytes. */
static void
write_optional_list (LodeJsonWriter *writer,
                     const char     *member,
                     GListModel     *list,
                     const Record   *record)
{
  if (g_list_model_get_n_items (list) > 0)
    write_list (writer, member, list, record);
}

static const Member source_members[] = {
  STRING_MEMBER ("id", lode_source_get_id),
  STRING_MEMBER ("title", lode_source_get_title),
  STRING_MEMBER ("publisher", lode_source_get_publisher),
  STRING_MEMBER ("date", lode_source_get_date),
  STRING_MEMBER ("url", lode_source_get_url),
  EXTRA_MEMBERS (lode_source_get_extra),
};
static const Record source_record = RECORD (source_members);

static const Member reserve_members[] = {
  ENUM_MEMBER ("category", lode_reserve_get_category, lode_reserve_category_get_type, -1),
  DOUBLE_MEMBER ("quantity", lode_reserve_get_quantity, 0),
  ENUM_MEMBER ("unit", lode_reserve_get_unit, lode_unit_get_type, LODE_UNIT_NONE),
  MONEY_MEMBER ("value_usd", lode_reserve_get_value),
  INT_MEMBER ("year", lode_reserve_get_year, 0),
  STRING_MEMBER ("source", lode_reserve_get_source),
  EXTRA_MEMBERS (lode_reserve_get_extra),
};
static const Record reserve_record = RECORD (reserve_members);

static const Member mineral_members[] = {
  STRING_MEMBER ("id", lode_mineral_get_id),
  STRING_MEMBER ("name", lode_mineral_get_name),
  STRING_MEMBER ("symbol", lode_mineral_get_symbol),
  ENUM_MEMBER ("group", lode_mineral_get_group, lode_mineral_group_get_type, -1),
  STRV_MEMBER ("hs_codes", lode_mineral_get_hs_codes),
  LIST_MEMBER ("reserves", lode_mineral_get_reserves, &reserve_record),
  EXTRA_MEMBERS (lode_mineral_get_extra),
};
static const Record mineral_record = RECORD (mineral_members);

static const Member partner_members[] = {
  STRING_MEMBER ("name", lode_partner_get_name),
  STRING_MEMBER ("country", lode_partner_get_country),
  DOUBLE_MEMBER ("share", lode_partner_get_share, 0),
  EXTRA_MEMBERS (lode_partner_get_extra),
};
static const Record partner_record = RECORD (partner_members);

static gboolean
project_has_investment (LodeProject *project)
{
  return lode_project_get_committed (project) != LODE_MONEY_UNSET
         || lode_project_get_disbursed (project) != LODE_MONEY_UNSET
         || lode_project_get_investment_extra (project) != NULL;
}

static const Member project_investment_members[] = {
  MONEY_MEMBER ("committed", lode_project_get_committed),
  MONEY_MEMBER ("disbursed", lode_project_get_disbursed),
  EXTRA_MEMBERS (lode_project_get_investment_extra),
};
static const Record project_investment_record = RECORD (project_investment_members);

static const Member project_members[] = {
  STRING_MEMBER ("id", lode_project_get_id),
  STRING_MEMBER ("name", lode_project_get_name),
  STRV_MEMBER ("minerals", lode_project_get_minerals),
  STRING_MEMBER ("region", lode_project_get_region),
  STRING_MEMBER ("operator", lode_project_get_operator),
  ENUM_MEMBER ("status", lode_project_get_status, lode_project_status_get_type,
               LODE_PROJECT_STATUS_UNKNOWN),
  NONEMPTY_LIST_MEMBER ("partners", lode_project_get_partners, &partner_record),
  OBJECT_MEMBER ("investment_usd", project_has_investment, &project_investment_record),
  INT_MEMBER ("start_year", lode_project_get_start_year, 0),
  INT64_MEMBER ("jobs", lode_project_get_jobs, -1),
  STRING_MEMBER ("source", lode_project_get_source),
  EXTRA_MEMBERS (lode_project_get_extra),
};
static const Record project_record = RECORD (project_members);

/* Commitments, the default, go unsaid: a target of a file of before reads
 * back as it was written. */
static const char *
target_get_investment (LodeTarget *target)
{
  if (lode_target_get_metric_kind (target) != LODE_METRIC_KIND_INVESTMENT
      || lode_target_get_metric_investment (target) == LODE_INVESTMENT_KIND_COMMITTED)
    return NULL;

  return lode_enum_to_nick (LODE_TYPE_INVESTMENT_KIND, lode_target_get_metric_investment (target));
}

/* Only a target on investment may go without a baseline. */
static gboolean
target_has_baseline (LodeTarget *target)
{
  return lode_target_get_baseline_year (target) != 0
         || lode_target_get_baseline_value (target) != LODE_MONEY_UNSET
         || lode_target_get_extra (target, LODE_TARGET_EXTRA_BASELINE) != NULL
         || lode_target_get_metric_kind (target) != LODE_METRIC_KIND_INVESTMENT;
}

/* A range only when it is one. */
static LodeMoney
target_get_high_if_range (LodeTarget *target)
{
  LodeMoney high = lode_target_get_target_high (target);

  return high != lode_target_get_target_low (target) ? high : LODE_MONEY_UNSET;
}

static const Member target_metric_members[] = {
  ENUM_MEMBER ("kind", lode_target_get_metric_kind, lode_metric_kind_get_type, -1),
  STRING_MEMBER ("mineral", lode_target_get_metric_mineral),
  STRING_MEMBER ("destination", lode_target_get_metric_destination),
  STRING_MEMBER ("investment", target_get_investment),
  STRING_MEMBER ("investor_country", lode_target_get_metric_investor_country),
  TARGET_EXTRA_MEMBERS (LODE_TARGET_EXTRA_METRIC),
};
static const Record target_metric_record = RECORD (target_metric_members);

static const Member target_baseline_members[] = {
  INT_MEMBER ("year", lode_target_get_baseline_year, 0),
  MONEY_MEMBER ("value_usd", lode_target_get_baseline_value),
  TARGET_EXTRA_MEMBERS (LODE_TARGET_EXTRA_BASELINE),
};
static const Record target_baseline_record = RECORD (target_baseline_members);

static const Member target_goal_members[] = {
  INT_MEMBER ("year", lode_target_get_target_year, 0),
  MONEY_MEMBER ("low_usd", lode_target_get_target_low),
  MONEY_MEMBER ("high_usd", target_get_high_if_range),
  TARGET_EXTRA_MEMBERS (LODE_TARGET_EXTRA_TARGET),
};
static const Record target_goal_record = RECORD (target_goal_members);

static const Member target_members[] = {
  STRING_MEMBER ("id", lode_target_get_id),
  STRING_MEMBER ("title", lode_target_get_title),
  OBJECT_MEMBER ("metric", NULL, &target_metric_record),
  OBJECT_MEMBER ("baseline", target_has_baseline, &target_baseline_record),
  OBJECT_MEMBER ("target", NULL, &target_goal_record),
  STRING_MEMBER ("source", lode_target_get_source),
  ENUM_MEMBER ("period", lode_target_get_period, lode_period_kind_get_type,
               LODE_PERIOD_KIND_UNKNOWN),
  TARGET_EXTRA_MEMBERS (LODE_TARGET_EXTRA_SELF),
};
static const Record target_record = RECORD (target_members);

static gboolean
investment_has_original (LodeInvestment *investment)
{
  return lode_investment_get_original_currency (investment) != NULL;
}

static const Member investment_original_members[] = {
  MONEY_MEMBER ("original_amount", lode_investment_get_original_amount),
  STRING_MEMBER ("original_currency", lode_investment_get_original_currency),
};
static const Record investment_original_record = RECORD (investment_original_members);

static const Member investment_members[] = {
  STRING_MEMBER ("project", lode_investment_get_project),
  STRING_MEMBER ("investor", lode_investment_get_investor),
  STRING_MEMBER ("investor_country", lode_investment_get_investor_country),
  ENUM_MEMBER ("kind", lode_investment_get_kind, lode_investment_kind_get_type,
               LODE_INVESTMENT_KIND_UNKNOWN),
  MONEY_MEMBER ("value_usd", lode_investment_get_value),
  GROUP_MEMBER (investment_has_original, &investment_original_record),
  STRING_MEMBER ("date", lode_investment_get_date),
  STRV_MEMBER ("minerals", lode_investment_get_minerals),
  STRING_MEMBER ("source", lode_investment_get_source),
  STRING_MEMBER ("note", lode_investment_get_note),
  EXTRA_MEMBERS (lode_investment_get_extra),
};
static const Record investment_record = RECORD (investment_members);

static const Member production_members[] = {
  STRING_MEMBER ("mineral", lode_production_get_mineral),
  STRING_MEMBER ("project", lode_production_get_project),
  INT_MEMBER ("year", lode_production_get_year, 0),
  DOUBLE_MEMBER ("quantity", lode_production_get_quantity, 0),
  ENUM_MEMBER ("unit", lode_production_get_unit, lode_unit_get_type, LODE_UNIT_NONE),
  STRING_MEMBER ("source", lode_production_get_source),
  STRING_MEMBER ("note", lode_production_get_note),
  EXTRA_MEMBERS (lode_production_get_extra),
};
static const Record production_record = RECORD (production_members);

/* A change is -1 or more, LODE_CHANGE_UNSET (less) when not given. */
static const Member national_figure_members[] = {
  ENUM_MEMBER ("kind", lode_national_figure_get_kind, lode_figure_kind_get_type,
               LODE_FIGURE_KIND_UNKNOWN),
  STRING_MEMBER ("country", lode_national_figure_get_country),
  INT_MEMBER ("year", lode_national_figure_get_year, 0),
  MONEY_MEMBER ("value_usd", lode_national_figure_get_value),
  DOUBLE_MEMBER ("change", lode_national_figure_get_change, -1),
  STRING_MEMBER ("note", lode_national_figure_get_note),
  STRING_MEMBER ("source", lode_national_figure_get_source),
  EXTRA_MEMBERS (lode_national_figure_get_extra),
};
static const Record national_figure_record = RECORD (national_figure_members);

static const Member exchange_rate_members[] = {
  STRING_MEMBER ("currency", lode_exchange_rate_get_currency),
  INT_MEMBER ("year", lode_exchange_rate_get_year, 0),
  INT_MEMBER ("month", lode_exchange_rate_get_month, 0),
  ENUM_MEMBER ("period", lode_exchange_rate_get_period, lode_period_kind_get_type,
               LODE_PERIOD_KIND_UNKNOWN),
  RATE_MEMBER ("units_per_usd", lode_exchange_rate_get_rate),
  STRING_MEMBER ("source", lode_exchange_rate_get_source),
  STRING_MEMBER ("note", lode_exchange_rate_get_note),
  EXTRA_MEMBERS (lode_exchange_rate_get_extra),
};
static const Record exchange_rate_record = RECORD (exchange_rate_members);

/* Only when set, so that a file that does not say saves as it was. */
static int
portfolio_get_fiscal_year_start_if_set (LodePortfolio *portfolio)
{
  if (!lode_portfolio_has_fiscal_year_start (portfolio))
    return 0;

  return lode_portfolio_get_fiscal_year_start (portfolio);
}

/* The portfolio's own members before its lists; the members it does not
 * know are written last, after the lists. */
static const Member portfolio_head_members[] = {
  STRING_MEMBER ("title", lode_portfolio_get_title),
  STRING_MEMBER ("description", lode_portfolio_get_description),
  STRING_MEMBER ("currency", lode_portfolio_get_currency),
  STRING_MEMBER ("country", lode_portfolio_get_country),
  INT_MEMBER ("fiscal_year_start", portfolio_get_fiscal_year_start_if_set, 0),
};
static const Record portfolio_head_record = RECORD (portfolio_head_members);

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
/* The separator, indent and name of the member @name: its value follows. */
#define PUT_MEMBER(p, name) PUT_LITERAL (p, MEMBER (name))

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
    p = put_int (PUT_MEMBER (p, "year"), row->year);
  if (row->month != 0)
    p = put_int (PUT_MEMBER (p, "month"), row->month);
  if (row->period == LODE_PERIOD_KIND_CALENDAR_YEAR)
    p = PUT_LITERAL (p, MEMBER ("period") "\"calendar_year\"");
  else if (row->period == LODE_PERIOD_KIND_FISCAL_YEAR)
    p = PUT_LITERAL (p, MEMBER ("period") "\"fiscal_year\"");
  if (row->destination != 0)
    p = put_text (PUT_MEMBER (p, "destination"), &texts->strings[row->destination]);
  if (row->hs_code != 0)
    p = put_text (PUT_MEMBER (p, "hs_code"), &texts->strings[row->hs_code]);
  if (stage->text != NULL && row->stage == (guint8) row->stage)
    p = put_text (PUT_MEMBER (p, "stage"), stage);
  if (row->quantity >= 0)
    {
      commit (out, PUT_MEMBER (p, "quantity"));
      lode_json_append_double (out, row->quantity);
      p = _lode_json_reserve (out, 400 + 4 * MAX (texts->longest, TEXT_PAD));
    }
  if (unit->text != NULL && row->unit == (guint8) row->unit)
    p = put_text (PUT_MEMBER (p, "unit"), unit);
  if (row->value != LODE_MONEY_UNSET)
    p = put_money (PUT_MEMBER (p, "value_usd"), row->value);
  if (row->original_currency != 0)
    {
      p = put_money (PUT_MEMBER (p, "original_amount"), row->original_amount);
      p = put_text (PUT_MEMBER (p, "original_currency"), &texts->strings[row->original_currency]);
    }
  if (row->source != 0)
    p = put_text (PUT_MEMBER (p, "source"), &texts->strings[row->source]);

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
  write_members (writer, self, &portfolio_head_record);
  write_list (writer, "sources", G_LIST_MODEL (lode_portfolio_get_sources (self)), &source_record);
  write_list (writer, "minerals", G_LIST_MODEL (lode_portfolio_get_minerals (self)), &mineral_record);
  /* The records go where this empty array is. */
  lode_json_writer_member (writer, "exports");
  split = out->len;
  lode_json_writer_begin_array (writer);
  lode_json_writer_end_array (writer);
  write_list (writer, "projects", G_LIST_MODEL (lode_portfolio_get_projects (self)), &project_record);
  write_list (writer, "targets", G_LIST_MODEL (lode_portfolio_get_targets (self)), &target_record);
  write_optional_list (writer, "investments",
                       G_LIST_MODEL (lode_portfolio_get_investments (self)), &investment_record);
  write_optional_list (writer, "production",
                       G_LIST_MODEL (lode_portfolio_get_production (self)), &production_record);
  write_optional_list (writer, "national_figures",
                       G_LIST_MODEL (lode_portfolio_get_national_figures (self)),
                       &national_figure_record);
  write_optional_list (writer, "exchange_rates",
                       G_LIST_MODEL (lode_portfolio_get_exchange_rates (self)),
                       &exchange_rate_record);
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
