/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-chart-view.h"
#include "lode-dialogs.h"

/* A chart on screen: drawn by the renderer lode-cli uses, so the picture
 * is the one exported. Items are reached with the pointer (tooltips with
 * the exact figure, year and source) and with the arrow keys; activating
 * one emits ::item-activated. Its menu exports the chart, copies it as
 * CSV or shows it as a table. */

#define MIN_WIDTH      280
#define NATURAL_WIDTH  640
#define MIN_HEIGHT     320
#define NATURAL_HEIGHT 360
/* Bar charts: above and below the bars, and a row (as the renderer
 * draws them, at most twelve). */
#define BARS_CHROME_HEIGHT 130
#define BARS_ROW_HEIGHT    40
#define BARS_MAX_ROWS      12

struct _LodeChartView
{
  GtkWidget        parent_instance;

  LodeChart       *chart;
  GtkWidget       *menu_button;
  GObject         *file_chooser;
  char            *export_format;
  int              selected;
  int              hovered;
  gboolean         monthly;
};

G_DEFINE_FINAL_TYPE (LodeChartView, lode_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_MONTHLY,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
prepare_chart (LodeChartView *self)
{
  lode_chart_set_dark (self->chart, is_dark ());
  lode_chart_set_rtl (self->chart, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL);
  lode_chart_set_highlight (self->chart, self->hovered >= 0 ? self->hovered : self->selected);
}

static void
update_accessible (LodeChartView *self)
{
  g_autofree char *description = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  description = lode_chart_describe (self->chart);
  if (self->selected >= 0 && (guint) self->selected < lode_chart_get_n_items (self->chart))
    {
      g_autofree char *item = lode_chart_describe_item (self->chart, self->selected);
      g_autofree char *both = g_strdup_printf ("%s. %s", item, description);

      g_free (description);
      description = g_steal_pointer (&both);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lode_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Lays out the chart for the current size without showing it, so items
 * can be reached before the first frame. */
static void
layout_chart (LodeChartView *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  prepare_chart (self);
  lode_chart_render (self->chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Drawing and size */

static void
lode_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->chart != NULL && width > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      prepare_chart (self);
      lode_chart_render (self->chart, cr, width, height);
      cairo_destroy (cr);
    }

  /* Focus from the keyboard, before an item is reached: a ring around
   * the chart. */
  if (gtk_widget_has_visible_focus (widget) && self->selected < 0)
    {
      GskRoundedRect outline;
      GdkRGBA accent = { 0.21, 0.52, 0.89, 0.6 };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 8);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { accent, accent, accent, accent });
    }

  gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

/* Bars need room for their rows, no more: the title, the legend and the
 * axis, and a row a mineral. 0 for the other charts. */
static int
bars_height (LodeChartView *self)
{
  guint n_rows = 0;

  if (self->chart == NULL || !lode_chart_get_n_rows (self->chart, &n_rows))
    return 0;

  return BARS_CHROME_HEIGHT + MIN (n_rows, BARS_MAX_ROWS) * BARS_ROW_HEIGHT;
}

static void
lode_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);
  int child_min, child_nat;

  gtk_widget_measure (self->menu_button, orientation, -1, &child_min, &child_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (MIN_WIDTH, child_min);
      *natural = MAX (NATURAL_WIDTH, child_nat);
    }
  else
    {
      int height = bars_height (self);

      *minimum = MAX (height > 0 ? height : MIN_HEIGHT, child_min);
      *natural = MAX (height > 0 ? height : NATURAL_HEIGHT, child_nat);
    }
}

static void
lode_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);
  GtkRequisition size;
  int x;

  gtk_widget_get_preferred_size (self->menu_button, NULL, &size);
  /* In the top end corner. */
  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 6 : width - size.width - 6;
  gtk_widget_size_allocate (self->menu_button,
                            &(GtkAllocation) { x, 6, size.width, size.height }, -1);

  layout_chart (self);
}

/* Pointer and keyboard */

static void
set_hovered (LodeChartView *self,
             int            item)
{
  if (self->hovered == item)
    return;

  self->hovered = item;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), item >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        LodeChartView            *self)
{
  set_hovered (self, self->chart != NULL ? lode_chart_hit_test (self->chart, x, y) : -1);
}

static void
leave (GtkEventControllerMotion *controller,
       LodeChartView            *self)
{
  set_hovered (self, -1);
}

static void
released (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          LodeChartView   *self)
{
  int item;

  if (self->chart == NULL)
    return;

  item = lode_chart_hit_test (self->chart, x, y);
  if (item < 0)
    return;

  lode_chart_view_set_selected (self, item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item);
}

