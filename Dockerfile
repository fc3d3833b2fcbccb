# syntax=docker/dockerfile:1
# caitien in a small image, for GitLab CI and Gitea/Forgejo runners that run jobs in a container:
# Debian 12 slim with the self-contained caitien binary and git (which `caitien check` reads the
# history with), nothing else. No Swift in the final image.
#
#   docker build -t caitien:1.0.0 .
#   docker run --rm -v "$PWD:/site" -w /site caitien:1.0.0 caitien check --content content
#
# The builder stage runs scripts/build-release, as the release workflow does; the version comes
# from `git describe` of the build context's .git, or from --build-arg CAITIEN_VERSION=v1.0.0
# (and CAITIEN_COMMIT=<40 hex>, when the context holds no .git folder, as a git worktree's does not).

ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS builder
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# hadolint ignore=DL3008
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libcmark-dev libyaml-dev libxxhash-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
ARG CAITIEN_VERSION=
ARG CAITIEN_COMMIT=
# The context's files belong to another user than root: let git read the repository.
RUN git config --global --add safe.directory /src \
 && CAITIEN_VERSION="${CAITIEN_VERSION}" CAITIEN_COMMIT="${CAITIEN_COMMIT}" scripts/build-release /out \
 && /out/caitien-linux-x86_64 --version

FROM ${BASE_IMAGE}
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# git for the records' history; ca-certificates for fetching them over https.
# hadolint ignore=DL3008
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && git config --system --add safe.directory '*'
# (Runners check the repository out as another user than the job's: safe.directory lets git
# read it, so the lost-record check runs instead of warning history-unavailable.)
COPY --from=builder /out/caitien-linux-x86_64 /usr/local/bin/caitien
RUN caitien --version
# No ENTRYPOINT: GitLab and Gitea run the job's shell in the image.
CMD ["caitien", "--help"]
