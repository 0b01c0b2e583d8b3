#!/usr/bin/env bash
# Runs criconf's benchmarks on this machine and writes config-bench/RESULTS.md.
#
#   config-bench/run.sh [--quick] [--skip-jmh] [--build-only]
#
#   --quick       JMH with 1 short warm-up and 2 measurement iterations (a smoke test, not figures)
#   --skip-jmh    keep the JMH figures of the previous run (target/bench/jmh.md) and re-measure the rest
#   --build-only  build config-bench and write target/classpath.txt, nothing else
#
# Environment: CRICONF_SHARED (default: ../shared beside the checkout) for the corpus;
# FLEET_DIR (default ${TMPDIR:-/tmp}/criconf-fleet-SEED) and FLEET_SEED (default 42) for the fleet.
#
# Sections (each a function below; each writes target/bench/<name>.md and summary rows):
#   jmh        TOML/YAML parse, TOML edit, size sweep: JMH, one run, ratios vs peers of that run
#   node-lint  in-process load + validate per node: runs NodeLintBenchmark once it exists
#   fleet      ./criconf lint --root DIR/* on 100, 1,000 and 10,000 generated roots, -Xmx256m
#   startup    ./criconf lint --root examples/healthy-containerd, median wall time of 10
# node-lint, fleet and startup say "not measured" until the loader / the lint command exist.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$bench")"
work="$bench/target/bench"
shared="${CRICONF_SHARED:-$(cd "$repo/.." && pwd)/shared}"
seed="${FLEET_SEED:-42}"
fleet_dir="${FLEET_DIR:-${TMPDIR:-/tmp}/criconf-fleet-$seed}"
results="$bench/RESULTS.md"
notes_marker='<!-- notes: run.sh keeps everything below this line -->'

quick=false
skip_jmh=false
build_only=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --skip-jmh) skip_jmh=true ;;
    --build-only) build_only=true ;;
    *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

log() { echo "run.sh: $*" >&2; }

# ------------------------------------------------------------------------------------------ build

build() {
  log "building config-bench (and the modules it needs)"
  (cd "$repo" && mvn -B -q -DskipTests -Dmaven.javadoc.skip=true package \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime \
      -pl config-bench -am)
  CP="$bench/target/classes:$(cat "$bench/target/classpath.txt")"
}

# ------------------------------------------------------------------------------------------ machine

