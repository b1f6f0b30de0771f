#!/usr/bin/env python3
"""Writes docker/engine's rootfs/alpine.tree and rootfs/alpine.packages (alpine:3.24's root file system and apk's
database of it). Alpine's mirror is not reachable here, so the lists are written from public sources, named in the
resources' headers: each package's files as apk's database lists them (a trivy scan of an alpine 3.23.4 image,
nmaguiar/docker-openvpn .github/sec-build.yaml, its InstalledFiles in apk's order), their versions as an SBOM of an
alpine 3.24.1 image names them (rezmoss/awesome-security-pipeline's SBOM benchmark; musl, scanelf and zlib 3.23.4's),
the directories alpine-baselayout's APKBUILD makes (aports main/alpine-baselayout) and the links busybox's trigger
makes (busybox --install -s: busybox-paths.txt). Sizes of texts are their own; of binaries, estimates.
Run: scripts/rootfs/alpine-tree.py src/main/resources/dev/dockwire/docker/engine/rootfs
"""
import os, sys

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
busybox_paths = os.path.join(here, "../../src/main/resources/dev/dockwire/docker/busybox-paths.txt")
texts_dir = os.path.join(out, "alpine")

# name, version, description (APKINDEX T:), files in apk's database order (links as "path -> target")
PACKAGES = [
    ("alpine-baselayout-data", "3.7.2-r1", "Alpine base dir structure and init scripts", [
        "etc/fstab", "etc/group", "etc/hostname", "etc/hosts", "etc/inittab", "etc/modules", "etc/mtab -> ../proc/mounts",
        "etc/nsswitch.conf", "etc/passwd", "etc/profile", "etc/protocols", "etc/services", "etc/shadow", "etc/shells",
        "etc/sysctl.conf"]),
    ("musl", "1.2.5-r23", "the musl c library (libc) implementation", [
        "lib/ld-musl-x86_64.so.1", "lib/libc.musl-x86_64.so.1 -> ld-musl-x86_64.so.1"]),
    ("busybox", "1.37.0-r31", "Size optimized toolbox of many common UNIX utilities", [
        "bin/busybox", "etc/securetty", "etc/busybox-paths.d/busybox", "etc/logrotate.d/acpid", "etc/network/if-up.d/dad",
        "etc/udhcpc/udhcpc.conf", "usr/share/udhcpc/default.script"]),
    ("busybox-binsh", "1.37.0-r31", "busybox ash /bin/sh", ["bin/sh -> /bin/busybox"]),
    ("alpine-baselayout", "3.7.2-r1", "Alpine base dir structure and init scripts", [
        "etc/motd", "etc/crontabs/root", "etc/modprobe.d/aliases.conf", "etc/modprobe.d/blacklist.conf",
        "etc/modprobe.d/i386.conf", "etc/profile.d/20locale.sh", "etc/profile.d/README",
        "etc/profile.d/color_prompt.sh.disabled", "usr/lib/sysctl.d/00-alpine.conf", "var/lock -> ../run/lock",
        "var/run -> ../run", "var/spool/mail -> ../mail", "var/spool/cron/crontabs -> ../../../etc/crontabs"]),
    ("alpine-keys", "2.6-r0", "Public keys for Alpine Linux packages", [
        "etc/apk/keys/alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub",
        "etc/apk/keys/alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub",
        "etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub"] + [
        "usr/share/apk/keys/alpine-devel@lists.alpinelinux.org-%s.rsa.pub" % k for k in (
            "4a6a0840", "5243ef4b", "524d27bb", "5261cecb", "58199dcc", "58cbb476", "58e4f17d", "5e69ca50", "60ac2099",
            "6165ee59", "61666e3f", "616a9724", "616abc23", "616ac3bc", "616adfeb", "616ae350", "616db30d", "66ba20fe")] + [
        "usr/share/apk/keys/%s/alpine-devel@lists.alpinelinux.org-%s.rsa.pub" % a for a in (
            ("aarch64", "58199dcc"), ("aarch64", "616ae350"), ("armhf", "524d27bb"), ("armhf", "616a9724"),
            ("armv7", "524d27bb"), ("armv7", "616adfeb"), ("loongarch64", "66ba20fe"), ("mips64", "5e69ca50"),
            ("ppc64le", "58cbb476"), ("ppc64le", "616abc23"), ("riscv64", "60ac2099"), ("riscv64", "616db30d"),
            ("s390x", "58e4f17d"), ("s390x", "616ac3bc"), ("x86", "4a6a0840"), ("x86", "5243ef4b"), ("x86", "61666e3f"),
            ("x86_64", "4a6a0840"), ("x86_64", "5261cecb"), ("x86_64", "6165ee59"))]),
    ("alpine-release", "3.24.2-r0", "Alpine release data", [
        "etc/alpine-release", "etc/issue", "etc/os-release -> ../usr/lib/os-release", "etc/secfixes.d/alpine",
        "usr/lib/os-release"]),
    ("ca-certificates-bundle", "20260611-r0", "Pre generated bundle of Mozilla certificates", [
        "etc/ssl/cert.pem -> certs/ca-certificates.crt", "etc/ssl/certs/ca-certificates.crt",
        "etc/ssl1.1/cert.pem -> /etc/ssl/cert.pem", "etc/ssl1.1/certs -> /etc/ssl/certs"]),
    ("libcrypto3", "3.5.7-r0", "Crypto library from openssl", [
        "etc/ssl/ct_log_list.cnf", "etc/ssl/ct_log_list.cnf.dist", "etc/ssl/openssl.cnf", "etc/ssl/openssl.cnf.dist",
        "usr/lib/libcrypto.so.3", "usr/lib/engines-3/afalg.so", "usr/lib/engines-3/capi.so",
        "usr/lib/engines-3/loader_attic.so", "usr/lib/engines-3/padlock.so", "usr/lib/ossl-modules/legacy.so"]),
    ("libssl3", "3.5.7-r0", "SSL shared libraries", ["usr/lib/libssl.so.3"]),
    ("ssl_client", "1.37.0-r31", "EXternal ssl_client for busybox wget", ["usr/bin/ssl_client"]),
    ("zlib", "1.3.2-r0", "A compression/decompression Library", ["usr/lib/libz.so.1 -> libz.so.1.3.2", "usr/lib/libz.so.1.3.2"]),
    ("libapk", "3.0.6-r0", "Alpine Package Keeper - shared library", ["usr/lib/libapk.so.3.0.0"]),
    ("apk-tools", "3.0.6-r0", "Alpine Package Keeper - package manager for alpine", ["sbin/apk"]),
    ("scanelf", "1.3.8-r2", "Scan ELF binaries for stuff", ["usr/bin/scanelf"]),
    ("musl-utils", "1.2.5-r23", "the musl c library (libc) implementation", [
        "sbin/ldconfig", "usr/bin/getconf", "usr/bin/getent", "usr/bin/iconv", "usr/bin/ldd"]),
]
# Each package's origin (its aport) and license, as the same trivy scan lists them (SrcName, Licenses).
ORIGIN = {"alpine-baselayout": ("alpine-baselayout", "GPL-2.0-only"), "alpine-baselayout-data": ("alpine-baselayout", "GPL-2.0-only"),
          "alpine-keys": ("alpine-keys", "MIT"), "alpine-release": ("alpine-base", "MIT"), "apk-tools": ("apk-tools", "GPL-2.0-only"),
          "busybox": ("busybox", "GPL-2.0-only"), "busybox-binsh": ("busybox", "GPL-2.0-only"),
          "ca-certificates-bundle": ("ca-certificates", "MPL-2.0 AND MIT"), "libapk": ("apk-tools", "GPL-2.0-only"),
          "libcrypto3": ("openssl", "Apache-2.0"), "libssl3": ("openssl", "Apache-2.0"), "musl": ("musl", "MIT"),
          "musl-utils": ("musl", "MIT AND BSD-2-Clause AND GPL-2.0-or-later"), "scanelf": ("pax-utils", "GPL-2.0-only"),
          "ssl_client": ("busybox", "GPL-2.0-only"), "zlib": ("zlib", "Zlib")}
