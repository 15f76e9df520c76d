#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the running lode through AT-SPI, as a screen reader would.

test-a11y.py LODE [--edit | --import CSV APP_ID]

Run inside an X server and a session bus of its own (tests/headless.sh).
Starts the accessibility bus and LODE on the built-in sample, then finds
the window, the page tabs, the lists and the header bar's buttons by
role and name, and moves between pages through their accessible actions.

With --edit it edits a portfolio file instead (the sample, written by
$LODE_CLI): presses the button named "Add Mineral", checks that the
editor is a frame, that a name of a zero-width
space is refused, types a name, presses "Add" and looks for the name in
the Minerals list; then adds a project typing odd spellings (a jobs count
beyond what the file holds, then counts and years in Arabic-Indic and
Urdu digits), saves through the main menu and has $LODE_CLI validate the
saved file.

With --import it activates the window's import of CSV over D-Bus (as a
dropped file or the file chooser would), then checks that every control
of the preview is named, on each of its pages, and presses "Import".

Prints TAP.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
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
PAGES = ["Overview", "Minerals", "Exports", "Compare", "Projects", "Investments", "Targets"]
NEW_MINERAL = "Lithium test ore"
NEW_PROJECT = "Odd spelling project"
ZERO_WIDTH_SPACE = "\u200b"
JOBS_TOO_MANY = "\u0662\u0661\u0664\u0667\u0664\u0668\u0663\u0666\u0664\u0668"   # 2147483648
JOBS_URDU = "\u06f2\u06f0"                                                              # 20
YEAR_URDU = "\u06f1\u06f9\u06f9\u06f5"                                                  # 1995

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
    lists = {"Minerals": "Minerals", "Exports": "Export records", "Compare": "Comparison"}
    for page in ("Minerals", "Exports", "Compare", "Projects", "Investments", "Overview"):
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
            # Cells are GtkInscriptions; an empty one read as its class name.
            # (GTK's own GtkListItemWidget and GtkColumnViewTitle still do.)
            inscriptions = [n for n in walk(table) if n.name == "GtkInscription"]
            ok(not inscriptions, f"no cell of the {page} list reads as 'GtkInscription' ({len(inscriptions)})")
        if page == "Compare":
            # Two periods and what to group by, each a named choice; the
            # sample's last two years are compared at first.
            for name in ("From", "To", "By"):
                ok(wait_until(lambda: find_one(frame, pyatspi.ROLE_COMBO_BOX, name), f"the choice {name!r}"),
                   f"the Compare page has a choice named {name!r}")
            ok(wait_until(lambda: find_one(frame, pyatspi.ROLE_PUSH_BUTTON, "Export the Comparison as CSV"),
                          "the export button"),
               "the Compare page has a button named 'Export the Comparison as CSV'")
            ok(wait_until(lambda: list_has_text(table, "Copper"), "Copper in the comparison"),
               "the comparison reads out Copper")
            ok(not unnamed_controls(frame), f"no unnamed control on the Compare page {unnamed_controls(frame)}")
        if page == "Investments":
            # Shown with or without investments: the button that adds one,
            # the filters, and no control without a name.
            for name in ("Add Investment", "Edit Investment", "Delete Investment"):
                ok(wait_until(lambda: find_one(frame, pyatspi.ROLE_PUSH_BUTTON, name), f"{name!r}"),
                   f"the Investments page has a button named {name!r}")
            ok(not unnamed_controls(frame), f"no unnamed control on the Investments page {unnamed_controls(frame)}")

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

    editor = wait_until(lambda: next((w for w in app if w is not None and w.name == "Mineral"), None),
                        "the mineral editor")
    ok(editor.getRole() == pyatspi.ROLE_FRAME,
       f"the mineral editor is a frame, as the other editors: {editor.getRoleName()!r}")

    entry = wait_until(lambda: editor_entry(app, "Name"), "the editor's entry 'Name'")
    ok(entry is not None, "the editor has an entry named 'Name'")
    # Where the focus is, test-editor-limits checks: without a window
    # manager, GTK reports no focused object through AT-SPI.

    add_button = wait_until(lambda: confirm_button(app, "Add"), "the editor's button 'Add'")
    type_into(entry, ZERO_WIDTH_SPACE)
    ok(wait_until(lambda: not sensitive(add_button), "'Add' turned off", 10),
       "a name of only a zero-width space is refused")

    type_into(entry, NEW_MINERAL)
    ok(wait_until(lambda: text_of(entry) == NEW_MINERAL, "the typed name"),
       f"typed {NEW_MINERAL!r} into 'Name'")
    press(add_button)

    table = wait_until(lambda: find_one(frame, pyatspi.ROLE_TREE_TABLE, "Minerals")
                       or find_one(frame, pyatspi.ROLE_TABLE, "Minerals"), "the Minerals list")
    ok(wait_until(lambda: list_has_text(table, NEW_MINERAL), f"{NEW_MINERAL!r} in the list"),
       f"the Minerals list reads out {NEW_MINERAL!r}")


