# docker pause and unpause (moby daemon/pause.go, unpause.go; the cgroup freezer), run on the reference
# Docker host and on dockwire by ReferenceScriptsTest. A paused container's processes stop (its ping
# prints nothing, its web server answers nothing) while its namespace's kernel side goes on: pings to
# it are answered, and a request waits until the unpause (docker top shows its wget still there).
# Left out where Docker 20.10 and 28 word it differently (pause of a stopped container, rm of a
# paused one: PauseEndToEndTest holds 28's texts).
@docker network create dwref-pz-net
docker run -d --name dwref-pz-ping --network dwref-pz-net busybox ping 127.0.0.1
@docker run -d --name dwref-pz-web --network dwref-pz-net nginx
@docker run -d --name dwref-pz-c --network dwref-pz-net alpine sleep 300
sleep 2
docker pause dwref-pz-ping dwref-pz-web
docker ps --filter name=dwref-pz-ping --format '{{.Names}} {{.Status}} {{.State}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' dwref-pz-ping
docker ps --filter status=paused --filter name=dwref-pz- --format '{{.Names}}'
docker ps --filter status=running --filter name=dwref-pz- --format '{{.Names}}'
sleep 3
docker logs --since 2s dwref-pz-ping
docker run --rm --network dwref-pz-net busybox ping -c 1 -W 2 dwref-pz-web | tail -2
docker exec -d dwref-pz-c wget -q -O /dev/null http://dwref-pz-web/
sleep 2
docker top dwref-pz-c | grep -c wget
docker exec dwref-pz-ping echo hi
docker attach dwref-pz-ping
docker pause dwref-pz-web
docker unpause dwref-pz-web dwref-pz-nosuch
sleep 1
docker top dwref-pz-c | grep -c wget
docker unpause dwref-pz-web
docker stop dwref-pz-web
docker ps -a --filter name=dwref-pz-web --format '{{.Names}} {{.Status}}'
docker unpause dwref-pz-ping
sleep 2
docker logs --since 2s dwref-pz-ping | head -1 | sed 's/seq=.*/seq=N/'
docker exec dwref-pz-ping echo hi
docker inspect -f '{{.State.Status}} {{.State.Paused}}' dwref-pz-ping
docker pause dwref-pz-ping
docker kill dwref-pz-ping
docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.ExitCode}}' dwref-pz-ping
docker unpause dwref-pz-ping
docker run -d --name dwref-pz-sl busybox sleep 300
docker pause dwref-pz-sl
docker stop -t 1 dwref-pz-sl
docker ps -a --filter name=dwref-pz-sl --format '{{.Names}} {{.Status}}'
docker run -d --name dwref-pz-f busybox sleep 300
docker pause dwref-pz-f
docker rm -f dwref-pz-f
@docker rm -f dwref-pz-ping dwref-pz-web dwref-pz-sl dwref-pz-c
@docker network rm dwref-pz-net
