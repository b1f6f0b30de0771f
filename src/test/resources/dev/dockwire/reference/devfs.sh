# A container's /dev as runc makes it: the default device nodes with their majors and minors, the links, devpts, mqueue and shm (--shm-size), the terminal under -t, and --device (HostConfig.Devices), run on the reference Docker host and on dockwire by ReferenceScriptsTest.
# Times are cut (the reference host's clock, dockwire's virtual one), and so is the kernel's inode64 option (this host's kernel shows none). ls and find of /dev itself are left out: runc links core -> /proc/kcore only where the kernel has /proc/kcore, as dockwire's Debian 12 kernel does and this host's does not.
docker run --rm alpine sh -c 'ls -l /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty /dev/ptmx /dev/fd /dev/stdin /dev/stdout /dev/stderr | sed -E "s/ [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5} / /"'
docker run --rm alpine sh -c 'ls -l /dev/pts /dev/shm /dev/mqueue; ls -ld /dev/pts /dev/shm /dev/mqueue' | sed -E 's/ [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5} / /'
docker run --rm debian sh -c 'ls -l /dev/null /dev/tty /dev/ptmx /dev/fd /dev/pts /dev/shm' | sed -E 's/ [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5} / /'
docker run --rm -t alpine sh -c 'ls -ln /dev/pts /dev/console' | sed -E 's/ [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5} / /'
docker run --rm -t debian sh -c 'ls -ln /dev/pts /dev/console /dev/tty' | sed -E 's/ [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5} / /'
docker run --rm alpine stat -c '%n %F %t %T %a %U %G %s %h %i' /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty /dev/ptmx /dev/pts/ptmx /dev/shm /dev/pts
docker run --rm debian stat -c '%n %F %t %T %a %U %G %s %h %i' /dev/null /dev/tty /dev/ptmx /dev/fd /dev/pts/ptmx /dev/shm /dev/pts
docker run --rm alpine find /dev/pts /dev/shm /dev/mqueue
docker run --rm -t alpine find /dev/pts
docker run --rm alpine sh -c 'mount | grep " on /dev" | sed s/,inode64//'
docker run --rm alpine df /dev/shm
docker run --rm --shm-size 128m alpine df /dev/shm
docker run --rm --shm-size 1g alpine df -h /dev/shm
docker run --rm alpine sh -c 'echo x > /dev/shm/a; cat /dev/shm/a; mkdir /dev/shm/d; ls /dev/shm; ls -ld /dev/shm | cut -c1-43; df /dev/shm'
docker run --rm alpine sh -c 'head -c 4 /dev/full | od -c'
docker run --rm --device /dev/fuse alpine stat -c '%n %F %t %T %U %G' /dev/fuse
docker run --rm --device /dev/net/tun alpine sh -c 'ls /dev/net; stat -c "%n %F %t %T" /dev/net/tun; ls -ld /dev/net | cut -c1-43'
docker run --rm --device /dev/null:/dev/mynull:r alpine sh -c 'ls -l /dev/mynull | cut -c1-43'
docker run --rm --device /dev/devfs-nope alpine true
docker run --rm --device /dev/null:/dev/mynull:x alpine true
docker run --rm --device /dev/null:mynull alpine true
docker run --rm --device '' alpine true
docker create --name devfs-a --device /dev/fuse --device /dev/null:/dev/n2:rw alpine true
docker inspect -f '{{json .HostConfig.Devices}}' devfs-a
docker inspect -f '{{.HostConfig.Devices}}' devfs-a
docker rm devfs-a
docker create --name devfs-b --device /dev/devfs-nope alpine true
docker start devfs-b
docker rm devfs-b
docker run --rm alpine sh -c 'for t in -c -b -L -h -f -s -e -d; do for f in /dev/null /dev/ptmx /dev/shm /dev/zero /dev/pts/ptmx; do test $t $f && echo "$t $f"; done; done'
docker run --rm debian bash -c 'for f in /dev/null /dev/ptmx /dev/pts; do [[ -c $f ]] && echo "c $f"; [[ -L $f ]] && echo "L $f"; [ -f $f ] || echo "not f $f"; done'
