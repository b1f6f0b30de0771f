# Sizes as the daemon measures them (moby daemon/list.go and inspect.go with size: SizeRw, the writable layer's files; SizeRootFs,
# that and the image's layers) shown by docker ps -s, docker inspect --size and their templates; docker system df -v's rows of a
# built image and of the containers; docker image ls and docker history of that image. What depends on the stand-in alpine's own
# size (virtual sizes, totals, its history's rows) is taken away from or cut off the line. The legacy builder's own history texts
# (#(nop), no comment) and its intermediate images (rmi deletes them too) are docker build's, not compared here. Names prefixed csz-.
@docker rm -f csz-a csz-b >/dev/null 2>&1; docker rmi csz-img:1 >/dev/null 2>&1; rm -rf /tmp/csz-ctx; mkdir -p /tmp/csz-ctx
@printf 'FROM alpine\nRUN printf %%100000s x > /blob\nLABEL csz=1\n' > /tmp/csz-ctx/Dockerfile
docker run --name csz-a alpine sh -c 'printf %12345s x > /f; mkdir /d; echo hi > /d/g'
docker create --name csz-b alpine true
docker ps -a -s --filter name=csz- --format 'table {{.Names}}\t{{.Size}}' | sed 's/ (virtual .*)//'
docker ps -a --filter name=csz-a --format '{{.Size}}' | sed 's/ (virtual .*)//'
docker inspect --size --format '{{.SizeRw}}' csz-a csz-b
echo $(( $(docker inspect --size --format '{{.SizeRootFs}}' csz-a) - $(docker image inspect --format '{{.Size}}' alpine) ))
echo $(( $(docker inspect --size --format '{{.SizeRootFs}}' csz-b) - $(docker image inspect --format '{{.Size}}' alpine) ))
docker inspect --format '{{.SizeRw}} {{.SizeRootFs}}' csz-a
docker inspect --size csz-b | grep -E '"SizeRw"'
docker container inspect -s --format '{{json .SizeRw}}' csz-a
export DOCKER_BUILDKIT=0; docker build -q -t csz-img:1 /tmp/csz-ctx 2>/dev/null | wc -l
docker image ls csz-img --format '{{.Repository}} {{.Tag}} {{.CreatedSince}}'
echo $(( $(docker image inspect --format '{{.Size}}' csz-img:1) - $(docker image inspect --format '{{.Size}}' alpine) ))
docker image inspect --format '{{.Config.Labels}}' csz-img:1
docker history --format '{{.Size}}|{{.CreatedSince}}' csz-img:1 | head -2
docker system df -v --format '{{range .Images}}{{if eq .Repository "csz-img"}}{{.Tag}} {{.CreatedSince}} {{.UniqueSize}} {{.Containers}}{{end}}{{end}}'
docker system df -v --format '{{range .Images}}{{if eq .Repository "alpine"}}{{if eq .Tag "latest"}}{{.UniqueSize}}{{end}}{{end}}{{end}}' | awk 1
docker system df -v --format '{{range .Containers}}{{if eq .Names "csz-a"}}{{.Names}} {{.Size}} {{.LocalVolumes}} {{.Status}}{{end}}{{end}}'
docker system df -v --format '{{range .Containers}}{{if eq .Names "csz-b"}}{{.Names}} {{.Size}} {{.Command}}{{end}}{{end}}' | awk 1
docker rm csz-a csz-b
docker rmi csz-img:1 | head -1
@rm -rf /tmp/csz-ctx
