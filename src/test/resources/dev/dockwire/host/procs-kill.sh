docker run -d --name pk-s1 alpine sleep 3600
docker exec pk-s1 kill 99
docker exec pk-s1 sh -c 'kill 99; echo $?'
docker exec pk-s1 kill 1
docker exec pk-s1 kill -9 1
docker exec pk-s1 sh -c 'kill -9 1; echo $?'
docker ps --format '{{.Names}} {{.Status}}' --filter name=pk-s1
docker exec pk-s1 killall nosuch
docker exec pk-s1 pidof sleep
docker exec pk-s1 ps
docker exec pk-s1 timeout 1 sleep 5
docker exec pk-s1 timeout -s INT 1 sleep 5
docker exec pk-s1 timeout 5 sleep 1
docker exec pk-s1 timeout 1 nosuch
docker exec pk-s1 sh -c 'sleep 300 & sleep 400 & killall sleep; echo $?; pidof sleep'
docker ps --format '{{.Names}} {{.Status}}' --filter name=pk-s1
docker kill pk-s1
docker ps -a --format '{{.Names}} {{.Status}}' --filter name=pk-s1
docker rm pk-s1