def check_national(app, frame):
    """Adds a national figure from the Overview, as a screen reader user
    would: the editor is a frame whose controls all have names."""
    overview_tab = find_one(frame, pyatspi.ROLE_PAGE_TAB, "Overview")
    if not ok(overview_tab is not None, "a page tab named 'Overview'"):
        return
    press(overview_tab)
    add = wait_until(lambda: find_one(frame, pyatspi.ROLE_PUSH_BUTTON, "Add Figure"), "'Add Figure'")
    if not ok(add is not None, "the Overview has a button named 'Add Figure'"):
        return
    for name in ("Duplicate Mineral exports", "Delete Mineral exports"):
        ok(find_one(frame, pyatspi.ROLE_PUSH_BUTTON, name) is not None,
           f"a national figure has a button named {name!r}")
    press(add)

    editor = wait_until(lambda: window_named(app, "National Figure"), "the national figure editor")
    ok(editor.getRole() == pyatspi.ROLE_FRAME,
       f"the national figure editor is a frame, as the other editors: {editor.getRoleName()!r}")
    amount = wait_until(lambda: editor_entry(app, "Amount (US$)"), "the editor's entry 'Amount (US$)'")
    change = wait_until(lambda: editor_entry(app, "Change on the Year Before (%, optional)"), "the change")
    add_button = wait_until(lambda: confirm_button(app, "Add"), "the editor's button 'Add'")
    ok(not unnamed_controls(editor), f"no unnamed control in the national figure editor {unnamed_controls(editor)}")

    type_into(amount, "23100000000")
    type_into(change, "-100.5")
    ok(wait_until(lambda: not sensitive(add_button), "'Add' turned off", 10),
       "a fall of more than 100 % is refused")
    type_into(change, "\u06f1\u06f1\u066b\u06f1")
    ok(wait_until(lambda: sensitive(add_button), "'Add' turned on", 10),
       "a rise of 11.1 %, in Urdu digits, is accepted")
    press(add_button)
    ok(wait_until(lambda: window_named(app, "National Figure") is None, "the editor closed"),
       "Add closes the national figure editor")


