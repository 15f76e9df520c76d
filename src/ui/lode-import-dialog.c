/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-countries.h"
#include "lode-money.h"
#include "lode-investment.h"
#include "lode-national-figure.h"
#include "lode-production.h"
#include "lode-project.h"
#include "lode-reserve.h"
#include "lode-target.h"

#include "lode-cells.h"
#include "lode-dialogs.h"
#include "lode-import-dialog.h"
#include "lode-production-editor.h"
#include "lode-settings.h"
#include "lode-ui-format.h"
#include "lode-window-private.h"

#define MAPPINGS_KEY   "import-mappings"
#define MAX_SAMPLES    5
#define PROGRESS_MS    100
#define SAMPLE_MAX_CHARS 32
/* The most rows each list of the preview shows: GTK 4.8's list views
 * take a few microseconds a row (a column view, that for each column)
 * when their model is set, so that the records of a million-row download
 * would stall the window for seconds. */
#define LIST_MAX       2000

/* Rows of a list made when they are shown: a million skipped lines cost
 * nothing until scrolled to. The items are GtkStringObjects whose text is
 * made by the dialog from the position. */

typedef char *(*RowTextFunc) (LodeImportDialog *dialog,
                              guint             position);

#define LODE_TYPE_IMPORT_ROWS (lode_import_rows_get_type ())
G_DECLARE_FINAL_TYPE (LodeImportRows, lode_import_rows, LODE, IMPORT_ROWS, GObject)

struct _LodeImportRows
{
  GObject           parent_instance;
  LodeImportDialog *dialog;   /* unowned: the dialog owns the rows */
  RowTextFunc       text;
  guint             n_items;
};

static GType
lode_import_rows_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
lode_import_rows_get_n_items (GListModel *model)
{
  return LODE_IMPORT_ROWS (model)->n_items;
}

static gpointer
lode_import_rows_get_item (GListModel *model,
                           guint       position)
{
  LodeImportRows *self = LODE_IMPORT_ROWS (model);
  g_autofree char *text = NULL;

  if (position >= self->n_items)
    return NULL;

  text = self->text (self->dialog, position);

  return gtk_string_object_new (text);
}

static void
lode_import_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lode_import_rows_get_item_type;
  iface->get_n_items = lode_import_rows_get_n_items;
  iface->get_item = lode_import_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (LodeImportRows, lode_import_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lode_import_rows_list_model_init))

static void
lode_import_rows_class_init (LodeImportRowsClass *klass)
{
}

static void
lode_import_rows_init (LodeImportRows *self)
{
}

static LodeImportRows *
lode_import_rows_new (LodeImportDialog *dialog,
                      RowTextFunc       text)
{
  LodeImportRows *self = g_object_new (LODE_TYPE_IMPORT_ROWS, NULL);

  self->dialog = dialog;
  self->text = text;

  return self;
}

static void
lode_import_rows_set_n_items (LodeImportRows *self,
                              guint           n_items)
{
  guint removed = self->n_items;

  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n_items);
}

/* The dialog */

/* What a column of a CSV may mean, in the order the mapping lists them;
 * the ids are those kept in the settings. */
static const struct
{
  LodeImportColumn  column;
  const char       *id;
  const char       *title;
  /* Words that name such a column in a header, for a first guess. */
  const char       *words[5];
} roles[] = {
  { LODE_IMPORT_COLUMN_YEAR,      "year",      N_("Year"),                        { "year", NULL } },
  { LODE_IMPORT_COLUMN_MONTH,     "month",     N_("Month"),                       { "month", NULL } },
  { LODE_IMPORT_COLUMN_PERIOD,    "period",    N_("Period (year, or year and month)"), { "period", NULL } },
  { LODE_IMPORT_COLUMN_PARTNER,   "partner",   N_("Partner (destination)"),       { "partner", "destination", "country", NULL } },
  { LODE_IMPORT_COLUMN_COMMODITY, "commodity", N_("Commodity Code (HS)"),         { "hs", "commodity", "code", NULL } },
  { LODE_IMPORT_COLUMN_VALUE,     "value",     N_("Value (US dollars)"),          { "value", "usd", "amount", NULL } },
  { LODE_IMPORT_COLUMN_QUANTITY,  "quantity",  N_("Quantity"),                    { "quantity", "qty", "weight", NULL } },
  { LODE_IMPORT_COLUMN_UNIT,      "unit",      N_("Unit"),                        { "unit", NULL } },
  { LODE_IMPORT_COLUMN_FLOW,      "flow",      N_("Flow (export or import)"),     { "flow", NULL } },
  { LODE_IMPORT_COLUMN_REPORTER,  "reporter",  N_("Reporting Country"),           { "reporter", NULL } },
};

/* The layouts a user may choose, after "Automatic". */
static const LodeImportLayout csv_layouts[] = {
  LODE_IMPORT_LAYOUT_COMTRADE,
  LODE_IMPORT_LAYOUT_COMTRADE_LEGACY,
  LODE_IMPORT_LAYOUT_USGS_MCS,
  LODE_IMPORT_LAYOUT_LODE,
  LODE_IMPORT_LAYOUT_MAPPED,
};

static const LodeCsvEncoding encodings[] = {
  LODE_CSV_ENCODING_AUTO,
  LODE_CSV_ENCODING_UTF8,
  LODE_CSV_ENCODING_UTF16LE,
  LODE_CSV_ENCODING_UTF16BE,
  LODE_CSV_ENCODING_WINDOWS_1252,
};

/* A plan being made: the worker writes how far it is, the dialog reads
 * it. It outlives the dialog when the dialog goes first. */
typedef struct
{
  LodeImportDialog *dialog;   /* NULL once the dialog let go of it */
  int               permille;
} PlanRun;

