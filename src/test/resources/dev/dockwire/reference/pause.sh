# docker pause and unpause (moby daemon/pause.go, unpause.go; the cgroup freezer), run on the reference
# Docker host and on dockwire by ReferenceScriptsTest. A paused container's processes stop (its ping
# prints nothing, its web server answers nothing) while its namespace's kernel side goes on: pings to
# it are answered, and a request waits until the unpause (docker top shows its wget still there).
# Left out where Docker 20.10 and 28 word it differently (pause of a stopped container, rm of a
# paused one: PauseEndToEndTest holds 28's texts).
@docker network create dwref-pn
docker run -d --name dwref-ping --network dwref-pn busybox ping 127.0.0.1
@docker run -d --name dwref-web --network dwref-pn nginx
@docker run -d --name dwref-c --network dwref-pn alpine sleep 300
sleep 2
docker pause dwref-ping dwref-web
docker ps --filter name=dwref-ping --format '{{.Names}} {{.Status}} {{.State}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' dwref-ping
docker ps --filter status=paused --filter name=dwref- --format '{{.Names}}'
docker ps --filter status=running --filter name=dwref- --format '{{.Names}}'
sleep 3
docker logs --since 2s dwref-ping
docker run --rm --network dwref-pn busybox ping -c 1 -W 2 dwref-web | tail -2
docker exec -d dwref-c wget -q -O /dev/null http://dwref-web/
sleep 2
docker top dwref-c | grep -c wget
docker exec dwref-ping echo hi
docker attach dwref-ping
docker pause dwref-web
docker unpause dwref-web dwref-nosuch
sleep 1
docker top dwref-c | grep -c wget
docker unpause dwref-web
docker stop dwref-web
docker ps -a --filter name=dwref-web --format '{{.Names}} {{.Status}}'
docker unpause dwref-ping
sleep 2
docker logs --since 2s dwref-ping | head -1 | sed 's/seq=.*/seq=N/'
docker exec dwref-ping echo hi
docker inspect -f '{{.State.Status}} {{.State.Paused}}' dwref-ping
docker pause dwref-ping
docker kill dwref-ping
docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.ExitCode}}' dwref-ping
docker unpause dwref-ping
docker run -d --name dwref-sl busybox sleep 300
docker pause dwref-sl
docker stop -t 1 dwref-sl
docker ps -a --filter name=dwref-sl --format '{{.Names}} {{.Status}}'
docker run -d --name dwref-f busybox sleep 300
docker pause dwref-f
docker rm -f dwref-f
@docker rm -f dwref-ping dwref-web dwref-sl dwref-c
@docker network rm dwref-pn
