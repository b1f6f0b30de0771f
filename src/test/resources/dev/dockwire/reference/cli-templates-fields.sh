# Go templates over the objects' own fields beside the real docker 28.2 client: inspect's typed run and its raw fallback
# (a field the struct lacks, json.Number, missingkey=error) with Flush's empty line, index of a map's missing key (its
# element's zero), a nil map/slice/pointer, len/slice/index over fields, printf's verbs and %T of each field, range over
# maps in key order with break/continue, ps/images/network ls/volume ls rows with their methods (.Label) and Go types,
# ps's run over an empty ContainerContext, docker info/version --format and their errors. Names prefixed cli-.
@docker rm -f cli-t >/dev/null 2>&1; docker volume rm cli-vol >/dev/null 2>&1; docker network rm cli-net >/dev/null 2>&1
@docker network create --subnet 172.31.40.0/24 --label cli.a=1 --label cli.b=two cli-net
@docker volume create --label cli.v=1 cli-vol
@docker run -dit --name cli-t --network cli-net --label cli.a=1 --label cli.b=two -v cli-vol:/data alpine ash
docker inspect -f '{{lt .RestartCount 1}} {{le 2 2}} {{gt 3 2}} {{ge 1 2}} {{eq .Name "/cli-t"}} {{ne .Config.Image "alpine"}}' cli-t
docker inspect -f '{{lt .RestartCount 1.5}}' cli-t
docker inspect -f '{{eq .Name 1}}' cli-t
docker inspect -f '{{lt "a" "b"}} {{lt 1 2.5}} {{eq 1 1.0}}' cli-t
docker inspect -f '{{lt .State.Running true}}' cli-t
docker inspect -f '{{eq .Config.Labels "x"}}' cli-t
docker inspect -f '{{eq .HostConfig.Memory 0}} {{eq .State.Pid 0}} {{gt .State.Pid 0}}' cli-t
docker inspect -f '{{eq "a" "b" "a"}} {{eq 1 2 3}}' cli-t
docker inspect -f '{{eq .Config.Cmd .Config.Cmd}}' cli-t
docker inspect -f '{{slice "abcdef" 1 3}} {{slice .Config.Cmd 1}} {{slice .Config.Cmd 0 1}} {{slice .Name 1}}' cli-t
docker inspect -f '{{slice .Name 3 1}}' cli-t
docker inspect -f '{{slice .Name 1 99}}' cli-t
docker inspect -f '{{index .Config.Labels "missing"}}|{{index .Config.Labels "cli.a"}}' cli-t
docker inspect -f '{{index .Config.Cmd 5}}' cli-t
docker inspect -f '{{index .Config.Cmd -1}}' cli-t
docker inspect -f '{{index .Config.Cmd "x"}}' cli-t
docker inspect -f '{{index .Name 1}}' cli-t
docker inspect -f '{{index .NetworkSettings.Networks "cli-net" "Gateway"}}' cli-t
docker inspect -f '{{(index .NetworkSettings.Networks "cli-net").Gateway}}' cli-t
docker inspect -f '{{index .NetworkSettings.Networks "none"}}' cli-t
docker inspect -f '{{len .Config.Cmd}} {{len .Name}} {{len .Config.Labels}} {{len .Config.Entrypoint}}' cli-t
docker inspect -f '{{len .State.Running}}' cli-t
docker inspect -f '{{and 1 0 2}} {{and "" "x"}} {{or 0 "" "z"}} {{or 0 ""}} {{not ""}} {{not "x"}} {{not .Config.Labels}} {{and}}' cli-t
docker inspect -f '{{or}}' cli-t
docker inspect -f '{{not 1 2}}' cli-t
docker inspect -f '{{html "<a&b>\"x\x27"}} {{js "a\"b<c>\x27\\"}} {{urlquery "a b&c=d/é"}}' cli-t
docker inspect -f '{{print 1 2}} {{print "a" "b"}} {{print "a" 1 "b"}} {{println "x" 1}}|{{print .Config.Labels}} {{print .Config.Entrypoint}}' cli-t
docker inspect -f '{{printf "%5s|%-5s|%05d|%x|%X|%o|%t|%v|%+v|%T" "ab" "cd" 42 255 255 8 true .Config.Cmd 3 .Name}}' cli-t
docker inspect -f '{{printf "%d" "x"}} {{printf "%s" 1}} {{printf "%.2f" 1.5}} {{printf "%e" 1000.0}} {{printf "%g" 0.5}} {{printf "%c" 65}} {{printf "%U" 65}}' cli-t
docker inspect -f '{{printf "%s %s" "a"}} {{printf "%s" "a" "b"}} {{printf "%z" 1}}' cli-t
docker inspect -f '{{call .Name}}' cli-t
docker inspect -f '{{with .Config.Labels}}{{index . "cli.b"}}{{end}} {{with .Config.Entrypoint}}E{{else}}none{{end}} {{with $x := .Name}}{{$x}}{{end}}' cli-t
docker inspect -f '{{range $i, $e := .Config.Volumes}}{{if eq $i 1}}{{continue}}{{end}}{{$i}}={{$e}};{{end}}' cli-t
docker inspect -f '{{range .Config.Labels}}{{.}}{{break}}{{end}}|{{range $k, $v := .Config.Labels}}{{$k}}:{{$v}} {{end}}' cli-t
docker inspect -f '{{range 3}}{{.}}{{end}}' cli-t
docker inspect -f '{{range .Name}}{{.}}{{end}}' cli-t
docker inspect -f '{{range .Config.Entrypoint}}x{{else}}empty{{end}} {{range $v := .Config.Cmd}}{{$v}}{{end}}' cli-t
docker inspect -f '{{$x := 1}}{{$x}} {{$x = 2}}{{$x}} {{$y := .Config.Labels}}{{index $y "cli.a"}} {{$.Name}}' cli-t
docker inspect -f '{{$x := 1}}{{if true}}{{$x = 3}}{{end}}{{$x}}' cli-t
docker inspect -f '{{$z}}' cli-t
docker inspect -f 'a  {{- "b" -}}  c {{/* a comment */}} d {{- /* x */ -}} e' cli-t
docker inspect -f '{{-3}} {{- 3}} {{3 -}} {{ -3 }}' cli-t
docker inspect -f '{{.Nope}}' cli-t
docker inspect -f '{{.Config.Nope}}' cli-t
docker inspect -f '{{.Config.Labels.nope}}|{{.Config.Labels.x}}' cli-t
docker inspect -f '{{.Name.Foo}}' cli-t
docker inspect -f '{{json .Config.Labels}} {{json .State.Running | len}} {{json .Name}} {{json nil}}' cli-t
docker inspect -f '{{join .Config.Cmd ","}} {{split .Name "-"}} {{title "hello world"}} {{lower "ABC"}} {{upper .Name}}' cli-t
docker inspect -f '{{truncate .Name 3}} {{pad .Name 2 3}}|' cli-t
docker inspect -f '{{join .Name ","}}' cli-t
docker inspect -f '{{upper 1}}' cli-t
docker inspect -f '{{.State.Running | not}} {{.Config.Cmd | len}} {{"x" | printf "%s-%s" "y"}}' cli-t
docker inspect -f '{{if}}x{{end}}' cli-t
docker inspect -f '{{end}}' cli-t
docker inspect -f '{{if .Name}}' cli-t
docker inspect -f '{{range .Name}}{{else}}{{else}}{{end}}' cli-t
docker inspect -f '{{break}}' cli-t
docker inspect -f '{{.Name | }}' cli-t
docker inspect -f '{{"abc}}' cli-t
docker inspect -f '{{1 2}}' cli-t
docker inspect -f '{{.Name 1}}' cli-t
docker inspect -f '{{nil}}' cli-t
docker inspect -f '{{true}} {{false}} {{1.5}} {{0x10}} {{1e3}} {{'"'"'a'"'"'}} {{`raw`}}' cli-t
docker inspect -f '{{.RestartCount | printf "%03d" | len}}' cli-t
docker inspect -f "{{index .Config.Labels \`cli.b\`}}" cli-t
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NetworkMode}} {{printf "%T" .HostConfig.Memory}}' cli-t
docker network inspect -f '{{lt (len .Containers) 2}} {{index .Labels "cli.a"}} {{range .IPAM.Config}}{{slice .Subnet 0 6}}{{end}} {{.Options}} {{len .Options}}' cli-net
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Labels}} {{index .Labels "cli.v"}} {{.Scope}} {{.Options}} {{printf "%.4s" .Mountpoint}}' cli-vol
docker ps --filter name=cli-t --format '{{.Names}} {{.Image}} {{.Label "cli.a"}} {{.Label "nope"}}| {{.Labels | len}} {{.Networks}} {{.Mounts}} {{.Status | len | lt 3}}'
docker ps --filter name=cli-t --format '{{lt .Names "d"}} {{slice .Names 0 3}} {{.Command}} {{.Ports}}|{{.State}} {{.RunningFor | len | gt 0}}'
docker ps --filter name=cli-t --format '{{.Nope}}'
docker ps --filter name=cli-t --format '{{json .}}' | cut -c1-20
docker ps --filter name=cli-t --format 'table {{.Names}}\t{{.Label "cli.b"}}\t{{upper .Image}}\t{{len .Names}}'
docker images --filter reference=alpine:latest --format '{{.Repository}}:{{.Tag}} {{.Containers}} {{.Size | len | lt 0}} {{printf "%T" .Repository}}'
docker network ls --filter name=cli-net --format '{{.Name}} {{.Driver}} {{.IPv6}} {{.Internal}} {{.Labels | len | lt 3}} {{.Label "cli.b"}} {{printf "%T %T" .IPv6 .Internal}}'
docker volume ls --filter name=cli-vol --format '{{.Name}} {{.Driver}} {{.Scope}} {{.Labels}} {{.Label "cli.v"}} {{.Links}} {{.Size}} {{printf "%T" .Links}}'
docker info --format '{{.OSType}} {{.Architecture}} {{printf "%T" .NCPU}} {{gt .NCPU 0}} {{.Containers | printf "%T"}} {{len .Plugins.Volume}} {{.Plugins.Volume}}'
docker info --format '{{.Nope}}'
docker version --format '{{.Client.Version}} {{.Client.Os}} {{printf "%T" .Client}} {{.Client.Arch}} {{lower .Client.Os | upper}}'
docker version --format '{{.Nope}}'
docker version --format '{{.Client.Nope}}'
docker rm -f cli-t
docker volume rm cli-vol
docker network rm cli-net