# Estimated sizes of files whose text is not kept (binaries, keys, long tables), in bytes.
SIZES = {"bin/busybox": 808712, "lib/ld-musl-x86_64.so.1": 657560, "sbin/apk": 104888, "usr/lib/libapk.so.3.0.0": 259976,
         "usr/lib/libcrypto.so.3": 4715528, "usr/lib/libssl.so.3": 784584, "usr/lib/libz.so.1.3.2": 100072,
         "usr/bin/scanelf": 71376, "usr/bin/ssl_client": 14272, "usr/bin/getconf": 35048, "usr/bin/getent": 47856,
         "usr/bin/iconv": 23320, "usr/bin/ldd": 53, "sbin/ldconfig": 393, "etc/ssl/certs/ca-certificates.crt": 219342,
         "usr/lib/engines-3/afalg.so": 14272, "usr/lib/engines-3/capi.so": 14264, "usr/lib/engines-3/loader_attic.so": 59456,
         "usr/lib/engines-3/padlock.so": 14264, "usr/lib/ossl-modules/legacy.so": 116320, "etc/ssl/openssl.cnf": 12411,
         "etc/ssl/openssl.cnf.dist": 12411, "etc/ssl/ct_log_list.cnf": 412, "etc/ssl/ct_log_list.cnf.dist": 412,
         "etc/services": 12813, "etc/protocols": 3164, "etc/inittab": 570, "etc/profile": 1409, "etc/securetty": 38,
         "etc/busybox-paths.d/busybox": 3456, "etc/logrotate.d/acpid": 89, "etc/network/if-up.d/dad": 775,
         "etc/udhcpc/udhcpc.conf": 283, "usr/share/udhcpc/default.script": 3728, "etc/modprobe.d/aliases.conf": 1545,
         "etc/modprobe.d/blacklist.conf": 1867, "etc/modprobe.d/i386.conf": 44, "etc/profile.d/20locale.sh": 59,
         "etc/profile.d/README": 295, "etc/profile.d/color_prompt.sh.disabled": 172, "usr/lib/sysctl.d/00-alpine.conf": 1278,
         "etc/secfixes.d/alpine": 154, "etc/crontabs/root": 283, "lib/apk/db/installed": 14826, "lib/apk/db/triggers": 63,
         "lib/apk/db/scripts.tar.gz": 573}
