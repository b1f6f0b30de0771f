# Container names as the daemon reserves them (moby daemon/names.go reserveName: validContainerNamePattern
# ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ after one leading "/"): one character is refused, as is a leading "_".
docker run --name a alpine true
docker create --name b alpine
docker run --name /z alpine true
docker run --name _nm alpine true
docker run --name nm-ok alpine true
docker run --name n. alpine true
docker run --name /nm-slash alpine true
docker inspect --format '{{.Name}}' nm-slash
docker run -d --name nm-one alpine sleep 100
docker rename nm-one x
docker rename nm-one /y
docker rename nm-one /nm-two
docker inspect --format '{{.Name}}' nm-two
@docker rm -f nm-ok n. nm-slash nm-two
