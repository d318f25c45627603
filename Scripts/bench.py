#!/usr/bin/env python3
"""The benchmark of Scripts/bench: CoopQL beside SQLite and DuckDB on the same CSV files.

Each question runs in CoopQL (`coopql bench`, which loads once and times the query alone),
in SQLite (the sqlite3 shell, in memory, `.import` first, `.timer on`) and in DuckDB (the Python
module, in memory, `read_csv` first; one thread and the default threads). Answers are compared
across the engines; any mismatch fails the run. Medians of several warm runs are reported.
"""
import argparse
import csv
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

# ---------------------------------------------------------------------------------------------
# The questions of issue 6. `order` says whether the row order is part of the answer.
# `shape` turns CoopQL's answer into the SQL engines' shape where the two differ (the pivot).

QUESTIONS = [
    dict(name="q1", title="1. active cooperatives of one province by sector",
         coopql='cooperatives | where province == "Bắc Ninh" and status == "active" | count by sector',
         sql="SELECT sector, count(*) FROM cooperatives WHERE province = 'Bắc Ninh' AND status = 'active' GROUP BY sector"),
    dict(name="q2", title="2. members ⋈ cooperatives: count, contribution by province",
         coopql='members | join cooperatives on coop_id == cooperatives.id '
                '| summarize members = count(), contribution = sum(contribution) by cooperatives.province',
         sql="SELECT c.province, count(*), sum(m.contribution) FROM members m JOIN cooperatives c ON m.coop_id = c.id "
             "GROUP BY c.province"),
    dict(name="q3", title="3. members: count, average contribution by gender, role",
         coopql='members | summarize members = count(), average = avg(contribution) by gender, role',
         sql="SELECT gender, role, count(*), avg(contribution) FROM members GROUP BY gender, role"),
    dict(name="q4", title="4. loans of 2022 by fund, sorted by total",
         coopql='loans | where year(disbursed) == 2022 | summarize loans = count(), total = sum(amount) by fund '
                '| sort by total desc',
         sqlite="SELECT fund, count(*), sum(amount) AS total FROM loans WHERE substr(disbursed, 1, 4) = '2022' "
                "GROUP BY fund ORDER BY total DESC",
         duckdb="SELECT fund, count(*), sum(amount) AS total FROM loans WHERE year(disbursed) = 2022 "
                "GROUP BY fund ORDER BY total DESC",
         order=True),
    dict(name="q5", title="5. crosstab province × sector",
         coopql='cooperatives | pivot count() by province, sector',
         sql="SELECT province, sector, count(*) FROM cooperatives GROUP BY province, sector",
         shape="unpivot"),
    dict(name="q6", title="6. name contains “tan thanh” (case, accents)",
         coopql='cooperatives | where name ~ "tan thanh" | select id, name',
         sqlite="SELECT id, name FROM cooperatives WHERE name_folded LIKE '%tan thanh%'",
         duckdb="SELECT id, name FROM cooperatives WHERE strip_accents(lower(name)) LIKE '%tan thanh%'"),
    dict(name="q7", title="7. top 10 members by contribution above 50 million",
         coopql='members | where contribution > 50000000 | top 10 by contribution, id asc | select id, contribution',
         sql="SELECT id, contribution FROM members WHERE contribution > 50000000 ORDER BY contribution DESC, id LIMIT 10",
         order=True),
    dict(name="q8", title="8. distinct cooperatives with a loan, by province",
         coopql='loans | join cooperatives on coop_id == cooperatives.id '
                '| summarize cooperatives = count_distinct(coop_id) by cooperatives.province',
         sql="SELECT c.province, count(DISTINCT l.coop_id) FROM loans l JOIN cooperatives c ON l.coop_id = c.id "
             "GROUP BY c.province"),
    dict(name="q9", title="9. by region, province, founding year: cooperatives, contribution (2 joins)",
         coopql='members | join cooperatives on coop_id == cooperatives.id '
                '| join provinces on cooperatives.province == provinces.name '
                '| summarize cooperatives = count_distinct(coop_id), contribution = sum(contribution) '
                'by provinces.region, cooperatives.province, founded = year(cooperatives.founded)',
         sqlite="SELECT p.region, c.province, CAST(substr(c.founded, 1, 4) AS INTEGER), count(DISTINCT m.coop_id), "
                "sum(m.contribution) FROM members m JOIN cooperatives c ON m.coop_id = c.id "
                "JOIN provinces p ON c.province = p.name GROUP BY 1, 2, 3",
         duckdb="SELECT p.region, c.province, year(c.founded), count(DISTINCT m.coop_id), sum(m.contribution) "
                "FROM members m JOIN cooperatives c ON m.coop_id = c.id JOIN provinces p ON c.province = p.name "
                "GROUP BY 1, 2, 3"),
    dict(name="q10", title="10. report template (bac-ninh-2022) rendered",
         coopql='@report {root}/examples/reports/bac-ninh-2022.coop.md', only="coopql"),
]

