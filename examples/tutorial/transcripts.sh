#!/usr/bin/env bash
# Prints every prompt session shown in docs/tutorial.md, from the scripts in
# this folder, so that the tutorial can be checked against the current cts:
#
#   examples/tutorial/transcripts.sh [CTS] > /tmp/transcripts.txt
#
# CTS defaults to scripts/cts. Each session is what you see after starting
#   cts -i examples/tutorial/NN-....cts
# and typing the commands (they are echoed after "cts> ", as --echo does).
# Run it from anywhere; it works in a temporary directory, where the files
# that the output section writes end up.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cts="${1:-$here/../../scripts/cts}"
cts="$(cd "$(dirname "$cts")" && pwd)/$(basename "$cts")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# session TITLE SCRIPT|- COMMAND...: load SCRIPT, then run COMMANDs echoed.
session() {
    local title="$1" script="$2"; shift 2
    local args=()
    [[ "$script" != - ]] && args+=(-c "include \"$here/$script\"")
    args+=(-c "set echo on")
    for c in "$@"; do args+=(-c "$c"); done
    echo "===== $title"
    "$cts" "${args[@]}" 2>&1 | sed 1d
    echo "(exit status ${PIPESTATUS[0]})"
}

# step SCRIPT PREVIOUS: what SCRIPT's own commands print with --echo, after
# its first line (include "PREVIOUS") and what PREVIOUS printed.
step() {
    local full prev
    full="$("$cts" --echo "$here/$1" 2>&1 | sed 1d)"
    prev="$("$cts" --echo "$here/$2" 2>&1)"
    echo "===== step $1"
    printf '%s\n' "${full:${#prev}+1}"
}

session "1 help" - 'help enroll'

session "2 first units" - \
    'unit add hn "Hunan Province" kind=locality level=province' \
    'unit add hn.org "Organization Department of Hunan" kind=organization level=province parent=hn'
session "2 the tree" 01-units.cts \
    'list units where id under cs'

session "3 cadres" 02-cadres.cts \
    'list cadres'

session "4 courses" 03-courses.cts \
    'list courses columns id, title, kind, provider, start, end, hours'

step 04-rules.cts 03-courses.cts
session "5 rules" 04-rules.cts \
    'list cadres where applies(lead5y) columns id, name, unit, rank, category'

session "6 records" 05-training.cts \
    'list enrollments where course = k2' \
    'cadre show c03'

session "7 questions" 05-training.cts \
    'list cadres where unit under cs and status = active sort hours(2009) desc columns id, name, unit, hours(2009)' \
    'count cadres where status = active by unit.level' \
    'stats hours(2009) of cadres where status = active by rank' \
    'list cadres where applies(lead5y) sort hours(lead5y) columns id, name, hours(2008), hours(2009), hours(lead5y), compliant(lead5y)' \
    'list cadres where applies(yearly) and not compliant(yearly) columns id, name, unit, hours(yearly), 90 - hours(yearly)' \
    'print hours(2009) of cadre c05' \
    'print compliant(lead5y) of cadre c01' \
    'print count(cadres where applies(lead5y) and not compliant(lead5y))'

session "8 reports" 05-training.cts \
    'report compliance lead5y by unit' \
    'report compliance yearly by rank under cs' \
    'report courses 2009..2009'

session "9 plans, budgets, inspections" 06-money.cts \
    'report plan 2009' \
    'report budget 2008..2010' \
    'report inspections'

session "10 formats" 06-money.cts \
    'list cadres where applies(lead5y) and not compliant(lead5y) columns id, name, unit.name, 550 - hours(lead5y) as csv' \
    'list cadres where id = c03 columns id, name, hours(2009) as json' \
    'report compliance yearly by unit as csv > "yearly-2009.csv"' \
    'list cadres where applies(yearly) and not compliant(yearly) columns id, name, unit, hours(yearly) as csv > "short-2009.csv"'
echo "===== 10 the files"
cat short-2009.csv
echo "===== 10 their modes"
stat -c '%A %n' yearly-2009.csv short-2009.csv

# The scripts run from the repository root, as the tutorial shows them.
cd "$here/../.."
echo "===== 11 year-end script"
"$cts" examples/tutorial/07-year-end.cts; echo "(exit status $?)"
echo "===== 11 a failing assert"
"$cts" examples/tutorial/06-money.cts -c 'assert hours(lead5y) of cadre c03 >= 550 "Liu Yang has his 550 hours"' 2>&1
echo "(exit status ${PIPESTATUS[0]})"

echo "===== 12 mistakes, --keep-going"
"$cts" --keep-going examples/tutorial/08-mistakes.cts 2>&1; echo "(exit status ${PIPESTATUS[0]})"
