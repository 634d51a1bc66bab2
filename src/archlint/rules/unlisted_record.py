"""AL305 unlisted-record: a decision record that its folder's index does not list.

## What it does
In a folder of records written one per file (ADRs under the `madr` or `nygard-adr`
pack, or a template of your own), the index beside them (`README.md`, `index.md`)
that links two or more of the records is their list. A record it does not link is
reported, on the record: the list is out of date. An index that links none or one of
the records (a README saying how to write one, a site's generated navigation) is no
list, and nothing is reported. A file of the folder is a record when it holds most of
the pack's sections and is not named like a template (`template.md`,
`adr-template.md`); the index is no record. A link reaching the record by any relative
path (`./0003-x.md`, `../adr/0003-x.md#decision`, a reference definition) lists it. Of
two index files in one folder, the one that links more records is the list.

The index is read even when only the record is being checked (pre-commit passes only
the files that changed), and a cached result is checked again when the index changes.

## Why it matters
A team finds its decisions through the list. A record missing from it is a decision
nobody will look up, and the first sign that the list has stopped being kept.

## Example
With the records of a folder given the `nygard-adr` pack:
```toml archlint.toml
[[documents]]
paths = ["*.md"]
pack = "nygard-adr"
```
two records listed by the folder's `README.md`:
```markdown README.md
# Decisions

1. [Record architecture decisions](0001-record-decisions.md)
2. [Use PostgreSQL](0002-use-postgres.md)
```
```markdown 0001-record-decisions.md
# 1. Record architecture decisions
## Status
Accepted
## Context
Decisions get lost.
## Decision
Write them down.
```
```markdown 0002-use-postgres.md
# 2. Use PostgreSQL
## Status
Accepted
## Context
Orders need a database.
## Decision
PostgreSQL.
```
and a third record that the list leaves out:
```markdown
# 3. Cache the catalogue
## Status
Accepted
## Context
Catalogue pages are slow.
## Decision
Cache them for a minute.
## Consequences
Prices may lag by a minute.
```

## Use instead
List it (here the record is `doc.md`):
```markdown README.md
# Decisions

1. [Record architecture decisions](0001-record-decisions.md)
2. [Use PostgreSQL](0002-use-postgres.md)
3. [Cache the catalogue](doc.md)
```
```markdown
# 3. Cache the catalogue
## Status
Accepted
## Context
Slow pages.
## Decision
A cache.
```

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from archlint.diagnostics import Problem, Severity
from archlint.model import Document
from archlint.rule import Context, RuleOptions

CODE = "AL305"
NAME = "unlisted-record"
SEVERITY = Severity.WARNING


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    listing = context.listing
    if listing is None or document.path is None or not listing.leaves_out(
            Path(document.path)):
        return
    title = document.title_heading
    line, column = (title.line, title.column) if title else (1, 1)
    yield Problem(line, column,
                  f"this record is not listed in its folder's index, {listing.index.name} "
                  f"(which links {len(listing.listed)} of the folder's "
                  f"{len(listing.records)} records)")
