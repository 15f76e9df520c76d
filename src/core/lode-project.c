/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-project.h"
#include "lode-rules.h"

struct _LodeProject
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  char             **minerals;
  char              *region;
  char              *operator_;
  LodeProjectStatus  status;
  GListStore        *partners;
  LodeMoney          committed;
  LodeMoney          disbursed;
  int                start_year;
  gint64             jobs;
  char              *source;
  JsonObject        *extra;
  JsonObject        *investment_extra;
};

G_DEFINE_FINAL_TYPE (LodeProject, lode_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MINERALS,
  PROP_REGION,
  PROP_OPERATOR,
  PROP_STATUS,
  PROP_PARTNERS,
  PROP_COMMITTED,
  PROP_DISBURSED,
  PROP_START_YEAR,
  PROP_JOBS,
  PROP_SOURCE,
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

/* A partner in the list changed: whoever watches the project sees it as a
 * change of the project's partners. */
static void
on_partner_notify (LodeProject *self,
                   GParamSpec  *pspec,
                   LodePartner *partner)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNERS]);
}

static gboolean
has_partner (LodeProject *self,
             LodePartner *partner)
{
  return g_list_store_find (self->partners, partner, NULL);
}

static void
lode_project_dispose (GObject *object)
{
  LodeProject *self = (LodeProject *)object;

  if (self->partners != NULL)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->partners));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(LodePartner) partner = g_list_model_get_item (G_LIST_MODEL (self->partners), i);

          g_signal_handlers_disconnect_by_func (partner, on_partner_notify, self);
        }
    }

  g_clear_object (&self->partners);

  G_OBJECT_CLASS (lode_project_parent_class)->dispose (object);
}

static void
lode_project_finalize (GObject *object)
{
  LodeProject *self = (LodeProject *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->minerals, g_strfreev);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->operator_, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->investment_extra, json_object_unref);

  G_OBJECT_CLASS (lode_project_parent_class)->finalize (object);
}

static void
lode_project_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LodeProject *self = LODE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MINERALS:
      g_value_set_boxed (value, self->minerals);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_OPERATOR:
      g_value_set_string (value, self->operator_);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PARTNERS:
      g_value_set_object (value, self->partners);
      break;

    case PROP_COMMITTED:
      g_value_set_int64 (value, self->committed);
      break;

    case PROP_DISBURSED:
      g_value_set_int64 (value, self->disbursed);
      break;

    case PROP_START_YEAR:
      g_value_set_int (value, self->start_year);
      break;

    case PROP_JOBS:
      g_value_set_int64 (value, self->jobs);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_project_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LodeProject *self = LODE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      lode_project_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      lode_project_set_name (self, g_value_get_string (value));
      break;

    case PROP_MINERALS:
      lode_project_set_minerals (self, g_value_get_boxed (value));
      break;

    case PROP_REGION:
      lode_project_set_region (self, g_value_get_string (value));
      break;

    case PROP_OPERATOR:
      lode_project_set_operator (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      lode_project_set_status (self, g_value_get_enum (value));
      break;

    case PROP_COMMITTED:
      lode_project_set_committed (self, g_value_get_int64 (value));
      break;

    case PROP_DISBURSED:
      lode_project_set_disbursed (self, g_value_get_int64 (value));
      break;

    case PROP_START_YEAR:
      lode_project_set_start_year (self, g_value_get_int (value));
      break;

    case PROP_JOBS:
      lode_project_set_jobs (self, g_value_get_int64 (value));
      break;

    case PROP_SOURCE:
      lode_project_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_project_class_init (LodeProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lode_project_dispose;
  object_class->finalize = lode_project_finalize;
  object_class->get_property = lode_project_get_property;
  object_class->set_property = lode_project_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MINERALS] =
    g_param_spec_boxed ("minerals", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LODE_TYPE_PROJECT_STATUS,
                       LODE_PROJECT_STATUS_UNKNOWN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Notified when a partner is added or removed, or one of them changes. */
  properties[PROP_PARTNERS] =
    g_param_spec_object ("partners", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMMITTED] =
    g_param_spec_int64 ("committed", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISBURSED] =
    g_param_spec_int64 ("disbursed", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START_YEAR] =
    g_param_spec_int ("start-year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_JOBS] =
    g_param_spec_int64 ("jobs", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lode_project_init (LodeProject *self)
{
  self->status = LODE_PROJECT_STATUS_UNKNOWN;
  self->partners = g_list_store_new (LODE_TYPE_PARTNER);
  self->committed = LODE_MONEY_UNSET;
  self->disbursed = LODE_MONEY_UNSET;
  self->jobs = -1;
}

LodeProject *
lode_project_new (const char *id,
                  const char *name)
{
  return g_object_new (LODE_TYPE_PROJECT,
                       "id", id,
                       "name", name,
                       NULL);
}

const char *
lode_project_get_id (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return self->id;
}

void
lode_project_set_id (LodeProject *self,
                     const char  *id)
{
  g_return_if_fail (LODE_IS_PROJECT (self));
  g_return_if_fail (id == NULL || *id == '\0' || lode_rule_slug (id, NULL));

  if (set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
lode_project_get_name (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return self->name;
}

void
lode_project_set_name (LodeProject *self,
                       const char  *name)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char * const *
lode_project_get_minerals (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return (const char * const *) self->minerals;
}

void
lode_project_set_minerals (LodeProject        *self,
                           const char * const *minerals)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (set_strv (&self->minerals, minerals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINERALS]);
}

const char *
lode_project_get_region (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return self->region;
}

void
lode_project_set_region (LodeProject *self,
                         const char  *region)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (set_string (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

const char *
lode_project_get_operator (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return self->operator_;
}

void
lode_project_set_operator (LodeProject *self,
                           const char  *operator_)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (set_string (&self->operator_, operator_))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

LodeProjectStatus
lode_project_get_status (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), LODE_PROJECT_STATUS_UNKNOWN);

  return self->status;
}

void
lode_project_set_status (LodeProject       *self,
                         LodeProjectStatus  status)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* Returns: (transfer none): a GListModel of LodePartner. */
GListModel *
lode_project_get_partners (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->partners);
}

void
lode_project_add_partner (LodeProject *self,
                          LodePartner *partner)
{
  g_return_if_fail (LODE_IS_PROJECT (self));
  g_return_if_fail (LODE_IS_PARTNER (partner));

  /* One handler per partner, however often it is listed. */
  if (!has_partner (self, partner))
    g_signal_connect_object (partner, "notify",
                             G_CALLBACK (on_partner_notify), self,
                             G_CONNECT_SWAPPED);

  g_list_store_append (self->partners, partner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNERS]);
}

void
lode_project_remove_partner (LodeProject *self,
                             guint        position)
{
  g_autoptr(LodePartner) partner = NULL;

  g_return_if_fail (LODE_IS_PROJECT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->partners)));

  partner = g_list_model_get_item (G_LIST_MODEL (self->partners), position);
  g_list_store_remove (self->partners, position);

  if (!has_partner (self, partner))
    g_signal_handlers_disconnect_by_func (partner, on_partner_notify, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNERS]);
}

