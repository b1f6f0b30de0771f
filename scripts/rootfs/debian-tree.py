#!/usr/bin/env python3
"""Writes docker/engine's rootfs/debian-trixie.tree (and the dpkg data beside it) from a real trixie root file system.

Make the root as the official image's debuerreotype does, then run this on it:
    debootstrap --variant=minbase --arch=amd64 trixie ROOT http://deb.debian.org/debian
    echo EPOCH > ROOT/debuerreotype-epoch    # the image's Created date (images.yaml's published debian)
    debuerreotype-minimizing-config ROOT; debuerreotype-fixup ROOT
    scripts/rootfs/debian-tree.py ROOT src/main/resources/dev/dockwire/docker/engine/rootfs
and for the -slim variant the server images build on, debuerreotype-slimify ROOT2 on a copy, then
    scripts/rootfs/debian-tree.py ROOT2 src/main/resources/dev/dockwire/docker/engine/rootfs debian-trixie-slim
What debuerreotype-debian-sources-list and its tar step (.tar-exclude) would do without the network is done here:
the deb822 sources file, the excluded caches, lists and logs; /dev, /proc and /sys are empty (Docker mounts its
own), /etc/hostname, /etc/hosts and /etc/resolv.conf are Docker's (bind-mounted), not the image's.
"""
import os, stat, sys

root, out = sys.argv[1], sys.argv[2]
NAME = sys.argv[3] if len(sys.argv) > 3 else "debian-trixie"  # debian-trixie-slim: a root debuerreotype-slimify went over
EPOCH_DAY = "20260824T000000Z"
EXCLUDE_PREFIX = ("dev/", "proc/", "sys/", "debootstrap/", "var/lib/apt/lists/deb.", "var/cache/apt/archives/",
                  "var/log/apt/history.log", "var/log/apt/term.log")
EXCLUDE = {"debuerreotype-epoch", "etc/hostname", "etc/hosts", "etc/resolv.conf", "var/cache/apt/pkgcache.bin",
           "var/cache/apt/srcpkgcache.bin", "var/lib/systemd/catalog/database", "etc/apt/apt.conf.d/01autoremove-kernels",
           "var/cache/ldconfig/aux-cache", "etc/apt/sources.list",
           "etc/apt/sources.list.d/debian.sources"}
KEEP = {"var/cache/apt/archives/partial"}
SOURCES = """Types: deb
# http://snapshot.debian.org/archive/debian/{day}
URIs: http://deb.debian.org/debian
Suites: trixie trixie-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.pgp

Types: deb
# http://snapshot.debian.org/archive/debian-security/{day}
URIs: http://deb.debian.org/debian-security
Suites: trixie-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.pgp
""".format(day=EPOCH_DAY)
# The /etc files whose text the tree's resource directory keeps (what tutorials cat), besides ImageFiles' own.
TEXTS = ["etc/issue", "etc/issue.net", "etc/shells", "etc/nsswitch.conf", "etc/host.conf", "etc/profile", "etc/bash.bashrc",
         "etc/fstab", "etc/environment", "etc/debconf.conf", "etc/ld.so.conf", "etc/ld.so.conf.d/libc.conf",
         "etc/ld.so.conf.d/x86_64-linux-gnu.conf", "etc/adduser.conf", "etc/apt/sources.list.d/debian.sources",
         "etc/apt/apt.conf.d/docker-clean", "etc/apt/apt.conf.d/docker-autoremove-suggests",
         "etc/apt/apt.conf.d/docker-gzip-indexes", "etc/apt/apt.conf.d/docker-no-languages",
         "etc/dpkg/dpkg.cfg.d/docker-apt-speedup", "etc/subuid", "etc/subgid", "etc/timezone", "etc/motd", "etc/xattr.conf",
         "etc/gai.conf", "etc/login.defs", "etc/skel/.bashrc", "etc/skel/.profile", "etc/skel/.bash_logout", "etc/deluser.conf"]