TABLES = {
    "cooperatives": [("id", "INTEGER"), ("name", "TEXT"), ("kind", "TEXT"), ("sector", "TEXT"),
                     ("province", "TEXT"), ("district", "TEXT"), ("commune", "TEXT"), ("founded", "TEXT"),
                     ("status", "TEXT"), ("rating", "TEXT"), ("members", "INTEGER"), ("charter_capital", "INTEGER"),
                     ("tax_code", "TEXT"), ("value_chain", "TEXT"), ("value_chain_since", "TEXT"),
                     ("new_model", "TEXT"), ("certified_effective", "TEXT"), ("certified_on", "TEXT"),
                     ("ethnic_minority_area", "TEXT")],
    "members": [("id", "INTEGER"), ("coop_id", "INTEGER"), ("full_name", "TEXT"), ("gender", "TEXT"),
                ("birth_year", "INTEGER"), ("joined", "TEXT"), ("role", "TEXT"), ("education", "TEXT"),
                ("contribution", "INTEGER")],
    "loans": [("id", "INTEGER"), ("coop_id", "INTEGER"), ("fund", "TEXT"), ("amount", "INTEGER"),
              ("disbursed", "TEXT"), ("term_months", "INTEGER"), ("status", "TEXT"), ("program", "TEXT"),
              ("note", "TEXT")],
    "provinces": [("name", "TEXT"), ("region", "TEXT"), ("merged_into", "TEXT"), ("is_city", "TEXT")],
}


NOTES = """How each engine is measured and asked:

- Query times exclude loading. CoopQL: `coopql bench` loads the CSV files once, then runs each
  question (parse, check, run; not rendering) after one warm-up run. SQLite: the `sqlite3` shell,
  in memory, `.import` first, then `.timer on` (whole milliseconds: `<1` is under one), output to
  `/dev/null`. DuckDB: the Python module, in memory, `CREATE TABLE … AS SELECT * FROM read_csv(…)`
  first, `fetchall()` timed with `perf_counter`. Load times: CoopQL and DuckDB time their own
  loading; SQLite's `.timer` does not time `.import`, so its load is the whole process's wall time.
  Peak memory is the maximum resident set of a process that only loads (`/usr/bin/time -v`).
- Answers are compared cell by cell (numbers to 1e-6 relative), as sorted rows unless the
  question fixes the order (4 and 7).
- 4: SQLite has no date type; it asks `substr(disbursed, 1, 4) = '2022'`.
- 5: CoopQL's `pivot` gives one column per sector; it is compared with the engines'
  `GROUP BY province, sector` after unpivoting (empty cells dropped).
- 6: neither SQLite nor DuckDB folds Vietnamese accents as CoopQL's `~` does (đ → d). SQLite is
  given a precomputed column `name_folded` (lower case, marks removed, đ → d, made by this script
  and imported with `cooperatives`); DuckDB is asked `strip_accents(lower(name)) LIKE '%tan thanh%'`,
  which leaves đ alone but is equivalent here because the text searched for holds no d.
- 7: `top` sorts descending by default; `id asc` breaks ties as `ORDER BY contribution DESC, id`.
- 9: `provinces` is built into CoopQL; the other engines load it from CSV (`coopql -c provinces`).
- 10: a report has no SQL counterpart: CoopQL only (`examples/reports/bac-ninh-2022.coop.md`).
- Scripting: CoopQL has no assignment, so its loop has an empty body. It builds and sums the list
  as a table: `let numbers = 1..100000` makes the list, and a list on the left of `|` is a table of
  one column `value`, so `numbers | summarize sum(value)` sums it (`value(…)` takes the one number
  out, `text(…)` prints it plainly).
"""


