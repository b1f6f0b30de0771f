# Directories made and removed in a container (mkdir(2) and rmdir(2) in the writable layer), as ls, stat, tar,
# docker diff and docker cp see them, run on the reference Docker host and on dockwire by ReferenceScriptsTest.
# The reference host's alpine is a BusyBox stand-in (Debian's busybox-static 1.35): its applets' texts are BusyBox's.
@rm -rf /tmp/ctr-dirs
@mkdir -p /tmp/ctr-dirs
@docker run -d --name ctr-dirs-c alpine sleep 300
docker exec ctr-dirs-c mkdir -p /tmp/a/b
docker exec ctr-dirs-c mkdir /tmp/a
docker exec ctr-dirs-c stat -c '%a %h %U:%G %F %n' /tmp/a /tmp/a/b
docker diff ctr-dirs-c
docker exec ctr-dirs-c sh -c 'echo hi > /tmp/a/b/f && cd /tmp/a && tar -cvf /tmp/t.tar b && tar -tf /tmp/t.tar'
docker exec ctr-dirs-c rmdir /tmp/a/b
docker exec ctr-dirs-c cp -r /tmp/a /tmp/c
docker exec ctr-dirs-c ls /tmp/c/b
docker exec ctr-dirs-c mv /tmp/c /tmp/d
docker exec ctr-dirs-c rm -r /tmp/a /tmp/d
docker exec ctr-dirs-c ls /tmp
docker diff ctr-dirs-c
docker cp ctr-dirs-c:/tmp/t.tar /tmp/ctr-dirs/
ls /tmp/ctr-dirs
@docker rm -f ctr-dirs-c
@rm -rf /tmp/ctr-dirs
