/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "lode-cells.h"
#include "lode-rules.h"
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
  AdwEntryRow   *start_year_row;
  AdwEntryRow   *jobs_row;
  GtkMenuButton *region_button;
  AdwPreferencesGroup *minerals_group;
  AdwPreferencesGroup *partners_group;
  GtkLabel      *error_label;

  LodePortfolio *portfolio;
  LodeProject   *project;
  /* Ids of the portfolio's minerals and their check buttons, in order. */
  GPtrArray     *mineral_ids;
  GPtrArray     *mineral_checks;
  GPtrArray     *partner_forms;
};

/* The rows that edit one partner. */
typedef struct
{
  LodeProjectEditor *editor;
  LodePartner       *original;   /* or NULL for a new partner */
  AdwExpanderRow    *expander;
  AdwEntryRow       *name;
  AdwComboRow       *country;
  AdwEntryRow       *share;
  GPtrArray         *country_codes;
} PartnerForm;

static void
partner_form_free (gpointer data)
{
  PartnerForm *form = data;

  g_clear_object (&form->original);
  g_clear_pointer (&form->country_codes, g_ptr_array_unref);
  g_free (form);
}

/* Reads @form into a new partner, adding its share (0–1, or 0 when unset)
 * to @total; NULL (with the rows marked) when a value is invalid. */
static LodePartner *
partner_form_read (PartnerForm *form,
                   double      *total,
                   GString     *errors)
{
  g_autofree char *name = lode_editor_row_text (form->name);
  g_autofree char *typed_share = lode_editor_row_text (form->share);
  g_autofree char *share_text = typed_share != NULL ? lode_parse_decimal (typed_share) : NULL;
  double share = LODE_SHARE_UNSET;
  const char *why = NULL;
  LodePartner *partner;

  /* A name as stored is kept, even one the editor would refuse. */
  if (lode_editor_changed (form->name) && !lode_rule_name (name, NULL))
    g_clear_pointer (&name, g_free);
  lode_editor_mark_row (GTK_WIDGET (form->name),
                        name == NULL ? _("A partner needs a name") : NULL, errors);
  adw_expander_row_set_subtitle (form->expander, name != NULL ? name : "");

  if (form->original != NULL && !lode_editor_changed (form->share))
    {
      /* Untouched: the share as it was, not as shown in percent. */
      share = lode_partner_get_share (form->original);
    }
  else if (typed_share != NULL)
    {
      char *end = NULL;
      double percent = 0;

      /* "60" or "60 %", "٦٠٪", "12,5 %". */
      if (share_text != NULL && g_str_has_suffix (share_text, "%"))
        share_text[strlen (share_text) - 1] = '\0';
      if (share_text != NULL)
        percent = g_ascii_strtod (share_text, &end);
      if (share_text == NULL || end == share_text || *end != '\0' || strspn (share_text, "0123456789.+-") != strlen (share_text))
        why = _("A share is a number of percent");
      else if (lode_rule_share (percent / 100.0, &why))
        share = percent == 0 ? 0 : percent / 100.0;
    }
  lode_editor_mark_row (GTK_WIDGET (form->share), why, errors);

  if (name == NULL || why != NULL)
    return NULL;

  if (share != LODE_SHARE_UNSET)
    *total += share;

  if (form->original != NULL && !lode_editor_changed (form->name))
    {
      g_free (name);
      name = g_strdup (lode_partner_get_name (form->original));
    }

  partner = lode_partner_new (name);
  if (form->original != NULL && !lode_editor_changed (form->country))
    lode_partner_set_country (partner, lode_partner_get_country (form->original));
  else
    lode_partner_set_country (partner, lode_choice_get (form->country, form->country_codes));
  lode_partner_set_share (partner, share);
  if (form->original != NULL)
    lode_partner_set_extra (partner, lode_partner_get_extra (form->original));

  return partner;
}

/* The shares of the stored partners, added up. */
static double
stored_total (LodeProjectEditor *self)
{
  GListModel *partners;
  double total = 0;

  if (self->project == NULL)
    return 0;

  partners = lode_project_get_partners (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(LodePartner) partner = g_list_model_get_item (partners, i);

      if (lode_partner_get_share (partner) > 0)
        total += lode_partner_get_share (partner);
    }

  return total;
}

