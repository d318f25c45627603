#!/usr/bin/env python3
"""Instruction counts of the benchmark's questions, under valgrind's callgrind.

Wall-clock times on a shared machine are noisy; instruction counts are repeatable. Each question
runs through `coopql bench --runs 1` (one warm-up run and one timed run, so it executes twice)
under callgrind, and a run that only loads the data is subtracted, so a question's figure is
the instructions of one execution of it: parse, check, plan and run, without the loading.

The data set is the benchmark's national one with `members.csv` cut to its first 500,000 rows
(cooperatives 100,000 and loans 500,000 as generated), so a run takes minutes, not hours.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import QUESTIONS  # noqa: E402  (one list of questions for both scripts)


def instructions(coopql, data, question_file):
    """Total instructions (all threads) of one `coopql bench` process."""
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          coopql, "bench", "--data", data, "--questions", question_file, "--runs", "1"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"coopql bench failed under callgrind:\n{out.stderr[-2000:]}")
    m = re.search(r"Collected : (\d+)", out.stderr)
    if not m:
        sys.exit("callgrind printed no instruction count:\n" + out.stderr[-2000:])
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--coopql", required=True)
    ap.add_argument("--data", required=True, help="the 500,000-row data folder")
    ap.add_argument("--root", required=True)
    ap.add_argument("--only", nargs="*", help="question names (default: all)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        def qfile(name, query):
            path = os.path.join(work, name + ".tsv")
            with open(path, "w") as f:
                f.write(f"{name}\t{query}\n")
            return path
        base = instructions(args.coopql, args.data, qfile("load", "1"))
        print("| question | instructions (millions) |")
        print("|---|---:|")
        print(f"| load only (subtracted) | {base / 1e6:,.1f} |")
        for q in QUESTIONS:
            if args.only and q["name"] not in args.only:
                continue
            total = instructions(args.coopql, args.data, qfile(q["name"], q["coopql"].format(root=args.root)))
            print(f"| {q['title']} | {(total - base) / 2 / 1e6:,.1f} |", flush=True)


if __name__ == "__main__":
    main()
