"""AL103 template-example: an example section of the template is still in the document.

## What it does
Finds sections whose first paragraph is the template's note that the section is only an
example, to be removed if it does not apply ("This is an example …: remove if not
relevant"). The finding is reported once, at the section's heading; the note itself is
not reported again as AL101.

## Why it matters
Templates ship worked examples to show the level of detail expected. Left in, they
describe someone else's system as if it were this one, and readers cannot tell which
parts were written for this system.

## Example
```markdown
## Avoiding 2-Phase Commit
_This is an example that is common in distributed systems: remove if not relevant_

Distributed transactions do not scale.
```

## Use instead
Rewrite the section for this system and drop the note, or delete the section:
```markdown
## Avoiding 2-Phase Commit

Orders and payments live in different services, so we use a saga with compensations.
```

## Options
None of its own. The texts that mark an example section are `example-phrases` in
`[tool.archlint.template-text]` (compared without regard to case or spacing). Default:
"remove if not relevant", "remove if not applicable", "delete if not relevant", "delete
if not applicable", "remove this section if", "delete this section if", "remove this
example", "delete this example". `phrases` under `[tool.archlint.rules.template-example]`
(where they used to be) is still read, as an alias.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.model import Document
from archlint.rule import Context, RuleOptions

CODE = "AL103"
NAME = "template-example"


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    for section, _ in context.analysis.examples:
        heading = section.heading
        assert heading is not None
        yield Problem(heading.line, heading.column,
                      f'example section "{heading.text}" is still here: rewrite it for this '
                      f"system or remove it")
