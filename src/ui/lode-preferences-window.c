/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-preferences-window.h"
#include "lode-rules.h"
#include "lode-settings.h"

struct _LodePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *color_scheme_row;
  AdwActionRow         *compact_figures_row;
  GtkSwitch            *compact_figures_switch;
  AdwComboRow          *destination_row;

  /* ISO 3166-1 alpha-2 codes, in the order of the destination row's items;
   * NULL first, for no default. */
  GPtrArray            *destination_codes;
};

G_DEFINE_FINAL_TYPE (LodePreferencesWindow, lode_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The nicks of the ColorScheme enumeration, in the order of the row's items. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (nick, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static gboolean
destination_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  LodePreferencesWindow *self = user_data;
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < self->destination_codes->len; i++)
    {
      const char *known = g_ptr_array_index (self->destination_codes, i);

      if (known != NULL && g_ascii_strcasecmp (code, known) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  /* A code iso-codes does not know shows as no default. */
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
destination_set_mapping (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  LodePreferencesWindow *self = user_data;
  guint selected = g_value_get_uint (value);
  const char *selected_code;

  if (selected >= self->destination_codes->len)
    return NULL;

  selected_code = g_ptr_array_index (self->destination_codes, selected);

  /* "" stands for no default, the first item. */
  return g_variant_new_string (selected_code != NULL ? selected_code : "");
}

static void
setup_destinations (LodePreferencesWindow *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autofree char *current = NULL;

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->destination_row, expression);

  self->destination_codes = g_ptr_array_new_with_free_func (g_free);
  /* TRANSLATORS: no default destination for new export records */
  lode_choice_fill_countries (self->destination_row, self->destination_codes, C_("destination", "None"));
  /* A code iso-codes does not name, such as XK, is offered by its code
   * rather than shown as no default. */
  current = g_settings_get_string (lode_settings_get (), "default-destination");
  if (lode_rule_country_code (current, NULL))
    lode_choice_select_country (self->destination_row, self->destination_codes, current);

  /* libadwaita 1.4 lets the list of some 250 countries be searched. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->destination_row), "enable-search") != NULL)
    g_object_set (self->destination_row, "enable-search", TRUE, NULL);
}

/* AdwPreferencesWindow's own search entry has no accessible name in
 * libadwaita 1.2; a screen reader would read out nothing for it. */
static void
name_search_entries (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search preferences"),
                                        -1);
      else
        name_search_entries (child);
    }
}

static void
lode_preferences_window_finalize (GObject *object)
{
  LodePreferencesWindow *self = LODE_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->destination_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_preferences_window_parent_class)->finalize (object);
}

static void
lode_preferences_window_dispose (GObject *object)
{
  LodePreferencesWindow *self = LODE_PREFERENCES_WINDOW (object);

  /* The bindings' mappings read destination_codes: drop them first. */
  if (self->destination_row != NULL)
    g_settings_unbind (self->destination_row, "selected");

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (lode_preferences_window_parent_class)->dispose (object);
}

static void
lode_preferences_window_class_init (LodePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_preferences_window_dispose;
  object_class->finalize = lode_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lodeapp/Lode/ui/lode-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LodePreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, LodePreferencesWindow, compact_figures_row);
  gtk_widget_class_bind_template_child (widget_class, LodePreferencesWindow, compact_figures_switch);
  gtk_widget_class_bind_template_child (widget_class, LodePreferencesWindow, destination_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lode_preferences_window_init (LodePreferencesWindow *self)
{
  GSettings *settings = lode_settings_get ();

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_destinations (self);
  name_search_entries (GTK_WIDGET (self));

  g_settings_bind (settings, "compact-figures",
                   self->compact_figures_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_get_mapping,
                                color_scheme_set_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (settings, "default-destination",
                                self->destination_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                destination_get_mapping,
                                destination_set_mapping,
                                self, NULL);
}

LodePreferencesWindow *
lode_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (LODE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
