# docker events for networks and volumes (docs.docker.com/reference/cli/docker/system/events: network events create,
# connect, disconnect, destroy; volume events create, mount, unmount, destroy; the network= and volume= filters), as a
# reader follows a container through a user-defined network and a named volume. Only this script's network and volume
# are asked for (the reference host is shared); names prefixed tne-, the subnet given.
docker network create --subnet 172.31.77.0/24 tne-net
docker volume create tne-vol
docker run -d --name tne-c --network tne-net -v tne-vol:/data alpine sleep 600
docker network disconnect tne-net tne-c
docker network connect --alias tne-db tne-net tne-c
docker stop -t 1 tne-c
docker rm tne-c
docker network rm tne-net
docker volume rm tne-vol
sleep 1
docker events --since 60s --until 0s --filter network=tne-net --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}}'
docker events --since 60s --until 0s --filter network=tne-net --format '{{.Action}} {{len .Actor.Attributes.container}}'
docker events --since 60s --until 0s --filter network=tne-net --filter event=connect --format '{{json .Actor.Attributes}}'
docker events --since 60s --until 0s --filter type=network --filter network=tne-net --filter event=destroy
docker events --since 60s --until 0s --filter network=tne-net --filter event=create --format '{{json .}}'
docker events --since 60s --until 0s --filter network=tne-net --filter event=disconnect --format '{{.Status}} {{.ID}} {{.From}} {{.Scope}}'
docker events --since 60s --until 0s --filter volume=tne-vol --format '{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.driver}}'
docker events --since 60s --until 0s --filter volume=tne-vol --filter event=mount --format '{{json .Actor.Attributes}}'
docker events --since 60s --until 0s --filter volume=tne-vol --filter event=destroy
docker events --since 60s --until 0s --filter type=network --filter type=volume --filter event=destroy --filter network=tne-net --format '{{.Type}} {{.Action}}'
docker events --since 60s --until 0s --filter type=nope
docker events --since 60s --until 0s --filter event=nope --filter network=tne-net
