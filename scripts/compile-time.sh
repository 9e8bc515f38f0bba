#!/usr/bin/env bash
# Compile time and binary size of N gates declared with #[feature_gate],
# against the same gates written by hand as `inventory::submit!` statics of an
# equivalent descriptor: the targets are a rebuild within 1.25x of the
# hand-written crate's and no more stripped release size per gate.
#
# Usage: scripts/compile-time.sh [N] [ROUNDS]      (defaults: 1000 gates, 7 rounds)
#        INSTRUCTIONS=1 scripts/compile-time.sh ...   (also counts instructions)
#        BASELINE=/path/to/another/checkout scripts/compile-time.sh ...
#
# With BASELINE, a third crate, base-N, declares the same gates with the
# attribute of that checkout (an older commit, say), and is timed in the same
# rounds: a before/after comparison that shares the machine's load. With
# BASELINE_PLAIN=1 too, its gates leave out the keys the baseline may not
# know (requires, the stage keys).
#
# In a temporary directory it generates four binary crates, each depending on
# this repository's featuregate (or on inventory alone) by path:
#   macro-N  N gates declared with the attribute;
#   hand-N   the same N gates as a person would write them without it: a plain
#            descriptor struct (&'static str fields, enums, a support array
#            with reasons, an AtomicBool), a marker type with a trait impl, a
#            static and an `inventory::submit!` per gate;
#   macro-0, hand-0  the same crates without gates, for the size baseline.
# Then:
#   1. incremental rebuild in the default dev profile (the proc macro built
#      unoptimised, as users get it): touch src/gates.rs and `cargo build`,
#      alternating macro-N and hand-N (and base-N) for ROUNDS rounds; prints
#      the median wall time and the median CPU time (user + system, which
#      other work on a shared machine disturbs less) of each, and the ratios
#      of the medians (target: at most 1.25x);
#   2. release builds of all four, stripped; prints (size(N) - size(0)) / N
#      per gate for each (target: macro no more than hand).
#   3. with INSTRUCTIONS=1 (needs valgrind), one more rebuild of each N-gate
#      crate under callgrind: the instructions rustc executes for it (the
#      proc macro included, the linker not), a count that does not move with
#      the machine's load, so two versions of the macro compare to within a
#      fraction of a percent.
# The temporary directory is removed at the end (KEEP=1 keeps it).

set -euo pipefail

