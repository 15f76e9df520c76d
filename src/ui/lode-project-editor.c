/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lode-cells.h"
#include "lode-project-editor.h"
#include "lode-ui-format.h"

#define N_STATUSES (LODE_PROJECT_STATUS_CLOSED + 1)

struct _LodeProjectEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *confirm_button;
  AdwEntryRow   *name_row;
  AdwComboRow   *status_row;
  AdwEntryRow   *region_row;
  AdwEntryRow   *operator_row;
  AdwEntryRow   *committed_row;
  AdwEntryRow   *disbursed_row;
  GtkSpinButton *start_year;
  AdwEntryRow   *jobs_row;
  AdwActionRow  *partners_row;
  GtkLabel      *error_label;

  LodePortfolio *portfolio;
  LodeProject   *project;
};

G_DEFINE_FINAL_TYPE (LodeProjectEditor, lode_project_editor, ADW_TYPE_WINDOW)

/* An optional amount: empty is LODE_MONEY_UNSET. */
static gboolean
read_money (AdwEntryRow *row,
            LodeMoney   *value,
            GString     *errors)
{
  g_autofree char *text = lode_editor_row_text (row);
  const char *why = NULL;

  *value = LODE_MONEY_UNSET;
  if (text != NULL && !lode_parse_money (text, value, &why))
    *value = LODE_MONEY_UNSET;

  lode_editor_mark_row (GTK_WIDGET (row), why, errors);

  return why == NULL;
}

static gboolean
read_jobs (LodeProjectEditor *self,
           gint64            *jobs,
           GString           *errors)
{
  g_autofree char *text = lode_editor_row_text (self->jobs_row);
  const char *why = NULL;

  *jobs = -1;
  if (text != NULL)
    {
      guint64 number;

      if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &number, NULL))
        *jobs = number;
      else
        why = _("Jobs are a whole number");
    }

  lode_editor_mark_row (GTK_WIDGET (self->jobs_row), why, errors);

  return why == NULL;
}

static gboolean
validate (LodeProjectEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *name = NULL;
  LodeMoney money;
  gint64 jobs;

  if (self->portfolio == NULL)
    return FALSE;

  name = lode_editor_row_text (self->name_row);
  lode_editor_mark_row (GTK_WIDGET (self->name_row),
                        name == NULL ? _("A project needs a name") : NULL, errors);
  read_money (self->committed_row, &money, errors);
  read_money (self->disbursed_row, &money, errors);
  read_jobs (self, &jobs, errors);
  lode_editor_show_errors (GTK_WIDGET (self), self->error_label, errors);

  return errors->len == 0;
}

char *
lode_project_editor_make_id (LodePortfolio *portfolio,
                             const char    *name)
{
  return lode_editor_make_id (name, G_LIST_MODEL (lode_portfolio_get_projects (portfolio)),
                              (const char *(*) (gpointer)) lode_project_get_id);
}

LodeProject *
lode_project_editor_copy (LodeProject *project,
                          const char  *id,
                          const char  *name)
{
  LodeProject *copy = lode_project_new (id, name);
  GListModel *partners = lode_project_get_partners (project);

  lode_project_set_minerals (copy, lode_project_get_minerals (project));
  lode_project_set_region (copy, lode_project_get_region (project));
  lode_project_set_operator (copy, lode_project_get_operator (project));
  lode_project_set_status (copy, lode_project_get_status (project));
  lode_project_set_committed (copy, lode_project_get_committed (project));
  lode_project_set_disbursed (copy, lode_project_get_disbursed (project));
  lode_project_set_start_year (copy, lode_project_get_start_year (project));
  lode_project_set_jobs (copy, lode_project_get_jobs (project));
  lode_project_set_source (copy, lode_project_get_source (project));
  lode_project_set_extra (copy, lode_project_get_extra (project));
  lode_project_set_investment_extra (copy, lode_project_get_investment_extra (project));

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(LodePartner) partner = g_list_model_get_item (partners, i);
      g_autoptr(LodePartner) partner_copy = lode_partner_new (lode_partner_get_name (partner));

      lode_partner_set_country (partner_copy, lode_partner_get_country (partner));
      lode_partner_set_share (partner_copy, lode_partner_get_share (partner));
      lode_partner_set_extra (partner_copy, lode_partner_get_extra (partner));
      lode_project_add_partner (copy, partner_copy);
    }

  return copy;
}

