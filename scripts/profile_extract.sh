#!/usr/bin/env bash
# Instructions spent inside Extractor.extract over the 50 dev articles and the seed (callgrind): the
# figure to compare before and after a speed change, because it is the same on every run where wall
# time on a shared machine is not. Needs valgrind and ../shared; writes the profile to $OUT (default
# /tmp/rolegraph-extract.callgrind) for `callgrind_annotate --inclusive=yes`.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/rolegraph-extract.callgrind}
input=$(mktemp)
trap 'rm -f "$input"' EXIT
python3 - "$input" <<'PY'
import glob, json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sorted(glob.glob("../shared/data/dev/articles/*.txt")) + sorted(glob.glob("seeds/*.txt")):
        text = open(path, encoding="utf-8").read()
        out.write(json.dumps({"id": os.path.basename(path)[:-4], "text": text}, ensure_ascii=False) + "\n")
PY
swift build -c release >/dev/null
symbol='$s17RoleGraphDocument9ExtractorV7extract_2id6source4dateAA0C0V0aB4Text06SourceI0V_S2SSgAMtF'
SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$OUT" --toggle-collect="$symbol" \
    .build/release/rolegraph extract --input-format jsonl "$input" 2>&1 >/dev/null | grep "refs:" \
    | awk -v bytes="$(wc -c < "$input")" '{gsub(",", "", $4); printf "Extractor.extract: %d M instructions for %d bytes (%.0f per byte)\n", $4 / 1e6, bytes, $4 / bytes}'
echo "profile: $OUT (callgrind_annotate --inclusive=yes $OUT)"
