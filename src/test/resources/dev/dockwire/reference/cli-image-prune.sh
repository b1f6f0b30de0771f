# docker image prune (docker/cli v28.2.2 cli/command/image/prune.go; moby daemon/images/image_prune.go): its help, a
# forced prune that finds nothing, and -a with a label filter deleting one committed image (untagged:, deleted:, the
# total). Only cli.ip-labelled images are pruned (the host is shared).
@docker rm -f cli-ip1 >/dev/null 2>&1; docker rmi cli-ip:1 >/dev/null 2>&1
docker image prune --help
docker run --name cli-ip1 alpine true
docker commit --change 'LABEL cli.ip=1' cli-ip1 cli-ip:1 >/dev/null
docker rm cli-ip1
docker image prune -f --filter label=cli.ip=nothing
docker image prune -a -f --filter label=cli.ip=1
docker images -q cli-ip
