# The legacy builder's intermediate images (DOCKER_BUILDKIT=0): each step's commit is an image of its own, the parent
# of the next (image.Store's SetParent); docker images hides them (an image with a child), docker images -a lists them
# as <none>:<none>, and docker rmi of the last one deletes it and then each parent no other image or name holds
# (image_delete.go imageDeleteHelper, removeParents): "Deleted: ID" per image, newest first, each followed by the
# layers no image uses any more. A commit's image has its container's image as Parent too (daemon/commit.go). IDs are
# cut to <id>.
@docker rm -f dwb24-mid-c
@docker rmi -f dwb24-mid:c
docker run --name dwb24-mid-c alpine true; docker commit dwb24-mid-c dwb24-mid:c > /dev/null; docker image inspect --format '{{if .Parent}}parent{{else}}none{{end}}' dwb24-mid:c
@docker rm -f dwb24-mid-c
@docker rmi dwb24-mid:c
@rm -rf /tmp/dwb24-mid
@mkdir -p /tmp/dwb24-mid
@printf 'FROM alpine\nLABEL dwb24=mid-1\nRUN echo a > /a\nENV K=v\nWORKDIR /w\nRUN echo b > /w/b\n' > /tmp/dwb24-mid/Dockerfile
@docker rmi -f dwb24-mid:1
export DOCKER_BUILDKIT=0; docker build -q -t dwb24-mid:1 /tmp/dwb24-mid 2>/dev/null | sed 's/[0-9a-f]\{64\}/<id>/g'
for i in $(docker history -q dwb24-mid:1 | head -5); do docker images -a --format '{{.ID}} {{.Repository}}:{{.Tag}}' | grep "^$i" | cut -d' ' -f2; done
for i in $(docker history -q dwb24-mid:1 | head -5); do docker images --format '{{.ID}} {{.Repository}}:{{.Tag}}' | grep "^$i" | cut -d' ' -f2; done
docker image inspect --format '{{if .Parent}}parent{{end}}' dwb24-mid:1
docker rmi dwb24-mid:1 | sed 's/[0-9a-f]\{64\}/<id>/g'
@rm -rf /tmp/dwb24-mid
