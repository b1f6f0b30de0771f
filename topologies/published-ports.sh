# Frontend published, backend private: the pattern most compose files follow.
# web (nginx) is published on the host's port 8080 and proxies to api, which sits on an
# --internal network that only web also joins. The LAN reaches web; nothing reaches api but web.
docker network create -o com.docker.network.bridge.name=br-front --subnet 10.10.1.0/24 frontnet
docker network create --internal --subnet 10.10.2.0/24 backnet
docker run -d --name api --network backnet hashicorp/http-echo -text="hello from api"
docker run -d --name web --network frontnet -p 8080:80 nginx
docker network connect backnet web
docker exec web sh -c 'printf "server {\n  listen 80;\n  location / { proxy_pass http://api:5678; }\n}\n" > /etc/nginx/conf.d/default.conf'
docker exec web nginx -s reload
docker ps
# expect: contains 0.0.0.0:8080->80/tcp
docker port web
# expect: contains 80/tcp -> 0.0.0.0:8080

# From the host, through docker-proxy (loopback) and through DNAT (the host's own address):
curl -s http://127.0.0.1:8080/
# expect: contains hello from api
# Watch the frontend bridge while the host connects to its own address: nat OUTPUT's DNAT sends
# it to web:80, still from the host's address (chosen before the DNAT, as Linux does).
tcpdump -i br-front -n -t -c 3 tcp port 80 &
curl -s http://192.168.1.10:8080/
# expect: matches IP 192\.168\.1\.10\.\d+ > 10\.10\.1\.2\.80: Flags \[S\]
# expect: contains hello from api

# The rules Docker installed for it:
iptables -t nat -S | grep DOCKER
# expect: contains -A DOCKER ! -i br-
iptables -S DOCKER
# expect: contains -A DOCKER -d 10.10.1.2/32 ! -i br-front -o br-front -p tcp -m tcp --dport 80 -j ACCEPT

# A container on the frontend network cannot reach the backend: no name, and no route through the host.
docker run -d --name other --network frontnet nicolaka/netshoot sleep 1d
docker exec other nslookup api
# expect: status 1
docker exec other curl -s --max-time 2 http://10.10.2.2:5678/
# expect: status 28
iptables -L DOCKER-ISOLATION-STAGE-1 -n -v
# expect: matches ^\s+[1-9]\d*\s+\d+\s+DROP\s.*!10\.10\.2\.0/24
# The backend has no way out (http-echo has no ping: ask from netshoot on the backend).
docker run -d --name probe --network backnet nicolaka/netshoot sleep 1d
docker exec probe ping -c 1 -W 1 192.168.1.1
# expect: status 2
