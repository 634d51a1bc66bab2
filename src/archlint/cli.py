"""The ``archlint`` command line (click). Commands return exit codes:
0 clean, 1 problems found, 2 usage or configuration error."""

from __future__ import annotations

import atexit
import dataclasses
import gc
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

# A run makes many small objects that live as long as it does or as their document
# (imported modules, parsed documents); collecting cycles every 700 allocations
# (Python's default) costs a tenth of a run's time. Raised before click and the rest
# are imported, since importing them makes such objects too.
gc.set_threshold(50_000, 20, 20)
# At its exit Python looks for cycles once more among everything the run made, before
# it frees it all: a tenth of a one-file check. By then the report is written and every
# file closed, so the objects are frozen first and that last collection passes them by.
atexit.register(gc.freeze)

import click  # noqa: E402

from archlint.errors import ConfigError  # noqa: E402
from archlint.report import formats  # noqa: E402
from archlint.version import __version__  # noqa: E402

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2

# The kinds of path the options take, each made once: click names a path type through
# gettext when it is made, which looks for translation files each time.
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)  # an existing file
_CHECKED = click.Path(exists=True, readable=False, path_type=Path)  # a file or folder
_NEW_FILE = click.Path(dir_okay=False, path_type=Path)  # a file to write
_OUTPUT = click.Path(dir_okay=False, allow_dash=True, path_type=Path)  # or "-"
_FOLDER = click.Path(file_okay=False, path_type=Path)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """``--select A,B --select C`` → ("A", "B", "C")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _fail(message: str) -> None:
    click.echo(f"archlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _write_atomically(path: Path, content: str) -> None:
    """Write via a temporary file and a rename, so a failure never leaves half a file."""
    from archlint import atomic

    try:
        atomic.write_text(path, content)
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror}")


def _write_report(path: Path | None, content: str, color: bool) -> None:
    """The report to standard output (no ``--output-file``, or ``-``), or else to a file,
    atomically; a FIFO or a device is refused, with a hint: ``-`` streams."""
    if path is None or str(path) == "-":
        click.echo(content, nl=False, color=color)
        return
    from archlint import atomic

    try:
        atomic.write_text(path, content)
    except OSError as error:
        hint = ("; use --output-file - to write to standard output"
                if (error.strerror or "").startswith("not a regular file") else "")
        _fail(f"cannot write {path}: {error.strerror}{hint}")


def _use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _pack_options(command):
    command = click.option("--template", type=_FILE,
                           help="Derive the rule pack from this template and apply it to "
                                "every file.")(command)
    return click.option("--pack", metavar="NAME|FILE.toml",
                        help="Apply this rule pack to every file.")(command)


def _progress_option(command):
    return click.option("--progress/--no-progress", default=None,
                        help="Show a progress bar on standard error when a run takes more "
                             "than a second (default: on a terminal, not in CI).")(command)


def _progress_bar(asked: bool | None):
    """A progress bar for a long run, or None where none is to be shown (only then is
    the progress module loaded at all)."""
    if asked is False or not sys.stderr.isatty():
        return None
    from archlint.report import progress

    return progress.Bar() if progress.wanted(asked) else None


def _forced_pack(pack: str | None, template: Path | None):
    """The pack that --pack or --template names (ConfigError if both, or if unusable)."""
    if pack and template:
        raise click.UsageError("give --pack or --template, not both")
    if pack:
        from archlint.template import packs

        return packs.load(pack, Path.cwd())
    if template:
        from archlint.template import derive

        return derive.derive_cached(template)
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="archlint")
def main() -> None:
    """Keep architecture documents honest: find template leftovers, missing sections
    and broken links in Markdown."""
    # Interrupted or terminated, exit through the code's clean-up (a write in progress
    # removes its temporary file) and without a traceback.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, _exit_on_signal)


def _exit_on_signal(number: int, frame: object) -> None:
    raise SystemExit(128 + number)


def run() -> None:
    """``archlint`` as a program (the console script, ``python -m archlint``): the
    command, then a quick exit (see :func:`_exit_now`)."""
    try:
        main(prog_name="archlint")
    except SystemExit as done:
        _exit_now(done.code)
        raise


def _monitored() -> bool:
    """Is a tool watching through ``sys.monitoring`` (Python 3.12 on: cProfile,
    coverage, debuggers)?"""
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(
        monitoring.get_tool(tool) is not None for tool in range(6))


def _exit_now(code: object) -> None:
    """End the process with ``code`` at once, without Python's tearing down of every
    module and object the run made (about 4 ms of a one-file check, whose own work is
    done by then). The exit functions run first (temporary folders, worker processes)
    and standard output and error are flushed. The ordinary exit is left to handle what
    it does differently: another thread still running, a profiler or tracer watching
    (``python -m cProfile -m archlint`` reports once the program has returned), a code
    that is not a number, or an output that cannot be flushed (a closed pipe)."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    if sys.getprofile() is not None or sys.gettrace() is not None or _monitored():
        return
    code = 0 if code is None else code
    if not isinstance(code, int):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # AttributeError: no standard output
        return
    atexit._run_exitfuncs()  # and forgets them: an ordinary exit after would not repeat them
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        return
    os._exit(code)


