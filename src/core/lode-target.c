/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-target.h"
#include "lode-rules.h"

#define N_EXTRAS (LODE_TARGET_EXTRA_TARGET + 1)

struct _LodeTarget
{
  LodeItem       parent_instance;

  char           *id;
  char           *title;
  LodeMetricKind  metric_kind;
  char           *metric_mineral;
  char           *metric_destination;
  LodeInvestmentKind metric_investment;
  char           *metric_investor_country;
  int             baseline_year;
  LodeMoney       baseline_value;
  int             target_year;
  LodeMoney       target_low;
  LodeMoney       target_high;
  char           *source;
  LodePeriodKind  period;
  JsonObject     *extra[N_EXTRAS];
};

G_DEFINE_FINAL_TYPE (LodeTarget, lode_target, LODE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_METRIC_KIND,
  PROP_METRIC_MINERAL,
  PROP_METRIC_DESTINATION,
  PROP_METRIC_INVESTMENT,
  PROP_METRIC_INVESTOR_COUNTRY,
  PROP_BASELINE_YEAR,
  PROP_BASELINE_VALUE,
  PROP_TARGET_YEAR,
  PROP_TARGET_LOW,
  PROP_TARGET_HIGH,
  PROP_SOURCE,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LodeItemField fields[N_PROPS] = {
  [PROP_ID] = LODE_ITEM_FIELD (LodeTarget, id, lode_target_set_id),
  [PROP_TITLE] = LODE_ITEM_FIELD (LodeTarget, title, lode_target_set_title),
  [PROP_METRIC_KIND] = LODE_ITEM_FIELD (LodeTarget, metric_kind, lode_target_set_metric_kind),
  [PROP_METRIC_MINERAL] = LODE_ITEM_FIELD (LodeTarget, metric_mineral, lode_target_set_metric_mineral),
  [PROP_METRIC_DESTINATION] = LODE_ITEM_FIELD (LodeTarget, metric_destination, lode_target_set_metric_destination),
  [PROP_METRIC_INVESTMENT] = LODE_ITEM_FIELD (LodeTarget, metric_investment, lode_target_set_metric_investment),
  [PROP_METRIC_INVESTOR_COUNTRY] = LODE_ITEM_FIELD (LodeTarget, metric_investor_country, lode_target_set_metric_investor_country),
  [PROP_BASELINE_YEAR] = LODE_ITEM_FIELD (LodeTarget, baseline_year, lode_target_set_baseline_year),
  [PROP_BASELINE_VALUE] = LODE_ITEM_FIELD (LodeTarget, baseline_value, lode_target_set_baseline_value),
  [PROP_TARGET_YEAR] = LODE_ITEM_FIELD (LodeTarget, target_year, lode_target_set_target_year),
  [PROP_TARGET_LOW] = LODE_ITEM_FIELD (LodeTarget, target_low, lode_target_set_target_low),
  [PROP_TARGET_HIGH] = LODE_ITEM_FIELD (LodeTarget, target_high, lode_target_set_target_high),
  [PROP_SOURCE] = LODE_ITEM_FIELD (LodeTarget, source, lode_target_set_source),
  [PROP_PERIOD] = LODE_ITEM_FIELD (LodeTarget, period, lode_target_set_period),
};

static void
set_money (LodeTarget *self,
           LodeMoney   value,
           guint       prop_id)
{
  g_return_if_fail (value >= LODE_MONEY_UNSET && value <= LODE_MONEY_MAX);

  lode_item_set_int64 (LODE_ITEM (self), prop_id, value);
}

static void
set_year (LodeTarget *self,
          int         value,
          guint       prop_id)
{
  g_return_if_fail (value >= 0);

  lode_item_set_int (LODE_ITEM (self), prop_id, value);
}

static void
lode_target_finalize (GObject *object)
{
  LodeTarget *self = (LodeTarget *)object;

  for (guint i = 0; i < N_EXTRAS; i++)
    g_clear_pointer (&self->extra[i], json_object_unref);

  G_OBJECT_CLASS (lode_target_parent_class)->finalize (object);
}

static void
lode_target_class_init (LodeTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lode_target_finalize;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_METRIC_KIND] =
    g_param_spec_enum ("metric-kind", NULL, NULL,
                       LODE_TYPE_METRIC_KIND, LODE_METRIC_KIND_EXPORTS, flags);
  properties[PROP_METRIC_MINERAL] =
    g_param_spec_string ("metric-mineral", NULL, NULL, NULL, flags);
  properties[PROP_METRIC_DESTINATION] =
    g_param_spec_string ("metric-destination", NULL, NULL, NULL, flags);
  properties[PROP_METRIC_INVESTMENT] =
    g_param_spec_enum ("metric-investment", NULL, NULL,
                       LODE_TYPE_INVESTMENT_KIND, LODE_INVESTMENT_KIND_COMMITTED, flags);
  properties[PROP_METRIC_INVESTOR_COUNTRY] =
    g_param_spec_string ("metric-investor-country", NULL, NULL, NULL, flags);
  properties[PROP_BASELINE_YEAR] =
    g_param_spec_int ("baseline-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_BASELINE_VALUE] =
    g_param_spec_int64 ("baseline-value", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET, flags);
  properties[PROP_TARGET_YEAR] =
    g_param_spec_int ("target-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TARGET_LOW] =
    g_param_spec_int64 ("target-low", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET, flags);
  properties[PROP_TARGET_HIGH] =
    g_param_spec_int64 ("target-high", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  properties[PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL,
                       LODE_TYPE_PERIOD_KIND, LODE_PERIOD_KIND_UNKNOWN, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
}

static void
lode_target_init (LodeTarget *self)
{
  self->metric_kind = LODE_METRIC_KIND_EXPORTS;
  self->metric_investment = LODE_INVESTMENT_KIND_COMMITTED;
  self->baseline_value = LODE_MONEY_UNSET;
  self->target_low = LODE_MONEY_UNSET;
  self->target_high = LODE_MONEY_UNSET;
}

LodeTarget *
lode_target_new (const char *id,
                 const char *title)
{
  return g_object_new (LODE_TYPE_TARGET,
                       "id", id,
                       "title", title,
                       NULL);
}

const char *
lode_target_get_id (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), NULL);

  return self->id;
}

void
lode_target_set_id (LodeTarget *self,
                    const char *id)
{
  g_return_if_fail (LODE_IS_TARGET (self));
  g_return_if_fail (id == NULL || *id == '\0' || lode_rule_slug (id, NULL));

  lode_item_set_string (LODE_ITEM (self), PROP_ID, id);
}

const char *
lode_target_get_title (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), NULL);

  return self->title;
}

