"""AL102 placeholder: template placeholders that were never replaced."""

import pytest

from archlint.testing import run_rule


def found(text, **kwargs):
    return [(p.line, p.column, p.message) for p in run_rule("AL102", text, **kwargs)]


def left_in(placeholder):
    return f'placeholder "{placeholder}" left in'


@pytest.mark.parametrize("text, line, column, placeholder", [
    ("The xxx system is highly distributed.", 1, 5, "xxx"),
    ("Owned by the XXX team.", 1, 14, "XXX"),
    ("TBD", 1, 1, "TBD"),
    ("Done.\nFIXME: describe the flows", 2, 1, "FIXME"),
    ("NNNN requests a day", 1, 1, "NNNN"),
    ("## TODO", 1, 4, "TODO"),
    ("## TODO {#todo}", 1, 4, "TODO"),
    ("~~TODO~~", 1, 3, "TODO"),
    ("*TBD*", 1, 2, "TBD"),
    ("**TODO**", 1, 3, "TODO"),
    ("- first line\n  The xxx system", 2, 7, "xxx"),
    ("> quoted\n> Still TODO here", 2, 9, "TODO"),
    ("| a | b |\n|---|---|\n| ok | TBD |", 3, 8, "TBD"),
    ("The x service calls billing.", 1, 5, "x"),
    ("The X system", 1, 5, "X"),
    ("Latency is x ms.", 1, 12, "x"),
    ("Up to x% of users.", 1, 7, "x"),
    ("We need x GB of RAM.", 1, 9, "x"),
    ("Uptime is 99.X%.", 1, 14, "X"),
    ("Reduce the cost by X %.", 1, 20, "X"),
    ("Pages load in < X seconds.", 1, 17, "X"),
    ("x", 1, 1, "x"),
    ("_x_", 1, 1, "x"),
    ("...", 1, 1, "..."),
    ("…", 1, 1, "…"),
    ("- x", 1, 3, "x"),
    ("| a |\n|---|\n| ... |", 3, 3, "..."),
    (r"Owned by \<Role-1\>.", 1, 10, r"\<Role-1\>"),
    ("Decision: {title of the decision}", 1, 11, "{title of the decision}"),
    ("{TODO}", 1, 1, "{TODO}"),
    # a description naming another placeholder is one placeholder, reported whole
    ("Because {reason, e.g. it resolves {force}}.", 1, 9,
     "{reason, e.g. it resolves {force}}"),
    ("Because {why | which resolves {force} | …}.", 1, 9,
     "{why | which resolves {force} | …}"),
])
def test_flags_placeholder(text, line, column, placeholder):
    assert found(text) == [(line, column, left_in(placeholder))]


def test_flags_each_placeholder_once():
    assert found("TODO: write this. FIXME later.") == [
        (1, 1, left_in("TODO")), (1, 19, left_in("FIXME"))]


def test_words_option():
    assert found("TBD and Pending", options={"words": ["Pending"]}) == [
        (1, 9, left_in("Pending"))]


@pytest.mark.parametrize("text", [
    "Runs on x86 hardware.",
    "x86_64 and x64 builds",
    "A 1920 x 1080 screen.",
    "A 3 x 4 grid.",
    "The x-ray service",
    "Press Ctrl+x to quit.",
    "Call `TODO` later.",
    "```\nTODO: fix\n```",
    "    TODO in an indented code block",
    "<!-- TODO: later -->",
    "<p>TODO</p>",
    "See https://example.com/xxx/page for more.",
    "See www.example.com/TODO for more.",
    "See [the page](https://example.com/xxx) now.",
    "See <https://example.com/xxx> now.",
    "[see](#TODO)",
    "We still have todo items.",
    "TODO_LIST is a constant",
    "my_xxx_name is an identifier",
    "- [x] done",
    "xxxxx is not a placeholder word",
    "## Overview {#xxx-overview}",
    "## Overview {#custom}",
    "Set ${VAR} in the environment.",
    "Verbs {get, list} are allowed.",
    "Path /pods/{name} is used.",
    r"Text \{name\} escaped.",
    "Line one<br>line two",
    "Line <br/> two <span>ok</span>",
    "... and so on",
    "Wait…",
    "Mac OS X users",  # a capital X is a number only before % or compared
    "Certificates are X.509.",
    "X11 forwarding is off.",
    "Twitter/X users",
    "Version 10.5% faster",
])
def test_leaves_alone(text):
    assert found(text) == []


