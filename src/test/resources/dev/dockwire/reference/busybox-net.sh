# BusyBox ip route/route/netstat -rn/hostname/ip rule in alpine (reference tier candidate); no ifindex, MAC or ephemeral-port lines.
docker network create --subnet 10.184.0.0/24 dwref-rn-a
docker network create --subnet 10.185.0.0/24 dwref-rn-b
docker run -d --name dwref-rn-c --hostname i18c --network dwref-rn-a alpine sleep 300
docker network connect dwref-rn-b dwref-rn-c
docker exec dwref-rn-c ip route
docker exec dwref-rn-c ip route get 10.185.0.1
docker exec dwref-rn-c ip rule
docker exec dwref-rn-c route -n
docker exec dwref-rn-c netstat -rn
docker exec dwref-rn-c hostname
docker exec dwref-rn-c hostname -i
docker exec dwref-rn-c cat /etc/hosts
docker exec dwref-rn-c ip -br addr
docker exec dwref-rn-c ip addr show eth9
docker exec dwref-rn-c ip addr add 10.9.9.9/24 dev eth0
docker exec dwref-rn-c sh -c 'ip route | grep default'
docker rm -f dwref-rn-c
docker network rm dwref-rn-a dwref-rn-b
