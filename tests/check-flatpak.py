#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest as flatpak-builder reads it.

check-flatpak.py SOURCE_ROOT APP_ID

flatpak-builder --show-manifest must parse it (it needs no runtime for
that), and the manifest must build APP_ID with the GNOME runtime, run
lode, build Lode last with meson and options that meson_options.txt
declares, and ask for no more than a GNOME application needs.
"""

import json
import os
import re
import subprocess
import sys

FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
FORBIDDEN = re.compile(r"^--filesystem=(home|host|host-os|host-etc|/)|^--device=all$|^--socket=session-bus$")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def main(root, app_id):
    path = os.path.join(root, "flatpak", app_id + ".json")
    shown = subprocess.run(["flatpak-builder", "--show-manifest", path],
                           capture_output=True, text=True)
    if shown.returncode != 0:
        print(f"{path}: flatpak-builder cannot read it:\n{shown.stderr}")
        return 1
    manifest = json.loads(shown.stdout)

    check(manifest.get("id", manifest.get("app-id")) == app_id, f"id is not {app_id}")
    check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
    check(re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))) is not None,
          "runtime-version is not a GNOME release such as \"49\"")
    check(manifest.get("command") == "lode", "command is not lode")

    finish_args = manifest.get("finish-args", [])
    check(set(finish_args) == FINISH_ARGS,
          f"finish-args {sorted(finish_args)} are not {sorted(FINISH_ARGS)}")
    for arg in finish_args:
        check(FORBIDDEN.match(arg) is None, f"finish-args grant {arg}")

    modules = manifest.get("modules", [])
    check(len(modules) > 0, "no modules")
    if modules:
        lode = modules[-1]
        check(isinstance(lode, dict) and lode.get("name") == "lode", "lode is not the last module")
        check(lode.get("buildsystem") == "meson", "lode is not built with meson")
        with open(os.path.join(root, "meson_options.txt"), encoding="utf-8") as f:
            declared = set(re.findall(r"option\(\s*'([^']+)'", f.read()))
        given = set()
        for opt in lode.get("config-opts", []):
            match = re.fullmatch(r"-D([A-Za-z0-9_-]+)=(.*)", opt)
            check(match is not None, f"config-opts: {opt} is not -DNAME=VALUE")
            if match:
                given.add(match.group(1))
                check(match.group(1) in declared, f"config-opts: meson_options.txt has no {match.group(1)}")
        check(given == declared, f"config-opts set {sorted(given)}, meson_options.txt has {sorted(declared)}")
        check("-Ddevelopment=false" in lode.get("config-opts", []),
              "the stable manifest builds the development profile")
        sources = lode.get("sources", [])
        check(any(s.get("type") == "dir" and os.path.normpath(
            os.path.join(os.path.dirname(path), s.get("path", ""))) == os.path.normpath(root)
            for s in sources), "lode's source is not this checkout")

    for failure in failures:
        print(f"{path}: {failure}")
    if not failures:
        print(f"{path}: {app_id}, runtime {manifest['runtime']}//{manifest['runtime-version']}, "
              f"{len(modules)} module(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
