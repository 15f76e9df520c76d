/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lode-export-editor.h"
#include "lode-investment-editor.h"
#include "lode-mineral-editor.h"
#include "lode-national-figure-editor.h"
#include "lode-preferences-window.h"
#include "lode-minerals-page.h"
#include "lode-portfolio-io.h"
#include "lode-project-editor.h"
#include "lode-rate-editor.h"
#include "lode-settings.h"
#include "lode-source-editor.h"
#include "lode-target-editor.h"
#include "lode-test-ui.h"

/* What the editors accept, the file holds; what nobody touched stays as
 * it was. Every editor is driven to the ends of its controls and given
 * odd spellings (signs, spaces, full-width and Arabic-Indic digits,
 * zero-width characters, extreme counts); what it saves is read back by
 * the loader and by lode-cli validate. Every record of a file of
 * boundary values is opened and saved without a change, and the file's
 * bytes compared. On a real display (Xvfb). */

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "editors-untouched.json", NULL);
}

static LodePortfolio *
load_fixture (char **contents)
{
  g_autofree char *path = fixture_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LodePortfolio *portfolio;

  g_assert_true (g_file_get_contents (path, contents, NULL, NULL));
  portfolio = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);

  return portfolio;
}

static GtkWidget *
present (gpointer editor)
{
  /* Every editor reads as a window (a frame), none as a filler. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (editor), ==, GTK_ACCESSIBLE_ROLE_WINDOW);
  lode_test_present (editor);
  lode_test_settle ();

  return editor;
}

static gboolean
can_confirm (GtkWidget *editor)
{
  GtkWidget *button = lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Save");

  if (button == NULL)
    button = lode_test_find_widget (editor, GTK_TYPE_BUTTON, "Add");
  g_assert_nonnull (button);

  return gtk_widget_is_sensitive (button);
}

static gpointer
find (gpointer    widget,
      GType       type,
      const char *text,
      guint       n)
{
  GtkWidget *found = lode_test_find_nth_widget (widget, type, text, n);

  g_assert_nonnull (found);
  return found;
}

static const char *
error_text (GtkWidget *editor)
{
  GtkWidget *label = find (editor, GTK_TYPE_LABEL, NULL, 0);

  /* The error label is the last label of the editor. */
  for (guint n = 1; lode_test_find_nth_widget (editor, GTK_TYPE_LABEL, NULL, n) != NULL; n++)
    label = lode_test_find_nth_widget (editor, GTK_TYPE_LABEL, NULL, n);

  return gtk_label_get_label (GTK_LABEL (label));
}

/* Activates editor.confirm and waits until @editor closes. */
static void
confirm (GtkWidget *editor)
{
  GtkWidget *watched = editor;

  if (!can_confirm (editor))
    g_error ("%s refuses: %s", gtk_window_get_title (GTK_WINDOW (editor)), error_text (editor));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &watched);
  g_assert_true (gtk_widget_activate_action (editor, "editor.confirm", NULL));
  g_assert_true (lode_test_wait_for (lode_test_is_null, &watched));
}

static void
cancel (GtkWidget *editor)
{
  GtkWidget *watched = editor;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &watched);
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (lode_test_wait_for (lode_test_is_null, &watched));
}


/* Types @text into the @n-th entry row titled @title and says whether
 * the editor accepts it: the row is not marked, and when marked, the
 * editor cannot confirm. */
static gboolean
type_into (GtkWidget  *editor,
           const char *title,
           guint       n,
           const char *text)
{
  GtkWidget *row = find (editor, ADW_TYPE_ENTRY_ROW, title, n);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  lode_test_settle ();

  if (gtk_widget_has_css_class (row, "error"))
    {
      g_assert_false (can_confirm (editor));
      return FALSE;
    }

  return TRUE;
}

/* Whether the keyboard focus of @editor is in @widget. */
static gboolean
has_focus_in (GtkWidget *editor,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (editor));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
type_into_spin (GtkWidget  *editor,
                guint       n,
                const char *text)
{
  GtkSpinButton *spin = find (editor, GTK_TYPE_SPIN_BUTTON, NULL, n);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
  lode_test_settle ();
}

/* Saves @portfolio to a new file, loads that file with the reader and
 * has lode-cli validate it; returns the file's bytes. */
static char *
save_and_check (LodePortfolio *portfolio)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-editor-limits-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodePortfolio) loaded = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("LODE_CLI"), "validate", path, NULL };
  char *contents = NULL;
  int status = -1;

  g_assert_no_error (error);
  g_assert_true (lode_portfolio_save_file (portfolio, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  loaded = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("lode-cli validate refused what an editor saved: %s", err);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lode_test_remove_tree (dir);

  return contents;
}

/* Fails naming the first line where @saved differs from @expected. */
static void
assert_same_bytes (const char *saved,
                   const char *expected)
{
  g_auto(GStrv) a = g_strsplit (saved, "\n", -1);
  g_auto(GStrv) b = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    {
      if (a[i] == NULL || b[i] == NULL || !g_str_equal (a[i], b[i]))
        g_error ("line %u: saved %s, expected %s", i + 1, a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
    }
  g_assert_cmpuint (strlen (saved), ==, strlen (expected));
}

static gpointer
item_at (GListStore *store,
         guint       position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);  /* the store keeps it */
  return item;
}

/* Every record of the fixture opened and saved without a change: no
 * history step, no modified mark, the same bytes. */
static void
test_untouched (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  g_autofree char *saved = NULL;
  guint n;

  n = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_minerals (portfolio)));
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    confirm (present (lode_mineral_editor_new (portfolio, item_at (lode_portfolio_get_minerals (portfolio), i))));

  n = lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio));
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    confirm (present (lode_export_editor_new (portfolio, i)));

  n = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_projects (portfolio)));
  for (guint i = 0; i < n; i++)
    confirm (present (lode_project_editor_new (portfolio, item_at (lode_portfolio_get_projects (portfolio), i))));

  n = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_targets (portfolio)));
  for (guint i = 0; i < n; i++)
    confirm (present (lode_target_editor_new (portfolio, item_at (lode_portfolio_get_targets (portfolio), i))));

  n = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (portfolio)));
  for (guint i = 0; i < n; i++)
    confirm (present (lode_source_editor_new (portfolio, item_at (lode_portfolio_get_sources (portfolio), i))));

  /* Its minerals stay in the file's order. */
  n = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_investments (portfolio)));
  g_assert_cmpuint (n, ==, 1);
  confirm (present (lode_investment_editor_new (portfolio, item_at (lode_portfolio_get_investments (portfolio), 0))));

  n = g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_national_figures (portfolio)));
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    confirm (present (lode_national_figure_editor_new (portfolio,
                                                        item_at (lode_portfolio_get_national_figures (portfolio), i))));

  g_assert_false (lode_history_get_can_undo (history));
  g_assert_false (lode_portfolio_get_modified (portfolio));

  saved = save_and_check (portfolio);
  assert_same_bytes (saved, original);
}

