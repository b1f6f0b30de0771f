# --shm-size (HostConfig.ShmSize: /dev/shm's size) and --log-driver (HostConfig.LogConfig: none keeps nothing docker logs can read, local keeps it), their refusals; run on the reference Docker host and on dockwire by ReferenceScriptsTest.
# The kernel's inode64 option is cut: this host's kernel shows none, dockwire's Debian 12 kernel does.
docker run --rm --shm-size 128m alpine sh -c 'df -h | grep -e Filesystem -e /dev/shm; grep /dev/shm /proc/mounts | sed s/,inode64//'
docker run --name dwr-shm --shm-size 1g alpine true
docker inspect -f '{{.HostConfig.ShmSize}}' dwr-shm
docker rm dwr-shm
docker run --rm --shm-size 1x alpine true
docker run --name dwr-log1 --log-driver none alpine echo hi
docker inspect -f '{{json .HostConfig.LogConfig}}' dwr-log1
docker logs dwr-log1
docker run --name dwr-log2 --log-driver local --log-opt max-size=1m alpine echo hi
docker inspect -f '{{json .HostConfig.LogConfig}}' dwr-log2
docker logs dwr-log2
docker run --rm --log-driver nosuch alpine true
docker run --rm --log-driver none --log-opt max-size=1m alpine true
docker rm dwr-log1 dwr-log2
