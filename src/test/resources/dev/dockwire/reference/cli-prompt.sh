# prune's question answered from stdin (docker/cli cli/command/utils.go PromptForConfirmation: the question and " [y/N] " with
# no newline, then one line read; y or Y goes on, anything else or nothing declines): the answer piped in, the report on the
# question's line; the question left open at the end of a command (the next line of the transcript follows it); docker pull
# -a's client-side refusals (cli/command/image/pull.go). Names prefixed cpr-.
@docker rm -f cpr-a cpr-b cpr-c >/dev/null 2>&1; docker network rm cpr-n >/dev/null 2>&1
docker create --name cpr-a --label cpr=1 alpine true
docker create --name cpr-b --label cpr=1 alpine true
docker container prune --filter label=cpr=1
echo n | docker container prune --filter label=cpr=1
echo yes | docker container prune --filter label=cpr=1
# a comment after the open question
echo y | docker container prune --filter label=cpr=1
docker create --name cpr-c --label cpr=1 alpine true
printf Y | docker container prune --filter label=cpr=1
docker network create --label cpr=1 cpr-n
echo y | docker network prune --filter label=cpr=1
echo y | docker container prune --filter until=abc

echo y | docker system prune --filter label=cpr=1
docker image prune --filter label=cpr=1
docker pull -a alpine:3.19
docker pull --all-tags alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000
docker pull -a -q nosuch:tag
