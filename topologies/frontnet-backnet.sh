#!/usr/bin/env bash
# One container on two networks: the app reaches both the web tier and the database. Its default
# route moves to backnet when it joins it: libnetwork sorts a sandbox's endpoints (Endpoint.Less:
# gw-priority, then internal last, then network name) and backnet sorts before frontnet.
# dockwire: seed 11

docker network create --subnet 10.10.1.0/24 frontnet
docker network create --subnet 10.10.2.0/24 backnet
docker run -d --name web --network frontnet alpine sleep 3600
docker run -d --name db --network backnet alpine sleep 3600
docker run -d --name app --network frontnet alpine sleep 3600
docker network connect backnet app
docker exec app ip -o -4 addr
# expect: matches \d+: eth0\s+inet 10\.10\.1\.3/24 brd 10\.10\.1\.255 scope global eth0
# expect: matches \d+: eth1\s+inet 10\.10\.2\.3/24 brd 10\.10\.2\.255 scope global eth1
docker exec app ip route
# expect: contains default via 10.10.2.1 dev eth1
docker exec app ping -c 1 10.10.1.2
# expect: contains 1 packets received
docker exec app ping -c 1 10.10.2.2
# expect: contains 1 packets received
docker network disconnect backnet app
docker exec app ip -o -4 addr
# expect: not-contains eth1
docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' backnet
# expect: contains db
# expect: not-contains app
docker rm -f web db app
docker network rm frontnet backnet
