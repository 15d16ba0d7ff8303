#!/usr/bin/env bash
# Packs the MyTool plugin into feed/ (the source nuget.config adds) and drops NuGet's cached copy of it,
# so the flow project restores the package just packed. samples/run.sh runs this before building.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/feed"
dotnet pack "$here/MyTool/MyTool.csproj" -c Release -o "$here/feed" -nologo -v:q "$@"
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/mytool"