KEY = 451  # an RSA public key's PEM, as alpine-keys ships them
# alpine-baselayout's directories (its APKBUILD's install -d list as of 3.7, trimmed to what the image shows) and the
# directories apk itself keeps; mode other than 0755 noted
DIRS = ["bin", "dev", "etc", "etc/apk", "etc/apk/keys", "etc/apk/protected_paths.d", "etc/busybox-paths.d", "etc/crontabs",
        "etc/logrotate.d", "etc/modprobe.d", "etc/modules-load.d", "etc/network", "etc/network/if-down.d",
        "etc/network/if-post-down.d", "etc/network/if-post-up.d", "etc/network/if-pre-down.d", "etc/network/if-pre-up.d",
        "etc/network/if-up.d", "etc/opt", "etc/periodic", "etc/periodic/15min", "etc/periodic/daily", "etc/periodic/hourly",
        "etc/periodic/monthly", "etc/periodic/weekly", "etc/profile.d", "etc/secfixes.d", "etc/ssl", "etc/ssl/certs",
        "etc/ssl/misc", "etc/ssl/private", "etc/ssl1.1", "etc/sysctl.d", "etc/udhcpc", "home", "lib", "lib/apk",
        "lib/apk/db", "lib/firmware", "lib/modules-load.d", "media", "media/cdrom", "media/floppy", "media/usb", "mnt",
        "opt", "proc", "root:700", "run", "run/lock", "sbin", "srv", "sys", "tmp:1777", "usr", "usr/bin", "usr/lib",
        "usr/lib/engines-3", "usr/lib/modules-load.d", "usr/lib/ossl-modules", "usr/lib/sysctl.d", "usr/local",
        "usr/local/bin", "usr/local/lib", "usr/local/share", "usr/sbin", "usr/share", "usr/share/apk",
        "usr/share/apk/keys", "usr/share/man", "usr/share/misc", "usr/share/udhcpc", "var", "var/cache",
        "var/cache/apk", "var/cache/misc", "var/empty:555", "var/lib", "var/lib/misc", "var/lib/udhcpd", "var/local",
        "var/log", "var/mail", "var/opt", "var/spool", "var/spool/cron", "var/tmp:1777"]