void
lode_target_set_title (LodeTarget *self,
                       const char *title)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  lode_item_set_string (LODE_ITEM (self), PROP_TITLE, title);
}

LodeMetricKind
lode_target_get_metric_kind (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), LODE_METRIC_KIND_EXPORTS);

  return self->metric_kind;
}

void
lode_target_set_metric_kind (LodeTarget     *self,
                             LodeMetricKind  kind)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  lode_item_set_int (LODE_ITEM (self), PROP_METRIC_KIND, kind);
}

const char *
lode_target_get_metric_mineral (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), NULL);

  return self->metric_mineral;
}

void
lode_target_set_metric_mineral (LodeTarget *self,
                                const char *mineral)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  lode_item_set_string (LODE_ITEM (self), PROP_METRIC_MINERAL, mineral);
}

const char *
lode_target_get_metric_destination (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), NULL);

  return self->metric_destination;
}

void
lode_target_set_metric_destination (LodeTarget *self,
                                    const char *destination)
{
  g_return_if_fail (LODE_IS_TARGET (self));
  g_return_if_fail (destination == NULL || lode_rule_country_code (destination, NULL));

  lode_item_set_string (LODE_ITEM (self), PROP_METRIC_DESTINATION, destination);
}

LodeInvestmentKind
lode_target_get_metric_investment (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), LODE_INVESTMENT_KIND_COMMITTED);

  return self->metric_investment;
}

/* Only commitments and disbursements make a target: an announcement
 * promises nothing and a withdrawal is a commitment taken back. */
