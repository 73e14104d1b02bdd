#!/usr/bin/env python3
"""Scores `beads fix` on every labelled corpus, end to end through the binary, beside the
naive baseline (../shared/tools/naive_baseline.py, or NAIVE=path) on the same cases.

  bench/corpus.py [--beads PATH] [--split dev|sealed|all] [--json] [--no-baseline]

Corpora:
- the shipped knowledge base (docs/, beads/) against Tests/BeadsKnowledgeTests/Logs/corpus.jsonl;
- TeamKB and HeldOutKB (Tests/BeadsKnowledgeTests) against Logs/teams.jsonl and heldout.jsonl;
- every team under Tests/Corpus (docs/, beads/, cases.jsonl), in the split that
  Tests/Corpus/split.json gave it before anything was written.
Everything inspected while working is dev, including the three older corpora. A sealed team
is printed as totals only: its per-family table and its misses are never shown, so that
scoring it does not turn it into dev.

A positive counts at top-1 when the best match is its bead; a look-alike counts as a false
positive when anything matches.
"""
import collections, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "Tests")


def corpora():
    """(name, split, kb folder, cases file) for every corpus."""
    logs = os.path.join(TESTS, "BeadsKnowledgeTests/Logs")
    out = [
        ("shipped", "dev", ROOT, os.path.join(logs, "corpus.jsonl")),
        ("teamkb", "dev", os.path.join(TESTS, "BeadsKnowledgeTests/TeamKB"), os.path.join(logs, "teams.jsonl")),
        ("heldoutkb", "dev", os.path.join(TESTS, "BeadsKnowledgeTests/HeldOutKB"), os.path.join(logs, "heldout.jsonl")),
    ]
    corpus = os.path.join(TESTS, "Corpus")
    split = json.load(open(os.path.join(corpus, "split.json")))
    for kind in ("dev", "sealed"):
        for team in split[kind]:
            # Tests/Corpus/shipped holds real logs only: its knowledge base is the shipped one.
            kb = ROOT if team == "shipped" else os.path.join(corpus, team)
            out.append((team, kind, kb, os.path.join(corpus, team, "cases.jsonl")))
    for extra in split.get("extra_dev", []):
        out.append((extra, "dev", os.path.join(corpus, extra), os.path.join(corpus, extra, "cases.jsonl")))
    return [c for c in out if os.path.exists(c[3])]


def cases(path):
    """Cases in one shape: id, family, label (a bead id or None), text."""
    out = []
    for line in open(path):
        if not line.strip():
            continue
        c = json.loads(line)
        label = c.get("label", c.get("expect"))
        out.append({"id": c["id"], "family": c.get("family", ""), "label": None if label in (None, "none") else label,
                    "text": c["text"]})
    return out


def scratch(kb):
    d = tempfile.mkdtemp(prefix="beads-corpus-")
    shutil.copytree(os.path.join(kb, "docs"), os.path.join(d, "docs"))
    os.makedirs(os.path.join(d, "beads"))
    for f in ("issues.jsonl", "config.yaml"):
        if os.path.exists(os.path.join(kb, "beads", f)):
            shutil.copy(os.path.join(kb, "beads", f), os.path.join(d, "beads", f))
    return d


def run(binary, kb, items):
    rows = []
    for c in items:
        p = subprocess.run([binary, "fix", "--kb", kb, "--json"], input=c["text"].encode(), capture_output=True)
        out = json.loads(p.stdout or b"{}")
        matches = out.get("matches", [])
        top = matches[0]["bead"] if matches else None
        score = matches[0]["score"] if matches else 0
        rows.append((c, top, score))
    return rows


def tally(rows):
    fam = collections.OrderedDict()
    for c, top, score in rows:
        f = fam.setdefault(c["family"], {"pos": 0, "top1": 0, "neg": 0, "fp": 0, "wrong": 0, "misses": []})
        if c["label"] is None:
            f["neg"] += 1
            if top is not None:
                f["fp"] += 1
                f["misses"].append(f'{c["id"]} -> {top} {score:.2f}')
        else:
            f["pos"] += 1
            if top == c["label"]:
                f["top1"] += 1
            else:
                f["wrong"] += top is not None
                f["misses"].append(f'{c["id"]} -> {top or "none"} {score:.2f}')
    total = {k: sum(f[k] for f in fam.values()) for k in ("pos", "top1", "neg", "fp", "wrong")}
    return fam, total


def baseline(kb, items):
    naive = os.environ.get("NAIVE", os.path.join(ROOT, "..", "shared", "tools", "naive_baseline.py"))
    if not os.path.exists(naive):
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for c in items:
            f.write(json.dumps({"label": c["label"], "text": c["text"]}) + "\n")
    try:
        p = subprocess.run([sys.executable, naive, kb, f.name], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    # "naive baseline: R/N right at top-1, F/M false positives (K candidates)"
    words = p.stdout.split()
    try:
        right, pos = words[2].split("/")
        fp, neg = words[6].split("/")
        return {"top1": int(right), "pos": int(pos), "fp": int(fp), "neg": int(neg)}
    except (IndexError, ValueError):
        return None


def pct(a, b):
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def main():
    args = sys.argv[1:]
    binary = args[args.index("--beads") + 1] if "--beads" in args else os.path.join(ROOT, ".build/debug/beads")
    which = args[args.index("--split") + 1] if "--split" in args else "dev"
    results = []
    for name, split, kb, path in corpora():
        if which != "all" and split != which:
            continue
        items = cases(path)
        d = scratch(kb)
        try:
            fam, total = tally(run(binary, d, items))
            naive = None if "--no-baseline" in args else baseline(d, items)
        finally:
            shutil.rmtree(d)
        results.append({"corpus": name, "split": split, "families": fam, "total": total, "naive": naive})
    if "--json" in args:
        for r in results:
            if r["split"] == "sealed":
                r.pop("families")
        print(json.dumps(results, indent=1))
        return
    print("| corpus | split | families | right at top-1 | false positives | naive: right | naive: false positives |")
    print("|---|---|---:|---|---|---|---|")
    sums = collections.defaultdict(lambda: collections.Counter())
    for r in results:
        t, n = r["total"], r["naive"] or {}
        print(f'| {r["corpus"]} | {r["split"]} | {len(r["families"])} | {pct(t["top1"], t["pos"])} | {pct(t["fp"], t["neg"])} | '
              f'{pct(n.get("top1", 0), n.get("pos", 0))} | {pct(n.get("fp", 0), n.get("neg", 0))} |')
        s = sums[r["split"]]
        for k in ("pos", "top1", "neg", "fp"):
            s[k] += t[k]
            s["n" + k] += n.get(k, 0)
    for split, s in sums.items():
        print(f'| **all {split}** | {split} | | {pct(s["top1"], s["pos"])} | {pct(s["fp"], s["neg"])} | '
              f'{pct(s["ntop1"], s["npos"])} | {pct(s["nfp"], s["nneg"])} |')
    for r in results:
        if r["split"] != "dev":
            continue
        print(f'\n### {r["corpus"]}\n')
        print("| family | right at top-1 | look-alikes matched |")
        print("|---|---|---|")
        for name, f in r["families"].items():
            print(f'| {name} | {f["top1"]}/{f["pos"]} | {f["fp"]}/{f["neg"]} |')
        misses = [m for f in r["families"].values() for m in f["misses"]]
        if misses:
            print("\nMisses: " + "; ".join(misses))


if __name__ == "__main__":
    main()
