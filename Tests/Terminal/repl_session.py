"""Drives the real `coopql` REPL through a pseudo-terminal, as a person would: types a query with
Vietnamese text, completes with Tab, recalls history with the up arrow, stops a long query with
Ctrl-C, clears a line with Ctrl-C, leaves with Ctrl-D; then checks the history file.

Usage: python3 repl_session.py BINARY DATA_DIR   (prints `ok` and exits 0 when all is well)
Run by REPLTerminalTests.swift; needs pexpect."""
import os
import shutil
import sys
import tempfile
import time

import pexpect

binary, data = sys.argv[1], sys.argv[2]
home = tempfile.mkdtemp(prefix="coopql-pty-")
history = os.path.join(home, "history")
env = dict(os.environ, HOME=home, COOPQL_HISTORY=history, NO_COLOR="1", TERM="xterm", LANG="C.UTF-8")
for name in ("LC_ALL", "LC_CTYPE", "COOPQL_INIT"):
    env.pop(name, None)

child = pexpect.spawn(binary, ["--data", data], env=env, encoding="utf-8", dimensions=(40, 120), timeout=15)
child.logfile_read = open(os.path.join(home, "screen.log"), "w")
prompt = "coopql> "


def step(what):
    print("step:", what, flush=True)


step("ready")
child.expect_exact(prompt)
# The prompt can appear a moment before libedit puts the terminal in raw mode: a Ctrl-D sent in
# that moment is lost, which no person could type fast enough to meet.
time.sleep(0.2)

step("a query with Vietnamese text")
child.send('cooperatives | where province == "Bạc Liêu" | count\r')
child.expect(r"\r\n4\r\n")
child.expect_exact(prompt)

step("Tab completes a stage, a column and a code")
# libedit redraws only what changed, so the screen is checked through what the line ran.
child.send("cooperatives | wh\t")
time.sleep(0.2)
# Each completed word is followed by a space, so the next one is typed straight after it.
child.send("sec\t")
time.sleep(0.2)
child.send('== "agr\t')
time.sleep(0.2)
child.send("| count\r")
child.expect(r"\r\n9\r\n")
child.expect_exact(prompt)

step("the up arrow recalls the Vietnamese query")
child.send("\x1b[A\x1b[A")
child.expect_exact("Liêu")
child.send("\r")
child.expect(r"\r\n4\r\n")
child.expect_exact(prompt)

step("Ctrl-C stops a long query and the prompt returns")
child.send("fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\r")
child.expect_exact(prompt)
child.send("print fib(35)\r")
time.sleep(1.0)
child.send("\x03")
child.expect("cancelled")
child.expect_exact(prompt)
child.send("print 6 * 7\r")
child.expect(r"\r\n42\r\n")
child.expect_exact(prompt)

step("Ctrl-C at the prompt clears the line")
child.send("cooperatives | half typed")
child.send("\x03")
child.expect_exact(prompt)
child.send("print 1 + 1\r")
child.expect(r"\r\n2\r\n")
child.expect_exact(prompt)

step("Ctrl-D leaves")
child.send("\x04")
child.expect(pexpect.EOF)
child.close()
assert child.exitstatus == 0, f"exit status {child.exitstatus}"

step("history was saved, one entry per line, the recalled query included")
with open(history, encoding="utf-8") as f:
    entries = f.read().splitlines()
query = 'cooperatives | where province == "Bạc Liêu" | count'
assert entries.count(query) == 2, entries
assert 'cooperatives | where sector == "agriculture" | count' in entries, entries
assert "print fib(35)" in entries, entries
assert not any("half typed" in e for e in entries), entries
# The screen log stays behind only when an assertion above fails, to read what the shell showed.
child.logfile_read.close()
shutil.rmtree(home, ignore_errors=True)
print("ok")
