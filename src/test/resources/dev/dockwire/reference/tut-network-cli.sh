# The docker network CLI reference's examples (docs.docker.com, reference/cli/docker/network): ls with its
# driver/name/scope/type filters (the same key twice is OR, two keys AND), --format, --no-trunc, -q; inspect
# --format; printf, and templates the CLI cannot parse; rm of a network in use and of one that is not there;
# prune -f with a label filter (only tut- networks: the reference host is shared). Names prefixed tut-; subnets
# given (20.10's IPAM). {{.Labels}} of ls is left out: the CLI joins a Go map, in random order.
docker network create --subnet 172.31.0.0/24 --label tut-prune --label tut-stage=dev tut-front
docker network create --subnet 172.31.1.0/24 --internal --label tut-prune tut-back
docker network create --subnet 172.31.2.0/24 --attachable tut-keep
docker network ls --filter name=tut- --format '{{.Name}}'
docker network ls --filter name=tut-front --filter name=tut-back --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network ls --filter driver=bridge --filter name=tut- --format '{{.Name}}'
docker network ls --filter driver=null --format '{{.Name}} {{.Driver}}'
docker network ls --filter scope=local --filter name=tut-k --format 'table {{.Name}}\t{{.Scope}}\t{{.Internal}}'
docker network ls --filter type=builtin --format '{{.Name}}'
docker network ls --filter type=custom --filter name=tut- --format '{{.Name}}'
docker network ls --filter label=tut-stage=dev --format '{{.Name}} {{.Label "tut-prune"}}|'
docker network ls --filter label=tut-prune --format '{{.Name}} {{.Label "tut-stage"}}'
docker network ls --filter type=other
docker network ls --filter colour=red
docker network ls --no-trunc --filter name=tut-front --format '{{len .ID}} {{.Name}}'
docker network ls -q --filter name=tut-nothing
docker network inspect --format '{{.Name}} {{.Scope}} {{.Driver}} {{.Internal}} {{.Attachable}} {{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}}{{end}} {{.Labels}}' tut-front tut-back tut-keep
docker network inspect --format '{{json .Labels}}' tut-front
docker network inspect -f '{{.Name}}' tut-front tut-nothing
docker network ls --filter name=tut-front --format '{{printf "%s-%d" .Name 3}} {{printf "%q" .Driver}}'
docker network ls --filter name=tut-nothing --format '{{foo .Name}}'
docker network ls --format '{{.Name'
docker network inspect --format '{{if .Internal}}{{bar .Name}}{{end}}' tut-nothing
docker ps --format '{{.Names'
docker run -dit --name tut-c --network tut-front alpine ash
docker network inspect --format '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' tut-front
docker network rm tut-front
docker network rm tut-nothing
docker network prune -f --filter label=tut-prune
docker network prune -f --filter label!=tut-prune --filter label=tut-stage=dev
docker network prune -f --filter colour=red
docker network ls --filter name=tut- --format '{{.Name}}'
docker rm -f tut-c
docker network prune -f --filter label=tut-stage=dev
docker network rm tut-keep
docker network ls --filter name=tut- --format '{{.Name}}'
