#!/bin/sh
# Builds the C example against the CoopQL shared library and runs it under valgrind.
# Usage: valgrind.sh BUILD_DIR DATA_DIR   (BUILD_DIR holds libcoopql_c.so, e.g. .build/debug)
# Exits non-zero, with valgrind's log on stderr, on any invalid access, use of uninitialised
# memory in CoopQL code, or memory definitely lost. "possibly lost" and "still reachable" blocks
# are the Swift runtime's type-metadata caches and threads, alive until exit by design.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
data=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -Wall -Wextra -g -o "$out/embed" "$here/main.c" -I"$here/../../../include" \
   -L"$build" -lcoopql_c -Wl,-rpath,"$build"
status=0
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --suppressions="$here/swift-runtime.supp" --log-file="$out/valgrind.log" \
    "$out/embed" "$data" > "$out/stdout" || status=$?
cat "$out/stdout"
grep -E "ERROR SUMMARY|definitely lost|indirectly lost|Invalid (read|write)" "$out/valgrind.log" | sed 's/^==[0-9]*== *//'
exit $status
