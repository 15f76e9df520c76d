/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-load-problem-private.h"
#include "lode-portfolio-io.h"

G_BEGIN_DECLS

/* Reading portfolio format v1: lode-portfolio-reader.c drives the strict
 * tokenizer over the bytes once; lode-portfolio-schema.c holds the member
 * checks, which every value read passes through. */

/* One member's value as read, whichever way it was read. */
typedef enum
{
  LODE_VALUE_ABSENT,
  LODE_VALUE_NULL,
  LODE_VALUE_STRING,
  LODE_VALUE_INT,
  LODE_VALUE_DOUBLE,
  LODE_VALUE_OTHER,    /* true, false, an object or an array */
} LodeValueKind;

typedef struct
{
  LodeValueKind kind;
  const char   *string;  /* LODE_VALUE_STRING */
  gint64        i;       /* LODE_VALUE_INT */
  double        d;       /* LODE_VALUE_DOUBLE */
  /* Numbers the streaming reader read: whether @cents is the amount the
   * number writes, in whole cents, when it is written plainly with at
   * most two decimals and is below 2^50 cents. */
  gboolean      has_cents;
  gint64        cents;
} LodeValue;

/* The members of an export record Lode knows, in the order they are
 * checked. */
typedef enum
{
  LODE_EXPORT_MEMBER_MINERAL,
  LODE_EXPORT_MEMBER_YEAR,
  LODE_EXPORT_MEMBER_MONTH,
  LODE_EXPORT_MEMBER_DESTINATION,
  LODE_EXPORT_MEMBER_HS_CODE,
  LODE_EXPORT_MEMBER_STAGE,
  LODE_EXPORT_MEMBER_QUANTITY,
  LODE_EXPORT_MEMBER_UNIT,
  LODE_EXPORT_MEMBER_VALUE_USD,
  LODE_EXPORT_MEMBER_SOURCE,
  LODE_EXPORT_MEMBER_PERIOD,
  LODE_EXPORT_MEMBER_ORIGINAL_AMOUNT,
  LODE_EXPORT_MEMBER_ORIGINAL_CURRENCY,
  LODE_N_EXPORT_MEMBERS,
} LodeExportMember;

extern const char * const _lode_export_members[LODE_N_EXPORT_MEMBERS + 1];

/* The lists whose items have ids, each unique in its list. */
typedef enum
{
  LODE_IDS_SOURCES,
  LODE_IDS_MINERALS,
  LODE_IDS_PROJECTS,
  LODE_IDS_TARGETS,
  LODE_N_IDS,
} LodeIds;

typedef struct
{
  const char    *name;
  GString       *pointer;      /* of the item being read */
  GPtrArray     *errors;       /* LodeLoadProblem, at most LODE_PORTFOLIO_MAX_ERRORS */
  guint          n_errors;     /* all of them */
  LodePortfolio *portfolio;
  GHashTable    *ids[LODE_N_IDS];  /* id → pointer of its first definition */
  GHashTable    *rate_periods;     /* a rate's period → pointer of its first rate */
  /* The item being read when its pointer is written only once an error
   * needs it: /item_list/item_index. */
  const char    *item_list;
  guint          item_index;
  /* Nicks of enumerations met, with their values: records repeat a
   * few. */
  struct
  {
    GType       type;
    const char *nick;
    int         value;
  }              enum_cache[16];
  guint          n_enum_cache;
} LodeReader;

void     _lode_reader_init          (LodeReader    *reader,
                                     const char    *name,
                                     LodePortfolio *portfolio);
void     _lode_reader_clear         (LodeReader    *reader);
/* Makes /@list/@index the reader's pointer, written when an error needs
 * it. */
static inline void
_lode_reader_set_item (LodeReader *reader,
                       const char *list,
                       guint       index)
{
  reader->item_list = list;
  reader->item_index = index;
}
/* Records a @kind of problem at @member (NULL: the item itself) of the
 * reader's pointer; @detail as LodeLoadProblem says (may be NULL), and a
 * message for people, @format being translated already. */
void     _lode_reader_error         (LodeReader          *reader,
                                     const char          *member,
                                     LodeLoadProblemKind  kind,
                                     const char          *detail,
                                     const char          *format,
                                     ...) G_GNUC_PRINTF (5, 6);
/* Appends the errors of @from after those of @reader, as if @reader had
 * met them. */
void     _lode_reader_take_errors   (LodeReader    *reader,
                                     LodeReader    *from);
/* The value of @member of @object (absent when @object is NULL). */
void     _lode_value_from_member    (JsonObject    *object,
                                     const char    *member,
                                     LodeValue     *value);

/* Checks one export record's members, records their errors under the
 * reader's pointer and fills @row (strings are @values' own). References
 * to minerals and sources are resolved only when @resolve is TRUE.
 * Returns TRUE when the record is valid. */
gboolean _lode_reader_read_export   (LodeReader      *reader,
                                     const LodeValue *values,
                                     gboolean         resolve,
                                     LodeExportRow   *row);
/* The quick way through _lode_reader_read_export() for the records of a
 * valid file, without references resolved. The caller vouches that each
 * string of @values was accepted in its member before by
 * _lode_reader_read_export(), whose checks of a string depend on the
 * string alone, and gives the @stage and @unit it made of the stage's and
 * the unit's strings. Checks the rest as _lode_reader_read_export() does:
 * TRUE with @row filled when the record is valid; FALSE, with nothing
 * recorded, when it is not or might not be: _lode_reader_read_export()
 * then reads it and says why. */
gboolean _lode_reader_read_export_quick (const LodeValue *values,
                                         int              stage,
                                         int              unit,
                                         int              period,
                                         LodeExportRow   *row);

/* Reads the exports from the "exports" member of @root, a json-glib
 * array. */
void     _lode_reader_read_exports  (LodeReader      *reader,
                                     JsonObject      *root);

/* Reads the "exports" member of the document at its turn, after the
 * sources and minerals: errors go to @reader. */
typedef void (*LodeReadExportsFunc) (LodeReader *reader,
                                     JsonObject *root,
                                     gpointer    user_data);

/* Reads the document @root into @portfolio, which it returns (a new
 * reference) when there is no error. @read_exports NULL reads the exports
 * from @root. On content errors, reader->errors keeps them. */
LodePortfolio *_lode_reader_read_portfolio (LodeReader           *reader,
                                            JsonObject           *root,
                                            LodeReadExportsFunc   read_exports,
                                            gpointer              user_data,
                                            GError              **error);

/* The whole reader: one pass of the strict tokenizer over @data, building
 * the portfolio as it goes. @progress may be NULL; it is called at most
 * about a hundred times. @cancellable may be NULL. */
LodePortfolio *_lode_portfolio_read         (const char            *data,
                                             gsize                  length,
                                             const char            *name,
                                             LodeLoadProgressFunc   progress,
                                             gpointer               user_data,
                                             GCancellable          *cancellable,
                                             GError               **error);
/* FALSE, with @error set, when @length bytes are more than Lode opens. */
gboolean       _lode_portfolio_check_size   (gsize                  length,
                                             const char            *name,
                                             GError               **error);

G_END_DECLS
