# Removing an image's own directories in a container: overlayfs's directory whiteout and opaque directory
docker run --name rd1 alpine sh -c 'exec 2>&1; mkdir -p /opt/app/conf /opt/app/data && echo a > /opt/app/conf/a.conf && echo b > /opt/app/conf/b.conf && echo d > /opt/app/data/d'
docker commit rd1 rdimg > /dev/null
docker run --name rd2 rdimg sh -c 'exec 2>&1; rm -r /opt/app/conf; echo rm=$?; ls /opt/app; ls /opt/app/conf; echo ls=$?; test -d /opt/app/conf || echo gone'
docker diff rd2
docker run --name rd3 rdimg sh -c 'exec 2>&1; rm -rf /opt/app/conf && mkdir /opt/app/conf && echo n > /opt/app/conf/new.conf && ls /opt/app/conf'
docker diff rd3 | sort
docker run --name rd4 rdimg sh -c 'exec 2>&1; rmdir /opt/app/data; echo rmdir=$?; rm /opt/app/data/d && rmdir /opt/app/data && ls /opt/app'
docker diff rd4
docker run --name rd5 rdimg sh -c 'exec 2>&1; rm -r /opt; test -d /opt || echo no-opt; ls /opt'
docker diff rd5
docker run --name rd6 rdimg sh -c 'exec 2>&1; mv /opt/app/conf /opt/app/etc; echo mv=$?; ls /opt/app /opt/app/etc'
docker diff rd6 | sort
docker commit rd2 rdimg2 > /dev/null
docker run --rm rdimg2 ls /opt/app
docker run --rm rdimg2 sh -c 'exec 2>&1; ls /opt/app/conf; mkdir /opt/app/conf && ls -a /opt/app/conf'
docker commit rd3 rdimg3 > /dev/null
docker run --rm rdimg3 ls /opt/app/conf
docker rm rd1 rd2 rd3 rd4 rd5 rd6
docker rmi rdimg rdimg2 rdimg3 > /dev/null
