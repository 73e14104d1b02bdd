#!/usr/bin/env python3
"""Writes a bd-shaped issues.jsonl with N beads and realistic structure: epics with
children (parent-child), chains of blockers, a share of closed work, labels, comments.
Usage: generate-beads.py N > issues.jsonl   (deterministic for a given N)"""
import json, random, sys

n = int(sys.argv[1])
rng = random.Random(n)
words = ("build deploy cache image layer docker kaniko devpod overlay registry push pull token workflow action "
         "runner pod namespace secret config test flaky timeout memory disk network proxy dns certificate").split()
types = ["task"] * 6 + ["bug"] * 3 + ["feature"] * 2 + ["epic"] + ["chore"]
ids = [f"bd-{i:x}{rng.randrange(36**2):03x}"[:12] for i in range(n)]
ids = list(dict.fromkeys(ids))
epics = []
out = []
for i, bid in enumerate(ids):
    kind = rng.choice(types)
    status = rng.choices(["open", "in_progress", "closed", "blocked", "deferred"], [40, 8, 45, 4, 3])[0]
    day = 1 + i * 300 // max(1, len(ids))
    created = f"2025-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z"
    bead = {"id": bid, "title": " ".join(rng.choice(words) for _ in range(rng.randint(3, 8))).capitalize(),
            "description": " ".join(rng.choice(words) for _ in range(rng.randint(10, 60))),
            "status": status, "priority": rng.choices([0, 1, 2, 3, 4], [3, 12, 50, 25, 10])[0], "issue_type": kind,
            "created_at": created, "created_by": rng.choice(["alice", "bob", "carol", "agent-7"]), "updated_at": created}
    if status == "closed":
        bead["closed_at"] = created
        bead["close_reason"] = "done"
    if rng.random() < 0.3:
        bead["labels"] = sorted(rng.sample(["ci", "docker", "devpod", "flaky", "infra", "ux", "perf"], rng.randint(1, 3)))
    deps = []
    if epics and kind != "epic" and rng.random() < 0.5:
        deps.append({"issue_id": bid, "depends_on_id": rng.choice(epics[-20:]), "type": "parent-child",
                     "created_at": created, "created_by": "import"})
    if i > 10 and rng.random() < 0.35:
        target = ids[rng.randrange(max(0, i - 200), i)]
        deps.append({"issue_id": bid, "depends_on_id": target, "type": rng.choice(["blocks", "blocks", "related", "discovered-from"]),
                     "created_at": created, "created_by": "import"})
    if deps:
        bead["dependencies"] = deps
    if rng.random() < 0.05:
        bead["comments"] = [{"id": 1, "issue_id": bid, "author": "bob", "text": "seen again", "created_at": created}]
    if kind == "epic":
        epics.append(bid)
    out.append(bead)
for bead in sorted(out, key=lambda b: b["id"]):
    sys.stdout.write(json.dumps(bead, separators=(",", ":")) + "\n")
