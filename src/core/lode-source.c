/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-source.h"
#include "lode-rules.h"

struct _LodeSource
{
  LodeItem   parent_instance;

  char       *id;
  char       *title;
  char       *publisher;
  char       *date;
  char       *url;
};

G_DEFINE_FINAL_TYPE (LodeSource, lode_source, LODE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_DATE,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LodeItemField fields[N_PROPS] = {
  [PROP_ID] = LODE_ITEM_FIELD (LodeSource, id, lode_source_set_id),
  [PROP_TITLE] = LODE_ITEM_FIELD (LodeSource, title, lode_source_set_title),
  [PROP_PUBLISHER] = LODE_ITEM_FIELD (LodeSource, publisher, lode_source_set_publisher),
  [PROP_DATE] = LODE_ITEM_FIELD (LodeSource, date, lode_source_set_date),
  [PROP_URL] = LODE_ITEM_FIELD (LodeSource, url, lode_source_set_url),
};

static void
lode_source_class_init (LodeSourceClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;


  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);

  lode_item_class_install_properties (LODE_ITEM_CLASS (klass), N_PROPS, properties, fields);
}

static void
lode_source_init (LodeSource *self)
{
}

LodeSource *
lode_source_new (const char *id,
                 const char *title)
{
  return g_object_new (LODE_TYPE_SOURCE,
                       "id", id,
                       "title", title,
                       NULL);
}

const char *
lode_source_get_id (LodeSource *self)
{
  g_return_val_if_fail (LODE_IS_SOURCE (self), NULL);

  return self->id;
}

void
lode_source_set_id (LodeSource *self,
                    const char *id)
{
  g_return_if_fail (LODE_IS_SOURCE (self));
  g_return_if_fail (id == NULL || *id == '\0' || lode_rule_slug (id, NULL));

  lode_item_set_string (LODE_ITEM (self), PROP_ID, id);
}

const char *
lode_source_get_title (LodeSource *self)
{
  g_return_val_if_fail (LODE_IS_SOURCE (self), NULL);

  return self->title;
}

void
lode_source_set_title (LodeSource *self,
                       const char *title)
{
  g_return_if_fail (LODE_IS_SOURCE (self));

  lode_item_set_string (LODE_ITEM (self), PROP_TITLE, title);
}

const char *
lode_source_get_publisher (LodeSource *self)
{
  g_return_val_if_fail (LODE_IS_SOURCE (self), NULL);

  return self->publisher;
}

void
lode_source_set_publisher (LodeSource *self,
                           const char *publisher)
{
  g_return_if_fail (LODE_IS_SOURCE (self));

  lode_item_set_string (LODE_ITEM (self), PROP_PUBLISHER, publisher);
}

const char *
lode_source_get_date (LodeSource *self)
{
  g_return_val_if_fail (LODE_IS_SOURCE (self), NULL);

  return self->date;
}

void
lode_source_set_date (LodeSource *self,
                      const char *date)
{
  g_return_if_fail (LODE_IS_SOURCE (self));
  g_return_if_fail (date == NULL || lode_rule_date (date, NULL));

  lode_item_set_string (LODE_ITEM (self), PROP_DATE, date);
}

const char *
lode_source_get_url (LodeSource *self)
{
  g_return_val_if_fail (LODE_IS_SOURCE (self), NULL);

  return self->url;
}

void
lode_source_set_url (LodeSource *self,
                     const char *url)
{
  g_return_if_fail (LODE_IS_SOURCE (self));

  lode_item_set_string (LODE_ITEM (self), PROP_URL, url);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_source_get_extra (LodeSource *self)
{
  g_return_val_if_fail (LODE_IS_SOURCE (self), NULL);

  return lode_item_get_extra (LODE_ITEM (self));
}

void
lode_source_set_extra (LodeSource *self,
                       JsonObject *extra)
{
  g_return_if_fail (LODE_IS_SOURCE (self));

  lode_item_set_extra (LODE_ITEM (self), extra);
}
