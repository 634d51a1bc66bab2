"""``archlint init``: a first configuration for the documents already there.

A document whose title names a built-in rule pack gets that pack. For the others,
archlint looks for the team's own template:

- files named like one (``template.md``, ``adr-template.md``, ``0000-template.md``,
  anything in a ``templates/`` folder) or holding almost nothing but template text;
- in a git repository, each document's first committed version, when that version is
  mostly template text: teams copy the template, commit it, then fill it in.

Each document goes to the template whose sections it shares most (at least half of
them); its first committed version, when that is a template, comes first. What was
chosen is written with a comment saying where each template came from, for the user
to confirm.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from archlint import atomic
from archlint.config import CONFIG_FILES, find
from archlint.engine import files
from archlint.errors import ConfigError, UnparsableError
from archlint.markdown import reading
from archlint.markdown.parser import parse
from archlint.model import Document
from archlint.paths import named_like_a_template
from archlint.template import classify, derive, packs, sources, titles
from archlint.template.packs import Pack

MOSTLY_TEMPLATE = 0.6    # a first committed version at least this blank is a template
ALMOST_BLANK = 0.9       # a file in the work tree must be this blank to be one
MIN_FIT = 0.5            # a document shares at least this much of its template's sections


@dataclass
class Template:
    """A template found, where it came from, and the documents written from it."""

    spec: str                 # what the configuration says: a path or git:REV:PATH
    why: str                  # the comment saying where it came from
    pack: Pack
    named: bool               # a file named like a template: not itself a document
    documents: list[str] = field(default_factory=list)


@dataclass
class Found:
    """What ``archlint init`` found: documents by built-in pack, and templates."""

    packs: dict[str, list[str]]
    templates: list[Template]
    documents: list[str] = field(default_factory=list)  # all of them, templates aside


def _relative(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def _sections(pack: Pack) -> list[str]:
    return [spec.title for spec in pack.sections]


def fit(pack: Pack, document: Document) -> float:
    """The share of the template's sections that the document has."""
    wanted = _sections(pack)
    if len(wanted) < 2:
        return 0.0
    headings = [h.text for h in document.headings]
    return sum(any(titles.matches(w, h) for h in headings) for w in wanted) / len(wanted)


def _documents(root: Path) -> dict[str, Document]:
    found = {}
    for path in files.discover([root], with_templates=True):
        document = reading.read(path).document
        if document is not None:
            found[_relative(path, root)] = document
    return found


def _file_templates(root: Path, documents: dict[str, Document]) -> list[Template]:
    templates = []
    for relative, document in documents.items():
        named = named_like_a_template(relative)
        if named:
            why = f"{relative}, a file named like a template"
        elif classify.template_share(document) >= ALMOST_BLANK:
            why = f"{relative}, a file that holds almost nothing but template text"
        else:
            continue
        pack = derive.derive_document(document, derive.name_for(Path(relative)), relative)
        if len(_sections(pack)) >= 2:
            templates.append(Template(relative, why, pack, named))
    return templates


def _first_versions(root: Path, relative_paths: list[str]) -> dict[str, tuple[str, str]]:
    """For each path (relative to ``root``), the commit that added it and the path as
    git names it (relative to the repository's top)."""
    top = sources.git(root, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return {}
    prefix = sources.git(root, "rev-parse", "--show-prefix").stdout.strip()
    log = sources.git(root, "log", "--diff-filter=A", "--no-renames", "--name-only",
                      "--format=%x00%H", "--reverse", "--", ".")
    if log.returncode != 0:
        return {}
    wanted = {prefix + path: path for path in relative_paths}
    added: dict[str, tuple[str, str]] = {}
    for chunk in log.stdout.split("\0")[1:]:
        commit, *names = chunk.strip().splitlines()
        for name in names:
            if name in wanted and wanted[name] not in added:
                added[wanted[name]] = (commit, name)
    return added


def _git_templates(root: Path, documents: dict[str, Document],
                   candidates: list[str]) -> dict[str, Template]:
    """The documents whose first committed version was mostly template text, each with
    that version as its template (documents that started from the same text share it)."""
    if files.git_root(root) is None:
        return {}
    chosen: dict[str, Template] = {}
    by_text: dict[str, Template] = {}
    for relative, (commit, name) in _first_versions(root, candidates).items():
        try:
            text = sources.read_git(root, sources.GitFile(commit, name))
            first = parse(text, name)
        except (ConfigError, UnparsableError):
            continue
        if classify.template_share(first) < MOSTLY_TEMPLATE:
            continue
        if text in by_text:
            chosen[relative] = by_text[text]
            continue
        spec = sources.GitFile(commit[:12], name).spec()
        pack = derive.derive_document(first, derive.name_for(Path(name)), spec)
        template = Template(spec, f"{name} as first committed (commit {commit[:12]}), "
                                  f"before it was filled in", pack, named=False)
        by_text[text] = chosen[relative] = template
    return chosen


def find_templates(root: Path, documents: dict[str, Document],
                   taken: set[str]) -> list[Template]:
    """The team's templates, each with the documents (not in ``taken``) written from it."""
    in_files = _file_templates(root, documents)
    named = {t.spec for t in in_files if t.named}
    candidates = [r for r in documents if r not in taken and r not in named]
    first_versions = _git_templates(root, documents, candidates)
    for relative in candidates:
        document = documents[relative]
        # a template file with the same sections reads better than a git revision
        ranked = sorted(in_files, key=lambda t: -fit(t.pack, document))
        best = ranked[0] if ranked and fit(ranked[0].pack, document) >= MIN_FIT else None
        own = first_versions.get(relative)
        if own is not None and (best is None or _sections(best.pack) != _sections(own.pack)):
            own.documents.append(relative)
        elif best is not None:
            best.documents.append(relative)
    unique = {id(t): t for t in (*in_files, *first_versions.values())}
    return [t for t in unique.values() if t.documents]


def _packs_found(documents: dict[str, Document]) -> dict[str, list[str]]:
    """The built-in pack each document's title selects, by pack name."""
    found: dict[str, list[str]] = defaultdict(list)
    candidates = packs.all_builtin()
    for relative, document in documents.items():
        title = document.title
        pack = packs.by_title(title, candidates) if title else None
        if pack is not None:
            found[pack.name].append(relative)
    return dict(found)


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in sorted(items)) + "]"


