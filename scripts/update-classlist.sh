#!/usr/bin/env bash
# Regenerates src/packaging/tastemap.classlist: the classes a first launch loads, from the JVM's start
# until the quick model is trained and the idle warm-up of the screens (org.tastemap.app.shell.UiWarmup:
# tables, the suggestion popup, charts, ControlsFX) is done, so that the warm-up maps them too. mvn -Pdist package dumps them into a class-data-sharing archive
# (lib/app/tastemap.jsa) that the packaged launcher maps instead of loading and verifying each class,
# which shortens its start-up. A stale list is harmless: names that no longer exist are skipped and
# new classes are loaded the ordinary way. Run it after larger changes to the app, then rebuild.
#
# usage: scripts/update-classlist.sh   (needs target/tastemap.jar, and Xvfb when DISPLAY is unset)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/packaging/tastemap.classlist
work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
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
fi
# The same module options as the packaged launcher, and a fresh preferences store: a first launch.
java --add-modules jdk.incubator.vector -Djava.util.prefs.userRoot="$work/prefs" -Dtastemap.startupLog=true \
    -XX:DumpLoadedClassList="$work/classlist" -jar target/tastemap.jar >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1800); do
    grep -q "tastemap-startup model-ready" "$work/app.log" && grep -q "tastemap-startup warm-up-done" "$work/app.log" && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.1
done
grep -q "tastemap-startup model-ready" "$work/app.log" || { echo "no model after 180 s" >&2; exit 1; }
grep -q "tastemap-startup warm-up-done" "$work/app.log" || { echo "no end of the warm-up after 180 s" >&2; exit 1; }
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
app_pid=
cp "$work/classlist" "$out"
echo "$out: $(grep -vc '^#\|^@' "$out") classes"
