#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keeps the JSON Schema of portfolio format v1, the built-in sample and the
# test fixtures true to one another, independently of Lode's C code:
#
#  - the schema is a valid JSON Schema;
#  - the sample and every valid fixture are strict JSON, pass the schema and
#    the rules the schema cannot express (unique ids, references that resolve,
#    money with at most two decimals);
#  - every invalid fixture is strict JSON that breaks exactly one rule, at the
#    JSON Pointer that invalid/EXPECTED.tsv names: the schema rejects it there
#    when the file is marked "schema", only the other rules when "lode";
#  - every syntax fixture is refused by a strict JSON reader at the line and
#    column that syntax/EXPECTED.tsv names.
#
# Usage: /usr/bin/python3 tests/check-schema.py SOURCE_ROOT
# Prints TAP; exits non-zero if anything fails.

import datetime
import json
import math
import os
import re
import sys

import jsonschema

MAX_DEPTH = 64  # LODE_PORTFOLIO_MAX_DEPTH
MONEY_MAX_CENTS = 7000000000000000  # LODE_MONEY_MAX

SCHEMA_PATH = "schema/lode-portfolio-v1.schema.json"
SAMPLE_PATH = "resources/sample/pakistan-minerals.json"
FIXTURES = "tests/fixtures"


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0
        self.lines = []

    def check(self, name, problems):
        """Records one test; @problems is a list of strings, empty when it passed."""
        self.n += 1
        if problems:
            self.failed += 1
            self.lines.append("not ok %d - %s" % (self.n, name))
            for p in problems:
                self.lines.append("#   " + p)
        else:
            self.lines.append("ok %d - %s" % (self.n, name))

    def finish(self):
        print("1..%d" % self.n)
        for line in self.lines:
            print(line)
        if self.failed:
            print("# %d of %d failed" % (self.failed, self.n))
        return 1 if self.failed else 0


# ------------------------------------------------------------ strict JSON

class SyntaxProblem(Exception):
    def __init__(self, pos, message):
        super().__init__(message)
        self.pos = pos
        self.message = message


