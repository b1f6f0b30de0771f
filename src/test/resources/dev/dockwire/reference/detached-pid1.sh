# A detached container's command runs as PID 1 and ends by itself: applets, ps, a missing file, restarts
docker run -d --name det-ls alpine ls /etc > /dev/null
docker run -d --name det-cat alpine cat /nope > /dev/null
docker run -d --name det-ps alpine ps > /dev/null
docker run -d --name det-tail alpine tail -f /dev/null > /dev/null
docker run -d --name det-sh alpine sh /nope.sh > /dev/null
docker run -d --name det-exit alpine sh -c 'exit 3' > /dev/null
docker wait det-ls det-cat det-ps det-sh det-exit
docker logs det-ls | grep -c hosts
docker logs det-cat
docker logs det-ps | wc -l
docker logs det-ps | grep -c "^ *1 root"
docker logs det-sh
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' det-ls det-cat det-ps det-tail det-sh det-exit
docker top det-tail -o args
docker run -d --name det-tailsh alpine sh -c 'echo started; tail -f /dev/null' > /dev/null
docker run -d --name det-log alpine sh -c 'for i in 1 2 3; do echo "line $i" >> /tmp/app.log; done; tail -n 2 -f /tmp/app.log' > /dev/null
sleep 2
docker exec det-log sh -c 'echo "line 4" >> /tmp/app.log'
sleep 2
docker logs det-tailsh
docker logs det-log
docker inspect -f '{{.State.Status}}' det-tailsh det-log
docker run -d --restart on-failure:2 --name det-rf alpine ls /nope > /dev/null
sleep 6
docker inspect -f '{{.RestartCount}}' det-rf
docker logs det-rf 2>&1 | sort | uniq -c
docker rm -f det-ls det-cat det-ps det-tail det-sh det-exit det-tailsh det-log det-rf
docker run --rm alpine ls /nope 2>/dev/null; echo "status $?"
docker run --rm alpine ls /nope 2>&1 >/dev/null | sed 's/^/err: /'