def test_flags_lone_x_across_a_line_break():
    assert found("The x\nservice calls billing.") == [(1, 5, left_in("x"))]


@pytest.mark.parametrize("text, column, placeholder", [
    ("_TBD_", 2, "TBD"),
    ("__TODO__", 3, "TODO"),
    ("The _xxx_ system", 6, "xxx"),
    ("_the x service_", 6, "x"),
])
def test_flags_placeholder_in_underscore_emphasis(text, column, placeholder):
    assert found(text) == [(1, column, left_in(placeholder))]


def test_leaves_escaped_identifier_alone():
    assert found(r"Set TBD\_VALUE in the environment.") == []


@pytest.mark.parametrize("text", [
    'Stabilization of "TBD" features',                       # a term being talked about
    "referred to as “TBD behavior” below",
    "give each Node a /XX from the Cluster CIDR",             # a prefix length
    "| policy | a | b |\n|---|---|---|\n| full-pcpus-only | x | x |",  # check marks
    "- local-storage-1G\n- local-storage-10G\n- ...",         # "and so on"
    "| <PAGE_SIZE>.limit_in_bytes |\n|---|\n| hugetlb |",     # notation, not a placeholder
    "<UNRESOLVED @someone>",
    "| hint | allocation |\n|---|---|\n| {NUMA node 0} | {1, 2, 3} |",  # sets in braces
    "using any Kubernetes {Secret -> Pod} attachment mechanism",
    r'The "created-from-flags-\<hash>" object',              # the generated part of a name
    r"replicas = before \frac{max}{maxBeforeScale}",         # LaTeX without $…$
    "1. kube-apiserver v1.xx+1 and kube-controller-manager v1.xx",  # any minor version
    "| check | path |\n|---|---|\n| ping | /livez |\n| ... | |",  # a row for "and so on"
])
def test_leaves_notation_alone(text):
    assert found(text) == []


def test_an_ellipsis_alone_is_still_a_placeholder():
    assert [c for _, c, _ in found("Intro.\n\n...\n")] == [1]
    assert [line for line, _, _ in found("- ...\n")] == [1]


def test_a_long_dotted_leader_with_text_is_no_placeholder():
    """Text around a long run of dots is the author's (and the run of dots, which the
    placeholder-only test could split in exponentially many ways, is matched once)."""
    assert found("Chapter one " + "." * 80 + " 3\n") == []
    assert found("## Chapter one " + "." * 80 + " 3\n") == []


@pytest.mark.parametrize("text, placeholder", [
    ("Before Rust 1.XX, unwrap() had the same problem.", "XX"),   # a version nobody filled
    (r"\<TBD\>", r"\<TBD\>"),
    ("Owner: {your name}", "{your name}"),
    ("### {title of option 1}", "{title of option 1}"),
    ("| option | cost |\n|---|---|\n| {title of option 1} | low |", "{title of option 1}"),
    ("| check | path |\n|---|---|\n| ... | |", "..."),            # the only row: to fill in
    ("# ADR-{number}: a title", "{number}"),                       # not a name part
    ("We will ship in 1.XX. The limit is 2.x+1 nodes.", "XX"),     # counts from 2.x only
    ("| a | b |\n|---|---|\n| {1, 2} | c |\n\n| Owner | Name |\n|---|---|\n"
     "| me | {name of the owner} |", "{name of the owner}"),       # another table
])
def test_near_notation_still_flags_a_placeholder(text, placeholder):
    assert [message for _, _, message in found(text)] == [left_in(placeholder)]


