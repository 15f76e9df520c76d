/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gobject/gvaluecollector.h>

#include <glib/gi18n.h>
#include <string.h>

#include "lode-cells.h"
#include "lode-countries.h"
#include "lode-export-table.h"
#include "lode-history.h"
#include "lode-portfolio.h"
#include "lode-rules.h"
#include "lode-ui-format.h"
#include "lode-window.h"

static GtkWidget *
cell_new (guint nat_chars)
{
  return g_object_new (GTK_TYPE_INSCRIPTION,
                       "xalign", 0.0f,
                       "min-chars", 3,
                       "nat-chars", nat_chars,
                       "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                       NULL);
}

void
lode_cell_setup_text (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cell_new (16));
}

void
lode_cell_setup_short (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cell_new (6));
}

void
lode_cell_setup_medium (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cell_new (10));
}

void
lode_cell_setup_number (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  /* Room for an amount in another currency: "PKR 929.44 M". */
  GtkWidget *cell = cell_new (13);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0f);
  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

void
lode_cell_bind_setup_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_text_cell",
                                                G_CALLBACK (lode_cell_setup_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_short_cell",
                                                G_CALLBACK (lode_cell_setup_short));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_medium_cell",
                                                G_CALLBACK (lode_cell_setup_medium));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_number_cell",
                                                G_CALLBACK (lode_cell_setup_number));
}

#define CELL_TOOLTIP "lode-cell-tooltip"

static gboolean
query_cell_tooltip (GtkWidget  *cell,
                    int         x,
                    int         y,
                    gboolean    keyboard_mode,
                    GtkTooltip *tooltip,
                    gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (cell), CELL_TOOLTIP);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* gtk_widget_set_tooltip_text() asks the display where the pointer is, a
 * round trip to the X server for each cell bound: a list of a few thousand
 * rows spent most of a third of a second on them when first shown. The
 * cell keeps its tooltip and gives it when asked. */
static void
set_cell_tooltip (GtkWidget  *cell,
                  const char *tooltip)
{
  if (g_object_get_data (G_OBJECT (cell), CELL_TOOLTIP "-query") == NULL)
    {
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (query_cell_tooltip), NULL);
      g_object_set_data (G_OBJECT (cell), CELL_TOOLTIP "-query", GINT_TO_POINTER (TRUE));
    }

  g_object_set_data_full (G_OBJECT (cell), CELL_TOOLTIP, g_strdup (tooltip), g_free);
  gtk_widget_set_has_tooltip (cell, tooltip != NULL);
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
lode_cell_set_text (GtkListItem *list_item,
                    const char  *text,
                    const char  *tooltip)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  g_assert (GTK_IS_INSCRIPTION (cell));

  set_cell_tooltip (cell, tooltip);
  lode_cell_set_inscription (cell, text);
}

void
lode_cell_set_inscription (GtkWidget  *cell,
                           const char *text)
{
  g_assert (GTK_IS_INSCRIPTION (cell));

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* An empty cell would otherwise read as its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL && *text != '\0' ? text : C_("table cell", "Empty"),
                                  -1);
}

gboolean
lode_list_texts_match (const char         *search,
                       const char * const *texts,
                       guint               n_texts)
{
  g_autofree char *folded = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;

  folded = g_utf8_casefold (search, -1);
  for (guint i = 0; i < n_texts; i++)
    {
      g_autofree char *text = texts[i] != NULL ? g_utf8_casefold (texts[i], -1) : NULL;

      if (text != NULL && strstr (text, folded) != NULL)
        return TRUE;
    }

  return FALSE;
}

#define REMEMBERED "lode-editor-remembered"

static char *
widget_state (gpointer widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    return g_strdup_printf ("%u", adw_combo_row_get_selected (widget));
  if (GTK_IS_CHECK_BUTTON (widget))
    return g_strdup (gtk_check_button_get_active (widget) ? "1" : "0");
  if (GTK_IS_SWITCH (widget))
    return g_strdup (gtk_switch_get_active (widget) ? "1" : "0");
  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (widget));

  g_assert_not_reached ();
}

void
lode_editor_remember (gpointer widget)
{
  g_object_set_data_full (G_OBJECT (widget), REMEMBERED, widget_state (widget), g_free);
}

gboolean
lode_editor_changed (gpointer widget)
{
  const char *remembered = g_object_get_data (G_OBJECT (widget), REMEMBERED);
  g_autofree char *state = NULL;

  if (remembered == NULL)
    return TRUE;

  state = widget_state (widget);
  return !g_str_equal (state, remembered);
}

