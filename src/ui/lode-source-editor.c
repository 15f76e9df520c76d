/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-cells.h"
#include "lode-rules.h"
#include "lode-source-editor.h"
#include "lode-ui-format.h"

struct _LodeSourceEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *confirm_button;
  AdwEntryRow   *title_row;
  AdwEntryRow   *publisher_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *url_row;
  GtkLabel      *error_label;

  LodePortfolio *portfolio;
  LodeSource    *source;
};

G_DEFINE_FINAL_TYPE (LodeSourceEditor, lode_source_editor, ADW_TYPE_WINDOW)

/* A date people typed, as the file holds it: digits of any script read
 * as ASCII digits; NULL when empty. */
static char *
read_date (LodeSourceEditor *self)
{
  g_autofree char *text = lode_editor_row_text (self->date_row);

  return text != NULL ? lode_parse_normalize (text) : NULL;
}

static gboolean
validate (LodeSourceEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *url = NULL;
  const char *why = NULL;

  if (self->portfolio == NULL)
    return FALSE;

  title = lode_editor_row_text (self->title_row);
  date = read_date (self);
  url = lode_editor_row_text (self->url_row);

  lode_editor_mark_row (GTK_WIDGET (self->title_row),
                        lode_editor_changed (self->title_row) && !lode_rule_name (title, NULL) ?
                        _("A source needs a title") : NULL, errors);
  why = NULL;
  if (date != NULL)
    lode_rule_date (date, &why);
  lode_editor_mark_row (GTK_WIDGET (self->date_row), why, errors);
  why = NULL;
  /* The reader takes any address: only one typed here must have a scheme. */
  if (url != NULL && lode_editor_changed (self->url_row) && g_uri_peek_scheme (url) == NULL)
    why = _("An address starts with its scheme, as in https://");
  lode_editor_mark_row (GTK_WIDGET (self->url_row), why, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return errors->len == 0;
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LodeSourceEditor *self = LODE_SOURCE_EDITOR (widget);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_sources (self->portfolio);
  g_autofree char *title = lode_editor_row_text (self->title_row);
  g_autofree char *publisher = lode_editor_row_text (self->publisher_row);
  g_autofree char *date = read_date (self);
  g_autofree char *url = lode_editor_row_text (self->url_row);
  g_autofree char *label = NULL;

  if (!validate (self))
    return;

  if (self->source == NULL)
    {
      g_autofree char *id = lode_editor_make_id (title, G_LIST_MODEL (store),
                                                 (const char *(*) (gpointer)) lode_source_get_id);
      g_autoptr(LodeSource) source = NULL;

      source = lode_source_new (id, title);
      lode_source_set_publisher (source, publisher);
      lode_source_set_date (source, date);
      lode_source_set_url (source, url);
      label = g_strdup_printf (_("Add %s"), title);
      lode_history_insert_item (history, label, store,
                                g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (source));
    }
  else
    {
      GObject *object = G_OBJECT (self->source);

      label = g_strdup_printf (_("Edit %s"), lode_source_get_title (self->source));
      lode_history_begin_group (history, label);
      /* Only the fields the user changed: a stored title with spaces
       * around it stays as it is. */
      lode_editor_set_if_changed (self->title_row, history, label, object, "title", title);
      lode_editor_set_if_changed (self->publisher_row, history, label, object, "publisher", publisher);
      lode_editor_set_if_changed (self->date_row, history, label, object, "date", date);
      lode_editor_set_if_changed (self->url_row, history, label, object, "url", url);
      lode_history_end_group (history);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
lode_source_editor_dispose (GObject *object)
{
  LodeSourceEditor *self = LODE_SOURCE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_SOURCE_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (lode_source_editor_parent_class)->dispose (object);
}

static void
lode_source_editor_class_init (LodeSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_source_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-source-editor.ui",
                           confirm_action, (LodeEditorValidateFunc) validate);
  gtk_widget_class_bind_template_child (widget_class, LodeSourceEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeSourceEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LodeSourceEditor, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, LodeSourceEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, LodeSourceEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, LodeSourceEditor, error_label);
}

static void
lode_source_editor_init (LodeSourceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LodeSourceEditor *
lode_source_editor_new (LodePortfolio *portfolio,
                        LodeSource    *source)
{
  LodeSourceEditor *self;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (source == NULL || LODE_IS_SOURCE (source), NULL);

  self = g_object_new (LODE_TYPE_SOURCE_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->source, source);

  if (source != NULL)
    {
      lode_editor_set_row_text (self->title_row, lode_source_get_title (source));
      lode_editor_set_row_text (self->publisher_row, lode_source_get_publisher (source));
      lode_editor_set_row_text (self->date_row, lode_source_get_date (source));
      lode_editor_set_row_text (self->url_row, lode_source_get_url (source));
      gtk_button_set_label (self->confirm_button, _("Save"));

      lode_editor_remember_fields (self->title_row, self->publisher_row, self->date_row, self->url_row, NULL);
    }

  validate (self);
  lode_editor_focus_first (self, self->title_row);

  return self;
}