def test_every_row_of_a_blank_template_table_is_reported():
    text = "| a | b |\n|---|---|\n| ... | ... |\n| ... | ... |\n"
    assert [line for line, _, _ in found(text)] == [3, 3, 4, 4]


@pytest.mark.parametrize("text, column, placeholder", [
    ("Link: {summary | issue/ticket link}", 7, "{summary | issue/ticket link}"),
    ("Because {justification, e.g. cost}.", 9, "{justification, e.g. cost}"),
    ("Because {reason, i.e. why}.", 9, "{reason, i.e. why}"),
    ('Chosen option: "{option 1}", because it fits.', 17, "{option 1}"),
    ("* {driver 1, e.g. a force, facing concern, …}", 3,
     "{driver 1, e.g. a force, facing concern, …}"),
])
def test_flags_described_and_quoted_braces(text, column, placeholder):
    assert found(text) == [(1, column, left_in(placeholder))]


@pytest.mark.parametrize("text", [
    "The verbs are {get, list} and {watch}.",   # {watch} would be one; see below
    "Sets such as {a, b, c} are enumerations.",
    "Match {x | x > 0} only.",
])
def test_a_comma_or_bar_alone_does_not_make_a_placeholder(text):
    assert [p for p in found(text) if "," in p[2] or "|" in p[2]] == []


@pytest.mark.parametrize("text", [
    "GRUPO TODO EN UNO is the supplier's name.",
    "Revisamos la lista de TODO el equipo cada semana.",
    "O sistema guarda TODO o histórico da conta.",
    "Files are named NNNN-title.md, where NNNN is the record's number.",
    "Each record has a number (NNNN stands for it) in its name.",
    "With TBD = to be decided, the table reads as follows.",
])
def test_leaves_a_placeholder_word_that_is_a_word_or_defined_alone(text):
    assert found(text) == []


@pytest.mark.parametrize("text, placeholder", [
    ("TODO: write the flows.", "TODO"),
    ("The flows are TODO.", "TODO"),
    ("WE MUST TODO FIX IT", "TODO"),           # capitals, but English
    ("The NNNN file is next.", "NNNN"),
    ("Todo el equipo: TODO", "TODO"),
])
def test_still_flags_placeholder_words_near_those_shapes(text, placeholder):
    assert [p[2] for p in found(text)] == [left_in(placeholder)]


def test_blank_table_under_text_headers_is_reported():
    text = ("| Quality | Rationale | Impact |\n|---|---|---|\n"
            "| Performance | x | x |\n| Security | x | x |\n")
    assert [(line, column) for line, column, _ in found(text)] == [
        (3, 17), (3, 21), (4, 14), (4, 18)]


def test_table_of_only_x_is_blank_even_with_an_empty_header():
    text = "| | Rationale | Impact |\n|---|---|---|\n| x | x | x |\n"
    assert len(found(text)) == 3


@pytest.mark.parametrize("text", [
    "| Compatibility | alpha | beta |\n|---|---|---|\n| full-pcpus | x | x |\n| numa | | |\n",
    "| Feature | alpha | beta |\n|---|---|---|\n| ingest | x | x |\n",
    "| mode | read | write |\n|---|---|---|\n| create | | x |\n| open | x | x |\n",
])
def test_check_mark_matrices_are_left_alone(text):
    assert found(text) == []


@pytest.mark.parametrize("text, title", [
    ("## Significant area 1\n\nRetries are capped at three.\n", "Significant area 1"),
    ("### Significant external system 2\n\n_Describe it here please_\n",
     "Significant external system 2"),
    ("## Todo\n\nWrite the flows.\n", "Todo"),
    ("## Example scenario A\n", "Example scenario A"),
    ("## Key concern 1\n\nLogging is done once, in the common module.\n", "Key concern 1"),
])
def test_flags_slot_headings(text, title):
    assert (1, text.index(" ") + 2, f'placeholder heading "{title}" left in') in found(text)


