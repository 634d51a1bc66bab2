"""AL101 template-prompt: a whole paragraph, list item or table cell in italics."""

import pytest

from archlint.testing import run_rule


def found(text, **kwargs):
    return [(p.line, p.column) for p in run_rule("AL101", text, **kwargs)]


@pytest.mark.parametrize("text, expected", [
    ("_Discuss significant state models_", [(1, 1)]),
    ("*Discuss significant state models*", [(1, 1)]),
    ("***Describe the bold and italic prompt***", [(1, 1)]),
    ("## State models\n\n_Discuss significant state models_\n", [(3, 1)]),
    ("- _List the main flows_", [(1, 3)]),
    ("- _Explain your choice here_", [(1, 3)]),
    ("  _Outline the indented prompt_", [(1, 3)]),
    ("| a | b |\n|---|---|\n| x | _Describe the thing here_ |", [(3, 7)]),
    ("| _Describe the columns_ |\n|---|\n| a |", [(1, 3)]),
    ("_Describe the flows,\nthen the states_", [(1, 1)]),
    ("_Describe [the flows](#flows) here_", [(1, 1)]),
    ("Real text.\n\n_List your first thing_\n\n_Add a second thing_", [(3, 1), (5, 1)]),
    ("_Many aspects can be seen as pipelines: consider adding some for your system_",
     [(1, 1)]),
    ("_This section must be completed before beta._", [(1, 1)]),
    ("_For GA, this section is required: approvers should answer these._", [(1, 1)]),
    ("_This is an example: remove it if unused._", [(1, 1)]),
    ("_If you change the API, say which callers break._", [(1, 1)]),
    ("_Nothing here yet. Describe the policy._", [(1, 1)]),
    ("_How will you measure the success of this change?_", [(1, 1)]),
    ("_Who do you expect to operate this component?_", [(1, 1)]),
    ("_Here you describe the deployment topology._", [(1, 1)]),
    ("_In this section, describe the deployment._", [(1, 1)]),
])
def test_flags_italic_blocks(text, expected):
    assert found(text) == expected


def test_message_quotes_the_prompt():
    [problem] = run_rule("AL101", "_Discuss significant\nstate models_")
    assert problem.message == 'template prompt left in: "Discuss significant state models"'


def test_message_shortens_long_prompts():
    [problem] = run_rule("AL101", "_Describe " + " ".join(["word"] * 40) + "_")
    assert problem.message.endswith('…"')
    assert len(problem.message) < 100


@pytest.mark.parametrize("text", [
    "Some *emphasis* inside a sentence.",
    "_Describe_ the thing here.",
    "_one two_ and _three four_",
    "_one two_ _three four_",
    "**Bold only paragraph here**",
    "__Bold with underscores here__",
    "* **[State models](#state-models)**",
    "* _[State models](#state-models)_",
    "* ***[State models](#state-models)***",
    "1. _[State models](#state-models)_",
    "_[Architecture overview](https://example.com/overview)_",
    "_Important_",
    "*Figure 1: Context*",
    "_Figure: the context of the system_",
    "*Table 1: Orders by region*",
    "_Source: internal survey 2020_",
    "> _Describe the quoted text_",
    "*See the following sections for open questions:*",
    "_NOTE: AppArmor is in a very similar state_",
    "*(update to the configuration section)*",
    "*Immutable slicing*",
    "*No known drawbacks yet.*",
    "## _Heading in italics here_",
    "`_not italic at all_`",
    "```\n_italic-looking code line_\n```",
    r"\_escaped underscores here\_",
    "<em>HTML italic text here</em>",
])
def test_leaves_alone(text):
    assert found(text) == []


@pytest.mark.parametrize("text", ["*Fig. 2: Deployment*", "_Fig. 3 the context_"])
def test_leaves_abbreviated_figure_captions_alone(text):
    assert found(text) == []


def test_example_marker_is_left_to_al103():
    text = "## Avoiding 2PC\n_This is an example: remove if not relevant_\n\nText.\n"
    assert found(text) == []


