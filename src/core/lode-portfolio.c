/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-portfolio.h"

struct _LodePortfolio
{
  GObject          parent_instance;

  char            *title;
  char            *description;
  char            *currency;
  char            *country;
  int              fiscal_year_start;   /* 0 when the file does not say */
  GListStore      *sources;
  GListStore      *minerals;
  GListStore      *projects;
  GListStore      *targets;
  GListStore      *investments;
  GListStore      *production;
  GListStore      *national_figures;
  GListStore      *exchange_rates;
  LodeExportTable *exports;
  JsonObject      *extra;
  LodeHistory     *history;
  gboolean         modified;
};

G_DEFINE_FINAL_TYPE (LodePortfolio, lode_portfolio, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CURRENCY,
  PROP_COUNTRY,
  PROP_FISCAL_YEAR_START,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mark_modified (LodePortfolio *self)
{
  lode_portfolio_set_modified (self, TRUE);
}

static void
on_item_notify (LodePortfolio *self,
                GParamSpec    *pspec,
                GObject       *item)
{
  mark_modified (self);
}

/* Any change to a list, or to an object in it, marks the portfolio
 * modified. Objects removed from a list keep their handler until they are
 * gone: an edit to one of them (through undo, say) is a change too. */
static void
on_items_changed (LodePortfolio *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_signal_handler_find (item, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, on_item_notify, self) == 0)
        g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify), self,
                                 G_CONNECT_SWAPPED);
    }

  mark_modified (self);
}

static void
on_exports_changed (LodePortfolio *self,
                    guint          position,
                    guint          removed,
                    guint          added,
                    GListModel    *model)
{
  mark_modified (self);
}

static GListStore *
new_store (LodePortfolio *self,
           GType          item_type)
{
  GListStore *store = g_list_store_new (item_type);

  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);

  return store;
}

static void
lode_portfolio_dispose (GObject *object)
{
  LodePortfolio *self = LODE_PORTFOLIO (object);

  g_clear_object (&self->history);
  g_clear_object (&self->sources);
  g_clear_object (&self->minerals);
  g_clear_object (&self->projects);
  g_clear_object (&self->targets);
  g_clear_object (&self->investments);
  g_clear_object (&self->production);
  g_clear_object (&self->national_figures);
  g_clear_object (&self->exchange_rates);
  g_clear_object (&self->exports);

  G_OBJECT_CLASS (lode_portfolio_parent_class)->dispose (object);
}

static void
lode_portfolio_finalize (GObject *object)
{
  LodePortfolio *self = LODE_PORTFOLIO (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_portfolio_parent_class)->finalize (object);
}

static void
lode_portfolio_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LodePortfolio *self = LODE_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_FISCAL_YEAR_START:
      g_value_set_int (value, self->fiscal_year_start);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_portfolio_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LodePortfolio *self = LODE_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lode_portfolio_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      lode_portfolio_set_description (self, g_value_get_string (value));
      break;
    case PROP_CURRENCY:
      lode_portfolio_set_currency (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      lode_portfolio_set_country (self, g_value_get_string (value));
      break;
    case PROP_FISCAL_YEAR_START:
      lode_portfolio_set_fiscal_year_start (self, g_value_get_int (value));
      break;
    case PROP_MODIFIED:
      lode_portfolio_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_portfolio_class_init (LodePortfolioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = lode_portfolio_dispose;
  object_class->finalize = lode_portfolio_finalize;
  object_class->get_property = lode_portfolio_get_property;
  object_class->set_property = lode_portfolio_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "USD", flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  /* 0 when the file does not say, which is read as January. */
  properties[PROP_FISCAL_YEAR_START] = g_param_spec_int ("fiscal-year-start", NULL, NULL,
                                                         0, 12, 0, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_portfolio_init (LodePortfolio *self)
{
  self->currency = g_strdup ("USD");
  self->sources = new_store (self, LODE_TYPE_SOURCE);
  self->minerals = new_store (self, LODE_TYPE_MINERAL);
  self->projects = new_store (self, LODE_TYPE_PROJECT);
  self->targets = new_store (self, LODE_TYPE_TARGET);
  self->investments = new_store (self, LODE_TYPE_INVESTMENT);
  self->production = new_store (self, LODE_TYPE_PRODUCTION);
  self->national_figures = new_store (self, LODE_TYPE_NATIONAL_FIGURE);
  self->exchange_rates = new_store (self, LODE_TYPE_EXCHANGE_RATE);
  self->exports = lode_export_table_new ();
  g_signal_connect_object (self->exports, "items-changed", G_CALLBACK (on_exports_changed),
                           self, G_CONNECT_SWAPPED);
}

LodePortfolio *
lode_portfolio_new (const char *title)
{
  return g_object_new (LODE_TYPE_PORTFOLIO, "title", title, NULL);
}

static gboolean
set_string (LodePortfolio *self,
            char         **field,
            const char    *value,
            int            prop)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  mark_modified (self);

  return TRUE;
}

const char *
lode_portfolio_get_title (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->title;
}

void
lode_portfolio_set_title (LodePortfolio *self,
                          const char    *title)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
lode_portfolio_get_description (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->description;
}

void
lode_portfolio_set_description (LodePortfolio *self,
                                const char    *description)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (self));

  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

const char *
lode_portfolio_get_currency (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->currency != NULL ? self->currency : "USD";
}

void
lode_portfolio_set_currency (LodePortfolio *self,
                             const char    *currency)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (self));

  set_string (self, &self->currency, currency, PROP_CURRENCY);
}

