# Symbolic and hard links in a container's writable layer (BusyBox ln, readlink, realpath, ls -l, cat, rm, stat, find), docker diff of them. Names prefixed links-.
@docker rm -f links-a >/dev/null 2>&1
docker run -d --name links-a alpine sleep 600
docker exec links-a sh -c 'echo hello > /tmp/f; ln -s /tmp/f /tmp/abs; ln -s f /tmp/rel; ln -s /nowhere /tmp/dang; echo $?'
docker exec links-a sh -c 'ls -l /tmp | sed 1d | awk "{print \$1, \$2, \$5, \$9, \$10, \$11}"'
docker exec links-a cat /tmp/abs /tmp/rel
docker exec links-a cat /tmp/dang
docker exec links-a readlink /tmp/abs
docker exec links-a readlink /tmp/dang
docker exec links-a readlink /tmp/abs /tmp/rel
docker exec links-a readlink -f /tmp/rel
docker exec links-a realpath /tmp/rel
docker exec links-a readlink /tmp/f
docker exec links-a ln -s /tmp/f /tmp/abs
docker exec links-a ln -sf /etc/hostname /tmp/abs
docker exec links-a readlink /tmp/abs
docker exec links-a sh -c 'mkdir /tmp/d; ln -s /tmp/f /tmp/d; ls /tmp/d; readlink /tmp/d/f'
docker exec links-a ln /tmp/missing /tmp/h
docker exec links-a ln -s
docker exec links-a sh -c 'ln /tmp/f /tmp/h; ls -l /tmp/f /tmp/h | awk "{print \$1, \$2, \$5, \$9}"; echo more >> /tmp/h; cat /tmp/f'
docker exec links-a sh -c 'ls -i /tmp/f /tmp/h | awk "{print \$2}"; [ "$(stat -c %i /tmp/f)" = "$(stat -c %i /tmp/h)" ] && echo same-inode'
docker exec links-a stat -c '%F %s %N' /tmp/rel /tmp/f
docker exec links-a sh -c 'ls -lL /tmp/rel | awk "{print \$1, \$5}"'
docker exec links-a sh -c 'find /tmp -type l | sort'
docker exec links-a find -L /tmp -type l
docker exec links-a sh -c 'find /tmp -maxdepth 1 -type f | sort'
docker exec links-a sh -c 'rm /tmp/rel; ls /tmp; cat /tmp/f'
docker exec links-a sh -c 'cp /tmp/abs /tmp/copy; ls -l /tmp/copy | awk "{print \$1, \$5}"; cp -P /tmp/dang /tmp/dcopy; readlink /tmp/dcopy; mv /tmp/dcopy /tmp/moved; readlink /tmp/moved'
docker diff links-a | sort
docker rm -f links-a
@docker rm -f links-u >/dev/null 2>&1
docker run -d --name links-u ubuntu sleep 600
docker exec links-u bash -c 'echo hi > /tmp/f; ln -s /tmp/f /tmp/s; ln /tmp/f /tmp/h; ls -l /tmp | sed 1d | awk "{print \$1, \$2, \$5, \$9, \$10, \$11}"'
docker exec links-u ln -s /tmp/f /tmp/s
docker exec links-u ln /tmp/f /tmp/h
docker exec links-u ln /tmp/missing /tmp/x
docker exec links-u ln -s
docker exec links-u readlink /tmp/s /tmp/f /tmp/s
docker exec links-u cat /tmp/nowhere-link
docker exec links-u bash -c 'ln -s /nowhere /tmp/dang; cat /tmp/dang; stat -c "%F %s %N" /tmp/s /tmp/dang /tmp/f'
docker exec links-u ln /tmp /tmp/dirlink
docker rm -f links-u
