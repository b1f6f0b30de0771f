# Docker's "Container networking" page (docs.docker.com, engine/network): --network container:NAME (its
# addresses, hostname, /etc/hosts), --dns, --dns-search, --dns-option, --add-host, --hostname, /etc/hosts and
# /etc/resolv.conf inside, --network none, and the options the daemon refuses beside container:NAME
# (runconfig/errors.go). Names prefixed tut-; on a user-defined network with its subnet given, as the default
# bridge's addresses and the host's resolv.conf are other helpers' too on the reference host.
docker network create --subnet 172.30.0.0/16 tut-cnet
docker run -dit --name tut-web --network tut-cnet --hostname tut-web-host alpine ash
docker run --rm --network container:tut-web alpine ip route
docker run --rm --network container:tut-web alpine hostname
docker run --rm --network container:tut-web alpine cat /etc/hosts
docker run -d --name tut-shared --network container:tut-web alpine sleep 600
docker inspect --format '{{.HostConfig.NetworkMode}} {{.Config.Hostname}} {{json .NetworkSettings.Networks}}' tut-shared
docker network disconnect tut-cnet tut-shared
docker network connect tut-cnet tut-shared
docker stop -t 1 tut-shared
docker container prune -f --filter label=tut-none
docker container prune -f --filter tut=none
docker rm tut-shared
docker run --rm --network container:tut-web --hostname tut-h alpine true
docker run --rm --network container:tut-web --dns 10.0.0.2 alpine true
docker run --rm --network container:tut-web --add-host tut-db:10.0.0.3 alpine true
docker run --rm --network container:tut-web -p 8080:80 alpine true
docker run --rm --network container:tut-nope alpine true
docker run --rm --network tut-cnet --hostname tut-h1 alpine hostname
docker run --rm --network tut-cnet --hostname tut-h1 --ip 172.30.0.50 alpine cat /etc/hosts
docker run --rm --network tut-cnet --ip 172.30.0.51 --hostname tut-h2 --add-host tut-db.local:192.168.1.50 --add-host tut-db.local:192.168.1.51 alpine cat /etc/hosts
docker run --rm --network tut-cnet alpine cat /etc/resolv.conf
docker run --rm --network tut-cnet --dns 10.0.0.2 --dns-search example.com --dns-option ndots:2 --dns-option timeout:3 alpine cat /etc/resolv.conf
docker run --rm --dns 10.0.0.2 --dns-search example.com --dns-option ndots:2 alpine cat /etc/resolv.conf
docker run --rm --network none alpine ip addr
docker run --rm --network none --hostname tut-none alpine cat /etc/hosts
docker run --rm --network none --dns 10.0.0.2 alpine cat /etc/resolv.conf
docker run --rm --network none alpine sh -c 'ping -c 1 -W 1 172.30.0.2 2>&1'
docker rm -f tut-web
docker network rm tut-cnet
