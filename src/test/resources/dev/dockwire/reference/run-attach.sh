# docker run -a STREAM: only the streams named are attached (the others are not shown), the status is still the container's. Run on the reference Docker host and on dockwire by RecordedReferenceTest. The two streams reach the client apart: a second between them keeps their order.
docker run --rm -a stdout alpine sh -c 'echo out; echo err >&2; exit 2'
docker run --rm -a stderr alpine sh -c 'echo out; echo err >&2'
docker run --rm -a STDOUT -a stderr alpine sh -c 'echo out; sleep 1; echo err >&2'
docker run --rm -a stdin alpine sh -c 'echo out; echo err >&2'
