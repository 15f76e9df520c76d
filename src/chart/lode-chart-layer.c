/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-enum-types.h"

#include "lode-chart-layer-private.h"

/* The base of the layers: the figures a chart draws (its LodeChartData),
 * the items of the last rendering, and what finds, outlines and describes
 * them. The drawing the layers share is in lode-chart-draw.c. */

typedef struct
{
  LodeChartData *data;
  gboolean       monthly;
  guint          target;
  char          *mineral;
  gboolean       has_periods;
  LodePeriod     periods[2];
  GArray        *items;     /* LodeChartItem */
} LodeChartLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LodeChartLayer, lode_chart_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Items */

LodeChartItem *
_lode_chart_layer_add_item (LodeChartLayer    *self,
                            LodeChartItemKind  kind,
                            LodeMoney          value,
                            int                series,
                            char              *label)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);
  LodeChartItem item = { 0 };

  item.kind = kind;
  item.value = value;
  item.series = series;
  item.label = label;
  g_array_append_val (priv->items, item);

  return &g_array_index (priv->items, LodeChartItem, priv->items->len - 1);
}

void
_lode_chart_item_set_rectangle (LodeChartContext *context,
                                LodeChartItem    *item,
                                double            x,
                                double            y,
                                double            width,
                                double            height)
{
  item->x = context->rtl ? context->width - x - width : x;
  item->y = y;
  item->width = width;
  item->height = height;
}

static void
clear_items (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  for (guint i = 0; i < priv->items->len; i++)
    g_free (g_array_index (priv->items, LodeChartItem, i).label);
  g_array_set_size (priv->items, 0);
}

/* The default behaviour of a layer */

static gboolean
angle_between (double angle,
               double start,
               double end)
{
  while (angle < start)
    angle += 2 * G_PI;
  while (angle >= start + 2 * G_PI)
    angle -= 2 * G_PI;

  return angle <= end;
}

/* A slice or a bar under the pointer, else the nearest point within
 * reach. */
static int
lode_chart_layer_real_lookup_item (LodeChartLayer *self,
                                   double          x,
                                   double          y)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);
  int nearest = -1;
  double nearest_distance = G_MAXDOUBLE;

  for (guint i = 0; i < priv->items->len; i++)
    {
      const LodeChartItem *item = &g_array_index (priv->items, LodeChartItem, i);

      switch (item->kind)
        {
        case LODE_CHART_ITEM_SLICE:
          {
            double r = hypot (x - item->cx, y - item->cy);

            if (r >= item->inner && r <= item->outer &&
                angle_between (atan2 (y - item->cy, x - item->cx), item->start, item->end))
              return i;
          }
          break;

        case LODE_CHART_ITEM_POINT:
          {
            double d = hypot (x - (item->x + item->width / 2), y - (item->y + item->height / 2));

            if (d <= 8.0 && d < nearest_distance)
              {
                nearest = i;
                nearest_distance = d;
              }
          }
          break;

        case LODE_CHART_ITEM_BAR:
        case LODE_CHART_ITEM_RANGE:
        default:
          if (x >= item->x && x <= item->x + item->width &&
              y >= item->y && y <= item->y + item->height)
            return i;
          break;
        }
    }

  return nearest;
}

/* The item's own year and month, else the years of all the records. */
static void
lode_chart_layer_real_describe_item_period (LodeChartLayer      *self,
                                            const LodeChartItem *item,
                                            GString             *text)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);
  LodeChartData *data = priv->data;

  if (item->year != 0 && item->month != 0)
    g_string_append_printf (text, " (%d-%02d)", item->year, item->month);
  else if (item->year != 0)
    g_string_append_printf (text, " (%d)", item->year);
  else if (data->target_first_year != 0 && data->target_first_year != data->target_last_year)
    g_string_append_printf (text, " (%d–%d)", data->target_first_year, data->target_last_year);
  else if (data->target_first_year != 0)
    g_string_append_printf (text, " (%d)", data->target_first_year);
}

static char *
lode_chart_layer_real_dup_title (LodeChartLayer *self)
{
  return NULL;
}

/* A chart of the exports names the minerals exported most; other charts
 * say nothing more unless they do so themselves. */
static guint
lode_chart_layer_real_describe (LodeChartLayer *self,
                                GString        *text)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  if (!LODE_CHART_LAYER_GET_CLASS (self)->exports)
    return 0;

  return _lode_chart_describe_largest_minerals (priv->data, text);
}

static gboolean
lode_chart_layer_real_get_n_rows (LodeChartLayer *self,
                                  guint          *n_rows)
{
  return FALSE;
}

static gboolean
lode_chart_layer_real_can_show_months (LodeChartLayer *self)
{
  return FALSE;
}

/* GObject */

