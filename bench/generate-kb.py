#!/usr/bin/env python3
"""Writes a knowledge base with N error signatures for the matching benchmark: docs/ of
solution docs (five beads a doc, ten signatures a bead, in blank-line separated groups
under "### Error" headings) and beads/issues.jsonl. Signatures come from ~40 families of
real build errors (npm, pip, go, cargo, maven, gradle, docker, kaniko, kubectl, git,
TLS, DNS, disk, permissions ...) with their variable parts filled in: package, module
and function names from a generated vocabulary, versions, paths, hosts, numbers.
Also writes paste.log: 200 lines of build output with one instance of a known
signature (other path, numbers) in the middle, and expected.txt: that bead's id.
Usage: generate-kb.py N DIR   (deterministic for a given N)"""
import json, os, random, re, sys

n, root = int(sys.argv[1]), sys.argv[2]
rng = random.Random(n)
syll = "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo".split()
def name(parts=3): return "".join(rng.choice(syll) for _ in range(rng.randint(2, parts)))
vocab = sorted({name() for _ in range(20000)})
def w(): return rng.choice(vocab)
def ver(): return f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}"
def path(): return "/" + "/".join(rng.choice(["app", "src", "usr", "lib", "opt", "var", "build", "node_modules", w(), w()]) for _ in range(rng.randint(2, 5)))
def host(): return f"{w()}.{rng.choice(['internal', 'example.com', 'corp.net', 'svc.cluster.local'])}"
def num(): return str(rng.randint(1, 65535))

families = [
    lambda: f"npm ERR! code E{rng.choice(['RESOLVE', 'NOTEMPTY', 'ACCES', 'INTEGRITY', 'TIMEDOUT', 'NOENT'])} while installing {w()}@{ver()}",
    lambda: f"npm ERR! Could not resolve dependency: peer {w()}@\"^{ver()}\" from {w()}-{w()}@{ver()}",
    lambda: f"Error: Cannot find module '{w()}/{w()}' required by {path()}.js in {w()} bundle",
    lambda: f"ModuleNotFoundError: No module named '{w()}_{w()}' while importing {w()}.{w()}",
    lambda: f"ERROR: Could not find a version that satisfies the requirement {w()}=={ver()} (from versions: none)",
    lambda: f"pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='{host()}', port=443): Read timed out in {w()} resolver",
    lambda: f"go: {w()}.io/{w()}/{w()}@v{ver()}: reading {host()}/{w()}: 410 Gone",
    lambda: f"undefined: {w()}.{w().capitalize()}{w().capitalize()} in package {w()}/{w()}",
    lambda: f"error[E0{rng.randint(100, 799)}]: cannot find {rng.choice(['value', 'type', 'function', 'macro'])} `{w()}_{w()}` in module `{w()}`",
    lambda: f"error: failed to select a version for the requirement `{w()} = \"^{ver()}\"` in crate {w()}",
    lambda: f"[ERROR] Failed to execute goal org.apache.maven.plugins:maven-{w()}-plugin:{ver()}:{w()} on project {w()}-{w()}",
    lambda: f"Could not resolve all files for configuration ':{w()}:{w()}CompileClasspath' in project {w()}",
    lambda: f"Execution failed for task ':{w()}:{rng.choice(['compile', 'merge', 'process', 'bundle'])}{w().capitalize()}Resources'. {w()} resource linking failed",
    lambda: f"ERROR: failed to solve: {w()}/{w()}:{ver()}: failed to resolve source metadata for docker.io/{w()}/{w()}:{ver()}",
    lambda: f"failed to compute cache key: \"{path()}\" not found in {w()} build context",
    lambda: f"COPY failed: file not found in build context or excluded by .dockerignore: stat {w()}/{w()}.{rng.choice(['json', 'lock', 'toml'])}",
    lambda: f"error checking push permissions -- make sure you entered the correct tag name for {w()} registry {host()}",
    lambda: f"kaniko: error building image: error building stage {w()}: failed to get filesystem from image {w()}-{w()}",
    lambda: f"Error from server (Forbidden): {rng.choice(['pods', 'deployments', 'secrets', 'jobs'])} is forbidden: User \"system:serviceaccount:{w()}:{w()}\" cannot list resource in namespace {w()}",
    lambda: f"error: unable to recognize \"{w()}.yaml\": no matches for kind \"{w().capitalize()}{w().capitalize()}\" in version \"{w()}/v1\" for {w()} chart",
    lambda: f"Back-off pulling image \"{host()}/{w()}:{ver()}\" for pod {w()}-{w()}",
    lambda: f"fatal: unable to access 'https://{host()}/{w()}/{w()}.git/': Could not resolve host: {host()}",
    lambda: f"error: pathspec '{w()}/{w()}' did not match any file(s) known to git in repository {w()}",
    lambda: f"x509: certificate signed by unknown authority while contacting {host()} for {w()} artefacts",
    lambda: f"dial tcp: lookup {host()} on 10.{rng.randint(0, 255)}.0.10:53: no such host during {w()} sync",
    lambda: f"write {path()}: no space left on device while unpacking {w()} layer",
    lambda: f"open {path()}: permission denied for user {w()} in {w()} step",
    lambda: f"java.lang.OutOfMemoryError: Java heap space in {w()}.{w().capitalize()}{w().capitalize()}.{w()}",
    lambda: f"panic: runtime error: invalid memory address or nil pointer dereference in {w()}.{w().capitalize()}",
    lambda: f"TypeError: Cannot read properties of undefined (reading '{w()}') at {w().capitalize()}{w().capitalize()} in {w()}",
    lambda: f"SyntaxError: Unexpected token '{rng.choice(['<', '{', 'export', 'import'])}' in {w()}/{w()}.config.js of {w()}",
    lambda: f"ld: library not found for -l{w()} while linking {w()}",
    lambda: f"fatal error: {w()}/{w()}.h: No such file or directory compiling {w()}.c",
    lambda: f"E: Unable to locate package lib{w()}-{w()}-dev",
    lambda: f"The command '/bin/sh -c {w()} {rng.choice(['install', 'build', 'setup'])}' returned a non-zero code: {rng.randint(1, 255)} in stage {w()}",
    lambda: f"Error: Process completed with exit code {rng.randint(1, 255)} in job {w()}-{w()}",
    lambda: f"##[error]The operation was canceled after {rng.randint(5, 360)} minutes in {w()} runner",
    lambda: f"tsc error TS{rng.randint(1000, 7999)}: Property '{w()}' does not exist on type '{w().capitalize()}{w().capitalize()}' in {w()} package",
    lambda: f"webpack compiled with {rng.randint(1, 40)} errors: Module not found: Can't resolve '{w()}' in '{path()}' for {w()} entry",
    lambda: f"OCI runtime create failed: container_linux.go:{num()}: starting container process caused: exec: \"{w()}\": executable file not found in $PATH for {w()} service",
]
noise = [
    lambda: f"#{rng.randint(3, 30)} {rng.random() * 90:.3f} {rng.choice(['added', 'removed', 'changed'])} {rng.randint(1, 900)} packages in {rng.randint(1, 60)}s",
    lambda: f"{rng.choice(['Step', 'STEP'])} {rng.randint(1, 9)}/{rng.randint(9, 20)} : RUN {w()} {rng.choice(['install', 'build', 'test'])}",
    lambda: f"2026-02-04T10:{rng.randint(10, 59)}:{rng.randint(10, 59)}.{rng.randint(1000000, 9999999)}Z  ---> Using cache",
    lambda: f"#{rng.randint(3, 30)} sha256:{rng.getrandbits(256):064x} {rng.randint(1, 99)}.{rng.randint(0, 9)}MB / {rng.randint(100, 400)}.0MB {rng.random() * 9:.1f}s",
    lambda: f"npm WARN deprecated {w()}@{ver()}: this library is no longer supported",
    lambda: f"Downloading {w()}-{ver()}-py3-none-any.whl ({rng.randint(10, 900)} kB)",
    lambda: f"  Compiling {w()} v{ver()}",
]