class StrictReader:
    """RFC 8259 JSON, with the limits of Lode's checker. An error names the
    first character of the offending token (for a trailing comma, the comma;
    for a string that never ends, its opening quote), the first character of
    a text that is empty or only whitespace, or the place just past the last
    character when the text ends too early. Lines are counted by "\\n";
    columns count characters, a byte that is not UTF-8 counting as one."""

    WS = " \t\n\r"
    NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")

    def __init__(self, data, max_depth=MAX_DEPTH):
        # Invalid bytes become lone surrogates, which no valid text holds.
        self.s = data.decode("utf-8", errors="surrogateescape")
        self.n = len(self.s)
        self.max_depth = max_depth

    def position(self, i):
        line = self.s.count("\n", 0, i) + 1
        column = i - (self.s.rfind("\n", 0, i) + 1) + 1
        return "%d:%d" % (line, column)

    def fail(self, i, message):
        raise SyntaxProblem(self.position(i), message)

    def ws(self, i):
        while i < self.n and self.s[i] in self.WS:
            i += 1
        return i

    def check(self):
        if self.n and self.s[0] == "\ufeff":
            self.fail(0, "byte-order mark")
        i = self.ws(0)
        if i == self.n:
            self.fail(0, "no value")
        i = self.value(i, 1)
        i = self.ws(i)
        if i != self.n:
            self.fail(i, "text after the value")

    def value(self, i, depth):
        if i == self.n:
            self.fail(i, "end of text where a value was expected")
        c = self.s[i]
        if c in "{[":
            if depth > self.max_depth:
                self.fail(i, "nested too deeply")
            return self.obj(i, depth) if c == "{" else self.arr(i, depth)
        if c == '"':
            return self.string(i)[1]
        if c == "-" or c.isdigit():
            return self.number(i)
        for literal in ("true", "false", "null"):
            if self.s.startswith(literal, i):
                return i + len(literal)
        self.fail(i, "not a value")

    def obj(self, i, depth):
        names = set()
        i = self.ws(i + 1)
        if i < self.n and self.s[i] == "}":
            return i + 1
        while True:
            if i == self.n:
                self.fail(i, "end of text in an object")
            if self.s[i] != '"':
                self.fail(i, "member name expected")
            name, j = self.string(i)
            if name in names:
                self.fail(i, "duplicate member name")
            names.add(name)
            j = self.ws(j)
            if j == self.n:
                self.fail(j, "end of text in an object")
            if self.s[j] != ":":
                self.fail(j, "':' expected")
            j = self.value(self.ws(j + 1), depth + 1)
            j = self.ws(j)
            if j == self.n:
                self.fail(j, "end of text in an object")
            if self.s[j] == "}":
                return j + 1
            if self.s[j] != ",":
                self.fail(j, "',' or '}' expected")
            i = self.ws(j + 1)
            if i < self.n and self.s[i] == "}":
                self.fail(j, "trailing comma")

    def arr(self, i, depth):
        i = self.ws(i + 1)
        if i < self.n and self.s[i] == "]":
            return i + 1
        while True:
            i = self.ws(self.value(i, depth + 1))
            if i == self.n:
                self.fail(i, "end of text in an array")
            if self.s[i] == "]":
                return i + 1
            if self.s[i] != ",":
                self.fail(i, "',' or ']' expected")
            comma, i = i, self.ws(i + 1)
            if i < self.n and self.s[i] == "]":
                self.fail(comma, "trailing comma")

    def string(self, i):
        out = []
        j = i + 1
        while True:
            if j == self.n:
                self.fail(i, "string without its closing quote")
            c = self.s[j]
            if c == '"':
                return "".join(out), j + 1
            if ord(c) < 0x20:
                self.fail(j, "control character in a string")
            if 0xD800 <= ord(c) <= 0xDFFF:
                self.fail(j, "invalid UTF-8")
            if c != "\\":
                out.append(c)
                j += 1
                continue
            e = self.s[j + 1:j + 2]
            if e and e in '"\\/bfnrt':
                out.append(json.loads('"\\' + e + '"'))
                j += 2
                continue
            if e != "u":
                self.fail(j, "invalid escape")
            code = self.hex4(j)
            if 0xDC00 <= code <= 0xDFFF:
                self.fail(j, "lone low surrogate")
            if 0xD800 <= code <= 0xDBFF:
                low = self.hex4(j + 6) if self.s.startswith("\\u", j + 6) else None
                if low is None or not 0xDC00 <= low <= 0xDFFF:
                    self.fail(j, "lone high surrogate")
                out.append(chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)))
                j += 12
            else:
                out.append(chr(code))
                j += 6

    def hex4(self, j):
        digits = self.s[j + 2:j + 6]
        if len(digits) != 4 or not all(d in "0123456789abcdefABCDEF" for d in digits):
            self.fail(j, "invalid \\u escape")
        return int(digits, 16)

    def number(self, i):
        m = self.NUMBER.match(self.s, i)
        if not m:
            self.fail(i, "invalid number")
        j = m.end()
        if j < self.n and self.s[j] in "0123456789.eE+-":
            self.fail(i, "invalid number")
        if math.isinf(float(m.group(0))):
            self.fail(i, "number too large")
        return j


def read_json(path):
    """Returns (document, None) or (None, "line:col: message")."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        StrictReader(data).check()
    except SyntaxProblem as e:
        return None, "%s: %s" % (e.pos, e.message)
    return json.loads(data.decode("utf-8")), None


# ------------------------------------------ rules the schema cannot express

def pointer(parts):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def items(doc, key):
    value = doc.get(key) if isinstance(doc, dict) else None
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def money_ok(value):
    """True if @value is the double closest to an amount in whole cents."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return True  # a type error, the schema's business
    if isinstance(value, int):
        return True
    if not math.isfinite(value) or abs(value) * 100 > MONEY_MAX_CENTS + 1:
        return True
    cents = round(value * 100)
    return any((c / 100) == value for c in (cents - 1, cents, cents + 1))


