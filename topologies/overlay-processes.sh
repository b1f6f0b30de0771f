#!/usr/bin/env bash
# topologies/overlay.sh with each Docker host in a dockwire process of its own (on this machine or
# another): each process replays the whole script's control plane, so the peers it programs (the
# containers' addresses and MACs, the VNI) match the other's, runs the programs of its own host
# only, and its VTEP exchanges real VXLAN datagrams with the other's over UDP at the addresses below.
#   scripts/dockwire run topologies/overlay-processes.sh --host docker-host-2 --serve 5 &
#   scripts/dockwire run topologies/overlay-processes.sh --host docker-host-1 --serve 5
# Without --host both hosts run in one process and the underlay lines are not used.
# The processes keep the script's order: each starts a line once the others have finished the
# one before (they say how far they are in datagrams "dockwire lines HOST N" on the same ports),
# so a ping finds the other host's container made. docker-host-N-underlay.pcapng holds the real
# datagrams as they crossed lo.
# dockwire: seed 11
# dockwire: hosts 2
# dockwire: underlay docker-host-1 127.0.0.1:47891
# dockwire: underlay docker-host-2 127.0.0.1:47892

ssh docker-host-1 docker swarm init --advertise-addr 192.168.1.11
# expect: contains Swarm initialized: current node
TOKEN=$(ssh docker-host-1 docker swarm join-token -q worker)
ssh docker-host-2 docker swarm join --token $TOKEN 192.168.1.11:2377
# expect: contains This node joined a swarm as a worker.
ssh docker-host-1 docker network create -d overlay --attachable test-net
ssh docker-host-1 docker run -dit --name alpine1 --network test-net alpine
ssh docker-host-2 docker run -dit --name alpine2 --network test-net alpine
ssh docker-host-1 docker exec alpine1 ping -c 2 -w 30 alpine2
# expect: contains PING alpine2 (10.0.1.3): 56 data bytes
# expect: matches ^64 bytes from 10.0.1.3: seq=\d+ ttl=64 time=
# expect: contains 2 packets received
ssh docker-host-2 docker exec alpine2 ping -c 2 -w 30 alpine1
# expect: contains PING alpine1 (10.0.1.2): 56 data bytes
# expect: matches ^64 bytes from 10.0.1.2: seq=\d+ ttl=64 time=
# expect: contains 2 packets received
