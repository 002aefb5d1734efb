#!/usr/bin/env bash
# Packs every library, the adapters and the podconf tool into artifacts/ in one `dotnet pack` (one restore, one
# build graph), then proves the packages work: installs the tool as the README says (into a throwaway HOME), runs `podconf --help`
# and `podconf golden verify` from an empty directory (the golden cases travel with the tool), and (unless
# --no-consumer) builds and runs a throwaway xUnit project that derives from PodConformanceSpecificationTests and
# checks a simulator through the process adapter, restored from artifacts/ through the README's `dotnet nuget add source`.
#
# usage: .ci/pack.sh [--no-consumer] [--keep]
#
# The README's install commands and C# examples run here verbatim (tests/PodConformance.Cli.Tests ReadmeTests checks
# that they are in this script and that CI runs it).
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

mkdir -p "$out"
rm -f "$out"/PodConformance.*."$version".nupkg
echo "== pack (bin/obj under artifacts/build)"
dotnet pack "$root/.ci/pack.slnf" -c Release --artifacts-path "$out/build" -p:PackageOutputPath="$out" \
  -p:ContinuousIntegrationBuild=true --nologo -v quiet
ls -1 "$out"/*.nupkg

# The README's own commands, verbatim, in a throwaway home: its NuGet config knows the local cache only (the README's
# `dotnet nuget add source` adds artifacts/ to it), so --global installs into $tmp/home and nothing reaches the network.
home="$tmp/home"
mkdir -p "$home/.nuget/NuGet"
cat > "$home/.nuget/NuGet/NuGet.Config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local-cache" value="$cache" />
  </packageSources>
</configuration>
XML
export HOME="$home" NUGET_PACKAGES="$tmp/packages" PATH="$home/.dotnet/tools:$PATH"

echo "== install the tool (README)"
cd "$root"
dotnet tool install --global --add-source artifacts PodConformance.Cli   # then: podconf --help
podconf --help | head -n 5
mkdir -p "$tmp/empty"
(cd "$tmp/empty" && podconf golden verify | tail -n 1)
dotnet nuget add source "$PWD/artifacts" --name podconformance             # your NuGet config learns the packages' folder

if [ "$consumer" = 1 ]; then
  echo "== consumer test project from the packages (README)"
  c="$tmp/consumer"
  mkdir -p "$c"
  cat > "$c/Consumer.Tests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="$(pkgver Microsoft.NET.Test.Sdk)" />
    <PackageReference Include="xunit" Version="$(pkgver xunit)" />
    <PackageReference Include="xunit.runner.visualstudio" Version="$(pkgver xunit.runner.visualstudio)" />
  </ItemGroup>
</Project>
XML
  cd "$c"
  dotnet add package PodConformance.Testing                                  # in an xunit 2 test project
  dotnet add package PodConformance.Adapters.Process >/dev/null
  # The C# examples exactly as printed: the README's, and the process adapter package's (checking the installed
  # tool's reference server through the process protocol).
  csharp() { awk '/^```csharp$/{f=1;next} /^```$/{f=0} f' "$1"; }
  csharp "$root/README.md" > MySimulatorConformance.cs
  csharp "$root/src/PodConformance.Adapters.Process/README.md" > SimulatorConformance.cs
  dotnet test --nologo 2>&1 | tail -n 3
  cd "$root"
fi
echo "== ok: packages in $out"
