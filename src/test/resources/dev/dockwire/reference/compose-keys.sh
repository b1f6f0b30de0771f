# Compose keys of issue 19 (domainname, dns_search, dns_opt, mac_address, links, host_binding_ipv4)
# and docker compose ls, on the reference engine and dockwire. Recorded with the 28.2 client
# (DOCKER_CLIENT=/usr/local/bin/docker) and DOCKER_CONFIG naming a directory whose cli-plugins
# holds Compose 2.26.1. Addresses are left out (the engines' pools differ); up/down run unrecorded
# (Compose prints its progress concurrently without a terminal).
@mkdir -p /tmp/coref
@printf 'services:\n  web:\n    image: alpine\n    command: sleep 3600\n    domainname: example.org\n    hostname: web\n    dns_search: [corp.example, lab.example]\n    dns_opt: [ndots:2, timeout:3]\n    mac_address: 02:42:ac:11:99:01\n    links: [db:database]\n    networks: [front]\n  db:\n    image: alpine\n    command: sleep 3600\n    networks: [front]\n  pub:\n    image: nginx\n    ports:\n      - "8081:80"\n      - target: 80\n        published: "8082"\n        mode: host\n    networks: [local]\nnetworks:\n  front: {}\n  local:\n    driver_opts:\n      com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"\n' > /tmp/coref/compose.yaml
@docker compose -f /tmp/coref/compose.yaml up -d
docker compose ls --filter name=coref
docker exec coref-web-1 cat /etc/resolv.conf
docker exec coref-web-1 hostname
docker exec coref-web-1 hostname -d
docker exec coref-web-1 hostname -f
docker exec coref-web-1 sh -c 'ifconfig eth0 | head -1'
docker exec coref-web-1 sh -c 'ping -c1 -W1 database > /dev/null && echo reached'
docker inspect -f '{{.Config.Domainname}} {{.Config.Hostname}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}} {{json .HostConfig.Links}}' coref-web-1
docker inspect -f '{{json .NetworkSettings.Networks.coref_front.Links}} {{.NetworkSettings.Networks.coref_front.MacAddress}}' coref-web-1
docker inspect -f '{{json .NetworkSettings.Networks.coref_front.Links}}' coref-db-1
docker port coref-pub-1
docker ps --filter name=coref-pub --format '{{.Ports}}'
docker inspect -f '{{json .HostConfig.PortBindings}}' coref-pub-1
docker network inspect -f '{{json .Options}}' coref_local
docker compose -f /tmp/coref/compose.yaml config
docker compose ls -a --filter name=coref --format json
@docker compose -f /tmp/coref/compose.yaml down
docker compose ls -a --filter name=coref
docker run --rm --dns-search a.example --dns-option ndots:3 --domainname dom.example -h box alpine sh -c 'grep -v nameserver /etc/resolv.conf; hostname -f; hostname -d'
@rm -rf /tmp/coref