@main.command()
@click.argument("paths", nargs=-1, type=_CHECKED)
@click.option("--output-format", type=click.Choice(formats.names(formats.CHECK)),
              default="text", show_default=True, help="How to print the problems found.")
@click.option("--output-file", type=_OUTPUT,
              help="Write the report to this file instead of standard output ('-': "
                   "standard output).")
@click.option("--statistics", is_flag=True, help="Print how many problems each rule found.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Run only these rules (codes, names or code prefixes; comma-separated).")
@click.option("--extend-select", multiple=True, metavar="RULES",
              help="Run these rules as well as the selected ones.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option("--config", "config_file", type=_FILE,
              help="Use this configuration file instead of searching.")
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when problems are found.")
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option("--fix", is_flag=True,
              help="Fix what can be fixed (tables of contents, the case of anchors), then "
                   "report what is left.")
@click.option("--diff", is_flag=True,
              help="Print the changes --fix would make, as a unified diff, and change "
                   "nothing; exit 1 if there are any.")
@click.option("--baseline", type=_FILE,
              help="Report only problems that this baseline file does not list.")
@click.option("--write-baseline", type=_NEW_FILE,
              help="Record the problems found now in this baseline file, and exit 0.")
@click.option("--since", metavar="REF",
              help="Check only Markdown files changed since this git revision.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check files in N processes (default: one per CPU core).")
@click.option("--cache-dir", type=_FOLDER,
              envvar="ARCHLINT_CACHE_DIR",
              help="Where to keep the cache (default: .archlint_cache in the project; "
                   "or $ARCHLINT_CACHE_DIR).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--force-exclude", is_flag=True,
              help="Leave out files named here that a folder's search would leave out "
                   "(`exclude`, files named like a template), as pre-commit needs.")
@_progress_option
@_pack_options
def check(paths: tuple[Path, ...], output_format: str, output_file: Path | None,
          statistics: bool, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], config_file: Path | None, exit_zero: bool, strict: bool,
          fix: bool, diff: bool, baseline: Path | None, write_baseline: Path | None,
          since: str | None, jobs: int | None, cache_dir: Path | None, no_cache: bool,
          force_exclude: bool, progress: bool | None, pack: str | None,
          template: Path | None) -> None:
    """Check Markdown files (default: the current folder, recursively)."""
    from archlint import config, engine
    from archlint.diagnostics import Severity
    from archlint.report.check import Report

    try:
        configuration = config.load(config_file) if config_file else config.discover(Path.cwd())
        selection = engine.Selection(select=_split(select) or None,
                                     extend_select=_split(extend_select), ignore=_split(ignore),
                                     pack=_forced_pack(pack, template),
                                     force_exclude=force_exclude)
        linter = engine.Linter.create(configuration, selection)
        targets: tuple[Path, ...] = paths or (Path("."),)
        left_out: list[Path] = []  # files named like a template, in the folders given
        if since is not None:
            from archlint.engine import changes
            from archlint.paths import real

            changed = changes.changed_since(since, Path.cwd())
            targets = tuple(p for p in linter.discover(targets, left_out) if real(p) in changed)
            left_out = [p for p in left_out if real(p) in changed]
        if diff:
            sys.exit(_show_diff(linter, targets))
        if fix:
            _fix(linter, targets)
        store = None
        if not no_cache:
            from archlint.engine.cache import DEFAULT_FOLDER, Cache

            store = Cache(cache_dir or configuration.root / DEFAULT_FOLDER, linter.settings_key())
        bar = _progress_bar(progress)
        unpacked: list[Path] = []
        try:
            diagnostics, count = (linter.lint_paths(targets, jobs or os.cpu_count() or 1, store,
                                                    bar, unpacked, left_out)
                                  if targets else ([], 0))
        finally:
            if bar is not None:
                bar.close()
        if write_baseline is not None:
            from archlint.report import baseline as baselines

            recorded = baselines.write(write_baseline, diagnostics)
            click.echo(f"Wrote {recorded} problems to {write_baseline}.", err=True)
            sys.exit(EXIT_CLEAN)
        if baseline is not None:
            from archlint.report import baseline as baselines

            diagnostics = baselines.new_only(diagnostics, baselines.load(baseline))
    except ConfigError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot write {error.filename}: {error.strerror}")
    report = Report(tuple(diagnostics), count, linter.rules, len(unpacked),
                    _shown(left_out))
    render = formats.STATISTICS if statistics else formats.CHECK[output_format]
    color = (output_file is None or str(output_file) == "-") and _use_color()
    _write_report(output_file, render(report, color), color)
    failing = [d for d in diagnostics if strict or d.severity is Severity.ERROR]
    sys.exit(EXIT_PROBLEMS if failing and not exit_zero else EXIT_CLEAN)


