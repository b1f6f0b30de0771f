# docker run --detach-keys: keys the daemon cannot read refuse the attach ('unable to upgrade to tcp, received 400', status 1) and leave the container created, not started; ctrl-X and single characters are taken. Run on the reference Docker host and on dockwire by RecordedReferenceTest.
docker run --name runflags-dk --detach-keys foo alpine echo hi
docker inspect -f '{{.State.Status}}' runflags-dk
docker run --rm --detach-keys ctrl-x,ctrl-@,a alpine echo hi
docker rm runflags-dk
