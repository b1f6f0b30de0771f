# A shell's last command and exec CMD take the shell's own process (execve: same pid, the program's argv), as BusyBox ash does for -c and bash for a simple last command, dash for exec only; not after a trap, in a loop, a function or after !. Names prefixed execsh.
# (ps's own line is left out or only its comm shown: the stand-ins' BusyBox runs ps NOEXEC, "{ps} sh -c ...", where alpine's execs /bin/ps; pids above 1 are masked.)
docker run -d --name execsh1 alpine sh -c 'sleep 1; sleep 600' > /dev/null
sleep 2
docker exec execsh1 ps -o pid,ppid,comm,args | grep -v ' ps '
docker top execsh1 -o pid,args | awk 'NR == 1 {print} NR > 1 {$1 = "<pid>"; print}'
[ "$(docker inspect -f '{{.State.Pid}}' execsh1)" = "$(docker top execsh1 -o pid | tail -1 | tr -d ' ')" ] && echo State.Pid is the sleep
docker exec execsh1 cat /proc/1/cmdline | tr '\0' ' '; echo
docker exec execsh1 cat /proc/1/comm
docker exec execsh1 pidof sleep
docker exec execsh1 sh -c 'true; ps -o comm'
docker exec execsh1 sh -c 'true && ps -o comm'
docker exec execsh1 sh -c 'exec ps -o comm; echo never'
docker exec execsh1 sh -c 'trap "echo bye" EXIT; ps -o comm'
docker exec execsh1 sh -c 'for i in 1; do ps -o comm; done'
docker exec execsh1 sh -c 'f() { ps -o comm; }; f'
docker exec execsh1 sh -c '! ps -o comm' || echo status $?
docker exec execsh1 sh -c 'echo before; exec sh -c "true; ps -o comm"; echo never'
docker exec execsh1 sh -c 'sleep 30 &'
docker exec execsh1 ps -o ppid,comm,args | grep 'sleep 30'
docker exec execsh1 kill 1
sleep 1
docker inspect -f '{{.State.Status}}' execsh1
docker stop -t 1 execsh1 > /dev/null
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' execsh1
docker run -d --name execsh2 alpine sh -c 'trap "exit 0" TERM; sleep 1; sleep 600' > /dev/null
sleep 2
docker exec execsh2 ps -o pid,ppid,comm,args | grep -v ' ps ' | awk 'NR > 1 && $1 > 1 {$1 = "<pid>"} {print}'
docker run -d --name execsh3 alpine sh -c 'while true; do sleep 600; done' > /dev/null
sleep 1
docker exec execsh3 ps -o pid,ppid,comm,args | grep -v ' ps ' | awk 'NR > 1 && $1 > 1 {$1 = "<pid>"} {print}'
docker run --rm alpine sh -c 'echo $$; sleep 0; ps -o pid,ppid,comm'
docker run --rm alpine sh -c 'echo hi; exec ps -o pid,ppid,comm'
docker run --rm alpine sh -c 'if true; then ps -o pid,comm; fi'
docker run --rm alpine sh -c '{ true; ps -o pid,comm; }'
docker run --rm alpine sh -c '(ps -o pid,comm)'
docker run --rm alpine sh -c 'set -e; true; ps -o pid,comm'
docker run --rm alpine sh -c 'true; cat /proc/1/comm'
docker run --rm alpine sh -c 'trap "" INT; true; ps -o pid,comm'
docker run --rm alpine sh -c 'trap "echo x" INT; trap - INT; true; ps -o comm'
docker run --rm alpine sh -c 'trap "echo t" EXIT; exec ps -o pid,comm'
docker run --rm alpine sh -c 'true; { ps -o comm; } > /dev/stdout'
docker run --rm alpine sh -c 'true; ps -o pid,comm > /dev/stdout'
docker run -d --name execsh4 nginx sleep 600 > /dev/null
sleep 1
docker top execsh4 -o pid,args | awk 'NR == 1 {print} NR > 1 {$1 = "<pid>"; print}'
docker run --rm ubuntu bash -c 'true; cat /proc/1/comm'
docker run --rm ubuntu bash -c 'true && cat /proc/1/comm'
docker run --rm ubuntu bash -c 'trap "" INT; cat /proc/1/comm'
docker run --rm ubuntu sh -c 'true; cat /proc/1/comm'
docker run --rm ubuntu bash -c 'trap "echo x" INT; trap - INT; true; cat /proc/1/comm'
docker run --rm ubuntu bash -c 'trap "echo t" EXIT; cat /proc/1/comm'
docker run --rm ubuntu bash -c 'trap "echo t" EXIT; exec cat /proc/1/comm'
docker run --rm ubuntu sh -c 'trap "echo t" EXIT; exec cat /proc/1/comm'
docker run --rm ubuntu sh -c 'exec cat /proc/1/comm'
docker run --rm ubuntu sh -c 'cat /proc/1/cmdline | tr "\0" " "; echo'
docker rm -f execsh1 execsh2 execsh3 execsh4 > /dev/null
