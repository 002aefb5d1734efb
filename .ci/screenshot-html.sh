#!/usr/bin/env bash
# Renders an HTML report in headless Chromium and saves what a person would see as a PNG, so a report can be
# looked at (by a person, or by the screenshot test) as a browser shows it.
#
#   .ci/screenshot-html.sh REPORT.html OUT.png [HEIGHT [WIDTH]]   HEIGHT default 2400 px, WIDTH default 1280 px
#                                                             (the window; a longer page is cut there, a shorter one
#                                                             padded white)
#   .ci/screenshot-html.sh --install                      only install Debian's chromium when it is missing
#
# Installs Debian's `chromium` package when it is missing (needs root or sudo; idempotent).
set -euo pipefail

install_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo -n)
  fi
  echo "screenshot-html: installing Debian's chromium" >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1
}

if [ "${1:-}" = "--install" ]; then
  install_chromium
  exit 0
fi

if [ $# -lt 2 ] || [ $# -gt 4 ]; then
  echo "usage: $0 REPORT.html OUT.png [HEIGHT [WIDTH]]   |   $0 --install" >&2
  exit 2
fi

report=$1
out=$2
height=${3:-2400}
width=${4:-1280}
if [ ! -f "$report" ]; then
  echo "screenshot-html: $report: no such file" >&2
  exit 2
fi
case $height in
  '' | *[!0-9]*) echo "screenshot-html: HEIGHT must be a number of pixels" >&2; exit 2 ;;
esac
case $width in
  '' | *[!0-9]*) echo "screenshot-html: WIDTH must be a number of pixels" >&2; exit 2 ;;
esac

install_chromium

report_abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
out_dir=$(cd "$(dirname "$out")" && pwd)
out_abs=$out_dir/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

rm -f "$out_abs"
# A throw-away profile, no GPU, no sandbox (root in containers), nothing fetched in the background: the report is
# self-contained, and the page must render the same offline.
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
  --force-device-scale-factor=1 --no-first-run --no-default-browser-check --disable-extensions \
  --disable-background-networking --disable-component-update --disable-sync --mute-audio \
  --user-data-dir="$profile" --window-size="$width,$height" --screenshot="$out_abs" \
  "file://$report_abs" >"$profile/chromium.log" 2>&1 || {
    cat "$profile/chromium.log" >&2
    exit 1
  }

if [ ! -s "$out_abs" ]; then
  cat "$profile/chromium.log" >&2
  echo "screenshot-html: chromium wrote no screenshot" >&2
  exit 1
fi
echo "screenshot-html: wrote $out (${width}x$height)" >&2
