/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-countries.h"

#include "lode-cells.h"
#include "lode-import-dialog.h"
#include "lode-settings.h"
#include "lode-window-private.h"

/* The window's side of importing: Import… (Ctrl+I) and its file chooser,
 * files dropped on the window, the preview dialog, and the portfolio's
 * country, which says whose trade statistics an import takes. */

static gboolean
has_country (LodeWindow *self)
{
  return self->portfolio != NULL &&
         g_object_class_find_property (G_OBJECT_GET_CLASS (self->portfolio), "country") != NULL;
}

static char *
get_country (LodeWindow *self)
{
  char *country = NULL;

  if (has_country (self))
    g_object_get (self->portfolio, "country", &country, NULL);

  return country;
}

void
lode_window_import_update_actions (LodeWindow *self)
{
  gboolean busy = lode_window_get_busy (self);
  gboolean has_portfolio = self->portfolio != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !busy && has_portfolio);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-country", !busy && has_country (self));

  lode_window_set_map_action_enabled (self, "set-country", !busy && has_country (self));
  lode_window_set_map_action_enabled (self, "import-file", !busy && has_portfolio);
}

/* The preview */

void
lode_window_import_file (LodeWindow *self,
                         GFile      *file)
{
  LodeImportDialog *dialog;

  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->portfolio == NULL || lode_window_get_busy (self))
    return;

  /* One import at a time: a new one replaces the preview of the last. */
  if (self->import_dialog != NULL)
    gtk_window_destroy (self->import_dialog);

  lode_settings_set_last_folder (file);
  dialog = lode_import_dialog_new (self, file, LODE_IMPORT_LAYOUT_AUTO);
  g_set_weak_pointer (&self->import_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file chooser */

static void
import_chosen (GFile    *file,
               gpointer  user_data)
{
  LodeWindow *self = user_data;

  g_clear_object (&self->import_chooser);

  if (file != NULL)
    lode_window_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GFile) folder = lode_settings_get_last_folder ();

  if (self->portfolio == NULL || lode_window_get_busy (self))
    return;

  if (self->import_chooser != NULL)
    lode_file_chooser_cancel (g_steal_pointer (&self->import_chooser));

  filters = lode_file_filters_new (LODE_FILE_FILTER_IMPORTABLE, LODE_FILE_FILTER_CSV,
                                   LODE_FILE_FILTER_PORTFOLIOS, LODE_FILE_FILTER_ALL,
                                   LODE_FILE_FILTER_END);
  self->import_chooser = lode_file_chooser_show (GTK_WIDGET (self), LODE_FILE_CHOOSER_OPEN,
                                                 _("Import"), _("_Import"),
                                                 filters, folder, NULL,
                                                 import_chosen, self);
}

/* Dropped files */

static void
drop_response (GObject    *dialog,
               const char *response,
               LodeWindow *self)
{
  GFile *file = g_object_get_data (dialog, "lode-file");

  g_clear_object (&self->drop_dialog);

  if (g_str_equal (response, "merge"))
    lode_window_import_file (self, file);
  else if (g_str_equal (response, "open"))
    lode_window_documents_confirm (self, LODE_PENDING_OPEN, file);
}

static gboolean
is_portfolio_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".json");
}

/* A portfolio dropped on another may mean "open it" (as it did before
 * there was import) or "merge it into this one": asked. Anything else is
 * data to import. */
