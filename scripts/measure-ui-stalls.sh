#!/usr/bin/env bash
# Measures how long the UI (FX application) thread is unavailable while a model trains on a big file
# and a person types into the Artists search box (docs/performance.md, "The UI thread while training").
# The real app runs under X (Xvfb when no DISPLAY is set) with -Dtastemap.uiBench=FILE
# (org.tastemap.app.UiBench): it opens FILE as File > Open would, which trains the quick model
# (k = 32, 10 iterations), then a k = 64 model (10 iterations), and types artist names into the search box at 8 keys/s through the platform
# robot until 10 s after training ends. The stall watch (org.tastemap.app.task.FxStallWatch) keeps one
# check queued on the UI thread at all times and writes its summary (waits' p50/p99/max and how many
# were over 100 ms, training vs idle, the worst stalls' stacks) to OUT/stalls.txt; the GC log goes to
# OUT/gc.log and the safepoint log (every stop of all Java threads, GC or not) to OUT/safepoint.log,
# so that a stall can be told from a pause of the whole JVM.
#
# usage: scripts/measure-ui-stalls.sh FILE [OUT]
#   FILE  a listening file, e.g. one made by: java -jar target/tastemap.jar generate --out full.tsv
#         --users 358000 --artists 160000 --seed 1  (17.7M rows; keep it outside the repository)
#   OUT   directory for stalls.txt, gc.log and app.log (default: a new directory under /tmp)
#   TASTEMAP_JAR        the jar to measure (default target/tastemap.jar; a copy lets the build go on meanwhile)
#   TASTEMAP_JAVA_OPTS  extra JVM options, e.g. -Dtastemap.yieldToInput=true, -Dtastemap.trainThreads=1,
#                       -XX:MaxGCPauseMillis=50, -XX:+UseZGC, or -Dtastemap.workerPriority=5 (the workers at the
#                       UI thread's priority, as before session 8)
# needs: target/tastemap.jar (mvn -q -DskipTests package), Xvfb when DISPLAY is unset, ~10 GB of memory.
# It is CPU-heavy: run it on an otherwise quiet machine, and quote the load it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?usage: scripts/measure-ui-stalls.sh FILE [OUT]}
out=${2:-$(mktemp -d /tmp/tastemap-ui-stalls.XXXXXX)}
mkdir -p "$out"
file=$(readlink -f "$file")
jar=$(readlink -f "${TASTEMAP_JAR:-target/tastemap.jar}")
[ -f "$jar" ] || { echo "$jar is missing: mvn -q -DskipTests package" >&2; exit 1; }

xvfb_pid=
app_pid=
prefs=$(mktemp -d)
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$prefs"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
    for n in $(seq 90 120); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
    done
    Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
    xvfb_pid=$!
    export DISPLAY=$display
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
fi

echo "machine: $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg); DISPLAY=$DISPLAY; out=$out"
# --add-modules: the Launcher then runs the app in this JVM instead of starting a second one, so the
# desktop app's own options (org.tastemap.Launcher.DESKTOP_OPTIONS) are given here as the relaunch gives them;
# TASTEMAP_JAVA_OPTS comes after them and can override them (e.g. -XX:MaxTenuringThreshold=15)
desktop_opts="-XX:ThreadPriorityPolicy=1 -XX:MaxTenuringThreshold=1"
# shellcheck disable=SC2086 # desktop_opts and TASTEMAP_JAVA_OPTS are lists of options
java -Xmx8g "-Xlog:gc:file=$out/gc.log" "-Xlog:safepoint:file=$out/safepoint.log" --add-modules jdk.incubator.vector $desktop_opts ${TASTEMAP_JAVA_OPTS:-} -Djava.util.prefs.userRoot="$prefs" \
    -Dtastemap.uiBench="$file" -Dtastemap.stallReport="$out/stalls.txt" -jar "$jar" >"$out/app.log" 2>&1 &
app_pid=$!
wait "$app_pid" || echo "the app exited with $?" >&2
app_pid=
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
grep 'tastemap-uibench' "$out/app.log" || true
# GC pauses from -Xlog:gc lines such as "... Pause Young (Normal) (G1 Evacuation Pause) 900M->80M(2048M) 12.345ms"
grep -o 'Pause[^)]*).* \([0-9.]*\)ms$' "$out/gc.log" | sed 's/.* \([0-9.]*\)ms$/\1/' | sort -n |
    awk '{a[NR]=$1; if ($1 > 100) o++} END {printf "GC pauses: %d, max %.1f ms, over 100 ms: %d\n", NR, (NR ? a[NR] : 0), o}'
# Safepoints from -Xlog:safepoint lines such as "... Safepoint "G1CollectForAllocation", ..., Total: 12345678 ns"
sed -n 's/.*Safepoint "\([^"]*\)".*Total: \([0-9]*\) ns.*/\2 \1/p' "$out/safepoint.log" | sort -n |
    awk '{n++; if ($1 > 1e8) {o++; s = s " " $2 "(" int($1 / 1e6) " ms)"}; m = $1} END {printf "safepoints: %d, max %.1f ms, over 100 ms: %d%s\n", n, m / 1e6, o, s}'
sed -n "1,5p" "$out/stalls.txt" 2>/dev/null || echo "no stall report (see $out/app.log)" >&2
