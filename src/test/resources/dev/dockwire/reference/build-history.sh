# The legacy builder's history (DOCKER_BUILDKIT=0, moby builder/dockerfile dispatchers.go and internals.go): every
# instruction after FROM commits an image whose history line is its container's Cmd joined by spaces: a config step's
# the shell, "#(nop) " and its text as separate words (withCmdComment: two spaces), WORKDIR's as one word
# (withCmdCommentString: one space), a RUN's its command, after "|N K=V..." when the stage's ARGs have values
# (prependEnvOnCmd, sorted). Comments are empty (BuildKit's are buildkit.dockerfile.v0; its texts, "RUN /bin/sh -c echo
# hi # buildkit", "WORKDIR /app", "ENV A=b", come from moby/buildkit's dockerfile2llb convert.go: this engine's client
# has no buildx, so they are held by DockerBuildHistoryTest). A --build-arg changes every RUN after the ARG: the cache
# holds up to it. The base's own entries are left out (head): the stand-in's are not alpine's.
@rm -rf /tmp/dwb24-hist
@mkdir -p /tmp/dwb24-hist
@printf 'FROM alpine\nLABEL dwb24=hist-1\nARG A=b\nARG N\nENV E=f\nWORKDIR /app\nWORKDIR sub\nRUN echo hi > x\nUSER nobody\nEXPOSE 80 53/udp\nCMD ["sh"]\nENTRYPOINT echo e\nSTOPSIGNAL SIGINT\nVOLUME /data\n' > /tmp/dwb24-hist/Dockerfile
@docker rmi -f dwb24-hist:1 dwb24-hist:2
export DOCKER_BUILDKIT=0; docker build -t dwb24-hist:1 /tmp/dwb24-hist 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' dwb24-hist:1 | head -13
export DOCKER_BUILDKIT=0; docker build --build-arg A=c --build-arg N=m -t dwb24-hist:2 /tmp/dwb24-hist 2>/dev/null | sed 's/[0-9a-f]\{12\}/<id>/g'
docker history --no-trunc --format '{{.CreatedBy}}' dwb24-hist:2 | head -13
docker history --format '{{.ID}}' dwb24-hist:1 | head -13 | grep -c missing
@docker rmi dwb24-hist:1 dwb24-hist:2
@rm -rf /tmp/dwb24-hist
