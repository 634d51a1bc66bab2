"""A real editor drives ``archlint server``: Neovim, headless, with its built-in LSP
client, set up with the README's own lines for the installed version (Debian bookworm
ships 0.7, which has ``vim.lsp.start_client`` and ``vim.lsp.buf_attach_client`` but not
``vim.lsp.start``, which came with 0.8)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")
README = Path(__file__).resolve().parent.parent.parent / "README.md"

pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim is not installed (apt-get install -y neovim; .ci/run does)")

# after the README's set-up has started the server for the Markdown buffer
CHECK = """
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.ARCHLINT_DOCUMENT))
local arrived = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(found, {line = d.lnum, column = d.col, code = d.code, message = d.message,
                       source = d.source, severity = d.severity})
end
local out = io.open(vim.env.ARCHLINT_OUT, "w")
out:write(vim.fn.json_encode({arrived = arrived, diagnostics = found}))
out:close()
for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
vim.cmd("qall!")
"""


def version(nvim: str) -> tuple[int, int]:
    shown = subprocess.run([nvim, "--version"], capture_output=True, text=True,
                           check=True).stdout
    found = re.search(r"NVIM v(\d+)\.(\d+)", shown)
    assert found, shown
    return int(found[1]), int(found[2])


def readme_set_up(installed: tuple[int, int]) -> str:
    """The README's Neovim lines for the installed version."""
    blocks = re.findall(r"```lua\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    wanted = "-- Neovim 0.7\n" if installed < (0, 8) else "-- Neovim 0.8 or newer\n"
    return next(block for block in blocks if block.startswith(wanted))


def test_neovim_shows_a_prompt_left_in(tmp_path: Path):
    assert NVIM is not None
    scripts = Path(sys.executable).parent
    assert (scripts / "archlint").exists(), "archlint's script is installed beside python"
    (tmp_path / ".git").mkdir()
    document = tmp_path / "context.md"
    document.write_text("# Context\n\nThe shop takes orders.\n\n"
                        "_Describe the forces at play and how they pull._\n",
                        encoding="utf-8")
    (tmp_path / "init.lua").write_text(readme_set_up(version(NVIM)), encoding="utf-8")
    (tmp_path / "check.lua").write_text(CHECK, encoding="utf-8")
    out = tmp_path / "found.json"
    environment = {**os.environ, "ARCHLINT_OUT": str(out), "ARCHLINT_DOCUMENT": document.name,
                   "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}",
                   "XDG_CONFIG_HOME": str(tmp_path / "config"),
                   "XDG_DATA_HOME": str(tmp_path / "data"),
                   "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([NVIM, "--headless", "-i", "NONE", "-u", "init.lua",
                           "-c", "luafile check.lua"],
                          cwd=tmp_path, env=environment, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["arrived"] is True, done.stderr
    assert result["diagnostics"] == [{
        "line": 4, "column": 0, "code": "AL101", "source": "archlint", "severity": 1,
        "message": 'template prompt left in: "Describe the forces at play and how they '
                   'pull." [template-prompt]'}]