/* Replaces the one occurrence of @from in @text by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* A Save that changes one field changes only that field's bytes. */
static void
test_one_field (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  GtkWidget *editor;
  g_autofree char *saved = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;
  g_autofree char *step4 = NULL;
  g_autofree char *expected = NULL;

  /* The value of the record of 2200 to XK, typed with Arabic-Indic
   * digits and separators. */
  editor = present (lode_export_editor_new (portfolio, 1));
  g_assert_true (type_into (editor, "Value (US$)", 0, "\xd9\xa1\xd9\xa1\xd9\xa4\xd9\xa0\xd9\xa0\xd9\xa0\xd9\xa0\xd9\xa0\xd9\xa0\xd9\xa0\xd9\xab\xd9\xa2\xd9\xa6"));
  confirm (editor);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Export Record");

  /* The jobs of Saindak, in Extended Arabic-Indic digits (Urdu). */
  editor = present (lode_project_editor_new (portfolio, item_at (lode_portfolio_get_projects (portfolio), 0)));
  g_assert_true (type_into (editor, "Jobs", 0, "\xdb\xb5\xdb\xb2\xdb\xb0\xdb\xb0"));
  confirm (editor);

  /* The target year of the 1850 target, in full-width digits. */
  editor = present (lode_target_editor_new (portfolio, item_at (lode_portfolio_get_targets (portfolio), 0)));
  type_into_spin (editor, 1, "\xef\xbc\x91\xef\xbc\x98\xef\xbc\x99\xef\xbc\x95");
  confirm (editor);

  /* A mineral's symbol: its reserve estimates, 17 digits and all, stay. */
  editor = present (lode_mineral_editor_new (portfolio, item_at (lode_portfolio_get_minerals (portfolio), 0)));
  g_assert_true (type_into (editor, "Symbol", 0, "Cu\xe2\x80\x8b"));
  g_assert_true (type_into (editor, "Symbol", 0, "CU"));
  confirm (editor);

  /* A source's publisher: its padded title stays padded. */
  editor = present (lode_source_editor_new (portfolio, item_at (lode_portfolio_get_sources (portfolio), 0)));
  g_assert_true (type_into (editor, "Publisher", 0, "GACC Statistics"));
  confirm (editor);

  g_assert_true (lode_portfolio_get_modified (portfolio));
  saved = save_and_check (portfolio);

  step1 = replace_once (original, "\"value_usd\": 1140000000.25", "\"value_usd\": 1140000000.26");
  step2 = replace_once (step1, "\"jobs\": 2147483647", "\"jobs\": 5200");
  step3 = replace_once (step2, "\"year\": 1890", "\"year\": 1895");
  step4 = replace_once (step3, "\"symbol\": \"Cu\"", "\"symbol\": \"CU\"");
  expected = replace_once (step4, "\"publisher\": \"GACC\"", "\"publisher\": \"GACC Statistics\"");
  assert_same_bytes (saved, expected);

  /* Undone, the file is the original again. */
  for (guint i = 0; i < 5; i++)
    lode_history_undo (history);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_free (saved);
  saved = save_and_check (portfolio);
  assert_same_bytes (saved, original);
}

/* The value a record's editor shows, and the value it saves once @typed
 * is typed into its value and quantity rows. */
static void
assert_typed (LodePortfolio *portfolio,
              const char    *typed_value,
              LodeMoney      expected_value,
              const char    *typed_quantity,
              double         expected_quantity)
{
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  GtkWidget *editor = present (lode_export_editor_new (portfolio, 0));
  LodeExportRow row;

  adw_combo_row_set_selected (find (editor, ADW_TYPE_COMBO_ROW, "Unit", 0), 1);
  g_assert_true (type_into (editor, "Value (US$)", 0, typed_value));
  g_assert_true (type_into (editor, "Quantity", 0, typed_quantity));
  confirm (editor);
  lode_export_table_get_row (table, 0, &row);
  g_assert_cmpint (row.value, ==, expected_value);
  g_assert_cmpfloat (row.quantity, ==, expected_quantity);
}

/* A decimal comma is never read as digit grouping: "1,5" is one and a
 * half dollars in any locale, not fifteen. In German the editors show
 * "1234,5" and read it back as the same number; an amount that is
 * neither (two decimal marks, groups of two) is refused, not guessed. */
