/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-enum-types.h"
#include "lode-project.h"
#include "lode-rules.h"

struct _LodeProject
{
  LodeItem          parent_instance;

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
  JsonObject        *investment_extra;
};

G_DEFINE_FINAL_TYPE (LodeProject, lode_project, LODE_TYPE_ITEM)

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

static const LodeItemField fields[N_PROPS] = {
  [PROP_ID] = LODE_ITEM_FIELD (LodeProject, id, lode_project_set_id),
  [PROP_NAME] = LODE_ITEM_FIELD (LodeProject, name, lode_project_set_name),
  [PROP_MINERALS] = LODE_ITEM_FIELD (LodeProject, minerals, lode_project_set_minerals),
  [PROP_REGION] = LODE_ITEM_FIELD (LodeProject, region, lode_project_set_region),
  [PROP_OPERATOR] = LODE_ITEM_FIELD (LodeProject, operator_, lode_project_set_operator),
  [PROP_STATUS] = LODE_ITEM_FIELD (LodeProject, status, lode_project_set_status),
  [PROP_PARTNERS] = LODE_ITEM_FIELD (LodeProject, partners, NULL),
  [PROP_COMMITTED] = LODE_ITEM_FIELD (LodeProject, committed, lode_project_set_committed),
  [PROP_DISBURSED] = LODE_ITEM_FIELD (LodeProject, disbursed, lode_project_set_disbursed),
  [PROP_START_YEAR] = LODE_ITEM_FIELD (LodeProject, start_year, lode_project_set_start_year),
  [PROP_JOBS] = LODE_ITEM_FIELD (LodeProject, jobs, lode_project_set_jobs),
  [PROP_SOURCE] = LODE_ITEM_FIELD (LodeProject, source, lode_project_set_source),
};

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

  g_clear_pointer (&self->investment_extra, json_object_unref);

  G_OBJECT_CLASS (lode_project_parent_class)->finalize (object);
}

static void
lode_project_class_init (LodeProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = lode_project_dispose;
  object_class->finalize = lode_project_finalize;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MINERALS] =
    g_param_spec_boxed ("minerals", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_OPERATOR] = g_param_spec_string ("operator", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LODE_TYPE_PROJECT_STATUS, LODE_PROJECT_STATUS_UNKNOWN, flags);
  /* Notified when a partner is added or removed, or one of them changes. */
  properties[PROP_PARTNERS] =
    g_param_spec_object ("partners", NULL, NULL,
                         G_TYPE_LIST_MODEL, read_only);
  properties[PROP_COMMITTED] =
    g_param_spec_int64 ("committed", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET, flags);
  properties[PROP_DISBURSED] =
    g_param_spec_int64 ("disbursed", NULL, NULL,
                        LODE_MONEY_UNSET, LODE_MONEY_MAX, LODE_MONEY_UNSET, flags);
  properties[PROP_START_YEAR] =
    g_param_spec_int ("start-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_JOBS] =
    g_param_spec_int64 ("jobs", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
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

  lode_item_set_string (LODE_ITEM (self), PROP_ID, id);
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

  lode_item_set_string (LODE_ITEM (self), PROP_NAME, name);
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

  lode_item_set_strv (LODE_ITEM (self), PROP_MINERALS, minerals);
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

  lode_item_set_string (LODE_ITEM (self), PROP_REGION, region);
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

  lode_item_set_string (LODE_ITEM (self), PROP_OPERATOR, operator_);
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

  lode_item_set_int (LODE_ITEM (self), PROP_STATUS, status);
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

  lode_item_set_int64 (LODE_ITEM (self), PROP_COMMITTED, committed);
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

  lode_item_set_int64 (LODE_ITEM (self), PROP_DISBURSED, disbursed);
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

  lode_item_set_int (LODE_ITEM (self), PROP_START_YEAR, start_year);
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

  lode_item_set_int64 (LODE_ITEM (self), PROP_JOBS, jobs);
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

  lode_item_set_string (LODE_ITEM (self), PROP_SOURCE, source);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_project_get_extra (LodeProject *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_project_set_extra (LodeProject *self,
                        JsonObject  *extra)
{
  g_return_if_fail (LODE_IS_PROJECT (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
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

  lode_item_store_json (&self->investment_extra, extra);
}
