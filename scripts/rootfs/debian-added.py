#!/usr/bin/env python3
"""Writes docker/engine's rootfs/debian-trixie-added.status and .lists: what dpkg's database holds of the packages
dockwire's apt-get installs in a debian:trixie container (repositories.yaml's curl and iputils-ping closures), from
their real .deb files.

Fetch the .debs from trixie's mirror with a private apt directory (this machine may run another release):
    apt-get -o Dir::Etc::sourcelist=DIR/sources.list -o Dir::State=DIR/state -o Dir::Cache=DIR/cache update
    apt-get (same -o) download curl ... ; scripts/rootfs/debian-added.py DEBDIR src/main/resources/dev/dockwire/docker/engine/rootfs
Each status stanza is the .deb's control file with Status: install ok installed, its fields in the order dpkg writes
/var/lib/dpkg/status (lib/dpkg/parse.c fieldinfos, then the others in the control file's order) and Conffiles with
each file's MD5 from the data archive; each list is the data archive's paths in its order, as dpkg writes PKG.list
("/." for "./", no trailing slash).
With APT_OPTS set to those -o options (and Dir::State::status=rootfs/debian-trixie.status, Acquire::Languages=none as
the image's docker-no-languages has it), also rootfs/debian-trixie-added.show: each package's `apt show` of that
private directory, which is what apt prints there before the package is installed.
"""
import glob, hashlib, io, os, subprocess, sys, tarfile

debdir, out = sys.argv[1], sys.argv[2]
PACKAGES = ("bash-completion ca-certificates curl krb5-locales libbrotli1 libcom-err2 libcurl4t64 libffi8 libgnutls30t64 "
            "libgssapi-krb5-2 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-common libldap2 "
            "libnghttp2-14 libnghttp3-9 libp11-kit0 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules libsasl2-modules-db "
            "libssh2-1t64 libtasn1-6 libunistring5 openssl publicsuffix iputils-ping linux-sysctl-defaults").split()
ORDER = ["Package", "Essential", "Protected", "Status", "Priority", "Section", "Installed-Size", "Origin", "Maintainer",
         "Bugs", "Architecture", "Multi-Arch", "Source", "Version", "Config-Version", "Replaces", "Provides", "Depends",
         "Pre-Depends", "Recommends", "Suggests", "Breaks", "Conflicts", "Enhances", "Conffiles", "Description"]


def fields(text):
    """The control file's fields in order, each with its continuation lines."""
    out = []
    for line in text.rstrip("\n").split("\n"):
        if line.startswith((" ", "\t")):
            out[-1][1] += "\n" + line
        else:
            k, v = line.split(":", 1)
            out.append([k, v.strip()])
    return out


def tar(deb, part):
    raw = subprocess.run(["dpkg-deb", "--" + part + "-tarfile", deb], check=True, capture_output=True).stdout
    return tarfile.open(fileobj=io.BytesIO(raw))


status, lists = [], []
for name in sorted(PACKAGES):
    deb, = [d for d in glob.glob(os.path.join(debdir, name + "_*.deb"))]
    control = fields(subprocess.run(["dpkg-deb", "-f", deb], check=True, capture_output=True, text=True).stdout)
    data = tar(deb, "fsys")
    members = data.getmembers()
    ctrl = tar(deb, "ctrl")
    conffiles = []
    try:
        listed = ctrl.extractfile("./conffiles").read().decode().split()
    except KeyError:
        listed = []
    for path in listed:
        f = data.extractfile("." + path)
        conffiles.append(" " + path + " " + hashlib.md5(f.read()).hexdigest())
    control.insert(1, ["Status", "install ok installed"])
    if conffiles:
        control.append(["Conffiles", "\n" + "\n".join(conffiles)])
    known = sorted([f for f in control if f[0] in ORDER], key=lambda f: ORDER.index(f[0]))
    other = [f for f in control if f[0] not in ORDER]
    status.append("\n".join(k + ":" + ("" if v.startswith("\n") else " ") + v for k, v in known + other) + "\n")
    lists.append("@" + name)
    for m in members:
        p = m.name[1:].rstrip("/")
        lists.append(p if p else "/.")

head = ("# dpkg's /var/lib/dpkg/status stanzas of the packages dockwire's apt-get installs in debian:trixie, written by\n"
        "# scripts/rootfs/debian-added.py from trixie's .debs (mirror of December 2026)\n")
with open(os.path.join(out, "debian-trixie-added.status"), "w") as f:
    f.write(head + "\n" + "\n".join(status))
with open(os.path.join(out, "debian-trixie-added.lists"), "w") as f:
    f.write("# Each package's file list (/var/lib/dpkg/info/PKG.list) as dpkg writes it from the .deb's data archive,\n"
            "# written by scripts/rootfs/debian-added.py from trixie's .debs (mirror of December 2026)\n")
    f.write("\n".join(lists) + "\n")

if os.environ.get("APT_OPTS"):
    shows = []
    for name in sorted(PACKAGES):
        text = subprocess.run(["apt"] + os.environ["APT_OPTS"].split() + ["show", name], check=True, capture_output=True,
                              text=True).stdout
        shows.append(text.strip("\n") + "\n")
    with open(os.path.join(out, "debian-trixie-added.show"), "w") as f:
        f.write("# `apt show PACKAGE` of the packages in debian-trixie-added.status, run over trixie's December 2026 lists with\n"
                "# the image's dpkg status (scripts/rootfs/debian-added.py) by this machine's apt 2.6; the container's apt 3.0 is not compared\n\n")
        f.write("\n".join(shows))
