# The environment a container's process starts with (moby's CreateDaemonEnvironment, the image's and -e's variables,
# runc's HOME), as each shell passes it on (ash's and bash's tables, PWD and SHLVL, bash's _ and its exec'd last
# command), docker exec -e, docker run -i copying the client's stdin, Debian's hostname and cat in a Debian image;
# run on the reference Docker host and on dockwire by ReferenceScriptsTest.
docker run --rm -h envbox alpine env
docker run --rm -h envbox -e X=1 alpine sh -c 'env; echo $SHLVL'
docker run --rm -h envbox ubuntu bash -c env
docker run --rm -h envbox ubuntu bash -c 'echo $SHLVL; env'
docker run --rm -h envbox ubuntu sh -c env
docker run -d --name dwref-env -h envbox -e A=1 ubuntu sleep 100
docker exec dwref-env env
docker exec -e B=2 dwref-env env
docker exec -e B=3 dwref-env sh -c 'echo $B $HOME'
docker exec dwref-env hostname -y
docker exec dwref-env cat /nope
docker rm -f dwref-env
echo hi | docker run -i --rm alpine cat
echo hi | docker run --rm alpine cat
printf 'b\na\n' | docker run -i --rm ubuntu sort
