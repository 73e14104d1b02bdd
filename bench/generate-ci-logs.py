#!/usr/bin/env python3
"""Writes N failed-build logs of about SIZE bytes each into DIR, for bench/triage.sh:
BuildKit-style progress with deprecation warnings, then one failure (a known error of the
shipped knowledge base, or one of three it has never seen, names and numbers varying)
and CI's wrappers. Every tenth log has no failure. Usage: generate-ci-logs.py DIR N SIZE"""
import os, random, sys

out, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out, exist_ok=True)
rnd = random.Random(11)
hexs = lambda n: "".join(rnd.choice("0123456789abcdef") for _ in range(n))

def failure(k):
    kind = k % 5
    if kind == 0:
        return [f'#9 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/{hexs(24)}/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument']
    if kind == 1:
        pkg = rnd.choice(["lodash", "react-dom", "typescript"])
        return ["npm ERR! code ENOTEMPTY", f"npm ERR! ENOTEMPTY: directory not empty, rmdir '/app/node_modules/{pkg}'"]
    if kind == 2:
        return [f'psycopg2.OperationalError: connection to server at "db-{rnd.randrange(9)}.ci.internal" (10.0.{rnd.randrange(250)}.{rnd.randrange(250)}), port 5432 failed: FATAL:  too many connections for role "ci_{rnd.choice(["orders", "billing"])}"']
    if kind == 3:
        return [f'Exception in thread "worker-{rnd.randrange(64)}" java.lang.OutOfMemoryError: Java heap space']
    return [f"│ Error: creating S3 Bucket (acme-{rnd.choice(['logs', 'assets'])}-{rnd.randrange(1000, 9999)}): BucketAlreadyExists: The requested bucket name is not available"]

progress = [f"#{4 + n % 9} {n / 10:.1f} Compiling {rnd.choice(['api', 'web', 'core'])}/src/file_{n}.ts ({rnd.randrange(900)} ms)" for n in range(2000)]
block = "\n".join(progress) + "\n"
warning = "#5 1.2 npm WARN deprecated glob@7.2.3: This module is not supported, and leaks memory\n"
for k in range(count):
    with open(os.path.join(out, f"build-{k:04d}.log"), "w") as f:
        written = 0
        while written < size:
            f.write(block); f.write(warning)
            written += len(block) + len(warning)
        if k % 10 != 9:
            f.write("\n".join(failure(k)) + "\n")
            f.write('ERROR: failed to solve: process "/bin/sh -c make ci" did not complete successfully: exit code: 1\n')
        f.write("Error: Process completed with exit code 1.\n")
