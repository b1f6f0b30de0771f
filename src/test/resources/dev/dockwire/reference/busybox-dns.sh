# BusyBox nslookup in alpine against the embedded DNS (reference tier candidate). Only names Docker knows: the reference host's upstream does not answer.
# A plain `nslookup NAME` sends A and AAAA at once and prints the replies as they come: their order is a race, so it is compared sorted.
docker network create --subnet 10.182.0.0/24 dwref-rd-net
docker run -d --name dwref-rd-web --network dwref-rd-net --network-alias web alpine sleep 300
docker run -d --name dwref-rd-c --network dwref-rd-net alpine sleep 300
docker exec dwref-rd-c sh -c 'nslookup web | sort'
docker exec dwref-rd-c nslookup -type=a web
docker exec dwref-rd-c nslookup -type=a dwref-rd-web 127.0.0.11
docker exec dwref-rd-c nslookup -type=aaaa web
docker exec dwref-rd-c nslookup -type=a web.dwref-rd-net
docker exec dwref-rd-c sh -c 'nslookup web > /dev/null && echo found'
docker exec dwref-rd-c nslookup -x web
docker exec dwref-rd-c cat /etc/resolv.conf
docker rm -f dwref-rd-web dwref-rd-c
docker network rm dwref-rd-net
