# What a reader of Docker's networking pages types when an address goes wrong: a subnet that overlaps one in
# use, a CIDR that does not parse, a gateway or IP range outside the subnet, --aux-address reserving
# addresses, an --ip already taken, malformed or given on the default bridge, a malformed --mac-address (a good
# one needs API 1.44 from the 28.2 client: the reference daemon has 1.41), and disconnect -f. Names
# prefixed tw-, subnets given (the reference host's 20.10 IPAM hands out the pool after the last one it gave).
docker network create --subnet 10.231.0.0/16 tw-one
docker network create --subnet 10.231.8.0/24 tw-two
docker network create --subnet 10.230.0.0/15 tw-two
docker network create --subnet 10.232.0.0/33 tw-two
docker network create --subnet 10.232.0.0 tw-two
docker network create --subnet 10.232.0.0/16 --gateway 10.233.0.1 tw-two
docker network create --subnet 10.232.0.0/16 --ip-range 10.233.0.0/24 tw-two
docker network create --ip-range 10.232.0.0/24 tw-two
docker network create --gateway 10.232.0.1 tw-two
docker network create --subnet 10.232.0.0/16 --gateway 10.232.0.1 --gateway 10.232.0.2 tw-two
docker network create --subnet 10.232.0.0/16 --aux-address host1=10.232.0.2 --aux-address router=10.232.0.3 tw-aux
docker network inspect --format '{{json .IPAM.Config}}' tw-aux
docker run -d --name tw-a --network tw-aux alpine sleep 600
docker inspect --format '{{.NetworkSettings.Networks.tw-aux.IPAddress}}' tw-a
docker inspect --format '{{(index .NetworkSettings.Networks "tw-aux").IPAddress}}' tw-a
docker run --rm --network tw-aux --ip 10.232.0.2 alpine true
docker run --rm --network tw-aux --ip 10.232.0.4 alpine true
docker run --rm --network tw-aux --ip 10.232.0.1 alpine true
docker run --rm --ip 172.17.0.50 alpine true
docker run --rm --network tw-aux --ip 10.232.0.300 alpine true
docker network create --subnet 10.234.0.0/16 --aux-address host1=10.235.0.2 tw-three
docker network create tw-one
docker run --rm --network tw-one --mac-address 02:42:0a:e7:00 alpine true
docker network connect tw-one tw-a
docker network disconnect tw-one tw-nobody
docker network disconnect -f tw-one tw-nobody
docker network disconnect -f tw-one tw-a
docker inspect --format '{{len .NetworkSettings.Networks}}' tw-a
docker rm -f tw-a
docker network rm tw-one tw-aux
docker network rm tw-one
