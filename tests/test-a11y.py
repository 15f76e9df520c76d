#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the running lode through AT-SPI, as a screen reader would.

test-a11y.py LODE [--edit]

Run inside an X server and a session bus of its own (tests/headless.sh).
Starts the accessibility bus and LODE on the built-in sample, then finds
the window, the five page tabs, the lists and the header bar's buttons by
role and name, and moves between pages through their accessible actions.

With --edit it adds a mineral instead: presses the button named "Add
Mineral", types a name into the editor's entry named "Name", presses "Add"
and looks for the name in the Minerals list.

Prints TAP.
"""

import os
import re
import subprocess
import sys
import time

# This process reaches the accessibility bus through the session bus, not
# through the X server: an X client that comes and goes would make Xvfb
# reset just as lode connects. And its own AT-SPI warnings (objects that
# vanish while walked) are no failure of lode's.
LODE_DISPLAY = os.environ.pop("DISPLAY", None)
LODE_G_DEBUG = os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402

TIMEOUT = 60.0
PAGES = ["Overview", "Minerals", "Exports", "Projects", "Targets"]
NEW_MINERAL = "Lithium test ore"

results = []


def ok(condition, description):
    results.append((bool(condition), description))
    print(("ok" if condition else "not ok") + f" {len(results)} - {description}", flush=True)
    return condition


def bail(message):
    print(f"Bail out! {message}", flush=True)
    sys.exit(1)


def wait_until(find, what, timeout=TIMEOUT):
    """Polls find() until it returns something true, or bails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = find()
        except Exception:  # a node can vanish while it is walked
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            bail(f"{what}: not found within {timeout:.0f} s")
        time.sleep(0.1)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def showing(node):
    # GTK 4.8 sets VISIBLE but not SHOWING.
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def find_all(root, role=None, name=None, visible=True):
    return [n for n in walk(root)
            if (role is None or n.getRole() == role)
            and (name is None or n.name == name)
            and (not visible or showing(n))]


def find_one(root, role, name):
    found = find_all(root, role, name)
    return found[0] if found else None


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            return action.doAction(i)
    return action.doAction(0)


def type_into(entry, text):
    """Types @text into @entry through its EditableText interface, as an
    assistive technology does."""
    return entry.queryEditableText().setTextContents(text)


def text_of(node):
    # GTK 4.8 answers an end offset of -1 with nothing: ask for every character.
    text = node.queryText()
    return text.getText(0, text.characterCount)


def find_application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == pid:
            frames = [c for c in app if c is not None and c.getRole() == pyatspi.ROLE_FRAME]
            if frames:
                return app
    return None


def list_has_text(table, text):
    return any(n.name == text for n in walk(table)
               if n.getRole() in (pyatspi.ROLE_LABEL, pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_TEXT))


CONTROLS = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_ENTRY,
            pyatspi.ROLE_TEXT, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_COMBO_BOX,
            pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_MENU_ITEM)


def unnamed_controls(root):
    """Controls without a name: none, or the class name GTK falls back to."""
    return [f"{n.getRoleName()} {n.name!r}" for n in find_all(root)
            if n.getRole() in CONTROLS
            and (not n.name.strip() or re.fullmatch(r"(Gtk|Adw|Lode)[A-Za-z]*", n.name))]


def check_preferences(app, frame):
    """Opens the preferences from the main menu; their controls have names."""
    # GtkMenuButton shows as a button holding a toggle button, both named:
    # the one with an action opens the menu.
    menus = [n for n in find_all(frame, pyatspi.ROLE_PUSH_BUTTON, "Main Menu")
             if n.queryAction().nActions > 0]
    if not ok(menus, "the main menu can be opened"):
        return
    press(menus[-1])
    item = wait_until(lambda: next((n for w in app if w is not None
                                    for n in find_all(w, pyatspi.ROLE_MENU_ITEM, "Preferences")), None),
                      "the menu item 'Preferences'")
    press(item)
    window = wait_until(lambda: next((w for w in app if w is not None and w.name == "Preferences"), None),
                        "the preferences window")
    for role, name in ((pyatspi.ROLE_COMBO_BOX, "Style"),
                       (pyatspi.ROLE_CHECK_BOX, "Compact Figures"),
                       (pyatspi.ROLE_COMBO_BOX, "Default Destination")):
        ok(wait_until(lambda: find_one(window, role, name), f"{name!r} in the preferences"),
           f"the preferences have a control named {name!r}")
    ok(not unnamed_controls(window), f"no unnamed control in the preferences {unnamed_controls(window)}")