static void
lode_chart_layer_finalize (GObject *object)
{
  LodeChartLayer *self = LODE_CHART_LAYER (object);
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  clear_items (self);
  g_array_unref (priv->items);
  g_clear_pointer (&priv->data, lode_chart_data_unref);
  g_free (priv->mineral);

  G_OBJECT_CLASS (lode_chart_layer_parent_class)->finalize (object);
}

static void
lode_chart_layer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LodeChartLayer *self = LODE_CHART_LAYER (object);
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_pointer (value, priv->data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_chart_layer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LodeChartLayer *self = LODE_CHART_LAYER (object);
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATA:
      g_assert (priv->data == NULL);
      priv->data = lode_chart_data_ref (g_value_get_pointer (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_chart_layer_class_init (LodeChartLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_chart_layer_finalize;
  object_class->get_property = lode_chart_layer_get_property;
  object_class->set_property = lode_chart_layer_set_property;

  klass->dup_title = lode_chart_layer_real_dup_title;
  klass->lookup_item = lode_chart_layer_real_lookup_item;
  klass->describe_item_period = lode_chart_layer_real_describe_item_period;
  klass->describe = lode_chart_layer_real_describe;
  klass->get_n_rows = lode_chart_layer_real_get_n_rows;
  klass->can_show_months = lode_chart_layer_real_can_show_months;

  /* The LodeChartData drawn; a reference is kept. */
  properties[PROP_DATA] =
    g_param_spec_pointer ("data", NULL, NULL,
                          (G_PARAM_READWRITE |
                           G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_chart_layer_init (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  priv->items = g_array_new (FALSE, TRUE, sizeof (LodeChartItem));
}

/* API */

LodeChartData *
lode_chart_layer_get_data (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), NULL);

  return priv->data;
}

gboolean
lode_chart_layer_get_monthly (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), FALSE);

  return priv->monthly;
}

void
lode_chart_layer_set_monthly (LodeChartLayer *self,
                              gboolean        monthly)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_if_fail (LODE_IS_CHART_LAYER (self));

  priv->monthly = !!monthly;
}

void
lode_chart_layer_get_periods (LodeChartLayer *self,
                              LodePeriod     *first,
                              LodePeriod     *second)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);
  LodeChartData *data;

  g_return_if_fail (LODE_IS_CHART_LAYER (self));

  if (priv->has_periods)
    {
      *first = priv->periods[0];
      *second = priv->periods[1];
      return;
    }

  /* The last two periods with records. */
  data = priv->data;
  first->start_month = second->start_month = data->start_month;
  second->first_year = data->last_year;
  first->first_year = data->last_year - 1;
}

void
lode_chart_layer_set_periods (LodeChartLayer   *self,
                              const LodePeriod *first,
                              const LodePeriod *second)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_if_fail (LODE_IS_CHART_LAYER (self));

  priv->has_periods = first != NULL && second != NULL;
  if (priv->has_periods)
    {
      priv->periods[0] = *first;
      priv->periods[1] = *second;
    }
  if (LODE_CHART_LAYER_GET_CLASS (self)->periods_changed != NULL)
    LODE_CHART_LAYER_GET_CLASS (self)->periods_changed (self);
}

guint
lode_chart_layer_get_target (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), 0);

  return priv->target;
}

void
lode_chart_layer_set_target (LodeChartLayer *self,
                             guint           target)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_if_fail (LODE_IS_CHART_LAYER (self));

  priv->target = target;
}

const char *
lode_chart_layer_get_mineral (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), NULL);

  return priv->mineral;
}

void
lode_chart_layer_set_mineral (LodeChartLayer *self,
                              const char     *mineral)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_if_fail (LODE_IS_CHART_LAYER (self));

  if (g_strcmp0 (priv->mineral, mineral) == 0)
    return;
  g_free (priv->mineral);
  priv->mineral = g_strdup (mineral);
}

char *
lode_chart_layer_dup_title (LodeChartLayer *self)
{
  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), NULL);

  return LODE_CHART_LAYER_GET_CLASS (self)->dup_title (self);
}

static void
draw_highlight (LodeChartLayer   *self,
                LodeChartContext *context,
                int               highlight)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);
  const LodeChartItem *item;

  if (highlight < 0 || (guint) highlight >= priv->items->len)
    return;

  item = &g_array_index (priv->items, LodeChartItem, highlight);
  _lode_chart_set_rgb (context->cr, context->fg, 0.9);
  cairo_set_line_width (context->cr, 2.0);
  cairo_new_path (context->cr);

  switch (item->kind)
    {
    case LODE_CHART_ITEM_SLICE:
      cairo_arc (context->cr, item->cx, item->cy, item->outer + 1, item->start, item->end);
      cairo_arc_negative (context->cr, item->cx, item->cy, item->inner - 1, item->end, item->start);
      cairo_close_path (context->cr);
      break;
    case LODE_CHART_ITEM_POINT:
      cairo_arc (context->cr, item->x + item->width / 2, item->y + item->height / 2, 6.5, 0, 2 * G_PI);
      break;
    case LODE_CHART_ITEM_BAR:
    case LODE_CHART_ITEM_RANGE:
    default:
      cairo_rectangle (context->cr, item->x - 1, item->y - 1, item->width + 2, item->height + 2);
      break;
    }
  cairo_stroke (context->cr);
}

