# docker run's "Publish or expose port" (docs.docker.com/reference/cli/docker/container/run, -p/--expose) and the
# "Port publishing and mapping" page (engine/network/port-publishing) as a reader types them: a host address,
# UDP beside TCP, ranges (the PORTS column folds them), a host range for one container port, a random host port
# (-p 80, -P with --expose; the port the daemon picks depends on what others hold on the reference host, so only
# that it is ephemeral is printed), docker port's forms and errors, HostConfig.PortBindings as asked, and the
# specs the client refuses (go-connections nat.ParsePortSpec); -p beside --network host (the client warns, the
# daemon keeps what was asked and publishes nothing). Names prefixed tp-, host ports 281xx; the daemon's port allocator
# resumes after the last port it gave from a host range, so tp-pick's range is one no other script (or earlier run) used.
docker run -d --name tp-local -p 127.0.0.1:28180:8080/tcp nginx
docker port tp-local
docker port tp-local 8080
docker ps --filter name=tp-local --format '{{.Names}} {{.Ports}}'
docker run -d --name tp-both -p 28153:53 -p 28153:53/udp --expose 80 nginx
docker port tp-both
docker port tp-both 53/udp
docker port tp-both 53/sctp
docker port tp-both 80
docker port tp-both abc
docker port tp-both 53/tcp/x
docker ps --filter name=tp-both --format '{{.Ports}}'
docker inspect --format '{{json .NetworkSettings.Ports}}' tp-both
docker inspect --format '{{json .HostConfig.PortBindings}}' tp-both
docker inspect --format '{{json .Config.ExposedPorts}}' tp-both
docker run -d --name tp-range -p 28190-28192:8090-8092 -p 28193-28195:7000-7002/udp nginx
docker port tp-range
docker ps --filter name=tp-range --format '{{.Ports}}'
docker inspect --format '{{json .HostConfig.PortBindings}}' tp-range
docker run -d --name tp-pick -p 28176-28179:80 nginx
docker port tp-pick
docker run -d --name tp-pick2 -p 28176-28179:80 nginx
docker port tp-pick2
docker inspect --format '{{json .HostConfig.PortBindings}}' tp-pick2
docker run -d --name tp-rand -p 80 -p 127.0.0.1::81 nginx
docker port tp-rand | awk '{n = split($NF, a, ":"); print $1, $2, (a[n] >= 32768 && a[n] <= 60999) ? "<ephemeral>" : $NF}'
docker inspect --format '{{json .HostConfig.PortBindings}}' tp-rand
docker run -d --name tp-all -P --expose 9000 --expose 9001/udp nginx
docker port tp-all | awk '{n = split($NF, a, ":"); print $1, $2, (a[n] >= 32768 && a[n] <= 60999) ? "<ephemeral>" : $NF}'
docker inspect --format '{{json .Config.ExposedPorts}} {{.HostConfig.PublishAllPorts}} {{json .HostConfig.PortBindings}}' tp-all
docker run -d --name tp-host --network host -p 28199:80 alpine sleep 600
docker inspect --format '{{json .Config.ExposedPorts}} {{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' tp-host
docker port tp-host
docker run --rm -p 28160-28161:80-82 nginx true
docker run --rm -p abc:80 nginx true
docker run --rm -p 70000:80 nginx true
docker run --rm -p 28160:80/icmp nginx true
docker run --rm -p 127.0.0.300:28160:80 nginx true
docker run --rm --expose abc nginx true
docker rm -f tp-local tp-both tp-range tp-pick tp-pick2 tp-rand tp-all tp-host