def check_rates(app, frame):
    """Opens Portfolio → Exchange Rates… from the main menu, as a screen
    reader user would: the list, its empty state and the rate editor have
    names for every control."""
    menus = [n for n in find_all(frame, pyatspi.ROLE_PUSH_BUTTON, "Main Menu")
             if n.queryAction().nActions > 0]
    if not ok(menus, "the main menu can be opened for the exchange rates"):
        return
    press(menus[-1])
    item = wait_until(lambda: next((n for w in app if w is not None
                                    for n in find_all(w, pyatspi.ROLE_MENU_ITEM, "Exchange Rates…")), None),
                      "the menu item 'Exchange Rates…'")
    press(item)
    rates = wait_until(lambda: window_named(app, "Exchange Rates"), "the exchange rates window")
    ok(wait_until(lambda: find_one(rates, pyatspi.ROLE_PUSH_BUTTON, "Add Exchange Rate"), "'Add Exchange Rate'")
       is not None, "the exchange rates window has a button named 'Add Exchange Rate'")
    ok(not unnamed_controls(rates), f"no unnamed control in the exchange rates {unnamed_controls(rates)}")
    press(find_one(rates, pyatspi.ROLE_PUSH_BUTTON, "Add Exchange Rate"))

    editor = wait_until(lambda: window_named(app, "Exchange Rate"), "the rate editor")
    ok(editor.getRole() == pyatspi.ROLE_FRAME,
       f"the rate editor is a frame, as the other editors: {editor.getRoleName()!r}")
    rate = wait_until(lambda: editor_entry(app, "Units per US Dollar"), "the editor's entry 'Units per US Dollar'")
    for name in ("Currency", "Year", "Month", "Fiscal Year", "Source"):
        # A control inside a row is named by the row and by its own label.
        ok(wait_until(lambda: next((n for n in find_all(editor) if n.getRole() in CONTROLS
                                    and n.name.startswith(name)), None),
                      f"{name!r} in the rate editor") is not None,
           f"the rate editor has a control named {name!r}")
    ok(not unnamed_controls(editor), f"no unnamed control in the rate editor {unnamed_controls(editor)}")
    add_button = wait_until(lambda: confirm_button(app, "Add"), "the editor's button 'Add'")
    type_into(rate, "0")
    ok(wait_until(lambda: not sensitive(add_button), "'Add' turned off", 10), "a rate of 0 is refused")
    type_into(rate, "278,8313")
    ok(wait_until(lambda: sensitive(add_button), "'Add' turned on", 10), "a rate with a decimal comma is accepted")
    press(next(n for n in find_all(editor, pyatspi.ROLE_PUSH_BUTTON) if n.name.endswith("Cancel")))
    ok(wait_until(lambda: window_named(app, "Exchange Rate") is None, "the editor closed"),
       "Cancel closes the rate editor")
    close = next((n for n in find_all(rates, pyatspi.ROLE_PUSH_BUTTON) if n.name.endswith("Close")), None)
    if ok(close is not None, "the exchange rates window has a button named 'Close'"):
        press(close)
        ok(wait_until(lambda: window_named(app, "Exchange Rates") is None, "the rates window closed"),
           "Close closes the exchange rates window")


def sensitive(node):
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def editor_entry(app, name):
    for window in app:
        if window is None:
            continue
        for node in find_all(window):
            if node.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT) and node.name == name:
                return node
    return None


def confirm_button(app, name):
    for window in app:
        if window is None:
            continue
        button = find_one(window, pyatspi.ROLE_PUSH_BUTTON, name)
        if button is not None:
            return button
    return None


def check_odd_spellings(app, frame, path):
    """Adds a project typing odd spellings, saves, validates the file."""
    projects_tab = find_one(frame, pyatspi.ROLE_PAGE_TAB, "Projects")
    if not ok(projects_tab is not None, "a page tab named 'Projects'"):
        return
    press(projects_tab)
    add = wait_until(lambda: find_one(frame, pyatspi.ROLE_PUSH_BUTTON, "Add Project"), "'Add Project'")
    press(add)

    name = wait_until(lambda: editor_entry(app, "Name"), "the project editor's 'Name'")
    jobs = wait_until(lambda: editor_entry(app, "Jobs"), "the project editor's 'Jobs'")
    year = wait_until(lambda: editor_entry(app, "Start Year (optional)"), "'Start Year (optional)'")
    add_button = wait_until(lambda: confirm_button(app, "Add"), "the project editor's 'Add'")

    type_into(name, NEW_PROJECT)
    type_into(jobs, JOBS_TOO_MANY)
    ok(wait_until(lambda: not sensitive(add_button), "'Add' turned off", 10),
       "2147483648 jobs, in Arabic-Indic digits, are refused")
    type_into(jobs, JOBS_URDU)
    type_into(year, YEAR_URDU)
    ok(wait_until(lambda: sensitive(add_button), "'Add' turned on", 10),
       "20 jobs and the year 1995, in Urdu digits, are accepted")
    press(add_button)

    menus = [n for n in find_all(frame, pyatspi.ROLE_PUSH_BUTTON, "Main Menu")
             if n.queryAction().nActions > 0]
    if not ok(menus, "the main menu can be opened"):
        return
    press(menus[-1])
    item = wait_until(lambda: next((n for w in app if w is not None
                                    for n in find_all(w, pyatspi.ROLE_MENU_ITEM, "Save")), None),
                      "the menu item 'Save'")
    press(item)

    def saved():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return text if NEW_PROJECT in text and text.endswith("\n") else None

    text = wait_until(saved, "the saved file")
    validate = subprocess.run([os.environ["LODE_CLI"], "validate", path], capture_output=True, text=True)
    ok(validate.returncode == 0, f"lode-cli validate accepts the saved file {validate.stderr.strip()!r}")
    project = next((p for p in json.loads(text).get("projects", []) if p.get("name") == NEW_PROJECT), {})
    ok(project.get("jobs") == 20 and project.get("start_year") == 1995,
       f"the file holds 20 jobs and the year 1995: {project.get('jobs')!r}, {project.get('start_year')!r}")
    check_saved_investment(text)


