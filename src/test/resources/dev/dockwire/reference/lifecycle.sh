# The container lifecycle as the commands meet it, run on the reference Docker host and on
# dockwire by ReferenceScriptsTest; ids and ages are normalised, everything else must agree.
# Left out: where Docker 20.10 and 28 word it differently (exec into a stopped container, an unknown
# signal: ContainerLifecycleTest holds 28's texts), and what
# depends on how fast a real daemon starts containers (restart back-offs).
docker run --name dwref-s busybox sh -c 'echo one; echo two; exit 3'
docker ps -a --filter name=dwref-s --format '{{.Names}} {{.Status}}'
docker logs dwref-s
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}' dwref-s
docker wait dwref-s
docker start -a dwref-s
docker run -d --name dwref-plain busybox
docker run -dit --name dwref-it busybox sh
sleep 1
docker ps -a --filter name=dwref-plain --format '{{.Names}} {{.Status}}'
docker ps --filter name=dwref-it --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.Config.OpenStdin}} {{.Config.Tty}} {{.State.Status}}' dwref-it
docker exec dwref-it echo hi
docker exec -d dwref-it sh -c 'echo x > /tmp/x'
docker exec dwref-it cat /tmp/x
docker exec dwref-it sh -c 'exit 7'
docker kill dwref-it
docker ps -a --filter name=dwref-it --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.ExitCode}}' dwref-it
docker run --rm busybox echo hi
docker run --rm busybox false
docker logs --since foo dwref-s
docker logs --tail 1 dwref-s
docker run -d --name dwref-sl busybox sleep 100
docker stop -t 1 dwref-sl
docker ps -a --filter name=dwref-sl --format '{{.Names}} {{.Status}}'
docker rm dwref-nosuch
docker rm -f dwref-s dwref-plain dwref-it dwref-sl
