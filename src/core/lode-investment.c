/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-investment.h"
#include "lode-rules.h"

struct _LodeInvestment
{
  LodeItem           parent_instance;

  char               *project;
  char               *investor;
  char               *investor_country;
  LodeInvestmentKind  kind;
  LodeMoney           value;
  char               *date;
  char              **minerals;
  char               *source;
  char               *note;
  char               *original_currency;
  LodeMoney           original_amount;
};

G_DEFINE_FINAL_TYPE (LodeInvestment, lode_investment, LODE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_INVESTOR,
  PROP_INVESTOR_COUNTRY,
  PROP_KIND,
  PROP_VALUE,
  PROP_DATE,
  PROP_MINERALS,
  PROP_SOURCE,
  PROP_NOTE,
  PROP_ORIGINAL_CURRENCY,
  PROP_ORIGINAL_AMOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The two halves of lode_investment_set_original(), for the properties. */
static void
set_original_currency (LodeInvestment *self,
                       const char     *currency)
{
  lode_investment_set_original (self, currency, self->original_amount);
}

static void
set_original_amount (LodeInvestment *self,
                     LodeMoney       amount)
{
  lode_investment_set_original (self, self->original_currency, amount);
}

static const LodeItemField fields[N_PROPS] = {
  [PROP_PROJECT] = LODE_ITEM_FIELD (LodeInvestment, project, lode_investment_set_project),
  [PROP_INVESTOR] = LODE_ITEM_FIELD (LodeInvestment, investor, lode_investment_set_investor),
  [PROP_INVESTOR_COUNTRY] = LODE_ITEM_FIELD (LodeInvestment, investor_country, lode_investment_set_investor_country),
  [PROP_KIND] = LODE_ITEM_FIELD (LodeInvestment, kind, lode_investment_set_kind),
  [PROP_VALUE] = LODE_ITEM_FIELD (LodeInvestment, value, lode_investment_set_value),
  [PROP_DATE] = LODE_ITEM_FIELD (LodeInvestment, date, lode_investment_set_date),
  [PROP_MINERALS] = LODE_ITEM_FIELD (LodeInvestment, minerals, lode_investment_set_minerals),
  [PROP_SOURCE] = LODE_ITEM_FIELD (LodeInvestment, source, lode_investment_set_source),
  [PROP_NOTE] = LODE_ITEM_FIELD (LodeInvestment, note, lode_investment_set_note),
  [PROP_ORIGINAL_CURRENCY] = LODE_ITEM_FIELD (LodeInvestment, original_currency, set_original_currency),
  [PROP_ORIGINAL_AMOUNT] = LODE_ITEM_FIELD (LodeInvestment, original_amount, set_original_amount),
};

static void
lode_investment_class_init (LodeInvestmentClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;


  properties[PROP_PROJECT] = g_param_spec_string ("project", NULL, NULL, NULL, flags);
  properties[PROP_INVESTOR] = g_param_spec_string ("investor", NULL, NULL, NULL, flags);
  properties[PROP_INVESTOR_COUNTRY] =
    g_param_spec_string ("investor-country", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LODE_TYPE_INVESTMENT_KIND, LODE_INVESTMENT_KIND_UNKNOWN, flags);
  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, 0, LODE_MONEY_MAX, 0, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_MINERALS] =
    g_param_spec_boxed ("minerals", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_ORIGINAL_CURRENCY] =
    g_param_spec_string ("original-currency", NULL, NULL, NULL, flags);
  properties[PROP_ORIGINAL_AMOUNT] =
    g_param_spec_int64 ("original-amount", NULL, NULL, 0, LODE_MONEY_MAX, 0, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
}

static void
lode_investment_init (LodeInvestment *self)
{
}

LodeInvestment *
lode_investment_new (LodeInvestmentKind  kind,
                     LodeMoney           value,
                     const char         *date)
{
  return g_object_new (LODE_TYPE_INVESTMENT,
                       "kind", kind,
                       "value", value,
                       "date", date,
                       NULL);
}

const char *
lode_investment_get_project (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->project;
}

void
lode_investment_set_project (LodeInvestment *self,
                             const char     *project)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_string (LODE_ITEM (self), PROP_PROJECT, project);
}

const char *
lode_investment_get_investor (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->investor;
}

