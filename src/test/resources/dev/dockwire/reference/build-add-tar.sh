# ADD of a local tar archive (DOCKER_BUILDKIT=0): the daemon unpacks it into the destination directory (copier.go
# performCopyForInfo: isArchivePath looks at the content, not the name, then UntarPath), each member with the mode, uid
# and gid its header holds (archive.go createTarFile: Lchown to the header's ids as root, Chmod to its mode); COPY of the
# same archive puts the file as it is. The archive comes from docker cp's tar stream of a container's directory.
@rm -rf /tmp/dwb25-at
@mkdir -p /tmp/dwb25-at
@docker rm -f dwb25-at-c
docker run --name dwb25-at-c alpine sh -c 'mkdir -p /t/s && echo hi > /t/a && echo x > /t/s/b && chown 1000:2000 /t/a && chmod 600 /t/a && chmod 700 /t/s && chown 5:6 /t/s'; echo "status $?"
docker cp dwb25-at-c:/t - > /tmp/dwb25-at/t.tar; echo "status $?"
@printf 'FROM alpine\nLABEL dwb25=at-1\nADD t.tar /x/\nCOPY t.tar /y/\nADD t.tar /z\n' > /tmp/dwb25-at/Dockerfile
@docker rmi -f dwb25-at:1
export DOCKER_BUILDKIT=0; docker build -q -t dwb25-at:1 /tmp/dwb25-at > /dev/null 2>&1; echo "status $?"
docker run --rm dwb25-at:1 stat -c '%a %u:%g %n' /x /x/t /x/t/a /x/t/s /x/t/s/b /z/t/a /y/t.tar
docker run --rm dwb25-at:1 cat /x/t/a /x/t/s/b
@docker rm -f dwb25-at-c
@docker rmi dwb25-at:1
@rm -rf /tmp/dwb25-at
