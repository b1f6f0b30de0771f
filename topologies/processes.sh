#!/usr/bin/env bash
# Containers run their programs: a detached alpine's `ping -c 3` runs while the script sleeps,
# its output is in `docker logs`, and the container stops with ping's status; a foreground
# `docker run --rm` prints its program's output and goes; `docker stop` of nginx (STOPSIGNAL
# SIGQUIT, which nginx handles) exits at once with 0, while a PID 1 without a handler for SIGTERM
# (`sleep`) is killed after the grace period: 137.
# dockwire: seed 16

docker network create pnet
docker run -d --name web --network pnet nginx
docker run -d --name pinger --network pnet alpine ping -c 3 web
sleep 4
docker logs pinger
# expect: contains PING web
# expect: matches ^64 bytes from 172\.18\.0\.2: seq=2 ttl=64 time=
# expect: contains --- web ping statistics ---
# expect: contains 3 packets transmitted, 3 packets received, 0% packet loss
docker ps -a --format '{{.Names}} {{.Status}}'
# expect: contains pinger Exited (0) 2 seconds ago
# expect: matches ^web Up 4 seconds$
docker wait pinger
# expect: contains 0
docker run --rm alpine echo hi
# expect: contains hi
docker run -d --name napper alpine sleep 3600
docker top napper
# expect: matches ^UID {17}PID {17}PPID {16}C {19}STIME {15}TTY {17}TIME {16}CMD$
# expect: matches sleep 3600$
docker stop -t 2 napper
docker stop web
# expect: contains web
docker ps -a --format '{{.Names}} {{.Status}}'
# expect: contains napper Exited (137)
# expect: contains web Exited (0)
# expect: contains pinger Exited (0)
# The overlay example: a swarm service's task pings another service; docker service logs shows it.
docker swarm init --advertise-addr 192.168.1.11
docker network create -d overlay my_overlay_net
docker service create --name webapp --network my_overlay_net nginx
docker service create --name app --network my_overlay_net alpine ping webapp
sleep 3
docker service logs app
# expect: matches ^app\.1\.[0-9a-z]{12}@docker-host    \| PING webapp \(10\.0\.1\.\d+\): 56 data bytes$
# expect: matches ^app\.1\.[0-9a-z]{12}@docker-host    \| 64 bytes from 10\.0\.1\.\d+: seq=2 ttl=64
