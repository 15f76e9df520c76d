/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-enum-types.h"
#include "lode-file-utils.h"
#include "lode-json-writer.h"
#include "lode-portfolio-io.h"
#include "lode-portfolio-reader-private.h"
#include "lode-rules.h"

G_DEFINE_QUARK (lode-portfolio-error-quark, lode_portfolio_error)

/* Reading: the entry points. The reader itself is lode-portfolio-reader.c,
 * the schema it checks lode-portfolio-schema.c. */

static gsize max_size = LODE_PORTFOLIO_MAX_SIZE;

void
lode_portfolio_set_max_size_for_testing (gsize size)
{
  g_return_if_fail (size <= LODE_PORTFOLIO_MAX_SIZE);

  max_size = size == 0 ? LODE_PORTFOLIO_MAX_SIZE : size;
}

static void
set_too_large_error (GError     **error,
                     const char  *name)
{
  if (max_size >= (1 << 20))
    g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE,
                 "%s: the file is larger than %" G_GSIZE_FORMAT " MB, the most Lode opens",
                 name, max_size >> 20);
  else
    g_set_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_TOO_LARGE,
                 "%s: the file is larger than %" G_GSIZE_FORMAT " bytes, the most Lode opens",
                 name, max_size);
}

/* Reads @file whole, but never more than max_size bytes: a file that grows
 * while it is read, a device such as /dev/zero or a pipe that never ends
 * is refused as too large instead of filling the memory. */
static char *
read_bounded (GFile         *file,
              gsize          size_hint,
              const char    *name,
              gsize         *length,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize alloc = MAX (MIN (size_hint, max_size) + 1, 65536);
  gsize len = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_malloc (alloc);
  for (;;)
    {
      gssize n;

      if (len == alloc)
        {
          alloc = MIN (alloc * 2, max_size + 1);
          buffer = g_realloc (buffer, alloc);
        }

      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + len,
                               MIN (alloc - len, (gsize) G_MAXSSIZE), cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      len += n;
      if (len > max_size)
        {
          set_too_large_error (error, name);
          return NULL;
        }
    }

  *length = len;

  return g_steal_pointer (&buffer);
}

LodePortfolio *
lode_portfolio_load_data (const char  *data,
                          gsize        length,
                          const char  *name,
                          GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "portfolio";

  if (length > max_size)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  return _lode_portfolio_read (data, length, name, NULL, NULL, NULL, error);
}

LodePortfolio *
lode_portfolio_load_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return lode_portfolio_load_file_full (file, NULL, NULL, cancellable, error);
}

/* A file read through a memory map: its pages are taken in as the reader
 * goes, and those it has read are handed back as it reports progress, so
 * that the file never sits in memory whole. */
typedef struct
{
  const char           *data;
  gsize                 dropped;
  LodeLoadProgressFunc  progress;
  gpointer              user_data;
} MappedRead;

static void
mapped_read_progress_cb (guint64  done,
                         guint64  total,
                         gpointer user_data)
{
  MappedRead *read = user_data;

#if defined(MADV_DONTNEED)
  {
    gsize page = sysconf (_SC_PAGESIZE);
    gsize start = read->dropped;
    gsize end = ((gsize) ((guintptr) read->data + done) & ~(page - 1)) - (guintptr) read->data;

    /* The map starts on a page. Pages dropped are read again from the
     * file if they are needed (for the place of an error). */
    if (((guintptr) read->data & (page - 1)) == 0 && end > start && done < total)
      {
        madvise ((char *) read->data + start, end - start, MADV_DONTNEED);
        read->dropped = end;
      }
  }
#endif

  if (read->progress != NULL)
    read->progress (done, total, read->user_data);
}

