# Sourced by the bench scripts. timed LABEL COMMAND...: runs COMMAND with its output in $WORK/LABEL.out and prints
# its wall seconds and peak RSS in MiB (GNU time); on failure prints the output and returns 1.
timed() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/$label.out" 2>&1 || { cat "$WORK/$label.out"; return 1; }
  read -r wall kb < "$WORK/time.txt"
  echo "$wall $((kb / 1024))"
}
