# docker commit of a container that removed a file an image layer brought (moby daemon/commit.go: the
# container's diff with its whiteout as the new layer; go-archive changes.go's ChangeDelete), run on the
# reference Docker host and on dockwire by ReferenceScriptsTest: the removal shows in docker diff, the
# committed image's containers lack the file from the start, their own diff is empty.
@docker rm -f dwhost-c1 dwhost-c2 dwhost-c3
@docker rmi -f dwhost-img:v1 dwhost-img:v2
@docker run -d --name dwhost-c1 alpine sh -c 'echo hello > /a.txt; echo bye > /b.txt; sleep 300'
@sleep 1
docker commit dwhost-c1 dwhost-img:v1 > /dev/null
@docker run -d --name dwhost-c2 dwhost-img:v1 sh -c 'rm /a.txt; sleep 300'
@sleep 1
docker diff dwhost-c2
docker commit dwhost-c2 dwhost-img:v2 > /dev/null
docker run --rm dwhost-img:v2 cat /a.txt
docker run --rm dwhost-img:v2 cat /b.txt
@docker run -d --name dwhost-c3 dwhost-img:v2 sleep 300
@sleep 1
docker diff dwhost-c3
docker exec dwhost-c3 ls /a.txt
@docker rm -f dwhost-c1 dwhost-c2 dwhost-c3
@docker rmi -f dwhost-img:v1 dwhost-img:v2
