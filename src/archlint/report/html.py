"""``archlint report --html FILE``: the overview as one self-contained HTML page.

Everything is in the one file: the style and a small script inline, the charts and
bars as inline SVG, no font, image or script from anywhere else; it opens from disk,
offline, and prints. A Content-Security-Policy allows nothing remote and only this
style and this script (by their hashes), so even a document whose text were to slip
through unescaped could not run a script. Every text taken from documents, paths and
configuration goes through :func:`_e` (HTML escaping).

The page is whole without the script: the filters (by card state, by section state, by
rule, and a search box) are hidden until the script shows them, and only hide cards.
"""

from __future__ import annotations

import base64
import hashlib
import os
from html import escape
from pathlib import Path
from urllib.parse import quote

from archlint.report.changes import Changes
from archlint.report.overview import (
    CARD_STATES,
    CARD_WORDS,
    SECTION_STATES,
    Card,
    Finding,
    Overview,
    RuleSummary,
    Section,
)
from archlint.version import __version__

# A section state's mark (read with its word, never alone; hidden from screen readers).
MARKS = {"done": "✓", "prompt-only": "✎", "empty": "○", "unrecognised": "?", "missing": "✗",
         "example-left": "!"}

STYLE = """
:root { --bg: #fbfbfa; --fg: #1d1d1f; --muted: #5f6368; --card: #fff; --line: #dadce0;
  --done: #1e7b34; --prompt-only: #b06000; --empty: #8a6d00; --unrecognised: #a8530a;
  --missing: #c5221f;
  --example-left: #8430ce; --track: #e8eaed; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #18191b; --fg: #e8eaed; --muted: #a0a4a8; --card: #222326; --line: #3c4043;
    --done: #5bb974; --prompt-only: #fbbc04; --empty: #e2c541; --unrecognised: #fcad70;
    --missing: #f28b82;
    --example-left: #c58af9; --track: #3c4043; } }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: var(--bg); color: var(--fg); }
header.page, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.page { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
.muted, caption, footer { color: var(--muted); }
a { color: inherit; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
  gap: 1rem; }
.panel, .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem; }
.summary + .panel { margin-top: 1rem; }
table.sections td.state { width: 10rem; }
.big { font-size: 2.6rem; font-weight: 700; line-height: 1; }
dl.counts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem;
  margin: 0; }
dl.counts dt { font-weight: 600; }
dl.counts dd { margin: 0; }
svg.bar { display: block; width: 100%; height: .6rem; margin: .4rem 0; }
svg.chart { display: block; width: 100%; height: 1.6rem; margin: .4rem 0; }
.track { fill: var(--track); }
.fill-complete, .fill-done, .s-done .mark { fill: var(--done); color: var(--done); }
.fill-in-progress, .fill-prompt-only, .s-prompt-only .mark { fill: var(--prompt-only);
  color: var(--prompt-only); }
.fill-empty, .s-empty .mark { fill: var(--empty); color: var(--empty); }
.fill-unrecognised, .s-unrecognised .mark { fill: var(--unrecognised);
  color: var(--unrecognised); }
.fill-not-started, .fill-unreadable, .fill-missing, .s-missing .mark { fill: var(--missing);
  color: var(--missing); }
.fill-example-left, .s-example-left .mark { fill: var(--example-left);
  color: var(--example-left); }
.fill-error { fill: var(--missing); } .fill-warning { fill: var(--prompt-only); }
ul.legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap;
  gap: .25rem 1rem; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px;
  vertical-align: -.05em; margin-right: .3em; }
.swatch svg { display: block; width: 100%; height: 100%; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-size: .85rem; padding: .25rem 0; }
th, td { text-align: left; padding: .2rem .5rem .2rem 0; vertical-align: top;
  border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.bar-cell { width: 25%; }
.state { white-space: nowrap; }
.mark { display: inline-block; width: 1.1em; font-weight: 700; }
.lvl-3 { padding-left: 1.2rem; } .lvl-4 { padding-left: 2.4rem; }
.lvl-5, .lvl-6 { padding-left: 3.6rem; }
.optional { color: var(--muted); font-size: .85rem; }
.badge { display: inline-block; font-size: .8rem; font-weight: 600; padding: 0 .5em;
  border-radius: 1em; border: 1px solid currentColor; white-space: nowrap; }
.badge.complete { color: var(--done); } .badge.in-progress { color: var(--prompt-only); }
.badge.not-started, .badge.unreadable { color: var(--missing); }
.cards { display: grid; gap: 1rem; }
.card header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; }
.card h4 { font-size: .9rem; margin: .75rem 0 .25rem; }
.finding .rule { white-space: nowrap; font-family: ui-monospace, monospace; }
table.findings th:first-child { width: 4.5rem; } table.findings th:nth-child(2) { width: 15rem; }
.finding .summary-line { display: block; color: var(--muted); font-size: .85rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
  margin: 0 0 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; }
form.filters select, form.filters input { font: inherit; padding: .2rem .3rem; }
ul.changes { list-style: none; padding: 0; margin: 0; }
ul.changes li.document { font-weight: 600; margin-top: .5rem; }
ul.changes li.done, ul.changes li.undone, ul.changes li.fixed, ul.changes li.new {
  padding-left: 1.2rem; }
@media print {
  body { background: #fff; color: #000; font-size: 11pt; }
  form.filters, .noprint { display: none !important; }
  .card, .panel { break-inside: avoid; border-color: #999; }
  svg, .mark, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { text-decoration: none; }
}
""".strip() + "\n"

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var field = function (name) { return form.elements.namedItem(name); };
  var shown = document.getElementById("shown");
  var has = function (words, word) {
    return (" " + (words || "") + " ").indexOf(" " + word + " ") >= 0;
  };
  function apply() {
    var state = field("state").value, section = field("section").value;
    var rule = field("rule").value, query = field("q").value.trim().toLowerCase();
    var count = 0;
    cards.forEach(function (card) {
      var keep = (!state || card.dataset.state === state) &&
        (!section || has(card.dataset.sections, section)) &&
        (!rule || has(card.dataset.rules, rule)) &&
        (!query || card.textContent.toLowerCase().indexOf(query) >= 0);
      card.hidden = !keep;
      if (keep) { count += 1; }
      Array.prototype.forEach.call(card.querySelectorAll("tr[data-rule]"), function (row) {
        row.hidden = Boolean(rule) && row.dataset.rule !== rule;
      });
    });
    shown.textContent = count + " of " + cards.length + " shown";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
}());
""".strip() + "\n"


def _e(text: object) -> str:
    """Text for HTML, in content or in a quoted attribute."""
    return escape(str(text), quote=True)


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def content_security_policy() -> str:
    """Nothing from anywhere (no image, font, frame or connection): only this page's
    own style and script, by their hashes."""
    return (f"default-src 'none'; style-src '{_hash(STYLE)}'; script-src '{_hash(SCRIPT)}'; "
            "base-uri 'none'; form-action 'none'")


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _bar(share: float, kind: str, label: str) -> str:
    width = round(max(0.0, min(1.0, share)) * 100, 1)
    return (f'<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" '
            f'aria-label="{_e(label)}"><rect class="track" width="100" height="6"/>'
            f'<rect class="fill-{_e(kind)}" width="{width}" height="6"/></svg>')


def _swatch(kind: str) -> str:
    return (f'<span class="swatch" aria-hidden="true"><svg viewBox="0 0 1 1">'
            f'<rect class="fill-{_e(kind)}" width="1" height="1"/></svg></span>')


def _stacked(counts: dict[str, int], label: str, words: dict[str, str] | None = None
             ) -> str:
    """A bar of every state's share, with a legend in words (the chart at a glance)."""
    words = words or {}
    total = sum(counts.values())
    rects, start = [], 0.0
    for state, count in counts.items():
        if count and total:
            width = count / total * 1000
            rects.append(f'<rect class="fill-{_e(state)}" x="{start:.1f}" width="{width:.1f}" '
                         f'height="20"><title>{_e(f"{count} {state}")}</title></rect>')
            start += width
    if not rects:
        rects.append('<rect class="track" width="1000" height="20"/>')
    legend = "".join(f"<li>{_swatch(state)}{count} {_e(words.get(state, state))}</li>"
                     for state, count in counts.items())
    said = ", ".join(f"{count} {words.get(state, state)}"
                     for state, count in counts.items() if count)
    described = f"{label}: {said or 'none'}"
    return (f'<svg class="chart" viewBox="0 0 1000 20" preserveAspectRatio="none" role="img" '
            f'aria-label="{_e(described)}">{"".join(rects)}</svg>'
            f'<ul class="legend">{legend}</ul>')


