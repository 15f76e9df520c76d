/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lode-application.h"
#include "lode-chart-view.h"
#include "lode-compare-page.h"
#include "lode-overview-page.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* The charts of the Overview on a real display (Xvfb), as a screen reader
 * and a keyboard user meet them. With LODE_SCREENSHOT_DIR set, also writes
 * the whole Overview as overview.png there, to be looked at. */

static LodeApplication *application;

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);

  return found;
}

static gpointer
find_one (GtkWidget *root,
          GType      type)
{
  GtkWidget *found = lode_test_find_widget (root, type, NULL);

  g_assert_nonnull (found);

  return found;
}

static LodeWindow *
window_new_on_sample (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();
  LodeWindow *window = lode_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  lode_window_set_portfolio (window, sample);
  lode_test_present (window);
  lode_test_settle ();

  return window;
}

static LodeChartView *
find_view (LodeWindow    *window,
           LodeChartKind  kind)
{
  g_autoptr(GPtrArray) views = find_all (GTK_WIDGET (window), LODE_TYPE_CHART_VIEW);

  for (guint i = 0; i < views->len; i++)
    {
      LodeChart *chart = lode_chart_view_get_chart (g_ptr_array_index (views, i));

      if (chart != NULL && lode_chart_get_kind (chart) == kind)
        return g_ptr_array_index (views, i);
    }

  g_assert_not_reached ();
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }

  g_assert_true (handled);
}

static void
assert_property (GtkWidget             *widget,
                 GtkAccessibleProperty  property,
                 const char            *expected)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, expected);

  if (problem != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), problem);
}

static gboolean
compare_idle (gpointer data)
{
  return !lode_compare_page_get_busy (data);
}

