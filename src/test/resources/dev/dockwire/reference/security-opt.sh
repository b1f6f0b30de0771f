# --security-opt (HostConfig.SecurityOpt): the client's check (a value, but no-new-privileges alone) and the daemon's (the keys parseSecurityOpt knows), run on the reference Docker host and on dockwire by ReferenceScriptsTest.
docker run --name dwr-so --security-opt no-new-privileges --security-opt seccomp=unconfined --security-opt apparmor=unconfined alpine true
docker inspect -f '{{json .HostConfig.SecurityOpt}}' dwr-so
docker rm dwr-so
docker run --rm --security-opt no-new-privileges=true alpine true
docker run --rm --security-opt bogus alpine true
docker run --rm --security-opt seccomp= alpine true
docker run --rm --security-opt bogus=1 alpine true
docker run --rm --security-opt no-new-privileges=maybe alpine true
