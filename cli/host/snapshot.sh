#!/bin/sh
# Copy what `tmemtop --host` reads into DIR, for `--host-root DIR` (here or on
# another machine). Uses cat, not tar: tar reads procfs files as 0 bytes (their
# size is 0) and pads sysfs files with NULs to 4096 bytes. A file that exists but
# cannot be read leaves FILE.err (a directory that cannot be entered, DIR.err)
# with cat's message, so the view can say why. Run as root to include debugfs.
#   sh cli/host/snapshot.sh DIR        then: tar czf snap.tgz -C DIR .
set -u
D=${1:?usage: snapshot.sh DIR}
for f in /proc/meminfo /proc/vmstat /proc/swaps /proc/mounts /proc/sys/kernel/osrelease \
  /sys/module/zswap/parameters/* /sys/kernel/debug/zswap/* \
  /sys/kernel/debug/cleancache/* /sys/kernel/debug/frontswap/*; do
  case $f in
  *'*') # the glob did not expand: the directory is absent, empty or cannot be entered
    dir=${f%/*}
    if ! err=$(LC_ALL=C ls "$dir" 2>&1 >/dev/null); then
      case $err in
      *'No such file'*) ;;
      *) mkdir -p "$D${dir%/*}" && printf '%s\n' "$err" >"$D$dir.err" ;;
      esac
    fi
    continue ;;
  esac
  mkdir -p "$D${f%/*}"
  if LC_ALL=C cat "$f" >"$D$f" 2>"$D$f.err"; then rm -f "$D$f.err"; else rm -f "$D$f"; fi
done