lines = []
texts = {}
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for name in [None] + sorted(dirnames + filenames):
        full = dirpath if name is None else os.path.join(dirpath, name)
        if name is None and dirpath != root:
            continue
        rel = os.path.relpath(full, root)
        if rel != "." and rel not in KEEP and (rel in EXCLUDE or rel.startswith(EXCLUDE_PREFIX)):
            continue
        assert " " not in rel, rel
        st = os.lstat(full)
        mode = stat.S_IMODE(st.st_mode)
        if stat.S_ISLNK(st.st_mode):
            target = os.readlink(full)
            lines.append("l 777 %d %d %d %s %s" % (st.st_uid, st.st_gid, len(target.encode()), rel, target))
        elif stat.S_ISDIR(st.st_mode):
            lines.append("d %o %d %d 4096 %s" % (mode, st.st_uid, st.st_gid, rel))
        elif stat.S_ISREG(st.st_mode):
            size = st.st_size
            if rel == "etc/machine-id":
                size = 0
            lines.append("f %o %d %d %d %s" % (mode, st.st_uid, st.st_gid, size, rel))
            if rel in TEXTS:
                texts[rel] = open(full, "rb").read()
lines.append("f 644 0 0 %d etc/apt/sources.list.d/debian.sources" % len(SOURCES.encode()))
texts["etc/apt/sources.list.d/debian.sources"] = SOURCES.encode()
lines.sort(key=lambda l: l.split(" ")[5])
# F: a regular file whose text lies beside the tree (rootfs/debian-trixie/PATH), read into the image's layer.
lines = ["F" + l[1:] if l.startswith("f ") and (l.split(" ")[5] in texts
         or os.path.exists(os.path.join(out, "debian-trixie", l.split(" ")[5]))) else l for l in lines]
header = "@texts debian-trixie\n" + ("# debian:trixie-slim's""" if NAME.endswith("slim") else "# debian:trixie's") + """ root file system (docker.engine.ImageTree): TYPE MODE UID GID SIZE PATH [TARGET]; type F: a file
# whose text lies in rootfs/debian-trixie/PATH.
# Made by scripts/rootfs/debian-tree.py from a real debootstrap --variant=minbase of trixie (deb.debian.org, December
# 2026) with debuerreotype's minimizing-config and fixup applied, as the official image is built; its sources, excluded
# caches and logs as debuerreotype's sources-list and tar steps leave them. Package versions may be a point release
# newer than the catalogue's image (its dpkg -l is repositories.yaml's table).
""" + ("# The slim variant: debuerreotype-slimify's excludes removed (/usr/share/doc but copyright, man, info, locale).\n"
       if NAME.endswith("slim") else "")
with open(os.path.join(out, NAME + ".tree"), "w") as f:
    f.write(header + "\n".join(lines) + "\n")
for rel, data in texts.items():
    dest = os.path.join(out, "debian-trixie", rel)
    if os.path.exists(dest):
        continue  # ImageFiles' own text of it (os-release, debian_version) stays
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    open(dest, "wb").write(data)
if NAME != "debian-trixie":
    print(len(lines), "entries")
    sys.exit(0)
# dpkg -L: each package's .list as dpkg wrote it; dpkg -s: its status stanza (Version replaced by repositories.yaml's).
info = os.path.join(root, "var/lib/dpkg/info")
with open(os.path.join(out, "debian-trixie.lists"), "w") as f:
    f.write("# Each package's file list (/var/lib/dpkg/info/PKG.list) of the root scripts/rootfs/debian-tree.py read.\n")
    for name in sorted(os.listdir(info)):
        if name.endswith(".list"):
            f.write("@" + name[:-5] + "\n" + open(os.path.join(info, name)).read())
with open(os.path.join(out, "debian-trixie.status"), "w") as f:
    f.write(open(os.path.join(root, "var/lib/dpkg/status")).read())
print(len(lines), "entries,", len(texts), "texts")