static void
editor_map_cb (GtkWidget *editor,
               GtkWidget *first)
{
  g_signal_handlers_disconnect_by_func (editor, editor_map_cb, first);
  gtk_widget_grab_focus (first);
}

void
lode_editor_focus_first (gpointer editor,
                         gpointer first)
{
  g_signal_connect (editor, "map", G_CALLBACK (editor_map_cb), first);
}

static int
year_spin_button_input_cb (GtkSpinButton *spin_button,
                           double        *new_value,
                           gpointer       user_data)
{
  g_autofree char *text = lode_parse_normalize (gtk_editable_get_text (GTK_EDITABLE (spin_button)));
  gint64 year;

  /* "1 850" is not a year; "+1850" and "1850" are. */
  if (strchr (text, ' ') != NULL ||
      !g_ascii_string_to_signed (text[0] == '+' ? text + 1 : text, 10, G_MININT64, G_MAXINT64, &year, NULL))
    return GTK_INPUT_ERROR;

  *new_value = CLAMP (year, LODE_YEAR_MIN, LODE_YEAR_MAX);
  return TRUE;
}

void
lode_editor_setup_year (GtkSpinButton *spin_button)
{
  gtk_spin_button_set_range (spin_button, LODE_YEAR_MIN, LODE_YEAR_MAX);
  gtk_spin_button_set_numeric (spin_button, FALSE);
  g_signal_connect (spin_button, "input", G_CALLBACK (year_spin_button_input_cb), NULL);
}

void
lode_editor_mark_row (GtkWidget  *row,
                      const char *why,
                      GString    *errors)
{
  if (why == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return;
    }

  gtk_widget_add_css_class (row, "error");
  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  g_string_append (errors, why);
}

void
lode_editor_show_errors (GtkWidget *editor,
                         GtkLabel  *label,
                         GString   *errors)
{
  gtk_label_set_label (label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (label), errors->len > 0);
  gtk_widget_action_set_enabled (editor, "editor.confirm", errors->len == 0);
}

/* Sets @property of @object to @value through @history, as part of the
 * open group, unless it already has that value. */
static void
editor_set_property (gpointer      history,
                     const char   *label,
                     GObject      *object,
                     const char   *property,
                     const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) current = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, property, &current);
  if (g_param_values_cmp (pspec, &current, value) == 0)
    return;

  lode_history_set_property (history, label, object, property, value);
}

static gboolean
id_taken (GListModel  *items,
          const char  *(*get_id) (gpointer item),
          const char  *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return TRUE;
    }

  return FALSE;
}

