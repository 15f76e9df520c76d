/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "lode-item.h"

G_BEGIN_DECLS

#define LODE_TYPE_SOURCE (lode_source_get_type ())
G_DECLARE_FINAL_TYPE (LodeSource, lode_source, LODE, SOURCE, LodeItem)

LodeSource *lode_source_new           (const char *id,
                                       const char *title);
const char *lode_source_get_id        (LodeSource *self);
void        lode_source_set_id        (LodeSource *self,
                                       const char *id);
const char *lode_source_get_title     (LodeSource *self);
void        lode_source_set_title     (LodeSource *self,
                                       const char *title);
const char *lode_source_get_publisher (LodeSource *self);
void        lode_source_set_publisher (LodeSource *self,
                                       const char *publisher);
/* An ISO 8601 date, "2025-09-26", or NULL. */
const char *lode_source_get_date      (LodeSource *self);
void        lode_source_set_date      (LodeSource *self,
                                       const char *date);
const char *lode_source_get_url       (LodeSource *self);
void        lode_source_set_url       (LodeSource *self,
                                       const char *url);
/* Members of the file that Lode does not know, written back unchanged. */
JsonObject *lode_source_get_extra     (LodeSource *self);
void        lode_source_set_extra     (LodeSource *self,
                                       JsonObject *extra);

G_END_DECLS
