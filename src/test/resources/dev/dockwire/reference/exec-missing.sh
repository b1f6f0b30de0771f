# What an image lacks (reference tier candidate): runc's error and 126 for docker exec, the shell's own for sh -c (127); alpine without curl/dig, ubuntu without ping/ip/curl/wget.
docker run -d --name dwref-rx-a alpine sleep 300
docker run -d --name dwref-rx-u ubuntu sleep 300
docker exec dwref-rx-a curl http://example.com
docker exec dwref-rx-a dig example.com
docker exec dwref-rx-a bash
docker exec dwref-rx-a /usr/bin/curl
docker exec dwref-rx-a sh -c curl
docker exec dwref-rx-a sh -c 'dig +short web'
docker exec dwref-rx-u ping -c 1 127.0.0.1
docker exec dwref-rx-u ip addr
docker exec dwref-rx-u curl http://example.com
docker exec dwref-rx-u wget http://example.com
docker exec dwref-rx-u nslookup web
docker exec dwref-rx-u sh -c 'ping -c 1 127.0.0.1'
docker exec dwref-rx-u bash -c 'curl http://example.com'
docker exec dwref-rx-u sh -c 'echo $0'
docker run --rm --name dwref-rx-r1 alpine curl
docker run --rm --name dwref-rx-r2 ubuntu ping -c 1 127.0.0.1
docker run --rm --name dwref-rx-r3 alpine sh -c curl
docker rm -f dwref-rx-a dwref-rx-u