char *
lode_editor_make_id (const char  *name,
                     GListModel  *items,
                     const char *(*get_id) (gpointer item))
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *base = NULL;
  char *id;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "item");

  base = g_string_free (g_steal_pointer (&slug), FALSE);
  id = g_strdup (base);
  for (guint n = 2; id_taken (items, get_id, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  return id;
}

char *
lode_editor_row_text (gpointer row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

void
lode_editor_set_row_text (gpointer    row,
                          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

void
lode_editor_set_row_money (gpointer  row,
                           LodeMoney value)
{
  g_autofree char *text = value != LODE_MONEY_UNSET ? lode_format_money_editable (value) : NULL;

  lode_editor_set_row_text (row, text);
}

guint
lode_choice_find (GPtrArray  *ids,
                  const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;

  return 0;
}

const char *
lode_choice_get (gpointer   combo_row,
                 GPtrArray *ids)
{
  guint selected = adw_combo_row_get_selected (combo_row);

  return ids != NULL && selected < ids->len ? g_ptr_array_index (ids, selected) : NULL;
}

/* What each kind of item a combo row can offer is called and found by. */
static const struct
{
  GListStore *(*get_items) (LodePortfolio *portfolio);
  const char *(*get_name)  (gpointer       item);
  const char *(*get_id)    (gpointer       item);
} choice_items[] = {
  [LODE_CHOICE_MINERALS] = {
    lode_portfolio_get_minerals,
    (const char *(*) (gpointer)) lode_mineral_get_name,
    (const char *(*) (gpointer)) lode_mineral_get_id,
  },
  [LODE_CHOICE_PROJECTS] = {
    lode_portfolio_get_projects,
    (const char *(*) (gpointer)) lode_project_get_name,
    (const char *(*) (gpointer)) lode_project_get_id,
  },
  [LODE_CHOICE_SOURCES] = {
    lode_portfolio_get_sources,
    (const char *(*) (gpointer)) lode_source_get_title,
    (const char *(*) (gpointer)) lode_source_get_id,
  },
};

void
lode_choice_fill_items (gpointer         combo_row,
                        GPtrArray       *ids,
                        gpointer         portfolio,
                        LodeChoiceItems  kind,
                        const char      *none)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *items = G_LIST_MODEL (choice_items[kind].get_items (portfolio));

  g_ptr_array_set_size (ids, 0);
  if (none != NULL)
    {
      gtk_string_list_append (names, none);
      g_ptr_array_add (ids, NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      gtk_string_list_append (names, choice_items[kind].get_name (item));
      g_ptr_array_add (ids, g_strdup (choice_items[kind].get_id (item)));
    }

  adw_combo_row_set_model (combo_row, G_LIST_MODEL (names));
}

void
lode_choice_fill_mineral_checks (gpointer             group,
                                 GPtrArray           *ids,
                                 GPtrArray           *checks,
                                 gpointer             portfolio,
                                 const char * const  *chosen,
                                 gboolean             remember)
{
  GListModel *minerals = G_LIST_MODEL (lode_portfolio_get_minerals (portfolio));

  for (guint i = 0; i < g_list_model_get_n_items (minerals); i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (minerals, i);
      const char *id = lode_mineral_get_id (mineral);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lode_mineral_get_name (mineral));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, lode_mineral_get_name (mineral), -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen != NULL && g_strv_contains (chosen, id));
      if (remember)
        lode_editor_remember (check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);

      g_ptr_array_add (ids, g_strdup (id));
      g_ptr_array_add (checks, check);
    }

  if (ids->len == 0)
    adw_preferences_group_set_description (group, _("Add minerals on the Minerals page to choose them here."));
}

GStrv
lode_choice_read_checks (GPtrArray          *ids,
                         GPtrArray          *checks,
                         const char * const *current)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, g_ptr_array_index (ids, i));

  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (ids, current[i], g_str_equal, NULL))
      g_strv_builder_add (builder, current[i]);

  return g_strv_builder_end (builder);
}

gboolean
lode_editor_any_changed (GPtrArray *widgets)
{
  for (guint i = 0; i < widgets->len; i++)
    if (lode_editor_changed (g_ptr_array_index (widgets, i)))
      return TRUE;

  return FALSE;
}

void
lode_choice_fill_countries (gpointer    combo_row,
                            GPtrArray  *ids,
                            const char *none)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *codes = lode_country_codes ();

  g_ptr_array_set_size (ids, 0);
  gtk_string_list_append (names, none);
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      gtk_string_list_append (names, lode_country_lookup (codes[i]));
      g_ptr_array_add (ids, g_strdup (codes[i]));
    }

  adw_combo_row_set_model (combo_row, G_LIST_MODEL (names));
}

static gboolean
has_id (GPtrArray  *ids,
        const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return TRUE;

  return FALSE;
}

static void
add_country (GtkStringList *names,
             GPtrArray     *ids,
             const char    *code)
{
  if (code == NULL || lode_country_lookup (code) != NULL || has_id (ids, code))
    return;

  gtk_string_list_append (names, code);
  g_ptr_array_add (ids, g_strdup (code));
}

void
lode_choice_add_countries_of (gpointer   combo_row,
                              GPtrArray *ids,
                              gpointer   portfolio)
{
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (combo_row));
  guint selected = adw_combo_row_get_selected (combo_row);
  g_autoptr(GArray) destinations = NULL;
  GListModel *projects;
  GListModel *targets;

  destinations = lode_export_table_aggregate (lode_portfolio_get_exports (portfolio),
                                              LODE_EXPORT_FIELD_DESTINATION);
  for (guint i = 0; i < destinations->len; i++)
    add_country (names, ids, g_array_index (destinations, LodeExportTotal, i).key);

  projects = G_LIST_MODEL (lode_portfolio_get_projects (portfolio));
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      GListModel *partners = lode_project_get_partners (project);

      for (guint j = 0; j < g_list_model_get_n_items (partners); j++)
        {
          g_autoptr(LodePartner) partner = g_list_model_get_item (partners, j);

          add_country (names, ids, lode_partner_get_country (partner));
        }
    }

  targets = G_LIST_MODEL (lode_portfolio_get_targets (portfolio));
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(LodeTarget) target = g_list_model_get_item (targets, i);

      add_country (names, ids, lode_target_get_metric_destination (target));
    }

  adw_combo_row_set_selected (combo_row, selected);
}

