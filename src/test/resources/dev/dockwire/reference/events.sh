# docker events (moby daemon/events: the last 256 events kept for --since, the 28.2 client's
# cli/command/system/events.go), run on the reference Docker host and on dockwire by ReferenceScriptsTest.
# Only container events, filtered by this script's container: Docker 20.10 logs die before a stopped
# container's network disconnect and without execDuration, 28 after and with it (EventsEndToEndTest
# holds 28's order). --until 0s after a second's sleep: the client truncates a duration to whole seconds.
docker run -d --name dwref-ev-a --label tier=web busybox sleep 300
docker exec dwref-ev-a true
docker pause dwref-ev-a
docker unpause dwref-ev-a
docker stop -t 1 dwref-ev-a
docker rm dwref-ev-a
sleep 1
docker events --since 20s --until 0s --filter container=dwref-ev-a --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.tier}} {{.Actor.Attributes.signal}} {{.Actor.Attributes.exitCode}}'
docker events --since 20s --until 0s --filter container=dwref-ev-a --filter event=destroy
docker events --since 20s --until 0s --filter container=dwref-ev-a --filter event=create --format '{{json .}}'
docker system events --since 20s --until 0s --filter label=tier=web --filter event=pause --filter event=unpause --format '{{.Status}} {{.From}} {{.Scope}}'
docker events --since 20s --until 0s --filter image=busybox --filter type=container --filter event=kill --format '{{.Actor.Attributes.signal}}'
docker events --since 20s --until 0s --filter container=dwref-ev-a --filter event=exec_start --format '{{json .Action}}'
docker events --since 20s --until 0s --filter container=dwref-ev-nosuch
docker events nope
docker events -f nope
docker events --since nope
docker events --format '{{.Nope}}'
docker events --format '{{.Actor.Nope}}'