@pytest.mark.parametrize("text", [
    "## Option 1\n\nUse PostgreSQL for every service.\n",
    "## Option 1\n",                     # empty: AL202's finding
    "#### Story 2\n",
    "### Story 2\n\nAs an operator, I restart a node without losing scans.\n",
    "## Quality Goals\n\nSpeed.\n",
    "## Step 1: install\n",
    "## Area 51\n\nA joke heading, with content.\n",
])
def test_leaves_named_or_written_headings_alone(text):
    assert [p for p in found(text) if "heading" in p[2]] == []


@pytest.mark.parametrize("text", [
    "- Documented with TODO comments",
    "Each TODO item is tracked on the board.",
    "Here is the corresponding [TODO item](https://example.org/board/1).",
    "See the [spec (TODO: WIP)](https://example.org/spec) for details.",
    "It was left incomplete (see a [TODO](https://example.org/sdk.md#sampler)).",
    'The author of the "access log receiver for web server XXX" would map the fields.',
    "Query := {Clause} \\\nClause ::= {Term}",
    "The compatibility mode uses ZOTERO_ITEM CSL_CITATION {json} RND1234abc marks.",
    "| Name | Type | Unit |\n|---|---|---|\n| wrr.fallback | Counter | {update} |\n",
])
def test_leaves_talk_about_placeholders_and_notation_alone(text):
    assert found(text) == []


@pytest.mark.parametrize("text, placeholder", [
    ("TODO: add the other languages.", "TODO"),
    ("Timelines TBD, see [the plan](https://example.org/plan).", "TBD"),
    ('Chosen option: "{option 1}", because it fits.', "{option 1}"),
    ("| Name | Unit |\n|---|---|\n| {metric name} | ms |\n", "{metric name}"),
    ("| Name | Type |\n|---|---|\n| {metric name} | Counter |\n", "{metric name}"),
])
def test_still_flags_placeholders_beside_those_shapes(text, placeholder):
    assert [p[2] for p in found(text)] == [left_in(placeholder)]


@pytest.mark.parametrize("text", [
    '### "References cited in {citationkey}"\n\n{citationkey} - if not available, use "this entry".\n',
    "Users are written in the format '\\<userType>:\\<userId>'.",
    "* `handshakes` (unit: {handshake} type: int64 counter)",
    "    *Unit*: {call} <br>",
    "Configure a \\<trust\\_domain, endpoint\\> tuple.",
    "| n | 2**n |\n|---|---|\n| 2 | 4 |\n| X | 2**X |\n",
])
def test_leaves_messages_formats_units_tuples_and_variables_alone(text):
    assert found(text) == []


@pytest.mark.parametrize("text, placeholder", [
    ('Chosen option: "{title of option 1}", because it fits.', "{title of option 1}"),
    ("- \\<name (representation, email/GitHub contacts)\\>",
     "\\<name (representation, email/GitHub contacts)\\>"),
    ("| n | value |\n|---|---|\n| X | x |\n", "X"),
])
def test_still_flags_lone_placeholders_in_quotes_parentheses_and_tables(text, placeholder):
    assert left_in(placeholder) in [p[2] for p in found(text)]


def test_an_image_whose_text_is_a_placeholder_word_is_still_reported():
    text = "| goal | champion |\n|---|---|\n| speed | ![TBD][] |\n\n[TBD]: https://img.example/tbd.svg\n"
    assert [p[2] for p in found(text)] == [left_in("TBD")]


@pytest.mark.parametrize("text", [
    "Since we cannot do that (see FIXME above), what is left?",
    'This class is called "To Be Determined" (TBD) in the project group.',
    'Such behavior is referred to as "TBD\nbehavior" in this RFC.',
])
def test_leaves_a_named_or_spelled_out_placeholder_word_alone(text):
    assert found(text) == []


@pytest.mark.parametrize("text, placeholder", [
    ("FIXME: this will not work", "FIXME"),
    ("The limit is (TBD) for now.", "TBD"),
    ('Set the option to "TBD" later, then "xxx" too', None),
])
def test_near_those_shapes_placeholders_stay(text, placeholder):
    expected = [left_in(placeholder)] if placeholder else []
    assert [p[2] for p in found(text)] == expected
