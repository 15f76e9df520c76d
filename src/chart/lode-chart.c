/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lode-csv.h"
#include "lode-file-utils.h"

#include "lode-chart.h"
#include "lode-chart-layer-private.h"
#include "lode-destinations-layer.h"
#include "lode-exports-by-mineral-layer.h"
#include "lode-exports-over-time-layer.h"
#include "lode-investment-by-country-layer.h"
#include "lode-investment-by-year-layer.h"
#include "lode-investment-pipeline-layer.h"
#include "lode-production-and-exports-layer.h"
#include "lode-largest-movers-layer.h"
#include "lode-reserves-layer.h"
#include "lode-target-progress-layer.h"

/* A chart of a portfolio, drawn with cairo and pango: the same code draws
 * the widget on screen and the files lode-cli writes. The chart holds what
 * every picture shares (colours, direction, background, the outlined item,
 * the title) and a layer, one class a kind of chart, that lays out its
 * figures for the size given from the aggregates in LodeChartData and
 * records its items, so the widget can hit-test and describe them. */

struct _LodeChart
{
  GObject         parent_instance;

  LodeChartKind   kind;
  LodeChartLayer *layer;
  gboolean        dark;
  gboolean        rtl;
  gboolean        background;
  int             highlight;
  char           *title;
};

G_DEFINE_FINAL_TYPE (LodeChart, lode_chart, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  const char *title;        /* N_() */
  const char *description;  /* N_() */
  GType     (*get_type) (void);
} kinds[LODE_N_CHART_KINDS] = {
  { "exports-by-mineral", N_("Exports by mineral"),
    N_("Bars of the exports of each mineral, stacked by processing stage"),
    lode_exports_by_mineral_layer_get_type },
  { "exports-over-time", N_("Exports over time"),
    N_("A line a mineral of its exports by year, or by month"),
    lode_exports_over_time_layer_get_type },
  { "destinations", N_("Exports by destination"),
    N_("A donut of the largest destinations of the exports and the others"),
    lode_destinations_layer_get_type },
  { "reserves", N_("Reserves by mineral"),
    N_("Bars of the estimated value of the reserves, with their quantity"),
    lode_reserves_layer_get_type },
  { "target-progress", N_("Target progress"),
    N_("Recorded values against the path a target needs, with its low–high band"),
    lode_target_progress_layer_get_type },
  { "investment-by-year", N_("Investment by year"),
    N_("Bars of the investments of each year, stacked by kind"),
    lode_investment_by_year_layer_get_type },
  { "investment-by-country", N_("Investment by investor country"),
    N_("Bars of the investments of each investor country, stacked by kind"),
    lode_investment_by_country_layer_get_type },
  { "investment-pipeline", N_("Investment pipeline"),
    N_("What reached each step from announced to disbursed, with its share of what was announced"),
    lode_investment_pipeline_layer_get_type },
  { "production-and-exports", N_("Production and exports"),
    N_("A mineral's production by year against its exports: their quantity where every record gives one, else their value"),
    lode_production_and_exports_layer_get_type },
  { "largest-movers", N_("Largest movers"),
    N_("Bars of the minerals whose exports changed most from one period to another"),
    lode_largest_movers_layer_get_type },
};

/* Names and words */

const char *
lode_chart_kind_get_name (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);

  return kinds[kind].name;
}

gboolean
lode_chart_kind_from_name (const char    *name,
                           LodeChartKind *kind)
{
  for (guint i = 0; i < LODE_N_CHART_KINDS; i++)
    {
      if (g_strcmp0 (name, kinds[i].name) == 0)
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lode_chart_kind_get_title (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);

  return _(kinds[kind].title);
}

const char *
lode_chart_kind_get_description (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);

  return _(kinds[kind].description);
}

char *
lode_chart_format_tick (double dollars)
{
  return lode_money_format_short ((LodeMoney) llround (dollars * 100.0));
}

char *
lode_chart_format_percent (double fraction)
{
  /* TRANSLATORS: a percentage, such as "24.6 %" */
  return g_strdup_printf (_("%.1f %%"), fraction * 100.0);
}

double
lode_chart_nice_step (double max,
                      guint  n_ticks)
{
  double raw;
  double magnitude;
  double fraction;

  if (!(max > 0.0) || n_ticks == 0)
    return 1.0;

  raw = max / n_ticks;
  magnitude = pow (10.0, floor (log10 (raw)));
  fraction = raw / magnitude;

  if (fraction <= 1.0)
    return magnitude;
  if (fraction <= 2.0)
    return 2.0 * magnitude;
  if (fraction <= 2.5)
    return 2.5 * magnitude;
  if (fraction <= 5.0)
    return 5.0 * magnitude;

  return 10.0 * magnitude;
}

/* The chart object */