gboolean
lode_window_import_dropped (LodeWindow *self,
                            GFile      *file)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GObject *dialog;

  if (lode_window_get_busy (self))
    return FALSE;

  if (!is_portfolio_file (file))
    {
      if (self->portfolio == NULL)
        return FALSE;

      lode_window_import_file (self, file);
      return TRUE;
    }

  if (self->portfolio == NULL)
    {
      lode_window_documents_confirm (self, LODE_PENDING_OPEN, file);
      return TRUE;
    }

  if (self->drop_dialog != NULL)
    lode_dialog_close (g_steal_pointer (&self->drop_dialog));

  name = lode_window_file_display_name (file);
  heading = g_strdup_printf (_("Open or Merge “%s”?"), name);
  dialog = lode_dialog_new (heading,
                            _("Open the portfolio in place of this one, or merge what it holds "
                              "into this portfolio after a preview."));
  lode_dialog_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "merge", _("_Merge"), ADW_RESPONSE_DEFAULT);
  lode_dialog_add_response (dialog, "open", _("_Open"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (dialog, "lode-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (drop_response), self, 0);
  self->drop_dialog = g_object_ref (dialog);
  lode_dialog_present (dialog, "open", "cancel", GTK_WIDGET (self));

  return TRUE;
}

/* The portfolio's country */

static void
set_country_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LodeWindow *self = user_data;
  g_autofree char *current = NULL;
  const char *country = g_variant_get_string (parameter, NULL);

  if (!has_country (self) || lode_window_get_busy (self))
    return;

  if (*country == '\0')
    country = NULL;
  else if (lode_country_lookup (country) == NULL)
    return;

  current = get_country (self);
  if (g_strcmp0 (current, country) == 0)
    return;

  lode_window_change_portfolio (self, _("Change the Portfolio's Country"), "country", country);
}

static void
country_response (GObject    *dialog,
                  const char *response,
                  LodeWindow *self)
{
  AdwComboRow *row = g_object_get_data (dialog, "lode-row");
  GPtrArray *codes = g_object_get_data (dialog, "lode-codes");
  const char *country;

  if (!g_str_equal (response, "set"))
    return;

  country = lode_choice_get (row, codes);
  g_action_group_activate_action (G_ACTION_GROUP (self), "set-country",
                                  g_variant_new_string (country != NULL ? country : ""));
}

static void
edit_country_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LodeWindow *self = LODE_WINDOW (widget);
  g_autofree char *country = NULL;
  GPtrArray *codes;
  GtkWidget *row;
  GObject *dialog;

  if (!has_country (self) || lode_window_get_busy (self))
    return;

  country = get_country (self);
  codes = g_ptr_array_new_with_free_func (g_free);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Country"));
  lode_choice_fill_countries (row, codes, _("Not set"));
  lode_choice_select_country (row, codes, country);
  gtk_widget_set_tooltip_text (row, _("Imports take the exports this country reports"));

  dialog = lode_window_present_choice (self, row, _("Portfolio Country"),
                                       _("The country whose mineral sector the portfolio follows. Trade "
                                         "statistics imported into it are the exports this country reports."),
                                       G_CALLBACK (country_response));
  g_object_set_data_full (dialog, "lode-codes", codes, (GDestroyNotify) g_ptr_array_unref);
}

/* "win.import-file" s: the preview of importing the file at a URI. */
static void
import_file_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  lode_window_import_file (LODE_WINDOW (user_data), file);
}

/* In the window's action map, so that they can also be activated from
 * outside, over D-Bus (org.gtk.Actions). */
static const GActionEntry map_actions[] = {
  { "set-country", set_country_activated, "s" },
  { "import-file", import_file_activated, "s" },
};

/* The window's side */

void
lode_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.edit-country", NULL, edit_country_action);
}

void
lode_window_import_init (LodeWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   map_actions, G_N_ELEMENTS (map_actions),
                                   self);
}

void
lode_window_import_dispose (LodeWindow *self)
{
  if (self->import_chooser != NULL)
    lode_file_chooser_cancel (g_steal_pointer (&self->import_chooser));
  if (self->drop_dialog != NULL)
    lode_dialog_close (self->drop_dialog);
  g_clear_object (&self->drop_dialog);
  if (self->import_dialog != NULL)
    gtk_window_destroy (self->import_dialog);
  g_clear_weak_pointer (&self->import_dialog);
}
