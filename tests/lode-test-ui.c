/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lode-test-ui.h"

static LodeApplication *application;

LodeApplication *
lode_test_init (int    *argc,
                char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);

  application = lode_application_new ();
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  /* Windows close in the tests, but the application stays. */
  g_application_hold (G_APPLICATION (application));

  return application;
}

int
lode_test_run (void)
{
  int status = g_test_run ();

  g_application_release (G_APPLICATION (application));
  g_clear_object (&application);

  return status;
}

LodeWindow *
lode_test_window_new (LodePortfolio *portfolio)
{
  LodeWindow *window = lode_window_new (GTK_APPLICATION (application));

  if (portfolio != NULL)
    lode_window_set_portfolio (window, portfolio);
  lode_test_present (window);
  lode_test_settle ();

  return window;
}

void
lode_test_present (gpointer window)
{
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lode_test_wait_for (lode_test_is_mapped, window));
}

gboolean
lode_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
lode_test_is_idle (gpointer data)
{
  return !lode_window_get_busy (LODE_WINDOW (data));
}

void
lode_test_settle (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

gpointer
lode_test_template_child (gpointer    widget,
                          GType       type,
                          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

gpointer
lode_test_find_toplevel (GType      type,
                         GtkWindow *parent)
{
  /* The list and its windows are GTK's: references are dropped at once. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && (parent == NULL || gtk_window_get_transient_for (toplevel) == parent))
        return toplevel;
    }

  return NULL;
}

static const char *
widget_text (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  return NULL;
}

GtkWidget *
lode_test_find_widget (GtkWidget  *root,
                       GType       type,
                       const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (text == NULL || g_strcmp0 (widget_text (root), text) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lode_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkColumnViewColumn *
lode_test_column_with_title (GtkColumnView *view,
                             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}
