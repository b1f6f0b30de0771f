#!/usr/bin/env bash
# A user-defined bridge with two containers that ping each other by address
# (the "Networking with standalone containers" tutorial, user-defined bridge part).
# Runs as-is on a real Docker host; `scripts/dockwire run topologies/user-bridge.sh` replays it.
# dockwire: seed 7

docker network create --driver bridge alpine-net
docker network ls
# expect: contains alpine-net
docker run -dit --name alpine1 --network alpine-net alpine ash
docker run -dit --name alpine2 --network alpine-net alpine ash
docker network inspect alpine-net
# expect: contains "Subnet": "172.18.0.0/16"
# expect: contains "IPv4Address": "172.18.0.3/16"
docker exec alpine1 ip addr show eth0
# expect: contains inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0
docker exec alpine1 ip route
# expect: contains default via 172.18.0.1 dev eth0
docker exec alpine1 ping -c 2 172.18.0.3
# expect: contains 2 packets transmitted, 2 packets received, 0% packet loss
docker exec alpine2 ip neigh
# expect: matches ^172\.18\.0\.2 dev eth0 lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2}
bridge fdb show br br-$(docker network ls -q -f name=alpine-net)
# expect: matches dev veth[0-9a-f]{7} master br-[0-9a-f]{12}$
docker container stop alpine1 alpine2
docker container rm alpine1 alpine2
docker network rm alpine-net
