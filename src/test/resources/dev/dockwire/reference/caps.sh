# NET_RAW and /proc/sys inside containers: without NET_RAW BusyBox's raw ICMP and packet sockets are refused (EPERM); Docker sets ping_group_range in every container that has its own network namespace; /proc/sys is read-only unless privileged; --sysctl sets net.* keys at create.
docker network create --subnet 10.187.0.0/24 dwcp-n
docker run -d --name dwcp-plain --network dwcp-n alpine sleep 300
docker run -d --name dwcp-noraw --cap-drop NET_RAW --network dwcp-n alpine sleep 300
docker run -d --name dwcp-none --cap-drop ALL --network dwcp-n alpine sleep 300
docker exec dwcp-plain ping -c 1 -q 10.187.0.3
docker exec dwcp-noraw sh -c 'ping -c 1 10.187.0.2 > /dev/null'
docker exec dwcp-noraw sh -c 'ping -c 1 10.187.0.2 2> /dev/null'
docker exec dwcp-noraw sh -c 'ping -c 1 -W 1 10.187.0.99 > /dev/null'
docker exec dwcp-none sh -c 'ping -c 1 dwcp-plain > /dev/null'
docker exec dwcp-noraw ping -c x 10.187.0.2
docker exec dwcp-noraw ping -c 1 nosuch
docker exec dwcp-noraw sh -c 'ping -c 1 dwcp-plain > /dev/null 2>&1 || echo down'
docker exec dwcp-noraw traceroute -m 1 -w 1 10.187.0.1
docker exec dwcp-plain cat /proc/sys/net/ipv4/ping_group_range
docker exec dwcp-plain sysctl net.ipv4.ping_group_range
docker exec dwcp-plain sysctl -w net.ipv4.ip_forward=1
docker exec dwcp-plain sysctl -w net.ipv4.ip_forward=0
docker exec dwcp-plain sysctl -w net.ipv4.nosuch=1
docker exec dwcp-plain sysctl net.ipv4.ip_forward
docker exec dwcp-plain sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
docker exec dwcp-plain sh -c '{ echo 1 > /proc/sys/net/ipv4/ip_forward; } 2>&1; echo rc=$?'
docker run --rm --network dwcp-n --sysctl net.ipv4.ip_forward=1 alpine sysctl net.ipv4.ip_forward
docker run --rm --network dwcp-n --sysctl net.ipv4.ping_group_range='1 0' alpine cat /proc/sys/net/ipv4/ping_group_range
docker run --rm --network dwcp-n --sysctl net.ipv4.nosuch=1 alpine true
docker run --rm --network dwcp-n --sysctl net.ipv4.conf.all.src_valid_mark=1 alpine sysctl net.ipv4.conf.all.src_valid_mark
docker run --rm --network host alpine cat /proc/sys/net/ipv4/ping_group_range
docker run --rm --network none alpine cat /proc/sys/net/ipv4/ping_group_range
docker rm -f dwcp-plain dwcp-noraw dwcp-none
docker network rm dwcp-n
