docker run -d --name leadcp alpine sh -c 'mkdir /d && echo hi > /d/f && ln -s f /d/l && ln -s /d/f /abs && sleep 100'
docker cp leadcp:/d /tmp/cpt/out1
ls -l /tmp/cpt/out1
docker cp leadcp:/d/l /tmp/cpt/out2
ls -l /tmp/cpt/out2
docker cp -L leadcp:/d/l /tmp/cpt/out3
ls -l /tmp/cpt/out3
docker cp leadcp:/d - | tar -tvf - 
echo x > /tmp/cpt/up && ln -sf up /tmp/cpt/uplink
docker cp /tmp/cpt/uplink leadcp:/d/
docker exec leadcp ls -l /d
docker rm -f leadcp
