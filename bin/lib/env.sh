# Shared by bin/hyperspatial and bin/test: finds JDK 25 and Maven, and knows the project root.
# Sourced, not executed.

HS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

hs_die() { echo "hyperspatial: $*" >&2; exit 1; }

# Prints the major version of the java binary given, or nothing.
hs_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1
}

# Sets JAVA_HOME to a JDK 25 or newer: JAVA_HOME if it is one, else the first /usr/lib/jvm/*25*.
hs_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    local major; major="$(hs_java_major "$JAVA_HOME/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then export JAVA_HOME; return; fi
  fi
  local candidate
  for candidate in /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/javac" ]; then export JAVA_HOME="$candidate"; return; fi
  done
  hs_die "JDK 25 not found. Hyperspatial needs a JDK 25: set JAVA_HOME to one, or install one under /usr/lib/jvm (for example Temurin 25, package temurin-25-jdk). JAVA_HOME was '${JAVA_HOME:-unset}'."
}

hs_find_maven() {
  command -v mvn >/dev/null 2>&1 || hs_die "Maven (mvn) not found. Install it with: apt-get install -y maven"
}

# Maven's own libraries call sun.misc.Unsafe; JDK 25 warns about it on every run. Allow it quietly.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# Builds the bench module and what it depends on, quietly (Maven's messages to stderr).
hs_build_bench() {
  hs_find_maven
  (cd "$HS_ROOT" && mvn -B -q -ntp -DskipTests -pl bench -am package) >&2
}

# Builds bench/target/hnswlib_peer (native hnswlib, bench/peers/hnswlib_peer.cpp) when it is missing
# or older than its source, installing Debian's libhnswlib-dev and g++ first if needed; prints its path.
hs_build_hnswlib_peer() {
  if [ ! -f /usr/include/hnswlib/hnswlib.h ] || ! command -v g++ >/dev/null 2>&1; then
    echo "installing libhnswlib-dev and g++" >&2
    apt-get update -q >&2 && apt-get install -y -q libhnswlib-dev g++ >&2
  fi
  local peer="$HS_ROOT/bench/target/hnswlib_peer"
  if [ ! -x "$peer" ] || [ "$HS_ROOT/bench/peers/hnswlib_peer.cpp" -nt "$peer" ]; then
    mkdir -p "$HS_ROOT/bench/target"
    g++ -O3 -march=native -std=c++17 -pthread -o "$peer" "$HS_ROOT/bench/peers/hnswlib_peer.cpp" >&2
  fi
  echo "$peer"
}

# Runs JDK 25's java on the bench module's classpath with native access and the Vector API:
#   hs_bench_java [JVM option...] -- MAIN_CLASS [ARG...]
# The script's own JVM options come first and HS_BENCH_JAVA_OPTS after them, so the user's win.
hs_bench_java() {
  local jvm=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] || hs_die "hs_bench_java: missing -- before the main class"
  shift
  # shellcheck disable=SC2086 # HS_BENCH_JAVA_OPTS is a list of options, split on purpose
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector "${jvm[@]}" \
    ${HS_BENCH_JAVA_OPTS:-} -cp "$HS_ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$HS_ROOT/bench/target/lib/*" "$@"
}
