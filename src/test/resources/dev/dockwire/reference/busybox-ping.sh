# BusyBox ping in alpine (reference tier candidate): fixed subnet, no timing-dependent counts; times normalised by the test.
docker network create --subnet 10.181.0.0/24 dwref-rp-net
docker run -d --name dwref-rp-db --network dwref-rp-net alpine sleep 300
docker run -d --name dwref-rp-c --network dwref-rp-net alpine sleep 300
docker exec dwref-rp-c ping -c 2 dwref-rp-db
docker exec dwref-rp-c ping -c1 dwref-rp-db
docker exec dwref-rp-c ping -c 1 -q 10.181.0.2
docker exec dwref-rp-c ping -c 1 -s 100 10.181.0.2
docker exec dwref-rp-c ping -c 2 -i 0.2 -W 1 10.181.0.2
docker exec dwref-rp-c ping -c 1 -W 1 10.181.0.99
docker exec dwref-rp-c ping -c 1 nosuchhost
docker exec dwref-rp-c ping -c x dwref-rp-db
docker exec dwref-rp-c ping -c
docker exec dwref-rp-c ping
docker exec dwref-rp-c sh -c 'ping -c 1 dwref-rp-db > /dev/null && echo up'
docker exec dwref-rp-c sh -c 'ping -c 1 -W 1 10.181.0.99 > /dev/null || echo down'
docker rm -f dwref-rp-db dwref-rp-c
docker network rm dwref-rp-net