const char *
lode_portfolio_get_country (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->country;
}

void
lode_portfolio_set_country (LodePortfolio *self,
                            const char    *country)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (self));

  set_string (self, &self->country, country, PROP_COUNTRY);
}

int
lode_portfolio_get_fiscal_year_start (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), 1);

  return self->fiscal_year_start != 0 ? self->fiscal_year_start : 1;
}

gboolean
lode_portfolio_has_fiscal_year_start (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), FALSE);

  return self->fiscal_year_start != 0;
}

void
lode_portfolio_set_fiscal_year_start (LodePortfolio *self,
                                      int            month)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (self));
  g_return_if_fail (month >= 0 && month <= 12);

  if (self->fiscal_year_start == month)
    return;

  self->fiscal_year_start = month;
  /* The records of fiscal years are of the portfolio's fiscal years. */
  lode_export_table_set_fiscal_year_start (self->exports, month != 0 ? month : 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR_START]);
  mark_modified (self);
}

GListStore *
lode_portfolio_get_sources (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->sources;
}

GListStore *
lode_portfolio_get_minerals (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->minerals;
}

GListStore *
lode_portfolio_get_projects (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->projects;
}

GListStore *
lode_portfolio_get_targets (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->targets;
}

LodeExportTable *
lode_portfolio_get_exports (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->exports;
}

GListStore *
lode_portfolio_get_investments (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->investments;
}

GListStore *
lode_portfolio_get_production (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->production;
}

GListStore *
lode_portfolio_get_national_figures (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->national_figures;
}

GListStore *
lode_portfolio_get_exchange_rates (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->exchange_rates;
}

/* Returns: (transfer full): a converter to @code. */
LodeConverter *
lode_portfolio_new_converter (LodePortfolio *self,
                              const char    *code)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return lode_converter_new (G_LIST_MODEL (self->exchange_rates), code,
                             lode_portfolio_get_fiscal_year_start (self));
}

LodeProject *
lode_portfolio_find_project (LodePortfolio *self,
                             const char    *id)
{
  guint n;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (G_LIST_MODEL (self->projects), i);

      if (g_strcmp0 (lode_project_get_id (project), id) == 0)
        return project;
    }

  return NULL;
}

/* The investment events of one project, summed: committed net of withdrawals, disbursed. @has_committed and
 * @has_disbursed say whether any event of that kind counted. */
static void
sum_events (LodePortfolio *self,
            const char    *project,
            LodeMoney     *committed,
            LodeMoney     *disbursed,
            gboolean      *has_committed,
            gboolean      *has_disbursed)
{
  GListModel *events = G_LIST_MODEL (self->investments);
  guint n = g_list_model_get_n_items (events);
  LodeMoney withdrawn = 0;

  *committed = *disbursed = 0;
  *has_committed = *has_disbursed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (lode_investment_get_project (event), project) != 0)
        continue;

      switch (lode_investment_get_kind (event))
        {
        case LODE_INVESTMENT_KIND_COMMITTED:
          *committed += lode_investment_get_value (event);
          *has_committed = TRUE;
          break;
        case LODE_INVESTMENT_KIND_WITHDRAWN:
          withdrawn += lode_investment_get_value (event);
          *has_committed = TRUE;
          break;
        case LODE_INVESTMENT_KIND_DISBURSED:
          *disbursed += lode_investment_get_value (event);
          *has_disbursed = TRUE;
          break;
        case LODE_INVESTMENT_KIND_UNKNOWN:
        case LODE_INVESTMENT_KIND_ANNOUNCED:
        case LODE_INVESTMENT_KIND_AGREED:
        default:
          break;
        }
    }

  *committed = MAX (*committed - withdrawn, 0);
}

