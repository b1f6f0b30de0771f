# docker run --ulimit (HostConfig.Ulimits): every limit --ulimit can name given, so ulimit -a in ash, dash and bash and /proc/1/limits show only what the flags set (and RLIMIT_AS, which go-units cannot name); docker exec's processes get the hard limits too (20.10's runc raised an exec's soft RLIMIT_NOFILE to its hard one, runc 1.2 no longer: no soft nofile of an exec here); setrlimit's EINVAL and EPERM (no CAP_SYS_RESOURCE) in each shell's words; bash's -f and -c in 1024-byte blocks; what a shell sets its children inherit; the 28.2 client's refusals. Run on the reference Docker host and on dockwire by ReferenceScriptsTest.
docker run -d --name ulimit-a --ulimit core=0 --ulimit cpu=100 --ulimit data=-1 --ulimit fsize=1073741824 --ulimit locks=-1 --ulimit memlock=65536 --ulimit msgqueue=819200 --ulimit nice=0 --ulimit nofile=1024:2048 --ulimit nproc=2000:3000 --ulimit rss=-1 --ulimit rtprio=0 --ulimit rttime=-1 --ulimit sigpending=1000 --ulimit stack=8388608:16777216 alpine sleep 600
docker inspect -f '{{json .HostConfig.Ulimits}}' ulimit-a
docker exec ulimit-a cat /proc/1/limits
docker exec ulimit-a sh -c 'ulimit -Ha'
docker exec ulimit-a sh -c 'exec 2>&1; ulimit -n 4096; echo $?; ulimit -Hn 1000; echo $?; ulimit -Sn 1500; ulimit -n; ulimit -Hn; ulimit -n 1800 -c 0 -n'
docker rm -f ulimit-a
docker run --rm --ulimit core=0 --ulimit cpu=100 --ulimit data=-1 --ulimit fsize=1073741824 --ulimit locks=-1 --ulimit memlock=65536 --ulimit msgqueue=819200 --ulimit nice=0 --ulimit nofile=1024:2048 --ulimit nproc=2000:3000 --ulimit rss=-1 --ulimit rtprio=0 --ulimit rttime=-1 --ulimit sigpending=1000 --ulimit stack=8388608:16777216 alpine sh -c 'ulimit -a'
docker run --rm --ulimit core=0 --ulimit cpu=100 --ulimit data=-1 --ulimit fsize=1073741824 --ulimit locks=-1 --ulimit memlock=65536 --ulimit msgqueue=819200 --ulimit nice=0 --ulimit nofile=1024:2048 --ulimit nproc=2000:3000 --ulimit rss=-1 --ulimit rtprio=0 --ulimit rttime=-1 --ulimit sigpending=1000 --ulimit stack=8388608:16777216 ubuntu bash -c 'exec 2>&1; ulimit -a; ulimit -Hn 5000; echo $?; ulimit -Hn 1000; ulimit -n abc; ulimit -Sn 2000; ulimit -n; ulimit -f 100; ulimit -c 10; grep -e "file size" -e "core file" /proc/self/limits'
docker run --rm --ulimit core=0 --ulimit cpu=100 --ulimit data=-1 --ulimit fsize=1073741824 --ulimit locks=-1 --ulimit memlock=65536 --ulimit msgqueue=819200 --ulimit nice=0 --ulimit nofile=1024:2048 --ulimit nproc=2000:3000 --ulimit rss=-1 --ulimit rtprio=0 --ulimit rttime=-1 --ulimit sigpending=1000 --ulimit stack=8388608:16777216 ubuntu sh -c 'exec 2>&1; ulimit -a; ulimit -Hn 5000; echo $?; ulimit -Hn 1000; ulimit -n abc; ulimit -Sn 2000; ulimit -n; ulimit -f 100; grep "file size" /proc/self/limits'
docker run --rm --ulimit nofile=100 alpine sh -c 'ulimit -n; sh -c "ulimit -n 50; ulimit -n; grep files /proc/self/limits"; ulimit -n'
docker run --rm --ulimit bad alpine true
docker run --rm --ulimit foo=1 alpine true
docker run --rm --ulimit nofile=abc alpine true
docker run --rm --ulimit nofile=1:2:3 alpine true
docker run --rm --ulimit nofile=3:2 alpine true
docker run --rm --ulimit nofile=-1:100 alpine true
