# The image's files removed in a container (moby daemon/changes.go over go-archive's changes: a whiteout in the
# writable layer is ChangeDelete, D, its directory C) and what cat, rm and docker cp (daemon/archive.go) then say,
# run on the reference Docker host and on dockwire by ReferenceScriptsTest. The reference host's alpine is a BusyBox
# stand-in whose /etc holds passwd: the file's text differs there, what the engine and BusyBox answer does not.
@rm -rf /tmp/cpdiff-rm
@mkdir -p /tmp/cpdiff-rm
@docker run -d --name cpdiff-rm-c alpine sleep 300
docker diff cpdiff-rm-c
docker exec cpdiff-rm-c rm /etc/passwd
docker diff cpdiff-rm-c
docker exec cpdiff-rm-c cat /etc/passwd
docker exec cpdiff-rm-c rm /etc/passwd
docker exec cpdiff-rm-c rm -f /etc/passwd
docker cp cpdiff-rm-c:/etc/passwd /tmp/cpdiff-rm/
echo root:x:0:0:root:/root:/bin/sh > /tmp/cpdiff-rm/passwd
docker cp /tmp/cpdiff-rm/passwd cpdiff-rm-c:/etc/passwd
docker diff cpdiff-rm-c
docker exec cpdiff-rm-c cat /etc/passwd
docker exec cpdiff-rm-c sh -c 'echo x > /tmp/x; rm /tmp/x'
docker diff cpdiff-rm-c
docker exec cpdiff-rm-c rm /nope
@docker rm -f cpdiff-rm-c
@rm -rf /tmp/cpdiff-rm
