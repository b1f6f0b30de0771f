# Docker's "Volumes" page (docs.docker.com/engine/storage/volumes) and the docker volume CLI references' examples
# (volume create/ls/inspect/rm/prune): create and list, inspect with --format, a container with a named volume and
# the Mounts section of its inspect, a read-only mount, a volume shared by two containers, volume ls's filters
# (dangling, driver, label, name) and --format, and rm of a volume in use.
# Names prefixed cli-.
@docker rm -f cli-devtest cli-ro cli-share1 cli-share2 >/dev/null 2>&1; docker volume rm cli-vol cli-vol2 cli-nginx-vol >/dev/null 2>&1
docker volume create cli-vol
docker volume ls --filter name=cli- --format '{{.Driver}} {{.Name}}'
docker volume inspect --format '{{.Name}} {{.Driver}} {{.Scope}} {{.Labels}} {{.Options}}' cli-vol
docker run -d --name cli-devtest -v cli-vol2:/app nginx:latest
docker inspect --format '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.Driver}} {{.Mode}} {{.RW}} {{.Propagation}}{{end}}' cli-devtest
docker inspect --format '{{json .Mounts}}' cli-devtest | sed 's#"Source":"[^"]*"#"Source":"<src>"#'
docker container stop cli-devtest
docker container rm cli-devtest
docker volume rm cli-vol2
docker run -d --name cli-ro --mount source=cli-nginx-vol,destination=/usr/share/nginx/html,readonly nginx:latest
docker inspect --format '{{range .Mounts}}{{.Name}} {{.Destination}} {{.RW}} {{.Mode}}{{end}}' cli-ro
docker run -d --name cli-share1 -v cli-vol:/data alpine sleep 600
docker run -d --name cli-share2 -v cli-vol:/data:ro alpine sleep 600
docker ps --filter volume=cli-vol --format '{{.Names}} {{.Mounts}}'
docker volume create --label cli.stage=dev cli-vol2
docker volume ls --filter label=cli.stage --format '{{.Name}} {{.Labels}}'
docker volume ls --filter label=cli.stage=dev --filter name=cli-vol --format '{{.Name}}'
docker volume ls --filter driver=local --filter name=cli-vol --format '{{.Name}}'
docker volume ls --filter dangling=true --filter name=cli- --format '{{.Name}}'
docker volume ls --filter dangling=false --filter name=cli- --format '{{.Name}}'
docker volume ls --filter dangling=maybe
docker volume ls --filter colour=red
docker volume ls --filter name=cli-vol2 --format 'table {{.Name}}\t{{.Driver}}\t{{.Scope}}'
docker volume rm cli-vol
docker volume rm cli-vol2
docker volume ls --filter name=cli- --format '{{.Name}}'
docker rm -f cli-ro cli-share1 cli-share2
docker volume rm cli-vol cli-nginx-vol
docker volume ls --filter name=cli- --format '{{.Name}}'
