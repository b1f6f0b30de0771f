# Docker's tutorial "Networking with standalone containers" (docs.docker.com, network tutorials), its default
# bridge part as a user types it, names prefixed tut-; `docker attach` + the shell become `docker exec` (the
# live shell's attach is checked by hand). The bridge is inspected with one container on it: a network's
# Containers is a Go map keyed by container id, so two would come in the order of their random ids.
docker run -dit --name tut-alpine1 alpine ash
docker network inspect bridge
docker run -dit --name tut-alpine2 alpine ash
docker container ls --filter name=tut- --format '{{.Names}} {{.Image}} {{.Command}} {{.Status}}'
docker exec tut-alpine1 ip addr show
docker exec tut-alpine1 ping -c 2 172.17.0.3
docker exec tut-alpine1 ping -c 2 tut-alpine2
docker container stop tut-alpine1 tut-alpine2
docker container rm tut-alpine1 tut-alpine2
