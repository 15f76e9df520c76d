/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-history.h"
#include "lode-list-page-private.h"
#include "lode-portfolio-property-private.h"
#include "lode-ui-format.h"
#include "lode-window.h"

typedef struct
{
  /* Template widgets, for pages set up with
   * lode_list_page_class_set_template() */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkLabel           *totals_label;

  LodePortfolio      *portfolio;
  /* The currency amounts are shown in ("USD", or one the portfolio has
   * rates of), and a converter to it for the cells, made when first
   * asked for; NULL in dollars. */
  char               *currency;
  LodeConverter      *converter;
  /* The column view waits for the page to be shown, or for idle time,
   * before it takes the rows of a new portfolio. */
  gboolean            rows_pending;
} LodeListPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LodeListPage, lode_list_page, ADW_TYPE_BIN)

/* The pages off screen whose column views wait for their rows (held
 * without a reference: a page leaves it when it leaves its window), and
 * the idle call that gives them their rows one page at a time. */
static GQueue pending_pages = G_QUEUE_INIT;
static guint pending_pages_id;

enum {
  PROP_0,
  PROP_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers of the pages */

void
lode_list_toast_deleted (GtkWidget  *widget,
                         const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (!LODE_IS_WINDOW (root))
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  lode_window_add_toast (LODE_WINDOW (root), toast);
}

void
lode_list_page_present_editor (GtkWidget *widget,
                               GtkWindow *editor)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (editor, GTK_WINDOW (root));
  gtk_window_present (editor);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkWidget *search_bar = find_descendant (widget, GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry;

  if (search_bar == NULL)
    return;

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (search_bar), TRUE);
  entry = find_descendant (search_bar, GTK_TYPE_SEARCH_ENTRY);
  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
install_actions (GtkWidgetClass              *widget_class,
                 const char                  *prefix,
                 GtkWidgetActionActivateFunc  add,
                 GtkWidgetActionActivateFunc  edit,
                 GtkWidgetActionActivateFunc  duplicate,
                 GtkWidgetActionActivateFunc  delete)
{
  struct {
    const char                  *name;
    GtkWidgetActionActivateFunc  activate;
    guint                        key;
    GdkModifierType              modifiers;
  } actions[] = {
    { "add", add, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "edit", edit, 0, 0 },
    { "duplicate", duplicate, 0, 0 },
    { "delete", delete, GDK_KEY_Delete, 0 },
    { "search", search_action, GDK_KEY_f, GDK_CONTROL_MASK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *name = g_strconcat (prefix, ".", actions[i].name, NULL);

      /* The class keeps the name. */
      gtk_widget_class_install_action (widget_class, g_intern_string (name), NULL, actions[i].activate);
      if (actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].modifiers,
                                             g_intern_string (name), NULL);
    }
}

void
lode_list_page_update_actions (GtkWidget  *page,
                               const char *prefix,
                               gboolean    can_add,
                               gboolean    selected)
{
  static const char * const selection_actions[] = { "edit", "duplicate", "delete" };
  g_autofree char *add = g_strconcat (prefix, ".add", NULL);

  gtk_widget_action_set_enabled (page, add, can_add);
  for (guint i = 0; i < G_N_ELEMENTS (selection_actions); i++)
    {
      g_autofree char *name = g_strconcat (prefix, ".", selection_actions[i], NULL);

      gtk_widget_action_set_enabled (page, name, selected);
    }
}

void
lode_list_page_setup_search (GtkWidget      *page,
                             GtkSearchBar   *search_bar,
                             GtkSearchEntry *search_entry)
{
  gtk_search_bar_connect_entry (search_bar, GTK_EDITABLE (search_entry));
  gtk_search_bar_set_key_capture_widget (search_bar, page);
}

static const char *
stack_state (guint n_all,
             guint n_shown)
{
  if (n_all == 0)
    return "empty";

  return n_shown == 0 ? "no-results" : "list";
}

static void
delete_from_store (GtkWidget  *page,
                   gpointer    history,
                   GListStore *store,
                   gpointer    item,
                   const char *name)
{
  g_autofree char *label = NULL;
  g_autofree char *toast_title = NULL;
  guint position;

  if (!g_list_store_find (store, item, &position))
    return;

  /* TRANSLATORS: an undoable change, as in "Delete Saindak" */
  label = g_strdup_printf (_("Delete %s"), name);
  /* TRANSLATORS: after a delete, as in "Deleted Saindak" */
  toast_title = g_strdup_printf (_("Deleted %s"), name);
  lode_history_remove_item (history, label, store, position);
  lode_list_toast_deleted (page, toast_title);
}

/* The list page */

static void
update_empty (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  LodeListPageClass *klass = LODE_LIST_PAGE_GET_CLASS (self);
  guint n_shown;
  guint n_all;

  /* The model can still change while the template goes away. */
  if (priv->sort_model == NULL || priv->stack == NULL || priv->totals_label == NULL)
    return;

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (priv->sort_model));
  n_all = priv->portfolio != NULL ?
          g_list_model_get_n_items (G_LIST_MODEL (klass->get_items (priv->portfolio))) : 0;

