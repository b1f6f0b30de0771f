# NET_ADMIN inside containers (moby oci/caps/defaults.go: Docker's default set lacks it): BusyBox's ip, ifconfig and route refused without it, applied with --cap-add NET_ADMIN; listings work either way.
docker network create --subnet 10.186.0.0/24 dwna-n
docker run -d --name dwna-plain --network dwna-n alpine sleep 300
docker run -d --name dwna-admin --cap-add NET_ADMIN --network dwna-n alpine sleep 300
docker exec dwna-plain ip addr add 10.9.9.9/24 dev eth0
docker exec dwna-plain ip link set eth0 down
docker exec dwna-plain ip link set eth0 mtu 1400
docker exec dwna-plain ip link set dev eth0 up
docker exec dwna-plain ip link add v0 type veth peer name v1
docker exec dwna-plain ip link del eth0
docker exec dwna-plain ip route add 10.7.0.0/16 via 10.186.0.1
docker exec dwna-plain ip route del default
docker exec dwna-plain ip route replace default via 10.186.0.1
docker exec dwna-plain ip addr flush dev eth0
docker exec dwna-plain ifconfig eth0 10.9.9.9
docker exec dwna-plain ifconfig eth0 down
docker exec dwna-plain ifconfig eth0 mtu 1400
docker exec dwna-plain route add -net 10.7.0.0/16 gw 10.186.0.1
docker exec dwna-plain route add default gw 10.186.0.1
docker exec dwna-plain route del default
docker exec dwna-plain sh -c 'ip route add 10.7.0.0/16 via 10.186.0.1 2>&1 || echo refused'
docker exec dwna-plain ip route
docker exec dwna-admin ip addr add 10.9.9.9/24 dev eth0
docker exec dwna-admin ip addr add 10.9.9.9/24 dev eth0
docker exec dwna-admin ip route add 10.7.0.0/16 via 10.9.9.1
docker exec dwna-admin ip route add 10.7.0.0/16 via 10.9.9.1
docker exec dwna-admin ifconfig eth0:1 10.8.8.8 netmask 255.255.255.0
docker exec dwna-admin route add -net 10.6.0.0/16 gw 10.9.9.1
docker exec dwna-admin ip route
docker exec dwna-admin route -n
docker exec dwna-admin ip route del 10.7.0.0/16
docker exec dwna-admin route del -net 10.6.0.0/16
docker exec dwna-admin ip route replace default via 10.9.9.1
docker exec dwna-admin ip route
docker exec dwna-admin ip link set eth0 mtu 1400
docker exec dwna-admin sh -c 'ip link show eth0 | grep -o "mtu [0-9]*"'
docker exec dwna-admin ip link set eth9 up
docker rm -f dwna-plain dwna-admin
docker network rm dwna-n