def _counts(counts: dict[str, int], words: dict[str, str] | None = None) -> str:
    shown = [f"{count} {_e((words or {}).get(state, state))}"
             for state, count in counts.items() if count]
    return ", ".join(shown) or "none"


def _summary(overview: Overview) -> str:
    documents = overview.documents_by_state()
    rules = overview.findings_by_rule()
    most = max((count for _, count in rules), default=1)
    rule_rows = "".join(
        f'<tr><td class="rule"><code>{_e(rule.code)}</code> {_e(rule.name)}</td>'
        f"<td>{_e(rule.summary)}</td>"
        f'<td class="bar-cell">{_bar(count / most, rule.severity, f"{count} findings")}</td>'
        f'<td class="num" data-count="{_e(rule.code)}">{count}</td></tr>'
        for rule, count in rules)
    rule_table = (f'<table id="by-rule"><caption>Findings by rule</caption><thead><tr>'
                  f'<th>Rule</th><th>Finds</th><th><span class="noprint">Share</span></th>'
                  f'<th class="num">Findings</th></tr></thead><tbody>{rule_rows}</tbody>'
                  f"</table>" if rules else "<p>No findings.</p>")
    sets = (f"<dt>Sets</dt><dd>{_counts(overview.sets_by_state(), CARD_WORDS)}</dd>"
            if overview.sets else "")
    return f"""<section aria-labelledby="summary-title" id="summary">
<h2 id="summary-title">Summary</h2>
<div class="summary">
<div class="panel" id="overall">
<div class="big" id="overall-percent">{_percent(overview.completeness)}</div>
<div>complete: <span id="overall-done">{overview.done}</span> of
<span id="overall-required">{overview.expected}</span> required sections done</div>
{_bar(overview.completeness, "complete", f"{_percent(overview.completeness)} complete")}
<dl class="counts">
<dt>Documents</dt>
<dd id="documents">{len(overview.documents)}: {_counts(documents, CARD_WORDS)}</dd>
{sets}<dt>Findings</dt><dd id="findings">{len(overview.findings)}</dd>
<dt>Files checked</dt><dd>{overview.files_checked}</dd>
</dl>
</div>
<div class="panel">
<h3>Sections by state</h3>
{_stacked(overview.sections_by_state(), "Sections by state")}
<h3>Documents by state</h3>
{_stacked({state: documents[state] for state in reversed(CARD_STATES)}, "Documents by state",
          CARD_WORDS)}
</div>
</div>
<div class="panel">{rule_table}</div>
</section>
"""