void
lode_choice_select_country (gpointer    combo_row,
                            GPtrArray  *ids,
                            const char *code)
{
  if (code != NULL && !has_id (ids, code))
    {
      gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (combo_row)), code);
      g_ptr_array_add (ids, g_strdup (code));
    }

  adw_combo_row_set_selected (combo_row, lode_choice_find (ids, code));
}

/* Replaces a list's items, and puts them back. */
typedef struct
{
  GObject            *owner;
  GPtrArray          *items;
  GPtrArray          *previous;
  LodeEditorPutItems  put;
} SetItems;

static void
set_items_apply (gpointer data)
{
  SetItems *command = data;

  command->put (command->owner, command->items);
}

static void
set_items_revert (gpointer data)
{
  SetItems *command = data;

  command->put (command->owner, command->previous);
}

static void
set_items_free (gpointer data)
{
  SetItems *command = data;

  g_object_unref (command->owner);
  g_ptr_array_unref (command->items);
  g_ptr_array_unref (command->previous);
  g_free (command);
}

static gboolean
same_items (GListModel         *current,
            GPtrArray          *items,
            LodeEditorSameItem  same)
{
  if (g_list_model_get_n_items (current) != items->len)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (current, i);

      if (!same (item, g_ptr_array_index (items, i)))
        return FALSE;
    }

  return TRUE;
}

void
lode_editor_set_items (gpointer            history,
                       const char         *label,
                       GObject            *owner,
                       GListModel         *current,
                       GPtrArray          *items,
                       LodeEditorSameItem  same,
                       LodeEditorPutItems  put)
{
  SetItems *command;

  if (same_items (current, items, same))
    return;

  command = g_new0 (SetItems, 1);
  command->owner = g_object_ref (owner);
  command->items = g_ptr_array_ref (items);
  command->put = put;
  command->previous = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (current); i++)
    g_ptr_array_add (command->previous, g_list_model_get_item (current, i));

  lode_history_push (history, label, set_items_apply, set_items_revert,
                     command, set_items_free);
}

void
lode_editor_set_strv (gpointer            history,
                      const char         *label,
                      GObject            *object,
                      const char         *property,
                      const char * const *strv)
{
  g_auto(GStrv) current = NULL;
  const char * const none[] = { NULL };
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (object, property, &current, NULL);
  /* Boxed values compare by address: compare the strings here. */
  if (g_strv_equal (current != NULL ? (const char * const *) current : none, strv))
    return;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv[0] != NULL ? strv : NULL);
  lode_history_set_property (history, label, object, property, &value);
}

GtkWidget *
lode_editor_remove_button (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

GtkStringList *
lode_choice_list (const char  *none,
                  int          first,
                  int          end,
                  const char *(*format) (int value))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (none != NULL)
    gtk_string_list_append (list, none);
  for (int value = first; value < end; value++)
    gtk_string_list_append (list, format (value));

  return list;
}

/* An editor's editor.confirm action, and Escape to close it. */
static void
editor_class_install_confirm (GtkWidgetClass              *widget_class,
                              GtkWidgetActionActivateFunc  confirm)
{
  gtk_widget_class_install_action (widget_class, "editor.confirm", NULL, confirm);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GQuark
editor_validate_quark (void)
{
  return g_quark_from_static_string ("lode-editor-validate");
}

/* Enter in a field: confirms when every field holds a valid value. */
static void
editor_entry_activated (GtkWidget *editor)
{
  LodeEditorValidateFunc validate = g_type_get_qdata (G_OBJECT_TYPE (editor),
                                                      editor_validate_quark ());

  if (validate (editor))
    gtk_widget_activate_action (editor, "editor.confirm", NULL);
}

static GQuark
editor_values_quark (void)
{
  return g_quark_from_static_string ("lode-editor-values");
}

/* editor.confirm: reads the fields; adds the item or writes back the
 * fields changed, and closes; or shows why the fields cannot be saved. */
static void
editor_confirm_values (GtkWidget  *editor,
                       const char *action_name,
                       GVariant   *parameter)
{
  const LodeEditorValues *info = g_type_get_qdata (G_OBJECT_TYPE (editor), editor_values_quark ());
  gpointer item = G_STRUCT_MEMBER (gpointer, editor, info->item_offset);
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree gpointer values = g_malloc0 (info->values_size);
  gboolean valid = info->read_values (editor, values, errors);

  if (!valid)
    {
      GObject *label = gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), "error_label");

      lode_editor_show_errors (editor, GTK_LABEL (label), errors);
    }
  else if (item == NULL)
    info->add (editor, values);
  else
    info->edit (editor, values);

  if (info->values_clear != NULL)
    info->values_clear (values);
  if (valid)
    gtk_window_close (GTK_WINDOW (editor));
}