struct _LodeImportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *import_button;
  GtkStack          *stack;
  AdwStatusPage     *planning_page;
  GtkProgressBar    *progress_bar;
  AdwStatusPage     *error_page;
  GtkLabel          *error_label;
  AdwComboRow       *error_encoding_row;
  GtkLabel          *summary_label;
  GtkLabel          *total_label;
  AdwViewStack      *view_stack;
  GtkStack          *added_stack;
  GtkColumnView     *added_view;
  AdwViewStackPage  *skipped_page;
  GtkStack          *skipped_stack;
  GtkColumnView     *skipped_view;
  AdwViewStackPage  *conflicts_page;
  GtkStack          *conflicts_stack;
  GtkDropDown       *resolve_all;
  GtkListView       *conflicts_view;
  AdwPreferencesGroup *reading_group;
  AdwComboRow       *layout_row;
  AdwComboRow       *encoding_row;
  AdwComboRow       *country_row;
  AdwPreferencesGroup *mapping_group;
  AdwPreferencesGroup *samples_group;
  GtkScrolledWindow *samples_scrolled;
  AdwPreferencesGroup *notes_group;
  GtkLabel          *notes_label;

  LodeWindow        *window;      /* weak */
  LodePortfolio     *portfolio;
  GFile             *file;
  LodeImportPlan    *plan;

  /* What the user chose; AUTO until they choose. */
  LodeImportLayout   layout;
  LodeCsvEncoding    encoding;
  char              *country;     /* NULL: the portfolio's */
  LodeImportMapping  mapping;
  gboolean           has_mapping;
  /* The layout the file was recognised as, read automatically. */
  LodeImportLayout   recognised;

  /* The file's header and first rows, from the plan or, for a CSV of no
   * known layout, read here; the header the mapping rows were made for. */
  GStrv              file_header;
  GPtrArray         *file_samples;    /* of GStrv */
  GStrv              header;
  GPtrArray         *mapping_rows;
  /* Why the file gave no plan, when its columns are to be chosen. */
  char              *columns_error;
  GtkWidget         *samples_grid;
  GPtrArray         *country_codes;

  GCancellable      *cancellable;
  PlanRun           *run;
  guint              progress_id;
  /* Set while the controls are filled from a plan: no new plan then. */
  gboolean           filling;

  LodeImportRows    *skipped_rows;
  LodeImportRows    *conflict_rows;
  GtkStringList     *resolutions;
};

G_DEFINE_FINAL_TYPE (LodeImportDialog, lode_import_dialog, ADW_TYPE_WINDOW)

static void start_plan (LodeImportDialog *self);

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_uri (file);

  return g_filename_display_name (basename);
}

/* Mappings kept in the settings, per header: the header's checksum names
 * a dictionary of the roles to the names of their columns. */

static char *
header_key (const char * const *header)
{
  g_autofree char *joined = g_strjoinv ("\n", (char **) header);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined, -1);
}

static int
header_find (const char * const *header,
             const char         *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return (int) i;

  return -1;
}

static gboolean
load_mapping (const char * const *header,
              LodeImportMapping  *mapping)
{
  g_autoptr(GVariant) all = g_settings_get_value (lode_settings_get (), MAPPINGS_KEY);
  g_autofree char *key = header_key (header);
  g_autoptr(GVariant) columns = g_variant_lookup_value (all, key, G_VARIANT_TYPE ("a{ss}"));

  if (columns == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      const char *name = NULL;

      mapping->column[roles[i].column] = -1;
      if (g_variant_lookup (columns, roles[i].id, "&s", &name))
        mapping->column[roles[i].column] = header_find (header, name);
    }

  return TRUE;
}

static void
save_mapping (const char * const      *header,
              const LodeImportMapping *mapping)
{
  GSettings *settings = lode_settings_get ();
  g_autoptr(GVariant) old = g_settings_get_value (settings, MAPPINGS_KEY);
  g_autofree char *key = header_key (header);
  guint n_cells = g_strv_length ((char **) header);
  GVariantBuilder all;
  GVariantBuilder columns;
  GVariantIter iter;
  const char *old_key;
  GVariant *old_columns;

  g_variant_builder_init (&columns, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      int column = mapping->column[roles[i].column];

      if (column >= 0 && (guint) column < n_cells)
        g_variant_builder_add (&columns, "{ss}", roles[i].id, header[column]);
    }

  g_variant_builder_init (&all, G_VARIANT_TYPE ("a{sa{ss}}"));
  g_variant_builder_add (&all, "{s@a{ss}}", key, g_variant_builder_end (&columns));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &old_key, &old_columns))
    {
      if (!g_str_equal (old_key, key))
        g_variant_builder_add (&all, "{s@a{ss}}", old_key, old_columns);
      g_variant_unref (old_columns);
    }

  g_settings_set_value (settings, MAPPINGS_KEY, g_variant_builder_end (&all));
}

/* A first guess from the header's words, for a file never mapped. */
static void
guess_mapping (const char * const *header,
               LodeImportMapping  *mapping)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    mapping->column[roles[i].column] = -1;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    for (guint c = 0; header[c] != NULL; c++)
      {
        g_autofree char *name = g_utf8_strdown (header[c], -1);
        gboolean taken = FALSE;

        for (guint j = 0; j < G_N_ELEMENTS (roles); j++)
          taken |= mapping->column[roles[j].column] == (int) c;
        if (taken)
          continue;

        for (guint w = 0; roles[i].words[w] != NULL; w++)
          if (strstr (name, roles[i].words[w]) != NULL)
            {
              mapping->column[roles[i].column] = (int) c;
              break;
            }

        if (mapping->column[roles[i].column] >= 0)
          break;
      }
}

/* Progress */

static void
plan_run_free (PlanRun *run)
{
  g_free (run);
}

/* Called from the worker. */
static void
plan_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  PlanRun *run = user_data;

  if (total > 0)
    g_atomic_int_set (&run->permille, (int) MIN (done * 1000 / total, 1000));
}

static gboolean
show_progress (gpointer user_data)
{
  LodeImportDialog *self = user_data;
  int permille = self->run != NULL ? g_atomic_int_get (&self->run->permille) : 0;

  if (permille > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
stop_plan (LodeImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->run != NULL)
    self->run->dialog = NULL;
  self->run = NULL;
  g_clear_handle_id (&self->progress_id, g_source_remove);
}

/* The plan shown */

static const char *
mineral_name (LodeImportDialog *self,
              const char       *id)
{
  LodeMineral *mineral = lode_portfolio_find_mineral (self->portfolio, id);
  GListModel *items;

  if (mineral != NULL)
    return lode_mineral_get_name (mineral);

  /* A mineral the import makes. */
  items = self->plan != NULL ? lode_import_plan_get_items (self->plan) : NULL;
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (LODE_IS_MINERAL (item) && g_strcmp0 (lode_mineral_get_id (LODE_MINERAL (item)), id) == 0)
        return lode_mineral_get_name (LODE_MINERAL (item));
    }

  return id;
}