def check_browse(app, frame):
    ok("Lode" in frame.name, f"the window is named after the portfolio and Lode: {frame.name!r}")

    tabs = {}
    for page in PAGES:
        tabs[page] = find_one(frame, pyatspi.ROLE_PAGE_TAB, page)
        ok(tabs[page] is not None, f"a page tab named {page!r}")

    for name in ("Open a Portfolio", "Main Menu"):
        ok(find_one(frame, pyatspi.ROLE_PUSH_BUTTON, name) is not None, f"a button named {name!r}")

    ok(not unnamed_controls(frame), f"no unnamed control in the window {unnamed_controls(frame)}")

    # The pages, through the tabs' actions; each shows its list.
    lists = {"Minerals": "Minerals", "Exports": "Export records"}
    for page in ("Minerals", "Exports", "Projects", "Overview"):
        if tabs.get(page) is None:
            continue
        press(tabs[page])
        selected = wait_until(
            lambda: tabs[page].getState().contains(pyatspi.STATE_SELECTED)
            or tabs[page].getState().contains(pyatspi.STATE_CHECKED),
            f"the {page} tab selected")
        ok(selected, f"the {page} page opens from its tab")
        if page in lists:
            table = wait_until(
                lambda: find_one(frame, pyatspi.ROLE_TREE_TABLE, lists[page])
                or find_one(frame, pyatspi.ROLE_TABLE, lists[page]),
                f"the list {lists[page]!r}")
            ok(table is not None, f"the {page} page shows a list named {lists[page]!r}")
            if page == "Minerals":
                ok(wait_until(lambda: list_has_text(table, "Copper"), "Copper in the list"),
                   "the Minerals list reads out Copper")

    check_preferences(app, frame)


def check_edit(app, frame):
    minerals_tab = find_one(frame, pyatspi.ROLE_PAGE_TAB, "Minerals")
    if not ok(minerals_tab is not None, "a page tab named 'Minerals'"):
        return
    press(minerals_tab)

    deadline = time.monotonic() + 10
    add = None
    while add is None and time.monotonic() < deadline:
        add = find_one(frame, pyatspi.ROLE_PUSH_BUTTON, "Add Mineral")
        time.sleep(0.1)
    if not ok(add is not None, "a button named 'Add Mineral' on the Minerals page"):
        print("# This build has no mineral editor: the button 'Add Mineral', the "
              "editor's entry 'Name' and its button 'Add' are missing.", flush=True)
        return
    press(add)

    def editor_entry():
        for window in app:
            if window is None:
                continue
            for node in find_all(window):
                if node.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT) and node.name == "Name":
                    return node
        return None

    entry = wait_until(editor_entry, "the editor's entry 'Name'")
    ok(entry is not None, "the editor has an entry named 'Name'")
    type_into(entry, NEW_MINERAL)
    ok(wait_until(lambda: text_of(entry) == NEW_MINERAL, "the typed name"),
       f"typed {NEW_MINERAL!r} into 'Name'")

    def confirm_button():
        for window in app:
            if window is None:
                continue
            button = find_one(window, pyatspi.ROLE_PUSH_BUTTON, "Add")
            if button is not None:
                return button
        return None

    add_button = wait_until(confirm_button, "the editor's button 'Add'")
    press(add_button)

    table = wait_until(lambda: find_one(frame, pyatspi.ROLE_TREE_TABLE, "Minerals")
                       or find_one(frame, pyatspi.ROLE_TABLE, "Minerals"), "the Minerals list")
    ok(wait_until(lambda: list_has_text(table, NEW_MINERAL), f"{NEW_MINERAL!r} in the list"),
       f"the Minerals list reads out {NEW_MINERAL!r}")


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    lode = sys.argv[1]
    edit = "--edit" in sys.argv[2:]

    bus_launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ)
    if LODE_DISPLAY is not None:
        env["DISPLAY"] = LODE_DISPLAY
    if LODE_G_DEBUG is not None:
        env["G_DEBUG"] = LODE_G_DEBUG
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    env["GSETTINGS_BACKEND"] = "memory"
    app_process = subprocess.Popen([lode], env=env, stdout=sys.stderr, stderr=sys.stderr)

    def started():
        if app_process.poll() is not None:
            bail(f"{lode} exited with status {app_process.returncode} before its window showed")
        return find_application(app_process.pid)

    try:
        app = wait_until(started, "lode on the accessibility bus")
        frame = wait_until(lambda: next((c for c in app if c is not None
                                         and c.getRole() == pyatspi.ROLE_FRAME), None),
                           "lode's window")
        wait_until(lambda: find_one(frame, pyatspi.ROLE_PAGE_TAB, "Overview"), "the page tabs")
        if edit:
            check_edit(app, frame)
        else:
            check_browse(app, frame)
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app_process.kill()
        bus_launcher.terminate()
        bus_launcher.wait()

    print(f"1..{len(results)}", flush=True)
    sys.exit(0 if results and all(passed for passed, _ in results) else 1)


if __name__ == "__main__":
    main()
