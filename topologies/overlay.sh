#!/usr/bin/env bash
# Two Docker hosts in a swarm with an attachable overlay network: one container on each host,
# pinging each other by name across hosts (Docker's "Use an overlay network for standalone
# containers" tutorial). On real hosts, run it from a machine that can ssh to both.
# `scripts/dockwire run topologies/overlay.sh` replays it; the capture of docker-host-1's eth0
# shows the containers' frames inside VXLAN (UDP 4789, VNI 4097).
# dockwire: seed 11
# dockwire: hosts 2

ssh docker-host-1 docker swarm init --advertise-addr 192.168.1.11
# expect: contains Swarm initialized: current node
TOKEN=$(ssh docker-host-1 docker swarm join-token -q worker)
ssh docker-host-2 docker swarm join --token $TOKEN 192.168.1.11:2377
# expect: contains This node joined a swarm as a worker.
ssh docker-host-1 docker node ls
# expect: matches ^\w{25} \* +docker-host-1 +Ready +Active +Leader
# expect: matches ^\w{25} +docker-host-2 +Ready +Active
ssh docker-host-1 docker network create -d overlay --attachable test-net
ssh docker-host-1 docker network ls --filter driver=overlay
# expect: matches test-net +overlay +swarm
# expect: contains ingress
ssh docker-host-1 docker run -dit --name alpine1 --network test-net alpine
ssh docker-host-2 docker run -dit --name alpine2 --network test-net alpine
ssh docker-host-2 docker exec alpine2 ip addr show eth0
# expect: contains mtu 1450
# expect: contains link/ether 02:42:0a:00:01:03
# expect: contains inet 10.0.1.3/24
ssh docker-host-2 docker exec alpine2 ip route
# expect: contains default via 172.18.0.1 dev eth1
# expect: contains 10.0.1.0/24 dev eth0
ssh docker-host-1 docker exec alpine1 ping -c 2 alpine2
# expect: contains PING alpine2 (10.0.1.3): 56 data bytes
# expect: contains 2 packets transmitted, 2 packets received, 0% packet loss
ssh docker-host-2 docker exec alpine2 ping -c 2 alpine1.test-net
# expect: contains 2 packets transmitted, 2 packets received, 0% packet loss
ssh docker-host-2 docker exec alpine2 ping -c 1 example.com
# expect: contains 1 packets transmitted, 1 packets received
