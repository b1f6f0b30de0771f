# A published port reached from the LAN, and a container on another network refused by isolation:
# the run's pcapng files carry each frame's journey summary as its packet comment.
docker network create -o com.docker.network.bridge.name=br-front --subnet 10.10.1.0/24 frontnet
docker network create -o com.docker.network.bridge.name=br-back --subnet 10.10.2.0/24 backnet
docker run -d --name web --network frontnet -p 8080:80 nginx
docker run -d --name probe --network backnet nicolaka/netshoot sleep 1d
dockwire trace lan 192.168.1.10:8080
# expect: contains DNAT
docker exec probe curl -s --max-time 1 http://10.10.1.2/
# expect: status 28
