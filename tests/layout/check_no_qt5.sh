#!/usr/bin/env bash
# Fails when any of our binaries links a Qt 5 library: loading Qt 5 and Qt 6 in one process is
# fatal, and Debian's VTK Qt module would pull Qt 5 in (see ../shared/PLATFORM.md).
set -u
status=0
count=0
for f in $(for d in "$@"; do ls -d "$d"/* 2>/dev/null; done); do
  [ -x "$f" ] && [ -f "$f" ] || continue
  count=$((count + 1))
  if ldd "$f" 2>/dev/null | grep -q 'libQt5'; then
    echo "FAIL: $(basename "$f") links Qt 5:"; ldd "$f" | grep libQt5
    status=1
  fi
done
[ "$count" -gt 0 ] || { echo "FAIL: no binaries found in $*"; exit 1; }
echo "checked $count binaries: $([ $status = 0 ] && echo 'no Qt 5' || echo 'Qt 5 found')"
exit $status
