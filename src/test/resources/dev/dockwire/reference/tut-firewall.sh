# Docker's "Packet filtering and firewalls" page (docs.docker.com, engine/network/packet-filtering-firewalls): what
# iptables shows on the host for published ports (also on a host address, -p IP:PORT:PORT), a DOCKER-USER rule a
# user adds, and a bridge with com.docker.network.bridge.enable_ip_masquerade=false. Names prefixed tut-, the
# bridges named with com.docker.network.bridge.name so the host's rules can be picked out (it is shared).
# Only what 20.10 and 28 share is recorded: 28's filter table has DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT and a
# per-bridge DROP in DOCKER (moby 28 libnetwork/drivers/bridge/internal/iptabler), sorts a container's port
# bindings before their DNATs (port_mapping_linux.go cmpPortBinding), inserts the per-port ACCEPTs at the head of
# DOCKER and has no per-port hairpin MASQUERADE with the userland proxy on (iptabler/port.go); so rules are
# looked at one port or one address at a time, and the filter table only in its DOCKER and DOCKER-USER chains.
docker network create --subnet 172.27.0.0/24 -o com.docker.network.bridge.name=tut-fw0 tut-fw
docker network create --subnet 172.27.1.0/24 -o com.docker.network.bridge.name=tut-fw1 -o com.docker.network.bridge.enable_ip_masquerade=false tut-nomasq
docker network inspect --format '{{json .Options}}' tut-nomasq
iptables -t nat -S | grep tut-fw
docker run -d --name tut-web --network tut-fw -p 18080:80 -p 127.0.0.1:18081:80 nginx
docker run -d --name tut-web2 --network tut-nomasq -p 18082:80 nginx
docker port tut-web
iptables -t nat -S DOCKER | grep 18080
iptables -t nat -S DOCKER | grep 18081
iptables -t nat -S DOCKER | grep 18082
iptables -t nat -S POSTROUTING | grep 172.27.0.0/24
iptables -t nat -S POSTROUTING | grep -c 172.27.1.0/24
iptables -t nat -L DOCKER -n | grep 'dpt:18080 '
iptables -t nat -L DOCKER -n | grep 'dpt:18081 '
iptables -S DOCKER | grep 172.27.0.2
iptables -S DOCKER | grep 172.27.1.2
iptables -L DOCKER -n | grep 172.27.0.2
iptables -S DOCKER-USER
iptables -I DOCKER-USER -i tut-fw0 ! -s 172.27.0.0/24 -j DROP
iptables -A DOCKER-USER -p tcp -m conntrack --ctorigdstport 18080 --ctdir ORIGINAL -j DROP
iptables -S DOCKER-USER
iptables -L DOCKER-USER -n
iptables -D DOCKER-USER -i tut-fw0 ! -s 172.27.0.0/24 -j DROP
iptables -D DOCKER-USER -p tcp -m conntrack --ctorigdstport 18080 --ctdir ORIGINAL -j DROP
iptables -S DOCKER-USER
docker rm -f tut-web tut-web2
iptables -t nat -S DOCKER | grep -c 1808
iptables -S DOCKER | grep -c 172.27
iptables -t nat -S | grep tut-fw
docker network rm tut-fw tut-nomasq
iptables -t nat -S | grep -c tut-fw
