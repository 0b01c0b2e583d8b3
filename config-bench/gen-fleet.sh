#!/usr/bin/env bash
# Writes N generated node roots (healthy and broken mixed, 5-8 files each, deterministic by seed)
# into DIR, plus DIR/MANIFEST.tsv. Node i depends only on the seed and i.
#
#   config-bench/gen-fleet.sh DIR N [SEED] [BROKEN_PERCENT]
#
# Needs config-bench built (config-bench/run.sh builds it; or
# mvn -B -q -DskipTests package dependency:build-classpath -pl config-bench -am, see run.sh).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: $0 DIR N [SEED] [BROKEN_PERCENT]" >&2
  exit 2
fi
cp_file="$bench/target/classpath.txt"
if [ ! -f "$cp_file" ] || [ ! -d "$bench/target/classes/dev/criconf/bench" ]; then
  echo "gen-fleet: config-bench is not built; run config-bench/run.sh --build-only first" >&2
  exit 2
fi
exec java -cp "$bench/target/classes:$(cat "$cp_file")" dev.criconf.bench.FleetGenerator \
  --out "$1" --nodes "$2" --seed "${3:-42}" --broken "${4:-35}"
