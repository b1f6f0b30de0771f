#!/usr/bin/env bash
# Two Docker hosts in a swarm running a replicated service on an overlay network (Docker's
# "Deploy a service to the swarm" and "Networking with overlay networks" tutorials): three nginx
# tasks spread over both nodes, a client service on the same network reaching them by name
# across hosts. dockwire does not model the service VIP (IPVS): "web" resolves to the tasks'
# addresses, as with --endpoint-mode dnsrr, and says so when the service is created.
# dockwire: seed 21
# dockwire: hosts 2

ssh docker-host-1 docker swarm init --advertise-addr 192.168.1.11
TOKEN=$(ssh docker-host-1 docker swarm join-token -q worker)
ssh docker-host-2 docker swarm join --token $TOKEN 192.168.1.11:2377
# expect: contains This node joined a swarm as a worker.
ssh docker-host-1 docker network create -d overlay my-overlay
ssh docker-host-1 docker service create --name web --network my-overlay --replicas 3 nginx
# expect: contains WARNING: dockwire does not model service VIPs (IPVS)
# expect: contains verify: Service converged
ssh docker-host-1 docker service create --name client --network my-overlay alpine sleep infinity
ssh docker-host-1 docker service ls
# expect: matches ^\w{12} +web +replicated +3/3 +nginx:latest
# expect: matches ^\w{12} +client +replicated +1/1 +alpine:latest
ssh docker-host-1 docker service ps web
# expect: matches ^\w{12} +web\.1 +nginx:latest +docker-host-1 +Running +Running
# expect: matches ^\w{12} +web\.2 +nginx:latest +docker-host-2 +Running +Running
# expect: matches ^\w{12} +web\.3 +nginx:latest +docker-host-1 +Running +Running
ssh docker-host-2 docker ps --format '{{.Names}}'
# expect: matches ^web\.2\.\w{25}$
# expect: matches ^client\.1\.\w{25}$
ssh docker-host-2 docker exec $(ssh docker-host-2 docker ps -q --filter name=client) nslookup tasks.web
# expect: contains Address: 10.0.1.2
# expect: contains Address: 10.0.1.3
# expect: contains Address: 10.0.1.4
ssh docker-host-2 docker exec $(ssh docker-host-2 docker ps -q --filter name=client) ping -c 2 web
# expect: contains 2 packets transmitted, 2 packets received, 0% packet loss
ssh docker-host-2 docker exec $(ssh docker-host-2 docker ps -q --filter name=client) wget -qO- web
# expect: contains Welcome to nginx!
# A task's container is also reachable by its name or short id: web.1 runs on the other host.
ssh docker-host-2 docker exec $(ssh docker-host-2 docker ps -q --filter name=client) ping -c 1 $(ssh docker-host-1 docker ps -q --filter name=web.1)
# expect: contains (10.0.1.2): 56 data bytes
# expect: contains 64 bytes from 10.0.1.2: seq=0
ssh docker-host-1 docker service scale web=1
# expect: contains web scaled to 1
ssh docker-host-2 docker exec $(ssh docker-host-2 docker ps -q --filter name=client) nslookup tasks.web
# expect: contains Address: 10.0.1.2
# expect: not-contains 10.0.1.3
ssh docker-host-1 docker service rm web client
# expect: contains web
ssh docker-host-1 docker service ls
# expect: not-contains web
