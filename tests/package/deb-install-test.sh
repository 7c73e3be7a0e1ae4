#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Debian package from the build tree and installs it into a clean Debian 12 root, then runs the
# installed programs there.
#   deb-install-test.sh CPACK BUILD_DIR VERSION
# The root is made by mmdebstrap (variant "apt": only the Essential packages and apt) from this machine's
# Debian sources, and the package is installed with apt without Recommends, so every library, plugin and
# helper the programs need must come from what the package declares: a missing dependency fails here, where
# on a developer's machine it would be hidden by everything else installed. Nothing runs on the host's
# own root.
#
# Kept under BUILD_DIR/package-test between runs (a cache, safe to delete):
#   debian12-apt-<key>.tar  the clean root, keyed on everything that shapes it; made once (about a minute)
#   apt-archives/           the .debs apt downloaded, so a second run downloads next to nothing
# Exits 77 (CTest: skipped) when not run as root: mmdebstrap's root mode and chroot need it.
set -eu
cpack="$1"
build="$(cd "$2" && pwd)"
version="$3"
here="$(cd "$(dirname "$0")" && pwd)"
suite=bookworm
variant=apt

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: needs root (mmdebstrap makes the Debian 12 root and apt installs into it with chroot)"
    exit 77
fi
for tool in mmdebstrap dpkg-deb unshare chroot sha256sum; do
    command -v "$tool" >/dev/null || { echo "FAIL $tool is missing; scripts/install-deps.sh installs it" >&2; exit 1; }
done

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
fail() { echo "FAIL $*" >&2; exit 1; }
started="$(now)"

work="$build/package-test"
root="$work/root"
mkdir -p "$work"
# The per-run root only ever has mounts inside the private mount namespace below, which ends with it; refuse
# to delete anything that is still a mount point all the same.
remove_root() {
    if grep -qF " $root" /proc/self/mountinfo; then
        echo "$root still has mounts; not removing it" >&2
        return 1
    fi
    rm -rf "$root"
}
trap 'remove_root' EXIT INT TERM
remove_root

# 1. The package, as a release would build it.
step="$(now)"
rm -rf "$work/cpack"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack -G DEB"; }
deb="$(ls "$work"/cpack/*.deb)"
echo "cpack: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB, $(since "$step")"

# What it declares. libqt6core6 is there only if dpkg-shlibdeps ran; the rest are what it cannot see.
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for dep in libqt6core6 libqt6webenginecore6 libqt6keychain1 qt6-qpa-plugins libqt6svg6 libqt6webenginecore6-bin \
           libsecret-1-0 ca-certificates; do
    printf '%s\n' "$depends" | tr ',' '\n' | grep -q "^ *$dep\( \|\$\)" || fail "Depends does not name $dep"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is not $version"
contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
expected="./usr/bin/aries-companion ./usr/bin/aries-mcp ./usr/bin/aries-consent ./usr/bin/aries-sandbox
          ./usr/share/applications/aries-companion.desktop ./usr/share/metainfo/com.aries.companion.metainfo.xml
          ./usr/share/icons/hicolor/scalable/apps/aries-companion.svg"
for size in 48 128 256; do
    # Rendered when the build found rsvg-convert; then the package must carry them.
    [ ! -f "$build/icons/${size}x$size/aries-companion.png" ] ||
        expected="$expected ./usr/share/icons/hicolor/${size}x$size/apps/aries-companion.png"
done
for path in $expected; do
    printf '%s\n' "$contents" | grep -qx "$path" || fail "the package lacks $path"
done

# The desktop entry and AppStream data as installed, checked with the freedesktop and AppStream validators.
rm -rf "$work/extracted"
dpkg-deb -x "$deb" "$work/extracted"
desktop="$work/extracted/usr/share/applications/aries-companion.desktop"
grep -qx 'Exec=aries-companion' "$desktop" || fail "the desktop entry does not start aries-companion"
grep -qx 'Categories=Office;Finance;' "$desktop" || fail "the desktop entry's categories are not Office;Finance;"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate"
    echo "desktop-file-validate: ok"
else
    echo "desktop-file-validate not installed (apt: desktop-file-utils); desktop entry not validated"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$work/extracted/usr/share/metainfo/com.aries.companion.metainfo.xml" >/dev/null ||
        fail "appstreamcli validate"
    echo "appstreamcli validate: ok"
fi

# 2. The clean root, from the Debian entries of this machine's own apt sources (not third-party ones).
sources=""
for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] && grep -v '^[[:space:]]*#' "$file" | grep -q 'debian\.org' && sources="$sources $file"
done
[ -n "$sources" ] || fail "no Debian entries in /etc/apt/sources.list*"
# shellcheck disable=SC2086 # one argument per sources file
key="$( { echo "$suite $variant $(dpkg --print-architecture)"; mmdebstrap --version 2>&1; cat $sources; } |
        sha256sum | cut -c1-16)"
base="$work/debian12-$variant-$key.tar"
step="$(now)"
if [ -f "$base" ]; then
    echo "clean root: cached $(basename "$base")"
else
    rm -f "$work"/debian12-*.tar
    # Package lists are kept, so the install below only has to refresh them.
    # shellcheck disable=SC2086 # one argument per sources file
    mmdebstrap --quiet --mode=root --format=tar --variant="$variant" --skip=cleanup/apt/lists "$suite" "$base.part" $sources ||
        fail "mmdebstrap"
    mv "$base.part" "$base"
    echo "clean root: made $(basename "$base") ($(du -m "$base" | cut -f1) MiB), $(since "$step")"
fi
step="$(now)"
mkdir -p "$root"
tar -xf "$base" -C "$root"
echo "clean root unpacked: $(since "$step")"

# apt in the root keeps what it downloads in the build tree; .debs the host already has are linked in (same
# file system, no copy) so apt need not fetch them. apt checks every file against the archive's hashes.
archives="$work/apt-archives"
mkdir -p "$archives/partial"
cp -ln /var/cache/apt/archives/*.deb "$archives/" 2>/dev/null || true
cp "$deb" "$root/tmp/aries-companion.deb"
cp "$here/in-root-checks.sh" "$root/tmp/in-root-checks.sh"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# 3. Install with apt and run the checks, in a private mount namespace: its mounts vanish with it, whatever
# happens to this script.
step="$(now)"
export root archives version work
# shellcheck disable=SC2016 # the inner shell expands these, from the exported variables
unshare --mount --propagation private sh -eu -c '
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --bind "$archives" "$root/var/cache/apt/archives"
    in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
                DEBIAN_FRONTEND=noninteractive "$@"; }
    # The root is thrown away afterwards, so dpkg need not sync every file it unpacks.
    apt="apt-get -q -o APT::Sandbox::User=root -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-unsafe-io"
    in_root $apt update -qq >/dev/null
    start=$(date +%s)
    in_root $apt install -y -qq --no-install-recommends /tmp/aries-companion.deb >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log" >&2; echo "FAIL apt-get install ./aries-companion.deb" >&2; exit 1; }
    echo "apt-get install: $(grep -c "^Setting up" "$work/apt.log") packages set up, $(( $(date +%s) - start )) s"
    in_root sh /tmp/in-root-checks.sh "$version"
' || fail "install or checks in the clean root"
echo "install and checks in the clean root: $(since "$step")"
echo "PASS the Debian package installs on a clean Debian 12 and its programs run ($(since "$started") in all)"
