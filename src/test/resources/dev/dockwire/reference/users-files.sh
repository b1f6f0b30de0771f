# What session 17's users script left: docker exec -d -u, --env-file (docker/cli opts/file.go parseKeyValueFile),
# --group-add (moby getUser over GetAdditionalGroups: numbers kept, a name looked up in the container's /etc/group),
# and the owner of a file a non-root process creates (open(2)'s O_CREAT: its fsuid and fsgid), which the sticky /tmp
# then keeps from other users (a 0644 file is its owner's to write). The stand-in alpine's /etc/group lists root and
# nogroup only, so the groups added are numbers and a name it lacks; owners are printed without ls's date column.
@rm -f /tmp/users-vars.env /tmp/users-bad.env
@printf '# comment\n\n  A=1\nC=x=y\nUSERS_NOPE\nD= spaced \n' > /tmp/users-vars.env
@printf 'X Y=1\n' > /tmp/users-bad.env
@docker run -d --name users-f alpine sleep 300
@docker run -d --name users-g ubuntu sleep 300
docker exec -d -u 1234 users-f sh -c 'id > /tmp/who'
docker exec users-f sh -c 'sleep 1; cat /tmp/who'
docker exec --env-file /tmp/users-vars.env -e A=2 users-f sh -c 'echo "$A|$C|$D|${USERS_NOPE-unset}"'
docker run --rm --env-file /tmp/users-vars.env -e C=3 alpine sh -c 'echo "$A|$C|$D"'
docker exec --env-file /tmp/users-none.env users-f true
docker exec --env-file /tmp/users-bad.env users-f true
docker run --rm --env-file /tmp/users-bad.env alpine true
docker run --rm -u 1234 --group-add 4321 --group-add 555 alpine id
docker run --rm -u 1234:99 --group-add 5 alpine id -G
docker run --rm --group-add nosuch alpine id
docker exec -u 1234 users-f touch /tmp/f
docker exec -u 1234 users-f sh -c "ls -ln /tmp/f | awk '{print \$1, \$3, \$4}'"
docker exec users-f sh -c "ls -l /tmp/f | awk '{print \$1, \$3, \$4}'"
docker exec -u 1234:99 users-f sh -c 'echo x > /tmp/g'
docker exec users-f sh -c "ls -ln /tmp/g | awk '{print \$1, \$3, \$4}'"
docker exec -u 1234 users-f sh -c 'echo more >> /tmp/f && cat /tmp/f'
docker exec users-f sh -c 'echo root > /tmp/r'
docker exec -u 1234 users-f sh -c 'echo x > /tmp/r'
docker exec -u 1234 users-f sh -c 'echo x >> /tmp/r'
docker exec -u 1234 users-f touch /tmp/r
docker exec -u 1234 users-f cat /tmp/r
docker exec -u 5678 users-f sh -c 'echo x > /tmp/f'
docker exec -u 1234 users-f chown 0 /tmp/f
docker exec -u 1234 users-f chmod 600 /etc/passwd
docker exec -u 1234 users-f chown 1234 /etc/passwd
docker exec -u 1234 users-f chmod 640 /tmp/f
docker exec users-f sh -c "ls -l /tmp/f | awk '{print \$1, \$3, \$4}'"
docker exec users-f chmod 600 /tmp/r
docker exec -u 1234 users-f cat /tmp/r
docker exec -u 1234 users-f sh -c 'cat /tmp/r'
docker exec users-f chmod go+r /tmp/r
docker exec -u 1234 users-f cat /tmp/r
docker exec users-f chown 1234:99 /tmp/r
docker exec users-f sh -c "ls -ln /tmp/r | awk '{print \$1, \$3, \$4}'"
docker exec users-f chown nosuch /tmp/r
docker exec users-f chmod zz /tmp/r
docker exec users-f chmod 600 /tmp/nosuch
docker exec users-f chmod +x,o-r /tmp/r
docker exec users-f sh -c "ls -l /tmp/r | awk '{print \$1}'"
docker exec -u 1234 users-g touch /tmp/f
docker exec users-g sh -c "ls -l /tmp/f | awk '{print \$1, \$3, \$4}'"
docker exec -u 1234 users-g chmod 600 /etc/passwd
docker exec users-g chmod zz /tmp/f
docker exec users-g chmod 600 /tmp/nosuch
docker exec users-g sh -c 'echo s > /tmp/s; chmod 600 /tmp/s'
docker exec -u 1234 users-g cat /tmp/s
docker exec -u 1234 users-g sh -c 'echo x > /tmp/s'
docker exec -u 1234 users-g bash -c 'echo x > /tmp/f; cat /tmp/f'
@docker rm -f users-f users-g
@rm -f /tmp/users-vars.env /tmp/users-bad.env
