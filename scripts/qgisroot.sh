# Debian roots for building and testing against another QGIS: Debian 13 "trixie" (QGIS 3.40)
# and Debian unstable "sid" (QGIS 3.44), both Qt 5. Sourced by test.sh after scripts/common.sh.
#
#   pendulum_qgis_codename 3.40         -> trixie
#   pendulum_root_ensure trixie         creates out/roots/trixie on first use (debootstrap from the
#                                       mirror apt uses here, then PENDULUM_PACKAGES with apt-get),
#                                       or reuses it and installs only what is missing
#   pendulum_root_run trixie CMD…       runs CMD in the root, the source tree at the same path
#
# A root is about 4 GB. It lives under $PENDULUM_ROOTS_DIR (default: out/roots, ignored by git).
# Mounts are made in a private mount namespace (unshare), so they never show on the host and go
# away with the last process in the root even after a kill -9; a trap unmounts them too.

PENDULUM_ROOTS_DIR=${PENDULUM_ROOTS_DIR:-$PENDULUM_ROOT/out/roots}

# QGIS versions Pendulum supports besides the host's, and the Debian suite that ships each.
pendulum_qgis_codename() {
  case "$1" in
    3.40) echo trixie ;;
    3.44) echo sid ;;
    *) echo "unsupported QGIS version '$1' (3.40: Debian 13 trixie, 3.44: Debian unstable sid)" >&2; return 2 ;;
  esac
}

# The URI apt uses here for SUITE (e.g. bookworm, bookworm-security), from /etc/apt/sources.list.d
# (deb822 .sources or one-line .list) and /etc/apt/sources.list.
pendulum_apt_uri() {
  local suite=$1 file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk -v want="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        uris = ""; suites = ""; types = ""; enabled = 1
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^[ \t]*#/) continue
          if (line ~ /^URIs:/)    { sub(/^URIs:[ \t]*/, "", line); uris = line }
          if (line ~ /^Suites:/)  { sub(/^Suites:[ \t]*/, "", line); suites = line }
          if (line ~ /^Types:/)   { sub(/^Types:[ \t]*/, "", line); types = " " line " " }
          if (line ~ /^Enabled:[ \t]*no/) enabled = 0
        }
        if (!enabled || types !~ / deb /) next
        n = split(suites, s, /[ \t]+/)
        for (j = 1; j <= n; j++) if (s[j] == want) { split(uris, u, /[ \t]+/); print u[1]; exit }
      }' "$file"
  done | head -n 1 | grep . && return 0
  cat /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null | awk -v want="$suite" '
    $1 == "deb" {
      i = 2
      if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == want) { print $i; exit }
    }' | grep .
}

pendulum_host_codename() {
  (. /etc/os-release && echo "$VERSION_CODENAME")
}

