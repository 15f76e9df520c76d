/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-exchange-rate.h"
#include "lode-rules.h"

struct _LodeExchangeRate
{
  GObject         parent_instance;

  char           *currency;
  int             year;
  int             month;
  LodePeriodKind  period;
  LodeRate        rate;
  char           *source;
  char           *note;
  JsonObject     *extra;
};

G_DEFINE_FINAL_TYPE (LodeExchangeRate, lode_exchange_rate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENCY,
  PROP_YEAR,
  PROP_MONTH,
  PROP_PERIOD,
  PROP_RATE,
  PROP_SOURCE,
  PROP_NOTE,
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
lode_exchange_rate_finalize (GObject *object)
{
  LodeExchangeRate *self = (LodeExchangeRate *)object;

  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_exchange_rate_parent_class)->finalize (object);
}

static void
lode_exchange_rate_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LodeExchangeRate *self = LODE_EXCHANGE_RATE (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;

    case PROP_PERIOD:
      g_value_set_enum (value, self->period);
      break;

    case PROP_RATE:
      g_value_set_int64 (value, self->rate);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_exchange_rate_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LodeExchangeRate *self = LODE_EXCHANGE_RATE (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      lode_exchange_rate_set_currency (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      lode_exchange_rate_set_year (self, g_value_get_int (value));
      break;

    case PROP_MONTH:
      lode_exchange_rate_set_month (self, g_value_get_int (value));
      break;

    case PROP_PERIOD:
      lode_exchange_rate_set_period (self, g_value_get_enum (value));
      break;

    case PROP_RATE:
      lode_exchange_rate_set_rate (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE:
      lode_exchange_rate_set_source (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      lode_exchange_rate_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_exchange_rate_class_init (LodeExchangeRateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lode_exchange_rate_finalize;
  object_class->get_property = lode_exchange_rate_get_property;
  object_class->set_property = lode_exchange_rate_set_property;

  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_MONTH] = g_param_spec_int ("month", NULL, NULL, 0, 12, 0, flags);
  properties[PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL, LODE_TYPE_PERIOD_KIND, LODE_PERIOD_KIND_UNKNOWN, flags);
  properties[PROP_RATE] =
    g_param_spec_int64 ("rate", NULL, NULL, 1, LODE_RATE_MAX, LODE_RATE_SCALE, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_exchange_rate_init (LodeExchangeRate *self)
{
  /* The model holds only rates the reader accepts: one unit a dollar
   * until told otherwise. */
  self->rate = LODE_RATE_SCALE;
}

LodeExchangeRate *
lode_exchange_rate_new (const char *currency,
                        int         year,
                        LodeRate    rate)
{
  return g_object_new (LODE_TYPE_EXCHANGE_RATE,
                       "currency", currency,
                       "year", year,
                       "rate", rate,
                       NULL);
}

const char *
lode_exchange_rate_get_currency (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), NULL);

  return self->currency;
}

void
lode_exchange_rate_set_currency (LodeExchangeRate *self,
                                 const char       *currency)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));
  g_return_if_fail (currency == NULL || lode_rule_rate_currency (currency, NULL));

  if (set_string (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

int
lode_exchange_rate_get_year (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), 0);

  return self->year;
}

void
lode_exchange_rate_set_year (LodeExchangeRate *self,
                             int               year)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));
  g_return_if_fail (year == 0 || lode_rule_year (year, NULL));

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
lode_exchange_rate_get_month (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), 0);

  return self->month;
}

void
lode_exchange_rate_set_month (LodeExchangeRate *self,
                              int               month)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));
  g_return_if_fail (month == 0 || lode_rule_month (month, NULL));
  /* A fiscal year's rate has no month (the reader refuses one). */
  g_return_if_fail (month == 0 || self->period == LODE_PERIOD_KIND_UNKNOWN);

  if (self->month == month)
    return;

  self->month = month;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

LodePeriodKind
lode_exchange_rate_get_period (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), LODE_PERIOD_KIND_UNKNOWN);

  return self->period;
}

void
lode_exchange_rate_set_period (LodeExchangeRate *self,
                               LodePeriodKind    period)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));
  g_return_if_fail (period == LODE_PERIOD_KIND_UNKNOWN || self->month == 0);

  if (self->period == period)
    return;

  self->period = period;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

LodeRate
lode_exchange_rate_get_rate (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), 0);

  return self->rate;
}

void
lode_exchange_rate_set_rate (LodeExchangeRate *self,
                             LodeRate          rate)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));
  g_return_if_fail (lode_rule_rate (rate, NULL));

  if (self->rate == rate)
    return;

  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

const char *
lode_exchange_rate_get_source (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), NULL);

  return self->source;
}

void
lode_exchange_rate_set_source (LodeExchangeRate *self,
                               const char       *source)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char *
lode_exchange_rate_get_note (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), NULL);

  return self->note;
}

void
lode_exchange_rate_set_note (LodeExchangeRate *self,
                             const char       *note)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));

  if (set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_exchange_rate_get_extra (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), NULL);

  return self->extra;
}

void
lode_exchange_rate_set_extra (LodeExchangeRate *self,
                              JsonObject       *extra)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

/* Returns: (transfer full): a new rate with the values of @self. */
LodeExchangeRate *
lode_exchange_rate_copy (LodeExchangeRate *self)
{
  LodeExchangeRate *copy;

  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), NULL);

  copy = lode_exchange_rate_new (self->currency, self->year, self->rate);
  lode_exchange_rate_set_month (copy, self->month);
  lode_exchange_rate_set_period (copy, self->period);
  lode_exchange_rate_set_source (copy, self->source);
  lode_exchange_rate_set_note (copy, self->note);
  lode_exchange_rate_set_extra (copy, self->extra);

  return copy;
}
