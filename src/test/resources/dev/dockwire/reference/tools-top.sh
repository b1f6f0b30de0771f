# docker top with ps's format lists that name args (tools, session 23): without pid the daemon finds no PID
# column; with it, the pid then the command line, the pids cut off (they differ between hosts); with args first the
# daemon reads the pid from the command line's second word. Names prefixed tt-.
docker run -d --name tt-top alpine sleep 600
docker top tt-top -o args
docker top tt-top -o args,comm
docker top tt-top -o pid,args | awk 'NR == 1 {print} NR > 1 {$1 = "<pid>"; print}'
docker top tt-top -o args,pid | awk 'NR == 1 {print} NR > 1 {print $1, $2, "<pid>"}'
docker top tt-top -o pid,args | awk 'NR == 1 {print length($0)}'
docker run -d --name tt-sh alpine sh -c 'sleep 600; echo done'
sleep 1
docker top tt-sh -o args,pid
docker top tt-sh -o pid,args | awk 'NR == 1 {print} NR > 1 {$1 = "<pid>"; print}'
docker rm -f tt-top tt-sh
