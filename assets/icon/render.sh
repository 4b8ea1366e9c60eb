#!/usr/bin/env bash
# Renders the app icon PNGs from assets/icon/tastemap.svg (needs rsvg-convert: apt-get install librsvg2-bin):
# assets/icon/tastemap-<size>.png (jpackage takes the 512 px one) and the window icons the app loads from src/main/resources/org/tastemap/app/icons/.
set -euo pipefail
cd "$(dirname "$0")/../.."
svg=assets/icon/tastemap.svg
res=src/main/resources/org/tastemap/app/icons
mkdir -p "$res"
for s in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$svg" -o "assets/icon/tastemap-$s.png"
done
for s in 16 32 48 64 128 256; do
  cp "assets/icon/tastemap-$s.png" "$res/tastemap-$s.png"
done