def fold(s):
    """CoopQL's folding for `~`: lower case, no accents, đ as d."""
    s = s.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------------------------
# Preparing the SQL engines' inputs.

def prepare_sql_inputs(data, work, coopql):
    """provinces.csv (built into CoopQL) and, for SQLite, cooperatives with a folded name column."""
    provinces = os.path.join(work, "provinces.csv")
    with open(provinces, "w") as f:
        subprocess.run([coopql, "--no-data", "--format", "csv", "-c", "provinces"], stdout=f, check=True)
    folded = os.path.join(work, "cooperatives_folded.csv")
    with open(os.path.join(data, "cooperatives.csv"), newline="") as src, open(folded, "w", newline="") as dst:
        r, w = csv.reader(src), csv.writer(dst)
        header = next(r)
        w.writerow(header + ["name_folded"])
        i = header.index("name")
        for row in r:
            w.writerow(row + [fold(row[i])])
    return provinces, folded


def sqlite_import_script(data, provinces, folded):
    lines = [".mode csv"]
    for table, columns in TABLES.items():
        cols = list(columns) + ([("name_folded", "TEXT")] if table == "cooperatives" else [])
        lines.append(f"CREATE TABLE {table} ({', '.join(f'{c} {t}' for c, t in cols)});")
        path = {"provinces": provinces, "cooperatives": folded}.get(table, os.path.join(data, f"{table}.csv"))
        lines.append(f".import --csv --skip 1 '{path}' {table}")
    return "\n".join(lines) + "\n"


DUCKDB_LOAD = """
import duckdb, sys, time, os
data, provinces, threads = sys.argv[1], sys.argv[2], sys.argv[3]
con = duckdb.connect(':memory:', config={'threads': int(threads)} if threads != 'default' else {})
t = time.perf_counter()
for table in ['cooperatives', 'members', 'loans']:
    con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{os.path.join(data, table + '.csv')}')")
con.execute(f"CREATE TABLE provinces AS SELECT * FROM read_csv('{provinces}')")
print(f"load\\t{(time.perf_counter() - t) * 1000:.1f}")
"""


# ---------------------------------------------------------------------------------------------
# Running.

