#!/usr/bin/env python3
"""Writes the made-up evidence set of the catalogue example: 14 nightly runs
per architecture, amd64 in Ginkgo v2's JUnit report (a <testsuites> root,
labels in the names, a status attribute), arm64 and s390x in the shape of
KubeVirt's junit.functest.xml (a bare <testsuite> root, no labels: map.txt
maps them). Every result is MADE UP for the example; none comes from CI."""
import os
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = 14
NOTE = "<!-- MADE UP for featuregate's catalogue example: not real CI results. -->\n"

def day(run):
    return f"2026-03-{run + 1:02d}T02:00:00"

# amd64: (gate, text of the five specs, label list). SEV's third spec fails on
# runs 3, 7 and 11: 11/14 = 79% < 95%, so SEV on amd64 is Regressed.
AMD64 = [
    ("ImageVolume", "[sig-storage] ImageVolume", "boots from a container image volume #{i}", "sig-storage"),
    ("WorkloadEncryptionSEV", "[sig-compute] AMD SEV", "attests the guest #{i}", "sig-compute"),
    ("Snapshot", "[sig-storage] VirtualMachineSnapshot", "restores a snapshot #{i}", "sig-storage"),
    ("LiveMigration", "[sig-compute] Live Migration", "migrates a running VMI #{i}", "sig-compute"),
]

def amd64():
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', NOTE,
           '<testsuites tests="{}" disabled="14" errors="0" failures="3" time="5040">\n'.format(RUNS * 22)]
    for run in range(RUNS):
        out.append(f'  <testsuite name="KubeVirt e2e suite" package="/go/src/kubevirt.io/kubevirt/tests" '
                   f'tests="22" disabled="0" skipped="1" errors="0" failures="{1 if run % 4 == 3 else 0}" '
                   f'time="360" timestamp="{day(run)}">\n')
        out.append('    <properties><property name="SuiteSucceeded" value="true"></property></properties>\n')
        out.append('    <testcase name="[BeforeSuite]" classname="KubeVirt e2e suite" status="passed" time="12"></testcase>\n')
        for gate, describe, it, sig in AMD64:
            for i in range(1, 6):
                name = f"[It] {describe} {it.format(i=i)} [{sig}, FeatureGate:{gate}]"
                fails = gate == "WorkloadEncryptionSEV" and i == 3 and run % 4 == 3
                status = "failed" if fails else "passed"
                out.append(f'    <testcase name={quoteattr(name)} classname="KubeVirt e2e suite" status="{status}" time="14">')
                if fails:
                    out.append('\n      <failure message="Timed out after 300.000s. VMI did not report an attested launch measurement" type="failed">'
                               'tests/sev_test.go:212\n</failure>\n    ')
                out.append('</testcase>\n')
        # A typo in a tag: a warning with a suggestion, never dropped silently.
        out.append('    <testcase name="[It] [sig-storage] ImageVolume survives a restart [sig-storage, FeatureGate:ImageVolumes]" '
                   'classname="KubeVirt e2e suite" status="passed" time="20"></testcase>\n')
        out.append('    <testcase name="[It] [sig-compute] SEV-SNP boots [FeatureGate:WorkloadEncryptionSEV]" '
                   'classname="KubeVirt e2e suite" status="skipped" time="0">\n'
                   '      <skipped message="skipped - no SEV-SNP node"></skipped>\n    </testcase>\n')
        out.append('  </testsuite>\n')
    out.append('</testsuites>\n')
    path = os.path.join(HERE, "amd64", "junit.e2e.xml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("".join(out))

# arm64 and s390x: KubeVirt functest names (no FeatureGate tags).
FUNCTESTS = {
    "arm64": [
        "[rfe_id:11209][crit:medium][vendor:cnv-qe@redhat.com][level:component][sig-storage] ImageVolume should boot a VMI from an image volume {i}",
        "[rfe_id:3264][crit:high][vendor:cnv-qe@redhat.com][level:system][sig-storage] VirtualMachineSnapshot should restore a VM {i}",
    ],
    "s390x": [
        "[crit:high][vendor:cnv-qe@redhat.com][level:system][sig-compute] Secure Execution should start a protected VMI {i}",
        "[rfe_id:393][crit:high][vendor:cnv-qe@redhat.com][level:system][sig-compute] Live Migration should migrate a VMI {i}",
        "[rfe_id:11209][crit:medium][vendor:cnv-qe@redhat.com][level:component][sig-storage] ImageVolume should boot a VMI from an image volume {i}",
    ],
}

def functest(arch):
    for run in range(RUNS):
        cases = []
        for pattern in FUNCTESTS[arch]:
            # s390x runs only three ImageVolume tests: too few to promote.
            count = 3 if arch == "s390x" and "ImageVolume" in pattern else 5
            for i in range(1, count + 1):
                cases.append(f'  <testcase name={quoteattr(pattern.format(i=i))} classname="Tests Suite" time="31"></testcase>\n')
        cases.append('  <testcase name="[sig-compute] VMIlifecycle should start a VMI with a GPU" classname="Tests Suite" time="0">\n'
                     '    <skipped></skipped>\n  </testcase>\n')
        path = os.path.join(HERE, arch, f"junit.functest.{run + 1:02d}.xml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + NOTE)
            f.write(f'<testsuite name="Tests Suite" tests="{len(cases)}" failures="0" errors="0" skipped="1" '
                    f'time="1200" timestamp="{day(run)}">\n')
            f.write("".join(cases))
            f.write("</testsuite>\n")

amd64()
functest("arm64")
functest("s390x")
