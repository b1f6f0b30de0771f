# What a container is told about names: --hostname with a domain, --domainname, --add-host with host-gateway,
# legacy --link on the default bridge (its /etc/hosts line and the DB_* variables; the default bridge's
# addresses are other helpers' too on the reference host, so they are replaced by <ip>, and ids by <id>), and --link's errors.
# Names prefixed tw-; the user-defined network's subnet is given.
docker network create --subnet 10.236.0.0/24 tw-names
docker run --rm --network tw-names --hostname tw-web.example.com alpine hostname
docker run --rm --network tw-names --hostname tw-web.example.com alpine cat /etc/hosts
docker run --rm --network tw-names --hostname tw-web --domainname example.com alpine hostname
docker run --rm --network tw-names --hostname tw-web --domainname example.com alpine cat /etc/hosts
docker run --rm --network tw-names --hostname tw-web --domainname example.com alpine cat /proc/sys/kernel/domainname
docker run --rm --network tw-names --hostname tw-web --domainname example.com alpine hostname -f
docker run --rm --network tw-names --add-host host.docker.internal:host-gateway alpine grep host /etc/hosts
docker run --rm --network tw-names --add-host tw-gw=host-gateway alpine grep tw-gw /etc/hosts
docker run --rm --add-host tw-bad:300.1.1.1 alpine true
docker run --rm --add-host tw-bad alpine true
docker run --rm --network tw-names --add-host tw-six:fd00::1 alpine grep tw-six /etc/hosts
docker run -d --name tw-db -e POSTGRES_PASSWORD=secret --expose 5432 --expose 7000/udp alpine sleep 600
docker inspect --format '{{.Config.ExposedPorts}}' tw-db
docker run --rm --name tw-app --link tw-db:db alpine sh -c 'env | grep ^DB_ | sort' | sed -E 's/172\.17\.[0-9]+\.[0-9]+/<ip>/'
docker run --rm --name tw-app2 --link tw-db alpine sh -c 'env | grep ^TW_DB_ | sort' | sed -E 's/172\.17\.[0-9]+\.[0-9]+/<ip>/'
docker run --rm --link tw-db:db alpine sh -c 'grep -w db /etc/hosts' | sed -E 's/172\.17\.[0-9]+\.[0-9]+/<ip>/; s/ [0-9a-f]{12} / <id> /'
docker run --rm --link tw-db:db alpine sh -c 'ping -c 1 -W 1 db >/dev/null && echo reached'
docker run --rm --link tw-nothing:db alpine true
docker run --rm --network tw-names --link tw-db:db alpine sh -c 'env | grep -c ^DB_'
docker rm -f tw-db
docker network rm tw-names
