# docker cp (docker/cli v28.2.2 cli/command/container/cp.go; moby daemon/archive.go and go-archive's copy.go), run on
# the reference Docker host and on dockwire by ReferenceScriptsTest: a file and a directory each way, the trailing /.
# and / rules, a copy into a stopped container, and the client's and the daemon's errors. Its output is no terminal,
# so the client prints no "Successfully copied" line (CpEndToEndTest holds it at a terminal). Left out: a host source
# the client refuses before uploading (no such directory, cannot copy directory), after which the 28.2 client's tar
# goroutine may or may not log "Can't add file ... to tar: io: read/write on closed pipe" (CpEndToEndTest holds the errors).
@rm -rf /tmp/dwref-cp
@mkdir -p /tmp/dwref-cp/site/sub
@echo hello > /tmp/dwref-cp/site/index.html
@echo deeper > /tmp/dwref-cp/site/sub/page.html
@docker run -d --name dwref-cp-c alpine sleep 300
docker cp /tmp/dwref-cp/site/index.html dwref-cp-c:/tmp/
docker exec dwref-cp-c cat /tmp/index.html
docker cp /tmp/dwref-cp/site dwref-cp-c:/tmp/site
docker exec dwref-cp-c cat /tmp/site/sub/page.html
docker cp /tmp/dwref-cp/site/. dwref-cp-c:/tmp/flat
docker exec dwref-cp-c cat /tmp/flat/sub/page.html /tmp/flat/index.html
docker container cp dwref-cp-c:/tmp/site /tmp/dwref-cp/out
cat /tmp/dwref-cp/out/sub/page.html
docker cp dwref-cp-c:/tmp/site /tmp/dwref-cp/out
ls -1 /tmp/dwref-cp/out
docker cp dwref-cp-c:/tmp/site/. /tmp/dwref-cp/flat
ls -1 /tmp/dwref-cp/flat
docker exec dwref-cp-c sh -c 'echo changed > /tmp/index.html'
docker cp dwref-cp-c:/tmp/index.html /tmp/dwref-cp/copy.txt
cat /tmp/dwref-cp/copy.txt
docker cp -q dwref-cp-c:/tmp/index.html /tmp/dwref-cp/flat/
cat /tmp/dwref-cp/flat/index.html
docker cp dwref-cp-c:/nope /tmp/dwref-cp/
docker cp /tmp/dwref-cp/nope dwref-cp-c:/tmp
docker cp /tmp/dwref-cp/no/such dwref-cp-c:/tmp
docker cp /tmp/dwref-cp/site/index.html dwref-cp-c:/nope/x
docker cp /tmp/dwref-cp/site/index.html dwref-cp-c:/tmp/index.html/x
docker cp dwref-cp-c:/tmp/index.html /tmp/dwref-cp/no/such
docker cp dwref-cp-c:/tmp/site /tmp/dwref-cp/copy.txt
docker cp dwref-cp-c:/tmp/index.html /tmp/dwref-cp/none/
docker cp /tmp/dwref-cp/site/index.html dwref-cp-nosuch:/tmp
docker cp dwref-cp-nosuch:/tmp /tmp/dwref-cp
docker cp dwref-cp-c:/tmp dwref-cp-c:/tmp
docker cp /tmp/dwref-cp/a /tmp/dwref-cp/b
docker cp dwref-cp-c:/tmp
@docker stop -t 0 dwref-cp-c
docker cp /tmp/dwref-cp/site/sub/page.html dwref-cp-c:/tmp/stopped.html
docker start dwref-cp-c
docker exec dwref-cp-c cat /tmp/stopped.html
@docker rm -f dwref-cp-c
@rm -rf /tmp/dwref-cp