/* Every chart is an image named by its title and described by its data. */
static void
test_accessible (void)
{
  LodeWindow *window = window_new_on_sample ();
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  g_autoptr(GPtrArray) views = NULL;
  guint n_targets = 0;
  guint n_sample_targets;

  /* The Compare page draws its chart once it is shown, made off the main
   * thread. */
  adw_view_stack_set_visible_child_name (stack, "compare");
  lode_test_settle ();
  g_assert_true (lode_test_poll (compare_idle, lode_test_template_child (window, LODE_TYPE_WINDOW, "compare_page"), 30));
  adw_view_stack_set_visible_child_name (stack, "overview");
  lode_test_settle ();
  views = find_all (GTK_WIDGET (window), LODE_TYPE_CHART_VIEW);
  n_sample_targets = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_targets (lode_window_get_portfolio (window))));

  /* A view a kind of chart but target progress and production, one a
   * target of the sample (three targets), and one a mineral with
   * production and exports (the sample gives no production figures). */
  g_assert_cmpuint (views->len, ==, LODE_N_CHART_KINDS - 2 + n_sample_targets);

  for (guint i = 0; i < views->len; i++)
    {
      LodeChartView *view = g_ptr_array_index (views, i);
      LodeChart *chart = lode_chart_view_get_chart (view);
      g_autofree char *description = NULL;
      GtkWidget *menu_button;

      g_assert_nonnull (chart);
      description = lode_chart_describe (chart);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);
      assert_property (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_LABEL, lode_chart_get_title (chart));
      assert_property (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));

      menu_button = find_one (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
      assert_property (menu_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Chart Menu");

      if (lode_chart_get_kind (chart) == LODE_CHART_TARGET_PROGRESS)
        n_targets++;
    }
  g_assert_cmpuint (n_targets, ==, n_sample_targets);
  g_assert_cmpuint (n_sample_targets, ==, 3);

  /* What the sample says. */
  {
    LodeChartView *bars = find_view (window, LODE_CHART_EXPORTS_BY_MINERAL);
    LodeChartView *donut = find_view (window, LODE_CHART_DESTINATIONS);
    g_autofree char *bars_text = lode_chart_describe (lode_chart_view_get_chart (bars));
    g_autofree char *donut_text = lode_chart_describe (lode_chart_view_get_chart (donut));

    g_assert_nonnull (strstr (bars_text, "Largest: Copper $1.15 B"));
    g_assert_nonnull (strstr (donut_text, "Largest: China 100.0 %"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_exports_page (gpointer data)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (data)), "exports") == 0;
}

/* Arrow keys walk the bars; Enter opens the Exports page on the records
 * of the bar. */
static void
test_keyboard (void)
{
  LodeWindow *window = window_new_on_sample ();
  LodeChartView *view = find_view (window, LODE_CHART_EXPORTS_BY_MINERAL);
  LodeChart *chart = lode_chart_view_get_chart (view);
  AdwViewStack *stack = find_one (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkColumnView *column_view;
  g_autofree char *first = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *summary = NULL;
  const LodeChartItem *item;

  g_assert_true (lode_test_wait_for (has_size, view));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  /* Copper (concentrate, refined), iron ore, aluminium ores. */
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 4);

  press_key (GTK_WIDGET (view), GDK_KEY_Right);
  g_assert_cmpint (lode_chart_view_get_selected (view), ==, 0);
  press_key (GTK_WIDGET (view), GDK_KEY_Right);
  g_assert_cmpint (lode_chart_view_get_selected (view), ==, 1);
  press_key (GTK_WIDGET (view), GDK_KEY_End);
  g_assert_cmpint (lode_chart_view_get_selected (view), ==, 3);
  press_key (GTK_WIDGET (view), GDK_KEY_Down);
  g_assert_cmpint (lode_chart_view_get_selected (view), ==, 3);
  press_key (GTK_WIDGET (view), GDK_KEY_Home);
  press_key (GTK_WIDGET (view), GDK_KEY_Right);
  g_assert_cmpint (lode_chart_view_get_selected (view), ==, 1);

  /* The description leads with the item reached. */
  item = lode_chart_get_item (chart, 1);
  g_assert_cmpstr (item->mineral, ==, "copper");
  g_assert_cmpint (item->stage, ==, LODE_STAGE_REFINED);
  first = lode_chart_describe_item (chart, 1);
  summary = lode_chart_describe (chart);
  expected = g_strdup_printf ("%s. %s", first, summary);
  assert_property (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_test_message ("%s", first);
  g_assert_nonnull (strstr (first, "Copper, Refined: $1,140,000,000 (2025)"));
  g_assert_nonnull (strstr (first, "Source: The Express Tribune"));

  press_key (GTK_WIDGET (view), GDK_KEY_Return);
  g_assert_true (lode_test_wait_for (is_exports_page, stack));

  /* The one record of refined copper. */
  column_view = find_one (GTK_WIDGET (adw_view_stack_get_visible_child (stack)), GTK_TYPE_COLUMN_VIEW);
  lode_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_toplevel (const char *title)
{
  /* The list and its windows are GTK's: references are dropped at once. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }

  return NULL;
}

static gboolean
table_shown (gpointer data)
{
  GtkWindow *window = find_toplevel (data);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
text_read (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* The menu: Copy as CSV, and Show as Table. */
static void
test_table_and_csv (void)
{
  LodeWindow *window = window_new_on_sample ();
  LodeChartView *view = find_view (window, LODE_CHART_DESTINATIONS);
  LodeChart *chart = lode_chart_view_get_chart (view);
  g_autofree char *csv = lode_chart_to_csv (chart);
  g_autofree char *copied = NULL;
  g_autoptr(GPtrArray) table = lode_chart_get_table (chart);
  GtkWindow *table_window;
  GtkColumnView *column_view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.copy-csv", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL, text_read, &copied);
  g_assert_true (lode_test_wait_for (is_set, &copied));
  g_assert_cmpstr (copied, ==, csv);
  g_assert_true (g_str_has_prefix (csv, "Destination,Code,Value (USD),Share,Records,Source\r\nChina,CN,1266450000,"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.show-table", NULL));
  g_assert_true (lode_test_wait_for (table_shown, (gpointer) lode_chart_get_title (chart)));
  table_window = find_toplevel (lode_chart_get_title (chart));
  column_view = find_one (GTK_WIDGET (table_window), GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==,
                    table->len - 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 6);
  assert_property (GTK_WIDGET (column_view), GTK_ACCESSIBLE_PROPERTY_LABEL, lode_chart_get_title (chart));

  gtk_window_destroy (table_window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Exports over time by month, from the chart's menu. */
static void
test_monthly (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new ("Monthly");
  g_autoptr(LodeMineral) copper = lode_mineral_new ("copper", "Copper", LODE_MINERAL_GROUP_BASE_METAL);
  g_autoptr(LodeChartData) data = NULL;
  g_autoptr(LodeChart) chart = NULL;
  GtkWidget *window = gtk_window_new ();
  LodeChartView *view = LODE_CHART_VIEW (lode_chart_view_new ());

  g_list_store_append (lode_portfolio_get_minerals (portfolio), copper);
  for (int month = 1; month <= 12; month++)
    {
      LodeExportRow row = { "copper", 2025, month, "CN", NULL, LODE_STAGE_REFINED,
                            LODE_QUANTITY_UNSET, LODE_UNIT_NONE, month * 100000, NULL };

      lode_export_table_append (lode_portfolio_get_exports (portfolio), &row);
    }
  data = lode_chart_data_new (portfolio);
  chart = lode_chart_new (LODE_CHART_EXPORTS_OVER_TIME, data);

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  lode_chart_view_set_chart (view, chart);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lode_test_wait_for (has_size, view));

  /* One point for the year, then twelve. */
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.monthly", NULL));
  g_assert_true (lode_chart_view_get_monthly (view));
  g_assert_cmpuint (lode_chart_get_n_items (chart), ==, 12);
  g_assert_cmpint (lode_chart_get_item (chart, 11)->month, ==, 12);
  g_assert_cmpint (lode_chart_get_item (chart, 11)->value, ==, 1200000);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
label_shown (gpointer data)
{
  Shown *shown = data;

  return lode_test_find_widget (shown->root, GTK_TYPE_LABEL, shown->text) != NULL;
}

/* An edit inside an item changes no list; the Overview follows it all the
 * same, and follows its undo. */
static void
test_overview_follows_edits (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeMineral *copper = lode_portfolio_find_mineral (portfolio, "copper");
  LodeWindow *window = lode_test_window_new (portfolio);
  Shown shown = { lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page"), "Copper" };
  g_auto(GValue) value = G_VALUE_INIT;

  lode_test_present (window);
  g_assert_true (lode_test_poll (label_shown, &shown, 30));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Red metal");
  lode_history_set_property (history, "Rename Copper", G_OBJECT (copper), "name", &value);
  shown.text = "Red metal";
  g_assert_true (lode_test_poll (label_shown, &shown, 30));

  lode_history_undo (history);
  shown.text = "Copper";
  g_assert_true (lode_test_poll (label_shown, &shown, 30));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The whole Overview, scrolled or not, as one picture. */
static void
save_screenshot (const char *dir)
{
  LodeWindow *window = window_new_on_sample ();
  GtkWidget *page = find_one (GTK_WIDGET (window), LODE_TYPE_OVERVIEW_PAGE);
  GtkWidget *clamp = find_one (page, ADW_TYPE_CLAMP);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, "overview.png", NULL);
  GskRenderer *renderer;
  int width, height;

  g_assert_true (lode_test_wait_for (has_size, clamp));
  lode_test_settle ();
  width = gtk_widget_get_width (clamp);
  height = gtk_widget_get_height (clamp);
  paintable = gtk_widget_paintable_new (clamp);

  /* Under the page's background. */
  {
    GdkRGBA background = { 0.98, 0.98, 0.98, 1 };

    if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
      background = (GdkRGBA) { 0.14, 0.14, 0.14, 1 };
    gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  }
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (clamp));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d × %d)", path, width, height);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWindow **chooser = data;

  *chooser = lode_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);

  return *chooser != NULL && gtk_widget_get_mapped (GTK_WIDGET (*chooser));
}

static gboolean
chooser_gone (gpointer data)
{
  return lode_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) == NULL;
}

/* Export from the chart's menu asks where, modal over the window, and
 * proposes the chart's name with the format's extension; a second export
 * puts the first chooser away; cancelled, nothing is written and nothing
 * is said. */
static void
test_export_chooser (void)
{
  LodeWindow *window = window_new_on_sample ();
  LodeChartView *view = find_view (window, LODE_CHART_DESTINATIONS);
  GtkWindow *chooser = NULL;
  GtkWindow *first;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.export", "s", "png"));
  g_assert_true (lode_test_wait_for (chooser_shown, &chooser));
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Export Chart");
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (window));
  g_assert_true (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "destinations.png");
  g_assert_nonnull (lode_test_find_widget (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, "_Export"));

  /* Another export takes the place of the first. */
  first = chooser;
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.export", "s", "svg"));
  g_assert_true (lode_test_wait_for (lode_test_is_null, &first));
  g_assert_true (lode_test_wait_for (chooser_shown, &chooser));
  g_clear_pointer (&name, g_free);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "destinations.svg");

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (lode_test_wait_for (chooser_gone, NULL));
  lode_test_settle ();
  g_assert_null (lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *screenshots = g_getenv ("LODE_SCREENSHOT_DIR");

  application = lode_test_init (&argc, &argv);

  if (g_strcmp0 (g_getenv ("LODE_SCREENSHOT_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  if (screenshots != NULL)
    {
      save_screenshot (screenshots);
      return EXIT_SUCCESS;
    }

  g_test_add_func ("/lode/chart-view/accessible", test_accessible);
  g_test_add_func ("/lode/chart-view/keyboard", test_keyboard);
  g_test_add_func ("/lode/chart-view/table-and-csv", test_table_and_csv);
  g_test_add_func ("/lode/chart-view/monthly", test_monthly);
  g_test_add_func ("/lode/chart-view/overview-follows-edits", test_overview_follows_edits);
  g_test_add_func ("/lode/chart-view/export-chooser", test_export_chooser);

  return lode_test_run ();
}
