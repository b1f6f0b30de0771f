# docker update (docker/cli v28.2.2 cli/command/container/update.go; moby daemon/update.go, container_unix.go
# UpdateContainer), run on the reference Docker host and on dockwire by ReferenceScriptsTest: the restart policy and the
# resource limits docker inspect then shows, each container's name as given, the daemon's errors after, and the
# client's flag errors. Left out where Docker 20.10 and 28 word it differently (an unknown restart policy, the range
# of CPUs: UpdateEndToEndTest holds 28's texts).
@docker run -d --name dwref-up-c alpine sleep 300
docker update --restart always dwref-up-c
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' dwref-up-c
docker update --restart on-failure:3 dwref-up-c dwref-up-nosuch
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' dwref-up-c
docker update dwref-up-c
docker update --restart on-failure:x dwref-up-c
docker update --restart :3 dwref-up-c
docker update -m 64m dwref-up-c
docker update -m 64m --memory-swap 128m dwref-up-c
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' dwref-up-c
docker update --cpus 0.5 dwref-up-c
docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.CpuQuota}}' dwref-up-c
docker update --cpu-quota 50000 dwref-up-c
docker update --pids-limit 100 --cpu-shares 512 --cpuset-cpus 0 dwref-up-c
docker inspect -f '{{.HostConfig.PidsLimit}} {{.HostConfig.CpuShares}} {{.HostConfig.CpusetCpus}}' dwref-up-c
docker update -m 3m --memory-swap 10m dwref-up-c
docker update -m 100m --memory-swap 50m dwref-up-c
docker update --memory-reservation 32m dwref-up-c
docker inspect -f '{{.HostConfig.MemoryReservation}}' dwref-up-c
docker update --cpus x dwref-up-c
docker update --cpus 0.0000000001 dwref-up-c
docker update -m 1z dwref-up-c
docker update --memory-swap lots dwref-up-c
docker update --cpu-period abc dwref-up-c
docker update --nope dwref-up-c
docker update
docker update --restart always
@docker stop -t 0 dwref-up-c
docker container update --restart=unless-stopped dwref-up-c
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' dwref-up-c
@docker rm -f dwref-up-c
