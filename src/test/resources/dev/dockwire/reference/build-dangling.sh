# An untagged docker build (docker/cli v28.2.2 build -q; moby's image store keeps what no name points at), run on the
# reference Docker host and on dockwire by ReferenceScriptsTest: the image is listed as <none>:<none> and by the
# dangling=true filter until removed. The reference's 20.10 daemon builds with the legacy builder (its deprecation
# notice on stderr is dropped); which builder made an image does not change how the store lists it.
@rm -rf /tmp/dwhost-b
@mkdir -p /tmp/dwhost-b
@printf 'FROM alpine\nLABEL dwhost=1\nCMD ["true"]\n' > /tmp/dwhost-b/Dockerfile
docker build -q /tmp/dwhost-b 2>/dev/null > /tmp/dwhost-b/id
docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}} {{.ID}}' | grep -c "$(cut -c8-19 /tmp/dwhost-b/id)"
docker images --filter dangling=true --filter label=dwhost=1 --format '{{.Repository}}:{{.Tag}}'
docker rmi $(cat /tmp/dwhost-b/id) | grep -c Untagged
docker images --filter dangling=true --filter label=dwhost=1 --format '{{.Repository}}:{{.Tag}}'
@rm -rf /tmp/dwhost-b
