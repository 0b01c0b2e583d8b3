#!/usr/bin/env bash
# Runs criconf's benchmarks on this machine and writes config-bench/RESULTS.md.
#
#   config-bench/run.sh [--quick] [--skip-jmh] [--only SECTIONS] [--build-only]
#
#   --quick       a smoke test, not figures: JMH with 1 short warm-up and 2 measurement iterations,
#                 node lint over the fleet mix only, fleet lint on 100 and 1,000 roots
#   --skip-jmh    keep the JMH figures of the previous run (target/bench/jmh.md) and re-measure the rest
#   --only LIST   run only these sections (comma-separated: jmh,node-lint,fleet,startup); the others
#                 keep the figures of their previous run (target/bench/<name>.md), if any
#   --build-only  build config-bench and the CLI, write target/classpath.txt, nothing else
#
# Environment: CRICONF_SHARED (default: ../shared beside the checkout) for the corpus;
# FLEET_DIR (default ${TMPDIR:-/tmp}/criconf-fleet-SEED) and FLEET_SEED (default 42) for the fleet.
#
# Sections (each a function below; each writes target/bench/<name>.md and summary rows):
#   jmh        TOML/YAML parse, TOML edit, size sweep: JMH, one run, ratios vs peers of that run
#   node-lint  in-process load + validate per node, one thread: JMH NodeLintBenchmark (nodes/s)
#   fleet      ./criconf lint --format json DIR/node-* on 100, 1,000 and 10,000 generated roots,
#              -Xmx256m: wall, CPU, peak RSS (/usr/bin/time -v), linearity
#   startup    ./criconf lint --root examples/healthy-containerd, median wall time of 10
# fleet and startup say "not measured" (with the command's first error line) when
# `./criconf lint --format json` does not print a report.
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
only="jmh,node-lint,fleet,startup"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --skip-jmh) skip_jmh=true ;;
    --only) only="${2:?--only needs a list, e.g. node-lint,fleet}"; shift ;;
    --only=*) only="${1#--only=}" ;;
    --build-only) build_only=true ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
for section in ${only//,/ }; do
  case "$section" in
    jmh|node-lint|fleet|startup) ;;
    *) echo "run.sh: unknown section $section (jmh, node-lint, fleet, startup)" >&2; exit 2 ;;
  esac
done
selected() { [[ ",$only," == *",$1,"* ]]; }

log() { echo "run.sh: $*" >&2; }

# ------------------------------------------------------------------------------------------ build

build() {
  # config-cli too: ./criconf rebuilds a stale jar itself, which must not happen inside a timed run
  log "building config-bench and the CLI (and the modules they need)"
  (cd "$repo" && mvn -B -q -DskipTests -Dmaven.javadoc.skip=true package \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime \
      -pl config-bench,config-cli -am)
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
    if [ "$only" != "jmh,node-lint,fleet,startup" ]; then
      echo "- Sections measured in this run: $only (\`--only\`); the others are kept from an earlier run."
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
  # a report is a JSON document with one node; exit 1 only means findings
  if [ "$rc" -gt 1 ] || [ "$(jq '.nodes | length' <<<"$out" 2>/dev/null || echo 0)" != 1 ]; then
    local why
    why="$(grep -m1 -v '^[[:space:]]*$' "$work/lint-check.err" | cut -c1-200 || true)"
    lint_reason="not measured: \`./criconf lint --format json --root examples/healthy-containerd\` exited $rc without a report${why:+ (\`$why\`)}; see target/bench/lint-check.err"
    return 1
  fi
  return 0
}

# ------------------------------------------------------------------------------------------ node lint

