#!/bin/sh
# Installs what the server and export tests need: OpenLink Virtuoso 7 (a Graph
# Store and SPARQL endpoint for `kg push`) and Apache Jena (RIOT, the strict
# parser of the export tests). Oxigraph's server comes from PyPI (`oxigraph`).
# Idempotent: does nothing when everything is there already.
set -eu

need=""
command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 || need="$need virtuoso-opensource-7-bin"
[ -f /usr/share/java/jena-arq.jar ] && [ -f /usr/share/java/jena-cmds.jar ] || need="$need libapache-jena-java"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"

if [ -z "$need" ]; then
    echo "install-servers: Virtuoso and Jena already installed"
    exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split
$SUDO apt-get install -y -qq --no-install-recommends $need
echo "install-servers: installed$need"