MODES = {"etc/shadow": (0o640, 0, 42), "etc/crontabs/root": (0o600, 0, 0), "sbin/ldconfig": (0o755, 0, 0),
         "usr/bin/ldd": (0o755, 0, 0), "lib/ld-musl-x86_64.so.1": (0o755, 0, 0), "etc/network/if-up.d/dad": (0o775, 0, 0),
         "usr/share/udhcpc/default.script": (0o755, 0, 0), "lib/apk/db/lock": (0o600, 0, 0)}
EXTRA_FILES = ["etc/apk/arch", "etc/apk/repositories", "etc/apk/world", "lib/apk/db/installed", "lib/apk/db/lock",
               "lib/apk/db/scripts.tar.gz", "lib/apk/db/triggers"]

nodes = {}
for d in DIRS:
    path, _, mode = d.partition(":")
    nodes[path] = "d %s 0 0 4096 %s" % (mode or "755", path)
    parts = path.split("/")
    for i in range(1, len(parts)):
        nodes.setdefault("/".join(parts[:i]), "d 755 0 0 4096 " + "/".join(parts[:i]))
for p in PACKAGES:
    assert len(p) == 4, p[:2]
files = [f for _, _, _, fs in PACKAGES for f in fs] + EXTRA_FILES
for line in open(busybox_paths):
    if not line.startswith("#") and line.strip() and line.strip() != "bin/busybox":
        files.append(line.strip() + " -> /bin/busybox")
for f in files:
    path, _, target = f.partition(" -> ")
    if path in nodes:
        continue
    parts = path.split("/")
    for i in range(1, len(parts)):
        nodes.setdefault("/".join(parts[:i]), "d 755 0 0 4096 " + "/".join(parts[:i]))
    if target:
        nodes[path] = "l 777 0 0 %d %s %s" % (len(target), path, target)
        continue
    mode, uid, gid = MODES.get(path, (0o755 if path.split("/")[0] in ("bin", "sbin") else 0o644, 0, 0))
    text = os.path.join(texts_dir, path)
    if os.path.exists(text):
        nodes[path] = "F %o %d %d %d %s" % (mode, uid, gid, os.path.getsize(text), path)
    else:
        size = SIZES.get(path, KEY if path.endswith(".rsa.pub") else 0)
        nodes[path] = "f %o %d %d %d %s" % (mode, uid, gid, size, path)
with open(os.path.join(out, "alpine.tree"), "w") as f:
    src = __doc__.split("Run:")[0].split("database of it). ", 1)[1].strip().replace("\n", "\n# ")
    f.write("# alpine:3.24's root file system (docker.engine.ImageTree): TYPE MODE UID GID SIZE PATH [TARGET]; F: a file\n"
            "# whose text lies in rootfs/alpine/PATH. " + src + "\n")
    f.write("d 755 0 0 4096 .\n" + "\n".join(nodes[p] for p in sorted(nodes)) + "\n")
with open(os.path.join(out, "alpine.packages"), "w") as f:
    f.write("# apk's database of alpine:3.24 (docker.engine.ApkDatabase): @NAME|VERSION|ORIGIN|LICENSE|DESCRIPTION, then its files in\n"
            "# apk's order; packages in the order apk installed them (dependencies first: an estimate of the image's own order).\n"
            "# Written by scripts/rootfs/alpine-tree.py from the sources alpine.tree's header names.\n")
    for name, version, desc, fs in PACKAGES:
        f.write("@%s|%s|%s|%s|%s\n" % (name, version, ORIGIN[name][0], ORIGIN[name][1], desc))
        for p in fs:
            f.write(p.partition(" -> ")[0] + "\n")
print(len(nodes), "entries")