static gboolean
query_tooltip (GtkWidget     *widget,
               int            x,
               int            y,
               gboolean       keyboard_mode,
               GtkTooltip    *tooltip,
               LodeChartView *self)
{
  g_autofree char *text = NULL;
  int item;

  if (self->chart == NULL)
    return FALSE;

  item = keyboard_mode ? self->selected : lode_chart_hit_test (self->chart, x, y);
  if (item < 0 || (guint) item >= lode_chart_get_n_items (self->chart))
    return FALSE;

  text = lode_chart_describe_item (self->chart, item);
  gtk_tooltip_set_text (tooltip, text);

  if (keyboard_mode)
    {
      const LodeChartItem *chart_item = lode_chart_get_item (self->chart, item);

      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { chart_item->x, chart_item->y,
                                                           MAX (1, chart_item->width),
                                                           MAX (1, chart_item->height) });
    }

  return TRUE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LodeChartView         *self)
{
  guint n_items = self->chart != NULL ? lode_chart_get_n_items (self->chart) : 0;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int step = 0;

  if (n_items == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = rtl ? -1 : 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = rtl ? 1 : -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = -1;
      break;
    case GDK_KEY_Home:
      lode_chart_view_set_selected (self, 0);
      return TRUE;
    case GDK_KEY_End:
      lode_chart_view_set_selected (self, n_items - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selected < 0)
        return FALSE;
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) self->selected);
      return TRUE;
    default:
      return FALSE;
    }

  if (self->selected < 0)
    lode_chart_view_set_selected (self, step > 0 ? 0 : n_items - 1);
  else
    lode_chart_view_set_selected (self, CLAMP (self->selected + step, 0, (int) n_items - 1));

  return TRUE;
}

static void
focus_changed (GtkEventControllerFocus *controller,
               LodeChartView           *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Export, CSV and table */

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LodeChartView) self = user_data;
  g_autoptr(GError) error = NULL;
  GObject *dialog;

  if (lode_chart_write_file_finish (LODE_CHART (source), result, &error))
    return;

  dialog = lode_dialog_new (_("Could Not Export the Chart"), error->message);
  lode_dialog_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  lode_dialog_present (dialog, "close", "close", GTK_WIDGET (self));
}

/* The picture is drawn here; the file is written in a worker thread, and
 * a failure keeps the file that was there. */
static void
export_chosen (GFile    *file,
               gpointer  user_data)
{
  LodeChartView *self = user_data;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->file_chooser);

  if (path != NULL && self->chart != NULL)
    {
      int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), MIN_WIDTH);
      int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), MIN_HEIGHT);
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

      prepare_chart (self);
      lode_chart_set_highlight (self->chart, -1);
      lode_chart_write_file_async (self->chart, path, width, height, MAX (scale, 1), NULL,
                                   export_written_cb, g_object_ref (self));
      layout_chart (self);
    }
}

static void
close_file_chooser (LodeChartView *self)
{
  if (self->file_chooser != NULL)
    lode_file_chooser_cancel (g_steal_pointer (&self->file_chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  if (self->chart == NULL)
    return;

  close_file_chooser (self);

  name = g_strdup_printf ("%s.%s", lode_chart_kind_get_name (lode_chart_get_kind (self->chart)), format);
  gtk_file_filter_add_suffix (filter, format);
  gtk_file_filter_set_name (filter, g_str_equal (format, "png") ? _("PNG images") :
                                    g_str_equal (format, "svg") ? _("SVG images") : _("PDF documents"));
  g_list_store_append (filters, filter);
  self->file_chooser = lode_file_chooser_show (widget, LODE_FILE_CHOOSER_SAVE,
                                               _("Export Chart"), _("_Export"),
                                               G_LIST_MODEL (filters), NULL, name,
                                               export_chosen, self);
}

static void
copy_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);
  g_autofree char *csv = NULL;

  if (self->chart == NULL)
    return;

  csv = lode_chart_to_csv (self->chart);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_list_get_string (row, column));
}

/* The window of "Show as Table": a column view of the chart's figures,
 * the amounts exact. */
static GtkWidget *
table_window_new (LodeChartView *self)
{
  g_autoptr(GPtrArray) table = lode_chart_get_table (self->chart);
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window, *box, *header, *scrolled, *view;
  char **heading = g_ptr_array_index (table, 0);

  for (guint r = 1; r < table->len; r++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *) g_ptr_array_index (table, r));

      g_list_store_append (rows, row);
    }

  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lode_chart_get_title (self->chart),
                                  -1);

  for (guint c = 0; heading[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      if (*heading[c] == '\0')
        continue;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (heading[c], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);

  header = adw_header_bar_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), lode_chart_get_title (self->chart));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);

  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }

  return window;
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LodeChartView *self = LODE_CHART_VIEW (widget);

  if (self->chart == NULL)
    return;

  gtk_window_present (GTK_WINDOW (table_window_new (self)));
}

