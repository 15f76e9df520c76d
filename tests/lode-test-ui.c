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

/* What @widget reads as: a row's title, a button's label, an
 * inscription's text, else its tooltip. */
static const char *
widget_text (GtkWidget *widget)
{
  const char *text = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));

  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}

static GtkWidget *
find_nth (GtkWidget  *widget,
          GType       type,
          const char *text,
          guint      *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (text == NULL || g_strcmp0 (widget_text (widget), text) == 0))
    {
      if (*n == 0)
        return widget;
      (*n)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, type, text, n);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
lode_test_find_widget (GtkWidget  *root,
                       GType       type,
                       const char *text)
{
  return lode_test_find_nth_widget (root, type, text, 0);
}

GtkWidget *
lode_test_find_nth_widget (GtkWidget  *root,
                           GType       type,
                           const char *text,
                           guint       n)
{
  return find_nth (root, type, text, &n);
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

static gboolean
has_dialog (gpointer data)
{
  return lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, data) != NULL;
}

AdwMessageDialog *
lode_test_wait_for_dialog (LodeWindow *window)
{
  g_assert_true (lode_test_poll (has_dialog, window, 30));

  return lode_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

void
lode_test_respond (AdwMessageDialog *dialog,
                   const char       *response)
{
  g_autoptr(AdwMessageDialog) held = g_object_ref (dialog);

  /* As a click on a response button: the response, then the dialog goes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (lode_test_poll (is_hidden, dialog, 30));
}

void
lode_test_destroy_window (LodeWindow *window)
{
  LodeWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (lode_test_poll (lode_test_is_null, &weak, 30));
}
