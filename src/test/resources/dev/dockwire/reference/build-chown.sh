# COPY --chown and ADD --chown in a legacy build (DOCKER_BUILDKIT=0): the copied files, the directories a directory's
# copy brings and the parents the copy makes belong to the --chown owner (moby's builder/dockerfile copier.go:
# MkdirAllAndChownNew for a file's missing parents, fixPermissions over what the copy put; a directory copied into a
# missing destination is chowned, its missing parents stay root's); a plain COPY's are root's with the context's modes.
# Names come from the image's /etc/passwd and /etc/group (internal.go parseChownFlag: a user alone is looked up as the
# group too, by name in /etc/group, so app is 1000:1001 here); ids are taken as they are. An unknown user or group
# fails the step with the daemon's text. The passwd lines are written by hand: the stand-in has no adduser.
@rm -rf /tmp/dwb25-chown
@mkdir -p /tmp/dwb25-chown/d/sub
@printf 'hello\n' > /tmp/dwb25-chown/f
@printf 'a\n' > /tmp/dwb25-chown/d/a
@printf 'bb\n' > /tmp/dwb25-chown/d/sub/b
@printf 'FROM alpine\nLABEL dwb25=chown-1\nRUN echo app:x:1000:1000::/home/app:/bin/sh >> /etc/passwd && echo appg:x:1000: >> /etc/group && echo app:x:1001: >> /etc/group && echo staff2:x:2000: >> /etc/group\nCOPY --chown=app:appg f /o/f\nCOPY --chown=app f /o/g\nCOPY --chown=1234:5678 f /n/m/f\nCOPY --chown=77 f /n/s\nCOPY --chown=app:staff2 d /o/d\nADD --chown=app:appg f /o/a/\nCOPY d /p/d\nCOPY --chown=app:staff2 d /o/d2/\nCOPY --chown=app:staff2 d /q/r/d\n' > /tmp/dwb25-chown/Dockerfile
@printf 'FROM alpine\nCOPY --chown=nosuch f /x\n' > /tmp/dwb25-chown/Dockerfile.user
@printf 'FROM alpine\nCOPY --chown=root:nosuchgrp f /x\n' > /tmp/dwb25-chown/Dockerfile.group
@docker rmi -f dwb25-chown:1
export DOCKER_BUILDKIT=0; docker build -q -t dwb25-chown:1 /tmp/dwb25-chown > /dev/null 2>&1; echo "status $?"
docker run --rm dwb25-chown:1 stat -c '%a %u:%g %n' /o /o/f /o/g /o/a /o/a/f /o/d /o/d/a /o/d/sub /o/d/sub/b /o/d2 /o/d2/a /n /n/m /n/m/f /n/s /q /q/r /q/r/d /q/r/d/a /p /p/d /p/d/a /p/d/sub /p/d/sub/b
docker run --rm dwb25-chown:1 ls -ln /o/d | awk 'NR>1{print $1, $3, $4, $NF}'
docker run --rm dwb25-chown:1 ls -l /o | awk 'NR>1{print $1, $3, $4, $NF}'
export DOCKER_BUILDKIT=0; docker build -f /tmp/dwb25-chown/Dockerfile.user /tmp/dwb25-chown 2>&1 | grep -v -e '^ *[BDe]' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'
export DOCKER_BUILDKIT=0; docker build -f /tmp/dwb25-chown/Dockerfile.group /tmp/dwb25-chown 2>&1 | grep -v -e '^ *[BDe]' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'
@docker rmi dwb25-chown:1
@rm -rf /tmp/dwb25-chown