static LodePortfolio *
load_mapped (GMappedFile          *mapped,
             const char           *name,
             LodeLoadProgressFunc  progress,
             gpointer              user_data,
             GCancellable         *cancellable,
             GError              **error)
{
  gsize length = g_mapped_file_get_length (mapped);
  MappedRead read = {
    .data = length > 0 ? g_mapped_file_get_contents (mapped) : "",
    .progress = progress,
    .user_data = user_data,
  };

  if (length > max_size)
    {
      set_too_large_error (error, name);
      return NULL;
    }

#if defined(MADV_SEQUENTIAL)
  if (length > 0)
    madvise ((char *) read.data, length, MADV_SEQUENTIAL);
#endif

  return _lode_portfolio_read (read.data, length, name, mapped_read_progress_cb, &read,
                               cancellable, error);
}

LodePortfolio *
lode_portfolio_load_mapped (GMappedFile  *mapped,
                            const char   *name,
                            GError      **error)
{
  g_return_val_if_fail (mapped != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_mapped (mapped, name != NULL ? name : "portfolio", NULL, NULL, NULL, error);
}

LodePortfolio *
lode_portfolio_load_file_full (GFile                *file,
                               LodeLoadProgressFunc  progress,
                               gpointer              user_data,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: is a folder, not a file", name);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  /* A regular local file is mapped; devices, pipes and remote files are
   * read, never more than the limit. */
  path = g_file_get_path (file);
  if (path != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped != NULL)
    return load_mapped (mapped, name, progress, user_data, cancellable, error);

  contents = read_bounded (file, g_file_info_get_size (info), name, &length, cancellable, error);
  if (contents == NULL)
    return NULL;

  if (length > max_size)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  return _lode_portfolio_read (contents, length, name, progress, user_data, cancellable, error);
}

LodePortfolio *
lode_portfolio_new_sample (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LodePortfolio *portfolio;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data ("/io/github/lodeapp/Lode/sample/pakistan-minerals.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in sample is missing: %s", error->message);

  data = g_bytes_get_data (bytes, &length);
  portfolio = lode_portfolio_load_data (data, length, "sample", &error);
  if (portfolio == NULL)
    g_error ("The built-in sample does not load: %s", error->message);

  return portfolio;
}

/* Writing */

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

static void
write_sources (LodeJsonWriter *writer,
               GListModel     *sources)
{
  guint n = g_list_model_get_n_items (sources);

  lode_json_writer_member (writer, "sources");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeSource) source = g_list_model_get_item (sources, i);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "id", lode_source_get_id (source));
      write_string_member (writer, "title", lode_source_get_title (source));
      write_string_member (writer, "publisher", lode_source_get_publisher (source));
      write_string_member (writer, "date", lode_source_get_date (source));
      write_string_member (writer, "url", lode_source_get_url (source));
      lode_json_writer_members (writer, lode_source_get_extra (source));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

static void
write_reserves (LodeJsonWriter *writer,
                GListModel     *reserves)
{
  guint n = g_list_model_get_n_items (reserves);

  lode_json_writer_member (writer, "reserves");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeReserve) reserve = g_list_model_get_item (reserves, i);

      lode_json_writer_begin_object (writer);
      write_enum_member (writer, "category", LODE_TYPE_RESERVE_CATEGORY,
                         lode_reserve_get_category (reserve), -1);
      write_quantity_members (writer, lode_reserve_get_quantity (reserve),
                              lode_reserve_get_unit (reserve));
      write_money_member (writer, "value_usd", lode_reserve_get_value (reserve));
      write_int_member (writer, "year", lode_reserve_get_year (reserve), 0);
      write_string_member (writer, "source", lode_reserve_get_source (reserve));
      lode_json_writer_members (writer, lode_reserve_get_extra (reserve));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

static void
write_minerals (LodeJsonWriter *writer,
                GListModel     *minerals)
{
  guint n = g_list_model_get_n_items (minerals);

  lode_json_writer_member (writer, "minerals");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "id", lode_mineral_get_id (mineral));
      write_string_member (writer, "name", lode_mineral_get_name (mineral));
      write_string_member (writer, "symbol", lode_mineral_get_symbol (mineral));
      write_enum_member (writer, "group", LODE_TYPE_MINERAL_GROUP,
                         lode_mineral_get_group (mineral), -1);
      write_strv_member (writer, "hs_codes", lode_mineral_get_hs_codes (mineral));
      write_reserves (writer, lode_mineral_get_reserves (mineral));
      lode_json_writer_members (writer, lode_mineral_get_extra (mineral));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

