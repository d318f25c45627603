"""A short demo of the ctypes wrapper: python3 demo.py DATA_FOLDER [--loop N]."""
import sys

import coopql

data = sys.argv[1] if len(sys.argv) > 1 else None
with coopql.connect(data) as db:
    rows = db.query("cooperatives | where members >= $min | select name, members | sort by members desc | take 2", min=40)
    for row in rows:
        print(row["name"], row["members"])
    print("count:", db.query("cooperatives | where province == $p | count", p="Bắc Kạn"))
    try:
        db.query("cooperatives | where membrs > 1")
    except coopql.Error as e:
        print(f"error {e.kind} at {e.line}:{e.column}: {e.message}; {e.suggestion}")
    db.set_limits(steps=5)
    try:
        db.query("members | where birth_year > 0 | count")
    except coopql.Error as e:
        print("limit:", e.kind, e.message)
    db.set_limits()

    if "--loop" in sys.argv:
        # Many queries in a row: memory must stay flat (no handle or string leaks).
        n = int(sys.argv[sys.argv.index("--loop") + 1])

        def rss_kb():
            with open("/proc/self/status") as f:
                return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))

        for i in range(200):  # warm up caches and allocator pools first
            db.query("cooperatives | where members >= $min | count", min=i % 50)
        before = rss_kb()
        for i in range(n):
            db.query("cooperatives | where members >= $min | count", min=i % 50)
        after = rss_kb()
        print(f"rss before={before}kB after={after}kB growth={after - before}kB over {n} queries")
