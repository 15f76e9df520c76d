#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the source tree: every file under src/ or
# resources/ that marks strings for translation must be listed, and every
# listed file must exist.
#
# Usage: check-potfiles.py SOURCE_ROOT

import os
import re
import sys

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\("|translatable="yes"')
SCANNED_DIRS = ('src', 'resources')
SCANNED_SUFFIXES = ('.c', '.h', '.ui', '.blp')


def read_potfiles(path):
    listed = []
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('[') and ']' in line:
                # An encoding or type prefix such as "[type: gettext/glade]".
                line = line.split(']', 1)[1].strip()
            listed.append((lineno, line))
    return listed


def translatable_files(root):
    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SCANNED_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    if MARKERS.search(f.read()):
                        found.append(os.path.relpath(path, root).replace(os.sep, '/'))
    return found


def main(argv):
    if len(argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2

    root = argv[1]
    potfiles = os.path.join(root, 'po', 'POTFILES.in')
    listed = read_potfiles(potfiles)
    listed_names = {name for _, name in listed}
    errors = 0

    for lineno, name in listed:
        if not os.path.isfile(os.path.join(root, name)):
            print(f'po/POTFILES.in:{lineno}: {name} does not exist')
            errors += 1

    for name in translatable_files(root):
        if name not in listed_names:
            print(f'{name} has translatable strings but is missing from po/POTFILES.in')
            errors += 1

    if errors:
        print(f'{errors} problem(s) found')
        return 1

    print(f'po/POTFILES.in is complete ({len(listed)} files)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
