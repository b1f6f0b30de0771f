# Docker's "Bridge network driver" page (docs.docker.com, engine/network/drivers/bridge) as a user types it, names
# prefixed tut-: a user-defined bridge with its own Linux bridge name, subnet, IP range and gateway; --ip; connect
# with --alias and --ip; an --internal network; disconnect; the default bridge's options. A network in use is
# removed with one endpoint on it: 28 lists them in the order of a map. Subnets are given: the reference host's
# 20.10 IPAM hands out the pool after the last one it gave.
docker network create --driver bridge --subnet 172.28.0.0/16 --ip-range 172.28.5.0/24 --gateway 172.28.5.254 -o com.docker.network.bridge.name=tut-br0 tut-net
docker network inspect --format '{{.Name}} {{.Driver}} {{.Internal}} {{json .IPAM.Config}} {{json .Options}}' tut-net
ip -o link show tut-br0 | cut -d: -f2
ip -4 -o addr show dev tut-br0 | awk '{print $2, $4}'
docker run -dit --name tut-a --network tut-net alpine ash
docker run -dit --name tut-b --network tut-net --ip 172.28.5.10 alpine ash
docker inspect --format '{{.Name}}{{range $n, $e := .NetworkSettings.Networks}} {{$n}} {{$e.IPAddress}}/{{$e.IPPrefixLen}} via {{$e.Gateway}}{{end}}' tut-a tut-b
docker exec tut-a ip route
docker exec tut-a ping -c 1 tut-b
docker run --rm --network tut-net --ip 172.29.0.9 alpine true
docker network create --internal --subnet 172.29.0.0/16 tut-internal
docker network ls --filter name=tut- --format '{{.Name}} {{.Driver}} {{.Scope}} {{.Internal}}'
docker network connect --alias tut-db --ip 172.29.0.20 tut-internal tut-a
docker network connect tut-internal tut-b
docker inspect --format '{{(index .NetworkSettings.Networks "tut-internal").IPAddress}}' tut-a
docker exec tut-a ip route
docker exec tut-b ping -c 1 tut-db
docker exec tut-b ping -c 1 172.29.0.20
docker network connect tut-internal tut-b
docker network disconnect tut-internal tut-b
docker network rm tut-internal
docker exec tut-b ping -c 1 -W 1 tut-db
docker network disconnect tut-internal tut-a
docker network disconnect tut-internal tut-a
docker network inspect bridge --format '{{json .Options}}'
docker rm -f tut-a tut-b
docker network rm tut-net tut-internal
ip link show tut-br0