beads_per_doc, sigs_per_bead = 5, 10
total_beads = max(1, n // sigs_per_bead)
os.makedirs(f"{root}/docs", exist_ok=True)
os.makedirs(f"{root}/beads", exist_ok=True)
ids = []
seen = set()
while len(ids) < total_beads:
    bid = "kb-" + "".join(rng.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(6))
    if bid not in seen:
        seen.add(bid)
        ids.append(bid)
target_bead = ids[len(ids) // 2]
shapes = set()
target_signature = None
family_of = {}
with open(f"{root}/beads/issues.jsonl", "w") as jl:
    for bid in sorted(ids):
        jl.write(json.dumps({"id": bid, "title": f"Known build error {bid}", "description": "", "status": "closed",
                             "priority": 2, "issue_type": "bug", "created_at": "2026-01-05T10:00:00Z",
                             "updated_at": "2026-01-05T10:00:00Z", "closed_at": "2026-01-05T10:00:00Z"},
                            separators=(",", ":")) + "\n")
with open(f"{root}/beads/config.yaml", "w") as cfg:
    cfg.write("prefix: kb\n")
for d in range(0, len(ids), beads_per_doc):
    group = ids[d:d + beads_per_doc]
    lines = [f"# Build failures, set {d // beads_per_doc + 1}", ""]
    for bid in group:
        family = rng.randrange(len(families))
        lines += [f"## {w().capitalize()} {w()} failures ({bid})", "", "### Error", "", "```text"]
        sigs = []
        for k in range(sigs_per_bead):
            fam = families[(family + k) % len(families)]
            # One generalised shape belongs to one bead, as in a real knowledge base:
            # draw again when masking numbers and quoted values would make it a duplicate.
            while True:
                sig = fam()
                shape = re.sub(r"\d+", "0", re.sub(r"'[^']*'|\"[^\"]*\"", "Q", sig))
                if shape not in shapes:
                    shapes.add(shape)
                    break
            sigs.append(sig)
            lines += [sig, ""]
        lines[-1:] = ["```", "", "### Fix", "", f"Rebuild {w()} after clearing its {w()} cache.", ""]
        if bid == target_bead:
            target_signature = sigs[3]
    with open(f"{root}/docs/set-{d // beads_per_doc + 1:05d}.md", "w") as f:
        f.write("\n".join(lines) + "\n")

# The paste: 200 lines of noise, the known error (new path and numbers) in the middle.
def vary(text):
    out = []
    for tok in text.split(" "):
        if tok.startswith("/") and len(tok) > 1:
            tok = path() + (tok[-1] if tok[-1] in ":,;" else "")
        elif tok.isdigit():
            tok = str(int(tok) + rng.randint(1, 9))
        out.append(tok)
    return " ".join(out)
paste = [f"2026-02-04T10:15:{i % 60:02d}.{rng.randint(1000000, 9999999)}Z " + rng.choice(noise)() for i in range(199)]
paste.insert(117, f"2026-02-04T10:16:57.4471203Z #14 {rng.random() * 50:.3f} " + vary(target_signature))
with open(f"{root}/paste.log", "w") as f:
    f.write("\n".join(paste) + "\n")
with open(f"{root}/expected.txt", "w") as f:
    f.write(target_bead + "\n")
