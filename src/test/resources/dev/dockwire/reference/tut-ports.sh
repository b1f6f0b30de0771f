# Docker's guide "Publishing and exposing ports": -p 8080:80, docker port (all, one port as typed, one not
# published), the PORTS column, a second -p 8080 refused, -P.
docker run -d -p 8080:80 --name tut-web nginx
docker port tut-web
docker port tut-web 80
docker port tut-web 80/tcp
docker port tut-web 81
docker ps --filter name=tut-web --format '{{.Names}} {{.Ports}}'
docker inspect tut-web --format '{{json .NetworkSettings.Ports}}'
docker run -d -p 8080:80 --name tut-web2 nginx
docker run -d -P --name tut-web3 nginx
docker port tut-web3
docker rm -f tut-web tut-web2 tut-web3
