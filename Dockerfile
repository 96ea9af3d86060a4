# PlanSite in a container: `docker run --rm -v "$PWD:/site" -w /site IMAGE build` builds the
# content/ folder of the current directory into site/ with the templates the image carries
# (pass --templates templates to use your own). The release workflow publishes it.

# Stage 1: the static binary (the Swift runtime linked in), built as the release workflow builds it.
FROM swift:6.3.1-bookworm AS build
WORKDIR /src
COPY . .
RUN make release-binary

# Stage 2: Debian slim with only the libraries `ldd plansite` lists that slim lacks. Not pinned
# to versions: Debian 12's security updates replace them, and a pin to a replaced version fails.
FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libcmark-gfm0.29.0.gfm.6 \
      libcmark-gfm-extensions0.29.0.gfm.6 \
      libcurl4 \
      libxml2 \
      libtcmalloc-minimal4 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/.build/release-static/plansite /usr/local/bin/plansite
COPY --from=build /src/templates /usr/share/plansite/templates
ENV PLANSITE_TEMPLATES=/usr/share/plansite/templates
WORKDIR /site
ENTRYPOINT ["plansite"]
CMD ["build"]
