/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-currency.h"
#include "lode-item-row.h"
#include "lode-list-page-private.h"
#include "lode-rate-editor.h"
#include "lode-rates-window.h"

struct _LodeRatesWindow
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *add_button;
  GtkStack      *stack;
  GtkListBox    *list;

  LodePortfolio *portfolio;
};

G_DEFINE_FINAL_TYPE (LodeRatesWindow, lode_rates_window, ADW_TYPE_WINDOW)

static GListModel *
rates (LodeRatesWindow *self)
{
  return G_LIST_MODEL (lode_portfolio_get_exchange_rates (self->portfolio));
}

/* The rate at @parameter's place, found when it is asked for, which
 * follows the list at once. */
static LodeExchangeRate *
rate_at (LodeRatesWindow *self,
         GVariant        *parameter)
{
  return lode_item_row_get_item (self->portfolio != NULL ? rates (self) : NULL, parameter);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LodeRatesWindow *self = user_data;
  LodeExchangeRate *rate = item;
  const char *source_id = lode_exchange_rate_get_source (rate);
  LodeSource *source = source_id != NULL ? lode_portfolio_find_source (self->portfolio, source_id) : NULL;
  const char *note = lode_exchange_rate_get_note (rate);
  g_autofree char *title = lode_rate_editor_describe (self->portfolio, rate);
  g_autofree char *value = lode_rate_format (lode_exchange_rate_get_rate (rate));
  g_autofree char *edit_label = NULL;
  g_autofree char *duplicate_label = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *row = lode_item_row_new (title, note, source);
  GtkWidget *label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* TRANSLATORS: an exchange rate, as in "278.8313 PKR per US dollar" */
  shown = g_strdup_printf (_("%s %s per US dollar"), value, lode_exchange_rate_get_currency (rate));
  label = gtk_label_new (shown);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  /* TRANSLATORS: a button's tooltip, as in "Edit Rate PKR, 2024" */
  edit_label = g_strdup_printf (_("Edit Rate %s"), title);
  lode_item_row_add_button (row, "document-edit-symbolic", edit_label, "rates.edit");
  /* TRANSLATORS: a button's tooltip, as in "Duplicate Rate PKR, 2024" */
  duplicate_label = g_strdup_printf (_("Duplicate Rate %s"), title);
  lode_item_row_add_button (row, "edit-copy-symbolic", duplicate_label, "rates.duplicate");
  /* TRANSLATORS: a button's tooltip, as in "Delete Rate PKR, 2024" */
  delete_label = g_strdup_printf (_("Delete Rate %s"), title);
  lode_item_row_add_button (row, NULL, delete_label, "rates.delete");

  return row;
}

/* Made anew on every step of the history: an undo changes a rate without
 * changing the list. */
static void
update (LodeRatesWindow *self)
{
  GListModel *model = self->portfolio != NULL ? rates (self) : NULL;

  gtk_list_box_bind_model (self->list, model, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    model != NULL && g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LodeRatesWindow *self = LODE_RATES_WINDOW (widget);

  if (self->portfolio != NULL)
    lode_list_page_present_editor (widget, GTK_WINDOW (lode_rate_editor_new (self->portfolio, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeRatesWindow *self = LODE_RATES_WINDOW (widget);
  LodeExchangeRate *rate = rate_at (self, parameter);

  if (rate != NULL)
    lode_list_page_present_editor (widget, GTK_WINDOW (lode_rate_editor_new (self->portfolio, rate)));
}

/* A copy of a rate would be a second rate for its period, which the file
 * refuses: the editor opens with its values for the next year. */
static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LodeRatesWindow *self = LODE_RATES_WINDOW (widget);
  LodeExchangeRate *rate = rate_at (self, parameter);

  if (rate != NULL)
    lode_list_page_present_editor (widget, GTK_WINDOW (lode_rate_editor_new_from (self->portfolio, rate)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeRatesWindow *self = LODE_RATES_WINDOW (widget);
  LodeExchangeRate *rate = rate_at (self, parameter);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (rate == NULL)
    return;

  name = lode_rate_editor_describe (self->portfolio, rate);
  /* TRANSLATORS: an undoable change, as in "Delete Rate PKR, 2024" */
  label = g_strdup_printf (_("Delete Rate %s"), name);
  lode_history_remove_item (lode_portfolio_get_history (self->portfolio), label,
                            lode_portfolio_get_exchange_rates (self->portfolio),
                            g_variant_get_uint32 (parameter));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeRatesWindow *self = LODE_RATES_WINDOW (widget);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);

  if (lode_history_get_can_undo (history))
    lode_history_undo (history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeRatesWindow *self = LODE_RATES_WINDOW (widget);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);

  if (lode_history_get_can_redo (history))
    lode_history_redo (history);
}

static void
row_activated (LodeRatesWindow *self,
               GtkListBoxRow   *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "rates.edit", "u", (guint32) gtk_list_box_row_get_index (row));
}

static void
lode_rates_window_dispose (GObject *object)
{
  LodeRatesWindow *self = LODE_RATES_WINDOW (object);

  if (self->portfolio != NULL)
    g_signal_handlers_disconnect_by_data (lode_portfolio_get_history (self->portfolio), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_RATES_WINDOW);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (lode_rates_window_parent_class)->dispose (object);
}

static void
lode_rates_window_class_init (LodeRatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_rates_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-rates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeRatesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, LodeRatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeRatesWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "rates.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rates.edit", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "rates.duplicate", "u", duplicate_action);
  gtk_widget_class_install_action (widget_class, "rates.delete", "u", delete_action);
  gtk_widget_class_install_action (widget_class, "rates.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "rates.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "rates.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "rates.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rates.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lode_rates_window_init (LodeRatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LodeRatesWindow *
lode_rates_window_new (LodePortfolio *portfolio)
{
  LodeRatesWindow *self;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);

  self = g_object_new (LODE_TYPE_RATES_WINDOW, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_signal_connect_swapped (lode_portfolio_get_history (portfolio), "notify::undo-label",
                            G_CALLBACK (update), self);
  update (self);

  return self;
}