static void
test_decimal_comma (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  g_autofree char *shown_value = NULL;
  g_autofree char *shown_quantity = NULL;
  g_autofree char *saved = NULL;
  LodeExportRow row;
  GtkWidget *editor;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    g_error ("The locale de_DE is not installed; build-aux/dev.sh generates it");

  /* What the editor shows in German reads back unchanged. */
  lode_export_table_get_row (table, 0, &row);
  editor = present (lode_export_editor_new (portfolio, 0));
  shown_value = g_strdup (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Value (US$)", 0)));
  shown_quantity = g_strdup (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Quantity", 0)));
  g_assert_null (strchr (shown_value, '.'));
  g_assert_true (type_into (editor, "Value (US$)", 0, "0"));
  g_assert_true (type_into (editor, "Value (US$)", 0, shown_value));
  if (row.quantity >= 0)
    {
      g_assert_true (type_into (editor, "Quantity", 0, "0"));
      g_assert_true (type_into (editor, "Quantity", 0, shown_quantity));
    }
  confirm (editor);
  saved = save_and_check (portfolio);
  assert_same_bytes (saved, original);

  assert_typed (portfolio, "1,5", 150, "12,5", 12.5);
  assert_typed (portfolio, "1.500", 150000, "1.234", 1234);
  assert_typed (portfolio, "$ 1.234.567,89", 123456789, "0,125", 0.125);
  assert_typed (portfolio, "1234.5", 123450, "1 234,5", 1234.5);
  assert_typed (portfolio, "\xd9\xa1\xd9\xac\xd9\xa2\xd9\xa0\xd9\xa0\xd9\xab\xd9\xa5", 120050, "2,5e3", 2500);

  editor = present (lode_export_editor_new (portfolio, 0));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1,5,0"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1.5.000"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1,5.000"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1,505"));   /* a tenth of a cent */
  g_assert_false (type_into (editor, "Quantity", 0, "1,5e3,2"));
  cancel (editor);

  /* In English, too, a comma before one or two digits is a decimal mark;
   * before three it groups thousands. */
  setlocale (LC_NUMERIC, "C.UTF-8");
  assert_typed (portfolio, "1,5", 150, "1,234", 1234);
  assert_typed (portfolio, "1,500", 150000, "1.234", 1.234);
  assert_typed (portfolio, "1.234,56", 123456, "1,234,567.5", 1234567.5);

  /* Lakh and crore, as amounts are grouped in Pakistan. */
  assert_typed (portfolio, "1,50,00,000.75", 1500000075, "12,34,567", 1234567);

  editor = present (lode_export_editor_new (portfolio, 0));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1,5,00"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1.5.0"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1,5000,000"));
  cancel (editor);
}

/* The export editor: years at and beyond their ends, quantities and
 * values in every spelling. */
static void
test_export_limits (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  LodeExportTable *table = lode_portfolio_get_exports (portfolio);
  guint n = lode_export_table_get_n_rows (table);
  GtkWidget *editor;
  LodeExportRow row;
  g_autofree char *saved = NULL;

  editor = present (lode_export_editor_new (portfolio, G_MAXUINT));
  g_assert_true (has_focus_in (editor, find (editor, ADW_TYPE_COMBO_ROW, "Mineral", 0)));
  adw_combo_row_set_selected (find (editor, ADW_TYPE_COMBO_ROW, "Unit", 0), 1);

  /* Quantities: refused with a reason, or read as the digits they are. */
  g_assert_false (type_into (editor, "Quantity", 0, "-1"));
  g_assert_false (type_into (editor, "Quantity", 0, "1e400"));
  g_assert_false (type_into (editor, "Quantity", 0, "0x10"));
  g_assert_false (type_into (editor, "Quantity", 0, "inf"));
  g_assert_false (type_into (editor, "Quantity", 0, "nan"));
  g_assert_false (type_into (editor, "Quantity", 0, "1 2 x"));
  /* A zero-width space alone is no quantity, as an empty row is. */
  g_assert_true (type_into (editor, "Quantity", 0, "\xe2\x80\x8b"));
  g_assert_true (type_into (editor, "Quantity", 0, "\xe2\x80\x8b\xef\xbc\x91\xef\xbc\x92\xef\xbc\x8e\xef\xbc\x95 "));
  g_assert_false (type_into (editor, "Value (US$)", 0, "-5"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "1.001"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "99999999999999999"));
  g_assert_false (type_into (editor, "Value (US$)", 0, "\xe2\x80\x8b"));
  g_assert_true (type_into (editor, "Value (US$)", 0, " +$\xd9\xa1,\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xab\xd9\xa5 "));

  /* Years beyond the ends become the ends. */
  type_into_spin (editor, 0, "1799");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find (editor, GTK_TYPE_SPIN_BUTTON, NULL, 0)), ==, 1800);
  type_into_spin (editor, 0, "99999999999");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find (editor, GTK_TYPE_SPIN_BUTTON, NULL, 0)), ==, 2200);
  type_into_spin (editor, 0, "\xd9\xa1\xd9\xa8\xd9\xa5\xd9\xa0");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find (editor, GTK_TYPE_SPIN_BUTTON, NULL, 0)), ==, 1850);
  type_into_spin (editor, 0, "-5");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find (editor, GTK_TYPE_SPIN_BUTTON, NULL, 0)), ==, 1800);
  confirm (editor);

  g_assert_cmpuint (lode_export_table_get_n_rows (table), ==, n + 1);
  lode_export_table_get_row (table, n, &row);
  g_assert_cmpint (row.year, ==, 1800);
  g_assert_cmpfloat (row.quantity, ==, 12.5);
  g_assert_cmpint (row.value, ==, 123450);
  g_assert_null (row.destination);

  /* A new record proposes the default destination of Preferences, even
   * one iso-codes does not name. */
  g_settings_set_string (lode_settings_get (), "default-destination", "XK");
  editor = present (lode_export_editor_new (portfolio, G_MAXUINT));
  g_assert_true (type_into (editor, "Value (US$)", 0, "1"));
  confirm (editor);
  g_settings_reset (lode_settings_get (), "default-destination");
  lode_export_table_get_row (table, n + 1, &row);
  g_assert_cmpstr (row.destination, ==, "XK");

  /* The user-assigned destinations of the file are offered by code. */
  editor = present (lode_export_editor_new (portfolio, 0));
  {
    AdwComboRow *destination = find (editor, ADW_TYPE_COMBO_ROW, "Destination", 0);
    GListModel *names = adw_combo_row_get_model (destination);
    guint selected = adw_combo_row_get_selected (destination);
    g_autoptr(GtkStringObject) shown = g_list_model_get_item (names, selected);
    gboolean offers[4] = { FALSE };
    const char *codes[] = { "ZZ", "XK", "AA", "QZ" };

    g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "ZZ");
    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      {
        g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

        for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
          offers[c] |= g_str_equal (gtk_string_object_get_string (name), codes[c]);
      }
    for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
      g_assert_true (offers[c]);

    /* Chosen for another record, XK is stored as XK. */
    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      {
        g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

        if (g_str_equal (gtk_string_object_get_string (name), "XK"))
          adw_combo_row_set_selected (destination, i);
      }
  }
  confirm (editor);
  lode_export_table_get_row (table, 0, &row);
  g_assert_cmpstr (row.destination, ==, "XK");

  saved = save_and_check (portfolio);
  g_assert_nonnull (strstr (saved, "\"quantity\": 12.5"));
}

