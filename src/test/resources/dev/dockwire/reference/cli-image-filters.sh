# docker images' dangling filter both ways and docker image prune's filters as the daemon reads them (moby
# daemon/images/image_list.go, image_prune.go: dangling, label, label!, until). Only cli-if images are listed or
# pruned (the host is shared): two commits, one of them then made dangling by a third under its name. (Without -a,
# dangling=false is 28's "invalid filter 'dangling=[false true]'" beside the client's dangling=true; 20.10 takes it:
# ImagePruneTest.) The daemon deletes in its map's order, and lists images of one second in it: sorted.
@docker rm -f cli-if1 >/dev/null 2>&1; docker rmi -f cli-if:a cli-if:b >/dev/null 2>&1; docker image prune -f --filter label=cli.if >/dev/null 2>&1
@docker run --name cli-if1 alpine true
@docker commit --change 'LABEL cli.if=1' cli-if1 cli-if:a >/dev/null
@docker commit --change 'LABEL cli.if=2' cli-if1 cli-if:b >/dev/null
@docker commit --change 'LABEL cli.if=3' cli-if1 cli-if:a >/dev/null
@docker rm cli-if1
docker images --filter label=cli.if --filter dangling=false --format '{{.Repository}}:{{.Tag}}' | sort
docker image ls --filter label=cli.if --filter dangling=true --format '{{.Repository}}:{{.Tag}}'
docker images -f dangling=false -f label=cli.if=2 --format '{{.Repository}}:{{.Tag}}'
docker images -f dangling=maybe
docker image prune -f --filter label=cli.if --filter until=abc
docker image prune -f --filter label=cli.if --filter colour=red
docker image prune -f --filter label=cli.if --filter until=24h
docker image prune -f --filter label=cli.if=2
docker image prune -f --filter label=cli.if --filter label!=cli.if=1 --filter until=-1h
docker images --filter label=cli.if --format '{{.Repository}}:{{.Tag}}' | sort
docker image prune -a -f --filter label=cli.if --filter dangling=false | sort
docker images --filter label=cli.if --format '{{.Repository}}:{{.Tag}}' | sort