/* The partners as the forms say, or NULL when one is invalid or the
 * shares add up to more than 100 %. */
static GPtrArray *
read_partners (LodeProjectEditor *self,
               GString           *errors)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean valid = TRUE;
  double total = 0;

  for (guint i = 0; i < self->partner_forms->len; i++)
    {
      PartnerForm *form = g_ptr_array_index (self->partner_forms, i);
      LodePartner *partner = partner_form_read (form, &total, errors);

      if (partner == NULL)
        {
          valid = FALSE;
          adw_expander_row_set_expanded (form->expander, TRUE);
          continue;
        }
      g_ptr_array_add (partners, partner);
    }

  /* A little room for the rounding of percents such as 33.33 × 3. The
   * reader does not add shares up: a project stored with more than 100 %
   * in all still saves, as long as the edit adds no more. */
  if (valid && total > MAX (1.0, stored_total (self)) + 1e-9)
    {
      g_autofree char *why = g_strdup_printf (_("The partners' shares add up to %.4g %%, more than 100 %%"),
                                              total * 100);

      for (guint i = 0; i < self->partner_forms->len; i++)
        {
          PartnerForm *form = g_ptr_array_index (self->partner_forms, i);

          gtk_widget_add_css_class (GTK_WIDGET (form->share), "error");
          adw_expander_row_set_expanded (form->expander, TRUE);
        }
      if (errors->len > 0)
        g_string_append_c (errors, '\n');
      g_string_append (errors, why);
      valid = FALSE;
    }

  return valid ? g_steal_pointer (&partners) : NULL;
}

/* The ids of the checked minerals, then those of the project that the
 * portfolio does not list (kept as they are). */
static GStrv
read_minerals (LodeProjectEditor *self)
{
  const char * const *current = self->project != NULL ? lode_project_get_minerals (self->project) : NULL;

  return lode_choice_read_checks (self->mineral_ids, self->mineral_checks, current);
}

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
    lode_parse_jobs (text, jobs, &why);
  lode_editor_mark_row (GTK_WIDGET (self->jobs_row), why, errors);

  return why == NULL;
}

/* An optional year: empty is 0, unknown. */
static gboolean
read_start_year (LodeProjectEditor *self,
                 int               *year,
                 GString           *errors)
{
  g_autofree char *text = lode_editor_row_text (self->start_year_row);
  const char *why = NULL;

  *year = 0;
  if (text != NULL)
    lode_parse_year (text, year, &why);
  lode_editor_mark_row (GTK_WIDGET (self->start_year_row), why, errors);

  return why == NULL;
}

