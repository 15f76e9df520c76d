/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lode-source.h"
#include "lode-rules.h"

struct _LodeSource
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *publisher;
  char       *date;
  char       *url;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (LodeSource, lode_source, G_TYPE_OBJECT)

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

/* Stores @value in @field, an empty string as NULL. Returns whether the
 * field changed. */
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
lode_source_finalize (GObject *object)
{
  LodeSource *self = (LodeSource *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (lode_source_parent_class)->finalize (object);
}

static void
lode_source_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LodeSource *self = LODE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_source_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LodeSource *self = LODE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      lode_source_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      lode_source_set_title (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHER:
      lode_source_set_publisher (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      lode_source_set_date (self, g_value_get_string (value));
      break;

    case PROP_URL:
      lode_source_set_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_source_class_init (LodeSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_source_finalize;
  object_class->get_property = lode_source_get_property;
  object_class->set_property = lode_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  if (set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
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

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
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

  if (set_string (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
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

  if (set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
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

  if (set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

/* Returns: (transfer none) (nullable): members Lode does not know. */
JsonObject *
lode_source_get_extra (LodeSource *self)
{
  g_return_val_if_fail (LODE_IS_SOURCE (self), NULL);

  return self->extra;
}

void
lode_source_set_extra (LodeSource *self,
                       JsonObject *extra)
{
  g_return_if_fail (LODE_IS_SOURCE (self));

  if (extra == self->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