# In-process load + validate of one node, one thread: JMH dev.criconf.bench.NodeLintBenchmark, whose
# operation is one node (throughput = nodes/s) over 200 roots written with FleetGenerator.write in
# its @Setup, for the fleet's mix and per runtime kind; CpuTimeProfiler adds the thread's CPU time.
node_lint_section() {
  local out="$work/node-lint.md"
  {
    echo "## Node lint in-process"
    echo
    echo "Target: >= 2,000 nodes/s for load + validate of a typical node (5-8 files), one thread."
    echo
  } >"$out"
  if [ ! -f "$bench/target/classes/dev/criconf/bench/NodeLintBenchmark.class" ]; then
    echo "not measured: no \`NodeLintBenchmark\` in config-bench." >>"$out"
    echo "| node lint in-process | not measured (no NodeLintBenchmark) | >= 2,000 nodes/s | - |" >"$work/summary-node-lint.md"
    echo >>"$out"
    return
  fi
  # 30 s of warm-up: the loader, the parsers and ~40 rules are a lot of code for the JIT on a loaded machine
  local csv="$work/node-lint.csv" settings=(-f 1 -wi 10 -w 3s -i 5 -r 2s) params=()
  if $quick; then
    settings=(-f 1 -wi 2 -w 1s -i 2 -r 1s)
    params=(-p runtime=all)
  fi
  log "JMH: node lint in-process (about $($quick && echo 10 || echo 220) s)"
  # other engineers' JMH runs hold /tmp/jmh.lock on this shared machine; the figures carry the load anyway
  java -Djmh.ignoreLock=true -Dcriconf.shared="$shared" -cp "$CP" org.openjdk.jmh.Main 'dev\.criconf\.bench\.NodeLintBenchmark\..*' \
    "${settings[@]}" "${params[@]}" -t 1 -bm thrpt -tu s -prof dev.criconf.bench.CpuTimeProfiler \
    -rf csv -rff "$csv" >"$work/node-lint.log"
  # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: runtime";
  # secondary rows (":cpu.time.norm", µs of thread CPU per node) follow their primary row
  awk -F, 'NR > 1 { gsub(/"/, "") }
    NR > 1 && $1 !~ /:/ { rt = $8; score[rt] = $5; err[rt] = $6; order[++n] = rt }
    NR > 1 && $1 ~ /:cpu.time.norm$/ { cpu[$8] = $5 }
    END {
      for (i = 1; i <= n; i++) {
        rt = order[i]; s = score[rt]
        c = (rt in cpu && cpu[rt] > 0) ? sprintf("; CPU time: %.0f nodes/s", 1e6 / cpu[rt]) : ""
        v = s >= 2000 ? "met" : "**missed** (" int(100 * (1 - s / 2000)) " % short)"
        if (s < 2000 && c != "" && 1e6 / cpu[rt] >= 2000) v = v "; met on CPU time (machine load)"
        printf "| node lint in-process, %s | %.0f ± %.0f nodes/s%s | >= 2,000 nodes/s | %s |\n", rt, s, err[rt], c, v
      }
    }' "$csv" >"$work/summary-node-lint.md"
  {
    echo "| benchmark | measured | target | verdict |"
    echo "|---|--:|--:|---|"
    cat "$work/summary-node-lint.md"
    echo
    echo "JMH throughput (\`${settings[*]}\`), one thread; a node is \`NodeLoader.create().load(root)\` + \`Validator.defaults().validate(node)\`"
    echo "over 200 generated roots of the runtime kind (\`all\`: the fleet's mix). CPU time is the benchmark thread's"
    echo "(\`CpuTimeProfiler\`), the figure an idle machine's wall clock approaches. Raw: target/bench/node-lint.log."
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

# One lint run over the first N roots: prints "wall_seconds peak_kb rc nodes_reported cpu_seconds".
lint_fleet() {
  local n="$1" rc=0 roots
  mapfile -t roots < <(find "$fleet_dir" -mindepth 1 -maxdepth 1 -type d -name 'node-*' | sort | head -n "$n")
  if [ "$n" -ge 10000 ]; then
    roots=("$fleet_dir"/node-*)   # literally `--root DIR/*` as the issue states it
  fi
  CRICONF_JAVA_OPTS="-Xmx256m" /usr/bin/time -v -o "$work/fleet-$n.time" \
    "$repo/criconf" lint --format json --root "${roots[@]}" >"$work/fleet-$n.json" 2>"$work/fleet-$n.err" || rc=$?
  local wall peak nodes cpu
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/fleet-$n.time")"
  peak="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/fleet-$n.time")"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { print s + 0 }' "$work/fleet-$n.time")"
  nodes="$(jq '.nodes | length' "$work/fleet-$n.json" 2>/dev/null || echo '?')"
  echo "$wall $peak $rc $nodes $cpu"
}

fleet_section() {
  local out="$work/fleet.md" sizes=(100 1000 10000)
  if $quick; then
    sizes=(100 1000)
  fi
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
    echo "| fleet lint, 10,000 roots, -Xmx256m | not measured (see the fleet section) | <= 20 s wall | - |" >"$work/summary-fleet.md"
    echo "| fleet lint scaling 100 / 1,000 / 10,000 | not measured (see the fleet section) | linear | - |" >>"$work/summary-fleet.md"
    return
  fi
  generate_fleet
  local gen
  gen="$(cat "$work/fleet-gen.out" 2>/dev/null || echo "fleet reused from $fleet_dir")"
  {
    echo "Fleet: \`FleetGenerator --nodes 10000 --seed $seed\` ($gen); the first N roots form the N-node fleet."
    echo "Command: \`CRICONF_JAVA_OPTS=-Xmx256m ./criconf lint --format json --root DIR/node-*\` under \`/usr/bin/time -v\`"
    echo "(CPU = user + system time of the whole JVM: lint threads, JIT and GC)."
    $quick && echo "**Quick run**: 100 and 1,000 roots only."
    echo
    echo "| roots | wall s | ms per root | CPU s | peak RSS MB | exit | nodes in report |"
    echo "|--:|--:|--:|--:|--:|--:|--:|"
  } >>"$out"
  local n wall peak rc nodes cpu
  declare -A walls
  : >"$work/summary-fleet.md"
  for n in "${sizes[@]}"; do
    log "fleet lint: $n roots"
    read -r wall peak rc nodes cpu < <(lint_fleet "$n")
    walls[$n]="$wall"
    awk -v n="$n" -v w="$wall" -v p="$peak" -v rc="$rc" -v nodes="$nodes" -v cpu="$cpu" \
      'BEGIN { printf "| %d | %.2f | %.2f | %.2f | %.0f | %s | %s |\n", n, w, 1000 * w / n, cpu, p / 1024, rc, nodes }' >>"$out"
    if [ "$n" = 10000 ]; then
      local ok=true oom=""
      if [ "$rc" -gt 1 ] || [ "$nodes" != 10000 ]; then ok=false; fi
      if grep -q 'OutOfMemoryError' "$work/fleet-$n.err"; then ok=false; oom=", OutOfMemoryError"; fi
      awk -v w="$wall" -v p="$peak" -v ok="$ok" -v rc="$rc" -v oom="$oom" -v cpu="$cpu" 'BEGIN {
        verdict = (ok == "true" && w <= 20) ? "met" : "**missed**"
        if (ok != "true") verdict = verdict " (exit " rc oom ")"
        else if (w > 20) verdict = verdict sprintf(" (%.0f %% over)", 100 * (w / 20 - 1))
        printf "| fleet lint, 10,000 roots, -Xmx256m | %.2f s wall (%.1f s CPU), peak RSS %.0f MB, exit %s | <= 20 s, succeeds at -Xmx256m | %s |\n", w, cpu, p / 1024, rc, verdict }' \
        >>"$work/summary-fleet.md"
    fi
  done
  if $quick; then
    awk -v a="${walls[100]}" -v b="${walls[1000]}" 'BEGIN {
      printf "\nIncremental cost per root from 100 to 1,000 roots: %.2f ms (quick run: no 10,000-root point).\n\n", (b - a) / 900 * 1000 }' >>"$out"
    echo "| fleet lint, 10,000 roots, -Xmx256m | not measured (quick run) | <= 20 s wall | - |" >>"$work/summary-fleet.md"
    echo "| fleet lint scaling 100 / 1,000 / 10,000 | not measured (quick run) | linear | - |" >>"$work/summary-fleet.md"
    return
  fi
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
    echo "| CLI start-up, lint one example | not measured (see the start-up section) | <= 0.6 s median | - |" >"$work/summary-startup.md"
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
# a section not run this time keeps its previous figures (its .md and summary rows), if any
for section in node-lint fleet startup; do
  if selected "$section"; then
    rm -f "$work/summary-$section.md"
  fi
