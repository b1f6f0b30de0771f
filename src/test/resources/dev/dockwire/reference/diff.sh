# docker diff (docker/cli v28.2.2 cli/command/container/diff.go; moby daemon/changes.go over go-archive's ChangesDirs),
# run on the reference Docker host and on dockwire by ReferenceScriptsTest: what a container's processes and docker cp
# wrote, A where its image has no such path and C above it, and nothing of what Docker bind-mounts (hostname, hosts,
# resolv.conf) or of a volume. The daemon lists a directory's entries in Go's map order: the longer lists are sorted.
@rm -rf /tmp/dwref-df
@mkdir -p /tmp/dwref-df/a
@echo y > /tmp/dwref-df/a/b
@docker run -d --name dwref-df-c alpine sleep 300
docker diff dwref-df-c
docker exec dwref-df-c sh -c 'echo x > /tmp/x'
docker diff dwref-df-c
docker exec dwref-df-c sh -c 'echo z > /etc/zz; echo q > /root/q'
docker diff dwref-df-c | sort
docker cp /tmp/dwref-df dwref-df-c:/data1
docker diff dwref-df-c | grep data1 | sort
@docker run -d --name dwref-df-v -v dwref-df-vol:/tmp alpine sh -c 'echo v > /tmp/v; echo w > /root/w; sleep 300'
sleep 1
docker diff dwref-df-v
@docker stop -t 0 dwref-df-c
docker container diff dwref-df-c | sort
docker diff dwref-df-nosuch
docker diff
docker diff dwref-df-c dwref-df-v
docker diff ''
@docker rm -f dwref-df-c dwref-df-v
@docker volume rm dwref-df-vol
@rm -rf /tmp/dwref-df
