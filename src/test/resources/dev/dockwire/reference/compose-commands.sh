# docker compose's everyday commands beyond up and down (version, stop, start, restart, kill, rm,
# top, pull, create, run) on the reference engine and dockwire. Recorded with the 28.2 client
# (DOCKER_CLIENT=/usr/local/bin/docker) and DOCKER_CONFIG naming a directory whose cli-plugins
# holds Compose 2.26.1. Without a terminal Compose writes its progress as plain lines where
# dockwire prints the terminal's last frame: commands that show progress run unrecorded here, and
# ComposeCommandsTest holds their frames as Compose printed them on a terminal (script(1)).
@mkdir -p /tmp/s12cref
@printf 'services:\n  web:\n    image: nginx\n    ports:\n      - "18091:80"\n    depends_on: [db]\n  db:\n    image: alpine\n    command: sleep 3600\n' > /tmp/s12cref/compose.yaml
docker compose version
docker compose version --short
docker compose version -f json
docker compose version --format pretty
docker compose version extra
docker compose -f /tmp/s12cref/compose.yaml rm -f
@docker compose -f /tmp/s12cref/compose.yaml up -d
docker compose -f /tmp/s12cref/compose.yaml rm -f
docker compose -f /tmp/s12cref/compose.yaml stop nope
docker compose -f /tmp/s12cref/compose.yaml restart nope
docker compose -f /tmp/s12cref/compose.yaml start nope
docker compose -f /tmp/s12cref/compose.yaml pull nope
docker compose -f /tmp/s12cref/compose.yaml create nope
docker compose -f /tmp/s12cref/compose.yaml run --rm nope true
docker compose -f /tmp/s12cref/compose.yaml run
docker compose -f /tmp/s12cref/compose.yaml kill nope
docker compose -f /tmp/s12cref/compose.yaml rm -f nope
docker compose -f /tmp/s12cref/compose.yaml top nope
docker compose -f /tmp/s12cref/compose.yaml ps -q
docker compose -f /tmp/s12cref/compose.yaml ps --services
docker compose -f /tmp/s12cref/compose.yaml run --rm db echo hi
docker compose -f /tmp/s12cref/compose.yaml run --rm -e GREETING=hello db sh -c 'echo $GREETING'
docker compose -f /tmp/s12cref/compose.yaml run --rm --entrypoint echo db from the entrypoint
docker compose -f /tmp/s12cref/compose.yaml run --rm db sh -c 'exit 3'
docker compose -f /tmp/s12cref/compose.yaml run -d --no-deps --name s12cref-pub -p 18093:80 web
docker port s12cref-pub
docker inspect -f '{{index .Config.Labels "com.docker.compose.oneoff"}} {{index .Config.Labels "com.docker.compose.service"}} {{index .Config.Labels "com.docker.compose.container-number"}}' s12cref-pub
docker compose -f /tmp/s12cref/compose.yaml run --no-deps -d web > /dev/null
docker ps -a --filter label=com.docker.compose.project=s12cref --filter label=com.docker.compose.oneoff=True --format '{{.Image}} {{.Command}} {{.Ports}}'
@docker compose -f /tmp/s12cref/compose.yaml stop -t 1
docker compose -f /tmp/s12cref/compose.yaml ps --services
docker compose -f /tmp/s12cref/compose.yaml ps -a --services
@docker compose -f /tmp/s12cref/compose.yaml rm -f
docker ps -a --filter label=com.docker.compose.project=s12cref --filter label=com.docker.compose.oneoff=False --format '{{.Names}}'
@docker compose -f /tmp/s12cref/compose.yaml down
docker ps -a --filter label=com.docker.compose.project=s12cref --format '{{.Image}} {{.Command}} {{.Ports}}'
@docker rm -f s12cref-pub
@docker ps -aq --filter label=com.docker.compose.project=s12cref | xargs -r docker rm -f
@rm -rf /tmp/s12cref
