# docker commit, history, save/load and export/import (docker/cli v28.2.2 cli/command/container/commit.go, export.go,
# cli/command/image/history.go, save.go, load.go, import.go; moby daemon/commit.go, image/tarexport, daemon/export.go),
# run on the reference Docker host and on dockwire by ReferenceScriptsTest: a commit with a message and one with
# --change, what a container of each runs, the committed layer's history entry, a save/load round trip through -o/-i
# and through a redirection, export/import, and the client's and the daemon's errors. History rows below the top one
# and sizes of whole images are left out: the reference kit's images are BusyBox stand-ins, not Docker Hub's.
@docker rm -f dwref-img-c
@docker rmi -f dwref-img:v1 dwref-img:v2 dwref-img:imported
@rm -rf /tmp/dwref-img
@mkdir -p /tmp/dwref-img
@docker run -d --name dwref-img-c alpine sh -c 'echo hello > /hello.txt; sleep 300'
@sleep 1
docker exec dwref-img-c cat /hello.txt
docker diff dwref-img-c
docker commit -m 'added hello' dwref-img-c dwref-img:v1
docker history --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' dwref-img:v1 | head -1
docker run --rm dwref-img:v1 cat /hello.txt
docker commit -c 'CMD ["cat", "/hello.txt"]' -c 'ENV GREETING=hi' dwref-img-c dwref-img:v2
docker run --rm dwref-img:v2
docker run --rm dwref-img:v2 sh -c 'echo $GREETING'
docker inspect --format '{{json .Config.Cmd}}' dwref-img:v2
docker commit -c 'RUN true' dwref-img-c dwref-img:v3
docker commit dwref-img-c Bad
docker commit nope
docker commit
docker history
docker history nope
docker save -o /tmp/dwref-img/img.tar dwref-img:v1
@docker rmi dwref-img:v1
docker load -i /tmp/dwref-img/img.tar
docker run --rm dwref-img:v1 cat /hello.txt
docker save dwref-img:v1 > /tmp/dwref-img/b.tar
@docker rmi dwref-img:v1
docker load < /tmp/dwref-img/b.tar
docker images --format '{{.Repository}}:{{.Tag}}' dwref-img | sort
docker save -o /tmp/dwref-img/nodir/x.tar dwref-img:v1
docker save
docker save nope > /dev/null
docker save nope:1 > /dev/null
docker load -i /tmp/dwref-img/missing.tar
docker load extra
docker export -o /tmp/dwref-img/c.tar dwref-img-c
docker import /tmp/dwref-img/c.tar dwref-img:imported
docker run --rm dwref-img:imported cat /hello.txt
docker history --format '{{.CreatedBy}}|{{.Comment}}' dwref-img:imported
docker import /tmp/dwref-img/missing.tar
docker export nope
@docker rm -f dwref-img-c
@docker rmi -f dwref-img:v1 dwref-img:v2 dwref-img:imported
@rm -rf /tmp/dwref-img
