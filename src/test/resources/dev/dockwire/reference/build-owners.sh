# Owners in a legacy build (DOCKER_BUILDKIT=0): WORKDIR after USER (root's: moby 28 too, create_unix.go
# SetupWorkingDirectory(RootPair)), a plain COPY after COPY --chown (root's; build-chown.sh shows --chown's owners), and COPY
# --chmod, which only BuildKit takes: the legacy builder refuses it with the daemon's error (before the step commits
# anything). The passwd line is written by hand: the reference's BusyBox stand-in has no adduser. IDs are cut to <id>.
@rm -rf /tmp/dwb24-own
@mkdir -p /tmp/dwb24-own
@printf 'hello\n' > /tmp/dwb24-own/f
@printf 'FROM alpine\nLABEL dwb24=own-3\nRUN echo app:x:1000:1000::/home/app:/bin/sh >> /etc/passwd && echo app:x:1000: >> /etc/group\nUSER app\nWORKDIR /home/app/w\nWORKDIR /srv/w\nCOPY --chown=app:app f /srv/w/f\nCOPY f /srv/w/g\n' > /tmp/dwb24-own/Dockerfile
@printf 'FROM alpine\nCOPY --chmod=600 f /f\n' > /tmp/dwb24-own/Dockerfile.chmod
@docker rmi -f dwb24-own:1
export DOCKER_BUILDKIT=0; docker build -q -t dwb24-own:1 /tmp/dwb24-own > /dev/null 2>&1; echo built
docker run --rm dwb24-own:1 stat -c '%a %U:%G %n' /home/app/w /srv/w /srv/w/g
export DOCKER_BUILDKIT=0; docker build -f /tmp/dwb24-own/Dockerfile.chmod /tmp/dwb24-own 2>&1 | grep -v -e '^ *[BDe]' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'
@docker rmi dwb24-own:1
@rm -rf /tmp/dwb24-own
