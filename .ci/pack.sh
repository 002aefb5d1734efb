#!/usr/bin/env bash
# Packs the podconf tool and the PodConformance.Testing package (with the libraries it depends on) into
# artifacts/, then proves the packages work: installs the tool into a temporary tool path and prints the head of
# `podconf --help`, and (unless --no-consumer) builds and runs a throwaway consumer test project that derives from
# PodConformanceSpecificationTests, restored from artifacts/ and nuget.org only.
#
# usage: .ci/pack.sh [--no-consumer] [--keep]
# A temporary NUGET_PACKAGES folder is used so the smoke checks never see a stale 0.1.0 from the global cache.
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

tmp="$(mktemp -d)"
if [ "$keep" = 0 ]; then trap 'rm -rf "$tmp"' EXIT; else echo "keeping $tmp"; fi
export NUGET_PACKAGES="$tmp/packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p "$out"
rm -f "$out"/PodConformance.*."$version".nupkg
# Testing depends on Suite, which depends on Model, Generators and Manifests: each is a package of its own.
for project in Model Generators Manifests Suite Testing Cli; do
  echo "== pack PodConformance.$project"
  dotnet pack "$root/src/PodConformance.$project" -c Release -o "$out" --nologo -v quiet
done
ls -1 "$out"/*.nupkg

echo "== install the tool"
dotnet tool install --tool-path "$tmp/tool" --add-source "$out" --version "$version" PodConformance.Cli
"$tmp/tool/podconf" --help | head -n 15

if [ "$consumer" = 1 ]; then
  echo "== consumer test project from the packages"
  c="$tmp/consumer"
  mkdir -p "$c"
  cat > "$c/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="artifacts" value="$out" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
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
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="$(pkgver Microsoft.NET.Test.Sdk)" />
    <PackageReference Include="xunit" Version="$(pkgver xunit)" />
    <PackageReference Include="xunit.runner.visualstudio" Version="$(pkgver xunit.runner.visualstudio)" />
  </ItemGroup>
  <ItemGroup>
    <None Include="expectations.json" CopyToOutputDirectory="PreserveNewest" />
  </ItemGroup>
</Project>
XML
  echo '{"adapter": "model", "expectations": {}}' > "$c/expectations.json"
  # The README's example, verbatim apart from the adapter.
  cat > "$c/MySimulatorConformance.cs" <<'CS'
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;
using PodConformance.Testing;

public sealed class MySimulatorConformance : PodConformanceSpecificationTests
{
    protected override IConformanceAdapter CreateAdapter() => new ModelAdapter(); // your adapter here
    protected override int Count => 50;
    protected override Expectations Expectations => Expectations.Read(Path.Combine(AppContext.BaseDirectory, "expectations.json"));
}
CS
  dotnet test "$c" --nologo 2>&1 | tail -n 3
fi
echo "== ok: packages in $out"