def _section_row(section: Section) -> str:
    optional = "" if section.required else ' <span class="optional">(optional)</span>'
    line = (section.line if section.line is not None
            else '<span aria-hidden="true">—</span><span class="sr">none</span>')
    if section.state == "unrecognised" and section.line is not None:
        line = f"perhaps {line}"  # the line of the heading that may be it
    return (f'<tr class="s-{_e(section.state)}" data-state="{_e(section.state)}">'
            f'<td class="state"><span class="mark" aria-hidden="true">'
            f'{MARKS.get(section.state, "?")}</span>{_e(section.state)}</td>'
            f'<td class="lvl-{min(max(section.level, 2), 6)}">{_e(section.title)}{optional}</td>'
            f'<td class="num">{line}</td></tr>')


def _finding_row(finding: Finding, rule: RuleSummary | None) -> str:
    summary = (f'<span class="summary-line">{_e(rule.summary)}</span>'
               if rule and rule.summary else "")
    return (f'<tr class="finding" data-rule="{_e(finding.code)}">'
            f'<td class="num">{finding.line}:{finding.column}</td>'
            f'<td class="rule">{_e(finding.code)} {_e(finding.name)}</td>'
            f"<td>{_e(finding.message)}{summary}</td></tr>")


def _href(name: str, base: Path | None) -> str | None:
    """A link from the page to the document, relative to where the page is written."""
    if base is None:
        return None
    try:
        relative = os.path.relpath(Path(name).resolve(), base.resolve())
    except ValueError:  # another drive
        return None
    link = quote(Path(relative).as_posix())
    return link if link.startswith("../") else f"./{link}"


