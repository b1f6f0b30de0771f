#!/usr/bin/env bash
# nginx in front: a frontnet with the proxy and a client, a backnet with two web servers and an
# API. The proxy's config is written with printf and reloaded, as people do it; requests then
# alternate between web1 and web2, /api goes to http-echo, and a dead upstream gives a 502.
# dockwire: seed 41

docker network create frontnet
docker network create backnet
docker run -d --name web1 --hostname web1 --network backnet traefik/whoami
docker run -d --name web2 --hostname web2 --network backnet traefik/whoami
docker run -d --name api --network backnet hashicorp/http-echo -text=hello
docker run -d --name proxy --network frontnet nginx
docker network connect backnet proxy
docker run -d --name client --network frontnet nicolaka/netshoot sleep infinity
docker exec client curl -s proxy | grep title
# expect: contains Welcome to nginx!
docker exec proxy sh -c "printf 'upstream backend { server web1:80; server web2:80; }\nserver { listen 80; location / { proxy_pass http://backend; } location /api { proxy_pass http://api:5678/; } }\n' > /etc/nginx/conf.d/default.conf"
docker exec proxy nginx -t
docker exec proxy nginx -s reload
docker exec client curl -s proxy
# expect: contains Hostname: web1
docker exec client curl -s proxy
# expect: contains Hostname: web2
docker exec client curl -s proxy
# expect: contains Hostname: web1
docker exec client curl -si proxy/api
# expect: contains Server: nginx/1.31.3
# expect: contains hello
docker exec client curl -s web1
# expect: status 6
docker exec proxy sh -c "printf 'server { listen 80; location / { proxy_pass http://nowhere:80; } }\n' > /etc/nginx/conf.d/default.conf && nginx -s reload"
docker exec client curl -s proxy
# expect: contains 502 Bad Gateway
