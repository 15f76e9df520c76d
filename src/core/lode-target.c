/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "lode-enum-types.h"
#include "lode-target.h"
#include "lode-rules.h"

#define N_EXTRAS (LODE_TARGET_EXTRA_TARGET + 1)

struct _LodeTarget
{
  GObject         parent_instance;

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

G_DEFINE_FINAL_TYPE (LodeTarget, lode_target, G_TYPE_OBJECT)

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

static gboolean
set_string (char       **field,
            const char  *value)
{
  char *copy;

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}

static void
set_money (LodeTarget *self,
           LodeMoney  *field,
           LodeMoney   value,
           guint       prop_id)
{
  g_return_if_fail (value >= LODE_MONEY_UNSET && value <= LODE_MONEY_MAX);

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_year (LodeTarget *self,
          int        *field,
          int         value,
          guint       prop_id)
{
  g_return_if_fail (value >= 0);

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
lode_target_finalize (GObject *object)
{
  LodeTarget *self = (LodeTarget *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->metric_mineral, g_free);
  g_clear_pointer (&self->metric_destination, g_free);
  g_clear_pointer (&self->metric_investor_country, g_free);
  g_clear_pointer (&self->source, g_free);

  for (guint i = 0; i < N_EXTRAS; i++)
    g_clear_pointer (&self->extra[i], json_object_unref);

  G_OBJECT_CLASS (lode_target_parent_class)->finalize (object);
}

static void
lode_target_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LodeTarget *self = LODE_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_METRIC_KIND:
      g_value_set_enum (value, self->metric_kind);
      break;

    case PROP_METRIC_MINERAL:
      g_value_set_string (value, self->metric_mineral);
      break;

    case PROP_METRIC_DESTINATION:
      g_value_set_string (value, self->metric_destination);
      break;

    case PROP_METRIC_INVESTMENT:
      g_value_set_enum (value, self->metric_investment);
      break;

    case PROP_METRIC_INVESTOR_COUNTRY:
      g_value_set_string (value, self->metric_investor_country);
      break;

    case PROP_BASELINE_YEAR:
      g_value_set_int (value, self->baseline_year);
      break;

    case PROP_BASELINE_VALUE:
      g_value_set_int64 (value, self->baseline_value);
      break;

    case PROP_TARGET_YEAR:
      g_value_set_int (value, self->target_year);
      break;

    case PROP_TARGET_LOW:
      g_value_set_int64 (value, self->target_low);
      break;

    case PROP_TARGET_HIGH:
      g_value_set_int64 (value, self->target_high);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_PERIOD:
      g_value_set_enum (value, self->period);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_target_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LodeTarget *self = LODE_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:
      lode_target_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      lode_target_set_title (self, g_value_get_string (value));
      break;

    case PROP_METRIC_KIND:
      lode_target_set_metric_kind (self, g_value_get_enum (value));
      break;

    case PROP_METRIC_MINERAL:
      lode_target_set_metric_mineral (self, g_value_get_string (value));
      break;

    case PROP_METRIC_DESTINATION:
      lode_target_set_metric_destination (self, g_value_get_string (value));
      break;

    case PROP_METRIC_INVESTMENT:
      lode_target_set_metric_investment (self, g_value_get_enum (value));
      break;

    case PROP_METRIC_INVESTOR_COUNTRY:
      lode_target_set_metric_investor_country (self, g_value_get_string (value));
      break;

    case PROP_BASELINE_YEAR:
      lode_target_set_baseline_year (self, g_value_get_int (value));
      break;

    case PROP_BASELINE_VALUE:
      lode_target_set_baseline_value (self, g_value_get_int64 (value));
      break;

    case PROP_TARGET_YEAR:
      lode_target_set_target_year (self, g_value_get_int (value));
      break;

    case PROP_TARGET_LOW:
      lode_target_set_target_low (self, g_value_get_int64 (value));
      break;

    case PROP_TARGET_HIGH:
      lode_target_set_target_high (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE:
      lode_target_set_source (self, g_value_get_string (value));
      break;

    case PROP_PERIOD:
      lode_target_set_period (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_target_class_init (LodeTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_target_finalize;
  object_class->get_property = lode_target_get_property;
  object_class->set_property = lode_target_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC_KIND] =
    g_param_spec_enum ("metric-kind", NULL, NULL,
                       LODE_TYPE_METRIC_KIND,
                       LODE_METRIC_KIND_EXPORTS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC_MINERAL] =
    g_param_spec_string ("metric-mineral", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC_DESTINATION] =
    g_param_spec_string ("metric-destination", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC_INVESTMENT] =
    g_param_spec_enum ("metric-investment", NULL, NULL,
                       LODE_TYPE_INVESTMENT_KIND,
                       LODE_INVESTMENT_KIND_COMMITTED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC_INVESTOR_COUNTRY] =
    g_param_spec_string ("metric-investor-country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASELINE_YEAR] =
    g_param_spec_int ("baseline-year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASELINE_VALUE] =
    g_param_spec_int64 ("baseline-value", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_YEAR] =
    g_param_spec_int ("target-year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_LOW] =
    g_param_spec_int64 ("target-low", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_HIGH] =
    g_param_spec_int64 ("target-high", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL,
                       LODE_TYPE_PERIOD_KIND, LODE_PERIOD_KIND_UNKNOWN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  if (set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
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

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
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

  if (self->metric_kind == kind)
    return;

  self->metric_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC_KIND]);
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

  if (set_string (&self->metric_mineral, mineral))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC_MINERAL]);
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

  if (set_string (&self->metric_destination, destination))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC_DESTINATION]);
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

  if (self->metric_investment == kind)
    return;

  self->metric_investment = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC_INVESTMENT]);
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

  if (set_string (&self->metric_investor_country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC_INVESTOR_COUNTRY]);
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

  set_year (self, &self->baseline_year, year, PROP_BASELINE_YEAR);
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

  set_money (self, &self->baseline_value, value, PROP_BASELINE_VALUE);
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

  set_year (self, &self->target_year, year, PROP_TARGET_YEAR);
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

  set_money (self, &self->target_low, low, PROP_TARGET_LOW);
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

  set_money (self, &self->target_high, high, PROP_TARGET_HIGH);
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

  if (self->period == period)
    return;

  self->period = period;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
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

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
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

  if (extra == self->extra[where])
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra[where], json_object_unref);
  self->extra[where] = extra;
}