  gtk_stack_set_visible_child_name (priv->stack, stack_state (n_all, n_shown));
  klass->update_totals (self, G_LIST_MODEL (priv->sort_model), priv->totals_label);
}

static gboolean
item_matches (gpointer item,
              gpointer user_data)
{
  LodeListPage *self = user_data;
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  return LODE_LIST_PAGE_GET_CLASS (self)->item_matches (self, item,
                                                        gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)));
}

static void
search_changed (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The item selected, fetched anew (a page's items may be snapshots of
 * rows that have moved since they were selected), or NULL. */
static gpointer
selected_item (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  guint selected;

  if (priv->portfolio == NULL || priv->selection == NULL)
    return NULL;

  selected = gtk_single_selection_get_selected (priv->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return g_list_model_get_item (gtk_single_selection_get_model (priv->selection), selected);
}

static void
update_actions (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  g_autoptr(GObject) item = selected_item (self);

  lode_list_page_update_actions (GTK_WIDGET (self), LODE_LIST_PAGE_GET_CLASS (self)->action_prefix,
                                 priv->portfolio != NULL, item != NULL);
}

static void
row_activated (LodeListPage *self,
               guint         position)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  g_autofree char *edit = g_strconcat (LODE_LIST_PAGE_GET_CLASS (self)->action_prefix, ".edit", NULL);

  gtk_single_selection_set_selected (priv->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), edit, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LodeListPage *self = LODE_LIST_PAGE (widget);
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  if (priv->portfolio != NULL)
    lode_list_page_present_editor (widget, LODE_LIST_PAGE_GET_CLASS (self)->new_editor (self, NULL));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LodeListPage *self = LODE_LIST_PAGE (widget);
  g_autoptr(GObject) item = selected_item (self);

  if (item != NULL)
    lode_list_page_present_editor (widget, LODE_LIST_PAGE_GET_CLASS (self)->new_editor (self, item));
}

static gboolean
name_taken (LodeListPageClass *klass,
            GListModel        *items,
            const char        *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      const char *other = klass->get_name (item);
      g_autofree char *other_folded = other != NULL ? g_utf8_casefold (other, -1) : NULL;

      if (other_folded != NULL && g_str_equal (folded, other_folded))
        return TRUE;
    }

  return FALSE;
}

/* "Copper (copy)", or "Copper (copy 2)", "Copper (copy 3)" … when it is
 * taken, compared as the editors compare names. */
static char *
free_copy_name (LodeListPageClass *klass,
                GListModel        *items,
                const char        *name)
{
  /* TRANSLATORS: the name of a copy, as in "Copper (copy)" */
  char *copy_name = g_strdup_printf (_("%s (copy)"), name);

  for (guint n = 2; name_taken (klass, items, copy_name); n++)
    {
      g_free (copy_name);
      /* TRANSLATORS: the name of a further copy, as in "Copper (copy 2)" */
      copy_name = g_strdup_printf (_("%s (copy %u)"), name, n);
    }

  return copy_name;
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LodeListPage *self = LODE_LIST_PAGE (widget);
  g_autoptr(GObject) item = selected_item (self);

  if (item != NULL)
    LODE_LIST_PAGE_GET_CLASS (self)->duplicate_item (self, item);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeListPage *self = LODE_LIST_PAGE (widget);
  g_autoptr(GObject) item = selected_item (self);

  if (item != NULL)
    LODE_LIST_PAGE_GET_CLASS (self)->delete_item (self, item);
}

static GtkWindow *
lode_list_page_real_new_editor (LodeListPage *self,
                                gpointer      item)
{
  LodeListPageClass *klass = LODE_LIST_PAGE_GET_CLASS (self);

  return GTK_WINDOW (klass->editor_new (lode_list_page_get_portfolio (self), item));
}

static gpointer
lode_list_page_real_copy_item (LodeListPage *self,
                               gpointer      item,
                               const char   *name)
{
  LodeListPageClass *klass = LODE_LIST_PAGE_GET_CLASS (self);
  g_autofree char *id = klass->make_id (lode_list_page_get_portfolio (self), name);

  return klass->copy_with_id (item, id, name);
}

