# What breaks the legacy builder's cache (DOCKER_BUILDKIT=0, moby builder/dockerfile/internals.go probeCache: a step
# is cached when an image of the same parent has the same config, its Cmd the step's text): changing a LABEL or ENV
# runs that step and every one after it again (" ---> Using cache" stops there); --target builds the stages up to the
# one named (the step count too), and a --build-arg the ARG declares changes each RUN after it. IDs are cut to <id>.
@rm -rf /tmp/dwb24-cb
@mkdir -p /tmp/dwb24-cb
@printf 'FROM alpine\nLABEL dwb24=cb-1\nENV X=1\nLABEL second=a\nRUN echo one > /one\nWORKDIR /w\n' > /tmp/dwb24-cb/Dockerfile
@printf 'FROM alpine AS base\nLABEL dwb24=cb-t\nARG V=1\nRUN echo $V > /v\nFROM base AS second\nRUN cat /v\nFROM alpine\nRUN echo last\n' > /tmp/dwb24-cb/Dockerfile.t
@docker rmi -f dwb24-cb:1 dwb24-cb:2 dwb24-cb:3 dwb24-cb:t dwb24-cb:s
export DOCKER_BUILDKIT=0; docker build -t dwb24-cb:1 /tmp/dwb24-cb 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
sed -i 's/second=a/second=b/' /tmp/dwb24-cb/Dockerfile; export DOCKER_BUILDKIT=0; docker build -t dwb24-cb:2 /tmp/dwb24-cb 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
sed -i 's/X=1/X=2/' /tmp/dwb24-cb/Dockerfile; export DOCKER_BUILDKIT=0; docker build -t dwb24-cb:3 /tmp/dwb24-cb 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
export DOCKER_BUILDKIT=0; docker build -f /tmp/dwb24-cb/Dockerfile.t --target base -t dwb24-cb:t /tmp/dwb24-cb 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
docker run --rm dwb24-cb:t cat /v
export DOCKER_BUILDKIT=0; docker build -f /tmp/dwb24-cb/Dockerfile.t --target second --build-arg V=2 -t dwb24-cb:s /tmp/dwb24-cb 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
@docker rmi dwb24-cb:1 dwb24-cb:2 dwb24-cb:3 dwb24-cb:t dwb24-cb:s
@rm -rf /tmp/dwb24-cb