void
lode_portfolio_get_project_investment (LodePortfolio *self,
                                       const char    *project,
                                       LodeMoney     *committed,
                                       LodeMoney     *disbursed)
{
  LodeProject *item;
  LodeMoney c, d;
  gboolean has_c, has_d;

  g_return_if_fail (LODE_IS_PORTFOLIO (self));
  g_return_if_fail (project != NULL);

  sum_events (self, project, &c, &d, &has_c, &has_d);
  item = lode_portfolio_find_project (self, project);

  /* Files of before events keep their stored figures as they were. */
  if (!has_c)
    c = item != NULL ? lode_project_get_committed (item) : LODE_MONEY_UNSET;
  if (!has_d)
    d = item != NULL ? lode_project_get_disbursed (item) : LODE_MONEY_UNSET;

  if (committed != NULL)
    *committed = c;
  if (disbursed != NULL)
    *disbursed = d;
}

void
lode_portfolio_get_investment_totals (LodePortfolio *self,
                                      LodeMoney     *committed,
                                      LodeMoney     *disbursed)
{
  GListModel *projects;
  LodeMoney c = 0, d = 0;
  guint n;

  g_return_if_fail (LODE_IS_PORTFOLIO (self));

  /* Each project by its own rule, events or stored figures... */
  projects = G_LIST_MODEL (self->projects);
  n = g_list_model_get_n_items (projects);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeProject) project = g_list_model_get_item (projects, i);
      LodeMoney pc, pd;

      lode_portfolio_get_project_investment (self, lode_project_get_id (project), &pc, &pd);
      if (pc != LODE_MONEY_UNSET)
        c += pc;
      if (pd != LODE_MONEY_UNSET)
        d += pd;
    }

  /* ...and the events of no project in the list. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->investments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (G_LIST_MODEL (self->investments), i);
      const char *project = lode_investment_get_project (event);

      if (project != NULL && lode_portfolio_find_project (self, project) != NULL)
        continue;

      switch (lode_investment_get_kind (event))
        {
        case LODE_INVESTMENT_KIND_COMMITTED:
          c += lode_investment_get_value (event);
          break;
        case LODE_INVESTMENT_KIND_WITHDRAWN:
          c = MAX (c - lode_investment_get_value (event), 0);
          break;
        case LODE_INVESTMENT_KIND_DISBURSED:
          d += lode_investment_get_value (event);
          break;
        default:
          break;
        }
    }

  if (committed != NULL)
    *committed = c;
  if (disbursed != NULL)
    *disbursed = d;
}

gboolean
lode_portfolio_get_target_investment (LodePortfolio *self,
                                      LodeTarget    *target,
                                      int            year,
                                      LodeMoney     *value)
{
  GListModel *events;
  LodeInvestmentKind kind;
  const char *country;
  LodeMoney sum = 0, withdrawn = 0;
  guint n;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (LODE_IS_TARGET (target), FALSE);

  if (lode_target_get_metric_kind (target) != LODE_METRIC_KIND_INVESTMENT)
    return FALSE;

  kind = lode_target_get_metric_investment (target);
  country = lode_target_get_metric_investor_country (target);
  events = G_LIST_MODEL (self->investments);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeInvestment) event = g_list_model_get_item (events, i);
      LodeInvestmentKind event_kind = lode_investment_get_kind (event);

      if (year != 0 && lode_investment_get_year (event) > year)
        continue;
      if (country != NULL && g_strcmp0 (lode_investment_get_investor_country (event), country) != 0)
        continue;

      if (event_kind == kind)
        sum += lode_investment_get_value (event);
      else if (kind == LODE_INVESTMENT_KIND_COMMITTED && event_kind == LODE_INVESTMENT_KIND_WITHDRAWN)
        withdrawn += lode_investment_get_value (event);
    }

  if (value != NULL)
    *value = MAX (sum - withdrawn, 0);

  return TRUE;
}

LodeSource *
lode_portfolio_find_source (LodePortfolio *self,
                            const char    *id)
{
  guint n;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_strcmp0 (lode_source_get_id (source), id) == 0)
        return source;
    }

  return NULL;
}

LodeMineral *
lode_portfolio_find_mineral (LodePortfolio *self,
                             const char    *id)
{
  guint n;

  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->minerals));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LodeMineral) mineral = g_list_model_get_item (G_LIST_MODEL (self->minerals), i);

      if (g_strcmp0 (lode_mineral_get_id (mineral), id) == 0)
        return mineral;
    }

  return NULL;
}

gboolean
lode_portfolio_get_modified (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), FALSE);

  return self->modified;
}

void
lode_portfolio_set_modified (LodePortfolio *self,
                             gboolean       modified)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (self));

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

JsonObject *
lode_portfolio_get_extra (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  return self->extra;
}

void
lode_portfolio_set_extra (LodePortfolio *self,
                          JsonObject    *extra)
{
  g_return_if_fail (LODE_IS_PORTFOLIO (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

LodeHistory *
lode_portfolio_get_history (LodePortfolio *self)
{
  g_return_val_if_fail (LODE_IS_PORTFOLIO (self), NULL);

  if (self->history == NULL)
    self->history = lode_history_new (self);

  return self->history;
}