static void
lode_chart_finalize (GObject *object)
{
  LodeChart *self = LODE_CHART (object);

  g_clear_object (&self->layer);
  g_free (self->title);

  G_OBJECT_CLASS (lode_chart_parent_class)->finalize (object);
}

static void
lode_chart_class_init (LodeChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lode_chart_finalize;
}

static void
lode_chart_init (LodeChart *self)
{
  self->highlight = -1;
}

static void
update_title (LodeChart *self)
{
  g_free (self->title);
  self->title = lode_chart_layer_dup_title (self->layer);
  if (self->title == NULL)
    self->title = g_strdup (lode_chart_kind_get_title (self->kind));
}

/* The one place that knows which layer draws which kind of chart. */
static LodeChartLayer *
layer_new_for_kind (LodeChartKind  kind,
                    LodeChartData *data)
{
  return g_object_new (kinds[kind].get_type (), "data", data, NULL);
}

LodeChart *
lode_chart_new (LodeChartKind  kind,
                LodeChartData *data)
{
  LodeChart *self;

  g_return_val_if_fail ((guint) kind < LODE_N_CHART_KINDS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (LODE_TYPE_CHART, NULL);
  self->kind = kind;
  self->layer = layer_new_for_kind (kind, data);
  update_title (self);

  return self;
}

LodeChartKind
lode_chart_get_kind (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), 0);

  return self->kind;
}

LodeChartData *
lode_chart_get_data (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  return lode_chart_layer_get_data (self->layer);
}

void
lode_chart_set_target (LodeChart *self,
                       guint      index)
{
  g_return_if_fail (LODE_IS_CHART (self));

  lode_chart_layer_set_target (self->layer, index);
  update_title (self);
}

void
lode_chart_set_mineral (LodeChart  *self,
                        const char *mineral)
{
  g_return_if_fail (LODE_IS_CHART (self));

  lode_chart_layer_set_mineral (self->layer, mineral);
  update_title (self);
}

void
lode_chart_set_comparison (LodeChart      *self,
                           LodeComparison *comparison)
{
  g_return_if_fail (LODE_IS_CHART (self));
  g_return_if_fail (comparison != NULL);

  if (!LODE_IS_LARGEST_MOVERS_LAYER (self->layer))
    {
      lode_comparison_free (comparison);
      return;
    }

  lode_largest_movers_layer_set_comparison (LODE_LARGEST_MOVERS_LAYER (self->layer), comparison);
}

void
lode_chart_set_periods (LodeChart        *self,
                        const LodePeriod *first,
                        const LodePeriod *second)
{
  g_return_if_fail (LODE_IS_CHART (self));

  lode_chart_layer_set_periods (self->layer, first, second);
  update_title (self);
}

void
lode_chart_set_monthly (LodeChart *self,
                        gboolean   monthly)
{
  g_return_if_fail (LODE_IS_CHART (self));

  lode_chart_layer_set_monthly (self->layer, monthly);
}

gboolean
lode_chart_get_can_show_months (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), FALSE);

  return lode_chart_layer_can_show_months (self->layer);
}

gboolean
lode_chart_get_n_rows (LodeChart *self,
                       guint     *n_rows)
{
  g_return_val_if_fail (LODE_IS_CHART (self), FALSE);

  return lode_chart_layer_get_n_rows (self->layer, n_rows);
}

void
lode_chart_set_dark (LodeChart *self,
                     gboolean   dark)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->dark = !!dark;
}

void
lode_chart_set_rtl (LodeChart *self,
                    gboolean   rtl)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->rtl = !!rtl;
}

void
lode_chart_set_background (LodeChart *self,
                           gboolean   background)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->background = !!background;
}

void
lode_chart_set_highlight (LodeChart *self,
                          int        item)
{
  g_return_if_fail (LODE_IS_CHART (self));

  self->highlight = item;
}

const char *
lode_chart_get_title (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  return self->title;
}

void
lode_chart_render (LodeChart *self,
                   cairo_t   *cr,
                   double     width,
                   double     height)
{
  LodeChartContext context;

  g_return_if_fail (LODE_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  _lode_chart_context_init (&context, cr, width, height, self->dark, self->rtl);
  context.title = self->title;

  cairo_save (cr);
  if (self->background)
    {
      _lode_chart_set_rgb (cr, context.bg, 1.0);
      cairo_paint (cr);
    }
  lode_chart_layer_render (self->layer, &context, self->highlight);
  cairo_restore (cr);

  _lode_chart_context_clear (&context);
}

guint
lode_chart_get_n_items (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), 0);

  return lode_chart_layer_get_n_items (self->layer);
}

const LodeChartItem *
lode_chart_get_item (LodeChart *self,
                     guint      index)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  return lode_chart_layer_get_item (self->layer, index);
}

int
lode_chart_hit_test (LodeChart *self,
                     double     x,
                     double     y)
{
  g_return_val_if_fail (LODE_IS_CHART (self), -1);

  return lode_chart_layer_lookup_item (self->layer, x, y);
}

