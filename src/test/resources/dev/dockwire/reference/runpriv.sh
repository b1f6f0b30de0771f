# docker run's isolation options where the 20.10 engine and Docker 28 agree (runpriv, session 27): the capability sets of /proc/PID/status (the default fourteen, --cap-add/--cap-drop, a non-root user), its ids and groups (the primary gid among them; root's groups are left out, the stand-in's /etc/group lists root in none) and its seccomp lines (seccomp=unconfined's 0), docker top of two containers sharing a PID namespace (each lists only its own processes) and ps and /proc/1/status in it, HostConfig.SecurityOpt's label=disable for --pid host and --ipc host, --ipc none without /dev/shm, runc's read-only sysfs, and --ulimit nofile too small for runc's seccomp patching (exit 125; the wrapper is left out, moby 28's runc 1.2 adds "error during container init"). --privileged is left out: runc on the reference machine cannot apply every capability. Names prefixed runpriv.
docker run --rm alpine grep Cap /proc/self/status
docker run --rm --cap-add NET_ADMIN --cap-drop CHOWN alpine grep -E 'CapEff|CapBnd' /proc/self/status
docker run --rm --cap-drop ALL --cap-add KILL alpine grep CapEff /proc/self/status
docker run --rm --user 1000 alpine grep Cap /proc/self/status
docker run --rm --cap-add SYS_ADMIN alpine grep -E '^(Name|State|Tgid|Pid|PPid|Uid|Gid|NSpid|Threads|NoNewPrivs|Seccomp|CapEff)' /proc/self/status
docker run --rm --user nobody alpine grep -E '^(Uid|Gid|Groups)' /proc/self/status
docker run --rm --user 1000:2000 alpine grep -E '^(Uid|Gid|Groups)' /proc/self/status
docker run --rm --user 1000 --group-add 3000 alpine grep -E '^(Uid|Gid|Groups)' /proc/self/status
docker run --rm --security-opt seccomp=unconfined alpine grep Seccomp /proc/self/status
docker run -d --name runpriv-a alpine sleep 300
docker run -d --name runpriv-b --pid container:runpriv-a alpine sleep 200
docker top runpriv-a -o pid,args | awk 'NR == 1 {print} NR > 1 {$1 = "<pid>"; print}'
docker top runpriv-b -o pid,args | awk 'NR == 1 {print} NR > 1 {$1 = "<pid>"; print}'
docker exec runpriv-a ps -o args
docker exec runpriv-b grep -E '^(Name|State|Pid|PPid)' /proc/1/status
docker run -d --name runpriv-h --pid host --ipc host alpine sleep 200
docker inspect -f '{{.Name}} {{.HostConfig.PidMode}} {{.HostConfig.IpcMode}} {{.HostConfig.SecurityOpt}}' runpriv-h runpriv-a
docker run --rm --ipc none alpine sh -c '{ ls -la /dev/shm; mount | grep -E "shm|mqueue"; df /dev/shm; } 2>&1'
docker run --rm --ipc none alpine sh -c 'ls -d /dev/*m*; touch /dev/shm/x 2>&1'
docker run --rm --ulimit nofile=10 alpine true 2>&1 | grep -o 'error loading seccomp.*too many open files'
docker run --rm --ulimit nofile=10 alpine true > /dev/null 2>&1
docker run --rm --ulimit nofile=11 alpine sh -c 'ulimit -n'
docker run --rm alpine sh -c '{ touch /sys/kernel/x; echo 1 > /sys/kernel/y; } 2>&1'
docker run --rm ubuntu touch /sys/kernel/x
docker rm -f runpriv-a runpriv-b runpriv-h