def _same_options(config_file: Path | None, pack: str | None, template: Path | None
                  ) -> list[str]:
    """The options that chose the configuration and pack, with absolute paths (to run
    archlint again elsewhere, as in ``report --since``)."""
    options = []
    if config_file is not None:
        options += ["--config", str(config_file.absolute())]
    if pack is not None:
        options += ["--pack", str(Path(pack).absolute()) if Path(pack).is_file() else pack]
    if template is not None:
        options += ["--template", str(template.absolute())]
    return options


def _cache(cache_dir: Path | None, configuration, linter):
    from archlint.engine.cache import DEFAULT_FOLDER, Cache

    return Cache(cache_dir or configuration.root / DEFAULT_FOLDER, linter.settings_key())


def _show_diff(linter, paths: tuple[Path, ...]) -> int:
    import difflib

    changed = 0
    for path in linter.discover(paths):
        fixed = linter.fixed_text(path)
        if fixed is None:
            continue
        changed += 1
        before, after = fixed
        name = path.as_posix()
        old, new = (name, name) if path.is_absolute() else (f"a/{name}", f"b/{name}")
        click.echo("".join(difflib.unified_diff(before.splitlines(keepends=True),
                                                after.splitlines(keepends=True), old, new)),
                   nl=False)
    return EXIT_PROBLEMS if changed else EXIT_CLEAN


def _shown(paths: list[Path]) -> tuple[str, ...]:
    """``paths`` as the report names files."""
    from archlint.engine.reader import display_path

    return tuple(display_path(path).replace(os.sep, "/") for path in paths)


def _fix(linter, paths: tuple[Path, ...]) -> None:
    fixed_files = 0
    for path in linter.discover(paths):
        fixed = linter.fixed_text(path)
        if fixed is not None:
            _write_atomically(path, fixed[1])
            fixed_files += 1
    if fixed_files:
        click.echo(f"Fixed {fixed_files} file{'s' if fixed_files != 1 else ''}.", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=_CHECKED)
@click.option("--output-format", type=click.Choice(formats.names(formats.STATUS)),
              default="text", show_default=True, help="How to print the completeness report.")
@click.option("--config", "config_file", type=_FILE,
              help="Use this configuration file instead of searching.")
