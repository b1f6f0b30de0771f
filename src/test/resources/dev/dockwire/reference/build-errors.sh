# What the legacy builder (DOCKER_BUILDKIT=0) prints for a Dockerfile it cannot parse or dispatch — the daemon's error
# through the 28.2 client, after the context is sent — and for a RUN of a program the image lacks (the shell's 127).
@rm -rf /tmp/dwbuild-err
@mkdir -p /tmp/dwbuild-err/unknown /tmp/dwbuild-err/empty /tmp/dwbuild-err/nofrom /tmp/dwbuild-err/missing /tmp/dwbuild-err/arg
@printf 'FROM alpine\nFOO bar\n' > /tmp/dwbuild-err/unknown/Dockerfile
@printf '# only a comment\n' > /tmp/dwbuild-err/empty/Dockerfile
@printf 'RUN echo hi\n' > /tmp/dwbuild-err/nofrom/Dockerfile
@printf 'FROM alpine\nRUN foo --version\n' > /tmp/dwbuild-err/missing/Dockerfile
@printf 'FROM alpine\nEXPOSE\n' > /tmp/dwbuild-err/arg/Dockerfile
export DOCKER_BUILDKIT=0; docker build /tmp/dwbuild-err/unknown 2>&1 | grep -v -e '^DEPRECATED' -e '^  ' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'; echo "status ${PIPESTATUS[0]}"
export DOCKER_BUILDKIT=0; docker build /tmp/dwbuild-err/empty 2>&1 | grep -v -e '^DEPRECATED' -e '^  ' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'; echo "status ${PIPESTATUS[0]}"
export DOCKER_BUILDKIT=0; docker build /tmp/dwbuild-err/nofrom 2>&1 | grep -v -e '^DEPRECATED' -e '^  ' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'; echo "status ${PIPESTATUS[0]}"
export DOCKER_BUILDKIT=0; docker build /tmp/dwbuild-err/arg 2>&1 | grep -v -e '^DEPRECATED' -e '^  ' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g'; echo "status ${PIPESTATUS[0]}"
# The RUN's stderr reaches the client wrapped in colour codes per chunk the daemon read (pkg/streamformatter's
# stderr writer: \033[91m...\033[0m), and how the shell's message splits into chunks varies between runs: stripped here.
export DOCKER_BUILDKIT=0; docker build /tmp/dwbuild-err/missing 2>&1 | grep -v -e '^DEPRECATED' -e '^  ' -e '^$' | sed 's/[0-9a-f]\{12\}/<id>/g' | tr -d '\033' | sed -e 's/\[91m//g' -e 's/\[0m//g'; echo "status ${PIPESTATUS[0]}"
@docker container prune -f
@rm -rf /tmp/dwbuild-err