/* The project editor: start years, jobs and shares at and beyond what
 * the reader accepts, with the reader's reasons. */
static void
test_project_limits (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  GListStore *projects = lode_portfolio_get_projects (portfolio);
  GtkWidget *editor;
  LodeProject *project;
  g_autoptr(LodePartner) partner = NULL;
  g_autofree char *saved = NULL;

  editor = present (lode_project_editor_new (portfolio, NULL));
  g_assert_true (has_focus_in (editor, find (editor, ADW_TYPE_ENTRY_ROW, "Name", 0)));

  g_assert_false (type_into (editor, "Name", 0, "\xe2\x80\x8b "));
  g_assert_true (type_into (editor, "Name", 0, "Reko Diq"));

  g_assert_false (type_into (editor, "Start Year (optional)", 0, "1799"));
  g_assert_nonnull (strstr (error_text (editor), "1800"));
  g_assert_false (type_into (editor, "Start Year (optional)", 0, "2201"));
  g_assert_false (type_into (editor, "Start Year (optional)", 0, "0"));
  g_assert_false (type_into (editor, "Start Year (optional)", 0, "+202"));
  g_assert_false (type_into (editor, "Start Year (optional)", 0, "20 x"));
  g_assert_true (type_into (editor, "Start Year (optional)", 0, ""));
  g_assert_true (type_into (editor, "Start Year (optional)", 0, "\xdb\xb1\xdb\xb8\xdb\xb0\xdb\xb0"));

  g_assert_false (type_into (editor, "Jobs", 0, "2147483648"));
  g_assert_nonnull (strstr (error_text (editor), "2,147,483,647"));
  g_assert_false (type_into (editor, "Jobs", 0, "9223372036854775807"));
  g_assert_false (type_into (editor, "Jobs", 0, "99999999999999999999"));
  g_assert_false (type_into (editor, "Jobs", 0, "-1"));
  g_assert_false (type_into (editor, "Jobs", 0, "1.5"));
  g_assert_true (type_into (editor, "Jobs", 0, "2,147,483,647"));

  g_assert_true (gtk_widget_activate_action (editor, "editor.add-partner", NULL));
  lode_test_settle ();
  g_assert_false (can_confirm (editor));
  g_assert_true (type_into (editor, "Name", 1, "Barrick"));
  g_assert_false (type_into (editor, "Share (%, optional)", 0, "100.5"));
  g_assert_false (type_into (editor, "Share (%, optional)", 0, "-0.5"));
  g_assert_false (type_into (editor, "Share (%, optional)", 0, "0x10"));
  g_assert_true (type_into (editor, "Share (%, optional)", 0, "\xd9\xa1\xd9\xa0\xd9\xa0\xd9\xaa"));
  confirm (editor);

  project = item_at (projects, g_list_model_get_n_items (G_LIST_MODEL (projects)) - 1);
  g_assert_cmpstr (lode_project_get_name (project), ==, "Reko Diq");
  g_assert_cmpint (lode_project_get_start_year (project), ==, 1800);
  g_assert_cmpint (lode_project_get_jobs (project), ==, G_MAXINT32);
  partner = g_list_model_get_item (lode_project_get_partners (project), 0);
  g_assert_cmpfloat (lode_partner_get_share (partner), ==, 1.0);

  /* The partner of XK keeps XK; its share of exactly 1 stays 1. */
  editor = present (lode_project_editor_new (portfolio, item_at (projects, 0)));
  g_assert_true (type_into (editor, "Operator", 0, "MCC Resources"));
  confirm (editor);
  g_clear_object (&partner);
  partner = g_list_model_get_item (lode_project_get_partners (item_at (projects, 0)), 0);
  g_assert_cmpstr (lode_partner_get_country (partner), ==, "XK");
  g_assert_cmpfloat (lode_partner_get_share (partner), ==, 1.0);

  saved = save_and_check (portfolio);
  g_assert_nonnull (strstr (saved, "\"jobs\": 2147483647"));
}