static gboolean
validate (LodeProjectEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  LodeMoney money;
  int start_year;
  gint64 jobs;

  if (self->portfolio == NULL || self->partner_forms == NULL)
    return FALSE;

  name = lode_editor_row_text (self->name_row);
  lode_editor_mark_row (GTK_WIDGET (self->name_row),
                        lode_editor_changed (self->name_row) && !lode_rule_name (name, NULL) ?
                        _("A project needs a name") : NULL, errors);
  read_money (self->committed_row, &money, errors);
  read_money (self->disbursed_row, &money, errors);
  read_start_year (self, &start_year, errors);
  read_jobs (self, &jobs, errors);
  g_clear_pointer (&partners, g_ptr_array_unref);
  partners = read_partners (self, errors);
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
put_partners (GObject   *owner,
              GPtrArray *partners)
{
  LodeProject *project = LODE_PROJECT (owner);
  GListModel *current = lode_project_get_partners (project);

  while (g_list_model_get_n_items (current) > 0)
    lode_project_remove_partner (project, g_list_model_get_n_items (current) - 1);
  for (guint i = 0; i < partners->len; i++)
    lode_project_add_partner (project, g_ptr_array_index (partners, i));
}

static gboolean
same_partner (gpointer a,
              gpointer b)
{
  return g_strcmp0 (lode_partner_get_name (a), lode_partner_get_name (b)) == 0 &&
         g_strcmp0 (lode_partner_get_country (a), lode_partner_get_country (b)) == 0 &&
         lode_partner_get_share (a) == lode_partner_get_share (b);
}

static void
validate_swapped (LodeProjectEditor *self)
{
  validate (self);
}

static void
remove_partner_clicked (GtkButton   *button,
                        PartnerForm *form)
{
  LodeProjectEditor *self = form->editor;

  adw_preferences_group_remove (self->partners_group, GTK_WIDGET (form->expander));
  g_ptr_array_remove (self->partner_forms, form);
  validate (self);
}

static void
add_partner_form (LodeProjectEditor *self,
                  LodePartner       *partner)
{
  PartnerForm *form = g_new0 (PartnerForm, 1);
  GtkWidget *remove;

  form->editor = self;
  g_set_object (&form->original, partner);
  form->country_codes = g_ptr_array_new_with_free_func (g_free);

  form->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->expander), _("Partner"));

  form->name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->name), _("Name"));

  form->country = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->country), _("Country"));
  lode_choice_fill_countries (form->country, form->country_codes, _("Unknown"));
  lode_choice_add_countries_of (form->country, form->country_codes, self->portfolio);

  form->share = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->share), _("Share (%, optional)"));

  remove = lode_editor_remove_button (_("Remove Partner"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_partner_clicked), form);
  adw_expander_row_add_action (form->expander, remove);

  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->name));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->country));
  adw_expander_row_add_row (form->expander, GTK_WIDGET (form->share));

  if (partner != NULL)
    {
      if (lode_partner_get_name (partner) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (form->name), lode_partner_get_name (partner));
      lode_choice_select_country (form->country, form->country_codes, lode_partner_get_country (partner));
      if (lode_partner_get_share (partner) >= 0)
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          /* 0.5 → "50"; %.10g drops the noise of the multiplication. */
          g_ascii_formatd (text, sizeof text, "%.10g", lode_partner_get_share (partner) * 100);
          gtk_editable_set_text (GTK_EDITABLE (form->share), lode_localize_decimal_mark (text));
        }

      lode_editor_remember_fields (form->name, form->country, form->share, NULL);
    }
  else
    adw_expander_row_set_expanded (form->expander, TRUE);

  g_signal_connect_swapped (form->name, "changed", G_CALLBACK (validate_swapped), self);
  g_signal_connect_swapped (form->country, "notify::selected", G_CALLBACK (validate_swapped), self);
  g_signal_connect_swapped (form->share, "changed", G_CALLBACK (validate_swapped), self);

  g_ptr_array_add (self->partner_forms, form);
  adw_preferences_group_add (self->partners_group, GTK_WIDGET (form->expander));
}

static void
add_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LodeProjectEditor *self = LODE_PROJECT_EDITOR (widget);
  PartnerForm *form;

  add_partner_form (self, NULL);
  validate (self);
  form = g_ptr_array_index (self->partner_forms, self->partner_forms->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (form->name));
}

static void
region_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LodeProjectEditor *self = LODE_PROJECT_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->region_row), g_variant_get_string (parameter, NULL));
}

static void
fill_regions (LodeProjectEditor *self)
{
  const char * const *names = lode_region_names ();
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (names[i], NULL);

      g_menu_item_set_action_and_target_value (item, "editor.region", g_variant_new_string (names[i]));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->region_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->region_button), names[0] != NULL);
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
  int start_year;
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_auto(GStrv) minerals = NULL;
  LodeMoney committed;
  LodeMoney disbursed;
  gint64 jobs;

  if (!validate (self))
    return;

  read_money (self->committed_row, &committed, errors);
  read_money (self->disbursed_row, &disbursed, errors);
  read_start_year (self, &start_year, errors);
  read_jobs (self, &jobs, errors);
  partners = read_partners (self, errors);
  g_assert (partners != NULL);
  minerals = read_minerals (self);

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
      if (minerals[0] != NULL)
        lode_project_set_minerals (project, (const char * const *) minerals);
      for (guint i = 0; i < partners->len; i++)
        lode_project_add_partner (project, g_ptr_array_index (partners, i));
      label = g_strdup_printf (_("Add %s"), name);
      lode_history_insert_item (history, label, store,
                                g_list_model_get_n_items (G_LIST_MODEL (store)), G_OBJECT (project));
    }
  else
    {
      GObject *object = G_OBJECT (self->project);

      label = g_strdup_printf (_("Edit %s"), lode_project_get_name (self->project));
      /* Only the fields the user changed are written back. */
      lode_history_begin_group (history, label);
      lode_editor_set_if_changed (self->name_row, history, label, object, "name", name);
      lode_editor_set_if_changed (self->region_row, history, label, object, "region", region);
      lode_editor_set_if_changed (self->operator_row, history, label, object, "operator", operator);
      lode_editor_set_if_changed (self->status_row, history, label, object, "status", (int) status);
      lode_editor_set_if_changed (self->committed_row, history, label, object, "committed", (gint64) committed);
      lode_editor_set_if_changed (self->disbursed_row, history, label, object, "disbursed", (gint64) disbursed);
      lode_editor_set_if_changed (self->start_year_row, history, label, object, "start-year", start_year);
      lode_editor_set_if_changed (self->jobs_row, history, label, object, "jobs", jobs);
      if (lode_editor_any_changed (self->mineral_checks))
        lode_editor_set_strv (history, label, object, "minerals", (const char * const *) minerals);
      lode_editor_set_items (history, label, object, lode_project_get_partners (self->project),
                             partners, same_partner, put_partners);
      lode_history_end_group (history);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
lode_project_editor_dispose (GObject *object)
{
  LodeProjectEditor *self = LODE_PROJECT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_PROJECT_EDITOR);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->project);
  g_clear_pointer (&self->mineral_ids, g_ptr_array_unref);
  g_clear_pointer (&self->mineral_checks, g_ptr_array_unref);
  g_clear_pointer (&self->partner_forms, g_ptr_array_unref);

  G_OBJECT_CLASS (lode_project_editor_parent_class)->dispose (object);
}