N=${1:-1000}
ROUNDS=${2:-7}
# One gate in REQUIRES_EVERY has requirements (default 20: 75 requirements in
# 1,000 gates, twice KubeVirt's share; 4 gives 375).
REQUIRES_EVERY=${REQUIRES_EVERY:-20}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/featuregate-compile-time.XXXXXX")
export CARGO_TARGET_DIR="$WORK/target"
cleanup() { if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT

STATES=(Alpha Beta GA Deprecated Discontinued)
HAND_STATES=(Alpha Beta Ga Deprecated Discontinued)
STAGE_KEYS=(alpha beta ga deprecated discontinued)
SUPPORTS=(Supported Pending Unsupported Unverified)
ARCHS=(amd64 arm64 s390x ppc64le riscv64)
OWNERS=(sig-compute sig-storage sig-network)

# The varied declaration of gate $1: sets STATE, SUPPORT[], REASON[], OWNER,
# SINCE, STAGE[] (the release of each stage, in lifecycle order, or empty)
# and REQUIRES (indices of earlier gates).
gate_data() {
    local i=$1 a
    STATE=$((i % 5))
    for a in 0 1 2 3 4; do
        # About half the architectures specified, some with a reason.
        if (((i / (a + 1) + a) % 2 == 0)); then
            SUPPORT[a]=$(((i + a) % 4))
        else
            SUPPORT[a]=-1
        fi
        if ((SUPPORT[a] == 1 && i % 3 == 0)); then REASON[a]="needs CDI ($i)"; else REASON[a]=""; fi
    done
    if ((i % 3 == 1)); then OWNER=${OWNERS[i % 3]}; else OWNER=""; fi
    if ((i % 4 == 2)); then SINCE="v1.$((i % 9)).0"; else SINCE=""; fi
    # A quarter of the gates record their history instead: the stages up to
    # their state, some skipped, one minor release apart.
    for a in 0 1 2 3 4; do STAGE[a]=""; done
    if ((i % 4 == 0)); then
        for ((a = 0; a <= STATE; a++)); do
            if ((a == STATE || (i / 4 + a) % 2 == 0)); then STAGE[a]="v1.$((a + i % 7)).0"; fi
        done
    fi
    # One gate in REQUIRES_EVERY requires an earlier gate, one in twice
    # that two. Gates 5 and 15 apart share a state, and their supports never
    # put Supported against Unsupported, so every requirement holds.
    REQUIRES=()
    if ((i % REQUIRES_EVERY == REQUIRES_EVERY - 1 && i >= 5)); then REQUIRES+=($((i - 5))); fi
    if ((i % (2 * REQUIRES_EVERY) == 2 * REQUIRES_EVERY - 1 && i >= 15)); then REQUIRES+=($((i - 15))); fi
}

manifest() { # name, dependency line
    cat <<EOF
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$2

[workspace]
EOF
}

gen_macro() { # dir, n, [repo, plain]: plain leaves out the keys a baseline may not know
    local dir=$1 n=$2 repo=${3:-$REPO} plain=${4:-} i a args r list stages
    mkdir -p "$dir/src"
    manifest "$(basename "$dir")" "featuregate = { path = \"$repo/runtime\" }" >"$dir/Cargo.toml"
    cp "$repo/Cargo.lock" "$dir/"
    cat >"$dir/src/main.rs" <<'EOF'
#![allow(dead_code)]
mod gates;

fn main() {
    let names: usize = featuregate::registry().iter().map(|g| g.name().len()).sum();
    println!("{} gates, {names} bytes of names", featuregate::registry().len());
}
EOF
    {
        echo "//! Generated: $n gates declared with the attribute."
        echo "#![allow(unused_imports)]"
        echo "use featuregate::feature_gate;"
        for ((i = 0; i < n; i++)); do
            gate_data "$i"
            stages=""
            if [[ -z $plain ]]; then
                for a in 0 1 2 3 4; do
                    [[ -n ${STAGE[a]} ]] && stages+=", ${STAGE_KEYS[a]} = \"${STAGE[a]}\""
                done
            fi
            # The stage keys give the state.
            if [[ -n $stages ]]; then args="${stages#, }"; else args="state = ${STATES[STATE]}"; fi
            for a in 0 1 2 3 4; do
                ((SUPPORT[a] < 0)) && continue
                if [[ -n ${REASON[a]} ]]; then
                    args+=", ${ARCHS[a]} = ${SUPPORTS[SUPPORT[a]]}(\"${REASON[a]}\")"
                else
                    args+=", ${ARCHS[a]} = ${SUPPORTS[SUPPORT[a]]}"
                fi
            done
            [[ -n $OWNER ]] && args+=", owner = \"$OWNER\""
            [[ -n $SINCE ]] && args+=", since = \"$SINCE\""
            if [[ -z $plain && ${#REQUIRES[@]} -gt 0 ]]; then
                list=""
                for r in "${REQUIRES[@]}"; do list+="$(printf 'Gate%05d, ' "$r")"; done
                args+=", requires = [${list%, }]"
            fi
            printf '\n/// Gate number %d.\n#[feature_gate(%s)]\npub struct Gate%05d;\n' "$i" "$args" "$i"
        done
    } >"$dir/src/gates.rs"
}

gen_hand() { # dir, n
    local dir=$1 n=$2 i a support inventory r list
    mkdir -p "$dir/src"
    inventory=$(awk '/^name = "inventory"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$REPO/Cargo.lock")
    manifest "$(basename "$dir")" "inventory = \"=$inventory\"" >"$dir/Cargo.toml"
    cp "$REPO/Cargo.lock" "$dir/"
    cat >"$dir/src/main.rs" <<'EOF'
#![allow(dead_code)]
mod desc;
mod gates;

fn main() {
    let gates: Vec<&desc::Gate> = inventory::iter::<desc::Registered>.into_iter().map(|r| r.0).collect();
    let names: usize = gates.iter().map(|g| g.name.len()).sum();
    println!("{} gates, {names} bytes of names", gates.len());
}
EOF
    # The descriptor a person would write: what `featuregate::Gate` holds.
    cat >"$dir/src/desc.rs" <<'EOF'
use std::any::Any;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State { Alpha, Beta, Ga, Deprecated, Discontinued }

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support { Supported, Pending, Unsupported, Unverified }

pub struct Gate {
    pub name: &'static str,
    pub state: State,
    pub message: Option<&'static str>,
    pub description: Option<&'static str>,
    pub since: Option<&'static str>,
    pub owner: Option<&'static str>,
    /// amd64, arm64, s390x, ppc64le, riscv64: the support and its reason.
    pub support: [Option<(Support, Option<&'static str>)>; 5],
    pub module_path: &'static str,
    pub file: &'static str,
    pub line: u32,
    pub used_by: Option<fn(&dyn Any) -> Option<bool>>,
    pub requires: &'static [&'static Gate],
    /// Each stage entered and its release, as written.
    pub history: &'static [(State, &'static str)],
    pub enabled: AtomicBool,
}

pub struct Registered(pub &'static Gate);
inventory::collect!(Registered);

pub trait FeatureGate {
    const GATE: &'static Gate;
    fn is_enabled() -> bool {
        Self::GATE.enabled.load(Ordering::Relaxed)
    }
}
EOF
    {
        echo "//! Generated: $n gates written by hand."
        echo "#![allow(unused_imports)]"
        echo "use crate::desc::{FeatureGate, Gate, Registered, State, Support};"
        echo "use std::sync::atomic::AtomicBool;"
        for ((i = 0; i < n; i++)); do
            gate_data "$i"
            support=""
            for a in 0 1 2 3 4; do
                if ((SUPPORT[a] < 0)); then
                    support+="None, "
                elif [[ -n ${REASON[a]} ]]; then
                    support+="Some((Support::${SUPPORTS[SUPPORT[a]]}, Some(\"${REASON[a]}\"))), "
                else
                    support+="Some((Support::${SUPPORTS[SUPPORT[a]]}, None)), "
                fi
            done
            printf '\n/// Gate number %d.\npub struct Gate%05d;\n' "$i" "$i"
            printf 'static GATE%05d: Gate = Gate {\n' "$i"
            printf '    name: "Gate%05d",\n    state: State::%s,\n    message: None,\n' "$i" "${HAND_STATES[STATE]}"
            printf '    description: Some("Gate number %d."),\n' "$i"
            if [[ -n $SINCE ]]; then printf '    since: Some("%s"),\n' "$SINCE"; else printf '    since: None,\n'; fi
            if [[ -n $OWNER ]]; then printf '    owner: Some("%s"),\n' "$OWNER"; else printf '    owner: None,\n'; fi
            printf '    support: [%s],\n' "${support%, }"
            printf '    module_path: module_path!(),\n    file: file!(),\n    line: line!(),\n    used_by: None,\n'
            list=""
            for r in "${REQUIRES[@]}"; do list+="$(printf '&GATE%05d, ' "$r")"; done
            printf '    requires: &[%s],\n' "${list%, }"
            list=""
            for a in 0 1 2 3 4; do
                [[ -n ${STAGE[a]} ]] && list+="(State::${HAND_STATES[a]}, \"${STAGE[a]}\"), "
            done
            printf '    history: &[%s],\n' "${list%, }"
            # Beta and GA start enabled.
            printf '    enabled: AtomicBool::new(%s),\n};\n' "$([[ $STATE == 1 || $STATE == 2 ]] && echo true || echo false)"
            printf 'impl FeatureGate for Gate%05d {\n    const GATE: &'"'"'static Gate = &GATE%05d;\n}\n' "$i" "$i"
            printf 'inventory::submit!(Registered(&GATE%05d));\n' "$i"
        done
    } >"$dir/src/gates.rs"
}

echo "generating crates of $N gates in $WORK ..."
gen_macro "$WORK/macro-$N" "$N"
gen_hand "$WORK/hand-$N" "$N"
gen_macro "$WORK/macro-0" 0
gen_hand "$WORK/hand-0" 0
KINDS=(macro hand)
if [[ -n ${BASELINE:-} ]]; then
    BASELINE=$(cd "$BASELINE" && pwd)
    gen_macro "$WORK/base-$N" "$N" "$BASELINE" "${BASELINE_PLAIN:-}"
    gen_macro "$WORK/base-0" 0 "$BASELINE" "${BASELINE_PLAIN:-}"
    KINDS+=(base)
fi

build() { # dir, extra cargo args...
    local dir=$1
    shift
    (cd "$dir" && cargo build --quiet "$@")
}


echo "first builds (dependencies; not timed) ..."
for kind in "${KINDS[@]}"; do
    build "$WORK/$kind-$N"
    "$CARGO_TARGET_DIR/debug/$kind-$N"
done

declare -A TIMES CPU
echo "incremental dev rebuilds after touching src/gates.rs, $ROUNDS rounds (wall/cpu):"
TIMEFORMAT='%R %U %S'
for ((r = 1; r <= ROUNDS; r++)); do
    # Rotate which goes first, so none always follows another.
    order=("${KINDS[@]:r % ${#KINDS[@]}}" "${KINDS[@]:0:r % ${#KINDS[@]}}")
    line="  round $r:"
    for kind in "${order[@]}"; do
        touch "$WORK/$kind-$N/src/gates.rs"
        # bash's `time` reports wall, user and system time of the build and
        # its children (cargo, rustc, the proc macro).
        read -r wall user sys < <({ time build "$WORK/$kind-$N" 2>/dev/null; } 2>&1)
        cpu=$(echo "$user + $sys" | bc -l)
        TIMES[$kind]+="$wall "
        CPU[$kind]+="$cpu "
        line+=" $kind $(printf '%.2f/%.2f' "$wall" "$cpu") s"
    done
    echo "$line"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A WALL_MEDIAN CPU_MEDIAN
for kind in "${KINDS[@]}"; do
    WALL_MEDIAN[$kind]=$(echo "${TIMES[$kind]}" | median)
    CPU_MEDIAN[$kind]=$(echo "${CPU[$kind]}" | median)
done
ratio() { echo "$1 / $2" | bc -l; }
for kind in "${KINDS[@]}"; do
    [[ $kind == hand ]] && continue
    printf 'median rebuild: %s %.2f s (cpu %.2f s), hand-written %.2f s (cpu %.2f s), ratio %.3fx (cpu %.3fx) (target <= 1.25x)\n' \
        "$kind" "${WALL_MEDIAN[$kind]}" "${CPU_MEDIAN[$kind]}" "${WALL_MEDIAN[hand]}" "${CPU_MEDIAN[hand]}" \
        "$(ratio "${WALL_MEDIAN[$kind]}" "${WALL_MEDIAN[hand]}")" "$(ratio "${CPU_MEDIAN[$kind]}" "${CPU_MEDIAN[hand]}")"
done
if [[ -n ${BASELINE:-} ]]; then
    printf 'this checkout against the baseline: %.3fx wall, %.3fx cpu\n' \
        "$(ratio "${WALL_MEDIAN[macro]}" "${WALL_MEDIAN[base]}")" "$(ratio "${CPU_MEDIAN[macro]}" "${CPU_MEDIAN[base]}")"
fi

if [[ ${INSTRUCTIONS:-0} == 1 ]]; then
    echo "instructions of one incremental rebuild (callgrind, rustc without the linker):"
    declare -A IR
    for kind in "${KINDS[@]}"; do
        dir="$WORK/$kind-$N"
        touch "$dir/src/gates.rs"
        # The rustc command cargo runs for the crate itself, from its log.
        cmd=$(cd "$dir" && cargo build -v 2>&1 | grep -F "Running \`" | grep -F -- "--crate-name ${kind}_$N" | tail -1 | sed -e 's/^ *Running `//' -e 's/`$//')
        touch "$dir/src/gates.rs"
        IR[$kind]=$(cd "$dir" && eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
        printf '  %s-%d: %d million\n' "$kind" "$N" "$((IR[$kind] / 1000000))"
    done
    for kind in "${KINDS[@]}"; do
        [[ $kind == hand ]] && continue
        printf 'instructions: %s against hand-written %.3fx\n' "$kind" "$(ratio "${IR[$kind]}" "${IR[hand]}")"
    done
fi

echo "release builds, stripped ..."
declare -A SIZE
for kind in "${KINDS[@]}"; do
    for n in "$N" 0; do
        build "$WORK/$kind-$n" --release
        cp "$CARGO_TARGET_DIR/release/$kind-$n" "$WORK/$kind-$n.bin"
        strip "$WORK/$kind-$n.bin"
        SIZE[$kind-$n]=$(stat -c %s "$WORK/$kind-$n.bin")
    done
    "$WORK/$kind-$N.bin"
done
for kind in "${KINDS[@]}"; do
    printf 'stripped release size: %s-%d %d bytes, %s-0 %d bytes: %.1f bytes per gate\n' \
        "$kind" "$N" "${SIZE[$kind-$N]}" "$kind" "${SIZE[$kind-0]}" \
        "$(echo "(${SIZE[$kind-$N]} - ${SIZE[$kind-0]}) / $N" | bc -l)"
done
