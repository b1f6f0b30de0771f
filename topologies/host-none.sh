#!/usr/bin/env bash
# --network host shares the host's namespace; --network none has only a loopback.
# dockwire: seed 5

docker run -d --name hosty --network host alpine sleep 3600
docker exec hosty ip -o -4 addr
# expect: contains docker0
# expect: contains 192.168.1.10/24
docker exec hosty ping -c 1 192.168.1.1
# expect: contains 1 packets received
docker run -d --name lonely --network none alpine sleep 3600
docker exec lonely ip addr
# expect: matches ^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
# expect: contains inet 127.0.0.1/8 scope host lo
# expect: not-contains eth0
docker exec lonely ping -c 1 192.168.1.1
# expect: status 1
# expect: contains ping: sendto: Network is unreachable
docker inspect -f '{{json .NetworkSettings.Networks}}' lonely
# expect: contains "none"
docker rm -f hosty lonely
