# docker run --init: tini (docker-init) is PID 1 and forwards docker stop's SIGTERM to the command, which ends by it (143) where a bare sleep as PID 1 waits for SIGKILL (137); the command's status is the container's; inspect's HostConfig.Init. Run on the reference Docker host and on dockwire by RecordedReferenceTest.
docker run -d --name runflags-init --init alpine sleep 300 > /dev/null
docker run -d --name runflags-bare alpine sleep 300 > /dev/null
docker stop -t 1 runflags-init runflags-bare
docker inspect -f '{{.State.ExitCode}} {{json .HostConfig.Init}}' runflags-init runflags-bare
docker run --init --rm alpine sh -c 'exit 3'
docker run -d --name runflags-kill --init alpine sleep 300 > /dev/null
docker kill runflags-kill
docker inspect -f '{{.State.ExitCode}}' runflags-kill
docker rm runflags-init runflags-bare runflags-kill