LodeMoney
lode_project_get_committed (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), LODE_MONEY_UNSET);

  return self->committed;
}

void
lode_project_set_committed (LodeProject *self,
                            LodeMoney    committed)
{
  g_return_if_fail (LODE_IS_PROJECT (self));
  g_return_if_fail (committed >= LODE_MONEY_UNSET && committed <= LODE_MONEY_MAX);

  if (self->committed == committed)
    return;

  self->committed = committed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTED]);
}

LodeMoney
lode_project_get_disbursed (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), LODE_MONEY_UNSET);

  return self->disbursed;
}

void
lode_project_set_disbursed (LodeProject *self,
                            LodeMoney    disbursed)
{
  g_return_if_fail (LODE_IS_PROJECT (self));
  g_return_if_fail (disbursed >= LODE_MONEY_UNSET && disbursed <= LODE_MONEY_MAX);

  if (self->disbursed == disbursed)
    return;

  self->disbursed = disbursed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISBURSED]);
}

int
lode_project_get_start_year (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), 0);

  return self->start_year;
}

void
lode_project_set_start_year (LodeProject *self,
                             int          start_year)
{
  g_return_if_fail (LODE_IS_PROJECT (self));
  g_return_if_fail (start_year == 0 || lode_rule_year (start_year, NULL));
  g_return_if_fail (start_year >= 0);

  if (self->start_year == start_year)
    return;

  self->start_year = start_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_YEAR]);
}

gint64
lode_project_get_jobs (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), -1);

  return self->jobs;
}

void
lode_project_set_jobs (LodeProject *self,
                       gint64       jobs)
{
  g_return_if_fail (LODE_IS_PROJECT (self));
  g_return_if_fail (jobs == -1 || lode_rule_jobs (jobs, NULL));
  g_return_if_fail (jobs >= -1);

  if (self->jobs == jobs)
    return;

  self->jobs = jobs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOBS]);
}

const char *
lode_project_get_source (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return self->source;
}

void
lode_project_set_source (LodeProject *self,
                         const char  *source)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_project_get_extra (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return self->extra;
}

void
lode_project_set_extra (LodeProject *self,
                        JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

/* Returns: (transfer none) (nullable): members of "investment_usd" Lode
 * does not know. */
JsonObject *
lode_project_get_investment_extra (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return self->investment_extra;
}

void
lode_project_set_investment_extra (LodeProject *self,
                                   JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  if (extra == self->investment_extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->investment_extra, json_object_unref);
  self->investment_extra = extra;
}
