# docker events for networks and volumes (docs.docker.com/reference/cli/docker/system/events: network events create,
# connect, disconnect, destroy; volume events create, mount, unmount, destroy; the network= and volume= filters), as a
# reader follows a container through a user-defined network and a named volume. Only this script's network and volume
# are asked for (the reference host is shared); names prefixed tne-, the subnet given. Where 20.10 and 28 log other
# events the script does not go: 20.10 logs disconnect twice for a running container's docker network disconnect and
# once for a stopped one's, 28 once and not at all (moby 28 daemon/container_operations.go DisconnectFromNetwork,
# tryDetachContainerFromClusterNetwork); 20.10 logs create again when a container names an existing volume, 28 only
# when one is made (volume/service/store.go Create). So the volume is made by docker run, and nothing is disconnected
# but by stopping.
docker network create --subnet 172.31.77.0/24 tne-net
docker run -d --name tne-c --network tne-net -v tne-vol:/data alpine sleep 600
docker run -d --name tne-d alpine sleep 600
docker network connect --alias tne-db tne-net tne-d
docker stop -t 1 tne-c
docker stop -t 1 tne-d
docker rm tne-c tne-d
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
