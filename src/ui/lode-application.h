/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LODE_TYPE_APPLICATION (lode_application_get_type ())
G_DECLARE_FINAL_TYPE (LodeApplication, lode_application, LODE, APPLICATION, AdwApplication)

LodeApplication *lode_application_new (void);

G_END_DECLS
