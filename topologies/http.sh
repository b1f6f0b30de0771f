#!/usr/bin/env bash
# TCP and HTTP between containers: an http-echo API and nginx on a user-defined network, reached
# by name with curl; a closed port and an unknown name fail the way curl says.
# dockwire: seed 31

docker network create backend
docker run -d --name api --network backend hashicorp/http-echo -text="hello from api"
docker run -d --name web --network backend nginx
docker run -d --name client --cap-add NET_ADMIN --network backend nicolaka/netshoot sleep infinity
docker exec client curl -s api:5678
# expect: contains hello from api
docker exec client curl -sI http://web/
# expect: contains HTTP/1.1 200 OK
# expect: contains Server: nginx
docker exec client sh -c "curl -s web | grep title"
# expect: contains <title>Welcome to nginx!</title>
docker exec client curl api:8080
# expect: status 7
# expect: contains curl: (7) Failed to connect to api port 8080
docker exec client curl http://nothing-here/
# expect: status 6
# expect: contains curl: (6) Could not resolve host: nothing-here
docker exec client tc qdisc add dev eth0 root netem delay 50ms
docker exec client ping -c 2 api
# expect: contains time=50.0 ms
docker exec client curl -s api:5678
# expect: contains hello from api
