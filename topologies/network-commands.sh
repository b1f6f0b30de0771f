#!/usr/bin/env bash
# docker network create / ls / inspect / connect / disconnect / rm / prune, and the errors a
# user meets on the way, worded as the daemon words them.
# dockwire: seed 13

docker network create mynet
docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.254 --label team=blue mynet2
docker network ls
# expect: matches ^NETWORK ID\s+NAME\s+DRIVER\s+SCOPE$
docker network create mynet
# expect: status 1
# expect: contains Error response from daemon: network with name mynet already exists
docker network create --subnet 172.30.5.0/24 overlapping
# expect: status 1
# expect: contains Pool overlaps with other one on this address space
docker network create --subnet 172.30.0/16 badsubnet
# expect: status 1
# expect: contains invalid subnet 172.30.0/16: invalid CIDR block notation
docker network create --frobnicate x
# expect: status 125
# expect: contains unknown flag: --frobnicate
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} via {{.Gateway}}{{end}}' mynet2
# expect: contains 172.30.0.0/16 via 172.30.0.254
docker run -d --name c1 --network mynet2 --ip 172.30.0.10 alpine sleep 3600
docker run -d --name c2 --network mynet2 --ip 172.30.0.10 alpine sleep 3600
# expect: status 125
# expect: contains Address already in use
docker network connect mynet c1
docker exec c1 ip addr show eth1
# expect: contains inet 172.18.0.2/16
docker network rm mynet
# expect: status 1
# expect: contains has active endpoints
docker network disconnect mynet c1
docker network rm mynet
docker network inspect nope
# expect: status 1
# expect: contains Error response from daemon: network nope not found
docker rm -f c1
docker network prune -f
# expect: contains mynet2
docker network ls --format '{{.Name}}'
# expect: not-contains mynet2