static void
write_exports (LodeJsonWriter  *writer,
               LodeExportTable *table)
{
  guint n = lode_export_table_get_n_rows (table);

  lode_json_writer_member (writer, "exports");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      LodeExportRow row;

      lode_export_table_get_row (table, i, &row);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "mineral", row.mineral);
      write_int_member (writer, "year", row.year, 0);
      write_int_member (writer, "month", row.month, 0);
      write_string_member (writer, "destination", row.destination);
      write_string_member (writer, "hs_code", row.hs_code);
      write_enum_member (writer, "stage", LODE_TYPE_STAGE, row.stage, LODE_STAGE_UNKNOWN);
      write_quantity_members (writer, row.quantity, row.unit);
      write_money_member (writer, "value_usd", row.value);
      write_string_member (writer, "source", row.source);
      lode_json_writer_members (writer, lode_export_table_get_extra (table, i));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

static void
write_partners (LodeJsonWriter *writer,
                GListModel     *partners)
{
  guint n = g_list_model_get_n_items (partners);

  if (n == 0)
    return;

  lode_json_writer_member (writer, "partners");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodePartner) partner = g_list_model_get_item (partners, i);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "name", lode_partner_get_name (partner));
      write_string_member (writer, "country", lode_partner_get_country (partner));
      if (lode_partner_get_share (partner) >= 0)
        {
          lode_json_writer_member (writer, "share");
          lode_json_writer_double (writer, lode_partner_get_share (partner));
        }
      lode_json_writer_members (writer, lode_partner_get_extra (partner));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

static void
write_projects (LodeJsonWriter *writer,
                GListModel     *projects)
{
  guint n = g_list_model_get_n_items (projects);

  lode_json_writer_member (writer, "projects");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      LodeMoney committed = lode_project_get_committed (project);
      LodeMoney disbursed = lode_project_get_disbursed (project);
      JsonObject *investment_extra = lode_project_get_investment_extra (project);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "id", lode_project_get_id (project));
      write_string_member (writer, "name", lode_project_get_name (project));
      write_strv_member (writer, "minerals", lode_project_get_minerals (project));
      write_string_member (writer, "region", lode_project_get_region (project));
      write_string_member (writer, "operator", lode_project_get_operator (project));
      write_enum_member (writer, "status", LODE_TYPE_PROJECT_STATUS,
                         lode_project_get_status (project), LODE_PROJECT_STATUS_UNKNOWN);
      write_partners (writer, lode_project_get_partners (project));
      if (committed != LODE_MONEY_UNSET || disbursed != LODE_MONEY_UNSET
          || investment_extra != NULL)
        {
          lode_json_writer_member (writer, "investment_usd");
          lode_json_writer_begin_object (writer);
          write_money_member (writer, "committed", committed);
          write_money_member (writer, "disbursed", disbursed);
          lode_json_writer_members (writer, investment_extra);
          lode_json_writer_end_object (writer);
        }
      write_int_member (writer, "start_year", lode_project_get_start_year (project), 0);
      write_int_member (writer, "jobs", lode_project_get_jobs (project), -1);
      write_string_member (writer, "source", lode_project_get_source (project));
      lode_json_writer_members (writer, lode_project_get_extra (project));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

