# docker network connect and disconnect as the networking pages use them, and what they refuse: a container
# connected twice, an address taken or outside the subnet, --ip on a network whose subnet the daemon chose,
# aliases on the default bridge, the host and none networks, disconnecting what is not connected. Names
# prefixed tw-, subnets given.
docker network create --subnet 10.237.0.0/24 tw-front
docker network create tw-auto
docker run -d --name tw-c1 --network tw-front --ip 10.237.0.10 alpine sleep 600
docker run -d --name tw-c2 alpine sleep 600
docker network connect tw-front tw-c1
docker network connect --ip 10.237.0.10 tw-front tw-c2
docker network connect --ip 10.238.0.10 tw-front tw-c2
docker network connect --ip 172.30.5.5 tw-auto tw-c2
docker network connect --alias tw-db bridge tw-c2
docker network connect host tw-c2
docker network connect none tw-c2
docker network connect tw-nowhere tw-c2
docker network connect tw-front tw-nobody
docker network connect --ip 10.237.0.20 --alias tw-db tw-front tw-c2
docker inspect --format '{{(index .NetworkSettings.Networks "tw-front").IPAddress}} {{(index .NetworkSettings.Networks "tw-front").IPAMConfig}}' tw-c2
docker exec tw-c1 ping -c 1 -W 1 tw-db
docker exec tw-c2 ip -4 -o addr show | awk '{print $2, $4}' | grep -v 172.17.
docker network disconnect tw-auto tw-c2
docker network disconnect bridge tw-c2
docker network disconnect bridge tw-c2
docker network disconnect host tw-c1
docker network disconnect tw-front tw-c2
docker inspect --format '{{len .NetworkSettings.Networks}}' tw-c2
docker exec tw-c2 ip -4 -o addr show | awk '{print $2, $4}'
docker rm -f tw-c1 tw-c2
docker network rm tw-front tw-auto
