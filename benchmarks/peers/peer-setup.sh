# Sourced by compare-sp4 and compare-grid (not run alone): what both need before OOMMF and hypermag run side by side.
# Expects $here (this directory), $oommf (an OOMMF source tree) and $work (a fresh work directory); sets as_user (the
# prefix that runs OOMMF as user nobody when we are root: it refuses root), exports the Debian Tcl/Tk config files
# OOMMF builds and runs with, builds OOMMF if the tree has no oxs binary (../shared/notes/oommf.md), and defines
# roundtrip: the core-to-core round trip ("NN ns"), since the host's placement of the two vCPUs changes two-thread
# timings by about 1.4 times (docs/benchmarks.md).
chmod a+rwx "$work"
export OOMMF_TCL_CONFIG="${OOMMF_TCL_CONFIG:-/usr/lib/x86_64-linux-gnu/tcl8.6/tclConfig.sh}"
export OOMMF_TK_CONFIG="${OOMMF_TK_CONFIG:-/usr/lib/x86_64-linux-gnu/tk8.6/tkConfig.sh}"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work")
fi
if ! ls "$oommf"/app/oxs/*/oxs >/dev/null 2>&1; then
  echo "building OOMMF in $oommf (about 11 minutes on 2 cores)"
  (cd "$oommf" && tclsh oommf.tcl pimake)
fi
roundtrip() { java "$here/CoreRoundTrip.java" 2>/dev/null | grep -oE '[0-9]+ ns' || echo "? ns"; }
