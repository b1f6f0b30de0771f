# Resource limits at docker run (HostConfig.Resources: --memory, --cpus, ...; the swap default of adaptContainerSettings), their client- and daemon-side refusals, run on the reference Docker host and on dockwire by ReferenceScriptsTest.
# (--cpus above the machine's CPUs is left out: 20.10 says "Range of CPUs", moby 28 "range of CPUs"; an unset PidsLimit is <no value> in 20.10, null in 28's API.)
docker run --name dwr-res1 --memory 64m --cpus 0.5 alpine true
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.MemoryReservation}}' dwr-res1
docker run --name dwr-res2 -m 100m --memory-swap 200m --memory-reservation 50m --cpu-shares 512 --pids-limit 100 --cpuset-cpus 0 alpine true
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.PidsLimit}} {{.HostConfig.MemoryReservation}} {{.HostConfig.CpusetCpus}}' dwr-res2
docker run --rm -m 4m alpine true
docker run --rm --cpus abc alpine true
docker run --rm -m 1x alpine true
docker run --rm --cpus 1 --cpu-period 100000 alpine true
docker run --rm --memory-swap 10m -m 20m alpine true
docker run -d --name dwr-res3 -m 64m alpine sleep 30
docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' dwr-res3 | sed 's/^[^ ]* [0-9.]*[KMG]i*B/X/'
docker rm -f dwr-res1 dwr-res2 dwr-res3
