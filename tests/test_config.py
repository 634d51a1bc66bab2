"""Configuration discovery, validation and rule selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlint import config
from archlint.diagnostics import Severity
from archlint.engine import Linter, Selection, registry
from archlint.errors import ConfigError
from archlint.rule import Rule, RuleOptions


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path: Path) -> None:
    found = config.discover(tmp_path)
    assert found.path is None and found.settings == config.Settings()


def test_closest_file_upward_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.archlint]\nignore = ['AL101']\n")
    write(tmp_path / "docs" / "archlint.toml", "ignore = ['AL102']\n")
    (tmp_path / "docs" / "adr").mkdir()
    assert config.discover(tmp_path / "docs" / "adr").settings.ignore == ("AL102",)
    assert config.discover(tmp_path).settings.ignore == ("AL101",)


def test_pyproject_without_archlint_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "archlint.toml", "ignore = ['AL304']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.black]\nline-length = 99\n")
    assert config.discover(tmp_path / "sub").settings.ignore == ("AL304",)


def test_kebab_case_keys_and_documents(tmp_path: Path) -> None:
    path = write(tmp_path / "archlint.toml", (
        "extend-select = ['AL1']\n"
        "[per-file-ignores]\n'docs/adr/*.md' = ['AL201']\n"
        "[[documents]]\npaths = ['docs/views/process*.md']\npack = 'process-view'\n"
        "[rules.template-prompt]\nmin-words = 3\n"))
    settings = config.load(path).settings
    assert settings.extend_select == ("AL1",)
    assert settings.documents[0].pack == "process-view"
    assert settings.rules["template-prompt"] == {"min-words": 3}


@pytest.mark.parametrize(("text", "message"), [
    ("selct = ['AL101']\n", "selct: unknown key"),
    ("select = 'AL101'\n", "select: should be an array"),
    ("select = [\n", "not valid TOML"),
    ("[[documents]]\npaths = ['*.md']\n", "documents.0: give either 'pack' or 'template'"),
    ("[[documents]]\npaths = ['*.md']\npack = 'a'\ntemplate = 'b.md'\n", "give either"),
    ("[[documents]]\npaths = []\npack = 'a'\n", "documents.0: 'paths' needs at least one"),
    ("anchor-style = 'bitbucket'\n", "anchor-style: Input should be 'github', 'gitlab' or"),
])
def test_invalid_config_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "archlint.toml", text)
    with pytest.raises(ConfigError) as error:
        config.load(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_pyproject_errors_name_the_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.archlint]\nignore = [1]\n")
    with pytest.raises(ConfigError, match=r"tool\.archlint\.ignore\.0"):
        config.load(path)


@pytest.mark.parametrize(("text", "message"), [
    ("select = ['AL999']\n", "'AL999' matches no rule"),
    ("[rules.no-such-rule]\nx = 1\n", "rules.no-such-rule: no rule"),
    ("[rules.template-prompt]\nmin-word = 3\n", "rules.template-prompt.min-word: unknown key"),
    ("[rules.AL101]\nmin-words = 'many'\n", "rules.AL101.min-words: Input should be a valid"),
    ("[[documents]]\npaths = ['*.md']\npack = 'no-such-pack'\n", "unknown rule pack"),
    ("[rules.template-prompt]\nsimilarity = 2\n",
     "rules.template-prompt: similarity 2.0 is not between 0 and 1"),
    ("[rules.placeholder]\nwords = 'TBD'\nwhat = 1\n",
     r"rules\.placeholder\.words: should be an array; "
     r"rules\.placeholder\.what: unknown key"),
])
def test_settings_that_name_unknown_things_are_refused(tmp_path: Path, text: str,
                                                      message: str) -> None:
    configuration = config.load(write(tmp_path / "archlint.toml", text))
    with pytest.raises(ConfigError, match=message):
        Linter.create(configuration)


# Rules of their own, so that selection is tested whatever rules archlint comes with.
RULES = tuple(Rule(code, name, Severity.ERROR, RuleOptions, lambda d, o, c: (), f"{code} {name}")
              for code, name in (("AL101", "template-prompt"), ("AL102", "placeholder"),
                                 ("AL103", "template-example"), ("AL201", "missing-section"),
                                 ("AL301", "broken-anchor"), ("AL302", "broken-link"),
                                 ("AL303", "broken-cross-anchor"), ("AL304", "toc-mismatch")))


def codes(select=None, extend_select=(), ignore=()) -> list[str]:
    return [rule.code for rule in registry.enabled(RULES, select, extend_select, ignore)]


def test_selection_by_code_name_prefix_and_specificity() -> None:
    assert codes() == [rule.code for rule in RULES]
    assert codes(select=["AL1"]) == ["AL101", "AL102", "AL103"]
    assert codes(select=["AL1"], ignore=["placeholder"]) == ["AL101", "AL103"]
    assert codes(select=["AL101"], ignore=["AL1"]) == ["AL101"]
    assert codes(select=["AL3"], extend_select=["AL201"]) == [
        "AL201", "AL301", "AL302", "AL303", "AL304"]
    assert codes(ignore=["ALL"]) == []


def test_an_opt_in_rule_runs_only_when_named() -> None:
    rules = (*RULES, Rule("AL204", "unrecognised-section", Severity.WARNING, RuleOptions,
                          lambda d, o, c: (), "AL204", opt_in=True))
    def chosen(select=None, extend_select=(), ignore=()):
        return [rule.code for rule in registry.enabled(rules, select, extend_select, ignore)]
    assert "AL204" not in chosen()
    assert "AL204" not in chosen(select=["ALL"])
    assert "AL204" not in chosen(select=["AL2"])
    assert "AL204" not in chosen(extend_select=["AL20"])
    assert chosen(select=["AL204"]) == ["AL204"]
    assert chosen(select=["unrecognised-section"]) == ["AL204"]
    assert chosen(extend_select=["AL204"]) == [*(rule.code for rule in RULES), "AL204"]
    assert chosen(extend_select=["AL204"], ignore=["AL204"]) == [rule.code for rule in RULES]


def test_opt_in_must_be_true_or_false() -> None:
    from types import SimpleNamespace
    rule = SimpleNamespace(CODE="XY1", NAME="xy", check=lambda d, o, c: (), OPT_IN="yes")
    with pytest.raises(TypeError, match="OPT_IN 'yes' is not True or False"):
        Rule.from_object(rule)
    rule.OPT_IN = True
    assert Rule.from_object(rule).opt_in


def test_an_opt_in_rule_is_chosen_from_the_configuration(tmp_path: Path) -> None:
    configuration = config.load(write(tmp_path / "archlint.toml",
                                      "extend-select = ['AL204']\n"))
    assert "AL204" in [rule.code for rule in Linter.create(configuration).rules]
    assert "AL204" not in [rule.code for rule in Linter.create(
        config.load(write(tmp_path / "other.toml", "select = ['ALL']\n"))).rules]


def test_command_line_select_replaces_config_select(tmp_path: Path) -> None:
    configuration = config.load(write(tmp_path / "archlint.toml", "select = ['AL101']\n"))
    linter = Linter.create(configuration, Selection(select=("AL102",)))
    assert [rule.code for rule in linter.rules] == ["AL102"]


def test_documents_choose_the_pack_by_path(tmp_path: Path) -> None:
    write(tmp_path / "archlint.toml",
          "[[documents]]\npaths = ['views/*.md']\npack = 'process-view'\n")
    view = write(tmp_path / "views" / "dynamic.md", "# Dynamics\n\n## State models\n\nText.\n")
    other = write(tmp_path / "notes.md", "# Dynamics\n\nText.\n")
    linter = Linter.create(config.discover(tmp_path))
    [missing] = [d for d in linter.lint_file(view) if d.code == "AL201"]
    # one of its six sections: told once, naming the five it lacks
    assert missing.message.startswith("only 1 of the 6 sections that rule pack "
                                      "process-view requires is here under its title; not found: ")
    assert [d for d in linter.lint_file(other) if d.code == "AL201"] == []


def test_built_in_packs_are_read_only_for_a_document_with_a_title(tmp_path: Path) -> None:
    from archlint.template import packs

    packs.all_builtin.cache_clear()
    packs.builtin.cache_clear()
    untitled = write(tmp_path / "notes.md", "Some notes.\n\n## Part\n\nText.\n")
    linter = Linter.create(config.discover(tmp_path))
    linter.settings_key()  # the cache key knows the built-in packs by their files
    linter.lint_file(untitled)
    assert packs.builtin.cache_info().currsize == 0
    titled = write(tmp_path / "view.md", "# Process View\n\n## State models\n\nText.\n")
    assert any(d.code == "AL201" and "process-view" in d.message
               for d in linter.lint_file(titled))  # chosen by its title
    assert packs.builtin.cache_info().currsize == len(packs.builtin_names())


def test_the_cache_key_changes_with_a_built_in_pack_file(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from archlint.template import packs

    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "one.toml").write_text('name = "one"\n', encoding="utf-8")
    monkeypatch.setattr(packs, "_builtin_folder", lambda: folder)
    packs.builtin_digest.cache_clear()
    before = packs.builtin_digest()
    (folder / "one.toml").write_text('name = "one"\ntitle = "One"\n', encoding="utf-8")
    packs.builtin_digest.cache_clear()
    assert packs.builtin_digest() != before
    packs.builtin_digest.cache_clear()


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path / "archlint.toml", "[per-file-ignores]\n'drafts/*.md' = ['placeholder']\n")
    draft = write(tmp_path / "drafts" / "a.md", "The xxx system.\n")
    final = write(tmp_path / "final" / "a.md", "The xxx system.\n")
    linter = Linter.create(config.discover(tmp_path))
    assert linter.lint_file(draft) == []
    assert [d.code for d in linter.lint_file(final)] == ["AL102"]


def test_template_text_has_a_table_of_its_own(tmp_path: Path) -> None:
    path = write(tmp_path / "archlint.toml", (
        "[template-text]\nmin-words = 5\nexample-phrases = ['drop me']\n"))
    settings = config.load(path).settings
    assert settings.template_text.min_words == 5
    assert settings.template_text.example_phrases == ("drop me",)
    assert settings.template_text.similarity == 0.8


@pytest.mark.parametrize("table", ["rules.template-prompt", "rules.AL101"])
def test_old_rule_keys_are_aliases_of_template_text(tmp_path: Path, table: str) -> None:
    path = write(tmp_path / "archlint.toml", (
        f"[{table}]\nmin-words = 5\n[rules.template-example]\nphrases = ['drop me']\n"))
    linter = Linter.create(config.load(path))
    assert linter.template_text.min_words == 5
    assert linter.template_text.example_phrases == ("drop me",)


def test_a_setting_given_both_ways_must_agree(tmp_path: Path) -> None:
    agreeing = write(tmp_path / "a.toml", (
        "[template-text]\nmin-words = 5\n[rules.template-prompt]\nmin-words = 5\n"))
    assert Linter.create(config.load(agreeing)).template_text.min_words == 5
    clashing = write(tmp_path / "b.toml", (
        "[template-text]\nmin-words = 5\n[rules.template-prompt]\nmin-words = 4\n"))
    with pytest.raises(ConfigError, match=r"rules\.template-prompt\.min-words is an alias "
                                          r"of template-text\.min-words"):
        Linter.create(config.load(clashing))


def test_template_text_settings_apply_whichever_rules_run(tmp_path: Path) -> None:
    """What counts as template text does not depend on AL101 running: AL202 alone
    follows the template-text table."""
    document = tmp_path / "doc.md"
    document.write_text("# Notes\n\n## Flows\n\n_Describe the flows_\n")
    for settings, expected in (("", ["AL202"]), ("[template-text]\nmin-words = 4\n", [])):
        path = write(tmp_path / "archlint.toml", settings)
        linter = Linter.create(config.load(path), Selection(select=("AL202",)))
        assert [d.code for d in linter.lint_file(document)] == expected
