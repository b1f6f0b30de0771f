# Docker's tutorial "Networking with standalone containers", its user-defined bridge part as a user types it
# (names prefixed tut-). The subnet is the one the tutorial shows, the first user-defined network's of a fresh
# engine; it is given because the reference host's 20.10 IPAM hands out the pool after the last one it gave.
docker network create --driver bridge --subnet 172.18.0.0/16 tut-alpine-net
docker network ls --filter name=tut-alpine-net --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network inspect tut-alpine-net
docker run -dit --name tut-alpine1 --network tut-alpine-net alpine ash
docker run -dit --name tut-alpine2 --network tut-alpine-net alpine ash
docker run -dit --name tut-alpine3 alpine ash
docker run -dit --name tut-alpine4 --network tut-alpine-net alpine ash
docker network connect bridge tut-alpine4
docker container ls --filter name=tut- --format '{{.Names}} {{.Image}} {{.Command}}'
docker inspect --format '{{.Name}}{{range $n, $e := .NetworkSettings.Networks}} {{$n}}={{$e.IPAddress}}{{end}}' tut-alpine1 tut-alpine2 tut-alpine3 tut-alpine4
docker exec tut-alpine1 ping -c 2 tut-alpine2
docker exec tut-alpine1 ping -c 2 tut-alpine4
docker exec tut-alpine1 ping -c 2 tut-alpine1
docker exec tut-alpine1 ping -c 2 tut-alpine3
docker exec tut-alpine1 ping -c 2 -W 1 172.17.0.2
docker exec tut-alpine4 ip addr show
docker exec tut-alpine4 ping -c 2 tut-alpine1
docker exec tut-alpine4 ping -c 2 tut-alpine3
docker exec tut-alpine4 ping -c 2 172.17.0.2
docker container stop tut-alpine1 tut-alpine2 tut-alpine3 tut-alpine4
docker container rm tut-alpine1 tut-alpine2 tut-alpine3 tut-alpine4
docker network rm tut-alpine-net
