# docker run --mount and -v as the storage pages (docs.docker.com/engine/storage: volumes, bind mounts, tmpfs) and the
# docker run reference show them, and what docker inspect says of each: HostConfig.Mounts (what --mount asked),
# HostConfig.Binds (what -v asked), .Mounts (what the daemon mounted; a Go map, so sorted here); docker top's ps options with a header of one's
# own (docs: docker container top). Names prefixed cm-.
@docker rm -f cm-a cm-b cm-c cm-t >/dev/null 2>&1; docker volume rm cm-vol cm-vol2 cm-vol3 >/dev/null 2>&1; rm -rf /tmp/cm-src; mkdir -p /tmp/cm-src
docker run -d --name cm-a --mount type=volume,source=cm-vol,target=/data --mount type=bind,source=/tmp/cm-src,target=/src,readonly --mount type=tmpfs,target=/scratch,tmpfs-size=1m alpine sleep 600
docker inspect --format '{{json .HostConfig.Mounts}}' cm-a
docker inspect --format '{{json .HostConfig.Binds}} {{.HostConfig.Tmpfs}}' cm-a
docker inspect --format '{{range .Mounts}}{{.Type}} {{.Name}} {{.Source}} {{.Destination}} {{.Mode}} {{.RW}} {{.Propagation}}|{{end}}' cm-a | tr '|' '\n' | sort | sed 's#/var/lib/docker/volumes/#<root>/volumes/#; s#/var/tmp/dref/[^ ]*/volumes/#<root>/volumes/#'
docker run -d --name cm-b -v cm-vol2:/data:ro -v /tmp/cm-src:/src --tmpfs /run:rw,size=64k alpine sleep 600
docker inspect --format '{{json .HostConfig.Mounts}}' cm-b
docker inspect --format '{{range .HostConfig.Binds}}{{.}}|{{end}} {{json .HostConfig.Tmpfs}}' cm-b | tr '|' '\n' | sort
docker inspect --format '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.Mode}} {{.RW}} {{.Propagation}}|{{end}}' cm-b | tr '|' '\n' | sort
docker run --rm --mount type=volume,target=/data,readonly=false alpine true
docker create --name cm-c --mount type=volume,src=cm-vol3,dst=/v,volume-nocopy --mount type=bind,source=/tmp/cm-src,target=/b,bind-propagation=rslave --mount type=tmpfs,dst=/t,tmpfs-mode=1770 alpine true
docker inspect --format '{{json .HostConfig.Mounts}}' cm-c
docker rm cm-c
docker run --rm --mount type=volume,target=/v,tmpfs-size=1m alpine true
docker run --rm --mount type=tmpfs,target=/t,tmpfs-size=lots alpine true
docker run --rm --mount type=bind,src=/tmp/cm-src,target=/b,ro=maybe alpine true
docker run --rm --mount type=bind,src=/tmp/cm-src,target=/b,nocopy alpine true
docker run --rm --mount type=volume,target=/v,readonly alpine true
docker run --rm --mount type=bind,source=/tmp/cm-nothing,target=/x alpine true
docker run --rm --mount type=tmpfs,source=/x,target=/y alpine true
docker run --rm --mount type=nope,target=/x alpine true
docker run --rm --mount target=/x,type=volume,foo=bar alpine true
docker run --rm --mount type=volume alpine true
docker run -d --name cm-t alpine sleep 600
docker top cm-t -o pid=PROCESS,comm=COMMAND | awk 'NR == 1 {print} NR > 1 {print "<pid>", $2}'
docker top cm-t -o comm=
docker top cm-t -o user=WHO -o comm
docker top cm-t -o comm,pid=PID | awk '{print $1, ($2 ~ /^[0-9]+$/) ? "<pid>" : $2}'
docker top cm-t -o pid=PID,comm | awk '{print ($1 ~ /^[0-9]+$/) ? "<pid>" : $1, $2}'
docker top cm-t -o comm=PID
docker top cm-t -o pid,user=PIDS
docker rm -f cm-a cm-b cm-t
docker volume rm cm-vol cm-vol2 cm-vol3