INVESTOR = "Barrick Gold (a11y)"
AMOUNT_DECIMAL_COMMA = "1,5"           # one and a half dollars, never fifteen
DATE_ARABIC_INDIC = "\u0662\u0660\u0662\u0665-\u0660\u0663"   # 2025-03


def check_investment(app, frame):
    """Adds an investment through the Investments page as a screen reader
    user would: a decimal comma in the amount, a date in Arabic-Indic
    digits. check_odd_spellings() then saves and validates the file."""
    tab = find_one(frame, pyatspi.ROLE_PAGE_TAB, "Investments")
    if not ok(tab is not None, "a page tab named 'Investments'"):
        return
    press(tab)
    add = wait_until(lambda: find_one(frame, pyatspi.ROLE_PUSH_BUTTON, "Add Investment"), "'Add Investment'")
    press(add)

    amount = wait_until(lambda: editor_entry(app, "Amount (US$)"), "the investment editor's 'Amount (US$)'")
    date = wait_until(lambda: editor_entry(app, "Date (YYYY-MM-DD, YYYY-MM or YYYY)"), "its 'Date'")
    investor = wait_until(lambda: editor_entry(app, "Investor"), "its 'Investor'")
    add_button = wait_until(lambda: confirm_button(app, "Add"), "the investment editor's 'Add'")

    type_into(date, "2025-13")
    type_into(investor, INVESTOR)
    type_into(amount, AMOUNT_DECIMAL_COMMA)
    ok(wait_until(lambda: not sensitive(add_button), "'Add' turned off", 10),
       "the month 13 is refused")
    type_into(date, DATE_ARABIC_INDIC)
    ok(wait_until(lambda: sensitive(add_button), "'Add' turned on", 10),
       "an amount of 1,5 and a date in Arabic-Indic digits are accepted")
    press(add_button)
    table = wait_until(lambda: find_one(frame, pyatspi.ROLE_TREE_TABLE, "Investments")
                       or find_one(frame, pyatspi.ROLE_TABLE, "Investments"), "the Investments list")
    ok(wait_until(lambda: list_has_text(table, INVESTOR), f"{INVESTOR!r} in the list"),
       f"the Investments list reads out {INVESTOR!r}")


def check_saved_investment(text):
    event = next((e for e in json.loads(text).get("investments", []) if e.get("investor") == INVESTOR), {})
    ok(event.get("value_usd") == 1.5 and event.get("date") == "2025-03",
       f"the file holds $1.50 on 2025-03: {event.get('value_usd')!r}, {event.get('date')!r}")


def window_named(app, name):
    return next((w for w in app if w is not None and w.name == name), None)