def test_example_marker_follows_the_example_phrases():
    text = "## Avoiding 2PC\n_This section is an example: remove it if unused_\n"
    assert found(text) == [(2, 1)]
    phrases = {"example-phrases": ["remove it if unused"]}
    assert found(text, template_text=phrases) == []


def test_min_words_option():
    assert found("_Describe flows_", template_text={"min-words": 3}) == []
    assert found("_Describe all flows_", template_text={"min-words": 3}) == [(1, 1)]


def test_ignore_patterns_option_replaces_the_defaults():
    settings = {"ignore-patterns": ["^note:"]}
    assert found("_NOTE: describe this deliberately_", template_text=settings) == []
    assert found("*Figure 1: describe your context*", template_text=settings) == [(1, 1)]


def test_instructions_only_option():
    assert found("*No known drawbacks yet at all.*") == []
    assert found("*No known drawbacks yet at all.*",
                 template_text={"instructions-only": False}) == [(1, 1)]


def test_template_text_in_a_block_quote_is_a_citation():
    from archlint.template.packs import Pack

    pack = Pack(name="rfc", prompts=("Discuss prior art, both the good and the bad, in "
                                     "relation to this proposal.",))
    quoted = "> Discuss prior art, both the good and the bad, in relation to this proposal.\n"
    assert run_rule("AL101", quoted, pack=pack) == []
    assert [p.line for p in run_rule("AL101", quoted[2:], pack=pack)] == [1]


def test_a_short_phrase_found_in_a_long_prompt_is_not_the_prompt():
    from archlint.template.packs import Pack

    pack = Pack(name="rfc", prompts=("Explain the design in sufficient detail that its "
                                     "interaction with other features is clear and that "
                                     "this is equivalent to writing the code by hand.",))
    assert run_rule("AL101", "This is equivalent to writing:\n", pack=pack) == []


def test_a_kept_comment_is_quoted_as_it_stands():
    from archlint.template.packs import Pack

    pack = Pack(name="kep", comment_prompts=("List the specific goals of the KEP. What is "
                                             "it trying to achieve?",))
    [problem] = run_rule("AL101", "<!--\nList the specific goals of this KEP. What is it "
                                  "trying to achieve?\n-->\n", pack=pack)
    assert problem.message.startswith('template comment left in: "List the specific goals '
                                      'of this KEP.')


@pytest.mark.parametrize("text", [
    "_This section assumes familiarity with impl trait in return position._",
    "_This section will maintain a distinction between packages and crates._",
    "_The split between the error strategies in this section is inspired by windows-rs._",
    "_From the community that brought you the Pre-RFC, we now introduce the de-RFC!_",
    "_How to adapt to a change of layout, like e.g. add a new instance?_",
    "_Legend: Link arrows show synchronous calls between services_",
    "_Alternatives considered: document store, relational database, key-value store_",
    "_Owner: platform team; State: accepted by the architecture board_",
    "_Drop-in compatibility with the existing scheduler is a goal here._",
])
def test_leaves_an_authors_italic_remarks_alone(text):
    """Italics that talk about the section, or say "you", without telling the reader
    what to write are the author's own (measured on the Rust RFCs)."""
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "_If there is a message bus, explain its topics_",
    "_When a store cannot be rebuilt, describe how it is backed up_",
    "_For each element, list the interfaces it offers_",
])
def test_flags_a_condition_put_before_the_imperative(text):
    assert found(text) == [(1, 1)]


@pytest.mark.parametrize("prompt", [
    "_Outlines how the audit trail is kept_",                    # third person
    "_Overview of the integration points_",                      # a noun phrase
    "_Description of the nodes: their kind, size and number_",
    "_The service may keep card data: the discussion could cover tokenisation and regions_",
    "_How access is decided: roles, scopes, and where the checks are made_",
    "_Metrics the System emits, and where they are collected_",
    "_What happens when a region fails?_",
])
def test_flags_a_prompt_in_the_template_s_voice_alone_under_its_heading(prompt):
    assert found(f"## Section\n\n{prompt}\n") == [(3, 1)]


