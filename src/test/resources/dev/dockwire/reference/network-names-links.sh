# Network names as the daemon takes them (moby 28 daemon/network.go createNetwork: no name pattern,
# the predefined names refused) and `network connect --link` (daemon/network.go buildJoinOptions: an
# alias of that endpoint only, which the connected container alone resolves on that network).
docker network create _cl
docker network create .cl
docker network create bridge
docker network create default
docker network create --subnet 10.64.0.0/24 cl-sub
docker run -d --name cl-db --network cl-sub busybox sleep 1000
docker run -d --name cl-web busybox sleep 1000
docker run -d --name cl-other --network cl-sub busybox sleep 1000
docker network connect --link cl-db:dbalias cl-sub cl-web
docker exec cl-web ping -c1 -W1 dbalias
docker exec cl-other ping -c1 -W1 dbalias
docker network connect --link a:b:c cl-sub cl-other
@docker rm -f cl-web cl-db cl-other
@docker network rm cl-sub _cl .cl
