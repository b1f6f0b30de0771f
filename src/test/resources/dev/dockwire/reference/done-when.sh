# Issue 16's "Done when" transcript, run on the reference Docker host and on dockwire by
# ReferenceScriptsTest: a detached ping's replies and statistics in its log, Exited (0), an attached
# run --rm, docker stop of nginx exiting 0. The subnet is given: the reference daemon (20.10) hands out
# the pool after the last one it gave, and other scripts ran before.
@docker rm -f $(docker ps -aq --filter ancestor=alpine)
docker network create --subnet 172.18.0.0/16 pnet > /dev/null
docker run -d --name web --network pnet nginx > /dev/null
docker run -d --name pinger --network pnet alpine ping -c 3 web > /dev/null
sleep 4
docker logs pinger
docker ps -a --filter name=pinger --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.ExitCode}}' pinger
docker run --rm alpine echo hi
docker ps -aq --filter ancestor=alpine | wc -l
docker stop web
docker ps -a --filter name=web --format '{{.Names}} {{.Status}}'
docker rm pinger web > /dev/null
docker network rm pnet
