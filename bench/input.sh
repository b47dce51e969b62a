# Sourced by the bench scripts: builds the jar, and generates N documents (seed 3, export date 2026-11-20: one
# full and three incremental snapshots) into the work folder once. Sets $jar and $input; needs $root, $work, $n.
jar="$root/cli/target/mongo-latest.jar"
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "the bench scripts need /usr/bin/time (GNU time) for peak RSS" >&2; exit 2; }
(cd "$root" && mvn -o -B -q -DskipTests -pl cli -am package)
input="$work/input-$n"
if [ ! -f "$input/.complete" ]; then
  rm -rf "$input"
  echo "generating $n documents into $input" >&2
  java -jar "$jar" generate --out "$input" --docs "$n" --seed 3 --export-date 2026-11-20 --state-dir "$work/state" >&2
  touch "$input/.complete"
fi
load() { cut -d' ' -f1 /proc/loadavg; }
