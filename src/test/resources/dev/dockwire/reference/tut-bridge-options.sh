# The bridge driver's options from Docker's "Bridge network driver" page (docs.docker.com/engine/network/drivers/bridge,
# its Options table) as a reader sets them on docker network create: enable_icc=false (containers on the network cannot
# reach each other), driver.mtu (the containers' eth0), host_binding_ipv4 (where -p binds when no address is given) and
# container_iface_prefix (the name of the containers' interface). Names prefixed tbo-, subnets given, host ports 284xx.
@docker rm -f tbo-a tbo-b tbo-c >/dev/null 2>&1; docker network rm tbo-noicc tbo-mtu tbo-bind >/dev/null 2>&1
docker network create --subnet 172.31.90.0/24 -o com.docker.network.bridge.enable_icc=false tbo-noicc
docker network create --subnet 172.31.91.0/24 -o com.docker.network.driver.mtu=1400 -o com.docker.network.container_iface_prefix=tbo tbo-mtu
docker network create --subnet 172.31.92.0/24 -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 tbo-bind
docker network inspect --format '{{json .Options}}' tbo-noicc tbo-mtu tbo-bind
docker run -d --name tbo-a --network tbo-noicc --ip 172.31.90.10 alpine sleep 600
docker run --rm --network tbo-noicc alpine ping -c 1 -W 1 172.31.90.10
docker run --rm --network tbo-noicc alpine ping -c 1 -W 1 tbo-a
docker run --rm --network tbo-noicc alpine ping -c 1 -W 1 172.31.90.1
docker run --rm --network tbo-mtu alpine ip -o link show | awk '{sub(/@if[0-9]+/, "@if<n>", $2); print $2, $4, $5}'
docker run --rm --network tbo-mtu alpine ip -4 -o addr show | awk '{print $2, $4}'
docker run -d --name tbo-b --network tbo-bind -p 28480:80 nginx
docker port tbo-b
docker run -d --name tbo-c --network tbo-bind -p 0.0.0.0:28481:80 nginx
docker port tbo-c
docker rm -f tbo-a tbo-b tbo-c
docker network rm tbo-noicc tbo-mtu tbo-bind
