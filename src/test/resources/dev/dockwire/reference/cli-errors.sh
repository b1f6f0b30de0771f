# The docker 28 client's own errors for a wrong number of arguments (cli/required.go), run on the
# reference Docker host with the 28.2 client and on dockwire by ReferenceScriptsTest.
docker logs
docker network connect onlyone
docker wait
docker top
docker exec onlyone
docker create
docker run
docker network create
docker network rm
docker service logs
docker service ps
docker service rm
docker swarm join
docker attach
docker kill
docker stop
docker start
docker rm
docker inspect
docker network inspect
docker container inspect
docker service scale
