# The container commands a tutorial's reader types after docker run: logs with -t, --details, --tail,
# --since/--until; top with ps options; stats --no-stream with --format; kill -s; restart -t; wait. Names
# prefixed tw-; the processes' PIDs differ between hosts, so they are cut off (logs -t's times are normalised).
docker run -d --name tw-log alpine sh -c 'echo one; echo two; echo three; sleep 600'
sleep 1
docker logs tw-log
docker logs --tail 2 tw-log
docker logs --tail 0 tw-log
docker logs --tail all tw-log
docker logs --tail x tw-log
docker logs -n 1 tw-log
docker logs -t tw-log
docker logs -t --tail 1 tw-log
docker logs --details tw-log
docker logs --since 2000-01-01 tw-log
docker logs --since 2000-01-01T00:00:00Z --until 2000-01-02 tw-log
docker logs --until 1h tw-log
docker logs --until 2000-01-02 tw-log
docker logs --since 1m tw-log
docker logs --until bar tw-log
docker run -d --name tw-top alpine sleep 600
docker top tw-top -o pid,user,comm | awk '{print $2, $3}'
docker top tw-top -o user,comm
docker top tw-top -o pid,args | awk 'NR > 1 {$1 = ""; print}'
docker top tw-nobody
docker stats --no-stream --format '{{.Name}} {{.PIDs}}' tw-top
docker stats --no-stream --format 'table {{.Name}}\t{{.PIDs}}' tw-top
docker stats --no-stream --format '{{.Name}}' tw-nobody
docker kill -s HUP tw-top
docker kill -s SIGUSR1 tw-top
docker kill --signal=TERM tw-top
docker ps -a --filter name=tw-top --format '{{.Names}} {{.Status}}'
docker kill -s 9 tw-top
docker ps -a --filter name=tw-top --format '{{.Names}} {{.Status}}'
docker kill -s HUP tw-top
docker wait tw-top
docker restart -t 1 tw-top
docker ps --filter name=tw-top --format '{{.Names}} {{.Status}}'
docker logs --tail 3 tw-log
docker restart --time 0 tw-top
docker inspect --format '{{.RestartCount}} {{.State.Running}}' tw-top
docker stop -t 0 tw-top
docker wait tw-top tw-nobody
docker restart tw-nobody
docker rm -f tw-log tw-top
