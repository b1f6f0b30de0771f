#!/usr/bin/env bash
# Docker's embedded DNS on a user-defined network: container names, network aliases, replicas
# behind one alias answering in turn, reverse lookups, forwarding of other names to the host's
# resolver, and the default bridge, where container names do not resolve.
# dockwire: seed 21

docker network create mynet
docker run -d --name accesslog --network mynet alpine sleep 3600
docker run -d --name web --network mynet alpine sleep 3600
docker exec web cat /etc/resolv.conf
# expect: contains nameserver 127.0.0.11
# expect: contains ExtServers: [host(192.168.1.1)]
docker exec web nslookup accesslog
# expect: contains Address: 172.18.0.2
docker run -d --name iotd1 --network mynet --network-alias iotd alpine sleep 3600
docker run -d --name iotd2 --network mynet --network-alias iotd alpine sleep 3600
docker run -d --name iotd3 --network mynet --network-alias iotd alpine sleep 3600
# dig is bind9's and alpine has none: it runs from netshoot.
docker run -d --name digger --network mynet nicolaka/netshoot sleep infinity
docker exec web nslookup iotd
# expect: contains Address: 172.18.0.4
# expect: contains Address: 172.18.0.5
# expect: contains Address: 172.18.0.6
docker exec digger dig +short iotd
docker exec web ping -c 1 accesslog.mynet
# expect: contains 64 bytes from 172.18.0.2: seq=0
docker exec digger dig -x 172.18.0.2 +short
# expect: contains accesslog.mynet.
docker exec web nslookup example.com
# expect: contains Address: 93.184.215.14
docker exec web nslookup no-such-name.invalid
# expect: status 1
# expect: contains ** server can't find no-such-name.invalid: NXDOMAIN
docker run -d --name legacy alpine sleep 3600
docker exec legacy cat /etc/resolv.conf
# expect: contains nameserver 192.168.1.1
docker exec legacy ping -c 1 web
# expect: status 1