/* The currency of the figures @self draws: NULL for US dollars. */
static const char *
layer_currency (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);
  LodeChartLayerClass *klass = LODE_CHART_LAYER_GET_CLASS (self);

  if (klass->get_currency != NULL)
    return klass->get_currency (self);

  return klass->exports || klass->investment ? priv->data->currency : NULL;
}

void
lode_chart_layer_render (LodeChartLayer   *self,
                         LodeChartContext *context,
                         int               highlight)
{
  g_return_if_fail (LODE_IS_CHART_LAYER (self));
  g_return_if_fail (context != NULL);

  clear_items (self);
  context->currency = layer_currency (self);
  LODE_CHART_LAYER_GET_CLASS (self)->render (self, context);
  draw_highlight (self, context, highlight);
}

guint
lode_chart_layer_get_n_items (LodeChartLayer *self)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), 0);

  return priv->items->len;
}

const LodeChartItem *
lode_chart_layer_get_item (LodeChartLayer *self,
                           guint           index)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), NULL);
  g_return_val_if_fail (index < priv->items->len, NULL);

  return &g_array_index (priv->items, LodeChartItem, index);
}

int
lode_chart_layer_lookup_item (LodeChartLayer *self,
                              double          x,
                              double          y)
{
  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), -1);

  return LODE_CHART_LAYER_GET_CLASS (self)->lookup_item (self, x, y);
}

/* "Copper, refined: $1,140,000,000 (2025)\nSource: …" */
char *
lode_chart_layer_describe_item (LodeChartLayer *self,
                                guint           index)
{
  LodeChartLayerPrivate *priv = lode_chart_layer_get_instance_private (self);
  const LodeChartItem *item;
  g_autofree char *money = NULL;
  const char *source;
  GString *text;

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), NULL);
  g_return_val_if_fail (index < priv->items->len, NULL);

  item = &g_array_index (priv->items, LodeChartItem, index);
  if (item->unit != LODE_UNIT_NONE)
    /* TRANSLATORS: a quantity and its unit, such as "1,250,000 t" */
    money = g_strdup_printf (_("%'.10g %s"), item->quantity, lode_enum_to_nick (LODE_TYPE_UNIT, item->unit));
  else if (layer_currency (self) != NULL)
    money = lode_amount_format_full (layer_currency (self), item->value);
  else
    money = lode_money_format_full (item->value);
  text = g_string_new (item->label);
  g_string_append (text, ": ");
  g_string_append (text, money);

  LODE_CHART_LAYER_GET_CLASS (self)->describe_item_period (self, item, text);

  if (item->kind == LODE_CHART_ITEM_SLICE && priv->data->total > 0)
    {
      g_autofree char *percent = lode_chart_format_percent ((double) item->value / (double) priv->data->total);

      g_string_append_printf (text, ", %s", percent);
    }

  source = lode_chart_data_describe_source (priv->data, item->source);
  if (source != NULL)
    /* TRANSLATORS: where a figure comes from */
    g_string_append_printf (text, _("\nSource: %s"), source);

  return g_string_free (text, FALSE);
}

guint
lode_chart_layer_describe (LodeChartLayer *self,
                           GString        *text)
{
  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), 0);

  return LODE_CHART_LAYER_GET_CLASS (self)->describe (self, text);
}

GPtrArray *
lode_chart_layer_get_table (LodeChartLayer *self)
{
  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), NULL);

  return LODE_CHART_LAYER_GET_CLASS (self)->get_table (self);
}

gboolean
lode_chart_layer_get_n_rows (LodeChartLayer *self,
                             guint          *n_rows)
{
  guint n = 0;
  gboolean rows;

  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), FALSE);

  rows = LODE_CHART_LAYER_GET_CLASS (self)->get_n_rows (self, &n);
  if (n_rows != NULL)
    *n_rows = rows ? n : 0;

  return rows;
}

gboolean
lode_chart_layer_can_show_months (LodeChartLayer *self)
{
  g_return_val_if_fail (LODE_IS_CHART_LAYER (self), FALSE);

  return LODE_CHART_LAYER_GET_CLASS (self)->can_show_months (self);
}
