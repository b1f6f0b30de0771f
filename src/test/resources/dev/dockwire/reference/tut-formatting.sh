# Docker's "Format command and log output" page (docs.docker.com/engine/cli/formatting) and the docker inspect / docker ps
# CLI references' --format examples (docs.docker.com/reference/cli/docker/inspect, .../container/ls), on a container of
# our own: join, table, json, lower, split, title, upper, println; a container's IP address, MAC, log path and image;
# each published port's binding with range and index; a label with index; ps's json of a row; and the page's tip,
# docker container ls --format '{{json .}}'. Names prefixed cli-.
@docker rm -f cli-web >/dev/null 2>&1; docker network rm cli-tut >/dev/null 2>&1
docker network create --subnet 172.31.43.0/24 cli-tut
docker run -d --name cli-web --network cli-tut --ip 172.31.43.10 --label com.example.version=1.0 -p 18787:80 nginx
docker inspect --format '{{join .Args " , "}}' cli-web
docker inspect --format '{{join .Config.Cmd " , "}}' cli-web
docker image list --filter reference=nginx:latest --format "table {{.Repository}}\t{{.Tag}}"
docker inspect --format '{{json .Mounts}}' cli-web
docker inspect --format "{{lower .Name}}" cli-web
docker inspect --format '{{split .Image ":"}}' cli-web
docker inspect --format '{{split .Config.Image ":"}}' cli-web
docker inspect --format "{{title .Name}}" cli-web
docker inspect --format "{{upper .Name}}" cli-web
docker inspect --format='{{range .NetworkSettings.Networks}}{{println .IPAddress}}{{end}}' cli-web
docker inspect --format='{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' cli-web
docker inspect --format='{{len .LogPath | lt 10}}' cli-web
docker inspect --format='{{.Config.Image}}' cli-web
docker inspect --format='{{range $p, $conf := .NetworkSettings.Ports}} {{$p}} -> {{(index $conf 0).HostPort}} {{end}}' cli-web
docker inspect --format='{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}' cli-web
docker inspect --format='{{index .Config.Labels "com.example.version"}}' cli-web
docker inspect --format='{{.Config.Labels}}' cli-web
docker inspect --format='{{json .Config.Labels}}' cli-web
docker inspect --format='{{.State.Status}} {{.State.Running}} {{.RestartCount}} {{.HostConfig.NetworkMode}}' cli-web
docker container ls --filter name=cli-web --format '{{.Names}} {{.Image}} {{.Ports}} {{.Networks}} {{.Label "com.example.version"}}'
docker container ls --filter name=cli-web --format 'table {{.Names}}\t{{.Image}}\t{{.Ports}}'
docker ps --filter name=cli-web --format '{{join (split .Ports ", ") "\n"}}'
docker ps --filter name=cli-web --format "{{.ID}}: {{.Command}}" --no-trunc | cut -c65-
docker network inspect --format '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{len .Containers}}' cli-tut
docker network inspect --format '{{range $id, $c := .Containers}}{{$c.Name}} {{$c.IPv4Address}}{{end}}' cli-tut
docker rm -f cli-web
docker network rm cli-tut