@_pack_options
def status(paths: tuple[Path, ...], output_format: str, config_file: Path | None,
           pack: str | None, template: Path | None) -> None:
    """How complete each document is, and the state of each of its sections."""
    from archlint import config, engine
    from archlint.diagnostics import Diagnostic

    try:
        configuration = config.load(config_file) if config_file else config.discover(Path.cwd())
        linter = engine.Linter.create(configuration,
                                      engine.Selection(pack=_forced_pack(pack, template)))
        left_out: list[Path] = []
        results = [linter.assess_file(path)
                   for path in linter.discover(paths or (Path("."),), left_out)]
    except ConfigError as error:
        _fail(str(error))
    from archlint.template.completeness import DocumentStatus

    statuses = [r for r in results if not isinstance(r, Diagnostic)]
    statuses += [DocumentStatus(shown, None, (), template=True) for shown in _shown(left_out)]
    for problem in (r for r in results if isinstance(r, Diagnostic)):
        from archlint.report.printable import printable

        click.echo(f"archlint: {printable(problem.path)}: {printable(problem.message)}",
                   err=True)
    click.echo(formats.STATUS[output_format](statuses, _use_color()), nl=False)
    sys.exit(EXIT_ERROR if len(statuses) != len(results) else EXIT_CLEAN)


_SERVER_LIBRARIES = ("pygls", "lsprotocol", "cattrs", "attrs")


@main.command()
@click.option("--debounce", type=click.IntRange(min=0), default=200, show_default=True,
              metavar="MS", help="Check a document this many milliseconds after its last "
                                 "change.")
def server(debounce: int) -> None:
    """Run the language server (LSP) over standard input and output, for editors.
    Needs the server extra: pip install 'archlint[server]'."""
    try:
        from archlint.server import protocol
    except ImportError as error:
        missing = (error.name or "").partition(".")[0]
        if missing not in _SERVER_LIBRARIES:
            raise
        _fail(f"the language server needs the server extra ({missing} is not "
              f"installed): pip install 'archlint[server]'")
    protocol.serve(debounce / 1000)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--html", "html_file", type=_NEW_FILE,
              help="Write the report as one self-contained HTML page to this file.")
@click.option("--output-format", type=click.Choice(formats.names(formats.REPORT)),
              default=None, help="text (default: a summary for the terminal), json or html.")
@click.option("--output-file", type=_NEW_FILE,
              help="Write the report to this file instead of standard output.")
@click.option("--since", metavar="REF",
              help="Show what changed since this git revision: sections done, findings "
                   "fixed and new.")
@click.option("--compare", type=_FILE,
              metavar="BASELINE",
              help="Show what changed since this earlier report (written with "
                   "--output-format json).")
@click.option("--config", "config_file", type=_FILE,
              help="Use this configuration file instead of searching.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check files in N processes (default: one per CPU core).")
