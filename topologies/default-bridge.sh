#!/usr/bin/env bash
# The default bridge network: containers get 172.17.0.x, reach each other by address, reach the
# LAN through the host's MASQUERADE, and get the host's resolver in /etc/resolv.conf (no
# embedded DNS on the default bridge).
# dockwire: seed 3

docker network ls
# expect: matches bridge\s+bridge\s+local
docker run -dit --name alpine1 alpine ash
docker run -dit --name alpine2 alpine ash
docker ps
# expect: contains alpine2
docker inspect alpine2 | grep IPAddress
# expect: contains "IPAddress": "172.17.0.3"
docker exec alpine1 cat /etc/resolv.conf
# expect: contains nameserver 192.168.1.1
# expect: not-contains 127.0.0.11
docker exec alpine1 cat /etc/hosts
docker exec alpine1 ping -c 2 172.17.0.3
# expect: contains 0% packet loss
docker exec alpine1 ping -c 1 192.168.1.1
# expect: contains 64 bytes from 192.168.1.1: seq=0 ttl=63
iptables -t nat -S POSTROUTING
# expect: contains -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
conntrack -L
# expect: contains src=172.17.0.2 dst=192.168.1.1
docker exec alpine1 nslookup example.com
# expect: contains Address: 93.184.215.14
ip addr show docker0
# expect: contains inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0
docker rm -f alpine1 alpine2
