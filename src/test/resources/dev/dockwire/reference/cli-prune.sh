# prune's --filter as the daemon reads it (moby daemon/prune.go, volume/service.go): until= as a Go duration before now,
# an RFC 3339 time or date or Unix seconds (api/types/time GetTimestamp) sparing what was created after it, with its
# errors (an unparsable value, a month out of range, two untils); label/label! beside it; volume prune's filters
# (label, label!, all; no until: "invalid filter"). Only cli.p-labelled objects are pruned (the host is shared).
@docker rm -f cli-p1 cli-p2 >/dev/null 2>&1; docker network rm cli-pn cli-pm >/dev/null 2>&1; docker volume rm cli-pv >/dev/null 2>&1
docker create --name cli-p1 --label cli.p=1 alpine true
docker create --name cli-p2 --label cli.p=2 alpine true
docker network create --label cli.p=1 cli-pn
docker network create --label cli.p=2 cli-pm
docker volume create --label cli.p=1 cli-pv
docker container prune -f --filter until=24h --filter label=cli.p
docker container prune -f --filter until=2006-01-02T15:04:05 --filter label=cli.p
docker container prune -f --filter until=2006-01-02 --filter label=cli.p
docker container prune -f --filter until=1136214245 --filter label=cli.p
docker container prune -f --filter until=abc --filter label=cli.p
docker container prune -f --filter until=24h --filter until=1h --filter label=cli.p
docker container prune -f --filter until=2006-13-02 --filter label=cli.p
docker container prune -f --filter until=-1h --filter label=cli.p=1
docker ps -a --filter label=cli.p --format '{{.Names}}'
# until=0s is now to the second (20.10 and 28 alike format a duration as Unix seconds): let one pass.
@sleep 1
docker container prune -f --filter until=0s --filter label!=cli.p=1 --filter label=cli.p
docker ps -a --filter label=cli.p --format '{{.Names}}'
docker network prune -f --filter until=24h --filter label=cli.p
docker network prune -f --filter until=x --filter label=cli.p
docker network prune -f --filter until=-1h --filter label=cli.p=2
docker network prune -f --filter until=0s --filter label=cli.p
docker system prune -f --filter until=x
docker volume prune -f --filter until=24h
docker volume prune -f --filter colour=red
docker volume prune -f --filter label=cli.none
docker volume ls --filter name=cli-pv --format '{{.Name}}'
docker volume rm cli-pv
