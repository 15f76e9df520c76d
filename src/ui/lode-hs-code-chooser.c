/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-hs-code-chooser.h"
#include "lode-hs-codes.h"

struct _LodeHsCodeChooser
{
  GtkPopover          parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  GtkStringList      *codes;     /* "" for none */
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  gboolean            allow_none;
  char               *search;    /* casefolded, or NULL */
};

G_DEFINE_FINAL_TYPE (LodeHsCodeChooser, lode_hs_code_chooser, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
lode_hs_code_format (const char *code)
{
  const char *description;

  if (code == NULL)
    return NULL;

  description = lode_hs_code_lookup (code);
  if (description == NULL)
    return g_strdup (code);

  /* TRANSLATORS: an HS code and its description, as in "2603 — Copper ores and concentrates" */
  return g_strdup_printf (_("%s — %s"), code, description);
}

static gboolean
code_matches (gpointer item,
              gpointer user_data)
{
  LodeHsCodeChooser *self = user_data;
  const char *code = gtk_string_object_get_string (item);
  const char *description;
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;
  if (*code == '\0')
    return FALSE;
  if (g_str_has_prefix (code, self->search))
    return TRUE;

  description = lode_hs_code_lookup (code);
  if (description == NULL)
    return FALSE;
  folded = g_utf8_casefold (description, -1);

  return strstr (folded, self->search) != NULL;
}

static void
search_changed (LodeHsCodeChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
lode_hs_code_chooser_choose (LodeHsCodeChooser *self,
                             const char        *code)
{
  g_return_if_fail (LODE_IS_HS_CODE_CHOOSER (self));

  g_signal_emit (self, signals[CHOSEN], 0, code != NULL && *code != '\0' ? code : NULL);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
row_activated (LodeHsCodeChooser *self,
               guint              position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item != NULL)
    lode_hs_code_chooser_choose (self, gtk_string_object_get_string (item));
}

/* Enter in the search chooses the first code shown. */
static void
search_activated (LodeHsCodeChooser *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    row_activated (self, 0);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  const char *code = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  g_autofree char *text = *code != '\0' ? lode_hs_code_format (code) : g_strdup (C_("hs code", "None"));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

void
lode_hs_code_chooser_set_preferred (LodeHsCodeChooser  *self,
                                    const char * const *codes)
{
  g_autofree const char **all = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  g_return_if_fail (LODE_IS_HS_CODE_CHOOSER (self));

  if (self->allow_none)
    g_ptr_array_add (strings, (gpointer) "");
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_ptr_array_add (strings, (gpointer) codes[i]);

  all = lode_hs_codes_under (NULL, NULL);
  for (guint i = 0; all[i] != NULL; i++)
    if (codes == NULL || !g_strv_contains (codes, all[i]))
      g_ptr_array_add (strings, (gpointer) all[i]);
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (self->codes, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->codes)),
                          (const char * const *) strings->pdata);
}

GListModel *
lode_hs_code_chooser_get_shown (LodeHsCodeChooser *self)
{
  g_return_val_if_fail (LODE_IS_HS_CODE_CHOOSER (self), NULL);

  return G_LIST_MODEL (self->shown);
}

static void
lode_hs_code_chooser_show (GtkWidget *widget)
{
  LodeHsCodeChooser *self = LODE_HS_CODE_CHOOSER (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  GTK_WIDGET_CLASS (lode_hs_code_chooser_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
lode_hs_code_chooser_dispose (GObject *object)
{
  LodeHsCodeChooser *self = LODE_HS_CODE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_HS_CODE_CHOOSER);
  g_clear_object (&self->codes);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (lode_hs_code_chooser_parent_class)->dispose (object);
}

static void
lode_hs_code_chooser_finalize (GObject *object)
{
  LodeHsCodeChooser *self = LODE_HS_CODE_CHOOSER (object);

  g_free (self->search);

  G_OBJECT_CLASS (lode_hs_code_chooser_parent_class)->finalize (object);
}

static void
lode_hs_code_chooser_class_init (LodeHsCodeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_hs_code_chooser_dispose;
  object_class->finalize = lode_hs_code_chooser_finalize;
  widget_class->show = lode_hs_code_chooser_show;

  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-hs-code-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeHsCodeChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LodeHsCodeChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
lode_hs_code_chooser_init (LodeHsCodeChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->codes = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (code_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->codes)),
                                           GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

LodeHsCodeChooser *
lode_hs_code_chooser_new (gboolean allow_none)
{
  LodeHsCodeChooser *self = g_object_new (LODE_TYPE_HS_CODE_CHOOSER, NULL);

  self->allow_none = allow_none;
  lode_hs_code_chooser_set_preferred (self, NULL);

  return self;
}
