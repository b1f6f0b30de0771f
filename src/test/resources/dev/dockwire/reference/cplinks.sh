# Symbolic links through docker cp both ways (a directory's link kept as a link, a link copied as itself, -L following it, the archive listed by tar) and on the host (GNU ln -s, ls -l, readlink, cat, rm). Names prefixed cplinks.
@docker rm -f cplinks-a >/dev/null 2>&1; rm -rf /tmp/cplinks-h
docker run -d --name cplinks-a alpine sh -c 'mkdir /d && echo hi > /d/f && ln -s f /d/l && ln -s /d/f /abs && sleep 600' >/dev/null; mkdir /tmp/cplinks-h; echo $?
docker cp cplinks-a:/d /tmp/cplinks-h/out1
ls -l /tmp/cplinks-h/out1 | awk '{print $1, $2, $5, $9, $10, $11}'
docker cp cplinks-a:/d/l /tmp/cplinks-h/out2
ls -l /tmp/cplinks-h/out2 | awk '{print $1, $2, $5, $9, $10, $11}'
readlink /tmp/cplinks-h/out2 /tmp/cplinks-h/out1/l
docker cp -L cplinks-a:/d/l /tmp/cplinks-h/out3
ls -l /tmp/cplinks-h/out3 | awk '{print $1, $2, $5, $9, $10, $11}'
cat /tmp/cplinks-h/out3 /tmp/cplinks-h/out1/l
docker cp cplinks-a:/d - | tar -tvf - | awk '{print $1, $2, $3, $6, $7, $8}'
docker cp cplinks-a:/abs /tmp/cplinks-h/abs; readlink /tmp/cplinks-h/abs; cat /tmp/cplinks-h/abs
echo x > /tmp/cplinks-h/up && ln -sf up /tmp/cplinks-h/uplink; echo $?
ln -sv up /tmp/cplinks-h/uplink
ln -sfv up /tmp/cplinks-h/uplink
docker cp /tmp/cplinks-h/uplink cplinks-a:/d/
docker exec cplinks-a sh -c 'ls -l /d | awk "{print \$1, \$2, \$5, \$9, \$10, \$11}"; readlink /d/uplink'
docker cp -L /tmp/cplinks-h/uplink cplinks-a:/d/copied
docker exec cplinks-a sh -c 'ls -l /d/copied | awk "{print \$1, \$5, \$9}"; cat /d/copied'
cd /tmp/cplinks-h && mkdir sub && ln -s ../up sub/rel && ln -s sub dl && cat dl/rel && ls -1 dl && readlink dl/rel
cd /tmp/cplinks-h && ln -s up sub; ls -1 sub; ln -s a b c; ln -sT up sub x; ln -sfT up sub
cd /tmp/cplinks-h && rm uplink dl && ls -1 && cat up
docker rm -f cplinks-a
@rm -rf /tmp/cplinks-h
