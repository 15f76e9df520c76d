/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-exchange-rate.h"
#include "lode-rules.h"

struct _LodeExchangeRate
{
  LodeItem        parent_instance;

  char           *currency;
  int             year;
  int             month;
  LodePeriodKind  period;
  LodeRate        rate;
  char           *source;
  char           *note;
};

G_DEFINE_FINAL_TYPE (LodeExchangeRate, lode_exchange_rate, LODE_TYPE_ITEM)

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

static const LodeItemField fields[N_PROPS] = {
  [PROP_CURRENCY] = LODE_ITEM_FIELD (LodeExchangeRate, currency, lode_exchange_rate_set_currency),
  [PROP_YEAR] = LODE_ITEM_FIELD (LodeExchangeRate, year, lode_exchange_rate_set_year),
  [PROP_MONTH] = LODE_ITEM_FIELD (LodeExchangeRate, month, lode_exchange_rate_set_month),
  [PROP_PERIOD] = LODE_ITEM_FIELD (LodeExchangeRate, period, lode_exchange_rate_set_period),
  [PROP_RATE] = LODE_ITEM_FIELD (LodeExchangeRate, rate, lode_exchange_rate_set_rate),
  [PROP_SOURCE] = LODE_ITEM_FIELD (LodeExchangeRate, source, lode_exchange_rate_set_source),
  [PROP_NOTE] = LODE_ITEM_FIELD (LodeExchangeRate, note, lode_exchange_rate_set_note),
};

static void
lode_exchange_rate_class_init (LodeExchangeRateClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_MONTH] = g_param_spec_int ("month", NULL, NULL, 0, 12, 0, flags);
  properties[PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL, LODE_TYPE_PERIOD_KIND, LODE_PERIOD_KIND_UNKNOWN, flags);
  properties[PROP_RATE] =
    g_param_spec_int64 ("rate", NULL, NULL, 1, LODE_RATE_MAX, LODE_RATE_SCALE, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
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

  lode_item_set_string (LODE_ITEM (self), PROP_CURRENCY, currency);
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

  lode_item_set_int (LODE_ITEM (self), PROP_YEAR, year);
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

  lode_item_set_int (LODE_ITEM (self), PROP_MONTH, month);
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

  lode_item_set_int (LODE_ITEM (self), PROP_PERIOD, period);
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

  lode_item_set_int64 (LODE_ITEM (self), PROP_RATE, rate);
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

  lode_item_set_string (LODE_ITEM (self), PROP_SOURCE, source);
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

  lode_item_set_string (LODE_ITEM (self), PROP_NOTE, note);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_exchange_rate_get_extra (LodeExchangeRate *self)
{
  g_return_val_if_fail (LODE_IS_EXCHANGE_RATE (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_exchange_rate_set_extra (LodeExchangeRate *self,
                              JsonObject       *extra)
{
  g_return_if_fail (LODE_IS_EXCHANGE_RATE (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
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
  lode_exchange_rate_set_extra (copy, lode_exchange_rate_get_extra (self));

  return copy;
}