/* Reserve estimates: the year is 1800–2200 or unknown (empty). */
static void
test_mineral_limits (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  GListStore *minerals = lode_portfolio_get_minerals (portfolio);
  GtkWidget *editor;
  LodeMineral *mineral;
  g_autoptr(LodeReserve) first = NULL;
  g_autoptr(LodeReserve) second = NULL;
  g_autofree char *saved = NULL;

  editor = present (lode_mineral_editor_new (portfolio, NULL));
  g_assert_true (has_focus_in (editor, find (editor, ADW_TYPE_ENTRY_ROW, "Name", 0)));
  g_assert_false (type_into (editor, "Name", 0, "\xe2\x80\x8b"));
  g_assert_false (type_into (editor, "Name", 0, "\xe2\x80\x8b\xe2\x80\x8c\xef\xbb\xbf "));
  g_assert_false (type_into (editor, "Name", 0, "GOLD"));   /* taken, as the editor compares */
  g_assert_true (type_into (editor, "Name", 0, "Chromite"));

  g_assert_true (gtk_widget_activate_action (editor, "editor.add-reserve", NULL));
  lode_test_settle ();
  g_assert_true (type_into (editor, "Quantity", 0, "\xef\xbc\x90\xef\xbc\x8e\xef\xbc\x91\xef\xbc\x92\xef\xbc\x95"));
  g_assert_false (type_into (editor, "Year (optional)", 0, "1799"));
  g_assert_false (type_into (editor, "Year (optional)", 0, "0"));
  g_assert_false (type_into (editor, "Year (optional)", 0, "2201"));
  g_assert_true (type_into (editor, "Year (optional)", 0, "\xdb\xb2\xdb\xb2\xdb\xb0\xdb\xb0"));

  g_assert_true (gtk_widget_activate_action (editor, "editor.add-reserve", NULL));
  lode_test_settle ();
  g_assert_true (type_into (editor, "Quantity", 1, "7"));
  g_assert_true (type_into (editor, "Year (optional)", 1, ""));
  confirm (editor);

  mineral = item_at (minerals, g_list_model_get_n_items (G_LIST_MODEL (minerals)) - 1);
  g_assert_cmpstr (lode_mineral_get_name (mineral), ==, "Chromite");
  first = g_list_model_get_item (lode_mineral_get_reserves (mineral), 0);
  second = g_list_model_get_item (lode_mineral_get_reserves (mineral), 1);
  g_assert_cmpfloat (lode_reserve_get_quantity (first), ==, 0.125);
  g_assert_cmpint (lode_reserve_get_year (first), ==, 2200);
  g_assert_cmpint (lode_reserve_get_year (second), ==, 0);

  /* "gold" and "Gold" both came from the file: either saves. */
  editor = present (lode_mineral_editor_new (portfolio, item_at (minerals, 2)));
  g_assert_true (can_confirm (editor));
  g_assert_false (type_into (editor, "Name", 0, "Gold"));
  g_assert_true (type_into (editor, "Name", 0, "gold"));
  cancel (editor);

  saved = save_and_check (portfolio);
  g_assert_nonnull (strstr (saved, "\"name\": \"Chromite\""));
}

/* Sources: dates by the reader's rule, in any digits. */
static void
test_source_limits (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  GListStore *sources = lode_portfolio_get_sources (portfolio);
  GtkWidget *editor;
  LodeSource *source;
  g_autofree char *saved = NULL;

  editor = present (lode_source_editor_new (portfolio, NULL));
  g_assert_true (has_focus_in (editor, find (editor, ADW_TYPE_ENTRY_ROW, "Title", 0)));
  g_assert_true (type_into (editor, "Title", 0, "Dawn"));
  for (guint i = 0; i < 8; i++)
    {
      const char *refused[] = { "+202", "-2025", "2025-02-30", "2025-13", "0000", "20 25", "2025-9-1", "25" };

      g_assert_false (type_into (editor, "Date (YYYY-MM-DD)", 0, refused[i]));
      g_assert_nonnull (strstr (error_text (editor), "YYYY-MM-DD"));
    }
  g_assert_true (type_into (editor, "Date (YYYY-MM-DD)", 0, "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa5\xe2\x80\x8b-\xd9\xa0\xd9\xa9-\xd9\xa2\xd9\xa6"));
  confirm (editor);

  source = item_at (sources, g_list_model_get_n_items (G_LIST_MODEL (sources)) - 1);
  g_assert_cmpstr (lode_source_get_date (source), ==, "2025-09-26");

  saved = save_and_check (portfolio);
  g_assert_nonnull (strstr (saved, "\"date\": \"2025-09-26\""));
}

/* Targets: both years at their ends. */
static void
test_target_limits (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  GListStore *targets = lode_portfolio_get_targets (portfolio);
  GtkWidget *editor;
  LodeTarget *target;
  g_autofree char *saved = NULL;

  editor = present (lode_target_editor_new (portfolio, NULL));
  g_assert_true (has_focus_in (editor, find (editor, ADW_TYPE_ENTRY_ROW, "Title", 0)));
  g_assert_true (type_into (editor, "Title", 0, "Bounds"));
  g_assert_true (type_into (editor, "Baseline Value (US$)", 0, "\xef\xbc\x91"));
  g_assert_true (type_into (editor, "Target, Low (US$)", 0, "2"));
  type_into_spin (editor, 0, "1000");
  type_into_spin (editor, 1, "3000");
  confirm (editor);

  target = item_at (targets, g_list_model_get_n_items (G_LIST_MODEL (targets)) - 1);
  g_assert_cmpint (lode_target_get_baseline_year (target), ==, 1800);
  g_assert_cmpint (lode_target_get_target_year (target), ==, 2200);

  saved = save_and_check (portfolio);
  g_assert_nonnull (strstr (saved, "\"title\": \"Bounds\""));
}

/* The national figure editor: years at and beyond their ends, amounts
 * and changes in every spelling, a change to the last digit. */
