/**
 * {@code docker build}'s frontend as BuildKit's dockerfile frontend reads a Dockerfile: the parser
 * (moby/buildkit frontend/dockerfile/parser: parser directives, line continuations, comments,
 * here-documents, JSON and shell forms), the shell lexer's variable substitution
 * (frontend/dockerfile/shell), the typed instructions and stages (frontend/dockerfile/instructions)
 * and the image config the instructions make from a base image's (dockerfile2llb's dispatch).
 *
 * <p>Pure data over {@code docker}'s {@code ImageConfig}: the base images come from the caller, a RUN
 * line runs through the caller's {@link dev.dockwire.docker.build.RunStep} (a build container above this
 * package), and registering the result is the engine's job.
 */
package dev.dockwire.docker.build;