def lode_rules(doc):
    """Unique ids, references that resolve, money with two decimals, real
    dates, ranges in order. Returns a list of (pointer, message)."""
    problems = []
    if not isinstance(doc, dict):
        return problems

    ids = {}
    for key in ("sources", "minerals", "projects", "targets"):
        seen = set()
        for i, item in items(doc, key):
            ident = item.get("id")
            if isinstance(ident, str):
                if ident in seen:
                    problems.append((pointer([key, i, "id"]), "duplicate id %r" % ident))
                seen.add(ident)
        ids[key] = seen

    def ref(value, where, key):
        if isinstance(value, str) and value not in ids[key]:
            problems.append((pointer(where), "%r names no %s" % (value, key[:-1])))

    def money(obj, where, member):
        if isinstance(obj, dict) and member in obj and not money_ok(obj[member]):
            problems.append((pointer(where + [member]), "more than two decimals"))

    for i, source in items(doc, "sources"):
        date = source.get("date")
        if isinstance(date, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date):
            try:
                datetime.date.fromisoformat(date)
            except ValueError:
                problems.append((pointer(["sources", i, "date"]), "no such day"))
    for i, mineral in items(doc, "minerals"):
        for j, reserve in items(mineral, "reserves"):
            where = ["minerals", i, "reserves", j]
            ref(reserve.get("source"), where + ["source"], "sources")
            money(reserve, where, "value_usd")
    for i, record in items(doc, "exports"):
        ref(record.get("mineral"), ["exports", i, "mineral"], "minerals")
        ref(record.get("source"), ["exports", i, "source"], "sources")
        money(record, ["exports", i], "value_usd")
    for i, project in items(doc, "projects"):
        minerals = project.get("minerals")
        if isinstance(minerals, list):
            for k, m in enumerate(minerals):
                ref(m, ["projects", i, "minerals", k], "minerals")
        ref(project.get("source"), ["projects", i, "source"], "sources")
        for member in ("committed", "disbursed"):
            money(project.get("investment_usd"), ["projects", i, "investment_usd"], member)
    for i, target in items(doc, "targets"):
        metric = target.get("metric")
        if isinstance(metric, dict):
            ref(metric.get("mineral"), ["targets", i, "metric", "mineral"], "minerals")
        ref(target.get("source"), ["targets", i, "source"], "sources")
        baseline, goal = target.get("baseline"), target.get("target")
        money(baseline, ["targets", i, "baseline"], "value_usd")
        for member in ("low_usd", "high_usd"):
            money(goal, ["targets", i, "target"], member)
        if isinstance(goal, dict):
            low, high = goal.get("low_usd"), goal.get("high_usd")
            if all(isinstance(v, (int, float)) for v in (low, high)) and high < low:
                problems.append((pointer(["targets", i, "target", "high_usd"]), "below low_usd"))
            if isinstance(baseline, dict):
                start, end = baseline.get("year"), goal.get("year")
                if all(isinstance(v, int) for v in (start, end)) and end <= start:
                    problems.append((pointer(["targets", i, "target", "year"]),
                                     "not after the baseline year"))
    for i, event in items(doc, "investments"):
        where = ["investments", i]
        ref(event.get("project"), where + ["project"], "projects")
        minerals = event.get("minerals")
        if isinstance(minerals, list):
            for k, m in enumerate(minerals):
                ref(m, where + ["minerals", k], "minerals")
        ref(event.get("source"), where + ["source"], "sources")
        money(event, where, "value_usd")
        date = event.get("date")
        if isinstance(date, str) and re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", date):
            year = int(date[:4])
            if not 1800 <= year <= 2200:
                problems.append((pointer(where + ["date"]), "year outside 1800-2200"))
            elif len(date) == 10:
                try:
                    datetime.date.fromisoformat(date)
                except ValueError:
                    problems.append((pointer(where + ["date"]), "no such day"))
    for i, figure in items(doc, "production"):
        where = ["production", i]
        ref(figure.get("mineral"), where + ["mineral"], "minerals")
        ref(figure.get("project"), where + ["project"], "projects")
        ref(figure.get("source"), where + ["source"], "sources")
    for i, figure in items(doc, "national_figures"):
        ref(figure.get("source"), ["national_figures", i, "source"], "sources")
        money(figure, ["national_figures", i], "value_usd")
    for key in ("exports", "investments"):
        for i, item in items(doc, key):
            money(item, [key, i], "original_amount")
    for i, record in items(doc, "exports"):
        if record.get("month") is not None and record.get("period") is not None:
            problems.append((pointer(["exports", i, "period"]), "a period kind with a month"))
    def currency(value, where):
        if isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value) and value not in CURRENCIES:
            problems.append((pointer(where), "%r is no ISO 4217 currency" % value))

    for key in ("exports", "investments"):
        for i, item in items(doc, key):
            currency(item.get("original_currency"), [key, i, "original_currency"])
    periods = {}
    for i, rate in items(doc, "exchange_rates"):
        currency(rate.get("currency"), ["exchange_rates", i, "currency"])
        where = ["exchange_rates", i]
        ref(rate.get("source"), where + ["source"], "sources")
        text = rate.get("units_per_usd")
        if isinstance(text, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
            if not 0 < float(text) <= 1e9:
                problems.append((pointer(where + ["units_per_usd"]), "not above 0 or above a billion"))
        if rate.get("month") is not None and rate.get("period") is not None:
            problems.append((pointer(where + ["period"]), "a period kind with a month"))
        key_of = (rate.get("currency"), rate.get("year"), rate.get("month"),
                  rate.get("period") == "fiscal_year")
        if key_of in periods:
            problems.append((pointer(where), "a second rate for the same period"))
        periods[key_of] = i
    return problems


# The currencies of ISO 4217 as iso-codes lists them.
def read_currencies():
    for folder in ("/usr/share", "/usr/local/share", "/app/share"):
        path = os.path.join(folder, "iso-codes", "json", "iso_4217.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return {c["alpha_3"] for c in json.load(f)["4217"]}
    raise SystemExit("iso-codes' iso_4217.json is not installed")


CURRENCIES = read_currencies()


# Members of format v1; the sample uses no others.
KNOWN = {
    "": {"format", "version", "title", "description", "currency", "country",
         "fiscal_year_start",
         "sources", "minerals", "exports", "projects", "targets",
         "investments", "production", "national_figures", "exchange_rates"},
    "source": {"id", "title", "publisher", "date", "url"},
    "mineral": {"id", "name", "symbol", "group", "hs_codes", "reserves"},
    "reserve": {"category", "quantity", "unit", "value_usd", "year", "source"},
    "export": {"mineral", "year", "month", "destination", "hs_code", "stage",
               "quantity", "unit", "value_usd", "source",
               "period", "original_amount", "original_currency"},
    "project": {"id", "name", "minerals", "region", "operator", "status",
                "partners", "investment_usd", "start_year", "jobs", "source"},
    "partner": {"name", "country", "share"},
    "investment": {"committed", "disbursed"},
    "target": {"id", "title", "metric", "baseline", "target", "source", "period"},
    "metric": {"kind", "mineral", "destination", "investment", "investor_country"},
    "baseline": {"year", "value_usd"},
    "target-object": {"year", "low_usd", "high_usd"},
    "investment-event": {"project", "investor", "investor_country", "kind", "value_usd",
                         "date", "minerals", "source", "note",
                         "original_amount", "original_currency"},
    "production": {"mineral", "project", "year", "quantity", "unit", "source", "note"},
    "national-figure": {"kind", "country", "year", "value_usd", "change", "note", "source"},
    "exchange-rate": {"currency", "year", "month", "period", "units_per_usd", "source", "note"},
}


def unknown_members(doc):
    found = []

    def look(obj, kind, where):
        if isinstance(obj, dict):
            for member in sorted(set(obj) - KNOWN[kind]):
                found.append(pointer(where + [member]))

    look(doc, "", [])
    for i, s in items(doc, "sources"):
        look(s, "source", ["sources", i])
    for i, m in items(doc, "minerals"):
        look(m, "mineral", ["minerals", i])
        for j, r in items(m, "reserves"):
            look(r, "reserve", ["minerals", i, "reserves", j])
    for i, r in items(doc, "exports"):
        look(r, "export", ["exports", i])
    for i, p in items(doc, "projects"):
        look(p, "project", ["projects", i])
        for j, partner in items(p, "partners"):
            look(partner, "partner", ["projects", i, "partners", j])
        look(p.get("investment_usd"), "investment", ["projects", i, "investment_usd"])
    for i, t in items(doc, "targets"):
        look(t, "target", ["targets", i])
        for member, kind in (("metric", "metric"), ("baseline", "baseline"), ("target", "target-object")):
            look(t.get(member), kind, ["targets", i, member])
    for key, kind in (("investments", "investment-event"), ("production", "production"),
                      ("national_figures", "national-figure"),
                      ("exchange_rates", "exchange-rate")):
        for i, item in items(doc, key):
            look(item, kind, [key, i])
    return found


# ------------------------------------------------------------------ tests

def schema_errors(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))


def error_pointers(error):
    """Where an error is: the member for a missing required member (as Lode
    names it), else the instance that failed."""
    where = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        return [pointer(where + [m]) for m in error.validator_value if m not in error.instance]
    return [pointer(where)]


def describe(errors):
    return ["%s: %s" % (", ".join(error_pointers(e)) or "(root)", e.message) for e in errors]


def read_tsv(path, columns):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != columns:
                raise ValueError("%s:%d: expected %d columns" % (path, number, columns))
            rows[fields[0]] = fields[1:]
    return rows


def check_valid(tap, validator, path, name):
    doc, error = read_json(path)
    if error:
        tap.check(name, ["not strict JSON: " + error])
        return None
    problems = describe(schema_errors(validator, doc))
    problems += ["%s: %s" % p for p in lode_rules(doc)]
    tap.check(name, problems)
    return doc


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tap = Tap()

    with open(os.path.join(root, SCHEMA_PATH), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
        problems = [] if cls is jsonschema.Draft202012Validator else ["not draft 2020-12: %s" % cls.__name__]
    except jsonschema.exceptions.SchemaError as e:
        problems = ["schema: " + e.message]
    tap.check("schema is a valid draft 2020-12 JSON Schema", problems)
    validator = cls(schema)

    # The built-in sample.
    sample_path = os.path.join(root, SAMPLE_PATH)
    sample = check_valid(tap, validator, sample_path, "sample passes the schema, ids unique, references resolve")
    if sample is not None:
        with open(sample_path, encoding="utf-8") as f:
            text = f.read()
        pretty = json.dumps(sample, indent=2, ensure_ascii=False) + "\n"
        tap.check("sample is pretty-printed (2 spaces, trailing newline)",
                  [] if text == pretty else ["differs from its pretty-printed form"])
        tap.check("sample uses no members unknown to Lode",
                  ["unknown member " + p for p in unknown_members(sample)])
        problems = []
        if sample.get("title") != "Pakistan minerals (sample)":
            problems.append("title is %r" % sample.get("title"))
        for key in ("sources", "minerals", "exports", "projects", "targets"):
            if not sample.get(key):
                problems.append("no %s" % key)
        for i, record in items(sample, "exports"):
            if not record.get("source"):
                problems.append("/exports/%d has no source" % i)
        if not sample.get("national_figures"):
            problems.append("no national_figures")
        for key in ("projects", "targets", "investments", "production", "national_figures"):
            for i, item in items(sample, key):
                if not item.get("source"):
                    problems.append("/%s/%d has no source" % (key, i))
        tap.check("sample has every list, and every figure a source", problems)

    # Valid fixtures.
    valid_dir = os.path.join(root, FIXTURES, "valid")
    for name in sorted(os.listdir(valid_dir)):
        if name.endswith(".json"):
            check_valid(tap, validator, os.path.join(valid_dir, name), "valid/" + name)

    # Invalid fixtures.
    invalid_dir = os.path.join(root, FIXTURES, "invalid")
    expected = read_tsv(os.path.join(invalid_dir, "EXPECTED.tsv"), 3)
    files = sorted(n for n in os.listdir(invalid_dir) if n.endswith(".json"))
    tap.check("invalid/EXPECTED.tsv lists every invalid fixture, and only those",
              ["not listed: " + n for n in files if n not in expected] +
              ["no such file: " + n for n in expected if n not in files])
    for name in files:
        if name not in expected:
            continue
        where, who = expected[name]
        doc, error = read_json(os.path.join(invalid_dir, name))
        if error:
            tap.check("invalid/" + name, ["not strict JSON: " + error])
            continue
        errors = schema_errors(validator, doc)
        others = lode_rules(doc)
        problems = []
        if who == "schema":
            if not errors:
                problems.append("the schema accepts it")
            problems += ["error elsewhere: " + d for e, d in zip(errors, describe(errors))
                         if error_pointers(e) != [where]]
            problems += ["also breaks %s: %s" % p for p in others]
        elif who == "lode":
            problems += ["the schema rejects it: " + d for d in describe(errors)]
            if not others:
                problems.append("breaks no rule")
            problems += ["error elsewhere: %s: %s" % p for p in others if p[0] != where]
        else:
            problems.append("third column is %r, not schema or lode" % who)
        tap.check("invalid/%s refused at %r (%s)" % (name, where, who), problems)

    # Syntax fixtures.
    syntax_dir = os.path.join(root, FIXTURES, "syntax")
    expected = read_tsv(os.path.join(syntax_dir, "EXPECTED.tsv"), 2)
    files = sorted(n for n in os.listdir(syntax_dir) if n.endswith(".json"))
    tap.check("syntax/EXPECTED.tsv lists every syntax fixture, and only those",
              ["not listed: " + n for n in files if n not in expected] +
              ["no such file: " + n for n in expected if n not in files])
    for name in files:
        if name not in expected:
            continue
        position = expected[name][0]
        _, error = read_json(os.path.join(syntax_dir, name))
        if error is None:
            problems = ["strict JSON accepts it"]
        elif not error.startswith(position + ":"):
            problems = ["refused at " + error]
        else:
            problems = []
        tap.check("syntax/%s refused at %s" % (name, position), problems)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
