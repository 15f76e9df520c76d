#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translation listed in LINGUAS is incomplete.

check-translations.py PO_DIR [POT | --sources SOURCE_ROOT]

Every message of each PO_DIR/LANG.po must be translated and none fuzzy.
With POT (the template made by `ninja lode-pot`), or with a template made
here from the files POTFILES.in lists under SOURCE_ROOT, each file is first
merged with it, so that messages added to the sources since the file was
last updated count as untranslated too.
"""

import os
import re
import subprocess
import sys
import tempfile

STATISTICS = re.compile(
    r"(?:(?P<translated>\d+) translated messages?)?"
    r"(?:,? ?(?P<fuzzy>\d+) fuzzy translations?)?"
    r"(?:,? ?(?P<untranslated>\d+) untranslated messages?)?"
)


def statistics(path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "--output-file", os.devnull, path],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        return None, result.stderr.strip()
    text = result.stderr.strip().splitlines()[-1].rstrip(".")
    match = STATISTICS.fullmatch(text)
    if match is None:
        return None, f"unexpected msgfmt output: {text}"
    return {key: int(value or 0) for key, value in match.groupdict().items()}, None


# The keywords of meson's "glib" gettext preset.
XGETTEXT_KEYWORDS = [
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
]


def make_template(source_root, po_dir, out):
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=lode",
                    "--directory", source_root,
                    "--files-from", os.path.join(po_dir, "POTFILES.in"),
                    "--output", out] + XGETTEXT_KEYWORDS, check=True)


def check(po_dir, pot=None):
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [word for line in f for word in line.split("#")[0].split()]
    if not languages:
        print("LINGUAS lists no language")
        return 1

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang in languages:
            path = os.path.join(po_dir, lang + ".po")
            if not os.path.exists(path):
                print(f"{lang}: {path} is missing")
                failures += 1
                continue
            if pot is not None:
                merged = os.path.join(tmp, lang + ".po")
                subprocess.run(["msgmerge", "--quiet", "--output-file", merged, path, pot],
                               check=True)
                path = merged
            counts, error = statistics(path)
            if counts is None:
                print(f"{lang}: {error}")
                failures += 1
            elif counts["fuzzy"] or counts["untranslated"]:
                print(f"{lang}: {counts['translated']} translated, {counts['fuzzy']} fuzzy, "
                      f"{counts['untranslated']} untranslated")
                failures += 1
            else:
                print(f"{lang}: all {counts['translated']} messages translated")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--sources":
        with tempfile.TemporaryDirectory() as tmp:
            template = os.path.join(tmp, "lode.pot")
            make_template(sys.argv[3], sys.argv[1], template)
            sys.exit(check(sys.argv[1], template))
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(check(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None))
