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
docker top tw-log -o pid,user,comm | awk '{print $2, $3}'
docker top tw-log -o user,comm
docker top tw-nobody
docker stats --no-stream --format '{{.Name}} {{.PIDs}}' tw-log
docker stats --no-stream --format 'table {{.Name}}\t{{.PIDs}}' tw-log
docker stats --no-stream --format '{{.Name}}' tw-nobody
docker kill -s HUP tw-log
docker kill -s SIGUSR1 tw-log
docker kill --signal=TERM tw-log
docker kill -s 9 tw-log
docker ps -a --filter name=tw-log --format '{{.Names}} {{.Status}}'
docker kill -s HUP tw-log
docker wait tw-log
docker restart -t 1 tw-log
docker ps --filter name=tw-log --format '{{.Names}} {{.Status}}'
docker logs --tail 3 tw-log
docker restart --time 0 tw-log
docker inspect --format '{{.RestartCount}} {{.State.Running}}' tw-log
docker stop -t 0 tw-log
docker wait tw-log tw-nobody
docker restart tw-nobody
docker rm -f tw-log
