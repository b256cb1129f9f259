# Sourced (POSIX sh) by bin/mm and bin/memtomem-server; not a command of its own.
# memtomem_launch ROOT TOOL ARGS... starts TOOL (mm or server) from ROOT, which is either an unpacked release
# (ROOT/lib/classpath lists the jars in order) or a source checkout (each module's target/ after a build).

memtomem_fail() {
  echo "$1" >&2
  exit 1
}

# Sets $version to the version of the Java at $1 (a bin/java), e.g. 17.0.15 or 25.0.3: read from the runtime's
# release file with shell built-ins, so a start costs no extra JVM; `java -version` only for a java whose home cannot
# be found (the macOS /usr/bin/java stub). Every command substitution or external command forks (~1-2 ms a start),
# so a java that is no symlink costs none and one behind symlinks (/usr/bin/java) one `readlink -f`.
memtomem_java_version() {
  javabin=$1
  if [ -L "$javabin" ]; then
    if real=$(readlink -f -- "$javabin" 2>/dev/null) && [ -n "$real" ]; then
      javabin=$real
    else
      while [ -L "$javabin" ]; do
        link=$(readlink "$javabin")
        case $link in
          /*) javabin=$link ;;
          *) javabin=${javabin%/*}/$link ;;
        esac
      done
    fi
  fi
  version=""
  release=${javabin%/*}/../release
  if [ -f "$release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=*)
          version=${line#JAVA_VERSION=}
          version=${version#\"}
          version=${version%%\"*}
          break
          ;;
      esac
    done <"$release"
  fi
  if [ -z "$version" ]; then
    version=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case $version in
    1.*) version=${version#1.} ;;
  esac
}

# Sets $java to the first executable java on PATH, searched with built-ins (no `command -v` substitution).
memtomem_java_on_path() {
  java=""
  old_ifs=$IFS
  IFS=:
  set -f
  for dir in $PATH; do
    if [ -x "${dir:-.}/java" ] && [ ! -d "${dir:-.}/java" ]; then
      java=${dir:-.}/java
      break
    fi
  done
  set +f
  IFS=$old_ifs
  [ -n "$java" ]
}

# The JDK's AOT cache (JEP 483/514/515, Java 25+): the classes of a training run loaded and linked, their lambdas
# and method profiles, mapped at start. Made once per Java build by running the tool's own training (mm: every daily
# command; the server: a scripted session) on a throw-away home, written under a temporary name and renamed, so a
# concurrent start never maps half a file. Silent but for one line: it takes a few seconds, once.
memtomem_make_aot_cache() {
  cache=$1
  shift
  echo "memtomem: preparing a faster start on Java $version (once, a few seconds)..." >&2
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/memtomem-aot.XXXXXX") || return 0
  if [ "$tool" = mm ]; then training=cds-training; else training=--train; fi
  # shellcheck disable=SC2086
  if (cd "$scratch" && _MEMTOMEM_TEST_MODE=1 _MEMTOMEM_TEST_RUNTIME_DIR="$scratch/run" \
      "$java" "-XX:AOTCacheOutput=$cache.$$" "$@" "-Duser.home=$scratch/home" -cp "$classpath" "$main" $training) \
      </dev/null >/dev/null 2>&1 && [ -f "$cache.$$" ]; then
    mv -f "$cache.$$" "$cache"
  fi
  rm -rf "$scratch" "$cache.$$" "$cache.$$.config"
}

memtomem_launch() {
  root=$1
  tool=$2
  shift 2
  if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  elif memtomem_java_on_path; then
    :
  else
    memtomem_fail "memtomem needs Java 17 or newer; found none (no java on PATH${JAVA_HOME:+, and JAVA_HOME=$JAVA_HOME has no bin/java}). Install a JDK or JRE 17+ and set JAVA_HOME to it."
  fi
  memtomem_java_version "$java"
  major=${version%%[!0-9]*}
  if [ -n "$major" ] && [ "$major" -lt 17 ]; then
    memtomem_fail "memtomem needs Java 17 or newer; found Java $major ($java). Set JAVA_HOME to a Java 17+ installation."
  fi

  if [ "$tool" = mm ]; then main=io.memtomem.cli.Main; module=memtomem-cli; else main=io.memtomem.server.Main; module=memtomem-server; fi
  if [ -f "$root/lib/classpath" ]; then
    lib="$root/lib"
    classpath=""
    old_ifs=$IFS
    IFS=:
    # jar names only (no spaces or wildcards); the root, which may hold spaces, is prefixed after the split
    IFS= read -r jars <"$lib/classpath" || [ -n "$jars" ]
    for jar in $jars; do classpath="$classpath${classpath:+:}$root/$jar"; done
    IFS=$old_ifs
    jsa_dir="$lib"
    built="$lib/classpath"
    native="$lib/native"
  else
    target="$root/$module/target"
    if [ ! -f "$target/$module.jar" ]; then
      memtomem_fail "$tool: not built yet. Run: (cd \"$root\" && ./mvnw -B -ntp package -DskipTests)"
    fi
    classpath="$target/$module.jar:$target/lib/*"
    jsa_dir="$target"
    built="$target/$module.jar"
    native="$root/memtomem-cli/target/native"
  fi

  # AppCDS, one archive per Java feature release (made at build time for the building JDK): mapped when it was made
  # for this JDK build and class path, a stale one is ignored silently (-Xlog:cds=off); Java 19+ writes a missing or
  # stale one at exit when the directory is writable, so the next start is fast again. Java 25+ uses the JDK's AOT
  # cache instead, one per Java build, remade when the jars are newer.
  # one C1 compiler thread: on a 2-core machine a second one only competes with start-up (server spawn to initialize
  # ~25 ms sooner, mm search ~10 ms, alternating runs); C1 alone keeps up with a long-lived server's hot paths
  jvm_flags="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
  # a command lives well under a second: no hsperfdata file to create and delete for jps/jstat
  if [ "$tool" = mm ]; then jvm_flags="$jvm_flags -XX:-UsePerfData"; fi
  # Java 17-20: the JRE's own locale data starts ~30 ms faster than CLDR's, which sqlite-jdbc's date format and
  # Jackson pull in on every start (21+ warns that it is deprecated, 23+ has only CLDR)
  if [ -n "$major" ] && [ "$major" -lt 21 ]; then jvm_flags="$jvm_flags -Djava.locale.providers=COMPAT"; fi
  cds=""
  autocds=""
  aot=""
  share="-Xshare:auto"
  logs="-Xlog:cds=off,cds+dynamic=off"
  if [ -n "$major" ] && [ "$major" -ge 25 ]; then
    logs="-Xlog:cds=off,aot=off"
    cache="$jsa_dir/$tool-$version.aot"
    if [ ! "$cache" -nt "$built" ] && [ -w "$jsa_dir" ]; then
      # shellcheck disable=SC2086
      memtomem_make_aot_cache "$cache" $jvm_flags -Xlog:disable --enable-native-access=ALL-UNNAMED
    fi
    # the AOT cache is a CDS archive itself, so it replaces -Xshare
    if [ "$cache" -nt "$built" ]; then aot="-XX:AOTCache=$cache"; share=""; fi
  elif [ -n "$major" ]; then
    jsa="$jsa_dir/$tool-$major.jsa"
    if [ "$major" -ge 19 ] && [ -w "$jsa_dir" ]; then autocds="-XX:+AutoCreateSharedArchive"; fi
    if [ -n "$autocds" ] || [ -f "$jsa" ]; then cds="-XX:SharedArchiveFile=$jsa"; fi
  fi

  # sqlite-jdbc and JNA extracted at build time for this platform; otherwise each start copies them to the temp dir.
  # sqlite-jdbc also lists its temp dir at every start to delete old copies (~8 ms with 900 files in /tmp): it is
  # told the native dir is that dir
  platform=$(uname -sm) # one process for both: "Linux x86_64", "Darwin arm64"
  os=${platform% *}
  arch=${platform##* }
  [ "$arch" = arm64 ] && arch=aarch64
  native="$native/$os-$arch"
  sqlite_dir=""
  sqlite_lib=""
  sqlite_tmp=""
  jna_dir=""
  for name in libsqlitejdbc.so libsqlitejdbc.dylib; do
    if [ -f "$native/$name" ]; then
      sqlite_dir="-Dorg.sqlite.lib.path=$native"; sqlite_lib="-Dorg.sqlite.lib.name=$name"; sqlite_tmp="-Dorg.sqlite.tmpdir=$native"
    fi
  done
  if [ -d "$native" ]; then jna_dir="-Djna.boot.library.path=$native"; fi
  # JNA finds libc (for flock) on Linux by running `ldconfig -p` at every start unless told where the system
  # libraries are: name the directory that holds libc.so.6, when there is one
  libc_dir=""
  if [ "$os" = Linux ]; then
    for dir in "/lib/$arch-linux-gnu" "/usr/lib/$arch-linux-gnu" /lib64 /usr/lib64 /lib /usr/lib; do
      if [ -f "$dir/libc.so.6" ]; then libc_dir="-Djna.platform.library.path=$dir"; break; fi
    done
  fi

  # ${x:+"$x"} passes an optional flag as one word even when the path has spaces; only MCP frames may reach the
  # server's stdout, so every JVM log line goes to stderr
  # shellcheck disable=SC2086
  exec "$java" $jvm_flags $share ${cds:+"$cds"} ${autocds:+"$autocds"} ${aot:+"$aot"} \
    ${sqlite_dir:+"$sqlite_dir"} ${sqlite_lib:+"$sqlite_lib"} ${sqlite_tmp:+"$sqlite_tmp"} ${jna_dir:+"$jna_dir"} ${libc_dir:+"$libc_dir"} \
    -Xlog:disable -Xlog:all=warning:stderr "$logs:stderr" \
    --enable-native-access=ALL-UNNAMED "-Dmemtomem.bin=$root/bin" $MEMTOMEM_JAVA_OPTS \
    -cp "$classpath" "$main" "$@"
}
