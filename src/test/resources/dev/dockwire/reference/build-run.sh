# docker build runs its RUN lines (moby's legacy builder, DOCKER_BUILDKIT=0, as the reference's 20.10 daemon builds): each in a
# container of the image so far, its output between " ---> Running in ID" and "Removing intermediate container ID", its file
# changes the step's layer (a file written, one removed: the layer's whiteout), WORKDIR's directory made; a RUN that exits
# non-zero fails the build with the command's status. IDs are cut to <id>: they are random on both hosts. The variable is
# exported in the line (dockwire's host shell keeps a NAME=value prefix as a shell variable, not the command's environment).
@rm -rf /tmp/dwbuild-run /tmp/dwbuild-fail
@mkdir -p /tmp/dwbuild-run /tmp/dwbuild-fail
@printf 'FROM alpine\nRUN echo hi > /hello && echo built\nWORKDIR /app\nRUN echo in $(pwd) && echo x > f && rm /etc/group\n' > /tmp/dwbuild-run/Dockerfile
@printf 'FROM alpine\nRUN echo oops && false\n' > /tmp/dwbuild-fail/Dockerfile
export DOCKER_BUILDKIT=0; docker build -t dwbuildrun:1 /tmp/dwbuild-run 2>&1 | grep -v -e '^DEPRECATED' -e '^  ' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'
docker run --rm dwbuildrun:1 cat /hello /app/f
docker run --rm dwbuildrun:1 cat /etc/group
docker history --format '{{.Size}}' dwbuildrun:1 | head -3
docker run --name dwbuildrun-c dwbuildrun:1 sh -c 'echo y > /y; rm /hello'
docker diff dwbuildrun-c | sort
export DOCKER_BUILDKIT=0; docker build /tmp/dwbuild-fail 2>&1 | grep -v -e '^DEPRECATED' -e '^  ' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'
export DOCKER_BUILDKIT=0; docker build -q /tmp/dwbuild-fail > /dev/null 2>&1; echo "status $?"
@docker rm dwbuildrun-c
@docker rmi dwbuildrun:1
@rm -rf /tmp/dwbuild-run /tmp/dwbuild-fail