static char *
describe_item (GObject *item)
{
  if (LODE_IS_MINERAL (item))
    /* TRANSLATORS: something an import adds; %s is a mineral's name */
    return g_strdup_printf (_("The mineral “%s”"), lode_mineral_get_name (LODE_MINERAL (item)));
  if (LODE_IS_SOURCE (item))
    /* TRANSLATORS: something an import adds; %s is a source's title */
    return g_strdup_printf (_("The source “%s”"), lode_source_get_title (LODE_SOURCE (item)));
  if (LODE_IS_PROJECT (item))
    /* TRANSLATORS: something an import adds; %s is a project's name */
    return g_strdup_printf (_("The project “%s”"), lode_project_get_name (LODE_PROJECT (item)));
  if (LODE_IS_TARGET (item))
    /* TRANSLATORS: something an import adds; %s is a target's title */
    return g_strdup_printf (_("The target “%s”"), lode_target_get_title (LODE_TARGET (item)));

  return NULL;
}

static char *
summary_text (LodeImportPlan *plan)
{
  guint n_added = lode_export_table_get_n_rows (lode_import_plan_get_exports (plan));
  guint n_skipped = lode_import_plan_get_n_skipped (plan);
  guint n_conflicts = lode_import_plan_get_n_conflicts (plan);
  g_autofree char *n_added_text = lode_format_count (n_added);
  g_autofree char *n_skipped_text = lode_format_count (n_skipped);
  g_autofree char *n_conflicts_text = lode_format_count (n_conflicts);
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *conflicts = NULL;

  /* TRANSLATORS: %s is a count, grouped as the language writes it */
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s export record will be added",
                                        "%s export records will be added", n_added), n_added_text);
  /* TRANSLATORS: %s is a count, grouped as the language writes it */
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row skipped", "%s rows skipped",
                                          n_skipped), n_skipped_text);
  /* TRANSLATORS: %s is a count, grouped as the language writes it */
  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conflict", "%s conflicts",
                                            n_conflicts), n_conflicts_text);

  /* TRANSLATORS: the summary of an import: what it adds, skips and
   * where it meets records already there, as in "21 export records will
   * be added, 4 rows skipped, 2 conflicts" */
  return g_strdup_printf (_("%s, %s, %s"), added, skipped, conflicts);
}

static char *
total_text (LodeImportPlan *plan)
{
  LodeExportTable *exports = lode_import_plan_get_exports (plan);
  guint n_rows = exports != NULL ? lode_export_table_get_n_rows (exports) : 0;
  g_autofree char *total = NULL;
  g_autofree char *worth = NULL;
  g_autofree char *max = NULL;

  if (n_rows == 0)
    return NULL;

  /* Kept left to right in a right-to-left sentence. */
  total = lode_format_ltr (lode_money_format_full (lode_export_table_get_total (exports)));
  /* TRANSLATORS: under the summary of an import; %s is an amount of money */
  worth = g_strdup_printf (_("Worth %s in all"), total);
  if (n_rows <= LIST_MAX && lode_import_plan_get_n_skipped (plan) <= LIST_MAX &&
      lode_import_plan_get_n_conflicts (plan) <= LIST_MAX)
    return g_steal_pointer (&worth);

  max = lode_format_count (LIST_MAX);
  /* TRANSLATORS: under the summary of a large import; the first %s is
   * "Worth $… in all", the second a count such as "20,000" */
  return g_strdup_printf (_("%s. The lists show their first %s rows; Import takes them all."), worth, max);
}

static char *
skipped_text (LodeImportDialog *self,
              guint             position)
{
  const char *reason = NULL;
  guint64 line = 0;

  lode_import_plan_get_skipped (self->plan, position, &line, &reason);

  return g_strdup (reason);
}

static char *
conflict_text (LodeImportDialog *self,
               guint             position)
{
  return lode_import_plan_describe_conflict (self->plan, position);
}

static void
update_import_button (LodeImportDialog *self)
{
  /* Nothing changes the portfolio while the window saves it. */
  gboolean busy = self->window != NULL && lode_window_get_busy (self->window);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 !busy && self->plan != NULL && !lode_import_plan_is_empty (self->plan));
}

/* "Keep Existing" when every conflict keeps the existing record, …; 0
 * ("One by One") when they differ. */
static guint
common_resolution (LodeImportDialog *self)
{
  guint n = self->plan != NULL ? lode_import_plan_get_n_conflicts (self->plan) : 0;
  LodeImportResolution first;

  if (n == 0)
    return 0;

  first = lode_import_plan_get_resolution (self->plan, 0);
  for (guint i = 1; i < n; i++)
    if (lode_import_plan_get_resolution (self->plan, i) != first)
      return 0;

  return (guint) first + 1;
}

static void
update_resolve_all (LodeImportDialog *self)
{
  gboolean filling = self->filling;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->resolve_all, common_resolution (self));
  self->filling = filling;
}

static void
fill_layout_row (LodeImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *automatic = NULL;
  guint selected = 0;

  /* TRANSLATORS: the layout of a file, recognised from its header; %s
   * names it, as in "UN Comtrade" */
  automatic = g_strdup_printf (_("Automatic (%s)"), lode_import_layout_get_name (self->recognised));
  gtk_string_list_append (names, automatic);
  for (guint i = 0; i < G_N_ELEMENTS (csv_layouts); i++)
    {
      gtk_string_list_append (names, lode_import_layout_get_name (csv_layouts[i]));
      if (self->layout == csv_layouts[i])
        selected = i + 1;
    }

  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->layout_row, selected);
}

static void
fill_encoding_row (LodeImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *automatic = NULL;
  guint selected = 0;

  /* TRANSLATORS: the encoding of a file, found from its bytes; %s names
   * it, as in "UTF-8" */
  if (self->plan != NULL)
    automatic = g_strdup_printf (_("Automatic (%s)"),
                                 lode_csv_encoding_get_name (lode_import_plan_get_encoding (self->plan)));
  else
    automatic = g_strdup (_("Automatic"));
  gtk_string_list_append (names, automatic);
  for (guint i = 1; i < G_N_ELEMENTS (encodings); i++)
    {
      gtk_string_list_append (names, lode_csv_encoding_get_name (encodings[i]));
      if (self->encoding == encodings[i])
        selected = i;
    }

  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->encoding_row, selected);
  adw_combo_row_set_model (self->error_encoding_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->error_encoding_row, selected);
}