static void
test_national_figure_limits (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  GListStore *figures = lode_portfolio_get_national_figures (portfolio);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeNationalFigure *figure;
  GtkWidget *editor;
  g_autofree char *saved = NULL;

  editor = present (lode_national_figure_editor_new (portfolio, NULL));
  g_assert_true (has_focus_in (editor, find (editor, ADW_TYPE_COMBO_ROW, "Kind", 0)));
  /* The amount is required, in cents at most, never negative, up to 70
   * trillion. */
  g_assert_false (can_confirm (editor));
  g_assert_false (type_into (editor, "Amount (US$)", 0, "-1"));
  g_assert_false (type_into (editor, "Amount (US$)", 0, "0.001"));
  g_assert_false (type_into (editor, "Amount (US$)", 0, "70000000000000.01"));
  g_assert_true (type_into (editor, "Amount (US$)", 0, "70000000000000"));
  g_assert_true (type_into (editor, "Amount (US$)", 0, "\xd9\xa2\xd9\xa3\xd9\xac\xd9\xa1\xd9\xa0\xd9\xa0"));
  /* Years 1800 to 2200, or none. */
  g_assert_false (type_into (editor, "Year (optional)", 0, "1799"));
  g_assert_false (type_into (editor, "Year (optional)", 0, "2201"));
  g_assert_false (type_into (editor, "Year (optional)", 0, "20x4"));
  g_assert_true (type_into (editor, "Year (optional)", 0, ""));
  g_assert_true (type_into (editor, "Year (optional)", 0, "\xef\xbc\x92\xef\xbc\x92\xef\xbc\x90\xef\xbc\x90"));
  /* A change in percent: a fall of at most 100 %, any rise; no
   * exponents, hex or words. */
  g_assert_false (type_into (editor, "Change on the Year Before (%, optional)", 0, "-100.1"));
  g_assert_false (type_into (editor, "Change on the Year Before (%, optional)", 0, "1e3"));
  g_assert_false (type_into (editor, "Change on the Year Before (%, optional)", 0, "0x10"));
  g_assert_false (type_into (editor, "Change on the Year Before (%, optional)", 0, "inf"));
  g_assert_false (type_into (editor, "Change on the Year Before (%, optional)", 0, "up"));
  g_assert_true (type_into (editor, "Change on the Year Before (%, optional)", 0, "-100"));
  g_assert_true (type_into (editor, "Change on the Year Before (%, optional)", 0, " +11.1 \xd9\xaa"));
  g_assert_true (type_into (editor, "Note", 0, "Up 11.1 %"));
  confirm (editor);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (figures)), ==, 4);
  figure = item_at (figures, 3);
  g_assert_cmpint (lode_national_figure_get_kind (figure), ==, LODE_FIGURE_KIND_MINERAL_EXPORTS);
  g_assert_cmpint (lode_national_figure_get_value (figure), ==, 2310000);
  g_assert_cmpint (lode_national_figure_get_year (figure), ==, 2200);
  /* 11.1 % is exactly the fraction 0.111 a file would spell. */
  g_assert_cmpfloat (lode_national_figure_get_change (figure), ==, 0.111);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Mineral exports, 2200");

  /* Its change shown in percent reads back as the same fraction: a Save
   * without a change is no step. */
  editor = present (lode_national_figure_editor_new (portfolio, figure));
  g_assert_cmpstr (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Change on the Year Before (%, optional)", 0)),
                   ==, "11.1");
  confirm (editor);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Mineral exports, 2200");

  /* One field edited: only it changes, in one step. */
  editor = present (lode_national_figure_editor_new (portfolio, item_at (figures, 0)));
  g_assert_cmpstr (gtk_editable_get_text (find (editor, ADW_TYPE_ENTRY_ROW, "Change on the Year Before (%, optional)", 0)),
                   ==, "-100");
  g_assert_true (type_into (editor, "Year (optional)", 0, "1801"));
  confirm (editor);
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Edit Trade with XK, 1800");
  g_assert_cmpint (lode_national_figure_get_year (item_at (figures, 0)), ==, 1801);
  g_assert_cmpstr (lode_national_figure_get_note (item_at (figures, 0)), ==, "  padded  ");

  saved = save_and_check (portfolio);
  g_assert_nonnull (strstr (saved, "\"change\": 0.111,\n"));
  g_assert_nonnull (strstr (saved, "\"year\": 1801"));

  /* Both undone, the file is the original again. */
  lode_history_undo (history);
  lode_history_undo (history);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_free (saved);
  saved = save_and_check (portfolio);
  assert_same_bytes (saved, original);
}

static void
select_position (LodeListPage *page,
                 guint         position)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (lode_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);

  gtk_selection_model_select_item (selection, position, TRUE);
  lode_test_settle ();
}

/* Duplicating twice gives two names the editor accepts; undo and redo
 * and delete and undo leave nothing it refuses. */
