# Compound commands at the host's prompt around docker commands (bash's for/while/if/case/functions/[[ ]]/$((...))); rec.sh runs
# each line in a bash -c of its own, so a line defines the functions it calls.
for i in 1 2 3; do docker run -d --name dwref-hl-$i alpine sleep 300 > /dev/null; done
docker ps --filter name=dwref-hl- --format '{{.Names}}' | sort
for c in $(docker ps -q --filter name=dwref-hl-); do docker inspect -f '{{.Name}} {{.State.Running}}' $c; done | sort
n=0; for c in $(docker ps -aq --filter name=dwref-hl-); do n=$((n+1)); done; echo "$n containers"
if docker inspect dwref-hl-1 > /dev/null 2>&1; then echo exists; else echo missing; fi
if docker inspect dwref-hl-9 > /dev/null 2>&1; then echo exists; else echo missing; fi
i=0; while [ $i -lt 2 ]; do i=$((i+1)); docker exec dwref-hl-$i hostname -i > /dev/null && echo "hl-$i answers"; done
for n in dwref-hl-1 dwref-db; do case $n in *-hl-*) echo "$n: web";; *) echo "$n: other";; esac; done
st() { docker inspect -f '{{.State.Status}}' "$1"; }; st dwref-hl-2
docker stop dwref-hl-3 > /dev/null; st() { docker inspect -f '{{.State.Status}}' "$1"; }; for i in 1 3; do [[ $(st dwref-hl-$i) == run* ]] && echo "$i up" || echo "$i down"; done
for i in 1 2 3; do docker rm -f dwref-hl-$i; done
docker ps -a --filter name=dwref-hl- --format '{{.Names}}'
for i in 1 2 3; do docker inspect -f '{{.Name}}' dwref-hl-$i 2>/dev/null || echo "no $i"; done
