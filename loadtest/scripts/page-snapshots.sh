#!/usr/bin/env bash
# The case file's pages as several members of staff see them, in Danish and English, saved to <out-dir>: the case pages
# of the candidates in <ids-file> (ids separated by blanks), five searches, htmx's result list and two filtered lists.
# Run it against two builds of the app on the same data and compare the two directories with html-compare.py, to see
# that a change of how the pages are rendered left their markup alone.
#
#   BASE_URL=http://127.0.0.1:8080 loadtest/scripts/page-snapshots.sh /tmp/before /tmp/ids
#   loadtest/scripts/html-compare.py /tmp/before /tmp/after
set -euo pipefail
OUT=${1:?out dir}
IDS=${2:?ids file}
B=${BASE_URL:-http://127.0.0.1:8080}
USERS=${USERS:-sagsbehandler leder teamleder klage}
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
for u in $USERS; do
	J="$WORK/$u"
	t=$(curl -s -c "$J" -b "$J" "$B/login" | csrf)
	curl -s -o /dev/null -c "$J" -b "$J" --data-urlencode "username=$u" --data-urlencode "password=${PASSWORD:-demo}" \
		--data-urlencode "_csrf=$t" "$B/login"
	for lang in da en; do
		curl -s -o /dev/null -c "$J" -b "$J" "$B/cases?lang=$lang"
		for id in $(cat "$IDS"); do
			curl -s -c "$J" -b "$J" "$B/cases/$id" > "$OUT/$u-$lang-case-$id.html"
		done
		t=$(curl -s -c "$J" -b "$J" "$B/cases" | csrf)
		for q in hansen 010190 "" anne zzzz; do
			curl -s -c "$J" -b "$J" --data-urlencode "q=$q" --data-urlencode "_csrf=$t" "$B/cases" > "$OUT/$u-$lang-search-$q.html"
		done
		curl -s -c "$J" -b "$J" -H "HX-Request: true" --data-urlencode "q=jensen" --data-urlencode "_csrf=$t" "$B/cases" \
			> "$OUT/$u-$lang-searchhx-jensen.html"
		curl -s -c "$J" -b "$J" "$B/cases?due=OVERDUE" > "$OUT/$u-$lang-list-overdue.html"
		curl -s -c "$J" -b "$J" "$B/cases?page=1" > "$OUT/$u-$lang-list-page1.html"
	done
done
echo "$(ls "$OUT" | wc -l) pages in $OUT"
