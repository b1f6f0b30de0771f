# Healthchecks and -it without a terminal, run on the reference Docker host and on dockwire by
# ReferenceScriptsTest. Left out: how many probes a log holds and failing streaks (they count the
# real daemon's own latency).
docker run -d --name dwref-h --health-cmd true --health-interval 1s busybox sleep 100
sleep 3
docker ps --filter name=dwref-h --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' dwref-h
docker run -d --name dwref-u --health-cmd false --health-interval 1s --health-retries 2 busybox sleep 100
sleep 5
docker ps --filter name=dwref-u --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.Health.Status}}' dwref-u
docker inspect -f '{{json .Config.Healthcheck}}' dwref-u
docker run -it busybox sh
docker exec -it dwref-h sh
docker exec -it dwref-h sh -c 'echo hi'
docker run --health-interval 1x busybox true
docker rm -f dwref-h dwref-u
