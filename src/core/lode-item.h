/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The base of the portfolio's small records: mineral, project, source,
 * target, reserve, partner, investment, production, national figure and
 * exchange rate.
 *
 * A subclass keeps its values in its own struct, lists them in a table of
 * LodeItemField indexed by its property ids, and installs its GParamSpecs
 * with lode_item_class_install_properties(). LodeItem then serves every
 * property: get_property reads the value where the table says it lives,
 * set_property calls the subclass's public setter (so a value always passes
 * the same checks, however it is set), finalize frees the strings and
 * string vectors. Setters check their value, then call one of
 * lode_item_set_string() … lode_item_set_double(), which compare, store
 * and notify; they return whether the value changed.
 *
 * A string is stored as NULL when empty, a string vector as NULL when it
 * has no element. Every item also keeps the members of its JSON object
 * that Lode does not know (lode_item_get_extra()), so that they save back
 * unchanged.
 *
 * Value types a table may hold: G_TYPE_STRING (char *), G_TYPE_STRV
 * (char **), G_TYPE_INT (int), an enum type (stored as the C enum),
 * G_TYPE_INT64 (gint64), G_TYPE_DOUBLE (double), and read-only objects
 * such as a GListModel (GObject *, owned by the subclass). */

#define LODE_TYPE_ITEM (lode_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (LodeItem, lode_item, LODE, ITEM, GObject)

typedef struct
{
  gsize     offset;  /* of the value in the subclass's struct */
  GCallback set;     /* its public setter; NULL when read-only */
  GCallback get;     /* for a value computed, not stored: its getter */
} LodeItemField;

#define LODE_ITEM_FIELD(Type, member, setter) \
  { G_STRUCT_OFFSET (Type, member), G_CALLBACK (setter), NULL }
/* A read-only value computed by @getter (an int, enum, gint64 or double). */
#define LODE_ITEM_COMPUTED(getter) \
  { 0, NULL, G_CALLBACK (getter) }

struct _LodeItemClass
{
  GObjectClass parent_class;

  /*< private >*/
  const LodeItemField  *fields;
  GParamSpec          **pspecs;
  guint                 n_pspecs;
};

void        lode_item_class_install_properties (LodeItemClass        *klass,
                                                guint                 n_pspecs,
                                                GParamSpec          **pspecs,
                                                const LodeItemField  *fields);

gboolean    lode_item_set_string               (LodeItem             *self,
                                                guint                 prop_id,
                                                const char           *value);
gboolean    lode_item_set_strv                 (LodeItem             *self,
                                                guint                 prop_id,
                                                const char * const   *value);
/* Also for enums. */
gboolean    lode_item_set_int                  (LodeItem             *self,
                                                guint                 prop_id,
                                                int                   value);
gboolean    lode_item_set_int64                (LodeItem             *self,
                                                guint                 prop_id,
                                                gint64                value);
gboolean    lode_item_set_double               (LodeItem             *self,
                                                guint                 prop_id,
                                                double                value);
/* Notifies @prop_id, for a value the subclass changes itself. */
void        lode_item_notify                   (LodeItem             *self,
                                                guint                 prop_id);

JsonObject *lode_item_get_extra                (LodeItem             *self);
void        lode_item_set_extra                (LodeItem             *self,
                                                JsonObject           *extra);
/* Stores a reference to @value in @field, dropping the old one. */
void        lode_item_store_json               (JsonObject          **field,
                                                JsonObject           *value);

G_END_DECLS