done
if selected jmh; then jmh_section; fi
if selected node-lint; then node_lint_section; fi
if selected fleet; then fleet_section; fi
if selected startup; then startup_section; fi
# a section not run now and not measured before in this checkout keeps what RESULTS.md shows for it
heading() {
  case "$1" in
    jmh) echo "## JMH: parse and edit" ;;
    node-lint) echo "## Node lint in-process" ;;
    fleet) echo "## Fleet lint via the CLI" ;;
    startup) echo "## CLI start-up" ;;
  esac
}
summary_pattern() {
  case "$1" in
    jmh) echo '^\| (TOML|YAML)' ;;
    node-lint) echo '^\| node lint' ;;
    fleet) echo '^\| fleet lint' ;;
    startup) echo '^\| CLI start-up' ;;
  esac
}
for section in jmh node-lint fleet startup; do
  if [ -f "$work/$section.md" ] || selected "$section"; then
    continue
  fi
  if [ -f "$results" ] && grep -qxF "$(heading "$section")" "$results"; then
    awk -v h="$(heading "$section")" -v m="$notes_marker" '
      $0 == h { on = 1 }
      on && $0 != h && ($0 == m || $0 ~ /^## (JMH: parse and edit|Node lint in-process|Fleet lint via the CLI|CLI start-up)$/) { exit }
      on { print }' "$results" >"$work/$section.md"
    awk '/^## Summary$/ { on = 1; next } on && /^## / { exit } on { print }' "$results" \
      | grep -E "$(summary_pattern "$section")" >"$work/summary-$section.md" || true
  else
    printf '%s\n\nnot measured in this run (`--only %s`).\n\n' "$(heading "$section")" "$only" >"$work/$section.md"
  fi
done
machine_section
assemble
