#!/usr/bin/env bash
# Runs every test of the solution against real dependencies: installs and starts RabbitMQ
# (Debian package) when it is missing, then builds and tests, and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

apt_updated=
ensure_package() { # package, a file it provides
  [ -e "$2" ] && return
  echo "Installing $1 from Debian packages..."
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

start_rabbitmq() {
  if port_open 5672; then
    echo "RabbitMQ already listening on 5672"
    return
  fi
  ensure_package rabbitmq-server /usr/sbin/rabbitmq-server
  echo "Starting RabbitMQ..."
  as_root rabbitmq-server -detached
  for _ in $(seq 1 120); do
    port_open 5672 && break
    sleep 1
  done
  as_root rabbitmqctl await_startup >/dev/null
  echo "RabbitMQ ready"
}

# A fresh virtual host per run, so no message of an earlier run is left in a queue.
fresh_vhost() {
  as_root rabbitmqctl -q delete_vhost triage-tests >/dev/null 2>&1 || true
  as_root rabbitmqctl -q add_vhost triage-tests >/dev/null
  as_root rabbitmqctl -q set_permissions -p triage-tests guest ".*" ".*" ".*" >/dev/null
}

# Evaluation figures need a TrueType font for their labels.
ensure_package fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
# The review UI's browser tests drive Debian's Chromium through Playwright (Playwright's own download cannot run here).
ensure_package chromium /usr/bin/chromium

if [ -z "${TRIAGE_RABBITMQ:-}" ]; then
  start_rabbitmq
  fresh_vhost
  export TRIAGE_RABBITMQ="amqp://guest:guest@localhost:5672/triage-tests"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Triage.sln -c Release -nologo -clp:ErrorsOnly

set +e
dotnet test Triage.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?
set -e

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failed test (a crashed test host, a build problem): count it.
  failed=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
