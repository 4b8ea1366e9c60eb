#!/usr/bin/env bash
# Measures Tastemap's start-up under X (Xvfb when no DISPLAY is set): from launching the command to
#   window  the main window is shown (the app is interactive; the sample data still loads in the background)
#   data    the first data set is open
#   model   the first model is open (on a first launch, sample-data/lastfm-sample.tsm, the small model
#           bundled with the sample; where that file is missing, the quick model the app then trains)
#   warm    the idle warm-up of the screens is done (org.tastemap.app.shell.UiWarmup: the first use of
#           tables, the suggestion popup and charts, so that a keystroke during training does not pay for it)
#   waits   how many times the UI thread was unavailable for over 100 ms until the app is stopped (just
#           after the warm-up ends), and the longest: the stall watch (-Dtastemap.stallWatch=true) logs each
#           such wait with its stack. The watch runs in every launch here (a check every 10 ms, stack samples
#           from 50 ms on), so compare these times with runs of this script, not of older versions.
# Each run is a first launch: a fresh java.util.prefs store, so the app opens the bundled sample data
# and its model; your own preferences are not touched. The app reports the moments itself with
# -Dtastemap.startupLog=true (org.tastemap.app.StartupLog); times here are wall clock from just before
# the command starts, so the JVM's start and the Launcher's re-exec are included.
#
# The "cpu" column is the CPU time the app's JVM had used when the window was shown: on a busy machine
# the wall-clock times grow with the load, that one hardly does.
#
# usage: scripts/measure-startup.sh [runs] [launcher]
#   runs      default 5
#   launcher  default: java -jar target/tastemap.jar (build it with mvn -q -DskipTests package);
#             give a jpackage launcher to measure it instead, e.g. target/dist/Tastemap/bin/Tastemap
#             or /opt/tastemap/bin/Tastemap
#   TASTEMAP_MEASURE_NICE  run the app at this niceness, e.g. -10 (root only) on a machine that other
#                       jobs keep busy: it approximates an idle machine; say so when you quote the numbers
#   TASTEMAP_JAVA_OPTS  extra JVM options for the java -jar case (e.g. --add-modules jdk.incubator.vector
#                       to skip the Launcher's re-exec)
# needs: Xvfb (apt-get install xvfb) when DISPLAY is unset.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
launcher=${2:-}
timeout_s=${TASTEMAP_MEASURE_TIMEOUT:-180}

xvfb_pid=
work=$(mktemp -d)
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
    for n in $(seq 90 120); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
    done
    Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    export DISPLAY=$display
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
    echo "Xvfb on $DISPLAY"
fi
if [ -z "$launcher" ] && [ ! -f target/tastemap.jar ]; then
    echo "target/tastemap.jar is missing: mvn -q -DskipTests package" >&2
    exit 1
fi

nice_cmd=()
[ -n "${TASTEMAP_MEASURE_NICE:-}" ] && nice_cmd=(nice -n "$TASTEMAP_MEASURE_NICE")

ms_of() { sed -n "s/.*tastemap-startup $1 .*epochMs=\([0-9]*\).*/\1/p" "$2" | head -1; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "command: ${launcher:-java ${TASTEMAP_JAVA_OPTS:+$TASTEMAP_JAVA_OPTS }-jar target/tastemap.jar}   ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)${TASTEMAP_MEASURE_NICE:+, nice $TASTEMAP_MEASURE_NICE})"
printf '%-6s %10s %10s %10s %10s %10s %10s %14s\n' run window data model warm "cpu@window" "cpu@warm" "FX waits>100ms"
: >"$work/window"; : >"$work/data"; : >"$work/model"; : >"$work/cpu"; : >"$work/warm"; : >"$work/warmcpu"
for i in $(seq "$runs"); do
    prefs="$work/prefs-$i"
    log="$work/run-$i.log"
    mkdir -p "$prefs"
    t0=$(date +%s%3N)
    if [ -z "$launcher" ]; then
        # shellcheck disable=SC2086 # TASTEMAP_JAVA_OPTS is a list of options
        "${nice_cmd[@]}" java ${TASTEMAP_JAVA_OPTS:-} -Djava.util.prefs.userRoot="$prefs" -Dtastemap.startupLog=true -Dtastemap.stallWatch=true -jar target/tastemap.jar >"$log" 2>&1 &
    else
        JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$prefs -Dtastemap.startupLog=true -Dtastemap.stallWatch=true" "${nice_cmd[@]}" "$launcher" >"$log" 2>&1 &
    fi
    app_pid=$!
    for _ in $(seq $((timeout_s * 10))); do
        grep -q "tastemap-startup model-ready" "$log" && grep -q "tastemap-startup warm-up-done" "$log" && break
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
    row=()
    for event in window-shown data-loaded model-ready warm-up-done; do
        t=$(ms_of "$event" "$log")
        if [ -n "$t" ]; then row+=($((t - t0))); else row+=(-); fi
    done
    cpu=$(sed -n 's/.*tastemap-startup window-shown .*cpu=\([0-9]*\) ms.*/\1/p' "$log" | head -1)
    warm_cpu=$(sed -n 's/.*tastemap-startup warm-up-done .*cpu=\([0-9]*\) ms.*/\1/p' "$log" | head -1)
    # the stall watch (-Dtastemap.stallWatch=true) logs every wait of the UI thread over 100 ms, up to the warm-up's end
    waits=$(sed -n 's/.*FX thread answered after \([0-9]*\) ms.*/\1/p' "$log" | sort -n | awk '{n++; m=$1} END {print n ? n " (max " m ")" : "0"}')
    printf '%-6s %7s ms %7s ms %7s ms %7s ms %7s ms %7s ms %14s\n' "$i" "${row[0]}" "${row[1]}" "${row[2]}" "${row[3]}" "${cpu:--}" "${warm_cpu:--}" "$waits"
    [ -n "$warm_cpu" ] && echo "$warm_cpu" >>"$work/warmcpu"
    [ "${row[3]}" != - ] && echo "${row[3]}" >>"$work/warm"
    [ -n "$cpu" ] && echo "$cpu" >>"$work/cpu"
    [ "${row[0]}" != - ] && echo "${row[0]}" >>"$work/window"
    [ "${row[1]}" != - ] && echo "${row[1]}" >>"$work/data"
    [ "${row[2]}" != - ] && echo "${row[2]}" >>"$work/model"
    if [ "${row[0]}" = - ]; then
        echo "run $i: no window; the app's output:" >&2
        grep -v '^\s*at ' "$log" | head -20 >&2
    fi
done
printf '%-6s %7s ms %7s ms %7s ms %7s ms %7s ms %7s ms\n' median "$(median <"$work/window")" "$(median <"$work/data")" "$(median <"$work/model")" \
    "$(median <"$work/warm")" "$(median <"$work/cpu")" "$(median <"$work/warmcpu")"
