#!/usr/bin/env bash
# The network and containers of macvlan-vlan.yml: a macvlan network on VLAN 10 of the host's eth0.
docker network create -d macvlan --subnet 192.168.10.0/24 --gateway 192.168.10.1 -o parent=eth0.10 vlan10
ip -d link show eth0.10
# expect: contains eth0.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP>
# expect: contains vlan protocol 802.1Q id 10 <REORDER_HDR>
docker run -d --name a1 --network vlan10 alpine sleep 3600
docker run -d --name b1 --network vlan10 alpine sleep 3600
# BusyBox ip has no -d: iproute2's, from netshoot in a's network namespace.
docker run -d --name a-tools --network container:a1 nicolaka/netshoot sleep 3600