static void
lode_list_page_real_duplicate_item (LodeListPage *self,
                                    gpointer      item)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  LodeListPageClass *klass = LODE_LIST_PAGE_GET_CLASS (self);
  GListStore *store;
  g_autoptr(GObject) copy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  guint position = 0;

  store = klass->get_items (priv->portfolio);
  g_list_store_find (store, item, &position);
  name = free_copy_name (klass, G_LIST_MODEL (store), klass->get_name (item));
  copy = klass->copy_item (self, item, name);
  /* TRANSLATORS: an undoable change, as in "Duplicate Copper" */
  label = g_strdup_printf (_("Duplicate %s"), klass->get_name (item));
  lode_history_insert_item (lode_portfolio_get_history (priv->portfolio), label,
                            store, position + 1, copy);
}

static void
lode_list_page_real_delete_item (LodeListPage *self,
                                 gpointer      item)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  LodeListPageClass *klass = LODE_LIST_PAGE_GET_CLASS (self);

  delete_from_store (GTK_WIDGET (self), lode_portfolio_get_history (priv->portfolio),
                         klass->get_items (priv->portfolio), item, klass->get_name (item));
}

static void
lode_list_page_constructed (GObject *object)
{
  LodeListPage *self = LODE_LIST_PAGE (object);
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  G_OBJECT_CLASS (lode_list_page_parent_class)->constructed (object);

  if (priv->filter == NULL)
    return;

  gtk_custom_filter_set_filter_func (priv->filter, item_matches, self, NULL);
  lode_list_page_setup_search (GTK_WIDGET (self), priv->search_bar, priv->search_entry);
  g_signal_connect_object (priv->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_empty (self);
  update_actions (self);
}

static void
show_rows (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  if (!priv->rows_pending)
    return;

  priv->rows_pending = FALSE;
  g_queue_remove (&pending_pages, self);
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
}

static gboolean
show_pending_rows_cb (gpointer user_data)
{
  LodeListPage *self = g_queue_peek_head (&pending_pages);

  if (self != NULL)
    show_rows (self);

  if (g_queue_is_empty (&pending_pages))
    {
      pending_pages_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* GTK makes the rows of a column view as soon as its model has items,
 * shown or not: a few dozen rows of cells cost a few milliseconds each
 * page. A page off screen lets go of its rows before it takes a new
 * portfolio's items, and takes the rows back when it is shown, or in idle
 * time, a page at a time, so that a new portfolio is shown at once. Its
 * models have the items at once. */
static void
hold_rows (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  if (priv->rows_pending || priv->column_view == NULL || priv->selection == NULL ||
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  priv->rows_pending = TRUE;
  gtk_column_view_set_model (priv->column_view, NULL);
  g_queue_push_tail (&pending_pages, self);
  if (pending_pages_id == 0)
    /* Below the index's work on the page shown (G_PRIORITY_DEFAULT_IDLE
     * and just below), so that one piece of idle work runs an iteration
     * of the main loop rather than all that is ready. */
    pending_pages_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 20, show_pending_rows_cb,
                                        NULL, NULL);
}

static void
lode_list_page_map (GtkWidget *widget)
{
  show_rows (LODE_LIST_PAGE (widget));

  GTK_WIDGET_CLASS (lode_list_page_parent_class)->map (widget);
}

static void
lode_list_page_unroot (GtkWidget *widget)
{
  show_rows (LODE_LIST_PAGE (widget));

  GTK_WIDGET_CLASS (lode_list_page_parent_class)->unroot (widget);
}

static void
lode_list_page_dispose (GObject *object)
{
  LodeListPage *self = LODE_LIST_PAGE (object);
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  /* The bin's child goes first, so the template does not unparent it
   * behind the bin's back. */
  if (priv->rows_pending)
    {
      priv->rows_pending = FALSE;
      g_queue_remove (&pending_pages, self);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  priv->selection = NULL;
  g_clear_object (&priv->portfolio);
  g_clear_pointer (&priv->currency, g_free);
  g_clear_pointer (&priv->converter, lode_converter_unref);

  G_OBJECT_CLASS (lode_list_page_parent_class)->dispose (object);
}

static void
lode_list_page_class_init (LodeListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lode_list_page_constructed;
  object_class->dispose = lode_list_page_dispose;
  widget_class->map = lode_list_page_map;
  widget_class->unroot = lode_list_page_unroot;

  klass->new_editor = lode_list_page_real_new_editor;
  klass->copy_item = lode_list_page_real_copy_item;
  klass->duplicate_item = lode_list_page_real_duplicate_item;
  klass->delete_item = lode_list_page_real_delete_item;

  properties[PROP_PORTFOLIO] =
    lode_portfolio_property_install (object_class, PROP_PORTFOLIO,
                                     (LodePortfolioGetter) lode_list_page_get_portfolio,
                                     (LodePortfolioSetter) lode_list_page_set_portfolio);
}

static void
lode_list_page_init (LodeListPage *self)
{
}

void
lode_list_page_class_set_template (GtkWidgetClass *widget_class,
                                   const char     *resource_name,
                                   const char     *prefix)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), LODE_TYPE_LIST_PAGE));

  LODE_LIST_PAGE_CLASS (widget_class)->action_prefix = prefix;

  gtk_widget_class_set_template_from_resource (widget_class, resource_name);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, search_bar);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, selection);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, sort_model);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, filter_model);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, filter);
  gtk_widget_class_bind_template_child_private (widget_class, LodeListPage, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, update_empty);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  lode_cell_bind_setup_callbacks (widget_class);

  lode_list_page_class_install_actions (widget_class, prefix);
}