static void
set_number (LodeHistory *history,
            const char  *label,
            GObject     *object,
            const char  *property,
            GType        type,
            gint64       number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (type == G_TYPE_INT)
    g_value_set_int (&value, number);
  else
    g_value_set_int64 (&value, number);
  lode_editor_set_property (history, label, object, property, &value);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LodeProjectEditor *self = LODE_PROJECT_EDITOR (widget);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  GListStore *store = lode_portfolio_get_projects (self->portfolio);
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *name = lode_editor_row_text (self->name_row);
  g_autofree char *region = lode_editor_row_text (self->region_row);
  g_autofree char *operator = lode_editor_row_text (self->operator_row);
  LodeProjectStatus status = adw_combo_row_get_selected (self->status_row);
  int start_year = gtk_spin_button_get_value_as_int (self->start_year);
  g_autofree char *label = NULL;
  LodeMoney committed;
  LodeMoney disbursed;
  gint64 jobs;

  if (!validate (self))
    return;

  read_money (self->committed_row, &committed, errors);
  read_money (self->disbursed_row, &disbursed, errors);
  read_jobs (self, &jobs, errors);

  if (self->project == NULL)
    {
      g_autofree char *id = lode_project_editor_make_id (self->portfolio, name);
      g_autoptr(LodeProject) project = lode_project_new (id, name);

      lode_project_set_region (project, region);
      lode_project_set_operator (project, operator);
      lode_project_set_status (project, status);
      lode_project_set_committed (project, committed);
      lode_project_set_disbursed (project, disbursed);
      lode_project_set_start_year (project, start_year);
      lode_project_set_jobs (project, jobs);
      label = g_strdup_printf (_("Add %s"), name);
      lode_history_insert_item (history, label, store,
                                g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (project));
    }
  else
    {
      GObject *object = G_OBJECT (self->project);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), "status");
      g_auto(GValue) value = G_VALUE_INIT;

      label = g_strdup_printf (_("Edit %s"), lode_project_get_name (self->project));
      lode_history_begin_group (history, label);
      lode_editor_set_string (history, label, object, "name", name);
      lode_editor_set_string (history, label, object, "region", region);
      lode_editor_set_string (history, label, object, "operator", operator);
      g_value_init (&value, pspec->value_type);
      g_value_set_enum (&value, status);
      lode_editor_set_property (history, label, object, "status", &value);
      set_number (history, label, object, "committed", G_TYPE_INT64, committed);
      set_number (history, label, object, "disbursed", G_TYPE_INT64, disbursed);
      set_number (history, label, object, "start-year", G_TYPE_INT, start_year);
      set_number (history, label, object, "jobs", G_TYPE_INT64, jobs);
      lode_history_end_group (history);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated (LodeProjectEditor *self)
{
  if (validate (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.confirm", NULL);
}

static void
lode_project_editor_dispose (GObject *object)
{
  LodeProjectEditor *self = LODE_PROJECT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_PROJECT_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (lode_project_editor_parent_class)->dispose (object);
}

static void
lode_project_editor_class_init (LodeProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_project_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, operator_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, committed_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, disbursed_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, start_year);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, jobs_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, partners_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lode_project_editor_init (LodeProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_money_text (AdwEntryRow *row,
                LodeMoney    value)
{
  g_autofree char *text = value != LODE_MONEY_UNSET ? lode_money_to_json (value) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

LodeProjectEditor *
lode_project_editor_new (LodePortfolio *portfolio,
                         LodeProject   *project)
{
  LodeProjectEditor *self;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  guint n_partners = 0;
  g_autofree char *partners = NULL;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (project == NULL || LODE_IS_PROJECT (project), NULL);

  self = g_object_new (LODE_TYPE_PROJECT_EDITOR, NULL);
  self->portfolio = g_object_ref (portfolio);
  g_set_object (&self->project, project);

  gtk_string_list_append (statuses, C_("status", "Unknown"));
  for (int status = LODE_PROJECT_STATUS_EXPLORATION; status < N_STATUSES; status++)
    gtk_string_list_append (statuses, lode_format_project_status (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  if (project != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), lode_project_get_name (project));
      if (lode_project_get_region (project) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->region_row), lode_project_get_region (project));
      if (lode_project_get_operator (project) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->operator_row), lode_project_get_operator (project));
      adw_combo_row_set_selected (self->status_row, lode_project_get_status (project));
      set_money_text (self->committed_row, lode_project_get_committed (project));
      set_money_text (self->disbursed_row, lode_project_get_disbursed (project));
      gtk_spin_button_set_value (self->start_year, lode_project_get_start_year (project));
      if (lode_project_get_jobs (project) >= 0)
        {
          g_autofree char *jobs = g_strdup_printf ("%" G_GINT64_FORMAT, lode_project_get_jobs (project));

          gtk_editable_set_text (GTK_EDITABLE (self->jobs_row), jobs);
        }
      n_partners = g_list_model_get_n_items (lode_project_get_partners (project));
      gtk_button_set_label (self->confirm_button, _("Save"));
    }

  partners = g_strdup_printf (ngettext ("%u partner", "%u partners", n_partners), n_partners);
  adw_action_row_set_subtitle (self->partners_row, partners);

  validate (self);

  return self;
}
