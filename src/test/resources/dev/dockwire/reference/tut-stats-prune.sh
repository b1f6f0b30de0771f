# What a reader types to watch and tidy containers (docs.docker.com/reference/cli/docker/container/stats, .../container/prune,
# .../system/prune, .../system/df): docker stats --no-stream as a table (its header; the name and PIDs columns, the other
# columns are the host's measures), for several containers, a stopped one and one that is not there, --no-trunc, --format
# with .Container as typed; prune's question answered by no one (stdin is not a terminal: the client reads EOF as no;
# the question ends no line, awk ends it) and
# -f with a label filter (the reference host is shared: nothing unlabelled is pruned); system df's --format of its types.
# Names prefixed tsp-.
@docker rm -f tsp-a tsp-b tsp-c >/dev/null 2>&1
docker run -d --name tsp-a --label tsp=1 alpine sleep 600
docker run -d --name tsp-b --label tsp=1 alpine sleep 600
docker exec -d tsp-b sleep 600
docker create --name tsp-c --label tsp=1 alpine true
docker stats --no-stream tsp-a | head -1 | tr -s ' '
docker stats --no-stream tsp-a tsp-b | awk 'NR > 1 {print $2, $NF}'
docker stats --no-stream --format 'table {{.Name}}\t{{.PIDs}}' tsp-b tsp-a
docker stats --no-stream --format '{{.Container}} {{.Name}} {{.PIDs}}' tsp-a
docker stats --no-stream --format '{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.NetIO}} {{.BlockIO}} {{.PIDs}}' tsp-c
docker stats --no-stream --no-trunc --format '{{len .ID}} {{.Name}}' tsp-a
docker stats --no-stream --format '{{.Name}}' tsp-a tsp-nobody
docker stats --no-stream --format '{{json .PIDs}}' tsp-a
docker stop -t 1 tsp-a
docker stats --no-stream --format '{{.Name}} {{.PIDs}} {{.MemUsage}}' tsp-a
docker container prune --filter label=tsp=1 | awk 1
docker container prune -f --filter label=tsp=1 | sed -E 's/^[0-9a-f]{64}$/<id>/'
docker ps -a --filter label=tsp=1 --format '{{.Names}}'
docker system prune --filter label=tsp=1 --filter label!=tsp=2 --filter until=24h | awk 1
docker system prune | awk 1
docker system df --format '{{.Type}}'
docker system df --format 'table {{.Type}}' | head -1
docker system df --format '{{json .Type}}' | head -1
docker rm -f tsp-b
