# docker rmi of committed images (moby daemon/images/image_delete.go: Untagged, Deleted: the image, then each
# layer the layer store released, layer/layer_store.go), run on the reference Docker host and on dockwire by
# ReferenceScriptsTest: two commits of one container share their layer, which goes with the last of them;
# a commit of an unchanged container adds no layer.
@docker rm -f dwhost-r1
@docker rmi -f dwhost-rmi:v1 dwhost-rmi:v2 dwhost-rmi:empty
@docker run -d --name dwhost-r1 alpine sh -c 'echo hello > /a.txt; sleep 300'
@sleep 1
docker commit dwhost-r1 dwhost-rmi:v1 > /dev/null
docker commit -c 'ENV A=1' dwhost-r1 dwhost-rmi:v2 > /dev/null
@docker rm -f dwhost-r1
docker rmi dwhost-rmi:v1
docker rmi dwhost-rmi:v2
@docker run -d --name dwhost-r1 alpine sleep 300
docker commit dwhost-r1 dwhost-rmi:empty > /dev/null
@docker rm -f dwhost-r1
docker rmi dwhost-rmi:empty