char *
lode_chart_describe_item (LodeChart *self,
                          guint      index)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  return lode_chart_layer_describe_item (self->layer, index);
}

char *
lode_chart_describe (LodeChart *self)
{
  GString *text;

  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  text = g_string_new (lode_chart_kind_get_description (self->kind));
  g_string_append (text, ". ");
  if (lode_chart_layer_describe (self->layer, text) == 0)
    g_string_append (text, _("No figures to show"));
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

/* Tables */

GPtrArray *
lode_chart_get_table (LodeChart *self)
{
  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  return lode_chart_layer_get_table (self->layer);
}

char *
lode_chart_to_csv (LodeChart *self)
{
  g_autoptr(GPtrArray) table = NULL;
  GString *out;

  g_return_val_if_fail (LODE_IS_CHART (self), NULL);

  table = lode_chart_get_table (self);
  out = g_string_new (NULL);

  for (guint r = 0; r < table->len; r++)
    {
      char **cells = g_ptr_array_index (table, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          const char *cell = cells[c];

          if (c > 0)
            g_string_append_c (out, ',');
          /* Quoted only when it must be, unlike lode_csv_append_cell(). */
          if (strpbrk (cell, ",\"\n\r") != NULL)
            lode_csv_append_quoted (out, cell);
          else
            g_string_append (out, cell);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* Files */

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  gsize length = strlen (path);
  gsize suffix_length = strlen (suffix);

  return length > suffix_length && g_ascii_strcasecmp (path + length - suffix_length, suffix) == 0;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* TRANSLATORS: a file name and why it could not be written */
               _("cannot write %s: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/* cairo writes no text into SVG, only glyph outlines: a <title> and a
 * <desc> tell readers and search engines what the picture shows. */
static void
add_svg_title (LodeChart  *self,
               GByteArray *bytes)
{
  g_autofree char *description = lode_chart_describe (self);
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  g_autofree char *head = NULL;
  const char *contents = (const char *) bytes->data;
  const char *svg = g_strstr_len (contents, bytes->len, "<svg");
  const char *end = svg != NULL ? memchr (svg, '>', bytes->len - (svg - contents)) : NULL;
  gsize at, length;

  if (end == NULL)
    return;

  at = end + 1 - contents;
  head = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  length = strlen (head);
  g_byte_array_set_size (bytes, bytes->len + length);
  memmove (bytes->data + at + length, bytes->data + at, bytes->len - length - at);
  memcpy (bytes->data + at, head, length);
}

static gboolean
get_format (const char  *path,
            Format      *format,
            GError     **error)
{
  if (has_suffix (path, ".png"))
    *format = FORMAT_PNG;
  else if (has_suffix (path, ".svg"))
    *format = FORMAT_SVG;
  else if (has_suffix (path, ".pdf"))
    *format = FORMAT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: unsupported chart format (use .png, .svg or .pdf)"), path);
      return FALSE;
    }

  return TRUE;
}

/* Draws the chart, on its background, into a PNG, SVG or PDF in memory. */
static GBytes *
render_to_bytes (LodeChart   *self,
                 const char  *path,
                 double       width,
                 double       height,
                 double       scale,
                 GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean saved_background;
  Format format;

  if (!get_format (path, &format, error))
    return NULL;

  bytes = g_byte_array_new ();
  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, width, height);
      break;
    case FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lode");
      break;
    }

  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  saved_background = self->background;
  self->background = TRUE;
  cr = cairo_create (surface);
  lode_chart_render (self, cr, width, height);
  self->background = saved_background;
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, path, error))
    return NULL;

  if (format == FORMAT_SVG)
    add_svg_title (self, bytes);

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Written whole or not at all: a failure keeps the file that was there. */
static gboolean
write_bytes (const char    *path,
             GBytes        *bytes,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!lode_file_replace_contents (file, data, length, FALSE, 0666, cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
lode_chart_write_file (LodeChart   *self,
                       const char  *path,
                       double       width,
                       double       height,
                       double       scale,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (LODE_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, FALSE);

  bytes = render_to_bytes (self, path, width, height, scale, error);

  return bytes != NULL && write_bytes (path, bytes, NULL, error);
}

typedef struct
{
  char   *path;
  GBytes *bytes;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (write_bytes (data->path, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
lode_chart_write_file_async (LodeChart           *self,
                             const char          *path,
                             double               width,
                             double               height,
                             double               scale,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  WriteData *data;

  g_return_if_fail (LODE_IS_CHART (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (width > 0 && height > 0 && scale > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lode_chart_write_file_async);

  bytes = render_to_bytes (self, path, width, height, scale, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (WriteData, 1);
  data->path = g_strdup (path);
  data->bytes = bytes;
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
lode_chart_write_file_finish (LodeChart     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (LODE_IS_CHART (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
