"""Types lines holding Vietnamese text, combining marks and wide characters into the real `coopql`
REPL inside tmux, presses Tab, and reads the screen: each line must become what is expected.
Then runs each line and checks the history file holds it exactly, with no U+FFFD.

Usage: python3 repl_completion.py BINARY DATA_DIR [--show]
(prints `ok` and exits 0 when all is well; --show prints each screen line before and after Tab)
Run by REPLTerminalTests.swift; needs tmux."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

binary, data = sys.argv[1], sys.argv[2]
show = "--show" in sys.argv
home = tempfile.mkdtemp(prefix="coopql-tmux-")
history = os.path.join(home, "history")
# A server of our own, so nothing else running tmux is touched.
server = ["tmux", "-L", f"coopql-completion-{os.getpid()}"]
prompt = "coopql> "

# (typed, what the line holds after one Tab)
CASES = [
    ('cooperatives | where province == "Bắc Kạn" and stat',
     'cooperatives | where province == "Bắc Kạn" and status '),
    ('cooperatives | where province == "Bắc Kạn" and status == "ac',
     'cooperatives | where province == "Bắc Kạn" and status == "active" '),
    ('cooperatives | summarize "Số HTX" = count() by province | where Số',
     'cooperatives | summarize "Số HTX" = count() by province | where `Số HTX` '),
    ('cooperatives | summarize "Số HTX" = count() by province | sort by `Số',
     'cooperatives | summarize "Số HTX" = count() by province | sort by `Số HTX` '),
    ('cooperatives | where province == "Bắc K',
     'cooperatives | where province == "Bắc Kạn" '),
    ('cooperatives | where province == "Bà Rịa - V',
     'cooperatives | where province == "Bà Rịa - Vũng Tàu" '),
    ('cooperatives | where name == "Hợp tác xã" | sel',
     'cooperatives | where name == "Hợp tác xã" | select '),
    # Combining marks typed as separate code points (a decomposed keyboard layout).
    ('cooperatives | where province == "Ba\u0301c Ka\u0323n" and sec',
     'cooperatives | where province == "Ba\u0301c Ka\u0323n" and sector '),
    # Wide characters before the cursor.
    ('cooperatives | where name == "合作社 Bắc" | wh',
     'cooperatives | where name == "合作社 Bắc" | where '),
    ('coop', 'cooperatives '),
]


def tmux(*args):
    return subprocess.run(server + list(args), check=True, capture_output=True, text=True).stdout


def screen_line():
    """The last line on the screen that starts with the prompt, without the prompt."""
    # tmux drops the spaces that end a screen line, the prompt's own included.
    lines = [l for l in tmux("capture-pane", "-p", "-t", "s").splitlines() if l.startswith(prompt.rstrip())]
    return lines[-1][len(prompt):] if lines else ""


def bare(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def wait_for(check, what):
    for _ in range(100):
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}; screen:\n" + tmux("capture-pane", "-p", "-t", "s"))


env = f"env HOME={home} COOPQL_HISTORY={history} NO_COLOR=1 TERM=xterm LANG=C.UTF-8 LC_ALL= LC_CTYPE="
tmux("new-session", "-d", "-s", "s", "-x", "200", "-y", "50", f"{env} {binary} --data {data}")
failures = []
try:
    wait_for(lambda: prompt.rstrip() in tmux("capture-pane", "-p", "-t", "s"), "the prompt")
    time.sleep(0.3)
    for typed, expected in CASES:
        tmux("send-keys", "-t", "s", "-l", typed)
        wait_for(lambda: screen_line().rstrip() == typed.rstrip(), f"the typed line {typed!r}")
        tmux("send-keys", "-t", "s", "Tab")
        time.sleep(0.4)
        got = screen_line()
        if show:
            print(f"typed:  {typed}\nscreen: {got}\n")
        # tmux keeps a trailing space only when something follows it; compare the line without it
        # here and check the space itself in the history file below.
        # tmux's screen keeps only some combining marks of a cell: compare those lines without them
        # (the history file below holds the line exactly).
        if got.rstrip() != expected.rstrip() and bare(got.rstrip()) != bare(expected.rstrip()):
            failures.append(f"{typed!r} + Tab gave {got!r}, expected {expected!r}")
        tmux("send-keys", "-t", "s", "-l", "#")
        tmux("send-keys", "-t", "s", "Enter")
        time.sleep(0.3)
        # A line the parser finds unfinished asks for more: an empty line ends it.
        if tmux("capture-pane", "-p", "-t", "s").rstrip().endswith("...>"):
            tmux("send-keys", "-t", "s", "Enter")
        wait_for(lambda: screen_line() == "", "a fresh prompt")
    tmux("send-keys", "-t", "s", "C-d")
    time.sleep(0.5)
finally:
    subprocess.run(server + ["kill-server"], capture_output=True)

with open(history, encoding="utf-8") as f:
    entries = f.read().splitlines()
if any("\ufffd" in e for e in entries):
    failures.append(f"U+FFFD in the history file: {entries}")
for typed, expected in CASES:
    if expected + "#" not in entries:
        failures.append(f"history lacks {expected + '#'!r}: {entries}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
shutil.rmtree(home, ignore_errors=True)
print("ok")