void
lode_list_page_class_install_actions (GtkWidgetClass *widget_class,
                                      const char     *prefix)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), LODE_TYPE_LIST_PAGE));

  LODE_LIST_PAGE_CLASS (widget_class)->action_prefix = prefix;
  install_actions (widget_class, prefix,
                                  add_action, edit_action, duplicate_action, delete_action);
}

void
lode_list_page_set_selection (LodeListPage       *self,
                              GtkSingleSelection *selection)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  g_return_if_fail (LODE_IS_LIST_PAGE (self));
  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));

  priv->selection = selection;
}

void
lode_list_page_refilter (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  g_return_if_fail (LODE_IS_LIST_PAGE (self));

  if (priv->filter != NULL)
    search_changed (self);
}

void
lode_list_page_rebind (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  guint n_items;

  g_return_if_fail (LODE_IS_LIST_PAGE (self));

  if (priv->sort_model == NULL)
    return;

  /* The same items, changed: the rows shown bind them again. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (priv->sort_model));
  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (priv->sort_model), 0, n_items, n_items);
  else
    update_empty (self);
}

void
lode_list_page_set_currency (LodeListPage *self,
                             const char   *currency)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  g_return_if_fail (LODE_IS_LIST_PAGE (self));

  /* The same currency again may come with other rates: only dollars
   * stay as they are. */
  if (g_strcmp0 (priv->currency, currency) == 0 &&
      (currency == NULL || g_str_equal (currency, LODE_CURRENCY_USD)))
    return;

  g_free (priv->currency);
  priv->currency = g_strdup (currency);
  g_clear_pointer (&priv->converter, lode_converter_unref);
  lode_list_page_rebind (self);
}

const char *
lode_list_page_get_currency (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_LIST_PAGE (self), NULL);

  return priv->currency != NULL ? priv->currency : LODE_CURRENCY_USD;
}

LodeConverter *
lode_list_page_get_converter (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_LIST_PAGE (self), NULL);

  if (priv->converter == NULL)
    priv->converter = lode_converter_for_portfolio (priv->portfolio, priv->currency);

  return priv->converter;
}

LodePortfolio *
lode_list_page_get_portfolio (LodeListPage *self)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);

  g_return_val_if_fail (LODE_IS_LIST_PAGE (self), NULL);

  return priv->portfolio;
}

void
lode_list_page_set_portfolio (LodeListPage  *self,
                              LodePortfolio *portfolio)
{
  LodeListPagePrivate *priv = lode_list_page_get_instance_private (self);
  LodeListPageClass *klass;

  g_return_if_fail (LODE_IS_LIST_PAGE (self));
  g_return_if_fail (portfolio == NULL || LODE_IS_PORTFOLIO (portfolio));

  if (!g_set_object (&priv->portfolio, portfolio))
    return;
  g_clear_pointer (&priv->converter, lode_converter_unref);

  klass = LODE_LIST_PAGE_GET_CLASS (self);
  if (klass->portfolio_changed != NULL)
    klass->portfolio_changed (self);
  if (priv->filter_model != NULL)
    {
      hold_rows (self);
      gtk_filter_list_model_set_model (priv->filter_model,
                                       portfolio != NULL ?
                                       G_LIST_MODEL (klass->get_items (portfolio)) :
                                       NULL);
      update_empty (self);
      update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
}
