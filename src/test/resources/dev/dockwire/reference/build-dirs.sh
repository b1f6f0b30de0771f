# Directories a build or a commit makes are in the image's layer, empty or not, with their mode and owner (moby's legacy
# builder, DOCKER_BUILDKIT=0: each RUN's layer is the container's diff, go-archive's ChangesDirs, directories included;
# WORKDIR's directory too). docker history's SIZE counts no directory (0B). ls -l's columns past the owner are cut: dates differ.
# docker diff's order varies between runs of the reference engine (CI saw /d before /app): sorted here.
@rm -rf /tmp/dwbuild-dirs
@mkdir -p /tmp/dwbuild-dirs
@printf 'FROM alpine\nRUN mkdir /d && mkdir -p /a/b && chmod 700 /a/b && mkdir /o && chown 1000:1000 /o\nWORKDIR /app\n' > /tmp/dwbuild-dirs/Dockerfile
export DOCKER_BUILDKIT=0; docker build -q -t dwbuilddirs:1 /tmp/dwbuild-dirs > /dev/null 2>&1; echo "status $?"
docker run --rm dwbuilddirs:1 ls -ld /d /a /a/b /o /app | awk '{print $1, $3, $4, $NF}'
docker run --rm dwbuilddirs:1 ls -a /d /app
docker history --format '{{.Size}}' dwbuilddirs:1 | head -2
docker run --name dwbuilddirs-c dwbuilddirs:1 sh -c 'echo y > /d/y; mkdir /app/e'
docker diff dwbuilddirs-c | sort -k2
docker run --name dwbuilddirs-m alpine sh -c 'mkdir -p /m/n && chmod 750 /m'
docker diff dwbuilddirs-m | sort -k2
docker commit dwbuilddirs-m dwbuilddirs:2 > /dev/null; echo "status $?"
docker run --rm dwbuilddirs:2 ls -ld /m /m/n | awk '{print $1, $3, $4, $NF}'
docker history --format '{{.Size}}' dwbuilddirs:2 | head -1
@docker rm dwbuilddirs-c dwbuilddirs-m
@docker rmi dwbuilddirs:1 dwbuilddirs:2
@rm -rf /tmp/dwbuild-dirs
