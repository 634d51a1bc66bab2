"""Hostile files, faults in the middle of a run and bad configuration: archlint answers
each with a finding or one clear line, never a hang, a traceback or a lost file.

Tests that need an unprivileged user (permissions do not apply to root) run the command
line as ``nobody`` through ``setpriv`` on a copy of the tree that user can read, and skip
with the reason when that cannot be arranged.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

import archlint
from archlint import atomic
from archlint.config import Configuration, Settings
from archlint.engine import Linter

TIMEOUT = 60


def run(*args: str, cwd: Path, timeout: float = TIMEOUT, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archlint", *args], cwd=cwd,
                          capture_output=True, text=True, check=False, timeout=timeout,
                          env=env)


def clean_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a usage or configuration error prints (and no traceback)."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- an unprivileged user ------------------------------------------------------------

NOBODY = 65534


def _can_drop_privileges() -> str | None:
    """Why the tests cannot run archlint as ``nobody`` (None when they can)."""
    if os.geteuid() != 0:
        return "not root: cannot switch to an unprivileged user (and permissions apply already)"
    if shutil.which("setpriv") is None:
        return "setpriv (util-linux) is not installed"
    probe = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}",
                            "--clear-groups", sys.executable, "-c", "import archlint"],
                           capture_output=True, text=True, check=False, cwd="/")
    if probe.returncode != 0:
        return f"nobody cannot import archlint from {sys.executable}: {probe.stderr.strip()}"
    return None


@pytest.fixture
def nobody_tree() -> Iterator[Path]:
    """A folder ``nobody`` can read and write (removed afterwards)."""
    reason = _can_drop_privileges()
    if reason:
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="archlint-nobody-"))
    os.chmod(folder, 0o755)
    os.chown(folder, NOBODY, NOBODY)
    try:
        yield folder
    finally:
        for current, folders, _ in os.walk(folder):
            for name in folders:
                os.chmod(Path(current) / name, 0o755)
        shutil.rmtree(folder)


def run_as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}",
                           "--clear-groups", sys.executable, "-m", "archlint", *args],
                          cwd=cwd, capture_output=True, text=True, check=False,
                          timeout=TIMEOUT, env={**os.environ, "HOME": str(cwd)})


def owned_by_nobody(path: Path) -> None:
    for current, folders, names in os.walk(path):
        for name in [*folders, *names]:
            os.chown(Path(current) / name, NOBODY, NOBODY)


# -- 1. special files ----------------------------------------------------------------

def test_a_fifo_in_a_folder_is_skipped_not_waited_for(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.md").write_text("# A\n\nSome TBD.\n")
    os.mkfifo(tmp_path / "d" / "x.md")
    for command in (["check", "--no-cache", "d"], ["status", "d"], ["check", "--fix", "d"]):
        result = run(*command, cwd=tmp_path, timeout=30)
        assert "Traceback" not in result.stderr
    result = run("check", "--no-cache", "d", cwd=tmp_path, timeout=30)
    assert result.stdout.splitlines() == [
        'd/a.md:3:6: AL102 placeholder "TBD" left in [placeholder]',
        "Found 1 problem (1 error) in 1 file (1 file checked, with no rule pack)."]


def test_a_fifo_named_on_the_command_line_is_an_al001_with_the_reason(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.md")
    result = run("check", "--no-cache", "x.md", cwd=tmp_path, timeout=30)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == (
        "x.md:1:1: AL001 cannot read file: not a regular file (a FIFO) [unreadable-file]")


# -- 2. writes go through links and keep the file ------------------------------------

FIXABLE = ("# Doc\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\ntext\n\n## B\n\ntext\n"
           "\n## C\n\ntext\n")
FIXED = FIXABLE.replace("- [B](#b)\n", "- [B](#b)\n- [C](#c)\n")


def test_output_file_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    (tmp_path / "real.txt").write_text("old\n")
    (tmp_path / "report.txt").symlink_to("real.txt")
    result = run("check", "--no-cache", "--output-file", "report.txt", "a.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text() == "All checks passed (1 file checked, with no rule pack).\n"


def test_output_file_on_a_fifo_or_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    os.mkfifo(tmp_path / "fifo")
    special = [tmp_path / "fifo"]
    if os.geteuid() == 0:  # only root may make a device: a copy of /dev/null
        os.mknod(tmp_path / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        special.append(tmp_path / "null")
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")
    special.append(tmp_path / "stdout")
    for path in special:
        kind = os.stat(path).st_mode
        line = clean_error(run("check", "--no-cache", "--output-file", path.name, "a.md",
                               cwd=tmp_path, timeout=30))
        assert line.startswith(f"archlint: error: cannot write {path.name}: not a regular file")
        assert "--output-file -" in line
        assert stat.S_IFMT(os.stat(path).st_mode) == stat.S_IFMT(kind)  # still what it was


def test_output_file_dash_is_standard_output(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    result = run("check", "--no-cache", "--output-file", "-", "a.md", cwd=tmp_path)
    assert result.stdout == "All checks passed (1 file checked, with no rule pack).\n"
    assert not (tmp_path / "-").exists()


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "doc.md").write_text(FIXABLE)
    (tmp_path / "doc.md").symlink_to("real/doc.md")
    result = run("check", "--no-cache", "--fix", "doc.md", cwd=tmp_path)
    assert "Fixed 1 file." in result.stderr
    assert (tmp_path / "doc.md").is_symlink()
    assert (tmp_path / "real" / "doc.md").read_text() == FIXED


def test_fix_keeps_hard_links_mode_and_owner(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(FIXABLE)
    os.chmod(doc, 0o640)
    os.link(doc, tmp_path / "other-name.md")
    owner = (NOBODY, NOBODY) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    if os.geteuid() == 0:
        os.chown(doc, *owner)
    inode = doc.stat().st_ino
    result = run("check", "--no-cache", "--fix", "doc.md", cwd=tmp_path)
    assert "Fixed 1 file." in result.stderr
    after = doc.stat()
    assert (after.st_ino, after.st_nlink) == (inode, 2)
    assert (tmp_path / "other-name.md").read_text() == FIXED
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == owner


def test_fix_keeps_the_owner_of_a_file_it_replaces(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    doc = tmp_path / "doc.md"
    doc.write_text(FIXABLE)
    os.chown(doc, NOBODY, NOBODY)
    run("check", "--no-cache", "--fix", "doc.md", cwd=tmp_path)
    assert doc.read_text() == FIXED
    assert (doc.stat().st_uid, doc.stat().st_gid) == (NOBODY, NOBODY)


def test_a_full_disk_leaves_the_original_and_names_the_target(tmp_path: Path,
                                                              monkeypatch) -> None:
    for links in (1, 2):  # replaced through a rename, or written in place
        doc = tmp_path / f"doc{links}.md"
        doc.write_text(FIXABLE)
        if links == 2:
            os.link(doc, tmp_path / "second.md")
        real_write = os.write

        def full(fd: int, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "write", full)
        with pytest.raises(OSError) as raised:
            atomic.write_text(doc, FIXED + "x" * 100_000)
        monkeypatch.setattr(os, "write", real_write)
        assert raised.value.filename == str(doc)
        assert raised.value.errno == errno.ENOSPC
        assert doc.read_text() == FIXABLE
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [f"doc{n}.md" for n in range(1, links + 1)] + (["second.md"] if links == 2 else []))
        if links == 2:
            (tmp_path / "second.md").unlink()


# -- 3. cached and parallel runs (see also test_equivalence.py) ----------------------

def test_a_cached_parallel_rerun_keeps_the_did_you_mean_of_moved_files(tmp_path: Path,
                                                                       monkeypatch) -> None:
    from archlint.engine import cache as caching
    from archlint.engine import running
    from archlint.report import check as formats

    monkeypatch.setattr(running, "WORTH_A_PROCESS", 2)
    docs = tmp_path / "docs"
    (docs / "moved").mkdir(parents=True)
    (docs / "moved" / "target.md").write_text("# Target\n")
    for index in range(12):
        (docs / f"d{index}.md").write_text(f"# D{index}\n\nSee [it](./target.md).\n")

    def output(jobs: int, store) -> str:
        linter = Linter.create(Configuration(Settings(), None, tmp_path))
        found, count = linter.lint_paths([docs], jobs, store)
        return formats.text(formats.Report(tuple(found), count, linter.rules), False)

    def cached() -> caching.Cache:
        linter = Linter.create(Configuration(Settings(), None, tmp_path))
        return caching.Cache(tmp_path / ".archlint_cache", linter.settings_key())

    plain = output(1, None)
    assert 'did you mean "moved/target.md"' in plain
    assert output(2, cached()) == plain
    for index in range(3, 9):
        (docs / f"d{index}.md").write_text(f"# D{index}\n\nSee [it](./target.md) again.\n")
    plain = output(1, None)
    assert output(2, cached()) == plain
    assert output(1, cached()) == plain


def test_a_new_file_of_the_same_name_changes_a_cached_suggestion(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "moved").mkdir()
    (tmp_path / "moved" / "target.md").write_text("# Target\n\nText.\n")
    (tmp_path / "a.md").write_text("# A\n\nSee [it](./sub/target.md).\n")
    first = run("check", ".", cwd=tmp_path).stdout
    assert 'did you mean "moved/target.md"' in first
    (tmp_path / "moved" / "again").mkdir()
    (tmp_path / "moved" / "again" / "target.md").write_text("# Target\n\nText.\n")
    plain = run("check", "--no-cache", ".", cwd=tmp_path).stdout
    assert "did you mean" not in plain
    assert run("check", ".", cwd=tmp_path).stdout == plain


def test_making_the_cache_folder_changes_no_recorded_listing(tmp_path: Path,
                                                            monkeypatch) -> None:
    from archlint.engine import cache as caching

    (tmp_path / "a.md").write_text("# A\n\nSee [it](./gone.md).\n")
    checked: list[Path] = []
    real_check = Linter.check_recording

    def counting(self, path, data=None):
        checked.append(path)
        return real_check(self, path, data)

    monkeypatch.setattr(Linter, "check_recording", counting)
    for _ in range(2):
        linter = Linter.create(Configuration(Settings(), None, tmp_path))
        store = caching.Cache(tmp_path / caching.DEFAULT_FOLDER, linter.settings_key())
        linter.lint_paths([tmp_path], 1, store)
    assert checked == [tmp_path / "a.md"]  # the second run answered from the cache


# -- 6. no tracebacks ----------------------------------------------------------------

def test_a_symlink_loop_is_an_al001(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.md").symlink_to("b.md")
    (tmp_path / "d" / "b.md").symlink_to("a.md")
    (tmp_path / "d" / "c.md").write_text("# C\n\nSee [a](./a.md#x).\n")
    for command in (["check", "--no-cache", "d"], ["check", "d/a.md"], ["status", "d"],
                    ["check", "--fix", "d"], ["check", "--jobs", "2", "d"]):
        result = run(*command, cwd=tmp_path)
        assert "Traceback" not in result.stderr, (command, result.stderr)
    result = run("check", "--no-cache", "d", cwd=tmp_path)
    assert "d/a.md:1:1: AL001 cannot read file: Too many levels of symbolic links" in (
        result.stdout)


def test_an_unreadable_sub_folder_is_reported_and_the_run_goes_on(nobody_tree: Path) -> None:
    docs = nobody_tree / "d"
    (docs / "in").mkdir(parents=True)
    (docs / "a.md").write_text("# A\n\nSome TBD.\n")
    (docs / "in" / "b.md").write_text("# B\n")
    owned_by_nobody(nobody_tree)
    os.chmod(docs / "in", 0)
    result = run_as_nobody("check", "--no-cache", "d", cwd=nobody_tree)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        'd/a.md:3:6: AL102 placeholder "TBD" left in [placeholder]',
        "d/in:1:1: AL001 cannot read file: cannot list the folder: Permission denied "
        "[unreadable-file]",
        "Found 2 problems (2 errors) in 2 files (2 files checked, 1 with no rule pack)."]
    status = run_as_nobody("status", "d", cwd=nobody_tree)
    assert "Traceback" not in status.stderr
    assert "d/in: cannot read file: cannot list the folder: Permission denied" in status.stderr


def test_an_invalid_ignore_pattern_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "archlint.toml").write_text('[template-text]\nignore-patterns = ["(a"]\n')
    (tmp_path / "a.md").write_text("# A\n\n*Describe the thing here please.*\n")
    line = clean_error(run("check", "a.md", cwd=tmp_path))
    assert "archlint.toml" in line and "ignore-patterns" in line and "(a" in line


def test_lone_surrogates_through_lint_text() -> None:
    found = archlint.lint_text("# A\ud800\n\nTBD \udfff [x](#\ud800)\n", path="a.md",
                               settings=Settings())
    assert {d.code for d in found} >= {"AL102", "AL301"}


# -- 7. well-formed output -----------------------------------------------------------

CONTROLS = "# Doc\n\n## Part \x07 \x1b[31mred \x0b \x0c end\n"


def test_junit_is_well_formed_with_control_characters(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CONTROLS)
    result = run("check", "--no-cache", "--output-format", "junit", "a.md", cwd=tmp_path)
    failure = ElementTree.fromstring(result.stdout.encode()).find(".//failure")
    assert failure is not None and "\\x1b" in failure.get("message", "")


def test_text_output_shows_control_characters_escaped(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CONTROLS)
    for output_format in ("text", "concise"):
        result = run("check", "--no-cache", "--output-format", output_format, "a.md",
                     cwd=tmp_path)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\\x1b[31mred" in result.stdout
    data = json.loads(run("check", "--no-cache", "--output-format", "json", "a.md",
                          cwd=tmp_path).stdout)
    assert "\x1b" in data[0]["message"]  # data formats keep the text as it is


def test_a_file_name_with_a_newline_stays_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "a\nb.md").write_text("TBD\n")
    result = run("check", "--no-cache", ".", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == (
        'a\\nb.md:1:1: AL102 placeholder "TBD" left in [placeholder]')


# -- 8. configuration that must be refused -------------------------------------------

@pytest.mark.parametrize("pack, key", [
    ('name = "p"\nplaceholders = [""]\n', "placeholders"),
    ('name = "p"\nplaceholders = ["  "]\n', "placeholders"),
    ('name = "p"\n[[sections]]\ntitle = ""\n', "sections.0: title"),
])
def test_an_empty_pattern_in_a_pack_is_refused(tmp_path: Path, pack: str, key: str) -> None:
    (tmp_path / "p.toml").write_text(pack)
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    line = clean_error(run("check", "--pack", "p.toml", "a.md", cwd=tmp_path))
    assert "p.toml" in line and key in line


@pytest.mark.parametrize("table, key", [('[template-text]\nmin-words = -1\n', "min-words"),
                                        ('[rules.template-prompt]\nmin-words = -3\n',
                                         "min-words"),
                                        ('[rules.placeholder]\nwords = ["TBD", ""]\n', "words")])
def test_a_negative_min_words_or_an_empty_word_is_refused(tmp_path: Path, table: str,
                                                          key: str) -> None:
    (tmp_path / "archlint.toml").write_text(table)
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    assert key in clean_error(run("check", "a.md", cwd=tmp_path))


# -- 9. smaller ones -----------------------------------------------------------------

def test_a_write_error_names_the_target_not_the_temporary_file(tmp_path: Path,
                                                              monkeypatch) -> None:
    from click.testing import CliRunner

    from archlint import cli

    (tmp_path / "a.md").write_text(FIXABLE)
    monkeypatch.chdir(tmp_path)

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    for args in (["--output-file", "report.txt"], ["--write-baseline", "base.json"],
                 ["--fix"]):
        result = CliRunner().invoke(cli.main, ["check", "--no-cache", *args, "a.md"])
        target = args[1] if len(args) > 1 else "a.md"
        assert result.exit_code == 2, result.output
        assert result.output.splitlines()[-1] == (
            f"archlint: error: cannot write {target}: No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_a_named_unreadable_file_is_an_al001_and_the_run_goes_on(nobody_tree: Path) -> None:
    (nobody_tree / "a.md").write_text("# A\n\nSome TBD.\n")
    (nobody_tree / "secret.md").write_text("# S\n")
    owned_by_nobody(nobody_tree)
    os.chmod(nobody_tree / "secret.md", 0)
    result = run_as_nobody("check", "--no-cache", "secret.md", "a.md", cwd=nobody_tree)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "secret.md:1:1: AL001 cannot read file: Permission denied [unreadable-file]",
        'a.md:3:6: AL102 placeholder "TBD" left in [placeholder]',
        "Found 2 problems (2 errors) in 2 files (2 files checked, 1 with no rule pack)."]


def test_since_never_passes_an_option_to_git(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    line = clean_error(run("check", "--since=--output=stolen.txt", cwd=tmp_path))
    assert "--since" in line
    assert not (tmp_path / "stolen.txt").exists()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_with_their_parent(tmp_path: Path, signal_number: int) -> None:
    for index in range(120):
        (tmp_path / f"d{index}.md").write_text(f"# D{index}\n\n" + "Some text here. " * 4000)
    parent = subprocess.Popen([sys.executable, "-m", "archlint", "check", "--no-cache",
                               "--jobs", "2", "."], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        time.sleep(0.05)
        workers = _children(parent.pid)
    if len(workers) < 2:
        parent.kill()
        pytest.skip("the run ended before its worker processes could be seen")
    parent.send_signal(signal_number)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
                 and "Z" not in (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3])]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert alive == []


TERMINATED_WHILE_STARTING = """
import os, signal, sys
import multiprocessing.process
started = multiprocessing.process.BaseProcess.start
def start(self):  # terminated right after a worker starts, before the pool records it
    started(self)
    os.kill(os.getpid(), signal.SIGTERM)
