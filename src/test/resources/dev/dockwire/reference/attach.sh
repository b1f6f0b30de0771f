# docker attach, run on the reference Docker host and on dockwire by ReferenceScriptsTest.
docker run -d --name dwref-a busybox sh -c 'sleep 1; echo one; sleep 1; echo two; exit 4'
docker attach dwref-a
docker attach dwref-a
docker run -dit --name dwref-t busybox sh
docker attach dwref-t
docker attach dwref-nosuch
docker attach
docker rm -f dwref-a dwref-t
