# Docker's tutorial "Use host networking": nginx bound straight to the host's port 80, no NAT, no port
# mapping: no ports in inspect, docker port or ps (libnetwork's host driver reports no exposed ports).
# The host's own `ip addr show` and `netstat -tulpn` are left out: the reference host's links and
# listeners are other helpers' too.
docker run --rm -d --network host --name tut_nginx nginx
docker inspect tut_nginx --format '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Ports}}'
docker port tut_nginx
docker ps --filter name=tut_nginx --format '{{.Names}} [{{.Ports}}]'
docker container stop tut_nginx
