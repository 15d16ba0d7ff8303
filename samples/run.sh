#!/usr/bin/env bash
# Runs a sample flow end to end, as a user would: packs DvFlow.Sdk into artifacts/packages, installs the
# simulators the sample needs when they are missing, and runs 'dotnet build' in the sample's folder.
#   samples/run.sh hello                 # the sample's default (root) tasks
#   samples/run.sh dataflow -t:report    # any dotnet build arguments after the name
#   samples/run.sh dpi                   # a C model called through DPI-C from a Verilator testbench
#   samples/run.sh regression -m:4       # 16 simulations (4 tests x 4 seeds), four at a time
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
sample="${1:-hello}"
shift || true
[ -d "$here/$sample" ] || { echo "no sample '$sample'; samples: $(ls -d "$here"/*/ | xargs -n1 basename | tr '\n' ' ')" >&2; exit 2; }

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)"
packages=(DvFlow.Sdk DvFlow.TaskApi DvFlow.HdlSim)
# Pack only when the SDK's sources changed since the last pack (a digest of every source file), so a second run
# costs what its build costs.
sources="$(cd "$repo" && find src Directory.Build.props -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
stamp="$repo/artifacts/packages/.sources-$version"
packed=yes
for p in "${packages[@]}"; do [ -f "$repo/artifacts/packages/$p.$version.nupkg" ] || packed=no; done
if [ "$packed" = yes ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sources" ]; then
  echo "== DvFlow.Sdk $version: packages are current (artifacts/packages)"
else
  echo "== packing DvFlow.Sdk, DvFlow.TaskApi and DvFlow.HdlSim $version"
  for p in "${packages[@]}"; do
    dotnet pack "$repo/src/$p/$p.csproj" -c Release -o "$repo/artifacts/packages" -nologo -v:q
    # NuGet caches packages by version; drop the cached copy so this build uses the package just packed.
    rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$(echo "$p" | tr '[:upper:]' '[:lower:]')/$version"
  done
  echo "$sources" > "$stamp"
fi

if [ -f "$here/$sample/requires.txt" ]; then
  missing=()
  while read -r tool pkg; do
    [ -z "$tool" ] || [ "${tool#\#}" != "$tool" ] && continue
    # A path names a file a package provides (a header); anything else is a command.
    if [ "${tool#/}" != "$tool" ]; then [ -e "$tool" ] || missing+=("$pkg")
    else command -v "$tool" >/dev/null 2>&1 || missing+=("$pkg"); fi
  done < "$here/$sample/requires.txt"
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]}"
    sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"
  fi
fi

if [ -x "$here/$sample/prepare.sh" ]; then
  echo "== samples/$sample/prepare.sh"
  "$here/$sample/prepare.sh"
fi

echo "== dotnet build samples/$sample $*"
cd "$here/$sample"
exec dotnet build -nologo "$@"
