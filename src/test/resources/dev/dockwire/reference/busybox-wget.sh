# BusyBox wget in alpine against nginx (reference tier candidate); only status lines and wget's own texts, not the page (the stand-in's bodies are not nginx's).
docker network create --subnet 10.183.0.0/24 dwref-rw-net
docker run -d --name dwref-rw-web --network dwref-rw-net --network-alias web nginx:alpine
docker run -d --name dwref-rw-c --network dwref-rw-net alpine sleep 300
@sleep 1
docker exec dwref-rw-c sh -c 'wget -qO- http://web | grep "<title>"'
docker exec dwref-rw-c wget -q -O /dev/null http://web
docker exec dwref-rw-c wget --spider http://web
docker exec dwref-rw-c wget -q --spider http://web
docker exec dwref-rw-c wget -qO- http://web/nope
docker exec dwref-rw-c wget -O /dev/null http://web/nope
docker exec dwref-rw-c wget -qO- http://web:81
docker exec dwref-rw-c wget -O- http://web:81
docker exec dwref-rw-c wget -qO- http://nosuchhost
docker exec dwref-rw-c sh -c 'wget -qO- http://web:81 2>&1 || echo "rc=$?"'
docker rm -f dwref-rw-web dwref-rw-c
docker network rm dwref-rw-net
