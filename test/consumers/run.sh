#!/usr/bin/env bash
# Consumer tests: pack the package as it would be published, install the tarball into each fixture
# project (a copy outside the repo, so nothing resolves from the repo's own node_modules) and run the
# fixture's `npm test`. One line per fixture, then "N passed, N failed"; exit 1 on any failure.
#   test/consumers/run.sh [fixture ...]      (default: every folder here with a package.json)
# CONSUMERS_WORK (default /tmp/apigw-vtl-consumers) holds the copies and logs; NPM_CACHE (default
# .scratch/npm-cache) is one npm cache shared by every fixture, which is most of what keeps this fast.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${CONSUMERS_WORK:-/tmp/apigw-vtl-consumers}"
cache="${NPM_CACHE:-$root/.scratch/npm-cache}"
npm_flags=(--no-audit --no-fund --cache "$cache" --prefer-offline --loglevel=error)

rm -rf "$work" && mkdir -p "$work" "$cache"
# prepack runs the clean build, so the tarball holds exactly what a publish would.
if ! (cd "$root" && npm pack --pack-destination "$work" --loglevel=error) >"$work/pack.log" 2>&1; then
  echo "npm pack failed, log: $work/pack.log"; tail -n 30 "$work/pack.log" | sed 's/^/      /'; exit 1
fi
tarball_name="$(tail -n 1 "$work/pack.log")"
tarball="$work/$tarball_name"
[ -f "$tarball" ] || { echo "npm pack produced no tarball ($tarball_name)"; exit 1; }

if [ $# -gt 0 ]; then fixtures=("$@"); else
  fixtures=(); for dir in "$here"/*/; do [ -f "$dir/package.json" ] && fixtures+=("$(basename "$dir")"); done
fi

# Two fixtures at a time by default: installs wait on the network and disk, tests on the CPU.
jobs="${CONSUMERS_JOBS:-2}"

run_fixture() {
  local name="$1" start=$SECONDS dest="$work/$1" log="$work/$1.log"
  mkdir -p "$dest"
  (cd "$here/$name" && tar --exclude=node_modules -cf - .) | (cd "$dest" && tar -xf -)
  if (
    cd "$dest" &&
      npm ci "${npm_flags[@]}" &&
      # The package under test comes from the tarball and stays out of the fixture's lockfile.
      npm install --no-save "${npm_flags[@]}" "$tarball" &&
      CI=true npm test
  ) >"$log" 2>&1; then
    echo pass >"$work/$name.result"; echo "PASS  $name ($((SECONDS - start))s)"
  else
    echo fail >"$work/$name.result"; echo "FAIL  $name ($((SECONDS - start))s), log: $log"
    tail -n 30 "$log" | sed 's/^/      /'
  fi
}

for name in "${fixtures[@]}"; do
  if [ ! -f "$here/$name/package.json" ]; then echo "FAIL  $name: no such fixture" >&2; echo fail >"$work/$name.result"; continue; fi
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  run_fixture "$name" &
done
wait

passed=0 failed=0
for name in "${fixtures[@]}"; do
  if [ "$(cat "$work/$name.result" 2>/dev/null)" = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
