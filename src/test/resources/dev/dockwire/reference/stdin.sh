# docker exec -i: what is piped to the client reaches the process (without -i it reads nothing);
# run on the reference Docker host and on dockwire by ReferenceScriptsTest.
docker run -d --name dwref-c busybox sleep 100
echo hi | docker exec -i dwref-c cat
echo hi | docker exec dwref-c cat
printf 'a\nb\nab\n' | docker exec -i dwref-c grep -c b
docker rm -f dwref-c