def peak_rss(cmd, stdin=None):
    """Runs cmd under /usr/bin/time -v; returns (stdout, peak resident MB)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return p.stdout, int(m.group(1)) / 1024


def run_coopql(coopql, data, questions, runs, work, root):
    qfile = os.path.join(work, "questions.tsv")
    with open(qfile, "w") as f:
        for q in questions:
            f.write(f"{q['name']}\t{q['coopql'].format(root=root)}\n")
    answers = os.path.join(work, "coopql-answers")
    out = subprocess.run([coopql, "bench", "--data", data, "--questions", qfile, "--answers", answers,
                          "--runs", str(runs)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("coopql bench failed:\n" + out.stderr)
    times = {}
    for line in out.stdout.splitlines():
        parts = line.split("\t")
        times[parts[0]] = float(parts[1])
    result = {}
    for q in questions:
        with open(os.path.join(answers, q["name"] + ".csv"), newline="") as f:
            rows = list(csv.reader(f))
        result[q["name"]] = (times[q["name"]], rows[1:] if q.get("only") != "coopql" else rows)
    return times["load"], result


def run_sqlite(data, provinces, folded, questions, runs, work):
    answers = os.path.join(work, "sqlite-answers")
    os.makedirs(answers, exist_ok=True)
    script = sqlite_import_script(data, provinces, folded) + ".timer on\n"
    for q in questions:
        sql = q.get("sqlite", q.get("sql"))
        script += ".output /dev/null\n" + f"{sql};\n" * (runs + 1)
        script += f".output '{answers}/{q['name']}.csv'\n{sql};\n"
    script += ".output stdout\n"
    out = subprocess.run(["sqlite3", ":memory:"], input=script, capture_output=True, text=True)
    if out.returncode != 0 or out.stderr:
        sys.exit("sqlite3 failed:\n" + out.stderr[-3000:])
    reals = [float(x) * 1000 for x in re.findall(r"Run Time: real ([0-9.]+)", out.stdout)]
    result = {}
    for i, q in enumerate(questions):
        timed = reals[i * (runs + 2) + 1: i * (runs + 2) + 1 + runs]
        with open(os.path.join(answers, q["name"] + ".csv"), newline="") as f:
            result[q["name"]] = (statistics.median(timed), list(csv.reader(f)))
    return result


def run_duckdb(data, provinces, questions, runs, threads):
    import duckdb
    con = duckdb.connect(":memory:", config={"threads": threads} if threads else {})
    for table in ["cooperatives", "members", "loans"]:
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{os.path.join(data, table + '.csv')}')")
    con.execute(f"CREATE TABLE provinces AS SELECT * FROM read_csv('{provinces}')")
    result = {}
    for q in questions:
        sql = q.get("duckdb", q.get("sql"))
        rows = con.execute(sql).fetchall()
        timed = []
        for _ in range(runs):
            t = time.perf_counter()
            rows = con.execute(sql).fetchall()
            timed.append((time.perf_counter() - t) * 1000)
        result[q["name"]] = (statistics.median(timed), [[str(v) for v in r] for r in rows])
    con.close()
    return result


# ---------------------------------------------------------------------------------------------
# Comparing answers.

def normal_cell(v):
    try:
        x = float(v)
        return round(x, 6) if x != int(x) else int(x)
    except (TypeError, ValueError, OverflowError):
        return v


def normal_rows(rows, q, engine):
    if engine == "coopql" and q.get("shape") == "unpivot" and rows:
        pass  # handled by the caller, which has the header
    rows = [tuple(normal_cell(c) for c in r) for r in rows]
    return rows if q.get("order") else sorted(rows, key=repr)


def unpivot(coopql_csv_path):
    with open(coopql_csv_path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return [[r[0], header[j], r[j]] for r in body for j in range(1, len(header)) if r[j] not in ("0", "")]


def same(a, b):
    if len(a) != len(b):
        return False
    for ra, rb in zip(a, b):
        if len(ra) != len(rb):
            return False
        for x, y in zip(ra, rb):
            if isinstance(x, (int, float)) and isinstance(y, (int, float)):
                if abs(x - y) > 1e-6 * max(1, abs(x), abs(y)):
                    return False
            elif x != y:
                return False
    return True


# ---------------------------------------------------------------------------------------------
# Start-up and scripting.

def hyperfine(commands, runs=10):
    """Median seconds of each shell command, measured by hyperfine."""
    out = os.path.join(tempfile.mkdtemp(), "h.json")
    subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", out] + commands,
                   capture_output=True, check=True)
    import json
    with open(out) as f:
        return [r["median"] * 1000 for r in json.load(f)["results"]]


SCRIPTS = {
    "fib(27)": dict(
        lua="local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\nprint(fib(27))\n",
        python="def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(27))\n"),
    "10,000,000-step loop": dict(
        lua="for i = 1, 10000000 do end\nprint('done')\n",
        python="for i in range(1, 10000001):\n    pass\nprint('done')\n"),
    "100,000-element list, summed": dict(
        lua="local t = {}\nfor i = 1, 100000 do t[i] = i end\nlocal s = 0\nfor i = 1, #t do s = s + t[i] end\nprint(s)\n",
        python="xs = [i for i in range(1, 100001)]\nprint(sum(xs))\n"),
}


def repl_ready_ms(coopql, sample, runs=15):
    """Median milliseconds from starting the interactive shell in a pseudo-terminal to its first
    prompt (data loads behind the prompt). HOME is an empty folder, so no ~/.coopqlrc runs."""
    import pty
    import select
    import termios
    home = tempfile.mkdtemp(prefix="coopql-home-")
    env = dict(os.environ, HOME=home, TERM="xterm")
    times = []
    for _ in range(runs + 2):
        leader, follower = pty.openpty()
        start = time.perf_counter()
        proc = subprocess.Popen([coopql, "--data", sample], stdin=follower, stdout=follower, stderr=follower,
                                env=env, close_fds=True)
        os.close(follower)
        seen = b""
        while b"coopql> " not in seen:
            ready, _, _ = select.select([leader], [], [], 10)
            if not ready:
                proc.kill()
                sys.exit("the shell showed no prompt within 10 s")
            seen += os.read(leader, 4096)
        times.append((time.perf_counter() - start) * 1000)
        # Ctrl-D ends the shell, once line editing has taken the terminal out of line mode: sent
        # earlier, the terminal itself would take it as end of file and line editing never see it.
        while termios.tcgetattr(leader)[3] & termios.ICANON:
            time.sleep(0.001)
        os.write(leader, b"\x04")
        proc.wait(timeout=10)
        os.close(leader)
    shutil.rmtree(home, ignore_errors=True)
    return statistics.median(times[2:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--coopql", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--sample", required=True, help="the default sample data (start-up timing)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", required=True)
    ap.add_argument("--scale", default="national")
    ap.add_argument("--root", required=True)
    ap.add_argument("--coopql-scripts", required=True, help="folder of the CoopQL scripting benchmarks")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="coopql-bench-")
    questions = QUESTIONS

    provinces, folded = prepare_sql_inputs(a.data, work, a.coopql)

    # Loading, each engine in its own process, for its peak memory.
    print("loading …", file=sys.stderr)
    empty = os.path.join(work, "none.tsv")
    open(empty, "w").close()
    loads = {}
    for _ in range(3 if a.runs >= 3 else 1):
        out, mb = peak_rss([a.coopql, "bench", "--data", a.data, "--questions", empty])
        loads.setdefault("CoopQL", []).append((float(out.split("\t")[1]), mb))
        script = ".timer on\n" + sqlite_import_script(a.data, provinces, folded)
        # `.timer` does not time dot-commands such as `.import`: SQLite's load is the process's wall time.
        t = time.perf_counter()
        out, mb = peak_rss(["sqlite3", ":memory:"], stdin=script)
        loads.setdefault("SQLite", []).append(((time.perf_counter() - t) * 1000, mb))
        for label, threads in (("DuckDB×1", "1"), ("DuckDB", "default")):
            out, mb = peak_rss([sys.executable, "-c", DUCKDB_LOAD, a.data, provinces, threads])
            loads.setdefault(label, []).append((float(out.split("\t")[1]), mb))
    load = {k: (statistics.median(t for t, _ in v), max(m for _, m in v)) for k, v in loads.items()}

    print("querying: CoopQL …", file=sys.stderr)
    _, cq = run_coopql(a.coopql, a.data, questions, a.runs, work, a.root)
    sql_questions = [q for q in questions if q.get("only") != "coopql"]
    print("querying: SQLite …", file=sys.stderr)
    sq = run_sqlite(a.data, provinces, folded, sql_questions, a.runs, work)
    print("querying: DuckDB …", file=sys.stderr)
    d1 = run_duckdb(a.data, provinces, sql_questions, a.runs, 1)
    dn = run_duckdb(a.data, provinces, sql_questions, a.runs, None)

    mismatches = []
    for q in sql_questions:
        mine = cq[q["name"]][1]
        if q.get("shape") == "unpivot":
            mine = unpivot(os.path.join(work, "coopql-answers", q["name"] + ".csv"))
        ref = normal_rows(mine, q, "coopql")
        for label, res in (("SQLite", sq), ("DuckDB×1", d1), ("DuckDB", dn)):
            other = normal_rows(res[q["name"]][1], q, label)
            if not same(ref, other):
                mismatches.append(f"{q['name']}: CoopQL and {label} disagree "
                                  f"(CoopQL {len(ref)} rows, first {ref[:3]}; {label} {len(other)} rows, first {other[:3]})")

    def ms(x):
        # SQLite's `.timer` counts whole milliseconds: 0 means under one.
        return "–" if x is None else ("<1" if x == 0 else (f"{x:.1f}" if x < 100 else f"{x:.0f}"))

    def ratio(x, y):
        return "–" if x is None or y is None or x == 0 or y == 0 else f"{x / y:.2f}"

    lines = []
    lines.append(f"Scale `{a.scale}`; medians of {a.runs} warm runs after one warm-up, in milliseconds.\n")
    lines.append("| question | CoopQL | SQLite | DuckDB×1 | DuckDB | CoopQL/DuckDB×1 | SQLite/CoopQL | answers agree |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for q in questions:
        n = q["name"]
        c = cq[n][0]
        s = sq[n][0] if n in sq else None
        x1 = d1[n][0] if n in d1 else None
        xn = dn[n][0] if n in dn else None
        agree = "CoopQL only" if q.get("only") else ("no" if any(m.startswith(n + ":") for m in mismatches) else "yes")
        lines.append(f"| {q['title']} | {ms(c)} | {ms(s)} | {ms(x1)} | {ms(xn)} | {ratio(c, x1)} | {ratio(s, c)} | {agree} |")
    lines.append("")
    lines.append("Loading the CSV files (median time; peak resident memory of the whole process):\n")
    lines.append("| engine | load ms | peak MB | time vs DuckDB×1 | memory vs DuckDB×1 |")
    lines.append("|---|---:|---:|---:|---:|")
    for k in ("CoopQL", "SQLite", "DuckDB×1", "DuckDB"):
        t, m = load[k]
        lines.append(f"| {k} | {ms(t)} | {m:.0f} | {ratio(t, load['DuckDB×1'][0])} | {ratio(m, load['DuckDB×1'][1])} |")
    lines.append("")

    # Start-up, on the default (provinces) sample data.
    print("start-up …", file=sys.stderr)
    coop = os.path.join(a.sample, "cooperatives.csv")
    st = hyperfine([
        f"{a.coopql} --data {a.sample} -c 'cooperatives | count'",
        f"{a.coopql} --no-data -c '1'",
        f"sqlite3 :memory: -cmd '.import --csv {coop} cooperatives' 'select count(*) from cooperatives'",
        f"{sys.executable} -c \"import duckdb; print(duckdb.sql(\\\"select count(*) from read_csv('{coop}')\\\").fetchall())\"",
    ])
    lines.append("Start-up (hyperfine median, ms): `coopql --data SAMPLE -c 'cooperatives | count'` loads every file "
                 "of the sample data set; SQLite and DuckDB load `cooperatives.csv` only; DuckDB's time includes "
                 "starting Python (there is no DuckDB command-line shell here). `--no-data -c '1'` is the time to "
                 "a ready session without data. The shell's time runs until its first prompt shows in a "
                 "pseudo-terminal; the data goes on loading behind the prompt, and a first query waits for it.\n")
    lines.append("| command | ms |")
    lines.append("|---|---:|")
    for label, t in zip(["coopql -c (sample data)", "coopql, no data (ready session)", "sqlite3 import + count",
                         "python3 + duckdb read_csv + count"], st):
        lines.append(f"| {label} | {ms(t)} |")
    lines.append(f"| coopql shell, to its first prompt (sample data, pseudo-terminal) | {ms(repl_ready_ms(a.coopql, a.sample))} |")
    lines.append("")

    # Scripting.
    print("scripting …", file=sys.stderr)
    rows = []
    for name, progs in SCRIPTS.items():
        cmds, labels = [], []
        for lang, ext, exe in (("coopql", "coop", f"{a.coopql} run"), ("lua", "lua", "lua5.4"),
                               ("python", "py", sys.executable)):
            base = re.sub('[^a-z0-9]', '', name.lower())
            if lang == "coopql":
                path = os.path.join(a.coopql_scripts, f"{base}.{ext}")
                if not os.path.exists(path):
                    labels.append(None)
                    continue
            else:
                path = os.path.join(work, f"{base}.{ext}")
                with open(path, "w") as f:
                    f.write(progs[lang])
            cmds.append(f"{exe} {path}" + (" --no-data" if lang == "coopql" else ""))
            labels.append(lang)
        times = iter(hyperfine(cmds, runs=5))
        rows.append((name, [next(times) if l else None for l in labels]))
    lines.append("Scripting (hyperfine median, ms, including start-up):\n")
    lines.append("| program | CoopQL | Lua 5.4 | Python 3 | CoopQL/Lua |")
    lines.append("|---|---:|---:|---:|---:|")
    for name, (c, l, p) in rows:
        lines.append(f"| {name} | {ms(c)} | {ms(l)} | {ms(p)} | {ratio(c, l)} |")
    lines.append("")

    lines.append(NOTES)
    if mismatches:
        lines.append("**Answers disagree:**\n")
        lines += ["- " + m for m in mismatches]
    table = "\n".join(lines)
    print(table)
    with open(a.out, "w") as f:
        f.write(table + "\n")
    if mismatches:
        # The answers stay behind to compare.
        sys.exit(f"answers disagree; each engine's answers are in {work}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