void
lode_target_set_metric_investment (LodeTarget         *self,
                                   LodeInvestmentKind  kind)
{
  g_return_if_fail (LODE_IS_TARGET (self));
  g_return_if_fail (kind == LODE_INVESTMENT_KIND_COMMITTED ||
                    kind == LODE_INVESTMENT_KIND_DISBURSED);

  lode_item_set_int (LODE_ITEM (self), PROP_METRIC_INVESTMENT, kind);
}

const char *
lode_target_get_metric_investor_country (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), NULL);

  return self->metric_investor_country;
}

void
lode_target_set_metric_investor_country (LodeTarget *self,
                                         const char *country)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  lode_item_set_string (LODE_ITEM (self), PROP_METRIC_INVESTOR_COUNTRY, country);
}

int
lode_target_get_baseline_year (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), 0);

  return self->baseline_year;
}

void
lode_target_set_baseline_year (LodeTarget *self,
                               int         year)
{
  g_return_if_fail (LODE_IS_TARGET (self));
  g_return_if_fail (year == 0 || lode_rule_year (year, NULL));

  set_year (self, year, PROP_BASELINE_YEAR);
}

LodeMoney
lode_target_get_baseline_value (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), LODE_MONEY_UNSET);

  return self->baseline_value;
}

void
lode_target_set_baseline_value (LodeTarget *self,
                                LodeMoney   value)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  set_money (self, value, PROP_BASELINE_VALUE);
}

int
lode_target_get_target_year (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), 0);

  return self->target_year;
}

void
lode_target_set_target_year (LodeTarget *self,
                             int         year)
{
  g_return_if_fail (LODE_IS_TARGET (self));
  g_return_if_fail (year == 0 || lode_rule_year (year, NULL));

  set_year (self, year, PROP_TARGET_YEAR);
}

LodeMoney
lode_target_get_target_low (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), LODE_MONEY_UNSET);

  return self->target_low;
}

void
lode_target_set_target_low (LodeTarget *self,
                            LodeMoney   low)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  set_money (self, low, PROP_TARGET_LOW);
}

LodeMoney
lode_target_get_target_high (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), LODE_MONEY_UNSET);

  return self->target_high;
}

void
lode_target_set_target_high (LodeTarget *self,
                             LodeMoney   high)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  set_money (self, high, PROP_TARGET_HIGH);
}

LodePeriodKind
lode_target_get_period (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), LODE_PERIOD_KIND_UNKNOWN);

  return self->period;
}

void
lode_target_set_period (LodeTarget     *self,
                        LodePeriodKind  period)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  lode_item_set_int (LODE_ITEM (self), PROP_PERIOD, period);
}

const char *
lode_target_get_source (LodeTarget *self)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), NULL);

  return self->source;
}

void
lode_target_set_source (LodeTarget *self,
                        const char *source)
{
  g_return_if_fail (LODE_IS_TARGET (self));

  lode_item_set_string (LODE_ITEM (self), PROP_SOURCE, source);
}

gboolean
lode_target_required_growth (LodeTarget *self,
                             gboolean    high,
                             double     *rate)
{
  LodeMoney value;
  int years;

  g_return_val_if_fail (LODE_IS_TARGET (self), FALSE);

  value = high ? self->target_high : self->target_low;
  years = self->target_year - self->baseline_year;

  if (self->baseline_value <= 0 || value == LODE_MONEY_UNSET || years <= 0 ||
      self->baseline_year <= 0)
    return FALSE;

  if (rate != NULL)
    *rate = pow ((double) value / (double) self->baseline_value, 1.0 / years) - 1.0;

  return TRUE;
}

/* Returns: (transfer none) (nullable): members Lode does not know, of the
 * target itself or of its "metric", "baseline" or "target" object. */
JsonObject *
lode_target_get_extra (LodeTarget      *self,
                       LodeTargetExtra  where)
{
  g_return_val_if_fail (LODE_IS_TARGET (self), NULL);
  g_return_val_if_fail ((guint) where < N_EXTRAS, NULL);

  return self->extra[where];
}

void
lode_target_set_extra (LodeTarget      *self,
                       LodeTargetExtra  where,
                       JsonObject      *extra)
{
  g_return_if_fail (LODE_IS_TARGET (self));
  g_return_if_fail ((guint) where < N_EXTRAS);

  lode_item_store_json (&self->extra[where], extra);
}
