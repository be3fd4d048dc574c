#!/usr/bin/env bash
# Screenshots of real `main.py` processes driven like a user (xdotool clicks and keys),
# under Xvfb with no window manager:
#
#   xvfb-run -a -s "-screen 0 1440x900x24" scripts/screenshots_real.sh [OUT] [LANGUAGES]
#
# Per language: the sign-in dialog with a three-line error (an unreachable server on a
# computer without a credential store: the "Remember me" note shows too), then the demo
# signed in, its Help menu (with a helpdesk from a policy file), the user guide and the
# helpdesk window. OUT defaults to docs/screenshots, LANGUAGES to "az ru".
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
languages=${2:-az ru}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=xcb UV_PYTHON_DOWNLOADS=never
export MINISTRY_INTRANET_POLICY="$work/policy.json"
cat >"$MINISTRY_INTRANET_POLICY" <<'JSON'
{"helpdesk_name": "Səhiyyə Nazirliyi, İT xidməti", "helpdesk_phone": "+994 12 555 00 00",
 "helpdesk_email": "helpdesk@health.gov.az", "helpdesk_url": "https://helpdesk.health.gov.az"}
JSON

find_window() {  # a visible window whose title matches $1, waiting up to 60 s
    for _ in $(seq 120); do
        xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 && return 0
        sleep 0.5
    done
    return 1
}

click_close() {  # the Close button at a dialog's bottom right
    eval "$(xdotool getwindowgeometry --shell "$1" | sed 's/^/G/')"
    xdotool mousemove $((GX + GWIDTH - 60)) $((GY + GHEIGHT - 28)) click 1
    sleep 0.7
}

for lang in $languages; do
    # 1. The sign-in dialog with a long error.
    profile="$work/signin-$lang"; mkdir -p "$profile"
    printf '[ui]\nlanguage=%s\n' "$lang" >"$profile/MinistryIntranet.ini"
    uv run --locked python main.py --profile-dir "$profile" >/dev/null 2>&1 &
    app=$!
    dialog=$(find_window "Intranet|İntranet|Интранет"); sleep 1.5
    xdotool windowfocus "$dialog" 2>/dev/null || true
    xdotool key --window "$dialog" shift+Tab; sleep 0.2  # from the username to the server
    xdotool key ctrl+a; xdotool type --delay 20 "127.0.0.1:9"
    xdotool key Tab; xdotool key ctrl+a; xdotool type --delay 20 "turane.ceferli"
    xdotool key Tab; xdotool type --delay 20 "secret"; xdotool key Return
    sleep 4
    import -window "$dialog" "$out/signin-error-long-$lang.png"
    kill "$app"; wait "$app" 2>/dev/null || true

    # 2. The demo signed in: Help menu, user guide, helpdesk.
    profile="$work/demo-$lang"; mkdir -p "$profile"
    printf '[ui]\nlanguage=%s\n' "$lang" >"$profile/MinistryIntranet-demo.ini"
    uv run --locked python main.py --demo --profile-dir "$profile" --demo-port 0 >/dev/null 2>&1 &
    app=$!
    dialog=$(find_window "—"); sleep 1.5
    xdotool key --window "$dialog" Return  # the demo's account is filled in
    sleep 8
    main=$(find_window "—")
    eval "$(xdotool getwindowgeometry --shell "$main")"
    help_x=$((X + 176)); help_y=$((Y + 15))  # the third menu of the menu bar
    xdotool mousemove "$help_x" "$help_y" click 1; sleep 1
    import -window root "$work/root.png"
    convert "$work/root.png" -crop "560x200+$X+$Y" +repage "$out/help-menu-$lang.png"
    xdotool mousemove $((help_x + 40)) $((help_y + 30)) click 1; sleep 2
    guide=$(find_window "bələdçi|Руководство|User guide")
    import -window "$guide" "$out/guide-$lang.png"
    click_close "$guide"
    xdotool mousemove "$help_x" "$help_y" click 1; sleep 0.7
    xdotool mousemove $((help_x + 40)) $((help_y + 55)) click 1; sleep 1.5
    desk=$(find_window "dəstək|поддержки|Helpdesk")
    import -window "$desk" "$out/helpdesk-$lang.png"
    click_close "$desk"
    kill "$app"; wait "$app" 2>/dev/null || true
done