machine_section() {
  local cpu mhz mem jdk
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
  mhz="$(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
  mem="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  jdk="$(java -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//')"
  {
    echo "## Machine and run"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $commit"
    echo "- CPU: $cpu ($mhz MHz), \`nproc\` = $(nproc); memory $mem"
    echo "- JDK: $jdk"
    echo "- Load average (1/5/15 min) at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg | sed 's/ / \/ /g')."
    echo "  The machine is shared with other engineers' builds: absolute figures move with the load;"
    echo "  targets relative to a peer are judged on ratios taken in the same JMH run."
    if $skip_jmh; then
      echo "- JMH figures kept from an earlier run (\`--skip-jmh\`): its date and load are in its own section."
    fi
    if $quick; then
      echo "- **Quick run** (\`--quick\`): JMH smoke settings, the figures are not meaningful."
    fi
    echo
  } >"$work/machine.md"
}

# ------------------------------------------------------------------------------------------ jmh

jmh_section() {
  if $skip_jmh && [ -f "$work/jmh.md" ]; then
    log "keeping the JMH figures of the previous run"
    return
  fi
  local args=(--out "$work")
  if $quick; then
    args+=(--warmup 1 --iterations 2 --time 1 --no-profile)
  else
    # 10 warm-up seconds: under the load of other builds the JIT gets little CPU in fewer
    args+=(--warmup 10 --iterations 5 --time 1)
  fi
  log "JMH: parse, edit and size sweep (about 9 minutes on 2 cores, longer when a target is missed)"
  java -Dcriconf.shared="$shared" -cp "$CP" dev.criconf.bench.BenchMain "${args[@]}" >"$work/benchmain.out"
}

# ------------------------------------------------------------------------------------------ lint availability

lint_reason=""
lint_available() {
  if [ -n "${lint_checked:-}" ]; then
    [ -z "$lint_reason" ]
    return
  fi
  lint_checked=1
  local out rc=0
  out="$("$repo/criconf" lint --format json --root "$repo/examples/healthy-containerd" 2>"$work/lint-check.err")" || rc=$?
  if [ "$rc" -gt 1 ] || ! grep -q '"nodes"' <<<"$out"; then
    lint_reason="not measured: lint not available yet (\`./criconf lint --format json --root examples/healthy-containerd\` exited $rc without a report; see target/bench/lint-check.err)"
    return 1
  fi
  return 0
}

# ------------------------------------------------------------------------------------------ node lint

# In-process load + validate of one node, one thread. Expects a JMH benchmark
# dev.criconf.bench.NodeLintBenchmark whose operation is one node (throughput = nodes/s), e.g. over
# roots written with FleetGenerator.write in its @Setup. It lands with the node loader.
node_lint_section() {
  local out="$work/node-lint.md"
  {
    echo "## Node lint in-process"
    echo
    echo "Target: >= 2,000 nodes/s for load + validate of a typical node (5-8 files), one thread."
    echo
  } >"$out"
  if [ ! -f "$bench/target/classes/dev/criconf/bench/NodeLintBenchmark.class" ]; then
    echo "not measured: node loader not available yet (no \`NodeLintBenchmark\` in config-bench)." >>"$out"
    echo "| node lint in-process | not measured (loader not available yet) | >= 2,000 nodes/s | - |" >"$work/summary-node-lint.md"
    echo >>"$out"
    return
  fi
  local csv="$work/node-lint.csv"
  java -Dcriconf.shared="$shared" -cp "$CP" org.openjdk.jmh.Main 'dev\.criconf\.bench\.NodeLintBenchmark\..*' \
    -f 1 -wi 5 -w 1s -i 5 -r 1s -t 1 -bm thrpt -tu s -rf csv -rff "$csv" >"$work/node-lint.log"
  # primary rows only: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",...
  awk -F, 'NR > 1 && $1 !~ /:/ { gsub(/"/, ""); printf "| `%s` | %.0f ± %.0f nodes/s | >= 2,000 nodes/s | %s |\n", $1, $5, $6, ($5 >= 2000 ? "met" : "**missed** (" int(100 * (1 - $5 / 2000)) " % short)") }' \
    "$csv" >"$work/summary-node-lint.md"
  {
    echo "| benchmark | measured | target | verdict |"
    echo "|---|--:|--:|---|"
    cat "$work/summary-node-lint.md"
    echo
    echo "JMH throughput, fork 1, warm-up 5 x 1 s, measurement 5 x 1 s, one thread; raw: target/bench/node-lint.log."
    echo
  } >>"$out"
}

# ------------------------------------------------------------------------------------------ fleet

generate_fleet() {
  if [ -f "$fleet_dir/MANIFEST.tsv" ] && [ "$(($(wc -l <"$fleet_dir/MANIFEST.tsv") - 1))" -ge 10000 ]; then
    return
  fi
  log "generating 10,000 node roots in $fleet_dir"
  rm -rf "$fleet_dir"
  java -cp "$CP" dev.criconf.bench.FleetGenerator --out "$fleet_dir" --nodes 10000 --seed "$seed" >"$work/fleet-gen.out"
}

# One lint run over the first N roots: prints "wall_seconds peak_kb rc nodes_reported".
lint_fleet() {
  local n="$1" rc=0 roots
  mapfile -t roots < <(find "$fleet_dir" -mindepth 1 -maxdepth 1 -type d -name 'node-*' | sort | head -n "$n")
  if [ "$n" -ge 10000 ]; then
    roots=("$fleet_dir"/node-*)   # literally `--root DIR/*` as the issue states it
  fi
  CRICONF_JAVA_OPTS="-Xmx256m" /usr/bin/time -v -o "$work/fleet-$n.time" \
    "$repo/criconf" lint --format json --root "${roots[@]}" >"$work/fleet-$n.json" 2>"$work/fleet-$n.err" || rc=$?
  local wall peak nodes
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/fleet-$n.time")"
  peak="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/fleet-$n.time")"
  nodes="$(jq '.nodes | length' "$work/fleet-$n.json" 2>/dev/null || echo '?')"
  echo "$wall $peak $rc $nodes"
}

