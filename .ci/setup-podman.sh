#!/usr/bin/env bash
# Makes podman usable for the podman adapter's tests, idempotently (spec/adapter-podman.md):
#   1. installs with apt, only those that are missing, the packages the adapter's `podman kube play` needs:
#      podman, runc (the runtime .ci/podman/containers.conf selects), busybox-static (the image's only binary) and
#      catatonit (podman builds the pod's infra "pause" image from it; podman only *recommends* it, so an install
#      with --no-install-recommends lacks it and every `kube play` fails with exit 125);
#   2. builds the image localhost/busybox:local from busybox-static with `podman import`, only if absent;
#   3. smoke-tests what the adapter does: `podman run` of one container, then `podman kube play` of a one-container
#      pod that runs and exits 3, then `podman kube down` (the pod is removed on every exit path).
# Writes nothing outside the repository except the package install and podman's own storage.
# Exits 0 when podman works, 1 otherwise (the reason on stderr); the podman tests skip with the same checks.
set -uo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="$PWD/.ci/podman/containers.conf"
image=localhost/busybox:local

fail() { echo "setup-podman: $*" >&2; exit 1; }

# podman looks for catatonit in its helper directories and then on PATH (Debian installs /usr/bin/catatonit and
# links it into /usr/libexec/podman).
has_catatonit() {
  command -v catatonit >/dev/null 2>&1 && return 0
  local dir
  for dir in /usr/libexec/podman /usr/lib/podman /usr/local/libexec/podman /usr/local/lib/podman; do
    [ -x "$dir/catatonit" ] && return 0
  done
  return 1
}

missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v runc >/dev/null 2>&1 || missing+=(runc)
[ -x /bin/busybox ] || missing+=(busybox-static)
has_catatonit || missing+=(catatonit)

if ((${#missing[@]} > 0)); then
  [ "$(id -u)" = 0 ] || fail "missing ${missing[*]} and not root: cannot install (as root: apt-get install ${missing[*]})"
  echo "setup-podman: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { timeout 60 apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; } \
    || fail "apt-get could not install ${missing[*]} (no package source reachable?)"
  command -v podman >/dev/null 2>&1 && command -v runc >/dev/null 2>&1 && [ -x /bin/busybox ] && has_catatonit \
    || fail "apt-get installed ${missing[*]}, but podman, runc, /bin/busybox or catatonit is still missing"
fi

if ! podman image exists "$image" 2>/dev/null; then
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/dev/shm"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
  tar -C "$root" -cf "$root.tar" . || { rm -rf "$root"; fail "could not tar the busybox root filesystem"; }
  podman import -q --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/bin' "$root.tar" "$image" >/dev/null \
    || { rm -rf "$root" "$root.tar"; fail "podman import of $image failed"; }
  rm -rf "$root" "$root.tar"
fi

# 1. one container (needs podman, runc, the image and the configuration).
out=$(timeout 60 podman run --rm --network none "$image" sh -c 'echo ok; exit 3' 2>&1)
rc=$?
[ "$rc" = 3 ] && [ "${out##*$'\n'}" = ok ] || fail "smoke container failed (exit $rc): $out"

# 2. a pod through `kube play`, as the adapter plays it (needs, in addition, the infra image built from catatonit).
pod=podconf-setup-smoke-$$
manifest=$(mktemp --suffix=.yaml)
cleanup() {
  timeout 60 podman kube down "$manifest" >/dev/null 2>&1
  timeout 60 podman pod rm -f "$pod" >/dev/null 2>&1
  rm -f "$manifest"
}
trap cleanup EXIT
cat > "$manifest" <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: $pod
  labels:
    podconf.io/adapter: setup-smoke
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: $image
    command: ["sh", "-c", "exit 3"]
EOF
out=$(timeout 60 podman kube play --network none "$manifest" 2>&1)
rc=$?
[ "$rc" = 0 ] || fail "smoke pod: podman kube play failed (exit $rc): $out"
code=$(timeout 60 podman wait "$pod-c" 2>&1)
rc=$?
[ "$rc" = 0 ] && [ "$code" = 3 ] || fail "smoke pod: its container did not exit with 3 (podman wait exit $rc): $code"
out=$(timeout 60 podman kube down "$manifest" 2>&1)
rc=$?
[ "$rc" = 0 ] || fail "smoke pod: podman kube down failed (exit $rc): $out"
podman pod exists "$pod" 2>/dev/null && fail "smoke pod: $pod is still there after podman kube down"

echo "setup-podman: podman $(podman version --format '{{.Client.Version}}') ready (run and kube play), image $image"