static void
lode_project_editor_class_init (LodeProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_project_editor_dispose;

  lode_editor_class_setup (widget_class, "/io/github/lodeapp/Lode/ui/lode-project-editor.ui",
                           confirm_action, (LodeEditorValidateFunc) validate);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, operator_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, committed_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, disbursed_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, start_year_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, jobs_row);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, region_button);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, minerals_group);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, partners_group);
  gtk_widget_class_bind_template_child (widget_class, LodeProjectEditor, error_label);

  gtk_widget_class_install_action (widget_class, "editor.add-partner", NULL, add_partner_action);
  gtk_widget_class_install_action (widget_class, "editor.region", "s", region_action);
}

static void
lode_project_editor_init (LodeProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mineral_ids = g_ptr_array_new_with_free_func (g_free);
  self->mineral_checks = g_ptr_array_new ();
  self->partner_forms = g_ptr_array_new_with_free_func (partner_form_free);
}

LodeProjectEditor *
lode_project_editor_new (LodePortfolio *portfolio,
                         LodeProject   *project)
{
  LodeProjectEditor *self;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

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
      lode_editor_set_row_money (self->committed_row, lode_project_get_committed (project));
      lode_editor_set_row_money (self->disbursed_row, lode_project_get_disbursed (project));
      if (lode_project_get_start_year (project) != 0)
        {
          g_autofree char *year = g_strdup_printf ("%d", lode_project_get_start_year (project));

          gtk_editable_set_text (GTK_EDITABLE (self->start_year_row), year);
        }
      if (lode_project_get_jobs (project) >= 0)
        {
          g_autofree char *jobs = g_strdup_printf ("%" G_GINT64_FORMAT, lode_project_get_jobs (project));

          gtk_editable_set_text (GTK_EDITABLE (self->jobs_row), jobs);
        }
      GListModel *partners = lode_project_get_partners (project);

      for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
        {
          g_autoptr(LodePartner) partner = g_list_model_get_item (partners, i);

          add_partner_form (self, partner);
        }
      gtk_button_set_label (self->confirm_button, _("Save"));

      lode_editor_remember_fields (self->name_row, self->status_row, self->region_row, self->operator_row,
                                   self->committed_row, self->disbursed_row, self->start_year_row,
                                   self->jobs_row, NULL);
    }

  lode_choice_fill_mineral_checks (self->minerals_group, self->mineral_ids, self->mineral_checks, portfolio,
                                   project != NULL ? lode_project_get_minerals (project) : NULL, project != NULL);
  fill_regions (self);
  for (guint i = 0; i < self->mineral_checks->len; i++)
    g_signal_connect_object (g_ptr_array_index (self->mineral_checks, i), "toggled",
                             G_CALLBACK (validate_swapped), self, G_CONNECT_SWAPPED);

  validate (self);
  lode_editor_focus_first (self, self->name_row);

  return self;
}
