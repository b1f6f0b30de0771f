# An image's entrypoint script execs the command given: PID 1 is that command, not the image's server
docker run --rm nginx ls /etc/nginx/conf.d > /dev/null
docker run --rm nginx sh -c 'ls /etc/nginx > /dev/null && echo listed'
docker run --rm nginx sh -c 'echo $0'
docker run --rm nginx echo hello
docker run --name entry-exec1 nginx ls / > /dev/null
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' entry-exec1
docker rm entry-exec1
docker run --rm postgres:15 ls / > /dev/null
docker run --rm postgres:15 cat /etc/hostname > /dev/null
docker run --rm postgres:15 sh -c 'ls /etc/hostname'