multiprocessing.process.BaseProcess.start = start
from archlint.cli import main
sys.argv = ["archlint", "check", "--no-cache", "--jobs", "2", "."]
main()
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_terminated_while_a_worker_starts_it_ends_and_so_does_the_worker(tmp_path: Path
                                                                         ) -> None:
    for index in range(120):
        (tmp_path / f"d{index}.md").write_text(f"# D{index}\n\n" + "Some text. " * 200)
    run = subprocess.Popen([sys.executable, "-c", TERMINATED_WHILE_STARTING], cwd=tmp_path,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, stderr = run.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        for pid in [run.pid, *_children(run.pid)]:
            os.kill(pid, signal.SIGKILL)
        run.communicate()
        pytest.fail("the run hung after SIGTERM, waiting for a worker it never stopped")
    assert run.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in stderr


def test_content_nested_too_deep_is_reported_not_dropped(tmp_path: Path) -> None:
    depth_ten = "".join("  " * level + f"- item {level}\n" for level in range(10))
    depth_ten += "  " * 10 + "- TBD\n"
    found = archlint.lint_text(f"# A\n\n## Part\n\n{depth_ten}", path="a.md",
                               settings=Settings())
    assert [(d.code, d.line) for d in found] == [("AL102", 15)]
    far_too_deep = "# A\n\n" + ">" * 150 + " TBD\n"
    found = archlint.lint_text(far_too_deep, path="a.md", settings=Settings())
    assert [(d.code, d.line) for d in found] == [("AL001", 1)]
    assert "nested deeper than" in found[0].message and "line 3" in found[0].message


SLOW_WRITE = """
import os, sys, time
real = os.write
def slow(fd, data):
    if len(data) > 1000:  # the document, not this process's own output
        real(fd, data[:10])
        print("writing", flush=True)
        time.sleep(60)
    return real(fd, data)
os.write = slow
from archlint import cli
sys.argv = ["archlint", "check", "--no-cache", "--fix", "doc.md"]
cli.main()
"""


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_fix_killed_mid_write_leaves_no_temporary_file(tmp_path: Path, signal_number: int
                                                         ) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(FIXABLE + "More text. " * 1000 + "\n")
    before = doc.read_text()
    fixer = subprocess.Popen([sys.executable, "-c", SLOW_WRITE], cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert fixer.stdout is not None
    assert fixer.stdout.readline() == "writing\n"
    fixer.send_signal(signal_number)
    fixer.wait(timeout=30)
    assert "Traceback" not in (fixer.stderr.read() if fixer.stderr else "")
    assert doc.read_text() == before
    if signal_number == signal.SIGKILL and not atomic.anonymous_files(tmp_path):
        # nothing catches SIGKILL: without anonymous files (O_TMPFILE) the named
        # temporary file stays until the next write to the document removes it
        assert len(list(tmp_path.iterdir())) == 2
        run("check", "--no-cache", "--fix", "doc.md", cwd=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.md"]


def test_a_temporary_file_a_killed_fix_left_is_removed_by_the_next(tmp_path: Path) -> None:
    """Where the system has no anonymous files, a --fix killed with SIGKILL (which no
    process can catch) leaves its named temporary file; the next write removes it."""
    doc = tmp_path / "doc.md"
    doc.write_text(FIXABLE + "More text.\n")
    fixer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0)"])
    fixer.wait()  # a process that is gone, as a killed one is
    left = tmp_path / f".doc.md.archlint-{fixer.pid}.x1y2z3.tmp"
    left.write_text("half a docu")
    living = tmp_path / f".doc.md.archlint-{os.getpid()}.a1b2c3.tmp"  # a run going on
    living.write_text("being written")
    other = tmp_path / ".other.md.archlint-1.tmp"
    other.write_text("not ours to remove")
    result = run("check", "--no-cache", "--fix", "doc.md", cwd=tmp_path)
    assert "Traceback" not in result.stderr and "Fixed 1 file" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["doc.md", living.name, other.name])


def test_links_leaving_the_project_are_not_opened_without_config_or_git(tmp_path: Path
                                                                        ) -> None:
    (tmp_path / "outside.md").write_text("# Outside\n")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "a.md").write_text("See [o](../outside.md#nowhere).\n")
    result = run("check", "--no-cache", "a.md", cwd=tmp_path / "project")
    assert result.stdout.splitlines()[0] == (
        'a.md:1:5: AL302 link target "../outside.md" is outside the project: not checked '
        "[broken-link]")
    assert "AL303" not in result.stdout


# -- 10. positions in tables ----------------------------------------------------------

def test_table_cells_in_a_block_quote_have_their_columns() -> None:
    text = "# T\n\n> | Env | Where |\n> | --- | --- |\n> | a | Production TBD |\n"
    found = archlint.lint_text(text, path="t.md", settings=Settings())
    assert [(d.code, d.line, d.column) for d in found] == [("AL102", 5, 20)]


@pytest.mark.parametrize("row, column", [
    (r"| x \\| y | TBD | z |", 13),  # "\\|" is an escaped pipe to markdown-it-py too
    (r"| x | y \| TBD | z |", 12),   # the backslash is gone from the cell's text
    (r"| x \| y \| w | TBD |", 17),
    (r"> | x | y \| TBD | z |", 14),
])
def test_escaped_pipes_keep_the_columns(row: str, column: int) -> None:
    text = f"| A | B | C |\n| --- | --- | --- |\n{row}\n"
    found = [d for d in archlint.lint_text(text, path="t.md", settings=Settings())
             if d.message == 'placeholder "TBD" left in']
    assert [(d.line, d.column) for d in found] == [(3, column)]
    assert row[column - 1:column + 2] == "TBD"
