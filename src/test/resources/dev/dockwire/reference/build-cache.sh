# The legacy builder's cache (DOCKER_BUILDKIT=0): a second build of the same Dockerfile and context takes every step from
# the images the first one committed (moby builder/dockerfile/internals.go probeCache: " ---> Using cache", then the
# cached image's ID), running no container: the RUN's file is the first build's, though the clock moved on. The first
# build's RUN and WORKDIR containers show in the daemon's events (create, start, die, destroy), the second's none.
# --no-cache runs every step again. IDs are cut to <id>. The events' window starts after a second's sleep, so that
# what ran before the build in the same second (another script's cleanup) is not counted.
@rm -rf /tmp/dwbuild-cache /tmp/dwbuild-cache-first
@mkdir -p /tmp/dwbuild-cache
@printf 'FROM alpine\nRUN date +%%s > /when && echo ran\nWORKDIR /app\nENV K=v\n' > /tmp/dwbuild-cache/Dockerfile
@docker rmi -f dwbuildcache:1
export DOCKER_BUILDKIT=0; S=$(($(date +%s)+1)); sleep 1; docker build -t dwbuildcache:1 /tmp/dwbuild-cache 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'; docker events --since $S --until $(($(date +%s)+1)) --filter type=container --format '{{.Action}}' | sort | uniq -c
docker run --rm dwbuildcache:1 cat /when > /tmp/dwbuild-cache-first; sleep 2
export DOCKER_BUILDKIT=0; S=$(($(date +%s)+1)); sleep 1; docker build -t dwbuildcache:1 /tmp/dwbuild-cache 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'; docker events --since $S --until $(($(date +%s)+1)) --filter type=container --format '{{.Action}}' | sort | uniq -c
[ "$(docker run --rm dwbuildcache:1 cat /when)" = "$(cat /tmp/dwbuild-cache-first)" ] && echo same
export DOCKER_BUILDKIT=0; docker build --no-cache -t dwbuildcache:1 /tmp/dwbuild-cache 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
[ "$(docker run --rm dwbuildcache:1 cat /when)" = "$(cat /tmp/dwbuild-cache-first)" ] || echo differs
@docker rmi dwbuildcache:1
@docker image prune -f
@rm -rf /tmp/dwbuild-cache /tmp/dwbuild-cache-first