fleet_section() {
  local out="$work/fleet.md"
  {
    echo "## Fleet lint via the CLI"
    echo
    echo "Target: 10,000 generated node roots in <= 20 s wall, succeeding with \`-Xmx256m\`; time should grow"
    echo "linearly with the node count (100, 1,000, 10,000)."
    echo
  } >"$out"
  if ! lint_available; then
    echo "$lint_reason" >>"$out"
    echo >>"$out"
    echo "| fleet lint, 10,000 roots, -Xmx256m | not measured (lint not available yet) | <= 20 s wall | - |" >"$work/summary-fleet.md"
    echo "| fleet lint scaling 100 / 1,000 / 10,000 | not measured (lint not available yet) | linear | - |" >>"$work/summary-fleet.md"
    return
  fi
  generate_fleet
  local gen
  gen="$(cat "$work/fleet-gen.out" 2>/dev/null || echo "fleet reused from $fleet_dir")"
  {
    echo "Fleet: \`FleetGenerator --nodes 10000 --seed $seed\` ($gen); the first N roots form the N-node fleet."
    echo "Command: \`CRICONF_JAVA_OPTS=-Xmx256m ./criconf lint --format json --root DIR/node-*\` under \`/usr/bin/time -v\`."
    echo
    echo "| roots | wall s | ms per root | peak RSS MB | exit | nodes in report |"
    echo "|--:|--:|--:|--:|--:|--:|"
  } >>"$out"
  local n wall peak rc nodes
  declare -A walls
  : >"$work/summary-fleet.md"
  for n in 100 1000 10000; do
    log "fleet lint: $n roots"
    read -r wall peak rc nodes < <(lint_fleet "$n")
    walls[$n]="$wall"
    awk -v n="$n" -v w="$wall" -v p="$peak" -v rc="$rc" -v nodes="$nodes" \
      'BEGIN { printf "| %d | %.2f | %.2f | %.0f | %s | %s |\n", n, w, 1000 * w / n, p / 1024, rc, nodes }' >>"$out"
    if [ "$n" = 10000 ]; then
      local ok=true oom=""
      if [ "$rc" -gt 1 ]; then ok=false; fi
      if grep -q 'OutOfMemoryError' "$work/fleet-$n.err"; then ok=false; oom=", OutOfMemoryError"; fi
      awk -v w="$wall" -v p="$peak" -v ok="$ok" -v rc="$rc" -v oom="$oom" 'BEGIN {
        verdict = (ok == "true" && w <= 20) ? "met" : "**missed**"
        if (ok != "true") verdict = verdict " (exit " rc oom ")"
        else if (w > 20) verdict = verdict sprintf(" (%.0f %% over)", 100 * (w / 20 - 1))
        printf "| fleet lint, 10,000 roots, -Xmx256m | %.2f s wall, peak RSS %.0f MB, exit %s | <= 20 s, succeeds at -Xmx256m | %s |\n", w, p / 1024, rc, verdict }' \
        >>"$work/summary-fleet.md"
    fi
  done
  # per-root cost of each step: linear growth keeps it flat; the fixed start-up cost is subtracted out
  awk -v a="${walls[100]}" -v b="${walls[1000]}" -v c="${walls[10000]}" 'BEGIN {
    s1 = (b - a) / 900 * 1000; s2 = (c - b) / 9000 * 1000; r = s2 / s1
    printf "\nIncremental cost per root: %.2f ms from 100 to 1,000 roots, %.2f ms from 1,000 to 10,000 (ratio %.2f; 1 is linear).\n\n", s1, s2, r
    verdict = (r <= 1.3 && r >= 0.7) ? "met" : (r > 1.3 ? "**missed** (super-linear)" : "met (sub-linear)")
    printf "| fleet lint scaling 100 / 1,000 / 10,000 | %.2f / %.2f ms per extra root (ratio %.2f) | linear | %s |\n", s1, s2, r, verdict > "/dev/stderr"
  }' >>"$out" 2>>"$work/summary-fleet.md"
}

# ------------------------------------------------------------------------------------------ startup