@pytest.mark.parametrize("rest", [
    "",
    "\n| Node | Size | Rationale |\n|---|---|---|\n| x | x | x |\n",
    "\n| Stage | Tool |\n|---|---|\n| Build | TODO |\n",
    "\nEscalation: {contact | ticket link}\n",
    "\nData is kept for TBD days.\n",
    "\n<!-- a comment -->\n",
])
def test_alone_means_nothing_else_of_the_author_s_own(rest):
    text = f"## Section\n\n_Overview of the integration points_\n{rest}"
    assert found(text) == [(3, 1)]


@pytest.mark.parametrize("text", [
    # the same shapes beside the author's own prose are the author's remarks
    "## Audit\n\n_Outlines how the audit trail is kept_\n\nWe log every read.\n",
    "## Audit\n\nWe log every read.\n\n_Overview of the log format follows_\n",
    "## Nodes\n\n_Description of the nodes_\n\n| Node | Size |\n|---|---|\n| api | 2 CPU |\n",
    # alone, but the author's answer, not the template's voice
    "## Drawbacks\n\n_No known drawbacks yet._\n",
    "## Unresolved\n\n_None at this time, the design is settled._\n",
    "## Scope\n\n_This section is excluded, as it is the subject of the proposal._\n",
    "## Goals\n\n_Enforce limits on storage by using project quotas._\n",
    "## Cache\n\n_When the cache is cold, the first lookup is slow._\n",
    "## Reading\n\n_You can read these pages as part of the proposal_\n",
    "## Reading\n\n_You may skip this part on a first reading_\n",
    # not italic, or in a quotation
    "## Audit\n\nOutlines how the audit trail is kept\n",
    "## Audit\n\n> _Outlines how the audit trail is kept_\n",
    "## Figure\n\n_Figure 2: overview of the integration points_\n",
])
def test_leaves_alone_what_only_looks_like_a_prompt(text):
    assert found(text) == []


def test_an_italic_note_to_readers_is_not_a_prompt_beside_prose():
    text = "Text.\n\n_You can read these pages as part of the proposal._\n"
    assert found(text) == []


def test_a_one_word_pack_prompt_is_not_an_author_s_table_header():
    from archlint.template.packs import Pack

    pack = Pack(name="p", prompts=("Motivation", "Describe the context of the decision"))
    table = "| Motivation | Owner |\n|---|---|\n| speed | team |\n"
    assert found(table, pack=pack) == []
    assert found("Motivation\n", pack=pack) == [(1, 1)]


def test_another_tool_s_directive_comment_is_not_a_template_comment():
    from archlint.template.packs import Pack

    pack = Pack(name="p", comment_prompts=("markdownlint-disable MD013",
                                           "List the drivers of the decision"))
    text = "<!-- markdownlint-disable MD013 -->\n\n<!-- List the drivers of the decision -->\n"
    assert [line for line, _ in found(text, pack=pack)] == [3]


def test_an_italic_quotation_across_list_items_is_not_a_prompt():
    text = ("- _“Tokens are signed locally. You should rotate the keys when one leaks._\n"
            "- _You can also describe the token lifetime in the realm settings._\n"
            "- _If a token leaks, you should push a revocation policy.”_\n"
            "- _Describe how keys are rotated_\n")
    assert found(text) == [(4, 3)]


@pytest.mark.parametrize("comment", [
    "markdown-link-check-disable", "markdown-link-check-enable", "prettier-ignore",
    "cspell:disable", "textlint-disable ja-technical-writing", "vale off",
])
def test_any_tool_s_switch_comment_is_not_a_template_comment(comment):
    from archlint.template.packs import Pack

    pack = Pack(name="p", comment_prompts=(comment, "Describe the drivers of the decision"))
    assert found(f"<!-- {comment} -->\n", pack=pack) == []
