# Table formats beside the real docker 28.2 client: the header is the same template run over the column names with
# docker/cli's HeaderFunctions (json, split, join, title, lower, upper, pad, truncate give their first argument back),
# builtins over the names (len, printf, slice, if), a field of no column, and the rows through the tab writer.
# Names prefixed cli-.
@docker network rm cli-tn >/dev/null 2>&1; docker volume rm cli-tv >/dev/null 2>&1; docker rm -f cli-tc >/dev/null 2>&1
@docker network create --label cli.t=1 cli-tn
@docker volume create --label cli.t=1 cli-tv
@docker run -dit --name cli-tc --label cli.t=1 alpine ash
docker network ls --filter name=cli-tn --format 'table {{upper .Name}}\t{{json .Driver}}\t{{pad .Scope 1 1}}|\t{{truncate .Name 3}}\t{{title .Internal}}'
docker network ls --filter name=cli-tn --format 'table {{len .Name}}\t{{printf "%s!" .Driver}}\t{{slice .Name 0 2}}\t{{if .Name}}yes{{end}}'
docker network ls --filter name=cli-tn --format 'table {{.Name}}\t{{.Label "cli.t"}}\t{{lower (.Label "cli.t")}}'
docker volume ls --filter name=cli-tv --format 'table {{.Name}}\t{{.Label "cli.t"}}\t{{split .Name "-"}}\t{{join (split .Name "-") "+"}}'
docker ps --filter name=cli-tc --format 'table {{.Names}}\t{{upper .Image}}\t{{.Label "cli.t"}}\t{{json .State}}\t{{.Status | len | lt 2}}'
docker images --filter reference=alpine:latest --format 'table {{.Repository}}\t{{.Tag}}\t{{upper .Containers}}\t{{len .Repository}}'
docker images --filter reference=alpine:latest --format 'table {{.Repository}}:{{.Tag}}'
docker ps --filter name=cli-tc --format 'table {{.Names}} {{.Nope}}'
docker network ls --filter name=cli-tn --format 'table {{.Name}}\t{{.Nope}}'
docker network ls --filter name=cli-tn --format 'table {{json .}}' | cut -c1-13
@docker rm -f cli-tc
@docker volume rm cli-tv
@docker network rm cli-tn