static const char *
portfolio_country (LodeImportDialog *self)
{
  g_autofree char *country = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->portfolio), "country") == NULL)
    return NULL;

  g_object_get (self->portfolio, "country", &country, NULL);

  return g_intern_string (country);
}

static void
fill_country_row (LodeImportDialog *self)
{
  const char *own = portfolio_country (self);
  const char *name = lode_country_lookup (own != NULL ? own : "PK");
  g_autofree char *none = NULL;

  if (own != NULL)
    /* TRANSLATORS: the reporting country of an import; %s names it */
    none = g_strdup_printf (_("%s (the portfolio's)"), name != NULL ? name : own);
  else
    /* TRANSLATORS: the reporting country of an import when the portfolio
     * names none; %s names the one taken instead */
    none = g_strdup_printf (_("%s (the portfolio names none)"), name != NULL ? name : "PK");

  g_ptr_array_set_size (self->country_codes, 0);
  lode_choice_fill_countries (self->country_row, self->country_codes, none);
  lode_choice_select_country (self->country_row, self->country_codes, self->country);
}

static void
mapping_changed (AdwComboRow      *row,
                 GParamSpec       *pspec,
                 LodeImportDialog *self)
{
  guint role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lode-role"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->header == NULL)
    return;

  self->mapping.column[roles[role].column] = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                             ? -1 : (int) selected - 1;
  self->has_mapping = TRUE;
  save_mapping ((const char * const *) self->header, &self->mapping);
  start_plan (self);
}

static void
clear_mapping_rows (LodeImportDialog *self)
{
  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);
}

/* A combo row a role, each listing the header's columns. */
static void
make_mapping_rows (LodeImportDialog *self)
{
  clear_mapping_rows (self);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      int column = self->mapping.column[roles[i].column];

      gtk_string_list_append (names, _("Not in the file"));
      for (guint c = 0; self->header[c] != NULL; c++)
        gtk_string_list_append (names, self->header[c]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(roles[i].title));
      adw_combo_row_set_model (row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (row, column >= 0 ? (guint) column + 1 : 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("The column of the file that holds this"));
      g_object_set_data (G_OBJECT (row), "lode-role", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (mapping_changed), self);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      g_ptr_array_add (self->mapping_rows, row);
    }
}

static GtkWidget *
sample_cell (const char *text,
             gboolean    heading)
{
  g_autofree char *shown = NULL;
  GtkWidget *label;

  /* Cells keep their width, so that the grid scrolls rather than
   * ellipsizing every column to nothing; a long cell is cut. */
  if (g_utf8_strlen (text, -1) > SAMPLE_MAX_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, SAMPLE_MAX_CHARS - 1);

      shown = g_strconcat (start, "…", NULL);
    }

  label = gtk_label_new (shown != NULL ? shown : text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (shown != NULL)
    gtk_widget_set_tooltip_text (label, text);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

/* The header and the first rows, as a grid of text. */
static void
fill_samples (LodeImportDialog *self)
{
  const char * const *header = (const char * const *) self->file_header;
  guint n_header = header != NULL ? g_strv_length (self->file_header) : 0;
  guint n_samples = MIN (self->file_samples->len, MAX_SAMPLES);
  GtkWidget *grid;

  gtk_widget_set_visible (GTK_WIDGET (self->samples_group), header != NULL && n_header > 0);
  if (header == NULL || n_header == 0)
    return;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);

  for (guint c = 0; c < n_header; c++)
    gtk_grid_attach (GTK_GRID (grid), sample_cell (header[c], TRUE), (int) c, 0, 1, 1);

  for (guint r = 0; r < n_samples; r++)
    {
      GStrv cells = g_ptr_array_index (self->file_samples, r);
      guint n_cells = g_strv_length (cells);

      for (guint c = 0; c < n_cells && c < n_header; c++)
        gtk_grid_attach (GTK_GRID (grid), sample_cell (cells[c], FALSE), (int) c, (int) r + 1, 1, 1);
    }

  gtk_scrolled_window_set_child (self->samples_scrolled, grid);
  self->samples_grid = grid;
}

/* The mapping rows follow the header; a header seen before gets the
 * mapping chosen for it then. Returns TRUE when a mapping was found for
 * a header new to the dialog, so that the plan is made again with it. */
static gboolean
fill_mapping (LodeImportDialog *self,
              gboolean          mapped)
{
  const char * const *header = (const char * const *) self->file_header;
  guint n_header = header != NULL ? g_strv_length (self->file_header) : 0;
  gboolean new_header;
  gboolean found = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), mapped && header != NULL && n_header > 0);
  if (!mapped || header == NULL || n_header == 0)
    return FALSE;

  new_header = self->header == NULL || !g_strv_equal ((const char * const *) self->header, header);
  if (new_header)
    {
      g_strfreev (self->header);
      self->header = g_strdupv ((char **) header);

      if (!self->has_mapping)
        {
          found = load_mapping (header, &self->mapping);
          if (!found)
            {
              guess_mapping (header, &self->mapping);
              for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
                found |= self->mapping.column[roles[i].column] >= 0;
            }
          self->has_mapping = found;
        }
      make_mapping_rows (self);
    }

  return found;
}

