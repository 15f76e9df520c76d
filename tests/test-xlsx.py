#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the workbooks lode-cli export writes with openpyxl, as a
spreadsheet program would, against the portfolio files they come from.

test-xlsx.py LODE_CLI SOURCE_ROOT

For the built-in sample and every valid fixture: every sheet there, in
order, with a row a mineral, reserve estimate, export record, project,
target, investment event, production figure, national figure and source
(the sheets there with their header also when the file has no such
list); numbers are numbers, years and months whole numbers, money in US
dollars with a currency format and the same cents as the file, dates the
text of the file; the header bold and frozen; absent values empty cells.
Prints TAP.
"""

import decimal
import glob
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

SHEETS = ["Minerals", "Reserves", "Exports", "Projects", "Targets", "Investments",
          "Production", "National figures", "Sources"]
EXPORT_HEADER = ["mineral", "year", "month", "destination", "hs_code", "stage",
                 "quantity", "unit", "value_usd", "source", "period", "original_amount",
                 "original_currency"]
HEADERS = {
    "Investments": ["project", "investor", "investor_country", "kind", "value_usd", "date",
                    "minerals", "source", "note"],
    "Production": ["mineral", "project", "year", "quantity", "unit", "source", "note"],
    "National figures": ["kind", "country", "year", "value_usd", "change", "note", "source"],
}
MONEY_COLUMNS = {"value_usd", "committed_usd", "disbursed_usd", "baseline_usd", "low_usd", "high_usd"}
INTEGER_COLUMNS = {"year", "month", "start_year", "jobs", "baseline_year", "target_year"}

results = []


def ok(condition, name, detail=""):
    results.append((bool(condition), name, detail))
    return bool(condition)


def cents(value):
    """Whole cents of an amount read from JSON (as a Decimal) or a cell."""
    return int((decimal.Decimal(str(value)) * 100).to_integral_value())


def export(cli, portfolio, out, *options, env=None):
    run = subprocess.run([cli, "export", portfolio, "--output", out, *options],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0:
        raise RuntimeError(f"lode-cli export {portfolio}: {run.returncode}: {run.stderr}")


def rows_of(sheet):
    rows = list(sheet.iter_rows())
    return [c.value for c in rows[0]], rows[1:]


def check_types(name, sheet):
    header, rows = rows_of(sheet)
    good = True
    for row in rows:
        for column, cell in zip(header, row):
            if cell.value is None:
                continue
            if column in MONEY_COLUMNS:
                good &= ok(isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool),
                           f"{name}: {sheet.title} {cell.coordinate} money is a number", repr(cell.value))
                good &= ok("$" in cell.number_format and "0.00" in cell.number_format,
                           f"{name}: {sheet.title} {cell.coordinate} has a currency format", cell.number_format)
            elif column in INTEGER_COLUMNS:
                good &= ok(isinstance(cell.value, int) and not isinstance(cell.value, bool),
                           f"{name}: {sheet.title} {cell.coordinate} {column} is an integer", repr(cell.value))
            elif column in ("quantity", "share", "change", "original_amount"):
                good &= ok(isinstance(cell.value, (int, float)),
                           f"{name}: {sheet.title} {cell.coordinate} quantity is a number", repr(cell.value))
            else:
                good &= ok(isinstance(cell.value, str),
                           f"{name}: {sheet.title} {cell.coordinate} {column} is text", repr(cell.value))
    return good


def same_number(cell, value):
    """A number of the file (a Decimal) against its cell, to the 16
    significant digits libxlsxwriter writes."""
    if value is None:
        return cell is None
    return cell is not None and abs(decimal.Decimal(repr(cell)) - value) <= abs(value) * decimal.Decimal("1e-15")


def check_figures(name, book, data):
    """The cells of the investment events, production and national figures
    against the file, item by item."""
    lists = [
        ("Investments", data.get("investments") or [], lambda item, cell: (
            cell["project"] == item.get("project") and cell["investor"] == item.get("investor")
            and cell["investor_country"] == item.get("investor_country") and cell["kind"] == item["kind"]
            and cents(cell["value_usd"]) == cents(item["value_usd"])
            and cell["date"] == str(item["date"])
            and cell["minerals"] == (", ".join(item["minerals"]) if item.get("minerals") else None)
            and cell["source"] == item.get("source") and cell["note"] == item.get("note"))),
        ("Production", data.get("production") or [], lambda item, cell: (
            cell["mineral"] == item["mineral"] and cell["project"] == item.get("project")
            and cell["year"] == item["year"] and same_number(cell["quantity"], item["quantity"])
            and cell["unit"] == item["unit"] and cell["source"] == item.get("source")
            and cell["note"] == item.get("note"))),
        ("National figures", data.get("national_figures") or [], lambda item, cell: (
            cell["kind"] == item["kind"] and cell["country"] == item.get("country")
            and cell["year"] == item.get("year") and cents(cell["value_usd"]) == cents(item["value_usd"])
            and same_number(cell["change"], item.get("change"))
            and cell["note"] == item.get("note") and cell["source"] == item.get("source"))),
    ]
    for title, items, same in lists:
        if title not in book.sheetnames:
            continue
        header, rows = rows_of(book[title])
        good = True
        for item, row in zip(items, rows):
            cell = dict(zip(header, (c.value for c in row)))
            good &= ok(same(item, cell), f"{name}: {title} item", f"{cell!r} {item!r}")
        ok(good, f"{name}: every {title} item's cells")


def check_workbook(name, path, data, exports=None):
    book = openpyxl.load_workbook(path)
    ok(book.sheetnames == SHEETS, f"{name}: sheets", repr(book.sheetnames))

    minerals = data.get("minerals") or []
    reserves = [(m["id"], r) for m in minerals for r in (m.get("reserves") or [])]
    if exports is None:
        exports = data.get("exports") or []
    counts = {
        "Minerals": len(minerals),
        "Reserves": len(reserves),
        "Exports": len(exports),
        "Projects": len(data.get("projects") or []),
        "Targets": len(data.get("targets") or []),
        "Investments": len(data.get("investments") or []),
        "Production": len(data.get("production") or []),
        "National figures": len(data.get("national_figures") or []),
        "Sources": len(data.get("sources") or []),
    }

    for title in SHEETS:
        if title not in book.sheetnames:
            continue
        sheet = book[title]
        header, rows = rows_of(sheet)
        ok(len(rows) == counts[title], f"{name}: {title} has {counts[title]} rows", f"{len(rows)}")
        ok(sheet.freeze_panes == "A2", f"{name}: {title} header frozen", repr(sheet.freeze_panes))
        ok(all(c.font.b for c in next(sheet.iter_rows(max_row=1))), f"{name}: {title} header bold")
        ok(all(sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width >= 8
               for i in range(len(header))), f"{name}: {title} columns have widths")
        check_types(name, sheet)
        if title in HEADERS:
            ok(header == HEADERS[title], f"{name}: {title} header", repr(header))

    check_figures(name, book, data)

    if "Exports" not in book.sheetnames:
        return
    header, rows = rows_of(book["Exports"])
    ok(header == EXPORT_HEADER, f"{name}: Exports header", repr(header))
    good = True
    for record, row in zip(exports, rows):
        cell = dict(zip(header, (c.value for c in row)))
        good &= ok(cell["mineral"] == record["mineral"], f"{name}: mineral", repr(cell))
        good &= ok(cell["year"] == record["year"], f"{name}: year", repr(cell))
        good &= ok(cell["month"] == record.get("month"), f"{name}: month", repr(cell))
        good &= ok(cell["destination"] == record.get("destination"), f"{name}: destination", repr(cell))
        good &= ok(cell["hs_code"] == record.get("hs_code"), f"{name}: hs_code", repr(cell))
        good &= ok(cell["stage"] == record.get("stage"), f"{name}: stage", repr(cell))
        if record.get("quantity") is not None:
            # libxlsxwriter writes 16 significant digits (a spreadsheet
            # shows 15): the 17th of a double may differ.
            quantity = decimal.Decimal(repr(cell["quantity"]))
            good &= ok(abs(quantity - record["quantity"]) <= abs(record["quantity"]) * decimal.Decimal("1e-15"),
                       f"{name}: quantity", f"{cell['quantity']!r} {record['quantity']}")
        else:
            good &= ok(cell["quantity"] is None, f"{name}: no quantity", repr(cell))
        good &= ok(cents(cell["value_usd"]) == cents(record["value_usd"]),
                   f"{name}: value_usd to the cent", f"{cell['value_usd']!r} {record['value_usd']}")
        good &= ok(cell["source"] == record.get("source"), f"{name}: source", repr(cell))
        good &= ok(cell["period"] == record.get("period"), f"{name}: period", repr(cell))
        good &= ok(cell["original_currency"] == record.get("original_currency"),
                   f"{name}: original_currency", repr(cell))
        if record.get("original_amount") is not None:
            good &= ok(cents(cell["original_amount"]) == cents(record["original_amount"]),
                       f"{name}: original_amount to the cent", f"{cell['original_amount']!r} {record['original_amount']}")
        else:
            good &= ok(cell["original_amount"] is None, f"{name}: no original_amount", repr(cell))
    ok(good, f"{name}: every export record's cells")
    total_sheet = sum(cents(r[header.index("value_usd")].value) for r in rows)
    total_file = sum(cents(r["value_usd"]) for r in exports)
    ok(total_sheet == total_file, f"{name}: exports total to the cent", f"{total_sheet} {total_file}")

    header, rows = rows_of(book["Reserves"])
    for (mineral, reserve), row in zip(reserves, rows):
        cell = dict(zip(header, (c.value for c in row)))
        ok(cell["mineral"] == mineral and cell["unit"] == reserve["unit"]
           and cell["category"] == (reserve.get("category") or "unspecified")
           and (reserve.get("value_usd") is None) == (cell["value_usd"] is None)
           and (reserve.get("value_usd") is None or cents(cell["value_usd"]) == cents(reserve["value_usd"])),
           f"{name}: reserve of {mineral}", repr(cell))


def main(cli, root):
    with tempfile.TemporaryDirectory(prefix="lode-xlsx-") as tmp:
        sample = os.path.join(tmp, "sample.json")
        subprocess.run([cli, "sample", sample], check=True)
        files = [sample] + sorted(glob.glob(os.path.join(root, "tests", "fixtures", "valid", "*.json")))
        for path in files:
            name = os.path.basename(path)
            with open(path, encoding="utf-8") as f:
                data = json.load(f, parse_float=decimal.Decimal)
            out = os.path.join(tmp, name + ".xlsx")
            export(cli, path, out)
            check_workbook(name, out, data)

        # The filters narrow the Exports sheet only.
        with open(sample, encoding="utf-8") as f:
            data = json.load(f, parse_float=decimal.Decimal)
        out = os.path.join(tmp, "copper.xlsx")
        export(cli, sample, out, "--mineral", "copper", "--destination", "CN")
        shown = [r for r in data["exports"] if r["mineral"] == "copper" and r.get("destination") == "CN"]
        ok(len(shown) > 0, "sample: copper to China has records")
        check_workbook("sample, copper to CN", out, data, shown)

        # A decimal comma in the user's locale changes nothing in the file.
        path = os.path.join(root, "tests", "fixtures", "valid", "monthly-exports.json")
        with open(path, encoding="utf-8") as f:
            data = json.load(f, parse_float=decimal.Decimal)
        out = os.path.join(tmp, "de_DE.xlsx")
        export(cli, path, out, env=dict(os.environ, LC_ALL="de_DE.UTF-8"))
        check_workbook("monthly-exports.json in de_DE", out, data)

    failed = [r for r in results if not r[0]]
    # One line a check that failed, and one a file for those that passed.
    print(f"1..{len(failed) + 1}")
    n = 1
    for _, name, detail in failed:
        print(f"not ok {n} - {name}: {detail}")
        n += 1
    print(f"{'ok' if not failed else 'not ok'} {n} - {len(results)} checks, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
