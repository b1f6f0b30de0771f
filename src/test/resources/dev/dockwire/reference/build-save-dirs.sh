# docker save and docker load of a built image whose layers hold directories (an empty one with its mode, a full one
# with its owner, WORKDIR's): load prints "Loaded image: NAME" (moby image/tarexport load.go), the directories come
# back with their modes and owners, and RootFS.Layers (the layers' diff IDs) are the same after the round trip. The
# archive's own layout is left out: the 20.10 daemon writes the legacy one, 28 the OCI layout dockwire follows.
@rm -rf /tmp/dwb24-sl
@mkdir -p /tmp/dwb24-sl
@printf 'FROM alpine\nLABEL dwb24=sl-1\nRUN mkdir -p /srv/empty /srv/full && echo x > /srv/full/f && chmod 700 /srv/empty && chown 1:2 /srv/full\nWORKDIR /app\n' > /tmp/dwb24-sl/Dockerfile
@docker rmi -f dwb24-sl:1
export DOCKER_BUILDKIT=0; docker build -q -t dwb24-sl:1 /tmp/dwb24-sl > /dev/null 2>&1; docker image inspect --format '{{json .RootFS.Layers}}' dwb24-sl:1 > /tmp/dwb24-sl/before; echo built
docker run --rm dwb24-sl:1 stat -c '%a %u:%g %n' /srv/empty /srv/full /app
docker save -o /tmp/dwb24-sl/img.tar dwb24-sl:1 && docker rmi dwb24-sl:1 > /dev/null && docker load -i /tmp/dwb24-sl/img.tar
[ "$(docker image inspect --format '{{json .RootFS.Layers}}' dwb24-sl:1)" = "$(cat /tmp/dwb24-sl/before)" ] && echo same layers
docker run --rm dwb24-sl:1 stat -c '%a %u:%g %n' /srv/empty /srv/full /app
docker run --rm dwb24-sl:1 cat /srv/full/f
@docker rmi dwb24-sl:1
@rm -rf /tmp/dwb24-sl
