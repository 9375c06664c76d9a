#!/usr/bin/env bash
# Packaging smoke test (Linux, as root). Builds nothing: expects the .deb from
#   mvn -B -ntp -DskipTests -Ppackage package
# 1. installs it (dpkg -i; apt-get -f install pulls missing dependencies),
# 2. checks the layout: /opt/relaymq, relaymq and relaymq-console on the PATH, desktop entry, icon,
#    licence, and that both launchers' --version agree with the package version,
# 3. runs `relaymq namesrv` and `relaymq broker` from the installed launcher, waits for both READY
#    lines and proves the broker registered with the NameServer,
# 4. runs the installed console under Xvfb with --self-check (window shown, demo NameServer and
#    broker RUNNING with the bundled Java and runtime jar),
# 5. stops everything it started and purges the package (also on failure), asserting nothing is left.
# Usage: packaging/smoke-test.sh [path/to/relaymq_x.y.z-r_amd64.deb]
# Needs: dpkg, apt-get (for missing dependencies), xvfb-run (apt-get install -y xvfb xauth).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKG=relaymq
APP_DIR=/opt/relaymq
READY_TIMEOUT=${READY_TIMEOUT:-60}
CONSOLE_TIMEOUT=${CONSOLE_TIMEOUT:-180}
WORK=$(mktemp -d /tmp/relaymq-smoke.XXXXXX)
PIDS=()
GROUPS_STARTED=()
MENU_DIRS_CREATED=()
STEP="start"
START_SECONDS=$SECONDS

log() { echo "[smoke $((SECONDS - START_SECONDS))s] $*"; }
fail() { log "FAILED at '$STEP': $*"; exit 1; }
step() { STEP="$*"; log "== $*"; }

# Stops one process: SIGTERM, up to 15 s, then SIGKILL.
stop_pid() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
        sleep 0.5
    done
    log "pid $pid ignored SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

