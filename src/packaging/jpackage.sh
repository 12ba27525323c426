#!/usr/bin/env bash
# Builds Lectern's app image and installer with jpackage from the JDK running Maven (the "installer" profile runs
# this after target/lectern.jar is made):
#   target/installer/lectern/            the app image: its own trimmed runtime (jlink) and bin/lectern
#   target/installer/lectern/lib/app/lectern.jsa   a class-data-sharing archive made for the image
#   target/installer/lectern_<v>_amd64.deb         on Linux, when dpkg-deb and fakeroot are there
# Usage: jpackage.sh VERSION   (run from the project folder; VERSION like 0.1.0-SNAPSHOT)
set -euo pipefail

version="${1%%-*}"                      # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
out=target/installer
input=target/installer-input
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jpackage="$java_home/bin/jpackage"
[ -x "$jpackage" ] || jpackage="$(command -v jpackage)"

rm -rf "$out" "$input"
mkdir -p "$out" "$input"
cp target/lectern.jar "$input/"

# The modules the app uses (jdeps --print-module-deps on target/lectern.jar), and a few it reaches by name:
# java.naming (SQLite's JDBC driver), jdk.charsets (PDF text in older encodings), jdk.zipfs (Anki packages).
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting
modules=$modules,java.sql,java.xml,jdk.charsets,jdk.jfr,jdk.jsobject,jdk.unsupported,jdk.unsupported.desktop
modules=$modules,jdk.management,jdk.xml.dom,jdk.zipfs

# A desktop app's JVM: a small-footprint collector, a heap that grows as needed and gives memory back, the image's
# own class archive (made below; silent if it is missing), and no second JVM for class sharing (the jar's way).
# The icon is a PNG, which jpackage takes on Linux (Windows wants .ico, macOS .icns: they get jpackage's own).
icon=()
[ "$(uname -s)" = Linux ] && icon=(--icon src/packaging/lectern.png)
"$jpackage" --type app-image --name lectern --app-version "$version" \
  --vendor "Lectern" --description "A study companion for a reading course" \
  --input "$input" --main-jar lectern.jar --main-class dev.lectern.app.Main \
  "${icon[@]}" \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages" \
  --java-options "-XX:+UseSerialGC" \
  --java-options "-Xms32m" \
  --java-options "-XX:MinHeapFreeRatio=10" \
  --java-options "-XX:MaxHeapFreeRatio=30" \
  --java-options "-Xss1m" \
  --java-options "-XX:SharedArchiveFile=\$APPDIR/lectern.jsa" \
  --java-options "-Xshare:auto" \
  --java-options "-Xlog:cds=off" \
  --java-options "-Xlog:cds+dynamic=off" \
  --java-options "-Dlectern.relaunched=true" \
  --dest "$out"

image="$out/lectern"
[ -d "$image" ] || image="$out/lectern.app"
app="$(dirname "$(find "$image" -name lectern.jar -path '*app*' | head -1)")"

# The class archive: the classes a start loads, recorded by one start of the image's own runtime. Under a display
# (Xvfb will do) that is a start up to the first rendered reading; without one, the command line's classes.
java_bin="$(find "$image" \( -name java -o -name java.exe \) -path '*bin*' -type f | head -1)"
archive_dir="$(mktemp -d)"
record=("$java_bin" -XX:ArchiveClassesAtExit="$app/lectern.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
  -Dlectern.relaunched=true -cp "$app/lectern.jar" dev.lectern.app.Main --data-dir "$archive_dir")
if [ -n "$java_bin" ] && [ -x "$java_bin" ]; then
  # The runtime's own base archive (jlink makes none), which the app's archive is laid over.
  "$java_bin" -Xshare:dump >/dev/null 2>&1 || true
  if command -v xvfb-run >/dev/null 2>&1; then
    XDG_CONFIG_HOME="$archive_dir/config" xvfb-run -a -s "-screen 0 1400x900x24" "${record[@]}" --ready-exit \
      >/dev/null 2>&1 || "${record[@]}" validate >/dev/null 2>&1 || true
  else
    "${record[@]}" validate >/dev/null 2>&1 || true
  fi
fi
rm -rf "$archive_dir"
[ -f "$app/lectern.jsa" ] && echo "class archive: $app/lectern.jsa ($(du -h "$app/lectern.jsa" | cut -f1))"

# The installer of this platform: a .deb on Linux (under /opt/lectern, with a desktop entry in the application
# menu), a .dmg on macOS, an .msi on Windows (jpackage needs the WiX toolset there).
case "$(uname -s)" in
  Linux)
    if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
      "$jpackage" --type deb --app-image "$image" --name lectern --app-version "$version" \
        --vendor "Lectern" --description "A study companion for a reading course" \
        --icon src/packaging/lectern.png \
        --linux-shortcut --linux-menu-group "Education" --linux-app-category education \
        --dest "$out"
    else
      echo "no .deb: jpackage needs dpkg-deb and fakeroot (apt-get install fakeroot binutils)"
    fi
    ;;
  Darwin)
    "$jpackage" --type dmg --app-image "$image" --name lectern --app-version "$version" --dest "$out"
    ;;
  MINGW* | MSYS* | CYGWIN*)
    "$jpackage" --type msi --app-image "$image" --name lectern --app-version "$version" \
      --win-menu --win-shortcut --dest "$out"
    ;;
esac
du -sh "$image" | sed 's/^/app image: /'
ls -1 "$out"