static void
fill_notes (LodeImportDialog *self)
{
  const char * const *notes = self->plan != NULL ? lode_import_plan_get_notes (self->plan) : NULL;
  GListModel *items = self->plan != NULL ? lode_import_plan_get_items (self->plan) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *description = describe_item (item);

      if (description == NULL && LODE_IS_PRODUCTION (item))
        {
          LodeProduction *production = LODE_PRODUCTION (item);
          g_autofree char *figure = lode_production_editor_describe (self->portfolio, production);

          /* TRANSLATORS: something an import adds, as in
           * "The production of Copper: 16 kt (2023)" */
          description = g_strdup_printf (_("The production of %s: %s"),
                                         mineral_name (self, lode_production_get_mineral (production)),
                                         figure);
        }
      else if (description == NULL && LODE_IS_INVESTMENT (item))
        /* TRANSLATORS: something an import adds; %s is an investor's name */
        description = g_strdup_printf (_("An investment event of “%s”"),
                                       lode_investment_get_investor (LODE_INVESTMENT (item)));
      else if (description == NULL && LODE_IS_NATIONAL_FIGURE (item))
        description = g_strdup (_("A national figure"));

      if (description == NULL)
        continue;
      if (text->len == 0)
        g_string_append (text, _("Also added:"));
      g_string_append_printf (text, "\n• %s", description);
    }

  for (guint i = 0; self->plan != NULL && i < lode_import_plan_get_n_reserves (self->plan); i++)
    {
      const char *mineral = NULL;
      LodeReserve *reserve = NULL;
      g_autofree char *amount = NULL;

      lode_import_plan_get_reserve (self->plan, i, &mineral, &reserve);
      amount = lode_format_quantity (lode_reserve_get_quantity (reserve), lode_reserve_get_unit (reserve));
      if (text->len == 0)
        g_string_append (text, _("Also added:"));
      /* TRANSLATORS: something an import adds, as in
       * "The reserve estimate of Copper: 5,900 kt (2023)" */
      g_string_append_printf (text, "\n• ");
      g_string_append_printf (text, _("The reserve estimate of %s: %s (%d)"),
                              mineral_name (self, mineral), amount, lode_reserve_get_year (reserve));
    }

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "• %s", notes[i]);
    }

  gtk_label_set_label (self->notes_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), text->len > 0);
}

static GStrv
strv_from_cells (const char * const *cells,
                 guint               n_cells)
{
  GStrv strv = g_new0 (char *, n_cells + 1);

  for (guint i = 0; i < n_cells; i++)
    strv[i] = g_strdup (cells[i]);

  return strv;
}

/* The plan's copy of the file's header and first rows. */
static void
take_file_rows (LodeImportDialog *self)
{
  guint n_cells = 0;
  const char * const *header = lode_import_plan_get_header (self->plan, &n_cells);

  g_clear_pointer (&self->file_header, g_strfreev);
  g_ptr_array_set_size (self->file_samples, 0);
  if (header == NULL || n_cells == 0)
    return;

  self->file_header = strv_from_cells (header, n_cells);
  for (guint i = 0; i < lode_import_plan_get_n_samples (self->plan) && i < MAX_SAMPLES; i++)
    {
      const char * const *cells = lode_import_plan_get_sample (self->plan, i, &n_cells);

      g_ptr_array_add (self->file_samples, strv_from_cells (cells, n_cells));
    }
}

/* Shows the plan; with none, the columns of a CSV of no known layout,
 * to be chosen. */
static void
show_plan (LodeImportDialog *self)
{
  LodeImportPlan *plan = self->plan;
  LodeExportTable *exports = plan != NULL ? lode_import_plan_get_exports (plan) : NULL;
  LodeImportLayout layout = plan != NULL ? lode_import_plan_get_layout (plan) : LODE_IMPORT_LAYOUT_MAPPED;
  gboolean portfolio = layout == LODE_IMPORT_LAYOUT_PORTFOLIO;
  gboolean mapped = layout == LODE_IMPORT_LAYOUT_MAPPED;
  guint n_added = exports != NULL ? lode_export_table_get_n_rows (exports) : 0;
  guint n_skipped = plan != NULL ? lode_import_plan_get_n_skipped (plan) : 0;
  guint n_conflicts = plan != NULL ? lode_import_plan_get_n_conflicts (plan) : 0;
  g_autoptr(GtkNoSelection) added = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *total = NULL;

  if (plan != NULL)
    {
      take_file_rows (self);
      summary = summary_text (plan);
      total = total_text (plan);
    }
  else
    {
      summary = g_strdup (_("Choose the columns of the year, the commodity code and the value"));
      total = g_strdup (self->columns_error);
    }

  if (self->layout == LODE_IMPORT_LAYOUT_AUTO)
    self->recognised = layout;

  self->filling = TRUE;

  if (fill_mapping (self, mapped))
    {
      /* The columns were chosen before (or guessed): read with them. */
      self->filling = FALSE;
      start_plan (self);
      return;
    }

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->total_label, total);
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), total != NULL);

  if (exports != NULL && n_added > LIST_MAX)
    added = gtk_no_selection_new (G_LIST_MODEL (gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (exports)),
                                                                          0, LIST_MAX)));
  else
    added = gtk_no_selection_new (exports != NULL ? g_object_ref (G_LIST_MODEL (exports)) : NULL);
  gtk_column_view_set_model (self->added_view, GTK_SELECTION_MODEL (added));
  gtk_stack_set_visible_child_name (self->added_stack, n_added > 0 ? "list" : "empty");

  lode_import_rows_set_n_items (self->skipped_rows, MIN (n_skipped, LIST_MAX));
  gtk_stack_set_visible_child_name (self->skipped_stack, n_skipped > 0 ? "list" : "empty");
  adw_view_stack_page_set_badge_number (self->skipped_page, n_skipped);

  lode_import_rows_set_n_items (self->conflict_rows, MIN (n_conflicts, LIST_MAX));
  gtk_stack_set_visible_child_name (self->conflicts_stack, n_conflicts > 0 ? "list" : "empty");
  adw_view_stack_page_set_badge_number (self->conflicts_page, n_conflicts);
  adw_view_stack_page_set_needs_attention (self->conflicts_page, n_conflicts > 0);
  update_resolve_all (self);

  fill_layout_row (self);
  fill_encoding_row (self);
  fill_country_row (self);
  /* A portfolio is read one way only. */
  gtk_widget_set_visible (GTK_WIDGET (self->reading_group), !portfolio);
  fill_samples (self);
  fill_notes (self);

  self->filling = FALSE;

  /* A file of unknown columns opens on them; else on what is added. */
  if (mapped && n_added == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "file");
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "file") != 0)
    adw_view_stack_set_visible_child_name (self->view_stack, n_added > 0 || n_conflicts == 0 ? "added" : "conflicts");

  gtk_stack_set_visible_child_name (self->stack, "plan");
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  update_import_button (self);
}

