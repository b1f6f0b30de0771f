# --pid/--ipc/--uts, --cidfile, --label-file, --platform and -a: the 28.2 client's own refusals and what the 20.10 and 28 daemons share, run on the reference Docker host and on dockwire by RecordedReferenceTest.
docker run --rm --pid foo alpine true
docker run --rm --uts foo alpine true
docker run --rm --pid container: alpine true
docker run --rm --uts host -h x alpine true
docker run --rm --pid container:runflags-nosuch alpine true
docker run --rm --ipc container:runflags-nosuch alpine true
docker run -d --name runflags-donor --ipc shareable alpine sleep 300 > /dev/null
docker run --rm --ipc container:runflags-donor alpine true
docker create --name runflags-ns --ipc host --uts host alpine true > /dev/null
docker inspect -f '{{.HostConfig.PidMode}}/{{.HostConfig.IpcMode}}/{{.HostConfig.UTSMode}}' runflags-ns
echo x > /tmp/runflags-cid
docker run --rm --cidfile /tmp/runflags-cid alpine true
rm /tmp/runflags-cid
docker run --name runflags-cid --cidfile /tmp/runflags-cid alpine true
wc -c < /tmp/runflags-cid
docker inspect -f '{{.HostConfig.ContainerIDFile}}' runflags-cid
docker run --rm --cidfile /tmp/runflags-nodir/cid alpine true
docker run --rm --label-file /tmp/runflags-nofile alpine true
printf 'a=1\n# comment\nb\n' > /tmp/runflags-labels
docker run --name runflags-lf --label-file /tmp/runflags-labels --label a=2 alpine true
docker inspect -f '{{json .Config.Labels}}' runflags-lf
docker run --rm --platform foo alpine true
docker run --rm -a foo alpine true
docker run -a stdout -d alpine true
docker rm -f runflags-donor runflags-ns runflags-cid runflags-lf
rm -f /tmp/runflags-cid /tmp/runflags-labels
