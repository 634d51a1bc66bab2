"""``[tool.archlint.template-text]``: what counts as a template's own text.

Every rule and report that tells template text from the author's (AL101, AL102,
AL103, AL202, ``archlint status``) reads these one settings, so switching a rule off
never changes what the others consider template text.

Before this table existed, the same settings were options of two rules; those keys are
still read, as aliases:

========================================  ==========================================
``[tool.archlint.template-text]``         alias
========================================  ==========================================
``min-words``                             ``[tool.archlint.rules.template-prompt]``
``ignore-patterns``                       ``[tool.archlint.rules.template-prompt]``
``instructions-only``                     ``[tool.archlint.rules.template-prompt]``
``similarity``                            ``[tool.archlint.rules.template-prompt]``
``example-phrases``                       ``phrases`` in ``[tool.archlint.rules.template-example]``
========================================  ==========================================

(``AL101`` and ``AL103`` name the same tables.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archlint.validation import Strict

EXAMPLE_PHRASES = (
    "remove if not relevant",
    "remove if not applicable",
    "delete if not relevant",
    "delete if not applicable",
    "remove this section if",
    "delete this section if",
    "remove this example",
    "delete this example",
)
IGNORE_PATTERNS = (
    r"^(?:figure|fig\.|table|tab\.|diagram|image|listing|source)(?:[\s\d:.]|$)",
    r"^(?:note|nb|n\.b\.)\b",
    r"^\(.*\)\W*$",
)


@dataclass(frozen=True)
class TemplateText(Strict):
    """How template text is recognised.

    - ``min-words``: shorter italic text is never a prompt;
    - ``ignore-patterns``: italic text matching one of these regular expressions
      (searched case-insensitively) is not a prompt: captions, notes, asides in
      parentheses by default;
    - ``instructions-only``: when false, any italic paragraph of ``min-words`` words or
      more is a prompt, instruction or not;
    - ``similarity``: how much of a block must be one of the rule pack's prompts for it
      to be that prompt;
    - ``example-phrases``: texts that mark a template's example section ("remove if not
      relevant"), compared without regard to case or spacing.
    """

    min_words: int = 3
    ignore_patterns: tuple[str, ...] = IGNORE_PATTERNS
    instructions_only: bool = True
    similarity: float = 0.8
    example_phrases: tuple[str, ...] = EXAMPLE_PHRASES

    def __post_init__(self) -> None:
        if not 0.0 <= self.similarity <= 1.0:
            raise ValueError(f"similarity {self.similarity} is not between 0 and 1")
        if self.min_words < 0:
            raise ValueError(f"min-words {self.min_words} is negative")
        for pattern in self.ignore_patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"ignore-patterns: {pattern!r} is not a regular "
                                 f"expression: {error}") from None


# The rule tables whose keys are aliases of these settings: rule names and codes, and
# for each the key there → the key here.
ALIASES: dict[tuple[str, str], dict[str, str]] = {
    ("template-prompt", "AL101"): {"min-words": "min-words",
                                    "ignore-patterns": "ignore-patterns",
                                    "instructions-only": "instructions-only",
                                    "similarity": "similarity"},
    ("template-example", "AL103"): {"phrases": "example-phrases"},
}