purge_package() {
    if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q "installed\|unpacked\|half"; then
        dpkg --purge "$PKG" >"$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log"; return 1; }
    fi
    return 0
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do   # last started, first stopped
        stop_pid "${PIDS[$i]}"
    done
    # the console's process group (its Xvfb and any demo node it could not stop)
    for pgid in "${GROUPS_STARTED[@]}"; do
        kill -KILL -- "-$pgid" 2>/dev/null
    done
    if [ $rc -ne 0 ]; then
        for f in "$WORK"/*.out "$WORK"/*.err; do
            [ -s "$f" ] && { echo "---- $(basename "$f") (last 30 lines)"; tail -n 30 "$f"; }
        done
    fi
    if ! purge_package; then
        log "dpkg --purge $PKG failed"
        rc=1
    fi
    for leftover in "$APP_DIR" /usr/bin/relaymq /usr/bin/relaymq-console \
            /usr/share/applications/relaymq-relaymq-console.desktop; do
        if [ -e "$leftover" ] || [ -L "$leftover" ]; then
            log "left behind after purge: $leftover"
            rc=1
        fi
    done
    for d in "${MENU_DIRS_CREATED[@]}"; do
        rmdir "$d" 2>/dev/null
    done
    rm -rf "$WORK"
    if [ $rc -eq 0 ]; then
        echo "PACKAGING SMOKE TEST: PASS ($((SECONDS - START_SECONDS)) s)"
    else
        echo "PACKAGING SMOKE TEST: FAIL at '$STEP' ($((SECONDS - START_SECONDS)) s)"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for_line FILE REGEX SECONDS PID: polls FILE for REGEX while PID lives; prints the line.
wait_for_line() {
    local file=$1 regex=$2 limit=$3 pid=$4 line
    for _ in $(seq 1 $((limit * 2))); do
        line=$(grep -m1 -E "$regex" "$file" 2>/dev/null) && { echo "$line"; return 0; }
        kill -0 "$pid" 2>/dev/null || { grep -m1 -E "$regex" "$file" 2>/dev/null && return 0; return 1; }
        sleep 0.5
    done
    return 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (dpkg -i / --purge)"
DEB=${1:-$(ls -t "$ROOT"/packaging/target/jpackage/installer/${PKG}_*.deb 2>/dev/null | head -n 1)}
[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no .deb found; build it: mvn -B -ntp -DskipTests -Ppackage package"
command -v xvfb-run >/dev/null || fail "xvfb-run missing: apt-get install -y xvfb xauth"
PKG_VERSION=$(dpkg-deb -f "$DEB" Version)
VERSION=${PKG_VERSION%-*}
log "package $DEB (version $PKG_VERSION)"

step "install"
purge_package || fail "could not purge an earlier install"
# a desktop system has these menu folders; a bare CI machine may not (xdg-desktop-menu needs them)
for d in /usr/share/applications /usr/share/desktop-directories; do
    [ -d "$d" ] || { mkdir -p "$d" && MENU_DIRS_CREATED+=("$d"); }
done
if ! dpkg -i "$DEB" >"$WORK/install.out" 2>&1; then
    log "dpkg -i wants dependencies; apt-get -f install"
    DEBIAN_FRONTEND=noninteractive apt-get -f install -y >>"$WORK/install.out" 2>&1 || fail "apt-get -f install failed"
fi
dpkg-query -W -f='${Status}' "$PKG" | grep -q "install ok installed" || fail "package not installed"

step "layout"
for f in "$APP_DIR/bin/relaymq" "$APP_DIR/bin/relaymq-console" "$APP_DIR/lib/runtime/bin/java" \
        "$APP_DIR/lib/app/headless/relaymq-runtime.jar" "$APP_DIR/lib/relaymq-console.png" \
        "$APP_DIR/lib/app/LICENSE.txt" "$APP_DIR/share/doc/copyright" \
        /usr/share/applications/relaymq-relaymq-console.desktop; do
    [ -e "$f" ] || fail "missing $f"
done
[ "$(readlink -f /usr/bin/relaymq)" = "$APP_DIR/bin/relaymq" ] || fail "/usr/bin/relaymq is not our launcher"
[ "$(readlink -f /usr/bin/relaymq-console)" = "$APP_DIR/bin/relaymq-console" ] || fail "/usr/bin/relaymq-console is not our launcher"
grep -q "^Categories=Development;Network;" /usr/share/applications/relaymq-relaymq-console.desktop \
    || fail "desktop entry without the Development;Network; categories"
grep -q "^Icon=$APP_DIR/lib/relaymq-console.png" /usr/share/applications/relaymq-relaymq-console.desktop \
    || fail "desktop entry without the icon"

step "versions"
RT_VERSION=$(relaymq --version 2>&1 | head -n 1)
CONSOLE_VERSION=$(relaymq-console --version 2>&1 | head -n 1)
log "relaymq --version: $RT_VERSION | relaymq-console --version: $CONSOLE_VERSION"
[ "$RT_VERSION" = "relaymq $VERSION" ] || fail "relaymq --version says '$RT_VERSION', package is $VERSION"
[ "$CONSOLE_VERSION" = "relaymq-console $VERSION" ] || fail "relaymq-console --version says '$CONSOLE_VERSION', package is $VERSION"

step "namesrv from the installed launcher"
relaymq namesrv --host 127.0.0.1 --port 0 >"$WORK/namesrv.out" 2>"$WORK/namesrv.err" &
NS_PID=$!
PIDS+=("$NS_PID")
NS_READY=$(wait_for_line "$WORK/namesrv.out" '^READY namesrv ' "$READY_TIMEOUT" "$NS_PID") \
    || fail "no 'READY namesrv' within ${READY_TIMEOUT}s"
NS_ADDR=${NS_READY##* }
log "$NS_READY"

step "broker from the installed launcher"
relaymq broker --host 127.0.0.1 --ip 127.0.0.1 --port 0 --namesrv "$NS_ADDR" --name smoke-broker \
    --store "$WORK/store" >"$WORK/broker.out" 2>"$WORK/broker.err" &
BROKER_PID=$!
PIDS+=("$BROKER_PID")
# the broker prints READY only once it serves and its registration was accepted
BROKER_READY=$(wait_for_line "$WORK/broker.out" '^READY broker ' "$READY_TIMEOUT" "$BROKER_PID") \
    || fail "no 'READY broker' within ${READY_TIMEOUT}s"
BROKER_ADDR=${BROKER_READY##* }
log "$BROKER_READY"

step "broker registered"
if relaymq --help 2>/dev/null | grep -qE '^ +admin( |$)'; then
    # ask the NameServer itself
    relaymq admin cluster --namesrv "$NS_ADDR" >"$WORK/admin.out" 2>&1 || fail "relaymq admin cluster failed"
    grep -q "smoke-broker" "$WORK/admin.out" || fail "NameServer does not list smoke-broker: $(cat "$WORK/admin.out")"
    log "relaymq admin cluster lists smoke-broker"
    REGISTRATION="admin cluster"
else
    REGISTRATION="READY + unregister at stop"
fi
# a graceful stop unregisters: the NameServer confirms it knew the broker
stop_pid "$BROKER_PID"
grep -q "unregistered from 1 of 1 NameServers" "$WORK/broker.err" \
    || fail "broker did not unregister from the NameServer at stop"
log "broker unregistered from 1 of 1 NameServers (registration proven by: $REGISTRATION)"
stop_pid "$NS_PID"

step "console self-check under Xvfb"
# own session and process group, so cleanup can stop the console, Xvfb and the demo nodes together
setsid xvfb-run -a -s "-screen 0 1440x900x24" \
    relaymq-console --self-check --data-dir="$WORK/console-data" >"$WORK/console.out" 2>"$WORK/console.err" &
CONSOLE_PID=$!
GROUPS_STARTED+=("$CONSOLE_PID")
for _ in $(seq 1 $((CONSOLE_TIMEOUT * 2))); do
    kill -0 "$CONSOLE_PID" 2>/dev/null || break
    sleep 0.5
done
kill -0 "$CONSOLE_PID" 2>/dev/null && fail "console still running after ${CONSOLE_TIMEOUT}s"
wait "$CONSOLE_PID"
CONSOLE_RC=$?
CHECK_LINE=$(grep -m1 "^SELF-CHECK" "$WORK/console.out")
log "${CHECK_LINE:-no SELF-CHECK line} (exit $CONSOLE_RC)"
[ $CONSOLE_RC -eq 0 ] || fail "console exited with $CONSOLE_RC"
case "$CHECK_LINE" in
    "SELF-CHECK OK relaymq-console $VERSION java=$APP_DIR/lib/runtime/bin/java runtime=$APP_DIR/lib/app/headless/relaymq-runtime.jar") ;;
    *) fail "console self-check did not pass with the bundled Java and runtime: $CHECK_LINE" ;;
esac
if pgrep -f "^$APP_DIR/" >/dev/null; then
    fail "processes of the installed image still running after the console exited: $(pgrep -af "^$APP_DIR/")"
fi

step "uninstall"
purge_package || fail "dpkg --purge failed"
STEP="done"