def check_import(app, frame, csv, app_id):
    """Imports @csv through the window's action; the preview names every
    control, on every page."""
    path = "/" + app_id.replace(".", "/") + "/window/1"
    uri = "file://" + os.path.abspath(csv)
    call = subprocess.run(["gdbus", "call", "--session", "--dest", app_id, "--object-path", path,
                           "--method", "org.gtk.Actions.Activate", "import-file",
                           f"[<'{uri}'>]", "{}"], capture_output=True, text=True)
    ok(call.returncode == 0, f"the window's import-file action is activated {call.stderr.strip()!r}")

    dialog = wait_until(lambda: window_named(app, "Import"), "the import preview")
    summary = wait_until(lambda: next((n for n in find_all(dialog, pyatspi.ROLE_LABEL)
                                       if "export record" in n.name), None), "the summary")
    ok(summary is not None, f"the preview reads out its summary: {summary.name!r}")

    for name in ("Cancel", "Import"):
        ok(find_one(dialog, pyatspi.ROLE_PUSH_BUTTON, name) is not None, f"a button named {name!r}")
    pages = {}
    for page in ("To Add", "Skipped", "Conflicts", "File"):
        pages[page] = next((n for n in find_all(dialog) if n.name == page and
                            n.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON,
                                            pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_RADIO_BUTTON)), None)
        ok(pages[page] is not None, f"the preview has a page named {page!r}")
    table = find_one(dialog, pyatspi.ROLE_TREE_TABLE, "Export records to add") \
        or find_one(dialog, pyatspi.ROLE_TABLE, "Export records to add")
    ok(table is not None, "the records to add are a list named 'Export records to add'")
    ok(not unnamed_controls(dialog), f"no unnamed control on 'To Add' {unnamed_controls(dialog)}")

    for page, controls in (("Skipped", ((pyatspi.ROLE_TREE_TABLE, "Skipped rows"),)),
                           ("Conflicts", ((pyatspi.ROLE_COMBO_BOX, None),)),
                           ("File", ((pyatspi.ROLE_COMBO_BOX, "Layout"),
                                     (pyatspi.ROLE_COMBO_BOX, "Encoding"),
                                     (pyatspi.ROLE_COMBO_BOX, "Reporting Country")))):
        if pages.get(page) is None:
            continue
        press(pages[page])
        for role, name in controls:
            found = wait_until(lambda: find_all(dialog, role, name) or
                               (role == pyatspi.ROLE_TREE_TABLE and find_all(dialog, pyatspi.ROLE_TABLE, name)),
                               f"{name or role} on {page!r}")
            ok(found, f"the page {page!r} shows {name or 'a choice'!r}")
        ok(not unnamed_controls(dialog), f"no unnamed control on {page!r} {unnamed_controls(dialog)}")

    # A press that reaches a busy window may be dropped by AT-SPI, so it is
    # made again while the preview stays; Import applies its plan only once.
    import_button = find_one(dialog, pyatspi.ROLE_PUSH_BUTTON, "Import")
    closed = False
    for attempt in range(6):
        press(import_button)
        deadline = time.monotonic() + TIMEOUT / 6
        while not closed and time.monotonic() < deadline:
            try:
                closed = window_named(app, "Import") is None
            except Exception:  # the preview can vanish while it is walked
                closed = False
            time.sleep(0.1)
        if closed:
            break
    ok(closed, "Import closes the preview")


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    lode = sys.argv[1]
    edit = "--edit" in sys.argv[2:]
    csv = app_id = None
    if "--import" in sys.argv[2:]:
        csv, app_id = sys.argv[sys.argv.index("--import") + 1:][:2]

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
    folder = tempfile.mkdtemp(prefix="lode-a11y-")
    path = os.path.join(folder, "portfolio.json")
    arguments = [lode]
    if edit:
        subprocess.run([os.environ["LODE_CLI"], "sample", path], check=True)
        arguments.append(path)
    app_process = subprocess.Popen(arguments, env=env, stdout=sys.stderr, stderr=sys.stderr)

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
            check_investment(app, frame)
            check_national(app, frame)
            check_rates(app, frame)
            check_odd_spellings(app, frame, path)
        elif csv is not None:
            check_import(app, frame, csv, app_id)
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
        shutil.rmtree(folder, ignore_errors=True)

    print(f"1..{len(results)}", flush=True)
    sys.exit(0 if results and all(passed for passed, _ in results) else 1)


if __name__ == "__main__":
    main()