# Every mount point at or under DIR, deepest first (this mount namespace).
pendulum_mounts_under() {
  local dir
  dir=$(readlink -f "$1")
  awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

pendulum_root_unmount() {
  local root=$1 mnt
  for mnt in $(pendulum_mounts_under "$root"); do
    umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null || true
  done
}

# The packages of scripts/common.sh as named in the root's suite, plus what that suite needs more.
pendulum_root_packages() {
  local codename=$1
  local packages=("${PENDULUM_PACKAGES[@]}")
  # QGIS 3.40 and later want Open Sans for their default text format; without it they try to
  # download it and show a failure in the message bar.
  packages+=(fonts-open-sans)
  # Not a dependency of anything minbase has, and the e2e scripts call /usr/bin/python3.
  packages+=(python3 ca-certificates)
  echo "${packages[@]}"
}

# pendulum_root_ensure CODENAME: create or reuse the root. Prints how long creation took.
pendulum_root_ensure() {
  local codename=$1
  local root=$PENDULUM_ROOTS_DIR/$codename
  local stamp=$root/.pendulum-root
  local packages
  packages=$(pendulum_root_packages "$codename")
  if [ "$(id -u)" -ne 0 ]; then
    echo "creating or entering a Debian root needs root (debootstrap, chroot, mount)" >&2
    return 1
  fi
  # Called where `set -e` does not apply (pendulum_stage): every step is checked.
  mkdir -p "$PENDULUM_ROOTS_DIR" || return 1
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$packages" ]; then
    pendulum_log "reusing the $codename root $root"
    return 0
  fi
  local start=$SECONDS
  if [ ! -f "$stamp" ] && [ -e "$root" ]; then
    # A creation that did not finish. Never delete through a mount (it could be the source tree).
    if [ -n "$(pendulum_mounts_under "$root")" ]; then
      echo "$root has mounts under it; unmount them before it can be recreated" >&2
      return 1
    fi
    pendulum_log "removing the unfinished $codename root"
    rm -rf --one-file-system "$root" || return 1
  fi
  if [ ! -e "$root" ]; then
    if ! command -v debootstrap >/dev/null; then
      pendulum_log "installing debootstrap"
      env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
      env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null || return 1
    fi
    local host mirror
    host=$(pendulum_host_codename)
    if ! mirror=$(pendulum_apt_uri "$host"); then
      echo "no Debian mirror for '$host' in /etc/apt/sources.list.d or /etc/apt/sources.list" >&2
      return 1
    fi
    pendulum_log "creating the $codename root with debootstrap from $mirror (a few minutes)"
    if ! debootstrap --variant=minbase "$codename" "$root" "$mirror" >"$PENDULUM_ROOTS_DIR/$codename-debootstrap.log" 2>&1; then
      tail -n 20 "$PENDULUM_ROOTS_DIR/$codename-debootstrap.log" >&2
      return 1
    fi
    pendulum_log "debootstrap took $((SECONDS - start)) s"
    pendulum_root_configure_apt "$codename" "$root" "$host" "$mirror" || return 1
  fi
  pendulum_log "installing Pendulum's packages in the $codename root"
  # shellcheck disable=SC2086
  if ! pendulum_root_run "$codename" env DEBIAN_FRONTEND=noninteractive sh -c \
      'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"' apt $packages \
      >"$PENDULUM_ROOTS_DIR/$codename-apt.log" 2>&1; then
    tail -n 30 "$PENDULUM_ROOTS_DIR/$codename-apt.log" >&2
    return 1
  fi
  echo "$packages" >"$stamp" || return 1
  pendulum_log "the $codename root is ready ($(du -sh --one-file-system "$root" | cut -f1)); creating it took $((SECONDS - start)) s"
}

# apt in the root: the same mirror as the host, the suite's updates and security (trixie), no
# services started by package scripts, no recommends.
pendulum_root_configure_apt() {
  local codename=$1 root=$2 host=$3 mirror=$4 security
  rm -f "$root/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\n' "$mirror"
    if [ "$codename" = sid ]; then
      printf 'Suites: sid\n'
    else
      printf 'Suites: %s %s-updates\n' "$codename" "$codename"
    fi
    printf 'Components: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    if [ "$codename" != sid ] && security=$(pendulum_apt_uri "$host-security"); then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$security" "$codename"
    fi
  } >"$root/etc/apt/sources.list.d/debian.sources"
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$root/etc/apt/apt.conf.d/90pendulum"
  # The archive served here can be a snapshot whose sid Release file is past its Valid-Until.
  if [ "$codename" = sid ]; then
    printf 'Acquire::Check-Valid-Until "false";\n' >>"$root/etc/apt/apt.conf.d/90pendulum"
  fi
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
}

# pendulum_root_run CODENAME CMD…: run CMD as root in the root, in a private mount namespace with
# /proc, /sys, /dev, /dev/pts, the host's /tmp (so xvfb-run -a sees displays in use on the host)
# and the source tree mounted at the same path as on the host. LANG=C.UTF-8, the host's resolv.conf.
pendulum_root_run() {
  local codename=$1
  shift
  local root=$PENDULUM_ROOTS_DIR/$codename
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  mkdir -p "$root$PENDULUM_ROOT"
  unshare --mount --propagation private -- bash -c '
    set -e
    root=$1 src=$2
    shift 2
    cleanup() {
      for mnt in $(awk -v d="$root" "index(\$5, d \"/\") == 1 { print \$5 }" /proc/self/mountinfo | sort -r); do
        umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null || true
      done
    }
    trap cleanup EXIT
    trap "exit 130" INT
    trap "exit 143" TERM
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"
    mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
    mount --bind /tmp "$root/tmp"
    mount --bind "$src" "$root$src"
    status=0
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" "$@" || status=$?
    exit "$status"
  ' pendulum-root "$(readlink -f "$root")" "$PENDULUM_ROOT" "$@"
}