/* GObject */

static void
dark_changed (LodeChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lode_chart_view_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  gtk_widget_queue_allocate (widget);
  GTK_WIDGET_CLASS (lode_chart_view_parent_class)->direction_changed (widget, previous);
}

static void
lode_chart_view_dispose (GObject *object)
{
  LodeChartView *self = LODE_CHART_VIEW (object);

  close_file_chooser (self);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (lode_chart_view_parent_class)->dispose (object);
}

static void
lode_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LodeChartView *self = LODE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    case PROP_MONTHLY:
      g_value_set_boolean (value, self->monthly);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LodeChartView *self = LODE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      lode_chart_view_set_chart (self, g_value_get_object (value));
      break;

    case PROP_MONTHLY:
      lode_chart_view_set_monthly (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_chart_view_class_init (LodeChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_chart_view_dispose;
  object_class->get_property = lode_chart_view_get_property;
  object_class->set_property = lode_chart_view_set_property;

  widget_class->snapshot = lode_chart_view_snapshot;
  widget_class->measure = lode_chart_view_measure;
  widget_class->size_allocate = lode_chart_view_size_allocate;
  widget_class->direction_changed = lode_chart_view_direction_changed;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         LODE_TYPE_CHART,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Exports over time by month rather than by year. */
  properties[PROP_MONTHLY] =
    g_param_spec_boolean ("monthly", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LodeChartView::item-activated:
   * @self: the view
   * @item: the index of the item in the chart
   *
   * A bar, slice or point was clicked, or chosen with Enter.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-csv", NULL, copy_csv_action);
  gtk_widget_class_install_action (widget_class, "chart.show-table", NULL, show_table_action);
  gtk_widget_class_install_property_action (widget_class, "chart.monthly", "monthly");

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static GMenuModel *
chart_menu_new (gboolean by_month)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  g_autoptr(GMenu) data = g_menu_new ();

  if (by_month)
    {
      g_autoptr(GMenu) view = g_menu_new ();

      g_menu_append (view, _("By _Month"), "chart.monthly");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
    }

  g_menu_append (export, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (export, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (export, _("Export as P_DF…"), "chart.export::pdf");
  g_menu_append (data, _("_Copy as CSV"), "chart.copy-csv");
  g_menu_append (data, _("Show as _Table"), "chart.show-table");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (data));

  return G_MENU_MODEL (menu);
}

static void
lode_chart_view_init (LodeChartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;
  g_autoptr(GMenuModel) menu = chart_menu_new (FALSE);

  self->selected = -1;
  self->hovered = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip), self);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Chart Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart Menu"),
                                  -1);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
lode_chart_view_new (void)
{
  return g_object_new (LODE_TYPE_CHART_VIEW, NULL);
}

LodeChart *
lode_chart_view_get_chart (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
lode_chart_view_set_chart (LodeChartView *self,
                           LodeChart     *chart)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || LODE_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  self->selected = -1;
  self->hovered = -1;
  if (chart != NULL)
    {
      g_autoptr(GMenuModel) menu = chart_menu_new (lode_chart_get_can_show_months (chart));

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
      lode_chart_set_monthly (chart, self->monthly);
    }
  layout_chart (self);
  update_accessible (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy-csv", chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.show-table", chart != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

int
lode_chart_view_get_selected (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), -1);

  return self->selected;
}

void
lode_chart_view_set_selected (LodeChartView *self,
                              int            item)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));

  if (self->chart == NULL || item < 0 || (guint) item >= lode_chart_get_n_items (self->chart))
    item = -1;

  if (self->selected == item)
    return;

  self->selected = item;
  update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
lode_chart_view_get_monthly (LodeChartView *self)
{
  g_return_val_if_fail (LODE_IS_CHART_VIEW (self), FALSE);

  return self->monthly;
}

void
lode_chart_view_set_monthly (LodeChartView *self,
                             gboolean       monthly)
{
  g_return_if_fail (LODE_IS_CHART_VIEW (self));

  monthly = !!monthly;
  if (self->monthly == monthly)
    return;

  self->monthly = monthly;
  if (self->chart != NULL)
    {
      lode_chart_set_monthly (self->chart, monthly);
      self->selected = -1;
      layout_chart (self);
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTHLY]);
}
