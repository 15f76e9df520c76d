/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-investment.h"
#include "lode-rules.h"

struct _LodeInvestment
{
  GObject             parent_instance;

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
  JsonObject         *extra;
};

G_DEFINE_FINAL_TYPE (LodeInvestment, lode_investment, G_TYPE_OBJECT)

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

/* Stores a copy of @value in @field, an empty vector as NULL. Returns
 * whether the field changed. */
static gboolean
set_strv (char               ***field,
          const char * const   *value)
{
  char **copy;

  if (value != NULL && value[0] == NULL)
    value = NULL;

  if (*field == NULL && value == NULL)
    return FALSE;

  if (*field != NULL && value != NULL &&
      g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  copy = g_strdupv ((char **) value);
  g_strfreev (*field);
  *field = copy;

  return TRUE;
}

static void
lode_investment_finalize (GObject *object)
{
  LodeInvestment *self = (LodeInvestment *)object;

  g_clear_pointer (&self->project, g_free);
  g_clear_pointer (&self->investor, g_free);
  g_clear_pointer (&self->investor_country, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->minerals, g_strfreev);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->original_currency, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_investment_parent_class)->finalize (object);
}

static void
lode_investment_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LodeInvestment *self = LODE_INVESTMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_string (value, self->project);
      break;

    case PROP_INVESTOR:
      g_value_set_string (value, self->investor);
      break;

    case PROP_INVESTOR_COUNTRY:
      g_value_set_string (value, self->investor_country);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_MINERALS:
      g_value_set_boxed (value, self->minerals);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_ORIGINAL_CURRENCY:
      g_value_set_string (value, self->original_currency);
      break;

    case PROP_ORIGINAL_AMOUNT:
      g_value_set_int64 (value, self->original_amount);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_investment_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LodeInvestment *self = LODE_INVESTMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      lode_investment_set_project (self, g_value_get_string (value));
      break;

    case PROP_INVESTOR:
      lode_investment_set_investor (self, g_value_get_string (value));
      break;

    case PROP_INVESTOR_COUNTRY:
      lode_investment_set_investor_country (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      lode_investment_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_VALUE:
      lode_investment_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      lode_investment_set_date (self, g_value_get_string (value));
      break;

    case PROP_MINERALS:
      lode_investment_set_minerals (self, g_value_get_boxed (value));
      break;

    case PROP_SOURCE:
      lode_investment_set_source (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      lode_investment_set_note (self, g_value_get_string (value));
      break;

    case PROP_ORIGINAL_CURRENCY:
      lode_investment_set_original (self, g_value_get_string (value), self->original_amount);
      break;

    case PROP_ORIGINAL_AMOUNT:
      lode_investment_set_original (self, self->original_currency, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_investment_class_init (LodeInvestmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lode_investment_finalize;
  object_class->get_property = lode_investment_get_property;
  object_class->set_property = lode_investment_set_property;

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  if (set_string (&self->project, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
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

  if (set_string (&self->investor, investor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTOR]);
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

  if (set_string (&self->investor_country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVESTOR_COUNTRY]);
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

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
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

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
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

  if (set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
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

  if (set_strv (&self->minerals, minerals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINERALS]);
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

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
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

  if (set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_investment_get_extra (LodeInvestment *self)
{
  g_return_val_if_fail (LODE_IS_INVESTMENT (self), NULL);

  return self->extra;
}

void
lode_investment_set_extra (LodeInvestment *self,
                           JsonObject     *extra)
{
  g_return_if_fail (LODE_IS_INVESTMENT (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
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
  lode_investment_set_extra (copy, self->extra);

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
  gboolean currency_changed;

  g_return_if_fail (LODE_IS_INVESTMENT (self));
  g_return_if_fail (amount >= 0 && amount <= LODE_MONEY_MAX);

  g_object_freeze_notify (G_OBJECT (self));
  currency_changed = set_string (&self->original_currency, currency);
  if (currency_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGINAL_CURRENCY]);
  if (self->original_amount != amount)
    {
      self->original_amount = amount;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGINAL_AMOUNT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