def globs(chosen: list[str], documents: list[str]) -> list[str]:
    """``chosen`` as globs: ``folder/*.md`` for a folder whose documents were all
    chosen, the paths themselves for the rest."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    for path in documents:
        by_folder[path.rpartition("/")[0]].append(path)
    picked = set(chosen)
    result = []
    for folder, paths in sorted(by_folder.items()):
        mine = [p for p in paths if p in picked]
        if len(mine) > 1 and len(mine) == len(paths) and all(p.endswith(".md") for p in paths):
            result.append(f"{folder}/*.md" if folder else "*.md")
        else:
            result.extend(mine)
    return result


def configuration_text(found: Found, table: str) -> str:
    prefix = f"{table}." if table else ""
    template_files = sorted(t.spec for t in found.templates if t.named)
    lines = [
        f"[{table}]" if table else "# archlint configuration: see `archlint rules` and the README.",
        "# Which rules run: codes, names or code prefixes (default: all of them).",
        '# select = ["AL"]',
        '# ignore = ["AL203"]',
    ]
    if template_files:
        lines += ["# The templates themselves are not documents to check:",
                  f"exclude = {_toml_list(template_files)}"]
    else:
        lines.append('# exclude = ["drafts/**"]')
    lines += [
        '# anchor-style = "github"            # or "gitlab", "mkdocs"',
        '# per-file-ignores = { "docs/adr/*.md" = ["AL201"] }',
    ]
    for name, paths in sorted(found.packs.items()):
        lines += ["", f"# {len(paths)} document(s) whose title says they are {name!r}:",
                  f"[[{prefix}documents]]", f"paths = {_toml_list(paths)}", f'pack = "{name}"']
    for template in found.templates:
        lines += ["", f"# {len(template.documents)} document(s) written from your template, "
                      f"found as {template.why}.",
                  "# Check that it is your template, and which documents follow it:",
                  f"[[{prefix}documents]]",
                  f"paths = {_toml_list(globs(template.documents, found.documents))}",
                  f'template = "{template.spec}"']
    if not found.templates:
        lines += ["", "# Your own template: archlint derives what a document needs from it.",
                  f"# [[{prefix}documents]]", '# paths = ["docs/views/*.md"]',
                  '# template = "docs/templates/view.md"   # or "git:REVISION:PATH"']
    return "\n".join(lines) + "\n"


def survey(root: Path) -> Found:
    """What ``archlint init`` would configure in ``root``."""
    documents = _documents(root)
    by_pack = _packs_found(documents)
    taken = {path for paths in by_pack.values() for path in paths}
    templates = find_templates(root, documents, taken)
    named = {t.spec for t in templates if t.named}
    return Found(by_pack, templates, [d for d in documents if d not in named])


def initialise(root: Path) -> tuple[Path, Found]:
    """Write the configuration; returns where, and what was found."""
    existing = find(root)
    if existing is not None and existing.parent == root.resolve():
        raise ConfigError(f"{existing}: archlint is already configured here")
    found = survey(root)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        text = pyproject.read_text(encoding="utf-8")
        separator = "" if text.endswith("\n") or not text else "\n"
        atomic.write_text(pyproject, text + separator + "\n"
                          + configuration_text(found, "tool.archlint"))
        return pyproject, found
    target = root / CONFIG_FILES[0]
    atomic.write_text(target, configuration_text(found, ""))
    return target, found
