/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name of a country from its ISO 3166-1 alpha-2 code, translated
 * through the iso_3166-1 domain of iso-codes; the code itself when it is
 * not known. */
const char *lode_chart_country_name (const char *code);

G_END_DECLS
