#!/usr/bin/env bash
# Code-layout rules (STYLE.md): core never includes GUI or VTK headers, public core headers do
# not include ITK, widgets and app never run SQL themselves, and rows are read through
# Database::forEachRow (QSqlQuery::next() is false on a failed read as at the end of the rows).
set -u
src="$1"
status=0
fail() { echo "FAIL: $*"; status=1; }
hits=$(grep -rlE '#include *<(Qt(Widgets|Gui|OpenGL|Charts)/|Q(Widget|Application|Painter|Image|Pixmap|Color)>|vtk)' "$src/core" 2>/dev/null)
[ -z "$hits" ] || fail "core includes GUI or VTK headers: $hits"
hits=$(grep -rlE '#include *[<"]itk' "$src/core" --include='*.h' 2>/dev/null)
[ -z "$hits" ] || fail "public core headers include ITK: $hits"
hits=$(grep -rlE 'QSqlQuery|QSqlDatabase' "$src/widgets" "$src/app" 2>/dev/null)
[ -z "$hits" ] || fail "widgets/app use SQL directly: $hits"
hits=$(grep -rlE '#include *[<"]vtk' "$src/core" "$src/app" 2>/dev/null)
[ -z "$hits" ] || fail "VTK outside widgets: $hits"
hits=$(grep -rnE 'while \( *[A-Za-z_][A-Za-z_0-9]*\.next\(\) *\)' "$src/core" "$src/app" "$src/widgets" --include='*.cpp' 2>/dev/null)
[ -z "$hits" ] || fail "a row loop outside Database::forEachRow (a failed read would end it like the last row): $hits"
[ $status = 0 ] && echo "layer rules hold"
exit $status
