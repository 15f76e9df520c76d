/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lode-compare-page.h"
#include "lode-dialogs.h"
#include "lode-exports-page.h"
#include "lode-investments-page.h"
#include "lode-minerals-page.h"
#include "lode-overview-page.h"
#include "lode-projects-page.h"
#include "lode-targets-page.h"
#include "lode-window.h"

G_BEGIN_DECLS

/* What to do once unsaved changes are saved or discarded. */
typedef enum
{
  LODE_PENDING_NONE,
  LODE_PENDING_CLOSE,
  LODE_PENDING_NEW,
  LODE_PENDING_OPEN,          /* pending_file */
  LODE_PENDING_OPEN_CHOOSER,
  LODE_PENDING_RELOAD,
  LODE_PENDING_SAMPLE,
} LodePending;

struct _LodeWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *load_bar;
  GtkLabel             *load_label;
  GtkProgressBar       *load_progress;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;
  AdwViewStack         *stack;
  LodeOverviewPage     *overview_page;
  LodeMineralsPage     *minerals_page;
  LodeExportsPage      *exports_page;
  LodeProjectsPage     *projects_page;
  LodeInvestmentsPage  *investments_page;
  LodeTargetsPage      *targets_page;
  LodeComparePage      *compare_page;
  GtkDropDown          *currency_choice;
  AdwViewSwitcherBar   *switcher_bar;
  GMenu                *history_section;
  GMenu                *recent_menu;

  LodePortfolio        *portfolio;
  GFile                *file;
  /* Handlers on the portfolio shown and on its history, retargeted when
   * the portfolio changes, so that none outlives its portfolio. */
  GSignalGroup         *portfolio_signals;
  GSignalGroup         *history_signals;
  /* Set while a file loads; cancelled and dropped to abandon the load. */
  GCancellable         *load_cancellable;
  /* The load under way, and the timeout that shows its progress. */
  GTask                *load_task;
  guint                 load_progress_id;
  /* Edits of the portfolio shown, counted so that a load that ends after
   * more of them asks before it replaces them. */
  guint                 n_edits;
  /* Set while the portfolio is saved; edits wait for it. */
  GCancellable         *save_cancellable;
  /* What had the focus when a save began, to give it back after. */
  GtkWidget            *focus_before_save;
  GObject              *file_chooser;

  /* Unsaved changes */
  LodePending           pending;
  GFile                *pending_file;
  GObject              *confirm_dialog;
  gboolean              close_confirmed;

  /* The draft of unsaved work, written a little after each change. */
  char                 *draft_id;
  guint                 draft_timeout_id;
  /* How long making the text of the last draft took, in µs. */
  gint64                draft_cost_us;
  /* The window went with unsaved work: its draft stays for next time. */
  gboolean              keep_draft;
  /* A restored draft that could not be kept whole: it stays as it was
   * until the work is saved or discarded, and new drafts take another id. */
  char                 *salvaged_draft_id;

  /* The open file, watched for changes by other programs. */
  GFileMonitor         *monitor;
  char                 *disk_etag;
  guint                 monitor_timeout_id;
  GObject              *reload_dialog;

  /* The pages count by fiscal years, not calendar ones. */
  gboolean              fiscal_years;
  /* The currency amounts are shown in: "USD", or one with rates; the
   * codes the chooser offers, in its order. */
  char                 *currency;
  GtkStringList        *currency_codes;
  GSignalGroup         *rates_signals;
  guint                 rates_hash;     /* of the rates the pages convert with */
  gboolean              filling_currencies;

  /* Import */
  GtkWindow            *import_dialog;    /* weak */
  GObject              *import_chooser;
  GObject              *drop_dialog;
};

/* lode-window.c */
void     lode_window_set_portfolio_and_file (LodeWindow    *self,
                                             LodePortfolio *portfolio,
                                             GFile         *file);
void     lode_window_update_state           (LodeWindow    *self);
void     lode_window_update_title           (LodeWindow    *self);
void     lode_window_show_error             (LodeWindow    *self,
                                             const char    *heading,
                                             const char    *message);
char    *lode_window_file_display_name      (GFile         *file);
void     lode_window_notify_busy            (LodeWindow    *self);
/* @message of an error that names its file @name at the start of each
 * line, with "Line L, column C:" in place of "NAME:L:C:". */
char    *lode_window_describe_load_error    (const char    *name,
                                             const char    *message);
/* Enables or disables the action @name of the window's action map. */
void     lode_window_set_map_action_enabled (LodeWindow    *self,
                                             const char    *name,
                                             gboolean       enabled);
/* Sets @property of the portfolio shown to the value that follows, as
 * g_object_set() takes it, as one step of the history called @label. */
void     lode_window_change_portfolio       (LodeWindow    *self,
                                             const char    *label,
                                             const char    *property,
                                             ...);
/* Asks for one choice in a dialog: @row, in a boxed list under @heading
 * and @body, with Cancel and Set; @response is connected to the
 * dialog's "response" with the window. Returns the dialog, which has
 * @row as its "lode-row" data. */
GObject *lode_window_present_choice         (LodeWindow    *self,
                                             GtkWidget     *row,
                                             const char    *heading,
                                             const char    *body,
                                             GCallback      response);

/* lode-window-documents.c */
void     lode_window_documents_class_init   (GtkWidgetClass *widget_class);
void     lode_window_documents_init         (LodeWindow    *self);
void     lode_window_documents_dispose      (LodeWindow    *self);
/* Called when the portfolio or the file shown changes. */
void     lode_window_documents_changed      (LodeWindow    *self,
                                             LodePortfolio *old_portfolio);
void     lode_window_documents_loaded       (LodeWindow    *self,
                                             GFile         *file);
/* The portfolio shown was restored from @draft_id; @not_kept lists what
 * could not be (NULL or empty when all was). */
void     lode_window_documents_adopt_draft  (LodeWindow    *self,
                                             const char    *draft_id,
                                             const char * const *not_kept);
void     lode_window_documents_update_actions (LodeWindow  *self);
/* Runs @pending now, or once unsaved changes are saved or discarded. */
void     lode_window_documents_confirm      (LodeWindow    *self,
                                             LodePending    pending,
                                             GFile         *file);

/* lode-window-import.c */
void     lode_window_import_class_init      (GtkWidgetClass *widget_class);
void     lode_window_import_init            (LodeWindow    *self);
void     lode_window_import_dispose         (LodeWindow    *self);
void     lode_window_import_update_actions  (LodeWindow    *self);
/* A file dropped on the window: TRUE when it is taken. */
gboolean lode_window_import_dropped         (LodeWindow    *self,
                                             GFile         *file);

/* lode-window-periods.c */
void     lode_window_periods_class_init     (GtkWidgetClass *widget_class);
void     lode_window_periods_init           (LodeWindow    *self);
void     lode_window_periods_update_actions (LodeWindow    *self);
void     lode_window_periods_changed        (LodeWindow    *self);
void     lode_window_periods_restore        (LodeWindow    *self);
void     lode_window_periods_file_changed   (LodeWindow    *self);
/* The month (1–12) the periods the pages show begin in: 1 for calendar
 * years. */
int      lode_window_get_start_month        (LodeWindow    *self);
void     lode_window_periods_dispose        (LodeWindow    *self);

G_END_DECLS
