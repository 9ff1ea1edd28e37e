#!/bin/sh
# Starts SER on Payara Micro from environment variables alone: the startup command on Azure App
# Service for Java SE, and what `./ser serve` runs locally.
#
#   startup.sh [JAR [PAYARA-MICRO-ARGS...]]
#
# JAR is the Payara Micro uber-jar with the WAR inside (target/azure/app.jar; the default is the
# app.jar next to this script, else App Service's /home/site/wwwroot/app.jar), or payara-micro.jar
# followed by --deploy WAR. The environment decides the rest:
#   PORT, else WEBSITES_PORT   the HTTP port (8080 without either)
#   SER_BIND_ADDRESS           the address HTTP listens on; 127.0.0.1 unless on App Service (which
#                              sets WEBSITE_SITE_NAME), where its front end needs 0.0.0.0
#   JAVA_OPTS                  handed to java unchanged (heap size, GC)
# Hazelcast is always off: sessions stay in one instance's memory (docs/azure.md, scale-out).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -gt 0 ]; then
  jar=$1
  shift
elif [ -f "$here/app.jar" ]; then
  jar=$here/app.jar
else
  jar=/home/site/wwwroot/app.jar
fi
[ -f "$jar" ] || { echo "startup.sh: no application jar at $jar" >&2; exit 2; }

port=${PORT:-${WEBSITES_PORT:-8080}}
case $port in
  '' | *[!0-9]*) echo "startup.sh: PORT must be a number, got '$port'" >&2; exit 2 ;;
esac
if [ -n "${WEBSITE_SITE_NAME:-}" ]; then
  bind=${SER_BIND_ADDRESS:-0.0.0.0}
  # App Service's front end ends TLS and says so in X-Forwarded-Proto: with it the request counts
  # as secure, so the session cookie gets its Secure flag. Only trusted behind that front end.
  scheme_header=X-Forwarded-Proto
else
  bind=${SER_BIND_ADDRESS:-127.0.0.1}
  scheme_header=
fi
case $bind in
  '' | *[!0-9A-Za-z.:-]*) echo "startup.sh: SER_BIND_ADDRESS must be an address, got '$bind'" >&2; exit 2 ;;
esac

# Pre-boot commands replace the ones baked into the uber-jar (preboot.asadmin, loopback only), so
# the listener address is the one chosen here.
preboot=$(mktemp "${TMPDIR:-/tmp}/ser-preboot.XXXXXX")
listeners=configs.config.server-config.network-config.network-listeners.network-listener
http=configs.config.server-config.network-config.protocols.protocol.http-listener.http
cat >"$preboot" <<EOF
set $listeners.http-listener.address=$bind
set $listeners.https-listener.enabled=false
set $http.server-header=false
set $http.xpowered-by=false
EOF
if [ -n "$scheme_header" ]; then
  echo "set $http.scheme-mapping=$scheme_header" >>"$preboot"
fi

echo "startup.sh: $jar on $bind:$port" >&2
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" --nohazelcast --disablephonehome \
  --port "$port" --prebootcommandfile "$preboot" "$@"