@click.option("--cache-dir", type=_FOLDER,
              envvar="ARCHLINT_CACHE_DIR", help="Where to keep the cache.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@_progress_option
@_pack_options
def report(paths: tuple[Path, ...], html_file: Path | None, output_format: str | None,
           output_file: Path | None, since: str | None, compare: Path | None,
           config_file: Path | None, jobs: int | None, cache_dir: Path | None,
           no_cache: bool, progress: bool | None, pack: str | None,
           template: Path | None) -> None:
    """How finished the documentation is: a summary, then each document (least
    finished first) with its sections' states and its findings."""
    import shutil

    from archlint import config, engine
    from archlint.report import gather, overview

    if html_file is not None:
        if (output_format or "html") != "html" or output_file is not None:
            raise click.UsageError("--html FILE writes HTML: give it without "
                                   "--output-format or --output-file")
        output_format, output_file = "html", html_file
    if since is not None and compare is not None:
        raise click.UsageError("give --since or --compare, not both")
    try:
        configuration = config.load(config_file) if config_file else config.discover(Path.cwd())
        linter = engine.Linter.create(configuration,
                                      engine.Selection(pack=_forced_pack(pack, template)))
        store = None if no_cache else _cache(cache_dir, configuration, linter)
        targets = paths or (Path("."),)
        bar = _progress_bar(progress)
        try:
            picture = gather.gather(linter, targets, jobs or os.cpu_count() or 1, store, bar)
        finally:
            if bar is not None:
                bar.close()
        changes = None
        if since is not None or compare is not None:
            changes = gather.changes(picture, targets, since, compare,
                                     _same_options(config_file, pack, template))
    except ConfigError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot write {error.filename}: {error.strerror}")
    chosen = output_format or "text"
    to_terminal = output_file is None and sys.stdout.isatty()
    view = overview.View(color=to_terminal and _use_color(), changes=changes,
                        width=shutil.get_terminal_size().columns,
                        base=(output_file.parent if output_file else Path.cwd()).absolute())
    text = formats.REPORT[chosen](picture, view)
    if output_file is not None:
        _write_atomically(output_file, text)
        click.echo(f"Wrote the report to {output_file}.", err=True)
    else:
        click.echo(text, nl=False, color=view.color)


@main.command()
def init() -> None:
    """Write a first configuration for the documents here, guessing their packs."""
    from archlint.init import initialise

    try:
        written, found = initialise(Path.cwd())
    except ConfigError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot write {error.filename}: {error.strerror}")
    where = "[tool.archlint] in " if written.name == "pyproject.toml" else ""
    click.echo(f"Wrote {where}{written.name}.")
    for name, paths in sorted(found.packs.items()):
        click.echo(f"  {len(paths)} document(s) use the {name} rule pack, going by their titles.")
    for template in found.templates:
        click.echo(f"  {len(template.documents)} document(s) written from the template "
                   f"{template.spec}, found as {template.why}.")
    if not found.packs and not found.templates:
        click.echo("  No document's title matched a built-in rule pack, and no template was "
                   "found; see `archlint packs`.")
    if found.templates:
        click.echo(f"Check that these are your templates: {written.name} says where each "
                   f"came from.")
    click.echo("Run `archlint check` to see what it finds.")


@main.group()
def schema() -> None:
    """Rule packs: derive one from a template."""


@schema.command()
@click.argument("template", type=_FILE)
@click.option("--name", help="The pack's name (default: from the file name).")
@click.option("--output-file", type=_OUTPUT,
              help="Write the pack to this file instead of standard output ('-': "
                   "standard output).")
def derive(template: Path, name: str | None, output_file: Path | None) -> None:
    """Print the rule pack a Markdown TEMPLATE implies, as TOML to commit and tune."""
    from archlint.template import derive as deriving

    try:
        pack = deriving.derive_file(template)
    except ConfigError as error:
        _fail(str(error))
    if name:
        pack = dataclasses.replace(pack, name=name)
    _write_report(output_file, pack.to_toml(), False)


@main.command()
@click.option("--cache-dir", type=_FOLDER,
              envvar="ARCHLINT_CACHE_DIR", help="The cache to remove.")
def clean(cache_dir: Path | None) -> None:
    """Remove the cache."""
    import shutil

    from archlint import config
    from archlint.engine.cache import DEFAULT_FOLDER

    try:
        folder = cache_dir or config.discover(Path.cwd()).root / DEFAULT_FOLDER
    except ConfigError as error:
        _fail(str(error))
    if folder.is_dir():
        shutil.rmtree(folder)
        click.echo(f"Removed {folder}.")
    else:
        click.echo(f"No cache at {folder}.")


@main.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and summary (opt-in rules run
    only when selected by code or name)."""
    from archlint.engine import registry

    try:
        rules = registry.all_rules()
    except ConfigError as error:
        _fail(str(error))
    for rule in rules:
        summary = rule.summary.split(":", 1)[-1].strip()
        opt_in = "(opt-in) " if rule.opt_in else ""
        click.echo(f"{rule.code}  {rule.name:<20} {rule.severity.value:<8} {opt_in}{summary}")


@main.command("rule")
@click.argument("rule_id", metavar="CODE")
def show_rule(rule_id: str) -> None:
    """Print a rule's documentation (by code or name)."""
    from archlint.engine import registry

    try:
        rule = registry.find(rule_id)
    except ConfigError as error:
        _fail(str(error))
    if rule is None:
        _fail(f"no rule {rule_id!r} (see 'archlint rules')")
    click.echo(f"# {rule.code} {rule.name}\n\n{rule.doc.split(chr(10), 1)[-1].strip()}")


@main.command("packs")
def list_packs() -> None:
    """List the built-in rule packs and the sections each requires."""
    from archlint.template import packs

    try:
        for pack in packs.all_builtin():
            notes = [note for note, known in (
                ("prompts not known: configure your template file", pack.prompts_known),
                ("chapters may be files of a documentation set", not pack.chapter_files))
                if not known]
            click.echo(f"{pack.name}: {pack.title}"
                       + (f" ({'; '.join(notes)})" if notes else ""))
            for spec in pack.sections:
                click.echo(f"  {'required' if spec.required else 'optional'}  {spec.title}")
    except ConfigError as error:
        _fail(str(error))