# Median wall seconds of 10 runs (after one warm-up) of the command given.
median_of_10() {
  local i t0 t1
  "$@" >/dev/null 2>&1 || true
  for i in $(seq 10); do
    t0="$(date +%s%N)"
    "$@" >/dev/null 2>&1 || true
    t1="$(date +%s%N)"
    echo $(((t1 - t0) / 1000))
  done | sort -n | awk '{ v[NR] = $1 } END { printf "%.3f %.3f %.3f\n", (v[5] + v[6]) / 2e6, v[1] / 1e6, v[NR] / 1e6 }'
}

startup_section() {
  local out="$work/startup.md" example="$repo/examples/healthy-containerd"
  {
    echo "## CLI start-up"
    echo
    echo "Target: \`./criconf lint --root examples/healthy-containerd\` <= 0.6 s wall, median of 10."
    echo
  } >"$out"
  if ! lint_available; then
    echo "$lint_reason" >>"$out"
    echo >>"$out"
    echo "| CLI start-up, lint one example | not measured (lint not available yet) | <= 0.6 s median | - |" >"$work/summary-startup.md"
    return
  fi
  local median min max
  read -r median min max < <(median_of_10 "$repo/criconf" lint --root "$example")
  # AppCDS: an archive of the classes a lint run loads, made by one run, used by the next ones
  local jsa="$work/criconf-lint.jsa" cds_median="-" cds_min="-" cds_max="-"
  rm -f "$jsa"
  CRICONF_JAVA_OPTS="-XX:ArchiveClassesAtExit=$jsa" "$repo/criconf" lint --root "$example" >/dev/null 2>&1 || true
  if [ -f "$jsa" ]; then
    read -r cds_median cds_min cds_max < <(CRICONF_JAVA_OPTS="-XX:SharedArchiveFile=$jsa" median_of_10 "$repo/criconf" lint --root "$example")
  fi
  {
    echo "| variant | median s | min s | max s |"
    echo "|---|--:|--:|--:|"
    echo "| \`./criconf lint --root examples/healthy-containerd\` | $median | $min | $max |"
    echo "| same with an AppCDS archive (\`-XX:SharedArchiveFile\`, experiment) | $cds_median | $cds_min | $cds_max |"
    echo
    echo "Wall time of the whole command (wrapper script, JVM start, lint, exit), one warm-up run first."
    echo
  } >>"$out"
  awk -v m="$median" 'BEGIN { printf "| CLI start-up, lint one example | %.3f s median of 10 | <= 0.6 s | %s |\n", m, (m <= 0.6 ? "met" : sprintf("**missed** (%.0f %% over)", 100 * (m / 0.6 - 1))) }' \
    >"$work/summary-startup.md"
}

# ------------------------------------------------------------------------------------------ results

assemble() {
  local notes=""
  if [ -f "$results" ]; then
    notes="$(awk -v m="$notes_marker" 'found { print } $0 == m { found = 1 }' "$results")"
  fi
  {
    echo "# criconf benchmark results"
    echo
    echo "Written by \`config-bench/run.sh\` (everything above the notes marker is regenerated on each run)."
    echo
    cat "$work/machine.md"
    echo "## Summary"
    echo
    echo "| what | measured | target | verdict |"
    echo "|---|---|---|---|"
    cat "$work"/summary-jmh.md "$work"/summary-node-lint.md "$work"/summary-fleet.md "$work"/summary-startup.md 2>/dev/null || true
    echo
    cat "$work/jmh.md"
    echo
    cat "$work/node-lint.md" "$work/fleet.md" "$work/startup.md"
    echo "$notes_marker"
    if [ -n "$notes" ]; then
      printf '%s\n' "$notes"
    else
      printf '\n## Notes\n\n(none yet)\n'
    fi
  } >"$results.tmp"
  mv "$results.tmp" "$results"
  log "wrote $results"
}

mkdir -p "$work"
commit="$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(cd "$repo" && git status --porcelain -- config-io config-model config-validate config-cli config-bench/src 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
load_start="$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ / \/ /g')"
build
if $build_only; then
  exit 0
fi
rm -f "$work"/summary-node-lint.md "$work"/summary-fleet.md "$work"/summary-startup.md
jmh_section
node_lint_section
fleet_section
startup_section
machine_section
assemble
