# WORKDIR's layer in a legacy build (DOCKER_BUILDKIT=0): each WORKDIR is a step container committed
# (dispatchers.go dispatchWorkdir: ContainerCreateWorkdir, then commitContainer), and the daemon's commit
# marks its history entry an empty layer when the container's diff is empty (image_commit.go CommitImage:
# layer.IsEmpty), so only a WORKDIR that makes a directory adds a layer to RootFS.Layers; docker history
# shows each one's 0B all the same.
@rm -rf /tmp/dwb25-wd
@mkdir -p /tmp/dwb25-wd
@printf 'FROM alpine\nLABEL dwb25=wd-1\nWORKDIR /w1\nWORKDIR /tmp\nWORKDIR /w1\nWORKDIR sub\n' > /tmp/dwb25-wd/Dockerfile
@docker rmi -f dwb25-wd:1
@docker run --rm alpine true
export DOCKER_BUILDKIT=0; docker build -q -t dwb25-wd:1 /tmp/dwb25-wd > /dev/null 2>&1; echo "status $?"
echo $(( $(docker image inspect --format '{{len .RootFS.Layers}}' dwb25-wd:1) - $(docker image inspect --format '{{len .RootFS.Layers}}' alpine) ))
docker history --format '{{.CreatedBy}}|{{.Size}}' dwb25-wd:1 | head -4
docker run --rm dwb25-wd:1 pwd
@docker rmi dwb25-wd:1
@rm -rf /tmp/dwb25-wd
