# tmpfs mounts: --tmpfs PATH[:OPTIONS] (HostConfig.Tmpfs) and --mount type=tmpfs (a MountPoint), run on the reference Docker host and on dockwire by ReferenceScriptsTest.
# The kernel's inode64 option is cut: this host's kernel shows none, dockwire's Debian 12 kernel does.
docker run --rm --mount type=tmpfs,destination=/t,tmpfs-size=1m alpine df -h /t
docker run --rm --mount type=tmpfs,destination=/t,tmpfs-size=1m,tmpfs-mode=1777 alpine sh -c 'ls -ld /t | awk "{print \$1, \$2, \$3, \$4, \$5, \$9}"; grep " /t " /proc/mounts | sed s/,inode64//'
docker run --rm --tmpfs /t:size=2m,mode=1770 alpine sh -c 'df -h /t; ls -ld /t | awk "{print \$1, \$2, \$3, \$4, \$5, \$9}"; grep " /t " /proc/mounts | sed s/,inode64//'
docker run --rm --tmpfs /t alpine sh -c 'ls -ld /t | awk "{print \$1, \$2, \$5}"; echo hi > /t/f; cat /t/f; mkdir /t/d; ls /t; ls -ld /t | awk "{print \$1, \$2, \$5}"'
docker run --rm --tmpfs /t:ro alpine sh -c 'touch /t/f; grep " /t " /proc/mounts | sed s/,inode64//'
docker run --rm --mount type=tmpfs,dst=/t,tmpfs-mode=0700 alpine sh -c 'ls -ld /t | awk "{print \$1, \$5}"; grep " /t " /proc/mounts | sed s/,inode64//'
docker run --rm --mount type=tmpfs,destination=/t,tmpfs-size=-1 alpine true
docker run --name dwref-tmpfs --tmpfs /run:size=64k --mount type=tmpfs,dst=/cache alpine true
docker inspect -f '{{json .HostConfig.Tmpfs}} {{len .Mounts}} {{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}}{{end}}' dwref-tmpfs
docker rm dwref-tmpfs
