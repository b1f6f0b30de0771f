# --volumes-from CONTAINER[:ro] (HostConfig.VolumesFrom): another container's mounts shared, read-only with :ro, their mode not copied; its refusals. Run on the reference Docker host and on dockwire by ReferenceScriptsTest.
docker run -d --name dwr-vf-data -v dwr-vf-vol:/data alpine sh -c 'echo hello > /data/f; sleep 300' > /dev/null
sleep 1
docker run --rm --volumes-from dwr-vf-data alpine cat /data/f
docker run --rm --volumes-from dwr-vf-data:ro alpine sh -c 'touch /data/g 2>&1; echo $?'
docker run --name dwr-vf-c --volumes-from dwr-vf-data alpine sh -c 'echo more >> /data/f; cat /data/f'
docker inspect -f '{{json .HostConfig.VolumesFrom}} {{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{json .Mode}} {{.RW}}{{end}}' dwr-vf-c
docker run --rm --volumes-from dwr-vf-c -v dwr-vf-other:/data alpine ls /data
docker run --rm --volumes-from dwr-vf-nosuch alpine true
docker run --rm --volumes-from dwr-vf-data:xx alpine true
docker rm -f dwr-vf-data dwr-vf-c
docker volume rm dwr-vf-vol dwr-vf-other