/* The message of @error with "Line L, column C:" in place of the file's
 * name and place. */
static char *
describe_error (LodeImportDialog *self,
                const GError     *error)
{
  g_autofree char *parse_name = g_file_get_parse_name (self->file);
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *by_path = lode_window_describe_load_error (parse_name, error->message);

  return lode_window_describe_load_error (basename, by_path);
}

static void
show_error (LodeImportDialog *self,
            const GError     *error)
{
  g_autofree char *name = file_display_name (self->file);
  g_autofree char *title = g_strdup_printf (_("Could Not Import “%s”"), name);
  g_autofree char *message = describe_error (self, error);

  adw_status_page_set_title (self->error_page, title);
  gtk_label_set_label (self->error_label, message);
  self->filling = TRUE;
  fill_encoding_row (self);
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_import_button (self);
  /* A screen reader reads the message; nothing is selected. */
  gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
  gtk_label_select_region (self->error_label, 0, 0);
}

/* The header and first rows of a CSV the import did not recognise, read
 * in a worker, so that its columns can be chosen. */
typedef struct
{
  GFile           *file;
  LodeCsvEncoding  encoding;
  GStrv            header;
  GPtrArray       *samples;
  GError          *plan_error;
} HeaderData;

static void
header_data_free (HeaderData *data)
{
  g_clear_object (&data->file);
  g_strfreev (data->header);
  g_clear_pointer (&data->samples, g_ptr_array_unref);
  g_clear_error (&data->plan_error);
  g_free (data);
}

static void
header_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  HeaderData *data = task_data;
  g_autoptr(LodeCsvReader) reader = NULL;
  const char * const *cells;
  guint n_cells;
  GError *error = NULL;

  reader = lode_csv_reader_new_for_file (data->file, data->encoding, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (data->samples->len < MAX_SAMPLES && lode_csv_reader_next (reader, &cells, &n_cells, &error))
    {
      if (data->header == NULL)
        data->header = strv_from_cells (cells, n_cells);
      else
        g_ptr_array_add (data->samples, strv_from_cells (cells, n_cells));
    }

  /* What follows the rows shown may be wrong: the plan says so. */
  if (error != NULL && data->header == NULL)
    g_task_return_error (task, error);
  else
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
    }
}

static void
header_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LodeImportDialog *self = LODE_IMPORT_DIALOG (source_object);
  GTask *task = G_TASK (result);
  HeaderData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_task_get_cancellable (task) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);

  if (!g_task_propagate_boolean (task, &error) || data->header == NULL ||
      g_strv_length (data->header) < 2)
    {
      show_error (self, data->plan_error);
      return;
    }

  g_strfreev (self->file_header);
  self->file_header = g_steal_pointer (&data->header);
  g_ptr_array_unref (self->file_samples);
  self->file_samples = g_steal_pointer (&data->samples);
  g_free (self->columns_error);
  self->columns_error = describe_error (self, data->plan_error);
  show_plan (self);
}

static void
read_header (LodeImportDialog *self,
             GError           *plan_error)
{
  g_autoptr(GTask) task = NULL;
  HeaderData *data = g_new0 (HeaderData, 1);

  data->file = g_object_ref (self->file);
  data->encoding = self->encoding;
  data->plan_error = plan_error;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, header_done, NULL);
  g_task_set_source_tag (task, read_header);
  g_task_set_task_data (task, data, (GDestroyNotify) header_data_free);
  g_task_run_in_thread (task, header_thread);
}

/* Whether the file may be a CSV whose columns are to be chosen: one the
 * import did not recognise, or read with columns that are not enough. */
static gboolean
needs_columns (LodeImportDialog *self,
               const GError     *error)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) &&
         (self->layout == LODE_IMPORT_LAYOUT_AUTO || self->layout == LODE_IMPORT_LAYOUT_MAPPED) &&
         (lower == NULL || !g_str_has_suffix (lower, ".json"));
}

static void
plan_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlanRun *run = user_data;
  LodeImportDialog *self = run->dialog;
  g_autoptr(LodeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = lode_import_plan_new_finish (result, &error);

  /* A plan that was stopped, or made again since, shows nothing. */
  if (self == NULL || self->run != run)
    {
      plan_run_free (run);
      return;
    }

  self->run = NULL;
  plan_run_free (run);
  g_clear_object (&self->cancellable);

  if (plan == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_handle_id (&self->progress_id, g_source_remove);
      else if (needs_columns (self, error))
        read_header (self, g_steal_pointer (&error));
      else
        {
          g_clear_handle_id (&self->progress_id, g_source_remove);
          show_error (self, error);
        }
      return;
    }

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_set_object (&self->plan, plan);
  show_plan (self);
}

static void
start_plan (LodeImportDialog *self)
{
  g_autofree char *name = file_display_name (self->file);
  g_autofree char *title = g_strdup_printf (_("Reading “%s”…"), name);
  LodeImportOptions options;
  PlanRun *run;

  stop_plan (self);
  g_clear_object (&self->plan);
  update_import_button (self);

  lode_import_options_init (&options);
  options.layout = self->layout;
  if (self->layout == LODE_IMPORT_LAYOUT_AUTO && self->recognised == LODE_IMPORT_LAYOUT_MAPPED)
    options.layout = LODE_IMPORT_LAYOUT_MAPPED;
  options.encoding = self->encoding;
  options.country = self->country;
  if (self->has_mapping)
    options.mapping = &self->mapping;

  adw_status_page_set_title (self->planning_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "planning");

  run = g_new0 (PlanRun, 1);
  run->dialog = self;
  self->run = run;
  self->cancellable = g_cancellable_new ();
  self->progress_id = g_timeout_add (PROGRESS_MS, show_progress, self);

  lode_import_plan_new_async (self->portfolio, self->file, &options,
                              plan_progress_cb, run, self->cancellable,
                              plan_done, run);
}

/* Controls */

static void
layout_selected (LodeImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);
  LodeImportLayout layout = LODE_IMPORT_LAYOUT_AUTO;

  if (self->filling || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected <= G_N_ELEMENTS (csv_layouts))
    layout = csv_layouts[selected - 1];
  if (layout == self->layout)
    return;

  self->layout = layout;
  start_plan (self);
}

