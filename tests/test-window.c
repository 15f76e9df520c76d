/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "lode-application.h"
#include "lode-exports-page.h"
#include "lode-minerals-page.h"
#include "lode-overview-page.h"
#include "lode-portfolio-io.h"
#include "lode-test-ui.h"
#include "lode-window.h"

/* The window, on a real display (Xvfb) with a real session bus. */

static LodeApplication *application;

static gboolean
is_sorted (gpointer data)
{
  /* The export records sort at once, through their index. */
  if (!GTK_IS_SORT_LIST_MODEL (data))
    return TRUE;

  return gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (data)) == 0;
}

static LodeWindow *
window_new_on_sample (void)
{
  g_autoptr(LodePortfolio) sample = lode_portfolio_new_sample ();

  return lode_test_window_new (sample);
}

static GtkColumnView *
minerals_view (LodeWindow *window)
{
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "minerals_page");

  return lode_test_template_child (page, LODE_TYPE_MINERALS_PAGE, "column_view");
}

static GtkColumnView *
exports_view (LodeWindow *window)
{
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");

  return lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "column_view");
}

/* Sorts @view by the column titled @title and waits for the sort to end. */
static void
sort_by (GtkColumnView *view,
         const char    *title,
         GtkSortType    direction)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  GListModel *sort_model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));

  gtk_column_view_sort_by_column (view, lode_test_column_with_title (view, title), direction);
  g_assert_true (lode_test_wait_for (is_sorted, sort_model));
}

static gboolean
tree_has_text (GtkWidget  *widget,
               const char *text)
{
  return lode_test_find_widget (widget, GTK_TYPE_INSCRIPTION, text) != NULL;
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  return lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent);
}

static void
test_pages (void)
{
  static const char * const titles[] = { "Overview", "Minerals", "Exports", "Compare", "Projects", "Investments", "Targets",
                                         "Sources" };
  LodeWindow *window = window_new_on_sample ();
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
    }

  /* The shortcuts window comes from the application's resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notified)
{
  (*n_notified)++;
}

/* Every page has the window's portfolio as its "portfolio" property, and
 * setting it through the property notifies once, only on a change. */