def _card(index: int, card: Card, overview: Overview, base: Path | None) -> str:
    rules = " ".join(sorted({f.code for f in card.findings}))
    states = " ".join(sorted({s.state for s in card.sections}))
    href = _href(card.name, base) if card.kind == "document" else None
    name = f'<a href="{_e(href)}">{_e(card.name)}</a>' if href else _e(card.name)
    kind = "Set" if card.kind == "set" else "Document"
    pack = (f'<span class="muted">rule pack {_e(card.pack)}</span>' if card.pack
            else '<span class="muted">no rule pack: its own sections</span>'
            if card.readable else "")
    members = (f'<p class="muted">{len(card.members)} documents: '
               f'{_e(", ".join(card.members))}</p>' if card.members else "")
    if card.readable:
        label = f"{_percent(card.completeness)} complete"
        figure = (f"{_bar(card.completeness, card.state, label)}"
                  f'<p><span class="percent">{_percent(card.completeness)}</span> complete: '
                  f"{card.done} of {card.expected} required sections done</p>")
    else:
        figure = "<p>This file could not be read as a document (see its finding).</p>"
    sections = (f'<table class="sections"><caption>Sections in template order</caption>'
                f'<thead><tr><th scope="col">State</th><th scope="col">Section</th>'
                f'<th scope="col" class="num">Line</th></tr></thead><tbody>'
                f'{"".join(_section_row(s) for s in card.sections)}</tbody></table>'
                if card.sections else "")
    count = f"{len(card.findings)} finding{'' if len(card.findings) == 1 else 's'}"
    findings = (f'<table class="findings"><caption>{count}</caption>'
                f'<thead><tr><th scope="col" class="num">Line</th><th scope="col">Rule</th>'
                f'<th scope="col">Message</th></tr></thead><tbody>'
                f'{"".join(_finding_row(f, overview.rule(f.code)) for f in card.findings)}'
                f"</tbody></table>" if card.findings else '<p class="muted">No findings.</p>')
    return (f'<article class="card" id="card-{index}" aria-labelledby="card-{index}-name" '
            f'data-kind="{_e(card.kind)}" data-state="{_e(card.state)}" '
            f'data-sections="{_e(states)}" data-rules="{_e(rules)}">'
            f'<header><h3 id="card-{index}-name"><span class="muted">{kind}</span> {name}</h3>'
            f'<span class="badge {_e(card.state)}">{_e(CARD_WORDS[card.state])}</span>{pack}'
            f"</header>{members}{figure}{sections}{findings}</article>")


def _options(values: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{_e(value)}">{_e(label)}</option>'
                   for value, label in values)


def _filters(overview: Overview) -> str:
    states = [("", "any")] + [(s, CARD_WORDS[s]) for s in CARD_STATES]
    sections = [("", "any")] + [(s, s) for s in SECTION_STATES]
    rules = [("", "any")] + [(rule.code, f"{rule.code} {rule.name}")
                             for rule, _ in overview.findings_by_rule()]
    return f"""<form class="filters" id="filters" hidden role="search" aria-label="Filter cards">
<label>Document state <select name="state">{_options(states)}</select></label>
<label>With a section that is <select name="section">{_options(sections)}</select></label>
<label>With findings of <select name="rule">{_options(rules)}</select></label>
<label>Search <input type="search" name="q" placeholder="path, section, message"></label>
<output id="shown" aria-live="polite"></output>
</form>"""


def _changes(changes: Changes) -> str:
    marks = {"done": "✓ ", "undone": "✗ ", "fixed": "− ", "new": "+ "}
    items = "".join(f'<li class="{_e(line.kind)}"><span aria-hidden="true">'
                    f'{marks.get(line.kind, "")}</span>{_e(line.text)}</li>'
                    for line in changes.lines())
    return (f'<section id="changes" aria-labelledby="changes-title"><h2 id="changes-title">'
            f"Changes since {_e(changes.since)}</h2><div class=\"panel\">"
            f'<ul class="changes">{items}</ul></div></section>')


def render(overview: Overview, changes: Changes | None = None, base: Path | None = None,
           title: str = "Architecture documentation") -> str:
    """The page; ``base`` is the folder it will be written to (documents are linked
    relative to it), ``changes`` what changed since a revision or a baseline."""
    cards = "\n".join(_card(index, card, overview, base)
                      for index, card in enumerate(overview.cards, 1)) \
        or "<p>No Markdown files were found under the paths given.</p>"
    changed = _changes(changes) if changes is not None else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(content_security_policy())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="archlint {_e(__version__)}">
<title>{_e(title)}: {_percent(overview.completeness)} complete</title>
<style>{STYLE}</style>
</head>
<body>
<header class="page">
<h1>{_e(title)}: how finished is it?</h1>
<p class="muted">{len(overview.documents)} documents, {overview.files_checked} files checked
by archlint {_e(__version__)}. Template text never counts as done.</p>
</header>
<main>
{_summary(overview)}
{changed}
<section id="cards-section" aria-labelledby="cards-title">
<h2 id="cards-title">Documents, least finished first</h2>
{_filters(overview)}
<div class="cards">
{cards}
</div>
</section>
</main>
<footer><p>Section states: ✓ done (text of the author's own), ✎ prompt-only (only the
template's prompts), ○ empty, ? unrecognised (not under its title: a heading of the
author's own stands where it would), ✗ missing, ! example-left (the template's example
still in).</p></footer>
<script>{SCRIPT}</script>
</body>
</html>
"""