static void
encoding_selected (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   LodeImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= G_N_ELEMENTS (encodings) || encodings[selected] == self->encoding)
    return;

  self->encoding = encodings[selected];
  start_plan (self);
}

static void
country_selected (LodeImportDialog *self)
{
  const char *country;

  if (self->filling)
    return;

  country = lode_choice_get (self->country_row, self->country_codes);
  if (g_strcmp0 (country, self->country) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (country);
  start_plan (self);
}

static void
resolutions_changed (LodeImportDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->conflict_rows));

  /* The rows show the new choices. */
  g_list_model_items_changed (G_LIST_MODEL (self->conflict_rows), 0, n, n);
  update_resolve_all (self);
  update_import_button (self);
}

static void
resolve_all_selected (LodeImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->resolve_all);
  guint n;

  if (self->filling || self->plan == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  n = lode_import_plan_get_n_conflicts (self->plan);
  for (guint i = 0; i < n; i++)
    lode_import_plan_set_resolution (self->plan, i, (LodeImportResolution) (selected - 1));

  self->filling = TRUE;
  resolutions_changed (self);
  self->filling = FALSE;
}

/* The resolution of one conflict, chosen in its row. */
static void
conflict_resolution_selected (GtkDropDown      *drop_down,
                              GParamSpec       *pspec,
                              LodeImportDialog *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (drop_down), "lode-list-item");
  guint position = gtk_list_item_get_position (list_item);
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->filling || self->plan == NULL || position == GTK_INVALID_LIST_POSITION ||
      position >= lode_import_plan_get_n_conflicts (self->plan) || selected > LODE_IMPORT_KEEP_BOTH)
    return;

  if (lode_import_plan_get_resolution (self->plan, position) == (LodeImportResolution) selected)
    return;

  lode_import_plan_set_resolution (self->plan, position, (LodeImportResolution) selected);
  update_resolve_all (self);
  update_import_button (self);
}

/* GTK 4.8 shows the button inside a drop-down to screen readers without
 * a name: it gets the drop-down's. */
static void
name_drop_down_button (GtkWidget  *drop_down,
                       const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}

static void
setup_conflict_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    LodeImportDialog         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->resolutions)), NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (drop_down, _("What to do with this conflict"));
  name_drop_down_button (drop_down, _("What to do with this conflict"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_object_set_data (G_OBJECT (drop_down), "lode-list-item", list_item);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (conflict_resolution_selected), self);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_conflict_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   LodeImportDialog         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *drop_down = gtk_widget_get_last_child (box);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  gboolean filling = self->filling;

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (item));
  self->filling = TRUE;
  if (self->plan != NULL && position < lode_import_plan_get_n_conflicts (self->plan))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down),
                                lode_import_plan_get_resolution (self->plan, position));
  self->filling = filling;
}

/* Cells of the records to add */

static const LodeExportRow *
list_item_get_row (GtkListItem *list_item)
{
  return lode_export_record_get_row (gtk_list_item_get_item (list_item));
}

static void
bind_mineral_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   LodeImportDialog         *self)
{
  lode_cell_set_text (list_item, mineral_name (self, list_item_get_row (list_item)->mineral), NULL);
}

static void
bind_value_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LodeImportDialog         *self)
{
  /* Exact to the cent: a preview is there to be checked against the file. */
  g_autofree char *exact = lode_money_format_full (list_item_get_row (list_item)->value);

  lode_cell_set_text (list_item, exact, exact);
}

static void
bind_line_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                LodeImportDialog         *self)
{
  guint position = gtk_list_item_get_position (list_item);
  g_autofree char *text = NULL;
  const char *reason = NULL;
  guint64 line = 0;

  if (self->plan != NULL && position < lode_import_plan_get_n_skipped (self->plan))
    {
      lode_import_plan_get_skipped (self->plan, position, &line, &reason);
      text = g_strdup_printf ("%" G_GUINT64_FORMAT, line);
    }

  lode_cell_set_text (list_item, text, NULL);
}

static void
bind_reason_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LodeImportDialog         *self)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  const char *reason = gtk_string_object_get_string (item);

  lode_cell_set_text (list_item, reason, reason);
}

typedef void (*SetupFunc) (GtkSignalListItemFactory *, GtkListItem *, gpointer);

static void
add_column (LodeImportDialog *self,
            GtkColumnView    *view,
            const char       *title,
            SetupFunc         setup,
            GCallback         bind,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup), NULL);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

/* Import */

static guint
count_taken (LodeImportPlan *plan)
{
  guint n = lode_import_plan_get_n_conflicts (plan);
  guint taken = 0;

  for (guint i = 0; i < n; i++)
    taken += lode_import_plan_get_resolution (plan, i) == LODE_IMPORT_TAKE_IMPORTED;

  return taken;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LodeImportDialog *self = LODE_IMPORT_DIALOG (widget);
  LodeExportTable *exports = lode_portfolio_get_exports (self->portfolio);
  LodeHistory *history = lode_portfolio_get_history (self->portfolio);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint before = lode_export_table_get_n_rows (exports);
  guint n_imported;
  AdwToast *toast;

  if (self->plan == NULL || lode_import_plan_is_empty (self->plan))
    return;

  if (self->window != NULL && lode_window_get_busy (self->window))
    return;

  n_imported = count_taken (self->plan);
  if (!lode_import_plan_apply (self->plan, self->portfolio, &error))
    {
      GObject *dialog = lode_dialog_new (_("Could Not Import"), error->message);

      lode_dialog_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
      lode_dialog_present (dialog, "close", "close", GTK_WIDGET (self));
      /* The portfolio changed since the plan was made: make it again. */
      start_plan (self);
      return;
    }

  n_imported += lode_export_table_get_n_rows (exports) - before;
  if (n_imported > 0)
    {
      g_autofree char *count = lode_format_count (n_imported);

      /* TRANSLATORS: a toast after an import; %s is a count */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s export record",
                                            "Imported %s export records", n_imported), count);
    }
  else
    title = g_strdup (lode_history_get_undo_label (history));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  if (self->window != NULL)
    lode_window_add_toast (self->window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));

  gtk_window_destroy (GTK_WINDOW (self));
}

