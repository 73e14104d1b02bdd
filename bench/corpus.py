#!/usr/bin/env python3
"""Scores `beads fix` on the labelled corpora, per family, end to end through the binary.

  bench/corpus.py [--beads PATH] [--json]

Three runs: the shipped knowledge base (docs/, beads/) against Tests/BeadsKnowledgeTests/Logs/
corpus.jsonl, and the teams' knowledge base (Tests/BeadsKnowledgeTests/TeamKB: runbooks
written as other teams write them) against Logs/teams.jsonl, and the held-out runbooks
(HeldOutKB, written and collected after the matcher was built, measured, not tuned on)
against Logs/heldout.jsonl. A positive counts at top-1
when the best match is its bead; a negative (expect "none") counts as a false alarm when
anything matches. Prints a Markdown table per family.
"""
import json, os, shutil, subprocess, sys, tempfile, collections

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def scratch(docs, beads):
    d = tempfile.mkdtemp(prefix="beads-corpus-")
    shutil.copytree(docs, os.path.join(d, "docs"))
    os.makedirs(os.path.join(d, "beads"))
    for f in ("issues.jsonl", "config.yaml"):
        shutil.copy(os.path.join(beads, f), os.path.join(d, "beads", f))
    return d

def run(binary, kb, logs):
    rows = []
    for line in open(logs):
        log = json.loads(line)
        p = subprocess.run([binary, "fix", "--kb", kb, "--json"], input=log["text"].encode(), capture_output=True)
        out = json.loads(p.stdout or b"{}")
        matches = out.get("matches", [])
        top = matches[0]["bead"] if matches else "none"
        score = matches[0]["score"] if matches else (out.get("nearest") or [{}])[0].get("score", 0)
        rows.append((log, top, score))
    return rows

def report(title, rows):
    fam = collections.OrderedDict()
    for log, top, score in rows:
        f = fam.setdefault(log["family"], {"pos": 0, "top1": 0, "neg": 0, "false_alarm": 0, "wrong": 0, "misses": []})
        if log["expect"] == "none":
            f["neg"] += 1
            if top != "none":
                f["false_alarm"] += 1
                f["misses"].append(f'{log["id"]} -> {top} {score:.2f}')
        else:
            f["pos"] += 1
            if top == log["expect"]:
                f["top1"] += 1
            else:
                if top != "none":
                    f["wrong"] += 1
                f["misses"].append(f'{log["id"]} -> {top} {score:.2f}')
    print(f"\n### {title}\n")
    print("| family | positives | top-1 | negatives | false alarms | precision |")
    print("|---|---|---|---|---|---|")
    tp = fp = pos = top1 = 0
    for name, f in fam.items():
        predicted = f["top1"] + f["wrong"] + f["false_alarm"]
        precision = f["top1"] / predicted if predicted else 1.0
        print(f'| {name} | {f["pos"]} | {f["top1"]}/{f["pos"]} | {f["neg"]} | {f["false_alarm"]} | {precision:.2f} |')
        tp += f["top1"]; fp += f["wrong"] + f["false_alarm"]; pos += f["pos"]; top1 += f["top1"]
    print(f"| **all** | {pos} | {top1}/{pos} ({top1 / max(1, pos):.2f}) | {sum(f['neg'] for f in fam.values())} | "
          f"{sum(f['false_alarm'] for f in fam.values())} | {tp / max(1, tp + fp):.2f} |")
    misses = [m for f in fam.values() for m in f["misses"]]
    if misses:
        print("\nMisses and false alarms: " + "; ".join(misses))

def main():
    binary = sys.argv[sys.argv.index("--beads") + 1] if "--beads" in sys.argv else os.path.join(ROOT, ".build/debug/beads")
    logs = os.path.join(ROOT, "Tests/BeadsKnowledgeTests/Logs")
    shipped = scratch(os.path.join(ROOT, "docs"), os.path.join(ROOT, "beads"))
    team_dir = os.path.join(ROOT, "Tests/BeadsKnowledgeTests/TeamKB")
    teams = scratch(os.path.join(team_dir, "docs"), os.path.join(team_dir, "beads"))
    held_dir = os.path.join(ROOT, "Tests/BeadsKnowledgeTests/HeldOutKB")
    held = scratch(os.path.join(held_dir, "docs"), os.path.join(held_dir, "beads"))
    try:
        report("Shipped knowledge base, Logs/corpus.jsonl", run(binary, shipped, os.path.join(logs, "corpus.jsonl")))
        report("Teams' runbooks (TeamKB), Logs/teams.jsonl", run(binary, teams, os.path.join(logs, "teams.jsonl")))
        report("Held-out runbooks (HeldOutKB), Logs/heldout.jsonl", run(binary, held, os.path.join(logs, "heldout.jsonl")))
    finally:
        shutil.rmtree(shipped); shutil.rmtree(teams); shutil.rmtree(held)

if __name__ == "__main__":
    main()