void
lode_investment_set_investor (LodeInvestment *self,
                              const char     *investor)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_string (LODE_ITEM (self), PROP_INVESTOR, investor);
}

const char *
lode_investment_get_investor_country (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->investor_country;
}

void
lode_investment_set_investor_country (LodeInvestment *self,
                                      const char     *country)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_string (LODE_ITEM (self), PROP_INVESTOR_COUNTRY, country);
}

LodeInvestmentKind
lode_investment_get_kind (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), LODE_INVESTMENT_KIND_UNKNOWN);

  return self->kind;
}

void
lode_investment_set_kind (LodeInvestment     *self,
                          LodeInvestmentKind  kind)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));
  g_return_if_fail (kind >= LODE_INVESTMENT_KIND_UNKNOWN && kind < LODE_N_INVESTMENT_KINDS);

  lode_item_set_int (LODE_ITEM (self), PROP_KIND, kind);
}

LodeMoney
lode_investment_get_value (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), 0);

  return self->value;
}

void
lode_investment_set_value (LodeInvestment *self,
                           LodeMoney       value)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));
  g_return_if_fail (value >= 0 && value <= LODE_MONEY_MAX);

  lode_item_set_int64 (LODE_ITEM (self), PROP_VALUE, value);
}

const char *
lode_investment_get_date (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->date;
}

void
lode_investment_set_date (LodeInvestment *self,
                          const char     *date)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_string (LODE_ITEM (self), PROP_DATE, date);
}

/* The date starts with its four digits of year (lode_rule_date() made
 * sure of that on every way in); anything else counts as no year. */
int
lode_investment_get_year (LodeInvestment *self)
{
  int year = 0;

  g_return_val_if_fail (LODE_IS_INVESTMENT (self), 0);

  if (self->date == NULL)
    return 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (self->date[i]))
        return 0;
      year = year * 10 + (self->date[i] - '0');
    }

  return year;
}

const char * const *
lode_investment_get_minerals (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return (const char * const *) self->minerals;
}

void
lode_investment_set_minerals (LodeInvestment     *self,
                              const char * const *minerals)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_strv (LODE_ITEM (self), PROP_MINERALS, minerals);
}

const char *
lode_investment_get_source (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->source;
}

void
lode_investment_set_source (LodeInvestment *self,
                            const char     *source)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_string (LODE_ITEM (self), PROP_SOURCE, source);
}

const char *
lode_investment_get_note (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->note;
}

void
lode_investment_set_note (LodeInvestment *self,
                          const char     *note)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_string (LODE_ITEM (self), PROP_NOTE, note);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_investment_get_extra (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_investment_set_extra (LodeInvestment *self,
                           JsonObject     *extra)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
}

/* Returns: (transfer full): a new event with the values of @self. */
LodeInvestment *
lode_investment_copy (LodeInvestment *self)
{
  LodeInvestment *copy;

  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  copy = lode_investment_new (self->kind, self->value, self->date);
  lode_investment_set_project (copy, self->project);
  lode_investment_set_investor (copy, self->investor);
  lode_investment_set_investor_country (copy, self->investor_country);
  lode_investment_set_minerals (copy, (const char * const *) self->minerals);
  lode_investment_set_source (copy, self->source);
  lode_investment_set_note (copy, self->note);
  lode_investment_set_original (copy, self->original_currency, self->original_amount);
  lode_investment_set_extra (copy, lode_item_get_extra (LODE_ITEM (self)));

  return copy;
}

const char *
lode_investment_get_original_currency (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->original_currency;
}

LodeMoney
lode_investment_get_original_amount (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), 0);

  return self->original_amount;
}

void
lode_investment_set_original (LodeInvestment *self,
                              const char     *currency,
                              LodeMoney       amount)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));
  g_return_if_fail (amount >= 0 && amount <= LODE_MONEY_MAX);

  g_return_if_fail (currency == NULL || currency[0] == '\0' || lode_rule_currency_code (currency, NULL));

  g_object_freeze_notify (G_OBJECT (self));
  lode_item_set_string (LODE_ITEM (self), PROP_ORIGINAL_CURRENCY, currency);
  lode_item_set_int64 (LODE_ITEM (self), PROP_ORIGINAL_AMOUNT, amount);
  g_object_thaw_notify (G_OBJECT (self));
}
