# Go templates beside the real docker 28.2 client (text/template and docker/cli's templates functions): each template of
# GoTemplateDifferentialTest's matrix over network inspect: the builtins with mixed kinds and their errors, slice/index ranges,
# and/or/not, html/js/urlquery/print/printf, variables, range/with/else/break/continue, trimming, comments, constants,
# docker/cli's json/split/join/title/lower/upper/pad/truncate, and text/template's parse errors. Names prefixed cli-.
@docker rm -f cli-c >/dev/null 2>&1; docker volume rm cli-vol >/dev/null 2>&1; docker network rm cli-net >/dev/null 2>&1
@docker network create --subnet 172.31.41.0/24 --label cli.a=1 cli-net
@docker volume create --label cli.v=1 cli-vol
@docker run -dit --name cli-c --network cli-net --label cli.a=1 -v cli-vol:/data alpine ash
docker network inspect -f '{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}} {{eq "a" "b" "a"}} {{ne 1 2}} {{eq 1 1 2}} {{lt -1 0}}' cli-net
docker network inspect -f '{{lt 1 2.5}}' cli-net
docker network inspect -f '{{eq true 1}}' cli-net
docker network inspect -f '{{lt true false}}' cli-net
docker network inspect -f '{{eq 1}}' cli-net
docker network inspect -f '{{ne 1 2 3}}' cli-net
docker network inspect -f '{{slice "abcdef" 1 3}}|{{slice "abc" 2}}|{{slice "abc"}}|{{index "abc" 1}}|{{slice (split "a,b,c" ",") 1}}' cli-net
docker network inspect -f '{{slice "abc" 2 1}}' cli-net
docker network inspect -f '{{slice "abc" 0 9}}' cli-net
docker network inspect -f '{{slice "abc" 0 1 2}}' cli-net
docker network inspect -f '{{index "abc" 5}}' cli-net
docker network inspect -f '{{index "abc" -1}}' cli-net
docker network inspect -f '{{index (split "a,b" ",") "x"}}' cli-net
docker network inspect -f '{{index nil 1}}' cli-net
docker network inspect -f '{{index 1 1}}' cli-net
docker network inspect -f '{{and 1 0 2}} {{and "" "x"}} {{or 0 "" "z"}} {{or 0 ""}} {{not ""}} {{not "x"}} {{not 0}} {{and 1 2}} {{or}}' cli-net
docker network inspect -f '{{and}}' cli-net
docker network inspect -f '{{not 1 2}}' cli-net
docker network inspect -f '{{html "<a&b>\"x'"'"'"}} {{js "a'"'"'b<c>\"\\"}} {{urlquery "a b&c=d/é"}} {{js 1}} {{html 1 "a"}} {{urlquery 1 "a b"}} {{html}}|' cli-net
docker network inspect -f '{{print 1 2}} {{print "a" "b"}} {{print "a" 1 "b"}} {{print 1.5 true}} {{println "x" 1}}|{{print}}|' cli-net
docker network inspect -f '{{printf "%5s|%-5s|%05d|%x|%X|%o|%t|%q|%c|%U|%v|%+d" "ab" "cd" 42 255 255 8 true "q" 65 65 "v" 7}}' cli-net
docker network inspect -f '{{printf "%d" "x"}} {{printf "%s" 1}} {{printf "%.2f" 1.5}} {{printf "%e" 1000.0}} {{printf "%g" 0.5}} {{printf "%T %T %T %T" 1 "a" 1.5 true}}' cli-net
docker network inspect -f '{{printf "%s %s" "a"}} {{printf "%s" "a" "b"}} {{printf "%z" 1}} {{printf "100%%"}}' cli-net
docker network inspect -f '{{printf 1}}' cli-net
docker network inspect -f '{{$x := 1}}{{$x}} {{$x = 2}}{{$x}} {{if true}}{{$x = 3}}{{end}}{{$x}} {{$y := "s"}}{{$y}}{{with $z := 5}}{{$z}}{{end}}' cli-net
docker network inspect -f '{{$x = 1}}' cli-net
docker network inspect -f '{{range $i, $c := split "a,b,c" ","}}{{if eq $i 1}}{{continue}}{{end}}{{$i}}{{$c}}{{end}}|{{range 3}}{{.}}{{end}}|{{range split "x,y" ","}}{{.}}{{break}}{{end}}|{{range $v := split "p,q" ","}}{{$v}}{{end}}' cli-net
docker network inspect -f '{{range $i, $v := 3}}{{end}}' cli-net
docker network inspect -f '{{range "abc"}}{{end}}' cli-net
docker network inspect -f '{{range 0}}x{{else}}none{{end}}|{{range split "" ","}}[{{.}}]{{end}}' cli-net
docker network inspect -f '{{with $x := 0}}a{{else with 2}}b{{.}}{{end}}|{{if 0}}x{{else if 1}}y{{end}}|{{with ""}}no{{else}}empty{{end}}|{{if and 1 (not 0)}}both{{end}}' cli-net
docker network inspect -f 'a  {{- "b" -}}  c {{/* comment */}} d {{- /* x */ -}} e' cli-net
docker network inspect -f '{{-3}} {{- 3}} {{3 -}} {{ -3 }}' cli-net
docker network inspect -f '{{true}} {{false}} {{1.5}} {{0x10}} {{1e3}} {{1e6}} {{100000.0}} {{0.00001}} {{'"'"'a'"'"'}} {{`raw`}} {{0b101}} {{1_000}} {{017}} {{-0.5}}' cli-net
docker network inspect -f '{{title "hello world"}} {{lower "ABC"}} {{upper "abc"}} {{split "a-b" "-"}} {{join (split "a-b" "-") "+"}} {{truncate "abcdef" 3}} {{truncate "ab" 9}} {{pad "x" 1 2}}|{{pad "" 1 1}}|' cli-net
docker network inspect -f '{{json "a<b"}} {{json 1}} {{json (split "a,b" ",")}} {{json nil}} {{json 1.5}} {{json true}}' cli-net
docker network inspect -f '{{upper 1}}' cli-net
docker network inspect -f '{{truncate "abc" -1}}' cli-net
docker network inspect -f '{{pad "x" -1 0}}' cli-net
docker network inspect -f '{{join "a" ","}}' cli-net
docker network inspect -f '{{json}}' cli-net
docker network inspect -f '{{"x" | printf "%s-%s" "y"}} {{"abc" | len}} {{3 | printf "%d"}} {{"a" | eq "a"}} {{split "a,b" "," | len}}' cli-net
docker network inspect -f '{{len 3}}' cli-net
docker network inspect -f '{{1 2}}' cli-net
docker network inspect -f '{{nil}}' cli-net
docker network inspect -f '{{call "x"}}' cli-net
docker network inspect -f '{{template "x"}}' cli-net
docker network inspect -f '{{define "x"}}X{{.}}{{end}}{{template "x" "y"}}' cli-net
docker network inspect -f '{{.Nope}}' cli-net
docker network inspect -f '{{$.Nope}}' cli-net
docker network inspect -f '{{foo}}' cli-net
docker network inspect -f '{{if}}x{{end}}' cli-net
docker network inspect -f '{{end}}' cli-net
docker network inspect -f '{{else}}' cli-net
docker network inspect -f '{{if 1}}' cli-net
docker network inspect -f '{{range 1}}{{else}}{{else}}{{end}}' cli-net
docker network inspect -f '{{break}}' cli-net
docker network inspect -f '{{continue}}' cli-net
docker network inspect -f '{{"abc}}' cli-net
docker network inspect -f '{{(1}}' cli-net
docker network inspect -f '{{1)}}' cli-net
docker network inspect -f '{{$z}}' cli-net
docker network inspect -f '{{1 | 2}}' cli-net
docker network inspect -f '{{/* x }}' cli-net
docker network inspect -f '{{-.Nope}}' cli-net
docker network inspect -f '{{.Name' cli-net
@docker rm -f cli-c
@docker volume rm cli-vol
@docker network rm cli-net