static void
write_targets (LodeJsonWriter *writer,
               GListModel     *targets)
{
  guint n = g_list_model_get_n_items (targets);

  lode_json_writer_member (writer, "targets");
  lode_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (targets, i);
      LodeMoney low = lode_target_get_target_low (target);
      LodeMoney high = lode_target_get_target_high (target);

      lode_json_writer_begin_object (writer);
      write_string_member (writer, "id", lode_target_get_id (target));
      write_string_member (writer, "title", lode_target_get_title (target));

      lode_json_writer_member (writer, "metric");
      lode_json_writer_begin_object (writer);
      write_enum_member (writer, "kind", LODE_TYPE_METRIC_KIND,
                         lode_target_get_metric_kind (target), -1);
      write_string_member (writer, "mineral", lode_target_get_metric_mineral (target));
      write_string_member (writer, "destination", lode_target_get_metric_destination (target));
      lode_json_writer_members (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_METRIC));
      lode_json_writer_end_object (writer);

      lode_json_writer_member (writer, "baseline");
      lode_json_writer_begin_object (writer);
      write_int_member (writer, "year", lode_target_get_baseline_year (target), 0);
      write_money_member (writer, "value_usd", lode_target_get_baseline_value (target));
      lode_json_writer_members (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_BASELINE));
      lode_json_writer_end_object (writer);

      lode_json_writer_member (writer, "target");
      lode_json_writer_begin_object (writer);
      write_int_member (writer, "year", lode_target_get_target_year (target), 0);
      write_money_member (writer, "low_usd", low);
      if (high != low)
        write_money_member (writer, "high_usd", high);
      lode_json_writer_members (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_TARGET));
      lode_json_writer_end_object (writer);

      write_string_member (writer, "source", lode_target_get_source (target));
      lode_json_writer_members (writer, lode_target_get_extra (target, LODE_TARGET_EXTRA_SELF));
      lode_json_writer_end_object (writer);
    }
  lode_json_writer_end_array (writer);
}

GBytes *
lode_portfolio_to_bytes (LodePortfolio *self)
{
  LodeExportTable *exports;
  GString *out;
  g_autoptr(LodeJsonWriter) writer = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  exports = lode_portfolio_get_exports (self);
  /* Pretty-printed records take about 280 bytes each. */
  out = g_string_sized_new (4096 + (gsize) lode_export_table_get_n_rows (exports) * 300);
  writer = lode_json_writer_new (out);

  lode_json_writer_begin_object (writer);
  write_string_member (writer, "format", LODE_PORTFOLIO_FORMAT);
  lode_json_writer_member (writer, "version");
  lode_json_writer_int (writer, LODE_PORTFOLIO_VERSION);
  write_string_member (writer, "title", lode_portfolio_get_title (self));
  write_string_member (writer, "description", lode_portfolio_get_description (self));
  write_string_member (writer, "currency", lode_portfolio_get_currency (self));
  write_sources (writer, G_LIST_MODEL (lode_portfolio_get_sources (self)));
  write_minerals (writer, G_LIST_MODEL (lode_portfolio_get_minerals (self)));
  write_exports (writer, exports);
  write_projects (writer, G_LIST_MODEL (lode_portfolio_get_projects (self)));
  write_targets (writer, G_LIST_MODEL (lode_portfolio_get_targets (self)));
  lode_json_writer_members (writer, lode_portfolio_get_extra (self));
  lode_json_writer_end_object (writer);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* Snapshots. For now a snapshot is the portfolio's text itself, made on
 * the thread that takes it. */
struct _LodePortfolioSnapshot
{
  GBytes *bytes;
};

LodePortfolioSnapshot *
lode_portfolio_snapshot_new (LodePortfolio *self)
{
  LodePortfolioSnapshot *snapshot;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  snapshot = g_new0 (LodePortfolioSnapshot, 1);
  snapshot->bytes = lode_portfolio_to_bytes (self);

  return snapshot;
}

void
lode_portfolio_snapshot_free (LodePortfolioSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_bytes_unref (snapshot->bytes);
  g_free (snapshot);
}

GBytes *
lode_portfolio_snapshot_to_bytes (LodePortfolioSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return g_bytes_ref (snapshot->bytes);
}

gboolean
lode_portfolio_snapshot_save_file (LodePortfolioSnapshot *snapshot,
                                   GFile                 *file,
                                   gboolean               backup,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = lode_portfolio_snapshot_to_bytes (snapshot);
  data = g_bytes_get_data (bytes, &length);

  if (!lode_file_replace_contents (file, data, length, backup, 0666, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code, "%s: could not save: %s",
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
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
