#!/usr/bin/env bash
# Makes podman usable for the podman adapter's tests, idempotently (spec/adapter-podman.md):
#   1. installs podman, runc and busybox-static with apt, only if one of them is missing;
#   2. builds the image localhost/busybox:local from busybox-static with `podman import`, only if absent;
#   3. smoke-runs a container with the repository's containers.conf.
# Writes nothing outside the repository except the package install and podman's own storage.
# Exits 0 when podman works, 1 otherwise (the reason on stderr); the podman tests skip with the same check.
set -uo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="$PWD/.ci/podman/containers.conf"
image=localhost/busybox:local

fail() { echo "setup-podman: $*" >&2; exit 1; }

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || [ ! -x /bin/busybox ]; then
  [ "$(id -u)" = 0 ] || fail "podman, runc or busybox-static missing and not root: cannot install"
  echo "setup-podman: installing podman runc busybox-static"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends podman runc busybox-static >/dev/null 2>&1 \
    || { timeout 60 apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends podman runc busybox-static >/dev/null 2>&1; } \
    || fail "apt-get could not install podman runc busybox-static (no package source reachable?)"
fi

if ! podman image exists "$image" 2>/dev/null; then
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/dev/shm"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
  tar -C "$root" -cf "$root.tar" . || fail "could not tar the busybox root filesystem"
  podman import -q --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/bin' "$root.tar" "$image" >/dev/null \
    || { rm -f "$root.tar"; fail "podman import of $image failed"; }
  rm -f "$root.tar"
fi

out=$(timeout 60 podman run --rm --network none "$image" sh -c 'echo ok; exit 3' 2>&1)
rc=$?
[ "$rc" = 3 ] && [ "${out##*$'\n'}" = ok ] || fail "smoke container failed (exit $rc): $out"
echo "setup-podman: podman $(podman version --format '{{.Client.Version}}') ready, image $image"