/* The window showed another portfolio: this plan is not for it. */
static void
window_portfolio_changed (LodeImportDialog *self)
{
  if (self->window == NULL || lode_window_get_portfolio (self->window) != self->portfolio)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
lode_import_dialog_dispose (GObject *object)
{
  LodeImportDialog *self = LODE_IMPORT_DIALOG (object);

  stop_plan (self);
  if (self->added_view != NULL)
    gtk_column_view_set_model (self->added_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (lode_import_dialog_parent_class)->dispose (object);
}

static void
lode_import_dialog_finalize (GObject *object)
{
  LodeImportDialog *self = LODE_IMPORT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->file);
  g_clear_object (&self->plan);
  g_free (self->country);
  g_strfreev (self->header);
  g_strfreev (self->file_header);
  g_clear_pointer (&self->file_samples, g_ptr_array_unref);
  g_free (self->columns_error);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_object (&self->skipped_rows);
  g_clear_object (&self->conflict_rows);
  g_clear_object (&self->resolutions);

  G_OBJECT_CLASS (lode_import_dialog_parent_class)->finalize (object);
}

static void
lode_import_dialog_class_init (LodeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_import_dialog_dispose;
  object_class->finalize = lode_import_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lodeapp/Lode/ui/lode-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, planning_page);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, error_encoding_row);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, added_stack);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, added_view);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, skipped_page);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, skipped_stack);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, skipped_view);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, conflicts_page);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, conflicts_stack);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, resolve_all);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, conflicts_view);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, reading_group);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, samples_group);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, samples_scrolled);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, LodeImportDialog, notes_label);
}

static void
lode_import_dialog_init (LodeImportDialog *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) skipped = NULL;
  g_autoptr(GtkNoSelection) conflicts = NULL;
  const char *resolve_all[] = { _("One by One"), _("Keep Existing"), _("Take Imported"),
                                _("Keep Both"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mapping_rows = g_ptr_array_new ();
  self->file_samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  self->resolutions = gtk_string_list_new ((const char * const []) {
    _("Keep Existing"), _("Take Imported"), _("Keep Both"), NULL });

  add_column (self, self->added_view, _("Mineral"), lode_cell_setup_text, G_CALLBACK (bind_mineral_cell), TRUE);
  add_column (self, self->added_view, _("Year"), lode_cell_setup_short, G_CALLBACK (lode_cell_bind_export_year), FALSE);
  add_column (self, self->added_view, _("Month"), lode_cell_setup_medium, G_CALLBACK (lode_cell_bind_export_month), FALSE);
  add_column (self, self->added_view, _("Destination"), lode_cell_setup_text, G_CALLBACK (lode_cell_bind_export_destination), TRUE);
  add_column (self, self->added_view, _("HS Code"), lode_cell_setup_short, G_CALLBACK (lode_cell_bind_export_hs_code), FALSE);
  add_column (self, self->added_view, _("Stage"), lode_cell_setup_medium, G_CALLBACK (lode_cell_bind_export_stage), FALSE);
  add_column (self, self->added_view, _("Value"), lode_cell_setup_number, G_CALLBACK (bind_value_cell), TRUE);

  self->skipped_rows = lode_import_rows_new (self, skipped_text);
  skipped = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->skipped_rows)));
  gtk_column_view_set_model (self->skipped_view, GTK_SELECTION_MODEL (skipped));
  add_column (self, self->skipped_view, _("Line"), lode_cell_setup_number, G_CALLBACK (bind_line_cell), FALSE);
  add_column (self, self->skipped_view, _("Reason"), lode_cell_setup_text, G_CALLBACK (bind_reason_cell), TRUE);

  self->conflict_rows = lode_import_rows_new (self, conflict_text);
  conflicts = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->conflict_rows)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_conflict_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_conflict_row), self);
  gtk_list_view_set_factory (self->conflicts_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->conflicts_view, GTK_SELECTION_MODEL (conflicts));

  {
    g_autoptr(GtkStringList) choices = gtk_string_list_new (resolve_all);

    gtk_drop_down_set_model (self->resolve_all, G_LIST_MODEL (choices));
    name_drop_down_button (GTK_WIDGET (self->resolve_all), _("For every conflict"));
  }

  g_signal_connect_swapped (self->layout_row, "notify::selected", G_CALLBACK (layout_selected), self);
  g_signal_connect (self->encoding_row, "notify::selected", G_CALLBACK (encoding_selected), self);
  g_signal_connect (self->error_encoding_row, "notify::selected", G_CALLBACK (encoding_selected), self);
  g_signal_connect_swapped (self->country_row, "notify::selected", G_CALLBACK (country_selected), self);
  g_signal_connect_swapped (self->resolve_all, "notify::selected", G_CALLBACK (resolve_all_selected), self);

  /* Enter imports, where the focus does not take it. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));

  self->layout = LODE_IMPORT_LAYOUT_AUTO;
  self->recognised = LODE_IMPORT_LAYOUT_AUTO;
  self->encoding = LODE_CSV_ENCODING_AUTO;
  for (guint i = 0; i < LODE_IMPORT_N_COLUMNS; i++)
    self->mapping.column[i] = -1;

  update_import_button (self);
}

LodeImportDialog *
lode_import_dialog_new (LodeWindow       *window,
                        GFile            *file,
                        LodeImportLayout  layout)
{
  LodeImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LODE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (lode_window_get_portfolio (window) != NULL, NULL);

  self = g_object_new (LODE_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       "application", gtk_window_get_application (GTK_WINDOW (window)),
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->portfolio = g_object_ref (lode_window_get_portfolio (window));
  self->file = g_object_ref (file);
  self->layout = layout;

  name = file_display_name (file);
  adw_window_title_set_subtitle (self->window_title, name);
  g_signal_connect_object (window, "notify::portfolio",
                           G_CALLBACK (window_portfolio_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::busy",
                           G_CALLBACK (update_import_button), self, G_CONNECT_SWAPPED);

  start_plan (self);

  return self;
}

LodeImportPlan *
lode_import_dialog_get_plan (LodeImportDialog *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_DIALOG (self), NULL);

  return self->plan;
}

gboolean
lode_import_dialog_get_busy (LodeImportDialog *self)
{
  g_return_val_if_fail (LODE_IS_IMPORT_DIALOG (self), FALSE);

  return self->run != NULL || self->cancellable != NULL;
}
