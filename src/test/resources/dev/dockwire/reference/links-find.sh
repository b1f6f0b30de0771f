# find's actions and xargs's options in a container (BusyBox find -exec ';' and '+', -print0, -maxdepth; xargs -n, -I, -0, -r, -t), alpine's and ubuntu's (findutils, -delete: the stand-in's BusyBox lacks it). Names prefixed links-.
@docker rm -f links-f links-g >/dev/null 2>&1
docker run -d --name links-f alpine sleep 600
docker exec links-f sh -c 'mkdir -p /w/a/b; echo 1 > /w/one.log; echo 2 > /w/a/two.log; echo 3 > /w/a/b/three.txt; echo done'
docker exec links-f sh -c "find /w -name '*.log' -exec cat {} ';' | sort"
docker exec links-f find /w -name 'one*' -exec echo found {} +
docker exec links-f sh -c "find /w -type f -exec echo '[{}]' ';' | sort"
docker exec links-f sh -c 'find /w -name "*.log" | sort | xargs cat'
docker exec links-f sh -c 'find /w -type f | sort | xargs -n 1 echo got'
docker exec links-f sh -c 'find /w -type f | sort | xargs -I {} echo "<{}>"'
docker exec links-f sh -c 'find /w -name "*.log" -print0 | xargs -0 -n 1 echo item | sort'
docker exec links-f sh -c 'find /w -name "one*" -print0 | od -c'
docker exec links-f sh -c 'printf "" | xargs echo empty; printf "" | xargs -r echo never; echo rc=$?'
docker exec links-f sh -c 'echo a b c | xargs -t -n 2 echo 2>&1'
docker exec links-f sh -c 'find /w -maxdepth 1 | sort'
docker exec links-f find /w -exec
docker exec links-f find /w -exec false {} +
docker exec links-f find /w -exec false {} ';'
docker exec links-f ls /w
docker exec links-f sh -c 'echo x > /tmp/q; ln -s /tmp/q /tmp/ql; find /tmp -name "q*" | sort | xargs ls -l | awk "{print \$1, \$9, \$10, \$11}"'
docker rm -f links-f
docker run -d --name links-g ubuntu sleep 600
docker exec links-g bash -c 'mkdir -p /w/a; echo 1 > /w/one.log; echo 2 > /w/a/two.log; echo done'
docker exec links-g find /w -name 'one*' -exec echo found {} +
docker exec links-g bash -c 'find /w -type f -exec echo "[{}]" \; | sort'
docker exec links-g find /w -exec
docker exec links-g find /w -exec false {} +
docker exec links-g bash -c 'printf "" | xargs echo empty; printf "" | xargs -r echo never; echo rc=$?'
docker exec links-g bash -c 'echo a b c | xargs -t -n 2 echo 2>&1'
docker exec links-g bash -c 'find /w -name "*.log" -print0 | sort -z | xargs -0 -n 1 echo item'
docker exec links-g bash -c 'find /w -name "*.log" -delete; find /w | sort'
docker rm -f links-g
