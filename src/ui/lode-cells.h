/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lode-money.h"

G_BEGIN_DECLS

/* Cells of the column views: a GtkInscription in each GtkListItem, set up
 * by a GtkSignalListItemFactory ("setup" handlers) and filled when bound. */
void lode_cell_setup_text   (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Codes and symbols: a few characters wide. */
void lode_cell_setup_short  (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Months, stages: a word. */
void lode_cell_setup_medium (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Figures: aligned to the end, with tabular digits. */
void lode_cell_setup_number (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data);
/* Binds the setup handlers above as setup_text_cell, setup_short_cell,
 * setup_medium_cell and setup_number_cell for @widget_class's template. */
void lode_cell_bind_setup_callbacks (GtkWidgetClass *widget_class);
/* Sets the text (NULL for none) and the tooltip (NULL for none). */
void lode_cell_set_text     (GtkListItem              *list_item,
                             const char               *text,
                             const char               *tooltip);
/* Sets the text of a cell (a GtkInscription) and what a screen reader
 * reads for it: "Empty" rather than the class name for no text. */
void lode_cell_set_inscription (GtkWidget  *cell,
                                const char *text);
/* "bind" handlers of a GtkSignalListItemFactory whose items are
 * LodeExportRecords: the year, month, destination, HS code and stage. */
void lode_cell_bind_export_year        (GtkSignalListItemFactory *factory,
                                        GtkListItem              *list_item,
                                        gpointer                  user_data);
void lode_cell_bind_export_month       (GtkSignalListItemFactory *factory,
                                        GtkListItem              *list_item,
                                        gpointer                  user_data);
void lode_cell_bind_export_destination (GtkSignalListItemFactory *factory,
                                        GtkListItem              *list_item,
                                        gpointer                  user_data);
void lode_cell_bind_export_hs_code     (GtkSignalListItemFactory *factory,
                                        GtkListItem              *list_item,
                                        gpointer                  user_data);
void lode_cell_bind_export_stage       (GtkSignalListItemFactory *factory,
                                        GtkListItem              *list_item,
                                        gpointer                  user_data);

/* Helpers the list pages and the editors share. */

/* TRUE when one of @texts (NULL-terminated, NULLs skipped up to @n_texts)
 * contains @search without regard to case; an empty @search matches. */
gboolean lode_list_texts_match     (const char *search,
                                    const char * const *texts,
                                    guint       n_texts);
/* Remembers what @widget (a GtkEditable such as an entry row or a spin
 * button, an AdwComboRow, a GtkCheckButton or a GtkSwitch) shows now:
 * the stored value it was filled with. */
void     lode_editor_remember      (gpointer    widget);
/* Whether the user changed @widget since lode_editor_remember(): an
 * editor writes back only the fields that changed, so that a value it
 * cannot show exactly is never rewritten. A widget never remembered (the
 * fields of a new item) counts as changed. */
gboolean lode_editor_changed       (gpointer    widget);
/* Puts the focus in @first when @editor shows. Grabbing it before
 * then would make GTK 4.8 create the window's accessible object too
 * early, as a "filler" instead of a frame. */
void     lode_editor_focus_first   (gpointer       editor,
                                    gpointer       first);
/* Makes @spin_button, a year from LODE_YEAR_MIN to LODE_YEAR_MAX, read
 * years typed in any digits (١٨٥٠, １８５０) and with spaces or a sign;
 * a year beyond the range becomes its nearest end, as spin buttons do. */
void     lode_editor_setup_year    (GtkSpinButton *spin_button);
/* Marks @row invalid with @why, or valid when @why is NULL; appends @why
 * to @errors. */
void     lode_editor_mark_row      (GtkWidget  *row,
                                    const char *why,
                                    GString    *errors);
/* Shows @errors under the rows and allows "editor.confirm" when empty. */
void     lode_editor_show_errors   (GtkWidget  *editor,
                                    GtkLabel   *label,
                                    GString    *errors);

/* A slug made from @name ("Iron ore" → "iron-ore") that no item of @items
 * has as its id (read with @get_id). */
char    *lode_editor_make_id       (const char  *name,
                                    GListModel  *items,
                                    const char *(*get_id) (gpointer item));

/* Sets @property of @object through @history, as part of the open group,
 * unless it already has that value; the value follows, given as for
 * g_object_set(): an int for an enum, a gint64 for money. */
void     lode_editor_set           (gpointer      history,
                                    const char   *label,
                                    GObject      *object,
                                    const char   *property,
                                    ...);
/* lode_editor_set() when the user changed @row (lode_editor_changed()):
 * an editor writes back only the fields that changed. */
void     lode_editor_set_if_changed (gpointer     row,
                                     gpointer     history,
                                     const char  *label,
                                     GObject     *object,
                                     const char  *property,
                                     ...);
/* The stripped text of an editable @row, or NULL when it is empty. */
char    *lode_editor_row_text      (gpointer      row);
/* Shows @text in an editable @row; NULL shows it empty. */
void     lode_editor_set_row_text  (gpointer      row,
                                    const char   *text);
/* Shows @value in an editable @row as it is typed; LODE_MONEY_UNSET
 * shows it empty. */
void     lode_editor_set_row_money (gpointer      row,
                                    LodeMoney     value);

/* Combo rows that choose an id: @ids holds the id behind each choice,
 * NULL for "none". */
guint       lode_choice_find               (GPtrArray                   *ids,
                                            const char                  *id);
const char *lode_choice_get                (gpointer                     combo_row,
                                            GPtrArray                   *ids);
/* The items of a portfolio a combo row can offer. */
typedef enum
{
  LODE_CHOICE_MINERALS,
  LODE_CHOICE_PROJECTS,
  LODE_CHOICE_SOURCES,     /* by title */
} LodeChoiceItems;
/* Offers @none (unless NULL) and then the @kind items of @portfolio by
 * name, each with its id in @ids. */
void        lode_choice_fill_items         (gpointer                     combo_row,
                                            GPtrArray                   *ids,
                                            gpointer                     portfolio,
                                            LodeChoiceItems              kind,
                                            const char                  *none);
/* A check in @group (an AdwPreferencesGroup) for each mineral of
 * @portfolio, named for it and checked when @chosen (NULL for none) holds
 * its id, remembered when @remember; appends the ids to @ids and the
 * checks to @checks. An empty @group says where minerals are added. */
void        lode_choice_fill_mineral_checks (gpointer                    group,
                                             GPtrArray                  *ids,
                                             GPtrArray                  *checks,
                                             gpointer                    portfolio,
                                             const char * const         *chosen,
                                             gboolean                    remember);
/* The ids of @ids whose checks in @checks are active, then those of
 * @current (NULL for none) that @ids does not offer, kept as they are. */
GStrv       lode_choice_read_checks        (GPtrArray                   *ids,
                                            GPtrArray                   *checks,
                                            const char * const          *current);
/* Whether the user changed any of @widgets since they were remembered. */
gboolean    lode_editor_any_changed        (GPtrArray                   *widgets);
/* Offers @none and then every country by name. */
void        lode_choice_fill_countries     (gpointer                     combo_row,
                                            GPtrArray                   *ids,
                                            const char                  *none);
/* Adds to the countries of a combo row filled by
 * lode_choice_fill_countries() every code @portfolio holds (export
 * destinations, partners' countries, targets' destinations) that
 * iso-codes does not name — user-assigned codes such as XK or ZZ —
 * shown by their code, so that any code the file may hold can be chosen
 * and none is shown as unknown. */
void        lode_choice_add_countries_of   (gpointer                     combo_row,
                                            GPtrArray                   *ids,
                                            gpointer                     portfolio);
/* Selects @code (NULL for the first choice, "none"), adding it shown by
 * its code when the list does not offer it. */
void        lode_choice_select_country     (gpointer                     combo_row,
                                            GPtrArray                   *ids,
                                            const char                  *code);
/* The choices of an enumeration: @none (unless NULL), then @format of
 * each value from @first up to @end, not included. */
GtkStringList *lode_choice_list            (const char                  *none,
                                            int                          first,
                                            int                          end,
                                            const char                *(*format) (int value));
/* Whether every field of an editor holds a valid value; shows why not. */
typedef gboolean (*LodeEditorValidateFunc) (gpointer editor);
/* An editor's template from @resource, its editor.confirm action
 * (@confirm, or when NULL the one lode_editor_class_set_values()
 * describes) and Escape, and the callbacks
 * the template names: "validate" and "entry_activated", which confirms
 * when @validate passes. */
void        lode_editor_class_setup        (GtkWidgetClass              *widget_class,
                                            const char                  *resource,
                                            GtkWidgetActionActivateFunc  confirm,
                                            LodeEditorValidateFunc       validate);
/* Reads and checks the fields of @editor into @values, zeroed; FALSE,
 * with why in @errors, when they cannot be saved. */
typedef gboolean (*LodeEditorReadFunc)  (gpointer  editor,
                                         gpointer  values,
                                         GString  *errors);
/* Adds the item @values describe, or writes back the fields changed. */
typedef void     (*LodeEditorApplyFunc) (gpointer  editor,
                                         gpointer  values);
/* How an editor of one item reads its fields and writes them back. */
typedef struct
{
  gsize               values_size;   /* the size of its Values */
  LodeEditorReadFunc  read_values;
  GDestroyNotify      values_clear;  /* frees what a Values holds; or NULL */
  goffset             item_offset;   /* the item edited, NULL for a new one */
  LodeEditorApplyFunc add;
  LodeEditorApplyFunc edit;
} LodeEditorValues;
/* The fields of an editor whose lode_editor_class_setup() was given no
 * confirm action: the one every editor of one item has reads them into a
 * zeroed Values with @values->read_values and, when they can be saved,
 * calls @values->add when the item (a pointer at @values->item_offset in
 * the instance) is NULL and @values->edit when it is not, clears the
 * Values and closes the editor; else it shows why in the template's
 * "error_label". @values is kept: make it static. */
void        lode_editor_class_set_values   (GtkWidgetClass              *widget_class,
                                            const LodeEditorValues      *values);
/* lode_editor_remember() for each field from @first, up to NULL. */
void        lode_editor_remember_fields    (gpointer                     first,
                                            ...) G_GNUC_NULL_TERMINATED;

/* Puts @items (GObjects) in place of the items of a list that @owner keeps. */
typedef void     (*LodeEditorPutItems) (GObject  *owner,
                                        GPtrArray *items);
/* Whether two items hold the same values. */
typedef gboolean (*LodeEditorSameItem) (gpointer  a,
                                        gpointer  b);

/* Replaces the items of @owner's list @current (its reserve estimates, its
 * partners) with @items through @history, as part of the open group; @put
 * does the replacing, both ways. Nothing when every item is the same. */
void     lode_editor_set_items     (gpointer            history,
                                    const char         *label,
                                    GObject            *owner,
                                    GListModel         *current,
                                    GPtrArray          *items,
                                    LodeEditorSameItem  same,
                                    LodeEditorPutItems  put);
/* A flat trash button named @label (tooltip and accessible name). */
GtkWidget *lode_editor_remove_button (const char       *label);
/* Sets the string-list @property of @object to @strv (NULL-terminated;
 * empty sets NULL) through @history, unless it holds those strings. */
void     lode_editor_set_strv      (gpointer            history,
                                    const char         *label,
                                    GObject            *object,
                                    const char         *property,
                                    const char * const *strv);

G_END_DECLS