void
lode_editor_class_setup (GtkWidgetClass              *widget_class,
                         const char                  *resource,
                         GtkWidgetActionActivateFunc  confirm,
                         LodeEditorValidateFunc       validate)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), editor_validate_quark (), validate);

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_callback_full (widget_class, "validate", G_CALLBACK (validate));
  gtk_widget_class_bind_template_callback_full (widget_class, "entry_activated",
                                                G_CALLBACK (editor_entry_activated));
  editor_class_install_confirm (widget_class, confirm != NULL ? confirm : editor_confirm_values);
}

void
lode_editor_class_set_values (GtkWidgetClass         *widget_class,
                              const LodeEditorValues *values)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), editor_values_quark (), (gpointer) values);
}

void
lode_editor_remember_fields (gpointer first,
                             ...)
{
  va_list args;

  va_start (args, first);
  for (gpointer field = first; field != NULL; field = va_arg (args, gpointer))
    lode_editor_remember (field);
  va_end (args);
}

static void
editor_set_valist (gpointer    history,
                   const char *label,
                   GObject    *object,
                   const char *property,
                   va_list     args)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;

  g_return_if_fail (pspec != NULL);

  G_VALUE_COLLECT_INIT (&value, G_PARAM_SPEC_VALUE_TYPE (pspec), args, 0, &error);

  g_return_if_fail (error == NULL);

  editor_set_property (history, label, object, property, &value);
}

/* The value of @property follows, of the property's type, as for
 * g_object_set(). */
void
lode_editor_set (gpointer    history,
                 const char *label,
                 GObject    *object,
                 const char *property,
                 ...)
{
  va_list args;

  va_start (args, property);
  editor_set_valist (history, label, object, property, args);
  va_end (args);
}

void
lode_editor_set_if_changed (gpointer    row,
                            gpointer    history,
                            const char *label,
                            GObject    *object,
                            const char *property,
                            ...)
{
  va_list args;

  if (!lode_editor_changed (row))
    return;

  va_start (args, property);
  editor_set_valist (history, label, object, property, args);
  va_end (args);
}

/* Cells of an export record's columns, in every list of records */

static const LodeExportRow *
export_row (GtkListItem *list_item)
{
  LodeExportRecord *record = gtk_list_item_get_item (list_item);

  g_assert (LODE_IS_EXPORT_RECORD (record));

  return lode_export_record_get_row (record);
}

void
lode_cell_bind_export_year (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            gpointer                  user_data)
{
  g_autofree char *text = g_strdup_printf ("%d", export_row (list_item)->year);

  lode_cell_set_text (list_item, text, NULL);
}

void
lode_cell_bind_export_month (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data)
{
  const char *month = lode_format_month (export_row (list_item)->month);

  if (month != NULL)
    lode_cell_set_text (list_item, month, NULL);
  else
    lode_cell_set_text (list_item, C_("month", "—"), _("The whole year"));
}

void
lode_cell_bind_export_destination (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   gpointer                  user_data)
{
  const LodeExportRow *row = export_row (list_item);

  if (row->destination != NULL)
    {
      const char *name = lode_country_lookup (row->destination);

      lode_cell_set_text (list_item, name != NULL ? name : row->destination, row->destination);
    }
  else
    lode_cell_set_text (list_item, C_("destination", "—"), _("Destination not known"));
}

void
lode_cell_bind_export_hs_code (GtkSignalListItemFactory *factory,
                               GtkListItem              *list_item,
                               gpointer                  user_data)
{
  lode_cell_set_text (list_item, export_row (list_item)->hs_code, NULL);
}

void
lode_cell_bind_export_stage (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data)
{
  lode_cell_set_text (list_item, lode_format_stage (export_row (list_item)->stage), NULL);
}
