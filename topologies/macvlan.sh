#!/usr/bin/env bash
# A macvlan network on the host's eth0: containers sit on the LAN (192.168.1.0/24) with MACs of
# their own, reach the LAN's router and each other directly, and the outside world through the
# router. Their own host cannot reach them, nor they it: the kernel never hands what eth0 sends to
# eth0's macvlans, and the switch does not send a frame back out of the port it came in on.
# A macvlan "shim" on the host is the usual way round it.
# Runs as-is on a Docker host whose eth0 is on 192.168.1.0/24 with its router at 192.168.1.1.
# dockwire: seed 11

docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 --ip-range 192.168.1.192/27 -o parent=eth0 lan
docker network ls --filter driver=macvlan
# expect: matches [0-9a-f]{12}\s+lan\s+macvlan\s+local
docker network inspect lan
# expect: contains "Driver": "macvlan"
# expect: contains "parent": "eth0"
# expect: contains "Gateway": "192.168.1.1"
docker run -d --name web --network lan nginx
docker run -d --name client --network lan alpine sleep 3600
# BusyBox ip has no -d: iproute2's, from netshoot in client's network namespace.
docker run -d --name tools --network container:client nicolaka/netshoot sleep 3600
docker exec tools ip -d addr show eth0
# expect: matches ^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP>
# expect: contains macvlan mode bridge
# expect: contains inet 192.168.1.193/24 brd 192.168.1.255 scope global eth0
docker exec client ip route
# expect: contains default via 192.168.1.1 dev eth0
docker exec client ping -c 2 192.168.1.1
# expect: contains 2 packets transmitted, 2 packets received, 0% packet loss
docker exec client ping -c 2 web
# expect: contains 64 bytes from 192.168.1.192: seq=0 ttl=64
docker exec client wget -qO- http://web
# expect: contains Welcome to nginx!
docker exec client ping -c 1 example.com
# expect: contains 1 packets received
docker exec client ping -c 3 192.168.1.10
# expect: status 1
# expect: contains 3 packets transmitted, 0 packets received, 100% packet loss
ping -c 1 -W 1 192.168.1.192
# expect: status 1
# expect: contains 1 packets transmitted, 0 received
ip link add mv-shim link eth0 type macvlan mode bridge
ip addr add 192.168.1.223/32 dev mv-shim
ip link set mv-shim up
ip route add 192.168.1.192/27 dev mv-shim
ping -c 1 192.168.1.192
# expect: contains 1 received
docker rm -f web client tools
docker network rm lan
