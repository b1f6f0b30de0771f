# The user a container's process runs as (moby daemon/oci_linux.go WithUser/getUser over moby/sys/user GetExecUser, runc's
# setupUser): docker exec -u and docker run --user as NAME or UID[:GROUP], resolved in the container's /etc/passwd and
# /etc/group; a uid without an entry runs with gid 0 and no name, a name without one is refused. What id, whoami, $HOME
# and a non-root user's writes then say, run on the reference Docker host and on dockwire by ReferenceScriptsTest. The
# reference host's alpine and ubuntu are stand-ins whose /etc/passwd lists root and nobody only: uid 1234 is in no
# image's, so the texts are the engine's and the tools' alone.
# id -un of such a uid is left out, ping's streams are split: stdout and stderr reach the client in either order.
@docker run -d --name users-a alpine sleep 300
@docker run -d --name users-u ubuntu sleep 300
docker exec -u 1234 users-a id
docker exec -u 1234:1234 users-a id
docker exec -u 1234 users-a id -u
docker exec -u 1234 users-a id -g
docker exec -u 1234 users-a id -G
docker exec -u 1234 users-a whoami
docker exec -u 1234 users-a sh -c 'echo $HOME; echo ${USER-unset}'
docker exec -u 1234 users-a touch /etc/x
docker exec -u 1234 users-a sh -c 'echo x > /root/f'
docker exec -u 1234 users-a sh -c 'echo x > /tmp/f && cat /tmp/f'
docker exec -u 0 users-a whoami
docker exec -u root users-a id -u
docker exec -u nosuch users-a id
docker exec -u 1234:nosuch users-a id
docker exec -u 1234 users-a sh -c 'ping -c 1 127.0.0.1 > /dev/null'
docker exec -u 1234 users-a sh -c 'ping -c 1 127.0.0.1 2> /dev/null'
docker exec -u 1234 users-u id
docker exec -u 1234 users-u whoami
docker exec -u 1234 users-u touch /etc/x
docker exec -u 1234 users-u bash -c 'echo x > /root/f'
docker exec -u 1234 users-u sh -c 'echo x > /root/f'
docker exec -u 1234 users-u bash -c 'echo $HOME'
docker run --rm --user 1234 alpine id
docker run --rm --user 1234:5678 ubuntu id
docker run --rm -u 1234 ubuntu sh -c 'echo $HOME; echo ${USER-unset}'
docker run --rm --user nosuch alpine id
docker run -d --name users-c --user 1234 alpine sleep 300
docker inspect -f '{{.Config.User}}' users-c
docker exec users-c id
docker exec -u 0 users-c id -u
@docker rm -f users-a users-u users-c
