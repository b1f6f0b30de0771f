# docker run -w/--workdir (Config.WorkingDir): the main process, a shell's script and docker exec start there, runc makes
# it when it is missing, docker exec -w overrides it, inspect shows it; a relative one is the daemon's refusal;
# run on the reference Docker host and on dockwire by ReferenceScriptsTest.
docker run --rm -w /tmp ubuntu pwd
docker run --rm --workdir /app/x alpine sh -c 'pwd; ls -d /app/x'
docker run --rm -w tmp alpine pwd
docker run -d --name dwref-wd -w /srv alpine sleep 100
docker exec dwref-wd pwd
docker exec -w / dwref-wd pwd
docker inspect -f '{{.Config.WorkingDir}}' dwref-wd
docker rm -f dwref-wd
