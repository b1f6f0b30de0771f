# docker inspect's --type and --size (docs.docker.com/reference/cli/docker/inspect) on a container, a network and a
# volume that share one name, as the reference's "When more than one object has the same name" example has it: which one
# inspect without --type finds, each with --type, a type it does not know, an object that is none of them, several names
# at once, and --size on what is not a container. Names prefixed cit-, the subnet given.
@docker rm -f cit-same >/dev/null 2>&1; docker network rm cit-same >/dev/null 2>&1; docker volume rm cit-same >/dev/null 2>&1
docker network create --subnet 172.31.88.0/24 cit-same
docker volume create cit-same
docker run -d --name cit-same --network cit-same -v cit-same:/data alpine sleep 600
docker inspect --format '{{.Name}}' cit-same
docker inspect --type network --format '{{.Name}} {{.Driver}} {{.Scope}}' cit-same
docker inspect --type volume --format '{{.Name}} {{.Driver}} {{.Scope}}' cit-same
docker inspect --type container --format '{{.Name}} {{.HostConfig.NetworkMode}}' cit-same
docker inspect --type image --format '{{.Id}}' cit-same
docker inspect --type nope cit-same
docker inspect cit-nothing
docker inspect --format '{{.Name}}' cit-same cit-nothing
docker inspect --type volume --format '{{.Name}}' cit-same cit-nothing
docker inspect --size --type network --format '{{.Name}}' cit-same
docker rm -f cit-same
docker inspect --format '{{.Name}}' cit-same
docker network rm cit-same
docker inspect --format '{{.Name}}' cit-same
docker volume rm cit-same
docker inspect --format '{{.Name}}' cit-same
