# docker compose inside a script: -f names a file relative to this script's directory.
# dockwire: seed 5
docker compose -f scaled/compose.yaml -p cli up -d --scale whoami=2
# expect: matches ^ ✔ Container cli-whoami-2 +Started$
docker compose -f scaled/compose.yaml -p cli ps --services
# expect: contains whoami
docker compose -f scaled/compose.yaml -p cli exec client nslookup whoami
# expect: matches (?s)Name:\twhoami\nAddress: 172\.18\.0\.\d+\nName:\twhoami\nAddress: 172\.18\.0\.\d+
# traefik/whoami is FROM scratch: /whoami is its only program, so exec reaches the second replica and runc finds no hostname.
docker compose -f scaled/compose.yaml -p cli exec --index 2 whoami hostname
# expect: status 126
# expect: contains exec: "hostname": executable file not found in $PATH
docker compose -f scaled/compose.yaml -p cli port whoami 80
# expect: status 1
# expect: contains no port 80/tcp for container cli-whoami-1
docker compose -f scaled/compose.yaml -p cli down
# expect: matches ^ ✔ Network cli_default +Removed$
docker network ls
# expect: not-contains cli_default
