# --stop-signal and --stop-timeout (Config.StopSignal, Config.StopTimeout): what docker stop sends and how long it waits, run on the reference Docker host and on dockwire by ReferenceScriptsTest.
# PID 1 of a container ignores a signal it has no handler for (sleep has none), so the stop ends with the SIGKILL after the timeout.
# (An unknown --stop-signal is left out: 20.10 says "Invalid signal", moby 28 "invalid signal".)
docker run -d --name dwr-stop1 --stop-signal SIGUSR1 --stop-timeout 1 alpine sleep 300 > /dev/null
docker inspect -f '{{.Config.StopSignal}} {{.Config.StopTimeout}}' dwr-stop1
docker stop dwr-stop1
docker inspect -f '{{.State.ExitCode}}' dwr-stop1
docker run -d --name dwr-stop2 --stop-signal KILL alpine sleep 300 > /dev/null
docker stop dwr-stop2
docker inspect -f '{{.Config.StopSignal}} {{.State.ExitCode}}' dwr-stop2
docker run -d --name dwr-stop3 --stop-signal 15 alpine sh -c 'trap "echo got TERM; exit 3" TERM; while true; do sleep 1; done' > /dev/null
sleep 1
docker stop dwr-stop3
docker logs dwr-stop3
docker inspect -f '{{.Config.StopSignal}} {{.State.ExitCode}}' dwr-stop3
docker run -d --name dwr-stop4 alpine true > /dev/null
docker inspect -f '{{json .Config.StopSignal}} {{json .Config.StopTimeout}}' dwr-stop4
docker run --rm --stop-timeout x alpine true
docker rm -f dwr-stop1 dwr-stop2 dwr-stop3 dwr-stop4
