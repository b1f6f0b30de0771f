# A COPY or ADD whose source the context lacks, in a legacy build (DOCKER_BUILDKIT=0): the daemon fails the step after
# its Step line (copier.go calcCopyInfo: "COPY failed: file not found in build context or excluded by .dockerignore:
# stat NAME: file does not exist"; ADD's words are the same with ADD). IDs are cut to <id>.
@rm -rf /tmp/dwb25-cm
@mkdir -p /tmp/dwb25-cm
@printf 'x\n' > /tmp/dwb25-cm/f
@printf 'FROM alpine\nCOPY f /f\nCOPY nosuch /n\n' > /tmp/dwb25-cm/Dockerfile
@printf 'FROM alpine\nADD nosuch /n\n' > /tmp/dwb25-cm/Dockerfile.add
export DOCKER_BUILDKIT=0; docker build --no-cache /tmp/dwb25-cm 2>&1 | grep -v -e '^ *[BDe]' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'
export DOCKER_BUILDKIT=0; docker build -f /tmp/dwb25-cm/Dockerfile.add /tmp/dwb25-cm 2>&1 | grep -v -e '^ *[BDe]' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'
export DOCKER_BUILDKIT=0; docker build -q /tmp/dwb25-cm > /dev/null 2>&1; echo "status $?"
@rm -rf /tmp/dwb25-cm
