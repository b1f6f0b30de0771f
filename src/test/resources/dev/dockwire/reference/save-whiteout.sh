# docker save/load and FROM of a committed image that removed a file its base brought (moby daemon/commit.go's
# layer with its whiteout; go-archive whiteouts.go's .wh.NAME carried in the saved layer and applied by load;
# a build FROM it starts with those layers), run on the reference Docker host and on dockwire by
# ReferenceScriptsTest: the loaded and the derived image's containers lack the file, their diff is empty.
@docker rm -f dwhost-s1 dwhost-s2 dwhost-s3 dwhost-s4
@docker rmi -f dwhost-simg:v1 dwhost-simg:v2 dwhost-sder
@rm -rf /tmp/dwhost-s
@mkdir -p /tmp/dwhost-s
@docker run -d --name dwhost-s1 alpine sh -c 'echo hello > /a.txt; echo bye > /b.txt; sleep 300'
@sleep 1
docker commit dwhost-s1 dwhost-simg:v1 > /dev/null
@docker run -d --name dwhost-s2 dwhost-simg:v1 sh -c 'rm /a.txt; sleep 300'
@sleep 1
docker diff dwhost-s2
docker commit dwhost-s2 dwhost-simg:v2 > /dev/null
docker save -o /tmp/dwhost-s/img.tar dwhost-simg:v2
@docker rm -f dwhost-s1 dwhost-s2
docker rmi dwhost-simg:v2 dwhost-simg:v1 | grep -c Untagged
docker load -i /tmp/dwhost-s/img.tar
docker run --rm dwhost-simg:v2 cat /a.txt
docker run --rm dwhost-simg:v2 cat /b.txt
@docker run -d --name dwhost-s3 dwhost-simg:v2 sleep 300
@sleep 1
docker diff dwhost-s3
docker exec dwhost-s3 ls /a.txt
@printf 'FROM dwhost-simg:v2\nCMD ["sleep", "300"]\n' > /tmp/dwhost-s/Dockerfile
docker build -q -t dwhost-sder /tmp/dwhost-s 2>/dev/null > /dev/null
docker run --rm dwhost-sder cat /a.txt
docker run --rm dwhost-sder cat /b.txt
@docker run -d --name dwhost-s4 dwhost-sder
@sleep 1
docker diff dwhost-s4
@docker rm -f dwhost-s1 dwhost-s2 dwhost-s3 dwhost-s4
@docker rmi -f dwhost-simg:v1 dwhost-simg:v2 dwhost-sder
@rm -rf /tmp/dwhost-s
