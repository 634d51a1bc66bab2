"""How ``archlint check`` prints its findings: one function per format, from a report
to text (the formats are registered in :mod:`archlint.report.formats`).

``text`` and ``concise`` are for people, ``json`` and ``json-lines`` for scripts,
``sarif`` (2.1.0) for code-scanning dashboards, ``github`` for workflow annotations,
``gitlab`` for Code Quality reports, ``junit`` for CI servers' test views; ``statistics``
counts findings per rule.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import click

from archlint.diagnostics import Diagnostic, Severity
from archlint.frozen import frozen
from archlint.report.printable import printable, xml_safe
from archlint.version import __version__

if TYPE_CHECKING:
    from archlint.rule import Rule

INFORMATION_URI = "https://pypi.org/project/archlint/"


@frozen
class Report:
    diagnostics: tuple[Diagnostic, ...]
    files_checked: int
    rules: tuple[Rule, ...] = ()
    unpacked: int = 0  # files no rule pack applied to: no template's sections required
    # the files in the folders given that were left out, named like a template (a
    # folder's own: what --template names)
    templates: tuple[str, ...] = ()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _checked(report: Report) -> str:
    """How many files were checked, and how many of them with no rule pack (whose
    sections no template asks for: a passing run says nothing of their structure); and
    the files left out as templates, with the --template that would check the others
    against one when some had no pack."""
    said = f"{_plural(report.files_checked, 'file')} checked"
    if report.unpacked:
        if report.files_checked == 1:
            said += ", with no rule pack"
        elif report.unpacked == report.files_checked:
            said += ", none with a rule pack"
        else:
            said += f", {report.unpacked} with no rule pack"
    if not report.templates:
        return said
    first = printable(report.templates[0])
    more = f" (and {len(report.templates) - 1} more)" if len(report.templates) > 1 else ""
    said += f"; {first}{more} left out, named like a template"
    if report.unpacked:
        said += f": `--template {first}` checks the others against it"
    return said


def summary(report: Report) -> str:
    files = _checked(report)
    if not report.diagnostics:
        return f"All checks passed ({files})."
    paths = len({d.path for d in report.diagnostics})
    counts = Counter(d.severity for d in report.diagnostics)
    kinds = ", ".join(_plural(counts[s], s.value) for s in Severity if counts[s])
    fixable = sum(1 for d in report.diagnostics if d.fix is not None)
    fixes = f"; {fixable} fixable with --fix" if fixable else ""
    return (f"Found {_plural(len(report.diagnostics), 'problem')} ({kinds}) in "
            f"{_plural(paths, 'file')} ({files}){fixes}.")


def _where(d: Diagnostic, color: bool) -> tuple[str, str]:
    where = f"{printable(d.path)}:{d.line}:{d.column}:"
    code = d.code
    if color:
        where = click.style(where, bold=True)
        code = click.style(code, fg="red" if d.severity is Severity.ERROR else "yellow",
                           bold=True)
    return where, code


def text(report: Report, color: bool) -> str:
    """``path:line:column: CODE message [name]``, one per line, then a summary."""
    lines = []
    for d in report.diagnostics:
        where, code = _where(d, color)
        lines.append(f"{where} {code} {printable(d.message)} [{d.name}]")
    return "\n".join([*lines, summary(report)]) + "\n"


def concise(report: Report, color: bool) -> str:
    """``path:line:column: CODE message``, one per line, nothing else."""
    return "".join(f"{' '.join(_where(d, color))} {printable(d.message)}\n"
                   for d in report.diagnostics)


def _json(value: object, indent: int | None = 2) -> str:
    """``value`` as JSON text (json is imported only by the formats that write it)."""
    import json

    return json.dumps(value, indent=indent, ensure_ascii=False)


def json_array(report: Report, color: bool) -> str:
    """A JSON array of objects: code, name, path, line, column, severity, message,
    fixable, fingerprint."""
    return _json([_record(d) for d in report.diagnostics]) + "\n"


# characters that many line readers take for the end of a line (Python's
# str.splitlines, JavaScript): JSON allows them raw in a string, a line of JSON Lines
# must not hold them
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})


def json_lines(report: Report, color: bool) -> str:
    """One JSON object per line, as in the ``json`` format."""
    return "".join(_json(_record(d), indent=None).translate(_LINE_BREAKS) + "\n"
                   for d in report.diagnostics)


def _record(d: Diagnostic) -> dict[str, object]:
    return {**d.as_dict(), "fingerprint": d.fingerprint}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report, color: bool) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for d in report.diagnostics:
        properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in (
            ("file", d.path), ("line", d.line), ("col", d.column),
            ("title", f"{d.code} {d.name}")))
        lines.append(f"::{d.severity.value} {properties}::{_escape_data(d.message)}\n")
    return "".join(lines)


_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def gitlab(report: Report, color: bool) -> str:
    """GitLab Code Quality: a JSON array of issues with stable fingerprints."""
    issues = [{
        "description": f"{d.code} {d.message}",
        "check_name": d.name,
        "fingerprint": d.fingerprint,
        "severity": _GITLAB_SEVERITY[d.severity],
        "location": {"path": d.path, "lines": {"begin": d.line}},
    } for d in report.diagnostics]
    return _json(issues) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, object]:
    summary_line = rule.summary.split(":", 1)[-1].strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary_line},
        "fullDescription": {"text": summary_line},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": rule.severity.value},
    }


def sarif(report: Report, color: bool) -> str:
    """SARIF 2.1.0, with every rule that ran (id, name, help) and the results."""
    index = {rule.code: position for position, rule in enumerate(report.rules)}
    results = []
    for d in report.diagnostics:
        result: dict[str, object] = {
            "ruleId": d.code,
            "level": d.severity.value,
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": d.path},
                "region": {"startLine": d.line, "startColumn": d.column},
            }}],
            "partialFingerprints": {"archlint/v1": d.fingerprint},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "archlint",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_sarif_rule(rule) for rule in report.rules],
            }},
            "results": results,
        }],
    }
    return _json(log) + "\n"


def junit(report: Report, color: bool) -> str:
    """JUnit XML: one test case per problem (one passing case when there are none)."""
    from xml.etree import ElementTree

    failures = len(report.diagnostics)
    suites = ElementTree.Element("testsuites", name="archlint", tests=str(max(failures, 1)),
                                 failures=str(failures))
    suite = ElementTree.SubElement(suites, "testsuite", name="archlint",
                                   tests=str(max(failures, 1)), failures=str(failures))
    for d in report.diagnostics:
        path, message = xml_safe(d.path), xml_safe(d.message)
        case = ElementTree.SubElement(suite, "testcase", classname=path,
                                      name=f"{d.code} {d.name} at {d.line}:{d.column}")
        failure = ElementTree.SubElement(case, "failure", type=d.code, message=message)
        failure.text = f"{path}:{d.line}:{d.column}: {d.code} {message} [{d.name}]"
    if not failures:
        ElementTree.SubElement(suite, "testcase", classname="archlint",
                               name=f"{report.files_checked} files checked")
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def statistics(report: Report, color: bool) -> str:
    """Counts per rule, most frequent first, then the summary."""
    counts = Counter((d.code, d.name) for d in report.diagnostics)
    fixable = Counter(d.code for d in report.diagnostics if d.fix is not None)
    lines = [f"{count:>6}  {code}  {name}{'  [*] fixable' if fixable[code] else ''}"
             for (code, name), count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]
    return "\n".join([*lines, summary(report)]) + "\n"