static void
test_duplicate_twice (void)
{
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  GListStore *minerals = lode_portfolio_get_minerals (portfolio);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  LodeWindow *window = lode_test_window_new (portfolio);
  LodeListPage *page = LODE_LIST_PAGE (lode_test_find_widget (GTK_WIDGET (window), LODE_TYPE_MINERALS_PAGE, NULL));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (minerals));
  const char *name = lode_mineral_get_name (item_at (minerals, 0));
  g_autofree char *copy = g_strdup_printf ("%s (copy)", name);
  g_autofree char *copy2 = g_strdup_printf ("%s (copy 2)", name);
  g_autofree char *copy3 = g_strdup_printf ("%s (copy 3)", name);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 3; i++)
    {
      select_position (page, 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.duplicate", NULL));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (minerals)), ==, n + 3);
  for (guint i = 0; i < n + 3; i++)
    g_hash_table_add (names, g_utf8_casefold (lode_mineral_get_name (item_at (minerals, i)), -1));
  g_assert_cmpuint (g_hash_table_size (names), ==, n + 3);
  {
    g_autofree char *folded = g_utf8_casefold (copy, -1);
    g_autofree char *folded2 = g_utf8_casefold (copy2, -1);
    g_autofree char *folded3 = g_utf8_casefold (copy3, -1);

    g_assert_true (g_hash_table_contains (names, folded));
    g_assert_true (g_hash_table_contains (names, folded2));
    g_assert_true (g_hash_table_contains (names, folded3));
  }
  g_hash_table_unref (names);

  /* Undo and redo; then every mineral's editor saves. */
  lode_history_undo (history);
  lode_history_redo (history);
  for (guint i = 0; i < n + 3; i++)
    {
      LodeMineral *mineral = item_at (minerals, i);
      GtkWidget *editor = present (lode_mineral_editor_new (portfolio, mineral));

      confirm (editor);
    }
  /* Saved unchanged, the editors made no step of their own. */
  g_assert_true (g_str_has_prefix (lode_history_get_undo_label (history), "Duplicate"));

  /* Delete the first copy and undo: it comes back, still savable. */
  select_position (page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "minerals.delete", NULL));
  lode_test_settle ();
  lode_history_undo (history);
  lode_test_settle ();
  confirm (present (lode_mineral_editor_new (portfolio, item_at (minerals, 1))));

  {
    g_autofree char *saved = save_and_check (portfolio);

    g_assert_nonnull (strstr (saved, copy2));
    g_assert_nonnull (strstr (saved, copy3));
  }

  lode_history_mark_saved (history);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Preferences offer a default destination iso-codes does not name by its
 * code, and choosing another writes that other. */
static void
test_preferences_destination (void)
{
  LodePreferencesWindow *preferences;
  AdwComboRow *row;
  g_autoptr(GtkStringObject) shown = NULL;
  g_autofree char *code = NULL;

  g_settings_set_string (lode_settings_get (), "default-destination", "XK");
  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "preferences", NULL);
  lode_test_settle ();
  preferences = lode_test_find_toplevel (LODE_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (preferences);
  g_assert_true (lode_test_wait_for (lode_test_is_mapped, preferences));

  row = lode_test_template_child (preferences, LODE_TYPE_PREFERENCES_WINDOW, "destination_row");
  shown = g_list_model_get_item (adw_combo_row_get_model (row), adw_combo_row_get_selected (row));
  g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "XK");

  adw_combo_row_set_selected (row, 0);
  lode_test_settle ();
  code = g_settings_get_string (lode_settings_get (), "default-destination");
  g_assert_cmpstr (code, ==, "");

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (lode_settings_get (), "default-destination");
}

/* Ctrl+N is New portfolio, never "add an item"; adding has Ctrl+Shift+N. */
static void
test_shortcuts (void)
{
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, "win.new");
  g_auto(GStrv) app_accels = gtk_application_get_accels_for_action (application, "app.new");
  g_autoptr(LodePortfolio) portfolio = lode_portfolio_new_sample ();
  LodeWindow *window = lode_test_window_new (portfolio);
  GtkWidget *page = lode_test_find_widget (GTK_WIDGET (window), LODE_TYPE_MINERALS_PAGE, NULL);
  GtkEventController *shortcuts = NULL;
  gboolean control_n = FALSE;
  gboolean control_shift_n = FALSE;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  GtkShortcutTrigger *trigger_n = gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK);
  GtkShortcutTrigger *trigger_shift_n = gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK);

  g_assert_true ((accels != NULL && g_strv_contains ((const char * const *) accels, "<Control>n")) ||
                 (app_accels != NULL && g_strv_contains ((const char * const *) app_accels, "<Control>n")));

  /* The page's own shortcuts, from gtk_widget_class_add_binding_action(). */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = controller;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *action_text = gtk_shortcut_action_to_string (action);

          if (strstr (action_text, "minerals.add") == NULL)
            continue;
          control_n |= gtk_shortcut_trigger_equal (trigger, trigger_n);
          control_shift_n |= gtk_shortcut_trigger_equal (trigger, trigger_shift_n);
        }
    }
  g_assert_nonnull (shortcuts);
  g_assert_false (control_n);
  g_assert_true (control_shift_n);

  /* The shortcuts window is named, not "GtkShortcutsWindow". */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))),
                   ==, "Keyboard Shortcuts");

  g_object_unref (trigger_n);
  g_object_unref (trigger_shift_n);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the combo row @row offers a choice whose text holds @text. */
static gboolean
offers (AdwComboRow *row,
        const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) != NULL)
      return TRUE;

  return FALSE;
}

static void
select_text (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      {
        adw_combo_row_set_selected (row, i);
        lode_test_settle ();
        return;
      }
  g_error ("no choice “%s”", text);
}

/* Exchange rates: more than 0, at most a billion units a dollar, up to 6
 * decimals, a decimal comma read; no rate of the dollar itself or of a
 * code iso-codes does not know; one rate a currency and period; a month
 * never with a fiscal year. Untouched, every rate saves the same bytes. */
