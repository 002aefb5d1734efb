#!/usr/bin/env bash
# Packs every library, the adapters and the podconf tool into artifacts/ in one `dotnet pack` (one restore, one
# build graph), then proves the packages work: installs the tool into a temporary tool path, runs `podconf --help`
# and `podconf golden verify` from an empty directory (the golden cases travel with the tool), and (unless
# --no-consumer) builds and runs a throwaway xUnit project that derives from PodConformanceSpecificationTests and
# checks a simulator through the process adapter, restored from artifacts/ only.
#
# usage: .ci/pack.sh [--no-consumer] [--keep]
#
# It never touches the working build: pack's bin/ and obj/ live under artifacts/build/ (--artifacts-path), so a
# later `dotnet run`/`dotnet test` does not rebuild. No network: restores use the machine's NuGet cache (filled by
# the normal build) as a local feed; the smoke checks restore into a temporary packages folder, so a stale
# PodConformance 0.1.0 in the global cache can never stand in for the fresh packages.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts"
consumer=1
keep=0
for arg in "$@"; do
  case "$arg" in
    --no-consumer) consumer=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: .ci/pack.sh [--no-consumer] [--keep]" >&2; exit 2 ;;
  esac
done

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
pkgver() { sed -n "s:.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*:\1:p" "$root/Directory.Packages.props"; }
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"

tmp="$(mktemp -d)"
if [ "$keep" = 0 ]; then trap 'rm -rf "$tmp"' EXIT; else echo "keeping $tmp"; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A feed of the fresh packages plus the local NuGet cache (a v3 folder feed), nothing remote.
cat > "$tmp/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="artifacts" value="$out" />
    <add key="local-cache" value="$cache" />
  </packageSources>
</configuration>
XML

mkdir -p "$out"
rm -f "$out"/PodConformance.*."$version".nupkg
echo "== pack (bin/obj under artifacts/build)"
dotnet pack "$root/.ci/pack.slnf" -c Release --artifacts-path "$out/build" -p:PackageOutputPath="$out" \
  -p:ContinuousIntegrationBuild=true --nologo -v quiet
ls -1 "$out"/*.nupkg

echo "== install the tool"
NUGET_PACKAGES="$tmp/packages" dotnet tool install --tool-path "$tmp/tool" --configfile "$tmp/nuget.config" \
  --version "$version" PodConformance.Cli >/dev/null
"$tmp/tool/podconf" --help | head -n 5
mkdir -p "$tmp/empty"
(cd "$tmp/empty" && "$tmp/tool/podconf" golden verify | tail -n 1)

if [ "$consumer" = 1 ]; then
  echo "== consumer test project from the packages"
  c="$tmp/consumer"
  mkdir -p "$c"
  cp "$tmp/nuget.config" "$c/nuget.config"
  cat > "$c/Consumer.Tests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PodConformance.Testing" Version="$version" />
    <PackageReference Include="PodConformance.Adapters.Process" Version="$version" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="$(pkgver Microsoft.NET.Test.Sdk)" />
    <PackageReference Include="xunit" Version="$(pkgver xunit)" />
    <PackageReference Include="xunit.runner.visualstudio" Version="$(pkgver xunit.runner.visualstudio)" />
  </ItemGroup>
</Project>
XML
  # A simulator in another process: the installed tool's reference server, checked through the process adapter.
  cat > "$c/ProcessConformance.cs" <<CS
using PodConformance.Adapters.Process;
using PodConformance.Suite.Adapters;
using PodConformance.Testing;

public sealed class ProcessConformance : PodConformanceSpecificationTests
{
    protected override IConformanceAdapter CreateAdapter() => new ProcessAdapter(["$tmp/tool/podconf", "adapter", "serve"]);
    protected override int Count => 3;
}
CS
  NUGET_PACKAGES="$tmp/packages" dotnet test "$c" --nologo 2>&1 | tail -n 3
fi
echo "== ok: packages in $out"
