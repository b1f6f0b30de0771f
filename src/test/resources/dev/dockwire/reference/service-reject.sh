# A swarm service whose image no registry has: each task is Rejected with the daemon's error, which
# docker service ps quotes in ERROR, cut to 30 runes unless --no-trunc (docker/cli cli/command/task/formatter.go);
# run on the reference Docker host and on dockwire by ReferenceScriptsTest. Only the newest rejected
# task is shown and NAME is last: the reference host, offline, takes ~20 s to give up a pull, so it
# retries less often than a host that reaches Docker Hub (or dockwire) does.
@docker swarm init
docker service create -d --name dwref-bad nosuchimage 2>&1 | head -4
sleep 40
docker service ps --filter desired-state=shutdown --format 'table {{.Image}}\t{{.DesiredState}}\t{{.Error}}\t{{.Name}}' dwref-bad | head -2
docker service ps --filter desired-state=shutdown --no-trunc --format '{{.Name}} {{.CurrentState}} {{.Error}}' dwref-bad | head -1
docker service rm dwref-bad
@docker swarm leave --force
