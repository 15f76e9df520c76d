/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lode-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LodeApplication) application = NULL;
  const char *localedir;

  /* LODE_LOCALEDIR points an uninstalled lode (meson devenv, dev.sh run) at
   * the translations built in the build tree. */
  localedir = g_getenv ("LODE_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Lode"));

  application = lode_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