static void
test_portfolio_property (void)
{
  LodeWindow *window = window_new_on_sample ();
  LodePortfolio *shown = lode_window_get_portfolio (window);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  g_autoptr(LodePortfolio) other = lode_portfolio_new ("Other");
  g_autoptr(LodePortfolio) from_window = NULL;

  g_object_get (window, "portfolio", &from_window, NULL);
  g_assert_true (from_window == shown);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      g_autoptr(LodePortfolio) before = NULL;
      g_autoptr(LodePortfolio) after = NULL;
      guint n_notified = 0;
      gulong handler;

      g_object_get (child, "portfolio", &before, NULL);
      g_assert_true (before == shown);

      handler = g_signal_connect (child, "notify::portfolio", G_CALLBACK (count_notify), &n_notified);
      g_object_set (child, "portfolio", other, NULL);
      g_object_set (child, "portfolio", other, NULL);
      g_object_get (child, "portfolio", &after, NULL);
      g_assert_true (after == other);
      g_assert_cmpuint (n_notified, ==, 1);

      g_object_set (child, "portfolio", shown, NULL);
      g_assert_cmpuint (n_notified, ==, 2);
      g_signal_handler_disconnect (child, handler);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_minerals (void)
{
  LodeWindow *window = window_new_on_sample ();
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  GListStore *minerals = lode_portfolio_get_minerals (lode_window_get_portfolio (window));
  GtkColumnView *view = minerals_view (window);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(LodeMineral) first = NULL;
  g_autoptr(LodeMineral) last = NULL;
  guint n_items;

  adw_view_stack_set_visible_child_name (stack, "minerals");
  lode_test_settle ();

  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >, 0);
  g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (minerals)));

  /* Unsorted, the view keeps the file's order, which starts with copper,
   * and the cells show the names. */
  first = g_list_model_get_item (model, 0);
  g_assert_true (strstr (lode_mineral_get_name (first), "Copper") != NULL);
  g_assert_true (tree_has_text (GTK_WIDGET (view), lode_mineral_get_name (first)));
  g_assert_true (tree_has_text (GTK_WIDGET (view), "Base metal"));
  g_clear_object (&first);

  /* Sorted by name, both ways. */
  sort_by (view, "Name", GTK_SORT_ASCENDING);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, n_items - 1);
  g_assert_cmpint (g_utf8_collate (lode_mineral_get_name (first), lode_mineral_get_name (last)), <, 0);
  g_clear_object (&first);
  g_clear_object (&last);

  sort_by (view, "Name", GTK_SORT_DESCENDING);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, n_items - 1);
  g_assert_cmpint (g_utf8_collate (lode_mineral_get_name (first), lode_mineral_get_name (last)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_exports (void)
{
  LodeWindow *window = window_new_on_sample ();
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  AdwViewStack *stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  gpointer page = lode_test_template_child (window, LODE_TYPE_WINDOW, "exports_page");
  GtkLabel *totals = lode_test_template_child (page, LODE_TYPE_EXPORTS_PAGE, "totals_label");
  GtkColumnView *view = exports_view (window);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint n_rows = lode_export_table_get_n_rows (table);
  g_autofree char *count = g_strdup_printf ("%u records", n_rows);
  g_autoptr(LodeExportRecord) first = NULL;
  g_autoptr(LodeExportRecord) last = NULL;
  LodeMineral *first_mineral;
  LodeMineral *last_mineral;

  adw_view_stack_set_visible_child_name (stack, "exports");
  lode_test_settle ();

  g_assert_cmpuint (n_rows, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_rows);
  g_assert_true (strstr (gtk_label_get_label (totals), count) != NULL);

  /* Largest value first. */
  sort_by (view, "Value", GTK_SORT_DESCENDING);
  first = g_list_model_get_item (model, 0);
  for (guint i = 1; i < n_rows; i++)
    {
      g_autoptr(LodeExportRecord) record = g_list_model_get_item (model, i);

      g_assert_cmpint (lode_export_record_get_row (first)->value, >=,
                       lode_export_record_get_row (record)->value);
    }
  g_clear_object (&first);

  /* By the minerals' names, which the table does not hold. */
  sort_by (view, "Mineral", GTK_SORT_ASCENDING);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, n_rows - 1);
  first_mineral = lode_portfolio_find_mineral (portfolio, lode_export_record_get_row (first)->mineral);
  last_mineral = lode_portfolio_find_mineral (portfolio, lode_export_record_get_row (last)->mineral);
  g_assert_nonnull (first_mineral);
  g_assert_nonnull (last_mineral);
  g_assert_cmpint (g_utf8_collate (lode_mineral_get_name (first_mineral),
                                   lode_mineral_get_name (last_mineral)), <=, 0);
  lode_test_settle ();
  g_assert_true (tree_has_text (GTK_WIDGET (view), lode_mineral_get_name (first_mineral)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_title (void)
{
  LodeWindow *window = window_new_on_sample ();
  LodePortfolio *portfolio = lode_window_get_portfolio (window);
  const char *title;

  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (strstr (title, lode_portfolio_get_title (portfolio)) != NULL);
  g_assert_true (g_str_has_suffix (title, "Lode"));
  g_assert_false (g_str_has_prefix (title, "•"));
  g_assert_false (lode_portfolio_get_modified (portfolio));

  lode_portfolio_set_title (portfolio, "Edited portfolio");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (title, "• "));
  g_assert_true (strstr (title, "Edited portfolio") != NULL);

  lode_portfolio_set_modified (portfolio, FALSE);
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_false (g_str_has_prefix (title, "•"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-test-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  LodeWindow *window;
  LodePortfolio *before;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.json", NULL);
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"lode-portfolio\",\n  \"version\": 1,\n", -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = window_new_on_sample ();
  before = lode_window_get_portfolio (window);
  g_assert_null (find_dialog (GTK_WINDOW (window)));

  lode_window_open_file (window, file);
  g_assert_true (lode_window_get_busy (window));
  g_assert_true (lode_test_wait_for (lode_test_is_idle, window));
  lode_test_settle ();

  /* The error is shown, naming the file; what was open stays open. */
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (strstr (adw_message_dialog_get_heading (dialog), "broken.json") != NULL);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "Line 3, column") != NULL);
  g_assert_true (lode_window_get_portfolio (window) == before);
  g_assert_null (lode_window_get_file (window));
  g_assert_true (strstr (gtk_window_get_title (GTK_WINDOW (window)),
                         lode_portfolio_get_title (before)) != NULL);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_open_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-test-window-XXXXXX", &error);
  g_autoptr(LodePortfolio) saved = lode_portfolio_new_sample ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  LodeWindow *window;
  LodePortfolio *before;
  LodePortfolio *after;

  g_assert_no_error (error);
  path = g_build_filename (dir, "exports.json", NULL);
  file = g_file_new_for_path (path);
  lode_portfolio_set_title (saved, "Saved portfolio");
  g_assert_true (lode_portfolio_save_file (saved, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  window = window_new_on_sample ();
  before = lode_window_get_portfolio (window);

  lode_window_open_file (window, file);
  g_assert_true (lode_test_wait_for (lode_test_is_idle, window));
  lode_test_settle ();

  after = lode_window_get_portfolio (window);
  g_assert_nonnull (after);
  g_assert_true (after != before);
  g_assert_cmpstr (lode_portfolio_get_title (after), ==, "Saved portfolio");
  g_assert_true (g_file_equal (lode_window_get_file (window), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "exports.json"));
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (exports_view (window)))),
                    ==, lode_export_table_get_n_rows (lode_portfolio_get_exports (after)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_about (void)
{
  LodeWindow *window = window_new_on_sample ();
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  lode_test_settle ();

  about = lode_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Lode");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (void)
{
  LodeWindow *window = lode_window_new (GTK_APPLICATION (application));
  GtkStack *main_stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "main_stack");
  GtkColumnView *view;

  lode_test_present (window);

  g_assert_null (lode_window_get_portfolio (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lode");

  /* The sample, opened from the empty state, fills every page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  lode_test_settle ();
  g_assert_nonnull (lode_window_get_portfolio (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "portfolio");
  view = minerals_view (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), >, 0);

  lode_window_set_portfolio (window, NULL);
  lode_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
portfolio_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  guint *n_finalized = data;

  (*n_finalized)++;
}

/* How many unblocked handlers @instance has of @signal_id: each found is
 * blocked until all are counted. */
static guint
count_signal_handlers (gpointer instance,
                       guint    signal_id)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gulong));
  gulong handler;

  while ((handler = g_signal_handler_find (instance, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED,
                                           signal_id, 0, NULL, NULL, NULL)) != 0)
    {
      g_signal_handler_block (instance, handler);
      g_array_append_val (found, handler);
    }
  for (guint i = 0; i < found->len; i++)
    g_signal_handler_unblock (instance, g_array_index (found, gulong, i));

  return found->len;
}

/* How many handlers @instance has, of any signal of its class and of its
 * interfaces, connected by anyone. */
static guint
count_handlers (gpointer instance)
{
  guint n_handlers = 0;

  for (GType type = G_TYPE_FROM_INSTANCE (instance); type != 0; type = g_type_parent (type))
    {
      g_autofree GType *interfaces = g_type_interfaces (type, NULL);
      g_autofree guint *ids = NULL;
      guint n_ids;

      ids = g_signal_list_ids (type, &n_ids);
      for (guint i = 0; i < n_ids; i++)
        n_handlers += count_signal_handlers (instance, ids[i]);
      for (guint j = 0; interfaces[j] != 0; j++)
        {
          g_autofree guint *interface_ids = g_signal_list_ids (interfaces[j], &n_ids);

          for (guint i = 0; i < n_ids; i++)
            n_handlers += count_signal_handlers (instance, interface_ids[i]);
        }
    }

  return n_handlers;
}

/* The handlers on @portfolio, its lists and their items, its export
 * records and its history, one count each. */
static GArray *
portfolio_handlers (LodePortfolio *portfolio)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (guint));
  gpointer objects[] = {
    portfolio,
    lode_portfolio_get_exports (portfolio),
    lode_portfolio_get_history (portfolio),
    lode_portfolio_get_minerals (portfolio),
    lode_portfolio_get_projects (portfolio),
    lode_portfolio_get_targets (portfolio),
    lode_portfolio_get_sources (portfolio),
  };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      guint n = count_handlers (objects[i]);

      g_array_append_val (counts, n);

      /* The lists' items */
      if (G_IS_LIST_STORE (objects[i]))
        for (guint j = 0; j < g_list_model_get_n_items (objects[i]); j++)
          {
            g_autoptr(GObject) item = g_list_model_get_item (objects[i], j);

            n = count_handlers (item);
            g_array_append_val (counts, n);
          }
    }

  return counts;
}

typedef struct
{
  guint *n_finalized;
  guint  n_expected;
} FinalizedCount;

static gboolean
all_finalized (gpointer data)
{
  FinalizedCount *count = data;

  return *count->n_finalized == count->n_expected;
}

/* Ten portfolios opened in turn: each view follows the one shown, and
 * nothing (a page, the Overview, the window's title, drafts or history
 * menu) keeps the one before alive. */
static void
test_open_ten (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-test-window-XXXXXX", &error);
  const char *pages[] = { "overview", "minerals", "exports", "projects", "investments", "targets", "sources" };
  guint n_finalized = 0;
  FinalizedCount count = { &n_finalized, 0 };
  LodeWindow *window;
  AdwViewStack *stack;
  gpointer overview;
  GtkLabel *title_label;
  GtkLabel *description_label;

  g_assert_no_error (error);

  window = window_new_on_sample ();
  stack = lode_test_template_child (window, LODE_TYPE_WINDOW, "stack");
  overview = lode_test_template_child (window, LODE_TYPE_WINDOW, "overview_page");
  title_label = lode_test_template_child (overview, LODE_TYPE_OVERVIEW_PAGE, "title_label");
  description_label = lode_test_template_child (overview, LODE_TYPE_OVERVIEW_PAGE, "description_label");

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(LodePortfolio) saved = lode_portfolio_new_sample ();
      g_autofree char *name = g_strdup_printf ("portfolio-%u.json", i);
      g_autofree char *title = g_strdup_printf ("Portfolio %u", i);
      g_autofree char *renamed = g_strdup_printf ("Renamed portfolio %u", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      LodePortfolio *before = lode_window_get_portfolio (window);
      LodePortfolio *after;

      g_autoptr(LodePortfolio) held = g_object_ref (before);
      g_autoptr(GArray) handlers = NULL;

      lode_portfolio_set_title (saved, title);
      g_assert_true (lode_portfolio_save_file (saved, file, FALSE, NULL, &error));
      g_assert_no_error (error);
      g_clear_object (&saved);

      g_object_weak_ref (G_OBJECT (before), portfolio_finalized, &n_finalized);
      count.n_expected++;

      lode_window_open_file (window, file);
      g_assert_true (lode_test_wait_for (lode_test_is_idle, window));
      after = lode_window_get_portfolio (window);
      g_assert_true (after != before);
      g_assert_cmpstr (lode_portfolio_get_title (after), ==, title);

      /* Held here, the portfolio let go of has only the handlers a
       * portfolio that was never shown has: no view still listens. */
      lode_test_settle ();
      {
        g_autoptr(LodePortfolio) unshown = lode_portfolio_load_file (file, NULL, &error);
        g_autoptr(GArray) expected = NULL;

        g_assert_no_error (error);
        expected = portfolio_handlers (unshown);
        handlers = portfolio_handlers (held);
        g_assert_cmpuint (handlers->len, ==, expected->len);
        for (guint k = 0; k < expected->len; k++)
          g_assert_cmpuint (g_array_index (handlers, guint, k), ==, g_array_index (expected, guint, k));
      }
      g_clear_object (&held);

      /* Every page shows the new portfolio once. */
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          adw_view_stack_set_visible_child_name (stack, pages[p]);
          lode_test_settle ();
        }
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (exports_view (window)))),
                        ==, lode_export_table_get_n_rows (lode_portfolio_get_exports (after)));

      /* The Overview follows the new portfolio's texts, not the old one's. */
      g_assert_cmpstr (gtk_label_get_label (title_label), ==, title);
      lode_portfolio_set_title (after, renamed);
      lode_portfolio_set_description (after, "Opened in turn");
      g_assert_cmpstr (gtk_label_get_label (title_label), ==, renamed);
      g_assert_cmpstr (gtk_label_get_label (description_label), ==, "Opened in turn");

      g_assert_true (lode_test_poll (all_finalized, &count, 10));
      g_assert_cmpuint (n_finalized, ==, i + 1);
    }

  /* The last one goes with the window. */
  g_object_weak_ref (G_OBJECT (lode_window_get_portfolio (window)), portfolio_finalized, &n_finalized);
  count.n_expected++;
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (lode_test_poll (all_finalized, &count, 10));
  g_assert_cmpuint (n_finalized, ==, 11);

  lode_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  application = lode_test_init (&argc, &argv);

  g_test_add_func ("/lode/window/pages", test_pages);
  g_test_add_func ("/lode/window/portfolio-property", test_portfolio_property);
  g_test_add_func ("/lode/window/minerals", test_minerals);
  g_test_add_func ("/lode/window/exports", test_exports);
  g_test_add_func ("/lode/window/title", test_title);
  g_test_add_func ("/lode/window/open-broken", test_open_broken);
  g_test_add_func ("/lode/window/open-file", test_open_file);
  g_test_add_func ("/lode/window/about", test_about);
  g_test_add_func ("/lode/window/empty", test_empty);
  g_test_add_func ("/lode/window/open-ten", test_open_ten);

  return lode_test_run ();
}
