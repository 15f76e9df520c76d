#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a user would otherwise write an export with: Python's csv module
and openpyxl (write-only mode, its fastest), over the records of a
portfolio file that is loaded first, untimed.

export-python.py PORTFOLIO.json FOLDER [--no-xlsx]

Prints one line a format: "csv SECONDS" and "xlsx SECONDS", CPU time
(user and system) of the writing alone, file included.
"""

import csv
import decimal
import json
import os
import sys
import time

HEADER = ["mineral", "year", "month", "destination", "hs_code", "stage",
          "quantity", "unit", "value_usd", "source"]


def rows(data):
    for r in data.get("exports") or []:
        yield [r["mineral"], r["year"], r.get("month"), r.get("destination"), r.get("hs_code"),
               r.get("stage"), r.get("quantity"), r.get("unit"), r["value_usd"], r.get("source")]


def cpu():
    t = os.times()
    return t.user + t.system


def main(path, folder, xlsx):
    with open(path, encoding="utf-8") as f:
        data = json.load(f, parse_float=decimal.Decimal)

    start = cpu()
    with open(os.path.join(folder, "python.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows(data):
            row[8] = f"{row[8]:.2f}"
            writer.writerow(["" if v is None else v for v in row])
    print(f"csv {cpu() - start:.3f}")

    if xlsx:
        import openpyxl
        start = cpu()
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Exports")
        sheet.append(HEADER)
        for row in rows(data):
            row[8] = float(row[8])
            if row[6] is not None:
                row[6] = float(row[6])
            sheet.append(row)
        book.save(os.path.join(folder, "python.xlsx"))
        print(f"xlsx {cpu() - start:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--no-xlsx" not in sys.argv[3:])
