# docker ps --filter's full set beside the real engine (moby daemon/list.go: foldFilter, includeContainerInList): status,
# exited, ancestor, before/since (a container by name or id; one the daemon does not know), volume (a volume's name or
# a mount's destination), network, publish/expose (PORT[/PROTO] and ranges), health, is-task, label, and the errors of
# unknown keys and bad values (28's wording of status, exited and health errors is in PsFormatTest). Names prefixed cli-.
@docker rm -f cli-f1 cli-f2 cli-f3 cli-f4 >/dev/null 2>&1; docker volume rm cli-fv >/dev/null 2>&1; docker network rm cli-fn >/dev/null 2>&1
@docker network create --subnet 172.31.42.0/24 cli-fn
@docker run -d --name cli-f1 --label cli.f=1 -v cli-fv:/data -p 18081:80 nginx
@docker run -d --name cli-f2 --label cli.f=2 --network cli-fn --expose 7000-7001/udp alpine sleep 600
@docker run --name cli-f3 --label cli.f=3 alpine sh -c 'exit 3'
@docker create --name cli-f4 --label cli.f=4 -v /tmp:/hostdata busybox true
docker ps -a --filter label=cli.f --format '{{.Names}} {{.State}}'
docker ps -a --filter label=cli.f --filter status=exited --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter status=created --filter status=running --format '{{.Names}}'
docker ps --filter label=cli.f --filter status=exited --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter exited=3 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter exited=0 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter ancestor=alpine --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter ancestor=busybox:latest --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter before=cli-f3 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter since=cli-f2 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter since=cli-f1 --filter before=cli-f4 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter before=cli-nothing --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter since=cli-nothing --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter volume=cli-fv --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter volume=/data --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter volume=/hostdata --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter volume=/tmp --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter network=cli-fn --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter network=bridge --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter publish=18081 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter publish=18081/tcp --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter publish=18081/udp --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter publish=18000-18100 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter expose=80 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter expose=7000/udp --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter expose=7000-7001/udp --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter expose=7000 --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter publish=abc --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter expose=80/sctp --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter health=none --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter is-task=false --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter is-task=true --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter is-task=maybe --format '{{.Names}}'
docker ps -a --filter label=cli.f=2 --filter label=cli.f --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter name=cli-f[12] --format '{{.Names}}'
docker ps -a --filter label=cli.f --filter colour=red
docker rm -f cli-f1 cli-f2 cli-f3 cli-f4
@docker volume rm cli-fv
@docker network rm cli-fn
