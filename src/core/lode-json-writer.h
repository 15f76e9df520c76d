/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes pretty-printed JSON (two-space indent, one member or element per
 * line, "key": value, empty containers as {} and []) into a GString, with
 * numbers in their shortest exact form, so saving is fast and byte-stable. */
typedef struct _LodeJsonWriter LodeJsonWriter;

LodeJsonWriter *lode_json_writer_new          (GString        *out);
void            lode_json_writer_free         (LodeJsonWriter *self);
void            lode_json_writer_begin_object (LodeJsonWriter *self);
void            lode_json_writer_end_object   (LodeJsonWriter *self);
void            lode_json_writer_begin_array  (LodeJsonWriter *self);
void            lode_json_writer_end_array    (LodeJsonWriter *self);
/* The name of the next member; must be followed by one value. */
void            lode_json_writer_member       (LodeJsonWriter *self,
                                               const char     *name);
void            lode_json_writer_string       (LodeJsonWriter *self,
                                               const char     *value);
void            lode_json_writer_int          (LodeJsonWriter *self,
                                               gint64          value);
/* Shortest text that reads back as the same double; finite values only. */
void            lode_json_writer_double       (LodeJsonWriter *self,
                                               double          value);
/* Cents as a decimal amount: 12345 → 123.45, 200 → 2. */
void            lode_json_writer_money        (LodeJsonWriter *self,
                                               gint64          cents);
void            lode_json_writer_boolean      (LodeJsonWriter *self,
                                               gboolean        value);
void            lode_json_writer_null         (LodeJsonWriter *self);
/* A whole json-glib tree, for members Lode keeps without knowing them. */
void            lode_json_writer_node         (LodeJsonWriter *self,
                                               JsonNode       *node);
/* An integer beyond 64 bits, kept as its digits in a member Lode does not
 * know ("12345678901234567890"), so that it is written back as it was
 * read: json-glib holds only 64-bit integers and doubles. The node holds
 * a string that no JSON text can give (it begins with the byte 0xFF,
 * which is not UTF-8); lode_json_writer_node() writes its digits as a
 * number. @text: the number's digits, with an optional minus sign. */
JsonNode       *lode_json_node_new_big_integer (const char    *text,
                                                gsize          length);
/* The digits of a node made by lode_json_node_new_big_integer(), or NULL
 * for any other node. */
const char     *lode_json_node_get_big_integer (JsonNode      *node);
/* Writes each member of @object (may be NULL) into the current object. */
void            lode_json_writer_members      (LodeJsonWriter *self,
                                               JsonObject     *object);

/* Goes on inside an object at @depth (the outermost container is at depth
 * 1) that already holds @n_members members, for a document whose other
 * parts are written by other means, such as a row of a table written
 * straight into the GString. What follows must close no container that
 * the writer did not open. */
void            lode_json_writer_enter_object (LodeJsonWriter *self,
                                               guint           depth,
                                               guint           n_members);

/* The text of one value as the writer writes it, appended to @out. */
void            lode_json_append_string       (GString        *out,
                                               const char     *value);
void            lode_json_append_double       (GString        *out,
                                               double          value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeJsonWriter, lode_json_writer_free)

G_END_DECLS