static void
test_rate_limits (void)
{
  g_autofree char *original = NULL;
  g_autoptr(LodePortfolio) portfolio = load_fixture (&original);
  GListStore *rates = lode_portfolio_get_exchange_rates (portfolio);
  LodeHistory *history = lode_portfolio_get_history (portfolio);
  g_autoptr(LodePortfolio) reloaded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  LodeExchangeRate *rate;
  AdwComboRow *currency;
  GtkWidget *editor;

  editor = present (lode_rate_editor_new (portfolio, NULL));
  currency = find (editor, ADW_TYPE_COMBO_ROW, "Currency", 0);
  g_assert_true (has_focus_in (editor, GTK_WIDGET (currency)));
  /* The rupee first, then the yuan; never the dollar, nor a code
   * iso-codes does not know. */
  g_assert_cmpuint (adw_combo_row_get_selected (currency), ==, 0);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (currency)), 0),
                            "(PKR)"));
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (currency)), 1),
                            "(CNY)"));
  g_assert_false (offers (currency, "(USD)"));
  g_assert_false (offers (currency, "(XXY)"));
  g_assert_false (can_confirm (editor));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "0"));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "0.000000"));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "-278.5"));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "1.1234567"));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "1000000000.000001"));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "1000000001"));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "1e3"));
  g_assert_false (type_into (editor, "Units per US Dollar", 0, "rupees"));
  g_assert_true (type_into (editor, "Units per US Dollar", 0, "1000000000"));
  g_assert_true (type_into (editor, "Units per US Dollar", 0, "0.000001"));
  g_assert_true (type_into (editor, "Units per US Dollar", 0, " 278,8313 "));
  /* Years from 1800 to 2200: a spin button keeps to them. */
  type_into_spin (editor, 0, "1799");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find (editor, GTK_TYPE_SPIN_BUTTON, NULL, 0)), ==, 1800);
  type_into_spin (editor, 0, "2024");
  /* A fiscal year's rate has no month. */
  select_text (find (editor, ADW_TYPE_COMBO_ROW, "Month", 0), "July");
  gtk_switch_set_active (find (editor, GTK_TYPE_SWITCH, NULL, 0), TRUE);
  lode_test_settle ();
  g_assert_false (can_confirm (editor));
  g_assert_nonnull (strstr (error_text (editor), "choose no month"));
  select_text (find (editor, ADW_TYPE_COMBO_ROW, "Month", 0), "Whole Year");
  g_assert_true (can_confirm (editor));
  gtk_switch_set_active (find (editor, GTK_TYPE_SWITCH, NULL, 0), FALSE);
  g_assert_true (type_into (editor, "Note", 0, "  average of the year  "));
  confirm (editor);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rates)), ==, 1);
  rate = item_at (rates, 0);
  g_assert_cmpstr (lode_exchange_rate_get_currency (rate), ==, "PKR");
  g_assert_cmpint (lode_exchange_rate_get_year (rate), ==, 2024);
  g_assert_cmpint (lode_exchange_rate_get_month (rate), ==, 0);
  g_assert_cmpint (lode_exchange_rate_get_period (rate), ==, LODE_PERIOD_KIND_UNKNOWN);
  g_assert_cmpint (lode_exchange_rate_get_rate (rate), ==, 278831300);
  g_assert_cmpstr (lode_exchange_rate_get_note (rate), ==, "average of the year");
  g_assert_cmpstr (lode_history_get_undo_label (history), ==, "Add Rate PKR, 2024");

  /* A second rupee rate for 2024 is refused, saying which; July 2024 and
   * FY2024-25 are other periods. */
  editor = present (lode_rate_editor_new (portfolio, NULL));
  type_into_spin (editor, 0, "2024");
  g_assert_true (type_into (editor, "Units per US Dollar", 0, "280"));
  g_assert_false (can_confirm (editor));
  g_assert_nonnull (strstr (error_text (editor), "already a rate for PKR, 2024"));
  select_text (find (editor, ADW_TYPE_COMBO_ROW, "Month", 0), "July");
  g_assert_true (can_confirm (editor));
  confirm (editor);
  editor = present (lode_rate_editor_new (portfolio, NULL));
  type_into_spin (editor, 0, "2024");
  g_assert_true (type_into (editor, "Units per US Dollar", 0, "279.123456"));
  gtk_switch_set_active (find (editor, GTK_TYPE_SWITCH, NULL, 0), TRUE);
  lode_test_settle ();
  confirm (editor);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rates)), ==, 3);
  g_assert_cmpint (lode_exchange_rate_get_period (item_at (rates, 2)), ==, LODE_PERIOD_KIND_FISCAL_YEAR);
  /* Editing a rate into another's period is refused too. */
  editor = present (lode_rate_editor_new (portfolio, item_at (rates, 1)));
  select_text (find (editor, ADW_TYPE_COMBO_ROW, "Month", 0), "Whole Year");
  g_assert_false (can_confirm (editor));
  cancel (editor);

  saved = save_and_check (portfolio);
  g_assert_nonnull (strstr (saved, "\"units_per_usd\": \"278.8313\""));
  g_assert_nonnull (strstr (saved, "\"units_per_usd\": \"279.123456\""));

  /* Read back and every rate opened and saved untouched: no step, the
   * same bytes. */
  dir = g_dir_make_tmp ("lode-editor-limits-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rates.json", NULL);
  g_assert_true (g_file_set_contents (path, saved, -1, &error));
  file = g_file_new_for_path (path);
  reloaded = lode_portfolio_load_file (file, NULL, &error);
  g_assert_no_error (error);
  rates = lode_portfolio_get_exchange_rates (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rates)), ==, 3);
  for (guint i = 0; i < 3; i++)
    confirm (present (lode_rate_editor_new (reloaded, item_at (rates, i))));
  g_assert_false (lode_history_get_can_undo (lode_portfolio_get_history (reloaded)));
  again = save_and_check (reloaded);
  assert_same_bytes (again, saved);
  lode_test_remove_tree (dir);

  /* The three adds undone, the file is the original again. */
  for (guint i = 0; i < 3; i++)
    lode_history_undo (history);
  g_assert_false (lode_portfolio_get_modified (portfolio));
  g_free (saved);
  saved = save_and_check (portfolio);
  assert_same_bytes (saved, original);
}

int
main (int   argc,
      char *argv[])
{
  lode_test_init (&argc, &argv);

  g_test_add_func ("/editor-limits/untouched", test_untouched);
  g_test_add_func ("/editor-limits/one-field", test_one_field);
  g_test_add_func ("/editor-limits/export", test_export_limits);
  g_test_add_func ("/editor-limits/decimal-comma", test_decimal_comma);
  g_test_add_func ("/editor-limits/project", test_project_limits);
  g_test_add_func ("/editor-limits/mineral", test_mineral_limits);
  g_test_add_func ("/editor-limits/source", test_source_limits);
  g_test_add_func ("/editor-limits/target", test_target_limits);
  g_test_add_func ("/editor-limits/national-figure", test_national_figure_limits);
  g_test_add_func ("/editor-limits/rate", test_rate_limits);
  g_test_add_func ("/editor-limits/duplicate-twice", test_duplicate_twice);
  g_test_add_func ("/editor-limits/shortcuts", test_shortcuts);
  g_test_add_func ("/editor-limits/preferences-destination", test_preferences_destination);

  return lode_test_run ();
}
